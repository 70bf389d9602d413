/* Periods compared (scoring/claims_private.h claims_period_past): an
 * answer that sets two times side by side under labels — "Năm 2024:" …
 * "Hiện nay:" …, "Trước 1/7/2025" … "Từ 1/7/2025", "– Nếu là tháng
 * 10/2024: …" — tells the past under every label but the latest, so what
 * it says there is history, not the answer. A label is a line that is
 * nothing but the period ("Năm 2024", "Hiện nay (từ 15/3/2026):"), or a
 * period that opens a line before its colon. Here too: the dates that end
 * a rate's period in a sentence ("… chỉ áp dụng đến hết 31/12/2025"). */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

#include "scoring/dates.h"

#include <string.h>

typedef struct {
  gint32 time;  /* yyyymmdd (a year alone: yyyy0000), G_MAXINT32 for "now"
                   without a date; 0 when the part is no label */
  gboolean open; /* "từ …", "since …", "hiện nay", "Năm 2025 trở đi": runs
                    to the present */
  gboolean regime; /* names a rule's time ("Trước …", "Từ …", "Hiện nay",
                      "Nếu là tháng …"), not only a year or month, which may
                      as well date the steps of a story */
  gboolean same;   /* says nothing changed ("Năm 2026: vẫn như trên") */
  guint from;    /* where the label's reach in its own part starts: the
                    word after its colon, or the part's end for a line
                    that is only the label (it reaches the parts below) */
} Period;

/* A date at word i: "2024", "10/2024", "1/7/2025" as yyyymmdd, its last
 * word in *end; 0 when none (or no year in it). Not dates.h: a period is
 * often a year or a month alone, which dates_scan (full dates) skips. */
static gint32
date_at (const AnswerPart *p, guint i, guint *end)
{
  gint32 n[3];
  guint k = 0;
  while (k < 3 && starts_with_digit (p, i + k)
         && (k == 0 || (word (p, i + k)->gap & CUE_GAP_SLASH))) {
    n[k] = (gint32) g_ascii_strtoll (p->norm + word (p, i + k)->start, NULL, 10);
    k++;
  }
  if (k == 0 || n[k - 1] < 1900 || n[k - 1] > 2100)
    return 0;
  *end = i + k;
  gint32 month = k >= 2 ? n[k - 2] : 0, day = k == 3 ? n[0] : 0;
  if (month > 12 || day > 31)
    return 0;
  return n[k - 1] * 10000 + month * 100 + day;
}

/* Past "ngày", "năm", "tháng" before a date. */
static guint
past_unit (const AnswerPart *p, guint i, gboolean lenient)
{
  return word_is (p, i, "ngày", "ngay", lenient)
                 || word_is (p, i, "năm", "nam", lenient)
                 || word_is (p, i, "tháng", "thang", lenient)
                 || word_is (p, i, "year", "year", lenient)
             ? i + 1 : i;
}

/* Where the label's own words start: past a list number ("2.", "III."),
 * "nếu là", "if it is", "vào". */
static guint
label_start (const AnswerPart *p, gboolean lenient, gboolean *supposed)
{
  *supposed = FALSE;
  static const char *const roman[] = {"i", "ii", "iii", "iv", "v", "vi"};
  guint i = 0;
  while (i + 1 < p->words->len && (word (p, i + 1)->gap & CUE_GAP_STOP)
         && (starts_with_digit (p, i)
             || claims_word_among (p, i, roman, roman, G_N_ELEMENTS (roman),
                                   lenient)))
    i++;
  /* "Giai đoạn 2: …", "Thời kỳ 1 –", "Phase 3:": a numbered stage's name */
  if (((word_is (p, i, "giai", "giai", lenient) && word_is (p, i + 1, "đoạn", "doan", lenient))
       || (word_is (p, i, "thời", "thoi", lenient) && word_is (p, i + 1, "kì", "ki", lenient)))
      && starts_with_digit (p, i + 2))
    i += 3;
  else if ((word_is (p, i, "phase", "phase", lenient) || word_is (p, i, "period", "period", lenient)
            || word_is (p, i, "stage", "stage", lenient))
           && starts_with_digit (p, i + 1))
    i += 2;
  if (word_is (p, i, "nếu", "neu", lenient) && word_is (p, i + 1, "là", "la", lenient))
    i += 2, *supposed = TRUE;
  else if (word_is (p, i, "if", "if", lenient) && word_is (p, i + 1, "it", "it", lenient)
           && word_is (p, i + 2, "is", "is", lenient))
    i += 3, *supposed = TRUE;
  else if (word_is (p, i, "vào", "vao", lenient))
    i++;
  return i;
}

