/* The firing engine: which request goes next (orders, caps, token buckets,
 * retries, conversations, resume) and the workers that fire them. Each
 * worker runs curl's parallel transfer loop (STYLE.md 8) on its own
 * epoll set and multi handles; what one attempt is and means lives in
 * harness/transfer.c, so the loop itself stays flat. */
#include "harness/engine.h"

#include <errno.h>
#include <string.h>
#include <sys/epoll.h>
#include <unistd.h>

#include "harness/plan.h"
#include "harness/transfer.h"
#include "util/jsonw.h"

#define BACKOFF_BASE_US (250 * 1000)
#define BACKOFF_MAX_US (30 * 1000 * 1000)
#define PROGRESS_EVERY_US (200 * 1000)
/* New transfers started per loop turn. Thousands added at once would all
 * connect before any connection is read back, and each would count the
 * others' setup as its own connect time; in batches the sockets are served
 * between them. */
#define STARTS_PER_TURN 16u
/* Connections per multi handle. libcurl 7.88 walks its whole connection
 * pool each time a finished transfer is removed (to find the connection it
 * last used); with 10,000 connections in one pool that walk, once per
 * answer, cost more than the answers. Pools this small keep it cheap. */
#define SHARD_CONNS 128u

typedef struct _SubState SubState;

/* One (item, variant) being fired for one submission: its turns in order. */
typedef struct {
  SubState *sub;
  const PlanUnit *unit;
  guint turn;
  guint attempt;      /* 1-based, for the current turn */
  GPtrArray *history; /* char*: user, assistant, … of finished turns */
  char *session;
  gint64 ready_at;    /* monotonic µs; a retry waits for its backoff */
  gint64 scheduled;   /* open loop: when this request was due (µs) */
  char *redirect;     /* an allowed redirect's target for the next attempt */
  gboolean fresh_connect; /* every connection of the submission is busy */
} Job;

typedef struct {
  gboolean complete;
  guint next_turn;
  GPtrArray *history;
  char *session;
} Restored;

struct _SubState {
  const Manifest *m;
  guint cap, timeout_ms;
  double rate, tokens;
  gint64 refilled_at;
  guint *order;
  guint next;      /* next position in order */
  GQueue waiting;  /* Job*: retries in backoff and next turns */
  guint retry_budget;
  gint64 next_arrival; /* open loop: the next request's scheduled time */
  guint conns_opened;  /* connections this submission's transfers opened */
  EngineSubProgress progress;
};

typedef struct _Worker Worker;

/* One multi handle and its connection pool; a worker's shards share its
 * epoll set. */
typedef struct {
  CURLM *multi;
  Worker *worker;
  guint index;
  guint active;
  gint64 deadline; /* when libcurl wants its timeout action, or -1 */
} Shard;

/* One thread's share of the firing: its own epoll set, multi handles and
 * idle easy handles, so libcurl's work (two thirds of a request here) runs
 * on every core. What belongs to submissions — orders, caps, buckets,
 * retry budgets, progress — and the run log are shared under the engine's
 * lock, which is never held while libcurl runs. */
struct _Worker {
  struct _Engine *e;
  int epfd;
  Shard *shards;
  guint n_shards;
  GPtrArray *idle;   /* CURL* ready for reuse */
  guint active;      /* transfers in flight on this worker */
  guint cap;         /* its share of the global cap */
  guint next_sub;    /* round-robin position over the submissions */
  GString *line;     /* the record being written, reused */
  time_t iso_second; /* the second iso_prefix shows */
  char iso_prefix[32];
  GThread *thread;
  GError *error;     /* why it stopped, when it could not go on */
  int epoll_errno;   /* why there is no epoll set, or 0 */
};

/* A transfer in flight and what it belongs to. */
typedef struct {
  Transfer t;
  Job *job;
  Shard *shard;
  gint64 queued; /* open loop: µs between the scheduled and real send */
} Xfer;

