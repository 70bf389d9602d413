/* The report a province receives after a contest (`vabench report DIR
 * --submission ID --private`), hidden sets included: its own rank and
 * figures, its own answers with their judgements, the reviewers'
 * decisions on them — and nothing of anyone else: no other submission's
 * id, answer or figure, and no question or key of an item it was never
 * sent (a turn that failed before reaching it: not fired, DNS, connect,
 * TLS). Written to DIR/private/ID/: report.html and items.csv
 * (report.en.html and items.en.csv with --lang en). */
#ifndef PRIVATE_H
#define PRIVATE_H

#include "reports/report.h"

/* Writes the private report of submission id. *written (may be NULL)
 * receives the folder, newly allocated. FALSE + REPORT_ERROR_INPUT when
 * the run has no such submission, its id cannot be a folder's name, or a
 * run file is missing or malformed; REPORT_ERROR_IO when a file cannot
 * be written. */
gboolean private_report_write (const char *run_dir, const char *id,
                               ReportLang lang, char **written,
                               GError **error);

/* TRUE when a turn that failed this way never reached the assistant: its
 * question and key are not the province's to see. */
gboolean private_turn_unseen (FailureClass c);

#endif
