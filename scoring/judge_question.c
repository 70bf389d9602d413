/* What a key's question asks (scoring/judge_key.h): the topic it is set
 * for and the other topics its question names, the one channel it names,
 * whether it asks about the past. Apart from judge_key.c, which compiles
 * the facts: these read the question, not the facts. */
#include "scoring/judge_key.h"
#include "scoring/judge_fields.h"

#include "scoring/answer.h"
#include "scoring/cues.h"
#include "scoring/dates.h"
#include "scoring/normalize.h"
#include "scoring/numbers.h"
#include "scoring/topic.h"

#include <string.h>

/* The set's other topics the question names: "thường trú và tạm trú, thủ
 * tục nào nhanh hơn?" asks about both, so an answer about either is on the
 * asked subject. Needs both the topic and the question. */
static void
find_asked_topics (JudgeKey *key)
{
  if (key->asked_topics)
    g_array_set_size (key->asked_topics, 0);
  if (key->topics == NULL || key->topic == NULL || key->question == NULL)
    return;
  gint own = topic_index (key->topics, key->topic);
  g_autoptr (Answer) q = answer_new (key->question, strlen (key->question));
  for (guint i = 0; i < q->parts->len; i++) {
    g_autoptr (GArray) hits = topic_part_names (key->topics, q, i);
    for (guint h = 0; h < hits->len; h++) {
      const TopicHit *th = &g_array_index (hits, TopicHit, h);
      guint t = th->topic;
      if ((gint) t == own || judge_key_asks_topic (key, t))
        continue;
      /* a word of the item's own name asks nothing else: "xuất bản" in
       * "xin giấy phép xuất bản tài liệu không kinh doanh"; a name that
       * joins two ("thường trú và đăng ký tạm trú") asks both */
      gboolean in_own = FALSE;
      const AnswerPart *qp = answer_part (q, i);
      for (guint o = 0; o < hits->len; o++) {
        const TopicHit *oh = &g_array_index (hits, TopicHit, o);
        if ((gint) oh->topic != own || oh->w0 > th->w0 || oh->w1 < th->w1
            || oh->w1 - oh->w0 <= th->w1 - th->w0)
          continue;
        gboolean joins = FALSE;
        for (guint w = oh->w0; w < oh->w1; w++) {
          const CueWord *cw = &g_array_index (qp->words, CueWord, w);
          gsize n = cw->end - cw->start;
          joins |= (n == strlen ("và") && memcmp (qp->norm + cw->start, "và", n) == 0)
                   || (n == strlen ("hoặc")
                       && memcmp (qp->norm + cw->start, "hoặc", n) == 0);
        }
        in_own |= !joins;
      }
      if (in_own)
        continue;
      if (key->asked_topics == NULL)
        key->asked_topics = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (key->asked_topics, t);
    }
  }
}

gboolean
judge_key_asks_topic (const JudgeKey *key, guint topic)
{
  if (key->topics != NULL && key->topic != NULL
      && topic_index (key->topics, key->topic) == (gint) topic)
    return TRUE;
  for (guint i = 0; key->asked_topics && i < key->asked_topics->len; i++)
    if (g_array_index (key->asked_topics, guint, i) == topic)
      return TRUE;
  return FALSE;
}

gboolean
judge_key_set_topic (JudgeKey *key, JudgeTopics *topics, const char *id,
                     GError **error)
{
  if (!judge_topics_has (topics, id)) {
    judge_fields_error (error, "topic",
                        "unknown topic \"%s\" (define it in the "
                        "header's \"topics\" or inline)", id);
    return FALSE;
  }
  judge_topics_unref (key->topics);
  key->topics = judge_topics_ref (topics);
  g_free (key->topic);
  key->topic = g_strdup (id);
  topic_learn_key (topics, id, key);
  find_asked_topics (key);
  return TRUE;
}

/* The one channel a question names ("nộp hồ sơ trực tiếp thì …"), or -1
 * when it names none or several. */
static gint
asked_channel (const GArray *cues)
{
  gint found = -1;
  for (guint h = 0; h < cues->len; h++) {
    CueClass c = g_array_index (cues, CueHit, h).cls;
    gint ch = c == CUE_CH_TRUC_TIEP    ? CH_TRUC_TIEP
              : c == CUE_CH_TRUC_TUYEN ? CH_TRUC_TUYEN
              : c == CUE_CH_BUU_CHINH  ? CH_BUU_CHINH
                                       : -1;
    if (ch >= 0 && found >= 0 && ch != found)
      return -1;
    if (ch >= 0)
      found = ch;
  }
  return found;
}

void
judge_key_set_as_of (JudgeKey *key, const char *date)
{
  guint y, m, d;
  key->as_of = date && dates_parse_iso (date, &y, &m, &d)
                   ? y * 10000 + m * 100 + d
                   : 0;
}

/* Whether a question (normalized) asks how long a paper lasts: a word of
 * validity ("có giá trị", "thời hạn sử dụng", "dùng được") with a question
 * of length ("bao lâu", "mấy năm"), or a "thời hạn" asked in years. Not
 * "hộ chiếu sắp hết hạn thì làm lại mất bao lâu?", which asks the time to
 * process. */