/* Past the end of a range after its start at *end: "… đến 30/6/2025"
 * closes the period, "… đến nay", "… to date" keeps it open. */
static void
range_end (const AnswerPart *p, gboolean lenient, Period *out, guint *end)
{
  guint k = *end;
  if (!word_is (p, k, "đến", "den", lenient) && !word_is (p, k, "tới", "toi", lenient)
      && !word_is (p, k, "to", "to", lenient) && !word_is (p, k, "until", "until", lenient))
    return;
  k++;
  if (word_is (p, k, "nay", "nay", lenient) || word_is (p, k, "now", "now", lenient)
      || word_is (p, k, "date", "date", lenient)) {
    *end = k + 1;
    return;
  }
  if (word_is (p, k, "hết", "het", lenient))
    k++;
  guint e;
  if (date_at (p, past_unit (p, k, lenient), &e) > 0)
    out->open = FALSE, *end = e;
}

/* The period named from word i: its time and whether it is open; the
 * word after it in *end; FALSE when none. */
static gboolean
period_words (const AnswerPart *p, guint i, gboolean lenient, Period *out,
              guint *end)
{
  out->open = FALSE;
  out->regime = TRUE; /* unless a year or month alone, below */
  if (word_is (p, i, "trước", "truoc", lenient) || word_is (p, i, "before", "before", lenient)) {
    out->time = date_at (p, past_unit (p, i + 1, lenient), end);
    out->time -= out->time > 0; /* the day before */
    return out->time > 0;
  }
  if (word_is (p, i, "từ", "tu", lenient) || word_is (p, i, "since", "since", lenient)
      || word_is (p, i, "sau", "sau", lenient) || word_is (p, i, "from", "from", lenient)) {
    out->open = TRUE;
    out->time = date_at (p, past_unit (p, i + 1, lenient), end);
    if (out->time > 0)
      range_end (p, lenient, out, end);
    return out->time > 0;
  }
  if ((word_is (p, i, "hiện", "hien", lenient)
       && (word_is (p, i + 1, "nay", "nay", lenient)
           || word_is (p, i + 1, "tại", "tai", lenient)))
      || (word_is (p, i, "bây", "bay", lenient) && word_is (p, i + 1, "giờ", "gio", lenient))) {
    out->open = TRUE;
    out->time = G_MAXINT32;
    *end = i + 2;
    /* "Hiện nay (từ 15/3/2026):" dates the present */
    Period inner;
    guint e;
    if (period_words (p, i + 2, lenient, &inner, &e) && inner.open)
      out->time = inner.time, *end = e;
    return TRUE;
  }
  if (word_is (p, i, "now", "now", lenient) || word_is (p, i, "currently", "currently", lenient)) {
    out->open = TRUE;
    out->time = G_MAXINT32;
    *end = i + 1;
    return TRUE;
  }
  /* "10/4/2015 – 30/6/2025": a bare range of two full dates */
  guint e1, e2;
  gint32 from = starts_with_digit (p, i) ? date_at (p, i, &e1) : 0;
  if (from % 100 != 0 && e1 < p->words->len
      && memchr (p->norm + word (p, e1 - 1)->end, '-',
                 word (p, e1)->start - word (p, e1 - 1)->end)
      && date_at (p, e1, &e2) > from) {
    out->time = from, *end = e2;
    return TRUE; /* closed, a rule's time */
  }
  /* "Năm 2024", "Tháng 10/2024", "In 2024" — not "Ngày 2/6/2025:", a
   * day in a story, nor a bare date ("2.3. …") */
  if (word_is (p, i, "ngày", "ngay", lenient))
    return FALSE;
  out->regime = FALSE;
  guint d = past_unit (p, i, lenient);
  if (d == i && !word_is (p, i, "in", "in", lenient))
    return FALSE;
  out->time = date_at (p, d == i ? i + 1 : d, end);
  /* "Năm 2025 trở đi:" */
  if (out->time > 0 && word_is (p, *end, "trở", "tro", lenient)
      && (word_is (p, *end + 1, "đi", "di", lenient)
          || word_is (p, *end + 1, "về", "ve", lenient)))
    out->open = out->regime = TRUE, *end += 2;
  return out->time > 0;
}

