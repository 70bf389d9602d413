/* Quotations in an answer (scoring/claims_private.h): a question heard
 * and answered, a mix-up quoted, a belief's figures, a statement quoted
 * whole and then set right ("1. "…" → Chưa chính xác. …"), words quoted
 * to be replaced; and what a text replaces ("…, thay thế Luật … số …").
 * Split from claims_polarity.c, which asks them while it reads a
 * polarity. */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

#include <string.h>

/* The quotation mark that opens the quotation word w0 stands in, or
 * NULL outside quotation marks. */
const char *
claims_quote_open (const AnswerPart *p, guint w0)
{
  const char *at = p->norm + word (p, w0)->start, *open = NULL;
  guint quotes = 0;
  for (const char *q = p->norm; q < at; q++)
    if (*q == '"')
      quotes++, open = q;
  return quotes % 2 == 1 ? open : NULL;
}

const char *
claims_quote_close (const AnswerPart *p, guint w0)
{
  return claims_quote_open (p, w0)
             ? strchr (p->norm + word (p, w0)->start, '"')
             : NULL;
}

/* A question in quotation marks ("– "Văn bản cũ do Sở TT&TT cấp?" — Hồ
 * sơ lưu đã được bàn giao …"): a question heard and then answered; the
 * name in it is asked about, not stated. */
gboolean
claims_asked_in_quotes (const AnswerPart *p, guint w0)
{
  const char *at = p->norm + word (p, w0)->start;
  const char *close = claims_quote_close (p, w0);
  if (close == NULL)
    return FALSE;
  while (close > at && close[-1] == ' ')
    close--;
  if (close > at && close[-1] == '?')
    return TRUE;
  /* "hỏi "công an hay Sở Tư pháp" thì …": what the asking verb quotes */
  static const char *const ask[] = {"hỏi", "hoi", "ask", "asks", "asked"};
  return claims_quoted_after (p, w0, ask, G_N_ELEMENTS (ask));
}

gboolean
claims_quoted_after (const AnswerPart *p, guint w0, const char *const *words,
                     gsize n_words)
{
  const char *open = claims_quote_open (p, w0);
  if (open == NULL)
    return FALSE;
  while (open > p->norm && open[-1] == ' ')
    open--;
  for (gsize i = 0; i < n_words; i++) {
    gsize n = strlen (words[i]);
    if ((gsize) (open - p->norm) >= n && memcmp (open - n, words[i], n) == 0
        && (open - n == p->norm || *(open - n - 1) == ' '))
      return TRUE;
  }
  return FALSE;
}

gboolean
claims_sign_in_quotes (const AnswerPart *p, guint w0)
{
  /* … and a headline's ('nhiều báo đăng tít "chính quyền 2 cấp"') */
  static const char *const sign[] = {"biển", "bien", "bảng", "bang", "hiệu",
                                     "hieu", "sign", "signs", "signboard",
                                     "tít", "tit", "headline", "headlines"};
  return claims_quoted_after (p, w0, sign, G_N_ELEMENTS (sign));
}

gboolean
claims_quoted_label (const AnswerPart *p, guint w0, gboolean lenient)
{
  const char *close = claims_quote_close (p, w0);
  if (close == NULL)
    return FALSE;
  close++;
  while (*close == ' ')
    close++;
  if (*close != ':')
    return FALSE;
  /* not ""Nộp ở Sở Tư pháp hay Công an tỉnh": đúng": endorsed */
  for (guint k = w0 + 1; k < p->words->len; k++)
    if (p->norm + word (p, k)->start > close)
      return !(word_is (p, k, "đúng", "dung", lenient)
               || word_is (p, k, "correct", "correct", lenient)
               || word_is (p, k, "true", "true", lenient)
               || word_is (p, k, "right", "right", lenient)
               || (word_is (p, k, "chính", "chinh", lenient)
                   && word_is (p, k + 1, "xác", "xac", lenient)));
  return TRUE;
}

/* Whether a verdict ends at word e: a pause or the part's end, or a
 * word that gives its ground ("trong", "theo", "vì", "do", "rồi",
 * "because", "under", "in"). */
