#include "rundir/runlog.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "rundir/rundir.h"
#include "util/atomic_file.h"
#include "util/jsonl.h"
#include "util/jsonw.h"
#include "util/sha256.h"

G_DEFINE_QUARK (vabench-runlog-error-quark, runlog_error)

#define SYNC_EVERY_US (200 * 1000)
#define SYNC_EVERY_RECORDS 1000
#define GENESIS                                                              \
  "0000000000000000000000000000000000000000000000000000000000000000"

struct _RunLog {
  int fd;
  GChecksum *sha; /* reused: one per record was an allocation or three */
  char *dir;
  char prev[65];
  guint64 seq;
  guint unsynced;
  gint64 last_sync_us;
  /* Lines appended between runlog_hold and runlog_release, written with
   * one write(2): a batch of answers costs one system call, not one each. */
  GString *held;
  gboolean holding;
  guint held_lines;
  /* Syncing in the background (runlog_sync_in_background): what has been
   * written, for the syncer thread to sync and put in log.head. */
  GThread *syncer;
  GMutex mu;          /* guards the members below */
  GCond wake;
  gboolean stop;
  guint64 written_seq;
  char written_prev[65];
  GError *sync_error; /* the syncer's first failure, reported by appends */
};

static gboolean
io_error (GError **error, const char *what, const char *path)
{
  int e = errno;
  g_set_error (error, RUNLOG_ERROR, RUNLOG_ERROR_IO, "%s %s: %s", what, path,
               g_strerror (e));
  return FALSE;
}

/* The chain's hash of one line, through libcrypto (util/sha256.h): GLib's
 * GChecksum cost as much as libcurl's whole request. sha is no longer
 * used. */
static void
hash_line (GChecksum *sha, const char *line, gsize len, char out[65])
{
  sha256_hex (line, len, out);
}

typedef struct {
  RunlogAttemptFunc func;
  gpointer user;
  GChecksum *sha;
  char prev[65];
  guint64 seq;
  gsize good_bytes; /* bytes of complete lines */
} Restore;

/* Walks complete lines; stops at the first incomplete or unparsable tail. */
static void
restore_from (const char *data, gsize len, Restore *r, gboolean *torn)
{
  guint n_fields;
  const char *const *fields = attempt_fields (&n_fields);
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (fields, n_fields);
  gsize pos = 0;
  while (pos < len) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    if (nl == NULL) {
      *torn = TRUE;
      break;
    }
    gsize n = (gsize) (nl - (data + pos));
    const JsonlValue *v = jsonl_flat_line (flat, data + pos, n);
    if (v == NULL) {
      /* A line that is complete but unparsable can only be a crash inside
       * write(); everything after it is dropped with it. */
      *torn = TRUE;
      break;
    }
    hash_line (r->sha, data + pos, n, r->prev);
    LogAttempt a;
    gboolean is_attempt = attempt_decode (v, &a);
    if (a.seq > 0)
      r->seq = a.seq;
    if (is_attempt && r->func)
      r->func (&a, r->user);
    pos += n + 1;
    r->good_bytes = pos;
  }
}

RunLog *
runlog_open (const char *dir, RunlogAttemptFunc func, gpointer user,
             gboolean *torn, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  *torn = FALSE;
  g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  Restore r = { func, user, sha, GENESIS, 0, 0 };
  g_autofree char *data = NULL;
  gsize len = 0;
  if (g_file_test (path, G_FILE_TEST_EXISTS)
      && !g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (data)
    restore_from (data, len, &r, torn);
  int fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) {
    io_error (error, "cannot open", path);
    return NULL;
  }
  if (*torn && ftruncate (fd, (off_t) r.good_bytes) != 0) {
    io_error (error, "cannot cut the torn tail of", path);
    close (fd);
    return NULL;
  }
  RunLog *log = g_new0 (RunLog, 1);
  g_mutex_init (&log->mu);
  g_cond_init (&log->wake);
  log->fd = fd;
  log->sha = g_steal_pointer (&sha);
  log->dir = g_strdup (dir);
  memcpy (log->prev, r.prev, 65);
  log->seq = r.seq;
  log->last_sync_us = g_get_monotonic_time ();
  return log;
}

