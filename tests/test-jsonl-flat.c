/* Tests for jsonl_read_file_flat and jsonl_flat_line (util/jsonl.c):
 * every line must give the same members, the same accepted lines and the
 * same errors as reading it through cJSON (jsonl_read_file +
 * jsonl_get_members), whether the fast path or the cJSON fallback handles
 * it. */
#include "util/jsonl.h"

#include <string.h>

#include "tests/vb-test.h"

static const char *const short_names[] = { "s", "n", "b", "z", "x", "dup",
                                           "e" };
/* Names about the eight and sixteen bytes the reader's lookup loads, a
 * name given twice and the empty name. */
static const char *const long_names[] = {
  "submission", "exactly8", "nine_char", "sixteen_bytes_16",
  "seventeen_bytes17", "a_name_well_over_sixteen_bytes", "", "dup", "dup",
};
/* The names the readers under test look up. */
static const char *const *names = short_names;
static guint n_names = G_N_ELEMENTS (short_names);
#define N_NAMES n_names
#define MAX_NAMES 16

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
  for (guint i = 0; i < N_NAMES; i++) {
    describe (out, v[i].type, v[i].str, v[i].num);
    /* len is what strlen says, unless an escaped NUL is kept inside */
    if (v[i].type == cJSON_String
        && memchr (v[i].str, '\0', v[i].len) == NULL)
      g_assert_cmpuint (v[i].len, ==, strlen (v[i].str));
  }
  g_string_append_c (out, '\n');
  return TRUE;
}

static gboolean
tree_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  GString *out = user;
  const cJSON *m[MAX_NAMES];
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

/* Each line of text[0, len) read alone by jsonl_flat_line gives what
 * the tree reader gives for that line alone, and NULL where it refuses
 * the line. */
static void
assert_lines_agree (const char *text, gsize len)
{
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (names, N_NAMES);
  const char *p = text, *end = text + len;
  guint lineno = 0;
  while (p < end) {
    const char *nl = memchr (p, '\n', (gsize) (end - p));
    gsize n = nl ? (gsize) (nl - p) : (gsize) (end - p);
    lineno++;
    g_autoptr (GString) want = g_string_new (NULL);
    g_autoptr (GString) got = g_string_new (NULL);
    gsize k = 0;
    while (k < n && g_ascii_isspace (p[k]))
      k++;
    if (k < n) { /* blank lines hold no record for either reader */
      if (!jsonl_read_buffer ("t", p, n, tree_line, want, NULL, NULL))
        g_string_assign (want, "refused");
      const JsonlValue *v = jsonl_flat_line (flat, p, n);
      if (v == NULL)
        g_string_assign (got, "refused");
      else
        flat_line (v, 1, got, NULL);
      if (strcmp (want->str, got->str) != 0)
        g_error ("line %u: tree %s, flat line %s", lineno, want->str,
                 got->str);
    }
    p += n + 1;
  }
}

/* One folder for the files of all cases, made and removed by main. */
static char *test_dir;

/* Writes text[0, len) to a file, reads it with both readers given,
 * compares. */
static void
assert_reads_agree_len (const char *text, gssize len, gboolean flat)
{
  g_autofree char *path = g_build_filename (test_dir, "log.jsonl", NULL);
  /* No fsync: thousands of cases write a file each. */
  g_assert_true (g_file_set_contents_full (path, text, len,
                                           G_FILE_SET_CONTENTS_NONE, 0666,
                                           NULL));
  if (len < 0)
    len = (gssize) strlen (text);
  ReadResult a = { g_string_new (NULL), FALSE, FALSE, NULL };
  ReadResult b = { g_string_new (NULL), FALSE, FALSE, NULL };
  if (flat) { /* the flat reader against cJSON */
    a.ok = jsonl_read_file_flat (path, names, N_NAMES, flat_line, a.records,
                                 &a.torn, &a.error);
    assert_lines_agree (text, (gsize) len);
  }
  else /* the file in chunks against the whole text in memory */
    a.ok = jsonl_read_buffer (path, text, (gsize) len, tree_line,
                              a.records, &a.torn, &a.error);
  b.ok = jsonl_read_file (path, tree_line, b.records, &b.torn, &b.error);
  assert_same_result (&a, &b);
}

