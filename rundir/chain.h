/* The SHA-256 chain of log.jsonl and its anchors: what resume and verify
 * both check before trusting a single record (runlog.h appends; this
 * reads).
 *
 * Inside the file, each record's "prev" is the hash of the line before
 * it and its "seq" its line number, so an edited, removed, inserted or
 * moved record breaks the chain at that place. The end of the file is
 * fixed from outside it by anchors — log.head (at every sync),
 * manifest.json's "log" (when the firing ended) and results.json's "log"
 * (each scoring) — each the count of records and the hash of the last
 * one it covers: a record removed from the end, or an edited last one,
 * no longer matches them, and a record past every anchor is not
 * anchored. */
#ifndef CHAIN_H
#define CHAIN_H

#include "rundir/rundir.h"
#include "util/jsonl.h"

typedef struct {
  RundirFile source; /* RUNDIR_LOG_HEAD, RUNDIR_MANIFEST, RUNDIR_RESULTS */
  RundirDigest digest;
} ChainAnchor;

/* The anchors DIR holds, in the order above, into a new array of
 * ChainAnchor (free with g_array_unref). FALSE + RUNLOG_ERROR_CHAIN when
 * one of them is malformed (log.head not "COUNT HASH", a "log" member
 * that is not a digest, manifest.json or results.json present but not
 * readable as one). */
gboolean chain_anchors (const char *dir, GArray **anchors, GError **error);

/* The member names a record is read with (the attempt's, then "prev"),
 * and the index of "prev" among them. Static. */
const char *const *chain_fields (guint *n, guint *prev_index);

/* Called with each chained record's values (chain_fields), its line and
 * the bytes of that line; FALSE + error stops the walk. */
typedef gboolean (*ChainRecordFunc) (const JsonlValue *values, guint64 line,
                                     gpointer user, GError **error);

/* What a walk found. */
typedef struct {
  guint64 records;       /* records chained */
  char last[65];         /* hash of the last one (the genesis: 64 zeros) */
  gsize good_bytes;      /* their bytes, newlines included */
  gboolean unterminated; /* the last record lacks its newline */
  gboolean torn;         /* after them: a last line without newline that
                            does not parse (a write cut by a crash) */
  guint64 anchored;      /* the largest count an anchor fixes, 0: none */
  RundirFile anchored_by;
} ChainState;

/* Walks data (name for messages), checking every record against the
 * chain and the anchors (may be NULL), calling func (may be NULL) on
 * each. FALSE + RUNLOG_ERROR_CHAIN naming the record ("record 5 (line 5)
 * was altered, …") at the first damage: a complete line that is not a
 * record, a "prev" or "seq" that does not follow, an anchor that does
 * not match, or one counting more records than there are. */
gboolean chain_walk (const char *name, const char *data, gsize len,
                     const GArray *anchors, ChainRecordFunc func,
                     gpointer user, ChainState *st, GError **error);

#endif
