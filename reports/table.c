#include "reports/table.h"

#include "reports/escape.h"
#include "reports/htmlw.h"
#include "reports/markdown.h"

typedef struct {
  char *text;
  gboolean num;
} Cell;

struct _Table {
  GStrv cols;
  GPtrArray *rows; /* GArray of Cell */
};

static void
row_free (gpointer p)
{
  GArray *row = p;
  for (guint i = 0; i < row->len; i++)
    g_free (g_array_index (row, Cell, i).text);
  g_array_unref (row);
}

Table *
table_new (const char *const *cols)
{
  Table *t = g_new0 (Table, 1);
  t->cols = g_strdupv ((char **) cols);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  return t;
}

void
table_free (Table *t)
{
  if (t == NULL)
    return;
  g_strfreev (t->cols);
  g_ptr_array_unref (t->rows);
  g_free (t);
}

void
table_row (Table *t)
{
  g_ptr_array_add (t->rows, g_array_new (FALSE, FALSE, sizeof (Cell)));
}

static void
add (Table *t, char *text, gboolean num)
{
  g_return_if_fail (t->rows->len > 0);
  Cell c = { text, num };
  g_array_append_val (g_ptr_array_index (t->rows, t->rows->len - 1), c);
}

void
table_cell (Table *t, const char *text)
{
  add (t, g_strdup (text ? text : ""), FALSE);
}

void
table_cell_take (Table *t, char *text)
{
  add (t, text ? text : g_strdup (""), FALSE);
}

void
table_num_take (Table *t, char *text)
{
  add (t, text ? text : g_strdup (""), TRUE);
}

guint
table_rows (const Table *t)
{
  return t->rows->len;
}

void
table_html (GString *o, const Table *t, const char *cls)
{
  htmlw_table (o, cls, (const char *const *) t->cols);
  for (guint r = 0; r < t->rows->len; r++) {
    GArray *row = g_ptr_array_index (t->rows, r);
    g_string_append (o, "<tr>");
    for (guint c = 0; c < row->len; c++) {
      const Cell *cell = &g_array_index (row, Cell, c);
      g_string_append (o, cell->num ? "<td class=\"n\">" : "<td>");
      htmlw_text (o, cell->text);
      g_string_append (o, "</td>");
    }
    g_string_append (o, "</tr>\n");
  }
  htmlw_table_end (o);
}

static void
md_cell (GString *o, const char *text)
{
  if ((gsize) g_utf8_strlen (text, -1) <= MARKDOWN_CELL_MAX) {
    escape_md (o, text);
    return;
  }
  const char *end = g_utf8_offset_to_pointer (text, MARKDOWN_CELL_MAX);
  g_autofree char *cut = g_strndup (text, (gsize) (end - text));
  escape_md (o, cut);
  g_string_append (o, "…");
}

void
table_markdown (GString *o, const Table *t)
{
  guint n = g_strv_length (t->cols);
  g_string_append (o, "|");
  for (guint c = 0; c < n; c++) {
    g_string_append_c (o, ' ');
    md_cell (o, t->cols[c]);
    g_string_append (o, " |");
  }
  g_string_append (o, "\n|");
  for (guint c = 0; c < n; c++) {
    gboolean num = FALSE;
    if (t->rows->len > 0) {
      GArray *first = g_ptr_array_index (t->rows, 0);
      num = c < first->len && g_array_index (first, Cell, c).num;
    }
    g_string_append (o, num ? "---:|" : "---|");
  }
  g_string_append_c (o, '\n');
  for (guint r = 0; r < t->rows->len; r++) {
    GArray *row = g_ptr_array_index (t->rows, r);
    g_string_append (o, "|");
    for (guint c = 0; c < row->len; c++) {
      g_string_append_c (o, ' ');
      md_cell (o, g_array_index (row, Cell, c).text);
      g_string_append (o, " |");
    }
    g_string_append_c (o, '\n');
  }
}
