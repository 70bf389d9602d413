/* Helpers shared by the test programs (header-only: each test is one
 * program built from one .c file). */
#ifndef VB_TEST_H
#define VB_TEST_H

#include <glib.h>
#include <glib/gstdio.h>

/* Removes path and, for a folder, everything below it. */
static inline void
vbt_rm_rf (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR)
      && !g_file_test (path, G_FILE_TEST_IS_SYMLINK)) {
    g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
    const char *n;
    while (d && (n = g_dir_read_name (d)) != NULL) {
      g_autofree char *p = g_build_filename (path, n, NULL);
      vbt_rm_rf (p);
    }
    g_rmdir (path);
  } else
    g_unlink (path);
}

#endif
