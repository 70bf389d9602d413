/* Layout made Markdown (scoring/answer_layout.h). */
#include "scoring/answer_layout.h"

#include <string.h>

/* Whether text is laid out by HTML block tags (a paragraph, a table row,
 * a list item, a heading): then its own line breaks are mere spaces, as a
 * browser reads them, and only the tags break lines. A Markdown answer
 * with a <br> in a cell is not: its lines stay. */
static gboolean
html_layout (const char *text, gsize len)
{
  static const char *const blocks[] = {"p>", "p ", "tr>", "tr ", "li>",
                                       "li ", "table", "div", "ul>", "ol>",
                                       "h1>", "h2>", "h3>", "h4>"};
  for (const char *lt = memchr (text, '<', len); lt != NULL;
       lt = memchr (lt + 1, '<', len - (gsize) (lt + 1 - text))) {
    gsize left = len - (gsize) (lt + 1 - text);
    for (gsize b = 0; b < G_N_ELEMENTS (blocks); b++) {
      gsize n = strlen (blocks[b]);
      if (left >= n && g_ascii_strncasecmp (lt + 1, blocks[b], n) == 0)
        return TRUE;
    }
    if (left == 0)
      break;
  }
  return FALSE;
}

/* HTML block tags become line breaks and cells pipes, so an HTML answer
 * has the structure of its Markdown twin; NUL bytes become spaces. */
static char *
prepare_html (const char *text, gsize len)
{
  GString *out = g_string_sized_new (len + 1);
  gboolean html = html_layout (text, len);
  for (gsize i = 0; i < len; i++) {
    char c = text[i];
    if (c == '\0' || (html && c == '\n')) {
      g_string_append_c (out, ' ');
      continue;
    }
    if (c == '\r')
      continue;
    if (c == '<' && i + 2 < len) {
      gsize j = i + 1 + (text[i + 1] == '/');
      gsize k = j;
      while (k < len && k < j + 10 && g_ascii_isalnum (text[k]))
        k++;
      g_autofree char *tag = g_ascii_strdown (text + j, (gssize) (k - j));
      const char *gt = memchr (text + i, '>', MIN (len - i, 512));
      static const char *const breaks[] = {"br", "p", "li", "tr", "h1", "h2",
                                           "h3", "h4", "h5", "h6", "div",
                                           "ul", "ol", "table"};
      gboolean br = FALSE;
      for (gsize t = 0; t < G_N_ELEMENTS (breaks) && !br; t++)
        br = strcmp (tag, breaks[t]) == 0;
      gboolean cell = !strcmp (tag, "td") || !strcmp (tag, "th");
      /* A row's cells are opened, not closed, by a pipe, and a row or a
       * list item ends where the next begins: their closing tags give
       * nothing, or "</tr><tr>" would be a blank line between rows, each
       * row a table of its own (and each item a list of its own). */
      gboolean closes_row_part = text[i + 1] == '/'
                                 && (cell || !strcmp (tag, "tr")
                                     || !strcmp (tag, "li"));
      if (gt != NULL && closes_row_part) {
        i = (gsize) (gt - text);
        continue;
      }
      /* "<h3>Ví dụ tính nhanh</h3>" is a heading as "### …" is, and
       * "<p><b>Lệ phí</b></p>" a bold line as "**Lệ phí**" is */
      gboolean heading = html && tag[0] == 'h' && tag[1] >= '1'
                         && tag[1] <= '6' && tag[2] == '\0';
      if (gt != NULL && heading && text[i + 1] != '/') {
        g_string_append (out, "\n### ");
        i = (gsize) (gt - text);
        continue;
      }
      if (gt != NULL && html && (!strcmp (tag, "b") || !strcmp (tag, "strong"))) {
        g_string_append (out, "**");
        i = (gsize) (gt - text);
        continue;
      }
      if (gt != NULL && (br || cell)) {
        g_string_append_c (out, br ? '\n' : '|');
        i = (gsize) (gt - text);
        continue;
      }
    }
    g_string_append_c (out, c);
  }
  return g_string_free (out, FALSE);
}

