/* The politeness rules alone, in simulated time: no network, no sleep —
 * every call is given its `now`. Caps, token buckets, open-loop arrivals,
 * retries with backoff and Retry-After, budgets, redirects, conversations,
 * resume and load steps. */
#include <string.h>

#include "harness/scheduler.h"

#define MS 1000
#define SEC (1000 * 1000)

typedef struct {
  Contest c;
  Testset set;
  TsItem items[8];
  Manifest m[2];
  GPtrArray *units;
  char *single[2];
  char *pair[3];
} World;

/* n units of one turn (a two-turn conversation when conversation), and
 * subs submissions with the given cap and rate. */
static void
world_init (World *w, guint n, guint subs, guint cap, double rate,
            gboolean conversation)
{
  memset (w, 0, sizeof *w);
  w->c.seed = 7;
  w->c.concurrency = cap;
  w->c.rate_per_sec = rate;
  w->c.timeout_ms = 30000;
  w->c.retries = 2;
  w->c.retry_budget = 1000;
  w->c.global_concurrency = 256;
  w->c.manifests = g_ptr_array_new ();
  for (guint i = 0; i < subs; i++) {
    w->m[i].id = i == 0 ? "tinh-a" : "tinh-b";
    g_ptr_array_add (w->c.manifests, &w->m[i]);
  }
  w->set.name = "practice";
  w->single[0] = "Lệ phí đăng ký tạm trú là bao nhiêu?";
  w->pair[0] = "Đăng ký khai sinh ở đâu?";
  w->pair[1] = "Thế còn lệ phí?";
  w->units = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++) {
    w->items[i].id = g_strdup_printf ("item-%u", i);
    PlanUnit *u = g_new0 (PlanUnit, 1);
    u->set = &w->set;
    u->item = &w->items[i];
    u->item_id = w->items[i].id;
    u->variant = "clean";
    u->variant_kind = "clean";
    u->turns = conversation ? w->pair : w->single;
    g_ptr_array_add (w->units, u);
  }
}

static void
world_clear (World *w)
{
  for (guint i = 0; i < w->units->len; i++)
    g_free (w->items[i].id);
  g_ptr_array_unref (w->units);
  g_ptr_array_unref (w->c.manifests);
}

static Scheduler *
sched_for (World *w, guint load_conc, gint64 load_us)
{
  SchedulerOptions o = { &w->c, w->units, "run-1", load_conc, load_us };
  Scheduler *s = scheduler_new (&o, 0);
  scheduler_start (s, 0, 0);
  return s;
}

static SchedJob *
claim (Scheduler *s, gint64 now, gint64 *wake)
{
  guint cursor = 0;
  gint64 w;
  return scheduler_claim (s, now, &cursor, wake ? wake : &w);
}

/* Finishes j with class cls (FAILURE_NONE = answered "trả lời") at now. */
static SchedVerdict
done (Scheduler *s, SchedJob *j, FailureClass cls, gint64 retry_after,
      gint64 now)
{
  SchedResult r = { cls, retry_after, NULL,
                    cls != FAILURE_NONE ? NULL : "trả lời", 1 };
  SchedVerdict v = scheduler_verdict (s, j, &r);
  scheduler_finish (s, j, v, &r, now);
  return v;
}

