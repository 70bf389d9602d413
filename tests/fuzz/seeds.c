/* Writes the seed corpus of one fuzz target from the repository's own
 * files (generated, never committed): seeds TARGET OUTDIR, run from the
 * repository's root. Hand-written seeds and crash inputs live in
 * tests/fuzz/seeds/TARGET/ instead. Inputs are framed as each target
 * reads them (its file's comment): a leading selector byte, FUZZ_SEP
 * between files. */
#include <glib/gstdio.h>
#include <string.h>

#include "rundir/appeal.h"
#include "rundir/run_manifest.h"
#include "testsets/perturb.h"
#include "rundir/runlog.h"
#include "util/jsonl.h"

#define SEP "\n--8<--\n"
#define MAX_SEEDS 400

static const char *out_dir;
static guint n_out;

static void
emit (const void *data, gsize len)
{
  if (n_out >= MAX_SEEDS)
    return;
  g_autofree char *name = g_strdup_printf ("seed-%04u", n_out++);
  g_autofree char *path = g_build_filename (out_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  if (!g_file_set_contents (path, data, (gssize) len, &error))
    g_error ("%s", error->message);
}

static void
emit_str (const GString *s)
{
  emit (s->str, s->len);
}

static char *
slurp (const char *path, gsize *len)
{
  char *text = NULL;
  g_autoptr (GError) error = NULL;
  if (!g_file_get_contents (path, &text, len, &error))
    g_error ("%s", error->message);
  return text;
}

/* ---- what the repository holds ---- */

typedef struct {
  GPtrArray *answers;   /* golden answers (char*) */
  GArray *answer_keys;  /* their key's index in file order (guint) */
  GPtrArray *questions; /* practice questions */
  GHashTable *key_index;
} Texts;

static gboolean
golden_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  Texts *t = user;
  const char *key = cJSON_GetStringValue (cJSON_GetObjectItem (obj, "key"));
  const char *answer
      = cJSON_GetStringValue (cJSON_GetObjectItem (obj, "answer"));
  if (key && cJSON_GetObjectItem (obj, "case") == NULL
      && cJSON_GetObjectItem (obj, "item") != NULL) {
    guint n = g_hash_table_size (t->key_index);
    g_hash_table_insert (t->key_index, g_strdup (key), GUINT_TO_POINTER (n));
  } else if (key && answer) {
    gpointer idx = g_hash_table_lookup (t->key_index, key);
    guint i = GPOINTER_TO_UINT (idx);
    g_ptr_array_add (t->answers, g_strdup (answer));
    g_array_append_val (t->answer_keys, i);
  }
  return TRUE;
}

static gboolean
question_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  Texts *t = user;
  const char *q = cJSON_GetStringValue (cJSON_GetObjectItem (obj, "question"));
  if (q)
    g_ptr_array_add (t->questions, g_strdup (q));
  return TRUE;
}

static Texts *
texts_load (void)
{
  Texts *t = g_new0 (Texts, 1);
  t->answers = g_ptr_array_new_with_free_func (g_free);
  t->answer_keys = g_array_new (FALSE, FALSE, sizeof (guint));
  t->questions = g_ptr_array_new_with_free_func (g_free);
  t->key_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        NULL);
  g_autoptr (GError) error = NULL;
  if (!jsonl_read_file ("tests/golden/judge.jsonl", golden_line, t, NULL,
                        &error)
      || !jsonl_read_file ("testsets/practice/practice.jsonl", question_line,
                           t, NULL, &error))
    g_error ("%s (run from the repository's root)", error->message);
  return t;
}

/* Every fenced block of a Markdown file whose info string is lang. */
static GPtrArray *
fenced (const char *path, const char *lang)
{
  gsize len;
  g_autofree char *text = slurp (path, &len);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  GPtrArray *blocks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *open = g_strconcat ("```", lang, NULL);
  GString *cur = NULL;
  for (char **l = lines; *l; l++) {
    if (cur == NULL && strcmp (g_strchomp (*l), open) == 0)
      cur = g_string_new (NULL);
    else if (cur && g_str_has_prefix (*l, "```"))
      g_ptr_array_add (blocks, g_string_free (g_steal_pointer (&cur), FALSE));
    else if (cur)
      g_string_append_printf (cur, "%s\n", *l);
  }
  if (cur)
    g_string_free (cur, TRUE);
  return blocks;
}

