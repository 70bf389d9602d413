/* scoring/judge_memo: a judgement from the memo is the bytes and totals
 * judging gives, for the same key and answer only, from many threads. */
#include "scoring/judge_memo.h"

#include <string.h>

static JudgeKey *
key_from (const char *item_json)
{
  g_autoptr (cJSON) item = cJSON_Parse (item_json);
  g_assert_nonnull (item);
  g_autoptr (GError) error = NULL;
  JudgeKey *k = judge_key_new (cJSON_GetStringValue (cJSON_GetObjectItem (item, "kind")),
                               cJSON_GetObjectItem (item, "facts"),
                               cJSON_GetObjectItem (item, "forbid"),
                               cJSON_GetObjectItem (item, "choices"), &error);
  g_assert_no_error (error);
  return k;
}

static const char *const fee_item =
  "{\"kind\": \"procedure\", \"facts\": [{\"type\": \"money\", \"value\": 15000}]}";
static const char *const time_item =
  "{\"kind\": \"procedure\", \"facts\": [{\"type\": \"duration\", \"value\": 3, "
  "\"unit\": \"working_day\"}]}";

static const char *const answers[] = {
  "Lệ phí đăng ký tạm trú là 15.000 đồng; thời hạn 03 ngày làm việc.",
  "Lệ phí là 20.000 đồng, giải quyết trong 05 ngày làm việc.",
  "Le phi dang ky tam tru la 15.000 dong.",
  "",
};

static void
plain (const JudgeKey *k, const char *a, gsize len, GString *out, JudgeTotals *t)
{
  judge_answer_append_len (k, a, len, out, t);
}

static void
test_same_as_plain (void)
{
  g_autoptr (JudgeKey) fee = key_from (fee_item);
  g_autoptr (JudgeKey) time = key_from (time_item);
  g_autoptr (JudgeMemo) memo = judge_memo_new (1 << 20);
  const JudgeKey *keys[] = {fee, time};
  for (guint round = 0; round < 3; round++)
    for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
      for (guint i = 0; i < G_N_ELEMENTS (answers); i++) {
        g_autoptr (GString) want = g_string_new ("prefix ");
        g_autoptr (GString) got = g_string_new ("prefix ");
        JudgeTotals tw, tg;
        /* a copy: the memo must compare bytes, not addresses */
        g_autofree char *copy = g_strdup (answers[i]);
        plain (keys[k], answers[i], strlen (answers[i]), want, &tw);
        judge_memo_append (memo, keys[k], round ? copy : answers[i],
                           strlen (answers[i]), got, &tg);
        g_assert_cmpstr (got->str, ==, want->str);
        g_assert_true (memcmp (&tw, &tg, sizeof tw) == 0);
      }
  guint64 made, reused;
  judge_memo_counts (memo, &made, &reused);
  g_assert_cmpuint (made, ==, 8);     /* two keys × four answers */
  g_assert_cmpuint (reused, ==, 16);  /* the two later rounds */
}

/* Same bytes under another key, or a prefix of the bytes, are other
 * judgements. */
static void
test_key_and_length_count (void)
{
  g_autoptr (JudgeKey) fee = key_from (fee_item);
  g_autoptr (JudgeKey) time = key_from (time_item);
  g_autoptr (JudgeMemo) memo = judge_memo_new (1 << 20);
  const char *a = answers[1];
  g_autoptr (GString) x = g_string_new (NULL);
  g_autoptr (GString) y = g_string_new (NULL);
  g_autoptr (GString) z = g_string_new (NULL);
  JudgeTotals t;
  judge_memo_append (memo, fee, a, strlen (a), x, &t);
  g_assert_false (t.correct);
  judge_memo_append (memo, time, a, strlen (a), y, &t);
  g_assert_cmpstr (x->str, !=, y->str);
  gsize cut = strstr (a, ",") - a; /* "Lệ phí là 20.000 đồng" */
  judge_memo_append (memo, time, a, cut, z, &t);
  g_assert_cmpstr (y->str, !=, z->str);
  guint64 made, reused;
  judge_memo_counts (memo, &made, &reused);
  g_assert_cmpuint (made, ==, 3);
  g_assert_cmpuint (reused, ==, 0);
}

/* A full memo judges on, right, without remembering. */
static void
test_full_memo_still_judges (void)
{
  g_autoptr (JudgeKey) fee = key_from (fee_item);
  g_autoptr (JudgeMemo) memo = judge_memo_new (16);
  for (guint round = 0; round < 2; round++) {
    g_autoptr (GString) want = g_string_new (NULL);
    g_autoptr (GString) got = g_string_new (NULL);
    JudgeTotals t;
    plain (fee, answers[0], strlen (answers[0]), want, &t);
    judge_memo_append (memo, fee, answers[0], strlen (answers[0]), got, &t);
    g_assert_cmpstr (got->str, ==, want->str);
    g_assert_true (t.correct);
  }
  guint64 made, reused;
  judge_memo_counts (memo, &made, &reused);
  g_assert_cmpuint (made, ==, 2);
  g_assert_cmpuint (reused, ==, 0);
}

typedef struct {
  JudgeMemo *memo;
  const JudgeKey *key;
  const char *want; /* the plain judgement of answers[0] */
} Shared;

static gpointer
hammer (gpointer data)
{
  Shared *s = data;
  for (guint i = 0; i < 200; i++) {
    g_autoptr (GString) got = g_string_new (NULL);
    JudgeTotals t;
    judge_memo_append (s->memo, s->key, answers[i % 2], strlen (answers[i % 2]),
                       got, &t);
    if (i % 2 == 0)
      g_assert_cmpstr (got->str, ==, s->want);
  }
  return NULL;
}

static void
test_threads (void)
{
  g_autoptr (JudgeKey) fee = key_from (fee_item);
  g_autoptr (JudgeMemo) memo = judge_memo_new (1 << 20);
  g_autoptr (GString) want = g_string_new (NULL);
  JudgeTotals t;
  plain (fee, answers[0], strlen (answers[0]), want, &t);
  Shared s = {memo, fee, want->str};
  GThread *th[4];
  for (guint i = 0; i < G_N_ELEMENTS (th); i++)
    th[i] = g_thread_new ("memo", hammer, &s);
  for (guint i = 0; i < G_N_ELEMENTS (th); i++)
    g_thread_join (th[i]);
  guint64 made, reused;
  judge_memo_counts (memo, &made, &reused);
  g_assert_cmpuint (made + reused, ==, 800);
  g_assert_cmpuint (made, <=, 8); /* a race may judge one twice, no more */
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/judge_memo/same_as_plain", test_same_as_plain);
  g_test_add_func ("/judge_memo/key_and_length", test_key_and_length_count);
  g_test_add_func ("/judge_memo/full", test_full_memo_still_judges);
  g_test_add_func ("/judge_memo/threads", test_threads);
  return g_test_run ();
}
