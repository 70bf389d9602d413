/* Past 800 lines: the server's request handling and its profiles (latency,
 * errors, streaming, confusion) share the connection state; the profiles
 * are what moves out first. */
/* The mock assistant's HTTP layer on libmicrohttpd.
 *
 * Why libmicrohttpd and not libsoup-3: plain C without a GObject main loop,
 * and its epoll threads with suspend/resume hold 10,000 delayed connections
 * without a thread each — a delayed answer is a suspended connection plus
 * an entry in the timer queue (mock_timer.c), never a sleeping thread. The
 * handler runs on MHD's pool of epoll threads (one per core, at most four),
 * so everything it shares is read-only, locked or atomic; the timer
 * callbacks only call MHD_resume_connection, which is thread-safe. */
#include "submissions/mock/mock.h"

#include "submissions/mock/mock_answer.h"
#include "submissions/mock/mock_coin.h"
#include "submissions/mock/mock_proto.h"
#include "submissions/mock/mock_session.h"
#include "submissions/mock/mock_timer.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>

/* clang-format off */
G_DEFINE_QUARK (vabench-mock-error-quark, mock_error)
/* clang-format on */

#define MOCK_BODY_CAP (1024 * 1024)       /* request bodies: 413 above */
#define MOCK_HUGE_SIZE (50 * 1024 * 1024) /* the huge profile's body */
#define MOCK_CONN_LIMIT 20000
#define MOCK_POOL_MAX 4
#define MOCK_SESSION_CAP 65536
#define MOCK_SLOW_DEFAULT_MS 800
#define MOCK_FAIL_DEFAULT 0.3
#define MOCK_RIGHT_DEFAULT 0.7

static const char coin_miss[]
    = "Xin lỗi, lúc này tôi chưa trả lời được câu hỏi này. Anh/chị vui lòng "
      "hỏi lại sau.";

static const char *const profile_names[] = {
  [MOCK_PROFILE_EXACT] = "exact",
  [MOCK_PROFILE_FUZZY] = "fuzzy",
  [MOCK_PROFILE_SLOW] = "slow",
  [MOCK_PROFILE_FLAKY] = "flaky",
  [MOCK_PROFILE_WRONG_FEES] = "wrong-fees",
  [MOCK_PROFILE_CONFUSED] = "confused",
  [MOCK_PROFILE_COIN] = "coin",
  [MOCK_PROFILE_SATURATING] = "saturating",
  [MOCK_PROFILE_HANG] = "hang",
  [MOCK_PROFILE_TRICKLE] = "trickle",
  [MOCK_PROFILE_HUGE] = "huge",
  [MOCK_PROFILE_ENDLESS] = "endless",
  [MOCK_PROFILE_HTML] = "html",
  [MOCK_PROFILE_BAD_JSON] = "bad-json",
  [MOCK_PROFILE_BAD_UTF8] = "bad-utf8",
  [MOCK_PROFILE_RESET] = "reset",
  [MOCK_PROFILE_REDIRECT] = "redirect",
  [MOCK_PROFILE_DRIP] = "drip",
  [MOCK_PROFILE_NUL] = "nul",
};

/* The drip profile: at least this many bytes, one per chunk, this far
 * apart (the timer's resolution makes it slower). */
#define MOCK_DRIP_BYTES 5000
#define MOCK_DRIP_EVERY_US 200

static const char html_page[]
    = "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
      "<title>Bảo trì hệ thống</title></head><body><h1>Hệ thống đang bảo "
      "trì</h1><p>Vui lòng quay lại sau.</p></body></html>\n";

typedef enum {
  OUT_BUFFER,  /* status + payload */
  OUT_HANG,    /* suspend forever */
  OUT_RESET,   /* RST without a response */
  OUT_TRICKLE, /* payload one byte per second */
  OUT_HUGE,    /* 50 MB of JSON */
  OUT_ENDLESS, /* chunked, never ends */
  OUT_DRIP,    /* payload one byte per chunk, MOCK_DRIP_EVERY_US apart */
} OutKind;

