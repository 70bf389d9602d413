/* What the matchers share (scoring/match.h): outcomes and their notes, the
 * answer's value claims made once per view. */
#include "scoring/match.h"

#include "scoring/cues.h"
#include "scoring/normalize.h"
#include "util/jsonw.h"

#include <stdarg.h>
#include <string.h>


const char *const match_status_names[] = {"missing", "matched",
                                          "contradiction", "other_value"};

static void
note_free (ClaimNote *n)
{
  g_free (n->span);
  g_free (n->status);
  for (gsize i = 0; i < G_N_ELEMENTS (n->args); i++)
    g_free (n->args[i]);
  g_free (n);
}

void
outcome_init (Outcome *o, const Fact *f, gboolean quiet)
{
  memset (o, 0, sizeof *o);
  o->quiet = quiet;
  o->expected = f->expected;
}

void
outcome_clear (Outcome *o)
{
  g_free (o->span);
  g_free (o->value);
  for (gsize i = 0; i < G_N_ELEMENTS (o->args); i++)
    g_free (o->args[i]);
  if (o->notes)
    g_ptr_array_unref (o->notes);
}

void
outcome_rule (Outcome *o, const char *rule, ...)
{
  if (o->quiet)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (o->args); i++)
    g_clear_pointer (&o->args[i], g_free);
  o->rule = rule;
  va_list ap;
  va_start (ap, rule);
  for (gsize i = 0; i < G_N_ELEMENTS (o->args); i++) {
    const char *a = va_arg (ap, const char *);
    if (a == NULL)
      break;
    o->args[i] = g_strdup (a);
  }
  va_end (ap);
}

void
outcome_note (Outcome *o, const char *span, const char *status,
              const char *rule, ...)
{
  if (o->quiet)
    return;
  if (o->notes == NULL)
    o->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) note_free);
  if (o->notes->len >= MATCH_MAX_NOTES)
    return;
  ClaimNote *n = g_new0 (ClaimNote, 1);
  n->span = g_strdup (span);
  n->status = g_strdup (status);
  n->rule = rule;
  va_list ap;
  va_start (ap, rule);
  for (gsize i = 0; i < G_N_ELEMENTS (n->args); i++) {
    const char *a = va_arg (ap, const char *);
    if (a == NULL)
      break;
    n->args[i] = g_strdup (a);
  }
  va_end (ap);
  g_ptr_array_add (o->notes, n);
}

void
view_clear (View *v)
{
  if (v->values)
    g_array_unref (v->values);
  if (v->topics)
    g_ptr_array_unref (v->topics);
  if (v->qwords)
    g_hash_table_unref (v->qwords);
  v->values = NULL;
  v->topics = NULL;
  v->qwords = NULL;
}

void
match_array_unref0 (gpointer array)
{
  if (array)
    g_array_unref (array);
}

static GHashTable *
question_words (View *v)
{
  if (v->qwords != NULL)
    return v->qwords;
  v->qwords = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (v->key->question == NULL)
    return v->qwords;
  g_autofree char *q = normalize_text (v->key->question, v->a->lenient);
  g_autoptr (GArray) w = cues_words (q);
  for (guint i = 0; i < w->len; i++) {
    const CueWord *cw = &g_array_index (w, CueWord, i);
    g_hash_table_add (v->qwords,
                      g_strndup (q + cw->start, cw->end - cw->start));
  }
  return v->qwords;
}

static const char *const variant_names[] = {"cấp mới", "cấp lại", "cấp đổi",
                                            "sửa đổi, bổ sung"};

/* The variants named by a part's cues in words [w0, w1); the first such
 * cue's index in *first. */
static guint
variants_in (const AnswerPart *p, guint w0, guint w1, gint *first)
{
  guint mask = 0;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    guint bit = cues_variant_bit ((CueClass) ch->cls);
    if (bit && ch->w0 >= w0 && ch->w1 <= w1) {
      if (mask == 0 && first)
        *first = (gint) h;
      mask |= bit;
    }
  }
  return mask;
}

