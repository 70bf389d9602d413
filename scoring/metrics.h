/* From score records to per-submission metrics, intervals and ranks.
 * Pure: memory in, memory out; seeded, so the same input gives the same
 * numbers byte for byte. Record formats: rundir/README.md. */
#ifndef METRICS_H
#define METRICS_H

#include "rundir/score_record.h"

typedef struct {
  double w_accuracy;     /* weight of clean-question accuracy */
  double w_nearmiss;     /* weight of near-miss accuracy */
  double w_latency;      /* weight of the share of answers within the SLA */
  double w_availability; /* weight of the share of requests without error */
  guint sla_ms;          /* latency SLA per answer, milliseconds */
  guint64 seed;          /* bootstrap seed */
  guint resamples;       /* bootstrap resamples, ≥ 1000 for a contest */
  /* A contest that repeats its questions (rundir/variant.h): accuracy,
   * the composite and the ties count an item right only when it was right
   * in every round (pass^k) instead of every round's answer. */
  gboolean rank_pass_k;
} MetricsConfig;

/* Score records are fed one at a time so that no record outlives its line
 * (the scorer streams 200,000 of them): new, add every record, compute
 * once, free. submissions: RunSubmission (rundir/run_manifest.h), in
 * contest order, borrowed until free. Records are copied. */
typedef struct _MetricsInput MetricsInput;
MetricsInput *metrics_input_new (const GArray *submissions);
void metrics_input_add (MetricsInput *in, const ScoreRecord *rec);
/* Returns the ranked per-submission objects (a new array) and the tie
 * groups in *ties (a new array). */
cJSON *metrics_input_compute (MetricsInput *in, const MetricsConfig *cfg,
                              cJSON **ties);
void metrics_input_free (MetricsInput *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MetricsInput, metrics_input_free)

#endif
