/* The firing engine: threads that take requests from the scheduler
 * (harness/scheduler.c: what goes next, pure logic), move their bytes with
 * a fire loop each (harness/fireloop.c: libcurl multi over epoll), and
 * handle what comes back here: the outcome read (harness/transfer.c), the
 * scheduler's verdict, the log record appended as soon as the attempt is
 * over. The scheduler and the run log are shared under locks that are
 * never held while libcurl runs. */
#include "harness/engine.h"

#include <string.h>

#include "harness/fireloop.h"
#include "harness/plan.h"
#include "harness/scheduler.h"
#include "harness/transfer.h"

#define PROGRESS_EVERY_US (200 * 1000)
/* New transfers started per loop turn. Thousands added at once would all
 * connect before any connection is read back, and each would count the
 * others' setup as its own connect time; in batches the sockets are served
 * between them. */
#define STARTS_PER_TURN 16u
/* Finished transfers handled per loop turn before the sockets are served
 * again: with thousands finishing together, reading the others' answers
 * must not wait behind the parsing and logging of these. */
#define FINISHES_PER_TURN 64u
/* The longest a worker sleeps when nothing is due (a stop request is seen
 * this often). */
#define IDLE_WAIT_MS 200

typedef struct _Worker Worker;

/* One thread's share of the firing: its own fire loop, so libcurl's work
 * (two thirds of a request here) runs on every core. */
struct _Worker {
  struct _Engine *e;
  FireLoop *loop;
  guint cap;         /* its share of the global cap */
  guint cursor;      /* round-robin position over the submissions */
  GString *lines[FINISHES_PER_TURN]; /* a batch's records, reused */
  struct curl_slist **headers; /* per submission, built on first use */
  TransferUrl *urls; /* per submission, parsed on first use (uh NULL) */
  guint8 *url_tried; /* per submission: parsed, or libcurl refused it */
  GPtrArray *bodies; /* GString*: response buffers for reuse */
  GPtrArray *spare;  /* Xfer*: finished ones, for reuse */
  time_t iso_second; /* the second iso_prefix shows */
  char iso_prefix[32];
  GThread *thread;
  GError *error;     /* why it stopped, when it could not go on */
};

/* A transfer in flight and what it belongs to. */
typedef struct {
  FireSlot slot;     /* first: a FireSlot* is an Xfer* */
  Transfer t;
  SchedJob *job;
  gint64 queued;     /* open loop: µs between the scheduled and real send */
} Xfer;

struct _Engine {
  EngineOptions o;
  Worker *workers;
  guint n_workers;
  gboolean no_env_proxy; /* TransferSpec.no_env_proxy, read once */
  GMutex lock;        /* guards the scheduler, progress and interrupted */
  GMutex log_lock;    /* guards the run log and fatal: appending, with its
                       * write(2), must not hold up scheduling */
  Scheduler *sched;
  guint global_cap;
  gboolean interrupted;
  gint64 started_us, progress_us;
  GError *fatal;
  gint failed;        /* atomic: a worker cannot go on, all stop */
};

static void
gstring_free (gpointer s)
{
  g_string_free (s, TRUE);
}

/* A signal asked to stop (the caller's flag), or a worker cannot go on
 * (the engine's own, so a failure here does not look like a signal). */
static gboolean
stopping (Engine *e)
{
  return *e->o.stop || g_atomic_int_get (&e->failed);
}

/* A thread per core (at most 4) once there is enough in flight to share;
 * EngineOptions.workers overrides. */
static guint
workers_for (const EngineOptions *o, guint global_cap)
{
  if (o->workers > 0)
    return MIN (o->workers, MAX (global_cap, 1u));
  if (global_cap < 32)
    return 1;
  return CLAMP ((guint) g_get_num_processors (), 1u, 4u);
}