/* Each line of a JSON Lines file as a seed, with prefix before it. */
static void
lines_of (const char *path, const char *prefix, guint max)
{
  gsize len;
  g_autofree char *text = slurp (path, &len);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] && i < max; i++) {
    if (*lines[i] == '\0')
      continue;
    g_autoptr (GString) s = g_string_new (prefix);
    g_string_append_printf (s, "%s\n", lines[i]);
    emit_str (s);
  }
}

static char *
json_string (const char *s)
{
  g_autoptr (cJSON) j = cJSON_CreateString (s);
  return cJSON_PrintUnformatted (j);
}

/* ---- per target ---- */

static void
seed_testset (Texts *t)
{
  static const char *const sets[] = { "testsets/practice/practice.jsonl",
                                      "testsets/practice/ict.jsonl" };
  for (gsize f = 0; f < G_N_ELEMENTS (sets); f++) {
    gsize len;
    g_autofree char *text = slurp (sets[f], &len);
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
    /* the header with each item: topics resolve, ids are unique */
    for (guint i = 1; lines[0] && lines[i]; i++) {
      if (*lines[i] == '\0')
        continue;
      g_autoptr (GString) s = g_string_new (NULL);
      g_string_append_printf (s, "%s\n%s\n", lines[0], lines[i]);
      emit_str (s);
    }
  }
}

static void
seed_blocks (const char *path, const char *lang)
{
  g_autoptr (GPtrArray) blocks = fenced (path, lang);
  for (guint i = 0; i < blocks->len; i++)
    emit (blocks->pdata[i], strlen (blocks->pdata[i]));
}

/* The README's contest files naming the target's fixtures (s.jsonl,
 * a.json, b.json in its scratch directory), which hold no '/'. */
static void
seed_contest (void)
{
  g_autoptr (GPtrArray) blocks = fenced ("harness/README.md", "ini");
  for (guint i = 0; i < blocks->len; i++) {
    g_auto (GStrv) lines = g_strsplit (blocks->pdata[i], "\n", -1);
    g_autoptr (GString) s = g_string_new (NULL);
    for (char **l = lines; *l; l++) {
      if (g_str_has_prefix (*l, "testsets"))
        g_string_append (s, "testsets = s.jsonl\n");
      else if (g_str_has_prefix (*l, "submissions"))
        g_string_append (s, "submissions = a.json;b.json\n");
      else if (strchr (*l, '/') == NULL)
        g_string_append_printf (s, "%s\n", *l);
    }
    emit_str (s);
  }
}

/* Bodies as each adapter's endpoint answers: selector byte for the
 * adapter target (manifest order in fuzz-adapter.c), pointer byte for the
 * jsonpick target (pointers[] in fuzz-jsonpick.c). */
static void
seed_bodies (Texts *t, gboolean jsonpick)
{
  for (guint i = 0; i < t->answers->len && i < 60; i++) {
    g_autofree char *a = json_string (t->answers->pdata[i]);
    g_autofree char *openai = g_strdup_printf (
        "{\"id\":\"c1\",\"object\":\"chat.completion\",\"choices\":[{"
        "\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":%s},"
        "\"finish_reason\":\"stop\"}]}", a);
    g_autofree char *rasa = g_strdup_printf (
        "[{\"recipient_id\":\"u\",\"text\":%s},{\"recipient_id\":\"u\","
        "\"text\":\"Cảm ơn.\"}]", a);
    g_autofree char *tpl = g_strdup_printf ("{\"data\":{\"answer\":%s}}", a);
    g_autofree char *sse = g_strdup_printf (
        "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
        "data: {\"choices\":[{\"delta\":{\"content\":%s}}]}\n\n"
        ": keep-alive\n\ndata: [DONE]\n\n", a);
    const struct { guint8 adapter, pointer; const char *body; } bodies[] = {
      { 0, 1, openai }, { 5, 2, sse }, { 2, 10, rasa }, { 3, 3, tpl },
    };
    for (gsize b = 0; b < G_N_ELEMENTS (bodies); b++) {
      g_autoptr (GString) s = g_string_new (NULL);
      g_string_append_c (s, (char) (jsonpick ? bodies[b].pointer
                                             : bodies[b].adapter));
      g_string_append_c (s, (char) (i % 17));
      g_string_append (s, bodies[b].body);
      if (!jsonpick || b != 1)
        emit_str (s);
    }
  }
}

