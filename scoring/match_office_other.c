/* Another office in the reply (scoring/match.h): an agency fact's key
 * office is named, but the answer's reply to the question — its labelled
 * field ("Cơ quan thực hiện:", "Nơi nộp:", "Nơi chứng thực bản sao:"), its
 * reply sentence, the place it says to hand the file in — names another
 * one. Split from match_text.c, which finds the names. */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/names.h"
#include "scoring/normalize.h"

#include <string.h>

/* Whether words [w0, w1) of p, in agency form, hold an alias of a. */
static gboolean
words_name (View *v, const AnswerPart *p, guint w0, guint w1, const Aliases *a)
{
  gboolean lenient = v->a->lenient;
  const CueWord *a0 = &g_array_index (p->words, CueWord, w0);
  const CueWord *a1 = &g_array_index (p->words, CueWord, w1 - 1);
  g_autofree char *text = g_strndup (p->norm + a0->start, a1->end - a0->start);
  g_autofree char *plain = normalize_phrase (text, lenient);
  g_autofree char *form = names_agency_form_copy (plain, lenient, FALSE);
  int m = lenient ? 1 : 0;
  for (guint k = 0; a && k < a->form[m]->len; k++)
    if (names_find (form, a->form[m]->pdata[k], lenient, NULL, NULL))
      return TRUE;
  return FALSE;
}

/* The office at w is what the reply says does it or where it is done:
 * "do", "thuộc", "tại", "ở", "cho", "về", "sang", "by" (normalized
 * "bi"; unaccented, "bị" too: "bị Sở … trả lại"), "to", "under"
 * right before it — not "cần văn bản thẩm định của Sở …", "xin ý kiến Sở
 * …". */
static gboolean
agent_before (View *v, const AnswerPart *p, guint w)
{
  static const char *const strict[] = {"do", "thuộc", "tại", "ở", "cho",
                                       "về", "sang", "bi", "to", "under",
                                       "with", "là"};
  static const char *const plain[] = {"do", "thuoc", "tai", "o", "cho",
                                      "ve", "sang", "bi", "to", "under",
                                      "with", "la"};
  const char *const *set = v->a->lenient ? plain : strict;
  for (guint k = w >= 2 ? w - 2 : 0; k < w; k++)
    for (gsize i = 0; i < G_N_ELEMENTS (strict); i++)
      if (answer_word_is (p, k, set[i]))
        return TRUE;
  return FALSE;
}

/* "… nay nộp tại Công an xã": to a question on where to hand a file in
 * ("… nộp ở UBND huyện hay UBND xã?"), the office right after "nộp tại",
 * "nộp ở", "nộp về", "nộp cho" is the reply's place, whatever its kind. */
static gboolean
handed_in_at (View *v, const AnswerPart *p, guint w)
{
  gboolean lenient = v->a->lenient;
  if (w < 2 || !answer_word_is (p, w - 2, lenient ? "nop" : "nộp")
      || !match_question_has_word (v, lenient ? "nop" : "nộp"))
    return FALSE;
  return answer_word_is (p, w - 1, lenient ? "tai" : "tại")
         || answer_word_is (p, w - 1, lenient ? "o" : "ở")
         || answer_word_is (p, w - 1, lenient ? "ve" : "về")
         || answer_word_is (p, w - 1, "cho");
}

/* "ví dụ hóa đơn điện tử … do Bộ Tài chính hướng dẫn": an example
 * before word w in its sentence. */
static gboolean
example_before (const AnswerPart *p, guint w)
{
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_EXAMPLE && ch->w1 <= w)
      return TRUE;
  }
  return FALSE;
}

/* "Như vậy, lĩnh vực bưu chính hiện do **Bộ Văn hóa, Thể thao và Du
 * lịch** quản lý": a sentence that says the question back names, as
 * stated, a ministry or department (cues.tsv "office") that is not the
 * key's, nor one the question names, nor one the key forbids, and no
 * alias of the key — the answer's own reply names another office,
 * whatever it says of the key's elsewhere. Its words (new), or NULL. */