Engine *
engine_new (const EngineOptions *opts)
{
  Engine *e = g_new0 (Engine, 1);
  e->o = *opts;
  /* Before any thread: libcurl's global state is set up once. */
  curl_global_init (CURL_GLOBAL_DEFAULT);
  g_mutex_init (&e->lock);
  g_mutex_init (&e->log_lock);
  g_auto (GStrv) env = g_get_environ ();
  e->no_env_proxy = !transfer_env_names_proxy ((const char *const *) env);
  SchedulerOptions so = { opts->contest, opts->units, opts->run_id,
                          opts->load_concurrency, opts->load_duration_us };
  e->sched = scheduler_new (&so, g_get_monotonic_time ());
  const Contest *c = opts->contest;
  e->global_cap = MAX (c->global_concurrency,
                       opts->load_concurrency * c->manifests->len);
  e->n_workers = workers_for (opts, e->global_cap);
  e->workers = g_new0 (Worker, e->n_workers);
  for (guint i = 0; i < e->n_workers; i++) {
    Worker *w = &e->workers[i];
    w->e = e;
    w->cap = (e->global_cap + e->n_workers - 1) / e->n_workers;
    for (guint k = 0; k < FINISHES_PER_TURN; k++)
      w->lines[k] = g_string_sized_new (1024);
    w->headers = g_new0 (struct curl_slist *, c->manifests->len);
    w->urls = g_new0 (TransferUrl, c->manifests->len);
    w->url_tried = g_new0 (guint8, c->manifests->len);
    w->bodies = g_ptr_array_new_with_free_func (gstring_free);
    w->spare = g_ptr_array_new_with_free_func (g_free);
    w->iso_second = -1;
  }
  return e;
}

void
engine_free (Engine *e)
{
  if (e == NULL)
    return;
  for (guint i = 0; i < e->n_workers; i++) {
    fireloop_free (e->workers[i].loop);
    for (guint k = 0; k < FINISHES_PER_TURN; k++)
      g_string_free (e->workers[i].lines[k], TRUE);
    for (guint k = 0; k < e->o.contest->manifests->len; k++) {
      curl_slist_free_all (e->workers[i].headers[k]);
      transfer_url_clear (&e->workers[i].urls[k]);
    }
    g_free (e->workers[i].headers);
    g_free (e->workers[i].urls);
    g_free (e->workers[i].url_tried);
    g_ptr_array_unref (e->workers[i].bodies);
    g_ptr_array_unref (e->workers[i].spare);
    g_clear_error (&e->workers[i].error);
  }
  g_free (e->workers);
  scheduler_free (e->sched);
  g_clear_error (&e->fatal);
  g_mutex_clear (&e->lock);
  g_mutex_clear (&e->log_lock);
  g_free (e);
  curl_global_cleanup ();
}

void
engine_set_log (Engine *e, RunLog *log)
{
  e->o.log = log;
}

gboolean
engine_interrupted (const Engine *e)
{
  return e->interrupted;
}

void
engine_sub_progress (Engine *e, guint sub, EngineSubProgress *out)
{
  SchedProgress sp;
  g_mutex_lock (&e->lock);
  scheduler_progress (e->sched, sub, &sp);
  g_mutex_unlock (&e->lock);
  *out = (EngineSubProgress) { sp.id, sp.units_total, sp.units_done,
                               sp.requests, sp.errors, sp.in_flight,
                               sp.paused, sp.pause_class, sp.pause_streak };
}

void
engine_restore_record (Engine *e, const LogAttempt *a)
{
  scheduler_restore (e->sched, a);
}

/* ---- the log record of one attempt ---- */

/* started_at as ISO 8601 UTC with microseconds. The date and time up to
 * the second change once a second, so they are formatted only then: a
 * GDateTime per request was a visible share of firing. */
static void
format_iso_time (Worker *w, gint64 real_us, char out[48])
{
  time_t sec = (time_t) (real_us / G_USEC_PER_SEC);
  if (sec != w->iso_second) {
    struct tm tm;
    gmtime_r (&sec, &tm);
    strftime (w->iso_prefix, sizeof w->iso_prefix, "%Y-%m-%dT%H:%M:%S", &tm);
    w->iso_second = sec;
  }
  gsize n = strlen (w->iso_prefix);
  memcpy (out, w->iso_prefix, n);
  out[n] = '.';
  guint us = (guint) (real_us % G_USEC_PER_SEC);
  for (int i = 6; i >= 1; i--, us /= 10)
    out[n + i] = (char) ('0' + us % 10);
  out[n + 7] = 'Z';
  out[n + 8] = '\0';
}

