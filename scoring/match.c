/* What the matchers share (scoring/match.h): outcomes and their notes, the
 * answer's value claims made once per view. */
#include "scoring/match.h"

#include "scoring/cues.h"
#include "scoring/normalize.h"
#include "scoring/topic.h"
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

static const GArray *
part_topics (View *v, guint part)
{
  if (v->topics == NULL) {
    v->topics = g_ptr_array_new_with_free_func (match_array_unref0);
    g_ptr_array_set_size (v->topics, (gint) v->a->parts->len);
  }
  if (v->topics->pdata[part] == NULL)
    v->topics->pdata[part] = topic_part_hits (v->key->topics, v->a, part);
  return v->topics->pdata[part];
}

/* A negation ending at most a word before word w ("chứ không phải X"). */
static gboolean
neg_right_before (const AnswerPart *p, guint w)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_NEG && ch->w1 <= w && (guint) ch->w1 + 1 >= w)
      return TRUE;
  }
  return FALSE;
}

/* 1: names own topic; -1: names another (*other its index); 0: neither. */
static int
names_topic (View *v, guint part, guint c0, guint c1, gint own, guint *other,
             guint x0, guint x1)
{
  const GArray *hits = part_topics (v, part);
  const AnswerPart *p = answer_part (v->a, part);
  int r = 0;
  for (guint i = 0; i < hits->len; i++) {
    const TopicHit *h = &g_array_index (hits, TopicHit, i);
    /* a name whose own comma starts the clause ("Chứng thực hợp đồng,
     * giao dịch: 50.000 đồng") is in it */
    gboolean runs_in = h->w0 < c0 && h->w1 > c0 && c0 < p->words->len
                       && (g_array_index (p->words, CueWord, c0).gap
                           & CUE_GAP_COMMA);
    if ((h->w0 < c0 && !runs_in) || h->w1 > c1 || (h->w0 < x1 && h->w1 > x0))
      continue;
    if ((gint) h->topic == own || judge_key_asks_topic (v->key, h->topic)) {
      /* "… thì phải chứng thực hợp đồng chứ không phải chứng thực chữ
       * ký": the asked procedure said not to be it */
      if (neg_right_before (p, h->w0))
        continue;
      return 1;
    }
    r = -1;
    *other = h->topic;
  }
  return r;
}

/* The topic named last before word w in the part: 1 own, -1 another
 * (*other), 0 none. */
static int
last_topic_before (View *v, guint part, guint w, gint own, guint *other)
{
  const GArray *hits = part_topics (v, part);
  const TopicHit *last = NULL;
  for (guint i = 0; i < hits->len; i++) {
    const TopicHit *h = &g_array_index (hits, TopicHit, i);
    if (h->w1 <= w && (last == NULL || h->w0 > last->w0))
      last = h;
  }
  if (last == NULL)
    return 0;
  if ((gint) last->topic == own || judge_key_asks_topic (v->key, last->topic))
    return 1;
  *other = last->topic;
  return -1;
}

/* "Những khoảng thời gian khác hay bị lẫn:", "Những con số dễ nhầm với
 * chứng thực chữ ký:", "Figures often confused": a heading or
 * introduction over figures people mix up with the asked one — unless
 * it goes on to the right one ("Hay nhầm với mức phí cũ, mức đúng: …",
 * "here is what applies to you") or only warns ("Để khỏi bị nhầm, bạn ghi
 * nhớ:", "Lưu ý kẻo bị nhầm:"). */