/* The variants a claim is said of: its clause, else its sentence before
 * it ("- **Cấp mới** …: phí thẩm định 1.000.000 đồng"), else its row —
 * the row's first cell, or, for a figure in that first cell ("| 10 ngày
 * kể từ khi chuyển trụ sở | Hạn đăng ký lại |"), the row's other cells;
 * else its column's header. *where and *first get the part and cue index of the first one. */
static guint
claim_variants (View *v, const ValueClaim *c, const AnswerPart **where,
                gint *first)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  *where = p;
  guint m = variants_in (p, c->c0, c->c1, first);
  if (m == 0)
    m = variants_in (p, 0, c->w0, first);
  if (m == 0 && p->row_head >= 0) {
    *where = answer_part (v->a, (guint) p->row_head);
    m = variants_in (*where, 0, G_MAXUINT, first);
  }
  /* "| | Sửa đổi, bổ sung | Cấp lại do mất |": a column per variant */
  if (m == 0 && p->col_head >= 0) {
    *where = answer_part (v->a, (guint) p->col_head);
    m = variants_in (*where, 0, G_MAXUINT, first);
  }
  for (guint i = c->part + 1; m == 0 && p->kind == PART_CELL
                              && p->row_head < 0 && i < v->a->parts->len;
       i++) {
    const AnswerPart *cell = answer_part (v->a, i);
    if (cell->block != p->block || cell->row != p->row)
      break;
    *where = cell;
    m = variants_in (cell, 0, G_MAXUINT, first);
  }
  return m;
}

gboolean
match_other_variant (View *v, const ValueClaim *c, gboolean contradicts,
                     char **said, const char **asked)
{
  guint q = v->key->asked_variants;
  /* several asked; or none asked and the figure agrees with the key */
  if ((q & (q - 1)) != 0 || (q == 0 && !contradicts))
    return FALSE;
  const AnswerPart *where;
  gint first = -1;
  guint m = claim_variants (v, c, &where, &first);
  /* none asked: the question is about the procedure itself, so only a
   * renewal, exchange or amendment the answer names is another variant */
  if (m == 0 || (m & q) != 0
      || (q == 0 && (m & cues_variant_bit (CUE_VARIANT_NEW)) != 0))
    return FALSE;
  const CueHit *ch = &g_array_index (where->cues, CueHit, first);
  const CueWord *a = &g_array_index (where->words, CueWord, ch->w0);
  const CueWord *b = &g_array_index (where->words, CueWord, ch->w1 - 1);
  *said = g_strndup (where->norm + a->start, b->end - a->start);
  *asked = q ? variant_names[g_bit_nth_lsf (q, -1)] : NULL;
  return TRUE;
}

gboolean
match_question_has_word (View *v, const char *word)
{
  return g_hash_table_contains (question_words (v), word);
}

gboolean
match_question_has_phrase (View *v, const char *phrase)
{
  if (v->key->question == NULL)
    return FALSE;
  g_autofree char *q = normalize_text (v->key->question, v->a->lenient);
  g_autofree char *padded = g_strdup_printf (" %s ", q);
  g_autofree char *needle = g_strdup_printf (" %s ", phrase);
  for (char *c = padded; *c; c++)
    if (strchr (",.?!;:()\"", *c))
      *c = ' ';
  return strstr (padded, needle) != NULL;
}


guint
match_question_shared (View *v, guint part)
{
  guint shared, total;
  match_question_overlap (v, answer_part (v->a, part), NULL, &shared, &total);
  return shared;
}

guint
match_question_size (View *v)
{
  return g_hash_table_size (question_words (v));
}

gboolean
match_echoes_question (View *v, guint part)
{
  guint n = g_hash_table_size (question_words (v)), shared, total;
  if (n == 0)
    return FALSE;
  match_question_overlap (v, answer_part (v->a, part), NULL, &shared, &total);
  return shared >= 4 && shared * 2 >= n;
}

/* Whether the words of p before word w (at most six) label what follows
 * as the answer or its conclusion ("Yêu cầu, điều kiện — trả lời câu hỏi
 * của bạn:", "Kết luận:", "Answer:", "Choice:"). */
