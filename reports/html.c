#include "reports/html.h"

#include <math.h>
#include <string.h>

#include "reports/appeals.h"
#include "reports/conditions.h"
#include "reports/htmlw.h"
#include "reports/integrity.h"
#include "reports/i18n.h"
#include "reports/labels.h"
#include "reports/plot.h"
#include "reports/rjson.h"
#include "reports/runstate.h"
#include "reports/ties.h"

/* Screen: tables take the page's width and wrap their cells instead of
 * scrolling (a scrolled table hides columns on a 1400 px screen). Print:
 * A4, a named landscape page for wide sections, each section on a new
 * page, table heads repeated, rows and figures never split. */
static const char html_css[] =
  "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:1.5em auto;"
  "padding:0 1em;color:#222;max-width:1600px}"
  "h1{font-size:22px}h2{font-size:18px;border-bottom:2px solid #1f4e9c;"
  "padding-bottom:2px;margin-top:1.6em}"
  "table{border-collapse:collapse;margin:.8em 0;font-size:12px;width:100%}"
  "th,td{border:1px solid #ccc;padding:3px 5px;vertical-align:top;"
  "overflow-wrap:break-word}"
  "th{background:#eef2f8;font-weight:600;text-align:left;hyphens:none}"
  "td.n{text-align:right}.ci{color:#666;font-size:10px;white-space:nowrap}"
  ".tie{color:#8a4b00;font-weight:bold}"
  ".matched{color:#1a7f37}.contradiction{color:#cf222e}"
  ".muted{color:#666}"
  "pre.t{white-space:pre-wrap;margin:0;font-family:inherit;"
  "overflow-wrap:anywhere}"
  ".note{background:#fff8e1;border-left:4px solid #e0a800;padding:6px 10px}"
  "figure{margin:1em 0}figure svg{width:100%;height:auto;max-width:1000px}"
  ".print-only{display:none}"
  "ul.why{margin:0;padding-left:1.1em}dl.terms dt{font-weight:600}"
  "dl.terms dd{margin:0 0 .4em 1.2em}"
  "table.worst col.c1{width:12%}table.worst col.c2{width:5%}"
  "table.worst col.c3{width:20%}table.worst col.c4{width:33%}"
  "@page{size:A4 portrait;margin:12mm 10mm}"
  "@page wide{size:A4 landscape;margin:10mm}"
  "@media print{body{margin:0;padding:0;max-width:none;font-size:9pt}"
  "section+section{break-before:page}.wide{page:wide}"
  "table.worst tr.screen{display:none}"
  "table{font-size:7.5pt}thead{display:table-header-group}"
  "tr,figure,li{break-inside:avoid}h2,h3,h4{break-after:avoid}"
  "figure svg{max-width:100%;max-height:170mm}"
  ".note{border-left-width:2px}.print-only{display:block}}";

static void
heat_cell (GString *o, const cJSON *cat, ReportLang lang)
{
  double acc;
  if (!rjson_num (cat, "accuracy", &acc)) {
    g_string_append (o, "<td></td>");
    return;
  }
  /* Red (0) through yellow to green (1): the same scale as the plots. */
  int hue = (int) lround (CLAMP (acc, 0.0, 1.0) * 120.0);
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_pct (t, cat, "accuracy", lang);
  g_string_append_printf (o, "<td class=\"n\" style=\"background:hsl(%d,70%%,"
                             "80%%)\">", hue);
  htmlw_text (o, t->str);
  g_string_append_printf (o, " <span class=\"ci\">%" G_GINT64_FORMAT "/%"
                          G_GINT64_FORMAT "</span></td>",
                          rjson_int_or (cat, "correct", 0, G_MAXINT64, 0),
                          rjson_int_or (cat, "items", 0, G_MAXINT64, 0));
}

static void
decisions (GString *o, const RunData *rd, ReportLang lang)
{
  const char *cols[] = { i18n (I18N_RANK, lang), i18n (I18N_SUBMISSION, lang),
                         lang == REPORT_LANG_EN
                             ? "Against the next-ranked: deciding test"
                             : "So với bài xếp ngay sau: phép kiểm định "
                               "quyết định",
                         NULL };
  htmlw_note (o, i18n (I18N_TIE_GROUP_NOTE, lang));
  htmlw_table (o, "pairs", cols);
  for (guint i = 0; i + 1 < rd->n_subs; i++) {
    g_autofree char *why = ties_decision (rd->results, i, lang);
    if (why == NULL)
      continue;
    g_autofree char *rank = ties_rank_label (rd->results, i);
    g_string_append (o, "<tr>");
    htmlw_td_text (o, rank);
    htmlw_td_text (o, rjson_str (cJSON_GetArrayItem (rd->subs, (int) i), "id",
                                 "?"));
    htmlw_td_text (o, why);
    g_string_append (o, "</tr>\n");
  }
  htmlw_table_end (o);
}

