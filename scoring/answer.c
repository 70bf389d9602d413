/* Reading an answer into parts (scoring/answer.h). Real answers are
 * Markdown or HTML: headings, "Lệ phí:" lines that introduce a list,
 * numbered steps, a table per channel. The structure is read from the raw
 * lines before normalization (which folds every line break into a space),
 * then each part is normalized on its own. */
#include "scoring/answer.h"
#include "scoring/answer_layout.h"
#include "scoring/answer_lines.h"
#include "scoring/answer_speaker.h"
#include "scoring/answer_units.h"

#include "scoring/citation.h"
#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/names.h"
#include "scoring/normalize.h"
#include "scoring/numbers.h"
#include "scoring/vi_char.h"

#include <string.h>

static void
part_free (AnswerPart *p)
{
  if (p == NULL)
    return;
  g_free (p->norm);
  g_free (p->phrase);
  g_free (p->agency);
  g_free (p->agency_cap);
  if (p->phrase_src)
    g_array_unref (p->phrase_src);
  if (p->agency_src)
    g_array_unref (p->agency_src);
  if (p->agency_cap_src)
    g_array_unref (p->agency_cap_src);
  g_array_unref (p->words);
  g_array_unref (p->cues);
  g_free (p->starts);
  g_free (p->groups);
  if (p->amounts)
    g_array_unref (p->amounts);
  if (p->dates)
    g_array_unref (p->dates);
  if (p->cites)
    g_ptr_array_unref (p->cites);
  g_free (p);
}

void
answer_free (Answer *a)
{
  if (a == NULL)
    return;
  g_ptr_array_unref (a->parts);
  g_free (a->periods);
  g_free (a);
}

static Answer *
answer_alloc (gboolean lenient)
{
  Answer *a = g_new0 (Answer, 1);
  a->lenient = lenient;
  a->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  return a;
}

/* Clause starts: a comma or stop outside parentheses, a break word. A
 * list in parentheses ("(viễn thông, bưu chính, …)") stays in its clause. */
static void
mark_clauses (AnswerPart *p)
{
  guint n = p->words->len;
  p->starts = g_new0 (guint8, n + 1);
  int depth = 0;
  for (guint i = 0; i < n; i++) {
    guint8 gap = g_array_index (p->words, CueWord, i).gap;
    if (gap & CUE_GAP_CLOSE)
      depth = MAX (depth - 1, 0);
    p->starts[i] = i == 0 || (depth == 0
                              && (gap & (CUE_GAP_STOP | CUE_GAP_COMMA)));
    if (gap & CUE_GAP_OPEN)
      depth++;
  }
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_BREAK && ch->w0 < n)
      p->starts[ch->w0] = TRUE;
  }
  p->starts[n] = TRUE;
}

/* Words and cues of a part whose norm is set. */
static void
part_index (AnswerPart *p, gboolean lenient)
{
  GArray *src = g_array_new (FALSE, FALSE, sizeof (guint));
  char *plain = normalize_phrase_mapped (p->norm, lenient, src);
  GArray *canon_src = g_array_new (FALSE, FALSE, sizeof (guint));
  char *canon = names_canonical (plain, lenient, src, canon_src);
  if (canon == NULL) { /* no paraphrase to unify: the plain form is it */
    p->phrase = plain;
    p->phrase_src = src;
    g_array_unref (canon_src);
  } else {
    p->phrase = canon;
    p->phrase_src = canon_src;
    g_free (plain);
    g_array_unref (src);
  }
  names_word_set (p->phrase, FALSE, &p->phrase_words);
  p->words = cues_words (p->norm);
  p->cues = cues_find (p->norm, p->words, lenient);
  mark_clauses (p);
}

/* ---- building ------------------------------------------------------------ */

