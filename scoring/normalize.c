/* Normalization of answers and keys (scoring/README.md "Normalization").
 *
 * Order matters: markup goes first (it is ASCII and hides digits in URLs and
 * pipes around table cells), then NFC so that NFD input from macOS/iOS
 * compares equal, then one character pass that folds case, look-alikes,
 * dashes, quotes and spaces, then tone placement and i/y on whole syllables.
 * The common case — already NFC text — skips g_utf8_normalize entirely,
 * because scoring has to keep up with the firing rate. */
#include "scoring/normalize.h"

#include "scoring/vi_char.h"
#include "scoring/vi_syllable.h"

#include <string.h>

/* ---- markup --------------------------------------------------------- */

static const struct {
  const char *name;
  gunichar ch;
} html_entities[] = {
  {"nbsp", ' '}, {"amp", '&'},  {"lt", '<'},     {"gt", '>'},
  {"quot", '"'}, {"apos", '\''}, {"ndash", 0x2013}, {"mdash", 0x2014},
};

/* The stripping functions write through *out into a buffer the caller
 * sized with strip_bound: appending to a GString was a call per run of
 * text, and runs are short (every h or w may start a URL). */

/* Markup output never exceeds three bytes per input byte (a pipe becomes
 * " ; ") plus the newline closing the last line and the NUL. */
static gsize
strip_bound (gsize len)
{
  return 3 * len + 2;
}

static void
put_byte (char **out, char c)
{
  *(*out)++ = c;
}

/* Decodes the entity at p ('&'); returns bytes consumed or 0. */
static gsize
decode_entity (const char *p, gsize left, char **out)
{
  const char *semi = memchr (p, ';', MIN (left, 12));
  if (semi == NULL)
    return 0;
  gsize len = (gsize) (semi - p) - 1;
  const char *name = p + 1;
  if (len >= 2 && name[0] == '#') {
    gboolean hex = (name[1] == 'x' || name[1] == 'X');
    char digits[12]; /* at most 9 bytes lie between "&#" and ';' */
    gsize n = len - 1 - hex;
    memcpy (digits, name + 1 + hex, n);
    digits[n] = '\0';
    guint64 v = 0;
    if (!g_ascii_string_to_unsigned (digits, hex ? 16 : 10, 1, 0x10FFFF, &v,
                                     NULL))
      return 0;
    *out += g_unichar_to_utf8 ((gunichar) v, *out);
    return len + 2;
  }
  for (gsize i = 0; i < G_N_ELEMENTS (html_entities); i++)
    if (strlen (html_entities[i].name) == len
        && strncmp (name, html_entities[i].name, len) == 0) {
      *out += g_unichar_to_utf8 (html_entities[i].ch, *out);
      return len + 2;
    }
  return 0;
}

/* A Markdown table rule such as |---|:---:| carries nothing. */
static gboolean
is_table_rule (const char *line, gsize len)
{
  gboolean dash = FALSE;
  for (gsize i = 0; i < len; i++) {
    if (line[i] == '-')
      dash = TRUE;
    else if (!strchr ("|: \t\r", line[i]))
      return FALSE;
  }
  return dash;
}

/* Skips block markers at the start of a line: quotes, headings, bullets and
 * numbered-list markers (whose number would otherwise look like a count). */
static gsize
skip_line_markers (const char *line, gsize len)
{
  gsize i = 0;
  for (;;) {
    while (i < len && (line[i] == ' ' || line[i] == '\t'))
      i++;
    if (i < len && (line[i] == '>' || line[i] == '#')) {
      while (i < len && (line[i] == '>' || line[i] == '#'))
        i++;
      continue;
    }
    if (i + 1 < len && strchr ("-*+", line[i]) && line[i + 1] == ' ') {
      i += 2;
      continue;
    }
    gsize d = i;
    while (d < len && g_ascii_isdigit (line[d]))
      d++;
    if (d > i && d - i <= 3 && d + 1 < len && (line[d] == '.' || line[d] == ')')
        && line[d + 1] == ' ') {
      i = d + 2;
      continue;
    }
    return i;
  }
}

