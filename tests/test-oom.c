/* A failed allocation ends the process with exit 3 and a message, not
 * GLib's trap (exit 133). The child reports the failure the way gmem.c
 * does; a real g_malloc of everything would be stopped by ASan first. */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/oom.h"

static void
test_exit_3 (void)
{
  int fds[2];
  g_assert_cmpint (pipe (fds), ==, 0);
  pid_t pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0) {
    dup2 (fds[1], STDERR_FILENO);
    oom_install ("vabench test");
    g_log ("GLib", G_LOG_LEVEL_ERROR, "%s: failed to allocate %u bytes",
           "../glib/gmem.c:106", 123456789u);
    _exit (0); /* not reached */
  }
  close (fds[1]);
  char buf[512] = { 0 };
  gsize have = 0;
  ssize_t n;
  while (have < sizeof buf - 1
         && (n = read (fds[0], buf + have, sizeof buf - 1 - have)) > 0)
    have += (gsize) n;
  close (fds[0]);
  int status = 0;
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, OOM_EXIT);
  g_assert_nonnull (strstr (buf, "vabench test: out of memory"));
}

/* Other messages still reach GLib's handler. */
static void
test_others_pass (void)
{
  oom_install ("vabench test");
  g_test_expect_message ("vb", G_LOG_LEVEL_WARNING, "*cẩn thận*");
  g_log ("vb", G_LOG_LEVEL_WARNING, "cẩn thận");
  g_test_assert_expected_messages ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/oom/exit-3", test_exit_3);
  g_test_add_func ("/oom/others-pass", test_others_pass);
  return g_test_run ();
}