struct _MockServer {
  MockOptions opts;
  char *host;
  gint64 delay_us;
  MockKb *kb;
  MockSessions *sessions;
  MockTimer *timer;
  struct MHD_Daemon *daemon;
  guint16 port;
  GMutex lock;       /* guards stopping, hung, rand, authorizations */
  gboolean stopping; /* also read without the lock as a hint */
  GHashTable *hung;  /* struct MHD_Connection* suspended with no timer */
  GRand *rand;
  gint inflight;    /* atomic: requests between first byte and completion */
  guint64 requests; /* atomic */
  GHashTable *authorizations; /* Authorization header seen → count */
  MockCoin *coin;             /* the coin profile's draws, else NULL */
};

typedef struct {
  MockServer *srv;
  struct MHD_Connection *conn;
  char *path;
  gboolean post;
  GByteArray *body;
  gboolean too_large;
  gboolean unauthorized; /* --require-token and not "Bearer TOKEN" */
  gint64 t_start;
  gboolean decided, waited;
  gint64 delay_us;
  OutKind out;
  guint status;
  const char *ctype;
  char *payload;
  char *location;
} MockRequest;

/* State of a streamed body; owned by the MHD response. */
typedef struct {
  MockServer *srv;
  struct MHD_Connection *conn;
  char *payload;
  gsize len;
  gint64 next_at;
  gint64 every_us;
} Stream;

void
mock_options_init (MockOptions *o)
{
  memset (o, 0, sizeof *o);
  o->profile = MOCK_PROFILE_FUZZY;
  o->delay_ms = -1;
  o->fail_rate = -1;
  o->right_rate = -1;
}

gboolean
mock_profile_from_name (const char *name, MockProfile *out, GError **error)
{
  for (gsize i = 0; i < G_N_ELEMENTS (profile_names); i++) {
    if (g_strcmp0 (name, profile_names[i]) == 0) {
      *out = (MockProfile)i;
      return TRUE;
    }
  }
  g_autofree char *all = g_strjoinv (", ", (char **)profile_names);
  g_set_error (error, MOCK_ERROR, MOCK_ERROR_PROFILE,
               "unknown profile \"%s\" (one of: %s)", name ? name : "", all);
  return FALSE;
}

const char *
mock_profile_name (MockProfile p)
{
  return (gsize)p < G_N_ELEMENTS (profile_names) ? profile_names[p] : "?";
}

/* ---- suspend / resume --------------------------------------------------- */

static void
mock_resume_cb (gpointer data)
{
  MHD_resume_connection (data);
}

/* Suspends conn until deadline (or forever when deadline < 0). FALSE once
 * the server is stopping: the caller then closes the connection, so no
 * connection is left suspended when the daemon stops. */
static gboolean
mock_suspend (MockServer *srv, struct MHD_Connection *conn, gint64 deadline)
{
  g_mutex_lock (&srv->lock);
  gboolean ok = !srv->stopping;
  if (ok) {
    MHD_suspend_connection (conn);
    if (deadline >= 0)
      mock_timer_add (srv->timer, deadline, mock_resume_cb, conn);
    else
      g_hash_table_add (srv->hung, conn);
  }
  g_mutex_unlock (&srv->lock);
  return ok;
}

/* ---- requests ----------------------------------------------------------- */

static MockRequest *
mock_request_new (MockServer *srv, struct MHD_Connection *conn, const char *url,
                  const char *method)
{
  MockRequest *req = g_new0 (MockRequest, 1);
  req->srv = srv;
  req->conn = conn;
  req->path = g_strdup (url);
  req->post = strcmp (method, MHD_HTTP_METHOD_POST) == 0;
  req->body = g_byte_array_new ();
  req->t_start = g_get_monotonic_time ();
  g_atomic_int_inc (&srv->inflight);
  (void)__atomic_fetch_add (&srv->requests, 1, __ATOMIC_RELAXED);
  /* Kept for the tests that check a secret reached the endpoint it was
   * meant for (and no other). */
  const char *auth = MHD_lookup_connection_value (
      conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION);
  if (srv->opts.require_token != NULL)
    req->unauthorized = auth == NULL || !g_str_has_prefix (auth, "Bearer ")
                        || strcmp (auth + 7, srv->opts.require_token) != 0;
  if (auth != NULL) {
    g_mutex_lock (&srv->lock);
    guint64 *n = g_hash_table_lookup (srv->authorizations, auth);
    if (n == NULL) {
      n = g_new0 (guint64, 1);
      g_hash_table_insert (srv->authorizations, g_strdup (auth), n);
    }
    (*n)++;
    g_mutex_unlock (&srv->lock);
  }
  return req;
}

