/* Stances marked or labelled as the answer (match_stance.c reads the
 * opening first): "câu trả lời là **có**", "Kết luận: …", a heading that
 * opens on the conclusion, "Gia hạn: không." to a question on gia hạn, a
 * bot's JSON field the question words. Split from match_stance.c, which
 * was past 800 lines; match_stance_private.h is their shared vocabulary. */
#include "scoring/match_stance_private.h"

#include "scoring/cues.h"
#include "scoring/normalize.h"

#include <string.h>

/* A yes or a no opening at word w of p and closed there ("là **có** –",
 * ": Không."): 1 or 0, *e its end; -1 otherwise. */
static int
closed_yes_no (const AnswerPart *p, guint w, guint *e)
{
  if ((*e = stance_cue_end_at (p, CUE_YES_START, w)) > 0 && stance_closed_at (p, *e))
    return 1;
  if ((*e = stance_cue_end_at (p, CUE_NO_START, w)) > 0 && stance_closed_at (p, *e))
    return 0;
  return -1;
}

/* Whether words [w0, w1) say "answer" ("câu trả lời là", "đáp án", "the
 * answer is"), not "chọn". */
static gboolean
names_the_answer (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  for (guint k = w0; k < w1; k++)
    if (answer_word_is (p, k, lenient ? "loi" : "lời")
        || answer_word_is (p, k, "án") || answer_word_is (p, k, "an")
        || answer_word_is (p, k, "answer"))
      return TRUE;
  return FALSE;
}

/* A stance marked as the answer wherever it stands ("Nếu đã có, thì câu
 * trả lời là **có**", "the answer is no"), or -1. */
int
stance_marked (View *v, char **span)
{
  for (guint i = v->from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->kind == PART_GLOSS || answer_text_asks (p->norm))
      continue;
    for (guint h = 0; h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      if (ch->cls != CUE_PICK_STRONG || ch->w1 >= p->words->len
          || !names_the_answer (p, ch->w0, ch->w1, v->a->lenient))
        continue; /* "… bạn chọn Không" fills a form, it answers nothing */
      guint w = ch->w1, e;
      int s = closed_yes_no (p, w, &e);
      if (s >= 0) {
        stance_span_words (p, ch->w0, e, span);
        return s;
      }
    }
  }
  return -1;
}

/* "Kết quả dò cây cho bạn: di chúc → nhánh A → **Có**, …": past the
 * steps of a chain after a label, the word after its last arrow in the
 * sentence; w itself when there is none. */
static guint
past_arrows (const AnswerPart *p, guint w)
{
  guint last = w;
  for (guint k = w + 1; k < p->words->len; k++) {
    const CueWord *a = &g_array_index (p->words, CueWord, k - 1);
    const CueWord *b = &g_array_index (p->words, CueWord, k);
    if (b->gap & CUE_GAP_STOP)
      break;
    if (g_strstr_len (p->norm + a->end, b->start - a->end, "→"))
      last = k;
  }
  return last;
}

/* Whether the label before word w of p sums the answer up ("Short
 * answer:", "Tóm lại:", "Kết luận:", "Summary:"), not a FAQ's "Trả lời:"
 * of another question. */
static gboolean
sums_up (const AnswerPart *p, guint w, gboolean lenient)
{
  for (guint k = answer_sentence_start (p, w - 1); k < w; k++)
    if (answer_word_is (p, k, lenient ? "tom" : "tóm")
        || (answer_word_is (p, k, lenient ? "ket" : "kết")
            && answer_word_is (p, k + 1, lenient ? "luan" : "luận"))
        || answer_word_is (p, k, "short") || answer_word_is (p, k, "summary")
        || answer_word_is (p, k, "tldr") || answer_word_is (p, k, "bottom"))
      return TRUE;
  return FALSE;
}

/* A stance right after a label that names the answer, mid-line ("… trả
 * lời câu hỏi của bạn: **Đúng vậy**, …"), or -1; with closed_only, a
 * closed yes or no only ("Short answer: No."), not a modal's reading. */
