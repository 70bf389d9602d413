/* The case of a key's fact a value claim is said of (scoring/match.h):
 * the nearest of the case's cue phrases in the claim's part that governs
 * it ("Trường hợp cần xác minh: 05 ngày làm việc", "người có công: miễn"),
 * not one inside another claim's parentheses. Split from match_value.c,
 * which asks it for every claim. */
#include "scoring/match.h"

#include "scoring/cues.h"
#include "scoring/names.h"

#include <string.h>

/* Words between a claim and words [s0, s1), the cue after the claim a
 * little farther ("Trực tiếp: 15.000đ" binds before, "15.000đ nếu nộp
 * trực tiếp" after), a sentence stop between them farther still. */
static guint
distance (const AnswerPart *p, const ValueClaim *c, guint s0, guint s1)
{
  guint from, to, d;
  if (s1 <= c->w0)
    from = s1, to = c->w0, d = 2 * (c->w0 - s1);
  else if (s0 >= c->w1)
    from = c->w1, to = s0, d = 2 * (s0 - c->w1) + 1;
  else
    return 0;
  /* from and to are ends (exclusive) and starts: the gaps between them
   * are those before words from … to */
  for (guint w = from; w <= to && w < p->words->len; w++) {
    guint8 gap = g_array_index (p->words, CueWord, w).gap;
    if (gap & CUE_GAP_STOP)
      d += 40;
    else if (p->starts[w])
      d += 20; /* another clause */
  }
  return d;
}

/* Whether a cue ending at word s1 introduces, with a colon (or a "thì")
 * further on in its sentence and no value before it, a sentence that goes
 * on to word w
 * ("Trường hợp theo danh sách (ví dụ …) thì mức thu thấp hơn: 10.000đ …,
 * 5.000đ …"): then it names the case of every value there. */
static gboolean
governs (const GArray *vals, const ValueClaim *c, const AnswerPart *p,
         guint s1, guint w)
{
  gboolean colon = FALSE;
  for (guint k = s1; k <= w && k < p->words->len; k++) {
    guint8 gap = g_array_index (p->words, CueWord, k).gap;
    if (gap & CUE_GAP_STOP)
      return FALSE;
    if (!colon && k > s1 + 15)
      return FALSE;
    /* "Nếu đăng ký theo danh sách thì 10.000 đồng/người trực tiếp, 5.000
     * đồng/người online": the condition's "thì" governs as a colon does */
    colon |= (gap & CUE_GAP_COLON) != 0
             || answer_word_is (p, k, "thì") || answer_word_is (p, k, "thi");
    for (guint i = 0; !colon && i < vals->len; i++) {
      const ValueClaim *o = &g_array_index (vals, ValueClaim, i);
      if (o->part == c->part && o->w0 == k)
        return FALSE; /* a value before the colon: the cue is its own */
    }
  }
  return colon;
}

/* Whether word w sits in parentheses that c is outside of and another
 * value of the part is inside: the cue there is that value's. */
static gboolean
in_others_parentheses (const AnswerPart *p, const GArray *vals,
                       const ValueClaim *c, guint w)
{
  if (p->groups == NULL || w >= p->words->len)
    return FALSE;
  guint g = p->groups[w];
  if (g == 0 || (c->w0 < p->words->len && p->groups[c->w0] == g))
    return FALSE;
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *o = &g_array_index (vals, ValueClaim, i);
    if (o != c && o->part == c->part && o->w0 < p->words->len
        && p->groups[o->w0] == g)
      return TRUE;
  }
  return FALSE;
}

/* The distance from c to the nearest cue of when in c's part that is
 * nearer to c than to any other value of the part ("1.000 đồng/trang (hai
 * trang đầu 2.000 đồng)" names the case of 2.000, not of 1.000), or
 * G_MAXUINT. */
static guint
case_distance (View *v, const ValueClaim *c, const Aliases *when)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  const GArray *vals = view_values (v);
  const GPtrArray *forms = when->form[v->a->lenient];
  guint best = G_MAXUINT;
  for (guint k = 0; k < forms->len; k++) {
    const char *needle = forms->pdata[k];
    guint n = names_word_count (needle);
    for (const char *h = strstr (p->phrase, needle); h;
         h = strstr (h + 1, needle)) {
      guint w = 0;
      for (const char *q = p->phrase + 1; q <= h; q++)
        w += q[-1] == ' ' && *q != ' ';
      guint s0 = answer_source_word (p->phrase_src, w);
      guint s1 = answer_source_word (p->phrase_src, w + n - 1) + 1;
      if (in_others_parentheses (p, vals, c, s0))
        continue; /* "10.750.000đ (chuyển nhượng: 4.250.000đ)" */
      guint mine = distance (p, c, s0, s1);
      if (mine < best && governs (vals, c, p, s1, c->w0)) {
        best = mine; /* "Trường hợp theo danh sách: 10.000đ (…), 5.000đ (…)" */
        continue;
      }
      gboolean nearest = mine < best;
      /* "5.000 đồng (theo danh sách nộp trực tiếp là 10.000 đồng)": a cue
       * in the parentheses c is in is c's, not the value's outside */
      guint g = p->groups && s0 < p->words->len ? p->groups[s0] : 0;
      gboolean shared = g != 0 && c->w0 < p->words->len && p->groups[c->w0] == g;
      for (guint i = 0; nearest && i < vals->len; i++) {
        const ValueClaim *o = &g_array_index (vals, ValueClaim, i);
        nearest = o == c || o->part != c->part
                  || (shared && (o->w0 >= p->words->len || p->groups[o->w0] != g))
                  || distance (p, o, s0, s1) >= mine;
      }
      if (nearest)
        best = mine;
    }
  }
  return best;
}

const FactCase *
match_case_of (const Fact *f, View *v, const ValueClaim *c)
{
  if (f->cases == NULL)
    return NULL;
  /* the case whose cue is nearest the value */
  const FactCase *found = NULL;
  guint best = G_MAXUINT;
  for (guint i = 0; i < f->cases->len; i++) {
    const FactCase *fc = f->cases->pdata[i];
    guint d = case_distance (v, c, fc->when);
    if (d < best) {
      best = d;
      found = fc;
    }
  }
  if (found != NULL)
    return found;
  /* the case named by the row, the column or the list's introduction;
   * a cell whose row and column name two cases ("Cục QLXNC" × "Khẩn cấp")
   * is in both, and the one whose value it states is the one it gives */
  const AnswerPart *p = answer_part (v->a, c->part);
  const gint ctx[] = {p->row_head, p->col_head, p->intro};
  const FactCase *first = NULL;
  for (gsize k = 0; k < G_N_ELEMENTS (ctx); k++) {
    if (ctx[k] < 0)
      continue;
    const AnswerPart *h = answer_part (v->a, (guint) ctx[k]);
    for (guint i = 0; i < f->cases->len; i++) {
      const FactCase *fc = f->cases->pdata[i];
      if (judge_aliases_find_in (fc->when, v->a->lenient, h->phrase,
                                 &h->phrase_words, NULL, NULL)
          < 0)
        continue;
      if (p->kind != PART_CELL)
        return fc;
      if (fc->has_value && judge_same_amount (fc->value.value, c->m.hi, c->m.unit))
        return fc;
      if (first == NULL)
        first = fc;
    }
  }
  return first;
}

