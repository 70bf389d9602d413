/* Multiple choice (scoring/match.h), read as a person reads it: the option
 * the answer settles on counts, options named only to be rejected do not
 * ("Đáp án đúng là B … phương án A sai vì …" picks B). Letters are read at
 * the start of the answer and after a cue (đáp án, phương án, chọn, câu,
 * the answer is); ordinals ("phương án thứ hai"); failing a letter, the
 * option whose text the answer states, in its words or its numbers
 * (those readers are match_choice_text.c's). How the words around a
 * letter use it is match_choice_words.c's; this file weighs the letters
 * over the answer: its walk through the options, its conclusion, the
 * picks it takes back. */
#include "scoring/match_choice_private.h"
#include "scoring/normalize.h"

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
  gint c = choice_letter_at (key, p, w);
  if (c < 0 || !choice_punct_after (p, w))
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
    gint qc = choice_letter_at (key, q, qw);
    if (qc < 0 || qc == c || qc >= 32 || !choice_punct_after (q, qw))
      continue;
    if (q->block == p->block || named)
      return TRUE;
    far |= 1u << qc;
    others = (guint) __builtin_popcount (far);
  }
  return others >= 2;
}

/* The verdict an option line gives its option: 1 right ("→ đúng",
 * "correct", "✅ B. …", "B. … <-- ĐÁP ÁN"), 0 wrong (a rejection cue,
 * "❌ A. …"), -1 none. The line's own words from from on. */
