/* What match_stance.c and match_stance_labels.c share: the readers of a
 * closed yes or no and the question's predicate. Internal to the stance
 * matcher (scoring/match.h match_polarity). */
#ifndef VABENCH_SCORING_MATCH_STANCE_PRIVATE_H
#define VABENCH_SCORING_MATCH_STANCE_PRIVATE_H

#include "scoring/match.h"

/* match_stance.c */
/* The first word of p after openers ("Dạ, vâng, chào bạn, …"). */
guint stance_after_fillers (const AnswerPart *p);
/* The end of a cue of cls starting at word w of p, or 0. */
guint stance_cue_end_at (const AnswerPart *p, CueClass cls, guint w);
/* Punctuation, or the end, right after word e - 1, past at most two chat
 * particles. */
gboolean stance_closed_at (const AnswerPart *p, guint e);
/* *span (when span is given) becomes words [from, to) of p. */
void stance_span_words (const AnswerPart *p, guint from, guint to, char **span);
/* The words a yes/no question asks about (at most two, new, into
 * words); *n their count. */
void stance_asked_predicate (View *v, char *words[2], guint *n);
/* A stance said with a modal from word w of p ("có thể", "không được"),
 * its words in [*from, *to); 1, 0 or -1. */
int stance_modal (const Answer *a, const AnswerPart *p, guint w, guint *from,
                  guint *to);

/* match_stance_opening.c: lines that open an answer without answering */
/* "Tiêu đề: …", "Từ: …", "Kính gửi …", "Thân gửi …", "Dear …". */
gboolean stance_mail_header (const AnswerPart *p);
/* '… câu hỏi của ông: "… nộp cho cơ quan nào?".' */
gboolean stance_quotes_question (const AnswerPart *p);
/* Part i asks the citizen something back (not the key's question again). */
gboolean stance_asks_back (View *v, guint i);
/* "Tôi xin trả lời câu hỏi về …", "Vậy câu trả lời là:". */
gboolean stance_announces_answer (const AnswerPart *p, gboolean lenient);
/* An apology for an earlier message ("Xin lỗi anh, tin trên tôi trả lời
 * sai nên đã thu hồi."), from word lead on. */
gboolean stance_apology (const AnswerPart *p, guint lead, gboolean lenient);
/* A short line of two or more "label: value" fields. */
gboolean stance_fields_line (const AnswerPart *p);
/* The words a chat turn opens with before what is said ("[10:30] OA (tự
 * động):"); *automatic when the turn is no one's own answer. */
guint stance_turn_lead (const AnswerPart *p, gboolean lenient,
                        gboolean *automatic);
/* p stands under a heading that defines terms ("Giải thích từ ngữ"). */
gboolean stance_in_glossary (View *v, const AnswerPart *p);
/* "*(Infographic – …)*": a caption wholly in brackets. */
gboolean stance_caption_line (const AnswerPart *p);

/* match_stance_echo.c: each 1 (yes), 0 (no) or -1, *span its words */
/* The question's predicate echoed, negated or not; the first saying
 * decides. */
int stance_echo (View *v, char **span);
/* The opening says the asked thing has ended ("Hết hiệu lực rồi"). */
int stance_ended (View *v, char **span);

/* match_stance_labels.c: each 1 (yes), 0 (no) or -1, *span its words */
int stance_marked (View *v, char **span);
int stance_labelled (View *v, char **span);
int stance_labelled_closed (View *v, char **span);
int stance_predicate_label (View *v, char **span);
int stance_field (View *v, char **span);
/* Part i is a heading that opens on the conclusion or the answer. */
gboolean stance_concludes (View *v, guint i);
/* Part p opens on the question's own words, a colon, then a closed yes or
 * no ("**Nhận hộ chiếu tại nhà qua bưu điện: được, …**"). */
int stance_restated_label (View *v, const AnswerPart *p, char **span);

#endif