/* The label part q is, if any. */
static Period
period_label (const AnswerPart *q, gboolean lenient)
{
  Period none = {0, FALSE, FALSE, FALSE, 0}, got;
  gboolean supposed;
  guint i = label_start (q, lenient, &supposed), end;
  if (q->quoted || !period_words (q, i, lenient, &got, &end))
    return none;
  got.regime |= supposed; /* "Nếu là tháng 10/2024:" sets two times side by side */
  got.same = FALSE;
  /* a parenthesis on the period may follow ("Năm 2024 (khi Luật … có
   * hiệu lực):"), then the colon; or nothing, the line being the label */
  const guint *groups = claims_paren_groups (q);
  guint k = end;
  while (k < q->words->len && groups[k] != 0)
    k++;
  if (k >= q->words->len) {
    if (q->kind != PART_HEADING && q->kind != PART_INTRO && q->kind != PART_TEXT)
      return none;
    got.from = q->words->len;
    return got;
  }
  if (k <= i + 8 && (word (q, k)->gap & CUE_GAP_COLON)) {
    got.from = k;
    return got;
  }
  /* "### Từ 01/7/2025 – chính quyền hai cấp": a heading that opens on a
   * rule's period names its section's, whatever title follows */
  if (q->kind == PART_HEADING && got.regime) {
    got.from = q->words->len;
    return got;
  }
  return none;
}

/* Whether p from word w says nothing changed: "vẫn như trên", "không
 * thay đổi", "giữ nguyên", "unchanged". */
static gboolean
says_unchanged (const AnswerPart *p, guint w, gboolean lenient)
{
  for (guint k = w; k < p->words->len; k++)
    if ((word_is (p, k, "như", "nhu", lenient) && word_is (p, k + 1, "trên", "tren", lenient))
        || (word_is (p, k, "không", "khong", lenient)
            && (word_is (p, k + 1, "đổi", "doi", lenient)
                || (word_is (p, k + 1, "thay", "thay", lenient)
                    && word_is (p, k + 2, "đổi", "doi", lenient))))
        || (word_is (p, k, "giữ", "giu", lenient) && word_is (p, k + 1, "nguyên", "nguyen", lenient))
        || word_is (p, k, "unchanged", "unchanged", lenient)
        || (word_is (p, k, "no", "no", lenient) && word_is (p, k + 1, "change", "change", lenient)))
      return TRUE;
  return FALSE;
}

/* Every part's label, made once per answer. */
static const Period *
periods_of (const Answer *a)
{
  if (a->periods == NULL) {
    Period *ps = g_new0 (Period, a->parts->len + 1);
    for (guint i = 0; i < a->parts->len; i++) {
      ps[i] = period_label (answer_part (a, i), a->lenient);
      if (ps[i].time != 0)
        ps[i].same = says_unchanged (answer_part (a, i), ps[i].from, a->lenient)
                     || (i + 1 < a->parts->len
                         && says_unchanged (answer_part (a, i + 1), 0, a->lenient));
    }
    ((Answer *) a)->periods = ps; /* a cache: the answer reads the same */
  }
  return a->periods;
}

/* Whether label l is past: another label of the answer is later; a
 * present without a date is later only than a closed period ("Năm 2024"
 * before "Hiện nay", not "Từ 1/7/2025"). */
static gboolean
is_past (const Answer *a, const Period *ps, const Period *l)
{
  gboolean regime = FALSE;
  for (guint i = 0; i < a->parts->len; i++)
    regime |= ps[i].time != 0 && ps[i].regime;
  if (!regime)
    return FALSE; /* "Năm 2025: …", "Năm 2027: gia hạn": a story's steps */
  for (guint i = 0; i < a->parts->len; i++) {
    const Period *m = &ps[i];
    if (m->time <= l->time || m->same)
      continue; /* not later, or later and "vẫn như trên" */
    if (m->time == G_MAXINT32 && l->open)
      continue;
    return TRUE;
  }
  return FALSE;
}

/* The part a label line leading p's paragraph or list is ("Năm 2024"
 * above its items, with no colon to make it their introduction), or -1. */
static gint
block_label (const Answer *a, const Period *ps, guint pi)
{
  guint block = answer_part (a, pi)->block;
  guint k = pi;
  while (k > 0 && answer_part (a, k - 1)->block == block)
    k--;
  if (k == pi || ps[k].time == 0
      || ps[k].from < answer_part (a, k)->words->len)
    return -1;
  return (gint) k;
}

