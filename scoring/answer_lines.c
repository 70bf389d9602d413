/* What a raw line of an answer is, before answer.c reads it: a table's
 * rule or row, a list item, a line that introduces what follows, a
 * heading (Markdown, wholly bold, a portal's decorated or record title).
 * Split from answer.c, which builds the answer's parts from them. Pure. */
#include "scoring/answer_lines.h"

#include <string.h>

gboolean
answer_line_is_table_rule (const char *s, gsize n)
{
  gboolean dash = FALSE;
  for (gsize i = 0; i < n; i++) {
    if (s[i] == '-')
      dash = TRUE;
    else if (!strchr ("|: \t", s[i]))
      return FALSE;
  }
  return dash;
}

gboolean
answer_line_is_table_row (const char *s, gsize n)
{
  guint pipes = 0;
  for (gsize i = 0; i < n; i++)
    pipes += s[i] == '|';
  return (n > 0 && s[0] == '|' && pipes >= 2) || pipes >= 3;
}

/* "- ", "* ", "• ", "1. ", "2) ", "a) ": a list item. */
gboolean
answer_line_is_list_item (const char *s, gsize n)
{
  if (n >= 2 && strchr ("-*+", s[0]) && s[1] == ' ')
    return TRUE;
  if (n >= 4 && (guchar) s[0] == 0xE2 && (guchar) s[1] == 0x80
      && ((guchar) s[2] == 0xA2 || (guchar) s[2] == 0x93) && s[3] == ' ')
    return TRUE; /* • – */
  gsize d = 0;
  while (d < n && d < 3 && g_ascii_isdigit (s[d]))
    d++;
  if (d > 0 && d + 1 < n && (s[d] == '.' || s[d] == ')') && s[d + 1] == ' ')
    return TRUE;
  return n >= 3 && g_ascii_isalpha (s[0]) && s[1] == ')' && s[2] == ' ';
}

static guint
count_words (const char *s, gsize n)
{
  guint w = 0;
  gboolean in = FALSE;
  for (gsize i = 0; i < n; i++) {
    gboolean sp = s[i] == ' ' || s[i] == '\t';
    w += !sp && !in;
    in = !sp;
  }
  return w;
}

/* A line ending with ':' (markup around it allowed): it introduces what
 * follows, however long. */
gboolean
answer_line_is_intro (const char *s, gsize n)
{
  while (n > 0 && strchr ("*_ \t", s[n - 1]))
    n--;
  return n > 0 && s[n - 1] == ':' && count_words (s, n) <= 80;
}

/* "■ CƠ QUAN THỰC HIỆN", "┌ VĂN BẢN BỊ THAY THẾ", "【PHÍ, LỆ PHÍ】": a
 * portal's field title, a symbol (no letter, digit or ASCII) then a few
 * words in capitals, perhaps a note in parentheses. An all-capitals line without the symbol may be chat
 * typed with caps lock, so it is no heading. */
static gboolean
is_decorated_heading (const char *s, gsize n)
{
  const char *end = s + n, *q = s;
  gboolean symbol = FALSE, upper = FALSE;
  while (q < end && (guchar) *q >= 0x80) {
    gunichar c = g_utf8_get_char_validated (q, end - q);
    if (c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_isalnum (c))
      return FALSE;
    symbol = TRUE;
    q = g_utf8_next_char (q);
  }
  /* "■ LỊCH SỬ MỨC THU (để tham khảo, không áp dụng nữa)": the title in
   * capitals, a note in parentheses after it */
  const char *paren = memchr (q, '(', end - q);
  if (paren != NULL && paren > q && end[-1] == ')')
    end = paren;
  if (!symbol || count_words (q, end - q) > 10)
    return FALSE;
  while (q < end) {
    gunichar c = g_utf8_get_char_validated (q, end - q);
    if (c == (gunichar) -1 || c == (gunichar) -2 || g_unichar_islower (c)
        || c == '.')
      return FALSE;
    upper = upper || g_unichar_isupper (c);
    q = g_utf8_next_char (q);
  }
  return upper;
}

/* A sentence stop in s[0, n): a dot that ends s or comes before a space
 * ("a.vn", "1.000" have none). */
static gboolean
has_stop (const char *s, gsize n)
{
  for (const char *d = memchr (s, '.', n); d != NULL;
       d = memchr (d + 1, '.', n - (gsize) (d + 1 - s)))
    if ((gsize) (d + 1 - s) == n || d[1] == ' ')
      return TRUE;
  return FALSE;
}

/* "THỦ TỤC: ĐĂNG KÝ TẠM TRÚ (mã 1.004194)", "(*) Thủ tục: Tách hộ": a
 * procedure record's title, as portals print it over its numbered
 * fields — a label, then a name with no sentence stop. */
