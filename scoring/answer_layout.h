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

#endif
