/* Input files read whole under limits (question sets, manifests, contest
 * files): a regular file no larger than a maximum, and no line longer
 * than another, each refused with a message that names the file (and the
 * line) and the limit, so that a hostile or mistaken input is an exit-2
 * error, never gigabytes of memory or a read from /dev/zero that never
 * ends. The error's domain and code are the caller's (its loader's). */
#ifndef VB_INPUT_FILE_H
#define VB_INPUT_FILE_H

#include <glib.h>

typedef struct {
  gsize max_bytes; /* the file */
  gsize max_line;  /* one line, without its newline */
} InputLimits;

/* Reads path whole into *data (NUL-terminated, free with g_free) and
 * *len. FALSE + error (domain, code) when it cannot be opened or read,
 * is not a regular file, or breaks a limit: "PATH: 3000000 bytes, above
 * the limit of 1048576 for a manifest" / "PATH:12: line of N bytes,
 * above the limit of M". what names the kind of file in messages. */
gboolean input_file_read (const char *path, const InputLimits *limits,
                          const char *what, char **data, gsize *len,
                          GQuark domain, gint code, GError **error);

#endif
