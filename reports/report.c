#include "reports/report.h"

#include <errno.h>
#include <string.h>

#include "reports/csv.h"
#include "reports/gate.h"
#include "reports/html.h"
#include "reports/junit.h"
#include "reports/markdown.h"
#include "reports/plot.h"
#include "reports/rjson.h"
#include "reports/rundata.h"
#include "rundir/rundir.h"
#include "util/atomic_file.h"

G_DEFINE_QUARK (vabench-report-error-quark, report_error)

enum {
  FMT_HTML = 1 << 0,
  FMT_MD = 1 << 1,
  FMT_CSV = 1 << 2,
  FMT_JSON = 1 << 3,
  FMT_JUNIT = 1 << 4,
};

static gboolean
parse_formats (const char *formats, guint *out, GError **error)
{
  static const struct {
    const char *name;
    guint flag;
  } names[] = { { "html", FMT_HTML }, { "md", FMT_MD }, { "csv", FMT_CSV },
                { "json", FMT_JSON }, { "junit", FMT_JUNIT } };
  *out = 0;
  g_auto (GStrv) parts = g_strsplit (formats ? formats : "html,md,csv,json,junit",
                                     ",", -1);
  for (guint i = 0; parts[i]; i++) {
    const char *p = g_strstrip (parts[i]);
    guint k = 0;
    while (k < G_N_ELEMENTS (names) && strcmp (p, names[k].name) != 0)
      k++;
    if (k == G_N_ELEMENTS (names)) {
      g_set_error (error, REPORT_ERROR, REPORT_ERROR_FORMAT,
                   "--format: unknown format \"%s\" (expected html, md, csv, "
                   "json or junit)", p);
      return FALSE;
    }
    *out |= names[k].flag;
  }
  if (*out == 0) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_FORMAT,
                 "--format: empty format list");
    return FALSE;
  }
  return TRUE;
}

gboolean
report_lang_parse (const char *text, ReportLang *lang, GError **error)
{
  if (text == NULL || g_ascii_strcasecmp (text, "vi") == 0) {
    *lang = REPORT_LANG_VI;
    return TRUE;
  }
  if (g_ascii_strcasecmp (text, "en") == 0) {
    *lang = REPORT_LANG_EN;
    return TRUE;
  }
  g_set_error (error, REPORT_ERROR, REPORT_ERROR_FORMAT,
               "--lang: unknown language \"%s\" (expected vi or en)", text);
  return FALSE;
}

char *
report_leaderboard_markdown (const Results *results, ReportLang lang)
{
  /* The terminal shows the near-miss drop per kind too: the gap between a
   * strict and a tolerant assistant is the point of the near-miss sets. */
  g_autofree char *board = markdown_leaderboard (results, lang);
  g_autofree char *nearmiss = markdown_nearmiss (results, lang);
  return *nearmiss ? g_strconcat (board, "\n", nearmiss, NULL)
                   : g_steal_pointer (&board);
}

char *
report_file_name (const char *name, ReportLang lang)
{
  if (lang != REPORT_LANG_EN)
    return g_strdup (name);
  const char *dot = strrchr (name, '.');
  if (dot == NULL)
    return g_strconcat (name, ".en", NULL);
  return g_strdup_printf ("%.*s.en%s", (int) (dot - name), name, dot);
}

/* Per-record sinks fed by the single pass over scores.jsonl. */
typedef struct {
  GString *items;      /* items.csv, or NULL */
  JunitWriter *junit;  /* or NULL */
  ReportLang lang;
} Sinks;

static gboolean
visit_record (const ScoreRecord *head, ScoreRecordLine *line, int sub,
              gboolean hidden, gpointer user, GError **error)
{
  Sinks *s = user;
  gboolean want_items = s->items && !hidden;
  gboolean want_junit = s->junit && junit_writer_wants_records (s->junit);
  if (!want_items && !want_junit)
    return TRUE;
  /* A correct answer's row needs no judgement: its texts are read
   * without building the judgement's tree (most of a line's bytes). */
  const ScoreRecord *rec = head->correct && !want_junit
                               ? score_record_line_texts (line, error)
                               : score_record_line_full (line, error);
  if (rec == NULL)
    return FALSE;
  if (want_items)
    csv_items_row (s->items, rec, s->lang);
  if (want_junit)
    junit_writer_add (s->junit, rec, hidden);
  return TRUE;
}

static gboolean
save_in (const RunData *rd, const char *name, ReportLang lang,
         const char *text, gssize len, GError **error)
{
  g_autofree char *file = report_file_name (name, lang);
  g_autofree char *path = g_build_filename (rd->dir, file, NULL);
  g_autoptr (GError) local = NULL;
  /* Not synced: reports can be made again from the run. */
  if (atomic_file_set_contents (path, text, len, ATOMIC_FILE_NO_SYNC, &local))
    return TRUE;
  g_set_error_literal (error, REPORT_ERROR, REPORT_ERROR_IO, local->message);
  return FALSE;
}

typedef struct {
  const char *name;
  char *(*script) (const RunData *rd, ReportLang lang);
} PlotKind;

static const PlotKind report_plots[] = {
  { "forest", plot_script_forest },
  { "nearmiss", plot_script_nearmiss },
  { "categories", plot_script_categories },
  { "latency", plot_script_latency },
  { "capacity", plot_script_capacity },
};

/* Renders every plot into RUN_DIR/plots and returns name → inline SVG, or
 * NULL when gnuplot is absent. A plot gnuplot rejects becomes a warning:
 * one bad chart must not cost the whole report. */
