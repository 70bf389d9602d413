/* Canaries: signs that a question set leaked into an assistant's
 * training data. A set's header may carry a canary string (testsets/
 * README.md) — unique to the set, never part of a right answer — and a
 * set may hold canary items, questions about something that exists only
 * in the set, with the tell-tale phrases that only a model trained on the
 * leaked set would answer (`"canary": [...]`). Every answer of a run is
 * searched for every set's canary string (ASCII, case ignored), and a
 * canary item's answers for its phrases (normalized phrase form, whole
 * words: scoring/normalize.h). The scorer counts the hits per record
 * (scores.jsonl "canary") and lists them in results.json ("canaries") for
 * the organizer's report. */
#ifndef CANARY_H
#define CANARY_H

#include "rundir/score_record.h"
#include "testsets/testset.h"

typedef struct _Canary Canary;

/* sets: Testset*, borrowed until free. */
Canary *canary_new (const GPtrArray *sets);
void canary_free (Canary *c); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Canary, canary_free)

/* TRUE when some set has a canary string or a canary item. */
gboolean canary_armed (const Canary *c);

/* The number of rec's answered turns that hold a canary; each hit is
 * kept for canary_result. */
guint canary_check (Canary *c, const ScoreRecord *rec);

/* results.json's "canaries": {"strings": N (sets with a canary string),
 * "items": N (canary items), "hits": [{"submission", "testset", "item",
 * "variant", "turn", "found": "string" | "phrase", "canary": the string
 * or phrase found, "hidden"}] in the order found, "by_submission": {id:
 * answers with a hit}}. New object. */
cJSON *canary_result (const Canary *c);

/* TRUE when text holds needle as whole words in phrase form (tests). */
gboolean canary_phrase_in (const char *text, const char *needle);

#endif
