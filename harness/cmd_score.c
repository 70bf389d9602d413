/* vabench score DIR: re-judge a run log with the current question sets. */
#include "harness/cmd.h"

#include <stdio.h>

#include "reports/appeals.h"
#include "reports/report.h"
#include "scoring/scorer.h"

int
cmd_score (int argc, char **argv, GError **error)
{
  gboolean quiet = FALSE;
  const GOptionEntry entries[]
      = { { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
            "Do not print the leaderboard", NULL },
          { NULL } };
  if (!cmd_parse_options ("score", "DIR",
                          "Re-scores DIR/log.jsonl against the question sets "
                          "(as they are now) and rewrites DIR/scores.jsonl "
                          "and DIR/results.json. No request is sent.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (argc != 2) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "give one run DIR");
    return VB_EXIT_INPUT;
  }
  g_autoptr (Results) results = NULL;
  /* Unusable input (manifest, sets, log) is exit 2; a file that cannot be
   * written is exit 3 (G_FILE_ERROR). */
  if (!scorer_score_run (argv[1], NULL, &results, error))
    return cmd_exit_code_for (*error);
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
