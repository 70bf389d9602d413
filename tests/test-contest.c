/* Integration: a whole contest over real loopback HTTP against in-process
 * mock assistants, through the vabench binary, from firing to ranking.
 * Checks what a ministry relies on: a lying province ranks below an honest
 * one, a flaky one's errors are counted and not fatal, no secret reaches
 * the run directory, the log verifies, a re-score gives the same bytes, and
 * conversations hold their context only when the session is kept. */
#include <glib/gstdio.h>
#include <string.h>

#include "submissions/mock/mock.h"
#include "tests/vb-test.h"
#include "util/jsonl.h"

#define SECRET "vb-secret-token-4f9a-KHONG-DUOC-LO"

static char *tmpdir, *run_dir, *vabench;
static cJSON *results;
static GPtrArray *scores;
/* exact (which gets the token), fuzzy (also behind rasa, template and
 * no-session), flaky, wrong-fees */
static MockServer *mocks[4];

static MockServer *
start_mock (MockProfile p)
{
  MockOptions o;
  mock_options_init (&o);
  o.profile = p;
  o.seed = 7;
  g_autoptr (GError) error = NULL;
  MockServer *s = mock_server_start (&o, &error);
  g_assert_no_error (error);
  return s;
}

static void
write_file (const char *name, const char *text)
{
  g_autofree char *p = g_build_filename (tmpdir, name, NULL);
  g_assert_true (g_file_set_contents (p, text, -1, NULL));
}

static void
write_manifest (const char *id, guint16 port, const char *path,
                const char *adapter, const char *extra)
{
  g_autofree char *name = g_strdup_printf ("%s.json", id);
  g_autofree char *text = g_strdup_printf (
      "{\"id\": \"%s\", \"name\": \"Trợ lý %s\", \"province\": \"Tỉnh thử\", "
      "\"endpoint\": \"http://127.0.0.1:%u%s\", \"adapter\": \"%s\"%s}",
      id, id, port, path, adapter, extra ? extra : "");
  write_file (name, text);
}

static int
run_vabench (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_ptr_array_add (argv, vabench);
  for (const char *const *a = args; *a; a++)
    g_ptr_array_add (argv, (gpointer) *a);
  g_ptr_array_add (argv, NULL);
  int status = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                               G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                               &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
}

static const cJSON *
submission (const char *id)
{
  const cJSON *s;
  cJSON_ArrayForEach (s, cJSON_GetObjectItem (results, "submissions"))
  {
    if (strcmp (cJSON_GetObjectItem (s, "id")->valuestring, id) == 0)
      return s;
  }
  g_error ("no submission %s in results.json", id);
  return NULL;
}

static double
metric (const char *id, const char *name)
{
  const cJSON *v = cJSON_GetObjectItem (submission (id), name);
  g_assert_true (cJSON_IsNumber (v));
  return v->valuedouble;
}

static gboolean
keep_score (cJSON *obj, guint line, gpointer user, GError **error)
{
  g_ptr_array_add (user, cJSON_Duplicate (obj, TRUE));
  return TRUE;
}