static void
test_caps (void)
{
  World w;
  world_init (&w, 8, 2, 2, 0, FALSE);
  w.c.global_concurrency = 3;
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  SchedJob *j[4];
  guint cursor = 0;
  gint64 wake;
  guint per_sub[2] = { 0, 0 };
  for (int i = 0; i < 3; i++) {
    j[i] = scheduler_claim (s, 0, &cursor, &wake);
    g_assert_nonnull (j[i]);
    per_sub[j[i]->sub]++;
  }
  /* round-robin: both submissions served; the global cap holds */
  g_assert_cmpuint (per_sub[0], >=, 1);
  g_assert_cmpuint (per_sub[1], >=, 1);
  g_assert_null (scheduler_claim (s, 0, &cursor, &wake));
  g_assert_cmpint (wake, ==, SCHEDULER_NEVER); /* only a finish helps */
  g_assert_cmpuint (scheduler_in_flight (s), ==, 3);
  done (s, j[0], FAILURE_NONE, 0, 10 * MS);
  j[3] = scheduler_claim (s, 10 * MS, &cursor, &wake);
  g_assert_nonnull (j[3]);
  /* the per-submission cap: a submission with 2 in flight gets no third */
  w.c.global_concurrency = 256;
  SchedProgress p;
  for (guint i = 0; i < 2; i++) {
    scheduler_progress (s, i, &p);
    g_assert_cmpuint (p.in_flight, <=, 2);
  }
  for (int i = 1; i < 4; i++)
    done (s, j[i], FAILURE_NONE, 0, 20 * MS);
  world_clear (&w);
}

/* Closed loop at 4 a second: one token at once, then one each 250 ms;
 * a bucket never holds more than a second's worth. */
static void
test_token_bucket (void)
{
  World w;
  world_init (&w, 8, 1, 100, 4, FALSE);
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *a = claim (s, 0, &wake);
  g_assert_nonnull (a);
  g_assert_null (claim (s, 0, &wake));
  g_assert_cmpint (wake, >, 249 * MS);
  g_assert_cmpint (wake, <=, 251 * MS);
  g_assert_null (claim (s, wake - 2 * MS, &wake));
  SchedJob *b = claim (s, wake, &wake);
  g_assert_nonnull (b);
  done (s, a, FAILURE_NONE, 0, 300 * MS);
  done (s, b, FAILURE_NONE, 0, 300 * MS);
  /* idle for 10 s: the bucket holds 4, not 40 */
  int burst = 0;
  SchedJob *held[8];
  while ((held[burst] = claim (s, 10 * SEC, &wake)) != NULL)
    burst++;
  g_assert_cmpint (burst, ==, 4);
  for (int i = 0; i < burst; i++)
    done (s, held[i], FAILURE_NONE, 0, 10 * SEC);
  world_clear (&w);
}

/* Open loop at 10 a second: requests are due every 100 ms whether or not
 * the endpoint kept up, and each carries its due time. */
static void
test_open_loop (void)
{
  World w;
  world_init (&w, 8, 1, 100, 10, FALSE);
  w.c.open_loop = TRUE;
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *first = claim (s, 0, &wake);
  g_assert_cmpint (first->scheduled, ==, 0);
  g_assert_null (claim (s, 50 * MS, &wake));
  g_assert_cmpint (wake, ==, 100 * MS);
  /* late by 0.4 s: the four that fell due since go at once, each with
   * the time it was due */
  SchedJob *late[4];
  for (int i = 0; i < 4; i++) {
    late[i] = claim (s, 450 * MS, &wake);
    g_assert_nonnull (late[i]);
    g_assert_cmpint (late[i]->scheduled, ==, (i + 1) * 100 * MS);
  }
  g_assert_null (claim (s, 450 * MS, &wake));
  g_assert_cmpint (wake, ==, 500 * MS);
  done (s, first, FAILURE_NONE, 0, 450 * MS);
  for (int i = 0; i < 4; i++)
    done (s, late[i], FAILURE_NONE, 0, 450 * MS);
  world_clear (&w);
}

static void
test_backoff (void)
{
  g_assert_cmpint (scheduler_backoff_us (1, 1.0, 0), ==, 250 * MS);
  g_assert_cmpint (scheduler_backoff_us (2, 1.0, 0), ==, 500 * MS);
  g_assert_cmpint (scheduler_backoff_us (3, 0.5, 0), ==, 500 * MS);
  g_assert_cmpint (scheduler_backoff_us (12, 1.5, 0), ==, 30 * SEC);
  g_assert_cmpint (scheduler_backoff_us (1, 1.0, 2 * SEC), ==, 2 * SEC);
  g_assert_cmpint (scheduler_backoff_us (1, 1.0, 90 * SEC), ==, 30 * SEC);
}

