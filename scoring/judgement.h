/* The judgement record (shape: scoring/README.md "The judgement"),
 * written straight into the output line: one per answer, and a cJSON
 * tree made, walked and dropped was a tenth of scoring. Every member
 * prints as cJSON prints it, so judge_answer can parse the same line.
 * Internal to scoring/. */
#ifndef JUDGEMENT_H
#define JUDGEMENT_H

#include "scoring/match.h"

/* One fact's explanation: its outcome, the rule in English as "reason",
 * and the claims it considered or set aside. */
void judgement_fact_append (GString *out, const Fact *f, const Outcome *o);

/* One forbid rule's hit: its index in the key, the text, the key's reason
 * (or the catalog's). */
void judgement_forbid_append (GString *out, guint index, const Fact *rule,
                              const char *span);

/* The off-topic member: ,"off_topic":{…} naming the other topic. */
void judgement_off_topic_append (GString *out, const char *id,
                                 const char *name, const char *own_name);

#endif
