/* vabench load: ramp concurrency against one submission to test a
 * province's capacity claim (p95 within the SLA, accuracy held). */
#include "harness/cmd.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "harness/contest.h"
#include "harness/engine.h"
#include "harness/plan.h"
#include "harness/runlog.h"
#include "harness/scorecard.h"
#include "scoring/judge.h"
#include "scoring/stats.h"

static volatile sig_atomic_t load_stop = 0;

static void
on_signal (int sig)
{
  load_stop = 1;
  signal (sig, SIG_DFL);
}

typedef struct {
  const Contest *c;
  GArray *lat_us;   /* gint64 of answered requests */
  guint requests, errors, answered, correct;
} StepTally;

/* The compiled key of a single-turn item, or NULL. */
static const JudgeKey *
key_of (StepTally *t, const char *set_name, const char *item)
{
  for (guint i = 0; set_name && item && i < t->c->testsets->len; i++) {
    const Testset *set = g_ptr_array_index (t->c->testsets, i);
    const TsItem *it = strcmp (set->name, set_name) == 0
                           ? testset_lookup (set, item) : NULL;
    if (it != NULL)
      return ((const TsTurn *) g_ptr_array_index (it->turns, 0))->key;
  }
  return NULL;
}

static void
tally_record (const cJSON *rec, gpointer user)
{
  StepTally *t = user;
  if (!cJSON_IsTrue (cJSON_GetObjectItem (rec, "final")))
    return;
  t->requests++;
  const char *answer = cJSON_GetStringValue (cJSON_GetObjectItem (rec,
                                                                  "answer"));
  if (answer == NULL) {
    t->errors++;
    return;
  }
  t->answered++;
  gint64 us = (gint64) cJSON_GetNumberValue (cJSON_GetObjectItem (rec,
                                                                  "t_total_us"));
  g_array_append_val (t->lat_us, us);
  const JudgeKey *key = key_of (
      t, cJSON_GetStringValue (cJSON_GetObjectItem (rec, "testset")),
      cJSON_GetStringValue (cJSON_GetObjectItem (rec, "item")));
  if (key == NULL)
    return;
  g_autoptr (cJSON) j = judge_answer (key, answer);
  t->correct += cJSON_IsTrue (cJSON_GetObjectItem (j, "correct"));
}

static double
pct_ms (GArray *lat, double p)
{
  if (lat->len == 0)
    return -1;
  return stats_percentile_nearest ((gint64 *) (void *) lat->data, lat->len, p)
         / 1000.0;
}

static cJSON *
run_step (const Contest *c, const GPtrArray *units, const char *out,
          guint conc, guint secs, guint workers, GError **error)
{
  g_autofree char *dir = g_strdup_printf ("%s/load/step-%u", out, conc);
  if (g_mkdir_with_parents (dir, 0755) != 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_RUN, "cannot create %s", dir);
    return NULL;
  }
  gboolean torn;
  g_autoptr (RunLog) log = runlog_open (dir, NULL, NULL, &torn, error);
  if (log == NULL)
    return NULL;
  g_autofree char *run_id = g_strdup_printf ("load-%u", conc);
  EngineOptions eo = { .contest = c, .units = units, .log = log,
                       .run_id = run_id, .quiet = TRUE, .stop = &load_stop,
                       .load_concurrency = conc,
                       .workers = workers,
                       .load_duration_us = (gint64) secs * G_USEC_PER_SEC };
  g_autoptr (Engine) e = engine_new (&eo);
  gint64 t0 = g_get_monotonic_time ();
  if (!engine_fire (e, error))
    return NULL;
  double elapsed = (g_get_monotonic_time () - t0) / 1e6;
  StepTally t = { c, g_array_new (FALSE, FALSE, sizeof (gint64)), 0, 0, 0,
                  0 };
  gboolean ok = runlog_read (dir, tally_record, &t, error);
  cJSON *step = NULL;
  if (ok) {
    stats_sort_i64 ((gint64 *) (void *) t.lat_us->data, t.lat_us->len);
    step = cJSON_CreateObject ();
    cJSON_AddNumberToObject (step, "concurrency", conc);
    cJSON_AddNumberToObject (step, "requests", t.requests);
    cJSON_AddNumberToObject (step, "p50_ms", pct_ms (t.lat_us, 50));
    cJSON_AddNumberToObject (step, "p95_ms", pct_ms (t.lat_us, 95));
    cJSON_AddNumberToObject (step, "p99_ms", pct_ms (t.lat_us, 99));
    cJSON_AddNumberToObject (step, "error_rate",
                             t.requests ? (double) t.errors / t.requests : 0);
    cJSON_AddNumberToObject (step, "accuracy",
                             t.requests ? (double) t.correct / t.requests : 0);
    cJSON_AddNumberToObject (step, "rps", t.requests / MAX (elapsed, 1e-3));
  }
  g_array_unref (t.lat_us);
  return step;
}

