#include "reports/html.h"

#include <math.h>
#include <string.h>

#include "reports/conditions.h"
#include "reports/escape.h"
#include "reports/explain.h"
#include "reports/i18n.h"
#include "reports/rjson.h"

static const char html_css[] =
  "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222;"
  "max-width:1200px}"
  "table{border-collapse:collapse;margin:1em 0;font-size:13px;"
  "display:block;overflow-x:auto;max-width:100%}"
  "th,td{border:1px solid #ccc;padding:4px 6px;vertical-align:top}"
  "th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap}"
  ".tie{color:#a05a00;font-weight:bold}.ci{color:#666;font-size:11px}"
  ".matched{color:#1a7f37}.missing{color:#9a6700}"
  ".contradiction{color:#cf222e;font-weight:bold}.other_value{color:#555}"
  "pre.t{white-space:pre-wrap;max-width:420px;margin:0;font-family:inherit}"
  ".note{background:#fff8e1;border-left:4px solid #e0a800;padding:6px 10px}"
  "figure{margin:1em 0}svg{max-width:100%;height:auto}"
  "ul.facts{margin:0;padding-left:1.2em}";

static void
h (GString *o, const char *text)
{
  escape_html (o, text);
}

static void
section (GString *o, const char *id, I18nKey title, ReportLang lang)
{
  g_string_append_printf (o, "<section id=\"%s\"><h2>", id);
  h (o, i18n (title, lang));
  g_string_append (o, "</h2>\n");
}

static void
th (GString *o, const char *text)
{
  g_string_append (o, "<th>");
  h (o, text);
  g_string_append (o, "</th>");
}

static void
td_pct (GString *o, const cJSON *obj, const char *key, const char *ci_key,
        ReportLang lang)
{
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_pct (t, obj, key, lang);
  g_string_append (o, "<td class=\"n\">");
  h (o, t->str);
  if (ci_key) {
    g_string_truncate (t, 0);
    rjson_ci_pct (t, obj, ci_key, lang);
    g_string_append (o, " <span class=\"ci\">");
    h (o, t->str);
    g_string_append (o, "</span>");
  }
  g_string_append (o, "</td>");
}

static void
td_num (GString *o, const cJSON *obj, const char *key, int decimals,
        ReportLang lang)
{
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_fmt_key (t, obj, key, decimals, lang);
  g_string_append (o, "<td class=\"n\">");
  h (o, t->str);
  g_string_append (o, "</td>");
}

static void
td_text (GString *o, const char *text)
{
  g_string_append (o, "<td>");
  h (o, text);
  g_string_append (o, "</td>");
}

static void
figure (GString *o, GHashTable *plots, const char *name)
{
  const char *svg = plots ? g_hash_table_lookup (plots, name) : NULL;
  if (svg)
    g_string_append_printf (o, "<figure>%s</figure>\n", svg);
}

static gboolean
tied (const Results *results, const char *id)
{
  const cJSON *group, *x;
  cJSON_ArrayForEach (group, results->ties)
    cJSON_ArrayForEach (x, group)
      if (cJSON_IsString (x) && g_strcmp0 (x->valuestring, id) == 0)
        return TRUE;
  return FALSE;
}