/* How many parts open on an answer label ("Trả lời:", "Answer:"). */
static guint
labelled_parts (View *v)
{
  guint n = 0;
  for (guint i = 0; i < v->a->parts->len; i++)
    n += match_answer_label_end (answer_part (v->a, i), v->a->lenient)
         != G_MAXUINT;
  return n;
}

/* Whether part i says the question back, or is the first sentence (any
 * sentence: section) under a heading that asks it again ("**Ý 3 — An
 * toàn thông tin mạng hiện nay thuộc bộ nào?**" then "Thuộc Bộ …"): the
 * answer's own reply. */
static gboolean
replies (View *v, guint i, gboolean section)
{
  const AnswerPart *p = answer_part (v->a, i);
  /* "**Trả lời:** … hồ sơ … do Ủy ban nhân dân cấp xã … giải quyết" —
   * the one reply so labelled, not each answer of a FAQ */
  if (match_echoes_question (v, i)
      || (match_answer_label_end (p, v->a->lenient) != G_MAXUINT
          && labelled_parts (v) == 1))
    return TRUE;
  if (p->heading < 0 || (!section && (guint) p->heading + 1 != i))
    return FALSE;
  const AnswerPart *h = answer_part (v->a, (guint) p->heading);
  return answer_text_asks (h->norm) && match_echoes_question (v, (guint) p->heading);
}

/* Whether a "Nơi …" label's word w says where the asked matter is done:
 * a generic verb ("Nơi nộp", "Nơi thực hiện", "Nơi làm", "Nơi tiếp
 * nhận", "Nơi giải quyết") or a word of the question ("Nơi chứng thực
 * bản sao" to "chứng thực bản sao ở đâu?") — not "Nơi cấp bản chính", the
 * issuer of another paper. */
static gboolean
where_of_the_asked (View *v, const AnswerPart *p, guint w)
{
  static const char *const generic[][2] = {
    {"nộp", "nop"}, {"thực", "thuc"}, {"làm", "lam"}, {"tiếp", "tiep"},
    {"giải", "giai"}};
  gboolean lenient = v->a->lenient;
  for (gsize i = 0; i < G_N_ELEMENTS (generic); i++)
    if (answer_word_is (p, w, generic[i][lenient ? 1 : 0]))
      return TRUE;
  const CueWord *cw = &g_array_index (p->words, CueWord, w);
  g_autofree char *word = g_strndup (p->norm + cw->start, cw->end - cw->start);
  return match_question_has_word (v, word);
}

/* Whether the words of p before word k, past numbering and marks, end on
 * a field label of the office that handles the matter ("Cơ quan thực
 * hiện", "Nơi nộp hồ sơ", "Cơ quan có thẩm quyền"), at most six words. */
