#include "rundir/rundir.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "util/sha256.h"

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

gboolean
rundir_is_sha256 (const char *text)
{
  if (text == NULL)
    return FALSE;
  gsize n = 0;
  for (; text[n]; n++)
    if (!g_ascii_isxdigit (text[n]) || g_ascii_isupper (text[n]))
      return FALSE;
  return n == 64;
}

cJSON *
rundir_digest_to_json (const RundirDigest *d)
{
  cJSON *o = cJSON_CreateObject ();
  /* Its digits: cJSON prints a double of 16 digits or more with 15 when
   * they come within its epsilon, and the count would read back as
   * another. */
  g_autofree char *records = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                              d->records);
  cJSON_AddRawToObject (o, "records", records);
  cJSON_AddStringToObject (o, "sha256", d->sha256);
  return o;
}

gboolean
rundir_digest_from_json (const cJSON *o, RundirDigest *d)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (o, "records");
  const char *h = cJSON_GetStringValue (
      cJSON_GetObjectItemCaseSensitive (o, "sha256"));
  guint64 records = 0;
  if (!cJSON_IsObject (o) || !rundir_is_sha256 (h))
    return FALSE;
  if (cJSON_IsRaw (n)) { /* made by rundir_digest_to_json, not yet printed */
    if (!g_ascii_string_to_unsigned (n->valuestring, 10, 0,
                                     G_GUINT64_CONSTANT (9007199254740992),
                                     &records, NULL))
      return FALSE;
  } else if (!cJSON_IsNumber (n) || !isfinite (n->valuedouble)
             || n->valuedouble < 0 || n->valuedouble > 9007199254740992.0
             || n->valuedouble != floor (n->valuedouble))
    return FALSE;
  else
    records = (guint64) n->valuedouble;
  d->records = records;
  memcpy (d->sha256, h, 65);
  return TRUE;
}

gboolean
rundir_digest_file (const char *dir, RundirFile file, RundirDigest *d,
                    GError **error)
{
  g_autofree char *path = rundir_path (dir, file);
  int fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                 "cannot open %s: %s", path, g_strerror (e));
    return FALSE;
  }
  g_autoptr (Sha256) sha = sha256_new ();
  char chunk[64 * 1024];
  d->records = 0;
  for (;;) {
    ssize_t n = read (fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      int e = errno;
      close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (e),
                   "cannot read %s: %s", path, g_strerror (e));
      return FALSE;
    }
    if (n == 0)
      break;
    sha256_update (sha, chunk, (gsize) n);
    for (const char *p = chunk; (p = memchr (p, '\n', (gsize) (chunk + n - p)));
         p++)
      d->records++;
  }
  close (fd);
  sha256_finish (g_steal_pointer (&sha), d->sha256);
  return TRUE;
}
