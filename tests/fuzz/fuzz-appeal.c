/* Appeals (rundir/appeal.c): the input is appeals.jsonl, then optionally
 * FUZZ_SEP and appeals.head. The reader and verify agree (the reader
 * checks the chain as verify does, and refuses only besides a line that
 * is no decision); a file that reads takes one more decision, which then
 * verifies and reads back last, with one more record; a file that does
 * not verify takes none and is left as it was. */
#include "fuzz.h"

#include "rundir/appeal.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

static char *
slurp (const char *name, gsize *len)
{
  g_autofree char *path = g_build_filename (fuzz_dir (), name, NULL);
  char *text = NULL;
  if (!g_file_get_contents (path, &text, len, NULL))
    return NULL;
  return text;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const uint8_t *log, *head;
  size_t loglen, headlen;
  fuzz_split (data, size, &log, &loglen, &head, &headlen);
  g_free (fuzz_write ("appeals.jsonl", log, loglen));
  if (headlen > 0)
    g_free (fuzz_write ("appeals.head", head, headlen));
  else
    fuzz_unlink ("appeals.head");
  const char *dir = fuzz_dir ();

  g_autoptr (GError) rerr = NULL;
  g_autoptr (GPtrArray) read = appeal_read (dir, &rerr);
  FUZZ_CHECK ((read != NULL) == (rerr == NULL), "read verdict and error");
  guint64 records = 0;
  g_autoptr (GError) verr = NULL;
  gboolean verified = appeal_verify (dir, &records, &verr);
  FUZZ_CHECK (verified == (verr == NULL), "verify verdict and error");
  if (read != NULL) {
    FUZZ_CHECK (verified, "read, but verify refuses: %s", verr->message);
    FUZZ_CHECK (read->len == records, "%u read, %" G_GUINT64_FORMAT
                " verified", read->len, records);
  } else if (verified)
    FUZZ_CHECK (g_error_matches (rerr, APPEAL_ERROR, APPEAL_ERROR_INPUT),
                "verified, but read refuses: %s", rerr->message);

  gsize before_len = 0;
  g_autofree char *before = slurp ("appeals.jsonl", &before_len);
  Appeal a = { .submission = "ha-noi", .testset = "practice",
               .item = "cutru-001", .variant = "clean", .verdict = TRUE,
               .judged = FALSE, .reviewer = "Nguyễn Văn An",
               .reason = "Câu trả lời nêu đúng lệ phí 15.000 đồng.",
               .at = "2026-01-11T09:00:00Z" };
  guint64 seq = 0;
  g_autoptr (GError) aerr = NULL;
  gboolean appended = appeal_append (dir, &a, &seq, NULL, &aerr);
  FUZZ_CHECK (appended == (aerr == NULL), "append verdict and error");
  if (!verified) {
    FUZZ_CHECK (!appended, "appended after damage");
    gsize after_len = 0;
    g_autofree char *after = slurp ("appeals.jsonl", &after_len);
    FUZZ_CHECK (after_len == before_len
                    && (before_len == 0 || memcmp (before, after, before_len) == 0),
                "a refused append changed the file");
    return 0;
  }
  if (read == NULL)
    return 0;
  FUZZ_CHECK (appended, "a file that reads takes no decision: %s",
              aerr->message);
  FUZZ_CHECK (seq == records + 1, "seq %" G_GUINT64_FORMAT, seq);
  guint64 now = 0;
  g_autoptr (GError) err2 = NULL;
  FUZZ_CHECK (appeal_verify (dir, &now, &err2), "appended, then refused: %s",
              err2->message);
  FUZZ_CHECK (now == records + 1, "%" G_GUINT64_FORMAT " records", now);
  g_autoptr (GError) err3 = NULL;
  g_autoptr (GPtrArray) again = appeal_read (dir, &err3);
  FUZZ_CHECK (again != NULL, "appended, then unreadable: %s", err3->message);
  const Appeal *last = g_ptr_array_index (again, again->len - 1);
  FUZZ_CHECK (strcmp (last->reason, a.reason) == 0
                  && strcmp (last->reviewer, a.reviewer) == 0
                  && last->verdict == a.verdict && last->seq == seq,
              "the decision read back differs");
  return 0;
}
