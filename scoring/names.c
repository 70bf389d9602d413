/* Comparable forms of names and phrases (scoring/names.h). Rewrites are
 * whole-word rules over a phrase form's words, the tables normalized once
 * per form (strict, lenient) like any answer. */
#include "scoring/names.h"

#include "scoring/normalize.h"

#include <string.h>

/* The words of a phrase form as (offset, length) pairs. */
typedef struct {
  guint n;
  gsize *off, *len;
} Words;

static void
words_split (const char *s, Words *w)
{
  gsize cap = 8;
  w->n = 0;
  w->off = g_new (gsize, cap);
  w->len = g_new (gsize, cap);
  const char *p = s;
  for (;;) {
    while (*p == ' ')
      p++;
    if (*p == '\0')
      break;
    const char *e = strchr (p, ' ');
    if (e == NULL)
      e = p + strlen (p);
    if (w->n == cap) {
      cap *= 2;
      w->off = g_renew (gsize, w->off, cap);
      w->len = g_renew (gsize, w->len, cap);
    }
    w->off[w->n] = (gsize) (p - s);
    w->len[w->n] = (gsize) (e - p);
    w->n++;
    p = e;
  }
}

static void
words_clear (Words *w)
{
  g_free (w->off);
  g_free (w->len);
}

guint
names_word_count (const char *phrase)
{
  guint n = 0;
  for (const char *p = phrase; *p; p++)
    n += p[0] == ' ' && p[1] != '\0' && p[1] != ' ';
  return n;
}

typedef struct {
  char *from;  /* phrase form " a b " */
  char *to;    /* phrase form, or " " to drop the words */
  Words fw;    /* words of from */
} Rewrite;

typedef struct {
  Rewrite *r;
  guint n;
  guint32 by_byte[256]; /* bit r: rule r's first word starts with the byte */
} RewriteTable;

/* Order matters: longer wordings first ("thị xã" before "xã"). */
static const char *const agency_rules[][2] = {
  {"ca xã", "công an xã"},         {"ca phường", "công an xã"},
  {"ca tỉnh", "công an tỉnh"},     {"ca huyện", "công an huyện"},
  {"ca quận", "công an huyện"},    {"ca thành phố", "công an tỉnh"},
  {"ca tp", "công an tỉnh"},       {"thị xã", "huyện"},
  {"thị trấn", "xã"},              {"đặc khu", "xã"},
  {"phường", "xã"},                {"thành phố", "tỉnh"},
  {"tp", "tỉnh"},                  {"quận", "huyện"},
};

/* Per row: the wording, its canonical form, and its canonical form
 * without diacritics (NULL: no rule there). Folded, "ngay" is also every
 * "ngày", so there "ngay lập tức" says "tức thì", a word no date or
 * duration folds to. */
static const char *const synonym_rules[][3] = {
  {"hôm sau", "tiếp theo", "tiếp theo"},
  {"kế tiếp", "tiếp theo", "tiếp theo"},
  {"liền kề", "tiếp theo", "tiếp theo"},
  {"liền sau", "tiếp theo", "tiếp theo"},
  {"ngay lập tức", "ngay", "tức thì"},
  {"tức thì", "ngay", NULL},
};

static RewriteTable *
table_build (const char *const (*rows)[2], gsize n, gboolean lenient,
             gboolean drop_cap)
{
  RewriteTable *t = g_new0 (RewriteTable, 1);
  t->r = g_new0 (Rewrite, n + 1);
  for (gsize i = 0; i < n; i++) {
    t->r[i].from = normalize_phrase_of (rows[i][0], lenient);
    t->r[i].to = normalize_phrase_of (rows[i][1], lenient);
    words_split (t->r[i].from, &t->r[i].fw);
  }
  t->n = (guint) n;
  if (drop_cap) { /* the last rule: "cấp" goes */
    t->r[n].from = normalize_phrase_of ("cấp", lenient);
    t->r[n].to = g_strdup (" ");
    words_split (t->r[n].from, &t->r[n].fw);
    t->n++;
  }
  g_assert (t->n <= 32);
  for (guint r = 0; r < t->n; r++)
    t->by_byte[(guchar) t->r[r].from[t->r[r].fw.off[0]]] |= 1u << r;
  return t;
}

static const RewriteTable *
table (int which, gboolean lenient)
{
  static RewriteTable *t[3][2];
  static gsize once[3][2];
  int m = lenient ? 1 : 0;
  if (g_once_init_enter (&once[which][m])) {
    if (which == 2) {
      const char *rows[G_N_ELEMENTS (synonym_rules)][2];
      gsize n = 0;
      for (gsize i = 0; i < G_N_ELEMENTS (synonym_rules); i++)
        if (synonym_rules[i][lenient ? 2 : 1] != NULL) {
          rows[n][0] = synonym_rules[i][0];
          rows[n++][1] = synonym_rules[i][lenient ? 2 : 1];
        }
      t[which][m] = table_build ((const char *const (*)[2]) rows, n, lenient,
                                 FALSE);
    } else
      t[which][m] = table_build (agency_rules, G_N_ELEMENTS (agency_rules),
                                 lenient, which == 0);
    g_once_init_leave (&once[which][m], 1);
  }
  return t[which][m];
}

