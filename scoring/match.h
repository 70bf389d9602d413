/* The matchers' common ground (internal to scoring/): what one fact's
 * matcher found — its status, the claim that decided, and every other
 * claim it considered or set aside, each with a rule of scoring/reasons.c
 * so the judgement reads the same in Vietnamese and English. */
#ifndef MATCH_H
#define MATCH_H

#include "scoring/answer.h"
#include "scoring/claims.h"
#include "scoring/judge_key.h"

typedef enum { ST_MISSING, ST_MATCHED, ST_CONTRADICTION, ST_OTHER } Status;
extern const char *const match_status_names[];

/* One claim a matcher looked at, as the explanation shows it. */
typedef struct {
  char *span;     /* the claim's text (normalized form) */
  char *status;   /* matched, contradiction, other_value, set_aside … */
  const char *rule;
  char *args[3];
} ClaimNote;

#define MATCH_MAX_NOTES 24

typedef struct {
  Status status;
  char *span;        /* the deciding text, or NULL */
  char *value;       /* the deciding value as JSON text, or NULL */
  const char *expected;
  const char *rule;  /* scoring/reasons.c id */
  char *args[4];     /* the rule's arguments (owned) */
  GPtrArray *notes;  /* ClaimNote*, at most MATCH_MAX_NOTES */
  gboolean quiet;    /* the lenient pass: status only, nothing built */
} Outcome;

/* The answer as the matchers see it in one form. */
typedef struct {
  const JudgeKey *key;
  Answer *a;
  GArray *values;    /* ValueClaim, made by view_values on first use */
  GPtrArray *topics; /* per part, GArray of TopicHit, made on use */
  gboolean forbid;   /* matching forbid rules: history is never an answer */
  GHashTable *qwords; /* the question's distinct words, made on use */
  guint from;        /* stances: parts before it were taken back by a
                        correction ("Xin đính chính: …") */
} View;

void view_clear (View *v);
/* g_array_unref for a GPtrArray's free function; NULL is a no-op. */
void match_array_unref0 (gpointer array);

void outcome_init (Outcome *o, const Fact *f, gboolean quiet);
void outcome_clear (Outcome *o);
/* Sets the outcome's rule and its arguments (copied; NULL ends them). */
void outcome_rule (Outcome *o, const char *rule, ...) G_GNUC_NULL_TERMINATED;
/* Adds a note on a claim (copied; NULL ends the arguments); dropped past
 * MATCH_MAX_NOTES and in a quiet outcome. */
void outcome_note (Outcome *o, const char *span, const char *status,
                   const char *rule, ...) G_GNUC_NULL_TERMINATED;

const GArray *view_values (View *v);

/* A claim's text. Newly allocated. */
char *match_claim_text (const View *v, const ValueClaim *c);
/* A quantity's value as JSON text ({"value","unit"}, ranges …). */
char *match_quantity_json (const NumbersMention *m);
/* s as a JSON string. Newly allocated. */
char *match_json_string (const char *s);
/* The index of the first alias of a the answer states (match_text.c: its
 * polarity rules), or -1; *span, when given, the name as said (new). */
gint match_stated_name (View *v, const Aliases *a, char **span);
/* Where the answer says a name of a is not needed ("không phải nộp giấy
 * chứng sinh", "Giấy báo tử: không bắt buộc") or, *refused, not accepted
 * ("không nhận giấy cam đoan nữa"): those words (new), or NULL. */
char *match_denied_name (View *v, const Aliases *a, gboolean *refused);
/* "@subject:hotline"-style argument for reasons.c. Newly allocated. */
char *match_term (const char *family, const char *name);

/* The matchers (match_value.c, match_text.c, match_choice.c,
 * match_stance.c). */
void match_quantity (const Fact *f, View *v, Outcome *o);
void match_date (const Fact *f, View *v, Outcome *o);
void match_name (const Fact *f, View *v, Outcome *o);
/* The office the reply names for the asked role when it is not the key's
 * (match_office_other.c): new text, or NULL. */
char *match_other_office (View *v, const Fact *f);
/* Whether part p names an alias of a as more than a helper ("… chỉ tham
 * gia ở khâu xác minh" names it only as one; match_text.c). */