struct _Engine {
  EngineOptions o;
  Worker *workers;
  guint n_workers;
  GMutex lock;            /* guards everything below but the tables */
  GMutex log_lock;        /* guards the run log and fatal: appending, with
                           * its write(2), must not hold up scheduling */
  GPtrArray *subs;        /* SubState* */
  GHashTable *unit_index; /* unit key → PlanUnit*; read-only when firing */
  GHashTable *restored;   /* "sub\037unit key" → Restored*; read-only too */
  GRand *jitter;
  guint active;           /* transfers in flight on all workers */
  guint global_cap;
  gboolean interrupted;
  gint64 started_us, progress_us;
  GError *fatal;
  gint failed;            /* atomic: a worker cannot go on, all stop */
};

/* A signal asked to stop (the caller's flag), or a worker cannot go on
 * (the engine's own, so a failure here does not look like a signal). */
static gboolean
stopping (Engine *e)
{
  return *e->o.stop || g_atomic_int_get (&e->failed);
}

static void
job_free (Job *j)
{
  g_ptr_array_unref (j->history);
  g_free (j->session);
  g_free (j->redirect);
  g_free (j);
}

static void
restored_free (gpointer p)
{
  Restored *r = p;
  g_ptr_array_unref (r->history);
  g_free (r->session);
  g_free (r);
}

static void
sub_free (gpointer p)
{
  SubState *s = p;
  g_queue_clear_full (&s->waiting, (GDestroyNotify) job_free);
  g_free (s->order);
  g_free (s);
}

static char *
restored_key (const char *sub, const PlanUnit *u)
{
  return g_strdup_printf ("%s\037%s/%s/%s", sub, u->set->name, u->item->id,
                          u->variant);
}

/* libcurl's socket interface with epoll: the work per wake-up follows the
 * sockets that are ready, not every transfer in flight — with 10,000
 * requests in flight, poll() over all of them each turn was the cost. */
static int
on_socket (CURL *easy, curl_socket_t fd, int what, void *user, void *sockp)
{
  Shard *sh = user;
  int epfd = sh->worker->epfd;
  if (what == CURL_POLL_REMOVE) {
    (void) epoll_ctl (epfd, EPOLL_CTL_DEL, fd, NULL);
    curl_multi_assign (sh->multi, fd, NULL);
    return 0;
  }
  struct epoll_event ev = { 0 };
  ev.events = (what & CURL_POLL_IN ? EPOLLIN : 0)
              | (what & CURL_POLL_OUT ? EPOLLOUT : 0);
  ev.data.u64 = (guint64) sh->index << 32 | (guint32) fd;
  if (sockp != NULL)
    (void) epoll_ctl (epfd, EPOLL_CTL_MOD, fd, &ev);
  else if (epoll_ctl (epfd, EPOLL_CTL_ADD, fd, &ev) == 0
           || (errno == EEXIST
               && epoll_ctl (epfd, EPOLL_CTL_MOD, fd, &ev) == 0))
    curl_multi_assign (sh->multi, fd, sh); /* any non-NULL mark: watched */
  return 0;
}

static int
on_timer (CURLM *multi, long timeout_ms, void *user)
{
  Shard *sh = user;
  sh->deadline = timeout_ms < 0 ? -1
                                : g_get_monotonic_time ()
                                      + (gint64) timeout_ms * 1000;
  return 0;
}

static void
worker_init (Engine *e, Worker *w, guint cap)
{
  w->e = e;
  w->cap = cap;
  w->epfd = epoll_create1 (EPOLL_CLOEXEC);
  w->epoll_errno = w->epfd < 0 ? errno : 0;
  w->idle = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                curl_easy_cleanup);
  w->line = g_string_sized_new (4096);
  w->iso_second = -1;
  w->n_shards = MAX (1u, (cap + SHARD_CONNS - 1) / SHARD_CONNS);
  w->shards = g_new0 (Shard, w->n_shards);
  /* Idle connections are kept up to the whole run's concurrency in every
   * pool, not the shard's share of it: a worker may hold a connection to
   * each submission, and a pool smaller than that evicts and reconnects
   * (a TLS handshake in some province's measured latency). */
  long pool = (long) MAX (e->global_cap, 16u);
  for (guint i = 0; i < w->n_shards; i++) {
    Shard *sh = &w->shards[i];
    sh->worker = w;
    sh->index = i;
    sh->deadline = -1;
    sh->multi = curl_multi_init ();
    curl_multi_setopt (sh->multi, CURLMOPT_SOCKETFUNCTION, on_socket);
    curl_multi_setopt (sh->multi, CURLMOPT_SOCKETDATA, sh);
    curl_multi_setopt (sh->multi, CURLMOPT_TIMERFUNCTION, on_timer);
    curl_multi_setopt (sh->multi, CURLMOPT_TIMERDATA, sh);
    curl_multi_setopt (sh->multi, CURLMOPT_MAXCONNECTS, pool);
  }
}