/* ---- tables aligned with spaces ------------------------------------------- */

/* "-----------  ---------  -----": a rule of two or more runs of dashes
 * (three or more each) apart by spaces. The runs' first characters, as
 * character columns, into starts (at most max); their count, or 0. */
static guint
rule_columns (const char *line, gsize n, glong *starts, guint max)
{
  guint runs = 0;
  glong col = 0;
  gsize i = 0;
  while (i < n) {
    if (line[i] == ' ') {
      i++, col++;
      continue;
    }
    if (line[i] != '-')
      return 0;
    gsize j = i;
    while (j < n && line[j] == '-')
      j++;
    if (j - i < 3)
      return 0;
    if (runs < max)
      starts[runs] = col;
    runs++;
    col += (glong) (j - i);
    i = j;
  }
  return runs >= 2 && runs <= max ? runs : 0;
}

/* line as a pipe row of cols cells: its fields (runs of text apart by two
 * spaces or more) each go to the column of the rule that starts at or
 * before it, two characters of slack allowed — a table typed by hand is
 * off by a column here and there, and an amount may outrun its dashes. */
static void
append_row (GString *out, const char *line, const glong *starts, guint cols)
{
  GString *cell[12];
  for (guint c = 0; c < cols; c++)
    cell[c] = g_string_new (NULL);
  glong col = 0;
  const char *p = line;
  while (*p) {
    if (*p == ' ' || *p == '\r' || *p == '\t') {
      p++, col++;
      continue;
    }
    const char *f = p;
    glong fcol = col;
    while (*p && !(p[0] == ' ' && (p[1] == ' ' || p[1] == '\0'))
           && *p != '\t' && *p != '\r') {
      p = g_utf8_next_char (p);
      col++;
    }
    guint c = 0;
    while (c + 1 < cols && starts[c + 1] <= fcol + 2)
      c++;
    if (cell[c]->len)
      g_string_append_c (cell[c], ' ');
    g_string_append_len (cell[c], f, p - f);
  }
  g_string_append (out, "|");
  for (guint c = 0; c < cols; c++) {
    g_string_append_printf (out, " %s |", cell[c]->str);
    g_string_free (cell[c], TRUE);
  }
  g_string_append_c (out, '\n');
}

/* The length of line l without its trailing spaces. */
static gsize
trimmed_len (const char *l)
{
  gsize len = strlen (l);
  while (len > 0 && (l[len - 1] == ' ' || l[len - 1] == '\r'))
    len--;
  return len;
}

/* "Thời hạn" over "  Ngay trong ngày tiếp nhận; …": a short line with no
 * closing punctuation, flush left, over lines indented by two spaces or
 * more — or of at most four words, opening its paragraph ("Trước đây",
 * "Hiện nay") — introduces them, as "Thời hạn:" would. */
static gboolean
titles_indented (char **lines, guint n, guint i)
{
  const char *l = lines[i];
  gsize len = trimmed_len (l);
  if (len == 0 || l[0] == ' ' || l[0] == '\t' || l[0] == '|' || l[0] == '#'
      || l[0] == '-' || l[0] == '*' || i + 1 >= n
      || strchr (".:;?!,", l[len - 1]) != NULL
      || g_utf8_strlen (l, (gssize) len) > 80)
    return FALSE;
  const char *next = lines[i + 1];
  if (next[strspn (next, " \t\r")] == '\0' || next[0] == '-')
    return FALSE; /* a blank line, or the rule under a table's header */
  if (next[0] == ' ' && next[1] == ' ')
    return TRUE;
  /* "Trước đây" / "Hiện nay" alone in their paragraph's first line: a
   * label of at most four words over the lines it titles */
  guint words = 1;
  for (gsize k = 0; k < len; k++) {
    if (l[k] == ':' || g_ascii_isdigit (l[k]))
      return FALSE; /* "Hai trang đầu: 2.000/trang" says, it labels not */
    words += l[k] == ' ' && k + 1 < len && l[k + 1] != ' ';
  }
  return words <= 4 && (i == 0 || lines[i - 1][strspn (lines[i - 1], " \t\r")] == '\0');
}

