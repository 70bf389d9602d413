/* Judging (scoring/judge.h): the answer is read once into parts (answer.c)
 * in the strict and the diacritic-free form, each fact's matcher runs on
 * the form that counts — the strict one, or the folded one for an answer
 * written wholly without diacritics — and writes its explanation; the
 * folded pass only counts, for lenient_score. */
#include "scoring/judge.h"

#include "scoring/answer.h"
#include "scoring/judgement.h"
#include "scoring/match.h"
#include "scoring/topic.h"
#include "util/jsonw.h"
#include "util/vb_gstring.h"

#include <math.h>
#include <string.h>

#define PUT VB_GSTRING_PUT_LITERAL

typedef struct {
  double matched, total;
  gboolean required_ok;
  int contradictions;
} Tally;

static void
match_fact (const Fact *f, View *v, Outcome *o)
{
  switch (f->type) {
  case FACT_MONEY:
  case FACT_DURATION: match_quantity (f, v, o); break;
  case FACT_DATE: match_date (f, v, o); break;
  case FACT_AGENCY:
  case FACT_PHRASE: match_name (f, v, o); break;
  case FACT_CITATION: match_citation (f, v, o); break;
  case FACT_LIST: match_list (f, v, o); break;
  case FACT_CHOICE: match_choice (f, v, o); break;
  case FACT_POLARITY: match_polarity (f, v, o); break;
  case FACT_REFUSAL: match_refusal (f, v, o); break;
  default: break;
  }
}

static void
run_forbid (const JudgeKey *key, View *v, GString *out, Tally *t)
{
  int hits = 0;
  v->forbid = TRUE;
  for (guint i = 0; i < key->forbid->len; i++) {
    const Fact *rule = key->forbid->pdata[i];
    g_autofree char *span = rule->type == FACT_MONEY
                                    || rule->type == FACT_DURATION
                                ? match_forbid_value (rule, v)
                                : match_forbid_name (rule, v);
    if (span == NULL)
      continue;
    if (out) {
      if (hits > 0)
        g_string_append_c (out, ',');
      judgement_forbid_append (out, i, rule, span);
    }
    hits++;
  }
  v->forbid = FALSE;
  t->contradictions += hits;
}

/* One pass of the key over a view; with out (the counting pass), each
 * fact's explanation goes there as "facts":[…],"forbid":[…]. */
static Tally
run_key (const JudgeKey *key, View *v, GString *out)
{
  Tally t = {0, 0, TRUE, 0};
  if (out)
    PUT (out, "\"facts\":[");
  for (guint i = 0; i < key->facts->len; i++) {
    const Fact *f = key->facts->pdata[i];
    Outcome o;
    outcome_init (&o, f, out == NULL);
    match_fact (f, v, &o);
    t.total += f->weight;
    if (o.status == ST_MATCHED)
      t.matched += f->weight;
    else if (f->required)
      t.required_ok = FALSE;
    if (o.status == ST_CONTRADICTION)
      t.contradictions++;
    if (out) {
      if (i > 0)
        g_string_append_c (out, ',');
      judgement_fact_append (out, f, &o);
    }
    outcome_clear (&o);
  }
  if (out)
    PUT (out, "],\"forbid\":[");
  run_forbid (key, v, out, &t);
  if (out)
    g_string_append_c (out, ']');
  return t;
}

static double
tally_score (const Tally *t)
{
  gboolean correct = t->required_ok && t->contradictions == 0;
  double s = t->total > 0 ? t->matched / t->total : (correct ? 1 : 0);
  return round (s * 1e6) / 1e6;
}

/* The judgement's leading members, then body. */
static void
judgement_append (GString *out, const JudgeTotals *t, const GString *extra,
                  const GString *body)
{
  PUT (out, "{\"score\":");
  jsonw_append_number (out, t->score);
  PUT (out, ",\"correct\":");
  jsonw_append_bool (out, t->correct);
  PUT (out, ",\"lenient_score\":");
  jsonw_append_number (out, t->lenient_score);
  PUT (out, ",\"contradictions\":");
  jsonw_append_number (out, t->contradictions);
  if (extra)
    vb_gstring_put (out, extra->str, extra->len);
  if (t->unaccented)
    PUT (out, ",\"unaccented\":true");
  g_string_append_c (out, ',');
  vb_gstring_put (out, body->str, body->len);
  g_string_append_c (out, '}');
}

static void
judge_no_answer (const JudgeKey *key, GString *out, JudgeTotals *totals)
{
  *totals = (JudgeTotals) {0};
  g_autoptr (GString) body = g_string_new ("\"facts\":[");
  for (guint i = 0; i < key->facts->len; i++) {
    const Fact *f = key->facts->pdata[i];
    Outcome o;
    outcome_init (&o, f, FALSE);
    outcome_rule (&o, "no_answer", NULL);
    if (i > 0)
      g_string_append_c (body, ',');
    judgement_fact_append (body, f, &o);
    outcome_clear (&o);
  }
  PUT (body, "],\"forbid\":[]");
  judgement_append (out, totals, NULL, body);
}

/* Whether heading i names a procedure the question does not ask about. */
static gboolean
names_other_topic (View *v, guint i)
{
  /* "giấy phép viễn thông" names the one procedure, not also "viễn thông" */
  g_autoptr (GArray) named = topic_part_hits (v->key->topics, v->a, i);
  for (guint k = 0; k < named->len; k++)
    if (!judge_key_asks_topic (v->key, g_array_index (named, TopicHit, k).topic))
      return TRUE;
  return FALSE;
}

