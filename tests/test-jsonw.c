/* The streaming writer and jsonw_append_cjson print what cJSON prints for
 * the same values, so run-log and score lines read the same whichever way
 * they were written (re-scoring reproduces files byte for byte). */
#include <math.h>
#include <string.h>

#include "util/jsonl.h"
#include "util/jsonw.h"
#include "rundir/attempt.h"

static char *
written (const char *key, const char *value)
{
  GString *out = g_string_new (NULL);
  JsonwObject o;
  jsonw_begin (&o, out);
  jsonw_string (&o, key, value);
  jsonw_end (&o);
  return g_string_free (out, FALSE);
}

static char *
by_cjson (const char *key, const char *value)
{
  g_autoptr (cJSON) r = cJSON_CreateObject ();
  cJSON_AddStringToObject (r, key, value);
  return jsonl_print (r);
}

static void
test_strings_as_cjson (void)
{
  const char *cases[] = {
    "",
    "Lệ phí: 15.000 đồng; thời hạn 03 ngày làm việc.",
    "Ngoặc kép \"trích\" và gạch \\ ngược",
    "dòng 1\ndòng 2\r\n\ttab \b\f",
    "\x01\x02\x1f điều khiển \x7f",
    "Nghị định 168/2025/NĐ-CP — Điều 7",
    "e\xcc\x82\xcc\x81 (NFD, dấu tách rời)",
    "</script><b>x</b>",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *a = written ("trả lời", cases[i]);
    g_autofree char *b = by_cjson ("trả lời", cases[i]);
    g_assert_cmpstr (a, ==, b);
  }
}

/* Every byte value 1..255 in a seeded random mix, against cJSON. */
static void
test_random_bytes_as_cjson (void)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20261122);
  for (guint n = 0; n < 2000; n++) {
    char s[40];
    guint len = (guint) g_rand_int_range (r, 0, sizeof s);
    for (guint i = 0; i < len; i++)
      s[i] = (char) g_rand_int_range (r, 1, 256);
    s[len] = 0;
    g_autofree char *a = written ("k", s);
    g_autofree char *b = by_cjson ("k", s);
    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_members_as_cjson (void)
{
  GString *out = g_string_new (NULL);
  JsonwObject o;
  jsonw_begin (&o, out);
  jsonw_string (&o, "item", "hotich-001");
  jsonw_int (&o, "turn", 0);
  jsonw_int (&o, "delta", -42);
  jsonw_uint (&o, "t_total_us", 999999999999999ULL); /* 10^15 − 1 */
  jsonw_bool (&o, "final", TRUE);
  jsonw_bool (&o, "retried", FALSE);
  jsonw_string (&o, "answer", NULL);
  jsonw_uint (&o, "seed", G_MAXUINT64);
  jsonw_end (&o);
  g_autofree char *a = g_string_free (out, FALSE);

  g_autoptr (cJSON) r = cJSON_CreateObject ();
  cJSON_AddStringToObject (r, "item", "hotich-001");
  cJSON_AddNumberToObject (r, "turn", 0);
  cJSON_AddNumberToObject (r, "delta", -42);
  cJSON_AddNumberToObject (r, "t_total_us", 999999999999999.0);
  cJSON_AddBoolToObject (r, "final", TRUE);
  cJSON_AddBoolToObject (r, "retried", FALSE);
  cJSON_AddNullToObject (r, "answer");
  cJSON_AddRawToObject (r, "seed", "18446744073709551615");
  g_autofree char *b = jsonl_print (r);
  g_assert_cmpstr (a, ==, b);
}

/* Every key written as the log record's names, with plain_keys (copied
 * unlooked) and without (escaped as needed). */
static char *
with_keys (const char *const *keys, guint n, gboolean plain)
{
  GString *out = g_string_new (NULL);
  JsonwObject o;
  jsonw_begin (&o, out);
  o.plain_keys = plain;
  for (guint i = 0; i < n; i++)
    jsonw_string (&o, keys[i], "Công an cấp xã");
  jsonw_end (&o);
  return g_string_free (out, FALSE);
}

/* plain_keys writes what the escaping path writes, for the names the log
 * record vouches for (rundir/attempt.c) and the chain's own: were one of
 * them to need an escape, the two would differ. */
static void
test_plain_keys_same (void)
{
  guint n;
  const char *const *fields = attempt_fields (&n);
  g_autofree char *fast = with_keys (fields, n, TRUE);
  g_autofree char *plain = with_keys (fields, n, FALSE);
  g_assert_cmpstr (fast, ==, plain);
  static const char *const chain[] = { "seq", "prev" };
  g_autofree char *fast2 = with_keys (chain, 2, TRUE);
  g_autofree char *plain2 = with_keys (chain, 2, FALSE);
  g_assert_cmpstr (fast2, ==, plain2);
  /* and the check can fail: a key that needs escaping differs */
  static const char *const odd[] = { "tr\"ả lời" };
  g_autofree char *fast3 = with_keys (odd, 1, TRUE);
  g_autofree char *plain3 = with_keys (odd, 1, FALSE);
  g_assert_cmpstr (fast3, !=, plain3);
}

static void
test_extreme_integers (void)
{
  GString *out = g_string_new (NULL);
  JsonwObject o;
  jsonw_begin (&o, out);
  jsonw_int (&o, "min", G_MININT64);
  jsonw_uint (&o, "max", G_MAXUINT64);
  jsonw_end (&o);
  g_autofree char *a = g_string_free (out, FALSE);
  g_assert_cmpstr (a, ==,
                   "{\"min\":-9223372036854775808,"
                   "\"max\":18446744073709551615}");
}

static void
assert_same_as_cjson (const cJSON *v)
{
  char *want = cJSON_PrintUnformatted (v);
  g_autoptr (GString) got = g_string_new (NULL);
  jsonw_append_cjson (got, v);
  g_assert_cmpstr (got->str, ==, want);
  cJSON_free (want);
}

static void
assert_number (double d)
{
  g_autoptr (cJSON) n = cJSON_CreateNumber (d);
  assert_same_as_cjson (n);
}

/* Integers, the 6-decimal scores the judge rounds to, the latency sums,
 * and the shapes that need %1.17g or exponents (cJSON's slow path). */
static void
test_cjson_numbers (void)
{
  static const double fixed[]
      = { 0, -0.0, 1, -1, 42, 2147483647.0, -2147483648.0, 2147483648.0,
          1e15, 1e300, -3e9, 0.5, 0.75, 0.666667, 0.333333, 1.0 / 3,
          2.0 / 3, 0.1, 0.2, 0.3, 0.1 + 0.2, 1e-4, 1.5e-4, 9.99999e-5,
          1e-5, 1e-7, 123456789.123456, 999999999.999999, 1e9 + 0.5,
          -0.000123, 15000.5, 3.14159265358979, NAN, INFINITY, -INFINITY,
          DBL_MIN, DBL_MAX, 5e-324 };
  for (gsize i = 0; i < G_N_ELEMENTS (fixed); i++)
    assert_number (fixed[i]);
  /* Every k/10^6 on a grid, and random doubles of every magnitude. */
  for (gint64 k = -2000000; k <= 2000000; k += 997)
    assert_number ((double) k / 1e6);
  g_autoptr (GRand) r = g_rand_new_with_seed (11);
  for (int i = 0; i < 20000; i++) {
    double mant = g_rand_double_range (r, -1, 1);
    int exp = g_rand_int_range (r, -12, 16);
    assert_number (mant * pow (10, exp));
    assert_number (round (mant * 1e6) / 1e6 * pow (10, exp % 4));
  }
}

static void
test_cjson_strings (void)
{
  static const char *const texts[]
      = { "", "plain", "Lệ phí là 15.000 đồng; 03 ngày làm việc",
          "quote \" backslash \\ slash /", "\b\f\n\r\t", "\x01\x1f\x7f",
          "tab\tin the middle\n", "ừ — “curly” … \xe2\x80\x8b" };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++) {
    g_autoptr (cJSON) s = cJSON_CreateString (texts[i]);
    assert_same_as_cjson (s);
  }
}

