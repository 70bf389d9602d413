/* Set-aside tests on one value claim that need only the view and the key
 * (scoring/match.h): figures a careful grader does not read as the asked
 * value although they contradict it. match_value.c asks them after
 * classifying a claim as a contradiction. */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"

#include <string.h>

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

/* "giấy phép còn 2 tháng (khoảng 60 ngày)": a figure in brackets right
 * after one of the question's own converts it; it is the question's
 * figure too. */
/* "Bé được hơn một tháng, tức khoảng 30–35 ngày": the question's figure
 * said again in other units after "tức (là) (khoảng)". */
static gboolean
converts_question_figure (View *v, const AnswerPart *p, const ValueClaim *c)
{
  gboolean lenient = v->a->lenient;
  guint w = c->w0;
  while (w > 0 && (answer_word_is (p, w - 1, lenient ? "khoang" : "khoảng")
                   || answer_word_is (p, w - 1, lenient ? "chung" : "chừng")
                   || answer_word_is (p, w - 1, lenient ? "la" : "là")))
    w--;
  if (w == 0 || !answer_word_is (p, w - 1, lenient ? "tuc" : "tức"))
    return FALSE;
  gsize at = g_array_index (p->words, CueWord, w - 1).start;
  for (guint i = 0; i < p->amounts->len; i++) {
    const NumbersMention *m = &g_array_index (p->amounts, NumbersMention, i);
    if (m->end > at)
      break;
    gsize k = m->end;
    while (k < at && (p->norm[k] == ' ' || p->norm[k] == ','))
      k++;
    if (k == at && match_question_figure (v->key, m))
      return TRUE;
  }
  return FALSE;
}

