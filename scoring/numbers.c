/* Number, money and duration extraction (scoring/README.md "Number
 * grammar"). The text is cut into tokens (digit runs, letter runs, single
 * punctuation characters), words are looked up once in a vocabulary, and a
 * small recursive-descent parser reads amounts where the context says an
 * amount stands: a number word is only a number when a unit or a scale
 * follows, because năm, mốt and tư are also ordinary words. */
#include "scoring/numbers.h"

#include "scoring/normalize.h"

#include "scoring/vi_char.h"

#include <math.h>
#include <string.h>

#include "scoring/numbers_tokens.h"
#include "scoring/numbers_private.h"

/* ---- the parser ---------------------------------------------------------- */

/* "(không kể thứ Bảy, Chủ nhật và ngày lễ)", "trừ cuối tuần",
 * "excluding weekends" just after a number of days: working days. */
static gboolean
weekends_excluded (const Toks *k, int i)
{
  int from = -1;
  for (int j = i; j < k->n && j < i + 4 && from < 0; j++)
    if (is_w (k, j, W_TRU))
      from = j + 1;
    else if (is_w (k, j, W_KHONG) && (is_w (k, j + 1, W_KE)
                                      || is_w (k, j + 1, W_TINH)))
      from = j + 2;
  for (int j = from; from >= 0 && j < k->n && j < from + 4; j++)
    if ((is_w (k, j, W_CHU) && is_w (k, j + 1, W_NHAT))
        || (is_w (k, j, W_CUOI) && is_w (k, j + 1, W_TUAN))
        || (is_w (k, j, W_ORD) && is_w (k, j + 1, W_BAY))
        || is_w (k, j, W_WEEKEND))
      return TRUE;
  return FALSE;
}

static NumbersUnit
parse_unit (const Toks *k, int i, int *end)
{
  *end = i + 1;
  if (is_w (k, i, W_DONG) || is_w (k, i, W_VND) || is_p (k, i, 0x20AB))
    return NUMBERS_UNIT_VND;
  if (is_w (k, i, W_WORKING) && is_w (k, i + 1, W_NGAY)) {
    *end = i + 2; /* "3 working days" */
    return NUMBERS_UNIT_WORKING_DAY;
  }
  if (is_w (k, i, W_NGAY)) {
    if (is_w (k, i + 1, W_LAM) && is_w (k, i + 2, W_VIEC)) {
      *end = i + 3;
      return NUMBERS_UNIT_WORKING_DAY;
    }
    if (is_w (k, i + 1, W_LV)) { /* "3 ngày lv" typed in a chat */
      *end = i + 2;
      return NUMBERS_UNIT_WORKING_DAY;
    }
    return weekends_excluded (k, i + 1) ? NUMBERS_UNIT_WORKING_DAY
                                        : NUMBERS_UNIT_DAY;
  }
  if (is_w (k, i, W_YEAR_EN))
    return NUMBERS_UNIT_YEAR;
  if (is_w (k, i, W_GIO) || is_w (k, i, W_H))
    return NUMBERS_UNIT_HOUR;
  if (is_w (k, i, W_TUAN))
    return NUMBERS_UNIT_WEEK;
  if (is_w (k, i, W_THANG))
    return NUMBERS_UNIT_MONTH;
  if (is_w (k, i, W_NAM))
    return NUMBERS_UNIT_YEAR;
  if (is_w (k, i, W_PHUT))
    return NUMBERS_UNIT_MINUTE;
  *end = i;
  return NUMBERS_UNIT_NONE;
}

/* Digit word 0–9 (không … chín). */
static gboolean
digit_word (const Toks *k, int i, int *d)
{
  if (i < 0 || i >= k->n || k->t[i].type != TOK_WORD || k->t[i].w == NULL
      || k->t[i].w->digit < 0)
    return FALSE;
  *d = k->t[i].w->digit;
  return TRUE;
}

static double
scale_of (const Toks *k, int i, gboolean *slang)
{
  *slang = FALSE;
  if (is_w (k, i, W_NGHIN))
    return 1e3;
  if (is_w (k, i, W_TRIEU))
    return 1e6;
  if (is_w (k, i, W_TI))
    return 1e9;
  if (is_w (k, i, W_K))
    return (*slang = TRUE), 1e3;
  if (is_w (k, i, W_TR) || is_w (k, i, W_CU))
    return (*slang = TRUE), 1e6;
  return 0;
}

