#include "harness/plan.h"

#include <string.h>

#include "rundir/variant.h"
#include "testsets/perturb.h"

/* What plan_prefetch asks for of each unit: the struct, the turns array,
 * the ids and a question of a hundred-odd bytes. */
#define PLAN_PREFETCH_BYTES 256u

/* Copies s to *at, returns the copy and moves *at past its NUL. */
static char *
put_string (char **at, const char *s)
{
  gsize n = strlen (s) + 1;
  char *copy = memcpy (*at, s, n);
  *at += n;
  return copy;
}

/* One block (plan.h): what the firing reads first comes first. variant
 * and turns are taken and freed. */
static PlanUnit *
unit_new (const Testset *set, const TsItem *it, char *variant,
          const char *kind, guint64 seed, char **turns)
{
  guint n = g_strv_length (turns);
  gsize size = sizeof (PlanUnit) + (n + 1) * sizeof (char *)
               + strlen (it->id) + strlen (variant) + strlen (kind) + 3;
  for (guint i = 0; i < n; i++)
    size += strlen (turns[i]) + 1;
  PlanUnit *u = g_malloc (size);
  char **t = (char **) (u + 1);
  char *at = (char *) (t + n + 1);
  *u = (PlanUnit) { set, it, NULL, NULL, NULL, seed, t };
  u->item_id = put_string (&at, it->id);
  u->variant = put_string (&at, variant);
  u->variant_kind = put_string (&at, kind);
  for (guint i = 0; i < n; i++)
    t[i] = put_string (&at, turns[i]);
  t[n] = NULL;
  g_assert ((gsize) (at - (char *) u) == size);
  g_free (variant);
  g_strfreev (turns);
  return u;
}

static char **
clean_turns (const TsItem *it)
{
  char **t = g_new0 (char *, it->turns->len + 1);
  for (guint i = 0; i < it->turns->len; i++)
    t[i] = g_strdup (((TsTurn *) g_ptr_array_index (it->turns, i))->question);
  return t;
}

char **
plan_variant_turns (const TsItem *it, const char *kind, guint64 seed,
                    gboolean *changed)
{
  char **t = g_new0 (char *, it->turns->len + 1);
  *changed = FALSE;
  for (guint i = 0; i < it->turns->len; i++) {
    const char *q = ((TsTurn *) g_ptr_array_index (it->turns, i))->question;
    t[i] = perturb_apply (kind, q, seed + i);
    *changed |= strcmp (t[i], q) != 0;
  }
  return t;
}

static void
plan_variant_free (gpointer p)
{
  PlanVariant *v = p;
  g_strfreev (v->turns);
  g_free (v);
}

/* A variant's turns as one key: turns joined by a separator no question
 * holds. */
static char *
turns_key (char **turns)
{
  return g_strjoinv ("\036", turns);
}

GPtrArray *
plan_item_variants (const TsItem *it, const char *kind, guint64 seed,
                    guint per_item)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (plan_variant_free);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash,
                                                       g_str_equal, g_free,
                                                       NULL);
  for (guint n = 1; n <= per_item; n++) {
    guint64 vseed = perturb_variant_seed (seed, it->id, kind, n);
    gboolean changed;
    char **turns = plan_variant_turns (it, kind, vseed, &changed);
    char *key = turns_key (turns);
    /* Identical to the original: not a near-miss. Identical to an earlier
     * draw (nfd, case and short questions give few texts): the same
     * question fired twice would count twice. */
    if (!changed || g_hash_table_contains (seen, key)) {
      g_free (key);
      g_strfreev (turns);
      continue;
    }
    g_hash_table_add (seen, key);
    PlanVariant *v = g_new (PlanVariant, 1);
    *v = (PlanVariant) { n, vseed, turns };
    g_ptr_array_add (out, v);
  }
  return out;
}

static void
add_generated (GPtrArray *units, const Contest *c, const Testset *set,
               const TsItem *it, guint *distinct)
{
  for (guint k = 0; c->nearmiss_kinds[k]; k++) {
    const char *kind = c->nearmiss_kinds[k];
    g_autoptr (GPtrArray) vs = plan_item_variants (it, kind, c->seed,
                                                   c->per_item);
    distinct[k] += vs->len;
    for (guint i = 0; i < vs->len; i++) {
      PlanVariant *v = g_ptr_array_index (vs, i);
      g_ptr_array_add (units,
                       unit_new (set, it, g_strdup_printf ("%s#%u", kind,
                                                           v->n),
                                 kind, v->seed, g_steal_pointer (&v->turns)));
    }
  }
}

static void
add_hand_written (GPtrArray *units, const Testset *set, const TsItem *it)
{
  for (guint i = 0; i < it->variants->len; i++) {
    const TsVariant *v = g_ptr_array_index (it->variants, i);
    g_ptr_array_add (units,
                     unit_new (set, it,
                               g_strdup_printf ("hand:%s#%u", v->type, i),
                               v->type, 0, g_strdupv (v->turns)));
  }
}

/* repeat = k: rounds 2…k of every unit, in blocks after the first, each a
 * copy named "VARIANT@R" (rundir/variant.h): its own session, its own
 * record, the same text. */
