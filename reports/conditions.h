/* The conditions each submission ran under (issue 15): its settings —
 * timeout, caps, rate, retries, order seed, as_of, official or not, what
 * its manifest overrode — and its state (ok, a pre-flight warning,
 * unavailable, paused) with the reason. One table in every report, so a
 * ranking never hides that two provinces were not fired alike. Reads
 * results.json's per-submission "settings" and "status" (rundir/results.h);
 * older results without them give no table. Never prints. */
#ifndef CONDITIONS_H
#define CONDITIONS_H

#include "reports/report.h"

/* Appends "## heading" and a Markdown table to o (nothing when no
 * submission carries settings). */
void conditions_markdown (GString *o, const Results *r, ReportLang lang);

/* The same as an HTML <section id="conditions">. */
void conditions_html (GString *o, const Results *r, ReportLang lang);

#endif
