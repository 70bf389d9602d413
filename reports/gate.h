/* The CI gate: thresholds on per-submission metrics of results.json, and
 * an optional comparison with a baseline run (flipped items, McNemar on
 * the paired clean items, maximum allowed drops). Grammar and exit codes:
 * reports/README.md. Never prints: the report goes into a GString. */
#ifndef GATE_H
#define GATE_H

#include "reports/report.h"

#define GATE_ERROR (gate_error_quark ())
GQuark gate_error_quark (void);
typedef enum {
  GATE_ERROR_EXPR,       /* malformed --require or --max-drop expression */
  GATE_ERROR_METRIC,     /* the metric exists in no submission / not numeric */
  GATE_ERROR_SUBMISSION, /* --submission names no submission */
  GATE_ERROR_INPUT,      /* a run file is missing or malformed */
  GATE_ERROR_TESTSETS,   /* the baseline was scored with other sets */
} GateError;

/* Outcomes, the same numbers as the process exit codes. */
enum { GATE_PASS = 0, GATE_FAIL = 1, GATE_BAD = 2 };

typedef enum { GATE_GE, GATE_LE, GATE_GT, GATE_LT, GATE_EQ, GATE_NE } GateOp;

typedef struct {
  char *metric; /* a field of a submission, or a dotted path into one */
  GateOp op;
  double value; /* a share for a percentage: 80% is 0.8 */
  gboolean percent; /* the number was written with % */
  char *text;   /* the expression as given, for messages */
} GateRule;

/* Parses "METRIC OP NUMBER[%]", e.g. "p95_ms <= 3000" or "accuracy>=80%".
 * A rate (accuracy, robustness, composite, …: gate_metric_is_rate) takes
 * a share from 0 to 1 or a percentage; a value past 1 for a rate, a % on a
 * metric that is no rate, and a decimal comma ("0,8") are errors whose
 * message says what to write. NULL + GATE_ERROR_EXPR naming the
 * expression. Free with gate_rule_free. */
GateRule *gate_rule_parse (const char *expr, GError **error);
void gate_rule_free (GateRule *rule); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GateRule, gate_rule_free)

/* TRUE when the metric (a field or the last part of a dotted path) is a
 * share from 0 to 1 in results.json. */
gboolean gate_metric_is_rate (const char *metric);

/* The operator as written (">="). Static. */
const char *gate_op_text (GateOp op);

/* One threshold checked on one submission (or a --max-drop comparison). */
typedef struct {
  char *submission; /* id */
  char *name;       /* the check as a reader names it: "accuracy >= 80%" */
  char *metric;
  gboolean percent; /* values are shares shown as percentages */
  gboolean has_value;
  double value;     /* the submission's (or the drop, for --max-drop) */
  gboolean ok;
  char *line;       /* the gate's output line, without newline */
} GateCheck;
void gate_check_free (GateCheck *c); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GateCheck, gate_check_free)

/* Every rule checked on every target submission, rule by rule: a new
 * array of GateCheck (free func set), empty without rules. NULL + error
 * as gate_check. */
GPtrArray *gate_checks (const cJSON *submissions, const char *const *requires,
                        const char *submission, GError **error);

/* TRUE when value op threshold holds. */
gboolean gate_op_holds (GateOp op, double value, double threshold);

/* Parses "METRIC=X" for --max-drop; *metric newly allocated. FALSE +
 * GATE_ERROR_EXPR naming the text. */
gboolean gate_max_drop_parse (const char *text, char **metric, double *max,
                              GError **error);

/* Checks every rule (strv of expressions) on every submission of
 * submissions (results.json's, rundir/results.h; or only on submission
 * when not NULL). Appends one line per check to out
 * ("ok" or "FAIL", submission, expression, value). Returns GATE_PASS,
 * GATE_FAIL, or GATE_BAD with error set (malformed expression, unknown
 * metric, unknown submission) before any check is reported. */
int gate_check (const cJSON *submissions, const char *const *requires,
                const char *submission, GString *out, GError **error);

typedef struct {
  const char *run_dir;
  const char *const *requires;  /* NULL-terminated or NULL */
  const char *submission;       /* or NULL: every submission */
  const char *baseline_dir;     /* or NULL */
  const char *const *max_drops; /* "METRIC=X", only with baseline_dir */
  gboolean allow_different_sets; /* compare with a baseline scored with
                                    other question sets, listing what
                                    changed (else GATE_BAD) */
} GateOptions;

/* The whole gate: thresholds, then the baseline comparison (flips of clean
 * items correct → wrong, McNemar exact test, --max-drop checks). Returns
 * GATE_PASS, GATE_FAIL or GATE_BAD (+ error). checks (may be NULL) gets a
 * new array of every GateCheck (thresholds and --max-drop), for JUnit. */
int gate_run (const GateOptions *opts, GString *out, GPtrArray **checks,
              GError **error);

#endif
