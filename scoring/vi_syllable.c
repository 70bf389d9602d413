/* Past 800 lines: a third of it is the Telex/VNI and tone tables, data the
 * syllable parser reads directly. */
/* Vietnamese syllables: decomposition, tone placement, stripping and the
 * Telex/VNI key tables (DOMAIN.md §4). Contract: scoring/vi_syllable.h.
 *
 * Everything works on NFD text: a letter is one base character (a–z or đ,
 * either case) followed by at most one vowel mark (breve, circumflex, horn)
 * and at most one tone mark. A "word" is a run of letters; a word that does
 * not parse as onset + vowel nucleus + coda is not a Vietnamese syllable and
 * passes through unchanged. */
#include "scoring/vi_syllable.h"

#include <string.h>

enum { VM_NONE = 0, VM_BREVE, VM_CIRC, VM_HORN };

#define U_D_BAR_LOWER 0x0111 /* đ */
#define U_D_BAR_UPPER 0x0110 /* Đ */

typedef struct {
  gunichar base;    /* lower case: 'a'..'z' or U_D_BAR_LOWER */
  guint8 vmark;     /* VM_* */
  guint8 tone;      /* ViTone */
  gboolean upper;
} ViLetter;

typedef struct {
  guint nuc;      /* index of the first vowel of the nucleus */
  guint nuc_len;  /* 1..3 */
  gboolean coda;  /* a final consonant follows */
} ViParts;

/* Combining marks, indexed by ViTone (0 unused). */
static const gunichar tone_marks[] = { 0, 0x0301, 0x0300, 0x0309, 0x0303,
                                       0x0323 };
static const gunichar vowel_marks[] = { 0, 0x0306, 0x0302, 0x031B };

static const char *const valid_onsets[]
    = { "",   "b",  "c",  "ch", "d",  "đ",   "g",  "gh", "gi", "h",
        "k",  "kh", "l",  "m",  "n",  "ng",  "ngh", "nh", "p",  "ph",
        "qu", "r",  "s",  "t",  "th", "tr",  "v",  "x",  NULL };
static const char *const valid_codas[]
    = { "", "c", "ch", "m", "n", "ng", "nh", "p", "t", NULL };

static const char telex_tone_keys[] = "\0sfrxj";

static gboolean
vi_is_vowel (gunichar b)
{
  return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u'
         || b == 'y';
}

static ViTone
vi_tone_of_mark (gunichar c)
{
  for (guint t = 1; t < G_N_ELEMENTS (tone_marks); t++)
    if (tone_marks[t] == c)
      return (ViTone) t;
  return VI_TONE_NONE;
}

static guint
vi_vmark_of_mark (gunichar c)
{
  for (guint m = 1; m < G_N_ELEMENTS (vowel_marks); m++)
    if (vowel_marks[m] == c)
      return m;
  return VM_NONE;
}

static gboolean
vi_vmark_fits (gunichar base, guint vmark)
{
  switch (vmark)
    {
    case VM_BREVE:
      return base == 'a';
    case VM_CIRC:
      return base == 'a' || base == 'e' || base == 'o';
    case VM_HORN:
      return base == 'o' || base == 'u';
    default:
      return TRUE;
    }
}

/* Adds one combining mark to the last letter; FALSE when it does not fit a
 * Vietnamese letter (a second tone, a tone on a consonant, a foreign mark). */
static gboolean
vi_letter_add_mark (ViLetter *l, gunichar c)
{
  ViTone tone = vi_tone_of_mark (c);
  guint vmark = vi_vmark_of_mark (c);

  if (tone != VI_TONE_NONE)
    {
      if (l->tone != VI_TONE_NONE || !vi_is_vowel (l->base))
        return FALSE;
      l->tone = tone;
      return TRUE;
    }
  if (vmark == VM_NONE || l->vmark != VM_NONE
      || !vi_vmark_fits (l->base, vmark))
    return FALSE;
  l->vmark = vmark;
  return TRUE;
}

/* Parses an NFD word into letters; FALSE for anything that is not made of
 * Vietnamese letters. */
static gboolean
vi_letters_parse (const char *word, gsize len, GArray *out)
{
  const char *end = word + len;

  g_array_set_size (out, 0);
  for (const char *p = word; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar lower = g_unichar_tolower (c);

      if (g_unichar_ismark (c))
        {
          if (out->len == 0
              || !vi_letter_add_mark (&g_array_index (out, ViLetter,
                                                      out->len - 1), c))
            return FALSE;
          continue;
        }
      if (!((lower >= 'a' && lower <= 'z') || lower == U_D_BAR_LOWER))
        return FALSE;
      ViLetter l = { lower, VM_NONE, VI_TONE_NONE, c != lower };
      g_array_append_val (out, l);
    }
  return out->len > 0;
}

