/* Amounts of money and durations in Vietnamese answers (scoring/README.md
 * "Number grammar"): digits with either separator, number words, slang
 * suffixes, currency markers, units, ranges and bounds. Pure. */
#ifndef NUMBERS_H
#define NUMBERS_H

#include <glib.h>

typedef enum {
  NUMBERS_UNIT_NONE = 0,
  NUMBERS_UNIT_VND,
  NUMBERS_UNIT_WORKING_DAY, /* ngày làm việc */
  NUMBERS_UNIT_DAY,         /* ngày (calendar days) */
  NUMBERS_UNIT_HOUR,        /* giờ, tiếng, h */
  NUMBERS_UNIT_WEEK,        /* tuần */
  NUMBERS_UNIT_MONTH,       /* tháng */
  NUMBERS_UNIT_YEAR,        /* năm */
  NUMBERS_UNIT_MINUTE,      /* phút */
  NUMBERS_UNIT_SAME_DAY,    /* ngay trong ngày, ngay lập tức */
} NumbersUnit;

typedef enum {
  NUMBERS_EXACT,    /* lo == hi */
  NUMBERS_AT_MOST,  /* không quá, tối đa, chậm nhất: hi is the bound */
  NUMBERS_AT_LEAST, /* ít nhất, tối thiểu, trên: lo is the bound */
  NUMBERS_RANGE,    /* từ 3 đến 5, 3-5: lo < hi */
} NumbersBound;

typedef struct {
  NumbersUnit unit;   /* VND for money, a duration unit otherwise */
  NumbersBound bound;
  double lo, hi;      /* equal unless bound is RANGE */
  gsize start, end;   /* byte span in the scanned text */
} NumbersMention;

/* Parses text that is exactly one number — digits ("50.000", "50,000",
 * "1,5"), words ("năm mươi nghìn", "một trăm linh năm"), mixes and slang
 * ("1 triệu rưỡi", "1tr5", "50k"), optionally followed by a currency marker.
 * Text is normalized first; words without their marks ("nam muoi nghin")
 * are read too. Returns FALSE for anything else (garbage,
 * trailing words, a citation or phone number, empty or NULL text). */
gboolean numbers_parse (const char *text, double *value);

/* Finds every money amount and duration in text, which must come from
 * normalize_text with the same lenient flag. Digits of citations, dates,
 * clock times, phone numbers, procedure codes and numbered labels (Điều 5,
 * năm 2025) are skipped. Returns a new array of NumbersMention in text
 * order, free with g_array_unref. */
GArray *numbers_scan (const char *normalized, gboolean lenient);

/* Unit names as in question sets ("working_day", "day", "hour", "week",
 * "month", "same_day"), plus "vnd", "year", "minute", "none". Static. */
const char *numbers_unit_name (NumbersUnit unit);
/* FALSE when name is not a duration unit a question set may use. */
gboolean numbers_duration_unit_from_name (const char *name,
                                          NumbersUnit *unit);

/* Human form for explanations: "15.000 đồng", "3 ngày làm việc",
 * "trong ngày". Newly allocated, free with g_free. */
char *numbers_format (double value, NumbersUnit unit);

#endif
