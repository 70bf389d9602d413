/* The explanation catalog (scoring/reasons.h). Vietnamese wording follows
 * the national portal's terms (thời hạn giải quyết, phí/lệ phí, cơ quan
 * thực hiện, nộp trực tiếp / trực tuyến / qua dịch vụ bưu chính). */
#include "scoring/reasons.h"

#include <string.h>

typedef struct {
  const char *id, *en, *vi;
} Entry;

/* %1 … %4 stand for the arguments. */
static const Entry rules[] = {
  {"no_answer", "no answer", "không có câu trả lời"},
  {"value.matched", "states the key value %1 (\"%2\")",
   "nêu đúng %1 («%2»)"},
  {"value.contradiction", "states \"%1\" for %3, where the key says %2",
   "nêu «%1» cho %3, trong khi đáp án là %2"},
  {"value.contradiction_case",
   "states \"%1\" for the case \"%3\", where the key gives %2 for it",
   "nêu «%1» cho trường hợp «%3», trong khi đáp án cho trường hợp này là %2"},
  {"value.contradiction_range",
   "states the range \"%1\" for %3, where the key is %2",
   "nêu khoảng «%1» cho %3, trong khi đáp án là %2"},
  {"value.other",
   "states only \"%1\", which the key gives for another channel or case; "
   "the asked %2 is not stated",
   "chỉ nêu «%1» — giá trị dành cho hình thức nộp hoặc trường hợp khác; "
   "chưa nêu %2 được hỏi"},
  {"value.missing", "states no %1 for %3 (expected %2)",
   "không nêu %1 cho %3 (đáp án: %2)"},
  {"claim.matched", "the key value", "đúng đáp án"},
  {"claim.contradiction", "contradicts the key", "mâu thuẫn với đáp án"},
  {"claim.other", "a value the key lists for another channel or case",
   "giá trị đáp án dành cho hình thức nộp hoặc trường hợp khác"},
  {"claim.other_for", "right for %1", "đúng với %1"},
  {"claim.vague", "a range or bound around the key value, neither right nor "
   "wrong", "khoảng hoặc giới hạn bao quanh đáp án, không đúng cũng không sai"},
  {"claim.unit", "counted in %1; the key counts %2",
   "tính theo %1; đáp án tính theo %2"},
  {"claim.set_aside", "about %1, not %2", "nói về %1, không phải %2"},
  {"claim.computed", "a total computed in the answer, not %2",
   "số tiền tính ra trong câu trả lời, không phải %2"},
  {"claim.negated", "negated: not what the answer states",
   "ở dạng phủ định, không phải điều câu trả lời khẳng định"},
  {"claim.history", "stated as history, not as the rule in force",
   "nêu như quy định cũ, không phải quy định đang áp dụng"},
  {"claim.quoted", "said by the citizen, not by the assistant",
   "do người dân nói, không phải câu trả lời của trợ lý"},
  {"claim.example", "part of a worked example, with its own figures",
   "thuộc ví dụ minh hoạ, với số liệu riêng của ví dụ"},
  {"claim.practice",
   "about what happens in practice, beside the rule the answer states",
   "nói về thực tế thực hiện, bên cạnh quy định câu trả lời đã nêu"},
  {"claim.exempt",
   "for exempt or reduced groups, a case the key does not list",
   "dành cho đối tượng được miễn, giảm — trường hợp đáp án không nêu"},
  {"claim.aside_refusal", "about %1, not an answer to the question",
   "nói về %1, không phải trả lời câu hỏi"},
  {"claim.corrected", "said before the answer corrects itself",
   "nêu trước khi câu trả lời tự đính chính"},
  {"claim.passage", "in a passage the assistant quotes from a source, not "
   "its own answer",
   "trong đoạn trợ lý trích từ nguồn, không phải câu trả lời của nó"},
  {"claim.quality", "praises a way of doing it (\"nhanh, miễn phí\"), not "
   "a fee",
   "nói ưu điểm của một cách làm (\"nhanh, miễn phí\"), không phải lệ phí"},
  {"claim.own_time", "how long the asker's own step takes, not an "
   "office's time",
   "thời gian cho việc người hỏi tự làm, không phải thời hạn của cơ quan"},
  {"claim.calendar", "working days said to run over weekends and holidays",
   "ngày làm việc mà lại nói tính cả thứ Bảy, Chủ nhật, ngày nghỉ"},
  {"claim.window", "the other end of the window the deadline closes",
   "mốc mở của khoảng thời gian mà hạn chót khép lại"},
  {"claim.general", "told as the general rule, for reference, not of the "
   "asker's own case",
   "nêu quy định chung để tham khảo, không phải về trường hợp của người hỏi"},
  {"claim.allowed", "a true general figure the key allows",
   "số liệu chung, đúng, đáp án cho phép nêu"},
  {"name.matched", "names \"%1\"", "nêu «%1»"},
  {"name.matched_elided", "names \"%1\" with words left out (\"%2\")",
   "nêu «%1», lược bớt từ («%2»)"},
  {"name.denied", "says a required statement is not needed (\"%1\")",
   "nói điều bắt buộc là không cần («%1»)"},
  {"name.same_day", "tells the same day for the hour the question asks "
   "about (\"%1\"), where the key says the next working day",
   "nói trả trong ngày cho giờ câu hỏi nêu («%1»), trong khi đáp án là "
   "ngày làm việc tiếp theo"},
  {"name.misnumbered", "names the law with a number it never had (\"%1\")",
   "nêu luật với số hiệu không phải của luật đó («%1»)"},
  {"name.other_place", "its reply places the office elsewhere (\"%1\")",
   "câu trả lời đặt nơi làm ở chỗ khác («%1»)"},
  {"name.refused", "says what the key accepts is not accepted (\"%1\")",
   "nói điều khóa chấp nhận là không được nhận («%1»)"},
  {"name.other_for_subject",
   "its reply to the question names another office (\"%1\")",
   "câu trả lời trực tiếp nêu cơ quan khác («%1»)"},
  {"name.missing", "names none of %1", "không nêu %1"},
  {"name.only_negated", "names \"%1\" only %2", "chỉ nêu «%1» %2"},
  {"name.only_receives",
   "says \"%1\" only receives the file or does a side task, so another "
   "office decides",
   "nói «%1» chỉ tiếp nhận hồ sơ hoặc làm việc phụ, tức là cơ quan khác "
   "giải quyết"},
  {"citation.matched", "cites %1", "dẫn đúng %1"},
  {"citation.missing", "does not cite \"%1\"", "không dẫn «%1»"},
  {"citation.current_other", "names \"%1\" as the text in force, where the key cites %2",
   "nêu «%1» là văn bản hiện hành, trong khi đáp án dẫn %2"},
  {"citation.other", "cites %1", "dẫn %1"},
  {"list.denied", "says a required item is not needed (\"%1\")",
   "nói một thành phần bắt buộc là không cần («%1»)"},
  {"list.refused", "says an item the key accepts is not accepted (\"%1\")",
   "nói một thành phần được chấp nhận là không được nhận («%1»)"},
  {"list.result", "names %1 of %2 components (needs a share of %3)",
   "nêu %1/%2 thành phần (cần tỉ lệ %3)"},
  {"choice.matched", "picks %1", "chọn %1"},
  {"choice.text", "states the text of option %1",
   "nêu nội dung phương án %1"},
  {"choice.wrong", "picks %1; the key is %2",
   "chọn %1; đáp án đúng là %2"},
  {"choice.several", "picks several options (%1); the key is %2",
   "chọn nhiều phương án (%1); đáp án đúng là %2"},
  {"choice.none", "picks no option (the key is %1)",
   "không chọn phương án nào (đáp án đúng là %1)"},
  {"choice.rejected", "rejects %1", "loại %1"},
  {"stance.matched", "answers %1", "trả lời «%1»"},
  {"stance.contradiction", "answers %1 where the right answer is %2",
   "trả lời «%1», trong khi đáp án là «%2»"},
  {"stance.conflict", "answers %1, then %2 in its summary (\"%3\")",
   "trả lời «%1», rồi «%2» ở phần tóm tắt («%3»)"},
  {"stance.missing", "takes no clear yes/no stance (the right answer is %1)",
   "không trả lời rõ có hay không (đáp án là «%1»)"},
  {"refusal.matched", "declines or refers the citizen on (\"%1\")",
   "từ chối hoặc hướng dẫn liên hệ nơi có thẩm quyền («%1»)"},
  {"refusal.invented",
   "states \"%1\" where the right answer declines or refers on: an invented "
   "fee or time",
   "nêu «%1» trong khi câu trả lời đúng phải từ chối hoặc hướng dẫn liên "
   "hệ: tự đưa ra lệ phí hoặc thời hạn"},
  {"refusal.status",
   "tells the state of the citizen's file (\"%1\"), which it cannot know",
   "nêu tình trạng hồ sơ của người dân («%1»), điều trợ lý không thể biết"},
  {"claim.other_row", "in the row of \"%1\", not the asked procedure's",
   "thuộc dòng «%1», không phải dòng của thủ tục được hỏi"},
  {"claim.unasked_row",
   "in the row of \"%1\"; the question asks about the row \"%2\"",
   "thuộc dòng «%1»; câu hỏi hỏi về dòng «%2»"},
  {"claim.other_variant", "said of \"%1\", where the question asks about %2",
   "nói về «%1», trong khi câu hỏi hỏi về %2"},
  {"claim.other_fee",
   "under \"%1\", another fee; the question asks about \"%2\"",
   "thuộc «%1», một khoản phí khác; câu hỏi hỏi về «%2»"},
  {"claim.total_more",
   "a sum the answer says holds more than the fee",
   "tổng mà câu trả lời nói gồm cả khoản khác ngoài lệ phí"},
  {"claim.surcharge", "a charge added per extra item, not the fee asked",
   "khoản thu thêm cho mỗi mục bổ sung, không phải khoản phí được hỏi"},
  {"claim.worst_case",
   "the processing time and its extension added up, both stated",
   "thời hạn giải quyết cộng thời gian kéo dài, cả hai đều được nêu"},
  {"claim.key_multiple",
   "a sum reckoned on the key value itself (several copies or people)",
   "số tiền tính từ chính giá trị đúng (cho nhiều bản hoặc nhiều người)"},
  {"claim.other_question",
   "answers another question of the page, under its own heading",
   "trả lời một câu hỏi khác trên trang, dưới tiêu đề riêng của nó"},
  {"claim.question_figure",
   "the asker's own figure, repeated from the question",
   "con số của chính người hỏi, nhắc lại từ câu hỏi"},
  {"claim.unasked_variant",
   "said of \"%1\", a variant of the procedure the question does not ask "
   "about",
   "nói về «%1», trường hợp của thủ tục mà câu hỏi không hỏi"},
  {"claim.per_copy",
   "a price per \"%1\" (copying or certifying), not the fee asked",
   "là giá tính theo «%1» (sao chụp, chứng thực), không phải lệ phí được hỏi"},
  {"claim.other_rate",
   "a rate per \"%1\", where the question asks the one per \"%2\"",
   "là mức tính theo «%1», trong khi câu hỏi hỏi mức tính theo «%2»"},
  {"claim.lawful_case", "about a lawful case the refusal turns to (\"nếu …\"), "
   "not the request it refuses",
   "nói về trường hợp hợp pháp mà câu từ chối chỉ ra («nếu …»), không phải "
   "yêu cầu bị từ chối"},
  {"claim.other_topic", "about %1, another procedure",
   "nói về %1, một thủ tục khác"},
  {"claim.other_group",
   "under \"%1\", while the answer marks \"%2\" as the asker's own case",
   "thuộc mục «%1», trong khi câu trả lời đánh dấu «%2» là trường hợp của "
   "người hỏi"},
  {"claim.not_this", "said to be another case or procedure (\"%1\")",
   "được nói là trường hợp hay thủ tục khác («%1»)"},
  {"refusal.complies",
   "declines, then helps anyway (\"%1\")",
   "từ chối rồi vẫn hướng dẫn cách làm («%1»)"},
  {"refusal.private",
   "gives a private datum where the right answer withholds it (\"%1\")",
   "đưa ra thông tin riêng lẽ ra phải từ chối cung cấp («%1»)"},
  {"refusal.foretold",
   "tells as fact a date no one can know yet (\"%1\")",
   "khẳng định một mốc thời gian chưa ai biết trước («%1»)"},
  {"refusal.missing", "neither declines nor refers the citizen on",
   "không từ chối, cũng không hướng dẫn liên hệ nơi có thẩm quyền"},
  {"forbid.hit", "matches a rule of what a right answer must not say",
   "nêu nội dung mà đáp án xác định là sai"},
  {"topic.off", "answers about %1 instead of %2",
   "trả lời về %1 thay vì %2"},
};

