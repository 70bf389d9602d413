/* Stances (scoring/match.h). A yes/no question is answered by the stance
 * the answer opens with ("Có, …", "Không, chưa thể …", "Bạn có thể …"),
 * past greetings, a transcript's first turn, an e-mail's header and a
 * restated question; failing that, by a stance marked later or by the
 * question's own predicate said again (marked and labelled stances:
 * match_stance_labels.c; echoed and ended ones: match_stance_echo.c;
 * the lines the opening is read past: match_stance_opening.c).
 * Refusals: match_refusal.c. */
#include "scoring/match_stance_private.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/normalize.h"
#include "scoring/topic.h"

#include <string.h>

static gboolean
cue_at (const AnswerPart *p, CueClass cls, guint w)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == cls && ch->w0 == w)
      return TRUE;
  }
  return FALSE;
}

guint
stance_cue_end_at (const AnswerPart *p, CueClass cls, guint w)
{
  guint end = 0;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == cls && ch->w0 == w)
      end = MAX (end, ch->w1);
  }
  return end;
}

/* A word naming whom the answer speaks to, right after a greeting. */
static gboolean
address_at (const AnswerPart *p, guint w)
{
  static const char *const words[] = {"em", "anh", "chị", "chi", "bạn",
                                      "ban", "you", "all"};
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (answer_word_is (p, w, words[i]))
      return TRUE;
  return FALSE;
}

/* A speaker's short label opening the part ("TĐV: …", "CB: …"): one word
 * of two to five letters with no vowel — an abbreviation — before a
 * colon. */
static guint
short_label (const AnswerPart *p)
{
  if (p->words->len < 2
      || !(g_array_index (p->words, CueWord, 1).gap & CUE_GAP_COLON))
    return 0;
  const CueWord *w = &g_array_index (p->words, CueWord, 0);
  g_autofree char *word = g_strndup (p->norm + w->start, w->end - w->start);
  g_autofree char *plain = normalize_text (word, TRUE);
  gsize n = strlen (plain);
  if (n < 2 || n > 5 || strpbrk (plain, "aeiouy0123456789") != NULL)
    return 0;
  return 1;
}

/* The first word after openers ("Dạ, vâng, chào bạn, …"). */
guint
stance_after_fillers (const AnswerPart *p)
{
  guint w = short_label (p), e;
  while (w < p->words->len && (e = stance_cue_end_at (p, CUE_FILLER, w)) > w) {
    w = e;
    /* "Hello em, **có nha**", "Chào bạn, …": the greeting's addressee */
    if (address_at (p, w))
      w++;
  }
  return w;
}

/* A comma, stop or colon before word w. */
static gboolean
paused_at (const AnswerPart *p, guint w)
{
  return (g_array_index (p->words, CueWord, w).gap
          & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)) != 0;
}

/* Whether the yes word ending before word e is closed there: by the end,
 * a mark or a pause, a particle ("có ạ", "có nhé") or a modal. */
static gboolean
yes_closed_at (const AnswerPart *p, guint e, gboolean lenient)
{
  if (e >= p->words->len)
    return TRUE;
  const CueWord *next = &g_array_index (p->words, CueWord, e);
  const CueWord *yes = &g_array_index (p->words, CueWord, e - 1);
  gboolean marked = FALSE; /* "✅ **Có** 👍 Ngoài UBND …": a mark is a pause */
  for (gsize k = yes->end; k < next->start && !marked; k++)
    marked = p->norm[k] != ' ' && p->norm[k] != '(';
  return marked || (next->gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON))
         || answer_word_is (p, e, lenient ? "a" : "ạ")
         || answer_word_is (p, e, lenient ? "nhe" : "nhé")
         || answer_word_is (p, e, "nha")
         || answer_word_is (p, e, lenient ? "nha" : "nhá")
         || answer_word_is (p, e, "nhen") || cue_at (p, CUE_YES_MODAL, e);
}

/* "Có 3 cách …" is no yes: a bare có opens a stance only before a pause or
 * a modal, or its addressee and then one ("Có bạn nhé.", "có anh ạ"). */
