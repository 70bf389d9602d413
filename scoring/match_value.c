/* Money and durations (scoring/match.h; dates are match_date.c's). Each
 * value claim about the asked thing is compared with the key's value for
 * its channel or case; claims about something else, negated or historical
 * ones are set aside with their reason. A claim in a worked example may
 * confirm the key but never contradicts it: the example's figures are its
 * own.
 *
 * The expected values (Expected), their classes (QClass) and judge_claim,
 * whose steps share those private types, stay here; the set-aside tests
 * that need no such type are match_aside.c's. */
#include "scoring/match.h"

#include "scoring/cues.h"

#include <string.h>

typedef enum { Q_IGNORE, Q_MATCH, Q_OTHER, Q_VAGUE, Q_CONTRA, Q_UNIT } QClass;

/* The values a claim may rightly state, in its context. */
typedef struct {
  Quantity q[16];
  guint n;
  gboolean attributed; /* the claim's channel or case chose them */
  const char *why;     /* the channel's or the case's name */
  gboolean why_channel;
  gboolean unsure; /* a difference is no contradiction */
} Expected;

static void
add_q (Expected *e, Quantity q)
{
  if (e->n < G_N_ELEMENTS (e->q))
    e->q[e->n++] = q;
}

static void
add_channels (Expected *e, const ChannelValues *cv)
{
  for (int c = 0; c < CH_N; c++)
    if (cv->has[c])
      add_q (e, cv->q[c]);
}

/* The channel values of the case the question asks about: the one case
 * whose values hold the key's value when the general ones do not. */
static const ChannelValues *
asked_case_channels (const Fact *f)
{
  if (f->cases == NULL)
    return NULL;
  for (int ch = 0; ch < CH_N; ch++)
    if (f->channel.has[ch]
        && judge_same_amount (f->channel.q[ch].value, f->value.value,
                              f->value.unit))
      return NULL;
  const ChannelValues *found = NULL;
  for (guint i = 0; i < f->cases->len; i++) {
    const FactCase *fc = f->cases->pdata[i];
    for (int ch = 0; ch < CH_N; ch++)
      if (fc->channel.has[ch]
          && judge_same_amount (fc->channel.q[ch].value, f->value.value,
                                f->value.unit)) {
        if (found != NULL && found != &fc->channel)
          return NULL; /* two cases hold it: the question names neither */
        found = &fc->channel;
      }
  }
  return found;
}

static gboolean
has_any_channel (const Fact *f)
{
  for (int ch = 0; ch < CH_N; ch++)
    if (f->channel.has[ch])
      return TRUE;
  for (guint i = 0; f->cases && i < f->cases->len; i++)
    for (int ch = 0; ch < CH_N; ch++)
      if (((const FactCase *) f->cases->pdata[i])->channel.has[ch])
        return TRUE;
  return FALSE;
}

