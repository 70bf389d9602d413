/* Agencies, phrases and forbidden names (scoring/match.h); citations and
 * lists, which ask only whether a name is stated (match_stated_name), are
 * in match_doc.c; a required name said not to be needed, in
 * match_denied.c. A name counts
 * where it is stated: "không nộp ở xã mà ở Sở" does not name the commune as
 * the place, "từ 1/7/2025 không còn cấp huyện" does not send anyone to the
 * district. */
#include "scoring/match.h"
#include "scoring/numbers.h"

#include "scoring/citation.h"
#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/names.h"
#include "scoring/normalize.h"
#include "util/jsonw.h"

/* Where a name was found. */
typedef struct {
  gint alias;   /* index in its list, or -1 */
  guint part;
  Polarity pol;
  char *span;   /* its phrase form, trimmed */
  guint w0;     /* its first word in the part */
} NameHit;

/* The hay of a part for a list: the agency forms for agencies. */
static void
hay_of (View *v, AnswerPart *p, gboolean agency, gboolean cap,
        const char **hay, const char **hay_cap, const GArray **src,
        const GArray **src_cap)
{
  if (!agency) {
    *hay = p->phrase;
    *hay_cap = NULL;
    *src = p->phrase_src;
    *src_cap = NULL;
    return;
  }
  answer_agency (p, v->a->lenient, cap);
  *hay = p->agency;
  *hay_cap = p->agency_cap;
  *src = p->agency_src;
  *src_cap = p->agency_cap_src;
}

static char *
span_of (const char *hay, guint word, guint words)
{
  /* the words [word, word + words) of a phrase form */
  const char *p = hay;
  for (guint i = 0; i <= word && *p; i++) {
    while (*p == ' ')
      p++;
    if (i < word)
      while (*p && *p != ' ')
        p++;
  }
  const char *e = p;
  for (guint i = 0; i < words && *e; i++) {
    while (*e && *e != ' ')
      e++;
    if (i + 1 < words)
      while (*e == ' ')
        e++;
  }
  return g_strndup (p, (gsize) (e - p));
}

/* A phrase whose first word is the unit of a stated quantity above one
 * names that quantity: "03 ngày làm việc tiếp theo" is three days, not
 * "ngày làm việc tiếp theo"; the number scan reads the count ("03",
 * "ba", "hai mươi"). */
static gboolean
counted (View *v, const AnswerPart *p, guint w0)
{
  const CueWord *first = &g_array_index (p->words, CueWord, w0);
  g_autofree char *w = g_strndup (p->norm + first->start,
                                  first->end - first->start);
  double n;
  if (numbers_parse (w, &n))
    return FALSE; /* the phrase opens on the count: "tối đa 02 năm" names
                     "02 năm" (the scan's span takes "tối đa" in) */
  answer_scan (v->a, ANSWER_AMOUNTS);
  gsize at = first->start;
  for (guint k = 0; k < p->amounts->len; k++) {
    const NumbersMention *m = &g_array_index (p->amounts, NumbersMention, k);
    if (m->unit != NUMBERS_UNIT_VND && m->start < at && at < m->end
        && m->hi > 1)
      return TRUE;
  }
  return FALSE;
}

/* A bare "ngay" ("right away") qualifies the verb before it in its
 * clause: it tells how soon the asked paper comes after a verb of issuing,
 * receiving or handling ("trao giấy chứng nhận kết hôn ngay", "is issued
 * immediately"), not after fixing a mistake ("sai sót … được sửa ngay")
 * or as "ngay cả" (even). The phrase [w0, w1) of part p, matched through
 * the key's "ngay lập tức". */