static int
option_verdict (const AnswerPart *p, guint from, gboolean lenient)
{
  static const char *const rights[] = {"✅", "✔", "☑"};
  static const char *const wrongs[] = {"❌", "✗", "✘", "✖"};
  gsize lead = p->words->len > 0 ? choice_word (p, 0)->start : 0;
  for (gsize i = 0; i < G_N_ELEMENTS (rights); i++)
    if (g_strstr_len (p->norm, (gssize) lead, rights[i]))
      return 1;
  for (gsize i = 0; i < G_N_ELEMENTS (wrongs); i++)
    if (g_strstr_len (p->norm, (gssize) lead, wrongs[i]))
      return 0;
  for (guint k = from; k < p->words->len; k++) {
    if (match_cue_in (p, CUE_REJECT, k, k + 1))
      return 0;
    if (k + 2 == p->words->len && answer_word_is (p, k, lenient ? "dap" : "đáp")
        && answer_word_is (p, k + 1, lenient ? "an" : "án"))
      return 1; /* "B. 05 ngày làm việc   <-- ĐÁP ÁN" */
    /* typed without diacritics "dung" is also dùng, dũng: "kẻ xấu dùng hộ
     * chiếu" — only a "dung" that ends its clause or follows "la" says
     * right */
    gboolean plain_right = !lenient || k + 1 >= p->words->len
                           || (choice_word (p, k + 1)->gap
                               & (CUE_GAP_STOP | CUE_GAP_COMMA))
                           || (k > 0 && answer_word_is (p, k - 1, "la"));
    /* … nor the second syllable of a word: "khong con ap dung" (áp
     * dụng), "su dung", "ung dung", "noi dung" */
    static const char *const firsts[] = {"ap", "su", "ung", "noi", "tin",
                                         "tuyen", "van", "lam"};
    for (gsize f = 0; lenient && k > 0 && f < G_N_ELEMENTS (firsts); f++)
      plain_right = plain_right && !answer_word_is (p, k - 1, firsts[f]);
    if (answer_word_is (p, k, lenient ? "dung" : "đúng") && plain_right
        && choice_true_of_a_case (p, k, lenient))
      return 0;
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
  guint k = choice_group_end (key, p, i, lenient);
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
    return choice_punct_after (p, k)
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
  if (!choice_cue_before (q, CUE_PICK_STRONG, n, 1)
      && !choice_cue_before (q, CUE_PICK_FINAL, n, 1))
    return L_NONE;
  return match_cue_in (q, CUE_SO, 0, n) || match_cue_in (q, CUE_PICK_FINAL, 0, n)
             ? L_FINAL : L_STRONG;
}

/* Whether word i of p opens an option: first, or past a stop or a
 * comma; with dashes, past a dash too ("A. 03 ngày — B. 07 ngày"). */
static gboolean
option_gap (const AnswerPart *p, guint i, gboolean dashes)
{
  if (i == 0 || (choice_word (p, i)->gap & (CUE_GAP_STOP | CUE_GAP_COMMA)))
    return TRUE;
  const CueWord *prev = choice_word (p, i - 1), *w = choice_word (p, i);
  return dashes && memchr (p->norm + prev->end, '-', w->start - prev->end) != NULL;
}

/* The letters that mark options on line line of a (a bit per choice). */
static guint
line_letters (const JudgeKey *key, const Answer *a, guint line, gboolean dashes)
{
  guint seen = 0;
  for (guint k = 0; k < a->parts->len; k++) {
    const AnswerPart *p = answer_part (a, k);
    if (p->line != line)
      continue;
    for (guint i = 0; i < p->words->len; i++) {
      gint c = choice_letter_at (key, p, i);
      if (c >= 0 && c < 32 && choice_punct_after (p, i) && option_gap (p, i, dashes))
        seen |= 1u << c;
    }
  }
  return seen;
}

/* How many of the key's option texts line line of a holds. */
static guint
own_texts_on_line (const JudgeKey *key, const Answer *a, guint line)
{
  guint own = 0;
  for (guint k = 0; k < a->parts->len; k++) {
    const AnswerPart *q = answer_part (a, k);
    if (q->line != line)
      continue;
    for (guint c = 0; c < key->choices->len; c++) {
      const Choice *ch = key->choices->pdata[c];
      g_autofree char *folded = a->lenient ? normalize_text (ch->norm, TRUE) : NULL;
      const char *text = folded ? folded : ch->norm;
      if (text[0] != '\0' && strstr (q->norm, text) != NULL)
        own++;
    }
  }
  return own;
}

/* The options restated in one line ("A. Ngay trong ngày; B. 03 ngày làm
 * việc; C. …"): three or more letters each marking an option, over the
 * parts of part pi's line; with dashes between them ("A. Ngay trong ngày
 * — B. 03 ngày làm việc — …") when two or more are the key's own texts. */
gboolean
choice_lists_options (const JudgeKey *key, const Answer *a, guint pi)
{
  guint line = answer_part (a, pi)->line;
  return __builtin_popcount (line_letters (key, a, line, FALSE)) >= 3
         || (__builtin_popcount (line_letters (key, a, line, TRUE)) >= 3
             && own_texts_on_line (key, a, line) >= 2);
}

/* Whether part pi's line lists another question's options ("> Thời
 * hạn cấp …? A. 03 ngày làm việc — B. 07 ngày làm việc — C. …" in a
 * "câu hỏi tương tự" block): three or more lettered options, fewer than
 * two of them the key's own texts, after a question mark. Letters after
 * it, up to the next heading, answer that question. Quoted lines count:
 * the other question is usually quoted. */
static gboolean
lists_other_options (const JudgeKey *key, const Answer *a, guint pi)
{
  guint line = answer_part (a, pi)->line;
  if (__builtin_popcount (line_letters (key, a, line, TRUE)) < 3
      || own_texts_on_line (key, a, line) >= 2)
    return FALSE;
  /* the options of a question asked on their line or the one before
   * ("A – đã bỏ; C – …; chỉ còn B" sums up the key's own) */
  for (guint k = 0; k < a->parts->len; k++) {
    const AnswerPart *q = answer_part (a, k);
    if ((q->line == line || q->line + 1 == line) && answer_text_asks (q->norm))
      return TRUE;
  }
  return FALSE;
}

/* The letter a concluding sentence settles on ("Kết luận: B là đúng, vì
 * A là …", "Answer: B, because A …", "Trả lời: trong bốn phương án A, B,
 * C, D thì B đúng"): the first it picks outright, or failing one, its
 * first letter outside a run and not supposed. Its word, or G_MAXUINT. */
static guint
concluded_letter (const JudgeKey *key, const AnswerPart *p, guint from,
                  gboolean lenient, gboolean *all)
{
  guint first = G_MAXUINT;
  *all = FALSE;
  for (guint i = from; i < p->words->len && choice_same_sentence (p, from, i); i++) {
    /* "… — cả hai đều được chấp nhận", "both are accepted": it settles
     * on every letter it names */
    if ((answer_word_is (p, i, lenient ? "ca" : "cả")
         && (answer_word_is (p, i + 1, "hai") || answer_word_is (p, i + 1, "ba")))
        || answer_word_is (p, i, "both"))
      *all = TRUE;
    gint ord = -1;
    if (choice_letter_at (key, p, i) < 0 && choice_picked_after (p, i, lenient)
        && (ord = choice_ordinal_at (p, i, lenient)) >= 0
        && (guint) ord < key->choices->len)
      return i; /* "Kết luận: phương án thứ hai — …" */
    if (choice_letter_at (key, p, i) < 0 || choice_supposed_pick (p, i, lenient))
      continue;
    if (choice_use_at (p, i, FALSE, lenient) >= L_STRONG)
      return i;
    if (first == G_MAXUINT && !choice_in_letter_run (key, p, i, lenient))
      first = i;
  }
  return first;
}


/* Whether words k, k+1 of p stand together in the key's question. */
static gboolean
question_bigram (const JudgeKey *key, const AnswerPart *p, guint k)
{
  if (key->question == NULL || k + 1 >= p->words->len)
    return FALSE;
  g_autofree char *q = normalize_text (key->question, FALSE);
  const CueWord *a = choice_word (p, k), *b = choice_word (p, k + 1);
  g_autofree char *pair = g_strndup (p->norm + a->start, b->end - a->start);
  return strstr (q, pair) != NULL;
}

/* "… tài liệu không kinh doanh: đáp án B": a letter that is the value of
 * a label, right past its colon and a pick cue, is not reached by a
 * negation inside the label — one that is a word of the question's own
 * terms ("không kinh doanh"), not "Không chọn: đáp án A". */
static gboolean
label_value (const JudgeKey *key, const AnswerPart *p, guint i,
             gboolean lenient)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (!(ch->cls == CUE_PICK || ch->cls == CUE_PICK_STRONG
          || ch->cls == CUE_PICK_FINAL)
        || ch->w1 != i || ch->w0 == 0
        || !(choice_word (p, ch->w0)->gap & CUE_GAP_COLON))
      continue;
    guint s0 = answer_sentence_start (p, ch->w0 - 1);
    for (guint k = s0; k < ch->w0; k++)
      if ((answer_word_is (p, k, lenient ? "khong" : "không")
           || answer_word_is (p, k, "not"))
          && !question_bigram (key, p, k))
        return FALSE;
    return TRUE;
  }
  return FALSE;
}

