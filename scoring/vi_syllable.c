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

static gboolean
vi_in_list (const char *const *list, const char *s)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], s) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
vi_span_in_list (const ViLetter *l, guint from, guint to,
                 const char *const *list)
{
  char buf[16]; /* an onset or coda: at most 3 letters of 2 bytes */
  gsize n = 0;

  if (to - from > 3)
    return FALSE;
  for (guint i = from; i < to; i++)
    n += g_unichar_to_utf8 (l[i].base, buf + n);
  buf[n] = '\0';
  return vi_in_list (list, buf);
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
  else if (!vi_span_in_list (l, 0, i, valid_onsets))
    return FALSE;
  for (j = i; j < n && vi_is_vowel (l[j].base); j++)
    ;
  if (j - i > 3 || !vi_span_in_list (l, j, n, valid_codas))
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

char *
vi_syllable_place_tones (const char *text, ViToneStyle style)
{
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
