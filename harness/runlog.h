/* The run log: append-only JSON Lines, one record per attempt, with group
 * commit and a SHA-256 chain (each record's "prev" is the hash of the
 * previous line's bytes; log.head holds the hash of the last line), so a
 * kill -9 loses at most what was in flight and any later edit is detected. */
#ifndef RUNLOG_H
#define RUNLOG_H

#include "util/vb_autocleanups.h"

#define RUNLOG_ERROR (runlog_error_quark ())
GQuark runlog_error_quark (void);
typedef enum {
  RUNLOG_ERROR_IO,
  RUNLOG_ERROR_CHAIN, /* verify: a record does not match the chain */
} RunlogError;

typedef struct _RunLog RunLog;

/* Opens DIR/log.jsonl for appending, creating it. An existing log is read
 * to restore the chain and the sequence number; a torn last line (no
 * newline, not JSON) is cut off and *torn set. Each complete record is
 * passed to func (may be NULL) so the caller can rebuild its state. */
typedef void (*RunlogRecordFunc) (const cJSON *rec, gpointer user);
RunLog *runlog_open (const char *dir, RunlogRecordFunc func, gpointer user,
                     gboolean *torn, GError **error);

/* Adds "seq" and "prev" to rec and appends it as one line. Syncs to disk at
 * least every 200 ms or 1,000 records. */
gboolean runlog_append (RunLog *log, cJSON *rec, GError **error);

/* The same for a record already written as text: rec holds one object's
 * '{' and members without the closing '}' (util/jsonw.h writes them); the
 * log adds "seq", "prev", the '}' and the newline, so rec is changed. */
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

/* Calls func on every complete record of DIR/log.jsonl (torn tail ignored). */
gboolean runlog_read (const char *dir, RunlogRecordFunc func, gpointer user,
                      GError **error);

#endif
