/* Reports from a small run fixture: every format, escaping of hostile
 * answers, hidden sets left out, Vietnamese and English headings, JUnit
 * counts and schema, gnuplot present or absent. */
#include <glib/gstdio.h>
#include <string.h>

#include "reports/escape.h"
#include "reports/plot.h"
#include "reports/report.h"

static const char fixture_results[] =
  "{\"vabench_version\": \"0.1.0-test\","
  " \"run\": {\"id\": \"demo\", \"started_at\": \"2026-01-10T08:00:00Z\","
  "          \"finished_at\": \"2026-01-10T08:05:00Z\"},"
  " \"contest\": {\"name\": \"Cuộc thi thử\", \"seed\": 20251122,"
  "   \"weights\": {\"accuracy\": 0.5, \"nearmiss\": 0.2, \"latency\": 0.2,"
  "                 \"availability\": 0.1},"
  "   \"sla_ms\": 3000, \"resamples\": 1000,"
  "   \"nearmiss_kinds\": [\"no_diacritics\", \"telex\"], \"per_item\": 1,"
  "   \"testsets\": [{\"name\": \"practice\", \"path\": \"p.jsonl\","
  "                   \"sha256\": \"aa11\", \"visibility\": \"public\","
  "                   \"items\": 2},"
  "                  {\"name\": \"secret\", \"path\": \"s.jsonl\","
  "                   \"sha256\": \"bb22\", \"visibility\": \"hidden\","
  "                   \"items\": 1}]},"
  " \"submissions\": ["
  "  {\"id\": \"hanoi\", \"name\": \"Trợ lý ảo Hà Nội\", \"province\": \"Hà Nội\","
  "   \"rank\": 1, \"tie_group\": 1, \"items\": 3, \"correct\": 2,"
  "   \"accuracy\": 0.6667, \"accuracy_ci\": [0.3, 1.0],"
  "   \"lenient_accuracy\": 0.6667, \"mean_score\": 0.8,"
  "   \"nearmiss_variants\": 1, \"nearmiss_accuracy\": 0.0,"
  "   \"nearmiss_ci\": [0, 0], \"robustness\": 0.0, \"robustness_ci\": [0, 0],"
  "   \"robustness_pairs\": 1,"
  "   \"by_kind\": {\"telex\": {\"variants\": 1, \"accuracy\": 0.0,"
  "     \"pairs\": 1, \"robustness\": 0.0, \"robustness_ci\": [0, 0],"
  "     \"drop\": 1.0}},"
  "   \"by_category\": {\"cu-tru\": {\"items\": 1, \"correct\": 1, \"accuracy\": 1.0},"
  "                     \"ho-tich\": {\"items\": 1, \"correct\": 0, \"accuracy\": 0.0}},"
  "   \"contradictions\": 0, \"hallucination_rate\": 0.0, \"records\": 4,"
  "   \"requests\": 4, \"failed_requests\": 0, \"errors\": 0,"
  "   \"errors_by_class\": {}, \"availability\": 1.0, \"latency_score\": 1.0,"
  "   \"p50_ms\": 120, \"p95_ms\": 900, \"p99_ms\": 950, \"mean_ms\": 300,"
  "   \"latency_cdf\": [[100, 0.25], [120, 0.5], [900, 1.0]],"
  "   \"composite\": 0.61, \"composite_ci\": [0.4, 0.8],"
  "   \"vs_next\": {\"id\": \"hue\", \"p_composite\": 0.4, \"p_mcnemar\": 1,"
  "                 \"separable\": false}},"
  "  {\"id\": \"hue\", \"name\": \"Trợ lý <b>Huế</b> & \\\"bạn\\\"\","
  "   \"province\": \"Huế\", \"rank\": 2, \"tie_group\": 1, \"items\": 3,"
  "   \"correct\": 0, \"accuracy\": 0.0, \"accuracy_ci\": [0, 0],"
  "   \"lenient_accuracy\": 0.0, \"mean_score\": 0.1,"
  "   \"nearmiss_variants\": 0, \"nearmiss_accuracy\": null,"
  "   \"nearmiss_ci\": null, \"robustness\": null, \"robustness_ci\": null,"
  "   \"robustness_pairs\": 0, \"by_kind\": {},"
  "   \"by_category\": {\"cu-tru\": {\"items\": 1, \"correct\": 0, \"accuracy\": 0.0}},"
  "   \"contradictions\": 1, \"hallucination_rate\": 0.5, \"records\": 3,"
  "   \"requests\": 3, \"failed_requests\": 1, \"errors\": 1,"
  "   \"errors_by_class\": {\"timeout\": 1}, \"availability\": 0.6667,"
  "   \"latency_score\": 0.5, \"p50_ms\": 2000, \"p95_ms\": 4000,"
  "   \"p99_ms\": 4000, \"mean_ms\": 3000,"
  "   \"latency_cdf\": [[2000, 0.5], [4000, 1.0]],"
  "   \"composite\": 0.3, \"composite_ci\": [0.1, 0.5], \"vs_next\": null}],"
  " \"ties\": [[\"hanoi\", \"hue\"]],"
  " \"load\": {\"submission\": \"hanoi\", \"sla_p95_ms\": 3000, \"capacity\": 64,"
  "   \"steps\": [{\"concurrency\": 16, \"requests\": 400, \"p50_ms\": 100,"
  "     \"p95_ms\": 400, \"p99_ms\": 600, \"error_rate\": 0, \"accuracy\": 0.9,"
  "     \"rps\": 150.5},"
  "    {\"concurrency\": 64, \"requests\": 900, \"p50_ms\": 400,"
  "     \"p95_ms\": 2900, \"p99_ms\": 3500, \"error_rate\": 0.01,"
  "     \"accuracy\": 0.88, \"rps\": 200}]}}\n";

