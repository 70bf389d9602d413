#include "reports/gate.h"

#include <math.h>
#include <string.h>

#include "reports/outcomes.h"
#include "reports/provenance.h"
#include "reports/rjson.h"
#include "rundir/rundir.h"
#include "scoring/stats.h"

G_DEFINE_QUARK (vabench-gate-error-quark, gate_error)

/* Longest operators first so ">=" is not read as ">". */
static const struct {
  const char *text;
  GateOp op;
} gate_ops[] = { { ">=", GATE_GE }, { "<=", GATE_LE }, { "==", GATE_EQ },
                 { "!=", GATE_NE }, { ">", GATE_GT },  { "<", GATE_LT } };

const char *
gate_op_text (GateOp op)
{
  for (guint i = 0; i < G_N_ELEMENTS (gate_ops); i++)
    if (gate_ops[i].op == op)
      return gate_ops[i].text;
  return "?";
}

gboolean
gate_op_holds (GateOp op, double v, double t)
{
  switch (op) {
  case GATE_GE: return v >= t;
  case GATE_LE: return v <= t;
  case GATE_GT: return v > t;
  case GATE_LT: return v < t;
  case GATE_EQ: return v == t;
  case GATE_NE: return v != t;
  default: return FALSE;
  }
}

static gboolean
metric_char (char c, gboolean first)
{
  if (g_ascii_isalpha (c) || c == '_')
    return TRUE;
  return !first && (g_ascii_isdigit (c) || c == '.' || c == '-' || c == '#'
                    || c == ':');
}

/* Shares from 0 to 1 in results.json, by field name (the last part of a
 * dotted path: by_kind.telex.accuracy is a rate, by_kind.telex.variants
 * is not). */
static const char *const gate_rates[] = {
  "accuracy", "lenient_accuracy", "nearmiss_accuracy", "robustness",
  "availability", "latency_score", "composite", "hallucination_rate",
  "mean_score", "drop", "error_rate", "off_topic_rate",
};

gboolean
gate_metric_is_rate (const char *metric)
{
  const char *dot = metric ? strrchr (metric, '.') : NULL;
  const char *field = dot ? dot + 1 : metric;
  for (guint i = 0; field && i < G_N_ELEMENTS (gate_rates); i++)
    if (strcmp (field, gate_rates[i]) == 0)
      return TRUE;
  return FALSE;
}

typedef enum { NUM_OK, NUM_BAD, NUM_COMMA } NumResult;

/* A finite number, optionally followed by %, filling the rest of the text
 * (spaces aside). */
static NumResult
parse_number (const char *s, double *out, gboolean *percent)
{
  while (g_ascii_isspace (*s))
    s++;
  if (*s == '\0')
    return NUM_BAD;
  char *end = NULL;
  double v = g_ascii_strtod (s, &end);
  if (end == s)
    return NUM_BAD;
  if (*end == ',' && g_ascii_isdigit (end[1]))
    return NUM_COMMA;
  while (g_ascii_isspace (*end))
    end++;
  *percent = *end == '%';
  if (*percent)
    end++;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (v))
    return NUM_BAD;
  *out = *percent ? v / 100.0 : v;
  return NUM_OK;
}

static gboolean
bad_expr (GError **error, const char *expr, const char *why)
{
  g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
               "malformed expression '%s': %s", expr, why);
  return FALSE;
}

/* The number read; FALSE + error with a hint for a decimal comma, a rate
 * past 1 or a % on a metric that is no share. */
