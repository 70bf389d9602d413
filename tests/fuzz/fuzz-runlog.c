/* The run log (rundir/runlog.c, rundir/chain.c, rundir/attempt.c): the
 * input is log.jsonl, then optionally FUZZ_SEP and log.head (an anchor).
 * It is read (runlog_read), verified, and reopened as resume does; every
 * attempt handed out has its strings and its answer's length; the reader
 * and the restore see the same attempts; a log that resume accepts is
 * whole and anchored after one more record is appended and synced (resume
 * anchors what a killed run wrote after its last sync), and a log that
 * verified before has exactly one more record. */
#include "fuzz.h"

#include "rundir/runlog.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

static void
count (const LogAttempt *a, gpointer user)
{
  FUZZ_CHECK (a->submission && a->testset && a->item && a->variant,
              "attempt without its keys");
  if (a->answer != NULL)
    FUZZ_CHECK (a->answer[a->answer_len] == '\0', "answer_len %zu",
                a->answer_len);
  (*(guint64 *) user)++;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const uint8_t *log, *head;
  size_t loglen, headlen;
  fuzz_split (data, size, &log, &loglen, &head, &headlen);
  g_free (fuzz_write ("log.jsonl", log, loglen));
  if (headlen > 0)
    g_free (fuzz_write ("log.head", head, headlen));
  else
    fuzz_unlink ("log.head");
  const char *dir = fuzz_dir ();

  guint64 read_n = 0;
  g_autoptr (GError) rerr = NULL;
  gboolean read_ok = runlog_read (dir, count, &read_n, &rerr);
  FUZZ_CHECK (read_ok == (rerr == NULL), "read verdict and error disagree");

  guint64 records = 0;
  g_autoptr (GError) verr = NULL;
  g_autofree char *anchored_by = NULL;
  gboolean verified = runlog_verify (dir, &records, &anchored_by, &verr);
  FUZZ_CHECK (verified == (verr == NULL), "verify verdict and error disagree");
  FUZZ_CHECK (!verified || anchored_by != NULL, "verified without anchors");

  guint64 restored = 0;
  gboolean torn = FALSE;
  g_autoptr (GError) oerr = NULL;
  RunLog *rl = runlog_open (dir, count, &restored, &torn, &oerr);
  if (rl == NULL) {
    FUZZ_CHECK (oerr != NULL, "no error set");
    return 0;
  }
  if (read_ok && !torn)
    FUZZ_CHECK (read_n == restored, "read %" G_GUINT64_FORMAT
                " attempts, restored %" G_GUINT64_FORMAT, read_n, restored);
  LogAttempt a = { .submission = "tinh-a", .testset = "fz", .item = "x-1",
                   .variant = "clean", .turn = 0, .attempt = 1,
                   .final = TRUE, .answer = "Lệ phí 15.000 đồng.",
                   .http_status = 200, .t_first_token_us = -1,
                   .t_queue_us = -1, .t_server_us = -1 };
  g_autoptr (GString) rec = g_string_new (NULL);
  attempt_write (rec, &a);
  g_autoptr (GError) aerr = NULL;
  gboolean appended = runlog_append_open (rl, rec, &aerr)
                      && runlog_sync (rl, &aerr);
  FUZZ_CHECK (appended, "append: %s", aerr->message);
  runlog_close (rl);
  guint64 after = 0;
  g_autoptr (GError) err2 = NULL;
  FUZZ_CHECK (runlog_verify (dir, &after, NULL, &err2),
              "a log resume accepted fails verify after an append: %s",
              err2->message);
  if (verified)
    FUZZ_CHECK (after == records + 1, "%" G_GUINT64_FORMAT " records after "
                "%" G_GUINT64_FORMAT " + 1", after, records);
  return 0;
}
