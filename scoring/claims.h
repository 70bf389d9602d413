/* Claims: what an answer states, each with what it is about. An amount or
 * a duration is read with the nearest cue of its clause (lệ phí, phạt,
 * tổng đài, bước 2, chuyển phát thêm, gia hạn, trước khi hết hạn …), then
 * its part, then its context (a cell's row and column headers, the line
 * introducing a list, the heading); with its channel (trực tiếp, trực
 * tuyến, bưu chính); and with its polarity (stated, negated, history).
 * A matcher compares only the claims about the asked thing (scoring/
 * README.md "Claims"). Pure. */
#ifndef CLAIMS_H
#define CLAIMS_H

#include "scoring/answer.h"
#include "scoring/numbers.h"

typedef enum {
  SUBJ_NONE,                                 /* no cue: the asked thing */
  SUBJ_FEE, SUBJ_FINE, SUBJ_POSTAGE, SUBJ_HOTLINE, SUBJ_SERVICE,
  SUBJ_TOTAL, SUBJ_DIFFERENCE, SUBJ_CAPITAL, SUBJ_EXCHANGE, /* money */
  SUBJ_PROCESSING, SUBJ_STEP, SUBJ_EXTRA, SUBJ_DELIVERY, SUBJ_EXTENSION,
  SUBJ_DEADLINE, SUBJ_VALIDITY,              /* durations */
  SUBJ_N
} Subject;

/* "fee", "hotline", "step" … Static. */
const char *claims_subject_name (Subject s);

typedef enum {
  POL_STATED,
  POL_NEGATED, /* "không phải 20.000đ", "không nộp ở xã" */
  POL_HISTORY, /* "trước đây", "trước 1/7/2025", under "Luật … thay thế:" */
  POL_QUOTED,  /* said by the citizen in a transcript */
} Polarity;
const char *claims_polarity_name (Polarity p);

typedef struct {
  NumbersMention m;  /* the value; its span is in the part's norm */
  guint part;        /* index in the Answer */
  guint16 w0, w1;    /* its words in the part */
  guint16 c0, c1;    /* its clause's words */
  Subject subject;
  gint channel;      /* Channel (judge_key.h), or -1 */
  Polarity polarity;
  gboolean example;  /* in a worked example ("ví dụ", "giả sử" before it
                        or in its heading) */
  gboolean operand;  /* a term of a computation ("2 trang × 2.000đ", a
                        subtotal followed by "+") */
  gboolean result;   /* the final result of a computation ("= 7.000đ") */
  gboolean rate;     /* a rate per page, copy, person ("2.000đ/trang") */
  gboolean exempt;   /* for exempt or reduced groups ("người có công") */
  gboolean conclusion; /* after "nên", "vậy", "tóm lại": a reckoning's end */
  gboolean practice; /* said of what happens in practice ("in practice
                        nhiều xã làm xong trong ngày"), not the rule */
  gboolean predicted; /* foretold ("dự kiến năm 2027 sẽ quay về mức …"):
                          what nobody can know yet */
  gboolean corrected; /* said before the answer corrects itself on the
                          same kind of figure ("Xin đính chính: …") */
  gboolean general;  /* told as the general rule, for reference ("Thông
                        tin chung: …"): of no one's own case */
  gboolean yours;    /* said of the citizen's own case ("hợp đồng của bạn
                        áp dụng mức …", "in your case"): the asked case */
  gboolean threshold; /* a bound of the citizen's situation ("ở trọ từ 30
                          ngày trở lên", "30 days or more"), not a time
                          the office takes */
  gboolean multiple; /* for a number of people, copies, pages ("làm cho 50
                        người hết 500k"): a total, not the fee */
  guint32 until;     /* YYYYMMDD: its sentence says it applied until then
                        ("chỉ áp dụng từ 01/01/2024 đến hết 31/12/2025"),
                        or 0; the key's date tells whether that has ended */
} ValueClaim;

