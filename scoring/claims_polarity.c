/* Polarity of a name or value (scoring/claims.h claims_polarity): negated,
 * history, quoted or stated, read from the cues around it (an answer
 * correcting itself: claims_correction.c). Split from claims.c, which
 * reads the rest of a claim. */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

#include <string.h>

/* "trước 1/7/2025", "trước ngày 01/7/2025", "trước năm 2025": the past. */
static gboolean
before_a_date (const AnswerPart *p, guint i, gboolean lenient)
{
  if (!word_is (p, i, "trước", "truoc", lenient)
      && !word_is (p, i, "before", "before", lenient))
    return FALSE;
  if (starts_with_digit (p, i + 1))
    return TRUE;
  return (word_is (p, i + 1, "ngày", "ngay", lenient)
          || word_is (p, i + 1, "năm", "nam", lenient)
          || word_is (p, i + 1, "tháng", "thang", lenient))
         && starts_with_digit (p, i + 2);
}

/* "từ 1/7/2025", "sau ngày …": the present begins. */
static gboolean
from_a_date (const AnswerPart *p, guint i, gboolean lenient)
{
  if (!word_is (p, i, "từ", "tu", lenient) && !word_is (p, i, "sau", "sau",
                                                        lenient)
      && !word_is (p, i, "since", "since", lenient))
    return FALSE;
  return starts_with_digit (p, i + 1)
         || ((word_is (p, i + 1, "ngày", "ngay", lenient)
              || word_is (p, i + 1, "năm", "nam", lenient))
             && starts_with_digit (p, i + 2));
}

/* "Bản 2019 (đã thay): …", "(superseded)": a change log's mark, in
 * brackets, that its entry was replaced. */
static gboolean
replaced_mark (const AnswerPart *p, guint i, gboolean lenient)
{
  if (claims_paren_groups (p)[i] == 0)
    return FALSE;
  return (word_is (p, i, "đã", "da", lenient)
          && (word_is (p, i + 1, "thay", "thay", lenient)
              || word_is (p, i + 1, "cũ", "cu", lenient))
          && i + 2 < p->words->len && (word (p, i + 2)->gap & CUE_GAP_CLOSE))
         || word_is (p, i, "superseded", "superseded", lenient)
         || word_is (p, i, "replaced", "replaced", lenient);
}

/* "**Lịch sử thẩm quyền:** …", "History: …", "Danh mục văn bản hết hiệu
 * lực: …": a label (eight words at most) opening the part that says it
 * tells the past or lists what has ended. The label's word, or -1. */
static gint
history_label (const AnswerPart *p, gboolean lenient)
{
  for (guint k = 1; k < p->words->len && k <= 8; k++) {
    if (!(word (p, k)->gap & CUE_GAP_COLON))
      continue;
    for (guint i = 0; i < k; i++)
      if ((word_is (p, i, "lịch", "lich", lenient)
           && word_is (p, i + 1, "sử", "su", lenient))
          || word_is (p, i, "history", "history", lenient)
          || replaced_mark (p, i, lenient))
        return (gint) i;
    /* "Danh mục văn bản hết hiệu lực: Luật … số 24/2018/QH14 …" */
    for (guint h = 0; h < p->cues->len; h++)
      if (hit (p, h)->cls == CUE_ENDED && hit (p, h)->w1 <= k)
        return (gint) hit (p, h)->w0;
    return -1;
  }
  return -1;
}

gboolean
claims_line_history (const Answer *a, const AnswerPart *p, guint w0)
{
  const AnswerPart *first = p;
  for (guint i = 0; i < a->parts->len; i++)
    if (answer_part (a, i)->line == p->line) {
      first = answer_part (a, i);
      break;
    }
  gint label = history_label (first, a->lenient);
  if (label < 0 || (first == p && (guint) label >= w0))
    return FALSE;
  /* "… ; nay không còn cấp huyện, anh/chị nộp tại UBND cấp xã" */
  for (guint h = 0; h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_NOW && hit (p, h)->w1 <= w0)
      return FALSE;
  return TRUE;
}

/* History in clause [c0, w0): a past cue with no "now" after it. */
gboolean
claims_history_before (const AnswerPart *p, guint c0, guint w0, gboolean lenient)
{
  gint past = -1, now = -1;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->w0 < c0 || ch->w1 > w0)
      continue;
    /* "ngày trước" is the old days, "15 ngày trước ngày …" a count, "1.
     * Trước đây là bộ nào?" a numbered question on the past */
    if (ch->cls == CUE_HIST
        && !(ch->w0 > 0 && starts_with_digit (p, ch->w0 - 1)
             && !(word (p, ch->w0)->gap & (CUE_GAP_STOP | CUE_GAP_COLON))))
      past = MAX (past, (gint) ch->w0);
    else if (ch->cls == CUE_NOW)
      now = MAX (now, (gint) ch->w0);
  }
  for (guint i = c0; i < w0; i++) {
    char b = p->norm[word (p, i)->start]; /* trước, từ, sau, before, since */
    if (b != 't' && b != 's' && b != 'b')
      continue;
    if (before_a_date (p, i, lenient))
      past = MAX (past, (gint) i);
    else if (from_a_date (p, i, lenient))
      now = MAX (now, (gint) i);
  }
  if (past < 0 || past <= now)
    return FALSE;
  /* "nếu đề soạn theo quy định cũ thì A cũng được": the past is the
   * condition's, what follows "thì" holds under it */
  gboolean cond = FALSE;
  for (guint i = c0; i < (guint) past && !cond; i++)
    cond = word_is (p, i, "nếu", "neu", lenient) || word_is (p, i, "if", "if", lenient);
  for (guint i = (guint) past + 1; cond && i < w0; i++)
    if (word_is (p, i, "thì", "thi", lenient) || word_is (p, i, "then", "then", lenient))
      return FALSE;
  return TRUE;
}

