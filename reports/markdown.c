#include "reports/appeals.h"
#include "reports/markdown.h"

#include <string.h>

#include "reports/conditions.h"
#include "reports/escape.h"
#include "reports/explain.h"
#include "reports/gate.h"
#include "reports/integrity.h"
#include "reports/i18n.h"
#include "reports/labels.h"
#include "reports/rjson.h"
#include "reports/runstate.h"
#include "reports/ties.h"

static void
leader_row (GString *o, const Results *r, guint i, const cJSON *sub,
            ReportLang lang)
{
  g_autofree char *rank = ties_rank_label (r, i);
  g_string_append_printf (o, "| %s | ", rank);
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
  int group;
  if (ties_in_group (r, i, &group))
    g_string_append_printf (o, "%s %d",
                            lang == REPORT_LANG_EN ? "group" : "nhóm", group);
  g_string_append (o, " |\n");
}

char *
markdown_leaderboard (const Results *results, ReportLang lang)
{
  g_autoptr (GString) o = g_string_new (NULL);
  g_string_append_printf (
      o, "| %s | %s | %s (%s) | %s | %s | %s | p50 / p95 ms | %s | %s |\n",
      i18n (I18N_RANK, lang), i18n (I18N_SUBMISSION, lang),
      i18n (I18N_COMPOSITE, lang), i18n (I18N_CI95, lang),
      i18n (I18N_ACCURACY, lang), i18n (I18N_NEARMISS, lang),
      i18n (I18N_ROBUSTNESS, lang), i18n (I18N_ERRORS, lang),
      i18n (I18N_TIE, lang));
  g_string_append (o, "|---:|---|---|---:|---:|---:|---:|---:|---|\n");
  guint i = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, results->submissions)
    leader_row (o, results, i++, sub, lang);
  return g_string_free (g_steal_pointer (&o), FALSE);
}

/* Union of the near-miss kinds any submission was asked, in the
 * contest's order, then any other. */
static GPtrArray *
kinds_of (const Results *results)
{
  GPtrArray *kinds = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const cJSON *sub, *k;
  cJSON_ArrayForEach (k, rjson_path (results->contest, "nearmiss_kinds"))
    if (cJSON_IsString (k))
      (void) g_hash_table_add (seen, k->valuestring);
  /* Only kinds a submission has figures for become columns. */
  g_autoptr (GHashTable) measured = g_hash_table_new (g_str_hash,
                                                      g_str_equal);
  cJSON_ArrayForEach (sub, results->submissions)
    cJSON_ArrayForEach (k, rjson_path (sub, "by_kind"))
      if (k->string)
        (void) g_hash_table_add (measured, k->string);
  cJSON_ArrayForEach (k, rjson_path (results->contest, "nearmiss_kinds"))
    if (cJSON_IsString (k) && g_hash_table_contains (measured, k->valuestring))
      g_ptr_array_add (kinds, k->valuestring);
  cJSON_ArrayForEach (sub, results->submissions)
    cJSON_ArrayForEach (k, rjson_path (sub, "by_kind"))
      if (k->string && g_hash_table_add (seen, k->string))
        g_ptr_array_add (kinds, k->string);
  return kinds;
}

char *
markdown_nearmiss (const Results *results, ReportLang lang)
{
  g_autoptr (GPtrArray) kinds = kinds_of (results);
  if (kinds->len == 0)
    return g_strdup ("");
  g_autoptr (GString) o = g_string_new (NULL);
  g_string_append_printf (o, "%s — %s (%s)\n\n| %s | %s |",
                          i18n (I18N_BY_KIND, lang),
                          i18n (I18N_ACCURACY, lang), i18n (I18N_DROP, lang),
                          i18n (I18N_SUBMISSION, lang),
                          i18n (I18N_CLEAN, lang));
  for (guint i = 0; i < kinds->len; i++) {
    g_string_append_c (o, ' ');
    escape_md (o, labels_nearmiss (g_ptr_array_index (kinds, i), lang));
    g_string_append (o, " |");
  }
  g_string_append (o, "\n|---|---:|");
  for (guint i = 0; i < kinds->len; i++)
    g_string_append (o, "---:|");
  const cJSON *sub;
  cJSON_ArrayForEach (sub, results->submissions)
  {
    g_string_append (o, "\n| ");
    escape_md (o, rjson_str (sub, "id", "?"));
    g_string_append (o, " | ");
    rjson_pct (o, sub, "accuracy", lang);
    g_string_append (o, " |");
    const cJSON *by = cJSON_GetObjectItemCaseSensitive (sub, "by_kind");
    for (guint i = 0; i < kinds->len; i++) {
      const cJSON *k = cJSON_GetObjectItemCaseSensitive (
          by, g_ptr_array_index (kinds, i));
      g_string_append_c (o, ' ');
      if (k == NULL)
        g_string_append (o, "–");
      else {
        rjson_pct (o, k, "accuracy", lang);
        double drop;
        if (rjson_num (k, "drop", &drop)) {
          g_string_append (o, drop > 0 ? " (−" : " (+");
          rjson_fmt (o, 100 * ABS (drop), 1, lang);
          g_string_append (o, ")");
        }
      }
      g_string_append (o, " |");
    }
  }
  g_string_append_c (o, '\n');
  return g_string_free (g_steal_pointer (&o), FALSE);
}

