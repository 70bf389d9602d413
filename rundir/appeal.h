/* appeals.jsonl: a reviewer's decisions on judged answers (format:
 * rundir/README.md). A province disputes a judgement; the organizer's
 * reviewer decides "correct" or "wrong" with a name and a reason; the
 * decision is appended here — the run log is never touched — and
 * `vabench score` applies it. Append-only and chained like the log: each
 * line carries "seq" (1, 2, …) and "prev", the SHA-256 of the previous
 * line's bytes (64 zeros for the first), and appeals.head holds the count
 * and the hash of the last line, so an edited, removed or reordered
 * decision is detected (appeal_verify, `vabench verify`). */
#ifndef APPEAL_H
#define APPEAL_H

#include "util/vb_autocleanups.h"

#define APPEAL_ERROR (appeal_error_quark ())
GQuark appeal_error_quark (void);
typedef enum {
  APPEAL_ERROR_INPUT, /* a decision that cannot be recorded (exit 2) */
  APPEAL_ERROR_CHAIN, /* the file was altered: names the line (exit 1) */
} AppealError;

/* Limits on the free text, in characters. */
#define APPEAL_REVIEWER_MAX 200
#define APPEAL_REASON_MAX 4000

typedef struct {
  char *submission, *testset, *item, *variant;
  gboolean verdict;  /* the decision: TRUE correct, FALSE wrong */
  gboolean judged;   /* the judge's verdict when it was made */
  char *reviewer, *reason;
  char *at;          /* when it was recorded, ISO 8601 UTC (a label) */
  guint64 seq;       /* its place in the file, from 1 (read back) */
  char hash[65];     /* SHA-256 of its line (read back) */
} Appeal;

void appeal_free (Appeal *a); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Appeal, appeal_free)

/* "correct" / "wrong" (static), and back: FALSE for anything else. */
const char *appeal_verdict_name (gboolean correct);
gboolean appeal_verdict_parse (const char *text, gboolean *correct);

/* Checks a decision's text before it is recorded: every string present,
 * valid UTF-8, reviewer and reason not blank, within the limits above and
 * without control characters but a newline or tab in the reason. FALSE +
 * APPEAL_ERROR_INPUT naming the field. */
gboolean appeal_check (const Appeal *a, GError **error);

/* Appends a to DIR/appeals.jsonl (created when absent) with the next seq,
 * the chain's prev and a->at (now when NULL), syncs it, and rewrites
 * DIR/appeals.head. The caller holds the directory's lock
 * (rundir_lock.h). The existing file is checked first: an altered one is
 * refused (APPEAL_ERROR_CHAIN), and a torn last line too — nothing is
 * appended after damage. *seq and head (65 bytes, may be NULL) receive
 * the new record's number and hash. FALSE + APPEAL_ERROR_INPUT
 * (appeal_check), _CHAIN, or G_FILE_ERROR when it cannot write. */
gboolean appeal_append (const char *dir, const Appeal *a, guint64 *seq,
                        char *head, GError **error);

/* Every decision of DIR/appeals.jsonl in file order (Appeal*, owned; an
 * empty array when there is no file), after checking the chain and
 * appeals.head as appeal_verify does. NULL + APPEAL_ERROR_CHAIN naming
 * the first altered line, APPEAL_ERROR_INPUT for a line that is not a
 * decision (file:line and field), G_FILE_ERROR when it cannot be read. */
GPtrArray *appeal_read (const char *dir, GError **error);

/* Checks DIR/appeals.jsonl: each line's prev is the hash of the line
 * before and seq its number; appeals.head names the last line (a head
 * without the file, or a file without its head, is an alteration: the
 * appeal command always writes both); and when results.json records the
 * decisions it applied ("appeals": {"records", "sha256"}), they are still
 * the file's first lines. TRUE with *records (0 without a file); FALSE +
 * APPEAL_ERROR_CHAIN naming what was altered. */
gboolean appeal_verify (const char *dir, guint64 *records, GError **error);

/* The decision as JSON, for results.json (new object). */
cJSON *appeal_to_json (const Appeal *a);

#endif
