/* Tests of the mock assistant over real loopback HTTP (port 0, libcurl
 * easy): every protocol, profile and fault. Retrieval and answers in
 * memory are test-mock-kb.c's. */
#include "submissions/mock/mock.h"
#include "submissions/mock/mock_proto.h"
#include "util/jsonl.h"

#include <glib/gstdio.h>

#include <string.h>

/* ---- helpers ------------------------------------------------------------ */

typedef struct {
  CURLcode code;
  long status;
  GString *body;
  char *time_us;  /* X-Mock-Time-Us */
  char *location; /* Location */
  char *ctype;
  gsize cap; /* abort the transfer past this many body bytes */
} Http;

static void
http_clear (Http *h)
{
  if (h->body)
    g_string_free (h->body, TRUE);
  g_free (h->time_us);
  g_free (h->location);
  g_free (h->ctype);
  memset (h, 0, sizeof *h);
}

static size_t
http_write (char *data, size_t size, size_t n, void *user)
{
  Http *h = user;
  if (h->cap && h->body->len + size * n > h->cap)
    return 0; /* CURLE_WRITE_ERROR: the client's own cap */
  g_string_append_len (h->body, data, (gssize)(size * n));
  return size * n;
}

static char *
http_header_value (const char *line, size_t len, const char *name)
{
  size_t nl = strlen (name);
  if (len <= nl + 1 || g_ascii_strncasecmp (line, name, nl) != 0
      || line[nl] != ':')
    return NULL;
  return g_strstrip (g_strndup (line + nl + 1, len - nl - 1));
}

static size_t
http_header (char *line, size_t size, size_t n, void *user)
{
  Http *h = user;
  char *v = NULL;
  if ((v = http_header_value (line, size * n, "X-Mock-Time-Us")))
    h->time_us = v;
  else if ((v = http_header_value (line, size * n, "Location")))
    h->location = v;
  else if ((v = http_header_value (line, size * n, "Content-Type")))
    h->ctype = v;
  return size * n;
}

/* POSTs body (GET when NULL) to the mock; fills h. */
static void
http_do (guint16 port, const char *path, const char *body, long timeout_ms,
         Http *h)
{
  h->body = g_string_new (NULL);
  g_autoptr (CURL) c = curl_easy_init ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", port, path);
  struct curl_slist *hdr
      = curl_slist_append (NULL, "Content-Type: application/json");
  curl_easy_setopt (c, CURLOPT_URL, url);
  curl_easy_setopt (c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (c, CURLOPT_TIMEOUT_MS, timeout_ms);
  curl_easy_setopt (c, CURLOPT_HTTPHEADER, hdr);
  curl_easy_setopt (c, CURLOPT_WRITEFUNCTION, http_write);
  curl_easy_setopt (c, CURLOPT_WRITEDATA, h);
  curl_easy_setopt (c, CURLOPT_HEADERFUNCTION, http_header);
  curl_easy_setopt (c, CURLOPT_HEADERDATA, h);
  if (body)
    curl_easy_setopt (c, CURLOPT_POSTFIELDS, body);
  h->code = curl_easy_perform (c);
  curl_easy_getinfo (c, CURLINFO_RESPONSE_CODE, &h->status);
  curl_slist_free_all (hdr);
}

static MockServer *
start_mock (MockProfile profile, gint delay_ms, double fail_rate)
{
  MockOptions o;
  mock_options_init (&o);
  o.profile = profile;
  o.delay_ms = delay_ms;
  o.fail_rate = fail_rate;
  o.seed = 42;
  g_autoptr (GError) error = NULL;
  MockServer *s = mock_server_start (&o, &error);
  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_cmpuint (mock_server_port (s), >, 0);
  return s;
}

static char *
openai_body (const char *question)
{
  g_autoptr (cJSON) root = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "model", "test");
  cJSON *msgs = cJSON_AddArrayToObject (root, "messages");
  cJSON *m = cJSON_CreateObject ();
  cJSON_AddStringToObject (m, "role", "user");
  cJSON_AddStringToObject (m, "content", question);
  cJSON_AddItemToArray (msgs, m);
  return jsonl_print (root);
}

