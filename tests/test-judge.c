/* scoring/judge: key validation (every fact type, errors naming the field)
 * and the judgement record. Matching rules in depth: test-golden.c. */
#include "scoring/judge.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

static JudgeKey *
key_from (const char *item_json, GError **error)
{
  g_autoptr (cJSON) item = cJSON_Parse (item_json);
  g_assert_nonnull (item);
  return judge_key_new (cJSON_GetStringValue (cJSON_GetObjectItem (item,
                                                                   "kind")),
                        cJSON_GetObjectItem (item, "facts"),
                        cJSON_GetObjectItem (item, "forbid"),
                        cJSON_GetObjectItem (item, "choices"), error);
}

static cJSON *
judge (const char *item_json, const char *answer)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JudgeKey) key = key_from (item_json, &error);
  g_assert_no_error (error);
  return judge_answer (key, answer);
}

static const cJSON *
fact_at (const cJSON *j, int i)
{
  return cJSON_GetArrayItem (cJSON_GetObjectItem (j, "facts"), i);
}

static const char *
status_of (const cJSON *j, int i)
{
  return cJSON_GetStringValue (cJSON_GetObjectItem (fact_at (j, i),
                                                    "status"));
}

/* ---- validation ------------------------------------------------------- */

static const struct {
  const char *item;
  int code;
  const char *message;
} bad_keys[] = {
  {"{\"facts\": [{\"type\": \"money\", \"value\": 1}, {\"type\": \"phrase\","
   " \"any_of\": [\"a\"]}, {\"type\": \"fee\", \"value\": 1}]}",
   JUDGE_ERROR_FACT_TYPE, "field \"facts[2].type\": unknown fact type \"fee\""},
  {"{\"facts\": [{\"type\": \"money\", \"value\": \"15.000\"}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].value\": expected a number"},
  {"{\"facts\": [{\"type\": \"money\"}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].value\": missing"},
  {"{\"facts\": [{\"type\": \"money\", \"value\": -5}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].value\": expected a number from 0 to 10^15"},
  {"{\"facts\": [{\"type\": \"money\", \"value\": 5, \"currency\": \"USD\"}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].currency\""},
  {"{\"facts\": [{\"type\": \"money\", \"value\": 5, \"other_values\": 7}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].other_values\""},
  {"{\"facts\": [{\"type\": \"money\", \"value\": 5, \"other_values\": "
   "[7, \"x\"]}]}", JUDGE_ERROR_FIELD, "field \"facts[0].other_values[1]\""},
  {"{\"facts\": [{\"type\": \"money\", \"vaule\": 5}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].vaule\": unknown field"},
  {"{\"facts\": [{\"type\": \"duration\", \"value\": 3}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].unit\": missing"},
  {"{\"facts\": [{\"type\": \"duration\", \"value\": 3, \"unit\": \"fortnight\"}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].unit\": unknown unit \"fortnight\""},
  {"{\"facts\": [{\"type\": \"duration\", \"unit\": \"day\"}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].value\": missing"},
  {"{\"facts\": [{\"type\": \"agency\"}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].any_of\": missing"},
  {"{\"facts\": [{\"type\": \"agency\", \"any_of\": []}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].any_of\": expected at least one string"},
  {"{\"facts\": [{\"type\": \"phrase\", \"any_of\": \"UBND\"}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].any_of\": expected an array"},
  {"{\"facts\": [{\"type\": \"phrase\", \"any_of\": [\"ok\", 3]}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].any_of\": item 1"},
  {"{\"facts\": [{\"type\": \"phrase\", \"any_of\": [\" ?! \"]}]}",
   JUDGE_ERROR_FIELD, "has no letter or digit"},
  {"{\"facts\": [{\"type\": \"citation\"}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].doc\": missing"},
  {"{\"facts\": [{\"type\": \"citation\", \"doc\": 75}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].doc\": expected a string"},
  {"{\"facts\": [{\"type\": \"list\"}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].items\": missing"},
  {"{\"facts\": [{\"type\": \"list\", \"items\": []}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].items\": expected a non-empty array"},
  {"{\"facts\": [{\"type\": \"list\", \"items\": [[\"tờ khai\"], 5]}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].items[1]\""},
  {"{\"facts\": [{\"type\": \"list\", \"items\": [[\"tờ khai\"]], "
   "\"min_recall\": 1.5}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].min_recall\": expected a number in (0, 1]"},
  {"{\"facts\": [{\"type\": \"choice\", \"answer\": \"B\"}]}",
   JUDGE_ERROR_FIELD, "field \"choices\": missing"},
  {"{\"kind\": \"multiple_choice\", \"choices\": {\"A\": \"x\", \"B\": \"y\"},"
   " \"facts\": [{\"type\": \"choice\", \"answer\": \"E\"}]}",
   JUDGE_ERROR_FIELD, "field \"facts[0].answer\": \"E\" is not one of the"},
  {"{\"kind\": \"multiple_choice\", \"choices\": {\"A\": 1},"
   " \"facts\": [{\"type\": \"choice\", \"answer\": \"A\"}]}",
   JUDGE_ERROR_FIELD, "field \"choices.A\": expected a string"},
  {"{\"facts\": [{\"type\": \"refusal\", \"any_of\": 1}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].any_of\""},
  {"{\"facts\": [{\"type\": \"phrase\", \"any_of\": [\"a\"], "
   "\"required\": \"yes\"}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].required\": expected a boolean"},
  {"{\"facts\": [{\"type\": \"phrase\", \"any_of\": [\"a\"], "
   "\"weight\": \"2\"}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].weight\": expected a number"},
  {"{\"facts\": [{\"value\": 3}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].type\": missing"},
  {"{\"facts\": [{\"type\": 3}]}", JUDGE_ERROR_FIELD,
   "field \"facts[0].type\": expected a string"},
  {"{\"facts\": [\"money\"]}", JUDGE_ERROR_FIELD,
   "field \"facts[0]\": expected an object"},
  {"{\"facts\": {\"type\": \"money\"}}", JUDGE_ERROR_FIELD,
   "field \"facts\": expected an array"},
  {"{\"facts\": [], \"forbid\": [{\"type\": \"list\", \"items\": [\"x\"]}]}",
   JUDGE_ERROR_FIELD, "field \"forbid[0].type\""},
  {"{\"facts\": [], \"forbid\": [{\"type\": \"phrase\"}]}", JUDGE_ERROR_FIELD,
   "field \"forbid[0].any_of\": missing"},
  {"{\"facts\": [], \"forbid\": [{\"type\": \"phrase\", \"any_of\": [\"x\"], "
   "\"reason\": 5}]}", JUDGE_ERROR_FIELD,
   "field \"forbid[0].reason\": expected a string"},
  {"{\"kind\": \"quiz\", \"facts\": []}", JUDGE_ERROR_FIELD,
   "field \"kind\": unknown kind \"quiz\""},
};

