#include "rundir/runlog.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "rundir/chain.h"
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

/* Reads path whole, refusing a symlink planted in its place (O_NOFOLLOW):
 * *exists FALSE (and TRUE returned) when there is no file. */
static gboolean
read_log (const char *path, char **data, gsize *len, gboolean *exists,
          GError **error)
{
  *data = NULL;
  *len = 0;
  *exists = TRUE;
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    *exists = FALSE;
    return TRUE;
  }
  if (fd < 0)
    return io_error (error, "cannot open", path);
  GString *buf = g_string_sized_new (64 * 1024);
  char chunk[64 * 1024];
  for (;;) {
    ssize_t n = read (fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      io_error (error, "cannot read", path);
      close (fd);
      g_string_free (buf, TRUE);
      return FALSE;
    }
    if (n == 0)
      break;
    g_string_append_len (buf, chunk, n);
  }
  close (fd);
  *len = buf->len;
  *data = g_string_free (buf, FALSE);
  return TRUE;
}

typedef struct {
  RunlogAttemptFunc func;
  gpointer user;
} Restore;

/* Each chained record that is an attempt rebuilds the caller's state; an
 * attempt holding a value vabench never writes is damage like any other. */
static gboolean
restore_record (const JsonlValue *v, guint64 line, gpointer user,
                GError **error)
{
  Restore *r = user;
  LogAttempt a;
  const char *bad = NULL;
  AttemptStatus st = attempt_read (v, &a, &bad);
  if (st == ATTEMPT_BAD) {
    g_set_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN,
                 "record %" G_GUINT64_FORMAT " (line %" G_GUINT64_FORMAT
                 "): field \"%s\" holds a value vabench never writes",
                 line, line, bad);
    return FALSE;
  }
  if (st == ATTEMPT_OK && r->func)
    r->func (&a, r->user);
  return TRUE;
}

RunLog *
runlog_open (const char *dir, RunlogAttemptFunc func, gpointer user,
             gboolean *torn, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  *torn = FALSE;
  g_autofree char *data = NULL;
  gsize len = 0;
  gboolean exists = FALSE;
  if (!read_log (path, &data, &len, &exists, error))
    return NULL;
  ChainState st;
  g_autoptr (GArray) anchors = NULL;
  Restore r = { func, user };
  /* Every record is checked before the file is touched: a log that was
   * altered anywhere is refused whole, never cut where it was altered. */
  if (!chain_anchors (dir, &anchors, error)
      || !chain_walk (path, data ? data : "", len, anchors, restore_record,
                      &r, &st, error)) {
    g_prefix_error (error, "%s: ", path);
    return NULL;
  }
  int fd = open (path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC,
                 0644);
  if (fd < 0) {
    io_error (error, "cannot open", path);
    return NULL;
  }
  /* Only a last line cut short by a crash (no newline, not a record) is
   * dropped; a whole last record that lost only its newline is kept. */
  if (st.torn && ftruncate (fd, (off_t) st.good_bytes) != 0) {
    io_error (error, "cannot cut the torn tail of", path);
    close (fd);
    return NULL;
  }
  *torn = st.torn;
  if (st.unterminated && !write_all (fd, "\n", 1)) {
    io_error (error, "cannot end the last line of", path);
    close (fd);
    return NULL;
  }
  RunLog *log = g_new0 (RunLog, 1);
  g_mutex_init (&log->mu);
  g_cond_init (&log->wake);
  log->fd = fd;
  log->dir = g_strdup (dir);
  memcpy (log->prev, st.last, 65);
  log->seq = st.records;
  log->last_sync_us = g_get_monotonic_time ();
  /* What a resume found is anchored at once: records written after the
   * last sync of a killed run are anchored from here on. */
  if (exists && !runlog_sync (log, error)) {
    runlog_close (log);
    return NULL;
  }
  return log;
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
  JsonwObject o = { rec, rec->len > 1, TRUE }; /* "seq", "prev" */
  jsonw_uint (&o, "seq", ++log->seq);
  jsonw_string (&o, "prev", log->prev);
  jsonw_end (&o);
  sha256_hex (rec->str, rec->len, log->prev); /* libcrypto: GChecksum cost
                                                 as much as a request */
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
  g_free (log->dir);
  g_free (log);
}

char *
runlog_head (const char *dir)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG_HEAD);
  char *text = NULL;
  return g_file_get_contents (path, &text, NULL, NULL) ? text : NULL;
}