static gboolean
office_field_label (View *v, const AnswerPart *p, guint k, gboolean lenient,
                    gboolean receiving)
{
  /* the office that decides, then (receiving) where a file is handed in:
   * a question on who decides is not answered by where to hand it in */
  static const char *const labels[][2] = {
    {"cơ quan thực hiện", "co quan thuc hien"},
    {"cơ quan giải quyết", "co quan giai quyet"},
    {"cơ quan có thẩm quyền", "co quan co tham quyen"},
    {"cơ quan cấp", "co quan cap"},
    {"nơi thực hiện", "noi thuc hien"}, {"nơi giải quyết", "noi giai quyet"},
    {"competent authority", "competent authority"},
    {"cơ quan tiếp nhận", "co quan tiep nhan"},
    {"nơi nộp", "noi nop"}, {"nơi nộp hồ sơ", "noi nop ho so"},
    {"nơi tiếp nhận", "noi tiep nhan"},
    {"nơi tiếp nhận hồ sơ", "noi tiep nhan ho so"}};
  const gsize deciding = 7;
  if (k == 0 || k > 6)
    return FALSE;
  /* any "Nơi …" label of a line names where: "Nơi chứng thực bản sao:",
   * "Nơi đăng ký:" — not a table's row, whose columns may set two places
   * side by side ("| Nơi làm | UBND cấp xã | Tổ chức công chứng |") */
  guint first = 0;
  while (first < k && g_ascii_isdigit (p->norm[g_array_index (p->words, CueWord,
                                                              first).start]))
    first++;
  if (receiving && p->kind != PART_CELL && p->kind != PART_HEAD && first + 1 < k
      && answer_word_is (p, first, lenient ? "noi" : "nơi")
      && where_of_the_asked (v, p, first + 1))
    return TRUE;
  const CueWord *last = &g_array_index (p->words, CueWord, k - 1);
  for (gsize i = 0; i < (receiving ? G_N_ELEMENTS (labels) : deciding); i++) {
    const char *l = labels[i][lenient ? 1 : 0];
    gsize n = strlen (l);
    if (last->end >= n && strncmp (p->norm + last->end - n, l, n) == 0
        && (last->end == n || !g_ascii_isalnum (p->norm[last->end - n - 1])))
      return TRUE;
  }
  return FALSE;
}

/* Whether office (normalized text) is, or is within, an office some
 * agency fact of the key names ("công an cấp tỉnh" of "Phòng Quản lý xuất
 * nhập cảnh Công an tỉnh"; a key's second office, for its fee). */
static gboolean
key_office (View *v, const char *office)
{
  gboolean lenient = v->a->lenient;
  g_autofree char *plain = normalize_phrase (office, lenient);
  g_autofree char *form = names_agency_form_copy (plain, lenient, FALSE);
  g_strstrip (form);
  for (guint i = 0; i < v->key->facts->len; i++) {
    const Fact *f = v->key->facts->pdata[i];
    for (guint k = 0; f->type == FACT_AGENCY && f->aliases
                      && k < f->aliases->form[lenient ? 1 : 0]->len; k++)
      if (strstr (f->aliases->form[lenient ? 1 : 0]->pdata[k], form))
        return TRUE;
  }
  return FALSE;
}

/* "Trung tâm phục vụ hành chính công phường X", "… của xã": the commune's
 * own one-stop centre (the office at [w0, w1) opens on "trung tâm") answers
 * a key of the commune's People's Committee, the province's one a key of
 * a provincial department. */
static gboolean
of_key_level (View *v, const AnswerPart *p, guint w0, guint w1, const Fact *f)
{
  gboolean lenient = v->a->lenient;
  if (!answer_word_is (p, w0, lenient ? "trung" : "trung"))
    return FALSE;
  guint k = w1 + (answer_word_is (p, w1, lenient ? "cua" : "của")
                  || answer_word_is (p, w1, lenient ? "cap" : "cấp"));
  gboolean commune = answer_word_is (p, k, lenient ? "xa" : "xã")
                     || answer_word_is (p, k, lenient ? "phuong" : "phường")
                     || (answer_word_is (p, k, lenient ? "dac" : "đặc")
                         && answer_word_is (p, k + 1, "khu"));
  /* "Trung tâm phục vụ hành chính công tỉnh" receives for the
   * province's departments */
  gboolean province = answer_word_is (p, k, lenient ? "tinh" : "tỉnh")
                      || (answer_word_is (p, k, lenient ? "thanh" : "thành")
                          && answer_word_is (p, k + 1, lenient ? "pho" : "phố"));
  if (!commune && !province)
    return FALSE;
  for (guint a = 0; f->aliases && a < f->aliases->raw->len; a++) {
    g_autofree char *n = normalize_text (f->aliases->raw->pdata[a], FALSE);
    g_autofree char *padded = g_strconcat (" ", n, " ", NULL);
    if (commune && (strstr (padded, " xã ") != NULL || strstr (padded, " phường ") != NULL))
      return TRUE;
    if (province && (strstr (padded, " sở ") != NULL || strstr (padded, " tỉnh ") != NULL))
      return TRUE;
  }
  return FALSE;
}