static gboolean
rule_value (const char *expr, const char *metric, const char *op,
            const char *num, double *value, gboolean *percent,
            GError **error)
{
  switch (parse_number (num, value, percent)) {
  case NUM_COMMA:
    return bad_expr (error, expr, "write the decimal with a point "
                                  "(0.8) or as a percentage (80%)");
  case NUM_BAD:
    return bad_expr (error, expr, "expected a number after the operator, "
                                  "e.g. 0.8 or 80%");
  case NUM_OK:
    break;
  }
  gboolean rate = gate_metric_is_rate (metric);
  if (*percent && !rate) {
    g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
                 "'%s': %s is not a share, so %% does not apply (write a "
                 "plain number in its unit, e.g. p95_ms<=3000)",
                 expr, metric);
    return FALSE;
  }
  if (rate && !*percent && fabs (*value) > 1) {
    char share[G_ASCII_DTOSTR_BUF_SIZE], pct[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd (share, sizeof share, "%g", *value / 100.0);
    g_ascii_formatd (pct, sizeof pct, "%g", *value);
    g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
                 "'%s': %s is a share from 0 to 1; write %s%s%s or %s%s%s%%",
                 expr, metric, metric, op, share, metric, op, pct);
    return FALSE;
  }
  /* 780% is a share of 7.8 as surely as 7.8 is (found by
   * tests/fuzz/fuzz-gate: the check above looked at plain numbers only) */
  if (rate && *percent && fabs (*value) > 1) {
    char pct[G_ASCII_DTOSTR_BUF_SIZE];
    g_ascii_formatd (pct, sizeof pct, "%g", *value * 100.0);
    g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
                 "'%s': %s is a share from 0 to 100%%, not %s%%", expr, metric,
                 pct);
    return FALSE;
  }
  return TRUE;
}

GateRule *
gate_rule_parse (const char *expr, GError **error)
{
  const char *s = expr;
  while (g_ascii_isspace (*s))
    s++;
  const char *m = s;
  while (metric_char (*s, s == m))
    s++;
  if (s == m) {
    bad_expr (error, expr, "expected a metric name such as accuracy");
    return NULL;
  }
  g_autofree char *metric = g_strndup (m, (gsize) (s - m));
  while (g_ascii_isspace (*s))
    s++;
  guint k = 0;
  while (k < G_N_ELEMENTS (gate_ops)
         && strncmp (s, gate_ops[k].text, strlen (gate_ops[k].text)) != 0)
    k++;
  if (k == G_N_ELEMENTS (gate_ops)) {
    bad_expr (error, expr, "expected one of >= <= > < == != after the metric");
    return NULL;
  }
  double value;
  gboolean percent = FALSE;
  if (!rule_value (expr, metric, gate_ops[k].text,
                   s + strlen (gate_ops[k].text), &value, &percent, error))
    return NULL;
  GateRule *rule = g_new0 (GateRule, 1);
  rule->metric = g_steal_pointer (&metric);
  rule->op = gate_ops[k].op;
  rule->value = value;
  rule->percent = percent;
  rule->text = g_strdup (expr);
  return rule;
}

void
gate_rule_free (GateRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->metric);
  g_free (rule->text);
  g_free (rule);
}

gboolean
gate_max_drop_parse (const char *text, char **metric, double *max,
                     GError **error)
{
  const char *eq = strchr (text, '=');
  g_autofree char *name = eq ? g_strstrip (g_strndup (text, (gsize) (eq - text)))
                             : NULL;
  gboolean ok = name && *name && metric_char (name[0], TRUE);
  for (const char *p = name; ok && *p; p++)
    ok = metric_char (*p, FALSE);
  gboolean percent = FALSE;
  if (!ok || parse_number (eq + 1, max, &percent) != NUM_OK || *max < 0
      || (percent && !gate_metric_is_rate (name))) {
    g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
                 "malformed --max-drop '%s': expected METRIC=X with X ≥ 0, "
                 "e.g. accuracy=0.02 or accuracy=2%%", text);
    return FALSE;
  }
  *metric = g_steal_pointer (&name);
  return TRUE;
}

/* The submissions a gate applies to: all, or the one named. */
static GPtrArray *
gate_targets (const cJSON *submissions, const char *submission,
              GError **error)
{
  g_autoptr (GPtrArray) subs = g_ptr_array_new ();
  const cJSON *s;
  cJSON_ArrayForEach (s, submissions)
    if (submission == NULL
        || g_strcmp0 (rjson_str (s, "id", NULL), submission) == 0)
      g_ptr_array_add (subs, (gpointer) s);
  if (submission && subs->len == 0) {
    g_set_error (error, GATE_ERROR, GATE_ERROR_SUBMISSION,
                 "--submission: no submission \"%s\" in %s",
                 submission, rundir_file_name (RUNDIR_RESULTS));
    return NULL;
  }
  return g_steal_pointer (&subs);
}