static void
vi_letter_append_base (GString *s, const ViLetter *l)
{
  gunichar c = l->base;

  if (l->upper)
    c = c == U_D_BAR_LOWER ? U_D_BAR_UPPER : g_unichar_toupper (c);
  g_string_append_unichar (s, c);
}

/* Onsets and codas as sets of up to three base letters, five bits each
 * (a–z 1–26, đ 27), filled once from the lists: every word of an answer
 * in the old tone style is split, and encoding each span as UTF-8 for a
 * strcmp against every list entry was most of vi_syllable_parts. */
#define VI_SPAN_KEYS (1u << 15)

static guint8 vi_onset_set[VI_SPAN_KEYS / 8];
static guint8 vi_coda_set[VI_SPAN_KEYS / 8];

static guint
vi_base_code (gunichar base)
{
  if (base >= 'a' && base <= 'z')
    return base - 'a' + 1;
  return base == U_D_BAR_LOWER ? 27 : 0;
}

static void
vi_span_set_fill (guint8 *set, const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    {
      guint key = 0, shift = 0;
      for (const char *p = list[i]; *p != '\0'; p = g_utf8_next_char (p))
        {
          key |= vi_base_code (g_utf8_get_char (p)) << shift;
          shift += 5;
        }
      set[key / 8] |= (guint8) (1u << (key % 8));
    }
}

/* The onset set (onset TRUE) or the coda set, filled on first use. */
static const guint8 *
vi_span_set (gboolean onset)
{
  static gsize once;
  if (g_once_init_enter (&once))
    {
      vi_span_set_fill (vi_onset_set, valid_onsets);
      vi_span_set_fill (vi_coda_set, valid_codas);
      g_once_init_leave (&once, 1);
    }
  return onset ? vi_onset_set : vi_coda_set;
}

static gboolean
vi_span_in_set (const ViLetter *l, guint from, guint to, const guint8 *set)
{
  if (to - from > 3)
    return FALSE;
  guint key = 0;
  for (guint i = from; i < to; i++)
    {
      guint code = vi_base_code (l[i].base);
      if (code == 0) /* a digit from a Telex word: in no list */
        return FALSE;
      key |= code << (5 * (i - from));
    }
  return (set[key / 8] >> (key % 8)) & 1;
}

/* Splits letters into onset, nucleus and coda. Initial "qu" and "gi" before
 * another vowel are consonants (quý, già) — DOMAIN.md §4 rule 7. At most one
 * letter may carry a tone, and only inside the nucleus or the i/u of gi/qu. */
static gboolean
vi_syllable_parts (const ViLetter *l, guint n, ViParts *parts)
{
  guint i = 0, j, tones = 0;

  while (i < n && !vi_is_vowel (l[i].base))
    i++;
  if (i == n || i > 3)
    return FALSE;
  if (i == 1 && i + 1 < n && vi_is_vowel (l[i + 1].base) && l[i].vmark == 0
      && ((l[0].base == 'q' && l[i].base == 'u')
          || (l[0].base == 'g' && l[i].base == 'i')))
    i++;
  else if (!vi_span_in_set (l, 0, i, vi_span_set (TRUE)))
    return FALSE;
  for (j = i; j < n && vi_is_vowel (l[j].base); j++)
    ;
  if (j - i > 3 || !vi_span_in_set (l, j, n, vi_span_set (FALSE)))
    return FALSE;
  for (guint k = 0; k < n; k++)
    tones += l[k].tone != VI_TONE_NONE;
  if (tones > 1)
    return FALSE;
  parts->nuc = i;
  parts->nuc_len = j - i;
  parts->coda = j < n;
  return TRUE;
}

/* Index (within the nucleus) of the vowel that takes the tone. */
static guint
vi_tone_index (const ViLetter *nuc, guint len, gboolean coda,
               ViToneStyle style)
{
  if (len == 1)
    return 0;
  /* â ê ô, then ă ơ ư: the rightmost marked vowel (ươ → ơ, uyê → ê). */
  for (guint k = len; k-- > 0;)
    if (nuc[k].vmark != VM_NONE)
      return k;
  if (len == 3)
    return 1;
  gboolean oa_oe_uy = (nuc[0].base == 'o'
                       && (nuc[1].base == 'a' || nuc[1].base == 'e'))
                      || (nuc[0].base == 'u' && nuc[1].base == 'y');
  if (oa_oe_uy && style == VI_STYLE_NEW)
    return 1;
  return coda ? 1 : 0;
}

