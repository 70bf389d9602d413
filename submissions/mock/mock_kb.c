/* Knowledge base of the mock assistant and syllable-overlap retrieval.
 *
 * Why overlap and not embeddings: the mock must be a deterministic, fast,
 * dependency-free stand-in whose failure modes are easy to explain — the
 * exact profile fails on missing diacritics because its syllables differ,
 * the fuzzy one survives because they are folded first. */
#include "submissions/mock/mock_kb.h"

#include "scoring/vi_syllable.h"
#include "util/jsonl.h"

#include <math.h>
#include <string.h>

/* clang-format off */
G_DEFINE_QUARK (vabench-mock-kb-error-quark, mock_kb_error)
/* clang-format on */

/* A key (title or alias) must be covered this much by the question. Chosen
 * so that a key's rare syllables alone win, common ones alone do not. */
#define KB_THRESHOLD 0.6
#define KB_N_MODES 2

/* A retrieval key (title or alias) as vocabulary ids per MockKbMatch, with
 * each syllable's weight and the key's full weight (syllables + pairs). */
typedef struct {
  guint *ids[KB_N_MODES];
  double *w[KB_N_MODES];
  guint n[KB_N_MODES];
  double total[KB_N_MODES];
  guint record; /* index into records */
} KbKey;

/* Syllables are interned so that scoring a question against ~200 keys is
 * integer work: the question is turned once into a set of matched ids and
 * a set of matched adjacent pairs. */
typedef struct {
  GHashTable *ids; /* syllable → id + 1 */
  GPtrArray *word; /* id → syllable (owned) */
  GArray *df;      /* id → number of records using it (guint) */
} KbVocab;

struct _MockKb {
  GPtrArray *records; /* MockKbRecord* */
  GHashTable *by_id;  /* id → MockKbRecord* (borrowed) */
  GPtrArray *keys;    /* KbKey* */
  KbVocab vocab[KB_N_MODES];
};

/* Chat and administrative abbreviations, written diacritic-free because the
 * fuzzy path expands them after folding (DOMAIN.md §4). "bn" is ambiguous
 * (bạn / bao nhiêu); in questions to an assistant "bao nhiêu" dominates. */
static const struct {
  const char *abbr, *full;
} kb_abbrevs[] = {
  { "ko", "khong" },
  { "k", "khong" },
  { "kh", "khong" },
  { "khum", "khong" },
  { "hok", "khong" },
  { "dc", "duoc" },
  { "j", "gi" },
  { "vs", "voi" },
  { "bn", "bao nhieu" },
  { "ntn", "nhu the nao" },
  { "mn", "moi nguoi" },
  { "ubnd", "uy ban nhan dan" },
  { "cccd", "can cuoc cong dan" },
  { "cmnd", "chung minh nhan dan" },
  { "kd", "kinh doanh" },
  { "dkkd", "dang ki kinh doanh" },
  { "dk", "dang ki" },
  { "tthc", "thu tuc hanh chinh" },
  { "gplx", "giay phep lai xe" },
  { "dvc", "dich vu cong" },
  { "lltp", "li lich tu phap" },
};

/* Diacritic-free syllables that every question is full of ("bao lâu",
 * "thì sao"): folded, they collide with KB words (bao/báo), so in the fuzzy
 * mode they weigh a quarter. */
static const char *const kb_question_words[] = {
  "bao", "nhieu", "lau", "gi", "nao", "dau", "khong", "the", "thi", "co",
  "la", "o", "duoc", "ai", "sao", "may", "can", "lam", "nhu", "cho", "toi",
  "va", "voi", "con", "nay", NULL,
};

static void
kb_channel_free (gpointer p)
{
  MockKbChannel *c = p;
  g_free (c->channel);
  g_free (c->time);
  g_free (c->fee);
  g_free (c);
}

static void
kb_record_free (gpointer p)
{
  MockKbRecord *r = p;
  g_free (r->id);
  g_free (r->kind);
  g_free (r->category);
  g_free (r->title);
  g_strfreev (r->aliases);
  g_free (r->agency);
  g_ptr_array_unref (r->channels);
  g_strfreev (r->dossier);
  g_strfreev (r->legal_basis);
  g_free (r->text);
  g_free (r->notes);
  g_free (r);
}

static void
kb_key_free (gpointer p)
{
  KbKey *k = p;
  for (guint m = 0; m < KB_N_MODES; m++) {
    g_free (k->ids[m]);
    g_free (k->w[m]);
  }
  g_free (k);
}

