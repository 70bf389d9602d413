/* Protocol adapters: one interface to build a request for a turn and to
 * read the answer out of a response body. Pure: no network here — the
 * engine owns the transfer. */
#ifndef ADAPTER_H
#define ADAPTER_H

#include <curl/curl.h>

#include "submissions/manifest.h"
#include "submissions/sse.h"

typedef struct {
  const char *question;       /* this turn's user text */
  const char *const *history; /* earlier turns: user, assistant, user, …;
                                 NULL-terminated, may be NULL */
  const char *session_id;     /* fresh per conversation and variant */
  guint turn;                 /* 0-based */
} AdapterTurn;

typedef struct {
  char *url;                  /* owned */
  const char *method;         /* static or borrowed from the manifest */
  char *body;                 /* owned, JSON */
  struct curl_slist *headers; /* owned; may hold the secret: never log */
} AdapterRequest;

/* Fills req (zeroed by the caller) for one turn. FALSE only on an internal
 * failure building the JSON. */
gboolean adapter_build_request (const Manifest *m, const AdapterTurn *turn,
                                AdapterRequest *req, GError **error);
void adapter_request_clear (AdapterRequest *req);

/* The same without the headers (req->headers stays NULL): they do not
 * depend on the turn, so a caller firing many requests builds them once
 * with adapter_headers and shares them. */
gboolean adapter_build_body (const Manifest *m, const AdapterTurn *turn,
                             AdapterRequest *req, GError **error);

/* The request headers of every request to m, the secret included (never
 * log them). The first line is "Expect:" (no 100-continue round trip; it
 * is never sent itself). Newly allocated, free with curl_slist_free_all. */
struct curl_slist *adapter_headers (const Manifest *m);

/* The headers to configure for a body of body_len bytes, from h (built by
 * adapter_headers for m, borrowed): h without its first line when that
 * line changes nothing. libcurl 7.88 asks for 100-continue only for a
 * body above ADAPTER_EXPECT_THRESHOLD bytes, so below it "Expect:" only
 * matters against an Expect header of the manifest's own, and walking
 * it cost libcurl 1.4k instructions per request. */
#define ADAPTER_EXPECT_THRESHOLD (1024 * 1024)
const struct curl_slist *adapter_headers_for (const struct curl_slist *h,
                                              const Manifest *m,
                                              gsize body_len);

/* Reads the answer from a complete response body. sse, when not NULL,
 * has read the same body as it arrived (a streamed answer); when it saw no
 * event the body is read as JSON. Returns the answer (newly allocated,
 * free with g_free) with *answer_len its length: valid UTF-8, blanks at
 * both ends dropped, and bytes with a length — an escaped NUL inside is
 * kept (a NUL terminates it too, for convenience). Or NULL with
 * *error_class set to a static "bad_json" (not JSON, a raw NUL included,
 * or no text where the adapter looks), "bad_utf8" or "empty_answer" and
 * *detail (newly allocated) a short human reason. */
char *adapter_parse_answer (const Manifest *m, const char *body, gsize len,
                            SseReader *sse, gsize *answer_len,
                            const char **error_class, char **detail);

/* RFC 6901 JSON Pointer lookup; borrowed node or NULL. */
const cJSON *adapter_json_pointer (const cJSON *root, const char *pointer);

#endif
