/* Near-miss generator (contract: testsets/perturb.h, kinds: PERTURB.md).
 *
 * Every generator gets NFC text that is valid UTF-8 and its own GRand, so the
 * output depends only on (kind, text, seed). Generators that touch a share of
 * the words always touch at least one when any word qualifies, so a variant
 * differs from the question whenever the kind applies at all. */
#include "testsets/perturb.h"

#include <string.h>

#include "scoring/vi_syllable.h"

typedef char *(*PerturbFunc) (const char *text, GRand *r);

typedef struct {
  const char *name;
  guint severity;
  PerturbFunc func;
} PerturbKind;

/* ---- words ------------------------------------------------------------ */

typedef struct {
  gsize start, len; /* byte span in the text */
} PerturbSpan;

static gboolean
perturb_is_word_char (gunichar c, gboolean in_word)
{
  return g_unichar_isalpha (c) || (in_word && g_unichar_ismark (c));
}

/* Runs of letters (with their combining marks); digits are never words, so
 * no word generator can touch a number. */
static GArray *
perturb_words (const char *text)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (PerturbSpan));
  const char *p = text;

  while (*p != '\0')
    {
      if (!perturb_is_word_char (g_utf8_get_char (p), FALSE))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      PerturbSpan s = { p - text, 0 };
      while (*p != '\0' && perturb_is_word_char (g_utf8_get_char (p), TRUE))
        p = g_utf8_next_char (p);
      s.len = (p - text) - s.start;
      g_array_append_val (spans, s);
    }
  return spans;
}

/* Marks each of n candidates with probability share; when the dice mark
 * none, marks one at random, so that a kind that applies always changes the
 * text. Draws the fallback first, then one double per candidate. */
static void
perturb_choose (GRand *r, guint n, double share, gboolean *take)
{
  guint forced = g_rand_int_range (r, 0, n);
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    {
      take[i] = g_rand_double (r) < share;
      any |= take[i];
    }
  if (!any)
    take[forced] = TRUE;
}

typedef struct {
  gsize start, end; /* byte span of text replaced */
  const char *with; /* borrowed */
} PerturbEdit;

/* text with the edits (in order, not overlapping) applied. */
static char *
perturb_splice (const char *text, const PerturbEdit *edits, guint n)
{
  GString *out = g_string_new (NULL);
  gsize at = 0;

  for (guint i = 0; i < n; i++)
    {
      g_string_append_len (out, text + at, edits[i].start - at);
      g_string_append (out, edits[i].with);
      at = edits[i].end;
    }
  g_string_append (out, text + at);
  return g_string_free (out, FALSE);
}

/* Returns the changed word (newly allocated) or NULL when fn does not apply
 * to it. */
typedef char *(*PerturbWordFunc) (const char *word, GRand *r, gpointer user);

/* Applies fn to a share of the words it changes, at least one. */
static char *
perturb_words_share (const char *text, GRand *r, double share,
                     PerturbWordFunc fn, gpointer user)
{
  g_autoptr (GArray) spans = perturb_words (text);
  g_autoptr (GPtrArray) repl = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) edits = g_array_new (FALSE, FALSE, sizeof (PerturbEdit));

  for (guint i = 0; i < spans->len; i++)
    {
      PerturbSpan *s = &g_array_index (spans, PerturbSpan, i);
      g_autofree char *word = g_strndup (text + s->start, s->len);
      g_autofree char *changed = fn (word, r, user);

      if (changed == NULL || strcmp (changed, word) == 0)
        continue;
      PerturbEdit e = { s->start, s->start + s->len, changed };
      g_ptr_array_add (repl, g_steal_pointer (&changed));
      g_array_append_val (edits, e);
    }
  if (edits->len == 0)
    return g_strdup (text);

  g_autofree gboolean *take = g_new0 (gboolean, edits->len);
  guint kept = 0;

  perturb_choose (r, edits->len, share, take);
  for (guint i = 0; i < edits->len; i++)
    if (take[i])
      g_array_index (edits, PerturbEdit, kept++)
          = g_array_index (edits, PerturbEdit, i);
  return perturb_splice (text, (PerturbEdit *) edits->data, kept);
}

