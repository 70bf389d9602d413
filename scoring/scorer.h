/* The scorer: from a run's log to its score records and results. Indexes
 * the log, judges every final answer against the question sets as they are
 * now (scoring/judge.h), writes scores.jsonl and results.json through
 * rundir/. One code path for `run`, `score` and `load`, so a re-score
 * reproduces results.json byte for byte from the same log and sets. No
 * network. */
#ifndef SCORER_H
#define SCORER_H

#include "rundir/results.h"
#include "rundir/score_record.h"

typedef enum {
  /* One record per submission × question set × item × variant, from the
   * last final attempt of each turn: a contest. */
  SCORER_EACH_UNIT,
  /* One record per final attempt of a turn 0, in log order: a capacity
   * step fires the same single-turn questions again and again. */
  SCORER_EACH_ATTEMPT,
} ScorerMode;

/* Called per judged record (borrowed for the call). Return FALSE and set
 * error to stop. */
typedef gboolean (*ScorerFunc) (const ScoreRecord *rec, gpointer user,
                                GError **error);

/* Judges DIR/log.jsonl against sets (Testset*, borrowed; matched by name)
 * and hands each record to func. SCORER_EACH_UNIT orders records by
 * question set, item and variant (clean first), then by the submission's
 * place in submissions (RunSubmission, may be NULL): firing order never
 * shows in the output; then every (set, item, variant) some submission
 * was asked is scored for each of submissions, not_fired where the log
 * has nothing (a paused or unavailable submission is not ranked on fewer
 * questions). Attempts of items no longer in the sets are skipped. FALSE + error (JSONL_ERROR naming file:line) when the log
 * cannot be read, or func's error. */
gboolean scorer_judge_log (const char *dir, const GPtrArray *sets,
                           const GArray *submissions, ScorerMode mode,
                           ScorerFunc func, gpointer user, GError **error);

/* Scores a run: reads DIR/manifest.json, judges the log (SCORER_EACH_UNIT),
 * applies the reviewers' decisions of DIR/appeals.jsonl (review.h; the
 * ranking before them goes to results.json's "appeals"), searches every
 * answer for canaries (canary.h) and compares the submissions' answers
 * (lookalike.h), writes DIR/scores.jsonl and DIR/results.json. sets are
 * the question sets already loaded and checked (Testset*, borrowed, as
 * `run` has them), or NULL to load those the manifest names. *results
 * (may be NULL) receives the results (free with results_free). FALSE +
 * error: RUNDIR_ERROR, TESTSET_ERROR, JSONL_ERROR, APPEAL_ERROR (a damaged
 * appeals.jsonl) for unusable input, G_FILE_ERROR when a file cannot be
 * written. */
gboolean scorer_score_run (const char *dir, const GPtrArray *sets,
                           Results **results, GError **error);

#endif
