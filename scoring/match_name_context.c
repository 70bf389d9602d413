/* What is said around an office's name (scoring/match.h): that it is a
 * district's, which no longer exists; that it works alongside the office
 * that handles the matter ("… phối hợp xác minh"); that its clause speaks
 * of other fields or of a merger ("các lĩnh vực khác như …", "hợp nhất
 * vào Bộ KH&CN"); that it decides ("… tiếp nhận và giải quyết", "do … cấp"
 * the asked paper); that another office decides beside its "chỉ kiểm
 * tra" (a checking side task, cues.tsv check_only); and when it held:
 * until a date, before a past date, in force still. Split from
 * match_text.c, which finds the names. */
#include "scoring/match.h"
#include "scoring/citation.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/normalize.h"

#include <string.h>

/* An office said to be a district's ("Phòng Đăng ký kinh doanh của
 * quận", "… cấp huyện"): since 1/7/2025 local government has two levels,
 * so whatever the office's name, the answer sends the citizen to one that
 * is gone. The words after the name at w. */
gboolean
match_at_district (const AnswerPart *p, guint w, gboolean lenient)
{
  guint k = w;
  if (answer_word_is (p, k, lenient ? "cua" : "của")
      || answer_word_is (p, k, lenient ? "cap" : "cấp"))
    k++;
  if (k >= p->words->len || (k > w && (g_array_index (p->words, CueWord,
                                                       k).gap
                                       & ~CUE_GAP_OPERATOR)))
    return FALSE;
  return answer_word_is (p, k, lenient ? "quan" : "quận")
         || answer_word_is (p, k, lenient ? "huyen" : "huyện");
}

/* "…; công an cấp xã phối hợp xác minh", "phối hợp với Sở Tư pháp": an
 * office said to work alongside the one that handles the matter is not
 * it. The name at words [w0, w1). */
gboolean
match_cooperates (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  const char *phoi = lenient ? "phoi" : "phối", *hop = lenient ? "hop" : "hợp";
  /* "Công an xã, phường chỉ tham gia ở khâu xác minh", "… chỉ hỗ trợ":
   * only a part in it */
  guint k = w1;
  /* past the other levels a name lists ("Công an xã, phường chỉ …") */
  while (k < w1 + 3
         && (answer_word_is (p, k, lenient ? "xa" : "xã")
             || answer_word_is (p, k, lenient ? "phuong" : "phường")
             || answer_word_is (p, k, lenient ? "dac" : "đặc")
             || answer_word_is (p, k, "khu")))
    k++;
  /* past where it sits ("Sở KH&CN ở tỉnh chỉ hỗ trợ hướng dẫn") */
  if (answer_word_is (p, k, lenient ? "o" : "ở")
      || answer_word_is (p, k, lenient ? "tai" : "tại")
      || answer_word_is (p, k, lenient ? "cua" : "của"))
    for (guint j = k + 1; j < k + 4 && j < p->words->len
                          && !g_array_index (p->words, CueWord, j).gap; j++)
      if (answer_word_is (p, j, lenient ? "chi" : "chỉ")) {
        k = j;
        break;
      }
  if (answer_word_is (p, k, lenient ? "chi" : "chỉ")
      && ((answer_word_is (p, k + 1, "tham") && answer_word_is (p, k + 2, "gia"))
          || (answer_word_is (p, k + 1, lenient ? "ho" : "hỗ")
              && answer_word_is (p, k + 2, lenient ? "tro" : "trợ"))
          || (answer_word_is (p, k + 1, phoi) && answer_word_is (p, k + 2, hop))))
    return TRUE;
  /* "X phối hợp xác minh" after another office: X helps; "X phối hợp
   * với Y (thực hiện)" names X as the one that handles it */
  if (answer_word_is (p, w1, phoi) && answer_word_is (p, w1 + 1, hop)
      && !(g_array_index (p->words, CueWord, w1).gap & ~CUE_GAP_OPERATOR)
      && !answer_word_is (p, w1 + 2, lenient ? "voi" : "với")
      && !answer_word_is (p, w1 + 2, "with")) {
    static const char *const heads[][2] = {
      {"ubnd", "ubnd"}, {"uỷ", "uy"}, {"ủy", "uy"}, {"sở", "so"},
      {"phòng", "phong"}, {"bộ", "bo"}, {"cục", "cuc"}, {"công", "cong"}};
    for (guint k = 0; k < w0; k++)
      for (gsize j = 0; j < G_N_ELEMENTS (heads); j++)
        if (answer_word_is (p, k, heads[j][lenient ? 1 : 0])
            && (j != G_N_ELEMENTS (heads) - 1
                || answer_word_is (p, k + 1, "an"))) /* công an */
          return TRUE;
    return FALSE;
  }
  return w0 >= 3 && answer_word_is (p, w0 - 1, lenient ? "voi" : "với")
         && answer_word_is (p, w0 - 3, phoi) && answer_word_is (p, w0 - 2, hop);
}

