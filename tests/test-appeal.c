/* appeals.jsonl (rundir/appeal.h): decisions written and read back with
 * Vietnamese text, the chain and the head catch every alteration (a line
 * edited, removed, moved, the head removed, the file removed), nothing is
 * appended after damage, results.json's record of the applied decisions
 * is checked; and the decisions applied to score records
 * (scoring/review.h): the latest wins, a failed request stays wrong. */
#include <glib/gstdio.h>
#include <string.h>

#include "rundir/appeal.h"
#include "rundir/results.h"
#include "rundir/rundir.h"
#include "scoring/review.h"
#include "vb-test.h"

static Appeal
decision (const char *sub, const char *item, gboolean verdict,
          const char *reason)
{
  Appeal a = { 0 };
  a.submission = (char *) sub;
  a.testset = (char *) "practice";
  a.item = (char *) item;
  a.variant = (char *) "clean";
  a.verdict = verdict;
  a.judged = !verdict;
  a.reviewer = (char *) "Nguyễn Thị Hoà, Cục Kiểm soát thủ tục hành chính";
  a.reason = (char *) reason;
  a.at = (char *) "2026-12-03T09:00:00Z";
  return a;
}

static char *
dir_with (guint n)
{
  char *dir = g_dir_make_tmp ("vb-appeal-XXXXXX", NULL);
  for (guint i = 0; i < n; i++) {
    g_autofree char *item = g_strdup_printf ("cutru-%03u", i + 1);
    Appeal a = decision (i % 2 ? "hue" : "ha-noi", item, i % 2 == 0,
                         "Câu trả lời nêu đúng lệ phí 15.000 đồng;\n"
                         "bộ chấm đọc nhầm \"mức phạt\".");
    guint64 seq = 0;
    char head[65];
    g_autoptr (GError) error = NULL;
    g_assert_true (appeal_append (dir, &a, &seq, head, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (seq, ==, i + 1);
    g_assert_cmpuint (strlen (head), ==, 64);
  }
  return dir;
}

static char *
read_file (const char *dir, RundirFile f)
{
  g_autofree char *p = rundir_path (dir, f);
  char *text = NULL;
  g_assert_true (g_file_get_contents (p, &text, NULL, NULL));
  return text;
}

static void
write_file (const char *dir, RundirFile f, const char *text)
{
  g_autofree char *p = rundir_path (dir, f);
  g_assert_true (g_file_set_contents (p, text, -1, NULL));
}

static void
assert_altered (const char *dir, const char *needle)
{
  guint64 n = 0;
  g_autoptr (GError) error = NULL;
  g_assert_false (appeal_verify (dir, &n, &error));
  g_assert_error (error, APPEAL_ERROR, APPEAL_ERROR_CHAIN);
  if (g_test_verbose ())
    g_printerr ("  %s\n", error->message);
  if (strstr (error->message, needle) == NULL)
    g_error ("\"%s\" not in: %s", needle, error->message);
  /* score refuses too: it reads through the same checks */
  g_autoptr (GError) e2 = NULL;
  g_autoptr (GPtrArray) none = appeal_read (dir, &e2);
  g_assert_null (none);
  g_assert_nonnull (e2);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = dir_with (3);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = appeal_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 3);
  const Appeal *a = all->pdata[1];
  g_assert_cmpstr (a->submission, ==, "hue");
  g_assert_cmpstr (a->item, ==, "cutru-002");
  g_assert_cmpstr (a->variant, ==, "clean");
  g_assert_false (a->verdict);
  g_assert_true (a->judged);
  g_assert_cmpstr (a->reviewer, ==,
                   "Nguyễn Thị Hoà, Cục Kiểm soát thủ tục hành chính");
  g_assert_cmpstr (a->reason, ==,
                   "Câu trả lời nêu đúng lệ phí 15.000 đồng;\n"
                   "bộ chấm đọc nhầm \"mức phạt\".");
  g_assert_cmpuint (a->seq, ==, 2);
  g_autofree char *head = read_file (dir, RUNDIR_APPEALS_HEAD);
  g_autofree char *want = g_strdup_printf ("3 %s\n",
                                           ((Appeal *) all->pdata[2])->hash);
  g_assert_cmpstr (head, ==, want);
  guint64 n = 0;
  g_assert_true (appeal_verify (dir, &n, &error));
  g_assert_cmpuint (n, ==, 3);
  /* One JSON object per line, the chain's members last. */
  g_autofree char *text = read_file (dir, RUNDIR_APPEALS);
  g_assert_true (g_str_has_prefix (text, "{\"submission\":\"ha-noi\""));
  g_assert_nonnull (strstr (text, "\"seq\":1,\"prev\":\"0000"));
  vbt_rm_rf (dir);
}

static void
test_no_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vb-appeal-XXXXXX", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = appeal_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 0);
  guint64 n = 7;
  g_assert_true (appeal_verify (dir, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  vbt_rm_rf (dir);
}

/* Replaces line k (1-based) of the file by f(line). */
static void
edit_line (const char *dir, guint k, const char *from, const char *to)
{
  g_autofree char *text = read_file (dir, RUNDIR_APPEALS);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GString) line = g_string_new (lines[k - 1]);
  g_assert_cmpuint (g_string_replace (line, from, to, 1), ==, 1);
  g_free (lines[k - 1]);
  lines[k - 1] = g_strdup (line->str);
  g_autofree char *out = g_strjoinv ("\n", lines);
  write_file (dir, RUNDIR_APPEALS, out);
}

static void
drop_line (const char *dir, guint k)
{
  g_autofree char *text = read_file (dir, RUNDIR_APPEALS);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GString) out = g_string_new (NULL);
  for (guint i = 0; lines[i]; i++)
    if (i != k - 1 && *lines[i])
      g_string_append_printf (out, "%s\n", lines[i]);
  write_file (dir, RUNDIR_APPEALS, out->str);
}

