/* Answer composition for the mock assistant. The prose is built only from
 * the record's fields; where a field is unknown the mock says so instead of
 * guessing, like a careful assistant should (DOMAIN.md: never invent a fee,
 * a time limit or a law number). */
#include "submissions/mock/mock_answer.h"

#include <string.h>

typedef enum {
  ASK_FEE,
  ASK_TIME,
  ASK_AGENCY,
  ASK_DOSSIER,
  ASK_LEGAL,
  ASK_N
} AskKind;

/* What the question asks, with the syllable position of the first mention
 * so the answer follows the user's order. */
typedef struct {
  gint pos[ASK_N];     /* -1 when not asked */
  const char *channel; /* "trực tiếp", "trực tuyến" or NULL */
} Ask;

/* Phrases in diacritic-free form, matched on whole syllables. */
static const char *const ask_phrases[ASK_N][16] = {
  [ASK_FEE] = { "le phi", "phi", "bao nhieu tien", "chi phi", "tien",
                "ton bao nhieu",
                "mien phi", "het bao nhieu", NULL },
  [ASK_TIME] = { "bao lau", "thoi han", "thoi gian", "may ngay",
                 "bao nhieu ngay", "khi nao", "bao gio", "tra ket qua",
                 "nhan ket qua", "ngay khong", "phai cho", "nhanh hon",
                 NULL },
  [ASK_AGENCY] = { "o dau", "co quan nao", "noi nao", "co quan", "nop o",
                   "lam o", "tham quyen", "don vi nao", "ai cap", NULL },
  [ASK_DOSSIER] = { "ho so gom", "ho so can", "can chuan bi", "giay to gi",
                    "giay to nao", "can gi", "can nhung gi", "thanh phan",
                    "mang theo", NULL },
  [ASK_LEGAL]
  = { "can cu", "luat nao", "van ban nao", "quy dinh nao", "nghi dinh nao",
      "thong tu nao", "phap li", "theo luat", "van ban", "quy dinh", NULL },
};

static const char *const online_phrases[]
    = { "truc tuyen", "online",    "qua mang", "dich vu cong",
        "vneid",      "tren mang", NULL };
static const char *const in_person_phrases[]
    = { "truc tiep", "tai tru so", "tai bo phan mot cua", NULL };

/* Words by which a turn points back at the previous one ("lĩnh vực này",
 * "thì sao"): such a turn borrows the earlier record even when it asks
 * nothing the intent phrases know. */
static const char *const follow_up_phrases[] = {
  "thi sao", "vay", "the con", "the neu", "linh vuc nay", "thu tuc nay",
  "mang nay", "luat nay", "viec nay", "nam nao", "ngay nao", "bo nao",
  "khoa may", "tu khi nao", NULL,
};

/* Questions a careful assistant declines whatever it knows: a lookup of
 * one person's file, help to break the rules, a prediction. */
static const struct {
  const char *phrases[12];
  const char *answer;
} declines[] = {
  { { "kiem tra giup", "tra giup", "xem giup", "bien nhan", "so dinh danh",
      "ma ho so", "xong chua", "in xong", "ki chua", NULL },
    "Xin lỗi, tôi không tra cứu được hồ sơ hay thông tin của cá nhân. "
    "Anh/chị vui lòng tra cứu tình trạng hồ sơ trên Cổng Dịch vụ công quốc "
    "gia bằng mã hồ sơ, hoặc liên hệ nơi đã nộp hồ sơ." },
  { { "lam gia", "sinh gia", "khong ai biet", "hai the", "hai ten",
      "lach luat", "khong phai qua thu tuc", "ma khong can ban chinh",
      NULL },
    "Xin lỗi, tôi không thể hướng dẫn việc này vì trái quy định của pháp "
    "luật. Anh/chị vui lòng liên hệ cơ quan có thẩm quyền để được hướng dẫn "
    "thực hiện thủ tục đúng quy định." },
  { { "se tang", "se giam", "se thay doi", "nam sau", "nam 2027",
      "nam 2028", NULL },
    "Xin lỗi, tôi chưa có thông tin về các thay đổi trong tương lai. "
    "Anh/chị vui lòng theo dõi văn bản mới trên Cổng Dịch vụ công quốc gia "
    "hoặc liên hệ cơ quan có thẩm quyền." },
};

