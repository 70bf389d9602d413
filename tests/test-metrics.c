/* Past 800 lines: the metrics and the ranking are tested through one
 * builder of score records (rec_json) and one streaming helper
 * (metrics_compute); split in two, both halves would carry those helpers.
 *
 * Tests for scoring/metrics.c and scoring/rank.c: per-submission metrics,
 * paired bootstrap ranking and tie groups, on hand-made score records. */
#include "rundir/run_manifest.h"
#include "scoring/capacity.h"
#include "scoring/metrics.h"
#include "scoring/rank.h"
#include "scoring/stats.h"

#include <math.h>
#include <string.h>

/* The metrics of score records kept as cJSON (any order), as the scorer
 * would compute them streaming: {"submissions": [ranked], "ties": [...]}.
 * submissions: the contest's [{"id","name","province"}]. */
static cJSON *
metrics_compute(const GPtrArray *score_records, const cJSON *submissions,
                const MetricsConfig *cfg)
{
  g_autoptr(GArray) subs = run_manifest_submissions_of(submissions);
  g_autoptr(MetricsInput) in = metrics_input_new(subs);
  for (guint n = 0; n < score_records->len; n++) {
    ScoreRecord rec;
    /* A record that cannot be attributed is skipped, as when streamed. */
    if (score_record_decode(g_ptr_array_index(score_records, n), &rec, NULL))
      metrics_input_add(in, &rec);
    score_record_clear(&rec);
  }
  cJSON *ties = NULL;
  cJSON *ranked = metrics_input_compute(in, cfg, &ties);
  cJSON *o = cJSON_CreateObject();
  cJSON_AddItemToObject(o, "submissions", ranked);
  cJSON_AddItemToObject(o, "ties", ties);
  return o;
}

static const MetricsConfig default_cfg = {
  .w_accuracy = 0.5,
  .w_nearmiss = 0.2,
  .w_latency = 0.2,
  .w_availability = 0.1,
  .sla_ms = 3000,
  .seed = 20251122,
  .resamples = 1000,
};

/* One score record as harness/README.md describes it. variant NULL means
 * the clean question; error_class non-NULL a failed request. */
typedef struct {
  const char *sub, *item, *category, *variant, *kind, *error_class;
  gboolean correct;
  gint64 latency_us; /* 0: none */
  double lenient_score;
  int contradictions;
  int off_topic, unaccented;
} Rec;

static cJSON *
rec_json(const Rec *r)
{
  cJSON *o = cJSON_CreateObject();
  cJSON_AddStringToObject(o, "submission", r->sub);
  cJSON_AddStringToObject(o, "testset", "practice");
  cJSON_AddStringToObject(o, "item", r->item);
  cJSON_AddStringToObject(o, "category", r->category ? r->category : "cu-tru");
  cJSON_AddStringToObject(o, "kind", "procedure");
  cJSON_AddStringToObject(o, "variant", r->variant ? r->variant : "clean");
  if (r->kind)
    cJSON_AddStringToObject(o, "variant_kind", r->kind);
  else
    cJSON_AddNullToObject(o, "variant_kind");
  gboolean failed = r->error_class != NULL;
  cJSON_AddNumberToObject(o, "score", failed ? 0 : r->correct ? 1 : 0.5);
  cJSON_AddBoolToObject(o, "correct", r->correct);
  cJSON_AddNumberToObject(o, "lenient_score", r->lenient_score);
  cJSON_AddNumberToObject(o, "contradictions", r->contradictions);
  cJSON_AddNumberToObject(o, "off_topic", r->off_topic);
  cJSON_AddNumberToObject(o, "unaccented", r->unaccented);
  if (failed)
    cJSON_AddStringToObject(o, "error_class", r->error_class);
  else
    cJSON_AddNullToObject(o, "error_class");
  cJSON_AddNumberToObject(o, "requests", failed ? 3 : 1);
  cJSON_AddNumberToObject(o, "failed_requests", failed ? 3 : 0);
  cJSON *lat = cJSON_AddArrayToObject(o, "latency_us");
  if (!failed)
    cJSON_AddItemToArray(
        lat, cJSON_CreateNumber(r->latency_us ? r->latency_us : 15201));
  return o;
}

static GPtrArray *
records_new(void)
{
  return g_ptr_array_new_with_free_func((GDestroyNotify)cJSON_Delete);
}

static void
add(GPtrArray *recs, const Rec *r)
{
  g_ptr_array_add(recs, rec_json(r));
}

static cJSON *
subs_json(const char *const *ids)
{
  static const char *const provinces[]
      = { "Hà Nội", "Huế", "Nghệ An", "Quảng Ninh", "Lạng Sơn" };
  cJSON *a = cJSON_CreateArray();
  for (int i = 0; ids[i]; i++) {
    cJSON *s = cJSON_CreateObject();
    cJSON_AddStringToObject(s, "id", ids[i]);
    g_autofree char *name = g_strdup_printf("Trợ lý ảo %s", ids[i]);
    cJSON_AddStringToObject(s, "name", name);
    cJSON_AddStringToObject(s, "province", provinces[i % 5]);
    cJSON_AddItemToArray(a, s);
  }
  return a;
}

static const cJSON *
find_sub(const cJSON *res, const char *id)
{
  const cJSON *s;
  cJSON_ArrayForEach(s, cJSON_GetObjectItem(res, "submissions"))
  {
    if (strcmp(cJSON_GetObjectItem(s, "id")->valuestring, id) == 0)
      return s;
  }
  g_assert_not_reached();
  return NULL;
}

