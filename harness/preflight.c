#include "harness/preflight.h"

#include "util/one_line.h"

#include <string.h>

#include "harness/transfer.h"

/* A greeting any assistant answers; no question of a set is spent. */
#define PREFLIGHT_QUESTION "Xin chào, bạn có thể giúp tôi về thủ tục hành " \
                           "chính không?"
#define PREFLIGHT_BODY_HEAD 160

G_DEFINE_QUARK (vabench-preflight-error-quark, preflight_error)

const char *
preflight_state_name (PreflightState s)
{
  switch (s) {
  case PREFLIGHT_OK:
    return "ok";
  case PREFLIGHT_WARNING:
    return "warning";
  case PREFLIGHT_UNAVAILABLE:
    return "unavailable";
  }
  return "?";
}

void
preflight_result_clear (PreflightResult *r)
{
  g_clear_pointer (&r->reason, g_free);
  g_clear_pointer (&r->fix, g_free);
}

/* The endpoint's path, "" when it has none. */
static char *
path_of (const char *url)
{
  g_autoptr (GUri) u = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return g_strdup (u ? g_uri_get_path (u) : "");
}

static char *
host_of (const char *url)
{
  g_autoptr (GUri) u = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (u == NULL || g_uri_get_host (u) == NULL)
    return g_strdup (url);
  int port = g_uri_get_port (u);
  if (port > 0)
    return g_strdup_printf ("%s:%d", g_uri_get_host (u), port);
  return g_strdup (g_uri_get_host (u));
}

/* The path the adapter talks to, by convention. */
static const char *
usual_path (const Manifest *m)
{
  if (strcmp (m->adapter, "openai-chat") == 0)
    return "/v1/chat/completions";
  if (strcmp (m->adapter, "rasa-rest") == 0)
    return "/webhooks/rest/webhook";
  return NULL;
}

/* A 404 or 405: most often the base URL instead of the chat path. The
 * longest end of the URL's path that begins the usual path ("/v1" of
 * "/v1/chat/completions") says what is missing. */
static char *
path_fix (const Manifest *m)
{
  g_autofree char *path = path_of (m->endpoint);
  const char *usual = usual_path (m);
  gsize n = strlen (path);
  while (n > 0 && path[n - 1] == '/')
    path[--n] = '\0';
  if (usual == NULL)
    return g_strdup ("check the path of \"endpoint\": the template adapter "
                     "posts to it as written");
  const char *what = strcmp (m->adapter, "openai-chat") == 0 ? "chat"
                                                             : "Rasa";
  for (gsize k = 0; k < n; k++) {
    if (path[k] != '/')
      continue;
    gsize tail = n - k;
    if (strncmp (usual, path + k, tail) == 0 && usual[tail] == '/')
      return g_strdup_printf ("the URL ends in %s; the %s path is %s%s?",
                              path + k, what, path, usual + tail);
  }
  if (n == 0)
    return g_strdup_printf ("the URL has no path; the %s path is usually "
                            "%s",
                            what, usual);
  return g_strdup_printf ("the %s adapter usually posts to …%s; the URL's "
                          "path is %s: check it with the province",
                          m->adapter, usual, path);
}

/* A redirect the run will follow (harness/scheduler.c has the same
 * rule): its host is listed in allow_redirect_hosts. */
static gboolean
redirect_allowed (const Manifest *m, const char *location)
{
  if (location == NULL || m->redirect_hosts == NULL)
    return FALSE;
  g_autoptr (GUri) u = g_uri_parse (location, G_URI_FLAGS_NONE, NULL);
  const char *host = u ? g_uri_get_host (u) : NULL;
  return host
         && g_strv_contains ((const char *const *) m->redirect_hosts, host);
}

/* One line of the body's start, for a reason (never the whole page). */
static char *
body_head (const char *body)
{
  if (body == NULL || *body == '\0')
    return NULL;
  g_autofree char *valid = g_utf8_make_valid (body, -1);
  GString *out = g_string_new (NULL);
  for (const char *p = valid; *p && out->len < PREFLIGHT_BODY_HEAD; p++)
    g_string_append_c (out, g_ascii_isspace (*p) ? ' ' : *p);
  g_autofree char *s = g_string_free (out, FALSE);
  return g_utf8_make_valid (g_strstrip (s), -1);
}

static void
set (PreflightResult *r, PreflightState st, char *reason, char *fix)
{
  r->state = st;
  /* a reason carries what the endpoint sent (its body's start, a
   * Location, libcurl's words about it) */
  r->reason = one_line (reason);
  r->fix = one_line (fix);
  g_free (reason);
  g_free (fix);
}

