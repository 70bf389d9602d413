/* The run log: records survive reopening, only a torn last line is ever
 * cut, any other damage stops a resume with the file untouched, verify
 * catches any single record appended, altered, removed or moved with or
 * without log.head, and plan orders are seeded. */
#include <glib/gstdio.h>
#include <string.h>

#include "harness/plan.h"
#include "rundir/rundir.h"
#include "rundir/runlog.h"
#include "tests/vb-test.h"
#include "util/sha256.h"

static char *
new_dir (void)
{
  return g_dir_make_tmp ("vb-runlog-XXXXXX", NULL);
}

static void
rm_dir (const char *dir)
{
  vbt_rm_rf (dir);
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
  g_assert_true (runlog_verify (dir, &n, NULL, &error));
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
  g_assert_true (runlog_verify (dir, &n, NULL, NULL));
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
  g_assert_true (runlog_verify (dir, &n, NULL, &error));
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
  g_assert_false (runlog_verify (dir, &n, NULL, &error));
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

/* ---- every single-record change, with and without log.head ---- */

static char *
read_text (const char *path)
{
  char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

static void
write_text (const char *path, const char *text)
{
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* A record as a forger would append it: the last one copied with a new
 * answer, its seq and prev recomputed, so the chain inside the file
 * holds. */
static char *
forged_next (char **lines, guint n)
{
  char prev[65];
  sha256_hex (lines[n - 1], strlen (lines[n - 1]), prev);
  g_autofree char *body = g_strdup (lines[n - 1]);
  *strstr (body, ",\"seq\":") = '\0';
  return g_strdup_printf ("%s,\"seq\":%u,\"prev\":\"%s\"}",
                          body, n + 1, prev);
}

typedef enum { OP_APPEND, OP_EDIT, OP_DELETE, OP_MOVE, OP_N } Op;
static const char *const op_names[] = { "append", "edit", "delete", "move" };

/* lines (n of them, then "") changed by op at record k (1-based). */
static char *
apply_op (char **lines, guint n, Op op, guint k)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (out, g_strdup (lines[i]));
  switch (op) {
  case OP_APPEND:
    g_ptr_array_add (out, forged_next (lines, n));
    break;
  case OP_EDIT: {
    char *l = g_ptr_array_index (out, k - 1);
    char *at = strstr (l, "miễn");
    memcpy (at, "thu ", 4);
    break;
  }
  case OP_DELETE:
    g_ptr_array_remove_index (out, k - 1);
    break;
  case OP_MOVE: { /* record k swapped with the one after it (or before) */
    guint j = k < n ? k : k - 2;
    gpointer t = out->pdata[k - 1];
    out->pdata[k - 1] = out->pdata[j];
    out->pdata[j] = t;
    break;
  }
  default:
    g_assert_not_reached ();
  }
  g_ptr_array_add (out, g_strdup (""));
  g_ptr_array_add (out, NULL);
  return g_strjoinv ("\n", (char **) out->pdata);
}

/* A results.json holding only the log's digest: the anchor a scored run
 * has besides log.head. */
static void
write_results_anchor (const char *dir)
{
  RundirDigest d;
  g_assert_true (runlog_digest (dir, &d, NULL));
  g_autofree char *path = rundir_path (dir, RUNDIR_RESULTS);
  g_autofree char *text = g_strdup_printf (
      "{\"submissions\": [], \"log\": {\"records\": %" G_GUINT64_FORMAT
      ", \"sha256\": \"%s\"}}\n",
      d.records, d.sha256);
  write_text (path, text);
}

static void
check_single_changes (gboolean head, gboolean results)
{
  const guint total = 5;
  for (Op op = 0; op < OP_N; op++) {
    for (guint k = 1; k <= (op == OP_APPEND ? 1 : total); k++) {
      g_autofree char *dir = new_dir ();
      gboolean torn;
      RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
      append_n (log, 0, total);
      runlog_close (log);
      guint64 n = 0;
      if (results)
        write_results_anchor (dir);
      if (!head) {
        g_autofree char *hp = rundir_path (dir, RUNDIR_LOG_HEAD);
        g_assert_cmpint (g_unlink (hp), ==, 0);
      }
      if (head || results)
        g_assert_true (runlog_verify (dir, &n, NULL, NULL));
      g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
      g_autofree char *data = read_text (path);
      g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
      g_autofree char *changed = apply_op (lines, total, op, k);
      write_text (path, changed);
      g_autoptr (GError) error = NULL;
      if (runlog_verify (dir, &n, NULL, &error))
        g_error ("%s of record %u passed verify (log.head %s, results %s)",
                 op_names[op], k, head ? "kept" : "deleted",
                 results ? "anchored" : "none");
      g_assert_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN);
      rm_dir (dir);
    }
  }
}

static void
test_single_changes_with_head (void)
{
  check_single_changes (TRUE, FALSE);
  check_single_changes (TRUE, TRUE);
}

static void
test_single_changes_without_head (void)
{
  check_single_changes (FALSE, TRUE);
  check_single_changes (FALSE, FALSE);
}

/* After a kill -9 log.head lags behind the file: those records are not
 * anchored (a forged one among them could not be told apart), until a
 * resume, which checks them and anchors them. */
static void
test_crash_tail_anchored_by_resume (void)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 0, 3);
  runlog_close (log);
  g_autofree char *hp = rundir_path (dir, RUNDIR_LOG_HEAD);
  g_autofree char *head3 = read_text (hp);
  log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 3, 2);
  runlog_close (log);
  write_text (hp, head3); /* the syncer had not run again */
  guint64 n = 0;
  g_autoptr (GError) error = NULL;
  g_assert_false (runlog_verify (dir, &n, NULL, &error));
  g_assert_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN);
  g_assert_nonnull (strstr (error->message, "records 4 to 5"));
  g_clear_error (&error);
  guint seen = 0;
  log = runlog_open (dir, count_record, &seen, &torn, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen, ==, 5);
  runlog_close (log);
  g_autofree char *by = NULL;
  g_assert_true (runlog_verify (dir, &n, &by, &error));
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpstr (by, ==, "log.head (5)");
  rm_dir (dir);
}