/* A record shaped like a scores.jsonl line, with nesting, empty
 * containers, null, booleans and keys that need escaping. */
static void
test_cjson_record (void)
{
  const char *text
      = "{\"submission\":\"exact\",\"score\":0.75,\"correct\":false,"
        "\"lenient_score\":1,\"error_class\":null,\"latency_us\":[15201,"
        "9054.5],\"turns\":[{\"turn\":0,\"question\":\"Thủ tục?\","
        "\"answer\":\"a\\nb\",\"judgement\":{\"facts\":[{\"value\":{"
        "\"min\":2,\"max\":3,\"unit\":\"working_day\"},\"notes\":[]}],"
        "\"forbid\":[]}}],\"k\\\"ey\":{},\"e\":[[],{}]}";
  g_autoptr (cJSON) o = cJSON_Parse (text);
  g_assert_nonnull (o);
  assert_same_as_cjson (o);
  g_autoptr (cJSON) empty = cJSON_CreateObject ();
  assert_same_as_cjson (empty);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jsonw/strings-as-cjson", test_strings_as_cjson);
  g_test_add_func ("/jsonw/random-bytes-as-cjson", test_random_bytes_as_cjson);
  g_test_add_func ("/jsonw/members-as-cjson", test_members_as_cjson);
  g_test_add_func ("/jsonw/plain-keys-same", test_plain_keys_same);
  g_test_add_func ("/jsonw/extreme-integers", test_extreme_integers);
  g_test_add_func ("/jsonw/cjson-numbers", test_cjson_numbers);
  g_test_add_func ("/jsonw/cjson-strings", test_cjson_strings);
  g_test_add_func ("/jsonw/cjson-record", test_cjson_record);
  return g_test_run ();
}
