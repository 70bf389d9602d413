/* An answer correcting itself (scoring/claims.h): "Xin đính chính: …",
 * "à không, em nhầm", an update note, a version announced as final. What
 * it said before the correction no longer holds. Split from
 * claims_polarity.c, which reads a name's or figure's polarity. */
#include "scoring/claims.h"
#include "scoring/claims_private.h"

#include <string.h>

/* "**Cập nhật (01/2026):** …", "Update: …": a note that opens on an
 * update label (a colon within five words) and restates figures. */
static gboolean
update_note (const AnswerPart *p, gboolean lenient)
{
  gboolean label = (word_is (p, 0, "cập", "cap", lenient)
                    && word_is (p, 1, "nhật", "nhat", lenient))
                   || word_is (p, 0, "update", "update", lenient)
                   || word_is (p, 0, "updated", "updated", lenient);
  for (guint k = 1; label && k < p->words->len && k <= 5; k++)
    if (word (p, k)->gap & CUE_GAP_COLON)
      return TRUE;
  return FALSE;
}

/* "**Bản cuối (gửi khách hàng, 15:10):**", "Thông tin mới nhất (16:45):",
 * "Final answer:": a short line that introduces the version that
 * replaces what came before (a draft, an earlier message). */
static gboolean
final_version_label (const AnswerPart *p)
{
  static const char *const labels[] = {
    "bản cuối", "ban cuoi", "bản chính thức", "ban chinh thuc",
    "câu trả lời cuối", "cau tra loi cuoi", "thông tin mới nhất",
    "thong tin moi nhat", "bản cập nhật", "ban cap nhat", "final answer",
    "final version", "final reply",
    /* a thread's chosen reply ("✅ **Câu trả lời được chọn** · *Quản trị
     * viên …*", "✅ **Trả lời từ Fanpage Sở …**"): the members' replies
     * before it are not the answer */
    "câu trả lời được chọn", "cau tra loi duoc chon", "câu trả lời hay nhất",
    "cau tra loi hay nhat", "trả lời từ fanpage", "tra loi tu fanpage",
    "best answer", "accepted answer"};
  if (p->quoted || p->words->len > 30
      || (p->kind != PART_INTRO && p->kind != PART_HEADING
          && p->kind != PART_TEXT))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++) {
    const char *at = strstr (p->norm, labels[i]);
    /* a short label anywhere in a heading; a line that opens on it (past a
     * mark: "✅ Trả lời từ Fanpage Sở … · Được quản trị viên chọn …", "📌") */
    if (at != NULL && (at - p->norm <= 8
                       || (p->kind != PART_TEXT && p->words->len <= 12)))
      return TRUE;
  }
  return FALSE;
}

/* Whether part p opens on an opinion's label ("**Ý kiến anh Sơn (bổ
 * sung):** …", "Opinion of …:"): one voice of a discussion. */
static gboolean
opinion_label (const AnswerPart *p, gboolean lenient)
{
  if (p->quoted
      || !((word_is (p, 0, "ý", "y", lenient) && word_is (p, 1, "kiến", "kien", lenient))
           || word_is (p, 0, "opinion", "opinion", lenient)))
    return FALSE;
  /* past a name and a bracketed title ("Ý kiến chị Nguyễn Thị Lan (công
   * chức tư pháp - hộ tịch):") */
  for (guint k = 1; k < p->words->len && k <= 14; k++)
    if (word (p, k)->gap & CUE_GAP_COLON)
      return TRUE;
  return FALSE;
}

/* The label of a turn part p opens a line with ("Cán bộ A", "Cán bộ B":
 * up to four words before a colon), or NULL. */
static char *
turn_label (const Answer *a, guint i)
{
  const AnswerPart *p = answer_part (a, i);
  if (answer_line_start (a, i) != i)
    return NULL; /* a turn that asks is quoted, yet a turn still */
  /* the label's text to its colon, a one-letter name with it ("a" of
   * "Cán bộ A:" is no word) */
  for (guint k = 1; k < p->words->len && k <= 4; k++)
    if (word (p, k)->gap & CUE_GAP_COLON) {
      const char *colon = memchr (p->norm, ':', word (p, k)->start);
      return colon ? g_strndup (p->norm, (gsize) (colon - p->norm)) : NULL;
    }
  return NULL;
}

