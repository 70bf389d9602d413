/* How the judge reads an answer before it judges: parts and their context
 * (scoring/answer.h), claims with what they are about, their channel and
 * polarity (scoring/claims.h), dates (scoring/dates.h), comparable names
 * (scoring/names.h), the cue lexicon (scoring/cues.h) and the explanation
 * catalog (scoring/reasons.h). Real Vietnamese, as assistants write it. */
#include "scoring/answer.h"
#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/judge_key.h"
#include "scoring/names.h"
#include "scoring/normalize.h"
#include "scoring/reasons.h"

#include <string.h>

static Answer *
read_answer (const char *text)
{
  Answer *a = answer_new (text, strlen (text));
  answer_scan (a, ANSWER_AMOUNTS | ANSWER_DATES);
  return a;
}

/* The claim whose text starts with prefix. */
static const ValueClaim *
claim (const Answer *a, const GArray *vals, const char *prefix)
{
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *c = &g_array_index (vals, ValueClaim, i);
    const AnswerPart *p = answer_part (a, c->part);
    if (strncmp (p->norm + c->m.start, prefix, strlen (prefix)) == 0)
      return c;
  }
  g_error ("no claim starts with \"%s\"", prefix);
  return NULL;
}

static void
test_parts (void)
{
  g_autoptr (Answer) a = read_answer (
      "## Đăng ký tạm trú\n\nLệ phí như sau:\n\n"
      "- Trực tiếp: 15.000 đồng\n- Trực tuyến: 7.000 đồng\n\n"
      "| Hình thức | Thời hạn giải quyết |\n|---|---|\n"
      "| Trực tiếp | 03 ngày làm việc |\n");
  g_assert_cmpint (answer_part (a, 0)->kind, ==, PART_HEADING);
  const AnswerPart *intro = answer_part (a, 1);
  g_assert_cmpint (intro->kind, ==, PART_INTRO);
  /* the list keeps its introduction across the blank line */
  g_assert_cmpint (answer_part (a, 2)->intro, ==, 1);
  g_assert_cmpint (answer_part (a, 2)->heading, ==, 0);
  /* the cell knows its row and column headers */
  const AnswerPart *cell = answer_part (a, a->parts->len - 1);
  g_assert_cmpint (cell->kind, ==, PART_CELL);
  g_assert_cmpstr (answer_part (a, (guint) cell->row_head)->norm, ==,
                   "trực tiếp");
  g_assert_cmpstr (answer_part (a, (guint) cell->col_head)->norm, ==,
                   "thời hạn giải quyết");
}

/* "II. NỘI DUNG CÔNG DÂN TRÌNH BÀY" titles a section (a Roman-numbered
 * line in capitals) whose lines are the asker's account, quoted; the next
 * title ends it. "Câu hỏi thường gặp" is no asker's section. */
static void
test_asker_section (void)
{
  g_autoptr (Answer) a = read_answer (
      "II. NỘI DUNG CÔNG DÂN TRÌNH BÀY\nÔng Bình cho biết: bị từ chối, "
      "không rõ lý do.\n\nIII. NỘI DUNG TRẢ LỜI\nCó, phải trả lời bằng "
      "văn bản.\n\n## Câu hỏi thường gặp\nKhông cần bản chính.\n");
  g_assert_cmpint (answer_part (a, 0)->kind, ==, PART_HEADING);
  g_assert_true (answer_part (a, 1)->quoted);
  g_assert_cmpint (answer_part (a, 2)->kind, ==, PART_HEADING);
  g_assert_false (answer_part (a, 3)->quoted);
  g_assert_false (answer_part (a, a->parts->len - 1)->quoted);
}

/* The "> " lines under an e-mail's attribution are the citizen's own
 * message; a "> " callout with no attribution is the answer's. */
