/* The contest file (harness/contest.c) and its plan (harness/plan.c),
 * without firing: every misconfiguration is refused naming file, line and
 * key (issue 15), official mode gives every submission the same
 * conditions, and generated variants of one kind are distinct texts. */
#include <string.h>

#include "harness/contest.h"
#include "harness/plan.h"
#include "tests/vb-test.h"

static char *tmpdir;

#define ITEM(id, q, review)                                                   \
  "{\"id\": \"" id "\", \"category\": \"cu-tru\", \"kind\": \"procedure\", "  \
  "\"question\": \"" q "\", \"facts\": [{\"type\": \"duration\", "            \
  "\"value\": 3, \"unit\": \"working_day\"}], \"legal_basis\": [\"Luật Cư "   \
  "trú 2020\"], \"valid_as_of\": \"2025-07-01\", \"source\": \"DOMAIN.md\", " \
  "\"review\": \"" review "\"}\n"

static char *
put (const char *name, const char *text)
{
  char *p = g_build_filename (tmpdir, name, NULL);
  g_assert_true (g_file_set_contents (p, text, -1, NULL));
  return p;
}

static void
setup_files (void)
{
  g_free (put ("set.jsonl",
               ITEM ("a", "Đăng ký tạm trú mất bao lâu?", "reviewed")
               ITEM ("b", "Đăng ký thường trú mất bao lâu?", "reviewed")));
  g_free (put ("mixed.jsonl",
               ITEM ("c", "Khai sinh mất bao lâu?", "reviewed")
               ITEM ("d", "Kết hôn mất bao lâu?", "unreviewed")
               ITEM ("e", "Khai tử mất bao lâu?", "unreviewed")));
  g_free (put ("plain.json",
               "{\"id\": \"plain\", \"endpoint\": \"http://127.0.0.1:9/v1/"
               "chat/completions\", \"adapter\": \"openai-chat\"}\n"));
  g_free (put ("own.json",
               "{\"id\": \"own\",\n \"endpoint\": \"http://127.0.0.1:9/v1/"
               "chat/completions\",\n \"adapter\": \"openai-chat\",\n"
               " \"timeout_ms\": 90000}\n"));
  g_free (put ("atuh.json",
               "{\"id\": \"atuh\",\n \"endpoint\": \"http://127.0.0.1:9/\",\n"
               " \"adapter\": \"openai-chat\",\n"
               " \"atuh\": {\"type\": \"bearer\", \"env\": \"X\"}}\n"));
}

static const char *const base
    = "[contest]\nname = Thử\nseed = 4\ntestsets = set.jsonl\n"
      "submissions = plain.json\n";

typedef struct {
  const char *name;
  const char *extra;  /* appended to base (or the whole file when it starts
                         with '!') */
  const char *expect; /* in the message, after "contest-NAME.ini:" */
} BadCase;

