/* manifest.json: the contest as it was fired — every setting, the question
 * sets with their SHA-256, the submissions without secrets — and the run's
 * id and times (format: rundir/README.md). Written by `run` at the start
 * and at the end; read by resume, the scorer and the reports. The contest
 * object itself is made by the contest module (contest_snapshot); this
 * module adds the absolute paths resume and re-scoring need and reads
 * back the fields they use. */
#ifndef RUN_MANIFEST_H
#define RUN_MANIFEST_H

#include "rundir/rundir.h"

typedef struct {
  const char *name, *path; /* as given in the contest file */
  const char *abs_path;    /* canonical, NULL in an old manifest */
  const char *sha256;      /* of the file as fired, NULL when absent */
} RunTestset;

typedef struct {
  const char *id, *name, *province; /* name and province may be NULL */
} RunSubmission;

/* Strings are borrowed from contest, which the manifest owns. */
typedef struct {
  char *vabench_version, *run_id, *started_at;
  char *finished_at;        /* NULL until the firing ended */
  cJSON *contest;           /* the contest's settings (owned) */
  const char *contest_file_abs; /* the contest file, canonical, or NULL */
  GArray *testsets;         /* RunTestset, in contest order */
  GArray *submissions;      /* RunSubmission, in contest order */
  /* "submission_status": id → {"state": "unavailable" | "warning" |
   * "paused", "class", "reason", "fix", …} for each submission the
   * pre-flight or an early stop said something about; NULL when none
   * (owned). */
  cJSON *status;
  /* scoring settings (scoring/metrics.h) */
  double w_accuracy, w_nearmiss, w_latency, w_availability;
  guint sla_ms, resamples;
  guint64 seed;
  guint repeat;             /* rounds of every question (1 when absent) */
  gboolean repeat_pass_k;   /* repeat_rank = pass_k */
  /* "plan": {"units": N}: the units (question × variant) each submission
   * is to answer, so that a partial run can say how partial it is; 0 in
   * a manifest written before it was recorded */
  guint64 planned_units;
  /* "log": the digest of log.jsonl when the firing ended (an anchor of
   * its chain: runlog.h), has_log FALSE until then */
  gboolean has_log;
  RundirDigest log;
} RunManifest;

/* A new manifest for a run starting now; takes contest (contest_snapshot)
 * and adds the canonical paths of the contest file ("file") and of each
 * question set ("path") to it. */
RunManifest *run_manifest_new (const char *run_id, const char *started_at,
                               cJSON *contest);
void run_manifest_free (RunManifest *m); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RunManifest, run_manifest_free)

/* Writes DIR/manifest.json (pretty-printed, synced, replaced whole).
 * FALSE + G_FILE_ERROR. */
gboolean run_manifest_write (const char *dir, const RunManifest *m,
                             GError **error);

/* Reads DIR/manifest.json. NULL + RUNDIR_ERROR_INPUT naming the file when
 * it is missing, not JSON, has no contest object, or a "log" or "plan"
 * that is malformed. */
RunManifest *run_manifest_read (const char *dir, GError **error);

/* The submissions of a contest object's "submissions" array (borrowed
 * from it), as run_manifest_read finds them: for callers that hold the
 * array alone (tests of the metrics). */
GArray *run_manifest_submissions_of (const cJSON *array);

/* What differs between the contest a run was fired with (m->contest) and
 * the one given now (a contest_snapshot), setting by setting — "seed: 5
 * in the run, 6 now" — ignoring only where the files are (file, path,
 * source and their absolute forms): a resume must fire the same contest.
 * NULL when identical; else a NULL-terminated list (at most 20 lines),
 * free with g_strfreev. */
char **run_manifest_differences (const RunManifest *m, const cJSON *now);

#endif
