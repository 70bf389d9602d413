/* One attempt over real loopback HTTP (the mock on port 0, driven with
 * curl_easy_perform): the answer and the endpoint's own time are read, and
 * each failure lands in its class. */
#include <arpa/inet.h>
#include <glib/gstdio.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "harness/transfer.h"
#include "submissions/manifest.h"
#include "submissions/mock/mock.h"

typedef struct {
  MockServer *mock;
  Manifest *m;
  char *dir;
} Fixture;

static Manifest *
manifest_for (const char *dir, const char *url)
{
  g_autofree char *path = g_build_filename (dir, "m.json", NULL);
  g_autofree char *text = g_strdup_printf (
      "{\"id\": \"t\", \"name\": \"Tỉnh Thử\", \"endpoint\": \"%s\", "
      "\"adapter\": \"openai-chat\"}",
      url);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_autoptr (GError) error = NULL;
  Manifest *m = manifest_load (path, &error);
  g_assert_no_error (error);
  return m;
}

static void
fixture_set_up (Fixture *f, MockProfile profile)
{
  MockOptions o;
  mock_options_init (&o);
  o.profile = profile;
  g_autoptr (GError) error = NULL;
  f->mock = mock_server_start (&o, &error);
  g_assert_no_error (error);
  f->dir = g_dir_make_tmp ("vb-transfer-XXXXXX", NULL);
  g_autofree char *url = g_strdup_printf (
      "http://127.0.0.1:%u/v1/chat/completions", mock_server_port (f->mock));
  f->m = manifest_for (f->dir, url);
}

