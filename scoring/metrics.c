/* From score records to per-submission metrics (metrics.h). The records are
 * reduced once to integer counts per submission × item (rank.h's RankTable)
 * for the bootstrap, and to per-submission tallies (latency samples, error
 * classes, categories) for everything that needs no interval. Definitions:
 * scoring/METRICS.md. */
#include "scoring/metrics.h"

#include "rundir/run_manifest.h"
#include "rundir/variant.h"
#include "scoring/rank.h"
#include "scoring/stats.h"

#include <math.h>
#include <string.h>

#define METRICS_CDF_POINTS 64

/* Rates are printed to 6 decimals (a millionth of an item is far below any
 * interval width) so results.json reads as 0.766667, not
 * 0.76666666666666672; ranking uses the unrounded values. */
static double
metrics_rate(double v)
{
  return round(v * 1e6) / 1e6;
}

/* Milliseconds to the microsecond the harness measured. */
static double
metrics_ms(double us)
{
  return round(us) / 1e3;
}

/* One score record, read once and copied: the scorer frees each record as
 * soon as it is written, so 200,000 records never sit in memory as JSON.
 * Strings live in the input's string chunk. */
typedef struct {
  guint sub, item;
  gint kind;             /* index into kinds, −1 for the clean question */
  const char *kind_name; /* variant kind, NULL when clean */
  const char *key;       /* "testset\x1fitem" */
  const char *category;
  const char *error_class; /* NULL when the request succeeded */
  gboolean correct, lenient_ok;
  double score;
  gint64 contradictions, requests, failed_requests;
  gint64 off_topic, unaccented; /* turns */
  guint lat_start, lat_n; /* the answered turns' µs in MetricsInput.latency */
} MetricsRecord;

/* Per-submission tallies that need no bootstrap. */
typedef struct {
  const char *id, *name, *province; /* borrowed */
  GArray *latency;                  /* gint64 µs of answered turns */
  guint clean, lenient_ok, answered, answered_contra, records, errors;
  guint off_topic;        /* answered records about another procedure */
  gint64 unaccented;      /* answered turns wholly without diacritics */
  double score_sum;
  gint64 contradictions, requests, failed_requests;
  GTree *errors_by_class; /* class → count */
  GTree *categories;      /* category → guint[2] {items, correct} */
} MetricsSub;

struct _MetricsInput {
  GPtrArray *subs;        /* MetricsSub* in contest order, then extras */
  GHashTable *sub_index;  /* id → index + 1 */
  GHashTable *item_index; /* "testset\x1fitem" (in strings) → index + 1 */
  GHashTable *kind_set;   /* kind names seen (in strings) */
  GPtrArray *item_keys;   /* sorted keys (borrowed from item_index) */
  GPtrArray *kinds;       /* sorted kind names (borrowed from strings) */
  GArray *records;        /* MetricsRecord */
  GArray *latency;        /* gint64 µs, MetricsRecord.lat_start… */
  GStringChunk *strings;  /* every string a record keeps */
  GString *scratch;       /* the key being looked up */
  guint rounds;           /* the highest round seen (rundir/variant.h) */
  gboolean computed;
};

/* How a submission's answers to one question agree across the rounds of
 * a repeated contest (METRICS.md, "Repeated questions"). */
typedef struct {
  guint items;    /* items asked in two rounds or more (clean form) */
  guint pass_all; /* … right in every round: pass^k */
  guint pass_any; /* … right in at least one: pass@k */
  guint flips;    /* … right in some rounds and wrong in others */
} MetricsRepeat;

static void
metrics_sub_free(gpointer p)
{
  MetricsSub *s = p;
  g_array_unref(s->latency);
  g_tree_unref(s->errors_by_class);
  g_tree_unref(s->categories);
  g_free(s);
}

static int
metrics_strcmp(gconstpointer a, gconstpointer b, gpointer unused)
{
  return strcmp(a, b);
}