static gboolean
ngay_of_other_act (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  static const char *const acts[][2] = {
    {"cấp", "cap"}, {"trao", "trao"}, {"nhận", "nhan"}, {"quyết", "quyet"},
    {"làm", "lam"}, {"trả", "tra"}, {"xong", "xong"}, {"có", "co"},
    {"xử", "xu"}, {"lấy", "lay"}, {"issued", "issued"}, {"issue", "issue"},
    {"get", "get"}, {"receive", "receive"}, {"received", "received"},
    {"granted", "granted"}, {"given", "given"}, {"handed", "handed"},
    {"issues", "issues"}, {"gets", "gets"}, {"receives", "receives"},
    {"done", "done"}, {"processed", "processed"}};
  if (w1 != w0 + 1 || !answer_word_is (p, w0, "ngay"))
    return FALSE;
  if (answer_word_is (p, w1, lenient ? "ca" : "cả"))
    return TRUE;
  guint c0, c1;
  claims_clause (p, w0, w1, &c0, &c1);
  for (guint k = c0; k < w0; k++)
    for (gsize i = 0; i < G_N_ELEMENTS (acts); i++)
      if (answer_word_is (p, k, acts[i][lenient ? 1 : 0]))
        return FALSE;
  return TRUE;
}

/* Whether an alias of a occurs in part from or after. */
static gboolean
names_after (View *v, const Aliases *a, gboolean agency, guint from)
{
  for (guint i = from; a && i < v->a->parts->len; i++) {
    AnswerPart *p = answer_part (v->a, i);
    const char *hay, *hay_cap;
    const GArray *src, *src_cap;
    hay_of (v, p, agency, FALSE, &hay, &hay_cap, &src, &src_cap);
    int m = v->a->lenient ? 1 : 0;
    for (guint k = 0; k < a->form[m]->len; k++)
      if (names_find (hay, a->form[m]->pdata[k], v->a->lenient, NULL, NULL))
        return TRUE;
  }
  return FALSE;
}

/* Whether the key's office is named from part from on: "… công an huyện
 * … à chị nhầm, em nộp tại công an xã" corrects the office, and a
 * forbidden one named before it is taken back. */
static gboolean
key_office_after (View *v, guint from)
{
  for (guint i = 0; i < v->key->facts->len; i++) {
    const Fact *f = v->key->facts->pdata[i];
    if (f->type == FACT_AGENCY && names_after (v, f->aliases, TRUE, from))
      return TRUE;
  }
  return FALSE;
}

/* Whether part p names an alias of a as more than a helper: "Công an xã,
 * phường chỉ tham gia ở khâu xác minh" names it only as one. */
static gboolean
names_not_helping (View *v, AnswerPart *p, const Aliases *a)
{
  const char *hay, *hay_cap;
  const GArray *src, *src_cap;
  hay_of (v, p, TRUE, FALSE, &hay, &hay_cap, &src, &src_cap);
  int m = v->a->lenient ? 1 : 0;
  for (guint k = 0; a && k < a->form[m]->len; k++) {
    guint word, words;
    if (!names_find (hay, a->form[m]->pdata[k], v->a->lenient, &word, &words))
      continue;
    guint w0 = answer_source_word (src, word);
    guint w1 = answer_source_word (src, word + words - 1) + 1;
    if (!match_cooperates (p, w0, w1, v->a->lenient))
      return TRUE;
  }
  return FALSE;
}

/* "**Lưu ý về cấp huyện:**", "Note on the district level:": the name is
 * what a note's label at the start of the part is about, right before
 * its colon — not "Bước 2: Nộp về UBND cấp xã:". */
static gboolean
label_topic (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  if (w0 < 2 || w0 > 6 || w1 >= p->words->len
      || !(g_array_index (p->words, CueWord, w1).gap & CUE_GAP_COLON)
      || !(answer_word_is (p, w0 - 1, lenient ? "ve" : "về")
           || answer_word_is (p, w0 - 1, "about")
           || answer_word_is (p, w0 - 1, "on")))
    return FALSE;
  guint k = w0 - 2;
  return answer_word_is (p, k, lenient ? "y" : "ý") /* lưu ý, chú ý */
         || answer_word_is (p, k, lenient ? "chu" : "chú") /* ghi chú */
         || answer_word_is (p, k, lenient ? "tin" : "tin") /* thông tin */
         || answer_word_is (p, k, "note") || answer_word_is (p, k, "notes");
}

/* The first stated occurrence of an alias of a; else the first at all
 * (with its polarity), alias -1 when none. elided: the looser reading of
 * names_find_elided, for a phrase found nowhere whole. */
