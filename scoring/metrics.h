/* From score records to per-submission metrics, intervals and ranks.
 * Pure: memory in, memory out; seeded, so the same input gives the same
 * numbers byte for byte. Record formats: harness/README.md. */
#ifndef METRICS_H
#define METRICS_H

#include "util/vb_autocleanups.h"

typedef struct {
  double w_accuracy;     /* weight of clean-question accuracy */
  double w_nearmiss;     /* weight of near-miss accuracy */
  double w_latency;      /* weight of the share of answers within the SLA */
  double w_availability; /* weight of the share of requests without error */
  guint sla_ms;          /* latency SLA per answer, milliseconds */
  guint64 seed;          /* bootstrap seed */
  guint resamples;       /* bootstrap resamples, ≥ 1000 for a contest */
} MetricsConfig;

/* score_records: cJSON score records (borrowed), any order.
 * submissions: JSON array of {"id","name","province"} (borrowed), in
 * contest order. Returns a new object (free with cJSON_Delete):
 *   {"submissions": [ranked per-submission objects], "ties": [[id,...],...]}
 * with the fields documented in reports/README.md (results.json). */
cJSON *metrics_compute (const GPtrArray *score_records,
                        const cJSON *submissions, const MetricsConfig *cfg);

/* The same, fed one record at a time so a caller can free each record
 * once it is read (the scorer streams 200,000 of them): new, add every
 * record, compute once, free. The records are copied; submissions is
 * borrowed until free. */
typedef struct _MetricsInput MetricsInput;
MetricsInput *metrics_input_new (const cJSON *submissions);
void metrics_input_add (MetricsInput *in, const cJSON *score_record);

/* The members of a score record the metrics read, for a caller that has
 * them at hand (the scorer) instead of as JSON. Borrowed for the call.
 * Absent members as metrics_input_add reads them: NULL strings, FALSE,
 * 0, requests 1. */
typedef struct {
  const char *submission, *testset, *item, *variant, *variant_kind;
  const char *category, *error_class;
  gboolean correct, lenient_correct;
  double score, lenient_score;
  gint64 contradictions, requests, failed_requests;
  const double *latency_us; /* the answered turns'; negatives are skipped */
  guint n_latency;
} MetricsFields;
void metrics_input_add_fields (MetricsInput *in, const MetricsFields *f);
cJSON *metrics_input_compute (MetricsInput *in, const MetricsConfig *cfg);
void metrics_input_free (MetricsInput *in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MetricsInput, metrics_input_free)

#endif