static void
test_mail_quote (void)
{
  g_autoptr (Answer) a = read_answer (
      "> Lưu ý: nộp tại Sở.\n\nChào thầy, nộp tại UBND tỉnh.\n\n"
      "Vào ngày 05/12/2026 lúc 16:02, Đỗ Văn Hưng đã viết:\n"
      "> Tôi định gửi cho Sở Thông tin và Truyền thông.\n");
  g_assert_false (answer_part (a, 0)->quoted);
  g_assert_false (answer_part (a, 1)->quoted);
  g_assert_true (answer_part (a, a->parts->len - 1)->quoted);
}

/* A row whose first cell is empty takes its label from the first cell that
 * has one ("| | **Tổng** | 4.000 đồng |"). */
static void
test_row_label_past_empty_cell (void)
{
  g_autoptr (Answer) a = read_answer (
      "| # | Khoản | Số tiền |\n|---|---|---|\n"
      "| 1 | Lệ phí | 0 đồng |\n| | **Tổng** | **4.000 đồng** |\n");
  const AnswerPart *cell = answer_part (a, a->parts->len - 1);
  g_assert_cmpstr (cell->norm, ==, "4.000 đồng");
  g_assert_cmpint (cell->row_head, >=, 0);
  g_assert_cmpstr (answer_part (a, (guint) cell->row_head)->norm, ==, "tổng");
  /* the label itself has no row header */
  g_assert_cmpint (answer_part (a, (guint) cell->row_head)->row_head, ==, -1);
}

static void
test_html_and_transcript (void)
{
  g_autoptr (Answer) a = read_answer (
      "<p>Tổng đài viên: Dạ, lệ phí 15.000 đồng ạ.</p>"
      "<p>Người dân: Không phải 20.000 đồng à?</p>");
  g_assert_cmpuint (a->parts->len, ==, 2);
  g_assert_false (answer_part (a, 0)->quoted);
  g_assert_true (answer_part (a, 1)->quoted); /* the citizen's turn */
  g_autoptr (GArray) vals = claims_values (a);
  g_assert_cmpint (claim (a, vals, "20.000")->polarity, ==, POL_QUOTED);
  /* an HTML heading is a heading and governs what follows; so is a bold
   * line whose section number's dot is no sentence stop */
  g_autoptr (Answer) h = read_answer (
      "<h3>Ví dụ tính nhanh</h3><table><tr><td>Bằng 2 trang</td>"
      "<td>4.000 đồng</td></tr></table>");
  g_assert_cmpint (answer_part (h, 0)->kind, ==, PART_HEADING);
  g_assert_cmpint (answer_part (h, h->parts->len - 1)->heading, ==, 0);
  g_autoptr (Answer) b = read_answer (
      "**1. Sửa đổi, bổ sung văn bản xác nhận thông báo hoạt động bưu "
      "chính**\nKhông thu phí.");
  g_assert_cmpint (answer_part (b, 0)->kind, ==, PART_HEADING);
  /* a pictogram before a bold line leaves it a heading; a bold phrase
   * opening a sentence after a pictogram does not make one */
  g_autoptr (Answer) e = read_answer (
      "🌤️ **BẢN TIN DỰ BÁO THỦ TỤC – GIA HẠN TẠM TRÚ**\n"
      "📌 **Lưu ý:** nộp trước 15 ngày.");
  g_assert_cmpint (answer_part (e, 0)->kind, ==, PART_HEADING);
  g_assert_cmpint (answer_part (e, 1)->kind, !=, PART_HEADING);
  /* a heading that asks states none of its figures */
  g_autoptr (Answer) q = read_answer ("### HỎI LUẬT 10 PHÚT: nộp ở đâu?\nỞ xã.");
  g_autoptr (GArray) qv = claims_values (q);
  g_assert_cmpint (claim (q, qv, "10")->polarity, ==, POL_QUOTED);
}

/* A table aligned with spaces under a rule of dashes is a table, its
 * fields put in the rule's columns (characters, not bytes; a column off
 * by one still lands); a short line over indented lines introduces them. */
