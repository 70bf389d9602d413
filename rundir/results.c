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
}

static void
add_string_or_null (cJSON *o, const char *key, const char *v)
{
  if (v)
    cJSON_AddStringToObject (o, key, v);
  else
    cJSON_AddNullToObject (o, key);
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
  Results *r = g_new0 (Results, 1);
  r->root = g_steal_pointer (&root);
  results_bind (r);
  return r;
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
