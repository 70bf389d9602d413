/* Request parsing and response shapes of the mock's three protocols. */
#include "submissions/mock/mock_proto.h"

#include <string.h>

/* clang-format off */
G_DEFINE_QUARK (vabench-mock-proto-error-quark, mock_proto_error)
/* clang-format on */

/* Answers shorter than this stay one Rasa message. */
#define PROTO_SPLIT_MIN 160
/* Words per server-sent event chunk: enough chunks to exercise joining. */
#define PROTO_WORDS_PER_CHUNK 8

static const struct {
  const char *path;
  MockProto proto;
} proto_paths[] = {
  { "/v1/chat/completions", MOCK_PROTO_OPENAI },
  { "/webhooks/rest/webhook", MOCK_PROTO_RASA },
  { "/api/ask", MOCK_PROTO_TEMPLATE },
};

gboolean
mock_proto_for_path (const char *path, MockProto *out)
{
  for (gsize i = 0; i < G_N_ELEMENTS (proto_paths); i++) {
    if (strcmp (path, proto_paths[i].path) == 0) {
      *out = proto_paths[i].proto;
      return TRUE;
    }
  }
  return FALSE;
}

void
mock_proto_request_free (MockProtoRequest *req)
{
  if (req == NULL)
    return;
  g_strfreev (req->turns);
  g_free (req->session);
  g_free (req->model);
  g_free (req);
}

static gboolean
proto_field_error (GError **error, const char *field, const char *why)
{
  g_set_error (error, MOCK_PROTO_ERROR, MOCK_PROTO_ERROR_FIELD,
               "field \"%s\": %s", field, why);
  return FALSE;
}