static gboolean
opening_yes (const AnswerPart *p, guint w, gboolean lenient)
{
  guint e = stance_cue_end_at (p, CUE_YES_START, w);
  if (e == 0)
    return FALSE;
  if (!answer_word_is (p, w, lenient ? "co" : "có") || e > w + 1)
    return TRUE;
  if (yes_closed_at (p, e, lenient))
    return TRUE;
  /* not after a speaker's label: "Tổng đài viên: Có anh ạ." answers "có ai
   * nghe không?" as often as the question */
  if (w > 0)
    return FALSE;
  const CueWord *yes = &g_array_index (p->words, CueWord, e - 1);
  const CueWord *next = &g_array_index (p->words, CueWord, e);
  if (!address_at (p, e) || next->start != yes->end + 1)
    return FALSE;
  /* "Có bạn nhé." — a pause after the addressee or its particle; not "Có
   * bạn ạ rất nhiều người hỏi …" */
  guint after = e + 1;
  if (after < p->words->len && !paused_at (p, after)
      && (answer_word_is (p, after, lenient ? "a" : "ạ")
          || answer_word_is (p, after, lenient ? "nhe" : "nhé")
          || answer_word_is (p, after, "nha")))
    after++;
  return after >= p->words->len || paused_at (p, after);
}

/* 1 yes, 0 no, -1 none; *span the stance's words. */
/* Past a condition the answer sets first ("Nếu đúng vậy thì bạn không
 * phải …", "If so, …"): the word after its thì or comma, or w. */
static guint
after_condition (const AnswerPart *p, guint w, gboolean lenient)
{
  if (!answer_word_is (p, w, lenient ? "neu" : "nếu")
      && !answer_word_is (p, w, "if"))
    return w;
  for (guint i = w + 1; i < p->words->len && i < w + 12; i++) {
    if (answer_word_is (p, i, lenient ? "thi" : "thì")
        || answer_word_is (p, i, "then"))
      return i + 1;
    if (g_array_index (p->words, CueWord, i).gap & CUE_GAP_COMMA)
      return i;
  }
  return w;
}

/* "không gia hạn được", "chưa làm được": a negator, one to three words
 * of its clause, then được. The end of được, or 0. */
static guint
negated_can (const AnswerPart *p, guint i, gboolean lenient)
{
  /* chat's "ko gia han dc" too (not a lone "k": "7 k" is 7.000) */
  if (!answer_word_is (p, i, lenient ? "khong" : "không")
      && !answer_word_is (p, i, lenient ? "chua" : "chưa")
      && !answer_word_is (p, i, "ko"))
    return 0;
  /* "gia hạn tiếp dc ko thì …": the question's tag, no negation */
  if (i > 0 && (answer_word_is (p, i - 1, lenient ? "duoc" : "được")
                || answer_word_is (p, i - 1, "dc")))
    return 0;
  /* "chưa quá 6 tháng → được gia hạn": a bound, not a negated can */
  if (answer_word_is (p, i + 1, lenient ? "qua" : "quá"))
    return 0;
  for (guint k = i + 2; k < p->words->len && k <= i + 4; k++) {
    guint8 gap = g_array_index (p->words, CueWord, k).gap;
    if (gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON))
      return 0;
    /* "không ra phường vẫn được": a concession, not a negated can */
    if (answer_word_is (p, k, lenient ? "van" : "vẫn")
        || answer_word_is (p, k, lenient ? "thi" : "thì")
        || answer_word_is (p, k, lenient ? "cung" : "cũng"))
      return 0;
    if (answer_word_is (p, k, lenient ? "duoc" : "được")
        || answer_word_is (p, k, "dc") || answer_word_is (p, k, "đc"))
      return k + 1;
  }
  return 0;
}

/* "giấy phép chỉ bắt buộc với dịch vụ thư", "chỉ phải xin khi …": an
 * obligation limited to other cases, no yes for the asked one. */
static gboolean
only_required (const AnswerPart *p, guint i, gboolean lenient)
{
  return i > 0 && answer_word_is (p, i - 1, lenient ? "chi" : "chỉ")
         && (answer_word_is (p, i, lenient ? "bat" : "bắt")
             || answer_word_is (p, i, lenient ? "phai" : "phải"));
}

