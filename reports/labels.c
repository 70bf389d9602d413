/* The wording follows the national public service portal where it has a
 * term (thời hạn giải quyết, cơ quan thực hiện, căn cứ pháp lý); the
 * near-miss kinds are named by what a citizen did, not by the generator's
 * code. */
#include "reports/labels.h"

#include "rundir/variant.h"

#include <string.h>

typedef struct {
  const char *code, *vi, *en;
} Label;

static const Label failure_labels[] = {
  { "dns", "không phân giải được tên miền", "host name not resolved" },
  { "connect", "không kết nối được", "connection failed" },
  { "tls", "lỗi kết nối bảo mật (TLS)", "TLS error" },
  { "timeout", "quá thời gian chờ", "timed out" },
  { "http_4xx", "máy chủ từ chối yêu cầu (mã HTTP 4xx)",
    "request refused (HTTP 4xx)" },
  { "http_429", "bị giới hạn số yêu cầu (mã HTTP 429)",
    "rate limited (HTTP 429)" },
  { "http_5xx", "lỗi máy chủ (mã HTTP 5xx)", "server error (HTTP 5xx)" },
  { "bad_json", "phản hồi sai định dạng", "malformed response" },
  { "bad_utf8", "phản hồi sai bảng mã (không phải UTF-8)",
    "response not in UTF-8" },
  { "too_large", "phản hồi vượt dung lượng cho phép", "response too large" },
  { "headers_too_large", "phần tiêu đề của phản hồi vượt dung lượng cho phép",
    "response headers too large" },
  { "empty_answer", "câu trả lời rỗng", "empty answer" },
  { "redirect", "chuyển hướng sang máy chủ không được phép",
    "redirected to a host not allowed" },
  { "other", "lỗi khác", "other error" },
  { "not_fired", "chưa gửi câu hỏi", "not fired" },
};

static const Label nearmiss_labels[] = {
  { "clean", "câu gốc", "as written" },
  { "no_diacritics", "viết không dấu", "no diacritics" },
  { "partial_diacritics", "thiếu một phần dấu", "some diacritics missing" },
  { "telex", "sót phím gõ Telex", "Telex keystrokes left in" },
  { "vni", "sót phím gõ VNI", "VNI keystrokes left in" },
  { "keyboard_typo", "gõ nhầm phím", "keyboard typos" },
  { "abbreviation", "viết tắt", "abbreviations" },
  { "dialect", "chính tả theo phương ngữ", "dialect spelling" },
  { "nfd", "Unicode dạng tổ hợp", "decomposed Unicode" },
  { "tone_style", "đặt dấu thanh kiểu cũ", "old-style tone marks" },
  { "case", "lẫn chữ hoa, chữ thường", "mixed letter case" },
  { "spacing", "khoảng trắng sai", "spacing errors" },
};

static const Label fact_labels[] = {
  { "money", "Phí, lệ phí", "Fee or amount" },
  { "duration", "Thời hạn", "Time limit" },
  { "agency", "Cơ quan thực hiện", "Competent agency" },
  { "phrase", "Nội dung bắt buộc", "Required statement" },
  { "citation", "Căn cứ pháp lý", "Legal basis" },
  { "list", "Thành phần", "Components" },
  { "choice", "Phương án trả lời", "Answer option" },
  { "refusal", "Từ chối hoặc hướng dẫn liên hệ", "Refusal or referral" },
  { "polarity", "Trả lời có hay không", "Yes or no" },
  { "date", "Ngày tháng", "Date" },
};

static const Label item_kind_labels[] = {
  { "procedure", "thủ tục hành chính", "procedure" },
  { "legal", "quy định pháp luật", "legal" },
  { "multiple_choice", "trắc nghiệm", "multiple choice" },
  { "unanswerable", "cần từ chối hoặc hướng dẫn", "to decline or refer" },
  { "conversation", "hội thoại nhiều lượt", "conversation" },
};

static const Label status_labels[] = {
  { "matched", "khớp", "matched" },
  { "missing", "thiếu", "missing" },
  { "contradiction", "mâu thuẫn", "contradiction" },
  { "other_value", "chỉ nêu giá trị của trường hợp khác",
    "only another case's value" },
  { "set_aside", "không tính", "set aside" },
  { "vague", "không rõ ràng", "vague" },
};

