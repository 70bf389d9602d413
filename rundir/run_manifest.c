#include "rundir/run_manifest.h"

#include <math.h>
#include <string.h>

#include "rundir/rundir.h"
#include "util/atomic_file.h"
#include "util/input_file.h"

static const char *
str_in (const cJSON *o, const char *key)
{
  return cJSON_GetStringValue (cJSON_GetObjectItemCaseSensitive (o, key));
}

static double
num_in (const cJSON *o, const char *key)
{
  const cJSON *n = cJSON_GetObjectItemCaseSensitive (o, key);
  return cJSON_IsNumber (n) ? n->valuedouble : 0;
}

/* A setting that must be a count: negative, fractional or huge values
 * read as 0 instead of an undefined cast. */
static guint64
count_in (const cJSON *o, const char *key, guint64 max)
{
  double d = num_in (o, key);
  return d >= 0 && d < 18446744073709551616.0 && d <= (double) max
             ? (guint64) d
             : 0;
}

/* A count written by vabench: an integer from 0 to 2^53, else FALSE. */
static gboolean
count_exact (const cJSON *n, double *out)
{
  if (!cJSON_IsNumber (n) || !isfinite (n->valuedouble)
      || n->valuedouble < 0 || n->valuedouble > 9007199254740992.0
      || n->valuedouble != floor (n->valuedouble))
    return FALSE;
  *out = n->valuedouble;
  return TRUE;
}

GArray *
run_manifest_submissions_of (const cJSON *array)
{
  GArray *subs = g_array_new (FALSE, TRUE, sizeof (RunSubmission));
  const cJSON *list = cJSON_IsArray (array) ? array : NULL, *s;
  cJSON_ArrayForEach (s, list)
  {
    RunSubmission rs = { str_in (s, "id"), str_in (s, "name"),
                         str_in (s, "province") };
    if (rs.id != NULL)
      g_array_append_val (subs, rs);
  }
  return subs;
}

/* The contest's seed: written raw by contest_snapshot, a number once read
 * back. Read from a file, it is made raw again, with its exact digits:
 * cJSON prints a double with 15 significant digits when they come within
 * its epsilon of the value, so 1234567890123457 would be written back as
 * 1.23456789012346e+15 — another seed for the scorer, and a difference
 * that stops the next resume. Only 0 to 2^53 reads exactly
 * (run_manifest_read refuses others). */
static guint64
seed_of (cJSON *contest)
{
  cJSON *s = cJSON_GetObjectItemCaseSensitive (contest, "seed");
  guint64 seed = 0;
  double d;
  if (cJSON_IsRaw (s))
    (void) g_ascii_string_to_unsigned (s->valuestring, 10, 0, G_MAXUINT64,
                                       &seed, NULL);
  else if (count_exact (s, &d)) {
    seed = (guint64) d;
    g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
    cJSON_ReplaceItemInObjectCaseSensitive (contest, "seed",
                                            cJSON_CreateRaw (digits));
  }
  return seed;
}

/* The typed fields, from m->contest. */
static void
read_contest (RunManifest *m)
{
  const cJSON *c = m->contest;
  m->contest_file_abs = str_in (c, "file_abs");
  m->testsets = g_array_new (FALSE, TRUE, sizeof (RunTestset));
  const cJSON *t;
  cJSON_ArrayForEach (t, cJSON_GetObjectItemCaseSensitive (c, "testsets"))
  {
    RunTestset rt = { str_in (t, "name"), str_in (t, "path"),
                      str_in (t, "abs_path"), str_in (t, "sha256") };
    g_array_append_val (m->testsets, rt);
  }
  m->submissions = run_manifest_submissions_of (
      cJSON_GetObjectItemCaseSensitive (c, "submissions"));
  const cJSON *w = cJSON_GetObjectItemCaseSensitive (c, "weights");
  m->w_accuracy = num_in (w, "accuracy");
  m->w_nearmiss = num_in (w, "nearmiss");
  m->w_latency = num_in (w, "latency");
  m->w_availability = num_in (w, "availability");
  m->sla_ms = (guint) count_in (c, "sla_ms", G_MAXUINT);
  m->resamples = (guint) count_in (c, "resamples", G_MAXUINT);
  m->seed = seed_of (m->contest);
  m->repeat = MAX ((guint) count_in (c, "repeat", 100), 1u);
  m->repeat_pass_k = g_strcmp0 (str_in (c, "repeat_rank"), "pass_k") == 0;
}

static void
add_abs (cJSON *o, const char *key, const char *abs_key)
{
  const char *path = str_in (o, key);
  if (path == NULL || cJSON_GetObjectItemCaseSensitive (o, abs_key))
    return;
  g_autofree char *abs = g_canonicalize_filename (path, NULL);
  cJSON_AddStringToObject (o, abs_key, abs);
}