/* The units digit after mươi/mười: mốt, tư, lăm/nhăm or a digit word.
 * "năm" is not taken there: hai mươi năm is twenty years. */
static gboolean
unit_after_tens (const Toks *k, int i, gboolean after_muoi, int *u)
{
  if (is_w (k, i, W_MOT1) && after_muoi)
    return (*u = 1), TRUE;
  if (is_w (k, i, W_TU4))
    return (*u = 4), TRUE;
  if (is_w (k, i, W_LAM5))
    return (*u = 5), TRUE;
  int d;
  gboolean slang;
  if (digit_word (k, i, &d) && d >= 1
      && (d != 5 || scale_of (k, i + 1, &slang) > 0))
    return (*u = d), TRUE;
  return FALSE;
}

/* Colloquial tens without mươi: hai mốt = 21, ba lăm = 35, hai tư = 24. */
static gboolean
colloquial_unit (const Toks *k, int i, int *u)
{
  if (is_w (k, i, W_MOT1))
    return (*u = 1), TRUE;
  if (is_w (k, i, W_TU4))
    return (*u = 4), TRUE;
  if (is_w (k, i, W_LAM5))
    return (*u = 5), TRUE;
  return FALSE;
}

/* Tens and units of a group; returns the next index or i if none. */
static int
parse_tens (const Toks *k, int i, gboolean after_hundreds, double *v)
{
  int d, u;
  if (digit_word (k, i, &d) && d >= 1 && is_w (k, i + 1, W_MUOIX)) {
    *v += d * 10;
    if (unit_after_tens (k, i + 2, TRUE, &u)) {
      *v += u;
      return i + 3;
    }
    return i + 2;
  }
  if (digit_word (k, i, &d) && d >= 1 && is_w (k, i + 1, W_CHUC)) {
    *v += d * 10;
    return i + 2;
  }
  if (is_w (k, i, W_MUOI10)) {
    *v += 10;
    if (unit_after_tens (k, i + 1, FALSE, &u)) {
      *v += u;
      return i + 2;
    }
    return i + 1;
  }
  if (digit_word (k, i, &d) && d >= 2 && colloquial_unit (k, i + 1, &u)) {
    *v += d * 10 + u;
    return i + 2;
  }
  if (!after_hundreds && digit_word (k, i, &d)) {
    *v += d;
    return i + 1;
  }
  return i;
}

/* One group below a thousand in words, or one digit token. Returns the next
 * index, or -1 when nothing is there. */
static int
parse_group (const Toks *k, int i, double *out, gboolean *words)
{
  *words = FALSE;
  if (is_num (k, i)) {
    *out = k->t[i].num;
    return i + 1;
  }
  gboolean slang;
  if (is_w (k, i, W_NUA) && scale_of (k, i + 1, &slang) > 0) {
    *out = 0.5; /* nửa triệu */
    *words = TRUE;
    return i + 1;
  }
  double v = 0;
  int j = i, d;
  gboolean hundreds = FALSE;
  if (digit_word (k, j, &d) && is_w (k, j + 1, W_TRAM)) {
    v = d * 100;
    j += 2;
    hundreds = TRUE;
    if (is_w (k, j, W_LINH) && (digit_word (k, j + 1, &d)
                                || (is_w (k, j + 1, W_TU4) && (d = 4)))
        && d > 0) {
      *out = v + d;
      *words = TRUE;
      return j + 2;
    }
  }
  j = parse_tens (k, j, hundreds, &v);
  if (j == i)
    return -1;
  *out = v;
  *words = TRUE;
  return j;
}

typedef struct {
  double value;
  int end;            /* next token index */
  gboolean words;     /* began with a number word */
  gboolean digits;    /* holds a digit token */
  double scale;       /* largest scale seen, 0 if none */
  gboolean slang;     /* k, tr, củ: used only for money */
} Amount;