#define XSS_ANSWER                                                           \
  "Lệ phí là \\\"15.000 đồng\\\", nộp tại <script>document.title='pwned'"    \
  "</script><img src=x onerror=\\\"document.title='pwned'\\\">"

static const char *const fixture_scores[] = {
  "{\"submission\": \"hanoi\", \"testset\": \"practice\", \"item\": \"cutru-002\","
  " \"category\": \"cu-tru\", \"kind\": \"procedure\", \"hidden\": false,"
  " \"variant\": \"clean\", \"variant_kind\": null, \"score\": 1.0,"
  " \"correct\": true, \"lenient_score\": 1.0, \"contradictions\": 0,"
  " \"error_class\": null, \"requests\": 1, \"failed_requests\": 0,"
  " \"latency_us\": [120000], \"turns\": [{\"turn\": 0,"
  " \"question\": \"Đăng ký tạm trú mất bao lâu?\","
  " \"answer\": \"03 ngày làm việc, lệ phí 15.000 đồng.\","
  " \"judgement\": {\"score\": 1, \"correct\": true, \"facts\": []}}]}",
  "{\"submission\": \"hanoi\", \"testset\": \"practice\", \"item\": \"cutru-002\","
  " \"category\": \"cu-tru\", \"kind\": \"procedure\", \"hidden\": false,"
  " \"variant\": \"telex#1\", \"variant_kind\": \"telex\", \"score\": 0.5,"
  " \"correct\": false, \"lenient_score\": 0.5, \"contradictions\": 0,"
  " \"error_class\": null, \"requests\": 1, \"failed_requests\": 0,"
  " \"latency_us\": [900000], \"turns\": [{\"turn\": 0,"
  " \"question\": \"ddawng kys tamj truss mast bao lau\","
  " \"answer\": \"Bạn vui lòng liên hệ Công an cấp xã.\","
  " \"judgement\": {\"score\": 0.5, \"correct\": false, \"facts\": ["
  "   {\"type\": \"duration\", \"required\": true, \"weight\": 1,"
  "    \"status\": \"missing\", \"reason\": \"không nêu thời hạn\"},"
  "   {\"type\": \"agency\", \"required\": true, \"weight\": 1,"
  "    \"status\": \"matched\", \"span\": \"Công an cấp xã\"}]}}]}",
  "{\"submission\": \"hanoi\", \"testset\": \"practice\", \"item\": \"hotich-001\","
  " \"category\": \"ho-tich\", \"kind\": \"procedure\", \"hidden\": false,"
  " \"variant\": \"clean\", \"score\": 0.0, \"correct\": false,"
  " \"lenient_score\": 0.0, \"contradictions\": 0, \"error_class\": null,"
  " \"latency_us\": [100000], \"turns\": [{\"turn\": 0,"
  " \"question\": \"Đăng ký khai sinh ở đâu?\", \"answer\": \"Không rõ.\","
  " \"judgement\": {\"score\": 0, \"correct\": false, \"facts\": ["
  "   {\"type\": \"agency\", \"status\": \"missing\","
  "    \"reason\": \"không nêu cơ quan\"}]}}]}",
  "{\"submission\": \"hanoi\", \"testset\": \"secret\", \"item\": \"sec-001\","
  " \"category\": \"cu-tru\", \"kind\": \"procedure\", \"hidden\": true,"
  " \"variant\": \"clean\", \"score\": 1.0, \"correct\": true,"
  " \"latency_us\": [100000], \"turns\": [{\"turn\": 0,"
  " \"question\": \"CÂU HỎI BÍ MẬT\", \"answer\": \"TRẢ LỜI BÍ MẬT\","
  " \"judgement\": {\"score\": 1, \"correct\": true, \"facts\": []}}]}",
  "{\"submission\": \"hue\", \"testset\": \"practice\", \"item\": \"cutru-002\","
  " \"category\": \"cu-tru\", \"kind\": \"procedure\", \"hidden\": false,"
  " \"variant\": \"clean\", \"score\": 0.2, \"correct\": false,"
  " \"lenient_score\": 0.2, \"contradictions\": 1, \"error_class\": null,"
  " \"latency_us\": [2000000], \"turns\": [{\"turn\": 0,"
  " \"question\": \"Đăng ký tạm trú mất bao lâu?\","
  " \"answer\": \"" XSS_ANSWER "\","
  " \"judgement\": {\"score\": 0.2, \"correct\": false, \"contradictions\": 1,"
  "  \"facts\": [{\"type\": \"money\", \"status\": \"contradiction\","
  "   \"span\": \"<b>50.000</b>\", \"reason\": \"đáp án là 15.000 đồng\"}],"
  "  \"forbid\": [{\"rule\": 0, \"span\": \"công an cấp huyện\","
  "   \"reason\": \"cấp huyện đã bỏ từ 1/7/2025\"}]}}]}",
  "{\"submission\": \"hue\", \"testset\": \"practice\", \"item\": \"hotich-001\","
  " \"category\": \"ho-tich\", \"kind\": \"procedure\", \"hidden\": false,"
  " \"variant\": \"clean\", \"score\": 0.0, \"correct\": false,"
  " \"error_class\": \"timeout\", \"requests\": 3, \"failed_requests\": 3,"
  " \"latency_us\": [], \"turns\": [{\"turn\": 0,"
  " \"question\": \"Đăng ký khai sinh ở đâu?\", \"answer\": null,"
  " \"judgement\": {\"score\": 0, \"correct\": false, \"facts\": []}}]}",
  "{\"submission\": \"hue\", \"testset\": \"secret\", \"item\": \"sec-001\","
  " \"category\": \"cu-tru\", \"kind\": \"procedure\", \"hidden\": true,"
  " \"variant\": \"clean\", \"score\": 0.0, \"correct\": false,"
  " \"latency_us\": [4000000], \"turns\": [{\"turn\": 0,"
  " \"question\": \"CÂU HỎI BÍ MẬT\", \"answer\": \"TRẢ LỜI BÍ MẬT\","
  " \"judgement\": {\"score\": 0, \"correct\": false, \"facts\": ["
  "   {\"type\": \"money\", \"status\": \"missing\","
  "    \"reason\": \"LÝ DO BÍ MẬT\"}]}}]}",
};