static void
diagnose_http (const Manifest *m, const PreflightSeen *seen,
               PreflightResult *r)
{
  long st = seen->status;
  g_autofree char *head = body_head (seen->body);
  g_autofree char *said = head ? g_strdup_printf (": %s", head)
                               : g_strdup ("");
  if (st == 401 || st == 403) {
    char *fix;
    if (m->auth_env == NULL)
      fix = g_strdup ("the manifest sends no token: add \"auth\": "
                      "{\"type\": \"bearer\", \"env\": \"VARIABLE\"}");
    else if (st == 401)
      fix = g_strdup_printf ("the token in $%s is refused: check that the "
                             "variable holds the current token and that "
                             "auth.type is the endpoint's",
                             m->auth_env);
    else
      fix = g_strdup_printf ("the token in $%s is refused or lacks the "
                             "right, or the endpoint admits only some "
                             "addresses: ask the province",
                             m->auth_env);
    set (r, PREFLIGHT_UNAVAILABLE,
         g_strdup_printf ("HTTP %ld (%s)%s", st,
                          st == 401 ? "credentials wanted" : "forbidden",
                          said),
         fix);
  } else if (st == 404 || st == 405)
    set (r, PREFLIGHT_UNAVAILABLE,
         g_strdup_printf ("HTTP %ld (%s) at %s", st,
                          st == 404 ? "no such path" : "method not allowed",
                          m->endpoint),
         path_fix (m));
  else
    set (r, PREFLIGHT_UNAVAILABLE,
         g_strdup_printf ("HTTP %ld: the request was refused%s", st, said),
         g_strdup_printf ("is \"adapter\" (%s) the protocol this endpoint "
                          "speaks, and is \"model\" one it knows?",
                          m->adapter));
}

void
preflight_diagnose (const Manifest *m, const PreflightSeen *seen,
                    PreflightResult *r)
{
  r->m = m;
  r->cls = seen->cls;
  r->status = seen->status;
  r->reason = r->fix = NULL;
  g_autofree char *host = host_of (m->endpoint);
  const char *detail = seen->detail ? seen->detail : "";
  switch (seen->cls) {
  case FAILURE_NONE:
    set (r, PREFLIGHT_OK, g_strdup ("answered"), NULL);
    return;
  case FAILURE_DNS:
    set (r, PREFLIGHT_UNAVAILABLE,
         g_strdup_printf ("the host name of %s does not resolve (%s)", host,
                          detail),
         g_strdup ("check the host in \"endpoint\" (a typo, or a name known "
                   "only inside the province's network?)"));
    return;
  case FAILURE_CONNECT:
    if (seen->refused)
      set (r, PREFLIGHT_UNAVAILABLE,
           g_strdup_printf ("no connection to %s (%s)", host, detail),
           g_strdup ("is the assistant running, is the port right, and "
                     "does a firewall let the contest's address in?"));
    else
      set (r, PREFLIGHT_WARNING,
          g_strdup_printf ("the connection to %s was dropped before an "
                           "answer (%s)", host, detail),
          NULL);
    return;
  case FAILURE_TLS:
    set (r, PREFLIGHT_UNAVAILABLE,
         g_strdup_printf ("TLS with %s failed (%s)", host, detail),
         g_strdup ("the certificate must be valid for the host name, "
                   "complete and current; or is the endpoint http:// "
                   "rather than https://?"));
    return;
  case FAILURE_HTTP_4XX:
    if (seen->status != 408) {
      diagnose_http (m, seen, r);
      return;
    }
    break;
  case FAILURE_REDIRECT:
    if (redirect_allowed (m, seen->location)) {
      set (r, PREFLIGHT_WARNING,
           g_strdup_printf ("HTTP %ld redirects to %s, a host the manifest "
                            "allows: followed during the run",
                            seen->status, seen->location),
           NULL);
      return;
    }
    set (r, PREFLIGHT_UNAVAILABLE,
         g_strdup_printf ("HTTP %ld redirects to %s; redirects are not "
                          "followed",
                          seen->status,
                          seen->location ? seen->location : "(no Location)"),
         seen->location
             ? g_strdup_printf ("use %s as \"endpoint\", or list its host "
                                "in \"allow_redirect_hosts\"",
                                seen->location)
             : g_strdup ("use the final URL as \"endpoint\""));
    return;
  case FAILURE_BAD_JSON: {
    g_autofree char *head = body_head (seen->body);
    gboolean html = head && head[0] == '<';
    set (r, PREFLIGHT_UNAVAILABLE,
         html ? g_strdup_printf ("the answer is an HTML page, not the %s "
                                 "adapter's JSON: %s",
                                 m->adapter, head)
              : g_strdup_printf ("the answer is not the %s adapter's shape "
                                 "(%s)%s%s",
                                 m->adapter, detail, head ? ": " : "",
                                 head ? head : ""),
         html ? g_strdup ("is \"endpoint\" the web site rather than its "
                          "API?")
              : g_strdup_printf ("check \"adapter\" (%s) and the path of "
                                 "\"endpoint\"",
                                 m->adapter));
    return;
  }
  default:
    break;
  }
  /* A 5xx, 429, timeout, odd bytes, an empty answer: the run's retries
   * and its early stop deal with these; fired anyway. */
  set (r, PREFLIGHT_WARNING,
       g_strdup_printf ("%s%s%s", failure_name (seen->cls),
                        *detail ? ": " : "", detail),
       NULL);
}