static void
leaderboard (GString *o, const RunData *rd, GHashTable *plots,
             ReportLang lang)
{
  section (o, "leaderboard", I18N_LEADERBOARD, lang);
  g_string_append (o, "<table><tr>");
  th (o, i18n (I18N_RANK, lang));
  th (o, i18n (I18N_SUBMISSION, lang));
  th (o, i18n (I18N_PROVINCE, lang));
  g_autofree char *comp = g_strdup_printf ("%s (%s)",
                                           i18n (I18N_COMPOSITE, lang),
                                           i18n (I18N_CI95, lang));
  th (o, comp);
  th (o, i18n (I18N_ACCURACY, lang));
  th (o, i18n (I18N_NEARMISS, lang));
  th (o, i18n (I18N_ROBUSTNESS, lang));
  th (o, i18n (I18N_SLA_SHARE, lang));
  th (o, i18n (I18N_AVAILABILITY, lang));
  th (o, i18n (I18N_TIE, lang));
  g_string_append (o, "</tr>\n");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    const char *id = rjson_str (sub, "id", "?");
    g_string_append (o, "<tr>");
    td_num (o, sub, "rank", 0, lang);
    g_string_append (o, "<td><b>");
    h (o, id);
    g_string_append (o, "</b> ");
    h (o, rjson_str (sub, "name", ""));
    g_string_append (o, "</td>");
    td_text (o, rjson_str (sub, "province", ""));
    td_pct (o, sub, "composite", "composite_ci", lang);
    td_pct (o, sub, "accuracy", "accuracy_ci", lang);
    td_pct (o, sub, "nearmiss_accuracy", "nearmiss_ci", lang);
    td_pct (o, sub, "robustness", "robustness_ci", lang);
    td_pct (o, sub, "latency_score", NULL, lang);
    td_pct (o, sub, "availability", NULL, lang);
    g_string_append (o, "<td class=\"tie\">");
    if (tied (rd->results, id))
      g_string_append_printf (o, "≈%d",
                              (int) rjson_num_or (sub, "tie_group", 0));
    g_string_append (o, "</td></tr>\n");
  }
  g_string_append (o, "</table>\n<ul>\n");
  const cJSON *group, *x;
  cJSON_ArrayForEach (group, rd->results->ties)
  {
    g_string_append (o, "<li>");
    gboolean first = TRUE;
    cJSON_ArrayForEach (x, group)
    {
      g_string_append (o, first ? "" : ", ");
      h (o, cJSON_IsString (x) ? x->valuestring : "?");
      first = FALSE;
    }
    g_string_append (o, ": ");
    h (o, i18n (I18N_TIED_NOTE, lang));
    g_string_append (o, "</li>\n");
  }
  g_string_append (o, "</ul>\n");
  figure (o, plots, "leaderboard");
  g_string_append (o, "</section>\n");
}

/* Red (0) through yellow to green (1): the same scale as the SVG plot. */
static void
heat_cell (GString *o, const cJSON *cat, ReportLang lang)
{
  double acc;
  if (!rjson_num (cat, "accuracy", &acc)) {
    g_string_append (o, "<td></td>");
    return;
  }
  int hue = (int) lround (CLAMP (acc, 0.0, 1.0) * 120.0);
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_pct (t, cat, "accuracy", lang);
  g_string_append_printf (o, "<td class=\"n\" style=\"background:hsl(%d,70%%,"
                             "75%%)\">", hue);
  h (o, t->str);
  g_string_append_printf (o, " <span class=\"ci\">%d/%d</span></td>",
                          (int) rjson_num_or (cat, "correct", 0),
                          (int) rjson_num_or (cat, "items", 0));
}

static void
categories (GString *o, const RunData *rd, GHashTable *plots,
            ReportLang lang)
{
  g_autoptr (GPtrArray) cats = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *sub, *c;
  cJSON_ArrayForEach (sub, rd->subs)
    cJSON_ArrayForEach (c, cJSON_GetObjectItemCaseSensitive (sub,
                                                            "by_category"))
      if (c->string && g_hash_table_add (seen, c->string))
        g_ptr_array_add (cats, c->string);
  section (o, "categories", I18N_BY_CATEGORY, lang);
  g_string_append (o, "<table><tr>");
  th (o, i18n (I18N_SUBMISSION, lang));
  for (guint k = 0; k < cats->len; k++)
    th (o, cats->pdata[k]);
  g_string_append (o, "</tr>\n");
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_string_append (o, "<tr>");
    td_text (o, rjson_str (sub, "id", "?"));
    const cJSON *bc = cJSON_GetObjectItemCaseSensitive (sub, "by_category");
    for (guint k = 0; k < cats->len; k++)
      heat_cell (o, cJSON_GetObjectItemCaseSensitive (bc, cats->pdata[k]),
                 lang);
    g_string_append (o, "</tr>\n");
  }
  g_string_append (o, "</table>\n");
  figure (o, plots, "heatmap");
  g_string_append (o, "</section>\n");
}

static void
kind_row (GString *o, const char *id, const cJSON *kind, ReportLang lang)
{
  g_string_append (o, "<tr>");
  td_text (o, id);
  td_text (o, kind->string);
  td_num (o, kind, "variants", 0, lang);
  td_pct (o, kind, "accuracy", NULL, lang);
  td_pct (o, kind, "robustness", "robustness_ci", lang);
  td_pct (o, kind, "drop", NULL, lang);
  g_string_append (o, "</tr>\n");
}

