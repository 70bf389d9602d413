/* The cue lexicon (scoring/cues.h). cues.tsv is compiled into the binary
 * as the string cues_tsv (a Makefile rule writes it into build/gen/), read
 * once per form (strict, lenient) into a table keyed by each phrase's
 * first word: an answer's words are looked up once each. */
#include "scoring/cues.h"

#include "scoring/normalize.h"
#include "scoring/vi_char.h"

#include <string.h>

extern const char cues_tsv[]; /* build/gen/cues_data.c */

static const char *const class_names[CUE_N_CLASSES] = {
  "fee", "fine", "postage", "hotline", "service", "example", "total", "difference", "rate",
  "exempt", "capital", "exchange",
  "processing", "processing_weak", "processing_after", "step", "step_after", "extra", "delivery",
  "extension", "extension_after", "deadline", "deadline_after", "counted_from", "validity",
  "ch_truc_tiep", "ch_truc_tuyen", "ch_buu_chinh",
  "neg", "neg_after", "hist", "now", "break",
  "decline", "yes_start", "no_start", "yes_modal", "no_modal", "filler",
  "pick", "pick_strong", "pick_final", "reject", "other", "status", "ended", "modifier", "so", "count",
  "belief", "comply", "in_force", "discourage", "turn", "plain", "yours", "practice", "predict",
  "receive_only", "duty", "general", "hearsay", "correction", "calendar", "office", "guess", "several", "not_this", "rule_source",
  "check_only", "private",
  "variant_new", "variant_again", "variant_exchange", "variant_amend",
};

const char *
cues_class_name (CueClass cls)
{
  return (guint) cls < CUE_N_CLASSES ? class_names[cls] : "?";
}

/* ---- words ------------------------------------------------------------ */

static guint8
gap_flags (const char *norm, gsize from, gsize to)
{
  guint8 g = 0;
  gboolean digits_around = from > 0 && g_ascii_isdigit (norm[from - 1])
                           && g_ascii_isdigit (norm[to]);
  gboolean tight = to - from == 1; /* "15.000", "15,000", "15:30" */
  for (gsize i = from; i < to; i++) {
    switch (norm[i]) {
    case ',': g |= tight && digits_around ? 0 : CUE_GAP_COMMA; break;
    /* "15.000", and "id.vn", "TP.HCM": a dot inside a word ends nothing */
    case '.': g |= tight && (digits_around || g_ascii_isalpha (norm[to]))
                       ? 0 : CUE_GAP_STOP; break;
    case ';': case '!': case '?': g |= CUE_GAP_STOP; break;
    case ':': g |= tight && digits_around ? 0 : CUE_GAP_COLON; break;
    case '*': case '+': g |= CUE_GAP_OPERATOR; break;
    case '=': g |= CUE_GAP_OPERATOR | CUE_GAP_EQUALS; break;
    case '(': g |= CUE_GAP_OPEN; break;
    case ')': g |= CUE_GAP_CLOSE; break;
    case '/': g |= CUE_GAP_SLASH; break;
    default:
      if ((guchar) norm[i] == 0xC3 && (guchar) norm[i + 1] == 0x97)
        g |= CUE_GAP_OPERATOR; /* × */
      break;
    }
  }
  return g;
}

GArray *
cues_words (const char *norm)
{
  GArray *words = g_array_sized_new (FALSE, FALSE, sizeof (CueWord), 32);
  gsize prev_end = 0, i = 0;
  while (norm[i] != '\0' && words->len < G_MAXUINT16) {
    guchar b = (guchar) norm[i];
    gboolean alnum = b < 0x80 ? g_ascii_isalnum (b) : vi_char_alnum_at (norm + i);
    if (!alnum) {
      i += b < 0x80 ? 1 : (gsize) g_utf8_skip[b];
      continue;
    }
    CueWord w = {(guint32) i, 0, gap_flags (norm, prev_end, i)};
    while (norm[i] != '\0') {
      b = (guchar) norm[i];
      if (b < 0x80 ? !g_ascii_isalnum (b) : !vi_char_alnum_at (norm + i))
        break;
      i += b < 0x80 ? 1 : (gsize) g_utf8_skip[b];
    }
    w.end = (guint32) i;
    prev_end = i;
    g_array_append_val (words, w);
  }
  return words;
}

/* ---- the lexicon ------------------------------------------------------ */

