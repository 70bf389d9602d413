/* The question sets of a re-score (scoring/scorer.c's helper): loaded as
 * they are now, and described in results.json with their hashes now and at
 * firing, so that diff and gate can tell when a key changed (issue 15). */
#ifndef VABENCH_SCORING_SCORER_SETS_H
#define VABENCH_SCORING_SCORER_SETS_H

#include "rundir/run_manifest.h"

#include <cjson/cJSON.h>
#include <glib.h>

/* The manifest's sets loaded and hashed (a new array of Testset*), or
 * NULL and error from the first that does not load. */
GPtrArray *scorer_sets_load (const RunManifest *m, GError **error);

/* contest.testsets of results.json (a new array). */
cJSON *scorer_sets_used (const RunManifest *m, const GPtrArray *sets);

#endif
