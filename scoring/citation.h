/* Legal document numbers (DOMAIN.md §6) found in answers and keys, in a
 * canonical form so that "Nghị định số 01/2021/NĐ-CP" ≡ "NĐ 01/2021/NĐ-CP"
 * ≡ "01/2021/ND-CP". Pure. */
#ifndef CITATION_H
#define CITATION_H

#include <glib.h>

typedef struct {
  char *canonical; /* "1/2021/ND-CP", "24/2023/QH15", "1291/QD-BTTTT",
                      "57-NQ/TW", or "75/2022" when the answer gave no type */
  char *number_year; /* "1/2021" (NUM/YEAR), or NULL for forms without year */
  gsize start, end;  /* byte span in the scanned text */
} CitationMention;

void citation_mention_free (CitationMention *m); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CitationMention, citation_mention_free)

/* Every document number in text (any normalization; a normalize_text form
 * gives spans in that form). Returns a new array of CitationMention*, in
 * text order, free with g_ptr_array_unref. */
GPtrArray *citation_scan (const char *text);

/* Canonical form of the first document number in text, or NULL when there
 * is none. Newly allocated, free with g_free. */
char *citation_canonical (const char *text);

/* TRUE when mention cites the document whose canonical form is key: equal
 * forms, or the mention's NUM/YEAR equals the key's and the mention gave no
 * type ("Thông tư 75/2022" for 75/2022/TT-BTC). */
gboolean citation_matches (const CitationMention *mention, const char *key);

#endif