/* Whether words [from, to) introduce a list ("… như viễn thông", "gồm",
 * "such as"), not a contrast ("khác với an ninh mạng"). */
static gboolean
introduces_list (const AnswerPart *p, guint from, guint to)
{
  for (guint k = from; k < to; k++)
    if (answer_word_is (p, k, "như") || answer_word_is (p, k, "nhu")
        || answer_word_is (p, k, "gồm") || answer_word_is (p, k, "gom")
        || answer_word_is (p, k, "such") || answer_word_is (p, k, "including"))
      return TRUE;
  return FALSE;
}

/* The start of the list a comma-bounded stretch at c0 ends ("các lĩnh
 * vực khác như viễn thông, bưu chính, tần số vô tuyến điện, công nghệ
 * thông tin do …"): back over short items (five words at most) to the
 * one that heads them; c0 itself when no short item comes before it. */
static guint
list_head (const AnswerPart *p, guint c0)
{
  guint k = c0;
  gboolean listed = FALSE;
  while (k > 0 && (g_array_index (p->words, CueWord, k).gap & CUE_GAP_COMMA)) {
    guint s = k - 1;
    while (s > 0 && !(g_array_index (p->words, CueWord, s).gap
                      & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)))
      s--;
    if (k - s > 5) {
      if (listed && introduces_list (p, s, k))
        return s;
      break;
    }
    k = s;
    listed = TRUE;
  }
  return c0; /* no list, or none a head introduces */
}

/* "các lĩnh vực khác … được hợp nhất vào Bộ KH&CN", "Dù Bộ Thông tin và
 * Truyền thông được hợp nhất vào Bộ KH&CN, …": the clause, or the stretch
 * up to the name with no comma, speaks of other things, so a forbidden
 * name there answers nothing. */
gboolean
match_about_others (View *v, guint part, guint w0)
{
  const AnswerPart *p = answer_part (v->a, part);
  guint c0, c1;
  claims_clause (p, w0, w0 + 1, &c0, &c1);
  gboolean lenient = v->a->lenient;
  /* "Bộ TT&TT hợp nhất vào Bộ KH&CN": the office a merger went into is
   * named for the merger, not as the one that handles the asked thing */
  if (w0 >= 2 && answer_word_is (p, w0 - 1, lenient ? "vao" : "vào")
      && (answer_word_is (p, w0 - 2, lenient ? "nhat" : "nhất")
          || answer_word_is (p, w0 - 2, lenient ? "nhap" : "nhập")))
    return TRUE;
  if (w0 >= 2 && answer_word_is (p, w0 - 1, "into")
      && answer_word_is (p, w0 - 2, "merged"))
    return TRUE;
  while (c0 > 0
         && !(g_array_index (p->words, CueWord, c0).gap
              & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON)))
    c0--;
  c0 = list_head (p, c0);
  for (guint i = 0; i < p->cues->len; i++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, i);
    if (ch->cls != CUE_OTHER || ch->w0 < c0 || ch->w1 > w0)
      continue;
    /* a concession ends at its "thì", "cũng" or comma: "Dù bạn ở xã nào
     * thì cũng nộp tại UBND huyện" names the district as the answer */
    gboolean concession = answer_word_is (p, ch->w0, lenient ? "du" : "dù")
                          || answer_word_is (p, ch->w0, lenient ? "mac" : "mặc")
                          || answer_word_is (p, ch->w0, "tuy")
                          || answer_word_is (p, ch->w0, "although")
                          || answer_word_is (p, ch->w0, "even");
    gboolean ended = FALSE;
    for (guint k = ch->w1; concession && k < w0; k++)
      ended |= (g_array_index (p->words, CueWord, k).gap & CUE_GAP_COMMA)
               || answer_word_is (p, k, lenient ? "thi" : "thì")
               || answer_word_is (p, k, lenient ? "cung" : "cũng");
    if (!ended)
      return TRUE;
  }
  return FALSE;
}

/* Another office decides in the sentence of the side task ch, said of the
 * office at [w0, w1): another office named there, or "sau khi", "sau đó"
 * (after) past the side task ("… chỉ verify … sau khi UBND phường duyệt"). */
gboolean
match_other_decides (const AnswerPart *p, const CueHit *ch, guint w0,
                     guint w1, gboolean lenient)
{
  guint s0 = answer_sentence_start (p, w0);
  guint s1 = answer_sentence_end (p, ch->w1);
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *o = &g_array_index (p->cues, CueHit, h);
    if (o->cls == CUE_OFFICE && o->w0 >= s0 && o->w1 <= s1
        && (o->w1 <= w0 || o->w0 >= w1))
      return TRUE;
  }
  for (guint k = ch->w1; k + 1 < s1; k++)
    if ((answer_word_is (p, k, "sau")
         && (answer_word_is (p, k + 1, "khi")
             || answer_word_is (p, k + 1, lenient ? "do" : "đó")))
        || answer_word_is (p, k, "after") || answer_word_is (p, k, "afterwards"))
      return TRUE;
  return FALSE;
}

