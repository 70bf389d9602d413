#include "reports/plot.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "reports/escape.h"
#include "reports/i18n.h"
#include "reports/labels.h"
#include "reports/rjson.h"
#include "reports/ties.h"

G_DEFINE_QUARK (vabench-plot-error-quark, plot_error)

char *
plot_render (const char *gnuplot, const char *script, GError **error)
{
  const char *argv[] = { gnuplot, NULL };
  g_autoptr (GError) local = NULL;
  g_autoptr (GSubprocess) proc = g_subprocess_newv (
      argv,
      G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
          | G_SUBPROCESS_FLAGS_STDERR_PIPE,
      &local);
  if (proc == NULL) {
    g_set_error (error, PLOT_ERROR, PLOT_ERROR_SPAWN,
                 "cannot start %s: %s", gnuplot, local->message);
    return NULL;
  }
  g_autofree char *out = NULL, *err = NULL;
  if (!g_subprocess_communicate_utf8 (proc, script, NULL, &out, &err,
                                      &local)) {
    g_set_error (error, PLOT_ERROR, PLOT_ERROR_FAILED,
                 "talking to %s: %s", gnuplot, local->message);
    return NULL;
  }
  if (!g_subprocess_get_if_exited (proc)
      || g_subprocess_get_exit_status (proc) != 0 || out == NULL
      || strstr (out, "<svg") == NULL) {
    g_set_error (error, PLOT_ERROR, PLOT_ERROR_FAILED,
                 "%s failed: %s", gnuplot,
                 err && *err ? g_strstrip (err) : "no SVG output");
    return NULL;
  }
  return g_steal_pointer (&out);
}

/* Removes the first <tag>…</tag> (gnuplot's English "Produced by
 * GNUPLOT" and "Gnuplot" would be the only English in a Vietnamese
 * page). */
static void
drop_element (GString *s, const char *tag)
{
  g_autofree char *open = g_strdup_printf ("<%s>", tag);
  g_autofree char *close = g_strdup_printf ("</%s>", tag);
  const char *a = strstr (s->str, open);
  const char *b = a ? strstr (a, close) : NULL;
  if (b)
    g_string_erase (s, a - s->str, (b - a) + (gssize) strlen (close));
}

char *
plot_inline (const char *svg, const char *prefix)
{
  const char *start = strstr (svg, "<svg");
  g_autoptr (GString) out = g_string_new (start ? start : svg);
  drop_element (out, "title");
  drop_element (out, "desc");
  g_autofree char *id1 = g_strdup_printf ("id='%s_", prefix);
  g_autofree char *id2 = g_strdup_printf ("id=\"%s_", prefix);
  g_autofree char *ref1 = g_strdup_printf ("href='#%s_", prefix);
  g_autofree char *ref2 = g_strdup_printf ("href=\"#%s_", prefix);
  g_autofree char *url = g_strdup_printf ("url(#%s_", prefix);
  g_string_replace (out, "id='", id1, 0);
  g_string_replace (out, "id=\"", id2, 0);
  g_string_replace (out, "href='#", ref1, 0);
  g_string_replace (out, "href=\"#", ref2, 0);
  g_string_replace (out, "url(#", url, 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- shared pieces ------------------------------------------------------ */

static guint
rows_of (const RunData *rd)
{
  return MIN (rd->n_subs, PLOT_MAX_ROWS);
}

/* Opens a script; the title says when the plot shows fewer rows than
 * there are submissions. */
static GString *
script_start (const RunData *rd, int width, int height, const char *title,
              ReportLang lang)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s,
                          "set terminal svg size %d,%d dynamic noenhanced "
                          "font 'DejaVu Sans,10' background '#ffffff'\n"
                          "set encoding utf8\nset output\nset title ",
                          width, height);
  g_autofree char *full = NULL;
  if (rows_of (rd) < rd->n_subs) {
    g_autofree char *note = g_strdup_printf (i18n (I18N_PLOT_SUMMARY, lang),
                                             rows_of (rd), rd->n_subs);
    full = g_strdup_printf ("%s — %s", title, note);
  }
  escape_gnuplot (s, full ? full : title);
  g_string_append_c (s, '\n');
  return s;
}

/* Data values are numbers only; every label goes through escape_gnuplot. */
static void
data_num (GString *s, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  if (!isfinite (v)) {
    g_string_append (s, "NaN");
    return;
  }
  g_string_append (s, g_ascii_formatd (buf, sizeof buf, "%.6g", v));
}

static const cJSON *
row_sub (const RunData *rd, guint i)
{
  return cJSON_GetArrayItem (rd->subs, (int) i);
}

