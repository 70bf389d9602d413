/* Question-set loader: good sets load, every kind of bad input is refused
 * with file:line and the field named. */
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "scoring/judge.h"
#include "testsets/testset.h"
#include "tests/vb-test.h"
#include "util/jsonl.h"

#define PROV                                                                  \
  "\"legal_basis\": [\"Luật Cư trú 2020\"], \"valid_as_of\": \"2025-07-01\", " \
  "\"source\": \"DOMAIN.md §3\", \"review\": \"reviewed\""

#define ITEM(id)                                                              \
  "{\"id\": \"" id "\", \"category\": \"cu-tru\", \"kind\": \"procedure\", "  \
  "\"question\": \"Đăng ký tạm trú mất bao lâu?\", \"facts\": [{\"type\": "   \
  "\"duration\", \"value\": 3, \"unit\": \"working_day\"}], " PROV "}"

static char *tmpdir;

static char *
write_tmp (const char *name, const char *data, gssize len)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, len, NULL));
  return path;
}

static void
test_good_set (void)
{
  g_autofree char *p = write_tmp (
      "good.jsonl",
      "{\"testset\": {\"name\": \"thu\", \"version\": \"1\", \"visibility\": "
      "\"hidden\"}}\n" ITEM ("cutru-001") "\n\n" ITEM ("cutru-002") "\n",
      -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (Testset) set = testset_load (p, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (set->items->len, ==, 2);
  g_assert_cmpstr (set->name, ==, "thu");
  g_assert_true (set->hidden);
  g_assert_cmpuint (strlen (set->sha256), ==, 64);
  const TsItem *it = testset_lookup (set, "cutru-002");
  g_assert_nonnull (it);
  g_assert_cmpuint (it->line, ==, 4);
  g_assert_cmpstr (((TsTurn *) g_ptr_array_index (it->turns, 0))->question,
                   ==, "Đăng ký tạm trú mất bao lâu?");
  g_assert_true (testset_require_reviewed (set, NULL));
}

/* A header may name each category for the reports; then every item's
 * category must be one it names. */
static void
test_categories (void)
{
  g_autofree char *p = write_tmp (
      "cats.jsonl",
      "{\"testset\": {\"name\": \"thu\", \"categories\": {\"cu-tru\": "
      "\"Cư trú\", \"ho-tich\": \"Hộ tịch\"}}}\n" ITEM ("cutru-001") "\n",
      -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (Testset) set = testset_load (p, &error);
  g_assert_no_error (error);
  g_assert_nonnull (set->categories);
  g_assert_cmpstr (g_hash_table_lookup (set->categories, "cu-tru"), ==,
                   "Cư trú");
  g_assert_cmpuint (g_hash_table_size (set->categories), ==, 2);
  g_autofree char *q = write_tmp ("nocats.jsonl", ITEM ("cutru-001") "\n", -1);
  g_autoptr (Testset) plain = testset_load (q, &error);
  g_assert_no_error (error);
  g_assert_null (plain->categories);
}

static void
test_conversation_and_variants (void)
{
  g_autofree char *p = write_tmp (
      "conv.jsonl",
      "{\"id\": \"hc-1\", \"category\": \"xuat-nhap-canh\", \"kind\": "
      "\"conversation\", \"turns\": [{\"question\": \"Làm hộ chiếu ở đâu?\", "
      "\"facts\": []}, {\"question\": \"Thế còn lệ phí?\", \"facts\": "
      "[{\"type\": \"money\", \"value\": 200000}]}], \"variants\": "
      "[{\"type\": \"no_diacritics\", \"turns\": [\"lam ho chieu o dau\", "
      "\"the con le phi\"]}], " PROV "}\n",
      -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (Testset) set = testset_load (p, &error);
  g_assert_no_error (error);
  const TsItem *it = g_ptr_array_index (set->items, 0);
  g_assert_cmpuint (it->turns->len, ==, 2);
  g_assert_cmpuint (it->variants->len, ==, 1);
  const TsVariant *v = g_ptr_array_index (it->variants, 0);
  g_assert_cmpstr (v->turns[1], ==, "the con le phi");
}

typedef struct {
  const char *name;
  const char *data;
  gssize len;
  const char *expect; /* substring of the message, after "file:line: " */
  guint line;
} BadCase;

static const BadCase bad_cases[] = {
  { "invalid-json", ITEM ("a") "\n{\"id\": \"b\",\n", -1, "invalid JSON", 2 },
  { "wrong-type",
    "{\"id\": 5, \"category\": \"x\", \"kind\": \"procedure\"}\n", -1,
    "field \"id\": expected a string, found a number", 1 },
  { "missing-field",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"procedure\", "
    "\"facts\": []}\n",
    -1, "field \"question\": missing", 1 },
  { "unknown-fact-type",
    ITEM ("a") "\n{\"id\": \"b\", \"category\": \"x\", \"kind\": "
               "\"procedure\", \"question\": \"Phí?\", \"facts\": "
               "[{\"type\": \"fee\", \"value\": 1}], " PROV "}\n",
    -1, "field \"facts[0].type\"", 2 },
  { "duplicate-id", ITEM ("a") "\n" ITEM ("b") "\n" ITEM ("a") "\n", -1,
    "duplicate id \"a\" (first on line 1)", 3 },
  { "invalid-utf8", ITEM ("a") "\n{\"id\": \"\xff\xfe\"}\n", -1,
    "invalid UTF-8", 2 },
  { "empty", "", 0, "no record", 1 },
  { "blank-only", "\n  \n", -1, "no record", 1 },
  { "header-not-first",
    ITEM ("a") "\n{\"testset\": {\"name\": \"x\"}}\n", -1,
    "field \"testset\": a header must be the first line", 2 },
  { "unknown-kind",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"quiz\"}\n", -1,
    "field \"kind\": unknown kind \"quiz\"", 1 },
  { "bad-date",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"legal\", \"question\": "
    "\"Luật nào?\", \"facts\": [], \"legal_basis\": [\"x\"], \"valid_as_of\": "
    "\"2025-13-01\", \"source\": \"s\", \"review\": \"reviewed\"}\n",
    -1, "field \"valid_as_of\"", 1 },
  { "bad-review",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"legal\", \"question\": "
    "\"Luật nào?\", \"facts\": [], \"legal_basis\": [\"x\"], \"valid_as_of\": "
    "\"2025-07-01\", \"source\": \"s\", \"review\": \"ok\"}\n",
    -1, "field \"review\"", 1 },
  { "not-an-object", "[1, 2]\n", -1, "one JSON object", 1 },
  { "bad-valid-from",
    ITEM ("a") "\n{\"id\": \"b\", \"category\": \"x\", \"kind\": \"legal\", "
               "\"question\": \"Luật nào?\", \"facts\": [], "
               "\"valid_from\": \"2026-7-1\", " PROV "}\n",
    -1, "field \"valid_from\": \"2026-7-1\" is not a date", 2 },
  { "bad-valid-until",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"legal\", "
    "\"question\": \"Luật nào?\", \"facts\": [], "
    "\"valid_until\": \"2026-02-30\", " PROV "}\n",
    -1, "field \"valid_until\": \"2026-02-30\" is not a date", 1 },
  { "valid-until-not-string",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"legal\", "
    "\"question\": \"Luật nào?\", \"facts\": [], "
    "\"valid_until\": 20260630, " PROV "}\n",
    -1, "field \"valid_until\"", 1 },
  { "window-reversed",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"legal\", "
    "\"question\": \"Luật nào?\", \"facts\": [], "
    "\"valid_from\": \"2026-07-01\", \"valid_until\": \"2026-06-30\", "
    PROV "}\n",
    -1, "field \"valid_until\": \"2026-06-30\" is before valid_from "
        "\"2026-07-01\"", 1 },
  { "category-without-name",
    "{\"testset\": {\"name\": \"thu\", \"categories\": {\"ho-tich\": "
    "\"Hộ tịch\"}}}\n" ITEM ("a") "\n", -1,
    "field \"category\": \"cu-tru\" has no display name in the header's "
    "\"categories\"", 2 },
  { "category-name-not-string",
    "{\"testset\": {\"name\": \"thu\", \"categories\": {\"cu-tru\": "
    "1}}}\n" ITEM ("a") "\n", -1,
    "header: field \"categories.cu-tru\": expected a non-empty display name",
    1 },
  { "categories-not-object",
    "{\"testset\": {\"name\": \"thu\", \"categories\": [\"cu-tru\"]}}\n"
    ITEM ("a") "\n", -1, "header: field \"categories\": expected an object", 1 },
  /* ids are joined into keys: "a/b" in set "s" and "b" in set "s/a"
   * would be one question */
  { "id-slash", ITEM ("a") "\n" ITEM ("cu-tru/002") "\n", -1,
    "field \"id\": \"cu-tru/002\" is not an id", 2 },
  { "id-space", ITEM ("cu tru") "\n", -1, "is not an id", 1 },
  { "set-name-slash", "{\"testset\": {\"name\": \"practice/x\"}}\n"
                      ITEM ("a") "\n", -1,
    "field \"testset.name\": \"practice/x\" is not an id", 1 },
  { "short-conversation",
    "{\"id\": \"a\", \"category\": \"x\", \"kind\": \"conversation\", "
    "\"turns\": [{\"question\": \"Hỏi?\", \"facts\": []}]}\n",
    -1, "field \"turns\": a conversation has 2 to 4 turns", 1 },
};

static void
test_bad_input (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *name = g_strdup_printf ("%s.jsonl", c->name);
  g_autofree char *p = write_tmp (name, c->data, c->len);
  g_autoptr (GError) error = NULL;
  g_autoptr (Testset) set = testset_load (p, &error);
  g_assert_null (set);
  g_assert_nonnull (error);
  g_autofree char *where = g_strdup_printf ("%s:%u: ", p, c->line);
  if (!g_str_has_prefix (error->message, where)
      || strstr (error->message, c->expect) == NULL)
    g_error ("case %s: got \"%s\", want prefix \"%s\" and \"%s\"", c->name,
             error->message, where, c->expect);
}

/* Limits: each a clear error before memory grows with the file. */
static void
test_limits (void)
{
  g_autoptr (GError) error = NULL;
  /* a line above 1 MiB */
  g_autofree char *q = g_strnfill (1100 * 1024, 'x');
  g_autofree char *line = g_strdup_printf (
      ITEM ("a") "\n{\"id\": \"b\", \"question\": \"%s\"}\n", q);
  g_autofree char *p = write_tmp ("long-line.jsonl", line, -1);
  g_assert_null (testset_load (p, &error));
  g_assert_error (error, TESTSET_ERROR, TESTSET_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, ":2: a line of "));
  g_assert_nonnull (strstr (error->message, "above the limit of 1048576 "
                                            "bytes for a question set"));
  g_clear_error (&error);
  /* more items than a set may hold, refused before any is read */
  GString *many = g_string_new (NULL);
  for (guint i = 0; i < 250002; i++)
    g_string_append (many, "{}\n");
  g_autofree char *mp = write_tmp ("many.jsonl", many->str,
                                   (gssize) many->len);
  g_string_free (many, TRUE);
  g_assert_null (testset_load (mp, &error));
  g_assert_nonnull (strstr (error->message, "250002 records, above the "
                                            "limit of 250000 items"));
  g_clear_error (&error);
  /* a file above 256 MiB (sparse: nothing is written) */
  g_autofree char *bp = write_tmp ("huge.jsonl", "", 0);
  g_assert_cmpint (truncate (bp, (off_t) 300 * 1024 * 1024), ==, 0);
  g_assert_null (testset_load (bp, &error));
  g_assert_nonnull (strstr (error->message, "314572800 bytes, above the "
                                            "limit of 268435456"));
  g_unlink (bp);
}

static void
test_require_reviewed (void)
{
  g_autofree char *p = write_tmp (
      "unrev.jsonl",
      ITEM ("a") "\n{\"id\": \"b\", \"category\": \"x\", \"kind\": \"legal\", "
                 "\"question\": \"Luật nào?\", \"facts\": [], "
                 "\"legal_basis\": [\"x\"], \"valid_as_of\": \"2025-07-01\", "
                 "\"source\": \"s\", \"review\": \"unreviewed\"}\n"
      "{\"id\": \"c\", \"category\": \"x\", \"kind\": \"legal\", "
      "\"question\": \"Nghị định nào?\", \"facts\": [], "
      "\"legal_basis\": [\"x\"], \"valid_as_of\": \"2025-07-01\", "
      "\"source\": \"s\", \"review\": \"unreviewed\"}\n",
      -1);
  g_autoptr (Testset) set = testset_load (p, NULL);
  g_assert_nonnull (set);
  g_autoptr (GError) error = NULL;
  g_assert_false (testset_require_reviewed (set, &error));
  g_assert_error (error, TESTSET_ERROR, TESTSET_ERROR_UNREVIEWED);
  /* every offending item, not only the first */
  g_assert_nonnull (strstr (error->message, ":2: field \"review\": item \"b\""));
  g_assert_nonnull (strstr (error->message, ":3: field \"review\": item \"c\""));
  g_assert_null (strstr (error->message, "item \"a\""));
  g_assert_nonnull (strstr (error->message, "2 of 3 items are not reviewed"));
}

/* An item whose key changed on 1/7/2026: the old law until 30/6, the new
 * from 1/7, one open-ended; both ends are inclusive. */
static void
test_valid_window (void)
{
  g_autofree char *p = write_tmp (
      "window.jsonl",
      "{\"id\": \"old\", \"category\": \"x\", \"kind\": \"legal\", "
      "\"question\": \"Luật An ninh mạng số mấy?\", \"facts\": [], "
      "\"valid_until\": \"2026-06-30\", " PROV "}\n"
      "{\"id\": \"new\", \"category\": \"x\", \"kind\": \"legal\", "
      "\"question\": \"Luật An ninh mạng số mấy?\", \"facts\": [], "
      "\"valid_from\": \"2026-07-01\", " PROV "}\n"
      "{\"id\": \"fee\", \"category\": \"x\", \"kind\": \"legal\", "
      "\"question\": \"Lệ phí hộ chiếu trực tuyến?\", \"facts\": [], "
      "\"valid_from\": \"2024-01-01\", \"valid_until\": \"2025-12-31\", "
      PROV "}\n" ITEM ("always") "\n",
      -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (Testset) set = testset_load (p, &error);
  g_assert_no_error (error);
  const TsItem *old = testset_lookup (set, "old");
  const TsItem *new = testset_lookup (set, "new");
  const TsItem *fee = testset_lookup (set, "fee");
  const TsItem *always = testset_lookup (set, "always");
  g_assert_null (old->valid_from);
  g_assert_cmpstr (old->valid_until, ==, "2026-06-30");
  g_assert_true (testset_item_valid_on (old, "2026-06-30"));
  g_assert_false (testset_item_valid_on (old, "2026-07-01"));
  g_assert_false (testset_item_valid_on (new, "2026-06-30"));
  g_assert_true (testset_item_valid_on (new, "2026-07-01"));
  g_assert_true (testset_item_valid_on (new, "2199-12-31"));
  g_assert_false (testset_item_valid_on (fee, "2023-12-31"));
  g_assert_true (testset_item_valid_on (fee, "2024-01-01"));
  g_assert_true (testset_item_valid_on (fee, "2025-12-31"));
  g_assert_false (testset_item_valid_on (fee, "2026-01-01"));
  g_assert_true (testset_item_valid_on (always, "1900-01-01"));
  g_assert_true (testset_item_valid_on (always, "2026-12-03"));
  g_autofree char *w_old = testset_item_window (old);
  g_autofree char *w_new = testset_item_window (new);
  g_autofree char *w_fee = testset_item_window (fee);
  g_assert_cmpstr (w_old, ==, "..2026-06-30");
  g_assert_cmpstr (w_new, ==, "2026-07-01..");
  g_assert_cmpstr (w_fee, ==, "2024-01-01..2025-12-31");
}

static void
test_date_check (void)
{
  const char *good[] = { "2026-12-03", "2024-02-29", "1900-01-01",
                         "2200-12-31", NULL };
  const char *bad[] = { "2025-02-29", "2026-7-01", "2026-07-1", "26-07-01",
                        "2026/07/01", "2026-07-01 ", "", "2026-00-10",
                        "2201-01-01", "2026-07-010", NULL };
  for (const char **s = good; *s; s++)
    g_assert_true (testset_date_check (*s, "d", NULL));
  for (const char **s = bad; *s; s++) {
    g_autoptr (GError) error = NULL;
    if (testset_date_check (*s, "as_of", &error))
      g_error ("\"%s\" was taken for a date", *s);
    g_assert_error (error, TESTSET_ERROR, TESTSET_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "field \"as_of\""));
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("vb-testset-XXXXXX", NULL);
  g_test_add_func ("/testset/good", test_good_set);
  g_test_add_func ("/testset/conversation", test_conversation_and_variants);
  g_test_add_func ("/testset/categories", test_categories);
  g_test_add_func ("/testset/require-reviewed", test_require_reviewed);
  g_test_add_func ("/testset/valid-window", test_valid_window);
  g_test_add_func ("/testset/date-check", test_date_check);
  g_test_add_func ("/testset/limits", test_limits);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++) {
    g_autofree char *path
        = g_strdup_printf ("/testset/bad/%s", bad_cases[i].name);
    g_test_add_data_func (path, &bad_cases[i], test_bad_input);
  }
  int rc = g_test_run ();
  vbt_rm_rf (tmpdir);
  g_free (tmpdir);
  return rc;
}
