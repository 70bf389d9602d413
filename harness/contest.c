#include "harness/contest.h"

#include <string.h>

#include "testsets/perturb.h"
#include "util/input_file.h"
#include "util/suggest.h"

G_DEFINE_QUARK (vabench-contest-error-quark, contest_error)

/* Limits of a contest file (harness/README.md): a few settings and lists
 * of files; the ministry's contest has one submission per province. */
#define CONTEST_MAX_BYTES (1024 * 1024)
#define CONTEST_MAX_LINE (64 * 1024)
#define CONTEST_MAX_TESTSETS 64
#define CONTEST_MAX_SUBMISSIONS 1000

void
contest_free (Contest *c)
{
  if (c == NULL)
    return;
  g_free (c->path);
  g_free (c->name);
  g_free (c->as_of);
  /* A contest that failed to load may lack either list. */
  g_clear_pointer (&c->testsets, g_ptr_array_unref);
  g_clear_pointer (&c->manifests, g_ptr_array_unref);
  g_strfreev (c->nearmiss_kinds);
  g_free (c);
}

/* GKeyFile keeps no positions; find "key =" inside "[group]" for messages. */
static guint
line_of (const char *text, const char *group, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autofree char *header = g_strdup_printf ("[%s]", group);
  gboolean in_group = FALSE;
  for (guint i = 0; lines[i]; i++) {
    const char *l = g_strstrip (lines[i]);
    if (*l == '[') {
      in_group = strcmp (l, header) == 0;
      if (in_group && key == NULL)
        return i + 1;
      continue;
    }
    if (in_group && key && g_str_has_prefix (l, key)) {
      const char *rest = l + strlen (key);
      while (*rest == ' ')
        rest++;
      if (*rest == '=')
        return i + 1;
    }
  }
  return 1;
}

/* Every section and key a contest file may hold. Anything else is an
 * error: a typo ("acuracy", "[nearmis]") used to fall back to the
 * default without a word and change the result. */
static const char *const keys_contest[] = {
  "name", "seed", "as_of", "testsets", "submissions", "resamples",
  "official", "repeat", "repeat_rank", NULL,
};
static const char *const keys_nearmiss[] = { "kinds", "per_item", NULL };
static const char *const keys_weights[]
    = { "accuracy", "nearmiss", "latency", "availability", NULL };
static const char *const keys_sla[] = { "latency_ms", NULL };
static const char *const keys_politeness[] = {
  "concurrency", "rate_per_sec", "timeout_ms", "connect_timeout_ms",
  "retries", "retry_budget", "retry_timeouts", "global_concurrency",
  "max_body_bytes", "mode", "pause_after", NULL,
};
static const char *const sections[]
    = { "contest", "nearmiss", "weights", "sla", "politeness", NULL };
static const char *const *const section_keys[] = {
  keys_contest, keys_nearmiss, keys_weights, keys_sla, keys_politeness,
};

static const char *const *
keys_of (const char *group)
{
  for (guint i = 0; sections[i]; i++)
    if (strcmp (sections[i], group) == 0)
      return section_keys[i];
  return NULL;
}

static gboolean
strict_fail (GError **error, const char *path, guint line, const char *fmt,
             ...) G_GNUC_PRINTF (4, 5);
static gboolean
strict_fail (GError **error, const char *path, guint line, const char *fmt,
             ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, CONTEST_ERROR, CONTEST_ERROR_INVALID, "%s:%u: %s",
               path, line, msg);
  return FALSE;
}

/* A key in the wrong section: where it belongs, for the message. */
static const char *
section_holding (const char *key)
{
  for (guint i = 0; sections[i]; i++)
    if (g_strv_contains (section_keys[i], key))
      return sections[i];
  return NULL;
}

