/* The firing plan: every (item, variant) a contest asks, the same for every
 * submission, and each submission's own seeded order over it. */
#ifndef PLAN_H
#define PLAN_H

#include "harness/contest.h"

typedef struct {
  const Testset *set;  /* borrowed from the contest */
  const TsItem *item;  /* borrowed */
  char *variant;       /* "clean", "telex#1", "hand:no_diacritics#0" */
  char *variant_kind;  /* "clean", "telex", "no_diacritics", … */
  guint64 seed;        /* generator seed; 0 for clean and hand-written */
  char **turns;        /* text of each turn, NULL-terminated */
} PlanUnit;

/* Builds the units: per item the clean form, per_item generated variants of
 * each near-miss kind (dropped when identical to the clean text) and every
 * hand-written variant. With repeat = k, that block once per round: round
 * R ≥ 2 repeats it with each variant named "VARIANT@R"
 * (rundir/variant.h), so units.len is k times the first block. Items whose valid_from/valid_until window excludes
 * the contest's as_of get no unit; their number goes to *skipped (may be
 * NULL). Array of PlanUnit*, owned (free with g_ptr_array_unref). */
GPtrArray *plan_build (const Contest *c, guint *skipped);

/* The texts of the generated variant of kind with seed: turn t (from 0)
 * of the item perturbed with seed + t, so that a conversation's turns do
 * not all take the same random choices. NULL-terminated, newly allocated
 * (g_strfreev); *changed tells whether any turn differs from the item's.
 * The one place this is decided: plan_build and `vabench testset perturb`
 * both call it, so a run and the CLI agree. */
char **plan_variant_turns (const TsItem *it, const char *kind, guint64 seed,
                           gboolean *changed);

/* A permutation of 0..n-1 seeded by (seed, submission id): the same seed
 * gives the same order. Newly allocated, free with g_free. */
guint *plan_order (guint n, guint64 seed, const char *submission_id);

/* The order over units of `rounds` equal blocks (plan_build with repeat
 * = rounds): each block in the same seeded order, block after block, so a
 * question's rounds are fired a whole round apart — spread over the run,
 * never back to back. rounds ≤ 1 (or n not a multiple of it) is
 * plan_order. Newly allocated, free with g_free. */
guint *plan_order_rounds (guint n, guint rounds, guint64 seed,
                          const char *submission_id);

/* Unit key "testset/item/variant", newly allocated. */
char *plan_unit_key (const char *testset, const char *item,
                     const char *variant);

#endif
