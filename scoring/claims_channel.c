/* The channel a value is said of (scoring/claims.h): the channel cue
 * nearest it in its clause, else in its sentence, else in its table
 * headers, intro or heading — as a reader binds "trực tiếp" or "qua
 * VNeID" to an amount, with the list and comparison layouts that move a
 * cue to the other side of its value. Split from claims.c, which reads
 * what a value is about. */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

#include "scoring/judge_key.h"

static gint
channel_of (CueClass c)
{
  switch (c) {
  case CUE_CH_TRUC_TIEP: return CH_TRUC_TIEP;
  case CUE_CH_TRUC_TUYEN: return CH_TRUC_TUYEN;
  case CUE_CH_BUU_CHINH: return CH_BUU_CHINH;
  default: return -1;
  }
}


/* The parenthesis group of each word: 0 outside, else its group's number
 * (from 1). Made once per part and kept there. */
const guint *
claims_paren_groups (const AnswerPart *p)
{
  if (p->groups != NULL)
    return p->groups;
  guint *g = g_new0 (guint, p->words->len + 1);
  guint depth = 0, group = 0, current = 0;
  for (guint i = 0; i < p->words->len; i++) {
    guint8 gap = word (p, i)->gap;
    if ((gap & CUE_GAP_CLOSE) && depth > 0 && --depth == 0)
      current = 0;
    if (gap & CUE_GAP_OPEN) {
      if (depth++ == 0)
        current = ++group;
    }
    g[i] = current;
  }
  ((AnswerPart *) p)->groups = g; /* a cache: the part's reading is its own */
  return g;
}

/* TRUE when a value other than the one at [w0, w1) lies in group g. */
gboolean
claims_group_has_other_value (const AnswerPart *p, const guint *groups,
                              guint g, guint w0)
{
  for (guint k = 0; g && p->amounts && k < p->amounts->len; k++) {
    const NumbersMention *m = &g_array_index (p->amounts, NumbersMention, k);
    for (guint i = 0; i < p->words->len; i++)
      if (word (p, i)->start >= m->start && word (p, i)->end <= m->end) {
        if (groups[i] == g && i != w0)
          return TRUE;
        break;
      }
  }
  return FALSE;
}

/* The channel cue nearest the value in its clause (before wins a tie),
 * else the nearest before it in its sentence, else in its context. A cue
 * inside parentheses that hold another value is that value's ("7.000đ
 * (nộp trực tiếp là 15.000đ)"); one inside the value's own parentheses
 * is the value's, however near a cue outside them ("15.000đ nộp trực
 * tiếp (7.000đ nếu nộp trực tuyến)"). */
/* Whether an amount of p starts at one of words [from, to). */
static gboolean
value_starts_in (const AnswerPart *p, guint from, guint to)
{
  to = MIN (to, p->words->len);
  for (guint k = from; p->amounts && k < to; k++) {
    const CueWord *w = word (p, k);
    for (guint i = 0; i < p->amounts->len; i++) {
      gsize at = g_array_index (p->amounts, NumbersMention, i).start;
      if (at >= w->start && at < w->end)
        return TRUE;
    }
  }
  return FALSE;
}

/* Whether norm[from, to) holds a list separator: / , ; | – — */
static gboolean
separated (const char *norm, gsize from, gsize to)
{
  for (gsize i = from; i < to; i++) {
    guchar b = (guchar) norm[i];
    if (b == '/' || b == ',' || b == ';' || b == '|')
      return TRUE;
    if (b == 0xE2 && i + 2 < to && (guchar) norm[i + 1] == 0x80
        && ((guchar) norm[i + 2] == 0x93 || (guchar) norm[i + 2] == 0x94))
      return TRUE;
  }
  return FALSE;
}

/* A cue that trails another amount, with a separator between it and the
 * value at w0, is that amount's: "20.000 đồng trực tiếp / 10.000 đồng
 * trực tuyến" gives 10.000 the cue after it, not "trực tiếp". A cue after
 * a separator leads the next value instead ("15.000đ, trực tuyến 7.000đ"). */
static gboolean
trails_other_value (const AnswerPart *p, const CueHit *ch, guint w0)
{
  gsize cue_start = word (p, ch->w0)->start;
  gsize cue_end = word (p, ch->w1 - 1)->end;
  if (!separated (p->norm, cue_end, word (p, w0)->start))
    return FALSE;
  for (guint i = 0; p->amounts && i < p->amounts->len; i++) {
    const NumbersMention *m = &g_array_index (p->amounts, NumbersMention, i);
    if (m->end <= cue_start && cue_start - m->end <= 3
        && !separated (p->norm, m->end, cue_start))
      return TRUE;
  }
  return FALSE;
}

