/* Tests for harness/scorecard.c: scores.jsonl lines are written by
 * scorecard_append_json, which must give exactly the bytes of
 * cJSON_PrintUnformatted (re-scoring reproduces files byte for byte). */
#include "harness/scorecard.h"

#include <math.h>
#include <string.h>

static void
assert_same_as_cjson (const cJSON *v)
{
  char *want = cJSON_PrintUnformatted (v);
  g_autoptr (GString) got = g_string_new (NULL);
  scorecard_append_json (got, v);
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
test_numbers (void)
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
test_strings (void)
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
test_record (void)
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
  g_test_add_func ("/scorecard/json-numbers", test_numbers);
  g_test_add_func ("/scorecard/json-strings", test_strings);
  g_test_add_func ("/scorecard/json-record", test_record);
  return g_test_run ();
}
