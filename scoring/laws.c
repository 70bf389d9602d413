/* The numbers of the laws a question set keys by name (scoring/laws.h):
 * "Luật Hộ tịch số 52/2014/QH13" names the civil-status law with another
 * law's number (52/2014/QH13 is the marriage and family law), whatever a
 * key that only asks for "Luật Hộ tịch" accepts. Only laws whose every
 * number in force or in the recent past is recorded are listed: the
 * numbers come from ../shared/reference/DOMAIN.md ("Law numbers confirmed
 * in a second source", the changes of 1/7/2026) and testsets/practice/
 * SOURCES.md (S-anm-2025, S-baochi-2025, S-luat-118, the entry-exit law as
 * amended by 23/2023/QH15). A law amended by an unrecorded number (Tần số
 * vô tuyến điện, 2022) stays out: its amendment would read as a wrong
 * number. */
#include "scoring/laws.h"

#include "scoring/normalize.h"

#include <string.h>

typedef struct {
  const char *name;        /* as written; normalized at use */
  const char *numbers[4];  /* canonical forms, NULL-terminated */
} Law;

static const Law laws[] = {
  {"Luật Hộ tịch", {"60/2014/QH13"}},
  {"Luật An ninh mạng", {"24/2018/QH14", "116/2025/QH15"}},
  {"Luật An toàn thông tin mạng", {"86/2015/QH13"}},
  {"Luật Báo chí", {"103/2016/QH13", "126/2025/QH15"}},
  {"Luật Xuất bản", {"19/2012/QH13"}},
  {"Luật Bưu chính", {"49/2010/QH12"}},
  {"Luật Viễn thông", {"24/2023/QH15"}},
  {"Luật Giao dịch điện tử", {"20/2023/QH15"}},
  {"Luật Căn cước", {"26/2023/QH15", "118/2025/QH15"}},
  {"Luật Cư trú", {"68/2020/QH14", "118/2025/QH15"}},
  {"Luật Phí và lệ phí", {"97/2015/QH13"}},
};

gint
laws_find (const char *norm, gsize from, gboolean lenient, gsize *start,
           gsize *end)
{
  gint best = -1;
  gsize best_at = G_MAXSIZE;
  for (gsize i = 0; i < G_N_ELEMENTS (laws); i++) {
    g_autofree char *name = normalize_text (laws[i].name, lenient);
    const char *at = strstr (norm + from, name);
    while (at != NULL) {
      gsize n = strlen (name);
      /* a whole name, running into no letter ("luật cư trúx" is none) */
      gboolean whole = (at == norm || !g_ascii_isalnum (at[-1]))
                       && !g_ascii_isalnum (at[n]) && (guchar) at[n] < 0x80;
      if (whole && (gsize) (at - norm) < best_at) {
        best = (gint) i;
        best_at = (gsize) (at - norm);
        *start = best_at;
        *end = best_at + n;
      }
      if (whole)
        break;
      at = strstr (at + 1, name);
    }
  }
  return best;
}

gboolean
laws_number_valid (gint law, const char *canonical)
{
  for (gsize k = 0; laws[law].numbers[k] != NULL; k++)
    if (strcmp (laws[law].numbers[k], canonical) == 0)
      return TRUE;
  return FALSE;
}

const char *
laws_name (gint law)
{
  return laws[law].name;
}
