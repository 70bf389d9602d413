/* The three adapters: openai-chat, rasa-rest and a generic JSON template.
 * Request bodies are built as cJSON trees and printed, so every question
 * text is JSON-escaped by construction, whatever it contains. */
#include "submissions/adapter.h"

#include <string.h>

#include "util/jsonl.h"

void
adapter_request_clear (AdapterRequest *req)
{
  g_free (req->url);
  g_free (req->body);
  curl_slist_free_all (req->headers);
  memset (req, 0, sizeof *req);
}

static struct curl_slist *
common_headers (const Manifest *m)
{
  struct curl_slist *h = NULL;
  h = curl_slist_append (h, "Content-Type: application/json; charset=utf-8");
  h = curl_slist_append (h, "Accept: application/json, text/event-stream");
  h = curl_slist_append (h, "Expect:"); /* no 100-continue round trip */
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

static void
add_message (cJSON *msgs, const char *role, const char *content)
{
  cJSON *msg = cJSON_CreateObject ();
  cJSON_AddStringToObject (msg, "role", role);
  cJSON_AddStringToObject (msg, "content", content);
  cJSON_AddItemToArray (msgs, msg);
}

static cJSON *
openai_body (const Manifest *m, const AdapterTurn *t)
{
  cJSON *o = cJSON_CreateObject ();
  if (m->model)
    cJSON_AddStringToObject (o, "model", m->model);
  cJSON *msgs = cJSON_AddArrayToObject (o, "messages");
  guint i = 0;
  for (const char *const *h = t->history; h && *h; h++, i++)
    add_message (msgs, i % 2 == 0 ? "user" : "assistant", *h);
  add_message (msgs, "user", t->question);
  if (m->stream)
    cJSON_AddBoolToObject (o, "stream", TRUE);
  return o;
}

static cJSON *
rasa_body (const AdapterTurn *t)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "sender", t->session_id);
  cJSON_AddStringToObject (o, "message", t->question);
  return o;
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
  g_autoptr (cJSON) body = NULL;
  if (strcmp (m->adapter, "openai-chat") == 0)
    body = openai_body (m, t);
  else if (strcmp (m->adapter, "rasa-rest") == 0)
    body = rasa_body (t);
  else {
    body = cJSON_Duplicate (m->body_template, TRUE);
    if (cJSON_IsString (body)) { /* a bare string template */
      g_autofree char *v = expand (body->valuestring, t);
      cJSON_SetValuestring (body, v);
    } else
      fill_template (body, t);
  }
  req->url = g_strdup (m->endpoint);
  req->method = m->method ? m->method : "POST";
  req->body = jsonl_print (body);
  req->headers = common_headers (m);
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

/* Strings are taken as is; an array's strings (or objects' "text") are
 * joined with a newline, as multi-message bots answer in parts. */
static char *
text_of (const cJSON *n)
{
  if (cJSON_IsString (n))
    return g_strdup (n->valuestring);
  if (!cJSON_IsArray (n))
    return NULL;
  GString *out = g_string_new (NULL);
  const cJSON *e;
  cJSON_ArrayForEach (e, n)
  {
    const cJSON *s = cJSON_IsObject (e)
                         ? cJSON_GetObjectItemCaseSensitive (e, "text")
                         : e;
    if (!cJSON_IsString (s))
      continue;
    if (out->len)
      g_string_append_c (out, '\n');
    g_string_append (out, s->valuestring);
  }
  return g_string_free (out, FALSE);
}

/* openai-chat SSE: concatenates choices[0].delta.content of each event. */
static char *
sse_answer (const char *body, gsize len, gboolean *ok)
{
  GString *out = g_string_new (NULL);
  g_autofree char *copy = g_strndup (body, len);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);
  *ok = FALSE;
  for (char **l = lines; *l; l++) {
    g_strchomp (*l);
    if (!g_str_has_prefix (*l, "data:"))
      continue;
    const char *data = *l + 5;
    while (*data == ' ')
      data++;
    if (strcmp (data, "[DONE]") == 0)
      break;
    g_autoptr (cJSON) ev = cJSON_Parse (data);
    if (ev == NULL)
      continue;
    *ok = TRUE;
    const cJSON *c = adapter_json_pointer (ev, "/choices/0/delta/content");
    if (cJSON_IsString (c))
      g_string_append (out, c->valuestring);
  }
  return g_string_free (out, FALSE);
}

static const cJSON *
answer_node (const Manifest *m, const cJSON *root)
{
  if (strcmp (m->adapter, "openai-chat") == 0)
    return adapter_json_pointer (root, "/choices/0/message/content");
  if (strcmp (m->adapter, "rasa-rest") == 0)
    return root;
  return adapter_json_pointer (root, m->answer_pointer);
}

static char *
classify (const char *cls, const char **error_class, char **detail,
          const char *why)
{
  *error_class = cls;
  *detail = g_strdup (why);
  return NULL;
}

char *
adapter_parse_answer (const Manifest *m, const char *body, gsize len,
                      const char **error_class, char **detail)
{
  *error_class = NULL;
  *detail = NULL;
  /* JSON first: a truncated body that happens to cut a character in two
   * is broken JSON before it is broken UTF-8. */
  g_autofree char *answer = NULL;
  g_autoptr (cJSON) root = cJSON_ParseWithLength (body, len);
  if (root == NULL && strcmp (m->adapter, "openai-chat") == 0) {
    gboolean ok;
    answer = sse_answer (body, len, &ok);
    if (!ok)
      return classify ("bad_json", error_class, detail,
                       "response body is neither JSON nor an SSE stream");
  } else if (root == NULL) {
    return classify ("bad_json", error_class, detail,
                     "response body is not JSON");
  } else {
    /* cJSON does not check UTF-8; the answer must be text we can judge. */
    if (!g_utf8_validate_len (body, len, NULL))
      return classify ("bad_utf8", error_class, detail,
                       "response body is not valid UTF-8");
    answer = text_of (answer_node (m, root));
    if (answer == NULL)
      return classify ("bad_json", error_class, detail,
                       "JSON has no answer text where the adapter looks");
  }
  if (!g_utf8_validate (answer, -1, NULL))
    return classify ("bad_utf8", error_class, detail,
                     "answer is not valid UTF-8");
  if (*g_strstrip (answer) == '\0')
    return classify ("empty_answer", error_class, detail, "answer is empty");
  return g_steal_pointer (&answer);
}
