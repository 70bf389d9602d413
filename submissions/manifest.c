#include "submissions/manifest.h"

#include <string.h>

#include "util/input_file.h"
#include "util/jsonl.h"
#include "util/suggest.h"

G_DEFINE_QUARK (vabench-manifest-error-quark, manifest_error)

static const char *const adapters[]
    = { "openai-chat", "rasa-rest", "template", NULL };

void
manifest_free (Manifest *m)
{
  if (m == NULL)
    return;
  g_free (m->path);
  g_free (m->id);
  g_free (m->name);
  g_free (m->province);
  g_free (m->endpoint);
  g_free (m->adapter);
  g_free (m->model);
  g_free (m->auth_type);
  g_free (m->auth_env);
  g_free (m->auth_header);
  if (m->secret)
    memset (m->secret, 0, strlen (m->secret));
  g_free (m->secret);
  g_strfreev (m->headers);
  g_strfreev (m->redirect_hosts);
  g_free (m->method);
  cJSON_Delete (m->body_template);
  g_free (m->answer_pointer);
  g_free (m);
}

/* cJSON keeps no positions: the line of a field is the line of the first
 * "field" followed by ':' in the text (a key, not a value that happens to
 * read the same), which is exact for the flat manifests we read. */
static guint
line_of_field (const char *text, const char *field)
{
  if (field == NULL)
    return 1;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", field);
  const char *at = text;
  while ((at = strstr (at, quoted)) != NULL) {
    const char *after = at + strlen (quoted);
    while (g_ascii_isspace (*after))
      after++;
    if (*after == ':')
      break;
    at++;
  }
  if (at == NULL)
    return 1;
  guint line = 1;
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

/* The member being read when a check fails: its key's line names the
 * error. Tracked as the reading goes, never recovered from a message. */
typedef struct {
  const char *field;
} Where;

static gboolean
fail (Where *w, const char *field, GError **error, const char *fmt, ...)
    G_GNUC_PRINTF (4, 5);
static gboolean
fail (Where *w, const char *field, GError **error, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  w->field = field;
  g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
               "field \"%s\": %s", field, msg);
  return FALSE;
}

/* jsonl's typed getters (util/jsonl.h), noting the member first. */
#define GET(type, w, o, name, ...)                                           \
  ((w)->field = (name), jsonl_get_##type ((o), (name), __VA_ARGS__))

/* Limits of a manifest (submissions/README.md): a flat JSON file. */
#define MANIFEST_MAX_BYTES (1024 * 1024)
#define MANIFEST_MAX_LINE (64 * 1024)
#define MANIFEST_MAX_LIST 64 /* headers, allow_redirect_hosts */
#define MANIFEST_ID_MAX 64
#define MANIFEST_ENV_PREFIX "VABENCH_"
#define MANIFEST_ENV_MAX 64

static gboolean
valid_id (const char *id)
{
  if (*id == '\0' || strlen (id) > MANIFEST_ID_MAX)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

/* A token variable must be named VABENCH_[A-Z0-9_]+: a manifest — which
 * may come with someone else's run directory — can then reach only
 * variables set for vabench, never GITHUB_TOKEN, AWS_SECRET_ACCESS_KEY or
 * a CI's other secrets. */
static gboolean
valid_env_name (const char *name)
{
  gsize n = strlen (name), p = strlen (MANIFEST_ENV_PREFIX);
  if (n <= p || n > MANIFEST_ENV_MAX
      || strncmp (name, MANIFEST_ENV_PREFIX, p) != 0)
    return FALSE;
  for (const char *c = name + p; *c; c++)
    if (!g_ascii_isupper (*c) && !g_ascii_isdigit (*c) && *c != '_')
      return FALSE;
  return TRUE;
}

/* RFC 9110 field-name: a token. */
static gboolean
valid_header_name (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *c = name; *c; c++)
    if (!g_ascii_isalnum (*c) && strchr ("!#$%&'*+-.^_`|~", *c) == NULL)
      return FALSE;
  return TRUE;
}

/* RFC 9110 field-value: no control character but a tab (a CR or LF would
 * end the header and start another). */
static gboolean
valid_header_value (const char *value)
{
  for (const guchar *c = (const guchar *) value; *c; c++)
    if ((*c < 0x20 && *c != '\t') || *c == 0x7f)
      return FALSE;
  return TRUE;
}

/* "\u0000" outside an escaped backslash: cJSON would cut the string there,
 * so what is checked would not be what the author wrote. */
static gboolean
has_escaped_nul (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++) {
    if (text[i] != '\\')
      continue;
    gsize run = 0;
    while (i + run < len && text[i + run] == '\\')
      run++;
    i += run;
    if (run % 2 == 1 && i + 5 <= len
        && g_ascii_strncasecmp (text + i, "u0000", 5) == 0)
      return TRUE;
  }
  return FALSE;
}

