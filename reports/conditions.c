#include "reports/conditions.h"

#include "reports/escape.h"
#include "reports/htmlw.h"
#include "reports/labels.h"
#include "reports/rjson.h"

/* Wording of this table only, kept with it (reports/i18n.c holds the
 * words every report shares). */
typedef enum {
  C_TITLE, C_SUB, C_STATE, C_TIMEOUT, C_CONC, C_RATE, C_RETRIES, C_BUDGET,
  C_SEED, C_AS_OF, C_OWN, C_REASON, C_OFFICIAL, C_NOT_OFFICIAL, C_N
} CondKey;

static const char *const words[C_N][2] = {
  [C_TITLE] = { "Điều kiện chạy của từng bài dự thi",
                "Conditions each submission ran under" },
  [C_SUB] = { "Bài dự thi", "Submission" },
  [C_STATE] = { "Trạng thái", "State" },
  [C_TIMEOUT] = { "Thời gian chờ (ms)", "Timeout (ms)" },
  [C_CONC] = { "Số yêu cầu đồng thời", "Concurrency" },
  [C_RATE] = { "Tốc độ (yêu cầu/giây)", "Rate (req/s)" },
  [C_RETRIES] = { "Số lần thử lại", "Retries" },
  [C_BUDGET] = { "Ngân sách thử lại", "Retry budget" },
  [C_SEED] = { "Hạt giống thứ tự", "Order seed" },
  [C_AS_OF] = { "Ngày áp dụng đáp án", "Keys as of" },
  [C_OWN] = { "Tự đặt trong manifest", "Set by its manifest" },
  [C_REASON] = { "Lý do", "Reason" },
  [C_OFFICIAL] = { "Cuộc thi chính thức: mọi bài dự thi chạy cùng điều "
                   "kiện của cuộc thi; manifest không được tự đặt giới hạn.",
                   "Official contest: every submission ran under the "
                   "contest's conditions; no manifest may set its own "
                   "limits." },
  [C_NOT_OFFICIAL] = { "Không phải cuộc thi chính thức: manifest có thể tự "
                       "đặt giới hạn (cột cuối).",
                       "Not an official contest: a manifest may set its "
                       "own limits (last column)." },
};

static const char *
w (CondKey k, ReportLang lang)
{
  return words[k][lang == REPORT_LANG_EN ? 1 : 0];
}

static const char *const states[][3] = {
  { "ok", "bình thường", "ok" },
  { "warning", "cảnh báo khi kiểm tra trước", "pre-flight warning" },
  { "unavailable", "không truy cập được (không gửi câu hỏi)",
    "unavailable (not fired)" },
  { "paused", "tạm dừng giữa chừng", "paused during the run" },
};

static const char *
state_name (const char *state, ReportLang lang)
{
  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_strcmp0 (states[i][0], state) == 0)
      return states[i][lang == REPORT_LANG_EN ? 2 : 1];
  return state ? state : "?";
}

/* One row's cells as text, in the column order of the headings. */
/* What an organizer or a province's engineer checks first, by the
 * failure the probe or the pause saw; the harness's own words (English,
 * with the host and the exact fix) stay in results.json and the English
 * report. */
static const char *
vi_hint (const char *cls, double status)
{
  if (g_strcmp0 (cls, "dns") == 0)
    return "kiểm tra tên máy chủ trong địa chỉ endpoint";
  if (g_strcmp0 (cls, "connect") == 0)
    return "kiểm tra địa chỉ, cổng của endpoint và máy chủ có đang chạy";
  if (g_strcmp0 (cls, "tls") == 0)
    return "chứng chỉ phải hợp lệ với tên máy chủ";
  if (g_strcmp0 (cls, "redirect") == 0)
    return "dùng địa chỉ đích làm endpoint hoặc khai báo máy chủ đó";
  if (g_strcmp0 (cls, "http_4xx") == 0 && (status == 401 || status == 403))
    return "kiểm tra mã truy cập (token) trong biến môi trường đã khai báo";
  if (g_strcmp0 (cls, "http_4xx") == 0 && status == 404)
    return "kiểm tra đường dẫn hội thoại của endpoint (ví dụ …/v1/chat/"
           "completions)";
  if (g_strcmp0 (cls, "bad_json") == 0 || g_strcmp0 (cls, "empty_answer") == 0)
    return "kiểm tra bộ chuyển đổi (adapter) và đường dẫn của endpoint";
  return NULL;
}

/* The probe's or the pause's reason. The harness words it in English,
 * with the host, the status and the fix; a Vietnamese report words it in
 * Vietnamese from the failure class and the HTTP status. */
static char *
reason_cell (const cJSON *st, ReportLang lang)
{
  const char *reason = rjson_str (st, "reason", "");
  const char *fix = rjson_str (st, "fix", NULL);
  if (lang == REPORT_LANG_EN || *reason == '\0')
    return fix ? g_strdup_printf ("%s — %s", reason, fix) : g_strdup (reason);
  const char *cls = rjson_str (st, "class", NULL);
  const cJSON *hs = cJSON_GetObjectItemCaseSensitive (st, "http_status");
  double status = cJSON_IsNumber (hs) ? hs->valuedouble : 0;
  const char *label = cls ? labels_failure_name (cls, lang) : NULL;
  const char *hint = vi_hint (cls, status);
  g_autofree char *code = status > 0 ? g_strdup_printf (" (HTTP %.0f)", status)
                                     : g_strdup ("");
  return g_strdup_printf ("%s%s%s%s", label ? label : "không gọi được", code,
                          hint ? ": " : "", hint ? hint : "");
}