static const Label weight_labels[] = {
  { "accuracy", "độ chính xác", "accuracy" },
  { "nearmiss", "độ chính xác câu gõ gần đúng", "near-miss accuracy" },
  { "latency", "tỷ lệ trả lời trong thời gian cam kết",
    "share answered within the SLA" },
  { "availability", "độ sẵn sàng", "availability" },
};

#define TABLE(t) t, G_N_ELEMENTS (t)

static const char *
lookup (const Label *table, gsize n, const char *code, ReportLang lang)
{
  if (code == NULL)
    return "";
  for (gsize i = 0; i < n; i++)
    if (strcmp (table[i].code, code) == 0)
      return lang == REPORT_LANG_EN ? table[i].en : table[i].vi;
  return code;
}

const char *
labels_failure_name (const char *name, ReportLang lang)
{
  return lookup (TABLE (failure_labels), name, lang);
}

const char *
labels_failure (FailureClass c, ReportLang lang)
{
  return labels_failure_name (failure_name (c), lang);
}

const char *
labels_nearmiss (const char *kind, ReportLang lang)
{
  return lookup (TABLE (nearmiss_labels), kind ? kind : "clean", lang);
}

char *
labels_variant (const char *variant, const char *variant_kind,
                ReportLang lang)
{
  guint round = variant_round (variant);
  if (round > 1) { /* a repeated contest's later round: "…, lần 2" */
    g_autofree char *base = g_strndup (variant, variant_base_len (variant));
    g_autofree char *label = labels_variant (base, variant_kind, lang);
    return g_strdup_printf (lang == REPORT_LANG_EN ? "%s, round %u"
                                                   : "%s, lần %u",
                            label, round);
  }
  if (variant == NULL || strcmp (variant, "clean") == 0)
    return g_strdup (labels_nearmiss ("clean", lang));
  gboolean hand = g_str_has_prefix (variant, "hand:");
  const char *name = hand ? variant + 5 : variant;
  const char *hash = strchr (name, '#');
  g_autofree char *kind = variant_kind && *variant_kind
                              ? g_strdup (variant_kind)
                              : g_strndup (name, hash ? (gsize) (hash - name)
                                                      : strlen (name));
  return g_strdup_printf ("%s%s%s%s", labels_nearmiss (kind, lang),
                          hand ? (lang == REPORT_LANG_EN ? " (hand-written)"
                                                         : " (viết tay)")
                               : "",
                          hash ? " " : "", hash ? hash : "");
}

const char *
labels_fact (const char *type, ReportLang lang)
{
  return lookup (TABLE (fact_labels), type, lang);
}

const char *
labels_item_kind (ItemKind kind, ReportLang lang)
{
  return lookup (TABLE (item_kind_labels), item_kind_name (kind), lang);
}

const char *
labels_status (const char *status, ReportLang lang)
{
  return lookup (TABLE (status_labels), status, lang);
}

const char *
labels_weight (const char *key, ReportLang lang)
{
  return lookup (TABLE (weight_labels), key, lang);
}

static gboolean
table_complete (const Label *t, gsize n)
{
  for (gsize i = 0; i < n; i++)
    if (t[i].vi == NULL || t[i].en == NULL || !*t[i].vi || !*t[i].en
        || strcmp (t[i].vi, t[i].code) == 0)
      return FALSE;
  return TRUE;
}

gboolean
labels_complete (void)
{
  for (guint c = 1; c < FAILURE_N; c++)
    if (strcmp (labels_failure (c, REPORT_LANG_VI), failure_name (c)) == 0)
      return FALSE;
  for (guint k = 1; k < ITEM_KIND_N; k++)
    if (strcmp (labels_item_kind (k, REPORT_LANG_VI), item_kind_name (k))
        == 0)
      return FALSE;
  return table_complete (TABLE (failure_labels))
         && table_complete (TABLE (nearmiss_labels))
         && table_complete (TABLE (fact_labels))
         && table_complete (TABLE (item_kind_labels))
         && table_complete (TABLE (status_labels))
         && table_complete (TABLE (weight_labels));
}
