/* Helpers shared by the subcommands: option parsing and exit-code mapping. */
#include "harness/cmd.h"

#include "testsets/testset.h"
#include "util/jsonl.h"
#include "scoring/judge.h"
#include "submissions/manifest.h"
#include "harness/contest.h"
#include "rundir/appeal.h"
#include "rundir/rundir.h"
#include "rundir/runlog.h"

G_DEFINE_QUARK (vabench-error-quark, vb_error)

gboolean
cmd_parse_options (const char *name, const char *params, const char *summary,
                   const GOptionEntry *entries, int *argc, char ***argv,
                   GError **error)
{
  g_autofree char *prog = g_strdup_printf ("vabench %s", name);
  g_set_prgname (prog);
  g_autoptr (GOptionContext) ctx = g_option_context_new (params);
  g_option_context_set_summary (ctx, summary);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_autoptr (GError) local = NULL;
  if (!g_option_context_parse (ctx, argc, argv, &local)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "%s (see --help)",
                 local->message);
    return FALSE;
  }
  return TRUE;
}

gboolean
cmd_parse_dir_options (const char *name, const char *summary,
                       const GOptionEntry *entries, int *argc, char ***argv,
                       const char **dir, GError **error)
{
  if (!cmd_parse_options (name, "DIR", summary, entries, argc, argv, error))
    return FALSE;
  if (*argc != 2) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "give one run DIR");
    return FALSE;
  }
  *dir = (*argv)[1];
  return TRUE;
}

int
cmd_exit_code_for (const GError *error)
{
  if (error == NULL)
    return 0;
  if (error->domain == VB_ERROR)
    return error->code == VB_ERROR_RUN ? 3 : 2;
  /* Another writer holds the run directory: not bad input, the command
   * could not be carried out now. */
  if (error->domain == RUNDIR_ERROR && error->code == RUNDIR_ERROR_LOCKED)
    return 3;
  /* A run log altered or damaged anywhere but a torn last line: input
   * that cannot be used as it is (resume refuses it untouched). */
  if (error->domain == RUNLOG_ERROR && error->code == RUNLOG_ERROR_CHAIN)
    return 2;
  if (error->domain == TESTSET_ERROR || error->domain == JSONL_ERROR
      || error->domain == JUDGE_ERROR || error->domain == G_KEY_FILE_ERROR
      || error->domain == G_OPTION_ERROR || error->domain == MANIFEST_ERROR
      || error->domain == CONTEST_ERROR || error->domain == RUNDIR_ERROR
      || error->domain == APPEAL_ERROR)
    return 2;
  return 3;
}

gboolean
cmd_check_workers (int workers, GError **error)
{
  if (workers >= 0 && workers <= 64)
    return TRUE;
  g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
               "--workers: %d is not between 0 (one per core) and 64",
               workers);
  return FALSE;
}
