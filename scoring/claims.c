/* Claims with their context (scoring/claims.h). The rule for what a value
 * is about is the one a reader applies: the nearest cue before it in its
 * clause; failing that, the nearest earlier in its sentence; failing that,
 * the table headers, the line that introduces the list, the heading. A few
 * cues bind from after the value ("… trước khi hết hạn", "… kể từ ngày
 * nhận đủ hồ sơ") and win over the ones before. Computations and counts
 * ("2 trang × 2.000đ", "cho 50 người") are read in claims_count.c. */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

#include "scoring/cues.h"
#include "scoring/judge_key.h"

#include <string.h>

static const char *const subject_names[SUBJ_N] = {
  "none", "fee", "fine", "postage", "hotline", "service", "total",
  "difference", "capital", "exchange", "processing", "step", "extra", "delivery", "extension", "deadline",
  "validity",
};

const char *
claims_subject_name (Subject s)
{
  return (guint) s < SUBJ_N ? subject_names[s] : "none";
}

const char *
claims_polarity_name (Polarity p)
{
  static const char *const names[] = {"stated", "negated", "history",
                                      "quoted"};
  return (guint) p < G_N_ELEMENTS (names) ? names[p] : "stated";
}

/* The subject a cue gives a money amount (money) or a duration, or
 * SUBJ_N when it says nothing about that kind of value. */
static Subject
subject_of (CueClass c, gboolean money)
{
  if (money)
    switch (c) {
    case CUE_FEE: return SUBJ_FEE;
    case CUE_FINE: return SUBJ_FINE;
    case CUE_POSTAGE: return SUBJ_POSTAGE;
    case CUE_HOTLINE: return SUBJ_HOTLINE;
    case CUE_SERVICE: return SUBJ_SERVICE;
    case CUE_TOTAL: return SUBJ_TOTAL;
    case CUE_DIFFERENCE: return SUBJ_DIFFERENCE;
    case CUE_CAPITAL: return SUBJ_CAPITAL;
    case CUE_EXCHANGE: return SUBJ_EXCHANGE;
    default: return SUBJ_N;
    }
  switch (c) {
  case CUE_PROCESSING:
  case CUE_PROCESSING_WEAK:
  case CUE_PROCESSING_AFTER:
  case CUE_DUTY: return SUBJ_PROCESSING; /* "UBND xã phải giải quyết trong" */
  case CUE_STEP:
  case CUE_STEP_AFTER: return SUBJ_STEP;
  case CUE_EXTRA: return SUBJ_EXTRA;
  case CUE_DELIVERY: return SUBJ_DELIVERY;
  case CUE_EXTENSION:
  case CUE_EXTENSION_AFTER: return SUBJ_EXTENSION;
  case CUE_DEADLINE:
  case CUE_DEADLINE_AFTER: return SUBJ_DEADLINE;
  case CUE_VALIDITY: return SUBJ_VALIDITY;
  /* "nộp ở Cục tiết kiệm được 3 ngày làm việc so với Công an tỉnh" */
  case CUE_DIFFERENCE: return SUBJ_DIFFERENCE;
  default: return SUBJ_N;
  }
}


/* ---- clauses ---------------------------------------------------------- */

void
claims_clause (const AnswerPart *p, guint w0, guint w1, guint *c0, guint *c1)
{
  guint n = p->words->len;
  guint a = MIN (w0, n);
  while (a > 0 && !p->starts[a])
    a--;
  guint b = w1 > w0 ? w1 : w0 + 1;
  while (b < n && !p->starts[b])
    b++;
  *c0 = a;
  *c1 = MIN (b, n);
}

/* ---- values ---------------------------------------------------------------- */

/* The nearest cue of a class giving a subject, ending at or before w in
 * [from, w): its subject, or SUBJ_N. */
static Subject
nearest_before (const AnswerPart *p, guint from, guint w, gboolean money)
{
  Subject s = SUBJ_N;
  gint best = -1;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    Subject cs = subject_of (ch->cls, money);
    /* a cue that binds forward names what follows it — but "cơ quan
     * thông báo để bổ sung trong 02 ngày làm việc" is that step's too
     * (not "để xác minh trong 05 ngày làm việc", the extension) */
    if (cs == SUBJ_N || ch->w0 < from || ch->w1 > w
        || ch->cls == CUE_PROCESSING_AFTER || ch->cls == CUE_DEADLINE_AFTER
        || (ch->cls == CUE_STEP_AFTER
            && !((guint) ch->w1 + 1 == w && word_is (p, ch->w1, "trong", "trong", FALSE)
                 && word_is (p, ch->w1 - 1, "sung", "sung", FALSE))))
      continue;
    /* "1 USD ≈ 26.000 đồng, tức khoảng 260.000 đồng": a rate is the
     * figure its currency is equated to, not the fee converted after it */
    if (ch->cls == CUE_EXCHANGE && (guint) ch->w1 + 2 < w)
      continue;
    if ((gint) ch->w1 > best) {
      best = ch->w1;
      s = cs;
    }
  }
  return s;
}