static const char refusal[]
    = "Xin lỗi, tôi chưa có thông tin về câu hỏi này. Anh/chị vui lòng liên "
      "hệ Bộ phận Một cửa của Ủy ban nhân dân cấp xã nơi cư trú hoặc tra "
      "cứu trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) để được "
      "hướng dẫn chính xác.";

static const char unknown_tail[]
    = "anh/chị vui lòng tra cứu trên Cổng Dịch vụ công quốc gia hoặc hỏi "
      "cơ quan tiếp nhận hồ sơ.";

/* ---- understanding the question ---------------------------------------- */

/* Index of the first occurrence of phrase (space-separated syllables) in
 * syl, or -1. Exact syllables: "phi" must not match "phieu". */
static gint
answer_find_phrase (char **syl, const char *phrase)
{
  g_auto (GStrv) p = g_strsplit (phrase, " ", -1);
  for (gint i = 0; syl[i]; i++) {
    guint j = 0;
    while (p[j] && syl[i + j] && strcmp (syl[i + j], p[j]) == 0)
      j++;
    if (p[j] == NULL)
      return i;
  }
  return -1;
}

static gint
answer_first_of (char **syl, const char *const *phrases)
{
  gint best = -1;
  for (guint i = 0; phrases[i]; i++) {
    gint at = answer_find_phrase (syl, phrases[i]);
    if (at >= 0 && (best < 0 || at < best))
      best = at;
  }
  return best;
}

static Ask
answer_understand (const char *question)
{
  g_auto (GStrv) syl = mock_kb_syllables (question, MOCK_KB_FUZZY);
  Ask ask = { .channel = NULL };
  for (guint k = 0; k < ASK_N; k++)
    ask.pos[k] = answer_first_of (syl, ask_phrases[k]);
  /* Both channels named ("trực tiếp … còn online") → speak of both. */
  gboolean online = answer_first_of (syl, online_phrases) >= 0;
  gboolean in_person = answer_first_of (syl, in_person_phrases) >= 0;
  if (online && !in_person)
    ask.channel = "trực tuyến";
  else if (in_person && !online)
    ask.channel = "trực tiếp";
  return ask;
}

static gboolean
answer_asks_anything (const Ask *ask)
{
  for (guint k = 0; k < ASK_N; k++)
    if (ask->pos[k] >= 0)
      return TRUE;
  return FALSE;
}

/* ---- sections ----------------------------------------------------------- */

static void
answer_unknown (GString *out, const char *what)
{
  g_string_append_printf (out,
                          "Hiện tôi chưa có thông tin đã được kiểm chứng về %s "
                          "của thủ tục này; %s",
                          what, unknown_tail);
}

/* Channels a section speaks about: the asked channel if the record has it,
 * else all. */
static gboolean
answer_channel_wanted (const MockKbChannel *c, const MockKbRecord *r,
                       const char *want)
{
  if (want == NULL || c->channel == NULL)
    return TRUE;
  for (guint i = 0; i < r->channels->len; i++) {
    const MockKbChannel *o = r->channels->pdata[i];
    if (o->channel && strcmp (o->channel, want) == 0)
      return strcmp (c->channel, want) == 0;
  }
  return TRUE;
}

static const char *
answer_channel_value (const MockKbChannel *c, AskKind k)
{
  return k == ASK_FEE ? c->fee : c->time;
}

/* "Lệ phí: nộp trực tiếp 15.000 đồng; nộp trực tuyến 7.000 đồng." States a
 * shared value once; says it does not know when no channel has a value. */