static gboolean
write_all (int fd, const char *buf, gsize len)
{
  while (len > 0) {
    ssize_t n = write (fd, buf, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return FALSE;
    buf += n;
    len -= (gsize) n;
  }
  return TRUE;
}

static gboolean
write_head_of (const RunLog *log, guint64 seq, const char *prev,
               GError **error)
{
  g_autofree char *path = rundir_path (log->dir, RUNDIR_LOG_HEAD);
  g_autofree char *text = g_strdup_printf ("%" G_GUINT64_FORMAT " %s\n",
                                           seq, prev);
  return atomic_file_set_contents (path, text, -1, ATOMIC_FILE_SYNC, error);
}

static gboolean
write_head (RunLog *log, GError **error)
{
  return write_head_of (log, log->seq, log->prev, error);
}

/* The syncer thread: every SYNC_EVERY_US, what has been written goes to
 * disk and into log.head, while the appenders go on: an fdatasync that
 * takes 100 ms on a busy disk must not stop a firing thread from reading
 * the answers that arrive meanwhile (they would count it as latency). */
static gpointer
syncer_main (gpointer data)
{
  RunLog *log = data;
  guint64 synced = log->seq;
  g_mutex_lock (&log->mu);
  while (!log->stop) {
    gint64 until = g_get_monotonic_time () + SYNC_EVERY_US;
    while (!log->stop && g_cond_wait_until (&log->wake, &log->mu, until))
      ;
    guint64 seq = log->written_seq;
    char prev[65];
    memcpy (prev, log->written_prev, sizeof prev);
    if (seq == synced)
      continue;
    g_mutex_unlock (&log->mu);
    GError *error = NULL;
    gboolean ok = fdatasync (log->fd) == 0
                  || io_error (&error, "cannot sync the log in", log->dir);
    ok = ok && write_head_of (log, seq, prev, &error);
    g_mutex_lock (&log->mu);
    if (!ok) {
      if (log->sync_error == NULL)
        log->sync_error = error;
      else
        g_error_free (error);
      break;
    }
    synced = seq;
  }
  g_mutex_unlock (&log->mu);
  return NULL;
}

static void
syncer_stop (RunLog *log)
{
  if (log->syncer == NULL)
    return;
  g_mutex_lock (&log->mu);
  log->stop = TRUE;
  g_cond_signal (&log->wake);
  g_mutex_unlock (&log->mu);
  g_thread_join (g_steal_pointer (&log->syncer));
}

gboolean
runlog_sync_in_background (RunLog *log, GError **error)
{
  if (log->syncer != NULL)
    return TRUE;
  log->stop = FALSE;
  log->written_seq = log->seq;
  memcpy (log->written_prev, log->prev, sizeof log->prev);
  log->syncer = g_thread_try_new ("vabench-sync", syncer_main, log, error);
  return log->syncer != NULL;
}

/* After a write: with a syncer, note what is written for it (FALSE when
 * it failed); without, sync inline when due. */
static gboolean
written (RunLog *log, guint lines, GError **error)
{
  if (log->syncer != NULL) {
    g_mutex_lock (&log->mu);
    log->written_seq = log->seq;
    memcpy (log->written_prev, log->prev, sizeof log->prev);
    gboolean ok = log->sync_error == NULL;
    if (!ok)
      g_propagate_error (error, g_error_copy (log->sync_error));
    g_mutex_unlock (&log->mu);
    return ok;
  }
  log->unsynced += lines;
  if (log->unsynced >= SYNC_EVERY_RECORDS
      || g_get_monotonic_time () - log->last_sync_us >= SYNC_EVERY_US)
    return runlog_sync (log, error);
  return TRUE;
}

gboolean
runlog_sync (RunLog *log, GError **error)
{
  syncer_stop (log);
  if (log->sync_error != NULL) {
    g_propagate_error (error, g_steal_pointer (&log->sync_error));
    return FALSE;
  }
  if (fdatasync (log->fd) != 0)
    return io_error (error, "cannot sync the log in", log->dir);
  log->unsynced = 0;
  log->last_sync_us = g_get_monotonic_time ();
  return write_head (log, error);
}

gboolean
runlog_append_open (RunLog *log, GString *rec, GError **error)
{
  /* Appended last: the payload is what the caller built, the chain rides on it. */
  JsonwObject o = { rec, rec->len > 1 };
  jsonw_uint (&o, "seq", ++log->seq);
  jsonw_string (&o, "prev", log->prev);
  jsonw_end (&o);
  hash_line (log->sha, rec->str, rec->len, log->prev);
  g_string_append_c (rec, '\n');
  if (log->holding) {
    g_string_append_len (log->held, rec->str, (gssize) rec->len);
    log->held_lines++;
    return TRUE;
  }
  if (!write_all (log->fd, rec->str, rec->len))
    return io_error (error, "cannot append to the log in", log->dir);
  return written (log, 1, error);
}

void
runlog_hold (RunLog *log)
{
  if (log->held == NULL)
    log->held = g_string_sized_new (64 * 1024);
  log->holding = TRUE;
}

gboolean
runlog_release (RunLog *log, GError **error)
{
  if (!log->holding)
    return TRUE;
  log->holding = FALSE;
  gboolean ok = write_all (log->fd, log->held->str, log->held->len);
  g_string_truncate (log->held, 0);
  guint lines = log->held_lines;
  log->held_lines = 0;
  if (!ok)
    return io_error (error, "cannot append to the log in", log->dir);
  return written (log, lines, error);
}

guint64
runlog_records (const RunLog *log)
{
  return log->seq;
}

void
runlog_close (RunLog *log)
{
  if (log == NULL)
    return;
  (void) runlog_release (log, NULL);
  (void) runlog_sync (log, NULL); /* stops the syncer too */
  g_clear_error (&log->sync_error);
  g_mutex_clear (&log->mu);
  g_cond_clear (&log->wake);
  close (log->fd);
  if (log->held)
    g_string_free (log->held, TRUE);
  g_checksum_free (log->sha);
  g_free (log->dir);
  g_free (log);
}

static gboolean
chain_broken (GError **error, guint line, const char *why)
{
  g_set_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN,
               "record %u (line %u) was altered: %s", line, line, why);
  return FALSE;
}