/* A metric is known when at least one target has it as a number or null
 * (null: e.g. near-miss accuracy without variants, which then fails). */
static gboolean
metric_known (const GPtrArray *subs, const GateRule *rule, GError **error)
{
  for (guint i = 0; i < subs->len; i++) {
    const cJSON *n = rjson_path (subs->pdata[i], rule->metric);
    if (cJSON_IsNumber (n) || cJSON_IsNull (n))
      return TRUE;
    if (n != NULL) {
      g_set_error (error, GATE_ERROR, GATE_ERROR_METRIC,
                   "'%s': metric \"%s\" is not a number", rule->text,
                   rule->metric);
      return FALSE;
    }
  }
  g_set_error (error, GATE_ERROR, GATE_ERROR_METRIC,
               "'%s': unknown metric \"%s\" (see reports/README.md for the "
               "per-submission fields of results.json)", rule->text,
               rule->metric);
  return FALSE;
}

static void
append_value (GString *out, double v, gboolean percent)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g",
                                         percent ? v * 100.0 : v));
  if (percent)
    g_string_append_c (out, '%');
}

void
gate_check_free (GateCheck *c)
{
  if (c == NULL)
    return;
  g_free (c->submission);
  g_free (c->name);
  g_free (c->metric);
  g_free (c->line);
  g_free (c);
}

static void
check_free_ptr (gpointer p)
{
  gate_check_free (p);
}

/* One rule on one submission, and its line:
 * "FAIL hue: accuracy >= 80% (accuracy = 76.5%)". */
static GateCheck *
check_one (const cJSON *sub, const GateRule *rule)
{
  const cJSON *n = rjson_path (sub, rule->metric);
  GateCheck *c = g_new0 (GateCheck, 1);
  c->submission = g_strdup (rjson_str (sub, "id", "?"));
  c->metric = g_strdup (rule->metric);
  c->percent = rule->percent;
  c->has_value = cJSON_IsNumber (n);
  c->value = c->has_value ? n->valuedouble : 0;
  c->ok = c->has_value && gate_op_holds (rule->op, c->value, rule->value);
  g_autoptr (GString) name = g_string_new (NULL);
  g_string_append_printf (name, "%s %s ", rule->metric,
                          gate_op_text (rule->op));
  append_value (name, rule->value, rule->percent);
  c->name = g_strdup (name->str);
  g_autoptr (GString) line = g_string_new (NULL);
  g_string_append_printf (line, "%s %s: %s (%s = ", c->ok ? "ok  " : "FAIL",
                          c->submission, c->name, rule->metric);
  if (c->has_value)
    append_value (line, c->value, rule->percent);
  else
    g_string_append (line, "no value");
  g_string_append_c (line, ')');
  c->line = g_strdup (line->str);
  return c;
}

static void
rule_free_ptr (gpointer p)
{
  gate_rule_free (p);
}

GPtrArray *
gate_checks (const cJSON *submissions, const char *const *requires,
             const char *submission, GError **error)
{
  g_autoptr (GPtrArray) subs = gate_targets (submissions, submission,
                                             error);
  if (subs == NULL)
    return NULL;
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (rule_free_ptr);
  for (guint i = 0; requires && requires[i]; i++) {
    GateRule *rule = gate_rule_parse (requires[i], error);
    if (rule == NULL)
      return NULL;
    g_ptr_array_add (rules, rule);
    if (subs->len > 0 && !metric_known (subs, rule, error))
      return NULL;
  }
  GPtrArray *checks = g_ptr_array_new_with_free_func (check_free_ptr);
  for (guint r = 0; r < rules->len; r++)
    for (guint i = 0; i < subs->len; i++)
      g_ptr_array_add (checks, check_one (subs->pdata[i], rules->pdata[r]));
  return checks;
}