gboolean match_names_not_helping (View *v, AnswerPart *p, const Aliases *a);
void match_citation (const Fact *f, View *v, Outcome *o);
void match_list (const Fact *f, View *v, Outcome *o);
void match_choice (const Fact *f, View *v, Outcome *o);
void match_polarity (const Fact *f, View *v, Outcome *o);
void match_refusal (const Fact *f, View *v, Outcome *o);
/* match_grants.c: the request said back before word w of p ("bạn muốn …",
 * "tôi không thể hướng dẫn cách …"), no help given. */
gboolean match_requested_before (const AnswerPart *p, guint w,
                                 gboolean lenient);
/* The reply grants an unlawful "… được không?" outright ("Được, với phiếu
 * số 1."), or states the asker's premise as so; where, in *part [*w0, *w1). */
gboolean match_grants_outright (const Fact *f, View *v, guint *part,
                                guint *w0, guint *w1);
gboolean match_grants_premise (View *v, guint *part, guint *w0, guint *w1);
/* A field the answer fills with a private datum — someone's phone, an
 * identity or tax number, a password, a call sign, a frequency ("Số di
 * động riêng: 0912 468 357") — outside what the question itself gives, or
 * a date told of the person the question names (match_private.c): part,
 * label words [w0, w1). */
gboolean match_tells_private (View *v, guint *part, guint *w0, guint *w1);
/* The state of the asker's file told as fact ("Hồ sơ của bạn đã được
 * duyệt"): its words in part *part, [*w0, *w1) (match_status.c). */
gboolean match_tells_status (View *v, guint *part, guint *w0, guint *w1);

/* Forbid rules: the text of the first stated hit, or NULL. */
char *match_forbid_value (const Fact *rule, View *v);
char *match_forbid_name (const Fact *rule, View *v);

/* The name of another topic of the set that words [c0, c1) of part (a
 * clause), or the part's row header or introduction, are about — they name
 * it and not the key's own topic — or NULL. "Phí tạm trú 15.000đ, còn
 * thường trú 20.000đ": the 20.000đ is about thường trú. Borrowed. */
const char *match_other_topic (View *v, guint part, guint c0, guint c1);
/* The other topic value claim c is said of: match_other_topic on its
 * clause, or on the clause's words past a colon before it when those name
 * a topic ("… với các thủ tục cư trú: đăng ký tạm trú 03 ngày"). */
const char *match_claim_topic (View *v, const ValueClaim *c);
/* The same, the words [x0, x1) left out (a name found there is the
 * claim itself, not its context). */
const char *match_other_topic_but (View *v, guint part, guint c0, guint c1,
                                   guint x0, guint x1);

/* A table cell's row header when the row is about something else: another
 * row of the table names the key's topic, this one does not ("| Tách hộ
 * | 10.000 | 5.000 |" beside "| Đăng ký tạm trú | 15.000 | 7.000 |").
 * Borrowed, or NULL. */
const char *match_other_row (View *v, guint part);
/* The words by which a claim's sentence, or its table row, says its
 * figure is another case or procedure than the asked one ("… là thủ tục
 * khác", "(không phải trường hợp này)"), or NULL. New. */
char *match_not_this (View *v, const ValueClaim *c);
/* match_section.c: "1. …", "2) …", "Việc 2: …": a heading that numbers a
 * section; a numbered heading that opens on a field or a step of one
 * procedure ("2. Nộp hồ sơ …", "3. Thời hạn …"); an opening (what comes
 * before the first heading) that says the citizen asked several things. */
gboolean match_numbered_heading (const AnswerPart *q);
/* A procedure record's title heading ("THỦ TỤC: ĐĂNG KÝ TẠM TRÚ (mã …)"). */
gboolean match_record_title (const AnswerPart *q);
gboolean match_field_heading (const AnswerPart *q, gboolean lenient);
gboolean match_announces_several (const Answer *a);
/* How many of part p's distinct words the question has (*shared), of how
 * many (*total); words in skip, when given, are not counted. */
void match_question_overlap (View *v, const AnswerPart *p, GHashTable *skip,
                             guint *shared, guint *total);
