/* Lenient read access to results.json and score records for the writers:
 * a report shows "–" for an absent or null value instead of failing, so
 * these getters never set errors. Strings are borrowed from the object. */
#ifndef RJSON_H
#define RJSON_H

#include "reports/report.h"

/* TRUE and *out when obj[key] is a number; FALSE for absent/null/other. */
gboolean rjson_num (const cJSON *obj, const char *key, double *out);
/* obj[key] as a number, or fallback. */
double rjson_num_or (const cJSON *obj, const char *key, double fallback);
/* obj[key] when it is a whole number from min to max, else fallback:
 * results.json is read from a run directory that may be someone else's,
 * and a double cast to an integer it does not fit ("items": 7e90) is
 * undefined behaviour, never a count. */
gint64 rjson_int_or (const cJSON *obj, const char *key, gint64 min,
                     gint64 max, gint64 fallback);
/* TRUE when x is a whole number a gint64 holds exactly (|x| < 2^53). */
gboolean rjson_is_int (double x);
/* obj[key] when a string, else fallback (borrowed). */
const char *rjson_str (const cJSON *obj, const char *key,
                       const char *fallback);
/* obj[key] when TRUE/FALSE, else fallback. */
gboolean rjson_bool (const cJSON *obj, const char *key, gboolean fallback);
/* obj[key] as [lo, hi]; FALSE when not a two-number array. */
gboolean rjson_ci (const cJSON *obj, const char *key, double *lo,
                   double *hi);
/* Follows a dotted path such as "by_kind.telex.drop" (borrowed or NULL). */
const cJSON *rjson_path (const cJSON *obj, const char *path);

/* Formats a rate as a percentage with one decimal ("81,2%" in Vietnamese,
 * "81.2%" in English) or "–" when absent; appends to out. */
void rjson_pct (GString *out, const cJSON *obj, const char *key,
                ReportLang lang);
/* Appends x with the given decimals in the language's decimal mark. */
void rjson_fmt (GString *out, double x, int decimals, ReportLang lang);
/* Appends obj[key] formatted (decimals) or "–". */
void rjson_fmt_key (GString *out, const cJSON *obj, const char *key,
                    int decimals, ReportLang lang);
/* Appends an interval "[81,2–88,0]" from obj[key] as percentages, or "". */
void rjson_ci_pct (GString *out, const cJSON *obj, const char *key,
                   ReportLang lang);

#endif
