/* The question sets of a re-score (scoring/scorer_sets.h). */
#include "scoring/scorer_sets.h"

#include "testsets/testset.h"
#include "util/sha256.h"

#include <string.h>

/* The manifest's question sets as they are now, hashed: results.json
 * reports the hashes of the sets the scores were made with (issue 15: it
 * used to repeat the firing's after a corrected key was re-scored). */
GPtrArray *
scorer_sets_load (const RunManifest *m, GError **error)
{
  g_autoptr (GPtrArray) sets = g_ptr_array_new_with_free_func (
      (GDestroyNotify) testset_free);
  for (guint i = 0; i < m->testsets->len; i++) {
    const RunTestset *t = &g_array_index (m->testsets, RunTestset, i);
    const char *path = t->abs_path;
    if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
      path = t->path;
    if (path == NULL)
      continue;
    Testset *set = testset_load (path, error);
    if (set == NULL)
      return NULL;
    g_ptr_array_add (sets, set);
  }
  return g_steal_pointer (&sets);
}

/* An item's key in results.json: its id, or for a hidden set a hash of it
 * (the ids of a hidden set are not published). */
static char *
item_key (const Testset *set, const TsItem *it)
{
  if (!set->hidden)
    return g_strdup (it->id);
  char hex[65];
  sha256_hex (it->id, strlen (it->id), hex);
  return g_strdup_printf ("#%.16s", hex);
}

/* contest.testsets of results.json: each set the scores were made with,
 * its SHA-256 now, the firing's when it differs ("sha256_fired"), and a
 * digest per item so that diff can name what changed. */
cJSON *
scorer_sets_used (const RunManifest *m, const GPtrArray *sets)
{
  cJSON *out = cJSON_CreateArray ();
  const cJSON *fired = cJSON_GetObjectItemCaseSensitive (m->contest,
                                                        "testsets");
  for (guint i = 0; i < m->testsets->len; i++) {
    const RunTestset *t = &g_array_index (m->testsets, RunTestset, i);
    const Testset *set = NULL;
    for (guint k = 0; k < sets->len && set == NULL; k++)
      if (g_strcmp0 (((const Testset *) sets->pdata[k])->name, t->name) == 0)
        set = sets->pdata[k];
    /* The manifest's entry (name, path, categories, …), its hash, count
     * and visibility those of the set as scored. */
    cJSON *o = cJSON_Duplicate (cJSON_GetArrayItem (fired, (int) i), TRUE);
    if (!cJSON_IsObject (o)) {
      cJSON_Delete (o);
      o = cJSON_CreateObject ();
      cJSON_AddStringToObject (o, "name", t->name ? t->name : "?");
    }
    static const char *const dropped[] = { "sha256", "visibility", "items",
                                           "abs_path" };
    for (guint k = 0; k < G_N_ELEMENTS (dropped); k++)
      cJSON_DeleteItemFromObjectCaseSensitive (o, dropped[k]);
    const char *now = set && set->sha256 ? set->sha256 : t->sha256;
    cJSON_AddStringToObject (o, "sha256", now ? now : "");
    if (t->sha256 && now && strcmp (t->sha256, now) != 0)
      cJSON_AddStringToObject (o, "sha256_fired", t->sha256);
    if (set == NULL) {
      cJSON_AddItemToArray (out, o);
      continue;
    }
    cJSON_AddStringToObject (o, "visibility",
                             set->hidden ? "hidden" : "public");
    cJSON_AddNumberToObject (o, "items", set->items->len);
    cJSON *items = cJSON_AddObjectToObject (o, "item_sha256");
    for (guint k = 0; k < set->items->len; k++) {
      const TsItem *it = g_ptr_array_index (set->items, k);
      g_autofree char *key = item_key (set, it);
      cJSON_AddStringToObject (items, key, it->digest);
    }
    cJSON_AddItemToArray (out, o);
  }
  return out;
}

