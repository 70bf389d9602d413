#include "reports/appeals.h"

#include <string.h>

#include "reports/escape.h"
#include "reports/htmlw.h"
#include "reports/labels.h"
#include "reports/rjson.h"
#include "reports/table.h"

/* Wording of this section, kept beside it (as reports/conditions.c does)
 * while i18n.c is shared by every writer. */
typedef enum {
  W_TITLE, W_NOTE, W_SUB, W_RANK_BEFORE, W_COMP_BEFORE, W_CORRECT_BEFORE,
  W_RANK_AFTER, W_COMP_AFTER, W_CORRECT_AFTER, W_CHANGE, W_DECISIONS,
  W_NUM, W_QUESTION, W_JUDGED, W_DECIDED, W_REVIEWER, W_REASON, W_AT,
  W_STATUS, W_UP, W_DOWN, W_SAME, W_HIDDEN_ITEM, W_HIDDEN_REASON, W_NEW,
  W_N
} Word;

static const char *const words[W_N][2] = {
  [W_TITLE] = { "Phúc khảo: xếp hạng trước và sau",
                "Appeals: the ranking before and after" },
  [W_NOTE] = { "Mỗi quyết định phúc khảo thay kết luận đúng/sai của bộ chấm "
               "cho một câu trả lời; nhật ký gốc (log.jsonl) không bị sửa. "
               "Bảng xếp hạng của báo cáo này đã tính theo các quyết định "
               "đã áp dụng.",
               "Each decision replaces the judge's right/wrong verdict of "
               "one answer; the original log (log.jsonl) is not changed. "
               "The ranking of this report counts the decisions applied." },
  [W_SUB] = { "Bài dự thi", "Submission" },
  [W_RANK_BEFORE] = { "Hạng trước phúc khảo", "Rank before" },
  [W_COMP_BEFORE] = { "Điểm tổng hợp trước", "Composite before" },
  [W_CORRECT_BEFORE] = { "Số câu đúng trước", "Correct before" },
  [W_RANK_AFTER] = { "Hạng sau phúc khảo", "Rank after" },
  [W_COMP_AFTER] = { "Điểm tổng hợp sau", "Composite after" },
  [W_CORRECT_AFTER] = { "Số câu đúng sau", "Correct after" },
  [W_CHANGE] = { "Thay đổi thứ hạng", "Change of rank" },
  [W_DECISIONS] = { "Các quyết định phúc khảo", "The decisions" },
  [W_NUM] = { "Số thứ tự", "No." },
  [W_QUESTION] = { "Câu hỏi", "Question" },
  [W_JUDGED] = { "Bộ chấm kết luận", "Judged" },
  [W_DECIDED] = { "Quyết định", "Decision" },
  [W_REVIEWER] = { "Người phúc khảo", "Reviewer" },
  [W_REASON] = { "Lý do", "Reason" },
  [W_AT] = { "Thời điểm", "Recorded" },
  [W_STATUS] = { "Tình trạng", "Status" },
  [W_UP] = { "lên %d hạng", "up %d" },
  [W_DOWN] = { "xuống %d hạng", "down %d" },
  [W_SAME] = { "giữ nguyên", "unchanged" },
  [W_HIDDEN_ITEM] = { "một câu của bộ đề ẩn «%s»",
                      "an item of the hidden set “%s”" },
  [W_HIDDEN_REASON] = { "(không công bố: câu hỏi thuộc bộ đề ẩn; lý do có "
                        "trong báo cáo riêng gửi tỉnh)",
                        "(withheld: the item belongs to a hidden set; the "
                        "reason is in the province's private report)" },
  [W_NEW] = { "mới có sau phúc khảo", "new after appeals" },
};

static const char *
w (Word k, ReportLang lang)
{
  return words[k][lang == REPORT_LANG_EN];
}

static const char *const verdicts[][3] = {
  { "correct", "đúng", "correct" },
  { "wrong", "sai", "wrong" },
};

static const char *const statuses[][3] = {
  { "applied", "đã áp dụng", "applied" },
  { "superseded", "đã được thay bằng quyết định sau",
    "replaced by a later decision" },
  { "no_record", "không tìm thấy câu trả lời này trong lần chấm",
    "no such answer in this scoring" },
  { "failed_request", "không áp dụng: yêu cầu bị lỗi, không có câu trả lời",
    "not applied: the request failed, there is no answer" },
};

static const char *
lookup (const char *const (*table)[3], gsize n, const char *code,
        ReportLang lang)
{
  for (gsize i = 0; i < n; i++)
    if (g_strcmp0 (table[i][0], code) == 0)
      return table[i][lang == REPORT_LANG_EN ? 2 : 1];
  return "?";
}

const char *
appeals_verdict_word (const char *verdict, ReportLang lang)
{
  return lookup (verdicts, G_N_ELEMENTS (verdicts), verdict, lang);
}

const char *
appeals_status_word (const char *status, ReportLang lang)
{
  return lookup (statuses, G_N_ELEMENTS (statuses), status, lang);
}

gboolean
appeals_set_hidden (const Results *r, const char *set)
{
  const cJSON *t;
  cJSON_ArrayForEach (t, rjson_path (r->contest, "testsets"))
    if (g_strcmp0 (rjson_str (t, "name", NULL), set) == 0)
      return g_strcmp0 (rjson_str (t, "visibility", ""), "hidden") == 0;
  return FALSE;
}

