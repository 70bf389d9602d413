#include "harness/transfer.h"

#include <math.h>
#include <string.h>

/* Response headers above this are headers_too_large. */
#define TRANSFER_MAX_HEADER_BYTES (256 * 1024)
/* 2^53 µs (285 years): above, a time read back would not be exact. */
#define TRANSFER_MAX_SERVER_US 9007199254740992.0

static size_t
on_body (char *data, size_t size, size_t n, void *user)
{
  Transfer *t = user;
  size_t len = size * n;
  if (t->body->len + len > t->cap) {
    t->too_large = TRUE;
    return 0; /* makes libcurl stop with CURLE_WRITE_ERROR */
  }
  g_string_append_len (t->body, data, (gssize) len);
  /* A streamed answer is read as it comes, each byte once: the first
   * token is known when it arrives, whatever the size of the pieces.
   * (Only a stream has a first token to time: a plain answer's pieces
   * are not timed.) */
  if (t->sse != NULL) {
    t->last_body_at = g_get_monotonic_time ();
    sse_reader_feed (t->sse, data, len, t->last_body_at);
  }
  return len;
}

/* An endpoint may say how long it worked on the answer: W3C Server-Timing
 * ("…;dur=MS") or the mock's X-Mock-Time-Us. Measured minus reported is
 * what the network and the harness added. */
static size_t
on_header (char *data, size_t size, size_t n, void *user)
{
  Transfer *t = user;
  size_t len = size * n;
  /* libcurl 7.88 stops at 300 kB of headers, but as a receive error that
   * would read as a dropped connection: stop first, and say why. */
  t->header_bytes += len;
  if (t->header_bytes > TRANSFER_MAX_HEADER_BYTES) {
    t->headers_too_large = TRUE;
    return 0;
  }
  gboolean mock = len > 15 && g_ascii_strncasecmp (data, "x-mock-time-us:",
                                                   15) == 0;
  gboolean timing = len > 14 && g_ascii_strncasecmp (data, "server-timing:",
                                                     14) == 0;
  if (!mock && !timing)
    return len; /* the common case: no copy */
  g_autofree char *line = g_strndup (data, len);
  double us = -1;
  if (mock)
    us = g_ascii_strtod (line + 15, NULL);
  else if (strstr (line, "dur=") != NULL)
    us = g_ascii_strtod (strstr (line, "dur=") + 4, NULL) * 1000;
  /* The endpoint's claim, taken only when it is a time the log can hold
   * exactly: "dur=1e300" or a negative one is ignored, never cast. */
  if (isfinite (us) && us >= 0 && us <= TRANSFER_MAX_SERVER_US)
    t->server_us = (gint64) us;
  return len;
}

