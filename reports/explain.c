#include "reports/explain.h"

#include <string.h>

#include "reports/i18n.h"
#include "reports/rjson.h"

gboolean
explain_is_hidden (const cJSON *rec)
{
  return rjson_bool (rec, "hidden", FALSE);
}

static char *
join_turns (const cJSON *rec, const char *field)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const cJSON *turns = cJSON_GetObjectItemCaseSensitive (rec, "turns");
  const cJSON *t;
  cJSON_ArrayForEach (t, turns)
  {
    const char *s = rjson_str (t, field, NULL);
    if (s == NULL)
      continue;
    if (out->len)
      g_string_append_c (out, '\n');
    g_string_append (out, s);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
explain_question (const cJSON *rec)
{
  return join_turns (rec, "question");
}

char *
explain_answer (const cJSON *rec)
{
  return join_turns (rec, "answer");
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
explain_turn (GString *out, const cJSON *turn, guint n_turns,
              ReportLang lang)
{
  const cJSON *j = cJSON_GetObjectItemCaseSensitive (turn, "judgement");
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
                            (int) rjson_num_or (turn, "turn", 0) + 1);
  g_string_append_len (out, part->str, part->len);
}

char *
explain_record (const cJSON *rec, ReportLang lang)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *err = rjson_str (rec, "error_class", NULL);
  if (err) {
    g_string_append_printf (out, "%s: %s", i18n (I18N_REQUEST_FAILED, lang),
                            err);
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
  const cJSON *turns = cJSON_GetObjectItemCaseSensitive (rec, "turns");
  guint n_turns = (guint) cJSON_GetArraySize (turns);
  const cJSON *t;
  cJSON_ArrayForEach (t, turns)
    explain_turn (out, t, n_turns, lang);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
