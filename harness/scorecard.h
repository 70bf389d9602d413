/* From a run directory's log to its scores and results: judges every final
 * answer against the current question sets and computes the metrics. One
 * code path for `run` and `score`, so a re-score reproduces results.json
 * byte for byte from the same log and sets. No network. */
#ifndef SCORECARD_H
#define SCORECARD_H

#include "util/vb_autocleanups.h"

#define SCORECARD_ERROR (scorecard_error_quark ())
GQuark scorecard_error_quark (void);
typedef enum {
  SCORECARD_ERROR_INPUT, /* manifest.json or the log is unusable */
} ScorecardError;

/* Writes DIR/scores.jsonl and DIR/results.json. On success *results (if
 * not NULL) receives the results object (free with cJSON_Delete). */
gboolean scorecard_score_run (const char *dir, cJSON **results,
                              GError **error);

/* The same with the question sets already loaded (Testset*, borrowed), as
 * `run` has them: they were checked against the manifest's hashes. */
gboolean scorecard_score_run_with (const char *dir, const GPtrArray *sets,
                                   cJSON **results, GError **error);

/* Reads DIR/manifest.json (new object). */
cJSON *scorecard_read_manifest (const char *dir, GError **error);

/* Writes obj pretty-printed to path atomically (temp file + rename). */
gboolean scorecard_write_json (const char *path, const cJSON *obj,
                               GError **error);

#endif