/* The last cue of a part that gives a subject: a header or a heading. */
static Subject
context_subject (const Answer *a, gint part, gboolean money)
{
  if (part < 0)
    return SUBJ_N;
  const AnswerPart *p = answer_part (a, (guint) part);
  return nearest_before (p, 0, p->words->len, money);
}

/* "khâu thẩm định mất một ngày": a generic "takes" (mất, thời gian …)
 * after a step's name is that step's time; "trả kết quả" is not. */
static gboolean
weak_processing_after_step (const AnswerPart *p, guint c0, guint w0)
{
  gint weak = -1, strong = -1, step = -1;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->w0 < c0 || ch->w1 > w0)
      continue;
    if (ch->cls == CUE_PROCESSING_WEAK)
      weak = MAX (weak, (gint) ch->w1);
    else if (ch->cls == CUE_PROCESSING)
      strong = MAX (strong, (gint) ch->w1);
    else if (ch->cls == CUE_STEP)
      step = MAX (step, (gint) ch->w1);
  }
  return step >= 0 && weak >= 0 && strong < 0;
}

/* A step cue of the branch where the dossier is incomplete or the request
 * refused ("hồ sơ chưa đầy đủ", "nếu thiếu", "từ chối", "không chấp
 * thuận", "if refused"). */
static gboolean
branch_step (const AnswerPart *p, const CueHit *ch, gboolean lenient)
{
  if (ch->cls != CUE_STEP)
    return FALSE;
  for (guint w = ch->w0; w < ch->w1; w++)
    if (word_is (p, w, "thiếu", "thieu", lenient)
        || word_is (p, w, "chưa", "chua", lenient)
        || word_is (p, w, "chối", "choi", lenient)
        || word_is (p, w, "không", "khong", lenient) /* không chấp thuận */
        || word_is (p, w, "refused", "refused", lenient)
        || word_is (p, w, "not", "not", lenient))
      return TRUE;
  return FALSE;
}

/* Whether the sentence opens on a branch of the procedure: documents
 * missing or the request refused ("Hồ sơ chưa đầy đủ, hợp lệ:", "Nếu
 * thiếu giấy tờ,", "Trường hợp từ chối"), not on a step of its main line
 * ("Thẩm định và cấp giấy phép: 10 ngày" is the processing time). */
static gboolean
opens_on_step (const AnswerPart *p, gboolean lenient)
{
  /* past a step's number: "Bước 3: Trường hợp từ chối …" */
  guint lead = p->words->len > 2
                       && (word_is (p, 0, "bước", "buoc", lenient)
                           || word_is (p, 0, "step", "step", lenient))
                       && starts_with_digit (p, 1)
                   ? 2 : 0;
  for (guint h = 0; h < p->cues->len; h++)
    if (hit (p, h)->w0 <= lead + 1 && branch_step (p, hit (p, h), lenient))
      return TRUE;
  return FALSE;
}

/* "Theo thủ tục …, nếu hồ sơ chưa đầy đủ, cơ quan tiếp nhận thông báo để
 * người nộp bổ sung trong 02 ngày làm việc kể từ ngày nhận hồ sơ": a
 * branch named before w in its sentence, no processing named between. */
static gboolean
branch_before (const AnswerPart *p, guint w, gboolean lenient)
{
  guint s0 = answer_sentence_start (p, w);
  gboolean branch = FALSE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->w0 < s0 || ch->w1 > w)
      continue;
    if (branch_step (p, ch, lenient))
      branch = TRUE;
    else if (ch->cls == CUE_PROCESSING)
      branch = FALSE; /* cues come in reading order */
  }
  return branch;
}

/* A sentence that opens on a step ("Hồ sơ chưa đầy đủ: …") and names no
 * processing before w: its times are that step's. */
static gboolean
step_sentence (const AnswerPart *p, guint w, gboolean lenient)
{
  if (!opens_on_step (p, lenient))
    return FALSE;
  for (guint h = 0; h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_PROCESSING && hit (p, h)->w1 <= w)
      return FALSE;
  return TRUE;
}

/* "kể từ ngày [công an xã, phường] nhận đủ hồ sơ": the receipt of the
 * dossier follows within ten words of its clause; a comma inside an
 * office's name does not end it, another does ("kể từ khi phát hiện mất,
 * bạn nộp đơn" is the citizen's deadline). */
