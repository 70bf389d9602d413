#include "reports/csv.h"

#include <math.h>
#include <string.h>

#include "reports/escape.h"
#include "reports/explain.h"
#include "reports/rjson.h"

static const char *const csv_result_cols[] = {
  "rank", "id", "name", "province", "tie_group", "composite",
  "composite_ci", "accuracy", "accuracy_ci", "lenient_accuracy",
  "mean_score", "nearmiss_variants", "nearmiss_accuracy", "nearmiss_ci",
  "robustness", "robustness_ci", "robustness_pairs", "items", "correct",
  "contradictions", "hallucination_rate", "records", "requests",
  "failed_requests", "errors", "availability", "latency_score", "p50_ms",
  "p95_ms", "p99_ms", "mean_ms",
};

static void
csv_number (GString *out, double v)
{
  /* Counts and 0/1 scores are most numbers here: no float formatting.
   * The range first: casting 6.7e88 to gint64 is undefined (found by
   * tests/fuzz/fuzz-rundata on a results.json from elsewhere). */
  if (fabs (v) < 1e15 && v == (double) (gint64) v) {
    g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) v);
    return;
  }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_string_append (out, g_ascii_formatd (buf, sizeof buf, "%.6g", v));
}

/* An interval column becomes two: NAME_lo and NAME_hi. */
static gboolean
is_ci (const char *col)
{
  return g_str_has_suffix (col, "_ci");
}

static void
csv_cell (GString *out, const cJSON *sub, const char *col)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (sub, col);
  if (is_ci (col)) {
    double lo, hi;
    if (rjson_ci (sub, col, &lo, &hi)) {
      csv_number (out, lo);
      g_string_append_c (out, ',');
      csv_number (out, hi);
    } else {
      g_string_append_c (out, ',');
    }
  } else if (cJSON_IsNumber (n)) {
    csv_number (out, n->valuedouble);
  } else if (cJSON_IsString (n)) {
    escape_csv (out, n->valuestring);
  }
}

char *
csv_results (const Results *results)
{
  g_autoptr (GString) out = g_string_new (CSV_BOM);
  for (guint c = 0; c < G_N_ELEMENTS (csv_result_cols); c++) {
    const char *col = csv_result_cols[c];
    if (c)
      g_string_append_c (out, ',');
    if (is_ci (col))
      g_string_append_printf (out, "%.*s_lo,%.*s_hi",
                              (int) strlen (col) - 3, col,
                              (int) strlen (col) - 3, col);
    else
      g_string_append (out, col);
  }
  g_string_append (out, "\r\n");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, results->submissions)
  {
    for (guint c = 0; c < G_N_ELEMENTS (csv_result_cols); c++) {
      if (c)
        g_string_append_c (out, ',');
      csv_cell (out, sub, csv_result_cols[c]);
    }
    g_string_append (out, "\r\n");
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
csv_items_header (GString *out)
{
  g_string_append (out, CSV_BOM "submission,testset,item,category,kind,variant,"
                        "variant_kind,correct,score,lenient_score,"
                        "contradictions,error_class,latency_ms,question,"
                        "answer,explanation\r\n");
}

static void
csv_text (GString *out, const char *s)
{
  if (s)
    escape_csv (out, s);
  g_string_append_c (out, ',');
}

static void
csv_value (GString *out, double v)
{
  csv_number (out, v);
  g_string_append_c (out, ',');
}

/* Sum over turns: the time the citizen waited for the whole item. */
static void
csv_latency (GString *out, const ScoreRecord *rec)
{
  double total = 0;
  for (guint i = 0; i < rec->n_latency; i++)
    total += rec->latency_us[i];
  if (rec->n_latency)
    csv_number (out, total / 1000.0);
  g_string_append_c (out, ',');
}

void
csv_items_row (GString *out, const ScoreRecord *rec, ReportLang lang)
{
  csv_text (out, rec->submission);
  csv_text (out, rec->testset);
  csv_text (out, rec->item);
  csv_text (out, rec->category);
  csv_text (out, item_kind_name (rec->kind));
  csv_text (out, rec->variant);
  csv_text (out, rec->variant_kind);
  csv_text (out, rec->correct ? "true" : "false");
  csv_value (out, rec->score);
  csv_value (out, rec->lenient_score);
  csv_value (out, (double) rec->contradictions);
  csv_text (out, failure_name (rec->error_class));
  csv_latency (out, rec);
  g_autofree char *q = explain_question (rec);
  g_autofree char *full = explain_answer (rec);
  g_autofree char *a = explain_shorten (full, CSV_CELL_MAX, lang);
  g_autofree char *e = rec->correct ? g_strdup ("")
                                    : explain_record (rec, lang);
  escape_csv (out, q);
  g_string_append_c (out, ',');
  escape_csv (out, a);
  g_string_append_c (out, ',');
  escape_csv (out, e);
  g_string_append (out, "\r\n");
}
