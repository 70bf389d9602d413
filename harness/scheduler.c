/* The politeness rules as plain data structures. A job is one (unit,
 * submission) with its turns in order; it waits in its submission's queue
 * between attempts (a backoff, a redirect, the next turn) and is otherwise
 * either in flight or done. Time only ever comes in as `now`. */
#include "harness/scheduler.h"

#include <string.h>

#define REDIRECTS_MAX 5

typedef struct _Sub Sub;

typedef struct {
  SchedJob pub;       /* first: a SchedJob* is a Job* */
  Sub *sub;
  GPtrArray *history; /* char*, NULL-terminated: pub.history */
  char *session;
  char *redirect;
  gint64 ready_at;    /* a retry waits for its backoff */
} Job;

typedef struct {
  gboolean complete;
  guint next_turn;
  guint next_attempt; /* of next_turn: a retry the log left pending */
  GPtrArray *history;
  char *session;
} Restored;

struct _Sub {
  guint index;
  const Manifest *m;
  guint cap, timeout_ms;
  double rate, tokens;
  gint64 refilled_at;
  guint64 arrivals;   /* open loop: requests due so far */
  gint64 arrivals_from;
  guint *order;
  guint next;         /* next position in order */
  GQueue waiting;     /* Job*: retries, redirects, next turns */
  guint retry_budget;
  guint conns_opened; /* connections its attempts opened */
  /* The last attempts' common failure (pause_after of them pause it). */
  FailureClass streak_class;
  guint streak;
  /* Resume: the bucket replayed over the log's send times (wall clock,
   * µs since the epoch, the only clock two processes share). */
  double replay_tokens;
  gint64 replay_last_real; /* 0: nothing replayed */
  SchedProgress progress;
};

struct _Scheduler {
  SchedulerOptions o;
  GPtrArray *subs;        /* Sub* */
  GHashTable *unit_index; /* unit key → PlanUnit* */
  GHashTable *restored;   /* "sub\037unit key" → Restored* */
  GRand *jitter;
  guint in_flight, global_cap;
  gint64 start_us;
  gboolean stopped;
};

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
  Sub *s = p;
  g_queue_clear_full (&s->waiting, (GDestroyNotify) job_free);
  g_free (s->order);
  g_free (s);
}

Scheduler *
scheduler_new (const SchedulerOptions *o, gint64 start_us)
{
  Scheduler *s = g_new0 (Scheduler, 1);
  s->o = *o;
  s->start_us = start_us;
  const Contest *c = o->contest;
  s->jitter = g_rand_new_with_seed ((guint32) c->seed);
  s->unit_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         NULL);
  s->restored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       restored_free);
  for (guint i = 0; i < o->units->len; i++) {
    const PlanUnit *u = g_ptr_array_index (o->units, i);
    g_hash_table_insert (s->unit_index,
                         plan_unit_key (u->set->name, u->item->id, u->variant),
                         (gpointer) u);
  }
  s->global_cap = MAX (c->global_concurrency,
                       o->load_concurrency * c->manifests->len);
  s->subs = g_ptr_array_new_with_free_func (sub_free);
  for (guint i = 0; i < c->manifests->len; i++) {
    Sub *b = g_new0 (Sub, 1);
    b->index = i;
    b->m = g_ptr_array_index (c->manifests, i);
    b->cap = o->load_concurrency ? o->load_concurrency
                                 : contest_concurrency_for (c, b->m);
    b->timeout_ms = contest_timeout_for (c, b->m);
    b->rate = o->load_concurrency ? 0 : contest_rate_for (c, b->m);
    b->tokens = 1;
    b->refilled_at = start_us;
    b->arrivals_from = start_us;
    b->retry_budget = c->retry_budget;
    /* A capacity step cycles over its units; a contest fires each once,
     * round after round when it repeats (plan.h). */
    b->order = plan_order_rounds (o->units->len,
                                  o->load_concurrency ? 1 : c->repeat,
                                  c->seed, b->m->id);
    b->progress.id = b->m->id;
    b->progress.units_total = o->units->len;
    g_queue_init (&b->waiting);
    g_ptr_array_add (s->subs, b);
  }
  return s;
}

void
scheduler_free (Scheduler *s)
{
  if (s == NULL)
    return;
  g_ptr_array_unref (s->subs);
  g_hash_table_unref (s->unit_index);
  g_hash_table_unref (s->restored);
  g_rand_free (s->jitter);
  g_free (s);
}

static double
bucket_burst (const Sub *b)
{
  return MAX (1.0, b->rate);
}

