/* Issue 15's integrity checks, module by module: variant names with their
 * round (rundir/variant.h), the round-by-round firing order
 * (harness/plan.h), pass^k, pass@k and the flip share and ranking by
 * pass^k (scoring/metrics.h), look-alike submissions
 * (scoring/lookalike.h), canaries (scoring/canary.h), and the coin
 * mock's draws (submissions/mock/mock_coin.h). */
#include <math.h>
#include <string.h>

#include "harness/plan.h"
#include "rundir/run_manifest.h"
#include "rundir/variant.h"
#include "scoring/canary.h"
#include "scoring/lookalike.h"
#include "scoring/metrics.h"
#include "submissions/mock/mock_coin.h"
#include "testsets/testset.h"
#include "vb-test.h"

/* ---- variant names ---- */

static void
test_variant (void)
{
  struct {
    const char *name;
    guint round;
    gsize base;
    gboolean clean;
  } cases[] = {
    { "clean", 1, 5, TRUE },           { "clean@2", 2, 5, TRUE },
    { "clean@17", 17, 5, TRUE },       { "telex#1", 1, 7, FALSE },
    { "telex#1@3", 3, 7, FALSE },      { "hand:nfd#0@2", 2, 10, FALSE },
    { "clean@1", 1, 7, FALSE },        { "clean@02", 1, 8, FALSE },
    { "clean@", 1, 6, FALSE },         { "clean@x", 1, 7, FALSE },
    { "@2", 1, 2, FALSE },             { "cleanx", 1, 6, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_assert_cmpuint (variant_round (cases[i].name), ==, cases[i].round);
    g_assert_cmpuint (variant_base_len (cases[i].name), ==, cases[i].base);
    g_assert_cmpint (variant_is_clean (cases[i].name), ==, cases[i].clean);
  }
  g_assert_true (variant_is_clean (NULL));
  g_assert_cmpuint (variant_round (NULL), ==, 1);
  g_autofree char *a = variant_with_round ("telex#1", 3);
  g_autofree char *b = variant_with_round ("clean", 1);
  g_assert_cmpstr (a, ==, "telex#1@3");
  g_assert_cmpstr (b, ==, "clean");
}

/* ---- the order of a repeated contest ---- */

static void
test_order_rounds (void)
{
  /* One round is the plain order: an old run resumes as it was fired. */
  g_autofree guint *plain = plan_order (30, 7, "hue");
  g_autofree guint *one = plan_order_rounds (30, 1, 7, "hue");
  g_assert_cmpmem (plain, 30 * sizeof (guint), one, 30 * sizeof (guint));
  g_autofree guint *o = plan_order_rounds (30, 3, 7, "hue");
  g_autofree guint *block = plan_order (10, 7, "hue");
  gboolean seen[30] = { 0 };
  for (guint r = 0; r < 3; r++)
    for (guint i = 0; i < 10; i++) {
      /* round r's block, in the same order as every round */
      g_assert_cmpuint (o[r * 10 + i], ==, r * 10 + block[i]);
      g_assert_false (seen[o[r * 10 + i]]);
      seen[o[r * 10 + i]] = TRUE;
    }
  /* a question's rounds are a whole round apart */
  for (guint u = 0; u < 10; u++) {
    guint at[3] = { 0 };
    for (guint p = 0; p < 30; p++)
      if (o[p] % 10 == u)
        at[o[p] / 10] = p;
    g_assert_cmpuint (at[1] - at[0], ==, 10);
    g_assert_cmpuint (at[2] - at[1], ==, 10);
  }
}

/* ---- metrics of a repeated contest ---- */

static ScoreRecord
rec (const char *sub, const char *item, const char *variant, gboolean ok)
{
  ScoreRecord r = { 0 };
  r.submission = sub;
  r.testset = "practice";
  r.item = item;
  r.category = "cu-tru";
  r.variant = variant;
  r.variant_kind = "clean";
  r.correct = ok;
  r.score = ok;
  r.requests = 1;
  return r;
}

/* Submission "lat" right in rounds given by the pattern of each item
 * ("111", "101", …); "ben" right every time. */
static cJSON *
repeated (const char *const *patterns, guint n, gboolean pass_k)
{
  g_autoptr (cJSON) subs = cJSON_Parse ("[{\"id\": \"lat\"}, {\"id\": "
                                        "\"ben\"}]");
  g_autoptr (GArray) list = run_manifest_submissions_of (subs);
  g_autoptr (MetricsInput) in = metrics_input_new (list);
  static const char *const names[] = { "clean", "clean@2", "clean@3" };
  for (guint i = 0; i < n; i++) {
    g_autofree char *item = g_strdup_printf ("cutru-%03u", i);
    for (guint k = 0; k < 3; k++) {
      ScoreRecord a = rec ("lat", item, names[k], patterns[i][k] == '1');
      ScoreRecord b = rec ("ben", item, names[k], TRUE);
      metrics_input_add (in, &a);
      metrics_input_add (in, &b);
    }
  }
  MetricsConfig cfg = { .w_accuracy = 1, .sla_ms = 3000, .seed = 1,
                        .resamples = 200, .rank_pass_k = pass_k };
  cJSON *ties = NULL;
  cJSON *ranked = metrics_input_compute (in, &cfg, &ties);
  cJSON_Delete (ties);
  return ranked;
}

static const cJSON *
sub_of (const cJSON *ranked, const char *id)
{
  const cJSON *s;
  cJSON_ArrayForEach (s, ranked)
    if (strcmp (cJSON_GetStringValue (cJSON_GetObjectItem (s, "id")), id) == 0)
      return s;
  g_assert_not_reached ();
}

static double
num_at (const cJSON *o, const char *a, const char *b)
{
  const cJSON *x = cJSON_GetObjectItem (o, a);
  if (b)
    x = cJSON_GetObjectItem (x, b);
  g_assert_true (cJSON_IsNumber (x));
  return x->valuedouble;
}

static void
test_metrics_repeat (void)
{
  /* 4 items: right every time, twice, once, never */
  const char *const p[] = { "111", "110", "001", "000" };
  g_autoptr (cJSON) mean = repeated (p, 4, FALSE);
  const cJSON *lat = sub_of (mean, "lat");
  g_assert_cmpfloat (num_at (lat, "repeat", "rounds"), ==, 3);
  g_assert_cmpfloat (num_at (lat, "repeat", "items"), ==, 4);
  g_assert_cmpfloat (num_at (lat, "repeat", "pass_all"), ==, 1);
  g_assert_cmpfloat (num_at (lat, "repeat", "pass_any"), ==, 3);
  g_assert_cmpfloat (num_at (lat, "repeat", "flips"), ==, 2);
  g_assert_cmpfloat (num_at (lat, "repeat", "pass_k"), ==, 0.25);
  g_assert_cmpfloat (num_at (lat, "repeat", "pass_at_k"), ==, 0.75);
  g_assert_cmpfloat (num_at (lat, "repeat", "flip_share"), ==, 0.5);
  /* every round counts: 6 right answers of 12 */
  g_assert_cmpfloat (num_at (lat, "items", NULL), ==, 12);
  g_assert_cmpfloat (num_at (lat, "correct", NULL), ==, 6);
  g_assert_cmpfloat (num_at (lat, "accuracy", NULL), ==, 0.5);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (
                       cJSON_GetObjectItem (lat, "repeat"), "ranked_by")),
                   ==, "mean");
  /* ranked by pass^k: one outcome per item, right only when right 3/3 */
  g_autoptr (cJSON) pk = repeated (p, 4, TRUE);
  lat = sub_of (pk, "lat");
  g_assert_cmpfloat (num_at (lat, "items", NULL), ==, 4);
  g_assert_cmpfloat (num_at (lat, "correct", NULL), ==, 1);
  g_assert_cmpfloat (num_at (lat, "accuracy", NULL), ==, 0.25);
  g_assert_cmpfloat (num_at (lat, "repeat", "pass_k"), ==, 0.25);
  const cJSON *ci = cJSON_GetObjectItem (lat, "accuracy_ci");
  g_assert_cmpfloat (cJSON_GetArrayItem (ci, 0)->valuedouble, <=, 0.25);
  g_assert_cmpfloat (num_at (sub_of (pk, "ben"), "accuracy", NULL), ==, 1);
  g_assert_cmpfloat (num_at (sub_of (pk, "ben"), "repeat", "flip_share"), ==,
                     0);
}

