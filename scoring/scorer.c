/* The scorer (scoring/scorer.h): one pass from a run's log to its scores
 * and results — index the log, judge every final attempt on several
 * threads, hand the records on in order, then the metrics. The question
 * sets a re-score loads and reports are scorer_sets.c's. */
#include "scoring/scorer.h"

#include <string.h>

#include "rundir/appeal.h"
#include "rundir/rundir.h"
#include "rundir/runlog.h"
#include "rundir/variant.h"
#include "scoring/canary.h"
#include "scoring/judge.h"
#include "scoring/judge_memo.h"
#include "scoring/lookalike.h"
#include "scoring/metrics.h"
#include "scoring/review.h"
#include "scoring/scorer_sets.h"
#include "testsets/testset.h"
#include "util/atomic_file.h"
#include "util/sha256.h"
#include "util/vb_gstring.h"

/* What judging reads from a turn's final attempt: a copy of a few fields
 * instead of the whole record, which kept every log line alive until the
 * end (gigabytes for a 200,000-answer log). */
typedef struct {
  const char *sent, *answer; /* NULL when absent; in LogIndex.strings */
  gsize answer_len;          /* may hold a NUL (rundir/attempt.h) */
  FailureClass error_class;
  gint64 latency_us;         /* t_total_us + t_queue_us */
  gboolean present;
} Final;

/* Conversations have at most 4 turns; a record claiming more is ignored. */
#define MAX_TURNS 16

/* All attempts of one (submission, testset, item, variant). */
typedef struct {
  const char *sub, *set, *item, *variant, *variant_kind; /* in strings */
  Final *finals;   /* per turn index, n_finals of them */
  guint n_finals;
  guint requests, failed_requests;
  gint rank;      /* the submission's place in the contest (sorting) */
  gboolean clean; /* variant is "clean" (sorting) */
} Unit;

/* Every string of the index lives in one chunk, freed at once: a log of
 * 200,000 answers held a million small allocations. */
typedef struct {
  GHashTable *units;    /* key (in strings) → Unit* */
  GPtrArray *order;     /* Unit*, first-seen order (sorted later) */
  GString *key;         /* scratch for the lookup key */
  GHashTable *sub_rank; /* submission id → place in the contest */
  GStringChunk *strings;
  gboolean each_attempt; /* SCORER_EACH_ATTEMPT: every unit a new one */
} LogIndex;

/* One unit judged, by whichever thread took it: its turns' judgements one
 * after another, its ScoreTurns (judgement text at an offset into
 * judgements until the record is handed on), latencies and totals. */
typedef struct {
  const Testset *set; /* NULL: the item left the sets; nothing to hand on */
  const TsItem *item;
  GString *judgements;
  GArray *turns;   /* ScoreTurn */
  GArray *latency; /* double µs */
  FailureClass fail;
  double score, lenient, contradictions;
  guint off_topic, unaccented;
  gboolean correct;
} Judged;

