/* The run directory's records (rundir/): every writer's output reads back
 * as what was written, readers refuse what is not a record and never cast
 * a number silently, the name tables round-trip, and files are replaced
 * whole.
 *
 * Past 800 lines on purpose: it is the one test program of rundir/, one
 * case per record type and per way its reader must refuse, all on the same
 * temporary run directory and the same write-then-read helpers. */
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rundir/attempt.h"
#include "rundir/failure.h"
#include "rundir/item_kind.h"
#include "rundir/results.h"
#include "rundir/run_manifest.h"
#include "rundir/rundir.h"
#include "rundir/rundir_lock.h"
#include "rundir/score_record.h"
#include "tests/vb-test.h"
#include "util/atomic_file.h"

static char *tmpdir;

static void
test_names (void)
{
  const RundirFile files[] = { RUNDIR_MANIFEST, RUNDIR_LOG, RUNDIR_LOG_HEAD,
                               RUNDIR_SCORES, RUNDIR_RESULTS, RUNDIR_LOAD,
                               RUNDIR_LOCK };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < G_N_ELEMENTS (files); i++) {
    const char *name = rundir_file_name (files[i]);
    g_assert_nonnull (name);
    g_assert_false (g_hash_table_contains (seen, name));
    g_hash_table_add (seen, (gpointer) name);
    g_autofree char *path = rundir_path ("runs/demo", files[i]);
    g_autofree char *want = g_build_filename ("runs/demo", name, NULL);
    g_assert_cmpstr (path, ==, want);
  }
  g_autofree char *step = rundir_load_step ("runs/tải", 64);
  g_autofree char *want = g_build_filename ("runs/tải", "load", "step-64",
                                            NULL);
  g_assert_cmpstr (step, ==, want);
}

static void
test_failure_names (void)
{
  for (guint c = 1; c < FAILURE_N; c++) {
    FailureClass back;
    g_assert_true (failure_parse (failure_name (c), &back));
    g_assert_cmpint (back, ==, c);
  }
  FailureClass c = FAILURE_DNS;
  g_assert_true (failure_parse (NULL, &c));
  g_assert_cmpint (c, ==, FAILURE_NONE);
  g_assert_null (failure_name (FAILURE_NONE));
  g_assert_false (failure_parse ("http_5XX", &c));
  g_assert_false (failure_parse ("", &c));
  g_assert_cmpstr (failure_name (FAILURE_HTTP_429), ==, "http_429");
  g_assert_cmpstr (failure_name (FAILURE_NOT_FIRED), ==, "not_fired");
  /* every class the transfer names (harness/transfer.c, the adapters) */
  g_assert_true (failure_parse ("headers_too_large", &c));
  g_assert_cmpint (c, ==, FAILURE_HEADERS_TOO_LARGE);
}

static void
test_item_kinds (void)
{
  g_autofree char *list = item_kind_list ();
  for (guint k = 1; k < ITEM_KIND_N; k++) {
    ItemKind back;
    g_assert_true (item_kind_parse (item_kind_name (k), &back));
    g_assert_cmpint (back, ==, k);
    g_assert_nonnull (strstr (list, item_kind_name (k)));
  }
  ItemKind k;
  g_assert_false (item_kind_parse ("thu-tuc", &k));
  g_assert_false (item_kind_parse (NULL, &k));
  g_assert_cmpint (k, ==, ITEM_KIND_NONE);
  g_assert_cmpstr (list, ==, "procedure, legal, multiple_choice, "
                             "unanswerable, conversation");
}

/* Writes a, closes the object as the run log would, reads it back. */
static const JsonlValue *
attempt_line (JsonlFlat *flat, const LogAttempt *a, GString *line)
{
  g_string_truncate (line, 0);
  attempt_write (line, a);
  g_string_append (line, ",\"seq\":7,\"prev\":\"00\"}");
  const JsonlValue *v = jsonl_flat_line (flat, line->str, line->len);
  g_assert_nonnull (v);
  return v;
}

static void
test_attempt_round_trip (void)
{
  guint n;
  const char *const *fields = attempt_fields (&n);
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (fields, n);
  g_autoptr (GString) line = g_string_new (NULL);
  LogAttempt a = {
    .submission = "ha-noi", .testset = "practice", .item = "cutru-002",
    .variant = "hand:telex#0", .variant_kind = "telex", .seed = 918273,
    .turn = 2, .attempt = 3, .final = TRUE, .session = "s-1",
    .sent = "Đăng ký tạm trú \"ở đâu\"?\n\ttab",
    .answer = "Lệ phí 15.000 đồng — \\ nộp tại Công an cấp xã.",
    .http_status = 503, .error_class = FAILURE_HTTP_5XX,
    .error = "HTTP 503", .t_dns_us = 12, .t_connect_us = 85,
    .t_tls_us = 0, .t_first_byte_us = 15123, .t_total_us = 15201,
    .t_first_token_us = 900, .t_queue_us = 0, .t_server_us = 14000,
    .redirected_to = "https://dvc.example.vn/chat",
    .started_at = "2026-01-01T00:00:00Z",
  };
  LogAttempt b;
  g_assert_true (attempt_decode (attempt_line (flat, &a, line), &b));
  g_assert_cmpstr (b.submission, ==, a.submission);
  g_assert_cmpstr (b.testset, ==, a.testset);
  g_assert_cmpstr (b.item, ==, a.item);
  g_assert_cmpstr (b.variant, ==, a.variant);
  g_assert_cmpstr (b.variant_kind, ==, a.variant_kind);
  g_assert_cmpuint (b.seed, ==, a.seed);
  g_assert_cmpuint (b.turn, ==, 2);
  g_assert_cmpuint (b.attempt, ==, 3);
  g_assert_true (b.final);
  g_assert_cmpstr (b.session, ==, a.session);
  g_assert_cmpstr (b.sent, ==, a.sent);
  g_assert_cmpstr (b.answer, ==, a.answer);
  g_assert_cmpint (b.http_status, ==, 503);
  g_assert_cmpint (b.error_class, ==, FAILURE_HTTP_5XX);
  g_assert_cmpstr (b.error, ==, a.error);
  g_assert_cmpint (b.t_dns_us, ==, 12);
  g_assert_cmpint (b.t_connect_us, ==, 85);
  g_assert_cmpint (b.t_first_byte_us, ==, 15123);
  g_assert_cmpint (b.t_total_us, ==, 15201);
  g_assert_cmpint (b.t_first_token_us, ==, 900);
  g_assert_cmpint (b.t_queue_us, ==, 0);
  g_assert_cmpint (b.t_server_us, ==, 14000);
  g_assert_cmpstr (b.redirected_to, ==, a.redirected_to);
  g_assert_cmpstr (b.started_at, ==, a.started_at);
  g_assert_cmpuint (b.seq, ==, 7);

  /* A success: optional members absent, no error written. */
  a.error_class = FAILURE_NONE;
  a.error = "ignored";
  a.final = FALSE;
  a.t_first_token_us = a.t_queue_us = a.t_server_us = -1;
  a.redirected_to = NULL;
  a.answer = NULL;
  g_assert_true (attempt_decode (attempt_line (flat, &a, line), &b));
  g_assert_null (strstr (line->str, "t_queue_us"));
  g_assert_null (strstr (line->str, "redirected_to"));
  g_assert_nonnull (strstr (line->str, "\"error\":null"));
  g_assert_nonnull (strstr (line->str, "\"answer\":null"));
  g_assert_cmpint (b.error_class, ==, FAILURE_NONE);
  g_assert_null (b.error);
  g_assert_null (b.answer);
  g_assert_false (b.final);
  g_assert_cmpint (b.t_first_token_us, ==, -1);
  g_assert_cmpint (b.t_queue_us, ==, -1);
  g_assert_cmpint (b.t_server_us, ==, -1);
}