/* A 503 is retried after its backoff; Retry-After, when longer, wins;
 * after `retries` retries the attempt is final. */
static void
test_retry_after (void)
{
  World w;
  world_init (&w, 1, 1, 4, 0, FALSE);
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *j = claim (s, 0, &wake);
  g_assert_cmpint (done (s, j, FAILURE_HTTP_5XX, 0, 1 * SEC), ==, SCHED_RETRY);
  g_assert_null (claim (s, 1 * SEC + 100 * MS, &wake));
  g_assert_cmpint (wake, >=, 1 * SEC + 125 * MS); /* 250 ms × [0.5, 1.5) */
  g_assert_cmpint (wake, <, 1 * SEC + 375 * MS);
  j = claim (s, wake, &wake);
  g_assert_nonnull (j);
  g_assert_cmpuint (j->attempt, ==, 2);
  /* 429 with Retry-After: 5 s, longer than the backoff */
  g_assert_cmpint (done (s, j, FAILURE_HTTP_429, 5 * SEC, 2 * SEC), ==,
                   SCHED_RETRY);
  g_assert_null (claim (s, 6 * SEC, &wake));
  g_assert_cmpint (wake, ==, 7 * SEC);
  j = claim (s, 7 * SEC, &wake);
  g_assert_cmpuint (j->attempt, ==, 3);
  /* retries = 2: the third attempt is the last */
  g_assert_cmpint (done (s, j, FAILURE_HTTP_5XX, 0, 8 * SEC), ==, SCHED_FINAL);
  g_assert_false (scheduler_pending (s, 8 * SEC));
  SchedProgress p;
  scheduler_progress (s, 0, &p);
  g_assert_cmpuint (p.requests, ==, 3);
  g_assert_cmpuint (p.errors, ==, 1);
  g_assert_cmpuint (p.units_done, ==, 1);
  world_clear (&w);
}

/* Which classes are retried: nothing was sent (connect), the server
 * asked (429) or failed (5xx); timeouts only when the contest says. */
static void
test_retryable (void)
{
  World w;
  world_init (&w, 1, 1, 1, 0, FALSE);
  /* by name, as the log carries them: every class rundir knows */
  static const char *const yes[] = { "connect", "http_429", "http_5xx" };
  static const char *const no[] = { "timeout", "http_4xx", "bad_json",
                                    "bad_utf8", "too_large",
                                    "headers_too_large", "empty_answer",
                                    "dns", "tls", "other", "redirect" };
  FailureClass c;
  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++) {
    g_assert_true (failure_parse (yes[i], &c));
    g_assert_true (scheduler_retryable (&w.c, c));
  }
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++) {
    g_assert_true (failure_parse (no[i], &c));
    g_assert_false (scheduler_retryable (&w.c, c));
  }
  w.c.retry_timeouts = TRUE;
  g_assert_true (scheduler_retryable (&w.c, FAILURE_TIMEOUT));
  world_clear (&w);
}

/* The budget is per submission over the run: once spent, failures are
 * final at their first attempt. */
static void
test_budget (void)
{
  World w;
  world_init (&w, 3, 1, 4, 0, FALSE);
  w.c.retry_budget = 1;
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *a = claim (s, 0, &wake), *b = claim (s, 0, &wake);
  g_assert_cmpint (done (s, a, FAILURE_CONNECT, 0, 1 * MS), ==, SCHED_RETRY);
  g_assert_cmpint (done (s, b, FAILURE_CONNECT, 0, 1 * MS), ==, SCHED_FINAL);
  world_clear (&w);
}

