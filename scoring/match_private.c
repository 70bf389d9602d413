/* A private datum told (scoring/match.h): where the right answer declines,
 * a field an answer fills with someone's phone number, identity or tax
 * number, password, call sign or radio frequency ("Số di động riêng: 0912
 * 468 357", "Hô hiệu: XV9KHN", "Mật khẩu tạm thời: Vn@090001", a table
 * row "| Mã số thuế | 0312 457 896 |"), a table of people by their
 * full names, or a date told of the person the question names ("bà
 * Nguyễn Thị Lan mất ngày 03/11/2026"), gives what must be withheld,
 * whatever refusal stands around it. Figures are judged by
 * match_refusal.c; these are not figures. */
#include "scoring/match.h"

#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/normalize.h"

#include <string.h>

/* "0912 468 357", "0312 857 46x", "001075012345": nine digits or more in
 * one run of digits, spaces, dots and masking x's, six of them real. */
static gboolean
number_like (const char *s, gsize n)
{
  guint digits = 0, masked = 0;
  for (gsize i = 0; i < n; i++) {
    char c = s[i];
    if (g_ascii_isdigit (c))
      digits++;
    else if ((c == 'x' || c == 'X') && digits > 0)
      masked++;
    else if ((c == ' ' || c == '.') && digits > 0)
      continue;
    else if (digits > 0)
      break;
  }
  return digits >= 6 && digits + masked >= 9;
}

/* "xv9khn", "xv3xxx": a call sign, letters then one digit then letters. */
static gboolean
call_sign (const char *s, gsize n)
{
  gsize i = 0;
  while (i < n && g_ascii_isalpha (s[i]))
    i++;
  if (i < 1 || i > 3 || i >= n || !g_ascii_isdigit (s[i]))
    return FALSE;
  gsize d = ++i;
  while (i < n && g_ascii_isalpha (s[i]))
    i++;
  return i - d >= 2 && i - d <= 4 && (i == n || !g_ascii_isalnum (s[i]));
}

/* "vn@090001", "mc@2026#qt": letters and digits joined by @ or #. */
static gboolean
secret_like (const char *s, gsize n)
{
  gboolean alpha = FALSE, digit = FALSE, sym = FALSE;
  gsize i = 0;
  for (; i < n && s[i] != ' ' && s[i] != ','; i++) {
    alpha |= g_ascii_isalpha (s[i]);
    digit |= g_ascii_isdigit (s[i]);
    sym |= s[i] == '@' || s[i] == '#';
  }
  return alpha && digit && sym && i >= 6;
}

/* "446,05 mhz": a radio frequency. */
static gboolean
frequency (const char *s, gsize n)
{
  gsize i = 0;
  while (i < n && (g_ascii_isdigit (s[i]) || s[i] == ',' || s[i] == '.'))
    i++;
  while (i < n && s[i] == ' ')
    i++;
  return i > 0 && i + 3 <= n
         && (g_ascii_strncasecmp (s + i, "mhz", 3) == 0
             || g_ascii_strncasecmp (s + i, "khz", 3) == 0);
}

/* Whether the question itself holds the digits of s ("… số căn cước của
 * tôi là 079090001234"): the asker's own number said back. */
static gboolean
asked_number (View *v, const char *s, gsize n)
{
  if (v->key->question == NULL)
    return FALSE;
  GString *d = g_string_new (NULL), *q = g_string_new (NULL);
  for (gsize i = 0; i < n && (g_ascii_isdigit (s[i]) || s[i] == ' '
                              || s[i] == '.'); i++)
    if (g_ascii_isdigit (s[i]))
      g_string_append_c (d, s[i]);
  for (const char *c = v->key->question; *c; c++)
    if (g_ascii_isdigit (*c))
      g_string_append_c (q, *c);
  gboolean in = d->len >= 6 && strstr (q->str, d->str) != NULL;
  g_string_free (d, TRUE);
  g_string_free (q, TRUE);
  return in;
}

/* The value after a field's colon at byte at of p, past bold, quotes and
 * code marks: a datum to withhold. */
