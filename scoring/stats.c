/* Statistics for ranking; see stats.h for the contract and METRICS.md for
 * why each definition was chosen. */
#include "scoring/stats.h"

#include <math.h>
#include <stdlib.h>

static int
stats_cmp_i64(const void *a, const void *b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;
  return (x > y) - (x < y);
}

static int
stats_cmp_double(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

void
stats_sort_i64(gint64 *v, gsize n)
{
  if (n > 1)
    qsort(v, n, sizeof *v, stats_cmp_i64);
}

void
stats_sort_double(double *v, gsize n)
{
  if (n > 1)
    qsort(v, n, sizeof *v, stats_cmp_double);
}

gint64
stats_percentile_nearest(const gint64 *sorted, gsize n, double p)
{
  if (n == 0)
    return 0;
  /* The epsilon absorbs binary noise such as 99.9 · 1000 / 100 =
   * 999.0000000000001, which would otherwise jump one rank up. */
  double r = ceil(p * (double)n / 100.0 - 1e-9);
  if (r < 1)
    r = 1;
  if (r > (double)n)
    r = (double)n;
  return sorted[(gsize)r - 1];
}

double
stats_quantile_linear(const double *sorted, gsize n, double q)
{
  if (n == 0)
    return 0;
  if (q <= 0)
    return sorted[0];
  if (q >= 1)
    return sorted[n - 1];
  double h = (double)(n - 1) * q;
  gsize lo = (gsize)floor(h);
  if (lo + 1 >= n)
    return sorted[n - 1];
  return sorted[lo] + (h - (double)lo) * (sorted[lo + 1] - sorted[lo]);
}

void
stats_percentile_interval(double *values, gsize n, double level, double *lo,
                          double *hi)
{
  stats_sort_double(values, n);
  *lo = stats_quantile_linear(values, n, (1 - level) / 2);
  *hi = stats_quantile_linear(values, n, (1 + level) / 2);
}

guint64
stats_splitmix64(guint64 *state)
{
  guint64 z = (*state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

void
stats_rng_init(StatsRng *rng, guint64 seed)
{
  /* splitmix64 never yields four zero words in a row, the one state
   * xoshiro must not start from. */
  guint64 sm = seed;
  for (int i = 0; i < 4; i++)
    rng->s[i] = stats_splitmix64(&sm);
}

static inline guint64
stats_rotl(guint64 x, int k)
{
  return (x << k) | (x >> (64 - k));
}

/* xoshiro256** (Blackman and Vigna), inline for the bootstrap's loop. */
static inline guint64
stats_rng_step(StatsRng *rng)
{
  guint64 *s = rng->s;
  guint64 out = stats_rotl(s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = stats_rotl(s[3], 45);
  return out;
}

guint64
stats_rng_next(StatsRng *rng)
{
  return stats_rng_step(rng);
}

guint32
stats_rng_below(StatsRng *rng, guint32 n)
{
  /* The high 32 bits times n: the product's high word is the draw. Low
   * words below 2^32 mod n would be over-represented; they are redrawn. */
  guint64 m = (stats_rng_next(rng) >> 32) * (guint64)n;
  if ((guint32)m < n) {
    guint32 reject = (guint32)(-n) % n;
    while ((guint32)m < reject)
      m = (stats_rng_next(rng) >> 32) * (guint64)n;
  }
  return (guint32)(m >> 32);
}

/* 32-bit candidates from the halves of 64-bit outputs, high half first. */
typedef struct {
  StatsRng *rng;
  guint64 word;
  guint halves; /* halves of word not yet used: 2, 1 (the low) or 0 */
} StatsHalves;

static inline guint32
stats_next32(StatsHalves *h)
{
  if (h->halves == 0) {
    h->word = stats_rng_step(h->rng);
    h->halves = 2;
  }
  return (guint32)(--h->halves ? h->word >> 32 : h->word);
}

/* The draws from out[i] on, one candidate at a time, redrawing the
 * over-represented ones. */
static void
stats_fill_below_from(StatsHalves *h, guint32 n, guint32 *out, gsize i,
                      gsize count)
{
  for (; i < count; i++) {
    guint64 m = (guint64)stats_next32(h) * n;
    if ((guint32)m < n) {
      guint32 reject = (guint32)(-n) % n;
      while ((guint32)m < reject)
        m = (guint64)stats_next32(h) * n;
    }
    out[i] = (guint32)(m >> 32);
  }
}

void
stats_rng_fill_below(StatsRng *rng, guint32 n, guint32 *out, gsize count)
{
  /* Two draws per output word while neither half needs the rejection
   * test (a chance of n/2^32 each); the first that might goes on, from
   * that same word, through the general loop — so the sequence is the
   * one the general loop alone gives, a third of the instructions. */
  gsize i = 0;
  for (; i + 2 <= count; i += 2) {
    guint64 w = stats_rng_step(rng);
    guint64 hi = (w >> 32) * n, lo = (guint64)(guint32)w * n;
    if (G_UNLIKELY((guint32)hi < n || (guint32)lo < n)) {
      StatsHalves h = { rng, w, 2 };
      stats_fill_below_from(&h, n, out, i, count);
      return;
    }
    out[i] = (guint32)(hi >> 32);
    out[i + 1] = (guint32)(lo >> 32);
  }
  StatsHalves h = { rng, 0, 0 };
  stats_fill_below_from(&h, n, out, i, count);
}

void
stats_resample_counts(StatsRng *rng, guint n, guint *counts)
{
  guint32 drawn[STATS_DRAW_CHUNK];
  for (guint i = 0; i < n; i++)
    counts[i] = 0;
  for (guint d = 0; d < n; d += STATS_DRAW_CHUNK) {
    guint chunk = MIN(n - d, STATS_DRAW_CHUNK);
    stats_rng_fill_below(rng, n, drawn, chunk);
    for (guint j = 0; j < chunk; j++)
      counts[drawn[j]]++;
  }
}

gboolean
stats_bootstrap_ratio_ci(const double *num, const double *den, gsize n,
                         guint resamples, guint64 seed, double level,
                         double *lo, double *hi)
{
  if (n == 0 || resamples == 0 || n > G_MAXINT32)
    return FALSE;
  StatsRng rng;
  stats_rng_init(&rng, seed);
  g_autofree guint *counts = g_new(guint, n);
  g_autofree double *values = g_new(double, resamples);
  gsize kept = 0;
  for (guint r = 0; r < resamples; r++) {
    stats_resample_counts(&rng, (guint)n, counts);
    double sn = 0, sd = 0;
    for (gsize i = 0; i < n; i++)
      if (counts[i]) {
        sn += counts[i] * num[i];
        sd += counts[i] * den[i];
      }
    if (sd != 0)
      values[kept++] = sn / sd;
  }
  if (kept == 0)
    return FALSE;
  stats_percentile_interval(values, kept, level, lo, hi);
  return TRUE;
}

double
stats_bootstrap_p(const double *diffs, gsize n)
{
  if (n == 0)
    return 1;
  gsize le = 0, ge = 0;
  for (gsize i = 0; i < n; i++) {
    le += diffs[i] <= 0;
    ge += diffs[i] >= 0;
  }
  double p = 2.0 * (1.0 + (double)MIN(le, ge)) / ((double)n + 1.0);
  return MIN(p, 1.0);
}

/* log P(X = k), X ~ Bin(n, 1/2); lgamma keeps large n finite. */
static double
stats_log_binom_half(guint k, guint n)
{
  return lgamma(n + 1.0) - lgamma(k + 1.0) - lgamma(n - k + 1.0) - n * G_LN2;
}

/* P(X ≤ m), X ~ Bin(n, 1/2), and P(X = m) through *at. */
static double
stats_binom_half_cdf(guint m, guint n, double *at)
{
  double sum = 0;
  for (guint k = 0; k <= m; k++)
    sum += exp(stats_log_binom_half(k, n));
  *at = exp(stats_log_binom_half(m, n));
  return sum;
}

double
stats_mcnemar_exact(guint b, guint c)
{
  if (b + c == 0)
    return 1;
  double at;
  double p = 2 * stats_binom_half_cdf(MIN(b, c), b + c, &at);
  return MIN(p, 1.0);
}

double
stats_mcnemar_midp(guint b, guint c)
{
  if (b + c == 0)
    return 1;
  double at;
  double p = 2 * stats_binom_half_cdf(MIN(b, c), b + c, &at) - at;
  return CLAMP(p, 0.0, 1.0);
}

double
stats_mcnemar_chi2cc(guint b, guint c)
{
  if (b + c == 0)
    return 1;
  double d = fabs((double)b - (double)c) - 1;
  if (d < 0)
    d = 0;
  double x = d * d / (double)(b + c);
  /* Survival of χ² with 1 df: P(Z² > x) = erfc(√(x/2)). */
  return erfc(sqrt(x / 2));
}

void
stats_wilson(guint k, guint n, double z, double *lo, double *hi)
{
  if (n == 0) {
    *lo = 0;
    *hi = 1;
    return;
  }
  double p = (double)k / n, z2 = z * z, nn = n;
  double denom = 1 + z2 / nn;
  double centre = (p + z2 / (2 * nn)) / denom;
  double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / denom;
  *lo = MAX(0.0, centre - half);
  *hi = MIN(1.0, centre + half);
}