RunManifest *
run_manifest_new (const char *run_id, const char *started_at, cJSON *contest)
{
  RunManifest *m = g_new0 (RunManifest, 1);
  m->vabench_version = g_strdup (VABENCH_VERSION);
  m->run_id = g_strdup (run_id);
  m->started_at = g_strdup (started_at);
  m->contest = contest;
  /* Resume reloads the contest file and re-scoring the sets from any
   * working directory. */
  add_abs (contest, "file", "file_abs");
  cJSON *t;
  cJSON_ArrayForEach (t, cJSON_GetObjectItemCaseSensitive (contest,
                                                           "testsets"))
    add_abs (t, "path", "abs_path");
  read_contest (m);
  return m;
}

void
run_manifest_free (RunManifest *m)
{
  if (m == NULL)
    return;
  g_free (m->vabench_version);
  g_free (m->run_id);
  g_free (m->started_at);
  g_free (m->finished_at);
  cJSON_Delete (m->contest);
  cJSON_Delete (m->status);
  if (m->testsets)
    g_array_unref (m->testsets);
  if (m->submissions)
    g_array_unref (m->submissions);
  g_free (m);
}

gboolean
run_manifest_write (const char *dir, const RunManifest *m, GError **error)
{
  g_autoptr (cJSON) o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "vabench_version", m->vabench_version);
  cJSON_AddStringToObject (o, "run_id", m->run_id);
  cJSON_AddStringToObject (o, "started_at", m->started_at);
  if (m->finished_at)
    cJSON_AddStringToObject (o, "finished_at", m->finished_at);
  /* A reference: printed as a member, left alone when o is freed. */
  if (m->planned_units > 0) {
    cJSON *plan = cJSON_AddObjectToObject (o, "plan");
    /* its digits, as the seed's (seed_of) */
    g_autofree char *units = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                              m->planned_units);
    cJSON_AddRawToObject (plan, "units", units);
  }
  if (m->has_log)
    cJSON_AddItemToObject (o, "log", rundir_digest_to_json (&m->log));
  cJSON_AddItemReferenceToObject (o, "contest", m->contest);
  if (m->status && m->status->child)
    cJSON_AddItemReferenceToObject (o, "submission_status", m->status);
  char *text = cJSON_Print (o);
  g_autofree char *with_nl = g_strconcat (text, "\n", NULL);
  cJSON_free (text);
  g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
  return atomic_file_set_contents (path, with_nl, -1, ATOMIC_FILE_SYNC,
                                   error);
}

static gboolean
not_manifest (GError **error, const char *path, const char *why)
{
  g_set_error (error, RUNDIR_ERROR, RUNDIR_ERROR_INPUT,
               "%s: %s", path, why);
  return FALSE;
}

RunManifest *
run_manifest_read (const char *dir, GError **error)
{
  g_autofree char *path = rundir_path (dir, RUNDIR_MANIFEST);
  g_autofree char *text = NULL;
  gsize len = 0;
  /* a run directory may come from elsewhere: its manifest is read under
   * limits like every other input (34 submissions and their sets take a
   * few kilobytes) */
  static const InputLimits limits = { 16u << 20, 1u << 20 };
  if (!input_file_read (path, &limits, "a run manifest", &text, &len,
                        RUNDIR_ERROR, RUNDIR_ERROR_INPUT, error))
    return NULL;
  g_autoptr (cJSON) o = cJSON_ParseWithLength (text, len);
  cJSON *contest = cJSON_DetachItemFromObjectCaseSensitive (o, "contest");
  if (!cJSON_IsObject (contest)) {
    cJSON_Delete (contest);
    not_manifest (error, path, "not a vabench run manifest");
    return NULL;
  }
  const cJSON *seed = cJSON_GetObjectItemCaseSensitive (contest, "seed");
  double ignored;
  if (seed != NULL && !count_exact (seed, &ignored)) {
    cJSON_Delete (contest);
    not_manifest (error, path, "field \"contest.seed\": not an integer from "
                               "0 to 2^53");
    return NULL;
  }
  const cJSON *log = cJSON_GetObjectItemCaseSensitive (o, "log");
  const cJSON *plan = cJSON_GetObjectItemCaseSensitive (o, "plan");
  RundirDigest digest = { 0 };
  double units = 0;
  if (log != NULL && !rundir_digest_from_json (log, &digest)) {
    cJSON_Delete (contest);
    not_manifest (error, path, "field \"log\": not {\"records\": N, "
                               "\"sha256\": HEX}");
    return NULL;
  }
  if (plan != NULL
      && (!cJSON_IsObject (plan)
          || !count_exact (cJSON_GetObjectItemCaseSensitive (plan, "units"),
                           &units))) {
    cJSON_Delete (contest);
    not_manifest (error, path, "field \"plan.units\": not a count");
    return NULL;
  }
  RunManifest *m = g_new0 (RunManifest, 1);
  m->has_log = log != NULL;
  m->log = digest;
  m->planned_units = (guint64) units;
  m->vabench_version = g_strdup (str_in (o, "vabench_version"));
  m->run_id = g_strdup (str_in (o, "run_id"));
  m->started_at = g_strdup (str_in (o, "started_at"));
  m->finished_at = g_strdup (str_in (o, "finished_at"));
  m->contest = contest;
  cJSON *status = cJSON_DetachItemFromObjectCaseSensitive (
      o, "submission_status");
  if (cJSON_IsObject (status))
    m->status = status;
  else
    cJSON_Delete (status);
  read_contest (m);
  return m;
}

