/* A table of text cells built once and written as HTML (reports/htmlw.h)
 * or as a Markdown table (cells escaped and cut as report.md cuts them):
 * the sections that appear in both formats (appeals, integrity, private
 * reports) fill one model instead of writing each format by hand. */
#ifndef TABLE_H
#define TABLE_H

#include "reports/report.h"

typedef struct _Table Table;

/* cols: the headings, NULL-terminated (copied). */
Table *table_new (const char *const *cols);
void table_free (Table *t); /* NULL is a no-op */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Table, table_free)

/* Starts a row; the cells that follow fill it from the left. */
void table_row (Table *t);
/* A text cell (copied; NULL is empty), one that takes its text, and a
 * number (right-aligned in HTML) that takes its text. */
void table_cell (Table *t, const char *text);
void table_cell_take (Table *t, char *text);
void table_num_take (Table *t, char *text);

guint table_rows (const Table *t);

/* <table class=CLASS> (may be NULL) with a head that repeats on every
 * printed page. */
void table_html (GString *o, const Table *t, const char *cls);
/* A Markdown table; each cell cut after MARKDOWN_CELL_MAX characters
 * (reports/markdown.h), newlines as spaces. */
void table_markdown (GString *o, const Table *t);

#endif
