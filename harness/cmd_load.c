/* vabench load: ramp concurrency against one submission to test a
 * province's capacity claim (p95 within the SLA, accuracy held). */
#include "harness/cmd.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "harness/contest.h"
#include "harness/engine.h"
#include "harness/plan.h"
#include "rundir/results.h"
#include "rundir/rundir.h"
#include "rundir/rundir_lock.h"
#include "rundir/runlog.h"
#include "scoring/capacity.h"

static volatile sig_atomic_t load_stop = 0;

static void
on_signal (int sig)
{
  load_stop = 1;
  signal (sig, SIG_DFL);
}

/* Fires one step into its own run log, then judges it as a contest is
 * judged (scoring/capacity.h). */
static cJSON *
run_step (const Contest *c, const GPtrArray *units, const char *out,
          guint conc, guint secs, guint workers, GError **error)
{
  g_autofree char *dir = rundir_load_step (out, conc);
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
  return capacity_step (dir, c->testsets, conc, elapsed, error);
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
  if (!results_write_load (out, load, error))
    return FALSE;
  /* Beside a contest run, the capacity goes into its results.json too, so
   * the report draws the capacity curve. */
  g_autoptr (Results) res = results_read (out, NULL);
  if (res == NULL)
    return TRUE;
  results_set_load (res, cJSON_Duplicate (load, TRUE));
  return results_write (out, res, error);
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
  if (g_mkdir_with_parents (out, 0755) != 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_RUN, "cannot create %s", out);
    return VB_EXIT_RUN;
  }
  /* One writer per directory: its step logs and results.json. */
  g_autoptr (RundirLock) lock = rundir_lock_take (out, "load", error);
  if (lock == NULL)
    return cmd_exit_code_for (*error);
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
  g_autofree char *path = rundir_path (out, RUNDIR_LOAD);
  if (cap < 0)
    printf ("\nNo step kept p95 ≤ %d ms with accuracy within 2 points of the "
            "first step.\n", sla);
  else
    printf ("\nCapacity of %s: %d concurrent callers (p95 ≤ %d ms, accuracy "
            "within 2 points of the first step). Written to %s\n",
            sub, cap, sla, path);
  return load_stop ? VB_EXIT_RUN : VB_EXIT_OK;
}