static gboolean
starts_url (const char *p, gsize left)
{
  /* the second letter first: an h or w starts a word far more often than
   * a URL */
  char second = left > 1 ? g_ascii_tolower (p[1]) : '\0';
  if (!(((*p == 'h' || *p == 'H') && second == 't')
        || ((*p == 'w' || *p == 'W') && second == 'w')))
    return FALSE;
  return (left >= 7 && g_ascii_strncasecmp (p, "http://", 7) == 0)
         || (left >= 8 && g_ascii_strncasecmp (p, "https://", 8) == 0)
         || (left >= 4 && g_ascii_strncasecmp (p, "www.", 4) == 0);
}

/* Returns bytes consumed by markup at line[i], writing its replacement. */
static gsize
strip_inline (const char *line, gsize i, gsize len, char **out)
{
  char c = line[i];
  if (c == '<' && i + 1 < len
      && (g_ascii_isalpha (line[i + 1]) || line[i + 1] == '/'
          || line[i + 1] == '!')) {
    const char *gt = memchr (line + i, '>', MIN (len - i, 512));
    if (gt != NULL) {
      put_byte (out, ' ');
      return (gsize) (gt - (line + i)) + 1;
    }
  }
  if (c == '&')
    return decode_entity (line + i, len - i, out);
  if (c == '*' || c == '`' || (c == '~' && i + 1 < len && line[i + 1] == '~'))
    return c == '~' ? 2 : 1;
  if (c == '_') { /* emphasis, or a snake_case key's separator
                     ("phí_trực_tuyến"): a space either way */
    put_byte (out, ' ');
    return 1;
  }
  if (c == '|') {
    memcpy (*out, " ; ", 3);
    *out += 3;
    return 1;
  }
  /* a template's unfilled placeholder ("{{so_ngay}} 03 ngày", "Đáp án:
   * {{dap_an}} A"): no words of the answer */
  if (c == '{' && i + 1 < len && line[i + 1] == '{') {
    const char *close = g_strstr_len (line + i + 2, MIN (len - i - 2, 64), "}}");
    if (close != NULL) {
      put_byte (out, ' ');
      return (gsize) (close - (line + i)) + 2;
    }
  }
  if (c == '[')
    return 1;
  if (c == ']' && i + 1 < len && line[i + 1] == '(') {
    const char *close = memchr (line + i, ')', len - i);
    return close ? (gsize) (close - (line + i)) + 1 : 1;
  }
  if (starts_url (line + i, len - i)) {
    gsize j = i;
    while (j < len && !g_ascii_isspace (line[j]))
      j++;
    put_byte (out, ' ');
    return j - i;
  }
  return 0;
}

/* The bytes strip_inline can act on (tags, entities, emphasis, table
 * pipes, links, URLs starting http or www, template placeholders); every
 * other byte is copied. */
static const gboolean may_start_markup[256] = {
  ['<'] = TRUE, ['&'] = TRUE, ['*'] = TRUE, ['`'] = TRUE, ['~'] = TRUE,
  ['_'] = TRUE, ['|'] = TRUE, ['['] = TRUE, [']'] = TRUE, ['h'] = TRUE,
  ['H'] = TRUE, ['w'] = TRUE, ['W'] = TRUE, ['{'] = TRUE,
};

static void
strip_line (const char *line, gsize len, char **out)
{
  if (is_table_rule (line, len))
    return;
  gsize i = skip_line_markers (line, len);
  while (i < len) {
    /* a byte at a time: runs between an h or a w are short */
    char *d = *out;
    while (i < len && !may_start_markup[(guchar) line[i]])
      *d++ = line[i++];
    *out = d;
    if (i == len)
      break;
    gsize used = strip_inline (line, i, len, out);
    if (used == 0)
      put_byte (out, line[i++]);
    else
      i += used;
  }
}

/* Writes the stripped text and a NUL to out (strip_bound (strlen (text))
 * bytes); returns its length. */
static gsize
strip_markup_into (const char *text, char *out)
{
  char *d = out;
  const char *p = text;
  while (*p != '\0') {
    const char *nl = strchr (p, '\n');
    gsize len = nl ? (gsize) (nl - p) : strlen (p);
    strip_line (p, len, &d);
    put_byte (&d, '\n');
    p += len + (nl ? 1 : 0);
  }
  *d = '\0';
  return (gsize) (d - out);
}

char *
normalize_strip_markup (const char *text)
{
  if (text == NULL)
    return g_strdup ("");
  char *out = g_malloc (strip_bound (strlen (text)));
  strip_markup_into (text, out);
  return out;
}