cJSON *
preflight_result_json (const PreflightResult *r)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "state", preflight_state_name (r->state));
  if (r->cls != FAILURE_NONE)
    cJSON_AddStringToObject (o, "class", failure_name (r->cls));
  else
    cJSON_AddNullToObject (o, "class");
  cJSON_AddNumberToObject (o, "http_status", (double) r->status);
  cJSON_AddStringToObject (o, "reason", r->reason ? r->reason : "");
  if (r->fix)
    cJSON_AddStringToObject (o, "fix", r->fix);
  return o;
}

/* ---- the probes ---- */

typedef struct {
  const Manifest *m;
  CURL *easy;
  Transfer t;
  CURLcode rc;
  gboolean started, done;
} Probe;

static void
probe_result (Probe *p, PreflightResult *r)
{
  TransferOutcome o = { 0 };
  transfer_read_outcome (&p->t, p->rc, p->m, &o);
  FailureClass cls = FAILURE_NONE;
  if (o.cls && !failure_parse (o.cls, &cls))
    cls = FAILURE_OTHER;
  PreflightSeen seen = {
    cls, o.status,
    p->rc == CURLE_COULDNT_CONNECT
        || (cls == FAILURE_CONNECT && p->rc == CURLE_OPERATION_TIMEDOUT),
    o.detail, p->t.body ? p->t.body->str : NULL, o.location,
  };
  preflight_diagnose (p->m, &seen, r);
  transfer_outcome_clear (&o);
}

static void
clear_result (gpointer p)
{
  preflight_result_clear (p);
}

GArray *
preflight_run (const Contest *c, const char *run_id, GError **error)
{
  guint n = c->manifests->len;
  curl_global_init (CURL_GLOBAL_DEFAULT);
  g_autofree Probe *probes = g_new0 (Probe, n);
  CURLM *multi = curl_multi_init ();
  static const char *const no_history[] = { NULL };
  gboolean ok = multi != NULL;
  for (guint i = 0; ok && i < n; i++) {
    Probe *p = &probes[i];
    p->m = g_ptr_array_index (c->manifests, i);
    p->easy = curl_easy_init ();
    g_autofree char *session = g_strdup_printf ("%s:%s:preflight", run_id,
                                                p->m->id);
    AdapterTurn turn = { PREFLIGHT_QUESTION, no_history, session, 0 };
    TransferSpec spec = { p->m, NULL, contest_timeout_for (c, p->m),
                          c->connect_timeout_ms, c->max_body_bytes, FALSE,
                          NULL, FALSE, NULL, FALSE, NULL };
    ok = p->easy != NULL
         && transfer_start (&p->t, p->easy, &spec, &turn, p, error)
         && curl_multi_add_handle (multi, p->easy) == CURLM_OK;
    p->started = ok;
  }
  int running = ok ? 1 : 0;
  while (running > 0) {
    if (curl_multi_perform (multi, &running) != CURLM_OK
        || curl_multi_poll (multi, NULL, 0, 200, NULL) != CURLM_OK)
      break;
    CURLMsg *msg;
    int left;
    while ((msg = curl_multi_info_read (multi, &left)) != NULL) {
      Probe *p = NULL;
      curl_easy_getinfo (msg->easy_handle, CURLINFO_PRIVATE, (char **) &p);
      if (msg->msg == CURLMSG_DONE && p != NULL) {
        p->rc = msg->data.result;
        p->done = TRUE;
      }
    }
  }
  GArray *out = NULL;
  if (ok) {
    out = g_array_sized_new (FALSE, TRUE, sizeof (PreflightResult), n);
    g_array_set_clear_func (out, clear_result);
    for (guint i = 0; i < n; i++) {
      PreflightResult r = { 0 };
      if (!probes[i].done)
        probes[i].rc = CURLE_OPERATION_TIMEDOUT;
      probe_result (&probes[i], &r);
      g_array_append_val (out, r);
    }
  } else if (error && *error == NULL)
    g_set_error (error, PREFLIGHT_ERROR, PREFLIGHT_ERROR_CURL,
                 "pre-flight: libcurl could not start a probe");
  for (guint i = 0; i < n; i++) {
    if (probes[i].started)
      curl_multi_remove_handle (multi, probes[i].easy);
    if (probes[i].easy) {
      transfer_clear (&probes[i].t);
      curl_easy_cleanup (probes[i].easy);
    }
  }
  curl_multi_cleanup (multi);
  curl_global_cleanup ();
  return out;
}
