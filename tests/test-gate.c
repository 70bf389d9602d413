/* The CI gate and run diff: expression grammar, exit outcomes 0/1/2 through
 * the library, baseline flips with McNemar, --max-drop, and diff's
 * question-set hash check. */
#include <glib/gstdio.h>
#include <string.h>

#include "reports/diff.h"
#include "reports/gate.h"

static void
test_parse_good (void)
{
  static const struct {
    const char *expr, *metric;
    GateOp op;
    double value;
  } cases[] = {
    { "accuracy>=0.80", "accuracy", GATE_GE, 0.80 },
    { "  p95_ms <= 3000 ", "p95_ms", GATE_LE, 3000 },
    { "errors==0", "errors", GATE_EQ, 0 },
    { "rank!=2", "rank", GATE_NE, 2 },
    { "composite>0.5", "composite", GATE_GT, 0.5 },
    { "hallucination_rate<1e-2", "hallucination_rate", GATE_LT, 0.01 },
    { "by_kind.telex.drop<=0.1", "by_kind.telex.drop", GATE_LE, 0.1 },
    { "mean_ms>=-1", "mean_ms", GATE_GE, -1 },
    { "accuracy>=80%", "accuracy", GATE_GE, 0.80 },
    { "composite >= 72.5 %", "composite", GATE_GE, 0.725 },
    { "by_kind.telex.drop<=5%", "by_kind.telex.drop", GATE_LE, 0.05 },
    { "accuracy>=1", "accuracy", GATE_GE, 1 },
    { "p95_ms<=3000", "p95_ms", GATE_LE, 3000 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GateRule) r = gate_rule_parse (cases[i].expr, &error);
    g_assert_no_error (error);
    g_assert_nonnull (r);
    g_assert_cmpstr (r->metric, ==, cases[i].metric);
    g_assert_cmpint (r->op, ==, cases[i].op);
    g_assert_cmpfloat_with_epsilon (r->value, cases[i].value, 1e-12);
  }
}

static void
test_parse_bad (void)
{
  static const char *const bad[] = {
    "", "accuracy", ">=0.8", "accuracy=>0.8", "accuracy>=", "accuracy>=abc",
    "accuracy>=0.8x", "accuracy = 0.8", "độ_chính_xác>=0.8", "accuracy>=nan",
    "accuracy >= 0.8 0.9", "1accuracy>=0",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GateRule) r = gate_rule_parse (bad[i], &error);
    g_assert_null (r);
    g_assert_error (error, GATE_ERROR, GATE_ERROR_EXPR);
    g_assert_nonnull (strstr (error->message, bad[i]));
  }
}

/* A rate past 1 (or 100%), a % on a count and a decimal comma are refused with a
 * message that says what to write. */
static void
test_parse_hints (void)
{
  static const struct {
    const char *expr, *hint;
  } cases[] = {
    { "accuracy>=80", "write accuracy>=0.8 or accuracy>=80%" },
    { "robustness > 95", "write robustness>0.95 or robustness>95%" },
    { "by_category.cu-tru.accuracy>=70",
      "by_category.cu-tru.accuracy>=0.7" },
    { "accuracy>=0,8", "write the decimal with a point (0.8) or as a "
                       "percentage (80%)" },
    { "p95_ms<=80%", "p95_ms is not a share, so % does not apply" },
    { "accuracy>=80%%", "expected a number after the operator" },
    /* a percentage past 100 (tests/fuzz/fuzz-gate took it as 7.8) */
    { "accuracy>=780%", "accuracy is a share from 0 to 100%, not 780%" },
    { "robustness<=-150%", "robustness is a share from 0 to 100%" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (GateRule) r = gate_rule_parse (cases[i].expr, &error);
    g_assert_null (r);
    g_assert_error (error, GATE_ERROR, GATE_ERROR_EXPR);
    if (strstr (error->message, cases[i].hint) == NULL)
      g_test_message ("%s", error->message);
    g_assert_nonnull (strstr (error->message, cases[i].hint));
    g_assert_nonnull (strstr (error->message, cases[i].expr));
  }
  g_assert_true (gate_metric_is_rate ("by_kind.telex.accuracy"));
  g_assert_false (gate_metric_is_rate ("by_kind.telex.variants"));
  g_assert_false (gate_metric_is_rate ("p95_ms"));
}

static void
test_ops (void)
{
  g_assert_true (gate_op_holds (GATE_GE, 0.8, 0.8));
  g_assert_false (gate_op_holds (GATE_GT, 0.8, 0.8));
  g_assert_true (gate_op_holds (GATE_LE, 2999, 3000));
  g_assert_false (gate_op_holds (GATE_LT, 3000, 3000));
  g_assert_true (gate_op_holds (GATE_EQ, 0, 0));
  g_assert_true (gate_op_holds (GATE_NE, 1, 0));
}

static void
test_max_drop_parse (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *metric = NULL;
  double max = -1;
  g_assert_true (gate_max_drop_parse ("accuracy=0.02", &metric, &max, &error));
  g_assert_cmpstr (metric, ==, "accuracy");
  g_assert_cmpfloat_with_epsilon (max, 0.02, 1e-12);
  g_clear_pointer (&metric, g_free);
  g_assert_true (gate_max_drop_parse ("accuracy=2%", &metric, &max, &error));
  g_assert_cmpfloat_with_epsilon (max, 0.02, 1e-12);
  static const char *const bad[] = { "accuracy", "=0.1", "accuracy=",
                                     "accuracy=-1", "a b=1", "accuracy=x",
                                     "p95_ms=5%" };
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
    char *m = NULL;
    g_autoptr (GError) e = NULL;
    g_assert_false (gate_max_drop_parse (bad[i], &m, &max, &e));
    g_assert_error (e, GATE_ERROR, GATE_ERROR_EXPR);
    g_assert_null (m);
  }
}