static void
test_bad_keys (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_keys); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (JudgeKey) key = key_from (bad_keys[i].item, &error);
    g_assert_null (key);
    g_assert_error (error, JUDGE_ERROR, bad_keys[i].code);
    if (strstr (error->message, bad_keys[i].message) == NULL)
      g_error ("case %zu: \"%s\" lacks \"%s\"", i, error->message,
               bad_keys[i].message);
  }
}

static const char *const good_keys[] = {
  "{\"kind\": \"procedure\", \"facts\": [{\"type\": \"money\", \"value\": "
  "15000, \"currency\": \"VND\", \"other_values\": [7000]}, {\"type\": "
  "\"duration\", \"value\": 3, \"unit\": \"working_day\"}, {\"type\": "
  "\"agency\", \"any_of\": [\"Công an cấp xã\"]}, {\"type\": \"citation\", "
  "\"doc\": \"Thông tư 75/2022/TT-BTC\", \"required\": false}], \"forbid\": "
  "[{\"type\": \"phrase\", \"any_of\": [\"công an cấp huyện\"], \"reason\": "
  "\"cấp huyện đã bỏ\"}]}",
  "{\"kind\": \"unanswerable\", \"facts\": []}",
  "{\"kind\": \"unanswerable\", \"facts\": [{\"type\": \"refusal\"}]}",
  "{\"kind\": \"legal\", \"facts\": [{\"type\": \"list\", \"items\": "
  "[[\"tờ khai\"], \"bản sao giấy tờ\"], \"min_recall\": 0.5, \"weight\": 2}]}",
  "{\"kind\": \"multiple_choice\", \"choices\": {\"A\": \"5 ngày\", \"B\": "
  "\"7 ngày\"}, \"facts\": [{\"type\": \"choice\", \"answer\": \"b\"}]}",
  "{\"kind\": \"conversation\", \"facts\": [{\"type\": \"duration\", "
  "\"unit\": \"same_day\", \"other_values\": [{\"value\": 5, \"unit\": "
  "\"working_day\"}]}]}",
  "{\"facts\": null}",
};