/* After a scale: rưỡi (half), or a lone digit that stands for tenths of it
 * (một triệu tư = 1.400.000, 1tr5, 2 triệu 3). Returns the next index. */
static int
scale_tail (const Toks *k, int i, double scale, double *total)
{
  gboolean slang;
  if (is_w (k, i, W_RUOI)) {
    *total += scale / 2;
    return i + 1;
  }
  int d = 0, other, uend;
  gboolean lone = digit_word (k, i, &d) || colloquial_unit (k, i, &d);
  NumbersUnit after = parse_unit (k, i + 1, &uend);
  gboolean duration_after = after != NUMBERS_UNIT_NONE
                            && after != NUMBERS_UNIT_VND;
  if (lone && d > 0 && !duration_after && !is_w (k, i + 1, W_TRAM)
      && !is_w (k, i + 1, W_MUOIX) && !is_w (k, i + 1, W_CHUC)
      && !colloquial_unit (k, i + 1, &other)
      && scale_of (k, i + 1, &slang) == 0 && !is_w (k, i + 1, W_LINH)) {
    *total += d * scale / 10;
    return i + 1;
  }
  /* 1tr5, 2 triệu 3: glued, or after a scale of a million or more */
  if (is_num (k, i) && !k->t[i].decimal && k->t[i].ndigits <= 3
      && (k->t[i].glued || scale >= 1e6) && !duration_after
      && scale_of (k, i + 1, &slang) == 0) {
    *total += k->t[i].num * scale / pow (10, k->t[i].ndigits);
    return i + 1;
  }
  return i;
}

/* Reads an amount starting at i: groups joined by scales. */
static gboolean
parse_amount (const Toks *k, int i, Amount *a)
{
  memset (a, 0, sizeof *a);
  double total = 0, highest = 0, last = 0;
  int j = i;
  for (;;) {
    double g = 0;
    gboolean words;
    int next = parse_group (k, j, &g, &words);
    if (next < 0)
      break;
    if (j == i)
      a->words = words;
    a->digits = a->digits || !words;
    gboolean slang;
    double s = scale_of (k, next, &slang);
    if (s == 0) {
      total += g;
      j = next;
      break;
    }
    if (s == last)
      break; /* "50k50k": one scale twice is two amounts, not one */
    last = s;
    a->slang = a->slang || slang;
    if (s > highest) {
      total = (total + g) * s;
      highest = s;
    } else {
      total += g * s;
    }
    j = next + 1;
    while (scale_of (k, j, &slang) > highest) { /* một nghìn tỷ */
      highest = scale_of (k, j, &slang);
      total *= highest;
      j++;
    }
    int tail = scale_tail (k, j, s, &total);
    if (tail != j) {
      j = tail;
      break;
    }
    int d;
    if (!(is_num (k, j) || digit_word (k, j, &d) || is_w (k, j, W_MUOI10)))
      break;
  }
  if (j == i)
    return FALSE;
  a->value = total;
  a->end = j;
  a->scale = highest;
  return TRUE;
}

/* ---- units and context --------------------------------------------------- */

/* ---- fixed phrases -------------------------------------------------------- */

static const int zero_fee[][6] = {
  {W_MIEN, W_PHI, -1},
  {W_MIEN, W_LE, W_PHI, -1},
  {W_KHONG, W_THU, W_PHI, -1},
  {W_KHONG, W_THU, W_LE, W_PHI, -1},
  {W_KHONG, W_MAT, W_PHI, -1},
  {W_KHONG, W_TON, W_PHI, -1},
  {W_KHONG, W_THU, W_TIEN, -1},
  {W_KHONG, W_MAT, W_TIEN, -1},
  {W_KHONG, W_PHAI, W_NOP, W_PHI, -1},
  {W_KHONG, W_PHAI, W_NOP, W_LE, W_PHI, -1},
  {W_KHONG, W_PHAI, W_TRA, W_PHI, -1},
  {W_KHONG, W_PHAI, W_TRA, W_TIEN, -1},
  {W_KHONG, W_MAT, W_LE, W_PHI, -1},
  {W_KHONG, W_TON, W_TIEN, -1},
  {W_KHONG, W_MAT, W_DONG, W_NAO, -1},
  {W_KHONG, W_TON, W_DONG, W_NAO, -1},
  {W_KHONG, W_THU, W_DONG, W_NAO, -1},
  {W_FREE, -1},
};

