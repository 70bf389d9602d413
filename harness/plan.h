/* The firing plan: every (item, variant) a contest asks, the same for every
 * submission, and each submission's own seeded order over it. */
#ifndef PLAN_H
#define PLAN_H

#include "harness/contest.h"

/* A unit of plan_build is one block: the struct, then its turns array
 * and every string below, so that firing it (the session id, the request,
 * the log record) reads a few adjacent cache lines instead of a pointer
 * chase through the test set. Its strings are read-only. */
typedef struct {
  const Testset *set;  /* borrowed from the contest */
  const TsItem *item;  /* borrowed */
  const char *item_id; /* item->id, copied beside the unit */
  char *variant;       /* "clean", "telex#1", "hand:no_diacritics#0" */
  char *variant_kind;  /* "clean", "telex", "no_diacritics", … */
  guint64 seed;        /* generator seed; 0 for clean and hand-written */
  char **turns;        /* text of each turn, NULL-terminated */
} PlanUnit;

/* How many texts each generated kind gave: asked = items × per_item,
 * distinct = the variants kept (not the original's text, not an earlier
 * variant's). kind is borrowed from the contest. */
typedef struct {
  const char *kind;
  guint asked, distinct;
} PlanKindCount;

typedef struct {
  guint items;     /* items fired (once, whatever repeat says) */
  guint skipped;   /* items whose valid_from/valid_until excludes as_of */
  GArray *kinds;   /* PlanKindCount, in the contest's order; owned */
} PlanSummary;

/* Builds the units: per item the clean form, the distinct generated
 * variants of each near-miss kind (plan_item_variants) and every
 * hand-written variant. With repeat = k, that block once per round: round
 * R ≥ 2 repeats it with each variant named "VARIANT@R" (rundir/variant.h),
 * so units.len is k times the first block. Items whose
 * valid_from/valid_until window excludes the contest's as_of get no unit.
 * summary (may be NULL) receives the counts of the first round; clear it
 * with plan_summary_clear. Array of PlanUnit*, owned (free with
 * g_ptr_array_unref). */
GPtrArray *plan_build (const Contest *c, PlanSummary *summary);
void plan_summary_clear (PlanSummary *summary);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanSummary, plan_summary_clear)

/* One generated variant of an item: its number n (from 1, as in
 * "telex#n"), its generator seed and its turns (owned). */
typedef struct {
  guint n;
  guint64 seed;
  char **turns;
} PlanVariant;

/* The generated variants n = 1..per_item of kind for one item, with the
 * contest's seed: each seeded by perturb_variant_seed, and kept only when
 * its texts differ from the item's and from every earlier variant's, so
 * per_item 3 of a deterministic kind (nfd) gives one variant, not the
 * same question three times. Array of PlanVariant*, owned. The one place
 * this is decided: plan_build and `vabench testset perturb` both call
 * it. */
GPtrArray *plan_item_variants (const TsItem *it, const char *kind,
                               guint64 seed, guint per_item);

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

/* A hint: asks the CPU for what firing reads of these units — the first
 * lines of each unit's block (plan_build's units: the struct, its ids,
 * variant names and first question), and the text of turn turns[i] when
 * it is a later one (turns NULL: the first) — all at once. A large plan
 * is fired in a shuffled order, so each unit is a cache miss of its own,
 * and read one after the other they were the largest share of vabench's
 * own time per request (perf, 200,000 units, December 2026); asked for
 * together, the misses overlap. Reads nothing it could not: units are
 * valid PlanUnits (NULL ones are skipped), turns in range. */
void plan_prefetch (const PlanUnit *const *units, const guint *turns,
                    guint n);

/* Unit key "testset␟item␟variant" (joined by 0x1F, which no id holds:
 * "a/b" + "c" and "a" + "b/c" are two keys), newly allocated. */
char *plan_unit_key (const char *testset, const char *item,
                     const char *variant);

#endif