/* What is the same for every request of a manifest under one contest. */
static void
configure_constant (CURL *h, const TransferSpec *spec, const char *method)
{
  if (strcmp (method, "POST") != 0)
    curl_easy_setopt (h, CURLOPT_CUSTOMREQUEST, method);
  curl_easy_setopt (h, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt (h, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt (h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt (h, CURLOPT_TIMEOUT_MS, (long) spec->timeout_ms);
  curl_easy_setopt (h, CURLOPT_CONNECTTIMEOUT_MS,
                    (long) spec->connect_timeout_ms);
  curl_easy_setopt (h, CURLOPT_MAXFILESIZE_LARGE,
                    (curl_off_t) spec->max_body);
  curl_easy_setopt (h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt (h, CURLOPT_PROTOCOLS_STR, "http,https");
  /* "" is no proxy, as the environment says; without the no-proxy list
   * set too, libcurl would still read no_proxy and NO_PROXY. */
  if (spec->no_env_proxy) {
    curl_easy_setopt (h, CURLOPT_PROXY, "");
    curl_easy_setopt (h, CURLOPT_NOPROXY, "");
  }
}

gboolean
transfer_url_parse (TransferUrl *u, const char *url)
{
  /* url.c, parseurlandfillconn: the flags of a CURLOPT_URL without
   * CURLOPT_DISALLOW_USERNAME_IN_URL or CURLOPT_PATH_AS_IS. */
  u->uh = curl_url ();
  u->url = NULL;
  if (u->uh != NULL
      && curl_url_set (u->uh, CURLUPART_URL, url,
                       CURLU_GUESS_SCHEME | CURLU_NON_SUPPORT_SCHEME)
             == CURLUE_OK
      && curl_url_get (u->uh, CURLUPART_URL, &u->url, 0) == CURLUE_OK)
    return TRUE;
  transfer_url_clear (u);
  return FALSE;
}

void
transfer_url_clear (TransferUrl *u)
{
  curl_url_cleanup (u->uh);
  curl_free (u->url);
  u->uh = NULL;
  u->url = NULL;
}

gboolean
transfer_env_names_proxy (const char *const *envp)
{
  static const char *const names[] = { "http_proxy", "https_proxy",
                                       "HTTPS_PROXY", "all_proxy",
                                       "ALL_PROXY" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++) {
    const char *v = g_environ_getenv ((char **) envp, names[i]);
    if (v != NULL && *v != '\0')
      return TRUE;
  }
  return FALSE;
}

/* A reused handle keeps its options, so a request of the same manifest
 * sets only what differs: a reset and twenty options per request were a
 * tenth of vabench's own work. */
static void
configure (Transfer *t, const TransferSpec *spec, gpointer private)
{
  CURL *h = t->easy;
  if (!spec->reconfigure_only) {
    curl_easy_reset (h);
    configure_constant (h, spec, t->req.method);
  }
  /* libcurl takes the parsed handle instead of parsing the URL again; the
   * normalized text is what it would have kept as the transfer's URL. A
   * redirect's target is parsed by libcurl as before. */
  const TransferUrl *parsed = spec->url == NULL ? spec->parsed : NULL;
  curl_easy_setopt (h, CURLOPT_CURLU, parsed ? parsed->uh : NULL);
  curl_easy_setopt (h, CURLOPT_URL,
                    parsed ? parsed->url
                           : spec->url ? spec->url : t->req.url);
  gsize len = strlen (t->req.body);
  curl_easy_setopt (h, CURLOPT_POSTFIELDS, t->req.body);
  curl_easy_setopt (h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t) len);
  curl_easy_setopt (h, CURLOPT_HTTPHEADER,
                    adapter_headers_for (spec->headers ? spec->headers
                                                       : t->req.headers,
                                         spec->m, len));
  curl_easy_setopt (h, CURLOPT_WRITEDATA, t);
  curl_easy_setopt (h, CURLOPT_HEADERDATA, t);
  curl_easy_setopt (h, CURLOPT_PRIVATE, private);
  curl_easy_setopt (h, CURLOPT_ERRORBUFFER, t->errbuf);
  /* With every opened connection busy there is none to reuse, and libcurl
   * would still scan the whole busy pool for one: with 10,000 in flight
   * that scan, once per new transfer, cost more than a second. */
  curl_easy_setopt (h, CURLOPT_FRESH_CONNECT, spec->fresh_connect ? 1L : 0L);
}

gboolean
transfer_start (Transfer *t, CURL *easy, const TransferSpec *spec,
                const AdapterTurn *turn, gpointer private, GError **error)
{
  memset (t, 0, sizeof *t);
  if (!adapter_build_body (spec->m, turn, &t->req, error)) {
    adapter_request_clear (&t->req);
    return FALSE;
  }
  if (spec->headers == NULL)
    t->req.headers = adapter_headers (spec->m);
  t->easy = easy;
  t->cap = spec->max_body;
  if (spec->m->stream)
    t->sse = sse_reader_new ();
  /* Small at first: it grows to the answer, and 10,000 are in flight. */
  t->own_body = spec->body == NULL;
  t->body = t->own_body ? g_string_sized_new (512) : spec->body;
  g_string_truncate (t->body, 0);
  t->server_us = -1;
  configure (t, spec, private);
  t->started_real = g_get_real_time ();
  t->t0 = g_get_monotonic_time ();
  return TRUE;
}

void
transfer_clear (Transfer *t)
{
  adapter_request_clear (&t->req);
  if (t->body && t->own_body)
    g_string_free (t->body, TRUE);
  t->body = NULL;
  sse_reader_free (t->sse);
  t->sse = NULL;
}

/* libcurl 7.88's message for one header line above 100 kB (it reports
 * CURLE_OUT_OF_MEMORY); the whole-headers limit is ours (on_header). */
static gboolean
giant_header (CURLcode rc, const Transfer *t)
{
  return rc == CURLE_OUT_OF_MEMORY && strstr (t->errbuf, "header") != NULL;
}

static const char *
class_of_curl (CURLcode rc, const Transfer *t, curl_off_t t_pretransfer)
{
  if (t->headers_too_large || giant_header (rc, t))
    return "headers_too_large";
  switch (rc) {
  case CURLE_OK:
    return NULL;
  case CURLE_COULDNT_RESOLVE_HOST:
  case CURLE_COULDNT_RESOLVE_PROXY:
    return "dns";
  case CURLE_OPERATION_TIMEDOUT:
    /* Timed out before the request went out (connecting, or the TLS
     * handshake): nothing was sent, like a refused connection. */
    return t_pretransfer == 0 ? "connect" : "timeout";
  case CURLE_FILESIZE_EXCEEDED:
    return "too_large";
  case CURLE_WRITE_ERROR:
    return t->too_large ? "too_large" : "other";
  case CURLE_SSL_CONNECT_ERROR:
  case CURLE_PEER_FAILED_VERIFICATION:
  case CURLE_SSL_CERTPROBLEM:
  case CURLE_SSL_CIPHER:
  case CURLE_SSL_CACERT_BADFILE:
    return "tls";
  case CURLE_COULDNT_CONNECT:
  case CURLE_GOT_NOTHING:
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_PARTIAL_FILE:
    /* refused, reset or closed early: the endpoint dropped us */
    return "connect";
  default:
    return "other";
  }
}

static const char *
class_of_status (long status)
{
  if (status == 429)
    return "http_429";
  if (status >= 500)
    return "http_5xx";
  if (status >= 400)
    return "http_4xx";
  if (status >= 300)
    return "redirect"; /* followed only to a host the manifest allows */
  if (status < 200)
    return "other";
  return NULL;
}

/* The first token on libcurl's clock: the total less the time from that
 * token to the last piece of the body, which ends the transfer. So it is
 * never above the total, and our own start (before libcurl's) does not
 * count. */
static curl_off_t
first_token (const Transfer *t, curl_off_t total)
{
  gint64 at = t->sse ? sse_reader_first_token (t->sse) : -1;
  if (at < 0)
    return -1;
  return CLAMP (total - (t->last_body_at - at), 1, MAX (total, 1));
}

void
transfer_read_outcome (Transfer *t, CURLcode rc, const Manifest *m,
                       TransferOutcome *o)
{
  CURL *h = t->easy;
  curl_off_t t_pretransfer = 0;
  o->t_first_token = -1;
  curl_easy_getinfo (h, CURLINFO_RESPONSE_CODE, &o->status);
  curl_easy_getinfo (h, CURLINFO_PRETRANSFER_TIME_T, &t_pretransfer);
  curl_easy_getinfo (h, CURLINFO_NAMELOOKUP_TIME_T, &o->t_dns);
  curl_easy_getinfo (h, CURLINFO_CONNECT_TIME_T, &o->t_connect);
  curl_easy_getinfo (h, CURLINFO_APPCONNECT_TIME_T, &o->t_tls);
  curl_easy_getinfo (h, CURLINFO_STARTTRANSFER_TIME_T, &o->t_first);
  curl_easy_getinfo (h, CURLINFO_TOTAL_TIME_T, &o->t_total);
  curl_easy_getinfo (h, CURLINFO_RETRY_AFTER, &o->retry_after);
  curl_easy_getinfo (h, CURLINFO_NUM_CONNECTS, &o->opened);
  o->cls = class_of_curl (rc, t, t_pretransfer);
  if (o->cls != NULL) {
    o->detail = t->headers_too_large
                    ? g_strdup_printf ("response headers above %d bytes",
                                       TRANSFER_MAX_HEADER_BYTES)
                    : g_strdup (t->errbuf[0] ? t->errbuf
                                             : curl_easy_strerror (rc));
    return;
  }
  o->cls = class_of_status (o->status);
  if (g_strcmp0 (o->cls, "redirect") == 0) {
    char *loc = NULL;
    curl_easy_getinfo (h, CURLINFO_REDIRECT_URL, &loc);
    o->location = g_strdup (loc);
  }
  if (o->cls != NULL) {
    o->detail = g_strdup_printf ("HTTP status %ld", o->status);
    return;
  }
  if (t->sse != NULL)
    sse_reader_end (t->sse);
  o->answer = adapter_parse_answer (m, t->body->str, t->body->len, t->sse,
                                    &o->answer_len, &o->cls, &o->detail);
  o->t_first_token = first_token (t, o->t_total);
}

void
transfer_outcome_clear (TransferOutcome *o)
{
  g_free (o->detail);
  g_free (o->answer);
  g_free (o->location);
}
