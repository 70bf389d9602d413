/* Tests for scoring/stats.c against hand-computed values. */
#include "scoring/stats.h"

#include <math.h>

static void
test_percentile_nearest(void)
{
  gint64 v[100];
  for (int i = 0; i < 100; i++)
    v[i] = i + 1;
  static const struct {
    double p;
    gint64 want;
  } cases[] = {
    { 0, 1 },   { 1, 1 },   { 50, 50 },    { 50.5, 51 },
    { 95, 95 }, { 99, 99 }, { 99.9, 100 }, { 100, 100 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
    g_assert_cmpint(stats_percentile_nearest(v, 100, cases[i].p), ==,
                    cases[i].want);
  /* Binary noise must not push 99.9 % of 1000 to the next rank. */
  g_autofree gint64 *w = g_new(gint64, 1000);
  for (int i = 0; i < 1000; i++)
    w[i] = i + 1;
  g_assert_cmpint(stats_percentile_nearest(w, 1000, 99.9), ==, 999);
  g_assert_cmpint(stats_percentile_nearest(w, 1000, 99.7), ==, 997);
  g_assert_cmpint(stats_percentile_nearest(w, 0, 50), ==, 0);
  gint64 one = 15201;
  g_assert_cmpint(stats_percentile_nearest(&one, 1, 99), ==, 15201);
}

static void
test_sort(void)
{
  gint64 v[] = { 30000, 12, 15201, 12, -1 };
  stats_sort_i64(v, G_N_ELEMENTS(v));
  g_assert_cmpint(v[0], ==, -1);
  g_assert_cmpint(v[1], ==, 12);
  g_assert_cmpint(v[4], ==, 30000);
  double d[] = { 0.5, -0.25, 0.75, 0 };
  stats_sort_double(d, G_N_ELEMENTS(d));
  g_assert_cmpfloat(d[0], ==, -0.25);
  g_assert_cmpfloat(d[3], ==, 0.75);
}

static void
test_quantile_linear(void)
{
  double v[100];
  for (int i = 0; i < 100; i++)
    v[i] = i + 1;
  /* Type 7: h = (n − 1) q; 99 · 0.5 = 49.5 → 50.5; 99 · 0.025 = 2.475. */
  g_assert_cmpfloat_with_epsilon(stats_quantile_linear(v, 100, 0.5), 50.5,
                                 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_quantile_linear(v, 100, 0.025), 3.475,
                                 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_quantile_linear(v, 100, 0.975), 97.525,
                                 1e-12);
  g_assert_cmpfloat(stats_quantile_linear(v, 100, 0), ==, 1);
  g_assert_cmpfloat(stats_quantile_linear(v, 100, 1), ==, 100);
  double lo, hi;
  double u[] = { 100, 1, 50, 2, 99 };
  stats_percentile_interval(u, 5, 0.5, &lo, &hi);
  g_assert_cmpfloat_with_epsilon(lo, 2, 1e-12); /* sorted: 1 2 50 99 100 */
  g_assert_cmpfloat_with_epsilon(hi, 99, 1e-12);
}

static void
test_mcnemar(void)
{
  /* b = 10, c = 2: n = 12, P(X ≤ 2) = (1 + 12 + 66) / 4096 = 79/4096,
   * P(X = 2) = 66/4096; χ² = (8 − 1)² / 12 = 49/12. */
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_exact(10, 2), 158.0 / 4096,
                                 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_midp(10, 2), 92.0 / 4096, 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_chi2cc(10, 2),
                                 erfc(sqrt(49.0 / 12 / 2)), 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_chi2cc(10, 2), 0.0433081428,
                                 1e-9);
  /* Symmetric in b and c. */
  g_assert_cmpfloat(stats_mcnemar_midp(2, 10), ==, stats_mcnemar_midp(10, 2));
  /* b = 20, c = 10 (values from the binomial sums). */
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_exact(20, 10),
                                 0.09873714670538902, 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_midp(20, 10),
                                 0.07075554598122835, 1e-12);
  /* No discordant pair, or balanced ones: no evidence at all. */
  g_assert_cmpfloat(stats_mcnemar_exact(0, 0), ==, 1);
  g_assert_cmpfloat(stats_mcnemar_midp(0, 0), ==, 1);
  g_assert_cmpfloat(stats_mcnemar_chi2cc(0, 0), ==, 1);
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_exact(5, 5), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_midp(5, 5), 1, 1e-12);
  /* Large n stays finite and tiny: 600 vs 0. */
  double p = stats_mcnemar_midp(600, 0);
  g_assert_true(p >= 0 && p < 1e-100);
  /* b = 1, c = 0: exact 2 · 1/2 = 1, mid-p 1 − 1/2 = 0.5. */
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_exact(1, 0), 1, 1e-12);
  g_assert_cmpfloat_with_epsilon(stats_mcnemar_midp(1, 0), 0.5, 1e-12);
}

