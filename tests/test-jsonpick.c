/* The push JSON reader: the same verdict and the same picked bytes
 * whether the input comes whole or one byte at a time; strings are bytes
 * with a length (an escaped NUL is kept); syntax as strict as RFC 8259. */
#include <string.h>

#include "util/jsonpick.h"
#include "util/vb_autocleanups.h"

/* Reads text (len bytes) in pieces of `piece` bytes (0 = whole). */
static gboolean
pick (const char *pointer, gboolean arrays, const char *text, gsize len,
      gsize piece, GString *out, JsonPickFound *found)
{
  g_autoptr (JsonPick) p = jsonpick_new (pointer, arrays, out);
  gboolean ok = TRUE;
  if (piece == 0)
    ok = jsonpick_feed (p, text, len);
  else
    for (gsize i = 0; i < len && ok; i += piece)
      ok = jsonpick_feed (p, text + i, MIN (piece, len - i));
  ok = ok && jsonpick_end (p);
  if (found)
    *found = jsonpick_found (p);
  return ok;
}

/* Valid or not, as cJSON sees it, in every piece size. */
static void
test_syntax (void)
{
  static const char *const good[] = {
    "{}", "[]", "0", "-0", "12.5e-3", "1E+2", "true", "false", "null",
    "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"", " {\"a\" : [1, {\"b\": null}]} ",
    "\"\\u00e9\\ud83d\\ude00\"", "[[[[]]]]", "{\"a\":{\"b\":{\"c\":1}}}",
    "\"Lệ phí là 15.000 đồng\"",
  };
  static const char *const bad[] = {
    "", " ", "{", "[1,]", "{\"a\":1,}", "{,}", "01", "1.", ".5", "+1", "1e",
    "-", "tru", "nul", "{\"a\" 1}", "{\"a\":1}}", "[1] 2", "\"open",
    "\"bad \\x\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\u12\"", "{1:2}",
    "[1 2]", "\"tab\there\"", "'single'", "{\"a\":1]", "[1}",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    for (gsize piece = 0; piece <= 3; piece++) {
      g_autoptr (GString) out = g_string_new (NULL);
      g_autoptr (cJSON) c = cJSON_Parse (good[i]);
      g_assert_nonnull (c);
      if (!pick ("", TRUE, good[i], strlen (good[i]), piece, out, NULL))
        g_error ("refused valid JSON %s (pieces of %zu)", good[i], piece);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    for (gsize piece = 0; piece <= 3; piece++) {
      g_autoptr (GString) out = g_string_new (NULL);
      if (pick ("", TRUE, bad[i], strlen (bad[i]), piece, out, NULL))
        g_error ("took invalid JSON %s (pieces of %zu)", bad[i], piece);
    }
}

typedef struct {
  const char *pointer;
  gboolean arrays;
  const char *json;
  JsonPickFound found;
  const char *want; /* NULL: nothing picked */
} PickCase;

static const PickCase picks[] = {
  { "/choices/0/message/content", TRUE,
    "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":"
    "\"Miễn phí.\"}}]}",
    JSONPICK_STRING, "Miễn phí." },
  /* Python's spacing, and the wanted element not the first */
  { "/choices/1/delta/content", FALSE,
    "{\"choices\": [{\"delta\": {\"content\": \"no\"}}, {\"delta\": "
    "{\"content\": \"Thời hạn \\\"3\\\" ngày\"}}]}",
    JSONPICK_STRING, "Thời hạn \"3\" ngày" },
  /* the first member of a name counts, as in cJSON */
  { "/a", TRUE, "{\"a\":\"first\",\"a\":\"second\"}", JSONPICK_STRING,
    "first" },
  /* a name that only starts like the wanted one */
  { "/content", TRUE, "{\"contents\":\"x\",\"conten\":\"y\",\"content\":\"z\"}",
    JSONPICK_STRING, "z" },
  /* escaped key */
  { "/content", TRUE, "{\"cont\\u0065nt\":\"esc\"}", JSONPICK_STRING, "esc" },
  /* arrays: strings and objects' "text", joined by newlines */
  { "", TRUE,
    "[{\"recipient_id\":\"p\",\"text\":\"Lệ phí là 200.000 đồng.\"},"
    "{\"image\":\"x.png\"},{\"text\":\"Cần gì thêm?\"},\"rời\",3]",
    JSONPICK_ARRAY, "Lệ phí là 200.000 đồng.\nCần gì thêm?\nrời" },
  { "/data/answer/parts", TRUE,
    "{\"data\":{\"answer\":{\"parts\":[\"Lệ phí 15.000 đồng.\","
    "\"Nộp tại công an xã.\"]}}}",
    JSONPICK_ARRAY, "Lệ phí 15.000 đồng.\nNộp tại công an xã." },
  { "/a", FALSE, "{\"a\":[\"x\"]}", JSONPICK_OTHER, NULL },
  { "/a", TRUE, "{\"a\":null}", JSONPICK_OTHER, NULL },
  { "/a", TRUE, "{\"b\":\"x\"}", JSONPICK_NONE, NULL },
  { "/choices/0/message/content", TRUE, "{\"choices\": []}", JSONPICK_NONE,
    NULL },
  /* RFC 6901 escapes in the pointer */
  { "/a~1b/m~0n", TRUE, "{\"a/b\":{\"m~n\":\"ok\"}}", JSONPICK_STRING,
    "ok" },
  /* nested look-alikes off the path are not picked */
  { "/x/content", TRUE,
    "{\"y\":{\"content\":\"no\"},\"x\":{\"deep\":{\"content\":\"no\"},"
    "\"content\":\"yes\"}}",
    JSONPICK_STRING, "yes" },
};

static void
test_picks (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (picks); i++)
    for (gsize piece = 0; piece <= 2; piece++) {
      const PickCase *c = &picks[i];
      g_autoptr (GString) out = g_string_new (NULL);
      JsonPickFound found;
      g_assert_true (pick (c->pointer, c->arrays, c->json, strlen (c->json),
                           piece, out, &found));
      g_assert_cmpint (found, ==, c->found);
      g_assert_cmpstr (out->str, ==, c->want ? c->want : "");
    }
}

/* \u0000 is a byte of the text, and so is what follows it; a raw NUL is
 * not JSON. */
static void
test_nul (void)
{
  const char *json = "{\"content\":\"Lệ phí 15.000 đồng\\u0000 hoặc 150.000 "
                     "đồng\"}";
  static const char want[] = "Lệ phí 15.000 đồng\0 hoặc 150.000 đồng";
  for (gsize piece = 0; piece <= 1; piece++) {
    g_autoptr (GString) out = g_string_new (NULL);
    g_assert_true (pick ("/content", TRUE, json, strlen (json), piece, out,
                         NULL));
    g_assert_cmpmem (out->str, out->len, want, sizeof want - 1);
  }
  static const char raw[] = "{\"content\":\"a\0b\"}";
  g_autoptr (GString) out = g_string_new (NULL);
  g_assert_false (pick ("/content", TRUE, raw, sizeof raw - 1, 0, out, NULL));
  static const char outside[] = "{\"content\":\"a\"}\0";
  g_assert_false (pick ("/content", TRUE, outside, sizeof outside - 1, 0, out,
                        NULL));
}

static void
test_depth_and_reset (void)
{
  GString *deep = g_string_new (NULL);
  for (int i = 0; i < JSONPICK_MAX_DEPTH + 1; i++)
    g_string_append_c (deep, '[');
  for (int i = 0; i < JSONPICK_MAX_DEPTH + 1; i++)
    g_string_append_c (deep, ']');
  g_autoptr (GString) out = g_string_new (NULL);
  g_assert_false (pick ("", TRUE, deep->str, deep->len, 0, out, NULL));
  g_string_free (deep, TRUE);
  /* one reader, two values: the text accumulates, the verdicts do not */
  g_autoptr (JsonPick) p = jsonpick_new ("/c", FALSE, out);
  g_assert_false (jsonpick_feed (p, "{\"c\":x", 6));
  g_assert_false (jsonpick_feed (p, "}", 1));
  jsonpick_reset (p);
  g_assert_true (jsonpick_feed (p, "{\"c\":\"ab\"}", 10));
  g_assert_true (jsonpick_end (p));
  g_assert_true (jsonpick_picked_any (p));
  jsonpick_reset (p);
  g_assert_false (jsonpick_picked_any (p));
  g_assert_true (jsonpick_feed (p, "{\"c\":\"cd\"}", 10));
  g_assert_true (jsonpick_end (p));
  g_assert_cmpstr (out->str, ==, "abcd");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jsonpick/syntax", test_syntax);
  g_test_add_func ("/jsonpick/picks", test_picks);
  g_test_add_func ("/jsonpick/nul", test_nul);
  g_test_add_func ("/jsonpick/depth-and-reset", test_depth_and_reset);
  return g_test_run ();
}