static void
test_plain_text_layout (void)
{
  g_autoptr (Answer) a = read_answer (
      "Hạng mục          Mức thu\n"
      "----------------  ------------\n"
      "Trang thứ nhất    2.000 đồng\n"
      "Mức tối đa        200.000 đồng\n"
      "\n"
      "Thời hạn\n"
      "  Ngay trong ngày tiếp nhận.");
  g_assert_cmpint (answer_part (a, 0)->kind, ==, PART_HEAD);
  g_assert_cmpstr (answer_part (a, 1)->norm, ==, "mức thu");
  const AnswerPart *cell = answer_part (a, 5);
  /* "Trực tiếp  15.000 đồng" one column left of its rule still lands */
  g_autoptr (Answer) off = read_answer ("Kênh        Lệ phí\n----------  ---------\n"
                                        "Trực tiếp  15.000 đồng\nTrực tuyến  7.000 đồng");
  g_assert_cmpstr (answer_part (off, 3)->norm, ==, "15.000 đồng");
  g_assert_cmpint (cell->kind, ==, PART_CELL);
  g_assert_cmpstr (cell->norm, ==, "200.000 đồng");
  g_assert_cmpstr (answer_part (a, (guint) cell->row_head)->norm, ==,
                   "mức tối đa");
  const AnswerPart *last = answer_part (a, a->parts->len - 1);
  g_assert_cmpint (last->intro, >=, 0);
  g_assert_cmpint (answer_part (a, (guint) last->intro)->kind, ==, PART_INTRO);
  g_assert_cmpstr (answer_part (a, (guint) last->intro)->norm, ==,
                   "thời hạn:");
  /* a label alone on its paragraph's first line introduces that paragraph,
   * not the next one; not a line that says something ("Hai trang đầu:
   * 2.000/trang") */
  g_autoptr (Answer) c = read_answer (
      "Trước đây\nNộp ở Sở Tư pháp.\n\nNay nộp ở Công an tỉnh.\n\n"
      "Hai trang đầu: 2.000/trang\nTừ trang ba: 1.000/trang");
  g_assert_cmpint (answer_part (c, 0)->kind, ==, PART_INTRO);
  g_assert_cmpint (answer_part (c, 1)->intro, ==, 0);
  g_assert_cmpint (answer_part (c, 2)->intro, ==, -1);
  g_assert_cmpint (answer_part (c, 3)->kind, !=, PART_INTRO);
  /* dashes alone, or one run, are no rule */
  g_autoptr (Answer) b = read_answer ("Lệ phí\n------\n15.000 đồng");
  g_assert_cmpint (answer_part (b, 0)->kind, !=, PART_HEAD);
}

/* What the answer shows deleted is not read: struck-through text, a
 * diff's removed lines; a diff's added lines lose their mark; a NUL in
 * what is kept reads as a space. */
static void
test_deleted_text (void)
{
  g_autoptr (Answer) a = read_answer ("Lệ phí: ~~15.000 đồng~~ 7.000 đồng.");
  g_assert_cmpstr (answer_part (a, 0)->norm, ==, "lệ phí: 7.000 đồng.");
  g_autoptr (Answer) h = read_answer ("Lệ phí: <del>15.000</del> 7.000 đồng.");
  g_assert_null (strstr (answer_part (h, 0)->norm, "15.000"));
  g_autoptr (Answer) d = read_answer ("```diff\n- Đáp: Chưa.\n+ Đáp: Được.\n```\n"
                                      "- mục một của danh sách");
  g_assert_cmpuint (d->parts->len, ==, 2);
  g_assert_cmpstr (answer_part (d, 0)->norm, ==, "đáp: được.");
  g_assert_cmpstr (answer_part (d, 1)->norm, ==, "mục một của danh sách");
  /* "~~" unclosed, or a lone "~" (about), stays */
  g_autoptr (Answer) u = read_answer ("khoảng ~15 ngày, ~~chưa đóng");
  g_assert_nonnull (strstr (answer_part (u, 0)->norm, "15 ngày"));
  const char nul[] = "Lệ phí\0 7.000 đồng";
  g_autoptr (Answer) n = answer_new (nul, sizeof nul - 1);
  g_assert_cmpstr (answer_part (n, 0)->norm, ==, "lệ phí 7.000 đồng");
}

