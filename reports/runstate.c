#include "reports/runstate.h"

char *
runstate_banner (const Results *r, ReportLang lang)
{
  gboolean en = lang == REPORT_LANG_EN;
  g_autofree char *why = results_incomplete (r, en ? "en" : "vi");
  if (why == NULL)
    return NULL;
  return g_strconcat (en ? "INCOMPLETE RUN — these are not final results: "
                         : "LƯỢT CHẠY CHƯA HOÀN TẤT — đây chưa phải kết quả "
                           "cuối cùng: ",
                      why, ".", NULL);
}

const char *
runstate_digest_label (ReportLang lang)
{
  return lang == REPORT_LANG_EN ? "Evidence (vabench verify)"
                                : "Bằng chứng (vabench verify)";
}

char *
runstate_digest (const Results *r, ReportLang lang)
{
  gboolean en = lang == REPORT_LANG_EN;
  if (!r->has_log)
    return NULL;
  g_autoptr (GString) s = g_string_new (NULL);
  g_string_append_printf (s, en ? "log.jsonl: %" G_GUINT64_FORMAT
                                  " records, SHA-256 of the last %s"
                                : "log.jsonl: %" G_GUINT64_FORMAT
                                  " bản ghi, SHA-256 của bản ghi cuối %s",
                          r->log.records, r->log.sha256);
  if (r->has_scores)
    g_string_append_printf (s, en ? "; scores.jsonl: %" G_GUINT64_FORMAT
                                    " records, SHA-256 %s"
                                  : "; scores.jsonl: %" G_GUINT64_FORMAT
                                    " bản ghi, SHA-256 %s",
                            r->scores.records, r->scores.sha256);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
