/* Multiple choice by the options' texts (scoring/match.h): the option an
 * answer names right after a pick cue ("Chốt đáp án: người đại diện hợp
 * pháp"), else the one whose text, date or number it states, or which
 * its own words cover. Split from match_choice.c, which reads letters and
 * ordinals first and asks these only when none settles. */
#include "scoring/match.h"
#include "scoring/match_choice_private.h"

#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/names.h"
#include "scoring/normalize.h"
#include "scoring/numbers.h"

#include <string.h>

static const CueWord *
word (const AnswerPart *p, guint i)
{
  return &g_array_index (p->words, CueWord, i);
}

static gboolean
stated_name (View *v, const Aliases *text)
{
  for (guint i = 0; i < v->a->parts->len; i++) {
    AnswerPart *p = answer_part (v->a, i);
    guint w, n;
    /* not the options restated with the question */
    if (p->quoted || choice_lists_options (v->key, v->a, i)
        || judge_aliases_find_in (text, v->a->lenient, p->phrase,
                                  &p->phrase_words, &w, &n) < 0)
      continue;
    guint w0 = answer_source_word (p->phrase_src, w);
    guint w1 = answer_source_word (p->phrase_src, w + n - 1) + 1;
    /* "A (05 ngày làm việc) và C (15 ngày làm việc) đều sai": the text
     * in brackets after a letter that is rejected labels the option */
    if (w0 > 0 && choice_letter_at (v->key, p, w0 - 1) >= 0
        && memchr (p->norm + word (p, w0 - 1)->end, '(',
                   word (p, w0)->start - word (p, w0 - 1)->end) != NULL
        && choice_rejected_at (v->key, p, w0 - 1, v->a->lenient))
      continue;
    if (claims_polarity (v->a, p, w0, w1) == POL_STATED
        && !match_cue_in (p, CUE_REJECT, w1, w1 + 3))
      return TRUE;
  }
  return FALSE;
}

static gboolean
stopword (const char *w, gsize n, gboolean lenient)
{
  static const char *const strict[] = {"trong", "của", "và", "là", "các",
                                       "những", "tại", "cho", "với", "được",
                                       "có", "không", "theo", "một", "thì"};
  static const char *const plain[] = {"trong", "cua", "va", "la", "cac",
                                      "nhung", "tai", "cho", "voi", "duoc",
                                      "co", "khong", "theo", "mot", "thi"};
  const char *const *set = lenient ? plain : strict;
  for (gsize i = 0; i < G_N_ELEMENTS (strict); i++)
    if (strlen (set[i]) == n && memcmp (set[i], w, n) == 0)
      return TRUE;
  return FALSE;
}

/* The share of the option's content words (its phrase form, stopwords
 * out) that one stated part of the answer has: "ngày làm việc hôm sau"
 * covers "trong ngày làm việc tiếp theo". */
static double
coverage (View *v, const Choice *ch)
{
  const char *opt = ch->text->form[v->a->lenient]->pdata[0];
  g_auto (GStrv) ow = g_strsplit (opt, " ", -1);
  double best = 0;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || choice_lists_options (v->key, v->a, i))
      continue;
    guint want = 0, have = 0;
    for (guint k = 0; ow[k]; k++) {
      gsize n = strlen (ow[k]);
      if (n == 0 || stopword (ow[k], n, v->a->lenient))
        continue;
      want++;
      g_autofree char *needle = g_strconcat (" ", ow[k], " ", NULL);
      have += strstr (p->phrase, needle) != NULL;
    }
    if (want >= 2 && (double) have / want > best
        && claims_polarity (v->a, p, 0, 1) == POL_STATED
        && !match_cue_in (p, CUE_REJECT, 0, p->words->len))
      best = (double) have / want;
  }
  return best;
}

/* Where the option's own number (34 in "34 tỉnh, thành phố") is first
 * stated in the answer, in digits or words ("ba mươi tư": read whole, so
 * its "ba" is no 3), or G_MAXUINT. */
static guint
number_position (View *v, double n)
{
  const Answer *a = v->a;
  guint pos = 0;
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *p = answer_part (a, i);
    gboolean restated = choice_lists_options (v->key, a, i);
    for (guint w = 0; w < p->words->len; w++, pos++) {
      if (p->quoted || restated)
        continue;
      double value = -1;
      guint longest = 0;
      for (guint len = 1; len <= 5 && w + len <= p->words->len; len++) {
        g_autofree char *s = g_strndup (p->norm + word (p, w)->start,
                                        word (p, w + len - 1)->end
                                            - word (p, w)->start);
        double x;
        if (numbers_parse (s, &x)) {
          value = x;
          longest = len;
        }
      }
      if (longest > 0 && value == n)
        return pos;
      if (longest > 1) {
        pos += longest - 1;
        w += longest - 1;
      }
    }
  }
  return G_MAXUINT;
}

static gboolean
option_number (const Choice *c, double *n)
{
  for (const char *p = c->norm; *p; p++)
    if (g_ascii_isdigit (*p) && (p == c->norm || !g_ascii_isalnum (p[-1]))) {
      gsize k = 0;
      while (g_ascii_isdigit (p[k]) || p[k] == '.')
        k++;
      g_autofree char *s = g_strndup (p, k);
      return numbers_parse (s, n);
    }
  return FALSE;
}

