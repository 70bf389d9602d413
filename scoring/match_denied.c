/* A name the key requires, said not to be needed (scoring/match.h
 * match_denied_name): "Công an không bắt buộc phải nêu lý do", "không
 * phải nộp giấy tờ chứng minh chỗ ở hợp pháp", "Giấy báo tử: không bắt
 * buộc". A belief, a quoted mistake and a case ("… nếu …") deny nothing.
 * Split from match_text.c, which finds where a name is stated. */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/names.h"
#include "scoring/normalize.h"

#include <string.h>

/* A "no need" cue: "không cần", "không bắt buộc", "không phải", "is not
 * required" … */
static gboolean
no_need (const AnswerPart *p, const CueHit *ch, gboolean lenient)
{
  if (ch->cls != CUE_NO_MODAL)
    return FALSE;
  if (answer_word_is (p, ch->w0, lenient ? "khong" : "không"))
    return answer_word_is (p, ch->w0 + 1, lenient ? "can" : "cần")
           || answer_word_is (p, ch->w0 + 1, lenient ? "bat" : "bắt")
           || answer_word_is (p, ch->w0 + 1, lenient ? "phai" : "phải");
  return answer_word_is (p, ch->w1 - 1, "need")
         || answer_word_is (p, ch->w1 - 1, "required");
}

/* The words of p that say something is not needed: the "no need" cues,
 * and "khỏi cần", "khỏi phải", "không yêu cầu", "miễn nộp" ("Giấy báo
 * tử: Không yêu cầu"). Not "tùy chọn", which also means choosing freely
 * ("tùy chọn nộp qua Cổng …"). New GArray of CueHit. */
static GArray *
no_need_spans (const AnswerPart *p, gboolean lenient)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (CueHit));
  for (guint h = 0; h < p->cues->len; h++)
    if (no_need (p, &g_array_index (p->cues, CueHit, h), lenient))
      g_array_append_val (out, g_array_index (p->cues, CueHit, h));
  static const char *const pairs[][4] = {
    {"khỏi", "cần", "khoi", "can"}, {"khỏi", "phải", "khoi", "phai"},
    {"miễn", "nộp", "mien", "nop"}};
  for (guint k = 0; k + 1 < p->words->len && k < G_MAXUINT16; k++) {
    gboolean hit = answer_word_is (p, k, lenient ? "khong" : "không")
                   && answer_word_is (p, k + 1, lenient ? "yeu" : "yêu")
                   && answer_word_is (p, k + 2, lenient ? "cau" : "cầu");
    guint len = hit ? 3 : 2;
    for (gsize i = 0; !hit && i < G_N_ELEMENTS (pairs); i++)
      hit = answer_word_is (p, k, pairs[i][lenient ? 2 : 0])
            && answer_word_is (p, k + 1, pairs[i][lenient ? 3 : 1]);
    if (hit) {
      CueHit c = {CUE_NO_MODAL, (guint16) k, (guint16) (k + len)};
      g_array_append_val (out, c);
    }
  }
  return out;
}

/* A condition in clause [c0, c1): "nếu", "khi", "if", "when". */
static gboolean
conditional_in (const AnswerPart *p, guint c0, guint c1, gboolean lenient)
{
  for (guint k = c0; k < c1 && k < p->words->len; k++)
    if (answer_word_is (p, k, lenient ? "neu" : "nếu")
        || (answer_word_is (p, k, "khi") /* not "như khi xin cấp mới" */
            && !(k > 0 && answer_word_is (p, k - 1, lenient ? "nhu" : "như")))
        || answer_word_is (p, k, "if") || answer_word_is (p, k, "when"))
      return TRUE;
  return FALSE;
}

/* Whether the first words words of hay (a phrase form) end what is said
 * there: nothing after, or only a light word ("trong văn bản", "nữa",
 * "đâu", "thay …", "do … cấp") — "văn bản ủy quyền" is another thing than
 * "văn bản". */
static gboolean
ends_phrase (const char *hay, guint words, gboolean lenient)
{
  /* … or what state it is in ("bản gốc giấy phép bị hư hỏng", "… đã cấp") */
  static const char *const light[] = {"trong", "cho", "nữa", "đâu", "ạ",
                                      "nhé", "thay", "do", "in", "for", "to",
                                      "bị", "đã"};
  static const char *const plain[] = {"trong", "cho", "nua", "dau", "a",
                                      "nhe", "thay", "do", "in", "for", "to",
                                      "bi", "da"};
  const char *q = hay;
  for (guint i = 0; i < words && *q; i++) {
    while (*q == ' ')
      q++;
    while (*q && *q != ' ')
      q++;
  }
  while (*q == ' ')
    q++;
  if (*q == '\0')
    return TRUE;
  gsize n = strcspn (q, " ");
  for (gsize i = 0; i < G_N_ELEMENTS (light); i++) {
    const char *w = lenient ? plain[i] : light[i];
    if (strlen (w) == n && strncmp (q, w, n) == 0)
      return TRUE;
  }
  return FALSE;
}