/* ---- character folding ---------------------------------------------- */

/* TRUE when text may not be NFC already. Vietnamese in precomposed form
 * lives below U+0300 and in Latin Extended Additional; anything else that
 * could decompose or combine takes the slow path. */
static gboolean
maybe_not_nfc (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0';) {
    if (*p < 0x80) {
      p++;
      continue;
    }
    gunichar c = vi_char_at ((const char *) p);
    if ((c >= 0x300 && c < 0x1E00) || c > 0x20CF
        || (c > 0x1EFF && c < 0x2000))
      return TRUE;
    p = (const guchar *) g_utf8_next_char (p);
  }
  return FALSE;
}

/* Maps one lower-cased character to its folded form; 0 drops it, ' ' is a
 * space (runs collapse later). */
static gunichar
fold_char_slow (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace ((char) c) ? ' ' : g_ascii_tolower ((char) c);
  if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F)
    return ' ';
  c = g_unichar_tolower (c);
  switch (c) {
  case 0x00F0: /* ð: lower case of Ð U+00D0, typed for Đ */
  case 0x0256: /* ɖ: lower case of Ɖ U+0189 */
    return 0x0111;
  case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD:
    return 0;
  case 0x2018: case 0x2019: case 0x201A: case 0x2032:
    return '\'';
  case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
    return '"';
  default:
    break;
  }
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
    return '-';
  return c;
}

/* fold_char_slow for the blocks that hold the Vietnamese letters, built
 * once: every character of every answer is folded, and
 * g_unichar_isspace + g_unichar_tolower were two calls into GLib's tables
 * for each. The top bit tells whether the folded character is a letter,
 * which the one pass asks next (GLib's ASCII table is read through a
 * pointer that every byte written might alias). */
#define CASE_LOW_END 0x250
#define CASE_EXT_START 0x1E00
#define CASE_EXT_END 0x1F00
#define CASE_ALPHA 0x80000000u
static guint32 case_low[CASE_LOW_END];
static guint32 case_ext[CASE_EXT_END - CASE_EXT_START];

static guint32
case_entry (gunichar c)
{
  gunichar f = fold_char_slow (c);
  return f | (vi_char_isalpha (f) ? CASE_ALPHA : 0);
}

static void
case_tables_init (void)
{
  static gsize once;
  if (g_once_init_enter (&once)) {
    for (gunichar c = 0; c < CASE_LOW_END; c++)
      case_low[c] = case_entry (c);
    for (gunichar c = CASE_EXT_START; c < CASE_EXT_END; c++)
      case_ext[c - CASE_EXT_START] = case_entry (c);
    g_once_init_leave (&once, 1);
  }
}

/* The folded form of c and, in CASE_ALPHA, whether it is a letter. */
static guint32
fold_char_entry (gunichar c)
{
  if (c < CASE_LOW_END)
    return case_low[c];
  if (c >= CASE_EXT_START && c < CASE_EXT_END)
    return case_ext[c - CASE_EXT_START];
  return case_entry (c);
}

static gunichar
fold_char (gunichar c)
{
  return fold_char_entry (c) & ~CASE_ALPHA;
}

static char *
fold_chars (const char *text)
{
  case_tables_init ();
  /* A folded character takes at most 1.5 times its bytes (Ⱥ → ⱥ): twice
   * the text always fits, so characters are written without checks, and
   * one that folds to itself is copied as it is, not re-encoded. */
  char *out = g_malloc (2 * strlen (text) + 1), *d = out;
  gboolean space = TRUE; /* drops leading space */
  for (const char *p = text; *p != '\0';) {
    guchar b = (guchar) *p;
    /* Most of an answer is ASCII: no UTF-8 decoding for it. */
    gunichar orig = b < 0x80 ? b : vi_char_at (p);
    const char *next = b < 0x80 ? p + 1 : g_utf8_next_char (p);
    gunichar c = fold_char (orig);
    if (c == ' ') {
      if (!space)
        *d++ = ' ';
      space = TRUE;
    } else if (c == orig) {
      space = FALSE;
      while (p < next)
        *d++ = *p++;
    } else if (c != 0) {
      space = FALSE;
      d += g_unichar_to_utf8 (c, d);
    }
    p = next;
  }
  if (d > out && d[-1] == ' ')
    d--;
  *d = '\0';
  return out;
}

/* ---- i/y ------------------------------------------------------------- */

