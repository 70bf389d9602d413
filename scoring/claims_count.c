/* Computations and counts around a value claim (scoring/claims_private.h):
 * a term or the result of a worked example ("2 trang × 2.000 = 4.000đ"),
 * a count of several people, copies or pages ("cho 50 người"), where a
 * rate cue may stand, and the citizen's own situation before a bound
 * ("ở trọ từ 30 ngày trở lên"). Split from claims.c, which reads the rest
 * of a claim. */
#include "scoring/claims_private.h"

/* The word "x" between two numbers: 2 trang x 2.000đ. */
static gboolean
times_word (const AnswerPart *p, guint i, gboolean lenient)
{
  return i >= 1 && word_is (p, i, "x", "x", lenient)
         && starts_with_digit (p, i - 1);
}

/* Where a rate cue before word w0 may stand: two words back, but not past
 * a stop, an operator or a comma ("1k/trang => tổng 7k": the page is the
 * earlier rate's, not the total's). */
guint
claims_rate_from (const AnswerPart *p, guint w0)
{
  guint from = w0;
  while (from > 0 && w0 - from < 2
         && !(word (p, from)->gap
              & (CUE_GAP_STOP | CUE_GAP_OPERATOR | CUE_GAP_COMMA)))
    from--;
  return from;
}

/* "ở trọ từ 30 ngày trở lên", "bị làm phiền liên tục từ 30 ngày trở
 * lên": a verb of the citizen's own situation a few words before a bound. */
gboolean
claims_situation_before (const AnswerPart *p, guint w0, gboolean lenient)
{
  static const char *const strict[] = {"ở", "cư", "sống", "trọ", "vắng",
                                       "lưu", "bị", "stay", "live", "lived"};
  static const char *const plain[] = {"o", "cu", "song", "tro", "vang",
                                      "luu", "bi", "stay", "live", "lived"};
  for (guint k = w0 >= 8 ? w0 - 8 : 0; k < w0; k++)
    if (claims_word_among (p, k, strict, plain, G_N_ELEMENTS (strict), lenient))
      return TRUE;
  return FALSE;
}

/* "tháng 10 còn 11 ngày (21–31/10), tháng 11 có 30 ngày": the days of a
 * month, counted in a reckoning of dates — "tháng" and its number (one or
 * two words) then "có" or "còn" right before the days. */
static gboolean
days_of_month (const AnswerPart *p, const ValueClaim *c, gboolean lenient)
{
  if (c->m.unit != NUMBERS_UNIT_DAY || c->w0 < 3
      || !(word_is (p, c->w0 - 1, "có", "co", lenient)
           || word_is (p, c->w0 - 1, "còn", "con", lenient)))
    return FALSE;
  return word_is (p, c->w0 - 3, "tháng", "thang", lenient)
         || (c->w0 >= 4 && word_is (p, c->w0 - 4, "tháng", "thang", lenient));
}

void
claims_read_computation (const AnswerPart *p, ValueClaim *c, gboolean lenient)
{
  guint8 gap_in = word (p, c->w0)->gap;
  guint8 gap_out = c->w1 < p->words->len ? word (p, c->w1)->gap : 0;
  gboolean operand_in = (gap_in & CUE_GAP_OPERATOR) && !(gap_in & CUE_GAP_EQUALS);
  gboolean times_in = c->w0 >= 1 && (times_word (p, c->w0 - 1, lenient)
                                     || (c->w0 >= 2 && times_word (p, c->w0 - 2, lenient)));
  gboolean times_out = times_word (p, c->w1, lenient);
  gboolean more = (gap_out & CUE_GAP_OPERATOR) || times_out;
  c->result = (gap_in & CUE_GAP_EQUALS) && !more;
  c->operand = !c->result && (operand_in || times_in || more
                              || (gap_in & CUE_GAP_EQUALS)
                              || days_of_month (p, c, lenient));
  /* "2 × 2.000 = 4.000 đồng; 248 × 1.000 = 248.000 đồng; cộng 252.000
   * đồng": a result another computation or a sum follows (in its
   * sentence, within a few words) is a subtotal — not "… = 10.000 đồng,
   * gọi tổng đài …", "… qua Cổng dịch vụ công" typed without diacritics */
  for (guint k = c->w1; c->result && k < p->words->len && k < (guint) c->w1 + 5;
       k++) {
    if (k > c->w1 && (word (p, k)->gap & CUE_GAP_STOP))
      break;
    if ((word (p, k)->gap & CUE_GAP_EQUALS)
        || (!lenient && answer_word_is (p, k, "cộng")
            && !answer_word_is (p, k + 1, "hoà"))
        || (word_is (p, k, "tổng", "tong", lenient)
            && !word_is (p, k + 1, "đài", "dai", lenient)))
      c->result = FALSE, c->operand = TRUE;
  }
}

/* A number of two to ten said in words ("hai trang", "ba bản"). */
static gboolean
several_in_words (const AnswerPart *p, guint i, gboolean lenient)
{
  static const char *const strict[] = {"hai", "ba", "bốn", "năm", "sáu",
                                       "bảy", "tám", "chín", "mười"};
  static const char *const plain[] = {"hai", "ba", "bon", "nam", "sau",
                                      "bay", "tam", "chin", "muoi"};
  return claims_word_among (p, i, strict, plain, G_N_ELEMENTS (strict), lenient);
}

/* A count of several (2 or more) people, copies or pages in [from, to):
 * "cho 50 người", "2 bản", "tính hai trang". */
gboolean
claims_several_in (const AnswerPart *p, guint from, guint to, gboolean lenient)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_COUNT || ch->w0 < from + 1 || ch->w1 > to)
      continue;
    const CueWord *n = word (p, ch->w0 - 1);
    if (!g_ascii_isdigit (p->norm[n->start])) {
      if (several_in_words (p, ch->w0 - 1, lenient))
        return TRUE;
      continue;
    }
    guint v = 0;
    for (guint k = n->start; k < n->end && g_ascii_isdigit (p->norm[k]); k++)
      v = v * 10 + (guint) (p->norm[k] - '0');
    if (v >= 2)
      return TRUE;
  }
  return FALSE;
}

gboolean
claims_total_paren (const AnswerPart *p, guint w0)
{
  const guint *groups = claims_paren_groups (p);
  guint g = groups[w0];
  if (g == 0)
    return FALSE;
  guint first = w0;
  while (first > 0 && groups[first - 1] == g)
    first--;
  for (guint h = 0; h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_TOTAL && hit (p, h)->w0 == first)
      return TRUE;
  return FALSE;
}