static int
metrics_strcmp_ptr(gconstpointer a, gconstpointer b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static MetricsSub *
metrics_sub_new(const char *id, const char *name, const char *province)
{
  MetricsSub *s = g_new0(MetricsSub, 1);
  s->id = id;
  s->name = name;
  s->province = province;
  s->latency = g_array_new(FALSE, FALSE, sizeof(gint64));
  s->errors_by_class = g_tree_new_full(metrics_strcmp, NULL, NULL, NULL);
  s->categories = g_tree_new_full(metrics_strcmp, NULL, NULL, g_free);
  return s;
}

static guint
metrics_add_sub(MetricsInput *c, const char *id, const char *name,
                const char *province)
{
  gpointer v = g_hash_table_lookup(c->sub_index, id);
  if (v != NULL)
    return GPOINTER_TO_UINT(v) - 1;
  g_ptr_array_add(c->subs, metrics_sub_new(id, name ? name : id, province));
  g_hash_table_insert(c->sub_index, (gpointer)id,
                      GUINT_TO_POINTER(c->subs->len));
  return c->subs->len - 1;
}

static void
metrics_add_contest_subs(MetricsInput *c, const GArray *submissions)
{
  for (guint i = 0; submissions && i < submissions->len; i++) {
    const RunSubmission *s = &g_array_index(submissions, RunSubmission, i);
    (void)metrics_add_sub(c, s->id, s->name, s->province);
  }
}

/* The kind of a variant: variant_kind, else "telex" from "hand:telex#2",
 * kept in strings. */
static const char *
metrics_variant_kind(const char *kind, const char *variant,
                     GStringChunk *strings)
{
  if (kind != NULL && *kind)
    return g_string_chunk_insert_const(strings, kind);
  if (g_str_has_prefix(variant, "hand:"))
    variant += strlen("hand:");
  const char *hash = strchr(variant, '#');
  gsize len = hash ? (gsize)(hash - variant) : strlen(variant);
  if (len == 0)
    return "other";
  g_autofree char *k = g_strndup(variant, len);
  return g_string_chunk_insert_const(strings, k);
}

static const char *
metrics_intern(MetricsInput *in, const char *s)
{
  return s ? g_string_chunk_insert_const(in->strings, s) : NULL;
}

/* The record's item key, one copy per item however many records share it. */
static const char *
metrics_item_key(MetricsInput *in, const char *testset, const char *item)
{
  g_string_assign(in->scratch, testset ? testset : "");
  g_string_append_c(in->scratch, '\x1f');
  g_string_append(in->scratch, item);
  gpointer key = NULL;
  if (!g_hash_table_lookup_extended(in->item_index, in->scratch->str, &key,
                                    NULL)) {
    key = g_string_chunk_insert_len(in->strings, in->scratch->str,
                                    (gssize)in->scratch->len);
    g_hash_table_insert(in->item_index, key, NULL);
  }
  return key;
}

static guint
metrics_record_sub(MetricsInput *in, const char *id)
{
  gpointer v = g_hash_table_lookup(in->sub_index, id);
  if (v != NULL)
    return GPOINTER_TO_UINT(v) - 1;
  return metrics_add_sub(in, metrics_intern(in, id), NULL, NULL);
}

void
metrics_input_add(MetricsInput *in, const ScoreRecord *f)
{
  g_return_if_fail(!in->computed);
  if (f->submission == NULL || f->item == NULL)
    return; /* cannot be attributed */
  MetricsRecord r = { 0 };
  r.kind = -1;
  in->rounds = MAX(in->rounds, variant_round(f->variant));
  if (!variant_is_clean(f->variant)) {
    r.kind_name = metrics_variant_kind(f->variant_kind, f->variant,
                                       in->strings);
    g_hash_table_add(in->kind_set, (gpointer)r.kind_name);
  }
  r.sub = metrics_record_sub(in, f->submission);
  r.key = metrics_item_key(in, f->testset, f->item);
  r.category = metrics_intern(in, f->category);
  r.error_class = failure_name(f->error_class); /* static */
  /* A failed request counts as wrong whatever the record says. */
  r.correct = r.error_class == NULL && f->correct;
  r.lenient_ok = r.error_class == NULL
                 && (r.correct || f->lenient_correct
                     || f->lenient_score >= 1.0);
  r.score = r.error_class ? 0 : f->score;
  r.contradictions = f->contradictions;
  r.off_topic = f->off_topic;
  r.unaccented = f->unaccented;
  r.requests = f->requests;
  r.failed_requests = f->failed_requests;
  /* The answered turns' latencies; a negative one is not a latency. */
  r.lat_start = in->latency->len;
  for (guint i = 0; i < f->n_latency; i++)
    if (f->latency_us[i] >= 0) {
      gint64 us = (gint64)f->latency_us[i];
      g_array_append_val(in->latency, us);
    }
  r.lat_n = in->latency->len - r.lat_start;
  g_array_append_val(in->records, r);
}

/* Sorted item keys and kinds: numbers must not depend on record order. */
static void
metrics_index_items(MetricsInput *c)
{
  GHashTableIter it;
  gpointer k;
  g_hash_table_iter_init(&it, c->item_index);
  while (g_hash_table_iter_next(&it, &k, NULL))
    g_ptr_array_add(c->item_keys, k);
  g_ptr_array_sort(c->item_keys, metrics_strcmp_ptr);
  for (guint i = 0; i < c->item_keys->len; i++)
    g_hash_table_insert(c->item_index, g_ptr_array_index(c->item_keys, i),
                        GUINT_TO_POINTER(i + 1));
  g_hash_table_iter_init(&it, c->kind_set);
  while (g_hash_table_iter_next(&it, &k, NULL))
    g_ptr_array_add(c->kinds, k);
  g_ptr_array_sort(c->kinds, metrics_strcmp_ptr);
}

static gint
metrics_kind_index(const MetricsInput *c, const char *name)
{
  for (guint k = 0; k < c->kinds->len; k++)
    if (strcmp(g_ptr_array_index(c->kinds, k), name) == 0)
      return (gint)k;
  return -1;
}

static void
metrics_tally_sub(MetricsSub *s, const MetricsRecord *r, const GArray *lat,
                  guint sla_ms, gint32 *cell)
{
  s->records++;
  s->requests += r->requests;
  s->failed_requests += r->failed_requests;
  s->contradictions += r->contradictions;
  cell[RANK_REC_N]++;
  if (r->error_class != NULL) {
    s->errors++;
    cell[RANK_REC_ERR]++;
    gpointer n = g_tree_lookup(s->errors_by_class, r->error_class);
    g_tree_insert(s->errors_by_class, (gpointer)r->error_class,
                  GUINT_TO_POINTER(GPOINTER_TO_UINT(n) + 1));
  } else {
    s->answered++;
    s->answered_contra += r->contradictions > 0;
    s->off_topic += r->off_topic > 0;
    s->unaccented += r->unaccented;
  }
  for (guint i = 0; i < r->lat_n; i++) {
    gint64 us = g_array_index(lat, gint64, r->lat_start + i);
    g_array_append_val(s->latency, us);
    cell[RANK_LAT_N]++;
    cell[RANK_LAT_OK] += us <= (gint64)sla_ms * 1000;
  }
}

static void
metrics_tally_clean(MetricsSub *s, const MetricsRecord *r, gint32 *cell)
{
  s->clean++;
  s->score_sum += r->score;
  s->lenient_ok += r->lenient_ok;
  cell[RANK_CLEAN_N]++;
  cell[RANK_CLEAN_OK] += r->correct;
  const char *cat = r->category ? r->category : "";
  guint *pair = g_tree_lookup(s->categories, cat);
  if (pair == NULL) {
    pair = g_new0(guint, 2);
    g_tree_insert(s->categories, (gpointer)cat, pair);
  }
  pair[0]++;
  pair[1] += r->correct;
}

static void
metrics_tally_variant(const MetricsRecord *r, gint32 *cell)
{
  cell[RANK_VAR_N]++;
  cell[RANK_VAR_OK] += r->correct;
  cell[RANK_KIND_FIELD(r->kind, RANK_K_VAR_N)]++;
  cell[RANK_KIND_FIELD(r->kind, RANK_K_VAR_OK)] += r->correct;
}

/* Robustness pairs a variant with its item's clean form: only items whose
 * clean records are all correct contribute their variants. */
static void
metrics_pair_robustness(RankTable *t, guint n_subs, guint n_items,
                        guint n_kinds)
{
  for (guint s = 0; s < n_subs; s++)
    for (guint i = 0; i < n_items; i++) {
      gint32 *cell = rank_table_cell(t, s, i);
      if (cell[RANK_CLEAN_N] == 0 || cell[RANK_CLEAN_OK] != cell[RANK_CLEAN_N])
        continue;
      cell[RANK_ROB_DEN] = cell[RANK_VAR_N];
      cell[RANK_ROB_NUM] = cell[RANK_VAR_OK];
      for (guint k = 0; k < n_kinds; k++) {
        cell[RANK_KIND_FIELD(k, RANK_K_ROB_DEN)]
            = cell[RANK_KIND_FIELD(k, RANK_K_VAR_N)];
        cell[RANK_KIND_FIELD(k, RANK_K_ROB_NUM)]
            = cell[RANK_KIND_FIELD(k, RANK_K_VAR_OK)];
      }
    }
}

/* Each item's clean rounds of each submission, before any ranking. */
static MetricsRepeat *
metrics_repeats(const RankTable *t, guint n_subs)
{
  MetricsRepeat *rep = g_new0(MetricsRepeat, MAX(n_subs, 1));
  for (guint s = 0; s < n_subs; s++)
    for (guint i = 0; i < rank_table_n_items(t); i++) {
      const gint32 *cell = rank_table_cell_const(t, s, i);
      gint32 n = cell[RANK_CLEAN_N], ok = cell[RANK_CLEAN_OK];
      if (n < 2)
        continue;
      rep[s].items++;
      rep[s].pass_all += ok == n;
      rep[s].pass_any += ok > 0;
      rep[s].flips += ok > 0 && ok < n;
    }
  return rep;
}

/* rank_pass_k: each item's clean rounds become one outcome, right only
 * when right every time, so accuracy, its interval, the composite,
 * McNemar and the ties all rest on pass^k. */
static void
metrics_collapse_rounds(RankTable *t, guint n_subs)
{
  for (guint s = 0; s < n_subs; s++)
    for (guint i = 0; i < rank_table_n_items(t); i++) {
      gint32 *cell = rank_table_cell(t, s, i);
      if (cell[RANK_CLEAN_N] < 2)
        continue;
      cell[RANK_CLEAN_OK] = cell[RANK_CLEAN_OK] == cell[RANK_CLEAN_N];
      cell[RANK_CLEAN_N] = 1;
    }
}

static RankTable *
metrics_fill(MetricsInput *c, const MetricsConfig *cfg)
{
  guint n_items = c->item_keys->len;
  RankTable *t = rank_table_new(c->subs->len, n_items, c->kinds->len);
  for (guint n = 0; n < c->records->len; n++) {
    MetricsRecord *r = &g_array_index(c->records, MetricsRecord, n);
    r->item = GPOINTER_TO_UINT(g_hash_table_lookup(c->item_index, r->key)) - 1;
    if (r->kind_name != NULL)
      r->kind = metrics_kind_index(c, r->kind_name);
    gint32 *cell = rank_table_cell(t, r->sub, r->item);
    MetricsSub *s = g_ptr_array_index(c->subs, r->sub);
    metrics_tally_sub(s, r, c->latency, cfg->sla_ms, cell);
    if (r->kind < 0)
      metrics_tally_clean(s, r, cell);
    else
      metrics_tally_variant(r, cell);
  }
  metrics_pair_robustness(t, c->subs->len, n_items, c->kinds->len);
  return t;
}

/* ---- JSON output ---- */

static cJSON *
metrics_interval(const RankEstimate *e)
{
  if (!e->defined)
    return cJSON_CreateNull();
  cJSON *a = cJSON_CreateArray();
  cJSON_AddItemToArray(a, cJSON_CreateNumber(metrics_rate(e->lo)));
  cJSON_AddItemToArray(a, cJSON_CreateNumber(metrics_rate(e->hi)));
  return a;
}

static cJSON *
metrics_value(const RankEstimate *e)
{
  return e->defined ? cJSON_CreateNumber(metrics_rate(e->value))
                    : cJSON_CreateNull();
}

static cJSON *
metrics_num_or_null(gboolean defined, double v)
{
  return defined ? cJSON_CreateNumber(v) : cJSON_CreateNull();
}

static cJSON *
metrics_rate_or_null(gboolean defined, double v)
{
  return metrics_num_or_null(defined, metrics_rate(v));
}

static gboolean
metrics_add_class(gpointer key, gpointer value, gpointer obj)
{
  cJSON_AddNumberToObject(obj, key, GPOINTER_TO_UINT(value));
  return FALSE;
}

static gboolean
metrics_add_category(gpointer key, gpointer value, gpointer obj)
{
  const guint *pair = value;
  cJSON *c = cJSON_AddObjectToObject(obj, key);
  cJSON_AddNumberToObject(c, "items", pair[0]);
  cJSON_AddNumberToObject(c, "correct", pair[1]);
  cJSON_AddNumberToObject(
      c, "accuracy", pair[0] ? metrics_rate((double)pair[1] / pair[0]) : 0);
  return FALSE;
}

/* Clean accuracy on the items that have variants of kind k. */
static gboolean
metrics_kind_clean_accuracy(const RankTable *t, guint sub, guint k, double *acc)
{
  gint64 n = 0, ok = 0;
  for (guint i = 0; i < rank_table_n_items(t); i++) {
    const gint32 *cell = rank_table_cell_const(t, sub, i);
    if (cell[RANK_KIND_FIELD(k, RANK_K_VAR_N)] == 0)
      continue;
    n += cell[RANK_CLEAN_N];
    ok += cell[RANK_CLEAN_OK];
  }
  if (n == 0)
    return FALSE;
  *acc = (double)ok / (double)n;
  return TRUE;
}

static cJSON *
metrics_by_kind(const MetricsInput *c, const RankTable *t, guint sub,
                const RankResult *res)
{
  cJSON *obj = cJSON_CreateObject();
  for (guint k = 0; k < c->kinds->len; k++) {
    gint64 n = rank_table_sum(t, sub, RANK_KIND_FIELD(k, RANK_K_VAR_N));
    gint64 ok = rank_table_sum(t, sub, RANK_KIND_FIELD(k, RANK_K_VAR_OK));
    gint64 pairs = rank_table_sum(t, sub, RANK_KIND_FIELD(k, RANK_K_ROB_DEN));
    if (n == 0)
      continue;
    double acc = (double)ok / (double)n, clean_acc = 0;
    gboolean has_clean = metrics_kind_clean_accuracy(t, sub, k, &clean_acc);
    cJSON *o = cJSON_AddObjectToObject(obj, g_ptr_array_index(c->kinds, k));
    cJSON_AddNumberToObject(o, "variants", (double)n);
    cJSON_AddNumberToObject(o, "accuracy", metrics_rate(acc));
    cJSON_AddNumberToObject(o, "pairs", (double)pairs);
    cJSON_AddItemToObject(o, "robustness", metrics_value(&res->by_kind[k]));
    cJSON_AddItemToObject(o, "robustness_ci",
                          metrics_interval(&res->by_kind[k]));
    cJSON_AddItemToObject(o, "drop",
                          metrics_rate_or_null(has_clean, clean_acc - acc));
  }
  return obj;
}

static void
metrics_add_latency(cJSON *o, MetricsSub *s)
{
  gint64 *v = (gint64 *)s->latency->data;
  gsize n = s->latency->len;
  stats_sort_i64(v, n);
  double sum = 0;
  for (gsize i = 0; i < n; i++)
    sum += (double)v[i];
  cJSON_AddItemToObject(
      o, "p50_ms",
      metrics_num_or_null(n > 0,
                          metrics_ms(stats_percentile_nearest(v, n, 50))));
  cJSON_AddItemToObject(
      o, "p95_ms",
      metrics_num_or_null(n > 0,
                          metrics_ms(stats_percentile_nearest(v, n, 95))));
  cJSON_AddItemToObject(
      o, "p99_ms",
      metrics_num_or_null(n > 0,
                          metrics_ms(stats_percentile_nearest(v, n, 99))));
  cJSON_AddItemToObject(
      o, "mean_ms", metrics_num_or_null(n > 0, metrics_ms(sum / (double)n)));
  /* At most 64 steps of the empirical CDF: the k-th of m points is the
   * ceil(k·n/m)-th smallest latency with share ceil(k·n/m)/n; points with
   * the same latency collapse to the highest share. */
  cJSON *cdf = cJSON_AddArrayToObject(o, "latency_cdf");
  gsize m = MIN(n, (gsize)METRICS_CDF_POINTS);
  cJSON *last = NULL;
  gint64 last_us = -1;
  for (gsize k = 1; k <= m; k++) {
    gsize idx = (k * n + m - 1) / m - 1;
    double share = (double)(idx + 1) / (double)n;
    if (last != NULL && v[idx] == last_us) {
      cJSON_ReplaceItemInArray(last, 1,
                               cJSON_CreateNumber(metrics_rate(share)));
      continue;
    }
    last = cJSON_CreateArray();
    cJSON_AddItemToArray(last, cJSON_CreateNumber(metrics_ms(v[idx])));
    cJSON_AddItemToArray(last, cJSON_CreateNumber(metrics_rate(share)));
    cJSON_AddItemToArray(cdf, last);
    last_us = v[idx];
  }
}

static void
metrics_add_identity(cJSON *o, const MetricsSub *s, const RankResult *res)
{
  cJSON_AddStringToObject(o, "id", s->id);
  cJSON_AddStringToObject(o, "name", s->name);
  if (s->province != NULL)
    cJSON_AddStringToObject(o, "province", s->province);
  else
    cJSON_AddNullToObject(o, "province");
  cJSON_AddNumberToObject(o, "rank", res->rank);
  cJSON_AddNumberToObject(o, "tie_group", res->tie_group);
}

static void
metrics_add_accuracy(cJSON *o, const MetricsSub *s, const RankTable *t,
                     guint sub, const RankResult *res)
{
  /* Clean records, or with rank_pass_k items (their rounds are one). */
  cJSON_AddNumberToObject(o, "items",
                          (double)rank_table_sum(t, sub, RANK_CLEAN_N));
  cJSON_AddNumberToObject(o, "correct",
                          (double)rank_table_sum(t, sub, RANK_CLEAN_OK));
  cJSON_AddNumberToObject(o, "accuracy", metrics_rate(res->accuracy.value));
  cJSON_AddItemToObject(o, "accuracy_ci", metrics_interval(&res->accuracy));
  cJSON_AddItemToObject(
      o, "lenient_accuracy",
      metrics_rate_or_null(s->clean > 0, (double)s->lenient_ok / s->clean));
  cJSON_AddItemToObject(
      o, "mean_score",
      metrics_rate_or_null(s->clean > 0, s->score_sum / s->clean));
}

static void
metrics_add_nearmiss(cJSON *o, const MetricsInput *c, const RankTable *t,
                     guint sub, const RankResult *res)
{
  cJSON_AddNumberToObject(o, "nearmiss_variants",
                          (double)rank_table_sum(t, sub, RANK_VAR_N));
  cJSON_AddItemToObject(o, "nearmiss_accuracy", metrics_value(&res->nearmiss));
  cJSON_AddItemToObject(o, "nearmiss_ci", metrics_interval(&res->nearmiss));
  cJSON_AddItemToObject(o, "robustness", metrics_value(&res->robustness));
  cJSON_AddItemToObject(o, "robustness_ci", metrics_interval(&res->robustness));
  cJSON_AddNumberToObject(o, "robustness_pairs",
                          (double)rank_table_sum(t, sub, RANK_ROB_DEN));
  cJSON_AddItemToObject(o, "by_kind", metrics_by_kind(c, t, sub, res));
}

static void
metrics_add_errors(cJSON *o, const MetricsSub *s, const RankResult *res)
{
  cJSON *cats = cJSON_AddObjectToObject(o, "by_category");
  g_tree_foreach(s->categories, metrics_add_category, cats);
  cJSON_AddNumberToObject(o, "contradictions", (double)s->contradictions);
  /* the intent signal: answered, but about another procedure of the set */
  cJSON_AddNumberToObject(o, "off_topic", s->off_topic);
  cJSON_AddItemToObject(
      o, "off_topic_rate",
      metrics_rate_or_null(s->answered > 0,
                           (double)s->off_topic / s->answered));
  cJSON_AddNumberToObject(o, "unaccented_answers", (double)s->unaccented);
  cJSON_AddItemToObject(
      o, "hallucination_rate",
      metrics_rate_or_null(s->answered > 0,
                           (double)s->answered_contra / s->answered));
  cJSON_AddNumberToObject(o, "records", s->records);
  cJSON_AddNumberToObject(o, "requests", (double)s->requests);
  cJSON_AddNumberToObject(o, "failed_requests", (double)s->failed_requests);
  cJSON_AddNumberToObject(o, "errors", s->errors);
  cJSON *classes = cJSON_AddObjectToObject(o, "errors_by_class");
  g_tree_foreach(s->errors_by_class, metrics_add_class, classes);
  cJSON_AddNumberToObject(o, "availability",
                          metrics_rate(res->availability.value));
  cJSON_AddNumberToObject(o, "latency_score", metrics_rate(res->latency.value));
}

static void
metrics_add_composite(cJSON *o, const MetricsInput *c, const RankResult *res)
{
  cJSON_AddNumberToObject(o, "composite", metrics_rate(res->composite.value));
  cJSON_AddItemToObject(o, "composite_ci", metrics_interval(&res->composite));
  if (res->next < 0) {
    cJSON_AddNullToObject(o, "vs_next");
    return;
  }
  const MetricsSub *next = g_ptr_array_index(c->subs, res->next);
  cJSON *vs = cJSON_AddObjectToObject(o, "vs_next");
  cJSON_AddStringToObject(vs, "id", next->id);
  cJSON_AddNumberToObject(vs, "p_composite", res->p_composite);
  cJSON_AddNumberToObject(vs, "p_mcnemar", res->p_mcnemar);
  cJSON_AddBoolToObject(vs, "separable", res->separable);
}

static cJSON *
metrics_share(guint num, guint den)
{
  return metrics_rate_or_null(den > 0, (double)num / (double)MAX(den, 1));
}

/* "repeat" (only in a repeated contest). */
static void
metrics_add_repeat(cJSON *o, const MetricsInput *c, const MetricsRepeat *r,
                   const MetricsConfig *cfg)
{
  if (c->rounds < 2)
    return;
  cJSON *j = cJSON_AddObjectToObject(o, "repeat");
  cJSON_AddNumberToObject(j, "rounds", c->rounds);
  cJSON_AddStringToObject(j, "ranked_by", cfg->rank_pass_k ? "pass_k"
                                                           : "mean");
  cJSON_AddNumberToObject(j, "items", r->items);
  cJSON_AddNumberToObject(j, "pass_all", r->pass_all);
  cJSON_AddNumberToObject(j, "pass_any", r->pass_any);
  cJSON_AddNumberToObject(j, "flips", r->flips);
  cJSON_AddItemToObject(j, "pass_k", metrics_share(r->pass_all, r->items));
  cJSON_AddItemToObject(j, "pass_at_k", metrics_share(r->pass_any, r->items));
  cJSON_AddItemToObject(j, "flip_share", metrics_share(r->flips, r->items));
}

static cJSON *
metrics_submission(const MetricsInput *c, const RankTable *t, guint sub,
                   const RankResult *res, const MetricsRepeat *rep,
                   const MetricsConfig *cfg)
{
  MetricsSub *s = g_ptr_array_index(c->subs, sub);
  cJSON *o = cJSON_CreateObject();
  metrics_add_identity(o, s, res);
  metrics_add_accuracy(o, s, t, sub, res);
  metrics_add_repeat(o, c, rep, cfg);
  metrics_add_nearmiss(o, c, t, sub, res);
  metrics_add_errors(o, s, res);
  metrics_add_latency(o, s);
  metrics_add_composite(o, c, res);
  return o;
}

static cJSON *
metrics_ties(const MetricsInput *c, const RankOutcome *out)
{
  cJSON *ties = cJSON_CreateArray();
  guint pos = 0;
  while (pos < out->n_subs) {
    guint end = pos + 1;
    guint group = out->results[out->order[pos]].tie_group;
    while (end < out->n_subs
           && out->results[out->order[end]].tie_group == group)
      end++;
    if (end - pos >= 2) {
      cJSON *g = cJSON_CreateArray();
      for (guint p = pos; p < end; p++) {
        const MetricsSub *s = g_ptr_array_index(c->subs, out->order[p]);
        cJSON_AddItemToArray(g, cJSON_CreateString(s->id));
      }
      cJSON_AddItemToArray(ties, g);
    }
    pos = end;
  }
  return ties;
}

MetricsInput *
metrics_input_new(const GArray *submissions)
{
  MetricsInput *c = g_new0(MetricsInput, 1);
  c->subs = g_ptr_array_new_with_free_func(metrics_sub_free);
  c->sub_index = g_hash_table_new(g_str_hash, g_str_equal);
  c->item_index = g_hash_table_new(g_str_hash, g_str_equal);
  c->kind_set = g_hash_table_new(g_str_hash, g_str_equal);
  c->item_keys = g_ptr_array_new();
  c->kinds = g_ptr_array_new();
  c->records = g_array_new(FALSE, FALSE, sizeof(MetricsRecord));
  c->latency = g_array_new(FALSE, FALSE, sizeof(gint64));
  c->strings = g_string_chunk_new(4096);
  c->scratch = g_string_new(NULL);
  metrics_add_contest_subs(c, submissions);
  return c;
}

void
metrics_input_free(MetricsInput *c)
{
  if (c == NULL)
    return;
  g_ptr_array_unref(c->subs);
  g_hash_table_unref(c->sub_index);
  g_hash_table_unref(c->item_index);
  g_hash_table_unref(c->kind_set);
  g_ptr_array_unref(c->item_keys);
  g_ptr_array_unref(c->kinds);
  g_array_unref(c->records);
  g_array_unref(c->latency);
  g_string_chunk_free(c->strings);
  g_string_free(c->scratch, TRUE);
  g_free(c);
}

cJSON *
metrics_input_compute(MetricsInput *c, const MetricsConfig *cfg, cJSON **ties)
{
  g_return_val_if_fail(!c->computed, NULL);
  c->computed = TRUE;
  metrics_index_items(c);
  g_autoptr(RankTable) t = metrics_fill(c, cfg);
  g_autofree MetricsRepeat *rep = metrics_repeats(t, c->subs->len);
  if (cfg->rank_pass_k)
    metrics_collapse_rounds(t, c->subs->len);
  g_autofree const char **ids = g_new(const char *, MAX(c->subs->len, 1));
  for (guint s = 0; s < c->subs->len; s++)
    ids[s] = ((MetricsSub *)g_ptr_array_index(c->subs, s))->id;
  g_autoptr(RankOutcome) out = rank_compute(t, ids, cfg);

  cJSON *arr = cJSON_CreateArray();
  for (guint pos = 0; pos < out->n_subs; pos++)
    cJSON_AddItemToArray(arr,
                         metrics_submission(c, t, out->order[pos],
                                            &out->results[out->order[pos]],
                                            &rep[out->order[pos]], cfg));
  *ties = metrics_ties(c, out);
  return arr;
}