/* A negation ending at most gap words before w0, in the clause, not
 * "không chỉ" (not only). */
gboolean
claims_negated_before (const AnswerPart *p, guint c0, guint w0, guint gap,
                gboolean lenient)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    /* a negation that usually follows its subject ("… không còn làm")
     * negates what follows it too ("không còn làm ở Sở Tư pháp"), when it
     * is a plain negation: the longer cue has swallowed "không còn". Not
     * "hợp nhất vào", "được thay thế bởi": what follows those lives on. */
    gboolean plain_not = ch->cls == CUE_NEG_AFTER
                         && (word_is (p, ch->w0, "không", "khong", lenient)
                             || word_is (p, ch->w0, "chưa", "chua", lenient)
                             || word_is (p, ch->w0, "no", "no", lenient)
                             || word_is (p, ch->w0, "not", "not", lenient));
    /* "không còn Phòng Tài chính – Kế hoạch cấp huyện": a plain negation
     * reaches over one noun phrase, to its comma */
    guint reach = gap;
    if (plain_not && ch->w1 <= w0 && (guint) ch->w1 + 8 >= w0) {
      reach = 8;
      for (guint k = (guint) ch->w1 + 1; k <= w0 && k < p->words->len; k++)
        if ((word (p, k)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON))
            || word_is (p, k, "nên", "nen", lenient)
            || word_is (p, k, "thì", "thi", lenient)
            || word_is (p, k, "mà", "ma", lenient)
            || word_is (p, k, "để", "de", lenient)
            || word_is (p, k, "nhưng", "nhung", lenient)
            || word_is (p, k, "bạn", "ban", lenient)
            || word_is (p, k, "so", "so", lenient))
          reach = gap; /* "không còn nộp ở Sở nên bạn đến Công an tỉnh" */
    }
    /* "Không hứa "làm được trong ngày" khi …": what is not to be
     * promised runs to the clause's end */
    if (ch->cls == CUE_NEG && ch->w1 <= w0 && (guint) ch->w1 + 6 >= w0
        && (word_is (p, ch->w1 - 1, "hứa", "hua", lenient)
            || word_is (p, ch->w1 - 1, "promise", "promise", lenient))) {
      reach = 6;
      for (guint k = (guint) ch->w1 + 1; k <= w0 && k < p->words->len; k++)
        if (word (p, k)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON))
          reach = gap;
    }
    /* "bãi bỏ (the) cấp huyện", not "thẩm quyền bãi bỏ thuộc HĐND tỉnh":
     * the abolished thing right after */
    if (word_is (p, ch->w0, "bãi", "bai", lenient)
        && !(ch->w1 == w0
             || ((guint) ch->w1 + 1 == w0
                 && word_is (p, ch->w1, "the", "the", lenient))))
      continue;
    if ((ch->cls != CUE_NEG && !plain_not) || ch->w0 < c0 || ch->w1 > w0
        || ch->w1 + reach < w0)
      continue;
    if (word_is (p, ch->w1, "chỉ", "chi", lenient)
        || word_is (p, ch->w1, "những", "nhung", lenient)
        || word_is (p, ch->w1, "quá", "qua", lenient))
      continue;
    /* "nếu … không nộp thẻ cũ thì … vẫn giữ được": the negation is the
     * condition's, "thì" opens what follows from it */
    gboolean then = FALSE;
    for (guint k = ch->w1; k < w0 && !then; k++)
      then = word_is (p, k, "thì", "thi", lenient);
    if (then)
      continue;
    return TRUE;
  }
  return FALSE;
}

/* "… (180.000 đồng) …; thời gian giảm này đã kết thúc": what the sentence
 * told before an "ended" cue is history. */
