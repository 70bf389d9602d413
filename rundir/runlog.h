/* The run log, log.jsonl: append-only JSON Lines, one record per attempt
 * (rundir/attempt.h), with group commit and a SHA-256 chain (each record's
 * "prev" is the hash of the previous line's bytes; log.head holds the
 * count and the hash of the last line), so a kill -9 loses at most what
 * was in flight and any later edit is detected. */
#ifndef RUNLOG_H
#define RUNLOG_H

#include "rundir/attempt.h"
#include "rundir/rundir.h"

#define RUNLOG_ERROR (runlog_error_quark ())
GQuark runlog_error_quark (void);
typedef enum {
  RUNLOG_ERROR_IO,
  RUNLOG_ERROR_CHAIN, /* verify: a record does not match the chain */
} RunlogError;

typedef struct _RunLog RunLog;

/* Called per attempt read back (borrowed for the call). */
typedef void (*RunlogAttemptFunc) (const LogAttempt *a, gpointer user);

/* Opens DIR/log.jsonl for appending, creating it (O_NOFOLLOW: a symlink
 * in its place is refused). An existing log is checked whole before
 * anything is written (rundir/chain.h): every record must be chained
 * and match the anchors; each one that is an attempt is passed to func
 * (may be NULL) so the caller can rebuild its state. Only a last line
 * cut short by a crash (no newline, not a record) is dropped (*torn set);
 * a last record missing only its newline gets it back. Any other damage
 * — an altered, removed, inserted or moved record, an attempt holding a
 * value vabench never writes, records missing that an anchor counts —
 * returns NULL with RUNLOG_ERROR_CHAIN naming the line, the file left
 * untouched. log.head is then written, so the records a killed run wrote
 * after its last sync are anchored. */
RunLog *runlog_open (const char *dir, RunlogAttemptFunc func, gpointer user,
                     gboolean *torn, GError **error);

/* Appends one record already written as text: rec holds one object's '{'
 * and members without the closing '}' (attempt_write writes them); the
 * log adds "seq", "prev", the '}' and the newline, so rec is changed.
 * Syncs to disk at least every 200 ms or 1,000 records. */
gboolean runlog_append_open (RunLog *log, GString *rec, GError **error);

/* Between runlog_hold and runlog_release, appended records are chained
 * but kept in memory; runlog_release writes them with one write(2) (and
 * syncs when due). A caller holds only while it appends one batch: until
 * the release they are not on disk, so it counts none of them as done
 * before. FALSE + error when the write fails. */
void runlog_hold (RunLog *log);
gboolean runlog_release (RunLog *log, GError **error);

/* From now on appends never wait for the disk: a thread of the log's own
 * syncs what was written, and updates log.head, at least every 200 ms (a
 * kill -9 still loses nothing written: write(2) has put it in the kernel's
 * hands). A sync failure makes the next append fail. runlog_sync (and
 * runlog_close) stop that thread. FALSE + error when it cannot start. */
gboolean runlog_sync_in_background (RunLog *log, GError **error);

/* Forces the pending records to disk and updates log.head. */
gboolean runlog_sync (RunLog *log, GError **error);

guint64 runlog_records (const RunLog *log);

/* Syncs and closes; NULL is a no-op. Errors at close are ignored: callers
 * that care call runlog_sync first. */
void runlog_close (RunLog *log);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RunLog, runlog_close)

/* Checks DIR/log.jsonl against its chain and its anchors (rundir/chain.h).
 * TRUE when every record is chained and anchored: *records the count,
 * *anchored_by (may be NULL) the anchors, "log.head (812), manifest.json
 * (812), results.json (812)", newly allocated. Otherwise FALSE with
 * RUNLOG_ERROR_CHAIN naming the first record altered, removed, inserted
 * or moved, a torn last line, or the records no anchor covers (appended,
 * or written after the last sync of a run that did not end: resume
 * anchors those); RUNLOG_ERROR_IO when the log cannot be read. */
gboolean runlog_verify (const char *dir, guint64 *records, char **anchored_by,
                        GError **error);

/* DIR/log.head as written ("COUNT HASH\n"), newly allocated, or NULL when
 * there is none. */
char *runlog_head (const char *dir);

/* Calls func on every attempt of DIR/log.jsonl, in file order (a torn
 * tail is ignored), through the flat reader (util/jsonl.h). The failure
 * of a line names file:line (JSONL_ERROR), JSONL_ERROR_VALUE naming the
 * field for an attempt holding a value vabench never writes (attempt.h:
 * ATTEMPT_BAD) — never skipped, never cast. */
gboolean runlog_read (const char *dir, RunlogAttemptFunc func, gpointer user,
                      GError **error);

/* The digest of DIR/log.jsonl as it is: its records (complete lines, and
 * a last one that lacks only its newline; never a torn one) and the hash
 * of the last (the genesis, 64 zeros, for none) — what results.json and
 * manifest.json record as anchors. FALSE + RUNLOG_ERROR_IO. */
gboolean runlog_digest (const char *dir, RundirDigest *digest,
                        GError **error);

#endif