/* Whether words [s0, w0) of p name the paper the question asks about
 * ("giấy phép", "hộ chiếu", "thẻ căn cước" …): the first of these the
 * question names. FALSE when it names none. */
static gboolean
names_asked_paper (View *v, const AnswerPart *p, guint s0, guint w0)
{
  static const char *const papers[] = {
    "giấy phép", "hộ chiếu", "thẻ căn cước", "giấy chứng nhận",
    "phiếu lí lịch tư pháp", "giấy khai sinh", "trích lục",
    "văn bản xác nhận", "licence", "license", "passport"};
  if (v->key->question == NULL || w0 <= s0)
    return FALSE;
  g_autofree char *q = normalize_text (v->key->question, FALSE);
  const CueWord *a = &g_array_index (p->words, CueWord, s0);
  const CueWord *b = &g_array_index (p->words, CueWord, w0 - 1);
  g_autofree char *before = g_strndup (p->norm + a->start, b->end - a->start);
  for (gsize i = 0; i < G_N_ELEMENTS (papers); i++)
    if (strstr (q, papers[i]))
      return strstr (before, papers[i]) != NULL;
  return FALSE;
}

/* "UBND phường tiếp nhận và giải quyết đăng ký tạm trú", "vẫn do Bộ KH&CN
 * (Cục Viễn thông) cấp": the office at [w0, w1) is said to decide — a
 * deciding verb within three words after it, past a parenthesis — in a
 * sentence that names no other case ("nội tỉnh", "nếu", "trường hợp"). */
gboolean
match_decides_after (View *v, const AnswerPart *p, guint w0, guint w1)
{
  static const char *const verbs[][2] = {
    {"giải", "giai"}, {"cấp", "cap"}, {"duyệt", "duyet"}, {"thụ", "thu"}};
  static const char *const cases[][2] = {
    {"nội", "noi"}, {"liên", "lien"}, {"nếu", "neu"}, {"trường", "truong"},
    {"phân", "phan"}, {"còn", "con"}, {"khác", "khac"}, {"if", "if"}};
  gboolean lenient = v->a->lenient;
  const guint *groups = claims_paren_groups (p);
  guint k = w1;
  if (k < p->words->len && groups[k] != 0) { /* "(Cục Viễn thông)" */
    guint g = groups[k];
    while (k < p->words->len && groups[k] == g)
      k++;
  }
  /* "Ủy ban nhân dân cấp xã nơi bạn có chỗ ở hợp pháp tiếp nhận và giải
   * quyết": past a "nơi" clause — to a verb that only an office does, not
   * the clause's own "cấp" ("UBND xã nơi bé đã được cấp giấy khai sinh") */
  gboolean where = answer_word_is (p, k, lenient ? "noi" : "nơi");
  guint reach = where ? 12 : 3;
  gint verb = -1;
  for (guint j = k; j < k + reach && j < p->words->len && verb < 0; j++)
    for (gsize i = 0; i < G_N_ELEMENTS (verbs) && verb < 0; i++)
      if (answer_word_is (p, j, verbs[i][lenient]) && !(where && i == 1))
        verb = (gint) i;
  if (verb < 0)
    return FALSE;
  guint s0 = answer_sentence_start (p, w0);
  for (guint j = s0; j < w0; j++)
    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      if (answer_word_is (p, j, cases[i][lenient]))
        return FALSE;
  /* "cấp" issues something: the asked paper only where the sentence
   * before the office names the paper the question asks about ("Giấy phép
   * … trong phạm vi một tỉnh vẫn do Bộ … cấp"), not "giấy xác nhận chỗ ở
   * … do UBND xã cấp", "kho số viễn thông vẫn do Bộ … cấp" */
  if (verb == 1)
    return names_asked_paper (v, p, s0, w0);
  return TRUE;
}

/* ---- when the name held ---------------------------------------------------- */

/* "(vẫn có hiệu lực đến hết 30/6/2026)": in force only until a date, so
 * replaced after it. */
static gboolean
until_follows (const AnswerPart *p, guint w)
{
  return answer_word_is (p, w, "đến") || answer_word_is (p, w, "den")
         || answer_word_is (p, w, "tới") || answer_word_is (p, w, "until")
         || answer_word_is (p, w, "till");
}

/* A name said to stay in force right after it ("… 2015 vẫn giữ nguyên
 * hiệu lực"; "vẫn" may open a clause of its own). */