static gboolean
verdict_ends (const AnswerPart *p, guint e, gboolean lenient)
{
  static const char *const ground[][2] = {
    {"trong", "trong"}, {"theo", "theo"}, {"vì", "vi"}, {"do", "do"},
    {"rồi", "roi"}, {"nữa", "nua"}, {"because", "because"},
    {"under", "under"}, {"in", "in"}};
  if (e >= p->words->len
      || (word (p, e)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (ground); i++)
    if (word_is (p, e, ground[i][0], ground[i][1], lenient))
      return TRUE;
  return FALSE;
}

/* Right after a quotation's close (past "→", "-", ":", "là"), a verdict
 * against it: "❌ "…" → sai", "→ chưa đúng", "là sai"; or in its sentence "… →
 * người dùng đánh dấu "chưa hữu ích"", "… - không còn đúng". */
static gboolean
judged_after_close (const AnswerPart *p, const char *close, gboolean lenient)
{
  guint k = 0;
  while (k < p->words->len && p->norm + word (p, k)->start <= close)
    k++;
  if (k >= p->words->len)
    return FALSE;
  /* '"Phòng QLXNC … 05 ngày làm việc" là sai', '"…" is wrong' */
  if (k + 1 < p->words->len
      && (word_is (p, k, "là", "la", lenient) || word_is (p, k, "is", "is", lenient)))
    k++;
  /* a verdict alone ('"05 ngày": không có căn cứ trong Luật …', '"…" là
   * sai.'), not the start of a limit ('- không áp dụng nộp qua bưu điện',
   * '- không đúng hẹn thì …') */
  for (guint h = 0; h < p->cues->len; h++) /* "sai", "không đúng", … */
    if (hit (p, h)->cls == CUE_REJECT && hit (p, h)->w0 == k
        && verdict_ends (p, (guint) hit (p, h)->w1, lenient))
      return TRUE;
  for (guint j = k; j + 2 < p->words->len; j++) {
    if (j > k && (word (p, j)->gap & CUE_GAP_STOP))
      break;
    gboolean not = word_is (p, j, "chưa", "chua", lenient)
                   || word_is (p, j, "không", "khong", lenient);
    if (not && ((word_is (p, j + 1, "hữu", "huu", lenient)
                 && word_is (p, j + 2, "ích", "ich", lenient))
                || (word_is (p, j + 1, "còn", "con", lenient)
                    && word_is (p, j + 2, "đúng", "dung", lenient))))
      return TRUE;
  }
  return FALSE;
}

gboolean
claims_quote_called_old (const AnswerPart *p, guint w0, gboolean lenient)
{
  const char *close = claims_quote_close (p, w0);
  if (close == NULL)
    return FALSE;
  if (judged_after_close (p, close, lenient))
    return TRUE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_BELIEF || p->norm + word (p, ch->w0)->start < close)
      continue;
    gboolean stop = FALSE; /* in the quotation's sentence */
    for (guint k = w0 + 1; k <= ch->w0; k++)
      stop |= (word (p, k)->gap & CUE_GAP_STOP) != 0;
    if (!stop)
      return TRUE;
  }
  return FALSE;
}

gboolean
claims_condition_called_old (const AnswerPart *p, guint w0, gboolean lenient)
{
  guint s0 = w0;
  while (s0 > 0 && !(word (p, s0)->gap & CUE_GAP_STOP))
    s0--;
  if (!word_is (p, s0, "nếu", "neu", lenient) && !word_is (p, s0, "if", "if", lenient))
    return FALSE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_BELIEF || ch->w0 <= w0 || ch->w0 < 2)
      continue;
    gboolean stop = FALSE;
    for (guint k = w0 + 1; k <= ch->w0; k++)
      stop |= (word (p, k)->gap & CUE_GAP_STOP) != 0;
    if (!stop && (word_is (p, ch->w0 - 1, "là", "la", lenient)
                  || word_is (p, ch->w0 - 1, "is", "is", lenient))
        && (word_is (p, ch->w0 - 2, "đó", "do", lenient)
            || word_is (p, ch->w0 - 2, "that", "that", lenient)
            || word_is (p, ch->w0 - 2, "it", "it", lenient)))
      return TRUE;
  }
  return FALSE;
}

/* Whether q opens on a verdict against what was just quoted ("→ Sai.",
 * "→ Chưa chính xác.", "Không đúng:", "Wrong."). */