static gboolean
lists_confusables (const AnswerPart *q, gboolean lenient)
{
  gboolean mixed = FALSE;
  for (guint i = 0; i < q->words->len; i++) {
    gboolean confused = answer_word_is (q, i, lenient ? "nham" : "nhầm")
                        || answer_word_is (q, i, lenient ? "lan" : "lẫn");
    /* "Để khỏi bị nhầm, bạn ghi nhớ:", "Lưu ý kẻo bị nhầm:" keep the
     * right figures apart from nothing */
    for (guint k = i >= 3 ? i - 3 : 0; confused && k < i; k++)
      if (answer_word_is (q, k, lenient ? "khoi" : "khỏi")
          || answer_word_is (q, k, lenient ? "keo" : "kẻo")
          || answer_word_is (q, k, lenient ? "tranh" : "tránh"))
        return FALSE;
    if (confused && i > 0
        && (answer_word_is (q, i - 1, lenient ? "de" : "dễ")
            || answer_word_is (q, i - 1, "hay")
            || answer_word_is (q, i - 1, lenient ? "bi" : "bị")
            || answer_word_is (q, i - 1, lenient ? "thuong" : "thường")))
      mixed = TRUE;
    if (answer_word_is (q, i, "confused") && i > 0
        && (answer_word_is (q, i - 1, "often") || answer_word_is (q, i - 1, "commonly")
            || answer_word_is (q, i - 1, "easily")))
      mixed = TRUE;
  }
  for (guint i = 0; mixed && i < q->words->len; i++)
    if (answer_word_is (q, i, lenient ? "dung" : "đúng")
        || answer_word_is (q, i, "correct") || answer_word_is (q, i, "right")
        || answer_word_is (q, i, "applies")
        || (answer_word_is (q, i, lenient ? "chinh" : "chính")
            && answer_word_is (q, i + 1, lenient ? "xac" : "xác")))
      return FALSE;
  return mixed;
}

/* A heading or introduction that sets other procedures apart ("Phân biệt
 * với các việc chứng thực khác", "Other procedures"): "việc", "thủ tục"
 * or "procedure" a few words before "khác"/"other". */
static gboolean
heads_others (const AnswerPart *q, gboolean lenient)
{
  for (guint i = 0; i < q->words->len; i++) {
    /* "khác nhau" compares, it names nothing else ("Thủ tục nộp khác
     * nhau thế nào?"); "Phân biệt lệ phí trực tiếp và trực tuyến" sets
     * channels apart, not procedures */
    gboolean other = answer_word_is (q, i, lenient ? "khac" : "khác")
                     && !answer_word_is (q, i + 1, "nhau");
    for (guint k = i >= 3 ? i - 3 : 0; other && k < i; k++)
      if (answer_word_is (q, k, lenient ? "viec" : "việc")
          || (answer_word_is (q, k, lenient ? "thu" : "thủ")
              && answer_word_is (q, k + 1, lenient ? "tuc" : "tục")))
        return TRUE;
    if (answer_word_is (q, i, "other")
        && (answer_word_is (q, i + 1, "procedures")
            || answer_word_is (q, i + 1, "procedure")))
      return TRUE;
  }
  if (lists_confusables (q, lenient))
    return TRUE;
  /* "**Đừng nhầm với**", "Do not confuse it with:": a heading that ends
   * on what its section sets apart. Not "Hay nhầm với mức phí cũ, mức
   * đúng: …", which goes on to say the right figure. */
  guint n = q->words->len;
  return n >= 2
         && ((answer_word_is (q, n - 1, lenient ? "voi" : "với")
              && (answer_word_is (q, n - 2, lenient ? "nham" : "nhầm")
                  || answer_word_is (q, n - 2, lenient ? "lan" : "lẫn")
                  || answer_word_is (q, n - 2, lenient ? "biet" : "biệt")))
             || (answer_word_is (q, n - 1, "with")
                 && (answer_word_is (q, n - 2, "confuse")
                     || answer_word_is (q, n - 2, "confused")
                     || (answer_word_is (q, n - 2, "it")
                         && answer_word_is (q, n - 3, "confuse")))));
}

/* In an answer that announces several matters, a numbered section whose
 * heading does not name the asked procedure while another numbered
 * heading does is about its own matter ("**2. Hộ chiếu phổ thông cho
 * con**" beside "**1. Căn cước cho con 14 tuổi**"), even when the set's
 * topics do not list it. Its heading, or NULL. */