typedef struct {
  Answer *a;
  gint heading, intro;
  guint block, line;
  gboolean table;      /* inside a table */
  gboolean blank;      /* the last line was blank */
  guint table_row;     /* rows seen in this table */
  GArray *col_heads;   /* gint: part index of each column's header */
  gboolean merged_head; /* the header repeats a cell: merged groups */
  gint asker;          /* under a heading of the asker's own account
                          (answer_asker_heading's kind) */
  gint asker_block;    /* … in its first block (-1 before it) */
  gboolean mail_quote; /* in the "> " lines under an e-mail's attribution */
  gboolean pasted;     /* in the asker's pasted document */
  const char *rest;    /* the text after the current line */
  char *citizen;       /* the citizen's short label ("cd"), or NULL */
} Builder;

gboolean
answer_text_asks (const char *norm)
{
  gsize n = strlen (norm);
  while (n > 0 && strchr (" *_\"'”)", norm[n - 1]))
    n--;
  return n > 0 && norm[n - 1] == '?';
}

/* Adds a part of kind whose normalized text is norm (taken); parts with no
 * letter or digit are dropped. Returns its index or -1. */
static gint
add_norm (Builder *b, PartKind kind, char *norm)
{
  gboolean any = FALSE;
  for (const char *p = norm; *p && !any; p = g_utf8_next_char (p))
    any = vi_char_alnum_at (p);
  if (!any) {
    g_free (norm);
    return -1;
  }
  AnswerPart *p = g_new0 (AnswerPart, 1);
  p->kind = kind;
  p->heading = b->heading;
  p->intro = kind == PART_HEADING || kind == PART_INTRO ? -1 : b->intro;
  p->row_head = p->col_head = -1;
  p->line = b->line;
  p->block = b->block;
  p->norm = norm;
  /* a heading that asks is the question its section answers; a review
   * quoted after its stars is a citizen's words */
  p->quoted = kind != PART_HEADING && kind != PART_INTRO
              && (answer_text_asks (norm) || answer_quoted_review (norm));
  g_ptr_array_add (b->a->parts, p);
  return (gint) b->a->parts->len - 1;
}

static gint
add_raw (Builder *b, PartKind kind, const char *raw, gsize n)
{
  g_autofree char *copy = g_strndup (raw, n);
  return add_norm (b, kind, normalize_text (copy, FALSE));
}

/* Abbreviations whose dot ends no sentence ("TP. Hà Nội"). */
static gboolean
dot_ends_sentence (const char *norm, gsize dot)
{
  static const char *const abbrev[] = {"tp", "tx", "tt", "q", "p", "ths",
                                       "ts", "gs", "pgs", "mr", "ms", "dr",
                                       "st", "no", "vd", "v"};
  gsize w = dot; /* the whole word before the dot, letters of any script */
  while (w > 0 && norm[w - 1] != ' ' && norm[w - 1] != '('
         && norm[w - 1] != '"')
    w--;
  if (dot - w == 0 || dot - w > 3)
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (abbrev); i++)
    if (strlen (abbrev[i]) == dot - w && strncmp (norm + w, abbrev[i], dot - w) == 0)
      return FALSE;
  return TRUE;
}

/* Running text: one part per sentence of the normalized line. */
static void
add_sentences (Builder *b, PartKind kind, const char *raw, gsize n)
{
  g_autofree char *copy = g_strndup (raw, n);
  g_autofree char *norm = normalize_text (copy, FALSE);
  gsize start = 0;
  for (gsize i = 0; norm[i] != '\0'; i++) {
    char c = norm[i];
    /* "A. 5 ngày → sai": an option's letter opens the line, no sentence */
    gboolean label = c == '.' && start == 0 && i == 1
                     && g_ascii_isalpha (norm[0]);
    if ((c == '.' || c == '!' || c == '?') && norm[i + 1] == ' ' && !label
        && (c != '.' || dot_ends_sentence (norm, i))) {
      (void) add_norm (b, kind, g_strndup (norm + start, i + 1 - start));
      start = i + 2;
      kind = kind == PART_ITEM ? PART_TEXT : kind; /* the item's rest */
    }
  }
  if (norm[start] != '\0')
    (void) add_norm (b, kind, g_strdup (norm + start));
}

