/* Reports from a small run fixture (tests/golden/report: three provinces,
 * a hidden set, a hostile answer, an answer about another procedure, a
 * conversation, a failed request, an old record without reasons, and a
 * 1 MB answer added here): every format; Vietnamese with no English
 * reason and no raw code; English in files of its own; every wrong row
 * explained; answers shortened; JUnit agreeing with the gate; tie groups
 * as shared ranks; plots holding every submission.
 *
 * Past 800 lines on purpose: it is the one test program of reports/, and
 * its cases share the fixture (fixture_setup builds the run from
 * tests/golden/report) and the readers that check what a report says in
 * each format; split in two, both halves would need those helpers in a
 * header of their own. */
#include <glib/gstdio.h>
#include <string.h>

#include "reports/csv.h"
#include "reports/escape.h"
#include "reports/gate.h"
#include "reports/html.h"
#include "reports/markdown.h"
#include "reports/rundata.h"
#include "reports/i18n.h"
#include "reports/labels.h"
#include "reports/plot.h"
#include "reports/private.h"
#include "reports/report.h"
#include "reports/ties.h"
#include "scoring/judge_key.h"
#include "scoring/reasons.h"
#include "testsets/perturb.h"
#include "vb-test.h"

#define FIXTURE "tests/golden/report"
/* Records not of the hidden set (rows of items.csv), with the 1 MB one. */
#define PUBLIC_RECORDS 9
#define BIG_ANSWER_BYTES (1024 * 1024)

typedef struct {
  char *dir;
} Fixture;