static gboolean
is_record_title (const char *s, gsize n)
{
  static const char *const labels[] = {"thủ tục:", "tên thủ tục:",
                                       "procedure:"};
  gsize i = 0;
  while (i < n && !g_ascii_isalnum (s[i]) && (guchar) s[i] < 0x80)
    i++; /* "(*) ", "- " */
  if (i < n && (i == 0 || s[i - 1] == ' ') && s[i] == '*')
    return FALSE; /* bold is is_heading's */
  g_autofree char *head = g_utf8_casefold (s + i, MIN (n - i, (gsize) 24));
  for (gsize k = 0; k < G_N_ELEMENTS (labels); k++) {
    gsize len = strlen (labels[k]);
    if (strncmp (head, labels[k], len) != 0)
      continue;
    guint words = count_words (s + i, n - i);
    return words >= 3 && words <= 20 && !has_stop (s + i, n - i);
  }
  return FALSE;
}

/* The end of s[0, n) past a closing colon, spaces and pictograms
 * ("**Làm ở đâu?** 📱", "**Câu trả lời** ✅": an easy-read page's
 * headings). */
static gsize
trim_heading_end (const char *s, gsize n)
{
  gsize e = n;
  while (e > 0) {
    if (s[e - 1] == ':' || s[e - 1] == ' ') {
      e--;
      continue;
    }
    const char *c = g_utf8_find_prev_char (s, s + e);
    if (c == NULL || (guchar) *c < 0x80)
      break;
    gunichar u = g_utf8_get_char_validated (c, (gssize) (s + e - c));
    gboolean pictogram = u != (gunichar) -1 && u != (gunichar) -2
                         && (g_unichar_type (u) == G_UNICODE_OTHER_SYMBOL
                             || g_unichar_type (u) == G_UNICODE_MODIFIER_SYMBOL
                             || (u >= 0xFE00 && u <= 0xFE0F) || u == 0x200D);
    if (!pictogram)
      break; /* a letter, an accent, a quotation mark ends the line */
    e = (gsize) (c - s); /* a symbol, a variation selector, a joiner */
  }
  return e;
}

/* Past leading pictograms and spaces ("🌤️ **BẢN TIN …**"): the offset
 * of the line's first other character. */
static gsize
skip_lead_pictograms (const char *s, gsize n)
{
  gsize i = 0;
  while (i < n) {
    if (s[i] == ' ') {
      i++;
      continue;
    }
    if ((guchar) s[i] < 0x80)
      break;
    gunichar u = g_utf8_get_char_validated (s + i, (gssize) (n - i));
    if (u == (gunichar) -1 || u == (gunichar) -2
        || !(g_unichar_type (u) == G_UNICODE_OTHER_SYMBOL
             || g_unichar_type (u) == G_UNICODE_MODIFIER_SYMBOL
             || (u >= 0xFE00 && u <= 0xFE0F) || u == 0x200D))
      break;
    i = (gsize) (g_utf8_next_char (s + i) - s);
  }
  return i;
}

/* "# Lệ phí", a line wholly in bold (past a pictogram: "🌤️ **BẢN TIN
 * DỰ BÁO THỦ TỤC – GIA HẠN TẠM TRÚ**"), a portal's decorated title or a
 * procedure record's. */
gboolean
answer_line_is_heading (const char *s, gsize n)
{
  if (n > 0 && s[0] == '#')
    return TRUE;
  if (is_decorated_heading (s, n) || is_record_title (s, n))
    return TRUE;
  gsize lead = skip_lead_pictograms (s, n);
  if (lead > 0 && lead < n && s[lead] == '*')
    s += lead, n -= lead;
  if (n < 5 || strncmp (s, "**", 2) != 0)
    return FALSE;
  gsize e = trim_heading_end (s, n);
  if (e < 4 || strncmp (s + e - 2, "**", 2) != 0)
    return FALSE;
  if (memchr (s + 2, '*', e - 4) != NULL)
    return FALSE;
  /* a long title ("**Thủ tục: Cấp lại Giấy xác nhận … (bị mất, hư
   * hại)**") has no sentence stop; a bolded sentence does */
  guint words = count_words (s, n);
  /* … and the dot of a section number is no stop ("**1. Sửa đổi, bổ
   * sung văn bản xác nhận thông báo hoạt động bưu chính**") */
  gsize from = 2;
  while (from < e - 2 && g_ascii_isdigit (s[from]))
    from++;
  if (from > 2 && from < e - 2 && s[from] == '.')
    from++;
  else
    from = 2;
  return words <= 14 || (words <= 24 && !has_stop (s + from, e - 2 - from));
}
