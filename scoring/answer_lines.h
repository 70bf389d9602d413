/* What a raw line of an answer (s, n bytes, markup kept, the quote marks
 * and indentation stripped) is, as answer.c reads it. Pure. */
#ifndef VABENCH_SCORING_ANSWER_LINES_H
#define VABENCH_SCORING_ANSWER_LINES_H

#include <glib.h>

/* "|---|:---:|": the rule under a table's header. */
gboolean answer_line_is_table_rule (const char *s, gsize n);
/* "| Lệ phí | 15.000 đồng |": a pipe-table row. */
gboolean answer_line_is_table_row (const char *s, gsize n);
/* "- ", "* ", "• ", "1. ", "2) ", "a) ": a list item. */
gboolean answer_line_is_list_item (const char *s, gsize n);
/* A line ending with ':' (markup around it allowed): it introduces what
 * follows, however long. */
gboolean answer_line_is_intro (const char *s, gsize n);
/* "# Lệ phí", a line wholly in bold (pictograms after it allowed), a
 * portal's decorated title ("■ CƠ QUAN THỰC HIỆN") or a procedure
 * record's ("THỦ TỤC: ĐĂNG KÝ TẠM TRÚ"). */
gboolean answer_line_is_heading (const char *s, gsize n);

#endif
