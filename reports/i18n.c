/* Vietnamese in plain official language: every term a reader may not
 * know (SLA, khoảng tin cậy, bootstrap, McNemar, phân vị) is explained
 * once in the methodology's glossary (I18N_TERMS). */
#include "reports/i18n.h"

typedef struct {
  const char *vi, *en;
} I18nText;

/* Indexed by I18nKey. Entries with %s / %u are printf formats. */
static const I18nText i18n_table[I18N_COUNT_KEYS] = {
  [I18N_TITLE] = { "Báo cáo kết quả đánh giá trợ lý ảo",
                   "Virtual assistant contest report" },
  [I18N_LEADERBOARD] = { "Bảng xếp hạng", "Leaderboard" },
  [I18N_RANK] = { "Hạng", "Rank" },
  [I18N_SUBMISSION] = { "Bài dự thi", "Submission" },
  [I18N_PROVINCE] = { "Tỉnh/thành phố", "Province" },
  [I18N_COMPOSITE] = { "Điểm tổng hợp", "Composite" },
  [I18N_CI95] = { "Khoảng tin cậy 95%", "95% confidence interval" },
  [I18N_ACCURACY] = { "Độ chính xác", "Accuracy" },
  [I18N_NEARMISS] = { "Độ chính xác câu gõ gần đúng",
                      "Near-miss accuracy" },
  [I18N_ROBUSTNESS] = { "Độ bền vững", "Robustness" },
  [I18N_ERRORS] = { "Lỗi", "Errors" },
  [I18N_TIE] = { "Nhóm ngang nhau", "Tie group" },
  [I18N_BY_CATEGORY] = { "Độ chính xác theo lĩnh vực",
                         "Accuracy by category" },
  [I18N_BY_KIND] = { "Câu hỏi gõ gần đúng theo loại lỗi gõ",
                     "Near-miss questions by kind" },
  [I18N_DROP] = { "Mức giảm", "Drop" },
  [I18N_LATENCY_DIST] = { "Thời gian trả lời", "Response time" },
  [I18N_SLA_SHARE] = { "Tỷ lệ trả lời trong ngưỡng SLA",
                       "Share within the SLA" },
  [I18N_ERRORS_BY_CLASS] = { "Lỗi kết nối và phản hồi theo loại",
                             "Errors by class" },
  [I18N_CAPACITY] = { "Khả năng chịu tải", "Capacity curve" },
  [I18N_CONCURRENCY] = { "Số yêu cầu đồng thời", "Concurrency" },
  [I18N_DETAIL] = { "Chi tiết từng bài dự thi", "Per-submission detail" },
  [I18N_WORST] = { "Các câu trả lời kém nhất", "Worst answers" },
  [I18N_QUESTION] = { "Câu hỏi", "Question" },
  [I18N_ANSWER] = { "Câu trả lời", "Answer" },
  [I18N_EXPLANATION] = { "Lý do chấm", "Why" },
  [I18N_SCORE] = { "Điểm", "Score" },
  [I18N_ITEM] = { "Câu", "Item" },
  [I18N_METHODOLOGY] = { "Phương pháp đánh giá", "Methodology" },
  [I18N_WEIGHTS] = { "Trọng số", "Weights" },
  [I18N_SEED] = { "Giá trị khởi tạo ngẫu nhiên (để tạo lại đúng các câu "
                  "biến thể)",
                  "Random seed (recreates the same variants)" },
  [I18N_RESAMPLES] = { "Số lần lấy mẫu lặp lại (bootstrap)",
                       "Bootstrap resamples" },
  [I18N_QSETS] = { "Bộ câu hỏi", "Question sets" },
  [I18N_VERSION] = { "Phiên bản công cụ", "Tool version" },
  [I18N_STARTED] = { "Bắt đầu", "Started" },
  [I18N_FINISHED] = { "Kết thúc", "Finished" },
  [I18N_HIDDEN_NOTE] = { "Bộ câu hỏi không công khai: chỉ công bố số liệu "
                         "tổng hợp, không công bố câu hỏi và câu trả lời.",
                         "Hidden question set: aggregates only, no question "
                         "or answer is shown." },
  [I18N_NO_PLOTS] = { "Không có biểu đồ (máy tạo báo cáo chưa cài gnuplot).",
                      "No plots (gnuplot not found)." },
  [I18N_HALLUCINATION] = { "Tỷ lệ trả lời có thông tin sai",
                           "Share of answers stating a wrong fact" },
  [I18N_AVAILABILITY] = { "Độ sẵn sàng", "Availability" },
  [I18N_COMPOSITE_RULE] = {
    "Điểm tổng hợp là bình quân có trọng số của bốn chỉ số: độ chính xác "
    "(tỷ lệ câu trả lời nêu đúng mọi dữ kiện bắt buộc và không nêu dữ kiện "
    "sai), độ chính xác câu gõ gần đúng (cùng cách chấm, với câu hỏi gõ "
    "không dấu, sót phím, viết tắt…), tỷ lệ trả lời trong ngưỡng SLA và độ "
    "sẵn sàng (tỷ lệ câu hỏi nhận được câu trả lời). Nếu cuộc thi không dùng "
    "câu gõ gần đúng, trọng số của chỉ số này được bỏ và các trọng số còn "
    "lại được chia lại theo tỷ lệ.",
    "The composite is the weighted mean of four measures: accuracy (share "
    "of answers stating every required fact and no wrong one), near-miss "
    "accuracy (the same, for questions typed without diacritics, with "
    "keystrokes left in, abbreviated…), the share answered within the SLA "
    "and availability (share of questions that got an answer). Without "
    "near-miss questions that weight is dropped and the others rescaled." },
  [I18N_TIE_RULE] = {
    "Hai bài liền kề được coi là khác biệt khi điểm tổng hợp của bài trên "
    "cao hơn và phép kiểm định bootstrap trên cùng các câu hỏi cho p < 0,05; "
    "nếu phần lớn chênh lệch đến từ độ chính xác, kiểm định McNemar cũng "
    "phải cho p < 0,05. Các bài không phân biệt được với bài liền kề tạo "
    "thành một nhóm ngang nhau và cùng chung thứ hạng, ví dụ “1–3”.",
    "Two adjacent submissions are separable when the upper one's composite "
    "is higher and the paired bootstrap test on the same questions gives "
    "p < 0.05; when accuracy carries most of the gap, McNemar's test must "
    "give p < 0.05 too. Submissions not separable from their neighbour form "
    "a tie group and share its ranks, e.g. “1–3”." },
  [I18N_CORRECT] = { "Đúng", "Correct" },
  [I18N_REQUESTS] = { "Số yêu cầu", "Requests" },
  [I18N_ERROR_CLASS] = { "Loại lỗi", "Error class" },
  [I18N_PUBLIC] = { "công khai", "public" },
  [I18N_HIDDEN] = { "không công khai", "hidden" },
  [I18N_NO_ERRORS] = { "Không có lỗi", "No errors" },
  [I18N_CAPACITY_NOTE] = { "Khả năng chịu tải (số yêu cầu đồng thời lớn "
                           "nhất mà p95 vẫn trong ngưỡng SLA)",
                           "Capacity (highest concurrency within the p95 "
                           "SLA)" },
  [I18N_RPS] = { "Yêu cầu/giây", "Requests/s" },
  [I18N_ERROR_RATE] = { "Tỷ lệ lỗi", "Error rate" },
  [I18N_REQUEST_FAILED] = { "Yêu cầu thất bại", "Request failed" },
  [I18N_FORBIDDEN] = { "Nội dung sai", "Forbidden content" },
  [I18N_RUN] = { "Lượt chạy", "Run" },
  [I18N_SLA] = { "Ngưỡng thời gian trả lời (SLA)", "Latency SLA" },
  [I18N_CONTEST] = { "Cuộc thi", "Contest" },
  [I18N_MEAN_SCORE] = { "Điểm trung bình", "Mean score" },
  [I18N_LENIENT] = { "Độ chính xác khi bỏ qua dấu", "Lenient accuracy" },
  [I18N_CONTRADICTIONS] = { "Số dữ kiện sai", "Contradictions" },
  [I18N_NOT_JUDGED] = { "chưa được chấm", "not judged" },
  [I18N_OFF_TOPIC] = { "Trả lời sang thủ tục khác",
                       "About another procedure" },
  [I18N_WRONG_NO_REASON] = { "Bị chấm sai (điểm %s) nhưng bản ghi chấm "
                             "không nêu lý do",
                             "Judged wrong (score %s) but the judgement "
                             "records no reason" },
  [I18N_FOREST] = { "Điểm tổng hợp và khoảng tin cậy 95%, theo thứ hạng",
                    "Composite with its 95% interval, by rank" },
  [I18N_NEARMISS_HEAT] = { "Độ chính xác theo loại lỗi gõ (%)",
                           "Accuracy by near-miss kind (%)" },
  [I18N_LATENCY_BARS] = { "Thời gian trả lời theo phân vị (ms)",
                          "Response time percentiles (ms)" },
  [I18N_CLEAN] = { "Câu gốc", "As written" },
  [I18N_P50] = { "p50 (trung vị), ms", "p50 (median), ms" },
  [I18N_P95] = { "p95, ms", "p95, ms" },
  [I18N_P99] = { "p99, ms", "p99, ms" },
  [I18N_MEAN_MS] = { "Trung bình, ms", "Mean, ms" },
  [I18N_MS] = { "mili giây", "milliseconds" },
  [I18N_GLOSSARY] = { "Giải thích thuật ngữ", "Terms" },
  [I18N_TERMS] = {
    "SLA (thỏa thuận mức dịch vụ)|thời gian trả lời tối đa mà ban tổ chức "
    "đặt ra cho một câu hỏi; câu trả lời chậm hơn không được tính điểm "
    "thời gian.\n"
    "Khoảng tin cậy 95%|khoảng giá trị chứa chỉ số thực của bài dự thi với "
    "độ tin cậy 95% nếu bộ câu hỏi được rút lại nhiều lần; khoảng càng hẹp, "
    "kết quả càng chắc chắn.\n"
    "Bootstrap (lấy mẫu lặp lại)|cách tính khoảng tin cậy: chấm lại nhiều "
    "lần trên các bộ câu hỏi rút ngẫu nhiên có hoàn lại từ chính bộ câu "
    "hỏi đã dùng.\n"
    "Kiểm định McNemar|so sánh hai bài trên cùng các câu hỏi, chỉ xét những "
    "câu một bài đúng và bài kia sai.\n"
    "Giá trị p|xác suất gặp chênh lệch ít nhất như quan sát được nếu hai "
    "bài thực ra ngang nhau; p < 0,05 được coi là khác biệt có ý nghĩa.\n"
    "Câu gõ gần đúng|câu hỏi được gõ như người dân hay gõ: không dấu, sót "
    "phím Telex/VNI, gõ nhầm phím, viết tắt.\n"
    "Độ bền vững|trong các câu trả lời đúng với câu gốc, tỷ lệ vẫn đúng khi "
    "câu hỏi được gõ gần đúng.\n"
    "p50, p95, p99 (phân vị)|thời gian mà 50%, 95%, 99% câu trả lời nhanh "
    "hơn.\n"
    "Độ sẵn sàng|tỷ lệ câu hỏi nhận được câu trả lời (không lỗi kết nối, "
    "không quá thời gian chờ).",
    "SLA (service level)|the longest response time the organisers allow "
    "for one question; slower answers earn no latency credit.\n"
    "95% confidence interval|the range that holds the submission's true "
    "value with 95% confidence if the questions were drawn again; the "
    "narrower, the surer.\n"
    "Bootstrap|how the intervals are computed: re-scoring on many question "
    "sets drawn at random, with replacement, from the set used.\n"
    "McNemar's test|compares two submissions on the same questions, using "
    "only those one got right and the other wrong.\n"
    "p-value|the chance of a gap at least as large as observed if the two "
    "were in fact equal; p < 0.05 counts as a real difference.\n"
    "Near-miss question|a question typed as citizens type: without "
    "diacritics, with Telex/VNI keystrokes, typos, abbreviations.\n"
    "Robustness|among questions answered right as written, the share still "
    "right when typed approximately.\n"
    "p50, p95, p99 (percentiles)|the times under which 50%, 95%, 99% of "
    "answers arrived.\n"
    "Availability|share of questions that got an answer (no connection "
    "error, no timeout)." },
  [I18N_GATE] = { "Kiểm tra ngưỡng chất lượng", "Gate" },
  [I18N_GATE_PASSED] = { "ĐẠT: mọi ngưỡng đều được đáp ứng",
                         "PASSED: every threshold holds" },
  [I18N_GATE_FAILED] = { "KHÔNG ĐẠT: %u/%u lượt kiểm tra không đạt",
                         "FAILED: %u of %u checks failed" },
  [I18N_GATE_NONE] = { "Chưa đặt ngưỡng nào (dùng tùy chọn --require của "
                       "vabench report hoặc vabench gate).",
                       "No threshold given (add --require, e.g. "
                       "--require 'accuracy>=80%')." },
  [I18N_THRESHOLD] = { "Ngưỡng", "Threshold" },
  [I18N_VALUE] = { "Giá trị", "Value" },
  [I18N_RESULT] = { "Kết quả", "Result" },
  [I18N_OK] = { "đạt", "ok" },
  [I18N_FAIL] = { "không đạt", "failed" },
  [I18N_NO_VALUE] = { "không có giá trị", "no value" },
  [I18N_PLOT_SUMMARY] = { "Biểu đồ thể hiện %u/%u bài dự thi đầu bảng xếp "
                          "hạng; bảng bên dưới liệt kê đủ.",
                          "The plot shows the first %u of %u submissions; "
                          "the table below lists every one." },
  [I18N_ALL_SHOWN] = { "Mỗi biểu đồ và bảng thể hiện đủ %u bài dự thi.",
                       "Every plot and table shows all %u submissions." },
  [I18N_TIE_GROUP_NOTE] = { "Các bài cùng nhóm có chung thứ hạng: không "
                            "phân biệt được ở mức tin cậy 95%.",
                            "Submissions of one group share its ranks: "
                            "not separable at 95%." },
  [I18N_WRONG_COUNT] = { "%u câu sai; dưới đây là %u câu kém nhất, mỗi câu "
                         "có lý do chấm.",
                         "%u wrong answers; the %u worst follow, each with "
                         "why." },
  [I18N_UNACCENTED] = { "Câu trả lời viết không dấu",
                        "Answers without diacritics" },
  [I18N_ITEMS_SHOWN] = { "Câu trả lời dài hơn %u ký tự được rút gọn; toàn "
                         "văn trong tệp scores.jsonl của lượt chạy.",
                         "Answers longer than %u characters are shortened; "
                         "the whole text is in the run's scores.jsonl." },
};

const char *
i18n (I18nKey key, ReportLang lang)
{
  if ((guint) key >= I18N_COUNT_KEYS || i18n_table[key].vi == NULL)
    return "?";
  return lang == REPORT_LANG_EN ? i18n_table[key].en : i18n_table[key].vi;
}

gboolean
i18n_complete (void)
{
  for (guint k = 0; k < I18N_COUNT_KEYS; k++)
    if (i18n_table[k].vi == NULL || i18n_table[k].en == NULL)
      return FALSE;
  return TRUE;
}