/* An answer is bytes with a length: a NUL inside is written \u0000 and
 * comes back inside the text, with the text after it. */
static void
test_attempt_nul_answer (void)
{
  guint n;
  const char *const *fields = attempt_fields (&n);
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (fields, n);
  g_autoptr (GString) line = g_string_new (NULL);
  static const char answer[] = "Lệ phí 15.000 đồng\0 hoặc 150.000 đồng";
  LogAttempt a = {
    .submission = "ha-noi", .testset = "practice", .item = "cutru-002",
    .variant = "clean", .final = TRUE, .answer = answer,
    .answer_len = sizeof answer - 1, .t_first_token_us = -1,
    .t_queue_us = -1, .t_server_us = -1,
  };
  LogAttempt b;
  g_assert_true (attempt_decode (attempt_line (flat, &a, line), &b));
  g_assert_nonnull (strstr (line->str, "đồng\\u0000 hoặc"));
  g_assert_cmpuint (b.answer_len, ==, sizeof answer - 1);
  g_assert_cmpmem (b.answer, b.answer_len, answer, sizeof answer - 1);
  g_assert_cmpint (b.answer[b.answer_len], ==, '\0');
  g_assert_false (b.streamed);

  /* answer_len 0: the text up to its end, as before lengths */
  a.answer = "Công an cấp xã";
  a.answer_len = 0;
  g_assert_true (attempt_decode (attempt_line (flat, &a, line), &b));
  g_assert_cmpstr (b.answer, ==, "Công an cấp xã");
  g_assert_cmpuint (b.answer_len, ==, strlen ("Công an cấp xã"));
}

/* A stream that never sent text has a null first token, not none: absent
 * reads as "not streamed", 0 as an instant token. */
static void
test_attempt_first_token (void)
{
  guint n;
  const char *const *fields = attempt_fields (&n);
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (fields, n);
  g_autoptr (GString) line = g_string_new (NULL);
  LogAttempt a = {
    .submission = "ha-noi", .testset = "practice", .item = "cutru-002",
    .variant = "clean", .final = TRUE, .error_class = FAILURE_EMPTY_ANSWER,
    .t_first_token_us = -1, .streamed = TRUE, .t_queue_us = -1,
    .t_server_us = -1,
  };
  LogAttempt b;
  g_assert_true (attempt_decode (attempt_line (flat, &a, line), &b));
  g_assert_nonnull (strstr (line->str, "\"t_first_token_us\":null"));
  g_assert_true (b.streamed);
  g_assert_cmpint (b.t_first_token_us, ==, -1);

  a.t_first_token_us = 4200;
  g_assert_true (attempt_decode (attempt_line (flat, &a, line), &b));
  g_assert_true (b.streamed);
  g_assert_cmpint (b.t_first_token_us, ==, 4200);

  a.streamed = FALSE;
  a.t_first_token_us = -1;
  g_assert_true (attempt_decode (attempt_line (flat, &a, line), &b));
  g_assert_null (strstr (line->str, "t_first_token_us"));
  g_assert_false (b.streamed);
}

/* Numbers that are not integers in range are never cast, and never read
 * as absent either: an attempt holding one is refused (ATTEMPT_BAD, the
 * member named); a line without the four ids is no attempt. */