static double
num(const cJSON *o, const char *path)
{
  g_auto(GStrv) parts = g_strsplit(path, ".", -1);
  const cJSON *v = o;
  for (int i = 0; parts[i]; i++) {
    v = cJSON_GetObjectItem(v, parts[i]);
    g_assert_nonnull(v);
  }
  g_assert_true(cJSON_IsNumber(v));
  return v->valuedouble;
}

/* n items; item i correct when pred(i); a given latency per item. */
static void
add_clean_block(GPtrArray *recs, const char *sub, guint n, guint n_correct)
{
  for (guint i = 0; i < n; i++) {
    g_autofree char *item = g_strdup_printf("cutru-%03u", i);
    add(recs, &(Rec){ .sub = sub,
                      .item = item,
                      .correct = i < n_correct,
                      .latency_us = 200000 + 1000 * i });
  }
}

static void
test_identical_tie(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add_clean_block(recs, "hanoi", 100, 70);
  add_clean_block(recs, "hue", 100, 70);
  static const char *const ids[] = { "hue", "hanoi", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);

  /* Equal composites: ranked by id. */
  const cJSON *arr = cJSON_GetObjectItem(res, "submissions");
  g_assert_cmpint(cJSON_GetArraySize(arr), ==, 2);
  g_assert_cmpstr(cJSON_GetArrayItem(arr, 0)->child->valuestring, ==, "hanoi");
  const cJSON *a = find_sub(res, "hanoi"), *b = find_sub(res, "hue");
  g_assert_cmpfloat(num(a, "rank"), ==, 1);
  g_assert_cmpfloat(num(b, "rank"), ==, 2);
  g_assert_cmpfloat(num(a, "tie_group"), ==, 1);
  g_assert_cmpfloat(num(b, "tie_group"), ==, 1);
  g_assert_cmpfloat(num(a, "vs_next.p_composite"), ==, 1);
  g_assert_cmpfloat(num(a, "vs_next.p_mcnemar"), ==, 1);
  g_assert_true(cJSON_IsFalse(
      cJSON_GetObjectItem(cJSON_GetObjectItem(a, "vs_next"), "separable")));
  g_assert_true(cJSON_IsNull(cJSON_GetObjectItem(b, "vs_next")));
  g_autofree char *ties
      = cJSON_PrintUnformatted(cJSON_GetObjectItem(res, "ties"));
  g_assert_cmpstr(ties, ==, "[[\"hanoi\",\"hue\"]]");
  g_assert_cmpstr(cJSON_GetObjectItem(a, "province")->valuestring, ==, "Huế");
  g_assert_cmpstr(cJSON_GetObjectItem(a, "name")->valuestring, ==,
                  "Trợ lý ảo hanoi");
}

static void
test_clearly_different(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add_clean_block(recs, "weak", 100, 30);
  add_clean_block(recs, "strong", 100, 90);
  static const char *const ids[] = { "weak", "strong", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "strong"), *w = find_sub(res, "weak");
  g_assert_cmpfloat(num(s, "rank"), ==, 1);
  g_assert_cmpfloat(num(w, "rank"), ==, 2);
  g_assert_cmpfloat(num(s, "tie_group"), ==, 1);
  g_assert_cmpfloat(num(w, "tie_group"), ==, 2);
  g_assert_cmpfloat_with_epsilon(num(s, "accuracy"), 0.9, 1e-6);
  g_assert_cmpfloat_with_epsilon(num(w, "accuracy"), 0.3, 1e-6);
  g_assert_cmpfloat(num(s, "vs_next.p_composite"), <, 0.01);
  /* b = 60, c = 0 discordant items. */
  g_assert_cmpfloat(num(s, "vs_next.p_mcnemar"), <, 1e-10);
  g_assert_true(cJSON_IsTrue(
      cJSON_GetObjectItem(cJSON_GetObjectItem(s, "vs_next"), "separable")));
  g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(res, "ties")), ==, 0);
}

static void
test_failed_request(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  /* The endpoint failed on cutru-002 yet the record claims "correct": a
   * failed request counts as wrong whatever else it says. */
  add(recs, &(Rec){ .sub = "quangninh",
                    .item = "cutru-001",
                    .correct = TRUE,
                    .lenient_score = 1 });
  add(recs, &(Rec){ .sub = "quangninh",
                    .item = "cutru-002",
                    .correct = TRUE,
                    .error_class = "http_5xx" });
  add(recs, &(Rec){ .sub = "quangninh",
                    .item = "cutru-003",
                    .correct = FALSE,
                    .error_class = "timeout" });
  add(recs, &(Rec){ .sub = "quangninh",
                    .item = "cutru-004",
                    .correct = FALSE,
                    .error_class = "http_5xx",
                    .variant = "telex#1",
                    .kind = "telex" });
  static const char *const ids[] = { "quangninh", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "quangninh");
  g_assert_cmpfloat(num(s, "items"), ==, 3);
  g_assert_cmpfloat(num(s, "correct"), ==, 1);
  g_assert_cmpfloat_with_epsilon(num(s, "accuracy"), 1.0 / 3, 1e-6);
  g_assert_cmpfloat_with_epsilon(num(s, "lenient_accuracy"), 1.0 / 3, 1e-6);
  g_assert_cmpfloat(num(s, "records"), ==, 4);
  g_assert_cmpfloat(num(s, "errors"), ==, 3);
  g_assert_cmpfloat(num(s, "requests"), ==, 10);
  g_assert_cmpfloat(num(s, "failed_requests"), ==, 9);
  g_assert_cmpfloat(num(s, "errors_by_class.http_5xx"), ==, 2);
  g_assert_cmpfloat(num(s, "errors_by_class.timeout"), ==, 1);
  g_assert_cmpfloat_with_epsilon(num(s, "availability"), 0.25, 1e-6);
  g_assert_cmpfloat(num(s, "nearmiss_accuracy"), ==, 0);
  /* Only the one answered turn has a latency. */
  g_assert_cmpfloat_with_epsilon(num(s, "p50_ms"), 15.201, 1e-6);
  g_assert_cmpfloat(num(s, "latency_score"), ==, 1);
}

