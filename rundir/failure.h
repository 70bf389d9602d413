/* Failure classes: why an attempt or a unit has no usable answer. The
 * names are what log.jsonl and scores.jsonl carry in "error_class" and
 * what results.json counts in "errors_by_class"; harness/README.md says
 * when each happens, whether it is retried and its Vietnamese name. */
#ifndef FAILURE_H
#define FAILURE_H

#include <glib.h>

typedef enum {
  FAILURE_NONE = 0,     /* a usable answer: "error_class": null */
  FAILURE_DNS,          /* the host name did not resolve */
  FAILURE_CONNECT,      /* refused, reset, unreachable, or the connect
                         * timed out (nothing was sent) */
  FAILURE_TLS,          /* handshake or certificate */
  FAILURE_TIMEOUT,      /* the whole request took too long */
  FAILURE_HTTP_4XX,     /* a 4xx status other than 429 */
  FAILURE_HTTP_429,     /* too many requests */
  FAILURE_HTTP_5XX,     /* a server error */
  FAILURE_BAD_JSON,     /* the body is not the adapter's shape */
  FAILURE_BAD_UTF8,     /* the answer is not valid UTF-8 */
  FAILURE_TOO_LARGE,    /* the body passed max_body_bytes */
  FAILURE_HEADERS_TOO_LARGE, /* the response headers passed 256 kB */
  FAILURE_EMPTY_ANSWER, /* the answer text is empty */
  FAILURE_REDIRECT,     /* a redirect to a host the manifest does not allow */
  FAILURE_OTHER,        /* anything else libcurl reports */
  FAILURE_NOT_FIRED,    /* scores.jsonl: a turn the log has no answer for */
  FAILURE_N
} FailureClass;

/* "dns", "http_5xx", … (static); NULL for FAILURE_NONE. */
const char *failure_name (FailureClass c);

/* The class of a name: FALSE when it is none of the names above (NULL is
 * FAILURE_NONE, TRUE). */
gboolean failure_parse (const char *name, FailureClass *out);

#endif