/* The stance a modal gives from word w on ("bạn có thể …", "không cần
 * …", "không gia hạn được"): 1, 0 or -1, its words in [*from, *to). */
int
stance_modal (const Answer *a, const AnswerPart *p, guint w, guint *from,
              guint *to)
{
  gboolean lenient = a->lenient;
  const guint *groups = claims_paren_groups (p);
  for (guint i = w; i < p->words->len; i++) {
    guint e;
    *from = i;
    /* "… (tên mục có thể khác tùy phiên bản)": a modal in an aside that
     * the clause opened before it is about the aside, no stance */
    if (groups[i] != 0 && groups[i] != groups[w])
      continue;
    if ((e = stance_cue_end_at (p, CUE_NO_MODAL, i)) > 0
        || (e = negated_can (p, i, lenient)) > 0) { /* "không gia hạn được" */
      *to = e;
      return 0;
    }
    if ((e = stance_cue_end_at (p, CUE_YES_MODAL, i)) > 0
        && !(a->unaccented && e == i + 1
             && (answer_word_is (p, i, "can") || answer_word_is (p, i, "may")))
        /* "câu hỏi của bạn có thể hiểu theo hai cách", "có thể nói":
         * how the answer reads the question, no stance */
        && !answer_word_is (p, e, lenient ? "hieu" : "hiểu")
        && !answer_word_is (p, e, lenient ? "noi" : "nói")
        && !only_required (p, i, lenient)) {
      *to = e; /* "xe may", "the can cuoc": no modal */
      return 1;
    }
  }
  return -1;
}

/* Whether words [w0, w1) of p name the answer itself: "câu trả lời
 * (ngắn)", "trả lời", "nguyên tắc", "tóm lại", "short answer". */
static gboolean
names_answer (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  for (guint k = w0; k < w1; k++)
    if ((answer_word_is (p, k, lenient ? "tra" : "trả")
         && answer_word_is (p, k + 1, lenient ? "loi" : "lời"))
        || (answer_word_is (p, k, lenient ? "nguyen" : "nguyên")
            && answer_word_is (p, k + 1, lenient ? "tac" : "tắc"))
        || (answer_word_is (p, k, lenient ? "tom" : "tóm")
            && answer_word_is (p, k + 1, lenient ? "lai" : "lại"))
        || answer_word_is (p, k, "answer"))
      return TRUE;
  return FALSE;
}

/* Past a short frame the stance follows: "Về nguyên tắc là có: …",
 * "Câu trả lời ngắn: **Không giống nhau đâu** …" — up to five words that
 * name the answer, before a colon or "là", then a yes or no (a yes closed
 * there: not "Chị hỏi vậy là đúng lúc"). */
static guint
after_frame (const AnswerPart *p, guint w, gboolean lenient)
{
  for (guint k = w + 1; k + 1 < p->words->len && k <= w + 5; k++) {
    guint8 gap = g_array_index (p->words, CueWord, k).gap;
    if (gap & (CUE_GAP_STOP | CUE_GAP_COMMA))
      return w;
    gboolean colon = (gap & CUE_GAP_COLON) != 0;
    gboolean la = answer_word_is (p, k, lenient ? "la" : "là");
    if (!colon && !la)
      continue;
    guint at = la ? k + 1 : k;
    if (!names_answer (p, w, k, lenient))
      return w;
    if (cue_at (p, CUE_NO_START, at)
        || (cue_at (p, CUE_YES_START, at)
            && yes_closed_at (p, stance_cue_end_at (p, CUE_YES_START, at),
                              lenient)))
      return at;
    return w;
  }
  return w;
}

static int
stance_of (const Answer *a, const AnswerPart *p, char **span)
{
  gboolean lenient = a->lenient;
  guint w = after_frame (p, after_condition (p, stance_after_fillers (p), lenient),
                         lenient);
  if (w >= p->words->len)
    return -1;
  int s = -1;
  guint from = w, to = w + 1;
  if (opening_yes (p, w, lenient))
    s = 1, to = stance_cue_end_at (p, CUE_YES_START, w);
  else if (cue_at (p, CUE_NO_START, w))
    s = 0, to = stance_cue_end_at (p, CUE_NO_START, w);
  else
    s = stance_modal (a, p, w, &from, &to);
  if (s >= 0 && span) {
    const CueWord *a0 = &g_array_index (p->words, CueWord, from);
    const CueWord *b = &g_array_index (p->words, CueWord, to - 1);
    *span = g_strndup (p->norm + a0->start, b->end - a0->start);
  }
  return s;
}

