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

/* "UBND các xã mới chỉ nhận những việc vốn đã làm ở xã": right after the
 * name, "chỉ" and a verb of handling, then "(những|các) việc": the office
 * is said to keep only other matters. */
static gboolean
keeps_only_others (const AnswerPart *p, guint w1, gboolean lenient)
{
  for (guint k = w1; k < w1 + 3 && k < p->words->len; k++) {
    if (!answer_word_is (p, k, lenient ? "chi" : "chỉ"))
      continue;
    for (guint j = k + 2; j < k + 5 && j + 1 < p->words->len; j++)
      if ((answer_word_is (p, j, lenient ? "nhung" : "những")
           || answer_word_is (p, j, lenient ? "cac" : "các"))
          && answer_word_is (p, j + 1, lenient ? "viec" : "việc"))
        return TRUE;
  }
  return FALSE;
}

/* Whether part p names an alias of a as more than a helper: "Công an xã,
 * phường chỉ tham gia ở khâu xác minh" names it only as one, "UBND các xã
 * chỉ nhận những việc …" as keeping other matters. */
gboolean
match_names_not_helping (View *v, AnswerPart *p, const Aliases *a)
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
    if (!match_cooperates (p, w0, w1, v->a->lenient)
        && !keeps_only_others (p, w1, v->a->lenient))
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
                                || (v->forbid && match_past_case (v, p, w0, w1))
                                || ((agency || v->forbid)
                                    && (match_gone_next (v, i)
                                        || match_gone_after (v, p, w1)))))
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

/* A contradiction by rule, its words span (taken) when not NULL. */
static gboolean
contradicted (Outcome *o, const char *rule, char *span)
{
  if (span == NULL)
    return FALSE;
  o->status = ST_CONTRADICTION;
  if (!o->quiet)
    o->span = g_strdup (span);
  outcome_rule (o, rule, span, NULL);
  g_free (span);
  return TRUE;
}

/* What a phrase fact's answer may say against it besides naming it. */
static const struct {
  char *(*check) (View *v, const Fact *f);
  const char *rule;
} phrase_checks[] = {
  {match_same_day_for_hour, "name.same_day"},
  {match_other_place, "name.other_place"},
  {match_misnumbered_law, "name.misnumbered"},
};

void
match_name (const Fact *f, View *v, Outcome *o)
{
  gboolean refused = FALSE;
  if (f->type == FACT_PHRASE) {
    char *denied = match_denied_name (v, f->aliases, &refused);
    if (contradicted (o, refused ? "name.refused" : "name.denied", denied))
      return;
    for (gsize i = 0; i < G_N_ELEMENTS (phrase_checks); i++)
      if (contradicted (o, phrase_checks[i].rule, phrase_checks[i].check (v, f)))
        return;
  }
  if (f->type == FACT_AGENCY
      && contradicted (o, "name.only_receives", only_receives (v, f->aliases)))
    return;
  NameHit h = find_name (v, f->aliases, f->type == FACT_AGENCY);
  gboolean elided = FALSE;
  if (h.alias < 0 && f->type == FACT_PHRASE) {
    g_free (h.span);
    h = find_name_as (v, f->aliases, FALSE, TRUE);
    elided = TRUE;
  }
  if (h.alias >= 0 && h.pol == POL_STATED && f->type == FACT_AGENCY
      && contradicted (o, "name.other_for_subject", match_other_office (v, f))) {
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
            && !match_past_case (v, p, w, w + 1) && !match_heading_ended (v, i)
            && !match_replaced_below (v, i))
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