gboolean
match_restates_question (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  const guint *groups = claims_paren_groups (p);
  if (p->amounts == NULL)
    return FALSE;
  if (groups[c->w0] == 0)
    return converts_question_figure (v, p, c);
  guint w = c->w0;
  while (w > 0 && groups[w - 1] == groups[c->w0])
    w--; /* the bracket's first word */
  gsize open = g_array_index (p->words, CueWord, w).start;
  while (open > 0 && p->norm[open] != '(')
    open--;
  for (guint i = 0; i < p->amounts->len; i++) {
    const NumbersMention *m = &g_array_index (p->amounts, NumbersMention, i);
    if (m->end > open)
      break;
    gsize k = m->end;
    while (k < open && p->norm[k] == ' ')
      k++;
    if (k == open && match_question_figure (v->key, m))
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

/* How many times the answer states amount x in unit u. */
static guint
times_stated (View *v, double x, NumbersUnit u)
{
  const GArray *vals = view_values (v);
  guint n = 0;
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *c = &g_array_index (vals, ValueClaim, i);
    n += c->m.unit == u && judge_same_amount (c->m.hi, x, u)
         && judge_same_amount (c->m.lo, x, u);
  }
  return n;
}

gboolean
match_worst_case (const Fact *f, View *v, const ValueClaim *c)
{
  if (f->type != FACT_DURATION || c->m.unit != f->value.unit
      || (f->about != ABOUT_PROCESSING && f->about != ABOUT_EXTENSION))
    return FALSE;
  /* the other half: the extension of a processing time, or the reverse */
  About other = f->about == ABOUT_PROCESSING ? ABOUT_EXTENSION
                                             : ABOUT_PROCESSING;
  for (guint i = 0; i < v->key->facts->len; i++) {
    const Fact *e = v->key->facts->pdata[i];
    if (e == f || e->type != FACT_DURATION || e->about != other
        || e->value.unit != f->value.unit)
      continue;
    double sum = f->value.value + e->value.value;
    /* both halves said: twice, when they are the same figure */
    guint need = judge_same_amount (f->value.value, e->value.value,
                                    f->value.unit) ? 2 : 1;
    if (judge_same_amount (c->m.hi, sum, c->m.unit)
        && times_stated (v, f->value.value, f->value.unit) >= need
        && times_stated (v, e->value.value, e->value.unit) >= need)
      return TRUE;
  }
  return FALSE;
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

/* ---- rates and sums ----------------------------------------------------- */

static char *
word_text (const AnswerPart *p, guint w)
{
  const CueWord *cw = &g_array_index (p->words, CueWord, w);
  return g_strndup (p->norm + cw->start, cw->end - cw->start);
}

/* What a value is per ("đồng/năm", "đồng mỗi lần"): the word, or NULL. */
static char *
per_word (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  if (c->w1 >= p->words->len)
    return NULL;
  if (g_array_index (p->words, CueWord, c->w1).gap & CUE_GAP_SLASH)
    return word_text (p, c->w1);
  g_autofree char *next = word_text (p, c->w1);
  if ((guint) c->w1 + 1 < p->words->len
      && (strcmp (next, "mỗi") == 0 || strcmp (next, "moi") == 0))
    return word_text (p, c->w1 + 1);
  return NULL;
}

/* Whether the value x, which differs from the key, is of another rate
 * than the one asked, beside a value that states the key: the question
 * names what the right one is per and not what x is per ("mỗi năm"
 * asked; "100.000 đồng/lần" beside "40.000.000 đồng/năm" is the one-off
 * fee, not a second answer; *per_m NULL: a price per page or copy beside
 * a fee per nothing). Only the rate tells such cases apart safely:
 * a sub-case told by other words ("trẻ em dưới 14 tuổi …") may be
 * invented, and a key that knows it names it in its cases. *per_x and
 * *per_m get the two words. */
gboolean
match_other_rate (View *v, const ValueClaim *x, const GPtrArray *matches,
                  gboolean copy_only, char **per_x, char **per_m)
{
  g_autofree char *px = per_word (v, x);
  if (px == NULL || match_question_has_word (v, px))
    return FALSE;
  /* A price per page or per copy beside a key value per nothing is a
   * copying or certifying charge ("phí chứng thực … 2.000 đồng/trang"
   * in an answer on a registration fee), when the question names no
   * page. */
  gboolean per_copy = strcmp (px, "trang") == 0 || strcmp (px, "bản") == 0
                      || strcmp (px, "ban") == 0;
  for (guint i = 0; i < matches->len; i++) {
    g_autofree char *pm = per_word (v, matches->pdata[i]);
    if (per_copy && (pm == NULL || strcmp (pm, px) != 0)) {
      *per_x = g_steal_pointer (&px);
      *per_m = NULL; /* the key's value is not per page */
      return TRUE;
    }
    if (!copy_only && pm != NULL && strcmp (pm, px) != 0
        && match_question_has_word (v, pm)) {
      *per_x = g_steal_pointer (&px);
      *per_m = g_steal_pointer (&pm);
      return TRUE;
    }
  }
  return FALSE;
}

/* Whether words of part i say a sum holds more than what is asked: "nếu",
 * "thêm", "tự chọn", "if", "optional", or an extra cue ("| | **Tổng nếu
 * làm thêm khoản 5** | 4.000 đồng |"). */
static gboolean
sum_of_more (View *v, gint i)
{
  if (i < 0)
    return FALSE;
  const AnswerPart *p = answer_part (v->a, (guint) i);
  gboolean lenient = v->a->lenient;
  for (guint k = 0; k < p->words->len; k++)
    if (answer_word_is (p, k, lenient ? "neu" : "nếu")
        || answer_word_is (p, k, lenient ? "them" : "thêm")
        || (answer_word_is (p, k, lenient ? "tu" : "tự")
            && answer_word_is (p, k + 1, lenient ? "chon" : "chọn"))
        || answer_word_is (p, k, "if") || answer_word_is (p, k, "optional"))
      return TRUE;
  return match_cue_in (p, CUE_EXTRA, 0, p->words->len);
}

/* "Tổng chi phí: 4.000 đồng, phần đăng ký kết hôn không mất đồng nào": a
 * sum the answer says holds more than the fee — in its own words or its
 * row's — or beside the fee stated rightly in its own part (matches: the
 * claims that state the key). Not a bare "| | **Tổng** | 25.000 đồng |"
 * under an invented extra charge. */
gboolean
match_total_of_more (View *v, const ValueClaim *c, const GPtrArray *matches)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  if (sum_of_more (v, (gint) c->part) || sum_of_more (v, p->row_head))
    return TRUE;
  for (guint i = 0; i < matches->len; i++) {
    const ValueClaim *m = matches->pdata[i];
    if (m->subject != SUBJ_TOTAL && m->part == c->part)
      return TRUE;
  }
  return FALSE;
}

/* An asking heading ("**2. Tên miền 1 ký tự thì sao?**"), or another
 * item of a numbered series, is the claim's section, it does not ask the
 * key's question, and another asking heading of the answer does: the
 * figure answers that other question of a FAQ or bulletin, not the asked
 * one. */
/* Whether headings a and b are items of one numbered series ("Mục 1 –
 * …", "Mục 4b – …"; "Câu 2.", "Phần 3:"): the same first word, then a
 * number. */
static gboolean
numbered_siblings (const AnswerPart *a, const AnswerPart *b)
{
  if (a->words->len < 2 || b->words->len < 2)
    return FALSE;
  const CueWord *a0 = &g_array_index (a->words, CueWord, 0);
  const CueWord *b0 = &g_array_index (b->words, CueWord, 0);
  const CueWord *a1 = &g_array_index (a->words, CueWord, 1);
  const CueWord *b1 = &g_array_index (b->words, CueWord, 1);
  return a0->end - a0->start == b0->end - b0->start
         && memcmp (a->norm + a0->start, b->norm + b0->start, a0->end - a0->start) == 0
         && g_ascii_isdigit (a->norm[a1->start]) && g_ascii_isdigit (b->norm[b1->start]);
}

gboolean
match_answers_other_question (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  if (p->heading < 0)
    return FALSE;
  const AnswerPart *h = answer_part (v->a, (guint) p->heading);
  if (match_echoes_question (v, (guint) p->heading))
    return FALSE;
  gboolean asks = answer_text_asks (h->norm);
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    /* a bulletin's "Mục 4 – Trò chơi điện tử" beside its "Mục 1 – …: đổi
     * tên … mất bao lâu?": another item of the same series */
    if (q->kind == PART_HEADING && (gint) i != p->heading
        && answer_text_asks (q->norm) && match_echoes_question (v, i)
        && (asks || numbered_siblings (h, q)))
      return TRUE;
  }
  return FALSE;
}