/* A heading that says the question back: half the question's words, or,
 * for a long question, a heading of six of its words or more that are
 * three in four of its own ("**2. Hỏi – đáp: Giấy phép trò chơi điện tử
 * G1 nộp ở bộ nào?**"). */
static gboolean
heading_echoes (View *v, guint i)
{
  guint shared, total;
  match_question_overlap (v, answer_part (v->a, i), NULL, &shared, &total);
  return match_echoes_question (v, i) || (shared >= 6 && shared * 4 >= total * 3);
}

/* Whether the answer's title, or a section's ("**1. Hỏi – đáp: … xin giấy
 * phép ở đâu?**" in a bulletin), restates the question ("## Tạm trú sắp
 * hết hạn: phải gia hạn trước bao nhiêu ngày?" to "Tạm trú của tôi sắp
 * hết hạn, phải đi gia hạn trước ngày hết hạn bao nhiêu ngày?"): it is
 * about the asked thing, however often it names a neighbouring procedure
 * further on, when that heading itself names none the question does not. */
static gboolean
titled_by_question (View *v)
{
  gint other = -1; /* the last heading before that names another procedure */
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->words->len == 0 || p->kind != PART_HEADING)
      continue;
    /* "## Đăng ký khai sinh ở xã: bao lâu có giấy khai sinh?" to a
     * khai tử question echoes its words but names another procedure;
     * "**1. Có lấy ngay trong ngày được không?**" under "**Về chứng thực
     * chữ ký**" restates the question of another procedure — but a
     * numbered sibling about another matter ("**1. Đăng ký khai tử …**"
     * before "**2. Hỏi – đáp: … G1 nộp ở bộ nào?**") is a bulletin's
     * other item */
    if (names_other_topic (v, i)) {
      if (!match_numbered_heading (p))
        return FALSE;
      other = (gint) i;
      continue;
    }
    if (heading_echoes (v, i))
      return other < 0 || match_numbered_heading (p);
  }
  return FALSE;
}

/* A multiple-choice answer that says the question back ("**Câu 5.** Từ
 * 1/7/2025, giấy phép … do cơ quan nào cấp?" over its options) answers
 * that question, whichever letter it picks and whatever field its
 * course title names. */
static gboolean
restates_choice_question (View *v)
{
  gboolean choice = v->key->choices != NULL && v->key->choices->len > 0;
  for (guint i = 0; choice && i < v->a->parts->len; i++)
    if (match_echoes_question (v, i))
      return TRUE;
  return FALSE;
}

void
judge_answer_append_len (const JudgeKey *key, const char *answer, gsize len,
                         GString *out, JudgeTotals *totals)
{
  if (answer == NULL) {
    judge_no_answer (key, out, totals);
    return;
  }
  g_autoptr (Answer) strict = answer_new (answer, len);
  gboolean unaccented = strict->unaccented;
  /* the folded form is made only when it is read: for an answer written
   * without diacritics, or for the lenient score of a wrong one */
  g_autoptr (Answer) folded = unaccented ? answer_fold (strict) : NULL;
  View main = {key, unaccented ? folded : strict, NULL, NULL, FALSE, NULL, 0};
  g_autoptr (GString) body = g_string_sized_new (1024);
  Tally ts = run_key (key, &main, body);
  /* The lenient score only counts where the strict judgement is not
   * correct (METRICS.md "lenient_accuracy"): a correct answer's lenient
   * score is its score, and the folded pass is skipped. */
  gboolean strict_ok = ts.required_ok && ts.contradictions == 0;
  if (folded == NULL && !strict_ok)
    folded = answer_fold (strict);
  View lenient = {key, folded, NULL, NULL, FALSE, NULL, 0};
  Tally tl = unaccented || strict_ok ? ts : run_key (key, &lenient, NULL);
  if (main.topics == NULL && key->topics != NULL) {
    main.topics = g_ptr_array_new_with_free_func (match_array_unref0);
    g_ptr_array_set_size (main.topics, (gint) main.a->parts->len);
  }
  const char *off = topic_off (key, main.a, view_values (&main), main.topics,
                               strict_ok);
  if (off != NULL && (titled_by_question (&main)
                      || restates_choice_question (&main)))
    off = NULL;
  *totals = (JudgeTotals) {
    .score = off ? 0 : tally_score (&ts),
    .lenient_score = off ? 0 : tally_score (&tl),
    .correct = !off && ts.required_ok && ts.contradictions == 0,
    .contradictions = ts.contradictions,
    .off_topic = off != NULL,
    .unaccented = unaccented,
  };
  g_autoptr (GString) extra = NULL;
  if (off) {
    extra = g_string_new (NULL);
    judgement_off_topic_append (extra, off,
                                judge_topics_name (key->topics, off),
                                judge_topics_name (key->topics, key->topic));
  }
  judgement_append (out, totals, extra, body);
  view_clear (&main);
  view_clear (&lenient);
}

void
judge_answer_append (const JudgeKey *key, const char *answer, GString *out,
                     JudgeTotals *totals)
{
  judge_answer_append_len (key, answer, answer ? strlen (answer) : 0, out,
                           totals);
}

cJSON *
judge_answer (const JudgeKey *key, const char *answer)
{
  g_autoptr (GString) text = g_string_new (NULL);
  JudgeTotals totals;
  judge_answer_append (key, answer, text, &totals);
  cJSON *j = cJSON_ParseWithLength (text->str, text->len);
  g_assert (j != NULL); /* written by judge_answer_append */
  return j;
}