void
mock_kb_free (MockKb *kb)
{
  if (kb == NULL)
    return;
  g_ptr_array_unref (kb->keys);
  g_hash_table_unref (kb->by_id);
  g_ptr_array_unref (kb->records);
  for (guint m = 0; m < KB_N_MODES; m++) {
    g_hash_table_unref (kb->vocab[m].ids);
    g_ptr_array_unref (kb->vocab[m].word);
    g_array_unref (kb->vocab[m].df);
  }
  g_free (kb);
}

/* ---- syllables ---------------------------------------------------------- */

/* Splits NFC, case-folded text into runs of letters and digits. */
static GPtrArray *
kb_split_words (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (nfc ? nfc : valid, -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) cur = g_string_new (NULL);
  for (const char *p = folded; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (g_unichar_isalnum (c) || g_unichar_ismark (c)) {
      g_string_append_unichar (cur, c);
      continue;
    }
    if (cur->len > 0)
      g_ptr_array_add (words, g_strdup (cur->str));
    g_string_truncate (cur, 0);
  }
  if (cur->len > 0)
    g_ptr_array_add (words, g_strdup (cur->str));
  return words;
}

/* kí/ký, lí/lý are the same word (DOMAIN.md §4): after folding, a final y
 * that follows a consonant becomes i. */
static void
kb_fold_final_y (char *w)
{
  gsize n = strlen (w);
  if (n >= 2 && w[n - 1] == 'y' && strchr ("aeiouy", w[n - 2]) == NULL)
    w[n - 1] = 'i';
}

static void
kb_add_fuzzy (GPtrArray *out, const char *word)
{
  g_autofree char *stripped = vi_syllable_strip (word, FALSE);
  /* Ð/ð look-alikes typed for Đ survive stripping; fold them by hand. */
  g_autoptr (GString) s = g_string_new (stripped);
  g_string_replace (s, "ð", "d", 0);
  char *w = s->str;
  kb_fold_final_y (w);
  for (gsize i = 0; i < G_N_ELEMENTS (kb_abbrevs); i++) {
    if (strcmp (w, kb_abbrevs[i].abbr) != 0)
      continue;
    g_auto (GStrv) parts = g_strsplit (kb_abbrevs[i].full, " ", -1);
    for (guint j = 0; parts[j]; j++)
      g_ptr_array_add (out, g_strdup (parts[j]));
    return;
  }
  g_ptr_array_add (out, g_string_free (g_steal_pointer (&s), FALSE));
}

char **
mock_kb_syllables (const char *text, MockKbMatch match)
{
  g_autoptr (GPtrArray) words = kb_split_words (text ? text : "");
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < words->len; i++) {
    if (match == MOCK_KB_EXACT)
      g_ptr_array_add (out, g_strdup (words->pdata[i]));
    else
      kb_add_fuzzy (out, words->pdata[i]);
  }
  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_free (out, FALSE);
}

/* Levenshtein distance ≤ 1, bytewise: a slip inside a multi-byte letter
 * counts as more, which only makes the tolerance stricter. */
static gboolean
kb_one_edit (const char *a, const char *b)
{
  gsize na = strlen (a), nb = strlen (b);
  if (na < nb)
    return kb_one_edit (b, a);
  if (na - nb > 1)
    return FALSE;
  gsize i = 0;
  while (i < nb && a[i] == b[i])
    i++;
  if (na == nb)
    return strcmp (a + i + 1, b + i + 1) == 0;
  return strcmp (a + i + 1, b + i) == 0;
}

gboolean
mock_kb_syllable_eq (const char *a, const char *b, MockKbMatch match)
{
  if (strcmp (a, b) == 0)
    return TRUE;
  if (match == MOCK_KB_EXACT || strlen (a) < 3 || strlen (b) < 3)
    return FALSE;
  /* Digits are amounts or numbers: a typo there is another number. */
  if (g_ascii_isdigit (a[0]) || g_ascii_isdigit (b[0]))
    return FALSE;
  return kb_one_edit (a, b);
}

/* ---- loading ------------------------------------------------------------ */

static gboolean
kb_dup_string (const cJSON *obj, const char *field, gboolean optional,
               char **out, GError **error)
{
  const cJSON *item = cJSON_GetObjectItemCaseSensitive (obj, field);
  if (optional && cJSON_IsNull (item)) {
    *out = NULL;
    return TRUE;
  }
  const char *s = NULL;
  if (!jsonl_get_string (obj, field, optional, &s, error))
    return FALSE;
  *out = g_strdup (s);
  return TRUE;
}

static gboolean
kb_strv (const cJSON *obj, const char *field, char ***out, GError **error)
{
  char **v = NULL;
  if (!jsonl_get_strv (obj, field, TRUE, &v, error))
    return FALSE;
  *out = v ? v : g_new0 (char *, 1);
  return TRUE;
}