static void
add_rounds (GPtrArray *units, guint repeat)
{
  guint n = units->len;
  for (guint r = 2; r <= repeat; r++)
    for (guint i = 0; i < n; i++) {
      const PlanUnit *u = g_ptr_array_index (units, i);
      g_ptr_array_add (units,
                       unit_new (u->set, u->item,
                                 variant_with_round (u->variant, r),
                                 u->variant_kind, u->seed,
                                 g_strdupv (u->turns)));
    }
}

GPtrArray *
plan_build (const Contest *c, PlanSummary *summary)
{
  GPtrArray *units = g_ptr_array_new_with_free_func (g_free);
  guint n_kinds = g_strv_length (c->nearmiss_kinds);
  g_autofree guint *distinct = g_new0 (guint, n_kinds + 1);
  guint n_skipped = 0, n_items = 0;
  for (guint s = 0; s < c->testsets->len; s++) {
    const Testset *set = g_ptr_array_index (c->testsets, s);
    for (guint i = 0; i < set->items->len; i++) {
      const TsItem *it = g_ptr_array_index (set->items, i);
      /* A key that does not hold on the contest's date would score a
       * right answer wrong: such an item is history, not a question. */
      if (c->as_of && !testset_item_valid_on (it, c->as_of)) {
        n_skipped++;
        continue;
      }
      n_items++;
      g_ptr_array_add (units, unit_new (set, it, g_strdup ("clean"), "clean",
                                        0, clean_turns (it)));
      add_generated (units, c, set, it, distinct);
      add_hand_written (units, set, it);
    }
  }
  add_rounds (units, c->repeat);
  if (summary) {
    summary->items = n_items;
    summary->skipped = n_skipped;
    summary->kinds = g_array_sized_new (FALSE, FALSE, sizeof (PlanKindCount),
                                        n_kinds);
    for (guint k = 0; k < n_kinds; k++) {
      PlanKindCount kc = { c->nearmiss_kinds[k], n_items * c->per_item,
                           distinct[k] };
      g_array_append_val (summary->kinds, kc);
    }
  }
  return units;
}

void
plan_summary_clear (PlanSummary *summary)
{
  g_clear_pointer (&summary->kinds, g_array_unref);
}

guint *
plan_order (guint n, guint64 seed, const char *submission_id)
{
  guint *order = g_new (guint, n ? n : 1);
  for (guint i = 0; i < n; i++)
    order[i] = i;
  /* Seed from a hash of both, so submissions get different but reproducible
   * orders and no endpoint sees the set in file order. */
  g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT "/%s", seed,
                                          submission_id);
  guint8 d[32];
  gsize len = sizeof d;
  g_autoptr (GChecksum) cs = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (cs, (const guchar *) key, -1);
  g_checksum_get_digest (cs, d, &len);
  guint32 s[4];
  for (int k = 0; k < 4; k++) /* byte order fixed: same order everywhere */
    s[k] = (guint32) d[4 * k] << 24 | (guint32) d[4 * k + 1] << 16
           | (guint32) d[4 * k + 2] << 8 | d[4 * k + 3];
  g_autoptr (GRand) r = g_rand_new_with_seed_array (s, 4);
  for (guint i = n; i > 1; i--) { /* Fisher–Yates */
    guint j = (guint) g_rand_int_range (r, 0, (gint32) i);
    guint t = order[i - 1];
    order[i - 1] = order[j];
    order[j] = t;
  }
  return order;
}

guint *
plan_order_rounds (guint n, guint rounds, guint64 seed,
                   const char *submission_id)
{
  if (rounds <= 1 || n % rounds != 0)
    return plan_order (n, seed, submission_id);
  guint per = n / rounds;
  g_autofree guint *one = plan_order (per, seed, submission_id);
  guint *order = g_new (guint, n ? n : 1);
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < per; i++)
      order[r * per + i] = r * per + one[i];
  return order;
}

char *
plan_unit_key (const char *testset, const char *item, const char *variant)
{
  /* Unit separator (0x1F): no id can hold it (testset_id_valid), and a
   * log record that does finds no unit of the plan. */
  return g_strdup_printf ("%s\037%s\037%s", testset, item, variant);
}

/* A unit is one block (plan.h): its first lines hold the struct, the
 * turns array, the ids and the first question, so they are asked for
 * without reading anything, and the misses of a batch overlap. A later
 * turn's text lies further on: its address is read from the block, for
 * those units only. A function of its own file: inlined where its result
 * is unused, gcc would drop it as having no effect. */
void
plan_prefetch (const PlanUnit *const *units, const guint *turns, guint n)
{
  for (guint i = 0; i < n; i++) {
    const char *u = (const char *) units[i];
    if (u == NULL)
      continue;
    for (guint line = 0; line < PLAN_PREFETCH_BYTES; line += 64)
      __builtin_prefetch (u + line);
  }
  for (guint i = 0; turns != NULL && i < n; i++)
    if (units[i] != NULL && turns[i] > 0)
      __builtin_prefetch (units[i]->turns[turns[i]]);
}