static void
worker_clear (Worker *w)
{
  g_ptr_array_unref (w->idle);
  for (guint i = 0; i < w->n_shards; i++)
    curl_multi_cleanup (w->shards[i].multi);
  g_free (w->shards);
  if (w->epfd >= 0)
    close (w->epfd);
  g_string_free (w->line, TRUE);
  g_clear_error (&w->error);
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

/* The least busy shard: a transfer that just finished left its connection
 * idle there, so the next one starts where it can reuse it. */
static Shard *
shard_for_next (Worker *w)
{
  Shard *best = &w->shards[0];
  for (guint i = 1; i < w->n_shards; i++)
    if (w->shards[i].active < best->active)
      best = &w->shards[i];
  return best;
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
  e->jitter = g_rand_new_with_seed ((guint32) opts->contest->seed);
  e->unit_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         NULL);
  e->restored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       restored_free);
  for (guint i = 0; i < opts->units->len; i++) {
    const PlanUnit *u = g_ptr_array_index (opts->units, i);
    g_hash_table_insert (e->unit_index,
                         plan_unit_key (u->set->name, u->item->id, u->variant),
                         (gpointer) u);
  }
  const Contest *c = opts->contest;
  e->global_cap = MAX (c->global_concurrency,
                       opts->load_concurrency * c->manifests->len);
  e->subs = g_ptr_array_new_with_free_func (sub_free);
  for (guint i = 0; i < c->manifests->len; i++) {
    SubState *s = g_new0 (SubState, 1);
    s->m = g_ptr_array_index (c->manifests, i);
    s->cap = opts->load_concurrency ? opts->load_concurrency
                                    : contest_concurrency_for (c, s->m);
    s->timeout_ms = contest_timeout_for (c, s->m);
    s->rate = opts->load_concurrency ? 0 : contest_rate_for (c, s->m);
    s->tokens = 1;
    s->refilled_at = g_get_monotonic_time ();
    s->retry_budget = c->retry_budget;
    s->order = plan_order (opts->units->len, c->seed, s->m->id);
    s->progress.id = s->m->id;
    s->progress.units_total = opts->units->len;
    g_queue_init (&s->waiting);
    g_ptr_array_add (e->subs, s);
  }
  e->n_workers = workers_for (opts, e->global_cap);
  e->workers = g_new0 (Worker, e->n_workers);
  for (guint i = 0; i < e->n_workers; i++)
    worker_init (e, &e->workers[i],
                 (e->global_cap + e->n_workers - 1) / e->n_workers);
  return e;
}

void
engine_free (Engine *e)
{
  if (e == NULL)
    return;
  g_ptr_array_unref (e->subs);
  for (guint i = 0; i < e->n_workers; i++)
    worker_clear (&e->workers[i]);
  g_free (e->workers);
  g_hash_table_unref (e->unit_index);
  g_hash_table_unref (e->restored);
  g_rand_free (e->jitter);
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

static const char *
str_field (const cJSON *rec, const char *name)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (rec, name);
  return cJSON_IsString (n) ? n->valuestring : NULL;
}

