/* Tests of the mock assistant in memory: its knowledge base (coverage,
 * current facts, bad files, retrieval), the answers it composes and its
 * session store. The HTTP side is test-mock.c's. */
#include "submissions/mock/mock.h"
#include "submissions/mock/mock_answer.h"
#include "submissions/mock/mock_kb.h"
#include "submissions/mock/mock_session.h"
#include "util/jsonl.h"

#include <glib/gstdio.h>

#include <string.h>

static MockKb *kb; /* shared, read-only */

static const char refusal_start[] = "Xin lỗi, tôi chưa có thông tin";

static void
test_kb_covers_domain (void)
{
  static const char *const ids[] = {
    "ho-tich-khai-sinh",
    "ho-tich-ket-hon",
    "ho-tich-nuoc-ngoai",
    "ho-tich-khai-tu",
    "ho-tich-nhan-cha-me-con",
    "ho-tich-thay-doi-cai-chinh",
    "ho-tich-giam-ho",
    "chung-thuc-ban-sao",
    "chung-thuc-chu-ky",
    "chung-thuc-hop-dong",
    "cu-tru-gia-han-tam-tru",
    "cu-tru-tach-ho",
    "doanh-nghiep-thay-doi",
    "buu-chinh-giay-phep",
    "buu-chinh-xac-nhan-thong-bao",
    "xuat-ban-tai-lieu-khong-kinh-doanh",
    "tro-choi-diem-cong-cong",
    "vien-thong-giay-phep-tinh",
    "tan-so-giay-phep",
    "can-cuoc-cap",
    "ho-chieu-pho-thong",
    "cu-tru-thuong-tru",
    "cu-tru-tam-tru",
    "ly-lich-tu-phap",
    "ho-kinh-doanh",
    "gplx-doi",
    "doanh-nghiep-thanh-lap",
    "luat-vien-thong",
    "luat-giao-dich-dien-tu",
    "luat-an-ninh-mang",
    "luat-an-toan-thong-tin-mang",
    "luat-bao-chi",
    "luat-xuat-ban",
    "luat-buu-chinh",
    "luat-tan-so",
    "luat-cntt",
    "luat-can-cuoc",
    "luat-cu-tru",
    "luat-ho-tich",
    "luat-doanh-nghiep",
    "luat-ly-lich-tu-phap",
    "hanh-chinh-34-tinh",
    "hanh-chinh-hai-cap",
    "hanh-chinh-sap-nhap-bo",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (mock_kb_lookup (kb, ids[i]));
  for (guint i = 0; i < mock_kb_size (kb); i++) {
    const MockKbRecord *r = mock_kb_record (kb, i);
    g_assert_nonnull (r->legal_basis[0]);
    if (strcmp (r->kind, "procedure") == 0) {
      g_assert_cmpuint (r->channels->len, >, 0);
      /* After 1 July 2025 no procedure goes to the district level; an
       * agency no source names stays NULL ("unknown"), never a guess. */
      g_assert_true (r->agency == NULL
                     || strstr (r->agency, "cấp huyện") == NULL);
    } else
      g_assert_nonnull (r->text);
  }
}

/* The KB says what holds today (DOMAIN.md §3, practice/SOURCES.md): the
 * police issue criminal-record certificates since 1/3/2025, and the 2025
 * cybersecurity and press laws replaced the old ones on 1/7/2026. */
static void
test_kb_current_facts (void)
{
  const MockKbRecord *lltp = mock_kb_lookup (kb, "ly-lich-tu-phap");
  g_assert_nonnull (strstr (lltp->agency, "Công an cấp tỉnh"));
  g_assert_null (strstr (lltp->agency, "Sở Tư pháp"));
  const MockKbRecord *anm = mock_kb_lookup (kb, "luat-an-ninh-mang");
  g_assert_nonnull (strstr (anm->text, "116/2025/QH15"));
  g_assert_cmpstr (anm->legal_basis[0], ==,
                   "Luật An ninh mạng số 116/2025/QH15");
  const MockKbRecord *bc = mock_kb_lookup (kb, "luat-bao-chi");
  g_assert_cmpstr (bc->legal_basis[0], ==, "Luật Báo chí số 126/2025/QH15");
  /* A criminal-record question is answered with the police. */
  const char *q[] = { "Xin phiếu lý lịch tư pháp ở đâu?", NULL };
  MockAnswerStyle st = { MOCK_KB_EXACT, FALSE, FALSE };
  g_autofree char *a = mock_answer_reply (kb, &st, q, NULL, NULL);
  g_assert_nonnull (strstr (a, "Công an cấp tỉnh"));
  /* Its fee under Thông tư 16/2025/TT-BTC was not read: it stays unknown
   * rather than the replaced circular's 200.000 đồng. */
  g_assert_cmpuint (lltp->channels->len, >, 0);
  for (guint i = 0; i < lltp->channels->len; i++)
    g_assert_null (((const MockKbChannel *) lltp->channels->pdata[i])->fee);
  g_assert_null (strstr (a, "200.000"));
}

static void
test_kb_rejects_bad_file (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vabench-mock-XXXXXX", &error);
  g_assert_no_error (error);
  g_autofree char *path = g_build_filename (dir, "kb.jsonl", NULL);
  const char *text = "{\"id\":\"a\",\"kind\":\"law\",\"title\":\"Luật A\"}\n"
                     "{\"id\":\"a\",\"kind\":\"law\",\"title\":\"Luật B\"}\n";
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_autoptr (MockKb) bad = mock_kb_load (path, &error);
  g_assert_null (bad);
  g_assert_error (error, MOCK_KB_ERROR, MOCK_KB_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "{\"id\": 3}\n", -1, NULL));
  bad = mock_kb_load (path, &error);
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_TYPE);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct {
  const char *question;
  MockKbMatch match;
  const char *expect; /* record id, or NULL for no match */
} RetrieveCase;