static void
nearmiss (GString *o, const RunData *rd, GHashTable *plots, ReportLang lang)
{
  section (o, "nearmiss", I18N_BY_KIND, lang);
  g_string_append (o, "<table><tr>");
  th (o, i18n (I18N_SUBMISSION, lang));
  th (o, i18n (I18N_KIND, lang));
  th (o, i18n (I18N_VARIANTS, lang));
  th (o, i18n (I18N_ACCURACY, lang));
  th (o, i18n (I18N_ROBUSTNESS, lang));
  th (o, i18n (I18N_DROP, lang));
  g_string_append (o, "</tr>\n");
  const cJSON *sub, *kind;
  cJSON_ArrayForEach (sub, rd->subs)
    cJSON_ArrayForEach (kind, cJSON_GetObjectItemCaseSensitive (sub,
                                                               "by_kind"))
      kind_row (o, rjson_str (sub, "id", "?"), kind, lang);
  g_string_append (o, "</table>\n");
  figure (o, plots, "nearmiss");
  g_string_append (o, "</section>\n");
}

static void
latency (GString *o, const RunData *rd, GHashTable *plots, ReportLang lang)
{
  section (o, "latency", I18N_LATENCY_DIST, lang);
  g_string_append (o, "<p>");
  h (o, i18n (I18N_SLA, lang));
  g_string_append (o, ": ");
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_fmt_key (t, rd->results->contest, "sla_ms", 0, lang);
  h (o, t->str);
  g_string_append (o, " ms</p>\n<table><tr>");
  th (o, i18n (I18N_SUBMISSION, lang));
  th (o, "p50 ms");
  th (o, "p95 ms");
  th (o, "p99 ms");
  th (o, "mean ms");
  th (o, i18n (I18N_SLA_SHARE, lang));
  g_string_append (o, "</tr>\n");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_string_append (o, "<tr>");
    td_text (o, rjson_str (sub, "id", "?"));
    td_num (o, sub, "p50_ms", 0, lang);
    td_num (o, sub, "p95_ms", 0, lang);
    td_num (o, sub, "p99_ms", 0, lang);
    td_num (o, sub, "mean_ms", 0, lang);
    td_pct (o, sub, "latency_score", NULL, lang);
    g_string_append (o, "</tr>\n");
  }
  g_string_append (o, "</table>\n");
  figure (o, plots, "latency_cdf");
  g_string_append (o, "</section>\n");
}

static void
errors (GString *o, const RunData *rd, ReportLang lang)
{
  section (o, "errors", I18N_ERRORS_BY_CLASS, lang);
  g_string_append (o, "<table><tr>");
  th (o, i18n (I18N_SUBMISSION, lang));
  th (o, i18n (I18N_REQUESTS, lang));
  th (o, i18n (I18N_ERRORS, lang));
  th (o, i18n (I18N_ERROR_CLASS, lang));
  g_string_append (o, "</tr>\n");
  const cJSON *sub, *e;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_string_append (o, "<tr>");
    td_text (o, rjson_str (sub, "id", "?"));
    td_num (o, sub, "requests", 0, lang);
    td_num (o, sub, "errors", 0, lang);
    g_string_append (o, "<td>");
    const cJSON *by = cJSON_GetObjectItemCaseSensitive (sub,
                                                        "errors_by_class");
    cJSON_ArrayForEach (e, by)
    {
      h (o, e->string);
      g_string_append_printf (o, "=%d ", cJSON_IsNumber (e) ? e->valueint : 0);
    }
    if (cJSON_GetArraySize (by) == 0)
      h (o, i18n (I18N_NO_ERRORS, lang));
    g_string_append (o, "</td></tr>\n");
  }
  g_string_append (o, "</table>\n</section>\n");
}

