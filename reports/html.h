/* report.html: one self-contained page (inline CSS and SVG, no script, no
 * external asset; a Content-Security-Policy forbids both anyway). Every
 * question, answer, id and name goes through escape_html. Records of hidden
 * sets never reach this writer's detail section. */
#ifndef HTML_H
#define HTML_H

#include "reports/rundata.h"

/* plots: name ("leaderboard", "latency_cdf", "nearmiss", "heatmap",
 * "capacity") → inline SVG (borrowed), or NULL when gnuplot was missing.
 * Returns the document, newly allocated. */
char *html_report (const RunData *rd, GHashTable *plots, ReportLang lang);

#endif
