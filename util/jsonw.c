#include "util/jsonw.h"

#include <string.h>

void
jsonw_append_string (GString *out, const char *s)
{
  static const char hex[] = "0123456789abcdef";
  g_string_append_c (out, '"');
  const char *run = s; /* start of bytes copied as they are */
  for (const char *p = s; *p; p++) {
    unsigned char c = (unsigned char) *p;
    if (c >= 32 && c != '"' && c != '\\')
      continue;
    g_string_append_len (out, run, p - run);
    run = p + 1;
    char esc[7] = { '\\', 0 };
    switch (c) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\b': esc[1] = 'b'; break;
    case '\f': esc[1] = 'f'; break;
    case '\n': esc[1] = 'n'; break;
    case '\r': esc[1] = 'r'; break;
    case '\t': esc[1] = 't'; break;
    default: /* the other control characters, as cJSON writes them */
      memcpy (esc + 1, "u00", 3);
      esc[4] = hex[c >> 4];
      esc[5] = hex[c & 15];
    }
    g_string_append (out, esc);
  }
  g_string_append_len (out, run, (gssize) strlen (run));
  g_string_append_c (out, '"');
}

static void
member (JsonwObject *o, const char *key)
{
  if (o->comma)
    g_string_append_c (o->out, ',');
  o->comma = TRUE;
  jsonw_append_string (o->out, key);
  g_string_append_c (o->out, ':');
}

void
jsonw_begin (JsonwObject *o, GString *out)
{
  o->out = out;
  o->comma = FALSE;
  g_string_append_c (out, '{');
}

void
jsonw_end (JsonwObject *o)
{
  g_string_append_c (o->out, '}');
}

void
jsonw_string (JsonwObject *o, const char *key, const char *value)
{
  member (o, key);
  if (value == NULL)
    g_string_append (o->out, "null");
  else
    jsonw_append_string (o->out, value);
}

static void
append_uint (GString *out, guint64 v)
{
  char buf[24];
  char *p = buf + sizeof buf;
  do {
    *--p = (char) ('0' + v % 10);
    v /= 10;
  } while (v != 0);
  g_string_append_len (out, p, buf + sizeof buf - p);
}

void
jsonw_uint (JsonwObject *o, const char *key, guint64 value)
{
  member (o, key);
  append_uint (o->out, value);
}

void
jsonw_int (JsonwObject *o, const char *key, gint64 value)
{
  member (o, key);
  if (value < 0)
    g_string_append_c (o->out, '-');
  /* negated in unsigned arithmetic: G_MININT64 has no positive twin */
  append_uint (o->out, value < 0 ? -(guint64) value : (guint64) value);
}

void
jsonw_bool (JsonwObject *o, const char *key, gboolean value)
{
  member (o, key);
  g_string_append (o->out, value ? "true" : "false");
}

void
jsonw_null (JsonwObject *o, const char *key)
{
  member (o, key);
  g_string_append (o->out, "null");
}

void
jsonw_raw (JsonwObject *o, const char *key, const char *value)
{
  member (o, key);
  g_string_append (o->out, value);
}
