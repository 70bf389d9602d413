/* Names and phrases in the forms the matchers compare (phrase forms from
 * normalize_phrase: " a b c "). Every rewrite can carry a map from the
 * words of its result to the words of the answer they came from (src_in
 * → src_out, GArrays of guint, both NULL when not wanted), so a name found
 * is read back in its sentence for negation. Pure. */
#ifndef NAMES_H
#define NAMES_H

#include <glib.h>

/* The agency form of a phrase form: "CA" before a level word is công an,
 * the commune-level words (xã, phường, thị trấn, đặc khu) read as xã, the
 * province-level (tỉnh, thành phố) as tỉnh, the district-level (huyện,
 * quận, thị xã) as huyện — a ward's office is a commune's office since
 * 1/7/2025 — and, unless keep_cap, the word "cấp" is dropped (UBND cấp xã
 * ≡ UBND xã). Newly allocated, or NULL (and src_out untouched) when no
 * rule applies: the phrase is its own agency form. */
char *names_agency_form (const char *phrase, gboolean lenient,
                         gboolean keep_cap, const GArray *src_in,
                         GArray *src_out);

/* Paraphrases read as one wording ("hôm sau", "kế tiếp" → "tiếp theo"),
 * for both a key's phrases and an answer's. Newly allocated, or NULL when
 * no rule applies. */
char *names_canonical (const char *phrase, gboolean lenient,
                       const GArray *src_in, GArray *src_out);

/* The same, always a new string (the phrase copied when nothing
 * applies). */
char *names_agency_form_copy (const char *phrase, gboolean lenient,
                              gboolean keep_cap);
char *names_canonical_copy (const char *phrase, gboolean lenient);

/* TRUE when needle (a phrase form) is in hay (a phrase form) on word
 * boundaries, exactly or — for needles of three words or more — with at
 * most one extra word between two of its words and two in all, none of
 * them a negation ("đăng ký hộ khẩu thường trú" holds "đăng ký thường
 * trú"). *word (optional) receives the index in hay of the match's first
 * word, *words (optional) how many words of hay it spans. */
gboolean names_find (const char *hay, const char *needle, gboolean lenient,
                     guint *word, guint *words);

/* TRUE when needle (a phrase form of four words or more) is in hay with
 * one inner run of its words left out — at most a third of them, none a
 * negation or a figure: "tỉnh nào thuận lợi" says "tỉnh, thành phố nào
 * thuận lợi". The looser reading, for phrases no alias of which is found
 * whole; *word and *words as names_find's. */
gboolean names_find_elided (const char *hay, const char *needle,
                            gboolean lenient, guint *word, guint *words);

/* The words of a phrase form as a 256-bit set (two bits per word), to
 * tell at once that a name cannot be in a phrase: names_find matches a
 * needle " a b " only where each of its words is a word of hay, so a
 * needle whose set is not inside hay's is not there. As a needle's set,
 * a phrase not written " a b " (spaces at both ends) gives the empty set,
 * which every hay holds. */
typedef struct {
  guint64 bits[4];
} NamesWordSet;

void names_word_set (const char *phrase, gboolean needle, NamesWordSet *out);

/* TRUE when every bit of needle is in hay (names_find may find it). */
static inline gboolean
names_word_set_within (const NamesWordSet *needle, const NamesWordSet *hay)
{
  return ((needle->bits[0] & ~hay->bits[0]) | (needle->bits[1] & ~hay->bits[1])
          | (needle->bits[2] & ~hay->bits[2])
          | (needle->bits[3] & ~hay->bits[3]))
         == 0;
}

/* The number of words of a phrase form. */
guint names_word_count (const char *phrase);

#endif
