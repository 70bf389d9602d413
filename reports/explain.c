#include "reports/explain.h"

#include <string.h>

#include "reports/i18n.h"
#include "reports/rjson.h"

static char *
join_turns (const ScoreRecord *rec, gboolean answers)
{
  g_autoptr (GString) out = g_string_new (NULL);
  for (guint i = 0; i < rec->n_turns; i++) {
    const ScoreTurn *t = &rec->turns[i];
    const char *s = answers ? t->answer : t->question;
    if (s == NULL)
      continue;
    if (out->len)
      g_string_append_c (out, '\n');
    g_string_append (out, s);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
explain_question (const ScoreRecord *rec)
{
  return join_turns (rec, FALSE);
}

char *
explain_answer (const ScoreRecord *rec)
{
  return join_turns (rec, TRUE);
}

static void
explain_fact (GString *out, const cJSON *fact, ReportLang lang)
{
  const char *status = rjson_str (fact, "status", "?");
  if (strcmp (status, "matched") == 0 || strcmp (status, "other_value") == 0)
    return;
  if (out->len)
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "%s: %s", rjson_str (fact, "type", "?"),
                          i18n_status (status, lang));
  if (!rjson_bool (fact, "required", TRUE))
    g_string_append (out, lang == REPORT_LANG_VI ? " (không bắt buộc)"
                                                 : " (optional)");
  const char *span = rjson_str (fact, "span", NULL);
  if (span && *span)
    g_string_append_printf (out, " «%s»", span);
  const char *reason = rjson_str (fact, "reason", NULL);
  if (reason && *reason)
    g_string_append_printf (out, " — %s", reason);
}

static void
explain_forbid (GString *out, const cJSON *hit, ReportLang lang)
{
  if (out->len)
    g_string_append_c (out, '\n');
  g_string_append (out, i18n (I18N_FORBIDDEN, lang));
  const char *span = rjson_str (hit, "span", NULL);
  if (span && *span)
    g_string_append_printf (out, " «%s»", span);
  const char *reason = rjson_str (hit, "reason", NULL);
  if (reason && *reason)
    g_string_append_printf (out, " — %s", reason);
}

static void
explain_turn (GString *out, const ScoreTurn *turn, guint n_turns,
              ReportLang lang)
{
  const cJSON *j = turn->judgement_tree;
  g_autoptr (GString) part = g_string_new (NULL);
  const cJSON *n;
  cJSON_ArrayForEach (n, cJSON_GetObjectItemCaseSensitive (j, "facts"))
    explain_fact (part, n, lang);
  cJSON_ArrayForEach (n, cJSON_GetObjectItemCaseSensitive (j, "forbid"))
    explain_forbid (part, n, lang);
  if (part->len == 0)
    return;
  if (out->len)
    g_string_append_c (out, '\n');
  if (n_turns > 1)
    g_string_append_printf (out, "[%s %d] ",
                            lang == REPORT_LANG_VI ? "lượt" : "turn",
                            (int) turn->turn + 1);
  g_string_append_len (out, part->str, part->len);
}

char *
explain_record (const ScoreRecord *rec, ReportLang lang)
{
  g_autoptr (GString) out = g_string_new (NULL);
  if (rec->error_class != FAILURE_NONE) {
    g_string_append_printf (out, "%s: %s", i18n (I18N_REQUEST_FAILED, lang),
                            failure_name (rec->error_class));
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
  for (guint i = 0; i < rec->n_turns; i++)
    explain_turn (out, &rec->turns[i], rec->n_turns, lang);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
