/* Legal document numbers (scoring/citation.c) in any text and in its
 * normalized form: mentions lie inside the text, in order, each matches
 * its own canonical form, and citation_canonical is the first one's. */
#include "fuzz.h"

#include "scoring/citation.h"
#include "scoring/normalize.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  fuzz_init_glib ();
  return 0;
}

static void
check (const char *text)
{
  size_t n = strlen (text);
  g_autoptr (GPtrArray) ms = citation_scan (text);
  gsize last = 0;
  for (guint i = 0; i < ms->len; i++) {
    const CitationMention *m = g_ptr_array_index (ms, i);
    FUZZ_CHECK (m->start <= m->end && m->end <= n, "span %zu..%zu of %zu",
                m->start, m->end, n);
    FUZZ_CHECK (m->start >= last, "mention %u out of order", i);
    last = m->start;
    FUZZ_CHECK (m->canonical != NULL && *m->canonical != '\0'
                    && g_utf8_validate (m->canonical, -1, NULL),
                "canonical form of mention %u", i);
    FUZZ_CHECK (citation_matches (m, m->canonical),
                "%s does not match itself", m->canonical);
  }
  g_autofree char *first = citation_canonical (text);
  if (ms->len == 0)
    FUZZ_CHECK (first == NULL, "canonical %s without a mention", first);
  else
    FUZZ_CHECK (first != NULL
                    && strcmp (first, ((CitationMention *) g_ptr_array_index (
                                          ms, 0))->canonical) == 0,
                "canonical %s is not the first mention's", first);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  if (g_utf8_validate (text, -1, NULL))
    check (text);
  g_autofree char *norm = normalize_text (text, FALSE);
  check (norm);
  return 0;
}
