/* Reviewers' decisions applied to the judged records (appeals: the
 * decisions are read by rundir/appeal.h). A decision replaces the
 * judge's verdict ("correct") of one record — submission, set, item and
 * variant — and nothing else: the score, the judgement and the log stay
 * as they were. The latest decision on a record wins. The scorer feeds
 * every record through review_record, ranks twice (before and after) and
 * puts review_summary into results.json as "appeals". Pure: memory in,
 * memory out. */
#ifndef REVIEW_H
#define REVIEW_H

#include "rundir/appeal.h"
#include "rundir/score_record.h"

typedef struct _Review Review;

/* appeals: Appeal* in file order (borrowed until free). */
Review *review_new (const GPtrArray *appeals);
void review_free (Review *r); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Review, review_free)

/* TRUE when there is at least one decision: the scorer then also ranks
 * the records as judged. */
gboolean review_any (const Review *r);

/* Copies rec into out (strings and arrays still rec's) and, when a
 * decision concerns it and its request did not fail, sets out->correct
 * to the decision, out->appeal to its seq and out->judged_correct to the
 * judge's verdict. A failed request stays wrong: there was no answer to
 * decide on (the decision is reported as not applied). */
void review_record (Review *r, const ScoreRecord *rec, ScoreRecord *out);

/* results.json's "appeals": {"records", "sha256" (the last decision's
 * hash, what `verify` checks), "decisions": [… each with "status":
 * applied | superseded | no_record | failed_request, and "judged_now",
 * the judge's verdict at this scoring or null], "before": {"submissions":
 * [{"id", "rank", "tie_group", "composite", "composite_ci", "accuracy",
 * "correct"}], "ties"}}. before_ranked and before_ties are the metrics of
 * the records as judged (scoring/metrics.h), borrowed. New object. */
cJSON *review_summary (const Review *r, const cJSON *before_ranked,
                       const cJSON *before_ties);

#endif
