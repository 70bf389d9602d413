#include "reports/private.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

#include "reports/appeals.h"
#include "reports/csv.h"
#include "reports/explain.h"
#include "reports/htmlw.h"
#include "reports/i18n.h"
#include "reports/labels.h"
#include "reports/rjson.h"
#include "reports/rundata.h"
#include "reports/table.h"
#include "reports/ties.h"
#include "rundir/rundir.h"
#include "util/atomic_file.h"

/* Wording of this report, kept beside it (as reports/conditions.c does)
 * while i18n.c is shared by every writer. */
typedef enum {
  W_TITLE, W_NOTE, W_SUMMARY, W_OF, W_CATEGORIES, W_ITEMS, W_REPEAT,
  W_PASS_ALL, W_PASS_ANY, W_FLIPS, W_APPEALS, W_JUDGED, W_DECIDED,
  W_REVIEWER, W_REASON, W_STATUS, W_ANSWERS, W_WHICH, W_RIGHT, W_WRONG,
  W_FAILED, W_UNSEEN, W_NONE_UNSEEN, W_N
} Word;

static const char *const words[W_N][2] = {
  [W_TITLE] = { "Báo cáo riêng gửi bài dự thi %s", "Private report for %s" },
  [W_NOTE] = { "Báo cáo này chỉ gồm kết quả, câu trả lời và kết quả chấm của "
               "bài dự thi %s: không có câu trả lời hay số liệu của bài dự "
               "thi khác, và không nêu câu hỏi hay đáp án của câu nào chưa "
               "được gửi tới trợ lý ảo của tỉnh. Câu hỏi của bộ đề ẩn chỉ "
               "dùng cho tỉnh, không công bố.",
               "This report holds the results, answers and judgements of "
               "submission %s only: no other submission's answer or figure, "
               "and no question or key of an item that never reached the "
               "province's assistant. The questions of hidden sets are for "
               "the province alone, not for publication." },
  [W_SUMMARY] = { "Kết quả của bài dự thi", "The submission's results" },
  [W_OF] = { "%s trên %u bài dự thi", "%s of %u submissions" },
  [W_CATEGORIES] = { "Lĩnh vực", "Category" },
  [W_ITEMS] = { "Số câu", "Items" },
  [W_REPEAT] = { "Hỏi lặp lại %u lần", "Asked %u times" },
  [W_PASS_ALL] = { "Đúng cả %u lần (pass^%u)", "Right all %u times (pass^%u)" },
  [W_PASS_ANY] = { "Đúng ít nhất một lần (pass@%u)",
                   "Right at least once (pass@%u)" },
  [W_FLIPS] = { "Tỷ lệ câu lúc đúng lúc sai", "Share of items that flip" },
  [W_APPEALS] = { "Quyết định phúc khảo về câu trả lời của tỉnh",
                  "Decisions on the province's appeals" },
  [W_JUDGED] = { "Bộ chấm kết luận", "Judged" },
  [W_DECIDED] = { "Quyết định", "Decision" },
  [W_REVIEWER] = { "Người phúc khảo", "Reviewer" },
  [W_REASON] = { "Lý do", "Reason" },
  [W_STATUS] = { "Tình trạng", "Status" },
  [W_ANSWERS] = { "Toàn bộ câu trả lời và kết quả chấm",
                  "Every answer and its judgement" },
  [W_WHICH] = { "Câu (bộ đề / mã câu, cách hỏi)", "Item (set / id, form)" },
  [W_RIGHT] = { "đúng", "right" },
  [W_WRONG] = { "sai", "wrong" },
  [W_FAILED] = { "lỗi: %s", "failed: %s" },
  [W_UNSEEN] = { "%u câu hỏi (tính cả các cách hỏi biến thể) không đến "
                 "được trợ lý ảo của tỉnh (%s): báo cáo không nêu nội dung "
                 "và đáp án của các câu này.",
                 "%u question(s), variants included, never reached the "
                 "province's assistant (%s): their text and keys are not "
                 "shown." },
  [W_NONE_UNSEEN] = { "Mọi câu hỏi đều đã được gửi tới trợ lý ảo của tỉnh.",
                      "Every question reached the province's assistant." },
};

