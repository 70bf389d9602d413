#include "util/suggest.h"

#include <string.h>

/* Names are short (a key, a field): longer words are cut here. */
#define SUGGEST_MAX_CHARS 64

static glong
folded_chars (const char *s, gunichar out[SUGGEST_MAX_CHARS])
{
  g_autofree char *valid = g_utf8_make_valid (s, -1);
  g_autofree char *fold = g_utf8_casefold (valid, -1);
  glong n = 0;
  for (const char *p = fold; *p && n < SUGGEST_MAX_CHARS;
       p = g_utf8_next_char (p))
    out[n++] = g_utf8_get_char (p);
  return n;
}

guint
suggest_distance (const char *a, const char *b, guint limit)
{
  gunichar x[SUGGEST_MAX_CHARS], y[SUGGEST_MAX_CHARS];
  glong n = folded_chars (a, x), m = folded_chars (b, y);
  if ((guint) ABS (n - m) > limit)
    return limit + 1;
  /* Three rows of the optimal string alignment table. */
  guint rows[3][SUGGEST_MAX_CHARS + 1];
  guint *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  for (glong j = 0; j <= m; j++)
    prev[j] = (guint) j;
  for (glong i = 1; i <= n; i++) {
    cur[0] = (guint) i;
    guint row_min = cur[0];
    for (glong j = 1; j <= m; j++) {
      guint cost = x[i - 1] == y[j - 1] ? 0 : 1;
      guint d = MIN (MIN (prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1])
        d = MIN (d, prev2[j - 2] + 1);
      cur[j] = d;
      row_min = MIN (row_min, d);
    }
    if (row_min > limit)
      return limit + 1;
    guint *t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return MIN (prev[m], limit + 1);
}

const char *
suggest_near (const char *word, const char *const *known)
{
  const char *best = NULL;
  guint best_d = 3;
  glong len = g_utf8_strlen (word, -1);
  guint limit = (guint) MIN (2, MAX (len / 2, 1));
  for (const char *const *k = known; k && *k; k++) {
    guint d = suggest_distance (word, *k, limit);
    if (d <= limit && d < best_d) {
      best = *k;
      best_d = d;
    }
  }
  return best;
}

char *
suggest_hint (const char *word, const char *const *known)
{
  const char *near = suggest_near (word, known);
  return near ? g_strdup_printf (" (did you mean \"%s\"?)", near)
              : g_strdup ("");
}