static const int same_day[][4] = {
  {W_NGAY2, W_TRONG, W_NGAY, -1},
  {W_TRONG, W_NGAY, -1},
  {W_NGAY2, W_LAP, W_TUC, -1},
};

/* Returns the index after the words of pattern at i, or -1. */
static int
match_words (const Toks *k, int i, const int *pattern)
{
  int j = i;
  for (const int *p = pattern; *p >= 0; p++, j++)
    if (!is_w (k, j, *p))
      return -1;
  return j;
}

/* The words that start a phrase of each table, as a WordSet: most words
 * start none, and are then passed over without trying every phrase. */
static const WordSet *
phrase_starts (gboolean money)
{
  static WordSet starts[2];
  static gsize once;
  if (g_once_init_enter (&once)) {
    for (gsize p = 0; p < G_N_ELEMENTS (zero_fee); p++)
      starts[1].bits[zero_fee[p][0] / 64] |= 1ull << (zero_fee[p][0] % 64);
    for (gsize p = 0; p < G_N_ELEMENTS (same_day); p++)
      starts[0].bits[same_day[p][0] / 64] |= 1ull << (same_day[p][0] % 64);
    g_once_init_leave (&once, 1);
  }
  return &starts[money ? 1 : 0];
}

/* A lệ phí field answered in one word: "Phí, lệ phí: Không", "Lệ phí:
 * miễn" (a portal's record). The end of that word, or -1. */
static int
fee_field_none (const Toks *k, int i)
{
  if (!(is_w (k, i, W_KHONG) || is_w (k, i, W_MIEN)) || !is_p (k, i - 1, ':')
      || !is_w (k, i - 2, W_PHI) || !is_w (k, i - 3, W_LE))
    return -1; /* a bare "Phí: Không" is the other field, not the lệ phí */
  return i + 1 >= k->n || k->t[i + 1].type == TOK_PUNCT ? i + 1 : -1;
}

static int
match_phrase_table (const Toks *k, int i, gboolean money)
{
  if (k->t[i].type != TOK_WORD || k->t[i].w == NULL)
    return -1;
  if (money && fee_field_none (k, i) > 0)
    return fee_field_none (k, i);
  const WordSet *starts = phrase_starts (money);
  if (!(k->t[i].w->bits[0] & starts->bits[0])
      && !(k->t[i].w->bits[1] & starts->bits[1]))
    return -1;
  gsize n = money ? G_N_ELEMENTS (zero_fee) : G_N_ELEMENTS (same_day);
  for (gsize p = 0; p < n; p++) {
    int end = match_words (k, i, money ? zero_fee[p] : same_day[p]);
    /* "trong ngày 15/7" is a date, not the same day; nor is "trong ngày
     * làm việc thứ bảy" (the seventh working day) */
    if (end > 0 && !money && end < k->n && k->t[end].type == TOK_NUM)
      continue;
    if (end > 0 && !money && is_w (k, end, W_LAM) && is_w (k, end + 1, W_VIEC)
        && is_w (k, end + 2, W_ORD))
      continue;
    /* "không miễn phí" is not free */
    if (end > 0 && money && is_w (k, i, W_MIEN) && is_w (k, i - 1, W_KHONG))
      continue;
    if (end > 0)
      return end;
  }
  return -1;
}

/* ---- scanning --------------------------------------------------------------- */

static void
add_mention (GArray *out, const Toks *k, int first, int last_excl,
             NumbersUnit unit, NumbersBound bound, double lo, double hi)
{
  NumbersMention m = {unit, bound, lo, hi, k->t[first].start,
                      k->t[last_excl - 1].end};
  g_array_append_val (out, m);
}