void
engine_restore_record (Engine *e, const cJSON *rec)
{
  const char *sub = str_field (rec, "submission");
  const char *set = str_field (rec, "testset");
  const char *item = str_field (rec, "item");
  const char *variant = str_field (rec, "variant");
  const cJSON *final = cJSON_GetObjectItemCaseSensitive (rec, "final");
  const cJSON *turn = cJSON_GetObjectItemCaseSensitive (rec, "turn");
  if (!sub || !set || !item || !variant || !cJSON_IsTrue (final)
      || !cJSON_IsNumber (turn))
    return;
  g_autofree char *ukey = plan_unit_key (set, item, variant);
  const PlanUnit *u = g_hash_table_lookup (e->unit_index, ukey);
  if (u == NULL)
    return; /* not part of this contest any more */
  char *key = restored_key (sub, u);
  Restored *r = g_hash_table_lookup (e->restored, key);
  if (r == NULL) {
    r = g_new0 (Restored, 1);
    r->history = g_ptr_array_new_with_free_func (g_free);
    g_hash_table_insert (e->restored, key, r);
  } else
    g_free (key);
  g_free (r->session);
  r->session = g_strdup (str_field (rec, "session"));
  const char *answer = str_field (rec, "answer");
  if (str_field (rec, "error_class") != NULL || answer == NULL) {
    r->complete = TRUE;
    return;
  }
  g_ptr_array_add (r->history, g_strdup (str_field (rec, "sent")));
  g_ptr_array_add (r->history, g_strdup (answer));
  r->next_turn = (guint) turn->valuedouble + 1;
  r->complete = r->next_turn >= g_strv_length (u->turns);
}

/* ---- choosing what to start next ---- */

/* What an interrupted run already did for this unit, or NULL. A fresh run
 * has restored nothing: no key is built on the firing path then. */
static const Restored *
restored_of (Engine *e, const SubState *s, const PlanUnit *u)
{
  if (g_hash_table_size (e->restored) == 0)
    return NULL;
  g_autofree char *key = restored_key (s->m->id, u);
  return g_hash_table_lookup (e->restored, key);
}

static Job *
job_new (Engine *e, SubState *s, const PlanUnit *u)
{
  Job *j = g_new0 (Job, 1);
  j->sub = s;
  j->unit = u;
  j->attempt = 1;
  j->history = g_ptr_array_new_with_free_func (g_free);
  const Restored *r = restored_of (e, s, u);
  if (r != NULL) { /* continue a conversation cut by a crash */
    j->turn = r->next_turn;
    for (guint i = 0; i < r->history->len; i++)
      g_ptr_array_add (j->history,
                       g_strdup (g_ptr_array_index (r->history, i)));
  }
  j->session = r && r->session ? g_strdup (r->session)
                               : g_strdup_printf ("%s:%s:%s:%s:%s",
                                                  e->o.run_id, s->m->id,
                                                  u->set->name, u->item->id,
                                                  u->variant);
  return j;
}

static gboolean
unit_finished_before (Engine *e, SubState *s, const PlanUnit *u)
{
  const Restored *r = restored_of (e, s, u);
  return r != NULL && r->complete;
}

/* A waiting job whose time has come, else a fresh unit, else NULL. */
static Job *
next_job (Engine *e, SubState *s, gint64 now)
{
  for (GList *l = s->waiting.head; l; l = l->next) {
    Job *j = l->data;
    if (j->ready_at <= now) {
      g_queue_delete_link (&s->waiting, l);
      return j;
    }
  }
  if (e->o.load_concurrency && s->next >= e->o.units->len)
    s->next = 0; /* a load step cycles until its time is up */
  while (s->next < e->o.units->len) {
    const PlanUnit *u = g_ptr_array_index (e->o.units, s->order[s->next++]);
    if (unit_finished_before (e, s, u)) {
      s->progress.units_done++;
      continue;
    }
    return job_new (e, s, u);
  }
  return NULL;
}

/* Closed loop: a token bucket paces the sends. Open loop: requests are due
 * at fixed arrival times whether or not the endpoint has kept up, and each
 * carries its due time, so queueing behind a slow endpoint is measured
 * instead of hidden (no coordinated omission). */
static gboolean
take_token (Engine *e, SubState *s, gint64 now, gint64 *scheduled)
{
  *scheduled = 0;
  if (s->rate <= 0)
    return TRUE;
  if (e->o.contest->open_loop && !e->o.load_concurrency) {
    if (s->next_arrival == 0)
      s->next_arrival = now;
    if (now < s->next_arrival)
      return FALSE;
    *scheduled = s->next_arrival;
    s->next_arrival += (gint64) (1e6 / s->rate);
    return TRUE;
  }
  double burst = MAX (1.0, s->rate);
  s->tokens = MIN (burst, s->tokens + s->rate * (now - s->refilled_at) / 1e6);
  s->refilled_at = now;
  if (s->tokens < 1.0)
    return FALSE;
  s->tokens -= 1.0;
  return TRUE;
}