static const char *
w (Word k, ReportLang lang)
{
  return words[k][lang == REPORT_LANG_EN];
}

gboolean
private_turn_unseen (FailureClass c)
{
  return c == FAILURE_NOT_FIRED || c == FAILURE_DNS || c == FAILURE_CONNECT
         || c == FAILURE_TLS;
}

static const char private_css[]
    = "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:1.5em auto;"
      "padding:0 1em;color:#222;max-width:1400px}"
      "h1{font-size:22px}h2{font-size:18px;border-bottom:2px solid #1f4e9c}"
      "table{border-collapse:collapse;margin:.8em 0;font-size:12px;"
      "width:100%}th,td{border:1px solid #ccc;padding:3px 5px;"
      "vertical-align:top;overflow-wrap:anywhere}"
      "th{background:#eef2f8;text-align:left}td.n{text-align:right}"
      "table.answers td{white-space:pre-wrap}"
      ".note{background:#fff8e1;border-left:4px solid #e0a800;"
      "padding:6px 10px}"
      "@page{size:A4 landscape;margin:10mm}"
      "@media print{thead{display:table-header-group}tr{break-inside:"
      "avoid}}";

/* ---- what the province is shown of one record ---- */

typedef struct {
  const char *id;
  ReportLang lang;
  Table *answers;
  GString *csv;
  GTree *unseen; /* failure class name → count of records never sent */
} Own;

/* rec with only the turns that reached the assistant (a conversation's
 * turns after a failed one were never sent); FALSE when none did. The
 * copy's turns are view_turns (rec->n_turns long). */
static gboolean
seen_view (const ScoreRecord *rec, ScoreRecord *view, ScoreTurn *view_turns,
           FailureClass *why)
{
  *view = *rec;
  guint n = 0;
  *why = FAILURE_NOT_FIRED;
  for (guint t = 0; t < rec->n_turns; t++) {
    if (private_turn_unseen (rec->turns[t].error_class)) {
      if (n == 0)
        *why = rec->turns[t].error_class;
      continue;
    }
    view_turns[n++] = rec->turns[t];
  }
  view->turns = view_turns;
  view->n_turns = n;
  if (n == 0 && rec->n_turns == 0 && !private_turn_unseen (rec->error_class))
    return TRUE; /* an old record without turns: its head is all there is */
  if (n == 0 && rec->n_turns == 0)
    *why = rec->error_class;
  return n > 0;
}

static char *
verdict_of (const ScoreRecord *rec, ReportLang lang)
{
  if (rec->error_class != FAILURE_NONE)
    return g_strdup_printf (w (W_FAILED, lang),
                            labels_failure (rec->error_class, lang));
  return g_strdup (w (rec->correct ? W_RIGHT : W_WRONG, lang));
}

static gboolean
visit_own (const ScoreRecord *head, ScoreRecordLine *line, gpointer user,
           GError **error)
{
  Own *o = user;
  if (strcmp (head->submission, o->id) != 0)
    return TRUE;
  const ScoreRecord *rec = score_record_line_full (line, error);
  if (rec == NULL)
    return FALSE;
  ScoreRecord view;
  g_autofree ScoreTurn *turns = g_new0 (ScoreTurn, MAX (rec->n_turns, 1));
  FailureClass why;
  if (!seen_view (rec, &view, turns, &why)) {
    const char *name = failure_name (why);
    name = name ? name : "not_fired";
    g_tree_insert (o->unseen, (gpointer) name,
                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_tree_lookup (
                                         o->unseen, name))
                                     + 1));
    return TRUE;
  }
  g_autofree char *variant = labels_variant (view.variant, view.variant_kind,
                                             o->lang);
  g_autofree char *q = explain_question (&view);
  g_autofree char *a = explain_answer (&view);
  g_autofree char *a_short = explain_shorten (a, EXPLAIN_ANSWER_MAX, o->lang);
  table_row (o->answers);
  table_cell_take (o->answers,
                   g_strdup_printf ("%s / %s (%s)",
                                    view.testset ? view.testset : "",
                                    view.item, variant));
  table_cell (o->answers, q);
  table_cell (o->answers, a_short);
  table_cell_take (o->answers, verdict_of (&view, o->lang));
  table_cell_take (o->answers, explain_record (&view, o->lang));
  csv_items_row (o->csv, &view, o->lang);
  return TRUE;
}

