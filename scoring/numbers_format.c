/* Unit names and the Vietnamese way of writing amounts and durations
 * (scoring/numbers.h), apart from the scanner: reports and explanations
 * use them, the scanner does not. */
#include "scoring/numbers.h"

#include <math.h>
#include <string.h>

static const char *const unit_names[] = {
  "none", "vnd", "working_day", "day", "hour", "week", "month", "year",
  "minute", "same_day",
};

const char *
numbers_unit_name (NumbersUnit unit)
{
  return (guint) unit < G_N_ELEMENTS (unit_names) ? unit_names[unit] : "none";
}

gboolean
numbers_duration_unit_from_name (const char *name, NumbersUnit *unit)
{
  static const NumbersUnit allowed[] = {
    NUMBERS_UNIT_WORKING_DAY, NUMBERS_UNIT_DAY, NUMBERS_UNIT_HOUR,
    NUMBERS_UNIT_WEEK, NUMBERS_UNIT_MONTH, NUMBERS_UNIT_YEAR,
    NUMBERS_UNIT_SAME_DAY,
  };
  for (gsize i = 0; name && i < G_N_ELEMENTS (allowed); i++)
    if (g_strcmp0 (name, unit_names[allowed[i]]) == 0) {
      *unit = allowed[i];
      return TRUE;
    }
  return FALSE;
}

/* 15000 → "15.000"; 1.5 → "1,5" (Vietnamese separators). */
static char *
format_vi (double v)
{
  double whole = floor (v + 1e-9);
  GString *s = g_string_new (NULL);
  /* Below 10^15 the whole part is an exact integer: its digits without
   * printf ("%.0f" is the dearest part of compiling a money fact). */
  char digits[32];
  if (whole >= 0 && whole < 1e15) {
    guint64 w = (guint64) whole;
    int k = 0;
    char rev[20];
    do {
      rev[k++] = (char) ('0' + w % 10);
      w /= 10;
    } while (w);
    for (int i = 0; i < k; i++)
      digits[i] = rev[k - 1 - i];
    digits[k] = '\0';
  } else
    g_snprintf (digits, sizeof digits, "%.0f", whole);
  gsize n = strlen (digits);
  for (gsize i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 == 0)
      g_string_append_c (s, '.');
    g_string_append_c (s, digits[i]);
  }
  int cents = (int) lround ((v - whole) * 100);
  if (cents > 0 && cents < 100)
    g_string_append_printf (s, cents % 10 ? ",%02d" : ",%d",
                            cents % 10 ? cents : cents / 10);
  return g_string_free (s, FALSE);
}

char *
numbers_format (double value, NumbersUnit unit)
{
  static const char *const words[] = {
    "", "đồng", "ngày làm việc", "ngày", "giờ", "tuần", "tháng", "năm",
    "phút", "",
  };
  if (unit == NUMBERS_UNIT_SAME_DAY)
    return g_strdup ("trong ngày");
  if (unit == NUMBERS_UNIT_VND && value == 0)
    return g_strdup ("0 đồng (miễn phí)");
  g_autofree char *num = format_vi (value);
  if (unit == NUMBERS_UNIT_NONE || (guint) unit >= G_N_ELEMENTS (words))
    return g_steal_pointer (&num);
  return g_strconcat (num, " ", words[unit], NULL);
}