/* A verb of handing in after a "no need" cue: "không cần nộp", "không
 * phải mang theo", "không bắt buộc xuất trình", "không cần ghi ý kiến …",
 * "do not need to submit". */
static guint
skip_handing (const AnswerPart *p, guint w, gboolean lenient)
{
  static const char *const one[] = {"nộp", "mang", "kèm", "có", "ghi",
                                    "xin", "submit", "bring", "provide",
                                    "attach"};
  static const char *const one_plain[] = {"nop", "mang", "kem", "co", "ghi",
                                          "xin", "submit", "bring",
                                          "provide", "attach"};
  static const char *const after[] = {"lại", "theo", "thêm", "kèm"};
  static const char *const after_plain[] = {"lai", "theo", "them", "kem"};
  if (answer_word_is (p, w, "to"))
    w++;
  if ((answer_word_is (p, w, lenient ? "xuat" : "xuất")
       && answer_word_is (p, w + 1, lenient ? "trinh" : "trình"))
      || (answer_word_is (p, w, lenient ? "chuan" : "chuẩn")
          && answer_word_is (p, w + 1, lenient ? "bi" : "bị"))
      || (answer_word_is (p, w, lenient ? "cung" : "cung")
          && answer_word_is (p, w + 1, lenient ? "cap" : "cấp")))
    return w + 2;
  for (gsize i = 0; i < G_N_ELEMENTS (one); i++)
    if (answer_word_is (p, w, lenient ? one_plain[i] : one[i])) {
      w++;
      for (gsize k = 0; k < G_N_ELEMENTS (after); k++)
        if (answer_word_is (p, w, lenient ? after_plain[k] : after[k]))
          return w + 1;
      return w;
    }
  return w;
}

/* Whether words [from, to) of p open on an alias of a (within `lead`
 * words: "giấy tờ chứng minh chỗ ở hợp pháp" holds "chỗ ở hợp pháp") that
 * ends what is said there. */
static gboolean
opens_on (const AnswerPart *p, guint from, guint to, guint lead,
          const Aliases *a, gboolean lenient)
{
  int m = lenient ? 1 : 0;
  const CueWord *a0 = &g_array_index (p->words, CueWord, from);
  const CueWord *a1 = &g_array_index (p->words, CueWord, to - 1);
  g_autofree char *text = g_strndup (p->norm + a0->start, a1->end - a0->start);
  g_autofree char *plain = normalize_phrase (text, lenient);
  g_autofree char *hay = names_canonical_copy (plain, lenient);
  for (guint k = 0; k < a->form[m]->len; k++) {
    guint word, words;
    const char *alias = a->form[m]->pdata[k];
    if (names_word_count (alias) < 2)
      continue;
    if ((names_find (hay, alias, lenient, &word, &words)
         || names_find_elided (hay, alias, lenient, &word, &words))
        && word <= lead && ends_phrase (hay, word + words, lenient))
      return TRUE;
  }
  return FALSE;
}

/* A dash between word w - 1 and word w of p ("- ", "–", "—"). */
static gboolean
dash_before (const AnswerPart *p, guint w)
{
  const CueWord *prev = &g_array_index (p->words, CueWord, w - 1);
  const CueWord *next = &g_array_index (p->words, CueWord, w);
  g_autofree char *between = g_strndup (p->norm + prev->end,
                                        next->start - prev->end);
  return strstr (between, "-") || strstr (between, "–")
         || strstr (between, "—");
}

/* Whether what is said ends before word w: the part's end, or a comma,
 * stop, bracket or dash ("Giấy báo tử: không bắt buộc – nếu …", "Không
 * yêu cầu (…)"). */
static gboolean
said_in_full (const AnswerPart *p, guint w)
{
  if (w >= p->words->len)
    return TRUE;
  const CueWord *next = &g_array_index (p->words, CueWord, w);
  if (next->gap & (CUE_GAP_COMMA | CUE_GAP_STOP | CUE_GAP_OPEN | CUE_GAP_CLOSE))
    return TRUE;
  return dash_before (p, w);
}

/* "Giấy báo tử: không bắt buộc", "☐ 60 tuổi — không bắt buộc, …": a line
 * labelled by the name says it is not needed. */
