/* Judging one answer against the answer key of one turn, as a careful
 * grader does (scoring/README.md): the answer is read into claims — each
 * amount, duration, date, name, option and stance with what it is about,
 * its channel or case and its polarity — and the key's facts are matched
 * against the claims about the asked thing only.
 *
 * The key is compiled once (judge_key_new) from the question set's JSON, so
 * the same code validates question sets (testsets/ calls it) and scores
 * answers: the fact schema lives in one place. Pure: no I/O, no clock.
 *
 * Modules: judge_key.c (schema, compile), answer.c (parts), claims.c
 * (values with their context), match_value.c / match_text.c /
 * match_choice.c / match_stance.c (the matchers), topic.c (the set's
 * topics, off-topic answers), judgement.c (the record and its words in
 * Vietnamese and English). */
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
typedef struct _JudgeCompiler JudgeCompiler;
typedef struct _JudgeTopics JudgeTopics;

/* A compiler shares alias lists between the keys of one set (a set names
 * the same agencies on item after item). Free it once the set is loaded:
 * the keys keep what they use. */
JudgeCompiler *judge_compiler_new (void);
void judge_compiler_free (JudgeCompiler *c); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JudgeCompiler, judge_compiler_free)

/* Compiles the key of one turn. kind is the item kind ("procedure",
 * "legal", "multiple_choice", "unanswerable", "conversation"); facts is a
 * JSON array (borrowed, may be empty for some kinds), forbid a JSON array
 * or NULL, choices the item's "choices" object or NULL; jc may be NULL.
 * Returns NULL and sets error naming the field, e.g.
 * `field "facts[2].type": unknown fact type "fee"`. */
JudgeKey *judge_key_compile (JudgeCompiler *jc, const char *kind,
                             const cJSON *facts, const cJSON *forbid,
                             const cJSON *choices, GError **error);
/* The same without sharing. */
JudgeKey *judge_key_new (const char *kind, const cJSON *facts,
                         const cJSON *forbid, const cJSON *choices,
                         GError **error);
void judge_key_free (JudgeKey *key); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JudgeKey, judge_key_free)

/* The topics (procedures, subjects) of a set: the answers' subjects the
 * judge tells apart. Refcounted. */
JudgeTopics *judge_topics_new (void);
JudgeTopics *judge_topics_ref (JudgeTopics *t);
void judge_topics_unref (JudgeTopics *t); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JudgeTopics, judge_topics_unref)
/* Adds the topics of a header's "topics" object ({"id": {"name",
 * "aliases"}}), or one inline topic object {"id", "name", "aliases"} when
 * id is NULL. FALSE and error naming the field on a bad definition or an
 * id defined twice differently. */
gboolean judge_topics_read (JudgeTopics *t, const cJSON *topics,
                            GError **error);
gboolean judge_topics_add (JudgeTopics *t, const char *id, const cJSON *def,
                           GError **error);
gboolean judge_topics_has (const JudgeTopics *t, const char *id);
/* The display name of a topic, or NULL. Borrowed. */
const char *judge_topics_name (const JudgeTopics *t, const char *id);

/* Gives key its topic (an id of topics, which the key references). FALSE
 * and error when the id is not defined there. */
gboolean judge_key_set_topic (JudgeKey *key, JudgeTopics *topics,
                              const char *id, GError **error);

/* Tells the key the turn's question. A question about the past ("trước
 * đây", "thay thế những luật nào", "cũ") makes history in an answer count
 * as an answer; otherwise a value or a name stated only as history does
 * not. NULL is allowed. */
void judge_key_set_question (JudgeKey *key, const char *question);

/* Tells the key the date it speaks for (an item's "valid_as_of",
 * YYYY-MM-DD): a value its answer says applied only until an earlier date
 * ("… đến hết 31/12/2025") is history then. NULL or no date: none. */
void judge_key_set_as_of (JudgeKey *key, const char *date);

/* What a caller aggregates from a judgement. */
typedef struct {
  double score, lenient_score;
  gboolean correct;
  int contradictions;
  gboolean off_topic;  /* answers about another procedure of the set */
  gboolean unaccented; /* written wholly without diacritics */
} JudgeTotals;

/* Judges answer (len bytes of UTF-8, any normalization, Markdown or HTML;
 * a NUL inside is read as a space) and appends the judgement to out as
 * one line of JSON (shape in scoring/README.md); totals gets its leading
 * members. A NULL answer (the request failed) gives score 0 and every
 * reason "no answer". */
void judge_answer_append_len (const JudgeKey *key, const char *answer,
                              gsize len, GString *out, JudgeTotals *totals);
/* The same for a NUL-terminated answer. */
void judge_answer_append (const JudgeKey *key, const char *answer,
                          GString *out, JudgeTotals *totals);

/* The same judgement as a new cJSON tree (free with cJSON_Delete). */
cJSON *judge_answer (const JudgeKey *key, const char *answer);

#endif