/* Records not of the hidden set, i.e. rows of items.csv / JUnit cases. */
#define PUBLIC_RECORDS 5

typedef struct {
  char *dir;
} Fixture;

static void
fixture_write (const char *dir, const char *name, const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  f->dir = g_dir_make_tmp ("vabench-report-XXXXXX", &error);
  g_assert_no_error (error);
  fixture_write (f->dir, "results.json", fixture_results);
  g_autoptr (GString) scores = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (fixture_scores); i++)
    g_string_append_printf (scores, "%s\n", fixture_scores[i]);
  fixture_write (f->dir, "scores.jsonl", scores->str);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)) {
    g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
    const char *name;
    while (d && (name = g_dir_read_name (d)) != NULL) {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  }
  (void) g_remove (path);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  remove_tree (f->dir);
  g_free (f->dir);
}

static char *
read_out (const Fixture *f, const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  char *text = NULL;
  g_autoptr (GError) error = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
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
write_ok (const Fixture *f, const char *formats, ReportLang lang)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) warnings = NULL;
  g_assert_true (report_write (f->dir, formats, lang, &warnings, &error));
  g_assert_no_error (error);
  for (guint i = 0; warnings && warnings[i]; i++)
    g_test_message ("warning: %s", warnings[i]);
}

static void
assert_no_secret (const char *text)
{
  g_assert_null (strstr (text, "BÍ MẬT"));
  g_assert_null (strstr (text, "sec-001"));
}