typedef struct {
  guint n;        /* words */
  char **words;   /* normalized, n of them */
  guint64 classes[2]; /* bit per CueClass: more than 64 of them */
  char *gloss;    /* the Vietnamese form (gloss lines), normalized */
} Phrase;

/* Open addressing over first words (lexicons hold a few hundred). */
#define LEX_SLOTS 2048

typedef struct {
  char *word;          /* NULL: empty */
  gsize len;
  GPtrArray *phrases;  /* Phrase*, longest first */
} Slot;

typedef struct {
  Slot slot[LEX_SLOTS];
} Lexicon;

static guint32
word_hash (const char *w, gsize n)
{
  guint32 h = 2166136261u;
  for (gsize i = 0; i < n; i++)
    h = (h ^ (guchar) w[i]) * 16777619u;
  return h;
}

static Slot *
lexicon_slot (const Lexicon *lx, const char *w, gsize n)
{
  guint i = word_hash (w, n) & (LEX_SLOTS - 1);
  while (lx->slot[i].word != NULL
         && !(lx->slot[i].len == n && memcmp (lx->slot[i].word, w, n) == 0))
    i = (i + 1) & (LEX_SLOTS - 1);
  return (Slot *) &lx->slot[i];
}

static int
longest_first (gconstpointer a, gconstpointer b)
{
  const Phrase *pa = *(Phrase *const *) a, *pb = *(Phrase *const *) b;
  return (int) pb->n - (int) pa->n;
}

static int
class_of (const char *name)
{
  for (int c = 0; c < CUE_N_CLASSES; c++)
    if (strcmp (name, class_names[c]) == 0)
      return c;
  return -1;
}

/* Adds one phrase (normalized in the mode) for cls, or as a gloss. */
static void
lexicon_add (Lexicon *lx, const char *text, int cls, const char *gloss,
             gboolean lenient)
{
  g_autofree char *norm = normalize_text (text, lenient);
  g_autoptr (GArray) words = cues_words (norm);
  g_assert (words->len > 0); /* cues.tsv is ours: no empty phrase */
  const CueWord *w0 = &g_array_index (words, CueWord, 0);
  Slot *s = lexicon_slot (lx, norm + w0->start, w0->end - w0->start);
  if (s->word == NULL) {
    s->word = g_strndup (norm + w0->start, w0->end - w0->start);
    s->len = w0->end - w0->start;
    s->phrases = g_ptr_array_new ();
  }
  for (guint i = 0; i < s->phrases->len; i++) { /* the same phrase again */
    Phrase *p = s->phrases->pdata[i];
    gboolean same = p->n == words->len && (gloss == NULL) == (p->gloss == NULL);
    for (guint k = 0; same && k < p->n; k++) {
      const CueWord *w = &g_array_index (words, CueWord, k);
      same = strlen (p->words[k]) == w->end - w->start
             && memcmp (p->words[k], norm + w->start, w->end - w->start) == 0;
    }
    if (same && gloss == NULL) {
      p->classes[cls / 64] |= G_GUINT64_CONSTANT (1) << (cls % 64);
      return;
    }
  }
  Phrase *p = g_new0 (Phrase, 1);
  p->n = words->len;
  p->words = g_new0 (char *, p->n + 1);
  for (guint k = 0; k < p->n; k++) {
    const CueWord *w = &g_array_index (words, CueWord, k);
    p->words[k] = g_strndup (norm + w->start, w->end - w->start);
  }
  if (gloss != NULL)
    p->gloss = normalize_text (gloss, lenient);
  else
    p->classes[cls / 64] = G_GUINT64_CONSTANT (1) << (cls % 64);
  g_ptr_array_add (s->phrases, p);
  g_ptr_array_sort (s->phrases, longest_first);
}

/* Chat spellings of "không" (cues.tsv's note): a phrase holding it is
 * added once per spelling. */
static void
lexicon_add_spellings (Lexicon *lx, const char *text, int cls,
                       gboolean lenient)
{
  static const char *const spellings[] = {"ko", "hông", "hok", "hk", "kg", "k"};
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  guint n = g_strv_length (words);
  gboolean has = FALSE;
  for (guint i = 0; i < n; i++)
    has |= strcmp (words[i], "không") == 0;
  for (gsize s = 0; has && s < G_N_ELEMENTS (spellings); s++) {
    if (n < 2 && strcmp (spellings[s], "k") == 0)
      continue;
    g_auto (GStrv) v = g_strdupv (words);
    for (guint i = 0; i < n; i++)
      if (strcmp (v[i], "không") == 0) {
        g_free (v[i]);
        v[i] = g_strdup (spellings[s]);
      }
    g_autofree char *joined = g_strjoinv (" ", v);
    lexicon_add (lx, joined, cls, NULL, lenient);
  }
}

