/* A finished run as the writers see it: results.json in memory, and a
 * single streaming pass over scores.jsonl (which can hold 34 submissions ×
 * 1000 items × 5 variants, so records are never all kept: each is handed
 * to a visitor, and only the worst few per submission are copied). Both
 * read through rundir/. */
#ifndef RUNDATA_H
#define RUNDATA_H

#include "reports/report.h"
#include "rundir/results.h"
#include "rundir/score_record.h"

/* Worst answers kept per submission for the detail section. */
#define RUNDATA_WORST_MAX 20

typedef struct {
  char *dir;              /* run directory */
  Results *results;       /* owned: results.json */
  const cJSON *subs;      /* borrowed: results->submissions (array) */
  guint n_subs;
  GHashTable *sub_index;  /* id (borrowed) → index + 1 */
  GHashTable *hidden_sets;/* testset names (owned) with visibility hidden */
  GPtrArray *worst;       /* per submission: GPtrArray of ScoreRecord*
                             (owned copies) */
  guint *hidden_records;  /* per submission: records of hidden sets */
  guint records;          /* records read from scores.jsonl */
  guint *wrong;           /* per submission: wrong records (public sets) */
  GHashTable *categories; /* category code → display name (borrowed from
                             results.json's contest.testsets[].categories) */
  gboolean have_scores;   /* scores.jsonl was present */
} RunData;

/* Loads RUN_DIR/results.json. NULL + REPORT_ERROR_INPUT naming the file. */
RunData *rundata_load (const char *run_dir, GError **error);
void rundata_free (RunData *rd); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RunData, rundata_free)

/* Called once per score record with its head (borrowed: every member but
 * the turns, rundir/score_record.h), the line (score_record_line_full
 * gives the whole record, parsed only then) and its submission's index
 * in results.submissions, or -1 when the submission is not ranked. Return
 * FALSE and set error to stop. */
typedef gboolean (*RundataVisit) (const ScoreRecord *head,
                                  ScoreRecordLine *line, int sub,
                                  gboolean hidden, gpointer user,
                                  GError **error);

/* Reads RUN_DIR/scores.jsonl once, keeps the worst answers of each
 * submission (not of hidden sets) and calls visit (may be NULL) per record.
 * Only the lines a worst list keeps, or a visitor asks for, are parsed
 * whole: html and md of 170,000 records read in a fraction of a second.
 * A missing scores.jsonl is not an error: have_scores stays FALSE. */
gboolean rundata_scan (RunData *rd, RundataVisit visit, gpointer user,
                       GError **error);

/* TRUE when the record must be treated as hidden: its own flag, or its
 * testset is listed hidden in results.json. */
gboolean rundata_record_hidden (const RunData *rd, const ScoreRecord *rec);

/* The display name of a category ("Cư trú" for "cu-tru") as the question
 * set's header gives it, else NULL. Borrowed. */
const char *rundata_category_name (const RunData *rd, const char *code);

/* Index of submission id in results.submissions, or -1. */
int rundata_sub (const RunData *rd, const char *id);

#endif
