#include "util/input_file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static gboolean
fail_errno (const char *path, GQuark domain, gint code, GError **error)
{
  int e = errno;
  g_set_error (error, domain, code, "%s: %s", path, g_strerror (e));
  return FALSE;
}

/* The first line longer than max, or 0. */
static guint
long_line (const char *data, gsize len, gsize max, gsize *line_len)
{
  guint line = 1;
  gsize pos = 0;
  while (pos < len) {
    const char *nl = memchr (data + pos, '\n', len - pos);
    gsize end = nl ? (gsize) (nl - data) : len;
    if (end - pos > max) {
      *line_len = end - pos;
      return line;
    }
    pos = end + 1;
    line++;
  }
  return 0;
}

gboolean
input_file_read (const char *path, const InputLimits *limits,
                 const char *what, char **data, gsize *len, GQuark domain,
                 gint code, GError **error)
{
  *data = NULL;
  *len = 0;
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return fail_errno (path, domain, code, error);
  struct stat st;
  if (fstat (fd, &st) != 0) {
    gboolean r = fail_errno (path, domain, code, error);
    close (fd);
    return r;
  }
  if (!S_ISREG (st.st_mode)) {
    close (fd);
    g_set_error (error, domain, code, "%s: not a regular file", path);
    return FALSE;
  }
  if ((guint64) st.st_size > limits->max_bytes) {
    close (fd);
    g_set_error (error, domain, code,
                 "%s: %" G_GUINT64_FORMAT " bytes, above the limit of %"
                 G_GSIZE_FORMAT " bytes for %s",
                 path, (guint64) st.st_size, limits->max_bytes, what);
    return FALSE;
  }
  /* One byte more than the limit is asked for: a file that grew since
   * fstat is caught too. */
  gsize cap = (gsize) st.st_size + 1, have = 0;
  g_autofree char *buf = g_malloc (cap + 1);
  for (;;) {
    ssize_t n = read (fd, buf + have, cap - have);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      gboolean r = fail_errno (path, domain, code, error);
      close (fd);
      return r;
    }
    if (n == 0)
      break;
    have += (gsize) n;
    if (have == cap) {
      if (cap > limits->max_bytes) {
        close (fd);
        g_set_error (error, domain, code,
                     "%s: above the limit of %" G_GSIZE_FORMAT
                     " bytes for %s",
                     path, limits->max_bytes, what);
        return FALSE;
      }
      cap = MIN (cap * 2, limits->max_bytes + 1);
      buf = g_realloc (buf, cap + 1);
    }
  }
  close (fd);
  buf[have] = '\0';
  gsize line_len = 0;
  guint line = long_line (buf, have, limits->max_line, &line_len);
  if (line != 0) {
    g_set_error (error, domain, code,
                 "%s:%u: a line of %" G_GSIZE_FORMAT
                 " bytes, above the limit of %" G_GSIZE_FORMAT
                 " bytes for %s",
                 path, line, line_len, limits->max_line, what);
    return FALSE;
  }
  *data = g_steal_pointer (&buf);
  *len = have;
  return TRUE;
}
