/* The live progress display of `vabench run`: 34 provinces fit the
 * terminal (one summary line and the slowest few), no line wraps, and a
 * finished province's rate stops at its finish. */
#include <string.h>

#include "harness/progress.h"

static guint
lines_of (const char *frame)
{
  guint n = 0;
  for (const char *p = frame; *p; p++)
    n += *p == '\n';
  return n;
}

/* 34 provinces; the first few far behind, the last ones finished. */
static EngineSubProgress *
contest (guint n, char ids[][16])
{
  EngineSubProgress *subs = g_new0 (EngineSubProgress, n);
  for (guint i = 0; i < n; i++) {
    g_snprintf (ids[i], 16, "tinh-%02u", i + 1);
    subs[i].id = ids[i];
    subs[i].units_total = 5000;
    subs[i].units_done = MIN (5000, 100 + 200 * i);
    subs[i].requests = subs[i].units_done;
    subs[i].in_flight = subs[i].units_done == 5000 ? 0 : 4;
  }
  return subs;
}

static void
test_fits (void)
{
  char ids[34][16];
  g_autofree EngineSubProgress *subs = contest (34, ids);
  static const guint heights[] = { 1, 2, 3, 5, 10, 24, 60 };
  for (guint h = 0; h < G_N_ELEMENTS (heights); h++) {
    g_autoptr (Progress) p = progress_new ();
    g_autofree char *frame = progress_frame (p, subs, 34, 60 * G_USEC_PER_SEC,
                                             heights[h], 60, FALSE);
    guint n = lines_of (frame);
    g_assert_cmpuint (n, ==, progress_lines (p));
    g_assert_cmpuint (n, <=, MAX (heights[h], 2) - 1);
    g_assert_cmpuint (n, <=, 1 + PROGRESS_MAX_SUBS);
    g_auto (GStrv) lines = g_strsplit (frame, "\n", -1);
    for (guint i = 0; lines[i]; i++)
      g_assert_cmpint (g_utf8_strlen (lines[i], -1), <=, 59);
    g_assert_true (g_str_has_prefix (frame, "34 submissions, 9 done · "));
  }
  /* The slowest first; the rest counted on the last line. */
  g_autoptr (Progress) p = progress_new ();
  g_autofree char *frame = progress_frame (p, subs, 34, 60 * G_USEC_PER_SEC,
                                           24, 0, FALSE);
  g_auto (GStrv) lines = g_strsplit (frame, "\n", -1);
  g_assert_true (g_str_has_prefix (lines[1], "  tinh-01 "));
  g_assert_true (g_str_has_prefix (lines[2], "  tinh-02 "));
  g_assert_nonnull (strstr (frame, "… 18 more running, 9 more done"));
  /* A log file gets the summary line alone. */
  g_autofree char *plain = progress_frame (p, subs, 34, 60 * G_USEC_PER_SEC,
                                           24, 0, TRUE);
  g_assert_cmpuint (lines_of (plain), ==, 1);
}

/* A province that finished at 10 s keeps the rate it had then. */
static void
test_finished_rate_stops (void)
{
  static char a[] = "ha-noi", b[] = "hue";
  EngineSubProgress subs[2] = {
    { a, 100, 100, 200, 0, 0, FALSE, FAILURE_NONE, 0 }, /* 200 requests,
                                                         done at 10 s */
    { b, 100, 10, 10, 0, 2, FALSE, FAILURE_NONE, 0 },
  };
  g_autoptr (Progress) p = progress_new ();
  g_autofree char *first = progress_frame (p, subs, 2, 10 * G_USEC_PER_SEC,
                                           24, 0, FALSE);
  g_assert_nonnull (strstr (first, "  ha-noi"));
  g_assert_nonnull (strstr (first, "20.0 req/s  errors 0     done in 10s"));
  subs[1].units_done = 50;
  subs[1].requests = 50;
  g_autofree char *later = progress_frame (p, subs, 2, 40 * G_USEC_PER_SEC,
                                           24, 0, FALSE);
  /* Still 20 req/s, finished in 10 s: not 200 / 40 s. */
  g_assert_nonnull (strstr (later, "20.0 req/s  errors 0     done in 10s"));
  g_assert_null (strstr (later, " 5.0 req/s  errors 0     done"));
  g_assert_nonnull (strstr (later, "  hue "));
  g_assert_nonnull (strstr (later, "1 done"));
  /* hue: 50 of 100 in 40 s, so about 40 s to go. */
  g_assert_nonnull (strstr (later, "ETA 40s"));
  subs[1].units_done = 100;
  subs[1].in_flight = 0;
  g_autofree char *end = progress_frame (p, subs, 2, 50 * G_USEC_PER_SEC,
                                         24, 0, TRUE);
  g_assert_nonnull (strstr (end, "2 submissions, 2 done"));
  g_assert_nonnull (strstr (end, "done in 50s"));
}

/* A paused submission (the early stop) says so instead of an ETA, and
 * does not hold up the run's ETA. */
static void
test_paused (void)
{
  static char a[] = "ha-noi", b[] = "hue";
  EngineSubProgress subs[2] = {
    { a, 100, 50, 50, 0, 1, FALSE, FAILURE_NONE, 0 },
    { b, 100, 1, 20, 20, 0, TRUE, FAILURE_CONNECT, 20 },
  };
  g_autoptr (Progress) p = progress_new ();
  g_autofree char *f = progress_frame (p, subs, 2, 10 * G_USEC_PER_SEC, 24,
                                       0, FALSE);
  g_assert_nonnull (strstr (f, "PAUSED (connect ×20)"));
  /* ha-noi: 50 of 100 in 10 s, so 10 s to go; hue's 99 left do not count */
  g_assert_nonnull (strstr (f, ", ETA 10s"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/progress/fits", test_fits);
  g_test_add_func ("/progress/finished-rate-stops", test_finished_rate_stops);
  g_test_add_func ("/progress/paused", test_paused);
  return g_test_run ();
}