static void
mock_request_free (MockRequest *req)
{
  g_atomic_int_dec_and_test (&req->srv->inflight);
  g_free (req->path);
  g_byte_array_unref (req->body);
  g_free (req->payload);
  g_free (req->location);
  g_free (req);
}

/* Keeps at most MOCK_BODY_CAP bytes; the rest is read and dropped so the
 * client gets a clean 413 instead of a reset. */
static void
mock_request_absorb (MockRequest *req, const char *data, size_t len)
{
  if (req->too_large || req->body->len + len > MOCK_BODY_CAP) {
    req->too_large = TRUE;
    return;
  }
  g_byte_array_append (req->body, (const guint8 *)data, (guint)len);
}

static void
mock_set (MockRequest *req, guint status, const char *ctype, char *payload)
{
  req->out = OUT_BUFFER;
  req->status = status;
  req->ctype = ctype;
  g_free (req->payload);
  req->payload = payload;
}

static void
mock_set_error (MockRequest *req, guint status, const char *type,
                const char *msg)
{
  mock_set (req, status, "application/json; charset=utf-8",
            mock_proto_error_body (type, msg));
}

static MockAnswerStyle
mock_style (const MockServer *srv)
{
  MockAnswerStyle st = { MOCK_KB_FUZZY, FALSE, FALSE };
  st.match
      = srv->opts.profile == MOCK_PROFILE_EXACT ? MOCK_KB_EXACT : MOCK_KB_FUZZY;
  st.wrong_fees = srv->opts.profile == MOCK_PROFILE_WRONG_FEES;
  st.confused = srv->opts.profile == MOCK_PROFILE_CONFUSED;
  return st;
}

/* Invalid bytes inside the answer text of an otherwise well-formed JSON
 * body: what an endpoint with a broken transcoder sends. */
static char *
mock_corrupt_utf8 (const char *answer)
{
  return g_strconcat ("L\xe1\xbb\x87 ph\xc3 \xff\xfe", answer, NULL);
}

static void
mock_answer_request (MockRequest *req, const MockProtoRequest *pr)
{
  MockServer *srv = req->srv;
  g_autofree char *context
      = pr->session ? mock_session_get (srv->sessions, pr->session) : NULL;
  MockAnswerStyle st = mock_style (srv);
  const char *used = NULL;
  g_autofree char *answer = mock_answer_reply (
      srv->kb, &st, (const char *const *)pr->turns, context, &used);
  if (pr->session)
    mock_session_set (srv->sessions, pr->session, used);
  if (srv->coin != NULL && pr->turns && pr->turns[0]) {
    guint n = g_strv_length (pr->turns);
    if (!mock_coin_right (srv->coin, pr->turns[n - 1])) {
      /* The draw said wrong: no fact at all this time (the referral
       * names an agency, which is the key of some items). */
      g_free (answer);
      answer = g_strdup (coin_miss);
    }
  }
  if (srv->opts.profile == MOCK_PROFILE_BAD_UTF8) {
    char *bad = mock_corrupt_utf8 (answer);
    g_free (answer);
    answer = bad;
  }
  const char *ctype = NULL;
  char *payload = NULL;
  if (srv->opts.profile == MOCK_PROFILE_DRIP && pr->proto == MOCK_PROTO_OPENAI) {
    payload = mock_proto_format_drip (answer, MOCK_DRIP_BYTES);
    ctype = "text/event-stream; charset=utf-8";
  } else if (srv->opts.profile == MOCK_PROFILE_NUL
             && pr->proto == MOCK_PROTO_OPENAI) {
    g_autofree char *after = mock_answer_falsify_fees (answer);
    payload = mock_proto_format_nul (pr, answer, after);
    ctype = "application/json; charset=utf-8";
  } else
    payload = mock_proto_format (pr, answer, &ctype);
  mock_set (req, 200, ctype, payload);
  if (srv->opts.profile == MOCK_PROFILE_DRIP && pr->proto == MOCK_PROTO_OPENAI)
    req->out = OUT_DRIP;
}