static gboolean
receipt_follows (const AnswerPart *p, guint from, gboolean lenient)
{
  for (guint i = from; i < p->words->len && i < from + 10; i++) {
    if (i > from && (word (p, i)->gap & CUE_GAP_STOP))
      return FALSE;
    if (i > from && (word (p, i)->gap & CUE_GAP_COMMA)
        && !word_is (p, i, "phường", "phuong", lenient)
        && !word_is (p, i, "thị", "thi", lenient)
        && !word_is (p, i, "thể", "the", lenient) /* "Văn hóa, Thể thao" */
        && !word_is (p, i, "thành", "thanh", lenient)
        && !word_is (p, i, "đặc", "dac", lenient))
      return FALSE; /* a new clause, unless an office's name goes on */
    /* "15 ngày kể từ ngày có thay đổi để nộp hồ sơ": filing is the
     * purpose of a deadline, not where the time counts from */
    if (i > from && word_is (p, i - 1, "để", "de", lenient))
      return FALSE;
    if (word_is (p, i, "nhận", "nhan", lenient)
        || word_is (p, i, "nộp", "nop", lenient)
        || (word_is (p, i, "hợp", "hop", lenient)
            && word_is (p, i + 1, "lệ", "le", lenient)) /* "… hợp lệ" */
        || (word_is (p, i, "đầy", "day", lenient)
            && word_is (p, i + 1, "đủ", "du", lenient)) /* "hồ sơ đầy đủ" */
        || word_is (p, i, "receipt", "receipt", lenient)
        || word_is (p, i, "received", "received", lenient)
        || word_is (p, i, "receives", "receives", lenient)
        || word_is (p, i, "receiving", "receiving", lenient))
      return TRUE;
  }
  return FALSE;
}

/* A "must" later in c's sentence, with no processing cue between: what
 * the citizen or the firm has to do within the time. */
static gboolean
must_follow (const AnswerPart *p, const ValueClaim *c, gboolean lenient)
{
  if (!word_is (p, c->w0, "chậm", "cham", lenient))
    return FALSE; /* only "chậm nhất …": "trong 7 ngày, bạn phải …" is not */
  guint end = c->w1;
  while (end < p->words->len && !(word (p, end)->gap & CUE_GAP_STOP))
    end++;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->w0 < c->w1 || ch->w0 >= end)
      continue;
    if (ch->cls == CUE_PROCESSING || ch->cls == CUE_PROCESSING_AFTER)
      return FALSE;
    if (ch->cls == CUE_DEADLINE)
      return TRUE;
  }
  return FALSE;
}

/* The procedure's outcome named from word from to the next comma: "… để
 * thẩm định và cấp giấy phép". */
static gboolean
outcome_follows (const AnswerPart *p, guint from)
{
  guint to = from + 1;
  while (to < p->words->len
         && !(word (p, to)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP)))
    to++;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->w0 >= from && ch->w0 < to
        && (ch->cls == CUE_PROCESSING || ch->cls == CUE_PROCESSING_WEAK))
      return TRUE;
  }
  return FALSE;
}

/* Where the sentence-wide look for a subject starts: after the last
 * contrast before c ("Trường hợp hồ sơ chưa hợp lệ thì …, còn hồ sơ đầy đủ
 * thì 7 ngày …"). */
static guint
contrast_start (const AnswerPart *p, guint w0, gboolean lenient)
{
  guint from = 0;
  for (guint k = 1; k < w0; k++)
    if ((word (p, k)->gap & CUE_GAP_COMMA)
        && (word_is (p, k, "còn", "con", lenient)
            || word_is (p, k, "nhưng", "nhung", lenient)
            || word_is (p, k, "but", "but", lenient)))
      from = k;
  return from;
}

/* TRUE when word w opens or sits in a parenthesis, outside which word
 * at stands, that states a figure of its own ("10 ngày làm việc (thông
 * báo bổ sung: 02 ngày làm việc)"): its cues are that figure's. */
static gboolean
own_figure_aside (const AnswerPart *p, guint at, guint w)
{
  const guint *groups = claims_paren_groups (p);
  guint g = groups[w];
  if (g == 0 || g == groups[at])
    return FALSE;
  for (guint i = 0; p->amounts && i < p->amounts->len; i++) {
    gsize start = g_array_index (p->amounts, NumbersMention, i).start;
    for (guint k = w; k < p->words->len && groups[k] == g; k++)
      if (word (p, k)->start == start)
        return TRUE;
  }
  return FALSE;
}

/* "- **Cộng: 7.000 đồng cho một bản sao.**", "Cộng lại: …": the sum line
 * of a worked computation. Not lenient: "cong" is công. */
