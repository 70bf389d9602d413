#include "reports/i18n.h"

#include <string.h>

typedef struct {
  const char *vi, *en;
} I18nText;

/* Indexed by I18nKey; the order must follow the enum. */
static const I18nText i18n_table[I18N_COUNT_KEYS] = {
  [I18N_TITLE] = { "Báo cáo kết quả cuộc thi trợ lý ảo",
                   "Virtual assistant contest report" },
  [I18N_LEADERBOARD] = { "Bảng xếp hạng", "Leaderboard" },
  [I18N_RANK] = { "Hạng", "Rank" },
  [I18N_SUBMISSION] = { "Bài dự thi", "Submission" },
  [I18N_PROVINCE] = { "Tỉnh/thành", "Province" },
  [I18N_COMPOSITE] = { "Điểm tổng hợp", "Composite" },
  [I18N_CI95] = { "Khoảng tin cậy 95%", "95% confidence interval" },
  [I18N_ACCURACY] = { "Độ chính xác", "Accuracy" },
  [I18N_NEARMISS] = { "Độ chính xác câu gõ gần đúng", "Near-miss accuracy" },
  [I18N_ROBUSTNESS] = { "Độ bền vững", "Robustness" },
  [I18N_LATENCY] = { "Độ trễ", "Latency" },
  [I18N_ERRORS] = { "Lỗi", "Errors" },
  [I18N_TIE] = { "Ngang nhau", "Tie" },
  [I18N_TIED_NOTE] = { "ngang nhau về thống kê", "statistically tied" },
  [I18N_BY_CATEGORY] = { "Độ chính xác theo lĩnh vực",
                         "Accuracy by category" },
  [I18N_BY_KIND] = { "Câu hỏi gõ gần đúng theo loại",
                     "Near-miss accuracy by kind" },
  [I18N_KIND] = { "Loại", "Kind" },
  [I18N_DROP] = { "Mức giảm", "Drop" },
  [I18N_VARIANTS] = { "Số biến thể", "Variants" },
  [I18N_LATENCY_DIST] = { "Phân bố độ trễ", "Latency distribution" },
  [I18N_SLA_SHARE] = { "Tỷ lệ trả lời trong SLA", "Share within SLA" },
  [I18N_ERRORS_BY_CLASS] = { "Lỗi theo loại", "Errors by class" },
  [I18N_CAPACITY] = { "Đường cong năng lực chịu tải", "Capacity curve" },
  [I18N_CONCURRENCY] = { "Số kết nối đồng thời", "Concurrency" },
  [I18N_DETAIL] = { "Chi tiết từng bài dự thi", "Per-submission detail" },
  [I18N_WORST] = { "Các câu trả lời kém nhất", "Worst answers" },
  [I18N_QUESTION] = { "Câu hỏi", "Question" },
  [I18N_ANSWER] = { "Câu trả lời", "Answer" },
  [I18N_EXPLANATION] = { "Giải thích", "Explanation" },
  [I18N_SCORE] = { "Điểm", "Score" },
  [I18N_ITEM] = { "Câu", "Item" },
  [I18N_VARIANT] = { "Biến thể", "Variant" },
  [I18N_CATEGORY] = { "Lĩnh vực", "Category" },
  [I18N_METHODOLOGY] = { "Phương pháp", "Methodology" },
  [I18N_WEIGHTS] = { "Trọng số", "Weights" },
  [I18N_SEED] = { "Hạt giống ngẫu nhiên", "Seed" },
  [I18N_RESAMPLES] = { "Số lần lấy mẫu lại (bootstrap)",
                       "Bootstrap resamples" },
  [I18N_QSETS] = { "Bộ câu hỏi", "Question sets" },
  [I18N_VERSION] = { "Phiên bản công cụ", "Tool version" },
  [I18N_STARTED] = { "Bắt đầu", "Started" },
  [I18N_FINISHED] = { "Kết thúc", "Finished" },
  [I18N_HIDDEN_NOTE] = { "Bộ câu hỏi ẩn: chỉ công bố số liệu tổng hợp, "
                         "không công bố câu hỏi và câu trả lời.",
                         "Hidden question set: aggregates only, no question "
                         "or answer is shown." },
  [I18N_NO_PLOTS] = { "Không có biểu đồ (không tìm thấy gnuplot).",
                      "No plots (gnuplot not found)." },
  [I18N_ST_MATCHED] = { "khớp", "matched" },
  [I18N_ST_MISSING] = { "thiếu", "missing" },
  [I18N_ST_CONTRADICTION] = { "mâu thuẫn", "contradiction" },
  [I18N_ST_OTHER] = { "giá trị khác được chấp nhận", "accepted other value" },
  [I18N_HALLUCINATION] = { "Tỷ lệ bịa thông tin", "Hallucination rate" },
  [I18N_AVAILABILITY] = { "Độ sẵn sàng", "Availability" },
  [I18N_COMPOSITE_RULE] = {
    "Điểm tổng hợp = trung bình có trọng số của độ chính xác, độ chính xác "
    "câu gõ gần đúng, tỷ lệ trả lời trong SLA và độ sẵn sàng; khi không có "
    "biến thể gần đúng, trọng số của nó bị bỏ và các trọng số còn lại được "
    "chuẩn hoá lại. Khoảng tin cậy 95% theo bootstrap phân vị; hai bài liền "
    "kề không tách biệt được ở mức 95% được coi là ngang nhau về thống kê.",
    "Composite = weighted mean of accuracy, near-miss accuracy, share of "
    "answers within the SLA and availability; without near-miss variants its "
    "weight is dropped and the rest renormalized. 95% intervals are "
    "percentile bootstrap; adjacent submissions not separable at 95% are "
    "statistically tied." },
  [I18N_NO_DATA] = { "Không có dữ liệu", "No data" },
  [I18N_CORRECT] = { "Đúng", "Correct" },
  [I18N_ITEMS] = { "Số câu", "Items" },
  [I18N_REQUESTS] = { "Số yêu cầu", "Requests" },
  [I18N_ERROR_CLASS] = { "Loại lỗi", "Error class" },
  [I18N_COUNT] = { "Số lượng", "Count" },
  [I18N_VISIBILITY] = { "Phạm vi công bố", "Visibility" },
  [I18N_PUBLIC] = { "công khai", "public" },
  [I18N_HIDDEN] = { "ẩn", "hidden" },
  [I18N_SHARE] = { "Tỷ lệ", "Share" },
  [I18N_NO_ERRORS] = { "Không có lỗi", "No errors" },
  [I18N_CAPACITY_NOTE] = { "Năng lực (số kết nối đồng thời lớn nhất còn đạt "
                           "SLA p95)",
                           "Capacity (highest concurrency within the p95 "
                           "SLA)" },
  [I18N_RPS] = { "Yêu cầu/giây", "Requests/s" },
  [I18N_ERROR_RATE] = { "Tỷ lệ lỗi", "Error rate" },
  [I18N_REQUEST_FAILED] = { "yêu cầu thất bại", "request failed" },
  [I18N_FORBIDDEN] = { "nội dung bị cấm", "forbidden content" },
  [I18N_RUN] = { "Lượt chạy", "Run" },
  [I18N_SLA] = { "SLA độ trễ", "Latency SLA" },
  [I18N_CONTEST] = { "Cuộc thi", "Contest" },
  [I18N_MEAN_SCORE] = { "Điểm trung bình", "Mean score" },
  [I18N_LENIENT] = { "Độ chính xác nới lỏng", "Lenient accuracy" },
  [I18N_CONTRADICTIONS] = { "Số mâu thuẫn", "Contradictions" },
  [I18N_SEPARABLE_NO] = { "không tách biệt", "not separable" },
  [I18N_SEPARABLE_YES] = { "tách biệt", "separable" },
  [I18N_VS_NEXT] = { "So với bài xếp sau", "Versus the next" },
  [I18N_NOT_APPLICABLE] = { "–", "–" },
  [I18N_FACT] = { "Dữ kiện", "Fact" },
  [I18N_STATUS] = { "Trạng thái", "Status" },
  [I18N_REASON] = { "Lý do", "Reason" },
  [I18N_SPAN] = { "Đoạn trích", "Span" },
};

const char *
i18n (I18nKey key, ReportLang lang)
{
  if ((guint) key >= I18N_COUNT_KEYS || i18n_table[key].vi == NULL)
    return "?";
  return lang == REPORT_LANG_EN ? i18n_table[key].en : i18n_table[key].vi;
}

const char *
i18n_status (const char *status, ReportLang lang)
{
  static const struct {
    const char *name;
    I18nKey key;
  } map[] = { { "matched", I18N_ST_MATCHED },
              { "missing", I18N_ST_MISSING },
              { "contradiction", I18N_ST_CONTRADICTION },
              { "other_value", I18N_ST_OTHER } };
  for (guint i = 0; status && i < G_N_ELEMENTS (map); i++)
    if (strcmp (status, map[i].name) == 0)
      return i18n (map[i].key, lang);
  return status ? status : "?";
}
