/* vabench mock: runs the mock assistant until SIGINT/SIGTERM. The port is
 * written to --port-file (via F.tmp and a rename, so a reader never sees a
 * partial number), which is how scripts learn the port chosen for :0. */
#include "harness/cmd.h"

#include "submissions/mock/mock.h"
#include "util/atomic_file.h"

#include <glib-unix.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

typedef struct {
  char *profile, *listen, *port_file, *kb, *seed, *require_token;
  gint delay_ms;
  double fail_rate;
  double right_rate;
} MockArgs;

static gboolean
cmd_mock_usage (GError **error, const char *opt, const char *value,
                const char *why)
{
  g_set_error (error, VB_ERROR, VB_ERROR_USAGE, "%s \"%s\": %s", opt,
               value ? value : "", why);
  return FALSE;
}

/* "HOST:PORT" → host (newly allocated) and port. */
static gboolean
cmd_mock_parse_listen (const char *listen, char **host, guint16 *port,
                       GError **error)
{
  const char *colon = strrchr (listen, ':');
  guint64 p = 0;
  if (colon == NULL || colon == listen
      || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &p, NULL))
    return cmd_mock_usage (error, "--listen", listen,
                           "expected HOST:PORT, e.g. 127.0.0.1:0");
  *host = g_strndup (listen, (gsize)(colon - listen));
  *port = (guint16)p;
  return TRUE;
}

static gboolean
cmd_mock_options (const MockArgs *a, MockOptions *o, char **host,
                  GError **error)
{
  mock_options_init (o);
  if (a->profile == NULL)
    return cmd_mock_usage (error, "--profile", "", "is required");
  g_autoptr (GError) local = NULL;
  if (!mock_profile_from_name (a->profile, &o->profile, &local))
    return cmd_mock_usage (error, "--profile", a->profile, local->message);
  if (!cmd_mock_parse_listen (a->listen ? a->listen : "127.0.0.1:0", host,
                              &o->port, error))
    return FALSE;
  o->host = *host;
  o->kb_path = a->kb;
  if (a->delay_ms < -1)
    return cmd_mock_usage (error, "--delay-ms", "", "must be ≥ 0");
  o->delay_ms = a->delay_ms;
  if (a->fail_rate > 1.0 || (a->fail_rate < 0 && a->fail_rate != -1))
    return cmd_mock_usage (error, "--fail-rate", "", "must be in [0, 1]");
  o->fail_rate = a->fail_rate;
  if (a->right_rate > 1.0 || (a->right_rate < 0 && a->right_rate != -1))
    return cmd_mock_usage (error, "--right-rate", "", "must be in [0, 1]");
  o->right_rate = a->right_rate;
  o->require_token = a->require_token;
  if (a->seed
      && !g_ascii_string_to_unsigned (a->seed, 10, 0, G_MAXUINT64, &o->seed,
                                      NULL))
    return cmd_mock_usage (error, "--seed", a->seed,
                           "expected an unsigned integer");
  return TRUE;
}

static gboolean
cmd_mock_write_port (const char *path, guint16 port, GError **error)
{
  g_autofree char *text = g_strdup_printf ("%u\n", port);
  return atomic_file_set_contents (path, text, -1, ATOMIC_FILE_NO_SYNC,
                                   error);
}

static gboolean
cmd_mock_on_signal (gpointer user)
{
  g_main_loop_quit (user);
  return G_SOURCE_CONTINUE;
}

static void
cmd_mock_args_clear (MockArgs *a)
{
  g_free (a->profile);
  g_free (a->listen);
  g_free (a->port_file);
  g_free (a->kb);
  g_free (a->seed);
  g_free (a->require_token);
}

static int
cmd_mock_serve (const MockArgs *a, GError **error)
{
  MockOptions o;
  g_autofree char *host = NULL;
  if (!cmd_mock_options (a, &o, &host, error))
    return VB_EXIT_INPUT;
  g_autoptr (MockServer) srv = mock_server_start (&o, error);
  if (srv == NULL)
    return error ? cmd_exit_code_for (*error) : VB_EXIT_RUN;
  guint16 port = mock_server_port (srv);
  if (a->port_file && !cmd_mock_write_port (a->port_file, port, error))
    return VB_EXIT_RUN;
  printf ("mock: profile %s listening on http://%s:%u\n",
          mock_profile_name (o.profile), host, port);
  fflush (stdout);
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  guint s_int = g_unix_signal_add (SIGINT, cmd_mock_on_signal, loop);
  guint s_term = g_unix_signal_add (SIGTERM, cmd_mock_on_signal, loop);
  g_main_loop_run (loop);
  g_source_remove (s_int);
  g_source_remove (s_term);
  return VB_EXIT_OK;
}

int
cmd_mock (int argc, char **argv, GError **error)
{
  MockArgs a = { .delay_ms = -1, .fail_rate = -1, .right_rate = -1 };
  const GOptionEntry entries[]
      = { { "profile", 0, 0, G_OPTION_ARG_STRING, &a.profile,
            "exact, fuzzy, slow, flaky, wrong-fees, saturating, hang, trickle, "
            "huge, endless, html, bad-json, bad-utf8, reset, redirect",
            "NAME" },
          { "listen", 0, 0, G_OPTION_ARG_STRING, &a.listen,
            "address to bind (default 127.0.0.1:0, 0 = any free port)",
            "HOST:PORT" },
          { "port-file", 0, 0, G_OPTION_ARG_FILENAME, &a.port_file,
            "write the bound port to FILE (atomically)", "FILE" },
          { "kb", 0, 0, G_OPTION_ARG_FILENAME, &a.kb,
            "knowledge base (default " MOCK_DEFAULT_KB ")", "FILE" },
          { "delay-ms", 0, 0, G_OPTION_ARG_INT, &a.delay_ms,
            "delay before every answer (slow: default 800)", "N" },
          { "fail-rate", 0, 0, G_OPTION_ARG_DOUBLE, &a.fail_rate,
            "flaky: share of failed requests (default 0.3)", "R" },
          { "right-rate", 0, 0, G_OPTION_ARG_DOUBLE, &a.right_rate,
            "coin: share of questions answered from the KB, each time "
            "drawn anew (default 0.7); the rest get the referral",
            "P" },
          { "seed", 0, 0, G_OPTION_ARG_STRING, &a.seed,
            "flaky, coin: seed of the draws (default 0)", "N" },
          { "require-token", 0, 0, G_OPTION_ARG_STRING, &a.require_token,
            "answer 401 to a request without \"Authorization: Bearer "
            "TOKEN\"", "TOKEN" },
          { NULL } };
  int rc = VB_EXIT_INPUT;
  if (cmd_parse_options ("mock", "", "Run a mock assistant on loopback.",
                         entries, &argc, &argv, error))
    rc = cmd_mock_serve (&a, error);
  cmd_mock_args_clear (&a);
  return rc;
}