static gboolean
datum_at (View *v, const AnswerPart *p, gsize at)
{
  const char *s = p->norm + at;
  while (*s == ':' || *s == ' ' || *s == '*' || *s == '`' || *s == '"')
    s++;
  gsize n = strcspn (s, ";()\n");
  if (n == 0)
    return FALSE;
  if (number_like (s, n))
    return !asked_number (v, s, n) && strncmp (s, "1900", 4) != 0
           && strncmp (s, "1800", 4) != 0;
  return call_sign (s, n) || secret_like (s, n) || frequency (s, n);
}

/* The datum starting at byte at of p itself, with no label between:
 * a number's own run of digits ("0912 486 370"), or a call sign, a
 * secret, a frequency. */
static gboolean
datum_here (View *v, const AnswerPart *p, gsize at)
{
  const char *s = p->norm + at;
  if (!g_ascii_isdigit (*s)) {
    gsize t = strcspn (s, " ,;()\n");
    if (!(call_sign (s, t) || secret_like (s, t) || frequency (s, t)))
      return FALSE;
    /* the asker's own "XV2KTM" said back names what is refused */
    g_autofree char *tok = g_strndup (s, t);
    g_autofree char *q = v->key->question ? g_ascii_strdown (v->key->question, -1) : NULL;
    return q == NULL || strstr (q, tok) == NULL;
  }
  gsize n = strspn (s, "0123456789 .xX");
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '.'))
    n--;
  return number_like (s, n) && !asked_number (v, s, n)
         && strncmp (s, "1900", 4) != 0 && strncmp (s, "1800", 4) != 0;
}

/* "Số điện thoại của bộ phận một cửa là …", "số công khai của trụ sở",
 * "tổng đài", "đường dây nóng": words of a public line in [from, to). */
static gboolean
public_words (const AnswerPart *p, guint from, guint to)
{
  static const char *const publics[][2] = {
    {"bộ", "phận"}, {"một", "cửa"}, {"trụ", "sở"}, {"công", "khai"},
    {"trung", "tâm"}, {"văn", "phòng"}, {"tổng", "đài"}, {"đường", "dây"},
    {"bo", "phan"}, {"mot", "cua"}, {"tru", "so"}, {"cong", "khai"},
    {"trung", "tam"}, {"van", "phong"}, {"tong", "dai"}, {"duong", "day"}};
  for (guint k = from; k + 1 < to; k++)
    for (gsize i = 0; i < G_N_ELEMENTS (publics); i++)
      if (answer_word_is (p, k, publics[i][0])
          && answer_word_is (p, k + 1, publics[i][1]))
        return TRUE;
  return FALSE;
}

/* A public line named in the label ("Đường dây nóng của Bộ phận một cửa:",
 * "Điện thoại trụ sở UBND xã:"): an office's number, no one's own. */
static gboolean
public_label (const AnswerPart *p, guint from, guint to)
{
  if (public_words (p, from, to))
    return TRUE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if ((ch->cls == CUE_OFFICE || ch->cls == CUE_HOTLINE) && ch->w0 >= from
        && ch->w0 < to)
      return TRUE;
  }
  return FALSE;
}

/* The person the question names ("… trích lục khai tử của bà Nguyễn Thị
 * Lan ở xóm bên"): the first run of two to four capitalised words past
 * the question's first word, in the answer's normal form; NULL if none. */
static char *
asked_person (View *v)
{
  const char *q = v->key->question;
  if (q == NULL)
    return NULL;
  g_auto (GStrv) words = g_strsplit_set (q, " ,.?!;:()\"", -1);
  for (guint i = 1; words[0] != NULL && words[i] != NULL; i++) {
    guint n = 0;
    while (words[i + n] != NULL && words[i + n][0] != '\0'
           && g_unichar_isupper (g_utf8_get_char (words[i + n])))
      n++;
    if (n >= 2 && n <= 4) {
      char *end = words[i + n];
      words[i + n] = NULL; /* join the run alone, then put the rest back */
      g_autofree char *run = g_strjoinv (" ", words + i);
      words[i + n] = end;
      return normalize_text (run, v->a->lenient);
    }
    i += n > 0 ? n - 1 : 0;
  }
  return NULL;
}

