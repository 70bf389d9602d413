/* Where in the answer's layout a claim sits, as the value matchers ask
 * it (scoring/match.h): numbered sections and the opening that says the
 * citizen asked several things, sibling headings one of which is the
 * asker's case, the words that say a figure is another case or
 * procedure, and the row or column of a table the question asks. Split from match.c, which was past 800 lines; what needs
 * the set's topics (other_section, match_own_section) stays there. */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"

#include <string.h>

/* "1. …", "2) …", "(2) …", "Việc 2: …", "Phần 2. …": a heading that
 * numbers a section. */
gboolean
match_numbered_heading (const AnswerPart *q)
{
  guint w = answer_word_is (q, 0, "phần") || answer_word_is (q, 0, "phan")
                    || answer_word_is (q, 0, "việc")
                    || answer_word_is (q, 0, "viec")
                ? 1
                : 0;
  if (q->kind != PART_HEADING || w + 1 >= q->words->len)
    return FALSE;
  const CueWord *n = &g_array_index (q->words, CueWord, w);
  for (guint k = n->start; k < n->end; k++)
    if (!g_ascii_isdigit (q->norm[k]))
      return FALSE;
  return n->end - n->start <= 2
         && (g_array_index (q->words, CueWord, w + 1).gap
             & (CUE_GAP_STOP | CUE_GAP_CLOSE | CUE_GAP_COLON));
}

gboolean
match_record_title (const AnswerPart *q)
{
  guint w = answer_word_is (q, 0, "tên") || answer_word_is (q, 0, "ten") ? 1 : 0;
  return q->kind == PART_HEADING && q->words->len > w + 3
         && ((answer_word_is (q, w, "thủ") && answer_word_is (q, w + 1, "tục"))
             || (answer_word_is (q, w, "thu") && answer_word_is (q, w + 1, "tuc")))
         && (g_array_index (q->words, CueWord, w + 2).gap & CUE_GAP_COLON);
}

/* "**2. Nộp hồ sơ và nhận kết quả**", "**3. Thời hạn giải quyết**": a
 * numbered heading that opens on a field or a step of one procedure. */
gboolean
match_field_heading (const AnswerPart *q, gboolean lenient)
{
  /* one word, or two ("hồ sơ"; "hộ chiếu" folds to "ho chieu") */
  static const char *const strict[][2] = {
      {"nộp", NULL}, {"nhận", NULL}, {"phí", NULL}, {"nơi", NULL},
      {"bước", NULL}, {"cách", NULL}, {"hồ", "sơ"}, {"thời", "hạn"},
      {"thời", "gian"}, {"lệ", "phí"}, {"cơ", "quan"}, {"lưu", "ý"},
      {"chuẩn", "bị"}, {"kết", "quả"}, {"trình", "tự"}, {"mức", NULL},
      {"kênh", NULL}, {"giấy", "tờ"}, {"thành", "phần"}, {"điều", "kiện"},
      {"đối", "tượng"}, {"căn", "cứ"}, {"hình", "thức"}};
  static const char *const plain[][2] = {
      {"nop", NULL}, {"nhan", NULL}, {"phi", NULL}, {"noi", NULL},
      {"buoc", NULL}, {"cach", NULL}, {"ho", "so"}, {"thoi", "han"},
      {"thoi", "gian"}, {"le", "phi"}, {"co", "quan"}, {"luu", "y"},
      {"chuan", "bi"}, {"ket", "qua"}, {"trinh", "tu"}, {"muc", NULL},
      {"kenh", NULL}, {"giay", "to"}, {"thanh", "phan"}, {"dieu", "kien"},
      {"doi", "tuong"}, {"can", "cu"}, {"hinh", "thuc"}};
  const char *const (*forms)[2] = lenient ? plain : strict;
  guint w = answer_word_is (q, 0, lenient ? "phan" : "phần")
                    || answer_word_is (q, 0, lenient ? "viec" : "việc")
                ? 2
                : 1;
  for (gsize i = 0; i < G_N_ELEMENTS (strict); i++)
    if (answer_word_is (q, w, forms[i][0])
        && (forms[i][1] == NULL || answer_word_is (q, w + 1, forms[i][1])))
      return TRUE;
  return FALSE;
}

/* The answer's opening (what comes before its first heading) says it
 * takes several matters apart: "Bạn hỏi cùng lúc hai việc: … Mình trả
 * lời từng việc." */
