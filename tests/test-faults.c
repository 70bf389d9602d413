/* Misbehaving endpoints: each fault is recorded as its class, nothing
 * stalls or crashes, and the healthy submission answers everything. */
#include <glib/gstdio.h>
#include <string.h>

#include "submissions/mock/mock.h"
#include "tests/vb-test.h"
#include "util/jsonl.h"

typedef struct {
  MockProfile profile;
  const char *id;
  const char *want_class;
  const char *extra; /* more manifest members */
} Fault;

static const Fault faults[] = {
  { MOCK_PROFILE_FUZZY, "healthy", NULL, NULL },
  { MOCK_PROFILE_HANG, "hang", "timeout", NULL },
  { MOCK_PROFILE_TRICKLE, "trickle", "timeout", NULL },
  { MOCK_PROFILE_HUGE, "huge", "too_large", NULL },
  { MOCK_PROFILE_ENDLESS, "endless", "too_large", NULL },
  { MOCK_PROFILE_HTML, "html", "bad_json", NULL },
  { MOCK_PROFILE_BAD_JSON, "bad-json", "bad_json", NULL },
  { MOCK_PROFILE_BAD_UTF8, "bad-utf8", "bad_utf8", NULL },
  { MOCK_PROFILE_RESET, "reset", "connect", NULL },
  { MOCK_PROFILE_REDIRECT, "redirect", "redirect", NULL },
  /* Allowed: followed to 127.0.0.2, where nothing listens. */
  { MOCK_PROFILE_REDIRECT, "redirect-allowed", "connect",
    ", \"allow_redirect_hosts\": [\"127.0.0.2\"]" },
};

static char *tmpdir;
static GHashTable *classes; /* "id\037class" → count of final attempts */
static GHashTable *finals;  /* id → count of final attempts */

static void
put (const char *dir, const char *name, const char *text)
{
  g_autofree char *p = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (p, text, -1, NULL));
}

static gboolean
count_attempt (cJSON *rec, guint line, gpointer user, GError **error)
{
  if (!cJSON_IsTrue (cJSON_GetObjectItem (rec, "final")))
    return TRUE;
  const char *sub = cJSON_GetObjectItem (rec, "submission")->valuestring;
  const char *cls = cJSON_GetStringValue (cJSON_GetObjectItem (rec,
                                                               "error_class"));
  char *key = g_strdup_printf ("%s\037%s", sub, cls ? cls : "ok");
  g_hash_table_replace (classes, key,
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                              g_hash_table_lookup (classes,
                                                                   key))
                                          + 1));
  g_hash_table_replace (finals, g_strdup (sub),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                              g_hash_table_lookup (finals,
                                                                   sub))
                                          + 1));
  return TRUE;
}

