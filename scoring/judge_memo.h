/* A memo of judgements: the same key judging the same answer bytes again
 * gives the same judgement, so it is made once. Contests repeat answers:
 * a retrieval assistant gives one text to every near-miss variant it
 * understands, `repeat = k` asks each question k times, and a re-score
 * judges a whole log again. Safe to share between threads. */
#ifndef VABENCH_SCORING_JUDGE_MEMO_H
#define VABENCH_SCORING_JUDGE_MEMO_H

#include "scoring/judge.h"

#include <glib.h>

typedef struct _JudgeMemo JudgeMemo;

/* A memo that keeps judgements until their text reaches max_bytes, then
 * judges without remembering. Answers are not copied: each answer given
 * to judge_memo_append must outlive the memo. */
JudgeMemo *judge_memo_new (gsize max_bytes);
void judge_memo_free (JudgeMemo *m); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JudgeMemo, judge_memo_free)

/* judge_answer_append_len (key, answer, len, out, totals), from the memo
 * when key judged these bytes before. m may be NULL (no memo). */
void judge_memo_append (JudgeMemo *m, const JudgeKey *key, const char *answer,
                        gsize len, GString *out, JudgeTotals *totals);

/* Judgements made and judgements taken from the memo so far. */
void judge_memo_counts (JudgeMemo *m, guint64 *made, guint64 *reused);

#endif
