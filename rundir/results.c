#include "rundir/results.h"

#include <string.h>

#include "rundir/rundir.h"
#include "util/atomic_file.h"

/* The contest settings results.json repeats, in this order. */
static const char *const contest_copied[] = {
  "name", "seed", "weights", "sla_ms", "resamples", "nearmiss_kinds",
  "per_item", "testsets", "repeat", "repeat_rank",
};

static const char *
str_in (const cJSON *o, const char *key)
{
  return cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (o, key));
}

/* The typed view of r->root. */
static void
results_bind (Results *r)
{
  const cJSON *root = r->root, *run = cJSON_GetObjectItemCaseSensitive (
                                       root, "run");
  r->vabench_version = str_in (root, "vabench_version");
  r->run_id = str_in (run, "id");
  r->started_at = str_in (run, "started_at");
  r->finished_at = str_in (run, "finished_at");
  r->contest = cJSON_GetObjectItemCaseSensitive (root, "contest");
  if (!cJSON_IsObject (r->contest))
    r->contest = NULL;
  r->submissions = cJSON_GetObjectItemCaseSensitive (root, "submissions");
  r->ties = cJSON_GetObjectItemCaseSensitive (root, "ties");
  r->load = cJSON_GetObjectItemCaseSensitive (root, "load");
  if (!cJSON_IsObject (r->load))
    r->load = NULL;
  r->appeals = cJSON_GetObjectItemCaseSensitive (root, "appeals");
  if (!cJSON_IsObject (r->appeals))
    r->appeals = NULL;
  r->lookalikes = cJSON_GetObjectItemCaseSensitive (root, "lookalikes");
  if (!cJSON_IsObject (r->lookalikes))
    r->lookalikes = NULL;
  r->canaries = cJSON_GetObjectItemCaseSensitive (root, "canaries");
  if (!cJSON_IsObject (r->canaries))
    r->canaries = NULL;
  r->coverage = cJSON_GetObjectItemCaseSensitive (root, "coverage");
  if (!cJSON_IsObject (r->coverage))
    r->coverage = NULL;
  r->complete = r->coverage != NULL
                && cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (
                    r->coverage, "complete"));
  r->has_log = rundir_digest_from_json (
      cJSON_GetObjectItemCaseSensitive (root, "log"), &r->log);
  r->has_scores = rundir_digest_from_json (
      cJSON_GetObjectItemCaseSensitive (root, "scores"), &r->scores);
}

/* A digest member present but malformed: the name, else NULL. */
static const char *
bad_digest (const cJSON *root)
{
  static const char *const names[] = { "log", "scores" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    const cJSON *d = cJSON_GetObjectItemCaseSensitive (root, names[i]);
    RundirDigest x;
    if (d != NULL && !rundir_digest_from_json (d, &x))
      return names[i];
  }
  return NULL;
}

static void
add_string_or_null (cJSON *o, const char *key, const char *v)
{
  if (v)
    cJSON_AddStringToObject (o, key, v);
  else
    cJSON_AddNullToObject (o, key);
}

/* The contest snapshot's entry of submission id, or NULL. */
static const cJSON *
snapshot_of (const RunManifest *m, const char *id)
{
  const cJSON *s;
  cJSON_ArrayForEach (s, cJSON_GetObjectItemCaseSensitive (m->contest,
                                                           "submissions"))
  {
    if (g_strcmp0 (str_in (s, "id"), id) == 0)
      return s;
  }
  return NULL;
}

/* Each submission's conditions next to its metrics: the settings it ran
 * under (the contest's, or its manifest's own where not official) and
 * what the pre-flight or the early stop found (state "ok" otherwise). */
static void
add_conditions (const RunManifest *m, cJSON *submissions)
{
  cJSON *s;
  cJSON_ArrayForEach (s, submissions)
  {
    const char *id = str_in (s, "id");
    const cJSON *eff = cJSON_GetObjectItemCaseSensitive (snapshot_of (m, id),
                                                         "effective");
    if (cJSON_IsObject (eff))
      cJSON_AddItemToObject (s, "settings", cJSON_Duplicate (eff, TRUE));
    const cJSON *st = id ? cJSON_GetObjectItemCaseSensitive (m->status, id)
                         : NULL;
    if (cJSON_IsObject (st))
      cJSON_AddItemToObject (s, "status", cJSON_Duplicate (st, TRUE));
    else {
      cJSON *ok = cJSON_AddObjectToObject (s, "status");
      cJSON_AddStringToObject (ok, "state", "ok");
    }
  }
}

