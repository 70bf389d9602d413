#include "rundir/rundir_lock.h"

#include "util/one_line.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

struct _RundirLock {
  int fd;
};

/* "PID COMMAND\n" as the holder wrote it; 0 and NULL when unreadable
 * (a holder between its flock and its write). */
static gint64
read_holder (int fd, char **command)
{
  char buf[128];
  ssize_t n = pread (fd, buf, sizeof buf - 1, 0);
  if (command)
    *command = NULL;
  if (n <= 0)
    return 0;
  buf[n] = '\0';
  char *nl = strchr (buf, '\n');
  if (nl)
    *nl = '\0';
  char *sp = strchr (buf, ' ');
  if (sp)
    *sp = '\0';
  guint64 pid = 0;
  if (!g_ascii_string_to_unsigned (buf, 10, 1, G_MAXINT32, &pid, NULL))
    return 0;
  if (command && sp) /* the holder's words, printed in our error */
    *command = one_line (sp + 1);
  return (gint64) pid;
}

static gboolean
locked_error (const char *dir, int fd, GError **error)
{
  g_autofree char *command = NULL;
  gint64 pid = read_holder (fd, &command);
  if (pid > 0)
    g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_LOCKED,
                 "%s is being written by another vabench (pid %" G_GINT64_FORMAT
                 ", %s): one writer at a time; wait for it to end",
                 dir, pid, command ? command : "?");
  else
    g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_LOCKED,
                 "%s is being written by another vabench (pid not yet "
                 "known): one writer at a time; wait for it to end",
                 dir);
  return FALSE;
}

RundirLock *
rundir_lock_take (const char *dir, const char *command, GError **error)
{
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR)) {
    g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT,
                 "%s: no such run directory", dir);
    return NULL;
  }
  g_autofree char *path = rundir_path (dir, RUNDIR_LOCK);
  int fd = open (path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) {
    int e = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                 "cannot open %s: %s", path, g_strerror (e));
    return NULL;
  }
  while (flock (fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR)
      continue;
    int e = errno;
    if (e == EWOULDBLOCK)
      locked_error (dir, fd, error);
    else
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "cannot lock %s: %s", path, g_strerror (e));
    close (fd);
    return NULL;
  }
  g_autofree char *text = g_strdup_printf ("%ld %s\n", (long) getpid (),
                                           command);
  /* Best effort: the flock is the lock, the text only names its holder. */
  gboolean named = ftruncate (fd, 0) == 0
                   && pwrite (fd, text, strlen (text), 0)
                          == (ssize_t) strlen (text);
  (void) named;
  RundirLock *lock = g_new0 (RundirLock, 1);
  lock->fd = fd;
  return lock;
}

void
rundir_lock_release (RundirLock *lock)
{
  if (lock == NULL)
    return;
  (void) flock (lock->fd, LOCK_UN);
  close (lock->fd);
  g_free (lock);
}

gint64
rundir_lock_holder (const char *dir, char **command)
{
  if (command)
    *command = NULL;
  g_autofree char *path = rundir_path (dir, RUNDIR_LOCK);
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0)
    return 0;
  gint64 pid = 0;
  if (flock (fd, LOCK_SH | LOCK_NB) == 0)
    (void) flock (fd, LOCK_UN);
  else if (errno == EWOULDBLOCK) {
    pid = read_holder (fd, command);
    if (pid == 0)
      pid = -1;
  }
  close (fd);
  return pid;
}
