/* A table cell's row as context for its claims (scoring/claims_private.h):
 * a label in an earlier cell of the same row ("| 8:30 | Quy định chung |
 * … tối đa 10 năm |", "| Biểu gốc: cấp mới | 200.000 đ |") governs the
 * cells after it, as a heading governs its section. */
#include "scoring/claims_private.h"

gboolean
claims_row_has (const Answer *a, guint part, CueClass cls)
{
  const AnswerPart *p = answer_part (a, part);
  if (p->row_head < 0)
    return FALSE;
  for (guint i = (guint) p->row_head; i < part; i++) {
    const AnswerPart *q = answer_part (a, i);
    if (q->line == p->line && has_cue (q, cls, 0, G_MAXUINT))
      return TRUE;
  }
  return FALSE;
}