gboolean
claims_ended_after (const AnswerPart *p, guint w1)
{
  const guint *groups = NULL;
  for (guint h = 0; h < p->cues->len; h++) {
    if (hit (p, h)->cls != CUE_ENDED || hit (p, h)->w0 < w1)
      continue;
    /* "… tờ khai (… nếu hợp đồng cũ đã hết hạn)": a parenthesis the
     * words are not in tells of something else */
    if (groups == NULL)
      groups = claims_paren_groups (p);
    guint g = groups[hit (p, h)->w0];
    /* … unless it opens a status closing the line ("Các quyết định phân
     * cấp cho Sở TT&TT - (hết hiệu lực từ năm 2025, …)"), which is the
     * whole line's */
    gboolean status = g != 0 && groups[p->words->len - 1] == g
                      && (hit (p, h)->w0 == 0
                          || groups[hit (p, h)->w0 - 1] != g);
    if (g != 0 && (w1 == 0 || groups[w1 - 1] != g) && !status)
      continue;
    return TRUE;
  }
  return FALSE;
}

/* A list under "Luật này thay thế hai luật trước đây:", a section under
 * "## Quy định cũ": history. */
/* A cell whose row says the document or office is gone ("| … | Hết hiệu
 * lực từ 01/7/2026 |"). */
static gboolean
row_says_gone (const Answer *a, const AnswerPart *p)
{
  if (p->kind != PART_CELL && p->kind != PART_HEAD)
    return FALSE;
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *q = answer_part (a, i);
    if (q == p || q->block != p->block || q->row != p->row
        || (q->kind != PART_CELL && q->kind != PART_HEAD))
      continue;
    for (guint h = 0; h < q->cues->len; h++)
      if (hit (q, h)->cls == CUE_NEG_AFTER || hit (q, h)->cls == CUE_HIST)
        return TRUE;
  }
  return FALSE;
}

/* Where a context line's title ends: before a note in parentheses that
 * closes it ("■ LỆ PHÍ (thay cho mức giảm 50% đã hết hiệu lực)"), or at
 * its end. */
static guint
title_end (const AnswerPart *q)
{
  const guint *groups = claims_paren_groups (q);
  guint n = q->words->len;
  if (n == 0 || groups[n - 1] == 0)
    return n;
  guint k = n;
  while (k > 0 && groups[k - 1] == groups[n - 1])
    k--;
  return k;
}

/* A heading over a section of the past: "**Quy định cũ**", "**Biểu phí
 * gốc**", "LỊCH SỬ MỨC THU (…)", or a document said to be gone outside
 * any parentheses ("VĂN BẢN BỊ THAY THẾ", "Văn bản hết hiệu lực") — not
 * "Trường hợp hộ chiếu đã hết hạn", "Thời hạn đã được rút ngắn". */
static gboolean
heads_the_past (const AnswerPart *q, gboolean lenient)
{
  gboolean document = FALSE;
  for (guint i = 0; i < q->words->len; i++) {
    /* two-syllable nouns ("quy định", "văn bản", "biểu phí"), or "luật" */
    guint adj = word_is (q, i, "luật", "luat", lenient) ? i + 1 : i + 2;
    gboolean doc = word_is (q, i, "qui", "qui", lenient) /* quy định */
                   || word_is (q, i, "luật", "luat", lenient)
                   || word_is (q, i, "văn", "van", lenient)
                   || word_is (q, i, "biểu", "bieu", lenient);
    if (doc && (word_is (q, adj, "cũ", "cu", lenient)
                || word_is (q, adj, "gốc", "goc", lenient)))
      return TRUE; /* "quy định cũ", "luật cũ", "biểu phí gốc" */
    if (word_is (q, i, "lịch", "lich", lenient)
        && word_is (q, i + 1, "sử", "su", lenient))
      return TRUE;
    document |= doc;
  }
  const guint *groups = claims_paren_groups (q);
  for (guint h = 0; document && h < q->cues->len; h++)
    if (hit (q, h)->cls == CUE_ENDED && groups[hit (q, h)->w0] == 0)
      return TRUE;
  return FALSE;
}

/* A table header that marks its column or row as gone by: "2024 (đã
 * qua)", "Mức cũ", "(cũ)", "(past)" — its last words, so "Đã qua kiểm
 * tra" or "Hồ sơ cũ cần bổ sung gì" title no such thing. */
static gboolean
header_says_past (const AnswerPart *q, gboolean lenient)
{
  guint n = q->words->len;
  if (n == 0)
    return FALSE;
  return (n >= 2 && word_is (q, n - 2, "đã", "da", lenient)
          && word_is (q, n - 1, "qua", "qua", lenient))
         || word_is (q, n - 1, "cũ", "cu", lenient)
         || word_is (q, n - 1, "past", "past", lenient)
         || word_is (q, n - 1, "old", "old", lenient);
}