gboolean
match_announces_several (const Answer *a)
{
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *p = answer_part (a, i);
    if (p->kind == PART_HEADING)
      return FALSE;
    for (guint h = 0; h < p->cues->len; h++)
      if (g_array_index (p->cues, CueHit, h).cls == CUE_SEVERAL)
        return TRUE;
  }
  return FALSE;
}

/* A dash or an opening parenthesis right before word w ("… 07 ngày làm
 * việc – thủ tục khác"). */
static gboolean
dash_before (const AnswerPart *p, guint w)
{
  if (w == 0)
    return FALSE;
  const CueWord *a = &g_array_index (p->words, CueWord, w - 1);
  const CueWord *b = &g_array_index (p->words, CueWord, w);
  for (gsize k = a->end; k < b->start; k++)
    if (p->norm[k] == '-' || p->norm[k] == '(' || (guchar) p->norm[k] == 0xE2)
      return TRUE; /* "-", "(", "–", "—" */
  return FALSE;
}

static const char *const confusable_firsts[] = {
  "đừng", "dung", "dễ", "de", "để", "tránh", "tranh", "don", "do", "not",
  "phân", "phan", "nhầm", "nham"};

/* Whether not_this cue ch warns of a confusion ("đừng nhầm", "dễ nhầm
 * với", "để khỏi nhầm", "tránh nhầm", "don't confuse"). */
static gboolean
confusable_cue (const AnswerPart *p, const CueHit *ch)
{
  for (gsize i = 0; i < G_N_ELEMENTS (confusable_firsts); i++)
    if (answer_word_is (p, ch->w0, confusable_firsts[i]))
      return TRUE;
  return FALSE;
}

/* The same, of a cue's words as not_this_in returns them. */
static gboolean
confusable_text (const char *said)
{
  for (gsize i = 0; i < G_N_ELEMENTS (confusable_firsts); i++) {
    gsize n = strlen (confusable_firsts[i]);
    if (strncmp (said, confusable_firsts[i], n) == 0 && (said[n] == ' ' || said[n] == '\0'))
      return TRUE;
  }
  return FALSE;
}

/* A not_this cue of p that bears on words [w0, w1): in their clause, or
 * before them in their sentence with no turn between ("Cấp lại khi hết
 * hạn là thủ tục khác: … 10 ngày làm việc"); not after them in another
 * clause ("… 03 ngày làm việc, còn gia hạn là thủ tục khác"); anywhere
 * in p when whole (another cell of the row).
 * Bare "thủ tục khác" only after a dash or a parenthesis, ending p: not
 * "nhanh hơn nhiều thủ tục khác", "như các thủ tục khác". */
static char *
not_this_in (const AnswerPart *p, gboolean whole, guint w0, guint w1)
{
  guint c0 = 0, c1 = p->words->len;
  if (!whole)
    claims_clause (p, w0, w1, &c0, &c1);
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls != CUE_NOT_THIS)
      continue;
    gboolean bare = ch->w1 - ch->w0 == 3 && (answer_word_is (p, ch->w0, "thủ")
                                            || answer_word_is (p, ch->w0, "thu"));
    if (bare && (ch->w1 != p->words->len || !dash_before (p, ch->w0)))
      continue;
    /* in a sentence, "Đừng nhầm với X:" names the other matter, a bare
     * "Đừng nhầm:" only warns ("đăng ký thường trú là 07 ngày làm việc,
     * còn 03 ngày … là của tạm trú"): headings only */
    gboolean names_other = FALSE; /* "… với", "confuse(d) …" */
    for (guint k = ch->w0; k < ch->w1; k++)
      names_other |= answer_word_is (p, k, "với") || answer_word_is (p, k, "voi")
                     || answer_word_is (p, k, "confuse")
                     || answer_word_is (p, k, "confused");
    if (confusable_cue (p, ch) && !names_other)
      continue;
    /* said before the figure of its own sentence ("… do bị mất là thủ
     * tục khác, giải quyết trong 07 ngày"), with no turn between */
    gboolean labels = ch->w1 <= w0;
    for (guint k = ch->w1; labels && k <= w0 && k < p->words->len; k++)
      labels = !(g_array_index (p->words, CueWord, k).gap & CUE_GAP_STOP)
               && !answer_word_is (p, k, "còn") && !answer_word_is (p, k, "con")
               && !answer_word_is (p, k, "nhưng")
               && !answer_word_is (p, k, "nhung")
               && !answer_word_is (p, k, "but");
    if (!whole && !(ch->w0 >= c0 && ch->w1 <= c1) && !labels)
      continue;
    const CueWord *a = &g_array_index (p->words, CueWord, ch->w0);
    const CueWord *b = &g_array_index (p->words, CueWord, ch->w1 - 1);
    return g_strndup (p->norm + a->start, b->end - a->start);
  }
  return NULL;
}

