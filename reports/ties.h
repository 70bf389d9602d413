/* Tie groups as a reader sees them: shared ranks ("1–3") for submissions
 * the statistics cannot order, and, for each adjacent pair, the test that
 * decided — in words, with its p-value (scoring/METRICS.md, "The tie
 * rule"). Reads results.json's rank, tie_group, composite and vs_next;
 * pure. */
#ifndef TIES_H
#define TIES_H

#include "reports/report.h"

/* The ranks the submission at index (in results.submissions) shares with
 * its tie group: "1–3", or "4" alone. Newly allocated. */
char *ties_rank_label (const Results *r, guint index);

/* TRUE when the submission's tie group has two members or more; *group
 * gets its number. */
gboolean ties_in_group (const Results *r, guint index, int *group);

/* How the submission at index compares with the next-ranked one: which
 * test decided and why, in lang ("không phân biệt được với hue: kiểm định
 * bootstrap p = 0,41 ≥ 0,05"). NULL for the last or without vs_next.
 * Newly allocated. */
char *ties_decision (const Results *r, guint index, ReportLang lang);

#endif
