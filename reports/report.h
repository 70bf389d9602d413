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

typedef struct {
  const char *formats;          /* comma list of html,md,csv,json,junit;
                                   NULL: all */
  ReportLang lang;
  const char *const *requires;  /* the gate's thresholds ("accuracy>=80%",
                                   reports/gate.h) for report.md's verdict
                                   and junit.xml's cases; NULL: none */
  gboolean junit_items;         /* junit.xml also gets a case per record */
} ReportOptions;

/* Reads the run's results and score records (rundir/) and writes each
 * requested format into RUN_DIR: report.html, report.md, results.csv +
 * items.csv, results.json (rewritten only if "json" is asked), junit.xml,
 * and plots/NAME.svg. English output goes to files of its own beside the
 * Vietnamese ones (report.en.html, report.en.md, items.en.csv,
 * junit.en.xml, plots/NAME.en.svg; results.csv and results.json hold no
 * words). A missing gnuplot gives a report without plots; the warning is
 * returned in *warnings (newly allocated strv or NULL) for the caller to
 * print. FALSE + error: REPORT_ERROR_IO when a file cannot be written,
 * _INPUT for a missing or malformed run file, _FORMAT for an unknown
 * format, and GATE_ERROR (reports/gate.h) for a malformed threshold. */
gboolean report_write (const char *run_dir, const ReportOptions *opts,
                       char ***warnings, GError **error);

/* The file name of a report in lang: "report.html" or "report.en.html".
 * Newly allocated. */
char *report_file_name (const char *name, ReportLang lang);

/* The terminal leaderboard: a Markdown table (shared rank, id, composite
 * with interval, accuracy, near-miss, robustness, p50/p95 ms, errors, tie
 * group), newly allocated. */
char *report_leaderboard_markdown (const Results *results, ReportLang lang);

/* Parses "vi" or "en" (case-insensitive); FALSE with REPORT_ERROR_FORMAT
 * naming the value otherwise. */
gboolean report_lang_parse (const char *text, ReportLang *lang,
                            GError **error);

#endif
