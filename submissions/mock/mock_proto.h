/* The three wire protocols the mock assistant speaks (submissions/mock/
 * README.md): OpenAI-compatible chat, Rasa REST and a custom JSON shape for
 * the generic template adapter. Parsing a request body and formatting an
 * answer; pure, so the HTTP layer stays thin. */
#ifndef MOCK_PROTO_H
#define MOCK_PROTO_H

#include "util/vb_autocleanups.h"

#define MOCK_PROTO_ERROR (mock_proto_error_quark ())
GQuark mock_proto_error_quark (void);
typedef enum {
  MOCK_PROTO_ERROR_JSON,  /* the body is not valid JSON (or not UTF-8) */
  MOCK_PROTO_ERROR_FIELD, /* a required field is missing or mistyped */
} MockProtoError;

typedef enum {
  MOCK_PROTO_OPENAI,   /* POST /v1/chat/completions */
  MOCK_PROTO_RASA,     /* POST /webhooks/rest/webhook */
  MOCK_PROTO_TEMPLATE, /* POST /api/ask */
} MockProto;

typedef struct {
  MockProto proto;
  char **turns;    /* user messages, oldest first, NULL-terminated, ≥ 1 */
  char *session;   /* session key for context, or NULL (OpenAI: the history
                      travels in the request) */
  char *model;     /* OpenAI "model" or NULL */
  gboolean stream; /* OpenAI "stream": true → server-sent events */
} MockProtoRequest;

/* FALSE when path is none of the three endpoints. */
gboolean mock_proto_for_path (const char *path, MockProto *out);

/* Parses a request body. Returns NULL and sets MOCK_PROTO_ERROR with a
 * message naming the field on failure. Free with mock_proto_request_free. */
MockProtoRequest *mock_proto_parse (MockProto proto, const char *body,
                                    gsize len, GError **error);
void mock_proto_request_free (MockProtoRequest *req); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MockProtoRequest, mock_proto_request_free)

/* Formats answer as the response body of req's protocol. *content_type
 * receives a static string. Newly allocated, free with g_free. */
char *mock_proto_format (const MockProtoRequest *req, const char *answer,
                         const char **content_type);

/* The drip profile's body: an OpenAI stream spaced and escaped as
 * Python's json.dumps writes it (", ", ": ", \uXXXX), the standard empty
 * first delta, keep-alive comments, one event per word, padded to at
 * least min_bytes. Newly allocated. */
char *mock_proto_format_drip (const char *answer, gsize min_bytes);

/* The nul profile's chat completion: before, an escaped NUL ("\u0000"),
 * then after, as one content string. Newly allocated. */
char *mock_proto_format_nul (const MockProtoRequest *req, const char *before,
                             const char *after);

/* {"error": {"message": msg, "type": type}} — newly allocated. */
char *mock_proto_error_body (const char *type, const char *msg);

/* Splits an answer into at most max_parts paragraphs-respecting pieces
 * (used for Rasa's message list and the template's parts). Newly allocated
 * NULL-terminated, free with g_strfreev. */
char **mock_proto_split (const char *answer, guint max_parts);

#endif