void
scheduler_start (Scheduler *s, gint64 now, gint64 now_real)
{
  s->start_us = now;
  for (guint i = 0; i < s->subs->len; i++) {
    Sub *b = g_ptr_array_index (s->subs, i);
    b->refilled_at = now;
    b->arrivals_from = now;
    if (b->replay_last_real == 0 || b->rate <= 0)
      continue;
    /* A resumed run gets the tokens the interrupted one had left, plus
     * what the pause refilled: a crash is no way to earn a burst. */
    double idle = MAX (0, now_real - b->replay_last_real) / 1e6;
    b->tokens = MIN (bucket_burst (b), b->replay_tokens + b->rate * idle);
  }
}

/* ---- resume ---- */

static char *
restored_key (const char *sub, const PlanUnit *u)
{
  return g_strdup_printf ("%s\037%s\037%s\037%s", sub, u->set->name,
                          u->item_id, u->variant);
}

static Sub *
sub_by_id (const Scheduler *s, const char *id)
{
  for (guint i = 0; i < s->subs->len; i++) {
    Sub *b = g_ptr_array_index (s->subs, i);
    if (strcmp (b->m->id, id) == 0)
      return b;
  }
  return NULL;
}

static gint64
parse_real_us (const char *iso)
{
  if (iso == NULL)
    return 0;
  g_autoptr (GDateTime) t = g_date_time_new_from_iso8601 (iso, NULL);
  if (t == NULL)
    return 0;
  return g_date_time_to_unix (t) * G_USEC_PER_SEC
         + g_date_time_get_microsecond (t);
}

/* The submission's bucket and budget as the attempt left them: each
 * attempt took a token when it was sent, each retry decided took one
 * from the budget (a redirect followed takes none). */
static void
restore_sub (Sub *b, const LogAttempt *a)
{
  if (!a->final && a->error_class != FAILURE_REDIRECT
      && b->retry_budget > 0)
    b->retry_budget--;
  if (b->rate <= 0)
    return;
  gint64 t = parse_real_us (a->started_at);
  if (t == 0)
    return;
  if (b->replay_last_real == 0)
    b->replay_tokens = bucket_burst (b);
  else if (t > b->replay_last_real)
    b->replay_tokens = MIN (bucket_burst (b),
                            b->replay_tokens
                                + b->rate * (t - b->replay_last_real) / 1e6);
  b->replay_tokens = MAX (0.0, b->replay_tokens - 1.0);
  b->replay_last_real = MAX (b->replay_last_real, t);
}

void
scheduler_restore (Scheduler *s, const LogAttempt *a)
{
  g_autofree char *ukey = plan_unit_key (a->testset, a->item, a->variant);
  const PlanUnit *u = g_hash_table_lookup (s->unit_index, ukey);
  Sub *b = sub_by_id (s, a->submission);
  if (u == NULL || b == NULL)
    return; /* not part of this contest any more */
  restore_sub (b, a);
  char *key = restored_key (a->submission, u);
  Restored *r = g_hash_table_lookup (s->restored, key);
  if (r == NULL) {
    r = g_new0 (Restored, 1);
    r->history = g_ptr_array_new_with_free_func (g_free);
    r->next_attempt = 1;
    g_hash_table_insert (s->restored, key, r);
  } else
    g_free (key);
  g_free (r->session);
  r->session = g_strdup (a->session);
  if (!a->final) {
    /* A retry (or a redirect) was decided and not yet made: it goes on
     * with the next number, not from 1. */
    if (a->turn == r->next_turn)
      r->next_attempt = MAX (r->next_attempt, a->attempt + 1);
    return;
  }
  if (a->error_class != FAILURE_NONE || a->answer == NULL) {
    r->complete = TRUE;
    return;
  }
  r->next_attempt = 1;
  /* The history is sent back as text: like a live conversation's
   * (scheduler_finish), an answer goes back up to a NUL inside it. */
  g_ptr_array_add (r->history, g_strdup (a->sent));
  g_ptr_array_add (r->history, g_strdup (a->answer));
  r->next_turn = a->turn + 1;
  r->complete = r->next_turn >= g_strv_length (u->turns);
}

/* What an interrupted run already did for this unit, or NULL. A fresh run
 * has restored nothing: no key is built on the firing path then. */
static const Restored *
restored_of (const Scheduler *s, const Sub *b, const PlanUnit *u)
{
  if (g_hash_table_size (s->restored) == 0)
    return NULL;
  g_autofree char *key = restored_key (b->m->id, u);
  return g_hash_table_lookup (s->restored, key);
}

