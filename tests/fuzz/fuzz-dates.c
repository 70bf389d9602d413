/* Calendar dates (scoring/dates.c) in normalized text, strict and
 * lenient: every mention is a real date inside the text, in order; an ISO
 * date that parses is a real one. */
#include "fuzz.h"

#include "scoring/dates.h"
#include "scoring/normalize.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

static gboolean
real (guint y, guint m, guint d)
{
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31
         && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  guint y, m, d;
  if (dates_parse_iso (text, &y, &m, &d))
    FUZZ_CHECK (real (y, m, d), "ISO %s read as %u-%u-%u", text, y, m, d);
  for (int lenient = 0; lenient <= 1; lenient++) {
    g_autofree char *norm = normalize_text (text, lenient);
    size_t n = strlen (norm);
    g_autoptr (GArray) ms = dates_scan (norm, lenient);
    gsize last = 0;
    for (guint i = 0; i < ms->len; i++) {
      const DatesMention *dm = &g_array_index (ms, DatesMention, i);
      FUZZ_CHECK (real (dm->year, dm->month, dm->day), "date %u-%u-%u",
                  dm->year, dm->month, dm->day);
      FUZZ_CHECK (dm->start <= dm->end && dm->end <= n,
                  "span %zu..%zu of %zu", dm->start, dm->end, n);
      FUZZ_CHECK (dm->start >= last, "mention %u out of order", i);
      last = dm->start;
    }
  }
  return 0;
}
