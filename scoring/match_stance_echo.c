/* Stances a yes/no answer gives by echoing the question's predicate
 * ("không gia hạn được đâu" to "… có gia hạn được không?") or by saying
 * the asked thing has ended ("Hết hiệu lực rồi" to "… còn áp dụng
 * không?"). Split from match_stance.c, which reads the answer's opening
 * and was past 800 lines; match_polarity tries these last. */
#include "scoring/match_stance_private.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/normalize.h"

#include <string.h>

/* The words a yes/no question asks about: the two before its closing
 * "(được) không?" / "chưa?" ("… có gia hạn được không?" asks "gia hạn"),
 * or before the "không" of an either-or ("… không hay phải làm mới?").
 * *n gets their count (0: none). Writes into words[2]. */
void
stance_asked_predicate (View *v, char *words[2], guint *n)
{
  *n = 0;
  if (v->key->question == NULL)
    return;
  g_autofree char *norm = normalize_text (v->key->question, v->a->lenient);
  g_autoptr (GArray) ws = cues_words (norm);
  gboolean lenient = v->a->lenient;
  guint end = ws->len;
#define QW(i) (norm + g_array_index (ws, CueWord, (i)).start)
#define QN(i) (g_array_index (ws, CueWord, (i)).end - g_array_index (ws, CueWord, (i)).start)
#define QIS(i, w) (QN (i) == strlen (w) && memcmp (QW (i), (w), QN (i)) == 0)
  /* "… có gia hạn được không hay phải làm mới?", "… có phải làm không,
   * và làm ở đâu?": the yes/no part of an either-or or a two-part
   * question ends at its "không" */
  for (guint k = 1; k + 1 < ws->len && end == ws->len; k++)
    if ((QIS (k, lenient ? "khong" : "không") || QIS (k, lenient ? "chua" : "chưa"))
        && (QIS (k + 1, "hay") || QIS (k + 1, lenient ? "hoac" : "hoặc")
            || QIS (k + 1, lenient ? "va" : "và")
            /* "… có giống nhau ở mọi tỉnh không, ai quyết định?" */
            || (g_array_index (ws, CueWord, k + 1).gap & CUE_GAP_COMMA)))
      end = k + 1;
  if (end == 0 || !(QIS (end - 1, lenient ? "khong" : "không")
                    || QIS (end - 1, lenient ? "chua" : "chưa")))
    return;
  end--;
  while (end > 0 && (QIS (end - 1, lenient ? "duoc" : "được")
                     || QIS (end - 1, lenient ? "roi" : "rồi")))
    end--;
  /* "…, có được không?": a tag on the whole sentence names no verb */
  if (end > 0 && QIS (end - 1, lenient ? "co" : "có"))
    return;
  /* "… có gia hạn tiếp được không?" asks "gia hạn": an answer says
   * "được gia hạn" as often as "được gia hạn tiếp" */
  while (end > 2 && (QIS (end - 1, lenient ? "tiep" : "tiếp")
                     || QIS (end - 1, lenient ? "them" : "thêm")
                     || QIS (end - 1, lenient ? "nua" : "nữa")))
    end--;
  if (end < 2)
    return;
  /* a comparison asks its adjective, not what it compares with ("… có
   * rẻ hơn nộp trực tiếp không?" asks "rẻ hơn") */
  for (guint k = end - 1; k >= 2 && k + 6 >= end; k--)
    if (QIS (k, lenient ? "hon" : "hơn")) {
      end = k + 1;
      break;
    }
  for (guint k = end - 2; k < end; k++) {
    if (QIS (k, lenient ? "co" : "có") || QIS (k, lenient ? "phai" : "phải"))
      continue;
    words[(*n)++] = g_strndup (QW (k), QN (k));
  }
#undef QW
#undef QN
#undef QIS
}

static gboolean
question_word (View *v, const AnswerPart *p, guint w)
{
  const CueWord *cw = &g_array_index (p->words, CueWord, w);
  g_autofree char *t = g_strndup (p->norm + cw->start, cw->end - cw->start);
  return match_question_has_word (v, t);
}

static gboolean
conditional (const AnswerPart *p, guint w, gboolean lenient)
{
  return answer_word_is (p, w, lenient ? "neu" : "nếu")
         || answer_word_is (p, w, "if");
}

/* An answer that echoes the question's predicate, negated or not ("không
 * gia hạn được đâu" to "… có gia hạn được không?"): 1, 0, or -1 when it
 * never says it. The first saying decides. */
