/* Reports of a finished run: HTML, Markdown, CSV, JSON, JUnit XML and SVG
 * plots, all written into the run directory (formats: reports/README.md).
 * Reports never print; warnings are handed back to the caller. */
#ifndef REPORT_H
#define REPORT_H

#include "rundir/results.h"
#include "rundir/score_record.h"

#define REPORT_ERROR (report_error_quark ())
GQuark report_error_quark (void);
typedef enum {
  REPORT_ERROR_IO,     /* a report cannot be written (exit 3) */
  REPORT_ERROR_INPUT,  /* a run file is missing or malformed (exit 2) */
  REPORT_ERROR_FORMAT, /* an unknown name in the format list */
} ReportError;

typedef enum { REPORT_LANG_VI, REPORT_LANG_EN } ReportLang;

/* Reads the run's results and score records (rundir/) and writes each
 * requested format (comma list of html,md,csv,json,junit) into RUN_DIR: report.html,
 * report.md, results.csv + items.csv, results.json (rewritten only if "json" asked), junit.xml,
 * and plots/NAME.svg. A missing gnuplot gives a report without plots; the warning is returned in
 * *warnings (newly allocated strv or NULL) for the caller to print. FALSE + error on I/O. */
gboolean report_write (const char *run_dir, const char *formats, ReportLang lang,
                       char ***warnings, GError **error);
/* The terminal leaderboard: a Markdown table (rank, id, composite with interval, accuracy,
 * near-miss, robustness, p50/p95 ms, errors, tie marks), newly allocated. */
char *report_leaderboard_markdown (const Results *results, ReportLang lang);

/* Parses "vi" or "en" (case-insensitive); FALSE with REPORT_ERROR_FORMAT
 * naming the value otherwise. */
gboolean report_lang_parse (const char *text, ReportLang *lang,
                            GError **error);

#endif