/* ---- what changed since the run started ---- */

/* Where a file is, not what it holds: a contest may be named by another
 * path at resume. The question sets' content is their sha256. */
static gboolean
is_location (const char *key)
{
  static const char *const keys[] = { "file", "file_abs", "path",
                                      "abs_path", "source", NULL };
  return key != NULL && g_strv_contains (keys, key);
}

#define DIFFERENCES_MAX 20

static char *
short_json (const cJSON *v)
{
  if (v == NULL)
    return g_strdup ("(absent)");
  char *text = cJSON_PrintUnformatted (v);
  /* A manifest from someone else's run directory may hold any bytes:
   * measured and cut as UTF-8, they must be UTF-8 first (g_utf8_strlen
   * would step past the end of a character cut short). */
  g_autofree char *copy = g_utf8_make_valid (text ? text : "?", -1);
  cJSON_free (text);
  if (g_utf8_strlen (copy, -1) > 80) {
    g_autofree char *cut = g_utf8_substring (copy, 0, 77);
    return g_strconcat (cut, "…", NULL);
  }
  return g_steal_pointer (&copy);
}

static void
differ (GPtrArray *out, const char *where, const cJSON *run,
        const cJSON *now)
{
  if (out->len >= DIFFERENCES_MAX)
    return;
  g_autofree char *a = short_json (run), *b = short_json (now);
  g_autofree char *line = g_strdup_printf ("%s: %s in the run, %s now",
                                           where, a, b);
  /* where is made of the manifest's keys, which may not be UTF-8 */
  g_ptr_array_add (out, g_utf8_make_valid (line, -1));
}

static void
compare (GPtrArray *out, const char *where, const cJSON *run,
         const cJSON *now)
{
  if (cJSON_IsObject (run) && cJSON_IsObject (now)) {
    const cJSON *e;
    cJSON_ArrayForEach (e, run)
    {
      if (is_location (e->string))
        continue;
      g_autofree char *at = *where ? g_strdup_printf ("%s.%s", where,
                                                      e->string)
                                   : g_strdup (e->string);
      compare (out, at,
               e, cJSON_GetObjectItemCaseSensitive (now, e->string));
    }
    cJSON_ArrayForEach (e, now)
    {
      if (is_location (e->string)
          || cJSON_GetObjectItemCaseSensitive (run, e->string) != NULL)
        continue;
      g_autofree char *at = *where ? g_strdup_printf ("%s.%s", where,
                                                      e->string)
                                   : g_strdup (e->string);
      differ (out, at, NULL, e);
    }
    return;
  }
  if (cJSON_IsArray (run) && cJSON_IsArray (now)
      && cJSON_GetArraySize (run) == cJSON_GetArraySize (now)) {
    int i = 0;
    for (const cJSON *a = run->child, *b = now->child; a && b;
         a = a->next, b = b->next, i++) {
      g_autofree char *at = g_strdup_printf ("%s[%d]", where, i);
      compare (out, at, a, b);
    }
    return;
  }
  /* Leaves as printed: a count written raw (the seed, exact beyond 2^53)
   * reads back as a number, and must still compare equal. */
  char *a = run ? cJSON_PrintUnformatted (run) : NULL;
  char *b = now ? cJSON_PrintUnformatted (now) : NULL;
  gboolean same = a && b && strcmp (a, b) == 0;
  cJSON_free (a);
  cJSON_free (b);
  if (!same)
    differ (out, where, run, now);
}

char **
run_manifest_differences (const RunManifest *m, const cJSON *now)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (g_free);
  compare (out, "", m->contest, now);
  if (out->len == 0)
    return NULL;
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}
