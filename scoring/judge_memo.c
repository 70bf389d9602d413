/* The judgement memo (scoring/judge_memo.h). Shards, each a hash table
 * under its own lock, so that threads judging different answers rarely
 * wait for each other; a judgement is made outside the lock (it is the
 * dear part), and two threads that make the same one at once keep the
 * first. tests/cli/score.sh checks that scores.jsonl is the same bytes
 * with the memo and without (VABENCH_SCORE_MEMO=0). */
#include "scoring/judge_memo.h"

#include <string.h>

#define SHARDS 32

typedef struct {
  const JudgeKey *key;
  const char *answer; /* borrowed: the log index holds it */
  gsize len;
  guint hash;
  char *judgement;
  gsize judgement_len;
  JudgeTotals totals;
} Entry;

typedef struct {
  GMutex lock;
  GHashTable *entries; /* Entry* → itself */
} Shard;

struct _JudgeMemo {
  Shard shard[SHARDS];
  gsize max_bytes;
  gssize bytes;  /* atomic: judgement text kept */
  gssize made;   /* atomic */
  gssize reused; /* atomic */
};

static guint
entry_hash (gconstpointer p)
{
  return ((const Entry *) p)->hash;
}

static gboolean
entry_equal (gconstpointer a, gconstpointer b)
{
  const Entry *x = a, *y = b;
  return x->key == y->key && x->len == y->len
         && memcmp (x->answer, y->answer, x->len) == 0;
}

static void
entry_free (gpointer p)
{
  Entry *e = p;
  g_free (e->judgement);
  g_free (e);
}

/* FNV-1a over the key's address and the answer's bytes. */
static guint
hash_of (const JudgeKey *key, const char *answer, gsize len)
{
  guint32 h = 2166136261u;
  guintptr k = (guintptr) key;
  for (gsize i = 0; i < sizeof k; i++, k >>= 8)
    h = (h ^ (guint8) k) * 16777619u;
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guint8) answer[i]) * 16777619u;
  return h;
}

JudgeMemo *
judge_memo_new (gsize max_bytes)
{
  JudgeMemo *m = g_new0 (JudgeMemo, 1);
  m->max_bytes = max_bytes;
  for (guint i = 0; i < SHARDS; i++) {
    g_mutex_init (&m->shard[i].lock);
    m->shard[i].entries = g_hash_table_new_full (entry_hash, entry_equal,
                                                 entry_free, NULL);
  }
  return m;
}

void
judge_memo_free (JudgeMemo *m)
{
  if (m == NULL)
    return;
  for (guint i = 0; i < SHARDS; i++) {
    g_hash_table_destroy (m->shard[i].entries);
    g_mutex_clear (&m->shard[i].lock);
  }
  g_free (m);
}

void
judge_memo_append (JudgeMemo *m, const JudgeKey *key, const char *answer,
                   gsize len, GString *out, JudgeTotals *totals)
{
  if (m == NULL || answer == NULL) {
    judge_answer_append_len (key, answer, len, out, totals);
    return;
  }
  Entry probe = { .key = key, .answer = answer, .len = len,
                  .hash = hash_of (key, answer, len) };
  Shard *s = &m->shard[probe.hash % SHARDS];
  g_mutex_lock (&s->lock);
  const Entry *hit = g_hash_table_lookup (s->entries, &probe);
  if (hit != NULL) {
    g_string_append_len (out, hit->judgement, (gssize) hit->judgement_len);
    *totals = hit->totals;
    g_mutex_unlock (&s->lock);
    g_atomic_pointer_add (&m->reused, 1);
    return;
  }
  g_mutex_unlock (&s->lock);
  gsize at = out->len;
  judge_answer_append_len (key, answer, len, out, totals);
  g_atomic_pointer_add (&m->made, 1);
  gsize n = out->len - at;
  if ((gsize) g_atomic_pointer_add (&m->bytes, (gssize) n) + n > m->max_bytes)
    return; /* full: judge on without remembering */
  Entry *e = g_new (Entry, 1);
  *e = probe;
  e->judgement = g_memdup2 (out->str + at, n);
  e->judgement_len = n;
  e->totals = *totals;
  g_mutex_lock (&s->lock);
  if (!g_hash_table_contains (s->entries, e))
    g_hash_table_add (s->entries, e);
  else
    entry_free (e);
  g_mutex_unlock (&s->lock);
}

void
judge_memo_counts (JudgeMemo *m, guint64 *made, guint64 *reused)
{
  *made = m ? (guint64) g_atomic_pointer_get (&m->made) : 0;
  *reused = m ? (guint64) g_atomic_pointer_get (&m->reused) : 0;
}