static ViTone
vi_letters_tone (const ViLetter *l, guint n)
{
  for (guint k = 0; k < n; k++)
    if (l[k].tone != VI_TONE_NONE)
      return (ViTone) l[k].tone;
  return VI_TONE_NONE;
}

/* Moves the syllable's tone (or the given one) to its canonical vowel. */
static void
vi_letters_place (ViLetter *l, guint n, const ViParts *parts, ViTone tone,
                  ViToneStyle style)
{
  for (guint k = 0; k < n; k++)
    l[k].tone = VI_TONE_NONE;
  guint at = parts->nuc + vi_tone_index (l + parts->nuc, parts->nuc_len,
                                          parts->coda, style);
  l[at].tone = tone;
}

static void
vi_letters_append (GString *s, const ViLetter *l, guint n)
{
  for (guint k = 0; k < n; k++)
    {
      vi_letter_append_base (s, &l[k]);
      if (l[k].vmark != VM_NONE)
        g_string_append_unichar (s, vowel_marks[l[k].vmark]);
      if (l[k].tone != VI_TONE_NONE)
        g_string_append_unichar (s, tone_marks[l[k].tone]);
    }
}

/* ---- word-by-word driver ---------------------------------------------- */

/* NFC of s (newly allocated). GLib 2.74's composition step moves the rest of
 * the buffer on every composed pair, which is quadratic on a long answer;
 * normalizing chunk by chunk is the same result because a chunk always ends
 * right before an ASCII character, and ASCII never composes with what comes
 * before it. */
static char *
vi_nfc (const char *s)
{
  GString *out = g_string_new (NULL);
  const char *chunk = s, *p = s;

  while (*p != '\0')
    {
      p++; /* bytewise: a cut lands only on an ASCII byte, a whole char */
      if (*p == '\0' || ((guchar) *p < 0x80 && (*p == ' ' || p - chunk >= 64)))
        {
          g_autofree char *n = g_utf8_normalize (chunk, p - chunk,
                                                 G_NORMALIZE_NFC);
          g_string_append (out, n);
          chunk = p;
        }
    }
  return g_string_free (out, FALSE);
}

typedef void (*ViWordFunc) (GString *out, const char *word, gsize len,
                            gpointer user);

static gboolean
vi_is_word_char (gunichar c, gboolean in_word)
{
  return g_unichar_isalpha (c) || (in_word && g_unichar_ismark (c));
}

/* Normalizes text to NFD, hands each run of letters to func and copies the
 * rest; returns the NFC result. Invalid UTF-8 is repaired first so that the
 * output is always valid. */
static char *
vi_map_words (const char *text, ViWordFunc func, gpointer user)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfd = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = nfd;

  while (*p != '\0')
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);

      if (!vi_is_word_char (c, FALSE))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }
      while (*p != '\0' && vi_is_word_char (g_utf8_get_char (p), TRUE))
        p = g_utf8_next_char (p);
      func (out, start, p - start, user);
    }
  return vi_nfc (out->str);
}

static void
vi_place_word (GString *out, const char *word, gsize len, gpointer user)
{
  ViToneStyle style = GPOINTER_TO_INT (user);
  g_autoptr (GArray) l = g_array_new (FALSE, FALSE, sizeof (ViLetter));
  ViParts parts;

  if (!vi_letters_parse (word, len, l)
      || !vi_syllable_parts ((ViLetter *) l->data, l->len, &parts))
    {
      g_string_append_len (out, word, len);
      return;
    }
  ViLetter *v = (ViLetter *) l->data;
  vi_letters_place (v, l->len, &parts, vi_letters_tone (v, l->len), style);
  vi_letters_append (out, v, l->len);
}

/* ---- tone placement on precomposed text, without NFD ------------------- */

/* Answers are NFC: every letter one precomposed character. Re-placing their
 * tones through vi_map_words (make_valid, NFD, a GArray per word, NFC) cost
 * half a million instructions per answer, most of judging an answer in the
 * old style ("Ủy ban"). This path reads each character's letter from a
 * table and writes the placed letters' NFC forms from another. Both tables
 * are filled once by the slow path's own functions, and any character they
 * do not cover sends the whole text down the slow path, so the result is
 * the same. */