/* Decides whether an amount without a unit is money anyway. */
static gboolean
unitless_is_money (const Toks *k, int i, const Amount *a)
{
  /* a particle ("400 nghìn nha bạn") ends the amount like a full stop */
  gboolean word_follows = a->end < k->n && k->t[a->end].type == TOK_WORD
                          && !is_w (k, a->end, W_PART);
  /* "15k nha", "lệ phí 15k": slang money; "41K thành viên", "2k lượt
   * thích": a count of what the next word names, with no fee word before */
  if (a->slang)
    return !word_follows || numbers_fee_cue_before (k, i, 6);
  /* "Luật Phí và lệ phí 2015, Điều 21": four digits with no grouping dot
   * and no unit, a year's span, is a year (a fee is written "2.000đ") */
  if (a->digits && a->value >= 1945 && a->value <= 2100
      && k->t[i].type == TOK_NUM && k->t[i].ndigits == 4
      && k->t[i].end - k->t[i].start == 4)
    return FALSE;
  /* "tháng ba năm hai nghìn không trăm hai mươi lăm": a year said */
  if (!a->digits && a->value >= 1900 && a->value <= 2100
      && (is_w (k, i - 1, W_NAM) || is_w (k, i - 1, W_THANG)))
    return FALSE;
  if (a->scale >= 1e3)
    return !word_follows || numbers_fee_cue_before (k, i, 6);
  /* a fee field answered zero ("phí: 0", {"lệ phí": 0}): free */
  if (a->digits && a->value == 0 && !word_follows && is_p (k, i - 1, ':'))
    return numbers_fee_cue_before (k, i, 3);
  return a->digits && a->value >= 1000 && !word_follows
         && numbers_fee_cue_before (k, i, 4);
}

/* Tries a range "A - B unit" / "A đến B unit" whose first end is a. */
static gboolean
try_range (const Toks *k, int sep, NumbersUnit first_unit, Amount *b,
           NumbersUnit *unit, int *end)
{
  if (!(is_p (k, sep, '-') || is_p (k, sep, '~') || is_w (k, sep, W_DEN)
        || is_w (k, sep, W_TOI2)))
    return FALSE;
  if (!parse_amount (k, sep + 1, b))
    return FALSE;
  NumbersUnit u = parse_unit (k, b->end, end);
  if (u == NUMBERS_UNIT_NONE && first_unit == NUMBERS_UNIT_NONE && b->slang)
    u = NUMBERS_UNIT_VND;
  if (u == NUMBERS_UNIT_NONE || (first_unit != NUMBERS_UNIT_NONE
                                 && first_unit != u))
    return FALSE;
  *unit = u;
  return TRUE;
}

/* "07 (bảy) ngày": official texts restate the number in words; the unit
 * comes after the parenthesis. */
static NumbersUnit
unit_after_parenthesis (const Toks *k, int open, int *end)
{
  for (int j = open + 1; j < k->n && j < open + 8; j++)
    if (is_p (k, j, ')'))
      return parse_unit (k, j + 1, end);
  return NUMBERS_UNIT_NONE;
}