static gboolean
sum_line (const AnswerPart *p, gboolean lenient)
{
  guint w = answer_word_is (p, 1, "lại") ? 2 : 1;
  if (lenient || !answer_word_is (p, 0, "cộng") || w >= p->words->len
      || !(word (p, w)->gap & CUE_GAP_COLON))
    return FALSE;
  /* not "Cộng: 24.000 đồng cho 2 bản", "Cộng: 32.000 đồng nếu nhận qua
   * bưu điện": a sum over several copies or with an option added */
  for (guint k = w; k < p->words->len; k++)
    if (answer_word_is (p, k, "nếu") || answer_word_is (p, k, "kèm"))
      return FALSE;
  return !claims_several_in (p, 0, p->words->len, lenient);
}

/* "registered on time (within 60 days of the birth)", "đăng ký đúng hạn
 * (trong 60 ngày)": the time in parentheses that open right after "on
 * time" makes a filing on time; it is a deadline. */
static gboolean
on_time_paren (const AnswerPart *p, guint w0, gboolean lenient)
{
  const guint *groups = claims_paren_groups (p);
  guint g = w0 < p->words->len ? groups[w0] : 0;
  guint open = w0;
  while (g != 0 && open > 0 && groups[open - 1] == g)
    open--;
  if (g == 0 || open < 2 || !(word (p, open)->gap & CUE_GAP_OPEN))
    return FALSE;
  return (word_is (p, open - 2, "đúng", "dung", lenient)
          && word_is (p, open - 1, "hạn", "han", lenient))
         || (answer_word_is (p, open - 2, "on")
             && answer_word_is (p, open - 1, "time"));
}

/* "… cấp giấy phép sửa đổi hoặc trả lời bằng văn bản nêu rõ lý do trong 10
 * ngày làm việc": a time after the refusal's "nêu (rõ) lý do" that follows
 * "hoặc" in its sentence is either outcome's, the processing time. */
static gboolean
either_outcome (const AnswerPart *p, guint c0, guint w0, gboolean lenient)
{
  guint s0 = answer_sentence_start (p, c0);
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_STEP || ch->w1 > w0 || ch->w0 < s0 || ch->w1 < 2
        || !word_is (p, ch->w1 - 1, "do", "do", lenient)
        || !word_is (p, ch->w1 - 2, "lí", "li", lenient))
      continue;
    for (guint k = s0; k < ch->w0; k++)
      if (word_is (p, k, "hoặc", "hoac", lenient) || word_is (p, k, "or", "or", lenient))
        return TRUE;
  }
  return FALSE;
}

/* "- *Bị từ chối thì biết khi nào?* Trong 05 ngày làm việc, …": the
 * question a FAQ's answer follows on its line, whose subject a bare
 * figure in the answer takes. Its part index, or -1. */
static gint
faq_question (const Answer *a, const AnswerPart *p)
{
  for (guint i = 1; i < a->parts->len; i++) {
    if (answer_part (a, i) != p)
      continue;
    const AnswerPart *q = answer_part (a, i - 1);
    return q->line == p->line && answer_text_asks (q->norm) ? (gint) i - 1
                                                            : -1;
  }
  return -1;
}

