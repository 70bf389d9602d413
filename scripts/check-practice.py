#!/usr/bin/env python3
"""Authoring lint for question sets (testsets/README.md), Python 3 stdlib only.

The authoritative validator is `vabench testset check`; this script catches
authoring mistakes it does not look for and prints the counts that
testsets/practice/README.md quotes:

  scripts/check-practice.py testsets/practice/*.jsonl
  scripts/check-practice.py --minimums --domain ../shared/reference/DOMAIN.md \
      testsets/practice/*.jsonl

Errors (exit 2) name file:line and the field. Warnings never fail the run.
"""
import argparse
import collections
import datetime
import json
import re
import sys
import unicodedata

KINDS = {"procedure", "legal", "multiple_choice", "unanswerable",
         "conversation"}
FACT_FIELDS = {  # type -> fields that must be present
    "money": ["value"], "duration": ["value", "unit"], "agency": ["any_of"],
    "phrase": ["any_of"], "citation": ["doc"], "list": ["items"],
    "choice": ["answer"], "refusal": [],
}
UNITS = {"working_day", "day", "hour", "week", "month", "same_day"}
ITEM_FIELDS = ["id", "category", "kind", "legal_basis", "valid_as_of",
               "source", "review"]
# District-level names: an answer key must never point a citizen there.
DISTRICT = re.compile(r"cấp huyện|UBND huyện|công an huyện", re.I)
LOCAL_AGENCY = re.compile(r"cấp xã|xã|phường", re.I)
# The practice-set mix the brief asks for (issue 2 item 3).
MINIMUMS = {"items": 200, "categories": 10, "unanswerable": 20,
            "multiple_choice": 20, "conversation": 20, "variants": 25}
CITE_NUM = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ0-9-]+\d*", re.U)


class Lint:
    def __init__(self):
        self.errors = 0
        self.warnings = 0

    def error(self, where, msg):
        self.errors += 1
        print(f"{where}: error: {msg}")

    def warn(self, where, msg):
        self.warnings += 1
        print(f"{where}: warning: {msg}")


def strings_of(obj):
    """Every string inside a JSON value, for the NFC check."""
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, list):
        for x in obj:
            yield from strings_of(x)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from strings_of(v)


def check_fact(lint, where, f, kind, choices):
    t = f.get("type")
    if t not in FACT_FIELDS:
        lint.error(where, f'field "type": unknown fact type {t!r}')
        return
    for field in FACT_FIELDS[t]:
        if field not in f:
            lint.error(where, f'field "{field}": missing for a {t} fact')
            return
    if t in ("money", "duration"):
        vals = [f["value"]] + f.get("other_values", [])
        if any(not isinstance(v, (int, float)) or v < 0 for v in vals):
            lint.error(where, 'field "value": must be a number ≥ 0')
        if f["value"] in f.get("other_values", []):
            lint.error(where, 'field "other_values": repeats "value"')
    if t == "duration" and f["unit"] not in UNITS:
        lint.error(where, f'field "unit": unknown unit {f["unit"]!r}')
    if t in ("agency", "phrase", "refusal") and "any_of" in f:
        if not f["any_of"] or not all(isinstance(s, str) and s.strip()
                                      for s in f["any_of"]):
            lint.error(where, 'field "any_of": needs non-empty strings')
    if t == "choice":
        if kind != "multiple_choice":
            lint.error(where, "a choice fact outside a multiple_choice item")
        elif not choices or f["answer"] not in choices:
            lint.error(where, f'field "answer": {f["answer"]!r} is not a '
                              "key of choices")
    if t == "list":
        items = f["items"]
        if not items or not all(isinstance(a, list) and a for a in items):
            lint.error(where, 'field "items": an array of alias arrays')


def check_turn(lint, where, turn, kind, choices, stats):
    q = turn.get("question")
    if not isinstance(q, str) or not q.strip():
        lint.error(where, 'field "question": missing or empty')
    facts = turn.get("facts")
    if not isinstance(facts, list):
        lint.error(where, 'field "facts": missing or not an array')
        return
    if not facts:
        lint.warn(where, 'field "facts": empty, nothing to score')
    types = [f.get("type") for f in facts if isinstance(f, dict)]
    for i, f in enumerate(facts):
        if not isinstance(f, dict):
            lint.error(where, f'field "facts[{i}]": expected an object')
            continue
        check_fact(lint, f"{where}: facts[{i}]", f, kind, choices)
        stats["fact_types"][f.get("type")] += 1
    if kind == "unanswerable" and "refusal" not in types:
        lint.error(where, "an unanswerable item needs a refusal fact")
    if kind == "multiple_choice" and "choice" not in types:
        lint.error(where, "a multiple_choice item needs a choice fact")
    forbid = turn.get("forbid") or []
    for i, r in enumerate(forbid):
        if r.get("type") not in ("phrase", "money", "duration"):
            lint.error(where, f'field "forbid[{i}].type": {r.get("type")!r}')
    # A commune-level agency without the district forbid lets an outdated
    # answer pass; a question that itself names the district is exempt
    # because a right answer has to echo it.
    local = any(f.get("type") == "agency"
                and any(LOCAL_AGENCY.search(a) for a in f["any_of"])
                for f in facts if isinstance(f, dict) and "any_of" in f)
    guarded = any(DISTRICT.search(" ".join(r.get("any_of", [])))
                  for r in forbid)
    if local and not guarded and q and not DISTRICT.search(q) \
            and "huyện" not in q:
        lint.warn(where, "commune-level agency without a district forbid")


