/* The streaming writer prints what cJSON prints for the same members, so
 * run-log and score lines read the same whichever way they were written. */
#include <string.h>

#include "util/jsonl.h"
#include "util/jsonw.h"

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
  jsonw_null (&o, "error");
  jsonw_string (&o, "answer", NULL);
  jsonw_raw (&o, "seed", "18446744073709551615");
  jsonw_end (&o);
  g_autofree char *a = g_string_free (out, FALSE);

  g_autoptr (cJSON) r = cJSON_CreateObject ();
  cJSON_AddStringToObject (r, "item", "hotich-001");
  cJSON_AddNumberToObject (r, "turn", 0);
  cJSON_AddNumberToObject (r, "delta", -42);
  cJSON_AddNumberToObject (r, "t_total_us", 999999999999999.0);
  cJSON_AddBoolToObject (r, "final", TRUE);
  cJSON_AddBoolToObject (r, "retried", FALSE);
  cJSON_AddNullToObject (r, "error");
  cJSON_AddNullToObject (r, "answer");
  cJSON_AddRawToObject (r, "seed", "18446744073709551615");
  g_autofree char *b = jsonl_print (r);
  g_assert_cmpstr (a, ==, b);
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/jsonw/strings-as-cjson", test_strings_as_cjson);
  g_test_add_func ("/jsonw/random-bytes-as-cjson", test_random_bytes_as_cjson);
  g_test_add_func ("/jsonw/members-as-cjson", test_members_as_cjson);
  g_test_add_func ("/jsonw/extreme-integers", test_extreme_integers);
  return g_test_run ();
}
