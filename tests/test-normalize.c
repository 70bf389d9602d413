/* scoring/normalize: the canonical form answers and keys are compared in. */
#include "scoring/normalize.h"
#include "scoring/vi_char.h"

#include <string.h>

static const struct {
  const char *in, *out;
} strict_cases[] = {
  {"Hòa giải", "hoà giải"},             /* old → new tone style */
  {"hoà giải", "hoà giải"},
  {"sức khỏe", "sức khoẻ"},
  {"thúy", "thuý"},
  {"Thủy sản", "thuỷ sản"},
  {"lý lịch", "lí lịch"},               /* i/y variants */
  {"lí lịch", "lí lịch"},
  {"kỹ thuật", "kĩ thuật"},
  {"Quý", "quí"},
  {"tỷ lệ", "tỉ lệ"},
  {"tuy nhiên, hay", "tuy nhiên, hay"}, /* y after a vowel stays */
  {"Ý kiến", "ý kiến"},
  {"\xc3\x90\xc4\x82NG K\xc3\x9d", "đăng kí"}, /* Ð U+00D0 for Đ */
  {"  Lệ \t phí\n\n15.000\xc2\xa0đồng  ", "lệ phí 15.000 đồng"},
  {"3\xe2\x80\x93" "5 ngày", "3-5 ngày"},    /* en dash */
  {"\xe2\x80\x9c" "Cổng" "\xe2\x80\x9d", "\"cổng\""},
  {"a\xe2\x80\x8b" "b", "ab"},               /* zero-width space */
  {"**Lệ phí:** _15.000_ đồng", "lệ phí: 15.000 đồng"},
  {"<p>Xin&nbsp;ch&#224;o &amp; <b>hẹn</b></p>", "xin chào & hẹn"},
  {"[Cổng DVC](https://dichvucong.gov.vn/p/01/2021)", "cổng dvc"},
  {"Xem https://x.vn/01/2021/ND-CP nhé", "xem nhé"},
  {"# Tiêu đề\n> trích\n- mục một\n1. mục hai", "tiêu đề trích mục một mục hai"},
  {"a < b và c > d", "a < b và c > d"},     /* not a tag */
  {"<b chưa đóng", "<b chưa đóng"},
  {"&#xZZ; &#1114112; &unknown;", "&#xzz; &#1114112; &unknown;"},
  /* a snake_case key's words are words: "phí_trực_tuyến" names a channel */
  {"snake_case_word", "snake case word"},
  {"{\"phí_trực_tuyến\": 7000}", "{\"phí trực tuyến\": 7000}"},
  /* a template's unfilled placeholder is no word; an unclosed one is */
  {"Đáp án: {{dap_an}} **A**", "đáp án: a"},
  {"{{so_ngay}}03 ngày", "03 ngày"},
  {"{{ không đóng", "{{ không đóng"},
  {"", ""},
};

static void
test_strict (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (strict_cases); i++) {
    g_autofree char *got = normalize_text (strict_cases[i].in, FALSE);
    g_assert_cmpstr (got, ==, strict_cases[i].out);
  }
}

static void
test_nfd_equals_nfc (void)
{
  const char *texts[] = {"Đăng ký tạm trú tại Công an xã", "Ủy ban nhân dân",
                         "Hòa Khánh, khỏe, thúy", "Người được ủy quyền"};
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++) {
    g_autofree char *nfd = g_utf8_normalize (texts[i], -1, G_NORMALIZE_NFD);
    g_autofree char *a = normalize_text (texts[i], FALSE);
    g_autofree char *b = normalize_text (nfd, FALSE);
    g_assert_cmpstr (a, ==, b);
  }
}

static void
test_lenient (void)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
    {"Đăng ký", "dang ki"},
    {"Ủy ban nhân dân", "uy ban nhan dan"},
    {"dang ky", "dang ki"},
    {"Người được ủy quyền", "nguoi duoc uy quyen"},
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *got = normalize_text (cases[i].in, TRUE);
    g_assert_cmpstr (got, ==, cases[i].out);
  }
}

/* The table-driven folding must agree with the full lenient pipeline. */
static void
test_fold_agrees (void)
{
  const char *texts[] = {
    "Lệ phí đăng ký thường trú 20.000 đồng; nộp trực tuyến 10.000 đồng.",
    "Giấy khám sức khoẻ, căn cước, hộ chiếu phổ thông, ĐƯỜNG, ưu tiên",
    "Quyết định 2353/QĐ-BTC — Bộ Tài chính",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++) {
    g_autofree char *strict = normalize_text (texts[i], FALSE);
    g_autofree char *folded = normalize_fold_diacritics (strict);
    g_autofree char *lenient = normalize_text (texts[i], TRUE);
    g_assert_cmpstr (folded, ==, lenient);
  }
}