static void
test_faults (void)
{
  GString *subs = g_string_new (NULL);
  static MockServer *servers[G_N_ELEMENTS (faults)];
  for (gsize i = 0; i < G_N_ELEMENTS (faults); i++) {
    MockOptions o;
    mock_options_init (&o);
    o.profile = faults[i].profile;
    g_autoptr (GError) error = NULL;
    servers[i] = mock_server_start (&o, &error);
    g_assert_no_error (error);
    g_autofree char *name = g_strdup_printf ("%s.json", faults[i].id);
    g_autofree char *m = g_strdup_printf (
        "{\"id\": \"%s\", \"endpoint\": "
        "\"http://127.0.0.1:%u/v1/chat/completions\", \"adapter\": "
        "\"openai-chat\"%s}",
        faults[i].id, mock_server_port (servers[i]),
        faults[i].extra ? faults[i].extra : "");
    put (tmpdir, name, m);
    g_string_append_printf (subs, "%s%s", i ? ";" : "", name);
  }
  put (tmpdir, "set.jsonl",
       "{\"id\": \"t1\", \"category\": \"cu-tru\", \"kind\": \"procedure\", "
       "\"question\": \"Đăng ký tạm trú mất bao lâu?\", \"facts\": [{\"type\": "
       "\"duration\", \"value\": 3, \"unit\": \"working_day\"}], "
       "\"legal_basis\": [\"Luật Cư trú 2020\"], \"valid_as_of\": "
       "\"2025-07-01\", \"source\": \"DOMAIN.md\", \"review\": \"reviewed\"}\n"
       "{\"id\": \"t2\", \"category\": \"ho-tich\", \"kind\": \"procedure\", "
       "\"question\": \"Đăng ký khai sinh có mất lệ phí không?\", \"facts\": "
       "[{\"type\": \"money\", \"value\": 0}], \"legal_basis\": [\"Luật Hộ "
       "tịch 2014\"], \"valid_as_of\": \"2025-07-01\", \"source\": "
       "\"DOMAIN.md\", \"review\": \"reviewed\"}\n");
  g_autofree char *ini = g_strdup_printf (
      "[contest]\nname = Lỗi\nseed = 3\ntestsets = set.jsonl\nsubmissions = "
      "%s\nresamples = 100\n[politeness]\nconcurrency = 2\nrate_per_sec = 0\n"
      "timeout_ms = 4000\nconnect_timeout_ms = 2000\nretries = 1\n",
      subs->str);
  g_string_free (subs, TRUE);
  put (tmpdir, "contest.ini", ini);
  g_autofree char *vb = g_strdup (g_getenv ("VABENCH_BIN"));
  if (vb == NULL)
    vb = g_canonicalize_filename ("build-san/vabench", NULL);
  g_autofree char *cpath = g_build_filename (tmpdir, "contest.ini", NULL);
  g_autofree char *run = g_build_filename (tmpdir, "run", NULL);
  /* Three firing threads: a misbehaving endpoint must not hurt the others
   * whichever thread its transfers land on. No pre-flight: it would (as
   * it should) refuse to fire at the html, bad-json and redirect
   * endpoints, and this test is about what the engine records when it
   * does (tests/cli/preflight.sh tests the probe). */
  const char *argv[] = { vb, "run", "--quiet", "--no-preflight", "--workers",
                         "3", "--contest", cpath, "--out", run, NULL };
  int status = 0;
  g_autofree char *err = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, NULL, &err, &status, NULL));
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("vabench run failed: %s", err);
  classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  finals = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *log = g_build_filename (run, "log.jsonl", NULL);
  g_assert_true (jsonl_read_file (log, count_attempt, NULL, NULL, NULL));
  for (gsize i = 0; i < G_N_ELEMENTS (faults); i++) {
    const Fault *f = &faults[i];
    g_autofree char *key = g_strdup_printf ("%s\037%s", f->id,
                                            f->want_class ? f->want_class
                                                          : "ok");
    guint got = GPOINTER_TO_UINT (g_hash_table_lookup (classes, key));
    guint all = GPOINTER_TO_UINT (g_hash_table_lookup (finals, f->id));
    if (all != 2 || got != 2) {
      g_autoptr (GList) keys = g_hash_table_get_keys (classes);
      for (GList *l = keys; l; l = l->next)
        g_test_message ("seen %s: %u", (char *) l->data,
                        GPOINTER_TO_UINT (g_hash_table_lookup (classes,
                                                               l->data)));
      g_error ("%s: %u of %u final attempts are %s", f->id, got, all,
               f->want_class ? f->want_class : "answers");
    }
  }
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (log, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"redirected_to\":\"http://127.0.0.2:"));
  for (gsize i = 0; i < G_N_ELEMENTS (faults); i++)
    mock_server_free (servers[i]);
  g_hash_table_unref (classes);
  g_hash_table_unref (finals);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("vb-faults-XXXXXX", NULL);
  g_test_add_func ("/faults/every-class", test_faults);
  int rc = g_test_run ();
  vbt_rm_rf (tmpdir);
  return rc;
}
