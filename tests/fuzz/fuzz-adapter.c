/* The adapters' answer reading (submissions/adapter.c, submissions/sse.c):
 * byte 0 picks the manifest (openai-chat, streamed or not, rasa-rest,
 * template) and whether the body also went through an SSE reader as it
 * arrived, byte 1 the size of the pieces it arrived in. An answer is valid
 * UTF-8 with no blanks at its ends, or a failure of a known class; an SSE
 * stream reads the same in pieces as whole. The same body, as a
 * pre-flight probe's answer (harness/preflight.c) under an HTTP status
 * that byte 1 also picks, with the adapter's words as its detail and the
 * body's start as a redirect's Location, is diagnosed in a state, with a
 * reason of one line of UTF-8 and no control character (it is printed to
 * a terminal and kept in manifest.json). */
#include "fuzz.h"

#include "harness/preflight.h"
#include "submissions/adapter.h"

static const char *const manifests[] = {
  "{\"id\": \"openai\", \"endpoint\": \"http://127.0.0.1:1/v1/chat\", "
  "\"adapter\": \"openai-chat\"}",
  "{\"id\": \"stream\", \"endpoint\": \"http://127.0.0.1:1/v1/chat\", "
  "\"adapter\": \"openai-chat\", \"stream\": true}",
  "{\"id\": \"rasa\", \"endpoint\": \"http://127.0.0.1:1/webhook\", "
  "\"adapter\": \"rasa-rest\"}",
  "{\"id\": \"tpl\", \"endpoint\": \"http://127.0.0.1:1/ask\", "
  "\"adapter\": \"template\", \"body\": {\"q\": \"{{question}}\"}, "
  "\"answer_pointer\": \"/data/answer\"}",
};
static Manifest *loaded[G_N_ELEMENTS (manifests)];

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  for (gsize i = 0; i < G_N_ELEMENTS (manifests); i++) {
    g_autofree char *path = fuzz_write ("m.json", manifests[i],
                                        strlen (manifests[i]));
    g_autoptr (GError) error = NULL;
    loaded[i] = manifest_load (path, &error);
    if (loaded[i] == NULL) {
      fprintf (stderr, "fuzz-adapter: %s\n", error->message);
      abort ();
    }
  }
  return 0;
}

static SseReader *
sse_read (const uint8_t *data, size_t len, size_t piece)
{
  SseReader *r = sse_reader_new ();
  if (piece == 0)
    sse_reader_feed (r, (const char *) data, len, 0);
  else
    for (size_t i = 0; i < len; i += piece)
      sse_reader_feed (r, (const char *) data + i, MIN (piece, len - i),
                       (gint64) i);
  sse_reader_end (r);
  return r;
}

static void
check_line (const char *what, const char *s)
{
  if (s == NULL)
    return;
  FUZZ_CHECK (g_utf8_validate (s, -1, NULL), "%s is not UTF-8: %s", what, s);
  for (const char *c = s; *c; c++)
    FUZZ_CHECK ((unsigned char) *c >= 0x20 && *c != 0x7f,
                "%s holds control byte 0x%02x: %s", what, (unsigned char) *c,
                s);
}

static void
preflight (const Manifest *m, long status, const uint8_t *data, size_t size,
           const char *cls, const char *detail)
{
  g_autofree char *body = g_strndup ((const char *) data, size);
  g_autofree char *location = g_strndup (body, 200);
  PreflightSeen seen = { .cls = FAILURE_NONE, .status = status,
                         .detail = detail, .body = body,
                         .location = status / 100 == 3 ? location : NULL };
  if (cls != NULL)
    FUZZ_CHECK (failure_parse (cls, &seen.cls), "class %s", cls);
  else if (status == 0)
    seen.cls = FAILURE_TIMEOUT;
  else if (status >= 400 || status / 100 == 3)
    seen.cls = status >= 500 ? FAILURE_HTTP_5XX : FAILURE_HTTP_4XX;
  PreflightResult r = { 0 };
  preflight_diagnose (m, &seen, &r);
  FUZZ_CHECK (r.state == PREFLIGHT_OK || r.state == PREFLIGHT_WARNING
                  || r.state == PREFLIGHT_UNAVAILABLE,
              "state %d", r.state);
  FUZZ_CHECK (r.state == PREFLIGHT_OK || r.reason != NULL, "no reason");
  check_line ("reason", r.reason);
  check_line ("fix", r.fix);
  preflight_result_clear (&r);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 2)
    return 0;
  static const long statuses[] = { 200, 0, 301, 401, 403, 404, 500, 503 };
  const Manifest *m = loaded[data[0] % G_N_ELEMENTS (loaded)];
  gboolean streamed = (data[0] / G_N_ELEMENTS (loaded)) & 1;
  size_t piece = data[1] % 17;
  long status = statuses[(data[1] / 17) % G_N_ELEMENTS (statuses)];
  data += 2;
  size -= 2;

  g_autoptr (SseReader) whole = sse_read (data, size, 0);
  g_autoptr (SseReader) parts = sse_read (data, size, piece ? piece : 1);
  FUZZ_CHECK (sse_reader_saw_event (whole) == sse_reader_saw_event (parts),
              "event seen whole %d, in pieces %d",
              sse_reader_saw_event (whole), sse_reader_saw_event (parts));
  FUZZ_CHECK (g_string_equal (sse_reader_text (whole),
                              sse_reader_text (parts)),
              "SSE text differs in pieces of %zu", piece);
  FUZZ_CHECK ((sse_reader_first_token (whole) < 0)
                  == (sse_reader_first_token (parts) < 0),
              "first token whole %" G_GINT64_FORMAT ", pieces %" G_GINT64_FORMAT,
              sse_reader_first_token (whole), sse_reader_first_token (parts));

  gsize alen = 0;
  const char *cls = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *answer
      = adapter_parse_answer (m, (const char *) data, size,
                              streamed ? parts : NULL, &alen, &cls, &detail);
  preflight (m, status, data, size, status == 200 ? cls : NULL, detail);
  if (answer == NULL) {
    FUZZ_CHECK (cls != NULL && detail != NULL, "no class for a failure");
    FUZZ_CHECK (strcmp (cls, "bad_json") == 0 || strcmp (cls, "bad_utf8") == 0
                    || strcmp (cls, "empty_answer") == 0,
                "unknown class %s", cls);
    return 0;
  }
  FUZZ_CHECK (cls == NULL, "class %s with an answer", cls);
  FUZZ_CHECK (alen > 0 && answer[alen] == '\0', "length %zu", alen);
  FUZZ_CHECK (!g_ascii_isspace (answer[0])
                  && !g_ascii_isspace (answer[alen - 1]),
              "blank at an end");
  for (const char *s = answer; s < answer + alen;) {
    const char *nul = memchr (s, '\0', (size_t) (answer + alen - s));
    const char *end = nul ? nul : answer + alen;
    FUZZ_CHECK (g_utf8_validate_len (s, (gsize) (end - s), NULL),
                "answer is not UTF-8");
    s = end + 1;
  }
  return 0;
}