static int
labelled (View *v, gboolean closed_only, char **span)
{
  gboolean lenient = v->a->lenient;
  for (guint i = v->from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->kind == PART_GLOSS || answer_text_asks (p->norm))
      continue;
    for (guint w = 1; w < p->words->len; w++) {
      if (!(g_array_index (p->words, CueWord, w).gap & CUE_GAP_COLON)
          || !match_answer_label_before (p, w, lenient))
        continue;
      if (closed_only && !sums_up (p, w, lenient))
        continue;
      guint e, from = past_arrows (p, w);
      int s = closed_yes_no (p, from, &e);
      if (s < 0 && !closed_only) /* "Kết luận: việc … không phải nộp lệ phí" */
        s = stance_modal (v->a, p, w, &from, &e);
      if (s >= 0) {
        stance_span_words (p, from, e, span);
        return s;
      }
    }
  }
  return -1;
}

int
stance_labelled (View *v, char **span)
{
  return labelled (v, FALSE, span);
}

int
stance_labelled_closed (View *v, char **span)
{
  return labelled (v, TRUE, span);
}

/* A heading that opens, past its number, on the conclusion or the answer
 * ("III. Kết luận cho câu hỏi của bạn", "Trả lời"); not "Một số câu hỏi
 * và trả lời thêm", a FAQ's. */
static gboolean
opens_on_label (const AnswerPart *h, gboolean lenient)
{
  static const char *const roman[] = {"i", "ii", "iii", "iv", "v", "vi",
                                      "vii", "viii"};
  guint w = 0;
  if (h->words->len > 1 && g_ascii_isdigit (h->norm[0]))
    w = 1;
  for (gsize i = 0; w == 0 && i < G_N_ELEMENTS (roman); i++)
    if (answer_word_is (h, 0, roman[i]) && h->words->len > 1
        && (g_array_index (h->words, CueWord, 1).gap & CUE_GAP_STOP))
      w = 1;
  /* "Slide 3: Trả lời nhanh", "Phần 2. Kết luận": a numbered unit's name */
  if (w == 0 && h->words->len > 2
      && g_ascii_isdigit (h->norm[g_array_index (h->words, CueWord, 1).start])
      && (g_array_index (h->words, CueWord, 2).gap & (CUE_GAP_COLON | CUE_GAP_STOP)))
    w = 2;
  /* "Câu trả lời", "Phần trả lời", "Nội dung trả lời": the label past
   * the word that names it a unit */
  guint unit = w;
  if (answer_word_is (h, w, lenient ? "cau" : "câu")
      || answer_word_is (h, w, lenient ? "phan" : "phần"))
    w++;
  else if (answer_word_is (h, w, lenient ? "noi" : "nội")
           && answer_word_is (h, w + 1, "dung"))
    w += 2;
  /* … not someone else's ("Nội dung trả lời của Sở Tư pháp (2023)") */
  if (w > unit && answer_word_is (h, w + 2, lenient ? "cua" : "của"))
    return FALSE;
  return match_answer_label_before (h, MIN (w + 1, h->words->len), lenient)
         && !match_answer_label_before (h, w, lenient);
}

/* Part i is a heading that names the conclusion or the answer ("**III.
 * Kết luận cho câu hỏi của bạn**", then "**Không.** …"). */
/* A line that introduces the reply ("**Nội dung trả lời**:", "Công an
 * phường trả lời như sau:", "Our answer:"): it ends on "trả lời", "trả lời
 * như sau" or "answer" before its colon. */
static gboolean
introduces_reply (const AnswerPart *h, gboolean lenient)
{
  guint n = h->words->len;
  if (h->kind != PART_INTRO || n < 1)
    return FALSE;
  if (n >= 2 && answer_word_is (h, n - 2, lenient ? "nhu" : "như")
      && answer_word_is (h, n - 1, "sau"))
    n -= 2;
  return (n >= 2 && answer_word_is (h, n - 2, lenient ? "tra" : "trả")
          && answer_word_is (h, n - 1, lenient ? "loi" : "lời"))
         || (n >= 1 && (answer_word_is (h, n - 1, "answer")
                        || answer_word_is (h, n - 1, "reply")));
}

