/* Variant names (rundir/README.md): "clean" (the question as written),
 * "KIND#N" (generated), "hand:KIND#N" (hand-written), and with a contest
 * that repeats its questions (`repeat = k`, harness/README.md) a round
 * after the first marked "@R": "clean@2", "telex#1@3". Round 1 keeps the
 * plain name, so an unrepeated run's names are what they always were.
 * The one place the grammar is read: plan, scorer, metrics and reports
 * ask here. */
#ifndef VARIANT_H
#define VARIANT_H

#include <glib.h>

/* The round of a variant: R of a trailing "@R" (R ≥ 2, digits only), else
 * 1. NULL is 1. */
guint variant_round (const char *variant);

/* The length of the name without its round ("clean@2" → 5). */
gsize variant_base_len (const char *variant);

/* TRUE for the question as written in any round ("clean", "clean@3");
 * NULL is clean. */
gboolean variant_is_clean (const char *variant);

/* base with round r (r ≤ 1: base alone). Newly allocated. */
char *variant_with_round (const char *base, guint round);

#endif
