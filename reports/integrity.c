#include "reports/integrity.h"

#include "reports/appeals.h"
#include "reports/escape.h"
#include "reports/htmlw.h"
#include "reports/labels.h"
#include "reports/rjson.h"
#include "reports/table.h"

/* Wording of these sections, kept beside them (as reports/conditions.c
 * does) while i18n.c is shared by every writer. */
typedef enum {
  W_REP_TITLE, W_REP_NOTE, W_SUB, W_ROUNDS, W_ITEMS, W_PASS_ALL, W_PASS_ANY,
  W_FLIPS, W_RANKED, W_BY_MEAN, W_BY_PASS, W_LA_TITLE, W_LA_NOTE, W_LA_NONE,
  W_SUB_A, W_SUB_B, W_COMPARED, W_NEAR, W_SHARE, W_LA_EXAMPLES, W_QUESTION,
  W_ANSWER_OF, W_CA_TITLE, W_CA_NOTE, W_CA_NONE, W_SET, W_VARIANT, W_SIGN,
  W_FOUND, W_STRING, W_PHRASE, W_HIDDEN_ITEM, W_WITHHELD, W_CA_COUNT,
  W_N
} Word;

static const char *const words[W_N][2] = {
  [W_REP_TITLE] = { "Hỏi lặp lại: câu trả lời có ổn định không",
                    "Repeated questions: are the answers stable" },
  [W_REP_NOTE] = { "Mỗi câu hỏi được gửi %u lần, mỗi lần một phiên mới, cách "
                   "nhau cả một lượt. «Đúng cả %u lần» (pass^%u) là tỷ lệ câu "
                   "trả lời đúng mọi lần; «đúng ít nhất một lần» (pass@%u); "
                   "«lúc đúng lúc sai» là tỷ lệ câu mà kết luận thay đổi giữa "
                   "các lần hỏi.",
                   "Every question was sent %u times, each in a fresh "
                   "session, a whole round apart. “Right all %u times” "
                   "(pass^%u) is the share of items answered right every "
                   "time; “right at least once” (pass@%u); “flips” is the "
                   "share of items whose verdict changed between rounds." },
  [W_SUB] = { "Bài dự thi", "Submission" },
  [W_ROUNDS] = { "Số lần hỏi", "Rounds" },
  [W_ITEMS] = { "Số câu", "Items" },
  [W_PASS_ALL] = { "Đúng cả %u lần (pass^%u)", "Right all %u times (pass^%u)" },
  [W_PASS_ANY] = { "Đúng ít nhất một lần (pass@%u)",
                   "Right at least once (pass@%u)" },
  [W_FLIPS] = { "Tỷ lệ câu lúc đúng lúc sai", "Share of items that flip" },
  [W_RANKED] = { "Độ chính xác trong xếp hạng", "Accuracy in the ranking" },
  [W_BY_MEAN] = { "tính mọi lần trả lời", "every round's answer counts" },
  [W_BY_PASS] = { "chỉ tính câu đúng cả %u lần", "right all %u times only" },
  [W_LA_TITLE] = { "Bài dự thi có câu trả lời gần như trùng nhau",
                   "Submissions whose answers are near-identical" },
  [W_LA_NOTE] = { "Hai bài dự thi bị nêu khi, trên ít nhất %d câu cả hai cùng "
                  "trả lời, từ %s số câu trở lên có câu trả lời gần như trùng "
                  "nhau sau khi chuẩn hoá (chữ hoa/thường, dấu thanh, định "
                  "dạng, dấu câu): dấu hiệu hai tỉnh dùng chung một hệ thống "
                  "của cùng một nhà cung cấp. Đây là dấu hiệu để xem xét, "
                  "không phải kết luận.",
                  "Two submissions are flagged when, over at least %d items "
                  "both answered, %s of them or more got near-identical "
                  "answers after normalization (case, tone marks, markup, "
                  "punctuation): a sign that two provinces use one vendor's "
                  "system. A sign to look into, not a finding." },
  [W_LA_NONE] = { "Không có cặp bài dự thi nào có câu trả lời gần như trùng "
                  "nhau đến mức đó.",
                  "No pair of submissions answered that alike." },
  [W_SUB_A] = { "Bài dự thi A", "Submission A" },
  [W_SUB_B] = { "Bài dự thi B", "Submission B" },
  [W_COMPARED] = { "Số câu cả hai cùng trả lời", "Items both answered" },
  [W_NEAR] = { "Số câu trả lời gần như trùng", "Near-identical answers" },
  [W_SHARE] = { "Tỷ lệ", "Share" },
  [W_LA_EXAMPLES] = { "Ví dụ: %s và %s", "Examples: %s and %s" },
  [W_QUESTION] = { "Câu hỏi", "Question" },
  [W_ANSWER_OF] = { "Câu trả lời của %s", "Answer of %s" },
  [W_CA_TITLE] = { "Dấu hiệu lộ đề (canary)", "Signs of a leaked set (canaries)" },
  [W_CA_NOTE] = { "Mỗi câu trả lời được dò chuỗi canary của %u bộ đề và cụm từ "
                  "đặc trưng của %u câu canary — những điều chỉ một mô hình "
                  "đã được huấn luyện trên bộ đề bị lộ mới nói ra.",
                  "Every answer was searched for the canary strings of %u "
                  "question set(s) and the tell-tale phrases of %u canary "
                  "item(s) — what only a model trained on the leaked set "
                  "would say." },
  [W_CA_NONE] = { "Không phát hiện dấu hiệu lộ đề nào.",
                  "No sign of a leak was found." },
  [W_SET] = { "Bộ đề", "Question set" },
  [W_VARIANT] = { "Cách hỏi", "Form" },
  [W_SIGN] = { "Dấu hiệu", "Sign" },
  [W_FOUND] = { "Nội dung tìm thấy", "Found" },
  [W_STRING] = { "chuỗi canary của bộ đề", "the set's canary string" },
  [W_PHRASE] = { "cụm từ đặc trưng của câu canary",
                 "a canary item's tell-tale phrase" },
  [W_HIDDEN_ITEM] = { "(một câu của bộ đề ẩn)", "(an item of a hidden set)" },
  [W_WITHHELD] = { "(không công bố: bộ đề ẩn)", "(withheld: hidden set)" },
  [W_CA_COUNT] = { "Số câu trả lời có dấu hiệu", "Answers with a sign" },
};

