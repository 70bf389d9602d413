/* Per-record outcomes of a run (correct or not, hidden or not), keyed by
 * submission and testset/item/variant: what gate --baseline and diff pair
 * up. Read in one streaming pass over scores.jsonl; only two bits per
 * record are kept. */
#ifndef OUTCOMES_H
#define OUTCOMES_H

#include "reports/report.h"

typedef struct _Outcomes Outcomes;

/* Loads RUN_DIR/scores.jsonl; clean_only keeps only variant "clean".
 * NULL + REPORT_ERROR_INPUT naming file:line on a missing or bad file. */
Outcomes *outcomes_load (const char *run_dir, gboolean clean_only,
                         GError **error);
void outcomes_free (Outcomes *o); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Outcomes, outcomes_free)

typedef struct {
  char *key;         /* "testset/item/variant", newly allocated */
  gboolean hidden;   /* of a hidden set: list only as a count */
  gboolean now_correct; /* TRUE: wrong → correct; FALSE: correct → wrong */
} OutcomeFlip;

/* Flips of submission sub between base and cur over the keys both hold,
 * sorted by key (GPtrArray of OutcomeFlip*, owns them). *paired receives
 * the number of keys both runs hold. */
GPtrArray *outcomes_flips (const Outcomes *base, const Outcomes *cur,
                           const char *sub, guint *paired);

#endif
