/* Question sets (testsets/testset.c): any bytes as a .jsonl file. A set
 * that loads must be whole: every item found by its id, its turns keyed,
 * its window printable; a refusal is a GError, never a crash. */
#include "fuzz.h"

#include "testsets/testset.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = fuzz_write ("set.jsonl", data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (Testset) set = testset_load (path, &error);
  if (set == NULL) {
    FUZZ_CHECK (error != NULL && error->message != NULL, "no error set");
    return 0;
  }
  FUZZ_CHECK (error == NULL, "error set on success");
  FUZZ_CHECK (set->sha256 != NULL && strlen (set->sha256) == 64, "hash");
  FUZZ_CHECK (set->name != NULL, "no name");
  for (guint i = 0; i < set->items->len; i++) {
    const TsItem *it = g_ptr_array_index (set->items, i);
    FUZZ_CHECK (testset_lookup (set, it->id) == it, "item %s not found",
                it->id);
    FUZZ_CHECK (it->turns->len >= 1, "item %s has no turn", it->id);
    for (guint t = 0; t < it->turns->len; t++) {
      const TsTurn *turn = g_ptr_array_index (it->turns, t);
      FUZZ_CHECK (turn->key != NULL && turn->question != NULL,
                  "turn %u of %s", t, it->id);
    }
    for (guint v = 0; v < it->variants->len; v++) {
      const TsVariant *var = g_ptr_array_index (it->variants, v);
      FUZZ_CHECK (g_strv_length (var->turns) == it->turns->len,
                  "variant %u of %s has the wrong number of turns", v, it->id);
    }
    g_autofree char *window = testset_item_window (it);
    FUZZ_CHECK (window != NULL && g_utf8_validate (window, -1, NULL),
                "window of %s", it->id);
    (void) testset_item_valid_on (it, "2026-07-01");
  }
  g_autoptr (GError) rev = NULL;
  (void) testset_require_reviewed (set, &rev);
  return 0;
}
