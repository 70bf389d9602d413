/* The three adapters: openai-chat, rasa-rest and a generic JSON template.
 * Request bodies are written by a JSON writer (chat, Rasa) or built as
 * cJSON trees and printed (template), so every question text is
 * JSON-escaped by construction, whatever it contains. */
#include "submissions/adapter.h"

#include <string.h>

#include "util/jsonl.h"
#include "util/jsonpick.h"
#include "util/jsonw.h"

void
adapter_request_clear (AdapterRequest *req)
{
  g_free (req->url);
  g_free (req->body);
  curl_slist_free_all (req->headers);
  memset (req, 0, sizeof *req);
}

/* Whether the manifest's own headers name this one. */
static gboolean
manifest_sets (const Manifest *m, const char *name)
{
  gsize n = strlen (name);
  for (char **l = m->headers; l && *l; l++)
    if (g_ascii_strncasecmp (*l, name, n) == 0 && (*l)[n] == ':')
      return TRUE;
  return FALSE;
}

/* Each header here costs libcurl 7.88 about 4,000 instructions per
 * request (it formats every line with its own printf), a twentieth of
 * the whole request: none is sent that the endpoint does not need.
 * libcurl's default Accept (any type) serves JSON; a stream asks for
 * text/event-stream. The user agent goes in the list, not through
 * CURLOPT_USERAGENT, which formats its line on every request too. */
struct curl_slist *
adapter_headers (const Manifest *m)
{
  struct curl_slist *h = NULL;
  /* First, so that adapter_headers_for can leave it out: an empty value
   * is never sent, so its place changes nothing on the wire. */
  h = curl_slist_append (h, "Expect:"); /* no 100-continue round trip */
  h = curl_slist_append (h, "Content-Type: application/json; charset=utf-8");
  if (m->stream && !manifest_sets (m, "Accept"))
    h = curl_slist_append (h, "Accept: text/event-stream");
  if (!manifest_sets (m, "User-Agent"))
    h = curl_slist_append (h, "User-Agent: vabench/" VABENCH_VERSION);
  for (char **l = m->headers; l && *l; l++)
    h = curl_slist_append (h, *l);
  if (m->secret && g_strcmp0 (m->auth_type, "bearer") == 0) {
    g_autofree char *line = g_strdup_printf ("Authorization: Bearer %s",
                                             m->secret);
    h = curl_slist_append (h, line);
  } else if (m->secret) {
    g_autofree char *line = g_strdup_printf ("%s: %s", m->auth_header,
                                             m->secret);
    h = curl_slist_append (h, line);
  }
  return h;
}

const struct curl_slist *
adapter_headers_for (const struct curl_slist *h, const Manifest *m,
                     gsize body_len)
{
  if (h != NULL && body_len <= ADAPTER_EXPECT_THRESHOLD
      && strcmp (h->data, "Expect:") == 0 && !manifest_sets (m, "Expect"))
    return h->next;
  return h;
}

static void
add_message (GString *out, gboolean first, const char *role,
             const char *content)
{
  if (!first)
    g_string_append_c (out, ',');
  JsonwObject msg;
  jsonw_begin (&msg, out);
  jsonw_string (&msg, "role", role);
  jsonw_string (&msg, "content", content);
  jsonw_end (&msg);
}

/* The chat and Rasa bodies are written directly (util/jsonw.h escapes as
 * cJSON does, byte for byte): a tree built and printed per request was a
 * tenth of vabench's own work per request. */
static char *
openai_body (const Manifest *m, const AdapterTurn *t)
{
  GString *out = g_string_sized_new (256);
  JsonwObject o;
  jsonw_begin (&o, out);
  if (m->model)
    jsonw_string (&o, "model", m->model);
  g_string_append (out, o.comma ? ",\"messages\":[" : "\"messages\":[");
  o.comma = TRUE;
  guint i = 0;
  for (const char *const *h = t->history; h && *h; h++, i++)
    add_message (out, i == 0, i % 2 == 0 ? "user" : "assistant", *h);
  add_message (out, i == 0, "user", t->question);
  g_string_append_c (out, ']');
  if (m->stream)
    jsonw_bool (&o, "stream", TRUE);
  jsonw_end (&o);
  return g_string_free (out, FALSE);
}