/* The class of an outcome in rundir's names (rundir/failure.h): transfer.c
 * and the adapters name their classes as text, and every name must be
 * one the log can carry. */
static FailureClass
outcome_class (const TransferOutcome *o)
{
  FailureClass cls = FAILURE_NONE;
  if (o->cls != NULL && !failure_parse (o->cls, &cls)) {
    g_warn_if_reached (); /* a class rundir/failure.h does not name */
    cls = FAILURE_OTHER;
  }
  return cls;
}

/* The attempt's log record (rundir/attempt.h, the one writer of its
 * format), as text without its closing brace: the run log adds the chain
 * (rundir/runlog.h). */
static void
write_record (Worker *w, GString *line, const Xfer *x,
              const TransferOutcome *o, FailureClass cls, gboolean final)
{
  const SchedJob *j = x->job;
  const PlanUnit *u = j->unit;
  char started_at[48];
  format_iso_time (w, x->t.started_real, started_at);
  LogAttempt a = {
    .submission = j->m->id, .testset = u->set->name,
    .item = u->item_id, .variant = u->variant,
    .variant_kind = u->variant_kind, .seed = u->seed, .turn = j->turn,
    .attempt = j->attempt, .final = final, .session = j->session,
    .sent = u->turns[j->turn], .answer = o->answer,
    .answer_len = o->answer_len, .http_status = o->status,
    .error_class = cls, .error = o->detail,
    .t_dns_us = o->t_dns, .t_connect_us = o->t_connect,
    .t_tls_us = o->t_tls, .t_first_byte_us = o->t_first,
    .t_total_us = o->t_total,
    .t_first_token_us = j->m->stream ? MAX (o->t_first_token, -1) : -1,
    .streamed = j->m->stream,
    .t_queue_us = w->e->o.contest->open_loop ? MAX (x->queued, 0) : -1,
    .t_server_us = MAX (x->t.server_us, -1),
    .redirected_to = j->redirect, .started_at = started_at,
  };
  g_string_truncate (line, 0);
  attempt_write (line, &a);
}

/* A response buffer goes back for reuse, unless it grew large (a huge
 * answer's buffer is not kept) or enough are kept (one per transfer a
 * worker may have in flight). */
static void
keep_body (Worker *w, GString *body)
{
  if (body->allocated_len > 64 * 1024 || w->bodies->len >= w->cap)
    g_string_free (body, TRUE);
  else
    g_ptr_array_add (w->bodies, body);
}

/* A transfer's record, reused: one allocation less per request. */
static Xfer *
xfer_new (Worker *w)
{
  if (w->spare->len == 0)
    return g_new0 (Xfer, 1);
  Xfer *x = g_ptr_array_steal_index_fast (w->spare, w->spare->len - 1);
  memset (x, 0, sizeof *x);
  return x;
}

static void
xfer_free (Worker *w, Xfer *x)
{
  if (w->spare->len < w->cap)
    g_ptr_array_add (w->spare, x);
  else
    g_free (x);
}

/* ---- what a finished attempt means ---- */

/* Finished attempts are handled in batches, each step for the whole batch
 * under one taking of its lock: the verdicts (engine's lock), the records
 * appended (log's lock), the scheduler told (engine's lock). With two
 * threads, a lock taken three times per answer was a good share of the
 * time spent waking each other up. */
typedef struct {
  Xfer *x;
  TransferOutcome o;
  SchedResult r;
  SchedVerdict v;
} Done;

