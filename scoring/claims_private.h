/* What claims.c, claims_polarity.c, claims_negation.c, claims_channel.c,
 * claims_count.c and claims_quote.c share: word-level helpers, the polarity tests
 * read_claim applies to a value, computations and counts, parenthesis
 * groups and the channel of a value. Private to those files. */
#ifndef CLAIMS_PRIVATE_H
#define CLAIMS_PRIVATE_H

#include <string.h>

#include "scoring/answer.h"
#include "scoring/claims.h"
#include "scoring/cues.h"

static inline const CueHit *
hit (const AnswerPart *p, guint i)
{
  return &g_array_index (p->cues, CueHit, i);
}

static inline const CueWord *
word (const AnswerPart *p, guint i)
{
  return &g_array_index (p->words, CueWord, i);
}

static inline gboolean
word_is (const AnswerPart *p, guint i, const char *strict, const char *plain,
         gboolean lenient)
{
  return answer_word_is (p, i, lenient ? plain : strict);
}

/* Word i of p is one of n words, each given in its strict and plain
 * (diacritic-free) form. */
static inline gboolean
claims_word_among (const AnswerPart *p, guint i, const char *const *strict,
                   const char *const *plain, gsize n, gboolean lenient)
{
  for (gsize k = 0; k < n; k++)
    if (word_is (p, i, strict[k], plain[k], lenient))
      return TRUE;
  return FALSE;
}

/* A cue of cls wholly within words [from, to) of p. */
static inline gboolean
has_cue (const AnswerPart *p, CueClass cls, guint from, guint to)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls == cls && ch->w0 >= from && ch->w1 <= to)
      return TRUE;
  }
  return FALSE;
}

static inline gboolean
starts_with_digit (const AnswerPart *p, guint i)
{
  return i < p->words->len && g_ascii_isdigit (p->norm[word (p, i)->start]);
}

/* A negation ending at most gap words before w0, in the clause [c0, …),
 * not "không chỉ" (not only); a plain "không còn" reaches over one noun
 * phrase. */
gboolean claims_negated_before (const AnswerPart *p, guint c0, guint w0,
                                guint gap, gboolean lenient);
/* A name at w0 past a comma after an item opening on the same word,
 * that item negated ("không có công an quận, công an huyện …"); a name at
 * [w0, w1) before a next item sharing a word that runs into a negation
 * ("văn phòng công chứng, phòng công chứng không chứng thực"):
 * claims_negation.c. */
gboolean claims_listed_after_negated (const AnswerPart *p, guint w0,
                                      gboolean lenient);
gboolean claims_listed_before_negated (const AnswerPart *p, guint w0, guint w1,
                                       gboolean lenient);
/* A negated verb of filing or going, its object, then the place at w0
 * ("không nộp hồ sơ G1 ở Bộ …"): claims_negation.c. */
gboolean claims_negated_to_place (const AnswerPart *p, guint w0,
                                  gboolean lenient);
/* The negation cue ch, set off by a comma or a dash, goes on to a place
 * ("Sở Tư pháp – không còn làm ở phường"): it tells where the matter is
 * not done, not that the name before it does not do it:
 * claims_negation.c. */
gboolean claims_negated_elsewhere (const AnswerPart *p, const CueHit *ch,
                                   gboolean lenient);
/* Part p stands under a score sheet's penalty heading ("**Trừ điểm**",
 * "Điểm trừ"): what it lists are mistakes (claims_negation.c). */
gboolean claims_under_penalty (const Answer *a, const AnswerPart *p);
/* A value said after its words not to be the fee or time ("… 20.000 đồng
 * mà một số người kể lại không phải là lệ phí"): claims_negation.c. */
/* Past w1, in its sentence, the answer calls a belief right ("chị nắm
 * thông tin chính xác rồi"; claims_negation.c). */
gboolean claims_belief_confirmed (const AnswerPart *p, guint w1,
                                  gboolean lenient);