static const BadCase bad_cases[] = {
  { "typo-key", "[weights]\nacuracy = 0.5\n",
    "7: [weights] acuracy: unknown key (did you mean \"accuracy\"?" },
  { "typo-politeness", "[politeness]\nconcurency = 8\n",
    "7: [politeness] concurency: unknown key (did you mean "
    "\"concurrency\"?" },
  { "typo-section", "[nearmis]\nkinds = telex\n",
    "6: [nearmis]: unknown section (did you mean [nearmiss]?)" },
  { "far-section", "[speed]\nx = 1\n", "6: [speed]: unknown section (known:" },
  { "wrong-section", "[weights]\nseed = 5\n",
    "7: [weights] seed: unknown key in [weights]; it belongs in [contest]" },
  { "twice", "[sla]\nlatency_ms = 2000\nlatency_ms = 3000\n",
    "8: [sla] latency_ms: given twice (first on line 7)" },
  { "section-twice", "[sla]\nlatency_ms = 2000\n[sla]\n",
    "8: [sla]: section given twice (first on line 6)" },
  { "bad-bool", "[politeness]\nretry_timeouts = yes\n",
    "7: [politeness] retry_timeouts: \"yes\" is neither true nor false" },
  { "bad-number", "[politeness]\ntimeout_ms = 30s\n",
    "7: [politeness] timeout_ms: \"30s\"" },
  { "bad-pause", "[politeness]\npause_after = -1\n",
    "7: [politeness] pause_after:" },
  /* Found by fuzz-contest: a value GKeyFile cannot unescape or that is not
   * UTF-8 read as absent, so the default was used in silence (an official
   * contest run as unofficial, a seed replaced), and a second bad escape
   * made GLib warn of an error set twice. Each is refused, naming it. */
  { "escape-official",
    "![contest]\nname = Thử\nofficial = true\\\ntestsets = set.jsonl\n"
    "submissions = plain.json\n",
    "3: [contest] official: ends in a lone backslash" },
  { "escape-end", "[politeness]\nretries = 3\\\n",
    "7: [politeness] retries: ends in a lone backslash" },
  { "escape-invalid", "[nearmiss]\nkinds = telex\\;vni\n",
    "7: [nearmiss] kinds: \"\\;\" is no escape GKeyFile knows" },
  { "escape-twice", "[politeness]\nmode = c\\'l\\'osed\\\n",
    "7: [politeness] mode: \"\\'\" is no escape GKeyFile knows" },
  { "seed-past-2p53",
    "![contest]\nname = Thử\nseed = 9007199254740993\ntestsets = set.jsonl\n"
    "submissions = plain.json\n",
    "3: [contest] seed: \"9007199254740993\"" },
  { "not-utf8", "[politeness]\nmode = cl\xC3osed\n",
    "7: [politeness] mode: not UTF-8" },
};

static char *
write_contest (const char *name, const char *extra)
{
  g_autofree char *file = g_strdup_printf ("contest-%s.ini", name);
  g_autofree char *text = extra[0] == '!' ? g_strdup (extra + 1)
                                          : g_strconcat (base, extra, NULL);
  return put (file, text);
}

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *p = write_contest (c->name, c->extra);
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) contest = contest_load (p, &error);
  g_assert_null (contest);
  g_assert_error (error, CONTEST_ERROR, CONTEST_ERROR_INVALID);
  g_autofree char *want = g_strdup_printf ("%s:%s", p, c->expect);
  if (!g_str_has_prefix (error->message, want))
    g_error ("%s: got \"%s\", want prefix \"%s\"", c->name, error->message,
             want);
}

static void
test_localized_key (void)
{
  /* name[vi] would be read by GKeyFile as a translation of name */
  g_autofree char *p = write_contest (
      "locale", "![contest]\nname = Thử\nname[vi] = Thử\nseed = 4\n"
                "testsets = set.jsonl\nsubmissions = plain.json\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_null (c);
  g_assert_nonnull (strstr (error->message, ":3: [contest] name[vi]: "
                                            "unknown key"));
}

static void
test_manifest_unknown_field (void)
{
  g_autofree char *p = write_contest (
      "atuh", "!\n[contest]\nname = Thử\ntestsets = set.jsonl\n"
              "submissions = atuh.json\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_null (c);
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "atuh.json:4: field \"atuh\": "
                                            "unknown field (did you mean "
                                            "\"auth\"?)"));
}