static gboolean
read_limits (Where *w, const cJSON *o, Manifest *m, GError **error)
{
  double conc = 0, rate = 0, tmo = 0;
  if (!GET (number, w, o, "concurrency", TRUE, &conc, error)
      || !GET (number, w, o, "rate_per_sec", TRUE, &rate, error)
      || !GET (number, w, o, "timeout_ms", TRUE, &tmo, error))
    return FALSE;
  if (conc < 0 || conc > 100000 || conc != (guint) conc)
    return fail (w, "concurrency", error, "%g is not a count in 0..100000",
                 conc);
  if (rate < 0)
    return fail (w, "rate_per_sec", error, "must be ≥ 0");
  if (tmo < 0 || tmo > 3600000 || tmo != (guint) tmo)
    return fail (w, "timeout_ms", error, "%g is not a whole number of "
                 "milliseconds in 0..3600000", tmo);
  m->concurrency = (guint) conc;
  m->rate_per_sec = rate;
  m->timeout_ms = (guint) tmo;
  return TRUE;
}

static gboolean
read_auth (Where *w, const cJSON *o, Manifest *m, GError **error)
{
  const cJSON *auth = NULL;
  if (!GET (object, w, o, "auth", TRUE, &auth, error))
    return FALSE;
  if (auth == NULL)
    return TRUE;
  const char *type = NULL, *env = NULL, *header = NULL;
  if (!GET (string, w, auth, "type", FALSE, &type, error)
      || !GET (string, w, auth, "env", FALSE, &env, error)
      || !GET (string, w, auth, "header", TRUE, &header, error)) {
    g_prefix_error (error, "auth: ");
    return FALSE;
  }
  if (strcmp (type, "bearer") != 0 && strcmp (type, "header") != 0)
    return fail (w, "auth", error,
                 "type \"%s\" is neither \"bearer\" nor \"header\"", type);
  if (strcmp (type, "header") == 0 && header == NULL)
    return fail (w, "auth", error, "type \"header\" needs \"header\"");
  if (header && !valid_header_name (header))
    return fail (w, "auth", error, "\"%s\" is not a header name", header);
  if (!valid_env_name (env))
    return fail (w, "auth", error,
                 "env \"%s\" is not a token variable: its name must be "
                 MANIFEST_ENV_PREFIX "[A-Z0-9_]+ (at most %d characters), so "
                 "that a manifest can reach no other secret",
                 env, MANIFEST_ENV_MAX);
  m->auth_type = g_strdup (type);
  m->auth_env = g_strdup (env);
  m->auth_header = g_strdup (header);
  return TRUE;
}

static gboolean
read_headers (Where *w, const cJSON *o, Manifest *m, GError **error)
{
  const cJSON *h = NULL;
  if (!GET (object, w, o, "headers", TRUE, &h, error))
    return FALSE;
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const cJSON *e;
  cJSON_ArrayForEach (e, h)
  {
    if (!cJSON_IsString (e))
      return fail (w, "headers", error, "value of \"%s\" must be a string",
                   e->string);
    if (lines->len >= MANIFEST_MAX_LIST)
      return fail (w, "headers", error, "more than %d headers",
                   MANIFEST_MAX_LIST);
    if (!valid_header_name (e->string) || !valid_header_value (e->valuestring))
      return fail (w, "headers", error,
                   "\"%s\" is not a valid header (a name is a token; a "
                   "value holds no line break or other control character)",
                   e->string);
    g_ptr_array_add (lines, g_strdup_printf ("%s: %s", e->string,
                                             e->valuestring));
  }
  g_ptr_array_add (lines, NULL);
  m->headers = (char **) g_ptr_array_steal (lines, NULL);
  return TRUE;
}

