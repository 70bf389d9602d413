/* The pre-flight's diagnosis (harness/preflight.c), pure: what a probe
 * saw → whether the submission is fired, the reason and the fix. The
 * probes themselves run against the mock in tests/cli/preflight.sh. */
#include <string.h>

#include "harness/preflight.h"

static Manifest *
manifest (const char *endpoint, const char *adapter, const char *auth_env)
{
  Manifest *m = g_new0 (Manifest, 1);
  m->id = g_strdup ("tinh-a");
  m->path = g_strdup ("tinh-a.json");
  m->endpoint = g_strdup (endpoint);
  m->adapter = g_strdup (adapter);
  m->auth_env = g_strdup (auth_env);
  m->auth_type = auth_env ? g_strdup ("bearer") : NULL;
  return m;
}

typedef struct {
  const char *name;
  const char *endpoint, *adapter, *auth_env;
  PreflightSeen seen;
  PreflightState state;
  const char *reason, *fix; /* substrings; fix NULL: none wanted */
} Case;

static const Case cases[] = {
  { "answered", "http://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_NONE, 200, FALSE, NULL, "{}", NULL }, PREFLIGHT_OK,
    "answered", NULL },
  { "base-url-v1", "http://h:8080/v1", "openai-chat", NULL,
    { FAILURE_HTTP_4XX, 404, FALSE, "HTTP status 404", "{}", NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 404 (no such path) at http://h:8080/v1",
    "the URL ends in /v1; the chat path is /v1/chat/completions?" },
  { "base-url-slash", "https://h/api/v1/", "openai-chat", NULL,
    { FAILURE_HTTP_4XX, 404, FALSE, NULL, NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 404",
    "the URL ends in /v1; the chat path is /api/v1/chat/completions?" },
  { "no-path", "http://h:9", "openai-chat", NULL,
    { FAILURE_HTTP_4XX, 405, FALSE, NULL, NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 405 (method not allowed)",
    "the URL has no path; the chat path is usually /v1/chat/completions" },
  { "rasa-half", "http://h/webhooks/rest", "rasa-rest", NULL,
    { FAILURE_HTTP_4XX, 404, FALSE, NULL, NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 404",
    "the URL ends in /webhooks/rest; the Rasa path is "
    "/webhooks/rest/webhook?" },
  { "other-path", "http://h/chat", "openai-chat", NULL,
    { FAILURE_HTTP_4XX, 404, FALSE, NULL, NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 404", "usually posts to …/v1/chat/completions" },
  { "401-no-auth", "http://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_HTTP_4XX, 401, FALSE, NULL, "{\"error\": \"unauthorized\"}",
      NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 401 (credentials wanted): {\"error\"",
    "the manifest sends no token" },
  { "401-token", "http://h/v1/chat/completions", "openai-chat", "TINH_A",
    { FAILURE_HTTP_4XX, 401, FALSE, NULL, NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 401", "the token in $TINH_A is refused" },
  { "403", "http://h/v1/chat/completions", "openai-chat", "TINH_A",
    { FAILURE_HTTP_4XX, 403, FALSE, NULL, NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 403 (forbidden)", "admits only some" },
  { "400-shape", "http://h/api", "template", NULL,
    { FAILURE_HTTP_4XX, 400, FALSE, NULL, "thiếu trường \"q\"", NULL },
    PREFLIGHT_UNAVAILABLE, "HTTP 400: the request was refused: thiếu",
    "is \"adapter\" (template) the protocol" },
  { "dns", "http://tinh-a.invalid/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_DNS, 0, FALSE, "Could not resolve host", NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "the host name of tinh-a.invalid does not resolve",
    "check the host" },
  { "refused", "http://127.0.0.1:1/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_CONNECT, 0, TRUE, "Couldn't connect to server", NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "no connection to 127.0.0.1:1",
    "is the assistant running" },
  { "reset", "http://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_CONNECT, 0, FALSE, "Empty reply from server", NULL, NULL },
    PREFLIGHT_WARNING, "dropped before an answer", NULL },
  { "tls", "https://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_TLS, 0, FALSE, "SSL certificate problem", NULL, NULL },
    PREFLIGHT_UNAVAILABLE, "TLS with h failed (SSL certificate problem)",
    "the certificate must be valid" },
  { "redirect", "http://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_REDIRECT, 302, FALSE, NULL, NULL, "https://moi.example/v1" },
    PREFLIGHT_UNAVAILABLE, "HTTP 302 redirects to https://moi.example/v1",
    "use https://moi.example/v1 as \"endpoint\"" },
  { "html", "http://h/", "openai-chat", NULL,
    { FAILURE_BAD_JSON, 200, FALSE, "not JSON",
      "<!DOCTYPE html>\n<html><title>Cổng dịch vụ công</title>", NULL },
    PREFLIGHT_UNAVAILABLE,
    "an HTML page, not the openai-chat adapter's JSON: <!DOCTYPE html> "
    "<html><title>Cổng dịch vụ công",
    "the web site rather than its API" },
  { "wrong-shape", "http://h/webhooks/rest/webhook", "openai-chat", NULL,
    { FAILURE_BAD_JSON, 200, FALSE, "no choices[0].message.content",
      "[{\"recipient_id\": \"x\", \"text\": \"Xin chào\"}]", NULL },
    PREFLIGHT_UNAVAILABLE,
    "not the openai-chat adapter's shape (no choices[0].message.content)",
    "check \"adapter\" (openai-chat)" },
  { "5xx", "http://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_HTTP_5XX, 503, FALSE, "HTTP status 503", NULL, NULL },
    PREFLIGHT_WARNING, "http_5xx: HTTP status 503", NULL },
  { "timeout", "http://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_TIMEOUT, 0, FALSE, "Operation timed out", NULL, NULL },
    PREFLIGHT_WARNING, "timeout", NULL },
  { "408", "http://h/v1/chat/completions", "openai-chat", NULL,
    { FAILURE_HTTP_4XX, 408, FALSE, "HTTP status 408", NULL, NULL },
    PREFLIGHT_WARNING, "http_4xx", NULL },
};

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  Manifest *m = manifest (c->endpoint, c->adapter, c->auth_env);
  PreflightResult r;
  preflight_diagnose (m, &c->seen, &r);
  if (r.state != c->state || strstr (r.reason, c->reason) == NULL
      || (c->fix == NULL) != (r.fix == NULL)
      || (c->fix && strstr (r.fix, c->fix) == NULL))
    g_error ("%s: got %s \"%s\" fix \"%s\"", c->name,
             preflight_state_name (r.state), r.reason,
             r.fix ? r.fix : "(none)");
  g_assert_cmpint (r.cls, ==, c->seen.cls);
  g_autoptr (cJSON) j = preflight_result_json (&r);
  g_assert_cmpstr (cJSON_GetObjectItem (j, "state")->valuestring, ==,
                   preflight_state_name (c->state));
  preflight_result_clear (&r);
  manifest_free (m);
}

/* A redirect to a host the manifest allows is followed by the run: not a
 * reason to stop. */
static void
test_redirect_allowed (void)
{
  Manifest *m = manifest ("http://h/v1/chat/completions", "openai-chat",
                          NULL);
  char *hosts[] = { "moi.example", NULL };
  m->redirect_hosts = g_strdupv (hosts);
  PreflightSeen seen = { FAILURE_REDIRECT, 307, FALSE, NULL, NULL,
                         "https://moi.example/v1/chat/completions" };
  PreflightResult r;
  preflight_diagnose (m, &seen, &r);
  g_assert_cmpint (r.state, ==, PREFLIGHT_WARNING);
  g_assert_nonnull (strstr (r.reason, "a host the manifest allows"));
  preflight_result_clear (&r);
  manifest_free (m);
}

static void
assert_one_line (const char *s)
{
  g_assert_true (g_utf8_validate (s, -1, NULL));
  for (const char *p = s; *p; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      g_error ("control character U+%04X in \"%s\"", g_utf8_get_char (p), s);
}

/* Found by fuzz-adapter: what the endpoint sends — its body, a Location,
 * the detail about it — reaches the reason, which the operator's terminal
 * and the reports show. An ESC (a terminal escape sequence), a C1 control
 * or a line break becomes a space; the words stay. */
static void
test_hostile_text (void)
{
  Manifest *m = manifest ("http://h/v1/chat/completions", "openai-chat",
                          NULL);
  PreflightSeen bodies = { FAILURE_HTTP_4XX, 403, FALSE,
                           "HTTP status 403\r\nX-Forged: 1",
                           "\x1b]0;Tỉnh B\x07Truy cập bị từ chối\x05", NULL };
  PreflightResult r;
  preflight_diagnose (m, &bodies, &r);
  g_assert_cmpint (r.state, ==, PREFLIGHT_UNAVAILABLE);
  assert_one_line (r.reason);
  g_assert_nonnull (strstr (r.reason, "Truy cập bị từ chối"));
  if (r.fix)
    assert_one_line (r.fix);
  preflight_result_clear (&r);
  PreflightSeen moved = { FAILURE_REDIRECT, 301, FALSE, NULL, NULL,
                          "http://khac.example/\x1b[2J\xc2\x9b" "31m" };
  preflight_diagnose (m, &moved, &r);
  assert_one_line (r.reason);
  g_assert_nonnull (strstr (r.reason, "khac.example"));
  if (r.fix)
    assert_one_line (r.fix);
  preflight_result_clear (&r);
  manifest_free (m);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++) {
    g_autofree char *n = g_strdup_printf ("/preflight/diagnose/%s",
                                          cases[i].name);
    g_test_add_data_func (n, &cases[i], test_case);
  }
  g_test_add_func ("/preflight/redirect-allowed", test_redirect_allowed);
  g_test_add_func ("/preflight/hostile-text", test_hostile_text);
  return g_test_run ();
}
