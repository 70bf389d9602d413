/* An answer read as a careful grader reads it: cut into parts (sentences,
 * headings, list items, table cells) that keep their context — the heading
 * above, the line that introduces a list, a cell's row and column headers —
 * each normalized and cut into words with its cues. Claims (claims.h) and
 * the matchers work on parts, so a value is read with what it is about.
 * Pure: memory in, memory out. */
#ifndef ANSWER_H
#define ANSWER_H

#include "scoring/cues.h"
#include "scoring/names.h"

#include <glib.h>
#include <string.h>

typedef enum {
  PART_TEXT,    /* a sentence of running text */
  PART_HEADING, /* a Markdown heading or a bold line */
  PART_INTRO,   /* a short line ending with ':' that introduces what follows */
  PART_ITEM,    /* a list item */
  PART_CELL,    /* a table cell */
  PART_HEAD,    /* a table header cell */
  PART_GLOSS,   /* the Vietnamese gloss of an English part (cues_gloss) */
} PartKind;

typedef struct {
  PartKind kind;
  gint heading;   /* part index of the governing heading, or -1 */
  gint intro;     /* part index of the introducing line, or -1 */
  gint row_head;  /* cells: the row's first cell, or -1 */
  gint col_head;  /* cells: the column's header cell, or -1 */
  guint line;     /* line of the answer it comes from, from 1 */
  guint block;    /* parts of one paragraph, list or table share it */
  guint row, col; /* cells: 0-based row (header = 0) and column */
  gboolean quoted; /* said by the citizen in a transcript ("Người dân: …"),
                      or quoted from a retrieved source ("[Nguồn 1] …"),
                      not by the assistant */
  gboolean passage; /* quoted from a retrieved source */
  gboolean glossed; /* an English part whose PART_GLOSS follows: its values
                       are read there, with the Vietnamese cues in place */
  char *norm;     /* normalize_text form (the answer's mode) */
  char *phrase;   /* normalize_phrase of norm, paraphrases made one
                     (names_canonical): " a b c " */
  GArray *phrase_src; /* guint per word of phrase: its index in words */
  NamesWordSet phrase_words; /* the words of phrase (names_word_set) */
  char *agency, *agency_cap; /* agency forms of phrase without and with
                                "cấp" (names.h), made by answer_agency */
  GArray *agency_src, *agency_cap_src;
  NamesWordSet agency_words, agency_cap_words; /* words of those forms */
  GArray *words;  /* CueWord over norm */
  GArray *cues;   /* CueHit */
  guint *groups;  /* per word: its parenthesis group (0 outside), made on
                     first use by claims.c */
  guint8 *starts; /* per word: TRUE when a clause starts there (after ", "
                     ";" ". " outside parentheses, or at và, nhưng, mà …) */
  GArray *amounts;   /* NumbersMention over norm, after answer_scan */
  GArray *dates;     /* DatesMention over norm, after answer_scan */
  GPtrArray *cites;  /* CitationMention*, after answer_scan */
} AnswerPart;

typedef struct {
  gboolean lenient;    /* every part in the diacritic-free form */
  gboolean unaccented; /* written wholly without Vietnamese diacritics */
  gboolean english;    /* reads as English or mixed (a gloss was added) */
  GPtrArray *parts;    /* AnswerPart* in reading order */
  void *periods;       /* claims_period.c's labels, made on first use */
} Answer;

/* Reads text (len bytes; a NUL inside is read as a space) in the strict
 * form. Returns a new Answer, free with answer_free. */
Answer *answer_new (const char *text, gsize len);

/* The same answer in the lenient (diacritic-free) form. New. */
Answer *answer_fold (const Answer *strict);

void answer_free (Answer *a); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Answer, answer_free)

/* What answer_scan looks for. */
enum { ANSWER_AMOUNTS = 1, ANSWER_DATES = 2, ANSWER_CITES = 4 };

/* Finds the amounts and durations, dates and citations of every part (the
 * kinds in what) unless already found. */
void answer_scan (Answer *a, guint what);

/* Whether word i of p (its normalized form) is w; FALSE past the end.
 * Inline: the matchers ask it of string literals, whose length the
 * compiler then knows (a call with a strlen was 3 % of judging). */
static inline gboolean
answer_word_is (const AnswerPart *p, guint i, const char *w)
{
  if (i >= p->words->len)
    return FALSE;
  const CueWord *cw = &g_array_index (p->words, CueWord, i);
  gsize n = strlen (w);
  return n == cw->end - cw->start && memcmp (w, p->norm + cw->start, n) == 0;
}

/* Whether words i and j of p are the same word. */
static inline gboolean
answer_words_same (const AnswerPart *p, guint i, guint j)
{
  const CueWord *a = &g_array_index (p->words, CueWord, i);
  const CueWord *b = &g_array_index (p->words, CueWord, j);
  return a->end - a->start == b->end - b->start
         && memcmp (p->norm + a->start, p->norm + b->start, a->end - a->start) == 0;
}

/* Makes the part's agency form unless made, and the one keeping "cấp"
 * when with_cap. */
void answer_agency (AnswerPart *p, gboolean lenient, gboolean with_cap);

/* Whether a normalized sentence is a question (it ends with "?", past
 * markup and closing quotes): it asserts nothing ("*Bộ Thông tin và
 * Truyền thông còn nhận hồ sơ không?*" in a list of questions and
 * answers, a restated question). Parts that ask, other than headings and
 * list intros, are marked quoted. */
gboolean answer_text_asks (const char *norm);

/* The word of p->words that word k of a phrase form with map src comes
 * from (k itself past the map's end). */
guint answer_source_word (const GArray *src, guint k);

/* Borrowed part i. */
static inline AnswerPart *
answer_part (const Answer *a, guint i)
{
  return a->parts->pdata[i];
}

/* The first part of part i's line. */
static inline guint
answer_line_start (const Answer *a, guint i)
{
  guint line = answer_part (a, i)->line;
  while (i > 0 && answer_part (a, i - 1)->line == line)
    i--;
  return i;
}

/* The first word of the sentence of word w of p: back to a word that
 * follows a stop (". ", "; ", "? "), or 0. */
static inline guint
answer_sentence_start (const AnswerPart *p, guint w)
{
  while (w > 0 && !(g_array_index (p->words, CueWord, w).gap & CUE_GAP_STOP))
    w--;
  return w;
}

/* The word past the sentence of word w of p: the next word after a stop,
 * or the part's length. */
static inline guint
answer_sentence_end (const AnswerPart *p, guint w)
{
  while (w < p->words->len
         && !(g_array_index (p->words, CueWord, w).gap & CUE_GAP_STOP))
    w++;
  return w;
}

#endif
