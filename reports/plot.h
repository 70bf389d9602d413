/* Plots through a pipe to gnuplot (STYLE.md habit 16): the script and its
 * inline data go to gnuplot's stdin, the SVG comes back on stdout, no temp
 * file. Script builders are pure and return NULL when there is nothing to
 * draw (no submission, no near-miss kind, no "load" section). */
#ifndef PLOT_H
#define PLOT_H

#include "reports/report.h"

#define PLOT_ERROR (plot_error_quark ())
GQuark plot_error_quark (void);
typedef enum {
  PLOT_ERROR_SPAWN,  /* gnuplot could not be started */
  PLOT_ERROR_FAILED, /* gnuplot exited non-zero or wrote no SVG */
} PlotError;

/* Runs gnuplot (path from g_find_program_in_path) on script; returns the
 * SVG document, newly allocated. FALSE/NULL + PLOT_ERROR whose message
 * holds gnuplot's stderr. */
char *plot_render (const char *gnuplot, const char *script, GError **error);

/* The SVG ready to inline in HTML: XML prolog and DOCTYPE removed and every
 * id prefixed with prefix so several plots can share one page. Newly
 * allocated. */
char *plot_inline (const char *svg, const char *prefix);

/* Scripts (newly allocated or NULL) for results.json. */
char *plot_script_leaderboard (const Results *results, ReportLang lang);
char *plot_script_latency_cdf (const Results *results, ReportLang lang);
char *plot_script_nearmiss (const Results *results, ReportLang lang);
char *plot_script_heatmap (const Results *results, ReportLang lang);
char *plot_script_capacity (const Results *results, ReportLang lang);

#endif
