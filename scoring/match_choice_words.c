/* Multiple choice, word by word (scoring/match_choice_private.h): whether
 * a word is an option's letter (not the English article, a spoken "bê"
 * before a figure), and how the words around it use it — picked after
 * "đáp án đúng là", "chọn", "the answer is"; mentioned after "phương
 * án"; rejected ("A sai", "không phải A"); supposed or others' ("Nếu bạn
 * chọn C", "Có bạn chọn B vì …"). match_choice.c weighs these over the
 * answer. */
#include "scoring/match_choice_private.h"

#include "scoring/cues.h"

#include <string.h>

/* "is a common wrong guess": the English article, not option A — "a"
 * after a word that takes one and before a word, no pause between. */
static gboolean
english_article (const AnswerPart *p, guint i)
{
  static const char *const before[] = {
    "is", "was", "as", "for", "of", "in", "such", "have", "has", "be",
    "with", "to", "at", "on", "bi" /* by */, "not", "than", "get",
    "make", "take", "give", "need", "needs", "it", "there", "what", "just",
  };
  static const char *const verbs[] = {
    "is", "was", "are", "can", "could", "may", "might", "would", "should",
    "and", "or", "also", "seems", "looks", "sounds", "does", "remains",
  };
  if (!answer_word_is (p, i, "a") || i == 0 || i + 1 >= p->words->len
      || choice_word (p, i + 1)->gap != 0 || choice_word (p, i)->gap != 0)
    return FALSE;
  for (gsize k = 0; k < G_N_ELEMENTS (verbs); k++)
    if (answer_word_is (p, i + 1, verbs[k]))
      return FALSE; /* "and A is also acceptable": the option */
  for (gsize k = 0; k < G_N_ELEMENTS (before); k++)
    if (answer_word_is (p, i - 1, before[k]))
      return TRUE;
  return FALSE;
}

/* Punctuation right after word i ("B.", "B)", "B —"), or the end. */
gboolean
choice_punct_after (const AnswerPart *p, guint i)
{
  if (i + 1 >= p->words->len)
    return TRUE;
  const CueWord *a = choice_word (p, i), *b = choice_word (p, i + 1);
  for (guint k = a->end; k < b->start; k++)
    if (p->norm[k] != ' ')
      return TRUE;
  return FALSE;
}

/* Word i + 1 is a number (a digit or a number word), or punctuation or
 * the end follows word i. */
static gboolean
spoken_letter_context (const AnswerPart *p, guint i)
{
  static const char *const numbers[] = {"một", "hai", "ba", "bốn", "năm",
                                        "sáu", "bảy", "tám", "chín", "mười"};
  if (choice_punct_after (p, i))
    return TRUE;
  if (g_ascii_isdigit (p->norm[choice_word (p, i + 1)->start]))
    return TRUE;
  for (gsize k = 0; k < G_N_ELEMENTS (numbers); k++)
    if (answer_word_is (p, i + 1, numbers[k]))
      return TRUE;
  return FALSE;
}

/* The choice whose letter word i is, or -1. */
gint
choice_letter_at (const JudgeKey *key, const AnswerPart *p, guint i)
{
  if (i >= p->words->len)
    return -1;
  const CueWord *cw = choice_word (p, i);
  /* a voice assistant's transcript spells the letters ("đáp án là bê") */
  static const char *const spoken[][2] = {{"bê", "b"}, {"xê", "c"},
                                          {"đê", "d"}, {"dê", "d"}};
  const char *text = p->norm + cw->start;
  gsize len = cw->end - cw->start;
  /* … before an option's figure or alone ("bê tám ngày làm việc", "là
   * bê."), not a word of a name ("Luật Đê điều") */
  for (gsize k = 0; k < G_N_ELEMENTS (spoken); k++)
    if (len == strlen (spoken[k][0]) && memcmp (text, spoken[k][0], len) == 0
        && spoken_letter_context (p, i))
      text = spoken[k][1], len = 1;
  if (len > 2 || english_article (p, i))
    return -1;
  for (guint c = 0; c < key->choices->len; c++) {
    const char *l = ((const Choice *) key->choices->pdata[c])->letter;
    if (strlen (l) == len && g_ascii_strncasecmp (l, text, len) == 0)
      return (gint) c;
  }
  return -1;
}