static gboolean
perturb_starts_upper (const char *word)
{
  return g_unichar_isupper (g_utf8_get_char (word));
}

/* Copies s with its first character upper-cased (locale-independent). */
static char *
perturb_capitalize (const char *s)
{
  GString *out = g_string_new (NULL);

  if (*s != '\0')
    {
      g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (s)));
      g_string_append (out, g_utf8_next_char (s));
    }
  return g_string_free (out, FALSE);
}

/* ---- diacritics -------------------------------------------------------- */

static char *
perturb_no_diacritics (const char *text, GRand *r)
{
  return vi_syllable_strip (text, FALSE);
}

static char *
perturb_strip_word (const char *word, GRand *r, gpointer user)
{
  return vi_syllable_strip (word, GPOINTER_TO_INT (user));
}

/* Three habits seen in real messages: tones dropped everywhere (the user
 * skips the tone keys), or all marks, or only tones, dropped on some words. */
static char *
perturb_partial_diacritics (const char *text, GRand *r)
{
  switch (g_rand_int_range (r, 0, 3))
    {
    case 0:
      return vi_syllable_strip (text, TRUE);
    case 1:
      return perturb_words_share (text, r, 0.4, perturb_strip_word,
                                  GINT_TO_POINTER (FALSE));
    default:
      return perturb_words_share (text, r, 0.5, perturb_strip_word,
                                  GINT_TO_POINTER (TRUE));
    }
}

static char *
perturb_keys (const char *text, GRand *r, ViKeys keys)
{
  ViToneKeyPos pos = g_rand_boolean (r) ? VI_TONEKEY_END
                                        : VI_TONEKEY_AFTER_VOWEL;
  return vi_syllable_encode_keys (text, keys, pos);
}

static char *
perturb_telex (const char *text, GRand *r)
{
  return perturb_keys (text, r, VI_KEYS_TELEX);
}

static char *
perturb_vni (const char *text, GRand *r)
{
  return perturb_keys (text, r, VI_KEYS_VNI);
}

static char *
perturb_nfd (const char *text, GRand *r)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

/* Writes the other tone style than the text uses (hoà ↔ hòa). */
static char *
perturb_tone_style (const char *text, GRand *r)
{
  g_autofree char *old = vi_syllable_place_tones (text, VI_STYLE_OLD);

  if (strcmp (old, text) != 0)
    return g_steal_pointer (&old);
  return vi_syllable_place_tones (text, VI_STYLE_NEW);
}

/* ---- keyboard typos ----------------------------------------------------- */

/* QWERTY neighbours of a..z. */
static const char *const qwerty_near[26]
    = { "qwsz", "vghn", "xdfv", "serfcx", "wsdr", "drtgvc", "ftyhbv",
        "gyujnb", "ujko", "huikmn", "jiolm", "kop", "njk", "bhjm", "iklp",
        "ol", "wa", "edft", "awedxz", "rfgy", "yhji", "cfgb", "qase",
        "zsdc", "tghu", "asx" };

typedef struct {
  gsize start, len; /* byte span of one base letter and its marks */
  gboolean ascii;   /* base is a..z / A..Z: a typo target */
  gboolean word_end;/* the next cluster is not a letter of the same word */
} PerturbCluster;