static void
complete_batch (Worker *w, Done *d, guint n)
{
  Engine *e = w->e;
  /* The records read the plan again, long after the start: asked for
   * together, before the first lock (plan_prefetch). */
  const PlanUnit *units[FINISHES_PER_TURN] = { NULL };
  guint turns[FINISHES_PER_TURN] = { 0 };
  for (guint i = 0; i < n; i++) {
    units[i] = d[i].x->job->unit;
    turns[i] = d[i].x->job->turn;
  }
  plan_prefetch (units, turns, n);
  g_mutex_lock (&e->lock);
  if (stopping (e))
    scheduler_stop (e->sched); /* retries decided now are left pending */
  for (guint i = 0; i < n; i++) {
    TransferOutcome *o = &d[i].o;
    d[i].r = (SchedResult) { outcome_class (o),
                             (gint64) o->retry_after * G_USEC_PER_SEC,
                             o->location, o->answer,
                             (guint) MAX (o->opened, 0) };
    d[i].v = scheduler_verdict (e->sched, d[i].x->job, &d[i].r);
  }
  g_mutex_unlock (&e->lock);
  /* One write(2) for the batch; none of it is counted before it is on
   * disk (scheduler_finish below). */
  for (guint i = 0; i < n; i++)
    write_record (w, w->lines[i], d[i].x, &d[i].o, d[i].r.cls,
                  d[i].v == SCHED_FINAL);
  g_mutex_lock (&e->log_lock);
  runlog_hold (e->o.log);
  for (guint i = 0; i < n && e->fatal == NULL; i++)
    (void) runlog_append_open (e->o.log, w->lines[i], &e->fatal); /* held */
  if (e->fatal == NULL)
    (void) runlog_release (e->o.log, &e->fatal);
  if (e->fatal != NULL)
    g_atomic_int_set (&e->failed, 1); /* cannot record: start nothing */
  g_mutex_unlock (&e->log_lock);
  gint64 now = g_get_monotonic_time ();
  g_mutex_lock (&e->lock);
  for (guint i = 0; i < n; i++)
    scheduler_finish (e->sched, d[i].x->job, d[i].v, &d[i].r, now);
  g_mutex_unlock (&e->lock);
  for (guint i = 0; i < n; i++) {
    transfer_outcome_clear (&d[i].o);
    keep_body (w, d[i].x->t.body);
    transfer_clear (&d[i].x->t);
    xfer_free (w, d[i].x);
  }
}

/* What a finished transfer got, read while its handle is attached; then
 * the handle goes back to the loop. */
static void
read_done (Worker *w, Xfer *x, CURLcode rc, Done *d)
{
  d->x = x;
  memset (&d->o, 0, sizeof d->o);
  if (x->slot.failed) {
    d->o.cls = "other";
    d->o.detail = g_strdup (x->slot.failed);
    d->o.t_first_token = -1;
  } else
    transfer_read_outcome (&x->t, rc, x->job->m, &d->o);
  fireloop_release (w->loop, &x->slot);
}

/* Handles at most FINISHES_PER_TURN finished transfers; TRUE when more
 * are waiting. */
static gboolean
drain_finished (Worker *w)
{
  Done d[FINISHES_PER_TURN];
  guint n = 0;
  CURLcode rc;
  FireSlot *slot;
  while (n < FINISHES_PER_TURN
         && (slot = fireloop_next_done (w->loop, &rc)) != NULL)
    read_done (w, (Xfer *) slot, rc, &d[n++]);
  if (n > 0)
    complete_batch (w, d, n);
  return n == FINISHES_PER_TURN;
}

/* ---- starting ---- */

/* Builds and adds the request of a claimed job; libcurl and the adapter
 * run outside the lock. A request libcurl refuses to start is recorded
 * as a failed attempt (class other), never left waiting. FALSE only when
 * the request cannot be built (the run cannot go on). */