gboolean
match_stays_in_force (const AnswerPart *p, guint w1)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_IN_FORCE && ch->w0 >= w1 && ch->w0 <= w1 + 2
        && !until_follows (p, ch->w1))
      return TRUE;
  }
  return FALSE;
}

/* Whether a date before the key's starts in bytes [from, to) of p. */
static gboolean
past_date_in (View *v, const AnswerPart *p, gsize from, gsize to)
{
  answer_scan (v->a, ANSWER_DATES);
  for (guint d = 0; p->dates && d < p->dates->len; d++) {
    const DatesMention *m = &g_array_index (p->dates, DatesMention, d);
    guint32 ymd = m->year * 10000 + m->month * 100 + m->day;
    if (m->start >= from && m->start < to && ymd < v->key->as_of)
      return TRUE;
  }
  return FALSE;
}

/* Whether "trước [ngày] D" / "before D", D a date before the key's,
 * stands in words [from, to) of p. */
static gboolean
before_past_date (View *v, const AnswerPart *p, guint from, guint to)
{
  gboolean lenient = v->a->lenient;
  for (guint i = from; v->key->as_of && i < to && i < p->words->len; i++) {
    if (!answer_word_is (p, i, lenient ? "truoc" : "trước")
        && !answer_word_is (p, i, "before"))
      continue;
    guint last = MIN (i + 2, p->words->len - 1);
    if (past_date_in (v, p, g_array_index (p->words, CueWord, i).end,
                      g_array_index (p->words, CueWord, last).end))
      return TRUE;
  }
  return FALSE;
}

/* "hồ sơ nộp ở Sở Tư pháp trước ngày 1/3/2025", "Nếu bạn đã nộp … trước
 * ngày 1/3/2025 mà chưa nhận, bạn liên hệ lại Sở Tư pháp …": a name said
 * of what was done before a past date, right after it or in the
 * condition that opens its sentence, tells of that old case. */
gboolean
match_past_case (View *v, const AnswerPart *p, guint w0, guint w1)
{
  if (before_past_date (v, p, w1, w1 + 2))
    return TRUE;
  /* ""Căn cứ Luật Báo chí số 103/2016/QH13 …" - chỉ dùng cho văn bản ban
   * hành trước 01/7/2026": a quotation kept for what came before */
  const char *close = claims_quote_close (p, w0);
  if (close != NULL) {
    guint k = w1;
    while (k < p->words->len
           && p->norm + g_array_index (p->words, CueWord, k).start < close)
      k++;
    if (before_past_date (v, p, k, answer_sentence_end (p, k)))
      return TRUE;
  }
  guint s0 = answer_sentence_start (p, w0);
  gboolean lenient = v->a->lenient;
  if (!answer_word_is (p, s0, lenient ? "neu" : "nếu")
      && !answer_word_is (p, s0, "if"))
    return FALSE;
  guint comma = s0 + 1; /* the condition: up to its first comma */
  while (comma < p->words->len
         && !(g_array_index (p->words, CueWord, comma).gap
              & (CUE_GAP_COMMA | CUE_GAP_STOP)))
    comma++;
  return before_past_date (v, p, s0, comma);
}

/* "Until 30 June 2025 household businesses registered at the district
 * level", "Đến hết 30/6/2025, hồ sơ nộp tại UBND huyện": the sentence
 * before word w0 tells what held until a date before the key's, so a
 * name in it is history. */
gboolean
match_held_until_past (View *v, const AnswerPart *p, guint w0)
{
  gboolean lenient = v->a->lenient;
  for (guint i = answer_sentence_start (p, w0); v->key->as_of && i < w0; i++) {
    /* "until", "đến hết", "cho đến": not "Đến ngày 01/7/2025, …" (by
     * then), which tells what holds from that day */
    if (!answer_word_is (p, i, "until") && !answer_word_is (p, i, "till")
        && !((answer_word_is (p, i, lenient ? "den" : "đến")
              || answer_word_is (p, i, lenient ? "toi" : "tới"))
             && (answer_word_is (p, i + 1, lenient ? "het" : "hết")
                 || (i > 0 && answer_word_is (p, i - 1, "cho")))))
      continue;
    /* "…, còn từ 01/7/2025 bạn đăng ký tại UBND xã": the present comes
     * back before the name */
    gboolean now = FALSE;
    for (guint h = 0; h < p->cues->len && !now; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      now = ch->cls == CUE_NOW && ch->w0 > i && ch->w1 <= w0;
    }
    for (guint k = i + 1; k < w0 && !now; k++)
      now = answer_word_is (p, k, "since")
            || answer_word_is (p, k, lenient ? "con" : "còn")
            || answer_word_is (p, k, "but");
    if (now)
      continue;
    guint last = MIN (i + 4, w0 - 1);
    if (past_date_in (v, p, g_array_index (p->words, CueWord, i).end,
                      g_array_index (p->words, CueWord, last).end))
      return TRUE;
  }
  return FALSE;
}