/* Clean: 1 ✓, 2 ✓, 3 ✓, 4 ✗, 5 ✓. Variants (kind: result):
 * 1 telex ✓, no_diacritics ✓; 2 telex ✗, no_diacritics ✓; 3 telex ✓;
 * 4 telex ✓ (not paired: clean wrong); 5 no_diacritics ✗. */
static void
add_robustness_example(GPtrArray *recs, const char *sub)
{
  static const struct {
    const char *item, *kind;
    gboolean correct;
  } rows[] = {
    { "hotich-001", NULL, TRUE },
    { "hotich-002", NULL, TRUE },
    { "hotich-003", NULL, TRUE },
    { "hotich-004", NULL, FALSE },
    { "hotich-005", NULL, TRUE },
    { "hotich-001", "telex", TRUE },
    { "hotich-001", "no_diacritics", TRUE },
    { "hotich-002", "telex", FALSE },
    { "hotich-002", "no_diacritics", TRUE },
    { "hotich-003", "telex", TRUE },
    { "hotich-004", "telex", TRUE },
    { "hotich-005", "no_diacritics", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(rows); i++) {
    g_autofree char *variant
        = rows[i].kind ? g_strdup_printf("%s#1", rows[i].kind) : NULL;
    add(recs, &(Rec){ .sub = sub,
                      .item = rows[i].item,
                      .category = "ho-tich",
                      .variant = variant,
                      .kind = rows[i].kind,
                      .correct = rows[i].correct });
  }
}

static void
test_robustness_example(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add_robustness_example(recs, "nghean");
  static const char *const ids[] = { "nghean", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "nghean");
  g_assert_cmpfloat(num(s, "items"), ==, 5);
  g_assert_cmpfloat_with_epsilon(num(s, "accuracy"), 0.8, 1e-6);
  g_assert_cmpfloat(num(s, "nearmiss_variants"), ==, 7);
  g_assert_cmpfloat_with_epsilon(num(s, "nearmiss_accuracy"), 5.0 / 7, 1e-6);
  /* Paired: variants of items 1, 2, 3, 5 — 6 of them, 4 correct. */
  g_assert_cmpfloat(num(s, "robustness_pairs"), ==, 6);
  g_assert_cmpfloat_with_epsilon(num(s, "robustness"), 4.0 / 6, 1e-6);
  /* telex: 4 variants, 3 correct; pairs on items 1–3: 3, 2 correct; clean
   * accuracy on items 1–4 = 3/4, so drop = 3/4 − 3/4 = 0. */
  g_assert_cmpfloat(num(s, "by_kind.telex.variants"), ==, 4);
  g_assert_cmpfloat_with_epsilon(num(s, "by_kind.telex.accuracy"), 0.75, 1e-6);
  g_assert_cmpfloat(num(s, "by_kind.telex.pairs"), ==, 3);
  g_assert_cmpfloat_with_epsilon(num(s, "by_kind.telex.robustness"), 2.0 / 3,
                                 1e-6);
  g_assert_cmpfloat_with_epsilon(num(s, "by_kind.telex.drop"), 0, 1e-6);
  /* no_diacritics: items 1, 2, 5 — all clean-correct; 2 of 3 right; drop
   * = 1 − 2/3. */
  g_assert_cmpfloat(num(s, "by_kind.no_diacritics.variants"), ==, 3);
  g_assert_cmpfloat(num(s, "by_kind.no_diacritics.pairs"), ==, 3);
  g_assert_cmpfloat_with_epsilon(num(s, "by_kind.no_diacritics.robustness"),
                                 2.0 / 3, 1e-6);
  g_assert_cmpfloat_with_epsilon(num(s, "by_kind.no_diacritics.drop"), 1.0 / 3,
                                 1e-6);
  g_assert_cmpfloat(num(s, "by_category.ho-tich.items"), ==, 5);
  g_assert_cmpfloat(num(s, "by_category.ho-tich.correct"), ==, 4);
  /* Composite with all four weights: 0.5·0.8 + 0.2·5/7 + 0.2 + 0.1. */
  g_assert_cmpfloat_with_epsilon(num(s, "composite"),
                                 0.4 + 0.2 * 5.0 / 7 + 0.2 + 0.1, 1e-6);
}

static void
test_no_variants_renormalized(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add_clean_block(recs, "langson", 10, 8);
  static const char *const ids[] = { "langson", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "langson");
  g_assert_true(cJSON_IsNull(cJSON_GetObjectItem(s, "nearmiss_accuracy")));
  g_assert_true(cJSON_IsNull(cJSON_GetObjectItem(s, "nearmiss_ci")));
  g_assert_true(cJSON_IsNull(cJSON_GetObjectItem(s, "robustness")));
  g_assert_cmpfloat(num(s, "nearmiss_variants"), ==, 0);
  /* (0.5 · 0.8 + 0.2 · 1 + 0.1 · 1) / 0.8 — the near-miss weight dropped. */
  g_assert_cmpfloat_with_epsilon(num(s, "composite"), 0.875, 1e-6);
  g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(s, "by_kind")), ==, 0);
}