static void
test_attempt_numbers (void)
{
  guint n;
  const char *const *fields = attempt_fields (&n);
  g_autoptr (JsonlFlat) flat = jsonl_flat_new (fields, n);
#define IDS "{\"submission\":\"a\",\"testset\":\"s\",\"item\":\"i\"," \
            "\"variant\":\"clean\""
  static const struct {
    const char *line, *bad;
  } bad[] = {
    { IDS ",\"turn\":1e20}", "turn" },
    { IDS ",\"turn\":-1}", "turn" },
    { IDS ",\"turn\":0.5}", "turn" },
    { IDS ",\"turn\":\"0\"}", "turn" },
    { IDS "}", "turn" },
    { IDS ",\"turn\":0,\"t_total_us\":1.5}", "t_total_us" },
    { IDS ",\"turn\":0,\"t_queue_us\":1e300}", "t_queue_us" },
    { IDS ",\"turn\":0,\"seed\":-3}", "seed" },
    { IDS ",\"turn\":0,\"attempt\":4294967296}", "attempt" },
    { IDS ",\"turn\":0,\"http_status\":1000}", "http_status" },
    { IDS ",\"turn\":0,\"t_dns_us\":-5}", "t_dns_us" },
    { IDS ",\"turn\":0,\"final\":1}", "final" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++) {
    const JsonlValue *v = jsonl_flat_line (flat, bad[i].line,
                                           strlen (bad[i].line));
    g_assert_nonnull (v);
    LogAttempt a;
    const char *field = NULL;
    if (attempt_read (v, &a, &field) != ATTEMPT_BAD)
      g_error ("not refused: %s", bad[i].line);
    g_assert_cmpstr (field, ==, bad[i].bad);
    g_assert_false (attempt_decode (v, &a));
  }
  static const char *const not_attempts[] = {
    "{\"submission\":\"a\",\"testset\":\"s\",\"item\":7,"
    "\"variant\":\"clean\",\"turn\":0}",
    "{\"submission\":\"a\",\"testset\":\"s\",\"variant\":\"clean\","
    "\"turn\":0}",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (not_attempts); i++) {
    const JsonlValue *v = jsonl_flat_line (flat, not_attempts[i],
                                           strlen (not_attempts[i]));
    LogAttempt a;
    g_assert_cmpint (attempt_read (v, &a, NULL), ==, ATTEMPT_NONE);
  }
  const char *odd = IDS ",\"turn\":4294967295,\"t_first_token_us\":null,"
                    "\"error_class\":\"gremlins\",\"final\":false,\"seq\":4}";
#undef IDS
  LogAttempt a;
  g_assert_cmpint (attempt_read (jsonl_flat_line (flat, odd, strlen (odd)),
                                 &a, NULL), ==, ATTEMPT_OK);
  g_assert_cmpuint (a.turn, ==, G_MAXUINT);
  g_assert_cmpint (a.t_total_us, ==, 0);      /* absent */
  g_assert_cmpint (a.t_queue_us, ==, -1);     /* absent */
  g_assert_cmpint (a.t_first_token_us, ==, -1);
  g_assert_true (a.streamed);
  g_assert_cmpint (a.error_class, ==, FAILURE_OTHER); /* a later class */
  g_assert_false (a.final);
  g_assert_cmpuint (a.seq, ==, 4);
}

static ScoreRecord
sample_score (ScoreTurn turns[2], const double lat[1])
{
  turns[0] = (ScoreTurn) { .turn = 0, .question = "Lệ phí \"tạm trú\"?",
                           .answer = "15.000 đồng",
                           .judgement = "{\"score\":1,\"correct\":true}" };
  turns[1] = (ScoreTurn) { .turn = 1, .question = "Bao lâu?",
                           .answer = NULL,
                           .error_class = FAILURE_TIMEOUT,
                           .judgement = "{\"score\":0,\"facts\":[]}" };
  for (guint i = 0; i < 2; i++)
    turns[i].judgement_len = strlen (turns[i].judgement);
  return (ScoreRecord) {
    .submission = "ha-noi", .testset = "practice", .item = "cutru-002",
    .category = "cu-tru", .kind = ITEM_KIND_CONVERSATION, .hidden = TRUE,
    .variant = "telex#1", .variant_kind = "telex", .score = 0.5,
    .lenient_score = 0.75, .correct = FALSE, .contradictions = 2,
    .error_class = FAILURE_TIMEOUT, .requests = 4, .failed_requests = 3,
    .latency_us = lat, .n_latency = 1, .turns = turns, .n_turns = 2,
  };
}

static void
test_score_round_trip (void)
{
  ScoreTurn turns[2];
  const double lat[1] = { 15201 };
  ScoreRecord r = sample_score (turns, lat);
  g_autoptr (GString) a = g_string_new (NULL);
  score_record_append (a, &r);
  g_assert_true (g_str_has_prefix (a->str, "{\"submission\":\"ha-noi\","
                                           "\"testset\":\"practice\","));
  g_assert_nonnull (strstr (a->str, "\"error_class\":\"timeout\","
                                    "\"requests\":4,"));
  g_assert_nonnull (strstr (a->str, "\"answer\":null,\"error_class\":"
                                    "\"timeout\",\"judgement\":{\"score\":0"));

  g_autoptr (cJSON) obj = cJSON_Parse (a->str);
  g_assert_nonnull (obj);
  ScoreRecord b;
  g_assert_true (score_record_decode (obj, &b, NULL));
  g_assert_cmpint (b.kind, ==, ITEM_KIND_CONVERSATION);
  g_assert_true (b.hidden);
  g_assert_cmpint (b.error_class, ==, FAILURE_TIMEOUT);
  g_assert_cmpint (b.contradictions, ==, 2);
  g_assert_cmpuint (b.n_turns, ==, 2);
  g_assert_cmpint (b.turns[1].error_class, ==, FAILURE_TIMEOUT);
  g_assert_nonnull (b.turns[0].judgement_tree);
  /* Read back and written again: the same bytes, once the judgements are
   * printed as they were. */
  ScoreTurn again[2];
  g_autofree char *j0 = cJSON_PrintUnformatted (b.turns[0].judgement_tree);
  g_autofree char *j1 = cJSON_PrintUnformatted (b.turns[1].judgement_tree);
  for (guint i = 0; i < 2; i++) {
    again[i] = b.turns[i];
    again[i].judgement = i == 0 ? j0 : j1;
    again[i].judgement_len = strlen (again[i].judgement);
  }
  ScoreRecord c = b;
  c.turns = again;
  g_autoptr (GString) back = g_string_new (NULL);
  score_record_append (back, &c);
  g_assert_cmpstr (back->str, ==, a->str);

  /* A copy owns what it points to. */
  g_autoptr (ScoreRecord) copy = score_record_copy (&b);
  score_record_clear (&b);
  cJSON_Delete (g_steal_pointer (&obj));
  g_assert_cmpstr (copy->item, ==, "cutru-002");
  g_assert_cmpstr (copy->turns[0].question, ==, "Lệ phí \"tạm trú\"?");
  g_assert_nonnull (copy->turns[1].judgement_tree);
  g_assert_cmpfloat (copy->latency_us[0], ==, 15201);

  /* An answer with a NUL inside is written whole; read back through
   * cJSON it ends there, and a copy keeps what it has. */
  static const char nul[] = "15.000 đồng\0 hoặc 150.000 đồng";
  turns[0].answer = nul;
  turns[0].answer_len = sizeof nul - 1;
  g_autoptr (GString) with_nul = g_string_new (NULL);
  score_record_append (with_nul, &r);
  g_assert_nonnull (strstr (with_nul->str,
                            "\"answer\":\"15.000 đồng\\u0000 hoặc 150.000 "
                            "đồng\""));
  g_autoptr (cJSON) nul_obj = cJSON_Parse (with_nul->str);
  ScoreRecord d;
  g_assert_true (score_record_decode (nul_obj, &d, NULL));
  g_assert_cmpstr (d.turns[0].answer, ==, "15.000 đồng");
  g_assert_cmpuint (d.turns[0].answer_len, ==, strlen ("15.000 đồng"));
  score_record_clear (&d);
  g_autoptr (ScoreRecord) nul_copy = score_record_copy (&r);
  g_assert_cmpmem (nul_copy->turns[0].answer, nul_copy->turns[0].answer_len,
                   nul, sizeof nul - 1);

  /* Without an item it is not a score record. */
  g_autoptr (cJSON) bad = cJSON_Parse ("{\"submission\":\"a\"}");
  g_autoptr (GError) error = NULL;
  g_assert_false (score_record_decode (bad, &b, &error));
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "\"item\""));
}

