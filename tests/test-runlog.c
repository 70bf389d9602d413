/* The run log: records survive reopening, a torn tail is cut, the hash
 * chain names the first altered record, and plan orders are seeded. */
#include <glib/gstdio.h>
#include <string.h>

#include "harness/plan.h"
#include "rundir/rundir.h"
#include "rundir/runlog.h"

static char *
new_dir (void)
{
  return g_dir_make_tmp ("vb-runlog-XXXXXX", NULL);
}

static void
rm_dir (const char *dir)
{
  const RundirFile files[] = { RUNDIR_LOG, RUNDIR_LOG_HEAD };
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++) {
    g_autofree char *p = rundir_path (dir, files[i]);
    g_unlink (p);
  }
  g_rmdir (dir);
}

static void
append_n (RunLog *log, guint from, guint n)
{
  g_autoptr (GString) line = g_string_new (NULL);
  for (guint i = from; i < from + n; i++) {
    LogAttempt a = { .submission = "ha-noi", .testset = "practice",
                     .item = "hotich-001", .variant = "clean",
                     .variant_kind = "clean", .turn = i, .attempt = 1,
                     .final = TRUE, .sent = "Đăng ký khai sinh mất phí không?",
                     .answer = "Đăng ký khai sinh miễn lệ phí.",
                     .http_status = 200, .t_first_token_us = -1,
                     .t_queue_us = -1, .t_server_us = -1,
                     .started_at = "2026-01-01T00:00:00Z" };
    g_string_truncate (line, 0);
    attempt_write (line, &a);
    g_assert_true (runlog_append_open (log, line, NULL));
  }
}

/* Counts the attempts read back, checking they are the ones written. */
static void
count_record (const LogAttempt *a, gpointer user)
{
  g_assert_cmpstr (a->item, ==, "hotich-001");
  g_assert_cmpstr (a->answer, ==, "Đăng ký khai sinh miễn lệ phí.");
  g_assert_cmpuint (a->turn, ==, *(guint *) user);
  g_assert_cmpuint (a->seq, ==, a->turn + 1);
  (*(guint *) user)++;
}

static void
test_append_reopen_verify (void)
{
  g_autofree char *dir = new_dir ();
  gboolean torn = TRUE;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  g_assert_false (torn);
  append_n (log, 0, 5);
  runlog_close (log);
  guint seen = 0;
  log = runlog_open (dir, count_record, &seen, &torn, NULL);
  g_assert_cmpuint (seen, ==, 5);
  g_assert_cmpuint (runlog_records (log), ==, 5);
  append_n (log, 5, 3);
  runlog_close (log);
  guint64 n = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (runlog_verify (dir, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 8);
  rm_dir (dir);
}

static void
test_torn_tail (void)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 0, 3);
  runlog_close (log);
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  FILE *f = fopen (path, "a");
  fputs ("{\"item\": \"hotich-00", f); /* a crash in mid-write */
  fclose (f);
  guint seen = 0;
  log = runlog_open (dir, count_record, &seen, &torn, NULL);
  g_assert_true (torn);
  g_assert_cmpuint (seen, ==, 3);
  append_n (log, 3, 1);
  runlog_close (log);
  guint64 n = 0;
  g_assert_true (runlog_verify (dir, &n, NULL));
  g_assert_cmpuint (n, ==, 4);
  rm_dir (dir);
}

/* Batches (one write each) and a background syncer give the same chain
 * and head as records appended and synced one by one; a held batch is
 * not on disk before its release. */
static void
test_batches_and_syncer (void)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  g_autoptr (GError) error = NULL;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  g_assert_true (runlog_sync_in_background (log, &error));
  g_assert_no_error (error);
  append_n (log, 0, 2);
  runlog_hold (log);
  append_n (log, 2, 3);
  guint seen = 0;
  g_assert_true (runlog_read (dir, count_record, &seen, NULL));
  g_assert_cmpuint (seen, ==, 2); /* held: not written yet */
  g_assert_true (runlog_release (log, &error));
  g_assert_no_error (error);
  seen = 0;
  g_assert_true (runlog_read (dir, count_record, &seen, NULL));
  g_assert_cmpuint (seen, ==, 5);
  g_assert_true (runlog_sync (log, &error)); /* stops the syncer */
  append_n (log, 5, 1);                      /* synced inline again */
  runlog_close (log);
  guint64 n = 0;
  g_assert_true (runlog_verify (dir, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 6);
  g_autofree char *head = NULL;
  g_autofree char *head_path = g_build_filename (dir, "log.head", NULL);
  g_assert_true (g_file_get_contents (head_path, &head, NULL, NULL));
  g_assert_true (g_str_has_prefix (head, "6 "));
  rm_dir (dir);
}

/* Alters one byte of record k and checks verify names record k. */
static void
check_alteration (guint k, guint total)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 0, total);
  runlog_close (log);
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  g_autofree char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  char *at = strstr (lines[k - 1], "miễn");
  g_assert_nonnull (at);
  memcpy (at, "thu ", 4); /* "miễn lệ phí" → "thu  lệ phí": same length */
  g_autofree char *joined = g_strjoinv ("\n", lines);
  g_assert_true (g_file_set_contents (path, joined, -1, NULL));
  guint64 n = 0;
  g_autoptr (GError) error = NULL;
  g_assert_false (runlog_verify (dir, &n, &error));
  g_assert_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN);
  g_autofree char *want = g_strdup_printf ("record %u ", k);
  if (!g_str_has_prefix (error->message, want))
    g_error ("altered %u, verify said: %s", k, error->message);
  rm_dir (dir);
}

static void
test_alterations (void)
{
  check_alteration (1, 6);
  check_alteration (4, 6);
  check_alteration (6, 6); /* the last one: caught by log.head */
}

static void
test_plan_order (void)
{
  g_autofree guint *a = plan_order (100, 42, "ha-noi");
  g_autofree guint *b = plan_order (100, 42, "ha-noi");
  g_autofree guint *c = plan_order (100, 42, "hue");
  g_autofree guint *d = plan_order (100, 43, "ha-noi");
  g_assert_cmpmem (a, 100 * sizeof (guint), b, 100 * sizeof (guint));
  g_assert_true (memcmp (a, c, 100 * sizeof (guint)) != 0);
  g_assert_true (memcmp (a, d, 100 * sizeof (guint)) != 0);
  gboolean seen[100] = { 0 };
  for (guint i = 0; i < 100; i++) {
    g_assert_cmpuint (a[i], <, 100);
    g_assert_false (seen[a[i]]);
    seen[a[i]] = TRUE;
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/runlog/append-reopen-verify", test_append_reopen_verify);
  g_test_add_func ("/runlog/torn-tail", test_torn_tail);
  g_test_add_func ("/runlog/alterations", test_alterations);
  g_test_add_func ("/runlog/batches-and-syncer", test_batches_and_syncer);
  g_test_add_func ("/plan/order", test_plan_order);
  return g_test_run ();
}