static void
test_phrase (void)
{
  g_autofree char *p = normalize_phrase_of ("UBND xã, phường (HĐND)", FALSE);
  g_assert_cmpstr (p, ==, " uỷ ban nhân dân xã phường hội đồng nhân dân ");
  g_autofree char *l = normalize_phrase_of ("UBND xã", TRUE);
  g_assert_cmpstr (l, ==, " uy ban nhan dan xa ");
  g_autofree char *needle = normalize_phrase_of ("xã", FALSE);
  g_autofree char *hay = normalize_phrase_of ("giấy xác nhận", FALSE);
  g_assert_false (normalize_phrase_find (hay, needle, NULL));
  gsize at = 99;
  g_assert_true (normalize_phrase_find (p, needle, &at));
  g_assert_cmpuint (at, ==, strlen (" uỷ ban nhân dân"));
  g_assert_false (normalize_phrase_find (p, " ", NULL));
  g_assert_false (normalize_phrase_find (NULL, needle, NULL));
}

/* Every abbreviation expands where it is a whole word, in both modes, and
 * a text of nothing but abbreviations (the most an expansion can grow)
 * fits. */
static void
test_phrase_abbreviations (void)
{
  g_autofree char *p = normalize_phrase_of (
      "UBTVQH,bkhcn;CCCD-cmnd/TTHC dvc GPLX đkkd HKD stp BCA btp VNeID "
      "ubndx xubnd ubn UBND1", FALSE);
  g_assert_cmpstr (p, ==,
                   " uỷ ban thường vụ quốc hội bộ khoa học và công nghệ "
                   "căn cước công dân chứng minh nhân dân thủ tục hành chính "
                   "dịch vụ công giấy phép lái xe đăng kí kinh doanh "
                   "hộ kinh doanh sở tư pháp bộ công an bộ tư pháp vneid "
                   "ubndx xubnd ubn ubnd1 ");
  g_autofree char *l = normalize_phrase_of ("HĐND đkkd dkkd hdnd", TRUE);
  g_assert_cmpstr (l, ==, " hoi dong nhan dan dang ki kinh doanh "
                          "dang ki kinh doanh hoi dong nhan dan ");
  GString *many = g_string_new (NULL);
  GString *want = g_string_new (" ");
  for (int i = 0; i < 3000; i++) {
    g_string_append (many, "stp ");
    g_string_append (want, "sở tư pháp ");
  }
  g_autofree char *text = g_string_free (many, FALSE);
  g_autofree char *expect = g_string_free (want, FALSE);
  g_autofree char *got = normalize_phrase_of (text, FALSE);
  g_assert_cmpstr (got, ==, expect);
}

/* Garbage in never crashes and always gives valid UTF-8 out. */
static void
test_bad_input (void)
{
  const char *bad[] = {
    "\xff\xfe l\xe1\xbb\x87 ph\xc3",           /* invalid and truncated */
    "x\xe1\xba",                               /* truncated 3-byte form */
    "\xcc\x81\xcc\x80 dấu đứng đầu",           /* combining marks first */
    "&#", "&", "<", "[", "](", "|", "**", "__", "\n\n\n",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++) {
    for (int lenient = 0; lenient < 2; lenient++) {
      g_autofree char *n = normalize_text (bad[i], lenient);
      g_assert_true (g_utf8_validate (n, -1, NULL));
      g_autofree char *p = normalize_phrase (n, lenient);
      g_assert_true (g_utf8_validate (p, -1, NULL));
    }
  }
  g_autofree char *null = normalize_text (NULL, FALSE);
  g_assert_cmpstr (null, ==, "");
  g_autofree char *m = normalize_strip_markup (NULL);
  g_assert_cmpstr (m, ==, "");
  /* folding stops at the end of a cut sequence, never past its NUL */
  g_autofree char *cut = normalize_fold_diacritics ("\xc4\x91\xe1\xba");
  g_assert_cmpstr (cut, ==, "d\xe1\xba");
  /* a long answer is linear and bounded by its input */
  GString *big = g_string_new (NULL);
  for (int i = 0; i < 20000; i++)
    g_string_append (big, "Hòa <b>khỏe</b> 15.000đ | ");
  g_autofree char *text = g_string_free (big, FALSE);
  g_autofree char *n = normalize_text (text, FALSE);
  g_assert_cmpuint (strlen (n), <=, strlen (text) * 2);
}

/* Text that is valid UTF-8 and NFC by normalize's quick test is folded,
 * checked for the old tone style and unified (i/y) in one pass; anything
 * else — here a four-byte character on a line of its own — takes the
 * passes one by one. Both must give the same text. */
static void
assert_one_pass_agrees (const char *text)
{
  static const char tail[] = "\xf0\x9f\x98\x80"; /* U+1F600 */
  g_autofree char *general = g_strconcat (text, "\n", tail, NULL);
  for (int lenient = 0; lenient < 2; lenient++) {
    g_autofree char *fast = normalize_text (text, lenient);
    g_autofree char *slow = normalize_text (general, lenient);
    g_autofree char *want = g_strconcat (fast, *fast ? " " : "", tail, NULL);
    if (strcmp (want, slow) != 0)
      g_error ("\"%s\" (lenient %d): one pass \"%s\", passes \"%s\"", text,
               lenient, fast, slow);
  }
}

