/* The run log, log.jsonl: append-only JSON Lines, one record per attempt
 * (rundir/attempt.h), with group commit and a SHA-256 chain (each record's
 * "prev" is the hash of the previous line's bytes; log.head holds the
 * count and the hash of the last line), so a kill -9 loses at most what
 * was in flight and any later edit is detected. */
#ifndef RUNLOG_H
#define RUNLOG_H

#include "rundir/attempt.h"

#define RUNLOG_ERROR (runlog_error_quark ())
GQuark runlog_error_quark (void);
typedef enum {
  RUNLOG_ERROR_IO,
  RUNLOG_ERROR_CHAIN, /* verify: a record does not match the chain */
} RunlogError;

typedef struct _RunLog RunLog;

/* Called per attempt read back (borrowed for the call). */
typedef void (*RunlogAttemptFunc) (const LogAttempt *a, gpointer user);

/* Opens DIR/log.jsonl for appending, creating it. An existing log is read
 * to restore the chain and the sequence number; a torn last line (no
 * newline, not JSON) is cut off and *torn set. Each complete record that
 * is an attempt is passed to func (may be NULL) so the caller can rebuild
 * its state. */
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

/* Checks the chain of DIR/log.jsonl. Returns TRUE when intact, with
 * *records the count. Otherwise FALSE with RUNLOG_ERROR_CHAIN naming the
 * first record (seq and line) that was altered or removed. */
gboolean runlog_verify (const char *dir, guint64 *records, GError **error);

/* DIR/log.head as written ("COUNT HASH\n"), newly allocated, or NULL when
 * there is none. */
char *runlog_head (const char *dir);

/* Calls func on every attempt of DIR/log.jsonl, in file order (a torn
 * tail is ignored), through the flat reader (util/jsonl.h). The failure
 * of a line names file:line (JSONL_ERROR). */
gboolean runlog_read (const char *dir, RunlogAttemptFunc func, gpointer user,
                      GError **error);

#endif
