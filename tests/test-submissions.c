/* Manifests and adapters: loading with errors naming file:line and field,
 * secrets kept out of snapshots, requests JSON-escaped whatever the
 * question holds, answers read or classified for every protocol. */
#include <glib/gstdio.h>
#include <string.h>

#include "submissions/adapter.h"
#include "submissions/manifest.h"
#include "tests/vb-test.h"
#include "util/jsonl.h"

static char *tmpdir;

static char *
write_tmp (const char *name, const char *data)
{
  char *path = g_build_filename (tmpdir, name, NULL);
  g_assert_true (g_file_set_contents (path, data, -1, NULL));
  return path;
}

static void
test_manifest_good_and_secret (void)
{
  g_setenv ("VABENCH_TEST_TOKEN", "sk-bi-mat-0123456789", TRUE);
  g_autofree char *p = write_tmp (
      "hn.json", "{\"id\": \"ha-noi\", \"name\": \"Trợ lý ảo Hà Nội\",\n"
                 " \"province\": \"Hà Nội\",\n"
                 " \"endpoint\": \"http://127.0.0.1:1/v1/chat/completions\",\n"
                 " \"adapter\": \"openai-chat\", \"model\": \"m\",\n"
                 " \"auth\": {\"type\": \"bearer\", \"env\": "
                 "\"VABENCH_TEST_TOKEN\"},\n"
                 " \"concurrency\": 8, \"timeout_ms\": 2000}\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (Manifest) m = manifest_load (p, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m->secret, ==, "sk-bi-mat-0123456789");
  g_assert_cmpuint (m->concurrency, ==, 8);
  g_autoptr (cJSON) snap = manifest_snapshot (m);
  g_autofree char *text = jsonl_print (snap);
  g_assert_null (strstr (text, "sk-bi-mat"));
  g_assert_nonnull (strstr (text, "VABENCH_TEST_TOKEN"));

  AdapterTurn t = { "Xin chào", NULL, "s1", 0 };
  AdapterRequest req = { 0 };
  g_assert_true (adapter_build_request (m, &t, &req, NULL));
  gboolean has_auth = FALSE;
  for (struct curl_slist *h = req.headers; h; h = h->next)
    has_auth |= strcmp (h->data, "Authorization: Bearer sk-bi-mat-0123456789")
                == 0;
  g_assert_true (has_auth);
  g_assert_null (strstr (req.body, "sk-bi-mat"));
  adapter_request_clear (&req);
}

static void
test_manifest_missing_secret (void)
{
  g_unsetenv ("VABENCH_TEST_ABSENT");
  g_autofree char *p = write_tmp (
      "x.json", "{\"id\": \"x\", \"endpoint\": \"http://127.0.0.1:1/\", "
                "\"adapter\": \"rasa-rest\", \"auth\": {\"type\": \"bearer\", "
                "\"env\": \"VABENCH_TEST_ABSENT\"}}");
  g_autoptr (GError) error = NULL;
  g_assert_null (manifest_load (p, &error));
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_SECRET);
  g_assert_nonnull (strstr (error->message, "VABENCH_TEST_ABSENT"));
}

typedef struct {
  const char *name, *data, *expect;
} BadManifest;

