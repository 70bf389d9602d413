/* Tests for jsonl_read_file_flat (util/jsonl.c): every line must give the
 * same members, the same accepted lines and the same errors as reading it
 * through cJSON (jsonl_read_file + jsonl_get_members), whether the fast
 * path or the cJSON fallback handles it. */
#include "util/jsonl.h"

#include <string.h>

#include "tests/vb-test.h"

static const char *const names[] = { "s", "n", "b", "z", "x", "dup", "e" };
#define N_NAMES G_N_ELEMENTS (names)

/* Values as text, one line per record: "type:value|…". */
static void
describe (GString *out, int type, const char *str, double num)
{
  if (type == cJSON_String)
    g_string_append_printf (out, "s:%s|", str);
  else if (type == cJSON_Number)
    g_string_append_printf (out, "n:%.17g|", num);
  else
    g_string_append_printf (out, "%d|", type);
}

static gboolean
flat_line (const JsonlValue *v, guint line, gpointer user, GError **error)
{
  GString *out = user;
  g_string_append_printf (out, "%u ", line);
  for (guint i = 0; i < N_NAMES; i++)
    describe (out, v[i].type, v[i].str, v[i].num);
  g_string_append_c (out, '\n');
  return TRUE;
}

static gboolean
tree_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  GString *out = user;
  const cJSON *m[N_NAMES];
  jsonl_get_members (obj, names, N_NAMES, m);
  g_string_append_printf (out, "%u ", line);
  for (guint i = 0; i < N_NAMES; i++) {
    int t = m[i] ? (m[i]->type & 0xff) : 0;
    if (t == cJSON_Array || t == cJSON_Object || t == cJSON_Raw)
      t = 0;
    describe (out, t, t == cJSON_String ? m[i]->valuestring : NULL,
              t == cJSON_Number ? m[i]->valuedouble : 0);
  }
  g_string_append_c (out, '\n');
  return TRUE;
}

/* What one read gave: the records as text, the result, the torn flag and
 * the error message. */
typedef struct {
  GString *records;
  gboolean ok, torn;
  GError *error;
} ReadResult;

static void
read_result_clear (ReadResult *r)
{
  g_string_free (r->records, TRUE);
  g_clear_error (&r->error);
}

static void
assert_same_result (ReadResult *a, ReadResult *b)
{
  g_assert_cmpint (a->ok, ==, b->ok);
  g_assert_cmpint (a->torn, ==, b->torn);
  g_assert_cmpuint (a->records->len, ==, b->records->len);
  g_assert_true (memcmp (a->records->str, b->records->str, a->records->len)
                 == 0);
  g_assert_cmpstr (a->error ? a->error->message : "", ==,
                   b->error ? b->error->message : "");
  read_result_clear (a);
  read_result_clear (b);
}

