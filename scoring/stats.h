/* Statistics for ranking: percentiles, the seeded bootstrap, paired tests.
 * Pure functions: memory in, numbers out; no I/O, no clock. Randomness only
 * through a StatsRng made from the contest seed, so the same seed gives the
 * same numbers on every machine. Definitions and their justification:
 * scoring/METRICS.md. */
#ifndef STATS_H
#define STATS_H

#include <glib.h>

/* Sorts in place, ascending. */
void stats_sort_i64(gint64 *v, gsize n);
void stats_sort_double(double *v, gsize n);

/* Nearest-rank percentile of sorted values (borrowed): the smallest value
 * such that at least p % of the values are ≤ it; p in [0, 100], p = 0 gives
 * the minimum. Used for latency (integer microseconds): the result is always
 * an observed value. Returns 0 when n == 0. */
gint64 stats_percentile_nearest(const gint64 *sorted, gsize n, double p);

/* Quantile of sorted values by linear interpolation between order
 * statistics (Hyndman & Fan type 7, R's default); q in [0, 1]. Used for
 * bootstrap intervals. Returns 0 when n == 0. */
double stats_quantile_linear(const double *sorted, gsize n, double q);

/* Percentile interval at level (e.g. 0.95) of a bootstrap distribution:
 * values is sorted in place, *lo and *hi get the (1−level)/2 and (1+level)/2
 * quantiles (type 7). n == 0 gives 0, 0. */
void stats_percentile_interval(double *values, gsize n, double level,
                               double *lo, double *hi);

/* The bootstrap's generator: xoshiro256** (Blackman & Vigna, "Scrambled
 * linear pseudorandom number generators", 2021), its state filled from the
 * seed by splitmix64. A plain struct on the stack, no allocation. It replaced
 * GRand (Mersenne Twister), whose g_rand_int_range cost more than the
 * resampling it fed: a contest draws hundreds of millions of indices. */
typedef struct {
  guint64 s[4];
} StatsRng;

/* Seeds rng with all 64 bits of seed. */
void stats_rng_init(StatsRng *rng, guint64 seed);
/* The next 64 random bits. */
guint64 stats_rng_next(StatsRng *rng);
/* Uniform in [0, n), without modulo bias (Lemire 2019); n ≥ 1. */
guint32 stats_rng_below(StatsRng *rng, guint32 n);
/* count draws uniform in [0, n) into out, n ≥ 1, for the bootstrap's
 * hundreds of millions of draws: each 64-bit output gives two 32-bit
 * candidates (high half first), each taken by Lemire's method like
 * stats_rng_below; a low half left over at the end is dropped. Callers that
 * must draw the same indices use the same chunks (STATS_DRAW_CHUNK). */
void stats_rng_fill_below(StatsRng *rng, guint32 n, guint32 *out,
                          gsize count);
#define STATS_DRAW_CHUNK 1024

/* splitmix64 (Steele, Lea & Flood 2014): advances *state, returns 64 bits.
 * Exposed so that a test can check it against the published sequence. */
guint64 stats_splitmix64(guint64 *state);

/* One bootstrap resample of n units: draws n indices uniformly with
 * replacement (stats_rng_fill_below in chunks of STATS_DRAW_CHUNK) and
 * writes into counts[0..n) how often each was drawn (so a caller sums
 * count × value, skipping zeros). counts is caller-owned. */
void stats_resample_counts(StatsRng *rng, guint n, guint *counts);

/* Percentile bootstrap interval of the ratio Σnum / Σden over n units
 * (borrowed arrays), resampling units; a mean is the ratio with den = 1.
 * A resample whose Σden is 0 is skipped. Returns FALSE (and leaves *lo and *hi
 * untouched) when n == 0, resamples == 0 or every resample was skipped. */
gboolean stats_bootstrap_ratio_ci(const double *num, const double *den, gsize n,
                                  guint resamples, guint64 seed, double level,
                                  double *lo, double *hi);

/* Two-sided p-value of "difference = 0" from a paired bootstrap
 * distribution of differences (borrowed, one per resample):
 *   p = min(1, 2 · (1 + min(#{d ≤ 0}, #{d ≥ 0})) / (n + 1)).
 * The +1 keeps p > 0 with finitely many resamples; zeros count on both
 * sides, so identical submissions get p = 1. n == 0 gives 1. */
double stats_bootstrap_p(const double *diffs, gsize n);

/* McNemar's test on paired 0/1 outcomes; b = pairs where only the first is
 * right, c = pairs where only the second is right. Each returns the
 * two-sided p-value in [0, 1]; b + c == 0 gives 1.
 *  _exact: exact conditional binomial test, 2 · P(X ≤ min(b, c)),
 *          X ~ Bin(b + c, 1/2) (conservative);
 *  _midp:  mid-p variant, the exact p minus P(X = min(b, c)) (Fagerland
 *          et al. 2013; size close to nominal) — the one vabench ranks with;
 *  _chi2cc: χ² with continuity correction (|b − c| − 1)² / (b + c), 1 df. */
double stats_mcnemar_exact(guint b, guint c);
double stats_mcnemar_midp(guint b, guint c);
double stats_mcnemar_chi2cc(guint b, guint c);

/* Wilson score interval for k successes out of n at normal quantile z
 * (1.959964 for 95 %). n == 0 gives [0, 1]. */
void stats_wilson(guint k, guint n, double z, double *lo, double *hi);

#endif