/* A retrieval assistant's quoted passages are their sources' words; a
 * list of papers headed "Tài liệu:" is the answer's own. */
static void
test_retrieved_passages (void)
{
  g_autoptr (Answer) a = read_answer (
      "[Trích dẫn 1] Nghị định 47/2011: phí 500.000 đồng.\n"
      "Nguồn 2: Cổng DVC, thời hạn 07 ngày làm việc.\n"
      "Tài liệu: tờ khai, 01 bản.\n"
      "Phí hiện hành là 1.000.000 đồng.");
  g_assert_true (answer_part (a, 0)->quoted);
  g_assert_true (answer_part (a, 1)->quoted);
  g_assert_true (answer_part (a, 1)->passage);
  g_assert_false (answer_part (a, 2)->quoted);
  g_assert_false (answer_part (a, 3)->quoted);
  g_autoptr (GArray) vals = claims_values (a);
  g_assert_cmpint (claim (a, vals, "500.000")->polarity, ==, POL_QUOTED);
  g_assert_cmpint (claim (a, vals, "1.000.000")->polarity, ==, POL_STATED);
}

static void
test_units_in_headers (void)
{
  g_autoptr (Answer) a = read_answer (
      "| Nội dung | Lệ phí (đồng) |\n|---|---|\n| Trực tiếp | 15.000 |\n\n"
      "- Trang 1–2: 2.000/trang\n- Tối đa: 200.000/bản\n\n"
      "(đơn vị tính: đồng)\n");
  g_autoptr (GArray) vals = claims_values (a);
  g_assert_cmpint (claim (a, vals, "15.000")->m.unit, ==, NUMBERS_UNIT_VND);
  g_assert_cmpfloat (claim (a, vals, "2.000")->m.lo, ==, 2000);
  g_assert_true (claim (a, vals, "2.000")->rate);
  g_assert_cmpfloat (claim (a, vals, "200.000")->m.lo, ==, 200000);
}

static void
test_subjects (void)
{
  g_autoptr (Answer) a = read_answer (
      "Lệ phí 15.000 đồng. Gọi tổng đài 1900 1234 (miễn phí). Nếu không "
      "đăng ký có thể bị phạt tiền từ 500.000 đến 1.000.000 đồng. Bước 2: "
      "cán bộ kiểm tra hồ sơ trong 01 ngày làm việc. Thời hạn giải quyết 03 "
      "ngày làm việc; nhận qua bưu điện thì cộng thêm 1-2 ngày. Phải đăng "
      "ký chậm nhất 3 ngày trước khi hết hạn tạm trú.");
  g_autoptr (GArray) vals = claims_values (a);
  g_assert_cmpint (claim (a, vals, "15.000")->subject, ==, SUBJ_FEE);
  g_assert_cmpint (claim (a, vals, "miễn phí")->subject, ==, SUBJ_HOTLINE);
  g_assert_cmpint (claim (a, vals, "500.000")->subject, ==, SUBJ_FINE);
  g_assert_cmpint (claim (a, vals, "01 ngày")->subject, ==, SUBJ_STEP);
  g_assert_cmpint (claim (a, vals, "03 ngày")->subject, ==, SUBJ_PROCESSING);
  g_assert_cmpint (claim (a, vals, "1-2 ngày")->subject, ==, SUBJ_EXTRA);
  g_assert_cmpint (claim (a, vals, "chậm nhất 3")->subject, ==,
                   SUBJ_DEADLINE);
}

static void
test_channels_and_examples (void)
{
  g_autoptr (Answer) a = read_answer (
      "Nộp trực tuyến qua VNeID: 7.000 đồng (nộp trực tiếp là 15.000 "
      "đồng). Ví dụ 3 người: 3 × 7.000 = 21.000 đồng.");
  g_autoptr (GArray) vals = claims_values (a);
  /* a cue inside parentheses that hold another value binds there */
  g_assert_cmpint (claim (a, vals, "7.000 đồng")->channel, ==, CH_TRUC_TUYEN);
  g_assert_cmpint (claim (a, vals, "15.000")->channel, ==, CH_TRUC_TIEP);
  g_assert_true (claim (a, vals, "21.000")->result);
  g_assert_true (claim (a, vals, "21.000")->example);
}

