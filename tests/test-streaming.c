/* Integration: vabench run against in-process mocks (port 0).
 *
 * Streaming: a province whose answers come as Python-spaced SSE, 5,000+
 * one-byte chunks each, must not hold up a healthy province fired in the
 * same run; its time to first token skips the empty first delta and stays
 * within the total. The bound is relative (a share of the stream's own
 * duration), so a slow or loaded machine does not make it fail.
 *
 * NUL: an answer with "\u0000" inside is logged whole (escaped) and judged
 * whole, so a wrong fee after the NUL makes it wrong. */
#include <string.h>

#include "rundir/runlog.h"
#include "scoring/judge.h"
#include "submissions/mock/mock.h"
#include "tests/vb-test.h"
#include "util/jsonl.h"

static char *tmpdir;

static void
put (const char *dir, const char *name, const char *text)
{
  g_autofree char *p = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (p, text, -1, NULL));
}

static MockServer *
start (MockProfile profile)
{
  MockOptions o;
  mock_options_init (&o);
  o.profile = profile;
  g_autoptr (GError) error = NULL;
  MockServer *s = mock_server_start (&o, &error);
  g_assert_no_error (error);
  return s;
}

static char *
manifest (const char *id, const MockServer *s, const char *extra)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"endpoint\": "
                          "\"http://127.0.0.1:%u/v1/chat/completions\", "
                          "\"adapter\": \"openai-chat\"%s}",
                          id, mock_server_port (s), extra);
}

/* Runs vabench; dies with its stderr when it fails. */
static void
run (const char *contest, const char *out, const char *only)
{
  g_autofree char *vb = g_strdup (g_getenv ("VABENCH_BIN"));
  if (vb == NULL)
    vb = g_canonicalize_filename ("build-san/vabench", NULL);
  const char *argv[] = { vb, "run", "--quiet", "--contest", contest, "--out",
                         out, only ? "--only" : NULL, only, NULL };
  int status = 0;
  g_autofree char *err = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("vabench run failed: %s", err);
}

/* ---- streaming ---- */

typedef struct {
  GArray *healthy_us; /* t_total_us of the healthy province's answers */
  GArray *drip_us;    /* … and of the streamed ones */
  guint healthy_errors, drip_errors;
} Times;

/* Each attempt as rundir's reader decodes it (rundir/runlog.h). */
static void
collect (const LogAttempt *a, gpointer user)
{
  Times *t = user;
  if (!a->final)
    return;
  gboolean drip = strcmp (a->submission, "drip") == 0;
  if (a->error_class != FAILURE_NONE) {
    (*(drip ? &t->drip_errors : &t->healthy_errors))++;
    return;
  }
  double total = (double) a->t_total_us;
  g_array_append_val (drip ? t->drip_us : t->healthy_us, total);
  g_assert_cmpint (a->streamed, ==, drip);
  if (drip) {
    /* the empty first delta is no token; the token is within the total */
    g_assert_cmpint (a->t_first_token_us, >, 0);
    g_assert_cmpint (a->t_first_token_us, <=, a->t_total_us);
    g_assert_cmpuint (a->answer_len, >, 20);
  }
}

static int
cmp_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
quantile (GArray *a, double q)
{
  g_array_sort (a, cmp_double);
  guint i = (guint) (q * (a->len - 1) + 0.5);
  return g_array_index (a, double, i);
}

static void
read_times (const char *run_dir, Times *t)
{
  t->healthy_us = g_array_new (FALSE, FALSE, sizeof (double));
  t->drip_us = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GError) error = NULL;
  g_assert_true (runlog_read (run_dir, collect, t, &error));
  g_assert_no_error (error);
}

/* The practice set's header (its topics, which items name) and its first
 * n single-turn items. */
static char *
items (guint n)
{
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents ("testsets/practice/practice.jsonl",
                                      &text, NULL, NULL));
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  if (lines[0] && g_str_has_prefix (lines[0], "{\"testset\""))
    g_string_append_printf (out, "%s\n", lines[0]);
  for (char **l = lines; *l && n > 0; l++)
    if (strstr (*l, "\"question\"") && !strstr (*l, "\"turns\"")
        && !strstr (*l, "\"testset\"")) {
      g_string_append_printf (out, "%s\n", *l);
      n--;
    }
  return g_string_free (out, FALSE);
}