static gboolean
check_key (const char *path, guint line, const char *group, const char *key,
           GHashTable *seen, GError **error)
{
  const char *const *known = keys_of (group);
  if (!g_strv_contains (known, key)) {
    const char *home = section_holding (key);
    if (home)
      return strict_fail (error, path, line,
                          "[%s] %s: unknown key in [%s]; it belongs in [%s]",
                          group, key, group, home);
    g_autofree char *hint = suggest_hint (key, known);
    g_autofree char *all = g_strjoinv (", ", (char **) known);
    return strict_fail (error, path, line,
                        "[%s] %s: unknown key%s (known in [%s]: %s)", group,
                        key, hint, group, all);
  }
  g_autofree char *k = g_strdup_printf ("%s\037%s", group, key);
  guint before = GPOINTER_TO_UINT (g_hash_table_lookup (seen, k));
  if (before)
    return strict_fail (error, path, line,
                        "[%s] %s: given twice (first on line %u); which one "
                        "counts would be a guess",
                        group, key, before);
  g_hash_table_insert (seen, g_steal_pointer (&k), GUINT_TO_POINTER (line));
  return TRUE;
}

/* Reads the file's lines as GKeyFile does (it has already accepted them)
 * and refuses unknown sections, unknown keys, keys given twice and
 * localized keys ("name[vi]"), naming the line. */
static gboolean
check_names (const char *path, const char *text, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash,
                                                       g_str_equal, g_free,
                                                       NULL);
  const char *group = NULL;
  for (guint i = 0; lines[i]; i++) {
    char *l = g_strstrip (lines[i]);
    guint line = i + 1;
    if (*l == '\0' || *l == '#')
      continue;
    if (*l == '[') {
      char *end = strrchr (l, ']');
      if (end)
        *end = '\0';
      group = l + 1;
      if (keys_of (group) == NULL) {
        const char *near = suggest_near (group, sections);
        g_autofree char *all = g_strjoinv ("], [", (char **) sections);
        g_autofree char *hint
            = near ? g_strdup_printf (" (did you mean [%s]?)", near)
                   : g_strdup ("");
        return strict_fail (error, path, line,
                            "[%s]: unknown section%s (known: [%s])", group,
                            hint, all);
      }
      g_autofree char *gk = g_strdup_printf ("[%s]", group);
      guint before = GPOINTER_TO_UINT (g_hash_table_lookup (seen, gk));
      if (before)
        return strict_fail (error, path, line,
                            "[%s]: section given twice (first on line %u)",
                            group, before);
      g_hash_table_insert (seen, g_steal_pointer (&gk),
                           GUINT_TO_POINTER (line));
      continue;
    }
    char *eq = strchr (l, '=');
    if (eq == NULL || group == NULL)
      continue; /* GKeyFile refused such a line already */
    *eq = '\0';
    char *key = g_strstrip (l);
    if (!check_key (path, line, group, key, seen, error))
      return FALSE;
  }
  return TRUE;
}

typedef struct {
  GKeyFile *kf;
  const char *text;
  const char *path;
  const char *dir;
} Ini;

static gboolean
bad (const Ini *ini, const char *group, const char *key, GError **error,
     const char *fmt, ...) G_GNUC_PRINTF (5, 6);
static gboolean
bad (const Ini *ini, const char *group, const char *key, GError **error,
     const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  g_autofree char *msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  g_set_error (error, CONTEST_ERROR, CONTEST_ERROR_INVALID,
               "%s:%u: [%s] %s: %s", ini->path,
               line_of (ini->text, group, key), group, key ? key : "", msg);
  return FALSE;
}

/* GKeyFile reads a value it cannot unescape, or that is not UTF-8, as no
 * value: every getter below would then use its default in silence (an
 * official contest run as unofficial, another seed). Each value is
 * checked here once, before any is used, so that those getters only ever
 * see values GKeyFile reads. The escapes are checked first, by hand:
 * GLib 2.74 sets its error twice (and warns) when a bad escape comes
 * before a backslash ending the value. */