static gboolean
kb_parse_channels (const cJSON *obj, GPtrArray *out, GError **error)
{
  const cJSON *arr = NULL;
  if (!jsonl_get_array (obj, "channels", TRUE, &arr, error))
    return FALSE;
  const cJSON *c = NULL;
  cJSON_ArrayForEach (c, arr)
  {
    g_autofree MockKbChannel *ch = g_new0 (MockKbChannel, 1);
    if (!cJSON_IsObject (c)
        || !kb_dup_string (c, "channel", TRUE, &ch->channel, error)
        || !kb_dup_string (c, "time", TRUE, &ch->time, error)
        || !kb_dup_string (c, "fee", TRUE, &ch->fee, error)) {
      kb_channel_free (g_steal_pointer (&ch));
      if (error && *error == NULL)
        g_set_error (error, JSONL_ERROR, JSONL_ERROR_TYPE,
                     "field \"channels\": items must be objects");
      return FALSE;
    }
    g_ptr_array_add (out, g_steal_pointer (&ch));
  }
  return TRUE;
}

static MockKbRecord *
kb_parse_record (const cJSON *obj, GError **error)
{
  MockKbRecord *r = g_new0 (MockKbRecord, 1);
  r->channels = g_ptr_array_new_with_free_func (kb_channel_free);
  const char *conf = NULL;
  if (!kb_dup_string (obj, "id", FALSE, &r->id, error)
      || !kb_dup_string (obj, "kind", FALSE, &r->kind, error)
      || !kb_dup_string (obj, "category", TRUE, &r->category, error)
      || !kb_dup_string (obj, "title", FALSE, &r->title, error)
      || !kb_strv (obj, "aliases", &r->aliases, error)
      || !kb_dup_string (obj, "agency", TRUE, &r->agency, error)
      || !kb_parse_channels (obj, r->channels, error)
      || !kb_strv (obj, "dossier", &r->dossier, error)
      || !kb_strv (obj, "legal_basis", &r->legal_basis, error)
      || !kb_dup_string (obj, "text", TRUE, &r->text, error)
      || !kb_dup_string (obj, "notes", TRUE, &r->notes, error)
      || !jsonl_get_string (obj, "confidence", TRUE, &conf, error)) {
    kb_record_free (r);
    return NULL;
  }
  r->hedged = conf != NULL && strcmp (conf, "src") != 0;
  return r;
}

static guint
kb_intern (KbVocab *v, const char *syl)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (v->ids, syl));
  if (id > 0)
    return id - 1;
  char *copy = g_strdup (syl);
  g_ptr_array_add (v->word, copy);
  guint zero = 0;
  g_array_append_val (v->df, zero);
  g_hash_table_insert (v->ids, copy, GUINT_TO_POINTER (v->word->len));
  return v->word->len - 1;
}

static void
kb_add_key (MockKb *kb, const char *text, guint record, GHashTable *seen[])
{
  KbKey *k = g_new0 (KbKey, 1);
  k->record = record;
  for (guint m = 0; m < KB_N_MODES; m++) {
    g_auto (GStrv) syl = mock_kb_syllables (text, (MockKbMatch) m);
    k->n[m] = g_strv_length (syl);
    k->ids[m] = g_new0 (guint, k->n[m] + 1);
    k->w[m] = g_new0 (double, k->n[m] + 1);
    for (guint i = 0; i < k->n[m]; i++) {
      k->ids[m][i] = kb_intern (&kb->vocab[m], syl[i]);
      g_hash_table_add (seen[m], GUINT_TO_POINTER (k->ids[m][i] + 1));
    }
  }
  g_ptr_array_add (kb->keys, k);
}

/* Indexes title and aliases of record i; a syllable counts once per record
 * for the document frequency. */
static void
kb_index_record (MockKb *kb, guint i)
{
  const MockKbRecord *r = kb->records->pdata[i];
  GHashTable *seen[KB_N_MODES];
  for (guint m = 0; m < KB_N_MODES; m++)
    seen[m] = g_hash_table_new (NULL, NULL);
  kb_add_key (kb, r->title, i, seen);
  for (guint a = 0; r->aliases[a]; a++)
    kb_add_key (kb, r->aliases[a], i, seen);
  for (guint m = 0; m < KB_N_MODES; m++) {
    GHashTableIter it;
    gpointer id;
    g_hash_table_iter_init (&it, seen[m]);
    while (g_hash_table_iter_next (&it, &id, NULL))
      g_array_index (kb->vocab[m].df, guint, GPOINTER_TO_UINT (id) - 1)++;
    g_hash_table_unref (seen[m]);
  }
}