Results *
results_new (const RunManifest *m, cJSON *submissions, cJSON *ties)
{
  Results *r = g_new0 (Results, 1);
  r->root = cJSON_CreateObject ();
  cJSON_AddStringToObject (r->root, "vabench_version", VABENCH_VERSION);
  cJSON *run = cJSON_AddObjectToObject (r->root, "run");
  add_string_or_null (run, "id", m->run_id);
  add_string_or_null (run, "started_at", m->started_at);
  add_string_or_null (run, "finished_at", m->finished_at);
  cJSON *c = cJSON_AddObjectToObject (r->root, "contest");
  for (gsize i = 0; i < G_N_ELEMENTS (contest_copied); i++) {
    const cJSON *v = cJSON_GetObjectItemCaseSensitive (m->contest,
                                                       contest_copied[i]);
    if (v)
      cJSON_AddItemToObject (c, contest_copied[i], cJSON_Duplicate (v, TRUE));
  }
  add_conditions (m, submissions);
  cJSON_AddItemToObject (r->root, "submissions", submissions);
  cJSON_AddItemToObject (r->root, "ties", ties);
  results_bind (r);
  return r;
}

void
results_free (Results *r)
{
  if (r == NULL)
    return;
  cJSON_Delete (r->root);
  g_free (r);
}

Results *
results_read (const char *dir, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_RESULTS);
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local)) {
    g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT, "%s: %s", path,
                 local->message);
    return NULL;
  }
  return results_parse (data, (gssize) len, path, error);
}

Results *
results_parse (const char *text, gssize len, const char *name,
               GError **error)
{
  g_autoptr (cJSON) root = cJSON_ParseWithLength (
      text, len < 0 ? strlen (text) : (gsize) len);
  if (!cJSON_IsObject (root)) {
    g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT,
                 "%s: not a JSON object", name);
    return NULL;
  }
  if (!cJSON_IsArray (cJSON_GetObjectItemCaseSensitive (root,
                                                        "submissions"))) {
    g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT,
                 "%s: field \"%s\": expected an array", name, "submissions");
    return NULL;
  }
  const char *bad = bad_digest (root);
  if (bad != NULL) {
    g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT,
                 "%s: field \"%s\": not {\"records\": N, \"sha256\": HEX}",
                 name, bad);
    return NULL;
  }
  Results *r = g_new0 (Results, 1);
  r->root = g_steal_pointer (&root);
  results_bind (r);
  return r;
}

void
results_set_digests (Results *r, const RundirDigest *log,
                     const RundirDigest *scores)
{
  cJSON_DeleteItemFromObjectCaseSensitive (r->root, "log");
  cJSON_DeleteItemFromObjectCaseSensitive (r->root, "scores");
  if (log)
    cJSON_AddItemToObject (r->root, "log", rundir_digest_to_json (log));
  if (scores)
    cJSON_AddItemToObject (r->root, "scores", rundir_digest_to_json (scores));
  results_bind (r);
}

char *
results_print (const Results *r)
{
  char *text = cJSON_Print (r->root);
  char *with_nl = g_strconcat (text, "\n", NULL);
  cJSON_free (text);
  return with_nl;
}

gboolean
results_write (const char *dir, const Results *r, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_RESULTS);
  g_autofree char *text = results_print (r);
  return atomic_file_set_contents (path, text, -1, ATOMIC_FILE_SYNC, error);
}

void
results_set (Results *r, const char *key, cJSON *value)
{
  if (cJSON_GetObjectItemCaseSensitive (r->root, key))
    cJSON_ReplaceItemInObjectCaseSensitive (r->root, key, value);
  else
    cJSON_AddItemToObject (r->root, key, value);
  results_bind (r);
}

void
results_set_testsets (Results *r, cJSON *testsets)
{
  cJSON *c = cJSON_GetObjectItemCaseSensitive (r->root, "contest");
  if (!cJSON_IsObject (c)) {
    cJSON_Delete (testsets);
    return;
  }
  if (cJSON_GetObjectItemCaseSensitive (c, "testsets"))
    cJSON_ReplaceItemInObjectCaseSensitive (c, "testsets", testsets);
  else
    cJSON_AddItemToObject (c, "testsets", testsets);
  results_bind (r);
}

void
results_set_load (Results *r, cJSON *load)
{
  cJSON_DeleteItemFromObjectCaseSensitive (r->root, "load");
  cJSON_AddItemToObject (r->root, "load", load);
  results_bind (r);
}