/* The protocol answer: routing, validation, retrieval, formatting. */
static void
mock_respond_protocol (MockRequest *req)
{
  MockProto proto;
  if (!req->post && strcmp (req->path, "/health") == 0) {
    mock_set (req, 200, "application/json",
              g_strdup_printf ("{\"status\":\"ok\",\"profile\":\"%s\"}",
                               mock_profile_name (req->srv->opts.profile)));
    return;
  }
  if (!mock_proto_for_path (req->path, &proto)) {
    mock_set_error (req, 404, "not_found", "no such endpoint");
    return;
  }
  if (!req->post) {
    mock_set_error (req, 405, "method_not_allowed", "use POST");
    return;
  }
  if (req->unauthorized) {
    mock_set_error (req, 401, "unauthorized",
                    "missing or wrong bearer token");
    return;
  }
  if (req->too_large) {
    mock_set_error (req, 413, "too_large", "request body above 1 MiB");
    return;
  }
  g_autoptr (GError) error = NULL;
  g_autoptr (MockProtoRequest) pr = mock_proto_parse (
      proto, (const char *)req->body->data, req->body->len, &error);
  if (pr == NULL) {
    mock_set_error (req, 400, "invalid_request", error->message);
    return;
  }
  mock_answer_request (req, pr);
}

static void
mock_decide_flaky (MockRequest *req)
{
  MockServer *srv = req->srv;
  g_mutex_lock (&srv->lock);
  gboolean fail = g_rand_double (srv->rand) < srv->opts.fail_rate;
  gboolean drop = g_rand_boolean (srv->rand);
  g_mutex_unlock (&srv->lock);
  if (!fail)
    mock_respond_protocol (req);
  else if (drop)
    req->out = OUT_RESET;
  else
    mock_set_error (req, 503, "unavailable", "service temporarily overloaded");
}

/* Cuts a well-formed body in the middle of its answer. */
static void
mock_truncate_json (MockRequest *req)
{
  if (req->status != 200 || req->payload == NULL)
    return;
  gsize len = strlen (req->payload);
  req->payload[len / 2] = '\0';
}

static void
mock_decide (MockRequest *req)
{
  MockServer *srv = req->srv;
  req->decided = TRUE;
  req->delay_us = srv->delay_us;
  switch (srv->opts.profile) {
  case MOCK_PROFILE_SATURATING:
    req->delay_us += 20000 + 2000 * (gint64)g_atomic_int_get (&srv->inflight);
    mock_respond_protocol (req);
    break;
  case MOCK_PROFILE_FLAKY:
    mock_decide_flaky (req);
    break;
  case MOCK_PROFILE_HANG:
    req->out = OUT_HANG;
    break;
  case MOCK_PROFILE_RESET:
    req->out = OUT_RESET;
    break;
  case MOCK_PROFILE_HUGE:
    req->out = OUT_HUGE;
    break;
  case MOCK_PROFILE_ENDLESS:
    req->out = OUT_ENDLESS;
    break;
  case MOCK_PROFILE_HTML:
    mock_set (req, 200, "text/html; charset=utf-8", g_strdup (html_page));
    break;
  case MOCK_PROFILE_REDIRECT:
    mock_set (req, 302, "text/plain", g_strdup ("moved\n"));
    req->location
        = g_strdup_printf ("http://127.0.0.2:%u/elsewhere", srv->port);
    break;
  case MOCK_PROFILE_TRICKLE:
    mock_respond_protocol (req);
    req->out = OUT_TRICKLE;
    break;
  case MOCK_PROFILE_BAD_JSON:
    mock_respond_protocol (req);
    mock_truncate_json (req);
    break;
  default:
    mock_respond_protocol (req);
    break;
  }
}

/* ---- delivery ----------------------------------------------------------- */

static enum MHD_Result
mock_queue (MockRequest *req, struct MHD_Response *resp, guint status)
{
  g_autofree char *us = g_strdup_printf (
      "%" G_GINT64_FORMAT, g_get_monotonic_time () - req->t_start);
  (void)MHD_add_response_header (resp, "X-Mock-Time-Us", us);
  if (req->ctype)
    (void)MHD_add_response_header (resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                                   req->ctype);
  if (req->location)
    (void)MHD_add_response_header (resp, MHD_HTTP_HEADER_LOCATION,
                                   req->location);
  enum MHD_Result ret = MHD_queue_response (req->conn, status, resp);
  MHD_destroy_response (resp);
  return ret;
}

