/* "Did you mean": the known name nearest to a misspelt one, for the
 * loaders of contest files and manifests, which refuse unknown names
 * (issue 15: a typo must never fall back to a default in silence). */
#ifndef SUGGEST_H
#define SUGGEST_H

#include <glib.h>

/* Edit distance (insertions, deletions, substitutions; a swap of two
 * neighbours counts one) between a and b, in Unicode characters, case
 * folded, stopped at limit + 1: the result is min(distance, limit + 1). */
guint suggest_distance (const char *a, const char *b, guint limit);

/* The entry of known (NULL-terminated) nearest to word within distance 2
 * and within half of word's length (so "x" does not suggest "id"), the
 * first one on a tie; NULL when none is that near. Borrowed from known. */
const char *suggest_near (const char *word, const char *const *known);

/* " (did you mean \"NAME\"?)" for the nearest known name, or "" when
 * none is near: ready to append to a message. Newly allocated. */
char *suggest_hint (const char *word, const char *const *known);

#endif
