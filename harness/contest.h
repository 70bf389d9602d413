/* The contest file (contest.ini, GKeyFile): what is fired at whom, how
 * politely, and how it is scored. Format: harness/README.md. */
#ifndef CONTEST_H
#define CONTEST_H

#include "scoring/metrics.h"
#include "submissions/manifest.h"
#include "testsets/testset.h"

#define CONTEST_ERROR (contest_error_quark ())
GQuark contest_error_quark (void);
typedef enum { CONTEST_ERROR_INVALID } ContestError;

typedef struct {
  char *path;             /* as given */
  char *name;
  guint64 seed;
  gboolean official;      /* [contest] official: every submission under the
                             contest's limits, reviewed items, as_of set */
  char *as_of;            /* [contest] as_of, YYYY-MM-DD, or NULL: items
                             whose key does not hold that day are not fired */
  GPtrArray *testsets;    /* Testset*, owned */
  GPtrArray *manifests;   /* Manifest*, owned */
  guint repeat;           /* [contest] repeat: every question fired this
                             many times, each in a fresh session (1) */
  gboolean repeat_pass_k; /* [contest] repeat_rank = pass_k: an item counts
                             right only when right in every round */
  char **nearmiss_kinds;  /* generated kinds, NULL-terminated, may be empty */
  guint per_item;         /* generated variants per kind and item */
  MetricsConfig metrics;  /* weights, SLA, bootstrap seed and resamples */
  /* politeness defaults (a manifest may override its own) */
  guint concurrency;
  double rate_per_sec;
  guint timeout_ms;
  guint connect_timeout_ms;
  guint retries;          /* retries per request after the first attempt */
  guint retry_budget;     /* retries per submission over the whole run */
  gboolean retry_timeouts;
  gboolean open_loop;     /* mode = open: arrivals at rate_per_sec, latency
                             counted from the scheduled send time */
  guint global_concurrency;
  gsize max_body_bytes;
  guint pause_after;      /* a submission whose last pause_after attempts
                             failed alike is paused; 0 = never */
} Contest;

/* Loads the contest and everything it names (question sets, manifests,
 * secrets). Errors name "file:line: [group] key: reason"; an unknown
 * section or key, or one given twice, is an error with a "did you mean"
 * for a near miss; so is a value that is not UTF-8 or holds an escape
 * GKeyFile does not know (only \s \n \t \r \\), never read as absent. In
 * official mode a manifest that sets its own limits
 * is an error naming its file and line, and unreviewed items are
 * TESTSET_ERROR_UNREVIEWED listing every one. */
Contest *contest_load (const char *path, GError **error);

/* The largest seed: 2^53, the largest integer a JSON number holds exactly
 * (manifest.json records the seed; rundir/run_manifest.h). */
#define CONTEST_MAX_SEED G_GUINT64_CONSTANT (9007199254740992)
void contest_free (Contest *c); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Contest, contest_free)

/* Per-submission effective limits (manifest value, else contest default;
 * always the contest's in official mode). */
guint contest_concurrency_for (const Contest *c, const Manifest *m);
double contest_rate_for (const Contest *c, const Manifest *m);
guint contest_timeout_for (const Contest *c, const Manifest *m);

/* Every setting one submission runs under, as JSON (for manifest.json,
 * results.json and the reports): limits, retries, order seed, as_of,
 * official, and "overridden", the limits its manifest set. New object. */
cJSON *contest_effective (const Contest *c, const Manifest *m);

/* Keeps only the submission whose id is only; FALSE if none has it. */
gboolean contest_keep_only (Contest *c, const char *only, GError **error);

/* Settings as JSON for manifest.json (no secrets). New object. */
cJSON *contest_snapshot (const Contest *c);

#endif
