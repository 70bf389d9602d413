/* Composite score, paired bootstrap over items, ranks and tie groups.
 *
 * metrics.c reduces the score records to a RankTable: per submission and
 * per item (testset, item), integer counts (clean records, correct ones,
 * variants, answered turns, …). rank_compute resamples items — the SAME
 * item indices for every submission in a resample, so comparisons are
 * paired — and gives point estimates, 95 % percentile intervals, the order,
 * the comparison of each submission with the next-ranked one and tie
 * groups. Pure and seeded: same table + same config → same numbers.
 * Definitions: scoring/METRICS.md. */
#ifndef RANK_H
#define RANK_H

#include "scoring/metrics.h"

/* Fields of one RankTable cell (one submission × one item). */
enum {
  RANK_CLEAN_N,  /* clean records (the question as written) */
  RANK_CLEAN_OK, /* … of which correct */
  RANK_VAR_N,    /* near-miss variant records */
  RANK_VAR_OK,   /* … of which correct */
  RANK_ROB_DEN,  /* variant records of an item correct in clean form */
  RANK_ROB_NUM,  /* … of which correct */
  RANK_LAT_N,    /* answered turns (latency samples) */
  RANK_LAT_OK,   /* … within the SLA */
  RANK_REC_N,    /* records */
  RANK_REC_ERR,  /* … whose request failed */
  RANK_FIXED_FIELDS
};
/* Then four fields per near-miss kind k (kinds in the caller's order). */
enum {
  RANK_K_VAR_N,
  RANK_K_VAR_OK,
  RANK_K_ROB_DEN,
  RANK_K_ROB_NUM,
  RANK_K_FIELDS
};
#define RANK_KIND_FIELD(k, f) (RANK_FIXED_FIELDS + (k)*RANK_K_FIELDS + (f))

typedef struct _RankTable RankTable;

/* A zeroed table (free with rank_table_free; NULL is a no-op). */
RankTable *rank_table_new(guint n_subs, guint n_items, guint n_kinds);
void rank_table_free(RankTable *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RankTable, rank_table_free)

guint rank_table_n_fields(const RankTable *t);
guint rank_table_n_items(const RankTable *t);
/* The cell's counts (borrowed from t, rank_table_n_fields long). */
gint32 *rank_table_cell(RankTable *t, guint sub, guint item);
const gint32 *rank_table_cell_const(const RankTable *t, guint sub, guint item);
/* Σ over all items of one field of one submission. */
gint64 rank_table_sum(const RankTable *t, guint sub, guint field);

/* A point estimate and its 95 % percentile bootstrap interval. defined is
 * FALSE when the metric has no denominator (e.g. no variant fired). */
typedef struct {
  double value, lo, hi;
  gboolean defined;
} RankEstimate;

typedef struct {
  RankEstimate accuracy, nearmiss, robustness, latency, availability;
  RankEstimate composite;
  RankEstimate *by_kind; /* robustness per kind, n_kinds long */
  guint rank;            /* 1 = best */
  guint tie_group;       /* 1-based; tied submissions share it */
  gint next;             /* submission index ranked next, −1 for the last */
  double p_composite;    /* paired bootstrap p vs next (1 for the last) */
  double p_mcnemar;      /* McNemar mid-p on clean outcomes vs next */
  double accuracy_share; /* share of the composite gap due to accuracy */
  gboolean separable;    /* significantly better than next at 95 % */
} RankResult;

typedef struct {
  guint n_subs, n_kinds;
  gboolean nearmiss_used; /* some variant was fired: weight w_nearmiss used */
  guint *order;           /* order[pos] = submission index, best first */
  RankResult *results;    /* indexed by submission */
} RankOutcome;

/* ids: n_subs submission ids (borrowed; break exact composite ties, in
 * strcmp order). Returns a new outcome, free with rank_outcome_free. */
RankOutcome *rank_compute(const RankTable *t, const char *const *ids,
                          const MetricsConfig *cfg);
void rank_outcome_free(RankOutcome *o);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(RankOutcome, rank_outcome_free)

/* The tie rule: better is separable from worse iff the composite gap is
 * positive, the paired bootstrap p < 0.05, and — when accuracy accounts for
 * at least half of the gap (accuracy_share ≥ 0.5) — McNemar's p < 0.05. */
gboolean rank_separable(double gap, double p_composite, double p_mcnemar,
                        double accuracy_share);

#endif
