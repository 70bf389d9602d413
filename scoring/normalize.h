/* Vietnamese answer text → the canonical form every matcher works on
 * (scoring/README.md "Normalization"). Pure: memory in, memory out. */
#ifndef NORMALIZE_H
#define NORMALIZE_H

#include <glib.h>

/* Markdown and HTML markup removed (tags, entities decoded, emphasis,
 * headings, bullets, table pipes, link targets, bare URLs). Bytes in, bytes
 * out; invalid UTF-8 passes through. Returns newly allocated, free with
 * g_free. */
char *normalize_strip_markup (const char *text);

/* The main form: markup stripped, invalid UTF-8 repaired, NFC, case folded,
 * look-alike letters unified (Ð U+00D0 → đ), tone marks re-placed in the new
 * style, i/y variants unified (lý → lí), dashes/quotes/spaces folded, runs of
 * white space collapsed to one space. With lenient, every diacritic is then
 * dropped too (đ → d) — the form of the separate lenient score only.
 * NULL gives "". Returns newly allocated, free with g_free. */
char *normalize_text (const char *text, gboolean lenient);

/* The lenient form of a text that normalize_text (text, FALSE) gave: every
 * diacritic dropped, đ → d. Equal to normalize_text (text, TRUE) but a
 * table lookup per character. Newly allocated, free with g_free. */
char *normalize_fold_diacritics (const char *normalized);

/* Phrase form of an already normalized text: every character that is not a
 * letter or a digit becomes a space, common administrative abbreviations are
 * expanded (UBND → uỷ ban nhân dân), words are separated by exactly one
 * space and the result starts and ends with a space, so " word " finds whole
 * words with strstr. Returns newly allocated, free with g_free. */
char *normalize_phrase (const char *normalized, gboolean lenient);

/* The same, appending to source (a GArray of guint) the index of the run
 * of letters and digits of normalized that each word of the phrase form
 * comes from (an expanded abbreviation gives several words one source):
 * a name found in the phrase form is read back in its sentence. */
char *normalize_phrase_mapped (const char *normalized, gboolean lenient,
                               GArray *source);

/* Convenience: normalize_phrase (normalize_text (text)). Newly allocated. */
char *normalize_phrase_of (const char *text, gboolean lenient);

/* TRUE when haystack_phrase (a phrase form) contains needle_phrase (a phrase
 * form) on word boundaries; *at receives the byte offset of the match in
 * haystack_phrase (of the space before the first word) when not NULL. */
gboolean normalize_phrase_find (const char *haystack_phrase,
                                const char *needle_phrase, gsize *at);

#endif
