/* Composite, paired bootstrap, ranks and tie groups; see rank.h and
 * scoring/METRICS.md. The bootstrap draws item multiplicities once per
 * resample and reuses them for every submission: that is what makes the
 * comparisons paired, and it keeps 34 submissions × 1000 items × 1000
 * resamples to a few hundred million integer additions. */
#include "scoring/rank.h"

#include "scoring/stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct _RankTable {
  guint n_subs, n_items, n_kinds, n_fields;
  gint32 *cells; /* [sub][item][field] */
};

/* Metrics per submission, in this order, then one robustness per kind. */
enum { M_ACC, M_NM, M_ROB, M_LAT, M_AV, M_COMP, M_FIXED };

#define RANK_LEVEL 0.95
#define RANK_ALPHA 0.05

RankTable *
rank_table_new(guint n_subs, guint n_items, guint n_kinds)
{
  RankTable *t = g_new0(RankTable, 1);
  t->n_subs = n_subs;
  t->n_items = n_items;
  t->n_kinds = n_kinds;
  t->n_fields = RANK_FIXED_FIELDS + n_kinds * RANK_K_FIELDS;
  t->cells = g_new0(gint32, (gsize)n_subs * n_items * t->n_fields);
  return t;
}

void
rank_table_free(RankTable *t)
{
  if (t == NULL)
    return;
  g_free(t->cells);
  g_free(t);
}

guint
rank_table_n_fields(const RankTable *t)
{
  return t->n_fields;
}

guint
rank_table_n_items(const RankTable *t)
{
  return t->n_items;
}

gint32 *
rank_table_cell(RankTable *t, guint sub, guint item)
{
  g_return_val_if_fail(sub < t->n_subs && item < t->n_items, NULL);
  return t->cells + ((gsize)sub * t->n_items + item) * t->n_fields;
}

const gint32 *
rank_table_cell_const(const RankTable *t, guint sub, guint item)
{
  g_return_val_if_fail(sub < t->n_subs && item < t->n_items, NULL);
  return t->cells + ((gsize)sub * t->n_items + item) * t->n_fields;
}

gint64
rank_table_sum(const RankTable *t, guint sub, guint field)
{
  gint64 sum = 0;
  for (guint i = 0; i < t->n_items; i++)
    sum += rank_table_cell_const(t, sub, i)[field];
  return sum;
}

gboolean
rank_separable(double gap, double p_composite, double p_mcnemar,
               double accuracy_share)
{
  if (!(gap > 0) || !(p_composite < RANK_ALPHA))
    return FALSE;
  return accuracy_share < 0.5 || p_mcnemar < RANK_ALPHA;
}

/* Σ over items of one submission's cells (the point estimate). */
static void
rank_sums(const RankTable *t, guint sub, gint64 *sums)
{
  memset(sums, 0, t->n_fields * sizeof *sums);
  for (guint i = 0; i < t->n_items; i++) {
    const gint32 *row = rank_table_cell_const(t, sub, i);
    for (guint f = 0; f < t->n_fields; f++)
      sums[f] += row[f];
  }
}

/* One submission's items grouped by equal cells. A resample's Σ count ×
 * cell then takes one addition per item (the class's total count) and one
 * multiply-add per class and field, instead of one per item and field:
 * contest data has few distinct cells (each item right or wrong, in clean
 * form and per variant), and the integer sums are exactly the same. */
typedef struct {
  guint n;             /* distinct cells */
  guint32 *of_item;    /* item → class */
  guint8 *of_item8;    /* the same in a byte when there are at most 256
                          classes (the usual case): a draw then reads a
                          quarter of the memory, which matters with 200,000
                          items and a random index per draw */
  const gint32 **cell; /* class → one cell of that class (borrowed) */
} RankClasses;

static int
rank_cell_cmp(const void *a, const void *b, void *table)
{
  const RankTable *t = table;
  const gint32 *x = t->cells + (gsize)*(const guint32 *)a * t->n_fields;
  const gint32 *y = t->cells + (gsize)*(const guint32 *)b * t->n_fields;
  return memcmp(x, y, t->n_fields * sizeof *x);
}

static void
rank_classes_init(RankClasses *c, const RankTable *t, guint sub)
{
  /* Cell indices of this submission, sorted by content. */
  g_autofree guint32 *ix = g_new(guint32, MAX(t->n_items, 1));
  for (guint i = 0; i < t->n_items; i++)
    ix[i] = (guint32)((gsize)sub * t->n_items + i);
  qsort_r(ix, t->n_items, sizeof *ix, rank_cell_cmp, (void *)t);
  c->n = 0;
  c->of_item = g_new(guint32, MAX(t->n_items, 1));
  c->cell = g_new(const gint32 *, MAX(t->n_items, 1));
  for (guint k = 0; k < t->n_items; k++) {
    if (k == 0 || rank_cell_cmp(&ix[k - 1], &ix[k], (void *)t) != 0)
      c->cell[c->n++] = t->cells + (gsize)ix[k] * t->n_fields;
    c->of_item[ix[k] - (gsize)sub * t->n_items] = c->n - 1;
  }
}