static const char *
other_section (View *v, const AnswerPart *p, gint own)
{
  if (p->heading < 0)
    return NULL;
  /* procedure records pasted one after another ("THỦ TỤC: ĐĂNG KÝ TẠM
   * TRÚ" … "THỦ TỤC: ĐĂNG KÝ THƯỜNG TRÚ"): each title names its matter */
  gboolean records = match_record_title (answer_part (v->a, (guint) p->heading));
  gboolean (*sibling) (const AnswerPart *) = records ? match_record_title
                                                     : match_numbered_heading;
  if (!records
      && (!match_numbered_heading (answer_part (v->a, (guint) p->heading))
          || !match_announces_several (v->a)))
    return NULL;
  /* "**1. Bao lâu thì xong?**": a sub-question of the asked matter */
  const AnswerPart *h = answer_part (v->a, (guint) p->heading);
  if (match_field_heading (h, v->a->lenient) || answer_text_asks (h->norm))
    return NULL;
  guint other;
  if (names_topic (v, (guint) p->heading, 0, G_MAXUINT, own, &other, 0, 0) > 0)
    return NULL;
  for (guint i = 0; i < v->a->parts->len; i++)
    if ((gint) i != p->heading && sibling (answer_part (v->a, i))
        && names_topic (v, i, 0, G_MAXUINT, own, &other, 0, 0) > 0)
      return answer_part (v->a, (guint) p->heading)->norm;
  return NULL;
}

gint
match_own_section (View *v)
{
  const JudgeKey *key = v->key;
  if (key->topics == NULL || key->topic == NULL || !match_announces_several (v->a))
    return -1;
  gint own = topic_index (key->topics, key->topic);
  guint other;
  for (guint i = 0; i < v->a->parts->len; i++)
    if (match_numbered_heading (answer_part (v->a, i))
        && names_topic (v, i, 0, G_MAXUINT, own, &other, 0, 0) > 0)
      return (gint) i;
  return -1;
}

const char *
match_other_topic_but (View *v, guint part, guint c0, guint c1, guint x0,
                       guint x1)
{
  const JudgeKey *key = v->key;
  const AnswerPart *p = answer_part (v->a, part);
  /* "- 03 ngày làm việc: … (câu hỏi của bạn)" under "Các con số dễ nhầm":
   * the line marked as the asked one is not among the others */
  gboolean mine = match_marks_yours (p);
  if (key->topics == NULL || key->topic == NULL) {
    /* without topics, only a heading that sets others apart tells */
    if (mine)
      return NULL;
    const gint ctx[] = {p->intro, p->heading};
    for (gsize i = 0; i < G_N_ELEMENTS (ctx); i++)
      if (ctx[i] >= 0
          && heads_others (answer_part (v->a, (guint) ctx[i]), v->a->lenient))
        return answer_part (v->a, (guint) ctx[i])->norm;
    return NULL;
  }
  gint own = topic_index (key->topics, key->topic);
  guint other = 0;
  int r = names_topic (v, part, c0, c1, own, &other, x0, x1);
  /* a clause that names nothing goes on about what its sentence named
   * last: "thường trú giải quyết trong 07 ngày và lệ phí là 20.000đ" */
  if (r == 0)
    r = last_topic_before (v, part, c0, own, &other);
  /* … then its row, its column ("| Tiêu chí | Đăng ký thường trú | Đăng
   * ký tạm trú |" compares two), its introducing line, its heading
   * ("**Câu 1. Chứng thực bản sao, chứng thực chữ ký mất bao lâu?**") */
  const gint ctx[] = {p->row_head, p->col_head, p->intro, p->heading};
  for (gsize i = 0; r == 0 && i < G_N_ELEMENTS (ctx); i++)
    if (ctx[i] >= 0)
      r = names_topic (v, (guint) ctx[i], 0, G_MAXUINT, own, &other, 0, 0);
  /* nothing named, under a heading that sets other procedures apart */
  for (gsize i = 2; r == 0 && !mine && i < G_N_ELEMENTS (ctx); i++)
    if (ctx[i] >= 0
        && heads_others (answer_part (v->a, (guint) ctx[i]), v->a->lenient))
      return answer_part (v->a, (guint) ctx[i])->norm;
  if (r == 0 && p->heading != (gint) part)
    return other_section (v, p, own);
  return r < 0 ? topic_name_at (key->topics, other) : NULL;
}