/* Whether hit ch is the tail of a longer pick cue ending with it: the
 * "chọn" of "lựa chọn" (an option, not a pick). */
static gboolean
tail_of_pick (const AnswerPart *p, const CueHit *ch)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *o = &g_array_index (p->cues, CueHit, h);
    if (o->cls == CUE_PICK && o->w0 < ch->w0 && o->w1 == ch->w1)
      return TRUE;
  }
  return FALSE;
}

/* A cue of cls ending at most gap words before w. */
gboolean
choice_cue_before (const AnswerPart *p, CueClass cls, guint w, guint gap)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == cls && ch->w1 <= w && ch->w1 + gap >= w
        && !(cls == CUE_PICK_STRONG && tail_of_pick (p, ch)))
      return TRUE;
  }
  return FALSE;
}

/* Where the pick cue ending at word w starts, or w. */
guint
choice_pick_start (const AnswerPart *p, guint w)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_PICK && ch->w1 == w)
      return ch->w0;
  }
  return w;
}

/* Words read past between a cue and its letter: "đáp án [đúng] [là]",
 * "Đáp án: [câu] B", "chọn [phương án] C". */
gboolean
match_choice_filler (const AnswerPart *p, guint i, gboolean lenient)
{
  static const char *const strict[] = {"đúng", "là", "chính", "xác", "nhất",
                                       "is", "the", "correct", "right", "của",
                                       "tôi", "mình", "em", "sẽ", "số",
                                       "câu", "phương", "án", "option"};
  static const char *const plain[] = {"dung", "la", "chinh", "xac", "nhat",
                                      "is", "the", "correct", "right", "cua",
                                      "toi", "minh", "em", "se", "so",
                                      "cau", "phuong", "an", "option"};
  const char *const *set = lenient ? plain : strict;
  for (gsize k = 0; k < G_N_ELEMENTS (strict); k++)
    if (answer_word_is (p, i, set[k]))
      return TRUE;
  return FALSE;
}

/* "thứ hai", "thứ 2", "second": the option's index from 0, or -1. */
gint
choice_ordinal_at (const AnswerPart *p, guint i, gboolean lenient)
{
  static const char *const vi[][2] = {{"nhất", "nhat"}, {"hai", "hai"},
                                      {"ba", "ba"},     {"tư", "tu"},
                                      {"năm", "nam"},   {"sáu", "sau"}};
  static const char *const en[] = {"first", "second", "third", "fourth",
                                   "fifth", "sixth"};
  for (gint k = 0; k < 6; k++)
    if (answer_word_is (p, i, en[k]))
      return k;
  if (!answer_word_is (p, i, lenient ? "thu" : "thứ"))
    return -1;
  if (answer_word_is (p, i + 1, lenient ? "bon" : "bốn"))
    return 3;
  for (gint k = 0; k < 6; k++)
    if (answer_word_is (p, i + 1, vi[k][lenient ? 1 : 0]))
      return k;
  if (i + 1 < p->words->len) {
    const CueWord *cw = choice_word (p, i + 1);
    if (cw->end - cw->start == 1 && g_ascii_isdigit (p->norm[cw->start]))
      return p->norm[cw->start] - '1';
  }
  return -1;
}

/* The end of the group of letters from i ("B và C", "A, B hoặc C"). */
guint
choice_group_end (const JudgeKey *key, const AnswerPart *p, guint i, gboolean lenient)
{
  guint e = i + 1;
  while (e + 1 < p->words->len
         && (answer_word_is (p, e, lenient ? "va" : "và")
             || answer_word_is (p, e, "and")
             || answer_word_is (p, e, lenient ? "hoac" : "hoặc")
             || answer_word_is (p, e, "or"))
         && choice_letter_at (key, p, e + 1) >= 0)
    e += 2;
  /* "B, C", "B (nationally), A (in some cities)" and "A (05 ngày làm
   * việc) và C (15 ngày làm việc)": a parenthesis qualifying a letter
   * does not end the group */
  for (;;) {
    guint k = e;
    if (k < p->words->len && (choice_word (p, k)->gap & CUE_GAP_OPEN))
      while (k < p->words->len && k < e + 8
             && !(choice_word (p, k)->gap & CUE_GAP_CLOSE))
        k++;
    if (k > e && k + 1 < p->words->len
        && (answer_word_is (p, k, lenient ? "va" : "và")
            || answer_word_is (p, k, "and")
            || answer_word_is (p, k, lenient ? "hoac" : "hoặc")
            || answer_word_is (p, k, "or"))
        && choice_letter_at (key, p, k + 1) >= 0) {
      e = k + 2;
      continue;
    }
    if (k >= p->words->len || choice_letter_at (key, p, k) < 0
        || !(choice_word (p, k)->gap & CUE_GAP_COMMA))
      return e;
    e = k + 1;
  }
}