/* One row per submission, best at the top, labelled "1–3  hanoi". */
static void
row_tics (GString *s, const RunData *rd)
{
  guint n = rows_of (rd);
  g_string_append (s, "set ytics nomirror (");
  for (guint i = 0; i < n; i++) {
    g_autofree char *rank = ties_rank_label (rd->results, i);
    g_autofree char *label = g_strdup_printf (
        "%s  %s", rank, rjson_str (row_sub (rd, i), "id", "?"));
    g_string_append (s, i ? ", " : "");
    escape_gnuplot (s, label);
    g_string_append_printf (s, " %u", i);
  }
  g_string_append_printf (s, ")\nset yrange [%g:-0.5]\n", n - 0.5);
}

static int
rows_height (const RunData *rd)
{
  return 130 + 18 * (int) rows_of (rd);
}

/* ---- forest plot -------------------------------------------------------- */

/* A band behind each tie group of two or more, so shared ranks show. */
static void
tie_bands (GString *s, const RunData *rd)
{
  guint n = rows_of (rd);
  for (guint i = 0; i < n;) {
    guint j = i;
    double g, x;
    if (rjson_num (row_sub (rd, i), "tie_group", &g))
      while (j + 1 < n && rjson_num (row_sub (rd, j + 1), "tie_group", &x)
             && x == g)
        j++;
    if (j > i)
      g_string_append_printf (s, "set object rect from graph 0, first %g to "
                                 "graph 1, first %g fc rgb '#f3e6c8' "
                                 "fs solid 0.6 noborder behind\n",
                              i - 0.45, j + 0.45);
    i = j + 1;
  }
}

