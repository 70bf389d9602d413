/* Golden judgements from tests/golden/judge.jsonl (format: scoring/README.md
 * "Golden tests"), one GTest case per line, and a seeded property test:
 * every integer in a large sample, read aloud in Vietnamese by a rule set
 * written here independently of scoring/numbers.c, parses back to itself. */
#include "scoring/judge.h"
#include "scoring/numbers.h"
#include "util/jsonl.h"

#include <math.h>
#include <string.h>

#define GOLDEN "tests/golden/judge.jsonl"

typedef struct {
  JudgeTopics *topics; /* from "topics" lines */
  GHashTable *keys;  /* name → JudgeKey* */
  GPtrArray *cases;  /* cJSON* case lines */
} Golden;

static Golden golden;

static gboolean
load_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  if (cJSON_GetObjectItem (obj, "case") != NULL) {
    cJSON *copy = cJSON_Duplicate (obj, TRUE);
    cJSON_AddNumberToObject (copy, "line", line);
    g_ptr_array_add (golden.cases, copy);
    return TRUE;
  }
  const cJSON *topics = cJSON_GetObjectItem (obj, "topics");
  if (topics != NULL)
    return judge_topics_read (golden.topics, topics, error);
  const cJSON *name = cJSON_GetObjectItem (obj, "key");
  if (cJSON_IsString (name)
      && g_hash_table_contains (golden.keys, name->valuestring)) {
    /* a second definition would silently judge the first one's cases */
    g_set_error (error, JUDGE_ERROR, JUDGE_ERROR_FIELD,
                 "key \"%s\" is defined twice", name->valuestring);
    return FALSE;
  }
  if (cJSON_IsString (name)) {
    const cJSON *item = cJSON_GetObjectItem (obj, "item");
    JudgeKey *k = judge_key_new (
        cJSON_GetStringValue (cJSON_GetObjectItem (item, "kind")),
        cJSON_GetObjectItem (item, "facts"),
        cJSON_GetObjectItem (item, "forbid"),
        cJSON_GetObjectItem (item, "choices"), error);
    if (k == NULL)
      return FALSE;
    const char *topic = cJSON_GetStringValue (cJSON_GetObjectItem (item,
                                                                   "topic"));
    if (topic != NULL && !judge_key_set_topic (k, golden.topics, topic, error))
      return FALSE;
    judge_key_set_question (k, cJSON_GetStringValue (
                                   cJSON_GetObjectItem (item, "question")));
    judge_key_set_as_of (k, cJSON_GetStringValue (
                                cJSON_GetObjectItem (item, "valid_as_of")));
    g_hash_table_insert (golden.keys, g_strdup (name->valuestring), k);
  }
  return TRUE;
}

static double
num (const cJSON *obj, const char *field)
{
  return cJSON_GetNumberValue (cJSON_GetObjectItem (obj, field));
}

/* The scorer writes judgements without a tree (judge_answer_append): the
 * line must be what cJSON prints for the judgement, and the totals its
 * leading members. */
static void
check_written (const JudgeKey *key, const char *answer, const cJSON *j)
{
  g_autoptr (GString) line = g_string_new ("[");
  JudgeTotals t;
  judge_answer_append (key, answer, line, &t);
  g_string_append_c (line, ']');
  g_autoptr (cJSON) wrapped = cJSON_CreateArray ();
  cJSON_AddItemReferenceToArray (wrapped, (cJSON *) j);
  g_autofree char *printed = cJSON_PrintUnformatted (wrapped);
  g_assert_cmpstr (line->str, ==, printed);
  g_assert_cmpfloat (t.score, ==, num (j, "score"));
  g_assert_cmpfloat (t.lenient_score, ==, num (j, "lenient_score"));
  g_assert_cmpint (t.correct, ==, cJSON_IsTrue (cJSON_GetObjectItem (j,
                                                              "correct")));
  g_assert_cmpint (t.contradictions, ==, (int) num (j, "contradictions"));
}

