/* The run log's chain hash: the same text as GLib's GChecksum for SHA-256,
 * whatever the length (block edges included) and the bytes. */
#include <string.h>

#include "util/sha256.h"

static void
test_same_as_glib (void)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (17);
  guchar buf[1100];
  for (gsize i = 0; i < sizeof buf; i++)
    buf[i] = (guchar) g_rand_int_range (r, 0, 256);
  for (gsize len = 0; len <= sizeof buf; len += len < 130 ? 1 : 97) {
    char ours[65];
    sha256_hex (buf, len, ours);
    g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         buf, len);
    g_assert_cmpstr (ours, ==, glib);
  }
  char empty[65];
  sha256_hex ("", 0, empty);
  g_assert_cmpstr (empty, ==, "e3b0c44298fc1c149afbf4c8996fb924"
                              "27ae41e4649b934ca495991b7852b855");
}

/* Pieces give the digest of the whole. */
static void
test_streaming (void)
{
  const char *text = "Đăng ký khai sinh miễn lệ phí.\nLệ phí 15.000 đồng.\n";
  char whole[65], pieces[65];
  sha256_hex (text, strlen (text), whole);
  Sha256 *s = sha256_new ();
  gsize len = strlen (text);
  for (gsize i = 0; i < len; i += 3)
    sha256_update (s, text + i, MIN (3, len - i));
  sha256_finish (s, pieces);
  g_assert_cmpstr (whole, ==, pieces);
  sha256_free (sha256_new ()); /* freed without a digest */
}

/* Threads hashing at once, each with its own context, agree with GLib:
 * the firing threads append to the log chain in turn, the scorer hashes
 * in its own. */
static gpointer
hash_many (gpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  g_autoptr (GRand) r = g_rand_new_with_seed (seed);
  for (guint i = 0; i < 300; i++) {
    guchar buf[700];
    gsize len = (gsize) g_rand_int_range (r, 0, sizeof buf + 1);
    for (gsize k = 0; k < len; k++)
      buf[k] = (guchar) g_rand_int_range (r, 0, 256);
    char ours[65];
    sha256_hex (buf, len, ours);
    g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                         buf, len);
    if (g_strcmp0 (ours, glib) != 0)
      return GUINT_TO_POINTER (1);
  }
  return NULL;
}

static void
test_threads (void)
{
  GThread *t[4];
  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    t[i] = g_thread_new ("sha", hash_many, GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < G_N_ELEMENTS (t); i++)
    g_assert_null (g_thread_join (t[i]));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sha256/same-as-glib", test_same_as_glib);
  g_test_add_func ("/sha256/streaming", test_streaming);
  g_test_add_func ("/sha256/threads", test_threads);
  return g_test_run ();
}