/* OpenAI content is a string, or an array of parts {"type":"text","text"}. */
static char *
proto_openai_content (const cJSON *content)
{
  if (cJSON_IsString (content))
    return g_strdup (content->valuestring);
  if (!cJSON_IsArray (content))
    return NULL;
  g_autoptr (GString) s = g_string_new (NULL);
  const cJSON *part = NULL;
  cJSON_ArrayForEach (part, content)
  {
    const cJSON *t = cJSON_GetObjectItemCaseSensitive (part, "text");
    if (cJSON_IsString (t))
      g_string_append (s, t->valuestring);
  }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static gboolean
proto_parse_openai (const cJSON *root, MockProtoRequest *req, GError **error)
{
  const cJSON *msgs = cJSON_GetObjectItemCaseSensitive (root, "messages");
  if (!cJSON_IsArray (msgs) || cJSON_GetArraySize (msgs) == 0)
    return proto_field_error (error, "messages", "must be a non-empty array");
  g_autoptr (GPtrArray) turns = g_ptr_array_new_with_free_func (g_free);
  const cJSON *m = NULL;
  cJSON_ArrayForEach (m, msgs)
  {
    const cJSON *role = cJSON_GetObjectItemCaseSensitive (m, "role");
    char *text = proto_openai_content (
        cJSON_GetObjectItemCaseSensitive (m, "content"));
    if (!cJSON_IsString (role) || text == NULL) {
      g_free (text);
      return proto_field_error (error, "messages",
                                "each message needs \"role\" and "
                                "\"content\"");
    }
    if (strcmp (role->valuestring, "user") == 0)
      g_ptr_array_add (turns, text);
    else
      g_free (text);
  }
  if (turns->len == 0)
    return proto_field_error (error, "messages", "no user message");
  g_ptr_array_add (turns, NULL);
  req->turns = (char **)g_ptr_array_free (g_steal_pointer (&turns), FALSE);
  const cJSON *model = cJSON_GetObjectItemCaseSensitive (root, "model");
  req->model = cJSON_IsString (model) ? g_strdup (model->valuestring) : NULL;
  req->stream
      = cJSON_IsTrue (cJSON_GetObjectItemCaseSensitive (root, "stream"));
  return TRUE;
}

static gboolean
proto_one_turn (MockProtoRequest *req, const cJSON *root, const char *field,
                GError **error)
{
  const cJSON *t = cJSON_GetObjectItemCaseSensitive (root, field);
  if (!cJSON_IsString (t))
    return proto_field_error (error, field, "must be a string");
  req->turns = g_new0 (char *, 2);
  req->turns[0] = g_strdup (t->valuestring);
  return TRUE;
}

/* A session id may be a string or a number; clients differ. */
static gboolean
proto_session (MockProtoRequest *req, const cJSON *root, const char *field,
               const char *prefix, GError **error)
{
  const cJSON *s = cJSON_GetObjectItemCaseSensitive (root, field);
  if (cJSON_IsString (s))
    req->session = g_strconcat (prefix, s->valuestring, NULL);
  else if (cJSON_IsNumber (s))
    req->session = g_strdup_printf ("%s%.0f", prefix, s->valuedouble);
  else
    return proto_field_error (error, field, "must be a string");
  return TRUE;
}

MockProtoRequest *
mock_proto_parse (MockProto proto, const char *body, gsize len, GError **error)
{
  if (!g_utf8_validate_len (body, len, NULL)) {
    g_set_error (error, MOCK_PROTO_ERROR, MOCK_PROTO_ERROR_JSON,
                 "body is not valid UTF-8");
    return NULL;
  }
  g_autoptr (cJSON) root = cJSON_ParseWithLength (body, len);
  if (!cJSON_IsObject (root)) {
    g_set_error (error, MOCK_PROTO_ERROR, MOCK_PROTO_ERROR_JSON,
                 "body is not a JSON object");
    return NULL;
  }
  g_autoptr (MockProtoRequest) req = g_new0 (MockProtoRequest, 1);
  req->proto = proto;
  gboolean ok = FALSE;
  switch (proto) {
  case MOCK_PROTO_OPENAI:
    ok = proto_parse_openai (root, req, error);
    break;
  case MOCK_PROTO_RASA:
    ok = proto_session (req, root, "sender", "rasa:", error)
         && proto_one_turn (req, root, "message", error);
    break;
  case MOCK_PROTO_TEMPLATE:
    ok = proto_session (req, root, "session", "tpl:", error)
         && proto_one_turn (req, root, "q", error);
    break;
  }
  return ok ? g_steal_pointer (&req) : NULL;
}

/* ---- responses ---------------------------------------------------------- */

/* Index of the ". " or "\n" boundary nearest the middle of s, or 0. */
static gsize
proto_middle_break (const char *s)
{
  gsize len = strlen (s), best = 0, mid = len / 2;
  for (gsize i = 1; i + 1 < len; i++) {
    gboolean brk = s[i] == '\n' || (s[i - 1] == '.' && s[i] == ' ')
                   || (s[i - 1] == ';' && s[i] == ' ');
    if (!brk)
      continue;
    gsize d = i > mid ? i - mid : mid - i;
    gsize bd = best > mid ? best - mid : mid - best;
    if (best == 0 || d < bd)
      best = i;
  }
  return best;
}

char **
mock_proto_split (const char *answer, guint max_parts)
{
  g_auto (GStrv) paras = g_strsplit (answer, "\n\n", -1);
  GPtrArray *out = g_ptr_array_new ();
  guint n = g_strv_length (paras);
  if (n == 1 && max_parts >= 2 && strlen (answer) >= PROTO_SPLIT_MIN) {
    gsize at = proto_middle_break (answer);
    if (at > 0) {
      g_ptr_array_add (out, g_strstrip (g_strndup (answer, at)));
      g_ptr_array_add (out, g_strstrip (g_strdup (answer + at)));
      g_ptr_array_add (out, NULL);
      return (char **)g_ptr_array_free (out, FALSE);
    }
  }
  for (guint i = 0; i < n; i++) {
    if (out->len + 1 == max_parts && i + 1 < n) {
      g_ptr_array_add (out, g_strjoinv ("\n\n", paras + i));
      break;
    }
    g_ptr_array_add (out, g_strdup (paras[i]));
  }
  g_ptr_array_add (out, NULL);
  return (char **)g_ptr_array_free (out, FALSE);
}

static char *
proto_print (cJSON *root)
{
  char *raw = cJSON_PrintUnformatted (root);
  char *copy = g_strdup (raw);
  cJSON_free (raw);
  return copy;
}

static cJSON *
proto_chat_choice (const char *answer, gboolean delta, const char *finish)
{
  cJSON *choice = cJSON_CreateObject ();
  cJSON_AddNumberToObject (choice, "index", 0);
  cJSON *msg = cJSON_AddObjectToObject (choice, delta ? "delta" : "message");
  if (!delta)
    cJSON_AddStringToObject (msg, "role", "assistant");
  if (answer)
    cJSON_AddStringToObject (msg, "content", answer);
  if (finish)
    cJSON_AddStringToObject (choice, "finish_reason", finish);
  else
    cJSON_AddNullToObject (choice, "finish_reason");
  return choice;
}

static cJSON *
proto_chat_object (const MockProtoRequest *req, const char *object)
{
  cJSON *root = cJSON_CreateObject ();
  cJSON_AddStringToObject (root, "id", "chatcmpl-vabench-mock");
  cJSON_AddStringToObject (root, "object", object);
  cJSON_AddStringToObject (root, "model",
                           req->model ? req->model : "vabench-mock");
  return root;
}

static char *
proto_format_chat (const MockProtoRequest *req, const char *answer)
{
  g_autoptr (cJSON) root = proto_chat_object (req, "chat.completion");
  cJSON *choices = cJSON_AddArrayToObject (root, "choices");
  cJSON_AddItemToArray (choices, proto_chat_choice (answer, FALSE, "stop"));
  return proto_print (root);
}

static void
proto_sse_event (GString *out, const MockProtoRequest *req, const char *piece,
                 const char *finish)
{
  g_autoptr (cJSON) root = proto_chat_object (req, "chat.completion.chunk");
  cJSON *choices = cJSON_AddArrayToObject (root, "choices");
  cJSON_AddItemToArray (choices, proto_chat_choice (piece, TRUE, finish));
  g_autofree char *json = proto_print (root);
  g_string_append_printf (out, "data: %s\n\n", json);
}

/* Server-sent events: the answer in chunks of a few words (split after a
 * space, so UTF-8 sequences stay whole), a final chunk with finish_reason,
 * then the [DONE] sentinel. */
static char *
proto_format_sse (const MockProtoRequest *req, const char *answer)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *start = answer;
  guint words = 0;
  for (const char *p = answer; *p; p++) {
    if (*p != ' ' || ++words % PROTO_WORDS_PER_CHUNK != 0)
      continue;
    g_autofree char *piece = g_strndup (start, (gsize)(p + 1 - start));
    proto_sse_event (out, req, piece, NULL);
    start = p + 1;
  }
  if (*start)
    proto_sse_event (out, req, start, NULL);
  proto_sse_event (out, req, NULL, "stop");
  g_string_append (out, "data: [DONE]\n\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
proto_format_rasa (const MockProtoRequest *req, const char *answer)
{
  const char *recipient = req->session + strlen ("rasa:");
  g_auto (GStrv) parts = mock_proto_split (answer, 2);
  g_autoptr (cJSON) root = cJSON_CreateArray ();
  for (guint i = 0; parts[i]; i++) {
    cJSON *m = cJSON_CreateObject ();
    cJSON_AddStringToObject (m, "recipient_id", recipient);
    cJSON_AddStringToObject (m, "text", parts[i]);
    cJSON_AddItemToArray (root, m);
  }
  return proto_print (root);
}

static char *
proto_format_template (const MockProtoRequest *req, const char *answer)
{
  g_auto (GStrv) parts = mock_proto_split (answer, 4);
  g_autoptr (cJSON) root = cJSON_CreateObject ();
  cJSON *data = cJSON_AddObjectToObject (root, "data");
  cJSON *ans = cJSON_AddObjectToObject (data, "answer");
  cJSON_AddItemToObject (ans, "parts",
                         cJSON_CreateStringArray ((const char *const *)parts,
                                                  (int)g_strv_length (parts)));
  return proto_print (root);
}

char *
mock_proto_format (const MockProtoRequest *req, const char *answer,
                   const char **content_type)
{
  *content_type = "application/json; charset=utf-8";
  switch (req->proto) {
  case MOCK_PROTO_OPENAI:
    if (!req->stream)
      return proto_format_chat (req, answer);
    *content_type = "text/event-stream; charset=utf-8";
    return proto_format_sse (req, answer);
  case MOCK_PROTO_RASA:
    return proto_format_rasa (req, answer);
  case MOCK_PROTO_TEMPLATE:
    return proto_format_template (req, answer);
  }
  g_return_val_if_reached (NULL);
}

/* A JSON string as Python's json.dumps writes it (ensure_ascii): every
 * non-ASCII character as \uXXXX, astral ones as a surrogate pair. */
static void
proto_py_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p; p = g_utf8_next_char (p)) {
    gunichar c = g_utf8_get_char (p);
    if (c == '"' || c == '\\')
      g_string_append_printf (out, "\\%c", (char) c);
    else if (c == '\n')
      g_string_append (out, "\\n");
    else if (c >= 0x20 && c < 0x7f)
      g_string_append_c (out, (char) c);
    else if (c < 0x10000)
      g_string_append_printf (out, "\\u%04x", c);
    else
      g_string_append_printf (out, "\\u%04x\\u%04x",
                              0xD800 + ((c - 0x10000) >> 10),
                              0xDC00 + ((c - 0x10000) & 0x3FF));
  }
  g_string_append_c (out, '"');
}