/* Whether the question asks where the matter is done or which office
 * does it ("… làm ở đâu?", "nộp cho cơ quan nào?", "ra UBND phường hay
 * lên huyện?"), not who sets a fee or
 * manages a field; *deciding when it asks who decides ("cơ quan nào giải
 * quyết", "thẩm quyền"). */
static gboolean
asks_where (View *v, gboolean *deciding)
{
  static const char *const where[] = {"ở đâu", "nơi nào", "chỗ nào",
                                      "where"};
  static const char *const which[] = {"cơ quan nào", "which office"};
  static const char *const other[] = {"qui định", "ban hành", "quản lí",
                                      "lệ phí", "thời hạn"};
  if (v->key->question == NULL)
    return FALSE;
  g_autofree char *q = normalize_text (v->key->question, FALSE);
  /* "… đăng ký khai tử ở đâu và trong thời hạn bao lâu?" asks where,
   * whatever else it asks */
  for (gsize i = 0; i < G_N_ELEMENTS (where); i++)
    if (strstr (q, where[i]) != NULL) {
      *deciding = strstr (q, "giải quyết") != NULL || strstr (q, "thẩm quyền") != NULL;
      return TRUE;
    }
  gboolean asks = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (which); i++)
    asks |= strstr (q, which[i]) != NULL;
  /* "ra UBND phường hay phải lên huyện?": offices offered to choose from */
  static const char *const offices[] = {" huyện", " xã", " phường", " tỉnh",
                                        "ubnd", "uỷ ban", "công an", " sở ",
                                        " bộ "};
  const char *alt = strstr (q, " hay ");
  for (gsize i = 0; alt != NULL && i < G_N_ELEMENTS (offices); i++)
    asks |= strstr (alt, offices[i]) != NULL;
  for (gsize i = 0; asks && i < G_N_ELEMENTS (other); i++)
    asks &= strstr (q, other[i]) == NULL;
  *deciding = strstr (q, "giải quyết") != NULL || strstr (q, "thẩm quyền") != NULL;
  return asks;
}

/* Whether words [w0, w1) of p name an alias of a as stated: not "Sở Tư
 * pháp, không phải UBND phường", which sets the key's office aside. The
 * last alias named, then any before it. */
static gboolean
field_names_key (View *v, const AnswerPart *p, guint w0, guint w1,
                 const Aliases *a)
{
  if (!words_name (v, p, w0, w1, a))
    return FALSE;
  guint s = w0, e = w1;
  while (s + 1 < w1 && words_name (v, p, s + 1, w1, a))
    s++;
  while (e > s + 1 && words_name (v, p, s, e - 1, a))
    e--;
  return claims_polarity (v->a, p, s, e) == POL_STATED
         || field_names_key (v, p, w0, s, a);
}

/* "**Cơ quan thực hiện:** Sở Tư pháp tỉnh", "| Nơi nộp | Sở Tư pháp |":
 * a field of the office that handles the matter filled with another
 * office (cues.tsv "office"), as stated, naming no alias of the key. The
 * office's words (new), or NULL. */