static gboolean
check_values (const Ini *ini, GError **error)
{
  g_auto (GStrv) groups = g_key_file_get_groups (ini->kf, NULL);
  for (char **g = groups; *g; g++) {
    g_auto (GStrv) keys = g_key_file_get_keys (ini->kf, *g, NULL, NULL);
    for (char **k = keys; keys && *k; k++) {
      g_autofree char *raw = g_key_file_get_value (ini->kf, *g, *k, NULL);
      for (const char *p = raw; p && *p; p++) {
        if (*p != '\\')
          continue;
        if (p[1] == '\0')
          return bad (ini, *g, *k, error, "ends in a lone backslash (write "
                      "\\\\ for one)");
        if (strchr ("sntr\\", p[1]) == NULL && g_ascii_isgraph (p[1]))
          return bad (ini, *g, *k, error, "\"\\%c\" is no escape GKeyFile "
                      "knows (\\s \\n \\t \\r \\\\; write \\\\ for a "
                      "backslash)", p[1]);
        if (strchr ("sntr\\", p[1]) == NULL)
          return bad (ini, *g, *k, error, "a backslash before what GKeyFile "
                      "cannot unescape (\\s \\n \\t \\r \\\\; write "
                      "\\\\ for a backslash)");
        p++;
      }
      g_autoptr (GError) local = NULL;
      g_autofree char *v = g_key_file_get_string (ini->kf, *g, *k, &local);
      if (v == NULL)
        return bad (ini, *g, *k, error, "%s",
                    g_utf8_validate (raw, -1, NULL) ? local->message
                                                    : "not UTF-8");
    }
  }
  return TRUE;
}

static gboolean
get_uint (const Ini *ini, const char *group, const char *key, guint64 min,
          guint64 max, guint64 dflt, guint64 *out, GError **error)
{
  g_autofree char *v = g_key_file_get_string (ini->kf, group, key, NULL);
  if (v == NULL) {
    *out = dflt;
    return TRUE;
  }
  g_strstrip (v);
  g_autoptr (GError) local = NULL;
  if (!g_ascii_string_to_unsigned (v, 10, min, max, out, &local))
    return bad (ini, group, key, error, "\"%s\": %s", v, local->message);
  return TRUE;
}

static gboolean
get_double (const Ini *ini, const char *group, const char *key, double min,
            double max, double dflt, double *out, GError **error)
{
  g_autofree char *v = g_key_file_get_string (ini->kf, group, key, NULL);
  if (v == NULL) {
    *out = dflt;
    return TRUE;
  }
  g_strstrip (v);
  char *end = NULL;
  double d = g_ascii_strtod (v, &end);
  if (end == v || *end != '\0' || d < min || d > max)
    return bad (ini, group, key, error,
                "\"%s\" is not a number in %g..%g", v, min, max);
  *out = d;
  return TRUE;
}

static gboolean
get_bool (const Ini *ini, const char *group, const char *key,
          gboolean dflt, gboolean *out, GError **error)
{
  g_autofree char *v = g_key_file_get_string (ini->kf, group, key, NULL);
  if (v == NULL) {
    *out = dflt;
    return TRUE;
  }
  g_strstrip (v);
  if (strcmp (v, "true") == 0 || strcmp (v, "false") == 0) {
    *out = v[0] == 't';
    return TRUE;
  }
  return bad (ini, group, key, error, "\"%s\" is neither true nor false", v);
}

static char *
resolve (const Ini *ini, const char *rel)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (rel));
  if (g_path_is_absolute (trimmed))
    return g_steal_pointer (&trimmed);
  return g_build_filename (ini->dir, trimmed, NULL);
}

