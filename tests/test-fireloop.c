/* The fire loop alone, against the mock on port 0: transfers added come
 * back finished, one at a time, their handles kept for reuse; a transfer
 * libcurl refuses to add comes back at once as a failure to record,
 * never left waiting. */
#include <string.h>

#include "harness/fireloop.h"
#include "submissions/mock/mock.h"

static size_t
discard (char *d, size_t s, size_t n, void *u)
{
  return s * n;
}

static void
configure (CURL *easy, const char *url)
{
  curl_easy_setopt (easy, CURLOPT_URL, url);
  curl_easy_setopt (easy, CURLOPT_POSTFIELDS,
                    "{\"messages\":[{\"role\":\"user\",\"content\":\"Lệ phí "
                    "đăng ký tạm trú?\"}]}");
  curl_easy_setopt (easy, CURLOPT_WRITEFUNCTION, discard);
  curl_easy_setopt (easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (easy, CURLOPT_TIMEOUT_MS, 10000L);
}

static void
test_round_trip (void)
{
  MockOptions o;
  mock_options_init (&o);
  o.profile = MOCK_PROFILE_EXACT;
  g_autoptr (MockServer) mock = mock_server_start (&o, NULL);
  g_assert_nonnull (mock);
  g_autofree char *url = g_strdup_printf (
      "http://127.0.0.1:%u/v1/chat/completions", mock_server_port (mock));
  g_autoptr (GError) error = NULL;
  g_autoptr (FireLoop) l = fireloop_new (300, 300, &error); /* 3 shards */
  g_assert_no_error (error);
  FireSlot slots[5];
  int tag;
  for (int i = 0; i < 5; i++) {
    gboolean same;
    slots[i].easy = fireloop_easy (l, &tag, &same);
    slots[i].tag = &tag;
    g_assert_false (same); /* all new */
    configure (slots[i].easy, url);
    g_autofree char *detail = NULL;
    g_assert_true (fireloop_add (l, &slots[i], &detail));
  }
  g_assert_cmpuint (fireloop_active (l), ==, 5);
  guint done = 0;
  for (int turns = 0; done < 5 && turns < 100000; turns++) {
    fireloop_run (l, 100);
    CURLcode rc;
    FireSlot *s;
    while ((s = fireloop_next_done (l, &rc)) != NULL) {
      g_assert_cmpint (rc, ==, CURLE_OK);
      g_assert_null (s->failed);
      long status = 0;
      curl_easy_getinfo (s->easy, CURLINFO_RESPONSE_CODE, &status);
      g_assert_cmpint (status, ==, 200);
      fireloop_release (l, s);
      done++;
    }
  }
  g_assert_cmpuint (done, ==, 5);
  g_assert_cmpuint (fireloop_active (l), ==, 0);
  /* a released handle comes back with its tag: configured for it */
  gboolean same = FALSE;
  CURL *again = fireloop_easy (l, &tag, &same);
  g_assert_true (same);
  fireloop_give_back (l, again, NULL);
  again = fireloop_easy (l, &tag, &same);
  g_assert_false (same); /* given back unknown */
  fireloop_give_back (l, again, NULL);
}

/* libcurl refuses a handle that is already in a multi handle: the add
 * fails at once with a reason, and nothing is counted in flight. */
static void
test_refused_add (void)
{
  /* Before the loop: it still holds a when it is freed at the end of the
   * scope, and a variable declared after it is out of scope by then
   * (clang's ASan saw fireloop_free read a). */
  FireSlot a = { 0 }, b = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (FireLoop) l = fireloop_new (10, 10, &error);
  g_assert_no_error (error);
  gboolean same;
  CURL *easy = fireloop_easy (l, NULL, &same);
  configure (easy, "http://127.0.0.1:9/");
  a = (FireSlot) { easy, NULL, NULL, { 0 }, NULL };
  g_autofree char *detail = NULL;
  g_assert_true (fireloop_add (l, &a, &detail));
  /* the same handle again, as a second transfer */
  CURL *dup = curl_easy_duphandle (easy);
  CURLM *other = curl_multi_init ();
  g_assert_cmpint (curl_multi_add_handle (other, dup), ==, CURLM_OK);
  b = (FireSlot) { dup, NULL, NULL, { 0 }, NULL };
  g_assert_false (fireloop_add (l, &b, &detail));
  g_assert_nonnull (detail);
  g_assert_nonnull (strstr (detail, "libcurl would not start"));
  g_assert_null (b.easy); /* taken back by the loop */
  g_assert_cmpuint (fireloop_active (l), ==, 1);
  /* the loop now holds dup as idle; let go of it in the other multi */
  g_assert_cmpint (curl_multi_remove_handle (other, dup), ==, CURLM_OK);
  curl_multi_cleanup (other);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  curl_global_init (CURL_GLOBAL_DEFAULT);
  g_test_add_func ("/fireloop/round-trip", test_round_trip);
  g_test_add_func ("/fireloop/refused-add", test_refused_add);
  int rc = g_test_run ();
  curl_global_cleanup ();
  return rc;
}