/* A record's fields as one string, to compare two readings. */
static char *
score_summary (const ScoreRecord *r, gboolean turns)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_string_append_printf (
      s, "%s|%s|%s|%s|%d|%d|%s|%s|%g|%d|%g|%d|%" G_GINT64_FORMAT "|%"
      G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%d|%" G_GINT64_FORMAT "|%"
      G_GINT64_FORMAT "|",
      r->submission, r->testset ? r->testset : "-", r->item,
      r->category ? r->category : "-", r->kind, r->hidden,
      r->variant ? r->variant : "-", r->variant_kind ? r->variant_kind : "-",
      r->score, r->correct, r->lenient_score, r->lenient_correct,
      r->contradictions, r->off_topic, r->unaccented, r->error_class,
      r->requests, r->failed_requests);
  for (guint i = 0; i < r->n_latency; i++)
    g_string_append_printf (s, "%g,", r->latency_us[i]);
  for (guint i = 0; turns && i < r->n_turns; i++)
    g_string_append_printf (s, "[%u|%s|%s|%" G_GSIZE_FORMAT "|%d]",
                            r->turns[i].turn,
                            r->turns[i].question ? r->turns[i].question : "-",
                            r->turns[i].answer ? r->turns[i].answer : "-",
                            r->turns[i].answer_len, r->turns[i].error_class);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
collect_full (const ScoreRecord *rec, gpointer user, GError **error)
{
  g_ptr_array_add (user, score_summary (rec, TRUE));
  return TRUE;
}

typedef struct {
  GPtrArray *heads, *texts, *full;
} LazySeen;

static gboolean
collect_lazy (const ScoreRecord *head, ScoreRecordLine *line, gpointer user,
              GError **error)
{
  LazySeen *seen = user;
  g_ptr_array_add (seen->heads, score_summary (head, FALSE));
  const ScoreRecord *texts = score_record_line_texts (line, error);
  g_assert_nonnull (texts);
  g_ptr_array_add (seen->texts, score_summary (texts, TRUE));
  const ScoreRecord *full = score_record_line_full (line, error);
  g_assert_nonnull (full);
  g_ptr_array_add (seen->full, score_summary (full, TRUE));
  return TRUE;
}

/* The two-step reader gives what the plain one does: heads without the
 * turns, texts without judgements, the full record on demand — for the
 * lines vabench writes and for escapes, odd spacing, a record without
 * turns, a blank line and a torn last line. */
static gboolean
count_scores (const ScoreRecord *rec, gpointer user, GError **error)
{
  (*(guint *) user)++;
  return TRUE;
}

