/* Calendar dates in answers, however they are written: 1/7/2026,
 * 01-07-2026, 2026-07-01, "ngày 1 tháng 7 năm 2026", "mùng một tháng bảy
 * năm hai nghìn không trăm hai mươi sáu", "July 1, 2026". Pure. */
#ifndef DATES_H
#define DATES_H

#include <glib.h>

typedef struct {
  guint year, month, day;
  gsize start, end; /* bytes of the scanned text */
} DatesMention;

/* Every full date (day, month and year) in normalized (normalize_text,
 * the same lenient flag) text, in order. New GArray of DatesMention. */
GArray *dates_scan (const char *normalized, gboolean lenient);

/* "YYYY-MM-DD" → its parts; FALSE unless a real calendar date. */
gboolean dates_parse_iso (const char *text, guint *year, guint *month,
                          guint *day);

#endif