/* ---- choosing what goes next ---- */

static Job *
job_new (Scheduler *s, Sub *b, const PlanUnit *u)
{
  Job *j = g_new0 (Job, 1);
  j->sub = b;
  j->pub.sub = b->index;
  j->pub.m = b->m;
  j->pub.unit = u;
  j->pub.attempt = 1;
  j->pub.timeout_ms = b->timeout_ms;
  j->history = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  const Restored *r = restored_of (s, b, u);
  if (r != NULL) { /* continue what a crash cut: a turn, a retry */
    j->pub.turn = r->next_turn;
    j->pub.attempt = r->next_attempt;
    for (guint i = 0; i < r->history->len; i++)
      g_ptr_array_add (j->history,
                       g_strdup (g_ptr_array_index (r->history, i)));
  }
  /* Concatenated, not printf'd: this is once per request. */
  j->session = r && r->session ? g_strdup (r->session)
                               : g_strjoin (":", s->o.run_id, b->m->id,
                                            u->set->name, u->item_id,
                                            u->variant, NULL);
  return j;
}

static gboolean
load_over (const Scheduler *s, gint64 now)
{
  return s->o.load_concurrency
         && now - s->start_us >= s->o.load_duration_us;
}

static gboolean
sub_pending (const Scheduler *s, const Sub *b, gint64 now)
{
  if (s->stopped || b->progress.paused)
    return FALSE;
  if (s->o.load_concurrency)
    return !load_over (s, now) && s->o.units->len > 0;
  return b->next < s->o.units->len || b->waiting.length > 0;
}

/* When the submission has a request ready: now when a waiting job's time
 * has come or a fresh unit is left, else the earliest backoff's end. */
static gint64
ready_at (const Scheduler *s, const Sub *b, gint64 now)
{
  gint64 at = SCHEDULER_NEVER;
  for (GList *l = b->waiting.head; l; l = l->next) {
    gint64 r = ((Job *) l->data)->ready_at;
    if (r <= now)
      return now;
    at = MIN (at, r);
  }
  if (s->o.load_concurrency || b->next < s->o.units->len)
    return now;
  return at;
}

static gboolean
open_loop (const Scheduler *s, const Sub *b)
{
  return s->o.contest->open_loop && !s->o.load_concurrency && b->rate > 0;
}

/* When the bucket or the arrivals let the next request go. */
static gint64
token_at (Sub *b, gboolean open, gint64 now)
{
  if (b->rate <= 0)
    return now;
  if (open)
    return b->arrivals_from + (gint64) (b->arrivals * 1e6 / b->rate);
  double burst = bucket_burst (b);
  b->tokens = MIN (burst, b->tokens + b->rate * (now - b->refilled_at) / 1e6);
  b->refilled_at = now;
  if (b->tokens >= 1.0)
    return now;
  return now + (gint64) ((1.0 - b->tokens) / b->rate * 1e6) + 1;
}

/* Takes the token (closed loop) or the arrival (open loop, whose due time
 * becomes the request's scheduled time: queueing behind a slow endpoint
 * is measured, not hidden). */
static gint64
take_token (Sub *b, gboolean open)
{
  if (b->rate <= 0)
    return 0;
  if (open)
    return b->arrivals_from + (gint64) (b->arrivals++ * 1e6 / b->rate);
  b->tokens -= 1.0;
  return 0;
}

static void
give_token_back (Sub *b, gboolean open)
{
  if (b->rate <= 0)
    return;
  if (open)
    b->arrivals--;
  else
    b->tokens += 1.0;
}

/* A waiting job whose time has come, else a fresh unit, else NULL. */
static Job *
next_job (Scheduler *s, Sub *b, gint64 now)
{
  for (GList *l = b->waiting.head; l; l = l->next) {
    Job *j = l->data;
    if (j->ready_at <= now) {
      g_queue_delete_link (&b->waiting, l);
      return j;
    }
  }
  guint n = s->o.units->len;
  if (s->o.load_concurrency && b->next >= n)
    b->next = 0; /* a load step cycles until its time is up */
  while (b->next < n) {
    const PlanUnit *u = g_ptr_array_index (s->o.units, b->order[b->next++]);
    const Restored *r = restored_of (s, b, u);
    if (r != NULL && r->complete) {
      b->progress.units_done++;
      continue;
    }
    return job_new (s, b, u);
  }
  return NULL;
}