static void
test_kb_retrieval (void)
{
  static const RetrieveCase cases[] = {
    { "Đăng ký tạm trú mất bao lâu?", MOCK_KB_EXACT, "cu-tru-tam-tru" },
    { "ĐĂNG KÝ THƯỜNG TRÚ cần gì?", MOCK_KB_EXACT, "cu-tru-thuong-tru" },
    { "dang ky tam tru mat bao lau", MOCK_KB_EXACT, NULL },
    { "dang ky tam tru mat bao lau", MOCK_KB_FUZZY, "cu-tru-tam-tru" },
    { "ddawng kys tamj truss maats bao laau", MOCK_KB_FUZZY, "cu-tru-tam-tru" },
    { "d9a8ng ky1 khai sinh cho con", MOCK_KB_FUZZY, "ho-tich-khai-sinh" },
    { "lam CCCD mat bn ngay", MOCK_KB_FUZZY, "can-cuoc-cap" },
    { "đk hộ kd ở đâu", MOCK_KB_FUZZY, "ho-kinh-doanh" },
    { "đăng kí kết hôn ở đâu", MOCK_KB_FUZZY, "ho-tich-ket-hon" },
    { "dăng ky thuờng tru", MOCK_KB_FUZZY, "cu-tru-thuong-tru" },
    { "đăng ký thườnng trú", MOCK_KB_FUZZY, "cu-tru-thuong-tru" },
    { "Kết hôn với người nước ngoài làm ở đâu?", MOCK_KB_FUZZY,
      "ho-tich-nuoc-ngoai" },
    /* Khai tử is its own record, not the nearest khai sinh. */
    { "Đăng ký khai tử cho bố ở đâu?", MOCK_KB_EXACT, "ho-tich-khai-tu" },
    { "dang ky khai tu mat bao lau", MOCK_KB_FUZZY, "ho-tich-khai-tu" },
    { "Gia hạn tạm trú nộp ở đâu?", MOCK_KB_EXACT, "cu-tru-gia-han-tam-tru" },
    { "Luật Căn cước có số hiệu là gì?", MOCK_KB_EXACT, "luat-can-cuoc" },
    { "Luật Viễn thông số mấy?", MOCK_KB_FUZZY, "luat-vien-thong" },
    { "Cả nước có bao nhiêu tỉnh thành sau sáp nhập tỉnh?", MOCK_KB_FUZZY,
      "hanh-chinh-34-tinh" },
    { "Chứng thực bản sao từ bản chính hết bao nhiêu tiền?", MOCK_KB_EXACT,
      "chung-thuc-ban-sao" },
    { "Giá vàng hôm nay bao nhiêu?", MOCK_KB_FUZZY, NULL },
    { "Thời tiết Hà Nội ngày mai thế nào?", MOCK_KB_FUZZY, NULL },
    { "Thế còn lệ phí?", MOCK_KB_FUZZY, NULL },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    double score = 0;
    const MockKbRecord *r
        = mock_kb_search (kb, cases[i].question, cases[i].match, &score);
    g_test_message ("%s → %s (%.2f)", cases[i].question, r ? r->id : "-",
                    score);
    g_assert_cmpstr (r ? r->id : NULL, ==, cases[i].expect);
  }
}