static void
test_polarity (void)
{
  g_autoptr (Answer) a = read_answer (
      "Lệ phí không phải 20.000 đồng mà là 15.000 đồng. Trước đây lệ phí "
      "là 30.000 đồng, nay là 15.000 đồng.");
  g_autoptr (GArray) vals = claims_values (a);
  g_assert_cmpint (claim (a, vals, "20.000")->polarity, ==, POL_NEGATED);
  g_assert_cmpint (claim (a, vals, "30.000")->polarity, ==, POL_HISTORY);
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *c = &g_array_index (vals, ValueClaim, i);
    if (c->m.lo == 15000)
      g_assert_cmpint (c->polarity, ==, POL_STATED);
  }
  /* names: "không nộp ở xã mà ở Sở", "từ 1/7/2025 không còn cấp huyện" */
  g_autoptr (Answer) b = read_answer (
      "Không nộp ở UBND xã mà ở Sở Tư pháp. Từ 1/7/2025 không còn UBND "
      "cấp huyện.");
  const AnswerPart *p0 = answer_part (b, 0), *p1 = answer_part (b, 1);
  g_assert_cmpint (claims_polarity (b, p0, 3, 6), ==, POL_NEGATED);
  g_assert_cmpint (claims_polarity (b, p0, 8, 11), ==, POL_STATED);
  g_assert_cmpint (claims_polarity (b, p1, 7, 11), ==, POL_NEGATED);
}

static void
test_unaccented_and_english (void)
{
  g_autoptr (Answer) a = read_answer ("le phi 15k nha ban, 3 ngay lam viec");
  g_assert_true (a->unaccented);
  g_autoptr (Answer) b = read_answer ("Lệ phí 15.000 đồng, 3 ngày làm việc.");
  g_assert_false (b->unaccented);
  g_autoptr (Answer) e = read_answer (
      "It is processed by the commune police within 3 working days and is "
      "free of charge.");
  g_assert_false (e->unaccented);
  g_assert_true (e->english);
  /* the English part gains a Vietnamese gloss, its other words kept */
  const AnswerPart *g = answer_part (e, e->parts->len - 1);
  g_assert_cmpint (g->kind, ==, PART_GLOSS);
  g_assert_nonnull (strstr (g->phrase, " công an xã "));
  g_assert_nonnull (strstr (g->phrase, " miễn phí "));
}

static void
test_dates (void)
{
  static const char *const same[] = {
    "1/7/2026", "01-07-2026", "2026-07-01", "ngày 1 tháng 7 năm 2026",
    "mùng một tháng bảy năm hai nghìn không trăm hai mươi sáu",
    "July 1, 2026", "1 July 2026", "the first of July 2026",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (same); i++) {
    g_autofree char *norm = normalize_text (same[i], FALSE);
    g_autoptr (GArray) d = dates_scan (norm, FALSE);
    g_assert_cmpuint (d->len, ==, 1);
    const DatesMention *m = &g_array_index (d, DatesMention, 0);
    g_assert_cmpuint (m->year, ==, 2026);
    g_assert_cmpuint (m->month, ==, 7);
    g_assert_cmpuint (m->day, ==, 1);
  }
  guint y, m, dd;
  g_assert_false (dates_parse_iso ("2026-02-30", &y, &m, &dd));
  g_autofree char *n = normalize_text ("Thông tư 75/2022/TT-BTC", FALSE);
  g_autoptr (GArray) none = dates_scan (n, FALSE);
  g_assert_cmpuint (none->len, ==, 0); /* a citation is no date */
}

/* A day or year past what a guint holds is no date, and reading it is no
 * float-to-integer overflow (found by tests/fuzz/fuzz-dates; UBSan with
 * float-cast-overflow stops on it). */