static Lexicon *
lexicon_build (gboolean lenient)
{
  Lexicon *lx = g_new0 (Lexicon, 1);
  g_auto (GStrv) lines = g_strsplit (cues_tsv, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++) {
    if (lines[i][0] == '#' || lines[i][0] == '\0')
      continue;
    g_auto (GStrv) f = g_strsplit (lines[i], "\t", 3);
    if (g_strv_length (f) < 2)
      g_error ("cues.tsv line %u: expected CLASS<TAB>PHRASE", i + 1);
    if (strcmp (f[0], "gloss") == 0) {
      if (f[2] == NULL)
        g_error ("cues.tsv line %u: a gloss needs its Vietnamese form", i + 1);
      lexicon_add (lx, f[1], 0, f[2], lenient);
      continue;
    }
    int cls = class_of (f[0]);
    if (cls < 0)
      g_error ("cues.tsv line %u: unknown class \"%s\"", i + 1, f[0]);
    if (f[2] != NULL && strcmp (f[2], "strict") != 0)
      g_error ("cues.tsv line %u: unknown flag \"%s\"", i + 1, f[2]);
    if (f[2] != NULL && lenient)
      continue; /* its unaccented form is another word's */
    lexicon_add (lx, f[1], cls, NULL, lenient);
    lexicon_add_spellings (lx, f[1], cls, lenient);
  }
  return lx;
}

static const Lexicon *
lexicon (gboolean lenient)
{
  static Lexicon *lx[2];
  static gsize once[2];
  int m = lenient ? 1 : 0;
  if (g_once_init_enter (&once[m])) {
    lx[m] = lexicon_build (lenient);
    g_once_init_leave (&once[m], 1);
  }
  return lx[m];
}

/* ---- finding cues ------------------------------------------------------- */

static gboolean
phrase_at (const Phrase *p, const char *norm, const GArray *words, guint i)
{
  if (i + p->n > words->len)
    return FALSE;
  for (guint k = 1; k < p->n; k++) {
    const CueWord *w = &g_array_index (words, CueWord, i + k);
    gsize n = w->end - w->start;
    if (strlen (p->words[k]) != n || memcmp (p->words[k], norm + w->start, n))
      return FALSE;
    /* a phrase is said in one breath: not across an arrow, a dash or a
     * stop ("địa chỉ → đúng" is no "chỉ đúng") */
    const CueWord *prev = &g_array_index (words, CueWord, i + k - 1);
    for (gsize b = prev->end; b < w->start; b++)
      if (norm[b] != ' ' && norm[b] != '\'' && norm[b] != ',')
        return FALSE;
  }
  return TRUE;
}

static const GPtrArray *
phrases_starting (const Lexicon *lx, const char *norm, const CueWord *w)
{
  const Slot *s = lexicon_slot (lx, norm + w->start, w->end - w->start);
  return s->word ? s->phrases : NULL;
}

/* "2 kg", "15 k": a unit after a number, not a chat "không". */
static gboolean
unit_after_number (const char *norm, const GArray *words, guint i)
{
  const CueWord *w = &g_array_index (words, CueWord, i);
  gsize n = w->end - w->start;
  if (i == 0 || !((n == 2 && memcmp (norm + w->start, "kg", 2) == 0)
                  || (n == 1 && norm[w->start] == 'k')))
    return FALSE;
  const CueWord *prev = &g_array_index (words, CueWord, i - 1);
  return g_ascii_isdigit (norm[prev->end - 1]);
}

/* Unaccented "nay" after a word with no break ("thu tuc nay do so …")
 * is "này" (this), not "nay" (now): now opens a clause (", nay …") or
 * follows "từ", "hiện", "đến", "ngày", "cho", "và", "mà", "nhưng", "thì". */