static GArray *
perturb_clusters (const char *nfd)
{
  GArray *cl = g_array_new (FALSE, FALSE, sizeof (PerturbCluster));

  for (const char *p = nfd; *p != '\0';)
    {
      const char *start = p;
      gunichar c = g_utf8_get_char (p);

      p = g_utf8_next_char (p);
      while (*p != '\0' && g_unichar_ismark (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      PerturbCluster k = { start - nfd, p - start,
                           c < 0x80 && g_ascii_isalpha (c),
                           !g_unichar_isalpha (g_utf8_get_char (p)) };
      g_array_append_val (cl, k);
    }
  return cl;
}

/* One typo at cluster i: 0 neighbour key, 1 deletion, 2 transposition with
 * the next letter of the word, 3 doubling. */
static void
perturb_one_typo (GString *s, const PerturbCluster *k, const char *nfd,
                  guint op, GRand *r)
{
  char c = nfd[k[0].start];
  gboolean up = g_ascii_isupper (c);
  const char *near = qwerty_near[g_ascii_tolower (c) - 'a'];
  char sub = near[g_rand_int_range (r, 0, strlen (near))];

  if (op == 2 && !k[0].word_end && k[1].ascii)
    {
      g_string_append_len (s, nfd + k[1].start, k[1].len);
      g_string_append_len (s, nfd + k[0].start, k[0].len);
      return;
    }
  if (op == 1)
    return;
  if (op == 0)
    {
      /* The neighbour key does not carry the vowel's marks. */
      g_string_append_c (s, up ? g_ascii_toupper (sub) : sub);
      return;
    }
  g_string_append_len (s, nfd + k[0].start, k[0].len);
  g_string_append_c (s, c);
}

static char *
perturb_keyboard_typo (const char *text, GRand *r)
{
  g_autofree char *nfd = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  g_autoptr (GArray) cl = perturb_clusters (nfd);
  g_autoptr (GArray) targets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < cl->len; i++)
    if (g_array_index (cl, PerturbCluster, i).ascii)
      g_array_append_val (targets, i);
  if (targets->len == 0)
    return g_strdup (text);
  /* About one typo per 30 letters, one to three. */
  guint n = MIN (3, 1 + g_rand_int_range (r, 0, 1 + targets->len / 30));
  g_autofree guint *op = g_new0 (guint, cl->len);
  for (guint t = 0; t < n; t++)
    {
      guint at = g_array_index (targets, guint,
                                g_rand_int_range (r, 0, targets->len));
      op[at] = 1 + g_rand_int_range (r, 0, 4);
    }
  for (guint i = 0; i < cl->len; i++)
    {
      const PerturbCluster *k = &g_array_index (cl, PerturbCluster, i);
      if (op[i] == 0)
        g_string_append_len (out, nfd + k->start, k->len);
      else
        {
          perturb_one_typo (out, k, nfd, op[i] - 1, r);
          if (op[i] == 3 && !k->word_end && k[1].ascii)
            i++; /* the transposed neighbour is already written */
        }
    }
  return g_utf8_normalize (out->str, -1, G_NORMALIZE_NFC);
}

/* ---- abbreviations ------------------------------------------------------ */

typedef struct {
  const char *phrase;     /* lower case, NFC */
  const char *forms[6];   /* NULL-terminated */
} PerturbAbbrev;

/* Chat forms by ViLexNorm frequency, admin forms as on portals (DOMAIN.md
 * §4). Longer phrases first so that "hộ kinh doanh" wins over "kinh". */
static const PerturbAbbrev abbrevs[] = {
  { "căn cước công dân", { "CCCD", NULL } },
  { "đăng ký kinh doanh", { "đkkd", "ĐKKD", NULL } },
  { "thủ tục hành chính", { "TTHC", NULL } },
  { "ủy ban nhân dân", { "UBND", NULL } },
  { "giấy phép lái xe", { "GPLX", NULL } },
  { "như thế nào", { "ntn", NULL } },
  { "hộ kinh doanh", { "hộ kd", NULL } },
  { "dịch vụ công", { "DVC", NULL } },
  { "bao nhiêu", { "bn", NULL } },
  { "mọi người", { "mn", NULL } },
  { "không", { "ko", "k", "kh", "khum", "hong", NULL } },
  { "được", { "đc", "dc", NULL } },
  { "người", { "ng", NULL } },
  { "với", { "vs", NULL } },
  { "rồi", { "r", NULL } },
  { "giờ", { "h", NULL } },
  { "gì", { "j", NULL } },
};

/* Comparison key of one word: lower case, new tone style (Ủy = Uỷ). */
static char *
perturb_word_key (const char *word, gsize len)
{
  g_autofree char *w = g_strndup (word, len);
  g_autofree char *lower = g_utf8_strdown (w, -1);

  return vi_syllable_place_tones (lower, VI_STYLE_NEW);
}

/* Number of words of the phrase matched at word i (0 for none); words must
 * be separated by spaces only. */
static guint
perturb_abbrev_match (const char *text, GArray *spans, GPtrArray *keys,
                      guint i, const char *phrase)
{
  g_auto (GStrv) want = g_strsplit (phrase, " ", -1);
  guint n = g_strv_length (want);

  if (i + n > spans->len)
    return 0;
  for (guint k = 0; k < n; k++)
    {
      g_autofree char *wk = perturb_word_key (want[k], strlen (want[k]));
      if (strcmp (wk, g_ptr_array_index (keys, i + k)) != 0)
        return 0;
      if (k == 0)
        continue;
      const PerturbSpan *a = &g_array_index (spans, PerturbSpan, i + k - 1);
      const PerturbSpan *b = &g_array_index (spans, PerturbSpan, i + k);
      for (gsize p = a->start + a->len; p < b->start; p++)
        if (text[p] != ' ')
          return 0;
    }
  return n;
}

typedef struct {
  gsize start, end; /* byte span of the phrase */
  guint abbrev;     /* index in abbrevs */
} PerturbHit;

/* Phrase occurrences, longest table entry first, not overlapping. */
static GArray *
perturb_abbrev_hits (const char *text, GArray *spans)
{
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (PerturbHit));

  for (guint i = 0; i < spans->len; i++)
    {
      const PerturbSpan *s = &g_array_index (spans, PerturbSpan, i);
      g_ptr_array_add (keys, perturb_word_key (text + s->start, s->len));
    }
  for (guint i = 0; i < spans->len; i++)
    for (guint a = 0; a < G_N_ELEMENTS (abbrevs); a++)
      {
        guint n = perturb_abbrev_match (text, spans, keys, i,
                                        abbrevs[a].phrase);
        if (n == 0)
          continue;
        const PerturbSpan *last = &g_array_index (spans, PerturbSpan,
                                                  i + n - 1);
        PerturbHit hit = { g_array_index (spans, PerturbSpan, i).start,
                           last->start + last->len, a };
        g_array_append_val (hits, hit);
        i += n - 1;
        break;
      }
  return hits;
}

