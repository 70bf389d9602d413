/* A streaming JSON writer into a GString, for records written once per
 * request or per answer: no cJSON tree to build and free, and integers
 * printed as integers (cJSON 1.7.15 prints every number through "%1.15g"
 * and reads it back with sscanf to check it).
 *
 * Strings are escaped exactly as cJSON escapes them, and numbers print as
 * cJSON prints them, so a line reads the same whichever way it was
 * written (tests/test-jsonw.c checks both against cJSON). */
#ifndef VB_JSONW_H
#define VB_JSONW_H

#include "util/vb_autocleanups.h"

typedef struct {
  GString *out;
  gboolean comma; /* a member was written: the next one needs a ',' */
  /* The writer vouches that every key is plain ASCII that JSON does not
   * escape (a fixed format's literal names, rundir/attempt.c): keys are
   * then copied without being looked at, a tenth of writing a log
   * record. FALSE (jsonw_begin's default): keys are escaped as needed. */
  gboolean plain_keys;
} JsonwObject;

/* Appends '{'; members follow; jsonw_end appends '}'. */
void jsonw_begin (JsonwObject *o, GString *out);
void jsonw_end (JsonwObject *o);

/* One member each. A NULL string value is written as null. */
void jsonw_string (JsonwObject *o, const char *key, const char *value);
/* A string of len bytes that may hold NUL (written \u0000); NULL → null. */
void jsonw_string_len (JsonwObject *o, const char *key, const char *value,
                       gsize len);
void jsonw_int (JsonwObject *o, const char *key, gint64 value);
void jsonw_uint (JsonwObject *o, const char *key, guint64 value);
void jsonw_bool (JsonwObject *o, const char *key, gboolean value);

/* Appends s as a quoted JSON string (NULL as ""). */
void jsonw_append_string (GString *out, const char *s);

/* The same for len bytes, which may hold NUL (written \u0000). */
void jsonw_append_string_len (GString *out, const char *s, gsize len);

/* The same, but NULL as null. */
void jsonw_append_string_or_null (GString *out, const char *s);

/* Appends true or false. */
void jsonw_append_bool (GString *out, gboolean b);

/* Appends d as cJSON 1.7.15 prints a number (NaN and infinities as
 * null). */
void jsonw_append_number (GString *out, double d);

/* Appends v on one line, byte for byte as cJSON_PrintUnformatted prints
 * it (cJSON 1.7.15), only faster for integers and numbers with at most 6
 * decimals (scores), which skip its sprintf + sscanf round trip. */
void jsonw_append_cjson (GString *out, const cJSON *v);

#endif