static void
test_latency(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  /* 1 ms … 100 ms; the SLA is 90 ms. */
  for (int i = 1; i <= 100; i++) {
    g_autofree char *item = g_strdup_printf("cancuoc-%03d", i);
    add(recs, &(Rec){ .sub = "hue",
                      .item = item,
                      .correct = TRUE,
                      .latency_us = 1000 * i });
  }
  MetricsConfig cfg = default_cfg;
  cfg.sla_ms = 90;
  static const char *const ids[] = { "hue", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &cfg);
  const cJSON *s = find_sub(res, "hue");
  g_assert_cmpfloat(num(s, "p50_ms"), ==, 50);
  g_assert_cmpfloat(num(s, "p95_ms"), ==, 95);
  g_assert_cmpfloat(num(s, "p99_ms"), ==, 99);
  g_assert_cmpfloat_with_epsilon(num(s, "mean_ms"), 50.5, 1e-6);
  g_assert_cmpfloat_with_epsilon(num(s, "latency_score"), 0.9, 1e-6);
  const cJSON *cdf = cJSON_GetObjectItem(s, "latency_cdf");
  int n = cJSON_GetArraySize(cdf);
  g_assert_cmpint(n, >, 1);
  g_assert_cmpint(n, <=, 64);
  double prev_ms = -1, prev_share = 0;
  const cJSON *pt;
  cJSON_ArrayForEach(pt, cdf)
  {
    double ms = cJSON_GetArrayItem(pt, 0)->valuedouble;
    double share = cJSON_GetArrayItem(pt, 1)->valuedouble;
    g_assert_cmpfloat(ms, >, prev_ms);
    g_assert_cmpfloat(share, >, prev_share);
    prev_ms = ms;
    prev_share = share;
  }
  g_assert_cmpfloat(prev_ms, ==, 100);
  g_assert_cmpfloat(prev_share, ==, 1);
}

static void
test_latency_none(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add(recs, &(Rec){ .sub = "dienbien",
                    .item = "cutru-001",
                    .error_class = "connect" });
  static const char *const ids[] = { "dienbien", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "dienbien");
  static const char *const nulls[]
      = { "p50_ms", "p95_ms", "p99_ms", "mean_ms", "hallucination_rate" };
  for (gsize i = 0; i < G_N_ELEMENTS(nulls); i++)
    g_assert_true(cJSON_IsNull(cJSON_GetObjectItem(s, nulls[i])));
  g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(s, "latency_cdf")), ==,
                  0);
  g_assert_cmpfloat(num(s, "latency_score"), ==, 0);
  g_assert_cmpfloat(num(s, "availability"), ==, 0);
  g_assert_cmpfloat(num(s, "composite"), ==, 0);
}

static void
test_hallucination(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add(recs, &(Rec){ .sub = "thanhhoa", .item = "a", .contradictions = 2 });
  add(recs, &(Rec){ .sub = "thanhhoa", .item = "b", .correct = TRUE });
  add(recs, &(Rec){ .sub = "thanhhoa", .item = "c", .contradictions = 1 });
  add(recs, &(Rec){ .sub = "thanhhoa", .item = "d", .correct = TRUE });
  add(recs, &(Rec){ .sub = "thanhhoa", .item = "e", .error_class = "timeout" });
  static const char *const ids[] = { "thanhhoa", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "thanhhoa");
  g_assert_cmpfloat(num(s, "contradictions"), ==, 3);
  g_assert_cmpfloat_with_epsilon(num(s, "hallucination_rate"), 0.5, 1e-6);
  /* score 1 for correct, 0.5 for wrong, 0 for failed. */
  g_assert_cmpfloat_with_epsilon(num(s, "mean_score"), 3.0 / 5, 1e-6);
}

/* Answers about another procedure are counted apart from wrong facts. */
static void
test_off_topic(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add(recs, &(Rec){ .sub = "hue", .item = "a", .correct = TRUE });
  add(recs, &(Rec){ .sub = "hue", .item = "a", .variant = "telex#1",
                    .kind = "telex", .off_topic = 1 });
  add(recs, &(Rec){ .sub = "hue", .item = "b", .contradictions = 1 });
  add(recs, &(Rec){ .sub = "hue", .item = "b", .variant = "no_diacritics#1",
                    .kind = "no_diacritics", .off_topic = 1,
                    .unaccented = 1 });
  add(recs, &(Rec){ .sub = "hue", .item = "c", .error_class = "timeout" });
  static const char *const ids[] = { "hue", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "hue");
  g_assert_cmpfloat(num(s, "off_topic"), ==, 2);
  g_assert_cmpfloat_with_epsilon(num(s, "off_topic_rate"), 2.0 / 4, 1e-6);
  g_assert_cmpfloat(num(s, "unaccented_answers"), ==, 1);
  g_assert_cmpfloat(num(s, "contradictions"), ==, 1);
}

static cJSON *
step(guint concurrency, guint requests, double accuracy, double p95)
{
  cJSON *o = cJSON_CreateObject();
  cJSON_AddNumberToObject(o, "concurrency", concurrency);
  cJSON_AddNumberToObject(o, "requests", requests);
  cJSON_AddNumberToObject(o, "accuracy", accuracy);
  cJSON_AddNumberToObject(o, "p95_ms", p95);
  return o;
}