/* Whether the words before w are a comparison's "like" or "than": "03
 * ngày làm việc như nộp trực tiếp; … lệ phí thấp hơn (7.000 đồng)" names
 * the channel compared with, not the channel of what follows the
 * separator ("thấp hơn so với nộp trực tiếp (15.000 đồng)" is that
 * channel's value). */
static gboolean
compared_with (const AnswerPart *p, guint w)
{
  static const char *const words[] = {"như", "nhu", "hơn", "hon", "than",
                                      "với", "voi", "giống", "giong"};
  if (w == 0)
    return FALSE;
  const CueWord *cw = word (p, w - 1);
  gsize n = cw->end - cw->start;
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strlen (words[i]) == n && memcmp (p->norm + cw->start, words[i], n) == 0)
      return TRUE;
  return FALSE;
}

static gint
channel_in (const AnswerPart *p, guint c0, guint c1, guint w0, guint w1)
{
  gint best = -1;
  guint best_d = G_MAXUINT;
  const guint *groups = claims_paren_groups (p);
  guint mine = w0 < p->words->len ? groups[w0] : 0;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = hit (p, h);
    gint c = channel_of (ch->cls);
    if (c < 0 || ch->w0 < c0 || ch->w1 > c1)
      continue;
    guint g = groups[ch->w0];
    if (g != 0 && g != mine
        && claims_group_has_other_value (p, groups, g, w0))
      continue;
    guint d;
    if (ch->w1 <= w0 && w0 < p->words->len /* a header's end: no value */
        && (trails_other_value (p, ch, w0)
            || (compared_with (p, ch->w0)
                && separated (p->norm, word (p, ch->w1 - 1)->end,
                              word (p, w0)->start))))
      continue;
    /* "VND 10,000 in person, VND 5,000 online": a cue right after the
     * value, a comma after the cue, is the value's whatever follows */
    gboolean trailing = ch->w0 == w1 && word (p, w1)->gap == 0
                        && ch->w1 < p->words->len
                        && (word (p, ch->w1)->gap & (CUE_GAP_COMMA | CUE_GAP_STOP));
    /* "10.000đ/người (trực tiếp), 5.000đ/người (online)": parentheses
     * opening right after the value, on the cue, are the value's */
    gboolean own_paren = g != 0 && ch->w0 >= w1 && ch->w0 <= w1 + 1
                         && (word (p, ch->w0)->gap & CUE_GAP_OPEN);
    if (ch->w1 <= w0)
      d = 2 * (w0 - ch->w1);
    else if (own_paren)
      d = 2 * (ch->w0 - w1) + 1;
    else if (ch->w0 >= w1 && ((!value_starts_in (p, ch->w1, ch->w1 + 2)
                               && !value_starts_in (p, w1, ch->w0))
                              || trailing))
      d = 2 * (ch->w0 - w1) + 1;
    else
      continue; /* a cue right before another value is that value's:
                   "10.000đ — bằng nửa mức nộp trực tiếp (20.000đ)"; so is
                   one after another value ("7,000 — cheaper than the
                   15,000 charged when you file in person") */
    if (mine == 0 || g != mine)
      d += 1u << 20; /* after every cue inside the value's parentheses */
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

/* "| Đăng ký theo danh sách | Trực tiếp | 10.000 đồng |": the one channel
 * another cell of the row names, or -1 (none, or two). Only a short cell
 * with no value of its own is a channel column, not a note ("Nộp trực
 * tuyến được giảm còn 7.000 đồng", "Có thể thanh toán trực tuyến"). */
static gint
row_channel (const Answer *a, const AnswerPart *p)
{
  if (p->kind != PART_CELL)
    return -1;
  gint found = -1;
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *q = answer_part (a, i);
    if (q == p || q->kind != PART_CELL || q->block != p->block
        || q->row != p->row || q->words->len > 4
        || (q->amounts != NULL && q->amounts->len > 0))
      continue;
    gint c = channel_in (q, 0, q->words->len, q->words->len, q->words->len);
    if (c >= 0 && found >= 0 && c != found)
      return -1;
    if (c >= 0)
      found = c;
  }
  return found;
}

gint
claims_channel_for (const Answer *a, const AnswerPart *p,
                    const ValueClaim *c)
{
  gint ch = channel_in (p, c->c0, c->c1, c->w0, c->w1);
  if (ch < 0)
    ch = channel_in (p, 0, c->w0, c->w0, c->w1);
  if (ch < 0)
    ch = row_channel (a, p);
  const gint ctx[] = {p->row_head, p->col_head, p->intro, p->heading};
  for (gsize i = 0; ch < 0 && i < G_N_ELEMENTS (ctx); i++)
    if (ctx[i] >= 0) {
      const AnswerPart *q = answer_part (a, (guint) ctx[i]);
      ch = channel_in (q, 0, q->words->len, q->words->len, q->words->len);
    }
  return ch;
}