static const gunichar y_forms[] = {'y', 0xFD, 0x1EF3, 0x1EF7, 0x1EF9, 0x1EF5};
static const gunichar i_forms[] = {'i', 0xED, 0xEC, 0x1EC9, 0x129, 0x1ECB};

static int
y_index (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (y_forms); i++)
    if (y_forms[i] == c)
      return (int) i;
  return -1;
}

static gboolean
is_initial_consonant (gunichar c)
{
  static const gboolean ascii[128] = {
    ['b'] = TRUE, ['c'] = TRUE, ['d'] = TRUE, ['g'] = TRUE, ['h'] = TRUE,
    ['k'] = TRUE, ['l'] = TRUE, ['m'] = TRUE, ['n'] = TRUE, ['p'] = TRUE,
    ['q'] = TRUE, ['r'] = TRUE, ['s'] = TRUE, ['t'] = TRUE, ['v'] = TRUE,
    ['x'] = TRUE,
  };
  return c == 0x111 || (c < 0x80 && ascii[c]);
}

/* lý/lí, kỹ/kĩ, tỷ/tỉ: a syllable that is consonants + a final y (or qu + y)
 * is written with i, so both spellings compare equal. uy, ay, ây keep y. */
static gboolean
word_is_consonant_y (const gunichar *w, gsize n)
{
  if (n < 2 || y_index (w[n - 1]) < 0)
    return FALSE;
  gsize k = 0;
  if (n == 3 && w[0] == 'q' && w[1] == 'u')
    return TRUE;
  for (k = 0; k + 1 < n; k++)
    if (!is_initial_consonant (w[k]))
      return FALSE;
  return TRUE;
}

/* At the end of a word written from word to d, whose last letter is last:
 * its final y written as i when unify_i_y would. Returns TRUE if it was.
 * Most words do not end in y and are not read again. */
static gboolean
unify_word_end (const char *word, char **d, gunichar last)
{
  if ((last != 'y' && last < 0xFD) || y_index (last) < 0)
    return FALSE;
  gunichar w[8];
  gsize n = 0;
  for (const char *p = word; p < *d; p = g_utf8_next_char (p)) {
    if (n == G_N_ELEMENTS (w))
      return FALSE; /* unify_i_y leaves longer words alone */
    w[n++] = vi_char_at (p);
  }
  if (!word_is_consonant_y (w, n))
    return FALSE;
  *d = g_utf8_prev_char (*d);
  *d += g_unichar_to_utf8 (i_forms[y_index (last)], *d);
  return TRUE;
}

static char *
unify_i_y (const char *text)
{
  /* Copies the text in runs and rewrites only the final y of the words
   * that need it: appending character by character was a fifth of
   * normalizing an answer. */
  GString *out = g_string_sized_new (strlen (text) + 1);
  const char *p = text, *copied = text;
  while (*p != '\0') {
    if (!vi_char_alpha_at (p)) {
      p = g_utf8_next_char (p);
      continue;
    }
    gunichar w[8];
    gsize n = 0;
    for (gunichar c; *p != '\0' && vi_char_isalpha (c = vi_char_at (p));) {
      if (n < G_N_ELEMENTS (w))
        w[n] = c;
      n++;
      p = g_utf8_next_char (p);
    }
    if (n <= G_N_ELEMENTS (w) && word_is_consonant_y (w, n)) {
      const char *last = g_utf8_prev_char (p);
      g_string_append_len (out, copied, last - copied);
      g_string_append_unichar (out, i_forms[y_index (w[n - 1])]);
      copied = p;
    }
  }
  g_string_append_len (out, copied, p - copied);
  return g_string_free (out, FALSE);
}

/* ---- tone placement -------------------------------------------------- */

/* Old and new tone styles differ only in oa, oe and uy (DOMAIN.md §4 rule
 * 5). In lower-case NFC text an old-style syllable shows as a toned o
 * before a/e or a toned u before y; without one the text is already in the
 * new style and the syllable pass — the costliest step — is skipped. */
static gboolean
is_old_style_pair (gunichar c, char next)
{
  static const gunichar toned_o[] = {0xF2, 0xF3, 0x1ECF, 0xF5, 0x1ECD};
  static const gunichar toned_u[] = {0xF9, 0xFA, 0x1EE7, 0x169, 0x1EE5};
  for (int i = 0; i < 5; i++)
    if ((c == toned_o[i] && (next == 'a' || next == 'e'))
        || (c == toned_u[i] && next == 'y'))
      return TRUE;
  return FALSE;
}