static void
expected_for (const Fact *f, View *v, const ValueClaim *c, Expected *e,
              const FactCase **fcase)
{
  memset (e, 0, sizeof *e);
  const FactCase *fc = match_case_of (f, v, c);
  *fcase = fc;
  if (fc != NULL) {
    e->attributed = TRUE;
    e->why = fc->when->raw->pdata[0]; /* the case as the key words it */
    /* a claim naming no channel, where the question names one, answers
     * for that channel ("… qua mạng thì bao nhiêu?" — "theo danh sách →
     * 10.000 đồng/người" picks the in-person rate) */
    gint ch = c->channel >= 0 ? c->channel : v->key->asked_channel;
    if (ch >= 0 && fc->channel.has[ch])
      add_q (e, fc->channel.q[ch]);
    else if (fc->has_value) {
      add_q (e, fc->value);
      /* the key gives this case one value, the answer one per channel:
       * the key cannot say the channel's value is wrong */
      e->unsure = c->channel >= 0;
    } else
      add_channels (e, &fc->channel);
    return;
  }
  if (c->channel >= 0 && c->channel == v->key->asked_channel
      && !has_any_channel (f)) {
    /* the key gives one value whatever the channel and the question asks
     * for this channel: the claim is about the asked thing, not another
     * case ("nộp trực tiếp: 400.000đ" where the key says 200.000đ) */
    e->attributed = TRUE;
    e->why = judge_channel_names[c->channel];
    e->why_channel = TRUE;
    add_q (e, f->value);
    return;
  }
  if (c->yours && c->channel < 0 && !c->example && !c->exempt) {
    /* "Hợp đồng mua bán xe của bạn áp dụng mức 30.000 đồng": the
     * citizen's own case is the asked one, whatever else the key lists */
    e->attributed = TRUE;
    e->why = "@case:yours";
    add_q (e, f->value);
    if (v->key->asked_channel >= 0 && f->channel.has[v->key->asked_channel])
      add_q (e, f->channel.q[v->key->asked_channel]);
    else
      add_channels (e, &f->channel);
    return;
  }
  if (c->channel >= 0) {
    /* the question may ask about one case ("theo danh sách, nộp trực
     * tiếp"): its channel values, not the general ones, are asked */
    const ChannelValues *cv = asked_case_channels (f);
    if (cv == NULL && f->channel.has[c->channel])
      cv = &f->channel;
    if (cv != NULL && cv->has[c->channel]) {
      e->attributed = TRUE;
      e->why = judge_channel_names[c->channel];
      e->why_channel = TRUE;
      add_q (e, cv->q[c->channel]);
      /* beside the asked case, the general rate of the channel is right
       * for the general case ("từng người đăng ký riêng lẻ: 15.000đ") */
      if (cv != &f->channel && f->channel.has[c->channel])
        add_q (e, f->channel.q[c->channel]);
      return;
    }
  }
  add_q (e, f->value);
  add_channels (e, &f->channel);
  for (guint i = 0; f->cases && i < f->cases->len; i++) {
    const FactCase *k = f->cases->pdata[i];
    if (k->has_value)
      add_q (e, k->value);
    add_channels (e, &k->channel);
  }
  for (guint i = 0; f->others && i < f->others->len; i++)
    add_q (e, g_array_index (f->others, Quantity, i));
}

static gboolean
in_set (const Expected *e, double v, NumbersUnit u)
{
  for (guint i = 0; i < e->n; i++)
    if (e->q[i].unit == u
        && (u == NUMBERS_UNIT_SAME_DAY || judge_same_amount (e->q[i].value, v, u)))
      return TRUE;
  return FALSE;
}

static gboolean
is_day_unit (NumbersUnit u)
{
  return u == NUMBERS_UNIT_DAY || u == NUMBERS_UNIT_WORKING_DAY;
}

/* The asked value: the key's value, when the context allows it. */
static gboolean
is_key (const Fact *f, const Expected *e, double v, NumbersUnit u)
{
  if (u != f->value.unit)
    return FALSE;
  gboolean same = u == NUMBERS_UNIT_SAME_DAY
                  || judge_same_amount (f->value.value, v, u);
  return same && (!e->attributed || in_set (e, v, u));
}

/* Same-day keys against day counts and the other way round. */
static QClass
classify_same_day (const Fact *f, const Expected *e, const NumbersMention *m)
{
  NumbersUnit fu = f->value.unit;
  if (is_key (f, e, m->hi, m->unit))
    return Q_MATCH;
  if (in_set (e, m->hi, m->unit))
    return Q_OTHER;
  if (m->unit == NUMBERS_UNIT_SAME_DAY)
    return is_day_unit (fu) ? Q_CONTRA : Q_IGNORE;
  if (!is_day_unit (m->unit))
    return Q_IGNORE;
  return m->hi >= 2 ? Q_CONTRA : Q_IGNORE;
}