/* The heading a claim's section is under when a sibling heading (the same
 * first word, or both numbered) is marked as the asker's own case and
 * this one is not ("**Nhóm 2 – …**" beside "**Nhóm 1 – … (trường hợp
 * của bạn)**"), or the claim's list item when another item of its list is
 * ("- 07 ngày làm việc: cấp lại … (câu hỏi của bạn)"); *yours gets the
 * marked one. NULL otherwise. Borrowed. */
const char *match_other_group (View *v, guint part, const char **yours);
/* A part that sets itself apart as the asker's case, set off in brackets
 * or after a dash: "Nhóm 1 – … (trường hợp của bạn)", "- 07 ngày làm
 * việc: … (câu hỏi của bạn)"; not "(không phải trường hợp của bạn)". */
gboolean match_marks_yours (const AnswerPart *q);
/* In an answer that says the citizen asked several things, the numbered
 * heading of the section about the asked procedure ("**1. Phiếu lý lịch
 * tư pháp**"), or -1. */
gint match_own_section (View *v);

/* Whether the question (in the answer's form, strict or folded) has the
 * word; its words are read once per view. */
gboolean match_question_has_word (View *v, const char *word);
/* Whether every word of [w0, w1) of p is the question's ("… trước thuộc
 * Bộ Thông tin và Truyền thông …" names the office the question names). */
gboolean match_question_has_all (View *v, const AnswerPart *p, guint w0,
                                 guint w1);
/* Whether the question, in the answer's form, holds phrase (normalized
 * words, one space apart) as whole words. */
gboolean match_question_has_phrase (View *v, const char *phrase);

/* Whether part of the answer says the question back with its figure: at
 * least four of the question's words and three in five of them ("Hồ sơ
 * … nộp lên UBND tỉnh được xét tính hợp lệ trong 15 ngày" to "… thì mấy
 * ngày được xét tính hợp lệ?") — the answer's own reply. */
gboolean match_echoes_question (View *v, guint part);
/* How many distinct words the question has. */
guint match_question_size (View *v);
/* How many distinct words of part the question has. */
guint match_question_shared (View *v, guint part);


/* A table cell's row header when another row's header is the question's
 * own wording and this one's is not: "| Cấp lại do bị mất, hư hỏng | 07
 * ngày làm việc |" when "| Cấp lại khi hết hạn (nộp đúng hạn) | 10 ngày
 * làm việc |" is the row of "… cấp lại … khi hết hạn, nộp đúng hạn …?".
 * The same for columns: a figure under "Lệ phí đăng ký" when the
 * question words the column "Phí duy trì (mỗi năm)". *asked is set to
 * that line's header. Both borrowed; NULL when no line stands out. */
const char *match_unasked_row (View *v, const ValueClaim *c,
                               const char **asked);

/* The variant of the procedure a claim is said of ("cấp mới", "lần
 * đầu") when the question names one other variant ("cấp lại") and the
 * claim's clause (or its sentence before it, or its row) names that
 * other one and not the asked one; or, when the question names none and
 * the claim contradicts the key, a renewal, exchange or amendment
 * ("đăng ký lại", "cấp đổi") it names. The cue's text (new) and the
 * asked variant's name (borrowed; NULL when none was asked) go to *said
 * and *asked; FALSE otherwise. */
gboolean match_other_variant (View *v, const ValueClaim *c,
                              gboolean contradicts, char **said,
                              const char **asked);

/* A money claim under a fee the answer names ("Lệ phí đăng ký: 100.000
 * đồng") whose name the question does not word, while another fee the
 * answer names is worded by the question ("phí duy trì" to "Duy trì tên
 * miền … phải nộp phí bao nhiêu?"): TRUE, with both names (new) in
 * *named and *asked. */
gboolean match_other_fee (View *v, const ValueClaim *c, char **named,
                          char **asked);

/* Figures that contradict the key but are not the asked value
 * (match_aside.c): the asker's own figure retold ("bạn để 20 ngày sau mới
 * đăng ký" to "… 20 ngày sau …?"); a sum reckoned on the key value itself
 * ("3 × 12.000 = 36.000 đồng"); a charge per extra item ("mỗi phiếu thêm
 * 5.000 đồng"). */