static void
test_dates_huge (void)
{
  static const char *const huge[] = {
    "ngày 222222222222 tháng 7 năm 2026", "ngày 1 tháng 7 năm 99999999999",
    "mùng 1e300 tháng 7 năm 2026", "ngày 1 tháng 4294967297 năm 2026",
    /* a day past 8 bits once passed as itself mod 256 (202515 as 19) */
    "ngày 202515 tháng 7 năm 2025", "ngày 1 tháng 263 năm 2025",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (huge); i++) {
    g_autofree char *norm = normalize_text (huge[i], FALSE);
    g_autoptr (GArray) d = dates_scan (norm, FALSE);
    g_assert_cmpuint (d->len, ==, 0);
  }
}

static void
test_names (void)
{
  g_autofree char *ph = normalize_phrase_of ("CA phường Bến Nghé", FALSE);
  g_autofree char *ag = names_agency_form_copy (ph, FALSE, FALSE);
  g_assert_cmpstr (ag, ==, " công an xã bến nghé ");
  g_autofree char *cap = normalize_phrase_of ("UBND cấp xã", FALSE);
  g_autofree char *cap_kept = names_agency_form_copy (cap, FALSE, TRUE);
  g_autofree char *cap_dropped = names_agency_form_copy (cap, FALSE, FALSE);
  g_assert_cmpstr (cap_kept, ==, " uỷ ban nhân dân cấp xã ");
  g_assert_cmpstr (cap_dropped, ==, " uỷ ban nhân dân xã ");
  g_autofree char *syn = normalize_phrase_of ("ngày làm việc hôm sau", FALSE);
  g_autofree char *canon = names_canonical_copy (syn, FALSE);
  g_assert_cmpstr (canon, ==, " ngày làm việc tiếp theo ");
  /* one inserted word is read past, a negation is not */
  guint w, n;
  g_assert_true (names_find (" nộp phiếu khai thông tin cư trú ",
                             " phiếu thông tin cư trú ", FALSE, &w, &n));
  g_assert_cmpuint (w, ==, 1);
  g_assert_cmpuint (n, ==, 6);
  g_assert_false (names_find (" phiếu khai báo thông tin cư trú ",
                              " phiếu thông tin cư trú ", FALSE, NULL, NULL));
  g_assert_false (names_find (" được không cấp giấy ", " được cấp giấy ",
                              FALSE, NULL, NULL));
}

/* The elided reading: one inner run of at most a third of a long
 * phrase's words may be left out, never its ends, a negation or a
 * figure. */
static void
test_names_elided (void)
{
  guint w, n;
  g_assert_true (names_find_elided (" nộp ở công an cấp tỉnh nào thuận lợi ",
                                    " tỉnh thành phố nào thuận lợi ", FALSE,
                                    &w, &n));
  g_assert_cmpuint (w, ==, 5);
  g_assert_cmpuint (n, ==, 4);
  /* the ends stay: "thành phố nào thuận lợi" is not "tỉnh, thành phố …" */
  g_assert_false (names_find_elided (" thành phố nào thuận lợi ",
                                     " tỉnh thành phố nào thuận lợi ", FALSE,
                                     NULL, NULL));
  /* more than a third left out */
  g_assert_false (names_find_elided (" tỉnh thuận lợi ",
                                     " tỉnh thành phố nào thuận lợi ", FALSE,
                                     NULL, NULL));
  /* a negation or a figure is never left out */
  g_assert_false (names_find_elided (" phải nộp lệ phí ",
                                     " không phải nộp lệ phí ", FALSE, NULL,
                                     NULL));
  g_assert_false (names_find_elided (" được miễn nộp lệ phí ",
                                     " được miễn không nộp lệ phí ", FALSE,
                                     NULL, NULL));
  g_assert_false (names_find_elided (" phiếu lý lịch tư pháp ",
                                     " phiếu lý lịch tư pháp số 2 ", FALSE,
                                     NULL, NULL));
  g_assert_false (names_find_elided (" phiếu số lý lịch ",
                                     " phiếu số 2 lý lịch ", FALSE, NULL,
                                     NULL));
  /* short phrases are found whole or not at all */
  g_assert_false (names_find_elided (" nơi lợi ", " nơi thuận lợi ", FALSE,
                                     NULL, NULL));
}