static gboolean
has_old_style_tone (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p)) {
    if ((guchar) *p < 0x80)
      continue;
    if (is_old_style_pair (vi_char_at (p), *g_utf8_next_char (p)))
      return TRUE;
  }
  return FALSE;
}

/* ---- diacritic folding ------------------------------------------------ */

/* Latin-1, Latin Extended-A/B and Latin Extended Additional hold every
 * Vietnamese letter. The table is filled once from vi_syllable_strip — the
 * one place that knows the marks — so folding a whole answer is a lookup per
 * character instead of an NFD round trip. */
#define FOLD_LOW_END 0x250
#define FOLD_EXT_START 0x1E00
#define FOLD_EXT_END 0x1F00

static char fold_low[FOLD_LOW_END];
static char fold_ext[FOLD_EXT_END - FOLD_EXT_START];

static char
fold_by_vi (gunichar c)
{
  char buf[8] = {0};
  g_unichar_to_utf8 (c, buf);
  g_autofree char *f = vi_syllable_strip (buf, FALSE);
  return (f[0] != '\0' && (guchar) f[0] < 0x80 && f[1] == '\0') ? f[0] : 0;
}

static void
fold_tables_init (void)
{
  static gsize once;
  if (g_once_init_enter (&once)) {
    for (gunichar c = 0x80; c < FOLD_LOW_END; c++)
      fold_low[c] = fold_by_vi (c);
    for (gunichar c = FOLD_EXT_START; c < FOLD_EXT_END; c++)
      fold_ext[c - FOLD_EXT_START] = fold_by_vi (c);
    g_once_init_leave (&once, 1);
  }
}

char *
normalize_fold_diacritics (const char *normalized)
{
  if (normalized == NULL)
    return g_strdup ("");
  fold_tables_init ();
  /* Each character becomes one byte, itself or nothing: the text's length
   * always fits, and bytes are written without a GString call each. */
  char *out = g_malloc (strlen (normalized) + 1), *d = out;
  for (const char *p = normalized; *p != '\0';) {
    if ((guchar) *p < 0x80) {
      *d++ = *p++;
      continue;
    }
    gunichar c = vi_char_at (p);
    const char *next = g_utf8_next_char (p);
    char f = c < FOLD_LOW_END ? fold_low[c]
             : (c >= FOLD_EXT_START && c < FOLD_EXT_END)
                 ? fold_ext[c - FOLD_EXT_START]
                 : 0;
    if (f == 0 && !(c >= 0x300 && c <= 0x36F)) {
      /* copied as it is; a sequence cut short ends at the NUL */
      while (p < next && *p != '\0')
        *d++ = *p++;
      continue;
    }
    if (f != 0)
      *d++ = f;
    /* else a stray combining mark left by invalid input: dropped */
    p = next;
  }
  *d = '\0';
  return out;
}

/* ---- the common case in one pass ------------------------------------- */

/* Nearly every answer is valid UTF-8 whose characters maybe_not_nfc lets
 * through. For such text fold_chars, has_old_style_tone's test and
 * unify_i_y are done in one pass writing one buffer: as three passes with
 * a validation, an NFC scan and an allocation each they were most of
 * normalizing an answer. Any other text takes the general path, which is
 * the three passes. */

/* The character at p and its length when the common case covers it
 * (valid UTF-8, below U+0300, in Latin Extended Additional or in General
 * Punctuation to the currency signs); 0 otherwise. */