static void
assert_reads_agree (const char *text, gboolean flat)
{
  assert_reads_agree_len (text, -1, flat);
}

static void
assert_same (const char *text)
{
  assert_reads_agree (text, TRUE);
}

/* The line alone, and as a torn last line. */
static void
assert_same_line (const char *line)
{
  g_autofree char *one = g_strconcat (line, "\n", NULL);
  assert_same (one);
  g_autofree char *torn = g_strconcat ("{\"n\":1}\n", line, NULL);
  assert_same (torn);
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
    /* escapes: at the end of a torn line, an escaped backslash before the
     * closing quote, an escaped quote and no closing one, escapes past
     * the first eight bytes */
    "{\"s\":\"ab\\", "{\"s\":\"ab\\\\\"}", "{\"s\":\"\\\"}",
    "{\"s\":\"0123456789abcdef\\n0123456789abcdef\\\"q\\/\"}",
    /* control bytes in values and keys, in and after the first word; DEL
     * is not one */
    "{\"s\":\"0123456789\001abc\"}", "{\"s\":\"01234567\x1f\"}",
    "{\"s\x01\":1}", "{\"n\":2,\"s\":\"\x7f del\"}", "{\"n\":\t1}",
    /* non-ASCII bytes outside strings, and invalid ones in a key */
    "{\"s\":1,\xc3\xa9:2}", "{\"s\":1}\xc3\xa9", "{\"s\":1} \xff",
    "{\"s\xff\":1}", "{\"n\":1\xc3\xa9}", "{\"s\":\"\xc3\"}",
    /* non-ASCII keys; the rare forms g_utf8_validate_len judges */
    "{\"cl\xc3\xa9\":\"v\",\"s\":\"\xe1\xba\xa1\"}", "{\"\xe1\xba\":1}",
    "{\"s\":\"\xf0\x9f\x98\x80 ok\"}", "{\"s\":\"\xef\xbf\xbe\xef\xbf\xbf\"}",
    "{\"s\":\"\xed\xa0\x80\"}", "{\"s\":\"\xf4\x90\x80\x80\"}",
    /* keys and values that end within eight bytes of the line's end */
    "{\"z\":1}", "{\"s\":\"\"}", "{\"e\":\"\xc3\xa9\"}", "{\"\":1}",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    assert_same_line (lines[i]);
}

static gboolean
escaped_nul_line (const JsonlValue *v, guint line, gpointer user,
                  GError **error)
{
  static const char want[] = "Lệ phí\0 150.000 đồng 😀";
  g_assert_cmpint (v[0].type, ==, cJSON_String);
  g_assert_cmpmem (v[0].str, v[0].len, want, sizeof want - 1);
  (*(guint *) user)++;
  return TRUE;
}

/* An escaped NUL in a value is kept with what follows it: an answer's
 * text after it must reach the judge. */
static void
test_escaped_nul (void)
{
  g_autofree char *path = g_build_filename (test_dir, "nul.jsonl", NULL);
  const char *text = "{\"s\":\"L\u1ec7 ph\u00ed\\u0000 150.000 đồng "
                     "\\ud83d\\ude00\",\"n\":1}\n";
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  static const char *const s_only[] = { "s" };
  guint seen = 0;
  g_assert_true (jsonl_read_file_flat (path, s_only, 1, escaped_nul_line,
                                       &seen, NULL, NULL));
  g_assert_cmpuint (seen, ==, 1);
}