gboolean
claims_history_context (const Answer *a, const AnswerPart *p)
{
  if (a != NULL && row_says_gone (a, p))
    return TRUE;
  /* "| | Trước 01/3/2025 | Từ 01/3/2025 |": a column's header too */
  const gint ctx[] = {p->intro, p->heading, p->row_head, p->col_head};
  for (gsize i = 0; a && i < G_N_ELEMENTS (ctx); i++) {
    if (ctx[i] < 0)
      continue;
    const AnswerPart *q = answer_part (a, (guint) ctx[i]);
    guint end = ctx[i] == p->heading ? title_end (q) : q->words->len;
    /* "Mức thu hiện hành (thay thế Thông tư 85/2019/TT-BTC)", "Lệ phí mới
     * thay cho mức cũ": what a line that names the current one replaces
     * is past, what it titles is not ("Luật này thay thế hai luật trước
     * đây:" lists the replaced ones) */
    gboolean current = FALSE;
    for (guint k = 0; k < end && !current; k++)
      current = word_is (q, k, "mới", "moi", a->lenient)
                || (word_is (q, k, "hiện", "hien", a->lenient)
                    && (word_is (q, k + 1, "hành", "hanh", a->lenient)
                        || word_is (q, k + 1, "nay", "nay", a->lenient)))
                || word_is (q, k, "current", "current", a->lenient)
                || word_is (q, k, "new", "new", a->lenient);
    for (guint k = 0; current && k < end; k++)
      if ((word_is (q, k, "thay", "thay", a->lenient)
           && (word_is (q, k + 1, "thế", "the", a->lenient)
               || word_is (q, k + 1, "cho", "cho", a->lenient)))
          || word_is (q, k, "replaces", "replaces", a->lenient)
          || word_is (q, k, "replacing", "replacing", a->lenient))
        end = k;
    if (claims_history_before (q, 0, end, a->lenient)
        || (ctx[i] == p->heading && heads_the_past (q, a->lenient))
        || ((ctx[i] == p->col_head || ctx[i] == p->row_head)
            && header_says_past (q, a->lenient)))
      return TRUE;
  }
  return FALSE;
}

/* A negation right after words [w0, w1), before any pause: "đủ 60 tuổi
 * không cần đổi nữa". */
static gboolean
negated_right_after (const AnswerPart *p, guint w1)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_NEG || ch->w0 < w1 || ch->w0 > w1 + 2)
      continue;
    gboolean pause = FALSE;
    for (guint k = w1; k <= ch->w0 && k < p->words->len && !pause; k++)
      pause = (word (p, k)->gap
               & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)) != 0;
    if (!pause)
      return TRUE;
  }
  return FALSE;
}

/* "không còn nộp ở công an huyện nữa", "đủ 60 tuổi không cần đổi nữa": a
 * negation and "nữa" frame the whole clause. */
static gboolean
negated_until_nua (const AnswerPart *p, guint c0, guint c1, guint w0,
                   guint w1, gboolean lenient)
{
  gboolean nua = FALSE;
  for (guint i = w1; i < c1 && !nua; i++)
    nua = word_is (p, i, "nữa", "nua", lenient);
  return nua && (claims_negated_before (p, c0, w0, w0 - c0, lenient)
                 || negated_right_after (p, w1));
}

/* A field whose label opens on a negation names what is not so:
 * `khong_con: ["Sở Thông tin và Truyền thông", …]` (a YAML key, written
 * without marks in an accented answer), "Không còn: …". The name at w0
 * after the label's colon. */
static gboolean
negating_label (const AnswerPart *p, guint w0)
{
  if (p->words->len < 2 || !(answer_word_is (p, 0, "khong") || answer_word_is (p, 0, "không")
                             || answer_word_is (p, 0, "chua") || answer_word_is (p, 0, "chưa")))
    return FALSE;
  for (guint k = 1; k < p->words->len && k <= 4; k++)
    if (word (p, k)->gap & CUE_GAP_COLON)
      return w0 >= k;
  return FALSE;
}

/* "chị hỏi rằng có còn nộp hồ sơ ở Sở Tư pháp được không, …": a yes/no
 * question told again in a clause of its own — "có" before the name, the
 * clause closing on "(được|hay) không" — asks, it states nothing. */
static gboolean
asked_in_clause (const AnswerPart *p, guint c0, guint c1, guint w0,
                 gboolean lenient)
{
  if (c1 < c0 + 3 || c1 >= p->words->len
      || !(word (p, c1)->gap & CUE_GAP_COMMA)
      || !word_is (p, c1 - 1, "không", "khong", lenient)
      || !(word_is (p, c1 - 2, "được", "duoc", lenient)
           || word_is (p, c1 - 2, "hay", "hay", lenient)))
    return FALSE;
  /* "có còn nộp …": "còn" opens a clause of its own after "có" */
  for (guint k = MIN (c0, answer_sentence_start (p, w0)); k < w0; k++)
    if (word_is (p, k, "có", "co", lenient))
      return TRUE;
  return FALSE;
}

/* "hỏi Bộ KH&CN về giấy phép này là không đúng cơ quan", "nộp ở huyện
 * là sai": the clause the name stands in is then called wrong. */