static void
fixture_tear_down (Fixture *f)
{
  manifest_free (f->m);
  mock_server_free (f->mock);
  g_autofree char *path = g_build_filename (f->dir, "m.json", NULL);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

/* Runs one attempt of spec to its end and classifies it; returns the
 * endpoint's own time (-1 when it did not say). */
static gint64
attempt_spec (const TransferSpec *spec, TransferOutcome *o)
{
  AdapterTurn turn = { "Đăng ký khai sinh có mất lệ phí không?", NULL,
                       "phien-1", 0 };
  g_autoptr (CURL) easy = curl_easy_init ();
  Transfer t;
  g_autoptr (GError) error = NULL;
  g_assert_true (transfer_start (&t, easy, spec, &turn, NULL, &error));
  g_assert_no_error (error);
  CURLcode rc = curl_easy_perform (easy);
  transfer_read_outcome (&t, rc, spec->m, o);
  gint64 server_us = t.server_us;
  transfer_clear (&t);
  return server_us;
}

static gint64
attempt (const Manifest *m, gsize max_body, TransferOutcome *o)
{
  TransferSpec spec = { .m = m, .timeout_ms = 5000,
                        .connect_timeout_ms = 2000, .max_body = max_body };
  return attempt_spec (&spec, o);
}

static void
test_answer_and_server_time (void)
{
  Fixture f;
  fixture_set_up (&f, MOCK_PROFILE_EXACT);
  TransferOutcome o = { 0 };
  gint64 server_us = attempt (f.m, 1 << 20, &o);
  g_assert_null (o.cls);
  /* the mock says how long it worked (X-Mock-Time-Us): within the total */
  g_assert_cmpint (server_us, >=, 0);
  g_assert_cmpint (server_us, <=, o.t_total);
  g_assert_cmpint (o.status, ==, 200);
  g_assert_nonnull (o.answer);
  g_assert_true (g_utf8_validate (o.answer, -1, NULL));
  g_assert_cmpint (o.t_total, >, 0);
  g_assert_cmpint (o.t_first, <=, o.t_total);
  g_assert_cmpint (o.opened, ==, 1);
  transfer_outcome_clear (&o);
  fixture_tear_down (&f);
}

static void
test_body_cap_is_too_large (void)
{
  Fixture f;
  fixture_set_up (&f, MOCK_PROFILE_EXACT);
  TransferOutcome o = { 0 };
  attempt (f.m, 16, &o); /* any real answer is longer than 16 bytes */
  g_assert_cmpstr (o.cls, ==, "too_large");
  g_assert_null (o.answer);
  transfer_outcome_clear (&o);
  fixture_tear_down (&f);
}

static void
test_classes (void)
{
  const struct {
    MockProfile profile;
    const char *cls;
  } cases[] = {
    { MOCK_PROFILE_HTML, "bad_json" },
    { MOCK_PROFILE_BAD_JSON, "bad_json" },
    { MOCK_PROFILE_BAD_UTF8, "bad_utf8" },
    { MOCK_PROFILE_RESET, "connect" },
    { MOCK_PROFILE_REDIRECT, "redirect" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    Fixture f;
    fixture_set_up (&f, cases[i].profile);
    TransferOutcome o = { 0 };
    attempt (f.m, 1 << 20, &o);
    g_assert_cmpstr (o.cls, ==, cases[i].cls);
    g_assert_nonnull (o.detail);
    if (cases[i].profile == MOCK_PROFILE_REDIRECT)
      g_assert_true (g_str_has_prefix (o.location, "http://127.0.0.2:"));
    transfer_outcome_clear (&o);
    fixture_tear_down (&f);
  }
}

static void
test_refused_is_connect (void)
{
  /* A port just freed by a stopped mock: nothing listens there. */
  Fixture f;
  fixture_set_up (&f, MOCK_PROFILE_EXACT);
  mock_server_free (g_steal_pointer (&f.mock));
  TransferOutcome o = { 0 };
  attempt (f.m, 1 << 20, &o);
  g_assert_cmpstr (o.cls, ==, "connect");
  g_assert_cmpint (o.status, ==, 0);
  transfer_outcome_clear (&o);
  fixture_tear_down (&f);
}

/* A listening socket on a free loopback port; *port gets it. */
static int
listener (int backlog, guint16 *port)
{
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  struct sockaddr_in a = { .sin_family = AF_INET };
  a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  g_assert_cmpint (bind (fd, (struct sockaddr *) &a, sizeof a), ==, 0);
  g_assert_cmpint (listen (fd, backlog), ==, 0);
  socklen_t len = sizeof a;
  g_assert_cmpint (getsockname (fd, (struct sockaddr *) &a, &len), ==, 0);
  *port = ntohs (a.sin_port);
  return fd;
}

/* Answers one connection with 400 headers of 1 kB, then a body. */
static gpointer
serve_big_headers (gpointer data)
{
  int fd = GPOINTER_TO_INT (data);
  int c = accept (fd, NULL, NULL);
  char buf[4096];
  (void) read (c, buf, sizeof buf);
  GString *r = g_string_new ("HTTP/1.1 200 OK\r\n");
  for (int i = 0; i < 400; i++) {
    g_string_append_printf (r, "X-Pad-%d: ", i);
    for (int k = 0; k < 1000; k++)
      g_string_append_c (r, 'a');
    g_string_append (r, "\r\n");
  }
  g_string_append (r, "Content-Length: 2\r\n\r\n{}");
  (void) send (c, r->str, r->len, MSG_NOSIGNAL);
  g_string_free (r, TRUE);
  close (c);
  return NULL;
}

static Manifest *
manifest_on_port (const char *dir, guint16 port)
{
  g_autofree char *url = g_strdup_printf (
      "http://127.0.0.1:%u/v1/chat/completions", port);
  return manifest_for (dir, url);
}

typedef struct {
  int fd;
  const char *header;
} OneAnswer;

/* Answers one connection with a chat answer and the given header line. */
static gpointer
serve_one (gpointer data)
{
  const OneAnswer *a = data;
  int c = accept (a->fd, NULL, NULL);
  char buf[4096];
  (void) read (c, buf, sizeof buf);
  const char *body = "{\"choices\": [{\"message\": {\"content\": "
                     "\"Miễn lệ phí.\"}}]}";
  g_autofree char *r = g_strdup_printf (
      "HTTP/1.1 200 OK\r\n%s\r\nContent-Type: application/json\r\n"
      "Content-Length: %zu\r\n\r\n%s",
      a->header, strlen (body), body);
  (void) send (c, r, strlen (r), MSG_NOSIGNAL);
  close (c);
  return NULL;
}

static Manifest *manifest_on_port (const char *dir, guint16 port);

/* The endpoint's own time is taken only when the log can hold it: a
 * claim of 1e300 ms is ignored, never cast (undefined behaviour, which
 * -fsanitize=float-cast-overflow now stops). */
static void
test_server_time_claims (void)
{
  static const struct {
    const char *header;
    gint64 want;
  } cases[] = {
    { "Server-Timing: app;dur=12.5", 12500 },
    { "Server-Timing: app;dur=1e300", -1 },
    { "Server-Timing: app;dur=-4", -1 },
    { "Server-Timing: app;dur=nan", -1 },
    { "X-Mock-Time-Us: 99999999999999999999999", -1 },
    { "X-Mock-Time-Us: 1500", 1500 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    guint16 port;
    OneAnswer a = { listener (4, &port), cases[i].header };
    GThread *t = g_thread_new ("one", serve_one, &a);
    g_autofree char *dir = g_dir_make_tmp ("vb-transfer-XXXXXX", NULL);
    g_autoptr (Manifest) m = manifest_on_port (dir, port);
    TransferOutcome o = { 0 };
    gint64 server_us = attempt (m, 1 << 20, &o);
    g_assert_null (o.cls);
    if (server_us != cases[i].want)
      g_error ("%s: t_server_us %" G_GINT64_FORMAT, cases[i].header,
               server_us);
    transfer_outcome_clear (&o);
    g_thread_join (t);
    close (a.fd);
    g_autofree char *p = g_build_filename (dir, "m.json", NULL);
    g_unlink (p);
    g_rmdir (dir);
  }
}

/* libcurl 7.88 calls 300 kB of headers a receive error, which would read
 * as a dropped connection: it is its own class. */
static void
test_headers_too_large (void)
{
  guint16 port;
  int fd = listener (4, &port);
  GThread *t = g_thread_new ("headers", serve_big_headers,
                             GINT_TO_POINTER (fd));
  g_autofree char *dir = g_dir_make_tmp ("vb-transfer-XXXXXX", NULL);
  g_autoptr (Manifest) m = manifest_on_port (dir, port);
  TransferOutcome o = { 0 };
  attempt (m, 1 << 20, &o);
  g_assert_cmpstr (o.cls, ==, "headers_too_large");
  transfer_outcome_clear (&o);
  g_thread_join (t);
  close (fd);
  g_autofree char *p = g_build_filename (dir, "m.json", NULL);
  g_unlink (p);
  g_rmdir (dir);
}

/* Reads one request's head (up to the blank line) into the GString,
 * answers 200 and closes. */
typedef struct {
  int fd;
  GString *head;
} Capture;

static gpointer
capture_head (gpointer data)
{
  Capture *c = data;
  int s = accept (c->fd, NULL, NULL);
  char buf[4096];
  while (strstr (c->head->str, "\r\n\r\n") == NULL) {
    ssize_t n = read (s, buf, sizeof buf);
    if (n <= 0)
      break;
    g_string_append_len (c->head, buf, n);
  }
  char *end = strstr (c->head->str, "\r\n\r\n");
  if (end != NULL)
    g_string_truncate (c->head, (gsize) (end - c->head->str));
  static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n"
                           "Connection: close\r\n\r\n";
  (void) send (s, ok, sizeof ok - 1, MSG_NOSIGNAL);
  close (s);
  return NULL;
}

/* What libcurl sends before the body of a POST of len bytes with
 * headers h to the listener fd on port. */
static char *
head_sent (int fd, guint16 port, const struct curl_slist *h, gsize len)
{
  Capture c = { fd, g_string_new (NULL) };
  GThread *t = g_thread_new ("capture", capture_head, &c);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/v1/chat", port);
  g_autofree char *body = g_malloc (len);
  memset (body, 'a', len);
  g_autoptr (CURL) easy = curl_easy_init ();
  curl_easy_setopt (easy, CURLOPT_URL, url);
  curl_easy_setopt (easy, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt (easy, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) len);
  curl_easy_setopt (easy, CURLOPT_HTTPHEADER, h);
  curl_easy_setopt (easy, CURLOPT_TIMEOUT_MS, 5000L);
  (void) curl_easy_perform (easy); /* the answer does not matter */
  g_thread_join (t);
  return g_string_free (c.head, FALSE);
}

/* adapter_headers_for leaves "Expect:" out only where libcurl would not
 * ask for 100-continue anyway: the request libcurl sends is the same byte
 * for byte, and without the line libcurl 7.88 asks above 1 MiB and not
 * at it — the threshold the shortcut rests on. */
static void
test_expect_left_out_changes_nothing (void)
{
  g_autofree char *dir = g_dir_make_tmp ("vb-transfer-XXXXXX", NULL);
  g_autoptr (Manifest) m = manifest_on_port (dir, 9);
  struct curl_slist *h = adapter_headers (m);
  g_assert_cmpstr (h->data, ==, "Expect:");
  guint16 port;
  int fd = listener (4, &port);
  static const gsize sizes[] = { 120, ADAPTER_EXPECT_THRESHOLD,
                                 ADAPTER_EXPECT_THRESHOLD + 1 };
  for (gsize i = 0; i < G_N_ELEMENTS (sizes); i++) {
    const struct curl_slist *fast = adapter_headers_for (h, m, sizes[i]);
    g_assert_true (fast == (sizes[i] > ADAPTER_EXPECT_THRESHOLD ? h
                                                                 : h->next));
    g_autofree char *plain = head_sent (fd, port, h, sizes[i]);
    g_autofree char *got = head_sent (fd, port, fast, sizes[i]);
    g_assert_cmpstr (got, ==, plain);
    g_assert_null (strstr (plain, "Expect"));
    g_autofree char *without = head_sent (fd, port, h->next, sizes[i]);
    g_assert_true ((strstr (without, "Expect: 100-continue") != NULL)
                   == (sizes[i] > ADAPTER_EXPECT_THRESHOLD));
  }
  /* A manifest's own Expect is overridden by the line: kept. */
  g_autofree char *path = g_build_filename (dir, "m.json", NULL);
  g_autofree char *text = g_strdup (
      "{\"id\": \"t\", \"name\": \"Tỉnh Thử\", \"endpoint\": "
      "\"http://127.0.0.1:9/v1\", \"adapter\": \"openai-chat\", "
      "\"headers\": {\"Expect\": \"100-continue\"}}");
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_autoptr (Manifest) own = manifest_load (path, NULL);
  g_assert_nonnull (own);
  struct curl_slist *oh = adapter_headers (own);
  g_assert_true (adapter_headers_for (oh, own, 120) == oh);
  curl_slist_free_all (oh);
  curl_slist_free_all (h);
  close (fd);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_env_names_proxy (void)
{
  static const struct {
    const char *var, *value;
    gboolean proxy;
  } cases[] = {
    { "http_proxy", "http://10.0.0.1:3128", TRUE },
    { "https_proxy", "http://10.0.0.1:3128", TRUE },
    { "HTTPS_PROXY", "http://10.0.0.1:3128", TRUE },
    { "all_proxy", "socks5://10.0.0.1", TRUE },
    { "ALL_PROXY", "socks5://10.0.0.1", TRUE },
    { "http_proxy", "", FALSE }, /* empty: libcurl reads no proxy */
    { "HTTP_PROXY", "http://10.0.0.1:3128", FALSE }, /* libcurl ignores */
    { "no_proxy", "*", FALSE },
    { "NO_PROXY", "127.0.0.1", FALSE },
    { "PATH", "/usr/bin", FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++) {
    char **env = g_environ_setenv (NULL, "LANG", "vi_VN.UTF-8", TRUE);
    env = g_environ_setenv (env, cases[i].var, cases[i].value, TRUE);
    if (transfer_env_names_proxy ((const char *const *) env)
        != cases[i].proxy)
      g_error ("%s=%s", cases[i].var, cases[i].value);
    g_strfreev (env);
  }
  g_assert_false (transfer_env_names_proxy (NULL));
}

/* One attempt at m with no_env_proxy as the environment decides, as the
 * engine sets it; its class. */
static const char *
class_under_env (const Manifest *m)
{
  g_auto (GStrv) env = g_get_environ ();
  TransferSpec spec = { .m = m, .timeout_ms = 5000,
                        .connect_timeout_ms = 2000, .max_body = 1 << 20,
                        .no_env_proxy = !transfer_env_names_proxy (
                            (const char *const *) env) };
  TransferOutcome o = { 0 };
  (void) attempt_spec (&spec, &o);
  const char *cls = o.cls;
  transfer_outcome_clear (&o);
  return cls;
}

/* An http_proxy in the environment is still used (here one that refuses,
 * so the answer never comes); without one, the endpoint answers. (GLib
 * warns that setenv is not thread-safe once threads exist: the mock's
 * threads read no environment.) */
static void
test_env_proxy_still_used (void)
{
  Fixture f;
  fixture_set_up (&f, MOCK_PROFILE_EXACT);
  guint16 port;
  close (listener (1, &port)); /* nothing listens there now */
  g_autofree char *proxy = g_strdup_printf ("http://127.0.0.1:%u", port);
  g_autofree char *saved = g_strdup (g_getenv ("http_proxy"));
  g_setenv ("http_proxy", proxy, TRUE);
  g_assert_cmpstr (class_under_env (f.m), ==, "connect");
  g_unsetenv ("http_proxy");
  g_unsetenv ("all_proxy");
  g_unsetenv ("ALL_PROXY");
  g_assert_null (class_under_env (f.m));
  if (saved != NULL)
    g_setenv ("http_proxy", saved, TRUE);
  fixture_tear_down (&f);
}

/* The head of the request transfer_start configures on easy (a handle
 * reused as the engine does when reuse is TRUE), sent to the listener fd:
 * with m's endpoint parsed once (parsed) or given to libcurl as text. */
static char *
head_configured (int fd, CURL *easy, const Manifest *m, const char *redirect,
                 const TransferUrl *parsed, gboolean reuse)
{
  Capture c = { fd, g_string_new (NULL) };
  GThread *th = g_thread_new ("capture", capture_head, &c);
  TransferSpec spec = { .m = m, .url = redirect, .timeout_ms = 5000,
                        .connect_timeout_ms = 2000, .max_body = 1 << 20,
                        .reconfigure_only = reuse, .parsed = parsed };
  AdapterTurn turn = { "Thủ tục cấp lại căn cước mất bao lâu?", NULL,
                       "phien-1", 0 };
  Transfer t;
  g_assert_true (transfer_start (&t, easy, &spec, &turn, NULL, NULL));
  (void) curl_easy_perform (easy); /* the answer does not matter */
  transfer_clear (&t);
  g_thread_join (th);
  return g_string_free (c.head, FALSE);
}

/* An endpoint parsed once and handed to libcurl (CURLOPT_CURLU) sends
 * the request libcurl sends when it parses the URL itself, byte for
 * byte; and a redirect's target given on the same handle afterwards
 * wins over the parsed endpoint. */
static void
test_parsed_url_sends_the_same (void)
{
  guint16 port;
  int fd = listener (4, &port);
  g_autofree char *dir = g_dir_make_tmp ("vb-transfer-XXXXXX", NULL);
  static const char *const forms[] = {
    "http://127.0.0.1:%u/v1/chat/completions",
    "http://127.0.0.1:%u/v1/chat?model=a&q=%%C3%%A1+b",
    "http://127.0.0.1:%u/a/./b/../c/",
    "http://127.0.0.1:%u/v1/t%%E1%%BB%%89nh?x=%%22a%%22",
    "http://127.0.0.1:%u",
    "http://127.0.0.1:%u/v1/chat#doan",
    "http://localhost:%u/v1/chat/completions",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (forms); i++) {
    g_autofree char *url = g_strdup_printf (forms[i], port);
    g_autoptr (Manifest) m = manifest_for (dir, url);
    TransferUrl u;
    g_assert_true (transfer_url_parse (&u, m->endpoint));
    g_autoptr (CURL) a = curl_easy_init ();
    g_autoptr (CURL) b = curl_easy_init ();
    g_autofree char *plain = head_configured (fd, a, m, NULL, NULL, FALSE);
    g_autofree char *fast = head_configured (fd, b, m, NULL, &u, FALSE);
    g_assert_cmpstr (fast, ==, plain);
    g_assert_true (g_str_has_prefix (fast, "POST /"));
    /* again on the reused handles */
    g_autofree char *plain2 = head_configured (fd, a, m, NULL, NULL, TRUE);
    g_autofree char *fast2 = head_configured (fd, b, m, NULL, &u, TRUE);
    g_assert_cmpstr (fast2, ==, plain2);
    g_assert_cmpstr (fast2, ==, fast);
    /* a redirect's target, then the endpoint again */
    g_autofree char *to = g_strdup_printf ("http://127.0.0.1:%u/chuyen", port);
    g_autofree char *moved = head_configured (fd, b, m, to, &u, TRUE);
    g_assert_true (g_str_has_prefix (moved, "POST /chuyen HTTP/1.1\r\n"));
    g_autofree char *back = head_configured (fd, b, m, NULL, &u, TRUE);
    g_assert_cmpstr (back, ==, fast);
    transfer_url_clear (&u);
  }
  TransferUrl bad;
  g_assert_false (transfer_url_parse (&bad, "http://exa mple.vn/"));
  g_assert_null (bad.uh);
  close (fd);
  g_autofree char *p = g_build_filename (dir, "m.json", NULL);
  g_unlink (p);
  g_rmdir (dir);
}

/* A listener whose accept queue is full drops new connections' SYNs: the
 * connect times out before anything is sent, which is a connect failure
 * (retried), not a slow answer. */
static void
test_connect_timeout_is_connect (void)
{
  guint16 port;
  int fd = listener (0, &port);
  /* Fill the queue: nothing ever accepts. */
  int fill[4];
  for (int i = 0; i < 4; i++) {
    fill[i] = socket (AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons (port) };
    a.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
    (void) connect (fill[i], (struct sockaddr *) &a, sizeof a);
  }
  g_usleep (50 * 1000); /* let the handshakes land in the queue */
  g_autofree char *dir = g_dir_make_tmp ("vb-transfer-XXXXXX", NULL);
  g_autoptr (Manifest) m = manifest_on_port (dir, port);
  TransferSpec spec = { .m = m, .timeout_ms = 5000,
                        .connect_timeout_ms = 300, .max_body = 1 << 20 };
  AdapterTurn turn = { "Lệ phí?", NULL, "phien-1", 0 };
  g_autoptr (CURL) easy = curl_easy_init ();
  Transfer t;
  g_assert_true (transfer_start (&t, easy, &spec, &turn, NULL, NULL));
  CURLcode rc = curl_easy_perform (easy);
  TransferOutcome o = { 0 };
  transfer_read_outcome (&t, rc, m, &o);
  transfer_clear (&t);
  if (rc != CURLE_OPERATION_TIMEDOUT)
    g_test_skip ("this kernel accepted the connection anyway");
  else
    g_assert_cmpstr (o.cls, ==, "connect");
  transfer_outcome_clear (&o);
  for (int i = 0; i < 4; i++)
    close (fill[i]);
  close (fd);
  g_autofree char *p = g_build_filename (dir, "m.json", NULL);
  g_unlink (p);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  curl_global_init (CURL_GLOBAL_DEFAULT);
  g_test_add_func ("/transfer/answer-and-server-time",
                   test_answer_and_server_time);
  g_test_add_func ("/transfer/body-cap-is-too-large",
                   test_body_cap_is_too_large);
  g_test_add_func ("/transfer/classes", test_classes);
  g_test_add_func ("/transfer/parsed-url-sends-the-same",
                   test_parsed_url_sends_the_same);
  g_test_add_func ("/transfer/env-names-proxy", test_env_names_proxy);
  g_test_add_func ("/transfer/env-proxy-still-used",
                   test_env_proxy_still_used);
  g_test_add_func ("/transfer/expect-left-out-changes-nothing",
                   test_expect_left_out_changes_nothing);
  g_test_add_func ("/transfer/refused-is-connect", test_refused_is_connect);
  g_test_add_func ("/transfer/headers-too-large", test_headers_too_large);
  g_test_add_func ("/transfer/server-time-claims", test_server_time_claims);
  g_test_add_func ("/transfer/connect-timeout-is-connect",
                   test_connect_timeout_is_connect);
  int rc = g_test_run ();
  curl_global_cleanup ();
  return rc;
}
