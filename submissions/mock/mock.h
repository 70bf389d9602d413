/* The mock assistant: a real HTTP server (libmicrohttpd, one epoll thread)
 * that answers Vietnamese questions from the knowledge base over three
 * protocols, with profiles that model good, slow, flaky, lying and broken
 * endpoints (submissions/mock/README.md). Tests and integration runs start
 * it in-process; `vabench mock` wraps it as a command. */
#ifndef MOCK_H
#define MOCK_H

#include <glib.h>

#define MOCK_DEFAULT_KB "testsets/kb/procedures.jsonl"

#define MOCK_ERROR (mock_error_quark ())
GQuark mock_error_quark (void);
typedef enum {
  MOCK_ERROR_PROFILE, /* unknown profile name */
  MOCK_ERROR_OPTION,  /* an option value out of range */
  MOCK_ERROR_LISTEN,  /* the address cannot be parsed or bound */
} MockError;

typedef enum {
  MOCK_PROFILE_EXACT,      /* NFC + case folding only */
  MOCK_PROFILE_FUZZY,      /* diacritics, Telex/VNI, abbreviations, typos */
  MOCK_PROFILE_SLOW,       /* fuzzy + delay (default 800 ms) */
  MOCK_PROFILE_FLAKY,      /* fuzzy; a seeded share gets 503 or a reset */
  MOCK_PROFILE_WRONG_FEES, /* fuzzy, but every amount stated is wrong */
  MOCK_PROFILE_CONFUSED,   /* fuzzy, but a garbled question gets another
                              procedure's answer */
  MOCK_PROFILE_SATURATING, /* fuzzy; 20 ms + 2 ms × requests in flight */
  MOCK_PROFILE_HANG,       /* accepts, never answers */
  MOCK_PROFILE_TRICKLE,    /* one byte of the answer per second */
  MOCK_PROFILE_HUGE,       /* a 50 MB JSON body */
  MOCK_PROFILE_ENDLESS,    /* a chunked body that never ends */
  MOCK_PROFILE_HTML,       /* 200 with an HTML page */
  MOCK_PROFILE_BAD_JSON,   /* 200 with a truncated JSON body */
  MOCK_PROFILE_BAD_UTF8,   /* JSON whose answer holds invalid UTF-8 */
  MOCK_PROFILE_RESET,      /* closes the connection (RST) without answer */
  MOCK_PROFILE_REDIRECT,   /* 302 to http://127.0.0.2:PORT/elsewhere */
  MOCK_PROFILE_DRIP,       /* fuzzy; chat answers as a Python-spaced SSE
                              stream of 5,000+ bytes, one byte per chunk */
  MOCK_PROFILE_NUL,        /* fuzzy; chat answers hold "\u0000" followed by
                              the wrong-fees answer */
  MOCK_PROFILE_COIN,       /* fuzzy with probability --right-rate, else
                              the referral: a verdict that flips */
} MockProfile;

typedef struct {
  MockProfile profile;
  const char *kb_path; /* NULL → MOCK_DEFAULT_KB (relative to the cwd) */
  const char *host;    /* IPv4 literal; NULL → "127.0.0.1" */
  guint16 port;        /* 0 → a free port (see mock_server_port) */
  gint delay_ms;       /* before every answer; < 0 → profile default
                          (slow: 800, others: 0) */
  double fail_rate;    /* flaky share in [0, 1]; < 0 → 0.3 */
  guint64 seed;        /* flaky and coin draws */
  double right_rate;   /* coin: share answered from the KB in [0, 1];
                          < 0 → 0.7 */
  const char *require_token; /* answer 401 unless "Authorization: Bearer
                                TOKEN"; NULL: no check (borrowed while
                                the server runs) */
} MockOptions;

/* Fills o with the defaults above (profile fuzzy). */
void mock_options_init (MockOptions *o);

/* Profile by its command-line name ("wrong-fees", "bad-utf8", …). FALSE and
 * MOCK_ERROR_PROFILE listing the names when unknown. */
gboolean mock_profile_from_name (const char *name, MockProfile *out,
                                 GError **error);
const char *mock_profile_name (MockProfile p); /* static string */

typedef struct _MockServer MockServer;

/* Loads the KB, raises RLIMIT_NOFILE to its hard limit (the process-wide
 * effect is wanted: 10,000 connections need the descriptors) and starts
 * serving on a background thread. Returns NULL and sets error (MOCK_ERROR,
 * JSONL_ERROR, MOCK_KB_ERROR) on failure. */
MockServer *mock_server_start (const MockOptions *o, GError **error);

/* The bound port (the real one when 0 was asked). */
guint16 mock_server_port (const MockServer *s);

/* Requests seen so far (every request, answered or not). */
guint64 mock_server_requests (const MockServer *s);

/* Requests seen with exactly this Authorization header, or with any when
 * authorization is NULL: a test can check that a token was sent, and only
 * where it belonged. */
guint64 mock_server_authorized (MockServer *s, const char *authorization);

/* Stops serving: hung and delayed connections are closed, the thread
 * joined. NULL is a no-op. */
void mock_server_free (MockServer *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockServer, mock_server_free)

#endif