static QClass
classify (const Fact *f, const Expected *e, const NumbersMention *m)
{
  NumbersUnit fu = f->value.unit;
  gboolean money = fu == NUMBERS_UNIT_VND;
  if (money != (m->unit == NUMBERS_UNIT_VND) || m->unit == NUMBERS_UNIT_NONE)
    return Q_IGNORE;
  if (fu == NUMBERS_UNIT_SAME_DAY || m->unit == NUMBERS_UNIT_SAME_DAY)
    return classify_same_day (f, e, m);
  if (m->unit != fu) {
    if (in_set (e, m->hi, m->unit))
      return Q_OTHER;
    /* "60 ngày làm việc" where the key counts 60 calendar days: the
     * key's count in the wrong unit, which makes the time longer */
    if (fu == NUMBERS_UNIT_DAY && m->unit == NUMBERS_UNIT_WORKING_DAY
        && m->bound == NUMBERS_EXACT && m->hi >= 2
        && judge_same_amount (m->hi, f->value.value, fu))
      return Q_CONTRA;
    return is_day_unit (fu) && is_day_unit (m->unit) ? Q_UNIT : Q_IGNORE;
  }
  switch (m->bound) {
  case NUMBERS_EXACT:
  case NUMBERS_AT_MOST:
    if (is_key (f, e, m->hi, fu))
      return Q_MATCH;
    return in_set (e, m->hi, fu) ? Q_OTHER : Q_CONTRA;
  case NUMBERS_AT_LEAST:
    /* "ít nhất 3 ngày" does not state a time limit, but a notice to
     * give ("ít nhất 15 ngày trước khi hoạt động") is such a bound */
    if (is_key (f, e, m->lo, fu))
      return f->about == ABOUT_DEADLINE ? Q_MATCH : Q_VAGUE;
    if (in_set (e, m->lo, fu))
      return Q_OTHER;
    return m->lo > f->value.value && !judge_same_amount (m->lo, f->value.value, fu)
               ? Q_CONTRA : Q_VAGUE;
  case NUMBERS_RANGE:
  default:
    if (money) {
      /* "từ 1.000 đến 2.000 đồng/trang" states two listed values; a
       * range around a fixed fee, or for one channel or case, states a
       * wrong one */
      gboolean lo_ok = in_set (e, m->lo, fu), hi_ok = in_set (e, m->hi, fu);
      if (lo_ok && hi_ok && !e->attributed)
        return is_key (f, e, m->lo, fu) || is_key (f, e, m->hi, fu)
                   ? Q_MATCH : Q_OTHER;
      return Q_CONTRA;
    }
    /* "2–3 ngày làm việc" states the limit 3; "3–5 ngày" does not */
    if (is_key (f, e, m->hi, fu))
      return Q_MATCH;
    return in_set (e, m->hi, fu) ? Q_OTHER : Q_CONTRA;
  }
}

static const char *
subject_term (const ValueClaim *c)
{
  return claims_subject_name (c->subject);
}

/* A claim that can confirm the key but never contradict it. */
static gboolean
weak (const Fact *f, const ValueClaim *c, const FactCase *fc)
{
  if (c->example || c->practice || (c->exempt && fc == NULL))
    return TRUE;
  if (f->about == ABOUT_FEE)
    return c->operand || c->subject == SUBJ_TOTAL;
  if (f->about == ABOUT_TOTAL)
    return c->example;
  return c->operand;
}

/* Whether another claim of c's part states the key's value in its unit
 * ("… tính hợp lệ trong 05 ngày làm việc; quyết định trong 15 ngày"): the
 * sentence gives several times, the asked one among them. */
static gboolean
part_states_key (const Fact *f, View *v, const ValueClaim *c)
{
  const GArray *vals = view_values (v);
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *o = &g_array_index (vals, ValueClaim, i);
    if (o != c && o->part == c->part && o->m.unit == f->value.unit
        && judge_same_amount (f->value.value, o->m.hi, o->m.unit))
      return TRUE;
  }
  return FALSE;
}

/* A time said, not denied, to run over weekends ("tính cả thứ Bảy, Chủ
 * nhật"; not "chứ không phải … tính cả thứ Bảy", "không phải ngày lịch")
 * in c's part — after c in its sentence when after is set. */
