#include "reports/rjson.h"

#include <math.h>
#include <string.h>

gboolean
rjson_num (const cJSON *obj, const char *key, double *out)
{
  const cJSON *n = obj ? cJSON_GetObjectItemCaseSensitive (obj, key) : NULL;
  if (!cJSON_IsNumber (n))
    return FALSE;
  *out = n->valuedouble;
  return TRUE;
}

double
rjson_num_or (const cJSON *obj, const char *key, double fallback)
{
  double v;
  return rjson_num (obj, key, &v) ? v : fallback;
}

gboolean
rjson_is_int (double x)
{
  return isfinite (x) && fabs (x) < 9007199254740992.0 && x == floor (x);
}

gint64
rjson_int_or (const cJSON *obj, const char *key, gint64 min, gint64 max,
              gint64 fallback)
{
  double v;
  if (!rjson_num (obj, key, &v) || !rjson_is_int (v) || v < (double) min
      || v > (double) max)
    return fallback;
  return (gint64) v;
}

const char *
rjson_str (const cJSON *obj, const char *key, const char *fallback)
{
  const cJSON *n = obj ? cJSON_GetObjectItemCaseSensitive (obj, key) : NULL;
  return cJSON_IsString (n) ? n->valuestring : fallback;
}

gboolean
rjson_bool (const cJSON *obj, const char *key, gboolean fallback)
{
  const cJSON *n = obj ? cJSON_GetObjectItemCaseSensitive (obj, key) : NULL;
  return cJSON_IsBool (n) ? cJSON_IsTrue (n) : fallback;
}

gboolean
rjson_ci (const cJSON *obj, const char *key, double *lo, double *hi)
{
  const cJSON *n = obj ? cJSON_GetObjectItemCaseSensitive (obj, key) : NULL;
  if (!cJSON_IsArray (n) || cJSON_GetArraySize (n) != 2)
    return FALSE;
  const cJSON *a = cJSON_GetArrayItem (n, 0), *b = cJSON_GetArrayItem (n, 1);
  if (!cJSON_IsNumber (a) || !cJSON_IsNumber (b))
    return FALSE;
  *lo = a->valuedouble;
  *hi = b->valuedouble;
  return TRUE;
}

const cJSON *
rjson_path (const cJSON *obj, const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, ".", -1);
  const cJSON *n = obj;
  for (guint i = 0; parts[i] && n; i++)
    n = cJSON_IsObject (n) ? cJSON_GetObjectItemCaseSensitive (n, parts[i])
                           : NULL;
  return n;
}

void
rjson_fmt (GString *out, double x, int decimals, ReportLang lang)
{
  char fmt[16], buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_snprintf (fmt, sizeof fmt, "%%.%df", CLAMP (decimals, 0, 9));
  g_ascii_formatd (buf, sizeof buf, fmt, x);
  /* Vietnamese writes a decimal comma (DOMAIN.md §5). */
  if (lang == REPORT_LANG_VI) {
    char *dot = strchr (buf, '.');
    if (dot)
      *dot = ',';
  }
  g_string_append (out, buf);
}

void
rjson_fmt_key (GString *out, const cJSON *obj, const char *key, int decimals,
               ReportLang lang)
{
  double v;
  if (rjson_num (obj, key, &v))
    rjson_fmt (out, v, decimals, lang);
  else
    g_string_append (out, "–");
}

void
rjson_pct (GString *out, const cJSON *obj, const char *key, ReportLang lang)
{
  double v;
  if (!rjson_num (obj, key, &v)) {
    g_string_append (out, "–");
    return;
  }
  rjson_fmt (out, 100.0 * v, 1, lang);
  g_string_append_c (out, '%');
}

void
rjson_ci_pct (GString *out, const cJSON *obj, const char *key,
              ReportLang lang)
{
  double lo, hi;
  if (!rjson_ci (obj, key, &lo, &hi))
    return;
  g_string_append_c (out, '[');
  rjson_fmt (out, 100.0 * lo, 1, lang);
  g_string_append (out, "–");
  rjson_fmt (out, 100.0 * hi, 1, lang);
  g_string_append_c (out, ']');
}
