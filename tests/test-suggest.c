/* "Did you mean": the distance, and which near names are suggested. */
#include "util/suggest.h"

static void
test_distance (void)
{
  g_assert_cmpuint (suggest_distance ("accuracy", "accuracy", 2), ==, 0);
  g_assert_cmpuint (suggest_distance ("acuracy", "accuracy", 2), ==, 1);
  g_assert_cmpuint (suggest_distance ("atuh", "auth", 2), ==, 1); /* swap */
  g_assert_cmpuint (suggest_distance ("concurency", "concurrency", 2), ==, 1);
  g_assert_cmpuint (suggest_distance ("nearmis", "nearmiss", 2), ==, 1);
  g_assert_cmpuint (suggest_distance ("Timeout_MS", "timeout_ms", 2), ==, 0);
  g_assert_cmpuint (suggest_distance ("kitten", "sitting", 5), ==, 3);
  /* stopped at limit + 1 */
  g_assert_cmpuint (suggest_distance ("kitten", "sitting", 2), ==, 3);
  g_assert_cmpuint (suggest_distance ("a", "abcdef", 2), ==, 3);
  /* characters, not bytes: one Vietnamese letter is one edit */
  g_assert_cmpuint (suggest_distance ("tên", "ten", 2), ==, 1);
  g_assert_cmpuint (suggest_distance ("", "", 2), ==, 0);
}

static void
test_near (void)
{
  static const char *const keys[]
      = { "accuracy", "nearmiss", "latency", "availability", NULL };
  g_assert_cmpstr (suggest_near ("acuracy", keys), ==, "accuracy");
  g_assert_cmpstr (suggest_near ("latenc", keys), ==, "latency");
  g_assert_null (suggest_near ("speed", keys));
  /* a short word suggests only what is one edit away */
  static const char *const fields[] = { "id", "name", "auth", NULL };
  g_assert_null (suggest_near ("x", fields));
  g_assert_cmpstr (suggest_near ("ids", fields), ==, "id");
  g_assert_cmpstr (suggest_near ("atuh", fields), ==, "auth");
  g_assert_null (suggest_near ("anything", NULL));
  g_autofree char *hint = suggest_hint ("concurency",
                                        (const char *const[]) {
                                            "concurrency", "rate_per_sec",
                                            NULL });
  g_assert_cmpstr (hint, ==, " (did you mean \"concurrency\"?)");
  g_autofree char *none = suggest_hint ("zzz", keys);
  g_assert_cmpstr (none, ==, "");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/suggest/distance", test_distance);
  g_test_add_func ("/suggest/near", test_near);
  return g_test_run ();
}