/* The name ending at w1 labels its line and a set-off negation closes
 * the line's sentence (claims_negation.c). */
gboolean claims_field_denied (const AnswerPart *p, guint w1);
/* The name's clause past w1 ends on "không bắt buộc", "không cần (thiết)":
 * said to be optional (claims_negation.c). */
gboolean claims_said_optional (const AnswerPart *p, guint w1, gboolean lenient);
gboolean claims_value_denied_after (const AnswerPart *p, guint w1,
                                    gboolean lenient);
/* A bracket right after a figure, in [w1, c1), that opens on those left
 * out of it ("(miễn cho hộ nghèo …)", "(trừ …)"): claims_negation.c. */
gboolean claims_excepted_after (const AnswerPart *p, guint w1, guint c1,
                                gboolean lenient);
/* The sentence speaks of the past before w0 ("trước đây", "trước
 * 1/7/2025") with no "now" after it. */
gboolean claims_history_before (const AnswerPart *p, guint c0, guint w0,
                                gboolean lenient);
/* The part's list introduction, heading or table row marks history. */
gboolean claims_history_context (const Answer *a, const AnswerPart *p);
/* The line of p opens on a label that tells the past ("**Lịch sử thẩm
 * quyền:** …", "History: …") and p says no "now" before word w0. */
gboolean claims_line_history (const Answer *a, const AnswerPart *p, guint w0);
/* p, at word w0, stands under a label of a period that another label of
 * the answer follows ("Năm 2024:" … "Hiện nay:"): claims_period.c. */
gboolean claims_period_past (const Answer *a, const AnswerPart *p, guint w0);

/* The dates of p that end a rate's period ("áp dụng … đến hết 31/12/2025"),
 * in word order (a private PeriodEnd each); NULL when none. Only parts with
 * a closing word are scanned for dates (claims_period.c). */
GArray *claims_period_ends (const AnswerPart *p, gboolean lenient);
/* The latest of ends in c's sentence, as yyyymmdd, or 0. */
guint32 claims_until_of (const AnswerPart *p, const GArray *ends,
                         const ValueClaim *c);
/* Marks the claims said before the answer corrects itself on the same
 * kind of figure (claims_polarity.c). */
void claims_mark_corrected (const Answer *a, GArray *claims);
/* An "ended" cue ("… đã kết thúc") at or after w1. */
gboolean claims_ended_after (const AnswerPart *p, guint w1);

/* A figure the next sentence of its line sets right with another of
 * its kind ("… đang trừ 30 ngày làm việc. Quy định là 30 ngày."):
 * negated (claims_correction.c). */
void claims_mark_restated (const Answer *a, GArray *claims);
/* A time in brackets that open on a total ("… kéo dài thêm không quá 05
 * ngày làm việc (tổng cộng tối đa 08 ngày làm việc)"): the whole, neither
 * the base time nor the extension: claims_count.c. */
gboolean claims_total_paren (const AnswerPart *p, guint w0);
/* claims_row.c: an earlier cell of part's table row (from its row head)
 * holds a cue of cls. */
gboolean claims_row_has (const Answer *a, guint part, CueClass cls);
/* claims_count.c: marks c a term ("2 trang × 2.000đ") or the result
 * ("= 4.000đ") of a computation, a subtotal when another follows. */
void claims_read_computation (const AnswerPart *p, ValueClaim *c,
                              gboolean lenient);
/* A count of several (2 or more) people, copies or pages in [from, to). */
gboolean claims_several_in (const AnswerPart *p, guint from, guint to,
                            gboolean lenient);
/* Where a rate cue before word w0 may stand (back to a stop, operator or
 * comma, at most two words). */
guint claims_rate_from (const AnswerPart *p, guint w0);
/* A verb of the citizen's own situation a few words before w0 ("ở trọ từ
 * 30 ngày trở lên"). */