typedef struct {
  GString *text; /* "dns: 2; not_fired: 1" in words */
  guint n;
  ReportLang lang;
} Unseen;

static gboolean
add_unseen (gpointer key, gpointer value, gpointer data)
{
  Unseen *u = data;
  if (u->text->len)
    g_string_append (u->text, "; ");
  g_string_append_printf (u->text, "%s: %u",
                          labels_failure_name (key, u->lang),
                          GPOINTER_TO_UINT (value));
  u->n += GPOINTER_TO_UINT (value);
  return FALSE;
}

/* ---- the sections ---- */

static char *
pct_of (const cJSON *o, const char *key, const char *ci, ReportLang lang)
{
  GString *t = g_string_new (NULL);
  rjson_pct (t, o, key, lang);
  if (ci) {
    g_string_append_c (t, ' ');
    rjson_ci_pct (t, o, ci, lang);
  }
  return g_string_free (t, FALSE);
}

static Table *
summary (const RunData *rd, int index, ReportLang lang)
{
  const cJSON *sub = cJSON_GetArrayItem (rd->subs, index);
  g_autofree char *comp = g_strdup_printf ("%s (%s)",
                                           i18n (I18N_COMPOSITE, lang),
                                           i18n (I18N_CI95, lang));
  const char *cols[] = { i18n (I18N_RANK, lang), comp,
                         i18n (I18N_ACCURACY, lang),
                         i18n (I18N_NEARMISS, lang),
                         i18n (I18N_ROBUSTNESS, lang),
                         i18n (I18N_SLA_SHARE, lang),
                         i18n (I18N_AVAILABILITY, lang), "p50 / p95 ms",
                         NULL };
  Table *t = table_new (cols);
  table_row (t);
  g_autofree char *rank = ties_rank_label (rd->results, (guint) index);
  table_cell_take (t, g_strdup_printf (w (W_OF, lang), rank, rd->n_subs));
  table_num_take (t, pct_of (sub, "composite", "composite_ci", lang));
  table_num_take (t, pct_of (sub, "accuracy", "accuracy_ci", lang));
  table_num_take (t, pct_of (sub, "nearmiss_accuracy", NULL, lang));
  table_num_take (t, pct_of (sub, "robustness", NULL, lang));
  table_num_take (t, pct_of (sub, "latency_score", NULL, lang));
  table_num_take (t, pct_of (sub, "availability", NULL, lang));
  GString *ms = g_string_new (NULL);
  rjson_fmt_key (ms, sub, "p50_ms", 0, lang);
  g_string_append (ms, " / ");
  rjson_fmt_key (ms, sub, "p95_ms", 0, lang);
  table_num_take (t, g_string_free (ms, FALSE));
  return t;
}

static Table *
categories (const RunData *rd, int index, ReportLang lang)
{
  const cJSON *sub = cJSON_GetArrayItem (rd->subs, index);
  const char *cols[] = { w (W_CATEGORIES, lang), w (W_ITEMS, lang),
                         i18n (I18N_CORRECT, lang),
                         i18n (I18N_ACCURACY, lang), NULL };
  Table *t = table_new (cols);
  const cJSON *c;
  cJSON_ArrayForEach (c, rjson_path (sub, "by_category"))
  {
    const char *name = rundata_category_name (rd, c->string);
    table_row (t);
    table_cell (t, name ? name : c->string);
    table_num_take (t, g_strdup_printf ("%d", (int) rjson_num_or (c, "items",
                                                                  0)));
    table_num_take (t, g_strdup_printf ("%d", (int) rjson_num_or (c, "correct",
                                                                  0)));
    table_num_take (t, pct_of (c, "accuracy", NULL, lang));
  }
  return t;
}