static void
test_score_lazy (void)
{
  ScoreTurn turns[2];
  const double lat[1] = { 15201 };
  ScoreRecord r = sample_score (turns, lat);
  g_autoptr (GString) file = g_string_new (NULL);
  score_record_append (file, &r);
  g_string_append (file, "\n\n");
  g_string_append (
      file, "{\"submission\":\"hu\\u1ebf\",\"item\":\"a\\\"b\",\"turns\":"
            "[{\"turn\":0,\"question\":\"x\",\"answer\":\"y\"}]}\n"
            "{ \"item\" : \"x-1\" , \"submission\":\"hue\", \"score\": 0.25 ,"
            " \"off_topic\": 2, \"unaccented\": 1.5,"
            " \"correct\": true, \"lenient_correct\": true, \"score\": 9,"
            " \"latency_us\": [ 1, 2.5 ,3e2 ], \"turns\": [ { \"judgement\":"
            " {\"facts\": [{\"span\": \"}]\\\"\\\\\"}]}, \"answer\": \"D\\u1ea5u"
            " \\\"ngo\\u1eb7c\\\"\\n\\ud83d\\ude00\", \"turn\": 1, "
            "\"question\": \"q\\/\\t\" } ] }\n"
            "{\"submission\":\"da-nang\",\"item\":\"y\",\"requests\":2.5,"
            "\"error_class\":\"weird\",\"kind\":\"legal\"}\n"
            "{\"submission\":\"torn\",\"item\":\"z\",\"turns\":[{\"q");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vabench-lazy-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scores.jsonl", NULL);
  g_assert_true (g_file_set_contents (path, file->str, -1, &error));
  g_autoptr (GPtrArray) plain = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (score_record_read (dir, collect_full, plain, &error));
  g_assert_no_error (error);
  LazySeen seen = { g_ptr_array_new_with_free_func (g_free),
                    g_ptr_array_new_with_free_func (g_free),
                    g_ptr_array_new_with_free_func (g_free) };
  g_assert_true (score_record_read_lazy (dir, collect_lazy, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (plain->len, ==, 4);
  g_assert_cmpuint (seen.heads->len, ==, 4);
  for (guint i = 0; i < plain->len; i++) {
    const char *want = plain->pdata[i];
    g_assert_cmpstr (seen.full->pdata[i], ==, want);
    g_assert_cmpstr (seen.texts->pdata[i], ==, want);
    g_assert_true (g_str_has_prefix (want, seen.heads->pdata[i]));
  }
  g_assert_nonnull (strstr (plain->pdata[2], "Dấu \"ngoặc\"\n😀"));
  g_assert_nonnull (strstr (plain->pdata[2], "|q/\t|"));

  /* A head that says what is wrong, as the plain reader does. */
  g_assert_true (g_file_set_contents (path, "{\"submission\":3,\"item\":"
                                            "\"x\",\"turns\":[]}\n", -1,
                                      &error));
  g_assert_false (score_record_read_lazy (dir, collect_lazy, &seen, &error));
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_TYPE);
  g_assert_nonnull (strstr (error->message, "scores.jsonl:1: field "
                                            "\"submission\""));
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, "\n\n", -1, &error));
  g_assert_false (score_record_read_lazy (dir, collect_lazy, &seen, &error));
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_EMPTY);
  g_clear_error (&error);
  /* blank as util/jsonl.c says: a form feed too (the lazy reader took
   * "\f" for a torn line; tests/fuzz/fuzz-score-record) */
  g_assert_true (g_file_set_contents (path, "\f", -1, &error));
  g_assert_false (score_record_read_lazy (dir, collect_lazy, &seen, &error));
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_EMPTY);
  g_clear_error (&error);
  /* Only a torn line: no record, and no error from either reader, as
   * util/jsonl.h reads a torn tail (the lazy one said "holds no record";
   * found by tests/fuzz/fuzz-score-record). */
  g_assert_true (g_file_set_contents (path, "{\"submission\":\"a\",\"it", -1,
                                      &error));
  guint whole = 0;
  g_assert_true (score_record_read (dir, count_scores, &whole, &error));
  g_assert_no_error (error);
  guint before = seen.heads->len;
  g_assert_true (score_record_read_lazy (dir, collect_lazy, &seen, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (whole, ==, 0);
  g_assert_cmpuint (seen.heads->len, ==, before);
  g_ptr_array_unref (seen.heads);
  g_ptr_array_unref (seen.texts);
  g_ptr_array_unref (seen.full);
  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
heads_only (const ScoreRecord *head, ScoreRecordLine *line, gpointer user,
            GError **error)
{
  return TRUE;
}

static gboolean
ask_full (const ScoreRecord *head, ScoreRecordLine *line, gpointer user,
          GError **error)
{
  return score_record_line_full (line, error) != NULL;
}

/* A line whose head reads but whose tail is broken fails only when the
 * full record is asked for, naming file:line. */
static void
test_score_lazy_broken_tail (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vabench-lazy-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scores.jsonl", NULL);
  g_assert_true (g_file_set_contents (
      path, "{\"submission\":\"a\",\"item\":\"b\",\"turns\":[{]}\n"
            "{\"submission\":\"a\",\"item\":\"c\",\"turns\":[]}\n", -1,
      &error));
  g_assert_true (score_record_read_lazy (dir, heads_only, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (score_record_read_lazy (dir, ask_full, NULL, &error));
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "scores.jsonl:1: "));
  g_unlink (path);
  g_rmdir (dir);
}

/* A line the record cannot come from fails in the lazy reader with the
 * whole reader's error, even when only heads are read: invalid UTF-8 in
 * a name or in a member the reader does not keep, a head without
 * "submission" before a broken tail (the whole reader names the broken
 * JSON), a line that is no object. Found by tests/fuzz/fuzz-score-record:
 * a bad byte in a name read as "field submission: missing", one in
 * another member not at all. */
static void
test_score_lazy_head_errors (void)
{
  static const struct {
    const char *line;
    int code;
  } cases[] = {
    { "{\"subm\xc5on\":\"h\",\"submission\":\"a\",\"item\":\"b\","
      "\"turns\":[]}\n", JSONL_ERROR_UTF8 },
    { "{\"submission\":\"a\",\"note\":\"x\xff\",\"item\":\"b\","
      "\"turns\":[]}\n", JSONL_ERROR_UTF8 },
    { "{\"submission\":\"a\",\"item\":\"b\",\"item\":\"\xc3(\","
      "\"turns\":[]}\n", JSONL_ERROR_UTF8 },
    { "{\"submi}sion\":\"a\",\"item\":\"b\",\"turns\":[{]}\n",
      JSONL_ERROR_SYNTAX },
    { "{\"submission\":3,\"item\":\"b\",\"turns\":[}\n", JSONL_ERROR_SYNTAX },
    { "[{\"submission\":\"a\",\"item\":\"b\"}]\n", JSONL_ERROR_TYPE },
    { "{\"item\":\"b\",\"turns\":[]}\n", JSONL_ERROR_MISSING },
    /* a last line without its newline that parses is read, torn or not */
    { " \"\"", JSONL_ERROR_TYPE },
    { "{\"item\":\"b\"}", JSONL_ERROR_MISSING },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vabench-lazy-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "scores.jsonl", NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_assert_true (g_file_set_contents (path, cases[i].line, -1, &error));
    guint n = 0;
    g_assert_false (score_record_read (dir, count_scores, &n, &error));
    g_assert_error (error, JSONL_ERROR, cases[i].code);
    g_clear_error (&error);
    g_assert_false (score_record_read_lazy (dir, heads_only, NULL, &error));
    g_assert_error (error, JSONL_ERROR, cases[i].code);
    g_assert_nonnull (strstr (error->message, "scores.jsonl:1: "));
    g_clear_error (&error);
  }
  g_unlink (path);
  g_rmdir (dir);
}

static cJSON *
sample_contest (void)
{
  return cJSON_Parse (
      "{\"name\":\"Cuộc thi thử\",\"file\":\"contest.ini\",\"seed\":42,"
      "\"weights\":{\"accuracy\":0.5,\"nearmiss\":0.2,\"latency\":0.2,"
      "\"availability\":0.1},\"sla_ms\":3000,\"resamples\":1000,"
      "\"nearmiss_kinds\":[\"telex\"],\"per_item\":1,"
      "\"politeness\":{\"concurrency\":4},"
      "\"testsets\":[{\"name\":\"practice\",\"path\":\"practice.jsonl\","
      "\"sha256\":\"ab\",\"visibility\":\"public\",\"items\":2}],"
      "\"submissions\":[{\"id\":\"ha-noi\",\"name\":\"Hà Nội\","
      "\"province\":\"Thành phố Hà Nội\"},{\"id\":\"hue\"},{\"name\":\"?\"}]"
      "}");
}

static void
test_manifest (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "manifest", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_autoptr (RunManifest) m = run_manifest_new ("demo", "2026-01-01T00:00:00Z",
                                                sample_contest ());
  m->finished_at = g_strdup ("2026-01-01T00:10:00Z");
  g_autoptr (GError) error = NULL;
  g_assert_true (run_manifest_write (dir, m, &error));
  g_assert_no_error (error);
  g_autoptr (RunManifest) r = run_manifest_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (r->run_id, ==, "demo");
  g_assert_cmpstr (r->finished_at, ==, "2026-01-01T00:10:00Z");
  /* Objects may be built at different commits: the version's form only. */
  g_assert_true (g_str_has_prefix (r->vabench_version, "0.1.0-"));
  g_autofree char *abs = g_canonicalize_filename ("contest.ini", NULL);
  g_assert_cmpstr (r->contest_file_abs, ==, abs);
  g_assert_cmpuint (r->testsets->len, ==, 1);
  const RunTestset *t = &g_array_index (r->testsets, RunTestset, 0);
  g_assert_cmpstr (t->sha256, ==, "ab");
  g_autofree char *tabs = g_canonicalize_filename ("practice.jsonl", NULL);
  g_assert_cmpstr (t->abs_path, ==, tabs);
  /* The entry without an id is not a submission. */
  g_assert_cmpuint (r->submissions->len, ==, 2);
  g_assert_cmpstr (g_array_index (r->submissions, RunSubmission, 0).province,
                   ==, "Thành phố Hà Nội");
  g_assert_null (g_array_index (r->submissions, RunSubmission, 1).name);
  g_assert_cmpfloat (r->w_latency, ==, 0.2);
  g_assert_cmpuint (r->sla_ms, ==, 3000);
  g_assert_cmpuint (r->resamples, ==, 1000);
  g_assert_cmpuint (r->seed, ==, 42);

  /* Not a manifest: named, and an input error. */
  g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
  g_assert_true (g_file_set_contents (path, "{\"run_id\": 1}", -1, NULL));
  g_autoptr (RunManifest) none = run_manifest_read (dir, &error);
  g_assert_null (none);
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_autofree char *empty = g_build_filename (tmpdir, "nothing", NULL);
  g_assert_null (run_manifest_read (empty, &error));
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT);
}

/* The plan and the log's digest go out and come back; a malformed one is
 * refused, not read as absent. */
static void
test_manifest_digest (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "manifest-digest", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_autoptr (RunManifest) m = run_manifest_new ("demo", "2026-01-01T00:00:00Z",
                                                sample_contest ());
  m->planned_units = 381;
  m->has_log = TRUE;
  m->log.records = 1143;
  memset (m->log.sha256, 'a', 64);
  m->log.sha256[64] = '\0';
  g_autoptr (GError) error = NULL;
  g_assert_true (run_manifest_write (dir, m, &error));
  g_autoptr (RunManifest) r = run_manifest_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (r->planned_units, ==, 381);
  g_assert_true (r->has_log);
  g_assert_cmpuint (r->log.records, ==, 1143);
  g_assert_cmpstr (r->log.sha256, ==, m->log.sha256);
  g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_autofree char *forged = g_strdup (text);
  char *at = strstr (forged, "1143");
  g_assert_nonnull (at);
  memcpy (at, "1e99", 4);
  g_assert_true (g_file_set_contents (path, forged, -1, NULL));
  g_assert_null (run_manifest_read (dir, &error));
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "\"log\""));
}