/* The turns of a dialogue before part i ("Cán bộ A: … Cán bộ B: … Cán bộ
 * A: …"): lines opening on a speaker's label when two labels or more each
 * open two lines or more — fields ("Lệ phí:", "Bước 1:") do not repeat so. */
static guint
dialogue_turns (const Answer *a, guint i)
{
  g_autoptr (GHashTable) count = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                        g_free, NULL);
  for (guint k = 0; k < i; k++) {
    char *label = turn_label (a, k);
    if (label == NULL)
      continue;
    guint n = GPOINTER_TO_UINT (g_hash_table_lookup (count, label));
    g_hash_table_replace (count, label, GUINT_TO_POINTER (n + 1));
  }
  guint speakers = 0, turns = 0;
  GHashTableIter it;
  gpointer n;
  g_hash_table_iter_init (&it, count);
  while (g_hash_table_iter_next (&it, NULL, &n))
    if (GPOINTER_TO_UINT (n) >= 2) {
      speakers++;
      turns += GPOINTER_TO_UINT (n);
    }
  return speakers >= 2 ? turns : 0;
}

/* "**KẾT LUẬN**" after the voices of minutes ("Ý kiến anh Sơn: … 05 ngày
 * … Ý kiến chị Oanh: … không đúng … 03 ngày"): the chair's conclusion is
 * what the meeting settled; the opinions weighed before it are not.
 * A heading that is a conclusion's label, after two opinions or more;
 * a line opening on that label, after one. */
static gboolean
concludes_discussion (const Answer *a, guint i)
{
  const AnswerPart *h = answer_part (a, i);
  gboolean lenient = a->lenient;
  guint w = 0; /* past "III." or "5." */
  if (h->words->len > 1 && (word (h, 1)->gap & CUE_GAP_STOP)
      && strspn (h->norm, "0123456789ivx") == word (h, 0)->end - word (h, 0)->start)
    w = 1;
  /* a heading, or a line that is nothing but the label ("KẾT LUẬN") */
  gboolean alone = (i + 1 >= a->parts->len || answer_part (a, i + 1)->line != h->line)
                   && answer_part (a, i - 1)->line != h->line
                   && h->words->len <= w + 3;
  /* or a line opening on the label and its colon ("Kết luận của chủ trì
   * (Phó trưởng Công an phường): …"), after one opinion at least */
  gboolean labelled = FALSE;
  for (guint k = w + 2; k < h->words->len && k <= w + 14 && !labelled
                        && answer_part (a, i - 1)->line != h->line; k++)
    labelled = (word (h, k)->gap & CUE_GAP_COLON) != 0;
  if (h->quoted || (h->kind != PART_HEADING && !alone && !labelled)
      || (h->words->len > w + 6 && !labelled)
      || !((word_is (h, w, "kết", "ket", lenient)
            && word_is (h, w + 1, "luận", "luan", lenient))
           || word_is (h, w, "conclusion", "conclusion", lenient)))
    return FALSE;
  guint voices = dialogue_turns (a, i);
  for (guint k = 0; k < i; k++)
    voices += opinion_label (answer_part (a, k), lenient);
  return voices >= (labelled ? 1u : 2u);
}

/* "*— Nhân viên Hùng đã tham gia cuộc trò chuyện —*", "Agent Lan joined
 * the chat": a person takes over from the bot, and what they say after
 * is the answer's last word. */
static gboolean
human_joins (const AnswerPart *p)
{
  static const char *const marks[] = {
    "đã tham gia cuộc trò chuyện", "da tham gia cuoc tro chuyen",
    "joined the conversation", "joined the chat", "has joined the chat"};
  if (p->quoted || p->words->len > 14)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (strstr (p->norm, marks[i]) != NULL)
      return TRUE;
  return FALSE;
}

gint
claims_final_version (const Answer *a)
{
  for (guint i = a->parts->len; i-- > 1;)
    if (final_version_label (answer_part (a, i)) || concludes_discussion (a, i)
        || human_joins (answer_part (a, i)))
      return (gint) i;
  return -1;
}

