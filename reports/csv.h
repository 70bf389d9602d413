/* CSV (RFC 4180: CRLF line ends, quoted fields where needed) for
 * spreadsheets: results.csv has one row per submission, items.csv one row
 * per score record. Numbers always use '.' so the files parse the same in
 * every locale; an absent or null value is an empty field (a score
 * record's numbers are always present: rundir/score_record.h reads an
 * absent one as 0). */
#ifndef CSV_H
#define CSV_H

#include "reports/report.h"

/* results.csv for results.json; newly allocated. */
char *csv_results (const Results *results);
/* Appends the header line of items.csv. */
void csv_items_header (GString *out);
/* Appends one items.csv row for a score record (not of a hidden set). */
void csv_items_row (GString *out, const ScoreRecord *rec, ReportLang lang);

#endif