static gboolean
judged_wrong_after (const AnswerPart *p, guint w1, guint c1, gboolean lenient)
{
  for (guint k = w1; k + 1 < c1 && k + 1 < p->words->len; k++) {
    if (!word_is (p, k, "là", "la", lenient) && !word_is (p, k, "is", "is", lenient))
      continue;
    guint e = k + 2; /* the word after the verdict */
    gboolean wrong = word_is (p, k + 1, "sai", "sai", lenient)
                     || word_is (p, k + 1, "nhầm", "nham", lenient)
                     || word_is (p, k + 1, "wrong", "wrong", lenient);
    if (!wrong && (word_is (p, k + 1, "không", "khong", lenient)
                   || word_is (p, k + 1, "chưa", "chua", lenient)
                   || word_is (p, k + 1, "not", "not", lenient))) {
      wrong = word_is (p, k + 2, "đúng", "dung", lenient)
              || word_is (p, k + 2, "correct", "correct", lenient)
              || word_is (p, k + 2, "right", "right", lenient)
              || (word_is (p, k + 2, "chính", "chinh", lenient)
                  && word_is (p, k + 3, "xác", "xac", lenient));
      e = word_is (p, k + 2, "chính", "chinh", lenient) ? k + 4 : k + 3;
    }
    /* "… 7 ngày làm việc là cách tính cũ", "30 ngày là quá dài": old, or
     * too much */
    for (guint j = k + 1; !wrong && j <= k + 3 && j < c1
                          && !(word (p, j)->gap & CUE_GAP_COMMA); j++)
      if (word_is (p, j, "cũ", "cu", lenient) && !lenient)
        wrong = TRUE, e = j + 1;
    if (!wrong && word_is (p, k + 1, "quá", "qua", lenient) && !lenient)
      wrong = TRUE, e = k + 3;
    /* not "… là sai hay đúng": a question about it */
    if (wrong && !word_is (p, e, "hay", "hay", lenient)
        && !word_is (p, e, "hoặc", "hoac", lenient) && !word_is (p, e, "or", "or", lenient))
      return TRUE;
  }
  return FALSE;
}

/* "Bộ TT&TT (đã) hợp nhất vào Bộ KH&CN", "hợp nhất Bộ TT&TT vào Bộ
 * KH&CN", "the Ministry … merged into …": the office merged away is gone;
 * and "Các văn bản do Bộ TT&TT ban hành": the issuer of texts, not the
 * office that handles the matter. The name at words [w0, w1). */
static gboolean
merged_away (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  guint k = w1;
  while (word_is (p, k, "đã", "da", lenient) || word_is (p, k, "được", "duoc", lenient)
         || word_is (p, k, "bị", "bi", lenient))
    k++;
  gboolean merge_after = ((word_is (p, k, "hợp", "hop", lenient)
                           && word_is (p, k + 1, "nhất", "nhat", lenient))
                          || (word_is (p, k, "sáp", "sap", lenient)
                              && word_is (p, k + 1, "nhập", "nhap", lenient)))
                         && word_is (p, k + 2, "vào", "vao", lenient);
  merge_after |= word_is (p, k, "merged", "merged", lenient)
                 && word_is (p, k + 1, "into", "into", lenient);
  gboolean merge_before = w0 >= 2 && word_is (p, w1, "vào", "vao", lenient)
                          && ((word_is (p, w0 - 2, "hợp", "hop", lenient)
                               && word_is (p, w0 - 1, "nhất", "nhat", lenient))
                              || (word_is (p, w0 - 2, "sáp", "sap", lenient)
                                  && word_is (p, w0 - 1, "nhập", "nhap", lenient)));
  gboolean issuer = w0 >= 1 && word_is (p, w0 - 1, "do", "do", lenient)
                    && word_is (p, w1, "ban", "ban", lenient)
                    && word_is (p, w1 + 1, "hành", "hanh", lenient);
  return merge_after || merge_before || issuer;
}

/* "(văn bản xác nhận do) Sở TT&TT cấp năm 2021", "… issued in 2023":
 * the office is named as the issuer of an old paper, on its date, not as
 * the one that handles the asked procedure now. */
static gboolean
issued_on_a_date (const AnswerPart *p, guint w1, gboolean lenient)
{
  guint k = w1;
  if (word_is (p, k, "cấp", "cap", lenient) || word_is (p, k, "issued", "issued", lenient))
    k++;
  else if (word_is (p, k, "ban", "ban", lenient) && word_is (p, k + 1, "hành", "hanh", lenient))
    k += 2;
  else
    return FALSE;
  /* "cấp năm 2021", "cấp từ năm 2021", not "cấp, năm 2025 chưa có gì
   * thay đổi" */
  if (k < p->words->len && (word (p, k)->gap & ~CUE_GAP_OPERATOR))
    return FALSE;
  if (word_is (p, k, "vào", "vao", lenient) || word_is (p, k, "từ", "tu", lenient))
    k++;
  if (word_is (p, k, "năm", "nam", lenient) || word_is (p, k, "ngày", "ngay", lenient)
      || word_is (p, k, "tháng", "thang", lenient) || word_is (p, k, "in", "in", lenient)
      || word_is (p, k, "on", "on", lenient))
    k++;
  else
    return FALSE;
  return starts_with_digit (p, k) && !(word (p, k)->gap & CUE_GAP_STOP);
}

