/* Units given elsewhere (scoring/answer_units.h). */
#include "scoring/answer_units.h"

#include <stdlib.h>
#include <string.h>

/* The unit a table header or an "(đơn vị tính: đồng)" line gives bare
 * numbers, or NULL. */
static const char *
declared_unit (const char *norm, gboolean header)
{
  gboolean decl = strstr (norm, "đơn vị") != NULL || strstr (norm, "đvt") != NULL;
  if (!decl && !header)
    return NULL;
  if (strstr (norm, "nghìn đồng") || strstr (norm, "ngàn đồng"))
    return "nghìn đồng";
  if (strstr (norm, "đồng") || strstr (norm, "vnđ") || strstr (norm, "vnd")
      || strstr (norm, "(đ)"))
    return "đồng";
  if (header && strstr (norm, "ngày làm việc"))
    return "ngày làm việc";
  return NULL;
}

/* A header that names a fee gives a bare amount its currency. */
static gboolean
names_fee (const char *norm)
{
  return strstr (norm, "phí") != NULL || strstr (norm, "mức thu") != NULL
         || strstr (norm, "giá") != NULL;
}

/* The cell is one number of four digits or more ("15.000"). */
static gboolean
bare_amount (const char *norm)
{
  guint digits = 0;
  for (const char *p = norm; *p; p++) {
    if (g_ascii_isdigit (*p))
      digits++;
    else if (*p != '.' && *p != ',' && *p != ' ')
      return FALSE;
  }
  return digits >= 4;
}

/* Puts unit after every bare amount of the part: one ending the part, or
 * followed by "/" ("2.000/trang" → "2.000 đồng/trang"). Dates and codes
 * (digits after '/' or a letter) are left alone. */
static void
append_unit (AnswerPart *p, const char *unit)
{
  GString *out = g_string_sized_new (strlen (p->norm) + 32);
  const char *s = p->norm;
  gboolean changed = FALSE;
  for (gsize i = 0; s[i];) {
    if (!g_ascii_isdigit (s[i]) || (i > 0 && (s[i - 1] == '/'
                                              || g_ascii_isalnum (s[i - 1])))) {
      g_string_append_c (out, s[i++]);
      continue;
    }
    gsize j = i;
    while (g_ascii_isdigit (s[j]) || ((s[j] == '.' || s[j] == ',')
                                      && g_ascii_isdigit (s[j + 1])))
      j++;
    g_string_append_len (out, s + i, (gssize) (j - i));
    gsize k = j;
    while (s[k] == ' ')
      k++;
    if (s[k] == '\0' || (s[k] == '/' && g_ascii_isalpha (s[k + 1]))) {
      g_string_append_c (out, ' ');
      g_string_append (out, unit);
      changed = TRUE;
    }
    i = j;
  }
  if (changed) {
    g_free (p->norm);
    p->norm = g_string_free (out, FALSE);
  } else
    g_string_free (out, TRUE);
}

/* A column of row numbers ("STT", "TT", "#"), or a first column that
 * counts its rows whatever its header ("| Ngày làm việc | Ngày |" over
 * "| 1 | Thứ Ba 08/12/2026 |", "| 2 | …"): its cells count rows. */
static gboolean
index_column (const Answer *a, const AnswerPart *p)
{
  static const char *const heads[] = {"stt", "tt", "số tt", "số thứ tự",
                                      "thứ tự", "#", "no", "no.", "so tt"};
  if (p->kind != PART_CELL || p->col_head < 0)
    return FALSE;
  if (p->col == 0 && p->norm[0] != '\0'
      && p->norm[strspn (p->norm, "0123456789")] == '\0'
      && strtoul (p->norm, NULL, 10) == p->row)
    return TRUE;
  const char *hn = answer_part (a, (guint) p->col_head)->norm;
  for (gsize i = 0; i < G_N_ELEMENTS (heads); i++)
    if (strcmp (hn, heads[i]) == 0)
      return TRUE;
  return FALSE;
}

void
answer_units_complete (Answer *a)
{
  /* a declaration anywhere in a block serves the block's bare numbers */
  g_autoptr (GHashTable) block_unit = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < a->parts->len; i++) {
    AnswerPart *p = answer_part (a, i);
    const char *u = p->kind == PART_HEAD ? NULL : declared_unit (p->norm, FALSE);
    if (u) { /* its block, and the list just above a footnote */
      g_hash_table_insert (block_unit, GUINT_TO_POINTER (p->block + 1),
                           (gpointer) u);
      if (p->block > 0 && !g_hash_table_contains (
                              block_unit, GUINT_TO_POINTER (p->block)))
        g_hash_table_insert (block_unit, GUINT_TO_POINTER (p->block),
                             (gpointer) u);
    }
  }
  for (guint i = 0; i < a->parts->len; i++) {
    AnswerPart *p = answer_part (a, i);
    const char *u = g_hash_table_lookup (block_unit,
                                         GUINT_TO_POINTER (p->block + 1));
    for (int h = 0; u == NULL && h < 2 && p->kind == PART_CELL; h++) {
      gint head = h == 0 ? p->col_head : p->row_head;
      if (head < 0)
        continue;
      const char *hn = answer_part (a, (guint) head)->norm;
      u = declared_unit (hn, TRUE);
      if (u == NULL && names_fee (hn) && bare_amount (p->norm))
        u = "đồng";
    }
    if (u && !index_column (a, p))
      append_unit (p, u);
  }
}