static const BadManifest bad_manifests[] = {
  { "syntax", "{\"id\": \"x\",\n \"endpoint\": }", ":2: invalid JSON" },
  { "missing", "{\"id\": \"x\",\n\"adapter\": \"rasa-rest\"}",
    "field \"endpoint\": missing" },
  { "type", "{\"id\": \"x\",\n\"endpoint\": 5, \"adapter\": \"rasa-rest\"}",
    ":2: field \"endpoint\": expected a string" },
  { "adapter",
    "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n\"adapter\": \"soap\"}",
    ":2: field \"adapter\": unknown adapter \"soap\"" },
  { "url", "{\"id\": \"x\", \"endpoint\": \"ftp://h/\", \"adapter\": "
           "\"rasa-rest\"}",
    "is not an http(s) URL" },
  { "id", "{\"id\": \"x y\", \"endpoint\": \"http://h/\", \"adapter\": "
          "\"rasa-rest\"}",
    "field \"id\"" },
  { "template-no-body",
    "{\"id\": \"t\", \"endpoint\": \"http://h/\", \"adapter\": \"template\", "
    "\"answer_pointer\": \"/a\"}",
    "field \"body\": missing" },
  { "utf8", "{\"id\": \"\xc3\x28\"}", "invalid UTF-8" },
  /* The line is that of the member being read, whatever the message says
   * ("rate" appears in the name's text before the key does). */
  { "rate-line", "{\"id\": \"x\", \"name\": \"rate_per_sec\",\n"
                 "\"endpoint\": \"http://h/\", \"adapter\": \"rasa-rest\",\n"
                 "\"rate_per_sec\": -1}",
    ":3: field \"rate_per_sec\": must be ≥ 0" },
  { "auth-type", "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n"
                 "\"adapter\": \"rasa-rest\",\n\"auth\": {\"type\": \"basic\", "
                 "\"env\": \"T\"}}",
    ":3: field \"auth\": type \"basic\" is neither" },
  /* issue 19: what a manifest from an untrusted run directory could use */
  { "env-any-secret", "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n"
                      "\"adapter\": \"rasa-rest\",\n\"auth\": {\"type\": "
                      "\"bearer\", \"env\": \"GITHUB_TOKEN\"}}",
    ":3: field \"auth\": env \"GITHUB_TOKEN\" is not a token variable: its "
    "name must be VABENCH_[A-Z0-9_]+" },
  { "env-lower", "{\"id\": \"x\", \"endpoint\": \"http://h/\", "
                 "\"adapter\": \"rasa-rest\", \"auth\": {\"type\": "
                 "\"bearer\", \"env\": \"VABENCH_tinh\"}}",
    "is not a token variable" },
  { "env-prefix-only", "{\"id\": \"x\", \"endpoint\": \"http://h/\", "
                       "\"adapter\": \"rasa-rest\", \"auth\": {\"type\": "
                       "\"bearer\", \"env\": \"VABENCH_\"}}",
    "is not a token variable" },
  { "url-credentials",
    "{\"id\": \"x\",\n\"endpoint\": \"https://tinh:mat-khau@h/v1\", "
    "\"adapter\": \"rasa-rest\"}",
    ":2: field \"endpoint\": a URL holding credentials (user:password@) is "
    "refused" },
  { "url-no-host", "{\"id\": \"x\", \"endpoint\": \"http:///v1\", "
                   "\"adapter\": \"rasa-rest\"}",
    "is not a valid URL" },
  { "header-crlf", "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n"
                   "\"adapter\": \"rasa-rest\",\n\"headers\": {\"X-A\": "
                   "\"1\\r\\nX-Admin: true\"}}",
    ":3: field \"headers\": \"X-A\" is not a valid header" },
  { "header-name-space", "{\"id\": \"x\", \"endpoint\": \"http://h/\", "
                         "\"adapter\": \"rasa-rest\", \"headers\": "
                         "{\"X A\": \"1\"}}",
    "\"X A\" is not a valid header" },
  { "header-nul", "{\"id\": \"x\", \"endpoint\": \"http://h/\", "
                  "\"adapter\": \"rasa-rest\", \"headers\": "
                  "{\"X-A\": \"1\\u0000X-B: 2\"}}",
    "a NUL character (\\u0000) is not allowed" },
  { "auth-header-name",
    "{\"id\": \"x\", \"endpoint\": \"http://h/\", \"adapter\": "
    "\"rasa-rest\", \"auth\": {\"type\": \"header\", \"header\": "
    "\"X-Key\\nX-Admin\", \"env\": \"VABENCH_K\"}}",
    "is not a header name" },
  { "timeout-fraction", "{\"id\": \"x\", \"endpoint\": \"http://h/\", "
                        "\"adapter\": \"rasa-rest\", \"timeout_ms\": 2.5}",
    "field \"timeout_ms\": 2.5 is not a whole number" },
  { "header-value", "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n"
                    "\"adapter\": \"rasa-rest\",\n\n\"headers\": {\"X-A\": 1}}",
    ":4: field \"headers\": value of \"X-A\" must be a string" },
  /* Unknown members are errors with a near miss suggested (issue 15):
   * "atuh" used to send every request without its token. */
  { "unknown-atuh", "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n"
                    "\"adapter\": \"rasa-rest\",\n\"atuh\": {\"type\": "
                    "\"bearer\", \"env\": \"T\"}}",
    ":3: field \"atuh\": unknown field (did you mean \"auth\"?)" },
  { "unknown-far", "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n"
                   "\"adapter\": \"rasa-rest\", \"priority\": 1}",
    ":2: field \"priority\": unknown field (known: id, name" },
  { "unknown-auth-member",
    "{\"id\": \"x\", \"endpoint\": \"http://h/\", \"adapter\": "
    "\"rasa-rest\",\n\"auth\": {\"type\": \"bearer\",\n\"evn\": \"T\"}}",
    ":3: field \"auth.evn\": unknown field (did you mean \"env\"?)" },
  { "timeout-typo", "{\"id\": \"x\", \"endpoint\": \"http://h/\",\n"
                    "\"adapter\": \"rasa-rest\", \"timeout\": 9000}",
    ":2: field \"timeout\": unknown field" },
};