enum {
  VI_FAST_UNKNOWN = 0, /* not covered: the whole text takes the slow path */
  VI_FAST_LETTER,      /* a Vietnamese letter: ViLetter in the table */
  VI_FAST_FOREIGN,     /* a letter vi_letters_parse refuses (ñ, ß, ǹ) */
  VI_FAST_OTHER,       /* not a letter: ends a word, copied as it is */
};

typedef struct {
  guint8 kind;
  guint8 vmark;
  guint8 tone;
  guint8 upper;
  gunichar base;
} ViFastChar;

/* Latin-1 to Latin Extended-B, Latin Extended Additional and General
 * Punctuation to the currency signs: every character of an answer after
 * normalize_text's folding, all but a rare symbol or emoji. */
#define VI_FAST_LOW_END 0x250
#define VI_FAST_EXT_START 0x1E00
#define VI_FAST_EXT_END 0x1F00
#define VI_FAST_PUNCT_START 0x2000
#define VI_FAST_PUNCT_END 0x20D0

static ViFastChar vi_fast_low[VI_FAST_LOW_END];
static ViFastChar vi_fast_ext[VI_FAST_EXT_END - VI_FAST_EXT_START];
static ViFastChar vi_fast_punct[VI_FAST_PUNCT_END - VI_FAST_PUNCT_START];

/* NFC of each (base, vowel mark, tone, case) as vi_letters_append + vi_nfc
 * write it; indexed by vi_fast_out_index. */
#define VI_FAST_BASES 27 /* a–z, đ */
typedef struct {
  guint8 len;
  char utf8[3];
} ViFastOut;
static ViFastOut vi_fast_out[VI_FAST_BASES * 4 * 6 * 2];

static guint
vi_fast_out_index (const ViLetter *l)
{
  guint b = l->base == U_D_BAR_LOWER ? 26 : l->base - 'a';
  return ((b * 4 + l->vmark) * 6 + l->tone) * 2 + (l->upper ? 1 : 0);
}

/* Whether NFC (NFD (text)) is text wherever it stands: it must come back
 * from the round trip and start with a starter, so no mark before it
 * reorders with its own. (A starter composes with an earlier one only in
 * Hangul and a few Indic scripts, none of them in the tables.) */
static gboolean
vi_fast_round_trips (const char *utf8, const char *nfd)
{
  g_autofree char *nfc = g_utf8_normalize (nfd, -1, G_NORMALIZE_NFC);
  if (nfc == NULL || strcmp (nfc, utf8) != 0)
    return FALSE;
  if (g_unichar_combining_class (g_utf8_get_char (nfd)) != 0)
    return FALSE;
  for (const char *p = g_utf8_next_char (nfd); *p != '\0';
       p = g_utf8_next_char (p))
    if (g_unichar_combining_class (g_utf8_get_char (p)) == 0)
      return FALSE; /* two starters: not a letter and its marks */
  return TRUE;
}

/* Classifies c the way vi_map_words and vi_letters_parse treat it. */
static ViFastChar
vi_fast_classify (gunichar c)
{
  ViFastChar f = { VI_FAST_UNKNOWN, 0, 0, 0, 0 };
  if (c == 0)
    {
      f.kind = VI_FAST_OTHER; /* the end of the text ends a word */
      return f;
    }
  char utf8[8] = { 0 };
  g_unichar_to_utf8 (c, utf8);
  g_autofree char *nfd = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFD);
  if (nfd == NULL || !vi_fast_round_trips (utf8, nfd))
    return f;
  gunichar first = g_utf8_get_char (nfd);
  if (!vi_is_word_char (first, FALSE))
    {
      /* A non-letter with marks would leave them outside any word, and a
       * mark after a word joins it: both are left to the slow path. */
      if (g_utf8_strlen (nfd, -1) == 1 && !g_unichar_ismark (first))
        f.kind = VI_FAST_OTHER;
      return f;
    }
  g_autoptr (GArray) l = g_array_new (FALSE, FALSE, sizeof (ViLetter));
  if (!vi_letters_parse (nfd, strlen (nfd), l))
    {
      f.kind = VI_FAST_FOREIGN;
      return f;
    }
  const ViLetter *v = &g_array_index (l, ViLetter, 0);
  f.kind = VI_FAST_LETTER;
  f.base = v->base;
  f.vmark = v->vmark;
  f.tone = v->tone;
  f.upper = v->upper ? 1 : 0;
  return f;
}

