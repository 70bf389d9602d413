/* The field readers of answer keys, and the alias lists they build:
 * shared by judge_key.c (which compiles keys) and judge_fields.c only.
 * Every reader that fails sets JUDGE_ERROR_FIELD naming the field's path
 * and returns FALSE. */
#ifndef VABENCH_SCORING_JUDGE_FIELDS_H
#define VABENCH_SCORING_JUDGE_FIELDS_H

#include "scoring/judge_key.h"

#include <cjson/cJSON.h>
#include <glib.h>

/* An empty alias list (agency: its phrases are agency names), and a raw
 * phrase added in both forms; FALSE when the phrase has nothing to match
 * on. */
Aliases *judge_fields_aliases_new (gboolean agency);
gboolean judge_fields_aliases_add (Aliases *a, const char *raw);

/* "field \"path\": …" and "field \"path.name\": …"; always FALSE. */
G_GNUC_PRINTF (3, 4)
gboolean judge_fields_error (GError **error, const char *path,
                             const char *fmt, ...);
G_GNUC_PRINTF (4, 5)
gboolean judge_fields_member_error (GError **error, const char *path,
                                    const char *name, const char *fmt, ...);

const cJSON *judge_fields_member (const cJSON *obj, const char *name);

/* A number from 0 to 10^15, a non-empty UTF-8 string: missing is an error
 * unless optional (then *out is kept). */
gboolean judge_fields_amount (const cJSON *obj, const char *path,
                              const char *name, gboolean optional,
                              double *out, GError **error);
gboolean judge_fields_text (const cJSON *obj, const char *path,
                            const char *name, gboolean optional,
                            const char **out, GError **error);

/* A non-empty array of strings with something to match on, shared through
 * jc (may be NULL) when it has seen the same list. */
gboolean judge_fields_aliases (JudgeCompiler *jc, const cJSON *arr,
                               const char *path, gboolean agency,
                               Aliases **out, GError **error);

/* Every member of obj is one of allowed (NULL-ended), else the first
 * that is not is named. */
gboolean judge_fields_check_known (const cJSON *obj, const char *path,
                                   const char *const *allowed,
                                   GError **error);
/* The members a fact of type t may have. */
const char *const *judge_fields_allowed (FactType t);

#endif