static char *
read_path (const char *path)
{
  char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static void
fixture_write (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

/* What issue 15 adds to results.json, on the golden run: a repeated
 * contest's stability, a reviewer's decisions (one on an item of the
 * hidden set, whose reason must not show), a look-alike pair and canary
 * hits (one on a hidden canary item, whose phrase must not show). */
static char *
with_integrity (const char *results)
{
  g_autoptr (cJSON) r = cJSON_Parse (results);
  g_assert_nonnull (r);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, cJSON_GetObjectItem (r, "submissions"))
  {
    cJSON *rep = cJSON_Parse (
        "{\"rounds\": 3, \"ranked_by\": \"pass_k\", \"items\": 200, "
        "\"pass_all\": 68, \"pass_any\": 190, \"flips\": 122, "
        "\"pass_k\": 0.34, \"pass_at_k\": 0.95, \"flip_share\": 0.61}");
    cJSON_AddItemToObject ((cJSON *) sub, "repeat", rep);
  }
  cJSON_AddItemToObject (r, "appeals", cJSON_Parse (
      "{\"records\": 2, \"sha256\": \"00\", \"decisions\": ["
      "{\"seq\": 1, \"submission\": \"hue\", \"testset\": \"practice\", "
      "\"item\": \"cutru-002\", \"variant\": \"clean@2\", \"verdict\": "
      "\"correct\", \"judged\": \"wrong\", \"reviewer\": \"Phạm Quốc "
      "Việt\", \"reason\": \"Câu trả lời nêu đúng lệ phí tạm trú.\", \"at\": "
      "\"2026-12-03T09:00:00Z\", \"status\": \"applied\", \"judged_now\": "
      "\"wrong\"},"
      "{\"seq\": 2, \"submission\": \"hanoi\", \"testset\": \"secret\", "
      "\"item\": \"sec-001\", \"variant\": \"clean\", \"verdict\": "
      "\"wrong\", \"judged\": \"correct\", \"reviewer\": \"Phạm Quốc "
      "Việt\", \"reason\": \"KHOA-BI-MAT nêu sai mức phạt\", \"at\": "
      "\"2026-12-03T09:05:00Z\", \"status\": \"superseded\", "
      "\"judged_now\": null}],"
      "\"before\": {\"submissions\": [{\"id\": \"hanoi\", \"rank\": 1, "
      "\"composite\": 0.61, \"correct\": 1}, {\"id\": \"danang\", "
      "\"rank\": 2, \"composite\": 0.25, \"correct\": 0}, {\"id\": \"hue\", "
      "\"rank\": 3, \"composite\": 0.2, \"correct\": 0}], \"ties\": []}}"));
  cJSON_AddItemToObject (r, "lookalikes", cJSON_Parse (
      "{\"max_bits\": 10, \"min_compared\": 20, \"share\": 0.8, "
      "\"pairs\": [{\"a\": \"hanoi\", \"b\": \"hue\", \"compared\": "
      "40, \"near_identical\": 39, \"share\": 0.975, \"examples\": [{"
      "\"testset\": \"practice\", \"item\": \"hotich-001\", \"variant\": "
      "\"telex#1\", \"answer_a\": \"Đăng ký khai sinh miễn lệ phí.\", "
      "\"answer_b\": \"Đăng ký khai sinh: miễn lệ phí!\"}]}]}"));
  cJSON_AddItemToObject (r, "canaries", cJSON_Parse (
      "{\"strings\": 2, \"items\": 1, \"hits\": ["
      "{\"submission\": \"danang\", \"testset\": \"practice\", "
      "\"item\": \"cutru-002\", \"variant\": \"nfd#1\", \"turn\": 0, "
      "\"found\": \"string\", \"canary\": \"vabench-canary-89eb30ce4cb79f2b\", "
      "\"hidden\": false},"
      "{\"submission\": \"danang\", \"testset\": \"secret\", "
      "\"item\": \"sec-001\", \"variant\": \"clean\", \"turn\": 0, "
      "\"found\": \"phrase\", \"canary\": \"CUM-TU-AN\", \"hidden\": "
      "true}], \"by_submission\": {\"danang\": 2}}"));
  return cJSON_Print (r);
}

/* The golden records, and one more: a refusal item answered with an
 * invented time limit inside a 1 MB answer. */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = g_dir_make_tmp ("vabench-report-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *golden = read_path (FIXTURE "/results.json");
  g_autofree char *results = with_integrity (golden);
  g_autofree char *scores = read_path (FIXTURE "/scores.jsonl");
  fixture_write (f->dir, "results.json", results);
  g_autoptr (GString) s = g_string_new (scores);
  g_autoptr (GString) big = g_string_new ("Hồ sơ của bạn sẽ có kết quả sau "
                                          "03 ngày làm việc. ");
  while (big->len < BIG_ANSWER_BYTES)
    g_string_append (big, "Xin cảm ơn bạn đã liên hệ tổng đài. ");
  g_string_append_printf (
      s, "{\"submission\": \"danang\", \"testset\": \"practice\", "
         "\"item\": \"cutru-009\", \"category\": \"cu-tru\", \"kind\": "
         "\"unanswerable\", \"hidden\": false, \"variant\": "
         "\"hand:no_diacritics#2\", \"variant_kind\": \"no_diacritics\", "
         "\"score\": 0, \"correct\": false, \"lenient_score\": 0, "
         "\"contradictions\": 1, \"error_class\": null, \"requests\": 1, "
         "\"failed_requests\": 0, \"latency_us\": [300000], \"turns\": "
         "[{\"turn\": 0, \"question\": \"Hồ sơ của tôi xong chưa?\", "
         "\"answer\": \"%s\", \"judgement\": {\"score\": 0, \"correct\": "
         "false, \"facts\": [{\"type\": \"refusal\", \"required\": true, "
         "\"status\": \"contradiction\", \"span\": \"03 ngày làm việc\", "
         "\"rule\": \"refusal.invented\", \"args\": [\"03 ngày làm việc\"], "
         "\"reason\": \"states \\\"03 ngày làm việc\\\" where the right "
         "answer declines or refers on: an invented fee or time\"}]}}]}\n",
      big->str);
  fixture_write (f->dir, "scores.jsonl", s->str);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  vbt_rm_rf (f->dir);
  g_free (f->dir);
}

static char *
read_out (const Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  return read_path (path);
}

static gboolean
exists (const Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static guint
count (const char *hay, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (hay, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
write_with (const Fixture *f, const ReportOptions *opts)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) warnings = NULL;
  g_assert_true (report_write (f->dir, opts, &warnings, &error));
  g_assert_no_error (error);
  for (guint i = 0; warnings && warnings[i]; i++)
    g_test_message ("warning: %s", warnings[i]);
}

static void
write_ok (const Fixture *f, const char *formats, ReportLang lang)
{
  ReportOptions opts = { formats, lang, NULL, FALSE };
  write_with (f, &opts);
}

static void
assert_no_secret (const char *text)
{
  g_assert_null (strstr (text, "BÍ MẬT"));
  g_assert_null (strstr (text, "sec-001"));
}

/* What a reader sees of an HTML page: tags (SVG's too) and the style
 * sheet removed, entities decoded. */
static char *
visible_text (const char *html)
{
  g_autoptr (GString) o = g_string_new (NULL);
  const char *style = strstr (html, "</style>");
  const char *p = style ? style + 8 : html;
  while (*p) {
    if (*p == '<') {
      const char *end = strchr (p, '>');
      if (end == NULL)
        break;
      g_string_append_c (o, ' ');
      p = end + 1;
      continue;
    }
    g_string_append_c (o, *p++);
  }
  static const char *const ent[][2] = { { "&lt;", "<" }, { "&gt;", ">" },
                                        { "&quot;", "\"" }, { "&#39;", "'" },
                                        { "&amp;", "&" } };
  for (guint i = 0; i < G_N_ELEMENTS (ent); i++)
    g_string_replace (o, ent[i][0], ent[i][1], 0);
  return g_string_free (g_steal_pointer (&o), FALSE);
}

static gboolean
code_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-';
}

/* The first place code stands as a word of its own in text, or NULL. */
static const char *
find_word (const char *text, const char *code)
{
  gsize n = strlen (code);
  for (const char *p = strstr (text, code); p; p = strstr (p + 1, code))
    if ((p == text || !code_char (p[-1])) && !code_char (p[n]))
      return p;
  return NULL;
}

/* Every code a run carries that a Vietnamese reader must never see. */
static GPtrArray *
raw_codes (void)
{
  GPtrArray *codes = g_ptr_array_new ();
  for (guint c = 1; c < FAILURE_N; c++)
    g_ptr_array_add (codes, (gpointer) failure_name (c));
  for (const char *const *k = perturb_kind_names (); *k; k++)
    g_ptr_array_add (codes, (gpointer) *k);
  for (guint t = 0; t < FACT_N_TYPES; t++)
    g_ptr_array_add (codes, (gpointer) judge_fact_type_names[t]);
  for (guint k = 1; k < ITEM_KIND_N; k++)
    g_ptr_array_add (codes, (gpointer) item_kind_name (k));
  static const char *const more[] = {
    "clean", "matched", "missing", "contradiction", "other_value",
    "set_aside", "cu-tru", "ho-tich", "accuracy", "nearmiss", "latency",
    "availability", "no_answer",
    /* issue 15: appeals, repeats, canaries */
    "applied", "superseded", "no_record", "failed_request", "correct",
    "wrong", "pass_k", "mean", "string", "phrase", "clean@2",
  };
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    g_ptr_array_add (codes, (gpointer) more[i]);
  return codes;
}

static void
assert_no_raw_code (const char *text, const char *where)
{
  g_autoptr (GPtrArray) codes = raw_codes ();
  for (guint i = 0; i < codes->len; i++) {
    const char *hit = find_word (text, codes->pdata[i]);
    if (hit) {
      g_autofree char *around = g_utf8_make_valid (
          hit - MIN ((gsize) (hit - text), 30), 70);
      g_test_message ("%s shows the code \"%s\": …%s…", where,
                      (const char *) codes->pdata[i], around);
    }
    g_assert_null (hit);
  }
}

/* Walks every fact, claim and off-topic object of the fixture's
 * judgements and calls fn with its reason in English and Vietnamese. */
typedef void (*ReasonFunc) (const char *en, const char *vi, gpointer user);

static void
each_reason_of (const cJSON *obj, ReasonFunc fn, gpointer user)
{
  if (cJSON_IsArray (obj) || cJSON_IsObject (obj)) {
    if (cJSON_IsString (cJSON_GetObjectItemCaseSensitive (obj, "rule"))) {
      g_autofree char *en = reasons_object (obj, REASONS_EN);
      g_autofree char *vi = reasons_object (obj, REASONS_VI);
      fn (en, vi, user);
    }
    const cJSON *c;
    cJSON_ArrayForEach (c, obj)
      each_reason_of (c, fn, user);
  }
}

static void
each_reason (const Fixture *f, ReasonFunc fn, gpointer user)
{
  g_autofree char *scores = read_out (f, "scores.jsonl");
  g_auto (GStrv) lines = g_strsplit (scores, "\n", -1);
  for (guint i = 0; lines[i]; i++) {
    g_autoptr (cJSON) rec = cJSON_Parse (lines[i]);
    if (rec && !cJSON_IsTrue (cJSON_GetObjectItem (rec, "hidden")))
      each_reason_of (rec, fn, user);
  }
}

static void
no_english_reason (const char *en, const char *vi, gpointer user)
{
  const char *text = user;
  if (en == NULL || vi == NULL || strcmp (en, vi) == 0)
    return; /* a rule with nothing to translate (none today) */
  if (strstr (text, en))
    g_test_message ("English reason in a Vietnamese report: %s", en);
  g_assert_null (strstr (text, en));
}

static void
test_html_vi (Fixture *f, gconstpointer data)
{
  write_ok (f, "html", REPORT_LANG_VI);
  g_autofree char *html = read_out (f, "report.html");
  static const char *const expect[] = {
    "lang=\"vi\"", "Bảng xếp hạng", "Độ chính xác", "Khoảng tin cậy 95%",
    "Nhóm ngang nhau", "Phương pháp đánh giá", "Độ chính xác theo lĩnh vực",
    "Khả năng chịu tải", "câu kém nhất, mỗi câu có lý do chấm", "Cuộc thi thử", "66,7%",
    /* category display names, near-miss kinds and variants by name */
    "<th>Cư trú</th>", "<th>Hộ tịch</th>", "<th>sót phím gõ Telex</th>",
    "sót phím gõ Telex #1", "viết không dấu (viết tay) #2",
    /* shared ranks and the deciding test in words */
    "<td class=\"n\">1–2</td>", "không phân biệt được với hue: kiểm định "
    "bootstrap p = 0,400 ≥ 0,05", "khác biệt với danang: kiểm định "
    "bootstrap p = 0,002 &lt; 0,05; kiểm định McNemar p = 0,010 &lt; 0,05",
    /* error classes and terms in words */
    "quá thời gian chờ", "Giải thích thuật ngữ", "Bootstrap (lấy mẫu lặp lại)",
    "Trả lời sang thủ tục khác: 1 (33,3%) · Câu trả lời viết không dấu: 0",
    "SLA (thỏa thuận mức dịch vụ)",
  };
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++) {
    if (strstr (html, expect[i]) == NULL)
      g_test_message ("missing: %s", expect[i]);
    g_assert_nonnull (strstr (html, expect[i]));
  }
  /* Hostile answer, span and name are text, never markup. */
  g_assert_nonnull (strstr (html, "&lt;script&gt;document.title=&#39;pwned&#39;"
                                  "&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "&lt;img src=x onerror=&quot;"));
  g_assert_nonnull (strstr (html, "&lt;b&gt;Huế&lt;/b&gt; &amp; &quot;bạn"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<img"));
  g_assert_null (strstr (html, "<b>Huế"));
  assert_no_secret (html);
  /* Self-contained: no external stylesheet, script or image. */
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "src=\"http"));
  g_assert_null (strstr (html, "<?xml"));
  /* Print: A4, landscape pages for wide tables, heads repeated. */
  g_assert_nonnull (strstr (html, "@page wide{size:A4 landscape"));
  g_assert_nonnull (strstr (html, "thead{display:table-header-group}"));
  g_assert_cmpuint (count (html, "<thead>"), >=, 6);
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  if (gnuplot) {
    g_assert_cmpuint (count (html, "<svg"), ==, 5);
    g_autofree char *svg = read_out (f, "plots/forest.svg");
    g_assert_nonnull (strstr (svg, "<svg"));
    g_assert_null (strstr (html, "Produced by GNUPLOT"));
  }
}

static void
test_vietnamese_only (Fixture *f, gconstpointer data)
{
  write_ok (f, "html,md,csv", REPORT_LANG_VI);
  g_autofree char *html = read_out (f, "report.html");
  g_autofree char *text = visible_text (html);
  g_autofree char *md = read_out (f, "report.md");
  g_autofree char *items = read_out (f, "items.csv");
  each_reason (f, no_english_reason, text);
  each_reason (f, no_english_reason, md);
  each_reason (f, no_english_reason, items);
  /* The judge's own English fields never reach the page either. */
  static const char *const english[] = {
    "where the key says", "where the right answer declines",
    "matches a rule of what a right answer must not say", "answers about",
    "no answer", "statistically", "Share within", "Hallucination",
  };
  for (guint i = 0; i < G_N_ELEMENTS (english); i++) {
    g_assert_null (strstr (text, english[i]));
    g_assert_null (strstr (md, english[i]));
  }
  assert_no_raw_code (text, "report.html");
  assert_no_raw_code (md, "report.md");
  /* …and the Vietnamese wording is there instead. */
  g_assert_nonnull (strstr (text, "nêu «<b>50.000</b> đồng» cho lệ phí, "
                                  "trong khi đáp án là 15.000 đồng"));
  g_assert_nonnull (strstr (text, "nêu nội dung mà đáp án xác định là sai"));
  g_assert_nonnull (strstr (text, "cấp huyện đã bỏ từ 1/7/2025"));
  g_assert_nonnull (strstr (text, "trả lời về Đăng ký kết hôn thay vì Đăng "
                                  "ký khai sinh"));
  g_assert_nonnull (strstr (text, "nêu «03 ngày làm việc» trong khi câu trả "
                                  "lời đúng phải từ chối"));
  /* Issue 15's sections, in words, in both formats. */
  static const char *const integrity[] = {
    "Phúc khảo: xếp hạng trước và sau", "lên 1 hạng", "xuống 1 hạng",
    "cutru-002 (câu gốc, lần 2)", "Câu trả lời nêu đúng lệ phí tạm trú.",
    "Phạm Quốc Việt", "đã áp dụng", "đã được thay bằng quyết định sau",
    "một câu của bộ đề ẩn «secret»",
    "Hỏi lặp lại: câu trả lời có ổn định không", "Đúng cả 3 lần (pass^3)",
    "Tỷ lệ câu lúc đúng lúc sai", "61,0%", "chỉ tính câu đúng cả 3 lần",
    "Bài dự thi có câu trả lời gần như trùng nhau", "97,5%",
    "hotich-001 (sót phím gõ Telex #1)", "Đăng ký khai sinh: miễn lệ phí!",
    "Dấu hiệu lộ đề (canary)", "chuỗi canary của bộ đề",
    "cụm từ đặc trưng của câu canary", "vabench-canary-89eb30ce4cb79f2b",
    "(không công bố: bộ đề ẩn)",
  };
  for (guint i = 0; i < G_N_ELEMENTS (integrity); i++) {
    if (strstr (text, integrity[i]) == NULL || strstr (md, integrity[i]) == NULL)
      g_test_message ("missing: %s", integrity[i]);
    g_assert_nonnull (strstr (text, integrity[i]));
    g_assert_nonnull (strstr (md, integrity[i]));
  }
  /* A hidden item's reason and canary phrase never show. */
  g_assert_null (strstr (text, "KHOA-BI-MAT"));
  g_assert_null (strstr (md, "KHOA-BI-MAT"));
  g_assert_null (strstr (text, "CUM-TU-AN"));
  g_assert_null (strstr (md, "CUM-TU-AN"));
  g_assert_null (strstr (text, "sec-001"));
  g_assert_null (strstr (md, "sec-001"));
}

static void
test_html_en (Fixture *f, gconstpointer data)
{
  write_ok (f, "html,md", REPORT_LANG_VI);
  g_autofree char *vi_before = read_out (f, "report.html");
  write_ok (f, "html,md", REPORT_LANG_EN);
  /* English goes to files of its own; the Vietnamese ones stay. */
  g_autofree char *vi_after = read_out (f, "report.html");
  g_assert_cmpstr (vi_before, ==, vi_after);
  g_assert_true (exists (f, "report.en.md"));
  g_autofree char *html = read_out (f, "report.en.html");
  g_assert_nonnull (strstr (html, "lang=\"en\""));
  g_assert_nonnull (strstr (html, "Leaderboard"));
  g_assert_nonnull (strstr (html, "Methodology"));
  g_assert_nonnull (strstr (html, "not separable from hue: bootstrap test"));
  g_assert_nonnull (strstr (html, "66.7%"));
  g_assert_nonnull (strstr (html, "states &quot;&lt;b&gt;50.000&lt;/b&gt; "
                                  "đồng&quot; for the fee"));
  g_assert_nonnull (strstr (html, "timed out"));
  g_assert_null (strstr (html, "Bảng xếp hạng"));
  static const char *const integrity[] = {
    "Appeals: the ranking before and after", "up 1", "cutru-002 (as "
    "written, round 2)", "replaced by a later decision",
    "Repeated questions: are the answers stable",
    "Right all 3 times (pass^3)", "right all 3 times only",
    "Submissions whose answers are near-identical",
    "Signs of a leaked set (canaries)", "a canary item&#39;s tell-tale "
    "phrase",
  };
  for (guint i = 0; i < G_N_ELEMENTS (integrity); i++) {
    if (strstr (html, integrity[i]) == NULL)
      g_test_message ("missing: %s", integrity[i]);
    g_assert_nonnull (strstr (html, integrity[i]));
  }
  g_assert_null (strstr (html, "phúc khảo"));
  g_assert_null (strstr (html, "KHOA-BI-MAT"));
  assert_no_secret (html);
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  if (gnuplot)
    g_assert_true (exists (f, "plots/forest.en.svg"));
}

static void
test_no_gnuplot (Fixture *f, gconstpointer data)
{
  g_autofree char *old = g_strdup (g_getenv ("PATH"));
  g_setenv ("PATH", f->dir, TRUE); /* a folder without gnuplot */
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) warnings = NULL;
  ReportOptions opts = { "html", REPORT_LANG_VI, NULL, FALSE };
  gboolean ok = report_write (f->dir, &opts, &warnings, &error);
  g_setenv ("PATH", old, TRUE);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (warnings);
  g_assert_nonnull (strstr (warnings[0], "gnuplot"));
  g_autofree char *html = read_out (f, "report.html");
  g_assert_null (strstr (html, "<svg"));
  g_assert_nonnull (strstr (html, "Không có biểu đồ"));
}

/* A wrong row always says why: items.csv, the HTML detail, JUnit. */
static void
test_explained (Fixture *f, gconstpointer data)
{
  static const char *const requires[] = { "accuracy>=0.5", NULL };
  ReportOptions opts = { "html,csv,junit", REPORT_LANG_VI, requires, TRUE };
  write_with (f, &opts);
  g_autofree char *items = read_out (f, "items.csv");
  g_auto (GStrv) rows = g_strsplit (items, "\r\n", -1);
  guint wrong = 0;
  for (guint i = 1; rows[i] && *rows[i]; i++) {
    if (strstr (rows[i], ",false,") == NULL)
      continue;
    wrong++;
    /* The explanation is the last field: never empty for a wrong row. */
    gsize n = strlen (rows[i]);
    g_assert_cmpint (rows[i][n - 1], !=, ',');
  }
  g_assert_cmpuint (wrong, ==, PUBLIC_RECORDS - 1);
  g_assert_nonnull (strstr (items, "Bị chấm sai (điểm 0,50) nhưng bản ghi "
                                   "chấm không nêu lý do"));
  g_assert_nonnull (strstr (items, "[lượt 2] Thời hạn: mâu thuẫn — nêu «5 "
                                   "ngày» cho thời hạn giải quyết"));
  g_assert_nonnull (strstr (items, "Các ý khác đã xét: «500.000 đồng» (nói về mức "
                                   "phạt, không phải thời hạn giải quyết)"));
  g_assert_nonnull (strstr (items, "Phí, lệ phí: chỉ nêu giá trị của trường "
                                   "hợp khác — chỉ nêu «7.000 đồng»"));
  g_assert_nonnull (strstr (items, "Yêu cầu thất bại: quá thời gian chờ"));
  g_autofree char *html = read_out (f, "report.html");
  g_assert_cmpuint (count (html, "<ul class=\"why\"><li class=\"contra"),
                    ==, PUBLIC_RECORDS - 1);
  g_autofree char *xml = read_out (f, "junit.xml");
  g_assert_null (strstr (xml, "message=\"\""));
  g_assert_null (strstr (xml, "No data"));
  g_assert_null (strstr (xml, "Không có dữ liệu"));
}

static void
test_shortened (Fixture *f, gconstpointer data)
{
  write_ok (f, "html,md,csv", REPORT_LANG_VI);
  g_autofree char *html = read_out (f, "report.html");
  /* A 1 MB answer no longer makes a report of megabytes. */
  g_assert_cmpuint (strlen (html), <, 400 * 1024);
  g_assert_nonnull (strstr (html, "[đã rút gọn: câu trả lời dài "));
  g_assert_nonnull (strstr (html, "toàn văn trong tệp scores.jsonl"));
  g_autofree char *md = read_out (f, "report.md");
  g_assert_cmpuint (strlen (md), <, 64 * 1024);
  g_autofree char *items = read_out (f, "items.csv");
  g_assert_cmpuint (strlen (items), <, 64 * 1024);
}

static void
test_markdown (Fixture *f, gconstpointer data)
{
  static const char *const requires[] = { "accuracy>=50%", "p95_ms<=3000",
                                          NULL };
  ReportOptions opts = { "md", REPORT_LANG_VI, requires, FALSE };
  write_with (f, &opts);
  g_autofree char *md = read_out (f, "report.md");
  g_assert_nonnull (strstr (md, "## Kiểm tra ngưỡng chất lượng"));
  g_assert_nonnull (strstr (md, "**KHÔNG ĐẠT: 3/6 lượt kiểm tra không đạt**"));
  g_assert_nonnull (strstr (md, "| hue | accuracy &gt;= 50% | 0,0% | không "
                                "đạt |"));
  g_assert_nonnull (strstr (md, "| hue | p95_ms &lt;= 3000 | 4000 | không "
                                "đạt |"));
  /* Failures are listed before the checks that hold. */
  g_assert_true (strstr (md, "không đạt |") < strstr (md, "| đạt |"));
  g_assert_nonnull (strstr (md, "| 1–2 | hanoi | 61,0% [40,0–80,0] |"));
  g_assert_nonnull (strstr (md, "nhóm 1"));
  g_assert_nonnull (strstr (md, "không phân biệt được với hue"));
  g_assert_nonnull (strstr (md, "quá thời gian chờ 1"));
  g_assert_nonnull (strstr (md, "## Các câu trả lời kém nhất"));
  g_assert_nonnull (strstr (md, "| hotich-001 (câu gốc) | 0,00 |"));
  g_assert_nonnull (strstr (md, "Trả lời sang thủ tục khác: trả lời về Đăng "
                                "ký kết hôn thay vì Đăng ký khai sinh; Cơ "
                                "quan thực hiện: thiếu"));
  assert_no_secret (md);
  /* md alone writes nothing else. */
  g_assert_false (exists (f, "report.html"));
  /* Without thresholds the verdict says none was given and how. */
  write_ok (f, "md", REPORT_LANG_VI);
  g_free (md);
  md = read_out (f, "report.md");
  g_assert_nonnull (strstr (md, "Chưa đặt ngưỡng nào (dùng tùy chọn --require"));
}

static void
test_leaderboard (void)
{
  g_autofree char *text = read_path (FIXTURE "/results.json");
  g_autoptr (Results) results = results_parse (text, -1, "fixture", NULL);
  g_assert_nonnull (results);
  g_autofree char *en = report_leaderboard_markdown (results, REPORT_LANG_EN);
  g_assert_nonnull (strstr (en, "| Rank | Submission |"));
  g_assert_nonnull (strstr (en, "| 1–2 | hue | 30.0% [10.0–50.0] | 0.0% | – |"));
  g_assert_nonnull (strstr (en, "| 3 | danang |"));
  g_assert_nonnull (strstr (en, "2000 / 4000"));
  const char *gap = strstr (en, "\n\n");
  g_autofree char *board = gap ? g_strndup (en, (gsize) (gap - en + 1))
                               : g_strdup (en);
  g_assert_cmpuint (count (board, "\n"), ==, 5);
  g_assert_nonnull (gap);
  g_assert_nonnull (strstr (gap, "Accuracy (Drop)"));
  g_assert_nonnull (strstr (gap, "Telex keystrokes left in"));
}

static void
test_ties (void)
{
  g_autofree char *text = read_path (FIXTURE "/results.json");
  g_autoptr (Results) r = results_parse (text, -1, "fixture", NULL);
  g_autofree char *a = ties_rank_label (r, 0);
  g_autofree char *b = ties_rank_label (r, 1);
  g_autofree char *c = ties_rank_label (r, 2);
  g_assert_cmpstr (a, ==, "1–2");
  g_assert_cmpstr (b, ==, "1–2");
  g_assert_cmpstr (c, ==, "3");
  int group = 0;
  g_assert_true (ties_in_group (r, 0, &group));
  g_assert_cmpint (group, ==, 1);
  g_assert_false (ties_in_group (r, 2, &group));
  g_assert_null (ties_decision (r, 2, REPORT_LANG_VI));
  /* The decisive test of each case of the tie rule, in words. */
  static const struct {
    const char *vs;
    double c0, c1;
    const char *words;
  } cases[] = {
    { "{\"id\":\"b\",\"p_composite\":1,\"p_mcnemar\":1,\"separable\":false}",
      0.5, 0.5, "ngang nhau với b: điểm tổng hợp bằng nhau" },
    { "{\"id\":\"b\",\"p_composite\":0.3,\"p_mcnemar\":0.01,"
      "\"separable\":false}", 0.6, 0.5,
      "không phân biệt được với b: kiểm định bootstrap p = 0,300 ≥ 0,05" },
    { "{\"id\":\"b\",\"p_composite\":0.002,\"p_mcnemar\":0.2,"
      "\"separable\":false}", 0.6, 0.5,
      "không phân biệt được với b: chênh lệch chủ yếu do độ chính xác, kiểm "
      "định McNemar trên cùng các câu hỏi p = 0,200 ≥ 0,05 (kiểm định "
      "bootstrap p = 0,002)" },
    { "{\"id\":\"b\",\"p_composite\":0.0001,\"p_mcnemar\":0.5,"
      "\"separable\":true}", 0.6, 0.5,
      "khác biệt với b: kiểm định bootstrap p < 0,001 < 0,05" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *json = g_strdup_printf (
        "{\"submissions\": [{\"id\":\"a\",\"rank\":1,\"tie_group\":1,"
        "\"composite\":%g,\"vs_next\":%s},{\"id\":\"b\",\"rank\":2,"
        "\"tie_group\":%d,\"composite\":%g}]}",
        cases[i].c0, cases[i].vs, strstr (cases[i].vs, "true") ? 2 : 1,
        cases[i].c1);
    g_autoptr (Results) t = results_parse (json, -1, "case", NULL);
    g_autofree char *words = ties_decision (t, 0, REPORT_LANG_VI);
    g_assert_cmpstr (words, ==, cases[i].words);
  }
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  write_ok (f, "csv", REPORT_LANG_VI);
  g_autofree char *items = read_out (f, "items.csv");
  /* A byte order mark, so Excel reads UTF-8. */
  g_assert_true (g_str_has_prefix (items, "\xEF\xBB\xBF" "submission,"
                                          "testset,item,"));
  g_assert_cmpuint (count (items, "\r\n"), >=, PUBLIC_RECORDS + 1);
  /* RFC 4180: a field with a comma or quote is quoted, quotes doubled. */
  g_assert_nonnull (strstr (items, ",\"Lệ phí là \"\"15.000 đồng\"\", nộp tại"));
  g_assert_nonnull (strstr (items, "hue,practice,hotich-001,ho-tich,procedure,"
                                   "clean,clean,false,0,0,0,timeout,"));
  assert_no_secret (items);
  g_autofree char *results = read_out (f, "results.csv");
  g_assert_true (g_str_has_prefix (results, "\xEF\xBB\xBF" "rank,id,name,"));
  g_assert_cmpuint (count (results, "\r\n"), ==, 4);
  g_assert_nonnull (strstr (results, "\"Trợ lý <b>Huế</b> & \"\"bạn\"\"\""));
}

/* Numbers no integer holds are written as numbers, not cast: a
 * results.json from elsewhere may hold anything (tests/fuzz/fuzz-rundata
 * found the cast; UBSan's float-cast-overflow stops on it). */
static void
test_csv_huge_numbers (void)
{
  static const char text[]
      = "{\"submissions\": [{\"id\": \"x\", \"rank\": 1, "
        "\"accuracy\": 6.7e88, \"p95_ms\": -1e300, \"items\": 1e20, "
        "\"accuracy_ci\": [1e19, 9.3e18]}]}";
  g_autoptr (GError) error = NULL;
  g_autoptr (Results) r = results_parse (text, -1, "results.json", &error);
  g_assert_no_error (error);
  g_autofree char *csv = csv_results (r);
  g_assert_nonnull (strstr (csv, ",6.7e+88,"));
  g_assert_nonnull (strstr (csv, ",-1e+300,"));
  g_assert_nonnull (strstr (csv, ",1e+20,"));
  g_assert_nonnull (strstr (csv, ",1e+19,9.3e+18,"));
}

/* Found by fuzz-rundata: the HTML report cast results.json's counts to
 * int ("items": 7e90 in a category cell is undefined behaviour, caught by
 * float-cast-overflow), and so did the set's items, the rank, the tie
 * group and the gate's values in Markdown. Each is now shown only when it
 * is a whole number in range; the reports are made all the same. */
static void
test_html_huge_numbers (void)
{
  g_autofree char *fixture = read_path (FIXTURE "/results.json");
  g_autoptr (cJSON) o = cJSON_Parse (fixture);
  cJSON *sub = cJSON_GetArrayItem (cJSON_GetObjectItem (o, "submissions"), 0);
  g_assert_nonnull (sub);
  cJSON_ReplaceItemInObject (sub, "rank", cJSON_CreateNumber (1e20));
  cJSON_ReplaceItemInObject (sub, "tie_group", cJSON_CreateNumber (-1e300));
  cJSON *cats = cJSON_GetObjectItem (sub, "by_category");
  g_assert_true (cats && cats->child);
  cJSON_ReplaceItemInObject (cats->child, "items", cJSON_CreateNumber (7e90));
  cJSON_ReplaceItemInObject (cats->child, "correct",
                             cJSON_CreateNumber (-7e90));
  cJSON *sets = cJSON_GetObjectItem (cJSON_GetObjectItem (o, "contest"),
                                     "testsets");
  g_assert_true (sets && sets->child);
  cJSON_ReplaceItemInObject (sets->child, "items", cJSON_CreateNumber (7e90));
  g_autofree char *dir = g_dir_make_tmp ("vb-report-huge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "results.json", NULL);
  g_autofree char *text = cJSON_Print (o);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_autoptr (GError) error = NULL;
  g_autoptr (RunData) rd = rundata_load (dir, &error);
  g_assert_no_error (error);
  for (int lang = 0; lang < 2; lang++) {
    g_autofree char *html = html_report (rd, NULL, (ReportLang) lang);
    g_assert_nonnull (html);
    g_assert_nonnull (strstr (html, "<span class=\"ci\">0/0</span>"));
    g_autofree char *md = markdown_report (rd, NULL, (ReportLang) lang);
    g_assert_nonnull (md);
  }
  g_autofree char *label = ties_rank_label (rd->results, 0);
  g_assert_cmpstr (label, ==, "1");
  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_json (Fixture *f, gconstpointer data)
{
  write_ok (f, "json", REPORT_LANG_VI);
  g_autofree char *text = read_out (f, "results.json");
  g_autofree char *golden = read_path (FIXTURE "/results.json");
  g_autofree char *fixture = with_integrity (golden);
  g_autoptr (cJSON) a = cJSON_Parse (text);
  g_autoptr (cJSON) b = cJSON_Parse (fixture);
  g_assert_true (cJSON_Compare (a, b, TRUE));
}

static void
xmllint_check (const char *file, const char *schema)
{
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  if (xmllint == NULL) {
    g_test_message ("xmllint not installed: schema not checked");
    return;
  }
  const char *argv[] = { xmllint, "--noout", "--schema", schema, file, NULL };
  int status = -1;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (status != 0)
    g_test_message ("xmllint: %s", err);
  g_assert_cmpint (status, ==, 0);
}

/* JUnit agrees with the gate: one case per threshold and submission. */
static void
test_junit (Fixture *f, gconstpointer data)
{
  static const char *const requires[] = { "accuracy>=0%", "p95_ms<=3000",
                                          NULL };
  ReportOptions opts = { "junit", REPORT_LANG_VI, requires, FALSE };
  write_with (f, &opts);
  g_autofree char *xml = read_out (f, "junit.xml");
  g_assert_cmpuint (count (xml, "<testcase "), ==, 2 * 3);
  g_assert_cmpuint (count (xml, "<failure "), ==, 1);
  g_assert_nonnull (strstr (xml, "<testsuites name=\"fixture\" tests=\"6\" "
                                 "failures=\"1\" errors=\"0\">"));
  g_assert_nonnull (strstr (xml, "<testcase classname=\"hue\" "
                                 "name=\"p95_ms &lt;= 3000\" time=\"0\">"));
  g_assert_nonnull (strstr (xml, "message=\"FAIL hue: p95_ms &lt;= 3000 "
                                 "(p95_ms = 4000)\""));
  g_assert_nonnull (strstr (xml, "name=\"accuracy &gt;= 0%\""));
  assert_no_secret (xml);
  g_autofree char *path = g_build_filename (f->dir, "junit.xml", NULL);
  xmllint_check (path, "tests/junit.xsd");

  /* No threshold: one skipped case per submission says so. */
  write_ok (f, "junit", REPORT_LANG_VI);
  g_free (xml);
  xml = read_out (f, "junit.xml");
  g_assert_cmpuint (count (xml, "<testcase "), ==, 3);
  g_assert_cmpuint (count (xml, "<skipped "), ==, 3);
  g_assert_cmpuint (count (xml, "<failure"), ==, 0);
  xmllint_check (path, "tests/junit.xsd");

  /* Per-item cases only when asked for. */
  ReportOptions items = { "junit", REPORT_LANG_EN, requires, TRUE };
  write_with (f, &items);
  g_free (xml);
  xml = read_out (f, "junit.en.xml");
  g_assert_cmpuint (count (xml, "<testcase "), ==, 6 + PUBLIC_RECORDS + 2);
  g_assert_nonnull (strstr (xml, "classname=\"hanoi\" "
                                 "name=\"cutru-002/telex#1\""));
  g_assert_nonnull (strstr (xml, "name=\"hidden:secret\""));
  g_assert_nonnull (strstr (xml, "message=\"1/1 wrong\""));
  g_assert_nonnull (strstr (xml, "Time limit: missing — states no duration "
                                 "for the processing time"));
  g_assert_nonnull (strstr (xml, "<error type=\"timeout\""));
  g_assert_nonnull (strstr (xml, "&lt;script&gt;"));
  g_assert_null (strstr (xml, "<script"));
  assert_no_secret (xml);
  g_autofree char *en = g_build_filename (f->dir, "junit.en.xml", NULL);
  xmllint_check (en, "tests/junit.xsd");
}

static void
test_all_formats (Fixture *f, gconstpointer data)
{
  write_ok (f, NULL, REPORT_LANG_VI);
  static const char *const files[] = { "report.html", "report.md",
                                       "results.csv", "items.csv",
                                       "results.json", "junit.xml" };
  for (guint i = 0; i < G_N_ELEMENTS (files); i++) {
    g_autofree char *text = read_out (f, files[i]);
    g_assert_cmpuint (strlen (text), >, 0);
  }
}

static void
test_bad_input (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  ReportOptions bad = { "html,pdf", REPORT_LANG_VI, NULL, FALSE };
  g_assert_false (report_write (f->dir, &bad, NULL, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "pdf"));
  g_clear_error (&error);
  static const char *const requires[] = { "accuracy>=80", NULL };
  ReportOptions rate = { "md", REPORT_LANG_VI, requires, FALSE };
  g_assert_false (report_write (f->dir, &rate, NULL, &error));
  g_assert_error (error, GATE_ERROR, GATE_ERROR_EXPR);
  g_assert_false (exists (f, "report.md"));
  g_clear_error (&error);
  g_autofree char *missing = g_build_filename (f->dir, "nope", NULL);
  ReportOptions md = { "md", REPORT_LANG_VI, NULL, FALSE };
  g_assert_false (report_write (missing, &md, NULL, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_INPUT);
  g_clear_error (&error);
  fixture_write (f->dir, "results.json", "{\"submissions\": 3}");
  g_assert_false (report_write (f->dir, &md, NULL, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_INPUT);
  g_clear_error (&error);
  ReportLang lang;
  g_assert_false (report_lang_parse ("fr", &lang, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_FORMAT);
}

static void
test_file_names (void)
{
  static const char *const cases[][3] = {
    { "report.html", "report.html", "report.en.html" },
    { "plots/forest.svg", "plots/forest.svg", "plots/forest.en.svg" },
    { "junit.xml", "junit.xml", "junit.en.xml" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *vi = report_file_name (cases[i][0], REPORT_LANG_VI);
    g_autofree char *en = report_file_name (cases[i][0], REPORT_LANG_EN);
    g_assert_cmpstr (vi, ==, cases[i][1]);
    g_assert_cmpstr (en, ==, cases[i][2]);
  }
}

/* Every code has a Vietnamese name; every heading both languages. */
static void
test_labels (void)
{
  g_assert_true (labels_complete ());
  g_assert_true (i18n_complete ());
  for (const char *const *k = perturb_kind_names (); *k; k++)
    g_assert_cmpstr (labels_nearmiss (*k, REPORT_LANG_VI), !=, *k);
  for (guint t = 0; t < FACT_N_TYPES; t++)
    g_assert_cmpstr (labels_fact (judge_fact_type_names[t], REPORT_LANG_VI),
                     !=, judge_fact_type_names[t]);
  g_autofree char *v1 = labels_variant ("telex#1", NULL, REPORT_LANG_VI);
  g_autofree char *v2 = labels_variant ("hand:vni#2", "vni", REPORT_LANG_EN);
  g_autofree char *v3 = labels_variant ("clean", "clean", REPORT_LANG_VI);
  g_assert_cmpstr (v1, ==, "sót phím gõ Telex #1");
  g_assert_cmpstr (v2, ==, "VNI keystrokes left in (hand-written) #2");
  g_assert_cmpstr (v3, ==, "câu gốc");
}

static void
test_escape (void)
{
  static const struct {
    void (*fn) (GString *, const char *);
    const char *in, *out;
  } cases[] = {
    { escape_html, "<a href=\"x\">Tôi & 'bạn'</a>",
      "&lt;a href=&quot;x&quot;&gt;Tôi &amp; &#39;bạn&#39;&lt;/a&gt;" },
    { escape_xml, "a\x01" "b<\tĐ", "ab&lt;\tĐ" },
    { escape_csv, "Hà Nội", "Hà Nội" },
    { escape_csv, "15.000 đồng, \"miễn phí\"",
      "\"15.000 đồng, \"\"miễn phí\"\"\"" },
    { escape_csv, "dòng 1\ndòng 2", "\"dòng 1\ndòng 2\"" },
    { escape_md, "a|b\n<i>", "a\\|b &lt;i&gt;" },
    { escape_gnuplot, "Huế's\nx", "'Huế''s x'" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autoptr (GString) s = g_string_new (NULL);
    cases[i].fn (s, cases[i].in);
    g_assert_cmpstr (s->str, ==, cases[i].out);
  }
}

static void
test_plot_inline (void)
{
  const char *svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n"
                    "<svg><title>Gnuplot</title><desc>Produced by GNUPLOT"
                    "</desc><g id=\"gnuplot_canvas\"><use xlink:href='#gpPt1' "
                    "id='gpPt2'/><rect filter='url(#textbox)'/></g></svg>";
  g_autofree char *out = plot_inline (svg, "lb");
  g_assert_true (g_str_has_prefix (out, "<svg>"));
  g_assert_null (strstr (out, "Gnuplot"));
  g_assert_null (strstr (out, "Produced"));
  g_assert_nonnull (strstr (out, "id=\"lb_gnuplot_canvas\""));
  g_assert_nonnull (strstr (out, "href='#lb_gpPt1' id='lb_gpPt2'"));
  g_assert_nonnull (strstr (out, "url(#lb_textbox)"));
}

static void
test_plot_error (void)
{
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  if (gnuplot == NULL) {
    g_test_skip ("gnuplot not installed");
    return;
  }
  g_autoptr (GError) error = NULL;
  g_autofree char *svg = plot_render (gnuplot, "set terminal svg\n"
                                               "plot $nosuchblock using 1\n",
                                      &error);
  g_assert_null (svg);
  g_assert_error (error, PLOT_ERROR, PLOT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "gnuplot"));
}

/* n provinces, every field a plot draws, two near-miss kinds, three
 * categories; the 12th is Hà Nội (the old plots stopped at 12). */
static char *
many_results (guint n)
{
  g_autoptr (GString) s = g_string_new (
      "{\"contest\": {\"sla_ms\": 3000, \"nearmiss_kinds\": [\"telex\", "
      "\"no_diacritics\"], \"testsets\": [{\"name\": \"p\", \"categories\": "
      "{\"cu-tru\": \"Cư trú\", \"ho-tich\": \"Hộ tịch\", \"can-cuoc\": "
      "\"Căn cước\"}}]}, \"ties\": [], \"submissions\": [");
  for (guint i = 0; i < n; i++) {
    double c = 0.9 - i * 0.01;
    char id[16];
    g_snprintf (id, sizeof id, "tinh-%02u", i + 1);
    g_string_append_printf (
        s,
        "%s{\"id\": \"%s\", \"rank\": %u, \"tie_group\": %u, "
        "\"composite\": %g, \"composite_ci\": [%g, %g], \"accuracy\": %g, "
        "\"p50_ms\": %u, \"p95_ms\": %u, \"p99_ms\": %u, "
        "\"by_kind\": {\"telex\": {\"accuracy\": 0.5, \"drop\": 0.2}, "
        "\"no_diacritics\": {\"accuracy\": 0.6, \"drop\": 0.1}}, "
        "\"by_category\": {\"cu-tru\": {\"accuracy\": 0.7}, \"ho-tich\": "
        "{\"accuracy\": 0.8}, \"can-cuoc\": {\"accuracy\": 0.9}}}",
        i ? "," : "", i == 11 ? "ha-noi" : id,
        i + 1, i / 3 + 1, c, c - 0.05, c + 0.05, c, 100 + i, 500 + 10 * i,
        900 + 20 * i);
  }
  g_string_append (s, "]}");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Every plot holds every one of 40 submissions (the SVG's labels), and
 * shared ranks mark the tie groups. */
static void
test_plots_many (void)
{
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vabench-plots-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *json = many_results (40);
  fixture_write (dir, "results.json", json);
  g_autoptr (RunData) rd = rundata_load (dir, &error);
  g_assert_no_error (error);
  char *(*scripts[]) (const RunData *, ReportLang) = {
    plot_script_forest, plot_script_nearmiss, plot_script_categories,
    plot_script_latency,
  };
  for (guint k = 0; k < G_N_ELEMENTS (scripts); k++) {
    g_autofree char *script = scripts[k](rd, REPORT_LANG_VI);
    g_assert_nonnull (script);
    g_assert_nonnull (strstr (script, "'1–3  tinh-01'"));
    g_assert_nonnull (strstr (script, "'10–12  ha-noi'"));
    g_assert_nonnull (strstr (script, "'40  tinh-40'"));
    if (gnuplot == NULL)
      continue;
    g_autofree char *svg = plot_render (gnuplot, script, &error);
    g_assert_no_error (error);
    guint labels = 0;
    for (guint i = 0; i < 40; i++) {
      const cJSON *sub = cJSON_GetArrayItem (rd->subs, (int) i);
      g_autofree char *rank = ties_rank_label (rd->results, i);
      g_autofree char *label = g_strdup_printf (
          ">%s  %s</text>", rank, cJSON_GetStringValue (
                                      cJSON_GetObjectItem (sub, "id")));
      labels += strstr (svg, label) != NULL;
    }
    g_assert_cmpuint (labels, ==, 40);
  }
  g_autofree char *cats = plot_script_categories (rd, REPORT_LANG_VI);
  g_assert_nonnull (strstr (cats, "'Căn cước'"));
  g_autofree char *kinds = plot_script_nearmiss (rd, REPORT_LANG_VI);
  g_assert_nonnull (strstr (kinds, "'viết không dấu'"));
  g_assert_null (strstr (kinds, "'no_diacritics'"));
  vbt_rm_rf (dir);
}

/* The report hue receives: its answers, the hidden one included, its
 * decisions, and nothing of hanoi or danang, nor a question it was never
 * sent. */
static void
test_private (Fixture *f, gconstpointer data)
{
  g_autofree char *scores = read_out (f, "scores.jsonl");
  g_autoptr (GString) s = g_string_new (scores);
  g_string_append (
      s, "{\"submission\": \"hue\", \"testset\": \"secret\", \"item\": "
         "\"sec-404\", \"category\": \"cu-tru\", \"kind\": \"procedure\", "
         "\"hidden\": true, \"variant\": \"clean\", \"variant_kind\": "
         "\"clean\", \"score\": 0, \"correct\": false, \"lenient_score\": 0, "
         "\"contradictions\": 0, \"error_class\": \"connect\", \"requests\": "
         "3, \"failed_requests\": 3, \"latency_us\": [], \"turns\": "
         "[{\"turn\": 0, \"question\": \"CÂU CHƯA TỪNG GỬI\", \"answer\": "
         "null, \"error_class\": \"connect\", \"judgement\": {\"score\": 0, "
         "\"correct\": false, \"facts\": [{\"type\": \"money\", "
         "\"required\": true, \"status\": \"missing\", \"rule\": "
         "\"value.missing\", \"args\": [\"ĐÁP ÁN KÍN 77.000 đồng\"], "
         "\"reason\": \"ĐÁP ÁN KÍN\"}]}}]}\n");
  fixture_write (f->dir, "scores.jsonl", s->str);
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_assert_true (private_report_write (f->dir, "hue", REPORT_LANG_VI, &dir,
                                       &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (dir, "/private/hue"));
  g_autofree char *html = read_out (f, "private/hue/report.html");
  g_autofree char *csv = read_out (f, "private/hue/items.csv");
  g_autofree char *text = visible_text (html);
  static const char *const expect[] = {
    "Báo cáo riêng gửi bài dự thi hue", "trên 3 bài dự thi",
    "CÂU HỎI BÍ MẬT", "TRẢ LỜI BÍ MẬT", /* its own hidden answer */
    "lỗi: quá thời gian chờ", "Câu trả lời nêu đúng lệ phí tạm trú.",
    "1 câu hỏi (tính cả các cách hỏi biến thể) không đến được",
    "không kết nối được: 1", "Đúng cả 3 lần (pass^3)",
  };
  for (guint i = 0; i < G_N_ELEMENTS (expect); i++) {
    if (strstr (text, expect[i]) == NULL)
      g_test_message ("missing: %s", expect[i]);
    g_assert_nonnull (strstr (text, expect[i]));
  }
  static const char *const never[] = {
    "hanoi", "danang", "Hà Nội", "Đà Nẵng", "KHOA-BI-MAT", "CUM-TU-AN",
    "CÂU CHƯA TỪNG GỬI", "ĐÁP ÁN KÍN", "sec-404",
  };
  for (guint i = 0; i < G_N_ELEMENTS (never); i++) {
    if (strstr (html, never[i]) || strstr (csv, never[i]))
      g_test_message ("shown: %s", never[i]);
    g_assert_null (strstr (html, never[i]));
    g_assert_null (strstr (csv, never[i]));
  }
  assert_no_raw_code (text, "private/hue/report.html");
  g_assert_nonnull (strstr (csv, "hue,secret,sec-001,"));
  /* an id that is no folder name, and an unknown one, are refused */
  g_assert_false (private_report_write (f->dir, "../hue", REPORT_LANG_VI,
                                        NULL, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_INPUT);
  g_clear_error (&error);
  g_assert_false (private_report_write (f->dir, "hcm", REPORT_LANG_VI, NULL,
                                        &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_INPUT);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define FIX(path, fn)                                                        \
  g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  FIX ("/report/html/vi", test_html_vi);
  FIX ("/report/html/vietnamese-only", test_vietnamese_only);
  FIX ("/report/html/en", test_html_en);
  FIX ("/report/html/no-gnuplot", test_no_gnuplot);
  FIX ("/report/explained", test_explained);
  FIX ("/report/shortened", test_shortened);
  FIX ("/report/markdown", test_markdown);
  FIX ("/report/csv", test_csv);
  FIX ("/report/json", test_json);
  FIX ("/report/junit", test_junit);
  FIX ("/report/all-formats", test_all_formats);
  FIX ("/report/bad-input", test_bad_input);
  FIX ("/report/private", test_private);
  g_test_add_func ("/report/leaderboard", test_leaderboard);
  g_test_add_func ("/report/csv/huge-numbers", test_csv_huge_numbers);
  g_test_add_func ("/report/html/huge-numbers", test_html_huge_numbers);
  g_test_add_func ("/report/ties", test_ties);
  g_test_add_func ("/report/file-names", test_file_names);
  g_test_add_func ("/report/labels", test_labels);
  g_test_add_func ("/report/escape", test_escape);
  g_test_add_func ("/report/plot/inline", test_plot_inline);
  g_test_add_func ("/report/plot/error", test_plot_error);
  g_test_add_func ("/report/plot/forty", test_plots_many);
  return g_test_run ();
}