static const char gate_results[] =
  "{\"contest\": {\"testsets\": [{\"name\": \"practice\", \"sha256\": \"aa\"}]},"
  " \"submissions\": ["
  "  {\"id\": \"hanoi\", \"accuracy\": 0.85, \"p95_ms\": 1200,"
  "   \"nearmiss_accuracy\": 0.7, \"errors\": 0,"
  "   \"by_kind\": {\"telex\": {\"drop\": 0.05}}},"
  "  {\"id\": \"hue\", \"accuracy\": 0.62, \"p95_ms\": 4100,"
  "   \"nearmiss_accuracy\": null, \"errors\": 3, \"by_kind\": {}}]}";

/* The checks behind the gate's lines: one per rule and submission, in
 * rule order, a percentage shown as written. */
static void
test_checks (void)
{
  g_autoptr (cJSON) results = cJSON_Parse (gate_results);
  const char *const requires[] = { "accuracy>=80%", "errors==0", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) checks = gate_checks (
      cJSON_GetObjectItem (results, "submissions"), requires, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 4);
  const GateCheck *c = checks->pdata[1];
  g_assert_cmpstr (c->submission, ==, "hue");
  g_assert_cmpstr (c->name, ==, "accuracy >= 80%");
  g_assert_true (c->percent && c->has_value && !c->ok);
  g_assert_cmpstr (c->line, ==, "FAIL hue: accuracy >= 80% (accuracy = 62%)");
  c = checks->pdata[2];
  g_assert_cmpstr (c->line, ==, "ok   hanoi: errors == 0 (errors = 0)");
  const char *const none[] = { NULL };
  g_autoptr (GPtrArray) empty = gate_checks (
      cJSON_GetObjectItem (results, "submissions"), none, NULL, &error);
  g_assert_cmpuint (empty->len, ==, 0);
}

static int
check (const char *const *requires, const char *sub, GString *out,
       GError **error)
{
  g_autoptr (cJSON) results = cJSON_Parse (gate_results);
  g_assert_nonnull (results);
  return gate_check (cJSON_GetObjectItem (results, "submissions"), requires,
                     sub, out, error);
}

static void
test_check_outcomes (void)
{
  static const struct {
    const char *requires[3];
    const char *sub;
    int rc;
    const char *expect; /* in the output or the error message */
  } cases[] = {
    { { "accuracy>=0.80", NULL }, "hanoi", GATE_PASS,
      "ok   hanoi: accuracy >= 0.8 (accuracy = 0.85)" },
    { { "accuracy>=0.80", "p95_ms<=3000", NULL }, NULL, GATE_FAIL,
      "FAIL hue: p95_ms <= 3000 (p95_ms = 4100)" },
    { { "accuracy>=0.80", NULL }, NULL, GATE_FAIL,
      "FAIL hue: accuracy >= 0.8 (accuracy = 0.62)" },
    { { "nearmiss_accuracy>=0.5", NULL }, NULL, GATE_FAIL,
      "FAIL hue: nearmiss_accuracy >= 0.5 (nearmiss_accuracy = no value)" },
    { { "by_kind.telex.drop<=0.1", NULL }, "hanoi", GATE_PASS,
      "(by_kind.telex.drop = 0.05)" },
    { { "speed>=1", NULL }, NULL, GATE_BAD, "unknown metric \"speed\"" },
    { { "by_kind>=1", NULL }, NULL, GATE_BAD, "not a number" },
    { { "accuracy>>1", NULL }, NULL, GATE_BAD, "accuracy>>1" },
    { { "accuracy>=0.5", NULL }, "quangninh", GATE_BAD, "quangninh" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GString) out = g_string_new (NULL);
    g_autoptr (GError) error = NULL;
    int rc = check (cases[i].requires, cases[i].sub, out, &error);
    g_assert_cmpint (rc, ==, cases[i].rc);
    if (rc == GATE_BAD) {
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].expect));
      g_assert_cmpuint (out->len, ==, 0);
    } else {
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out->str, cases[i].expect));
    }
  }
}