/* A cell that only numbers its row ("1", "2.", "10"). */
static gboolean
numbering (const AnswerPart *p)
{
  return p->norm[strspn (p->norm, "0123456789.")] == '\0';
}

static void
add_row (Builder *b, const char *s, gsize n)
{
  if (!b->table) {
    b->table = TRUE;
    b->table_row = 0;
    g_array_set_size (b->col_heads, 0);
    b->merged_head = answer_row_repeats_a_cell (s, n);
  }
  gsize i = 0;
  if (n > 0 && s[0] == '|')
    i = 1;
  if (n > i && s[n - 1] == '|')
    n--;
  guint col = 0;
  gint first = -1;
  /* "| **Nơi nộp** | **Thông thường** | **Khẩn cấp** |" right under a
   * header of merged groups: its second level names the columns */
  gboolean sub_head = b->table_row == 1 && b->merged_head
                      && answer_row_all_bold (s + i, n - i);
  while (i <= n) {
    gsize j = i;
    while (j < n && !(s[j] == '|' && (j == 0 || s[j - 1] != '\\')))
      j++;
    gboolean head = b->table_row == 0 || sub_head;
    gint idx = add_raw (b, head ? PART_HEAD : PART_CELL, s + i, j - i);
    if (idx >= 0) {
      AnswerPart *p = answer_part (b->a, (guint) idx);
      p->row = b->table_row;
      p->col = col;
      if (head) {
        while (b->col_heads->len <= col) {
          gint none = -1;
          g_array_append_val (b->col_heads, none);
        }
        g_array_index (b->col_heads, gint, col) = idx;
      } else {
        p->row_head = col > 0 ? first : -1;
        p->col_head = col < b->col_heads->len
                          ? g_array_index (b->col_heads, gint, col) : -1;
      }
      /* "| | **Tổng nếu làm thêm khoản 5** | 4.000 đồng |": an empty first
       * cell leaves the row's label to the first cell that has one */
      /* "| 2 | Đăng ký kết hôn | Quầy 2 | …": past a numbering column the
       * next cell is the row's label */
      if (first < 0 || (col == 1 && numbering (answer_part (b->a, (guint) first))))
        first = idx;
    }
    col++;
    i = j + 1;
  }
  b->table_row++;
}