/* Capacity: p95 within the SLA and no accuracy drop beyond chance. */
static void
test_capacity(void)
{
  g_autoptr(cJSON) small = cJSON_CreateArray();
  /* 45 answers at 0.91, then 350 on other items at 0.86: chance */
  cJSON_AddItemToArray(small, step(1, 45, 0.91, 22));
  cJSON_AddItemToArray(small, step(8, 350, 0.86, 36));
  cJSON_AddItemToArray(small, step(64, 2000, 0.90, 150));
  g_assert_cmpint(capacity_of(small, 120), ==, 8);
  g_autoptr(cJSON) large = cJSON_CreateArray();
  /* the same drop over 20,000 answers each is real */
  cJSON_AddItemToArray(large, step(1, 20000, 0.91, 22));
  cJSON_AddItemToArray(large, step(8, 20000, 0.86, 36));
  g_assert_cmpint(capacity_of(large, 120), ==, 1);
  g_autoptr(cJSON) slow = cJSON_CreateArray();
  cJSON_AddItemToArray(slow, step(1, 45, 0.9, 400));
  g_assert_cmpint(capacity_of(slow, 120), ==, -1);
}

/* A realistic random contest: 5 submissions, 200 items, 2 kinds. */
static GPtrArray *
random_contest(guint32 seed, guint n_items, guint n_kinds_per_item)
{
  static const char *const subs[]
      = { "hanoi", "hue", "nghean", "quangninh", "langson" };
  static const double skill[] = { 0.85, 0.8, 0.6, 0.55, 0.3 };
  static const char *const kinds[]
      = { "no_diacritics", "telex", "vni", "typo", "abbrev" };
  g_autoptr(GRand) rand = g_rand_new_with_seed(seed);
  GPtrArray *recs = records_new();
  for (guint s = 0; s < G_N_ELEMENTS(subs); s++)
    for (guint i = 0; i < n_items; i++) {
      g_autofree char *item = g_strdup_printf("item-%04u", i);
      gboolean failed = g_rand_double(rand) < 0.02;
      gboolean ok = g_rand_double(rand) < skill[s];
      add(recs, &(Rec){ .sub = subs[s],
                        .item = item,
                        .correct = ok,
                        .error_class = failed ? "http_5xx" : NULL,
                        .latency_us = g_rand_int_range(rand, 1000, 6000000) });
      for (guint k = 0; k < n_kinds_per_item; k++) {
        g_autofree char *variant = g_strdup_printf("%s#1", kinds[k]);
        gboolean vok = g_rand_double(rand) < (ok ? 0.9 : 0.2);
        add(recs,
            &(Rec){ .sub = subs[s],
                    .item = item,
                    .variant = variant,
                    .kind = kinds[k],
                    .correct = vok,
                    .latency_us = g_rand_int_range(rand, 1000, 6000000) });
      }
    }
  return recs;
}

static cJSON *
contest_subs(void)
{
  static const char *const ids[]
      = { "hanoi", "hue", "nghean", "quangninh", "langson", NULL };
  return subs_json(ids);
}

static void
test_determinism(void)
{
  g_autoptr(GPtrArray) recs = random_contest(7, 200, 2);
  g_autoptr(cJSON) subs = contest_subs();
  g_autoptr(cJSON) a = metrics_compute(recs, subs, &default_cfg);
  g_autoptr(cJSON) b = metrics_compute(recs, subs, &default_cfg);
  g_autofree char *ja = cJSON_PrintUnformatted(a);
  g_autofree char *jb = cJSON_PrintUnformatted(b);
  g_assert_cmpstr(ja, ==, jb);
  /* Record order does not matter either: reverse them. */
  g_autoptr(GPtrArray) rev = g_ptr_array_new();
  for (guint i = recs->len; i > 0; i--)
    g_ptr_array_add(rev, g_ptr_array_index(recs, i - 1));
  g_autoptr(cJSON) c = metrics_compute(rev, subs, &default_cfg);
  g_autofree char *jc = cJSON_PrintUnformatted(c);
  g_assert_cmpstr(ja, ==, jc);
  /* Another seed moves the intervals. */
  MetricsConfig other = default_cfg;
  other.seed = 1;
  g_autoptr(cJSON) d = metrics_compute(recs, subs, &other);
  g_autofree char *jd = cJSON_PrintUnformatted(d);
  g_assert_cmpstr(ja, !=, jd);
}

/* The scorer hands each record to a MetricsInput and frees it at once:
 * the results must be those of metrics_compute over records kept whole,
 * so nothing the metrics read may point into a freed record. */
static void
test_streamed_records(void)
{
  g_autoptr(GPtrArray) recs = random_contest(13, 150, 2);
  g_autoptr(cJSON) subs = contest_subs();
  g_autoptr(cJSON) kept = metrics_compute(recs, subs, &default_cfg);
  g_autofree char *want = cJSON_PrintUnformatted(kept);

  g_autoptr(GArray) sub_list = run_manifest_submissions_of(subs);
  g_autoptr(MetricsInput) in = metrics_input_new(sub_list);
  for (guint i = 0; i < recs->len; i++) {
    /* A copy, scribbled over and freed right after it is added. */
    cJSON *copy = cJSON_Duplicate(g_ptr_array_index(recs, i), TRUE);
    ScoreRecord rec;
    g_assert_true(score_record_decode(copy, &rec, NULL));
    metrics_input_add(in, &rec);
    score_record_clear(&rec);
    const cJSON *m;
    cJSON_ArrayForEach(m, copy)
    if (cJSON_IsString(m))
      memset(m->valuestring, 'x', strlen(m->valuestring));
    cJSON_Delete(copy);
  }
  cJSON *ties = NULL;
  cJSON *ranked = metrics_input_compute(in, &default_cfg, &ties);
  g_autoptr(cJSON) streamed = cJSON_CreateObject();
  cJSON_AddItemToObject(streamed, "submissions", ranked);
  cJSON_AddItemToObject(streamed, "ties", ties);
  g_autofree char *got = cJSON_PrintUnformatted(streamed);
  g_assert_cmpstr(got, ==, want);
}