/* ---- a supposed visit that is sent on ---------------------------------- */

/* Word k of p is one of the pairs' strict (or, lenient, plain) forms. */
static gboolean
word_among (const AnswerPart *p, guint k, const char *const (*pairs)[2],
            gsize n, gboolean lenient)
{
  for (gsize j = 0; j < n; j++)
    if (answer_word_is (p, k, pairs[j][lenient ? 1 : 0]))
      return TRUE;
  return FALSE;
}

/* Whether words from on (to the sentence's end, fifteen at most) send
 * the person elsewhere: "(cán bộ) sẽ hướng dẫn anh (quay) về / lên /
 * sang …", "sẽ bị từ chối", "trả lại hồ sơ", "will direct you to". */
static gboolean
sends_on (const AnswerPart *p, guint from, gboolean lenient)
{
  static const char *const ways[][2] = {
    {"về", "ve"}, {"lên", "len"}, {"sang", "sang"}, {"đến", "den"},
    {"tới", "toi"}, {"ra", "ra"}, {"quay", "quay"}, {"qua", "qua"}};
  static const char *const people[][2] = {
    {"anh", "anh"}, {"chị", "chi"}, {"bạn", "ban"}, {"ông", "ong"},
    {"bà", "ba"}, {"em", "em"}, {"họ", "ho"}};
  for (guint k = from; k < from + 15 && k < p->words->len; k++) {
    if (k > from && (g_array_index (p->words, CueWord, k).gap & CUE_GAP_STOP))
      return FALSE;
    if (answer_word_is (p, k, lenient ? "huong" : "hướng")
        && answer_word_is (p, k + 1, lenient ? "dan" : "dẫn")) {
      guint j = k + 2;
      j += word_among (p, j, people, G_N_ELEMENTS (people), lenient);
      if (word_among (p, j, ways, G_N_ELEMENTS (ways), lenient))
        return TRUE;
    }
    if ((answer_word_is (p, k, lenient ? "tu" : "từ")
         && answer_word_is (p, k + 1, lenient ? "choi" : "chối"))
        || (answer_word_is (p, k, lenient ? "tra" : "trả")
            && answer_word_is (p, k + 1, lenient ? "lai" : "lại"))
        || ((answer_word_is (p, k, "direct") || answer_word_is (p, k, "refer")
             || answer_word_is (p, k, "redirect")
             || answer_word_is (p, k, "send"))
            && answer_word_is (p, k + 1, "you")))
      return TRUE;
  }
  return FALSE;
}

/* "Nếu anh đến UBND phường, cán bộ sẽ hướng dẫn anh lên điểm tiếp nhận
 * khu vực": an office named in a supposed visit ("nếu", "trường hợp",
 * "if" up to its comma or "thì") that the rest of the sentence sends on
 * elsewhere is where the matter is not done. The name at [w0, w1). */
gboolean
match_redirected (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  guint s0 = answer_sentence_start (p, w0), k = w0;
  while (k > s0 && !(g_array_index (p->words, CueWord, k).gap
                     & (CUE_GAP_COMMA | CUE_GAP_COLON)))
    if (answer_word_is (p, --k, lenient ? "thi" : "thì"))
      return FALSE; /* the name is in the main clause */
  gboolean supposed = FALSE;
  for (guint j = k; j < w0 && !supposed; j++)
    supposed = answer_word_is (p, j, lenient ? "neu" : "nếu")
               || (answer_word_is (p, j, lenient ? "truong" : "trường")
                   && answer_word_is (p, j + 1, lenient ? "hop" : "hợp"))
               || answer_word_is (p, j, "if");
  if (!supposed)
    return FALSE;
  guint e = w1; /* the supposition ends at its comma or "thì" */
  while (e < p->words->len && e < w1 + 12
         && !(g_array_index (p->words, CueWord, e).gap
              & (CUE_GAP_COMMA | CUE_GAP_STOP))
         && !answer_word_is (p, e, lenient ? "thi" : "thì"))
    e++;
  if (e >= p->words->len || e >= w1 + 12
      || (g_array_index (p->words, CueWord, e).gap & CUE_GAP_STOP))
    return FALSE;
  return sends_on (p, e, lenient);
}

/* "Công chứng viên chỉ công chứng hợp đồng, giao dịch": an office said to
 * do only a work the question does not word ("công" in a question about
 * "chứng thực") is not the one for the asked matter. Words that tell how
 * much or how it handles the matter ("chỉ cần", "chỉ tiếp nhận", "chỉ
 * cấp") are not another work. The words at w1 after the name. */