/* Writes text to a file, reads it with both readers given, compares. */
static void
assert_reads_agree (const char *text, gboolean flat)
{
  g_autofree char *dir = g_dir_make_tmp ("vb-flat-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "log.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  ReadResult a = { g_string_new (NULL), FALSE, FALSE, NULL };
  ReadResult b = { g_string_new (NULL), FALSE, FALSE, NULL };
  if (flat) /* the flat reader against cJSON */
    a.ok = jsonl_read_file_flat (path, names, N_NAMES, flat_line, a.records,
                                 &a.torn, &a.error);
  else /* the file in chunks against the whole text in memory */
    a.ok = jsonl_read_buffer (path, text, strlen (text), tree_line,
                              a.records, &a.torn, &a.error);
  b.ok = jsonl_read_file (path, tree_line, b.records, &b.torn, &b.error);
  assert_same_result (&a, &b);
  vbt_rm_rf (dir);
}

static void
assert_same (const char *text)
{
  assert_reads_agree (text, TRUE);
}

static void
test_lines (void)
{
  static const char *const lines[] = {
    "{\"s\":\"plain\",\"n\":12,\"b\":true,\"z\":null,\"x\":false}",
    "{ \"s\" : \"a\\\"b\\\\c\\/d\\n\\t\\r\\b\\f\" , \"n\" : -0.5e-3 }",
    "{\"s\":\"Lệ phí là 15.000 đồng\",\"n\":1E+2,\"e\":\"\"}",
    "{\"s\":\"\\u00e9\\ud83d\\ude00\",\"n\":0}",
    "{\"dup\":1,\"dup\":2,\"s\":\"x\",\"s\":\"y\"}",
    "{\"x\":[1,2],\"n\":{\"a\":1},\"s\":\"after nesting\"}",
    "{}", "  {\"n\":3}  ", "\t{\"n\":4}\r",
    "{\"n\":01}", "{\"n\":1.}", "{\"n\":-}", "{\"n\":.5}", "{\"n\":+1}",
    "{\"n\":1e}", "{\"n\":123456789012345678901234567890}",
    "{\"n\":1,}", "{,\"n\":1}", "{\"n\" 1}", "{\"n\":tru}", "{\"n\":1}}",
    "{\"s\":\"tab\there\"}", "{\"s\":\"bad \\x escape\"}",
    "{\"k\\\"ey\":1,\"s\":\"escaped key\"}", "{\"s\":\"unterminated}",
    "[1,2]", "\"just a string\"", "{\"n\":1} trailing", "\x0b{\"n\":5}",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++) {
    g_autofree char *one = g_strconcat (lines[i], "\n", NULL);
    assert_same (one);
    /* The same line as a torn, unterminated last line. */
    g_autofree char *torn = g_strconcat ("{\"n\":1}\n", lines[i], NULL);
    assert_same (torn);
  }
}

/* Random lines from pieces that make valid and broken records. */
static void
test_random (void)
{
  static const char *const pieces[] = {
    "{", "}", ",", ":", " ", "\"s\"", "\"n\"", "\"dup\"", "\"q\"", "\"a\\nb\"",
    "\"\\u0041\"", "12", "-3.5", "1e9", "true", "false", "null", "[", "]",
    "\"đồng\"", "\"\\\\\"", "\t", "0", "\"x\":1",
  };
  g_autoptr (GRand) r = g_rand_new_with_seed (17);
  g_autoptr (GString) text = g_string_new (NULL);
  for (int i = 0; i < 3000; i++) {
    g_string_truncate (text, 0);
    int lines = g_rand_int_range (r, 1, 4);
    for (int l = 0; l < lines; l++) {
      g_string_append (text, "{\"s\":\"ok\"");
      int k = g_rand_int_range (r, 0, 9);
      for (int j = 0; j < k; j++)
        g_string_append (text, pieces[g_rand_int_range (r, 0,
                                                        G_N_ELEMENTS (pieces))]);
      if (g_rand_boolean (r))
        g_string_append (text, ",\"n\":7}");
      g_string_append_c (text, '\n');
    }
    assert_same (text->str);
  }
}

/* A file is read a megabyte at a time: lines across the chunk borders, a
 * line longer than a chunk, a torn last line and an error past the first
 * chunk read exactly as the whole text in memory does. */
static void
assert_file_as_buffer (const char *text)
{
  assert_reads_agree (text, FALSE);
}

static void
test_chunks (void)
{
  g_autoptr (GString) t = g_string_new (NULL);
  for (int i = 0; i < 40000; i++) /* about 2.4 MB of short lines */
    g_string_append_printf (t, "{\"s\":\"câu hỏi số %d: lệ phí bao "
                            "nhiêu?\",\"n\":%d}\n", i, i);
  g_string_append (t, "{\"s\":\"");
  for (int i = 0; i < 150000; i++) /* a 1.5 MB answer */
    g_string_append (t, "Lệ phí ");
  g_string_append (t, "\"}\n\n{\"n\":1}\n");
  assert_file_as_buffer (t->str);
  gsize whole = t->len;
  g_string_append (t, "{\"s\":\"torn"); /* killed mid-line */
  assert_file_as_buffer (t->str);
  g_string_truncate (t, whole);
  g_string_append (t, "{\"n\": 5,}\n{\"n\":6}\n"); /* bad, past a chunk */
  assert_file_as_buffer (t->str);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jsonl-flat/lines", test_lines);
  g_test_add_func ("/jsonl-flat/random", test_random);
  g_test_add_func ("/jsonl-flat/chunks", test_chunks);
  return g_test_run ();
}
