#include "util/atomic_file.h"

#include "util/vb_gstring.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/* scores.jsonl is about 1.2 KB per answer, a quarter of a gigabyte for
 * 200,000 answers: a megabyte per write(2), not stdio's 4 KB. */
#define BUFFER_BYTES ((gsize) 1 << 20)

struct _AtomicFile {
  char *path, *tmp;
  int fd;
  AtomicFileFlags flags;
  GString *buf;
};

static gboolean
io_error (GError **error, const char *what, const char *path, int err)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (err),
               "cannot %s %s: %s", what, path, g_strerror (err));
  return FALSE;
}

AtomicFile *
atomic_file_new (const char *path, AtomicFileFlags flags, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".tmp", NULL);
  int fd = open (tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC,
                 0644);
  if (fd < 0) {
    io_error (error, "write", tmp, errno);
    return NULL;
  }
  AtomicFile *f = g_new0 (AtomicFile, 1);
  f->path = g_strdup (path);
  f->tmp = g_steal_pointer (&tmp);
  f->fd = fd;
  f->flags = flags;
  f->buf = g_string_sized_new (BUFFER_BYTES);
  return f;
}

static gboolean
write_all (AtomicFile *f, const char *p, gsize left, GError **error)
{
  while (left > 0) {
    ssize_t n = write (f->fd, p, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      return io_error (error, "write", f->tmp, errno);
    p += n;
    left -= (gsize) n;
  }
  return TRUE;
}

static gboolean
flush (AtomicFile *f, GError **error)
{
  gboolean ok = write_all (f, f->buf->str, f->buf->len, error);
  g_string_truncate (f->buf, 0);
  return ok;
}

gboolean
atomic_file_write (AtomicFile *f, const char *data, gsize len,
                   GError **error)
{
  if (f->buf->len + len < BUFFER_BYTES) {
    vb_gstring_put (f->buf, data, len);
    return TRUE;
  }
  /* A large text (a report already in memory) is written as it is. */
  return flush (f, error) && write_all (f, data, len, error);
}

static void
release (AtomicFile *f)
{
  g_free (f->path);
  g_free (f->tmp);
  g_string_free (f->buf, TRUE);
  g_free (f);
}

void
atomic_file_abort (AtomicFile *f)
{
  if (f == NULL)
    return;
  if (f->fd >= 0)
    close (f->fd);
  (void) g_unlink (f->tmp);
  release (f);
}

gboolean
atomic_file_commit (AtomicFile *f, GError **error)
{
  g_autoptr (AtomicFile) owned = f;
  if (!flush (f, error))
    return FALSE;
  if ((f->flags & ATOMIC_FILE_SYNC) && fdatasync (f->fd) != 0)
    return io_error (error, "sync", f->tmp, errno);
  int fd = f->fd;
  f->fd = -1;
  if (close (fd) != 0)
    return io_error (error, "write", f->tmp, errno);
  if (g_rename (f->tmp, f->path) != 0)
    return io_error (error, "replace", f->path, errno);
  release (g_steal_pointer (&owned));
  return TRUE;
}

gboolean
atomic_file_set_contents (const char *path, const char *data, gssize len,
                          AtomicFileFlags flags, GError **error)
{
  AtomicFile *f = atomic_file_new (path, flags, error);
  if (f == NULL)
    return FALSE;
  if (!atomic_file_write (f, data, len < 0 ? strlen (data) : (gsize) len,
                          error)) {
    atomic_file_abort (f);
    return FALSE;
  }
  return atomic_file_commit (f, error);
}
