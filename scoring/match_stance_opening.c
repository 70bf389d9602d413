/* Lines that open an answer without answering (scoring/match_stance.c
 * reads the opening stance past them): mail and letter headers, the
 * question said back in quotes, questions asked back, announcements of
 * the answer to come, apologies for an earlier message, lines of fields, a chat turn's time and speaker,
 * glossaries, captions. Split from match_stance.c, past 800 lines. */
#include "scoring/match_stance_private.h"

#include "scoring/cues.h"

#include <string.h>

/* An e-mail's or a letter's header or salutation ("Tiêu đề: …", "Từ:
 * …", "Kính gửi ông,", "Thân gửi các bạn …"), however long: no part of
 * the reply's opening. */
gboolean
stance_mail_header (const AnswerPart *p)
{
  static const char *const heads[] = {"tiêu đề:", "từ:", "đến:", "subject:",
                                      "from:", "to:", "kính gửi", "dear ",
                                      "tieu de:", "tu:", "den:", "kinh gui",
                                      "kính thưa", "kinh thua", "thân gửi",
                                      "than gui"};
  for (gsize i = 0; i < G_N_ELEMENTS (heads); i++)
    if (g_str_has_prefix (p->norm, heads[i]))
      return TRUE;
  return FALSE;
}

/* "… nhận được câu hỏi của ông: "… nộp cho cơ quan nào?"." restates the
 * question in quotes. */
gboolean
stance_quotes_question (const AnswerPart *p)
{
  return strstr (p->norm, "?\"") != NULL || strstr (p->norm, "?”") != NULL;
}

/* Part i asks the citizen something back: a question in running text
 * that is not the key's question said again ("Hộ chiếu hết hạn có gia
 * hạn được không? Không, …" restates it and answers). */
gboolean
stance_asks_back (View *v, guint i)
{
  const AnswerPart *p = answer_part (v->a, i);
  return p->kind == PART_TEXT && answer_text_asks (p->norm)
         && !match_echoes_question (v, i);
}

/* "Tôi xin trả lời câu hỏi về lệ phí đăng ký khai tử.", "Vậy câu trả lời
 * là:": a sentence that only announces the answer to come. */
gboolean
stance_announces_answer (const AnswerPart *p, gboolean lenient)
{
  guint n = p->words->len;
  if (n > 16)
    return FALSE;
  /* "Great, vậy câu trả lời là:": it ends on the answer to come */
  if (n >= 3 && answer_word_is (p, n - 1, lenient ? "la" : "là")
      && answer_word_is (p, n - 3, lenient ? "tra" : "trả")
      && answer_word_is (p, n - 2, lenient ? "loi" : "lời"))
    return TRUE;
  for (guint k = 0; k + 3 < p->words->len; k++)
    if (answer_word_is (p, k, lenient ? "tra" : "trả")
        && answer_word_is (p, k + 1, lenient ? "loi" : "lời")
        && answer_word_is (p, k + 2, lenient ? "cau" : "câu")
        && answer_word_is (p, k + 3, lenient ? "hoi" : "hỏi"))
      return TRUE;
  return FALSE;
}

/* "Xin lỗi anh, tin trên tôi trả lời sai nên đã thu hồi.", "Sorry, my
 * previous message was wrong.": an apology for an earlier message, from
 * word lead on, answers nothing itself. */
gboolean
stance_apology (const AnswerPart *p, guint lead, gboolean lenient)
{
  guint k = lead;
  /* past a speaker's label the lead did not take ("Trợ lý pháp luật
   * (16:06): Xin lỗi …") */
  for (guint w = lead + 1; k == lead && w < p->words->len && w <= lead + 8; w++)
    if (g_array_index (p->words, CueWord, w).gap & CUE_GAP_COLON)
      k = w;
  if (answer_word_is (p, k, "em") || answer_word_is (p, k, lenient ? "minh" : "mình")
      || answer_word_is (p, k, lenient ? "toi" : "tôi"))
    k++;
  gboolean sorry = (answer_word_is (p, k, "xin")
                    && answer_word_is (p, k + 1, lenient ? "loi" : "lỗi"))
                   || answer_word_is (p, k, "sorry");
  if (!sorry)
    return FALSE;
  /* what follows a colon is the answer itself ("Em xin lỗi, tin trước em
   * nhầm: hiện chưa … được") */
  for (guint w = k + 2; w < p->words->len; w++)
    if (g_array_index (p->words, CueWord, w).gap & CUE_GAP_COLON)
      return FALSE;
  /* about a message: "nhầm", "thu hồi", "tin trên", "câu trả lời trước",
   * "previous", "earlier", "mistake" — not "Xin lỗi vì để anh chờ lâu,
   * trước hết …" */
  static const char *const earlier[][2] = {
    {"nhầm", "nham"}, {"hồi", "hoi"}, {"previous", "previous"},
    {"earlier", "earlier"}, {"mistake", "mistake"}};
  for (guint w = k + 2; w < p->words->len; w++) {
    for (gsize i = 0; i < G_N_ELEMENTS (earlier); i++)
      if (answer_word_is (p, w, earlier[i][lenient ? 1 : 0]))
        return TRUE;
    if ((answer_word_is (p, w, "tin") || answer_word_is (p, w, lenient ? "loi" : "lời"))
        && (answer_word_is (p, w + 1, lenient ? "tren" : "trên")
            || answer_word_is (p, w + 1, lenient ? "truoc" : "trước")))
      return TRUE;
  }
  return FALSE;
}