SchedJob *
scheduler_claim (Scheduler *s, gint64 now, guint *cursor, gint64 *wake_at)
{
  *wake_at = SCHEDULER_NEVER;
  if (s->in_flight >= s->global_cap || s->stopped)
    return NULL;
  guint n = s->subs->len;
  for (guint k = 0; k < n; k++) {
    guint i = (*cursor + k) % n;
    Sub *b = g_ptr_array_index (s->subs, i);
    if (b->progress.in_flight >= b->cap || !sub_pending (s, b, now))
      continue;
    gint64 ready = ready_at (s, b, now);
    gboolean open = open_loop (s, b);
    gint64 token = token_at (b, open, now);
    if (ready > now || token > now) {
      *wake_at = MIN (*wake_at, MAX (ready, token));
      continue;
    }
    gint64 scheduled = take_token (b, open);
    Job *j = next_job (s, b, now);
    if (j == NULL) { /* the rest was finished before a resume */
      give_token_back (b, open);
      continue;
    }
    j->pub.scheduled = scheduled;
    static const char *const no_history[] = { NULL };
    j->pub.history = j->history->pdata
                         ? (const char *const *) j->history->pdata
                         : no_history;
    j->pub.session = j->session;
    j->pub.redirect = j->redirect;
    /* With every opened connection busy there is none to reuse, and
     * libcurl would still scan the whole busy pool for one: with 10,000
     * in flight that scan, once per new transfer, cost over a second. */
    j->pub.fresh_connect = b->conns_opened <= b->progress.in_flight;
    b->progress.in_flight++;
    b->progress.requests++;
    s->in_flight++;
    *cursor = i + 1;
    return &j->pub;
  }
  return NULL;
}

void
scheduler_prefetch (const Scheduler *s, guint cursor, guint n)
{
  const PlanUnit *u[16] = { NULL };
  guint subs = s->subs->len, units = s->o.units->len;
  n = MIN (n, G_N_ELEMENTS (u));
  if (subs == 0 || units == 0)
    return;
  /* Round-robin: claim k is most likely the (k / subs)-th next fresh unit
   * of submission cursor + k. Claims n..2n-1 get their slot of the unit
   * array (a miss of its own), claims 0..n-1 their unit, whose slot the
   * call before asked for. */
  for (guint k = 0; k < 2 * n; k++) {
    const Sub *b = g_ptr_array_index (s->subs, (cursor + k) % subs);
    guint at = b->next + k / subs;
    if (at >= units)
      continue;
    if (k >= n)
      __builtin_prefetch (&s->o.units->pdata[b->order[at]]);
    else
      u[k] = g_ptr_array_index (s->o.units, b->order[at]);
  }
  plan_prefetch (u, NULL, n);
}

/* ---- what a finished attempt means ---- */

gboolean
scheduler_retryable (const Contest *c, FailureClass cls)
{
  return cls == FAILURE_CONNECT || cls == FAILURE_HTTP_429
         || cls == FAILURE_HTTP_5XX
         || (c->retry_timeouts && cls == FAILURE_TIMEOUT);
}

gint64
scheduler_backoff_us (guint attempt, double j, gint64 retry_after_us)
{
  gint64 base = (gint64) SCHEDULER_BACKOFF_BASE_US << MIN (attempt - 1, 16u);
  gint64 wait = MIN ((gint64) (base * j), SCHEDULER_BACKOFF_MAX_US);
  /* the server knows best when it will cope */
  if (retry_after_us > 0)
    wait = MAX (wait, MIN (retry_after_us, SCHEDULER_BACKOFF_MAX_US));
  return wait;
}

/* A redirect is followed only to a host the manifest names, and only a
 * few times: an endpoint must not be able to send the harness elsewhere. */
static gboolean
redirect_allowed (const SchedJob *j, const char *location)
{
  if (location == NULL || j->m->redirect_hosts == NULL
      || j->attempt > REDIRECTS_MAX)
    return FALSE;
  g_autoptr (GUri) uri = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
  const char *host = uri ? g_uri_get_host (uri) : NULL;
  /* The token goes with every request of the manifest: a redirect may
   * take it to an allowed host, never to plain http. */
  gboolean token = j->m->secret != NULL || j->m->auth_env != NULL;
  if (host == NULL
      || (token && g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0))
    return FALSE;
  return g_strv_contains ((const char *const *) j->m->redirect_hosts,
                             host);
}

/* The last pause_after attempts of the submission failed the same way:
 * it is not fired any more in this run (a dead endpoint would otherwise
 * take minutes of timeouts and retries). A capacity step never pauses:
 * its errors are what it measures. */