static gboolean
asks_validity (const char *norm)
{
  static const char *const lasts[] = {"có giá trị", "giá trị sử dụng",
                                      "thời hạn sử dụng", "hạn sử dụng",
                                      "có thời hạn", "dùng được",
                                      "valid for", "validity"};
  static const char *const length[] = {"bao lâu", "mấy năm", "bao nhiêu năm",
                                       "mấy tháng", "how long", "how many years"};
  static const char *const years[] = {"mấy năm", "bao nhiêu năm"};
  gboolean lasting = FALSE, asked = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (lasts); i++)
    lasting |= strstr (norm, lasts[i]) != NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (length); i++)
    asked |= strstr (norm, length[i]) != NULL;
  if (lasting && asked)
    return TRUE;
  for (gsize i = 0; strstr (norm, "thời hạn") && i < G_N_ELEMENTS (years); i++)
    if (strstr (norm, years[i]))
      return TRUE;
  return FALSE;
}

/* A step cue of the question that names the incomplete or refused
 * dossier's branch ("bổ sung", "thiếu", "chưa đầy đủ", "từ chối"), or a
 * request to amend the dossier ("bị yêu cầu sửa đổi, bổ sung"). */
static gboolean
asks_branch (const char *norm, const GArray *words, const GArray *cues)
{
  static const char *const marks[] = {"bổ sung", "thiếu", "chưa", "chối",
                                      "không", "refused", "missing"};
  for (guint h = 0; h < cues->len; h++) {
    const CueHit *ch = &g_array_index (cues, CueHit, h);
    /* "bị yêu cầu sửa đổi, bổ sung": the notice, not the amendment */
    if (ch->cls == CUE_VARIANT_AMEND && ch->w0 > 0) {
      const CueWord *y = &g_array_index (words, CueWord, ch->w0 - 1);
      if (y->end - y->start == strlen ("cầu")
          && memcmp (norm + y->start, "cầu", y->end - y->start) == 0)
        return TRUE;
    }
    if (ch->cls != CUE_STEP)
      continue;
    const CueWord *a = &g_array_index (words, CueWord, ch->w0);
    const CueWord *b = &g_array_index (words, CueWord, ch->w1 - 1);
    g_autofree char *t = g_strndup (norm + a->start, b->end - a->start);
    for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
      if (strstr (t, marks[i]))
        return TRUE;
  }
  return FALSE;
}

/* The first two words after "không cần" in the normalized question ("…
 * mà không cần giấy ủy quyền được không?" → giấy, uỷ), strict and folded
 * into key->premise, or nothing. */
static void
find_premise (JudgeKey *key, const char *norm)
{
  const char *at = strstr (norm, "không cần ");
  if (at == NULL)
    return;
  g_auto (GStrv) w = g_strsplit_set (at + strlen ("không cần "), " ,?.", 4);
  GPtrArray *strict = g_ptr_array_new (), *folded = g_ptr_array_new ();
  for (guint i = 0; w[i] && strict->len < 2; i++)
    if (*w[i] && strcmp (w[i], "được") != 0 && strcmp (w[i], "không") != 0) {
      g_ptr_array_add (strict, g_strdup (w[i]));
      g_ptr_array_add (folded, normalize_fold_diacritics (w[i]));
    }
  g_ptr_array_add (strict, NULL);
  g_ptr_array_add (folded, NULL);
  key->premise[0] = (char **) g_ptr_array_free (strict, FALSE);
  key->premise[1] = (char **) g_ptr_array_free (folded, FALSE);
}

void
judge_key_set_question (JudgeKey *key, const char *question)
{
  key->asks_history = FALSE;
  key->asks_branch = FALSE;
  key->asks_validity = FALSE;
  key->asked_channel = -1;
  key->asked_variants = 0;
  key->asks_leave = FALSE;
  g_clear_pointer (&key->premise[0], g_strfreev);
  g_clear_pointer (&key->premise[1], g_strfreev);
  g_free (key->question);
  key->question = g_strdup (question);
  g_clear_pointer (&key->asked_amounts, g_array_unref);
  find_asked_topics (key);
  if (question == NULL)
    return;
  g_autofree char *norm = normalize_text (question, FALSE);
  key->asked_amounts = numbers_scan (norm, FALSE);
  key->asks_leave = strstr (norm, "được không") != NULL
                    || strstr (norm, "có cách") != NULL;
  find_premise (key, norm);
  g_autoptr (GArray) words = cues_words (norm);
  g_autoptr (GArray) cues = cues_find (norm, words, FALSE);
  key->asked_channel = asked_channel (cues);
  key->asked_variants = 0;
  for (guint h = 0; h < cues->len; h++)
    key->asked_variants |= cues_variant_bit (g_array_index (cues, CueHit,
                                                            h).cls);
  key->asked_year = 0;
  for (guint w = 0; w < words->len; w++) {
    const CueWord *cw = &g_array_index (words, CueWord, w);
    guint64 y;
    g_autofree char *t = g_strndup (norm + cw->start, cw->end - cw->start);
    if (cw->end - cw->start == 4
        && g_ascii_string_to_unsigned (t, 10, 1945, 2100, &y, NULL))
      key->asked_year = (guint) y;
  }
  for (guint h = 0; h < cues->len; h++) {
    CueClass c = g_array_index (cues, CueHit, h).cls;
    if (c == CUE_HIST || c == CUE_NEG_AFTER || c == CUE_ENDED)
      key->asks_history = TRUE;
  }
  key->asks_validity = asks_validity (norm);
  key->asks_branch = asks_branch (norm, words, cues);
  for (guint w = 0; w < words->len && !key->asks_history; w++) {
    const CueWord *cw = &g_array_index (words, CueWord, w);
    gsize n = cw->end - cw->start;
    key->asks_history = (n == strlen ("trước")
                         && memcmp (norm + cw->start, "trước", n) == 0)
                        || (n == strlen ("cũ")
                            && memcmp (norm + cw->start, "cũ", n) == 0);
  }
}