/* Whether the words of p before word w (at most six) label what follows
 * as the answer or its conclusion ("Kết luận:", "Trả lời:", "Answer:"). */
gboolean match_answer_label_before (const AnswerPart *p, guint w,
                                    gboolean lenient);
/* The first word after the answer's label and colon opening p ("Kết
 * luận: … phương án C", "Trả lời: …", "Choice: C"), or G_MAXUINT: what
 * follows is the answer's own reply. */
guint match_answer_label_end (const AnswerPart *p, gboolean lenient);

/* A cue of cls starting in words [from, to) of p. */
gboolean match_cue_in (const AnswerPart *p, CueClass cls, guint from,
                       guint to);

/* Multiple choice (match_choice.c): a word read past between a pick cue
 * and its option ("đáp án [đúng] [là]"). By the options' texts
 * (match_choice_text.c): the options named right after a pick cue, and
 * those the answer states otherwise; bit per choice, 0 when none. */
gboolean match_choice_filler (const AnswerPart *p, guint i, gboolean lenient);
guint match_options_after_pick (const JudgeKey *key, View *v);
guint match_options_by_text (const JudgeKey *key, View *v);

/* The case of f that claim c is said of, or NULL (match_case.c). */
const FactCase *match_case_of (const Fact *f, View *v, const ValueClaim *c);

gboolean match_question_figure (const JudgeKey *key, const NumbersMention *m);
/* A figure in brackets right after one of the question's own, or after
 * "tức (khoảng)", converting it ("còn 2 tháng (khoảng 60 ngày)", "hơn một
 * tháng, tức khoảng 30–35 ngày"). */
gboolean match_restates_question (View *v, const ValueClaim *c);
/* The claim stands under a FAQ's asking heading that is not the key's
 * question, while another asking heading is. */
gboolean match_answers_other_question (View *v, const ValueClaim *c);
/* A figure listed among a way's qualities ("Nhanh, miễn phí", a row
 * "Ưu điểm"): praise of the way, not a fee (match_aside.c). */
gboolean match_quality_listed (View *v, const ValueClaim *c);
/* How long the asker's own step or trial takes ("Tự đặt lại … ⏱ khoảng 5
 * phút", "để thử 1–2 tháng"): no office's time (match_aside.c). */
gboolean match_own_time (View *v, const ValueClaim *c);
gboolean match_key_multiple (const Fact *f, View *v, const ValueClaim *c);
gboolean match_surcharge (View *v, const ValueClaim *c);
/* "03 ngày làm việc … thêm không quá 03 ngày làm việc … tổng cộng tối đa
 * 06 ngày làm việc": the key's processing time and its extension added up,
 * both stated; the worst case, not another processing time. */
gboolean match_worst_case (const Fact *f, View *v, const ValueClaim *c);
/* x, differing from the key, is of another rate than the one asked
 * ("100.000 đồng/lần" beside "40.000.000 đồng/năm"), beside matches (the
 * claims stating the key); *per_x, *per_m get the two words (new). */
gboolean match_other_rate (View *v, const ValueClaim *x,
                           const GPtrArray *matches, gboolean copy_only,
                           char **per_x, char **per_m);
/* A sum said to hold more than the fee ("Tổng nếu làm thêm …"). */
gboolean match_total_of_more (View *v, const ValueClaim *c,
                              const GPtrArray *matches);

/* What is said around an office's name at words [w0, w1) of p
 * (match_name_context.c): a district's ("Phòng … của quận"), the words at
 * w after the name; working alongside the office that handles the matter
 * ("…; công an cấp xã phối hợp xác minh", "phối hợp với X"); in a clause
 * about other fields or a merger ("các lĩnh vực khác như …", "hợp nhất
 * vào Bộ KH&CN"), the name at word w0 of part. */
gboolean match_at_district (const AnswerPart *p, guint w, gboolean lenient);
gboolean match_cooperates (const AnswerPart *p, guint w0, guint w1,
                           gboolean lenient);
gboolean match_about_others (View *v, guint part, guint w0);
/* The name at [w0, w1) of p is in a supposed visit the sentence sends on
 * elsewhere ("Nếu anh đến UBND phường, cán bộ sẽ hướng dẫn anh lên …"). */
