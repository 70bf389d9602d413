/* Plots through a pipe to gnuplot (STYLE.md habit 16): the script and its
 * inline data go to gnuplot's stdin, the SVG comes back on stdout, no temp
 * file. Every view holds every submission, one row each in rank order
 * with its label on the axis (no legend to decode, no colour that repeats
 * after eight); past PLOT_MAX_ROWS a plot shows the first rows and its
 * title says so. Values are percentages (0–100) like the tables. Script
 * builders are pure and return NULL when there is nothing to draw (no
 * submission, no near-miss kind, no category, no "load" section). */
#ifndef PLOT_H
#define PLOT_H

#include "reports/rundata.h"

#define PLOT_ERROR (plot_error_quark ())
GQuark plot_error_quark (void);
typedef enum {
  PLOT_ERROR_SPAWN,  /* gnuplot could not be started */
  PLOT_ERROR_FAILED, /* gnuplot exited non-zero or wrote no SVG */
} PlotError;

/* Rows a plot draws at most; a larger contest is summarized (the plot's
 * title names how many it shows) and the tables list everyone. */
#define PLOT_MAX_ROWS 200

/* Runs gnuplot (path from g_find_program_in_path) on script; returns the
 * SVG document, newly allocated. NULL + PLOT_ERROR whose message holds
 * gnuplot's stderr. */
char *plot_render (const char *gnuplot, const char *script, GError **error);

/* The SVG ready to inline in HTML: XML prolog, gnuplot's <title> and
 * <desc> removed and every id prefixed with prefix so several plots can
 * share one page. Newly allocated. */
char *plot_inline (const char *svg, const char *prefix);

/* Scripts (newly allocated or NULL). */
/* Ranked dot plot: composite with its 95% interval per submission, tie
 * groups shaded in turn, the shared rank on each label (forest plot). */
char *plot_script_forest (const RunData *rd, ReportLang lang);
/* Submission × near-miss kind heatmap: clean accuracy, then accuracy on
 * each kind's variants, the value in each cell. */
char *plot_script_nearmiss (const RunData *rd, ReportLang lang);
/* Submission × category heatmap of accuracy, categories by display name. */
char *plot_script_categories (const RunData *rd, ReportLang lang);
/* Percentile bars: p50, p95 and p99 per submission, the SLA as a line. */
char *plot_script_latency (const RunData *rd, ReportLang lang);
/* The capacity ramp of `vabench load`: p95 and requests/s by
 * concurrency. */
char *plot_script_capacity (const RunData *rd, ReportLang lang);

#endif