static const char *
w (Word k, ReportLang lang)
{
  return words[k][lang == REPORT_LANG_EN];
}

static char *
pct (const cJSON *o, const char *key, ReportLang lang)
{
  GString *t = g_string_new (NULL);
  rjson_pct (t, o, key, lang);
  return g_string_free (t, FALSE);
}

static char *
num (const cJSON *o, const char *key, ReportLang lang)
{
  GString *t = g_string_new (NULL);
  rjson_fmt_key (t, o, key, 0, lang);
  return g_string_free (t, FALSE);
}

/* ---- repeated questions ---- */

static guint
rounds_of (const Results *r)
{
  const cJSON *sub;
  cJSON_ArrayForEach (sub, r->submissions)
  {
    double k;
    if (rjson_num (rjson_path (sub, "repeat"), "rounds", &k) && k >= 2)
      return (guint) k;
  }
  return 0;
}

static Table *
repeat_table (const Results *r, guint k, ReportLang lang)
{
  g_autofree char *all = g_strdup_printf (w (W_PASS_ALL, lang), k, k);
  g_autofree char *any = g_strdup_printf (w (W_PASS_ANY, lang), k);
  const char *cols[] = { w (W_SUB, lang),   w (W_ITEMS, lang),
                         all,              any,
                         w (W_FLIPS, lang), w (W_RANKED, lang), NULL };
  Table *t = table_new (cols);
  const cJSON *sub;
  cJSON_ArrayForEach (sub, r->submissions)
  {
    const cJSON *rep = rjson_path (sub, "repeat");
    table_row (t);
    table_cell (t, rjson_str (sub, "id", "?"));
    table_num_take (t, num (rep, "items", lang));
    table_num_take (t, pct (rep, "pass_k", lang));
    table_num_take (t, pct (rep, "pass_at_k", lang));
    table_num_take (t, pct (rep, "flip_share", lang));
    if (g_strcmp0 (rjson_str (rep, "ranked_by", ""), "pass_k") == 0)
      table_cell_take (t, g_strdup_printf (w (W_BY_PASS, lang), k));
    else
      table_cell (t, w (W_BY_MEAN, lang));
  }
  return t;
}

/* ---- look-alikes ---- */