static void
capacity (GString *o, const RunData *rd, GHashTable *plots, ReportLang lang)
{
  const cJSON *load = rd->results->load;
  if (load == NULL)
    return;
  section (o, "capacity", I18N_CAPACITY, lang);
  g_string_append (o, "<p>");
  h (o, rjson_str (load, "submission", ""));
  g_string_append (o, " — ");
  h (o, i18n (I18N_CAPACITY_NOTE, lang));
  g_string_append (o, ": <b>");
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_fmt_key (t, load, "capacity", 0, lang);
  h (o, t->str);
  g_string_append (o, "</b></p>\n<table><tr>");
  th (o, i18n (I18N_CONCURRENCY, lang));
  th (o, i18n (I18N_REQUESTS, lang));
  th (o, "p50 ms");
  th (o, "p95 ms");
  th (o, "p99 ms");
  th (o, i18n (I18N_ERROR_RATE, lang));
  th (o, i18n (I18N_ACCURACY, lang));
  th (o, i18n (I18N_RPS, lang));
  g_string_append (o, "</tr>\n");
  const cJSON *st;
  cJSON_ArrayForEach (st, cJSON_GetObjectItemCaseSensitive (load, "steps"))
  {
    g_string_append (o, "<tr>");
    td_num (o, st, "concurrency", 0, lang);
    td_num (o, st, "requests", 0, lang);
    td_num (o, st, "p50_ms", 0, lang);
    td_num (o, st, "p95_ms", 0, lang);
    td_num (o, st, "p99_ms", 0, lang);
    td_pct (o, st, "error_rate", NULL, lang);
    td_pct (o, st, "accuracy", NULL, lang);
    td_num (o, st, "rps", 1, lang);
    g_string_append (o, "</tr>\n");
  }
  g_string_append (o, "</table>\n");
  figure (o, plots, "capacity");
  g_string_append (o, "</section>\n");
}

static void
fact_item (GString *o, const cJSON *fact, ReportLang lang)
{
  const char *status = rjson_str (fact, "status", "?");
  g_string_append (o, "<li><span class=\"");
  h (o, status);
  g_string_append (o, "\">");
  h (o, rjson_str (fact, "type", "?"));
  g_string_append (o, ": ");
  h (o, i18n_status (status, lang));
  g_string_append (o, "</span>");
  const char *span = rjson_str (fact, "span", NULL);
  if (span && *span) {
    g_string_append (o, " «");
    h (o, span);
    g_string_append (o, "»");
  }
  const char *reason = rjson_str (fact, "reason", NULL);
  if (reason && *reason) {
    g_string_append (o, " — ");
    h (o, reason);
  }
  g_string_append (o, "</li>");
}

static void
facts_cell (GString *o, const ScoreRecord *rec, ReportLang lang)
{
  g_string_append (o, "<td><ul class=\"facts\">");
  if (rec->error_class != FAILURE_NONE) {
    g_string_append (o, "<li class=\"contradiction\">");
    h (o, i18n (I18N_REQUEST_FAILED, lang));
    g_string_append (o, ": ");
    h (o, failure_name (rec->error_class));
    g_string_append (o, "</li>");
  }
  const cJSON *x;
  for (guint i = 0; i < rec->n_turns; i++) {
    const cJSON *j = rec->turns[i].judgement_tree;
    cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (j, "facts"))
      fact_item (o, x, lang);
    cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (j, "forbid"))
    {
      g_string_append (o, "<li class=\"contradiction\">");
      h (o, i18n (I18N_FORBIDDEN, lang));
      g_string_append (o, " «");
      h (o, rjson_str (x, "span", ""));
      g_string_append (o, "» — ");
      h (o, rjson_str (x, "reason", ""));
      g_string_append (o, "</li>");
    }
  }
  g_string_append (o, "</ul></td>");
}

static void
worst_row (GString *o, const ScoreRecord *rec, ReportLang lang)
{
  g_autofree char *q = explain_question (rec);
  g_autofree char *a = explain_answer (rec);
  g_string_append (o, "<tr><td>");
  h (o, rec->item ? rec->item : "?");
  g_string_append (o, "<br><span class=\"ci\">");
  h (o, rec->variant ? rec->variant : "clean");
  g_string_append (o, "</span></td>");
  g_autoptr (GString) score = g_string_new (NULL);
  rjson_fmt (score, rec->score, 2, lang);
  g_string_append (o, "<td class=\"n\">");
  h (o, score->str);
  g_string_append (o, "</td><td><pre class=\"t\">");
  h (o, q);
  g_string_append (o, "</pre></td><td><pre class=\"t\">");
  h (o, a);
  g_string_append (o, "</pre></td>");
  facts_cell (o, rec, lang);
  g_string_append (o, "</tr>\n");
}

