/* Citation scanning with three patterns from DOMAIN.md §6, tried in order
 * of specificity at each position: NUM/YEAR/TYPE-ISSUER (also laws and
 * UBTVQH resolutions), NUM/TYPE-ISSUER (no year), NUM-TYPE/TW (Party),
 * and a bare NUM/YEAR last. Canonical form: upper case, Đ → D, no spaces,
 * one kind of dash, leading zeros dropped from the number. */
#include "scoring/citation.h"

#include "scoring/normalize.h"

#include "scoring/vi_char.h"

#include <string.h>

#define LETTERS "a-zA-ZđĐ"
#define BEFORE "(?<![0-9/.,])"

static const char *const patterns[] = {
  /* 01/2021/NĐ-CP, 24/2023/QH15, 03/2016/TTLT-BTP-BCA; a type ending in
   * the legislature's number (QH14, UBTVQH15) takes no issuer after it:
   * "24/2018/QH14 – quy định này" is the law, then prose */
  BEFORE "([0-9]{1,5})\\s*/\\s*((?:19|20)[0-9]{2})\\s*/\\s*"
         "([" LETTERS "]{1,8}[0-9]{1,2}(?![" LETTERS "0-9])|[" LETTERS
         "]{1,8}(?:\\s*[-–]\\s*[" LETTERS "&]{1,12}[0-9]{0,2})*)",
  /* 1291/QĐ-BTTTT, 656/TTg-KSTT */
  BEFORE "([0-9]{1,5})\\s*/\\s*([" LETTERS "]{1,8}\\s*[-–]\\s*[" LETTERS
         "&]{2,12}(?:\\s*[-–]\\s*[" LETTERS "&]{1,12})*)",
  /* 57-NQ/TW */
  BEFORE "([0-9]{1,4})\\s*[-–]\\s*([" LETTERS "]{2,4})\\s*/\\s*(tw|TW)",
  /* Thông tư 75/2022 (no type given) */
  BEFORE "([0-9]{1,5})\\s*/\\s*((?:19|20)[0-9]{2})(?![0-9/])",
};

static GRegex *
pattern_regex (void)
{
  static GRegex *re;
  static gsize once;
  if (g_once_init_enter (&once)) {
    /* Each alternative keeps its own groups: 1–3, 4–5, 6–8, 9–10. */
    GString *s = g_string_new (NULL);
    for (gsize i = 0; i < G_N_ELEMENTS (patterns); i++)
      g_string_append_printf (s, "%s(?:%s)", i ? "|" : "", patterns[i]);
    g_autofree char *all = g_string_free (s, FALSE);
    re = g_regex_new (all, G_REGEX_OPTIMIZE | G_REGEX_CASELESS, 0, NULL);
    g_assert (re != NULL); /* the patterns are constants */
    g_once_init_leave (&once, 1);
  }
  return re;
}

/* Upper case, Đ → D, dashes unified, spaces dropped. */
static void
append_code (GString *out, const char *code)
{
  g_autofree char *up = g_utf8_strup (code, -1);
  for (const char *p = up; *p != '\0'; p = g_utf8_next_char (p)) {
    gunichar c = vi_char_at (p);
    if (g_unichar_isspace (c))
      continue;
    if (c == 0x110 || c == 0x111 || c == 0xD0)
      c = 'D';
    if (c == 0x2013 || c == 0x2014 || c == 0x2010)
      c = '-';
    g_string_append_unichar (out, c);
  }
}

static void
append_number (GString *out, const char *digits)
{
  while (digits[0] == '0' && digits[1] != '\0')
    digits++;
  g_string_append (out, digits);
}

static char *
group (const GMatchInfo *mi, int n)
{
  char *s = g_match_info_fetch (mi, n);
  if (s != NULL && s[0] == '\0') {
    g_free (s);
    return NULL;
  }
  return s;
}

static CitationMention *build_mention (char **g);

static CitationMention *
mention_from_match (const GMatchInfo *mi)
{
  char *g[11] = {NULL};
  for (int i = 1; i <= 10; i++)
    g[i] = group (mi, i);
  CitationMention *m = build_mention (g);
  for (int i = 1; i <= 10; i++)
    g_free (g[i]);
  int s, e;
  g_match_info_fetch_pos (mi, 0, &s, &e);
  m->start = (gsize) s;
  m->end = (gsize) e;
  return m;
}

/* g: the match groups 1–10 (NULL when empty). */
static CitationMention *
build_mention (char **g)
{
  GString *canon = g_string_new (NULL);
  char *number_year = NULL;
  if (g[1] || g[9]) {
    int base = g[1] ? 1 : 9;
    append_number (canon, g[base]);
    g_string_append_printf (canon, "/%s", g[base + 1]);
    number_year = g_strdup (canon->str);
    if (base == 1) {
      g_string_append_c (canon, '/');
      append_code (canon, g[3]);
    }
  } else if (g[4]) {
    append_number (canon, g[4]);
    g_string_append_c (canon, '/');
    append_code (canon, g[5]);
  } else {
    append_number (canon, g[6]);
    g_string_append_c (canon, '-');
    append_code (canon, g[7]);
    g_string_append (canon, "/TW");
  }
  CitationMention *m = g_new0 (CitationMention, 1);
  m->canonical = g_string_free (canon, FALSE);
  m->number_year = number_year;
  return m;
}

void
citation_mention_free (CitationMention *m)
{
  if (m == NULL)
    return;
  g_free (m->canonical);
  g_free (m->number_year);
  g_free (m);
}

GPtrArray *
citation_scan (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (
      (GDestroyNotify) citation_mention_free);
  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return out;
  g_autoptr (GMatchInfo) mi = NULL;
  g_regex_match (pattern_regex (), text, 0, &mi);
  while (g_match_info_matches (mi)) {
    g_ptr_array_add (out, mention_from_match (mi));
    if (!g_match_info_next (mi, NULL))
      break;
  }
  return out;
}

char *
citation_canonical (const char *text)
{
  g_autoptr (GPtrArray) all = citation_scan (text);
  if (all->len == 0)
    return NULL;
  CitationMention *m = g_ptr_array_index (all, 0);
  return g_strdup (m->canonical);
}

gboolean
citation_matches (const CitationMention *mention, const char *key)
{
  if (mention == NULL || key == NULL)
    return FALSE;
  if (strcmp (mention->canonical, key) == 0)
    return TRUE;
  /* a bare NUM/YEAR matches a key with that number and year */
  gsize n = strlen (mention->canonical);
  return mention->number_year != NULL
         && strcmp (mention->canonical, mention->number_year) == 0
         && strncmp (key, mention->canonical, n) == 0 && key[n] == '/';
}
