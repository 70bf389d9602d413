#include "scoring/canary.h"

#include <string.h>

#include "scoring/normalize.h"

/* At most this many hits are listed; every one is counted. */
#define CANARY_LIST_MAX 1000

typedef struct {
  char *lower; /* the canary string, ASCII lower case */
  const char *given;
} CanaryString;

struct _Canary {
  GHashTable *sets;     /* name → Testset* (borrowed) */
  GArray *strings;      /* CanaryString of every set */
  guint items;          /* canary items in all sets */
  cJSON *hits;          /* array */
  cJSON *by_sub;        /* object */
  guint listed;
};

Canary *
canary_new (const GPtrArray *sets)
{
  Canary *c = g_new0 (Canary, 1);
  c->sets = g_hash_table_new (g_str_hash, g_str_equal);
  c->strings = g_array_new (FALSE, TRUE, sizeof (CanaryString));
  c->hits = cJSON_CreateArray ();
  c->by_sub = cJSON_CreateObject ();
  for (guint i = 0; sets && i < sets->len; i++) {
    const Testset *s = g_ptr_array_index (sets, i);
    g_hash_table_insert (c->sets, s->name, (gpointer) s);
    if (s->canary) {
      CanaryString cs = { g_ascii_strdown (s->canary, -1), s->canary };
      g_array_append_val (c->strings, cs);
    }
    for (guint k = 0; k < s->items->len; k++)
      c->items += ((const TsItem *) g_ptr_array_index (s->items, k))->canary
                  != NULL;
  }
  return c;
}

void
canary_free (Canary *c)
{
  if (c == NULL)
    return;
  for (guint i = 0; i < c->strings->len; i++)
    g_free (g_array_index (c->strings, CanaryString, i).lower);
  g_array_unref (c->strings);
  g_hash_table_unref (c->sets);
  cJSON_Delete (c->hits);
  cJSON_Delete (c->by_sub);
  g_free (c);
}

gboolean
canary_armed (const Canary *c)
{
  return c->strings->len > 0 || c->items > 0;
}

gboolean
canary_phrase_in (const char *text, const char *needle)
{
  g_autofree char *hay = normalize_phrase_of (text, FALSE);
  g_autofree char *pin = normalize_phrase_of (needle, FALSE);
  /* both start and end with a space: whole words only */
  return strlen (pin) > 2 && strstr (hay, pin) != NULL;
}

/* ASCII case ignored, bytes otherwise: a canary string is ASCII (the
 * loader checks it), and an answer quoting it keeps it whole. memchr finds
 * the candidates (every answer of a 170,000-answer run is searched). */
static gboolean
has_string (const char *answer, gsize len, const char *lower)
{
  gsize n = strlen (lower);
  if (n == 0 || n > len)
    return FALSE;
  const char *end = answer + len - n + 1; /* last start + 1 */
  char c[2] = { lower[0], g_ascii_toupper (lower[0]) };
  const char *next[2] = { answer, c[1] != c[0] ? answer : NULL };
  for (;;) {
    for (int k = 0; k < 2; k++)
      if (next[k] && (next[k] = memchr (next[k], c[k],
                                        (gsize) (end - next[k]))) == NULL)
        next[k] = NULL;
    const char *at = next[0] && (!next[1] || next[0] < next[1]) ? next[0]
                                                                : next[1];
    if (at == NULL)
      return FALSE;
    if (g_ascii_strncasecmp (at, lower, n) == 0)
      return TRUE;
    for (int k = 0; k < 2; k++)
      if (next[k] == at)
        next[k] = at + 1 < end ? at + 1 : NULL;
  }
}

static void
hit (Canary *c, const ScoreRecord *rec, guint turn, const char *found,
     const char *what)
{
  if (c->listed++ >= CANARY_LIST_MAX)
    return;
  cJSON *h = cJSON_CreateObject ();
  cJSON_AddStringToObject (h, "submission", rec->submission);
  cJSON_AddStringToObject (h, "testset", rec->testset ? rec->testset : "");
  cJSON_AddStringToObject (h, "item", rec->item);
  cJSON_AddStringToObject (h, "variant", rec->variant ? rec->variant
                                                      : "clean");
  cJSON_AddNumberToObject (h, "turn", turn);
  cJSON_AddStringToObject (h, "found", found);
  cJSON_AddStringToObject (h, "canary", what);
  cJSON_AddBoolToObject (h, "hidden", rec->hidden);
  cJSON_AddItemToArray (c->hits, h);
}

guint
canary_check (Canary *c, const ScoreRecord *rec)
{
  if (!canary_armed (c))
    return 0;
  const Testset *set = rec->testset ? g_hash_table_lookup (c->sets,
                                                           rec->testset)
                                    : NULL;
  const TsItem *it = set ? testset_lookup (set, rec->item) : NULL;
  guint n = 0;
  for (guint t = 0; t < rec->n_turns; t++) {
    const ScoreTurn *st = &rec->turns[t];
    if (st->answer == NULL)
      continue;
    gsize len = st->answer_len ? st->answer_len : strlen (st->answer);
    const char *found = NULL, *what = NULL;
    for (guint i = 0; i < c->strings->len && !found; i++) {
      const CanaryString *cs = &g_array_index (c->strings, CanaryString, i);
      if (has_string (st->answer, len, cs->lower)) {
        found = "string";
        what = cs->given;
      }
    }
    for (char **p = it ? it->canary : NULL; p && *p && !found; p++)
      if (canary_phrase_in (st->answer, *p)) {
        found = "phrase";
        what = *p;
      }
    if (found == NULL)
      continue;
    n++;
    hit (c, rec, st->turn, found, what);
  }
  if (n > 0) {
    cJSON *v = cJSON_GetObjectItemCaseSensitive (c->by_sub, rec->submission);
    if (v)
      cJSON_SetNumberValue (v, v->valuedouble + n);
    else
      cJSON_AddNumberToObject (c->by_sub, rec->submission, n);
  }
  return n;
}

cJSON *
canary_result (const Canary *c)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddNumberToObject (o, "strings", c->strings->len);
  cJSON_AddNumberToObject (o, "items", c->items);
  cJSON_AddItemToObject (o, "hits", cJSON_Duplicate (c->hits, TRUE));
  cJSON_AddItemToObject (o, "by_submission",
                         cJSON_Duplicate (c->by_sub, TRUE));
  return o;
}