static char *
anchor_names (const GArray *anchors)
{
  g_autoptr (GString) s = g_string_new (NULL);
  for (guint i = 0; i < anchors->len; i++) {
    const ChainAnchor *a = &g_array_index (anchors, ChainAnchor, i);
    g_string_append_printf (s, "%s%s (%" G_GUINT64_FORMAT ")",
                            i ? ", " : "", rundir_file_name (a->source),
                            a->digest.records);
  }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

gboolean
runlog_verify (const char *dir, guint64 *records, char **anchored_by,
               GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  g_autofree char *data = NULL;
  gsize len = 0;
  gboolean exists = FALSE;
  if (anchored_by)
    *anchored_by = NULL;
  if (!read_log (path, &data, &len, &exists, error))
    return FALSE;
  if (!exists) {
    g_set_error (error, RUNLOG_ERROR, RUNLOG_ERROR_IO, "%s: no such file",
                 path);
    return FALSE;
  }
  g_autoptr (GArray) anchors = NULL;
  ChainState st;
  if (!chain_anchors (dir, &anchors, error)
      || !chain_walk (path, data, len, anchors, NULL, NULL, &st, error))
    return FALSE;
  *records = st.records;
  if (st.torn) {
    g_set_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN,
                 "record %" G_GUINT64_FORMAT " (line %" G_GUINT64_FORMAT
                 ") is cut short: a write interrupted by a crash, or an "
                 "alteration (`vabench run --resume` removes a torn last "
                 "line)",
                 st.records + 1, st.records + 1);
    return FALSE;
  }
  if (st.records > st.anchored && anchors->len == 0) {
    g_set_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN,
                 "records 1 to %" G_GUINT64_FORMAT " are not anchored: "
                 "there is no log.head and no digest of the log in "
                 "manifest.json or results.json, so nothing tells them "
                 "from records appended later",
                 st.records);
    return FALSE;
  }
  if (st.records > st.anchored) {
    g_set_error (error, RUNLOG_ERROR, RUNLOG_ERROR_CHAIN,
                 "records %" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT
                 " (lines %" G_GUINT64_FORMAT "–%" G_GUINT64_FORMAT
                 ") are not anchored: %s counts only %" G_GUINT64_FORMAT
                 " — appended later, or written after the last sync of a "
                 "run that did not end (`vabench run --resume` anchors "
                 "those)",
                 st.anchored + 1, st.records, st.anchored + 1, st.records,
                 rundir_file_name (st.anchored_by), st.anchored);
    return FALSE;
  }
  if (anchored_by)
    *anchored_by = anchor_names (anchors);
  return TRUE;
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
  const char *bad = NULL;
  switch (attempt_read (v, &a, &bad)) {
  case ATTEMPT_OK:
    c->func (&a, c->user);
    return TRUE;
  case ATTEMPT_BAD:
    g_set_error (error, JSONL_ERROR, JSONL_ERROR_VALUE,
                 "field \"%s\": a value vabench never writes (a number "
                 "that is not an integer in its range); the record was "
                 "altered",
                 bad);
    return FALSE;
  case ATTEMPT_NONE:
  default:
    return TRUE;
  }
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

gboolean
runlog_digest (const char *dir, RundirDigest *d, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_LOG);
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return io_error (error, "cannot open", path);
  /* The last complete line is kept whole (it is hashed at the end); the
   * rest of the file streams through a fixed buffer. */
  g_autoptr (GString) cur = g_string_new (NULL), last = g_string_new (NULL);
  char chunk[64 * 1024];
  d->records = 0;
  for (;;) {
    ssize_t n = read (fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      close (fd);
      return io_error (error, "cannot read", path);
    }
    if (n == 0)
      break;
    const char *p = chunk, *end = chunk + n;
    while (p < end) {
      const char *nl = memchr (p, '\n', (gsize) (end - p));
      if (nl == NULL) {
        g_string_append_len (cur, p, end - p);
        break;
      }
      g_string_append_len (cur, p, nl - p);
      GString *t = last;
      last = cur;
      cur = t;
      g_string_truncate (cur, 0);
      d->records++;
      p = nl + 1;
    }
  }
  close (fd);
  /* A last record whole but for its newline is a record (the readers and
   * resume take it); a torn one is not. */
  if (cur->len > 0) {
    guint n;
    const char *const *fields = chain_fields (&n, NULL);
    g_autoptr (JsonlFlat) flat = jsonl_flat_new (fields, n);
    if (jsonl_flat_line (flat, cur->str, cur->len) != NULL) {
      GString *t = last;
      last = cur;
      cur = t;
      d->records++;
    }
  }
  if (d->records == 0)
    memcpy (d->sha256, GENESIS, sizeof d->sha256);
  else
    sha256_hex (last->str, last->len, d->sha256);
  return TRUE;
}