static void
test_good_and_effective (void)
{
  g_autofree char *p = write_contest (
      "good", "!# a comment\n[contest]\nname = Thử\nseed = 4\n"
              "testsets = set.jsonl\nsubmissions = plain.json;own.json\n"
              "[politeness]\ntimeout_ms = 20000\nretry_timeouts = true\n"
              "pause_after = 7\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_no_error (error);
  g_assert_false (c->official);
  g_assert_true (c->retry_timeouts);
  g_assert_cmpuint (c->pause_after, ==, 7);
  const Manifest *plain = g_ptr_array_index (c->manifests, 0);
  const Manifest *own = g_ptr_array_index (c->manifests, 1);
  g_assert_cmpuint (contest_timeout_for (c, plain), ==, 20000);
  g_assert_cmpuint (contest_timeout_for (c, own), ==, 90000);
  g_autoptr (cJSON) e = contest_effective (c, own);
  g_assert_cmpint (cJSON_GetObjectItem (e, "timeout_ms")->valueint, ==, 90000);
  /* raw decimal: a 64-bit seed survives exactly */
  g_assert_cmpstr (cJSON_GetObjectItem (e, "order_seed")->valuestring, ==, "4");
  const cJSON *over = cJSON_GetObjectItem (e, "overridden");
  g_assert_cmpint (cJSON_GetArraySize (over), ==, 1);
  g_assert_cmpstr (cJSON_GetArrayItem (over, 0)->valuestring, ==,
                   "timeout_ms");
  /* the snapshot carries each submission's effective settings */
  g_autoptr (cJSON) snap = contest_snapshot (c);
  const cJSON *s1 = cJSON_GetArrayItem (cJSON_GetObjectItem (snap,
                                                             "submissions"),
                                        1);
  g_assert_cmpint (cJSON_GetObjectItem (cJSON_GetObjectItem (s1, "effective"),
                                        "timeout_ms")
                       ->valueint,
                   ==, 90000);
}

static const char *const official_head
    = "!\n[contest]\nname = Chính thức\nseed = 9\nofficial = true\n";

static void
test_official_override (void)
{
  g_autofree char *text = g_strconcat (
      official_head, "as_of = 2026-01-01\ntestsets = set.jsonl\n"
                     "submissions = plain.json;own.json\n",
      NULL);
  g_autofree char *p = write_contest ("official-own", text);
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_null (c);
  g_assert_error (error, CONTEST_ERROR, CONTEST_ERROR_INVALID);
  if (strstr (error->message, "own.json:4: field \"timeout_ms\": an official "
                              "contest runs every submission under the "
                              "contest's timeout_ms (30000 ms)")
      == NULL)
    g_error ("got %s", error->message);
}

static void
test_official_needs_as_of (void)
{
  g_autofree char *text = g_strconcat (
      official_head, "testsets = set.jsonl\nsubmissions = plain.json\n",
      NULL);
  g_autofree char *p = write_contest ("official-as-of", text);
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_null (c);
  g_assert_nonnull (strstr (error->message, ":5: [contest] official: an "
                                            "official contest states as_of"));
}

static void
test_official_reviewed (void)
{
  g_autofree char *text = g_strconcat (
      official_head, "as_of = 2026-01-01\ntestsets = set.jsonl;mixed.jsonl\n"
                     "submissions = plain.json\n",
      NULL);
  g_autofree char *p = write_contest ("official-reviewed", text);
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_null (c);
  g_assert_error (error, TESTSET_ERROR, TESTSET_ERROR_UNREVIEWED);
  /* every unreviewed item, each with its file and line */
  g_assert_nonnull (strstr (error->message, "mixed.jsonl:2: field \"review\": "
                                            "item \"d\""));
  g_assert_nonnull (strstr (error->message, "mixed.jsonl:3: field \"review\": "
                                            "item \"e\""));
  g_assert_nonnull (strstr (error->message, "2 of 3 items"));
}

static void
test_official_good (void)
{
  g_autofree char *text = g_strconcat (
      official_head, "as_of = 2026-01-01\ntestsets = set.jsonl\n"
                     "submissions = plain.json\n[politeness]\n"
                     "concurrency = 3\n",
      NULL);
  g_autofree char *p = write_contest ("official-good", text);
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_no_error (error);
  g_assert_true (c->official);
  /* a Manifest changed after loading still gets the contest's limits */
  Manifest *m = g_ptr_array_index (c->manifests, 0);
  m->concurrency = 50;
  g_assert_cmpuint (contest_concurrency_for (c, m), ==, 3);
  g_autoptr (cJSON) e = contest_effective (c, m);
  g_assert_true (cJSON_IsTrue (cJSON_GetObjectItem (e, "official")));
  g_assert_cmpstr (cJSON_GetObjectItem (e, "as_of")->valuestring, ==,
                   "2026-01-01");
  g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (e,
                                                            "overridden")),
                   ==, 0);
}