/* Whether an arrow ("→", "⇒", "⟹", "➔", "➜", "->", "=>") stands between
 * word k - 1 and word k of p. */
static gboolean
arrow_before (const AnswerPart *p, guint k)
{
  static const char *const arrows[] = {"→", "->", "=>", "⇒", "⟹", "➔", "➜"};
  if (k == 0 || k >= p->words->len)
    return FALSE;
  const CueWord *a = choice_word (p, k - 1), *b = choice_word (p, k);
  for (gsize j = 0; j < G_N_ELEMENTS (arrows); j++)
    if (g_strstr_len (p->norm + a->end, b->start - a->end, arrows[j]))
      return TRUE;
  return FALSE;
}

/* "Câu hỏi không xác minh → **B**", "không phải xác minh: 03 ngày làm
 * việc → đáp án B": a letter past an arrow is the conclusion the arrow
 * draws; a negation before the arrow is the premise's, it does not reach
 * the letter. */
static gboolean
after_arrow (const AnswerPart *p, guint i, gboolean lenient)
{
  guint s0 = answer_sentence_start (p, i);
  for (guint k = i; k > s0; k--) {
    if (match_negator (p, k - 1, lenient))
      return FALSE;
    if (arrow_before (p, k))
      return TRUE;
  }
  return FALSE;
}

/* "TH không phải xác minh ⇒ 03 ngày làm việc ⇒ **B**": a letter right
 * after an arrow that ends its sentence is where the reasoning lands. */
static gboolean
arrow_lands (const AnswerPart *p, guint i)
{
  return arrow_before (p, i)
         && (i + 1 >= p->words->len
             || (choice_word (p, i + 1)->gap & CUE_GAP_STOP));
}

/* "## IV. Đáp án" then "- **Câu 1: B** (05 năm)": the letter an answer
 * key gives a numbered question, under a heading that names the key
 * ("Đáp án", "Answer key"), not in quotes ('in đáp án là "Câu 1: B"'). */
