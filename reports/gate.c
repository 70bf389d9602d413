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

static const char *
op_text (GateOp op)
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

/* A finite number filling the rest of the text (spaces aside). */
static gboolean
parse_number (const char *s, double *out)
{
  while (g_ascii_isspace (*s))
    s++;
  if (*s == '\0')
    return FALSE;
  char *end = NULL;
  double v = g_ascii_strtod (s, &end);
  if (end == s)
    return FALSE;
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
bad_expr (GError **error, const char *expr, const char *why)
{
  g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
               "malformed expression '%s': %s", expr, why);
  return FALSE;
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
  if (!parse_number (s + strlen (gate_ops[k].text), &value)) {
    bad_expr (error, expr, "expected a number after the operator");
    return NULL;
  }
  GateRule *rule = g_new0 (GateRule, 1);
  rule->metric = g_steal_pointer (&metric);
  rule->op = gate_ops[k].op;
  rule->value = value;
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
  if (!ok || !parse_number (eq + 1, max) || *max < 0) {
    g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
                 "malformed --max-drop '%s': expected METRIC=X with X ≥ 0, "
                 "e.g. accuracy=0.02", text);
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
append_value (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", v));
}

/* One line per check; returns TRUE when it holds. */
static gboolean
check_one (const cJSON *sub, const GateRule *rule, GString *out)
{
  const cJSON *n = rjson_path (sub, rule->metric);
  gboolean ok = cJSON_IsNumber (n)
                && gate_op_holds (rule->op, n->valuedouble, rule->value);
  g_string_append_printf (out, "%s %s: %s %s ", ok ? "ok  " : "FAIL",
                          rjson_str (sub, "id", "?"), rule->metric,
                          op_text (rule->op));
  append_value (out, rule->value);
  g_string_append_printf (out, " (%s = ", rule->metric);
  if (cJSON_IsNumber (n))
    append_value (out, n->valuedouble);
  else
    g_string_append (out, "no value");
  g_string_append (out, ")\n");
  return ok;
}

static void
rule_free_ptr (gpointer p)
{
  gate_rule_free (p);
}

int
gate_check (const cJSON *submissions, const char *const *requires,
            const char *submission, GString *out, GError **error)
{
  g_autoptr (GPtrArray) subs = gate_targets (submissions, submission,
                                             error);
  if (subs == NULL)
    return GATE_BAD;
  g_autoptr (GPtrArray) rules = g_ptr_array_new_with_free_func (rule_free_ptr);
  for (guint i = 0; requires && requires[i]; i++) {
    GateRule *rule = gate_rule_parse (requires[i], error);
    if (rule == NULL)
      return GATE_BAD;
    g_ptr_array_add (rules, rule);
    if (subs->len > 0 && !metric_known (subs, rule, error))
      return GATE_BAD;
  }
  int rc = GATE_PASS;
  for (guint r = 0; r < rules->len; r++)
    for (guint i = 0; i < subs->len; i++)
      if (!check_one (subs->pdata[i], rules->pdata[r], out))
        rc = GATE_FAIL;
  return rc;
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
static gboolean
max_drop_one (const cJSON *bsub, const cJSON *sub, const char *metric,
              double max, GString *out)
{
  const cJSON *b = rjson_path (bsub, metric), *c = rjson_path (sub, metric);
  const char *id = rjson_str (sub, "id", "?");
  if (!cJSON_IsNumber (b) || !cJSON_IsNumber (c)) {
    g_string_append_printf (out, "FAIL %s: %s drop not computable (no value "
                                 "in %s)\n", id, metric,
                            cJSON_IsNumber (b) ? "this run" : "the baseline");
    return FALSE;
  }
  double drop = b->valuedouble - c->valuedouble;
  gboolean ok = drop <= max + 1e-12;
  g_string_append_printf (out, "%s %s: %s drop ≤ ", ok ? "ok  " : "FAIL", id,
                          metric);
  append_value (out, max);
  g_string_append (out, " (baseline ");
  append_value (out, b->valuedouble);
  g_string_append (out, ", now ");
  append_value (out, c->valuedouble);
  g_string_append (out, ", drop ");
  append_value (out, drop);
  g_string_append (out, ")\n");
  return ok;
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
               GString *out, GError **error)
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
    for (guint k = 0; k < drops->len; k++)
      if (!max_drop_one (bsub, subs->pdata[i], drops->pdata[k],
                         g_array_index (maxes, double, k), out))
        rc = GATE_FAIL;
  }
  return rc;
}

int
gate_run (const GateOptions *opts, GString *out, GError **error)
{
  if (opts->max_drops && opts->max_drops[0] && opts->baseline_dir == NULL) {
    g_set_error (error, GATE_ERROR, GATE_ERROR_EXPR,
                 "--max-drop needs --baseline DIR");
    return GATE_BAD;
  }
  g_autoptr (Results) results = load_results (opts->run_dir, error);
  if (results == NULL)
    return GATE_BAD;
  g_autoptr (GString) checks = g_string_new (NULL);
  int rc = gate_check (results->submissions, opts->requires,
                       opts->submission, checks, error);
  if (rc == GATE_BAD)
    return rc;
  int brc = GATE_PASS;
  if (opts->baseline_dir) {
    brc = gate_baseline (opts, results, checks, error);
    if (brc == GATE_BAD)
      return brc;
  }
  g_string_append_len (out, checks->str, checks->len);
  return rc == GATE_FAIL || brc == GATE_FAIL ? GATE_FAIL : GATE_PASS;
}
