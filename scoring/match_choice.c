/* Multiple choice (scoring/match.h), read as a person reads it: the option
 * the answer settles on counts, options named only to be rejected do not
 * ("Đáp án đúng là B … phương án A sai vì …" picks B). Letters are read at
 * the start of the answer and after a cue (đáp án, phương án, chọn, câu,
 * the answer is); ordinals ("phương án thứ hai"); failing a letter, the
 * option whose text the answer states, in its words or its numbers
 * (those readers are match_choice_text.c's). */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "util/jsonw.h"

#include <string.h>

typedef struct {
  guint strong, mentioned, rejected; /* bit per choice index */
  guint corrected;                   /* strong picks the answer took back */
  guint final;                       /* settled on after weighing others */
  char *span;                        /* the first strong pick's words */
} Picks;

static const CueWord *
word (const AnswerPart *p, guint i)
{
  return &g_array_index (p->words, CueWord, i);
}

/* "is a common wrong guess": the English article, not option A — "a"
 * after a word that takes one and before a word, no pause between. */
static gboolean
english_article (const AnswerPart *p, guint i)
{
  static const char *const before[] = {
    "is", "was", "as", "for", "of", "in", "such", "have", "has", "be",
    "with", "to", "at", "on", "by", "not", "than", "get",
    "make", "take", "give", "need", "needs", "it", "there", "what", "just",
  };
  static const char *const verbs[] = {
    "is", "was", "are", "can", "could", "may", "might", "would", "should",
    "and", "or", "also", "seems", "looks", "sounds", "does", "remains",
  };
  if (!answer_word_is (p, i, "a") || i == 0 || i + 1 >= p->words->len
      || word (p, i + 1)->gap != 0 || word (p, i)->gap != 0)
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
static gboolean
punct_after (const AnswerPart *p, guint i)
{
  if (i + 1 >= p->words->len)
    return TRUE;
  const CueWord *a = word (p, i), *b = word (p, i + 1);
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
  if (punct_after (p, i))
    return TRUE;
  if (g_ascii_isdigit (p->norm[word (p, i + 1)->start]))
    return TRUE;
  for (gsize k = 0; k < G_N_ELEMENTS (numbers); k++)
    if (answer_word_is (p, i + 1, numbers[k]))
      return TRUE;
  return FALSE;
}

/* The choice whose letter word i is, or -1. */
static gint
letter_at (const JudgeKey *key, const AnswerPart *p, guint i)
{
  if (i >= p->words->len)
    return -1;
  const CueWord *cw = word (p, i);
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
static gboolean
cue_before (const AnswerPart *p, CueClass cls, guint w, guint gap)
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
static guint
pick_start (const AnswerPart *p, guint w)
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
static gint
ordinal_at (const AnswerPart *p, guint i, gboolean lenient)
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
    const CueWord *cw = word (p, i + 1);
    if (cw->end - cw->start == 1 && g_ascii_isdigit (p->norm[cw->start]))
      return p->norm[cw->start] - '1';
  }
  return -1;
}

/* The end of the group of letters from i ("B và C", "A, B hoặc C"). */
static guint
group_end (const JudgeKey *key, const AnswerPart *p, guint i, gboolean lenient)
{
  guint e = i + 1;
  while (e + 1 < p->words->len
         && (answer_word_is (p, e, lenient ? "va" : "và")
             || answer_word_is (p, e, "and")
             || answer_word_is (p, e, lenient ? "hoac" : "hoặc")
             || answer_word_is (p, e, "or"))
         && letter_at (key, p, e + 1) >= 0)
    e += 2;
  /* "B, C", and "B (nationally), A (in some cities)": a parenthesis
   * qualifying a letter does not end the group */
  for (;;) {
    guint k = e;
    if (k < p->words->len && (word (p, k)->gap & CUE_GAP_OPEN))
      while (k < p->words->len && k < e + 8
             && !(word (p, k)->gap & CUE_GAP_CLOSE))
        k++;
    if (k >= p->words->len || letter_at (key, p, k) < 0
        || !(word (p, k)->gap & CUE_GAP_COMMA))
      return e;
    e = k + 1;
  }
}

/* Rejected: "A sai", "phương án A (7.000 đồng) sai vì …", "B và C không
 * phải …" (a rejection up to the next letter or the end of the sentence),
 * "loại A", "không phải A". */