static void
rank_classes_narrow(RankClasses *c, guint n_items)
{
  c->of_item8 = NULL;
  if (c->n > 256)
    return;
  c->of_item8 = g_new(guint8, MAX(n_items, 1));
  for (guint i = 0; i < n_items; i++)
    c->of_item8[i] = (guint8)c->of_item[i];
}

static void
rank_classes_clear(RankClasses *c)
{
  g_free(c->of_item8);
  g_free(c->of_item);
  g_free(c->cell);
}

/* Σ over classes of per_class[k] × the class's cell: the resample's sums,
 * per_class[k] being how many drawn items fell in class k. */
static void
rank_class_sums(const RankTable *t, const RankClasses *c,
                const gint64 *per_class, gint64 *sums)
{
  memset(sums, 0, t->n_fields * sizeof *sums);
  for (guint k = 0; k < c->n; k++) {
    gint64 w = per_class[k];
    if (w == 0)
      continue;
    for (guint f = 0; f < t->n_fields; f++)
      sums[f] += w * c->cell[k][f];
  }
}

/* num/den; den 0 gives fallback (NAN in the point estimate). */
static double
rank_ratio(gint64 num, gint64 den, double fallback)
{
  return den > 0 ? (double)num / (double)den : fallback;
}

static double
rank_composite(const double *m, const MetricsConfig *cfg, gboolean nm_used)
{
  double wsum = cfg->w_accuracy + cfg->w_latency + cfg->w_availability;
  double sum = cfg->w_accuracy * m[M_ACC] + cfg->w_latency * m[M_LAT]
               + cfg->w_availability * m[M_AV];
  if (nm_used) {
    wsum += cfg->w_nearmiss;
    /* A submission that fired no variant while others did gets 0: the
     * same scale for everyone. */
    sum += cfg->w_nearmiss * (isnan(m[M_NM]) ? 0 : m[M_NM]);
  }
  return wsum > 0 ? sum / wsum : 0;
}

/* Metrics from sums. point NULL: this is the point estimate, undefined
 * ratios are NAN except accuracy, latency and availability, which count as
 * 0 (no answer earns nothing). Otherwise a resample: a ratio without
 * denominator falls back to the point estimate. */
static void
rank_metrics(const gint64 *s, guint n_kinds, const double *point,
             const MetricsConfig *cfg, gboolean nm_used, double *m)
{
#define FB(i, z) (point ? point[i] : (z))
  m[M_ACC] = rank_ratio(s[RANK_CLEAN_OK], s[RANK_CLEAN_N], FB(M_ACC, 0));
  m[M_NM] = rank_ratio(s[RANK_VAR_OK], s[RANK_VAR_N], FB(M_NM, NAN));
  m[M_ROB] = rank_ratio(s[RANK_ROB_NUM], s[RANK_ROB_DEN], FB(M_ROB, NAN));
  m[M_LAT] = rank_ratio(s[RANK_LAT_OK], s[RANK_LAT_N], FB(M_LAT, 0));
  m[M_AV] = s[RANK_REC_N] > 0
                ? 1 - rank_ratio(s[RANK_REC_ERR], s[RANK_REC_N], 0)
                : FB(M_AV, 0);
  for (guint k = 0; k < n_kinds; k++)
    m[M_FIXED + k] = rank_ratio(s[RANK_KIND_FIELD(k, RANK_K_ROB_NUM)],
                                s[RANK_KIND_FIELD(k, RANK_K_ROB_DEN)],
                                FB(M_FIXED + k, NAN));
#undef FB
  m[M_COMP] = rank_composite(m, cfg, nm_used);
}

static gboolean
rank_nearmiss_used(const RankTable *t)
{
  for (guint s = 0; s < t->n_subs; s++)
    if (rank_table_sum(t, s, RANK_VAR_N) > 0)
      return TRUE;
  return FALSE;
}

typedef struct {
  const RankTable *t;
  const MetricsConfig *cfg;
  gboolean nm_used;
  guint n_metrics, resamples;
  double *point; /* [sub][metric] */
  double *boot;  /* [sub][metric][resample] */
} RankWork;

static double *
rank_boot_row(const RankWork *w, guint sub, guint metric)
{
  return w->boot + ((gsize)sub * w->n_metrics + metric) * w->resamples;
}