static void
test_manifest_bad (gconstpointer data)
{
  const BadManifest *c = data;
  g_autofree char *name = g_strdup_printf ("bad-%s.json", c->name);
  g_autofree char *p = write_tmp (name, c->data);
  g_autoptr (GError) error = NULL;
  g_assert_null (manifest_load (p, &error));
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, p)
      || strstr (error->message, c->expect) == NULL)
    g_error ("%s: got \"%s\", want \"%s\"", c->name, error->message,
             c->expect);
}

/* The password of a URL never reaches a message (which is printed). */
static void
test_manifest_url_password_not_echoed (void)
{
  g_autofree char *p = write_tmp (
      "cred.json", "{\"id\": \"x\", \"endpoint\": "
                   "\"https://tinh:mat-khau-42@h/v1\", \"adapter\": "
                   "\"rasa-rest\"}");
  g_autoptr (GError) error = NULL;
  g_assert_null (manifest_load (p, &error));
  g_assert_null (strstr (error->message, "mat-khau-42"));
}

/* A token holding a line break would add request headers of its own. */
static void
test_manifest_token_line_break (void)
{
  g_setenv ("VABENCH_TEST_CRLF", "sk-1\r\nX-Admin: true", TRUE);
  g_autofree char *p = write_tmp (
      "crlf.json", "{\"id\": \"x\", \"endpoint\": \"http://h/\", "
                   "\"adapter\": \"rasa-rest\", \"auth\": {\"type\": "
                   "\"bearer\", \"env\": \"VABENCH_TEST_CRLF\"}}");
  g_autoptr (GError) error = NULL;
  g_assert_null (manifest_load (p, &error));
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_SECRET);
  g_assert_nonnull (strstr (error->message, "VABENCH_TEST_CRLF"));
  g_assert_null (strstr (error->message, "X-Admin"));
  g_unsetenv ("VABENCH_TEST_CRLF");
}

/* Limits: a manifest is small; a huge one is refused before it is read
 * into memory, as is a device that never ends. */
static void
test_manifest_limits (void)
{
  g_autofree char *big = g_strnfill (2 * 1024 * 1024, ' ');
  big[0] = '{';
  big[2 * 1024 * 1024 - 1] = '}';
  g_autofree char *p = write_tmp ("big.json", big);
  g_autoptr (GError) error = NULL;
  g_assert_null (manifest_load (p, &error));
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "above the limit of 1048576 "
                                            "bytes for a manifest"));
  g_clear_error (&error);
  g_autofree char *line = g_strnfill (100 * 1024, 'a');
  g_autofree char *json = g_strdup_printf (
      "{\"id\": \"x\",\n\"name\": \"%s\"}", line);
  g_autofree char *q = write_tmp ("long.json", json);
  g_assert_null (manifest_load (q, &error));
  g_assert_nonnull (strstr (error->message, ":2: a line of "));
  g_assert_nonnull (strstr (error->message, "above the limit of 65536"));
  g_clear_error (&error);
  g_assert_null (manifest_load ("/dev/zero", &error));
  g_assert_nonnull (strstr (error->message, "not a regular file"));
}

static Manifest *
manifest_of (const char *json)
{
  g_autofree char *p = write_tmp ("m.json", json);
  g_autoptr (GError) error = NULL;
  Manifest *m = manifest_load (p, &error);
  g_assert_no_error (error);
  return m;
}

/* Quotes, backslashes and control characters must survive as one string. */
static const char *const nasty = "Phí \"đặc biệt\" \\ C:\\giấy\ttờ\n\x01 xong";