static const Entry terms[] = {
  {"@kind:money", "amount", "số tiền"},
  {"@kind:duration", "duration", "thời hạn"},
  {"@kind:date", "date", "ngày tháng"},
  {"@about:fee", "the fee", "lệ phí"},
  {"@about:fine", "the fine", "mức phạt"},
  {"@about:total", "the total", "tổng số tiền"},
  {"@about:postage", "the postage", "cước chuyển phát"},
  {"@about:processing", "the processing time", "thời hạn giải quyết"},
  {"@about:deadline", "the deadline", "thời hạn phải thực hiện"},
  {"@about:validity", "the validity", "thời hạn sử dụng"},
  {"@about:extension", "the extension", "thời gian gia hạn"},
  {"@about:delivery", "the delivery time", "thời gian chuyển phát"},
  {"@about:step", "the time of the asked step", "thời gian của bước được hỏi"},
  {"@about:date", "the date", "ngày được hỏi"},
  {"@subject:none", "the asked value", "giá trị được hỏi"},
  {"@subject:fee", "a fee", "lệ phí"},
  {"@subject:fine", "a fine", "mức phạt"},
  {"@subject:postage", "postage", "cước chuyển phát"},
  {"@subject:hotline", "the hotline", "tổng đài"},
  {"@subject:service", "another service", "một dịch vụ khác"},
  {"@subject:capital", "capital or a deposit a business must hold",
   "vốn hoặc tiền ký quỹ doanh nghiệp phải có"},
  {"@subject:exchange", "an exchange rate", "tỷ giá ngoại tệ"},
  {"@subject:total", "a computed total", "tổng số tiền tính ra"},
  {"@subject:difference", "a difference between two amounts",
   "khoản chênh lệch giữa hai mức tiền"},
  {"@subject:processing", "the processing time", "thời hạn giải quyết"},
  {"@subject:step", "another step", "một bước khác của quy trình"},
  {"@subject:extra", "time added on top", "thời gian cộng thêm"},
  {"@subject:delivery", "delivery", "thời gian chuyển phát"},
  {"@subject:extension", "a legal extension", "thời gian gia hạn"},
  {"@subject:deadline", "a deadline the citizen must meet",
   "thời hạn người dân phải thực hiện"},
  {"@subject:validity", "how long a document is valid",
   "thời hạn sử dụng của giấy tờ"},
  {"@ch:truc_tiep", "in-person submission", "nộp trực tiếp"},
  {"@ch:truc_tuyen", "online submission", "nộp trực tuyến"},
  {"@ch:buu_chinh", "submission by post", "nộp qua dịch vụ bưu chính"},
  {"@case:yours", "the asker's own case", "trường hợp của chính người hỏi"},
  {"@unit:day", "calendar days", "ngày (theo lịch)"},
  {"@unit:working_day", "working days", "ngày làm việc"},
  {"@stance:yes", "yes", "có"},
  {"@stance:no", "no", "không"},
  {"@polarity:negated", "in the negative", "ở dạng phủ định"},
  {"@polarity:history", "as history", "như quy định cũ"},
  {"@polarity:quoted", "in the citizen's words", "trong lời người dân"},
};