static void
judged_init (Judged *d)
{
  d->judgements = g_string_sized_new (4096);
  d->turns = g_array_new (FALSE, TRUE, sizeof (ScoreTurn));
  d->latency = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
judged_clear (Judged *d)
{
  g_string_free (d->judgements, TRUE);
  g_array_unref (d->turns);
  g_array_unref (d->latency);
}

/* Which units the ranking stands on: those every submission of the
 * contest answered (scorer_score_run). A partial run's submissions have
 * answered different units; ranking each on its own would compare
 * different questions. */
typedef struct {
  guint n_subs;
  GHashTable *answered_by; /* "set\037item\037variant" → count (owned) */
  guint64 *answered;       /* per submission, in contest order */
  guint64 units_seen;      /* distinct (set, item, variant) in the log */
  guint64 common;          /* answered by every submission */
  gboolean unit_common;    /* the unit being handed on is one of them */
  /* per submission: found unavailable or paused (manifest.json's
   * submission_status). Its questions never fired are its failures
   * (not_fired, scored wrong): it was there to answer them. A question
   * nobody else got to either (a killed run) is left out of the ranking. */
  gboolean *stood_down;
} Coverage;

static void
unit_free (gpointer p)
{
  Unit *u = p;
  g_free (u->finals);
  g_free (u);
}

/* A copy of s (or NULL); names and ids repeat from line to line and are
 * kept once. */
static const char *
keep_const (LogIndex *ix, const char *s)
{
  return s ? g_string_chunk_insert_const (ix->strings, s) : NULL;
}

static const char *
keep (LogIndex *ix, const char *s)
{
  return s ? g_string_chunk_insert (ix->strings, s) : NULL;
}

static Final
final_of (LogIndex *ix, const LogAttempt *a)
{
  Final f = { 0 };
  f.sent = keep (ix, a->sent);
  if (a->answer) {
    f.answer = g_string_chunk_insert_len (ix->strings, a->answer,
                                          (gssize) a->answer_len);
    f.answer_len = a->answer_len;
  }
  f.error_class = a->error_class;
  /* In open loop the wait behind a slow endpoint counts: latency runs
   * from the scheduled send (t_queue_us), not from the real one. */
  f.latency_us = a->t_total_us + MAX (a->t_queue_us, 0);
  f.present = TRUE;
  return f;
}

static void
unit_init (LogIndex *ix, Unit *u, const LogAttempt *a)
{
  u->sub = keep_const (ix, a->submission);
  u->set = keep_const (ix, a->testset);
  u->item = keep_const (ix, a->item);
  u->variant = keep_const (ix, a->variant);
  const char *kind = keep_const (ix, a->variant_kind);
  u->variant_kind = kind ? kind : "clean";
  u->rank = GPOINTER_TO_INT (g_hash_table_lookup (ix->sub_rank, u->sub));
  u->clean = variant_is_clean (u->variant); /* every round's */
}

static Unit *
unit_of (LogIndex *ix, const LogAttempt *a)
{
  g_string_truncate (ix->key, 0);
  const char *parts[] = { a->submission, a->testset, a->item, a->variant };
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++) {
    if (i > 0)
      g_string_append_c (ix->key, '\037');
    vb_gstring_put (ix->key, parts[i], strlen (parts[i]));
  }
  Unit *u = ix->each_attempt ? NULL
                             : g_hash_table_lookup (ix->units, ix->key->str);
  if (u != NULL)
    return u;
  u = g_new0 (Unit, 1);
  unit_init (ix, u, a);
  if (!ix->each_attempt)
    g_hash_table_insert (ix->units,
                         g_string_chunk_insert_len (ix->strings, ix->key->str,
                                                    (gssize) ix->key->len),
                         u);
  g_ptr_array_add (ix->order, u);
  return u;
}

/* "sub\037set\037item\037variant", the index's key, into ix->key. */
static void
unit_key (LogIndex *ix, const char *sub, const Unit *u)
{
  g_string_truncate (ix->key, 0);
  const char *parts[] = { sub, u->set, u->item, u->variant };
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++) {
    if (i > 0)
      g_string_append_c (ix->key, '\037');
    vb_gstring_put (ix->key, parts[i], strlen (parts[i]));
  }
}

/* A submission paused by the early stop, or found unavailable before
 * firing, has no record of the questions it was not asked. Every question
 * some submission of the contest was asked is scored for each of them —
 * not_fired where the log holds nothing — so that nobody is ranked on
 * fewer questions than the others. */
static void
fill_unfired (LogIndex *ix, const GArray *submissions)
{
  g_autoptr (GHashTable) asked = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) protos = g_ptr_array_new ();
  g_autoptr (GString) q = g_string_new (NULL);
  for (guint i = 0; i < ix->order->len; i++) {
    const Unit *u = g_ptr_array_index (ix->order, i);
    g_string_printf (q, "%s\037%s\037%s", u->set, u->item, u->variant);
    if (g_hash_table_contains (asked, q->str))
      continue;
    g_hash_table_add (asked, g_string_chunk_insert (ix->strings, q->str));
    g_ptr_array_add (protos, (gpointer) u);
  }
  for (guint k = 0; k < submissions->len; k++) {
    const char *sub = g_array_index (submissions, RunSubmission, k).id;
    for (guint i = 0; i < protos->len; i++) {
      const Unit *p = g_ptr_array_index (protos, i);
      unit_key (ix, sub, p);
      if (g_hash_table_contains (ix->units, ix->key->str))
        continue;
      Unit *u = g_new0 (Unit, 1);
      *u = (Unit) { .sub = keep_const (ix, sub), .set = p->set,
                    .item = p->item, .variant = p->variant,
                    .variant_kind = p->variant_kind, .clean = p->clean,
                    .rank = (gint) k };
      g_hash_table_insert (ix->units,
                           g_string_chunk_insert_len (ix->strings,
                                                      ix->key->str,
                                                      (gssize) ix->key->len),
                           u);
      g_ptr_array_add (ix->order, u);
    }
  }
}