static void
test_openai_request_history (void)
{
  g_autoptr (Manifest) m = manifest_of (
      "{\"id\": \"o\", \"endpoint\": \"http://h/v1/chat/completions\", "
      "\"adapter\": \"openai-chat\", \"model\": \"gpt\"}");
  const char *hist[] = { "Làm hộ chiếu ở đâu?", "Tại công an tỉnh.", NULL };
  AdapterTurn t = { nasty, hist, "s", 1 };
  AdapterRequest req = { 0 };
  g_assert_true (adapter_build_request (m, &t, &req, NULL));
  g_autoptr (cJSON) body = cJSON_Parse (req.body);
  g_assert_nonnull (body);
  const cJSON *msgs = cJSON_GetObjectItem (body, "messages");
  g_assert_cmpint (cJSON_GetArraySize (msgs), ==, 3);
  g_assert_cmpstr (adapter_json_pointer (body, "/messages/1/role")
                       ->valuestring, ==, "assistant");
  g_assert_cmpstr (adapter_json_pointer (body, "/messages/2/content")
                       ->valuestring, ==, nasty);
  g_assert_cmpstr (adapter_json_pointer (body, "/model")->valuestring, ==,
                   "gpt");
  adapter_request_clear (&req);
}

static void
test_template_request (void)
{
  g_autoptr (Manifest) m = manifest_of (
      "{\"id\": \"t\", \"endpoint\": \"http://h/api/ask\", \"adapter\": "
      "\"template\", \"body\": {\"session\": \"{{session_id}}\", \"turn\": "
      "\"{{turn}}\", \"q\": \"Hỏi: {{question}}\", \"meta\": [\"lượt "
      "{{turn}}\"]}, \"answer_pointer\": \"/data/answer/parts\"}");
  AdapterTurn t = { nasty, NULL, "phien-7", 2 };
  AdapterRequest req = { 0 };
  g_assert_true (adapter_build_request (m, &t, &req, NULL));
  g_autoptr (cJSON) body = cJSON_Parse (req.body);
  g_assert_nonnull (body);
  g_autofree char *want = g_strconcat ("Hỏi: ", nasty, NULL);
  g_assert_cmpstr (cJSON_GetObjectItem (body, "q")->valuestring, ==, want);
  g_assert_cmpstr (cJSON_GetObjectItem (body, "session")->valuestring, ==,
                   "phien-7");
  g_assert_cmpint (cJSON_GetObjectItem (body, "turn")->valueint, ==, 2);
  g_assert_cmpstr (adapter_json_pointer (body, "/meta/0")->valuestring, ==,
                   "lượt 2");
  adapter_request_clear (&req);
  const char *resp = "{\"data\": {\"answer\": {\"parts\": [\"Lệ phí "
                     "15.000 đồng.\", \"Nộp tại công an xã.\"]}}}";
  const char *cls = NULL;
  g_autofree char *detail = NULL;
  gsize len = 0;
  g_autofree char *ans = adapter_parse_answer (m, resp, strlen (resp), NULL,
                                               &len, &cls, &detail);
  g_assert_cmpstr (ans, ==, "Lệ phí 15.000 đồng.\nNộp tại công an xã.");
}

static void
test_rasa (void)
{
  g_autoptr (Manifest) m = manifest_of (
      "{\"id\": \"r\", \"endpoint\": \"http://h/webhooks/rest/webhook\", "
      "\"adapter\": \"rasa-rest\"}");
  AdapterTurn t = { "Thế còn lệ phí?", NULL, "phien-1", 1 };
  AdapterRequest req = { 0 };
  g_assert_true (adapter_build_request (m, &t, &req, NULL));
  g_assert_cmpstr (req.body, ==,
                   "{\"sender\":\"phien-1\",\"message\":\"Thế còn lệ phí?\"}");
  adapter_request_clear (&req);
  const char *resp = "[{\"recipient_id\": \"phien-1\", \"text\": \"Lệ phí "
                     "là 200.000 đồng.\"}, {\"recipient_id\": \"phien-1\", "
                     "\"image\": \"x.png\"}, {\"text\": \"Cần gì thêm?\"}]";
  const char *cls = NULL;
  g_autofree char *detail = NULL;
  gsize len = 0;
  g_autofree char *ans = adapter_parse_answer (m, resp, strlen (resp), NULL,
                                               &len, &cls, &detail);
  g_assert_cmpstr (ans, ==, "Lệ phí là 200.000 đồng.\nCần gì thêm?");
}