static void
add_line (Builder *b, const char *s, gsize n)
{
  gboolean marked = FALSE; /* "> …": a quoted line */
  while (n > 0 && (s[0] == ' ' || s[0] == '\t' || s[0] == '>'))
    marked |= s[0] == '>', s++, n--;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  /* "Vào ngày 05/12/2026 lúc 16:02, Đỗ Văn Hưng đã viết:" then "> …": the
   * citizen's own message, quoted below a reply */
  if (b->mail_quote && !marked && n > 0)
    b->mail_quote = FALSE;
  if (n == 0) { /* a blank line ends a paragraph, a list, a table */
    b->table = FALSE;
    b->blank = TRUE;
    return;
  }
  /* the asker's pasted document runs to a rule or a reply label */
  if (b->pasted && (answer_rule_line (s, n) || answer_reply_label (s, n)))
    b->pasted = FALSE;
  if (b->mail_quote || b->pasted) {
    guint before = b->a->parts->len;
    add_sentences (b, PART_TEXT, s, n);
    for (guint i = before; i < b->a->parts->len; i++)
      answer_part (b->a, i)->quoted = TRUE;
    return;
  }
  if (answer_pasted_intro (s, n) && answer_pasted_ends (b->rest)) {
    b->pasted = TRUE;
    add_sentences (b, PART_TEXT, s, n);
    return;
  }
  if (answer_mail_attribution (s, n)) {
    b->mail_quote = TRUE;
    add_sentences (b, PART_TEXT, s, n);
    return;
  }
  if (b->blank) { /* one new block however many blank lines */
    b->block++;
    b->blank = FALSE;
    /* "…là:", a blank line, then the list it introduces */
    if (!answer_line_is_list_item (s, n) && !answer_line_is_table_row (s, n))
      b->intro = -1;
  }
  if (answer_line_is_table_rule (s, n) && b->table)
    return;
  if (answer_line_is_table_row (s, n)) {
    add_row (b, s, n);
    return;
  }
  if (b->table) {
    b->table = FALSE;
    b->block++;
  }
  if (answer_line_is_heading (s, n)) {
    gboolean intro = answer_line_is_intro (s, n);
    gint idx = add_raw (b, intro ? PART_INTRO : PART_HEADING, s, n);
    if (!intro) {
      b->asker = idx >= 0 ? answer_asker_heading (answer_part (b->a, (guint) idx)->norm) : 0;
      b->asker_block = -1;
    }
    if (idx >= 0 && intro)
      b->intro = idx;
    else if (idx >= 0) {
      b->heading = idx;
      b->intro = -1;
    }
    b->block++;
    return;
  }
  gboolean item = answer_line_is_list_item (s, n);
  guint before = b->a->parts->len;
  gboolean passage = answer_retrieved_passage (s, n);
  /* the asker's account is the first block under its heading, up to a
   * line that opens on the reply ("**Trả lời:** …") */
  if (b->asker && ((b->asker_block >= 0 && (guint) b->asker_block != b->block)
                   || answer_reply_label (s, n)
                   || (b->asker == 2 && memchr (s, '?', n) == NULL)))
    b->asker = 0;
  if (b->asker && b->asker_block < 0)
    b->asker_block = (gint) b->block;
  if (answer_citizen_turn (s, n, &b->citizen) || passage || b->asker) {
    add_sentences (b, PART_TEXT, s, n);
    for (guint i = before; i < b->a->parts->len; i++) {
      answer_part (b->a, i)->quoted = TRUE;
      answer_part (b->a, i)->passage = passage;
    }
    /* "**[Nguồn 1]** *Cổng … Sở Tư pháp …*" then "> "Cá nhân … nộp tại
     * Sở Tư pháp …"": the source's text quoted below its label */
    b->mail_quote = passage;
    return;
  }
  if (!item && answer_line_is_intro (s, n)) {
    /* only the line's last sentence introduces what follows */
    add_sentences (b, PART_TEXT, s, n);
    if (b->a->parts->len > before) {
      answer_part (b->a, b->a->parts->len - 1)->kind = PART_INTRO;
      b->intro = (gint) b->a->parts->len - 1;
    }
    return;
  }
  add_sentences (b, item ? PART_ITEM : PART_TEXT, s, n);
}

/* ---- how the answer is written --------------------------------------------- */

/* Any Vietnamese letter with a diacritic (Latin-1 to Latin Extended
 * Additional). */
static gboolean
has_diacritics (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0xC3 && (guchar) text[i] <= 0xE1) {
      gunichar c = g_utf8_get_char_validated (text + i, (gssize) (len - i));
      if ((c >= 0xC0 && c <= 0x1B0) || (c >= 0x1EA0 && c <= 0x1EF9)
          || (c >= 0x300 && c <= 0x323))
        return TRUE;
    }
  return FALSE;
}

/* The words of the sets below, looked up once per word of the answer. */
typedef struct {
  GHashTable *index; /* word → set index + 1 (negative: English) */
  guint n_vi, n_en;
} WordSets;

static const WordSets *word_sets (void);

/* The distinct Vietnamese-without-marks and English function words of
 * the answer. */
static void
count_languages (const Answer *a, guint *vi, guint *en)
{
  const WordSets *ws = word_sets ();
  g_autofree guint8 *seen = g_new0 (guint8, ws->n_vi + ws->n_en);
  char buf[16];
  *vi = *en = 0;
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *p = answer_part (a, i);
    for (guint w = 0; w < p->words->len; w++) {
      const CueWord *cw = &g_array_index (p->words, CueWord, w);
      gsize len = cw->end - cw->start;
      if (len >= sizeof buf || (guchar) p->norm[cw->start] >= 0x80)
        continue;
      memcpy (buf, p->norm + cw->start, len);
      buf[len] = '\0';
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (ws->index, buf));
      if (k == 0 || seen[k - 1])
        continue;
      seen[k - 1] = 1;
      if (k <= ws->n_vi)
        (*vi)++;
      else
        (*en)++;
    }
  }
}