static void
leaderboard (GString *o, const RunData *rd, GHashTable *plots,
             ReportLang lang)
{
  htmlw_section (o, "leaderboard", i18n (I18N_LEADERBOARD, lang), TRUE);
  g_autofree char *comp = g_strdup_printf ("%s (%s)",
                                           i18n (I18N_COMPOSITE, lang),
                                           i18n (I18N_CI95, lang));
  const char *cols[] = {
    i18n (I18N_RANK, lang), i18n (I18N_SUBMISSION, lang),
    i18n (I18N_PROVINCE, lang), comp, i18n (I18N_ACCURACY, lang),
    i18n (I18N_NEARMISS, lang), i18n (I18N_ROBUSTNESS, lang),
    i18n (I18N_SLA_SHARE, lang), i18n (I18N_AVAILABILITY, lang),
    i18n (I18N_TIE, lang), NULL,
  };
  htmlw_table (o, "board", cols);
  guint i = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_autofree char *rank = ties_rank_label (rd->results, i);
    g_string_append (o, "<tr>");
    g_string_append (o, "<td class=\"n\">");
    htmlw_text (o, rank);
    g_string_append (o, "</td><td><b>");
    htmlw_text (o, rjson_str (sub, "id", "?"));
    g_string_append (o, "</b> ");
    htmlw_text (o, rjson_str (sub, "name", ""));
    g_string_append (o, "</td>");
    htmlw_td_text (o, rjson_str (sub, "province", ""));
    htmlw_td_pct (o, sub, "composite", "composite_ci", lang);
    htmlw_td_pct (o, sub, "accuracy", "accuracy_ci", lang);
    htmlw_td_pct (o, sub, "nearmiss_accuracy", "nearmiss_ci", lang);
    htmlw_td_pct (o, sub, "robustness", "robustness_ci", lang);
    htmlw_td_pct (o, sub, "latency_score", NULL, lang);
    htmlw_td_pct (o, sub, "availability", NULL, lang);
    g_string_append (o, "<td class=\"tie\">");
    int group;
    if (ties_in_group (rd->results, i, &group))
      g_string_append_printf (o, "%s %d", lang == REPORT_LANG_EN ? "group"
                                                                 : "nhóm",
                              group);
    g_string_append (o, "</td></tr>\n");
    i++;
  }
  htmlw_table_end (o);
  htmlw_figure (o, plots, "forest");
  decisions (o, rd, lang);
  htmlw_section_end (o);
}

/* Categories in first-seen order over all submissions. */
static GPtrArray *
categories_of (const RunData *rd)
{
  GPtrArray *cats = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *sub, *c;
  cJSON_ArrayForEach (sub, rd->subs)
    cJSON_ArrayForEach (c, cJSON_GetObjectItemCaseSensitive (sub,
                                                            "by_category"))
      if (c->string && g_hash_table_add (seen, c->string))
        g_ptr_array_add (cats, c->string);
  return cats;
}

static void
categories (GString *o, const RunData *rd, GHashTable *plots,
            ReportLang lang)
{
  g_autoptr (GPtrArray) cats = categories_of (rd);
  if (cats->len == 0)
    return;
  htmlw_section (o, "categories", i18n (I18N_BY_CATEGORY, lang), TRUE);
  g_autofree const char **cols = g_new0 (const char *, cats->len + 2);
  cols[0] = i18n (I18N_SUBMISSION, lang);
  for (guint k = 0; k < cats->len; k++) {
    const char *name = rundata_category_name (rd, cats->pdata[k]);
    cols[k + 1] = name ? name : cats->pdata[k];
  }
  htmlw_table (o, "heat", cols);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_string_append (o, "<tr>");
    htmlw_td_text (o, rjson_str (sub, "id", "?"));
    const cJSON *bc = cJSON_GetObjectItemCaseSensitive (sub, "by_category");
    for (guint k = 0; k < cats->len; k++)
      heat_cell (o, cJSON_GetObjectItemCaseSensitive (bc, cats->pdata[k]),
                 lang);
    g_string_append (o, "</tr>\n");
  }
  htmlw_table_end (o);
  htmlw_figure (o, plots, "categories");
  htmlw_section_end (o);
}

