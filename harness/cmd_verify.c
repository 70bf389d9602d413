/* vabench verify DIR: prove the run log is the one recorded. */
#include "harness/cmd.h"

#include <stdio.h>
#include <string.h>

#include "rundir/appeal.h"
#include "rundir/results.h"
#include "rundir/rundir.h"
#include "rundir/rundir_lock.h"
#include "rundir/runlog.h"

/* scores.jsonl is the one results.json was computed from (when results.json
 * says which). */
static int
check_scores (const char *dir, GError **error)
{
  if (!rundir_has (dir, RUNDIR_RESULTS) || !rundir_has (dir, RUNDIR_SCORES))
    return VB_EXIT_OK;
  g_autoptr (Results) r = results_read (dir, error);
  if (r == NULL)
    return VB_EXIT_GATE;
  if (!r->has_scores)
    return VB_EXIT_OK;
  RundirDigest now;
  if (!rundir_digest_file (dir, RUNDIR_SCORES, &now, error))
    return VB_EXIT_RUN;
  if (now.records == r->scores.records
      && strcmp (now.sha256, r->scores.sha256) == 0)
    return VB_EXIT_OK;
  g_autofree char *path = rundir_path (dir, RUNDIR_SCORES);
  g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
               "%s was altered: it is not the file results.json was "
               "computed from (%" G_GUINT64_FORMAT " records, SHA-256 %.12s…; "
               "now %" G_GUINT64_FORMAT ", %.12s…); `vabench score %s` "
               "judges the log again",
               path, r->scores.records, r->scores.sha256, now.records,
               now.sha256, dir);
  return VB_EXIT_GATE;
}

int
cmd_verify (int argc, char **argv, GError **error)
{
  const GOptionEntry entries[] = { { NULL } };
  static const char summary[] =
      "Checks the SHA-256 chain of DIR/log.jsonl and its "
      "anchors (log.head, and the digests in "
      "manifest.json and results.json), scores.jsonl "
      "against results.json, and the reviewers' "
      "decisions in DIR/appeals.jsonl with "
      "DIR/appeals.head; names the first record that "
      "was altered, removed, inserted or moved, and any "
      "record no anchor covers. Exit 0 intact, 1 altered "
      "or not anchored, 3 when it cannot be read (or a "
      "writer is at work).";
  const char *dir = NULL;
  if (!cmd_parse_dir_options ("verify", summary, entries, &argc, &argv, &dir,
                              error))
    return VB_EXIT_INPUT;
  g_autofree char *holder_cmd = NULL;
  gint64 holder = rundir_lock_holder (dir, &holder_cmd);
  if (holder != 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_RUN,
                 "%s is being written (pid %" G_GINT64_FORMAT ", %s): verify "
                 "it once that has ended",
                 dir, holder, holder_cmd ? holder_cmd : "?");
    return VB_EXIT_RUN;
  }
  guint64 n = 0;
  g_autofree char *by = NULL;
  g_autoptr (GError) local = NULL;
  if (!runlog_verify (dir, &n, &by, &local)) {
    gboolean altered = g_error_matches (local, RUNLOG_ERROR,
                                        RUNLOG_ERROR_CHAIN);
    g_propagate_error (error, g_steal_pointer (&local));
    return altered ? VB_EXIT_GATE : VB_EXIT_RUN;
  }
  /* Every run writes log.head with its first records and keeps it: its
   * absence beside a log that has records is an alteration, even when the
   * other anchors still vouch for every line (issue 15: verify used to say
   * "chain intact" with the head deleted). */
  g_autofree char *head = runlog_head (dir);
  if (n > 0 && head == NULL) {
    g_autofree char *hp = rundir_path (dir, RUNDIR_LOG_HEAD);
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "%s was removed: every run writes it with its first "
                 "records, and the log holds %" G_GUINT64_FORMAT " (%s "
                 "still vouch for them)",
                 hp, n, by ? by : "no other anchor");
    return VB_EXIT_GATE;
  }
  guint64 decisions = 0;
  if (!appeal_verify (dir, &decisions, &local)) {
    gboolean altered = g_error_matches (local, APPEAL_ERROR,
                                        APPEAL_ERROR_CHAIN);
    g_propagate_error (error, g_steal_pointer (&local));
    return altered ? VB_EXIT_GATE : VB_EXIT_RUN;
  }
  int rc = check_scores (dir, error);
  if (rc != VB_EXIT_OK)
    return rc;
  g_autofree char *log = rundir_path (dir, RUNDIR_LOG);
  printf ("%s: %" G_GUINT64_FORMAT " records, chain intact, anchored by %s\n",
          log, n, by);
  if (decisions > 0) {
    g_autofree char *ap = rundir_path (dir, RUNDIR_APPEALS);
    printf ("%s: %" G_GUINT64_FORMAT " decision(s), chain intact\n", ap,
            decisions);
  }
  return VB_EXIT_OK;
}