gboolean
match_answer_label_before (const AnswerPart *p, guint w, gboolean lenient)
{
  for (guint k = w >= 6 ? w - 6 : 0; k < w; k++)
    if ((answer_word_is (p, k, lenient ? "tra" : "trả")
         && answer_word_is (p, k + 1, lenient ? "loi" : "lời"))
        || (answer_word_is (p, k, lenient ? "ket" : "kết")
            && answer_word_is (p, k + 1, lenient ? "luan" : "luận"))
        /* "Nhận định theo quy định", "Nhận xét của trợ lý": the
         * assistant's own reading after an account it was given */
        || (answer_word_is (p, k, lenient ? "nhan" : "nhận")
            && (answer_word_is (p, k + 1, lenient ? "dinh" : "định")
                || answer_word_is (p, k + 1, lenient ? "xet" : "xét")))
        || (answer_word_is (p, k, lenient ? "tom" : "tóm")
            && (answer_word_is (p, k + 1, lenient ? "lai" : "lại")
                || answer_word_is (p, k + 1, lenient ? "tat" : "tắt")))
        /* "Đáp án câu trắc nghiệm:", "Đáp án đúng:" */
        || (answer_word_is (p, k, lenient ? "dap" : "đáp")
            && answer_word_is (p, k + 1, lenient ? "an" : "án"))
        || answer_word_is (p, k, "answer") || answer_word_is (p, k, "choice")
        || answer_word_is (p, k, "conclusion") || answer_word_is (p, k, "tldr")
        /* "👉 Vì vậy: Không, …", "Như vậy:", "Do đó:", "Therefore:" */
        || ((answer_word_is (p, k, lenient ? "vi" : "vì")
             || answer_word_is (p, k, lenient ? "nhu" : "như"))
            && answer_word_is (p, k + 1, lenient ? "vay" : "vậy") && k + 2 == w)
        || (answer_word_is (p, k, "do") && answer_word_is (p, k + 1, lenient ? "do" : "đó")
            && k + 2 == w)
        || (answer_word_is (p, k, "therefore") && k + 1 == w))
      return TRUE;
  /* "TL;DR cho câu hỏi của bạn:": the label opens the line */
  if (w <= 8 && answer_word_is (p, 0, "tl") && answer_word_is (p, 1, "dr"))
    return TRUE;
  /* "Kết quả … cho bạn:": the result for the asker */
  for (guint k = w >= 6 ? w - 6 : 0; k + 2 < w; k++)
    if (answer_word_is (p, k, lenient ? "ket" : "kết")
        && answer_word_is (p, k + 1, lenient ? "qua" : "quả")
        && answer_word_is (p, w - 1, lenient ? "ban" : "bạn")
        && (answer_word_is (p, w - 2, "cho")
            || answer_word_is (p, w - 2, lenient ? "cua" : "của")))
      return TRUE;
  return FALSE;
}

guint
match_answer_label_end (const AnswerPart *p, gboolean lenient)
{
  for (guint w = 1; w < p->words->len && w <= 7; w++)
    if ((g_array_index (p->words, CueWord, w).gap & CUE_GAP_COLON)
        && match_answer_label_before (p, w, lenient))
      return w;
  return G_MAXUINT;
}

gboolean
match_cue_in (const AnswerPart *p, CueClass cls, guint from, guint to)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == cls && ch->w0 >= from && ch->w0 < to)
      return TRUE;
  }
  return FALSE;
}

/* How many of a header's distinct words the question has, and of how
 * many; words in skip (those every header of the line shares) are not
 * counted. */
void
match_question_overlap (View *v, const AnswerPart *p, GHashTable *skip,
                  guint *shared, guint *total)
{
  GHashTable *q = question_words (v);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash,
                                                       g_str_equal, g_free,
                                                       NULL);
  *shared = *total = 0;
  for (guint i = 0; i < p->words->len; i++) {
    const CueWord *w = &g_array_index (p->words, CueWord, i);
    char *t = g_strndup (p->norm + w->start, w->end - w->start);
    if (skip && g_hash_table_contains (skip, t)) {
      g_free (t);
      continue; /* every header of the line has it */
    }
    if (!g_hash_table_add (seen, t))
      continue; /* counted already */
    (*total)++;
    if (g_hash_table_contains (q, t))
      (*shared)++;
  }
}

