#include "rundir/rundir.h"

#include <string.h>

G_DEFINE_QUARK (vabench-rundir-error-quark, rundir_error)

/* The only place these names are spelled. */
static const char *const file_names[] = {
  [RUNDIR_MANIFEST] = "manifest.json", [RUNDIR_LOG] = "log.jsonl",
  [RUNDIR_LOG_HEAD] = "log.head",      [RUNDIR_SCORES] = "scores.jsonl",
  [RUNDIR_RESULTS] = "results.json",   [RUNDIR_LOAD] = "load.json",
  [RUNDIR_LOCK] = "lock",
  [RUNDIR_APPEALS] = "appeals.jsonl",   [RUNDIR_APPEALS_HEAD] = "appeals.head",
};

const char *
rundir_file_name (RundirFile file)
{
  g_return_val_if_fail ((guint) file < G_N_ELEMENTS (file_names), NULL);
  return file_names[file];
}

char *
rundir_path (const char *dir, RundirFile file)
{
  return g_build_filename (dir, rundir_file_name (file), NULL);
}

gboolean
rundir_has (const char *dir, RundirFile file)
{
  g_autofree char *path = rundir_path (dir, file);
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

char *
rundir_load_step (const char *dir, guint concurrency)
{
  g_autofree char *step = g_strdup_printf ("step-%u", concurrency);
  return g_build_filename (dir, "load", step, NULL);
}

char *
rundir_private_dir (const char *dir, const char *id)
{
  if (id == NULL || *id == '\0' || strcmp (id, ".") == 0
      || strcmp (id, "..") == 0)
    return NULL;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return NULL;
  return g_build_filename (dir, "private", id, NULL);
}