static void
vi_fast_tables_init (void)
{
  static gsize once;
  if (!g_once_init_enter (&once))
    return;
  for (gunichar c = 0; c < VI_FAST_LOW_END; c++)
    vi_fast_low[c] = vi_fast_classify (c);
  for (gunichar c = VI_FAST_EXT_START; c < VI_FAST_EXT_END; c++)
    vi_fast_ext[c - VI_FAST_EXT_START] = vi_fast_classify (c);
  for (gunichar c = VI_FAST_PUNCT_START; c < VI_FAST_PUNCT_END; c++)
    vi_fast_punct[c - VI_FAST_PUNCT_START] = vi_fast_classify (c);
  /* Only letters a placed syllable can hold: a vowel mark that fits its
   * vowel (vi_letters_parse), a tone only on a vowel (vi_letters_place). */
  for (guint b = 0; b < VI_FAST_BASES; b++)
    for (guint m = 0; m < 4; m++)
      for (guint t = 0; t < 6; t++)
        for (guint u = 0; u < 2; u++)
          {
            ViLetter l = { b == 26 ? U_D_BAR_LOWER : 'a' + b, m, t, u };
            if (!vi_vmark_fits (l.base, m)
                || (t != VI_TONE_NONE && !vi_is_vowel (l.base)))
              continue;
            g_autoptr (GString) nfd = g_string_new (NULL);
            vi_letters_append (nfd, &l, 1);
            g_autofree char *nfc = vi_nfc (nfd->str);
            gsize len = strlen (nfc);
            /* vi_fast_place_tones allows three bytes a letter */
            g_assert (len <= 3);
            ViFastOut *o = &vi_fast_out[vi_fast_out_index (&l)];
            o->len = (guint8) len;
            memcpy (o->utf8, nfc, len);
          }
  g_once_init_leave (&once, 1);
}

/* The character at p if it is one of the tables' (valid UTF-8 of one to
 * three bytes), with its length; NULL otherwise. */
static const ViFastChar *
vi_fast_char_at (const char *p, gsize *len)
{
  const guchar *u = (const guchar *) p;
  gunichar c;
  if (u[0] < 0x80)
    {
      *len = 1;
      return &vi_fast_low[u[0]];
    }
  if (u[0] >= 0xC2 && u[0] < 0xE0 && (u[1] & 0xC0) == 0x80)
    {
      c = ((gunichar) (u[0] & 0x1F) << 6) | (u[1] & 0x3F);
      *len = 2;
      return c < VI_FAST_LOW_END ? &vi_fast_low[c] : NULL;
    }
  if (u[0] < 0xE0 || u[0] >= 0xF0 || (u[1] & 0xC0) != 0x80
      || (u[2] & 0xC0) != 0x80)
    return NULL;
  c = ((gunichar) (u[0] & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6)
      | (u[2] & 0x3F);
  *len = 3;
  if (c >= VI_FAST_EXT_START && c < VI_FAST_EXT_END)
    return &vi_fast_ext[c - VI_FAST_EXT_START];
  if (c >= VI_FAST_PUNCT_START && c < VI_FAST_PUNCT_END)
    return &vi_fast_punct[c - VI_FAST_PUNCT_START];
  return NULL;
}

/* Longer words are no syllables (onset, nucleus and coda hold 3 letters
 * each) and are copied. */
#define VI_FAST_WORD_MAX 16

/* Copies are a few bytes: a loop beats a call to memcpy. */
static void
vi_fast_copy (char **out, const char *from, gsize n)
{
  for (gsize k = 0; k < n; k++)
    *(*out)++ = from[k];
}

/* One word of letters at p: placed, or copied when it is no syllable.
 * Returns the end of the word, or NULL on a character the tables lack. */
static const char *
vi_fast_place_word (const char *p, ViToneStyle style, char **out)
{
  ViLetter l[VI_FAST_WORD_MAX];
  guint n = 0;
  gboolean letters = TRUE, toned = FALSE;
  const char *start = p;
  for (;;)
    {
      gsize len;
      const ViFastChar *f = vi_fast_char_at (p, &len);
      if (f == NULL || f->kind == VI_FAST_UNKNOWN)
        return NULL;
      if (f->kind == VI_FAST_OTHER)
        break;
      if (f->kind == VI_FAST_FOREIGN || n == VI_FAST_WORD_MAX)
        letters = FALSE;
      else
        l[n++] = (ViLetter) { f->base, f->vmark, f->tone, f->upper };
      toned |= f->tone != VI_TONE_NONE;
      p += len;
    }
  /* Placing no tone, or a tone where it stands, writes every letter back
   * as it was read (each round-trips through NFD): only a word whose tone
   * moves is written anew. */
  ViParts parts;
  if (!letters || !toned || !vi_syllable_parts (l, n, &parts))
    {
      vi_fast_copy (out, start, p - start);
      return p;
    }
  vi_letters_place (l, n, &parts, vi_letters_tone (l, n), style);
  for (guint k = 0; k < n; k++)
    {
      const ViFastOut *o = &vi_fast_out[vi_fast_out_index (&l[k])];
      vi_fast_copy (out, o->utf8, o->len);
    }
  return p;
}

/* vi_syllable_place_tones for text the tables cover; NULL otherwise. */
static char *
vi_fast_place_tones (const char *text, ViToneStyle style)
{
  vi_fast_tables_init ();
  /* A placed letter takes at most three bytes and every input letter at
   * least one. */
  char *out = g_malloc (3 * strlen (text) + 1), *d = out;
  const char *p = text;
  while (*p != '\0')
    {
      gsize len;
      const ViFastChar *f = vi_fast_char_at (p, &len);
      if (f == NULL || f->kind == VI_FAST_UNKNOWN)
        {
          g_free (out);
          return NULL;
        }
      if (f->kind != VI_FAST_OTHER)
        {
          p = vi_fast_place_word (p, style, &d);
          if (p == NULL)
            {
              g_free (out);
              return NULL;
            }
          continue;
        }
      vi_fast_copy (&d, p, len);
      p += len;
    }
  *d = '\0';
  return out;
}

char *
vi_syllable_place_tones (const char *text, ViToneStyle style)
{
  char *fast = vi_fast_place_tones (text, style);
  if (fast != NULL)
    return fast;
  return vi_map_words (text, vi_place_word, GINT_TO_POINTER (style));
}

char *
vi_syllable_strip (const char *text, gboolean keep_vowel_marks)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfd = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  g_autoptr (GString) out = g_string_new (NULL);

  for (const char *p = nfd; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (vi_tone_of_mark (c) != VI_TONE_NONE)
        continue;
      if (!keep_vowel_marks)
        {
          if (vi_vmark_of_mark (c) != VM_NONE)
            continue;
          if (c == U_D_BAR_LOWER)
            c = 'd';
          else if (c == U_D_BAR_UPPER)
            c = 'D';
        }
      g_string_append_unichar (out, c);
    }
  return vi_nfc (out->str);
}

