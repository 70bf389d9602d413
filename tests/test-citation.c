/* scoring/citation: document numbers per DOMAIN.md §6 in canonical form. */
#include "scoring/citation.h"
#include "scoring/laws.h"
#include "scoring/normalize.h"

static const struct {
  const char *text, *canonical;
} cases[] = {
  {"Nghị định số 01/2021/NĐ-CP", "1/2021/ND-CP"},
  {"NĐ 01/2021/NĐ-CP", "1/2021/ND-CP"},
  {"01/2021/ND-CP", "1/2021/ND-CP"},
  {"nghị định 01 / 2021 / nđ - cp", "1/2021/ND-CP"},
  {"01/2021/NĐ\xe2\x80\x93" "CP", "1/2021/ND-CP"}, /* en dash */
  {"Thông tư 75/2022/TT-BTC", "75/2022/TT-BTC"},
  {"Quyết định 43/2017/QĐ-UBND", "43/2017/QD-UBND"},
  {"Luật số 24/2023/QH15", "24/2023/QH15"},
  {"Nghị quyết 351/2017/UBTVQH14", "351/2017/UBTVQH14"},
  {"Thông tư liên tịch 03/2016/TTLT-BTP-BCA", "3/2016/TTLT-BTP-BCA"},
  {"Quyết định 1291/QĐ-BTTTT", "1291/QD-BTTTT"},
  {"Công văn 656/TTg-KSTT", "656/TTG-KSTT"},
  {"Nghị quyết 57-NQ/TW", "57-NQ/TW"},
  {"Thông tư 75/2022 của Bộ Tài chính", "75/2022"},
};

static void
test_canonical (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *n = normalize_text (cases[i].text, FALSE);
    g_autofree char *c = citation_canonical (n);
    g_assert_cmpstr (c, ==, cases[i].canonical);
    /* the raw text and the lenient form give the same canonical form */
    g_autofree char *raw = citation_canonical (cases[i].text);
    g_assert_cmpstr (raw, ==, cases[i].canonical);
    g_autofree char *l = normalize_text (cases[i].text, TRUE);
    g_autofree char *lc = citation_canonical (l);
    g_assert_cmpstr (lc, ==, cases[i].canonical);
  }
}

static void
test_not_citations (void)
{
  const char *texts[] = {
    NULL, "", "15.000đ/trang", "ngày 01/07/2025", "1.000948.H38",
    "tỉ lệ 1/2", "50.000 đồng/lần", "2025-07-01", "\xff\xfe/2021/",
    "12345678/2021/ND-CP", "/2021/ND-CP", "3/5 ngày",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++) {
    g_autofree char *c = citation_canonical (texts[i]);
    if (c != NULL)
      g_error ("\"%s\" gave %s", texts[i] ? texts[i] : "(null)", c);
  }
}

static void
test_scan_order_and_spans (void)
{
  const char *text = "theo nđ 01/2021/nđ-cp và tt 75/2022/tt-btc";
  g_autoptr (GPtrArray) all = citation_scan (text);
  g_assert_cmpuint (all->len, ==, 2);
  const CitationMention *a = all->pdata[0], *b = all->pdata[1];
  g_assert_cmpstr (a->canonical, ==, "1/2021/ND-CP");
  g_assert_cmpstr (a->number_year, ==, "1/2021");
  g_assert_cmpstr (b->canonical, ==, "75/2022/TT-BTC");
  g_autofree char *span = g_strndup (text + b->start, b->end - b->start);
  g_assert_cmpstr (span, ==, "75/2022/tt-btc");
  citation_mention_free (NULL);
}

static void
test_matches (void)
{
  g_autoptr (GPtrArray) bare = citation_scan ("Thông tư 75/2022");
  g_assert_cmpuint (bare->len, ==, 1);
  g_assert_true (citation_matches (bare->pdata[0], "75/2022/TT-BTC"));
  g_assert_false (citation_matches (bare->pdata[0], "75/2021/TT-BTC"));
  g_assert_false (citation_matches (bare->pdata[0], "7/2022/TT-BTC"));
  g_autoptr (GPtrArray) full = citation_scan ("75/2022/TT-BCA");
  g_assert_false (citation_matches (full->pdata[0], "75/2022/TT-BTC"));
  g_assert_false (citation_matches (NULL, "75/2022/TT-BTC"));
  g_assert_false (citation_matches (full->pdata[0], NULL));
}

/* The law registry finds a law by its name, whole, in either spelling,
 * and knows its numbers, old and new. */
static void
test_laws (void)
{
  gsize start, end;
  g_autofree char *t = normalize_text ("Căn cứ Luật Hộ tịch số 52/2014/QH13.", FALSE);
  gint law = laws_find (t, 0, FALSE, &start, &end);
  g_assert_cmpint (law, >=, 0);
  g_assert_cmpstr (laws_name (law), ==, "Luật Hộ tịch");
  g_assert_true (g_str_has_prefix (t + start, "luật hộ tịch"));
  g_assert_false (laws_number_valid (law, "52/2014/QH13"));
  g_assert_true (laws_number_valid (law, "60/2014/QH13"));
  g_autofree char *u = normalize_text ("theo luat an ninh mang 24/2018/QH14", TRUE);
  law = laws_find (u, 0, TRUE, &start, &end);
  g_assert_cmpint (law, >=, 0);
  g_assert_true (laws_number_valid (law, "24/2018/QH14"));
  g_assert_true (laws_number_valid (law, "116/2025/QH15"));
  /* no law of the registry, and no law inside a longer word */
  g_assert_cmpint (laws_find ("luật đất đai 2024", 0, FALSE, &start, &end), ==, -1);
  g_assert_cmpint (laws_find ("luật cư trúx", 0, FALSE, &start, &end), ==, -1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/citation/canonical", test_canonical);
  g_test_add_func ("/citation/not-citations", test_not_citations);
  g_test_add_func ("/citation/scan-order-and-spans", test_scan_order_and_spans);
  g_test_add_func ("/citation/matches", test_matches);
  g_test_add_func ("/citation/laws", test_laws);
  return g_test_run ();
}