/* A resume must fire the same contest: every setting that differs is
 * named; where the files are is not a difference. */
static void
test_manifest_differences (void)
{
  g_autoptr (RunManifest) m = run_manifest_new ("demo", "2026-01-01T00:00:00Z",
                                                sample_contest ());
  g_autoptr (cJSON) same = sample_contest ();
  cJSON_ReplaceItemInObject (same, "file", cJSON_CreateString ("../x.ini"));
  g_assert_null (run_manifest_differences (m, same));
  g_autoptr (cJSON) now = sample_contest ();
  cJSON_ReplaceItemInObject (now, "seed", cJSON_CreateNumber (43));
  cJSON_ReplaceItemInObject (now, "nearmiss_kinds",
                             cJSON_Parse ("[\"telex\",\"vni\"]"));
  cJSON *set = cJSON_GetArrayItem (cJSON_GetObjectItem (now, "testsets"), 0);
  cJSON_ReplaceItemInObject (set, "sha256", cJSON_CreateString ("cd"));
  cJSON_ReplaceItemInObject (set, "path", cJSON_CreateString ("/khac.jsonl"));
  g_auto (GStrv) d = run_manifest_differences (m, now);
  g_assert_nonnull (d);
  g_autofree char *all = g_strjoinv ("\n", d);
  g_assert_nonnull (strstr (all, "seed: 42 in the run, 43 now"));
  g_assert_nonnull (strstr (all, "nearmiss_kinds: [\"telex\"] in the run, "
                                 "[\"telex\",\"vni\"] now"));
  g_assert_nonnull (strstr (all, "testsets[0].sha256: \"ab\" in the run, "
                                 "\"cd\" now"));
  g_assert_null (strstr (all, "path"));
  g_assert_cmpuint (g_strv_length (d), ==, 3);
}

/* Found by fuzz-run-manifest: a manifest.json from an untrusted run
 * directory may hold bytes that are not UTF-8 in a value or a key. The
 * differences resume prints are UTF-8 all the same, and measuring a value
 * cut short inside a character ("\xF0" before the closing quote) reads
 * nothing past its end (ASan). */
static void
test_manifest_differences_utf8 (void)
{
  cJSON *forged = sample_contest (); /* the manifest takes it */
  cJSON_ReplaceItemInObject (forged, "name", cJSON_CreateString ("Cu\xF0"));
  cJSON_AddNumberToObject (forged, "s\xE1\xBB", 1);
  g_autoptr (RunManifest) m = run_manifest_new ("demo", "2026-01-01T00:00:00Z",
                                                forged);
  g_autoptr (cJSON) now = sample_contest ();
  cJSON_ReplaceItemInObject (now, "name",
                             cJSON_CreateString ("Cuộc thi cấp tỉnh"));
  g_auto (GStrv) d = run_manifest_differences (m, now);
  g_assert_nonnull (d);
  g_assert_cmpuint (g_strv_length (d), ==, 2);
  for (char **l = d; *l; l++)
    g_assert_true (g_utf8_validate (*l, -1, NULL));
  g_autofree char *all = g_strjoinv ("\n", d);
  g_assert_nonnull (strstr (all, "name: \"Cu\xEF\xBF\xBD\" in the run, "
                                 "\"Cuộc thi cấp tỉnh\" now"));
}

/* Found by fuzz-run-manifest: a seed of 16 digits or more, written
 * exactly at the start, was read back as a double and written again by
 * cJSON with 15 significant digits (1.23456789012346e+15): the scorer's
 * seed changed, and the next resume saw a changed contest. It is read and
 * written with its digits now, and a seed past 2^53 (no JSON number holds
 * it) or a fraction is refused. */