static gboolean
opens_on_rejection (const AnswerPart *q, gboolean lenient)
{
  if (q->words->len == 0)
    return FALSE;
  guint e = 0; /* the word after the verdict */
  if (word_is (q, 0, "sai", "sai", lenient) || word_is (q, 0, "wrong", "wrong", lenient)
      || word_is (q, 0, "false", "false", lenient)
      || word_is (q, 0, "incorrect", "incorrect", lenient)
      || word_is (q, 0, "myth", "myth", lenient))
    e = 1;
  /* a draft's clause, then what to change ("→ Sửa thành: …", "Replace
   * the issuing body: …"): the quotation is the draft under review */
  else if (word_is (q, 0, "sửa", "sua", lenient)
           || word_is (q, 0, "replace", "replace", lenient)
           || word_is (q, 0, "change", "change", lenient)
           || word_is (q, 0, "fix", "fix", lenient))
    return TRUE;
  else if ((word_is (q, 0, "không", "khong", lenient)
            || word_is (q, 0, "chưa", "chua", lenient))
           && (word_is (q, 1, "đúng", "dung", lenient)
               || word_is (q, 1, "hẳn", "han", lenient)))
    e = 2;
  else if ((word_is (q, 0, "không", "khong", lenient)
            || word_is (q, 0, "chưa", "chua", lenient))
           && word_is (q, 1, "chính", "chinh", lenient)
           && word_is (q, 2, "xác", "xac", lenient))
    e = 3;
  /* the verdict closes its clause: not "Không chính xác nếu bạn nộp
   * online: …", a condition */
  return e > 0
         && (e >= q->words->len
             || (word (q, e)->gap & (CUE_GAP_STOP | CUE_GAP_COMMA | CUE_GAP_COLON)));
}

/* A statement quoted whole, then rejected by the next sentence: a
 * "common mistakes" list ("1. "Cấp huyện bỏ từ 1/7/2025." → Chưa chính
 * xác. …"). What the quotation says is the mistake, not the answer. */
gboolean
claims_quote_rejected (const Answer *a, const AnswerPart *p, guint w0)
{
  const char *open = claims_quote_open (p, w0);
  if (open == NULL || word (p, 0)->start < (guint32) (open - p->norm))
    return FALSE; /* the quotation does not open the part */
  for (guint i = 0; i + 1 < a->parts->len; i++)
    if (answer_part (a, i) == p) {
      const AnswerPart *q = answer_part (a, i + 1);
      /* '| "Phường thu 20.000 đồng" | Không phải lệ phí … |': the next
       * cell of the row says what it is not */
      gboolean not_cell = p->kind == PART_CELL && q->kind == PART_CELL
                          && q->line == p->line
                          && word_is (q, 0, "không", "khong", a->lenient)
                          && word_is (q, 1, "phải", "phai", a->lenient);
      /* the rejection in the same paragraph, or in the next one under
       * a quoted clause set apart ("> **Điều 1.** "…"" then "→ Sửa
       * thành: …") */
      gboolean next = q->block == p->block
                      || (p->block + 1 == q->block && q->line <= p->line + 2
                          && p->kind == PART_TEXT && q->kind == PART_TEXT);
      return next && (not_cell || opens_on_rejection (q, a->lenient));
    }
  return FALSE;
}

/* 'đừng nhầm "Bộ GTVT nhập vào Bộ Xây dựng" thành "bằng lái thuộc Bộ Xây
 * dựng"': words in quotation marks in a sentence about a mix-up (nhầm,
 * hiểu lầm) are the mix-up's, not the answer's. */
gboolean
claims_mistaken_in_quotes (const AnswerPart *p, guint w0, gboolean lenient)
{
  if (claims_quote_open (p, w0) == NULL)
    return FALSE;
  for (guint k = w0; k > 0; k--) {
    if (word_is (p, k - 1, "nhầm", "nham", lenient) || word_is (p, k - 1, "lầm", "lam", lenient)
        || word_is (p, k - 1, "confuse", "confuse", lenient))
      return TRUE;
    if (word (p, k - 1)->gap & CUE_GAP_STOP && k - 1 > 0)
      break;
  }
  return FALSE;
}