/* A cue of class cls ending at most gap words before word w, with no
 * pause between them. */
static gboolean
cue_before_unbroken (const AnswerPart *p, CueClass cls, guint w, guint gap)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls != cls || ch->w1 > w || ch->w1 + gap < w)
      continue;
    gboolean pause = FALSE;
    for (guint k = ch->w1; k <= w && k < p->words->len; k++)
      pause |= (choice_word (p, k)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP)) != 0;
    if (!pause)
      return TRUE;
  }
  return FALSE;
}

/* Rejected: "A sai", "phương án A (7.000 đồng) sai vì …", "B và C không
 * phải …" (a rejection up to the next letter or the end of the sentence),
 * "loại A", "không phải A". */
gboolean
choice_rejected_at (const JudgeKey *key, const AnswerPart *p, guint i,
             gboolean lenient)
{
  /* not across a pause: "A sai, B đúng" rejects A only, "… đều sai;
   * chọn B" not B */
  if (cue_before_unbroken (p, CUE_REJECT, i, 1) || cue_before_unbroken (p, CUE_NEG, i, 2))
    return TRUE;
  guint e = choice_group_end (key, p, i, lenient);
  guint stop = e;
  while (stop < p->words->len && stop < e + 8 && choice_letter_at (key, p, stop) < 0
         && !(choice_word (p, stop)->gap & CUE_GAP_STOP))
    stop++;
  /* "C – 60 ngày, không phải A": the rejection right before the next
   * letter is that letter's */
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_REJECT && ch->w0 >= e && ch->w0 < stop
        && !((guint) ch->w1 + 1 >= stop && stop < p->words->len
             && choice_letter_at (key, p, stop) >= 0 && (guint) ch->w1 <= stop))
      return TRUE;
  }
  return FALSE;
}


/* A verdict alone at the head of sentence p: "Rất tiếc, chưa đúng: …",
 * "Sai rồi!", "Chưa chính xác." — not "Sai lầm thường gặp …", where the
 * cue runs on into other words, nor one after a letter of its own. */
gboolean
choice_verdict_opens (const JudgeKey *key, const AnswerPart *p,
                      gboolean lenient)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls != CUE_REJECT || ch->w0 > 3)
      continue;
    for (guint k = 0; k < ch->w0; k++) /* "Phương án A sai: …" is A's */
      if (choice_letter_at (key, p, k) >= 0)
        return FALSE;
    /* "Sai: A, C, D" names what it rejects; "✘ sai, sửa lại: B" corrects */
    gboolean fixes = FALSE;
    for (guint k = (guint) ch->w1; k < p->words->len; k++) {
      fixes |= answer_word_is (p, k, lenient ? "sua" : "sửa");
      if (choice_letter_at (key, p, k) >= 0 && !fixes)
        return FALSE;
    }
    guint e = (guint) ch->w1;
    return e >= p->words->len
           || (choice_word (p, e)->gap
               & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON))
           || answer_word_is (p, e, lenient ? "roi" : "rồi");
  }
  return FALSE;
}

/* "A đúng với hồ sơ nộp trước 15 giờ, không đúng với câu hỏi", "đúng với
 * giai đoạn trước 01/3/2025, nay không còn": the "đúng" at word k is true
 * of a case, and a negation later in its sentence says the option is not
 * the answer. */
