/* The appeals section of the reports: the ranking before and after the
 * reviewers' decisions, and each decision with its reviewer and reason
 * (results.json "appeals", written by scoring/review.h). Nothing is
 * written when no decision was recorded. A decision on an item of a
 * hidden set names neither the item nor the reason (which may quote its
 * key): the province's private report (reports/private.h) shows it whole. */
#ifndef APPEALS_H
#define APPEALS_H

#include "reports/report.h"

/* Appends the HTML section (its own <section>). */
void appeals_html (GString *o, const Results *r, ReportLang lang);

/* Appends the Markdown section ("## …" heading). */
void appeals_markdown (GString *o, const Results *r, ReportLang lang);

/* Vietnamese or English verdict ("đúng" / "correct") and a decision's
 * status ("đã áp dụng"): static. */
const char *appeals_verdict_word (const char *verdict, ReportLang lang);
const char *appeals_status_word (const char *status, ReportLang lang);

/* TRUE when the set is listed hidden in results.json's contest. */
gboolean appeals_set_hidden (const Results *r, const char *set);

#endif