static NameHit
find_name_as (View *v, const Aliases *a, gboolean agency, gboolean elided)
{
  NameHit best = {-1, 0, POL_STATED, NULL, 0};
  gboolean any_cap = FALSE, passed_other = FALSE;
  /* the answer corrected itself and names one of these again after:
   * what it said before no longer holds */
  guint from = 0;
  gint corr = claims_correction_part (v->a);
  if (corr > 0 && (names_after (v, a, agency, (guint) corr)
                   || claims_final_version (v->a) == corr
                   || (v->forbid && key_office_after (v, (guint) corr))))
    from = (guint) corr; /* a final version replaces all before it */
  for (guint k = 0; agency && a && k < a->raw->len; k++)
    any_cap = any_cap || judge_aliases_keep_cap (a, k);
  for (guint i = from; a && i < v->a->parts->len; i++) {
    AnswerPart *p = answer_part (v->a, i);
    const char *hay, *hay_cap;
    const GArray *src, *src_cap;
    hay_of (v, p, agency, any_cap, &hay, &hay_cap, &src, &src_cap);
    int m = v->a->lenient ? 1 : 0;
    for (guint k = 0; k < a->form[m]->len; k++) {
      gboolean cap = agency && judge_aliases_keep_cap (a, k);
      const char *h = cap ? hay_cap : hay;
      const NamesWordSet *hw = !agency ? &p->phrase_words
                               : cap   ? &p->agency_cap_words
                                       : &p->agency_words;
      const char *needle = a->form[m]->pdata[k];
      guint word, words;
      if (elided ? !names_find_elided (h, needle, v->a->lenient, &word,
                                       &words)
                 : !names_word_set_within (&g_array_index (a->words[m],
                                                           NamesWordSet, k),
                                           hw)
                       || !names_find (h, needle, v->a->lenient, &word,
                                       &words))
        continue;
      const GArray *map = cap ? src_cap : src;
      guint w0 = answer_source_word (map, word);
      guint w1 = answer_source_word (map, word + words - 1) + 1;
      if (!agency && (counted (v, p, w0) || ngay_of_other_act (p, w0, w1,
                                                       v->a->lenient)))
        continue;
      guint c0, c1;
      claims_clause (p, w0, w1, &c0, &c1);
      if (match_other_topic_but (v, i, c0, c1, w0, w1) != NULL)
        continue; /* named for another procedure of the set */
      const char *yours = NULL;
      if (match_other_group (v, i, &yours) != NULL)
        continue; /* under another group's heading than the asker's */
      Polarity pol = claims_polarity (v->a, p, w0, w1);
      if (pol == POL_STATED && (match_held_until_past (v, p, w0)
                                || (v->forbid && match_past_case (v, p, w0, w1))))
        pol = POL_HISTORY;
      if (pol == POL_STATED && v->forbid
          && (label_topic (p, w0, w1, v->a->lenient)
              || claims_quoted_label (p, w0, v->a->lenient)))
        pol = POL_QUOTED; /* "**Lưu ý về cấp huyện:** …" names a topic */
      if (pol == POL_STATED && (claims_sign_in_quotes (p, w0)
                                || claims_quote_rejected (v->a, p, w0)))
        pol = POL_QUOTED; /* 'vẫn để biển "UBND phường"': a board's text;
                             a quoted draft the next line corrects */
      if (pol == POL_STATED && v->forbid
          && match_signed_by (p, w0, v->a->lenient))
        pol = POL_QUOTED; /* the signer of a paper the asker holds */
      if (pol == POL_STATED && v->forbid && match_manages_others (v, p, w0, w1))
        continue; /* named for the other fields it manages */
      /* a forbidden name in a clause about other things answers nothing;
       * a later one may still be the answer's */
      if (pol == POL_STATED && v->forbid && match_about_others (v, i, w0)) {
        passed_other = TRUE;
        continue;
      }
      /* past a name said of other things, a later one counts where the
       * answer speaks to the question ("… công ty bạn nộp hồ sơ xin giấy
       * phép tại Bộ KH&CN"), not of a third matter ("Nếu bạn cần làm thủ
       * tục về tần số … thì liên hệ Bộ KH&CN") */
      if (pol == POL_STATED && v->forbid && passed_other
          && match_question_shared (v, i) < 3)
        continue;
      if (agency && pol == POL_STATED && match_redirected (p, w0, w1,
                                                            v->a->lenient))
        pol = POL_NEGATED; /* a supposed visit sent on elsewhere */
      if (agency && pol == POL_STATED && !v->forbid
          && match_only_else (v, p, w1))
        continue; /* does only another work */
      if (agency && pol == POL_STATED && match_at_district (p, w1, v->a->lenient))
        continue; /* "Phòng Đăng ký kinh doanh của quận": no such office */
      if (agency && pol == POL_STATED && !v->forbid
          && match_cooperates (p, w0, w1, v->a->lenient))
        continue; /* works alongside the office that handles it */
      if (pol == POL_HISTORY && v->key->asks_history && !v->forbid)
        pol = POL_STATED; /* the question asks about the past */
      if (pol == POL_STATED && v->key->asks_history && !v->forbid
          && match_stays_in_force (p, w1))
        pol = POL_NEGATED; /* "… thay thế những luật nào?": not this one */
      if (best.alias >= 0 && best.pol == POL_STATED)
        break;
      if (best.alias < 0 || pol == POL_STATED) {
        g_free (best.span);
        best = (NameHit) {(gint) k, i, pol, span_of (h, word, words), w0};
      }
    }
    if (best.alias >= 0 && best.pol == POL_STATED)
      break;
  }
  return best;
}