gint
claims_correction_part (const Answer *a)
{
  /* the last version announced as final replaces everything before it */
  gint final = claims_final_version (a);
  if (final > 0)
    return final;
  for (guint i = 0; i < a->parts->len; i++) {
    const AnswerPart *p = answer_part (a, i);
    if (!p->quoted && update_note (p, a->lenient))
      return (gint) i;
    for (guint h = 0; !p->quoted && h < p->cues->len; h++)
      if (hit (p, h)->cls == CUE_CORRECTION)
        return (gint) i;
  }
  return -1;
}

guint
claims_correction_word (const AnswerPart *p)
{
  for (guint h = 0; h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_CORRECTION)
      return hit (p, h)->w0;
  return 0;
}

gboolean
claims_correction_takes_back (const Answer *a)
{
  gint corr = claims_correction_part (a);
  const AnswerPart *p = corr >= 0 ? answer_part (a, (guint) corr) : NULL;
  for (guint h = 0; p && h < p->cues->len; h++)
    if (hit (p, h)->cls == CUE_REJECT)
      return TRUE;
  return FALSE;
}

/* "… 05 ngày làm việc. Xin đính chính: thời hạn là 03 ngày làm việc": a
 * figure of the kind the correction states again (money, or a time)
 * said before it is corrected. */
void
claims_mark_corrected (const Answer *a, GArray *claims)
{
  gint corr = claims_correction_part (a);
  if (corr < 0)
    return;
  /* "… bảy ngày làm việc ạ… à không, em nhầm, …": in the correcting
   * sentence itself, what comes before its cue is taken back too */
  guint cue_w = claims_correction_word (answer_part (a, (guint) corr));
  gboolean money_again = FALSE, time_again = FALSE;
  for (guint k = 0; k < claims->len; k++) {
    const ValueClaim *c = &g_array_index (claims, ValueClaim, k);
    if ((gint) c->part < corr || ((gint) c->part == corr && c->w0 < cue_w)
        || c->polarity == POL_QUOTED)
      continue;
    if (c->m.unit == NUMBERS_UNIT_VND)
      money_again = TRUE;
    else
      time_again = TRUE;
  }
  for (guint k = 0; k < claims->len; k++) {
    ValueClaim *c = &g_array_index (claims, ValueClaim, k);
    if (((gint) c->part < corr || ((gint) c->part == corr && c->w1 <= cue_w))
        && (c->m.unit == NUMBERS_UNIT_VND ? money_again : time_again))
      c->corrected = TRUE;
  }
}

/* Whether p opens on words that set a rule right: "Quy định là …",
 * "Đúng ra là …", "Đúng phải là …". */
static gboolean
sets_right (const AnswerPart *p, gboolean lenient)
{
  return ((word_is (p, 0, "quy", "quy", lenient) || word_is (p, 0, "qui", "qui", lenient))
          && word_is (p, 1, "định", "dinh", lenient)
          && word_is (p, 2, "là", "la", lenient))
         || (word_is (p, 0, "đúng", "dung", lenient)
             && (word_is (p, 1, "ra", "ra", lenient) || word_is (p, 1, "phải", "phai", lenient))
             && word_is (p, 2, "là", "la", lenient));
}

void
claims_mark_restated (const Answer *a, GArray *claims)
{
  for (guint k = 0; k < claims->len; k++) {
    ValueClaim *c = &g_array_index (claims, ValueClaim, k);
    if (c->polarity != POL_STATED || c->part + 1 >= a->parts->len)
      continue;
    const AnswerPart *p = answer_part (a, c->part), *q = answer_part (a, c->part + 1);
    if (q->line != p->line || !sets_right (q, a->lenient))
      continue;
    /* "Hàm đang trừ 30 ngày làm việc. Quy định là 30 ngày (ngày lịch).":
     * the next sentence sets right a figure of the same kind */
    for (guint j = 0; j < claims->len; j++) {
      const ValueClaim *r = &g_array_index (claims, ValueClaim, j);
      if (r->part == c->part + 1 && (r->m.unit == NUMBERS_UNIT_VND) == (c->m.unit == NUMBERS_UNIT_VND)
          && !(r->m.unit == c->m.unit && r->m.hi == c->m.hi)) {
        c->polarity = POL_NEGATED;
        break;
      }
    }
  }
}