/* Run directories for the baseline and diff cases. */
typedef struct {
  char *root, *base, *cur;
} Runs;

static void
write_file (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_set_contents (path, text, -1, &error));
}

/* n clean items of hanoi; correct[i] for item i; hidden items are the
 * last `hidden` ones. */
static void
write_run (const char *dir, const char *sha, double accuracy,
           const gboolean *correct, guint n, guint hidden)
{
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_autofree char *results = g_strdup_printf (
      "{\"contest\": {\"testsets\": [{\"name\": \"practice\", \"sha256\": "
      "\"%s\"}]}, \"submissions\": [{\"id\": \"hanoi\", \"accuracy\": %g, "
      "\"p95_ms\": 1000, \"rank\": 1}]}", sha, accuracy);
  write_file (dir, "results.json", results);
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (
        s, "{\"submission\": \"hanoi\", \"testset\": \"practice\", "
           "\"item\": \"thutuc-%03u\", \"variant\": \"clean\", "
           "\"hidden\": %s, \"correct\": %s, \"score\": %d}\n"
           "{\"submission\": \"hanoi\", \"testset\": \"practice\", "
           "\"item\": \"thutuc-%03u\", \"variant\": \"telex#1\", "
           "\"hidden\": false, \"correct\": false, \"score\": 0}\n",
        i, i >= n - hidden ? "true" : "false", correct[i] ? "true" : "false",
        correct[i] ? 1 : 0, i);
  write_file (dir, "scores.jsonl", s->str);
}

static void
runs_setup (Runs *r, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  r->root = g_dir_make_tmp ("vabench-gate-XXXXXX", &error);
  g_assert_no_error (error);
  r->base = g_build_filename (r->root, "base", NULL);
  r->cur = g_build_filename (r->root, "cur", NULL);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name (d)) != NULL) {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  }
  (void) g_remove (path);
}

static void
runs_teardown (Runs *r, gconstpointer data)
{
  remove_tree (r->root);
  g_free (r->root);
  g_free (r->base);
  g_free (r->cur);
}

/* 12 clean items, all right in the baseline; now the first `lost` ones and
 * the hidden item 11 are wrong. */
static void
write_pair (Runs *r, guint lost)
{
  gboolean before[12], after[12];
  for (guint i = 0; i < 12; i++) {
    before[i] = TRUE;
    after[i] = i >= lost;
  }
  after[11] = FALSE; /* a hidden item flips too */
  write_run (r->base, "aa", 1.0, before, 12, 1);
  write_run (r->cur, "aa", (11.0 - lost) / 12.0, after, 12, 1);
}

static int
run_gate (Runs *r, const char *const *requires, const char *const *drops,
          GString *out, GError **error)
{
  GateOptions opts = { r->cur, requires, NULL, r->base, drops, FALSE };
  g_autoptr (GPtrArray) checks = NULL;
  int rc = gate_run (&opts, out, &checks, error);
  /* Every threshold and --max-drop line is a check (JUnit's cases). */
  if (rc != GATE_BAD) {
    guint lines = 0;
    for (guint i = 0; i < checks->len; i++)
      lines += strstr (out->str, ((GateCheck *) checks->pdata[i])->line)
               != NULL;
    g_assert_cmpuint (lines, ==, checks->len);
  }
  return rc;
}

