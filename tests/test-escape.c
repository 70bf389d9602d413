/* CSV cells a spreadsheet would run as formulas are neutralized (OWASP CSV
 * injection): answers in items.csv, names in results.csv. */
#include <string.h>

#include "reports/csv.h"
#include "reports/escape.h"
#include "rundir/results.h"

static char *
csv (const char *text)
{
  GString *out = g_string_new (NULL);
  escape_csv (out, text);
  return g_string_free (out, FALSE);
}

static void
test_formula_cells (void)
{
  static const struct {
    const char *in, *want;
  } cases[] = {
    { "=HYPERLINK(\"http://x\",\"Lệ phí\")",
      "\"'=HYPERLINK(\"\"http://x\"\",\"\"Lệ phí\"\")\"" },
    { "+84 912 345 678", "\"'+84 912 345 678\"" },
    { "-3 ngày làm việc", "\"'-3 ngày làm việc\"" },
    { "@SUM(A1:A9)", "\"'@SUM(A1:A9)\"" },
    { "\t=1+1", "\"'\t=1+1\"" },
    { "\r=1+1", "\"'\r=1+1\"" },
    /* not at the start, or nothing dangerous: as before */
    { "Lệ phí = 15.000 đồng", "Lệ phí = 15.000 đồng" },
    { "Hà Nội", "Hà Nội" },
    { "15.000 đồng, miễn phí", "\"15.000 đồng, miễn phí\"" },
    { "", "" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *got = csv (cases[i].in);
    g_assert_cmpstr (got, ==, cases[i].want);
  }
}

/* A submission named like a formula, in results.csv. */
static void
test_results_names (void)
{
  const char *json
      = "{\"submissions\": [{\"rank\": 1, \"id\": \"tinh-a\", "
        "\"name\": \"=cmd|' /C calc'!A0\", \"province\": \"@Hà Nội\", "
        "\"accuracy\": -0.5}]}";
  g_autoptr (Results) r = results_parse (json, -1, "test", NULL);
  g_assert_nonnull (r);
  g_autofree char *text = csv_results (r);
  g_assert_nonnull (strstr (text, ",\"'=cmd|' /C calc'!A0\","));
  g_assert_nonnull (strstr (text, ",\"'@Hà Nội\","));
  /* numbers are written as numbers, a negative one too */
  g_assert_nonnull (strstr (text, ",-0.5,"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/escape/csv-formula-cells", test_formula_cells);
  g_test_add_func ("/escape/csv-results-names", test_results_names);
  return g_test_run ();
}