gboolean
choice_true_of_a_case (const AnswerPart *p, guint k, gboolean lenient)
{
  if (!answer_word_is (p, k + 1, lenient ? "voi" : "với"))
    return FALSE;
  /* up to a colon: "B – đúng với quy định: hồ sơ … không giải quyết được
   * ngay thì …" explains the rule after it */
  guint end = k + 2;
  while (end < p->words->len
         && !(choice_word (p, end)->gap & (CUE_GAP_STOP | CUE_GAP_COLON)))
    end++;
  /* a verdict on the option ("không đúng", "nay không còn"), not a
   * negation of something else ("không cần phải lên tỉnh") nor one that
   * rejects another letter ("không phải B") */
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->w0 <= k + 1 || ch->w0 >= end)
      continue;
    gboolean no_longer = answer_word_is (p, ch->w0, lenient ? "khong" : "không")
                         && answer_word_is (p, ch->w0 + 1, lenient ? "con" : "còn");
    const CueWord *next = (guint) ch->w1 < p->words->len
                              ? choice_word (p, (guint) ch->w1) : NULL;
    gboolean letter = next != NULL && next->end - next->start == 1
                      && g_ascii_isalpha (p->norm[next->start]);
    if ((ch->cls == CUE_REJECT || no_longer) && !letter)
      return TRUE;
  }
  return FALSE;
}

/* How a strong or a final pick cue ending right before word w, fillers
 * between ("chọn [đáp án] …", "chốt …"), settles on what follows. */
LetterUse
choice_settled_before (const AnswerPart *p, guint w, gboolean lenient)
{
  for (guint j = w;; j--) {
    if (choice_cue_before (p, CUE_PICK_FINAL, j, 0))
      return L_FINAL;
    if (choice_cue_before (p, CUE_PICK_STRONG, j, 0))
      return L_STRONG;
    if (j == 0 || w - j >= 3 || !match_choice_filler (p, j - 1, lenient))
      return L_NONE;
  }
}

/* How word i (a letter) is used: settled on (at the start of the answer,
 * after "đáp án đúng là", "chọn", "the answer is", or followed by "là
 * đúng"), mentioned (after "phương án", "câu", "option"), or neither. */
LetterUse
choice_use_at (const AnswerPart *p, guint i, gboolean first_part, gboolean lenient)
{
  guint start = 0;
  while (start < p->words->len && match_cue_in (p, CUE_FILLER, start, start + 1))
    start++;
  if (first_part && i == start && choice_punct_after (p, i))
    return L_STRONG;
  guint j = i;
  gboolean named = FALSE; /* "Phương án D", read on past the letter */
  for (;;) {
    if (choice_cue_before (p, CUE_PICK_FINAL, j, 1))
      return L_FINAL;
    if (choice_cue_before (p, CUE_PICK_STRONG, j, 0))
      return L_STRONG;
    if (choice_cue_before (p, CUE_PICK, j, 0) /* "chọn phương án B" */
        && choice_settled_before (p, choice_pick_start (p, j), lenient) > L_MENTION)
      return choice_settled_before (p, choice_pick_start (p, j), lenient);
    if (choice_cue_before (p, CUE_PICK, j, 0)) { /* "đáp án: B", "Đáp án B. …" */
      /* "Đáp án C - 60 ngày nhé." opening its own sentence */
      if (j < i || (j > 0 && (choice_word (p, j)->gap & CUE_GAP_COLON))
          || (first_part && match_cue_in (p, CUE_PICK, start, start + 1))
          || (match_cue_in (p, CUE_PICK, start, start + 1)
              && (answer_word_is (p, start, lenient ? "dap" : "đáp")
                  || answer_word_is (p, start, "answer"))
              && choice_punct_after (p, i)
              && (i + 1 >= p->words->len
                  || !(choice_word (p, i + 1)->gap & CUE_GAP_OPEN))))
        return L_STRONG;
      named = TRUE;
      break;
    }
    if (j == 0 || i - j >= 3 || !match_choice_filler (p, j - 1, lenient))
      break;
    j--;
  }
  if (j > 0
      && answer_word_is (p, j - 1, lenient ? "ma" : "mà")) /* "… mà là B" */
    return L_STRONG;
  /* "B là đúng", "B đúng", "B cũng (có thể) đúng", "B is correct", "A
   * can also be correct" */
  guint k = i + 1;
  /* past the option's text in parentheses: "A (30 ngày) cũng được" */
  if (k < p->words->len && (choice_word (p, k)->gap & CUE_GAP_OPEN))
    while (k < p->words->len && k < i + 8
           && !(choice_word (p, k)->gap & CUE_GAP_CLOSE))
      k++;
  if (answer_word_is (p, k, "can") || answer_word_is (p, k, "may")
      || answer_word_is (p, k, "could"))
    k++;
  if (answer_word_is (p, k, lenient ? "cung" : "cũng")
      || answer_word_is (p, k, "also"))
    k++;
  if (answer_word_is (p, k, lenient ? "co" : "có")
      && answer_word_is (p, k + 1, lenient ? "the" : "thể"))
    k += 2;
  if (answer_word_is (p, k, lenient ? "moi" : "mới")) /* "D mới là …" */
    k++;
  if (answer_word_is (p, k, lenient ? "la" : "là")
      || answer_word_is (p, k, "is") || answer_word_is (p, k, "be"))
    k++;
  /* "Phương án D (60 ngày) mới là đáp án chính xác", not "A là đáp án
   * sai", "A là đáp án "lỗi thời"" */
  if (k > i + 1 && answer_word_is (p, k, lenient ? "dap" : "đáp")
      && answer_word_is (p, k + 1, lenient ? "an" : "án")
      && (k + 2 >= p->words->len || (choice_word (p, k + 2)->gap & CUE_GAP_STOP)
          || answer_word_is (p, k + 2, lenient ? "dung" : "đúng")
          || (answer_word_is (p, k + 2, lenient ? "chinh" : "chính")
              && answer_word_is (p, k + 3, lenient ? "xac" : "xác"))))
    return L_STRONG;
  if (answer_word_is (p, k, lenient ? "dung" : "đúng")
      && choice_true_of_a_case (p, k, lenient))
    return L_NONE;
  if (answer_word_is (p, k, lenient ? "dung" : "đúng")
      || answer_word_is (p, k, "correct") || answer_word_is (p, k, "right")
      || answer_word_is (p, k, "acceptable")
      || (answer_word_is (p, k, lenient ? "duoc" : "được")
          && answer_word_is (p, k + 1, lenient ? "chap" : "chấp"))
      || (answer_word_is (p, k, lenient ? "chinh" : "chính")
          && answer_word_is (p, k + 1, lenient ? "xac" : "xác")))
    return L_STRONG;
  return named ? L_MENTION : L_NONE;
}

