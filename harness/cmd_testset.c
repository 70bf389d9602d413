/* vabench testset check|perturb */
#include "harness/cmd.h"
#include "harness/cmd_testset_perturb.h"

#include <stdio.h>
#include <string.h>

#include "testsets/testset.h"

static void
count (GHashTable *h, const char *key)
{
  gpointer old = g_hash_table_lookup (h, key);
  g_hash_table_replace (h, (gpointer) key,
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
}

static void
print_counts (const char *label, GHashTable *h)
{
  g_autoptr (GList) keys = g_hash_table_get_keys (h);
  keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
  printf ("  %s:", label);
  for (GList *l = keys; l; l = l->next)
    printf (" %s %u%s", (char *) l->data,
            GPOINTER_TO_UINT (g_hash_table_lookup (h, l->data)),
            l->next ? "," : "");
  printf ("\n");
}

static void
print_summary (const Testset *set)
{
  g_autoptr (GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) cats = g_hash_table_new (g_str_hash, g_str_equal);
  guint reviewed = 0, variants = 0;
  for (guint i = 0; i < set->items->len; i++) {
    const TsItem *it = g_ptr_array_index (set->items, i);
    count (kinds, it->kind);
    count (cats, it->category);
    reviewed += it->reviewed;
    variants += it->variants->len;
  }
  printf ("%s: ok, %u items (%u reviewed, %u unreviewed), %u hand-written "
          "variants, %s, sha256 %.12s…\n",
          set->path, set->items->len, reviewed, set->items->len - reviewed,
          variants, set->hidden ? "hidden" : "public", set->sha256);
  print_counts ("by kind", kinds);
  print_counts ("by category", cats);
}

/* Lists on stderr every item whose key does not hold on date; returns how
 * many. */
static guint
report_not_valid (const Testset *set, const char *date)
{
  guint n = 0;
  for (guint i = 0; i < set->items->len; i++) {
    const TsItem *it = g_ptr_array_index (set->items, i);
    if (testset_item_valid_on (it, date))
      continue;
    g_autofree char *window = testset_item_window (it);
    fprintf (stderr,
             "vabench testset check: %s:%u: item \"%s\" is not valid on %s "
             "(valid %s)\n",
             set->path, it->line, it->id, date, window);
    n++;
  }
  return n;
}

static int
testset_check (int argc, char **argv, GError **error)
{
  gboolean require_reviewed = FALSE;
  g_autofree char *as_of = NULL;
  const GOptionEntry entries[]
      = { { "require-reviewed", 0, 0, G_OPTION_ARG_NONE, &require_reviewed,
            "Refuse items whose review is not \"reviewed\" (official "
            "contests)",
            NULL },
          { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
            "List the items whose valid_from/valid_until window excludes "
            "DATE and fail if there is any",
            "YYYY-MM-DD" },
          { NULL } };
  if (!cmd_parse_options ("testset check", "FILE...",
                          "Validates question sets (testsets/README.md); "
                          "exits 2 naming file:line and field on an error.",
                          entries, &argc, &argv, error))
    return VB_EXIT_INPUT;
  if (argc < 2) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "no FILE given");
    return VB_EXIT_INPUT;
  }
  if (as_of != NULL && !testset_date_check (as_of, "--as-of", NULL)) {
    g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
                 "--as-of: \"%s\" is not a date YYYY-MM-DD", as_of);
    return VB_EXIT_INPUT;
  }
  guint failed = 0, items = 0, stale = 0;
  for (int i = 1; i < argc; i++) {
    g_autoptr (GError) local = NULL;
    g_autoptr (Testset) set = testset_load (argv[i], &local);
    if (set != NULL && require_reviewed)
      (void) testset_require_reviewed (set, &local);
    if (local != NULL) {
      fprintf (stderr, "vabench testset check: %s\n", local->message);
      failed++;
      continue;
    }
    items += set->items->len;
    print_summary (set);
    if (as_of != NULL)
      stale += report_not_valid (set, as_of);
  }
  if (failed > 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "%u of %d files failed the check", failed, argc - 1);
    return VB_EXIT_INPUT;
  }
  if (stale > 0) {
    g_set_error (error, VB_ERROR, VB_ERROR_INPUT,
                 "%u of %u items are not valid on %s", stale, items, as_of);
    return VB_EXIT_INPUT;
  }
  if (as_of != NULL)
    printf ("%d file(s), %u items: all valid, every one on %s\n", argc - 1,
            items, as_of);
  else
    printf ("%d file(s), %u items: all valid\n", argc - 1, items);
  return VB_EXIT_OK;
}

int
cmd_testset (int argc, char **argv, GError **error)
{
  if (argc >= 2 && strcmp (argv[1], "check") == 0)
    return testset_check (argc - 1, argv + 1, error);
  if (argc >= 2 && strcmp (argv[1], "perturb") == 0)
    return cmd_testset_perturb (argc - 1, argv + 1, error);
  g_set_error (error, VB_ERROR, VB_ERROR_USAGE,
               "usage: vabench testset check [--require-reviewed] "
               "[--as-of YYYY-MM-DD] FILE... | "
               "vabench testset perturb FILE --kinds K,... --seed N "
               "[--per-item M]");
  return VB_EXIT_INPUT;
}