static void
check_case (gconstpointer data)
{
  const cJSON *c = data;
  const char *name = cJSON_GetStringValue (cJSON_GetObjectItem (c, "case"));
  const char *keyname = cJSON_GetStringValue (cJSON_GetObjectItem (c, "key"));
  const JudgeKey *key = g_hash_table_lookup (golden.keys, keyname);
  if (key == NULL)
    g_error ("line %g: unknown key \"%s\"", num (c, "line"), keyname);
  const char *answer = cJSON_GetStringValue (cJSON_GetObjectItem (c,
                                                                  "answer"));
  g_autoptr (cJSON) j = judge_answer (key, answer);
  if (g_test_verbose ()) {
    g_autofree char *got = cJSON_PrintUnformatted (j);
    g_test_message ("line %g (%s): %s", num (c, "line"), name, got);
  }
  const cJSON *facts = cJSON_GetObjectItem (j, "facts");
  const cJSON *want = cJSON_GetObjectItem (c, "facts");
  g_assert_cmpint (cJSON_GetArraySize (facts), ==, cJSON_GetArraySize (want));
  for (int i = 0; i < MIN (cJSON_GetArraySize (want),
                           cJSON_GetArraySize (facts)); i++)
    g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (
                         cJSON_GetArrayItem (facts, i), "status")),
                     ==, cJSON_GetArrayItem (want, i)->valuestring);
  g_assert_cmpint (cJSON_IsTrue (cJSON_GetObjectItem (j, "correct")), ==,
                   cJSON_IsTrue (cJSON_GetObjectItem (c, "correct")));
  g_assert_cmpint ((int) num (j, "contradictions"), ==,
                   (int) num (c, "contradictions"));
  /* "rules": the rule each fact's explanation gives, where it matters */
  const cJSON *rules = cJSON_GetObjectItem (c, "rules");
  for (int i = 0; i < cJSON_GetArraySize (rules); i++)
    g_assert_cmpstr (cJSON_GetStringValue (cJSON_GetObjectItem (
                         cJSON_GetArrayItem (facts, i), "rule")),
                     ==, cJSON_GetArrayItem (rules, i)->valuestring);
  if (cJSON_GetObjectItem (c, "score"))
    g_assert_cmpfloat_with_epsilon (num (j, "score"), num (c, "score"), 1e-4);
  if (cJSON_GetObjectItem (c, "lenient_score"))
    g_assert_cmpfloat_with_epsilon (num (j, "lenient_score"),
                                    num (c, "lenient_score"), 1e-4);
  if (cJSON_GetObjectItem (c, "off_topic"))
    g_assert_cmpint (cJSON_IsObject (cJSON_GetObjectItem (j, "off_topic")), ==,
                     cJSON_IsTrue (cJSON_GetObjectItem (c, "off_topic")));
  if (cJSON_GetObjectItem (c, "forbid"))
    g_assert_cmpint (cJSON_GetArraySize (cJSON_GetObjectItem (j, "forbid")),
                     ==, (int) num (c, "forbid"));
  check_written (key, answer, j);
}

/* ---- an independent reading of numbers ---------------------------------- */

static const char *const digit[] = {"không", "một", "hai", "ba", "bốn",
                                    "năm", "sáu", "bảy", "tám", "chín"};

static const char *
pick (GRand *r, const char *a, const char *b)
{
  return g_rand_boolean (r) ? a : b;
}

/* Units after a tens word: mốt, tư, lăm and their plain alternatives. */
static const char *
units_word (GRand *r, guint tens, guint u)
{
  if (tens >= 2 && u == 1)
    return pick (r, "mốt", "một");
  if (tens >= 2 && u == 4)
    return pick (r, "tư", "bốn");
  if (tens >= 1 && u == 5)
    return tens == 1 ? "lăm" : pick (r, "lăm", "nhăm");
  return digit[u];
}