static void
test_wilson(void)
{
  double lo, hi;
  stats_wilson(0, 10, 1.959963984540054, &lo, &hi);
  g_assert_cmpfloat_with_epsilon(lo, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon(hi, 0.2775327998628892, 1e-12);
  stats_wilson(8, 10, 1.959963984540054, &lo, &hi);
  g_assert_cmpfloat_with_epsilon(lo, 0.49016247153664183, 1e-12);
  g_assert_cmpfloat_with_epsilon(hi, 0.9433178485456247, 1e-12);
  stats_wilson(0, 0, 1.96, &lo, &hi);
  g_assert_cmpfloat(lo, ==, 0);
  g_assert_cmpfloat(hi, ==, 1);
}

static void
test_bootstrap_p(void)
{
  double zeros[999] = { 0 };
  g_assert_cmpfloat(stats_bootstrap_p(zeros, 999), ==, 1);
  double pos[999];
  for (int i = 0; i < 999; i++)
    pos[i] = 0.1 + i * 1e-4;
  /* Every difference > 0: p = 2 · (1 + 0) / 1000. */
  g_assert_cmpfloat_with_epsilon(stats_bootstrap_p(pos, 999), 0.002, 1e-15);
  /* 24 of 999 ≤ 0: p = 2 · 25 / 1000 = 0.05 (not < 0.05). */
  for (int i = 0; i < 24; i++)
    pos[i] = -0.01;
  g_assert_cmpfloat_with_epsilon(stats_bootstrap_p(pos, 999), 0.05, 1e-15);
  g_assert_cmpfloat(stats_bootstrap_p(NULL, 0), ==, 1);
}

/* splitmix64 from 1234567: the sequence published with the reference code
 * (Vigna, prng.di.unimi.it) and in Java's SplittableRandom tests. */
static void
test_splitmix64_known(void)
{
  static const guint64 want[] = { 6457827717110365317ull,
                                  3203168211198807973ull,
                                  9817491932198370423ull,
                                  4593380528125082431ull,
                                  16408922859458223821ull };
  guint64 state = 1234567;
  for (gsize i = 0; i < G_N_ELEMENTS(want); i++)
    g_assert_cmpuint(stats_splitmix64(&state), ==, want[i]);
}

/* xoshiro256** from the state {1, 2, 3, 4}: the first outputs of the
 * reference implementation (also the rand_xoshiro crate's test vector). */
static void
test_xoshiro_known(void)
{
  static const guint64 want[] = { 11520ull, 0ull, 1509978240ull,
                                  1215971899390074240ull,
                                  1216172134540287360ull,
                                  607988272756665600ull,
                                  16172922978634559625ull,
                                  8476171486693032832ull,
                                  10595114339597558777ull,
                                  2904607092377533576ull };
  StatsRng rng = { { 1, 2, 3, 4 } };
  for (gsize i = 0; i < G_N_ELEMENTS(want); i++)
    g_assert_cmpuint(stats_rng_next(&rng), ==, want[i]);
}

/* Draws stay in range and every value of a small range comes up about
 * equally often (6,000 draws of 6 values: each within ±20 % of 1,000). */
static void
test_rng_below(void)
{
  StatsRng rng;
  stats_rng_init(&rng, 7);
  guint seen[6] = { 0 };
  for (int i = 0; i < 6000; i++) {
    guint32 v = stats_rng_below(&rng, 6);
    g_assert_cmpuint(v, <, 6);
    seen[v]++;
  }
  for (int v = 0; v < 6; v++) {
    g_assert_cmpuint(seen[v], >, 800);
    g_assert_cmpuint(seen[v], <, 1200);
  }
  for (int i = 0; i < 100; i++)
    g_assert_cmpuint(stats_rng_below(&rng, 1), ==, 0);
  /* Near 2^32 the rejection path runs; still in range. */
  for (int i = 0; i < 1000; i++)
    g_assert_cmpuint(stats_rng_below(&rng, 0xc0000001u), <, 0xc0000001u);
}

/* The bulk draws (two per 64-bit output): the same checks, an odd count,
 * and the same seed giving the same draws. */
static void
test_rng_fill_below(void)
{
  StatsRng a, b;
  stats_rng_init(&a, 11);
  stats_rng_init(&b, 11);
  guint32 da[6001], db[6001];
  stats_rng_fill_below(&a, 6, da, G_N_ELEMENTS(da));
  stats_rng_fill_below(&b, 6, db, G_N_ELEMENTS(db));
  guint seen[6] = { 0 };
  for (gsize i = 0; i < G_N_ELEMENTS(da); i++) {
    g_assert_cmpuint(da[i], <, 6);
    g_assert_cmpuint(da[i], ==, db[i]);
    seen[da[i]]++;
  }
  for (int v = 0; v < 6; v++) {
    g_assert_cmpuint(seen[v], >, 800);
    g_assert_cmpuint(seen[v], <, 1200);
  }
  stats_rng_fill_below(&a, 0xc0000001u, da, 1000);
  for (int i = 0; i < 1000; i++)
    g_assert_cmpuint(da[i], <, 0xc0000001u);
}

/* The draws as the plain definition gives them: 32-bit candidates from
 * the halves of each output, high first, each multiplied by n; a
 * candidate whose low word is below 2^32 mod n is redrawn; the half left
 * over at the end of a call is dropped. The two-at-a-time loop must give
 * exactly this sequence, rejections included (the bootstrap's intervals,
 * and so results.json, depend on it). */
static void
reference_fill_below(StatsRng *rng, guint32 n, guint32 *out, gsize count)
{
  guint64 word = 0;
  gboolean low_left = FALSE;
  guint32 reject = (guint32)(-n) % n;
  for (gsize i = 0; i < count; i++) {
    guint64 m;
    do {
      guint32 cand;
      if (low_left) {
        cand = (guint32)word;
        low_left = FALSE;
      } else {
        word = stats_rng_next(rng);
        cand = (guint32)(word >> 32);
        low_left = TRUE;
      }
      m = (guint64)cand * n;
    } while ((guint32)m < reject);
    out[i] = (guint32)(m >> 32);
  }
}

static void
test_rng_fill_below_matches_definition(void)
{
  /* Small n (rejection all but never) and n near 2^32 (up to a third of
   * the candidates redrawn), over thousands of calls of odd and even
   * sizes back to back on one generator: every call starts afresh, and a
   * redraw may fall on either half. */
  const guint32 ns[] = { 2, 6, 1000, 200000, 0x80000001u, 0xc0000001u,
                         0xfffffffbu };
  const gsize counts[] = { 1, 2, 3, 4, 7, 64, 1025 };
  guint32 got[1025], want[1025];
  for (gsize a = 0; a < G_N_ELEMENTS(ns); a++) {
    StatsRng x, y;
    stats_rng_init(&x, 20261122 + a);
    stats_rng_init(&y, 20261122 + a);
    for (gsize call = 0; call < 3000; call++) {
      gsize count = counts[call % G_N_ELEMENTS(counts)];
      stats_rng_fill_below(&x, ns[a], got, count);
      reference_fill_below(&y, ns[a], want, count);
      for (gsize i = 0; i < count; i++)
        if (got[i] != want[i])
          g_error("n=%u call %zu: draw %zu is %u, the definition gives %u",
                  ns[a], call, i, got[i], want[i]);
    }
  }
}

static void
test_resample_counts(void)
{
  StatsRng a, b, other;
  stats_rng_init(&a, 20251122);
  stats_rng_init(&b, 20251122);
  stats_rng_init(&other, 20251122ull | (1ull << 40));
  guint ca[50], cb[50], co[50];
  gboolean differs = FALSE;
  for (int r = 0; r < 20; r++) {
    stats_resample_counts(&a, 50, ca);
    stats_resample_counts(&b, 50, cb);
    stats_resample_counts(&other, 50, co);
    guint total = 0;
    for (int i = 0; i < 50; i++) {
      g_assert_cmpuint(ca[i], ==, cb[i]);
      total += ca[i];
      differs |= ca[i] != co[i];
    }
    g_assert_cmpuint(total, ==, 50);
  }
  /* The high 32 bits of the seed matter. */
  g_assert_true(differs);
}

static void
test_bootstrap_ratio_ci(void)
{
  /* 100 items, 70 correct: the interval brackets 0.7 and is about ±0.09
   * wide (binomial s.e. 0.046). */
  double num[100], den[100];
  for (int i = 0; i < 100; i++) {
    num[i] = i < 70;
    den[i] = 1;
  }
  double lo, hi, lo2, hi2;
  g_assert_true(
      stats_bootstrap_ratio_ci(num, den, 100, 2000, 7, 0.95, &lo, &hi));
  g_assert_cmpfloat(lo, <, 0.7);
  g_assert_cmpfloat(hi, >, 0.7);
  g_assert_cmpfloat(lo, >, 0.55);
  g_assert_cmpfloat(hi, <, 0.85);
  g_assert_true(
      stats_bootstrap_ratio_ci(num, den, 100, 2000, 7, 0.95, &lo2, &hi2));
  g_assert_cmpfloat(lo, ==, lo2);
  g_assert_cmpfloat(hi, ==, hi2);
  /* All correct: the interval collapses on 1. */
  for (int i = 0; i < 100; i++)
    num[i] = 1;
  g_assert_true(
      stats_bootstrap_ratio_ci(num, den, 100, 500, 7, 0.95, &lo, &hi));
  g_assert_cmpfloat(lo, ==, 1);
  g_assert_cmpfloat(hi, ==, 1);
  /* Nothing to resample, or never a denominator. */
  g_assert_false(stats_bootstrap_ratio_ci(num, den, 0, 500, 7, 0.95, &lo, &hi));
  double zero[3] = { 0, 0, 0 };
  g_assert_false(
      stats_bootstrap_ratio_ci(zero, zero, 3, 100, 7, 0.95, &lo, &hi));
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/stats/percentile-nearest", test_percentile_nearest);
  g_test_add_func("/stats/sort", test_sort);
  g_test_add_func("/stats/quantile-linear", test_quantile_linear);
  g_test_add_func("/stats/mcnemar", test_mcnemar);
  g_test_add_func("/stats/splitmix64-known", test_splitmix64_known);
  g_test_add_func("/stats/xoshiro-known", test_xoshiro_known);
  g_test_add_func("/stats/rng-below", test_rng_below);
  g_test_add_func("/stats/rng-fill-below", test_rng_fill_below);
  g_test_add_func("/stats/rng-fill-below-matches-definition",
                  test_rng_fill_below_matches_definition);
  g_test_add_func("/stats/wilson", test_wilson);
  g_test_add_func("/stats/bootstrap-p", test_bootstrap_p);
  g_test_add_func("/stats/resample-counts", test_resample_counts);
  g_test_add_func("/stats/bootstrap-ratio-ci", test_bootstrap_ratio_ci);
  return g_test_run();
}