static void
give_token_back (Engine *e, SubState *s, gint64 scheduled)
{
  if (s->rate <= 0)
    return;
  if (scheduled)
    s->next_arrival = scheduled;
  else
    s->tokens += 1.0;
}

static gboolean
load_over (const Engine *e)
{
  return e->o.load_concurrency
         && g_get_monotonic_time () - e->started_us >= e->o.load_duration_us;
}

static gboolean
has_pending (Engine *e, const SubState *s)
{
  if (e->o.load_concurrency)
    return !load_over (e) && e->o.units->len > 0;
  return s->next < e->o.units->len || s->waiting.length > 0;
}

/* ---- one transfer ---- */

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
  g_snprintf (out, 48, "%s.%06dZ", w->iso_prefix,
              (int) (real_us % G_USEC_PER_SEC));
}

static const char **
history_strv (Job *j)
{
  const char **v = g_new0 (const char *, j->history->len + 1);
  for (guint i = 0; i < j->history->len; i++)
    v[i] = g_ptr_array_index (j->history, i);
  return v;
}

/* Builds and adds the request of a job claimed under the lock; libcurl
 * and the adapter run outside it. */
static gboolean
start_transfer (Worker *w, Job *j, GError **error)
{
  Engine *e = w->e;
  const Contest *c = e->o.contest;
  Xfer *x = g_new0 (Xfer, 1);
  x->job = j;
  g_autofree const char **hist = history_strv (j);
  AdapterTurn turn = { j->unit->turns[j->turn], hist, j->session, j->turn };
  TransferSpec spec = { j->sub->m, j->redirect, j->sub->timeout_ms,
                        c->connect_timeout_ms, c->max_body_bytes,
                        j->fresh_connect };
  CURL *easy = w->idle->len ? g_ptr_array_steal_index_fast (w->idle,
                                                            w->idle->len - 1)
                            : curl_easy_init ();
  if (!transfer_start (&x->t, easy, &spec, &turn, x, error)) {
    g_ptr_array_add (w->idle, easy);
    g_free (x);
    return FALSE;
  }
  if (j->scheduled)
    x->queued = MAX (x->t.t0 - j->scheduled, 0);
  x->shard = shard_for_next (w);
  curl_multi_add_handle (x->shard->multi, easy);
  x->shard->active++;
  w->active++;
  return TRUE;
}

/* Gives the easy handle back to the worker; the shared counts are the
 * caller's, under the lock. */
static void
release_transfer (Worker *w, Xfer *x)
{
  curl_multi_remove_handle (x->shard->multi, x->t.easy);
  x->shard->active--;
  w->active--;
  g_ptr_array_add (w->idle, x->t.easy);
  transfer_clear (&x->t);
  g_free (x);
}

/* ---- what a finished transfer means ---- */

static gboolean
retryable (const Engine *e, const char *cls)
{
  return strcmp (cls, "connect") == 0 || strcmp (cls, "http_429") == 0
         || strcmp (cls, "http_5xx") == 0
         || (e->o.contest->retry_timeouts && strcmp (cls, "timeout") == 0);
}

static gint64
backoff_us (Engine *e, guint attempt, curl_off_t retry_after_s)
{
  gint64 base = BACKOFF_BASE_US << MIN (attempt - 1, 16u);
  gint64 wait = (gint64) (base * g_rand_double_range (e->jitter, 0.5, 1.5));
  wait = MIN (wait, BACKOFF_MAX_US);
  if (retry_after_s > 0) /* the server knows best when it will cope */
    wait = MAX (wait, MIN ((gint64) retry_after_s * 1000000, BACKOFF_MAX_US));
  return wait;
}

/* The attempt's log record, written as text without its closing brace:
 * the run log adds the chain (harness/runlog.h). */