/* Reads the mention starting at token i, if any; returns the next index. */
static int
scan_amount_at (const Toks *k, int i, GArray *out)
{
  int d;
  if (k->t[i].type == TOK_PUNCT
      || (k->t[i].type == TOK_WORD
          && !(digit_word (k, i, &d) || is_w (k, i, W_MUOI10)
               || is_w (k, i, W_NUA))))
    return i + 1; /* the common case: a word that starts no number */
  if (k->t[i].type == TOK_NUM && (k->t[i].bad || numbers_digits_in_code (k, i)))
    return i + 1;
  if (is_w (k, i - 1, W_ORD) && is_w (k, i - 2, W_VIEC)
      && is_w (k, i - 3, W_LAM) && is_w (k, i - 4, W_NGAY)
      && k->t[i].type == TOK_NUM) {
    /* "chậm nhất vào ngày làm việc thứ 3": the third working day */
    Amount o;
    if (parse_amount (k, i, &o) && o.value >= 1 && o.value <= 90) {
      NumbersBound bound = NUMBERS_EXACT;
      int bstart = i - 4;
      (void) numbers_bound_before (k, i - 4, &bstart);
      add_mention (out, k, bstart, o.end, NUMBERS_UNIT_WORKING_DAY, bound,
                   o.value, o.value);
      return o.end;
    }
  }
  /* folded "sau" after "hôm", "ngày", "tuần", "tháng" ("tu hom sau ngay
   * sinh") is "after", not six */
  if (is_w (k, i, W_SAU) && is_w (k, i, W_CLOCK)
      && (is_w (k, i - 1, W_HOM) || is_w (k, i - 1, W_NGAY)
          || is_w (k, i - 1, W_TUAN) || is_w (k, i - 1, W_THANG)))
    return i + 1;
  gboolean label = numbers_after_label (k, i);
  Amount a;
  if (!parse_amount (k, i, &a))
    return i + 1;
  /* "trang 2" is a page, but "mỗi trang hai nghìn đồng" is a price: after
   * a label only an amount with its scale or currency counts */
  if (label && a.scale < 1e3 && !is_w (k, a.end, W_DONG)
      && !is_w (k, a.end, W_VND) && !is_p (k, a.end, 0x20AB))
    return i + 1;
  if (!a.digits && a.value == 0)
    return i + 1; /* "không đồng ý" is no amount */
  int uend;
  NumbersUnit unit = parse_unit (k, a.end, &uend);
  if (unit == NUMBERS_UNIT_NONE && is_p (k, a.end, '('))
    unit = unit_after_parenthesis (k, a.end, &uend);
  Amount b;
  NumbersUnit runit;
  int rend;
  int bstart;
  NumbersBound bound = numbers_bound_before (k, i, &bstart);
  /* "VND 15,000–20,000": the currency before the range is its unit */
  gboolean vnd_before = unit == NUMBERS_UNIT_NONE
                        && (is_w (k, i - 1, W_VND) || is_p (k, i - 1, 0x20AB));
  if (try_range (k, unit == NUMBERS_UNIT_NONE ? a.end : uend,
                 vnd_before ? NUMBERS_UNIT_NONE : unit, &b, &runit, &rend)
      && b.value > a.value) {
    add_mention (out, k, bstart, rend, runit, NUMBERS_RANGE, a.value, b.value);
    return rend;
  }
  if (vnd_before && (is_p (k, a.end, '-') || is_p (k, a.end, '~'))
      && parse_amount (k, a.end + 1, &b) && b.value > a.value) {
    add_mention (out, k, bstart, b.end, NUMBERS_UNIT_VND, NUMBERS_RANGE,
                 a.value, b.value);
    return b.end;
  }
  if (unit == NUMBERS_UNIT_NONE && (is_w (k, i - 1, W_VND)
                                    || is_p (k, i - 1, 0x20AB))) {
    unit = NUMBERS_UNIT_VND; /* "VND 50.000", "₫50.000" */
    uend = a.end;
  }
  if (unit == NUMBERS_UNIT_NONE) {
    if (!unitless_is_money (k, i, &a))
      return a.words ? i + 1 : a.end;
    unit = NUMBERS_UNIT_VND;
    uend = a.end;
  }
  if (unit == NUMBERS_UNIT_HOUR && is_w (k, i - 1, W_CLOCK))
    return uend; /* sau 15 giờ: a time of day */
  if (is_p (k, i - 1, 0x00B7) && unit != NUMBERS_UNIT_VND
      && unit != NUMBERS_UNIT_WORKING_DAY)
    return uend; /* "**Tài khoản ẩn danh** · 1 giờ", "· 1 tuần trước": a
                    post's age */
  if (unit == NUMBERS_UNIT_HOUR && a.digits && uend < k->n
      && k->t[uend].type == TOK_NUM && !is_w (k, uend + 1, W_PHUT))
    return uend; /* "9 giờ 12, thứ Hai": a clock time ("2 giờ 30 phút" lasts) */
  if (unit == NUMBERS_UNIT_HOUR && a.digits && is_w (k, uend, W_ORD))
    return uend; /* "phát thanh 18 giờ thứ Tư": the hour of a weekday */
  if (unit == NUMBERS_UNIT_MINUTE && uend + 1 < k->n
      && k->t[uend].type == TOK_NUM && is_w (k, uend + 1, W_GIAY))
    return uend; /* "Tin nhắn thoại – 1 phút 52 giây": a recording's length,
                    to the second, no time of a procedure */
  if (a.words && !a.digits && is_w (k, uend, W_NICE))
    return uend; /* "chúc chị một ngày tốt lành": a wish */
  if (a.words && !a.digits && a.value == 1 && unit == NUMBERS_UNIT_DAY
      && is_w (k, uend, W_MAT))
    return uend; /* "đoán một ngày mất": a date of death, no duration */
  if (a.words && !a.digits && a.value == 1 && unit != NUMBERS_UNIT_VND
      && (is_w (k, uend, W_NAO) || is_w (k, uend, W_CUTHE)))
    return uend; /* "một ngày nào đó", "đưa ra một năm cụ thể": some day,
                    some year, not how long */
  if (a.words && !a.digits && unit == NUMBERS_UNIT_DAY && is_w (k, uend, W_NAY))
    return uend; /* "dùng hai ngày này chụp, lưu …": the days of a weekend
                    pointed at, not how long */
  if (unit == NUMBERS_UNIT_VND && a.value > 0 && a.value < 100)
    return uend; /* no fee is that small: "Việt Nam đồng" and the like */
  add_mention (out, k, bstart, uend, unit, bound, a.value, a.value);
  return uend;
}

