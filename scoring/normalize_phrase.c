/* The phrase form of normalized text (scoring/normalize.h): words only,
 * one space apart, abbreviations expanded ("UBND" → "ủy ban nhân dân"),
 * with a map back to the words of the text; and phrase search. Apart from
 * normalize.c because it reads normalize_text's output, never its tables. */
#include "scoring/normalize.h"

#include "scoring/vi_char.h"

#include <string.h>


/* Abbreviations an answer may use for the words of a key, and back. */
static const char *const abbreviations[][2] = {
  {"ubnd", "ủy ban nhân dân"},
  {"hđnd", "hội đồng nhân dân"},
  {"ubtvqh", "ủy ban thường vụ quốc hội"},
  {"cccd", "căn cước công dân"},
  {"cmnd", "chứng minh nhân dân"},
  {"tthc", "thủ tục hành chính"},
  {"dvc", "dịch vụ công"},
  {"gplx", "giấy phép lái xe"},
  {"đkkd", "đăng ký kinh doanh"},
  {"hkd", "hộ kinh doanh"},
  {"stp", "sở tư pháp"},
  {"bca", "bộ công an"},
  {"btp", "bộ tư pháp"},
  {"bkhcn", "bộ khoa học và công nghệ"},
  {"vneid", "vneid"},
};

/* One mode's abbreviations, normalized like any answer, with a filter:
 * per first byte, the lengths (bit n: n bytes) of the keys starting with
 * it, and every key's last byte. Most words of an answer fail the filter,
 * the rest are compared with the fifteen keys: a GHashTable wanted a
 * NUL-terminated copy and g_str_hash per word. */
typedef struct {
  char key[8];
  gsize key_len;
  char *expansion; /* phrase words, no outer spaces */
  gsize expansion_len;
} Abbreviation;

typedef struct {
  Abbreviation entry[G_N_ELEMENTS (abbreviations)];
  guint n;
  guint8 lengths[256];
  gboolean last[256];
  gsize growth; /* no expansion is longer than growth times its key */
} AbbreviationTable;

static const Abbreviation *
abbreviation_find (const AbbreviationTable *t, const char *w, gsize n)
{
  if (n < 3 || n >= sizeof t->entry[0].key
      || !(t->lengths[(guchar) w[0]] >> n & 1) || !t->last[(guchar) w[n - 1]])
    return NULL;
  for (guint i = 0; i < t->n; i++) {
    const Abbreviation *a = &t->entry[i];
    gsize k = 0;
    while (k < n && a->key[k] == w[k]) /* key_len < 8: no memcmp call */
      k++;
    if (k == n && a->key_len == n)
      return a;
  }
  return NULL;
}

/* The end of the run of letters and digits starting at p. */
static const char *
skip_alnum (const char *p)
{
  for (;;) {
    guchar b = (guchar) *p;
    if (b < 0x80) {
      if (!g_ascii_isalnum (b))
        return p;
      p++;
    } else {
      if (!vi_char_alnum_at (p))
        return p;
      p += g_utf8_skip[b];
    }
  }
}

/* A word and the space after it, at d; returns the end. Words are a few
 * bytes: a loop beats a call to memcpy. */
static char *
put_word (char *d, const char *w, gsize n)
{
  for (gsize i = 0; i < n; i++)
    *d++ = w[i];
  *d++ = ' ';
  return d;
}