/* per_item 3 of a deterministic kind gives one text, not three copies;
 * every kept variant of a kind is a text of its own; the summary says how
 * many each kind gave. */
static void
test_plan_distinct (void)
{
  g_autofree char *p = write_contest (
      "plan", "[nearmiss]\nkinds = nfd;telex;case\nper_item = 3\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (Contest) c = contest_load (p, &error);
  g_assert_no_error (error);
  g_auto (PlanSummary) ps = { 0 };
  g_autoptr (GPtrArray) units = plan_build (c, &ps);
  g_assert_cmpuint (ps.items, ==, 2);
  g_assert_cmpuint (ps.kinds->len, ==, 3);
  g_autoptr (GHashTable) texts = g_hash_table_new_full (g_str_hash,
                                                        g_str_equal, g_free,
                                                        NULL);
  guint per_kind[3] = { 0 };
  static const char *const kinds[] = { "nfd", "telex", "case" };
  for (guint i = 0; i < units->len; i++) {
    const PlanUnit *u = g_ptr_array_index (units, i);
    /* one block: the unit's strings lie right after it (plan.h) */
    g_assert_cmpstr (u->item_id, ==, u->item->id);
    const char *lo = (const char *) u, *hi = lo + 4096;
    g_assert_true (u->item_id > lo && u->item_id < hi);
    g_assert_true (u->variant > lo && u->variant < hi);
    g_assert_true (u->variant_kind > lo && u->variant_kind < hi);
    g_assert_true (u->turns[0] > lo && u->turns[0] < hi);
    if (strcmp (u->variant_kind, "clean") == 0)
      continue;
    g_autofree char *key = g_strdup_printf ("%s/%s/%s", u->item->id,
                                            u->variant_kind, u->turns[0]);
    g_assert_false (g_hash_table_contains (texts, key));
    g_hash_table_add (texts, g_steal_pointer (&key));
    for (guint k = 0; k < 3; k++)
      per_kind[k] += strcmp (u->variant_kind, kinds[k]) == 0;
  }
  for (guint k = 0; k < 3; k++) {
    const PlanKindCount *kc = &g_array_index (ps.kinds, PlanKindCount, k);
    g_assert_cmpstr (kc->kind, ==, kinds[k]);
    g_assert_cmpuint (kc->asked, ==, 6);
    g_assert_cmpuint (kc->distinct, ==, per_kind[k]);
  }
  /* NFD of a question is one text: one per item */
  g_assert_cmpuint (per_kind[0], ==, 2);
  g_assert_cmpuint (per_kind[1], >, 2);
  /* the same seed, the same plan */
  g_autoptr (GPtrArray) again = plan_build (c, NULL);
  g_assert_cmpuint (again->len, ==, units->len);
  for (guint i = 0; i < units->len; i++)
    g_assert_cmpstr (((PlanUnit *) units->pdata[i])->variant, ==,
                     ((PlanUnit *) again->pdata[i])->variant);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("vb-contest-file-XXXXXX", NULL);
  setup_files ();
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++) {
    g_autofree char *n = g_strdup_printf ("/contest-file/bad/%s",
                                          bad_cases[i].name);
    g_test_add_data_func (n, &bad_cases[i], test_bad);
  }
  g_test_add_func ("/contest-file/localized-key", test_localized_key);
  g_test_add_func ("/contest-file/manifest-unknown-field",
                   test_manifest_unknown_field);
  g_test_add_func ("/contest-file/good-and-effective", test_good_and_effective);
  g_test_add_func ("/contest-file/official/override", test_official_override);
  g_test_add_func ("/contest-file/official/needs-as-of",
                   test_official_needs_as_of);
  g_test_add_func ("/contest-file/official/reviewed", test_official_reviewed);
  g_test_add_func ("/contest-file/official/good", test_official_good);
  g_test_add_func ("/plan/distinct-variants", test_plan_distinct);
  int rc = g_test_run ();
  vbt_rm_rf (tmpdir);
  return rc;
}