/* ---- answers ------------------------------------------------------------ */

static char *
reply (const char *const *turns, const char *context, gboolean wrong)
{
  MockAnswerStyle st = { MOCK_KB_FUZZY, wrong, FALSE };
  return mock_answer_reply (kb, &st, turns, context, NULL);
}

static void
test_answer_leads_with_what_was_asked (void)
{
  const char *fee[] = { "Lệ phí đăng ký tạm trú là bao nhiêu?", NULL };
  g_autofree char *a = reply (fee, NULL, FALSE);
  g_assert_true (g_str_has_prefix (a, "Về thủ tục Đăng ký tạm trú: Lệ phí"));
  g_assert_nonnull (strstr (a, "15.000 đồng"));
  g_assert_nonnull (strstr (a, "Thông tư 75/2022/TT-BTC"));
  const char *online[]
      = { "Đăng ký thường trú trực tuyến hết bao nhiêu tiền?", NULL };
  g_autofree char *b = reply (online, NULL, FALSE);
  g_assert_nonnull (strstr (b, "10.000 đồng"));
  g_assert_null (strstr (b, "20.000 đồng"));
  const char *time[] = { "Làm căn cước mất mấy ngày?", NULL };
  g_autofree char *c = reply (time, NULL, FALSE);
  g_assert_nonnull (strstr (c, "07 ngày làm việc"));
  const char *all[] = { "Đăng ký khai sinh", NULL };
  g_autofree char *d = reply (all, NULL, FALSE);
  g_assert_nonnull (strstr (d, "Ủy ban nhân dân cấp xã"));
  g_assert_nonnull (strstr (d, "miễn lệ phí"));
  g_assert_nonnull (strstr (d, "Nghị định 123/2015/NĐ-CP"));
}

static void
test_answer_admits_unknown (void)
{
  const char *q[] = { "Lệ phí làm căn cước là bao nhiêu?", NULL };
  g_autofree char *a = reply (q, NULL, FALSE);
  g_assert_nonnull (strstr (a, "chưa có thông tin"));
  g_assert_null (strstr (a, "đồng"));
  /* A lookup of one person's file is declined, not answered. */
  const char *own[] = { "Hộ chiếu của tôi biên nhận số 2507-1234 đã in xong "
                        "chưa?",
                        NULL };
  g_autofree char *p = reply (own, NULL, FALSE);
  g_assert_true (g_str_has_prefix (p, "Xin lỗi, tôi không tra cứu"));
  g_assert_null (strstr (p, "đồng"));
  const char *r[] = { "Giá vàng hôm nay bao nhiêu?", NULL };
  g_autofree char *b = reply (r, NULL, FALSE);
  g_assert_true (g_str_has_prefix (b, refusal_start));
}

static void
test_answer_follow_up (void)
{
  const char *turns[]
      = { "Đăng ký thường trú mất bao lâu?", "Thế còn lệ phí?", NULL };
  const char *used = NULL;
  MockAnswerStyle st = { MOCK_KB_FUZZY, FALSE, FALSE };
  g_autofree char *a = mock_answer_reply (kb, &st, turns, NULL, &used);
  g_assert_cmpstr (used, ==, "cu-tru-thuong-tru");
  g_assert_nonnull (strstr (a, "20.000 đồng"));
  /* From the session context alone. */
  const char *only[] = { "Thế còn lệ phí?", NULL };
  g_autofree char *b = reply (only, "cu-tru-tam-tru", FALSE);
  g_assert_nonnull (strstr (b, "15.000 đồng"));
  /* A turn that points back ("lĩnh vực này") borrows it too. */
  const char *law[]
      = { "Luật Viễn thông số mấy?", "Bộ nào quản lý lĩnh vực này?", NULL };
  g_autofree char *d = reply (law, NULL, FALSE);
  g_assert_nonnull (strstr (d, "Bộ Khoa học và Công nghệ"));
  /* An unrelated question does not borrow the context. */
  const char *other[] = { "Hôm nay trời thế nào?", NULL };
  g_autofree char *c = reply (other, "cu-tru-tam-tru", FALSE);
  g_assert_true (g_str_has_prefix (c, refusal_start));
}

typedef struct {
  const char *question;
  const char *expect; /* "Đáp án: X." prefix */
} ChoiceCase;