/* "#### Đừng nhầm", "### Phân biệt để khỏi nhầm": a heading that sets
 * apart what is easily confused with the asked matter. Its words
 * (new), or NULL. */
static char *
confusable_heading (const AnswerPart *h)
{
  for (guint k = 0; k < h->cues->len; k++) {
    const CueHit *ch = &g_array_index (h->cues, CueHit, k);
    if (ch->cls == CUE_NOT_THIS && ch->w0 <= 2 && confusable_cue (h, ch))
      return g_strdup (h->norm);
  }
  return NULL;
}

/* Whether, past the last colon of [c0, w0) of p (its sentence), the
 * next two words are the question's and not the label's. */
static gboolean
asker_subject_after_label (View *v, const AnswerPart *p, guint c0, guint w0)
{
  guint seg = 0;
  for (guint k = c0 + 1; k < w0 && k < p->words->len; k++)
    if (g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON)
      seg = k;
  if (seg == 0 || seg + 1 >= w0)
    return FALSE;
  for (guint k = seg; k < seg + 2; k++) {
    const CueWord *cw = &g_array_index (p->words, CueWord, k);
    g_autofree char *t = g_strndup (p->norm + cw->start, cw->end - cw->start);
    if (!match_question_has_word (v, t))
      return FALSE;
  }
  /* … and the label does not hold the pair ("thường trú" ≠ "tạm trú") */
  for (guint j = c0; j + 1 < seg; j++)
    if (answer_words_same (p, j, seg) && answer_words_same (p, j + 1, seg + 1))
      return FALSE;
  return TRUE;
}

char *
match_not_this (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  char *said = not_this_in (p, FALSE, c->w0, c->w1);
  /* "Đừng nhầm với thủ tục thường trú nhé: tạm trú chỉ mất 03 ngày làm
   * việc": past a warning of a confusion, a clause that names the asked
   * procedure is its own — by the set's topics, or past the label's colon
   * by two words of the question the label does not hold */
  if (said != NULL && confusable_text (said)
      && (match_names_own_topic (v, c->part, c->c0, c->c1)
          || asker_subject_after_label (v, p, answer_sentence_start (p, c->w0),
                                        c->w0))) {
    g_free (said);
    return NULL;
  }
  if (said == NULL && p->kind != PART_HEADING && p->heading >= 0)
    said = confusable_heading (answer_part (v->a, (guint) p->heading));
  for (guint i = 0; said == NULL && p->kind == PART_CELL
                    && i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    if (q != p && q->kind == PART_CELL && q->block == p->block
        && q->row == p->row && (q->amounts == NULL || q->amounts->len == 0))
      said = not_this_in (q, TRUE, 0, 0);
  }
  return said;
}

/* "Nhóm 1 – … (trường hợp của bạn)", "… – trường hợp bạn hỏi"; not "Bước
 * 1 – Kiểm tra trường hợp của bạn" (scoring/match.h). */
gboolean
match_marks_yours (const AnswerPart *q)
{
  const guint *groups = claims_paren_groups (q);
  for (guint h = 0; h < q->cues->len; h++) {
    const CueHit *ch = &g_array_index (q->cues, CueHit, h);
    if (ch->cls != CUE_YOURS)
      continue;
    gboolean set_off = groups[ch->w0] != 0 || dash_before (q, ch->w0);
    gboolean negated = ch->w0 >= 2
                       && (answer_word_is (q, ch->w0 - 1, "phải")
                           || answer_word_is (q, ch->w0 - 1, "phai"))
                       && (answer_word_is (q, ch->w0 - 2, "không")
                           || answer_word_is (q, ch->w0 - 2, "khong"));
    if (set_off && !negated)
      return TRUE;
  }
  return FALSE;
}