static const cJSON *
find_sub (const cJSON *list, const char *id)
{
  const cJSON *s;
  cJSON_ArrayForEach (s, list)
    if (g_strcmp0 (rjson_str (s, "id", NULL), id) == 0)
      return s;
  return NULL;
}

static char *
fmt_key (const cJSON *o, const char *key, ReportLang lang, gboolean pct)
{
  GString *t = g_string_new (NULL);
  if (pct)
    rjson_pct (t, o, key, lang);
  else
    rjson_fmt_key (t, o, key, 0, lang);
  return g_string_free (t, FALSE);
}

static Table *
before_after (const Results *r, ReportLang lang)
{
  const char *cols[] = { w (W_SUB, lang),         w (W_RANK_BEFORE, lang),
                         w (W_COMP_BEFORE, lang), w (W_CORRECT_BEFORE, lang),
                         w (W_RANK_AFTER, lang),  w (W_COMP_AFTER, lang),
                         w (W_CORRECT_AFTER, lang), w (W_CHANGE, lang),
                         NULL };
  Table *t = table_new (cols);
  const cJSON *before = rjson_path (r->appeals, "before.submissions");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, r->submissions)
  {
    const char *id = rjson_str (sub, "id", "?");
    const cJSON *b = find_sub (before, id);
    table_row (t);
    table_cell (t, id);
    table_num_take (t, fmt_key (b, "rank", lang, FALSE));
    table_num_take (t, fmt_key (b, "composite", lang, TRUE));
    table_num_take (t, fmt_key (b, "correct", lang, FALSE));
    table_num_take (t, fmt_key (sub, "rank", lang, FALSE));
    table_num_take (t, fmt_key (sub, "composite", lang, TRUE));
    table_num_take (t, fmt_key (sub, "correct", lang, FALSE));
    double rb, ra;
    if (!rjson_num (b, "rank", &rb) || !rjson_num (sub, "rank", &ra))
      table_cell (t, w (W_NEW, lang));
    else if (ra < rb)
      table_cell_take (t, g_strdup_printf (w (W_UP, lang), (int) (rb - ra)));
    else if (ra > rb)
      table_cell_take (t,
                       g_strdup_printf (w (W_DOWN, lang), (int) (ra - rb)));
    else
      table_cell (t, w (W_SAME, lang));
  }
  return t;
}

static Table *
decisions (const Results *r, ReportLang lang)
{
  const char *cols[] = { w (W_NUM, lang),      w (W_SUB, lang),
                         w (W_QUESTION, lang), w (W_JUDGED, lang),
                         w (W_DECIDED, lang),  w (W_REVIEWER, lang),
                         w (W_REASON, lang),   w (W_AT, lang),
                         w (W_STATUS, lang),   NULL };
  Table *t = table_new (cols);
  const cJSON *d;
  cJSON_ArrayForEach (d, rjson_path (r->appeals, "decisions"))
  {
    const char *set = rjson_str (d, "testset", "");
    gboolean hidden = appeals_set_hidden (r, set);
    table_row (t);
    table_num_take (t, fmt_key (d, "seq", lang, FALSE));
    table_cell (t, rjson_str (d, "submission", "?"));
    if (hidden)
      table_cell_take (t, g_strdup_printf (w (W_HIDDEN_ITEM, lang), set));
    else {
      g_autofree char *variant = labels_variant (
          rjson_str (d, "variant", "clean"), NULL, lang);
      table_cell_take (t, g_strdup_printf ("%s (%s)",
                                           rjson_str (d, "item", "?"),
                                           variant));
    }
    /* The judge's verdict as this scoring found it; the one recorded
     * with the decision when the record is gone. */
    const char *judged = rjson_str (d, "judged_now",
                                    rjson_str (d, "judged", NULL));
    table_cell (t, appeals_verdict_word (judged, lang));
    table_cell (t, appeals_verdict_word (rjson_str (d, "verdict", NULL),
                                         lang));
    table_cell (t, rjson_str (d, "reviewer", ""));
    table_cell (t, hidden ? w (W_HIDDEN_REASON, lang)
                          : rjson_str (d, "reason", ""));
    table_cell (t, rjson_str (d, "at", ""));
    table_cell (t, appeals_status_word (rjson_str (d, "status", NULL),
                                        lang));
  }
  return t;
}

void
appeals_html (GString *o, const Results *r, ReportLang lang)
{
  if (r->appeals == NULL)
    return;
  htmlw_section (o, "appeals", w (W_TITLE, lang), TRUE);
  g_string_append (o, "<p>");
  htmlw_text (o, w (W_NOTE, lang));
  g_string_append (o, "</p>\n");
  g_autoptr (Table) ba = before_after (r, lang);
  table_html (o, ba, NULL);
  g_string_append (o, "<h3>");
  htmlw_text (o, w (W_DECISIONS, lang));
  g_string_append (o, "</h3>\n");
  g_autoptr (Table) ds = decisions (r, lang);
  table_html (o, ds, "appeals");
  htmlw_section_end (o);
}

void
appeals_markdown (GString *o, const Results *r, ReportLang lang)
{
  if (r->appeals == NULL)
    return;
  g_string_append_printf (o, "\n## %s\n\n%s\n\n", w (W_TITLE, lang),
                          w (W_NOTE, lang));
  g_autoptr (Table) ba = before_after (r, lang);
  table_markdown (o, ba);
  g_string_append_printf (o, "\n### %s\n\n", w (W_DECISIONS, lang));
  g_autoptr (Table) ds = decisions (r, lang);
  table_markdown (o, ds);
}