static void
test_metrics_unrepeated (void)
{
  g_autoptr (cJSON) subs = cJSON_Parse ("[{\"id\": \"hue\"}]");
  g_autoptr (GArray) list = run_manifest_submissions_of (subs);
  g_autoptr (MetricsInput) in = metrics_input_new (list);
  ScoreRecord a = rec ("hue", "cutru-001", "clean", TRUE);
  metrics_input_add (in, &a);
  MetricsConfig cfg = { .w_accuracy = 1, .seed = 1, .resamples = 100 };
  cJSON *ties = NULL;
  g_autoptr (cJSON) ranked = metrics_input_compute (in, &cfg, &ties);
  cJSON_Delete (ties);
  /* no "repeat" object: an unrepeated run's results stay as they were */
  g_assert_null (cJSON_GetObjectItem (cJSON_GetArrayItem (ranked, 0),
                                      "repeat"));
}

/* ---- look-alikes ---- */

static ScoreTurn turns_buf[64];
static guint turns_used;

static ScoreRecord
answered (const char *sub, const char *item, const char *answer)
{
  ScoreRecord r = rec (sub, item, "clean", TRUE);
  ScoreTurn *t = &turns_buf[turns_used++ % G_N_ELEMENTS (turns_buf)];
  *t = (ScoreTurn) { .turn = 0, .question = "?", .answer = answer };
  r.turns = t;
  r.n_turns = 1;
  return r;
}