/* "II. NỘI DUNG CÔNG DÂN TRÌNH BÀY": a line numbered in Roman figures and
 * written in capitals titles an official document's section. */
static gboolean
roman_title (const char *l)
{
  gsize k = strspn (l, "IVX");
  if (k == 0 || k > 4 || (l[k] != '.' && l[k] != ')') || l[k + 1] != ' ')
    return FALSE;
  guint words = 0, letters = 0;
  for (const char *c = l + k + 1; *c && *c != '\r'; c = g_utf8_next_char (c)) {
    gunichar u = g_utf8_get_char (c);
    if (g_unichar_islower (u))
      return FALSE;
    letters += g_unichar_isalpha (u);
    words += *c == ' ' && c[1] != ' ' && c[1] != '\0';
  }
  return letters > 0 && words <= 12;
}

/* "Hạng mục      Mức thu" over "----------  --------" and the rows under
 * it down to a blank line: a table laid out with spaces becomes a pipe
 * table with its header. Other lines are kept. */
static char *
space_tables (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 64);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);
  gsize prev_start = 0; /* where the previous line starts in out */
  for (guint i = 0; i < n; i++) {
    glong starts[12];
    guint cols = i > 0 && lines[i - 1][0] != '\0'
                     ? rule_columns (lines[i], strlen (lines[i]), starts, 12)
                     : 0;
    if (cols == 0) {
      /* as a line that introduces what follows: it governs its own
       * paragraph, not the rest of the answer as a heading would */
      prev_start = out->len;
      if (roman_title (lines[i]))
        g_string_append (out, "## ");
      g_string_append_len (out, lines[i], (gssize) trimmed_len (lines[i]));
      if (titles_indented (lines, n, i))
        g_string_append_c (out, ':');
      if (i + 1 < n)
        g_string_append_c (out, '\n');
      continue;
    }
    /* the header line is already out: take it back */
    g_string_truncate (out, prev_start);
    append_row (out, lines[i - 1], starts, cols);
    g_string_append (out, "|");
    for (guint c = 0; c < cols; c++)
      g_string_append (out, "---|");
    g_string_append_c (out, '\n');
    while (i + 1 < n && lines[i + 1][strspn (lines[i + 1], " \t\r")] != '\0') {
      i++;
      append_row (out, lines[i], starts, cols);
    }
  }
  return g_string_free (out, FALSE);
}

/* Whether the line opening a fenced block at s names the diff language
 * ("```diff"). */
static gboolean
diff_fence (const char *s)
{
  return strncmp (s, "```", 3) == 0
         && g_ascii_strncasecmp (s + 3 + strspn (s + 3, " "), "diff", 4) == 0;
}

/* The end of a bracket opening at q before e ("[chữ "15 ngày lv" bị
 * gạch]", a transcription's note that words were crossed out) whose
 * words are the crossed-out ones, or NULL. */
static const char *
crossed_out_note (const char *q, const char *e)
{
  static const char *const marks[] = {"bị gạch", "gạch bỏ", "đã gạch",
                                      "crossed out", "struck out"};
  if (*q != '[' && *q != '(')
    return NULL;
  const char *close = memchr (q, *q == '[' ? ']' : ')', (gsize) (e - q));
  if (close == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++) {
    const char *m = g_strstr_len (q, close - q, marks[i]);
    /* the note holds the words ("[chữ "15 ngày" bị gạch]", "[crossed
     * out: 07 working days]"); a bare "(bị gạch)" follows them and
     * leaves them standing */
    if (m != NULL && (m - q > 6 || m[strlen (marks[i])] == ':'))
      return close;
  }
  return NULL;
}