gboolean
reasons_lang_from_name (const char *name, ReasonsLang *lang)
{
  if (g_strcmp0 (name, "en") == 0)
    *lang = REASONS_EN;
  else if (g_strcmp0 (name, "vi") == 0)
    *lang = REASONS_VI;
  else
    return FALSE;
  return TRUE;
}

static const Entry *
lookup (const Entry *table, gsize n, const char *id)
{
  for (gsize i = 0; id && i < n; i++)
    if (strcmp (table[i].id, id) == 0)
      return &table[i];
  return NULL;
}

gboolean
reasons_has_rule (const char *rule)
{
  return lookup (rules, G_N_ELEMENTS (rules), rule) != NULL;
}

const char *
reasons_term (const char *text, ReasonsLang lang)
{
  if (text == NULL || text[0] != '@')
    return text;
  const Entry *e = lookup (terms, G_N_ELEMENTS (terms), text);
  if (e == NULL)
    return text + 1;
  return lang == REASONS_VI ? e->vi : e->en;
}

char *
reasons_render (const char *rule, const char *const *args, guint n,
                ReasonsLang lang)
{
  const Entry *e = lookup (rules, G_N_ELEMENTS (rules), rule);
  if (e == NULL)
    return g_strdup (rule ? rule : "");
  const char *tpl = lang == REASONS_VI ? e->vi : e->en;
  GString *out = g_string_sized_new (strlen (tpl) + 64);
  for (const char *p = tpl; *p; p++) {
    if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
      guint k = (guint) (p[1] - '1');
      const char *a = k < n ? args[k] : NULL;
      g_string_append (out, a ? reasons_term (a, lang) : "");
      p++;
      continue;
    }
    g_string_append_c (out, *p);
  }
  return g_string_free (out, FALSE);
}

char *
reasons_object (const cJSON *obj, ReasonsLang lang)
{
  const char *rule = cJSON_GetStringValue (
      cJSON_GetObjectItemCaseSensitive (obj, "rule"));
  if (rule == NULL) {
    const char *reason = cJSON_GetStringValue (
        cJSON_GetObjectItemCaseSensitive (obj, "reason"));
    return reason ? g_strdup (reason) : NULL;
  }
  const cJSON *args = cJSON_GetObjectItemCaseSensitive (obj, "args");
  const char *a[4] = {NULL, NULL, NULL, NULL};
  guint n = 0;
  for (const cJSON *x = cJSON_IsArray (args) ? args->child : NULL;
       x && n < G_N_ELEMENTS (a); x = x->next)
    a[n++] = cJSON_GetStringValue (x);
  return reasons_render (rule, a, n, lang);
}
