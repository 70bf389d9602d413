/* The flat JSON Lines reader (util/jsonl.c) against the cJSON one: the
 * input is a file of lines. Both readers must accept the same file, fail
 * with the same code, see the same torn tail, and hand out the same
 * values for the wanted members, line by line (util/jsonl.h promises it);
 * each line read alone with jsonl_flat_line agrees with cJSON too. */
#include "fuzz.h"

#include "util/jsonl.h"

static const char *const names[] = {
  "submission", "item", "turn", "answer", "final", "prev", "seq", "x",
  "t_total_us", "error_class",
};
#define N_NAMES G_N_ELEMENTS (names)

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

/* One value as comparable text: type, and the bytes or the number. */
static void
put_value (GString *out, int type, const char *str, gsize len, double num)
{
  g_string_append_printf (out, "%d:", type);
  if (type == cJSON_String) {
    g_string_append_printf (out, "%zu:", len);
    g_string_append_len (out, str, (gssize) len);
  } else if (type == cJSON_Number)
    g_string_append_printf (out, "%a", num);
  g_string_append_c (out, '|');
}

static void
put_cjson (GString *out, const cJSON *v)
{
  if (v == NULL || cJSON_IsArray (v) || cJSON_IsObject (v))
    put_value (out, 0, NULL, 0, 0);
  else if (cJSON_IsString (v))
    put_value (out, cJSON_String, v->valuestring, strlen (v->valuestring), 0);
  else if (cJSON_IsNumber (v))
    put_value (out, cJSON_Number, NULL, 0, v->valuedouble);
  else
    put_value (out, v->type & 0xff, NULL, 0, 0);
}

/* A flat string may hold a NUL that cJSON cut at: compare what cJSON
 * sees. */
static void
put_flat (GString *out, const JsonlValue *v)
{
  gsize len = v->len;
  if (v->type == cJSON_String) {
    const char *nul = memchr (v->str, '\0', v->len);
    if (nul)
      len = (gsize) (nul - v->str);
  }
  put_value (out, v->type, v->str, len, v->num);
}

static gboolean
flat_line (const JsonlValue *values, guint line, gpointer user,
           GError **error)
{
  GString *out = user;
  g_string_append_printf (out, "%u:", line);
  for (guint i = 0; i < N_NAMES; i++)
    put_flat (out, &values[i]);
  g_string_append_c (out, '\n');
  return TRUE;
}

static gboolean
cjson_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  GString *out = user;
  g_string_append_printf (out, "%u:", line);
  for (guint i = 0; i < N_NAMES; i++)
    put_cjson (out, cJSON_GetObjectItemCaseSensitive (obj, names[i]));
  g_string_append_c (out, '\n');
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = fuzz_write ("lines.jsonl", data, size);
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  gboolean torn_a = FALSE, torn_b = FALSE;
  g_autoptr (GError) ea = NULL;
  g_autoptr (GError) eb = NULL;
  gboolean oka = jsonl_read_file_flat (path, names, N_NAMES, flat_line, a,
                                       &torn_a, &ea);
  gboolean okb = jsonl_read_file (path, cjson_line, b, &torn_b, &eb);
  FUZZ_CHECK (oka == okb, "flat %s, cJSON %s", ea ? ea->message : "ok",
              eb ? eb->message : "ok");
  if (!oka) {
    FUZZ_CHECK (ea->code == eb->code, "flat: %s\ncJSON: %s", ea->message,
                eb->message);
    return 0;
  }
  FUZZ_CHECK (torn_a == torn_b, "torn tail: flat %d, cJSON %d", torn_a,
              torn_b);
  FUZZ_CHECK (g_string_equal (a, b), "values differ:\nflat  %s\ncJSON %s",
              a->str, b->str);

  /* the first line alone, as the run log's restore reads it */
  const char *nl = memchr (data, '\n', size);
  size_t n = nl ? (size_t) (nl - (const char *) data) : size;
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (names, N_NAMES);
  const JsonlValue *v = jsonl_flat_line (flat, (const char *) data, n);
  g_autoptr (cJSON) obj = NULL;
  const char *end = NULL;
  if (g_utf8_validate_len ((const char *) data, n, NULL))
    obj = cJSON_ParseWithLengthOpts ((const char *) data, n, &end, FALSE);
  gboolean is_obj = cJSON_IsObject (obj);
  for (const char *e = end; is_obj && e < (const char *) data + n; e++)
    is_obj = g_ascii_isspace (*e); /* trailing blanks only, as jsonl.c */
  FUZZ_CHECK ((v != NULL) == is_obj, "one line: flat %s, cJSON %s",
              v ? "reads" : "refuses", is_obj ? "reads" : "refuses");
  if (v == NULL)
    return 0;
  g_autoptr (GString) c = g_string_new ("1:");
  g_autoptr (GString) d = g_string_new ("1:");
  for (guint i = 0; i < N_NAMES; i++) {
    put_flat (c, &v[i]);
    put_cjson (d, cJSON_GetObjectItemCaseSensitive (obj, names[i]));
  }
  FUZZ_CHECK (g_string_equal (c, d), "one line:\nflat  %s\ncJSON %s", c->str,
              d->str);
  return 0;
}
