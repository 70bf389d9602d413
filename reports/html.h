/* report.html: one self-contained page (inline CSS and SVG, no script, no
 * external asset; a Content-Security-Policy forbids both anyway), ready to
 * print: A4, landscape pages for wide tables, a page break between
 * sections, table heads repeated, nothing cut. Every question, answer, id
 * and name goes through escape_html. Records of hidden sets never reach
 * the detail section. */
#ifndef HTML_H
#define HTML_H

#include "reports/rundata.h"

/* plots: name ("forest", "nearmiss", "categories", "latency", "capacity")
 * → inline SVG (borrowed), or NULL when gnuplot was missing. Returns the
 * document, newly allocated. */
char *html_report (const RunData *rd, GHashTable *plots, ReportLang lang);

/* The per-submission detail (worst answers with question, shortened
 * answer and why) and the methodology sections (html_detail.c). */
void html_detail (GString *o, const RunData *rd, ReportLang lang);
void html_methodology (GString *o, const RunData *rd, ReportLang lang);

#endif