/* A pick cue right before word i, fillers between ("the correct choice
 * is the third option", "đáp án đúng là phương án thứ hai"). */
gboolean
choice_picked_after (const AnswerPart *p, guint i, gboolean lenient)
{
  guint j = i;
  while (j > 0 && i - j < 3 && match_choice_filler (p, j - 1, lenient))
    j--;
  for (guint k = j; k <= i; k++)
    if (choice_cue_before (p, CUE_PICK, k, 0) || choice_cue_before (p, CUE_PICK_STRONG, k, 0))
      return TRUE;
  return FALSE;
}

/* Whether the pick of the letter at word i is others' ("Người làm bài hay
 * chọn B", "nhiều người chọn A", "many people pick C"), not the answer's. */
gboolean
choice_others_pick (const AnswerPart *p, guint i, gboolean lenient)
{
  for (guint k = i >= 5 ? i - 5 : 0; k < i; k++)
    if (answer_word_is (p, k, lenient ? "nguoi" : "người")
        || answer_word_is (p, k, "people") || answer_word_is (p, k, "many")
        || (answer_word_is (p, k, lenient ? "thi" : "thí")
            && answer_word_is (p, k + 1, lenient ? "sinh" : "sinh")))
      return TRUE;
  return FALSE;
}

/* Whether the sentence of the letter at word i gives the pick to a group
 * of others before it ("nhiều người nhớ … nên chọn A", "khoảng một phần
 * ba học viên chọn A vì nhầm", "most students pick C"): a statistic or a
 * common mistake told of, not the answer's pick. A first person after
 * the group takes the pick back ("học viên hỏi, tôi chọn B"). */
static gboolean
others_subject (const AnswerPart *p, guint i, gboolean lenient)
{
  /* a group's two words, as written and without diacritics */
  static const char *const group[][4] = {
    {"nhiều", "người", "nhieu", "nguoi"}, {"mọi", "người", "moi", "nguoi"},
    {"học", "viên", "hoc", "vien"},       {"thí", "sinh", "thi", "sinh"},
    {"học", "sinh", "hoc", "sinh"},       {"sinh", "viên", "sinh", "vien"},
    {"người", "làm", "nguoi", "lam"}};
  static const char *const english[] = {"many", "most", "students", "people",
                                        "others"};
  guint from = i;
  while (from > 0 && i - from < 14 && !(choice_word (p, from)->gap & CUE_GAP_STOP))
    from--;
  gboolean others = FALSE;
  guint form = lenient ? 2 : 0;
  for (guint k = from; k < i; k++) {
    for (gsize g = 0; g < G_N_ELEMENTS (group); g++)
      if (answer_word_is (p, k, group[g][form])
          && answer_word_is (p, k + 1, group[g][form + 1]))
        others = TRUE;
    for (gsize e = 0; e < G_N_ELEMENTS (english); e++)
      if (answer_word_is (p, k, english[e]))
        others = TRUE;
    if (others
        && (answer_word_is (p, k, lenient ? "toi" : "tôi")
            || answer_word_is (p, k, lenient ? "minh" : "mình")
            || answer_word_is (p, k, "we")))
      others = FALSE;
  }
  return others;
}