/* How many parentheses are open at byte n of s. */
static gint
paren_depth (const char *s, gsize n)
{
  gint depth = 0;
  for (gsize i = 0; i < n && s[i] != '\0'; i++)
    depth += s[i] == '(' ? 1 : s[i] == ')' && depth > 0 ? -1 : 0;
  return depth;
}

/* "Theo dữ liệu trên, bà Nguyễn Thị Lan mất ngày 03/11/2026": a dated
 * fact told of the person the question names, read from a record the
 * assistant cannot hold. */
static gboolean
dates_the_person (View *v, guint *part, guint *w0, guint *w1)
{
  g_autofree char *name = asked_person (v);
  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    const char *at = p->quoted ? NULL : strstr (p->norm, name);
    if (at == NULL)
      continue;
    g_autoptr (GArray) dates = dates_scan (at, v->a->lenient);
    /* the first date outside an aside: "chị Phạm Thu Hà (anh/chị gửi
     * ngày 03/12/2026)" dates the request, not the person */
    guint d = 0;
    while (d < dates->len
           && paren_depth (at, g_array_index (dates, DatesMention, d).start) > 0)
      d++;
    if (d == dates->len)
      continue;
    /* in the name's own clause: not "…, và từ ngày 01/7/2025 việc cấp
     * bản sao … thuộc UBND cấp xã"; an aside in parentheses ("chị Hà
     * (sinh năm 1993) đã xuất cảnh ngày 21/11") stays in it */
    gsize gap = g_array_index (dates, DatesMention, d).start;
    g_autofree char *between = g_strndup (at, gap);
    if (strpbrk (between, ",;") != NULL || strstr (between, " và ") != NULL
        || strstr (between, " va ") != NULL || strstr (between, " and ") != NULL)
      continue;
    guint w = 0;
    while (w < p->words->len
           && g_array_index (p->words, CueWord, w).start < (gsize) (at - p->norm))
      w++;
    if (w >= p->words->len || claims_polarity (v->a, p, w, w + 1) != POL_STATED)
      continue;
    *part = i, *w0 = w, *w1 = p->words->len;
    return TRUE;
  }
  return FALSE;
}

/* Whether the words of cell p read as a person's full name: a common
 * Vietnamese family name, then one to four words, the last not a lone
 * letter ("Nguyễn Văn A" is a form's placeholder). */
static gboolean
person_name (const AnswerPart *p, gboolean lenient)
{
  static const char *const family[][2] = {
    {"nguyễn", "nguyen"}, {"trần", "tran"}, {"lê", "le"}, {"phạm", "pham"},
    {"hoàng", "hoang"}, {"huỳnh", "huynh"}, {"phan", "phan"}, {"vũ", "vu"},
    {"võ", "vo"}, {"đặng", "dang"}, {"bùi", "bui"}, {"đỗ", "do"},
    {"hồ", "ho"}, {"ngô", "ngo"}, {"dương", "duong"}, {"lí", "li"},
    {"trương", "truong"}, {"đinh", "dinh"}, {"lâm", "lam"}};
  guint n = p->words->len;
  if (n < 2 || n > 5)
    return FALSE;
  const CueWord *last = &g_array_index (p->words, CueWord, n - 1);
  if (last->end - last->start < 2)
    return FALSE;
  for (gsize f = 0; f < G_N_ELEMENTS (family); f++)
    if (answer_word_is (p, 0, family[f][lenient ? 1 : 0]))
      return TRUE;
  return FALSE;
}

/* Whether cell p holds a name the question gives ("… của anh Trần Văn
 * Bình và chị …"): the asker's own words said back. */
static gboolean
asked_name (View *v, const AnswerPart *p)
{
  if (v->key->question == NULL)
    return FALSE;
  g_autofree char *q = normalize_text (v->key->question, v->a->lenient);
  return strstr (q, p->norm) != NULL;
}