/* A list key: entries separated by ';' or ','; empty entries dropped. */
static char **
get_list (const Ini *ini, const char *group, const char *key)
{
  g_autofree char *v = g_key_file_get_string (ini->kf, group, key, NULL);
  if (v == NULL)
    return g_new0 (char *, 1);
  g_auto (GStrv) parts = g_strsplit_set (v, ";,", -1);
  g_autoptr (GPtrArray) out = g_ptr_array_new ();
  for (char **p = parts; *p; p++)
    if (*g_strstrip (*p) != '\0')
      g_ptr_array_add (out, g_strdup (*p));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

static gboolean
load_as_of (const Ini *ini, Contest *c, GError **error)
{
  g_autofree char *v = g_key_file_get_string (ini->kf, "contest", "as_of",
                                              NULL);
  if (v == NULL)
    return TRUE;
  g_strstrip (v);
  if (!testset_date_check (v, "as_of", NULL))
    return bad (ini, "contest", "as_of", error,
                "\"%s\" is not a date YYYY-MM-DD", v);
  c->as_of = g_steal_pointer (&v);
  return TRUE;
}

/* repeat = k: each question k times, to see an assistant that is right
 * by chance; repeat_rank says whether the ranking counts every round
 * (mean) or an item only when right in all k (pass_k). */
static gboolean
load_repeat (const Ini *ini, Contest *c, GError **error)
{
  guint64 k = 1;
  if (!get_uint (ini, "contest", "repeat", 1, 100, 1, &k, error))
    return FALSE;
  c->repeat = (guint) k;
  g_autofree char *rank = g_key_file_get_string (ini->kf, "contest",
                                                 "repeat_rank", NULL);
  if (rank == NULL)
    return TRUE;
  g_strstrip (rank);
  if (strcmp (rank, "mean") != 0 && strcmp (rank, "pass_k") != 0)
    return bad (ini, "contest", "repeat_rank", error,
                "\"%s\" is neither mean (every round counts) nor pass_k "
                "(an item counts when right in every round)",
                rank);
  c->repeat_pass_k = strcmp (rank, "pass_k") == 0;
  if (c->repeat_pass_k && c->repeat < 2)
    return bad (ini, "contest", "repeat_rank", error,
                "pass_k needs repeat = 2 or more");
  return TRUE;
}

static gboolean
load_testsets (const Ini *ini, Contest *c, GError **error)
{
  g_auto (GStrv) files = get_list (ini, "contest", "testsets");
  if (files[0] == NULL)
    return bad (ini, "contest", "testsets", error,
                "missing: name at least one question set");
  if (g_strv_length (files) > CONTEST_MAX_TESTSETS)
    return bad (ini, "contest", "testsets", error,
                "%u question sets, above the limit of %d",
                g_strv_length (files), CONTEST_MAX_TESTSETS);
  c->testsets = g_ptr_array_new_with_free_func ((GDestroyNotify) testset_free);
  for (char **f = files; *f; f++) {
    g_autofree char *p = resolve (ini, *f);
    Testset *set = testset_load (p, error);
    if (set == NULL)
      return FALSE;
    for (guint i = 0; i < c->testsets->len; i++) {
      const Testset *o = g_ptr_array_index (c->testsets, i);
      if (strcmp (o->name, set->name) == 0) {
        testset_free (set);
        return bad (ini, "contest", "testsets", error,
                    "two question sets are named \"%s\"", o->name);
      }
    }
    g_ptr_array_add (c->testsets, set);
  }
  return TRUE;
}

static gboolean
load_manifests (const Ini *ini, Contest *c, GError **error)
{
  g_auto (GStrv) files = get_list (ini, "contest", "submissions");
  if (files[0] == NULL)
    return bad (ini, "contest", "submissions", error,
                "missing: name at least one submission manifest");
  if (g_strv_length (files) > CONTEST_MAX_SUBMISSIONS)
    return bad (ini, "contest", "submissions", error,
                "%u submissions, above the limit of %d",
                g_strv_length (files), CONTEST_MAX_SUBMISSIONS);
  c->manifests = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                     manifest_free);
  for (char **f = files; *f; f++) {
    g_autofree char *p = resolve (ini, *f);
    Manifest *m = manifest_load (p, error);
    if (m == NULL)
      return FALSE;
    for (guint i = 0; i < c->manifests->len; i++) {
      const Manifest *o = g_ptr_array_index (c->manifests, i);
      if (strcmp (o->id, m->id) == 0) {
        g_autofree char *id = g_strdup (m->id);
        manifest_free (m);
        return bad (ini, "contest", "submissions", error,
                    "two submissions have the id \"%s\"", id);
      }
    }
    g_ptr_array_add (c->manifests, m);
  }
  return TRUE;
}