static void
write_record (Worker *w, const Xfer *x, const TransferOutcome *o,
              gboolean final)
{
  Engine *e = w->e;
  const Job *j = x->job;
  const PlanUnit *u = j->unit;
  g_string_truncate (w->line, 0);
  JsonwObject r;
  jsonw_begin (&r, w->line);
  jsonw_string (&r, "submission", j->sub->m->id);
  jsonw_string (&r, "testset", u->set->name);
  jsonw_string (&r, "item", u->item->id);
  jsonw_string (&r, "variant", u->variant);
  jsonw_string (&r, "variant_kind", u->variant_kind);
  jsonw_uint (&r, "seed", u->seed);
  jsonw_uint (&r, "turn", j->turn);
  jsonw_uint (&r, "attempt", j->attempt);
  jsonw_bool (&r, "final", final);
  jsonw_string (&r, "session", j->session);
  jsonw_string (&r, "sent", u->turns[j->turn]);
  jsonw_string_len (&r, "answer", o->answer, o->answer_len);
  jsonw_int (&r, "http_status", o->status);
  jsonw_string (&r, "error_class", o->cls);
  jsonw_string (&r, "error", o->cls ? (o->detail ? o->detail : "") : NULL);
  jsonw_int (&r, "t_dns_us", o->t_dns);
  jsonw_int (&r, "t_connect_us", o->t_connect);
  jsonw_int (&r, "t_tls_us", o->t_tls);
  jsonw_int (&r, "t_first_byte_us", o->t_first);
  jsonw_int (&r, "t_total_us", o->t_total);
  if (x->job->sub->m->stream && o->t_first_token >= 0)
    jsonw_int (&r, "t_first_token_us", o->t_first_token);
  else if (x->job->sub->m->stream)
    jsonw_string (&r, "t_first_token_us", NULL); /* no token came */
  if (e->o.contest->open_loop)
    jsonw_int (&r, "t_queue_us", x->queued);
  if (x->t.server_us >= 0)
    jsonw_int (&r, "t_server_us", x->t.server_us);
  if (x->job->redirect)
    jsonw_string (&r, "redirected_to", x->job->redirect);
  char started_at[48];
  format_iso_time (w, x->t.started_real, started_at);
  jsonw_string (&r, "started_at", started_at);
}

/* Moves the job on after a final attempt: next turn, or done. */
static void
advance_job (Engine *e, Job *j, TransferOutcome *o)
{
  SubState *s = j->sub;
  if (o->cls != NULL) {
    s->progress.errors++;
  } else if (j->unit->turns[j->turn + 1] != NULL) {
    g_ptr_array_add (j->history, g_strdup (j->unit->turns[j->turn]));
    g_ptr_array_add (j->history, g_steal_pointer (&o->answer));
    j->turn++;
    j->attempt = 1;
    j->ready_at = 0;
    g_queue_push_head (&s->waiting, j); /* keep the conversation going */
    return;
  }
  s->progress.units_done++;
  job_free (j);
}

/* A redirect is followed only to a host the manifest names, and only a
 * few times: an endpoint must not be able to send the harness elsewhere. */
static gboolean
redirect_allowed (const Job *j, const char *location)
{
  if (location == NULL || j->sub->m->redirect_hosts == NULL
      || j->attempt > 5)
    return FALSE;
  g_autoptr (GUri) uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  return host != NULL
         && g_strv_contains ((const char *const *) j->sub->m->redirect_hosts,
                             host);
}

/* Reading the answer and writing the record run outside the locks; the
 * retry decision and the bookkeeping under the engine's lock, the append
 * under the log's. */