static void
setup_contest (void)
{
  mocks[0] = start_mock (MOCK_PROFILE_EXACT);
  mocks[1] = start_mock (MOCK_PROFILE_FUZZY);
  mocks[2] = start_mock (MOCK_PROFILE_FLAKY);
  mocks[3] = start_mock (MOCK_PROFILE_WRONG_FEES);
  g_setenv ("VABENCH_IT_TOKEN", SECRET, TRUE);
  write_manifest ("exact", mock_server_port (mocks[0]), "/v1/chat/completions",
                  "openai-chat",
                  ", \"auth\": {\"type\": \"bearer\", \"env\": "
                  "\"VABENCH_IT_TOKEN\"}");
  write_manifest ("fuzzy", mock_server_port (mocks[1]), "/v1/chat/completions",
                  "openai-chat", NULL);
  write_manifest ("flaky", mock_server_port (mocks[2]), "/v1/chat/completions",
                  "openai-chat", NULL);
  write_manifest ("wrong-fees", mock_server_port (mocks[3]),
                  "/v1/chat/completions", "openai-chat", NULL);
  write_manifest ("rasa", mock_server_port (mocks[1]),
                  "/webhooks/rest/webhook", "rasa-rest", NULL);
  write_manifest ("template", mock_server_port (mocks[1]), "/api/ask",
                  "template",
                  ", \"body\": {\"session\": \"{{session_id}}\", \"turn\": "
                  "\"{{turn}}\", \"q\": \"{{question}}\"}, "
                  "\"answer_pointer\": \"/data/answer/parts\"");
  /* The same endpoint, but a new session every turn: context is lost. */
  write_manifest ("no-session", mock_server_port (mocks[1]), "/api/ask",
                  "template",
                  ", \"body\": {\"session\": \"mat-{{turn}}-{{session_id}}\", "
                  "\"turn\": \"{{turn}}\", \"q\": \"{{question}}\"}, "
                  "\"answer_pointer\": \"/data/answer/parts\"");
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *contest = g_strdup_printf (
      "[contest]\nname = Thử tích hợp\nseed = 11\n"
      "testsets = %s/testsets/practice/practice.jsonl\n"
      "submissions = exact.json;fuzzy.json;flaky.json;wrong-fees.json;"
      "rasa.json;template.json;no-session.json\nresamples = 200\n"
      "[nearmiss]\nkinds = no_diacritics\nper_item = 1\n"
      "[weights]\naccuracy = 0.7\nnearmiss = 0.1\nlatency = 0.1\n"
      "availability = 0.1\n[sla]\nlatency_ms = 2000\n"
      "[politeness]\nconcurrency = 16\nrate_per_sec = 0\ntimeout_ms = "
      "10000\nretries = 2\n",
      cwd);
  write_file ("contest.ini", contest);
}

static void
test_run (void)
{
  g_autofree char *ini = g_build_filename (tmpdir, "contest.ini", NULL);
  const char *args[] = { "run", "--quiet", "--contest", ini, "--out", run_dir,
                         NULL };
  g_autofree char *out = NULL, *err = NULL;
  int rc = run_vabench (args, &out, &err);
  if (rc != 0)
    g_error ("vabench run exited %d: %s", rc, err);
  g_assert_nonnull (strstr (out, "exact"));
  g_autofree char *rp = g_build_filename (run_dir, "results.json", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (rp, &text, NULL, NULL));
  results = cJSON_Parse (text);
  g_assert_nonnull (results);
  g_autofree char *sp = g_build_filename (run_dir, "scores.jsonl", NULL);
  scores = g_ptr_array_new_with_free_func ((GDestroyNotify) cJSON_Delete);
  g_assert_true (jsonl_read_file (sp, keep_score, scores, NULL, NULL));
  for (const char *const *f = (const char *[]){ "report.html", "report.md",
                                                "manifest.json", "log.jsonl",
                                                NULL };
       *f; f++) {
    g_autofree char *p = g_build_filename (run_dir, *f, NULL);
    g_assert_true (g_file_test (p, G_FILE_TEST_EXISTS));
  }
}

static void
test_ranking (void)
{
  g_assert_cmpfloat (metric ("wrong-fees", "rank"), >,
                     metric ("exact", "rank"));
  g_assert_cmpfloat (metric ("wrong-fees", "accuracy"), <,
                     metric ("exact", "accuracy"));
  g_assert_cmpfloat (metric ("exact", "accuracy"), >, 0.3);
  g_assert_cmpfloat (metric ("wrong-fees", "contradictions"), >, 0);
}

static void
test_flaky_counted (void)
{
  g_assert_cmpfloat (metric ("flaky", "failed_requests"), >, 0);
  g_assert_cmpfloat (metric ("flaky", "requests"), >,
                     metric ("fuzzy", "requests"));
  /* retries rescue most questions: flaky stays far above zero */
  g_assert_cmpfloat (metric ("flaky", "accuracy"), >, 0.3);
}

static void
scan_for_secret (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *n;
  while (d && (n = g_dir_read_name (d)) != NULL) {
    g_autofree char *p = g_build_filename (dir, n, NULL);
    if (g_file_test (p, G_FILE_TEST_IS_DIR)) {
      scan_for_secret (p);
      continue;
    }
    g_autofree char *data = NULL;
    gsize len = 0;
    g_assert_true (g_file_get_contents (p, &data, &len, NULL));
    if (g_strstr_len (data, (gssize) len, SECRET) != NULL)
      g_error ("the secret token appears in %s", p);
  }
}