gboolean claims_situation_before (const AnswerPart *p, guint w0,
                                  gboolean lenient);

/* TRUE when a value other than the one starting at word w0 lies in
 * group g. */
gboolean claims_group_has_other_value (const AnswerPart *p,
                                       const guint *groups, guint g,
                                       guint w0);
/* The channel (CH_*) value claim c of part p is said of, or -1
 * (claims_channel.c). */
gint claims_channel_for (const Answer *a, const AnswerPart *p,
                         const ValueClaim *c);

/* Word w0 of p stands in a question in quotation marks
 * ("\"… do Sở TT&TT cấp?\" — …"), or in words quoted in a sentence about
 * a mix-up ("đừng nhầm \"…\" thành \"…\""). */
gboolean claims_asked_in_quotes (const AnswerPart *p, guint w0);
/* Words in quotation marks the sentence then calls old or mistaken ("nếu
 * tờ rơi còn hướng dẫn "nộp tại Sở Tư pháp", đó là thông tin cũ"). */
gboolean claims_quote_called_old (const AnswerPart *p, guint w0,
                                  gboolean lenient);
/* A name in the condition of a sentence whose consequence calls it old
 * ("Nếu trang web nào còn hướng dẫn nộp ở Sở Tư pháp thì đó là thông tin
 * cũ"). */
gboolean claims_condition_called_old (const AnswerPart *p, guint w0,
                                      gboolean lenient);
/* 'thay mọi chỗ ghi "Sở TT&TT" bằng "Sở VHTTDL"', 'Replace any reference
 * to "Bộ Thông tin và Truyền thông"', 'Dữ liệu cũ còn ghi "…"': words in
 * quotation marks a sentence tells to replace, or an old record still
 * holds, are the old text, not the answer's. */
gboolean claims_quote_replaced (const AnswerPart *p, guint w0,
                                gboolean lenient);
/* "…, thay thế Luật Báo chí số 103/2016/QH13": what a text replaces,
 * named within six words after the verb in its clause, is the past (not
 * "được thay thế bởi …"). */
gboolean claims_replaced_object (const AnswerPart *p, guint w0,
                                 gboolean lenient);
/* Part i is a line of a quiz's lettered options, with a pick after them
 * ("- A. 03 ngày … / - B. … / - C. … / Đáp án đúng: B"). */
gboolean claims_quiz_option (const Answer *a, guint i);
gboolean claims_mistaken_in_quotes (const AnswerPart *p, guint w0,
                                    gboolean lenient);
/* A turn in words [from, to) that sets a figure right: "nhưng", "thực
 * ra", "but", "actually" (claims_polarity.c). */
gboolean claims_turns_in (const AnswerPart *p, guint from, guint to,
                          gboolean lenient);
/* A figure at word w0 in quotation marks that a belief before them in
 * the sentence introduces ("Nhiều người nghe nói "phải chờ 24 giờ" hoặc
 * "hai ngày rưỡi""): claims_polarity.c. */
gboolean claims_believed_quote (const AnswerPart *p, guint w0,
                                gboolean lenient);
/* A figure at word w0 that is the asker's, said back to be corrected
 * ("Bạn nói 15.000đ nhưng …", or in quotation marks the asker's words
 * open): claims_polarity.c. */
gboolean claims_in_reported_quote (const AnswerPart *p, guint w0,
                                   gboolean lenient);
/* Whether the figure c of p (clause [c0, c1)) is others' words, not the
 * answer's: a belief or an advert before it, in its clause or its column's
 * header ("Nhiều người nghĩ … 15.000đ", "| Kẻ gian nói |"), unless
 * confirmed; the asker's hearsay said back; a quotation reported or
 * rejected next. POL_NEGATED, POL_QUOTED, or POL_STATED: claims_quote.c. */
Polarity claims_others_words (const Answer *a, const AnswerPart *p,
                              const ValueClaim *c, guint c0, guint c1);

#endif
