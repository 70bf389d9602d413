#include "reports/markdown.h"

#include "reports/conditions.h"
#include "reports/escape.h"
#include "reports/i18n.h"
#include "reports/rjson.h"

/* Tie groups with more than one member get a mark ("≈2"): the reader sees
 * at a glance which ranks the intervals cannot separate. */
static GHashTable *
tie_sizes (const cJSON *subs)
{
  GHashTable *sizes = g_hash_table_new (g_direct_hash, g_direct_equal);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
  {
    double g;
    if (!rjson_num (sub, "tie_group", &g))
      continue;
    gpointer key = GINT_TO_POINTER ((int) g);
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (sizes, key));
    g_hash_table_insert (sizes, key, GUINT_TO_POINTER (n + 1));
  }
  return sizes;
}

static void
leader_row (GString *o, const cJSON *sub, GHashTable *ties, ReportLang lang)
{
  g_string_append (o, "| ");
  rjson_fmt_key (o, sub, "rank", 0, lang);
  g_string_append (o, " | ");
  escape_md (o, rjson_str (sub, "id", "?"));
  g_string_append (o, " | ");
  rjson_pct (o, sub, "composite", lang);
  g_string_append_c (o, ' ');
  rjson_ci_pct (o, sub, "composite_ci", lang);
  g_string_append (o, " | ");
  rjson_pct (o, sub, "accuracy", lang);
  g_string_append (o, " | ");
  rjson_pct (o, sub, "nearmiss_accuracy", lang);
  g_string_append (o, " | ");
  rjson_pct (o, sub, "robustness", lang);
  g_string_append (o, " | ");
  rjson_fmt_key (o, sub, "p50_ms", 0, lang);
  g_string_append (o, " / ");
  rjson_fmt_key (o, sub, "p95_ms", 0, lang);
  g_string_append (o, " | ");
  rjson_fmt_key (o, sub, "errors", 0, lang);
  g_string_append (o, " | ");
  double g;
  if (rjson_num (sub, "tie_group", &g)
      && GPOINTER_TO_UINT (g_hash_table_lookup (ties,
                                                GINT_TO_POINTER ((int) g)))
             > 1)
    g_string_append_printf (o, "≈%d", (int) g);
  g_string_append (o, " |\n");
}

char *
markdown_leaderboard (const Results *results, ReportLang lang)
{
  const cJSON *subs = results->submissions;
  g_autoptr (GHashTable) ties = tie_sizes (subs);
  g_autoptr (GString) o = g_string_new (NULL);
  g_string_append_printf (
      o, "| %s | %s | %s (%s) | %s | %s | %s | p50 / p95 ms | %s | %s |\n",
      i18n (I18N_RANK, lang), i18n (I18N_SUBMISSION, lang),
      i18n (I18N_COMPOSITE, lang), i18n (I18N_CI95, lang),
      i18n (I18N_ACCURACY, lang), i18n (I18N_NEARMISS, lang),
      i18n (I18N_ROBUSTNESS, lang), i18n (I18N_ERRORS, lang),
      i18n (I18N_TIE, lang));
  g_string_append (o, "|---:|---|---|---:|---:|---:|---:|---:|---|\n");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
    leader_row (o, sub, ties, lang);
  return g_string_free (g_steal_pointer (&o), FALSE);
}

static gint
cmp_str_ptr (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* Union of the near-miss kinds any submission was asked, sorted. */
static GPtrArray *
kinds_of (const cJSON *subs)
{
  GPtrArray *kinds = g_ptr_array_new ();
  const cJSON *sub, *k;
  cJSON_ArrayForEach (sub, subs)
  {
    cJSON_ArrayForEach (k, cJSON_GetObjectItemCaseSensitive (sub, "by_kind"))
    {
      gboolean seen = FALSE;
      for (guint i = 0; i < kinds->len && !seen; i++)
        seen = g_strcmp0 (g_ptr_array_index (kinds, i), k->string) == 0;
      if (!seen)
        g_ptr_array_add (kinds, k->string);
    }
  }
  g_ptr_array_sort (kinds, cmp_str_ptr);
  return kinds;
}

char *
markdown_nearmiss (const Results *results, ReportLang lang)
{
  const cJSON *subs = results->submissions;
  g_autoptr (GPtrArray) kinds = kinds_of (subs);
  if (kinds->len == 0)
    return g_strdup ("");
  g_autoptr (GString) o = g_string_new (NULL);
  g_string_append_printf (o, "%s — %s / %s\n\n| %s |",
                          i18n (I18N_BY_KIND, lang), i18n (I18N_DROP, lang),
                          i18n (I18N_ROBUSTNESS, lang),
                          i18n (I18N_SUBMISSION, lang));
  for (guint i = 0; i < kinds->len; i++) {
    g_string_append_c (o, ' ');
    escape_md (o, g_ptr_array_index (kinds, i));
    g_string_append (o, " |");
  }
  g_string_append (o, "\n|---|");
  for (guint i = 0; i < kinds->len; i++)
    g_string_append (o, "---:|");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, subs)
  {
    g_string_append (o, "\n| ");
    escape_md (o, rjson_str (sub, "id", "?"));
    g_string_append (o, " |");
    const cJSON *by = cJSON_GetObjectItemCaseSensitive (sub, "by_kind");
    for (guint i = 0; i < kinds->len; i++) {
      const cJSON *k = cJSON_GetObjectItemCaseSensitive (
          by, g_ptr_array_index (kinds, i));
      g_string_append_c (o, ' ');
      if (k == NULL)
        g_string_append (o, "–");
      else {
        rjson_pct (o, k, "drop", lang);
        g_string_append (o, " / ");
        rjson_pct (o, k, "robustness", lang);
      }
      g_string_append (o, " |");
    }
  }
  g_string_append_c (o, '\n');
  return g_string_free (g_steal_pointer (&o), FALSE);
}

