#include "rundir/failure.h"

#include <string.h>

/* The one table of failure class names. */
static const char *const names[FAILURE_N] = {
  [FAILURE_NONE] = NULL,
  [FAILURE_DNS] = "dns",
  [FAILURE_CONNECT] = "connect",
  [FAILURE_TLS] = "tls",
  [FAILURE_TIMEOUT] = "timeout",
  [FAILURE_HTTP_4XX] = "http_4xx",
  [FAILURE_HTTP_429] = "http_429",
  [FAILURE_HTTP_5XX] = "http_5xx",
  [FAILURE_BAD_JSON] = "bad_json",
  [FAILURE_BAD_UTF8] = "bad_utf8",
  [FAILURE_TOO_LARGE] = "too_large",
  [FAILURE_HEADERS_TOO_LARGE] = "headers_too_large",
  [FAILURE_EMPTY_ANSWER] = "empty_answer",
  [FAILURE_REDIRECT] = "redirect",
  [FAILURE_OTHER] = "other",
  [FAILURE_NOT_FIRED] = "not_fired",
};

const char *
failure_name (FailureClass c)
{
  return (guint) c < FAILURE_N ? names[c] : NULL;
}

gboolean
failure_parse (const char *name, FailureClass *out)
{
  *out = FAILURE_NONE;
  if (name == NULL)
    return TRUE;
  for (guint c = 1; c < FAILURE_N; c++)
    if (strcmp (name, names[c]) == 0) {
      *out = (FailureClass) c;
      return TRUE;
    }
  return FALSE;
}
