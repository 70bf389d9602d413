/* Shared by the libFuzzer targets of tests/fuzz/ (README.md there): a
 * scratch directory per process, files written into it, the input split
 * into parts, and a check that aborts with a message (libFuzzer keeps the
 * input that made it). Each target is one file, fuzz-<name>.c, built with
 * clang -fsanitize=fuzzer,address,undefined,float-cast-overflow. */
#ifndef VB_FUZZ_H
#define VB_FUZZ_H

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);
int LLVMFuzzerInitialize (int *argc, char ***argv);

/* An invariant the module's header promises: abort, saying which. */
#define FUZZ_CHECK(cond, ...)                                                \
  do {                                                                       \
    if (!(cond)) {                                                           \
      fprintf (stderr, "fuzz check failed: %s (%s:%d): ", #cond, __FILE__,   \
               __LINE__);                                                    \
      fprintf (stderr, __VA_ARGS__);                                         \
      fputc ('\n', stderr);                                                  \
      abort ();                                                              \
    }                                                                        \
  } while (0)

/* A directory of this process's own, made once, removed at exit. */
static char *fuzz_dir_path;

static void
fuzz_dir_remove (void)
{
  if (fuzz_dir_path == NULL)
    return;
  GDir *d = g_dir_open (fuzz_dir_path, 0, NULL);
  const char *name;
  while (d && (name = g_dir_read_name (d)) != NULL) {
    char *p = g_build_filename (fuzz_dir_path, name, NULL);
    (void) g_remove (p);
    g_free (p);
  }
  if (d)
    g_dir_close (d);
  (void) g_rmdir (fuzz_dir_path);
}

static inline const char *
fuzz_dir (void)
{
  if (fuzz_dir_path == NULL) {
    fuzz_dir_path = g_dir_make_tmp ("vabench-fuzz-XXXXXX", NULL);
    if (fuzz_dir_path == NULL)
      abort ();
    atexit (fuzz_dir_remove);
  }
  return fuzz_dir_path;
}

/* Writes len bytes to DIR/name (replacing it); returns the path, newly
 * allocated. */
static inline char *
fuzz_write (const char *name, const void *data, size_t len)
{
  char *path = g_build_filename (fuzz_dir (), name, NULL);
  if (!g_file_set_contents (path, data ? data : "", (gssize) len, NULL))
    abort ();
  return path;
}

static inline void
fuzz_unlink (const char *name)
{
  char *path = g_build_filename (fuzz_dir (), name, NULL);
  (void) g_unlink (path);
  g_free (path);
}

/* A file of the repository, for targets that load fixed data at start
 * (keys of the judge): VABENCH_ROOT, else the current directory. */
static inline char *
fuzz_repo_file (const char *rel)
{
  const char *root = g_getenv ("VABENCH_ROOT");
  return g_build_filename (root ? root : ".", rel, NULL);
}

/* Splits the input at the first occurrence of sep: the part before goes
 * to *a, the rest to *b (empty when sep is absent). */
#define FUZZ_SEP "\n--8<--\n"
static inline void
fuzz_split (const uint8_t *data, size_t size, const uint8_t **a, size_t *alen,
            const uint8_t **b, size_t *blen)
{
  const size_t n = sizeof FUZZ_SEP - 1;
  *a = data;
  *alen = size;
  *b = data + size;
  *blen = 0;
  for (size_t i = 0; i + n <= size; i++)
    if (memcmp (data + i, FUZZ_SEP, n) == 0) {
      *alen = i;
      *b = data + i + n;
      *blen = size - i - n;
      return;
    }
}

/* A fatal message aborts: GLib itself would stop on a breakpoint trap
 * (SIGTRAP, exit 133 — g_error, a failed g_malloc), which libFuzzer does
 * not catch, so the input would not be kept. */
static GLogWriterOutput
fuzz_log_writer (GLogLevelFlags level, const GLogField *fields,
                 gsize n_fields, gpointer user)
{
  GLogWriterOutput out = g_log_writer_standard_streams (level, fields,
                                                        n_fields, user);
  if (level & (G_LOG_FLAG_FATAL | G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL
               | G_LOG_LEVEL_WARNING))
    abort ();
  return out;
}

/* GLib's criticals and warnings become aborts, as under tests/run.sh. */
static inline void
fuzz_init_glib (void)
{
  g_log_set_writer_func (fuzz_log_writer, NULL, NULL);
}

#endif
