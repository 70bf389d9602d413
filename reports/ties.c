#include "reports/ties.h"

#include "reports/rjson.h"

/* The significance level of the tie rule (scoring/rank.c, RANK_ALPHA). */
#define TIES_ALPHA 0.05

static const cJSON *
sub_at (const Results *r, guint i)
{
  return cJSON_GetArrayItem (r->submissions, (int) i);
}

static gboolean
group_of (const Results *r, guint i, double *g)
{
  return rjson_num (sub_at (r, i), "tie_group", g);
}

static int
rank_of (const Results *r, guint i)
{
  return (int) rjson_int_or (sub_at (r, i), "rank", 1, G_MAXINT,
                             (gint64) i + 1);
}

/* The run of adjacent submissions sharing index's tie group. */
static void
group_span (const Results *r, guint index, guint *first, guint *last)
{
  guint n = (guint) cJSON_GetArraySize (r->submissions);
  double g, x;
  *first = *last = index;
  if (!group_of (r, index, &g))
    return;
  while (*first > 0 && group_of (r, *first - 1, &x) && x == g)
    (*first)--;
  while (*last + 1 < n && group_of (r, *last + 1, &x) && x == g)
    (*last)++;
}

char *
ties_rank_label (const Results *r, guint index)
{
  guint first, last;
  group_span (r, index, &first, &last);
  if (first == last)
    return g_strdup_printf ("%d", rank_of (r, index));
  return g_strdup_printf ("%d–%d", rank_of (r, first), rank_of (r, last));
}

gboolean
ties_in_group (const Results *r, guint index, int *group)
{
  guint first, last;
  group_span (r, index, &first, &last);
  *group = (int) rjson_int_or (sub_at (r, index), "tie_group", G_MININT,
                               G_MAXINT, 0);
  return first != last;
}

/* "p = 0,041" or "p < 0,001", in lang. */
static void
append_p (GString *out, double p, ReportLang lang)
{
  if (p < 0.001) {
    g_string_append (out, "p < ");
    rjson_fmt (out, 0.001, 3, lang);
    return;
  }
  g_string_append (out, "p = ");
  rjson_fmt (out, p, 3, lang);
}

static void
append_cmp (GString *out, double p, ReportLang lang)
{
  append_p (out, p, lang);
  g_string_append (out, p < TIES_ALPHA ? " < " : " ≥ ");
  rjson_fmt (out, TIES_ALPHA, 2, lang);
}

char *
ties_decision (const Results *r, guint index, ReportLang lang)
{
  const cJSON *sub = sub_at (r, index);
  const cJSON *vs = cJSON_GetObjectItemCaseSensitive (sub, "vs_next");
  if (!cJSON_IsObject (vs) || index + 1 >= (guint) cJSON_GetArraySize (
                                                r->submissions))
    return NULL;
  const cJSON *next = sub_at (r, index + 1);
  const char *next_id = rjson_str (vs, "id", rjson_str (next, "id", "?"));
  double pc = rjson_num_or (vs, "p_composite", 1);
  double pm = rjson_num_or (vs, "p_mcnemar", 1);
  double gap = rjson_num_or (sub, "composite", 0)
               - rjson_num_or (next, "composite", 0);
  gboolean vi = lang != REPORT_LANG_EN;
  g_autoptr (GString) o = g_string_new (NULL);
  if (rjson_bool (vs, "separable", FALSE)) {
    g_string_append_printf (o, vi ? "khác biệt với %s: kiểm định bootstrap "
                                  : "separable from %s: bootstrap test ",
                            next_id);
    append_cmp (o, pc, lang);
    if (pm < TIES_ALPHA) {
      g_string_append (o, vi ? "; kiểm định McNemar " : "; McNemar's test ");
      append_cmp (o, pm, lang);
    }
  } else if (!(gap > 0)) {
    g_string_append_printf (o, vi ? "ngang nhau với %s: điểm tổng hợp bằng "
                                    "nhau"
                                  : "tied with %s: equal composites",
                            next_id);
  } else if (!(pc < TIES_ALPHA)) {
    g_string_append_printf (o, vi ? "không phân biệt được với %s: kiểm "
                                    "định bootstrap "
                                  : "not separable from %s: bootstrap test ",
                            next_id);
    append_cmp (o, pc, lang);
  } else {
    /* The bootstrap alone would separate them; the gap is carried by
     * accuracy, and McNemar's test on the same questions does not confirm
     * it (rule 3 of the tie rule). */
    g_string_append_printf (o, vi ? "không phân biệt được với %s: chênh "
                                    "lệch chủ yếu do độ chính xác, kiểm "
                                    "định McNemar trên cùng các câu hỏi "
                                  : "not separable from %s: the gap is "
                                    "mostly accuracy and McNemar's test on "
                                    "the same questions gives ",
                            next_id);
    append_cmp (o, pm, lang);
    g_string_append (o, vi ? " (kiểm định bootstrap " : " (bootstrap test ");
    append_p (o, pc, lang);
    g_string_append_c (o, ')');
  }
  return g_string_free (g_steal_pointer (&o), FALSE);
}