/* Whether the pick of the letter at word i is put as a supposition or as
 * others' ("Nếu bạn chọn C là mới đếm tỉnh", "Có bạn chọn B vì …", "if
 * you pick A"), within its clause, and not then taken up in the first
 * person ("Nếu phải chọn, tôi chọn B"). */
gboolean
choice_supposed_pick (const AnswerPart *p, guint i, gboolean lenient)
{
  static const char *const own[][2] = {
    {"tôi", "toi"}, {"mình", "minh"}, {"em", "em"}, {"i", "i"}};
  guint from = i;
  while (from > 0 && i - from < 6 && !(choice_word (p, from)->gap & CUE_GAP_STOP))
    from--;
  gboolean supposed = FALSE;
  for (guint k = from; k < i; k++) {
    if (answer_word_is (p, k, lenient ? "neu" : "nếu")
        || answer_word_is (p, k, "if")
        || (answer_word_is (p, k + 1, lenient ? "ban" : "bạn")
            && (answer_word_is (p, k, lenient ? "co" : "có")
                || answer_word_is (p, k, lenient ? "nhieu" : "nhiều")
                || answer_word_is (p, k, lenient ? "so" : "số"))))
      supposed = TRUE;
    for (gsize o = 0; supposed && o < G_N_ELEMENTS (own); o++)
      if (k > from && answer_word_is (p, k, own[o][lenient ? 1 : 0])
          && !answer_word_is (p, k - 1, lenient ? "neu" : "nếu"))
        supposed = FALSE;
  }
  return supposed || others_subject (p, i, lenient);
}


/* "### Vì sao chọn B?", "Tại sao đáp án là B?", "Why B?": a question
 * that asks why the letter at word i is the one, in its sentence — it
 * takes the pick as given, it neither makes it nor doubts it. */
gboolean
choice_asked_why (const AnswerPart *p, guint i, gboolean lenient)
{
  if (!answer_text_asks (p->norm))
    return FALSE;
  for (guint k = answer_sentence_start (p, i); k + 1 <= i; k++)
    if (((answer_word_is (p, k, lenient ? "vi" : "vì")
          || answer_word_is (p, k, lenient ? "tai" : "tại"))
         && answer_word_is (p, k + 1, "sao"))
        || answer_word_is (p, k, "why"))
      return TRUE;
  return FALSE;
}

/* Whether word i stands in the sentence that opens at word from. */
gboolean
choice_same_sentence (const AnswerPart *p, guint from, guint i)
{
  if (i < from)
    return FALSE;
  for (guint k = from + 1; k <= i; k++)
    if (choice_word (p, k)->gap & CUE_GAP_STOP)
      return FALSE;
  return TRUE;
}

/* Whether the letter at word i stands in a run of letters ("A, B, C, D",
 * "A và B"): the options listed, or named together. */
gboolean
choice_in_letter_run (const JudgeKey *key, const AnswerPart *p, guint i,
               gboolean lenient)
{
  if ((i > 0 && choice_letter_at (key, p, i - 1) >= 0) || choice_letter_at (key, p, i + 1) >= 0)
    return TRUE;
  gboolean joined_after = answer_word_is (p, i + 1, lenient ? "va" : "và")
                          || answer_word_is (p, i + 1, "and");
  gboolean joined_before = i >= 2 && (answer_word_is (p, i - 1, lenient ? "va" : "và")
                                      || answer_word_is (p, i - 1, "and"));
  return (joined_after && choice_letter_at (key, p, i + 2) >= 0)
         || (joined_before && choice_letter_at (key, p, i - 2) >= 0);
}
