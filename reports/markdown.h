/* Markdown for terminals and CI comments: the leaderboard table and a
 * summary (report.md) that a reviewer can act on — the gate's verdict per
 * threshold and the worst answers with why they were judged wrong. Every
 * text cell goes through escape_md, so names and ids cannot inject HTML
 * into a rendered comment. */
#ifndef MARKDOWN_H
#define MARKDOWN_H

#include "reports/rundata.h"

/* Worst answers per submission in report.md (the HTML shows more). */
#define MARKDOWN_WORST_MAX 5
/* Characters of an answer or explanation in a report.md cell. */
#define MARKDOWN_CELL_MAX 300

/* The leaderboard table for results.json; newly allocated. */
char *markdown_leaderboard (const Results *results, ReportLang lang);

/* Accuracy by near-miss kind per submission, with the drop against the
 * question as written: a Markdown table headed by one line; "" when no
 * variant was fired. Newly allocated. */
char *markdown_nearmiss (const Results *results, ReportLang lang);

/* report.md: the gate's verdict (checks: GateCheck*, reports/gate.h; empty
 * when no threshold was given), leaderboard, ties with the deciding test,
 * near-miss by kind, errors, the worst answers of each submission (not of
 * hidden sets) with explanations, methodology. Newly allocated. */
char *markdown_report (const RunData *rd, const GPtrArray *checks,
                       ReportLang lang);

#endif