static void
test_alterations (void)
{
  struct {
    const char *what, *needle;
  } cases[] = {
    { "edit-first", "appeals.jsonl:1 was altered" },
    { "edit-last", "appeals.jsonl:4 was altered" },
    { "verdict", "appeals.jsonl:2 was altered" },
    { "drop-middle", "appeals.jsonl:2 was altered" },
    { "drop-first", "appeals.jsonl:1 was altered" },
    { "drop-last", "decisions were removed" },
    { "swap", "was altered" },
    { "head", "appeals.head was altered: it is missing" },
    { "file", "appeals.jsonl was altered: it is missing" },
    { "torn", "incomplete" },
    { "head-garbage", "not \"COUNT HASH\"" },
  };
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++) {
    g_autofree char *dir = dir_with (4);
    const char *w = cases[c].what;
    if (strcmp (w, "edit-first") == 0)
      edit_line (dir, 1, "15.000", "150.000");
    else if (strcmp (w, "edit-last") == 0)
      edit_line (dir, 4, "Nguyễn Thị Hoà", "Nguyễn Thị Hòa");
    else if (strcmp (w, "verdict") == 0)
      edit_line (dir, 2, "\"verdict\":\"wrong\"", "\"verdict\":\"correct\"");
    else if (strcmp (w, "drop-middle") == 0)
      drop_line (dir, 3);
    else if (strcmp (w, "drop-first") == 0)
      drop_line (dir, 1);
    else if (strcmp (w, "drop-last") == 0)
      drop_line (dir, 4);
    else if (strcmp (w, "swap") == 0) {
      g_autofree char *text = read_file (dir, RUNDIR_APPEALS);
      g_auto (GStrv) l = g_strsplit (text, "\n", -1);
      g_autofree char *out = g_strdup_printf ("%s\n%s\n%s\n%s\n", l[0], l[2],
                                              l[1], l[3]);
      write_file (dir, RUNDIR_APPEALS, out);
    } else if (strcmp (w, "head") == 0) {
      g_autofree char *p = rundir_path (dir, RUNDIR_APPEALS_HEAD);
      g_unlink (p);
    } else if (strcmp (w, "file") == 0) {
      g_autofree char *p = rundir_path (dir, RUNDIR_APPEALS);
      g_unlink (p);
    } else if (strcmp (w, "torn") == 0) {
      g_autofree char *text = read_file (dir, RUNDIR_APPEALS);
      text[strlen (text) - 1] = '\0';
      write_file (dir, RUNDIR_APPEALS, text);
    } else if (strcmp (w, "head-garbage") == 0)
      write_file (dir, RUNDIR_APPEALS_HEAD, "bốn\n");
    if (g_test_verbose ())
      g_printerr ("case %s\n", w);
    assert_altered (dir, cases[c].needle);
    /* and nothing is appended after it */
    Appeal a = decision ("hue", "cutru-009", TRUE, "Đúng.");
    g_autoptr (GError) error = NULL;
    g_assert_false (appeal_append (dir, &a, NULL, NULL, &error));
    g_assert_error (error, APPEAL_ERROR, APPEAL_ERROR_CHAIN);
    vbt_rm_rf (dir);
  }
}

