/* Judging one answer against the answer key of one turn.
 *
 * The key is compiled once (judge_key_new) from the question set's JSON, so
 * the same code validates question sets (testsets/ calls it) and scores
 * answers: the fact schema lives in one place. Pure: no I/O, no clock. */
#ifndef JUDGE_H
#define JUDGE_H

#include "util/vb_autocleanups.h"

#define JUDGE_ERROR (judge_error_quark ())
GQuark judge_error_quark (void);
typedef enum {
  JUDGE_ERROR_FACT_TYPE, /* unknown fact type */
  JUDGE_ERROR_FIELD,     /* a fact field is missing, mistyped or invalid */
} JudgeError;

typedef struct _JudgeKey JudgeKey;

/* Compiles the key of one turn. kind is the item kind ("procedure", "legal",
 * "multiple_choice", "unanswerable", "conversation"); facts is a JSON array
 * (borrowed, may be empty for some kinds), forbid a JSON array or NULL,
 * choices the item's "choices" object or NULL. Returns NULL and sets error
 * naming the field, e.g. `field "facts[2].type": unknown fact type "fee"`. */
JudgeKey *judge_key_new (const char *kind, const cJSON *facts,
                         const cJSON *forbid, const cJSON *choices,
                         GError **error);
void judge_key_free (JudgeKey *key); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JudgeKey, judge_key_free)

/* Judges answer (UTF-8, any normalization; may hold Markdown/HTML).
 * Returns a newly allocated judgement (free with cJSON_Delete):
 *   {"score": 0..1, "correct": bool, "lenient_score": 0..1,
 *    "contradictions": n,
 *    "facts": [{"type", "required", "weight", "status":
 *               "matched"|"missing"|"contradiction"|"other_value",
 *               "span": "...", "value": ..., "reason": "..."}],
 *    "forbid": [{"rule": i, "span": "...", "reason": "..."}]}
 * A NULL answer (the request failed) gives score 0 with reason "no answer". */
cJSON *judge_answer (const JudgeKey *key, const char *answer);

/* What a caller aggregates from a judgement. */
typedef struct {
  double score, lenient_score;
  gboolean correct;
  int contradictions;
} JudgeTotals;

/* The same judgement appended to out as one line of JSON, byte for byte as
 * jsonw_append_cjson would print judge_answer's tree, without building it:
 * the scorer writes one per answer. totals gets its leading members. */
void judge_answer_append (const JudgeKey *key, const char *answer,
                          GString *out, JudgeTotals *totals);

/* judge_answer_append for an answer of len bytes that may hold NUL bytes
 * (an endpoint's "\u0000"): each NUL is read as a space, on a copy, so the
 * text after it is judged too. */
void judge_answer_append_len (const JudgeKey *key, const char *answer,
                              gsize len, GString *out, JudgeTotals *totals);

#endif