static NameHit
find_name (View *v, const Aliases *a, gboolean agency)
{
  return find_name_as (v, a, agency, FALSE);
}

static void
list_aliases (GString *s, const Aliases *a)
{
  for (guint i = 0; i < a->raw->len && i < 5; i++) {
    g_string_append (s, i ? ", \"" : "\"");
    g_string_append (s, a->raw->pdata[i]);
    g_string_append_c (s, '"');
  }
  if (a->raw->len > 5)
    g_string_append (s, ", …");
}

/* "Công an phường nơi bạn ở chỉ là đầu mối tiếp nhận …": an alias of a
 * named, stated, then said in its clause to only receive the file — the
 * answer denies that office decides. The name's span (new) or NULL. */
static char *
only_receives (View *v, const Aliases *a)
{
  for (guint i = 0; i < v->a->parts->len; i++) {
    AnswerPart *p = answer_part (v->a, i);
    for (guint h = 0; !p->quoted && h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      if ((ch->cls != CUE_RECEIVE_ONLY && ch->cls != CUE_CHECK_ONLY)
          /* "không chỉ hướng dẫn mà còn trực tiếp giải quyết" */
          || (ch->w0 > 0
              && answer_word_is (p, ch->w0 - 1, v->a->lenient ? "khong" : "không")))
        continue;
      const char *hay, *hay_cap;
      const GArray *src, *src_cap;
      hay_of (v, p, TRUE, FALSE, &hay, &hay_cap, &src, &src_cap);
      int m = v->a->lenient ? 1 : 0;
      for (guint k = 0; k < a->form[m]->len; k++) {
        guint word, words, c0, c1;
        if (!names_find (hay, a->form[m]->pdata[k], v->a->lenient, &word,
                         &words))
          continue;
        guint w0 = answer_source_word (src, word);
        guint w1 = answer_source_word (src, word + words - 1) + 1;
        claims_clause (p, w0, w1, &c0, &c1);
        if (w1 <= ch->w0 && ch->w0 < c1 && ch->w0 - w1 <= 6
            && claims_polarity (v->a, p, w0, w1) == POL_STATED
            && (ch->cls != CUE_CHECK_ONLY
                || match_other_decides (p, ch, w0, w1, v->a->lenient))) {
          /* the answer's own words, not the office's canonical form */
          const CueWord *a0 = &g_array_index (p->words, CueWord, w0);
          const CueWord *a1 = &g_array_index (p->words, CueWord, w1 - 1);
          return g_strndup (p->norm + a0->start, a1->end - a0->start);
        }
      }
    }
  }
  return NULL;
}

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

