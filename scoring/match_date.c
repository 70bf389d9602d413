/* Dates (scoring/match.h): the key's date against the dates the answer
 * states of the asked law or procedure, not another's; a different date
 * given for when the asked law takes effect is a contradiction. Split
 * from match_value.c. */
#include "scoring/match.h"

#include "scoring/citation.h"
#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/names.h"
#include "scoring/normalize.h"

#include <string.h>

/* The words [*w0, *w1) of p that date d covers. */
static void
date_words (const AnswerPart *p, const DatesMention *d, guint *w0, guint *w1)
{
  *w0 = 0;
  while (*w0 < p->words->len
         && g_array_index (p->words, CueWord, *w0).end <= d->start)
    (*w0)++;
  *w1 = *w0;
  while (*w1 < p->words->len
         && g_array_index (p->words, CueWord, *w1).start < d->end)
    (*w1)++;
}

/* The document number cited last before date d in its sentence
 * ('"Luật An ninh mạng số 116/2025/QH15" (hiệu lực 1/7/2026)'), when the
 * key cites documents and this is none of them: the date is that
 * document's. Its canonical form, or NULL. */
static const char *
date_other_document (View *v, const AnswerPart *p, const DatesMention *d)
{
  answer_scan (v->a, ANSWER_CITES);
  const CitationMention *last = NULL;
  for (guint k = 0; p->cites && k < p->cites->len; k++) {
    const CitationMention *c = p->cites->pdata[k];
    if (c->end > d->start)
      break;
    const char *stop = g_strstr_len (p->norm + c->end, (gssize) (d->start - c->end), ". ");
    last = stop == NULL ? c : NULL;
  }
  if (last == NULL)
    return NULL;
  gboolean cited = FALSE;
  for (guint i = 0; i < v->key->facts->len; i++) {
    const Fact *f = v->key->facts->pdata[i];
    if (f->type != FACT_CITATION || f->doc_canonical == NULL)
      continue;
    cited = TRUE;
    if (citation_matches (last, f->doc_canonical))
      return NULL;
  }
  return cited ? last->canonical : NULL;
}

/* The other procedure or law the date's clause speaks of, or NULL. */
static const char *
date_other_topic (View *v, guint part, const DatesMention *d)
{
  const AnswerPart *p = answer_part (v->a, part);
  const char *doc = date_other_document (v, p, d);
  if (doc != NULL)
    return doc;
  guint w0, w1;
  date_words (p, d, &w0, &w1);
  guint c0, c1;
  claims_clause (p, w0, w1, &c0, &c1);
  return match_other_topic (v, part, c0, c1);
}

/* Whether the clause of date d in part says when something takes effect
 * ("có hiệu lực từ ngày …", "in force from …"): then another date there
 * than the key's is the asked date stated wrong. */
static gboolean
effective_clause (View *v, guint part, const DatesMention *d)
{
  const AnswerPart *p = answer_part (v->a, part);
  guint w0, w1;
  date_words (p, d, &w0, &w1);
  /* said of the past ("Luật 2016 có hiệu lực từ 01/01/2017") it is
   * history, not the asked date */
  guint c0, c1;
  claims_clause (p, w0, w1, &c0, &c1);
  if (c0 >= p->words->len || c1 <= c0
      || claims_polarity (v->a, p, w0, w1) != POL_STATED)
    return FALSE;
  gsize from = g_array_index (p->words, CueWord, c0).start;
  gsize to = g_array_index (p->words, CueWord, c1 - 1).end;
  g_autofree char *clause = g_strndup (p->norm + from, to - from);
  return strstr (clause, v->a->lenient ? "hieu luc" : "hiệu lực") != NULL
         || strstr (clause, "in force") != NULL
         || strstr (clause, "takes effect") != NULL
         || strstr (clause, "effective") != NULL;
}

/* The first date the answer states in a clause of taking effect, about
 * the asked subject and not the key's: a contradiction when the key's own
 * date is never stated. */
static gboolean
wrong_effective_date (View *v, Outcome *o)
{
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (guint k = 0; !p->quoted && p->dates && k < p->dates->len; k++) {
      const DatesMention *d = &g_array_index (p->dates, DatesMention, k);
      if (d->year == 0 || !effective_clause (v, i, d)
          || date_other_topic (v, i, d) != NULL)
        continue;
      o->status = ST_CONTRADICTION;
      if (o->quiet)
        return TRUE;
      o->span = g_strndup (p->norm + d->start, d->end - d->start);
      o->value = g_strdup_printf ("\"%04u-%02u-%02u\"", d->year, d->month,
                                  d->day);
      outcome_rule (o, "value.contradiction", o->span, o->expected,
                    "@about:date", NULL);
      return TRUE;
    }
  }
  return FALSE;
}

/* Whether the clause of date d says the question back in its words (four
 * of them and three in five, not counting figures): "Cấp huyện chấm dứt hoạt động từ
 * 1/3/2025" to "Cấp huyện chấm dứt hoạt động từ ngày nào?" gives the
 * asked date; "Mốc 1/7/2025 chỉ là hạn chót bàn giao" does not. */
