/* What a score record says to a reader: the question and answer of its
 * turns, answers shortened for a report, and why it was judged as it was
 * — every fact that is not matched named with its claim and the judge's
 * rule worded in the report's language (scoring/reasons.h), forbidden
 * content, an answer about another procedure, a failed request. Pure. */
#ifndef EXPLAIN_H
#define EXPLAIN_H

#include "reports/report.h"

/* Longest answer a report prints in full (characters): past it the
 * answer is cut and says where the whole text is. */
#define EXPLAIN_ANSWER_MAX 1500

/* The turns' questions, or answers, joined by newlines. Newly allocated. */
char *explain_question (const ScoreRecord *rec);
char *explain_answer (const ScoreRecord *rec);

/* text cut after at most max characters (at a space when one is near),
 * followed by a note in lang giving the full length and saying that the
 * whole text is in the run's scores.jsonl; a copy when it is not longer.
 * NULL gives "". Newly allocated. */
char *explain_shorten (const char *text, gsize max, ReportLang lang);

/* One fact of a judgement on one line: its type, status and the rule
 * worded with its claim ("Phí, lệ phí: mâu thuẫn — nêu «150.000 đồng»
 * cho lệ phí, trong khi đáp án là 15.000 đồng"), then, for a fact not
 * matched, the other claims the judge read for it and what it made of
 * each. Appended to out. */
void explain_fact (GString *out, const cJSON *fact, ReportLang lang);

/* A forbid hit ("Nội dung sai: «…» — reason"). Appended to out. */
void explain_forbid (GString *out, const cJSON *hit, ReportLang lang);

/* Why the record is not correct, one line per reason: the failed
 * request; else per turn (prefixed "[lượt N]" when there are several) the
 * facts not matched, forbidden content and an answer about another
 * procedure. Never empty for a wrong record: when the judgement names no
 * reason, the line says so with the score. "" for a correct record with
 * nothing to note. Newly allocated. */
char *explain_record (const ScoreRecord *rec, ReportLang lang);

#endif