static gboolean
labels_no_need (const AnswerPart *p, const CueHit *ch, const Aliases *a,
                gboolean lenient)
{
  if (ch->w0 == 0 || ch->w0 > 8 || !said_in_full (p, ch->w1))
    return FALSE;
  guint gap = g_array_index (p->words, CueWord, ch->w0).gap;
  if (gap & (CUE_GAP_COMMA | CUE_GAP_STOP))
    return FALSE;
  /* the name itself labels the line: not "☐ Dưới 14 tuổi — không bắt
   * buộc" beside "☑ Đủ 14 tuổi — bắt buộc" */
  return opens_on (p, 0, ch->w0, 0, a, lenient)
         && !conditional_in (p, 0, ch->w0, lenient);
}

/* The end of what follows word from: up to eight words, not past the
 * sentence's end (a comma does not end it: "cha, mẹ"). */
static guint
words_on (const AnswerPart *p, guint from)
{
  guint to = from + 1;
  while (to < p->words->len && to < from + 8
         && !(g_array_index (p->words, CueWord, to).gap & CUE_GAP_STOP))
    to++;
  return to;
}

/* "không (còn) nhận / chấp nhận / tiếp nhận / công nhận" at word k: the
 * word after it, or 0. */
static guint
not_accepted_at (const AnswerPart *p, guint k, gboolean lenient)
{
  if (!answer_word_is (p, k, lenient ? "khong" : "không"))
    return 0;
  guint w = k + 1;
  if (answer_word_is (p, w, lenient ? "con" : "còn"))
    w++;
  if (answer_word_is (p, w, lenient ? "nhan" : "nhận"))
    return w + 1;
  if ((answer_word_is (p, w, lenient ? "chap" : "chấp")
       || answer_word_is (p, w, lenient ? "tiep" : "tiếp")
       || answer_word_is (p, w, lenient ? "cong" : "công"))
      && answer_word_is (p, w + 1, lenient ? "nhan" : "nhận"))
    return w + 2;
  return 0;
}

/* "… không đủ căn cứ", "không có giá trị", "không hợp lệ", "không được
 * chấp nhận" from word k on: its end, or 0. */
static guint
not_valid_at (const AnswerPart *p, guint k, gboolean lenient)
{
  if (!answer_word_is (p, k, lenient ? "khong" : "không"))
    return 0;
  if (answer_word_is (p, k + 1, lenient ? "du" : "đủ")
      && (answer_word_is (p, k + 2, lenient ? "can" : "căn")
          || answer_word_is (p, k + 2, lenient ? "gia" : "giá")))
    return k + 4;
  if (answer_word_is (p, k + 1, lenient ? "co" : "có")
      && answer_word_is (p, k + 2, lenient ? "gia" : "giá")
      && answer_word_is (p, k + 3, lenient ? "tri" : "trị"))
    return k + 4;
  if (answer_word_is (p, k + 1, lenient ? "hop" : "hợp")
      && answer_word_is (p, k + 2, lenient ? "le" : "lệ"))
    return k + 3;
  if (answer_word_is (p, k + 1, lenient ? "duoc" : "được")
      && answer_word_is (p, k + 2, lenient ? "chap" : "chấp")
      && answer_word_is (p, k + 3, lenient ? "nhan" : "nhận"))
    return k + 4;
  return 0;
}

/* "Cán bộ xã không nhận giấy cam đoan thay giấy chứng sinh nữa",
 * "Giấy cam đoan do gia đình tự viết thì không đủ căn cứ": a paper the
 * key accepts, said not to be accepted. The words (new), or NULL. */
static char *
refused_name (View *v, const AnswerPart *p, const Aliases *a)
{
  gboolean lenient = v->a->lenient;
  for (guint k = 0; k + 2 < p->words->len; k++) {
    if (!answer_word_is (p, k, lenient ? "khong" : "không"))
      continue; /* both readings open on it */
    guint from = not_accepted_at (p, k, lenient), end = 0;
    guint s0 = answer_sentence_start (p, k), to = words_on (p, from);
    gboolean hit = from > 0 && from < p->words->len
                   && opens_on (p, from, to, 0, a, lenient);
    /* the paper as its sentence's subject, refused later in it */
    if (!hit && (end = not_valid_at (p, k, lenient)) > 0 && k > s0 + 1)
      hit = opens_on (p, s0, MIN (k, s0 + 6), 3, a, lenient);
    if (!hit || claims_polarity (v->a, p, k, k + 1) != POL_STATED
        || conditional_in (p, s0, MAX (to, end), lenient))
      continue;
    const CueWord *a0 = &g_array_index (p->words, CueWord, end ? s0 : k);
    const CueWord *a1 = &g_array_index (p->words, CueWord,
                                        MIN (end ? end : to, p->words->len) - 1);
    return g_strndup (p->norm + a0->start, a1->end - a0->start);
  }
  return NULL;
}