/* Whether every word of [w0, w1) is the question's: an office the
 * question itself names ("… trước thuộc Bộ Thông tin và Truyền thông …"). */
static gboolean
question_names (View *v, const AnswerPart *p, guint w0, guint w1)
{
  for (guint w = w0; w < w1; w++) {
    const CueWord *cw = &g_array_index (p->words, CueWord, w);
    g_autofree char *t = g_strndup (p->norm + cw->start, cw->end - cw->start);
    if (!match_question_has_word (v, t))
      return FALSE;
  }
  return TRUE;
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

/* Whether the words of p before word k, past numbering and marks, end on
 * a field label of the office that handles the matter ("Cơ quan thực
 * hiện", "Nơi nộp hồ sơ", "Cơ quan có thẩm quyền"), at most six words. */
static gboolean
office_field_label (const AnswerPart *p, guint k, gboolean lenient,
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
  if (receiving && p->kind != PART_CELL && p->kind != PART_HEAD && first < k
      && answer_word_is (p, first, lenient ? "noi" : "nơi"))
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

/* Whether the question asks where the matter is done or which office
 * does it ("… làm ở đâu?", "nộp cho cơ quan nào?", "ra UBND phường hay
 * lên huyện?"), not who sets a fee or
 * manages a field; *deciding when it asks who decides ("cơ quan nào giải
 * quyết", "thẩm quyền"). */
static gboolean
asks_where (View *v, gboolean *deciding)
{
  static const char *const where[] = {"ở đâu", "nơi nào", "chỗ nào",
                                      "cơ quan nào", "where", "which office"};
  static const char *const other[] = {"qui định", "ban hành", "quản lí",
                                      "lệ phí", "thời hạn"};
  if (v->key->question == NULL)
    return FALSE;
  g_autofree char *q = normalize_text (v->key->question, FALSE);
  gboolean asks = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (where); i++)
    asks |= strstr (q, where[i]) != NULL;
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
      if (!office_field_label (h, h->words->len, lenient, !deciding))
        continue;
    } else {
      while (k < p->words->len && k <= 6
             && !(g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON))
        k++;
      if (k >= p->words->len || !office_field_label (p, k, lenient, !deciding))
        continue;
    }
    guint end = k + 1;
    while (end < p->words->len
           && !(g_array_index (p->words, CueWord, end).gap & CUE_GAP_STOP))
      end++;
    /* a neighbouring procedure's record or section has its own office */
    if (words_name (v, p, k, end, f->aliases)
        || match_other_topic (v, i, 0, p->words->len) != NULL)
      continue;
    for (guint h = 0; h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      if (ch->cls != CUE_OFFICE || ch->w0 < k || ch->w0 > k + 2
          || question_names (v, p, ch->w0, ch->w1)
          || claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED)
        continue;
      const CueWord *a0 = &g_array_index (p->words, CueWord, ch->w0);
      const CueWord *a1 = &g_array_index (p->words, CueWord, ch->w1 - 1);
      g_autofree char *office = g_strndup (p->norm + a0->start,
                                           a1->end - a0->start);
      if (!key_office (v, office))
        return g_steal_pointer (&office);
    }
  }
  return NULL;
}

