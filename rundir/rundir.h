/* The run directory (runs/ID/): the one module that knows the names of its
 * files. Every other module asks here for a path instead of spelling a file
 * name; the records inside each file have their own reader and writer in
 * this folder (rundir/README.md lists them and the formats). */
#ifndef RUNDIR_H
#define RUNDIR_H

#include "util/vb_autocleanups.h"

/* A run file that is missing or malformed (exit 2); failures to write are
 * G_FILE_ERROR (exit 3). Used by every reader of this folder but the run
 * log's chain (RUNLOG_ERROR). */
#define RUNDIR_ERROR (rundir_error_quark ())
GQuark rundir_error_quark (void);
typedef enum {
  RUNDIR_ERROR_INPUT, /* the message names the file, line and field */
  RUNDIR_ERROR_LOCKED, /* another process writes the directory (exit 3):
                          rundir_lock.h */
} RundirError;

typedef enum {
  RUNDIR_MANIFEST, /* manifest.json: the contest as fired (run_manifest.h) */
  RUNDIR_LOG,      /* log.jsonl: one record per attempt (attempt.h, runlog.h) */
  RUNDIR_LOG_HEAD, /* log.head: count and hash of the last record */
  RUNDIR_SCORES,   /* scores.jsonl: one judged record per unit (score_record.h) */
  RUNDIR_RESULTS,  /* results.json: metrics and ranks (results.h) */
  RUNDIR_LOAD,     /* load.json: a capacity ramp (results.h) */
  RUNDIR_LOCK,     /* lock: its writer's flock and pid (rundir_lock.h) */
  RUNDIR_APPEALS,  /* appeals.jsonl: reviewers' decisions (appeal.h) */
  RUNDIR_APPEALS_HEAD, /* appeals.head: count and hash of the last one */
} RundirFile;

/* What fixes a file's content from outside it: its record count and a
 * SHA-256 — for log.jsonl the hash of its last line, which the chain ties
 * to every line before (runlog.h); for scores.jsonl the hash of the whole
 * file. Held by log.head, manifest.json and results.json ("log",
 * "scores"). sha256 is 64 lower-case hex digits. */
typedef struct {
  guint64 records;
  char sha256[65];
} RundirDigest;

/* TRUE when text is 64 lower-case hex digits. */
gboolean rundir_is_sha256 (const char *text);

/* {"records": N, "sha256": "…"}, a new object. */
cJSON *rundir_digest_to_json (const RundirDigest *d);

/* Reads one back: FALSE unless o is such an object with records an
 * integer from 0 to 2^53 and sha256 a hex digest. */
gboolean rundir_digest_from_json (const cJSON *o, RundirDigest *d);

/* DIR/NAME's digest as a whole file: its lines (newlines counted) and the
 * SHA-256 of all its bytes (scores.jsonl in results.json). Read without
 * following a symlink. FALSE + G_FILE_ERROR. */
gboolean rundir_digest_file (const char *dir, RundirFile file,
                             RundirDigest *d, GError **error);

/* The file's name, e.g. "log.jsonl" (static). */
const char *rundir_file_name (RundirFile file);

/* DIR/NAME, newly allocated. */
char *rundir_path (const char *dir, RundirFile file);

/* TRUE when DIR/NAME exists. */
gboolean rundir_has (const char *dir, RundirFile file);

/* The folder of a submission's private report, DIR/private/ID, newly
 * allocated; NULL when id cannot be a folder's name (empty, ".", "..",
 * or a character other than letters, digits, '.', '-' and '_'): a
 * manifest's id must not reach outside the run directory. */
char *rundir_private_dir (const char *dir, const char *id);

/* The directory of one step of a capacity ramp, DIR/load/step-N, newly
 * allocated; it holds a run log of its own. */
char *rundir_load_step (const char *dir, guint concurrency);

#endif