static void
test_one_pass (void)
{
  static const char *const texts[] = {
    "Hòa giải tại Ủy ban; sức khỏe, thúy, THÚY, QÚY, qúy",
    "lý hòa", "hòa lý", "kỹ hòa mỹ", "quý thủy quy", "lý", "ly", "y", "ỵ",
    "bcdghklmy bcdghkly ngy nghỹ quỳ qùy khuya tuy hay ây uỷ",
    "l\xe2\x80\x8b\xc3\xbd o\xcc\x80" "a",     /* a ZWSP inside lý */
    "\xc3\xb2\xe2\x80\x8b" "a h\xc3\xb2\xc2\xad" "a", /* ò ZWSP a */
    "\xc3\x90\xc4\x82NG K\xc3\x9d \xc3\xb0\xc9\x96", /* Ð Ă … ð ɖ */
    "| Lệ phí | 15.000 đồng |\n|---|:--:|\n| Thời hạn | 03 ngày |",
    "**Lệ phí:** _15.000_ đồng; ~~cũ~~ `mã` [Cổng](https://x.vn/1)",
    "&#7910;y ban &#x1EE6;Y h&#242;a h\xc3\xb2&#97; &nbsp;&ndash;&unknown;",
    "“Cổng” – ‘dịch vụ’ — 3−5 ngày…", "  \t\n ", "", "a", "\xc2\xa0",
    "Ⱥ ⱥ İ ǅ Ω ß ñ café ŉ ſ", "× ÷ © ° ² ½ ₫ € ‰",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    assert_one_pass_agrees (texts[i]);
  /* seeded mixes of the pieces the one pass treats specially */
  static const char *const pieces[] = {
    "hòa", "hoà", "ủy", "Ủy", "lý", "Lý", "quý", "qúy", "kỹ", "y", "thúy",
    "khỏe", "a", "e", "ò", "ú", "15.000", "đồng", "\xe2\x80\x8b", "**",
    "|", "&#242;", "Ð", "\n", " ", " ", "-", ",",
  };
  g_autoptr (GRand) r = g_rand_new_with_seed (1122);
  for (int i = 0; i < 2000; i++) {
    g_autoptr (GString) text = g_string_new (NULL);
    for (int n = g_rand_int_range (r, 1, 12); n > 0; n--)
      g_string_append (text,
                       pieces[g_rand_int_range (r, 0, G_N_ELEMENTS (pieces))]);
    assert_one_pass_agrees (text->str);
  }
  /* past the stack buffer (markup may triple a text): heap, same result */
  GString *big = g_string_new (NULL);
  for (int i = 0; i < 400; i++)
    g_string_append (big, "| Hòa | lý |\n");
  g_autofree char *text = g_string_free (big, FALSE);
  assert_one_pass_agrees (text);
}

/* The fast character reads agree with GLib for every code point, and on
 * sequences cut short by the end of the text. */
static void
test_vi_char_agrees_with_glib (void)
{
  for (gunichar c = 1; c <= 0x10FFFF; c++) {
    if (c >= 0xD800 && c <= 0xDFFF)
      continue;
    char buf[8] = { 0 };
    g_unichar_to_utf8 (c, buf);
    if (vi_char_at (buf) != g_utf8_get_char (buf)
        || vi_char_isalpha (c) != g_unichar_isalpha (c)
        || vi_char_isalnum (c) != g_unichar_isalnum (c))
      g_error ("U+%04X: vi_char disagrees with GLib", c);
  }
  const char *cut[] = { "\xc3", "\xe1\xbb", "\xe1", "\xe1\xbb ", "a\xc3" };
  for (guint i = 0; i < G_N_ELEMENTS (cut); i++)
    g_assert_cmpuint (vi_char_at (cut[i]), ==, g_utf8_get_char (cut[i]));
  /* Vietnamese letters are letters, its punctuation is not. */
  g_assert_true (vi_char_alpha_at ("ữ"));
  g_assert_true (vi_char_alpha_at ("Đ"));
  g_assert_false (vi_char_alpha_at ("₫"));
  g_assert_false (vi_char_alnum_at ("–"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/normalize/strict", test_strict);
  g_test_add_func ("/normalize/nfd-equals-nfc", test_nfd_equals_nfc);
  g_test_add_func ("/normalize/lenient", test_lenient);
  g_test_add_func ("/normalize/fold-agrees", test_fold_agrees);
  g_test_add_func ("/normalize/vi-char-agrees-with-glib",
                   test_vi_char_agrees_with_glib);
  g_test_add_func ("/normalize/one-pass", test_one_pass);
  g_test_add_func ("/normalize/phrase", test_phrase);
  g_test_add_func ("/normalize/phrase-abbreviations",
                   test_phrase_abbreviations);
  g_test_add_func ("/normalize/bad-input", test_bad_input);
  return g_test_run ();
}