/* Rare syllables weigh more (IDF over records); a pair weighs the mean of
 * its two syllables. */
static void
kb_weigh_keys (MockKb *kb)
{
  double n = kb->records->len;
  for (guint i = 0; i < kb->keys->len; i++) {
    KbKey *k = kb->keys->pdata[i];
    for (guint m = 0; m < KB_N_MODES; m++) {
      k->total[m] = 0;
      for (guint j = 0; j < k->n[m]; j++) {
        guint df = g_array_index (kb->vocab[m].df, guint, k->ids[m][j]);
        k->w[m][j] = log (1.0 + n / MAX (df, 1));
        const char *word = kb->vocab[m].word->pdata[k->ids[m][j]];
        if (m == MOCK_KB_FUZZY
            && g_strv_contains (kb_question_words, word))
          k->w[m][j] /= 4;
        k->total[m] += k->w[m][j];
        if (j > 0)
          k->total[m] += (k->w[m][j - 1] + k->w[m][j]) / 2;
      }
    }
  }
}

static gboolean
kb_on_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  MockKb *kb = user;
  MockKbRecord *r = kb_parse_record (obj, error);
  if (r == NULL)
    return FALSE;
  if (g_hash_table_contains (kb->by_id, r->id)) {
    g_set_error (error, MOCK_KB_ERROR, MOCK_KB_ERROR_DUPLICATE,
                 "field \"id\": duplicate id \"%s\"", r->id);
    kb_record_free (r);
    return FALSE;
  }
  g_ptr_array_add (kb->records, r);
  g_hash_table_insert (kb->by_id, r->id, r);
  return TRUE;
}

MockKb *
mock_kb_load (const char *path, GError **error)
{
  g_autoptr (MockKb) kb = g_new0 (MockKb, 1);
  kb->records = g_ptr_array_new_with_free_func (kb_record_free);
  kb->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  kb->keys = g_ptr_array_new_with_free_func (kb_key_free);
  for (guint m = 0; m < KB_N_MODES; m++) {
    kb->vocab[m].ids = g_hash_table_new (g_str_hash, g_str_equal);
    kb->vocab[m].word = g_ptr_array_new_with_free_func (g_free);
    kb->vocab[m].df = g_array_new (FALSE, TRUE, sizeof (guint));
  }
  if (!jsonl_read_file (path, kb_on_line, kb, NULL, error))
    return NULL;
  for (guint i = 0; i < kb->records->len; i++)
    kb_index_record (kb, i);
  kb_weigh_keys (kb);
  return g_steal_pointer (&kb);
}

guint
mock_kb_size (const MockKb *kb)
{
  return kb->records->len;
}

const MockKbRecord *
mock_kb_record (const MockKb *kb, guint i)
{
  g_return_val_if_fail (i < kb->records->len, NULL);
  return kb->records->pdata[i];
}

const MockKbRecord *
mock_kb_lookup (const MockKb *kb, const char *id)
{
  return id ? g_hash_table_lookup (kb->by_id, id) : NULL;
}

/* ---- search ------------------------------------------------------------- */

/* What a question matched: per vocabulary id and per adjacent id pair a
 * credit, 2 for the syllable as typed, 1 for a typo of it (weaker
 * evidence, so a slip counts half). */
typedef struct {
  guint8 *credit;    /* per vocabulary id */
  GHashTable *pairs; /* (a * V + b + 1) → credit, as pointers */
} KbQuery;

/* Ids a question syllable stands for: itself if it is a KB word (then it
 * is taken as meant: "còn" is not "căn" misspelt), else, in fuzzy mode,
 * every KB word one edit away. *credit receives 2 or 1. */
static GArray *
kb_matches (const KbVocab *v, const char *syl, MockKbMatch m, guint8 *credit)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (v->ids, syl));
  *credit = 2;
  if (id > 0) {
    id--;
    g_array_append_val (ids, id);
    return ids;
  }
  *credit = 1;
  if (m == MOCK_KB_EXACT)
    return ids;
  for (guint i = 0; i < v->word->len; i++)
    if (mock_kb_syllable_eq (syl, v->word->pdata[i], m))
      g_array_append_val (ids, i);
  return ids;
}