/* The assistant's content of a chat completion; NULL if malformed. */
static char *
openai_content (const char *body)
{
  g_autoptr (cJSON) root = cJSON_Parse (body);
  const cJSON *ch = cJSON_GetArrayItem (
      cJSON_GetObjectItemCaseSensitive (root, "choices"), 0);
  const cJSON *msg = cJSON_GetObjectItemCaseSensitive (ch, "message");
  const cJSON *c = cJSON_GetObjectItemCaseSensitive (msg, "content");
  return cJSON_IsString (c) ? g_strdup (c->valuestring) : NULL;
}

/* Asks one OpenAI question; returns the answer, asserting a 200. */
static char *
ask_openai (guint16 port, const char *question)
{
  g_autofree char *body = openai_body (question);
  Http h = { 0 };
  http_do (port, "/v1/chat/completions", body, 10000, &h);
  g_assert_cmpint (h.code, ==, CURLE_OK);
  g_assert_cmpint (h.status, ==, 200);
  g_assert_nonnull (h.time_us);
  char *answer = openai_content (h.body->str);
  g_assert_nonnull (answer);
  http_clear (&h);
  return answer;
}

static const char refusal_start[] = "Xin lỗi, tôi chưa có thông tin";

/* ---- protocols ----------------------------------------------------------- */

static void
test_proto_split (void)
{
  g_auto (GStrv) one = mock_proto_split ("Ngắn.", 2);
  g_assert_cmpuint (g_strv_length (one), ==, 1);
  g_auto (GStrv) three = mock_proto_split ("A.\n\nB.\n\nC.", 2);
  g_assert_cmpuint (g_strv_length (three), ==, 2);
  g_assert_cmpstr (three[1], ==, "B.\n\nC.");
}

/* ---- protocols over HTTP ------------------------------------------------ */

static void
test_http_openai (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_FUZZY, -1, -1);
  g_autofree char *a
      = ask_openai (mock_server_port (s), "Lệ phí đăng ký tạm trú?");
  g_assert_nonnull (strstr (a, "15.000 đồng"));
}

static void
test_http_openai_stream (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_FUZZY, -1, -1);
  const char *body = "{\"stream\": true, \"messages\": [{\"role\": \"user\","
                     " \"content\": \"Đăng ký khai sinh ở đâu?\"}]}";
  Http h = { 0 };
  http_do (mock_server_port (s), "/v1/chat/completions", body, 10000, &h);
  g_assert_cmpint (h.status, ==, 200);
  g_assert_true (g_str_has_prefix (h.ctype, "text/event-stream"));
  g_autoptr (GString) joined = g_string_new (NULL);
  g_auto (GStrv) events = g_strsplit (h.body->str, "\n\n", -1);
  guint chunks = 0;
  gboolean done = FALSE;
  for (guint i = 0; events[i] && *events[i]; i++) {
    g_assert_true (g_str_has_prefix (events[i], "data: "));
    const char *data = events[i] + 6;
    if (strcmp (data, "[DONE]") == 0) {
      done = TRUE;
      continue;
    }
    g_autoptr (cJSON) ev = cJSON_Parse (data);
    const cJSON *delta = cJSON_GetObjectItemCaseSensitive (
        cJSON_GetArrayItem (cJSON_GetObjectItemCaseSensitive (ev, "choices"),
                            0),
        "delta");
    const cJSON *c = cJSON_GetObjectItemCaseSensitive (delta, "content");
    if (cJSON_IsString (c))
      g_string_append (joined, c->valuestring);
    chunks++;
  }
  g_assert_true (done);
  g_assert_cmpuint (chunks, >, 2);
  g_assert_nonnull (strstr (joined->str, "Ủy ban nhân dân cấp xã"));
  http_clear (&h);
}

static void
test_http_openai_history (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_FUZZY, -1, -1);
  const char *body
      = "{\"messages\": [{\"role\": \"system\", \"content\": \"Trợ lý\"},"
        "{\"role\": \"user\", \"content\": \"Đăng ký tạm trú mất bao lâu?\"},"
        "{\"role\": \"assistant\", \"content\": \"03 ngày làm việc.\"},"
        "{\"role\": \"user\", \"content\": \"Thế còn lệ phí?\"}]}";
  Http h = { 0 };
  http_do (mock_server_port (s), "/v1/chat/completions", body, 10000, &h);
  g_assert_cmpint (h.status, ==, 200);
  g_autofree char *a = openai_content (h.body->str);
  g_assert_nonnull (strstr (a, "15.000 đồng"));
  http_clear (&h);
}

