# Issue 15, the organizer's misconfigurations: each is refused before
# anything is fired, exit 2, naming the file, the line and the key (with a
# "did you mean" for a near miss), or — for an endpoint that cannot answer
# — found by the pre-flight probe with its reason and fix (exit 3 outside
# an official contest; recorded unavailable inside one while the others
# are fired). A submission whose attempts all fail alike is paused.
. tests/cli/setup.sh

# A few reviewed single-turn items of the practice set (its header holds
# the topics they name).
{ head -1 testsets/practice/practice.jsonl
  grep '"review": *"reviewed"' testsets/practice/practice.jsonl |
    grep -v '"kind": *"conversation"' | head -6; } >"$T/set.jsonl"
# The same with two unreviewed items.
{ cat "$T/set.jsonl"
  grep '"review": *"unreviewed"' testsets/practice/practice.jsonl |
    grep -v '"kind": *"conversation"' | head -2; } >"$T/mixed.jsonl"

mock_start "$VB" "$T" good fuzzy
GOOD=$MOCK_PORT
mock_start "$VB" "$T" locked fuzzy --require-token "mat-khau-dung"
LOCKED=$MOCK_PORT
mock_start "$VB" "$T" down reset
DOWN=$MOCK_PORT
CHAT=/v1/chat/completions
write_manifest "$T/good.json" good "Tốt" "Tỉnh A" "http://127.0.0.1:$GOOD$CHAT"

contest() { # contest FILE SUBMISSIONS [more lines...]
  _f=$1 _s=$2; shift 2
  { printf '[contest]\nname = Thử cấu hình\nseed = 7\nresamples = 100\n'
    printf 'testsets = set.jsonl\nsubmissions = %s\n' "$_s"
    for _l in "$@"; do printf '%s\n' "$_l"; done; } >"$T/$_f"
}
names() { # names DESCRIPTION PATTERN: the message names file, line and key
  if grep -q -- "$2" "$T/stderr"; then ok "$1"; else
    not_ok "$1"; sed 's/^/# /' "$T/stderr"; fi
}

# --- strict contest files ---
contest typo-key.ini good.json '[weights]' 'acuracy = 0.5'
expect_exit 2 "a typo'd key is refused" "$VB" run -q --contest "$T/typo-key.ini" --out "$T/r1"
names "it names file, line and key, and the near miss" \
  "typo-key.ini:8: \[weights\] acuracy: unknown key (did you mean \"accuracy\"?)"
check "nothing was created" test ! -e "$T/r1"
contest typo-pol.ini good.json '[politeness]' 'concurency = 8'
expect_exit 2 "[politeness] concurency is refused" "$VB" run -q --contest "$T/typo-pol.ini" --out "$T/r1"
names "it suggests concurrency" "typo-pol.ini:8: \[politeness\] concurency: unknown key (did you mean \"concurrency\"?)"
contest typo-sec.ini good.json '[nearmis]' 'kinds = telex'
expect_exit 2 "a typo'd section is refused" "$VB" run -q --contest "$T/typo-sec.ini" --out "$T/r1"
names "it names the section and its near miss" "typo-sec.ini:7: \[nearmis\]: unknown section (did you mean \[nearmiss\]?)"
contest bad-bool.ini good.json '[politeness]' 'retry_timeouts = có'
expect_exit 2 "a malformed value is refused" "$VB" run -q --contest "$T/bad-bool.ini" --out "$T/r1"
names "it names the value" 'bad-bool.ini:8: \[politeness\] retry_timeouts: "có" is neither true nor false'

# --- strict manifests ---
write_manifest "$T/atuh.json" atuh "Sai" "Tỉnh B" "http://127.0.0.1:$LOCKED$CHAT" openai-chat \
  '"atuh": {"type": "bearer", "env": "VABENCH_TINH_B_TOKEN"}'
contest atuh.ini atuh.json
expect_exit 2 "a manifest field \"atuh\" is refused" "$VB" run -q --contest "$T/atuh.ini" --out "$T/r1"
names "it names the manifest's line and suggests auth" \
  'atuh.json:2: field "atuh": unknown field (did you mean "auth"?)'