/* Appends each check's line; GATE_FAIL when one fails. */
static int
checks_print (const GPtrArray *checks, GString *out)
{
  int rc = GATE_PASS;
  for (guint i = 0; i < checks->len; i++) {
    const GateCheck *c = checks->pdata[i];
    g_string_append_printf (out, "%s\n", c->line);
    if (!c->ok)
      rc = GATE_FAIL;
  }
  return rc;
}

int
gate_check (const cJSON *submissions, const char *const *requires,
            const char *submission, GString *out, GError **error)
{
  g_autoptr (GPtrArray) checks = gate_checks (submissions, requires,
                                              submission, error);
  return checks ? checks_print (checks, out) : GATE_BAD;
}

/* Flipped clean items of one submission and whether the regression is
 * significant: McNemar exact test on the paired items (scoring/stats.h). */
static void
baseline_flips (const Outcomes *base, const Outcomes *cur, const char *id,
                GString *out)
{
  guint paired = 0, lost = 0, gained = 0, hidden_lost = 0;
  g_autoptr (GPtrArray) flips = outcomes_flips (base, cur, id, &paired);
  for (guint i = 0; i < flips->len; i++) {
    const OutcomeFlip *f = flips->pdata[i];
    if (f->now_correct) {
      gained++;
      continue;
    }
    lost++;
    if (f->hidden)
      hidden_lost++;
    else
      g_string_append_printf (out, "  %s: correct → wrong: %s\n", id, f->key);
  }
  if (hidden_lost)
    g_string_append_printf (out, "  %s: correct → wrong: %u item(s) of "
                                 "hidden sets\n", id, hidden_lost);
  double p = stats_mcnemar_exact (lost, gained);
  char pbuf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append_printf (
      out, "baseline %s: %u paired clean items, %u correct → wrong, %u wrong "
           "→ correct; McNemar exact p = %s: %s\n",
      id, paired, lost, gained, g_ascii_formatd (pbuf, sizeof pbuf, "%.4g", p),
      lost > gained && p < 0.05 ? "significant drop"
                                : "no significant drop");
}

/* --max-drop METRIC=X: fails when baseline − current > X. */
static GateCheck *
max_drop_one (const cJSON *bsub, const cJSON *sub, const char *metric,
              double max)
{
  const cJSON *b = rjson_path (bsub, metric), *c = rjson_path (sub, metric);
  GateCheck *k = g_new0 (GateCheck, 1);
  k->submission = g_strdup (rjson_str (sub, "id", "?"));
  k->metric = g_strdup (metric);
  g_autoptr (GString) name = g_string_new (NULL);
  g_string_append_printf (name, "%s drop ≤ ", metric);
  append_value (name, max, FALSE);
  k->name = g_strdup (name->str);
  if (!cJSON_IsNumber (b) || !cJSON_IsNumber (c)) {
    k->line = g_strdup_printf ("FAIL %s: %s drop not computable (no value "
                               "in %s)", k->submission, metric,
                               cJSON_IsNumber (b) ? "this run"
                                                  : "the baseline");
    return k;
  }
  k->has_value = TRUE;
  k->value = b->valuedouble - c->valuedouble;
  k->ok = k->value <= max + 1e-12;
  g_autoptr (GString) line = g_string_new (NULL);
  g_string_append_printf (line, "%s %s: %s (baseline ", k->ok ? "ok  " : "FAIL",
                          k->submission, k->name);
  append_value (line, b->valuedouble, FALSE);
  g_string_append (line, ", now ");
  append_value (line, c->valuedouble, FALSE);
  g_string_append (line, ", drop ");
  append_value (line, k->value, FALSE);
  g_string_append_c (line, ')');
  k->line = g_strdup (line->str);
  return k;
}

static const cJSON *
find_sub (const Results *results, const char *id)
{
  const cJSON *s;
  cJSON_ArrayForEach (s, results->submissions)
    if (g_strcmp0 (rjson_str (s, "id", NULL), id) == 0)
      return s;
  return NULL;
}

static Results *
load_results (const char *dir, GError **error)
{
  g_autoptr (GError) local = NULL;
  Results *r = results_read (dir, &local);
  if (r == NULL)
    g_set_error_literal (error, GATE_ERROR, GATE_ERROR_INPUT, local->message);
  return r;
}