static char *
rasa_text (guint16 port, const char *sender, const char *message, guint *n_msgs)
{
  g_autoptr (cJSON) req = cJSON_CreateObject ();
  cJSON_AddStringToObject (req, "sender", sender);
  cJSON_AddStringToObject (req, "message", message);
  g_autofree char *body = jsonl_print (req);
  Http h = { 0 };
  http_do (port, "/webhooks/rest/webhook", body, 10000, &h);
  g_assert_cmpint (h.status, ==, 200);
  g_autoptr (cJSON) arr = cJSON_Parse (h.body->str);
  g_assert_true (cJSON_IsArray (arr));
  g_autoptr (GString) text = g_string_new (NULL);
  const cJSON *m = NULL;
  *n_msgs = 0;
  cJSON_ArrayForEach (m, arr)
  {
    const cJSON *rid = cJSON_GetObjectItemCaseSensitive (m, "recipient_id");
    g_assert_cmpstr (rid->valuestring, ==, sender);
    g_string_append_printf (
        text, "%s\n",
        cJSON_GetObjectItemCaseSensitive (m, "text")->valuestring);
    (*n_msgs)++;
  }
  http_clear (&h);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_http_rasa_session (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_FUZZY, -1, -1);
  guint16 port = mock_server_port (s);
  guint n = 0;
  g_autofree char *a
      = rasa_text (port, "nguoi-dan-1", "Đăng ký thường trú cần gì?", &n);
  g_assert_cmpuint (n, ==, 2); /* long answers come as two messages */
  g_assert_nonnull (a);
  g_autofree char *b = rasa_text (port, "nguoi-dan-1", "Thế còn lệ phí?", &n);
  g_assert_nonnull (strstr (b, "20.000 đồng"));
  g_autofree char *c = rasa_text (port, "nguoi-dan-2", "Thế còn lệ phí?", &n);
  g_assert_true (g_str_has_prefix (c, refusal_start));
}

static void
test_http_template_session (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_FUZZY, -1, -1);
  guint16 port = mock_server_port (s);
  const char *bodies[] = {
    "{\"session\": \"s1\", \"turn\": 0, \"q\": \"Đăng ký hộ kinh doanh\"}",
    "{\"session\": \"s1\", \"turn\": 1, \"q\": \"Mất bao lâu?\"}",
  };
  for (guint t = 0; t < 2; t++) {
    Http h = { 0 };
    http_do (port, "/api/ask", bodies[t], 10000, &h);
    g_assert_cmpint (h.status, ==, 200);
    g_autoptr (cJSON) root = cJSON_Parse (h.body->str);
    const cJSON *parts = cJSON_GetObjectItemCaseSensitive (
        cJSON_GetObjectItemCaseSensitive (
            cJSON_GetObjectItemCaseSensitive (root, "data"), "answer"),
        "parts");
    g_assert_true (cJSON_IsArray (parts));
    g_assert_cmpint (cJSON_GetArraySize (parts), >=, 1);
    g_autoptr (GString) all = g_string_new (NULL);
    const cJSON *p = NULL;
    cJSON_ArrayForEach (p, parts) g_string_append (all, p->valuestring);
    g_assert_nonnull (strstr (all->str, "03 ngày làm việc"));
    http_clear (&h);
  }
}

typedef struct {
  const char *path;
  const char *body; /* NULL: GET */
  long status;
} BadCase;

static void
test_http_bad_input (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_FUZZY, -1, -1);
  static const BadCase cases[] = {
    { "/v1/chat/completions", "{not json", 400 },
    { "/v1/chat/completions", "[1, 2]", 400 },
    { "/v1/chat/completions", "{\"messages\": []}", 400 },
    { "/v1/chat/completions", "{\"messages\": [{\"role\": \"user\"}]}", 400 },
    { "/webhooks/rest/webhook", "{\"sender\": \"x\"}", 400 },
    { "/api/ask", "{\"q\": \"Lệ phí?\"}", 400 },
    { "/api/ask", "{\"session\": \"s\", \"q\": \"\xff\xfe\"}", 400 },
    { "/nowhere", "{}", 404 },
    { "/v1/chat/completions", NULL, 405 },
    { "/health", NULL, 200 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    Http h = { 0 };
    http_do (mock_server_port (s), cases[i].path, cases[i].body, 10000, &h);
    g_assert_cmpint (h.status, ==, cases[i].status);
    g_autoptr (cJSON) err = cJSON_Parse (h.body->str);
    g_assert_nonnull (err); /* every error is JSON too */
    http_clear (&h);
  }
  /* A body over 1 MiB. */
  g_autofree char *big = g_strnfill (1024 * 1024 + 10, 'a');
  Http h = { 0 };
  http_do (mock_server_port (s), "/api/ask", big, 10000, &h);
  g_assert_cmpint (h.status, ==, 413);
  http_clear (&h);
}