/* Redirects go at once, only to the hosts the manifest lists. */
static void
test_redirect (void)
{
  World w;
  world_init (&w, 2, 1, 4, 0, FALSE);
  char *hosts[] = { "127.0.0.2", NULL };
  w.m[0].redirect_hosts = hosts;
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *a = claim (s, 0, &wake);
  SchedResult r = { FAILURE_REDIRECT, 0, "http://127.0.0.2:9/x", NULL, 0 };
  SchedVerdict v = scheduler_verdict (s, a, &r);
  g_assert_cmpint (v, ==, SCHED_REDIRECT);
  scheduler_finish (s, a, v, &r, 5 * MS);
  a = claim (s, 5 * MS, &wake);
  g_assert_cmpstr (a->redirect, ==, "http://127.0.0.2:9/x");
  SchedResult elsewhere = { FAILURE_REDIRECT, 0, "http://evil.example/",
                            NULL, 0 };
  g_assert_cmpint (scheduler_verdict (s, a, &elsewhere), ==, SCHED_FINAL);
  scheduler_finish (s, a, SCHED_FINAL, &elsewhere, 6 * MS);
  world_clear (&w);
}

/* With a token, a redirect to an allowed host goes over https only: the
 * token is never sent in clear because an endpoint said so. */
static void
test_redirect_keeps_token_off_http (void)
{
  World w;
  world_init (&w, 2, 1, 4, 0, FALSE);
  char *hosts[] = { "tro-ly.example.gov.vn", NULL };
  w.m[0].redirect_hosts = hosts;
  w.m[0].auth_type = "bearer";
  w.m[0].auth_env = "VABENCH_TINH_A_TOKEN";
  w.m[0].secret = "sk-bi-mat";
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *a = claim (s, 0, &wake);
  SchedResult plain = { FAILURE_REDIRECT, 0,
                        "http://tro-ly.example.gov.vn/v1/chat", NULL, 0 };
  g_assert_cmpint (scheduler_verdict (s, a, &plain), ==, SCHED_FINAL);
  SchedResult shout = { FAILURE_REDIRECT, 0,
                        "HTTP://tro-ly.example.gov.vn/v1/chat", NULL, 0 };
  g_assert_cmpint (scheduler_verdict (s, a, &shout), ==, SCHED_FINAL);
  SchedResult tls = { FAILURE_REDIRECT, 0,
                      "https://tro-ly.example.gov.vn/v1/chat", NULL, 0 };
  g_assert_cmpint (scheduler_verdict (s, a, &tls), ==, SCHED_REDIRECT);
  scheduler_finish (s, a, SCHED_FINAL, &plain, 1 * MS);
  world_clear (&w);
}

/* A conversation: the next turn follows at once, with the history. */
static void
test_conversation (void)
{
  World w;
  world_init (&w, 1, 1, 4, 0, TRUE);
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *j = claim (s, 0, &wake);
  g_assert_cmpuint (j->turn, ==, 0);
  g_assert_null (j->history[0]);
  done (s, j, FAILURE_NONE, 0, 1 * MS);
  j = claim (s, 1 * MS, &wake);
  g_assert_cmpuint (j->turn, ==, 1);
  g_assert_cmpstr (j->history[0], ==, "Đăng ký khai sinh ở đâu?");
  g_assert_cmpstr (j->history[1], ==, "trả lời");
  g_assert_null (j->history[2]);
  g_assert_cmpstr (j->session, ==, "run-1:tinh-a:practice:item-0:clean");
  done (s, j, FAILURE_NONE, 0, 2 * MS);
  g_assert_false (scheduler_pending (s, 2 * MS));
  world_clear (&w);
}

/* Resume: a unit finished before is not fired again; a conversation cut
 * after its first turn goes on from the second, with its history. */