/* The word-set filter (names_word_set) never sets aside a name that
 * names_find finds: random phrases over a small vocabulary, so needles
 * are often found, exactly and with gaps. */
static void
test_word_set_filter (void)
{
  static const char *const vocab[] = {
    "đăng", "ký", "tạm", "trú", "thường", "cấp", "xã", "không", "giấy",
    "phép", "công", "an", "ngày", "làm", "việc", "hộ", "khẩu", "phí",
  };
  GRand *r = g_rand_new_with_seed (17);
  guint found = 0, filtered = 0;
  for (guint t = 0; t < 20000; t++) {
    GString *hay = g_string_new (" "), *needle = g_string_new (" ");
    guint hn = (guint) g_rand_int_range (r, 1, 12);
    guint nn = (guint) g_rand_int_range (r, 1, 5);
    for (guint i = 0; i < hn; i++)
      g_string_append_printf (hay, "%s ", vocab[g_rand_int_range (
                                              r, 0, G_N_ELEMENTS (vocab))]);
    for (guint i = 0; i < nn; i++)
      g_string_append_printf (needle, "%s ", vocab[g_rand_int_range (
                                                 r, 0, G_N_ELEMENTS (vocab))]);
    NamesWordSet hs, ns;
    names_word_set (hay->str, FALSE, &hs);
    names_word_set (needle->str, TRUE, &ns);
    gboolean within = names_word_set_within (&ns, &hs);
    for (int lenient = 0; lenient < 2; lenient++)
      if (names_find (hay->str, needle->str, lenient, NULL, NULL)) {
        found++;
        g_assert_true (within);
      }
    filtered += !within;
    g_string_free (hay, TRUE);
    g_string_free (needle, TRUE);
  }
  g_rand_free (r);
  g_assert_cmpuint (found, >, 1000);   /* the property was exercised */
  g_assert_cmpuint (filtered, >, 1000); /* and the filter does filter */
  /* a needle not written " a b " matches inside words: never filtered */
  NamesWordSet hs, ns;
  names_word_set (" đăng ký ", FALSE, &hs);
  names_word_set ("ăng", TRUE, &ns);
  g_assert_true (names_word_set_within (&ns, &hs));
  names_word_set (" tạm trú ", TRUE, &ns);
  g_assert_false (names_word_set_within (&ns, &hs));
}

static void
test_lexicon (void)
{
  g_autofree char *norm = normalize_text ("Gọi tổng đài 1900 1234", FALSE);
  g_autoptr (GArray) words = cues_words (norm);
  g_autoptr (GArray) hits = cues_find (norm, words, FALSE);
  /* "tổng đài" is a hotline, not the "tổng" of a total */
  gboolean hotline = FALSE, total = FALSE;
  for (guint i = 0; i < hits->len; i++) {
    CueClass c = g_array_index (hits, CueHit, i).cls;
    hotline = hotline || c == CUE_HOTLINE;
    total = total || c == CUE_TOTAL;
  }
  g_assert_true (hotline);
  g_assert_false (total);
  g_assert_cmpstr (cues_class_name (CUE_CH_TRUC_TUYEN), ==, "ch_truc_tuyen");
}

/* Whether the lenient lexicon finds a "now" cue in text. */
static gboolean
finds_now (const char *text)
{
  g_autofree char *norm = normalize_text (text, TRUE);
  g_autoptr (GArray) words = cues_words (norm);
  g_autoptr (GArray) hits = cues_find (norm, words, TRUE);
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, CueHit, i).cls == CUE_NOW)
      return TRUE;
  return FALSE;
}

/* Unaccented "nay" is "này" (this) after a noun, "nay" (now) where a
 * clause opens or after "từ", "hiện". */