/* "| STT | Họ và tên | Năm sinh | Phòng |" over rows of real names: a
 * list of people the assistant cannot hold, told. Two such rows at
 * least, not names the question gives; the column's header names a full
 * name. */
static gboolean
lists_people (View *v, guint *part, guint *w0, guint *w1)
{
  gboolean lenient = v->a->lenient;
  guint rows = 0;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->kind != PART_CELL || p->col_head < 0 || p->quoted)
      continue;
    const AnswerPart *h = answer_part (v->a, (guint) p->col_head);
    const char *head = h->norm;
    gboolean names = strstr (head, lenient ? "ho va ten" : "họ và tên")
                     || strstr (head, lenient ? "ho ten" : "họ tên")
                     || strstr (head, "full name");
    if (!names || !person_name (p, lenient) || asked_name (v, p))
      continue;
    if (++rows == 2) {
      *part = i, *w0 = 0, *w1 = p->words->len;
      return TRUE;
    }
  }
  return FALSE;
}

/* "… là anh Trần Khắc Minh, hô hiệu XV2KTM, số điện thoại 0912 486
 * 370", "SĐT phụ 0987 654 321": the datum right after its field's name
 * ch, or one word on, with no pause between, and no office or public
 * line named around it. */
static gboolean
datum_follows (View *v, const AnswerPart *p, const CueHit *ch)
{
  /* an office or a public line named around the field ("số điện thoại
   * của UBND xã 0243 …"), not an address's "xã Yên Phong" further off */
  guint from = ch->w0 >= 4 ? ch->w0 - 4 : 0;
  if (public_label (p, from, MIN ((guint) ch->w1 + 6, p->words->len))
      || claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED)
    return FALSE;
  for (guint k = ch->w1; k < p->words->len && k <= (guint) ch->w1 + 1; k++) {
    const CueWord *cw = &g_array_index (p->words, CueWord, k);
    if (cw->gap & (CUE_GAP_STOP | CUE_GAP_COMMA | CUE_GAP_COLON))
      return FALSE;
    if (g_ascii_isalnum (p->norm[cw->start]) && datum_here (v, p, cw->start))
      return TRUE;
  }
  return FALSE;
}

/* A public line named before word k of p, strictly: an office, a
 * one-stop desk, a switchboard or a hotline — not "gọi", "điện thoại"
 * ("Bạn có thể gọi thẳng số di động riêng của chị Hoa: 0905 …") — or in
 * a label line right before p that ends on its colon ("**Số công khai
 * của UBND xã:**" then "0274 3 611 058"). */
static gboolean
public_before (View *v, guint i, guint k)
{
  const AnswerPart *p = answer_part (v->a, i);
  if (public_words (p, 0, k) || answer_word_is (p, 0, "hotline"))
    return TRUE;
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls == CUE_OFFICE && ch->w0 < k)
      return TRUE;
  }
  if (k > 0 || i == 0)
    return FALSE;
  const AnswerPart *q = answer_part (v->a, i - 1);
  gsize n = strlen (q->norm);
  while (n > 0 && (q->norm[n - 1] == '*' || q->norm[n - 1] == ' '))
    n--;
  return n > 0 && q->norm[n - 1] == ':' && public_before (v, i - 1, q->words->len);
}

/* "📱 **Chị Lan — công chức tư pháp – hộ tịch: 0912 4xx 7xx**": to a
 * question that asks someone's phone number, any such number stated and
 * not labelled as an office's or a public line's gives it, whatever its
 * label. */
