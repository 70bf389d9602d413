/* Human-readable views of one score record (rundir/score_record.h):
 * what the citizen asked, what the assistant answered, and why the judge
 * marked facts missing or contradicted. Pure; never prints. */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include "reports/report.h"
#include "rundir/score_record.h"

/* Questions of every turn joined by newlines; newly allocated ("" if none). */
char *explain_question (const ScoreRecord *rec);
/* Answers of every turn joined by newlines; newly allocated ("" if none). */
char *explain_answer (const ScoreRecord *rec);
/* One line per fact not matched and per forbid hit, e.g.
 * "money: mâu thuẫn «50.000 đồng» — expected 15000"; "" when all matched;
 * the failure class for a request that failed. Newly allocated. */
char *explain_record (const ScoreRecord *rec, ReportLang lang);

#endif