static void
rank_point_estimates(RankWork *w)
{
  g_autofree gint64 *sums = g_new(gint64, w->t->n_fields);
  for (guint s = 0; s < w->t->n_subs; s++) {
    rank_sums(w->t, s, sums);
    rank_metrics(sums, w->t->n_kinds, NULL, w->cfg, w->nm_used,
                 w->point + (gsize)s * w->n_metrics);
  }
}

/* Per submission, how many of the resample's draws fell in each class:
 * each draw goes straight to its class (the same totals as counting draws
 * per item first, without a pass over every item per submission). */
static void
rank_draw(StatsRng *rng, const RankTable *t, const RankClasses *cls,
          gint64 *const *per_class)
{
  for (guint s = 0; s < t->n_subs; s++)
    memset(per_class[s], 0, cls[s].n * sizeof *per_class[s]);
  guint32 drawn[STATS_DRAW_CHUNK];
  for (guint d = 0; d < t->n_items; d += STATS_DRAW_CHUNK) {
    guint chunk = MIN(t->n_items - d, STATS_DRAW_CHUNK);
    stats_rng_fill_below(rng, t->n_items, drawn, chunk);
    for (guint s = 0; s < t->n_subs; s++) {
      gint64 *pc = per_class[s];
      const guint8 *small = cls[s].of_item8;
      const guint32 *of_item = cls[s].of_item;
      if (small != NULL)
        for (guint j = 0; j < chunk; j++)
          pc[small[drawn[j]]]++;
      else
        for (guint j = 0; j < chunk; j++)
          pc[of_item[drawn[j]]]++;
    }
  }
}

static void
rank_bootstrap(RankWork *w)
{
  const RankTable *t = w->t;
  if (w->resamples == 0)
    return;
  StatsRng rng;
  stats_rng_init(&rng, w->cfg->seed);
  g_autofree RankClasses *cls = g_new(RankClasses, MAX(t->n_subs, 1));
  g_autofree gint64 **per_class = g_new(gint64 *, MAX(t->n_subs, 1));
  for (guint s = 0; s < t->n_subs; s++) {
    rank_classes_init(&cls[s], t, s);
    rank_classes_narrow(&cls[s], t->n_items);
    per_class[s] = g_new(gint64, MAX(cls[s].n, 1));
  }
  g_autofree gint64 *sums = g_new(gint64, t->n_fields);
  g_autofree double *m = g_new(double, w->n_metrics);
  for (guint r = 0; r < w->resamples; r++) {
    /* One draw of items per resample, shared by every submission. */
    rank_draw(&rng, t, cls, per_class);
    for (guint s = 0; s < t->n_subs; s++) {
      rank_class_sums(t, &cls[s], per_class[s], sums);
      rank_metrics(sums, t->n_kinds, w->point + (gsize)s * w->n_metrics, w->cfg,
                   w->nm_used, m);
      for (guint k = 0; k < w->n_metrics; k++)
        rank_boot_row(w, s, k)[r] = m[k];
    }
  }
  for (guint s = 0; s < t->n_subs; s++) {
    rank_classes_clear(&cls[s]);
    g_free(per_class[s]);
  }
}

static RankEstimate
rank_estimate(const RankWork *w, guint sub, guint metric)
{
  RankEstimate e = { 0 };
  e.value = w->point[(gsize)sub * w->n_metrics + metric];
  e.defined = !isnan(e.value);
  if (!e.defined) {
    e.value = e.lo = e.hi = 0;
    return e;
  }
  e.lo = e.hi = e.value;
  if (w->resamples == 0)
    return e;
  g_autofree double *v
      = g_memdup2(rank_boot_row(w, sub, metric), w->resamples * sizeof(double));
  stats_percentile_interval(v, w->resamples, RANK_LEVEL, &e.lo, &e.hi);
  return e;
}

typedef struct {
  double composite;
  const char *id;
  guint index;
} RankKey;

static int
rank_key_cmp(const void *a, const void *b)
{
  const RankKey *x = a, *y = b;
  if (x->composite != y->composite)
    return x->composite > y->composite ? -1 : 1;
  int c = strcmp(x->id, y->id);
  if (c != 0)
    return c;
  return (x->index > y->index) - (x->index < y->index);
}

static void
rank_order(RankOutcome *o, const char *const *ids)
{
  g_autofree RankKey *keys = g_new(RankKey, MAX(o->n_subs, 1));
  for (guint s = 0; s < o->n_subs; s++)
    keys[s] = (RankKey){ o->results[s].composite.value, ids[s], s };
  qsort(keys, o->n_subs, sizeof *keys, rank_key_cmp);
  for (guint pos = 0; pos < o->n_subs; pos++) {
    o->order[pos] = keys[pos].index;
    o->results[keys[pos].index].rank = pos + 1;
  }
}

/* McNemar mid-p on the items both submissions have a clean record for; an
 * item is right when all its clean records are correct. */