/* A sentence ends between words from and to ("… cấp tỉnh; trước đây …"). */
static gboolean
stop_between (const AnswerPart *p, guint from, guint to)
{
  /* from is the first word after the name: its gap is the boundary */
  for (guint k = from; k <= to && k < p->words->len; k++)
    if (word (p, k)->gap & CUE_GAP_STOP)
      return TRUE;
  return FALSE;
}

/* "nhưng", "thực ra", "but", "actually" at word k: a turn that sets
 * right what came before. */
static gboolean
turn_at (const AnswerPart *p, guint k, gboolean lenient)
{
  return word_is (p, k, "nhưng", "nhung", lenient)
         || (word_is (p, k, "thực", "thuc", lenient)
             && word_is (p, k + 1, "ra", "ra", lenient))
         || word_is (p, k, "but", "but", lenient)
         || word_is (p, k, "actually", "actually", lenient);
}

/* "Các tài liệu cũ ghi "Sở Thông tin và Truyền thông" hoặc "Bộ Thông tin
 * và Truyền thông"": what a belief or an old text says runs on over the
 * clauses a name's own "và" starts — not past a comma, a stop, a colon or
 * a turn ("nhưng", "thực ra"): "Nhiều người nghĩ phải lên huyện, thật ra
 * bạn chỉ cần đến UBND cấp xã". */
static gboolean
belief_reaches (const AnswerPart *p, guint from, guint w0, gboolean lenient)
{
  if (w0 > from + 15)
    return FALSE;
  for (guint k = from; k <= w0 && k < p->words->len; k++)
    if ((word (p, k)->gap & (CUE_GAP_STOP | CUE_GAP_COLON | CUE_GAP_COMMA))
        || turn_at (p, k, lenient) || word_is (p, k, "còn", "con", lenient)
        || word_is (p, k, "mà", "ma", lenient))
      return FALSE;
  return TRUE;
}

/* A page's name right before word w: "cổng thông tin (điện tử)", "trang
 * thông tin điện tử", "website (của)", "trang web (của)", "fanpage". */
static gboolean
publisher_before (const AnswerPart *p, guint w, gboolean lenient)
{
  if (w > 0 && (word_is (p, w - 1, "của", "cua", lenient)))
    w--;
  if (w >= 1 && (word_is (p, w - 1, "website", "website", lenient)
                 || word_is (p, w - 1, "fanpage", "fanpage", lenient)
                 || (w >= 2 && word_is (p, w - 2, "trang", "trang", lenient)
                     && word_is (p, w - 1, "web", "web", lenient))))
    return TRUE;
  if (w >= 2 && word_is (p, w - 2, "điện", "dien", lenient)
      && word_is (p, w - 1, "tử", "tu", lenient))
    w -= 2;
  return w >= 3 && word_is (p, w - 1, "tin", "tin", lenient)
         && word_is (p, w - 2, "thông", "thong", lenient)
         && (word_is (p, w - 3, "cổng", "cong", lenient)
             || word_is (p, w - 3, "trang", "trang", lenient));
}

/* "Phòng Quản lý xuất nhập cảnh là đúng với cách làm trước đây", "… là
 * nơi nộp trước kia": "là" right after the name, then a past cue in its
 * clause (six words at most, no comma). */