/* Two headings of one family: both numbered, or opening on one word
 * ("Nhóm 1 – …", "Nhóm 2 – …"). */
static gboolean
same_family (const AnswerPart *a, const AnswerPart *b)
{
  if (match_numbered_heading (a) && match_numbered_heading (b))
    return TRUE;
  if (a->words->len < 2 || b->words->len < 2)
    return FALSE;
  const CueWord *x = &g_array_index (a->words, CueWord, 0);
  const CueWord *y = &g_array_index (b->words, CueWord, 0);
  return x->end - x->start == y->end - y->start
         && memcmp (a->norm + x->start, b->norm + y->start,
                    x->end - x->start) == 0;
}

/* A list item beside one set apart as the asker's ("- 07 ngày làm việc:
 * cấp lại giấy phép bị mất (câu hỏi của bạn)", "- 10 ngày làm việc: sửa
 * đổi, bổ sung …"): another case's line. The marked item, or NULL. */
static gboolean
item_like (const AnswerPart *p)
{
  /* an English item's Vietnamese gloss stands where the item does */
  return p->kind == PART_ITEM || (p->kind == PART_GLOSS && p->words->len > 0
                                  && p->intro >= 0);
}

static const AnswerPart *
other_item (View *v, const AnswerPart *p)
{
  if (!item_like (p) || match_marks_yours (p))
    return NULL;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    if (q != p && item_like (q) && q->block == p->block
        && match_marks_yours (q))
      return q;
  }
  return NULL;
}

const char *
match_other_group (View *v, guint part, const char **yours)
{
  const AnswerPart *p = answer_part (v->a, part);
  const AnswerPart *mine = other_item (v, p);
  if (mine != NULL) {
    *yours = mine->norm;
    return p->norm;
  }
  /* under a heading, or a line introducing a list ("neu con duoi 16
   * tuoi:" beside "neu con tu du 16 tuoi tro len (truong hop cua chi):") */
  const gint lead[] = {p->intro, p->heading};
  for (gsize l = 0; l < G_N_ELEMENTS (lead); l++) {
    if (lead[l] < 0)
      continue;
    const AnswerPart *h = answer_part (v->a, (guint) lead[l]);
    PartKind kind = l == 0 ? PART_INTRO : PART_HEADING;
    if (h->kind != kind || match_marks_yours (h))
      continue;
    for (guint i = 0; i < v->a->parts->len; i++) {
      const AnswerPart *q = answer_part (v->a, i);
      if (q != h && q->kind == kind && match_marks_yours (q)
          && same_family (h, q)) {
        *yours = q->norm;
        return h->norm;
      }
    }
  }
  return NULL;
}

/* Whether a row header names a field or a channel ("Thời hạn giải quyết",
 * "Lệ phí nộp trực tuyến"): such a table lists one procedure's fields,
 * not its cases. */
static gboolean
names_a_field (const AnswerPart *p)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->w0 > 0) /* "Cấp lại do bị mất": a case that says "mất" */
      continue;
    switch (ch->cls) {
    case CUE_PROCESSING_WEAK: /* "thời hạn", not "cấp" of "Cấp lại …" */
      if (ch->w1 - ch->w0 >= 2)
        return TRUE;
      break;
    case CUE_FEE: case CUE_PROCESSING:
    case CUE_DEADLINE: case CUE_STEP: case CUE_VALIDITY: case CUE_EXTENSION:
    case CUE_DELIVERY: case CUE_CH_TRUC_TIEP: case CUE_CH_TRUC_TUYEN:
    case CUE_CH_BUU_CHINH:
      return TRUE;
    default:
      break;
    }
  }
  return FALSE;
}

/* TRUE when a cell under column header h holds an amount, money or not
 * as money says. */
static gboolean
column_holds (View *v, guint h, gboolean money)
{
  for (guint i = h + 1; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    if (q->block != answer_part (v->a, h)->block)
      break;
    for (guint k = 0; q->col_head == (gint) h && q->amounts
                      && k < q->amounts->len; k++)
      if ((g_array_index (q->amounts, NumbersMention, k).unit
           == NUMBERS_UNIT_VND) == money)
        return TRUE;
  }
  return FALSE;
}

/* The header (row or column) of the line of cells that the question
 * words best, when it is not own. Columns count only when they hold
 * amounts of the claim's kind (money says which): a question on a fee
 * and a time words both columns. */