static void
test_simhash (void)
{
  const char *a = "Lệ phí đăng ký tạm trú là 15.000 đồng nếu nộp trực tiếp, "
                  "7.000 đồng nếu nộp trực tuyến; thời hạn 03 ngày làm việc "
                  "tại Công an cấp xã.";
  /* The same text in other markup, case and tone placement. */
  const char *same = "**LỆ PHÍ** đăng ký tạm trú là 15.000 đồng nếu nộp trực "
                     "tiếp, 7.000 đồng nếu nộp trực tuyến; thời hạn 03 ngày "
                     "làm việc tại Công an cấp xã!";
  const char *near = "Lệ phí đăng ký tạm trú là 15.000 đồng nếu nộp trực "
                     "tiếp, 7.000 đồng nếu nộp trực tuyến; thời hạn 03 ngày "
                     "làm việc tại Công an xã.";
  const char *other = "Bạn nộp hồ sơ tại Công an cấp xã, trực tuyến qua "
                      "VNeID thì phí 7.000 đồng, còn trực tiếp 15.000 đồng, "
                      "có kết quả trong ba ngày làm việc.";
  guint64 ha = lookalike_simhash (a);
  g_assert_cmpuint (lookalike_simhash (same), ==, ha);
  g_assert_cmpint (__builtin_popcountll (ha ^ lookalike_simhash (near)), <=,
                   LOOKALIKE_MAX_BITS);
  g_assert_cmpint (__builtin_popcountll (ha ^ lookalike_simhash (other)), >,
                   LOOKALIKE_MAX_BITS);
}