static gboolean
rejected_at (const JudgeKey *key, const AnswerPart *p, guint i,
             gboolean lenient)
{
  /* not across a pause: "A sai, B đúng" rejects A only */
  if (!(word (p, i)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP))
      && (cue_before (p, CUE_REJECT, i, 1) || cue_before (p, CUE_NEG, i, 2)))
    return TRUE;
  guint e = group_end (key, p, i, lenient);
  guint stop = e;
  while (stop < p->words->len && stop < e + 8 && letter_at (key, p, stop) < 0
         && !(word (p, stop)->gap & CUE_GAP_STOP))
    stop++;
  return match_cue_in (p, CUE_REJECT, e, stop);
}

typedef enum { L_NONE, L_MENTION, L_STRONG, L_FINAL } LetterUse;

/* How a strong or a final pick cue ending right before word w, fillers
 * between ("chọn [đáp án] …", "chốt …"), settles on what follows. */
static LetterUse
settled_before (const AnswerPart *p, guint w, gboolean lenient)
{
  for (guint j = w;; j--) {
    if (cue_before (p, CUE_PICK_FINAL, j, 0))
      return L_FINAL;
    if (cue_before (p, CUE_PICK_STRONG, j, 0))
      return L_STRONG;
    if (j == 0 || w - j >= 3 || !match_choice_filler (p, j - 1, lenient))
      return L_NONE;
  }
}

/* How word i (a letter) is used: settled on (at the start of the answer,
 * after "đáp án đúng là", "chọn", "the answer is", or followed by "là
 * đúng"), mentioned (after "phương án", "câu", "option"), or neither. */