static Subject
subject_for (const Answer *a, const AnswerPart *p, const ValueClaim *c)
{
  gboolean money = c->m.unit == NUMBERS_UNIT_VND;
  if (money && sum_line (p, a->lenient))
    return SUBJ_TOTAL;
  if (!money && on_time_paren (p, c->w0, a->lenient))
    return SUBJ_DEADLINE;
  if (!money && claims_total_paren (p, c->w0))
    return SUBJ_TOTAL; /* "(tổng cộng tối đa 08 ngày làm việc)" */
  /* "… trước khi hết hạn", "… kể từ ngày nhận đủ hồ sơ": bind from after */
  for (guint h = 0; !money && h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    /* "…, hoặc theo thỏa thuận" runs on past the comma, right after the
     * figure: not "02 ngày làm việc; phí dịch vụ theo thỏa thuận" */
    if (ch->cls == CUE_EXTENSION_AFTER
        && (ch->w0 != c->w1 || (word (p, ch->w0)->gap & CUE_GAP_STOP)))
      continue;
    if (ch->w0 < c->w1 || ch->w0 > c->w1 + 3
        || (ch->w0 >= c->c1 && ch->cls != CUE_EXTENSION_AFTER)
        || own_figure_aside (p, c->w0, ch->w0))
      continue;
    if (ch->cls == CUE_STEP_AFTER && outcome_follows (p, ch->w1))
      return SUBJ_PROCESSING; /* "10 ngày để thẩm định và cấp giấy phép" */
    if (ch->cls == CUE_PROCESSING_AFTER
        && (step_sentence (p, c->w0, a->lenient)
            || branch_before (p, c->w0, a->lenient)))
      return SUBJ_STEP; /* "Hồ sơ chưa đầy đủ: 02 ngày kể từ ngày nhận" */
    if (ch->cls == CUE_DEADLINE_AFTER || ch->cls == CUE_PROCESSING_AFTER
        || ch->cls == CUE_STEP_AFTER || ch->cls == CUE_EXTENSION_AFTER)
      return subject_of (ch->cls, FALSE);
    if (ch->cls == CUE_COUNTED_FROM) /* a step counts from receipt too */
      return !receipt_follows (p, ch->w1, a->lenient) ? SUBJ_DEADLINE
             : step_sentence (p, c->w0, a->lenient) ? SUBJ_STEP
                                                    : SUBJ_PROCESSING;
  }
  Subject s = nearest_before (p, c->c0, c->w0, money);
  /* "[Kết thúc cuộc gọi — 3 phút 20 giây]", "gọi tổng đài, chờ 5 phút":
   * minutes in a call's clause are the call's; days after a call are not
   * ("gọi tổng đài …, 3 ngày làm việc là có kết quả") */
  if (s == SUBJ_N && c->m.unit == NUMBERS_UNIT_MINUTE
      && has_cue (p, CUE_HOTLINE, c->c0, c->w0))
    s = SUBJ_HOTLINE;
  if (s == SUBJ_STEP && either_outcome (p, c->c0, c->w0, a->lenient))
    s = SUBJ_PROCESSING;
  if (s == SUBJ_PROCESSING && weak_processing_after_step (p, c->c0, c->w0))
    s = SUBJ_STEP;
  /* "Hồ sơ chưa đầy đủ, hợp lệ: trong thời hạn 02 ngày làm việc …": a
   * sentence that opens on a step gives a generic time in it to that step,
   * whatever clause the time is in */
  if (s == SUBJ_PROCESSING && c->c0 > 0
      && step_sentence (p, c->w0, a->lenient)
      && weak_processing_after_step (p, 0, c->w0))
    s = SUBJ_STEP;
  if (s == SUBJ_N && !money && must_follow (p, c, a->lenient))
    s = SUBJ_DEADLINE; /* "chậm nhất 7 ngày … là phải gửi thông báo" */
  /* "Nếu không chấp thuận, cơ quan … nêu rõ lý do trong 05 ngày làm
   * việc": a bare time in a sentence that opens on a branch is its */
  if (s == SUBJ_N && !money && step_sentence (p, c->w0, a->lenient))
    s = SUBJ_STEP;
  if (s == SUBJ_N)
    s = nearest_before (p, contrast_start (p, c->w0, a->lenient), c->w0,
                        money);
  /* a column header names the quantity, a row header its case — unless
   * the row names another step ("| Thông báo từ chối (nếu có) | 05 ngày
   * làm việc |" under "Thời gian") */
  if (s == SUBJ_N && !money && p->row_head >= 0) {
    Subject row = context_subject (a, p->row_head, money);
    if (row == SUBJ_STEP) /* "hết hạn" in a row names its case */
      s = row;
  }
  /* "| **Cộng cả nhà** | | 400.000 đ |": a sum row under "Lệ phí" */
  if (s == SUBJ_N && p->row_head >= 0
      && context_subject (a, p->row_head, money) == SUBJ_TOTAL)
    s = SUBJ_TOTAL;
  if (s == SUBJ_N)
    s = context_subject (a, faq_question (a, p), money);
  const gint ctx[] = {p->col_head, p->row_head, p->intro, p->heading};
  for (gsize i = 0; s == SUBJ_N && i < G_N_ELEMENTS (ctx); i++)
    s = context_subject (a, ctx[i], money);
  return s == SUBJ_N ? SUBJ_NONE : s;
}

static gboolean
context_has (const Answer *a, const AnswerPart *p, CueClass cls)
{
  const gint ctx[] = {p->intro, p->heading, p->col_head, p->row_head};
  for (gsize i = 0; i < G_N_ELEMENTS (ctx); i++)
    if (ctx[i] >= 0) {
      const AnswerPart *q = answer_part (a, (guint) ctx[i]);
      if (has_cue (q, cls, 0, q->words->len))
        return TRUE;
    }
  return FALSE;
}

/* A cue of cls before w0 in the part that is not inside parentheses the
 * value is outside ("(ví dụ người vừa đủ 14 tuổi)" is no example of the
 * sentence). */
static gboolean
cue_before_in_scope (const AnswerPart *p, CueClass cls, guint from, guint w0)
{
  const guint *groups = claims_paren_groups (p);
  guint mine = w0 < p->words->len ? groups[w0] : 0;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls == cls && ch->w0 >= from && ch->w1 <= w0
        && (groups[ch->w0] == 0 || groups[ch->w0] == mine))
      return TRUE;
  }
  return FALSE;
}

