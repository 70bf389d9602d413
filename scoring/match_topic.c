/* Which procedure a claim or a part is about (scoring/match.h): the
 * set's topics named in its clause, its sentence, its row, its column,
 * its introducing line or its heading; sections that set other
 * procedures apart ("Những con số dễ nhầm:"); a figure in brackets after
 * a procedure's name. Split from match.c, which was past 800 lines; the
 * topic lexicon itself is topic.c. */
#include "scoring/match.h"

#include "scoring/topic.h"

static const GArray *
part_topics (View *v, guint part)
{
  if (v->topics == NULL) {
    v->topics = g_ptr_array_new_with_free_func (match_array_unref0);
    g_ptr_array_set_size (v->topics, (gint) v->a->parts->len);
  }
  if (v->topics->pdata[part] == NULL)
    v->topics->pdata[part] = topic_part_hits (v->key->topics, v->a, part);
  return v->topics->pdata[part];
}

/* A negation ending at most a word before word w ("chứ không phải X"). */
static gboolean
neg_right_before (const AnswerPart *p, guint w)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_NEG && ch->w1 <= w && (guint) ch->w1 + 1 >= w)
      return TRUE;
  }
  return FALSE;
}

/* 1: names own topic; -1: names another (*other its index); 0: neither. */
static int
names_topic (View *v, guint part, guint c0, guint c1, gint own, guint *other,
             guint x0, guint x1)
{
  const GArray *hits = part_topics (v, part);
  const AnswerPart *p = answer_part (v->a, part);
  int r = 0;
  for (guint i = 0; i < hits->len; i++) {
    const TopicHit *h = &g_array_index (hits, TopicHit, i);
    /* a name whose own comma starts the clause ("Chứng thực hợp đồng,
     * giao dịch: 50.000 đồng") is in it */
    gboolean runs_in = h->w0 < c0 && h->w1 > c0 && c0 < p->words->len
                       && (g_array_index (p->words, CueWord, c0).gap
                           & CUE_GAP_COMMA);
    if ((h->w0 < c0 && !runs_in) || h->w1 > c1 || (h->w0 < x1 && h->w1 > x0))
      continue;
    if ((gint) h->topic == own || judge_key_asks_topic (v->key, h->topic)) {
      /* "… thì phải chứng thực hợp đồng chứ không phải chứng thực chữ
       * ký": the asked procedure said not to be it */
      if (neg_right_before (p, h->w0))
        continue;
      return 1;
    }
    r = -1;
    *other = h->topic;
  }
  return r;
}

/* The topic named last before word w in the part: 1 own, -1 another
 * (*other), 0 none. */
static int
last_topic_before (View *v, guint part, guint w, gint own, guint *other)
{
  const GArray *hits = part_topics (v, part);
  const TopicHit *last = NULL;
  for (guint i = 0; i < hits->len; i++) {
    const TopicHit *h = &g_array_index (hits, TopicHit, i);
    if (h->w1 <= w && (last == NULL || h->w0 > last->w0))
      last = h;
  }
  if (last == NULL)
    return 0;
  if ((gint) last->topic == own || judge_key_asks_topic (v->key, last->topic))
    return 1;
  *other = last->topic;
  return -1;
}

/* "Những khoảng thời gian khác hay bị lẫn:", "Những con số dễ nhầm với
 * chứng thực chữ ký:", "Figures often confused": a heading or
 * introduction over figures people mix up with the asked one — unless
 * it goes on to the right one ("Hay nhầm với mức phí cũ, mức đúng: …",
 * "here is what applies to you") or only warns ("Để khỏi bị nhầm, bạn ghi
 * nhớ:", "Lưu ý kẻo bị nhầm:"). */
static gboolean
lists_confusables (const AnswerPart *q, gboolean lenient)
{
  gboolean mixed = FALSE;
  for (guint i = 0; i < q->words->len; i++) {
    gboolean confused = answer_word_is (q, i, lenient ? "nham" : "nhầm")
                        || answer_word_is (q, i, lenient ? "lan" : "lẫn");
    /* "Để khỏi bị nhầm, bạn ghi nhớ:", "Lưu ý kẻo bị nhầm:" keep the
     * right figures apart from nothing */
    for (guint k = i >= 3 ? i - 3 : 0; confused && k < i; k++)
      if (answer_word_is (q, k, lenient ? "khoi" : "khỏi")
          || answer_word_is (q, k, lenient ? "keo" : "kẻo")
          || answer_word_is (q, k, lenient ? "tranh" : "tránh"))
        return FALSE;
    if (confused && i > 0
        && (answer_word_is (q, i - 1, lenient ? "de" : "dễ")
            || answer_word_is (q, i - 1, "hay")
            || answer_word_is (q, i - 1, lenient ? "bi" : "bị")
            || answer_word_is (q, i - 1, lenient ? "thuong" : "thường")))
      mixed = TRUE;
    if (answer_word_is (q, i, "confused") && i > 0
        && (answer_word_is (q, i - 1, "often") || answer_word_is (q, i - 1, "commonly")
            || answer_word_is (q, i - 1, "easily")))
      mixed = TRUE;
  }
  for (guint i = 0; mixed && i < q->words->len; i++)
    if (answer_word_is (q, i, lenient ? "dung" : "đúng")
        || answer_word_is (q, i, "correct") || answer_word_is (q, i, "right")
        || answer_word_is (q, i, "applies")
        || (answer_word_is (q, i, lenient ? "chinh" : "chính")
            && answer_word_is (q, i + 1, lenient ? "xac" : "xác")))
      return FALSE;
  return mixed;
}