gboolean
match_only_else (View *v, const AnswerPart *p, guint w1)
{
  gboolean lenient = v->a->lenient;
  static const char *const general[][2] = {
    {"cần", "can"}, {"mất", "mat"}, {"trong", "trong"}, {"có", "co"},
    {"một", "mot"}, {"thu", "thu"}, {"tốn", "ton"}, {"làm", "lam"},
    {"nhận", "nhan"}, {"tiếp", "tiep"}, {"giải", "giai"}, {"cấp", "cap"},
    {"kí", "ki"}, {"xử", "xu"}, {"là", "la"}, {"được", "duoc"},
    {"tham", "tham"}, {"hỗ", "ho"}, {"phối", "phoi"},
    /* unaccented "chi" is also chị: "nop o UBND xa chi nhe" */
    {"nhé", "nhe"}, {"nha", "nha"}, {"ạ", "a"}, {"ơi", "oi"}};
  if (!answer_word_is (p, w1, lenient ? "chi" : "chỉ")
      || (g_array_index (p->words, CueWord, w1).gap & ~CUE_GAP_OPERATOR)
      || w1 + 1 >= p->words->len
      || g_array_index (p->words, CueWord, w1 + 1).gap
      || word_among (p, w1 + 1, general, G_N_ELEMENTS (general), lenient))
    return FALSE;
  const CueWord *w = &g_array_index (p->words, CueWord, w1 + 1);
  g_autofree char *work = g_strndup (p->norm + w->start, w->end - w->start);
  return !match_question_has_word (v, work);
}

/* "bản có chữ ký của Giám đốc Sở Thông tin và Truyền thông", "con dấu của
 * Sở …", "Giấy phép cũ do Sở … cấp", "giấy phép ghi cơ quan cấp là Sở …":
 * the office as the signer, the seal, the issuer or the text of a paper
 * the asker holds, not where the matter is done now. The name at w0. */
gboolean
match_signed_by (const AnswerPart *p, guint w0, gboolean lenient)
{
  if (w0 >= 2 && answer_word_is (p, w0 - 1, "do")
      && answer_word_is (p, w0 - 2, lenient ? "cu" : "cũ"))
    return TRUE;
  for (guint k = w0 > 5 ? w0 - 5 : 0; k + 1 < w0; k++)
    if ((answer_word_is (p, k, lenient ? "chu" : "chữ")
         && answer_word_is (p, k + 1, lenient ? "ki" : "kí"))
        || (answer_word_is (p, k, "con")
            && answer_word_is (p, k + 1, lenient ? "dau" : "dấu")))
      return TRUE;
  /* "giấy phép ghi cơ quan cấp là Sở …", "thẻ cũ ghi …": what a paper the
   * asker holds reads */
  for (guint k = w0 > 6 ? w0 - 6 : 0; k < w0; k++) {
    if (!answer_word_is (p, k, "ghi"))
      continue;
    for (guint j = k > 6 ? k - 6 : 0; j < k; j++)
      if ((answer_word_is (p, j, lenient ? "giay" : "giấy")
           || answer_word_is (p, j, lenient ? "the" : "thẻ")
           || answer_word_is (p, j, lenient ? "phieu" : "phiếu")
           || answer_word_is (p, j, lenient ? "chieu" : "chiếu"))
          /* an appointment slip or a receipt tells where to go:
           * "phiếu hẹn ghi nơi trả kết quả là …" */
          && !answer_word_is (p, j + 1, lenient ? "hen" : "hẹn")
          && !answer_word_is (p, j + 1, lenient ? "bien" : "biên"))
        return TRUE;
  }
  return FALSE;
}

/* "Bộ Khoa học và Công nghệ nay quản lý viễn thông, bưu chính, tần số vô
 * tuyến điện, …": an office said to manage a list of three fields or more,
 * none opening on two words of the question, is named for those fields, not
 * for the asked one; so is one the list comes before ("A, B, C vẫn thuộc
 * Bộ …"). The name is at [w0, w1). */
/* Whether the item of a list opening at word j of p names a field of
 * the question: its first two words (one, before a pause) as the
 * question has them ("công nghệ thông tin" is no field of "Công ty …"). */
static gboolean
item_asked (View *v, const AnswerPart *p, guint j)
{
  const CueWord *w = &g_array_index (p->words, CueWord, j);
  const CueWord *w2 = j + 1 < p->words->len
                              && !(g_array_index (p->words, CueWord, j + 1).gap
                                   & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_COLON))
                          ? &g_array_index (p->words, CueWord, j + 1) : w;
  g_autofree char *head = g_strndup (p->norm + w->start, w2->end - w->start);
  return match_question_has_phrase (v, head);
}

/* "Viễn thông, tần số, giao dịch điện tử vẫn thuộc Bộ KH&CN": a list of
 * three fields or more, none asked, before "thuộc" right before the name
 * at w0. */