static void
finish_transfer (Worker *w, Xfer *x, CURLcode rc)
{
  Engine *e = w->e;
  Job *j = x->job;
  TransferOutcome o = { 0 };
  transfer_read_outcome (&x->t, rc, j->sub->m, &o);
  SubState *s = j->sub;
  gboolean follow = g_strcmp0 (o.cls, "redirect") == 0
                    && redirect_allowed (j, o.location);
  g_mutex_lock (&e->lock);
  gboolean retry = follow
                   || (o.cls && retryable (e, o.cls)
                       && j->attempt <= e->o.contest->retries
                       && s->retry_budget > 0 && !stopping (e));
  if (retry && !follow)
    s->retry_budget--;
  g_mutex_unlock (&e->lock);
  write_record (w, x, &o, !retry);
  release_transfer (w, x);

  g_mutex_lock (&e->log_lock);
  if (e->fatal == NULL && !runlog_append_open (e->o.log, w->line, &e->fatal))
    g_atomic_int_set (&e->failed, 1); /* cannot record: start nothing new */
  g_mutex_unlock (&e->log_lock);
  g_mutex_lock (&e->lock);
  s->conns_opened += (guint) MAX (o.opened, 0);
  s->progress.in_flight--;
  e->active--;
  if (follow) {
    g_free (j->redirect);
    j->redirect = g_steal_pointer (&o.location);
    j->attempt++;
    j->ready_at = 0;
    g_queue_push_head (&s->waiting, j);
  } else if (retry) {
    j->ready_at = g_get_monotonic_time ()
                  + backoff_us (e, j->attempt, o.retry_after);
    j->attempt++;
    g_queue_push_tail (&s->waiting, j);
  } else
    advance_job (e, j, &o);
  g_mutex_unlock (&e->lock);
  transfer_outcome_clear (&o);
}

static void
drain_finished (Worker *w)
{
  CURLMsg *msg;
  int left;
  for (guint i = 0; i < w->n_shards; i++)
    while ((msg = curl_multi_info_read (w->shards[i].multi, &left)) != NULL) {
      if (msg->msg != CURLMSG_DONE)
        continue;
      Xfer *x = NULL;
      curl_easy_getinfo (msg->easy_handle, CURLINFO_PRIVATE, (char **) &x);
      finish_transfer (w, x, msg->data.result);
    }
}

typedef enum {
  REFILL_IDLE, /* nothing more can start until a transfer finishes */
  REFILL_HELD, /* something waits for time: a bucket or a backoff */
  REFILL_MORE, /* the turn's batch is used up; more can start at once */
  REFILL_FAILED,
} Refill;

/* Under the lock: the next job the caps, buckets and backoffs allow,
 * round-robin over the submissions so that none starves another; its
 * place is counted at once. NULL, with *held set when only time holds
 * something back (a bucket or a backoff). */
static Job *
claim_job (Worker *w, gboolean *held)
{
  Engine *e = w->e;
  if (e->active >= e->global_cap || w->active >= w->cap)
    return NULL;
  gint64 now = g_get_monotonic_time ();
  guint n = e->subs->len;
  for (guint k = 0; k < n; k++) {
    guint i = (w->next_sub + k) % n;
    SubState *s = g_ptr_array_index (e->subs, i);
    if (s->progress.in_flight >= s->cap || !has_pending (e, s))
      continue;
    gint64 scheduled;
    if (!take_token (e, s, now, &scheduled)) {
      *held = TRUE;
      continue;
    }
    Job *j = next_job (e, s, now);
    if (j == NULL) {
      give_token_back (e, s, scheduled);
      *held = TRUE;
      continue;
    }
    j->scheduled = scheduled;
    /* With every opened connection busy there is none to reuse, and
     * libcurl would still scan the whole busy pool for one: with 10,000
     * in flight that scan, once per new transfer, cost over a second. */
    j->fresh_connect = s->conns_opened <= s->progress.in_flight;
    s->progress.in_flight++;
    s->progress.requests++;
    e->active++;
    w->next_sub = i + 1;
    return j;
  }
  return NULL;
}

/* Starts at most STARTS_PER_TURN transfers on this worker. */
static Refill
refill (Worker *w, GError **error)
{
  Engine *e = w->e;
  gboolean held = FALSE;
  for (guint batch = 0; batch < STARTS_PER_TURN; batch++) {
    g_mutex_lock (&e->lock);
    Job *j = claim_job (w, &held);
    g_mutex_unlock (&e->lock);
    if (j == NULL)
      return held ? REFILL_HELD : REFILL_IDLE;
    if (!start_transfer (w, j, error)) {
      g_mutex_lock (&e->lock);
      j->sub->progress.in_flight--;
      j->sub->progress.requests--; /* never sent */
      e->active--;
      job_free (j);
      g_mutex_unlock (&e->lock);
      return REFILL_FAILED;
    }
  }
  return REFILL_MORE;
}

/* Under the lock. The first worker stays while anything is in flight
 * anywhere, since it shows the progress; the others leave when they have
 * nothing in flight and nothing is left to start. */
