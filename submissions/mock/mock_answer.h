/* The mock assistant's answers: Vietnamese prose composed from a knowledge
 * base record, leading with what was asked (fee, time, agency, dossier,
 * legal basis), a polite referral when nothing was found, and the pick of a
 * multiple-choice option. Pure: memory in, memory out. */
#ifndef MOCK_ANSWER_H
#define MOCK_ANSWER_H

#include "submissions/mock/mock_kb.h"

/* What the answer must do besides retrieving. */
typedef struct {
  MockKbMatch match;   /* how the question is compared with the KB */
  gboolean wrong_fees; /* the wrong-fees profile: every amount ×10, and a
                          free procedure is said to cost 50.000 đồng */
  gboolean confused;   /* the confused profile: a question found only by
                          the tolerant reading is answered with another
                          procedure of the same field */
} MockAnswerStyle;

/* Answers the newest of turns (the user messages of one conversation, oldest
 * first, NULL-terminated, at least one). When the newest turn names no
 * procedure ("Thế còn lệ phí?"), the record comes from the earlier turns,
 * newest first, then from context_id (the session's last record, may be
 * NULL). *used_id (if not NULL) receives the id of the record answered from
 * (borrowed from kb) or NULL for a refusal. Returns newly allocated UTF-8,
 * free with g_free. */
char *mock_answer_reply (const MockKb *kb, const MockAnswerStyle *style,
                         const char *const *turns, const char *context_id,
                         const char **used_id);

/* Rewrites every amount of money in text as the wrong-fees profile states
 * it. Newly allocated, free with g_free. */
char *mock_answer_falsify_fees (const char *text);

#endif