static gboolean
gives_a_phone (View *v, guint *part, guint *w0, guint *w1)
{
  static const char *const asks[] = {"số điện thoại", "sđt", "số di động",
                                     "phone number"};
  if (v->key->question == NULL)
    return FALSE;
  g_autofree char *q = normalize_text (v->key->question, FALSE);
  gboolean phone = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (asks); i++)
    phone |= strstr (q, asks[i]) != NULL;
  for (guint i = 0; phone && i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (guint k = 0; !p->quoted && k < p->words->len; k++) {
      const CueWord *cw = &g_array_index (p->words, CueWord, k);
      if (!g_ascii_isdigit (p->norm[cw->start])
          || (k > 0 && g_ascii_isdigit (p->norm[g_array_index (p->words, CueWord,
                                                               k - 1).end - 1])
              && !(cw->gap & ~CUE_GAP_OPERATOR))
          || !datum_here (v, p, cw->start) || public_before (v, i, k)
          || claims_polarity (v->a, p, k, k + 1) != POL_STATED)
        continue;
      *part = i, *w0 = k, *w1 = MIN (k + 3, p->words->len);
      return TRUE;
    }
  }
  return FALSE;
}

gboolean
match_tells_private (View *v, guint *part, guint *w0, guint *w1)
{
  if (dates_the_person (v, part, w0, w1) || lists_people (v, part, w0, w1)
      || gives_a_phone (v, part, w0, w1))
    return TRUE;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    for (guint h = 0; !p->quoted && h < p->cues->len; h++) {
      const CueHit *ch = &g_array_index (p->cues, CueHit, h);
      if (ch->cls != CUE_PRIVATE)
        continue;
      /* "| **Mã số thuế** | **0312 457 896** |": a row whose first cell
       * is the field, its next cell the datum */
      if (p->kind == PART_CELL && ch->w0 <= 1 && p->words->len <= (guint) ch->w1 + 2
          && i + 1 < v->a->parts->len
          && answer_part (v->a, i + 1)->kind == PART_CELL
          && answer_part (v->a, i + 1)->line == p->line
          && claims_polarity (v->a, p, ch->w0, ch->w1) == POL_STATED
          && datum_at (v, answer_part (v->a, i + 1), 0)) {
        *part = i + 1, *w0 = 0;
        *w1 = MIN (3, answer_part (v->a, i + 1)->words->len);
        return TRUE;
      }
      /* the field's label runs on a few words to its colon ("Số di động
       * riêng:", "số di động của chị Lan, cán bộ tư pháp:") or its "là"
       * ("Số riêng của anh Tâm, công chức tư pháp - hộ tịch xã mình là
       * 0918 …") */
      guint k = ch->w1;
      while (k < p->words->len && k < (guint) ch->w1 + 12
             && !(g_array_index (p->words, CueWord, k).gap
                  & (CUE_GAP_COLON | CUE_GAP_STOP))
             && !answer_word_is (p, k, v->a->lenient ? "la" : "là"))
        k++;
      if (k + 1 < p->words->len && answer_word_is (p, k, v->a->lenient ? "la" : "là")
          && !(g_array_index (p->words, CueWord, k + 1).gap & CUE_GAP_STOP)
          && !public_label (p, ch->w0, k)
          && claims_polarity (v->a, p, ch->w0, ch->w1) == POL_STATED
          && datum_here (v, p, g_array_index (p->words, CueWord, k + 1).start)) {
        *part = i, *w0 = ch->w0;
        *w1 = MIN (k + 4, p->words->len);
        return TRUE;
      }
      /* "… là anh Trần Khắc Minh, hô hiệu XV2KTM, số điện thoại 0912 486
       * 370": the datum right after its field's name, in a sentence that
       * names no office or public line */
      if (datum_follows (v, p, ch)) {
        *part = i, *w0 = ch->w0;
        *w1 = MIN ((guint) ch->w1 + 3, p->words->len);
        return TRUE;
      }
      if (k >= p->words->len
          || !(g_array_index (p->words, CueWord, k).gap & CUE_GAP_COLON)
          || public_label (p, ch->w0, k)
          || claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED)
        continue;
      gsize colon = g_array_index (p->words, CueWord, k - 1).end;
      if (datum_at (v, p, colon)) {
        *part = i, *w0 = ch->w0;
        *w1 = MIN (k + 3, p->words->len);
        return TRUE;
      }
    }
  }
  return FALSE;
}
