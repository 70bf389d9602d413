/* The judge (scoring/judge.c): bytes 0–1 pick an answer key — the golden
 * keys of tests/golden/judge.jsonl, then every turn of the practice sets —
 * and the rest is the answer (valid UTF-8, as every answer the scorer sees
 * is; NULs allowed). Both output paths must agree: the line
 * judge_answer_append_len writes is what cJSON prints of judge_answer's
 * tree, its totals are the tree's leading members, and an answer with a
 * NUL is judged as the same answer with a space there. */
#include "fuzz.h"

#include "scoring/judge.h"
#include "testsets/testset.h"
#include "util/jsonl.h"

static GPtrArray *keys;      /* const JudgeKey*, borrowed from below */
static GPtrArray *owned;     /* JudgeKey* of the golden file */
static GPtrArray *sets;      /* Testset* */
static JudgeTopics *topics;  /* the golden file's */

static gboolean
golden_line (cJSON *obj, guint line, gpointer user, GError **error)
{
  const cJSON *t = cJSON_GetObjectItem (obj, "topics");
  if (t != NULL)
    return judge_topics_read (topics, t, error);
  const cJSON *name = cJSON_GetObjectItem (obj, "key");
  const cJSON *item = cJSON_GetObjectItem (obj, "item");
  if (!cJSON_IsString (name) || item == NULL
      || cJSON_GetObjectItem (obj, "case") != NULL)
    return TRUE;
  JudgeKey *k = judge_key_new (
      cJSON_GetStringValue (cJSON_GetObjectItem (item, "kind")),
      cJSON_GetObjectItem (item, "facts"), cJSON_GetObjectItem (item, "forbid"),
      cJSON_GetObjectItem (item, "choices"), error);
  if (k == NULL)
    return FALSE;
  const char *topic
      = cJSON_GetStringValue (cJSON_GetObjectItem (item, "topic"));
  if (topic != NULL && !judge_key_set_topic (k, topics, topic, error)) {
    judge_key_free (k);
    return FALSE;
  }
  judge_key_set_question (
      k, cJSON_GetStringValue (cJSON_GetObjectItem (item, "question")));
  g_ptr_array_add (owned, k);
  g_ptr_array_add (keys, k);
  return TRUE;
}

static void
die (const char *what, GError *error)
{
  fprintf (stderr, "fuzz-judge: %s: %s (run from the repository, or set "
                   "VABENCH_ROOT)\n", what, error->message);
  abort ();
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  keys = g_ptr_array_new ();
  owned = g_ptr_array_new_with_free_func ((GDestroyNotify) judge_key_free);
  sets = g_ptr_array_new_with_free_func ((GDestroyNotify) testset_free);
  topics = judge_topics_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *golden = fuzz_repo_file ("tests/golden/judge.jsonl");
  if (!jsonl_read_file (golden, golden_line, NULL, NULL, &error))
    die (golden, error);
  static const char *const files[] = { "testsets/practice/practice.jsonl",
                                       "testsets/practice/ict.jsonl" };
  for (gsize f = 0; f < G_N_ELEMENTS (files); f++) {
    g_autofree char *path = fuzz_repo_file (files[f]);
    Testset *set = testset_load (path, &error);
    if (set == NULL)
      die (path, error);
    g_ptr_array_add (sets, set);
    for (guint i = 0; i < set->items->len; i++) {
      const TsItem *it = g_ptr_array_index (set->items, i);
      for (guint t = 0; t < it->turns->len; t++)
        g_ptr_array_add (keys,
                         ((TsTurn *) g_ptr_array_index (it->turns, t))->key);
    }
  }
  return 0;
}

static double
num (const cJSON *j, const char *name)
{
  const cJSON *v = cJSON_GetObjectItemCaseSensitive (j, name);
  FUZZ_CHECK (cJSON_IsNumber (v), "member %s is not a number", name);
  return v->valuedouble;
}

static gboolean
flag (const cJSON *j, const char *name)
{
  const cJSON *v = cJSON_GetObjectItemCaseSensitive (j, name);
  return cJSON_IsTrue (v);
}

static gboolean
same_totals (const JudgeTotals *a, const JudgeTotals *b)
{
  return a->score == b->score && a->lenient_score == b->lenient_score
         && a->correct == b->correct && a->contradictions == b->contradictions
         && a->off_topic == b->off_topic && a->unaccented == b->unaccented;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 2)
    return 0;
  const JudgeKey *key
      = g_ptr_array_index (keys, ((guint) data[0] << 8 | data[1]) % keys->len);
  const char *answer = (const char *) data + 2;
  size_t len = size - 2;
  gboolean has_nul = FALSE;
  for (const char *s = answer; s < answer + len;) {
    const char *nul = memchr (s, '\0', (size_t) (answer + len - s));
    const char *end = nul ? nul : answer + len;
    if (!g_utf8_validate_len (s, (gsize) (end - s), NULL))
      return 0;
    has_nul |= nul != NULL;
    s = end + 1;
  }

  g_autoptr (GString) line = g_string_new (NULL);
  JudgeTotals totals;
  judge_answer_append_len (key, answer, len, line, &totals);
  g_autoptr (cJSON) tree = cJSON_ParseWithLength (line->str, line->len);
  FUZZ_CHECK (tree != NULL, "the judgement is not JSON: %s", line->str);
  g_autofree char *printed = cJSON_PrintUnformatted (tree);
  FUZZ_CHECK (strcmp (printed, line->str) == 0,
              "written\n%s\nbut cJSON prints\n%s", line->str, printed);
  FUZZ_CHECK (totals.score == num (tree, "score")
                  && totals.lenient_score == num (tree, "lenient_score")
                  && totals.correct == flag (tree, "correct")
                  && totals.contradictions
                         == (int) num (tree, "contradictions"),
              "totals differ from the line %s", line->str);
  FUZZ_CHECK (totals.score >= 0 && totals.score <= 1
                  && totals.lenient_score >= 0 && totals.lenient_score <= 1,
              "score out of [0, 1]");

  g_autofree char *text = g_strndup (answer, len); /* cut at a NUL */
  if (!has_nul) {
    g_autoptr (cJSON) j = judge_answer (key, text);
    g_autofree char *jp = cJSON_PrintUnformatted (j);
    FUZZ_CHECK (strcmp (jp, line->str) == 0,
                "judge_answer prints\n%s\nthe writer wrote\n%s", jp,
                line->str);
    return 0;
  }
  g_autofree char *spaced = g_memdup2 (answer, len);
  for (size_t i = 0; i < len; i++)
    if (spaced[i] == '\0')
      spaced[i] = ' ';
  g_autoptr (GString) line2 = g_string_new (NULL);
  JudgeTotals t2;
  judge_answer_append_len (key, spaced, len, line2, &t2);
  FUZZ_CHECK (same_totals (&totals, &t2),
              "a NUL is not judged as a space: %s\nvs\n%s", line->str,
              line2->str);
  return 0;
}
