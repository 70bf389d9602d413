/* The adapters' answer reading (submissions/adapter.c, submissions/sse.c):
 * byte 0 picks the manifest (openai-chat, streamed or not, rasa-rest,
 * template) and whether the body also went through an SSE reader as it
 * arrived, byte 1 the size of the pieces it arrived in. An answer is valid
 * UTF-8 with no blanks at its ends, or a failure of a known class; an SSE
 * stream reads the same in pieces as whole. */
#include "fuzz.h"

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

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 2)
    return 0;
  const Manifest *m = loaded[data[0] % G_N_ELEMENTS (loaded)];
  gboolean streamed = (data[0] / G_N_ELEMENTS (loaded)) & 1;
  size_t piece = data[1] % 17;
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