/* "| **Ưu điểm** | Nhanh, miễn phí |", "đơn giản, miễn phí": a figure
 * listed among a way's qualities, after another quality and a comma or
 * on a row or line of advantages, praises the way, and a free way wished
 * for ("Muốn miễn phí …") is no fee either. */
gboolean
match_quality_listed (View *v, const ValueClaim *c)
{
  static const char *const qualities[][2] = {
    {"nhanh", "nhanh"}, {"tiện", "tien"}, {"lợi", "loi"}, {"giản", "gian"},
    {"dễ", "de"}, {"gọn", "gon"}, {"xác", "xac"}, {"fast", "fast"},
    {"quick", "quick"}, {"easy", "easy"}, {"simple", "simple"}};
  static const char *const labels[] = {"ưu điểm", "uu diem", "lợi ích",
                                       "loi ich", "điểm mạnh", "diem manh",
                                       "advantage", "pros"};
  gboolean lenient = v->a->lenient;
  const AnswerPart *p = answer_part (v->a, c->part);
  /* "Muốn miễn phí và hợp pháp: dùng …": a free way one may want */
  if (c->w0 >= 1 && (answer_word_is (p, c->w0 - 1, lenient ? "muon" : "muốn")
                     || answer_word_is (p, c->w0 - 1, "want")))
    return TRUE;
  if (c->w0 > 0 && (g_array_index (p->words, CueWord, c->w0).gap
                    & CUE_GAP_COMMA))
    for (gsize k = 0; k < G_N_ELEMENTS (qualities); k++)
      if (answer_word_is (p, c->w0 - 1, qualities[k][lenient ? 1 : 0]))
        return TRUE;
  /* the row's header cell, the introducing line, or the part's label */
  gint label = p->kind == PART_CELL ? p->row_head : p->intro;
  const char *t = p->norm, *colon = strchr (t, ':');
  gsize n = colon != NULL ? (gsize) (colon - t) : 0;
  if (label >= 0) {
    t = answer_part (v->a, (guint) label)->norm;
    n = strlen (t);
  }
  for (gsize k = 0; n > 0 && n < 40 && k < G_N_ELEMENTS (labels); k++)
    if (g_strstr_len (t, (gssize) n, labels[k]) != NULL)
      return TRUE;
  return FALSE;
}

/* "**Cách 1 — Tự đặt lại trên ứng dụng VNeID** ⏱ khoảng 5 phút", "chọn
 * gói trả trước để thử 1–2 tháng": how long the asker's own step or
 * trial takes — minutes or hours in a sentence (or under a heading) of
 * doing it oneself ("tự …"), any span right after "thử" — is no
 * office's time, so a refusal that gives it invents nothing. */
gboolean
match_own_time (View *v, const ValueClaim *c)
{
  /* without marks "thu" is also thu (collect) and "tu" từ (from): only
   * marked text tells these */
  if (v->a->lenient)
    return FALSE;
  const AnswerPart *p = answer_part (v->a, c->part);
  for (guint k = c->w0 > 3 ? c->w0 - 3 : 0; k < c->w0; k++)
    if (answer_word_is (p, k, "thử"))
      return TRUE;
  if (c->m.unit != NUMBERS_UNIT_MINUTE && c->m.unit != NUMBERS_UNIT_HOUR)
    return FALSE;
  const char *tu = "tự";
  const AnswerPart *parts[] = {p, p->heading >= 0
                                      ? answer_part (v->a, (guint) p->heading)
                                      : NULL};
  for (gsize j = 0; j < G_N_ELEMENTS (parts) && parts[j] != NULL; j++) {
    const AnswerPart *q = parts[j];
    guint from = q == p ? answer_sentence_start (p, c->w0) : 0;
    guint to = q == p ? c->w0 : q->words->len;
    for (guint k = from; k < to; k++)
      if (answer_word_is (q, k, tu)
          && !(k > 0 && (answer_word_is (q, k - 1, "thứ")
                         || answer_word_is (q, k - 1, "tương"))))
        return TRUE;
  }
  return FALSE;
}