static Table *
repeat (const cJSON *rep, guint k, ReportLang lang)
{
  g_autofree char *all = g_strdup_printf (w (W_PASS_ALL, lang), k, k);
  g_autofree char *any = g_strdup_printf (w (W_PASS_ANY, lang), k);
  const char *cols[] = { w (W_ITEMS, lang), all, any, w (W_FLIPS, lang),
                         NULL };
  Table *t = table_new (cols);
  table_row (t);
  table_num_take (t, g_strdup_printf ("%d", (int) rjson_num_or (rep, "items",
                                                                0)));
  table_num_take (t, pct_of (rep, "pass_k", NULL, lang));
  table_num_take (t, pct_of (rep, "pass_at_k", NULL, lang));
  table_num_take (t, pct_of (rep, "flip_share", NULL, lang));
  return t;
}

static Table *
appeals (const Results *r, const char *id, ReportLang lang)
{
  const char *cols[] = { i18n (I18N_ITEM, lang), w (W_JUDGED, lang),
                         w (W_DECIDED, lang), w (W_REVIEWER, lang),
                         w (W_REASON, lang), w (W_STATUS, lang), NULL };
  Table *t = table_new (cols);
  const cJSON *d;
  cJSON_ArrayForEach (d, rjson_path (r->appeals, "decisions"))
  {
    if (g_strcmp0 (rjson_str (d, "submission", NULL), id) != 0)
      continue;
    g_autofree char *variant = labels_variant (
        rjson_str (d, "variant", "clean"), NULL, lang);
    table_row (t);
    table_cell_take (t, g_strdup_printf ("%s / %s (%s)",
                                         rjson_str (d, "testset", ""),
                                         rjson_str (d, "item", "?"),
                                         variant));
    table_cell (t, appeals_verdict_word (
                       rjson_str (d, "judged_now",
                                  rjson_str (d, "judged", NULL)),
                       lang));
    table_cell (t, appeals_verdict_word (rjson_str (d, "verdict", NULL),
                                         lang));
    table_cell (t, rjson_str (d, "reviewer", ""));
    table_cell (t, rjson_str (d, "reason", ""));
    table_cell (t, appeals_status_word (rjson_str (d, "status", NULL),
                                        lang));
  }
  return t;
}

static void
heading (GString *o, const char *id, const char *title)
{
  htmlw_section (o, id, title, FALSE);
}

static char *
page (const RunData *rd, int index, const char *id, Own *own,
      ReportLang lang)
{
  const Results *r = rd->results;
  const cJSON *sub = cJSON_GetArrayItem (rd->subs, index);
  g_autoptr (GString) o = g_string_sized_new (64 * 1024);
  g_autofree char *title = g_strdup_printf (w (W_TITLE, lang), id);
  const char *contest = rjson_str (r->contest, "name", "vabench");
  g_string_append_printf (
      o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
         "'none'; style-src 'unsafe-inline'\">\n<title>",
      lang == REPORT_LANG_EN ? "en" : "vi");
  htmlw_text (o, title);
  g_string_append_printf (o, "</title>\n<style>%s</style>\n</head>\n<body>\n"
                             "<header><h1>", private_css);
  htmlw_text (o, title);
  g_string_append (o, "</h1>\n<p>");
  g_autofree char *line = g_strdup_printf (
      "%s: %s · %s: %s · %s", i18n (I18N_CONTEST, lang), contest,
      i18n (I18N_RUN, lang), r->run_id ? r->run_id : "?",
      rjson_str (sub, "name", id));
  htmlw_text (o, line);
  g_string_append (o, "</p>\n");
  g_autofree char *note = g_strdup_printf (w (W_NOTE, lang), id);
  htmlw_note (o, note);
  g_string_append (o, "</header>\n");

  heading (o, "summary", w (W_SUMMARY, lang));
  g_autoptr (Table) s = summary (rd, index, lang);
  table_html (o, s, NULL);
  g_autoptr (Table) c = categories (rd, index, lang);
  if (table_rows (c) > 0)
    table_html (o, c, NULL);
  const cJSON *rep = rjson_path (sub, "repeat");
  double k;
  if (rjson_num (rep, "rounds", &k) && k >= 2) {
    g_autofree char *h = g_strdup_printf (w (W_REPEAT, lang), (guint) k);
    g_string_append (o, "<h3>");
    htmlw_text (o, h);
    g_string_append (o, "</h3>\n");
    g_autoptr (Table) t = repeat (rep, (guint) k, lang);
    table_html (o, t, NULL);
  }
  htmlw_section_end (o);

  g_autoptr (Table) ap = appeals (r, id, lang);
  if (table_rows (ap) > 0) {
    heading (o, "appeals", w (W_APPEALS, lang));
    table_html (o, ap, NULL);
    htmlw_section_end (o);
  }

  heading (o, "answers", w (W_ANSWERS, lang));
  g_autoptr (GString) unseen_text = g_string_new (NULL);
  Unseen unseen = { unseen_text, 0, lang };
  g_tree_foreach (own->unseen, add_unseen, &unseen);
  if (unseen.n > 0) {
    g_autofree char *u = g_strdup_printf (w (W_UNSEEN, lang), unseen.n,
                                          unseen_text->str);
    htmlw_note (o, u);
  } else
    g_string_append_printf (o, "<p>%s</p>\n", w (W_NONE_UNSEEN, lang));
  table_html (o, own->answers, "answers");
  htmlw_section_end (o);
  g_string_append (o, "</body>\n</html>\n");
  return g_string_free (g_steal_pointer (&o), FALSE);
}

