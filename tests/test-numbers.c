/* scoring/numbers: the number grammar, amounts and durations in context,
 * and garbage that must parse as nothing. */
#include "scoring/normalize.h"
#include "scoring/numbers.h"

#include <string.h>

static const struct {
  const char *text;
  double value;
} good[] = {
  {"0", 0}, {"03", 3}, {"50.000", 50000}, {"50,000", 50000},
  {"1.500.000", 1500000}, {"1,5", 1.5}, {"2.5", 2.5}, {"50 000", 50000},
  {"50.000 đồng", 50000}, {"50.000đ", 50000}, {"50.000 VND", 50000},
  {"50.000 VNĐ", 50000}, {"50.000₫", 50000}, {"50k", 50000},
  {"1tr5", 1500000}, {"1,5 triệu", 1500000}, {"50 nghìn", 50000},
  {"50 ngàn", 50000}, {"1 triệu rưỡi", 1500000}, {"2 triệu 3", 2300000},
  {"1 triệu 500 nghìn", 1500000}, {"3 tỷ", 3e9}, {"3 tỉ", 3e9},
  {"hai củ", 2000000},
  {"không", 0}, {"một", 1}, {"mười", 10}, {"mười một", 11},
  {"mười lăm", 15}, {"mười tư", 14}, {"hai mươi", 20}, {"hai mươi mốt", 21},
  {"hai mươi một", 21}, {"hai mươi tư", 24}, {"hai mươi bốn", 24},
  {"bốn mươi tư", 44}, {"bốn mươi bốn", 44}, {"hai mươi lăm", 25},
  {"hai mươi nhăm", 25}, {"hai mốt", 21}, {"ba lăm", 35}, {"hai tư", 24},
  {"hai chục", 20}, {"một trăm", 100}, {"một trăm linh năm", 105},
  {"một trăm lẻ năm", 105}, {"một trăm linh tư", 104},
  {"một trăm mười", 110}, {"chín trăm chín mươi chín", 999},
  {"năm mươi nghìn", 50000}, {"năm mươi ngàn đồng", 50000},
  {"một nghìn không trăm linh năm", 1005},
  {"một triệu không trăm linh năm", 1000005},
  {"một triệu rưỡi", 1500000}, {"một triệu tư", 1400000},
  {"một triệu hai", 1200000}, {"hai mươi lăm nghìn", 25000},
  {"hai mươi năm nghìn", 25000}, {"một nghìn tỷ", 1e12},
  {"nửa triệu", 500000}, {"2 triệu rưỡi", 2500000},
  {"bảy", 7}, {"bẩy", 7}, {"Năm Mươi Nghìn Đồng", 50000},
  {"nam muoi nghin", 50000}, /* the lenient vocabulary reads it too */
};

static void
test_parse_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++) {
    double v = -1;
    if (!numbers_parse (good[i].text, &v))
      g_error ("\"%s\" did not parse", good[i].text);
    g_assert_cmpfloat_with_epsilon (v, good[i].value, 1e-6);
  }
}

static void
test_parse_bad (void)
{
  const char *bad[] = {
    NULL, "", "   ", "abc", "đồng", "mươi mươi", "trăm", "nghìn", "rưỡi",
    "50.000 đồng abc", "abc 50", "1.000948", "1.000948.H38", "0912345678",
    "0912.345.678", "01/2021", "168/2025/NĐ-CP", "50,0000", "1..5", "5-",
    "\xff\xfe", "50\xe1\xba", "99999999999999999", "1900 1234", "5 - x",
    "năm 2025", "++", "50k50k",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++) {
    double v = -1;
    if (numbers_parse (bad[i], &v))
      g_error ("\"%s\" parsed as %g", bad[i] ? bad[i] : "(null)", v);
  }
}

/* "unit bound lo-hi" of every mention, joined by "; ". */
static char *
scan (const char *text)
{
  g_autofree char *norm = normalize_text (text, FALSE);
  g_autoptr (GArray) ms = numbers_scan (norm, FALSE);
  static const char *const bounds[] = {"=", "<=", ">=", ".."};
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < ms->len; i++) {
    const NumbersMention *m = &g_array_index (ms, NumbersMention, i);
    g_assert_cmpuint (m->start, <, m->end);
    g_assert_cmpuint (m->end, <=, strlen (norm));
    g_string_append_printf (s, "%s%s %s%g", i ? "; " : "",
                            numbers_unit_name (m->unit), bounds[m->bound],
                            m->lo);
    if (m->bound == NUMBERS_RANGE)
      g_string_append_printf (s, "-%g", m->hi);
  }
  return g_string_free (s, FALSE);
}