static gboolean
calendar_said (View *v, const ValueClaim *c, gboolean after)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  for (guint h = 0; h < p->cues->len; h++) {
    const CueHit *ch = &g_array_index (p->cues, CueHit, h);
    if (ch->cls != CUE_CALENDAR || (after && ch->w0 < c->w1)
        || (after && ch->w0 > (guint) c->w1 + 8)
        || claims_polarity (v->a, p, ch->w0, ch->w1) != POL_STATED)
      continue;
    /* "(tức khoảng 5 ngày nếu tính cả thứ Bảy, Chủ nhật)", "có thể thành
     * 4–5 ngày lịch", "tương đương 3 ngày lịch": a conversion; "03 ngày
     * làm việc … dài hơn 3 ngày lịch": a comparison */
    gboolean converts = FALSE;
    for (guint k = ch->w0 >= 4 ? ch->w0 - 4 : 0; k < ch->w0 && !converts; k++)
      converts = answer_word_is (p, k, v->a->lenient ? "neu" : "nếu")
                 || answer_word_is (p, k, v->a->lenient ? "tuc" : "tức")
                 || answer_word_is (p, k, v->a->lenient ? "khoang" : "khoảng")
                 || answer_word_is (p, k, v->a->lenient ? "hon" : "hơn")
                 || answer_word_is (p, k, v->a->lenient ? "thanh" : "thành")
                 || (answer_word_is (p, k, v->a->lenient ? "tuong" : "tương")
                     && answer_word_is (p, k + 1, v->a->lenient ? "duong" : "đương"))
                 || answer_word_is (p, k, "if") || answer_word_is (p, k, "than")
                 || answer_word_is (p, k, "about") || answer_word_is (p, k, "roughly");
    if (converts)
      continue;
    gboolean stop = FALSE;
    for (guint k = c->w1; after && k <= ch->w0 && k < p->words->len; k++)
      stop = stop || (g_array_index (p->words, CueWord, k).gap & CUE_GAP_STOP);
    if (!stop)
      return TRUE;
  }
  return FALSE;
}

/* Why a claim is not compared, or NULL when it is. A claim that names one
 * of the key's cases is about the asked thing in that case, whatever step
 * it sits in ("trường hợp cần xác minh … 05 ngày làm việc"). */
static const char *
set_aside (const Fact *f, const ValueClaim *c, const FactCase *fc,
           const JudgeKey *key, char **arg)
{
  /* a duration the key leaves unqualified is what its question asks: how
   * long a paper lasts when it asks that ("có thời hạn bao lâu?") */
  About about = !f->about_given && f->about == ABOUT_PROCESSING
                        && key->asks_validity
                    ? ABOUT_VALIDITY
                    : f->about;
  if (c->polarity == POL_QUOTED)
    return "claim.quoted";
  if (c->corrected)
    return "claim.corrected";
  if (f->about == ABOUT_FEE
      && ((c->result && fc == NULL) || (c->multiple && !c->rate))) {
    *arg = g_strdup ("@subject:total");
    return "claim.computed";
  }
  gboolean case_ok = fc != NULL
                     && (c->subject == SUBJ_STEP || c->subject == SUBJ_EXTRA);
  /* a question on the incomplete dossier's branch asks that step's time,
   * which keys write as the processing time of the notice */
  case_ok |= f->about == ABOUT_PROCESSING && key->asks_branch
             && c->subject == SUBJ_STEP;
  if (!case_ok && !match_about (about, c)) {
    *arg = match_term ("subject", subject_term (c));
    return "claim.set_aside";
  }
  if (c->polarity == POL_NEGATED)
    return "claim.negated";
  if (c->polarity == POL_HISTORY && !key->asks_history)
    return "claim.history";
  return NULL;
}