/* Room for turn t in u->finals, new entries zero. */
static void
unit_grow (Unit *u, guint t)
{
  u->finals = g_renew (Final, u->finals, t + 1);
  memset (u->finals + u->n_finals, 0,
          (t + 1 - u->n_finals) * sizeof *u->finals);
  u->n_finals = t + 1;
}

/* One attempt into its unit. */
static void
index_attempt (const LogAttempt *a, gpointer user)
{
  LogIndex *ix = user;
  if (ix->each_attempt && (!a->final || a->turn != 0))
    return; /* a capacity step: final single-turn answers only */
  Unit *u = unit_of (ix, a);
  u->requests++;
  if (a->error_class != FAILURE_NONE)
    u->failed_requests++;
  if (!a->final || a->turn > MAX_TURNS)
    return;
  if (u->n_finals <= a->turn)
    unit_grow (u, a->turn);
  u->finals[a->turn] = final_of (ix, a);
}

/* One turn judged into d: its ScoreTurn and its totals. */
static void
judge_turn (Judged *d, JudgeMemo *memo, const TsItem *it, guint t,
            const Final *fin, FailureClass *fail, JudgeTotals *totals)
{
  const TsTurn *turn = g_ptr_array_index (it->turns, t);
  ScoreTurn st = { .turn = t };
  st.question = fin && fin->sent ? fin->sent : turn->question;
  st.answer = fin ? fin->answer : NULL;
  st.answer_len = fin ? fin->answer_len : 0;
  FailureClass cls = fin ? fin->error_class : FAILURE_NONE;
  if (st.answer == NULL && cls == FAILURE_NONE)
    cls = *fail != FAILURE_NONE ? *fail : FAILURE_NOT_FIRED;
  if (cls != FAILURE_NONE && *fail == FAILURE_NONE)
    *fail = cls;
  st.error_class = cls;
  if (st.answer && fin) {
    double us = (double) fin->latency_us;
    g_array_append_val (d->latency, us);
  }
  gsize at = d->judgements->len;
  /* The key was compiled when the set was loaded and validated. */
  judge_memo_append (memo, turn->key, st.answer, st.answer_len,
                     d->judgements, totals);
  st.judgement = GSIZE_TO_POINTER (at); /* an offset until all are made */
  st.judgement_len = d->judgements->len - at;
  g_array_append_val (d->turns, st);
}

/* Judges the unit's turns into d. Items that left the set are skipped
 * (d->set NULL): nothing to judge against. Reads only what every thread
 * may read at once: the index, the sets and their compiled keys. */
static void
judge_unit (GHashTable *sets, JudgeMemo *memo, const Unit *u, Judged *d)
{
  d->set = g_hash_table_lookup (sets, u->set);
  d->item = d->set ? testset_lookup (d->set, u->item) : NULL;
  if (d->item == NULL) {
    d->set = NULL;
    return;
  }
  g_string_truncate (d->judgements, 0);
  g_array_set_size (d->turns, 0);
  g_array_set_size (d->latency, 0);
  d->fail = FAILURE_NONE;
  d->score = d->lenient = d->contradictions = 0;
  d->off_topic = d->unaccented = 0;
  d->correct = TRUE;
  for (guint t = 0; t < d->item->turns->len; t++) {
    const Final *fin = t < u->n_finals && u->finals[t].present
                           ? &u->finals[t]
                           : NULL;
    JudgeTotals jt;
    judge_turn (d, memo, d->item, t, fin, &d->fail, &jt);
    d->score += jt.score;
    d->lenient += jt.lenient_score;
    d->contradictions += jt.contradictions;
    d->off_topic += jt.off_topic;
    d->unaccented += fin && fin->answer && jt.unaccented;
    d->correct &= jt.correct;
  }
}