/* A short line of two or more "label: value" fields. */
gboolean
stance_fields_line (const AnswerPart *p)
{
  guint colons = 0;
  for (guint k = 1; k < p->words->len; k++)
    colons += (g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON) != 0;
  return colons >= 2 && p->words->len <= 25;
}

/* The words a chat turn opens with before what is said: a time ("[10:30]",
 * "10:30") and a speaker's label up to its colon ("Cán bộ tư pháp:", "OA
 * (tự động):"); *automatic when the label says the turn is automatic, an
 * interpreter's or the asker's, no one's own answer. */
guint
stance_turn_lead (const AnswerPart *p, gboolean lenient, gboolean *automatic)
{
  *automatic = FALSE;
  guint w = 0;
  const CueWord *w0 = p->words->len > 2 ? &g_array_index (p->words, CueWord, 0) : NULL;
  if (w0 != NULL && g_ascii_isdigit (p->norm[w0->start])
      && p->norm[w0->end] == ':' /* a clock time: no colon gap is marked */
      && g_ascii_isdigit (p->norm[w0->end + 1]))
    w = 2;
  for (guint k = w + 1; k < p->words->len && k <= w + 5; k++)
    if (g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON) {
      for (guint j = w; j + 1 < k; j++)
        *automatic |= (answer_word_is (p, j, lenient ? "tu" : "tự")
                       && answer_word_is (p, j + 1, lenient ? "dong" : "động"));
      for (guint j = w; j < k; j++)
        *automatic |= answer_word_is (p, j, "auto")
                      || answer_word_is (p, j, "automatic")
                      /* an interpreter relays another's words ("Phiên
                       * dịch (VI): Ông ấy hỏi có … được không") */
                      || answer_word_is (p, j, "interpreter")
                      || (answer_word_is (p, j, lenient ? "dich" : "dịch")
                          && j > w
                          && (answer_word_is (p, j - 1, lenient ? "phien" : "phiên")
                              || answer_word_is (p, j - 1, lenient ? "thong" : "thông")));
      /* the asker's own turn ("Bạn: Cho tôi, level 2 rồi.", "Người dân:
       * …", "User: …"): the label is the asker alone */
      *automatic |= (k == w + 1 && (answer_word_is (p, w, lenient ? "ban" : "bạn")
                                    || answer_word_is (p, w, "user")))
                     || (k == w + 2
                         && ((answer_word_is (p, w, lenient ? "nguoi" : "người")
                              && (answer_word_is (p, w + 1, lenient ? "dan" : "dân")
                                  || answer_word_is (p, w + 1, lenient ? "hoi" : "hỏi")))
                             || (answer_word_is (p, w, lenient ? "cong" : "công")
                                 && answer_word_is (p, w + 1, lenient ? "dan" : "dân"))));
      return w > 0 ? k : (*automatic ? k : 0);
    }
  return w;
}

/* A part under a heading that defines terms ("**Giải thích từ ngữ**",
 * "Thuật ngữ", "Glossary"): "thẻ hư hỏng không sử dụng được" there
 * explains a word, it answers nothing. */
gboolean
stance_in_glossary (View *v, const AnswerPart *p)
{
  if (p->heading < 0)
    return FALSE;
  const AnswerPart *h = answer_part (v->a, (guint) p->heading);
  static const char *const heads[][2] = {
    {"giải thích từ ngữ", "giai thich tu ngu"}, {"thuật ngữ", "thuat ngu"},
    {"định nghĩa", "dinh nghia"}, {"khái niệm", "khai niem"},
    {"glossary", "glossary"}, {"definitions", "definitions"}};
  for (gsize i = 0; i < G_N_ELEMENTS (heads); i++) {
    const char *w = heads[i][v->a->lenient];
    const char *at = strstr (h->norm, w);
    if (at != NULL && at - h->norm <= 12)
      return TRUE;
  }
  return FALSE;
}

/* "*(Infographic – Sắp xếp bộ máy năm 2025)*": a caption wholly in
 * brackets under the title, no part of the reply's opening. */
gboolean
stance_caption_line (const AnswerPart *p)
{
  gsize n = strlen (p->norm);
  while (n > 0 && strchr (" *_", p->norm[n - 1]))
    n--;
  const char *t = p->norm + strspn (p->norm, " *_");
  return *t == '(' && n > 0 && p->norm[n - 1] == ')';
}