static void
note_class (Outcome *o, const char *span, QClass q, const Expected *e,
            const NumbersMention *m)
{
  switch (q) {
  case Q_MATCH:
    outcome_note (o, span, "matched", "claim.matched", NULL);
    break;
  case Q_OTHER:
    if (e->attributed) {
      g_autofree char *w = e->why_channel ? match_term ("ch", e->why)
                                          : g_strdup (e->why);
      outcome_note (o, span, "other_value", "claim.other_for", w, NULL);
    } else
      outcome_note (o, span, "other_value", "claim.other", NULL);
    break;
  case Q_VAGUE:
    outcome_note (o, span, "vague", "claim.vague", NULL);
    break;
  case Q_UNIT:
    outcome_note (o, span, "other_unit", "claim.unit",
                  m->unit == NUMBERS_UNIT_DAY ? "@unit:day" : "@unit:working_day",
                  m->unit == NUMBERS_UNIT_DAY ? "@unit:working_day" : "@unit:day",
                  NULL);
    break;
  case Q_CONTRA:
    outcome_note (o, span, "contradiction", "claim.contradiction", NULL);
    break;
  default: break;
  }
}

typedef struct {
  const ValueClaim *first[Q_UNIT + 1];
  const char *why[Q_UNIT + 1];
  const ValueClaim *decisive; /* a total's last stated sum */
  QClass decisive_class;
} Found;

static void
decide (const Fact *f, View *v, Outcome *o, const Found *fd)
{
  const char *kind = f->type == FACT_MONEY ? "@kind:money" : "@kind:duration";
  g_autofree char *about = match_term ("about", judge_about_names[f->about]);
  const ValueClaim *c = NULL;
  /* a computed total is told with its subtotals: the last sum the answer
   * announces ("tổng cộng", "= …", "nên chỉ thu …") decides */
  if (f->about == ABOUT_TOTAL && fd->decisive
      && (fd->decisive_class == Q_MATCH || fd->decisive_class == Q_CONTRA)) {
    c = fd->decisive;
    o->status = fd->decisive_class == Q_MATCH ? ST_MATCHED : ST_CONTRADICTION;
  } else if (f->about == ABOUT_TOTAL && (c = fd->first[Q_MATCH])) {
    o->status = ST_MATCHED;
  } else if ((c = fd->first[Q_CONTRA])) {
    o->status = ST_CONTRADICTION;
  } else if ((c = fd->first[Q_MATCH])) {
    o->status = ST_MATCHED;
  } else if ((c = fd->first[Q_OTHER])) {
    o->status = ST_OTHER;
  } else {
    o->status = ST_MISSING;
    outcome_rule (o, "value.missing", kind, o->expected, about, NULL);
    return;
  }
  if (o->quiet)
    return;
  o->span = match_claim_text (v, c);
  o->value = match_quantity_json (&c->m);
  g_autofree char *ctx = c->channel >= 0
                             ? match_term ("ch", judge_channel_names[c->channel])
                             : g_strdup (about);
  /* a claim judged under a case of the key says which, and that case's
   * value: "200.000 đồng" for "cấp mới", where the key gives 100.000 */
  Expected e;
  const FactCase *fc = NULL;
  if (o->status == ST_CONTRADICTION && c->m.bound != NUMBERS_RANGE)
    expected_for (f, v, c, &e, &fc);
  if (fc != NULL && e.n > 0 && !e.why_channel && e.why[0] != '@') {
    g_autofree char *want = numbers_format (e.q[0].value, e.q[0].unit);
    outcome_rule (o, "value.contradiction_case", o->span, want, e.why, NULL);
  } else if (o->status == ST_CONTRADICTION)
    outcome_rule (o, c->m.bound == NUMBERS_RANGE ? "value.contradiction_range"
                                                 : "value.contradiction",
                  o->span, o->expected, ctx, NULL);
  else if (o->status == ST_MATCHED)
    outcome_rule (o, "value.matched", o->expected, o->span, NULL);
  else
    outcome_rule (o, "value.other", o->span, o->expected, NULL);
}