static void
test_resume (void)
{
  World w;
  world_init (&w, 2, 1, 4, 0, TRUE);
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  /* what rundir's reader hands over (rundir/attempt.h) */
  LogAttempt turn0 = {
    .submission = "tinh-a", .testset = "practice", .item = "item-0",
    .variant = "clean", .turn = 0, .attempt = 1, .final = TRUE,
    .session = "phien-cu", .sent = "Đăng ký khai sinh ở đâu?",
    .answer = "Công an xã.", .answer_len = strlen ("Công an xã."),
  };
  /* a retried attempt of the next turn: its retry is still to be made */
  LogAttempt retried = turn0;
  retried.turn = 1;
  retried.final = FALSE;
  retried.error_class = FAILURE_HTTP_5XX;
  retried.answer = NULL;
  LogAttempt failed = {
    .submission = "tinh-a", .testset = "practice", .item = "item-1",
    .variant = "clean", .turn = 1, .attempt = 2, .final = TRUE,
    .session = "phien-2", .sent = "Thế còn lệ phí?",
    .error_class = FAILURE_TIMEOUT, .error = "quá thời gian chờ",
  };
  LogAttempt elsewhere = turn0; /* not in the plan: ignored */
  elsewhere.testset = "nowhere";
  elsewhere.item = "item-9";
  scheduler_restore (s, &turn0);
  scheduler_restore (s, &retried);
  scheduler_restore (s, &failed);
  scheduler_restore (s, &elsewhere);
  gint64 wake;
  SchedJob *j = claim (s, 0, &wake);
  g_assert_nonnull (j);
  g_assert_cmpstr (j->unit->item->id, ==, "item-0");
  g_assert_cmpuint (j->turn, ==, 1);
  g_assert_cmpuint (j->attempt, ==, 2); /* not from 1 again */
  g_assert_cmpstr (j->history[1], ==, "Công an xã.");
  g_assert_cmpstr (j->session, ==, "phien-cu");
  g_assert_null (claim (s, 0, &wake)); /* item-1 was finished */
  done (s, j, FAILURE_NONE, 0, 1 * MS);
  SchedProgress p;
  scheduler_progress (s, 0, &p);
  g_assert_cmpuint (p.units_done, ==, 2);
  world_clear (&w);
}

/* A load step cycles over the units until its time is up. */
static void
test_load_step (void)
{
  World w;
  world_init (&w, 2, 1, 4, 5, FALSE);
  g_autoptr (Scheduler) s = sched_for (&w, 3, 1 * SEC);
  gint64 wake;
  guint fired = 0;
  for (gint64 t = 0; t < 1 * SEC; t += 100 * MS) {
    SchedJob *j;
    guint n = 0;
    while ((j = claim (s, t, &wake)) != NULL) {
      g_assert_cmpuint (++n, <=, 3); /* the step's concurrency */
      done (s, j, FAILURE_NONE, 0, t);
      fired++;
      n = 0;
      if (fired > 1000)
        g_error ("a load step without a limit");
      break;
    }
  }
  g_assert_cmpuint (fired, ==, 10); /* no rate limit; each tick one */
  g_assert_false (scheduler_pending (s, 1 * SEC));
  g_assert_null (claim (s, 1 * SEC, &wake));
  world_clear (&w);
}

/* Stopped: nothing new, no retry made (one decided is left pending for
 * a resume: the log says final: false); a job never sent is dropped. */
static void
test_stop_and_drop (void)
{
  World w;
  world_init (&w, 3, 1, 4, 0, FALSE);
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *a = claim (s, 0, &wake), *b = claim (s, 0, &wake);
  scheduler_drop (s, b);
  g_assert_cmpuint (scheduler_in_flight (s), ==, 1);
  scheduler_stop (s);
  g_assert_cmpint (done (s, a, FAILURE_CONNECT, 0, 1 * MS), ==, SCHED_RETRY);
  g_assert_cmpuint (scheduler_in_flight (s), ==, 0);
  g_assert_false (scheduler_pending (s, 1 * MS));
  g_assert_null (claim (s, 1 * MS, &wake));
  SchedProgress p;
  scheduler_progress (s, 0, &p);
  g_assert_cmpuint (p.requests, ==, 1);
  world_clear (&w);
}

/* Resume keeps the retry budget: every retry the log shows decided was
 * taken from it, a redirect followed was not. */