static void
sub_summary (GString *o, const cJSON *sub, ReportLang lang)
{
  g_autoptr (GString) t = g_string_new (NULL);
  g_string_append_printf (t, "%s: ", i18n (I18N_CORRECT, lang));
  rjson_fmt_key (t, sub, "correct", 0, lang);
  g_string_append_c (t, '/');
  rjson_fmt_key (t, sub, "items", 0, lang);
  g_string_append_printf (t, " · %s: ", i18n (I18N_LENIENT, lang));
  rjson_pct (t, sub, "lenient_accuracy", lang);
  g_string_append_printf (t, " · %s: ", i18n (I18N_MEAN_SCORE, lang));
  rjson_fmt_key (t, sub, "mean_score", 3, lang);
  g_string_append_printf (t, " · %s: ", i18n (I18N_CONTRADICTIONS, lang));
  rjson_fmt_key (t, sub, "contradictions", 0, lang);
  g_string_append_printf (t, " · %s: ", i18n (I18N_HALLUCINATION, lang));
  rjson_pct (t, sub, "hallucination_rate", lang);
  const cJSON *vs = cJSON_GetObjectItemCaseSensitive (sub, "vs_next");
  if (cJSON_IsObject (vs)) {
    g_string_append_printf (t, " · %s %s: p=", i18n (I18N_VS_NEXT, lang),
                            rjson_str (vs, "id", "?"));
    rjson_fmt_key (t, vs, "p_composite", 3, lang);
    g_string_append_printf (t, " (%s)",
                            i18n (rjson_bool (vs, "separable", FALSE)
                                      ? I18N_SEPARABLE_YES
                                      : I18N_SEPARABLE_NO,
                                  lang));
  }
  g_string_append (o, "<p>");
  h (o, t->str);
  g_string_append (o, "</p>\n");
}

static void
detail_one (GString *o, const RunData *rd, guint i, const cJSON *sub,
            ReportLang lang)
{
  g_string_append (o, "<h3>");
  h (o, rjson_str (sub, "id", "?"));
  g_string_append (o, " — ");
  h (o, rjson_str (sub, "name", ""));
  g_string_append (o, " (");
  h (o, rjson_str (sub, "province", ""));
  g_string_append (o, ")</h3>\n");
  sub_summary (o, sub, lang);
  if (rd->hidden_records[i] > 0) {
    g_string_append (o, "<p class=\"note\">");
    h (o, i18n (I18N_HIDDEN_NOTE, lang));
    g_string_append (o, "</p>\n");
  }
  GPtrArray *worst = rd->worst->pdata[i];
  if (worst->len == 0)
    return;
  g_string_append (o, "<h4>");
  h (o, i18n (I18N_WORST, lang));
  g_string_append (o, "</h4>\n<table><tr>");
  th (o, i18n (I18N_ITEM, lang));
  th (o, i18n (I18N_SCORE, lang));
  th (o, i18n (I18N_QUESTION, lang));
  th (o, i18n (I18N_ANSWER, lang));
  th (o, i18n (I18N_EXPLANATION, lang));
  g_string_append (o, "</tr>\n");
  for (guint k = 0; k < worst->len; k++)
    worst_row (o, worst->pdata[k], lang);
  g_string_append (o, "</table>\n");
}

static void
details (GString *o, const RunData *rd, ReportLang lang)
{
  section (o, "detail", I18N_DETAIL, lang);
  guint i = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
    detail_one (o, rd, i++, sub, lang);
  g_string_append (o, "</section>\n");
}

static void
meta_row (GString *o, const char *key, const char *value)
{
  g_string_append (o, "<tr>");
  th (o, key);
  td_text (o, value);
  g_string_append (o, "</tr>\n");
}

