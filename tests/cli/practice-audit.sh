# scripts/check-practice.py --audit: the review policy of the practice set,
# enforced against SOURCES.md. A reviewed item must rest on resolvable
# sources of medium or high confidence whose values agree with the key; a
# replaced law number may be keyed only as dated history; every item must
# hold on the set's as_of. Each rule is shown failing on a broken copy.
. tests/cli/setup.sh

if ! command -v python3 >/dev/null 2>&1; then
  echo "ok 1 # SKIP python3 is missing"
  echo "1..1"
  exit 0
fi
AUDIT="python3 scripts/check-practice.py --audit"

mkdir -p "$T/set"
cat >"$T/set/SOURCES.md" <<'MD'
# Sources

## Residence

| id | claim | values | source title | address | read | confidence |
|---|---|---|---|---|---|---|
| S-tamtru-time | Đăng ký tạm trú: 03 ngày làm việc | 3 working_day | Luật Cư trú Điều 28 | https://example.invalid/a | 2026-12-03 | high |
| S-tamtru-fee | Lệ phí tạm trú 15.000đ / 7.000đ | 15000; 7000 | DOMAIN.md §3 | DOMAIN.md | 2026-12-03 | medium |
| S-agency | Công an cấp xã | Công an cấp xã | DOMAIN.md §3 | DOMAIN.md | 2026-12-03 | high |
| S-anm-2025 | Luật An ninh mạng 116/2025/QH15 từ 1/7/2026 | 116/2025/QH15; 2026-07-01; no | DOMAIN.md §3 | DOMAIN.md | 2026-12-03 | high |
| S-anm-2018 | Luật An ninh mạng 24/2018/QH14 | 24/2018/QH14 | Bộ pháp điển | https://example.invalid/b | 2026-12-03 | high |
| S-rumour | một trang tin | 100000 | a forum | https://example.invalid/c | 2026-12-03 | low |

