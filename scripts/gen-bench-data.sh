#!/bin/sh
# Generates benchmark data (never committed; bench-data/ is ignored):
#   gen-bench-data.sh set N FILE            a question set of N items
#   gen-bench-data.sh log SUBS ITEMS VARIANTS SETNAME DIR
#                                           a run log of SUBS×ITEMS×VARIANTS
#                                           answers
#   gen-bench-data.sh manifest DIR SUBS NAME SETFILE [UNITS]   (UNITS: the plan size, items × variants)
#                                           manifest.json for DIR: SUBS
#                                           provinces, the set's categories
set -eu
# The generated set's categories and their display names (the reports
# show the names, never the codes).
CATS='"categories": {"ho-tich": "Hộ tịch", "cu-tru": "Cư trú", "can-cuoc": "Căn cước", "chung-thuc": "Chứng thực", "ly-lich-tu-phap": "Lý lịch tư pháp", "kinh-doanh": "Đăng ký kinh doanh", "vien-thong": "Viễn thông", "buu-chinh": "Bưu chính", "tan-so": "Tần số vô tuyến điện", "bao-chi-xuat-ban": "Báo chí, xuất bản"}'
case $1 in
set)
  awk -v n="$2" -v CATS="$CATS" -v name="$(basename "$3" .jsonl)" 'BEGIN {
    split("ho-tich cu-tru can-cuoc chung-thuc ly-lich-tu-phap kinh-doanh vien-thong buu-chinh tan-so bao-chi-xuat-ban", cat, " ")
    print "{\"testset\": {\"name\": \"" name "\", \"version\": \"1\", \"visibility\": \"public\", " CATS "}}"
    for (i = 1; i <= n; i++) {
      fee = 1000 * (i % 300 + 1)
      printf "{\"id\": \"b-%06d\", \"category\": \"%s\", \"kind\": \"procedure\", \"question\": \"Thủ tục số %d: lệ phí bao nhiêu và mất bao lâu?\", \"facts\": [{\"type\": \"money\", \"value\": %d}, {\"type\": \"duration\", \"value\": 3, \"unit\": \"working_day\"}, {\"type\": \"agency\", \"any_of\": [\"Công an cấp xã\", \"công an xã\"]}], \"forbid\": [{\"type\": \"phrase\", \"any_of\": [\"cấp huyện\"]}], \"legal_basis\": [\"Thông tư 75/2022/TT-BTC\"], \"valid_as_of\": \"2025-07-01\", \"source\": \"synthetic benchmark item\", \"review\": \"unreviewed\"}\n", i, cat[i % 10 + 1], i, fee
    }
  }' >"$3"
  ;;
log)
  subs=$2 items=$3 variants=$4 set=$5 dir=$6
  mkdir -p "$dir"
  awk -v subs="$subs" -v items="$items" -v variants="$variants" -v set="$set" 'BEGIN {
    srand(7); seq = 0
    split("clean no_diacritics telex vni abbreviation keyboard_typo nfd", kind, " ")
    for (s = 1; s <= subs; s++) for (i = 1; i <= items; i++) for (v = 1; v <= variants; v++) {
      fee = 1000 * (i % 300 + 1); r = rand()
      if (r < 0.6) ans = sprintf("Lệ phí là %d.%03d đồng; thời hạn giải quyết 03 ngày làm việc tại **Công an cấp xã**.", fee / 1000, 0)
      else if (r < 0.75) ans = sprintf("| Nội dung | Giá trị |\\n|---|---|\\n| Lệ phí | %d.000đ |\\n| Thời hạn | 3 ngày |", fee / 1000)
      else if (r < 0.9) ans = sprintf("Theo Thông tư 75/2022/TT-BTC, lệ phí %d.000 đồng, nộp tại UBND cấp huyện trong 5 ngày làm việc.", fee / 100)
      else ans = "Xin lỗi, tôi chưa có thông tin về thủ tục này."
      vname = (v == 1) ? "clean" : sprintf("%s#1", kind[(v - 2) % 6 + 2])
      vk = (v == 1) ? "clean" : kind[(v - 2) % 6 + 2]
      lat = 20000 + int(rand() * 400000)
      printf "{\"submission\":\"tinh-%02d\",\"testset\":\"%s\",\"item\":\"b-%06d\",\"variant\":\"%s\",\"variant_kind\":\"%s\",\"seed\":0,\"turn\":0,\"attempt\":1,\"final\":true,\"session\":\"x\",\"sent\":\"Thủ tục số %d: lệ phí bao nhiêu?\",\"answer\":\"%s\",\"http_status\":200,\"error_class\":null,\"error\":null,\"t_dns_us\":10,\"t_connect_us\":50,\"t_tls_us\":0,\"t_first_byte_us\":%d,\"t_total_us\":%d,\"started_at\":\"2026-01-01T00:00:00Z\",\"seq\":%d,\"prev\":\"0\"}\n", s, set, i, vname, vk, i, ans, lat - 100, lat, ++seq
    }
  }' >"$dir/log.jsonl"
  ;;
manifest)
  dir=$2 subs=$3 name=$4 setfile=$5 units=${6:-0}
  mkdir -p "$dir"
  # the plan's size, when given: a run that answered all of it is complete
  plan=""
  [ "$units" -gt 0 ] && plan="\"plan\": {\"units\": $units},"
  list=$(awk -v n="$subs" 'BEGIN {for (s = 1; s <= n; s++) printf "%s{\"id\": \"tinh-%02d\", \"name\": \"Tỉnh %02d\"}", (s > 1 ? "," : ""), s, s}')
  cat >"$dir/manifest.json" <<JSON
{"vabench_version": "bench", "run_id": "$(basename "$dir")", "started_at": "2026-01-01T00:00:00Z",
 "finished_at": "2026-01-01T01:00:00Z", $plan
 "contest": {"name": "$name", "seed": 1,
  "weights": {"accuracy": 0.5, "nearmiss": 0.2, "latency": 0.2, "availability": 0.1},
  "sla_ms": 3000, "resamples": 1000, "nearmiss_kinds": ["no_diacritics", "telex", "vni", "abbreviation"],
  "per_item": 1, "testsets": [{"name": "$(basename "$setfile" .jsonl)", "path": "$setfile",
  "abs_path": "$setfile", "sha256": "-", "visibility": "public",
  "items": $(($(wc -l <"$setfile") - 1)), $CATS}],
  "submissions": [$list]}}
JSON
  ;;
esac
