/* Negations that reach a name or a value from afar
 * (scoring/claims_private.h): over a list ("không có công an quận, công an
 * huyện nhận hồ sơ", "văn phòng công chứng, phòng công chứng không chứng
 * thực"), from a negated verb to the place it names ("Doanh nghiệp không
 * nộp hồ sơ G1 ở Bộ Khoa học và Công nghệ"), from "không phải là lệ phí"
 * back to a value, and a bracket that leaves groups out of a figure
 * ("(miễn cho hộ nghèo …)"), and a negation set off after a name that
 * goes on to another place; a name's clause that calls it optional ("…,
 * không bắt buộc"), a line it labels closed by a denial ("Bộ KH&CN: … –
 * not this licence"), and a belief the answer calls right. Split from
 * claims_polarity.c and claims.c, which ask them. */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

#include <string.h>

/* Whether the name at w0 follows a comma after an item that opens on
 * the same word ("công an quận, công an huyện"), that item negated from
 * its sentence's start. */
gboolean
claims_listed_after_negated (const AnswerPart *p, guint w0, gboolean lenient)
{
  if (w0 < 2 || !(word (p, w0)->gap & CUE_GAP_COMMA))
    return FALSE;
  guint s0 = answer_sentence_start (p, w0 - 1);
  for (guint j = w0 - 1; j > s0 && w0 - j <= 6; j--)
    if (answer_words_same (p, j - 1, w0))
      return claims_negated_before (p, s0, j - 1, 14, lenient);
  return FALSE;
}

/* "văn phòng công chứng, phòng công chứng không chứng thực bản sao",
 * "Sở Tư pháp, Phòng Tư pháp cũ không còn tiếp nhận": past a comma or
 * "và", "hay", "hoặc", a next item that shares a word with the name and
 * runs straight into a negation ("không chứng thực", "không còn", "cũ")
 * carries it back to the name at [w0, w1). */
gboolean
claims_listed_before_negated (const AnswerPart *p, guint w0, guint w1,
                              gboolean lenient)
{
  if (w1 >= p->words->len)
    return FALSE;
  guint k = w1;
  if (!(word (p, k)->gap & CUE_GAP_COMMA)) {
    if (word (p, k)->gap
        || !(word_is (p, k, "và", "va", lenient)
             || word_is (p, k, "hay", "hay", lenient)
             || word_is (p, k, "hoặc", "hoac", lenient)))
      return FALSE;
    k++;
  }
  /* the next item runs to the negation with no break, and one of its
   * words is one of the name's ("Sở Tư pháp, Phòng Tư pháp cũ không còn
   * tiếp nhận") */
  gboolean shared = FALSE;
  for (guint e = k; e < k + 7 && e < p->words->len; e++) {
    if (e > k && word (p, e)->gap)
      return FALSE;
    for (guint h = 0; shared && h < p->cues->len; h++)
      if (hit (p, h)->w0 == e && hit (p, h)->cls == CUE_NEG_AFTER
          && (word_is (p, e, "không", "khong", lenient)
              || (!lenient && word_is (p, e, "cũ", "cu", lenient))))
        return TRUE;
    for (guint j = w0; j < w1 && !shared; j++)
      shared = answer_words_same (p, j, e);
  }
  return FALSE;
}

/* "Doanh nghiệp không nộp hồ sơ G1 ở Bộ Khoa học và Công nghệ", "đừng gửi
 * hồ sơ lên Sở …": a negated verb of going or filing, its object (five
 * words at most, no comma), then the place it names at w0. */
gboolean
claims_negated_to_place (const AnswerPart *p, guint w0, gboolean lenient)
{
  static const char *const places[][2] = {
    {"ở", "o"}, {"tại", "tai"}, {"lên", "len"}, {"về", "ve"}, {"sang", "sang"},
    {"đến", "den"}, {"tới", "toi"}, {"cho", "cho"}, {"at", "at"}, {"to", "to"}};
  static const char *const verbs[][2] = {
    {"nộp", "nop"}, {"gửi", "gui"}, {"đến", "den"}, {"lên", "len"},
    {"xin", "xin"}, {"đi", "di"}, {"hướng", "huong"} /* hướng dẫn lên */,
    {"submit", "submit"}, {"file", "file"},
    {"apply", "apply"}, {"go", "go"}};
  static const char *const nots[][2] = {
    {"không", "khong"}, {"đừng", "dung"}, {"chẳng", "chang"}, {"not", "not"}};
  if (w0 < 3 || (word (p, w0)->gap & ~CUE_GAP_OPERATOR))
    return FALSE;
  gboolean place = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (places) && !place; i++)
    place = word_is (p, w0 - 1, places[i][0], places[i][1], lenient);
  if (!place)
    return FALSE;
  for (guint v = w0 - 1; v-- > 0 && w0 - 1 - v <= 6;) {
    if (word (p, v + 1)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON))
      return FALSE;
    for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
      if (word_is (p, v, verbs[i][0], verbs[i][1], lenient) && v > 0)
        for (gsize j = 0; j < G_N_ELEMENTS (nots); j++)
          if (word_is (p, v - 1, nots[j][0], nots[j][1], lenient))
            return TRUE;
  }
  return FALSE;
}