static guint
src_of (const GArray *src, guint i)
{
  return src && i < src->len ? g_array_index (src, guint, i) : i;
}

/* Whether rule r matches the words at p (a word start in a phrase form);
 * *end receives the end of its last word. */
static gboolean
rule_matches (const Rewrite *r, const char *p, const char **end)
{
  for (guint k = 0; k < r->fw.n; k++) {
    const char *e = strchr (p, ' ');
    gsize wn = e ? (gsize) (e - p) : strlen (p);
    gsize n = r->fw.len[k];
    if (wn != n || memcmp (p, r->from + r->fw.off[k], n) != 0)
      return FALSE;
    p += n;
    if (k + 1 < r->fw.n) {
      if (*p != ' ')
        return FALSE;
      p++;
    }
  }
  *end = p;
  return TRUE;
}

/* The first rule of t that matches at word p (wn bytes), or NULL; *end
 * gets the end of its last word. Only the rules whose first word starts
 * with p's first byte are tried: most words have none. */
static const Rewrite *
rule_at (const RewriteTable *t, const char *p, gsize wn, const char **end)
{
  for (guint32 m = t->by_byte[(guchar) *p]; m != 0; m &= m - 1) {
    const Rewrite *r = &t->r[__builtin_ctz (m)]; /* in the table's order */
    if (r->fw.len[0] == wn && rule_matches (r, p, end))
      return r;
  }
  return NULL;
}

/* TRUE when some rule applies somewhere in phrase: most parts need no
 * rewrite, and are then not copied. */
static gboolean
may_apply (const char *phrase, const RewriteTable *t)
{
  for (const char *p = phrase; *p;) {
    while (*p == ' ')
      p++;
    const char *e = p, *end;
    while (*e && *e != ' ')
      e++;
    if (e > p && rule_at (t, p, (gsize) (e - p), &end))
      return TRUE;
    p = e;
  }
  return FALSE;
}

/* One pass over the phrase form: at each word the first rule that
 * matches there is applied. The word map (src_in → src_out) follows. */
static char *
rewrite (const char *phrase, const RewriteTable *t, const GArray *src_in,
         GArray *src_out)
{
  if (!may_apply (phrase, t))
    return NULL;
  gsize len = strlen (phrase);
  char *out = g_malloc (3 * len + 16), *d = out; /* no rule triples */
  guint word = 0;
  const char *p = phrase;
  *d++ = ' ';
  while (*p == ' ')
    p++;
  while (*p) {
    const char *e = strchr (p, ' ');
    gsize wn = e ? (gsize) (e - p) : strlen (p);
    const char *end = NULL;
    const Rewrite *hit = rule_at (t, p, wn, &end);
    guint src = src_of (src_in, word);
    if (hit == NULL) {
      memcpy (d, p, wn);
      d += wn;
      *d++ = ' ';
      if (src_out)
        g_array_append_val (src_out, src);
      word++;
      p += wn;
    } else {
      gsize tn = strlen (hit->to + 1); /* " c d " → "c d " */
      memcpy (d, hit->to + 1, tn);
      d += tn;
      for (guint k = names_word_count (hit->to); src_out && k > 0; k--)
        g_array_append_val (src_out, src);
      word += hit->fw.n;
      p = end;
    }
    while (*p == ' ')
      p++;
  }
  *d = '\0';
  return out;
}

char *
names_agency_form (const char *phrase, gboolean lenient, gboolean keep_cap,
                   const GArray *src_in, GArray *src_out)
{
  return rewrite (phrase, table (keep_cap ? 1 : 0, lenient), src_in, src_out);
}

char *
names_canonical (const char *phrase, gboolean lenient, const GArray *src_in,
                 GArray *src_out)
{
  return rewrite (phrase, table (2, lenient), src_in, src_out);
}

char *
names_agency_form_copy (const char *phrase, gboolean lenient,
                        gboolean keep_cap)
{
  char *r = names_agency_form (phrase, lenient, keep_cap, NULL, NULL);
  return r ? r : g_strdup (phrase);
}

char *
names_canonical_copy (const char *phrase, gboolean lenient)
{
  char *r = names_canonical (phrase, lenient, NULL, NULL);
  return r ? r : g_strdup (phrase);
}

/* ---- finding, with small gaps ------------------------------------------- */

static gboolean
is_negation_word (const char *w, gsize n, gboolean lenient)
{
  static const char *const strict[] = {"không", "chưa", "chẳng", "chớ"};
  static const char *const plain[] = {"khong", "chua", "chang", "cho"};
  const char *const *set = lenient ? plain : strict;
  for (gsize i = 0; i < 4; i++)
    if (strlen (set[i]) == n && memcmp (set[i], w, n) == 0)
      return TRUE;
  return FALSE;
}

