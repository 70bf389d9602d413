/* A file's state told (scoring/match.h): "Hồ sơ của bạn đã được duyệt",
 * "sẽ hoàn tất vào ngày 25/11" — the state of a file the assistant cannot
 * see, told as fact where the right answer declines. Not the state asked
 * about or left open, explained, bracketed, offered among alternatives,
 * of records in general, or said to be possible. Split from
 * match_refusal.c, which asks it. */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"

#include <string.h>

/* "đã được duyệt hay chưa", "… duyệt chưa?", "approved or not": the
 * state asked about or left open, not told. */
static gboolean
left_open_at (const AnswerPart *p, guint w, gboolean lenient);

/* The same a few words on, the status's object between ("đã được đăng ký
 * thường trú hay chưa"), before any pause. */
static gboolean
left_open (const AnswerPart *p, guint w, gboolean lenient)
{
  for (guint k = w; k < p->words->len && k <= w + 4; k++) {
    if (k > w && (g_array_index (p->words, CueWord, k).gap
                  & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)))
      return FALSE;
    if (left_open_at (p, k, lenient))
      return k == w || !answer_word_is (p, k, lenient ? "chua" : "chưa")
             || answer_word_is (p, k - 1, "hay");
  }
  return FALSE;
}

static gboolean
left_open_at (const AnswerPart *p, guint w, gboolean lenient)
{
  if (answer_word_is (p, w, lenient ? "chua" : "chưa")
      || answer_word_is (p, w, "nào") || answer_word_is (p, w, "nao")
      || answer_word_is (p, w, "gì") || answer_word_is (p, w, "gi"))
    return TRUE; /* "… đang ở bước nào" */
  gboolean either = answer_word_is (p, w, "hay")
                    || answer_word_is (p, w, lenient ? "hoac" : "hoặc")
                    || answer_word_is (p, w, "or");
  return either && (answer_word_is (p, w + 1, lenient ? "chua" : "chưa")
                    || answer_word_is (p, w + 1, lenient ? "khong" : "không")
                    || answer_word_is (p, w + 1, "not"));
}

/* Inside parentheses: "xem trạng thái (đang xử lý, đã có kết quả, cần bổ
 * sung…)" lists states, it tells none. */
static gboolean
in_parentheses (const AnswerPart *p, guint w)
{
  gint depth = 0;
  gsize at = g_array_index (p->words, CueWord, w).start, open = 0;
  for (gsize k = 0; k < at; k++) {
    if (p->norm[k] == '(' && depth++ == 0)
      open = k;
    else if (p->norm[k] == ')')
      depth--;
  }
  if (depth <= 0)
    return FALSE;
  /* a list (a comma inside), not "(đã được duyệt ngày 20/11)" */
  for (gsize k = open; p->norm[k] != '\0' && p->norm[k] != ')'; k++)
    if (p->norm[k] == ',')
      return TRUE;
  return FALSE;
}

/* "I can't tell whether … has been approved": the state wondered about,
 * not told. */
static gboolean
asked_whether (const AnswerPart *p, guint w0)
{
  /* a file's code between ("whether file 000.00.12.H38-250702-0042 has
   * been signed") is many words */
  for (guint k = w0 >= 12 ? w0 - 12 : 0; k < w0; k++)
    if (answer_word_is (p, k, "whether"))
      return TRUE; /* not "liệu": "tài liệu", "lo liệu" */
  return FALSE;
}

/* "no regulation has been issued yet", "it hasn't been approved yet":
 * English "yet" after a state tells it has not come. */
static gboolean
not_yet (const AnswerPart *p, guint w1)
{
  return answer_word_is (p, w1, "yet");
}

/* "nếu trạng thái là Đã in xong thì …", "if it shows approved": what a
 * status would mean, explained, not told. */
static gboolean
explains_label (const AnswerPart *p, guint w0, gboolean lenient)
{
  for (guint k = w0 >= 6 ? w0 - 6 : 0; k < w0; k++)
    if (answer_word_is (p, k, lenient ? "neu" : "nếu")
        || answer_word_is (p, k, "if") || answer_word_is (p, k, "when")
        || answer_word_is (p, k, lenient ? "khi" : "khi"))
      return TRUE;
  return FALSE;
}