/* The token reached the endpoint it is for, and nothing the run wrote
 * holds it: a run directory that is missing, or a token that was never
 * sent, must fail this test rather than pass it. */
static void
test_no_secret (void)
{
  g_assert_true (g_file_test (run_dir, G_FILE_TEST_IS_DIR));
  g_autofree char *log = g_build_filename (run_dir, "log.jsonl", NULL);
  g_assert_true (g_file_test (log, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (mock_server_authorized (mocks[0], "Bearer " SECRET), >,
                    0);
  for (guint i = 1; i < G_N_ELEMENTS (mocks); i++)
    g_assert_cmpuint (mock_server_authorized (mocks[i], NULL), ==, 0);
  scan_for_secret (run_dir);
}

static void
test_verify_and_rescore (void)
{
  g_autofree char *out = NULL, *err = NULL;
  const char *verify[] = { "verify", run_dir, NULL };
  g_assert_cmpint (run_vabench (verify, &out, &err), ==, 0);
  g_autofree char *rp = g_build_filename (run_dir, "results.json", NULL);
  g_autofree char *before = NULL, *after = NULL;
  g_assert_true (g_file_get_contents (rp, &before, NULL, NULL));
  const char *score[] = { "score", "--quiet", run_dir, NULL };
  g_autofree char *o2 = NULL, *e2 = NULL;
  g_assert_cmpint (run_vabench (score, &o2, &e2), ==, 0);
  g_assert_true (g_file_get_contents (rp, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

/* Correct follow-up turns (turn ≥ 1) of clean conversation records. */
static guint
followups_correct (const char *sub, guint *total)
{
  guint n = 0;
  *total = 0;
  for (guint i = 0; i < scores->len; i++) {
    const cJSON *r = g_ptr_array_index (scores, i);
    if (strcmp (cJSON_GetObjectItem (r, "submission")->valuestring, sub) != 0
        || strcmp (cJSON_GetObjectItem (r, "kind")->valuestring,
                   "conversation") != 0
        || strcmp (cJSON_GetObjectItem (r, "variant")->valuestring, "clean")
               != 0)
      continue;
    const cJSON *t;
    cJSON_ArrayForEach (t, cJSON_GetObjectItem (r, "turns"))
    {
      if (cJSON_GetObjectItem (t, "turn")->valueint == 0)
        continue;
      (*total)++;
      n += cJSON_IsTrue (cJSON_GetObjectItem (
          cJSON_GetObjectItem (t, "judgement"), "correct"));
    }
  }
  return n;
}

static void
test_conversations (void)
{
  guint total = 0;
  guint openai = followups_correct ("fuzzy", &total);
  g_assert_cmpuint (total, >=, 20);
  guint rasa = followups_correct ("rasa", &total);
  guint tpl = followups_correct ("template", &total);
  guint lost = followups_correct ("no-session", &total);
  g_test_message ("follow-ups correct of %u: openai %u, rasa %u, template "
                  "%u, no session %u",
                  total, openai, rasa, tpl, lost);
  g_assert_cmpuint (openai, >, lost);
  g_assert_cmpuint (rasa, >, lost);
  g_assert_cmpuint (tpl, >, lost);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vabench = g_strdup (g_getenv ("VABENCH_BIN"));
  if (vabench == NULL)
    vabench = g_canonicalize_filename ("build-san/vabench", NULL);
  tmpdir = g_dir_make_tmp ("vb-contest-XXXXXX", NULL);
  run_dir = g_build_filename (tmpdir, "run", NULL);
  setup_contest ();
  g_test_add_func ("/contest/run", test_run);
  g_test_add_func ("/contest/ranking", test_ranking);
  g_test_add_func ("/contest/flaky-counted", test_flaky_counted);
  g_test_add_func ("/contest/no-secret", test_no_secret);
  g_test_add_func ("/contest/verify-and-rescore", test_verify_and_rescore);
  g_test_add_func ("/contest/conversations", test_conversations);
  int rc = g_test_run ();
  vbt_rm_rf (tmpdir);
  return rc;
}