static void
assert_ci_contains(const cJSON *o, const char *value, const char *ci)
{
  const cJSON *v = cJSON_GetObjectItem(o, value);
  const cJSON *iv = cJSON_GetObjectItem(o, ci);
  g_assert_nonnull(v);
  g_assert_nonnull(iv);
  if (cJSON_IsNull(v)) {
    g_assert_true(cJSON_IsNull(iv));
    return;
  }
  double lo = cJSON_GetArrayItem(iv, 0)->valuedouble;
  double hi = cJSON_GetArrayItem(iv, 1)->valuedouble;
  g_assert_cmpfloat(lo, <=, v->valuedouble);
  g_assert_cmpfloat(v->valuedouble, <=, hi);
  g_assert_cmpfloat(lo, <, hi);
}

static void
test_intervals_contain_point(void)
{
  g_autoptr(GPtrArray) recs = random_contest(11, 200, 2);
  g_autoptr(cJSON) subs = contest_subs();
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s;
  double prev = INFINITY;
  int rank = 0;
  cJSON_ArrayForEach(s, cJSON_GetObjectItem(res, "submissions"))
  {
    assert_ci_contains(s, "accuracy", "accuracy_ci");
    assert_ci_contains(s, "nearmiss_accuracy", "nearmiss_ci");
    assert_ci_contains(s, "robustness", "robustness_ci");
    assert_ci_contains(s, "composite", "composite_ci");
    const cJSON *k;
    cJSON_ArrayForEach(k, cJSON_GetObjectItem(s, "by_kind"))
        assert_ci_contains(k, "robustness", "robustness_ci");
    /* Ranked best first, ranks 1, 2, … */
    g_assert_cmpfloat(num(s, "composite"), <=, prev);
    prev = num(s, "composite");
    g_assert_cmpfloat(num(s, "rank"), ==, ++rank);
  }
  g_assert_cmpint(rank, ==, 5);
  /* 0.85 vs 0.3 skill: the best and the worst are in different groups. */
  const cJSON *arr = cJSON_GetObjectItem(res, "submissions");
  g_assert_cmpfloat(num(cJSON_GetArrayItem(arr, 0), "tie_group"), <,
                    num(cJSON_GetArrayItem(arr, 4), "tie_group"));
  g_assert_cmpstr(
      cJSON_GetObjectItem(cJSON_GetArrayItem(arr, 4), "id")->valuestring, ==,
      "langson");
}

/* Tie groups chain: a group changes exactly where vs_next is separable, and
 * "ties" lists the groups of two or more. */
static void
test_tie_groups_consistent(void)
{
  g_autoptr(GPtrArray) recs = random_contest(3, 150, 1);
  g_autoptr(cJSON) subs = contest_subs();
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *arr = cJSON_GetObjectItem(res, "submissions");
  int n = cJSON_GetArraySize(arr), in_ties = 0;
  for (int i = 0; i + 1 < n; i++) {
    const cJSON *a = cJSON_GetArrayItem(arr, i);
    const cJSON *b = cJSON_GetArrayItem(arr, i + 1);
    const cJSON *vs = cJSON_GetObjectItem(a, "vs_next");
    g_assert_cmpstr(cJSON_GetObjectItem(vs, "id")->valuestring, ==,
                    cJSON_GetObjectItem(b, "id")->valuestring);
    gboolean sep = cJSON_IsTrue(cJSON_GetObjectItem(vs, "separable"));
    g_assert_cmpfloat(num(b, "tie_group") - num(a, "tie_group"), ==,
                      sep ? 1 : 0);
    if (sep)
      g_assert_cmpfloat(num(a, "vs_next.p_composite"), <, 0.05);
  }
  const cJSON *g;
  cJSON_ArrayForEach(g, cJSON_GetObjectItem(res, "ties"))
  {
    g_assert_cmpint(cJSON_GetArraySize(g), >=, 2);
    in_ties += cJSON_GetArraySize(g);
  }
  g_assert_cmpint(in_ties, <=, n);
}