static gboolean
answer_key_line (const Answer *a, guint pi, guint i)
{
  const AnswerPart *p = answer_part (a, pi);
  gboolean lenient = a->lenient;
  if (i < 2 || !(choice_word (p, i)->gap & CUE_GAP_COLON)
      || !g_ascii_isdigit (p->norm[choice_word (p, i - 1)->start])
      || !(answer_word_is (p, i - 2, lenient ? "cau" : "câu")
           || answer_word_is (p, i - 2, "question")))
    return FALSE;
  gsize s = choice_word (p, i - 2)->start;
  if (s > 0 && strchr ("\"'“", p->norm[s - 1]) != NULL)
    return FALSE;
  /* the nearest heading or introducing line above ("## IV. Đáp án",
   * "**Đáp án:**", "Dap an de on tap:") */
  for (guint k = pi; k-- > 0;) {
    const AnswerPart *h = answer_part (a, k);
    if (h->kind != PART_HEADING && h->kind != PART_INTRO)
      continue;
    return strstr (h->norm, lenient ? "dap an" : "đáp án") != NULL
           || strstr (h->norm, "answer key") != NULL
           || strstr (h->norm, "answers") != NULL;
  }
  return FALSE;
}

/* "Bạn Hải Yến chọn A – "…". Rất tiếc, chưa đúng": the letter at word i
 * is its sentence's last, and the next sentence opens on a verdict alone,
 * which is the pick's. */
static gboolean
verdict_follows (const JudgeKey *key, const Answer *a, guint pi, guint i)
{
  const AnswerPart *p = answer_part (a, pi);
  for (guint k = i + 1; k < p->words->len; k++)
    if (choice_letter_at (key, p, k) >= 0)
      return FALSE;
  /* the next sentence of the line, or past the rest of the line ("*bài
   * làm:* "em chọn C. 05 ngày …"" then "✘ sai, sửa lại: B") the next
   * line's first */
  for (guint q = pi + 1; q < a->parts->len; q++) {
    const AnswerPart *n = answer_part (a, q);
    if (n->line > p->line + 1)
      return FALSE;
    if (choice_verdict_opens (key, n, a->lenient))
      return TRUE;
    if (n->line > p->line)
      return FALSE;
    for (guint k = 0; k < n->words->len; k++)
      if (choice_letter_at (key, n, k) >= 0)
        return FALSE;
  }
  return FALSE;
}

/* Whether the correction cue at word w of p closes its sentence ("…,
 * tôi xin sửa lại."), two words at most after it, no letter among them. */
static gboolean
closing_marker (const JudgeKey *key, const AnswerPart *p, guint w)
{
  guint end = w + 1;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_CORRECTION && ch->w0 == w)
      end = ch->w1;
  }
  for (guint k = end; k < p->words->len
                      && !(choice_word (p, k)->gap & CUE_GAP_STOP); k++)
    if (k >= end + 2 || choice_letter_at (key, p, k) >= 0)
      return FALSE;
  return TRUE;
}