static LetterUse
use_at (const AnswerPart *p, guint i, gboolean first_part, gboolean lenient)
{
  guint start = 0;
  while (start < p->words->len && match_cue_in (p, CUE_FILLER, start, start + 1))
    start++;
  if (first_part && i == start && punct_after (p, i))
    return L_STRONG;
  guint j = i;
  for (;;) {
    if (cue_before (p, CUE_PICK_FINAL, j, 1))
      return L_FINAL;
    if (cue_before (p, CUE_PICK_STRONG, j, 0))
      return L_STRONG;
    if (cue_before (p, CUE_PICK, j, 0) /* "chọn phương án B" */
        && settled_before (p, pick_start (p, j), lenient) > L_MENTION)
      return settled_before (p, pick_start (p, j), lenient);
    if (cue_before (p, CUE_PICK, j, 0)) /* "đáp án: B", "Đáp án B. …" */
      /* "Đáp án C - 60 ngày nhé." opening its own sentence */
      return j < i || (j > 0 && (word (p, j)->gap & CUE_GAP_COLON))
                     || (first_part && match_cue_in (p, CUE_PICK, start, start + 1))
                     || (match_cue_in (p, CUE_PICK, start, start + 1)
                         && (answer_word_is (p, start, lenient ? "dap" : "đáp")
                             || answer_word_is (p, start, "answer"))
                         && punct_after (p, i)
                         && (i + 1 >= p->words->len
                             || !(word (p, i + 1)->gap & CUE_GAP_OPEN)))
                 ? L_STRONG : L_MENTION;
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
  if (k < p->words->len && (word (p, k)->gap & CUE_GAP_OPEN))
    while (k < p->words->len && k < i + 8
           && !(word (p, k)->gap & CUE_GAP_CLOSE))
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
  if (answer_word_is (p, k, lenient ? "la" : "là")
      || answer_word_is (p, k, "is") || answer_word_is (p, k, "be"))
    k++;
  if (answer_word_is (p, k, lenient ? "dung" : "đúng")
      || answer_word_is (p, k, "correct") || answer_word_is (p, k, "right")
      || answer_word_is (p, k, "acceptable")
      || (answer_word_is (p, k, lenient ? "duoc" : "được")
          && answer_word_is (p, k + 1, lenient ? "chap" : "chấp"))
      || (answer_word_is (p, k, lenient ? "chinh" : "chính")
          && answer_word_is (p, k + 1, lenient ? "xac" : "xác")))
    return L_STRONG;
  return L_NONE;
}

/* The words naming an option before its letter at w: "**Option A — …**",
 * "Phương án B: …" (a walk through the options), or 0. */
static guint
option_named (const AnswerPart *p, guint w)
{
  if (answer_word_is (p, w, "option") || answer_word_is (p, w, "choice"))
    return 1;
  if ((answer_word_is (p, w, "phương") || answer_word_is (p, w, "phuong"))
      && (answer_word_is (p, w + 1, "án") || answer_word_is (p, w + 1, "an")))
    return 2;
  return 0;
}

/* The first word of p past fillers. */
static guint
lead_word (const AnswerPart *p)
{
  guint w = 0;
  while (w < p->words->len && match_cue_in (p, CUE_FILLER, w, w + 1))
    w++;
  return w;
}

/* Where p's own words start: past fillers and an option's naming. */
static guint
first_word (const AnswerPart *p)
{
  guint w = lead_word (p);
  return w + option_named (p, w);
}

/* Whether p is one line of a walk through the options ("- A. 100.000
 * đồng → sai", "- **C. …** → đúng"): it opens with a letter and its
 * punctuation, and another part of its list or paragraph opens with
 * another letter. Such a letter is the option being weighed, not a pick:
 * the line's own verdict, or the answer's conclusion, decides. */
static gboolean
option_line (const JudgeKey *key, const Answer *a, guint pi)
{
  const AnswerPart *p = answer_part (a, pi);
  guint w = first_word (p);
  gint c = letter_at (key, p, w);
  if (c < 0 || !punct_after (p, w))
    return FALSE;
  /* "**Answer: B — …**" concludes the walk ("Option B —" names one) */
  if (match_cue_in (p, CUE_PICK, 0, lead_word (p))
      || match_cue_in (p, CUE_PICK_STRONG, 0, w)
      || match_cue_in (p, CUE_PICK_FINAL, 0, w))
    return FALSE;
  /* lines that name their option may stand in paragraphs of their own,
   * and so may a walk through three or more options ("**A. Sở Tư pháp**
   * — … Loại." then "**B. …**", each a paragraph) */
  gboolean named = option_named (p, lead_word (p)) > 0;
  guint others = 0, far = 0;
  for (guint k = 0; k < a->parts->len; k++) {
    const AnswerPart *q = answer_part (a, k);
    if (k == pi)
      continue;
    guint qw = first_word (q);
    gint qc = letter_at (key, q, qw);
    if (qc < 0 || qc == c || qc >= 32 || !punct_after (q, qw))
      continue;
    if (q->block == p->block || named)
      return TRUE;
    far |= 1u << qc;
    others = (guint) __builtin_popcount (far);
  }
  return others >= 2;
}

/* The verdict an option line gives its option: 1 right ("→ đúng",
 * "correct"), 0 wrong (a rejection cue), -1 none. */
static int
option_verdict (const AnswerPart *p, guint from, gboolean lenient)
{
  for (guint k = from; k < p->words->len; k++) {
    if (match_cue_in (p, CUE_REJECT, k, k + 1))
      return 0;
    /* typed without diacritics "dung" is also dùng, dũng: "kẻ xấu dùng hộ
     * chiếu" — only a "dung" that ends its clause or follows "la" says
     * right */
    gboolean plain_right = !lenient || k + 1 >= p->words->len
                           || (word (p, k + 1)->gap
                               & (CUE_GAP_STOP | CUE_GAP_COMMA))
                           || (k > 0 && answer_word_is (p, k - 1, "la"));
    if ((answer_word_is (p, k, lenient ? "dung" : "đúng") && plain_right
         && !answer_word_is (p, k + 1,
                             lenient ? "han" : "hạn") /* "đúng hạn" */
         && !answer_word_is (p, k + 1,
                             lenient ? "la" : "là") /* "đúng là …, nhưng" */
         && !answer_word_is (p, k + 1,
                             lenient ? "truoc" : "trước")) /* "đúng trước
                                                              1/7/2025" */
        || answer_word_is (p, k, "correct") || answer_word_is (p, k, "right"))
      return 1;
  }
  return -1;
}

/* "B và D đều đúng", "A and C are both acceptable": a group of letters
 * endorsed together. */
static gboolean
group_endorsed (const JudgeKey *key, const AnswerPart *p, guint i,
                gboolean lenient)
{
  guint k = group_end (key, p, i, lenient);
  if (k < i + 3)
    return FALSE; /* one letter: use_at reads it */
  while (answer_word_is (p, k, lenient ? "deu" : "đều")
         || answer_word_is (p, k, "are") || answer_word_is (p, k, "both")
         || answer_word_is (p, k, lenient ? "cung" : "cũng")
         || answer_word_is (p, k, lenient ? "co" : "có")
         || answer_word_is (p, k, lenient ? "the" : "thể")
         || answer_word_is (p, k, "can") || answer_word_is (p, k, "be"))
    k++;
  if (answer_word_is (p, k,
                      lenient ? "duoc" : "được")) /* not "đều được nhắc đến" */
    return punct_after (p, k)
           || answer_word_is (p, k + 1, lenient ? "chap" : "chấp");
  return answer_word_is (p, k, lenient ? "dung" : "đúng")
         || answer_word_is (p, k, "correct") || answer_word_is (p, k, "right")
         || answer_word_is (p, k, "acceptable")
         || answer_word_is (p, k, "accepted");
}

/* How the line before part pi settles on what opens pi: "Vì vậy đáp án
 * chính xác là:" then "✅ **D. Không giới hạn.**" is a conclusion
 * (L_FINAL), "Đáp án đúng là:" a pick (L_STRONG); else L_NONE. */
static LetterUse
intro_pick (const Answer *a, guint pi)
{
  if (pi == 0)
    return L_NONE;
  const AnswerPart *q = answer_part (a, pi - 1);
  guint n = q->words->len;
  if (n == 0 || q->kind == PART_GLOSS || q->quoted)
    return L_NONE;
  const char *end = q->norm + strlen (q->norm);
  while (end > q->norm && strchr (" *_", end[-1]))
    end--;
  if (end == q->norm || end[-1] != ':')
    return L_NONE;
  /* a strong pick: "Mình xét từng phương án:" opens a walk instead */
  if (!cue_before (q, CUE_PICK_STRONG, n, 1)
      && !cue_before (q, CUE_PICK_FINAL, n, 1))
    return L_NONE;
  return match_cue_in (q, CUE_SO, 0, n) || match_cue_in (q, CUE_PICK_FINAL, 0, n)
             ? L_FINAL : L_STRONG;
}

/* The options restated in one line ("A. Ngay trong ngày; B. 03 ngày làm
 * việc; C. …"): three or more letters each marking an option, over the
 * parts of part pi's line. */
static gboolean
lists_options (const JudgeKey *key, const Answer *a, guint pi)
{
  guint line = answer_part (a, pi)->line, seen = 0;
  for (guint k = 0; k < a->parts->len; k++) {
    const AnswerPart *p = answer_part (a, k);
    if (p->line != line)
      continue;
    for (guint i = 0; i < p->words->len; i++) {
      gint c = letter_at (key, p, i);
      if (c >= 0 && c < 32 && punct_after (p, i)
          && (i == 0 || (word (p, i)->gap & (CUE_GAP_STOP | CUE_GAP_COMMA))))
        seen |= 1u << c;
    }
  }
  return __builtin_popcount (seen) >= 3;
}

/* A pick cue right before word i, fillers between ("the correct choice
 * is the third option", "đáp án đúng là phương án thứ hai"). */
static gboolean
picked_after (const AnswerPart *p, guint i, gboolean lenient)
{
  guint j = i;
  while (j > 0 && i - j < 3 && match_choice_filler (p, j - 1, lenient))
    j--;
  for (guint k = j; k <= i; k++)
    if (cue_before (p, CUE_PICK, k, 0) || cue_before (p, CUE_PICK_STRONG, k, 0))
      return TRUE;
  return FALSE;
}

/* Whether the pick of the letter at word i is others' ("Người làm bài hay
 * chọn B", "nhiều người chọn A", "many people pick C"), not the answer's. */
static gboolean
others_pick (const AnswerPart *p, guint i, gboolean lenient)
{
  for (guint k = i >= 5 ? i - 5 : 0; k < i; k++)
    if (answer_word_is (p, k, lenient ? "nguoi" : "người")
        || answer_word_is (p, k, "people") || answer_word_is (p, k, "many")
        || (answer_word_is (p, k, lenient ? "thi" : "thí")
            && answer_word_is (p, k + 1, lenient ? "sinh" : "sinh")))
      return TRUE;
  return FALSE;
}

/* Whether the pick of the letter at word i is put as a supposition or as
 * others' ("Nếu bạn chọn C là mới đếm tỉnh", "Có bạn chọn B vì …", "if
 * you pick A"), within its clause, and not then taken up in the first
 * person ("Nếu phải chọn, tôi chọn B"). */
static gboolean
supposed_pick (const AnswerPart *p, guint i, gboolean lenient)
{
  static const char *const own[][2] = {
    {"tôi", "toi"}, {"mình", "minh"}, {"em", "em"}, {"i", "i"}};
  guint from = i;
  while (from > 0 && i - from < 6 && !(word (p, from)->gap & CUE_GAP_STOP))
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
  return supposed;
}

/* The first word after the answer's label and colon opening p ("Kết
 * luận: … phương án C", "Choice: C", "Short answer: … letter C"), or
 * G_MAXUINT: letters in that sentence are what the answer concludes. */
static guint
concluded_from (const AnswerPart *p, gboolean lenient)
{
  for (guint w = 1; w < p->words->len && w <= 7; w++)
    if ((word (p, w)->gap & CUE_GAP_COLON)
        && match_answer_label_before (p, w, lenient))
      return w;
  return G_MAXUINT;
}

/* Whether word i stands in the sentence that opens at word from. */
static gboolean
same_sentence (const AnswerPart *p, guint from, guint i)
{
  if (i < from)
    return FALSE;
  for (guint k = from + 1; k <= i; k++)
    if (word (p, k)->gap & CUE_GAP_STOP)
      return FALSE;
  return TRUE;
}

/* Where in p the answer corrects itself: the first correction cue's
 * word, or 0 (an update note corrects from its start). */
static guint
correction_word (const AnswerPart *p)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_CORRECTION)
      return ch->w0;
  }
  return 0;
}

