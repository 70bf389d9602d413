/* Markdown for terminals and CI comments: the leaderboard table and a short
 * summary (report.md). Every text cell goes through escape_md, so names and
 * ids cannot inject HTML into a rendered comment. */
#ifndef MARKDOWN_H
#define MARKDOWN_H

#include "reports/rundata.h"

/* The leaderboard table for results.json; newly allocated. */
char *markdown_leaderboard (const Results *results, ReportLang lang);
/* report.md: leaderboard, ties, near-miss by kind, errors, methodology.
 * Hidden sets contribute aggregates only. Newly allocated. */
/* Per-kind near-miss drop and robustness per submission, a Markdown table
 * headed by one line; "" when no variant was fired. Newly allocated. */
char *markdown_nearmiss (const Results *results, ReportLang lang);

char *markdown_report (const RunData *rd, ReportLang lang);

#endif