const char *
match_other_topic (View *v, guint part, guint c0, guint c1)
{
  return match_other_topic_but (v, part, c0, c1, 0, 0);
}

/* "… nhầm thời hạn khai sinh với thời hạn khai tử (15 ngày kể từ ngày
 * có người chết)": a figure in brackets right after a procedure's name is
 * that procedure's. 1 own, -1 another (*other), 0 no name there. */
static int
bracket_topic (View *v, const ValueClaim *c, gint own, guint *other)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  const guint *groups = claims_paren_groups (p);
  if (groups[c->w0] == 0)
    return 0;
  guint first = c->w0;
  while (first > 0 && groups[first - 1] == groups[c->w0])
    first--;
  const GArray *hits = part_topics (v, c->part);
  for (guint i = 0; i < hits->len; i++) {
    const TopicHit *h = &g_array_index (hits, TopicHit, i);
    if (h->w1 != first)
      continue;
    if ((gint) h->topic == own || judge_key_asks_topic (v->key, h->topic))
      return 1;
    *other = h->topic;
    return -1;
  }
  return 0;
}

const char *
match_claim_topic (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  const JudgeKey *key = v->key;
  if (key->topics != NULL && key->topic != NULL) {
    guint other = 0;
    int r = bracket_topic (v, c, topic_index (key->topics, key->topic),
                           &other);
    if (r != 0)
      return r < 0 ? topic_name_at (key->topics, other) : NULL;
  }
  /* "… phân biệt thời hạn cấp thẻ căn cước với các thủ tục cư trú: đăng
   * ký tạm trú 03 ngày làm việc": past a colon before the figure, a name
   * there is the figure's */
  guint seg = c->c0;
  for (guint k = c->c0 + 1; k <= c->w0 && k < p->words->len; k++)
    if (g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON)
      seg = k;
  if (seg > c->c0 && key->topics != NULL && key->topic != NULL) {
    guint other = 0;
    int r = names_topic (v, c->part, seg, c->c1, topic_index (key->topics,
                                                              key->topic),
                         &other, 0, 0);
    if (r != 0)
      return r < 0 ? topic_name_at (key->topics, other) : NULL;
  }
  return match_other_topic (v, c->part, c->c0, c->c1);
}

const char *
match_other_row (View *v, guint part)
{
  const JudgeKey *key = v->key;
  const AnswerPart *p = answer_part (v->a, part);
  if (key->topics == NULL || key->topic == NULL || p->row_head < 0)
    return NULL;
  gint own = topic_index (key->topics, key->topic);
  guint other;
  if (names_topic (v, (guint) p->row_head, 0, G_MAXUINT, own, &other, 0, 0)
      > 0)
    return NULL;
  /* another row of the table names the asked procedure */
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    if (q->block != p->block || q->kind != PART_CELL || q->col != 0
        || (gint) i == p->row_head)
      continue;
    if (names_topic (v, i, 0, G_MAXUINT, own, &other, 0, 0) > 0)
      return answer_part (v->a, (guint) p->row_head)->norm;
  }
  return NULL;
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
        || (answer_word_is (p, k, lenient ? "tom" : "tóm")
            && answer_word_is (p, k + 1, lenient ? "lai" : "lại"))
        || answer_word_is (p, k, "answer") || answer_word_is (p, k, "choice")
        || answer_word_is (p, k, "conclusion"))
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
  case ABOUT_EXTENSION: return s == SUBJ_NONE || s == SUBJ_EXTENSION;
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

static gboolean
question_has_all (View *v, const AnswerPart *p, guint w0, guint w1)
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
      || question_has_all (v, p, l0, l1))
    return FALSE;
  /* another fee of the answer is the one the question words */
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    for (guint h = 0; !q->quoted && h < q->cues->len; h++) {
      const CueHit *ch = &g_array_index (q->cues, CueHit, h);
      guint m0, m1;
      if (fee_name (q, ch, lenient, &m0, &m1)
          && question_has_all (v, q, m0, m1)) {
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