static void
test_manifest_seed_exact (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "manifest-seed", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  cJSON *contest = sample_contest (); /* the manifest takes it */
  cJSON_ReplaceItemInObject (contest, "seed",
                             cJSON_CreateRaw ("1234567890123457"));
  g_autoptr (RunManifest) m = run_manifest_new ("seed", "2026-01-01T00:00:00Z",
                                                contest);
  g_assert_cmpuint (m->seed, ==, G_GUINT64_CONSTANT (1234567890123457));
  g_autoptr (GError) error = NULL;
  g_assert_true (run_manifest_write (dir, m, &error));
  g_autoptr (RunManifest) once = run_manifest_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (once->seed, ==, G_GUINT64_CONSTANT (1234567890123457));
  g_assert_true (run_manifest_write (dir, once, &error));
  g_autoptr (RunManifest) twice = run_manifest_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (twice->seed, ==, G_GUINT64_CONSTANT (1234567890123457));
  g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"seed\":\t1234567890123457"));
  g_autoptr (cJSON) now = sample_contest ();
  cJSON_ReplaceItemInObject (now, "seed", cJSON_CreateRaw ("1234567890123457"));
  g_auto (GStrv) d = run_manifest_differences (twice, now);
  g_assert_null (d);

  static const char *const bad[] = { "18014398509481984", "1.5", "-1",
                                     "\"7\"" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++) {
    g_autofree char *forged = g_strdup_printf (
        "{\"contest\": {\"name\": \"x\", \"seed\": %s}}", bad[i]);
    g_assert_true (g_file_set_contents (path, forged, -1, NULL));
    g_autoptr (GError) e = NULL;
    g_assert_null (run_manifest_read (dir, &e));
    g_assert_error (e, RUNDIR_ERROR, RUNDIR_ERROR_INPUT);
    g_assert_nonnull (strstr (e->message, "contest.seed"));
  }
}

/* One writer per run directory: a second is refused with the holder's
 * pid; the lock goes with its holder; a symlink planted there is refused. */
/* A run directory from elsewhere: its manifest is read under limits. */
static void
test_manifest_too_large (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "huge-manifest", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_autofree char *path = g_build_filename (dir, "manifest.json", NULL);
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 17 << 20), ==, 0);
  close (fd);
  g_autoptr (GError) error = NULL;
  g_assert_null (run_manifest_read (dir, &error));
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "limit"));
}