static gsize
common_char_at (const char *p, gunichar *c)
{
  const guchar *u = (const guchar *) p;
  if (u[0] < 0x80) {
    *c = u[0];
    return 1;
  }
  if (u[0] >= 0xC2 && u[0] < 0xE0 && (u[1] & 0xC0) == 0x80) {
    *c = ((gunichar) (u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    return *c < 0x300 ? 2 : 0;
  }
  if (u[0] < 0xE0 || u[0] >= 0xF0 || (u[1] & 0xC0) != 0x80
      || (u[2] & 0xC0) != 0x80)
    return 0;
  *c = ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6)
       | (u[2] & 0x3F);
  return (*c >= 0x1E00 && *c <= 0x20CF && (*c <= 0x1EFF || *c >= 0x2000))
             ? 3
             : 0;
}

/* fold_chars + unify_i_y for text the common case covers, or NULL. When
 * the text is in the old tone style (*old_style), the result is
 * fold_chars' alone: tones are placed before i/y is unified, so a text
 * where a word was unified before the old style showed is given up. */
static char *
fold_common (const char *text, gsize len, gboolean *old_style)
{
  case_tables_init ();
  char *out = g_malloc (2 * len + 1), *d = out; /* as in fold_chars */
  char *word = NULL; /* start of the word being written */
  gboolean space = TRUE, rewrote = FALSE;
  gunichar prev = ' '; /* the last character written */
  *old_style = FALSE;
  gboolean covered = TRUE; /* FALSE: given up, the general path decides */
  const char *p = text;
  while (*p != '\0') {
    gunichar orig;
    gsize n = common_char_at (p, &orig);
    if (n == 0) {
      covered = FALSE;
      break;
    }
    guint32 entry = fold_char_entry (orig);
    gunichar c = entry & ~CASE_ALPHA;
    gboolean alpha = (entry & CASE_ALPHA) != 0;
    p += n;
    if (c == 0)
      continue;
    if (!alpha && word != NULL) {
      /* y, ý and the y forms past U+1EF2: the words i/y may change */
      if (!*old_style && (prev == 'y' || prev >= 0xFD))
        rewrote |= unify_word_end (word, &d, prev);
      word = NULL;
    }
    if (c == ' ') {
      if (!space)
        *d++ = ' ';
      space = TRUE;
      prev = ' ';
      continue;
    }
    /* toned o or u (all past U+00F1) before a, e or y */
    if (prev > 0xF1 && (c == 'a' || c == 'e' || c == 'y')) {
      *old_style |= is_old_style_pair (prev, (char) c);
      if (*old_style && rewrote) {
        covered = FALSE;
        break;
      }
    }
    if (alpha && word == NULL)
      word = d;
    if (c < 0x80)
      *d++ = (char) c;
    else if (c != orig)
      d += g_unichar_to_utf8 (c, d);
    else
      for (const char *q = p - n; q < p; q++)
        *d++ = *q;
    space = FALSE;
    prev = c;
  }
  if (!covered) {
    g_free (out);
    return NULL;
  }
  if (word != NULL && !*old_style)
    (void) unify_word_end (word, &d, prev);
  if (d > out && d[-1] == ' ')
    d--;
  *d = '\0';
  return out;
}

/* ---- the pipeline ---------------------------------------------------- */

/* Text the common case does not cover: invalid UTF-8 repaired, NFC, then
 * the passes one by one. */
static char *
normalize_general (const char *stripped)
{
  /* Answers are almost always valid UTF-8: check before copying. */
  g_autofree char *valid = g_utf8_validate (stripped, -1, NULL)
                               ? g_strdup (stripped)
                               : g_utf8_make_valid (stripped, -1);
  g_autofree char *nfc = maybe_not_nfc (valid)
                             ? g_utf8_normalize (valid, -1, G_NORMALIZE_NFC)
                             : g_steal_pointer (&valid);
  g_autofree char *folded = fold_chars (nfc);
  g_autofree char *toned = has_old_style_tone (folded)
                              ? vi_syllable_place_tones (folded, VI_STYLE_NEW)
                              : g_steal_pointer (&folded);
  return unify_i_y (toned);
}

char *
normalize_text (const char *text, gboolean lenient)
{
  if (text == NULL)
    return g_strdup ("");
  /* The stripped text never leaves this call: on the stack when short. */
  char local[4096];
  gsize need = strip_bound (strlen (text));
  g_autofree char *heap = need > sizeof local ? g_malloc (need) : NULL;
  char *stripped = heap ? heap : local;
  gsize len = strip_markup_into (text, stripped);
  gboolean old_style;
  g_autofree char *out = fold_common (stripped, len, &old_style);
  if (out == NULL) {
    out = normalize_general (stripped);
  } else if (old_style) {
    g_autofree char *folded = g_steal_pointer (&out);
    g_autofree char *toned = vi_syllable_place_tones (folded, VI_STYLE_NEW);
    out = unify_i_y (toned);
  }
  if (!lenient)
    return g_steal_pointer (&out);
  return normalize_fold_diacritics (out);
}