static void
md_ties (GString *o, const Results *results, ReportLang lang)
{
  const cJSON *group;
  cJSON_ArrayForEach (group, results->ties)
  {
    g_string_append (o, "- ");
    const cJSON *id;
    gboolean first = TRUE;
    cJSON_ArrayForEach (id, group)
    {
      g_string_append (o, first ? "" : ", ");
      escape_md (o, cJSON_IsString (id) ? id->valuestring : "?");
      first = FALSE;
    }
    g_string_append_printf (o, ": %s\n", i18n (I18N_TIED_NOTE, lang));
  }
}

static void
md_errors (GString *o, const cJSON *subs, ReportLang lang)
{
  gboolean any = FALSE;
  const cJSON *sub, *e;
  cJSON_ArrayForEach (sub, subs)
  {
    const cJSON *by = cJSON_GetObjectItemCaseSensitive (sub,
                                                        "errors_by_class");
    if (cJSON_GetArraySize (by) == 0)
      continue;
    any = TRUE;
    g_string_append (o, "- ");
    escape_md (o, rjson_str (sub, "id", "?"));
    g_string_append (o, ":");
    cJSON_ArrayForEach (e, by)
    {
      g_string_append_c (o, ' ');
      escape_md (o, e->string);
      g_string_append_printf (o, "=%d", cJSON_IsNumber (e) ? e->valueint : 0);
    }
    g_string_append_c (o, '\n');
  }
  if (!any)
    g_string_append_printf (o, "%s.\n", i18n (I18N_NO_ERRORS, lang));
}

static void
md_methodology (GString *o, const Results *results, ReportLang lang)
{
  const cJSON *contest = results->contest;
  const cJSON *w = cJSON_GetObjectItemCaseSensitive (contest, "weights");
  g_string_append_printf (o, "- %s: ", i18n (I18N_WEIGHTS, lang));
  const cJSON *x;
  cJSON_ArrayForEach (x, w)
  {
    escape_md (o, x->string);
    g_string_append_c (o, '=');
    rjson_fmt (o, cJSON_IsNumber (x) ? x->valuedouble : 0, 2, lang);
    g_string_append_c (o, ' ');
  }
  g_string_append_printf (o, "\n- %s: ", i18n (I18N_SLA, lang));
  rjson_fmt_key (o, contest, "sla_ms", 0, lang);
  g_string_append_printf (o, " ms\n- %s: ", i18n (I18N_SEED, lang));
  rjson_fmt_key (o, contest, "seed", 0, lang);
  g_string_append_printf (o, "; %s: ", i18n (I18N_RESAMPLES, lang));
  rjson_fmt_key (o, contest, "resamples", 0, lang);
  g_string_append_printf (o, "\n- %s: ", i18n (I18N_VERSION, lang));
  escape_md (o, results->vabench_version ? results->vabench_version : "?");
  g_string_append_c (o, '\n');
  cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (contest,
                                                          "testsets"))
  {
    g_string_append_printf (o, "- %s: ", i18n (I18N_QSETS, lang));
    escape_md (o, rjson_str (x, "name", "?"));
    g_string_append (o, " (");
    escape_md (o, rjson_str (x, "visibility", "public"));
    g_string_append (o, ") sha256 `");
    escape_md (o, rjson_str (x, "sha256", "?"));
    g_string_append (o, "`\n");
  }
  g_string_append_printf (o, "\n%s\n", i18n (I18N_COMPOSITE_RULE, lang));
}

char *
markdown_report (const RunData *rd, ReportLang lang)
{
  g_autoptr (GString) o = g_string_new (NULL);
  const Results *r = rd->results;
  g_string_append_printf (o, "# %s — ", i18n (I18N_TITLE, lang));
  escape_md (o, rjson_str (r->contest, "name",
                           r->run_id ? r->run_id : "vabench"));
  g_string_append_printf (o, "\n\n%s: `", i18n (I18N_RUN, lang));
  escape_md (o, r->run_id ? r->run_id : "?");
  g_string_append (o, "` · ");
  escape_md (o, r->started_at ? r->started_at : "");
  g_string_append (o, " → ");
  escape_md (o, r->finished_at ? r->finished_at : "");
  g_string_append_printf (o, "\n\n## %s\n\n", i18n (I18N_LEADERBOARD, lang));
  g_autofree char *table = markdown_leaderboard (rd->results, lang);
  g_string_append (o, table);
  g_string_append_c (o, '\n');
  md_ties (o, rd->results, lang);
  g_autofree char *nearmiss = markdown_nearmiss (rd->results, lang);
  if (*nearmiss)
    g_string_append_printf (o, "\n## %s", nearmiss);
  if (g_hash_table_size (rd->hidden_sets) > 0)
    g_string_append_printf (o, "\n> %s\n", i18n (I18N_HIDDEN_NOTE, lang));
  g_string_append_printf (o, "\n## %s\n\n", i18n (I18N_ERRORS_BY_CLASS,
                                                  lang));
  md_errors (o, rd->subs, lang);
  conditions_markdown (o, rd->results, lang);
  g_string_append_printf (o, "\n## %s\n\n", i18n (I18N_METHODOLOGY, lang));
  md_methodology (o, rd->results, lang);
  return g_string_free (g_steal_pointer (&o), FALSE);
}