/* Kinds measured on any submission, in the contest's order first. */
static GPtrArray *
kinds_of (const RunData *rd)
{
  GPtrArray *kinds = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) measured = g_hash_table_new (g_str_hash,
                                                      g_str_equal);
  const cJSON *sub, *k;
  cJSON_ArrayForEach (sub, rd->subs)
    cJSON_ArrayForEach (k, cJSON_GetObjectItemCaseSensitive (sub, "by_kind"))
      if (k->string)
        (void) g_hash_table_add (measured, k->string);
  cJSON_ArrayForEach (k, rjson_path (rd->results->contest, "nearmiss_kinds"))
    if (cJSON_IsString (k) && g_hash_table_contains (measured, k->valuestring)
        && g_hash_table_add (seen, k->valuestring))
      g_ptr_array_add (kinds, k->valuestring);
  cJSON_ArrayForEach (sub, rd->subs)
    cJSON_ArrayForEach (k, cJSON_GetObjectItemCaseSensitive (sub, "by_kind"))
      if (k->string && g_hash_table_add (seen, k->string))
        g_ptr_array_add (kinds, k->string);
  return kinds;
}

/* Accuracy on a kind's variants, its drop against the question as
 * written and the robustness in small type. */
static void
kind_cell (GString *o, const cJSON *kind, ReportLang lang)
{
  if (kind == NULL) {
    g_string_append (o, "<td class=\"n\">–</td>");
    return;
  }
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_pct (t, kind, "accuracy", lang);
  g_string_append (o, "<td class=\"n\">");
  htmlw_text (o, t->str);
  double drop;
  if (rjson_num (kind, "drop", &drop)) {
    g_string_truncate (t, 0);
    g_string_append (t, drop > 0 ? "−" : "+");
    rjson_fmt (t, 100 * ABS (drop), 1, lang);
    g_string_append (o, " <span class=\"ci\">");
    htmlw_text (o, t->str);
    g_string_append (o, "</span>");
  }
  g_string_append (o, "</td>");
}

static void
nearmiss (GString *o, const RunData *rd, GHashTable *plots, ReportLang lang)
{
  g_autoptr (GPtrArray) kinds = kinds_of (rd);
  if (kinds->len == 0)
    return;
  htmlw_section (o, "nearmiss", i18n (I18N_BY_KIND, lang), TRUE);
  g_autofree char *note = g_strdup_printf (
      lang == REPORT_LANG_EN
          ? "Accuracy on each kind's variants; in small type the change "
            "against the questions as written (percentage points)."
          : "Độ chính xác trên câu biến thể của từng loại lỗi gõ; số nhỏ là "
            "mức thay đổi so với câu gốc (điểm phần trăm).");
  g_string_append_printf (o, "<p>");
  htmlw_text (o, note);
  g_string_append (o, "</p>\n");
  g_autofree const char **cols = g_new0 (const char *, kinds->len + 4);
  cols[0] = i18n (I18N_SUBMISSION, lang);
  cols[1] = i18n (I18N_CLEAN, lang);
  cols[2] = i18n (I18N_ROBUSTNESS, lang);
  for (guint k = 0; k < kinds->len; k++)
    cols[k + 3] = labels_nearmiss (kinds->pdata[k], lang);
  htmlw_table (o, "heat", cols);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_string_append (o, "<tr>");
    htmlw_td_text (o, rjson_str (sub, "id", "?"));
    htmlw_td_pct (o, sub, "accuracy", NULL, lang);
    htmlw_td_pct (o, sub, "robustness", NULL, lang);
    const cJSON *by = cJSON_GetObjectItemCaseSensitive (sub, "by_kind");
    for (guint k = 0; k < kinds->len; k++)
      kind_cell (o, cJSON_GetObjectItemCaseSensitive (by, kinds->pdata[k]),
                 lang);
    g_string_append (o, "</tr>\n");
  }
  htmlw_table_end (o);
  htmlw_figure (o, plots, "nearmiss");
  htmlw_section_end (o);
}

