/* Human-readable views of one score record (format: harness/README.md):
 * what the citizen asked, what the assistant answered, and why the judge
 * marked facts missing or contradicted. Pure; never prints. */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include "reports/report.h"

/* TRUE when the record belongs to a hidden question set ("hidden": true):
 * its question, answer and explanation must not appear in any report. */
gboolean explain_is_hidden (const cJSON *rec);
/* Questions of every turn joined by newlines; newly allocated ("" if none). */
char *explain_question (const cJSON *rec);
/* Answers of every turn joined by newlines; newly allocated ("" if none). */
char *explain_answer (const cJSON *rec);
/* One line per fact not matched and per forbid hit, e.g.
 * "money: mâu thuẫn «50.000 đồng» — expected 15000"; "" when all matched;
 * the failure class for a request that failed. Newly allocated. */
char *explain_record (const cJSON *rec, ReportLang lang);

#endif