/* A heading or introduction that sets other procedures apart ("Phân biệt
 * với các việc chứng thực khác", "Other procedures"): "việc", "thủ tục"
 * or "procedure" a few words before "khác"/"other". */
static gboolean
heads_others (const AnswerPart *q, gboolean lenient)
{
  for (guint i = 0; i < q->words->len; i++) {
    /* "khác nhau" compares, it names nothing else ("Thủ tục nộp khác
     * nhau thế nào?"); "Phân biệt lệ phí trực tiếp và trực tuyến" sets
     * channels apart, not procedures */
    gboolean other = answer_word_is (q, i, lenient ? "khac" : "khác")
                     && !answer_word_is (q, i + 1, "nhau");
    for (guint k = i >= 3 ? i - 3 : 0; other && k < i; k++)
      if (answer_word_is (q, k, lenient ? "viec" : "việc")
          || (answer_word_is (q, k, lenient ? "thu" : "thủ")
              && answer_word_is (q, k + 1, lenient ? "tuc" : "tục")))
        return TRUE;
    if (answer_word_is (q, i, "other")
        && (answer_word_is (q, i + 1, "procedures")
            || answer_word_is (q, i + 1, "procedure")))
      return TRUE;
    /* a portal's related block: "Có thể bạn quan tâm", "Thủ tục liên
     * quan", "Câu hỏi liên quan", "Xem thêm", "Related procedures",
     * "Related questions", "You may also need" */
    gboolean about = answer_word_is (q, i, lenient ? "quan" : "quan")
                     && answer_word_is (q, i + 1, lenient ? "tam" : "tâm");
    for (guint k = i >= 3 ? i - 3 : 0; about && k < i; k++)
      if (answer_word_is (q, k, lenient ? "the" : "thể")
          || answer_word_is (q, k, lenient ? "cung" : "cũng"))
        return TRUE;
    if ((answer_word_is (q, i, lenient ? "lien" : "liên")
         && answer_word_is (q, i + 1, "quan") && i >= 1
         && (answer_word_is (q, i - 1, lenient ? "tuc" : "tục")
             || answer_word_is (q, i - 1, lenient ? "vu" : "vụ")
             || answer_word_is (q, i - 1, lenient ? "hoi" : "hỏi")))
        || (answer_word_is (q, i, "xem") && i == 0
            && answer_word_is (q, i + 1, lenient ? "them" : "thêm"))
        || (answer_word_is (q, i, "related")
            && (answer_word_is (q, i + 1, "procedures")
                || answer_word_is (q, i + 1, "services")
                || answer_word_is (q, i + 1, "questions")))
        || (answer_word_is (q, i, "see") && answer_word_is (q, i + 1, "also")))
      return TRUE;
  }
  if (lists_confusables (q, lenient))
    return TRUE;
  /* "**Đừng nhầm với**", "Do not confuse it with:": a heading that ends
   * on what its section sets apart. Not "Hay nhầm với mức phí cũ, mức
   * đúng: …", which goes on to say the right figure. */
  guint n = q->words->len;
  return n >= 2
         && ((answer_word_is (q, n - 1, lenient ? "voi" : "với")
              && (answer_word_is (q, n - 2, lenient ? "nham" : "nhầm")
                  || answer_word_is (q, n - 2, lenient ? "lan" : "lẫn")
                  || answer_word_is (q, n - 2, lenient ? "biet" : "biệt")))
             || (answer_word_is (q, n - 1, "with")
                 && (answer_word_is (q, n - 2, "confuse")
                     || answer_word_is (q, n - 2, "confused")
                     || (answer_word_is (q, n - 2, "it")
                         && answer_word_is (q, n - 3, "confuse")))));
}

/* The heading or introduction h, when it sets other procedures apart, or
 * the block title above it when h is a card's title in such a block
 * ("**Câu hỏi liên quan**", then "> **Cải chính hộ tịch mất bao lâu?**"
 * and its figures; each card's title, a question, nests under the one
 * before): its text, or NULL. */