/* Each occurrence abbreviated with probability 0.6 (at least one); the form
 * is picked by seed and capitalized like the words it replaces. */
static char *
perturb_abbreviation (const char *text, GRand *r)
{
  g_autoptr (GArray) spans = perturb_words (text);
  g_autoptr (GArray) hits = perturb_abbrev_hits (text, spans);
  g_autoptr (GPtrArray) forms = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) edits = g_array_new (FALSE, FALSE, sizeof (PerturbEdit));

  if (hits->len == 0)
    return g_strdup (text);
  g_autofree gboolean *take = g_new0 (gboolean, hits->len);

  perturb_choose (r, hits->len, 0.6, take);
  for (guint h = 0; h < hits->len; h++)
    {
      const PerturbHit *hit = &g_array_index (hits, PerturbHit, h);
      const PerturbAbbrev *ab = &abbrevs[hit->abbrev];
      guint nforms = g_strv_length ((char **) ab->forms);
      const char *form = ab->forms[g_rand_int_range (r, 0, nforms)];

      if (!take[h])
        continue;
      char *cap = perturb_starts_upper (text + hit->start)
                      ? perturb_capitalize (form)
                      : g_strdup (form);
      PerturbEdit e = { hit->start, hit->end, cap };
      g_ptr_array_add (forms, cap);
      g_array_append_val (edits, e);
    }
  return perturb_splice (text, (PerturbEdit *) edits->data, edits->len);
}

/* ---- dialect spellings -------------------------------------------------- */

static gboolean
perturb_is_vowel (char c)
{
  return c != '\0' && strchr ("aeiouyAEIOUY", c) != NULL;
}

/* Replaces the first skip bytes of the NFD word w by onset, keeping the case
 * of the first letter. */
static char *
perturb_swap_onset (const char *w, gsize skip, const char *onset)
{
  g_autofree char *o = g_ascii_isupper (w[0]) ? perturb_capitalize (onset)
                                              : g_strdup (onset);
  return g_strconcat (o, w + skip, NULL);
}

static char *
perturb_swap_mark (const char *w, const char *from, const char *to)
{
  g_auto (GStrv) parts = g_strsplit (w, from, 2);

  return g_strv_length (parts) == 2 ? g_strjoinv (to, parts) : NULL;
}