static void
test_baseline_flips (Runs *r, gconstpointer data)
{
  write_pair (r, 2);
  const char *const requires[] = { "accuracy>=0.5", NULL };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  int rc = run_gate (r, requires, NULL, out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rc, ==, GATE_PASS);
  g_assert_nonnull (strstr (out->str, "correct → wrong: practice/thutuc-000/clean"));
  g_assert_nonnull (strstr (out->str, "correct → wrong: practice/thutuc-001/clean"));
  g_assert_null (strstr (out->str, "thutuc-011")); /* hidden: count only */
  g_assert_nonnull (strstr (out->str, "1 item(s) of hidden sets"));
  g_assert_nonnull (strstr (out->str, "12 paired clean items, 3 correct → wrong"));
  g_assert_nonnull (strstr (out->str, "no significant drop"));
  g_assert_null (strstr (out->str, "telex"));
}

static void
test_baseline_significant (Runs *r, gconstpointer data)
{
  write_pair (r, 9);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *const drops[] = { "accuracy=0.02", NULL };
  int rc = run_gate (r, NULL, drops, out, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rc, ==, GATE_FAIL);
  g_assert_nonnull (strstr (out->str, "significant drop"));
  g_assert_null (strstr (out->str, "no significant drop"));
  g_assert_nonnull (strstr (out->str, "FAIL hanoi: accuracy drop ≤ 0.02"));
}

static void
test_max_drop_pass_and_bad (Runs *r, gconstpointer data)
{
  write_pair (r, 1);
  const char *const ok[] = { "accuracy=0.5", NULL };
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (run_gate (r, NULL, ok, out, &error), ==, GATE_PASS);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out->str, "ok   hanoi: accuracy drop ≤ 0.5"));
  const char *const bad[] = { "accuracy:0.5", NULL };
  g_assert_cmpint (run_gate (r, NULL, bad, out, &error), ==, GATE_BAD);
  g_assert_error (error, GATE_ERROR, GATE_ERROR_EXPR);
  g_clear_error (&error);
  GateOptions no_base = { r->cur, NULL, NULL, NULL, ok, FALSE };
  g_assert_cmpint (gate_run (&no_base, out, NULL, &error), ==, GATE_BAD);
  g_assert_error (error, GATE_ERROR, GATE_ERROR_EXPR);
  g_clear_error (&error);
  GateOptions missing = { r->root, NULL, NULL, NULL, NULL, FALSE };
  g_assert_cmpint (gate_run (&missing, out, NULL, &error), ==, GATE_BAD);
  g_assert_error (error, GATE_ERROR, GATE_ERROR_INPUT);
}

static void
test_diff (Runs *r, gconstpointer data)
{
  write_pair (r, 2);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (diff_runs (r->base, r->cur, FALSE, out, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out->str, "## hanoi"));
  g_assert_nonnull (strstr (out->str, "accuracy           1 → 0.75 (-0.25)"));
  g_assert_nonnull (strstr (out->str, "correct → wrong: 3"));
  g_assert_nonnull (strstr (out->str, "practice/thutuc-001/clean"));
  g_assert_nonnull (strstr (out->str, "(1 of hidden sets, not listed)"));
  g_assert_nonnull (strstr (out->str, "wrong → correct: 0"));
  /* Swapped order: the flips go the other way. */
  g_string_truncate (out, 0);
  g_assert_true (diff_runs (r->cur, r->base, FALSE, out, &error));
  g_assert_nonnull (strstr (out->str, "wrong → correct: 3"));
}

static void
test_diff_hash_mismatch (Runs *r, gconstpointer data)
{
  gboolean all[2] = { TRUE, TRUE };
  write_run (r->base, "aa", 1.0, all, 2, 0);
  write_run (r->cur, "bb", 1.0, all, 2, 0);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_assert_false (diff_runs (r->base, r->cur, FALSE, out, &error));
  g_assert_error (error, DIFF_ERROR, DIFF_ERROR_TESTSETS);
  g_assert_nonnull (strstr (error->message, "\"practice\""));
  g_assert_nonnull (strstr (error->message, "aa"));
  g_assert_nonnull (strstr (error->message, "bb"));
}

/* results.json of a run scored with set "practice" of hash sha and these
 * item digests (a JSON object). */
static void
write_results_items (const char *dir, const char *sha, const char *items)
{
  g_autofree char *results = g_strdup_printf (
      "{\"contest\": {\"testsets\": [{\"name\": \"practice\", \"sha256\": "
      "\"%s\", \"item_sha256\": %s}]}, \"submissions\": [{\"id\": "
      "\"hanoi\", \"accuracy\": 1, \"p95_ms\": 1000, \"rank\": 1}]}",
      sha, items);
  write_file (dir, "results.json", results);
}

/* A key corrected in one item, one item added, one of a hidden set
 * changed: diff and gate refuse, naming the set and the items; told
 * --allow-different-sets they compare and list them first. */