gboolean
claims_believed_quote (const AnswerPart *p, guint w0, gboolean lenient)
{
  const char *open = claims_quote_open (p, w0);
  if (open == NULL)
    return FALSE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_BELIEF || p->norm + word (p, ch->w1 - 1)->end > open)
      continue;
    /* in the same sentence: no stop from the cue to the quotation, and
     * no turn ("…, thực tế / nhưng theo quy định là "03 ngày làm việc"":
     * the quotation then sets the belief right) */
    gboolean stop = FALSE;
    guint k = ch->w1;
    for (; k < p->words->len && p->norm + word (p, k)->start < open; k++)
      stop |= (word (p, k)->gap & CUE_GAP_STOP) != 0
              || (word_is (p, k, "thực", "thuc", lenient)
                  && word_is (p, k + 1, "tế", "te", lenient));
    if (!stop && !claims_turns_in (p, ch->w1, k, lenient))
      return TRUE;
  }
  return FALSE;
}

/* The option letter a quiz's line opens with ("a. 03 ngày làm việc",
 * "b) …"), or 0. */
static char
option_letter (const AnswerPart *p)
{
  const char *n = p->norm;
  if (p->kind != PART_ITEM || n[0] < 'a' || n[0] > 'f'
      || (n[1] != '.' && n[1] != ')') || n[2] != ' ')
    return 0;
  return n[0];
}

/* "- A. 03 ngày làm việc / - B. 05 ngày làm việc / - C. … / **Đáp án
 * đúng: B**": a line of a quiz's options, three or more lettered in
 * order, with a pick after them. Its figure is an option, not what the
 * answer states (the pick says that). */
gboolean
claims_quiz_option (const Answer *a, guint i)
{
  char letter = option_letter (answer_part (a, i));
  if (letter == 0)
    return FALSE;
  guint first = i - (guint) (letter - 'a');
  if (i < (guint) (letter - 'a'))
    return FALSE;
  guint k = first;
  while (k < a->parts->len && option_letter (answer_part (a, k)) == 'a' + (char) (k - first))
    k++;
  if (k - first < 3 || k <= i)
    return FALSE;
  for (guint j = k; j < a->parts->len && j < k + 3; j++) {
    const char *n = answer_part (a, j)->norm;
    if (strstr (n, "đáp án") || strstr (n, "dap an") || strstr (n, "chọn")
        || strstr (n, "answer"))
      return TRUE;
  }
  return FALSE;
}

/* "15.000 đồng như bạn nghe là đúng", "mức bạn nêu là chính xác": the
 * asker's figure confirmed, within reach words after w. */
static gboolean
confirmed_after (const AnswerPart *p, guint w, guint reach, gboolean lenient)
{
  for (guint k = w; k < p->words->len && k < w + reach; k++)
    if (word_is (p, k, "đúng", "dung", lenient)
        || word_is (p, k, "chính", "chinh", lenient)
        || word_is (p, k, "correct", "correct", lenient)
        || word_is (p, k, "right", "right", lenient))
      return TRUE;
  return FALSE;
}

Polarity
claims_others_words (const Answer *a, const AnswerPart *p, const ValueClaim *c,
                     guint c0, guint c1)
{
  gboolean lenient = a->lenient;
  /* … or in a column of what others say ("| "Dịch vụ" lừa đảo nói |") */
  const AnswerPart *col = p->col_head >= 0 ? answer_part (a, (guint) p->col_head)
                                           : NULL;
  if ((has_cue (p, CUE_BELIEF, c0, c->w0)
       || claims_believed_quote (p, c->w0, lenient)
       || (col && has_cue (col, CUE_BELIEF, 0, col->words->len)))
      /* "Nhiều người nghe nói lệ phí là "15.000 đồng" và đúng là như vậy",
       * "chị cho rằng … 15.000 đồng — chị nắm thông tin chính xác rồi" */
      && !(word_is (p, c->w1, "và", "va", lenient)
           && confirmed_after (p, c->w1, 3, lenient))
      && !claims_belief_confirmed (p, c->w1, lenient))
    return POL_NEGATED; /* "Nhiều người nghĩ … 15.000đ" */
  /* "Con số 25.000đ bạn nghe là …": the asker's figure, said back */
  if (has_cue (p, CUE_HEARSAY, c->w1, MIN ((guint) c->w1 + 3, c1))
      && !confirmed_after (p, c->w1, 6, lenient))
    return POL_QUOTED;
  /* "nếu bạn đọc thấy "30 ngày" trên các trang cũ, đó là …": the asker's
   * reading, the figure right after it */
  if (c->w0 >= c0 + 1
      && has_cue (p, CUE_HEARSAY, c->w0 >= 4 ? c->w0 - 4 : 0, c->w0)
      /* "… thì đó là đúng theo quy định": confirmed anywhere after */
      && !confirmed_after (p, c->w1, G_MAXUINT - c->w1, lenient))
    return POL_QUOTED;
  /* … and a quotation the next sentence rejects ("1. "… chỉ mất 03 ngày
   * làm việc." → Không đúng.") */
  if (claims_in_reported_quote (p, c->w0, lenient)
      || claims_quote_rejected (a, p, c->w0))
    return POL_QUOTED;
  return POL_STATED;
}