/* Hands the judged unit's record to func, in the caller's thread. */
static gboolean
hand_on (const Unit *u, Judged *d, ScorerFunc func, gpointer user,
         GError **error)
{
  if (d->set == NULL)
    return TRUE;
  ScoreTurn *turns = (ScoreTurn *) (void *) d->turns->data;
  for (guint t = 0; t < d->turns->len; t++)
    turns[t].judgement = d->judgements->str
                         + GPOINTER_TO_SIZE (turns[t].judgement);
  const TsItem *it = d->item;
  guint n = it->turns->len;
  ItemKind kind = ITEM_KIND_NONE;
  (void) item_kind_parse (it->kind, &kind);
  ScoreRecord rec = {
    .submission = u->sub, .testset = u->set, .item = u->item,
    .category = it->category, .kind = kind, .hidden = d->set->hidden,
    .variant = u->variant, .variant_kind = u->variant_kind,
    .score = d->score / n, .lenient_score = d->lenient / n,
    .correct = d->correct && d->fail == FAILURE_NONE,
    .contradictions = (gint64) d->contradictions,
    .off_topic = d->off_topic, .unaccented = d->unaccented,
    .error_class = d->fail,
    .requests = u->requests, .failed_requests = u->failed_requests,
    .latency_us = (const double *) (void *) d->latency->data,
    .n_latency = d->latency->len, .turns = turns, .n_turns = d->turns->len,
  };
  return func (&rec, user, error);
}

/* ---- judging on every core ---- */

/* Units are judged in batches: every thread takes the next unit of the
 * batch until none is left, then the records go out in order, so the
 * output is the same bytes whatever the number of threads (tests/cli/
 * score.sh checks it). Judging is nearly all of scoring's time and each
 * unit stands alone. */
#define BATCH_UNITS 1024

typedef struct {
  GHashTable *sets;
  JudgeMemo *memo;
  Unit *const *units; /* the batch */
  guint n;
  Judged *slots;      /* one per unit of the batch */
  gint next;          /* atomic: the next unit to take */
} Batch;

static gpointer
batch_work (gpointer data)
{
  Batch *b = data;
  for (;;) {
    guint k = (guint) g_atomic_int_add (&b->next, 1);
    if (k >= b->n)
      return NULL;
    judge_unit (b->sets, b->memo, b->units[k], &b->slots[k]);
  }
}

/* VABENCH_SCORE_THREADS (1–64) when set (tests compare 1 with many);
 * else one per core up to 8, fewer for a small log (a thread must have a
 * hundred units or so to be worth starting). */
static guint
judging_threads (guint units)
{
  const char *env = g_getenv ("VABENCH_SCORE_THREADS");
  guint64 n = 0;
  if (env && g_ascii_string_to_unsigned (env, 10, 1, 64, &n, NULL))
    return (guint) n;
  return CLAMP (MIN (g_get_num_processors (), units / 128), 1, 8);
}

static gboolean coverage_common (const Coverage *cov, const Unit *u);

/* The memo of judgements, unless VABENCH_SCORE_MEMO=0 (tests compare the
 * two). Its 256 MiB hold the judgements of about 100,000 distinct long
 * answers; past them judging goes on without it. */
static JudgeMemo *
judging_memo (void)
{
  if (g_strcmp0 (g_getenv ("VABENCH_SCORE_MEMO"), "0") == 0)
    return NULL;
  return judge_memo_new ((gsize) 256 << 20);
}

/* cov (may be NULL) is told, before each record is handed on, whether its
 * question is one every submission answered. */