static void
count_streak (Scheduler *s, Sub *b, FailureClass cls)
{
  guint limit = s->o.contest->pause_after;
  if (cls == FAILURE_NONE) {
    b->streak = 0;
    return;
  }
  if (cls == b->streak_class && b->streak > 0)
    b->streak++;
  else {
    b->streak_class = cls;
    b->streak = 1;
  }
  if (limit > 0 && b->streak >= limit && !s->o.load_concurrency
      && !b->progress.paused) {
    b->progress.paused = TRUE;
    b->progress.pause_class = cls;
    b->progress.pause_streak = b->streak;
  }
}

SchedVerdict
scheduler_verdict (Scheduler *s, const SchedJob *pub, const SchedResult *r)
{
  const Job *j = (const Job *) pub;
  SchedVerdict v = SCHED_FINAL;
  if (r->cls == FAILURE_REDIRECT && redirect_allowed (pub, r->location))
    v = SCHED_REDIRECT;
  else if (r->cls != FAILURE_NONE && r->cls != FAILURE_REDIRECT
           && scheduler_retryable (s->o.contest, r->cls)
           && pub->attempt <= s->o.contest->retries
           && j->sub->retry_budget > 0) {
    /* Decided even when stopped or paused: the log then says the retry
     * is pending (final: false), and a resume makes it with the next
     * attempt number and what is left of the budget. */
    j->sub->retry_budget--;
    v = SCHED_RETRY;
  }
  if (v != SCHED_REDIRECT)
    count_streak (s, j->sub, r->cls);
  return v;
}

static void
job_done (Sub *b, Job *j)
{
  b->progress.units_done++;
  job_free (j);
}

void
scheduler_finish (Scheduler *s, SchedJob *pub, SchedVerdict v,
                  const SchedResult *r, gint64 now)
{
  Job *j = (Job *) pub;
  Sub *b = j->sub;
  b->conns_opened += r->opened;
  b->progress.in_flight--;
  s->in_flight--;
  gboolean halted = s->stopped || b->progress.paused;
  if (halted && v != SCHED_FINAL) {
    job_free (j); /* the log says it is pending: resume makes it */
    return;
  }
  switch (v) {
  case SCHED_REDIRECT:
    g_free (j->redirect);
    j->redirect = g_strdup (r->location);
    pub->attempt++;
    j->ready_at = 0;
    g_queue_push_head (&b->waiting, j);
    return;
  case SCHED_RETRY: {
    double draw = g_rand_double_range (s->jitter, 0.5, 1.5);
    j->ready_at = now + scheduler_backoff_us (pub->attempt, draw,
                                              r->retry_after_us);
    pub->attempt++;
    g_queue_push_tail (&b->waiting, j);
    return;
  }
  case SCHED_FINAL:
    break;
  }
  if (r->cls != FAILURE_NONE) {
    b->progress.errors++;
    job_done (b, j);
  } else if (pub->unit->turns[pub->turn + 1] != NULL && halted) {
    job_free (j); /* halted between turns: resume goes on from here */
  } else if (pub->unit->turns[pub->turn + 1] != NULL) {
    g_ptr_array_add (j->history, g_strdup (pub->unit->turns[pub->turn]));
    g_ptr_array_add (j->history, g_strdup (r->answer ? r->answer : ""));
    pub->turn++;
    pub->attempt = 1;
    j->ready_at = 0;
    g_queue_push_head (&b->waiting, j); /* keep the conversation going */
  } else
    job_done (b, j);
}

void
scheduler_drop (Scheduler *s, SchedJob *pub)
{
  Job *j = (Job *) pub;
  j->sub->progress.in_flight--;
  j->sub->progress.requests--; /* never sent */
  s->in_flight--;
  job_free (j);
}

void
scheduler_stop (Scheduler *s)
{
  s->stopped = TRUE;
}

gboolean
scheduler_pending (const Scheduler *s, gint64 now)
{
  for (guint i = 0; i < s->subs->len; i++)
    if (sub_pending (s, g_ptr_array_index (s->subs, i), now))
      return TRUE;
  return FALSE;
}

guint
scheduler_in_flight (const Scheduler *s)
{
  return s->in_flight;
}

guint
scheduler_n_subs (const Scheduler *s)
{
  return s->subs->len;
}

void
scheduler_progress (const Scheduler *s, guint sub, SchedProgress *out)
{
  *out = ((const Sub *) g_ptr_array_index (s->subs, sub))->progress;
}