/* Part i restates the question ("### Có gia hạn được không?", then
 * "**Không.** …" answers it). Not a question of a FAQ list ("- *Chủ nhà
 * không muốn đưa giấy tờ thì sao?* Chủ nhà có thể …"): a question in
 * running text or a list restates the asked one only with three of its
 * words. */
static gboolean
restates_question (View *v, guint i)
{
  const AnswerPart *p = answer_part (v->a, i);
  /* "## Nếu quên gia hạn?": a case of its own, unless the question is
   * one ("Nếu … thì có … không?") */
  gboolean lenient = v->a->lenient;
  if ((answer_word_is (p, 0, lenient ? "neu" : "nếu") || answer_word_is (p, 0, "if"))
      && !match_question_has_word (v, lenient ? "neu" : "nếu")
      && !match_question_has_word (v, "if"))
    return FALSE;
  return !p->quoted && answer_text_asks (p->norm)
         && match_question_shared (v, i) >= (p->kind == PART_HEADING ? 2 : 3);
}

/* The stance opening the first part after a part that leads (leads), in
 * that part's own section when a heading leads, or -1. */
static int
stance_after (View *v, gboolean (*leads) (View *, guint), char **span)
{
  for (guint i = v->from; i + 1 < v->a->parts->len; i++) {
    if (!leads (v, i))
      continue;
    /* past a section number split off its line ("**1. Có, …**" reads as
     * "1." then "có, …") */
    guint n = i + 1;
    while (n + 1 < v->a->parts->len && answer_part (v->a, n)->words->len == 1
           && g_ascii_isdigit (answer_part (v->a, n)->norm[0]))
      n++;
    /* … and past the sub-question it restates on that line ("**1. Chi
     * nhánh có phải làm thủ tục không?** **Có.** …") */
    while (n + 1 < v->a->parts->len && n > i + 1
           && answer_text_asks (answer_part (v->a, n)->norm)
           && answer_part (v->a, n + 1)->line == answer_part (v->a, n)->line)
      n++;
    const AnswerPart *next = answer_part (v->a, n);
    if (next->quoted || next->kind == PART_GLOSS
        || (answer_part (v->a, i)->kind == PART_HEADING
            && next->heading != (gint) i))
      continue;
    int s = stance_of (v->a, next, span);
    if (s >= 0)
      return s;
  }
  return -1;
}

void
stance_span_words (const AnswerPart *p, guint from, guint to, char **span)
{
  if (span == NULL || to <= from)
    return;
  const CueWord *a = &g_array_index (p->words, CueWord, from);
  const CueWord *b = &g_array_index (p->words, CueWord, to - 1);
  g_free (*span);
  *span = g_strndup (p->norm + a->start, b->end - a->start);
}

/* Punctuation, or the end, right after word e - 1 ("là **có** – …"),
 * past at most two chat particles ("Co nha, …", "Có bạn nhé.") */
gboolean
stance_closed_at (const AnswerPart *p, guint e)
{
  static const char *const particles[] = {"nha", "nhé", "nhe", "ạ", "bạn",
                                          "ban", "nè", "ne", "nhen", "ha"};
  for (guint n = 0; n < 2 && e < p->words->len; n++) {
    gboolean particle = FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS (particles) && !particle; i++)
      particle = answer_word_is (p, e, particles[i]);
    const CueWord *a = &g_array_index (p->words, CueWord, e - 1);
    const CueWord *b = &g_array_index (p->words, CueWord, e);
    if (!particle || b->start != a->end + 1 || p->norm[a->end] != ' ')
      break; /* "có, bạn …": the comma closes it already */
    e++;
  }
  if (e >= p->words->len)
    return TRUE;
  const CueWord *a = &g_array_index (p->words, CueWord, e - 1);
  const CueWord *b = &g_array_index (p->words, CueWord, e);
  for (gsize k = a->end; k < b->start; k++)
    if (p->norm[k] != ' ')
      return TRUE;
  return FALSE;
}