static void
test_separable_rule(void)
{
  static const struct {
    double gap, p_comp, p_mcn, share;
    gboolean want;
  } cases[] = {
    { 0.10, 0.002, 0.001, 0.9, TRUE },  /* accuracy-driven, both agree */
    { 0.10, 0.002, 0.200, 0.9, FALSE }, /* accuracy-driven, McNemar not */
    { 0.10, 0.002, 1.000, 0.0, TRUE },  /* latency-driven: McNemar moot */
    { 0.10, 0.060, 0.001, 0.9, FALSE }, /* composite not significant */
    { 0.10, 0.050, 0.001, 0.9, FALSE }, /* 0.05 is not < 0.05 */
    { 0.00, 0.002, 0.001, 0.0, FALSE }, /* equal composites */
    { 0.10, 0.010, 0.300, 0.49, TRUE }, { 0.10, 0.010, 0.300, 0.50, FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS(cases); i++)
    g_assert_cmpint(rank_separable(cases[i].gap, cases[i].p_comp,
                                   cases[i].p_mcn, cases[i].share),
                    ==, cases[i].want);
}

/* Latency alone separates two submissions with the same answers: McNemar
 * says nothing (p = 1) and is not required. */
static void
test_latency_driven_separation(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  for (guint i = 0; i < 100; i++) {
    g_autofree char *item = g_strdup_printf("vienthong-%03u", i);
    add(recs, &(Rec){ .sub = "fast",
                      .item = item,
                      .correct = i < 60,
                      .latency_us = 800000 });
    add(recs, &(Rec){ .sub = "slow",
                      .item = item,
                      .correct = i < 60,
                      .latency_us = i < 20 ? 800000 : 9000000 });
  }
  static const char *const ids[] = { "slow", "fast", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *f = find_sub(res, "fast");
  g_assert_cmpfloat(num(f, "rank"), ==, 1);
  g_assert_cmpfloat(num(f, "vs_next.p_mcnemar"), ==, 1);
  g_assert_true(cJSON_IsTrue(
      cJSON_GetObjectItem(cJSON_GetObjectItem(f, "vs_next"), "separable")));
}

/* The paired design at work: B is A except for 8 questions A answers and B
 * does not (b = 8, c = 0). The two accuracy intervals overlap, yet every
 * resample that draws one of those 8 questions favours A and none favours
 * B, so the pair is separable — as McNemar (mid-p 1/256) agrees. */
static void
test_paired_design(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  for (guint i = 0; i < 100; i++) {
    g_autofree char *item = g_strdup_printf("chungthuc-%03u", i);
    add(recs, &(Rec){ .sub = "a", .item = item, .correct = i < 70 });
    add(recs, &(Rec){ .sub = "b", .item = item, .correct = i < 62 });
  }
  static const char *const ids[] = { "a", "b", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *a = find_sub(res, "a"), *b = find_sub(res, "b");
  const cJSON *ca = cJSON_GetObjectItem(a, "accuracy_ci");
  const cJSON *cb = cJSON_GetObjectItem(b, "accuracy_ci");
  g_assert_cmpfloat(cJSON_GetArrayItem(ca, 0)->valuedouble, <,
                    cJSON_GetArrayItem(cb, 1)->valuedouble);
  g_assert_cmpfloat_with_epsilon(num(a, "vs_next.p_mcnemar"), 1.0 / 256, 1e-9);
  g_assert_cmpfloat(num(a, "vs_next.p_composite"), <, 0.01);
  g_assert_true(cJSON_IsTrue(
      cJSON_GetObjectItem(cJSON_GetObjectItem(a, "vs_next"), "separable")));
  g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(res, "ties")), ==, 0);
}

/* Without variant_kind, the kind comes from the variant name. */
static void
test_kind_from_variant_name(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add(recs, &(Rec){ .sub = "hue", .item = "cutru-001", .correct = TRUE });
  add(recs, &(Rec){ .sub = "hue",
                    .item = "cutru-001",
                    .variant = "hand:telex#2",
                    .correct = TRUE });
  add(recs, &(Rec){ .sub = "hue",
                    .item = "cutru-001",
                    .variant = "telex#1",
                    .correct = FALSE });
  add(recs, &(Rec){ .sub = "hue",
                    .item = "cutru-001",
                    .variant = "no_diacritics#1",
                    .correct = TRUE });
  static const char *const ids[] = { "hue", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *s = find_sub(res, "hue");
  g_assert_cmpfloat(num(s, "by_kind.telex.variants"), ==, 2);
  g_assert_cmpfloat_with_epsilon(num(s, "by_kind.telex.robustness"), 0.5, 1e-9);
  g_assert_cmpfloat(num(s, "by_kind.no_diacritics.variants"), ==, 1);
  g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(s, "by_kind")), ==, 2);
}

static void
test_unknown_submission_kept(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  add_clean_block(recs, "hanoi", 5, 5);
  add_clean_block(recs, "khong-khai-bao", 5, 1);
  static const char *const ids[] = { "hanoi", NULL };
  g_autoptr(cJSON) subs = subs_json(ids);
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  const cJSON *u = find_sub(res, "khong-khai-bao");
  g_assert_cmpstr(cJSON_GetObjectItem(u, "name")->valuestring, ==,
                  "khong-khai-bao");
  g_assert_true(cJSON_IsNull(cJSON_GetObjectItem(u, "province")));
  /* A declared submission without any record is still listed. */
  static const char *const ids2[] = { "hanoi", "camau", NULL };
  g_autoptr(cJSON) subs2 = subs_json(ids2);
  g_autoptr(cJSON) res2 = metrics_compute(recs, subs2, &default_cfg);
  const cJSON *cm = find_sub(res2, "camau");
  g_assert_cmpfloat(num(cm, "items"), ==, 0);
  g_assert_cmpfloat(num(cm, "composite"), ==, 0);
  g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(res2, "submissions")),
                  ==, 3);
}

static void
test_empty(void)
{
  g_autoptr(GPtrArray) recs = records_new();
  g_autoptr(cJSON) subs = cJSON_CreateArray();
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  g_autofree char *j = cJSON_PrintUnformatted(res);
  g_assert_cmpstr(j, ==, "{\"submissions\":[],\"ties\":[]}");
}

/* The contest size of the brief: 34 submissions × 1000 items × (1 clean +
 * 5 variants), 1000 resamples. No timing assertion; run with -m slow and
 * time it (METRICS.md gives the figure). */
/* rank.c sums a resample per class of equal cells; the intervals must be
 * exactly those of the plain Σ count × cell with the same draws. 3
 * submissions × 300 items with cells from a few values, recomputed here
 * with stats_resample_counts and the type-7 interval. */