/* "Nơi chứng thực: Sở Tư pháp, không làm ở huyện", "Sở Tư pháp – không
 * còn làm ở phường": set off by a comma or a dash, a negation that goes
 * on to a place says where the matter is not done, not that the name
 * before it does not do it ("Sở Tư pháp không còn cấp"). */
gboolean
claims_negated_elsewhere (const AnswerPart *p, const CueHit *ch, gboolean lenient)
{
  if (ch->w0 == 0)
    return FALSE;
  gboolean set_off = word (p, ch->w0)->gap & CUE_GAP_COMMA;
  for (guint k = word (p, ch->w0 - 1)->end; !set_off && k < word (p, ch->w0)->start; k++)
    set_off = p->norm[k] == '-';
  for (guint k = (guint) ch->w1; set_off && k < (guint) ch->w1 + 3 && k + 1 < p->words->len; k++)
    if (word_is (p, k, "ở", "o", lenient) || word_is (p, k, "tại", "tai", lenient))
      return TRUE;
  return FALSE;
}

/* "Các khoản 5.000 hay 20.000 đồng mà một số người kể lại không phải là
 * lệ phí đăng ký kết hôn": past the value's words, in its sentence (twelve
 * words at most), "không phải (là)" before what the key asks about — the
 * value is said not to be it — or "không có trong luật / quy định / văn
 * bản …": it is in no rule. The words at w1 after the value. */
gboolean
claims_value_denied_after (const AnswerPart *p, guint w1, gboolean lenient)
{
  static const char *const subjects[][2] = {
    {"lệ", "le"}, {"phí", "phi"}, {"mức", "muc"}, {"thời", "thoi"}};
  for (guint k = w1; k < p->words->len && k < w1 + 12; k++) {
    if (k > w1 && (word (p, k)->gap & CUE_GAP_STOP))
      return FALSE;
    /* "mốc 30 ngày ở bản cũ không có trong Luật Doanh nghiệp" */
    if (word_is (p, k, "không", "khong", lenient)
        && word_is (p, k + 1, "có", "co", lenient)
        && word_is (p, k + 2, "trong", "trong", lenient)
        && (word_is (p, k + 3, "luật", "luat", lenient)
            || word_is (p, k + 3, "qui", "qui", lenient)
            || word_is (p, k + 3, "văn", "van", lenient)
            || word_is (p, k + 3, "nghị", "nghi", lenient)
            || word_is (p, k + 3, "thông", "thong", lenient)))
      return TRUE;
    if (!(word_is (p, k, "không", "khong", lenient)
          && word_is (p, k + 1, "phải", "phai", lenient)))
      continue;
    guint s = k + 2 + word_is (p, k + 2, "là", "la", lenient);
    for (gsize i = 0; i < G_N_ELEMENTS (subjects); i++)
      if (word_is (p, s, subjects[i][0], subjects[i][1], lenient))
        return TRUE;
    return FALSE;
  }
  return FALSE;
}

/* A bracket right after a figure, in [w1, c1), that opens on those left
 * out of it: "(miễn cho hộ nghèo …)", "(trừ người có công)", "(except
 * …)". */
gboolean
claims_excepted_after (const AnswerPart *p, guint w1, guint c1, gboolean lenient)
{
  for (guint k = w1; k < c1 && k < w1 + 3 && k < p->words->len; k++) {
    if (!(word (p, k)->gap & CUE_GAP_OPEN))
      continue;
    return word_is (p, k, "miễn", "mien", lenient)
           || word_is (p, k, "trừ", "tru", lenient)
           || (word_is (p, k, "ngoại", "ngoai", lenient)
               && word_is (p, k + 1, "trừ", "tru", lenient))
           || word_is (p, k, "except", "except", lenient);
  }
  return FALSE;
}

gboolean
claims_under_penalty (const Answer *a, const AnswerPart *p)
{
  if (a == NULL || p->heading < 0 || p->kind == PART_HEADING)
    return FALSE;
  const AnswerPart *h = answer_part (a, (guint) p->heading);
  for (guint k = 0; k + 1 < h->words->len && h->words->len <= 6; k++)
    if ((word_is (h, k, "trừ", "tru", a->lenient) && word_is (h, k + 1, "điểm", "diem", a->lenient))
        || (word_is (h, k, "điểm", "diem", a->lenient) && word_is (h, k + 1, "trừ", "tru", a->lenient)))
      return TRUE;
  return FALSE;
}