/* Every amount and duration of a, with its context. Needs
 * answer_scan (a, ANSWER_AMOUNTS). New GArray of ValueClaim. */
GArray *claims_values (const Answer *a);

/* Polarity of words [w0, w1) of part p of a: a name found there. Negated
 * when a negation stands shortly before it in its clause ("không nộp ở
 * xã") or an "abolished" cue right after ("cấp huyện đã bỏ"); history when
 * its sentence speaks of the past before it ("trước đây", "trước
 * 1/7/2025") with no "now" after that, or its list's introduction or
 * heading does; quoted in a citizen's turn. */
Polarity claims_polarity (const Answer *a, const AnswerPart *p, guint w0,
                          guint w1);

/* Whether cue h of p (a general cue) labels what follows: a colon within
 * eight words after it, or p introduces a list. */
gboolean claims_general_label (const AnswerPart *p, guint h);

/* The first part of a that corrects the answer itself ("Xin đính chính:
 * …", "Correction: …"), or -1. */
gint claims_correction_part (const Answer *a);

/* Where in p (the correcting part) the answer corrects itself: the first
 * correction cue's word, or 0 (an update note corrects from its start). */
guint claims_correction_word (const AnswerPart *p);
/* Whether the answer's correction says what came before was wrong
 * ("Xin đính chính: câu trên chưa đúng"), not only that a figure
 * changes. */
gboolean claims_correction_takes_back (const Answer *a);
/* The last part announcing the version that replaces everything before
 * it ("Bản cuối (gửi khách hàng):", "Thông tin mới nhất (16:45):",
 * "Final answer:", a "KẾT LUẬN" heading after the voices of minutes, an
 * agent joining the chat after the bot), or -1. */
gint claims_final_version (const Answer *a);
/* The text of a sign or a headline in quotation marks ('vẫn để biển
 * "UBND phường" ở điểm tiếp nhận cũ', 'bảng hiệu "Công an huyện"', 'báo
 * đăng tít "chính quyền 2 cấp"'): words written on a board or a page, not
 * what the answer says. */
gboolean claims_sign_in_quotes (const AnswerPart *p, guint w0);
/* Word w0 of p stands in quotation marks opened right after one of words
 * (normalized forms): 'con số "03 ngày làm việc"', 'hỏi "…"'. */
gboolean claims_quoted_after (const AnswerPart *p, guint w0,
                              const char *const *words, gsize n_words);

/* Word w0 of p stands in a statement quoted whole that the next sentence
 * rejects ("1. "Cấp huyện bỏ từ 1/7/2025." → Chưa chính xác. …"): a
 * mistake the answer sets right. */
gboolean claims_quote_rejected (const Answer *a, const AnswerPart *p,
                                guint w0);

/* The parenthesis group of each word of p: 0 outside, else its group's
 * number (from 1). Made on first use and kept in the part. */
const guint *claims_paren_groups (const AnswerPart *p);

/* Whether word w0 of p stands in a quotation that labels what follows it
 * ("Về chuyện "ra công an quận hoặc UBND huyện": …", ""Tôi nộp ở Sở Tư
 * pháp tháng 2/2025, chưa nhận": …"): the words are someone's, taken up —
 * unless endorsed after the colon (""…": đúng"). */
/* The quotation mark that opens the quotation word w0 of p stands in, or
 * NULL outside quotation marks. */
const char *claims_quote_open (const AnswerPart *p, guint w0);
/* The quotation mark that closes it, or NULL. */
const char *claims_quote_close (const AnswerPart *p, guint w0);

gboolean claims_quoted_label (const AnswerPart *p, guint w0,
                              gboolean lenient);

/* The clause of words [w0, w1) of p: *c0, *c1 get its bounds. */
void claims_clause (const AnswerPart *p, guint w0, guint w1, guint *c0,
                    guint *c1);

#endif