/* Damage anywhere but a torn last line stops a resume, names the line
 * and leaves every byte of the file as it was. */
static void
check_resume_refuses (const char *what, void (*damage) (char **lines),
                      const char *expect)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 0, 6);
  runlog_close (log);
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  g_autofree char *data = read_text (path);
  g_auto (GStrv) lines = g_strsplit (data, "\n", -1);
  damage (lines);
  g_autofree char *damaged = g_strjoinv ("\n", lines);
  write_text (path, damaged);
  g_autoptr (GError) error = NULL;
  log = runlog_open (dir, NULL, NULL, &torn, &error);
  if (log != NULL)
    g_error ("resume accepted a log with %s", what);
  g_assert_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN);
  if (strstr (error->message, expect) == NULL)
    g_error ("%s: \"%s\" not in: %s", what, expect, error->message);
  g_autofree char *after = read_text (path);
  g_assert_cmpstr (after, ==, damaged);
  rm_dir (dir);
}

static void
flip_byte_mid (char **lines)
{
  char *at = strstr (lines[2], "miễn");
  at[0] ^= 1; /* no longer the bytes the chain holds */
}

static void
break_json_mid (char **lines)
{
  lines[2][0] = 'X'; /* not JSON any more: once read as a torn tail */
}

static void
delete_mid (char **lines)
{
  g_free (lines[3]);
  for (guint i = 3; lines[i]; i++)
    lines[i] = lines[i + 1];
}

static void
delete_last (char **lines)
{
  /* the last record and its newline: log.head counts it */
  g_free (lines[5]);
  lines[5] = lines[6];
  lines[6] = NULL;
}

static void
cut_last_no_newline (char **lines)
{
  /* an anchored last record cut short: not a crash of this writer */
  lines[5][10] = '\0';
  g_free (lines[6]);
  lines[6] = NULL;
}

static void
test_resume_refuses_damage (void)
{
  check_resume_refuses ("a flipped byte", flip_byte_mid, "record 3 (line 3)");
  check_resume_refuses ("a line that is not JSON", break_json_mid,
                        "record 3 (line 3)");
  check_resume_refuses ("a removed record", delete_mid, "record 3 (line 3)");
  check_resume_refuses ("the last record removed", delete_last,
                        "log.head counts 6");
  check_resume_refuses ("an anchored last record cut short",
                        cut_last_no_newline, "log.head counts 6");
}

/* A last record whole but for its newline (the crash fell between its
 * bytes and the newline) is kept, not dropped. */