void
names_word_set (const char *phrase, gboolean needle, NamesWordSet *out)
{
  memset (out, 0, sizeof *out);
  gsize len = strlen (phrase);
  if (needle && (len < 2 || phrase[0] != ' ' || phrase[len - 1] != ' '))
    return;
  for (const char *p = phrase; *p;) {
    while (*p == ' ')
      p++;
    guint64 h = 1469598103934665603u; /* FNV-1a */
    const char *e = p;
    for (; *e && *e != ' '; e++)
      h = (h ^ (guchar) *e) * 1099511628211u;
    if (e > p) {
      guint a = (guint) (h >> 56), b = (guint) (h >> 48) & 0xff;
      out->bits[a >> 6] |= G_GUINT64_CONSTANT (1) << (a & 63);
      out->bits[b >> 6] |= G_GUINT64_CONSTANT (1) << (b & 63);
    }
    p = e;
  }
}

/* Words of hay (a phrase form) that start before byte at. */
static guint
words_before (const char *hay, gsize at)
{
  guint n = 0;
  for (gsize i = 1; i < at; i++)
    n += hay[i] != ' ' && hay[i - 1] == ' ';
  return n;
}

/* Needle words in order from hay word h on, with at most one extra word
 * between two of them, two in all, none a negation. *span gets the words
 * of hay covered. */
static gboolean
gap_match_at (const char *hay, const Words *hw, guint h, const char *needle,
              const Words *nw, gboolean lenient, guint *span)
{
  guint k = 0, gaps = 0, i = h;
  gboolean gapped = FALSE;
  while (k < nw->n) {
    if (i >= hw->n)
      return FALSE;
    if (hw->len[i] == nw->len[k]
        && memcmp (hay + hw->off[i], needle + nw->off[k], nw->len[k]) == 0) {
      k++;
      gapped = FALSE;
    } else if (k == 0 || gapped || gaps == 2
               || is_negation_word (hay + hw->off[i], hw->len[i], lenient)) {
      return FALSE;
    } else {
      gaps++;
      gapped = TRUE;
    }
    i++;
  }
  *span = i - h;
  return TRUE;
}

/* Needle words [0, a) then [a + d, n) back to back in hay from word h. */
static gboolean
elided_at (const char *hay, const Words *hw, guint h, const char *needle,
           const Words *nw, guint a, guint d)
{
  for (guint k = 0, i = h; k < nw->n; k++, i++) {
    if (k == a)
      k += d;
    if (i >= hw->n || hw->len[i] != nw->len[k]
        || memcmp (hay + hw->off[i], needle + nw->off[k], nw->len[k]) != 0)
      return FALSE;
  }
  return TRUE;
}

/* May needle words [a, a + d) be left out: none a negation or a figure. */
static gboolean
may_elide (const char *needle, const Words *nw, guint a, guint d,
           gboolean lenient)
{
  for (guint k = a; k < a + d; k++) {
    const char *w = needle + nw->off[k];
    if (is_negation_word (w, nw->len[k], lenient))
      return FALSE;
    for (gsize c = 0; c < nw->len[k]; c++)
      if (g_ascii_isdigit (w[c]))
        return FALSE;
  }
  return TRUE;
}

gboolean
names_find_elided (const char *hay, const char *needle, gboolean lenient,
                   guint *word, guint *words)
{
  if (hay == NULL || needle == NULL || names_word_count (needle) < 4)
    return FALSE;
  Words hw, nw;
  words_split (hay, &hw);
  words_split (needle, &nw);
  gboolean found = FALSE;
  for (guint d = 1; d <= nw.n / 3 && !found; d++)
    for (guint a = 1; a + d < nw.n && !found; a++) {
      if (!may_elide (needle, &nw, a, d, lenient))
        continue;
      for (guint h = 0; h + nw.n - d <= hw.n && !found; h++)
        if (elided_at (hay, &hw, h, needle, &nw, a, d)) {
          found = TRUE;
          if (word)
            *word = h;
          if (words)
            *words = nw.n - d;
        }
    }
  words_clear (&hw);
  words_clear (&nw);
  return found;
}

gboolean
names_find (const char *hay, const char *needle, gboolean lenient,
            guint *word, guint *words)
{
  if (hay == NULL || needle == NULL || strlen (needle) < 3)
    return FALSE;
  const char *hit = strstr (hay, needle);
  if (hit != NULL) {
    if (word)
      *word = words_before (hay, (gsize) (hit - hay));
    if (words)
      *words = names_word_count (needle);
    return TRUE;
  }
  if (names_word_count (needle) < 3)
    return FALSE;
  /* the gap search only where the needle's first word occurs */
  const char *sp = strchr (needle + 1, ' ');
  g_autofree char *first = g_strndup (needle, (gsize) (sp - needle) + 1);
  if (strstr (hay, first) == NULL)
    return FALSE;
  Words hw, nw;
  words_split (hay, &hw);
  words_split (needle, &nw);
  gboolean found = FALSE;
  for (guint h = 0; h < hw.n && !found; h++) {
    guint span;
    if (gap_match_at (hay, &hw, h, needle, &nw, lenient, &span)) {
      found = TRUE;
      if (word)
        *word = h;
      if (words)
        *words = span;
    }
  }
  words_clear (&hw);
  words_clear (&nw);
  return found;
}
