/* One HTTP attempt of the engine: its easy handle's configuration, the
 * answer captured under a hard cap, the endpoint's own handling time, and
 * the outcome sorted into the failure classes of harness/README.md. What
 * the attempt belongs to (job, worker, multi handle) is the engine's. */
#ifndef TRANSFER_H
#define TRANSFER_H

#include "submissions/adapter.h"
#include "util/vb_autocleanups.h"

/* An endpoint's URL parsed once, as libcurl 7.88 parses CURLOPT_URL on
 * every transfer (curl_url_set, then the normalized URL read back): a
 * fifth of libcurl's own work per request here. */
typedef struct {
  CURLU *uh;  /* owned */
  char *url;  /* the normalized URL, owned (curl_free) */
} TransferUrl;

/* Parses url with the flags libcurl uses for CURLOPT_URL; FALSE when
 * libcurl refuses it (the transfer then sets CURLOPT_URL, and libcurl
 * says why as it would). */
gboolean transfer_url_parse (TransferUrl *u, const char *url);
void transfer_url_clear (TransferUrl *u);

/* What the contest and the engine decide for one attempt. */
typedef struct {
  const Manifest *m;      /* borrowed */
  const char *url;        /* an allowed redirect's target, or NULL for the
                           * adapter's url */
  guint timeout_ms, connect_timeout_ms;
  gsize max_body;         /* larger answers are too_large */
  gboolean fresh_connect; /* every connection of the submission is busy */
  /* The request headers to use (borrowed, alive until transfer_clear), or
   * NULL to build them (adapter_headers) for this attempt alone. */
  const struct curl_slist *headers;
  /* easy was last configured by transfer_start for this same manifest and
   * these same limits: only what differs per request is set again.
   * Otherwise easy is reset and configured whole. */
  gboolean reconfigure_only;
  /* A buffer for the body (emptied first), lent until transfer_clear, or
   * NULL for one of the attempt's own: a caller firing many requests keeps
   * a few for reuse (a new 2 kB buffer per answer made malloc consolidate
   * its free lists every time). */
  GString *body;
  /* The environment names no proxy (transfer_env_names_proxy): libcurl is
   * told so once per handle, instead of reading five variables from the
   * environment on every transfer. */
  gboolean no_env_proxy;
  /* m's endpoint parsed (borrowed, alive until transfer_clear), or NULL:
   * used when url is NULL. */
  const TransferUrl *parsed;
} TransferSpec;

typedef struct {
  CURL *easy;             /* borrowed from the caller's pool */
  AdapterRequest req;     /* req.headers: built for this attempt or NULL */
  GString *body;
  gboolean own_body;      /* body is the attempt's own, freed with it */
  gsize cap;
  gboolean too_large, headers_too_large;
  SseReader *sse;         /* a streamed answer, read as it arrives */
  gsize header_bytes;
  char errbuf[CURL_ERROR_SIZE];
  gint64 started_real;    /* wall clock, µs since the epoch */
  gint64 t0;              /* monotonic, when the transfer was configured */
  gint64 last_body_at;    /* monotonic, the last piece of a stream */
  gint64 server_us;       /* the endpoint's own handling time, or -1 */
} Transfer;

typedef struct {
  const char *cls;  /* failure class, NULL when the answer is usable */
  char *detail;     /* why, for the log */
  char *answer;     /* the adapter's answer: bytes, may hold a NUL */
  gsize answer_len;
  char *location;   /* a redirect's target */
  long status;
  long opened;      /* connections this attempt opened */
  curl_off_t t_dns, t_connect, t_tls, t_first, t_total, retry_after;
  curl_off_t t_first_token; /* streamed: the first non-empty content, on
                             * libcurl's clock and within t_total; or -1 */
} TransferOutcome;

/* Builds the request of turn (FALSE + error when the adapter cannot) and
 * configures easy for it (see TransferSpec.reconfigure_only); private
 * becomes CURLOPT_PRIVATE. The clock starts here. */
gboolean transfer_start (Transfer *t, CURL *easy, const TransferSpec *spec,
                         const AdapterTurn *turn, gpointer private,
                         GError **error);

/* Whether envp (as g_get_environ gives it) names a proxy libcurl 7.88
 * would use for http or https: http_proxy, https_proxy, HTTPS_PROXY,
 * all_proxy or ALL_PROXY, set and not empty. HTTP_PROXY is not one:
 * libcurl ignores it (a CGI request can set it), and no_proxy only
 * matters beside a proxy. Pure. */
gboolean transfer_env_names_proxy (const char *const *envp);

/* Frees what transfer_start allocated. The easy handle is the caller's,
 * untouched: it still points at the freed request, so the caller resets
 * it (curl_easy_reset) before any reuse. */
void transfer_clear (Transfer *t);

/* Reads libcurl's counters and classifies the attempt; free o's strings
 * with transfer_outcome_clear. */
void transfer_read_outcome (Transfer *t, CURLcode rc, const Manifest *m,
                            TransferOutcome *o);
void transfer_outcome_clear (TransferOutcome *o);

#endif