static void
latency (GString *o, const RunData *rd, GHashTable *plots, ReportLang lang)
{
  htmlw_section (o, "latency", i18n (I18N_LATENCY_DIST, lang), FALSE);
  g_autoptr (GString) t = g_string_new (NULL);
  g_string_append_printf (t, "%s: ", i18n (I18N_SLA, lang));
  rjson_fmt_key (t, rd->results->contest, "sla_ms", 0, lang);
  g_string_append (t, " ms");
  g_string_append (o, "<p>");
  htmlw_text (o, t->str);
  g_string_append (o, "</p>\n");
  const char *cols[] = { i18n (I18N_SUBMISSION, lang), i18n (I18N_P50, lang),
                         i18n (I18N_P95, lang), i18n (I18N_P99, lang),
                         i18n (I18N_MEAN_MS, lang),
                         i18n (I18N_SLA_SHARE, lang), NULL };
  htmlw_table (o, NULL, cols);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_string_append (o, "<tr>");
    htmlw_td_text (o, rjson_str (sub, "id", "?"));
    htmlw_td_num (o, sub, "p50_ms", 0, lang);
    htmlw_td_num (o, sub, "p95_ms", 0, lang);
    htmlw_td_num (o, sub, "p99_ms", 0, lang);
    htmlw_td_num (o, sub, "mean_ms", 0, lang);
    htmlw_td_pct (o, sub, "latency_score", NULL, lang);
    g_string_append (o, "</tr>\n");
  }
  htmlw_table_end (o);
  htmlw_figure (o, plots, "latency");
  htmlw_section_end (o);
}

static void
errors (GString *o, const RunData *rd, ReportLang lang)
{
  htmlw_section (o, "errors", i18n (I18N_ERRORS_BY_CLASS, lang), FALSE);
  const char *cols[] = { i18n (I18N_SUBMISSION, lang),
                         i18n (I18N_REQUESTS, lang), i18n (I18N_ERRORS, lang),
                         i18n (I18N_ERROR_CLASS, lang), NULL };
  htmlw_table (o, NULL, cols);
  const cJSON *sub, *e;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    g_string_append (o, "<tr>");
    htmlw_td_text (o, rjson_str (sub, "id", "?"));
    htmlw_td_num (o, sub, "requests", 0, lang);
    htmlw_td_num (o, sub, "errors", 0, lang);
    g_string_append (o, "<td>");
    const cJSON *by = cJSON_GetObjectItemCaseSensitive (sub,
                                                        "errors_by_class");
    gboolean first = TRUE;
    cJSON_ArrayForEach (e, by)
    {
      g_string_append (o, first ? "" : "; ");
      first = FALSE;
      htmlw_text (o, labels_failure_name (e->string, lang));
      g_string_append_printf (o, ": %d", cJSON_IsNumber (e) ? e->valueint : 0);
    }
    if (first)
      htmlw_text (o, i18n (I18N_NO_ERRORS, lang));
    g_string_append (o, "</td></tr>\n");
  }
  htmlw_table_end (o);
  htmlw_section_end (o);
}

static void
capacity (GString *o, const RunData *rd, GHashTable *plots, ReportLang lang)
{
  const cJSON *load = rd->results->load;
  if (load == NULL)
    return;
  htmlw_section (o, "capacity", i18n (I18N_CAPACITY, lang), FALSE);
  g_autoptr (GString) t = g_string_new (NULL);
  g_string_append_printf (t, "%s — %s: ", rjson_str (load, "submission", ""),
                          i18n (I18N_CAPACITY_NOTE, lang));
  rjson_fmt_key (t, load, "capacity", 0, lang);
  g_string_append (o, "<p>");
  htmlw_text (o, t->str);
  g_string_append (o, "</p>\n");
  const char *cols[] = { i18n (I18N_CONCURRENCY, lang),
                         i18n (I18N_REQUESTS, lang), i18n (I18N_P50, lang),
                         i18n (I18N_P95, lang), i18n (I18N_P99, lang),
                         i18n (I18N_ERROR_RATE, lang),
                         i18n (I18N_ACCURACY, lang), i18n (I18N_RPS, lang),
                         NULL };
  htmlw_table (o, NULL, cols);
  const cJSON *st;
  cJSON_ArrayForEach (st, cJSON_GetObjectItemCaseSensitive (load, "steps"))
  {
    g_string_append (o, "<tr>");
    htmlw_td_num (o, st, "concurrency", 0, lang);
    htmlw_td_num (o, st, "requests", 0, lang);
    htmlw_td_num (o, st, "p50_ms", 0, lang);
    htmlw_td_num (o, st, "p95_ms", 0, lang);
    htmlw_td_num (o, st, "p99_ms", 0, lang);
    htmlw_td_pct (o, st, "error_rate", NULL, lang);
    htmlw_td_pct (o, st, "accuracy", NULL, lang);
    htmlw_td_num (o, st, "rps", 1, lang);
    g_string_append (o, "</tr>\n");
  }
  htmlw_table_end (o);
  htmlw_figure (o, plots, "capacity");
  htmlw_section_end (o);
}