static Outcomes *
load_outcomes (const char *dir, GError **error)
{
  g_autoptr (GError) local = NULL;
  Outcomes *o = outcomes_load (dir, TRUE, &local);
  if (o == NULL)
    g_set_error (error, GATE_ERROR, GATE_ERROR_INPUT, "%s", local->message);
  return o;
}

static int
gate_baseline (const GateOptions *opts, const Results *results,
               GString *out, GPtrArray *checks, GError **error)
{
  g_autoptr (Results) base = load_results (opts->baseline_dir, error);
  if (base == NULL)
    return GATE_BAD;
  /* A baseline scored with other sets is no baseline: its flips and
   * drops would compare different questions or keys. */
  g_autoptr (GString) changes = g_string_new (NULL);
  if (!provenance_same_sets (opts->baseline_dir, base, opts->run_dir,
                             results, "the baseline", "this run",
                             changes)) {
    if (!opts->allow_different_sets) {
      g_set_error (error, GATE_ERROR, GATE_ERROR_TESTSETS,
                   "the baseline was scored with different question "
                   "sets:\n%scompare anyway with --allow-different-sets",
                   changes->str);
      return GATE_BAD;
    }
    g_string_append_printf (out, "baseline: different question sets "
                                 "(--allow-different-sets):\n%s",
                            changes->str);
  }
  g_autoptr (GPtrArray) drops = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) maxes = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; opts->max_drops && opts->max_drops[i]; i++) {
    char *metric;
    double max;
    if (!gate_max_drop_parse (opts->max_drops[i], &metric, &max, error))
      return GATE_BAD;
    g_ptr_array_add (drops, metric);
    g_array_append_val (maxes, max);
  }
  g_autoptr (Outcomes) bo = load_outcomes (opts->baseline_dir, error);
  g_autoptr (Outcomes) co = bo ? load_outcomes (opts->run_dir, error) : NULL;
  if (co == NULL)
    return GATE_BAD;
  g_autoptr (GPtrArray) subs = gate_targets (results->submissions,
                                             opts->submission, error);
  if (subs == NULL)
    return GATE_BAD;
  int rc = GATE_PASS;
  for (guint i = 0; i < subs->len; i++) {
    const char *id = rjson_str (subs->pdata[i], "id", "?");
    const cJSON *bsub = find_sub (base, id);
    if (bsub == NULL) {
      g_string_append_printf (out, "baseline %s: not in the baseline run\n",
                              id);
      continue;
    }
    baseline_flips (bo, co, id, out);
    for (guint k = 0; k < drops->len; k++) {
      GateCheck *c = max_drop_one (bsub, subs->pdata[i], drops->pdata[k],
                                   g_array_index (maxes, double, k));
      g_string_append_printf (out, "%s\n", c->line);
      if (!c->ok)
        rc = GATE_FAIL;
      g_ptr_array_add (checks, c);
    }
  }
  return rc;
}

int
gate_run (const GateOptions *opts, GString *out, GPtrArray **checks_out,
          GError **error)
{
  if (checks_out)
    *checks_out = NULL;
  if (opts->max_drops && opts->max_drops[0] && opts->baseline_dir == NULL) {
    g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
                 "--max-drop needs --baseline DIR");
    return GATE_BAD;
  }
  g_autoptr (Results) results = load_results (opts->run_dir, error);
  if (results == NULL)
    return GATE_BAD;
  g_autoptr (GPtrArray) checks = gate_checks (results->submissions,
                                              opts->requires,
                                              opts->submission, error);
  if (checks == NULL)
    return GATE_BAD;
  g_autoptr (GString) lines = g_string_new (NULL);
  int rc = checks_print (checks, lines);
  int brc = GATE_PASS;
  if (opts->baseline_dir) {
    brc = gate_baseline (opts, results, lines, checks, error);
    if (brc == GATE_BAD)
      return brc;
  }
  g_string_append_len (out, lines->str, lines->len);
  if (checks_out)
    *checks_out = g_steal_pointer (&checks);
  return rc == GATE_FAIL || brc == GATE_FAIL ? GATE_FAIL : GATE_PASS;
}