static const struct {
  const char *text, *mentions;
} scans[] = {
  {"Lệ phí 15.000 đồng, 3 ngày làm việc.", "vnd =15000; working_day =3"},
  {"15.000đ trực tiếp, 7.000đ trực tuyến", "vnd =15000; vnd =7000"},
  {"3 ngày", "day =3"},
  {"3 ngày làm việc", "working_day =3"},
  {"lệ phí 7k, 3 ngày lv nha", "vnd =7000; working_day =3"}, /* chat */
  {"từ 3 đến 5 ngày", "day ..3-5"},
  {"3-5 ngày làm việc", "working_day ..3-5"},
  {"không quá 10 ngày", "day <=10"},
  {"tối đa là 200.000 đồng", "vnd <=200000"},
  {"ít nhất 5 ngày", "day >=5"},
  {"trong vòng 24 giờ", "hour =24"},
  {"2 tuần, 1 tháng, 30 phút, 5 năm", "week =2; month =1; minute =30; year =5"},
  {"ngay trong ngày", "same_day =0"},
  {"trả kết quả trong ngày", "same_day =0"},
  {"ngay lập tức", "same_day =0"},
  {"miễn phí", "vnd =0"},
  {"không thu lệ phí", "vnd =0"},
  {"không miễn phí", ""},
  {"Phí, lệ phí: Không", "vnd =0"},
  {"Lệ phí: miễn.", "vnd =0"},
  {"Lệ phí: không quá 200.000 đồng", "vnd <=200000"},
  {"Phí: không có thông tin", ""},
  {"không đồng ý", ""},
  {"Nghị định 168/2025/NĐ-CP", ""},
  {"Thông tư 75/2022/TT-BTC, phí 15.000 đồng", "vnd =15000"},
  {"ngày 01/07/2025", ""},
  {"ngày 2025-07-01", ""},
  {"Ngày 15 tháng 7 năm 2025", ""},
  {"mã 1.000948.H38", ""},
  {"gọi 0912 345 678 hoặc 1900 1234", ""},
  {"gọi 0912.345.678", ""},
  {"lúc 15:00 hoặc 15h30", ""},
  {"nộp trước 15 giờ", ""},
  {"Điều 18, khoản 2, trang 3", ""},
  {"Luật số 24/2023/QH15", ""},
  {"Việt Nam đồng", ""},
  {"hơn 3 nghìn thủ tục", ""},
  {"07 (bảy) ngày làm việc", "working_day =7"},
  {"Lệ phí: 15.000.", "vnd =15000"},
  {"1.5 triệu", "vnd =1.5e+06"},
  {"50 000 đồng", "vnd =50000"},
  {"Phí VND 50.000, hoặc ₫50.000", "vnd =50000; vnd =50000"},
  {"nửa triệu đồng", "vnd =500000"},
  {"nửa tháng", ""},
  {"nếu mình đoán một ngày mất thì đó là bịa", ""}, /* a date of death */
  {"chỉ mất một ngày", "day =1"},
  {"Thời gian: 9 giờ 12, thứ Hai 07/12/2026", ""}, /* a clock time */
  {"chờ 2 giờ 30 phút", "hour =2; minute =30"},
  {"tùy thời điểm trong ngày", ""}, /* the time of day */
  {"trả kết quả trong ngày", "same_day =0"},
};

static void
test_scan (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (scans); i++) {
    g_autofree char *got = scan (scans[i].text);
    if (strcmp (got, scans[i].mentions) != 0)
      g_error ("\"%s\": got \"%s\", want \"%s\"", scans[i].text, got,
               scans[i].mentions);
  }
}

static void
test_scan_garbage (void)
{
  const char *garbage[] = {
    "\xff\xff\xff", "5\xe1\xba ngày", "..,,..//--", "0.0.0.0.0",
    "99999999999999999999999 đồng", "1,2,3,4,5,6,7 ngày", "k k k tr tr",
    "mươi mươi trăm trăm nghìn", "rưỡi đồng", "-5 ngày", "(((((5", "5)))))",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (garbage); i++) {
    g_autofree char *got = scan (garbage[i]);
    g_assert_true (g_utf8_validate (got, -1, NULL)); /* and no crash */
  }
  g_autoptr (GArray) none = numbers_scan (NULL, FALSE);
  g_assert_cmpuint (none->len, ==, 0);
}