static void
answer_by_channel (GString *out, const MockKbRecord *r, AskKind k,
                   const char *want)
{
  const char *label = k == ASK_FEE ? "Lệ phí" : "Thời hạn giải quyết";
  GPtrArray *ch = r->channels;
  const char *first = NULL;
  gboolean same = TRUE, any = FALSE;
  for (guint i = 0; i < ch->len; i++) {
    const MockKbChannel *c = ch->pdata[i];
    const char *v = answer_channel_value (c, k);
    if (!answer_channel_wanted (c, r, want) || v == NULL)
      continue;
    same = same && (first == NULL || strcmp (first, v) == 0);
    first = first ? first : v;
    any = TRUE;
  }
  if (!any) {
    answer_unknown (out, k == ASK_FEE ? "lệ phí" : "thời hạn giải quyết");
    return;
  }
  if (same && k == ASK_FEE && g_str_has_prefix (first, "miễn"))
    g_string_append (out, "Thủ tục này được miễn lệ phí.");
  else if (same)
    g_string_append_printf (out, "%s: %s.", label, first);
  else {
    g_string_append_printf (out, "%s:", label);
    const char *sep = " ";
    for (guint i = 0; i < ch->len; i++) {
      const MockKbChannel *c = ch->pdata[i];
      const char *v = answer_channel_value (c, k);
      if (!answer_channel_wanted (c, r, want) || v == NULL)
        continue;
      g_string_append_printf (out, "%snộp %s %s", sep,
                              c->channel ? c->channel : "", v);
      sep = "; ";
    }
    g_string_append_c (out, '.');
  }
}

static void
answer_join (GString *out, char **items, const char *sep)
{
  for (guint i = 0; items[i]; i++)
    g_string_append_printf (out, "%s%s", i ? sep : "", items[i]);
}

static void
answer_section (GString *out, const MockKbRecord *r, AskKind k,
                const char *want)
{
  switch (k) {
  case ASK_FEE:
  case ASK_TIME:
    answer_by_channel (out, r, k, want);
    break;
  case ASK_AGENCY:
    if (r->agency)
      g_string_append_printf (out, "Cơ quan thực hiện: %s.", r->agency);
    else
      answer_unknown (out, "cơ quan thực hiện");
    break;
  case ASK_DOSSIER:
    if (r->dossier[0]) {
      g_string_append (out, "Hồ sơ gồm: ");
      answer_join (out, r->dossier, "; ");
      g_string_append_c (out, '.');
    } else
      answer_unknown (out, "thành phần hồ sơ");
    break;
  case ASK_LEGAL:
    g_string_append (out, "Căn cứ pháp lý: ");
    answer_join (out, r->legal_basis, "; ");
    g_string_append_c (out, '.');
    break;
  case ASK_N:
    break;
  }
}

static void
answer_caveats (GString *out, const MockKbRecord *r)
{
  if (r->notes)
    g_string_append_printf (out, "\n\nLưu ý: %s", r->notes);
  if (r->hedged)
    g_string_append (out, "\n\nMột số thông tin trên chưa được kiểm chứng "
                          "đầy đủ; anh/chị nên đối chiếu lại trên Cổng Dịch "
                          "vụ công quốc gia trước khi nộp hồ sơ.");
}

/* ---- whole answers ------------------------------------------------------ */

/* Only what was asked, in the user's order, then the legal basis. */
static void
answer_asked (GString *out, const MockKbRecord *r, const Ask *ask)
{
  g_string_append_printf (out, "Về thủ tục %s:", r->title);
  gboolean done[ASK_N] = { FALSE };
  for (;;) {
    gint pick = -1;
    for (gint k = 0; k < ASK_N; k++)
      if (!done[k] && ask->pos[k] >= 0
          && (pick < 0 || ask->pos[k] < ask->pos[pick]))
        pick = k;
    if (pick < 0)
      break;
    done[pick] = TRUE;
    g_string_append_c (out, ' ');
    answer_section (out, r, (AskKind)pick, ask->channel);
  }
  if (!done[ASK_LEGAL]) {
    g_string_append (out, "\n\n");
    answer_section (out, r, ASK_LEGAL, NULL);
  }
}

/* Everything known, as a Markdown list or as prose (chosen by the caller so
 * the harness sees both shapes). */
static void
answer_full (GString *out, const MockKbRecord *r, const char *want,
             gboolean as_list)
{
  static const AskKind order[] = { ASK_AGENCY, ASK_TIME, ASK_FEE, ASK_DOSSIER };
  if (as_list)
    g_string_append_printf (out, "Thủ tục **%s**:\n", r->title);
  else
    g_string_append_printf (out, "Thủ tục %s được thực hiện như sau.",
                            r->title);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++) {
    if (order[i] == ASK_DOSSIER && r->dossier[0] == NULL)
      continue;
    g_string_append (out, as_list ? "\n- " : " ");
    answer_section (out, r, order[i], want);
  }
  g_string_append (out, "\n\n");
  answer_section (out, r, ASK_LEGAL, NULL);
}

