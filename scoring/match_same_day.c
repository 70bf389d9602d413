/* The same day told for the hour the question asks about
 * (scoring/match.h). To "Nộp chứng thực bản sao lúc 4 giờ chiều thì khi
 * nào lấy?", whose key phrase is the next working day, an answer whose
 * sentence takes up that hour ("nộp lúc 4 giờ chiều", "16 giờ", "16h",
 * "4 gio chieu") and goes on, before any next-day wording, to "ngay trong
 * ngày", "trong chiều nay", "lấy luôn" tells the citizen the opposite of
 * the key, whatever general rule it also quotes ("… chỉ khi nộp sau 17
 * giờ mới chuyển sang ngày làm việc tiếp theo"). */
#include "scoring/match.h"

#include "scoring/claims.h"
#include "scoring/normalize.h"

#include <stdlib.h>
#include <string.h>

/* Token k of toks is text in either spelling (accented, folded). */
static gboolean
tok_is (char **toks, guint n, guint k, const char *strict, const char *plain)
{
  return k < n && (strcmp (toks[k], strict) == 0 || strcmp (toks[k], plain) == 0);
}

/* The hour of day (0–23) a clock time at token k names ("4 giờ chiều",
 * "16 giờ 05", "16h", "16h30"), its last token in *end; -1 if none. */
static gint
hour_at (char **toks, guint n, guint k, guint *end)
{
  const char *t = toks[k];
  gsize digits = strspn (t, "0123456789");
  if (digits == 0 || digits > 2)
    return -1;
  gint h = atoi (t);
  guint e = k;
  if (t[digits] == 'h' && strspn (t + digits + 1, "0123456789") == strlen (t + digits + 1))
    e = k;
  else if (t[digits] == '\0' && tok_is (toks, n, k + 1, "giờ", "gio"))
    e = k + 1;
  else
    return -1;
  if (e + 1 < n && strspn (toks[e + 1], "0123456789") == strlen (toks[e + 1])
      && toks[e + 1][0] != '\0')
    e++; /* "16 giờ 05" */
  if (tok_is (toks, n, e + 1, "chiều", "chieu") || tok_is (toks, n, e + 1, "tối", "toi")) {
    h += h < 12 ? 12 : 0;
    e++;
  } else if (tok_is (toks, n, e + 1, "sáng", "sang"))
    e++;
  /* "16 giờ chiều nay" is when, not the day's outcome */
  if (e > k + 1 && tok_is (toks, n, e, "chiều", "chieu") && tok_is (toks, n, e + 1, "nay", "nay"))
    e++;
  else if (e > k + 1 && (tok_is (toks, n, e, "tối", "toi") || tok_is (toks, n, e, "sáng", "sang"))
           && tok_is (toks, n, e + 1, "nay", "nay"))
    e++;
  *end = e;
  return h <= 23 ? h : -1;
}

/* The words of s as tokens (new; g_strfreev). */
static char **
tokens_of (const char *s, guint *n)
{
  char **t = g_strsplit_set (s, " ,.?!:;()\"*", -1);
  guint k = 0;
  for (guint i = 0; t[i] != NULL; i++) {
    if (t[i][0] == '\0') {
      g_free (t[i]);
      continue;
    }
    t[k++] = t[i];
  }
  t[k] = NULL;
  *n = k;
  return t;
}

/* 1 the same day, 2 the next working day, 0 neither, at words k of p. */
static int
day_said_at (const AnswerPart *p, guint k, gboolean lenient)
{
  static const char *const same[][4] = {
    {"trong", "ngày", "trong", "ngay"}, {"chiều", "nay", "chieu", "nay"},
    {"cùng", "ngày", "cung", "ngay"}, {"lấy", "luôn", "lay", "luon"},
    {"nhận", "luôn", "nhan", "luon"}, {"same", "day", "same", "day"}};
  static const char *const next[][4] = {
    {"tiếp", "theo", "tiep", "theo"}, {"hôm", "sau", "hom", "sau"},
    {"ngày", "mai", "ngay", "mai"}, {"sáng", "mai", "sang", "mai"},
    {"kế", "tiếp", "ke", "tiep"}, {"next", "day", "next", "day"}};
  int m = lenient ? 2 : 0;
  for (gsize i = 0; i < G_N_ELEMENTS (next); i++)
    if (answer_word_is (p, k, next[i][m]) && answer_word_is (p, k + 1, next[i][m + 1]))
      return 2;
  /* not "trong ngày làm việc tiếp theo", "trong ngày hôm sau" */
  static const char *const on[][2] = {{"làm", "lam"}, {"hôm", "hom"},
                                      {"tiếp", "tiep"}, {"kế", "ke"}};
  for (gsize i = 0; i < G_N_ELEMENTS (on); i++)
    if (answer_word_is (p, k + 2, on[i][lenient ? 1 : 0]))
      return 0;
  for (gsize i = 0; i < G_N_ELEMENTS (same); i++)
    if (answer_word_is (p, k, same[i][m]) && answer_word_is (p, k + 1, same[i][m + 1]))
      return 1;
  return 0;
}

/* Whether the key's phrase is the next working day. */
static gboolean
next_day_phrase (const Fact *f)
{
  for (guint i = 0; f->aliases && i < f->aliases->raw->len; i++) {
    const char *raw = f->aliases->raw->pdata[i];
    if (strstr (raw, "tiếp theo") || strstr (raw, "kế tiếp") || strstr (raw, "hôm sau")
        || strstr (raw, "làm việc sau"))
      return TRUE;
  }
  return FALSE;
}

char *
match_same_day_for_hour (View *v, const Fact *f)
{
  if (v->key->question == NULL || !next_day_phrase (f))
    return NULL;
  g_autofree char *q = normalize_text (v->key->question, v->a->lenient);
  guint qn, end;
  g_auto (GStrv) qt = tokens_of (q, &qn);
  gint asked = -1;
  for (guint k = 0; k < qn && asked < 0; k++)
    asked = hour_at (qt, qn, k, &end);
  if (asked < 0)
    return NULL;
  for (guint i = 0; i < v->a->parts->len; i++) {
    const AnswerPart *p = answer_part (v->a, i);
    if (p->quoted || answer_text_asks (p->norm))
      continue;
    guint n = p->words->len;
    g_auto (GStrv) toks = g_new0 (char *, n + 1);
    for (guint k = 0; k < n; k++) {
      const CueWord *cw = &g_array_index (p->words, CueWord, k);
      toks[k] = g_strndup (p->norm + cw->start, cw->end - cw->start);
    }
    for (guint k = 0; k < n; k++) {
      if (hour_at (toks, n, k, &end) != asked)
        continue;
      /* the first word of the day after the hour, in its sentence */
      for (guint w = end + 1; w + 1 < n; w++) {
        if (g_array_index (p->words, CueWord, w).gap & CUE_GAP_STOP)
          break;
        int said = day_said_at (p, w, v->a->lenient);
        if (said == 0)
          continue;
        if (said == 1 && claims_polarity (v->a, p, w, w + 2) == POL_STATED) {
          const CueWord *a0 = &g_array_index (p->words, CueWord, k);
          const CueWord *a1 = &g_array_index (p->words, CueWord, w + 1);
          return g_strndup (p->norm + a0->start, a1->end - a0->start);
        }
        break;
      }
    }
  }
  return NULL;
}