/* ---- the case the question asks ----------------------------------------- */

/* How claim c bears on f, with its notes when o is given: Q_IGNORE when
 * it is set aside or says nothing of f's kind. The note of a contradiction
 * not attributed to a channel or case is left to the caller, which may
 * still find it said of another case. */
static GPtrArray *key_matches (const Fact *f, View *v);

static QClass
judge_claim (const Fact *f, View *v, const ValueClaim *c, Outcome *o,
             const char *span, gboolean *attributed)
{
  Expected e;
  const FactCase *fc;
  expected_for (f, v, c, &e, &fc);
  *attributed = e.attributed;
  g_autofree char *arg = NULL;
  const char *aside = set_aside (f, c, fc, v->key, &arg);
  if (aside != NULL && strcmp (aside, "claim.quoted") == 0
      && answer_part (v->a, c->part)->passage)
    aside = "claim.passage"; /* "[Nguồn 2] … 60 ngày" */
  /* "chỉ áp dụng … đến hết 31/12/2025", unless the question asks about
   * a year the period still covered ("Trong năm 2025, …") */
  if (aside == NULL && c->until != 0 && c->until < v->key->as_of
      && !v->key->asks_history
      && (v->key->asked_year == 0 || c->until < v->key->asked_year * 10000))
    aside = "claim.history";
  g_autofree char *said = NULL;
  const char *asked_variant = NULL;
  if (aside == NULL && fc == NULL
      && match_other_variant (v, c, FALSE, &said, &asked_variant)) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.other_variant", said,
                    asked_variant, NULL);
    return Q_IGNORE;
  }
  const char *topic = aside ? NULL
                            : match_claim_topic (v, c);
  if (topic != NULL) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.other_topic", topic, NULL);
    return Q_IGNORE;
  }
  g_autofree char *not_this = aside ? NULL : match_not_this (v, c);
  if (not_this != NULL) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.not_this", not_this, NULL);
    return Q_IGNORE;
  }
  const char *yours = NULL;
  const char *group = aside ? NULL : match_other_group (v, c->part, &yours);
  if (group != NULL) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.other_group", group, yours,
                    NULL);
    return Q_IGNORE;
  }
  const char *row = aside || fc ? NULL : match_other_row (v, c->part);
  if (row != NULL) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.other_row", row, NULL);
    return Q_IGNORE;
  }
  const char *asked_row = NULL;
  row = aside || fc ? NULL : match_unasked_row (v, c, &asked_row);
  if (row != NULL) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.unasked_row", row,
                    asked_row, NULL);
    return Q_IGNORE;
  }
  if (aside != NULL) {
    g_autofree char *asked = match_term ("about", judge_about_names[f->about]);
    if (o)
      outcome_note (o, span, "set_aside", aside, arg ? arg : asked,
                    arg ? asked : NULL, NULL);
    return Q_IGNORE;
  }
  QClass q = classify (f, &e, &c->m);
  /* "📌 Tóm tắt: … được xét tính hợp lệ trong 15 ngày" to a key of 05
   * ngày làm việc: another count in another unit, in the sentence that
   * says the question back, is the answer's own reply, and wrong; so is
   * the same count said to run over weekends ("5 ngày, tính cả thứ Bảy,
   * Chủ nhật") */
  if (q == Q_UNIT && match_echoes_question (v, c->part)
      && (!judge_same_amount (f->value.value, c->m.hi, c->m.unit)
          || calendar_said (v, c, FALSE))
      && !part_states_key (f, v, c))
    q = Q_CONTRA;
  /* "3 ngày làm việc (lưu ý: tính liên tục cả thứ Bảy, Chủ nhật …)":
   * working days said to run over weekends are no working days */
  if (q == Q_MATCH && c->m.unit == NUMBERS_UNIT_WORKING_DAY
      && calendar_said (v, c, TRUE)) {
    if (o)
      outcome_note (o, span, "contradiction", "claim.calendar", NULL);
    *attributed = TRUE; /* its note is given: no generic one after */
    return Q_CONTRA;
  }
  if (q == Q_CONTRA && match_key_multiple (f, v, c)) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.key_multiple", NULL);
    return Q_IGNORE;
  }
  if (q == Q_CONTRA && match_worst_case (f, v, c)) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.worst_case", NULL);
    return Q_IGNORE;
  }
  g_autofree char *fee_named = NULL, *fee_asked = NULL;
  if (q == Q_CONTRA && c->m.unit == NUMBERS_UNIT_VND && fc == NULL
      && match_other_fee (v, c, &fee_named, &fee_asked)) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.other_fee", fee_named,
                    fee_asked, NULL);
    return Q_IGNORE;
  }
  if (q == Q_CONTRA && match_surcharge (v, c)) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.surcharge", NULL);
    return Q_IGNORE;
  }
  /* "Lệ phí kết hôn: miễn … Tổng chi phí nếu làm thêm: 4.000 đồng": a sum
   * said to hold more than the fee. Only when noting, as key_matches
   * judges without notes. */
  if (q == Q_CONTRA && o != NULL && c->subject == SUBJ_TOTAL
      && f->about == ABOUT_FEE) {
    g_autoptr (GPtrArray) matches = key_matches (f, v);
    if (match_total_of_more (v, c, matches)) {
      outcome_note (o, span, "set_aside", "claim.total_more", NULL);
      return Q_IGNORE;
    }
  }
  if (q == Q_CONTRA && (match_question_figure (v->key, &c->m)
                        || match_restates_question (v, c))) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.question_figure", NULL);
    return Q_IGNORE;
  }
  if (q == Q_CONTRA && match_answers_other_question (v, c)) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.other_question", NULL);
    return Q_IGNORE;
  }
  if (q == Q_CONTRA && fc == NULL
      && match_other_variant (v, c, TRUE, &said, &asked_variant)) {
    if (o)
      outcome_note (o, span, "set_aside", "claim.unasked_variant", said,
                    NULL);
    return Q_IGNORE;
  }
  /* A price per page is told by its unit even where a channel or case
   * attributed it ("chứng thực … ở phường 2.000đ/trang"). Only when
   * noting: key_matches judges claims without notes. */
  if (q == Q_CONTRA && e.attributed && o != NULL) {
    g_autoptr (GPtrArray) matches = key_matches (f, v);
    g_autofree char *per_x = NULL, *per_m = NULL;
    if (match_other_rate (v, c, matches, TRUE, &per_x, &per_m)) {
      outcome_note (o, span, "set_aside", "claim.per_copy", per_x, NULL);
      return Q_IGNORE;
    }
  }
  if (q == Q_CONTRA && (weak (f, c, fc) || e.unsure)) {
    if (o)
      outcome_note (o, span, "set_aside",
                    c->practice && !c->example ? "claim.practice"
                    : c->exempt && !c->example ? "claim.exempt"
                                               : "claim.example",
                    NULL);
    return Q_IGNORE;
  }
  if (o && q != Q_IGNORE && !(q == Q_CONTRA && !e.attributed))
    note_class (o, span, q, &e, &c->m);
  return q;
}