/* "giấy báo tử chỉ là giấy tham khảo, không bắt buộc", "Giấy chứng sinh
 * không bắt buộc phải có;", "… – for reference only, not required": the
 * name's clause (past w1, in its sentence, sixteen words at most) ends on
 * "not required" — the paper is said to be optional. The end of what
 * says so, or 0. */
static guint
optional_at (const AnswerPart *p, guint k, gboolean lenient)
{
  if (word_is (p, k, "not", "not", lenient)
      && word_is (p, k + 1, "required", "required", lenient))
    return k + 2;
  if (word_is (p, k, "optional", "optional", lenient))
    return k + 1;
  if (!word_is (p, k, "không", "khong", lenient))
    return 0;
  guint e = 0;
  if (word_is (p, k + 1, "bắt", "bat", lenient)
      && word_is (p, k + 2, "buộc", "buoc", lenient))
    e = k + 3;
  else if (word_is (p, k + 1, "cần", "can", lenient))
    e = k + 2 + word_is (p, k + 2, "thiết", "thiet", lenient);
  /* "… không bắt buộc phải có" */
  if (e > 0 && word_is (p, e, "phải", "phai", lenient) && e + 1 < p->words->len)
    e += 2;
  return e;
}

gboolean
claims_said_optional (const AnswerPart *p, guint w1, gboolean lenient)
{
  /* "Giấy chứng sinh bản chính (bản sao không cần thiết)": a bracket
   * speaks of its own subject */
  const guint *groups = claims_paren_groups (p);
  guint own = w1 > 0 ? groups[w1 - 1] : 0;
  for (guint k = w1; k < p->words->len && k < w1 + 16; k++) {
    if (word (p, k)->gap & CUE_GAP_STOP)
      return FALSE;
    if (groups[k] != 0 && groups[k] != own)
      continue;
    guint e = optional_at (p, k, lenient);
    if (e > 0)
      return e >= p->words->len || (word (p, e)->gap & CUE_GAP_STOP);
  }
  return FALSE;
}

/* "- **Bộ KH&CN:** viễn thông, CNTT, tần số – không phải giấy phép này":
 * a name that labels its line (a colon right after) is denied by a
 * negation set off by a dash or comma that closes the line's sentence,
 * however long the description between. */
gboolean
claims_field_denied (const AnswerPart *p, guint w1)
{
  if (w1 >= p->words->len || !(word (p, w1)->gap & CUE_GAP_COLON))
    return FALSE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    if (ch->cls != CUE_NEG_AFTER || ch->w0 <= w1
        || !((guint) ch->w1 == p->words->len
             || (word (p, ch->w1)->gap & CUE_GAP_STOP)))
      continue;
    gboolean set_off = word (p, ch->w0)->gap & CUE_GAP_COMMA;
    for (gsize k = word (p, ch->w0 - 1)->end; !set_off && k < word (p, ch->w0)->start; k++)
      set_off = p->norm[k] == '-';
    gboolean stop = FALSE;
    for (guint k = w1 + 1; k <= (guint) ch->w0 && !stop; k++)
      stop = word (p, k)->gap & CUE_GAP_STOP;
    if (set_off && !stop)
      return TRUE;
  }
  return FALSE;
}

/* "chị cho rằng lệ phí là 15.000 đồng — chị nắm thông tin chính xác rồi":
 * past w1, in the sentence, the answer says the belief is right. */
gboolean
claims_belief_confirmed (const AnswerPart *p, guint w1, gboolean lenient)
{
  for (guint k = w1; k + 1 < p->words->len; k++) {
    if (word (p, k)->gap & CUE_GAP_STOP)
      return FALSE;
    gboolean denied = k > 0 && (word_is (p, k - 1, "không", "khong", lenient)
                                || word_is (p, k - 1, "chưa", "chua", lenient)
                                || word_is (p, k - 1, "not", "not", lenient));
    if (!denied
        && ((word_is (p, k, "chính", "chinh", lenient)
             && word_is (p, k + 1, "xác", "xac", lenient))
            || (word_is (p, k, "đúng", "dung", lenient)
                && (word_is (p, k + 1, "rồi", "roi", lenient)
                    || word_is (p, k + 1, "vậy", "vay", lenient)))
            || word_is (p, k, "correct", "correct", lenient)))
      return TRUE;
  }
  return FALSE;
}

