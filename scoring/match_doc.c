/* Citations and lists (scoring/match.h): a document cited by its number
 * ("Thông tư 75/2022/TT-BTC"), or else named as stated, and the share of a
 * list's items an answer states. Names are read by match_text.c. */
#include "scoring/match.h"

#include "scoring/citation.h"
#include "scoring/claims.h"
#include "scoring/normalize.h"
#include "util/jsonw.h"

#include <math.h>
#include <string.h>

/* The kind of a canonical number past its year ("QH" of "24/2023/QH15",
 * "ND-CP" of "163/2024/ND-CP"), its length in *n; NULL when it has none. */
static const char *
doc_kind (const char *canonical, gsize *n)
{
  const char *slash = strrchr (canonical, '/');
  if (slash == NULL || slash == canonical)
    return NULL;
  const char *k = slash + 1;
  gsize len = strlen (k);
  while (len > 0 && g_ascii_isdigit (k[len - 1]))
    len--;
  *n = len;
  return len > 0 ? k : NULL;
}

/* Whether [from, to) of text holds a sentence stop (". ", not the dot
 * of "Law No. 41/2009"). */
static gboolean
stops_between (const char *text, gsize from, gsize to)
{
  for (const char *d = g_strstr_len (text + from, (gssize) (to - from), ". ");
       d != NULL; d = g_strstr_len (d + 1, (gssize) (text + to - d - 1), ". "))
    if (!(d - text >= (gssize) from + 2 && g_ascii_strncasecmp (d - 2, "no", 2) == 0))
      return TRUE;
  return FALSE;
}

/* Whether the cue at byte at of text speaks of the key's document: the
 * nearest "luật …" before it in its sentence, if any, opens on the
 * document's name ("Luật Viễn thông hiện hành", not "Luật Tần số vô
 * tuyến điện hiện hành"). */
static gboolean
of_the_document (const char *text, gsize at, const char *name)
{
  const char *law = NULL;
  for (const char *l = strstr (text, "luật "); l != NULL && (gsize) (l - text) < at;
       l = strstr (l + 1, "luật "))
    law = l;
  if (law == NULL || stops_between (text, (gsize) (law - text), at))
    return TRUE;
  return name != NULL && strncmp (law, name, strlen (name)) == 0;
}

/* "Luật Viễn thông hiện hành là Luật số 41/2009/QH12": the first number
 * of the asked document's kind that a "hiện hành" / "current" in its
 * sentence points to, when it is another than the key's and stated —
 * the answer names another text as the one in force. Its span, or NULL. */
static char *
current_rival (const Fact *f, View *v)
{
  static const char *const cues[] = {"hiện hành", "hien hanh",
                                     "đang có hiệu lực", "dang co hieu luc",
                                     "currently in force", "current"};
  gsize kn = 0, rn = 0;
  const char *kind = doc_kind (f->doc_canonical, &kn);
  if (kind == NULL)
    return NULL;
  /* the document's name: its words before the number ("luật viễn thông") */
  g_autofree char *doc = normalize_text (f->doc, v->a->lenient);
  gsize nl = strcspn (doc, "0123456789");
  while (nl > 0 && strchr (" ,(", doc[nl - 1]) != NULL)
    nl--;
  if (nl >= 5 && strncmp (doc + nl - 5, " số", 5) == 0) /* "Luật … số 24/…" */
    nl -= 5;
  g_autofree char *name = nl > 5 ? g_strndup (doc, nl) : NULL;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (gsize q = 0; q < G_N_ELEMENTS (cues); q++)
      for (const char *at = strstr (p->norm, cues[q]); at != NULL;
           at = strstr (at + 1, cues[q])) {
        gsize from = (gsize) (at - p->norm) + strlen (cues[q]);
        if (!of_the_document (p->norm, (gsize) (at - p->norm), name))
          continue;
        for (guint k = 0; k < p->cites->len; k++) {
          const CitationMention *c = p->cites->pdata[k];
          if (c->start < from)
            continue;
          const char *ck = doc_kind (c->canonical, &rn);
          if (stops_between (p->norm, from, c->start) || ck == NULL
              || rn != kn || strncmp (ck, kind, kn) != 0
              || citation_matches (c, f->doc_canonical))
            break; /* the first of the kind after the cue, in its sentence */
          guint w = 0;
          while (w < p->words->len
                 && g_array_index (p->words, CueWord, w).end <= c->start)
            w++;
          if (claims_polarity (v->a, p, w, w + 1) == POL_STATED)
            return g_strndup (p->norm + c->start, c->end - c->start);
          break;
        }
      }
  }
  return NULL;
}

void
match_citation (const Fact *f, View *v, Outcome *o)
{
  answer_scan (v->a, ANSWER_CITES);
  g_autofree char *rival = f->doc_canonical ? current_rival (f, v) : NULL;
  if (rival != NULL) {
    o->status = ST_CONTRADICTION;
    if (!o->quiet)
      o->span = g_strdup (rival);
    outcome_rule (o, "citation.current_other", rival, f->doc_canonical, NULL);
    return;
  }
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