/* The largest concurrency whose p95 kept within the SLA and whose accuracy
 * stayed within 2 points of the first step; -1 when none did. */
static int
capacity_of (const cJSON *steps, double sla_ms)
{
  const cJSON *first = cJSON_GetArrayItem (steps, 0), *s;
  double base = cJSON_GetNumberValue (cJSON_GetObjectItem (first, "accuracy"));
  int cap = -1;
  cJSON_ArrayForEach (s, steps)
  {
    double p95 = cJSON_GetNumberValue (cJSON_GetObjectItem (s, "p95_ms"));
    double acc = cJSON_GetNumberValue (cJSON_GetObjectItem (s, "accuracy"));
    if (p95 >= 0 && p95 <= sla_ms && acc >= base - 0.02)
      cap = (int) cJSON_GetNumberValue (cJSON_GetObjectItem (s,
                                                             "concurrency"));
  }
  return cap;
}

static gboolean
parse_ramp (const char *text, GArray *out, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (text, ",", -1);
  for (char **p = parts; *p; p++) {
    guint64 v;
    if (!g_ascii_string_to_unsigned (g_strstrip (*p), 10, 1, 100000, &v,
                                     NULL)) {
      g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                   "--ramp: \"%s\" is not a concurrency in 1..100000", *p);
      return FALSE;
    }
    guint c = (guint) v;
    g_array_append_val (out, c);
  }
  return out->len > 0;
}

static gboolean
save_load (const char *out, cJSON *load, GError **error)
{
  g_autofree char *lp = g_build_filename (out, "load.json", NULL);
  if (!scorecard_write_json (lp, load, error))
    return FALSE;
  /* Beside a contest run, the capacity goes into its results.json too, so
   * the report draws the capacity curve. */
  g_autofree char *rp = g_build_filename (out, "results.json", NULL);
  g_autofree char *text = NULL;
  if (!g_file_get_contents (rp, &text, NULL, NULL))
    return TRUE;
  g_autoptr (cJSON) res = cJSON_Parse (text);
  if (res == NULL)
    return TRUE;
  cJSON_DeleteItemFromObject (res, "load");
  cJSON_AddItemToObject (res, "load", cJSON_Duplicate (load, TRUE));
  return scorecard_write_json (rp, res, error);
}

static GPtrArray *
single_turn_clean (const GPtrArray *all)
{
  GPtrArray *u = g_ptr_array_new ();
  for (guint i = 0; i < all->len; i++) {
    const PlanUnit *p = g_ptr_array_index (all, i);
    if (strcmp (p->variant, "clean") == 0 && p->item->turns->len == 1)
      g_ptr_array_add (u, (gpointer) p);
  }
  return u;
}