gboolean match_redirected (const AnswerPart *p, guint w0, guint w1,
                           gboolean lenient);
/* The name before word w1 of p is said to do only a work the question
 * does not word ("Công chứng viên chỉ công chứng hợp đồng"). */
gboolean match_only_else (View *v, const AnswerPart *p, guint w1);
/* The name at w0 of p is a paper's signer or seal ("chữ ký của Giám đốc
 * Sở …", "con dấu của Sở …"). */
gboolean match_signed_by (const AnswerPart *p, guint w0, gboolean lenient);
/* The name before word w1 of p manages a list of other fields ("Bộ KH&CN
 * nay quản lý viễn thông, bưu chính, tần số …"). */
gboolean match_manages_others (View *v, const AnswerPart *p, guint w0,
                               guint w1);
/* When the name at [w0, w1) of p held: said to stay in force right after
 * it ("… vẫn giữ nguyên hiệu lực"); in a sentence telling what held until a
 * date before the key's ("Đến hết 30/6/2025, hồ sơ nộp tại UBND huyện");
 * said of what was done before a past date, right after it, in the
 * condition opening its sentence, or in a quotation kept for texts issued
 * before it ("Nếu bạn đã nộp ở Sở Tư pháp trước ngày 1/3/2025 …"). */
gboolean match_stays_in_force (const AnswerPart *p, guint w1);
gboolean match_held_until_past (View *v, const AnswerPart *p, guint w0);
gboolean match_past_case (View *v, const AnswerPart *p, guint w0, guint w1);
/* To a question on a given hour ("lúc 4 giờ chiều") whose key phrase is
 * the next working day, a sentence that takes up that hour and tells the
 * same day ("… vẫn lấy được ngay trong ngày"): its words (new), or NULL
 * (match_same_day.c). */
char *match_same_day_for_hour (View *v, const Fact *f);
/* A law the phrase fact names, stated with a number the law never had
 * ("Luật Hộ tịch số 52/2014/QH13"): its words (new), or NULL
 * (match_law.c, scoring/laws.c). */
char *match_misnumbered_law (View *v, const Fact *f);
/* To a place phrase ("nơi có nhà"), the answer's first stated office with
 * a place after it puts the matter where someone lives ("UBND cấp xã nơi
 * bên bán đang thường trú"): that place (new), or NULL (match_place.c). */
char *match_other_place (View *v, const Fact *f);
/* Whether words [c0, c1) of part name the key's own topic first
 * (match_topic.c). */
gboolean match_names_own_topic (View *v, guint part, guint c0, guint c1);
/* The sentence after part i, in its paragraph, says the offices just
 * named are gone ("Các cơ quan này nay không còn."). */
gboolean match_gone_next (View *v, guint i);
/* Heading part i names a document its own body says has ended. */
gboolean match_heading_ended (View *v, guint i);
/* One of the next three parts says it replaces the texts "above". */
gboolean match_replaced_below (View *v, guint i);
/* Later in the sentence of a name ending at w1 of p, the office or level
 * named again is said to be gone ("… ở cấp huyện vì cấp này đã bỏ"). */
gboolean match_gone_after (View *v, const AnswerPart *p, guint w1);
/* "UBND phường tiếp nhận và giải quyết …", "vẫn do Bộ … (Cục …) cấp": the
 * office at [w0, w1) of p is said to decide, in a sentence naming no other
 * case. */
gboolean match_decides_after (View *v, const AnswerPart *p, guint w0,
                              guint w1);
/* Another office decides in the sentence of the check ch ("chỉ verify …",
 * cues.tsv check_only) said of the office at [w0, w1): another office named
 * there, or "sau khi", "sau đó" past the check. Else the check is the
 * deciding office's own work, no side task. */
gboolean match_other_decides (const AnswerPart *p, const CueHit *ch,
                              guint w0, guint w1, gboolean lenient);

/* TRUE when word i of p negates: không, chưa, chẳng, not, no, ko, k. */
gboolean match_negator (const AnswerPart *p, guint i, gboolean lenient);

/* TRUE when the claim is about the asked thing of a fact about about. */
gboolean match_about (About about, const ValueClaim *c);

#endif