char *
plot_script_forest (const RunData *rd, ReportLang lang)
{
  if (rd->n_subs == 0)
    return NULL;
  g_autofree char *title = g_strdup_printf ("%s", i18n (I18N_FOREST, lang));
  g_autoptr (GString) s = script_start (rd, 900, rows_height (rd), title,
                                        lang);
  row_tics (s, rd);
  tie_bands (s, rd);
  g_autofree char *xlabel = g_strdup_printf ("%s (%%)",
                                             i18n (I18N_COMPOSITE, lang));
  g_string_append (s, "set xlabel ");
  escape_gnuplot (s, xlabel);
  /* A little room on both sides: an interval ending on the axis's last
   * tick would touch the frame. */
  g_string_append (s, "\nset grid xtics\nset key off\n"
                      "set offsets graph 0.03, graph 0.03, 0, 0\n$d << EOD\n");
  for (guint i = 0; i < rows_of (rd); i++) {
    const cJSON *sub = row_sub (rd, i);
    double c = rjson_num_or (sub, "composite", NAN), lo = c, hi = c;
    (void) rjson_ci (sub, "composite_ci", &lo, &hi);
    g_string_append_printf (s, "%u ", i);
    data_num (s, 100 * c);
    g_string_append_c (s, ' ');
    data_num (s, 100 * lo);
    g_string_append_c (s, ' ');
    data_num (s, 100 * hi);
    g_string_append_c (s, '\n');
  }
  g_string_append (s, "EOD\nplot $d using 2:1:3:4 with xerrorbars "
                      "lc rgb '#1f4e9c' pt 7 ps 0.7 lw 1.5\n");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- heatmaps ----------------------------------------------------------- */

typedef double (*CellFunc) (const cJSON *sub, guint col, gconstpointer data);

/* Rows × columns of percentages, red (0) through yellow to green (100),
 * each cell's value printed in it; NaN cells stay blank. */
static char *
heatmap (const RunData *rd, const char *title, const char *const *cols,
         guint ncols, CellFunc cell, gconstpointer data, ReportLang lang)
{
  int width = MAX (640, 260 + 62 * (int) ncols);
  g_autoptr (GString) s = script_start (rd, width, rows_height (rd) + 60,
                                        title, lang);
  row_tics (s, rd);
  g_string_append (s, "set xtics rotate by -35 nomirror (");
  for (guint k = 0; k < ncols; k++) {
    g_string_append (s, k ? ", " : "");
    escape_gnuplot (s, cols[k]);
    g_string_append_printf (s, " %u", k);
  }
  g_string_append_printf (s, ")\nset xrange [-0.5:%g]\nset cbrange [0:100]\n"
                             "set palette defined (0 '#d73027', 50 "
                             "'#fee08b', 100 '#1a9850')\nunset key\n"
                             "set cblabel '%%'\n$m << EOD\n",
                          ncols - 0.5);
  for (guint i = 0; i < rows_of (rd); i++)
    for (guint k = 0; k < ncols; k++) {
      data_num (s, 100 * cell (row_sub (rd, i), k, data));
      g_string_append_c (s, k + 1 < ncols ? ' ' : '\n');
    }
  g_string_append (s, "EOD\nplot $m matrix with image pixels, "
                      "$m matrix using 1:2:($3 == $3 ? sprintf('%.0f', $3) "
                      ": '') with labels font ',8'\n");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static double
num_at (const cJSON *obj, const char *key)
{
  return rjson_num_or (obj, key, NAN);
}

/* Near-miss kinds in the order results.json's contest lists them, then any
 * other kind a submission was measured on. */
static GPtrArray *
kinds_of (const RunData *rd)
{
  GPtrArray *kinds = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *k, *sub;
  cJSON_ArrayForEach (k, rjson_path (rd->results->contest, "nearmiss_kinds"))
    if (cJSON_IsString (k) && g_hash_table_add (seen, k->valuestring))
      g_ptr_array_add (kinds, k->valuestring);
  cJSON_ArrayForEach (sub, rd->subs)
    cJSON_ArrayForEach (k, rjson_path (sub, "by_kind"))
      if (k->string && g_hash_table_add (seen, k->string))
        g_ptr_array_add (kinds, k->string);
  return kinds;
}

static double
nearmiss_cell (const cJSON *sub, guint col, gconstpointer data)
{
  const GPtrArray *kinds = data;
  if (col == 0)
    return num_at (sub, "accuracy");
  const cJSON *bk = rjson_path (sub, "by_kind");
  return num_at (cJSON_GetObjectItemCaseSensitive (
                     bk, g_ptr_array_index (kinds, col - 1)),
                 "accuracy");
}

char *
plot_script_nearmiss (const RunData *rd, ReportLang lang)
{
  g_autoptr (GPtrArray) kinds = kinds_of (rd);
  gboolean any = FALSE;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
    any = any || cJSON_GetArraySize (rjson_path (sub, "by_kind")) > 0;
  if (rd->n_subs == 0 || kinds->len == 0 || !any)
    return NULL;
  g_autofree const char **cols = g_new0 (const char *, kinds->len + 1);
  cols[0] = i18n (I18N_CLEAN, lang);
  for (guint k = 0; k < kinds->len; k++)
    cols[k + 1] = labels_nearmiss (kinds->pdata[k], lang);
  return heatmap (rd, i18n (I18N_NEARMISS_HEAT, lang), cols, kinds->len + 1,
                  nearmiss_cell, kinds, lang);
}

/* Categories in first-seen order over all submissions. */
static GPtrArray *
categories_of (const RunData *rd)
{
  GPtrArray *cats = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *sub, *c;
  cJSON_ArrayForEach (sub, rd->subs)
    cJSON_ArrayForEach (c, rjson_path (sub, "by_category"))
      if (c->string && g_hash_table_add (seen, c->string))
        g_ptr_array_add (cats, c->string);
  return cats;
}

static double
category_cell (const cJSON *sub, guint col, gconstpointer data)
{
  const GPtrArray *cats = data;
  return num_at (cJSON_GetObjectItemCaseSensitive (
                     rjson_path (sub, "by_category"),
                     g_ptr_array_index (cats, col)),
                 "accuracy");
}

char *
plot_script_categories (const RunData *rd, ReportLang lang)
{
  g_autoptr (GPtrArray) cats = categories_of (rd);
  if (rd->n_subs == 0 || cats->len == 0)
    return NULL;
  g_autofree const char **cols = g_new0 (const char *, cats->len + 1);
  for (guint k = 0; k < cats->len; k++) {
    const char *name = rundata_category_name (rd, cats->pdata[k]);
    cols[k] = name ? name : cats->pdata[k];
  }
  g_autofree char *title = g_strdup_printf ("%s (%%)",
                                            i18n (I18N_BY_CATEGORY, lang));
  return heatmap (rd, title, cols, cats->len, category_cell, cats, lang);
}

/* ---- latency percentile bars -------------------------------------------- */

char *
plot_script_latency (const RunData *rd, ReportLang lang)
{
  double top = 0, sla = NAN;
  gboolean any = FALSE;
  for (guint i = 0; i < rows_of (rd); i++) {
    double v;
    if (rjson_num (row_sub (rd, i), "p99_ms", &v)) {
      top = MAX (top, v);
      any = TRUE;
    }
  }
  if (!any)
    return NULL;
  if (rjson_num (rd->results->contest, "sla_ms", &sla))
    top = MAX (top, sla);
  g_autoptr (GString) s = script_start (rd, 900, rows_height (rd) + 30,
                                        i18n (I18N_LATENCY_BARS, lang), lang);
  row_tics (s, rd);
  g_string_append (s, "set xlabel ");
  escape_gnuplot (s, i18n (I18N_MS, lang));
  g_string_append_printf (s, "\nset xrange [0:%g]\nset grid xtics\n"
                             "set key outside top center horizontal\n"
                             "set style fill solid 1.0 noborder\n",
                          top * 1.05);
  if (isfinite (sla)) {
    g_autofree char *label = g_strdup_printf ("SLA %g ms", sla);
    g_string_append_printf (s, "set arrow from %g, graph 0 to %g, graph 1 "
                               "nohead dt 2 lw 1.5 lc rgb '#aa0000' front\n"
                               "set label ",
                            sla, sla);
    escape_gnuplot (s, label);
    g_string_append_printf (s, " at %g, graph 1 offset 0.5,-0.8 tc rgb "
                               "'#aa0000' front\n",
                            sla);
  }
  g_string_append (s, "$d << EOD\n");
  for (guint i = 0; i < rows_of (rd); i++) {
    const cJSON *sub = row_sub (rd, i);
    g_string_append_printf (s, "%u ", i);
    data_num (s, num_at (sub, "p50_ms"));
    g_string_append_c (s, ' ');
    data_num (s, num_at (sub, "p95_ms"));
    g_string_append_c (s, ' ');
    data_num (s, num_at (sub, "p99_ms"));
    g_string_append_c (s, '\n');
  }
  /* Longest first, so the shorter bars stay visible on top. */
  g_string_append (s, "EOD\nplot $d using ($4/2):1:($4/2):(0.38) with "
                      "boxxyerror fc rgb '#c6dbef' title 'p99', "
                      "$d using ($3/2):1:($3/2):(0.38) with boxxyerror "
                      "fc rgb '#6baed6' title 'p95', "
                      "$d using ($2/2):1:($2/2):(0.38) with boxxyerror "
                      "fc rgb '#08519c' title 'p50'\n");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* ---- capacity ----------------------------------------------------------- */

char *
plot_script_capacity (const RunData *rd, ReportLang lang)
{
  const cJSON *load = rd->results->load;
  const cJSON *steps = rjson_path (load, "steps");
  if (cJSON_GetArraySize (steps) == 0)
    return NULL;
  GString *s = g_string_new (NULL);
  g_string_append (s, "set terminal svg size 900,420 dynamic noenhanced "
                      "font 'DejaVu Sans,10' background '#ffffff'\n"
                      "set encoding utf8\nset output\nset title ");
  escape_gnuplot (s, i18n (I18N_CAPACITY, lang));
  g_string_append (s, "\nset grid ytics\nset xlabel ");
  escape_gnuplot (s, i18n (I18N_CONCURRENCY, lang));
  g_string_append (s, "\nset ylabel ");
  escape_gnuplot (s, i18n (I18N_P95, lang));
  g_string_append (s, "\nset y2label ");
  escape_gnuplot (s, i18n (I18N_RPS, lang));
  g_string_append (s, "\nset y2tics\nset ytics nomirror\nset logscale x 2\n"
                      "set key left top\n$d << EOD\n");
  const cJSON *st;
  cJSON_ArrayForEach (st, steps)
  {
    data_num (s, rjson_num_or (st, "concurrency", 0));
    g_string_append_c (s, ' ');
    data_num (s, rjson_num_or (st, "p95_ms", NAN));
    g_string_append_c (s, ' ');
    data_num (s, rjson_num_or (st, "rps", NAN));
    g_string_append_c (s, '\n');
  }
  g_string_append (s, "EOD\n");
  double sla;
  if (rjson_num (load, "sla_p95_ms", &sla)) {
    g_string_append (s, "set arrow from graph 0, first ");
    data_num (s, sla);
    g_string_append (s, " to graph 1, first ");
    data_num (s, sla);
    g_string_append (s, " nohead dt 2 lc rgb '#aa0000'\n");
  }
  g_string_append (s, "plot $d using 1:2 with linespoints lw 2 title ");
  escape_gnuplot (s, i18n (I18N_P95, lang));
  g_string_append (s, ", $d using 1:3 axes x1y2 with linespoints lw 2 "
                      "title ");
  escape_gnuplot (s, i18n (I18N_RPS, lang));
  g_string_append_c (s, '\n');
  return g_string_free (s, FALSE);
}