static gboolean
line_header (View *v, const AnswerPart *p, guint i, gboolean rows,
             gboolean money)
{
  const AnswerPart *q = answer_part (v->a, i);
  gboolean header = rows ? q->kind == PART_CELL && q->col == 0
                         : q->kind == PART_HEAD;
  return q->block == p->block && header
         && (rows || column_holds (v, i, money));
}

/* The words every header of the line shares ("kí tự" of "| 1 kí tự (a.vn)
 * |" and "| 2 kí tự (ab.vn) |"): a person tells the lines apart by the
 * rest. New set, or NULL when fewer than two headers. */
static GHashTable *
common_words (View *v, const AnswerPart *p, gboolean rows, gboolean money)
{
  GHashTable *common = NULL;
  guint n = 0;
  for (guint i = 0; i < v->a->parts->len; i++) {
    if (!line_header (v, p, i, rows, money))
      continue;
    const AnswerPart *q = answer_part (v->a, i);
    GHashTable *mine = g_hash_table_new_full (g_str_hash, g_str_equal,
                                              g_free, NULL);
    for (guint k = 0; k < q->words->len; k++) {
      const CueWord *w = &g_array_index (q->words, CueWord, k);
      char *t = g_strndup (q->norm + w->start, w->end - w->start);
      if (common == NULL || g_hash_table_contains (common, t))
        g_hash_table_add (mine, t);
      else
        g_free (t);
    }
    if (common != NULL)
      g_hash_table_unref (common);
    common = mine;
    n++;
  }
  if (n < 2 && common != NULL) {
    g_hash_table_unref (common);
    common = NULL;
  }
  return common;
}

/* The header (row or column) of the line of cells that the question
 * words best, when it is not own. Columns count only when they hold
 * amounts of the claim's kind (money says which): a question on a fee
 * and a time words both columns. Coverage counts the words that tell the
 * lines apart; at least three words of the header are the question's. */
static const AnswerPart *
asked_line (View *v, const AnswerPart *p, const AnswerPart *own, gboolean rows,
            gboolean money)
{
  g_autoptr (GHashTable) skip = common_words (v, p, rows, money);
  guint own_s, own_t;
  match_question_overlap (v, own, skip, &own_s, &own_t);
  if (own_t == 0)
    match_question_overlap (v, own, NULL, &own_s, &own_t);
  double own_cov = own_t ? (double) own_s / own_t : 0;
  const AnswerPart *best = NULL;
  double best_cov = 0, second = 0;
  guint best_s = 0;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    if (q == own || !line_header (v, p, i, rows, money))
      continue;
    guint s, t, all_s, all_t;
    match_question_overlap (v, q, skip, &s, &t);
    match_question_overlap (v, q, NULL, &all_s, &all_t);
    if (t == 0) /* every word shared ("Cấp lại giấy phép bưu chính" inside
                   "… do bị mất, hư hỏng"): its words are all it has */
      s = all_s, t = all_t;
    double cov = t ? (double) s / t : 0;
    if (cov > best_cov) {
      second = best_cov;
      best_cov = cov;
      best = q;
      best_s = all_s;
    } else if (cov > second)
      second = cov;
  }
  /* A person reads the line the question words: most of its header is
   * in the question, clearly more than this line's and any other's. */
  if (best == NULL || best_s < 3 || best_cov < 0.75 || second >= best_cov
      || best_cov < own_cov + 0.34 || own_cov >= 0.75)
    return NULL;
  return best;
}

const char *
match_unasked_row (View *v, const ValueClaim *c, const char **asked)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  gboolean money = c->m.unit == NUMBERS_UNIT_VND;
  if (v->key->question == NULL)
    return NULL;
  const AnswerPart *line = NULL, *own = NULL;
  if (p->row_head >= 0) {
    own = answer_part (v->a, (guint) p->row_head);
    if (!names_a_field (own))
      line = asked_line (v, p, own, TRUE, money);
  }
  /* "| Lệ phí đăng ký | Phí duy trì (mỗi năm) |" to "phí duy trì một
   * năm là bao nhiêu?" */
  if (line == NULL && p->col_head >= 0) {
    own = answer_part (v->a, (guint) p->col_head);
    line = asked_line (v, p, own, FALSE, money);
  }
  if (line == NULL)
    return NULL;
  *asked = line->norm;
  return own->norm;
}
