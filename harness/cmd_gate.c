/* vabench gate DIR --require EXPR... [--submission ID]
 *                  [--baseline DIR [--max-drop METRIC=X]...] [--junit FILE] */
#include "harness/cmd.h"

#include <stdio.h>

#include "reports/gate.h"
#include "reports/junit.h"
#include "rundir/results.h"
#include "util/atomic_file.h"

/* The checks as JUnit XML: one test case per threshold and submission, so
 * a CI dashboard shows exactly what the gate decided. */
static gboolean
write_junit (const char *run_dir, const GPtrArray *checks, const char *path,
             GError **error)
{
  g_autoptr (Results) results = results_read (run_dir, error);
  if (results == NULL)
    return FALSE;
  g_autoptr (JunitWriter) w = junit_writer_new (results, REPORT_LANG_VI,
                                                FALSE);
  junit_writer_add_checks (w, checks);
  g_autofree char *xml = junit_writer_finish (w);
  return atomic_file_set_contents (path, xml, -1, ATOMIC_FILE_NO_SYNC,
                                   error);
}

/* A killed run must not pass: its submissions answered different subsets,
 * and what was never asked cannot fail a threshold. FALSE (with the line
 * printed) when dir's run is incomplete; -1 when it cannot be read. */
static int
complete_or_say (const char *dir, GError **error)
{
  g_autoptr (Results) r = results_read (dir, error);
  if (r == NULL)
    return -1;
  g_autofree char *why = results_incomplete (r, "en");
  if (why == NULL)
    return TRUE;
  printf ("gate: %s: the run is incomplete: %s\n", dir, why);
  return FALSE;
}

int
cmd_gate (int argc, char **argv, GError **error)
{
  g_auto (GStrv) requires = NULL, max_drops = NULL;
  g_autofree char *submission = NULL, *baseline = NULL, *junit = NULL;
  gboolean allow_incomplete = FALSE;
  gboolean allow = FALSE;
  const GOptionEntry entries[] = {
    { "allow-incomplete", 0, 0, G_OPTION_ARG_NONE, &allow_incomplete,
      "check the thresholds of an incomplete run (or baseline) instead of "
      "failing it", NULL },
    { "require", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &requires,
      "threshold METRIC OP NUMBER, e.g. 'accuracy>=80%' or 'p95_ms<=3000' "
      "(repeatable)",
      "EXPR" },
    { "submission", 's', 0, G_OPTION_ARG_STRING, &submission,
      "check only this submission (default: every one)", "ID" },
    { "baseline", 'b', 0, G_OPTION_ARG_FILENAME, &baseline,
      "compare with this earlier run", "DIR" },
    { "max-drop", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &max_drops,
      "fail when baseline − current > X, e.g. accuracy=0.02 (repeatable)",
      "METRIC=X" },
    { "allow-different-sets", 0, 0, G_OPTION_ARG_NONE, &allow,
      "compare with a baseline scored with different question sets, "
      "listing the items that changed", NULL },
    { "junit", 'j', 0, G_OPTION_ARG_FILENAME, &junit,
      "also write the checks to FILE as JUnit XML, one test case per "
      "threshold and submission", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  if (!cmd_parse_options ("gate", "DIR",
                          "Exit 0 when every threshold holds, 1 when one "
                          "fails or the run is incomplete (unless "
                          "--allow-incomplete), 2 on a malformed expression "
                          "or metric.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (argc != 2) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "expected one run directory, got %d arguments", argc - 1);
    return VB_EXIT_INPUT;
  }
  if ((requires == NULL || requires[0] == NULL) && baseline == NULL) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "nothing to check: give --require or --baseline");
    return VB_EXIT_INPUT;
  }
  if (!allow_incomplete) {
    int a = complete_or_say (argv[1], error);
    int b = a < 0 || baseline == NULL ? TRUE
                                      : complete_or_say (baseline, error);
    if (a < 0 || b < 0)
      return VB_EXIT_INPUT;
    if (!a || !b) {
      printf ("gate: FAILED (--allow-incomplete checks the thresholds "
              "anyway)\n");
      return VB_EXIT_GATE;
    }
  }
  GateOptions opts = { argv[1], (const char *const *) requires, submission,
                       baseline, (const char *const *) max_drops, allow };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) checks = NULL;
  int rc = gate_run (&opts, out, &checks, error);
  if (rc == GATE_BAD)
    return VB_EXIT_INPUT;
  fputs (out->str, stdout);
  if (junit && !write_junit (argv[1], checks, junit, error))
    return VB_EXIT_RUN;
  if (rc == GATE_FAIL) {
    printf ("gate: FAILED\n");
    return VB_EXIT_GATE;
  }
  printf ("gate: passed\n");
  return VB_EXIT_OK;
}