static void
test_resume_budget (void)
{
  World w;
  world_init (&w, 4, 1, 4, 0, FALSE);
  w.c.retry_budget = 3;
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  LogAttempt a = {
    .submission = "tinh-a", .testset = "practice", .item = "item-0",
    .variant = "clean", .turn = 0, .attempt = 1, .final = FALSE,
    .session = "p0", .sent = "Lệ phí?", .error_class = FAILURE_HTTP_5XX,
  };
  scheduler_restore (s, &a);
  a.attempt = 2;
  scheduler_restore (s, &a); /* the second retry of item-0, pending */
  LogAttempt moved = a;
  moved.item = "item-1";
  moved.attempt = 1;
  moved.error_class = FAILURE_REDIRECT; /* followed: no retry spent */
  scheduler_restore (s, &moved);
  gint64 wake;
  SchedJob *j[4];
  for (int i = 0; i < 4; i++)
    j[i] = claim (s, 0, &wake);
  /* item-0 goes on at attempt 3, item-1 at 2, the others at 1 */
  for (int i = 0; i < 4; i++) {
    const char *id = j[i]->unit->item->id;
    guint want = strcmp (id, "item-0") == 0   ? 3
                 : strcmp (id, "item-1") == 0 ? 2
                                              : 1;
    g_assert_cmpuint (j[i]->attempt, ==, want);
  }
  /* one retry left of 3: the first failure gets it, the next does not */
  SchedVerdict v[3];
  for (int i = 0, k = 0; i < 4; i++)
    if (strcmp (j[i]->unit->item->id, "item-0") != 0)
      v[k++] = done (s, j[i], FAILURE_CONNECT, 0, 1 * MS);
    else
      done (s, j[i], FAILURE_NONE, 0, 1 * MS);
  g_assert_cmpint (v[0], ==, SCHED_RETRY);
  g_assert_cmpint (v[1], ==, SCHED_FINAL);
  g_assert_cmpint (v[2], ==, SCHED_FINAL);
  world_clear (&w);
}

/* Resume keeps the token bucket: a burst of four sends just before the
 * crash at 4 a second left it empty; 50 ms later only about 0.2 token
 * has come back, so the first request waits, as it would have without
 * the crash. */
static void
test_resume_bucket (void)
{
  World w;
  world_init (&w, 8, 1, 100, 4, FALSE);
  SchedulerOptions o = { &w.c, w.units, "run-1", 0, 0 };
  g_autoptr (Scheduler) s = scheduler_new (&o, 0);
  /* 2026-01-02T03:04:05Z is 1767323045 s after the epoch */
  static const char *const sent[]
      = { "2026-01-02T03:04:04.997000Z", "2026-01-02T03:04:04.998000Z",
          "2026-01-02T03:04:04.999000Z", "2026-01-02T03:04:05.000000Z" };
  for (guint i = 0; i < G_N_ELEMENTS (sent); i++) {
    g_autofree char *item = g_strdup_printf ("item-%u", i);
    LogAttempt a = { .submission = "tinh-a", .testset = "practice",
                     .item = item, .variant = "clean", .attempt = 1,
                     .final = TRUE, .session = "p", .answer = "trả lời",
                     .answer_len = strlen ("trả lời"),
                     .started_at = sent[i] };
    scheduler_restore (s, &a);
  }
  gint64 crash = G_GINT64_CONSTANT (1767323045) * SEC;
  scheduler_start (s, 0, crash + 50 * MS);
  gint64 wake;
  g_assert_null (claim (s, 0, &wake));
  g_assert_cmpint (wake, >, 190 * MS);
  g_assert_cmpint (wake, <=, 201 * MS);
  SchedJob *j = claim (s, wake, &wake);
  g_assert_nonnull (j);
  done (s, j, FAILURE_NONE, 0, 201 * MS);
  /* a resume long after the crash starts as a fresh run: one token */
  g_autoptr (Scheduler) late = scheduler_new (&o, 0);
  LogAttempt a = { .submission = "tinh-a", .testset = "practice",
                   .item = "item-0", .variant = "clean", .attempt = 1,
                   .final = TRUE, .session = "p", .answer = "x",
                   .answer_len = 1, .started_at = sent[3] };
  scheduler_restore (late, &a);
  scheduler_start (late, 0, crash + G_GINT64_CONSTANT (3600) * SEC);
  guint burst = 0;
  SchedJob *held[8];
  while ((held[burst] = claim (late, 0, &wake)) != NULL)
    burst++;
  g_assert_cmpuint (burst, ==, 4); /* a full bucket, never more */
  for (guint i = 0; i < burst; i++)
    done (late, held[i], FAILURE_NONE, 0, 1 * MS);
  world_clear (&w);
}