static gboolean
listed_before (View *v, const AnswerPart *p, guint w0)
{
  gboolean lenient = v->a->lenient;
  guint k = w0;
  if (k == 0 || !answer_word_is (p, k - 1, lenient ? "thuoc" : "thuộc"))
    return FALSE;
  k--;
  while (k > 0 && (answer_word_is (p, k - 1, lenient ? "van" : "vẫn")
                   || answer_word_is (p, k - 1, lenient ? "deu" : "đều")
                   || answer_word_is (p, k - 1, "nay")))
    k--;
  guint start = k; /* the clause's first word */
  while (start > 0 && !(g_array_index (p->words, CueWord, start).gap
                        & (CUE_GAP_STOP | CUE_GAP_COLON)))
    start--;
  guint items = 0;
  for (guint j = start; j < k; j++) {
    if (j > start && !(g_array_index (p->words, CueWord, j).gap & CUE_GAP_COMMA))
      continue;
    if (item_asked (v, p, j))
      return FALSE;
    items++;
  }
  return items >= 3;
}

gboolean
match_manages_others (View *v, const AnswerPart *p, guint w0, guint w1)
{
  gboolean lenient = v->a->lenient;
  if (listed_before (v, p, w0))
    return TRUE;
  guint k = w1;
  while (k < w1 + 2 && (answer_word_is (p, k, "nay")
                        || answer_word_is (p, k, lenient ? "hien" : "hiện")
                        || answer_word_is (p, k, lenient ? "chi" : "chỉ")))
    k++;
  /* "quản lý", "phụ trách", "(tiếp) nhận" the fields: "Sở KH&CN chỉ
   * nhận các lĩnh vực viễn thông, bưu chính, tần số, … " */
  guint first;
  if ((answer_word_is (p, k, lenient ? "quan" : "quản")
       && answer_word_is (p, k + 1, lenient ? "li" : "lí"))
      || (answer_word_is (p, k, lenient ? "phu" : "phụ")
          && answer_word_is (p, k + 1, lenient ? "trach" : "trách"))
      || (answer_word_is (p, k, lenient ? "tiep" : "tiếp")
          && answer_word_is (p, k + 1, lenient ? "nhan" : "nhận")))
    first = k + 2;
  else if (answer_word_is (p, k, lenient ? "nhan" : "nhận"))
    first = k + 1;
  else
    return FALSE;
  if (answer_word_is (p, first, lenient ? "cac" : "các"))
    first++;
  if (answer_word_is (p, first, lenient ? "linh" : "lĩnh")
      && answer_word_is (p, first + 1, lenient ? "vuc" : "vực"))
    first += 2;
  guint items = 0;
  for (guint j = first; j < p->words->len; j++) {
    guint8 gap = g_array_index (p->words, CueWord, j).gap;
    if (gap & (CUE_GAP_STOP | CUE_GAP_COLON))
      break;
    if (j > first && !(gap & CUE_GAP_COMMA))
      continue;
    /* "…, không nhận xuất bản": the list ends on what it does not do */
    if (answer_word_is (p, j, lenient ? "khong" : "không")
        || answer_word_is (p, j, "not"))
      break;
    if (item_asked (v, p, j))
      return FALSE; /* the list holds the asked field */
    items++;
  }
  return items >= 3;
}

/* Whether words k, k+1 of p are "(cơ quan|cấp|phòng|sở|bộ) (này|đó|ấy|trên)",
 * the office or level just named. */
static gboolean
names_it_again (const AnswerPart *p, guint k, gboolean lenient)
{
  static const char *const heads[][2] = {
    {"cấp", "cap"}, {"phòng", "phong"}, {"sở", "so"}, {"bộ", "bo"}};
  static const char *const these[][2] = {
    {"này", "nay"}, {"đó", "do"}, {"ấy", "ay"}, {"trên", "tren"}};
  int m = lenient ? 1 : 0;
  guint w = k;
  gboolean head = answer_word_is (p, w, lenient ? "co" : "cơ")
                  && answer_word_is (p, w + 1, "quan");
  if (head)
    w++;
  for (gsize i = 0; !head && i < G_N_ELEMENTS (heads); i++)
    head = answer_word_is (p, w, heads[i][m]);
  for (gsize i = 0; head && i < G_N_ELEMENTS (these); i++)
    if (answer_word_is (p, w + 1, these[i][m]))
      return TRUE;
  return FALSE;
}

/* "Không có … nào ở cấp huyện vì cấp này đã bỏ từ 01/7/2025": later in
 * the name's sentence, the office or level named again is said to be
 * dropped or gone. */