static gboolean
read_template (Where *w, const cJSON *o, Manifest *m, GError **error)
{
  const char *method = "POST", *ptr = NULL;
  const cJSON *body = NULL;
  gboolean is_tpl = strcmp (m->adapter, "template") == 0;
  if (!GET (string, w, o, "method", TRUE, &method, error)
      || !GET (string, w, o, "answer_pointer", !is_tpl, &ptr, error))
    return FALSE;
  body = cJSON_GetObjectItemCaseSensitive (o, "body");
  if (is_tpl && body == NULL)
    return fail (w, "body", error, "missing (the JSON body template)");
  if (ptr && *ptr != '\0' && *ptr != '/')
    return fail (w, "answer_pointer", error,
                 "\"%s\" is not a JSON Pointer (must start with '/')", ptr);
  if (strcmp (method, "POST") != 0 && strcmp (method, "PUT") != 0)
    return fail (w, "method", error, "\"%s\" (POST or PUT)", method);
  m->method = g_strdup (method);
  m->answer_pointer = g_strdup (ptr);
  m->body_template = body ? cJSON_Duplicate (body, TRUE) : NULL;
  return TRUE;
}

static gboolean
read_fields (Where *w, const cJSON *o, Manifest *m, GError **error)
{
  const char *id = NULL, *name = NULL, *prov = NULL, *ep = NULL, *ad = NULL,
             *model = NULL;
  gboolean stream = FALSE;
  if (!GET (string, w, o, "id", FALSE, &id, error)
      || !GET (string, w, o, "name", TRUE, &name, error)
      || !GET (string, w, o, "province", TRUE, &prov, error)
      || !GET (string, w, o, "endpoint", FALSE, &ep, error)
      || !GET (string, w, o, "adapter", FALSE, &ad, error)
      || !GET (string, w, o, "model", TRUE, &model, error)
      || !GET (bool, w, o, "stream", TRUE, &stream, error)
      || !GET (strv, w, o, "allow_redirect_hosts", TRUE, &m->redirect_hosts,
               error))
    return FALSE;
  if (!valid_id (id))
    return fail (w, "id", error,
                 "\"%s\" must be letters, digits, '-', '_' or '.'", id);
  if (!g_str_has_prefix (ep, "http://") && !g_str_has_prefix (ep, "https://"))
    return fail (w, "endpoint", error, "\"%s\" is not an http(s) URL", ep);
  g_autoptr (GUri) uri = g_uri_parse (ep, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL
      || *g_uri_get_host (uri) == '\0')
    return fail (w, "endpoint", error, "\"%s\" is not a valid URL", ep);
  /* Never echoed: the message would carry the password. */
  if (g_uri_get_userinfo (uri) != NULL)
    return fail (w, "endpoint", error,
                 "a URL holding credentials (user:password@) is refused: "
                 "they would be written to manifest.json; give the token "
                 "with \"auth\"");
  if (m->redirect_hosts
      && g_strv_length (m->redirect_hosts) > MANIFEST_MAX_LIST)
    return fail (w, "allow_redirect_hosts", error, "more than %d hosts",
                 MANIFEST_MAX_LIST);
  if (!g_strv_contains (adapters, ad))
    return fail (w, "adapter", error,
                 "unknown adapter \"%s\" (known: openai-chat, rasa-rest, "
                 "template)", ad);
  m->id = g_strdup (id);
  m->name = g_strdup (name ? name : id);
  m->province = g_strdup (prov);
  m->endpoint = g_strdup (ep);
  m->adapter = g_strdup (ad);
  m->model = g_strdup (model);
  m->stream = stream;
  return read_limits (w, o, m, error) && read_auth (w, o, m, error)
         && read_headers (w, o, m, error) && read_template (w, o, m, error);
}

/* Every member a manifest may hold (submissions/README.md). An unknown
 * one is an error: "atuh" for "auth" used to send every request without
 * its token, and the run still exited 0. */
static const char *const known_fields[] = {
  "id", "name", "province", "endpoint", "adapter", "model", "stream",
  "auth", "headers", "concurrency", "rate_per_sec", "timeout_ms",
  "allow_redirect_hosts", "method", "body", "answer_pointer", NULL,
};
static const char *const known_auth[] = { "type", "env", "header", NULL };

static gboolean
unknown_member (Where *w, const char *prefix, const char *name,
                const char *const *known, GError **error)
{
  g_autofree char *hint = suggest_hint (name, known);
  g_autofree char *all = g_strjoinv (", ", (char **) known);
  w->field = name;
  g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
               "field \"%s%s\": unknown field%s (known: %s)", prefix, name,
               hint, all);
  return FALSE;
}