static Table *
pairs_table (const cJSON *pairs, ReportLang lang)
{
  const char *cols[] = { w (W_SUB_A, lang), w (W_SUB_B, lang),
                         w (W_COMPARED, lang), w (W_NEAR, lang),
                         w (W_SHARE, lang), NULL };
  Table *t = table_new (cols);
  const cJSON *p;
  cJSON_ArrayForEach (p, pairs)
  {
    table_row (t);
    table_cell (t, rjson_str (p, "a", "?"));
    table_cell (t, rjson_str (p, "b", "?"));
    table_num_take (t, num (p, "compared", lang));
    table_num_take (t, num (p, "near_identical", lang));
    table_num_take (t, pct (p, "share", lang));
  }
  return t;
}

static Table *
examples_table (const cJSON *pair, ReportLang lang)
{
  const char *a = rjson_str (pair, "a", "?"), *b = rjson_str (pair, "b", "?");
  g_autofree char *ca = g_strdup_printf (w (W_ANSWER_OF, lang), a);
  g_autofree char *cb = g_strdup_printf (w (W_ANSWER_OF, lang), b);
  const char *cols[] = { w (W_QUESTION, lang), ca, cb, NULL };
  Table *t = table_new (cols);
  const cJSON *e;
  cJSON_ArrayForEach (e, rjson_path (pair, "examples"))
  {
    g_autofree char *variant = labels_variant (
        rjson_str (e, "variant", "clean"), NULL, lang);
    table_row (t);
    table_cell_take (t, g_strdup_printf ("%s (%s)", rjson_str (e, "item", "?"),
                                         variant));
    table_cell (t, rjson_str (e, "answer_a", ""));
    table_cell (t, rjson_str (e, "answer_b", ""));
  }
  return t;
}

static char *
lookalike_note (const Results *r, ReportLang lang)
{
  g_autoptr (GString) share = g_string_new (NULL);
  rjson_pct (share, r->lookalikes, "share", lang);
  return g_strdup_printf (w (W_LA_NOTE, lang),
                          (int) rjson_num_or (r->lookalikes, "min_compared",
                                              0),
                          share->str);
}

/* ---- canaries ---- */

static Table *
canary_counts (const Results *r, ReportLang lang)
{
  const char *cols[] = { w (W_SUB, lang), w (W_CA_COUNT, lang), NULL };
  Table *t = table_new (cols);
  const cJSON *c;
  cJSON_ArrayForEach (c, rjson_path (r->canaries, "by_submission"))
  {
    table_row (t);
    table_cell (t, c->string);
    table_num_take (t, g_strdup_printf ("%d", c->valueint));
  }
  return t;
}

static Table *
canary_hits (const Results *r, ReportLang lang)
{
  const char *cols[] = { w (W_SUB, lang),     w (W_SET, lang),
                         w (W_QUESTION, lang), w (W_VARIANT, lang),
                         w (W_SIGN, lang),    w (W_FOUND, lang), NULL };
  Table *t = table_new (cols);
  const cJSON *h;
  cJSON_ArrayForEach (h, rjson_path (r->canaries, "hits"))
  {
    const char *set = rjson_str (h, "testset", "");
    gboolean hidden = rjson_bool (h, "hidden", FALSE)
                      || appeals_set_hidden (r, set);
    gboolean phrase = g_strcmp0 (rjson_str (h, "found", ""), "phrase") == 0;
    table_row (t);
    table_cell (t, rjson_str (h, "submission", "?"));
    table_cell (t, set);
    table_cell (t, hidden ? w (W_HIDDEN_ITEM, lang) : rjson_str (h, "item", "?"));
    table_cell_take (t, labels_variant (rjson_str (h, "variant", "clean"),
                                        NULL, lang));
    table_cell (t, w (phrase ? W_PHRASE : W_STRING, lang));
    table_cell (t, hidden && phrase ? w (W_WITHHELD, lang)
                                    : rjson_str (h, "canary", ""));
  }
  return t;
}

static char *
canary_note (const Results *r, ReportLang lang)
{
  return g_strdup_printf (w (W_CA_NOTE, lang),
                          (guint) rjson_num_or (r->canaries, "strings", 0),
                          (guint) rjson_num_or (r->canaries, "items", 0));
}

/* ---- writers ---- */

static void
html_p (GString *o, const char *text)
{
  g_string_append (o, "<p>");
  htmlw_text (o, text);
  g_string_append (o, "</p>\n");
}