static gboolean
write_file (const char *dir, const char *name, ReportLang lang,
            const char *text, GError **error)
{
  g_autofree char *file = report_file_name (name, lang);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr (GError) local = NULL;
  if (atomic_file_set_contents (path, text, -1, ATOMIC_FILE_NO_SYNC, &local))
    return TRUE;
  g_set_error (error, REPORT_ERROR, REPORT_ERROR_IO, "%s", local->message);
  return FALSE;
}

gboolean
private_report_write (const char *run_dir, const char *id, ReportLang lang,
                      char **written, GError **error)
{
  g_autofree char *dir = rundir_private_dir (run_dir, id);
  if (dir == NULL) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_INPUT,
                 "--submission \"%s\": not an id a folder can be named "
                 "after (letters, digits, '.', '-', '_')",
                 id ? id : "");
    return FALSE;
  }
  g_autoptr (RunData) rd = rundata_load (run_dir, error);
  if (rd == NULL)
    return FALSE;
  int index = rundata_sub (rd, id);
  if (index < 0) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_INPUT,
                 "--submission \"%s\": no such submission in %s/results.json",
                 id, run_dir);
    return FALSE;
  }
  const char *cols[] = { i18n (I18N_ITEM, lang), i18n (I18N_QUESTION, lang),
                         i18n (I18N_ANSWER, lang), i18n (I18N_RESULT, lang),
                         i18n (I18N_EXPLANATION, lang), NULL };
  g_autoptr (Table) answers = table_new (cols);
  g_autoptr (GString) csv = g_string_new (NULL);
  csv_items_header (csv);
  g_autoptr (GTree) unseen = g_tree_new ((GCompareFunc) g_strcmp0);
  Own own = { id, lang, answers, csv, unseen };
  g_autoptr (GError) local = NULL;
  if (rundir_has (run_dir, RUNDIR_SCORES)
      && !score_record_read_lazy (run_dir, visit_own, &own, &local)) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_INPUT, "%s",
                 local->message);
    return FALSE;
  }
  if (g_mkdir_with_parents (dir, 0755) != 0) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_IO, "cannot create %s: %s",
                 dir, g_strerror (errno));
    return FALSE;
  }
  g_autofree char *html = page (rd, index, id, &own, lang);
  if (!write_file (dir, "report.html", lang, html, error)
      || !write_file (dir, "items.csv", lang, csv->str, error))
    return FALSE;
  if (written)
    *written = g_steal_pointer (&dir);
  return TRUE;
}
