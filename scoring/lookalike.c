#include "scoring/lookalike.h"

#include <string.h>

#include "rundir/run_manifest.h"
#include "scoring/normalize.h"

typedef struct {
  guint sub;
  guint64 sim, exact;
  const char *quote; /* the answer's opening (a Print's), NULL for a
                      * hidden set's */
  gsize len;   /* the answer's length, to keep the longest examples */
} Entry;

typedef struct {
  char *testset, *item, *variant, *quote_a, *quote_b;
  gsize len;
} Example;

typedef struct {
  guint a, b; /* a < b: submission indices */
  guint compared, near;
  Example ex[LOOKALIKE_EXAMPLES];
  guint n_ex;
} Pair;

struct _Lookalike {
  GPtrArray *ids;      /* submission ids (owned), contest order first */
  GHashTable *index;   /* id (borrowed from ids) → index + 1 */
  /* Pair* of submissions a < b at [a * cap + b], NULL until compared:
   * 40 submissions make 780 pairs per question, looked up millions of
   * times on a contest log, so an index rather than a hash */
  Pair **pairs;
  guint cap;
  /* the group of records of one question being read */
  char *testset, *item, *variant;
  GArray *group;       /* Entry */
  /* text → its Print: contests repeat answers (a backend shared by
   * several submissions, a retrieval bot's one text for every variant),
   * and the phrase form is nearly all of this module's time */
  GHashTable *prints;
  gsize print_bytes;
};

typedef struct {
  guint64 sim, exact;
  char *quote; /* the text's opening, as quote_of gives it */
  gsize len;
} Print;

/* Past this much text remembered the prints start again: a bound, not
 * an expected size (a 34-province contest repeats within an item). */
#define PRINTS_MAX_BYTES ((gsize) 64 << 20)

static void
example_clear (Example *e)
{
  g_free (e->testset);
  g_free (e->item);
  g_free (e->variant);
  g_free (e->quote_a);
  g_free (e->quote_b);
  memset (e, 0, sizeof *e);
}

static void
pair_free (gpointer p)
{
  Pair *pr = p;
  for (guint i = 0; i < pr->n_ex; i++)
    example_clear (&pr->ex[i]);
  g_free (pr);
}

static void
print_free (gpointer p)
{
  Print *pr = p;
  g_free (pr->quote);
  g_free (pr);
}

/* Room for the pairs of n submissions, the ones known kept. */
static void
pairs_reserve (Lookalike *l, guint n)
{
  if (n <= l->cap)
    return;
  guint cap = MAX (n, l->cap * 2);
  Pair **grown = g_new0 (Pair *, (gsize) cap * cap);
  for (guint a = 0; a < l->cap; a++)
    memcpy (grown + (gsize) a * cap, l->pairs + (gsize) a * l->cap,
            l->cap * sizeof (Pair *));
  g_free (l->pairs);
  l->pairs = grown;
  l->cap = cap;
}

static guint
sub_index (Lookalike *l, const char *id)
{
  gpointer v = g_hash_table_lookup (l->index, id);
  if (v)
    return GPOINTER_TO_UINT (v) - 1;
  char *own = g_strdup (id);
  g_ptr_array_add (l->ids, own);
  g_hash_table_insert (l->index, own, GUINT_TO_POINTER (l->ids->len));
  pairs_reserve (l, l->ids->len);
  return l->ids->len - 1;
}

Lookalike *
lookalike_new (const GArray *submissions)
{
  Lookalike *l = g_new0 (Lookalike, 1);
  l->ids = g_ptr_array_new_with_free_func (g_free);
  l->index = g_hash_table_new (g_str_hash, g_str_equal);
  l->group = g_array_new (FALSE, TRUE, sizeof (Entry));
  l->prints = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     print_free);
  for (guint i = 0; submissions && i < submissions->len; i++)
    (void) sub_index (l, g_array_index (submissions, RunSubmission, i).id);
  return l;
}

static void
group_clear (Lookalike *l)
{
  g_array_set_size (l->group, 0);
  g_clear_pointer (&l->testset, g_free);
  g_clear_pointer (&l->item, g_free);
  g_clear_pointer (&l->variant, g_free);
}

void
lookalike_free (Lookalike *l)
{
  if (l == NULL)
    return;
  group_clear (l);
  g_array_unref (l->group);
  for (gsize i = 0; i < (gsize) l->cap * l->cap; i++)
    if (l->pairs[i] != NULL)
      pair_free (l->pairs[i]);
  g_free (l->pairs);
  g_hash_table_unref (l->prints);
  g_hash_table_unref (l->index);
  g_ptr_array_unref (l->ids);
  g_free (l);
}

static guint64
fnv1a (const char *s, gsize n)
{
  guint64 h = 0xcbf29ce484222325ULL;
  for (gsize i = 0; i < n; i++)
    h = (h ^ (guchar) s[i]) * 0x100000001b3ULL;
  return h;
}