void
integrity_html (GString *o, const Results *r, ReportLang lang)
{
  guint k = rounds_of (r);
  if (k >= 2) {
    htmlw_section (o, "repeat", w (W_REP_TITLE, lang), FALSE);
    g_autofree char *note = g_strdup_printf (w (W_REP_NOTE, lang), k, k, k,
                                             k);
    html_p (o, note);
    g_autoptr (Table) t = repeat_table (r, k, lang);
    table_html (o, t, NULL);
    htmlw_section_end (o);
  }
  if (r->lookalikes) {
    htmlw_section (o, "lookalikes", w (W_LA_TITLE, lang), FALSE);
    g_autofree char *note = lookalike_note (r, lang);
    html_p (o, note);
    const cJSON *pairs = rjson_path (r->lookalikes, "pairs");
    if (cJSON_GetArraySize (pairs) == 0)
      html_p (o, w (W_LA_NONE, lang));
    else {
      g_autoptr (Table) t = pairs_table (pairs, lang);
      table_html (o, t, NULL);
      const cJSON *p;
      cJSON_ArrayForEach (p, pairs)
      {
        if (cJSON_GetArraySize (rjson_path (p, "examples")) == 0)
          continue;
        g_autofree char *h = g_strdup_printf (w (W_LA_EXAMPLES, lang),
                                              rjson_str (p, "a", "?"),
                                              rjson_str (p, "b", "?"));
        g_string_append (o, "<h3>");
        htmlw_text (o, h);
        g_string_append (o, "</h3>\n");
        g_autoptr (Table) ex = examples_table (p, lang);
        table_html (o, ex, "worst");
      }
    }
    htmlw_section_end (o);
  }
  if (r->canaries) {
    htmlw_section (o, "canaries", w (W_CA_TITLE, lang), FALSE);
    g_autofree char *note = canary_note (r, lang);
    html_p (o, note);
    g_autoptr (Table) counts = canary_counts (r, lang);
    if (table_rows (counts) == 0)
      htmlw_note (o, w (W_CA_NONE, lang));
    else {
      table_html (o, counts, NULL);
      g_autoptr (Table) hits = canary_hits (r, lang);
      table_html (o, hits, NULL);
    }
    htmlw_section_end (o);
  }
}

void
integrity_markdown (GString *o, const Results *r, ReportLang lang)
{
  guint k = rounds_of (r);
  if (k >= 2) {
    g_autofree char *note = g_strdup_printf (w (W_REP_NOTE, lang), k, k, k,
                                             k);
    g_string_append_printf (o, "\n## %s\n\n%s\n\n", w (W_REP_TITLE, lang),
                            note);
    g_autoptr (Table) t = repeat_table (r, k, lang);
    table_markdown (o, t);
  }
  if (r->lookalikes) {
    g_autofree char *note = lookalike_note (r, lang);
    g_string_append_printf (o, "\n## %s\n\n%s\n\n", w (W_LA_TITLE, lang),
                            note);
    const cJSON *pairs = rjson_path (r->lookalikes, "pairs");
    if (cJSON_GetArraySize (pairs) == 0)
      g_string_append_printf (o, "%s\n", w (W_LA_NONE, lang));
    else {
      g_autoptr (Table) t = pairs_table (pairs, lang);
      table_markdown (o, t);
      const cJSON *p;
      cJSON_ArrayForEach (p, pairs)
      {
        if (cJSON_GetArraySize (rjson_path (p, "examples")) == 0)
          continue;
        g_autofree char *h = g_strdup_printf (w (W_LA_EXAMPLES, lang),
                                              rjson_str (p, "a", "?"),
                                              rjson_str (p, "b", "?"));
        g_string_append (o, "\n### ");
        escape_md (o, h);
        g_string_append (o, "\n\n");
        g_autoptr (Table) ex = examples_table (p, lang);
        table_markdown (o, ex);
      }
    }
  }
  if (r->canaries) {
    g_autofree char *note = canary_note (r, lang);
    g_string_append_printf (o, "\n## %s\n\n%s\n\n", w (W_CA_TITLE, lang),
                            note);
    g_autoptr (Table) counts = canary_counts (r, lang);
    if (table_rows (counts) == 0)
      g_string_append_printf (o, "%s\n", w (W_CA_NONE, lang));
    else {
      table_markdown (o, counts);
      g_string_append_c (o, '\n');
      g_autoptr (Table) hits = canary_hits (r, lang);
      table_markdown (o, hits);
    }
  }
}
