/* Near-miss generator: how citizens really type a question (DOMAIN.md §4).
 * Kinds, severities and examples: testsets/PERTURB.md.
 *
 * Pure: text in, text out, no I/O, no clock, no global random state. The
 * same (kind, text, seed) gives the same output on every machine. Output is
 * always valid UTF-8, and the numbers of the question ("15.000", "03 ngày",
 * "168/2025/NĐ-CP") survive every kind. */
#ifndef PERTURB_H
#define PERTURB_H

#include <glib.h>

/* Known kinds, NULL-terminated, in documentation order (borrowed, static). */
const char *const *perturb_kind_names (void);

/* TRUE when kind is one of perturb_kind_names(). */
gboolean perturb_kind_valid (const char *kind);

/* 1 (mild) .. 3 (severe), documented in testsets/PERTURB.md; 0 for unknown. */
guint perturb_kind_severity (const char *kind);

/* Returns newly allocated perturbed text (free with g_free). Same (kind, text,
 * seed) → same output on every machine (GRand seeded from seed, never global
 * state). May return text unchanged when the kind does not apply; an unknown
 * kind also returns a copy of text (check perturb_kind_valid first). */
char *perturb_apply (const char *kind, const char *text, guint64 seed);

/* Seed of the n-th generated variant (n from 1) of kind for one item: the
 * first 8 bytes, big-endian, of SHA-256("<seed>/<item_id>/<kind>/<n>") with
 * seed in decimal, masked to 53 bits so that it survives a JSON number
 * (a double) exactly. The engine and `vabench testset perturb` both use it,
 * so a run log and the CLI agree. */
guint64 perturb_variant_seed (guint64 seed, const char *item_id,
                              const char *kind, guint n);

#endif
