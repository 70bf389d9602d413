/* Which question sets two runs were scored with, and what differs between
 * them (issue 15): `diff` and `gate --baseline` compare only runs scored
 * with the same sets, unless told --allow-different-sets, and then list
 * the items that changed. Reads results.json's contest.testsets (each
 * set's SHA-256 and item digests, scoring/scorer.c), else the run's
 * manifest for older results. Never prints. */
#ifndef PROVENANCE_H
#define PROVENANCE_H

#include "reports/report.h"

/* TRUE when every set of run a has the same SHA-256 in run b and no set
 * is in one only. Otherwise FALSE, with one line per differing set
 * appended to changes: both hashes (named label_a, label_b: "the
 * baseline", "this run"), then the items changed, added and removed by id
 * (a hidden set's only counted), or that an older results.json cannot say
 * which. */
gboolean provenance_same_sets (const char *dir_a, const Results *a,
                               const char *dir_b, const Results *b,
                               const char *label_a, const char *label_b,
                               GString *changes);

#endif