gboolean
stance_concludes (View *v, guint i)
{
  const AnswerPart *h = answer_part (v->a, i);
  /* … or a sentence that is nothing but the label ("**1. Trả lời.**
   * **Không.** …") */
  gboolean alone = h->kind == PART_TEXT && !h->quoted && h->words->len <= 3;
  return ((h->kind == PART_HEADING || alone) && !answer_text_asks (h->norm)
          && opens_on_label (h, v->a->lenient))
         || introduces_reply (h, v->a->lenient);
}

/* Whether every word of p in [0, w) is, diacritics folded, a word of
 * the question ("nhan ngay" of a JSON field to "… có được nhận giấy …
 * ngay không?"). */
static gboolean
label_in_question (View *v, const AnswerPart *p, guint w)
{
  if (v->key->question == NULL || w == 0 || w > 4)
    return FALSE;
  g_autofree char *norm = normalize_text (v->key->question, FALSE);
  g_autofree char *folded = normalize_fold_diacritics (norm);
  g_autofree char *padded = g_strdup_printf (" %s ", folded);
  for (char *c = padded; *c; c++)
    if (!g_ascii_isalnum (*c) && !((guchar) *c & 0x80))
      *c = ' ';
  for (guint k = 0; k < w; k++) {
    const CueWord *cw = &g_array_index (p->words, CueWord, k);
    g_autofree char *word = g_strndup (p->norm + cw->start, cw->end - cw->start);
    g_autofree char *fw = normalize_fold_diacritics (word);
    g_autofree char *needle = g_strdup_printf (" %s ", fw);
    if (strstr (padded, needle) == NULL)
      return FALSE;
  }
  return TRUE;
}

/* Whether the label [0, w) of p holds a word of the question's predicate,
 * diacritics folded ("nhan ngay" to "… nhận giấy … ngay không"; not
 * "phai nop" to "… phải nộp lệ phí không?", whose predicate is "lệ phí"). */
static gboolean
label_names_predicate (View *v, const AnswerPart *p, guint w)
{
  char *pw[2] = {NULL, NULL};
  guint n = 0;
  stance_asked_predicate (v, pw, &n);
  gboolean found = FALSE;
  for (guint j = 0; j < n; j++) {
    g_autofree char *fp = normalize_fold_diacritics (pw[j]);
    for (guint k = 0; k < w && !found; k++) {
      const CueWord *cw = &g_array_index (p->words, CueWord, k);
      g_autofree char *word = g_strndup (p->norm + cw->start, cw->end - cw->start);
      g_autofree char *fw = normalize_fold_diacritics (word);
      found = strcmp (fw, fp) == 0;
    }
    g_free (pw[j]);
  }
  return found;
}

/* A bot's JSON field whose name the question words, its predicate among
 * them, answered yes or no ("\"nhan_ngay\": \"Có – khi hồ sơ đủ …\""),
 * or -1. */
int
stance_field (View *v, char **span)
{
  /* a field that holds the answer itself ("tra_loi": "Được", "answer":
   * "Yes") over one that words the question */
  for (guint i = v->from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->norm[0] != '"' || p->words->len < 3)
      continue;
    guint w = 1;
    while (w < p->words->len && w <= 3
           && !(g_array_index (p->words, CueWord, w).gap & CUE_GAP_COLON))
      w++;
    gboolean answer_key
        = w <= 3 && w < p->words->len
          && ((w == 2 && (answer_word_is (p, 0, "tra") || answer_word_is (p, 0, "trả"))
               && (answer_word_is (p, 1, "loi") || answer_word_is (p, 1, "lời")))
              || (w == 1 && answer_word_is (p, 0, "answer")));
    guint e;
    int s = answer_key ? closed_yes_no (p, w, &e) : -1;
    if (s >= 0) {
      stance_span_words (p, 0, e, span);
      return s;
    }
  }
  for (guint i = v->from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    /* a JSON field ("nhan_ngay": "Có"), or a YAML one whose value is a
     * boolean literal (phai_lam: true) */
    gboolean quoted_key = p->norm[0] == '"';
    if (p->quoted || p->words->len < 2
        || (!quoted_key
            && !answer_word_is (p, p->words->len - 1, "true")
            && !answer_word_is (p, p->words->len - 1, "false")))
      continue;
    for (guint w = 1; w < p->words->len && w <= 4; w++) {
      if (!(g_array_index (p->words, CueWord, w).gap & CUE_GAP_COLON))
        continue;
      if (!label_in_question (v, p, w))
        break;
      /* a boolean literal answers a field the question words
       * ("phai_lam: true" to "… có phải làm thủ tục … không?") */
      if (w >= 2 && w + 1 == p->words->len
          && (answer_word_is (p, w, "true") || answer_word_is (p, w, "false"))) {
        stance_span_words (p, 0, w + 1, span);
        return answer_word_is (p, w, "true") ? 1 : 0;
      }
      if (!label_names_predicate (v, p, w))
        break;
      if (!quoted_key)
        break;
      guint e;
      int s = closed_yes_no (p, w, &e);
      if (s >= 0) {
        stance_span_words (p, 0, e, span);
        return s;
      }
      break;
    }
  }
  return -1;
}

