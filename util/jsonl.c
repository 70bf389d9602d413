#include "util/jsonl.h"

#include <string.h>

G_DEFINE_QUARK (vabench-jsonl-error-quark, jsonl_error)

static gboolean
is_blank (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (s[i]))
      return FALSE;
  return TRUE;
}

/* g_utf8_validate_len with the ASCII between multi-byte characters skipped
 * here: a UTF-8 text splits cleanly at ASCII bytes, so validating each run
 * of non-ASCII bytes alone stops at the same byte as validating the whole
 * line. NUL is invalid, as for g_utf8_validate_len. */
static gboolean
valid_utf8 (const char *line, gsize len, const char **bad)
{
  const guchar *p = (const guchar *) line, *end = p + len;
  while (p < end) {
    if (*p != 0 && *p < 0x80) {
      p++;
      continue;
    }
    if (*p == 0) {
      *bad = (const char *) p;
      return FALSE;
    }
    const guchar *run = p;
    while (p < end && *p >= 0x80)
      p++;
    const char *stop = NULL;
    if (!g_utf8_validate_len ((const char *) run, (gsize) (p - run), &stop)) {
      *bad = stop;
      return FALSE;
    }
  }
  return TRUE;
}

static gboolean
read_one_line (const char *name, const char *line, gsize len, guint lineno,
               gboolean last_unterminated, JsonlLineFunc func, gpointer user,
               gboolean *torn_tail, gboolean *done, GError **error)
{
  *done = FALSE;
  const char *bad = NULL;
  if (!valid_utf8 (line, len, &bad)) {
    if (torn_tail && last_unterminated) {
      *torn_tail = TRUE;
      *done = TRUE;
      return TRUE;
    }
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_UTF8,
                 "%s:%u: invalid UTF-8 at byte %ld of the line", name, lineno,
                 (long) (bad - line) + 1);
    return FALSE;
  }
  const char *end = NULL;
  g_autoptr (cJSON) obj = cJSON_ParseWithLengthOpts (line, len, &end, FALSE);
  if (obj == NULL || !is_blank (end, (gsize) (line + len - end))) {
    if (torn_tail && last_unterminated) {
      *torn_tail = TRUE;
      *done = TRUE;
      return TRUE;
    }
    const char *at = obj ? end : cJSON_GetErrorPtr ();
    long col = (at && at >= line && at <= line + len) ? (long) (at - line) + 1
                                                      : 1;
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_SYNTAX,
                 "%s:%u: invalid JSON near column %ld", name, lineno, col);
    return FALSE;
  }
  if (!cJSON_IsObject (obj)) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_TYPE,
                 "%s:%u: a line must be one JSON object", name, lineno);
    return FALSE;
  }
  if (!func (obj, lineno, user, error)) {
    g_prefix_error (error, "%s:%u: ", name, lineno);
    return FALSE;
  }
  return TRUE;
}

gboolean
jsonl_read_buffer (const char *name, const char *data, gsize len,
                   JsonlLineFunc func, gpointer user, gboolean *torn_tail,
                   GError **error)
{
  if (torn_tail)
    *torn_tail = FALSE;
  guint lineno = 0, records = 0;
  gsize pos = 0;
  while (pos < len) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    gsize end = nl ? (gsize) (nl - data) : len;
    lineno++;
    if (!is_blank (data + pos, end - pos)) {
      gboolean done;
      if (!read_one_line (name, data + pos, end - pos, lineno, nl == NULL,
                          func, user, torn_tail, &done, error))
        return FALSE;
      if (done)
        break;
      records++;
    }
    pos = end + 1;
  }
  if (records == 0 && !(torn_tail && *torn_tail)) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_EMPTY,
                 "%s:1: the file holds no record", name);
    return FALSE;
  }
  return TRUE;
}

gboolean
jsonl_read_file (const char *path, JsonlLineFunc func, gpointer user,
                 gboolean *torn_tail, GError **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  if (!g_file_get_contents (path, &data, &len, &local)) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_IO, "%s: %s", path,
                 local->message);
    return FALSE;
  }
  return jsonl_read_buffer (path, data, len, func, user, torn_tail, error);
}

