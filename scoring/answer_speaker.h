/* Who speaks in a line of an answer, before the answer is built
 * (scoring/answer.c): lines so marked are quoted, not the answer's own.
 * Pure. */
#ifndef VABENCH_SCORING_ANSWER_SPEAKER_H
#define VABENCH_SCORING_ANSWER_SPEAKER_H

#include <glib.h>

/* "Người dân: …", "Khách hàng: …": the citizen's turn of a transcript
 * (line s of n bytes, raw). "Công dân (CD): …" keeps "cd" in *short_form
 * (owned by the caller, NULL at first), so later "CD: …" turns count. */
gboolean answer_citizen_turn (const char *s, gsize n, char **short_form);

/* "[Trích dẫn 1] …", "Source 3: …": a passage a retrieval assistant
 * quotes before answering. */
gboolean answer_retrieved_passage (const char *s, gsize n);

/* "II. NỘI DUNG CÔNG DÂN TRÌNH BÀY", "Câu hỏi của bạn": a heading (its
 * normalized text) over the asker's own account — 1, whose first block is
 * the account; 2 for a bare "Câu hỏi", "Question", whose lines that ask are
 * the question (an answer may follow under it); 0 for any other. */
gint answer_asker_heading (const char *norm);

/* "Vào ngày 05/12/2026 lúc 16:02, Đỗ Văn Hưng đã viết:", "On …, X wrote:":
 * the line (raw, s of n bytes) over an e-mail's quoted lines. */
gboolean answer_mail_attribution (const char *s, gsize n);

/* "**Trả lời:** …", "Đáp: …", "Answer: …": a line (raw) that opens on the
 * reply's label. */
gboolean answer_reply_label (const char *s, gsize n);

/* "Trích giấy phép hiện có của công ty (bạn gửi kèm câu hỏi):", "Văn bản
 * bạn dán:": a line (raw) over the asker's own document pasted into the
 * question; its lines are the asker's, down to a rule or a reply label. */
gboolean answer_pasted_intro (const char *s, gsize n);
/* A horizontal rule ("---", "–––", "***", "___", "===") (raw). */
gboolean answer_rule_line (const char *s, gsize n);
/* Whether the text after a pasted document's intro (rest) holds the line
 * that ends it: a rule or a reply label. */
gboolean answer_pasted_ends (const char *rest);

/* '⭐⭐⭐ "Phường bên mình thu 20.000 đồng gì đó."': a sentence
 * (normalized) that is one quotation from end to end after a review's
 * stars: a citizen's review, someone else's words. */
gboolean answer_quoted_review (const char *norm);

#endif