static char *
field_names_other (View *v, const Fact *f)
{
  gboolean lenient = v->a->lenient, deciding;
  if (!asks_where (v, &deciding))
    return NULL;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->words->len == 0)
      continue;
    guint k = 0; /* the field's first word */
    if (p->kind == PART_CELL && p->row_head >= 0 && p->col == 1) {
      const AnswerPart *h = answer_part (v->a, (guint) p->row_head);
      if (!office_field_label (v, h, h->words->len, lenient, !deciding))
        continue;
    } else {
      while (k < p->words->len && k <= 6
             && !(g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON))
        k++;
      if (k >= p->words->len || !office_field_label (v, p, k, lenient, !deciding))
        continue;
    }
    guint end = k + 1;
    while (end < p->words->len
           && !(g_array_index (p->words, CueWord, end).gap & CUE_GAP_STOP))
      end++;
    /* a neighbouring procedure's record or section has its own office */
    if (field_names_key (v, p, k, end, f->aliases)
        || match_other_topic (v, i, 0, p->words->len) != NULL)
      continue;
    for (guint h = 0; h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      if (ch->cls != CUE_OFFICE || ch->w0 < k || ch->w0 > k + 2
          || match_question_has_all (v, p, ch->w0, ch->w1)
          || claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED)
        continue;
      const CueWord *a0 = &g_array_index (p->words, CueWord, ch->w0);
      const CueWord *a1 = &g_array_index (p->words, CueWord, ch->w1 - 1);
      g_autofree char *office = g_strndup (p->norm + a0->start,
                                           a1->end - a0->start);
      if (!key_office (v, office) && !of_key_level (v, p, ch->w0, ch->w1, f))
        return g_steal_pointer (&office);
    }
  }
  return NULL;
}

char *
match_other_office (View *v, const Fact *f)
{
  char *field = field_names_other (v, f);
  if (field != NULL)
    return field;
  if (v->key->question == NULL)
    return NULL;
  gint corr = claims_correction_part (v->a);
  guint from = corr > 0 ? (guint) corr : 0;
  /* a reply that names the key's office anywhere settles it */
  for (guint i = from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (!p->quoted && p->words->len > 0 && replies (v, i, TRUE)
        && words_name (v, p, 0, p->words->len, f->aliases)
        && match_names_not_helping (v, answer_part (v->a, i), f->aliases))
      return NULL;
  }
  const char *head = f->aliases->form[v->a->lenient ? 1 : 0]->len
                         ? f->aliases->form[v->a->lenient ? 1 : 0]->pdata[0]
                         : "";
  while (*head == ' ')
    head++;
  gsize head_n = strcspn (head, " ");
  for (guint i = from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || p->kind == PART_HEADING || answer_text_asks (p->norm)
        || p->words->len == 0 || !replies (v, i, FALSE))
      continue;
    for (guint h = 0; h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      const CueWord *first = &g_array_index (p->words, CueWord, ch->w0);
      if (ch->cls != CUE_OFFICE || match_question_has_all (v, p, ch->w0, ch->w1)
          /* a ministry for a ministry, a department for a department;
           * another kind of office only where it is said to decide */
          || (((gsize) (first->end - first->start) != head_n
               || strncmp (p->norm + first->start, head, head_n) != 0)
              && !match_decides_after (v, p, ch->w0, ch->w1)
              && !handed_in_at (v, p, ch->w0))
          || example_before (p, ch->w0) || !agent_before (v, p, ch->w0)
          || claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED
          || of_key_level (v, p, ch->w0, ch->w1, f)
          /* "bo_gtvt: hợp nhất vào Bộ Xây dựng": the office a merger
           * went into, or one said of other fields */
          || match_about_others (v, i, ch->w0))
        continue;
      gboolean forbidden = FALSE;
      for (guint r = 0; v->key->forbid && r < v->key->forbid->len; r++) {
        const Fact *rule = v->key->forbid->pdata[r];
        forbidden = forbidden
                    || (rule->aliases
                        && words_name (v, p, ch->w0, ch->w1, rule->aliases));
      }
      if (forbidden)
        continue; /* the forbid rule's to judge */
      const CueWord *a0 = &g_array_index (p->words, CueWord, ch->w0);
      const CueWord *a1 = &g_array_index (p->words, CueWord, ch->w1 - 1);
      return g_strndup (p->norm + a0->start, a1->end - a0->start);
    }
  }
  return NULL;
}