static void
test_lookalike (void)
{
  g_autoptr (cJSON) subs = cJSON_Parse (
      "[{\"id\": \"a\"}, {\"id\": \"b\"}, {\"id\": \"c\"}]");
  g_autoptr (GArray) list = run_manifest_submissions_of (subs);
  g_autoptr (Lookalike) l = lookalike_new (list);
  for (guint i = 0; i < 30; i++) {
    g_autofree char *item = g_strdup_printf ("cutru-%03u", i);
    g_autofree char *same = g_strdup_printf (
        "Thủ tục số %u: nộp hồ sơ tại Công an cấp xã, lệ phí 15.000 đồng, "
        "thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.", i);
    g_autofree char *own = g_strdup_printf (
        "Câu %u — bạn cần đến bộ phận một cửa, mang theo giấy tờ tùy thân; "
        "chi phí và thời gian tùy từng trường hợp cụ thể nhé.", i);
    /* b differs from a on 4 items of 30: 26/30 = 0.87 ≥ 0.8 */
    ScoreRecord ra = answered ("a", item, same);
    ScoreRecord rb = answered ("b", item, i < 4 ? own : same);
    ScoreRecord rc = answered ("c", item, i % 2 ? same : own);
    gboolean hidden = i >= 25;
    lookalike_add (l, &ra, hidden);
    lookalike_add (l, &rb, hidden);
    lookalike_add (l, &rc, hidden);
  }
  /* a failed record is not compared */
  ScoreRecord fa = answered ("a", "cutru-999", "Lỗi");
  fa.error_class = FAILURE_TIMEOUT;
  ScoreRecord fb = answered ("b", "cutru-999", "Lỗi");
  lookalike_add (l, &fa, FALSE);
  lookalike_add (l, &fb, FALSE);
  g_autoptr (cJSON) res = lookalike_result (l);
  const cJSON *pairs = cJSON_GetObjectItem (res, "pairs");
  g_assert_cmpint (cJSON_GetArraySize (pairs), ==, 1);
  const cJSON *p = cJSON_GetArrayItem (pairs, 0);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (p, "a")), ==,
                   "a");
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (p, "b")), ==,
                   "b");
  g_assert_cmpfloat (num_at (p, "compared", NULL), ==, 30);
  g_assert_cmpfloat (num_at (p, "near_identical", NULL), ==, 26);
  g_assert_cmpfloat (num_at (p, "share", NULL), ==, 0.866667);
  /* examples quote public answers only (items 0–24), the longest kept */
  const cJSON *ex = cJSON_GetObjectItem (p, "examples");
  g_assert_cmpint (cJSON_GetArraySize (ex), ==, LOOKALIKE_EXAMPLES);
  const cJSON *e;
  cJSON_ArrayForEach (e, ex)
  {
    const char *item = cJSON_GetStringValue (cJSON_GetObjectItem (e, "item"));
    g_assert_cmpstr (item, <, "cutru-025");
    g_assert_cmpstr (item, >=, "cutru-010"); /* two-digit numbers: longer */
  }
}

/* Submissions the manifest does not list still pair up, and the pairs
 * counted before the table grew are kept. */
static void
test_lookalike_unlisted (void)
{
  g_autoptr (cJSON) subs = cJSON_Parse ("[{\"id\": \"a\"}]");
  g_autoptr (GArray) list = run_manifest_submissions_of (subs);
  g_autoptr (Lookalike) l = lookalike_new (list);
  const char *ids[] = { "a", "tinh-x", "tinh-y", "tinh-z", "tinh-w" };
  for (guint i = 0; i < 25; i++) {
    g_autofree char *item = g_strdup_printf ("hochieu-%03u", i);
    g_autofree char *text = g_strdup_printf (
        "Câu %u: lệ phí cấp hộ chiếu phổ thông lần đầu là 200.000 đồng, "
        "nộp tại Công an cấp tỉnh hoặc qua Cổng dịch vụ công.", i);
    /* one more submission joins every five items */
    for (guint s = 0; s <= MIN (i / 5, 4u); s++) {
      ScoreRecord r = answered (ids[s], item, text);
      lookalike_add (l, &r, FALSE);
    }
  }
  g_autoptr (cJSON) res = lookalike_result (l);
  const cJSON *pairs = cJSON_GetObjectItem (res, "pairs");
  /* a and tinh-x answered all 25 and 20 items alike */
  const cJSON *p = cJSON_GetArrayItem (pairs, 0);
  g_assert_nonnull (p);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (p, "a")), ==,
                   "a");
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (p, "b")), ==,
                   "tinh-x");
  g_assert_cmpfloat (num_at (p, "compared", NULL), ==, 20);
  g_assert_cmpfloat (num_at (p, "near_identical", NULL), ==, 20);
  /* tinh-w joined for the last 5 items: below the minimum compared */
  const cJSON *q;
  cJSON_ArrayForEach (q, pairs)
  {
    g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (q, "b")), !=,
                     "tinh-w");
  }
}

