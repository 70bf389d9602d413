/* results.json: the run's metrics, ranks and ties (format: reports/README.md
 * and scoring/METRICS.md), and load.json, a capacity ramp. Written by the
 * scorer (and `load`, which adds its ramp); read by every report, the gate
 * and diff. The envelope is typed; each submission's metrics stay JSON,
 * because the gate addresses them by name and path (by_kind.telex.drop)
 * and their fields belong to scoring/metrics.c. */
#ifndef RESULTS_H
#define RESULTS_H

#include "rundir/run_manifest.h"

/* Everything is borrowed from root, which the Results owns. */
typedef struct {
  const char *vabench_version;
  const char *run_id, *started_at, *finished_at; /* NULL when absent */
  const cJSON *contest;     /* settings from the manifest: name, seed,
                               weights, sla_ms, resamples, nearmiss_kinds,
                               per_item, testsets; NULL when absent */
  const cJSON *submissions; /* array, ranked, best first */
  const cJSON *ties;        /* [[id, …], …]: groups not separable */
  const cJSON *load;        /* a capacity ramp, or NULL */
  /* The reviewers' decisions applied and the ranking before them
   * (scoring/review.h), pairs of look-alike submissions
   * (scoring/lookalike.h), canary hits (scoring/canary.h); NULL when
   * absent. */
  const cJSON *appeals, *lookalikes, *canaries;
  /* "log" and "scores": digests of the log the scores came from and of
   * scores.jsonl as written (rundir.h); FALSE in results of an older
   * vabench. The log's is an anchor of its chain (runlog.h). */
  gboolean has_log, has_scores;
  RundirDigest log, scores;
  /* "coverage": whether every submission answered every planned unit
   * (question × variant), per submission how many it did, and how many
   * the ranking stands on (those every submission answered). NULL in
   * results of an older vabench, whose completeness is not known. */
  const cJSON *coverage;
  gboolean complete; /* coverage says so */
  cJSON *root;
} Results;

/* Results of a run: the header from the manifest (borrowed), the ranked
 * submissions and ties of scoring/metrics.h (taken). Each submission gets
 * "settings" (the manifest's contest.submissions[].effective: what it ran
 * under) and "status" (manifest.json's submission_status entry, else
 * {"state": "ok"}). */
Results *results_new (const RunManifest *m, cJSON *submissions, cJSON *ties);
void results_free (Results *r); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Results, results_free)

/* Reads DIR/results.json. NULL + RUNDIR_ERROR_INPUT naming the file when
 * it is missing, not a JSON object, "submissions" is not an array, or
 * "log" or "scores" is not a digest. */
Results *results_read (const char *dir, GError **error);

/* The same from text[0, len) (len −1: up to the NUL); name is used in
 * messages. */
Results *results_parse (const char *text, gssize len, const char *name,
                        GError **error);

/* Writes DIR/results.json (synced, replaced whole). FALSE + G_FILE_ERROR. */
gboolean results_write (const char *dir, const Results *r, GError **error);

/* The file's text: pretty-printed, with a final newline. Newly allocated. */
char *results_print (const Results *r);

/* Sets "log" and "scores" (either may be NULL: left out). */
void results_set_digests (Results *r, const RundirDigest *log,
                          const RundirDigest *scores);

/* Sets "coverage": submissions (RunSubmission, contest order) and the
 * units each answered (answered[i]), of planned (planned_known FALSE: the
 * manifest did not say; planned is then what the log holds), and ranked_on,
 * the units every submission answered. */
void results_set_coverage (Results *r, const GArray *submissions,
                           const guint64 *answered, guint64 planned,
                           gboolean planned_known, guint64 ranked_on);

/* NULL when the run is complete; else why it is not, one line, newly
 * allocated: "tinh-a answered 120 of 500 units, tinh-b 118 of 500; the
 * ranking stands on the 118 every submission answered", or that
 * completeness is not recorded (results of an older vabench). lang "vi"
 * or "en". */
char *results_incomplete (const Results *r, const char *lang);

/* Replaces contest.testsets (taken): the sets the scores were made with
 * (scoring/scorer.c), each {"name", "path", "sha256", "sha256_fired"?
 * when the firing's differed, "visibility", "items", "item_sha256": {id
 * (a hash of it for a hidden set) → digest}}. */
void results_set_testsets (Results *r, cJSON *testsets);

/* Replaces the capacity ramp (taken). */
void results_set_load (Results *r, cJSON *load);

/* Sets (or replaces) a top-level member, value taken: "appeals",
 * "lookalikes", "canaries". Members are written in the order they are
 * first set, after "ties". */
void results_set (Results *r, const char *key, cJSON *value);

/* Writes DIR/load.json from a ramp (borrowed). FALSE + G_FILE_ERROR. */
gboolean results_write_load (const char *dir, const cJSON *load,
                             GError **error);

#endif