static void
test_good_keys (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_keys); i++) {
    g_autoptr (GError) error = NULL;
    g_autoptr (JudgeKey) key = key_from (good_keys[i], &error);
    g_assert_no_error (error);
    g_assert_nonnull (key);
  }
  judge_key_free (NULL);
}

/* ---- the judgement record ---------------------------------------------- */

static void
test_record_shape (void)
{
  g_autoptr (cJSON) j = judge (good_keys[0],
                               "Lệ phí 15.000 đồng, thời hạn 3 ngày làm việc, "
                               "nộp tại Công an xã.");
  g_assert_cmpfloat (cJSON_GetObjectItem (j, "score")->valuedouble, ==, 0.75);
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItem (j, "correct")));
  g_assert_cmpint (cJSON_GetObjectItem (j, "contradictions")->valueint, ==, 0);
  g_assert_true (cJSON_IsNumber (cJSON_GetObjectItem (j, "lenient_score")));
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (j, "facts")), ==,
                   4);
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (j, "forbid")), ==,
                   0);
  const char *fields[] = {"type", "required", "weight", "status", "span",
                          "value", "reason"};
  for (int i = 0; i < 4; i++)
    for (gsize k = 0; k < G_N_ELEMENTS (fields); k++)
      g_assert_nonnull (cJSON_GetObjectItem (fact_at (j, i), fields[k]));
  g_assert_cmpstr (status_of (j, 0), ==, "matched");
  g_assert_cmpfloat (cJSON_GetObjectItem (fact_at (j, 0), "value")->valuedouble,
                     ==, 15000);
  g_assert_cmpstr (status_of (j, 3), ==, "missing");
  g_assert_false (cJSON_IsTrue (cJSON_GetObjectItem (fact_at (j, 3),
                                                     "required")));
}

static void
test_no_answer (void)
{
  g_autoptr (cJSON) j = judge (good_keys[0], NULL);
  g_assert_cmpfloat (cJSON_GetObjectItem (j, "score")->valuedouble, ==, 0);
  g_assert_false (cJSON_IsTrue (cJSON_GetObjectItem (j, "correct")));
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (fact_at (j, 0),
                                                              "reason")),
                   ==, "no answer");
}

static void
test_forbid_and_contradiction (void)
{
  g_autoptr (cJSON) j = judge (good_keys[0],
                               "Lệ phí 150.000 đồng, 3 ngày làm việc, nộp tại "
                               "Công an cấp huyện hoặc công an xã.");
  g_assert_false (cJSON_IsTrue (cJSON_GetObjectItem (j, "correct")));
  g_assert_cmpstr (status_of (j, 0), ==, "contradiction");
  g_assert_cmpint (cJSON_GetObjectItem (j, "contradictions")->valueint, ==, 2);
  const cJSON *hit = cJSON_GetArrayItem (cJSON_GetObjectItem (j, "forbid"), 0);
  g_assert_cmpint (cJSON_GetObjectItem (hit, "rule")->valueint, ==, 0);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (hit, "reason")),
                   ==, "cấp huyện đã bỏ");
}

static void
test_other_value (void)
{
  g_autoptr (cJSON) only = judge (good_keys[0], "Nộp online mất 7.000 đồng.");
  g_assert_cmpstr (status_of (only, 0), ==, "other_value");
  g_assert_cmpint (cJSON_GetObjectItem (only, "contradictions")->valueint, ==,
                   0);
  g_autoptr (cJSON) both = judge (good_keys[0],
                                  "15.000 đồng trực tiếp, 7.000 đồng online.");
  g_assert_cmpstr (status_of (both, 0), ==, "matched");
  /* the other channel's value is listed among the claims, as right for
   * online submission */
  const cJSON *claims = cJSON_GetObjectItem (fact_at (both, 0), "claims");
  const cJSON *c1 = cJSON_GetArrayItem (claims, 1);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (c1, "status")),
                   ==, "other_value");
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (c1, "span")),
                   ==, "7.000 đồng");
}

/* An answer written wholly without diacritics is read like any other and
 * flagged; an accented answer keeps exact matching, so an unaccented word
 * inside it does not match (only the lenient score sees it). */