static char *
answer_compose (const MockKbRecord *r, const char *question)
{
  g_autoptr (GString) out = g_string_new (NULL);
  Ask ask = answer_understand (question);
  if (r->text)
    g_string_append (out, r->text);
  else if (answer_asks_anything (&ask))
    answer_asked (out, r, &ask);
  else
    answer_full (out, r, ask.channel, g_str_hash (question) % 2 == 0);
  answer_caveats (out, r);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* ---- multiple choice ---------------------------------------------------- */

typedef struct {
  char letter;
  char *text;
} Option;

static void
answer_option_free (gpointer p)
{
  Option *o = p;
  g_free (o->text);
  g_free (o);
}

/* Splits "stem A. x B. y C. z" into the stem and options A, B, … in order.
 * Returns NULL when the question has fewer than two options. */
/* Compiled once: the regexes run on every request of every thread. */
static GRegex *
answer_options_regex (void)
{
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("(?:^|\\s)([A-D])[.):]\\s+",
                                         G_REGEX_OPTIMIZE, 0, NULL));
  return re;
}

static GRegex *
answer_amount_regex (void)
{
  static GRegex *re;
  if (g_once_init_enter (&re))
    g_once_init_leave (&re, g_regex_new ("(\\d{1,3}(?:\\.\\d{3})+|\\d+)"
                                         "(\\s*(?:đồng|VNĐ|VND|đ(?!\\p{L})))",
                                         G_REGEX_OPTIMIZE, 0, NULL));
  return re;
}

static GPtrArray *
answer_parse_options (const char *q, char **stem)
{
  GRegex *re = answer_options_regex ();
  g_autoptr (GMatchInfo) mi = NULL;
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gint[2]));
  char want = 'A';
  g_regex_match (re, q, 0, &mi);
  while (g_match_info_matches (mi)) {
    gint ls, le, ms, me;
    g_match_info_fetch_pos (mi, 1, &ls, &le);
    g_match_info_fetch_pos (mi, 0, &ms, &me);
    if (q[ls] == want) {
      gint span[2] = { ls, me };
      g_array_append_val (starts, span);
      want++;
    }
    (void)g_match_info_next (mi, NULL);
  }
  if (starts->len < 2) {
    g_array_unref (starts);
    return NULL;
  }
  GPtrArray *opts = g_ptr_array_new_with_free_func (answer_option_free);
  for (guint i = 0; i < starts->len; i++) {
    gint *s = &g_array_index (starts, gint, 2 * i);
    gint end = i + 1 < starts->len ? g_array_index (starts, gint, 2 * i + 2)
                                   : (gint)strlen (q);
    Option *o = g_new0 (Option, 1);
    o->letter = q[s[0]];
    o->text = g_strstrip (g_strndup (q + s[1], (gsize)(end - s[1])));
    g_ptr_array_add (opts, o);
  }
  *stem = g_strstrip (g_strndup (q, (gsize)g_array_index (starts, gint, 0)));
  g_array_unref (starts);
  return opts;
}

/* Numbers in text with thousands separators removed: "15.000" → "15000". */
static GPtrArray *
answer_numbers (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) cur = g_string_new (NULL);
  for (const char *p = text;; p++) {
    if (g_ascii_isdigit (*p)) {
      g_string_append_c (cur, *p);
      continue;
    }
    gboolean sep
        = (*p == '.' || *p == ',') && cur->len > 0 && g_ascii_isdigit (p[1]);
    if (sep)
      continue;
    /* Dates and document numbers stay whole: 1/7/2025 is not 1/1/2025. */
    if (*p == '/' && cur->len > 0 && g_ascii_isdigit (p[1])) {
      g_string_append_c (cur, '/');
      continue;
    }
    /* "07 ngày" and "7 ngày" are the same number. */
    gsize z = 0;
    while (z + 1 < cur->len && cur->str[z] == '0')
      z++;
    if (cur->len > 0)
      g_ptr_array_add (out, g_strdup (cur->str + z));
    g_string_truncate (cur, 0);
    if (*p == '\0')
      break;
  }
  return out;
}

