/* A law the key names, stated with a number it never had (scoring/
 * match.h): to "Khai sinh … căn cứ luật nào?" keyed "Luật Hộ tịch", the
 * answer "căn cứ Luật Hộ tịch số 52/2014/QH13" names the law with the
 * marriage and family law's number (scoring/laws.c holds the numbers). */
#include "scoring/match.h"

#include "scoring/citation.h"
#include "scoring/claims.h"
#include "scoring/laws.h"
#include "scoring/normalize.h"

#include <string.h>

/* The words of p's span [from, to) as word indexes [*w0, *w1). */
static void
words_of (const AnswerPart *p, gsize from, gsize to, guint *w0, guint *w1)
{
  guint k = 0;
  while (k < p->words->len && g_array_index (p->words, CueWord, k).end <= from)
    k++;
  *w0 = k;
  while (k < p->words->len && g_array_index (p->words, CueWord, k).start < to)
    k++;
  *w1 = MAX (k, *w0 + 1);
}

/* Whether the fact's aliases name law (a registry index). */
static gboolean
fact_names_law (const Fact *f, gint law, gboolean lenient)
{
  for (guint i = 0; f->aliases && i < f->aliases->raw->len; i++) {
    g_autofree char *n = normalize_text (f->aliases->raw->pdata[i], lenient);
    gsize start, end;
    if (laws_find (n, 0, lenient, &start, &end) == law)
      return TRUE;
  }
  return FALSE;
}

char *
match_misnumbered_law (View *v, const Fact *f)
{
  gboolean lenient = v->a->lenient;
  answer_scan (v->a, ANSWER_CITES);
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    gsize from = 0, start, end;
    gint law;
    while (!p->quoted
           && (law = laws_find (p->norm, from, lenient, &start, &end)) >= 0) {
      from = end;
      if (!fact_names_law (f, law, lenient))
        continue;
      /* its number right after: "… số 52/2014/QH13", "… năm 2023 (Luật số
       * 26/2023/QH15)", in the same sentence, a few words on */
      for (guint k = 0; k < p->cites->len; k++) {
        const CitationMention *c = p->cites->pdata[k];
        if (c->start < end || c->start - end > 40)
          continue;
        if (memchr (p->norm + end, '.', c->start - end) != NULL
            || strstr (c->canonical, "/QH") == NULL
            || laws_number_valid (law, c->canonical))
          break;
        guint w0, w1;
        words_of (p, start, end, &w0, &w1);
        if (claims_polarity (v->a, p, w0, w1) != POL_STATED)
          break;
        return g_strndup (p->norm + start, c->end - start);
      }
    }
  }
  return NULL;
}