/* One group of three digits; inner groups say their zero hundreds. */
static void
read_group (GString *s, GRand *r, guint n, gboolean inner)
{
  guint h = n / 100, t = n / 10 % 10, u = n % 10;
  gboolean hundreds = inner || h > 0;
  if (hundreds)
    g_string_append_printf (s, "%s trăm ", digit[h]);
  if (t == 0 && u != 0) {
    if (hundreds)
      g_string_append_printf (s, "%s ", pick (r, "linh", "lẻ"));
    g_string_append_printf (s, "%s ", hundreds && u == 4
                                          ? pick (r, "tư", "bốn")
                                          : digit[u]);
  } else if (t != 0) {
    if (t == 1)
      g_string_append (s, "mười ");
    else
      g_string_append_printf (s, "%s mươi ", digit[t]);
    if (u != 0)
      g_string_append_printf (s, "%s ", units_word (r, t, u));
  }
}

static char *
read_number (GRand *r, guint64 n)
{
  if (n == 0)
    return g_strdup ("không");
  static const guint64 scales[] = {G_GUINT64_CONSTANT (1000000000), 1000000,
                                   1000, 1};
  GString *s = g_string_new (NULL);
  gboolean first = TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (scales); i++) {
    guint g = (guint) (n / scales[i] % 1000);
    if (g == 0)
      continue;
    read_group (s, r, g, !first);
    if (scales[i] == 1000)
      g_string_append_printf (s, "%s ", pick (r, "nghìn", "ngàn"));
    else if (scales[i] == 1000000)
      g_string_append (s, "triệu ");
    else if (scales[i] > 1000000)
      g_string_append_printf (s, "%s ", pick (r, "tỷ", "tỉ"));
    first = FALSE;
  }
  return g_strstrip (g_string_free (s, FALSE));
}

static guint64
sample (GRand *r)
{
  /* log-uniform magnitude so small and large numbers are both common */
  int digits = g_rand_int_range (r, 1, 13);
  guint64 hi = 1;
  for (int i = 0; i < digits; i++)
    hi *= 10;
  return (guint64) (g_rand_double (r) * (double) hi) % hi;
}

static void
test_property_words (void)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (20251122);
  for (int i = 0; i < 20000; i++) {
    guint64 n = sample (r);
    g_autofree char *words = read_number (r, n);
    double got = -1;
    if (!numbers_parse (words, &got) || got != (double) n)
      g_error ("%" G_GUINT64_FORMAT " read as \"%s\" parsed as %.0f", n,
               words, got);
  }
}

static void
test_property_digits (void)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (7);
  for (int i = 0; i < 20000; i++) {
    guint64 n = sample (r);
    g_autofree char *plain = g_strdup_printf ("%" G_GUINT64_FORMAT, n);
    GString *dotted = g_string_new (NULL);
    gsize len = strlen (plain);
    char sep = g_rand_boolean (r) ? '.' : ',';
    for (gsize k = 0; k < len; k++) {
      if (k > 0 && (len - k) % 3 == 0)
        g_string_append_c (dotted, sep);
      g_string_append_c (dotted, plain[k]);
    }
    g_string_append (dotted, pick (r, " đồng", "đ"));
    g_autofree char *text = g_string_free (dotted, FALSE);
    double got = -1;
    if (!numbers_parse (text, &got) || got != (double) n)
      g_error ("\"%s\" parsed as %.0f", text, got);
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions (); /* report every failing case */
  golden.topics = judge_topics_new ();
  golden.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) judge_key_free);
  golden.cases = g_ptr_array_new_with_free_func ((GDestroyNotify) cJSON_Delete);
  g_autoptr (GError) error = NULL;
  if (!jsonl_read_file (GOLDEN, load_line, NULL, NULL, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < golden.cases->len; i++) {
    g_autofree char *path = g_strdup_printf ("/golden/%03u", i + 1);
    g_test_add_data_func (path, golden.cases->pdata[i], check_case);
  }
  g_test_add_func ("/golden/property/number-words", test_property_words);
  g_test_add_func ("/golden/property/digits", test_property_digits);
  int rc = g_test_run ();
  g_ptr_array_unref (golden.cases);
  g_hash_table_unref (golden.keys);
  judge_topics_unref (golden.topics);
  return rc;
}