/* ---- Telex / VNI encoding --------------------------------------------- */

typedef struct {
  ViKeys keys;
  ViToneKeyPos pos;
} ViEncodeOpts;

static gboolean
vi_letters_all_upper (const ViLetter *l, guint n)
{
  for (guint k = 0; k < n; k++)
    if (!l[k].upper)
      return FALSE;
  return n > 1;
}

static void
vi_append_key (GString *s, char key, gboolean upper)
{
  g_string_append_c (s, upper ? g_ascii_toupper (key) : key);
}

static void
vi_append_tone_key (GString *s, ViKeys keys, ViTone tone, gboolean upper)
{
  if (keys == VI_KEYS_VNI)
    g_string_append_c (s, (char) ('0' + tone));
  else
    vi_append_key (s, telex_tone_keys[tone], upper);
}

/* Keys of one letter without its tone: base, then the modifier key. Telex
 * doubles the base for â ê ô and đ (same case), adds w for ă ơ ư. */
static void
vi_append_letter_keys (GString *s, const ViLetter *l, ViKeys keys,
                       gboolean upper_keys)
{
  ViLetter plain = *l;
  gboolean d_bar = l->base == U_D_BAR_LOWER;

  if (d_bar)
    plain.base = 'd';
  vi_letter_append_base (s, &plain);
  if (keys == VI_KEYS_VNI)
    {
      static const char vni_vmark[] = { 0, '8', '6', '7' };
      if (d_bar)
        g_string_append_c (s, '9');
      else if (l->vmark != VM_NONE)
        g_string_append_c (s, vni_vmark[l->vmark]);
      return;
    }
  if (d_bar || l->vmark == VM_CIRC)
    vi_letter_append_base (s, &plain);
  else if (l->vmark != VM_NONE)
    vi_append_key (s, 'w', upper_keys);
}

