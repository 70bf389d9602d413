/* Dates in answers (scoring/dates.h). Numeric forms are read from the
 * bytes; spoken forms ("ngày … tháng … năm …") from the words, each group
 * of number words read by numbers_parse, so "hai nghìn không trăm hai mươi
 * sáu" is the same year as 2026. */
#include "scoring/dates.h"

#include "scoring/cues.h"
#include "scoring/normalize.h"
#include "scoring/numbers.h"

#include <string.h>

/* The range is checked before the casts: GDateDay is 8 bits, so day
 * 202515 would pass as 19 ("Ngày 15 tháng 7 năm 202515 tháng 7 …", found
 * by tests/fuzz/fuzz-dates). */
static gboolean
valid_date (guint y, guint m, guint d)
{
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

gboolean
dates_parse_iso (const char *text, guint *year, guint *month, guint *day)
{
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  guint v[3] = {0, 0, 0};
  const int at[3][2] = {{0, 4}, {5, 2}, {8, 2}};
  for (int f = 0; f < 3; f++)
    for (int i = 0; i < at[f][1]; i++) {
      char c = text[at[f][0] + i];
      if (!g_ascii_isdigit (c))
        return FALSE;
      v[f] = v[f] * 10 + (guint) (c - '0');
    }
  if (!valid_date (v[0], v[1], v[2]))
    return FALSE;
  *year = v[0], *month = v[1], *day = v[2];
  return TRUE;
}

/* ---- numeric forms ---------------------------------------------------- */

static gsize
read_int (const char *s, guint *v, guint max_digits)
{
  gsize n = 0;
  *v = 0;
  while (g_ascii_isdigit (s[n]) && n < max_digits + 1)
    *v = *v * 10 + (guint) (s[n++] - '0');
  return n > max_digits ? 0 : n;
}

/* d/m/yyyy, d-m-yyyy, d.m.yyyy or yyyy-mm-dd at s; returns its length. */
static gsize
numeric_date (const char *s, guint *y, guint *m, guint *d)
{
  guint a, b, c;
  gsize n1 = read_int (s, &a, 4);
  if (n1 == 0)
    return 0;
  char sep = s[n1];
  if (sep != '/' && sep != '-' && sep != '.')
    return 0;
  gsize n2 = read_int (s + n1 + 1, &b, 2);
  if (n2 == 0 || s[n1 + 1 + n2] != sep)
    return 0;
  gsize n3 = read_int (s + n1 + n2 + 2, &c, 4);
  gsize len = n1 + n2 + 2 + n3;
  if (n3 == 0 || g_ascii_isalnum (s[len]))
    return 0;
  if (n1 == 4 && n3 <= 2 && valid_date (a, b, c)) {
    *y = a, *m = b, *d = c;
    return len;
  }
  if (n1 <= 2 && n3 == 4 && valid_date (c, b, a)) {
    *y = c, *m = b, *d = a;
    return len;
  }
  return 0;
}

/* ---- spoken forms -------------------------------------------------------- */

typedef struct {
  const char *norm;
  const GArray *words;
  gboolean lenient;
} Text;

/* The spoken forms' key words, normalized once per form. */
enum { K_NGAY, K_MUNG, K_MONG, K_THANG, K_NAM, K_GIENG, K_CHAP, K_N };
static const char *const keywords[K_N] = {"ngày", "mùng", "mồng", "tháng",
                                          "năm", "giêng", "chạp"};

static const char *const *
keyword_forms (gboolean lenient)
{
  static char *forms[2][K_N];
  static gsize once[2];
  int m = lenient ? 1 : 0;
  if (g_once_init_enter (&once[m])) {
    for (int k = 0; k < K_N; k++)
      forms[m][k] = normalize_text (keywords[k], lenient);
    g_once_init_leave (&once[m], 1);
  }
  return (const char *const *) forms[m];
}

static gboolean
word_eq (const Text *t, guint i, const char *form)
{
  if (i >= t->words->len)
    return FALSE;
  const CueWord *w = &g_array_index (t->words, CueWord, i);
  return strlen (form) == w->end - w->start
         && memcmp (form, t->norm + w->start, w->end - w->start) == 0;
}

static gboolean
word_is (const Text *t, guint i, int keyword)
{
  return word_eq (t, i, keyword_forms (t->lenient)[keyword]);
}

/* The longest run of words from i (at most 10) that is one whole number
 * a guint holds (callers cast it); its value in *v and the index after
 * it, or i. The range is checked before the cast: casting 2.2e11 to a
 * guint is undefined (found by tests/fuzz/fuzz-dates). */
static guint
number_words (const Text *t, guint i, double *v)
{
  guint best = i;
  for (guint end = i + 1; end <= t->words->len && end <= i + 10; end++) {
    const CueWord *a = &g_array_index (t->words, CueWord, i);
    const CueWord *b = &g_array_index (t->words, CueWord, end - 1);
    g_autofree char *s = g_strndup (t->norm + a->start, b->end - a->start);
    double x;
    if (numbers_parse (s, &x) && x >= 0 && x <= G_MAXUINT
        && x == (guint) x) {
      *v = x;
      best = end;
    }
  }
  return best;
}

static const char *const months_en[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

static guint
month_name (const Text *t, guint i)
{
  if (i >= t->words->len)
    return 0;
  const CueWord *w = &g_array_index (t->words, CueWord, i);
  for (guint m = 0; m < 12; m++)
    if (strlen (months_en[m]) == w->end - w->start
        && memcmp (months_en[m], t->norm + w->start, w->end - w->start) == 0)
      return m + 1;
  if (word_is (t, i, K_GIENG))
    return 1;
  if (word_is (t, i, K_CHAP))
    return 12;
  return 0;
}

/* "ngày 1 tháng 7 năm 2026", "mùng một tháng bảy năm …", "1 tháng 7 năm
 * 2026" starting at word i; returns the word after it, or i. */
static guint
spoken_vi (const Text *t, guint i, guint *y, guint *m, guint *d)
{
  guint j = i;
  if (word_is (t, j, K_NGAY) || word_is (t, j, K_MUNG)
      || word_is (t, j, K_MONG))
    j++;
  if (word_is (t, j, K_MUNG) || word_is (t, j, K_MONG))
    j++;
  double dv = 0, mv = 0, yv = 0;
  guint k = number_words (t, j, &dv);
  if (k == j || !word_is (t, k, K_THANG))
    return i;
  guint mm = month_name (t, k + 1);
  guint l = mm ? k + 2 : number_words (t, k + 1, &mv);
  if (mm)
    mv = mm;
  if (l == k + 1)
    return i;
  guint n = l;
  if (word_is (t, n, K_NAM))
    n++;
  guint e = number_words (t, n, &yv);
  if (e == n || !valid_date ((guint) yv, (guint) mv, (guint) dv))
    return i;
  *y = (guint) yv, *m = (guint) mv, *d = (guint) dv;
  return e;
}

/* "first", "1st", "twenty first": a day of the month; the index after
 * it, or i. */
static guint
ordinal_day (const Text *t, guint i, double *day)
{
  static const char *const ord[] = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
    "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
    "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth",
  };
  guint j = i, base = 0;
  if (word_eq (t, j, "the"))
    j++;
  if (word_eq (t, j, "twenty"))
    base = 20, j++;
  else if (word_eq (t, j, "thirty"))
    base = 30, j++;
  for (guint k = 0; k < G_N_ELEMENTS (ord); k++)
    if (word_eq (t, j, ord[k])) {
      *day = base + k + 1;
      return word_eq (t, j + 1, "of") ? j + 2 : j + 1;
    }
  if (j < t->words->len) { /* 1st, 2nd, 23rd */
    const CueWord *w = &g_array_index (t->words, CueWord, j);
    gsize n = w->end - w->start, k = 0;
    guint v = 0;
    while (k < n && g_ascii_isdigit (t->norm[w->start + k]))
      v = v * 10 + (guint) (t->norm[w->start + k++] - '0');
    if (k > 0 && k < n && v >= 1 && v <= 31 && n - k == 2) {
      *day = v;
      return word_eq (t, j + 1, "of") ? j + 2 : j + 1;
    }
  }
  return i;
}

/* "july 1 2026", "1 july 2026", "the first of March 2025" (commas and
 * "st/nd/th" read past). */
static guint
spoken_en (const Text *t, guint i, guint *y, guint *m, guint *d)
{
  double a = 0, b = 0;
  guint od = ordinal_day (t, i, &a);
  guint om = od > i ? month_name (t, od) : 0;
  if (om) {
    guint e = number_words (t, od + 1, &b);
    if (e == od + 1 || !valid_date ((guint) b, om, (guint) a))
      return i;
    *y = (guint) b, *m = om, *d = (guint) a;
    return e;
  }
  guint mm = month_name (t, i);
  if (mm) {
    guint k = number_words (t, i + 1, &a);
    if (k == i + 1)
      return i;
    if (word_eq (t, k, "st") || word_eq (t, k, "nd") || word_eq (t, k, "rd")
        || word_eq (t, k, "th"))
      k++;
    guint e = number_words (t, k, &b);
    if (e == k || !valid_date ((guint) b, mm, (guint) a))
      return i;
    *y = (guint) b, *m = mm, *d = (guint) a;
    return e;
  }
  guint k = number_words (t, i, &a);
  if (k == i || !(mm = month_name (t, k)))
    return i;
  guint e = number_words (t, k + 1, &b);
  if (e == k + 1 || !valid_date ((guint) b, mm, (guint) a))
    return i;
  *y = (guint) b, *m = mm, *d = (guint) a;
  return e;
}

/* Spoken dates start at ngày/mùng/mồng or a number with "tháng" a few
 * words on: the dear reading is tried only there. */
static gboolean
may_start_spoken_vi (const Text *t, guint i)
{
  if (word_is (t, i, K_NGAY) || word_is (t, i, K_MUNG)
      || word_is (t, i, K_MONG))
    return TRUE;
  for (guint k = i + 1; k < t->words->len && k <= i + 5; k++)
    if (word_is (t, k, K_THANG))
      return TRUE;
  return FALSE;
}

static void
add (GArray *out, guint y, guint m, guint d, gsize start, gsize end)
{
  DatesMention dm = {y, m, d, start, end};
  g_array_append_val (out, dm);
}

GArray *
dates_scan (const char *normalized, gboolean lenient)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (DatesMention));
  if (normalized == NULL)
    return out;
  g_autoptr (GArray) words = cues_words (normalized);
  Text t = {normalized, words, lenient};
  for (guint i = 0; i < words->len;) {
    const CueWord *w = &g_array_index (words, CueWord, i);
    guint y = 0, m = 0, d = 0;
    gsize len = g_ascii_isdigit (normalized[w->start])
                    ? numeric_date (normalized + w->start, &y, &m, &d)
                    : 0;
    if (len > 0) {
      add (out, y, m, d, w->start, w->start + len);
      while (i < words->len
             && g_array_index (words, CueWord, i).start < w->start + len)
        i++;
      continue;
    }
    guint e = i;
    if (may_start_spoken_vi (&t, i))
      e = spoken_vi (&t, i, &y, &m, &d);
    if (e == i && (month_name (&t, i) || month_name (&t, i + 1)
                   || month_name (&t, i + 2) || month_name (&t, i + 3)))
      e = spoken_en (&t, i, &y, &m, &d);
    if (e > i) {
      add (out, y, m, d, w->start, g_array_index (words, CueWord, e - 1).end);
      i = e;
      continue;
    }
    i++;
  }
  return out;
}