static char *
rasa_body (const AdapterTurn *t)
{
  GString *out = g_string_sized_new (128);
  JsonwObject o;
  jsonw_begin (&o, out);
  jsonw_string (&o, "sender", t->session_id);
  jsonw_string (&o, "message", t->question);
  jsonw_end (&o);
  return g_string_free (out, FALSE);
}

/* Replaces {{question}}, {{session_id}} and {{turn}} in one string. */
static char *
expand (const char *s, const AdapterTurn *t)
{
  g_autofree char *turn = g_strdup_printf ("%u", t->turn);
  GString *out = g_string_new (NULL);
  while (*s) {
    if (g_str_has_prefix (s, "{{question}}")) {
      g_string_append (out, t->question);
      s += 12;
    } else if (g_str_has_prefix (s, "{{session_id}}")) {
      g_string_append (out, t->session_id);
      s += 14;
    } else if (g_str_has_prefix (s, "{{turn}}")) {
      g_string_append (out, turn);
      s += 8;
    } else {
      g_string_append_c (out, *s++);
    }
  }
  return g_string_free (out, FALSE);
}

/* Walks a copy of the template; a string that is exactly "{{turn}}"
 * becomes a JSON number, other strings are expanded in place. */
static void
fill_template (cJSON *node, const AdapterTurn *t)
{
  cJSON *child = node->child;
  while (child) {
    cJSON *next = child->next;
    if (cJSON_IsString (child)
        && strcmp (child->valuestring, "{{turn}}") == 0) {
      cJSON *n = cJSON_CreateNumber (t->turn);
      /* In an object the replacement must carry the member's name. */
      if (child->string)
        cJSON_ReplaceItemInObjectCaseSensitive (node, child->string, n);
      else
        cJSON_ReplaceItemViaPointer (node, child, n);
    } else if (cJSON_IsString (child)) {
      g_autofree char *v = expand (child->valuestring, t);
      cJSON_SetValuestring (child, v);
    } else
      fill_template (child, t);
    child = next;
  }
}

gboolean
adapter_build_request (const Manifest *m, const AdapterTurn *t,
                       AdapterRequest *req, GError **error)
{
  if (!adapter_build_body (m, t, req, error))
    return FALSE;
  req->headers = adapter_headers (m);
  return TRUE;
}

gboolean
adapter_build_body (const Manifest *m, const AdapterTurn *t,
                    AdapterRequest *req, GError **error)
{
  if (strcmp (m->adapter, "openai-chat") == 0)
    req->body = openai_body (m, t);
  else if (strcmp (m->adapter, "rasa-rest") == 0)
    req->body = rasa_body (t);
  else {
    g_autoptr (cJSON) body = cJSON_Duplicate (m->body_template, TRUE);
    if (cJSON_IsString (body)) { /* a bare string template */
      g_autofree char *v = expand (body->valuestring, t);
      cJSON_SetValuestring (body, v);
    } else
      fill_template (body, t);
    req->body = jsonl_print (body);
  }
  req->url = g_strdup (m->endpoint);
  req->method = m->method ? m->method : "POST";
  return TRUE;
}

const cJSON *
adapter_json_pointer (const cJSON *root, const char *pointer)
{
  if (pointer == NULL || *pointer == '\0')
    return root;
  g_auto (GStrv) parts = g_strsplit (pointer + 1, "/", -1);
  const cJSON *cur = root;
  for (char **p = parts; *p && cur; p++) {
    /* ~1 before ~0, as RFC 6901 §4 requires. */
    g_autoptr (GString) key = g_string_new (*p);
    g_string_replace (key, "~1", "/", 0);
    g_string_replace (key, "~0", "~", 0);
    if (cJSON_IsArray (cur)) {
      guint64 idx;
      if (!g_ascii_string_to_unsigned (key->str, 10, 0, G_MAXINT, &idx, NULL))
        return NULL;
      cur = cJSON_GetArrayItem (cur, (int) idx);
    } else if (cJSON_IsObject (cur))
      cur = cJSON_GetObjectItemCaseSensitive (cur, key->str);
    else
      return NULL;
  }
  return cur;
}

