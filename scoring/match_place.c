/* Another place for the office (scoring/match.h). To "Hợp đồng mua bán nhà
 * ở chứng thực ở đâu?" keyed with the phrase "nơi có nhà", the reply's
 * first stated office with a place after it — "chứng thực tại UBND cấp
 * xã nơi bên bán đang thường trú" — puts the matter where someone lives,
 * not where the house is, whatever it says of "nơi có nhà" further on
 * (the land office "nơi có nhà" where the transfer is registered). */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/cues.h"
#include "scoring/normalize.h"

#include <string.h>

/* The place an alias of f names, from its "nơi" on ("xã nơi có nhà" →
 * "nơi có nhà"), normalized (new), or NULL. */
static char *
alias_place (const Fact *f, guint k, gboolean lenient)
{
  g_autofree char *n = normalize_text (f->aliases->raw->pdata[k], lenient);
  const char *at = strstr (n, lenient ? "noi " : "nơi ");
  return at != NULL && (at == n || at[-1] == ' ') ? g_strdup (at) : NULL;
}

/* Whether an alias of f names a place. */
static gboolean
place_phrase (const Fact *f, gboolean lenient)
{
  for (guint k = 0; f->aliases && k < f->aliases->raw->len; k++) {
    g_autofree char *place = alias_place (f, k, lenient);
    if (place != NULL)
      return TRUE;
  }
  return FALSE;
}

/* Whether words [w0, w1) of p say where someone lives: "thường trú",
 * "tạm trú", "cư trú", "đang sống", "đang ở". */
static gboolean
residence (const AnswerPart *p, guint w0, guint w1, gboolean lenient)
{
  for (guint k = w0; k < w1 && k < p->words->len; k++)
    if (((answer_word_is (p, k, lenient ? "thuong" : "thường")
          || answer_word_is (p, k, lenient ? "tam" : "tạm")
          || answer_word_is (p, k, lenient ? "cu" : "cư"))
         && answer_word_is (p, k + 1, lenient ? "tru" : "trú"))
        || (answer_word_is (p, k, lenient ? "dang" : "đang")
            && (answer_word_is (p, k + 1, lenient ? "song" : "sống")
                || answer_word_is (p, k + 1, lenient ? "o" : "ở"))))
      return TRUE;
  return FALSE;
}

char *
match_other_place (View *v, const Fact *f)
{
  gboolean lenient = v->a->lenient;
  if (!place_phrase (f, lenient))
    return NULL;
  /* the reply: its first sentences (a correction's, when it takes back
   * what came before), or a section titled by where it is done */
  gint corr = claims_correction_part (v->a);
  guint from = corr > 0 ? (guint) corr : 0;
  for (guint i = from; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || answer_text_asks (p->norm))
      continue;
    if (i > from + 3 && !(p->heading >= 0
                          && g_str_has_prefix (answer_part (v->a, (guint) p->heading)->norm,
                                               lenient ? "noi " : "nơi ")))
      break;
    for (guint h = 0; h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      guint at = ch->w1;
      if (ch->cls != CUE_OFFICE || at >= p->words->len
          || !answer_word_is (p, at, lenient ? "noi" : "nơi")
          || (g_array_index (p->words, CueWord, at).gap
              & (CUE_GAP_STOP | CUE_GAP_COMMA | CUE_GAP_OPEN)))
        continue;
      /* the place runs to a pause, eight words at most */
      guint end = at + 1;
      while (end < p->words->len && end < at + 9
             && !(g_array_index (p->words, CueWord, end).gap
                  & (CUE_GAP_STOP | CUE_GAP_COMMA | CUE_GAP_OPEN
                     | CUE_GAP_CLOSE)))
        end++;
      if (claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED
          || claims_polarity (v->a, p, at, end) != POL_STATED)
        continue; /* "không làm ở UBND phường nơi bạn tạm trú" */
      /* "Bản sao căn cước … chứng thực ở UBND phường nơi bạn đang sống,
       * vì chứng thực bản sao không phụ thuộc nơi cư trú": another
       * procedure's place */
      if (match_other_topic (v, i, 0, p->words->len) != NULL)
        continue;
      const CueWord *a0 = &g_array_index (p->words, CueWord, at);
      const CueWord *a1 = &g_array_index (p->words, CueWord, end - 1);
      g_autofree char *place = g_strndup (p->norm + a0->start, a1->end - a0->start);
      for (guint k = 0; k < f->aliases->raw->len; k++) {
        g_autofree char *alias = alias_place (f, k, lenient);
        if (alias != NULL && (strstr (place, alias) != NULL
                              || strstr (alias, place) != NULL))
          return NULL; /* the first place stated is the key's */
      }
      return residence (p, at + 1, end, lenient) ? g_steal_pointer (&place)
                                                 : NULL;
    }
  }
  return NULL;
}
