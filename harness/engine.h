/* The firing engine: libcurl's multi interface driving every submission at
 * once, each under its own concurrency cap, token bucket, timeouts and
 * retry budget, appending every attempt to the run log as it completes. */
#ifndef ENGINE_H
#define ENGINE_H

#include <signal.h>

#include "harness/contest.h"
#include "rundir/runlog.h"

typedef struct _Engine Engine;

/* Progress of one submission, for the caller's progress display. */
typedef struct {
  const char *id;
  guint units_total, units_done; /* (item, variant) pairs */
  guint requests, errors, in_flight;
  /* its last pause_streak attempts all failed with pause_class: nothing
   * more is fired at it (harness/scheduler.h) */
  gboolean paused;
  FailureClass pause_class;
  guint pause_streak;
} EngineSubProgress;

/* Called about every 200 ms with one entry per submission, and once more
 * with final set when firing is over. */
typedef void (*EngineProgressFunc) (const EngineSubProgress *subs, guint n,
                                    gint64 elapsed_us, gboolean final,
                                    gpointer user);

typedef struct {
  const Contest *contest;   /* borrowed */
  const GPtrArray *units;   /* PlanUnit*, borrowed (harness/plan.h) */
  RunLog *log;              /* borrowed; or set later, engine_set_log */
  const char *run_id;       /* names sessions; stable across resume */
  gboolean quiet;           /* no progress lines */
  volatile sig_atomic_t *stop; /* set by a signal: finish in-flight, stop */
  EngineProgressFunc progress; /* may be NULL */
  /* Capacity steps (`vabench load`): every submission at this concurrency
   * with no rate limit, cycling over the units until duration_us is over.
   * 0 = a normal contest run: each unit once, the contest's limits. */
  guint load_concurrency;
  gint64 load_duration_us;
  gpointer progress_user;
  /* Firing threads, each with its own libcurl multi handles; 0 = one per
   * core (at most 4) when 32 or more requests may be in flight, else 1. */
  guint workers;
} EngineOptions;

Engine *engine_new (const EngineOptions *opts);
void engine_free (Engine *e); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Engine, engine_free)

/* The log records are appended to (borrowed); set before engine_fire. */
void engine_set_log (Engine *e, RunLog *log);

/* Marks what a previous, interrupted run already finished, from its log
 * records (call for each record before engine_fire). */
void engine_restore_record (Engine *e, const LogAttempt *a);

/* Fires everything not yet finished. FALSE + error only when the run itself
 * cannot go on (log write failure); endpoint failures are data. */
gboolean engine_fire (Engine *e, GError **error);

/* The progress of submission sub (its index in the contest), e.g. after
 * engine_fire: whether it was paused, and how much was left. */
void engine_sub_progress (Engine *e, guint sub, EngineSubProgress *out);

/* TRUE when engine_fire returned because of a stop request. */
gboolean engine_interrupted (const Engine *e);

#endif