static void
methodology (GString *o, const RunData *rd, ReportLang lang)
{
  const Results *r = rd->results;
  const cJSON *contest = r->contest;
  section (o, "methodology", I18N_METHODOLOGY, lang);
  g_string_append (o, "<p>");
  h (o, i18n (I18N_COMPOSITE_RULE, lang));
  g_string_append (o, "</p>\n<table>\n");
  g_autoptr (GString) t = g_string_new (NULL);
  const cJSON *x;
  cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (contest, "weights"))
  {
    g_string_append_printf (t, "%s=", x->string);
    rjson_fmt (t, cJSON_IsNumber (x) ? x->valuedouble : 0, 2, lang);
    g_string_append_c (t, ' ');
  }
  meta_row (o, i18n (I18N_WEIGHTS, lang), t->str);
  g_string_truncate (t, 0);
  rjson_fmt_key (t, contest, "sla_ms", 0, lang);
  g_string_append (t, " ms");
  meta_row (o, i18n (I18N_SLA, lang), t->str);
  g_string_truncate (t, 0);
  rjson_fmt_key (t, contest, "seed", 0, lang);
  meta_row (o, i18n (I18N_SEED, lang), t->str);
  g_string_truncate (t, 0);
  rjson_fmt_key (t, contest, "resamples", 0, lang);
  meta_row (o, i18n (I18N_RESAMPLES, lang), t->str);
  cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (contest,
                                                          "testsets"))
  {
    g_string_truncate (t, 0);
    gboolean hidden = g_strcmp0 (rjson_str (x, "visibility", ""),
                                 "hidden") == 0;
    g_string_append_printf (t, "%s (%s, %d) sha256 %s",
                            rjson_str (x, "name", "?"),
                            i18n (hidden ? I18N_HIDDEN : I18N_PUBLIC, lang),
                            (int) rjson_num_or (x, "items", 0),
                            rjson_str (x, "sha256", "?"));
    meta_row (o, i18n (I18N_QSETS, lang), t->str);
  }
  meta_row (o, i18n (I18N_VERSION, lang),
            r->vabench_version ? r->vabench_version : "?");
  meta_row (o, i18n (I18N_STARTED, lang),
            r->started_at ? r->started_at : "");
  meta_row (o, i18n (I18N_FINISHED, lang),
            r->finished_at ? r->finished_at : "");
  g_string_append (o, "</table>\n</section>\n");
}

static void
head (GString *o, const RunData *rd, ReportLang lang)
{
  const char *name = rjson_str (rd->results->contest, "name",
                                rd->results->run_id ? rd->results->run_id
                                                    : "vabench");
  g_string_append_printf (
      o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
         "'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>",
      lang == REPORT_LANG_EN ? "en" : "vi");
  h (o, i18n (I18N_TITLE, lang));
  g_string_append (o, " — ");
  h (o, name);
  g_string_append_printf (o, "</title>\n<style>%s</style>\n</head>\n<body>\n"
                             "<h1>", html_css);
  h (o, i18n (I18N_TITLE, lang));
  g_string_append (o, "</h1>\n<p>");
  h (o, i18n (I18N_CONTEST, lang));
  g_string_append (o, ": <b>");
  h (o, name);
  g_string_append (o, "</b> · ");
  h (o, i18n (I18N_RUN, lang));
  g_string_append (o, ": ");
  const Results *r = rd->results;
  h (o, r->run_id ? r->run_id : "?");
  g_string_append (o, " · ");
  h (o, r->started_at ? r->started_at : "");
  g_string_append (o, " → ");
  h (o, r->finished_at ? r->finished_at : "");
  g_string_append (o, "</p>\n");
}

char *
html_report (const RunData *rd, GHashTable *plots, ReportLang lang)
{
  g_autoptr (GString) o = g_string_sized_new (64 * 1024);
  head (o, rd, lang);
  if (plots == NULL) {
    g_string_append (o, "<p class=\"note\">");
    h (o, i18n (I18N_NO_PLOTS, lang));
    g_string_append (o, "</p>\n");
  }
  if (g_hash_table_size (rd->hidden_sets) > 0) {
    g_string_append (o, "<p class=\"note\">");
    h (o, i18n (I18N_HIDDEN_NOTE, lang));
    g_string_append (o, "</p>\n");
  }
  leaderboard (o, rd, plots, lang);
  categories (o, rd, plots, lang);
  nearmiss (o, rd, plots, lang);
  latency (o, rd, plots, lang);
  errors (o, rd, lang);
  capacity (o, rd, plots, lang);
  details (o, rd, lang);
  conditions_html (o, rd->results, lang);
  methodology (o, rd, lang);
  g_string_append (o, "</body>\n</html>\n");
  return g_string_free (g_steal_pointer (&o), FALSE);
}