static const char *
others_heading (View *v, gint h)
{
  /* a forbidden name (an office that is gone) is wrong in any card: the
   * chain is walked for the answer's figures and names only */
  for (guint up = 0; h >= 0 && up < (v->forbid ? 1u : 6u); up++) {
    const AnswerPart *q = answer_part (v->a, (guint) h);
    if (heads_others (q, v->a->lenient))
      return q->norm;
    h = q->kind == PART_HEADING && answer_text_asks (q->norm) ? q->heading
                                                              : -1;
  }
  return NULL;
}

/* In an answer that announces several matters, a numbered section whose
 * heading does not name the asked procedure while another numbered
 * heading does is about its own matter ("**2. Hộ chiếu phổ thông cho
 * con**" beside "**1. Căn cước cho con 14 tuổi**"), even when the set's
 * topics do not list it. Its heading, or NULL. */
static const char *
other_section (View *v, const AnswerPart *p, gint own)
{
  if (p->heading < 0)
    return NULL;
  /* procedure records pasted one after another ("THỦ TỤC: ĐĂNG KÝ TẠM
   * TRÚ" … "THỦ TỤC: ĐĂNG KÝ THƯỜNG TRÚ"): each title names its matter */
  gboolean records = match_record_title (answer_part (v->a, (guint) p->heading));
  gboolean (*sibling) (const AnswerPart *) = records ? match_record_title
                                                     : match_numbered_heading;
  if (!records
      && (!match_numbered_heading (answer_part (v->a, (guint) p->heading))
          || !match_announces_several (v->a)))
    return NULL;
  /* "**1. Bao lâu thì xong?**": a sub-question of the asked matter */
  const AnswerPart *h = answer_part (v->a, (guint) p->heading);
  if (match_field_heading (h, v->a->lenient) || answer_text_asks (h->norm))
    return NULL;
  guint other;
  if (names_topic (v, (guint) p->heading, 0, G_MAXUINT, own, &other, 0, 0) > 0)
    return NULL;
  for (guint i = 0; i < v->a->parts->len; i++)
    if ((gint) i != p->heading && sibling (answer_part (v->a, i))
        && names_topic (v, i, 0, G_MAXUINT, own, &other, 0, 0) > 0)
      return answer_part (v->a, (guint) p->heading)->norm;
  return NULL;
}

gint
match_own_section (View *v)
{
  const JudgeKey *key = v->key;
  if (key->topics == NULL || key->topic == NULL || !match_announces_several (v->a))
    return -1;
  gint own = topic_index (key->topics, key->topic);
  guint other;
  for (guint i = 0; i < v->a->parts->len; i++)
    if (match_numbered_heading (answer_part (v->a, i))
        && names_topic (v, i, 0, G_MAXUINT, own, &other, 0, 0) > 0)
      return (gint) i;
  return -1;
}

const char *
match_other_topic_but (View *v, guint part, guint c0, guint c1, guint x0,
                       guint x1)
{
  const JudgeKey *key = v->key;
  const AnswerPart *p = answer_part (v->a, part);
  /* "- 03 ngày làm việc: … (câu hỏi của bạn)" under "Các con số dễ nhầm":
   * the line marked as the asked one is not among the others */
  gboolean mine = match_marks_yours (p);
  const char *set_apart;
  if (key->topics == NULL || key->topic == NULL) {
    /* without topics, only a heading that sets others apart tells */
    if (mine)
      return NULL;
    const gint ctx[] = {p->intro, p->heading};
    for (gsize i = 0; i < G_N_ELEMENTS (ctx); i++)
      if ((set_apart = others_heading (v, ctx[i])) != NULL)
        return set_apart;
    return NULL;
  }
  gint own = topic_index (key->topics, key->topic);
  guint other = 0;
  int r = names_topic (v, part, c0, c1, own, &other, x0, x1);
  /* a clause that names nothing goes on about what its sentence named
   * last: "thường trú giải quyết trong 07 ngày và lệ phí là 20.000đ" */
  if (r == 0)
    r = last_topic_before (v, part, c0, own, &other);
  /* … then its row, its column ("| Tiêu chí | Đăng ký thường trú | Đăng
   * ký tạm trú |" compares two), its introducing line, its heading
   * ("**Câu 1. Chứng thực bản sao, chứng thực chữ ký mất bao lâu?**") */
  const gint ctx[] = {p->row_head, p->col_head, p->intro, p->heading};
  for (gsize i = 0; r == 0 && i < G_N_ELEMENTS (ctx); i++)
    if (ctx[i] >= 0)
      r = names_topic (v, (guint) ctx[i], 0, G_MAXUINT, own, &other, 0, 0);
  /* nothing named, under a heading that sets other procedures apart */
  for (gsize i = 2; r == 0 && !mine && i < G_N_ELEMENTS (ctx); i++)
    if ((set_apart = others_heading (v, ctx[i])) != NULL)
      return set_apart;
  if (r == 0 && p->heading != (gint) part)
    return other_section (v, p, own);
  return r < 0 ? topic_name_at (key->topics, other) : NULL;
}

