/* The parts of report.html about single answers and about method: the
 * worst answers of each submission, every one explained, and the
 * methodology with its glossary. */
#include "reports/runstate.h"
#include "reports/html.h"

#include <string.h>

#include "reports/explain.h"
#include "reports/htmlw.h"
#include "reports/i18n.h"
#include "reports/labels.h"
#include "reports/rjson.h"

/* Worst answers per submission on paper: the screen shows every one kept
 * (RUNDATA_WORST_MAX); 34 submissions × 20 long rows made a report of a
 * hundred pages. */
#define HTML_PRINT_WORST 5

static void
pre_cell (GString *o, const char *text)
{
  g_string_append (o, "<td><pre class=\"t\">");
  htmlw_text (o, text);
  g_string_append (o, "</pre></td>");
}

/* The facts the answer got right, named in one muted line: the reader
 * sees what was checked, not only what failed. */
static void
matched_line (GString *o, const ScoreRecord *rec, ReportLang lang)
{
  g_autoptr (GString) names = g_string_new (NULL);
  const cJSON *f;
  for (guint i = 0; i < rec->n_turns; i++)
    cJSON_ArrayForEach (f, cJSON_GetObjectItemCaseSensitive (
                               rec->turns[i].judgement_tree, "facts"))
      if (g_strcmp0 (rjson_str (f, "status", NULL), "matched") == 0) {
        if (names->len)
          g_string_append (names, "; ");
        g_string_append (names, labels_fact (rjson_str (f, "type", "?"),
                                             lang));
      }
  if (names->len == 0)
    return;
  g_string_append (o, "<li class=\"matched\">");
  htmlw_text (o, labels_status ("matched", lang));
  g_string_append (o, ": ");
  htmlw_text (o, names->str);
  g_string_append (o, "</li>");
}

static void
why_cell (GString *o, const ScoreRecord *rec, ReportLang lang)
{
  g_autofree char *why = explain_record (rec, lang);
  g_auto (GStrv) lines = g_strsplit (why, "\n", -1);
  g_string_append (o, "<td><ul class=\"why\">");
  for (guint i = 0; lines[i]; i++) {
    if (*lines[i] == '\0')
      continue;
    g_string_append (o, "<li class=\"contradiction\">");
    htmlw_text (o, lines[i]);
    g_string_append (o, "</li>");
  }
  matched_line (o, rec, lang);
  g_string_append (o, "</ul></td>");
}

static void
worst_row (GString *o, const RunData *rd, const ScoreRecord *rec,
           gboolean screen_only, ReportLang lang)
{
  g_autofree char *q = explain_question (rec);
  g_autofree char *full = explain_answer (rec);
  g_autofree char *a = explain_shorten (full, EXPLAIN_ANSWER_MAX, lang);
  g_autofree char *variant = labels_variant (rec->variant, rec->variant_kind,
                                             lang);
  const char *cat = rundata_category_name (rd, rec->category);
  g_string_append (o, screen_only ? "<tr class=\"screen\"><td>" : "<tr><td>");
  htmlw_text (o, rec->item ? rec->item : "?");
  g_string_append (o, "<br><span class=\"ci\">");
  htmlw_text (o, variant);
  if (cat || rec->category) {
    g_string_append (o, " · ");
    htmlw_text (o, cat ? cat : rec->category);
  }
  g_string_append (o, "</span></td>");
  g_autoptr (GString) score = g_string_new (NULL);
  rjson_fmt (score, rec->score, 2, lang);
  g_string_append (o, "<td class=\"n\">");
  htmlw_text (o, score->str);
  g_string_append (o, "</td>");
  pre_cell (o, q);
  pre_cell (o, a);
  why_cell (o, rec, lang);
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
  /* The intent signals of results.json (answers about another procedure,
   * answers without diacritics), when the scorer wrote them. */
  if (cJSON_GetObjectItemCaseSensitive (sub, "off_topic")) {
    g_string_append_printf (t, " · %s: ", i18n (I18N_OFF_TOPIC, lang));
    rjson_fmt_key (t, sub, "off_topic", 0, lang);
    g_string_append (t, " (");
    rjson_pct (t, sub, "off_topic_rate", lang);
    g_string_append_c (t, ')');
  }
  if (cJSON_GetObjectItemCaseSensitive (sub, "unaccented_answers")) {
    g_string_append_printf (t, " · %s: ", i18n (I18N_UNACCENTED, lang));
    rjson_fmt_key (t, sub, "unaccented_answers", 0, lang);
  }
  g_string_append (o, "<p>");
  htmlw_text (o, t->str);
  g_string_append (o, "</p>\n");
}

