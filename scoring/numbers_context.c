/* What stands around a number (scoring/numbers_private.h): digits that
 * belong to a code, a date or a clock time; a label word before; a fee
 * word near; bound words ("tối đa", "không quá", "at least"). Split from
 * numbers.c, whose parser asks them. */
#include "scoring/numbers_private.h"

/* Digits glued to a slash, colon, letters or another dotted part belong to
 * a citation (01/2021/NĐ-CP), a date (01/07/2025, 2025-07-01), a clock time
 * (15:00, 15h30), a code (1.000948.H38, QH15) — never to an amount. */
gboolean
numbers_digits_in_code (const Toks *k, int i)
{
  const Tok *t = &k->t[i];
  if (t->glued && i > 0) {
    const Tok *p = &k->t[i - 1];
    if (p->type == TOK_WORD)
      return TRUE;
    gboolean joined = i > 1 && p->glued;
    if (joined && (p->ch == '/' || p->ch == '.' || p->ch == '-'))
      return TRUE;
    if (joined && p->ch == ':' && k->t[i - 2].type == TOK_NUM)
      return TRUE;
  }
  if (i + 1 < k->n && k->t[i + 1].glued) {
    const Tok *nx = &k->t[i + 1];
    /* "15.000/người" is a price per person; "75/2022" and "01/QĐ" codes */
    gboolean per_word = nx->ch == '/' && t->num >= 1000 && i + 2 < k->n
                        && k->t[i + 2].type == TOK_WORD;
    /* a colon makes a clock only with digits after it ("15:30"); "VND
     * 22,000: 2,000 dong for each …" ends a figure that a list details */
    gboolean clock = nx->ch == ':' && i + 2 < k->n && k->t[i + 2].glued
                     && k->t[i + 2].type == TOK_NUM;
    if (nx->type == TOK_PUNCT && ((nx->ch == '/' && !per_word) || clock))
      return TRUE;
    if (nx->type == TOK_PUNCT && (nx->ch == '.' || nx->ch == '-')
        && i + 2 < k->n && k->t[i + 2].glued
        && (k->t[i + 2].type == TOK_WORD
            || (nx->ch == '-' && is_p (k, i + 3, '-'))))
      return TRUE;
    if (is_w (k, i + 1, W_H) && i + 2 < k->n && k->t[i + 2].glued
        && k->t[i + 2].type == TOK_NUM)
      return TRUE;
  }
  return FALSE;
}

/* A number right after Điều, khoản, số, trang, thứ, ngày, tháng, năm … is a
 * label or a date part, not an amount. */
gboolean
numbers_after_label (const Toks *k, int i)
{
  return is_w (k, i - 1, W_LABEL) || is_w (k, i - 1, W_NGAY)
         || is_w (k, i - 1, W_THANG) || is_w (k, i - 1, W_NAM)
         || is_w (k, i - 1, W_VIET);
}

gboolean
numbers_fee_cue_before (const Toks *k, int i, int window)
{
  static const int cues[] = {W_PHI, W_LE, W_GIA, W_TIEN, W_THU, W_NOP, W_MUC};
  for (int j = i - 1; j >= 0 && j >= i - window; j--)
    for (gsize c = 0; c < G_N_ELEMENTS (cues); c++)
      if (is_w (k, j, cues[c]))
        return TRUE;
  return FALSE;
}

/* Bound words just before the amount; *start moves to include them. */
NumbersBound
numbers_bound_before (const Toks *k, int i, int *start)
{
  *start = i;
  int j = is_w (k, i - 1, W_LA) ? i - 1 : i; /* tối đa là 3 ngày */
  if ((is_w (k, j - 2, W_KHONG) && is_w (k, j - 1, W_QUA))
      || (is_w (k, j - 2, W_TOI) && is_w (k, j - 1, W_DA))
      || (is_w (k, j - 2, W_CHAM) && is_w (k, j - 1, W_NHAT))
      || (is_w (k, j - 2, W_IT) && is_w (k, j - 1, W_HON))) {
    *start = j - 2;
    return NUMBERS_AT_MOST;
  }
  if ((is_w (k, j - 2, W_IT) && is_w (k, j - 1, W_NHAT))
      || (is_w (k, j - 2, W_TOI) && is_w (k, j - 1, W_THIEU))) {
    *start = j - 2;
    return NUMBERS_AT_LEAST;
  }
  if (is_w (k, j - 3, W_NO) && is_w (k, j - 2, W_HON)
      && is_w (k, j - 1, W_THAN)) { /* no more than */
    *start = j - 3;
    return NUMBERS_AT_MOST;
  }
  if ((is_w (k, j - 2, W_UP) && is_w (k, j - 1, W_TO))
      || (is_w (k, j - 2, W_AT) && is_w (k, j - 1, W_MOST))) {
    *start = j - 2;
    return NUMBERS_AT_MOST;
  }
  if ((is_w (k, j - 2, W_AT) && is_w (k, j - 1, W_LEAST))
      || (is_w (k, j - 2, W_HON) && is_w (k, j - 1, W_THAN))) {
    *start = j - 2;
    return NUMBERS_AT_LEAST;
  }
  if (is_w (k, j - 1, W_MAX)) {
    *start = j - 1;
    return NUMBERS_AT_MOST;
  }
  if (is_w (k, j - 1, W_MIN)) {
    *start = j - 1;
    return NUMBERS_AT_LEAST;
  }
  if (is_w (k, j - 1, W_DUOI)) {
    *start = j - 1;
    return NUMBERS_AT_MOST;
  }
  /* "rẻ hơn 8.000 đồng", "nhanh hơn 2 ngày": by that much, not more than */
  if (is_w (k, j - 1, W_HON) && is_w (k, j - 2, W_COMPARE))
    return NUMBERS_EXACT;
  if (is_w (k, j - 1, W_TREN) || is_w (k, j - 1, W_HON)) {
    *start = j - 1;
    return NUMBERS_AT_LEAST;
  }
  return NUMBERS_EXACT;
}