static void
kb_query_pairs (KbQuery *q, gsize nv, GArray *prev, guint8 prev_credit,
                GArray *cur, guint8 credit)
{
  guint8 c = MIN (prev_credit, credit);
  for (guint a = 0; a < prev->len; a++)
    for (guint b = 0; b < cur->len; b++) {
      gsize key = g_array_index (prev, guint, a) * nv
                  + g_array_index (cur, guint, b) + 1;
      guint old = GPOINTER_TO_UINT (
          g_hash_table_lookup (q->pairs, GSIZE_TO_POINTER (key)));
      if (c > old)
        g_hash_table_insert (q->pairs, GSIZE_TO_POINTER (key),
                             GUINT_TO_POINTER (c));
    }
}

static void
kb_query_init (KbQuery *q, const KbVocab *v, char **syl, MockKbMatch m)
{
  gsize nv = v->word->len;
  q->credit = g_new0 (guint8, nv);
  q->pairs = g_hash_table_new (NULL, NULL);
  GArray *prev = NULL;
  guint8 prev_credit = 0;
  for (guint j = 0; syl[j]; j++) {
    guint8 credit = 0;
    GArray *cur = kb_matches (v, syl[j], m, &credit);
    for (guint a = 0; a < cur->len; a++) {
      guint id = g_array_index (cur, guint, a);
      q->credit[id] = MAX (q->credit[id], credit);
    }
    if (prev) {
      kb_query_pairs (q, nv, prev, prev_credit, cur, credit);
      g_array_unref (prev);
    }
    prev = cur;
    prev_credit = credit;
  }
  if (prev)
    g_array_unref (prev);
}

static void
kb_query_clear (KbQuery *q)
{
  g_free (q->credit);
  g_hash_table_unref (q->pairs);
}

/* Share of the key's weight found in the question; *mass receives the
 * matched weight, the tie-breaker between full matches (a longer key that
 * matched wholly is more specific). */
static double
kb_key_coverage (const KbKey *key, const KbQuery *q, gsize nv, MockKbMatch m,
                 double *mass)
{
  const guint *ids = key->ids[m];
  const double *w = key->w[m];
  double got = 0;
  for (guint i = 0; i < key->n[m]; i++) {
    got += w[i] * q->credit[ids[i]] / 2;
    if (i == 0)
      continue;
    gsize pair = ids[i - 1] * nv + ids[i] + 1;
    guint c = GPOINTER_TO_UINT (
        g_hash_table_lookup (q->pairs, GSIZE_TO_POINTER (pair)));
    got += (w[i - 1] + w[i]) / 2 * c / 2;
  }
  *mass = got;
  return key->total[m] > 0 ? got / key->total[m] : 0;
}

static void
kb_search_syllables (const MockKb *kb, char **syl, MockKbMatch m,
                     double *best, double *best_mass, gint *best_rec)
{
  KbQuery q;
  kb_query_init (&q, &kb->vocab[m], syl, m);
  gsize nv = kb->vocab[m].word->len;
  for (guint i = 0; i < kb->keys->len; i++) {
    const KbKey *key = kb->keys->pdata[i];
    double mass = 0;
    double cov = kb_key_coverage (key, &q, nv, m, &mass);
    gboolean better = cov > *best + 1e-9
                      || (cov > *best - 1e-9 && mass > *best_mass + 1e-9);
    if (!better)
      continue;
    *best = cov;
    *best_mass = mass;
    *best_rec = (gint) key->record;
  }
  kb_query_clear (&q);
}

const MockKbRecord *
mock_kb_search (const MockKb *kb, const char *question, MockKbMatch match,
                double *score)
{
  /* The fuzzy profile also reads the question as Telex and as VNI residue;
   * a clean question decodes to itself, so the best reading wins. */
  const char *q = question ? question : "";
  g_autoptr (GPtrArray) readings = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (readings, g_strdup (q));
  if (match == MOCK_KB_FUZZY) {
    char *telex = vi_syllable_decode_keys (q, VI_KEYS_TELEX);
    char *vni = vi_syllable_decode_keys (q, VI_KEYS_VNI);
    g_ptr_array_add (readings, telex);
    if (strcmp (vni, q) != 0 && strcmp (vni, telex) != 0)
      g_ptr_array_add (readings, vni);
    else
      g_free (vni);
  }
  double best = 0, best_mass = 0;
  gint best_rec = -1;
  for (guint i = 0; i < readings->len; i++) {
    if (i > 0 && strcmp (readings->pdata[i], q) == 0)
      continue;
    g_auto (GStrv) syl = mock_kb_syllables (readings->pdata[i], match);
    kb_search_syllables (kb, syl, match, &best, &best_mass, &best_rec);
  }
  if (score)
    *score = best;
  if (best_rec < 0 || best < KB_THRESHOLD)
    return NULL;
  return kb->records->pdata[best_rec];
}
