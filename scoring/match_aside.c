/* Set-aside tests on one value claim that need only the view and the key
 * (scoring/match.h): figures a careful grader does not read as the asked
 * value although they contradict it. match_value.c asks them after
 * classifying a claim as a contradiction. */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"

/* TRUE when the question itself states m ("20 ngày sau mới đi đăng ký"):
 * an answer that repeats it retells the asker's story ("bạn để 20 ngày
 * sau mới đăng ký thì đã quá hạn"), it does not give the asked value. */
gboolean
match_question_figure (const JudgeKey *key, const NumbersMention *m)
{
  for (guint i = 0; key->asked_amounts && i < key->asked_amounts->len; i++) {
    const NumbersMention *q = &g_array_index (key->asked_amounts,
                                              NumbersMention, i);
    if (q->unit == m->unit && judge_same_amount (q->hi, m->hi, m->unit)
        && judge_same_amount (q->lo, m->lo, m->unit))
      return TRUE;
  }
  return FALSE;
}

/* "Multiply: 2 bản = 14.000 đồng, 3 bản = 21.000 đồng": a result that is
 * n times the key value, n said in its clause before it. */
static gboolean
several_of_key (const Fact *f, const AnswerPart *p, const ValueClaim *c)
{
  double key = f->value.value;
  if (key <= 0 || c->m.hi != c->m.lo || c->m.unit != f->value.unit)
    return FALSE;
  double n = c->m.hi / key;
  if (n < 2 || n > 1000 || n != (double) (guint) n)
    return FALSE;
  guint c0, c1;
  claims_clause (p, c->w0, c->w1, &c0, &c1);
  g_autofree char *want = g_strdup_printf ("%u", (guint) n);
  for (guint k = c0; k < c->w0; k++)
    if (answer_word_is (p, k, want))
      return TRUE;
  return FALSE;
}

/* "3 bản: 3 × 12.000 = 36.000 đồng": a result whose sum has the key
 * value itself as an operand reckons several of the asked thing; it
 * builds on the key, it does not state another value. */
gboolean
match_key_multiple (const Fact *f, View *v, const ValueClaim *c)
{
  if (!c->result)
    return FALSE;
  const AnswerPart *p = answer_part (v->a, c->part);
  guint s0 = c->w0; /* the sentence's first word */
  while (s0 > 0 && !(g_array_index (p->words, CueWord, s0).gap & CUE_GAP_STOP))
    s0--;
  gsize from = g_array_index (p->words, CueWord, s0).start;
  gsize to = g_array_index (p->words, CueWord, c->w0).start;
  for (gsize k = from; k < to;) {
    gsize e = k;
    while (e < to && (g_ascii_isdigit (p->norm[e])
                      || ((p->norm[e] == '.' || p->norm[e] == ',')
                          && e > k && g_ascii_isdigit (p->norm[e + 1]))))
      e++;
    if (e == k) {
      k++;
      continue;
    }
    g_autofree char *t = g_strndup (p->norm + k, e - k);
    double x;
    if (numbers_parse (t, &x)
        && judge_same_amount (x, f->value.value, f->value.unit))
      return TRUE;
    k = e;
  }
  return several_of_key (f, p, c);
}

/* "mỗi phiếu thêm năm nghìn đồng": a charge added per extra item. */
gboolean
match_surcharge (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  gboolean lenient = v->a->lenient;
  if (c->m.unit != NUMBERS_UNIT_VND || c->w0 < 2
      || !(answer_word_is (p, c->w0 - 1, lenient ? "them" : "thêm")
           || answer_word_is (p, c->w0 - 1, "extra")))
    return FALSE;
  for (guint k = c->w0 - 1; k-- > 0 && k + 4 >= c->w0;)
    if (answer_word_is (p, k, lenient ? "moi" : "mỗi")
        || answer_word_is (p, k, "each") || answer_word_is (p, k, "per"))
      return TRUE;
  return FALSE;
}