static char *
other_for_subject (View *v, const Fact *f)
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
        && names_not_helping (v, answer_part (v->a, i), f->aliases))
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
      if (ch->cls != CUE_OFFICE || question_names (v, p, ch->w0, ch->w1)
          /* a ministry for a ministry, a department for a department;
           * another kind of office only where it is said to decide */
          || (((gsize) (first->end - first->start) != head_n
               || strncmp (p->norm + first->start, head, head_n) != 0)
              && !match_decides_after (v, p, ch->w0, ch->w1))
          || example_before (p, ch->w0) || !agent_before (v, p, ch->w0)
          || claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED
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

void
match_name (const Fact *f, View *v, Outcome *o)
{
  gboolean refused = FALSE;
  g_autofree char *denied = f->type == FACT_PHRASE
                                ? match_denied_name (v, f->aliases, &refused)
                                : NULL;
  if (denied != NULL) {
    o->status = ST_CONTRADICTION;
    if (!o->quiet)
      o->span = g_strdup (denied);
    outcome_rule (o, refused ? "name.refused" : "name.denied", denied, NULL);
    return;
  }
  g_autofree char *receiving = f->type == FACT_AGENCY
                                   ? only_receives (v, f->aliases) : NULL;
  if (receiving != NULL) {
    o->status = ST_CONTRADICTION;
    if (!o->quiet)
      o->span = g_strdup (receiving);
    outcome_rule (o, "name.only_receives", receiving, NULL);
    return;
  }
  NameHit h = find_name (v, f->aliases, f->type == FACT_AGENCY);
  gboolean elided = FALSE;
  if (h.alias < 0 && f->type == FACT_PHRASE) {
    g_free (h.span);
    h = find_name_as (v, f->aliases, FALSE, TRUE);
    elided = TRUE;
  }
  g_autofree char *other = h.alias >= 0 && h.pol == POL_STATED
                                  && f->type == FACT_AGENCY
                              ? other_for_subject (v, f) : NULL;
  if (other != NULL) {
    o->status = ST_CONTRADICTION;
    if (!o->quiet)
      o->span = g_strdup (other);
    outcome_rule (o, "name.other_for_subject", other, NULL);
    g_free (h.span);
    return;
  }
  if (h.alias >= 0 && h.pol == POL_STATED) {
    o->status = ST_MATCHED;
    const char *raw = f->aliases->raw->pdata[h.alias];
    if (elided)
      outcome_rule (o, "name.matched_elided", raw, h.span, NULL);
    else
      outcome_rule (o, "name.matched", raw, NULL);
    if (!o->quiet) {
      o->span = g_steal_pointer (&h.span);
      o->value = match_json_string (raw);
    }
    g_free (h.span);
    return;
  }
  o->status = ST_MISSING;
  if (!o->quiet) {
    g_autoptr (GString) names = g_string_new (NULL);
    list_aliases (names, f->aliases);
    if (h.alias >= 0) {
      g_autofree char *pol = match_term ("polarity",
                                         claims_polarity_name (h.pol));
      outcome_note (o, h.span, "set_aside",
                    h.pol == POL_NEGATED   ? "claim.negated"
                    : h.pol == POL_QUOTED ? "claim.quoted"
                                          : "claim.history",
                    NULL);
      outcome_rule (o, "name.only_negated",
                    (const char *) f->aliases->raw->pdata[h.alias], pol, NULL);
    } else
      outcome_rule (o, "name.missing", names->str, NULL);
  }
  g_free (h.span);
}

char *
match_forbid_name (const Fact *rule, View *v)
{
  if (rule->type == FACT_CITATION) {
    answer_scan (v->a, ANSWER_CITES);
    for (guint i = 0; rule->doc_canonical && i < v->a->parts->len; i++) {
      const AnswerPart *p = answer_part (v->a, i);
      for (guint k = 0; k < p->cites->len; k++) {
        const CitationMention *c = p->cites->pdata[k];
        if (!citation_matches (c, rule->doc_canonical))
          continue;
        /* a replaced law named as history is no hit */
        guint w = 0;
        while (w < p->words->len
               && g_array_index (p->words, CueWord, w).end <= c->start)
          w++;
        if (claims_polarity (v->a, p, w, w + 1) == POL_STATED
            && !match_past_case (v, p, w, w + 1))
          return g_strndup (p->norm + c->start, c->end - c->start);
      }
    }
    return NULL;
  }
  NameHit h = find_name (v, rule->aliases, rule->type == FACT_AGENCY);
  if (h.alias >= 0 && h.pol == POL_STATED)
    return h.span;
  g_free (h.span);
  return NULL;
}

gint
match_stated_name (View *v, const Aliases *a, char **span)
{
  NameHit h = find_name (v, a, FALSE);
  gint alias = h.alias >= 0 && h.pol == POL_STATED ? h.alias : -1;
  if (span != NULL && alias >= 0)
    *span = g_steal_pointer (&h.span);
  g_free (h.span);
  return alias;
}
