/* Which request goes next, and what a finished attempt means for the next
 * ones: each submission's seeded order, its concurrency cap and the global
 * one, token buckets (closed loop) or fixed arrival times (open loop),
 * retries with exponential backoff, jitter and Retry-After, the retry
 * budget, redirects, conversations turn by turn, resume and load steps.
 *
 * Pure logic with an injected clock: every call that depends on time takes
 * `now` (monotonic µs) from the caller, so tests drive it in simulated
 * time, and the libcurl loop (harness/engine.c) only moves bytes. Not
 * thread-safe: the engine calls it under its lock. */
#ifndef SCHEDULER_H
#define SCHEDULER_H

#include "harness/contest.h"
#include "harness/plan.h"
#include "rundir/attempt.h"

#define SCHEDULER_BACKOFF_BASE_US (250 * 1000)
#define SCHEDULER_BACKOFF_MAX_US (30 * 1000 * 1000)
/* No wake-up is due: only a finishing attempt can let more start. */
#define SCHEDULER_NEVER G_MAXINT64

typedef struct {
  const Contest *contest; /* borrowed: politeness, seed, manifests */
  const GPtrArray *units; /* PlanUnit*, borrowed */
  const char *run_id;     /* names sessions */
  /* A capacity step: every submission at this concurrency without rate
   * limit, cycling over the units until load_duration_us after start.
   * 0 = a contest run: each unit once, the contest's limits. */
  guint load_concurrency;
  gint64 load_duration_us;
} SchedulerOptions;

typedef struct _Scheduler Scheduler;

/* One request handed out: what to send and how. Owned by the scheduler;
 * the caller reads it, and gives it back with scheduler_finish. */
typedef struct {
  guint sub;                /* the submission's index in the contest */
  const Manifest *m;        /* borrowed */
  const PlanUnit *unit;     /* borrowed */
  guint turn;               /* 0-based */
  guint attempt;            /* 1-based, for this turn */
  const char *const *history; /* user, assistant, … of earlier turns;
                                 NULL-terminated */
  const char *session;
  const char *redirect;     /* an allowed redirect's target, or NULL */
  gint64 scheduled;         /* open loop: when it was due, else 0 */
  guint timeout_ms;
  gboolean fresh_connect;   /* all connections the submission opened are
                               busy: no point asking libcurl for one */
} SchedJob;

/* What an attempt came to, for the scheduler. */
typedef struct {
  FailureClass cls;         /* FAILURE_NONE when answered */
  gint64 retry_after_us;    /* the server's Retry-After, or 0 */
  const char *location;     /* a redirect's target (FAILURE_REDIRECT) */
  const char *answer;       /* the answer (history of a conversation) */
  guint opened;             /* connections the attempt opened */
} SchedResult;

typedef enum {
  SCHED_FINAL,    /* the turn is over, answered or failed for good */
  SCHED_RETRY,    /* fired again after a backoff */
  SCHED_REDIRECT, /* fired again at once at an allowed host */
} SchedVerdict;

/* Per submission, for progress lines. */
typedef struct {
  const char *id;
  guint units_total, units_done;
  guint requests, errors, in_flight;
  /* Its last pause_after attempts all failed with pause_class: nothing
   * more is fired at it in this run (a resume goes on). */
  gboolean paused;
  FailureClass pause_class;
  guint pause_streak;
} SchedProgress;

/* start_us: when firing starts (load steps end load_duration_us later; the
 * first tokens of the buckets are there at once). */
Scheduler *scheduler_new (const SchedulerOptions *o, gint64 start_us);
void scheduler_free (Scheduler *s); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Scheduler, scheduler_free)

/* Firing starts at now (after any restore): a load step's duration, the
 * buckets and the open-loop arrivals count from here. now_real is the
 * wall clock (µs since the epoch): a resumed bucket holds what the
 * restored attempts left in it plus what the time since the last of them
 * refilled. */
void scheduler_start (Scheduler *s, gint64 now, gint64 now_real);

/* What an interrupted run did, from one attempt of its log as rundir's
 * reader decoded it (borrowed; call for each in log order, before the
 * first claim): a final answer moves its conversation on, a final failure
 * closes it; an attempt that was to be retried (final: false) leaves the
 * retry pending, made on resume with the next attempt number. Every
 * retry decided is taken from the submission's budget, and each attempt's
 * send time (started_at) from its token bucket, as in the run. Units and
 * submissions not in this contest are ignored. */
void scheduler_restore (Scheduler *s, const LogAttempt *a);

/* The next request that caps, buckets, arrivals and backoffs allow at now,
 * round-robin over the submissions from *cursor (a caller's own position,
 * moved on), counted in flight at once; or NULL with *wake_at set to when
 * time alone may let one start (SCHEDULER_NEVER when only a finishing
 * attempt can). */
SchedJob *scheduler_claim (Scheduler *s, gint64 now, guint *cursor,
                           gint64 *wake_at);

/* A hint for the next claims from cursor on, given one turn ahead so
 * that memory has the time to answer: the fresh units the next n (at
 * most 16) would most likely take are asked for (plan_prefetch), and the
 * unit array's slots of the n after them, which the next call reads.
 * Changes nothing. */
void scheduler_prefetch (const Scheduler *s, guint cursor, guint n);

/* The attempt of j is over: whether it is final (a retry takes one from
 * the submission's budget). Call once per attempt, in the order they
 * finish, before scheduler_finish, so the log record can say "final".
 * After a stop or a pause a retry is still decided: it is left pending
 * for a resume. Counts the submission's run of like failures: at the
 * contest's pause_after in a row it is paused (SchedProgress). */
SchedVerdict scheduler_verdict (Scheduler *s, const SchedJob *j,
                                const SchedResult *r);

/* Applies the verdict at now: a retry waits for its backoff (Retry-After
 * when longer), a redirect goes at once, an answered turn of a
 * conversation brings the next turn — unless stopped or paused, when
 * nothing more is made of it; j is the scheduler's again (it may be
 * freed). */
void scheduler_finish (Scheduler *s, SchedJob *j, SchedVerdict v,
                       const SchedResult *r, gint64 now);

/* The job was never sent (its request could not be built or added): it is
 * dropped and no longer counted in flight; the caller logs why. */
void scheduler_drop (Scheduler *s, SchedJob *j);

/* No more new requests nor retries; what is in flight may finish. */
void scheduler_stop (Scheduler *s);

/* Anything left to start now or later (FALSE once stopped or done). */
gboolean scheduler_pending (const Scheduler *s, gint64 now);

/* Requests in flight over all submissions. */
guint scheduler_in_flight (const Scheduler *s);

guint scheduler_n_subs (const Scheduler *s);
void scheduler_progress (const Scheduler *s, guint sub, SchedProgress *out);

/* The backoff before retry `attempt` (1 = the first retry) with the
 * jitter draw j in [0.5, 1.5) and the server's Retry-After (0 = none):
 * 250 ms × 2^(attempt−1) × j, at most 30 s, and never less than
 * Retry-After (itself capped at 30 s). */
gint64 scheduler_backoff_us (guint attempt, double j, gint64 retry_after_us);

/* Whether a failure class is retried under the contest's rules
 * (harness/README.md lists them). */
gboolean scheduler_retryable (const Contest *c, FailureClass cls);

#endif
