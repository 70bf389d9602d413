/* vabench verify DIR: prove the run log is the one recorded. */
#include "harness/cmd.h"

#include <stdio.h>

#include "rundir/appeal.h"
#include "rundir/rundir.h"
#include "rundir/runlog.h"

int
cmd_verify (int argc, char **argv, GError **error)
{
  const GOptionEntry entries[] = { { NULL } };
  if (!cmd_parse_options ("verify", "DIR",
                          "Checks the SHA-256 chain of DIR/log.jsonl and its "
                          "head in DIR/log.head, and the reviewers' "
                          "decisions in DIR/appeals.jsonl with "
                          "DIR/appeals.head; names the first record that "
                          "was altered. Exit 0 intact, 1 altered.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (argc != 2) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "give one run DIR");
    return VB_EXIT_INPUT;
  }
  guint64 n = 0;
  g_autoptr (GError) local = NULL;
  if (!runlog_verify (argv[1], &n, &local)) {
    gboolean altered = g_error_matches (local, RUNLOG_ERROR,
                                        RUNLOG_ERROR_CHAIN);
    g_propagate_error (error, g_steal_pointer (&local));
    return altered ? VB_EXIT_GATE : VB_EXIT_RUN;
  }
  guint64 decisions = 0;
  if (!appeal_verify (argv[1], &decisions, &local)) {
    gboolean altered = g_error_matches (local, APPEAL_ERROR,
                                        APPEAL_ERROR_CHAIN);
    g_propagate_error (error, g_steal_pointer (&local));
    return altered ? VB_EXIT_GATE : VB_EXIT_RUN;
  }
  g_autofree char *head = runlog_head (argv[1]);
  g_autofree char *log = rundir_path (argv[1], RUNDIR_LOG);
  printf ("%s: %" G_GUINT64_FORMAT " records, chain intact%s%s", log, n,
          head ? "; head " : "\n", head ? head : "");
  if (decisions > 0) {
    g_autofree char *ap = rundir_path (argv[1], RUNDIR_APPEALS);
    printf ("%s: %" G_GUINT64_FORMAT " decision(s), chain intact\n", ap,
            decisions);
  }
  return VB_EXIT_OK;
}