gboolean
claims_period_past (const Answer *a, const AnswerPart *p, guint w0)
{
  if (a == NULL || a->parts->len < 2)
    return FALSE;
  guint pi = 0;
  while (pi < a->parts->len && answer_part (a, pi) != p)
    pi++;
  if (pi == a->parts->len)
    return FALSE;
  const Period *ps = periods_of (a);
  /* the nearest label wins: the line's own, then the paragraph's, the
   * introduction's, the heading's */
  guint first = answer_line_start (a, pi);
  if (ps[pi].time != 0 && ps[pi].from <= w0 && ps[pi].from < p->words->len)
    return is_past (a, ps, &ps[pi]);
  if (first != pi && ps[first].time != 0
      && ps[first].from < answer_part (a, first)->words->len)
    return is_past (a, ps, &ps[first]);
  gint ctx[] = {block_label (a, ps, pi), p->intro, p->heading};
  for (gsize i = 0; i < G_N_ELEMENTS (ctx); i++)
    if (ctx[i] >= 0 && (guint) ctx[i] != pi && ps[ctx[i]].time != 0)
      return is_past (a, ps, &ps[ctx[i]]);
  return FALSE;
}

/* ---- the end of a rate's period ------------------------------------------ */

/* A word that closes a period before a date ("đến hết 31/12/2025",
 * "until 31 December 2025"). */
static gboolean
closes_period (const AnswerPart *p, guint i, gboolean lenient)
{
  return word_is (p, i, "đến", "den", lenient)
         || word_is (p, i, "tới", "toi", lenient)
         || word_is (p, i, "hết", "het", lenient)
         || word_is (p, i, "until", "until", lenient)
         || word_is (p, i, "till", "till", lenient)
         || word_is (p, i, "through", "through", lenient);
}

typedef struct {
  guint word;
  guint32 ymd;
} PeriodEnd;

GArray *
claims_period_ends (const AnswerPart *p, gboolean lenient)
{
  gboolean any = FALSE;
  for (guint i = 0; !any && i < p->words->len; i++)
    any = closes_period (p, i, lenient);
  if (!any)
    return NULL;
  g_autoptr (GArray) dates = dates_scan (p->norm, lenient);
  GArray *ends = NULL;
  guint w = 0;
  for (guint d = 0; d < dates->len; d++) {
    const DatesMention *m = &g_array_index (dates, DatesMention, d);
    while (w < p->words->len && word (p, w)->start < m->start)
      w++;
    gboolean closed = FALSE; /* "đến hết ngày 31/12/2025" */
    for (guint b = w >= 3 ? w - 3 : 0; b < w; b++)
      closed |= closes_period (p, b, lenient);
    /* of a rate's validity ("áp dụng … đến hết"), not a deadline in a
     * worked example ("hạn đến 25/11/2026") */
    gboolean applies = FALSE;
    for (guint b = w >= 8 ? w - 8 : 0; b < w; b++)
      applies |= word_is (p, b, "dụng", "dung", lenient)
                 || word_is (p, b, "lực", "luc", lenient)
                 || word_is (p, b, "applied", "applied", lenient)
                 || word_is (p, b, "applies", "applies", lenient)
                 || word_is (p, b, "valid", "valid", lenient);
    if (!closed || !applies)
      continue;
    if (ends == NULL)
      ends = g_array_new (FALSE, FALSE, sizeof (PeriodEnd));
    PeriodEnd e = {w, m->year * 10000 + m->month * 100 + m->day};
    g_array_append_val (ends, e);
  }
  return ends;
}

guint32
claims_until_of (const AnswerPart *p, const GArray *ends,
                 const ValueClaim *c)
{
  guint s0 = answer_sentence_start (p, c->w0);
  guint s1 = answer_sentence_end (p, c->w1);
  guint32 until = 0;
  const guint *groups = claims_paren_groups (p);
  guint mine = c->w0 < p->words->len ? groups[c->w0] : 0;
  for (guint i = 0; ends && i < ends->len; i++) {
    const PeriodEnd *e = &g_array_index (ends, PeriodEnd, i);
    guint g = e->word < p->words->len ? groups[e->word] : 0;
    if (g != 0 && g != mine)
      continue; /* "200.000đ (mức giảm … chỉ áp dụng đến hết …)" */
    if (e->word >= s0 && e->word < s1)
      until = MAX (until, e->ymd);
  }
  return until;
}