static void
test_lock (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "lock", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_autoptr (GError) error = NULL;
  g_assert_cmpint (rundir_lock_holder (dir, NULL), ==, 0);
  RundirLock *a = rundir_lock_take (dir, "run --resume", &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  g_autofree char *cmd = NULL;
  g_assert_cmpint (rundir_lock_holder (dir, &cmd), ==, getpid ());
  g_assert_cmpstr (cmd, ==, "run --resume");
  g_assert_null (rundir_lock_take (dir, "score", &error));
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_LOCKED);
  g_autofree char *pid = g_strdup_printf ("pid %d, run --resume", getpid ());
  g_assert_nonnull (strstr (error->message, pid));
  g_clear_error (&error);
  rundir_lock_release (a);
  g_assert_cmpint (rundir_lock_holder (dir, NULL), ==, 0);
  RundirLock *b = rundir_lock_take (dir, "score", &error);
  g_assert_no_error (error);
  rundir_lock_release (b);
  /* the holder's words are printed in our error: no terminal escape
   * passes through them */
  RundirLock *c = rundir_lock_take (dir, "run \x1b[2J\x9b--resume", &error);
  g_assert_no_error (error);
  g_assert_null (rundir_lock_take (dir, "score", &error));
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_LOCKED);
  g_assert_null (strchr (error->message, '\x1b'));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "run  [2J"));
  g_clear_error (&error);
  rundir_lock_release (c);

  g_autofree char *nowhere = g_build_filename (tmpdir, "không-có", NULL);
  g_assert_null (rundir_lock_take (nowhere, "score", &error));
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT);
  g_clear_error (&error);

  g_autofree char *planted = g_build_filename (tmpdir, "planted", NULL);
  g_assert_cmpint (g_mkdir_with_parents (planted, 0755), ==, 0);
  g_autofree char *target = g_build_filename (tmpdir, "victim", NULL);
  g_assert_true (g_file_set_contents (target, "giữ nguyên", -1, NULL));
  g_autofree char *lp = rundir_path (planted, RUNDIR_LOCK);
  g_assert_cmpint (symlink (target, lp), ==, 0);
  g_assert_null (rundir_lock_take (planted, "run", &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
  g_autofree char *kept = NULL;
  g_assert_true (g_file_get_contents (target, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "giữ nguyên");
}

/* Coverage: a partial run says who answered what, and what the ranking
 * stands on. */
static void
test_results_coverage (void)
{
  g_autoptr (RunManifest) m = run_manifest_new ("demo", "2026-01-01T00:00:00Z",
                                                sample_contest ());
  g_autoptr (Results) r = results_new (m, cJSON_Parse ("[]"),
                                       cJSON_Parse ("[]"));
  g_autofree char *unknown = results_incomplete (r, "en");
  g_assert_nonnull (strstr (unknown, "does not record"));
  guint64 answered[] = { 120, 118 };
  results_set_coverage (r, m->submissions, answered, 500, TRUE, 118);
  g_assert_false (r->complete);
  g_autofree char *why = results_incomplete (r, "en");
  g_assert_cmpstr (why, ==, "ha-noi answered 120 of 500 units, hue answered "
                            "118 of 500 units; the ranking stands only on "
                            "the 118 units every submission answered");
  g_autofree char *vi = results_incomplete (r, "vi");
  g_assert_nonnull (strstr (vi, "ha-noi đã trả lời 120/500"));
  /* a submission that answered everything is not named: over 34
   * provinces the banner names only those short of the plan */
  guint64 one_short[] = { 500, 118 };
  results_set_coverage (r, m->submissions, one_short, 500, TRUE, 118);
  g_autofree char *short_why = results_incomplete (r, "en");
  g_assert_cmpstr (short_why, ==, "hue answered 118 of 500 units; the "
                                  "ranking stands only on the 118 units "
                                  "every submission answered");
  guint64 all[] = { 500, 500 };
  results_set_coverage (r, m->submissions, all, 500, TRUE, 500);
  g_assert_true (r->complete);
  g_assert_null (results_incomplete (r, "vi"));
  /* A plan the manifest does not give: never complete. */
  results_set_coverage (r, m->submissions, all, 500, FALSE, 500);
  g_assert_false (r->complete);
  g_autofree char *text = results_print (r);
  g_autoptr (Results) back = results_parse (text, -1, "x", NULL);
  g_assert_false (back->complete);
  g_assert_nonnull (back->coverage);
}

static void
test_results (void)
{
  g_autofree char *dir = g_build_filename (tmpdir, "results", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_autoptr (RunManifest) m = run_manifest_new ("demo", "2026-01-01T00:00:00Z",
                                                sample_contest ());
  cJSON *subs = cJSON_Parse ("[{\"id\":\"ha-noi\",\"rank\":1}]");
  cJSON *ties = cJSON_Parse ("[]");
  g_autoptr (Results) r = results_new (m, subs, ties);
  g_assert_cmpstr (r->run_id, ==, "demo");
  g_assert_null (r->finished_at);
  g_assert_null (r->load);
  g_autoptr (GError) error = NULL;
  g_assert_true (results_write (dir, r, &error));
  g_autoptr (Results) back = results_read (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->started_at, ==, "2026-01-01T00:00:00Z");
  g_assert_cmpint (cJSON_GetArraySize (back->submissions), ==, 1);
  g_assert_nonnull (cJSON_GetObjectItem (back->contest, "testsets"));
  /* Only the scoring settings are copied from the contest. */
  g_assert_null (cJSON_GetObjectItem (back->contest, "politeness"));
  g_assert_null (cJSON_GetObjectItem (back->contest, "submissions"));
  g_autofree char *text = results_print (back);
  g_autofree char *path = rundir_path (dir, RUNDIR_RESULTS);
  g_autofree char *file = NULL;
  g_assert_true (g_file_get_contents (path, &file, NULL, NULL));
  g_assert_cmpstr (text, ==, file);
  g_assert_true (g_str_has_suffix (file, "}\n"));

  results_set_load (back, cJSON_Parse ("{\"capacity\": 8}"));
  g_assert_true (results_write (dir, back, &error));
  g_autoptr (Results) loaded = results_read (dir, &error);
  g_assert_cmpint (cJSON_GetObjectItem (loaded->load, "capacity")->valueint,
                   ==, 8);

  g_autoptr (Results) bad = results_parse ("{\"submissions\": 3}", -1, "x",
                                           &error);
  g_assert_null (bad);
  g_assert_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT);
  g_assert_nonnull (strstr (error->message, "\"submissions\""));
}

static void
test_atomic_file (void)
{
  g_autofree char *path = g_build_filename (tmpdir, "kết quả.json", NULL);
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  g_autoptr (GError) error = NULL;
  g_assert_true (atomic_file_set_contents (path, "một", -1, ATOMIC_FILE_SYNC,
                                           &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  /* Aborted: the old contents stay, no temporary file is left. */
  AtomicFile *f = atomic_file_new (path, ATOMIC_FILE_NO_SYNC, &error);
  g_assert_true (atomic_file_write (f, "hai", 3, &error));
  atomic_file_abort (f);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "một");
  g_assert_false (g_file_test (tmp, G_FILE_TEST_EXISTS));

  /* Written in pieces past the buffer, then committed. */
  f = atomic_file_new (path, ATOMIC_FILE_NO_SYNC, &error);
  g_autoptr (GString) want = g_string_new (NULL);
  for (int i = 0; i < 300000; i++) {
    char line[16];
    int n = g_snprintf (line, sizeof line, "%d\n", i);
    g_string_append_len (want, line, n);
    g_assert_true (atomic_file_write (f, line, (gsize) n, &error));
  }
  g_assert_true (atomic_file_commit (f, &error));
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, want->str);

  /* A symlink planted at NAME.tmp is refused, its target untouched. */
  g_autofree char *target = g_build_filename (tmpdir, "target", NULL);
  g_assert_true (g_file_set_contents (target, "bí mật", -1, NULL));
  g_assert_cmpint (symlink (target, tmp), ==, 0);
  g_assert_false (atomic_file_set_contents (path, "ba", -1,
                                            ATOMIC_FILE_NO_SYNC, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_LOOP);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (target, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "bí mật");
  g_unlink (tmp);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("vb-rundir-XXXXXX", NULL);
  g_test_add_func ("/rundir/names", test_names);
  g_test_add_func ("/rundir/failure-names", test_failure_names);
  g_test_add_func ("/rundir/item-kinds", test_item_kinds);
  g_test_add_func ("/rundir/attempt-round-trip", test_attempt_round_trip);
  g_test_add_func ("/rundir/attempt-nul-answer", test_attempt_nul_answer);
  g_test_add_func ("/rundir/attempt-first-token", test_attempt_first_token);
  g_test_add_func ("/rundir/attempt-numbers", test_attempt_numbers);
  g_test_add_func ("/rundir/score-round-trip", test_score_round_trip);
  g_test_add_func ("/rundir/score-lazy", test_score_lazy);
  g_test_add_func ("/rundir/score-lazy/head-errors",
                   test_score_lazy_head_errors);
  g_test_add_func ("/rundir/score-lazy/broken-tail",
                   test_score_lazy_broken_tail);
  g_test_add_func ("/rundir/manifest", test_manifest);
  g_test_add_func ("/rundir/results", test_results);
  g_test_add_func ("/rundir/manifest-digest", test_manifest_digest);
  g_test_add_func ("/rundir/manifest-differences", test_manifest_differences);
  g_test_add_func ("/rundir/manifest-seed-exact", test_manifest_seed_exact);
  g_test_add_func ("/rundir/manifest-differences/utf8",
                   test_manifest_differences_utf8);
  g_test_add_func ("/rundir/lock", test_lock);
  g_test_add_func ("/rundir/manifest-too-large", test_manifest_too_large);
  g_test_add_func ("/rundir/results-coverage", test_results_coverage);
  g_test_add_func ("/rundir/atomic-file", test_atomic_file);
  int rc = g_test_run ();
  vbt_rm_rf (tmpdir);
  g_free (tmpdir);
  return rc;
}