static gboolean
load_nearmiss (const Ini *ini, Contest *c, GError **error)
{
  c->nearmiss_kinds = get_list (ini, "nearmiss", "kinds");
  for (char **k = c->nearmiss_kinds; *k; k++)
    if (!perturb_kind_valid (*k)) {
      g_autofree char *known
          = g_strjoinv (", ", (char **) perturb_kind_names ());
      return bad (ini, "nearmiss", "kinds", error,
                  "unknown kind \"%s\" (known: %s)", *k, known);
    }
  guint64 per = 0;
  if (!get_uint (ini, "nearmiss", "per_item", 0, 20, 1, &per, error))
    return FALSE;
  c->per_item = (guint) per;
  return TRUE;
}

static gboolean
load_scoring (const Ini *ini, Contest *c, GError **error)
{
  MetricsConfig *m = &c->metrics;
  guint64 sla = 0, res = 0;
  if (!get_double (ini, "weights", "accuracy", 0, 100, 0.5, &m->w_accuracy,
                   error)
      || !get_double (ini, "weights", "nearmiss", 0, 100, 0.2,
                      &m->w_nearmiss, error)
      || !get_double (ini, "weights", "latency", 0, 100, 0.2, &m->w_latency,
                      error)
      || !get_double (ini, "weights", "availability", 0, 100, 0.1,
                      &m->w_availability, error)
      || !get_uint (ini, "sla", "latency_ms", 1, 3600000, 3000, &sla, error)
      || !get_uint (ini, "contest", "resamples", 100, 100000, 1000, &res,
                    error))
    return FALSE;
  if (m->w_accuracy + m->w_nearmiss + m->w_latency + m->w_availability <= 0)
    return bad (ini, "weights", NULL, error, "all weights are zero");
  m->sla_ms = (guint) sla;
  m->resamples = (guint) res;
  m->seed = c->seed;
  return TRUE;
}

static gboolean
load_politeness (const Ini *ini, Contest *c, GError **error)
{
  const char *g = "politeness";
  guint64 conc, tmo, ctmo, retries, budget, gconc, body, pause;
  if (!get_uint (ini, g, "concurrency", 1, 100000, 4, &conc, error)
      || !get_double (ini, g, "rate_per_sec", 0, 1e6, 20, &c->rate_per_sec,
                      error)
      || !get_uint (ini, g, "timeout_ms", 1, 3600000, 30000, &tmo, error)
      || !get_uint (ini, g, "connect_timeout_ms", 1, 600000, 5000, &ctmo,
                    error)
      || !get_uint (ini, g, "retries", 0, 10, 2, &retries, error)
      || !get_uint (ini, g, "retry_budget", 0, G_MAXUINT, 1000, &budget,
                    error)
      || !get_uint (ini, g, "global_concurrency", 1, 200000, 256, &gconc,
                    error)
      || !get_uint (ini, g, "max_body_bytes", 1024, 1 << 30, 1 << 20, &body,
                    error)
      || !get_uint (ini, g, "pause_after", 0, 1000000, 20, &pause, error)
      || !get_bool (ini, g, "retry_timeouts", FALSE, &c->retry_timeouts,
                    error))
    return FALSE;
  c->concurrency = (guint) conc;
  c->timeout_ms = (guint) tmo;
  c->connect_timeout_ms = (guint) ctmo;
  c->retries = (guint) retries;
  c->retry_budget = (guint) budget;
  c->global_concurrency = (guint) gconc;
  c->max_body_bytes = (gsize) body;
  c->pause_after = (guint) pause;
  g_autofree char *mode = g_key_file_get_string (ini->kf, g, "mode", NULL);
  if (mode && strcmp (g_strstrip (mode), "open") != 0
      && strcmp (mode, "closed") != 0)
    return bad (ini, g, "mode", error, "\"%s\" is neither closed nor open",
                mode);
  c->open_loop = mode && strcmp (mode, "open") == 0;
  if (c->open_loop && c->rate_per_sec <= 0)
    return bad (ini, g, "mode", error,
                "open loop needs rate_per_sec > 0 (the arrival rate)");
  return TRUE;
}