/* "Anh hỏi cùng lúc hai việc: (1) … còn nộp ở công an huyện được không
 * …", "Bạn hỏi: …", "You asked whether …": the question said back, no
 * stance — not "Bạn hỏi đúng chỗ rồi: … không gia hạn được", nor "Anh
 * hỏi còn nộp … được không thì câu trả lời là không". */
static gboolean
says_you_asked (const AnswerPart *p)
{
  static const char *const restate[] = {"hai", "ba", "cùng", "cung", "về",
                                        "ve", "nhiều", "nhieu", "whether",
                                        "two", "about"};
  guint w = stance_after_fillers (p);
  if (!address_at (p, w)
      || !(answer_word_is (p, w + 1, "hỏi") || answer_word_is (p, w + 1, "hoi")
           || answer_word_is (p, w + 1, "asked") || answer_word_is (p, w + 1, "ask")))
    return FALSE;
  if (w + 2 < p->words->len
      && (g_array_index (p->words, CueWord, w + 2).gap & CUE_GAP_COLON))
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (restate); i++)
    if (answer_word_is (p, w + 2, restate[i]))
      return TRUE;
  return FALSE;
}

/* The stance of the opening sentence from part from on, past headings
 * and greetings ("Dạ, em chào anh ạ.") and past the citizen's own turn
 * in a transcript; -1 when it takes none. */
static int
opening_stance (View *v, guint from, char **span, guint *at)
{
  from = MAX (from, v->from);
  int s = -1;
  guint looked = 0;
  guint asked_line = 0; /* the line that asks the citizen back */
  if (from > 0 && from < v->a->parts->len && stance_asks_back (v, from - 1))
    asked_line = answer_part (v->a, from - 1)->line;
  for (guint i = from; s < 0 && i < v->a->parts->len && looked < 4; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    /* "… cho mình hỏi: bạn ở tỉnh nào? Mức thu có thể khác theo tỉnh.":
     * the rest of the asking line says why it asks */
    if (stance_asks_back (v, i))
      asked_line = p->line;
    else if (p->line == asked_line)
      continue;
    if (p->kind == PART_GLOSS || p->quoted || stance_in_glossary (v, p))
      continue;
    if (answer_text_asks (p->norm) /* "Cho mình hỏi lại: bạn ở khoảng 1 tuần, đúng không?" */
        || stance_mail_header (p) || stance_quotes_question (p) || says_you_asked (p))
      continue;
    /* "[10:30] OA (tự động): Cảm ơn anh/chị. Câu hỏi đã được chuyển …":
     * an automatic acknowledgement is no one's answer */
    gboolean automatic = FALSE;
    guint lead = stance_turn_lead (answer_part (v->a, answer_line_start (v->a, i)),
                            v->a->lenient, &automatic);
    if (automatic)
      continue;
    if (answer_line_start (v->a, i) != i)
      lead = 0;
    looked++;
    s = stance_of (v->a, p, span);
    if (s < 0)
      s = stance_restated_label (v, p, span);
    *at = i;
    /* "Trợ lý ảo Hộ tịch · Độ tin cậy: cao (0,95) · Lĩnh vực: …": a
     * bot's header of fields says nothing and opens nothing */
    if (s < 0 && stance_fields_line (p)) {
      looked--;
      continue;
    }
    /* "Chào anh ạ, Zalo OA UBND phường trả lời anh nhé.": a greeting
     * that takes no stance opens nothing either, nor does one after a
     * time and a speaker ("[10:33] Cán bộ tư pháp: Chào anh ạ.") */
    gboolean opening = p->kind == PART_HEADING || p->kind == PART_INTRO
                       || p->words->len - stance_after_fillers (p) <= 6
                       || (lead > 0 && p->words->len - lead <= 6)
                       || (stance_after_fillers (p) > 0 && p->words->len <= 15)
                       || stance_announces_answer (p, v->a->lenient)
                       || stance_apology (p, lead, v->a->lenient)
                       || stance_caption_line (p);
    if (!opening)
      break;
  }
  return s;
}

/* The part after the first section whose heading is followed only by
 * quoted lines (the asker's account, answer.c), or 0. */
