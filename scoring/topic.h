/* The topics of a set (judge.h JudgeTopics) as the judge uses them:
 * telling an answer about another procedure of the set, and knowing the
 * true figures of a topic (a referral may state them). Internal to
 * scoring/. */
#ifndef TOPIC_H
#define TOPIC_H

#include "scoring/answer.h"
#include "scoring/judge_key.h"

/* Remembers key's money and duration values as true figures of topic id
 * (judge_key_set_topic calls it). */
void topic_learn_key (JudgeTopics *t, const char *id, const JudgeKey *key);

/* TRUE when q is a value some key of topic id states. */
gboolean topic_known_value (const JudgeTopics *t, const char *id,
                            const Quantity *q);

/* A topic a part names: the set's topic index, the part's words. */
typedef struct {
  guint topic;
  guint w0, w1;
} TopicHit;

/* The topics part i of a names, a name inside a longer name of another
 * topic left out, negated and historical names too (a matcher decides).
 * New GArray of TopicHit, in word order; empty without topics. */
GArray *topic_part_hits (const JudgeTopics *t, const Answer *a, guint i);
/* The same with names inside longer names kept: every topic the part
 * names ("thường trú và đăng ký tạm trú" names both). */
GArray *topic_part_names (const JudgeTopics *t, const Answer *a, guint i);

/* The index of topic id, or -1; the display name of index. */
gint topic_index (const JudgeTopics *t, const char *id);
const char *topic_name_at (const JudgeTopics *t, guint index);

/* The id of the topic the answer is about instead of key's own — it does
 * not name its own topic but names that one as its subject (in its opening
 * or heading, or again and again) and, unless named again and again,
 * states one of its figures — or NULL. A short answer (one or two
 * sentences of the assistant's) that failed the key (answered FALSE) is
 * about the other topic when it names it in its opening at all. values:
 * the answer's ValueClaims; hits: per part, topic_part_hits or NULL
 * (filled on use). Borrowed from the topics. */
const char *topic_off (const JudgeKey *key, const Answer *a,
                       const GArray *values, GPtrArray *hits,
                       gboolean answered);

#endif