/* Where the adapter looks, as a JSON Pointer. */
static const char *
answer_pointer (const Manifest *m)
{
  if (strcmp (m->adapter, "openai-chat") == 0)
    return "/choices/0/message/content";
  if (strcmp (m->adapter, "rasa-rest") == 0)
    return "";
  return m->answer_pointer;
}

static char *
classify (const char *cls, const char **error_class, char **detail,
          const char *why)
{
  *error_class = cls;
  *detail = g_strdup (why);
  return NULL;
}

/* UTF-8 with NUL bytes allowed (g_utf8_validate_len refuses them). */
static gboolean
utf8_with_nul (const char *s, gsize len)
{
  while (len > 0) {
    const char *nul = memchr (s, '\0', len);
    gsize n = nul ? (gsize) (nul - s) : len;
    if (!g_utf8_validate_len (s, n, NULL))
      return FALSE;
    if (nul == NULL)
      break;
    s += n + 1;
    len -= n + 1;
  }
  return TRUE;
}

/* Reads a whole body as one JSON value; the picked text goes to out. */
static gboolean
read_json (const Manifest *m, const char *body, gsize len, GString *out,
           JsonPickFound *found)
{
  g_autoptr (JsonPick) p = jsonpick_new (answer_pointer (m), TRUE, out);
  gboolean ok = jsonpick_feed (p, body, len) && jsonpick_end (p);
  *found = jsonpick_found (p);
  return ok;
}

/* An SSE stream read whole (a body that came without "stream": true). */
static gboolean
read_sse_whole (const char *body, gsize len, GString *out)
{
  g_autoptr (SseReader) r = sse_reader_new ();
  sse_reader_feed (r, body, len, 0);
  sse_reader_end (r);
  if (!sse_reader_saw_event (r))
    return FALSE;
  g_string_append_len (out, sse_reader_text (r)->str,
                       (gssize) sse_reader_text (r)->len);
  return TRUE;
}

/* Reads the answer into out; a failure class or NULL. */
static const char *
read_answer (const Manifest *m, const char *body, gsize len, SseReader *sse,
             GString *out, const char **why)
{
  gboolean openai = strcmp (m->adapter, "openai-chat") == 0;
  if (sse != NULL && sse_reader_saw_event (sse)) {
    g_string_append_len (out, sse_reader_text (sse)->str,
                         (gssize) sse_reader_text (sse)->len);
    return NULL;
  }
  /* JSON first: a truncated body that happens to cut a character in two
   * is broken JSON before it is broken UTF-8. */
  JsonPickFound found;
  if (read_json (m, body, len, out, &found)) {
    /* The reader does not check UTF-8: the answer's text is checked
     * below, as it must be text we can judge (the rest of the body is not
     * read; a second pass over it was a tenth of reading an answer). */
    if (found != JSONPICK_STRING && found != JSONPICK_ARRAY) {
      *why = "JSON has no answer text where the adapter looks";
      return "bad_json";
    }
    return NULL;
  }
  g_string_truncate (out, 0);
  if (openai && sse == NULL && read_sse_whole (body, len, out))
    return NULL;
  *why = openai ? "response body is neither JSON nor an SSE stream"
                : "response body is not JSON";
  return "bad_json";
}

char *
adapter_parse_answer (const Manifest *m, const char *body, gsize len,
                      SseReader *sse, gsize *answer_len,
                      const char **error_class, char **detail)
{
  *error_class = NULL;
  *detail = NULL;
  *answer_len = 0;
  g_autoptr (GString) out = g_string_new (NULL);
  const char *why = NULL;
  const char *cls = read_answer (m, body, len, sse, out, &why);
  if (cls != NULL)
    return classify (cls, error_class, detail, why);
  if (!utf8_with_nul (out->str, out->len))
    return classify ("bad_utf8", error_class, detail,
                     "answer is not valid UTF-8");
  gsize a = 0, b = out->len;
  while (a < b && g_ascii_isspace (out->str[a]))
    a++;
  while (b > a && g_ascii_isspace (out->str[b - 1]))
    b--;
  if (a == b)
    return classify ("empty_answer", error_class, detail, "answer is empty");
  g_string_truncate (out, b);
  g_string_erase (out, 0, (gssize) a);
  *answer_len = out->len;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