def check_item(lint, where, it, stats, seen):
    for field in ITEM_FIELDS:
        if field not in it:
            lint.error(where, f'field "{field}": missing')
            return
    iid, kind = it["id"], it["kind"]
    if iid in seen:
        lint.error(where, f'field "id": duplicate {iid!r} (line {seen[iid]})')
    seen[iid] = where.rsplit(":", 1)[-1]
    if not re.fullmatch(r"[a-z]+-\d{3}", iid):
        lint.warn(where, f'field "id": {iid!r} is not "prefix-NNN"')
    if kind not in KINDS:
        lint.error(where, f'field "kind": unknown kind {kind!r}')
        return
    if it["review"] not in ("reviewed", "unreviewed"):
        lint.error(where, f'field "review": {it["review"]!r}')
    try:
        datetime.date.fromisoformat(it["valid_as_of"])
    except (TypeError, ValueError):
        lint.error(where, 'field "valid_as_of": not YYYY-MM-DD')
    if not it["legal_basis"] or not isinstance(it["legal_basis"], list):
        lint.error(where, 'field "legal_basis": must name a document')
    if not str(it["source"]).strip():
        lint.error(where, 'field "source": empty')
    for s in strings_of(it):
        if unicodedata.normalize("NFC", s) != s:
            lint.error(where, f"text not in NFC: {s[:40]!r}")
            break
    choices = it.get("choices")
    if kind == "multiple_choice":
        if not isinstance(choices, dict) or sorted(choices) != list("ABCD"):
            lint.error(where, 'field "choices": needs the letters A–D')
        else:
            q = it.get("question", "")
            for letter, text in choices.items():
                if f"{letter}. {text}" not in q:
                    lint.warn(where, f"choice {letter} is not spelled out "
                                     "in the question text")
    if kind == "conversation":
        turns = it.get("turns")
        if not isinstance(turns, list) or not 2 <= len(turns) <= 4:
            lint.error(where, 'field "turns": a conversation has 2–4 turns')
            return
        for i, t in enumerate(turns):
            check_turn(lint, f"{where}: turns[{i}]", t, kind, choices, stats)
        nturns = len(turns)
    else:
        check_turn(lint, where, it, kind, choices, stats)
        nturns = 1
    for i, v in enumerate(it.get("variants", [])):
        texts = v.get("turns") or ([v["text"]] if "text" in v else [])
        if "type" not in v or len(texts) != nturns:
            lint.error(where, f'field "variants[{i}]": needs a type and one '
                              f"text per turn ({nturns})")
        stats["variant_types"][v.get("type")] += 1
    if it.get("variants"):
        stats["with_variants"] += 1
    stats["kinds"][kind] += 1
    stats["categories"][it["category"]] += 1
    stats["review"][it["review"]] += 1
    stats["items"] += 1


def check_domain(lint, path, items, domain_path):
    """Every citation number must occur in DOMAIN.md (no invented law)."""
    with open(domain_path, encoding="utf-8") as f:
        domain = unicodedata.normalize("NFC", f.read())
    for where, it in items:
        turns = it.get("turns") or [it]
        for t in turns:
            for fact in t.get("facts", []):
                if fact.get("type") != "citation":
                    continue
                for num in CITE_NUM.findall(fact["doc"]):
                    if num not in domain:
                        lint.error(where, f'citation "{num}" is not in '
                                          f"{domain_path}")


def check_file(lint, path, stats, seen, keep):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    first = True
    for n, line in enumerate(lines, 1):
        where = f"{path}:{n}"
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            lint.error(where, f"invalid JSON: {e}")
            continue
        if not isinstance(obj, dict):
            lint.error(where, "a line must be a JSON object")
        elif "testset" in obj:
            if not first:
                lint.error(where, 'field "testset": header not first')
            h = obj["testset"]
            for field in ("name", "version", "as_of", "visibility", "canary"):
                if field not in h:
                    lint.warn(where, f'header field "{field}" missing')
        else:
            check_item(lint, where, obj, stats, seen)
            keep.append((where, obj))
        first = False


def report(stats, minimums, lint):
    print(f"items: {stats['items']}")
    for name in ("kinds", "categories", "review", "variant_types"):
        rows = ", ".join(f"{k}={v}" for k, v in sorted(stats[name].items()))
        print(f"{name}: {rows}")
    print(f"items with hand-written variants: {stats['with_variants']}")
    if not minimums:
        return
    have = {"items": stats["items"], "categories": len(stats["categories"]),
            "unanswerable": stats["kinds"]["unanswerable"],
            "multiple_choice": stats["kinds"]["multiple_choice"],
            "conversation": stats["kinds"]["conversation"],
            "variants": stats["with_variants"]}
    for key, want in MINIMUMS.items():
        if have[key] < want:
            lint.error("minimums", f"{key}: {have[key]} < {want}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--minimums", action="store_true",
                    help="enforce the practice-set mix")
    ap.add_argument("--domain", help="DOMAIN.md to check citations against")
    args = ap.parse_args()
    lint = Lint()
    stats = {"items": 0, "with_variants": 0,
             **{k: collections.Counter() for k in
                ("kinds", "categories", "review", "variant_types",
                 "fact_types")}}
    seen, keep = {}, []
    for path in args.files:
        try:
            check_file(lint, path, stats, seen, keep)
        except (OSError, UnicodeDecodeError) as e:
            lint.error(path, str(e))
    if args.domain:
        check_domain(lint, args.files, keep, args.domain)
    report(stats, args.minimums, lint)
    print(f"{lint.errors} error(s), {lint.warnings} warning(s)")
    return 2 if lint.errors else 0


if __name__ == "__main__":
    sys.exit(main())