static gboolean
called_past_after (const AnswerPart *p, guint w1, gboolean lenient)
{
  if (!word_is (p, w1, "là", "la", lenient) || (word (p, w1)->gap & ~CUE_GAP_OPERATOR))
    return FALSE;
  for (guint h = 0; h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_HIST && hit (p, h)->w0 > w1
        && hit (p, h)->w0 <= w1 + 6 && !stop_between (p, w1 + 1, hit (p, h)->w0)) {
      for (guint k = w1 + 1; k <= hit (p, h)->w0; k++)
        if (word (p, k)->gap & CUE_GAP_COMMA)
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

Polarity
claims_polarity (const Answer *a, const AnswerPart *p, guint w0, guint w1)
{
  gboolean lenient = a->lenient;
  /* a heading that asks ("**3. Bộ KH&CN có liên quan không?**") names
   * what its section answers about, it states nothing */
  if (p->quoted || (p->kind == PART_HEADING && answer_text_asks (p->norm)))
    return POL_QUOTED;
  guint c0, c1;
  claims_clause (p, w0, w1, &c0, &c1);
  if (claims_negated_before (p, c0, w0, 4, lenient)
      || negated_until_nua (p, c0, c1, w0, w1, lenient))
    return POL_NEGATED;
  /* "không chấp nhận văn bản của người làm chứng hay giấy cam đoan": the
   * negation reaches over "hay", "hoặc", "or" to the next alternative */
  if (w0 > c0 + 1 && (word_is (p, w0 - 1, "hay", "hay", lenient)
                      || word_is (p, w0 - 1, "hoặc", "hoac", lenient)
                      || word_is (p, w0 - 1, "or", "or", lenient)
                      || word_is (p, w0 - 1, "nor", "nor", lenient))
      /* "không gửi hồ sơ về Bộ Thông tin và Truyền thông hay Sở …": from
       * the sentence's start, as "và" in the first name splits a clause */
      && claims_negated_before (p, MIN (c0, answer_sentence_start (p, w0)),
                                w0 - 1, 14, lenient))
    return POL_NEGATED;
  /* "không có công an quận, công an huyện nhận hồ sơ": past a comma, a
   * name with the head of the item before it is the next of a list the
   * negation reaches */
  if (claims_listed_after_negated (p, w0, lenient)
      || claims_listed_before_negated (p, w0, w1, lenient)
      || claims_negated_to_place (p, w0, lenient)
      || claims_said_optional (p, w1, lenient) || claims_field_denied (p, w1))
    return POL_NEGATED;
  /* "Sở KH&CN (không cấp giấy phép)": a parenthesis on the name that
   * opens on a negation says what it does not do; so does the value of
   * a line it labels ("Giấy tờ chứng minh chỗ ở hợp pháp: không yêu
   * cầu") */
  if (w1 < p->words->len
      && (word (p, w1)->gap & (CUE_GAP_OPEN | CUE_GAP_COLON)))
    for (guint h = 0; h < p->cues->len; h++)
      if (hit (p, h)->cls == CUE_NEG && hit (p, h)->w0 == w1)
        return POL_NEGATED;
  for (guint h = 0; h < p->cues->len; h++) /* "Nhiều người nghĩ …" */
    if (hit (p, h)->cls == CUE_BELIEF && hit (p, h)->w1 <= w0
        && (hit (p, h)->w0 >= c0 || belief_reaches (p, hit (p, h)->w1, w0,
                                                    lenient))
        && !claims_belief_confirmed (p, w1, lenient))
      return POL_NEGATED;
  if (issued_on_a_date (p, w1, lenient) || merged_away (p, w0, w1, lenient)
      || claims_quote_replaced (p, w0, lenient)
      || claims_replaced_object (p, w0, lenient))
    return POL_HISTORY;
  if (claims_asked_in_quotes (p, w0) || claims_mistaken_in_quotes (p, w0, lenient)
      || asked_in_clause (p, c0, c1, w0, lenient))
    return POL_QUOTED;
  if (judged_wrong_after (p, w1, c1, lenient) || negating_label (p, w0)
      || claims_quote_called_old (p, w0, lenient)
      || claims_condition_called_old (p, w0, lenient))
    return POL_NEGATED;
  if (a != NULL && (claims_quote_rejected (a, p, w0) || claims_under_penalty (a, p)))
    return POL_NEGATED;
  /* "bỏ cấp huyện rồi", "khi bỏ cấp huyện", "bãi bỏ cấp huyện": the name
   * as what was dropped */
  if (w0 > 0 && word_is (p, w0 - 1, "bỏ", "bo", lenient)
      && (word_is (p, w1, "rồi", "roi", lenient)
          || (w0 > 1 && (word_is (p, w0 - 2, "khi", "khi", lenient)
                         || word_is (p, w0 - 2, "bãi", "bai", lenient)
                         || word_is (p, w0 - 2, "xoá", "xoa", lenient)))))
    return POL_NEGATED;
  /* "Cổng thông tin điện tử Sở Tư pháp tỉnh", "website của Sở …": the
   * office as the publisher of a page */
  if (publisher_before (p, w0, lenient))
    return POL_QUOTED;
  /* "cấp huyện (Phòng Tài chính – Kế hoạch huyện) đã bỏ": a parenthesis
   * on the name is passed over to what is said of it */
  /* before that: "Sở TT&TT - (hết hiệu lực từ năm 2025, …)" is the status */
  gboolean ended = claims_ended_after (p, w1);
  const guint *groups = claims_paren_groups (p);
  if (w1 < p->words->len && groups[w1] != 0
      && (word (p, w1)->gap & CUE_GAP_OPEN)) {
    guint g = groups[w1];
    while (w1 < p->words->len && groups[w1] == g)
      w1++;
  }
  /* "Sở Khoa học và Công nghệ nơi đặt chi nhánh không tiếp nhận …": a
   * relative clause on the name carries its negation a little farther */
  guint after = word_is (p, w1, "nơi", "noi", lenient)
                        || word_is (p, w1, "tại", "tai", lenient)
                        || word_is (p, w1, "ở", "o", lenient)
                    ? 5 : 2;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    /* "Sở Tư pháp không còn cấp", not "10 năm và không được gia hạn":
     * a conjunction between starts another statement */
    /* the farther reach only for a plain negation ("không tiếp nhận"),
     * not "nơi bạn cư trú trước đây", which tells of the place */
    guint reach = after > 2 && !word_is (p, ch->w0, "không", "khong", lenient)
                          && !word_is (p, ch->w0, "chưa", "chua", lenient)
                      ? 2 : after;
    /* "Sở Thông tin và Truyền thông không còn là đầu mối": the cue that
     * negates what follows it negates the name right before it too */
    gboolean no_longer = ch->cls == CUE_NEG && ch->w0 == w1
                         && word_is (p, ch->w0, "không", "khong", lenient)
                         && word_is (p, ch->w0 + 1, "còn", "con", lenient);
    /* not "… không còn là nơi chỉ quản lý khoa học" (no longer only) */
    for (guint k = ch->w1; no_longer && k < (guint) ch->w1 + 3; k++)
      if (word_is (p, k, "chỉ", "chi", lenient)
          || word_is (p, k, "duy", "duy", lenient))
        no_longer = FALSE;
    /* "… cấp xã, trước đây nộp ở huyện": past a comma "trước đây" opens
     * another clause about the past, it does not qualify the name */
    gboolean new_clause = ch->w0 >= w1 && (word (p, ch->w0)->gap & CUE_GAP_COMMA)
                          && (word_is (p, ch->w0, "trước", "truoc", lenient)
                              || word_is (p, ch->w0, "formerly", "formerly",
                                          lenient))
                          /* "UBND huyện, trước đây là nơi …" qualifies it */
                          && !word_is (p, ch->w1, "là", "la", lenient);
    if ((ch->cls == CUE_NEG_AFTER || no_longer) && ch->w0 >= w1
        && ch->w0 <= w1 + reach && !new_clause
        && !claims_negated_elsewhere (p, ch, lenient)
        && !stop_between (p, w1, ch->w0)
        && !(ch->w0 > w1 && (word_is (p, w1, "và", "va", lenient)
                             || word_is (p, w1, "nhưng", "nhung", lenient)
                             || word_is (p, w1, "and", "and", lenient)
                             || word_is (p, w1, "but", "but", lenient))))
      return POL_NEGATED;
  }
  if (claims_history_before (p, 0, w0, lenient) || claims_history_context (a, p)
      || ended || claims_ended_after (p, w1) || claims_line_history (a, p, w0)
      || claims_period_past (a, p, w0) || called_past_after (p, w1, lenient))
    return POL_HISTORY;
  return POL_STATED;
}

/* ---- the asker's words said back -------------------------------------- */

/* A person the answer speaks to, then a verb of saying, at word k: "bạn
 * (có) nói", "anh nhắc", "you said" — not "như bạn nói", which agrees. */
static gboolean
asker_says_at (const AnswerPart *p, guint k, gboolean lenient)
{
  static const char *const strict[] = {"nói", "nhắc", "viết", "bảo", "hỏi",
                                       "said", "wrote", "asked", "mentioned"};
  static const char *const plain[] = {"noi", "nhac", "viet", "bao", "hoi",
                                      "said", "wrote", "asked", "mentioned"};
  if (!claims_word_among (p, k, strict, plain, G_N_ELEMENTS (strict), lenient))
    return FALSE;
  for (guint b = k >= 2 ? k - 2 : 0; b < k; b++)
    if ((word_is (p, b, "bạn", "ban", lenient) || word_is (p, b, "anh", "anh", lenient)
         || word_is (p, b, "chị", "chi", lenient) || word_is (p, b, "you", "you", lenient))
        && !(b > 0 && word_is (p, b - 1, "như", "nhu", lenient))
        && !(b > 0 && word_is (p, b - 1, "as", "as", lenient)))
      return TRUE;
  return FALSE;
}

/* A turn in words [from, to) that sets a figure right: "nhưng", "thực
 * ra", "but", "actually". */
gboolean
claims_turns_in (const AnswerPart *p, guint from, guint to, gboolean lenient)
{
  for (guint k = from; k < to && k < p->words->len; k++)
    if (turn_at (p, k, lenient))
      return TRUE;
  return FALSE;
}

/* The asker's figure said back to be corrected: "Bạn nói 15.000đ nhưng đó
 * là mức của tạm trú", or in quotation marks the asker's words open ("Bạn
 * có nhắc là "nghe nói … chỉ mất 15.000đ"") — not "như bạn nói", nor a
 * law's words a verb with no person quotes ("Điều 28 nói rõ: "…""). */
gboolean
claims_in_reported_quote (const AnswerPart *p, guint w0, gboolean lenient)
{
  guint s1 = w0;
  while (s1 < p->words->len && !(word (p, s1)->gap & CUE_GAP_STOP))
    s1++;
  /* "Bạn Trang nói 7 ngày làm việc là cách tính cũ": said back and
   * judged */
  for (guint k = w0 >= 4 ? w0 - 4 : 0; k < w0; k++)
    if (asker_says_at (p, k, lenient)
        && (claims_turns_in (p, w0, s1, lenient)
            || judged_wrong_after (p, w0, s1, lenient)))
      return TRUE;
  const char *open = claims_quote_open (p, w0);
  if (open == NULL)
    return FALSE;
  guint w = 0;
  while (w < p->words->len && word (p, w)->end <= (gsize) (open - p->norm))
    w++;
  for (guint k = w >= 4 ? w - 4 : 0; k < w; k++)
    if (asker_says_at (p, k, lenient))
      return TRUE;
  return FALSE;
}

/* ---- an answer correcting itself (claims.h, claims_private.h) --------- */