/* Abortive close: SO_LINGER 0 turns the close into a TCP RST. */
static enum MHD_Result
mock_reset (struct MHD_Connection *conn)
{
  const union MHD_ConnectionInfo *ci
      = MHD_get_connection_info (conn, MHD_CONNECTION_INFO_CONNECTION_FD);
  if (ci) {
    struct linger lg = { .l_onoff = 1, .l_linger = 0 };
    (void)setsockopt (ci->connect_fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
  }
  return MHD_NO;
}

static void
mock_stream_free (void *cls)
{
  Stream *s = cls;
  g_free (s->payload);
  g_free (s);
}

/* One byte per second: returning 0 asks MHD to call again, which without a
 * suspension would spin; so suspend until the next byte is due. */
static ssize_t
mock_trickle_read (void *cls, uint64_t pos, char *buf, size_t max)
{
  Stream *s = cls;
  if (pos >= s->len)
    return MHD_CONTENT_READER_END_OF_STREAM;
  gint64 now = g_get_monotonic_time ();
  if (now >= s->next_at) {
    buf[0] = s->payload[pos];
    s->next_at = now + s->every_us;
    return 1;
  }
  if (!mock_suspend (s->srv, s->conn, s->next_at))
    return MHD_CONTENT_READER_END_WITH_ERROR;
  return 0;
}

static const char huge_head[]
    = "{\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
      "\"content\":\"";
static const char huge_tail[] = "\"},\"finish_reason\":\"stop\"}]}";

/* A well-formed 50 MB chat completion: head, filler, tail. */
static ssize_t
mock_huge_read (void *cls, uint64_t pos, char *buf, size_t max)
{
  const uint64_t size = MOCK_HUGE_SIZE;
  const uint64_t hl = sizeof huge_head - 1, tl = sizeof huge_tail - 1;
  if (pos >= size)
    return MHD_CONTENT_READER_END_OF_STREAM;
  size_t n = (size_t)MIN ((uint64_t)max, size - pos);
  for (size_t i = 0; i < n; i++) {
    uint64_t p = pos + i;
    buf[i] = p < hl           ? huge_head[p]
             : p >= size - tl ? huge_tail[p - (size - tl)]
                              : 'a';
  }
  return (ssize_t)n;
}

static ssize_t
mock_endless_read (void *cls, uint64_t pos, char *buf, size_t max)
{
  const uint64_t hl = sizeof huge_head - 1;
  for (size_t i = 0; i < max; i++)
    buf[i] = pos + i < hl ? huge_head[pos + i] : 'a';
  return (ssize_t)max;
}

static enum MHD_Result
mock_deliver_stream (MockRequest *req)
{
  struct MHD_Response *resp = NULL;
  if (req->out == OUT_TRICKLE || req->out == OUT_DRIP) {
    Stream *s = g_new0 (Stream, 1);
    s->srv = req->srv;
    s->conn = req->conn;
    s->len = strlen (req->payload);
    s->payload = g_steal_pointer (&req->payload);
    /* drip: an unknown size makes a chunked body, each byte its chunk */
    s->every_us = req->out == OUT_DRIP ? MOCK_DRIP_EVERY_US : G_USEC_PER_SEC;
    resp = MHD_create_response_from_callback (
        req->out == OUT_DRIP ? MHD_SIZE_UNKNOWN : s->len, 64,
        mock_trickle_read, s, mock_stream_free);
    if (req->out == OUT_DRIP) {
      req->ctype = "text/event-stream; charset=utf-8";
      return mock_queue (req, resp, 200);
    }
  } else if (req->out == OUT_HUGE) {
    resp = MHD_create_response_from_callback (MOCK_HUGE_SIZE, 64 * 1024,
                                              mock_huge_read, NULL, NULL);
  } else {
    resp = MHD_create_response_from_callback (MHD_SIZE_UNKNOWN, 16 * 1024,
                                              mock_endless_read, NULL, NULL);
  }
  req->ctype = "application/json";
  req->status = 200;
  return mock_queue (req, resp, 200);
}

static enum MHD_Result
mock_deliver (MockRequest *req)
{
  switch (req->out) {
  case OUT_BUFFER: {
    const char *p = req->payload ? req->payload : "";
    struct MHD_Response *resp = MHD_create_response_from_buffer (
        strlen (p), (void *)p, MHD_RESPMEM_MUST_COPY);
    return mock_queue (req, resp, req->status);
  }
  case OUT_HANG:
    return mock_suspend (req->srv, req->conn, -1) ? MHD_YES : MHD_NO;
  case OUT_RESET:
    return mock_reset (req->conn);
  default:
    return mock_deliver_stream (req);
  }
}

static enum MHD_Result
mock_on_request (void *cls, struct MHD_Connection *conn, const char *url,
                 const char *method, const char *version,
                 const char *upload_data, size_t *upload_size, void **con_cls)
{
  MockServer *srv = cls;
  MockRequest *req = *con_cls;
  if (req == NULL) {
    *con_cls = mock_request_new (srv, conn, url, method);
    return MHD_YES;
  }
  if (*upload_size > 0) {
    mock_request_absorb (req, upload_data, *upload_size);
    *upload_size = 0;
    return MHD_YES;
  }
  /* Resumed at shutdown: close instead of answering. */
  if (g_atomic_int_get (&srv->stopping))
    return MHD_NO;
  if (!req->decided)
    mock_decide (req);
  if (req->delay_us > 0 && !req->waited) {
    req->waited = TRUE;
    return mock_suspend (srv, conn, req->t_start + req->delay_us) ? MHD_YES
                                                                  : MHD_NO;
  }
  return mock_deliver (req);
}

static void
mock_on_completed (void *cls, struct MHD_Connection *conn, void **con_cls,
                   enum MHD_RequestTerminationCode toe)
{
  if (*con_cls)
    mock_request_free (*con_cls);
  *con_cls = NULL;
}

/* ---- lifecycle ---------------------------------------------------------- */

static void
mock_raise_nofile (void)
{
  struct rlimit rl;
  if (getrlimit (RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= rl.rlim_max)
    return;
  rl.rlim_cur = rl.rlim_max;
  (void)setrlimit (RLIMIT_NOFILE, &rl);
}

static gboolean
mock_check_options (const MockOptions *o, GError **error)
{
  if (o->fail_rate > 1.0) {
    g_set_error (error, MOCK_ERROR, MOCK_ERROR_OPTION,
                 "fail rate %g is above 1", o->fail_rate);
    return FALSE;
  }
  if (o->right_rate > 1.0) {
    g_set_error (error, MOCK_ERROR, MOCK_ERROR_OPTION,
                 "right rate %g is above 1", o->right_rate);
    return FALSE;
  }
  if ((gsize)o->profile >= G_N_ELEMENTS (profile_names)) {
    g_set_error (error, MOCK_ERROR, MOCK_ERROR_PROFILE, "unknown profile %d",
                 (int)o->profile);
    return FALSE;
  }
  return TRUE;
}

/* One epoll thread per core, up to MOCK_POOL_MAX: the handler is
 * thread-safe (read-only KB, locked sessions and draws, atomic counters). */
static unsigned int
mock_pool_size (void)
{
  return (unsigned int) CLAMP (g_get_num_processors (), 1, MOCK_POOL_MAX);
}

static gboolean
mock_listen (MockServer *srv, GError **error)
{
  struct sockaddr_in addr = { .sin_family = AF_INET };
  addr.sin_port = htons (srv->opts.port);
  if (inet_pton (AF_INET, srv->host, &addr.sin_addr) != 1) {
    g_set_error (error, MOCK_ERROR, MOCK_ERROR_LISTEN,
                 "listen address \"%s\" is not an IPv4 address", srv->host);
    return FALSE;
  }
  srv->daemon = MHD_start_daemon (
      MHD_USE_EPOLL_INTERNAL_THREAD | MHD_ALLOW_SUSPEND_RESUME, 0, NULL, NULL,
      mock_on_request, srv, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
      MHD_OPTION_CONNECTION_LIMIT, (unsigned int)MOCK_CONN_LIMIT,
      /* 10,000 simultaneous connects; the kernel caps it at somaxconn */
      MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned int)16384,
      MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)120,
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(16 * 1024),
      MHD_OPTION_THREAD_POOL_SIZE, mock_pool_size (),
      MHD_OPTION_NOTIFY_COMPLETED, mock_on_completed, srv, MHD_OPTION_END);
  if (srv->daemon == NULL) {
    g_set_error (error, MOCK_ERROR, MOCK_ERROR_LISTEN, "cannot listen on %s:%u",
                 srv->host, srv->opts.port);
    return FALSE;
  }
  const union MHD_DaemonInfo *di
      = MHD_get_daemon_info (srv->daemon, MHD_DAEMON_INFO_BIND_PORT);
  srv->port = di ? di->port : srv->opts.port;
  return TRUE;
}