/* Early stop: after pause_after attempts in a row failed the same way,
 * the submission is paused — nothing more is claimed for it, its pending
 * retries are left for a resume — while the other goes on. A success or
 * another class in between starts the count again. */
static void
test_pause (void)
{
  World w;
  world_init (&w, 8, 2, 1, 0, FALSE);
  w.c.pause_after = 3;
  w.c.retries = 0;
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 now = 0;
  /* tinh-a: connect, connect, 5xx, connect, connect, connect → paused */
  static const FailureClass seq[]
      = { FAILURE_CONNECT, FAILURE_CONNECT, FAILURE_HTTP_5XX,
          FAILURE_CONNECT, FAILURE_CONNECT, FAILURE_CONNECT };
  guint k = 0, b_done = 0;
  SchedProgress p;
  while (k < G_N_ELEMENTS (seq)) {
    guint cursor = 0;
    gint64 wake;
    SchedJob *j = scheduler_claim (s, now, &cursor, &wake);
    g_assert_nonnull (j);
    now += MS;
    if (j->sub == 1) {
      done (s, j, FAILURE_NONE, 0, now);
      b_done++;
      continue;
    }
    scheduler_progress (s, 0, &p);
    g_assert_false (p.paused);
    done (s, j, seq[k++], 0, now);
  }
  scheduler_progress (s, 0, &p);
  g_assert_true (p.paused);
  g_assert_cmpint (p.pause_class, ==, FAILURE_CONNECT);
  g_assert_cmpuint (p.pause_streak, ==, 3);
  g_assert_cmpuint (p.units_done, ==, 6);
  /* only tinh-b is served from now on, to its end */
  SchedJob *j;
  guint cursor = 0;
  gint64 wake;
  while ((j = scheduler_claim (s, now, &cursor, &wake)) != NULL) {
    g_assert_cmpuint (j->sub, ==, 1);
    done (s, j, FAILURE_NONE, 0, now);
    b_done++;
  }
  g_assert_cmpuint (b_done, ==, 8);
  g_assert_false (scheduler_pending (s, now));
  world_clear (&w);
}

/* A retry decided when the pause comes is not made, and a success resets
 * the count; pause_after = 0 never pauses. */
static void
test_pause_details (void)
{
  World w;
  world_init (&w, 6, 1, 4, 0, FALSE);
  w.c.pause_after = 2;
  g_autoptr (Scheduler) s = sched_for (&w, 0, 0);
  gint64 wake;
  SchedJob *a = claim (s, 0, &wake), *b = claim (s, 0, &wake),
           *c = claim (s, 0, &wake);
  g_assert_cmpint (done (s, a, FAILURE_TIMEOUT, 0, 1 * MS), ==, SCHED_FINAL);
  g_assert_cmpint (done (s, b, FAILURE_NONE, 0, 2 * MS), ==, SCHED_FINAL);
  SchedProgress p;
  scheduler_progress (s, 0, &p);
  g_assert_false (p.paused);
  SchedJob *d = claim (s, 2 * MS, &wake);
  g_assert_cmpint (done (s, c, FAILURE_HTTP_5XX, 0, 3 * MS), ==, SCHED_RETRY);
  g_assert_cmpint (done (s, d, FAILURE_HTTP_5XX, 0, 4 * MS), ==, SCHED_RETRY);
  scheduler_progress (s, 0, &p);
  g_assert_true (p.paused);
  g_assert_cmpuint (scheduler_in_flight (s), ==, 0);
  /* both retries were decided (the log says final: false) but not made */
  g_assert_null (claim (s, 10 * SEC, &wake));
  g_assert_false (scheduler_pending (s, 10 * SEC));
  world_clear (&w);

  world_init (&w, 6, 1, 1, 0, FALSE);
  w.c.pause_after = 0;
  w.c.retries = 0;
  g_autoptr (Scheduler) never = sched_for (&w, 0, 0);
  SchedJob *j;
  guint n = 0;
  while ((j = claim (never, 0, &wake)) != NULL) {
    done (never, j, FAILURE_CONNECT, 0, 1 * MS);
    n++;
  }
  g_assert_cmpuint (n, ==, 6);
  world_clear (&w);
}