static gboolean
start (Worker *w, SchedJob *j, GError **error)
{
  const Contest *c = w->e->o.contest;
  Xfer *x = xfer_new (w);
  x->job = j;
  AdapterTurn turn = { j->unit->turns[j->turn], j->history, j->session,
                       j->turn };
  /* The headers of a submission never change: built once per thread. */
  if (w->headers[j->sub] == NULL)
    w->headers[j->sub] = adapter_headers (j->m);
  if (!w->url_tried[j->sub]) { /* its URL too (libcurl's own parse) */
    w->url_tried[j->sub] = TRUE;
    (void) transfer_url_parse (&w->urls[j->sub], j->m->endpoint);
  }
  const TransferUrl *parsed = w->urls[j->sub].uh ? &w->urls[j->sub] : NULL;
  gboolean same = FALSE;
  x->slot.tag = (gpointer) j->m;
  x->slot.easy = fireloop_easy (w->loop, x->slot.tag, &same);
  GString *body = w->bodies->len
                      ? g_ptr_array_steal_index_fast (w->bodies,
                                                      w->bodies->len - 1)
                      : g_string_sized_new (512);
  TransferSpec spec = { j->m, j->redirect, j->timeout_ms,
                        c->connect_timeout_ms, c->max_body_bytes,
                        j->fresh_connect, w->headers[j->sub], same, body,
                        w->e->no_env_proxy, parsed };
  if (!transfer_start (&x->t, x->slot.easy, &spec, &turn, x, error)) {
    fireloop_give_back (w->loop, x->slot.easy, NULL);
    keep_body (w, body);
    xfer_free (w, x);
    return FALSE;
  }
  if (j->scheduled)
    x->queued = MAX (x->t.t0 - j->scheduled, 0);
  char *detail = NULL;
  if (!fireloop_add (w->loop, &x->slot, &detail)) {
    Done d = { x, { .cls = "other", .detail = detail, .t_first_token = -1 },
               { 0 }, SCHED_FINAL };
    complete_batch (w, &d, 1);
  }
  return TRUE;
}

typedef enum {
  REFILL_IDLE,   /* nothing more can start until a transfer finishes */
  REFILL_HELD,   /* something waits for time: a bucket or a backoff */
  REFILL_MORE,   /* the turn's batch is used up; more can start at once */
  REFILL_FAILED,
} Refill;

/* Starts at most STARTS_PER_TURN transfers on this worker, claimed under
 * one taking of the lock; *wake_at is when time alone lets the next one
 * start. */
static Refill
refill (Worker *w, gint64 *wake_at, GError **error)
{
  Engine *e = w->e;
  SchedJob *jobs[STARTS_PER_TURN];
  guint room = w->cap - MIN (w->cap, fireloop_active (w->loop));
  guint want = MIN (room, STARTS_PER_TURN), n = 0;
  *wake_at = SCHEDULER_NEVER;
  if (want == 0)
    return REFILL_IDLE;
  gint64 now = g_get_monotonic_time ();
  g_mutex_lock (&e->lock);
  while (n < want
         && (jobs[n] = scheduler_claim (e->sched, now, &w->cursor, wake_at))
                != NULL)
    n++;
  /* For the next turn: asked for now, the plan's lines have the time to
   * arrive (asked for just before the claims, they were still misses
   * when the session ids read them). */
  scheduler_prefetch (e->sched, w->cursor, STARTS_PER_TURN);
  g_mutex_unlock (&e->lock);
  for (guint i = 0; i < n; i++)
    if (!start (w, jobs[i], error)) {
      g_mutex_lock (&e->lock);
      for (guint k = i; k < n; k++)
        scheduler_drop (e->sched, jobs[k]);
      g_mutex_unlock (&e->lock);
      return REFILL_FAILED;
    }
  if (n == STARTS_PER_TURN)
    return REFILL_MORE;
  if (n == want)
    return REFILL_IDLE; /* this worker's cap: a finish makes room */
  return *wake_at != SCHEDULER_NEVER ? REFILL_HELD : REFILL_IDLE;
}

/* The first worker stays while anything is in flight anywhere, since it
 * shows the progress; the others leave when they have nothing in flight
 * and nothing is left to start. A worker with transfers of its own in
 * flight (the common case, once per loop turn) does not take the lock:
 * two threads taking it every turn made its cache line travel between
 * the cores. */
static gboolean
worker_has_work (Worker *w)
{
  Engine *e = w->e;
  if (fireloop_active (w->loop) > 0)
    return TRUE;
  g_mutex_lock (&e->lock);
  gboolean more = (w == &e->workers[0] && scheduler_in_flight (e->sched) > 0)
                  || (!stopping (e)
                      && scheduler_pending (e->sched,
                                            g_get_monotonic_time ()));
  g_mutex_unlock (&e->lock);
  return more;
}