/* A long answer (past the token buffer on the stack) with mentions at
 * both ends, digit groups joined by a space and words of the vocabulary
 * that take every path of the word reader. */
static void
test_scan_long (void)
{
  GString *text = g_string_new ("Lệ phí 50 000 đồng. ");
  for (int i = 0; i < 60; i++)
    g_string_append (text, "Người dân nộp hồ sơ tại Ủy ban, ");
  g_string_append (text, "trong thời hạn không quá năm ngày làm việc; "
                         "phí 1.500.000 VNĐ, gọi 1900 1234.");
  g_autofree char *raw = g_string_free (text, FALSE);
  g_autofree char *norm = normalize_text (raw, FALSE);
  g_autoptr (GArray) ms = numbers_scan (norm, FALSE);
  g_assert_cmpuint (ms->len, ==, 3);
  const NumbersMention *m = &g_array_index (ms, NumbersMention, 0);
  g_assert_cmpfloat (m->lo, ==, 50000);
  g_assert_cmpuint (m->start, ==, strlen ("lệ phí "));
  g_assert_cmpuint (m->end, ==, strlen ("lệ phí 50 000 đồng"));
  m = &g_array_index (ms, NumbersMention, 1);
  g_assert_cmpint (m->unit, ==, NUMBERS_UNIT_WORKING_DAY);
  g_assert_cmpint (m->bound, ==, NUMBERS_AT_MOST);
  g_assert_cmpfloat (m->hi, ==, 5);
  m = &g_array_index (ms, NumbersMention, 2);
  g_assert_cmpfloat (m->lo, ==, 1500000);
}

/* How many mentions numbers_scan reads in text, normalized in the given
 * form; the first one's low value in *lo. */
static guint
scanned (const char *text, gboolean lenient, double *lo)
{
  g_autofree char *norm = normalize_text (text, lenient);
  g_autoptr (GArray) ms = numbers_scan (norm, lenient);
  if (ms->len > 0)
    *lo = g_array_index (ms, NumbersMention, 0).lo;
  return ms->len;
}

