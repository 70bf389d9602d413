#include "reports/provenance.h"

#include <string.h>

#include "reports/rjson.h"
#include "rundir/run_manifest.h"

typedef struct {
  char *sha256;
  const cJSON *items; /* item_sha256, borrowed from the results, or NULL */
} SetSeen;

static void
set_seen_free (gpointer p)
{
  SetSeen *s = p;
  g_free (s->sha256);
  g_free (s);
}

/* name → SetSeen: results.json's sets, else the manifest's (older runs). */
static GHashTable *
sets_of (const char *dir, const Results *r)
{
  GHashTable *h = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                         set_seen_free);
  const cJSON *s;
  cJSON_ArrayForEach (s, rjson_path (r->contest, "testsets"))
  {
    const char *name = rjson_str (s, "name", NULL);
    if (name == NULL)
      continue;
    SetSeen *seen = g_new0 (SetSeen, 1);
    seen->sha256 = g_strdup (rjson_str (s, "sha256", ""));
    seen->items = cJSON_GetObjectItemCaseSensitive (s, "item_sha256");
    if (!cJSON_IsObject (seen->items))
      seen->items = NULL;
    g_hash_table_insert (h, g_strdup (name), seen);
  }
  if (g_hash_table_size (h) > 0)
    return h;
  g_autoptr (RunManifest) m = run_manifest_read (dir, NULL);
  for (guint i = 0; m && i < m->testsets->len; i++) {
    const RunTestset *t = &g_array_index (m->testsets, RunTestset, i);
    if (t->name == NULL)
      continue;
    SetSeen *seen = g_new0 (SetSeen, 1);
    seen->sha256 = g_strdup (t->sha256 ? t->sha256 : "");
    g_hash_table_insert (h, g_strdup (t->name), seen);
  }
  return h;
}

static void
short_hash (GString *o, const char *sha)
{
  if (sha == NULL || *sha == '\0')
    g_string_append (o, "(none)");
  else
    g_string_append_printf (o, "%.12s…", sha);
}

/* "changed: a, b; added: c" — public ids listed, hidden ones counted. */
static void
list_items (GString *o, const char *what, GPtrArray *ids)
{
  if (ids->len == 0)
    return;
  guint hidden = 0, shown = 0;
  g_string_append_printf (o, "; %u %s", ids->len, what);
  for (guint i = 0; i < ids->len; i++) {
    const char *id = ids->pdata[i];
    if (id[0] == '#') {
      hidden++;
      continue;
    }
    g_string_append_printf (o, "%s%s", shown++ ? ", " : ": ", id);
  }
  if (hidden)
    g_string_append_printf (o, "%s%u of a hidden set, not listed",
                            shown ? "; " : ": ", hidden);
}

static gint
cmp_str (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
describe (GString *o, const char *name, const SetSeen *a, const SetSeen *b,
          const char *label_a, const char *label_b)
{
  g_string_append_printf (o, "question set \"%s\": sha256 ", name);
  short_hash (o, a ? a->sha256 : NULL);
  g_string_append_printf (o, " in %s, ", label_a);
  short_hash (o, b ? b->sha256 : NULL);
  g_string_append_printf (o, " in %s", label_b);
  if (a == NULL || b == NULL) {
    g_string_append_printf (o, " (only in %s)\n", a ? label_a : label_b);
    return;
  }
  if (a->items == NULL || b->items == NULL) {
    g_string_append (o, " (an older results.json has no item digests: "
                        "re-score it with vabench score to see which items "
                        "changed)\n");
    return;
  }
  g_autoptr (GPtrArray) changed = g_ptr_array_new ();
  g_autoptr (GPtrArray) added = g_ptr_array_new ();
  g_autoptr (GPtrArray) removed = g_ptr_array_new ();
  const cJSON *x;
  cJSON_ArrayForEach (x, a->items)
  {
    const cJSON *y = cJSON_GetObjectItemCaseSensitive (b->items, x->string);
    if (y == NULL)
      g_ptr_array_add (removed, x->string);
    else if (g_strcmp0 (cJSON_GetStringValue (x), cJSON_GetStringValue (y))
             != 0)
      g_ptr_array_add (changed, x->string);
  }
  cJSON_ArrayForEach (x, b->items)
  {
    if (cJSON_GetObjectItemCaseSensitive (a->items, x->string) == NULL)
      g_ptr_array_add (added, x->string);
  }
  g_ptr_array_sort (changed, cmp_str);
  g_ptr_array_sort (added, cmp_str);
  g_ptr_array_sort (removed, cmp_str);
  list_items (o, "item(s) changed", changed);
  list_items (o, "added", added);
  list_items (o, "removed", removed);
  if (changed->len + added->len + removed->len == 0)
    g_string_append (o, "; every item reads the same (the header or the "
                        "layout changed)");
  g_string_append_c (o, '\n');
}

gboolean
provenance_same_sets (const char *dir_a, const Results *a,
                      const char *dir_b, const Results *b,
                      const char *label_a, const char *label_b,
                      GString *changes)
{
  g_autoptr (GHashTable) ha = sets_of (dir_a, a);
  g_autoptr (GHashTable) hb = sets_of (dir_b, b);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  GHashTableIter it;
  gpointer k, v;
  g_hash_table_iter_init (&it, ha);
  while (g_hash_table_iter_next (&it, &k, &v))
    g_ptr_array_add (names, k);
  g_hash_table_iter_init (&it, hb);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (!g_hash_table_contains (ha, k))
      g_ptr_array_add (names, k);
  g_ptr_array_sort (names, cmp_str);
  gboolean same = TRUE;
  for (guint i = 0; i < names->len; i++) {
    const SetSeen *sa = g_hash_table_lookup (ha, names->pdata[i]);
    const SetSeen *sb = g_hash_table_lookup (hb, names->pdata[i]);
    if (sa && sb && strcmp (sa->sha256, sb->sha256) == 0)
      continue;
    same = FALSE;
    describe (changes, names->pdata[i], sa, sb, label_a, label_b);
  }
  return same;
}