/* The line of a manifest's field, for the messages of official mode. */
static gboolean
manifest_override (const Manifest *m, const char *field, gboolean set,
                   const char *value, GError **error)
{
  if (!set)
    return TRUE;
  g_set_error (error, CONTEST_ERROR, CONTEST_ERROR_INVALID,
               "%s:%u: field \"%s\": an official contest runs every "
               "submission under the contest's %s (%s); remove it from the "
               "manifest",
               m->path, manifest_field_line (m, field), field, field, value);
  return FALSE;
}

/* official = true: identical conditions for everyone. No manifest may
 * set its own limits, every item must be reviewed, and the day the keys
 * are judged by must be stated. Each error names the file and line. */
static gboolean
check_official (const Ini *ini, Contest *c, GError **error)
{
  if (!c->official)
    return TRUE;
  if (c->as_of == NULL)
    return bad (ini, "contest", "official", error,
                "an official contest states as_of, the day its keys are "
                "judged by (add as_of = YYYY-MM-DD to [contest])");
  for (guint i = 0; i < c->manifests->len; i++) {
    const Manifest *m = g_ptr_array_index (c->manifests, i);
    g_autofree char *conc = g_strdup_printf ("%u", c->concurrency);
    g_autofree char *rate = g_strdup_printf ("%g/s", c->rate_per_sec);
    g_autofree char *tmo = g_strdup_printf ("%u ms", c->timeout_ms);
    if (!manifest_override (m, "concurrency", m->concurrency != 0, conc,
                            error)
        || !manifest_override (m, "rate_per_sec", m->rate_per_sec > 0, rate,
                               error)
        || !manifest_override (m, "timeout_ms", m->timeout_ms != 0, tmo,
                               error))
      return FALSE;
  }
  g_autoptr (GString) all = g_string_new (NULL);
  for (guint i = 0; i < c->testsets->len; i++) {
    g_autoptr (GError) local = NULL;
    if (!testset_require_reviewed (g_ptr_array_index (c->testsets, i),
                                   &local))
      g_string_append_printf (all, "%s%s", all->len ? "\n" : "",
                              local->message);
  }
  if (all->len == 0)
    return TRUE;
  g_set_error (error, TESTSET_ERROR, TESTSET_ERROR_UNREVIEWED,
               "an official contest fires only reviewed items (%s:%u: "
               "official = true):\n%s",
               ini->path, line_of (ini->text, "contest", "official"),
               all->str);
  return FALSE;
}

Contest *
contest_load (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;
  g_autoptr (GError) local = NULL;
  const InputLimits limits = { CONTEST_MAX_BYTES, CONTEST_MAX_LINE };
  if (!input_file_read (path, &limits, "a contest file", &text, &len,
                        CONTEST_ERROR, CONTEST_ERROR_INVALID, error))
    return NULL;
  g_autoptr (GKeyFile) kf = g_key_file_new ();
  if (!g_key_file_load_from_data (kf, text, (gsize) -1, G_KEY_FILE_NONE,
                                  &local)) {
    g_set_error (error, CONTEST_ERROR, CONTEST_ERROR_INVALID, "%s: %s", path,
                 local->message);
    return NULL;
  }
  if (!check_names (path, text, error))
    return NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  Ini ini = { kf, text, path, dir };
  if (!check_values (&ini, error))
    return NULL;
  g_autoptr (Contest) c = g_new0 (Contest, 1);
  c->path = g_strdup (path);
  c->name = g_key_file_get_string (kf, "contest", "name", NULL);
  if (c->name == NULL) {
    bad (&ini, "contest", "name", error, "missing");
    return NULL;
  }
  g_strstrip (c->name);
  /* At most 2^53: manifest.json keeps the seed as a JSON number, which a
   * reader holds exactly only that far (a resume compares it). */
  if (!get_uint (&ini, "contest", "seed", 0, CONTEST_MAX_SEED, 1, &c->seed,
                 error)
      || !get_bool (&ini, "contest", "official", FALSE, &c->official, error)
      || !load_as_of (&ini, c, error) || !load_repeat (&ini, c, error)
      || !load_scoring (&ini, c, error)
      || !load_nearmiss (&ini, c, error)
      || !load_politeness (&ini, c, error) || !load_testsets (&ini, c, error)
      || !load_manifests (&ini, c, error) || !check_official (&ini, c, error))
    return NULL;
  return g_steal_pointer (&c);
}