/* The title block prints on the leaderboard's (landscape) page rather
 * than alone on a portrait one. */
static void
head (GString *o, const RunData *rd, GHashTable *plots, ReportLang lang)
{
  const Results *r = rd->results;
  const char *name = rjson_str (r->contest, "name",
                                r->run_id ? r->run_id : "vabench");
  g_string_append_printf (
      o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
         "'none'; style-src 'unsafe-inline'; img-src data:\">\n"
         "<meta name=\"viewport\" content=\"width=device-width\">\n<title>",
      lang == REPORT_LANG_EN ? "en" : "vi");
  htmlw_text (o, i18n (I18N_TITLE, lang));
  g_string_append (o, " — ");
  htmlw_text (o, name);
  g_string_append_printf (o, "</title>\n<style>%s</style>\n</head>\n<body>\n"
                             "<header class=\"wide\"><h1>", html_css);
  htmlw_text (o, i18n (I18N_TITLE, lang));
  g_string_append (o, "</h1>\n<p>");
  g_autoptr (GString) t = g_string_new (NULL);
  g_string_append_printf (t, "%s: %s · %s: %s · %s → %s",
                          i18n (I18N_CONTEST, lang), name,
                          i18n (I18N_RUN, lang), r->run_id ? r->run_id : "?",
                          r->started_at ? r->started_at : "",
                          r->finished_at ? r->finished_at : "");
  htmlw_text (o, t->str);
  g_string_append (o, "</p>\n");
  if (rd->n_subs > PLOT_MAX_ROWS) {
    g_autofree char *note = g_strdup_printf (i18n (I18N_PLOT_SUMMARY, lang),
                                             PLOT_MAX_ROWS, rd->n_subs);
    htmlw_note (o, note);
  } else if (rd->n_subs > 0) {
    g_autofree char *note = g_strdup_printf (i18n (I18N_ALL_SHOWN, lang),
                                             rd->n_subs);
    g_string_append (o, "<p class=\"muted\">");
    htmlw_text (o, note);
    g_string_append (o, "</p>\n");
  }
  if (plots == NULL)
    htmlw_note (o, i18n (I18N_NO_PLOTS, lang));
  if (g_hash_table_size (rd->hidden_sets) > 0)
    htmlw_note (o, i18n (I18N_HIDDEN_NOTE, lang));
  g_string_append (o, "</header>\n");
}

char *
html_report (const RunData *rd, GHashTable *plots, ReportLang lang)
{
  g_autoptr (GString) o = g_string_sized_new (256 * 1024);
  head (o, rd, plots, lang);
  g_autofree char *banner = runstate_banner (rd->results, lang);
  if (banner) { /* an incomplete run says so before anything else */
    g_string_append (o, "<p class=\"incomplete\" style=\"background:#fde7e9;"
                        "border:2px solid #cf222e;padding:8px 12px;"
                        "font-weight:bold\">");
    htmlw_text (o, banner);
    g_string_append (o, "</p>\n");
  }
  leaderboard (o, rd, plots, lang);
  appeals_html (o, rd->results, lang);
  categories (o, rd, plots, lang);
  nearmiss (o, rd, plots, lang);
  latency (o, rd, plots, lang);
  errors (o, rd, lang);
  integrity_html (o, rd->results, lang);
  capacity (o, rd, plots, lang);
  html_detail (o, rd, lang);
  conditions_html (o, rd->results, lang);
  html_methodology (o, rd, lang);
  g_string_append (o, "</body>\n</html>\n");
  return g_string_free (g_steal_pointer (&o), FALSE);
}