static gboolean
judge_all (GHashTable *sets, const GPtrArray *order, Coverage *cov,
           ScorerFunc func, gpointer user, GError **error)
{
  guint threads = judging_threads (order->len);
  guint cap = MIN (order->len, (guint) BATCH_UNITS);
  Judged *slots = g_new0 (Judged, MAX (cap, 1u));
  for (guint i = 0; i < cap; i++)
    judged_init (&slots[i]);
  g_autofree GThread **helpers = g_new0 (GThread *, threads);
  g_autoptr (JudgeMemo) memo = judging_memo ();
  gboolean ok = TRUE;
  for (guint from = 0; ok && from < order->len; from += cap) {
    Batch b = { sets, memo, (Unit *const *) order->pdata + from,
                MIN (cap, order->len - from), slots, 0 };
    for (guint t = 1; t < threads; t++)
      helpers[t] = g_thread_new ("vabench-judge", batch_work, &b);
    batch_work (&b);
    for (guint t = 1; t < threads; t++)
      g_thread_join (helpers[t]);
    for (guint k = 0; ok && k < b.n; k++) {
      if (cov)
        cov->unit_common = coverage_common (cov, b.units[k]);
      ok = hand_on (b.units[k], &slots[k], func, user, error);
    }
  }
  for (guint i = 0; i < cap; i++)
    judged_clear (&slots[i]);
  g_free (slots);
  return ok;
}

/* Deterministic order: set, item and variant names (clean first), then
 * submissions as in the contest — firing order must not leak into the
 * bytes, and all answers to one question sit together in scores.jsonl.
 * The submission's place and the clean flag are looked up once per unit,
 * not per comparison. */