static void
test_lenient_scan (void)
{
  g_autofree char *norm = normalize_text ("15.000 dong, 3 ngay lam viec, "
                                          "nam muoi nghin dong", TRUE);
  g_autoptr (GArray) ms = numbers_scan (norm, TRUE);
  g_assert_cmpuint (ms->len, ==, 3);
  g_assert_cmpint (g_array_index (ms, NumbersMention, 1).unit, ==,
                   NUMBERS_UNIT_WORKING_DAY);
  g_assert_cmpfloat (g_array_index (ms, NumbersMention, 2).lo, ==, 50000);
  /* strict mode does not read number words without their marks; "dong"
   * is read, as English answers write it ("15,000 dong") */
  g_autoptr (GArray) strict = numbers_scan (norm, FALSE);
  g_assert_cmpuint (strict->len, ==, 1);
  g_assert_cmpfloat (g_array_index (strict, NumbersMention, 0).lo, ==, 15000);
  /* "trong ngày làm việc thứ bảy" is the seventh working day, not the
   * same day */
  g_autofree char *th = normalize_text ("chậm nhất trong ngày làm việc thứ bảy",
                                        FALSE);
  g_autoptr (GArray) seventh = numbers_scan (th, FALSE);
  for (guint i = 0; i < seventh->len; i++)
    g_assert_cmpint (g_array_index (seventh, NumbersMention, i).unit, !=,
                     NUMBERS_UNIT_SAME_DAY);
  /* "cu" without marks is cư, cũ, cụ: "Viet Nam cu tru" is no "năm củ"
   * (five million), which the marked form still reads */
  g_autofree char *vn = normalize_text ("cong dan Viet Nam cu tru trong nuoc",
                                        TRUE);
  g_autoptr (GArray) none = numbers_scan (vn, TRUE);
  g_assert_cmpuint (none->len, ==, 0);
  g_autofree char *cu = normalize_text ("hết năm củ", FALSE);
  g_autoptr (GArray) five = numbers_scan (cu, FALSE);
  g_assert_cmpuint (five->len, ==, 1);
  g_assert_cmpfloat (g_array_index (five, NumbersMention, 0).lo, ==, 5000000);
  /* folded "sau" is after past "hôm", "ngày" ("tu hom sau ngay sinh"),
   * six elsewhere ("trong sau ngay lam viec") */
  double lo = 0;
  g_assert_cmpuint (scanned ("60 ngay tu hom sau ngay sinh", TRUE, &lo), ==, 1);
  g_assert_cmpfloat (lo, ==, 60);
  g_assert_cmpuint (scanned ("trong sau ngay lam viec", TRUE, &lo), ==, 1);
  g_assert_cmpfloat (lo, ==, 6);
  /* folded "bay gio" is bây giờ (now), no number; accented "bảy giờ"
   * still seven hours */
  g_assert_cmpuint (scanned ("cap xa bay gio la noi giai quyet", TRUE, &lo), ==, 0);
  g_assert_cmpuint (scanned ("mất bảy giờ", FALSE, &lo), ==, 1);
  g_assert_cmpfloat (lo, ==, 7);
  /* slang "k" before a counted word is a count; before a particle or a
   * fee word's figure, money */
  g_assert_cmpuint (scanned ("Nhóm Facebook 41K thành viên", FALSE, &lo), ==, 0);
  g_assert_cmpuint (scanned ("online thi 7k thui b oi", TRUE, &lo), ==, 1);
  g_assert_cmpfloat (lo, ==, 7000);
  /* "**Tài khoản ẩn danh** · 1 giờ": a post's age, no duration */
  g_assert_cmpuint (scanned ("Tài khoản ẩn danh · 1 giờ", FALSE, &lo), ==, 0);
  /* a review's age in weeks or months too; working days are never one */
  g_assert_cmpuint (scanned ("Hoàng Lan · 14 bài đánh giá · 1 tuần trước", FALSE,
                             &lo), ==, 0);
  g_assert_cmpuint (scanned ("Minh Anh · 2 tháng trước", FALSE, &lo), ==, 0);
  g_assert_cmpuint (scanned ("Kết quả · 05 ngày làm việc", FALSE, &lo), ==, 1);
}

static void
test_format_and_units (void)
{
  g_autofree char *a = numbers_format (15000, NUMBERS_UNIT_VND);
  g_assert_cmpstr (a, ==, "15.000 đồng");
  g_autofree char *b = numbers_format (1.5, NUMBERS_UNIT_MONTH);
  g_assert_cmpstr (b, ==, "1,5 tháng");
  g_autofree char *c = numbers_format (3, NUMBERS_UNIT_WORKING_DAY);
  g_assert_cmpstr (c, ==, "3 ngày làm việc");
  g_autofree char *d = numbers_format (0, NUMBERS_UNIT_SAME_DAY);
  g_assert_cmpstr (d, ==, "trong ngày");
  g_autofree char *z = numbers_format (0, NUMBERS_UNIT_VND);
  g_assert_cmpstr (z, ==, "0 đồng (miễn phí)");
  g_autofree char *e = numbers_format (1200000000, NUMBERS_UNIT_NONE);
  g_assert_cmpstr (e, ==, "1.200.000.000");
  const char *names[] = {"working_day", "day", "hour", "week", "month",
                         "same_day"};
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    NumbersUnit u;
    g_assert_true (numbers_duration_unit_from_name (names[i], &u));
    g_assert_cmpstr (numbers_unit_name (u), ==, names[i]);
  }
  NumbersUnit u;
  g_assert_false (numbers_duration_unit_from_name ("vnd", &u));
  g_assert_true (numbers_duration_unit_from_name ("year", &u)); /* validity periods */
  g_assert_false (numbers_duration_unit_from_name (NULL, &u));
  g_assert_cmpstr (numbers_unit_name ((NumbersUnit) 99), ==, "none");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/numbers/parse-good", test_parse_good);
  g_test_add_func ("/numbers/parse-bad", test_parse_bad);
  g_test_add_func ("/numbers/scan", test_scan);
  g_test_add_func ("/numbers/scan-garbage", test_scan_garbage);
  g_test_add_func ("/numbers/scan-long", test_scan_long);
  g_test_add_func ("/numbers/lenient-scan", test_lenient_scan);
  g_test_add_func ("/numbers/format-and-units", test_format_and_units);
  return g_test_run ();
}