static gboolean
folded_this (const char *norm, const GArray *words, guint i, gboolean lenient)
{
  static const char *const before_now[] = {"tu", "hien", "den", "ngay", "cho",
                                           "va", "ma", "nhung", "thi"};
  const CueWord *w = &g_array_index (words, CueWord, i);
  if (!lenient || i == 0 || w->gap || w->end - w->start != 3
      || memcmp (norm + w->start, "nay", 3) != 0)
    return FALSE;
  const CueWord *prev = &g_array_index (words, CueWord, i - 1);
  for (gsize k = 0; k < G_N_ELEMENTS (before_now); k++)
    if (prev->end - prev->start == strlen (before_now[k])
        && memcmp (norm + prev->start, before_now[k], strlen (before_now[k])) == 0)
      return FALSE;
  return TRUE;
}

/* Whether word w of norm is text. */
static gboolean
word_eq (const char *norm, const CueWord *w, const char *text)
{
  gsize n = strlen (text);
  return (gsize) (w->end - w->start) == n && memcmp (norm + w->start, text, n) == 0;
}

/* "cán bộ tư pháp" (a justice officer), not "Bộ Tư pháp": the office's
 * "bộ" is the officer's. */
static gboolean
officer_before (const char *norm, const GArray *words, guint i)
{
  if (i == 0)
    return FALSE;
  const CueWord *w = &g_array_index (words, CueWord, i);
  const CueWord *prev = &g_array_index (words, CueWord, i - 1);
  return !w->gap && (word_eq (norm, w, "bộ") || word_eq (norm, w, "bo"))
         && (word_eq (norm, prev, "cán") || word_eq (norm, prev, "can"));
}

GArray *
cues_find (const char *norm, const GArray *words, gboolean lenient)
{
  const Lexicon *lx = lexicon (lenient);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (CueHit));
  guint covered = 0; /* the end of the longest cue so far */
  for (guint i = 0; i < words->len; i++) {
    const CueWord *w = &g_array_index (words, CueWord, i);
    const GPtrArray *ph = phrases_starting (lx, norm, w);
    if (ph == NULL || unit_after_number (norm, words, i)
        || folded_this (norm, words, i, lenient))
      continue;
    guint longest = 0;
    for (guint k = 0; k < ph->len; k++) {
      const Phrase *p = ph->pdata[k];
      if ((p->classes[0] | p->classes[1]) == 0
          || (longest && p->n < longest)
          || !phrase_at (p, norm, words, i))
        continue;
      /* an office's name ("Bộ Khoa học và Công nghệ") is read beside the
       * cues inside it, not instead of them */
      gboolean office_only
          = p->classes[CUE_OFFICE / 64] == G_GUINT64_CONSTANT (1) << (CUE_OFFICE % 64)
            && p->classes[1 - CUE_OFFICE / 64] == 0;
      /* a cue inside a longer one is part of it: "tiền" in "phạt tiền",
       * "còn" in "không còn" */
      if (!office_only && i + p->n <= covered)
        break;
      if (office_only && officer_before (norm, words, i))
        continue;
      if (!office_only)
        longest = p->n;
      for (int c = 0; c < CUE_N_CLASSES; c++)
        if (p->classes[c / 64] >> (c % 64) & 1) {
          CueHit h = {(guint8) c, (guint16) i, (guint16) (i + p->n)};
          g_array_append_val (hits, h);
        }
    }
    if (longest && i + longest > covered)
      covered = i + longest;
  }
  return hits;
}

gboolean
cues_gloss (const char *norm, const GArray *words, gboolean lenient,
            GString *out)
{
  const Lexicon *lx = lexicon (lenient);
  gboolean found = FALSE;
  gsize copied = 0; /* bytes of norm written so far */
  for (guint i = 0; i < words->len;) {
    const CueWord *w = &g_array_index (words, CueWord, i);
    const GPtrArray *ph = phrases_starting (lx, norm, w);
    guint step = 1;
    for (guint k = 0; ph && k < ph->len; k++) {
      const Phrase *p = ph->pdata[k];
      if (p->gloss == NULL || !phrase_at (p, norm, words, i))
        continue;
      /* the English words in place, so "not by the Department of
       * Justice" keeps its "not" */
      g_string_append_len (out, norm + copied, (gssize) (w->start - copied));
      g_string_append (out, p->gloss);
      copied = g_array_index (words, CueWord, i + p->n - 1).end;
      found = TRUE;
      step = p->n;
      break;
    }
    i += step;
  }
  if (found)
    g_string_append (out, norm + copied);
  return found;
}