const GArray *
view_values (View *v)
{
  if (v->values == NULL) {
    answer_scan (v->a, ANSWER_AMOUNTS);
    v->values = claims_values (v->a);
  }
  return v->values;
}

char *
match_claim_text (const View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  return g_strndup (p->norm + c->m.start, c->m.end - c->m.start);
}

char *
match_json_string (const char *s)
{
  GString *out = g_string_new (NULL);
  jsonw_append_string (out, s);
  return g_string_free (out, FALSE);
}

char *
match_quantity_json (const NumbersMention *m)
{
  g_autoptr (GString) s = g_string_new (NULL);
  if (m->unit == NUMBERS_UNIT_VND && m->bound == NUMBERS_EXACT) {
    jsonw_append_number (s, m->lo);
    return g_string_free (g_steal_pointer (&s), FALSE);
  }
  static const char *const bounds[] = {"exact", "at_most", "at_least",
                                       "range"};
  JsonwObject o;
  jsonw_begin (&o, s);
  if (m->bound == NUMBERS_RANGE) {
    g_string_append (s, "\"min\":");
    jsonw_append_number (s, m->lo);
    g_string_append (s, ",\"max\":");
    jsonw_append_number (s, m->hi);
    o.comma = TRUE;
  } else if (m->unit != NUMBERS_UNIT_SAME_DAY) {
    g_string_append (s, "\"value\":");
    jsonw_append_number (s, m->lo);
    o.comma = TRUE;
  }
  jsonw_string (&o, "unit", numbers_unit_name (m->unit));
  if (m->bound != NUMBERS_EXACT)
    jsonw_string (&o, "bound", bounds[m->bound]);
  jsonw_end (&o);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
match_term (const char *family, const char *name)
{
  return g_strconcat ("@", family, ":", name, NULL);
}

gboolean
match_about (About about, const ValueClaim *c)
{
  Subject s = c->subject;
  switch (about) {
  case ABOUT_FEE: return s == SUBJ_NONE || s == SUBJ_FEE || s == SUBJ_TOTAL;
  case ABOUT_FINE: return s == SUBJ_NONE || s == SUBJ_FINE;
  case ABOUT_TOTAL: /* an amount the answer works out: a sum, a difference */
    /* a difference "mỗi lần đăng ký" is still the difference; a rate
     * "2.000đ/trang" is a term of the sum */
    return (s == SUBJ_DIFFERENCE && !c->operand)
           || ((s == SUBJ_NONE || s == SUBJ_FEE || s == SUBJ_TOTAL)
               && !c->operand && !c->rate);
  case ABOUT_POSTAGE: return s == SUBJ_NONE || s == SUBJ_POSTAGE;
  case ABOUT_PROCESSING: return s == SUBJ_NONE || s == SUBJ_PROCESSING;
  case ABOUT_DEADLINE:
    /* "có giấy ngay trong ngày" is how fast, never a citizen's deadline */
    return s == SUBJ_DEADLINE
           || (s == SUBJ_NONE && c->m.unit != NUMBERS_UNIT_SAME_DAY);
  case ABOUT_VALIDITY: /* "có thời hạn 10 năm": no procedure takes years */
    return s == SUBJ_NONE || s == SUBJ_VALIDITY
           || (s == SUBJ_PROCESSING && (c->m.unit == NUMBERS_UNIT_YEAR
                                        || c->m.unit == NUMBERS_UNIT_MONTH));
  case ABOUT_EXTENSION: /* "trong ngày" is how fast, never an extension */
    return s == SUBJ_EXTENSION
           || (s == SUBJ_NONE && c->m.unit != NUMBERS_UNIT_SAME_DAY);
  case ABOUT_DELIVERY:
    return s == SUBJ_NONE || s == SUBJ_DELIVERY || s == SUBJ_EXTRA;
  case ABOUT_STEP: /* one step's time: the whole procedure's is another */
    return s == SUBJ_NONE || s == SUBJ_STEP;
  default: return FALSE;
  }
}

/* The name a fee is given after "phí" ("Lệ phí **đăng ký**: 100.000
 * đồng", "phí **duy trì** hằng năm"): words [*l0, *l1) of p after the fee
 * cue ch, up to two, before any punctuation or number. FALSE when none. */
static gboolean
fee_name (const AnswerPart *p, const CueHit *ch, gboolean lenient, guint *l0,
          guint *l1)
{
  if (ch->cls != CUE_FEE || !answer_word_is (p, ch->w1 - 1,
                                             lenient ? "phi" : "phí"))
    return FALSE;
  static const char *const stop[] = {"bao", "là", "la", "của", "cua",
                                     "cho", "khi", "được", "duoc", "thì",
                                     "thi", "mỗi", "moi", "hết", "het",
                                     "nào", "nao", "gì", "gi", "is", "of",
                                     "for", "và", "va", "hay", "hoặc"};
  guint e = ch->w1;
  while (e < p->words->len && e < (guint) ch->w1 + 2
         && !(g_array_index (p->words, CueWord, e).gap & ~CUE_GAP_OPERATOR)
         && !g_ascii_isdigit (p->norm[g_array_index (p->words, CueWord,
                                                     e).start])) {
    gboolean function_word = FALSE;
    for (gsize k = 0; k < G_N_ELEMENTS (stop) && !function_word; k++)
      function_word = answer_word_is (p, e, stop[k]);
    if (function_word)
      break;
    e++;
  }
  *l0 = ch->w1, *l1 = e;
  return e > ch->w1;
}

gboolean
match_question_has_all (View *v, const AnswerPart *p, guint w0, guint w1)
{
  GHashTable *q = question_words (v);
  for (guint i = w0; i < w1; i++) {
    const CueWord *w = &g_array_index (p->words, CueWord, i);
    g_autofree char *t = g_strndup (p->norm + w->start, w->end - w->start);
    if (!g_hash_table_contains (q, t))
      return FALSE;
  }
  return TRUE;
}

gboolean
match_other_fee (View *v, const ValueClaim *c, char **named, char **asked)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  gboolean lenient = v->a->lenient;
  const CueHit *own = NULL;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_FEE && ch->w0 >= c->c0 && ch->w1 <= c->w0)
      own = ch; /* the nearest before the figure, in its clause */
  }
  /* a cell with no fee of its own: its column's ("| Lệ phí đăng ký (một
   * lần) | Phí duy trì (mỗi năm) |") */
  if (own == NULL && p->kind == PART_CELL && p->col_head >= 0) {
    p = answer_part (v->a, (guint) p->col_head);
    for (guint h = 0; h < p->cues->len; h++)
      if (g_array_index (p->cues, CueHit, h).cls == CUE_FEE) {
        own = &g_array_index (p->cues, CueHit, h);
        break;
      }
  }
  guint l0, l1;
  if (own == NULL || !fee_name (p, own, lenient, &l0, &l1)
      || match_question_has_all (v, p, l0, l1))
    return FALSE;
  /* another fee of the answer is the one the question words */
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    for (guint h = 0; !q->quoted && h < q->cues->len; h++) {
      const CueHit *ch = &g_array_index (q->cues, CueHit, h);
      guint m0, m1;
      if (fee_name (q, ch, lenient, &m0, &m1)
          && match_question_has_all (v, q, m0, m1)) {
        const CueWord *a = &g_array_index (p->words, CueWord, own->w0);
        const CueWord *b = &g_array_index (p->words, CueWord, l1 - 1);
        *named = g_strndup (p->norm + a->start, b->end - a->start);
        const CueWord *x = &g_array_index (q->words, CueWord, ch->w0);
        const CueWord *y = &g_array_index (q->words, CueWord, m1 - 1);
        *asked = g_strndup (q->norm + x->start, y->end - x->start);
        return TRUE;
      }
    }
  }
  return FALSE;
}

gboolean
match_negator (const AnswerPart *p, guint i, gboolean lenient)
{
  return answer_word_is (p, i, lenient ? "khong" : "không")
         || answer_word_is (p, i, lenient ? "chua" : "chưa")
         || answer_word_is (p, i, lenient ? "chang" : "chẳng")
         || answer_word_is (p, i, "not") || answer_word_is (p, i, "no")
         || answer_word_is (p, i, "ko") || answer_word_is (p, i, "k");
}
