#include "reports/explain.h"

#include <string.h>

#include "reports/i18n.h"
#include "reports/labels.h"
#include "reports/rjson.h"
#include "scoring/reasons.h"

/* Set-aside claims named under a fact that is not matched: enough to show
 * what the judge read instead, few enough for a table cell. */
#define EXPLAIN_CLAIMS_MAX 3

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

char *
explain_shorten (const char *text, gsize max, ReportLang lang)
{
  if (text == NULL)
    return g_strdup ("");
  gsize bytes = strlen (text);
  /* A character is at least one byte: most answers need no count. */
  if (bytes <= max || (gsize) g_utf8_strlen (text, (gssize) bytes) <= max)
    return g_strdup (text);
  const char *cut = g_utf8_offset_to_pointer (text, (glong) max);
  const char *space = cut;
  while (space > text && cut - space < 80 && *space != ' '
         && *space != '\n')
    space--;
  if (space > text && (*space == ' ' || *space == '\n'))
    cut = space;
  g_autoptr (GString) out = g_string_new_len (text, cut - text);
  glong chars = g_utf8_strlen (text, (gssize) bytes);
  g_string_append_printf (out, lang == REPORT_LANG_EN
                                   ? " … [shortened: the answer has %ld "
                                     "characters; the whole text is in the "
                                     "run's scores.jsonl]"
                                   : " … [đã rút gọn: câu trả lời dài %ld "
                                     "ký tự; toàn văn trong tệp scores.jsonl "
                                     "của lượt chạy]",
                          chars);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static ReasonsLang
reasons_lang (ReportLang lang)
{
  return lang == REPORT_LANG_EN ? REASONS_EN : REASONS_VI;
}

static gboolean
is_status (const cJSON *obj, const char *status)
{
  return g_strcmp0 (rjson_str (obj, "status", NULL), status) == 0;
}

/* The other claims the judge read for this fact (set aside, for another
 * case, contradicting), with what it made of each. */
static void
explain_claims (GString *out, const cJSON *fact, ReportLang lang)
{
  const char *span = rjson_str (fact, "span", NULL);
  guint n = 0, more = 0;
  const cJSON *c;
  cJSON_ArrayForEach (c, cJSON_GetObjectItemCaseSensitive (fact, "claims"))
  {
    const char *cspan = rjson_str (c, "span", NULL);
    if (cspan == NULL || is_status (c, "matched")
        || (span && strcmp (span, cspan) == 0))
      continue;
    if (n == EXPLAIN_CLAIMS_MAX) {
      more++;
      continue;
    }
    g_autofree char *why = reasons_object (c, reasons_lang (lang));
    g_string_append (out, n++ ? "; " : (lang == REPORT_LANG_EN
                                            ? ". Also read: "
                                            : ". Các ý khác đã xét: "));
    g_string_append_printf (out, "«%s»", cspan);
    if (why && *why)
      g_string_append_printf (out, " (%s)", why);
  }
  if (more)
    g_string_append_printf (out, lang == REPORT_LANG_EN ? "; %u more"
                                                        : "; và %u ý khác",
                            more);
}

void
explain_fact (GString *out, const cJSON *fact, ReportLang lang)
{
  const char *status = rjson_str (fact, "status", "?");
  g_string_append_printf (out, "%s: %s",
                          labels_fact (rjson_str (fact, "type", "?"), lang),
                          labels_status (status, lang));
  if (!rjson_bool (fact, "required", TRUE))
    g_string_append (out, lang == REPORT_LANG_EN ? " (optional)"
                                                 : " (không bắt buộc)");
  g_autofree char *why = reasons_object (fact, reasons_lang (lang));
  const char *span = rjson_str (fact, "span", NULL);
  if (why && *why)
    g_string_append_printf (out, " — %s", why);
  else if (span && *span)
    g_string_append_printf (out, " «%s»", span);
  if (!is_status (fact, "matched"))
    explain_claims (out, fact, lang);
}

void
explain_forbid (GString *out, const cJSON *hit, ReportLang lang)
{
  g_string_append (out, i18n (I18N_FORBIDDEN, lang));
  const char *span = rjson_str (hit, "span", NULL);
  if (span && *span)
    g_string_append_printf (out, ": «%s»", span);
  /* A forbid rule's reason is the question set's own text; without one
   * the judge names its catalog rule ("rule_id"), worded here in lang
   * (its "reason" then holds the English). */
  const char *rule_id = rjson_str (hit, "rule_id", NULL);
  const char *reason = rjson_str (hit, "reason", NULL);
  g_autofree char *general = reasons_render (rule_id ? rule_id : "forbid.hit",
                                             NULL, 0, reasons_lang (lang));
  g_string_append_printf (out, " — %s",
                          !rule_id && reason && *reason ? reason : general);
}

static void
new_line (GString *out, const char *prefix)
{
  if (out->len)
    g_string_append_c (out, '\n');
  g_string_append (out, prefix);
}

static void
explain_turn (GString *out, const ScoreTurn *turn, guint n_turns,
              ReportLang lang)
{
  g_autofree char *prefix
      = n_turns > 1 ? g_strdup_printf ("[%s %u] ",
                                       lang == REPORT_LANG_EN ? "turn"
                                                              : "lượt",
                                       turn->turn + 1)
                    : g_strdup ("");
  const cJSON *j = turn->judgement_tree, *n;
  if (turn->error_class != FAILURE_NONE) {
    new_line (out, prefix);
    g_string_append_printf (out, "%s: %s", i18n (I18N_REQUEST_FAILED, lang),
                            labels_failure (turn->error_class, lang));
    return;
  }
  if (j == NULL) {
    new_line (out, prefix);
    g_string_append (out, i18n (I18N_NOT_JUDGED, lang));
    return;
  }
  const cJSON *off = cJSON_GetObjectItemCaseSensitive (j, "off_topic");
  if (cJSON_IsObject (off)) {
    g_autofree char *why = reasons_object (off, reasons_lang (lang));
    new_line (out, prefix);
    g_string_append_printf (out, "%s: %s", i18n (I18N_OFF_TOPIC, lang),
                            why && *why ? why : rjson_str (off, "name", "?"));
  }
  cJSON_ArrayForEach (n, cJSON_GetObjectItemCaseSensitive (j, "facts"))
    if (!is_status (n, "matched")) {
      new_line (out, prefix);
      explain_fact (out, n, lang);
    }
  cJSON_ArrayForEach (n, cJSON_GetObjectItemCaseSensitive (j, "forbid"))
  {
    new_line (out, prefix);
    explain_forbid (out, n, lang);
  }
}

char *
explain_record (const ScoreRecord *rec, ReportLang lang)
{
  g_autoptr (GString) out = g_string_new (NULL);
  if (rec->error_class != FAILURE_NONE) {
    g_string_append_printf (out, "%s: %s", i18n (I18N_REQUEST_FAILED, lang),
                            labels_failure (rec->error_class, lang));
    return g_string_free (g_steal_pointer (&out), FALSE);
  }
  for (guint i = 0; i < rec->n_turns; i++)
    explain_turn (out, &rec->turns[i], rec->n_turns, lang);
  if (out->len == 0 && !rec->correct) {
    /* The judgement holds no reason (a record from an older judge, a
     * hand-made one): say so rather than leave the row unexplained. */
    g_autoptr (GString) score = g_string_new (NULL);
    rjson_fmt (score, rec->score, 2, lang);
    g_string_append_printf (out, i18n (I18N_WRONG_NO_REASON, lang),
                            score->str);
  }
  return g_string_free (g_steal_pointer (&out), FALSE);
}