/* "đang xử lý / chờ ký / đã có kết quả": one of several states set
 * side by side with slashes, a list of what may show, not a state told */
static gboolean
among_alternatives (const AnswerPart *p, guint w0, guint w1)
{
  guint slashes = 0; /* three states or more: "Đã duyệt / Chờ trả" is told */
  for (guint k = 0; k < p->words->len; k++)
    slashes += (g_array_index (p->words, CueWord, k).gap & CUE_GAP_SLASH) != 0;
  return slashes >= 2
         && ((w0 < p->words->len
              && (g_array_index (p->words, CueWord, w0).gap & CUE_GAP_SLASH))
             || (w1 < p->words->len
                 && (g_array_index (p->words, CueWord, w1).gap
                     & CUE_GAP_SLASH)));
}

/* "hệ thống ghi nhận thời điểm ký, thiết bị ký": what a system records
 * in general — not "hệ thống ghi nhận hồ sơ của bạn đã …". Only a
 * recording cue (ending on "ghi nhận") asks for the file or the asker
 * within its next words. */
static gboolean
records_in_general (const AnswerPart *p, guint w1, gboolean lenient)
{
  if (w1 == 0 || !answer_word_is (p, w1 - 1, lenient ? "nhan" : "nhận"))
    return FALSE;
  for (guint k = w1; k < p->words->len && k < w1 + 5; k++)
    if (answer_word_is (p, k, lenient ? "ho" : "hồ")
        || answer_word_is (p, k, lenient ? "ban" : "bạn")
        || answer_word_is (p, k, "anh") || answer_word_is (p, k, lenient ? "chi" : "chị")
        || answer_word_is (p, k, lenient ? "da" : "đã")
        || answer_word_is (p, k, lenient ? "dang" : "đang")
        || answer_word_is (p, k, "your"))
      return FALSE;
  return TRUE;
}

/* "hồ sơ gửi sáng qua có thể đã xong, hoặc có thể hẹn muộn hơn": a state
 * said to be possible ("có thể", "may", "might" right before it) is not
 * told. */
static gboolean
only_possible (const AnswerPart *p, guint w0, gboolean lenient)
{
  for (guint k = w0 > 3 ? w0 - 3 : 0; k < w0; k++)
    if ((answer_word_is (p, k, lenient ? "co" : "có")
         && answer_word_is (p, k + 1, lenient ? "the" : "thể"))
        || answer_word_is (p, k, "may") || answer_word_is (p, k, "might"))
      return TRUE;
  return FALSE;
}

gboolean
match_tells_status (View *v, guint *part, guint *w0, guint *w1)
{
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (guint h = 0; !p->quoted && h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      /* a table's header cell that is a column's title ("| Cần làm | Đang
       * làm | Đã xong |" on a Kanban board) tells no file's state; "| Hồ
       * sơ 000.00.12… – Đã ký xong |" does */
      if (p->kind == PART_HEAD && p->words->len <= (guint) (ch->w1 - ch->w0) + 1)
        continue;
      if (ch->cls == CUE_STATUS && !left_open (p, ch->w1, v->a->lenient)
          && !records_in_general (p, ch->w1, v->a->lenient)
          && !explains_label (p, ch->w0, v->a->lenient)
          && !asked_whether (p, ch->w0) && !not_yet (p, ch->w1)
          && !only_possible (p, ch->w0, v->a->lenient)
          && !in_parentheses (p, ch->w0)
          && !among_alternatives (p, ch->w0, ch->w1)
          /* 'Mọi câu trả lời kiểu "đã được đăng ký ngày…"', 'không được
           * nói "đã duyệt"': a status in quotation marks is an example */
          && claims_quote_close (p, ch->w0) == NULL
          && claims_polarity (v->a, p, ch->w0, ch->w1) == POL_STATED) {
        *part = i, *w0 = ch->w0, *w1 = ch->w1;
        return TRUE;
      }
    }
  }
  return FALSE;
}