const char *
match_other_topic (View *v, guint part, guint c0, guint c1)
{
  return match_other_topic_but (v, part, c0, c1, 0, 0);
}

/* "… nhầm thời hạn khai sinh với thời hạn khai tử (15 ngày kể từ ngày
 * có người chết)": a figure in brackets right after a procedure's name is
 * that procedure's. 1 own, -1 another (*other), 0 no name there. */
static int
bracket_topic (View *v, const ValueClaim *c, gint own, guint *other)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  const guint *groups = claims_paren_groups (p);
  if (groups[c->w0] == 0)
    return 0;
  guint first = c->w0;
  while (first > 0 && groups[first - 1] == groups[c->w0])
    first--;
  const GArray *hits = part_topics (v, c->part);
  for (guint i = 0; i < hits->len; i++) {
    const TopicHit *h = &g_array_index (hits, TopicHit, i);
    if (h->w1 != first)
      continue;
    if ((gint) h->topic == own || judge_key_asks_topic (v->key, h->topic))
      return 1;
    *other = h->topic;
    return -1;
  }
  return 0;
}

const char *
match_claim_topic (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  const JudgeKey *key = v->key;
  if (key->topics != NULL && key->topic != NULL) {
    guint other = 0;
    int r = bracket_topic (v, c, topic_index (key->topics, key->topic),
                           &other);
    if (r != 0)
      return r < 0 ? topic_name_at (key->topics, other) : NULL;
  }
  /* "… phân biệt thời hạn cấp thẻ căn cước với các thủ tục cư trú: đăng
   * ký tạm trú 03 ngày làm việc": past a colon before the figure, a name
   * there is the figure's */
  guint seg = c->c0;
  for (guint k = c->c0 + 1; k <= c->w0 && k < p->words->len; k++)
    if (g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON)
      seg = k;
  if (seg > c->c0 && key->topics != NULL && key->topic != NULL) {
    guint other = 0;
    int r = names_topic (v, c->part, seg, c->c1, topic_index (key->topics,
                                                              key->topic),
                         &other, 0, 0);
    if (r != 0)
      return r < 0 ? topic_name_at (key->topics, other) : NULL;
  }
  return match_other_topic (v, c->part, c->c0, c->c1);
}

const char *
match_other_row (View *v, guint part)
{
  const JudgeKey *key = v->key;
  const AnswerPart *p = answer_part (v->a, part);
  if (key->topics == NULL || key->topic == NULL || p->row_head < 0)
    return NULL;
  /* a row headed by a quoted claim ('| "Có kết quả sau 1 giờ" | Thời hạn
   * … 03 ngày làm việc |') is a claim and its answer, no procedure's row */
  if (answer_part (v->a, (guint) p->row_head)->norm[0] == '"')
    return NULL;
  gint own = topic_index (key->topics, key->topic);
  guint other;
  if (names_topic (v, (guint) p->row_head, 0, G_MAXUINT, own, &other, 0, 0)
      > 0)
    return NULL;
  /* another row of the table names the asked procedure, in the column
   * of the row labels (past a numbering column: "| 1 | Đăng ký khai sinh
   * | …") — unless the claim's own row says the question back best of
   * all rows, and clearly better than that one ("Sửa lỗi sai sót trong
   * hợp đồng …" beside "Chứng thực hợp đồng, giao dịch", to a question on
   * fixing a contract's error) */
  guint label_col = answer_part (v->a, (guint) p->row_head)->col;
  guint mine = match_question_shared (v, (guint) p->row_head);
  gboolean best = TRUE;
  gint asked = -1;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *q = answer_part (v->a, i);
    if (q->block != p->block || q->kind != PART_CELL || q->col != label_col
        || (gint) i == p->row_head)
      continue;
    guint theirs = match_question_shared (v, i);
    best = best && mine > theirs;
    if (asked < 0 && names_topic (v, i, 0, G_MAXUINT, own, &other, 0, 0) > 0)
      asked = (gint) i;
  }
  if (asked < 0
      || (best && mine > match_question_shared (v, (guint) asked) + 1))
    return NULL;
  return answer_part (v->a, (guint) p->row_head)->norm;
}

gboolean
match_names_own_topic (View *v, guint part, guint c0, guint c1)
{
  const JudgeKey *key = v->key;
  guint other;
  return key->topics != NULL && key->topic != NULL
         && names_topic (v, part, c0, c1, topic_index (key->topics, key->topic),
                         &other, 0, 0) > 0;
}
