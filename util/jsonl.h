/* JSON Lines reading and typed field access with errors that name
 * file:line and the field — the error discipline every loader shares. */
#ifndef VB_JSONL_H
#define VB_JSONL_H

#include "util/vb_autocleanups.h"

#define JSONL_ERROR (jsonl_error_quark ())
GQuark jsonl_error_quark (void);
typedef enum {
  JSONL_ERROR_IO,        /* cannot read the file */
  JSONL_ERROR_EMPTY,     /* no record at all */
  JSONL_ERROR_UTF8,      /* a line is not valid UTF-8 */
  JSONL_ERROR_SYNTAX,    /* a line is not one JSON value */
  JSONL_ERROR_TYPE,      /* a field has the wrong JSON type */
  JSONL_ERROR_MISSING,   /* a required field is absent */
  JSONL_ERROR_VALUE,     /* a field has a value outside what is allowed */
} JsonlError;

/* Called once per non-blank line with the parsed object (borrowed; steal
 * with cJSON_DetachItem… if needed) and its 1-based line number. Return FALSE
 * and set error to stop; the reader prefixes "file:line: ". */
typedef gboolean (*JsonlLineFunc) (cJSON *obj, guint line, gpointer user,
                                   GError **error);

/* Reads path line by line. Blank lines are skipped. Fails with
 * JSONL_ERROR_EMPTY on a file without records, _UTF8, _SYNTAX (also for a
 * line that is not an object), or whatever func set. If torn_tail is not
 * NULL, a last line without '\n' that does not parse is ignored and
 * *torn_tail set TRUE (crash recovery of append-only logs). */
gboolean jsonl_read_file (const char *path, JsonlLineFunc func, gpointer user,
                          gboolean *torn_tail, GError **error);

/* Same over a memory buffer; name is used in messages. */
gboolean jsonl_read_buffer (const char *name, const char *data, gsize len,
                            JsonlLineFunc func, gpointer user,
                            gboolean *torn_tail, GError **error);

/* One member of a flat record read by jsonl_read_file_flat: type is
 * cJSON_String, cJSON_Number, cJSON_True, cJSON_False or cJSON_NULL, or 0
 * when the member is absent or an array or object. str (strings) is valid
 * during the call only, len its length in bytes, known without a walk: an
 * escaped NUL ("\u0000") is kept inside str on a flat line, so len may be
 * above strlen (str) (cJSON, which reads the other lines, cuts there);
 * num holds numbers. */
typedef struct {
  int type;
  const char *str;
  double num;
  gsize len;
} JsonlValue;

typedef gboolean (*JsonlFlatFunc) (const JsonlValue *values, guint line,
                                   gpointer user, GError **error);

/* jsonl_read_file for records of which only a few scalar members are
 * wanted (a run log): values[i] is the first member named names[i], as
 * cJSON_GetObjectItemCaseSensitive would find it. A line that is a plain
 * flat object is read without building a tree; any other line (nesting,
 * a lone surrogate, a raw control byte) goes through cJSON, so the
 * accepted lines, values and errors are the same. */
gboolean jsonl_read_file_flat (const char *path, const char *const *names,
                               guint n, JsonlFlatFunc func, gpointer user,
                               gboolean *torn_tail, GError **error);

/* The same flat reading one line at a time, for a reader that walks the
 * lines itself (the run log hashes each line's bytes): new with the
 * names (borrowed until free), then jsonl_flat_line per line, without
 * its newline. Returns the values (valid until the next call or free), or
 * NULL when the line is not one JSON object in valid UTF-8. */
typedef struct _JsonlFlat JsonlFlat;
JsonlFlat *jsonl_flat_new (const char *const *names, guint n);
const JsonlValue *jsonl_flat_line (JsonlFlat *flat, const char *line,
                                   gsize len);
void jsonl_flat_free (JsonlFlat *flat); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JsonlFlat, jsonl_flat_free)

/* Typed getters: the field must exist (unless optional) and have the type.
 * Returned strings are borrowed from obj. On failure: JSONL_ERROR_MISSING or
 * _TYPE with a message naming the field, e.g. field "question": missing. */
gboolean jsonl_get_string (const cJSON *obj, const char *field,
                           gboolean optional, const char **out,
                           GError **error);
gboolean jsonl_get_number (const cJSON *obj, const char *field,
                           gboolean optional, double *out, GError **error);
gboolean jsonl_get_bool (const cJSON *obj, const char *field,
                         gboolean optional, gboolean *out, GError **error);
/* Array of strings; returns a NULL-terminated strv (free with g_strfreev),
 * or NULL with *out untouched when optional and absent. */
gboolean jsonl_get_strv (const cJSON *obj, const char *field,
                         gboolean optional, char ***out, GError **error);
/* Array or object presence with type check; returns borrowed node or NULL. */
gboolean jsonl_get_array (const cJSON *obj, const char *field,
                          gboolean optional, const cJSON **out,
                          GError **error);
gboolean jsonl_get_object (const cJSON *obj, const char *field,
                           gboolean optional, const cJSON **out,
                           GError **error);

/* Looks up n members of obj in one pass over its children: out[i] gets
 * the first member named names[i], or NULL — what
 * cJSON_GetObjectItemCaseSensitive gives, without a walk per name (a log
 * record has twenty-odd members and a reader wants a dozen of them). */
void jsonl_get_members (const cJSON *obj, const char *const *names, guint n,
                        const cJSON **out);

/* Serializes obj on one line (no newline), newly allocated, free with g_free.
 * cJSON's own allocator is plain malloc, so the copy keeps g_free safe. */
char *jsonl_print (const cJSON *obj);

#endif