static void
test_different_sets_listed (Runs *r, gconstpointer data)
{
  gboolean all[3] = { TRUE, TRUE, TRUE };
  write_run (r->base, "aa", 1.0, all, 3, 0);
  write_run (r->cur, "bb", 1.0, all, 3, 0);
  write_results_items (r->base, "aa11",
                       "{\"thutuc-000\": \"0001\", \"thutuc-001\": "
                       "\"0002\", \"#h1\": \"0003\"}");
  write_results_items (r->cur, "bb22",
                       "{\"thutuc-000\": \"0001\", \"thutuc-001\": "
                       "\"0009\", \"#h1\": \"0004\", \"thutuc-002\": "
                       "\"0005\"}");
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_assert_false (diff_runs (r->base, r->cur, FALSE, out, &error));
  g_assert_error (error, DIFF_ERROR, DIFF_ERROR_TESTSETS);
  const char *want = "question set \"practice\": sha256 aa11… in the first "
                     "run, bb22… in the second; 2 item(s) changed: "
                     "thutuc-001; 1 of a hidden set, not listed; 1 added: "
                     "thutuc-002\n";
  if (strstr (error->message, want) == NULL)
    g_error ("got %s", error->message);
  g_assert_nonnull (strstr (error->message, "--allow-different-sets"));
  g_assert_null (strstr (error->message, "#h1"));
  g_clear_error (&error);
  g_assert_true (diff_runs (r->base, r->cur, TRUE, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (strstr (out->str, "! different"),
                                   "! different question sets"));
  g_assert_nonnull (strstr (out->str, want));
  g_assert_nonnull (strstr (out->str, "## hanoi"));

  /* the gate's baseline: the same refusal, the same list when allowed */
  const char *const requires[] = { "accuracy>=0.5", NULL };
  GateOptions opts = { r->cur, requires, NULL, r->base, NULL, FALSE };
  g_string_truncate (out, 0);
  g_assert_cmpint (gate_run (&opts, out, NULL, &error), ==, GATE_BAD);
  g_assert_error (error, GATE_ERROR, GATE_ERROR_TESTSETS);
  g_assert_nonnull (strstr (error->message, "thutuc-001"));
  g_clear_error (&error);
  opts.allow_different_sets = TRUE;
  g_assert_cmpint (gate_run (&opts, out, NULL, &error), ==, GATE_PASS);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out->str, "baseline: different question sets"));
  g_assert_nonnull (strstr (out->str, "1 added: thutuc-002"));
}

/* Same sets: no word about them; an older results.json without item
 * digests still compares by hash, and says it cannot tell which items. */
static void
test_same_and_old_sets (Runs *r, gconstpointer data)
{
  write_pair (r, 0);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  const char *const requires[] = { "accuracy>=0.5", NULL };
  GateOptions opts = { r->cur, requires, NULL, r->base, NULL, FALSE };
  g_assert_cmpint (gate_run (&opts, out, NULL, &error), ==, GATE_PASS);
  g_assert_null (strstr (out->str, "different question sets"));
  gboolean all[2] = { TRUE, TRUE };
  write_run (r->cur, "cc", 1.0, all, 2, 0);
  g_assert_cmpint (gate_run (&opts, out, NULL, &error), ==, GATE_BAD);
  g_assert_error (error, GATE_ERROR, GATE_ERROR_TESTSETS);
  g_assert_nonnull (strstr (error->message, "no item digests"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/gate/parse/good", test_parse_good);
  g_test_add_func ("/gate/parse/bad", test_parse_bad);
  g_test_add_func ("/gate/parse/hints", test_parse_hints);
  g_test_add_func ("/gate/checks", test_checks);
  g_test_add_func ("/gate/ops", test_ops);
  g_test_add_func ("/gate/max-drop/parse", test_max_drop_parse);
  g_test_add_func ("/gate/check/outcomes", test_check_outcomes);
#define RUNS(path, fn) g_test_add (path, Runs, NULL, runs_setup, fn, runs_teardown)
  RUNS ("/gate/baseline/flips", test_baseline_flips);
  RUNS ("/gate/baseline/significant", test_baseline_significant);
  RUNS ("/gate/baseline/max-drop", test_max_drop_pass_and_bad);
  RUNS ("/diff/flips", test_diff);
  RUNS ("/diff/hash-mismatch", test_diff_hash_mismatch);
  RUNS ("/diff/different-sets-listed", test_different_sets_listed);
  RUNS ("/gate/baseline/same-and-old-sets", test_same_and_old_sets);
  return g_test_run ();
}
