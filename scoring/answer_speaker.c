/* Who speaks in a line of an answer (scoring/answer_speaker.h): the
 * citizen, a source the assistant quotes, or the asker's own account
 * under its heading. Split from answer.c, which builds the parts. */
#include "scoring/answer_speaker.h"

#include "scoring/normalize.h"

#include <string.h>

/* The label of line s before its colon (within max bytes), normalized,
 * markup ("**", "-", "_") and spaces around it aside, with a short form in
 * brackets split off ("Công dân (CD):" is "công dân", short "cd"); NULL
 * when there is no colon. */
static char *
label_of (const char *s, gsize n, gsize max, char **short_form)
{
  *short_form = NULL;
  const char *colon = memchr (s, ':', MIN (n, max));
  if (colon == NULL)
    return NULL;
  while (s < colon && strchr ("*-_ ", *s))
    s++;
  const char *end = colon;
  while (end > s && strchr ("*_ ", end[-1]))
    end--;
  g_autofree char *label = g_strndup (s, (gsize) (end - s));
  char *open = strchr (label, '(');
  if (open != NULL && label[strlen (label) - 1] == ')') {
    g_autofree char *inner = g_strndup (open + 1, strlen (open + 1) - 1);
    if (strlen (inner) <= 8)
      *short_form = normalize_text (inner, FALSE);
    *open = '\0';
  }
  return normalize_text (label, FALSE);
}

/* Whether line s (n bytes) opens, within max bytes, on one of labels
 * before a colon ("**Khách hàng:**", "Công dân (CD):"). */
static gboolean
label_in (const char *s, gsize n, gsize max, const char *const *labels,
          gsize n_labels)
{
  g_autofree char *short_form = NULL;
  g_autofree char *norm = label_of (s, n, max, &short_form);
  for (gsize i = 0; norm != NULL && i < n_labels; i++)
    if (strcmp (norm, labels[i]) == 0)
      return TRUE;
  return FALSE;
}

/* "Phóng viên báo Người Lao Động: …", "PV: …": a reporter's question at a
 * press conference, which the officials then answer — the label opens on
 * the reporter's title, the paper's name may follow. */
static gboolean
reporter_turn (const char *s, gsize n)
{
  const char *colon = memchr (s, ':', MIN (n, 80));
  if (colon == NULL)
    return FALSE;
  while (s < colon && strchr ("*-_ [", *s))
    s++;
  g_autofree char *label = g_strndup (s, (gsize) (colon - s));
  g_autofree char *norm = normalize_text (label, FALSE);
  static const char *const titles[] = {"phóng viên", "pv", "nhà báo",
                                       "reporter", "journalist"};
  for (gsize i = 0; i < G_N_ELEMENTS (titles); i++) {
    gsize k = strlen (titles[i]);
    if (strncmp (norm, titles[i], k) == 0
        && (norm[k] == '\0' || norm[k] == ' ' || norm[k] == '*'))
      return TRUE;
  }
  return FALSE;
}

/* "Người dân: …", "Khách hàng: …": the citizen's turn of a transcript. */
gboolean
answer_citizen_turn (const char *s, gsize n, char **short_form)
{
  static const char *const labels[] = {
    "người dân", "khách hàng", "khách", "công dân", "người hỏi", "người gọi",
    "người dùng", "kh", "hỏi", "câu hỏi", "bạn hỏi", "user", "customer",
    "citizen", "caller", "question", "q", "human",
    /* a myth answered ("Bạn nói: \"… phải lên huyện.\" Nhưng thực ra: …") */
    "bạn nói", "bạn viết", "anh viết", "chị viết", "you said", "you wrote",
    "bạn đọc hỏi",
  };
  /* "**Khách hàng:**", "- Hỏi:" */
  if (label_in (s, n, 40, labels, G_N_ELEMENTS (labels)) || reporter_turn (s, n))
    return TRUE;
  /* "Công dân (CD): …", then "CD: …": the short form names the citizen in
   * the turns that follow */
  g_autofree char *sf = NULL;
  g_autofree char *name = label_of (s, n, 40, &sf);
  if (name == NULL)
    return FALSE;
  if (*short_form != NULL && sf == NULL && strcmp (name, *short_form) == 0)
    return TRUE;
  for (gsize i = 0; sf != NULL && i < G_N_ELEMENTS (labels); i++)
    if (strcmp (name, labels[i]) == 0) {
      g_free (*short_form);
      *short_form = g_steal_pointer (&sf);
      return TRUE;
    }
  return FALSE;
}

/* "II. NỘI DUNG CÔNG DÂN TRÌNH BÀY", "## Câu hỏi của bạn": a heading over
 * the asker's own account, whose lines tell the question, not the answer
 * (not "Câu hỏi thường gặp", which answers). norm is the heading's
 * normalized text. */
gint
answer_asker_heading (const char *norm)
{
  static const char *const accounts[] = {
    "nội dung công dân trình bày", "công dân trình bày", "người dân trình bày",
    "nội dung câu hỏi", "nội dung hỏi", "câu hỏi của bạn",
    "câu hỏi của bạn đọc", "bạn đọc hỏi", "your question"};
  static const char *const bare[] = {"câu hỏi", "question"};
  /* past a section number ("ii.", "2.", "a)") and markup */
  const char *t = norm + strspn (norm, "ivx0123456789.)# *");
  g_autofree char *title = g_strdup (t);
  g_strchomp (title);
  gsize len = strlen (title);
  while (len > 0 && strchr (":*_ ", title[len - 1]))
    title[--len] = '\0';
  for (gsize i = 0; i < G_N_ELEMENTS (accounts); i++)
    if (strcmp (title, accounts[i]) == 0)
      return 1;
  for (gsize i = 0; i < G_N_ELEMENTS (bare); i++)
    if (strcmp (title, bare[i]) == 0)
      return 2;
  return 0;
}