static guint
asker_section_end (const Answer *a)
{
  for (guint i = 0; i + 1 < a->parts->len; i++) {
    const AnswerPart *h = answer_part (a, i);
    if (h->kind != PART_HEADING || !answer_part (a, i + 1)->quoted
        || answer_part (a, i + 1)->passage)
      continue;
    guint k = i + 1;
    while (k < a->parts->len && answer_part (a, k)->quoted
           && answer_part (a, k)->heading == (gint) i)
      k++;
    if (k < a->parts->len && (answer_part (a, k)->kind == PART_HEADING
                              || answer_part (a, k)->heading != (gint) i))
      return k;
  }
  return 0;
}

/* Whether part i stands under a heading that does not name the answer
 * ("**Slide 2: Căn cứ pháp lý**"), and a later heading does ("**Slide 3:
 * Trả lời nhanh**"). A heading that asks the question again ("## Gia hạn
 * tạm trú online được không?") names what answers it. */
static gboolean
under_other_heading (View *v, guint i)
{
  gint h = answer_part (v->a, i)->heading;
  /* a preamble before any heading ("… khiến nhiều người nghĩ Sở Tư pháp
   * không còn nhận nữa." then "**Nhận định theo quy định** Có, …") is
   * under no heading that names the answer either */
  if (h >= 0 && (stance_concludes (v, (guint) h)
                 || restates_question (v, (guint) h)))
    return FALSE;
  /* under a heading of one case ("### Nếu tài khoản VNeID mới ở mức
   * 1?"), a later heading asking the question again names the answer
   * too */
  const AnswerPart *hp = h >= 0 ? answer_part (v->a, (guint) h) : NULL;
  gboolean a_case = hp != NULL && answer_text_asks (hp->norm)
                    && (answer_word_is (hp, 0, v->a->lenient ? "neu" : "nếu")
                        || answer_word_is (hp, 0, "if")
                        || (answer_word_is (hp, 0, v->a->lenient ? "truong" : "trường")
                            && answer_word_is (hp, 1, v->a->lenient ? "hop" : "hợp")));
  for (guint k = i + 1; k < v->a->parts->len; k++)
    if (answer_part (v->a, k)->kind == PART_HEADING
        && (stance_concludes (v, k) || (a_case && restates_question (v, k))))
      return TRUE;
  return FALSE;
}

/* The answer's stance by every reader in turn, from part v->from on: 1,
 * 0 or -1; *span its words; *at the part an opening stance was read in
 * (G_MAXUINT when a later reader found it). */
static int
stance_read (View *v, char **span, guint *at)
{
  *at = G_MAXUINT;
  int s = opening_stance (v, v->from, span, at);
  /* a transcript that opens on the agent's greeting ("Tổng đài viên:
   * Alo, … xin nghe"): the answer opens after the citizen's first turn */
  /* (in its first lines: a question further on is a FAQ's, "- *Chủ nhà
   * không muốn … thì sao?* Chủ nhà có thể …", no turn of the caller) */
  /* (nor past a line that labels the answer: "Câu trả lời ngắn: …", then
   * "**Thế nào là đúng hạn?** Là …" is a FAQ's question) */
  for (guint i = v->from; s < 0 && i < v->a->parts->len
                          && answer_part (v->a, i)->line <= 5; i++) {
    if (match_answer_label_end (answer_part (v->a, i), v->a->lenient)
        != G_MAXUINT)
      break;
    if (answer_part (v->a, i)->quoted) {
      s = opening_stance (v, i + 1, span, at);
      break;
    }
  }
  /* "II. NỘI DUNG CÔNG DÂN TRÌNH BÀY … III. NỘI DUNG TRẢ LỜI 1. **Có.**":
   * the answer opens past a section of the asker's own account */
  if (s < 0) {
    guint end = asker_section_end (v->a);
    if (end > 0)
      s = opening_stance (v, end, span, at);
  }
  /* "Bạn hỏi hai việc: … **1. Phiếu lý lịch tư pháp** **Có, …**" */
  gint own = s < 0 ? match_own_section (v) : -1;
  if (own >= 0)
    s = opening_stance (v, (guint) own + 1, span, at);
  /* "**Slide 2: Căn cứ** … (từ 1/7/2025 không còn cấp huyện)" then
   * "**Slide 3: Trả lời nhanh** Có. …": a stance read under another
   * heading yields to the one a later heading naming the answer gives */
  if (s >= 0 && *at != G_MAXUINT && under_other_heading (v, *at)) {
    g_autofree char *named = NULL;
    int s2 = stance_after (v, stance_concludes, &named);
    if (s2 < 0)
      s2 = stance_after (v, restates_question, &named);
    if (s2 >= 0) {
      g_free (*span);
      *span = g_steal_pointer (&named);
      *at = G_MAXUINT;
      return s2;
    }
  }
  if (s >= 0)
    return s;
  if (s < 0)
    s = stance_after (v, restates_question, span);
  if (s < 0)
    s = stance_marked (v, span);
  if (s < 0)
    s = stance_after (v, stance_concludes, span);
  if (s < 0)
    s = stance_labelled (v, span);
  if (s < 0)
    s = stance_predicate_label (v, span);
  if (s < 0)
    s = stance_field (v, span);
  if (s < 0)
    s = stance_ended (v, span);
  if (s < 0)
    s = stance_echo (v, span);
  return s;
}

