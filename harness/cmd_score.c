/* vabench score DIR: re-judge a run log with the current question sets. */
#include "harness/cmd.h"

#include <stdio.h>

#include "reports/appeals.h"
#include "reports/provenance.h"
#include "reports/report.h"
#include "reports/rjson.h"
#include "rundir/rundir_lock.h"
#include "scoring/scorer.h"

/* A set that changed since the firing (a corrected key) is scored as it
 * is now: results.json records both hashes, and this says so, with the
 * items that changed since the last scoring. */
static void
say_provenance (const char *dir, const Results *before, const Results *now)
{
  const cJSON *s;
  cJSON_ArrayForEach (s, rjson_path (now->contest, "testsets"))
  {
    const char *fired = rjson_str (s, "sha256_fired", NULL);
    if (fired == NULL)
      continue;
    fprintf (stderr,
             "vabench score: question set \"%s\" changed since the run was "
             "fired (sha256 %.12s… then, %.12s… now): the scores use it as "
             "it is now, and results.json records both\n",
             rjson_str (s, "name", "?"), fired, rjson_str (s, "sha256", "?"));
  }
  g_autoptr (GString) changes = g_string_new (NULL);
  if (before && !provenance_same_sets (dir, before, dir, now,
                                      "the last scoring", "this one",
                                      changes))
    fprintf (stderr, "vabench score: %s", changes->str);
}

int
cmd_score (int argc, char **argv, GError **error)
{
  gboolean quiet = FALSE;
  const GOptionEntry entries[]
      = { { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
            "Do not print the leaderboard", NULL },
          { NULL } };
  static const char summary[] =
      "Re-scores DIR/log.jsonl against the question sets "
      "(as they are now) and rewrites DIR/scores.jsonl "
      "and DIR/results.json. No request is sent.";
  const char *dir = NULL;
  if (!cmd_parse_dir_options ("score", summary, entries, &argc, &argv, &dir,
                              error))
    return VB_EXIT_INPUT;
  /* One writer at a time: a score during a resume would judge a log that
   * is still growing, and two would race on scores.jsonl. */
  g_autoptr (RundirLock) lock = rundir_lock_take (dir, "score", error);
  if (lock == NULL)
    return cmd_exit_code_for (*error);
  g_autoptr (Results) results = NULL;
  /* What the last scoring used, to say which items changed since. */
  g_autoptr (Results) before = results_read (dir, NULL);
  /* Unusable input (manifest, sets, log) is exit 2; a file that cannot be
   * written is exit 3 (G_FILE_ERROR). */
  if (!scorer_score_run (dir, NULL, &results, error))
    return cmd_exit_code_for (*error);
  say_provenance (dir, before, results);
  if (!quiet) {
    g_autofree char *table
        = report_leaderboard_markdown (results, REPORT_LANG_VI);
    printf ("%s\n", table);
    g_autoptr (GString) appeals = g_string_new (NULL);
    appeals_markdown (appeals, results, REPORT_LANG_VI);
    if (appeals->len)
      printf ("%s\n", appeals->str);
  }
  return VB_EXIT_OK;
}
