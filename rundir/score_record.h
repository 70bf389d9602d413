/* One record of scores.jsonl: a submission's answers to one (question set,
 * item, variant) judged against the key (format: rundir/README.md). The
 * scorer writes them (scoring/scorer.h); metrics, reports, the gate and
 * diff read them back through score_record_read. */
#ifndef SCORE_RECORD_H
#define SCORE_RECORD_H

#include "rundir/failure.h"
#include "rundir/item_kind.h"
#include "util/vb_autocleanups.h"

typedef struct {
  guint turn;               /* from 0 */
  const char *question;     /* the text sent, or the set's when not fired */
  const char *answer;       /* NULL when there is none */
  /* answer's length in bytes, which may hold a NUL (written \u0000); 0
   * when writing means strlen (answer). Read back through cJSON, the
   * answer ends at its first NUL and answer_len is its strlen: the
   * judgement, made on the whole answer, is what counts. */
  gsize answer_len;
  FailureClass error_class; /* why there is none; FAILURE_NONE: not written */
  /* The judgement (scoring/judge.h): as JSON text when writing, as a tree
   * (borrowed) when read. */
  const char *judgement;
  gsize judgement_len;
  const cJSON *judgement_tree;
} ScoreTurn;

/* Strings borrowed from the writer's caller, or from the line read. */
typedef struct {
  const char *submission, *testset, *item, *category;
  ItemKind kind;
  gboolean hidden;          /* of a hidden question set */
  const char *variant, *variant_kind;
  double score, lenient_score;
  gboolean correct;         /* after appeals (rundir/appeal.h) */
  gboolean lenient_correct; /* read only: older records may carry it */
  /* The reviewer's decision that set correct (its seq in appeals.jsonl),
   * 0 when none did; judged_correct is then the judge's own verdict.
   * Both written only when appeal > 0. */
  guint64 appeal;
  gboolean judged_correct;
  /* Canary hits in the answers (scoring/canary.h): the set's canary
   * string or a canary item's tell-tale phrase; written only when > 0. */
  gint64 canary;
  gint64 contradictions;
  gint64 off_topic;         /* turns answered about another procedure */
  gint64 unaccented;        /* turns answered wholly without diacritics */
  FailureClass error_class; /* the unit failed: it counts as wrong */
  gint64 requests, failed_requests;
  const double *latency_us; /* each answered turn's, µs */
  guint n_latency;
  const ScoreTurn *turns;
  guint n_turns;
} ScoreRecord;

/* Appends the record to out as one line of JSON, without the newline. */
void score_record_append (GString *out, const ScoreRecord *rec);

/* Reads rec from one parsed line; strings and judgements are borrowed from
 * obj, the arrays newly allocated (free with score_record_clear). An absent
 * member reads as NULL, 0, FALSE, ITEM_KIND_NONE or FAILURE_NONE (requests
 * as 1); an unknown error_class as FAILURE_OTHER. FALSE + JSONL_ERROR
 * naming the field when submission or item is not a string. */
gboolean score_record_decode (const cJSON *obj, ScoreRecord *rec,
                              GError **error);
void score_record_clear (ScoreRecord *rec);

/* Called per record of scores.jsonl, borrowed for the call. Return FALSE
 * and set error to stop. */
typedef gboolean (*ScoreRecordFunc) (const ScoreRecord *rec, gpointer user,
                                     GError **error);

/* Reads DIR/scores.jsonl in one pass (a torn last line is ignored). Errors
 * name file:line (JSONL_ERROR; JSONL_ERROR_IO when it cannot be read,
 * JSONL_ERROR_EMPTY when it holds no record). */
gboolean score_record_read (const char *dir, ScoreRecordFunc func,
                            gpointer user, GError **error);

/* Reading in two steps, for a reader that needs the judgements of a few
 * records only (a report's worst answers among 170,000): the members
 * before "turns" are read straight from the line's bytes, without a
 * tree; the whole record is parsed only when asked for. */
typedef struct _ScoreRecordLine ScoreRecordLine;

/* head holds every member before "turns" as score_record_decode reads it,
 * with no turns (n_turns 0) — unless the line had to be parsed whole (an
 * escape in a string, unusual layout), then it is the full record. A
 * member written after "turns" is seen only in the full record (vabench
 * writes "turns" last). Both are borrowed for the call. */
typedef gboolean (*ScoreRecordLazyFunc) (const ScoreRecord *head,
                                         ScoreRecordLine *line,
                                         gpointer user, GError **error);

/* Reads DIR/scores.jsonl in one pass as score_record_read does (blank
 * lines skipped, a torn last line ignored, the same errors, naming
 * file:line). The bytes after the head of a line are checked (UTF-8,
 * JSON) only when its full record is asked for. */
gboolean score_record_read_lazy (const char *dir, ScoreRecordLazyFunc func,
                                 gpointer user, GError **error);

/* The full record of the line being visited, borrowed until the callback
 * returns. NULL + JSONL_ERROR naming file:line when the line is not valid
 * UTF-8 or not one JSON object. */
const ScoreRecord *score_record_line_full (ScoreRecordLine *line,
                                           GError **error);

/* The record of the line with each turn's question, answer and error
 * class but no judgement (judgement_tree NULL): what a reader that lists
 * answers needs, read without building the judgements' trees. Borrowed
 * until the callback returns; the full record when it was already
 * parsed. NULL + JSONL_ERROR naming file:line on a malformed line. */
const ScoreRecord *score_record_line_texts (ScoreRecordLine *line,
                                            GError **error);

/* A copy that owns everything it points to, for the few records a reader
 * keeps (a report's worst answers). Free with score_record_free. */
ScoreRecord *score_record_copy (const ScoreRecord *rec);
void score_record_free (ScoreRecord *rec); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScoreRecord, score_record_free)

#endif
