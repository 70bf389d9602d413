/* Comparing two runs of the same question sets item by item: per
 * submission, the items that flipped (correct → wrong, wrong → correct) and
 * the change of each headline metric. Never prints. */
#ifndef DIFF_H
#define DIFF_H

#include "reports/report.h"

#define DIFF_ERROR (diff_error_quark ())
GQuark diff_error_quark (void);
typedef enum {
  DIFF_ERROR_INPUT,    /* a run file is missing or malformed */
  DIFF_ERROR_TESTSETS, /* the runs used different question sets */
} DiffError;

/* Appends the comparison of run_a (before) and run_b (after) to out.
 * When the runs were scored with different question sets: FALSE +
 * DIFF_ERROR_TESTSETS naming each set, both hashes and the items that
 * changed (reports/provenance.h), unless allow_different, when the same
 * list heads the output. DIFF_ERROR_INPUT when a file is unreadable. */
gboolean diff_runs (const char *run_a, const char *run_b,
                    gboolean allow_different, GString *out, GError **error);

#endif