/* In official mode a manifest's limits were refused at load; the
 * contest's are used whatever a Manifest built elsewhere holds. */
guint
contest_concurrency_for (const Contest *c, const Manifest *m)
{
  return m->concurrency && !c->official ? m->concurrency : c->concurrency;
}

double
contest_rate_for (const Contest *c, const Manifest *m)
{
  return m->rate_per_sec > 0 && !c->official ? m->rate_per_sec
                                             : c->rate_per_sec;
}

guint
contest_timeout_for (const Contest *c, const Manifest *m)
{
  return m->timeout_ms && !c->official ? m->timeout_ms : c->timeout_ms;
}

cJSON *
contest_effective (const Contest *c, const Manifest *m)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddBoolToObject (o, "official", c->official);
  cJSON_AddNumberToObject (o, "concurrency", contest_concurrency_for (c, m));
  cJSON_AddNumberToObject (o, "rate_per_sec", contest_rate_for (c, m));
  cJSON_AddNumberToObject (o, "timeout_ms", contest_timeout_for (c, m));
  cJSON_AddNumberToObject (o, "connect_timeout_ms", c->connect_timeout_ms);
  cJSON_AddNumberToObject (o, "retries", c->retries);
  cJSON_AddNumberToObject (o, "retry_budget", c->retry_budget);
  cJSON_AddBoolToObject (o, "retry_timeouts", c->retry_timeouts);
  cJSON_AddNumberToObject (o, "max_body_bytes", (double) c->max_body_bytes);
  cJSON_AddStringToObject (o, "mode", c->open_loop ? "open" : "closed");
  cJSON_AddNumberToObject (o, "pause_after", c->pause_after);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, c->seed);
  cJSON_AddRawToObject (o, "order_seed", seed);
  if (c->as_of)
    cJSON_AddStringToObject (o, "as_of", c->as_of);
  else
    cJSON_AddNullToObject (o, "as_of");
  /* What the manifest asked for itself, so a report shows an override. */
  cJSON *own = cJSON_AddArrayToObject (o, "overridden");
  if (m->concurrency && !c->official)
    cJSON_AddItemToArray (own, cJSON_CreateString ("concurrency"));
  if (m->rate_per_sec > 0 && !c->official)
    cJSON_AddItemToArray (own, cJSON_CreateString ("rate_per_sec"));
  if (m->timeout_ms && !c->official)
    cJSON_AddItemToArray (own, cJSON_CreateString ("timeout_ms"));
  return o;
}

gboolean
contest_keep_only (Contest *c, const char *only, GError **error)
{
  for (guint i = 0; i < c->manifests->len; i++) {
    Manifest *m = g_ptr_array_index (c->manifests, i);
    if (strcmp (m->id, only) != 0)
      continue;
    g_ptr_array_steal_index (c->manifests, i);
    g_ptr_array_set_size (c->manifests, 0);
    g_ptr_array_add (c->manifests, m);
    return TRUE;
  }
  g_set_error (error, CONTEST_ERROR, CONTEST_ERROR_INVALID,
               "--only: no submission has the id \"%s\"", only);
  return FALSE;
}

/* A set's category display names as a JSON object, codes sorted so the
 * manifest's bytes do not depend on hash order. */