/* The confusions that apply to one NFD word; NULL entries mean "does not
 * apply". Order matters only for determinism. */
static char *
perturb_dialect_option (const char *w, guint option)
{
  char c0 = g_ascii_tolower (w[0]), c1 = g_ascii_tolower (w[0] ? w[1] : 0);

  switch (option)
    {
    case 0: /* gi → d: già → dà, gì → dì */
      if (c0 != 'g' || c1 != 'i')
        return NULL;
      return perturb_swap_onset (w, perturb_is_vowel (w[2]) ? 2 : 1, "d");
    case 1: /* d → gi: dân → giân, dì → gì */
      if (c0 != 'd' || !perturb_is_vowel (w[1]))
        return NULL;
      return perturb_swap_onset (w, 1, c1 == 'i' ? "g" : "gi");
    case 2: /* l ↔ n (not ng, nh) */
      if (c0 == 'l')
        return perturb_swap_onset (w, 1, "n");
      if (c0 == 'n' && c1 != 'g' && c1 != 'h')
        return perturb_swap_onset (w, 1, "l");
      return NULL;
    case 3: /* s ↔ x */
      if (c0 == 's' || c0 == 'x')
        return perturb_swap_onset (w, 1, c0 == 's' ? "x" : "s");
      return NULL;
    case 4: /* ch ↔ tr, r → d */
      if ((c0 == 'c' && c1 == 'h') || (c0 == 't' && c1 == 'r'))
        return perturb_swap_onset (w, 2, c0 == 'c' ? "tr" : "ch");
      if (c0 == 'r' && perturb_is_vowel (w[1]))
        return perturb_swap_onset (w, 1, "d");
      return NULL;
    default: /* hỏi ↔ ngã: lỗi → lõi */
      {
        char *m = perturb_swap_mark (w, "\xcc\x89", "\xcc\x83");
        return m != NULL ? m : perturb_swap_mark (w, "\xcc\x83", "\xcc\x89");
      }
    }
}

static char *
perturb_dialect_word (const char *word, GRand *r, gpointer user)
{
  g_autofree char *w = g_utf8_normalize (word, -1, G_NORMALIZE_NFD);
  char *options[6];
  guint n = 0;

  if (!vi_syllable_is_syllable (word))
    return NULL;
  for (guint o = 0; o < G_N_ELEMENTS (options); o++)
    {
      char *v = perturb_dialect_option (w, o);
      if (v != NULL)
        options[n++] = v;
    }
  if (n == 0)
    return NULL;
  guint pick = g_rand_int_range (r, 0, n);
  char *out = g_utf8_normalize (options[pick], -1, G_NORMALIZE_NFC);
  for (guint o = 0; o < n; o++)
    g_free (options[o]);
  return out;
}

static char *
perturb_dialect (const char *text, GRand *r)
{
  return perturb_words_share (text, r, 0.25, perturb_dialect_word, NULL);
}

/* ---- case and spacing --------------------------------------------------- */