/* Vietnamese syllables common in answers, as written without marks (none
 * an English word). */
static const char *const vi_plain[] = {
  "va", "la", "cua", "cac", "duoc", "khong", "ban", "thi", "nhe", "nha",
  "trong", "ngay", "phi", "le", "ho", "lam", "viec", "tai", "cho", "nop",
  "dang", "ki", "xa", "phuong", "cong", "giay", "theo", "neu", "voi",
  "nguoi", "dan", "thu", "tuc", "nhu", "mot", "hai", "ba", "dap", "cap",
  "cau", "oi", "roi", "di", "den", "ve", "gi", "sao", "khi", "nay", "tren",
  "duoi", "xong", "tam", "tru", "thuong", "khai", "sinh", "ket", "hon",
  "chung", "thuc", "phieu", "li", "lich", "tu", "phap", "can", "cuoc",
  "chieu", "kinh", "doanh", "tinh", "huyen", "uy", "nhan", "tien", "dong",
  "nghin", "trieu", "bao", "nhieu", "lau", "ah", "nhi", "minh", "em", "anh",
  "tong", "dau", "sau", "trang", "luat", "hieu", "luc", "het", "dung",
  "thoi", "mat", "ton", "nhat", "qua", "bi", "nao", "xin", "hoi", "biet",
  "muon", "phai", "nhung", "vay", "thang", "nam", "gio", "hom", "truoc",
  "tiep", "chi", "thay", "van", "bo", "huong", "ghi", "chu", "sach",
};

static const char *const en_words[] = {
  "the", "is", "are", "of", "and", "to", "you", "your", "for", "with",
  "in", "be", "can", "will", "it", "this", "that", "days", "fee", "at",
  "an", "or", "if", "must", "please",
};

static const WordSets *
word_sets (void)
{
  static WordSets ws;
  static gsize once;
  if (g_once_init_enter (&once)) {
    ws.index = g_hash_table_new (g_str_hash, g_str_equal);
    ws.n_vi = G_N_ELEMENTS (vi_plain);
    ws.n_en = G_N_ELEMENTS (en_words);
    for (guint i = 0; i < ws.n_vi; i++)
      g_hash_table_insert (ws.index, (gpointer) vi_plain[i],
                           GUINT_TO_POINTER (i + 1));
    for (guint i = 0; i < ws.n_en; i++)
      if (!g_hash_table_contains (ws.index, en_words[i]))
        g_hash_table_insert (ws.index, (gpointer) en_words[i],
                             GUINT_TO_POINTER (ws.n_vi + i + 1));
    g_once_init_leave (&once, 1);
  }
  return &ws;
}

static void
add_glosses (Answer *a)
{
  guint n = a->parts->len;
  for (guint i = 0; i < n; i++) {
    AnswerPart *p = answer_part (a, i);
    g_autoptr (GString) g = g_string_new (NULL);
    if (!cues_gloss (p->norm, p->words, FALSE, g))
      continue;
    AnswerPart *gp = g_new0 (AnswerPart, 1);
    *gp = (AnswerPart) {.kind = PART_GLOSS, .heading = p->heading,
                        .intro = p->intro, .row_head = p->row_head,
                        .col_head = p->col_head, .line = p->line,
                        .block = p->block, .row = p->row, .col = p->col};
    gp->norm = g_string_free (g_steal_pointer (&g), FALSE);
    part_index (gp, FALSE);
    p->glossed = TRUE;
    g_ptr_array_add (a->parts, gp);
  }
}