static void
row_cells (const cJSON *sub, ReportLang lang, GPtrArray *cells)
{
  const cJSON *set = cJSON_GetObjectItemCaseSensitive (sub, "settings");
  const cJSON *st = cJSON_GetObjectItemCaseSensitive (sub, "status");
  const char *state = rjson_str (st, "state", "ok");
  g_ptr_array_add (cells, g_strdup (rjson_str (sub, "id", "?")));
  g_ptr_array_add (cells, g_strdup (state_name (state, lang)));
  static const char *const nums[] = { "timeout_ms", "concurrency",
                                      "rate_per_sec", "retries",
                                      "retry_budget" };
  static const int decimals[] = { 0, 0, 2, 0, 0 };
  for (guint i = 0; i < G_N_ELEMENTS (nums); i++) {
    GString *t = g_string_new (NULL);
    rjson_fmt_key (t, set, nums[i], decimals[i], lang);
    g_ptr_array_add (cells, g_string_free (t, FALSE));
  }
  const cJSON *seed = cJSON_GetObjectItemCaseSensitive (set, "order_seed");
  g_ptr_array_add (cells, seed && (cJSON_IsRaw (seed) || cJSON_IsString (seed))
                              ? g_strdup (seed->valuestring)
                          : cJSON_IsNumber (seed)
                              ? g_strdup_printf ("%.0f", seed->valuedouble)
                              : g_strdup ("–"));
  g_ptr_array_add (cells, g_strdup (rjson_str (set, "as_of", "–")));
  GString *own = g_string_new (NULL);
  const cJSON *x;
  cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (set, "overridden"))
  {
    if (cJSON_IsString (x))
      g_string_append_printf (own, "%s%s", own->len ? ", " : "",
                              x->valuestring);
  }
  g_ptr_array_add (cells, g_string_free (own, FALSE));
  g_ptr_array_add (cells, reason_cell (st, lang));
}

/* The columns, in row_cells' order; the numbers are right-aligned. */
static const CondKey columns[] = { C_SUB, C_STATE, C_TIMEOUT, C_CONC,
                                   C_RATE, C_RETRIES, C_BUDGET, C_SEED,
                                   C_AS_OF, C_OWN, C_REASON };
static const gboolean numeric[G_N_ELEMENTS (columns)]
    = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, FALSE, FALSE,
        FALSE };

static gboolean
any_settings (const Results *r, gboolean *official)
{
  const cJSON *sub;
  *official = FALSE;
  gboolean any = FALSE;
  cJSON_ArrayForEach (sub, r->submissions)
  {
    const cJSON *set = cJSON_GetObjectItemCaseSensitive (sub, "settings");
    if (!cJSON_IsObject (set))
      continue;
    any = TRUE;
    *official |= cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (set,
                                                                 "official"));
  }
  return any;
}

void
conditions_markdown (GString *o, const Results *r, ReportLang lang)
{
  gboolean official;
  if (!any_settings (r, &official))
    return;
  g_string_append_printf (o, "\n## %s\n\n%s\n\n|", w (C_TITLE, lang),
                          w (official ? C_OFFICIAL : C_NOT_OFFICIAL, lang));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (o, " %s |", w (columns[i], lang));
  g_string_append (o, "\n|");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append (o, numeric[i] ? "---:|" : "---|");
  g_string_append_c (o, '\n');
  const cJSON *sub;
  cJSON_ArrayForEach (sub, r->submissions)
  {
    g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
    row_cells (sub, lang, cells);
    g_string_append (o, "|");
    for (guint i = 0; i < cells->len; i++) {
      g_string_append_c (o, ' ');
      escape_md (o, cells->pdata[i]);
      g_string_append (o, " |");
    }
    g_string_append_c (o, '\n');
  }
}

void
conditions_html (GString *o, const Results *r, ReportLang lang)
{
  gboolean official;
  if (!any_settings (r, &official))
    return;
  htmlw_section (o, "conditions", w (C_TITLE, lang), TRUE);
  htmlw_note (o, w (official ? C_OFFICIAL : C_NOT_OFFICIAL, lang));
  const char *cols[G_N_ELEMENTS (columns) + 1];
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    cols[i] = w (columns[i], lang);
  cols[G_N_ELEMENTS (columns)] = NULL;
  htmlw_table (o, "conditions", cols);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, r->submissions)
  {
    g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
    row_cells (sub, lang, cells);
    g_string_append (o, "<tr>");
    for (guint i = 0; i < cells->len; i++) {
      g_string_append (o, numeric[i] ? "<td class=\"n\">" : "<td>");
      htmlw_text (o, cells->pdata[i]);
      g_string_append (o, "</td>");
    }
    g_string_append (o, "</tr>\n");
  }
  htmlw_table_end (o);
  htmlw_section_end (o);
}