/* results.json records the decisions it applied: a file cut back to
 * fewer, with its head rewritten to match, is still caught. */
static void
test_results_anchor (void)
{
  g_autofree char *dir = dir_with (3);
  g_autoptr (GPtrArray) all = appeal_read (dir, NULL);
  g_autofree char *results = g_strdup_printf (
      "{\"submissions\": [], \"appeals\": {\"records\": 3, \"sha256\": "
      "\"%s\"}}\n",
      ((Appeal *) all->pdata[2])->hash);
  write_file (dir, RUNDIR_RESULTS, results);
  guint64 n = 0;
  g_autoptr (GError) error = NULL;
  g_assert_true (appeal_verify (dir, &n, &error));
  drop_line (dir, 3);
  g_autofree char *head = g_strdup_printf (
      "2 %s\n", ((Appeal *) all->pdata[1])->hash);
  write_file (dir, RUNDIR_APPEALS_HEAD, head);
  g_autoptr (GPtrArray) still = appeal_read (dir, NULL);
  g_assert_nonnull (still); /* the chain alone holds */
  g_assert_false (appeal_verify (dir, &n, &error));
  g_assert_error (error, APPEAL_ERROR, APPEAL_ERROR_CHAIN);
  g_assert_nonnull (strstr (error->message, "results.json applied 3"));
  vbt_rm_rf (dir);
}

static void
test_check (void)
{
  struct {
    const char *reviewer, *reason, *field;
  } bad[] = {
    { "  ", "Đúng.", "reviewer: empty" },
    { "An", " \n\t", "reason: empty" },
    { "An\x01", "Đúng.", "reviewer: holds a control character" },
    { "An\nBình", "Đúng.", "reviewer: holds a control character" },
    { "An", "\xc3\x28", "reason: not valid UTF-8" },
    { NULL, "Đúng.", "reviewer: missing" },
  };
  g_autofree char *dir = g_dir_make_tmp ("vb-appeal-XXXXXX", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++) {
    Appeal a = decision ("hue", "cutru-001", TRUE, bad[i].reason);
    a.reviewer = (char *) bad[i].reviewer;
    g_autoptr (GError) error = NULL;
    g_assert_false (appeal_append (dir, &a, NULL, NULL, &error));
    g_assert_error (error, APPEAL_ERROR, APPEAL_ERROR_INPUT);
    g_assert_cmpstr (error->message, ==, bad[i].field);
  }
  g_autoptr (GString) long_reason = g_string_new (NULL);
  for (guint i = 0; i <= APPEAL_REASON_MAX; i++)
    g_string_append (long_reason, "ồ");
  Appeal a = decision ("hue", "cutru-001", TRUE, long_reason->str);
  g_autoptr (GError) error = NULL;
  g_assert_false (appeal_check (&a, &error));
  g_assert_nonnull (strstr (error->message, "longer than 4000"));
  /* nothing was written by the refusals */
  g_autofree char *p = rundir_path (dir, RUNDIR_APPEALS);
  g_assert_false (g_file_test (p, G_FILE_TEST_EXISTS));
  vbt_rm_rf (dir);
}

/* ---- scoring/review.h ---- */

static ScoreRecord
record (const char *sub, const char *item, gboolean correct,
        FailureClass fail)
{
  ScoreRecord r = { 0 };
  r.submission = sub;
  r.testset = "practice";
  r.item = item;
  r.variant = "clean";
  r.correct = correct;
  r.error_class = fail;
  return r;
}