/* ---- profiles ----------------------------------------------------------- */

static void
test_profile_exact_vs_fuzzy (void)
{
  g_autoptr (MockServer) exact = start_mock (MOCK_PROFILE_EXACT, -1, -1);
  g_autoptr (MockServer) fuzzy = start_mock (MOCK_PROFILE_FUZZY, -1, -1);
  const char *q = "dang ky tam tru mat bao lau";
  g_autofree char *a = ask_openai (mock_server_port (exact), q);
  g_autofree char *b = ask_openai (mock_server_port (fuzzy), q);
  g_assert_true (g_str_has_prefix (a, refusal_start));
  g_assert_nonnull (strstr (b, "03 ngày làm việc"));
  g_autofree char *c
      = ask_openai (mock_server_port (exact), "Đăng ký tạm trú mất bao lâu?");
  g_assert_nonnull (strstr (c, "03 ngày làm việc"));
}

static void
test_profile_wrong_fees (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_WRONG_FEES, -1, -1);
  g_autofree char *a
      = ask_openai (mock_server_port (s), "Lệ phí đăng ký tạm trú trực tiếp?");
  g_assert_null (strstr (a, " 15.000 đồng"));
  g_assert_nonnull (strstr (a, "150.000 đồng"));
  g_autofree char *b
      = ask_openai (mock_server_port (s), "Đăng ký khai sinh có mất phí?");
  g_assert_null (strstr (b, "miễn"));
}

/* Sequential requests consume the seeded draws in order: the same seed
 * gives the same outcomes. */
static GString *
flaky_pattern (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_FLAKY, 0, 0.5);
  g_autofree char *body = openai_body ("Đăng ký tạm trú mất bao lâu?");
  GString *pattern = g_string_new (NULL);
  for (guint i = 0; i < 40; i++) {
    Http h = { 0 };
    http_do (mock_server_port (s), "/v1/chat/completions", body, 10000, &h);
    char c = h.code != CURLE_OK ? 'x' : h.status == 503 ? '5' : 'o';
    if (c == 'o')
      g_assert_cmpint (h.status, ==, 200);
    g_string_append_c (pattern, c);
    http_clear (&h);
  }
  return pattern;
}

static void
test_profile_flaky (void)
{
  GString *a = flaky_pattern ();
  GString *b = flaky_pattern ();
  g_test_message ("flaky pattern %s", a->str);
  g_assert_nonnull (strchr (a->str, '5'));
  g_assert_nonnull (strchr (a->str, 'o'));
  g_assert_nonnull (strchr (a->str, 'x'));
  g_assert_cmpstr (a->str, ==, b->str);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
}

/* The delay is a lower bound of the server-side time the mock reports. */
static void
test_profile_slow (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_SLOW, 100, -1);
  g_autofree char *body = openai_body ("Đăng ký tạm trú mất bao lâu?");
  Http h = { 0 };
  http_do (mock_server_port (s), "/v1/chat/completions", body, 10000, &h);
  g_assert_cmpint (h.status, ==, 200);
  guint64 us = 0;
  g_assert_true (
      g_ascii_string_to_unsigned (h.time_us, 10, 0, G_MAXUINT64, &us, NULL));
  g_assert_cmpuint (us, >=, 100000);
  http_clear (&h);
}

/* Many delayed requests at once all complete: the delay suspends
 * connections instead of blocking the server's only thread. */