/* SimHash over the phrase form's word pairs (a lone word counts alone):
 * each feature votes on every bit; near-identical texts share most
 * features, so most votes and bits (Charikar 2002). */
static guint64
simhash_phrase (const char *phrase)
{
  gint votes[64] = { 0 };
  const char *prev = NULL, *w = phrase;
  gsize prev_len = 0;
  guint features = 0;
  for (;;) {
    while (*w == ' ')
      w++;
    if (*w == '\0')
      break;
    const char *end = strchr (w, ' ');
    gsize len = end ? (gsize) (end - w) : strlen (w);
    if (prev != NULL) {
      /* prev and w with the single space between them */
      guint64 h = fnv1a (prev, (gsize) (w - prev) + len);
      for (int b = 0; b < 64; b++)
        votes[b] += (h >> b) & 1 ? 1 : -1;
      features++;
    }
    prev = w;
    prev_len = len;
    w += len;
  }
  if (features == 0 && prev != NULL) {
    guint64 h = fnv1a (prev, prev_len);
    for (int b = 0; b < 64; b++)
      votes[b] += (h >> b) & 1 ? 1 : -1;
  }
  guint64 sim = 0;
  for (int b = 0; b < 64; b++)
    if (votes[b] > 0)
      sim |= G_GUINT64_CONSTANT (1) << b;
  return sim;
}

guint64
lookalike_simhash (const char *text)
{
  g_autofree char *phrase = normalize_phrase_of (text, FALSE);
  return simhash_phrase (phrase);
}

static gboolean
near (const Entry *x, const Entry *y)
{
  return x->exact == y->exact
         || __builtin_popcountll (x->sim ^ y->sim) <= LOOKALIKE_MAX_BITS;
}

static Pair *
pair_of (Lookalike *l, guint a, guint b)
{
  Pair **slot = &l->pairs[(gsize) a * l->cap + b];
  if (*slot == NULL) {
    *slot = g_new0 (Pair, 1);
    (*slot)->a = a;
    (*slot)->b = b;
  }
  return *slot;
}

/* Keeps the LOOKALIKE_EXAMPLES longest near-identical public answers:
 * a shared long answer says more than a shared "Xin chào". */
static void
offer_example (Lookalike *l, Pair *p, const Entry *x, const Entry *y)
{
  if (x->quote == NULL || y->quote == NULL)
    return;
  gsize len = MIN (x->len, y->len);
  guint slot = p->n_ex;
  if (slot == LOOKALIKE_EXAMPLES) {
    slot = 0;
    for (guint i = 1; i < p->n_ex; i++)
      if (p->ex[i].len < p->ex[slot].len)
        slot = i;
    if (p->ex[slot].len >= len)
      return;
    example_clear (&p->ex[slot]);
  } else
    p->n_ex++;
  Example *e = &p->ex[slot];
  e->testset = g_strdup (l->testset);
  e->item = g_strdup (l->item);
  e->variant = g_strdup (l->variant);
  gboolean ab = x->sub == p->a;
  e->quote_a = g_strdup (ab ? x->quote : y->quote);
  e->quote_b = g_strdup (ab ? y->quote : x->quote);
  e->len = len;
}

/* Compares every two answers of the question just read. */
static void
flush (Lookalike *l)
{
  for (guint i = 0; i < l->group->len; i++)
    for (guint j = i + 1; j < l->group->len; j++) {
      const Entry *x = &g_array_index (l->group, Entry, i);
      const Entry *y = &g_array_index (l->group, Entry, j);
      if (x->sub == y->sub)
        continue;
      Pair *p = pair_of (l, MIN (x->sub, y->sub), MAX (x->sub, y->sub));
      p->compared++;
      if (near (x, y)) {
        p->near++;
        offer_example (l, p, x, y);
      }
    }
  group_clear (l);
}

/* The answers of a record's turns, one per line, as given (bytes up to
 * a NUL). NULL when no turn was answered. */
static char *
record_text (const ScoreRecord *rec)
{
  GString *t = NULL;
  for (guint i = 0; i < rec->n_turns; i++) {
    const char *a = rec->turns[i].answer;
    if (a == NULL)
      continue;
    if (t == NULL)
      t = g_string_new (NULL);
    else
      g_string_append_c (t, '\n');
    g_string_append (t, a);
  }
  return t ? g_string_free (t, FALSE) : NULL;
}

static char *
quote_of (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (valid, -1) <= LOOKALIKE_QUOTE)
    return g_steal_pointer (&valid);
  const char *end = g_utf8_offset_to_pointer (valid, LOOKALIKE_QUOTE);
  g_autofree char *cut = g_strndup (valid, (gsize) (end - valid));
  return g_strconcat (cut, "…", NULL);
}

/* The fingerprints of text, remembered. The group's entries borrow the
 * quotes, so the memory is only let go between groups. */