static cJSON *
categories_snapshot (GHashTable *categories)
{
  cJSON *o = cJSON_CreateObject ();
  g_autoptr (GList) keys = g_list_sort (g_hash_table_get_keys (categories),
                                        (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l; l = l->next)
    cJSON_AddStringToObject (o, l->data,
                             g_hash_table_lookup (categories, l->data));
  return o;
}

cJSON *
contest_snapshot (const Contest *c)
{
  cJSON *o = cJSON_CreateObject ();
  cJSON_AddStringToObject (o, "name", c->name);
  cJSON_AddStringToObject (o, "file", c->path);
  cJSON_AddBoolToObject (o, "official", c->official);
  g_autofree char *seed = g_strdup_printf ("%" G_GUINT64_FORMAT, c->seed);
  cJSON_AddRawToObject (o, "seed", seed);
  if (c->as_of)
    cJSON_AddStringToObject (o, "as_of", c->as_of);
  else
    cJSON_AddNullToObject (o, "as_of");
  cJSON *w = cJSON_AddObjectToObject (o, "weights");
  cJSON_AddNumberToObject (w, "accuracy", c->metrics.w_accuracy);
  cJSON_AddNumberToObject (w, "nearmiss", c->metrics.w_nearmiss);
  cJSON_AddNumberToObject (w, "latency", c->metrics.w_latency);
  cJSON_AddNumberToObject (w, "availability", c->metrics.w_availability);
  cJSON_AddNumberToObject (o, "sla_ms", c->metrics.sla_ms);
  cJSON_AddNumberToObject (o, "resamples", c->metrics.resamples);
  cJSON_AddItemToObject (o, "nearmiss_kinds",
                         cJSON_CreateStringArray (
                             (const char *const *) c->nearmiss_kinds,
                             (int) g_strv_length (c->nearmiss_kinds)));
  cJSON_AddNumberToObject (o, "per_item", c->per_item);
  if (c->repeat > 1) { /* absent: every question once, as before */
    cJSON_AddNumberToObject (o, "repeat", c->repeat);
    cJSON_AddStringToObject (o, "repeat_rank",
                             c->repeat_pass_k ? "pass_k" : "mean");
  }
  cJSON *p = cJSON_AddObjectToObject (o, "politeness");
  cJSON_AddNumberToObject (p, "concurrency", c->concurrency);
  cJSON_AddNumberToObject (p, "rate_per_sec", c->rate_per_sec);
  cJSON_AddNumberToObject (p, "timeout_ms", c->timeout_ms);
  cJSON_AddNumberToObject (p, "connect_timeout_ms", c->connect_timeout_ms);
  cJSON_AddNumberToObject (p, "retries", c->retries);
  cJSON_AddNumberToObject (p, "retry_budget", c->retry_budget);
  cJSON_AddBoolToObject (p, "retry_timeouts", c->retry_timeouts);
  cJSON_AddStringToObject (p, "mode", c->open_loop ? "open" : "closed");
  cJSON_AddNumberToObject (p, "global_concurrency", c->global_concurrency);
  cJSON_AddNumberToObject (p, "max_body_bytes", (double) c->max_body_bytes);
  cJSON_AddNumberToObject (p, "pause_after", c->pause_after);
  cJSON *ts = cJSON_AddArrayToObject (o, "testsets");
  for (guint i = 0; i < c->testsets->len; i++) {
    const Testset *s = g_ptr_array_index (c->testsets, i);
    cJSON *t = cJSON_CreateObject ();
    cJSON_AddStringToObject (t, "name", s->name);
    cJSON_AddStringToObject (t, "path", s->path);
    cJSON_AddStringToObject (t, "sha256", s->sha256);
    cJSON_AddStringToObject (t, "visibility", s->hidden ? "hidden" : "public");
    cJSON_AddNumberToObject (t, "items", s->items->len);
    if (s->categories) /* display names for the reports, sorted */
      cJSON_AddItemToObject (t, "categories",
                             categories_snapshot (s->categories));
    cJSON_AddItemToArray (ts, t);
  }
  cJSON *subs = cJSON_AddArrayToObject (o, "submissions");
  for (guint i = 0; i < c->manifests->len; i++) {
    const Manifest *m = g_ptr_array_index (c->manifests, i);
    cJSON *snap = manifest_snapshot (m);
    cJSON_AddItemToObject (snap, "effective", contest_effective (c, m));
    cJSON_AddItemToArray (subs, snap);
  }
  return o;
}