/* NUL bytes, which no C string literal above can hold. */
static void
test_nul (void)
{
  static const struct {
    const char *text;
    gssize len;
  } cases[] = {
#define CASE(s) { s, sizeof s - 1 }
    CASE ("{\"s\":\"a\0b\"}\n"), CASE ("{\"s\":\"abcdefghij\0\"}\n"),
    CASE ("{\"n\":1}\0\n"), CASE ("\0\n"), CASE ("{\"n\":1}\n{\"s\":\"\0"),
#undef CASE
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_reads_agree_len (cases[i].text, cases[i].len, TRUE);
}

/* Keys about the wanted long names: prefixes, extensions, the same first
 * or last eight bytes; a name given twice; the empty name. */
static void
test_long_names (void)
{
  static const char *const lines[] = {
    "{\"submission\":\"a\",\"submissio\":\"b\",\"submission_\":\"c\"}",
    "{\"exactly\":2,\"exactly8x\":3,\"xexactly8\":4,\"exactly8\":1}",
    "{\"nine_chaR\":1,\"nine_char\":2,\"Nine_char\":3}",
    "{\"sixteen_bytes_1\":1,\"sixteen_bytes_17\":2,"
    "\"sixteen_bytes_16\":true,\"xixteen_bytes_16\":false}",
    "{\"seventeen_bytez17\":\"y\",\"seventeen_bytes17\":\"x\"}",
    "{\"a_name_well_over_sixteen_bytez\":1,"
    "\"a_name_well_ovXr_sixteen_bytes\":2,"
    "\"a_name_well_over_sixteen_bytes\":3}",
    "{\"\":\"empty key\",\"\":\"again\"}", "{\"dup\":1,\"dup\":2,\"dup\":3}",
    "{\"dup\":\"x\"}", "{\"exactly8\":1}", "{\"\":0}", "{\"dup\":0}",
  };
  names = long_names;
  n_names = G_N_ELEMENTS (long_names);
  for (gsize i = 0; i < G_N_ELEMENTS (lines); i++)
    assert_same_line (lines[i]);
  names = short_names;
  n_names = G_N_ELEMENTS (short_names);
}

/* The line read in memory is refused exactly where g_utf8_validate_len
 * stops, or read. */
static void
assert_utf8_as_glib (const char *line)
{
  const char *stop = NULL;
  gboolean valid = g_utf8_validate_len (line, strlen (line), &stop);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  gboolean ok = jsonl_read_buffer ("t", line, strlen (line), tree_line, out,
                                   NULL, &error);
  if (valid) {
    g_assert_no_error (error);
    g_assert_true (ok);
    return;
  }
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_UTF8);
  g_autofree char *want = g_strdup_printf (
      "t:1: invalid UTF-8 at byte %ld of the line", (long) (stop - line) + 1);
  g_assert_cmpstr (error->message, ==, want);
}

/* Every lead byte with continuation bytes at the edges of what is valid,
 * at every place in an eight-byte word and near the end of the line. */
static void
test_utf8 (void)
{
  static const guchar second[] = { 0x41, 0x7F, 0x80, 0x8F, 0x90,
                                   0x9F, 0xA0, 0xBF, 0xC0 };
  static const guchar third[] = { 0x41, 0x80, 0xBF, 0xC0 };
  static const guchar fourth[] = { 0x80, 0x41 }; /* for F0… only */
  guint k = 0;
  for (guint lead = 0x80; lead <= 0xFF; lead++)
    for (gsize i = 0; i < G_N_ELEMENTS (second); i++)
      for (gsize j = 0; j < G_N_ELEMENTS (third); j++)
        for (gsize l = 0; l < (lead >= 0xF0 ? 2 : 1); l++, k++) {
          char c[5] = { (char) lead, (char) second[i], (char) third[j],
                        (char) fourth[l], 0 };
          g_autofree char *line = g_strdup_printf (
              "{\"s\":\"%.*s%s%.*s\"}\n", (int) (k % 9), "012345678", c,
              (int) (k % 11), "abcdefghijk");
          assert_utf8_as_glib (line);
          assert_same (line);
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
  g_test_add_func ("/jsonl-flat/escaped-nul", test_escaped_nul);
  g_test_add_func ("/jsonl-flat/nul", test_nul);
  g_test_add_func ("/jsonl-flat/long-names", test_long_names);
  g_test_add_func ("/jsonl-flat/utf8", test_utf8);
  g_test_add_func ("/jsonl-flat/random", test_random);
  g_test_add_func ("/jsonl-flat/chunks", test_chunks);
  test_dir = g_dir_make_tmp ("vb-flat-XXXXXX", NULL);
  g_assert_nonnull (test_dir);
  int status = g_test_run ();
  vbt_rm_rf (test_dir);
  g_free (test_dir);
  return status;
}