static void
read_letters (const JudgeKey *key, const Answer *a, Picks *pk)
{
  /* "chị chọn câu A ạ… à không, em xin lỗi, … chị chọn B nhé": picks
   * before the answer corrects itself are taken back when it picks again */
  gint corr = claims_correction_part (a);
  guint corr_word = corr < 0 ? 0 : correction_word (answer_part (a, (guint) corr));
  guint before_corr = 0;
  gboolean first = TRUE;
  gboolean walked = FALSE; /* past a walk through the options */
  guint walk_block = G_MAXUINT; /* the paragraph of the option weighed … */
  gint walk_letter = -1;        /* … and its letter */
  for (guint pi = 0; pi < a->parts->len; pi++) {
    const AnswerPart *p = answer_part (a, pi);
    if (p->kind == PART_GLOSS || p->quoted || lists_options (key, a, pi))
      continue;
    guint i0 = 0;
    guint concluded = concluded_from (p, a->lenient);
    if (option_line (key, a, pi)) {
      guint w = first_word (p);
      guint c = (guint) letter_at (key, p, w);
      int verdict = option_verdict (p, w + 1, a->lenient);
      if (c < 32)
        pk->rejected |= verdict == 0 ? 1u << c : 0;
      if (c < 32 && verdict == 1) {
        pk->strong |= 1u << c;
        if (pk->span == NULL)
          pk->span = g_strndup (p->norm, strlen (p->norm));
      } else if (c < 32 && verdict < 0)
        pk->mentioned |= 1u << c;
      i0 = w + 1;
      first = FALSE;
      walked = TRUE;
      walk_block = p->block;
      walk_letter = (gint) c;
    }
    for (guint i = i0; i < p->words->len; i++) {
      gint c = letter_at (key, p, i);
      gint ord = -1;
      LetterUse intro;
      if (c < 0 && picked_after (p, i, a->lenient)
          && (ord = ordinal_at (p, i, a->lenient)) >= 0
          && (guint) ord < key->choices->len)
        c = ord;
      if (c < 0 || c >= 32)
        continue;
      /* "đáp án đúng là phương án thứ hai" settles on it; "Lựa chọn thứ
       * nhất: …" names the option it weighs */
      LetterUse use = ord < 0 ? use_at (p, i, first, a->lenient)
                      : settled_before (p, pick_start (p, i), a->lenient) > L_MENTION
                          ? settled_before (p, pick_start (p, i), a->lenient)
                          : L_MENTION;
      if (use >= L_STRONG && supposed_pick (p, i, a->lenient))
        use = L_NONE;
      if (use != L_NONE && same_sentence (p, concluded, i))
        use = L_FINAL;
      else if (use == L_NONE && same_sentence (p, concluded, i)
               && !supposed_pick (p, i, a->lenient))
        use = L_FINAL;
      if (i == first_word (p) && punct_after (p, i)
          && (intro = intro_pick (a, pi)) > use)
        use = intro;
      if (use == L_NONE && ord < 0 && group_endorsed (key, p, i, a->lenient))
        use = L_STRONG;
      if (use == L_NONE)
        continue;
      /* "Phương án B – … Người làm bài hay chọn B vì …": the option's own
       * paragraph tells of it, it does not settle on it */
      if (use >= L_STRONG && i0 == 0 && p->block == walk_block
          && c == walk_letter && others_pick (p, i, a->lenient))
        use = L_MENTION;
      if (use == L_STRONG && walked && i0 == 0)
        use = L_FINAL; /* the conclusion after a walk ("→ Chọn B.") */
      if (rejected_at (key, p, i, a->lenient)
          || claims_polarity (a, p, i, i + 1) != POL_STATED) {
        pk->rejected |= 1u << c;
        continue;
      }
      /* "chọn C hoặc A đều được" settles on both */
      guint g = ord < 0 ? group_end (key, p, i, a->lenient) : i + 1;
      for (guint k = i + 1; k < g && (use == L_STRONG || use == L_FINAL); k++) {
        gint other = letter_at (key, p, k);
        if (other >= 0 && other < 32)
          pk->strong |= 1u << other;
        if (other >= 0 && other < 32 && use == L_FINAL)
          pk->final |= 1u << other;
      }
      if (use == L_FINAL)
        pk->final |= 1u << c;
      if ((use == L_STRONG || use == L_FINAL)
          && ((gint) pi < corr || ((gint) pi == corr && i < corr_word)))
        before_corr |= 1u << c;
      if (use == L_STRONG || use == L_FINAL) {
        pk->strong |= 1u << c;
        if (pk->span == NULL) {
          guint from = i >= 3 ? i - 3 : 0;
          pk->span = g_strndup (p->norm + word (p, from)->start,
                                word (p, i)->end - word (p, from)->start);
        }
      } else
        pk->mentioned |= 1u << c;
    }
    first = first && (p->kind == PART_HEADING || p->words->len == 0);
  }
  if (corr >= 0 && (pk->strong & ~before_corr) != 0)
    pk->corrected = before_corr & ~(pk->strong & ~before_corr);
}