static void
vi_encode_word (GString *out, const char *word, gsize len, gpointer user)
{
  const ViEncodeOpts *o = user;
  g_autoptr (GArray) arr = g_array_new (FALSE, FALSE, sizeof (ViLetter));
  ViParts parts;

  if (!vi_letters_parse (word, len, arr))
    {
      g_string_append_len (out, word, len);
      return;
    }
  const ViLetter *l = (const ViLetter *) arr->data;
  gboolean syllable = vi_syllable_parts (l, arr->len, &parts);
  gboolean at_end = syllable && o->pos == VI_TONEKEY_END;
  gboolean upper = vi_letters_all_upper (l, arr->len);
  ViTone tone = vi_letters_tone (l, arr->len);

  for (guint k = 0; k < arr->len; k++)
    {
      vi_append_letter_keys (out, &l[k], o->keys, upper);
      if (l[k].tone != VI_TONE_NONE && !at_end)
        vi_append_tone_key (out, o->keys, (ViTone) l[k].tone, upper);
    }
  if (at_end && tone != VI_TONE_NONE)
    vi_append_tone_key (out, o->keys, tone, upper);
}

char *
vi_syllable_encode_keys (const char *text, ViKeys keys, ViToneKeyPos pos)
{
  ViEncodeOpts o = { keys, pos };

  return vi_map_words (text, vi_encode_word, &o);
}

/* ---- Telex / VNI decoding --------------------------------------------- */

typedef struct {
  GArray *letters; /* ViLetter */
  ViTone tone;
  gboolean seen_vowel;
} ViDecoder;

static ViLetter *
vi_decoder_last (ViDecoder *d)
{
  return d->letters->len ? &g_array_index (d->letters, ViLetter,
                                           d->letters->len - 1)
                         : NULL;
}

static void
vi_decoder_push (ViDecoder *d, char c)
{
  ViLetter l = { (gunichar) g_ascii_tolower (c), VM_NONE, VI_TONE_NONE,
                 g_ascii_isupper (c) };

  d->seen_vowel |= vi_is_vowel (l.base);
  g_array_append_val (d->letters, l);
}

/* Nearest earlier vowel that can take vmark (VNI puts the key after it, but
 * tolerate a key typed later in the syllable). */
static ViLetter *
vi_decoder_find_vowel (ViDecoder *d, guint vmark)
{
  for (guint k = d->letters->len; k-- > 0;)
    {
      ViLetter *l = &g_array_index (d->letters, ViLetter, k);
      if (!vi_is_vowel (l->base))
        continue;
      if (l->vmark == VM_NONE && vi_vmark_fits (l->base, vmark))
        return l;
    }
  return NULL;
}

/* One Telex key; FALSE when the word cannot be Telex. */
static gboolean
vi_decode_telex_key (ViDecoder *d, char c)
{
  char lc = g_ascii_tolower (c);
  ViLetter *last = vi_decoder_last (d);
  const char *tone = strchr (telex_tone_keys + 1, lc);

  if (d->seen_vowel && tone != NULL && lc != '\0')
    {
      d->tone = (ViTone) (tone - telex_tone_keys);
      return TRUE;
    }
  if (lc == 'w')
    {
      /* w marks only the letter right before it: "uwow" is ươ, "uow" uơ. */
      if (last == NULL || last->vmark != VM_NONE
          || !(last->base == 'a' || last->base == 'o' || last->base == 'u'))
        return FALSE;
      last->vmark = last->base == 'a' ? VM_BREVE : VM_HORN;
      return TRUE;
    }
  if (last != NULL && last->base == (gunichar) lc && last->vmark == VM_NONE)
    {
      if (lc == 'd' && d->letters->len == 1)
        {
          last->base = U_D_BAR_LOWER;
          return TRUE;
        }
      if (lc == 'a' || lc == 'e' || lc == 'o')
        {
          last->vmark = VM_CIRC;
          return TRUE;
        }
    }
  vi_decoder_push (d, c);
  return TRUE;
}

/* One VNI key; digits are keys only after a vowel (tones, 6 7 8) or right
 * after d (9), so "50k" and "03" stay numbers. */
static gboolean
vi_decode_vni_key (ViDecoder *d, char c)
{
  ViLetter *last = vi_decoder_last (d);
  ViLetter *v;

  if (!g_ascii_isdigit (c))
    {
      vi_decoder_push (d, c);
      return TRUE;
    }
  if (c == '9')
    {
      if (last == NULL || last->base != 'd' || d->letters->len != 1)
        return FALSE;
      last->base = U_D_BAR_LOWER;
      return TRUE;
    }
  if (!d->seen_vowel)
    return FALSE;
  if (c >= '1' && c <= '5')
    {
      d->tone = (ViTone) (c - '0');
      return TRUE;
    }
  guint vmark = c == '6' ? VM_CIRC : c == '7' ? VM_HORN : c == '8' ? VM_BREVE
                                                                   : VM_NONE;
  v = vmark == VM_NONE ? NULL : vi_decoder_find_vowel (d, vmark);
  if (v == NULL)
    return FALSE;
  v->vmark = vmark;
  return TRUE;
}