static const char *
type_name (const cJSON *n)
{
  if (cJSON_IsString (n))
    return "a string";
  if (cJSON_IsNumber (n))
    return "a number";
  if (cJSON_IsBool (n))
    return "a boolean";
  if (cJSON_IsArray (n))
    return "an array";
  if (cJSON_IsObject (n))
    return "an object";
  return "null";
}

/* Looks the field up and checks presence; *found FALSE when optional+absent. */
static gboolean
lookup (const cJSON *obj, const char *field, gboolean optional,
        const cJSON **node, GError **error)
{
  *node = cJSON_GetObjectItemCaseSensitive (obj, field);
  if (*node == NULL && !optional) {
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_MISSING,
                 "field \"%s\": missing", field);
    return FALSE;
  }
  return TRUE;
}

static gboolean
wrong_type (const cJSON *node, const char *field, const char *want,
            GError **error)
{
  g_set_error (error, JSONL_ERROR, JSONL_ERROR_TYPE,
               "field \"%s\": expected %s, found %s", field, want,
               type_name (node));
  return FALSE;
}

gboolean
jsonl_get_string (const cJSON *obj, const char *field, gboolean optional,
                  const char **out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsString (n))
    return wrong_type (n, field, "a string", error);
  *out = n->valuestring;
  return TRUE;
}

gboolean
jsonl_get_number (const cJSON *obj, const char *field, gboolean optional,
                  double *out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsNumber (n))
    return wrong_type (n, field, "a number", error);
  *out = n->valuedouble;
  return TRUE;
}

gboolean
jsonl_get_bool (const cJSON *obj, const char *field, gboolean optional,
                gboolean *out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsBool (n))
    return wrong_type (n, field, "a boolean", error);
  *out = cJSON_IsTrue (n);
  return TRUE;
}

gboolean
jsonl_get_strv (const cJSON *obj, const char *field, gboolean optional,
                char ***out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n == NULL)
    return TRUE;
  if (!cJSON_IsArray (n))
    return wrong_type (n, field, "an array of strings", error);
  g_autoptr (GPtrArray) v = g_ptr_array_new_with_free_func (g_free);
  int i = 0;
  const cJSON *e;
  cJSON_ArrayForEach (e, n)
  {
    if (!cJSON_IsString (e)) {
      g_set_error (error, JSONL_ERROR, JSONL_ERROR_TYPE,
                   "field \"%s[%d]\": expected a string, found %s", field, i,
                   type_name (e));
      return FALSE;
    }
    g_ptr_array_add (v, g_strdup (e->valuestring));
    i++;
  }
  g_ptr_array_add (v, NULL);
  *out = (char **) g_ptr_array_steal (v, NULL);
  return TRUE;
}

gboolean
jsonl_get_array (const cJSON *obj, const char *field, gboolean optional,
                 const cJSON **out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n != NULL && !cJSON_IsArray (n))
    return wrong_type (n, field, "an array", error);
  *out = n;
  return TRUE;
}

gboolean
jsonl_get_object (const cJSON *obj, const char *field, gboolean optional,
                  const cJSON **out, GError **error)
{
  const cJSON *n;
  if (!lookup (obj, field, optional, &n, error))
    return FALSE;
  if (n != NULL && !cJSON_IsObject (n))
    return wrong_type (n, field, "an object", error);
  *out = n;
  return TRUE;
}

void
jsonl_get_members (const cJSON *obj, const char *const *names, guint n,
                   const cJSON **out)
{
  guint left = n;
  for (guint i = 0; i < n; i++)
    out[i] = NULL;
  for (const cJSON *c = obj ? obj->child : NULL; c && left; c = c->next) {
    if (c->string == NULL)
      continue;
    for (guint i = 0; i < n; i++)
      if (out[i] == NULL && c->string[0] == names[i][0]
          && strcmp (c->string, names[i]) == 0) {
        out[i] = c;
        left--;
        break;
      }
  }
}

char *
jsonl_print (const cJSON *obj)
{
  char *s = cJSON_PrintUnformatted (obj);
  char *copy = g_strdup (s);
  cJSON_free (s);
  return copy;
}
