/* Look-alike backends: pairs of submissions whose answers are
 * near-identical on most questions — two provinces that put one vendor's
 * assistant behind two endpoints. Each answered record's text (its turns
 * joined) is normalized (scoring/normalize.h, phrase form: case, tone
 * placement, markup and punctuation folded) and reduced to a 64-bit
 * SimHash of its word pairs; two answers to the same question (set, item,
 * variant) are near-identical when their normalized texts are equal or
 * their SimHashes differ in at most LOOKALIKE_MAX_BITS bits. A pair of
 * submissions is flagged when at least LOOKALIKE_MIN_COMPARED questions
 * were answered by both and the share of near-identical answers is at
 * least LOOKALIKE_SHARE. Definitions and the measured separation:
 * scoring/METRICS.md, "Look-alike submissions". */
#ifndef LOOKALIKE_H
#define LOOKALIKE_H

#include "rundir/score_record.h"

#define LOOKALIKE_MAX_BITS 10
#define LOOKALIKE_MIN_COMPARED 20
#define LOOKALIKE_SHARE 0.8
/* Examples kept per flagged pair (the longest near-identical answers of
 * public sets), and characters of each answer quoted. */
#define LOOKALIKE_EXAMPLES 3
#define LOOKALIKE_QUOTE 240

typedef struct _Lookalike Lookalike;

/* submissions: RunSubmission (rundir/run_manifest.h) in contest order,
 * borrowed until free; a record of another submission is added after
 * them. */
Lookalike *lookalike_new (const GArray *submissions);
void lookalike_free (Lookalike *l); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Lookalike, lookalike_free)

/* One record (copied as needed). Records must come grouped by question —
 * every submission's record of one (set, item, variant) one after the
 * other, as the scorer writes them: only answers of one group are
 * compared. A failed or unanswered record is not compared; a hidden one
 * counts but is never quoted. */
void lookalike_add (Lookalike *l, const ScoreRecord *rec, gboolean hidden);

/* results.json's "lookalikes": {"max_bits", "min_compared", "share",
 * "pairs": [{"a", "b", "compared", "near_identical", "share", "examples":
 * [{"testset", "item", "variant", "answer_a", "answer_b"}]}]} — flagged
 * pairs only, most alike first. New object. */
cJSON *lookalike_result (Lookalike *l);

/* The SimHash of a text as lookalike_add computes it (tests). */
guint64 lookalike_simhash (const char *text);

#endif