static void
proto_py_event (GString *out, const char *delta, const char *finish)
{
  g_string_append (out, "data: {\"id\": \"chatcmpl-vabench-mock\", "
                        "\"object\": \"chat.completion.chunk\", "
                        "\"choices\": [{\"index\": 0, \"delta\": {");
  g_string_append (out, delta);
  g_string_append (out, "}, \"finish_reason\": ");
  g_string_append (out, finish ? finish : "null");
  g_string_append (out, "}]}\n\n");
}

char *
mock_proto_format_drip (const char *answer, gsize min_bytes)
{
  g_autoptr (GString) out = g_string_new (NULL);
  proto_py_event (out, "\"role\": \"assistant\", \"content\": \"\"", NULL);
  g_autoptr (GString) delta = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit (answer, " ", -1);
  /* Keep-alive comments while "thinking", so the first token comes well
   * after the first byte. */
  gsize events = 0;
  for (char **w = words; *w; w++)
    events += strlen (*w) * 6 + 120;
  while (out->len + events + 60 < min_bytes)
    g_string_append (out, ": keep-alive\n\n");
  for (char **w = words; *w; w++) {
    g_autofree char *piece = w[1] ? g_strconcat (*w, " ", NULL)
                                  : g_strdup (*w);
    g_string_assign (delta, "\"content\": ");
    proto_py_string (delta, piece);
    proto_py_event (out, delta->str, NULL);
  }
  proto_py_event (out, "", "\"stop\"");
  g_string_append (out, "data: [DONE]\n\n");
  while (out->len < min_bytes)
    g_string_append (out, ": bye\n\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
mock_proto_format_nul (const MockProtoRequest *req, const char *before,
                       const char *after)
{
  g_autoptr (cJSON) root = proto_chat_object (req, "chat.completion");
  cJSON *choices = cJSON_AddArrayToObject (root, "choices");
  /* a marker no answer holds, replaced by the escape cJSON cannot write */
  g_autofree char *joined = g_strconcat (before, "\x01", after, NULL);
  cJSON_AddItemToArray (choices, proto_chat_choice (joined, FALSE, "stop"));
  g_autofree char *json = proto_print (root);
  g_autoptr (GString) out = g_string_new (json);
  g_string_replace (out, "\\u0001", "\\u0000", 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
mock_proto_error_body (const char *type, const char *msg)
{
  g_autoptr (cJSON) root = cJSON_CreateObject ();
  cJSON *err = cJSON_AddObjectToObject (root, "error");
  cJSON_AddStringToObject (err, "message", msg);
  cJSON_AddStringToObject (err, "type", type);
  return proto_print (root);
}