/* ---- canaries ---- */

static const char set_text[] =
    "{\"testset\": {\"name\": \"an\", \"canary\": "
    "\"vabench-canary-0123456789ab\"}}\n"
    "{\"id\": \"can-001\", \"category\": \"x\", \"kind\": \"unanswerable\", "
    "\"question\": \"Giấy phép nuôi chim lạc xin ở đâu?\", \"facts\": "
    "[{\"type\": \"refusal\", \"any_of\": [\"không có thông tin\"]}], "
    "\"canary\": [\"Ban Chim Lạc\"], \"legal_basis\": [\"thử\"], "
    "\"valid_as_of\": \"2026-12-03\", \"source\": \"thử\", \"review\": "
    "\"reviewed\"}\n"
    "{\"id\": \"thuong-001\", \"category\": \"x\", \"kind\": \"unanswerable\", "
    "\"question\": \"Hỏi gì đó?\", \"facts\": [{\"type\": \"refusal\", "
    "\"any_of\": [\"không có thông tin\"]}], \"legal_basis\": [\"thử\"], "
    "\"valid_as_of\": \"2026-12-03\", \"source\": \"thử\", \"review\": "
    "\"reviewed\"}\n";

static void
test_canary (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vb-canary-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "an.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, set_text, -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (Testset) set = testset_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (set->canary, ==, "vabench-canary-0123456789ab");
  g_assert_cmpstr (testset_lookup (set, "can-001")->canary[0], ==,
                   "Ban Chim Lạc");
  g_assert_null (testset_lookup (set, "thuong-001")->canary);
  g_autoptr (GPtrArray) sets = g_ptr_array_new ();
  g_ptr_array_add (sets, set);
  g_autoptr (Canary) c = canary_new (sets);
  g_assert_true (canary_armed (c));
  struct {
    const char *sub, *item, *answer;
    guint hits;
  } cases[] = {
    { "a", "can-001", "Xin lỗi, tôi không có thông tin.", 0 },
    { "b", "can-001", "Giấy phép do **BAN CHIM LẠC** Trung ương cấp.", 1 },
    { "b", "can-001", "Ban Chim Lạcx là tên khác.", 0 }, /* whole words */
    { "c", "thuong-001", "Xem VABENCH-CANARY-0123456789AB nhé.", 1 },
    { "c", "thuong-001", "Mã vabench-canary-0123456789a thiếu một số.", 0 },
    { "d", "thuong-001", "Ban Chim Lạc (not a canary item).", 0 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    ScoreRecord r = answered (cases[i].sub, cases[i].item, cases[i].answer);
    r.testset = "an";
    g_assert_cmpuint (canary_check (c, &r), ==, cases[i].hits);
  }
  g_autoptr (cJSON) res = canary_result (c);
  g_assert_cmpfloat (num_at (res, "strings", NULL), ==, 1);
  g_assert_cmpfloat (num_at (res, "items", NULL), ==, 1);
  const cJSON *hits = cJSON_GetObjectItem (res, "hits");
  g_assert_cmpint (cJSON_GetArraySize (hits), ==, 2);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (
                       cJSON_GetArrayItem (hits, 0), "found")),
                   ==, "phrase");
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (
                       cJSON_GetArrayItem (hits, 1), "found")),
                   ==, "string");
  g_assert_cmpfloat (num_at (res, "by_submission", "b"), ==, 1);
  g_assert_null (cJSON_GetObjectItem (cJSON_GetObjectItem (res,
                                                           "by_submission"),
                                      "a"));
  vbt_rm_rf (dir);
}