static void
test_review (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vb-appeal-XXXXXX", NULL);
  Appeal list[] = {
    decision ("hue", "cutru-001", TRUE, "Đúng lệ phí."),
    decision ("hue", "cutru-002", TRUE, "Đúng thời hạn."),
    decision ("hue", "cutru-001", FALSE, "Xét lại: sai cơ quan."),
    decision ("hue", "cutru-003", TRUE, "Lỗi mạng không phải của tỉnh."),
    decision ("hue", "cutru-404", TRUE, "Không có câu này."),
  };
  for (guint i = 0; i < G_N_ELEMENTS (list); i++)
    g_assert_true (appeal_append (dir, &list[i], NULL, NULL, NULL));
  g_autoptr (GPtrArray) all = appeal_read (dir, NULL);
  g_autoptr (Review) rv = review_new (all);
  g_assert_true (review_any (rv));
  ScoreRecord in[] = {
    record ("hue", "cutru-001", TRUE, FAILURE_NONE),
    record ("hue", "cutru-002", FALSE, FAILURE_NONE),
    record ("hue", "cutru-003", FALSE, FAILURE_TIMEOUT),
    record ("ha-noi", "cutru-002", FALSE, FAILURE_NONE),
  };
  ScoreRecord out[G_N_ELEMENTS (in)];
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    review_record (rv, &in[i], &out[i]);
  /* the later decision on cutru-001 wins: wrong, judged right */
  g_assert_false (out[0].correct);
  g_assert_true (out[0].judged_correct);
  g_assert_cmpuint (out[0].appeal, ==, 3);
  g_assert_true (out[1].correct);
  g_assert_cmpuint (out[1].appeal, ==, 2);
  g_assert_false (out[2].correct); /* a failed request stays wrong */
  g_assert_cmpuint (out[2].appeal, ==, 0);
  g_assert_false (out[3].correct); /* another submission is untouched */
  g_assert_cmpuint (out[3].appeal, ==, 0);
  g_autoptr (cJSON) before = cJSON_Parse (
      "[{\"id\": \"hue\", \"rank\": 2, \"composite\": 0.5, \"correct\": 1, "
      "\"by_kind\": {}}]");
  g_autoptr (cJSON) ties = cJSON_CreateArray ();
  g_autoptr (cJSON) sum = review_summary (rv, before, ties);
  const char *want[] = { "superseded", "applied", "applied",
                         "failed_request", "no_record" };
  const cJSON *d = cJSON_GetObjectItem (sum, "decisions");
  g_assert_cmpint (cJSON_GetArraySize (d), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (
                         cJSON_GetArrayItem (d, (int) i), "status")),
                     ==, want[i]);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (
                       cJSON_GetArrayItem (d, 4), "judged_now")),
                   ==, NULL);
  g_assert_cmpint (cJSON_GetObjectItem (sum, "records")->valueint, ==, 5);
  g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (sum,
                                                              "sha256")),
                   ==, ((Appeal *) all->pdata[4])->hash);
  /* the ranking before keeps the few figures compared, not the rest */
  const cJSON *b0 = cJSON_GetArrayItem (
      cJSON_GetObjectItem (cJSON_GetObjectItem (sum, "before"),
                           "submissions"),
      0);
  g_assert_nonnull (cJSON_GetObjectItem (b0, "composite"));
  g_assert_null (cJSON_GetObjectItem (b0, "by_kind"));
  vbt_rm_rf (dir);
}

static void
test_review_none (void)
{
  g_autoptr (GPtrArray) none = g_ptr_array_new ();
  g_autoptr (Review) rv = review_new (none);
  g_assert_false (review_any (rv));
  ScoreRecord in = record ("hue", "cutru-001", TRUE, FAILURE_NONE), out;
  review_record (rv, &in, &out);
  g_assert_true (out.correct);
  g_assert_cmpuint (out.appeal, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/appeal/round-trip", test_round_trip);
  g_test_add_func ("/appeal/no-file", test_no_file);
  g_test_add_func ("/appeal/alterations", test_alterations);
  g_test_add_func ("/appeal/results-anchor", test_results_anchor);
  g_test_add_func ("/appeal/check", test_check);
  g_test_add_func ("/review/apply", test_review);
  g_test_add_func ("/review/none", test_review_none);
  return g_test_run ();
}