static GHashTable *
render_plots (const RunData *rd, ReportLang lang, GPtrArray *warnings,
              GError **error)
{
  g_autofree char *gnuplot = g_find_program_in_path ("gnuplot");
  if (gnuplot == NULL) {
    g_ptr_array_add (warnings, g_strdup ("gnuplot not found in PATH: "
                                         "report written without plots"));
    return NULL;
  }
  g_autofree char *dir = g_build_filename (rd->dir, "plots", NULL);
  if (g_mkdir_with_parents (dir, 0755) != 0) {
    g_set_error (error, REPORT_ERROR, REPORT_ERROR_IO, "%s: %s", dir,
                 g_strerror (errno));
    return NULL;
  }
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           g_free);
  for (guint i = 0; i < G_N_ELEMENTS (report_plots); i++) {
    g_autofree char *script = report_plots[i].script (rd, lang);
    if (script == NULL)
      continue;
    g_autoptr (GError) local = NULL;
    g_autofree char *svg = plot_render (gnuplot, script, &local);
    if (svg == NULL) {
      g_ptr_array_add (warnings, g_strdup_printf ("plot %s: %s",
                                                  report_plots[i].name,
                                                  local->message));
      continue;
    }
    g_autofree char *file = g_strdup_printf ("plots/%s.svg",
                                             report_plots[i].name);
    if (!save_in (rd, file, lang, svg, -1, error)) {
      g_hash_table_unref (out);
      return NULL;
    }
    g_hash_table_insert (out, (gpointer) report_plots[i].name,
                         plot_inline (svg, report_plots[i].name));
  }
  return out;
}

static gboolean
write_html (const RunData *rd, ReportLang lang, GPtrArray *warnings,
            GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GHashTable) plots = render_plots (rd, lang, warnings, &local);
  if (local) {
    g_propagate_error (error, g_steal_pointer (&local));
    return FALSE;
  }
  g_autofree char *html = html_report (rd, plots, lang);
  return save_in (rd, "report.html", lang, html, -1, error);
}

static gboolean
write_scanned (const RunData *rd, const Sinks *s, GError **error)
{
  if (s->items && !save_in (rd, "items.csv", s->lang, s->items->str,
                            (gssize) s->items->len, error))
    return FALSE;
  if (s->junit) {
    g_autofree char *xml = junit_writer_finish (s->junit);
    if (!save_in (rd, "junit.xml", s->lang, xml, -1, error))
      return FALSE;
  }
  return TRUE;
}

static gboolean
write_plain (const RunData *rd, guint fmts, const GPtrArray *checks,
             ReportLang lang, GError **error)
{
  if (fmts & FMT_MD) {
    g_autofree char *md = markdown_report (rd, checks, lang);
    if (!save_in (rd, "report.md", lang, md, -1, error))
      return FALSE;
  }
  if (fmts & FMT_CSV) {
    g_autofree char *csv = csv_results (rd->results);
    if (!save_in (rd, "results.csv", REPORT_LANG_VI, csv, -1, error))
      return FALSE;
  }
  if (fmts & FMT_JSON) {
    g_autofree char *text = results_print (rd->results);
    if (!save_in (rd, rundir_file_name (RUNDIR_RESULTS), REPORT_LANG_VI,
                  text, -1, error))
      return FALSE;
  }
  return TRUE;
}

/* Takes warnings; NULL when there are none (and the array is freed:
 * GLib's slice allocator hid that leak until the tests ran with
 * G_SLICE=always-malloc). */
static char **
warnings_strv (GPtrArray *warnings)
{
  if (warnings->len == 0) {
    g_ptr_array_unref (warnings);
    return NULL;
  }
  g_ptr_array_add (warnings, NULL);
  return (char **) g_ptr_array_free (warnings, FALSE);
}

gboolean
report_write (const char *run_dir, const ReportOptions *opts,
              char ***warnings, GError **error)
{
  if (warnings)
    *warnings = NULL;
  guint fmts;
  ReportLang lang = opts->lang;
  if (!parse_formats (opts->formats, &fmts, error))
    return FALSE;
  g_autoptr (RunData) rd = rundata_load (run_dir, error);
  if (rd == NULL)
    return FALSE;
  /* The thresholds are checked first: a malformed one fails before any
   * file is written. */
  g_autoptr (GPtrArray) checks = gate_checks (rd->subs, opts->requires, NULL,
                                              error);
  if (checks == NULL)
    return FALSE;
  g_autoptr (GString) items = NULL;
  g_autoptr (JunitWriter) junit = NULL;
  if (fmts & FMT_CSV) {
    items = g_string_new (NULL);
    csv_items_header (items);
  }
  if (fmts & FMT_JUNIT) {
    junit = junit_writer_new (rd->results, lang, opts->junit_items);
    junit_writer_add_checks (junit, checks);
  }
  Sinks sinks = { items, junit, lang };
  g_autoptr (GPtrArray) warn = g_ptr_array_new_with_free_func (g_free);
  gboolean scan = (fmts & (FMT_HTML | FMT_MD | FMT_CSV))
                  || (junit && opts->junit_items);
  if (scan && !rundata_scan (rd, visit_record, &sinks, error))
    return FALSE;
  if (scan && !rd->have_scores)
    g_ptr_array_add (warn, g_strdup_printf ("%s/%s not found: no "
                                            "per-question detail", run_dir,
                                            rundir_file_name (RUNDIR_SCORES)));
  if (!write_scanned (rd, &sinks, error)
      || !write_plain (rd, fmts, checks, lang, error))
    return FALSE;
  if ((fmts & FMT_HTML) && !write_html (rd, lang, warn, error))
    return FALSE;
  if (warnings)
    *warnings = warnings_strv (g_steal_pointer (&warn));
  return TRUE;
}
