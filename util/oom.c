#include "util/oom.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *oom_prog = "vabench";

/* Called for every domain's messages (g_log_set_default_handler): GLib
 * reports a failed g_malloc as a fatal error of domain "GLib" and then
 * traps; this exits first. */
static void
on_log (const char *domain, GLogLevelFlags level, const char *message,
        gpointer user)
{
  if ((level & G_LOG_LEVEL_ERROR) && message
      && strstr (message, "failed to allocate") != NULL) {
    /* No allocation from here on: stdio's stderr is unbuffered. */
    fprintf (stderr,
             "%s: out of memory (%s); the input is larger than this "
             "machine can hold\n",
             oom_prog, message);
    _exit (OOM_EXIT);
  }
  g_log_default_handler (domain, level, message, user);
}

void
oom_install (const char *prog)
{
  oom_prog = prog;
  (void) g_log_set_default_handler (on_log, NULL);
}
