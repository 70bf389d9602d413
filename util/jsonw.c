#include "util/jsonw.h"

#include "util/vb_gstring.h"

#include <float.h>
#include <math.h>
#include <string.h>

void
jsonw_append_string (GString *out, const char *s)
{
  s = s ? s : "";
  jsonw_append_string_len (out, s, strlen (s));
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGH (ONES << 7)

/* Bytes of w below k (< 0x80) flagged in their high bit; the first one in
 * memory is exact (a borrow can only flag bytes after it). */
G_ALWAYS_INLINE static inline guint64
below (guint64 w, guchar k)
{
  return (w - ONES * k) & ~w & HIGH;
}

/* How many bytes from p[0] need no escape: eight at a time, as a log
 * record is mostly plain text (strlen is vector-fast; this was the
 * writer's byte-by-byte table walk, a tenth of vabench's own work per
 * request). */
static gsize
plain_len (const unsigned char *p, gsize n)
{
  gsize i = 0;
  for (; i + 8 <= n; i += 8) {
    guint64 w;
    memcpy (&w, p + i, 8);
    w = GUINT64_FROM_LE (w); /* the first byte lowest, on any machine */
    guint64 m = below (w, 0x20) | below (w ^ (ONES * '"'), 1)
                | below (w ^ (ONES * '\\'), 1);
    if (m != 0)
      return i + (gsize) __builtin_ctzll (m) / 8;
  }
  while (i < n && p[i] >= 0x20 && p[i] != '"' && p[i] != '\\')
    i++;
  return i;
}

void
jsonw_append_string_len (GString *out, const char *s, gsize len)
{
  static const char hex[] = "0123456789abcdef";
  const unsigned char *p = (const unsigned char *) s;
  const unsigned char *end = p + len;
  g_string_append_c (out, '"');
  while (p < end) {
    const unsigned char *run = p;
    p += plain_len (p, (gsize) (end - p));
    vb_gstring_put (out, (const char *) run, (gsize) (p - run));
    if (p == end)
      break;
    char esc[7] = { '\\', 0 };
    switch (*p) {
    case '"': esc[1] = '"'; break;
    case '\\': esc[1] = '\\'; break;
    case '\b': esc[1] = 'b'; break;
    case '\f': esc[1] = 'f'; break;
    case '\n': esc[1] = 'n'; break;
    case '\r': esc[1] = 'r'; break;
    case '\t': esc[1] = 't'; break;
    default: /* NUL and the other control characters: \u00XX */
      memcpy (esc + 1, "u00", 3);
      esc[4] = hex[*p >> 4];
      esc[5] = hex[*p & 15];
    }
    vb_gstring_put (out, esc, esc[1] == 'u' ? 6 : 2);
    p++;
  }
  g_string_append_c (out, '"');
}

void
jsonw_append_string_or_null (GString *out, const char *s)
{
  if (s)
    jsonw_append_string (out, s);
  else
    VB_GSTRING_PUT_LITERAL (out, "null");
}

void
jsonw_append_bool (GString *out, gboolean b)
{
  if (b)
    VB_GSTRING_PUT_LITERAL (out, "true");
  else
    VB_GSTRING_PUT_LITERAL (out, "false");
}

static void
put_uint (GString *out, guint64 v)
{
  char buf[24];
  char *p = buf + sizeof buf;
  do {
    *--p = (char) ('0' + v % 10);
    v /= 10;
  } while (v != 0);
  vb_gstring_put (out, p, (gsize) (buf + sizeof buf - p));
}

/* q = m / 10^6 with 1e-4 ≤ |q| < 1e9, as %1.15g prints it: fixed notation
 * (exponent −4 … 8), trailing zeros and a bare point dropped. */
static void
put_micros (GString *out, gint64 m)
{
  if (m < 0) {
    g_string_append_c (out, '-');
    m = -m;
  }
  put_uint (out, (guint64) m / 1000000);
  guint frac = (guint) ((guint64) m % 1000000);
  if (frac == 0)
    return;
  char digits[7];
  for (int i = 5; i >= 0; i--, frac /= 10)
    digits[i] = (char) ('0' + frac % 10);
  int len = 6;
  while (digits[len - 1] == '0')
    len--;
  g_string_append_c (out, '.');
  vb_gstring_put (out, digits, (gsize) len);
}

static gboolean
close_doubles (double a, double b)
{
  double max = fabs (a) > fabs (b) ? fabs (a) : fabs (b);
  return fabs (a - b) <= max * DBL_EPSILON;
}

/* cJSON 1.7.15 prints every number with %1.15g (or %1.17g when that does
 * not read back), integers included: -0.0 is "-0". */
void
jsonw_append_number (GString *out, double d)
{
  if (isnan (d) || isinf (d)) {
    VB_GSTRING_PUT_LITERAL (out, "null");
    return;
  }
  if (d == 0) {
    if (signbit (d))
      VB_GSTRING_PUT_LITERAL (out, "-0");
    else
      g_string_append_c (out, '0');
    return;
  }
  /* An integer below 10^15 has at most 15 digits: %1.15g prints them
   * all, without exponent. (A cast and back, not trunc: a library call
   * without SSE4.1, and weights, counts and latencies are integers.) */
  double mag = fabs (d);
  if (mag < 1e15 && (double) (guint64) mag == mag) {
    if (d < 0)
      g_string_append_c (out, '-');
    put_uint (out, (guint64) mag);
    return;
  }
  /* d is the double nearest to m/10^6 (a correctly rounded quotient of
   * exact integers), a decimal of at most 15 significant digits, so
   * %1.15g prints exactly that decimal and reading it back gives d. */
  if (fabs (d) >= 1e-4 && fabs (d) < 1e9) {
    gint64 m = (gint64) llround (d * 1e6);
    if ((double) m / 1e6 == d) {
      put_micros (out, m);
      return;
    }
  }
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%1.15g", d);
  if (!close_doubles (g_ascii_strtod (buf, NULL), d))
    g_ascii_formatd (buf, sizeof buf, "%1.17g", d);
  g_string_append (out, buf);
}

void
jsonw_append_cjson (GString *out, const cJSON *v)
{
  switch (v->type & 0xff) {
  case cJSON_False: VB_GSTRING_PUT_LITERAL (out, "false"); return;
  case cJSON_True: VB_GSTRING_PUT_LITERAL (out, "true"); return;
  case cJSON_NULL: VB_GSTRING_PUT_LITERAL (out, "null"); return;
  case cJSON_Number: jsonw_append_number (out, v->valuedouble); return;
  case cJSON_String: jsonw_append_string (out, v->valuestring); return;
  case cJSON_Raw: g_string_append (out, v->valuestring ? v->valuestring : "");
    return;
  default: break;
  }
  gboolean object = (v->type & 0xff) == cJSON_Object;
  g_string_append_c (out, object ? '{' : '[');
  for (const cJSON *c = v->child; c; c = c->next) {
    if (c != v->child)
      g_string_append_c (out, ',');
    if (object) {
      jsonw_append_string (out, c->string);
      g_string_append_c (out, ':');
    }
    jsonw_append_cjson (out, c);
  }
  g_string_append_c (out, object ? '}' : ']');
}

static void
member (JsonwObject *o, const char *key)
{
  /* Keys are short plain names: written with one copy, the comma, quotes
   * and colon around them (a record has two dozen). */
  gsize n = strlen (key);
  if (n < 60
      && (o->plain_keys
          || plain_len ((const unsigned char *) key, n) == n)) {
    char buf[64];
    gsize k = 0;
    if (o->comma)
      buf[k++] = ',';
    buf[k++] = '"';
    memcpy (buf + k, key, n);
    k += n;
    buf[k++] = '"';
    buf[k++] = ':';
    o->comma = TRUE;
    vb_gstring_put (o->out, buf, k);
    return;
  }
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
  o->plain_keys = FALSE;
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
  jsonw_append_string_or_null (o->out, value);
}

void
jsonw_string_len (JsonwObject *o, const char *key, const char *value,
                  gsize len)
{
  member (o, key);
  if (value)
    jsonw_append_string_len (o->out, value, len);
  else
    VB_GSTRING_PUT_LITERAL (o->out, "null");
}

void
jsonw_uint (JsonwObject *o, const char *key, guint64 value)
{
  member (o, key);
  put_uint (o->out, value);
}

void
jsonw_int (JsonwObject *o, const char *key, gint64 value)
{
  member (o, key);
  if (value < 0)
    g_string_append_c (o->out, '-');
  /* negated in unsigned arithmetic: G_MININT64 has no positive twin */
  put_uint (o->out, value < 0 ? -(guint64) value : (guint64) value);
}

void
jsonw_bool (JsonwObject *o, const char *key, gboolean value)
{
  member (o, key);
  jsonw_append_bool (o->out, value);
}