static void
report_progress (Engine *e, gboolean force)
{
  if (e->o.progress == NULL)
    return;
  gint64 now = g_get_monotonic_time ();
  if (!force && now - e->progress_us < PROGRESS_EVERY_US)
    return;
  e->progress_us = now;
  guint n = scheduler_n_subs (e->sched);
  g_autofree EngineSubProgress *p = g_new (EngineSubProgress, n);
  g_mutex_lock (&e->lock);
  for (guint i = 0; i < n; i++) {
    SchedProgress sp;
    scheduler_progress (e->sched, i, &sp);
    p[i] = (EngineSubProgress) { sp.id, sp.units_total, sp.units_done,
                                 sp.requests, sp.errors, sp.in_flight,
                                 sp.paused, sp.pause_class,
                                 sp.pause_streak };
  }
  g_mutex_unlock (&e->lock);
  e->o.progress (p, n, now - e->started_us, force, e->o.progress_user);
}

/* How long the loop may sleep: not at all when more can start or finish
 * at once, until the next due time when time holds something back. */
static int
wait_ms (Refill r, gint64 wake_at, gboolean more_done)
{
  if (r == REFILL_MORE || more_done)
    return 0;
  if (r != REFILL_HELD)
    return IDLE_WAIT_MS;
  gint64 left = wake_at - g_get_monotonic_time ();
  return (int) CLAMP ((left + 999) / 1000, 0, IDLE_WAIT_MS);
}

/* One worker's loop, after curl's parallel transfer loop (STYLE.md 8):
 * refill → wait → act → handle finished transfers → refill. A worker that
 * cannot build a request stops the run but still lands what it has in
 * flight. */
static gpointer
worker_loop (gpointer data)
{
  Worker *w = data;
  Engine *e = w->e;
  gboolean first = w == &e->workers[0];
  gboolean more_done = FALSE;
  for (;;) {
    if (!worker_has_work (w))
      break;
    gint64 wake_at = SCHEDULER_NEVER;
    Refill r = stopping (e) ? REFILL_IDLE : refill (w, &wake_at, &w->error);
    if (r == REFILL_FAILED)
      g_atomic_int_set (&e->failed, 1);
    fireloop_run (w->loop, wait_ms (r, wake_at, more_done));
    more_done = drain_finished (w);
    if (first)
      report_progress (e, FALSE);
  }
  return NULL;
}

gboolean
engine_fire (Engine *e, GError **error)
{
  long pool = (long) e->global_cap;
  for (guint i = 0; i < e->n_workers; i++) {
    e->workers[i].loop = fireloop_new (e->workers[i].cap, pool, error);
    if (e->workers[i].loop == NULL)
      return FALSE;
  }
  /* The disk is synced by the log's own thread: a slow fdatasync must not
   * stop a firing thread from reading the answers that arrive meanwhile. */
  if (!runlog_sync_in_background (e->o.log, error))
    return FALSE;
  e->started_us = g_get_monotonic_time ();
  scheduler_start (e->sched, e->started_us, g_get_real_time ());
  for (guint i = 1; i < e->n_workers; i++)
    e->workers[i].thread = g_thread_new ("vabench-fire", worker_loop,
                                         &e->workers[i]);
  worker_loop (&e->workers[0]);
  for (guint i = 1; i < e->n_workers; i++)
    g_thread_join (g_steal_pointer (&e->workers[i].thread));
  report_progress (e, TRUE);
  e->interrupted = *e->o.stop != 0;
  for (guint i = 0; i < e->n_workers; i++)
    if (e->workers[i].error) {
      g_propagate_error (error, g_steal_pointer (&e->workers[i].error));
      return FALSE;
    }
  if (e->fatal) {
    g_propagate_error (error, g_steal_pointer (&e->fatal));
    return FALSE;
  }
  return runlog_sync (e->o.log, error);
}