static gboolean
kind_of (const Fact *f, const ValueClaim *c)
{
  return (f->type == FACT_MONEY) == (c->m.unit == NUMBERS_UNIT_VND);
}

/* The claims that state the key's value, unattributed to a channel or a
 * case: what a value of another case stands beside. */
static GPtrArray *
key_matches (const Fact *f, View *v)
{
  const GArray *vals = view_values (v);
  GPtrArray *out = g_ptr_array_new ();
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *c = &g_array_index (vals, ValueClaim, i);
    gboolean attributed;
    if (kind_of (f, c) && judge_claim (f, v, c, NULL, NULL, &attributed) == Q_MATCH)
      g_ptr_array_add (out, (gpointer) c);
  }
  return out;
}

/* A word opening a window right before c ("không sớm hơn 90 ngày",
 * "sớm nhất", "tối đa", "từ 90 ngày đến …", "no earlier than"). */
static gboolean
opens_window (View *v, const ValueClaim *c)
{
  const AnswerPart *p = answer_part (v->a, c->part);
  gboolean lenient = v->a->lenient;
  for (guint k = c->w0 >= 3 ? c->w0 - 3 : 0; k <= c->w0 && k < p->words->len;
       k++)
    if (answer_word_is (p, k, lenient ? "som" : "sớm")
        || answer_word_is (p, k, lenient ? "tu" : "từ")
        || (answer_word_is (p, k, lenient ? "toi" : "tối")
            && answer_word_is (p, k + 1, lenient ? "da" : "đa"))
        || answer_word_is (p, k, "earlier") || answer_word_is (p, k, "earliest")
        || answer_word_is (p, k, "from"))
      return TRUE;
  return FALSE;
}

