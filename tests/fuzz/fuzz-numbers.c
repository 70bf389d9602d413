/* Numbers, money and durations (scoring/numbers.c) and the normalizer in
 * front of them (scoring/normalize.c): byte 0 chooses the lenient form,
 * the rest is any text. Mentions lie inside the text, in order, with
 * lo <= hi as their bound says; the lenient form folded from the strict
 * one is the lenient form made directly. */
#include "fuzz.h"

#include <math.h>

#include "scoring/normalize.h"
#include "scoring/numbers.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1)
    return 0;
  gboolean lenient = data[0] & 1;
  g_autofree char *text = g_strndup ((const char *) data + 1, size - 1);

  double v = 0;
  if (numbers_parse (text, &v))
    FUZZ_CHECK (isfinite (v) && v >= 0, "parsed %g", v);

  g_autofree char *strict = normalize_text (text, FALSE);
  g_autofree char *norm = normalize_text (text, lenient);
  FUZZ_CHECK (g_utf8_validate (norm, -1, NULL), "normalized is not UTF-8");
  if (lenient) {
    g_autofree char *folded = normalize_fold_diacritics (strict);
    FUZZ_CHECK (strcmp (folded, norm) == 0,
                "folded \"%s\" but lenient \"%s\"", folded, norm);
  }
  g_autofree char *phrase = normalize_phrase (norm, lenient);
  size_t plen = strlen (phrase);
  FUZZ_CHECK (plen == 0 || (phrase[0] == ' ' && phrase[plen - 1] == ' '),
              "phrase \"%s\" not framed by spaces", phrase);

  size_t n = strlen (norm);
  g_autoptr (GArray) ms = numbers_scan (norm, lenient);
  gsize last = 0;
  for (guint i = 0; i < ms->len; i++) {
    const NumbersMention *m = &g_array_index (ms, NumbersMention, i);
    FUZZ_CHECK (m->start <= m->end && m->end <= n, "span %zu..%zu of %zu",
                m->start, m->end, n);
    FUZZ_CHECK (m->start >= last, "mention %u out of order", i);
    last = m->start;
    FUZZ_CHECK (!isnan (m->lo) && !isnan (m->hi), "NaN in mention %u", i);
    switch (m->bound) {
    case NUMBERS_EXACT:
    case NUMBERS_AT_MOST:
    case NUMBERS_AT_LEAST:
      FUZZ_CHECK (m->lo == m->hi, "bound %d with %g..%g", m->bound, m->lo,
                  m->hi);
      break;
    case NUMBERS_RANGE:
      FUZZ_CHECK (m->lo < m->hi, "range %g..%g", m->lo, m->hi);
      break;
    default:
      FUZZ_CHECK (FALSE, "unknown bound %d", m->bound);
    }
    FUZZ_CHECK (numbers_unit_name (m->unit) != NULL, "unit %d", m->unit);
    g_autofree char *shown = numbers_format (m->lo, m->unit);
    FUZZ_CHECK (shown != NULL && g_utf8_validate (shown, -1, NULL),
                "format of %g", m->lo);
  }
  return 0;
}