static void
test_profile_slow_concurrent (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_SATURATING, 200, -1);
  g_autofree char *body = openai_body ("Lệ phí đăng ký thường trú?");
  g_autofree char *url = g_strdup_printf (
      "http://127.0.0.1:%u/v1/chat/completions", mock_server_port (s));
  g_autoptr (CURLM) multi = curl_multi_init ();
  enum { N = 64 };
  CURL *easy[N];
  Http h[N];
  memset (h, 0, sizeof h);
  for (guint i = 0; i < N; i++) {
    h[i].body = g_string_new (NULL);
    easy[i] = curl_easy_init ();
    curl_easy_setopt (easy[i], CURLOPT_URL, url);
    curl_easy_setopt (easy[i], CURLOPT_POSTFIELDS, body);
    curl_easy_setopt (easy[i], CURLOPT_TIMEOUT_MS, 20000L);
    curl_easy_setopt (easy[i], CURLOPT_WRITEFUNCTION, http_write);
    curl_easy_setopt (easy[i], CURLOPT_WRITEDATA, &h[i]);
    curl_multi_add_handle (multi, easy[i]);
  }
  int running = 1;
  while (running) {
    curl_multi_perform (multi, &running);
    if (running)
      curl_multi_poll (multi, NULL, 0, 1000, NULL);
  }
  for (guint i = 0; i < N; i++) {
    long status = 0;
    curl_easy_getinfo (easy[i], CURLINFO_RESPONSE_CODE, &status);
    g_assert_cmpint (status, ==, 200);
    g_autofree char *a = openai_content (h[i].body->str);
    g_assert_nonnull (strstr (a, "20.000 đồng"));
    curl_multi_remove_handle (multi, easy[i]);
    curl_easy_cleanup (easy[i]);
    http_clear (&h[i]);
  }
  g_assert_cmpuint (mock_server_requests (s), ==, N);
}

static void
test_profile_saturating (void)
{
  g_autoptr (MockServer) s = start_mock (MOCK_PROFILE_SATURATING, 0, -1);
  g_autofree char *body = openai_body ("Đăng ký tạm trú mất bao lâu?");
  Http h = { 0 };
  http_do (mock_server_port (s), "/v1/chat/completions", body, 10000, &h);
  g_assert_cmpint (h.status, ==, 200);
  guint64 us = 0;
  g_assert_true (
      g_ascii_string_to_unsigned (h.time_us, 10, 0, G_MAXUINT64, &us, NULL));
  g_assert_cmpuint (us, >=, 22000); /* 20 ms + 2 ms × itself */
  http_clear (&h);
}

/* ---- fault profiles ----------------------------------------------------- */

static void
fault_request (MockProfile p, long timeout_ms, gsize cap, Http *h)
{
  g_autoptr (MockServer) s = start_mock (p, -1, -1);
  g_autofree char *body = openai_body ("Đăng ký tạm trú mất bao lâu?");
  h->cap = cap;
  http_do (mock_server_port (s), "/v1/chat/completions", body, timeout_ms, h);
  if (p == MOCK_PROFILE_REDIRECT) {
    g_autofree char *want = g_strdup_printf ("http://127.0.0.2:%u/elsewhere",
                                             mock_server_port (s));
    g_assert_cmpstr (h->location, ==, want);
  }
  /* Freeing the server with a hung or trickling connection must not
   * block or crash: it is part of the test. */
}

static void
test_fault_hang (void)
{
  Http h = { 0 };
  fault_request (MOCK_PROFILE_HANG, 300, 0, &h);
  g_assert_cmpint (h.code, ==, CURLE_OPERATION_TIMEDOUT);
  g_assert_cmpuint (h.body->len, ==, 0);
  http_clear (&h);
}

static void
test_fault_trickle (void)
{
  Http h = { 0 };
  fault_request (MOCK_PROFILE_TRICKLE, 1500, 0, &h);
  g_assert_cmpint (h.code, ==, CURLE_OPERATION_TIMEDOUT);
  g_assert_cmpint (h.status, ==, 200);
  g_assert_cmpuint (h.body->len, <, 10);
  http_clear (&h);
}

static void
test_fault_huge (void)
{
  Http h = { 0 };
  fault_request (MOCK_PROFILE_HUGE, 10000, 1024 * 1024, &h);
  g_assert_cmpint (h.code, ==, CURLE_WRITE_ERROR);
  g_assert_cmpint (h.status, ==, 200);
  g_assert_true (g_str_has_prefix (h.body->str, "{\"choices\""));
  http_clear (&h);
}

static void
test_fault_endless (void)
{
  Http h = { 0 };
  fault_request (MOCK_PROFILE_ENDLESS, 10000, 2 * 1024 * 1024, &h);
  g_assert_cmpint (h.code, ==, CURLE_WRITE_ERROR);
  g_assert_cmpuint (h.body->len, >, 1024 * 1024);
  http_clear (&h);
}