GArray *
numbers_scan (const char *normalized, gboolean lenient)
{
  /* Room for a few mentions: growing from nothing reallocated per add. */
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (NumbersMention), 8);
  if (normalized == NULL)
    return out;
  TokBuf toks;
  numbers_tokenize (normalized, lenient, &toks);
  Toks k = {toks.t, (int) toks.n};
  int i = 0;
  while (i < k.n) {
    /* Punctuation and words outside the vocabulary start no phrase and
     * no amount (what the tables and scan_amount_at would find): most
     * tokens are passed over without a call. */
    const Tok *t = &k.t[i];
    if (t->type == TOK_PUNCT || (t->type == TOK_WORD && t->w == NULL)) {
      i++;
      continue;
    }
    if (t->type == TOK_NUM) {
      i = scan_amount_at (&k, i, out);
      continue;
    }
    int end = match_phrase_table (&k, i, TRUE);
    if (end > 0) {
      add_mention (out, &k, i, end, NUMBERS_UNIT_VND, NUMBERS_EXACT, 0, 0);
      i = end;
      continue;
    }
    end = match_phrase_table (&k, i, FALSE);
    if (end > 0 && is_w (&k, i - 1, W_MOMENT))
      end = -1; /* "thời điểm trong ngày": the time of day */
    if (end > 0 && is_w (&k, end, W_ORD) && end - i == 2)
      end = -1; /* "sửa trong ngày thứ Sáu 11/12": on that day */
    if (end > 0) {
      add_mention (out, &k, i, end, NUMBERS_UNIT_SAME_DAY, NUMBERS_EXACT, 0,
                   0);
      i = end;
      continue;
    }
    i = scan_amount_at (&k, i, out);
  }
  numbers_tokbuf_clear (&toks);
  return out;
}

static gboolean
parse_whole_toks (const Toks *kp, double *value)
{
  Toks k = *kp;
  if (k.n == 0 || (k.t[0].type == TOK_NUM && k.t[0].bad))
    return FALSE;
  Amount a;
  if (!parse_amount (&k, 0, &a))
    return FALSE;
  int end = a.end;
  if (is_w (&k, end, W_DONG) || is_w (&k, end, W_VND) || is_p (&k, end, 0x20AB))
    end++;
  if (end != k.n)
    return FALSE;
  *value = a.value;
  return TRUE;
}

static gboolean
parse_whole (const char *norm, gboolean lenient, double *value)
{
  TokBuf toks;
  numbers_tokenize (norm, lenient, &toks);
  Toks k = {toks.t, (int) toks.n};
  gboolean ok = parse_whole_toks (&k, value);
  numbers_tokbuf_clear (&toks);
  return ok;
}

gboolean
numbers_parse (const char *text, double *value)
{
  if (text == NULL)
    return FALSE;
  g_autofree char *norm = normalize_text (text, FALSE);
  if (parse_whole (norm, FALSE, value))
    return TRUE;
  /* written without marks: "nam muoi nghin" */
  g_autofree char *folded = normalize_fold_diacritics (norm);
  return parse_whole (folded, TRUE, value);
}