/* ---- the matcher ---------------------------------------------------------- */

static void
letters_of (const JudgeKey *key, guint set, GString *out)
{
  for (guint c = 0; c < key->choices->len && c < 32; c++)
    if (set >> c & 1) {
      if (out->len)
        g_string_append_c (out, ',');
      g_string_append (out, ((const Choice *) key->choices->pdata[c])->letter);
    }
}

void
match_choice (const Fact *f, View *v, Outcome *o)
{
  const JudgeKey *key = v->key;
  Picks pk = {0, 0, 0, 0, 0, NULL};
  read_letters (key, v->a, &pk);
  /* the options the answer settles on (last, when it says so); failing
   * that, the one it names */
  pk.rejected |= pk.corrected;
  guint picked = pk.final & ~pk.rejected;
  if (picked == 0)
    picked = pk.strong & ~pk.rejected;
  if (picked == 0) /* one option named: picked; several: a hedge */
    picked = pk.mentioned & ~pk.rejected;
  gboolean by_text = FALSE;
  if (picked == 0 && pk.strong == 0) {
    picked = match_options_after_pick (key, v) & ~pk.rejected;
    if (picked == 0)
      picked = match_options_by_text (key, v) & ~pk.rejected;
    by_text = picked != 0;
  }
  guint right = 0;
  for (guint c = 0; c < key->choices->len && c < 32; c++)
    if (strcmp (((const Choice *) key->choices->pdata[c])->letter, f->answer) == 0)
      right = 1u << c;
  g_autoptr (GString) letters = g_string_new (NULL);
  letters_of (key, picked, letters);
  if (picked == 0) {
    o->status = ST_MISSING;
    outcome_rule (o, "choice.none", f->answer, NULL);
  } else if (picked == right) {
    o->status = ST_MATCHED;
    outcome_rule (o, by_text ? "choice.text" : "choice.matched", f->answer,
                  NULL);
  } else {
    o->status = ST_CONTRADICTION;
    outcome_rule (o, __builtin_popcount (picked) > 1 ? "choice.several"
                                                     : "choice.wrong",
                  letters->str, f->answer, NULL);
  }
  if (!o->quiet && picked != 0) {
    o->span = pk.span ? g_strdup (pk.span) : g_strdup (letters->str);
    GString *js = g_string_new (NULL);
    jsonw_append_string (js, letters->str);
    o->value = g_string_free (js, FALSE);
  }
  if (!o->quiet && pk.rejected != 0) {
    g_autoptr (GString) rej = g_string_new (NULL);
    letters_of (key, pk.rejected, rej);
    outcome_note (o, rej->str, "set_aside", "choice.rejected", rej->str, NULL);
  }
  g_free (pk.span);
}