/* The cue classes of the question's predicate ("gia hạn" → extension),
 * as a mask over the first 64 classes; 0 when it has none. */
static guint64
predicate_classes (View *v)
{
  char *pw[2] = {NULL, NULL};
  guint n = 0;
  stance_asked_predicate (v, pw, &n);
  if (n == 0)
    return 0;
  g_autofree char *joined = n == 2 ? g_strjoin (" ", pw[0], pw[1], NULL)
                                   : g_strdup (pw[0]);
  g_free (pw[0]);
  g_free (pw[1]);
  g_autoptr (GArray) ws = cues_words (joined);
  g_autoptr (GArray) hits = cues_find (joined, ws, v->a->lenient);
  guint64 mask = 0;
  for (guint h = 0; h < hits->len; h++) {
    CueClass c = g_array_index (hits, CueHit, h).cls;
    if (c < 64)
      mask |= G_GUINT64_CONSTANT (1) << c;
  }
  return mask;
}

/* "**Validity: 10 years. Extension: no.**" to "… có gia hạn được
 * không?": a label of at most three words that names the question's
 * predicate, then a closed yes or no. 1, 0 or -1. */
int
stance_predicate_label (View *v, char **span)
{
  guint64 want = predicate_classes (v);
  if (want == 0)
    return -1;
  for (guint i = v->from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || answer_text_asks (p->norm))
      continue;
    for (guint w = 1; w < p->words->len; w++) {
      if (!(g_array_index (p->words, CueWord, w).gap & CUE_GAP_COLON))
        continue;
      gboolean named = FALSE;
      for (guint h = 0; h < p->cues->len && !named; h++) {
        const CueHit *ch = &g_array_index (p->cues, CueHit, h);
        named = ch->w1 == w && (guint) ch->w0 + 3 >= w && ch->cls < 64
                && (want >> ch->cls & 1)
                && (ch->w0 == 0 || (g_array_index (p->words, CueWord, ch->w0).gap
                                    & (CUE_GAP_STOP | CUE_GAP_COMMA)));
      }
      if (!named)
        continue;
      guint e;
      int s = closed_yes_no (p, w, &e);
      if (s >= 0) {
        stance_span_words (p, w, e, span);
        return s;
      }
    }
  }
  return -1;
}

/* "**Nhận hộ chiếu tại nhà qua bưu điện: được, …**": the question's own
 * words, two or more and no other, then a colon and a closed yes or no. */
int
stance_restated_label (View *v, const AnswerPart *p, char **span)
{
  guint k = 2;
  while (k < p->words->len && k <= 10
         && !(g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON))
    k++;
  if (k >= p->words->len || k > 10)
    return -1;
  for (guint j = 0; j < k; j++) {
    const CueWord *cw = &g_array_index (p->words, CueWord, j);
    g_autofree char *word = g_strndup (p->norm + cw->start, cw->end - cw->start);
    if (!match_question_has_word (v, word))
      return -1;
  }
  guint e = stance_cue_end_at (p, CUE_YES_START, k);
  int s = e > 0 ? 1 : (e = stance_cue_end_at (p, CUE_NO_START, k)) > 0 ? 0 : -1;
  if (s < 0 || !stance_closed_at (p, e))
    return -1;
  stance_span_words (p, k, e, span);
  return s;
}
