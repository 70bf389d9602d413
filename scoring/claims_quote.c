/* Quotations in an answer (scoring/claims_private.h): a question heard
 * and answered, a mix-up quoted, a belief's figures, a statement quoted
 * whole and then set right ("1. "…" → Chưa chính xác. …"). Split from
 * claims_polarity.c, which asks them while it reads a polarity. */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

/* The quotation mark that opens the quotation word w0 stands in, or
 * NULL outside quotation marks. */
const char *
claims_quote_open (const AnswerPart *p, guint w0)
{
  const char *at = p->norm + word (p, w0)->start, *open = NULL;
  guint quotes = 0;
  for (const char *q = p->norm; q < at; q++)
    if (*q == '"')
      quotes++, open = q;
  return quotes % 2 == 1 ? open : NULL;
}

/* A question in quotation marks ("– "Văn bản cũ do Sở TT&TT cấp?" — Hồ
 * sơ lưu đã được bàn giao …"): a question heard and then answered; the
 * name in it is asked about, not stated. */
gboolean
claims_asked_in_quotes (const AnswerPart *p, guint w0)
{
  const char *at = p->norm + word (p, w0)->start;
  const char *close = claims_quote_open (p, w0) ? strchr (at, '"') : NULL;
  if (close == NULL)
    return FALSE;
  while (close > at && close[-1] == ' ')
    close--;
  return close > at && close[-1] == '?';
}

/* Whether q opens on a verdict against what was just quoted ("→ Sai.",
 * "→ Chưa chính xác.", "Không đúng:", "Wrong."). */
static gboolean
opens_on_rejection (const AnswerPart *q, gboolean lenient)
{
  if (q->words->len == 0)
    return FALSE;
  guint e = 0; /* the word after the verdict */
  if (word_is (q, 0, "sai", "sai", lenient) || word_is (q, 0, "wrong", "wrong", lenient)
      || word_is (q, 0, "false", "false", lenient)
      || word_is (q, 0, "incorrect", "incorrect", lenient)
      || word_is (q, 0, "myth", "myth", lenient))
    e = 1;
  else if ((word_is (q, 0, "không", "khong", lenient)
            || word_is (q, 0, "chưa", "chua", lenient))
           && (word_is (q, 1, "đúng", "dung", lenient)
               || word_is (q, 1, "hẳn", "han", lenient)))
    e = 2;
  else if ((word_is (q, 0, "không", "khong", lenient)
            || word_is (q, 0, "chưa", "chua", lenient))
           && word_is (q, 1, "chính", "chinh", lenient)
           && word_is (q, 2, "xác", "xac", lenient))
    e = 3;
  /* the verdict closes its clause: not "Không chính xác nếu bạn nộp
   * online: …", a condition */
  return e > 0
         && (e >= q->words->len
             || (word (q, e)->gap & (CUE_GAP_STOP | CUE_GAP_COMMA | CUE_GAP_COLON)));
}

/* A statement quoted whole, then rejected by the next sentence: a
 * "common mistakes" list ("1. "Cấp huyện bỏ từ 1/7/2025." → Chưa chính
 * xác. …"). What the quotation says is the mistake, not the answer. */
gboolean
claims_quote_rejected (const Answer *a, const AnswerPart *p, guint w0)
{
  const char *open = claims_quote_open (p, w0);
  if (open == NULL || word (p, 0)->start < (guint32) (open - p->norm))
    return FALSE; /* the quotation does not open the part */
  for (guint i = 0; i + 1 < a->parts->len; i++)
    if (answer_part (a, i) == p)
      return answer_part (a, i + 1)->block == p->block
             && opens_on_rejection (answer_part (a, i + 1), a->lenient);
  return FALSE;
}

/* 'đừng nhầm "Bộ GTVT nhập vào Bộ Xây dựng" thành "bằng lái thuộc Bộ Xây
 * dựng"': words in quotation marks in a sentence about a mix-up (nhầm,
 * hiểu lầm) are the mix-up's, not the answer's. */
gboolean
claims_mistaken_in_quotes (const AnswerPart *p, guint w0, gboolean lenient)
{
  if (claims_quote_open (p, w0) == NULL)
    return FALSE;
  for (guint k = w0; k > 0; k--) {
    if (word_is (p, k - 1, "nhầm", "nham", lenient) || word_is (p, k - 1, "lầm", "lam", lenient)
        || word_is (p, k - 1, "confuse", "confuse", lenient))
      return TRUE;
    if (word (p, k - 1)->gap & CUE_GAP_STOP && k - 1 > 0)
      break;
  }
  return FALSE;
}

gboolean
claims_believed_quote (const AnswerPart *p, guint w0, gboolean lenient)
{
  const char *open = claims_quote_open (p, w0);
  if (open == NULL)
    return FALSE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_BELIEF || p->norm + word (p, ch->w1 - 1)->end > open)
      continue;
    /* in the same sentence: no stop from the cue to the quotation, and
     * no turn ("…, thực tế / nhưng theo quy định là "03 ngày làm việc"":
     * the quotation then sets the belief right) */
    gboolean stop = FALSE;
    guint k = ch->w1;
    for (; k < p->words->len && p->norm + word (p, k)->start < open; k++)
      stop |= (word (p, k)->gap & CUE_GAP_STOP) != 0
              || (word_is (p, k, "thực", "thuc", lenient)
                  && word_is (p, k + 1, "tế", "te", lenient));
    if (!stop && !claims_turns_in (p, ch->w1, k, lenient))
      return TRUE;
  }
  return FALSE;
}