static gboolean
answer_in_strv (GPtrArray *v, const char *s)
{
  for (guint i = 0; i < v->len; i++)
    if (strcmp (v->pdata[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* How well evidence supports an option: share of its syllables found, and
 * each of its numbers found (+1) or absent (−1), numbers weighing double. */
static double
answer_support (const char *option, char **ev_syl, GPtrArray *ev_num)
{
  g_auto (GStrv) syl = mock_kb_syllables (option, MOCK_KB_FUZZY);
  guint n = 0, hit = 0;
  for (guint i = 0; syl[i]; i++, n++) {
    for (guint j = 0; ev_syl[j]; j++)
      if (strcmp (syl[i], ev_syl[j]) == 0) {
        hit++;
        break;
      }
  }
  double score = n ? (double)hit / n : 0;
  g_autoptr (GPtrArray) nums = answer_numbers (option);
  for (guint i = 0; i < nums->len; i++)
    score += answer_in_strv (ev_num, nums->pdata[i]) ? 2 : -2;
  return score;
}

/* Share of the stem's syllables found in a clause: how much the clause
 * is about what the stem asks ("cấp lại do bị mất" vs "cấp mới"). */
static double
answer_relevance (char **stem_syl, char **clause_syl)
{
  guint n = 0, hit = 0;
  for (guint i = 0; stem_syl[i]; i++, n++)
    if (g_strv_contains ((const char *const *) clause_syl, stem_syl[i]))
      hit++;
  return n ? (double) hit / n : 0;
}

/* The option best supported by one clause of the evidence, the clause
 * weighted by its relevance to the stem: the record may state both 200.000
 * and 400.000 đồng, and only the clause about the asked case counts. */
static const Option *
answer_pick (GPtrArray *opts, const char *stem, const char *evidence)
{
  g_auto (GStrv) stem_syl = mock_kb_syllables (stem, MOCK_KB_FUZZY);
  g_autoptr (GRegex) re = g_regex_new ("[.;:\\n]\\s", 0, 0, NULL);
  g_auto (GStrv) clauses = g_regex_split (re, evidence, 0);
  const Option *best = NULL;
  double best_score = 0;
  for (guint c = 0; clauses[c]; c++) {
    g_auto (GStrv) ev_syl = mock_kb_syllables (clauses[c], MOCK_KB_FUZZY);
    g_autoptr (GPtrArray) ev_num = answer_numbers (clauses[c]);
    double rel = answer_relevance (stem_syl, ev_syl);
    for (guint i = 0; i < opts->len; i++) {
      const Option *o = opts->pdata[i];
      double sc = answer_support (o->text, ev_syl, ev_num) + rel;
      if (best == NULL || sc > best_score + 1e-9) {
        best = o;
        best_score = sc;
      }
    }
  }
  return best ? best : opts->pdata[0];
}

static const char *
answer_decline (const char *question)
{
  g_auto (GStrv) syl = mock_kb_syllables (question, MOCK_KB_FUZZY);
  for (gsize i = 0; i < G_N_ELEMENTS (declines); i++)
    if (answer_first_of (syl, declines[i].phrases) >= 0)
      return declines[i].answer;
  return NULL;
}

/* ---- the reply ---------------------------------------------------------- */

static const MockKbRecord *
answer_find_record (const MockKb *kb, const MockAnswerStyle *style,
                    const char *const *turns, guint n, const char *query,
                    const char *context_id)
{
  const MockKbRecord *r = mock_kb_search (kb, query, style->match, NULL);
  if (r)
    return r;
  if (strcmp (query, turns[n - 1]) != 0) {
    r = mock_kb_search (kb, turns[n - 1], style->match, NULL);
    if (r)
      return r;
  }
  if (n == 1 && context_id == NULL)
    return NULL; /* nothing earlier to borrow a procedure from */
  /* A follow-up borrows the earlier procedure only when it asks something
   * about one; an unrelated question still gets the referral. */
  Ask ask = answer_understand (turns[n - 1]);
  g_auto (GStrv) syl = mock_kb_syllables (turns[n - 1], MOCK_KB_FUZZY);
  if (!answer_asks_anything (&ask) && ask.channel == NULL
      && answer_first_of (syl, follow_up_phrases) < 0)
    return NULL;
  for (guint i = n - 1; i-- > 0;) {
    r = mock_kb_search (kb, turns[i], style->match, NULL);
    if (r)
      return r;
  }
  return mock_kb_lookup (kb, context_id);
}

/* What an assistant that half-understood a garbled question answers:
 * another procedure of the record's field (the next one in the KB, the
 * same for the same question), or r when the field has no other. */
static const MockKbRecord *
answer_confuse (const MockKb *kb, const MockKbRecord *r)
{
  guint n = mock_kb_size (kb), at = 0;
  while (at < n && mock_kb_record (kb, at) != r)
    at++;
  for (guint k = 1; k < n; k++) {
    const MockKbRecord *o = mock_kb_record (kb, (at + k) % n);
    if (strcmp (o->kind, "procedure") == 0 && strcmp (r->kind, "procedure") == 0
        && g_strcmp0 (o->category, r->category) == 0)
      return o;
  }
  return r;
}

char *
mock_answer_reply (const MockKb *kb, const MockAnswerStyle *style,
                   const char *const *turns, const char *context_id,
                   const char **used_id)
{
  guint n = g_strv_length ((char **)turns);
  g_return_val_if_fail (n > 0, g_strdup (refusal));
  const char *newest = turns[n - 1];
  const char *decline = answer_decline (newest);
  if (decline) {
    if (used_id)
      *used_id = NULL;
    return g_strdup (decline);
  }
  g_autofree char *stem = NULL;
  g_autoptr (GPtrArray) opts = answer_parse_options (newest, &stem);
  const char *query = opts ? stem : newest;
  const MockKbRecord *r
      = answer_find_record (kb, style, turns, n, query, context_id);
  if (r && style->confused && n == 1
      && mock_kb_search (kb, query, MOCK_KB_EXACT, NULL) == NULL)
    r = answer_confuse (kb, r);
  if (used_id)
    *used_id = r ? r->id : NULL;
  if (r == NULL)
    return g_strdup (refusal);
  g_autofree char *body = answer_compose (r, query);
  g_autofree char *text = NULL;
  if (opts) {
    const Option *o = answer_pick (opts, query, body);
    text = g_strdup_printf ("Đáp án: %c. %s\n\n%s", o->letter, o->text, body);
  } else
    text = g_steal_pointer (&body);
  if (style->wrong_fees)
    return mock_answer_falsify_fees (text);
  return g_steal_pointer (&text);
}

/* ---- the wrong-fees profile --------------------------------------------- */

static gboolean
answer_times_ten (const GMatchInfo *mi, GString *res, gpointer user)
{
  g_autofree char *digits = g_match_info_fetch (mi, 1);
  g_autofree char *rest = g_match_info_fetch (mi, 2);
  g_autoptr (GString) plain = g_string_new (digits);
  g_string_replace (plain, ".", "", 0);
  guint64 v = 0;
  if (!g_ascii_string_to_unsigned (plain->str, 10, 0, G_MAXUINT64 / 10, &v,
                                   NULL)) {
    g_string_append_printf (res, "%s%s", digits, rest);
    return FALSE;
  }
  /* Re-insert the dots Vietnamese writes between thousands. */
  g_autofree char *num = g_strdup_printf ("%" G_GUINT64_FORMAT, v * 10);
  gsize len = strlen (num);
  for (gsize i = 0; i < len; i++) {
    if (i > 0 && (len - i) % 3 == 0)
      g_string_append_c (res, '.');
    g_string_append_c (res, num[i]);
  }
  g_string_append (res, rest);
  return FALSE;
}

char *
mock_answer_falsify_fees (const char *text)
{
  GRegex *re = answer_amount_regex ();
  g_autofree char *scaled
      = g_regex_replace_eval (re, text, -1, 0, 0, answer_times_ten, NULL, NULL);
  g_autoptr (GString) s = g_string_new (scaled);
  g_string_replace (s, "được miễn lệ phí", "có lệ phí 50.000 đồng", 0);
  g_string_replace (s, "miễn lệ phí", "lệ phí 50.000 đồng", 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}