gboolean
answer_retrieved_passage (const char *s, gsize n)
{
  static const char *const labels[] = {
    "trích dẫn", "nguồn", "tài liệu", "ngữ cảnh", "đoạn trích", "source",
    "passage", "context", "document",
  };
  while (n > 0 && (*s == ' ' || *s == '*' || *s == '>' || *s == '-')) {
    s++;
    n--;
  }
  gboolean bracket = n > 0 && *s == '[';
  const char *from = bracket ? s + 1 : s;
  gsize left = bracket ? n - 1 : n;
  const char *close = memchr (from, bracket ? ']' : ':', MIN (left, 40));
  if (close == NULL)
    return FALSE;
  g_autofree char *label = g_strndup (from, (gsize) (close - from));
  g_autofree char *norm = normalize_text (label, FALSE);
  gsize len = strlen (norm);
  gboolean numbered = FALSE;
  while (len > 0 && (g_ascii_isdigit (norm[len - 1]) || norm[len - 1] == ' '
                     || norm[len - 1] == '#')) {
    numbered |= g_ascii_isdigit (norm[len - 1]);
    norm[--len] = '\0';
  }
  if (!bracket && !numbered)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (norm, labels[i]) == 0)
      return TRUE;
  return FALSE;
}

gboolean
answer_mail_attribution (const char *s, gsize n)
{
  static const char *const ends[] = {"đã viết:", "viết:", "wrote:"};
  while (n > 0 && strchr ("*_ ", s[n - 1]))
    n--;
  if (n > 240)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (ends); i++) {
    gsize k = strlen (ends[i]);
    if (n >= k && memcmp (s + n - k, ends[i], k) == 0)
      return TRUE;
  }
  return FALSE;
}

gboolean
answer_reply_label (const char *s, gsize n)
{
  static const char *const labels[] = {"trả lời", "đáp", "tl", "answer",
                                       "reply"};
  while (n > 0 && *s == '>')
    s++, n--;
  return label_in (s, n, 24, labels, G_N_ELEMENTS (labels));
}

gboolean
answer_pasted_intro (const char *s, gsize n)
{
  static const char *const senders[] = {
    "bạn gửi", "bạn đính kèm", "bạn dán", "bạn chụp", "anh gửi", "chị gửi",
    "gửi kèm", "you sent", "you attached", "you pasted"};
  while (n > 0 && strchr ("*_ ", s[n - 1]))
    n--;
  if (n == 0 || n > 200 || s[n - 1] != ':')
    return FALSE;
  g_autofree char *line = g_strndup (s, n);
  g_autofree char *norm = normalize_text (line, FALSE);
  for (gsize i = 0; i < G_N_ELEMENTS (senders); i++)
    if (strstr (norm, senders[i]) != NULL)
      return TRUE;
  return FALSE;
}

gboolean
answer_rule_line (const char *s, gsize n)
{
  static const char *const marks[] = {"-", "–", "—", "*", "_", "="};
  while (n > 0 && s[n - 1] == ' ')
    n--;
  while (n > 0 && *s == ' ')
    s++, n--;
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++) {
    gsize k = strlen (marks[i]), reps = 0, at = 0;
    while (at + k <= n && memcmp (s + at, marks[i], k) == 0)
      at += k, reps++;
    if (at == n && reps >= 3)
      return TRUE;
  }
  return FALSE;
}

gboolean
answer_pasted_ends (const char *rest)
{
  while (rest != NULL && *rest) {
    const char *nl = strchr (rest, '\n');
    gsize n = nl ? (gsize) (nl - rest) : strlen (rest);
    if (answer_rule_line (rest, n) || answer_reply_label (rest, n))
      return TRUE;
    rest = nl ? nl + 1 : NULL;
  }
  return FALSE;
}

gboolean
answer_quoted_review (const char *norm)
{
  static const char *const opens[] = {"\"", "“", "«"};
  static const char *const closes[] = {"\"", "”", "»"};
  const char *s = norm;
  gboolean stars = FALSE;
  /* past the review's stars and marks ("⭐⭐⭐ ", "★★★★☆ "): no letter or
   * digit, no opening mark */
  for (gboolean mark = TRUE; *s && mark;) {
    gunichar ch = g_utf8_get_char (s);
    mark = !g_unichar_isalnum (ch);
    for (gsize i = 0; mark && i < G_N_ELEMENTS (opens); i++)
      mark = strncmp (s, opens[i], strlen (opens[i])) != 0;
    stars |= ch == 0x2B50 || ch == 0x2605 || ch == 0x2606;
    if (mark)
      s = g_utf8_next_char (s);
  }
  gsize n = strlen (s);
  while (n > 0 && strchr (" *_", s[n - 1]))
    n--;
  for (gsize i = 0; stars && i < G_N_ELEMENTS (opens); i++) {
    gsize o = strlen (opens[i]), c = strlen (closes[i]);
    if (n > o + c && strncmp (s, opens[i], o) == 0
        && memcmp (s + n - c, closes[i], c) == 0) {
      /* one quotation: no closing mark inside it */
      g_autofree char *inner = g_strndup (s + o, n - o - c);
      return strstr (inner, closes[i]) == NULL;
    }
  }
  return FALSE;
}