typedef struct {
  const char *name, *body, *cls, *answer;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "ok",
    "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"Miễn "
    "phí.\"}}]}",
    NULL, "Miễn phí." },
  { "html", "<html><body>502 Bad Gateway</body></html>", "bad_json", NULL },
  { "no-content", "{\"choices\": []}", "bad_json", NULL },
  { "empty",
    "{\"choices\":[{\"message\":{\"content\":\"   \"}}]}", "empty_answer",
    NULL },
  { "bad-utf8", "{\"choices\":[{\"message\":{\"content\":\"\xc0\xaf\"}}]}",
    "bad_utf8", NULL },
  { "sse",
    "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\"}}]}\n\n"
    "data: {\"choices\":[{\"delta\":{\"content\":\"Thời hạn \"}}]}\n\n"
    "data: {\"choices\":[{\"delta\":{\"content\":\"3 ngày làm việc.\"}}]}\n\n"
    "data: [DONE]\n\n",
    NULL, "Thời hạn 3 ngày làm việc." },
};

static void
test_openai_parse (gconstpointer data)
{
  const ParseCase *c = data;
  g_autoptr (Manifest) m = manifest_of (
      "{\"id\": \"o\", \"endpoint\": \"http://h/\", \"adapter\": "
      "\"openai-chat\"}");
  const char *cls = NULL;
  g_autofree char *detail = NULL;
  gsize len = 0;
  g_autofree char *ans = adapter_parse_answer (m, c->body, strlen (c->body),
                                               NULL, &len, &cls, &detail);
  if (ans)
    g_assert_cmpuint (len, ==, strlen (ans));
  g_assert_cmpstr (cls, ==, c->cls);
  g_assert_cmpstr (ans, ==, c->answer);
  if (c->cls)
    g_assert_nonnull (detail);
}

/* An answer with an escaped NUL keeps what follows it; a raw NUL byte in
 * the body is broken JSON, not broken UTF-8. */
static void
test_parse_nul (void)
{
  g_autoptr (Manifest) m = manifest_of (
      "{\"id\": \"o\", \"endpoint\": \"http://h/\", \"adapter\": "
      "\"openai-chat\"}");
  const char *esc = "{\"choices\":[{\"message\":{\"content\":\"Lệ phí "
                    "15.000 đồng\\u0000 hoặc 150.000 đồng \"}}]}";
  static const char want[] = "Lệ phí 15.000 đồng\0 hoặc 150.000 đồng";
  const char *cls = NULL;
  g_autofree char *detail = NULL;
  gsize len = 0;
  g_autofree char *ans = adapter_parse_answer (m, esc, strlen (esc), NULL,
                                               &len, &cls, &detail);
  g_assert_null (cls);
  g_assert_cmpmem (ans, len, want, sizeof want - 1);
  static const char raw[] = "{\"choices\":[{\"message\":{\"content\":"
                            "\"Lệ phí\0 sai\"}}]}";
  g_autofree char *detail2 = NULL;
  g_autofree char *none = adapter_parse_answer (m, raw, sizeof raw - 1, NULL,
                                                &len, &cls, &detail2);
  g_assert_null (none);
  g_assert_cmpstr (cls, ==, "bad_json");
}

/* A stream as Python's json.dumps spaces it, with the standard empty first
 * delta, a comment, CRLF line ends and an event that is not JSON. */
static const char py_stream[]
    = ": keep-alive\r\n\r\n"
      "data: {\"id\": \"c1\", \"choices\": [{\"index\": 0, \"delta\": "
      "{\"role\": \"assistant\", \"content\": \"\"}}]}\r\n\r\n"
      "data: {\"choices\": [{\"delta\": {\"content\": \"Thời hạn \"}}]}"
      "\r\n\r\n"
      "data: {not json}\n\n"
      "event: message\ndata: {\"choices\": [{\"delta\": {\"content\": "
      "\"3 ngày\\u0000 làm việc.\"}}]}\n\n"
      "data: {\"choices\": [{\"delta\": {}, \"finish_reason\": \"stop\"}]}"
      "\n\n"
      "data: [DONE]\n\n"
      "data: {\"choices\": [{\"delta\": {\"content\": \"after done\"}}]}"
      "\n\n";

/* Whatever the pieces, the same answer; the first token is the piece that
 * brought the first byte of non-empty content, never the empty delta. */
static void
test_sse_pieces (void)
{
  static const char want[] = "Thời hạn 3 ngày\0 làm việc.";
  gsize len = sizeof py_stream - 1;
  const char *first = strstr (py_stream, "Thời hạn");
  for (gsize piece = 1; piece <= len; piece = piece < 8 ? piece + 1
                                                         : piece * 3) {
    g_autoptr (SseReader) r = sse_reader_new ();
    gint64 token_piece = -1;
    for (gsize i = 0, k = 0; i < len; i += piece, k++) {
      sse_reader_feed (r, py_stream + i, MIN (piece, len - i), (gint64) k);
      if (token_piece < 0 && py_stream + i + piece > first)
        token_piece = (gint64) k;
    }
    sse_reader_end (r);
    g_assert_true (sse_reader_saw_event (r));
    g_assert_cmpmem (sse_reader_text (r)->str, sse_reader_text (r)->len, want,
                     sizeof want - 1);
    g_assert_cmpint (sse_reader_first_token (r), ==, token_piece);
  }
}

