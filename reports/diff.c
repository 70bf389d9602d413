#include "reports/diff.h"

#include "reports/outcomes.h"
#include "reports/provenance.h"
#include "reports/rjson.h"
#include "rundir/results.h"
#include "rundir/run_manifest.h"

G_DEFINE_QUARK (vabench-diff-error-quark, diff_error)

static const char *const diff_metrics[] = {
  "rank", "composite", "accuracy", "nearmiss_accuracy", "robustness",
  "latency_score", "availability", "hallucination_rate", "p50_ms", "p95_ms",
  "errors",
};

static const cJSON *
find_sub (const Results *results, const char *id)
{
  const cJSON *s;
  cJSON_ArrayForEach (s, results->submissions)
    if (g_strcmp0 (rjson_str (s, "id", NULL), id) == 0)
      return s;
  return NULL;
}

static void
num (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.4g", v));
}

static void
metric_deltas (GString *out, const cJSON *sa, const cJSON *sb)
{
  for (guint i = 0; i < G_N_ELEMENTS (diff_metrics); i++) {
    double a, b;
    gboolean ha = rjson_num (sa, diff_metrics[i], &a);
    gboolean hb = rjson_num (sb, diff_metrics[i], &b);
    if (!ha && !hb)
      continue;
    g_string_append_printf (out, "  %-18s ", diff_metrics[i]);
    if (ha) num (out, a); else g_string_append (out, "–");
    g_string_append (out, " → ");
    if (hb) num (out, b); else g_string_append (out, "–");
    if (ha && hb) {
      g_string_append (out, b - a >= 0 ? " (+" : " (");
      num (out, b - a);
      g_string_append_c (out, ')');
    }
    g_string_append_c (out, '\n');
  }
}

static void
flips_list (GString *out, GPtrArray *flips, gboolean now_correct)
{
  guint n = 0, hidden = 0;
  for (guint i = 0; i < flips->len; i++) {
    const OutcomeFlip *f = flips->pdata[i];
    if (f->now_correct != now_correct)
      continue;
    n++;
    if (f->hidden)
      hidden++;
  }
  g_string_append_printf (out, "  %s: %u\n",
                          now_correct ? "wrong → correct" : "correct → wrong",
                          n);
  for (guint i = 0; i < flips->len; i++) {
    const OutcomeFlip *f = flips->pdata[i];
    if (f->now_correct == now_correct && !f->hidden)
      g_string_append_printf (out, "    %s\n", f->key);
  }
  if (hidden)
    g_string_append_printf (out, "    (%u of hidden sets, not listed)\n",
                            hidden);
}

static void
diff_submission (GString *out, const char *id, const Results *ra,
                 const Results *rb, const Outcomes *oa, const Outcomes *ob)
{
  const cJSON *sa = find_sub (ra, id), *sb = find_sub (rb, id);
  g_string_append_printf (out, "## %s\n", id);
  if (sa == NULL || sb == NULL) {
    g_string_append_printf (out, "  only in the %s run\n",
                            sa ? "first" : "second");
    return;
  }
  metric_deltas (out, sa, sb);
  if (oa == NULL || ob == NULL)
    return;
  guint paired = 0;
  g_autoptr (GPtrArray) flips = outcomes_flips (oa, ob, id, &paired);
  g_string_append_printf (out, "  paired records: %u\n", paired);
  flips_list (out, flips, FALSE);
  flips_list (out, flips, TRUE);
}

/* Submission ids of both runs, first run's order then new ones. */
static GPtrArray *
union_ids (const Results *ra, const Results *rb)
{
  GPtrArray *ids = g_ptr_array_new ();
  const Results *runs[] = { ra, rb };
  const cJSON *s;
  for (guint r = 0; r < 2; r++)
    cJSON_ArrayForEach (s, runs[r]->submissions)
    {
      const char *id = rjson_str (s, "id", NULL);
      if (id && (r == 0 || find_sub (ra, id) == NULL))
        g_ptr_array_add (ids, (gpointer) id);
    }
  return ids;
}

gboolean
diff_runs (const char *run_a, const char *run_b, gboolean allow_different,
           GString *out, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (Results) ra = results_read (run_a, &local);
  g_autoptr (Results) rb = ra ? results_read (run_b, &local) : NULL;
  if (rb == NULL) {
    g_set_error_literal (error, DIFF_ERROR, DIFF_ERROR_INPUT, local->message);
    return FALSE;
  }
  g_autoptr (GString) changes = g_string_new (NULL);
  gboolean same = provenance_same_sets (run_a, ra, run_b, rb,
                                        "the first run", "the second",
                                        changes);
  if (!same && !allow_different) {
    g_set_error (error, DIFF_ERROR, DIFF_ERROR_TESTSETS,
                 "the runs were scored with different question sets:\n%s"
                 "compare them anyway with --allow-different-sets",
                 changes->str);
    return FALSE;
  }
  /* Scores are optional: without them only metric deltas are shown. */
  g_autoptr (Outcomes) oa = outcomes_load (run_a, FALSE, NULL);
  g_autoptr (Outcomes) ob = outcomes_load (run_b, FALSE, NULL);
  g_string_append_printf (out, "# diff %s → %s\n", run_a, run_b);
  if (!same)
    g_string_append_printf (out, "! different question sets "
                                 "(--allow-different-sets):\n%s",
                            changes->str);
  g_autoptr (GPtrArray) ids = union_ids (ra, rb);
  for (guint i = 0; i < ids->len; i++)
    diff_submission (out, ids->pdata[i], ra, rb, oa, ob);
  return TRUE;
}