/* "khoảng", "tầm", "around", "about" right before word w. */
static gboolean
approximate (const AnswerPart *p, guint w, gboolean lenient)
{
  return w > 0
         && (word_is (p, w - 1, "khoảng", "khoang", lenient)
             || word_is (p, w - 1, "tầm", "tam", lenient)
             || word_is (p, w - 1, "around", "around", lenient)
             || word_is (p, w - 1, "about", "about", lenient));
}

/* "Thông tin chung: …", "Để chị tham khảo về quy định chung: …": a
 * general cue labelling what follows (a colon within eight words), or
 * framing the figure's sentence, in [from, w0) — not "…, theo quy định
 * chung của Bộ", which only vouches for a figure. */
static gboolean
general_label_before (const AnswerPart *p, guint from, guint w0)
{
  guint s0 = answer_sentence_start (p, w0);
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_GENERAL || ch->w0 < from || ch->w1 > w0)
      continue;
    if (claims_general_label (p, h))
      return TRUE;
    /* "Dạ, theo quy định chung, đăng ký thường trú … 07 ngày làm việc": a
     * frame opening the figure's sentence, set off by a comma */
    if (ch->w0 >= s0 && ch->w0 <= s0 + 6 && ch->w1 < w0
        && (word (p, ch->w1)->gap & CUE_GAP_COMMA))
      return TRUE;
  }
  return FALSE;
}

/* A forecast cue in [s0, w0) ("dự kiến sẽ", "dự báo") not itself denied:
 * "Mức đang áp dụng (để tham khảo, không phải dự báo): … 40.000.000 đồng"
 * tells today's figure. */
static gboolean
foretold_before (const AnswerPart *p, guint s0, guint w0, gboolean lenient)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls == CUE_PREDICT && ch->w0 >= s0 && ch->w1 <= w0
        && !claims_negated_before (p, s0, ch->w0, 1, lenient))
      return TRUE;
  }
  return FALSE;
}

/* "37 cuộc trong 6 ngày (ví dụ)": a bracket right after the figure, in
 * its clause [w1, c1), that opens on an example cue. */
static gboolean
example_after (const AnswerPart *p, guint w1, guint c1)
{
  for (guint k = w1; k < c1 && k < w1 + 3 && k < p->words->len; k++)
    if (word (p, k)->gap & CUE_GAP_OPEN)
      for (guint h = 0; h < p->cues->len; h++)
        if (hit (p, h)->cls == CUE_EXAMPLE && hit (p, h)->w0 == k)
          return TRUE;
  return FALSE;
}