/* A1, A2, E1…: an upper-case licence-class letter (A–F) and one digit is a
 * driving-licence class far more often than a VNI-typed lone Á or È: keep
 * it. (Consonant classes like B2 never decode anyway: no vowel.) */
static gboolean
vi_vni_looks_like_code (const char *word, gsize len)
{
  return len == 2 && word[0] >= 'A' && word[0] <= 'F'
         && g_ascii_isdigit (word[1]);
}

static void
vi_decode_word (GString *out, const char *word, gsize len, ViKeys keys)
{
  g_autoptr (GArray) arr = g_array_new (FALSE, FALSE, sizeof (ViLetter));
  ViDecoder d = { arr, VI_TONE_NONE, FALSE };
  ViParts parts;
  gboolean ok = TRUE;

  if (keys == VI_KEYS_VNI && vi_vni_looks_like_code (word, len))
    ok = FALSE;
  for (gsize k = 0; ok && k < len; k++)
    ok = keys == VI_KEYS_VNI ? vi_decode_vni_key (&d, word[k])
                             : vi_decode_telex_key (&d, word[k]);
  if (!ok || !vi_syllable_parts ((ViLetter *) arr->data, arr->len, &parts))
    {
      g_string_append_len (out, word, len);
      return;
    }
  vi_letters_place ((ViLetter *) arr->data, arr->len, &parts, d.tone,
                    VI_STYLE_NEW);
  vi_letters_append (out, (ViLetter *) arr->data, arr->len);
}

static gboolean
vi_is_ascii_word (const char *p, gsize len)
{
  for (gsize k = 0; k < len; k++)
    if (!g_ascii_isalnum (p[k]))
      return FALSE;
  return TRUE;
}

char *
vi_syllable_decode_keys (const char *text, ViKeys keys)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfd = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);
  g_autoptr (GString) out = g_string_new (NULL);
  const char *p = nfd;

  while (*p != '\0')
    {
      const char *start = p;

      if (!g_unichar_isalnum (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }
      while (*p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p))
                            || g_unichar_ismark (g_utf8_get_char (p))))
        p = g_utf8_next_char (p);
      /* A word that starts with a digit is a number, never keys. */
      if (vi_is_ascii_word (start, p - start) && g_ascii_isalpha (*start))
        vi_decode_word (out, start, p - start, keys);
      else
        g_string_append_len (out, start, p - start);
    }
  return vi_nfc (out->str);
}

/* ---- single-syllable helpers (appended to the header) ------------------ */

static gboolean
vi_word_letters (const char *word, GArray *arr, ViParts *parts)
{
  g_autofree char *valid = g_utf8_make_valid (word, -1);
  g_autofree char *nfd = g_utf8_normalize (valid, -1, G_NORMALIZE_NFD);

  return vi_letters_parse (nfd, strlen (nfd), arr)
         && vi_syllable_parts ((ViLetter *) arr->data, arr->len, parts);
}

gboolean
vi_syllable_is_syllable (const char *word)
{
  g_autoptr (GArray) arr = g_array_new (FALSE, FALSE, sizeof (ViLetter));
  ViParts parts;

  return vi_word_letters (word, arr, &parts);
}

ViTone
vi_syllable_tone (const char *word)
{
  g_autoptr (GArray) arr = g_array_new (FALSE, FALSE, sizeof (ViLetter));
  ViParts parts;

  if (!vi_word_letters (word, arr, &parts))
    return VI_TONE_NONE;
  return vi_letters_tone ((ViLetter *) arr->data, arr->len);
}

char *
vi_syllable_set_tone (const char *word, ViTone tone, ViToneStyle style)
{
  g_autoptr (GArray) arr = g_array_new (FALSE, FALSE, sizeof (ViLetter));
  g_autoptr (GString) out = g_string_new (NULL);
  ViParts parts;

  if (!vi_word_letters (word, arr, &parts))
    return g_utf8_make_valid (word, -1);
  vi_letters_place ((ViLetter *) arr->data, arr->len, &parts, tone, style);
  vi_letters_append (out, (ViLetter *) arr->data, arr->len);
  return vi_nfc (out->str);
}