/* Word k introduces what replaces the old ("thành", "bằng", "bởi", "by",
 * "with", "into"): what follows it is the new. */
static gboolean
names_the_new (const AnswerPart *p, guint k, gboolean lenient)
{
  return word_is (p, k, "thành", "thanh", lenient)
         || word_is (p, k, "bằng", "bang", lenient)
         || word_is (p, k, "bởi", "boi", lenient)
         || word_is (p, k, "bi", "bi", lenient) /* "by", normalized */
         || word_is (p, k, "with", "with", lenient)
         || word_is (p, k, "into", "into", lenient);
}

gboolean
claims_quote_replaced (const AnswerPart *p, guint w0, gboolean lenient)
{
  const char *open = claims_quote_open (p, w0);
  if (open == NULL)
    return FALSE;
  /* the verb before the quotation, in its sentence, at most eight words
   * back */
  for (guint k = w0, n = 0; k > 0 && n < 8; k--) {
    if (p->norm + word (p, k - 1)->start > open)
      continue; /* inside the quotation still: not counted */
    n++;
    /* 'sửa "15 ngày" thành "03 ngày làm việc"': what it becomes is new */
    if (names_the_new (p, k - 1, lenient))
      return FALSE;
    /* "thay" as a verb of its own: not "thay đổi" (change), "thay mặt"
     * (on behalf of) */
    gboolean thay = word_is (p, k - 1, "thay", "thay", lenient)
                    && !word_is (p, k, "đổi", "doi", lenient)
                    && !word_is (p, k, "mặt", "mat", lenient);
    if (thay || word_is (p, k - 1, "replace", "replace", lenient)
        || word_is (p, k - 1, "sửa", "sua", lenient)
        || word_is (p, k - 1, "xoá", "xoa", lenient)
        || word_is (p, k - 1, "remove", "remove", lenient)
        || (word_is (p, k - 1, "ghi", "ghi", lenient) && k >= 2
            && (word_is (p, k - 2, "còn", "con", lenient)
                || word_is (p, k - 2, "vẫn", "van", lenient))))
      return TRUE;
    if (word (p, k - 1)->gap & CUE_GAP_STOP)
      break;
  }
  return FALSE;
}

/* "…, thay thế Luật Báo chí số 103/2016/QH13", "… replaces Law No. …":
 * what a text replaces, named within six words after the verb in its
 * clause, is the past — not "được thay thế bởi …", "bị thay thế bằng …",
 * whose object is the new one. */
gboolean
claims_replaced_object (const AnswerPart *p, guint w0, gboolean lenient)
{
  for (guint k = w0, n = 0; k > 0 && n < 6; k--, n++) {
    if (k < w0 && (word (p, k)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)))
      return FALSE;
    if (names_the_new (p, k - 1, lenient))
      return FALSE;
    gboolean vi = k >= 2 && word_is (p, k - 1, "thế", "the", lenient)
                  && word_is (p, k - 2, "thay", "thay", lenient);
    /* "giấy ra viện … dùng thay giấy chứng sinh": used in its place */
    vi |= k >= 2 && word_is (p, k - 1, "thay", "thay", lenient)
          && word_is (p, k - 2, "dùng", "dung", lenient);
    gboolean en = word_is (p, k - 1, "replaces", "replaces", lenient)
                  || word_is (p, k - 1, "replacing", "replacing", lenient)
                  || word_is (p, k - 1, "supersedes", "supersedes", lenient);
    if (vi || en) {
      guint v = vi ? k - 2 : k - 1; /* the verb's first word */
      return !(v > 0 && (word_is (p, v - 1, "được", "duoc", lenient)
                         || word_is (p, v - 1, "bị", "bi", lenient)
                         || word_is (p, v - 1, "sẽ", "se", lenient)));
    }
  }
  return FALSE;
}
