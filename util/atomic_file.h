/* Files replaced whole: written under NAME.tmp and renamed over NAME, so a
 * reader sees the old file or the new one, never half of one. The one way
 * vabench writes results.json, scores.jsonl, manifest.json, log.head, the
 * reports and the mock's port file. The temporary file is opened with
 * O_NOFOLLOW: a symlink planted at NAME.tmp is refused, not followed.
 * Errors are G_FILE_ERROR naming the path. */
#ifndef VB_ATOMIC_FILE_H
#define VB_ATOMIC_FILE_H

#include <glib.h>

typedef enum {
  ATOMIC_FILE_NO_SYNC = 0, /* reports, scores: can be made again */
  ATOMIC_FILE_SYNC = 1,    /* run state: fdatasync before the rename */
} AtomicFileFlags;

typedef struct _AtomicFile AtomicFile;

/* Opens path.tmp for writing (created 0644, truncated). NULL + error. */
AtomicFile *atomic_file_new (const char *path, AtomicFileFlags flags,
                             GError **error);

/* Appends len bytes (buffered, a megabyte per write(2)). FALSE + error;
 * the file is still to be aborted. */
gboolean atomic_file_write (AtomicFile *f, const char *data, gsize len,
                            GError **error);

/* Flushes, syncs if asked, closes and renames over path; frees f in every
 * case (on failure the temporary file is removed). */
gboolean atomic_file_commit (AtomicFile *f, GError **error);

/* Closes and removes the temporary file; frees f. NULL is a no-op. */
void atomic_file_abort (AtomicFile *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtomicFile, atomic_file_abort)

/* The whole file at once; len −1 for a NUL-terminated text. */
gboolean atomic_file_set_contents (const char *path, const char *data,
                                   gssize len, AtomicFileFlags flags,
                                   GError **error);

#endif
