/* What a report says about the run itself rather than its figures: a
 * banner on top when the run is incomplete (a killed run must not read
 * as a final ranking), and in the methodology the digests that tie the
 * report to its log and scores (results.json "log" and "scores": what
 * `vabench verify` checks). Plain text; the writers escape it. Kept
 * apart from html.c and markdown.c so that both say the same. */
#ifndef RUNSTATE_H
#define RUNSTATE_H

#include "reports/report.h"
#include "rundir/results.h"

/* The banner, newly allocated, or NULL when the run is complete. */
char *runstate_banner (const Results *r, ReportLang lang);

/* The methodology's label for the digests (static). */
const char *runstate_digest_label (ReportLang lang);

/* "log.jsonl: 8120 records, last SHA-256 ab12…; scores.jsonl: 2706
 * records, SHA-256 cd34…", newly allocated, or NULL when results.json
 * holds no digest (an older vabench). */
char *runstate_digest (const Results *r, ReportLang lang);

#endif
