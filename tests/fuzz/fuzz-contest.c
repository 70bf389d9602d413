/* Contest files (harness/contest.c): any bytes as contest.ini, beside a
 * small valid question set (s.jsonl) and two manifests (a.json, b.json)
 * it may name. Inputs with a '/' are skipped: a path out of the scratch
 * directory would read the machine's files (a FIFO would hang). A contest
 * that loads has sets and manifests, prints its snapshot without the
 * secret, and keeps one submission on request. */
#include "fuzz.h"

#include "harness/contest.h"

#define SECRET "vb-fuzz-secret-5c2e0d"

static const char set[]
    = "{\"testset\": {\"name\": \"fz\", \"version\": \"1\", "
      "\"as_of\": \"2026-01-01\", \"visibility\": \"public\"}}\n"
      "{\"id\": \"tamtru-1\", \"category\": \"cu-tru\", \"kind\": "
      "\"procedure\", \"question\": \"Đăng ký tạm trú mất bao lâu?\", "
      "\"facts\": [{\"type\": \"duration\", \"value\": 3, \"unit\": "
      "\"working_day\"}], \"legal_basis\": [\"Luật Cư trú 2020\"], "
      "\"valid_as_of\": \"2026-01-01\", \"valid_from\": \"2025-07-01\", "
      "\"source\": \"fuzz fixture\", \"review\": \"reviewed\"}\n";
static const char man_a[]
    = "{\"id\": \"tinh-a\", \"endpoint\": \"http://127.0.0.1:1/v1\", "
      "\"adapter\": \"openai-chat\", \"auth\": {\"type\": \"bearer\", "
      "\"env\": \"VABENCH_FUZZ_TOKEN\"}}";
static const char man_b[]
    = "{\"id\": \"tinh-b\", \"endpoint\": \"http://127.0.0.1:1/w\", "
      "\"adapter\": \"rasa-rest\", \"concurrency\": 2}";

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  g_setenv ("VABENCH_FUZZ_TOKEN", SECRET, TRUE);
  g_free (fuzz_write ("s.jsonl", set, strlen (set)));
  g_free (fuzz_write ("a.json", man_a, strlen (man_a)));
  g_free (fuzz_write ("b.json", man_b, strlen (man_b)));
  g_free (fuzz_write ("t.jsonl", set, strlen (set)));
  /* the fixtures must load, or every input is refused for their sake */
  static const char ok[] = "[contest]\nname = x\ntestsets = s.jsonl\n"
                           "submissions = a.json;b.json\n";
  g_autofree char *p = fuzz_write ("ok.ini", ok, strlen (ok));
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  if (c == NULL) {
    fprintf (stderr, "fuzz-contest: %s\n", error->message);
    abort ();
  }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (memchr (data, '/', size) != NULL)
    return 0;
  g_autofree char *path = fuzz_write ("contest.ini", data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (path, &error);
  if (c == NULL) {
    FUZZ_CHECK (error != NULL, "no error set");
    return 0;
  }
  FUZZ_CHECK (c->testsets->len > 0 && c->manifests->len > 0, "empty contest");
  FUZZ_CHECK (c->name != NULL, "no name");
  g_autoptr (cJSON) snap = contest_snapshot (c);
  g_autofree char *text = cJSON_PrintUnformatted (snap);
  FUZZ_CHECK (text != NULL, "snapshot does not print");
  if (memmem (data, size, SECRET, strlen (SECRET)) == NULL)
    FUZZ_CHECK (strstr (text, SECRET) == NULL, "secret in the snapshot");
  for (guint i = 0; i < c->manifests->len; i++) {
    const Manifest *m = g_ptr_array_index (c->manifests, i);
    FUZZ_CHECK (contest_concurrency_for (c, m) > 0, "no concurrency");
    FUZZ_CHECK (contest_timeout_for (c, m) > 0, "no timeout");
  }
  g_autoptr (GError) only = NULL;
  FUZZ_CHECK (contest_keep_only (c, "tinh-b", &only) == (only == NULL),
              "keep_only verdict and error disagree");
  return 0;
}