static char *
phrase_plain (const char *normalized, const AbbreviationTable *expand,
              GArray *source)
{
  /* Every word takes its bytes and a space, both at most growth times
   * over when expanded, plus the leading space and the NUL. Written on
   * the stack when short, then copied once: a GString call per word was
   * most of the phrase form's cost. */
  gsize bound = 2 + (strlen (normalized) + 1) * (expand ? expand->growth : 1);
  char local[4096];
  g_autofree char *heap = bound > sizeof local ? g_malloc (bound) : NULL;
  char *out = heap ? heap : local, *d = out;
  *d++ = ' ';
  guint word = 0;
  const char *p = normalized;
  while (*p != '\0') {
    const char *start = p;
    p = skip_alnum (p);
    if (p == start) {
      p = g_utf8_next_char (p);
      continue;
    }
    const Abbreviation *a
        = expand ? abbreviation_find (expand, start, (gsize) (p - start))
                 : NULL;
    d = a ? put_word (d, a->expansion, a->expansion_len)
          : put_word (d, start, (gsize) (p - start));
    if (source != NULL) { /* each output word knows its source word */
      guint words = 1;
      for (gsize k = 0; a && k < a->expansion_len; k++)
        words += a->expansion[k] == ' ';
      for (guint k = 0; k < words; k++)
        g_array_append_val (source, word);
    }
    word++;
  }
  gsize len = (gsize) (d - out);
  char *phrase = g_malloc (len + 1);
  memcpy (phrase, out, len);
  phrase[len] = '\0';
  return phrase;
}

static void
abbreviation_add (AbbreviationTable *t, char *key, char *expansion)
{
  gsize n = strlen (key);
  g_assert (n >= 3 && n < sizeof t->entry[0].key); /* a constant table */
  t->lengths[(guchar) key[0]] |= (guint8) (1u << n);
  t->last[(guchar) key[n - 1]] = TRUE;
  guint i = 0; /* a key given twice keeps its last expansion */
  while (i < t->n && strcmp (t->entry[i].key, key) != 0)
    i++;
  if (i == t->n)
    t->n++;
  else
    g_free (t->entry[i].expansion);
  Abbreviation *a = &t->entry[i];
  memcpy (a->key, key, n + 1);
  a->key_len = n;
  a->expansion = expansion;
  a->expansion_len = strlen (expansion);
  /* a word and its space become the expansion and its space */
  t->growth = MAX (t->growth, (a->expansion_len + 1 + n) / (n + 1));
}

/* Built once per mode: keys and expansions normalized like any answer. */
static const AbbreviationTable *
abbreviation_table (gboolean lenient)
{
  static AbbreviationTable tables[2];
  static gsize once[2];
  AbbreviationTable *t = &tables[lenient ? 1 : 0];
  if (g_once_init_enter (&once[lenient ? 1 : 0])) {
    t->growth = 1;
    for (gsize i = 0; i < G_N_ELEMENTS (abbreviations); i++) {
      g_autofree char *k = normalize_text (abbreviations[i][0], lenient);
      g_autofree char *v = normalize_text (abbreviations[i][1], lenient);
      g_autofree char *vp = phrase_plain (v, NULL, NULL);
      abbreviation_add (t, k, g_strstrip (g_strdup (vp)));
    }
    g_once_init_leave (&once[lenient ? 1 : 0], 1);
  }
  return t;
}

char *
normalize_phrase (const char *normalized, gboolean lenient)
{
  return phrase_plain (normalized ? normalized : "",
                       abbreviation_table (lenient), NULL);
}

char *
normalize_phrase_mapped (const char *normalized, gboolean lenient,
                         GArray *source)
{
  return phrase_plain (normalized ? normalized : "",
                       abbreviation_table (lenient), source);
}

char *
normalize_phrase_of (const char *text, gboolean lenient)
{
  g_autofree char *n = normalize_text (text, lenient);
  return normalize_phrase (n, lenient);
}

gboolean
normalize_phrase_find (const char *haystack_phrase, const char *needle_phrase,
                       gsize *at)
{
  if (haystack_phrase == NULL || needle_phrase == NULL
      || strlen (needle_phrase) < 3) /* " x " at least */
    return FALSE;
  const char *hit = strstr (haystack_phrase, needle_phrase);
  if (hit == NULL)
    return FALSE;
  if (at)
    *at = (gsize) (hit - haystack_phrase);
  return TRUE;
}