static void
test_canary_refused (void)
{
  const char *bad[] = {
    "{\"testset\": {\"name\": \"x\", \"canary\": \"short\"}}\n",
    "{\"testset\": {\"name\": \"x\", \"canary\": \"vabench canary 1234\"}}\n",
  };
  g_autofree char *dir = g_dir_make_tmp ("vb-canary-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "x.jsonl", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
    g_autofree char *text = g_strconcat (bad[i], strchr (set_text, '\n') + 1,
                                         NULL);
    g_assert_true (g_file_set_contents (path, text, -1, NULL));
    g_autoptr (GError) error = NULL;
    g_autoptr (Testset) set = testset_load (path, &error);
    g_assert_null (set);
    g_assert_nonnull (strstr (error->message, "field \"canary\""));
  }
  vbt_rm_rf (dir);
}

/* ---- the coin mock ---- */

static void
test_coin (void)
{
  g_autoptr (MockCoin) c = mock_coin_new (7, 0.7);
  guint n = 20000, ok = 0, all = 0, flips = 0;
  for (guint i = 0; i < n; i++) {
    g_autofree char *q = g_strdup_printf ("Câu hỏi số %u?", i);
    guint k = 0;
    for (guint r = 0; r < 3; r++)
      k += mock_coin_right (c, q);
    ok += k;
    all += k == 3;
    flips += k == 1 || k == 2;
  }
  /* σ of a share over 20,000 items is at most 0.0035 */
  g_assert_cmpfloat (fabs ((double) ok / (3 * n) - 0.7), <, 0.015);
  g_assert_cmpfloat (fabs ((double) all / n - 0.343), <, 0.015);
  g_assert_cmpfloat (fabs ((double) flips / n - 0.63), <, 0.015);
  /* the draws depend on the text and how often it was asked, not on what
   * else was asked in between */
  g_autoptr (MockCoin) x = mock_coin_new (7, 0.7);
  g_autoptr (MockCoin) y = mock_coin_new (7, 0.7);
  for (guint r = 0; r < 5; r++) {
    gboolean a = mock_coin_right (x, "Lệ phí tạm trú?");
    (void) mock_coin_right (y, "Câu khác xen vào");
    gboolean b = mock_coin_right (y, "Lệ phí tạm trú?");
    g_assert_cmpint (a, ==, b);
  }
  g_autoptr (MockCoin) never = mock_coin_new (7, 0);
  g_autoptr (MockCoin) always = mock_coin_new (7, 1);
  for (guint i = 0; i < 100; i++) {
    g_assert_false (mock_coin_right (never, "?"));
    g_assert_true (mock_coin_right (always, "?"));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/variant/rounds", test_variant);
  g_test_add_func ("/plan/order-rounds", test_order_rounds);
  g_test_add_func ("/metrics/repeat", test_metrics_repeat);
  g_test_add_func ("/metrics/unrepeated", test_metrics_unrepeated);
  g_test_add_func ("/lookalike/simhash", test_simhash);
  g_test_add_func ("/lookalike/unlisted", test_lookalike_unlisted);
  g_test_add_func ("/lookalike/pairs", test_lookalike);
  g_test_add_func ("/canary/check", test_canary);
  g_test_add_func ("/canary/refused", test_canary_refused);
  g_test_add_func ("/mock/coin", test_coin);
  return g_test_run ();
}