static gboolean
check_members (Where *w, const cJSON *o, GError **error)
{
  const cJSON *e;
  cJSON_ArrayForEach (e, o)
  {
    if (!g_strv_contains (known_fields, e->string))
      return unknown_member (w, "", e->string, known_fields, error);
  }
  const cJSON *auth = cJSON_GetObjectItemCaseSensitive (o, "auth");
  if (!cJSON_IsObject (auth))
    return TRUE;
  cJSON_ArrayForEach (e, auth)
  {
    if (!g_strv_contains (known_auth, e->string))
      return unknown_member (w, "auth.", e->string, known_auth, error);
  }
  return TRUE;
}

static gboolean
resolve_secret (Manifest *m, GError **error)
{
  if (m->auth_env == NULL)
    return TRUE;
  const char *v = g_getenv (m->auth_env);
  if (v == NULL || *v == '\0') {
    g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_SECRET,
                 "%s: field \"auth.env\": environment variable %s is not set "
                 "(it must hold the token for submission \"%s\")",
                 m->path, m->auth_env, m->id);
    return FALSE;
  }
  /* The token goes into a header line: a line break would add headers. */
  if (!valid_header_value (v)) {
    g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_SECRET,
                 "%s: field \"auth.env\": environment variable %s holds a "
                 "line break or another control character (a token is one "
                 "line)",
                 m->path, m->auth_env);
    return FALSE;
  }
  m->secret = g_strdup (v);
  return TRUE;
}

Manifest *
manifest_load (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  const InputLimits limits = { MANIFEST_MAX_BYTES, MANIFEST_MAX_LINE };
  if (!input_file_read (path, &limits, "a manifest", &text, &len,
                        MANIFEST_ERROR, MANIFEST_ERROR_INVALID, error))
    return NULL;
  if (has_escaped_nul (text, len)) {
    g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                 "%s: a NUL character (\\u0000) is not allowed in a "
                 "manifest", path);
    return NULL;
  }
  if (!g_utf8_validate_len (text, len, NULL)) {
    g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                 "%s:1: invalid UTF-8", path);
    return NULL;
  }
  g_autoptr (cJSON) o = cJSON_ParseWithLength (text, len);
  if (o == NULL || !cJSON_IsObject (o)) {
    const char *at = o ? text : cJSON_GetErrorPtr ();
    guint line = 1;
    for (const char *p = text; at && p < at && p < text + len; p++)
      line += *p == '\n';
    g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                 "%s:%u: %s", path, line,
                 o ? "a manifest must be one JSON object" : "invalid JSON");
    return NULL;
  }
  g_autoptr (Manifest) m = g_new0 (Manifest, 1);
  m->path = g_strdup (path);
  g_autoptr (GError) local = NULL;
  Where w = { NULL };
  if (!check_members (&w, o, &local) || !read_fields (&w, o, m, &local)) {
    g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID, "%s:%u: %s",
                 path, line_of_field (text, w.field), local->message);
    return NULL;
  }
  if (!resolve_secret (m, error))
    return NULL;
  return g_steal_pointer (&m);
}

guint
manifest_field_line (const Manifest *m, const char *field)
{
  g_autofree char *text = NULL;
  if (!g_file_get_contents (m->path, &text, NULL, NULL))
    return 1;
  return line_of_field (text, field);
}

cJSON *
manifest_snapshot (const Manifest *m)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "id", m->id);
  cJSON_AddStringToObject (o, "name", m->name);
  if (m->province)
    cJSON_AddStringToObject (o, "province", m->province);
  cJSON_AddStringToObject (o, "endpoint", m->endpoint);
  cJSON_AddStringToObject (o, "adapter", m->adapter);
  if (m->model)
    cJSON_AddStringToObject (o, "model", m->model);
  if (m->auth_env) {
    /* Only the variable's name: the secret itself never leaves memory. */
    cJSON *a = cJSON_AddObjectToObject (o, "auth");
    cJSON_AddStringToObject (a, "type", m->auth_type);
    cJSON_AddStringToObject (a, "env", m->auth_env);
  }
  cJSON_AddNumberToObject (o, "concurrency", m->concurrency);
  cJSON_AddNumberToObject (o, "rate_per_sec", m->rate_per_sec);
  cJSON_AddNumberToObject (o, "timeout_ms", m->timeout_ms);
  cJSON_AddStringToObject (o, "source", m->path);
  return o;
}