char *
runlog_head (const char *dir)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG_HEAD);
  char *text = NULL;
  return g_file_get_contents (path, &text, NULL, NULL) ? text : NULL;
}

static gboolean
check_head (const char *dir, const char *last, guint64 count, GError **error)
{
  g_autofree char *text = runlog_head (dir);
  if (text == NULL)
    return TRUE; /* no head: a crashed run; the chain still holds */
  g_auto (GStrv) parts = g_strsplit (g_strstrip (text), " ", 2);
  guint64 head_seq = 0;
  if (g_strv_length (parts) != 2
      || !g_ascii_string_to_unsigned (parts[0], 10, 0, G_MAXUINT64, &head_seq,
                                      NULL))
    return chain_broken (error, (guint) count, "log.head is malformed");
  if (head_seq > count)
    return chain_broken (error, (guint) count + 1,
                         "records after it were removed (log.head counts "
                         "more)");
  if (head_seq == count && strcmp (parts[1], last) != 0)
    return chain_broken (error, (guint) count,
                         "its hash differs from log.head");
  return TRUE;
}

gboolean
runlog_verify (const char *dir, guint64 *records, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  g_autofree char *data = NULL;
  gsize len = 0;
  if (!g_file_get_contents (path, &data, &len, error))
    return FALSE;
  g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA256);
  static const char *const prev_field[] = { "prev" };
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (prev_field, 1);
  char prev[65] = GENESIS;
  guint line = 0;
  gsize pos = 0;
  while (pos < len) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    gsize n = nl ? (gsize) (nl - (data + pos)) : len - pos;
    line++;
    const JsonlValue *v = jsonl_flat_line (flat, data + pos, n);
    if (v == NULL || v[0].type != cJSON_String)
      return chain_broken (error, line, "not a log record");
    if (strcmp (v[0].str, prev) != 0)
      return chain_broken (error, line > 1 ? line - 1 : 1,
                           "the next record's hash of it does not match");
    hash_line (sha, data + pos, n, prev);
    pos += n + 1;
  }
  *records = line;
  return check_head (dir, prev, line, error);
}

typedef struct {
  RunlogAttemptFunc func;
  gpointer user;
} ReadCtx;

static gboolean
read_line (const JsonlValue *v, guint line, gpointer user, GError **error)
{
  ReadCtx *c = user;
  LogAttempt a;
  if (attempt_decode (v, &a))
    c->func (&a, c->user);
  return TRUE;
}

gboolean
runlog_read (const char *dir, RunlogAttemptFunc func, gpointer user,
             GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  ReadCtx c = { func, user };
  guint n_fields;
  const char *const *fields = attempt_fields (&n_fields);
  gboolean torn = FALSE;
  return jsonl_read_file_flat (path, fields, n_fields, read_line, &c, &torn,
                               error);
}