/* "15 ngày lv [chữ "15 ngày lv" bị gạch]", "07 working days [crossed
 * out: 07 working days]": the note names, in quotes or past its colon,
 * the words written just before it; they go from out too. */
static void
drop_struck_before (GString *out, const char *note, const char *close)
{
  const char *open = memchr (note, '"', (gsize) (close - note));
  const char *end = open ? memchr (open + 1, '"', (gsize) (close - open - 1)) : NULL;
  if (end == NULL) { /* "[crossed out: 07 working days]" */
    open = memchr (note, ':', (gsize) (close - note));
    end = close;
    while (open != NULL && open + 1 < end && open[1] == ' ')
      open++;
  }
  if (open == NULL || end <= open + 1)
    return;
  gsize n = (gsize) (end - open - 1), len = out->len;
  while (len > 0 && out->str[len - 1] == ' ')
    len--;
  if (len >= n && memcmp (out->str + len - n, open + 1, n) == 0)
    g_string_truncate (out, len - n);
}

/* A chat's mark that a message was recalled ("*Tin nhắn đã được thu
 * hồi*", "[tin nhan da thu hoi]", "This message was unsent"): 0 when the
 * line is none, 1 when it is one, 2 when it also names whose message it
 * was ("Anh Khoa (09:03): Tin nhắn đã được thu hồi" — that speaker's own,
 * which the answer does not show). */
static int
recall_mark (const char *p, const char *e)
{
  static const char *const marks[] = {
    "tin nhắn đã được thu hồi", "tin nhắn đã bị thu hồi",
    "tin nhắn đã thu hồi", "đã thu hồi một tin nhắn",
    "tin nhan da duoc thu hoi", "tin nhan da bi thu hoi",
    "tin nhan da thu hoi", "da thu hoi mot tin nhan",
    "this message was unsent", "message was recalled",
    "this message was deleted", "unsent a message"};
  if (e - p > 80)
    return 0;
  g_autofree char *low = g_utf8_strdown (p, e - p);
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++) {
    const char *m = strstr (low, marks[i]);
    if (m != NULL)
      return g_strstr_len (low, m - low, ": ") != NULL ? 2 : 1;
  }
  return 0;
}

/* The paragraph out ends with (past blank lines) goes: the recalled
 * message — unless it ends on a colon, showing what a recall looks like
 * ("… cả nhóm chỉ còn thấy dòng:"). */
static void
drop_last_paragraph (GString *out)
{
  gsize len = out->len;
  while (len > 0 && g_ascii_isspace (out->str[len - 1]))
    len--;
  if (len > 0 && out->str[len - 1] == ':')
    return;
  const char *blank = g_strrstr_len (out->str, (gssize) len, "\n\n");
  g_string_truncate (out, blank ? (gsize) (blank - out->str) + 2 : 0);
}

/* What the answer shows deleted is not said: struck-through text
 * ("~~15.000 đồng~~ 7.000 đồng", "<del>…</del>", a transcription's
 * "[chữ "15 ngày lv" bị gạch]") goes, a chat message marked recalled
 * goes with its mark, and in a fenced
 * diff ("```diff") the removed lines ("- Đáp: Chưa. …") go while the added
 * ones ("+ Đáp: Được. …") lose their mark. New. */