static void
seed_judge (Texts *t)
{
  for (guint i = 0; i < t->answers->len; i++) {
    guint k = g_array_index (t->answer_keys, guint, i);
    g_autoptr (GString) s = g_string_new (NULL);
    g_string_append_c (s, (char) (k >> 8));
    g_string_append_c (s, (char) (k & 0xff));
    g_string_append (s, t->answers->pdata[i]);
    emit_str (s);
  }
}

static void
seed_texts (Texts *t, gboolean selector)
{
  for (guint i = 0; i < t->answers->len; i++) {
    g_autoptr (GString) s = g_string_new (NULL);
    if (selector)
      g_string_append_c (s, (char) (i & 1));
    g_string_append (s, t->answers->pdata[i]);
    emit_str (s);
  }
  for (guint i = 0; i < t->questions->len && i < 60; i++)
    emit (t->questions->pdata[i], strlen (t->questions->pdata[i]));
}

/* Appeals written by the module itself: 1, 3 and 6 decisions, each with
 * its head; and the 3 without it. */
static void
seed_appeal (Texts *t)
{
  static const guint sizes[] = { 1, 3, 6 };
  for (gsize z = 0; z < G_N_ELEMENTS (sizes); z++) {
    g_autofree char *dir = g_dir_make_tmp ("vabench-seeds-XXXXXX", NULL);
    for (guint i = 0; i < sizes[z]; i++) {
      g_autofree char *item = g_strdup_printf ("cutru-%03u", i);
      Appeal a = { .submission = i % 2 ? "hue" : "ha-noi",
                   .testset = "practice", .item = item,
                   .variant = i % 3 ? "telex#1" : "clean",
                   .verdict = i % 2, .judged = !(i % 2),
                   .reviewer = "Trần Thị Bình",
                   .reason = t->answers->pdata[i % t->answers->len],
                   .at = "2026-01-11T09:00:00Z" };
      g_autoptr (GError) error = NULL;
      if (!appeal_append (dir, &a, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
    g_autofree char *lp = g_build_filename (dir, "appeals.jsonl", NULL);
    g_autofree char *hp = g_build_filename (dir, "appeals.head", NULL);
    gsize llen, hlen;
    g_autofree char *ltext = slurp (lp, &llen);
    g_autofree char *htext = slurp (hp, &hlen);
    g_autoptr (GString) s = g_string_new_len (ltext, (gssize) llen);
    if (z == 1) {
      g_autoptr (GString) bare = g_string_new_len (ltext, (gssize) llen);
      emit_str (bare);
    }
    g_string_append (s, SEP);
    g_string_append_len (s, htext, (gssize) hlen);
    emit_str (s);
    (void) g_unlink (lp);
    (void) g_unlink (hp);
    g_autofree char *lock = g_build_filename (dir, "lock", NULL);
    (void) g_unlink (lock);
    (void) g_rmdir (dir);
  }
}

/* The practice questions under each kind of near miss, two seeds. */
static void
seed_perturb (Texts *t)
{
  guint kinds = g_strv_length ((char **) perturb_kind_names ());
  for (guint i = 0; i < t->questions->len && i < 40; i++) {
    g_autoptr (GString) s = g_string_new (NULL);
    g_string_append_c (s, (char) (i % kinds));
    g_string_append_c (s, (char) (i * 7));
    g_string_append (s, t->questions->pdata[i]);
    emit_str (s);
  }
}

/* Real logs: written by the run log itself into a scratch directory. */
static void
seed_runlog (Texts *t, gboolean with_head)
{
  static const guint sizes[] = { 1, 2, 5, 12 };
  for (gsize z = 0; z < G_N_ELEMENTS (sizes); z++) {
    g_autofree char *dir = g_dir_make_tmp ("vabench-seeds-XXXXXX", NULL);
    gboolean torn;
    g_autoptr (GError) error = NULL;
    RunLog *log = runlog_open (dir, NULL, NULL, &torn, &error);
    if (log == NULL)
      g_error ("%s", error->message);
    for (guint i = 0; i < sizes[z]; i++) {
      g_autofree char *item = g_strdup_printf ("cutru-%03u", i);
      LogAttempt a = {
        .submission = "ha-noi", .testset = "practice", .item = item,
        .variant = i % 3 ? "telex#1" : "clean",
        .variant_kind = i % 3 ? "telex" : "clean", .seed = i * 7919,
        .turn = i % 2, .attempt = 1 + i % 2, .final = i % 4 != 1,
        .session = "s-1", .sent = t->questions->pdata[i],
        .answer = i % 5 == 4 ? NULL : t->answers->pdata[i],
        .http_status = i % 5 == 4 ? 503 : 200,
        .error_class = i % 5 == 4 ? FAILURE_HTTP_5XX : FAILURE_NONE,
        .error = i % 5 == 4 ? "HTTP 503" : NULL,
        .t_dns_us = 10, .t_connect_us = 200, .t_first_byte_us = 90000,
        .t_total_us = 120000 + i, .t_first_token_us = i % 2 ? 50000 : -1,
        .t_queue_us = -1, .t_server_us = -1, .streamed = i % 2,
        .started_at = "2026-01-10T08:00:00Z",
      };
      g_autoptr (GString) rec = g_string_new (NULL);
      attempt_write (rec, &a);
      if (!runlog_append_open (log, rec, &error))
        g_error ("%s", error->message);
    }
    runlog_close (log);
    g_autofree char *lp = g_build_filename (dir, "log.jsonl", NULL);
    g_autofree char *hp = g_build_filename (dir, "log.head", NULL);
    gsize llen, hlen;
    g_autofree char *ltext = slurp (lp, &llen);
    g_autofree char *htext = slurp (hp, &hlen);
    g_autoptr (GString) s = g_string_new_len (ltext, (gssize) llen);
    if (with_head) {
      g_string_append (s, SEP);
      g_string_append_len (s, htext, (gssize) hlen);
      emit_str (s);
      /* a torn tail: the last record cut in two */
      g_autoptr (GString) torn_s = g_string_new_len (ltext, (gssize) llen - 9);
      emit_str (torn_s);
    } else
      emit_str (s);
    (void) g_unlink (lp);
    (void) g_unlink (hp);
    (void) g_rmdir (dir);
  }
}

static void
seed_reports (gboolean gate)
{
  gsize rlen, slen;
  g_autofree char *results = slurp ("tests/browser/fixture/results.json",
                                    &rlen);
  g_autofree char *scores = slurp ("tests/browser/fixture/scores.jsonl",
                                   &slen);
  if (gate) {
    static const char *const exprs[] = {
      "accuracy>=0.80\np95_ms <= 3000\n~accuracy=0.02",
      "by_kind.telex.drop < 0.5\nnearmiss_accuracy >= 0.5",
      "by_category.cu-tru.accuracy == 1\nrank != 2\n~mean_score=0.1",
    };
    for (gsize i = 0; i < G_N_ELEMENTS (exprs); i++) {
      g_autoptr (GString) s = g_string_new (exprs[i]);
      g_string_append (s, SEP);
      g_string_append_len (s, results, (gssize) rlen);
      emit_str (s);
    }
    return;
  }
  for (int lang = 0; lang < 2; lang++) {
    g_autoptr (GString) s = g_string_new (NULL);
    g_string_append_c (s, (char) lang);
    g_string_append_len (s, results, (gssize) rlen);
    emit_str (s);
    g_string_append (s, SEP);
    g_string_append_len (s, scores, (gssize) slen);
    emit_str (s);
  }
}

/* Run manifests written by the module itself around the report
 * fixture's contest, then (after SEP) the contest as given at a resume —
 * the same, or with another seed — and (after SEP) a lock file's text. */
static void
seed_run_manifest (void)
{
  gsize rlen;
  g_autofree char *results = slurp ("tests/browser/fixture/results.json",
                                    &rlen);
  g_autoptr (cJSON) r = cJSON_ParseWithLength (results, rlen);
  const cJSON *contest = cJSON_GetObjectItemCaseSensitive (r, "contest");
  const cJSON *subs = cJSON_GetObjectItemCaseSensitive (r, "submissions");
  if (!cJSON_IsObject (contest))
    g_error ("the report fixture has no contest");
  for (int finished = 0; finished < 2; finished++) {
    cJSON *c = cJSON_Duplicate (contest, TRUE);
    cJSON *list = cJSON_AddArrayToObject (c, "submissions");
    const cJSON *e;
    cJSON_ArrayForEach (e, subs)
    {
      cJSON *one = cJSON_CreateObject ();
      const char *keys[] = { "id", "name", "province" };
      for (gsize k = 0; k < G_N_ELEMENTS (keys); k++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive (e, keys[k]);
        if (cJSON_IsString (v))
          cJSON_AddStringToObject (one, keys[k], v->valuestring);
      }
      cJSON_AddItemToArray (list, one);
    }
    g_autoptr (RunManifest) m = run_manifest_new ("r-20260110",
                                                  "2026-01-10T08:00:00Z", c);
    m->planned_units = 120;
    if (finished) {
      m->finished_at = g_strdup ("2026-01-10T08:40:00Z");
      m->has_log = TRUE;
      m->log.records = 8120;
      memset (m->log.sha256, 'a', 64);
      m->status = cJSON_Parse ("{\"ha-noi\": {\"state\": \"paused\", "
                               "\"class\": \"timeout\", \"reason\": "
                               "\"20 lần liền quá thời gian\"}}");
    }
    g_autofree char *dir = g_dir_make_tmp ("vabench-seeds-XXXXXX", NULL);
    g_autoptr (GError) error = NULL;
    if (!run_manifest_write (dir, m, &error))
      g_error ("%s", error->message);
    g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
    gsize len;
    g_autofree char *text = slurp (path, &len);
    (void) g_unlink (path);
    (void) g_rmdir (dir);
    emit (text, len);
    g_autofree char *now = cJSON_PrintUnformatted (m->contest);
    g_autoptr (GString) s = g_string_new_len (text, (gssize) len);
    g_string_append_printf (s, "%s%s", SEP, now);
    emit_str (s);
    cJSON_ReplaceItemInObjectCaseSensitive (m->contest, "seed",
                                            cJSON_CreateNumber (7));
    g_autofree char *changed = cJSON_PrintUnformatted (m->contest);
    g_string_truncate (s, len);
    g_string_append_printf (s, "%s%s%s4242 run\n", SEP, changed, SEP);
    emit_str (s);
  }
}

int
main (int argc, char **argv)
{
  if (argc != 3)
    g_error ("usage: seeds TARGET OUTDIR");
  const char *target = argv[1];
  out_dir = argv[2];
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    g_error ("cannot make %s", out_dir);
  Texts *t = texts_load ();
  if (strcmp (target, "fuzz-testset") == 0)
    seed_testset (t);
  else if (strcmp (target, "fuzz-manifest") == 0)
    seed_blocks ("submissions/README.md", "json");
  else if (strcmp (target, "fuzz-contest") == 0)
    seed_contest ();
  else if (strcmp (target, "fuzz-adapter") == 0)
    seed_bodies (t, FALSE);
  else if (strcmp (target, "fuzz-jsonpick") == 0)
    seed_bodies (t, TRUE);
  else if (strcmp (target, "fuzz-judge") == 0)
    seed_judge (t);
  else if (strcmp (target, "fuzz-numbers") == 0)
    seed_texts (t, TRUE);
  else if (strcmp (target, "fuzz-citation") == 0
           || strcmp (target, "fuzz-dates") == 0)
    seed_texts (t, FALSE);
  else if (strcmp (target, "fuzz-runlog") == 0)
    seed_runlog (t, TRUE);
  else if (strcmp (target, "fuzz-jsonl-flat") == 0) {
    seed_runlog (t, FALSE);
    lines_of ("tests/browser/fixture/scores.jsonl", "", 20);
    lines_of ("testsets/practice/ict.jsonl", "", 20);
  } else if (strcmp (target, "fuzz-score-record") == 0) {
    lines_of ("tests/browser/fixture/scores.jsonl", "", 50);
    gsize len;
    g_autofree char *all = slurp ("tests/browser/fixture/scores.jsonl", &len);
    emit (all, len);
  } else if (strcmp (target, "fuzz-rundata") == 0)
    seed_reports (FALSE);
  else if (strcmp (target, "fuzz-gate") == 0)
    seed_reports (TRUE);
  else if (strcmp (target, "fuzz-run-manifest") == 0)
    seed_run_manifest ();
  else if (strcmp (target, "fuzz-perturb") == 0)
    seed_perturb (t);
  else if (strcmp (target, "fuzz-appeal") == 0)
    seed_appeal (t);
  else
    g_error ("no seeds for %s", target);
  g_print ("%s: %u seeds in %s\n", target, n_out, out_dir);
  return 0;
}