Answer *
answer_new (const char *text, gsize len)
{
  Answer *a = answer_alloc (FALSE);
  g_autofree char *prepared = answer_layout_prepare (text, len);
  Builder b = {.a = a, .heading = -1, .intro = -1,
               .col_heads = g_array_new (FALSE, FALSE, sizeof (gint))};
  const char *p = prepared;
  while (*p) {
    const char *nl = strchr (p, '\n');
    gsize n = nl ? (gsize) (nl - p) : strlen (p);
    b.line++;
    b.rest = nl ? nl + 1 : NULL;
    add_line (&b, p, n);
    p += n + (nl ? 1 : 0);
  }
  g_array_unref (b.col_heads);
  g_free (b.citizen);
  answer_units_complete (a);
  for (guint i = 0; i < a->parts->len; i++)
    part_index (answer_part (a, i), FALSE);
  guint vi, en;
  count_languages (a, &vi, &en);
  /* Vietnamese typed without marks: its syllables outnumber English
   * words ("cau b ban oi", "le phi 15k nha ban") */
  a->unaccented = !has_diacritics (prepared, strlen (prepared)) && vi >= 2
                  && vi > en;
  a->english = en >= 3;
  if (a->english)
    add_glosses (a);
  return a;
}

Answer *
answer_fold (const Answer *strict)
{
  Answer *a = answer_alloc (TRUE);
  a->unaccented = strict->unaccented;
  a->english = strict->english;
  for (guint i = 0; i < strict->parts->len; i++) {
    const AnswerPart *s = answer_part (strict, i);
    AnswerPart *p = g_new0 (AnswerPart, 1);
    *p = (AnswerPart) {.kind = s->kind, .heading = s->heading,
                       .intro = s->intro, .row_head = s->row_head,
                       .col_head = s->col_head, .line = s->line,
                       .block = s->block, .row = s->row, .col = s->col,
                       .quoted = s->quoted, .passage = s->passage,
                       .glossed = s->glossed};
    p->norm = normalize_fold_diacritics (s->norm);
    part_index (p, TRUE);
    g_ptr_array_add (a->parts, p);
  }
  return a;
}

void
answer_agency (AnswerPart *p, gboolean lenient, gboolean with_cap)
{
  if (p->agency == NULL) {
    p->agency_src = g_array_new (FALSE, FALSE, sizeof (guint));
    p->agency = names_agency_form (p->phrase, lenient, FALSE, p->phrase_src,
                                   p->agency_src);
    if (p->agency == NULL) { /* nothing to rewrite */
      p->agency = g_strdup (p->phrase);
      g_array_append_vals (p->agency_src, p->phrase_src->data,
                           p->phrase_src->len);
      p->agency_words = p->phrase_words;
    } else
      names_word_set (p->agency, FALSE, &p->agency_words);
  }
  if (with_cap && p->agency_cap == NULL) {
    p->agency_cap_src = g_array_new (FALSE, FALSE, sizeof (guint));
    p->agency_cap = names_agency_form (p->phrase, lenient, TRUE,
                                       p->phrase_src, p->agency_cap_src);
    if (p->agency_cap == NULL) {
      p->agency_cap = g_strdup (p->phrase);
      g_array_append_vals (p->agency_cap_src, p->phrase_src->data,
                           p->phrase_src->len);
      p->agency_cap_words = p->phrase_words;
    } else
      names_word_set (p->agency_cap, FALSE, &p->agency_cap_words);
  }
}

guint
answer_source_word (const GArray *src, guint k)
{
  return src && k < src->len ? g_array_index (src, guint, k) : k;
}

void
answer_scan (Answer *a, guint what)
{
  for (guint i = 0; i < a->parts->len; i++) {
    AnswerPart *p = answer_part (a, i);
    if ((what & ANSWER_AMOUNTS) && p->amounts == NULL)
      p->amounts = numbers_scan (p->norm, a->lenient);
    if ((what & ANSWER_DATES) && p->dates == NULL)
      p->dates = dates_scan (p->norm, a->lenient);
    if ((what & ANSWER_CITES) && p->cites == NULL)
      p->cites = citation_scan (p->norm);
  }
}

