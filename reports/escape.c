#include "reports/escape.h"

#include <string.h>

/* Text from answers is untrusted; cJSON does not validate UTF-8, so repair
 * before escaping rather than emit a broken document. Returns either text
 * itself (*owned NULL) or a repaired copy in *owned. */
static const char *
valid_utf8 (const char *text, char **owned)
{
  *owned = NULL;
  if (g_utf8_validate (text, -1, NULL))
    return text;
  *owned = g_utf8_make_valid (text, -1);
  return *owned;
}

static gboolean
append_entity (GString *out, char c)
{
  switch (c) {
  case '&': g_string_append (out, "&amp;"); return TRUE;
  case '<': g_string_append (out, "&lt;"); return TRUE;
  case '>': g_string_append (out, "&gt;"); return TRUE;
  case '"': g_string_append (out, "&quot;"); return TRUE;
  case '\'': g_string_append (out, "&#39;"); return TRUE;
  default: return FALSE;
  }
}

static gboolean
xml_allowed (gunichar c)
{
  if (c < 0x20)
    return c == '\t' || c == '\n' || c == '\r';
  return c != 0xFFFE && c != 0xFFFF;
}

/* Bytes that need a look: the five markup characters, C0 controls other
 * than tab/LF/CR, and 0xEF (which starts U+FFFE/U+FFFF). Everything else
 * is copied in runs, which keeps 170k answers fast. */
static const char escape_stop[] = "&<>\"'\xEF"
                                  "\x01\x02\x03\x04\x05\x06\x07\x08\x0B"
                                  "\x0C\x0E\x0F\x10\x11\x12\x13\x14\x15"
                                  "\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F";

static void
escape_markup (GString *out, const char *text, gboolean xml)
{
  if (text == NULL)
    return;
  g_autofree char *owned = NULL;
  const char *s = valid_utf8 (text, &owned);
  while (*s) {
    gsize run = strcspn (s, escape_stop);
    g_string_append_len (out, s, (gssize) run);
    s += run;
    if (*s == '\0')
      break;
    if (append_entity (out, *s)) {
      s++;
      continue;
    }
    const char *next = g_utf8_next_char (s);
    if (!xml || xml_allowed (g_utf8_get_char (s)))
      g_string_append_len (out, s, next - s);
    s = next;
  }
}

void
escape_html (GString *out, const char *text)
{
  escape_markup (out, text, FALSE);
}

void
escape_xml (GString *out, const char *text)
{
  escape_markup (out, text, TRUE);
}

void
escape_csv (GString *out, const char *text)
{
  if (text == NULL)
    return;
  g_autofree char *owned = NULL;
  const char *s = valid_utf8 (text, &owned);
  /* OWASP CSV injection: a cell a spreadsheet would read as a formula
   * (= + - @, or a tab or CR before one) gets a leading quote, shown as
   * text, and the field is quoted. An answer "=HYPERLINK(…)" stays an
   * answer. */
  gboolean formula = strchr ("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
  if (!formula && strpbrk (s, ",\"\r\n") == NULL) {
    g_string_append (out, s);
    return;
  }
  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (; *s; s++) {
    if (*s == '"')
      g_string_append_c (out, '"');
    g_string_append_c (out, *s);
  }
  g_string_append_c (out, '"');
}

void
escape_md (GString *out, const char *text)
{
  if (text == NULL)
    return;
  g_autofree char *owned = NULL;
  const char *s = valid_utf8 (text, &owned);
  for (; *s; s++) {
    if (*s == '|')
      g_string_append (out, "\\|");
    else if (*s == '\n' || *s == '\r')
      g_string_append_c (out, ' ');
    else if (*s == '&' || *s == '<' || *s == '>')
      (void) append_entity (out, *s);
    else
      g_string_append_c (out, *s);
  }
}

void
escape_gnuplot (GString *out, const char *text)
{
  g_string_append_c (out, '\'');
  if (text != NULL) {
    g_autofree char *owned = NULL;
    for (const char *s = valid_utf8 (text, &owned); *s; s++) {
      if (*s == '\'')
        g_string_append (out, "''");
      else if (*s == '\n' || *s == '\r')
        g_string_append_c (out, ' ');
      else
        g_string_append_c (out, *s);
    }
  }
  g_string_append_c (out, '\'');
}