gboolean
results_write_load (const char *dir, const cJSON *load, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOAD);
  char *text = cJSON_Print (load);
  g_autofree char *with_nl = g_strconcat (text, "\n", NULL);
  cJSON_free (text);
  return atomic_file_set_contents (path, with_nl, -1, ATOMIC_FILE_SYNC,
                                   error);
}

/* Counts stay below 2^53, where a double is exact and cJSON prints the
 * integer as it is. */
static cJSON *
count_json (guint64 n)
{
  return cJSON_CreateNumber ((double) n);
}

void
results_set_coverage (Results *r, const GArray *submissions,
                      const guint64 *answered, guint64 planned,
                      gboolean planned_known, guint64 ranked_on)
{
  cJSON_DeleteItemFromObjectCaseSensitive (r->root, "coverage");
  cJSON *c = cJSON_CreateObject ();
  gboolean complete = planned_known;
  cJSON *subs = cJSON_CreateArray ();
  for (guint i = 0; i < submissions->len; i++) {
    const RunSubmission *s = &g_array_index (submissions, RunSubmission, i);
    cJSON *o = cJSON_CreateObject ();
    cJSON_AddStringToObject (o, "id", s->id);
    cJSON_AddItemToObject (o, "answered_units", count_json (answered[i]));
    cJSON_AddBoolToObject (o, "complete", answered[i] >= planned);
    complete = complete && answered[i] >= planned;
    cJSON_AddItemToArray (subs, o);
  }
  cJSON_AddBoolToObject (c, "complete", complete);
  if (planned_known)
    cJSON_AddItemToObject (c, "planned_units", count_json (planned));
  else
    cJSON_AddNullToObject (c, "planned_units");
  cJSON_AddItemToObject (c, "ranked_on_units", count_json (ranked_on));
  cJSON_AddItemToObject (c, "submissions", subs);
  /* After the submissions, before the ties: read first by a person. */
  cJSON_AddItemToObject (r->root, "coverage", c);
  results_bind (r);
}

static double
num_of (const cJSON *o, const char *key)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (o, key);
  return cJSON_IsNumber (n) ? n->valuedouble : -1;
}

char *
results_incomplete (const Results *r, const char *lang)
{
  gboolean vi = g_strcmp0 (lang, "en") != 0;
  if (r->coverage == NULL)
    return g_strdup (vi ? "results.json không ghi lượt chạy có đầy đủ hay "
                          "không (chấm bằng phiên bản vabench cũ); hãy chấm "
                          "lại bằng `vabench score`"
                        : "results.json does not record whether the run is "
                          "complete (scored by an older vabench); score it "
                          "again with `vabench score`");
  if (r->complete)
    return NULL;
  double planned = num_of (r->coverage, "planned_units");
  double ranked = num_of (r->coverage, "ranked_on_units");
  g_autoptr (GString) s = g_string_new (NULL);
  const cJSON *e;
  guint i = 0, more = 0;
  cJSON_ArrayForEach (e, cJSON_GetObjectItemCaseSensitive (r->coverage,
                                                           "submissions"))
  {
    const char *id = cJSON_GetStringValue (
        cJSON_GetObjectItemCaseSensitive (e, "id"));
    double n = num_of (e, "answered_units");
    /* only the submissions short of the plan, five at most: a banner over
     * 34 provinces must stay a line */
    if (planned >= 0 && n >= planned)
      continue;
    if (i >= 5) {
      more++;
      continue;
    }
    if (i++ > 0)
      g_string_append (s, ", ");
    if (planned >= 0)
      g_string_append_printf (s, vi ? "%s đã trả lời %.0f/%.0f câu"
                                    : "%s answered %.0f of %.0f units",
                              id ? id : "?", n, planned);
    else
      g_string_append_printf (s, vi ? "%s đã trả lời %.0f câu"
                                    : "%s answered %.0f units",
                              id ? id : "?", n);
  }
  if (more > 0)
    g_string_append_printf (s, vi ? " và %u bài dự thi khác" : " and %u more",
                            more);
  g_string_append_printf (s, vi ? "; xếp hạng chỉ tính trên %.0f câu mà mọi "
                                  "bài dự thi đều đã trả lời"
                                : "; the ranking stands only on the %.0f "
                                  "units every submission answered",
                          MAX (ranked, 0));
  return g_string_free (g_steal_pointer (&s), FALSE);
}