static gboolean
worker_has_work (Worker *w)
{
  Engine *e = w->e;
  if (w->active > 0 || (w == &e->workers[0] && e->active > 0))
    return TRUE;
  if (stopping (e))
    return FALSE;
  for (guint i = 0; i < e->subs->len; i++)
    if (has_pending (e, g_ptr_array_index (e->subs, i)))
      return TRUE;
  return FALSE;
}

static void
report_progress (Engine *e, gboolean force)
{
  gint64 now = g_get_monotonic_time ();
  if (e->o.progress == NULL || (!force && now - e->progress_us
                                              < PROGRESS_EVERY_US))
    return;
  e->progress_us = now;
  g_autofree EngineSubProgress *p = g_new (EngineSubProgress, e->subs->len);
  g_mutex_lock (&e->lock);
  for (guint i = 0; i < e->subs->len; i++)
    p[i] = ((SubState *) g_ptr_array_index (e->subs, i))->progress;
  g_mutex_unlock (&e->lock);
  e->o.progress (p, e->subs->len, now - e->started_us, force,
                 e->o.progress_user);
}

/* Waits for ready sockets or libcurl's timers (at most max_ms) and lets
 * libcurl act on exactly those. */
static void
wait_and_act (Worker *w, int max_ms)
{
  int running = 0;
  gint64 now = g_get_monotonic_time ();
  int wait = max_ms;
  for (guint i = 0; i < w->n_shards; i++)
    if (w->shards[i].deadline >= 0)
      wait = (int) CLAMP ((w->shards[i].deadline - now + 999) / 1000, 0,
                          wait);
  struct epoll_event evs[512];
  int n = epoll_wait (w->epfd, evs, G_N_ELEMENTS (evs), wait);
  for (int i = 0; i < n; i++) {
    int flags = (evs[i].events & EPOLLIN ? CURL_CSELECT_IN : 0)
                | (evs[i].events & EPOLLOUT ? CURL_CSELECT_OUT : 0)
                | (evs[i].events & (EPOLLERR | EPOLLHUP) ? CURL_CSELECT_ERR
                                                         : 0);
    Shard *sh = &w->shards[evs[i].data.u64 >> 32];
    curl_multi_socket_action (sh->multi, (curl_socket_t) (guint32)
                                             evs[i].data.u64,
                              flags, &running);
  }
  now = g_get_monotonic_time ();
  for (guint i = 0; i < w->n_shards; i++) {
    Shard *sh = &w->shards[i];
    if (sh->deadline >= 0 && now >= sh->deadline) {
      sh->deadline = -1; /* the callback sets the next one */
      curl_multi_socket_action (sh->multi, CURL_SOCKET_TIMEOUT, 0, &running);
    }
  }
}

/* One worker's loop, after curl's parallel transfer loop (STYLE.md 8):
 * refill → wait → act → drain finished transfers → refill. A worker that
 * cannot build a request stops the run but still lands what it has in
 * flight. */
static gpointer
worker_loop (gpointer data)
{
  Worker *w = data;
  Engine *e = w->e;
  gboolean first = w == &e->workers[0];
  for (;;) {
    g_mutex_lock (&e->lock);
    gboolean more = worker_has_work (w);
    g_mutex_unlock (&e->lock);
    if (!more)
      break;
    Refill r = stopping (e) ? REFILL_IDLE : refill (w, &w->error);
    if (r == REFILL_FAILED)
      g_atomic_int_set (&e->failed, 1);
    wait_and_act (w, r == REFILL_MORE ? 0 : r == REFILL_HELD ? 10 : 200);
    drain_finished (w);
    if (first)
      report_progress (e, FALSE);
  }
  return NULL;
}

gboolean
engine_fire (Engine *e, GError **error)
{
  for (guint i = 0; i < e->n_workers; i++)
    if (e->workers[i].epfd < 0) { /* out of file descriptors, mostly */
      g_set_error (error, G_FILE_ERROR,
                   g_file_error_from_errno (e->workers[i].epoll_errno),
                   "cannot create an epoll set: %s",
                   g_strerror (e->workers[i].epoll_errno));
      return FALSE;
    }
  e->started_us = g_get_monotonic_time ();
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
