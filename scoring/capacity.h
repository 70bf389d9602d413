/* Capacity of one submission under a concurrency ramp (`vabench load`):
 * each step's figures from its own run log, judged by the scorer like a
 * contest (scoring/scorer.h, SCORER_EACH_ATTEMPT), and the largest
 * concurrency that kept the promise. Format of the step objects:
 * reports/README.md ("load"). */
#ifndef CAPACITY_H
#define CAPACITY_H

#include "util/vb_autocleanups.h"

/* The step fired at concurrency for elapsed_s seconds, whose attempts are
 * in step_dir's run log, judged against sets (Testset*, borrowed):
 * {"concurrency", "requests", "p50_ms", "p95_ms", "p99_ms", "error_rate",
 *  "accuracy", "rps"} over its final attempts (percentiles −1 when nothing
 * was answered). New object; NULL + error when the log cannot be read. */
cJSON *capacity_step (const char *step_dir, const GPtrArray *sets,
                      guint concurrency, double elapsed_s, GError **error);

/* The largest concurrency among steps (borrowed) whose p95 kept within
 * sla_ms and whose accuracy did not drop below the first step's by more
 * than 2 points or two standard errors of the difference, whichever is
 * larger (a step of a few dozen answers on other items than the first's
 * differs by chance); −1 when none did. */
int capacity_of (const cJSON *steps, double sla_ms);

#endif
