/* vabench report DIR [--format html,md,csv,json,junit] [--lang vi|en]
 *                   [--require EXPR]... [--junit-items] */
#include "harness/cmd.h"

#include <stdio.h>

#include "reports/gate.h"
#include "reports/report.h"
#include "rundir/rundir_lock.h"

/* Input problems (a missing or malformed run file, a bad option value) are
 * exit 2; failing to write a report is exit 3. */
static int
report_exit_code (const GError *error)
{
  if (error->domain == REPORT_ERROR)
    return error->code == REPORT_ERROR_IO ? VB_EXIT_RUN : VB_EXIT_INPUT;
  if (error->domain == GATE_ERROR)
    return VB_EXIT_INPUT;
  return cmd_exit_code_for (error);
}

int
cmd_report (int argc, char **argv, GError **error)
{
  g_autofree char *formats = NULL, *lang_text = NULL;
  g_auto (GStrv) requires = NULL;
  gboolean junit_items = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &formats,
      "comma list of html,md,csv,json,junit (default: all)", "LIST" },
    { "lang", 'l', 0, G_OPTION_ARG_STRING, &lang_text,
      "report language: vi (default) or en (written to report.en.html, "
      "report.en.md, …)", "LANG" },
    { "require", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &requires,
      "gate threshold for report.md's verdict and junit.xml, e.g. "
      "'accuracy>=80%' (repeatable)", "EXPR" },
    { "junit-items", 0, 0, G_OPTION_ARG_NONE, &junit_items,
      "junit.xml also gets one test case per answer", NULL },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  if (!cmd_parse_options ("report", "DIR",
                          "Writes the reports of a finished run into DIR.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (argc != 2) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "expected one run directory, got %d arguments", argc - 1);
    return VB_EXIT_INPUT;
  }
  ReportLang lang;
  if (!report_lang_parse (lang_text, &lang, error))
    return VB_EXIT_INPUT;
  /* The reports are files of the run directory: one writer at a time. */
  g_autoptr (RundirLock) lock = rundir_lock_take (argv[1], "report", error);
  if (lock == NULL)
    return cmd_exit_code_for (*error);
  g_auto (GStrv) warnings = NULL;
  g_autoptr (GError) local = NULL;
  ReportOptions opts = { formats, lang, (const char *const *) requires,
                        junit_items };
  if (!report_write (argv[1], &opts, &warnings, &local)) {
    int rc = report_exit_code (local);
    g_propagate_error (error, g_steal_pointer (&local));
    return rc;
  }
  for (guint i = 0; warnings && warnings[i]; i++)
    fprintf (stderr, "vabench report: warning: %s\n", warnings[i]);
  printf ("reports written to %s\n", argv[1]);
  return VB_EXIT_OK;
}
