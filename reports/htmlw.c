#include "reports/htmlw.h"

#include "reports/escape.h"
#include "reports/rjson.h"

void
htmlw_text (GString *o, const char *text)
{
  escape_html (o, text);
}

void
htmlw_section (GString *o, const char *id, const char *title, gboolean wide)
{
  g_string_append_printf (o, "<section id=\"%s\"%s><h2>", id,
                          wide ? " class=\"wide\"" : "");
  htmlw_text (o, title);
  g_string_append (o, "</h2>\n");
}

void
htmlw_section_end (GString *o)
{
  g_string_append (o, "</section>\n");
}

void
htmlw_table (GString *o, const char *cls, const char *const *cols)
{
  if (cls)
    g_string_append_printf (o, "<table class=\"%s\"><thead><tr>", cls);
  else
    g_string_append (o, "<table><thead><tr>");
  for (guint i = 0; cols[i]; i++) {
    g_string_append (o, "<th>");
    htmlw_text (o, cols[i]);
    g_string_append (o, "</th>");
  }
  g_string_append (o, "</tr></thead>\n<tbody>\n");
}

void
htmlw_table_end (GString *o)
{
  g_string_append (o, "</tbody></table>\n");
}

void
htmlw_td_text (GString *o, const char *text)
{
  g_string_append (o, "<td>");
  htmlw_text (o, text);
  g_string_append (o, "</td>");
}

void
htmlw_td_pct (GString *o, const cJSON *obj, const char *key,
              const char *ci_key, ReportLang lang)
{
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_pct (t, obj, key, lang);
  g_string_append (o, "<td class=\"n\">");
  htmlw_text (o, t->str);
  if (ci_key) {
    g_string_truncate (t, 0);
    rjson_ci_pct (t, obj, ci_key, lang);
    g_string_append (o, " <span class=\"ci\">");
    htmlw_text (o, t->str);
    g_string_append (o, "</span>");
  }
  g_string_append (o, "</td>");
}

void
htmlw_td_num (GString *o, const cJSON *obj, const char *key, int decimals,
              ReportLang lang)
{
  g_autoptr (GString) t = g_string_new (NULL);
  rjson_fmt_key (t, obj, key, decimals, lang);
  g_string_append (o, "<td class=\"n\">");
  htmlw_text (o, t->str);
  g_string_append (o, "</td>");
}

void
htmlw_note (GString *o, const char *text)
{
  g_string_append (o, "<p class=\"note\">");
  htmlw_text (o, text);
  g_string_append (o, "</p>\n");
}

void
htmlw_figure (GString *o, GHashTable *plots, const char *name)
{
  const char *svg = plots ? g_hash_table_lookup (plots, name) : NULL;
  if (svg)
    g_string_append_printf (o, "<figure id=\"plot-%s\">%s</figure>\n", name,
                            svg);
}