static char *
perturb_map_case (const char *text, gboolean upper)
{
  GString *out = g_string_new (NULL);

  /* Per character and locale-independent (g_utf8_strup follows the locale
   * for Turkish i): the same output on every machine. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, upper ? g_unichar_toupper (c)
                                          : g_unichar_tolower (c));
    }
  return g_string_free (out, FALSE);
}

/* ALL CAPS or no capitals; the other one when the first changes nothing. */
static char *
perturb_case (const char *text, GRand *r)
{
  gboolean upper = g_rand_boolean (r);
  g_autofree char *first = perturb_map_case (text, upper);

  if (strcmp (first, text) != 0)
    return g_steal_pointer (&first);
  return perturb_map_case (text, !upper);
}

enum { SPACING_MERGE = 1, SPACING_DOUBLE = 2, SPACING_PUNCT = 4 };

/* Punctuation inside a token (15.000, 168/2025/NĐ-CP) is kept: only marks
 * next to a space or an end are dropped, so numbers never change. */
static gboolean
perturb_is_loose_punct (const gunichar *u, glong i, glong n)
{
  gboolean before = i > 0 && !g_unichar_isspace (u[i - 1]);
  gboolean after = i + 1 < n && !g_unichar_isspace (u[i + 1]);

  return g_unichar_ispunct (u[i]) && !(before && after);
}

static char *
perturb_spacing_mode (const gunichar *u, glong n, guint mode, GRand *r)
{
  GString *out = g_string_new (NULL);

  for (glong i = 0; i < n; i++)
    {
      gboolean between_letters = i > 0 && i + 1 < n
                                 && g_unichar_isalpha (u[i - 1])
                                 && g_unichar_isalpha (u[i + 1]);
      if ((mode & SPACING_PUNCT) && perturb_is_loose_punct (u, i, n))
        continue;
      if (u[i] == ' ' && (mode & SPACING_MERGE) && between_letters
          && g_rand_double (r) < 0.25)
        continue;
      g_string_append_unichar (out, u[i]);
      if (u[i] == ' ' && (mode & SPACING_DOUBLE) && g_rand_double (r) < 0.3)
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* Merged words, doubled spaces, dropped punctuation: a seeded mix. Tries a
 * few mixes so that a text with spaces or punctuation always changes. */
static char *
perturb_spacing (const char *text, GRand *r)
{
  glong n = 0;
  g_autofree gunichar *u = g_utf8_to_ucs4_fast (text, -1, &n);

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      guint mode = g_rand_int_range (r, 1, 8);
      g_autofree char *out = perturb_spacing_mode (u, n, mode, r);
      if (strcmp (out, text) != 0)
        return g_steal_pointer (&out);
    }
  return perturb_spacing_mode (u, n, SPACING_DOUBLE | SPACING_PUNCT, r);
}

/* ---- the kind table ----------------------------------------------------- */

static const PerturbKind kinds[] = {
  { "no_diacritics", 2, perturb_no_diacritics },
  { "partial_diacritics", 1, perturb_partial_diacritics },
  { "telex", 3, perturb_telex },
  { "vni", 3, perturb_vni },
  { "keyboard_typo", 2, perturb_keyboard_typo },
  { "abbreviation", 2, perturb_abbreviation },
  { "dialect", 2, perturb_dialect },
  { "nfd", 1, perturb_nfd },
  { "tone_style", 1, perturb_tone_style },
  { "case", 1, perturb_case },
  { "spacing", 1, perturb_spacing },
};

static const char *const kind_names[] = {
  "no_diacritics", "partial_diacritics", "telex", "vni", "keyboard_typo",
  "abbreviation", "dialect", "nfd", "tone_style", "case", "spacing", NULL,
};

G_STATIC_ASSERT (G_N_ELEMENTS (kind_names) == G_N_ELEMENTS (kinds) + 1);

static const PerturbKind *
perturb_find (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (kinds[i].name, kind) == 0)
      return &kinds[i];
  return NULL;
}

const char *const *
perturb_kind_names (void)
{
  return kind_names;
}

gboolean
perturb_kind_valid (const char *kind)
{
  return perturb_find (kind) != NULL;
}

guint
perturb_kind_severity (const char *kind)
{
  const PerturbKind *k = perturb_find (kind);

  return k != NULL ? k->severity : 0;
}

char *
perturb_apply (const char *kind, const char *text, guint64 seed)
{
  const PerturbKind *k = perturb_find (kind);
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  /* Both halves of the seed, so seeds differing only above bit 32 differ. */
  guint32 words[2] = { (guint32) seed, (guint32) (seed >> 32) };
  g_autoptr (GRand) r = g_rand_new_with_seed_array (words, 2);

  if (k == NULL)
    return g_steal_pointer (&valid);
  return k->func (nfc, r);
}

guint64
perturb_variant_seed (guint64 seed, const char *item_id, const char *kind,
                      guint n)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *msg = g_strdup_printf ("%" G_GUINT64_FORMAT "/%s/%s/%u",
                                          seed, item_id, kind, n);
  guint8 digest[32];
  gsize len = sizeof digest;
  guint64 v = 0;

  g_checksum_update (sum, (const guchar *) msg, strlen (msg));
  g_checksum_get_digest (sum, digest, &len);
  for (guint i = 0; i < 8; i++)
    v = (v << 8) | digest[i];
  return v & ((G_GUINT64_CONSTANT (1) << 53) - 1);
}
