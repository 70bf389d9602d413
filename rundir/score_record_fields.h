/* The members of a scores.jsonl record by position, shared by the writer
 * and decoder (score_record.c) and the two-step reader
 * (score_record_lazy.c). Internal to rundir/. */
#ifndef SCORE_RECORD_FIELDS_H
#define SCORE_RECORD_FIELDS_H

/* The record is written member by member as literals, not built as a
 * cJSON tree: making, walking and dropping some sixty nodes per answer was
 * a tenth of scoring. The tables below are what the reader looks up; the
 * round trip is tested (tests/test-rundir.c). */
enum {
  SF_SUBMISSION, SF_TESTSET, SF_ITEM, SF_CATEGORY, SF_KIND, SF_HIDDEN,
  SF_VARIANT, SF_VARIANT_KIND, SF_SCORE, SF_CORRECT, SF_LENIENT_SCORE,
  SF_CONTRADICTIONS, SF_ERROR_CLASS, SF_REQUESTS, SF_FAILED_REQUESTS,
  SF_LATENCY, SF_TURNS, SF_LENIENT_CORRECT, SF_OFF_TOPIC, SF_UNACCENTED,
  SF_JUDGED_CORRECT, SF_APPEAL, SF_CANARY, SF_N
};
static const char *const record_fields[SF_N] = {
  "submission", "testset", "item", "category", "kind", "hidden", "variant",
  "variant_kind", "score", "correct", "lenient_score", "contradictions",
  "error_class", "requests", "failed_requests", "latency_us", "turns",
  "lenient_correct", "off_topic", "unaccented", "judged_correct", "appeal",
  "canary",
};

enum { TF_TURN, TF_QUESTION, TF_ANSWER, TF_ERROR_CLASS, TF_JUDGEMENT, TF_N };
static const char *const turn_fields[TF_N] = {
  "turn", "question", "answer", "error_class", "judgement",
};

#endif