static void
test_lexicon_folded_nay (void)
{
  g_assert_false (finds_now ("truoc day thu tuc nay do so tttt lam"));
  g_assert_false (finds_now ("ho so nay gom 3 loai giay"));
  g_assert_true (finds_now ("truoc day nop o huyen, nay nop o xa"));
  g_assert_true (finds_now ("tu nay nop o xa"));
  g_assert_true (finds_now ("hien nay nop o xa"));
}

/* Every rule id the judge writes is worded in both languages. */
static void
test_reasons (void)
{
  static const char *const rules[] = {
    "no_answer", "value.matched", "value.contradiction",
    "value.contradiction_range", "value.other", "value.missing",
    "claim.matched", "claim.contradiction", "claim.other", "claim.other_for",
    "claim.vague", "claim.unit", "claim.set_aside", "claim.computed",
    "claim.negated", "claim.history", "claim.quoted", "claim.example",
    "claim.exempt", "claim.aside_refusal", "claim.corrected", "claim.passage", "claim.quality", "claim.own_time", "claim.calendar", "claim.window", "claim.general", "claim.allowed",
    "claim.other_row", "claim.other_topic", "claim.not_this", "claim.other_group", "name.matched",
    "name.matched_elided", "name.denied", "name.same_day", "name.misnumbered", "name.other_place", "name.other_for_subject",
    "name.missing",
    "name.only_negated", "citation.matched", "citation.missing",
    "citation.other", "list.result", "choice.matched", "choice.text",
    "choice.wrong", "choice.several", "choice.none", "choice.rejected",
    "stance.matched", "stance.contradiction", "stance.missing",
    "refusal.matched", "refusal.invented", "refusal.status",
    "refusal.complies", "refusal.private",
    "refusal.missing", "forbid.hit", "topic.off",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (rules); i++)
    g_assert_true (reasons_has_rule (rules[i]));
  const char *args[] = {"1900 8888 (miễn phí)", "@subject:hotline",
                        "@about:fee"};
  g_autofree char *en = reasons_render ("claim.set_aside", args + 1, 2,
                                        REASONS_EN);
  g_autofree char *vi = reasons_render ("claim.set_aside", args + 1, 2,
                                        REASONS_VI);
  g_assert_cmpstr (en, ==, "about the hotline, not the fee");
  g_assert_cmpstr (vi, ==, "nói về tổng đài, không phải lệ phí");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/claims/parts", test_parts);
  g_test_add_func ("/claims/asker-section", test_asker_section);
  g_test_add_func ("/claims/mail-quote", test_mail_quote);
  g_test_add_func ("/claims/row-label-past-empty-cell",
                   test_row_label_past_empty_cell);
  g_test_add_func ("/claims/html-and-transcript", test_html_and_transcript);
  g_test_add_func ("/claims/plain-text-layout", test_plain_text_layout);
  g_test_add_func ("/claims/deleted-text", test_deleted_text);
  g_test_add_func ("/claims/units-in-headers", test_units_in_headers);
  g_test_add_func ("/claims/subjects", test_subjects);
  g_test_add_func ("/claims/channels-and-examples",
                   test_channels_and_examples);
  g_test_add_func ("/claims/polarity", test_polarity);
  g_test_add_func ("/claims/unaccented-and-english",
                   test_unaccented_and_english);
  g_test_add_func ("/claims/dates", test_dates);
  g_test_add_func ("/claims/dates-huge", test_dates_huge);
  g_test_add_func ("/claims/retrieved-passages", test_retrieved_passages);
  g_test_add_func ("/claims/names", test_names);
  g_test_add_func ("/claims/names/elided", test_names_elided);
  g_test_add_func ("/claims/names/word-set-filter", test_word_set_filter);
  g_test_add_func ("/claims/lexicon", test_lexicon);
  g_test_add_func ("/claims/lexicon/folded-nay", test_lexicon_folded_nay);
  g_test_add_func ("/claims/reasons", test_reasons);
  return g_test_run ();
}