#### S-block-entry
- claim: a block-style entry (the other section's format)
- value: 05 ngày làm việc
- confidence: medium

## Replaced documents

| document | replaced by | from | source |
|---|---|---|---|
| Luật An ninh mạng 24/2018/QH14 | Luật An ninh mạng 116/2025/QH15 | 2026-07-01 | S-anm-2025 |
MD
prov='"legal_basis": ["Luật Cư trú 2020"], "valid_as_of": "2026-12-03", "source": "SOURCES.md", "review": "reviewed", "topic": "tam-tru"'
cat >"$T/set/good.jsonl" <<JSONL
{"testset": {"name": "t", "version": "2", "as_of": "2026-12-03", "topics": {"tam-tru": {"name": "Đăng ký tạm trú", "aliases": ["tạm trú"]}}}}
{"id": "cutru-001", "category": "cu-tru", "kind": "procedure", "question": "Đăng ký tạm trú mất bao lâu, lệ phí bao nhiêu?", "facts": [{"type": "duration", "value": 3, "unit": "working_day", "source": "S-tamtru-time"}, {"type": "money", "value": 15000, "channel": {"truc_tiep": 15000, "truc_tuyen": 7000}, "source": "S-tamtru-fee"}, {"type": "agency", "any_of": ["Công an cấp xã", "công an phường"], "source": "S-agency"}], $prov}
{"id": "anm-001", "category": "an-ninh-mang", "kind": "legal", "question": "Luật An ninh mạng hiện hành số mấy?", "facts": [{"type": "citation", "doc": "Luật An ninh mạng 116/2025/QH15", "source": "S-anm-2025"}], "valid_from": "2026-07-01", $prov}
{"id": "anm-002", "category": "an-ninh-mang", "kind": "legal", "question": "Luật An toàn thông tin mạng còn hiệu lực không?", "facts": [{"type": "polarity", "value": "no", "source": "S-anm-2025"}], $prov}
{"id": "blk-001", "category": "x", "kind": "procedure", "question": "Bao lâu?", "facts": [{"type": "duration", "value": 5, "unit": "working_day", "source": "S-block-entry"}], $prov}
{"id": "rum-001", "category": "x", "kind": "procedure", "question": "Phí?", "facts": [{"type": "money", "value": 100000, "source": "S-rumour"}], "legal_basis": ["x"], "valid_as_of": "2026-12-03", "source": "SOURCES.md", "review": "unreviewed", "topic": "tam-tru"}
JSONL

expect_exit 0 "the audit passes a consistent set" $AUDIT "$T/set/good.jsonl"
check "it reads table and block entries alike" grep -q "0 error(s)" "$T/stdout"

# broken NAME SED-EXPRESSION EXPECTED-MESSAGE: a copy with one edit fails
broken() {
  mkdir -p "$T/$1"
  cp "$T/set/SOURCES.md" "$T/$1/SOURCES.md"
  sed "$2" "$T/set/good.jsonl" >"$T/$1/good.jsonl"
  if [ -n "${4:-}" ]; then sed -i "$4" "$T/$1/SOURCES.md"; fi
  expect_exit 2 "$1: the audit fails" $AUDIT "$T/$1/good.jsonl"
  if grep -q "$3" "$T/stdout"; then ok "$1: it says '$3'"
  else not_ok "$1: it says '$3'"; sed 's/^/# /' "$T/stdout"; fi
}
broken unknown-source 's/"source": "S-agency"/"source": "S-nowhere"/' \
  "good.jsonl:2: error: agency fact: source 'S-nowhere' is not in SOURCES.md"
broken no-source 's/, "source": "S-tamtru-time"//' \
  "good.jsonl:2: error: reviewed item: duration fact has no source id"
broken low-confidence 's/"source": "S-tamtru-fee"/"source": "S-rumour"/' \
  "rests on S-rumour (confidence below medium)"
broken value-differs 's/"value": 3, "unit"/"value": 7, "unit"/' \
  "duration fact differs from S-tamtru-time: duration 7 working_day"
broken channel-differs 's/"truc_tuyen": 7000/"truc_tuyen": 5000/' \
  "money fact differs from S-tamtru-fee: amount(s) \[5000\]"
broken source-downgraded 's/x/x/' "rests on S-tamtru-time (confidence below medium)" \
  's/| 2026-12-03 | high |$/| 2026-12-03 | low |/'
broken replaced-law 's/116\/2025\/QH15", "source": "S-anm-2025"/24\/2018\/QH14", "source": "S-anm-2018"/; s/"valid_from": "2026-07-01", //' \
  "keys Luật An ninh mạng 24/2018/QH14, replaced by Luật An ninh mạng 116/2025/QH15 from 2026-07-01"
broken expired 's/"valid_from": "2026-07-01"/"valid_until": "2026-06-30"/' \
  "item 'anm-001' is not valid on the set's as_of 2026-12-03"
broken polarity-differs 's/"type": "polarity", "value": "no"/"type": "polarity", "value": "yes"/' \
  "polarity fact differs from S-anm-2025"

# Dated history may key the replaced number.
sed 's/116\/2025\/QH15", "source": "S-anm-2025"/24\/2018\/QH14", "source": "S-anm-2018"/; s/"valid_from": "2026-07-01"/"valid_until": "2026-06-30"/; s/"as_of": "2026-12-03"/"as_of": "2026-06-30"/' \
  "$T/set/good.jsonl" >"$T/set/history.jsonl"
expect_exit 0 "a replaced law number is fine as dated history" $AUDIT "$T/set/history.jsonl"

# The shipped set and its history pass; broken copies of them do not.
expect_exit 0 "the shipped practice set passes the audit" $AUDIT testsets/practice/*.jsonl
expect_exit 0 "the shipped history passes on its own dates" \
  $AUDIT --sources testsets/practice/SOURCES.md testsets/practice/history/*.jsonl
mkdir -p "$T/ship"
cp testsets/practice/practice.jsonl testsets/practice/SOURCES.md "$T/ship/"
sed -i 's/^\(| S-cutru-tamtru-time |.*| \)high |$/\1low |/' "$T/ship/SOURCES.md"
expect_exit 2 "a shipped source downgraded to low fails the audit" $AUDIT "$T/ship/practice.jsonl"
check "the reviewed items resting on it are named" \
  grep -q 'rests on S-cutru-tamtru-time (confidence below medium)' "$T/stdout"
cp testsets/practice/SOURCES.md "$T/ship/"
sed -i '/"id": "anninhmang-011"/s/116\/2025\/QH15", "source"/24\/2018\/QH14", "source"/' "$T/ship/practice.jsonl"
expect_exit 2 "the 2018 cybersecurity law keyed as in force fails the audit" $AUDIT "$T/ship/practice.jsonl"
check "the replaced law is named" grep -q 'keys Luật An ninh mạng 24/2018/QH14, replaced by' "$T/stdout"
done_testing