static void
test_sse_edge (void)
{
  /* only empty deltas: no token, an empty answer */
  const char *empty = "data: {\"choices\": [{\"delta\": {\"content\": "
                      "\"\"}}]}\n\ndata: [DONE]\n\n";
  g_autoptr (SseReader) r = sse_reader_new ();
  sse_reader_feed (r, empty, strlen (empty), 5);
  sse_reader_end (r);
  g_assert_true (sse_reader_saw_event (r));
  g_assert_cmpint (sse_reader_first_token (r), ==, -1);
  g_assert_cmpuint (sse_reader_text (r)->len, ==, 0);
  /* a plain JSON body is no stream; the last event needs no blank line;
   * a data field split over two lines is joined with a newline */
  g_autoptr (SseReader) j = sse_reader_new ();
  const char *json = "{\"choices\":[{\"message\":{\"content\":\"x\"}}]}";
  sse_reader_feed (j, json, strlen (json), 0);
  sse_reader_end (j);
  g_assert_false (sse_reader_saw_event (j));
  g_autoptr (SseReader) t = sse_reader_new ();
  const char *two = "data: {\"choices\": [{\"delta\":\ndata: {\"content\": "
                    "\"hai dòng\"}}]}";
  sse_reader_feed (t, two, strlen (two), 7);
  sse_reader_end (t);
  g_assert_cmpstr (sse_reader_text (t)->str, ==, "hai dòng");
  g_assert_cmpint (sse_reader_first_token (t), ==, 7);
}

static void
test_json_pointer (void)
{
  g_autoptr (cJSON) doc = cJSON_Parse (
      "{\"a/b\": {\"m~n\": [10, 20]}, \"\": 1, \"x\": {\"y\": \"z\"}}");
  g_assert_cmpint (adapter_json_pointer (doc, "/a~1b/m~0n/1")->valueint, ==,
                   20);
  g_assert_cmpstr (adapter_json_pointer (doc, "/x/y")->valuestring, ==, "z");
  g_assert_true (adapter_json_pointer (doc, "") == doc);
  g_assert_null (adapter_json_pointer (doc, "/a~1b/m~0n/7"));
  g_assert_null (adapter_json_pointer (doc, "/a~1b/m~0n/-1"));
  g_assert_null (adapter_json_pointer (doc, "/x/y/z"));
  g_assert_null (adapter_json_pointer (doc, "/nope"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  tmpdir = g_dir_make_tmp ("vb-subm-XXXXXX", NULL);
  g_test_add_func ("/manifest/good-and-secret", test_manifest_good_and_secret);
  g_test_add_func ("/manifest/missing-secret", test_manifest_missing_secret);
  g_test_add_func ("/manifest/url-password-not-echoed",
                   test_manifest_url_password_not_echoed);
  g_test_add_func ("/manifest/token-line-break",
                   test_manifest_token_line_break);
  g_test_add_func ("/manifest/limits", test_manifest_limits);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_manifests); i++) {
    g_autofree char *n = g_strdup_printf ("/manifest/bad/%s",
                                          bad_manifests[i].name);
    g_test_add_data_func (n, &bad_manifests[i], test_manifest_bad);
  }
  g_test_add_func ("/adapter/openai-history-escaping",
                   test_openai_request_history);
  g_test_add_func ("/adapter/template", test_template_request);
  g_test_add_func ("/adapter/rasa", test_rasa);
  g_test_add_func ("/adapter/json-pointer", test_json_pointer);
  g_test_add_func ("/adapter/parse-nul", test_parse_nul);
  g_test_add_func ("/sse/pieces", test_sse_pieces);
  g_test_add_func ("/sse/edge", test_sse_edge);
  for (gsize i = 0; i < G_N_ELEMENTS (parse_cases); i++) {
    g_autofree char *n = g_strdup_printf ("/adapter/openai-parse/%s",
                                          parse_cases[i].name);
    g_test_add_data_func (n, &parse_cases[i], test_openai_parse);
  }
  int rc = g_test_run ();
  vbt_rm_rf (tmpdir);
  g_free (tmpdir);
  return rc;
}