static void
check_bootstrap_matches_direct(gboolean distinct)
{
  enum { SUBS = 3, ITEMS = 300, R = 200 };
  g_autoptr(RankTable) t = rank_table_new(SUBS, ITEMS, 0);
  StatsRng fill;
  stats_rng_init(&fill, 99);
  for (guint s = 0; s < SUBS; s++)
    for (guint i = 0; i < ITEMS; i++) {
      gint32 *c = rank_table_cell(t, s, i);
      c[RANK_CLEAN_N] = 1 + (gint32)stats_rng_below(&fill, 2);
      c[RANK_CLEAN_OK] = (gint32)stats_rng_below(&fill, c[RANK_CLEAN_N] + 1);
      c[RANK_LAT_N] = c[RANK_REC_N] = c[RANK_CLEAN_N];
      c[RANK_LAT_OK] = c[RANK_CLEAN_OK];
      /* Every cell different: more classes than fit a byte. */
      if (distinct)
        c[RANK_LAT_N] += (gint32)i;
    }
  MetricsConfig cfg = default_cfg;
  cfg.resamples = R;
  const char *ids[SUBS] = { "a", "b", "c" };
  g_autoptr(RankOutcome) o = rank_compute(t, ids, &cfg);
  StatsRng rng;
  stats_rng_init(&rng, cfg.seed);
  guint counts[ITEMS];
  double acc[SUBS][R];
  for (guint r = 0; r < R; r++) {
    stats_resample_counts(&rng, ITEMS, counts);
    for (guint s = 0; s < SUBS; s++) {
      gint64 ok = 0, n = 0;
      for (guint i = 0; i < ITEMS; i++) {
        ok += (gint64)counts[i] * rank_table_cell(t, s, i)[RANK_CLEAN_OK];
        n += (gint64)counts[i] * rank_table_cell(t, s, i)[RANK_CLEAN_N];
      }
      acc[s][r] = (double)ok / (double)n;
    }
  }
  for (guint s = 0; s < SUBS; s++) {
    double lo, hi;
    stats_percentile_interval(acc[s], R, 0.95, &lo, &hi);
    g_assert_cmpfloat(o->results[s].accuracy.lo, ==, lo);
    g_assert_cmpfloat(o->results[s].accuracy.hi, ==, hi);
  }
}

static void
test_bootstrap_matches_direct(void)
{
  check_bootstrap_matches_direct(FALSE); /* a few classes */
  check_bootstrap_matches_direct(TRUE);  /* 300 classes */
}

static void
test_contest_size(void)
{
  if (!g_test_slow()) {
    g_test_skip("contest-size run only with -m slow");
    return;
  }
  g_autoptr(GPtrArray) recs = records_new();
  g_autoptr(cJSON) subs = cJSON_CreateArray();
  g_autoptr(GRand) rand = g_rand_new_with_seed(34);
  static const char *const kinds[]
      = { "no_diacritics", "telex", "vni", "typo", "abbrev" };
  for (int s = 0; s < 34; s++) {
    g_autofree char *id = g_strdup_printf("tinh-%02d", s);
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "id", id);
    cJSON_AddItemToArray(subs, o);
    for (int i = 0; i < 1000; i++) {
      g_autofree char *item = g_strdup_printf("item-%04d", i);
      add(recs, &(Rec){ .sub = id,
                        .item = item,
                        .correct = g_rand_double(rand) < 0.3 + s * 0.02,
                        .latency_us = g_rand_int_range(rand, 1000, 5000000) });
      for (int k = 0; k < 5; k++)
        add(recs, &(Rec){ .sub = id,
                          .item = item,
                          .variant = kinds[k],
                          .kind = kinds[k],
                          .correct = g_rand_double(rand) < 0.5,
                          .latency_us = 100000 });
    }
  }
  gint64 t0 = g_get_monotonic_time();
  g_autoptr(cJSON) res = metrics_compute(recs, subs, &default_cfg);
  g_test_message("metrics_compute: %.2f s",
                 (g_get_monotonic_time() - t0) / 1e6);
  g_assert_cmpint(cJSON_GetArraySize(cJSON_GetObjectItem(res, "submissions")),
                  ==, 34);
}

int
main(int argc, char **argv)
{
  g_test_init(&argc, &argv, NULL);
  g_test_add_func("/metrics/identical-tie", test_identical_tie);
  g_test_add_func("/metrics/clearly-different", test_clearly_different);
  g_test_add_func("/metrics/failed-request", test_failed_request);
  g_test_add_func("/metrics/robustness-example", test_robustness_example);
  g_test_add_func("/metrics/no-variants-renormalized",
                  test_no_variants_renormalized);
  g_test_add_func("/metrics/latency", test_latency);
  g_test_add_func("/metrics/latency-none", test_latency_none);
  g_test_add_func("/metrics/hallucination", test_hallucination);
  g_test_add_func("/metrics/off-topic", test_off_topic);
  g_test_add_func("/metrics/capacity", test_capacity);
  g_test_add_func("/metrics/determinism", test_determinism);
  g_test_add_func("/metrics/intervals-contain-point",
                  test_intervals_contain_point);
  g_test_add_func("/metrics/tie-groups-consistent", test_tie_groups_consistent);
  g_test_add_func("/metrics/separable-rule", test_separable_rule);
  g_test_add_func("/metrics/latency-driven-separation",
                  test_latency_driven_separation);
  g_test_add_func("/metrics/paired-design", test_paired_design);
  g_test_add_func("/metrics/kind-from-variant-name",
                  test_kind_from_variant_name);
  g_test_add_func("/metrics/unknown-submission", test_unknown_submission_kept);
  g_test_add_func("/metrics/empty", test_empty);
  g_test_add_func("/metrics/streamed-records", test_streamed_records);
  g_test_add_func("/metrics/bootstrap-matches-direct",
                  test_bootstrap_matches_direct);
  g_test_add_func("/metrics/contest-size", test_contest_size);
  return g_test_run();
}