static void
test_unterminated_record_kept (void)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 0, 3);
  runlog_close (log);
  g_autofree char *hp = rundir_path (dir, RUNDIR_LOG_HEAD);
  g_assert_cmpint (g_unlink (hp), ==, 0);
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  g_autofree char *data = read_text (path);
  data[strlen (data) - 1] = '\0';
  write_text (path, data);
  guint seen = 0;
  g_autoptr (GError) error = NULL;
  log = runlog_open (dir, count_record, &seen, &torn, &error);
  g_assert_no_error (error);
  g_assert_false (torn);
  g_assert_cmpuint (seen, ==, 3);
  append_n (log, 3, 1);
  runlog_close (log);
  guint64 n = 0;
  g_assert_true (runlog_verify (dir, &n, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);
  rm_dir (dir);
}

/* An attempt holding a number vabench never writes — here with a valid
 * chain, as a forger who rewrote the chain would leave it — is refused by
 * the reader and by resume, never read as turn 0. */
static void
test_bad_number_refused (void)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 0, 2);
  g_autoptr (GString) rec = g_string_new (
      "{\"submission\":\"ha-noi\",\"testset\":\"practice\","
      "\"item\":\"hotich-001\",\"variant\":\"clean\",\"turn\":1e20,"
      "\"attempt\":1,\"final\":true,\"answer\":\"Lệ phí 50.000 đồng\"");
  g_assert_true (runlog_append_open (log, rec, NULL));
  runlog_close (log);
  g_autoptr (GError) error = NULL;
  guint seen = 0;
  g_assert_false (runlog_read (dir, count_record, &seen, &error));
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, ":3: field \"turn\""));
  g_clear_error (&error);
  seen = 0;
  g_assert_null (runlog_open (dir, count_record, &seen, &torn, &error));
  g_assert_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN);
  g_assert_nonnull (strstr (error->message, "\"turn\""));
  rm_dir (dir);
}

/* log.jsonl is never opened through a symlink planted in its place. */
static void
test_symlink_refused (void)
{
  g_autofree char *dir = new_dir ();
  g_autofree char *target = g_build_filename (dir, "elsewhere", NULL);
  write_text (target, "");
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  g_assert_cmpint (symlink (target, path), ==, 0);
  gboolean torn;
  g_autoptr (GError) error = NULL;
  g_assert_null (runlog_open (dir, NULL, NULL, &torn, &error));
  g_assert_error (error, RUNLOG_ERROR, RUNLOG_ERROR_IO);
  g_autofree char *after = read_text (target);
  g_assert_cmpstr (after, ==, "");
  rm_dir (dir);
}

/* The digest is the one log.head holds. */
static void
test_digest (void)
{
  g_autofree char *dir = new_dir ();
  gboolean torn;
  RunLog *log = runlog_open (dir, NULL, NULL, &torn, NULL);
  append_n (log, 0, 4);
  runlog_close (log);
  RundirDigest d;
  g_assert_true (runlog_digest (dir, &d, NULL));
  g_autofree char *head = runlog_head (dir);
  g_autofree char *want = g_strdup_printf ("%" G_GUINT64_FORMAT " %s\n",
                                           d.records, d.sha256);
  g_assert_cmpstr (head, ==, want);
  /* a torn last line is no record; a whole one without its newline is */
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  g_autofree char *data = read_text (path);
  g_autofree char *cut = g_strconcat (data, "{\"item\": \"hot", NULL);
  write_text (path, cut);
  RundirDigest t;
  g_assert_true (runlog_digest (dir, &t, NULL));
  g_assert_cmpuint (t.records, ==, 4);
  g_assert_cmpstr (t.sha256, ==, d.sha256);
  data[strlen (data) - 1] = '\0';
  write_text (path, data);
  g_assert_true (runlog_digest (dir, &t, NULL));
  g_assert_cmpuint (t.records, ==, 4);
  g_assert_cmpstr (t.sha256, ==, d.sha256);
  rm_dir (dir);
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
  g_test_add_func ("/runlog/single-changes-with-head",
                   test_single_changes_with_head);
  g_test_add_func ("/runlog/single-changes-without-head",
                   test_single_changes_without_head);
  g_test_add_func ("/runlog/crash-tail-anchored-by-resume",
                   test_crash_tail_anchored_by_resume);
  g_test_add_func ("/runlog/resume-refuses-damage",
                   test_resume_refuses_damage);
  g_test_add_func ("/runlog/unterminated-record-kept",
                   test_unterminated_record_kept);
  g_test_add_func ("/runlog/bad-number-refused", test_bad_number_refused);
  g_test_add_func ("/runlog/symlink-refused", test_symlink_refused);
  g_test_add_func ("/runlog/digest", test_digest);
  g_test_add_func ("/plan/order", test_plan_order);
  return g_test_run ();
}
