/* An answer's layout made Markdown before it is read (scoring/answer.c):
 * HTML block tags become lines, headings and table rows; a plain-text
 * table aligned with spaces under a rule of dashes becomes a pipe table;
 * a short label over the lines it titles gets its colon; a Roman-numbered
 * title in capitals ("II. NỘI DUNG TRẢ LỜI") becomes a heading.
 * A step of answer_new, apart because it rewrites the raw text. Pure. */
#ifndef VABENCH_SCORING_ANSWER_LAYOUT_H
#define VABENCH_SCORING_ANSWER_LAYOUT_H

#include <glib.h>

/* text (len bytes; a NUL inside becomes a space) with its layout made
 * Markdown. New string. */
char *answer_layout_prepare (const char *text, gsize len);

/* Pipe-table rows (the text between the outer pipes, n bytes), as
 * answer.c reads them: whether the row repeats a filled cell (a header's
 * merged groups spread over their columns), and whether every filled
 * cell, two or more, is wholly bold (a header's second level). */
gboolean answer_row_repeats_a_cell (const char *s, gsize n);
gboolean answer_row_all_bold (const char *s, gsize n);

#endif