static void
test_html_vi (Fixture *f, gconstpointer data)
{
  write_ok (f, "html", REPORT_LANG_VI);
  g_autofree char *html = read_out (f, "report.html");
  static const char *const headings[] = {
    "lang=\"vi\"", "Bảng xếp hạng", "Độ chính xác", "Khoảng tin cậy 95%",
    "ngang nhau về thống kê", "Phương pháp", "Độ chính xác theo lĩnh vực",
    "Lỗi theo loại", "Đường cong năng lực chịu tải", "Các câu trả lời kém nhất",
    "Cuộc thi thử", "66,7%",
  };
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    g_assert_nonnull (strstr (html, headings[i]));
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
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  if (gnuplot) {
    g_assert_cmpuint (count (html, "<svg"), ==, 5);
    g_autofree char *svg = read_out (f, "plots/leaderboard.svg");
    g_assert_nonnull (strstr (svg, "<svg"));
  }
}

static void
test_html_en (Fixture *f, gconstpointer data)
{
  write_ok (f, "html", REPORT_LANG_EN);
  g_autofree char *html = read_out (f, "report.html");
  g_assert_nonnull (strstr (html, "lang=\"en\""));
  g_assert_nonnull (strstr (html, "Leaderboard"));
  g_assert_nonnull (strstr (html, "Methodology"));
  g_assert_nonnull (strstr (html, "statistically tied"));
  g_assert_nonnull (strstr (html, "66.7%"));
  g_assert_null (strstr (html, "Bảng xếp hạng"));
  assert_no_secret (html);
}

static void
test_no_gnuplot (Fixture *f, gconstpointer data)
{
  g_autofree char *old = g_strdup (g_getenv ("PATH"));
  g_setenv ("PATH", f->dir, TRUE); /* a folder without gnuplot */
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) warnings = NULL;
  gboolean ok = report_write (f->dir, "html", REPORT_LANG_VI, &warnings,
                              &error);
  g_setenv ("PATH", old, TRUE);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (warnings);
  g_assert_nonnull (strstr (warnings[0], "gnuplot"));
  g_autofree char *html = read_out (f, "report.html");
  g_assert_null (strstr (html, "<svg"));
  g_assert_nonnull (strstr (html, "Không có biểu đồ"));
}

static void
test_markdown (Fixture *f, gconstpointer data)
{
  write_ok (f, "md", REPORT_LANG_VI);
  g_autofree char *md = read_out (f, "report.md");
  g_assert_nonnull (strstr (md, "## Bảng xếp hạng"));
  g_assert_nonnull (strstr (md, "| 1 | hanoi | 61,0% [40,0–80,0] |"));
  g_assert_nonnull (strstr (md, "≈1"));
  g_assert_nonnull (strstr (md, "hanoi, hue: ngang nhau về thống kê"));
  g_assert_nonnull (strstr (md, "timeout=1"));
  assert_no_secret (md);
  /* md alone reads no scores and writes nothing else. */
  g_autofree char *html = g_build_filename (f->dir, "report.html", NULL);
  g_assert_false (g_file_test (html, G_FILE_TEST_EXISTS));
}

static void
test_leaderboard (void)
{
  g_autoptr (Results) results = results_parse (fixture_results, -1,
                                               "fixture", NULL);
  g_assert_nonnull (results);
  g_autofree char *en = report_leaderboard_markdown (results, REPORT_LANG_EN);
  g_assert_nonnull (strstr (en, "| Rank | Submission |"));
  g_assert_nonnull (strstr (en, "| 2 | hue | 30.0% [10.0–50.0] | 0.0% | – |"));
  g_assert_nonnull (strstr (en, "2000 / 4000"));
  /* The leaderboard proper: header, rule and one row per submission; the
   * near-miss table follows after a blank line. */
  const char *gap = strstr (en, "\n\n");
  g_autofree char *board = gap ? g_strndup (en, (gsize) (gap - en + 1))
                               : g_strdup (en);
  g_assert_cmpuint (count (board, "\n"), ==, 4);
  if (gap != NULL)
    g_assert_nonnull (strstr (gap, "Drop / Robustness"));
}

