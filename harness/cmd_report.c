/* vabench report DIR [--format html,md,csv,json,junit] [--lang vi|en]
 *                   [--require EXPR]... [--junit-items]
 * vabench report DIR --submission ID --private [--lang vi|en] */
#include "harness/cmd.h"

#include <stdio.h>

#include "reports/gate.h"
#include "reports/private.h"
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
  g_autofree char *formats = NULL, *lang_text = NULL, *submission = NULL;
  g_auto (GStrv) requires = NULL;
  gboolean junit_items = FALSE, private = FALSE;
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
    { "submission", 's', 0, G_OPTION_ARG_STRING, &submission,
      "with --private: the submission the report is for", "ID" },
    { "private", 0, 0, G_OPTION_ARG_NONE, &private,
      "write the report one province receives (its own answers and "
      "judgements only) to DIR/private/ID/",
      NULL },
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
  if (private != (submission != NULL)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--private and --submission ID go together: the private "
                 "report of one submission");
    return VB_EXIT_INPUT;
  }
  if (private && (formats || requires || junit_items)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--private writes report.html and items.csv; --format, "
                 "--require and --junit-items do not apply");
    return VB_EXIT_INPUT;
  }
  /* The reports are files of the run directory: one writer at a time. */
  g_autoptr (RundirLock) lock = rundir_lock_take (argv[1], "report", error);
  if (lock == NULL)
    return cmd_exit_code_for (*error);
  if (private) {
    g_autofree char *written = NULL;
    g_autoptr (GError) local = NULL;
    if (!private_report_write (argv[1], submission, lang, &written,
                               &local)) {
      int rc = report_exit_code (local);
      g_propagate_error (error, g_steal_pointer (&local));
      return rc;
    }
    printf ("private report of %s written to %s\n", submission, written);
    return VB_EXIT_OK;
  }
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
