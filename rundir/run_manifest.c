#include "rundir/run_manifest.h"

#include <string.h>

#include "rundir/rundir.h"
#include "util/atomic_file.h"

static const char *
str_in (const cJSON *o, const char *key)
{
  return cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (o, key));
}

static double
num_in (const cJSON *o, const char *key)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (o, key);
  return cJSON_IsNumber (n) ? n->valuedouble : 0;
}

/* A setting that must be a count: negative, fractional or huge values
 * read as 0 instead of an undefined cast. */
static guint64
count_in (const cJSON *o, const char *key, guint64 max)
{
  double d = num_in (o, key);
  return d >= 0 && d < 18446744073709551616.0 && d <= (double) max
             ? (guint64) d
             : 0;
}

GArray *
run_manifest_submissions_of (const cJSON *array)
{
  GArray *subs = g_array_new (FALSE, TRUE, sizeof (RunSubmission));
  const cJSON *list = cJSON_IsArray (array) ? array : NULL, *s;
  cJSON_ArrayForEach (s, list)
  {
    RunSubmission rs = { str_in (s, "id"), str_in (s, "name"),
                         str_in (s, "province") };
    if (rs.id != NULL)
      g_array_append_val (subs, rs);
  }
  return subs;
}

/* The typed fields, from m->contest. */
static void
read_contest (RunManifest *m)
{
  const cJSON *c = m->contest;
  m->contest_file_abs = str_in (c, "file_abs");
  m->testsets = g_array_new (FALSE, TRUE, sizeof (RunTestset));
  const cJSON *t;
  cJSON_ArrayForEach (t, cJSON_GetObjectItemCaseSensitive (c, "testsets"))
  {
    RunTestset rt = { str_in (t, "name"), str_in (t, "path"),
                      str_in (t, "abs_path"), str_in (t, "sha256") };
    g_array_append_val (m->testsets, rt);
  }
  m->submissions = run_manifest_submissions_of (
      cJSON_GetObjectItemCaseSensitive (c, "submissions"));
  const cJSON *w = cJSON_GetObjectItemCaseSensitive (c, "weights");
  m->w_accuracy = num_in (w, "accuracy");
  m->w_nearmiss = num_in (w, "nearmiss");
  m->w_latency = num_in (w, "latency");
  m->w_availability = num_in (w, "availability");
  m->sla_ms = (guint) count_in (c, "sla_ms", G_MAXUINT);
  m->resamples = (guint) count_in (c, "resamples", G_MAXUINT);
  m->seed = count_in (c, "seed", G_MAXUINT64);
  m->repeat = MAX ((guint) count_in (c, "repeat", 100), 1u);
  m->repeat_pass_k = g_strcmp0 (str_in (c, "repeat_rank"), "pass_k") == 0;
}

static void
add_abs (cJSON *o, const char *key, const char *abs_key)
{
  const char *path = str_in (o, key);
  if (path == NULL || cJSON_GetObjectItemCaseSensitive (o, abs_key))
    return;
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  cJSON_AddStringToObject (o, abs_key, abs);
}

RunManifest *
run_manifest_new (const char *run_id, const char *started_at, cJSON *contest)
{
  RunManifest *m = g_new0 (RunManifest, 1);
  m->vabench_version = g_strdup (VABENCH_VERSION);
  m->run_id = g_strdup (run_id);
  m->started_at = g_strdup (started_at);
  m->contest = contest;
  /* Resume reloads the contest file and re-scoring the sets from any
   * working directory. */
  add_abs (contest, "file", "file_abs");
  cJSON *t;
  cJSON_ArrayForEach (t, cJSON_GetObjectItemCaseSensitive (contest,
                                                           "testsets"))
    add_abs (t, "path", "abs_path");
  read_contest (m);
  return m;
}

void
run_manifest_free (RunManifest *m)
{
  if (m == NULL)
    return;
  g_free (m->vabench_version);
  g_free (m->run_id);
  g_free (m->started_at);
  g_free (m->finished_at);
  cJSON_Delete (m->contest);
  if (m->testsets)
    g_array_unref (m->testsets);
  if (m->submissions)
    g_array_unref (m->submissions);
  g_free (m);
}

gboolean
run_manifest_write (const char *dir, const RunManifest *m, GError **error)
{
  g_autoptr (cJSON) o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "vabench_version", m->vabench_version);
  cJSON_AddStringToObject (o, "run_id", m->run_id);
  cJSON_AddStringToObject (o, "started_at", m->started_at);
  if (m->finished_at)
    cJSON_AddStringToObject (o, "finished_at", m->finished_at);
  /* A reference: printed as a member, left alone when o is freed. */
  cJSON_AddItemReferenceToObject (o, "contest", m->contest);
  char *text = cJSON_Print (o);
  g_autofree char *with_nl = g_strconcat (text, "\n", NULL);
  cJSON_free (text);
  g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
  return atomic_file_set_contents (path, with_nl, -1, ATOMIC_FILE_SYNC,
                                   error);
}

static gboolean
not_manifest (GError **error, const char *path, const char *why)
{
  g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT,
               "%s: %s", path, why);
  return FALSE;
}

RunManifest *
run_manifest_read (const char *dir, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &text, &len, &local)) {
    not_manifest (error, path, local->message);
    return NULL;
  }
  g_autoptr (cJSON) o = cJSON_ParseWithLength (text, len);
  cJSON *contest = cJSON_DetachItemFromObjectCaseSensitive (o, "contest");
  if (!cJSON_IsObject (contest)) {
    cJSON_Delete (contest);
    not_manifest (error, path, "not a vabench run manifest");
    return NULL;
  }
  RunManifest *m = g_new0 (RunManifest, 1);
  m->vabench_version = g_strdup (str_in (o, "vabench_version"));
  m->run_id = g_strdup (str_in (o, "run_id"));
  m->started_at = g_strdup (str_in (o, "started_at"));
  m->finished_at = g_strdup (str_in (o, "finished_at"));
  m->contest = contest;
  read_contest (m);
  return m;
}