static gint
cmp_units (gconstpointer a, gconstpointer b)
{
  const Unit *x = *(Unit *const *) a, *y = *(Unit *const *) b;
  int d = strcmp (x->set, y->set);
  if (d == 0)
    d = strcmp (x->item, y->item);
  if (d != 0)
    return d;
  if (x->clean != y->clean)
    return x->clean ? -1 : 1;
  d = strcmp (x->variant, y->variant);
  if (d != 0)
    return d;
  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

/* The unit was fired to its end: each turn has a final attempt up to
 * the first that failed (which ends a conversation), as judge_unit reads
 * it — a unit judged not_fired was not answered. */
static gboolean
unit_answered (const Unit *u, const TsItem *it)
{
  for (guint t = 0; t < it->turns->len; t++) {
    const Final *f = t < u->n_finals && u->finals[t].present ? &u->finals[t]
                                                             : NULL;
    if (f != NULL && f->error_class != FAILURE_NONE)
      return TRUE;
    if (f == NULL || f->answer == NULL)
      return FALSE;
  }
  return TRUE;
}

static const TsItem *
item_of (GHashTable *sets, const Unit *u)
{
  const Testset *set = g_hash_table_lookup (sets, u->set);
  return set ? testset_lookup (set, u->item) : NULL;
}

static char *
question_key (const Unit *u)
{
  return g_strdup_printf ("%s\037%s\037%s", u->set, u->item, u->variant);
}

/* Counts, for each question, the submissions that answered it. */
static void
coverage_count (Coverage *cov, const LogIndex *ix, GHashTable *sets)
{
  for (guint i = 0; i < ix->order->len; i++) {
    const Unit *u = g_ptr_array_index (ix->order, i);
    g_autofree char *key = question_key (u);
    gpointer old = NULL;
    gboolean seen = g_hash_table_lookup_extended (cov->answered_by, key,
                                                  NULL, &old);
    if (!seen) {
      cov->units_seen++;
      g_hash_table_insert (cov->answered_by, g_strdup (key),
                           GUINT_TO_POINTER (0));
    }
    const TsItem *it = item_of (sets, u);
    if (it == NULL || !g_hash_table_contains (ix->sub_rank, u->sub)
        || !(unit_answered (u, it) || cov->stood_down[u->rank]))
      continue;
    cov->answered[u->rank]++;
    g_hash_table_insert (cov->answered_by, g_steal_pointer (&key),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
  }
  GHashTableIter it;
  gpointer count;
  g_hash_table_iter_init (&it, cov->answered_by);
  while (g_hash_table_iter_next (&it, NULL, &count))
    cov->common += cov->n_subs > 0 && GPOINTER_TO_UINT (count) == cov->n_subs;
}

static gboolean
coverage_common (const Coverage *cov, const Unit *u)
{
  g_autofree char *key = question_key (u);
  return GPOINTER_TO_UINT (g_hash_table_lookup (cov->answered_by, key))
         == cov->n_subs;
}

static gboolean
judge_log (const char *dir, const GPtrArray *sets, const GArray *submissions,
           ScorerMode mode, ScorerFunc func, gpointer user, Coverage *cov,
           GError **error)
{
  LogIndex ix = { 0 };
  ix.units = g_hash_table_new (g_str_hash, g_str_equal);
  ix.order = g_ptr_array_new_with_free_func (unit_free);
  ix.key = g_string_new (NULL);
  ix.sub_rank = g_hash_table_new (g_str_hash, g_str_equal);
  ix.strings = g_string_chunk_new (1 << 20);
  ix.each_attempt = mode == SCORER_EACH_ATTEMPT;
  for (guint i = 0; submissions && i < submissions->len; i++)
    g_hash_table_insert (ix.sub_rank,
                         (gpointer) g_array_index (submissions,
                                                   RunSubmission, i).id,
                         GINT_TO_POINTER ((gint) i));
  GHashTable *by_name = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < sets->len; i++) {
    const Testset *set = g_ptr_array_index (sets, i);
    g_hash_table_insert (by_name, set->name, (gpointer) set);
  }
  gboolean ok = runlog_read (dir, index_attempt, &ix, error);
  if (ok && !ix.each_attempt && submissions)
    fill_unfired (&ix, submissions);
  if (ok && !ix.each_attempt)
    g_ptr_array_sort (ix.order, cmp_units);
  if (ok && cov)
    coverage_count (cov, &ix, by_name);
  if (ok)
    ok = judge_all (by_name, ix.order, cov, func, user, error);
  g_hash_table_unref (by_name);
  g_hash_table_unref (ix.sub_rank);
  g_ptr_array_unref (ix.order);
  g_hash_table_unref (ix.units);
  g_string_free (ix.key, TRUE);
  g_string_chunk_free (ix.strings);
  return ok;
}

gboolean
scorer_judge_log (const char *dir, const GPtrArray *sets,
                  const GArray *submissions, ScorerMode mode,
                  ScorerFunc func, gpointer user, GError **error)
{
  return judge_log (dir, sets, submissions, mode, func, user, NULL, error);
}

/* ---- a run: scores.jsonl and results.json ---- */

typedef struct {
  AtomicFile *out;
  GString *line;
  MetricsInput *metrics;
  Review *review;        /* reviewers' decisions (appeals) */
  MetricsInput *judged;  /* the records as judged, when a decision exists */
  Lookalike *lookalike;  /* answers compared between submissions */
  Canary *canary;        /* leak signs searched in every answer */
  const Coverage *cov;
  /* scores.jsonl's digest, hashed as written: reading 300 MB back to hash
   * it was 15 % of score on a 40-province log (verify re-reads it) */
  Sha256 *sha;
  guint64 lines;
} RunSink;

/* Each record is written at once and its fields handed to the metrics,
 * which copy what they need: no record outlives its line. Every record
 * is written; the metrics and the ranking see only the questions every
 * submission answered. A reviewer's decision replaces the verdict written
 * and ranked; the judge's own verdicts are ranked apart, for the ranking
 * before appeals. Canaries and look-alikes see every answer. */
static gboolean
sink_record (const ScoreRecord *rec, gpointer user, GError **error)
{
  RunSink *s = user;
  ScoreRecord out;
  review_record (s->review, rec, &out);
  out.canary = canary_check (s->canary, &out);
  g_string_truncate (s->line, 0);
  score_record_append (s->line, &out);
  g_string_append_c (s->line, '\n');
  if (s->cov->unit_common) {
    metrics_input_add (s->metrics, &out);
    if (s->judged)
      metrics_input_add (s->judged, rec);
  }
  lookalike_add (s->lookalike, &out, out.hidden);
  sha256_update (s->sha, s->line->str, s->line->len);
  s->lines++;
  return atomic_file_write (s->out, s->line->str, s->line->len, error);
}

static MetricsConfig
metrics_config_of (const RunManifest *m)
{
  MetricsConfig cfg = { 0 };
  cfg.w_accuracy = m->w_accuracy;
  cfg.w_nearmiss = m->w_nearmiss;
  cfg.w_latency = m->w_latency;
  cfg.w_availability = m->w_availability;
  cfg.sla_ms = m->sla_ms;
  cfg.resamples = m->resamples;
  cfg.seed = m->seed;
  cfg.rank_pass_k = m->repeat_pass_k;
  return cfg;
}

gboolean
scorer_score_run (const char *dir, const GPtrArray *sets, Results **results,
                  GError **error)
{
  g_autoptr (RunManifest) m = run_manifest_read (dir, error);
  if (m == NULL)
    return FALSE;
  g_autoptr (GPtrArray) loaded = NULL;
  if (sets == NULL) {
    loaded = scorer_sets_load (m, error);
    if (loaded == NULL)
      return FALSE;
    sets = loaded;
  }
  g_autofree char *path = rundir_path (dir, RUNDIR_SCORES);
  g_autoptr (AtomicFile) out = atomic_file_new (path, ATOMIC_FILE_NO_SYNC,
                                                error);
  if (out == NULL)
    return FALSE;
  g_autoptr (GPtrArray) appeals = appeal_read (dir, error);
  if (appeals == NULL)
    return FALSE;
  g_autoptr (Review) review = review_new (appeals);
  g_autoptr (MetricsInput) metrics = metrics_input_new (m->submissions);
  g_autoptr (MetricsInput) judged
      = review_any (review) ? metrics_input_new (m->submissions) : NULL;
  g_autoptr (GString) line = g_string_sized_new (4096);
  g_autoptr (Lookalike) lookalike = lookalike_new (m->submissions);
  g_autoptr (Canary) canary = canary_new (sets);
  guint n_subs = m->submissions->len;
  g_autofree guint64 *answered = g_new0 (guint64, MAX (n_subs, 1));
  g_autofree gboolean *stood_down = g_new0 (gboolean, MAX (n_subs, 1u));
  for (guint i = 0; i < n_subs; i++) {
    const char *id = g_array_index (m->submissions, RunSubmission, i).id;
    const cJSON *st = cJSON_GetObjectItemCaseSensitive (m->status, id);
    const char *state = cJSON_GetStringValue (
        cJSON_GetObjectItemCaseSensitive (st, "state"));
    stood_down[i] = g_strcmp0 (state, "unavailable") == 0
                    || g_strcmp0 (state, "paused") == 0;
  }
  Coverage cov = { n_subs,
                   g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          NULL),
                   answered, 0, 0, FALSE, stood_down };
  g_autoptr (Sha256) sha = sha256_new ();
  RunSink sink = { out,    line,      metrics, review, judged,
                   lookalike, canary, &cov,    sha,    0 };
  gboolean ok = judge_log (dir, sets, m->submissions, SCORER_EACH_UNIT,
                           sink_record, &sink, &cov, error)
                && atomic_file_commit (g_steal_pointer (&out), error);
  g_hash_table_unref (cov.answered_by);
  if (!ok)
    return FALSE;
  /* What the scores came from, and what they are: anchors for verify. */
  RundirDigest log_digest, scores_digest = { .records = sink.lines };
  sha256_finish (g_steal_pointer (&sha), scores_digest.sha256);
  if (!runlog_digest (dir, &log_digest, error))
    return FALSE;
  MetricsConfig cfg = metrics_config_of (m);
  cJSON *ties = NULL;
  cJSON *ranked = metrics_input_compute (metrics, &cfg, &ties);
  g_autoptr (Results) res = results_new (m, ranked, ties);
  if (m->submissions->len >= 2)
    results_set (res, "lookalikes", lookalike_result (lookalike));
  if (canary_armed (canary))
    results_set (res, "canaries", canary_result (canary));
  if (judged) {
    cJSON *before_ties = NULL;
    g_autoptr (cJSON) before = metrics_input_compute (judged, &cfg,
                                                      &before_ties);
    results_set (res, "appeals",
                 review_summary (review, before, before_ties));
    cJSON_Delete (before_ties);
  }
  guint64 planned = m->planned_units ? m->planned_units : cov.units_seen;
  results_set_coverage (res, m->submissions, answered, planned,
                        m->planned_units > 0, cov.common);
  results_set_digests (res, &log_digest, &scores_digest);
  results_set_testsets (res, scorer_sets_used (m, sets));
  if (!results_write (dir, res, error))
    return FALSE;
  if (results)
    *results = g_steal_pointer (&res);
  return TRUE;
}
