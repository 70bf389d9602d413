/* The run's manifest.json (rundir/run_manifest.c), which resume, the
 * scorer, the reports and the log's anchors (rundir/chain.c) read from a
 * run directory that may be someone else's, and the lock file's holder
 * (rundir/rundir_lock.c). Input: manifest.json [FUZZ_SEP the contest as
 * given now (JSON) [FUZZ_SEP the lock file's text]].
 *
 * Checks besides the sanitizers: the reader's verdict and error agree,
 * and chain_anchors agrees with it (a manifest that does not read is a
 * broken anchor); a manifest read has no difference with its own contest
 * (unless its JSON repeats a key, which the first-match lookup cannot
 * tell apart); written and read again it has the same fields and
 * contest; the differences with any contest are at most 20 lines, valid
 * UTF-8; while another holder has the lock, taking it fails with
 * RUNDIR_ERROR_LOCKED and the holder is said to be there. */
#include "fuzz.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "rundir/chain.h"
#include "rundir/run_manifest.h"
#include "rundir/rundir_lock.h"
#include "rundir/runlog.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

/* A key twice in one object, anywhere below o. */
static gboolean
repeats_a_key (const cJSON *o)
{
  for (const cJSON *e = o ? o->child : NULL; e; e = e->next) {
    if (cJSON_IsObject (o) && e->string)
      for (const cJSON *f = e->next; f; f = f->next)
        if (f->string && strcmp (e->string, f->string) == 0)
          return TRUE;
    if (repeats_a_key (e))
      return TRUE;
  }
  return FALSE;
}

static void
check_differences (const RunManifest *m, const cJSON *now, gboolean none)
{
  char **diff = run_manifest_differences (m, now);
  if (none)
    FUZZ_CHECK (diff == NULL, "differs from itself: %s", diff[0]);
  guint n = diff ? g_strv_length (diff) : 0;
  FUZZ_CHECK (n <= 20, "%u lines of differences", n);
  for (guint i = 0; i < n; i++)
    FUZZ_CHECK (g_utf8_validate (diff[i], -1, NULL),
                "difference not UTF-8: %s", diff[i]);
  g_strfreev (diff);
}

static void
check_lock (const uint8_t *text, size_t len)
{
  const char *dir = fuzz_dir ();
  g_autofree char *path = fuzz_write ("lock", text, len);
  int fd = open (path, O_RDWR | O_CLOEXEC);
  FUZZ_CHECK (fd >= 0 && flock (fd, LOCK_EX) == 0, "cannot lock");
  g_autofree char *command = NULL;
  gint64 pid = rundir_lock_holder (dir, &command);
  FUZZ_CHECK (pid != 0, "a held lock reads as free");
  FUZZ_CHECK (pid == -1 || (pid > 0 && pid <= G_MAXINT32), "pid %" G_GINT64_FORMAT,
              pid);
  g_autoptr (GError) error = NULL;
  RundirLock *second = rundir_lock_take (dir, "fuzz", &error);
  FUZZ_CHECK (second == NULL, "two holders of one lock");
  FUZZ_CHECK (g_error_matches (error, RUNDIR_ERROR, RUNDIR_ERROR_LOCKED),
              "not refused as locked: %s", error ? error->message : "?");
  close (fd);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  const uint8_t *man, *rest, *now_text, *lock;
  size_t manlen, restlen, nowlen, locklen;
  fuzz_split (data, size, &man, &manlen, &rest, &restlen);
  fuzz_split (rest, restlen, &now_text, &nowlen, &lock, &locklen);
  const char *dir = fuzz_dir ();
  fuzz_unlink ("log.head");
  fuzz_unlink ("results.json");
  g_free (fuzz_write ("manifest.json", man, manlen));

  g_autoptr (GError) error = NULL;
  g_autoptr (RunManifest) m = run_manifest_read (dir, &error);
  FUZZ_CHECK ((m != NULL) == (error == NULL), "verdict and error disagree");
  GArray *anchors = NULL;
  g_autoptr (GError) aerr = NULL;
  gboolean anchored = chain_anchors (dir, &anchors, &aerr);
  FUZZ_CHECK (anchored == (m != NULL), "chain_anchors %s a manifest that %s",
              anchored ? "accepts" : "refuses", m ? "reads" : "does not");
  if (anchors) {
    FUZZ_CHECK (anchors->len == (m && m->has_log ? 1u : 0u), "%u anchors",
                anchors->len);
    g_array_unref (anchors);
  }
  if (locklen > 0 || restlen > 0)
    check_lock (lock, locklen);
  if (m == NULL)
    return 0;

  FUZZ_CHECK (m->testsets && m->submissions, "no arrays");
  for (guint i = 0; i < m->submissions->len; i++)
    FUZZ_CHECK (g_array_index (m->submissions, RunSubmission, i).id != NULL,
                "submission without id");
  gboolean repeats = repeats_a_key (m->contest);
  check_differences (m, m->contest, !repeats);

  g_autoptr (GError) werr = NULL;
  FUZZ_CHECK (run_manifest_write (dir, m, &werr), "write: %s", werr->message);
  g_autoptr (GError) rerr = NULL;
  g_autoptr (RunManifest) again = run_manifest_read (dir, &rerr);
  FUZZ_CHECK (again != NULL, "written, not read back: %s", rerr->message);
  check_differences (again, m->contest, !repeats);
  FUZZ_CHECK (again->has_log == m->has_log
              && again->log.records == m->log.records
              && strcmp (again->log.sha256, m->log.sha256) == 0,
              "the log's anchor changed");
  FUZZ_CHECK (again->planned_units == m->planned_units, "plan changed");
  FUZZ_CHECK (again->seed == m->seed, "seed changed");
  FUZZ_CHECK (again->testsets->len == m->testsets->len
              && again->submissions->len == m->submissions->len,
              "sets or submissions changed");
  FUZZ_CHECK ((again->finished_at == NULL) == (m->finished_at == NULL),
              "finished_at changed");

  if (nowlen > 0) {
    g_autoptr (cJSON) now = cJSON_ParseWithLength ((const char *) now_text,
                                                   nowlen);
    check_differences (m, now, FALSE);
  }
  return 0;
}