/* "Công an không bắt buộc phải nêu lý do", "không phải nộp giấy tờ chứng
 * minh chỗ ở hợp pháp", "Giấy báo tử: không bắt buộc": a statement or a
 * paper the key requires, said not to be needed — the answer denies it,
 * whatever else of the fact it states. The denied words (new), or NULL. */
char *
match_denied_name (View *v, const Aliases *a, gboolean *refused)
{
  *refused = FALSE;
  gboolean lenient = v->a->lenient;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    g_autoptr (GArray) spans = p->quoted ? NULL : no_need_spans (p, lenient);
    for (guint h = 0; spans && h < spans->len; h++) {
      const CueHit *ch = &g_array_index (spans, CueHit, h);
      if (claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED)
        continue; /* "Nhiều người nghĩ không cần nộp …": a belief */
      if (labels_no_need (p, ch, a, lenient)) {
        const CueWord *n1 = &g_array_index (p->words, CueWord, ch->w1 - 1);
        return g_strndup (p->norm, n1->end);
      }
      /* "| Giấy báo tử | Không yêu cầu (…) |": a cell that opens on it, in
       * the row the paper heads */
      const AnswerPart *head = ch->w0 == 0 && p->row_head >= 0
                                       && (guint) p->row_head != i
                                   ? answer_part (v->a, (guint) p->row_head)
                                   : NULL;
      if (head != NULL && head->words->len > 0 && said_in_full (p, ch->w1)
          && !conditional_in (p, 0, p->words->len, lenient)
          && opens_on (head, 0, head->words->len, 0, a, lenient)) {
        const CueWord *n1 = &g_array_index (p->words, CueWord, ch->w1 - 1);
        return g_strdup_printf ("%s | %.*s", head->norm, (int) n1->end, p->norm);
      }
      if (ch->w1 >= p->words->len)
        continue;
      guint from = ch->w1, c0, c1;
      if (answer_word_is (p, from, lenient ? "phai" : "phải"))
        from++;
      guint lead = 0;
      guint verb = skip_handing (p, from, lenient);
      if (verb > from) {
        from = verb;
        lead = 4; /* "không phải nộp giấy tờ chứng minh chỗ ở hợp pháp" */
      }
      /* "không cần nộp bản giấy điều lệ", "… bản sao …": the form of a
       * copy, not the paper itself ("bản gốc", the original, is one) */
      if (from >= p->words->len
          || (lead > 0 && answer_word_is (p, from, lenient ? "ban" : "bản")
              && !answer_word_is (p, from + 1, lenient ? "goc" : "gốc")
              && !answer_word_is (p, from + 1, lenient ? "chinh" : "chính")))
        continue;
      claims_clause (p, from, from + 1, &c0, &c1);
      /* past the comma of "cha, mẹ", up to the sentence's end */
      guint to = words_on (p, from);
      guint s1 = to; /* … to the end of the clause the name ends in */
      while (s1 < p->words->len
             && !(g_array_index (p->words, CueWord, s1).gap
                  & (CUE_GAP_STOP | CUE_GAP_COMMA | CUE_GAP_COLON)))
        s1++;
      /* … where a dash ends it too: "… — báo cáo này chỉ nộp khi gia
       * hạn" gives a reason, it puts no condition on the denial */
      guint cut = MAX (c1, s1);
      for (guint k = from + 1; k < cut; k++)
        if (dash_before (p, k)) {
          cut = k;
          break;
        }
      /* "… không cần văn bản ủy quyền nếu tự đi nộp"; "khi con đủ 18
       * tuổi, các lần gia hạn sau không cần ý kiến của cha mẹ": the
       * sentence opens on another case */
      guint s0 = answer_sentence_start (p, c0);
      if (conditional_in (p, c0, cut, lenient)
          || (s0 < c0 && conditional_in (p, s0, s0 + 1, lenient)))
        continue;
      if (!opens_on (p, from, MIN (MAX (c1, from + 1), to), lead, a, lenient)
          && !opens_on (p, from, to, lead, a, lenient))
        continue;
      const CueWord *n0 = &g_array_index (p->words, CueWord, ch->w0);
      const CueWord *a1 = &g_array_index (p->words, CueWord, to - 1);
      return g_strndup (p->norm + n0->start, a1->end - n0->start);
    }
    char *words = p->quoted ? NULL : refused_name (v, p, a);
    if (words != NULL) {
      *refused = TRUE;
      return words;
    }
  }
  return NULL;
}