/* Options that are dates: the one whose date the answer states. */
static guint
options_by_date (const JudgeKey *key, View *v)
{
  answer_scan (v->a, ANSWER_DATES);
  guint found = 0, dated = 0;
  for (guint c = 0; c < key->choices->len && c < 32; c++) {
    const Choice *ch = key->choices->pdata[c];
    g_autoptr (GArray) d = dates_scan (ch->norm, FALSE);
    if (d->len == 0)
      continue;
    dated++;
    const DatesMention *od = &g_array_index (d, DatesMention, 0);
    for (guint i = 0; i < v->a->parts->len; i++) {
      const AnswerPart *p = answer_part (v->a, i);
      for (guint k = 0; !p->quoted && p->dates && k < p->dates->len; k++) {
        const DatesMention *ad = &g_array_index (p->dates, DatesMention, k);
        if (ad->year == od->year && ad->month == od->month
            && ad->day == od->day)
          found |= 1u << c;
      }
    }
  }
  return dated >= 2 ? found : 0;
}

guint
match_options_by_text (const JudgeKey *key, View *v)
{
  guint by_text = 0;
  for (guint c = 0; c < key->choices->len && c < 32; c++) {
    const Choice *ch = key->choices->pdata[c];
    /* an option that is a bare number ("28") is read by the number rule
     * below: as a phrase it is found inside "gồm 28 tỉnh và 6 thành phố" */
    if (strspn (ch->norm, "0123456789. ") == strlen (ch->norm))
      continue;
    if (stated_name (v, ch->text))
      by_text |= 1u << c;
  }
  if (by_text != 0)
    return by_text;
  guint by_date = options_by_date (key, v);
  if (by_date != 0)
    return by_date;
  /* the options' own numbers: the one the answer states first */
  guint first_pos = G_MAXUINT, first = 0;
  for (guint c = 0; c < key->choices->len && c < 32; c++) {
    double n;
    if (!option_number (key->choices->pdata[c], &n))
      continue;
    guint pos = number_position (v, n);
    if (pos < first_pos) {
      first_pos = pos;
      first = 1u << c;
    }
  }
  if (first != 0)
    return first;
  /* the option in the answer's own words */
  double best = 0, second = 0;
  guint which = 0;
  for (guint c = 0; c < key->choices->len && c < 32; c++) {
    double cov = coverage (v, key->choices->pdata[c]);
    if (cov > best) {
      second = best;
      best = cov;
      which = 1u << c;
    } else if (cov > second)
      second = cov;
  }
  return best >= 0.8 && best - second >= 0.199 ? which : 0;
}

/* Whether words [w0, w1) name the answer ("đáp án", "câu trả lời",
 * "answer", "correct"). */
static gboolean
names_answer (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  for (guint k = w0; k < w1; k++)
    if (answer_word_is (p, k, lenient ? "an" : "án")
        || answer_word_is (p, k, lenient ? "loi" : "lời")
        || answer_word_is (p, k, "answer") || answer_word_is (p, k, "correct"))
      return TRUE;
  return FALSE;
}

/* The options whose text starts p's words at from, after fillers and a
 * bare "chọn" ("phương án \"02 ngày làm việc\""), or 0. */
static guint
options_at (const JudgeKey *key, const AnswerPart *p, guint from,
            gboolean lenient)
{
  while (from < p->words->len
         && (match_choice_filler (p, from, lenient)
             || answer_word_is (p, from, lenient ? "chon" : "chọn")
             || answer_word_is (p, from, "choose")))
    from++;
  if (from >= p->words->len)
    return 0;
  const CueWord *a0 = word (p, from);
  g_autofree char *plain = normalize_phrase (p->norm + a0->start, lenient);
  g_autofree char *hay = names_canonical_copy (plain, lenient);
  guint found = 0;
  for (guint c = 0; c < key->choices->len && c < 32; c++) {
    const Choice *opt = key->choices->pdata[c];
    guint w, n;
    for (guint k = 0; k < opt->text->form[lenient]->len; k++)
      /* "Kết luận: phương án \"60 ngày\" là sai" names it to reject it */
      if (names_find (hay, opt->text->form[lenient]->pdata[k], lenient, &w,
                      &n) && w == 0
          && !match_cue_in (p, CUE_REJECT, from + n, from + n + 3))
        found |= 1u << c;
  }
  return found;
}

/* "=> Chốt đáp án: người đại diện hợp pháp", "The correct answer is:
 * two years", "**Kết luận:** chọn phương án \"02 ngày làm việc\"": the
 * option whose text follows a pick cue or the answer's label at once.
 * The options so named, or 0. */
guint
match_options_after_pick (const JudgeKey *key, View *v)
{
  gboolean lenient = v->a->lenient;
  guint found = 0;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted)
      continue;
    guint label = match_answer_label_end (p, lenient);
    if (label != G_MAXUINT)
      found |= options_at (key, p, label, lenient);
    for (guint h = 0; h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      /* "chốt đáp án:", "đáp án đúng là", "the correct answer is" — not
       * a bare "chọn" ("Nhiều người chọn Sở Tư pháp, nhưng …") */
      if ((ch->cls != CUE_PICK_FINAL
           && !(ch->cls == CUE_PICK_STRONG
                && names_answer (p, ch->w0, ch->w1, lenient)))
          || ch->w1 >= p->words->len)
        continue;
      found |= options_at (key, p, ch->w1, lenient);
    }
  }
  return found;
}