/* "… chậm nhất 30 ngày trước ngày giấy phép hết hạn, và không sớm hơn
 * 90 ngày": a deadline's window opens at the larger figure, said in the
 * sentence that states the key's. */
static gboolean
window_edge (View *v, const Fact *f, const ValueClaim *c,
             const GPtrArray *matches)
{
  if (f->about != ABOUT_DEADLINE || c->m.unit != f->value.unit
      || c->m.hi <= f->value.value || !opens_window (v, c))
    return FALSE;
  for (guint i = 0; matches && i < matches->len; i++)
    if (((const ValueClaim *) matches->pdata[i])->part == c->part)
      return TRUE;
  return FALSE;
}

void
match_quantity (const Fact *f, View *v, Outcome *o)
{
  const GArray *vals = view_values (v);
  Found fd = {{NULL}, {NULL}, NULL, Q_IGNORE};
  g_autoptr (GPtrArray) matches = NULL;
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *c = &g_array_index (vals, ValueClaim, i);
    if (!kind_of (f, c))
      continue;
    g_autofree char *span = o->quiet ? NULL : match_claim_text (v, c);
    gboolean attributed;
    QClass q = judge_claim (f, v, c, o, span, &attributed);
    if (q == Q_IGNORE)
      continue;
    if (q == Q_CONTRA && !attributed) {
      g_autofree char *per_x = NULL, *per_m = NULL;
      if (matches == NULL)
        matches = key_matches (f, v);
      if (window_edge (v, f, c, matches)) {
        outcome_note (o, span, "set_aside", "claim.window", NULL);
        continue;
      }
      if (match_other_rate (v, c, matches, FALSE, &per_x, &per_m)) {
        if (per_m == NULL)
          outcome_note (o, span, "set_aside", "claim.per_copy", per_x, NULL);
        else
          outcome_note (o, span, "set_aside", "claim.other_rate", per_x,
                        per_m, NULL);
        continue;
      }
      outcome_note (o, span, "contradiction", "claim.contradiction", NULL);
    }
    if (fd.first[q] == NULL)
      fd.first[q] = c;
    if (c->subject == SUBJ_TOTAL || c->result || c->conclusion) {
      fd.decisive = c;
      fd.decisive_class = q;
    }
  }
  decide (f, v, o, &fd);
}

/* ---- forbid rules on values ------------------------------------------------ */

char *
match_forbid_value (const Fact *rule, View *v)
{
  const GArray *vals = view_values (v);
  gboolean money = rule->type == FACT_MONEY;
  for (guint i = 0; i < vals->len; i++) {
    const ValueClaim *c = &g_array_index (vals, ValueClaim, i);
    if (money != (c->m.unit == NUMBERS_UNIT_VND) || !match_about (rule->about, c)
        || c->polarity != POL_STATED || c->example || c->operand || c->exempt
        || match_claim_topic (v, c))
      continue;
    Expected e = {.n = 1, .q = {rule->value}};
    if (classify (rule, &e, &c->m) == Q_MATCH)
      return match_claim_text (v, c);
  }
  return NULL;
}