static gboolean
says_question_back (View *v, const AnswerPart *p, guint w0, guint w1)
{
  guint c0, c1, shared = 0;
  claims_clause (p, w0, w1, &c0, &c1);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                       g_free, NULL);
  for (guint k = c0; k < c1 && k < p->words->len; k++) {
    const CueWord *cw = &g_array_index (p->words, CueWord, k);
    /* "Luật Báo chí 2016 có hiệu lực từ 1/1/2017" to "Luật Báo chí 2025
     * có hiệu lực từ ngày nào?": a year the question lacks names another
     * text */
    if ((k < w0 || k >= w1) && cw->end - cw->start == 4
        && g_ascii_isdigit (p->norm[cw->start])) {
      g_autofree char *year = g_strndup (p->norm + cw->start, 4);
      if (!match_question_has_word (v, year))
        return FALSE;
    }
    if (g_ascii_isdigit (p->norm[cw->start]))
      continue;
    char *w = g_strndup (p->norm + cw->start, cw->end - cw->start);
    if (match_question_has_word (v, w) && !g_hash_table_contains (seen, w))
      g_hash_table_add (seen, w), shared++;
    else
      g_free (w);
  }
  /* most of the question, its predicate with its subject: "Luật Báo chí
   * 2025 được thông qua ngày …" shares only the subject with "Luật Báo
   * chí mới có hiệu lực từ ngày nào?" */
  return shared >= 4 && shared * 5 >= match_question_size (v) * 3;
}

/* A date other than the key's that the answer gives as the asked one:
 * stated in a part that says the question back, while no such part
 * gives the key's date. */
static gboolean
wrong_asked_date (const Fact *f, View *v, Outcome *o)
{
  const AnswerPart *wp = NULL;
  const DatesMention *wrong = NULL;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->dates == NULL || p->dates->len == 0)
      continue;
    for (guint k = 0; k < p->dates->len; k++) {
      const DatesMention *d = &g_array_index (p->dates, DatesMention, k);
      guint w0, w1;
      date_words (p, d, &w0, &w1);
      if (d->year == 0 || d->day == 0 || !says_question_back (v, p, w0, w1)
          || claims_polarity (v->a, p, w0, w1) != POL_STATED
          || date_other_topic (v, i, d) != NULL)
        continue;
      if (d->year == f->year && d->month == f->month && d->day == f->day)
        return FALSE;
      if (wrong == NULL)
        wrong = d, wp = p;
    }
  }
  if (wrong == NULL)
    return FALSE;
  o->status = ST_CONTRADICTION;
  if (o->quiet)
    return TRUE;
  o->span = g_strndup (wp->norm + wrong->start, wrong->end - wrong->start);
  o->value = g_strdup_printf ("\"%04u-%02u-%02u\"", wrong->year, wrong->month,
                              wrong->day);
  outcome_rule (o, "value.contradiction", o->span, o->expected, "@about:date",
                NULL);
  return TRUE;
}

void
match_date (const Fact *f, View *v, Outcome *o)
{
  answer_scan (v->a, ANSWER_DATES);
  if (f->day != 0 && wrong_asked_date (f, v, o))
    return;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (guint k = 0; p->dates && k < p->dates->len; k++) {
      const DatesMention *d = &g_array_index (p->dates, DatesMention, k);
      if (d->year != f->year || d->month != f->month || d->day != f->day)
        continue;
      guint w0, w1;
      date_words (p, d, &w0, &w1);
      /* the asked event's date is often said with its verb of ending
       * ("…, cấp huyện chấm dứt hoạt động"): only a quotation, or a
       * mistake quoted and set right, takes a date back */
      Polarity pol = p->quoted ? POL_QUOTED
                     : claims_quote_rejected (v->a, p, w0) ? POL_NEGATED
                                                           : POL_STATED;
      if (pol == POL_NEGATED || pol == POL_QUOTED) {
        g_autofree char *span = o->quiet ? NULL
                                         : g_strndup (p->norm + d->start,
                                                      d->end - d->start);
        outcome_note (o, span, "set_aside",
                      pol == POL_NEGATED ? "claim.negated" : "claim.quoted",
                      NULL);
        continue;
      }
      const char *topic = date_other_topic (v, i, d);
      if (topic != NULL) { /* the same date, said of another law */
        g_autofree char *span = o->quiet ? NULL
                                         : g_strndup (p->norm + d->start,
                                                      d->end - d->start);
        outcome_note (o, span, "set_aside", "claim.other_topic", topic, NULL);
        continue;
      }
      o->status = ST_MATCHED;
      if (o->quiet)
        return;
      o->span = g_strndup (p->norm + d->start, d->end - d->start);
      o->value = g_strdup_printf ("\"%04u-%02u-%02u\"", d->year, d->month,
                                  d->day);
      outcome_rule (o, "value.matched", o->expected, o->span, NULL);
      return;
    }
  }
  if (wrong_effective_date (v, o))
    return;
  o->status = ST_MISSING;
  outcome_rule (o, "value.missing", "@kind:date", o->expected, "@about:date",
                NULL);
}