static void
read_letters (const JudgeKey *key, const Answer *a, Picks *pk)
{
  /* "chị chọn câu A ạ… à không, em xin lỗi, … chị chọn B nhé": picks
   * before the answer corrects itself are taken back when it picks again */
  gint corr = claims_correction_part (a);
  guint corr_word = corr < 0 ? 0 : claims_correction_word (answer_part (a, (guint) corr));
  guint before_corr = 0;
  gboolean first = TRUE;
  gboolean walked = FALSE; /* past a walk through the options */
  guint walk_block = G_MAXUINT; /* the paragraph of the option weighed … */
  gint walk_letter = -1;        /* … and its letter */
  gboolean other_question = FALSE; /* under another question's options */
  for (guint pi = 0; pi < a->parts->len; pi++) {
    const AnswerPart *p = answer_part (a, pi);
    if (p->kind == PART_HEADING)
      other_question = FALSE;
    if (lists_other_options (key, a, pi))
      other_question = TRUE;
    if (p->kind == PART_GLOSS || p->quoted || other_question
        || choice_lists_options (key, a, pi))
      continue;
    guint i0 = 0;
    guint concluded = match_answer_label_end (p, a->lenient);
    guint concluded_at = concluded;
    gboolean concluded_all = FALSE;
    if (concluded != G_MAXUINT)
      concluded = concluded_letter (key, p, concluded, a->lenient,
                                    &concluded_all);
    if (option_line (key, a, pi)) {
      guint w = first_word (p);
      guint c = (guint) choice_letter_at (key, p, w);
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
      gint c = choice_letter_at (key, p, i);
      gint ord = -1;
      LetterUse intro;
      if (c < 0 && choice_picked_after (p, i, a->lenient)
          && (ord = choice_ordinal_at (p, i, a->lenient)) >= 0
          && (guint) ord < key->choices->len)
        c = ord;
      if (c < 0 || c >= 32 || choice_asked_why (p, i, a->lenient))
        continue;
      /* "đáp án đúng là phương án thứ hai" settles on it; "Lựa chọn thứ
       * nhất: …" names the option it weighs */
      LetterUse use = ord < 0 ? choice_use_at (p, i, first, a->lenient)
                      : choice_settled_before (p, choice_pick_start (p, i), a->lenient) > L_MENTION
                          ? choice_settled_before (p, choice_pick_start (p, i), a->lenient)
                          : L_MENTION;
      if (use >= L_STRONG && choice_supposed_pick (p, i, a->lenient))
        use = L_NONE;
      /* the conclusion's letter, and any other it endorses in the same
       * sentence ("Đáp án là C, nhưng … thì A cũng được chấp nhận") */
      if (i == concluded
          || (use >= L_STRONG && concluded != G_MAXUINT
              && choice_same_sentence (p, MIN (i, concluded), MAX (i, concluded)))
          || (concluded_all && choice_same_sentence (p, concluded_at, i)
              && !choice_supposed_pick (p, i, a->lenient)))
        use = L_FINAL;
      if (i == first_word (p) && choice_punct_after (p, i)
          && (intro = intro_pick (a, pi)) > use)
        use = intro;
      if (use == L_NONE && ord < 0 && group_endorsed (key, p, i, a->lenient))
        use = L_STRONG;
      if (use == L_NONE && ord < 0 && answer_key_line (a, pi, i))
        use = L_STRONG;
      gboolean lands = ord < 0 && arrow_lands (p, i);
      if (lands)
        use = L_FINAL;
      if (use == L_NONE)
        continue;
      /* "Phương án B – … Người làm bài hay chọn B vì …": the option's own
       * paragraph tells of it, it does not settle on it */
      if (use >= L_STRONG && i0 == 0 && p->block == walk_block
          && c == walk_letter && choice_others_pick (p, i, a->lenient))
        use = L_MENTION;
      if (use == L_STRONG && walked && i0 == 0)
        use = L_FINAL; /* the conclusion after a walk ("→ Chọn B.") */
      /* a pick quoted from someone's note ("tờ xanh: "tạm trú: 3 ngày làm
       * việc (đáp án A)"") neither picks nor rejects */
      if (!lands && claims_polarity (a, p, i, i + 1) == POL_QUOTED
          && !label_value (key, p, i, a->lenient) && !after_arrow (p, i, a->lenient))
        continue;
      /* an arrow that lands on the letter concludes, it rejects nothing */
      if (!lands
          && (choice_rejected_at (key, p, i, a->lenient)
              || (use == L_STRONG && verdict_follows (key, a, pi, i))
              || (claims_polarity (a, p, i, i + 1) != POL_STATED
                  && !label_value (key, p, i, a->lenient)
                  && !after_arrow (p, i, a->lenient)))) {
        pk->rejected |= 1u << c;
        continue;
      }
      /* "chọn C hoặc A đều được" settles on both */
      guint g = ord < 0 ? choice_group_end (key, p, i, a->lenient) : i + 1;
      for (guint k = i + 1; k < g && (use == L_STRONG || use == L_FINAL); k++) {
        gint other = choice_letter_at (key, p, k);
        if (other >= 0 && other < 32)
          pk->strong |= 1u << other;
        if (other >= 0 && other < 32 && use == L_FINAL)
          pk->final |= 1u << other;
      }
      if (use == L_FINAL)
        pk->final |= 1u << c;
      /* "… D mới là đáp án chính xác, tôi xin sửa lại": a marker that
       * closes its sentence names the new pick before it */
      if ((use == L_STRONG || use == L_FINAL)
          && ((gint) pi < corr
              || ((gint) pi == corr && i < corr_word
                  && !(choice_same_sentence (p, i, corr_word)
                       && closing_marker (key, p, corr_word)))))
        before_corr |= 1u << c;
      if (use == L_STRONG || use == L_FINAL) {
        pk->strong |= 1u << c;
        if (pk->span == NULL) {
          guint from = i >= 3 ? i - 3 : 0;
          pk->span = g_strndup (p->norm + choice_word (p, from)->start,
                                choice_word (p, i)->end - choice_word (p, from)->start);
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