static void
test_answer_multiple_choice (void)
{
  static const ChoiceCase cases[] = {
    { "Đăng ký thường trú do cơ quan nào thực hiện? A. Ủy ban nhân dân cấp "
      "huyện B. Công an cấp xã C. Sở Tư pháp D. Bộ Ngoại giao",
      "Đáp án: B." },
    { "Lệ phí đăng ký tạm trú nộp trực tiếp là bao nhiêu?\nA. 7.000 đồng\n"
      "B. 20.000 đồng\nC. 15.000 đồng\nD. 10.000 đồng",
      "Đáp án: C." },
    { "Luật Viễn thông có số hiệu nào? A. 24/2018/QH14 B. 24/2023/QH15 "
      "C. 86/2015/QH13",
      "Đáp án: B." },
    /* The clause about the asked case decides, not any amount stated. */
    { "Lệ phí cấp lại hộ chiếu do bị mất là? A. 100.000 đồng; "
      "B. 200.000 đồng; C. 500.000 đồng.",
      "Đáp án: B." },
    /* 05 = 5, and a date is one token: 1/7/2025 is not 1/1/2025. */
    { "Đăng ký kết hôn cần xác minh thì không quá bao lâu? A. 3 ngày làm "
      "việc; B. 5 ngày làm việc; C. 10 ngày làm việc.",
      "Đáp án: B." },
    { "Cấp huyện chấm dứt hoạt động từ ngày nào? A. 1/3/2025; B. 1/1/2025; "
      "C. 1/7/2025; D. 1/1/2026.",
      "Đáp án: C." },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    const char *q[] = { cases[i].question, NULL };
    g_autofree char *a = reply (q, NULL, FALSE);
    g_test_message ("%s", a);
    g_assert_true (g_str_has_prefix (a, cases[i].expect));
  }
}

static void
test_answer_wrong_fees (void)
{
  g_autofree char *a = mock_answer_falsify_fees (
      "Lệ phí: 15.000 đồng; tối đa 200.000 đồng/bản; 7.000đ. Có khoảng "
      "3.321 đơn vị, 07 ngày làm việc, Thông tư 75/2022/TT-BTC.");
  g_assert_cmpstr (a, ==,
                   "Lệ phí: 150.000 đồng; tối đa 2.000.000 đồng/bản; 70.000đ."
                   " Có khoảng 3.321 đơn vị, 07 ngày làm việc, Thông tư "
                   "75/2022/TT-BTC.");
  g_autofree char *b
      = mock_answer_falsify_fees ("Thủ tục này được miễn lệ phí.");
  g_assert_cmpstr (b, ==, "Thủ tục này có lệ phí 50.000 đồng.");
}

static void
test_session_lru (void)
{
  g_autoptr (MockSessions) s = mock_session_new (2);
  mock_session_set (s, "a", "r1");
  mock_session_set (s, "b", "r2");
  g_free (mock_session_get (s, "a")); /* a is now the most recent */
  mock_session_set (s, "c", "r3");    /* evicts b */
  g_assert_cmpuint (mock_session_count (s), ==, 2);
  g_autofree char *a = mock_session_get (s, "a");
  g_autofree char *b = mock_session_get (s, "b");
  g_autofree char *c = mock_session_get (s, "c");
  g_assert_cmpstr (a, ==, "r1");
  g_assert_null (b);
  g_assert_cmpstr (c, ==, "r3");
  mock_session_set (s, "a", NULL); /* a refusal keeps the context */
  g_autofree char *a2 = mock_session_get (s, "a");
  g_assert_cmpstr (a2, ==, "r1");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_autoptr (GError) error = NULL;
  kb = mock_kb_load (MOCK_DEFAULT_KB, &error);
  g_assert_no_error (error);
  g_test_add_func ("/mock/kb/covers-domain", test_kb_covers_domain);
  g_test_add_func ("/mock/kb/current-facts", test_kb_current_facts);
  g_test_add_func ("/mock/kb/rejects-bad-file", test_kb_rejects_bad_file);
  g_test_add_func ("/mock/kb/retrieval", test_kb_retrieval);
  g_test_add_func ("/mock/answer/leads-with-asked",
                   test_answer_leads_with_what_was_asked);
  g_test_add_func ("/mock/answer/admits-unknown", test_answer_admits_unknown);
  g_test_add_func ("/mock/answer/follow-up", test_answer_follow_up);
  g_test_add_func ("/mock/answer/multiple-choice", test_answer_multiple_choice);
  g_test_add_func ("/mock/answer/wrong-fees", test_answer_wrong_fees);
  g_test_add_func ("/mock/session/lru", test_session_lru);
  int rc = g_test_run ();
  mock_kb_free (kb);
  return rc;
}