static double
rank_mcnemar(const RankTable *t, guint a, guint b)
{
  guint only_a = 0, only_b = 0;
  for (guint i = 0; i < t->n_items; i++) {
    const gint32 *x = rank_table_cell_const(t, a, i);
    const gint32 *y = rank_table_cell_const(t, b, i);
    if (x[RANK_CLEAN_N] == 0 || y[RANK_CLEAN_N] == 0)
      continue;
    gboolean ra = x[RANK_CLEAN_OK] == x[RANK_CLEAN_N];
    gboolean rb = y[RANK_CLEAN_OK] == y[RANK_CLEAN_N];
    only_a += ra && !rb;
    only_b += rb && !ra;
  }
  return stats_mcnemar_midp(only_a, only_b);
}

static void
rank_compare_next(const RankWork *w, RankOutcome *o, guint pos)
{
  guint a = o->order[pos], b = o->order[pos + 1];
  RankResult *ra = &o->results[a];
  const RankResult *rb = &o->results[b];
  g_autofree double *diffs = g_new(double, MAX(w->resamples, 1));
  const double *ca = rank_boot_row(w, a, M_COMP);
  const double *cb = rank_boot_row(w, b, M_COMP);
  for (guint r = 0; r < w->resamples; r++)
    diffs[r] = ca[r] - cb[r];
  double gap = ra->composite.value - rb->composite.value;
  double wsum = w->cfg->w_accuracy + w->cfg->w_latency + w->cfg->w_availability
                + (w->nm_used ? w->cfg->w_nearmiss : 0);
  ra->next = (gint)b;
  ra->p_composite = stats_bootstrap_p(diffs, w->resamples);
  ra->p_mcnemar = rank_mcnemar(w->t, a, b);
  ra->accuracy_share = gap > 0 && wsum > 0
                           ? w->cfg->w_accuracy / wsum
                                 * (ra->accuracy.value - rb->accuracy.value)
                                 / gap
                           : 0;
  ra->separable
      = rank_separable(gap, ra->p_composite, ra->p_mcnemar, ra->accuracy_share);
}

static void
rank_fill_results(const RankWork *w, RankOutcome *o)
{
  for (guint s = 0; s < o->n_subs; s++) {
    RankResult *r = &o->results[s];
    r->accuracy = rank_estimate(w, s, M_ACC);
    r->nearmiss = rank_estimate(w, s, M_NM);
    r->robustness = rank_estimate(w, s, M_ROB);
    r->latency = rank_estimate(w, s, M_LAT);
    r->availability = rank_estimate(w, s, M_AV);
    r->composite = rank_estimate(w, s, M_COMP);
    r->by_kind = g_new0(RankEstimate, MAX(o->n_kinds, 1));
    for (guint k = 0; k < o->n_kinds; k++)
      r->by_kind[k] = rank_estimate(w, s, M_FIXED + k);
    r->next = -1;
    r->p_composite = 1;
    r->p_mcnemar = 1;
  }
}

RankOutcome *
rank_compute(const RankTable *t, const char *const *ids,
             const MetricsConfig *cfg)
{
  RankWork w = { .t = t, .cfg = cfg, .n_metrics = M_FIXED + t->n_kinds };
  w.nm_used = rank_nearmiss_used(t);
  /* Without items there is nothing to resample. */
  w.resamples = t->n_items > 0 && t->n_items <= G_MAXINT32 ? cfg->resamples : 0;
  g_autofree double *point
      = g_new0(double, (gsize)MAX(t->n_subs, 1) * w.n_metrics);
  g_autofree double *boot = g_new0(
      double, (gsize)MAX(t->n_subs, 1) * w.n_metrics * MAX(w.resamples, 1));
  w.point = point;
  w.boot = boot;
  rank_point_estimates(&w);
  rank_bootstrap(&w);

  RankOutcome *o = g_new0(RankOutcome, 1);
  o->n_subs = t->n_subs;
  o->n_kinds = t->n_kinds;
  o->nearmiss_used = w.nm_used;
  o->order = g_new0(guint, MAX(t->n_subs, 1));
  o->results = g_new0(RankResult, MAX(t->n_subs, 1));
  rank_fill_results(&w, o);
  rank_order(o, ids);
  guint group = 1;
  for (guint pos = 0; pos < o->n_subs; pos++) {
    if (pos > 0 && o->results[o->order[pos - 1]].separable)
      group++;
    o->results[o->order[pos]].tie_group = group;
    if (pos + 1 < o->n_subs)
      rank_compare_next(&w, o, pos);
  }
  return o;
}

void
rank_outcome_free(RankOutcome *o)
{
  if (o == NULL)
    return;
  for (guint s = 0; s < o->n_subs; s++)
    g_free(o->results[s].by_kind);
  g_free(o->results);
  g_free(o->order);
  g_free(o);
}