static void
read_claim (const Answer *a, const AnswerPart *p, ValueClaim *c)
{
  gboolean lenient = a->lenient;
  guint c0, c1;
  claims_clause (p, c->w0, c->w1, &c0, &c1);
  c->c0 = (guint16) c0;
  c->c1 = (guint16) c1;
  c->subject = subject_for (a, p, c);
  c->channel = claims_channel_for (a, p, c);
  if (p->quoted || claims_quiz_option (a, c->part)
      || (p->kind == PART_HEADING && answer_text_asks (p->norm)))
    c->polarity = POL_QUOTED; /* a heading that asks states nothing */
  else if (claims_negated_before (p, c0, c->w0, 1, lenient)
           || claims_value_denied_after (p, c->w1, lenient)
           || claims_quote_called_old (p, c->w0, lenient)) /* '"…" là sai' */
    c->polarity = POL_NEGATED;
  else if (claims_history_before (p, 0, c->w0, lenient)
           || claims_line_history (a, p, c->w0)
           || claims_history_context (a, p) || claims_ended_after (p, c->w1)
           || claims_period_past (a, p, c->w0)
           || claims_quote_replaced (p, c->w0, lenient))
    c->polarity = POL_HISTORY;
  /* "mốc 30 ngày ở bản cũ", "15.000 đồng trước đây": a past cue right
   * after the figure dates it — not "7.000 đồng thay cho mức cũ", "…
   * replaces …", where the figure is what replaced the past */
  for (guint h = 0; c->polarity == POL_STATED && h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_HIST && hit (p, h)->w0 == c->w1
        && (word_is (p, c->w1, "ở", "o", lenient)
            || word_is (p, c->w1 + 1, "đây", "day", lenient)
            || word_is (p, c->w1 + 1, "kia", "kia", lenient)
            || word_is (p, c->w1, "previously", "previously", lenient))
        /* not "7 ngày làm việc (trước đây 15 ngày)": a new clause; nor
         * "15.000 đồng — trước đây, hiện nay cũng vậy": the same now */
        && !(word (p, c->w1)->gap
             & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON | CUE_GAP_OPEN))
        && !memchr (p->norm + word (p, c->w1 - 1)->end, '-',
                    word (p, c->w1)->start - word (p, c->w1 - 1)->end)
        && !has_cue (p, CUE_NOW, c->w1, MIN (c1, (guint) c->w1 + 8)))
      c->polarity = POL_HISTORY;
  /* "mức 400.000 đồng là mức biểu gốc", "15 ngày (bạn đọc được) là quy
   * định cũ": the clause says what the figure is, and it is the past */
  for (guint k = c->w1; c->polarity == POL_STATED && k < c1 && k < (guint) c->w1 + 5; k++)
    if ((word_is (p, k, "là", "la", lenient) || word_is (p, k, "is", "is", lenient)
         || word_is (p, k, "was", "was", lenient))
        && has_cue (p, CUE_HIST, k + 1, MIN (k + 5, c1)))
      c->polarity = POL_HISTORY;
  if (c->polarity == POL_STATED)
    c->polarity = claims_others_words (a, p, c, c0, c1);
  c->example = cue_before_in_scope (p, CUE_EXAMPLE, 0, c->w0)
               || context_has (a, p, CUE_EXAMPLE)
               || example_after (p, c->w1, c1);
  c->conclusion = has_cue (p, CUE_SO, c0, c->w0);
  /* "cho 50 người … 750.000đ", "200.000 đồng cho 20 công nhân" */
  c->multiple = claims_several_in (p, c0, c->w0, lenient)
                || claims_several_in (p, c->w1, MIN ((guint) c->w1 + 4, c1), lenient);
  /* a reckoning over the sentence: "nên tờ hai mặt tính hai trang, hết
   * bốn nghìn đồng" */
  guint s0 = c->w0;
  while (s0 > 0 && !(word (p, s0)->gap & CUE_GAP_STOP))
    s0--;
  c->yours = has_cue (p, CUE_YOURS, s0, c->w0);
  /* "Thực tế ở tỉnh mình, hồ sơ … thường có kết quả sớm hơn, khoảng 4–6
   * ngày": the sentence's practice reaches an approximate figure; a plain
   * one only in its clause ("Trên thực tế, lệ phí là 20.000 đồng" states
   * the fee) */
  c->practice = has_cue (p, CUE_PRACTICE, c0, c->w0)
                || (approximate (p, c->w0, lenient)
                    && has_cue (p, CUE_PRACTICE, s0, c->w0))
                /* a column of pledges ("| Thời gian giải quyết cam kết |") */
                || (p->col_head >= 0
                    && has_cue (answer_part (a, (guint) p->col_head),
                                CUE_PRACTICE, 0, G_MAXUINT));
  c->predicted = foretold_before (p, s0, c->w0, lenient);
  guint s1 = c->w1;
  while (s1 < p->words->len && !(word (p, s1)->gap & CUE_GAP_STOP))
    s1++;
  /* a label governs its whole line, past a ";" ("Mức đang áp dụng: …
   * 15.000 đồng …; theo danh sách là 10.000 đồng") */
  c->general = general_label_before (p, 0, c->w0)
               || context_has (a, p, CUE_GENERAL)
               || has_cue (p, CUE_RULE_SOURCE, s0, s1)
               || claims_row_has (a, c->part, CUE_RULE_SOURCE)
               || claims_row_has (a, c->part, CUE_GENERAL);
  if (!c->multiple && has_cue (p, CUE_SO, s0, c0))
    c->multiple = claims_several_in (p, s0, c->w0, lenient);
  /* "Nhà có ba người ở trọ nên mỗi người … 15.000đ": a rate after the
   * count undoes it */
  guint count = s0;
  for (guint h = 0; h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_COUNT && hit (p, h)->w0 >= s0 + 1
        && hit (p, h)->w1 <= c->w0)
      count = MAX (count, (guint) hit (p, h)->w0);
  for (guint k = count; c->multiple && k < c->w0; k++)
    if (word_is (p, k, "mỗi", "moi", lenient)
        || word_is (p, k, "each", "each", lenient))
      c->multiple = FALSE;
  claims_read_computation (p, c, lenient);
  c->rate = has_cue (p, CUE_RATE, c->w1, MIN ((guint) c->w1 + 2, p->words->len))
            || (c->w0 >= 2 && has_cue (p, CUE_RATE, claims_rate_from (p, c->w0), c->w0));
  c->threshold = c->m.unit != NUMBERS_UNIT_VND
                 && ((word_is (p, c->w1, "trở", "tro", lenient)
                      && word_is (p, c->w1 + 1, "lên", "len", lenient))
                     || (word_is (p, c->w1, "or", "or", lenient)
                         && (word_is (p, c->w1 + 1, "more", "more", lenient)
                             || word_is (p, c->w1 + 1, "longer", "longer",
                                         lenient))))
                 && claims_situation_before (p, c->w0, lenient);
  /* "**Ưu đãi:** sinh viên … được miễn phí hai năm đầu" — not "5.000
   * đồng/hồ sơ (miễn cho hộ nghèo, …)", whose bracket names those left
   * out of the amount */
  c->exempt = (has_cue (p, CUE_EXEMPT, MIN (c0, s0), c->w1)
               || (has_cue (p, CUE_EXEMPT, MIN (c0, s0), c1)
                   && !claims_excepted_after (p, c->w1, c1, lenient)))
              || context_has (a, p, CUE_EXEMPT);
}