# --- official mode ---
official='official = true'
asof='as_of = 2026-12-03'
for field in 'timeout_ms": 90000' 'concurrency": 64' 'rate_per_sec": 100'; do
  key=${field%%\"*}
  write_manifest "$T/own.json" own "Riêng" "Tỉnh C" "http://127.0.0.1:$GOOD$CHAT" openai-chat "
 \"$field"
  contest own.ini "good.json;own.json" '[contest]' "$official" "$asof"
  # [contest] given twice is itself an error: put the keys in the first
  { printf '[contest]\nname = Chính thức\nseed = 7\nresamples = 100\n%s\n%s\n' "$official" "$asof"
    printf 'testsets = set.jsonl\nsubmissions = good.json;own.json\n'; } >"$T/own.ini"
  expect_exit 2 "official: a manifest setting its own $key is refused" \
    "$VB" run -q --contest "$T/own.ini" --out "$T/r1"
  names "official: the message names own.json, its line and $key" \
    "own.json:3: field \"$key\": an official contest runs every submission under the contest's $key"
done
{ printf '[contest]\nname = Chính thức\nseed = 7\nresamples = 100\n%s\n%s\n' "$official" "$asof"
  printf 'testsets = mixed.jsonl\nsubmissions = good.json\n'; } >"$T/unrev.ini"
expect_exit 2 "official: unreviewed items are refused" "$VB" run -q --contest "$T/unrev.ini" --out "$T/r1"
check "official: every unreviewed item is named, each with its line" \
  test "$(grep -c 'mixed.jsonl:[0-9]*: field "review": item' "$T/stderr")" -eq 2
names "official: and their count" "2 of 8 items are not reviewed"
expect_exit 2 "testset check --require-reviewed lists every unreviewed item" \
  "$VB" testset check --require-reviewed testsets/practice/practice.jsonl
unrev=$(grep -c '"review": *"unreviewed"' testsets/practice/practice.jsonl)
check "--require-reviewed names all $unrev, not the first" \
  test "$(grep -c 'field "review": item' "$T/stderr")" -eq "$unrev"
{ printf '[contest]\nname = Chính thức\nseed = 7\nresamples = 100\n%s\n' "$official"
  printf 'testsets = set.jsonl\nsubmissions = good.json\n'; } >"$T/noasof.ini"
expect_exit 2 "official: as_of must be stated" "$VB" run -q --contest "$T/noasof.ini" --out "$T/r1"
names "official: the message says so" "noasof.ini:5: \[contest\] official: an official contest states as_of"

# --- pre-flight: endpoints that cannot answer at all ---
write_manifest "$T/dead.json" dead "Tắt" "Tỉnh D" "http://127.0.0.1:1$CHAT"
contest dead.ini "good.json;dead.json"
expect_exit 3 "a refused endpoint stops the run before firing (exit 3)" \
  "$VB" run -q --contest "$T/dead.ini" --out "$T/r2"
names "the probe's reason names the submission and the address" "preflight: dead (.*dead.json): unavailable: no connection to 127.0.0.1:1"
check "nothing was fired" test ! -e "$T/r2/log.jsonl"
write_manifest "$T/base.json" base "Gốc" "Tỉnh E" "http://127.0.0.1:$GOOD/v1"
contest base.ini base.json
expect_exit 3 "the base URL instead of the chat path stops the run" \
  "$VB" run -q --contest "$T/base.ini" --out "$T/r2"
names "the fix says where the chat path is" "fix: the URL ends in /v1; the chat path is /v1/chat/completions?"
write_manifest "$T/locked.json" locked "Khóa" "Tỉnh F" "http://127.0.0.1:$LOCKED$CHAT" openai-chat \
  '"auth": {"type": "bearer", "env": "VABENCH_TINH_F_TOKEN"}'
contest locked.ini locked.json
VABENCH_TINH_F_TOKEN=mat-khau-sai expect_exit 3 "a refused token (401) stops the run" \
  "$VB" run -q --contest "$T/locked.ini" --out "$T/r2"
tr '\n' ' ' <"$T/stderr" >"$T/stderr.1" && mv "$T/stderr.1" "$T/stderr"
names "the reason is the 401 and the fix names the variable" 'HTTP 401 (credentials wanted).*fix: the token in \$VABENCH_TINH_F_TOKEN is refused'
check "the token itself is not in the message" sh -c "! grep -q mat-khau-sai '$T/stderr'"
VABENCH_TINH_F_TOKEN=mat-khau-dung expect_exit 0 "the right token passes the probe and the run" \
  "$VB" run -q --contest "$T/locked.ini" --out "$T/r3"

# Official: the dead endpoint is recorded unavailable, the others fired.
{ printf '[contest]\nname = Chính thức\nseed = 7\nresamples = 100\n%s\n%s\n' "$official" "$asof"
  printf 'testsets = set.jsonl\nsubmissions = good.json;dead.json;base.json\n'; } >"$T/off.ini"
expect_exit 0 "official: unavailable submissions are recorded and the rest proceed" \
  "$VB" run -q --contest "$T/off.ini" --out "$T/off"
check "official: the good submission was fired" grep -q '"submission":"good"' "$T/off/log.jsonl"
check "official: the dead one was not" sh -c "! grep -q '\"submission\":\"dead\"' '$T/off/log.jsonl'"
check "official: results.json says unavailable, with the reason" \
  grep -q '"reason":.*no connection to 127.0.0.1:1' "$T/off/results.json"
check "official: its questions count as not fired" \
  grep -q '"submission":"dead".*"error_class":"not_fired"' "$T/off/scores.jsonl"
check "official: the report shows each submission's conditions" \
  grep -q 'Điều kiện chạy của từng bài dự thi' "$T/off/report.md"
check "official: results.json keeps the probe's fix for the base URL" \
  grep -q 'the chat path is /v1/chat/completions?' "$T/off/results.json"
check "official: the Vietnamese report words the reason and the fix in Vietnamese" \
  grep -q 'HTTP 404): kiểm tra đường dẫn hội thoại của endpoint' "$T/off/report.md"
check "official: and carries none of the harness's English" \
  sh -c '! grep -q "the chat path is\|no connection to\|the URL ends in" "$1"' - "$T/off/report.md"
check "official: results.json carries the effective settings" \
  grep -q '"official":[[:space:]]*true' "$T/off/results.json"
expect_exit 2 "official: --no-preflight is refused" \
  "$VB" run -q --no-preflight --contest "$T/off.ini" --out "$T/off2"

# --- early stop: every attempt fails alike ---
write_manifest "$T/down.json" down "Hỏng" "Tỉnh G" "http://127.0.0.1:$DOWN$CHAT"
contest down.ini "good.json;down.json" '[politeness]' 'pause_after = 6' 'retries = 0' 'rate_per_sec = 0'
# The reset mock drops every connection after accepting it: the probe
# only warns (something listens), the run pauses it after 6 resets.
expect_exit 3 "a submission that only fails is paused (exit 3 outside an official contest)" \
  "$VB" run -q --contest "$T/down.ini" --out "$T/p"
names "the pause is said with the class and what is left" "paused down: its last 6 attempts all failed with connect; [0-9]* of 23 questions left unfinished"
names "and how to go on" "vabench run --resume $T/p"
check "the other submission answered everything" test "$(grep -c '"submission":"good".*"final":true' "$T/p/log.jsonl")" -ge 6
check "the paused one was not fired for every question" \
  test "$(grep -c '"submission":"down"' "$T/p/log.jsonl")" -lt "$(grep -c '"submission":"good"' "$T/p/log.jsonl")"
check "results.json records the pause" grep -q '"state":[[:space:]]*"paused"' "$T/p/results.json"
check "the reports were written" test -s "$T/p/report.md"

# --- distinct variants: nfd is one text per item whatever per_item says ---
contest nfd.ini good.json '[nearmiss]' 'kinds = nfd;telex' 'per_item = 3' '[politeness]' 'rate_per_sec = 0'
expect_exit 0 "a run with three variants per kind" "$VB" run -q --contest "$T/nfd.ini" --out "$T/nfd"
names "the plan says how many distinct texts each kind gave" \
  "distinct generated texts per kind (of items × per_item): nfd 6/18, telex [0-9]*/18"
check "nfd was fired once per item, not three times" \
  test "$(grep -c '"variant":"nfd#' "$T/nfd/log.jsonl")" -eq 6
sed -nE 's/.*"item":"([^"]*)".*"variant":"telex#[0-9]+".*"sent":"([^"]*)".*/\1 \2/p' "$T/nfd/log.jsonl" >"$T/telex"
check "telex gave more than one text for some items" test "$(wc -l <"$T/telex")" -gt 6
check "no two telex variants of one item are the same text" test -z "$(sort "$T/telex" | uniq -d)"
done_testing