static void
test_csv (Fixture *f, gconstpointer data)
{
  write_ok (f, "csv", REPORT_LANG_VI);
  g_autofree char *items = read_out (f, "items.csv");
  g_assert_cmpuint (count (items, "\r\n"), >=, PUBLIC_RECORDS + 1);
  g_assert_true (g_str_has_prefix (items, "submission,testset,item,"));
  /* RFC 4180: a field with a comma or quote is quoted, quotes doubled. */
  g_assert_nonnull (strstr (items, ",\"Lệ phí là \"\"15.000 đồng\"\", nộp tại"));
  /* Absent text is an empty field; absent numbers of a score record read
   * as 0 (rundir/score_record.h), and vabench always writes them. */
  g_assert_nonnull (strstr (items, "hue,practice,hotich-001,ho-tich,procedure,"
                                   "clean,,false,0,0,0,timeout,"));
  assert_no_secret (items);
  g_autofree char *results = read_out (f, "results.csv");
  g_assert_cmpuint (count (results, "\r\n"), ==, 3);
  g_assert_nonnull (strstr (results, "rank,id,name,province,tie_group,"
                                     "composite,composite_lo,composite_hi,"));
  g_assert_nonnull (strstr (results, "\"Trợ lý <b>Huế</b> & \"\"bạn\"\"\""));
}

static void
test_json (Fixture *f, gconstpointer data)
{
  write_ok (f, "json", REPORT_LANG_VI);
  g_autofree char *text = read_out (f, "results.json");
  g_autoptr (cJSON) a = cJSON_Parse (text);
  g_autoptr (cJSON) b = cJSON_Parse (fixture_results);
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

static void
test_junit (Fixture *f, gconstpointer data)
{
  write_ok (f, "junit", REPORT_LANG_EN);
  g_autofree char *xml = read_out (f, "junit.xml");
  /* 5 public records + one "hidden:secret" case per submission. */
  g_assert_cmpuint (count (xml, "<testcase "), ==, PUBLIC_RECORDS + 2);
  g_assert_cmpuint (count (xml, "<testsuite "), ==, 2);
  g_assert_nonnull (strstr (xml, "<testsuite name=\"hanoi\" tests=\"4\" "
                                 "failures=\"2\" errors=\"0\""));
  g_assert_nonnull (strstr (xml, "<testsuite name=\"hue\" tests=\"3\" "
                                 "failures=\"2\" errors=\"1\""));
  g_assert_nonnull (strstr (xml, "classname=\"hanoi\" name=\"cutru-002/telex#1\""));
  g_assert_nonnull (strstr (xml, "name=\"hidden:secret\""));
  g_assert_nonnull (strstr (xml, "message=\"1/1 wrong\""));
  g_assert_nonnull (strstr (xml, "duration: missing — không nêu thời hạn"));
  g_assert_nonnull (strstr (xml, "&lt;script&gt;"));
  g_assert_null (strstr (xml, "<script"));
  assert_no_secret (xml);
  g_autofree char *path = g_build_filename (f->dir, "junit.xml", NULL);
  xmllint_check (path, "tests/junit.xsd");
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
  g_assert_false (report_write (f->dir, "html,pdf", REPORT_LANG_VI, NULL,
                                &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "pdf"));
  g_clear_error (&error);
  g_autofree char *missing = g_build_filename (f->dir, "nope", NULL);
  g_assert_false (report_write (missing, "md", REPORT_LANG_VI, NULL, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_INPUT);
  g_clear_error (&error);
  fixture_write (f->dir, "results.json", "{\"submissions\": 3}");
  g_assert_false (report_write (f->dir, "md", REPORT_LANG_VI, NULL, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_INPUT);
  g_clear_error (&error);
  ReportLang lang;
  g_assert_false (report_lang_parse ("fr", &lang, &error));
  g_assert_error (error, REPORT_ERROR, REPORT_ERROR_FORMAT);
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
                    "<svg><g id=\"gnuplot_canvas\"><use xlink:href='#gpPt1' "
                    "id='gpPt2'/><rect filter='url(#textbox)'/></g></svg>";
  g_autofree char *out = plot_inline (svg, "lb");
  g_assert_true (g_str_has_prefix (out, "<svg>"));
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define FIX(path, fn)                                                        \
  g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  FIX ("/report/html/vi", test_html_vi);
  FIX ("/report/html/en", test_html_en);
  FIX ("/report/html/no-gnuplot", test_no_gnuplot);
  FIX ("/report/markdown", test_markdown);
  FIX ("/report/csv", test_csv);
  FIX ("/report/json", test_json);
  FIX ("/report/junit", test_junit);
  FIX ("/report/all-formats", test_all_formats);
  FIX ("/report/bad-input", test_bad_input);
  g_test_add_func ("/report/leaderboard", test_leaderboard);
  g_test_add_func ("/report/escape", test_escape);
  g_test_add_func ("/report/plot/inline", test_plot_inline);
  g_test_add_func ("/report/plot/error", test_plot_error);
  return g_test_run ();
}