/* The prefetch hint changes nothing: the same jobs in the same order as
 * without it, asked for at every point up to the end of the units (where
 * it must read nothing beyond them: ASan in make test). */
static void
test_prefetch_changes_nothing (void)
{
  World a, b;
  world_init (&a, 8, 2, 8, 0, FALSE);
  world_init (&b, 8, 2, 8, 0, FALSE);
  g_autoptr (Scheduler) plain = sched_for (&a, 0, 0);
  g_autoptr (Scheduler) hinted = sched_for (&b, 0, 0);
  guint cp = 0, ch = 0;
  gint64 wake;
  for (;;) {
    scheduler_prefetch (hinted, ch, 16);
    SchedJob *x = scheduler_claim (plain, 0, &cp, &wake);
    SchedJob *y = scheduler_claim (hinted, 0, &ch, &wake);
    g_assert_true ((x == NULL) == (y == NULL));
    if (x == NULL)
      break;
    g_assert_cmpuint (x->sub, ==, y->sub);
    g_assert_cmpstr (x->unit->item->id, ==, y->unit->item->id);
    g_assert_cmpstr (x->session, ==, y->session);
    g_assert_cmpuint (cp, ==, ch);
    done (plain, x, FAILURE_NONE, 0, 0);
    done (hinted, y, FAILURE_NONE, 0, 0);
  }
  scheduler_prefetch (hinted, ch, 16); /* every unit claimed */
  const PlanUnit *none[2] = { NULL, NULL };
  plan_prefetch (none, NULL, 2);
  world_clear (&a);
  world_clear (&b);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scheduler/caps", test_caps);
  g_test_add_func ("/scheduler/prefetch-changes-nothing",
                   test_prefetch_changes_nothing);
  g_test_add_func ("/scheduler/token-bucket", test_token_bucket);
  g_test_add_func ("/scheduler/open-loop", test_open_loop);
  g_test_add_func ("/scheduler/backoff", test_backoff);
  g_test_add_func ("/scheduler/retry-after", test_retry_after);
  g_test_add_func ("/scheduler/retryable", test_retryable);
  g_test_add_func ("/scheduler/budget", test_budget);
  g_test_add_func ("/scheduler/redirect", test_redirect);
  g_test_add_func ("/scheduler/redirect-keeps-token-off-http",
                   test_redirect_keeps_token_off_http);
  g_test_add_func ("/scheduler/conversation", test_conversation);
  g_test_add_func ("/scheduler/resume", test_resume);
  g_test_add_func ("/scheduler/load-step", test_load_step);
  g_test_add_func ("/scheduler/stop-and-drop", test_stop_and_drop);
  g_test_add_func ("/scheduler/resume-budget", test_resume_budget);
  g_test_add_func ("/scheduler/resume-bucket", test_resume_bucket);
  g_test_add_func ("/scheduler/pause", test_pause);
  g_test_add_func ("/scheduler/pause-details", test_pause_details);
  return g_test_run ();
}
