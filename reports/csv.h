/* CSV (RFC 4180: CRLF line ends, quoted fields where needed; UTF-8 with a
 * byte order mark) for spreadsheets: results.csv has one row per
 * submission, items.csv one row per score record. Numbers always use '.'
 * so the files parse the same in every locale; an absent or null value is
 * an empty field (a score record's numbers are always present:
 * rundir/score_record.h reads an absent one as 0). */
#ifndef CSV_H
#define CSV_H

#include "reports/report.h"

/* UTF-8 byte order mark at the start of each file: without it Excel reads
 * a CSV in the system's code page and garbles every Vietnamese letter. */
#define CSV_BOM "\xEF\xBB\xBF"

/* An answer longer than this many characters is shortened in items.csv
 * (Excel holds at most 32,767 characters per cell); the whole text stays
 * in scores.jsonl. */
#define CSV_CELL_MAX 32000

/* results.csv for results.json; newly allocated. */
char *csv_results (const Results *results);
/* Appends the header line of items.csv. */
void csv_items_header (GString *out);
/* Appends one items.csv row for a score record (not of a hidden set);
 * its explanation says why a wrong answer is wrong, and is empty for a
 * correct one (whose judgement need not be read: rec may come from
 * score_record_line_texts). */
void csv_items_row (GString *out, const ScoreRecord *rec, ReportLang lang);

#endif
