/* vabench diff A B — item-by-item comparison of two runs. */
#include "harness/cmd.h"

#include <stdio.h>

#include "reports/diff.h"

int
cmd_diff (int argc, char **argv, GError **error)
{
  gboolean allow = FALSE;
  const GOptionEntry entries[] = {
    { "allow-different-sets", 0, 0, G_OPTION_ARG_NONE, &allow,
      "Compare runs scored with different question sets, listing the "
      "items that changed", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL }
  };
  if (!cmd_parse_options ("diff", "A B",
                          "Compares two runs of the same question sets: "
                          "flipped items and metric deltas per submission.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (argc != 3) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "expected two run directories, got %d arguments", argc - 1);
    return VB_EXIT_INPUT;
  }
  g_autoptr (GString) out = g_string_new (NULL);
  if (!diff_runs (argv[1], argv[2], allow, out, error))
    return VB_EXIT_INPUT;
  fputs (out->str, stdout);
  return VB_EXIT_OK;
}