/* The part a stance's words were read in: at, or the first part that
 * holds them. */
static guint
stance_part (View *v, const char *span, guint at)
{
  for (guint i = 0; at == G_MAXUINT && span && i < v->a->parts->len; i++)
    if (strstr (answer_part (v->a, i)->norm, span) != NULL)
      at = i;
  return at;
}

void
match_polarity (const Fact *f, View *v, Outcome *o)
{
  g_autofree char *span = NULL;
  guint at;
  int s = stance_read (v, &span, &at);
  /* "… phường không được hẹn. > Xin đính chính: … Vậy câu trả lời đúng
   * là: Có, …": a stance the answer takes back is not its stance; what it
   * says after the correction is, when it says one */
  gint corr = claims_correction_part (v->a);
  /* a final version with no stance before it may still hold one */
  gboolean final = s < 0 && corr > 0 && claims_final_version (v->a) == corr;
  if ((final || s >= 0) && corr > 0
      && (final || stance_part (v, span, at) < (guint) corr)) {
    g_autofree char *again = NULL;
    v->from = (guint) corr;
    int s2 = stance_read (v, &again, &at);
    v->from = 0;
    if (s2 >= 0) {
      s = s2;
      g_free (span);
      span = g_steal_pointer (&again);
    } else if (claims_correction_takes_back (v->a)) {
      s = -1; /* "Cập nhật: câu trên chưa đúng, …" and no stance after */
    }
  }
  const char *want = f->yes ? "@stance:yes" : "@stance:no";
  /* "Được. …" then "**Short answer: No.**" in the English summary: an
   * answer that settles both ways has not answered */
  g_autofree char *later = NULL;
  int s3 = -1;
  if (s >= 0) {
    v->from = stance_part (v, span, at) + 1;
    s3 = v->from < v->a->parts->len ? stance_labelled_closed (v, &later) : -1;
    v->from = 0;
  }
  if (s3 >= 0 && s3 != s) {
    o->status = ST_CONTRADICTION;
    if (!o->quiet) {
      o->span = g_steal_pointer (&later);
      outcome_rule (o, "stance.conflict", s == 1 ? "@stance:yes" : "@stance:no",
                    s3 == 1 ? "@stance:yes" : "@stance:no", o->span, NULL);
    }
    return;
  }
  if (s < 0) {
    o->status = ST_MISSING;
    outcome_rule (o, "stance.missing", want, NULL);
    return;
  }
  gboolean right = (s == 1) == f->yes;
  o->status = right ? ST_MATCHED : ST_CONTRADICTION;
  if (o->quiet)
    return;
  o->span = g_steal_pointer (&span);
  o->value = g_strdup (s == 1 ? "\"yes\"" : "\"no\"");
  if (right)
    outcome_rule (o, "stance.matched", want, NULL);
  else
    outcome_rule (o, "stance.contradiction", s == 1 ? "@stance:yes"
                                                    : "@stance:no", want, NULL);
}