int
stance_echo (View *v, char **span)
{
  char *pw[2] = {NULL, NULL};
  guint n = 0;
  stance_asked_predicate (v, pw, &n);
  int s = -1;
  gboolean lenient = v->a->lenient;
  gboolean comparative = n > 0 && (strcmp (pw[n - 1], "hơn") == 0
                                   || strcmp (pw[n - 1], "hon") == 0);
  guint first_stated = v->from;
  while (first_stated < v->a->parts->len
         && (answer_part (v->a, first_stated)->kind == PART_HEADING
             || answer_part (v->a, first_stated)->quoted
             || answer_text_asks (answer_part (v->a, first_stated)->norm)))
    first_stated++;
  for (guint i = v->from; n > 0 && s < 0 && i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->kind == PART_GLOSS || answer_text_asks (p->norm))
      continue;
    for (guint k = 0; s < 0 && k + n <= p->words->len; k++) {
      gboolean here = TRUE;
      for (guint j = 0; here && j < n; j++)
        here = answer_word_is (p, k + j, pw[j]);
      /* "… rằng có còn nộp ở công an huyện được không, bà … cho biết":
       * the question told again, asked, not answered */
      if (here && answer_word_is (p, k + n, lenient ? "duoc" : "được")
          && answer_word_is (p, k + n + 1, lenient ? "khong" : "không")
          && (k + n + 2 >= p->words->len
              || (g_array_index (p->words, CueWord, k + n + 2).gap
                  & (CUE_GAP_COMMA | CUE_GAP_STOP))))
        here = FALSE;
      if (!here)
        continue;
      /* the negation stands before the verb the question asks with
       * ("không phải đăng ký tạm trú", "không cần đăng ký tạm trú" to
       * "… có phải đăng ký tạm trú không?"): read back over the
       * question's own words first; a condition's ("nếu không …") is
       * none */
      guint at = k;
      while (at > 0 && k - at < 4 && question_word (v, p, at - 1))
        at--;
      gboolean neg = FALSE;
      for (guint b = at >= 3 ? at - 3 : 0; b < k && !neg; b++)
        neg = match_negator (p, b, lenient) && !(b > 0 && conditional (p, b - 1, lenient));
      /* enabled ("gia hạn được", "có thể gia hạn"), or a comparison
       * simply said in the answer's first sentence ("… không hề đắt hơn
       * mà còn rẻ hơn"); a verb merely named ("việc gia hạn do …") is no
       * stance */
      gboolean can
          = answer_word_is (p, k + n, lenient ? "duoc" : "được")
            || (k >= 2 && answer_word_is (p, k - 2, lenient ? "co" : "có")
                && answer_word_is (p, k - 1, lenient ? "the" : "thể"))
            /* "bạn được gia hạn tiếp" to "… có gia hạn tiếp được không?"
             * (the predicate may start inside the verb: "hạn tiếp") */
            || (k >= 1 && answer_word_is (p, k - 1, lenient ? "duoc" : "được"))
            || (k >= 2 && answer_word_is (p, k - 2, lenient ? "duoc" : "được"))
            || (i == first_stated && comparative);
      /* "được miễn lệ phí" to "… có phải nộp lệ phí không?": exempt
       * from what the question asks whether to pay */
      if (!neg && k >= 1 && answer_word_is (p, k - 1, lenient ? "mien" : "miễn")
          && (match_question_has_word (v, lenient ? "nop" : "nộp")
              || match_question_has_word (v, lenient ? "dong" : "đóng")
              || match_question_has_word (v, lenient ? "tra" : "trả")))
        neg = TRUE;
      /* "Hai bên nam, nữ phải cùng có mặt" to "… có bắt buộc cả hai người
       * cùng có mặt không?": the duty asked about, said */
      gboolean duty = !neg && at > 0 && at < k
                      && match_question_has_word (v, lenient ? "buoc" : "buộc")
                      && (answer_word_is (p, at - 1, lenient ? "phai" : "phải")
                          || answer_word_is (p, at - 1, "must"))
                      /* not the question's own "có phải …" said back */
                      && !(at >= 2 && answer_word_is (p, at - 2, lenient ? "co" : "có"));
      if (neg || can || duty) {
        s = neg ? 0 : 1;
        if (span) {
          guint from = k >= 3 ? k - 3 : 0;
          const CueWord *a = &g_array_index (p->words, CueWord, from);
          const CueWord *b = &g_array_index (p->words, CueWord, k + n - 1);
          *span = g_strndup (p->norm + a->start, b->end - a->start);
        }
      }
    }
  }
  for (guint j = 0; j < n; j++)
    g_free (pw[j]);
  return s;
}

/* "Hết hiệu lực rồi" to "… còn áp dụng không?": no. The opening of the
 * answer says the thing has ended while the question asks whether it
 * still holds; -1 otherwise. */
int
stance_ended (View *v, char **span)
{
  if (v->key->question == NULL)
    return -1;
  gboolean lenient = v->a->lenient;
  g_autofree char *q = normalize_text (v->key->question, lenient);
  g_autoptr (GArray) qw = cues_words (q);
  gboolean still = FALSE, force = FALSE;
  for (guint k = 0; k < qw->len; k++) {
    const CueWord *w = &g_array_index (qw, CueWord, k);
    const char *con = lenient ? "con" : "còn";
    const char *luc = lenient ? "luc" : "lực";
    const char *dung = lenient ? "dung" : "dụng";
    gsize n = w->end - w->start;
    still |= n == strlen (con) && memcmp (q + w->start, con, n) == 0;
    force |= (n == strlen (luc) && memcmp (q + w->start, luc, n) == 0)
             || (n == strlen (dung) && memcmp (q + w->start, dung, n) == 0);
  }
  still = still && force; /* "… còn hiệu lực / còn áp dụng không?" */
  for (guint i = v->from; still && i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->kind == PART_GLOSS || p->kind == PART_HEADING
        || answer_text_asks (p->norm))
      continue;
    /* the opening, after at most the thing's own name ("Luật Báo chí
     * 2016 hết hiệu lực rồi") */
    guint w0 = stance_after_fillers (p);
    for (guint w = w0; w < p->words->len && w <= w0 + 8; w++) {
      if (w > w0 && (g_array_index (p->words, CueWord, w).gap
                     & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)))
        return -1;
      guint e = stance_cue_end_at (p, CUE_ENDED, w);
      gboolean of_force = FALSE; /* "hết hiệu lực", not "thẻ đã hết hạn" */
      for (guint k = w; k < e; k++)
        of_force |= answer_word_is (p, k, lenient ? "luc" : "lực")
                    || answer_word_is (p, k, lenient ? "dung" : "dụng")
                    || answer_word_is (p, k, "force")
                    || answer_word_is (p, k, "applies");
      if (e > 0 && of_force && claims_polarity (v->a, p, w, e) == POL_STATED) {
        stance_span_words (p, w, e, span);
        return 0;
      }
    }
    return -1;
  }
  return -1;
}