gboolean
match_gone_after (View *v, const AnswerPart *p, guint w1)
{
  gboolean lenient = v->a->lenient;
  for (guint k = w1; k + 2 < p->words->len; k++) {
    if (k > w1 && (g_array_index (p->words, CueWord, k).gap & CUE_GAP_STOP))
      return FALSE;
    if (!names_it_again (p, k, lenient))
      continue;
    for (guint j = k + 2; j < k + 6 && j < p->words->len; j++) {
      if (answer_word_is (p, j, lenient ? "bo" : "bỏ"))
        return TRUE;
      for (guint h = 0; h < p->cues->len; h++) {
        const CueHit *ch = &g_array_index (p->cues, CueHit, h);
        if (ch->w0 == j && (ch->cls == CUE_ENDED || ch->cls == CUE_NEG_AFTER))
          return TRUE;
      }
    }
  }
  return FALSE;
}

/* "Hồ sơ nộp tại Sở Thông tin và Truyền thông (nội tỉnh). Các cơ quan này
 * nay không còn.": the next sentence of the paragraph opens on the
 * offices just named ("(các|những|hai) cơ quan (này|đó|trên|ấy)") and
 * says, within its first words, that they are no more or gone by. */
gboolean
match_gone_next (View *v, guint i)
{
  gboolean lenient = v->a->lenient;
  if (i + 1 >= v->a->parts->len)
    return FALSE;
  const AnswerPart *p = answer_part (v->a, i), *q = answer_part (v->a, i + 1);
  if (q->line != p->line || q->kind != p->kind || q->words->len < 4)
    return FALSE;
  guint w = answer_word_is (q, 0, lenient ? "cac" : "các")
                    || answer_word_is (q, 0, lenient ? "nhung" : "những")
                    || answer_word_is (q, 0, "hai")
                ? 1 : 0;
  if (!answer_word_is (q, w, lenient ? "co" : "cơ")
      || !answer_word_is (q, w + 1, "quan")
      || !(answer_word_is (q, w + 2, lenient ? "nay" : "này")
           || answer_word_is (q, w + 2, lenient ? "do" : "đó")
           || answer_word_is (q, w + 2, lenient ? "tren" : "trên")
           || answer_word_is (q, w + 2, lenient ? "ay" : "ấy")))
    return FALSE;
  for (guint h = 0; h < q->cues->len; h++) {
    const CueHit *ch = &g_array_index (q->cues, CueHit, h);
    if ((ch->cls == CUE_ENDED || ch->cls == CUE_NEG_AFTER || ch->cls == CUE_HIST)
        && ch->w0 <= w + 6)
      return TRUE;
  }
  return FALSE;
}

/* "**Hiện vật B.2 – Luật An ninh mạng, Luật số 24/2018/QH14**" over a body
 * whose own words say it ended ("Chú thích: hết hiệu lực từ 1/7/2026",
 * "thay bằng Luật 116/2025/QH15"), never citing the heading's law again
 * ("… nhưng Điều 26 Luật 24/2018/QH14 vẫn áp dụng"): the heading's law is
 * history. */
gboolean
match_heading_ended (View *v, guint i)
{
  const AnswerPart *head = answer_part (v->a, i);
  if (head->kind != PART_HEADING)
    return FALSE;
  answer_scan (v->a, ANSWER_CITES);
  gboolean ended = FALSE;
  for (guint j = i + 1; j < v->a->parts->len; j++) {
    const AnswerPart *q = answer_part (v->a, j);
    if (q->heading != (gint) i || q->kind == PART_HEADING)
      break;
    for (guint c = 0; c < q->cites->len; c++)
      for (guint h = 0; h < head->cites->len; h++)
        if (citation_matches (q->cites->pdata[c],
                              ((const CitationMention *) head->cites->pdata[h])->canonical))
          return FALSE;
    for (guint h = 0; h < q->cues->len; h++)
      ended |= g_array_index (q->cues, CueHit, h).cls == CUE_ENDED;
  }
  return ended;
}

/* "- … số 24/2018/QH14 – điều chỉnh …" then "- … số 116/2025/QH15 – hợp
 * nhất và thay thế cả hai luật trên": within the next three parts (no
 * heading between), a text said to replace the ones "above" makes the
 * law of part i history. */
gboolean
match_replaced_below (View *v, guint i)
{
  gboolean lenient = v->a->lenient;
  for (guint j = i + 1; j < v->a->parts->len && j <= i + 3; j++) {
    const AnswerPart *q = answer_part (v->a, j);
    if (q->kind == PART_HEADING)
      return FALSE;
    for (guint k = 0; k + 1 < q->words->len; k++) {
      gboolean verb = (answer_word_is (q, k, "thay")
                       && answer_word_is (q, k + 1, lenient ? "the" : "thế"))
                      || answer_word_is (q, k, "replaces")
                      || answer_word_is (q, k, "supersedes");
      for (guint e = k + 1; verb && e < q->words->len && e <= k + 5; e++)
        if (answer_word_is (q, e, lenient ? "tren" : "trên")
            || answer_word_is (q, e, "above"))
          return TRUE;
    }
  }
  return FALSE;
}

