#include "reports/plot.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "reports/escape.h"
#include "reports/i18n.h"
#include "reports/rjson.h"

G_DEFINE_QUARK (vabench-plot-error-quark, plot_error)

/* Series shown at most in plots with one line/bar per submission; the
 * HTML tables next to them list every submission. */
#define PLOT_MAX_SERIES 12

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

char *
plot_inline (const char *svg, const char *prefix)
{
  const char *start = strstr (svg, "<svg");
  g_autoptr (GString) out = g_string_new (start ? start : svg);
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

static GString *
script_start (int width, int height, const char *title)
{
  GString *s = g_string_new (NULL);
  g_string_append_printf (s,
                          "set terminal svg size %d,%d dynamic noenhanced "
                          "font 'DejaVu Sans,10' background '#ffffff'\n"
                          "set encoding utf8\nset output\nset title ",
                          width, height);
  escape_gnuplot (s, title);
  g_string_append (s, "\nset grid ytics\n");
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

static void
xtics_labels (GString *s, const char *axis, const cJSON *subs, guint max)
{
  g_string_append_printf (s, "set %s (", axis);
  guint i = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
  {
    if (i >= max)
      break;
    if (i)
      g_string_append (s, ", ");
    escape_gnuplot (s, rjson_str (sub, "id", "?"));
    g_string_append_printf (s, " %u", i);
    i++;
  }
  g_string_append (s, ")\n");
}

static const cJSON *
subs_of (const Results *results)
{
  const cJSON *subs = results->submissions;
  return cJSON_GetArraySize (subs) > 0 ? subs : NULL;
}

char *
plot_script_leaderboard (const Results *results, ReportLang lang)
{
  const cJSON *subs = subs_of (results);
  if (subs == NULL)
    return NULL;
  g_autoptr (GString) s = script_start (900, 420, i18n (I18N_LEADERBOARD,
                                                        lang));
  xtics_labels (s, "xtics rotate by -40", subs, G_MAXUINT);
  g_string_append (s, "set yrange [0:1]\nset boxwidth 0.6\n"
                      "set style fill solid 0.6\nset key off\n$d << EOD\n");
  guint i = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
  {
    double c = rjson_num_or (sub, "composite", 0), lo = c, hi = c;
    (void) rjson_ci (sub, "composite_ci", &lo, &hi);
    g_string_append_printf (s, "%u ", i++);
    data_num (s, c);
    g_string_append_c (s, ' ');
    data_num (s, lo);
    g_string_append_c (s, ' ');
    data_num (s, hi);
    g_string_append_c (s, '\n');
  }
  g_string_append (s, "EOD\nset ylabel ");
  escape_gnuplot (s, i18n (I18N_COMPOSITE, lang));
  g_string_append (s, "\nplot $d using 1:2 with boxes lc rgb '#4a7ab5', "
                      "$d using 1:2:3:4 with yerrorbars lc rgb '#222222' "
                      "pt 0\n");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
cdf_block (GString *s, guint i, const cJSON *cdf)
{
  g_string_append_printf (s, "$c%u << EOD\n", i);
  const cJSON *pt;
  cJSON_ArrayForEach (pt, cdf)
  {
    const cJSON *x = cJSON_GetArrayItem (pt, 0), *y = cJSON_GetArrayItem (pt, 1);
    if (!cJSON_IsNumber (x) || !cJSON_IsNumber (y))
      continue;
    data_num (s, x->valuedouble);
    g_string_append_c (s, ' ');
    data_num (s, y->valuedouble);
    g_string_append_c (s, '\n');
  }
  g_string_append (s, "EOD\n");
}

char *
plot_script_latency_cdf (const Results *results, ReportLang lang)
{
  const cJSON *subs = subs_of (results);
  if (subs == NULL)
    return NULL;
  g_autoptr (GString) s = script_start (900, 420, i18n (I18N_LATENCY_DIST,
                                                        lang));
  g_autoptr (GString) plot = g_string_new ("plot ");
  guint i = 0, n = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
  {
    const cJSON *cdf = cJSON_GetObjectItemCaseSensitive (sub, "latency_cdf");
    if (i++ >= PLOT_MAX_SERIES || cJSON_GetArraySize (cdf) == 0)
      continue;
    cdf_block (s, i, cdf);
    g_string_append_printf (plot, "%s$c%u using 1:2 with steps lw 2 title ",
                            n++ ? ", " : "", i);
    escape_gnuplot (plot, rjson_str (sub, "id", "?"));
  }
  if (n == 0)
    return NULL;
  double sla;
  if (rjson_num (results->contest, "sla_ms", &sla)) {
    g_string_append (s, "set arrow from ");
    data_num (s, sla);
    g_string_append (s, ", graph 0 to ");
    data_num (s, sla);
    g_string_append (s, ", graph 1 nohead dt 2 lc rgb '#aa0000'\n");
  }
  g_string_append (s, "set yrange [0:1]\nset xlabel 'ms'\n"
                      "set key right bottom\n");
  g_string_append_len (s, plot->str, plot->len);
  g_string_append_c (s, '\n');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Near-miss kinds in the order results.json's contest lists them, else the
 * order of the first submission's by_kind. */
static GPtrArray *
kinds_of (const Results *results)
{
  GPtrArray *kinds = g_ptr_array_new ();
  const cJSON *k;
  cJSON_ArrayForEach (k, rjson_path (results->contest, "nearmiss_kinds"))
    if (cJSON_IsString (k))
      g_ptr_array_add (kinds, k->valuestring);
  const cJSON *subs = subs_of (results);
  if (kinds->len == 0 && subs) {
    const cJSON *by = rjson_path (cJSON_GetArrayItem (subs, 0), "by_kind");
    cJSON_ArrayForEach (k, by)
      g_ptr_array_add (kinds, k->string);
  }
  return kinds;
}

/* Submissions with at least one near-miss kind measured: gnuplot rejects
 * a histogram column without a single valid point. */
static GPtrArray *
nearmiss_series (const cJSON *subs)
{
  GPtrArray *series = g_ptr_array_new ();
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
  {
    if (series->len >= PLOT_MAX_SERIES)
      break;
    const cJSON *kind;
    gboolean any = FALSE;
    cJSON_ArrayForEach (kind, rjson_path (sub, "by_kind"))
      any = any || cJSON_IsNumber (cJSON_GetObjectItemCaseSensitive (kind,
                                                                     "drop"));
    if (any)
      g_ptr_array_add (series, (gpointer) sub);
  }
  return series;
}

static void
nearmiss_row (GString *s, const GPtrArray *series, const char *kind)
{
  for (guint i = 0; i < series->len; i++) {
    const cJSON *bk = rjson_path (series->pdata[i], "by_kind");
    double drop;
    if (rjson_num (cJSON_GetObjectItemCaseSensitive (bk, kind), "drop", &drop))
      data_num (s, drop);
    else
      g_string_append (s, "NaN");
    g_string_append_c (s, ' ');
  }
  g_string_append_c (s, '\n');
}

char *
plot_script_nearmiss (const Results *results, ReportLang lang)
{
  const cJSON *subs = subs_of (results);
  g_autoptr (GPtrArray) kinds = kinds_of (results);
  g_autoptr (GPtrArray) series = nearmiss_series (subs);
  if (series->len == 0 || kinds->len == 0)
    return NULL;
  g_autoptr (GString) s = script_start (900, 420, i18n (I18N_BY_KIND, lang));
  g_string_append (s, "set style data histogram\n"
                      "set style histogram clustered gap 1\n"
                      "set style fill solid 0.7\nset key outside right\n"
                      "set yrange [*<0:0<*]\nset xtics (");
  for (guint k = 0; k < kinds->len; k++) {
    g_string_append (s, k ? ", " : "");
    escape_gnuplot (s, kinds->pdata[k]);
    g_string_append_printf (s, " %u", k);
  }
  g_string_append (s, ")\nset ylabel ");
  escape_gnuplot (s, i18n (I18N_DROP, lang));
  g_string_append (s, "\n$d << EOD\n");
  for (guint k = 0; k < kinds->len; k++)
    nearmiss_row (s, series, kinds->pdata[k]);
  g_string_append (s, "EOD\nplot ");
  for (guint i = 0; i < series->len; i++) {
    g_string_append_printf (s, "%s$d using %u title ", i ? ", " : "", i + 1);
    escape_gnuplot (s, rjson_str (series->pdata[i], "id", "?"));
  }
  g_string_append_c (s, '\n');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Categories in first-seen order over all submissions. */
static GPtrArray *
categories_of (const cJSON *subs)
{
  GPtrArray *cats = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *sub, *c;
  cJSON_ArrayForEach (sub, subs)
    cJSON_ArrayForEach (c, cJSON_GetObjectItemCaseSensitive (sub, "by_category"))
      if (c->string && g_hash_table_add (seen, c->string))
        g_ptr_array_add (cats, c->string);
  return cats;
}

char *
plot_script_heatmap (const Results *results, ReportLang lang)
{
  const cJSON *subs = subs_of (results);
  g_autoptr (GPtrArray) cats = categories_of (subs);
  if (subs == NULL || cats->len == 0)
    return NULL;
  guint n = (guint) cJSON_GetArraySize (subs);
  g_autoptr (GString) s = script_start (900, 160 + 22 * (int) n,
                                        i18n (I18N_BY_CATEGORY, lang));
  g_string_append (s, "set xtics rotate by -40 (");
  for (guint k = 0; k < cats->len; k++) {
    g_string_append (s, k ? ", " : "");
    escape_gnuplot (s, cats->pdata[k]);
    g_string_append_printf (s, " %u", k);
  }
  g_string_append (s, ")\n");
  xtics_labels (s, "ytics", subs, G_MAXUINT);
  g_string_append (s, "set yrange [] reverse\nset cbrange [0:1]\n"
                      "set palette defined (0 '#d73027', 0.5 '#fee08b', "
                      "1 '#1a9850')\nset grid noytics\nunset key\n"
                      "$m << EOD\n");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
  {
    const cJSON *bc = rjson_path (sub, "by_category");
    for (guint k = 0; k < cats->len; k++) {
      const cJSON *c = cJSON_GetObjectItemCaseSensitive (bc, cats->pdata[k]);
      double acc;
      if (rjson_num (c, "accuracy", &acc))
        data_num (s, acc);
      else
        g_string_append (s, "NaN");
      g_string_append_c (s, k + 1 < cats->len ? ' ' : '\n');
    }
  }
  g_string_append (s, "EOD\nplot $m matrix with image pixels, "
                      "$m matrix using 1:2:($3 == $3 ? sprintf('%.0f', $3*100) "
                      ": '') "
                      "with labels font ',8'\n");
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
plot_script_capacity (const Results *results, ReportLang lang)
{
  const cJSON *load = results->load;
  const cJSON *steps = rjson_path (load, "steps");
  if (cJSON_GetArraySize (steps) == 0)
    return NULL;
  g_autoptr (GString) s = script_start (900, 420, i18n (I18N_CAPACITY, lang));
  g_string_append (s, "set xlabel ");
  escape_gnuplot (s, i18n (I18N_CONCURRENCY, lang));
  g_string_append (s, "\nset ylabel 'p95 ms'\nset y2label ");
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
  g_string_append (s, "plot $d using 1:2 with linespoints lw 2 title 'p95 ms', "
                      "$d using 1:3 axes x1y2 with linespoints lw 2 title ");
  escape_gnuplot (s, i18n (I18N_RPS, lang));
  g_string_append_c (s, '\n');
  return g_string_free (g_steal_pointer (&s), FALSE);
}