static gint64
mock_default_delay_us (const MockOptions *o)
{
  if (o->delay_ms >= 0)
    return (gint64)o->delay_ms * 1000;
  return o->profile == MOCK_PROFILE_SLOW ? MOCK_SLOW_DEFAULT_MS * 1000 : 0;
}

MockServer *
mock_server_start (const MockOptions *o, GError **error)
{
  if (!mock_check_options (o, error))
    return NULL;
  g_autoptr (MockServer) srv = g_new0 (MockServer, 1);
  g_mutex_init (&srv->lock);
  srv->opts = *o;
  srv->host = g_strdup (o->host ? o->host : "127.0.0.1");
  srv->opts.host = srv->host;
  srv->opts.kb_path = NULL; /* not kept: only used here */
  if (srv->opts.fail_rate < 0)
    srv->opts.fail_rate = MOCK_FAIL_DEFAULT;
  srv->delay_us = mock_default_delay_us (o);
  srv->hung = g_hash_table_new (NULL, NULL);
  srv->authorizations = g_hash_table_new_full (g_str_hash, g_str_equal,
                                               g_free, g_free);
  guint32 seed[2] = { (guint32)o->seed, (guint32)(o->seed >> 32) };
  srv->rand = g_rand_new_with_seed_array (seed, 2);
  srv->sessions = mock_session_new (MOCK_SESSION_CAP);
  if (o->profile == MOCK_PROFILE_COIN)
    srv->coin = mock_coin_new (o->seed, o->right_rate < 0 ? MOCK_RIGHT_DEFAULT
                                                          : o->right_rate);
  srv->kb = mock_kb_load (o->kb_path ? o->kb_path : MOCK_DEFAULT_KB, error);
  if (srv->kb == NULL)
    return NULL;
  mock_raise_nofile ();
  srv->timer = mock_timer_new ();
  if (!mock_listen (srv, error))
    return NULL;
  return g_steal_pointer (&srv);
}

