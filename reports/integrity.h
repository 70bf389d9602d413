/* The organizer's integrity sections (issue 15): how stable each
 * submission's verdicts are when the questions are repeated (pass^k,
 * pass@k, the share that flips: results.json submissions[].repeat),
 * pairs of submissions whose answers are near-identical (look-alike
 * backends: "lookalikes"), and canaries found in answers (a question set
 * leaked into training data: "canaries"). Each part is written only when
 * results.json has it. Items of hidden sets are never named, and a
 * hidden canary item's phrase never shown. */
#ifndef INTEGRITY_H
#define INTEGRITY_H

#include "reports/report.h"

/* Appends the HTML sections. */
void integrity_html (GString *o, const Results *r, ReportLang lang);

/* Appends the Markdown sections ("## …" headings). */
void integrity_markdown (GString *o, const Results *r, ReportLang lang);

#endif