static void
test_fault_bodies (void)
{
  Http h = { 0 };
  fault_request (MOCK_PROFILE_HTML, 10000, 0, &h);
  g_assert_cmpint (h.status, ==, 200);
  g_assert_true (g_str_has_prefix (h.ctype, "text/html"));
  g_assert_true (g_str_has_prefix (h.body->str, "<!DOCTYPE html>"));
  http_clear (&h);

  fault_request (MOCK_PROFILE_BAD_JSON, 10000, 0, &h);
  g_assert_cmpint (h.status, ==, 200);
  g_autoptr (cJSON) bad = cJSON_Parse (h.body->str);
  g_assert_null (bad);
  http_clear (&h);

  fault_request (MOCK_PROFILE_BAD_UTF8, 10000, 0, &h);
  g_assert_cmpint (h.status, ==, 200);
  g_assert_false (g_utf8_validate (h.body->str, (gssize)h.body->len, NULL));
  g_autoptr (cJSON) json = cJSON_Parse (h.body->str);
  g_assert_nonnull (json); /* well-formed JSON, broken text */
  http_clear (&h);
}

static void
test_fault_connection (void)
{
  Http h = { 0 };
  fault_request (MOCK_PROFILE_RESET, 10000, 0, &h);
  g_assert_true (h.code == CURLE_GOT_NOTHING || h.code == CURLE_RECV_ERROR);
  http_clear (&h);

  fault_request (MOCK_PROFILE_REDIRECT, 10000, 0, &h);
  g_assert_cmpint (h.code, ==, CURLE_OK);
  g_assert_cmpint (h.status, ==, 302);
  http_clear (&h);
}

static void
test_server_options (void)
{
  MockProfile p;
  g_autoptr (GError) error = NULL;
  g_assert_true (mock_profile_from_name ("wrong-fees", &p, &error));
  g_assert_cmpint (p, ==, MOCK_PROFILE_WRONG_FEES);
  g_assert_cmpstr (mock_profile_name (MOCK_PROFILE_BAD_UTF8), ==, "bad-utf8");
  g_assert_false (mock_profile_from_name ("lazy", &p, &error));
  g_assert_error (error, MOCK_ERROR, MOCK_ERROR_PROFILE);
  g_clear_error (&error);
  MockOptions o;
  mock_options_init (&o);
  o.host = "localhost.invalid";
  g_assert_null (mock_server_start (&o, &error));
  g_assert_error (error, MOCK_ERROR, MOCK_ERROR_LISTEN);
  g_clear_error (&error);
  mock_options_init (&o);
  o.kb_path = "/nonexistent/kb.jsonl";
  g_assert_null (mock_server_start (&o, &error));
  g_assert_error (error, JSONL_ERROR, JSONL_ERROR_IO);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  curl_global_init (CURL_GLOBAL_DEFAULT);
  g_test_add_func ("/mock/proto/split", test_proto_split);
  g_test_add_func ("/mock/http/openai", test_http_openai);
  g_test_add_func ("/mock/http/openai-stream", test_http_openai_stream);
  g_test_add_func ("/mock/http/openai-history", test_http_openai_history);
  g_test_add_func ("/mock/http/rasa-session", test_http_rasa_session);
  g_test_add_func ("/mock/http/template-session", test_http_template_session);
  g_test_add_func ("/mock/http/bad-input", test_http_bad_input);
  g_test_add_func ("/mock/profile/exact-vs-fuzzy", test_profile_exact_vs_fuzzy);
  g_test_add_func ("/mock/profile/wrong-fees", test_profile_wrong_fees);
  g_test_add_func ("/mock/profile/flaky", test_profile_flaky);
  g_test_add_func ("/mock/profile/slow", test_profile_slow);
  g_test_add_func ("/mock/profile/slow-concurrent",
                   test_profile_slow_concurrent);
  g_test_add_func ("/mock/profile/saturating", test_profile_saturating);
  g_test_add_func ("/mock/fault/hang", test_fault_hang);
  g_test_add_func ("/mock/fault/trickle", test_fault_trickle);
  g_test_add_func ("/mock/fault/huge", test_fault_huge);
  g_test_add_func ("/mock/fault/endless", test_fault_endless);
  g_test_add_func ("/mock/fault/bodies", test_fault_bodies);
  g_test_add_func ("/mock/fault/connection", test_fault_connection);
  g_test_add_func ("/mock/server/options", test_server_options);
  int rc = g_test_run ();
  curl_global_cleanup ();
  return rc;
}