int
cmd_load (int argc, char **argv, GError **error)
{
  g_autofree char *contest_path = NULL, *sub = NULL, *ramp = NULL,
                  *out = NULL;
  int step_secs = 10, sla = 3000, workers = 0;
  const GOptionEntry entries[] = {
    { "workers", 0, 0, G_OPTION_ARG_INT, &workers,
      "Firing threads (default: one per core, at most 4)", "N" },
    { "contest", 'c', 0, G_OPTION_ARG_FILENAME, &contest_path,
      "Contest file (question sets, the submission's manifest)", "FILE" },
    { "submission", 's', 0, G_OPTION_ARG_STRING, &sub,
      "Submission id to load-test", "ID" },
    { "ramp", 0, 0, G_OPTION_ARG_STRING, &ramp,
      "Concurrency steps, e.g. 10,100,1000,5000", "LIST" },
    { "step-seconds", 0, 0, G_OPTION_ARG_INT, &step_secs,
      "Seconds per step (default 10)", "S" },
    { "sla-p95-ms", 0, 0, G_OPTION_ARG_INT, &sla,
      "p95 latency the capacity must keep (default 3000)", "MS" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      "Directory for load.json and the step logs (a contest run's directory "
      "adds the capacity to its results.json)", "DIR" },
    { NULL }
  };
  if (!cmd_parse_options ("load", "",
                          "Ramps concurrency against one submission with the "
                          "contest's clean single-turn questions, records "
                          "p50/p95/p99, errors and accuracy per step, and "
                          "reports the capacity.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (!contest_path || !sub || !ramp || step_secs < 1 || sla < 1) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "need --contest, --submission and --ramp (and positive "
                 "--step-seconds, --sla-p95-ms)");
    return VB_EXIT_INPUT;
  }
  if (!cmd_check_workers (workers, error))
    return VB_EXIT_INPUT;
  g_autoptr (GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint));
  if (!parse_ramp (ramp, steps, error))
    return VB_EXIT_INPUT;
  g_autoptr (Contest) c = contest_load (contest_path, error);
  if (c == NULL || !contest_keep_only (c, sub, error))
    return VB_EXIT_INPUT;
  if (out == NULL)
    out = g_strdup_printf ("runs/load-%s", sub);
  g_autoptr (GPtrArray) all = plan_build (c, NULL);
  g_autoptr (GPtrArray) units = single_turn_clean (all);
  signal (SIGINT, on_signal);
  signal (SIGTERM, on_signal);
  g_autoptr (cJSON) load = cJSON_CreateObject ();
  cJSON_AddStringToObject (load, "submission", sub);
  cJSON_AddNumberToObject (load, "sla_p95_ms", sla);
  cJSON *arr = cJSON_AddArrayToObject (load, "steps");
  printf ("| concurrency | requests | req/s | p50 ms | p95 ms | p99 ms | "
          "errors | accuracy |\n|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < steps->len && !load_stop; i++) {
    guint conc = g_array_index (steps, guint, i);
    cJSON *st = run_step (c, units, out, conc, (guint) step_secs,
                          (guint) workers, error);
    if (st == NULL)
      return VB_EXIT_RUN;
    cJSON_AddItemToArray (arr, st);
    printf ("| %u | %.0f | %.1f | %.1f | %.1f | %.1f | %.1f%% | %.1f%% |\n",
            conc, cJSON_GetNumberValue (cJSON_GetObjectItem (st, "requests")),
            cJSON_GetNumberValue (cJSON_GetObjectItem (st, "rps")),
            cJSON_GetNumberValue (cJSON_GetObjectItem (st, "p50_ms")),
            cJSON_GetNumberValue (cJSON_GetObjectItem (st, "p95_ms")),
            cJSON_GetNumberValue (cJSON_GetObjectItem (st, "p99_ms")),
            100 * cJSON_GetNumberValue (cJSON_GetObjectItem (st,
                                                             "error_rate")),
            100 * cJSON_GetNumberValue (cJSON_GetObjectItem (st,
                                                             "accuracy")));
    fflush (stdout);
  }
  int cap = cJSON_GetArraySize (arr) ? capacity_of (arr, sla) : -1;
  if (cap < 0)
    cJSON_AddNullToObject (load, "capacity");
  else
    cJSON_AddNumberToObject (load, "capacity", cap);
  if (!save_load (out, load, error))
    return VB_EXIT_RUN;
  if (cap < 0)
    printf ("\nNo step kept p95 ≤ %d ms with accuracy within 2 points of the "
            "first step.\n", sla);
  else
    printf ("\nCapacity of %s: %d concurrent callers (p95 ≤ %d ms, accuracy "
            "within 2 points of the first step). Written to %s/load.json\n",
            sub, cap, sla, out);
  return load_stop ? VB_EXIT_RUN : VB_EXIT_OK;
}