static void
test_lenient_score (void)
{
  g_autoptr (cJSON) j = judge (good_keys[0],
                               "le phi 15.000 dong, 3 ngay lam viec, cong an xa");
  g_assert_cmpfloat (cJSON_GetObjectItem (j, "score")->valuedouble, ==, 0.75);
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItem (j, "unaccented")));
  g_autoptr (cJSON) mixed = judge (good_keys[0], "Lệ phí 15.000 đồng, 3 ngày "
                                                 "làm việc, nộp ở cong an xa.");
  g_assert_cmpfloat (cJSON_GetObjectItem (mixed, "score")->valuedouble, ==,
                     0.5);
  g_assert_cmpfloat (cJSON_GetObjectItem (mixed, "lenient_score")->valuedouble,
                     ==, 0.75);
  g_assert_null (cJSON_GetObjectItem (mixed, "unaccented"));
}

static void
test_empty_facts (void)
{
  g_autoptr (cJSON) j = judge ("{\"facts\": []}", "Bất kỳ câu trả lời nào.");
  g_assert_cmpfloat (cJSON_GetObjectItem (j, "score")->valuedouble, ==, 1);
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItem (j, "correct")));
}

/* ---- the check-answer command (needs VABENCH_BIN, set by tests/run.sh) -- */

static int
run_cli (const char *const *args, char **out, char **err)
{
  const char *bin = g_getenv ("VABENCH_BIN");
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, (gpointer) bin);
  g_ptr_array_add (argv, (gpointer) "check-answer");
  for (const char *const *a = args; *a; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  int status = -1;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  const char *bin = g_getenv ("VABENCH_BIN");
  if (bin == NULL || !g_file_test (bin, G_FILE_TEST_IS_EXECUTABLE)) {
    g_test_skip ("VABENCH_BIN is not set to the built vabench");
    return;
  }
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vabench-judge-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *item_path = g_build_filename (dir, "item.json", NULL);
  g_autofree char *answer_path = g_build_filename (dir, "answer.txt", NULL);
  const char *conv = "{\"id\": \"c1\", \"kind\": \"conversation\", "
                     "\"turns\": [{\"question\": \"Ở đâu?\", \"facts\": "
                     "[{\"type\": \"agency\", \"any_of\": [\"UBND cấp xã\"]}]},"
                     " {\"question\": \"Mất tiền không?\", \"facts\": "
                     "[{\"type\": \"money\", \"value\": 0}]}]}";
  g_assert_true (g_file_set_contents (item_path, conv, -1, NULL));
  g_assert_true (g_file_set_contents (answer_path, "Không mất phí.", -1, NULL));
  g_autofree char *item_arg = g_strconcat ("@", item_path, NULL);
  g_autofree char *answer_arg = g_strconcat ("@", answer_path, NULL);

  g_autofree char *out = NULL, *err = NULL;
  const char *ok_args[] = {"--item", item_arg, "--answer", answer_arg,
                           "--turn", "1", NULL};
  g_assert_cmpint (run_cli (ok_args, &out, &err), ==, 0);
  g_autoptr (cJSON) j = cJSON_Parse (out);
  g_assert_nonnull (j);
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItem (j, "correct")));

  g_autofree char *out2 = NULL, *err2 = NULL;
  const char *bad_args[] = {"--item",
                            "{\"kind\": \"procedure\", \"facts\": "
                            "[{\"type\": \"money\", \"value\": \"15k\"}]}",
                            "--answer", "15.000 đồng", NULL};
  g_assert_cmpint (run_cli (bad_args, &out2, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "field \"facts[0].value\": expected a number"));

  g_autofree char *out3 = NULL, *err3 = NULL;
  const char *turn_args[] = {"--item", item_arg, "--answer", "x", "--turn",
                             "5", NULL};
  g_assert_cmpint (run_cli (turn_args, &out3, &err3), ==, 2);
  g_assert_nonnull (strstr (err3, "--turn 5"));

  g_autofree char *out4 = NULL, *err4 = NULL;
  const char *json_args[] = {"--item", "{\"facts\": [", "--answer", "x", NULL};
  g_assert_cmpint (run_cli (json_args, &out4, &err4), ==, 2);

  g_assert_cmpint (g_remove (item_path), ==, 0);
  g_assert_cmpint (g_remove (answer_path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/judge/bad-keys", test_bad_keys);
  g_test_add_func ("/judge/good-keys", test_good_keys);
  g_test_add_func ("/judge/record-shape", test_record_shape);
  g_test_add_func ("/judge/no-answer", test_no_answer);
  g_test_add_func ("/judge/forbid-and-contradiction",
                   test_forbid_and_contradiction);
  g_test_add_func ("/judge/other-value", test_other_value);
  g_test_add_func ("/judge/lenient-score", test_lenient_score);
  g_test_add_func ("/judge/empty-facts", test_empty_facts);
  g_test_add_func ("/judge/check-answer-cli", test_cli);
  return g_test_run ();
}