guint16
mock_server_port (const MockServer *s)
{
  return s->port;
}

guint64
mock_server_authorized (MockServer *s, const char *authorization)
{
  g_mutex_lock (&s->lock);
  const guint64 *n = authorization
                         ? g_hash_table_lookup (s->authorizations,
                                                authorization)
                         : NULL;
  guint64 count = n ? *n : 0;
  if (authorization == NULL) {
    GHashTableIter it;
    gpointer v;
    g_hash_table_iter_init (&it, s->authorizations);
    while (g_hash_table_iter_next (&it, NULL, &v))
      count += *(const guint64 *) v;
  }
  g_mutex_unlock (&s->lock);
  return count;
}

guint64
mock_server_requests (const MockServer *s)
{
  return __atomic_load_n (&s->requests, __ATOMIC_RELAXED);
}

/* Every suspended connection must be resumed before MHD_stop_daemon:
 * stopping is set first (under the lock, so nothing suspends afterwards),
 * hung connections are resumed, and freeing the timer runs the pending
 * resumes. The handler then sees stopping and closes each connection. */
static void
mock_resume_all (MockServer *s)
{
  g_mutex_lock (&s->lock);
  g_atomic_int_set (&s->stopping, TRUE);
  GHashTableIter it;
  gpointer conn;
  g_hash_table_iter_init (&it, s->hung);
  while (g_hash_table_iter_next (&it, &conn, NULL))
    MHD_resume_connection (conn);
  g_hash_table_remove_all (s->hung);
  g_mutex_unlock (&s->lock);
  mock_timer_free (g_steal_pointer (&s->timer));
}

void
mock_server_free (MockServer *s)
{
  if (s == NULL)
    return;
  if (s->daemon) {
    mock_resume_all (s);
    MHD_stop_daemon (s->daemon);
  }
  mock_timer_free (s->timer);
  mock_kb_free (s->kb);
  mock_session_free (s->sessions);
  if (s->rand)
    g_rand_free (s->rand);
  mock_coin_free (s->coin);
  if (s->hung)
    g_hash_table_unref (s->hung);
  if (s->authorizations)
    g_hash_table_unref (s->authorizations);
  g_free (s->host);
  g_mutex_clear (&s->lock);
  g_free (s);
}