static char *
drop_deleted (const char *text, gsize len)
{
  GString *out = g_string_sized_new (len);
  gboolean in_diff = FALSE;
  int recalled;
  const char *p = text, *end = text + len;
  while (p < end) {
    const char *nl = memchr (p, '\n', (gsize) (end - p));
    const char *e = nl ? nl : end;
    if (e - p >= 3 && strncmp (p, "```", 3) == 0) {
      gboolean opens = !in_diff && diff_fence (p);
      if (opens || in_diff) { /* the diff's fences are no words */
        in_diff = opens;
        p = nl ? nl + 1 : end;
        continue;
      }
    } else if (in_diff && *p == '-' && !(e - p >= 3 && strncmp (p, "---", 3) == 0)) {
      p = nl ? nl + 1 : end; /* a removed line */
      continue;
    } else if (in_diff && *p == '+')
      p++;
    else if (!in_diff && (recalled = recall_mark (p, e)) != 0) {
      if (recalled == 1)
        drop_last_paragraph (out);
      p = nl ? nl + 1 : end;
      continue;
    }
    for (const char *q = p; q < e; q++) {
      const char *close;
      if (q + 1 < e && q[0] == '~' && q[1] == '~'
          && (close = g_strstr_len (q + 2, e - q - 2, "~~")) != NULL) {
        g_string_append_c (out, ' ');
        q = close + 1;
        continue;
      }
      if ((close = crossed_out_note (q, e)) != NULL) {
        drop_struck_before (out, q, close);
        g_string_append_c (out, ' ');
        q = close;
        continue;
      }
      if (*q == '<' && (g_ascii_strncasecmp (q, "<del>", 5) == 0
                        || g_ascii_strncasecmp (q, "<s>", 3) == 0)) {
        const char *tag = q[1] == 'd' || q[1] == 'D' ? "</del>" : "</s>";
        for (close = q; close && close < e
                        && g_ascii_strncasecmp (close, tag, strlen (tag)) != 0;
             close++)
          ;
        if (close && close < e) {
          g_string_append_c (out, ' ');
          q = close + strlen (tag) - 1;
          continue;
        }
      }
      g_string_append_c (out, *q);
    }
    if (nl)
      g_string_append_c (out, '\n');
    p = nl ? nl + 1 : end;
  }
  return g_string_free (out, FALSE);
}

char *
answer_layout_prepare (const char *text, gsize len)
{
  /* a NUL reads as a space, before any search that would stop at it
   * (a strikethrough's closing "~~" past a NUL is still its close) */
  g_autofree char *spaced = g_malloc (len + 1); /* not NULL when len is 0 */
  if (len > 0)
    memcpy (spaced, text, len);
  spaced[len] = '\0';
  for (gsize i = 0; i < len; i++)
    if (spaced[i] == '\0')
      spaced[i] = ' ';
  g_autofree char *kept = drop_deleted (spaced, len);
  g_autofree char *html = prepare_html (kept, strlen (kept));
  return space_tables (html);
}

/* ---- pipe-table rows (read by answer.c) ----------------------------------- */

/* Whether a row repeats a filled cell ("| | Thời hạn giải quyết | Thời
 * hạn giải quyết | Lệ phí | Lệ phí |"): a header's merged groups spread
 * over their columns, a second level below. */
gboolean
answer_row_repeats_a_cell (const char *s, gsize n)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  gsize i = 0;
  while (i <= n) {
    gsize j = i;
    while (j < n && s[j] != '|')
      j++;
    g_autofree char *cell = g_strstrip (g_strndup (s + i, j - i));
    for (guint k = 0; cell[0] != '\0' && k < cells->len; k++)
      if (strcmp (cells->pdata[k], cell) == 0)
        return TRUE;
    if (cell[0] != '\0')
      g_ptr_array_add (cells, g_steal_pointer (&cell));
    i = j + 1;
  }
  return FALSE;
}

/* Whether every filled cell of a row's text (pipes between cells) is
 * wholly bold, two cells or more. */
gboolean
answer_row_all_bold (const char *s, gsize n)
{
  guint bold = 0;
  gsize i = 0;
  while (i <= n) {
    gsize j = i;
    while (j < n && s[j] != '|')
      j++;
    gsize a = i, e = j;
    while (a < e && s[a] == ' ')
      a++;
    while (e > a && s[e - 1] == ' ')
      e--;
    if (e > a) {
      if (e - a < 5 || strncmp (s + a, "**", 2) != 0 || strncmp (s + e - 2, "**", 2) != 0)
        return FALSE;
      bold++;
    }
    i = j + 1;
  }
  return bold >= 2;
}