static const Print *
print_of (Lookalike *l, const char *text)
{
  const Print *known = g_hash_table_lookup (l->prints, text);
  if (known != NULL)
    return known;
  gsize n = strlen (text);
  g_autofree char *phrase = normalize_phrase_of (text, FALSE);
  Print *pr = g_new (Print, 1);
  pr->sim = simhash_phrase (phrase);
  pr->exact = fnv1a (phrase, strlen (phrase));
  pr->quote = quote_of (text);
  pr->len = n;
  g_hash_table_insert (l->prints, g_strdup (text), pr);
  l->print_bytes += n;
  return pr;
}

void
lookalike_add (Lookalike *l, const ScoreRecord *rec, gboolean hidden)
{
  const char *variant = rec->variant ? rec->variant : "clean";
  const char *set = rec->testset ? rec->testset : "";
  if (l->item == NULL || strcmp (l->item, rec->item) != 0
      || strcmp (l->testset, set) != 0 || strcmp (l->variant, variant) != 0) {
    flush (l);
    if (l->print_bytes > PRINTS_MAX_BYTES) {
      g_hash_table_remove_all (l->prints);
      l->print_bytes = 0;
    }
    l->testset = g_strdup (set);
    l->item = g_strdup (rec->item);
    l->variant = g_strdup (variant);
  }
  guint sub = sub_index (l, rec->submission);
  if (rec->error_class != FAILURE_NONE)
    return;
  g_autofree char *text = record_text (rec);
  if (text == NULL)
    return;
  const Print *pr = print_of (l, text);
  Entry e = { sub, pr->sim, pr->exact, hidden ? NULL : pr->quote, pr->len };
  g_array_append_val (l->group, e);
}

static gint
cmp_pairs (gconstpointer a, gconstpointer b)
{
  const Pair *x = *(Pair *const *) a, *y = *(Pair *const *) b;
  /* near/compared, higher first, compared exactly as fractions */
  guint64 lx = (guint64) x->near * y->compared;
  guint64 ly = (guint64) y->near * x->compared;
  if (lx != ly)
    return lx > ly ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

static gint
cmp_examples (gconstpointer a, gconstpointer b)
{
  const Example *x = a, *y = b;
  int d = g_strcmp0 (x->testset, y->testset);
  if (d == 0)
    d = g_strcmp0 (x->item, y->item);
  return d ? d : g_strcmp0 (x->variant, y->variant);
}

static cJSON *
pair_json (const Lookalike *l, Pair *p)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "a", g_ptr_array_index (l->ids, p->a));
  cJSON_AddStringToObject (o, "b", g_ptr_array_index (l->ids, p->b));
  cJSON_AddNumberToObject (o, "compared", p->compared);
  cJSON_AddNumberToObject (o, "near_identical", p->near);
  cJSON_AddNumberToObject (o, "share",
                           (double) (gint64) (1e6 * p->near / p->compared
                                              + 0.5)
                               / 1e6);
  /* In question order, so the bytes do not depend on which came first. */
  qsort (p->ex, p->n_ex, sizeof (Example), cmp_examples);
  cJSON *ex = cJSON_AddArrayToObject (o, "examples");
  for (guint i = 0; i < p->n_ex; i++) {
    cJSON *e = cJSON_CreateObject ();
    cJSON_AddStringToObject (e, "testset", p->ex[i].testset);
    cJSON_AddStringToObject (e, "item", p->ex[i].item);
    cJSON_AddStringToObject (e, "variant", p->ex[i].variant);
    cJSON_AddStringToObject (e, "answer_a", p->ex[i].quote_a);
    cJSON_AddStringToObject (e, "answer_b", p->ex[i].quote_b);
    cJSON_AddItemToArray (ex, e);
  }
  return o;
}

cJSON *
lookalike_result (Lookalike *l)
{
  flush (l);
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddNumberToObject (o, "max_bits", LOOKALIKE_MAX_BITS);
  cJSON_AddNumberToObject (o, "min_compared", LOOKALIKE_MIN_COMPARED);
  cJSON_AddNumberToObject (o, "share", LOOKALIKE_SHARE);
  g_autoptr (GPtrArray) flagged = g_ptr_array_new ();
  for (gsize i = 0; i < (gsize) l->cap * l->cap; i++) {
    Pair *p = l->pairs[i];
    if (p != NULL && p->compared >= LOOKALIKE_MIN_COMPARED
        && p->near >= LOOKALIKE_SHARE * p->compared)
      g_ptr_array_add (flagged, p);
  }
  g_ptr_array_sort (flagged, cmp_pairs);
  cJSON *pairs = cJSON_AddArrayToObject (o, "pairs");
  for (guint i = 0; i < flagged->len; i++)
    cJSON_AddItemToArray (pairs, pair_json (l, flagged->pdata[i]));
  return o;
}