/* Words [w0, w1) of p covering bytes [start, end). */
static void
words_of_span (const AnswerPart *p, gsize start, gsize end, guint16 *w0,
               guint16 *w1)
{
  guint i = 0;
  while (i < p->words->len && word (p, i)->end <= start)
    i++;
  guint j = i;
  while (j < p->words->len && word (p, j)->start < end)
    j++;
  *w0 = (guint16) i;
  *w1 = (guint16) MAX (j, i + 1);
  if (*w1 > p->words->len)
    *w1 = (guint16) p->words->len;
}

/* Whether claim e, said before c, is the quantity c says again: the same
 * value and unit, in c's sentence or the one before in the same paragraph
 * or list item — or, for a duration, anywhere before ("trong ngày … gấp
 * trong ngày" says the processing time twice). */
static gboolean
said_before (const Answer *a, const ValueClaim *e, const ValueClaim *c)
{
  if (e->m.unit != c->m.unit || e->m.lo != c->m.lo || e->m.hi != c->m.hi)
    return FALSE;
  gboolean near = e->part + 1 >= c->part
                  && answer_part (a, e->part)->block
                         == answer_part (a, c->part)->block;
  /* a step's time said again farther off may be the asked one ("Nếu hồ
   * sơ thiếu, trong 3 ngày làm việc … Còn hồ sơ đủ thì 3 ngày làm việc
   * là có kết quả"): only the processing time carries that far */
  return near || (c->m.unit != NUMBERS_UNIT_VND
                  && e->subject == SUBJ_PROCESSING);
}

/* "(trong 60 ngày kể từ ngày sinh). Quá 60 ngày vẫn làm được": a figure
 * said again with no cue of its own is the same quantity, so it keeps the
 * subject its first saying was given. */
static void
repeats_keep_subject (const Answer *a, GArray *claims)
{
  for (guint k = 1; k < claims->len; k++) {
    ValueClaim *c = &g_array_index (claims, ValueClaim, k);
    for (guint j = 0; c->subject == SUBJ_NONE && j < k; j++) {
      const ValueClaim *e = &g_array_index (claims, ValueClaim, j);
      if (e->subject != SUBJ_NONE && said_before (a, e, c))
        c->subject = e->subject;
    }
  }
}

gboolean
claims_general_label (const AnswerPart *p, guint h)
{
  const CueHit *ch = hit (p, h);
  /* "Lệ phí chung:", "**Những gì đang áp dụng (để bạn tham khảo)**" */
  if (p->kind == PART_INTRO || p->kind == PART_HEADING)
    return TRUE;
  for (guint k = ch->w1; k < p->words->len && k <= (guint) ch->w1 + 8; k++)
    if (word (p, k)->gap & CUE_GAP_COLON)
      return TRUE;
  /* "Em nói quy định chung thôi cô nhé, không phải về hồ sơ của cô.", "(thông
   * tin chung, không phải kết quả hồ sơ của bạn)": a disclaimer for what
   * follows */
  for (guint k = ch->w1; k + 1 < p->words->len; k++)
    if (((answer_word_is (p, k, "không") || answer_word_is (p, k, "khong"))
         && (answer_word_is (p, k + 1, "phải") || answer_word_is (p, k + 1, "phai")))
        || (answer_word_is (p, k, "not") && answer_word_is (p, k + 1, "about")))
      return TRUE;
  return FALSE;
}

GArray *
claims_values (const Answer *a)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (ValueClaim));
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *p = answer_part (a, i);
    if (p->glossed || p->words->len == 0 || p->amounts == NULL
        || p->amounts->len == 0)
      continue; /* a glossed part's gloss holds the same values */
    g_autoptr (GArray) ends = claims_period_ends (p, a->lenient);
    for (guint k = 0; k < p->amounts->len; k++) {
      ValueClaim c = {0};
      c.m = g_array_index (p->amounts, NumbersMention, k);
      c.part = i;
      c.channel = -1;
      words_of_span (p, c.m.start, c.m.end, &c.w0, &c.w1);
      read_claim (a, p, &c);
      c.until = claims_until_of (p, ends, &c);
      g_array_append_val (out, c);
    }
  }
  repeats_keep_subject (a, out);
  claims_mark_corrected (a, out);
  claims_mark_restated (a, out);
  return out;
}