static void
md_gate (GString *o, const GPtrArray *checks, ReportLang lang)
{
  g_string_append_printf (o, "## %s\n\n", i18n (I18N_GATE, lang));
  if (checks == NULL || checks->len == 0) {
    g_string_append_printf (o, "%s\n", i18n (I18N_GATE_NONE, lang));
    return;
  }
  guint failed = 0;
  for (guint i = 0; i < checks->len; i++)
    failed += !((const GateCheck *) checks->pdata[i])->ok;
  if (failed == 0)
    g_string_append_printf (o, "**%s**\n\n", i18n (I18N_GATE_PASSED, lang));
  else {
    g_string_append (o, "**");
    g_string_append_printf (o, i18n (I18N_GATE_FAILED, lang), failed,
                            checks->len);
    g_string_append (o, "**\n\n");
  }
  g_string_append_printf (o, "| %s | %s | %s | %s |\n|---|---|---:|---|\n",
                          i18n (I18N_SUBMISSION, lang),
                          i18n (I18N_THRESHOLD, lang),
                          i18n (I18N_VALUE, lang), i18n (I18N_RESULT, lang));
  /* Failures first: they are what the reader came for. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < checks->len; i++) {
      const GateCheck *c = checks->pdata[i];
      if (c->ok != (pass == 1))
        continue;
      g_string_append (o, "| ");
      escape_md (o, c->submission);
      g_string_append (o, " | ");
      escape_md (o, c->name);
      g_string_append (o, " | ");
      if (!c->has_value)
        g_string_append (o, i18n (I18N_NO_VALUE, lang));
      else if (c->percent) {
        rjson_fmt (o, 100 * c->value, 1, lang);
        g_string_append_c (o, '%');
      } else
        rjson_fmt (o, c->value, rjson_is_int (c->value) ? 0 : 3, lang);
      g_string_append_printf (o, " | %s |\n",
                              c->ok ? i18n (I18N_OK, lang)
                                    : i18n (I18N_FAIL, lang));
    }
}

static void
md_ties (GString *o, const Results *results, ReportLang lang)
{
  guint n = (guint) cJSON_GetArraySize (results->submissions);
  gboolean any = FALSE;
  for (guint i = 0; i + 1 < n; i++) {
    g_autofree char *why = ties_decision (results, i, lang);
    if (why == NULL)
      continue;
    if (!any)
      g_string_append_printf (o, "\n%s\n\n", i18n (I18N_TIE_GROUP_NOTE, lang));
    any = TRUE;
    g_string_append (o, "- ");
    escape_md (o, rjson_str (cJSON_GetArrayItem (results->submissions,
                                                 (int) i),
                             "id", "?"));
    g_string_append (o, ": ");
    escape_md (o, why);
    g_string_append_c (o, '\n');
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
    gboolean first = TRUE;
    cJSON_ArrayForEach (e, by)
    {
      g_string_append (o, first ? " " : "; ");
      first = FALSE;
      escape_md (o, labels_failure_name (e->string, lang));
      g_string_append_printf (o, " %d", cJSON_IsNumber (e) ? e->valueint : 0);
    }
    g_string_append_c (o, '\n');
  }
  if (!any)
    g_string_append_printf (o, "%s.\n", i18n (I18N_NO_ERRORS, lang));
}

/* A cell cut after MARKDOWN_CELL_MAX characters: report.md is read in a
 * CI comment; the HTML report and scores.jsonl hold the whole text. */
static void
md_cell (GString *o, const char *text)
{
  if (text == NULL)
    return;
  if ((gsize) g_utf8_strlen (text, -1) <= MARKDOWN_CELL_MAX) {
    escape_md (o, text);
    return;
  }
  const char *end = g_utf8_offset_to_pointer (text, MARKDOWN_CELL_MAX);
  g_autofree char *cut = g_strndup (text, (gsize) (end - text));
  escape_md (o, cut);
  g_string_append (o, "…");
}

static void
md_worst (GString *o, const RunData *rd, ReportLang lang)
{
  g_string_append_printf (o, "\n## %s\n", i18n (I18N_WORST, lang));
  guint i = 0;
  const cJSON *sub;
  cJSON_ArrayForEach (sub, rd->subs)
  {
    GPtrArray *worst = rd->worst->pdata[i++];
    if (worst->len == 0)
      continue;
    g_string_append (o, "\n### ");
    escape_md (o, rjson_str (sub, "id", "?"));
    g_string_append_printf (o, "\n\n| %s | %s | %s | %s | %s |\n"
                               "|---|---:|---|---|---|\n",
                            i18n (I18N_ITEM, lang), i18n (I18N_SCORE, lang),
                            i18n (I18N_QUESTION, lang),
                            i18n (I18N_ANSWER, lang),
                            i18n (I18N_EXPLANATION, lang));
    for (guint k = 0; k < MIN (worst->len, MARKDOWN_WORST_MAX); k++) {
      const ScoreRecord *rec = worst->pdata[k];
      g_autofree char *variant = labels_variant (rec->variant,
                                                 rec->variant_kind, lang);
      g_autofree char *q = explain_question (rec);
      g_autofree char *a = explain_answer (rec);
      g_autofree char *why = explain_record (rec, lang);
      g_string_append (o, "| ");
      escape_md (o, rec->item);
      g_string_append (o, " (");
      escape_md (o, variant);
      g_string_append (o, ") | ");
      rjson_fmt (o, rec->score, 2, lang);
      g_string_append (o, " | ");
      md_cell (o, q);
      g_string_append (o, " | ");
      md_cell (o, a);
      g_string_append (o, " | ");
      g_autoptr (GString) lines = g_string_new (why);
      g_string_replace (lines, "\n", "; ", 0);
      md_cell (o, lines->str);
      g_string_append (o, " |\n");
    }
  }
}

static void
md_methodology (GString *o, const Results *results, ReportLang lang)
{
  const cJSON *contest = results->contest;
  const cJSON *w = cJSON_GetObjectItemCaseSensitive (contest, "weights");
  g_string_append_printf (o, "- %s: ", i18n (I18N_WEIGHTS, lang));
  const cJSON *x;
  gboolean first = TRUE;
  cJSON_ArrayForEach (x, w)
  {
    g_string_append (o, first ? "" : "; ");
    first = FALSE;
    escape_md (o, labels_weight (x->string, lang));
    g_string_append_c (o, ' ');
    rjson_fmt (o, cJSON_IsNumber (x) ? x->valuedouble : 0, 2, lang);
  }
  g_string_append_printf (o, "\n- %s: ", i18n (I18N_SLA, lang));
  rjson_fmt_key (o, contest, "sla_ms", 0, lang);
  g_string_append_printf (o, " ms\n- %s: ", i18n (I18N_SEED, lang));
  rjson_fmt_key (o, contest, "seed", 0, lang);
  g_string_append_printf (o, "\n- %s: ", i18n (I18N_RESAMPLES, lang));
  rjson_fmt_key (o, contest, "resamples", 0, lang);
  g_string_append_printf (o, "\n- %s: ", i18n (I18N_VERSION, lang));
  escape_md (o, results->vabench_version ? results->vabench_version : "?");
  g_string_append_c (o, '\n');
  g_autofree char *digest = runstate_digest (results, lang);
  if (digest) {
    g_string_append_printf (o, "- %s: ", runstate_digest_label (lang));
    escape_md (o, digest);
    g_string_append_c (o, '\n');
  }
  cJSON_ArrayForEach (x, cJSON_GetObjectItemCaseSensitive (contest,
                                                          "testsets"))
  {
    gboolean hidden = g_strcmp0 (rjson_str (x, "visibility", ""), "hidden")
                      == 0;
    g_string_append_printf (o, "- %s: ", i18n (I18N_QSETS, lang));
    escape_md (o, rjson_str (x, "name", "?"));
    g_string_append_printf (o, " (%s) SHA-256 `",
                            i18n (hidden ? I18N_HIDDEN : I18N_PUBLIC, lang));
    escape_md (o, rjson_str (x, "sha256", "?"));
    g_string_append (o, "`\n");
  }
  g_string_append_printf (o, "\n%s\n\n%s\n", i18n (I18N_COMPOSITE_RULE, lang),
                          i18n (I18N_TIE_RULE, lang));
}

char *
markdown_report (const RunData *rd, const GPtrArray *checks, ReportLang lang)
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
  g_autofree char *banner = runstate_banner (r, lang);
  if (banner) { /* an incomplete run says so before anything else */
    g_string_append (o, "\n\n> **⚠ ");
    escape_md (o, banner);
    g_string_append (o, "**");
  }
  g_string_append (o, "\n\n");
  md_gate (o, checks, lang);
  g_string_append_printf (o, "\n## %s\n\n", i18n (I18N_LEADERBOARD, lang));
  g_autofree char *table = markdown_leaderboard (rd->results, lang);
  g_string_append (o, table);
  md_ties (o, rd->results, lang);
  appeals_markdown (o, rd->results, lang);
  g_autofree char *nearmiss = markdown_nearmiss (rd->results, lang);
  if (*nearmiss)
    g_string_append_printf (o, "\n## %s", nearmiss);
  if (g_hash_table_size (rd->hidden_sets) > 0)
    g_string_append_printf (o, "\n> %s\n", i18n (I18N_HIDDEN_NOTE, lang));
  g_string_append_printf (o, "\n## %s\n\n", i18n (I18N_ERRORS_BY_CLASS,
                                                  lang));
  md_errors (o, rd->subs, lang);
  integrity_markdown (o, rd->results, lang);
  md_worst (o, rd, lang);
  conditions_markdown (o, rd->results, lang);
  g_string_append_printf (o, "\n## %s\n\n", i18n (I18N_METHODOLOGY, lang));
  md_methodology (o, rd->results, lang);
  return g_string_free (g_steal_pointer (&o), FALSE);
}