static void
detail_one (GString *o, const RunData *rd, guint i, const cJSON *sub,
            ReportLang lang)
{
  g_autoptr (GString) t = g_string_new (NULL);
  g_string_append_printf (t, "%s — %s", rjson_str (sub, "id", "?"),
                          rjson_str (sub, "name", ""));
  const char *province = rjson_str (sub, "province", "");
  if (*province)
    g_string_append_printf (t, " (%s)", province);
  g_string_append (o, "<h3>");
  htmlw_text (o, t->str);
  g_string_append (o, "</h3>\n");
  sub_summary (o, sub, lang);
  if (rd->hidden_records[i] > 0)
    htmlw_note (o, i18n (I18N_HIDDEN_NOTE, lang));
  GPtrArray *worst = rd->worst->pdata[i];
  if (worst->len == 0)
    return;
  g_autofree char *count = g_strdup_printf (i18n (I18N_WRONG_COUNT, lang),
                                            rd->wrong[i], worst->len);
  g_string_append (o, "<p>");
  htmlw_text (o, count);
  g_string_append (o, "</p>\n");
  const char *cols[] = { i18n (I18N_ITEM, lang), i18n (I18N_SCORE, lang),
                         i18n (I18N_QUESTION, lang), i18n (I18N_ANSWER, lang),
                         i18n (I18N_EXPLANATION, lang), NULL };
  htmlw_table (o, "worst", cols);
  for (guint k = 0; k < worst->len; k++)
    worst_row (o, rd, worst->pdata[k], k >= HTML_PRINT_WORST, lang);
  htmlw_table_end (o);
}

void
html_detail (GString *o, const RunData *rd, ReportLang lang)
{
  htmlw_section (o, "detail", i18n (I18N_DETAIL, lang), TRUE);
  g_autofree char *note = g_strdup_printf (i18n (I18N_ITEMS_SHOWN, lang),
                                           (guint) EXPLAIN_ANSWER_MAX);
  g_string_append (o, "<p class=\"muted\">");
  htmlw_text (o, note);
  g_string_append (o, "</p>\n<p class=\"print-only\">");
  g_autofree char *paper = g_strdup_printf (
      lang == REPORT_LANG_EN
          ? "On paper, the %u worst answers of each submission; the screen "
            "version of this report holds up to %u."
          : "Bản in giữ %u câu kém nhất của mỗi bài dự thi; bản xem trên màn "
            "hình của báo cáo này có tới %u câu.",
      HTML_PRINT_WORST, RUNDATA_WORST_MAX);
  htmlw_text (o, paper);
  g_string_append (o, "</p>\n");
  guint i = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
    detail_one (o, rd, i++, sub, lang);
  htmlw_section_end (o);
}

static void
meta_row (GString *o, const char *key, const char *value)
{
  g_string_append (o, "<tr><th>");
  htmlw_text (o, key);
  g_string_append (o, "</th>");
  htmlw_td_text (o, value);
  g_string_append (o, "</tr>\n");
}

/* Every term a reader may not know, explained once ("term|meaning"). */
static void
glossary (GString *o, ReportLang lang)
{
  g_string_append (o, "<h3>");
  htmlw_text (o, i18n (I18N_GLOSSARY, lang));
  g_string_append (o, "</h3>\n<dl class=\"terms\">\n");
  g_auto (GStrv) lines = g_strsplit (i18n (I18N_TERMS, lang), "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    char *bar = strchr (lines[i], '|');
    if (bar == NULL)
      continue;
    *bar = '\0';
    g_string_append (o, "<dt>");
    htmlw_text (o, lines[i]);
    g_string_append (o, "</dt><dd>");
    htmlw_text (o, bar + 1);
    g_string_append (o, "</dd>\n");
  }
  g_string_append (o, "</dl>\n");
}

void
html_methodology (GString *o, const RunData *rd, ReportLang lang)
{
  const Results *r = rd->results;
  const cJSON *contest = r->contest;
  htmlw_section (o, "methodology", i18n (I18N_METHODOLOGY, lang), FALSE);
  g_string_append (o, "<p>");
  htmlw_text (o, i18n (I18N_COMPOSITE_RULE, lang));
  g_string_append (o, "</p>\n<p>");
  htmlw_text (o, i18n (I18N_TIE_RULE, lang));
  g_string_append (o, "</p>\n");
  glossary (o, lang);
  g_string_append (o, "<table>\n");
  g_autoptr (GString) t = g_string_new (NULL);
  const cJSON *x;
  cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (contest, "weights"))
  {
    if (t->len)
      g_string_append (t, "; ");
    g_string_append_printf (t, "%s ", labels_weight (x->string, lang));
    rjson_fmt (t, cJSON_IsNumber (x) ? x->valuedouble : 0, 2, lang);
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
    g_string_append_printf (t, "%s (%s, %" G_GINT64_FORMAT " %s) SHA-256 %s",
                            rjson_str (x, "name", "?"),
                            i18n (hidden ? I18N_HIDDEN : I18N_PUBLIC, lang),
                            rjson_int_or (x, "items", 0, G_MAXINT64, 0),
                            lang == REPORT_LANG_EN ? "items" : "câu",
                            rjson_str (x, "sha256", "?"));
    meta_row (o, i18n (I18N_QSETS, lang), t->str);
  }
  meta_row (o, i18n (I18N_VERSION, lang),
            r->vabench_version ? r->vabench_version : "?");
  meta_row (o, i18n (I18N_STARTED, lang),
            r->started_at ? r->started_at : "");
  meta_row (o, i18n (I18N_FINISHED, lang),
            r->finished_at ? r->finished_at : "");
  g_autofree char *digest = runstate_digest (r, lang);
  if (digest) /* what a disputed result can be checked against */
    meta_row (o, runstate_digest_label (lang), digest);
  g_string_append (o, "</table>\n");
  htmlw_section_end (o);
}