static void
test_stream_starvation (void)
{
  const guint n = 10;
  g_autoptr (MockServer) healthy = start (MOCK_PROFILE_EXACT);
  g_autoptr (MockServer) drip = start (MOCK_PROFILE_DRIP);
  g_autofree char *dir = g_build_filename (tmpdir, "stream", NULL);
  g_mkdir (dir, 0755);
  g_autofree char *set = items (n);
  put (dir, "set.jsonl", set);
  /* The healthy province at 10 a second, so its requests span the
   * streams; every stream at once. */
  g_autofree char *h = manifest ("healthy", healthy,
                                 ", \"concurrency\": 1, \"rate_per_sec\": 10");
  g_autofree char *d = manifest ("drip", drip,
                                 ", \"stream\": true, \"concurrency\": 10");
  put (dir, "healthy.json", h);
  put (dir, "drip.json", d);
  put (dir, "contest.ini",
       "[contest]\nname = Luồng\nseed = 5\ntestsets = set.jsonl\n"
       "submissions = healthy.json;drip.json\nresamples = 100\n"
       "[nearmiss]\nkinds =\n"
       "[politeness]\ntimeout_ms = 60000\nretries = 0\n");
  g_autofree char *contest = g_build_filename (dir, "contest.ini", NULL);
  g_autofree char *with = g_build_filename (dir, "with", NULL);
  g_autofree char *alone = g_build_filename (dir, "alone", NULL);
  run (contest, alone, "healthy");
  run (contest, with, NULL);
  Times a = { 0 }, w = { 0 };
  read_times (alone, &a);
  read_times (with, &w);
  g_assert_cmpuint (w.healthy_errors + w.drip_errors + a.healthy_errors, ==,
                    0);
  /* every answer arrived (items and their hand-written variants) */
  g_assert_cmpuint (a.healthy_us->len, >=, n);
  g_assert_cmpuint (w.healthy_us->len, ==, a.healthy_us->len);
  g_assert_cmpuint (w.drip_us->len, ==, a.healthy_us->len);
  double p95_alone = quantile (a.healthy_us, 0.95);
  double p95_with = quantile (w.healthy_us, 0.95);
  double stream = quantile (w.drip_us, 0.5);
  g_test_message ("healthy p95 alone %.0f us, beside the streams %.0f us; "
                  "a stream takes %.0f us",
                  p95_alone, p95_with, stream);
  /* Unaffected: the streams may cost the healthy province a little, never
   * a share of their own duration (a rescan per chunk or a stalled loop
   * would cost it most of it). */
  g_assert_cmpfloat (p95_with, <, p95_alone + stream / 4);
  g_assert_cmpfloat (p95_with, <, stream / 2);
  g_array_unref (a.healthy_us);
  g_array_unref (a.drip_us);
  g_array_unref (w.healthy_us);
  g_array_unref (w.drip_us);
}

/* ---- NUL ---- */

/* The mock's right answer states the list-based rates (10.000 / 5.000 đồng)
 * too, a documented alternative of the residence fee schedule. */

static const char nul_item[]
    = "{\"id\": \"cutru-fee\", \"category\": \"cu-tru\", \"kind\": "
      "\"procedure\", \"question\": \"Lệ phí đăng ký tạm trú là bao "
      "nhiêu?\", \"facts\": [{\"type\": \"money\", \"value\": 15000, "
      "\"other_values\": [7000, 10000, 5000]}], \"legal_basis\": "
      "[\"Thông tư 75/2022/TT-BTC\"], \"valid_as_of\": \"2025-07-01\", "
      "\"source\": \"DOMAIN.md\", \"review\": \"reviewed\"}";

typedef struct {
  guint records;
  gboolean correct;
} Score;

static gboolean
read_score (cJSON *rec, guint line, gpointer user, GError **error)
{
  Score *s = user;
  s->records++;
  s->correct = cJSON_IsTrue (cJSON_GetObjectItem (rec, "correct"));
  return TRUE;
}

static void
test_nul_answer (void)
{
  g_autoptr (MockServer) nul = start (MOCK_PROFILE_NUL);
  g_autofree char *dir = g_build_filename (tmpdir, "nul", NULL);
  g_mkdir (dir, 0755);
  g_autofree char *set = g_strconcat (nul_item, "\n", NULL);
  put (dir, "set.jsonl", set);
  g_autofree char *m = manifest ("nul", nul, "");
  put (dir, "nul.json", m);
  put (dir, "contest.ini",
       "[contest]\nname = NUL\nseed = 1\ntestsets = set.jsonl\n"
       "submissions = nul.json\nresamples = 100\n[nearmiss]\nkinds =\n");
  g_autofree char *contest = g_build_filename (dir, "contest.ini", NULL);
  g_autofree char *out = g_build_filename (dir, "run", NULL);
  run (contest, out, NULL);

  /* Logged whole: the escape and the wrong fee after it. */
  g_autofree char *log = g_build_filename (out, "log.jsonl", NULL);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  const char *esc = strstr (text, "\\u0000");
  g_assert_nonnull (esc);
  g_assert_nonnull (strstr (esc, "150.000 đồng"));
  g_assert_null (strstr (text, "\"error_class\":\"")); /* an answer */

  /* Judged whole: wrong. */
  g_autofree char *scores = g_build_filename (out, "scores.jsonl", NULL);
  Score s = { 0 };
  g_assert_true (jsonl_read_file (scores, read_score, &s, NULL, NULL));
  g_assert_cmpuint (s.records, ==, 1);
  g_assert_false (s.correct);
  /* …and the score record quotes it whole */
  g_autofree char *scored = NULL;
  g_assert_true (g_file_get_contents (scores, &scored, NULL, NULL));
  const char *quoted = strstr (scored, "\\u0000");
  g_assert_nonnull (quoted);
  g_assert_nonnull (strstr (quoted, "150.000 đồng"));

  /* …while the text before the NUL alone is right: the test can fail. */
  g_autoptr (cJSON) item = cJSON_Parse (nul_item);
  g_autoptr (JudgeKey) key = judge_key_new (
      "procedure", cJSON_GetObjectItem (item, "facts"), NULL, NULL, NULL);
  g_assert_nonnull (key);
  g_autofree char *before = g_strndup (strstr (text, "\"answer\":\"") + 10,
                                       (gsize) (esc - (strstr (text,
                                                               "\"answer\":\"")
                                                       + 10)));
  g_autoptr (cJSON) j = judge_answer (key, before);
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItem (j, "correct")));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("vb-stream-XXXXXX", NULL);
  g_test_add_func ("/streaming/no-starvation", test_stream_starvation);
  g_test_add_func ("/streaming/nul-answer", test_nul_answer);
  int rc = g_test_run ();
  vbt_rm_rf (tmpdir);
  g_free (tmpdir);
  return rc;
}
