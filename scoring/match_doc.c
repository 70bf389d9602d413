/* Citations and lists (scoring/match.h): a document cited by its number
 * ("Thông tư 75/2022/TT-BTC"), or else named as stated, and the share of a
 * list's items an answer states. Names are read by match_text.c. */
#include "scoring/match.h"

#include "scoring/citation.h"
#include "util/jsonw.h"

#include <math.h>

void
match_citation (const Fact *f, View *v, Outcome *o)
{
  answer_scan (v->a, ANSWER_CITES);
  for (guint i = 0; f->doc_canonical && i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (guint k = 0; k < p->cites->len; k++) {
      const CitationMention *c = p->cites->pdata[k];
      if (!citation_matches (c, f->doc_canonical))
        continue;
      o->status = ST_MATCHED;
      if (!o->quiet) {
        o->span = g_strndup (p->norm + c->start, c->end - c->start);
        o->value = match_json_string (c->canonical);
      }
      outcome_rule (o, "citation.matched", f->doc_canonical, NULL);
      return;
    }
  }
  char *span = NULL;
  if (match_stated_name (v, f->aliases, o->quiet ? NULL : &span) >= 0) {
    o->status = ST_MATCHED;
    if (!o->quiet) {
      o->span = span;
      o->value = match_json_string (f->doc);
    }
    outcome_rule (o, "name.matched", f->doc, NULL);
    return;
  }
  o->status = ST_MISSING;
  outcome_rule (o, "citation.missing", f->doc, NULL);
  for (guint i = 0; !o->quiet && i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (guint k = 0; k < p->cites->len; k++) {
      const CitationMention *c = p->cites->pdata[k];
      g_autofree char *span = g_strndup (p->norm + c->start, c->end - c->start);
      outcome_note (o, span, "other", "citation.other", c->canonical, NULL);
    }
  }
}

void
match_list (const Fact *f, View *v, Outcome *o)
{
  for (guint i = 0; i < f->items->len; i++) {
    gboolean refused;
    g_autofree char *denied = match_denied_name (v, f->items->pdata[i],
                                                 &refused);
    if (denied == NULL)
      continue;
    o->status = ST_CONTRADICTION;
    if (!o->quiet)
      o->span = g_strdup (denied);
    outcome_rule (o, refused ? "list.refused" : "list.denied", denied, NULL);
    return;
  }
  guint hits = 0;
  g_autoptr (GString) found = o->quiet ? NULL : g_string_new ("[");
  g_autoptr (GString) missing = o->quiet ? NULL : g_string_new ("[");
  for (guint i = 0; i < f->items->len; i++) {
    const Aliases *a = f->items->pdata[i];
    gint alias = match_stated_name (v, a, NULL);
    gboolean ok = alias >= 0;
    hits += ok;
    if (o->quiet)
      continue;
    GString *to = ok ? found : missing;
    if (to->len > 1)
      g_string_append_c (to, ',');
    g_autofree char *js = match_json_string (a->raw->pdata[ok ? alias : 0]);
    g_string_append (to, js);
  }
  double recall = (double) hits / f->items->len;
  o->status = recall + 1e-9 >= f->min_recall ? ST_MATCHED : ST_MISSING;
  if (o->quiet)
    return;
  g_string_append_c (found, ']');
  g_string_append_c (missing, ']');
  GString *value = g_string_new ("{\"recall\":");
  jsonw_append_number (value, round (recall * 1e4) / 1e4);
  g_string_append_printf (value, ",\"found\":%s,\"missing\":%s}",
                          found->str, missing->str);
  o->value = g_string_free (value, FALSE);
  g_autofree char *h = g_strdup_printf ("%u", hits);
  g_autofree char *n = g_strdup_printf ("%u", f->items->len);
  g_autofree char *need = g_strdup_printf ("%.2f", f->min_recall);
  outcome_rule (o, "list.result", h, n, need, NULL);
}
