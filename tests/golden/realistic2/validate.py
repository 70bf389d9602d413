#!/usr/bin/env python3
"""Check the realistic2 judgement corpus: every line parses, every case names
a key of its file, every item has the v2 fields, all text is NFC, the
`unaccented` flag agrees with the text, and no citation number appears that
DOMAIN.md does not give. Prints the counts the README reports.

Usage: python3 tests/golden/realistic2/validate.py [FILE.jsonl ...]
Exit 1 on the first file with errors (all errors of that run are printed).
"""
import collections
import glob
import json
import os
import re
import sys
import unicodedata

KINDS = {"procedure", "legal", "multiple_choice", "unanswerable", "conversation"}
STYLES = {"portal", "llm", "callcentre", "chat", "english", "mixed", "short", "html"}
FACTS = {"money", "duration", "agency", "phrase", "citation", "list", "choice",
         "refusal", "polarity", "date"}
CHANNELS = {"truc_tiep", "truc_tuyen", "buu_chinh"}
UNITS = {"working_day", "day", "hour", "week", "month", "same_day"}
# Document numbers DOMAIN.md gives (§1, §3): nothing else may be keyed.
DOMAIN_NUMBERS = {"75/2022/TT-BTC", "226/2016/TT-BTC", "23/2015/NĐ-CP", "123/2015/NĐ-CP",
                  "25/2021/TT-BTC", "63/2023/TT-BTC", "116/2025/QH15", "24/2018/QH14",
                  "20/2023/QH15", "24/2023/QH15", "60/2014/QH13", "28/2009/QH12",
                  "202/2025/QH15", "176/2025/QH15", "120/2025/NĐ-CP", "2353/QĐ-BTC"}
NUM_RE = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ]+[A-ZĐ0-9-]*")
TOPIC_RE = re.compile(r"^[a-z0-9-]+$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def has_diacritics(text):
    if "đ" in text or "Đ" in text:
        return True
    return any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", text))


def strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


class Checker:
    def __init__(self):
        self.errors = []
        self.ids = set()
        self.cases = []          # (file, kind, case)

    def err(self, where, msg):
        self.errors.append(f"{where}: {msg}")

    def check_fact(self, where, f, forbid=False):
        t = f.get("type")
        if t not in FACTS:
            self.err(where, f"unknown fact type {t!r}")
            return
        if t == "money":
            if not isinstance(f.get("value"), int):
                self.err(where, "money value must be an integer")
            for ch in list(f.get("channel", {})) + [c for cs in f.get("cases", [])
                                                     for c in cs.get("channel", {})]:
                if ch not in CHANNELS:
                    self.err(where, f"unknown channel {ch!r}")
            for cs in f.get("cases", []):
                if not cs.get("name") or not cs.get("when"):
                    self.err(where, "a case needs name and when")
        elif t == "duration":
            if f.get("unit") not in UNITS:
                self.err(where, f"unknown unit {f.get('unit')!r}")
        elif t == "date":
            if not DATE_RE.match(str(f.get("value", ""))):
                self.err(where, "date value must be YYYY-MM-DD")
        elif t == "polarity":
            if f.get("value") not in ("yes", "no"):
                self.err(where, "polarity value must be yes or no")
        elif t in ("agency", "phrase"):
            if not f.get("any_of"):
                self.err(where, f"{t} needs any_of")
        elif t == "citation":
            if not f.get("doc"):
                self.err(where, "citation needs doc")
        elif t == "list":
            if not f.get("items"):
                self.err(where, "list needs items")
        elif t == "refusal" and forbid:
            self.err(where, "refusal cannot be a forbid rule")
        for allowed in f.get("allowed", []):
            if allowed.get("type") not in ("money", "duration"):
                self.err(where, "refusal allowed facts are money or duration")

    def check_item(self, where, item, topics):
        for field in ("id", "category", "kind", "topic", "question", "facts", "legal_basis",
                      "valid_as_of", "source", "review"):
            if field not in item:
                self.err(where, f"item lacks {field}")
        if item.get("id") in self.ids:
            self.err(where, f"duplicate id {item.get('id')}")
        self.ids.add(item.get("id"))
        if item.get("kind") not in KINDS:
            self.err(where, f"unknown kind {item.get('kind')!r}")
        if item.get("topic") not in topics:
            self.err(where, f"topic {item.get('topic')!r} not in the file header")
        for d in ("valid_as_of", "valid_from", "valid_until"):
            if d in item and not DATE_RE.match(item[d]):
                self.err(where, f"{d} must be YYYY-MM-DD")
        facts = item.get("facts", [])
        for f in facts:
            self.check_fact(where, f)
        for f in item.get("forbid", []):
            self.check_fact(where, f, forbid=True)
        if item.get("kind") == "multiple_choice":
            ch = item.get("choices", {})
            ans = [f.get("answer") for f in facts if f.get("type") == "choice"]
            if len(ans) != 1 or ans[0] not in ch:
                self.err(where, "multiple choice needs one choice fact naming a letter of choices")
            for letter, text in ch.items():
                if f"{letter}. {text}" not in item.get("question", ""):
                    self.err(where, f"choice {letter} is not spelled out in the question")
        if item.get("kind") == "unanswerable" and not any(f.get("type") == "refusal" for f in facts):
            self.err(where, "unanswerable item needs a refusal fact")
        keyed = [f.get("doc", "") for f in facts + item.get("forbid", [])] + item.get("legal_basis", [])
        for text in keyed:
            for num in NUM_RE.findall(text):
                if num not in DOMAIN_NUMBERS:
                    self.err(where, f"document number {num} is not in DOMAIN.md")

    def check_case(self, where, c, keys):
        for field in ("case", "key", "answer", "correct", "why", "style", "tags"):
            if field not in c:
                self.err(where, f"case lacks {field}")
        if c.get("key") not in keys:
            self.err(where, f"case names undefined key {c.get('key')!r}")
            return None
        if not isinstance(c.get("correct"), bool):
            self.err(where, "correct must be true or false")
        if c.get("style") not in STYLES:
            self.err(where, f"unknown style {c.get('style')!r}")
        if not isinstance(c.get("tags"), list) or not all(isinstance(t, str) for t in c["tags"]):
            self.err(where, "tags must be a list of strings")
        if c.get("off_topic") and c.get("correct"):
            self.err(where, "an off_topic case cannot be correct")
        ans = c.get("answer", "")
        if not ans.strip():
            self.err(where, "empty answer")
        if c.get("unaccented") and has_diacritics(ans):
            self.err(where, "flagged unaccented but the answer has diacritics")
        if (not c.get("unaccented") and not has_diacritics(ans)
                and c.get("style") != "english" and not re.fullmatch(r"[A-D]", ans.strip())
                and re.search(r"[A-Za-z]", ans)):
            self.err(where, "answer has no diacritics: flag it unaccented or mark it english")
        return keys[c["key"]]

    def check_file(self, path):
        name = os.path.basename(path)
        keys, used = {}, collections.Counter()
        with open(path, encoding="utf-8") as fh:
            lines = [l for l in fh.read().split("\n") if l.strip()]
        topics = {}
        for n, line in enumerate(lines, 1):
            where = f"{name}:{n}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                self.err(where, f"invalid JSON: {e}")
                continue
            for s in strings(obj):
                if unicodedata.normalize("NFC", s) != s:
                    self.err(where, f"text not NFC: {s[:40]!r}")
            if n == 1:
                if set(obj) != {"topics"}:
                    self.err(where, "first line must be the topics header")
                    continue
                topics = obj["topics"]
                for tid, t in topics.items():
                    if not TOPIC_RE.match(tid) or not t.get("name") or not t.get("aliases"):
                        self.err(where, f"topic {tid!r} needs an id, a name and aliases")
            elif "key" in obj and "item" in obj:
                if obj["key"] in keys:
                    self.err(where, f"duplicate key {obj['key']}")
                keys[obj["key"]] = obj["item"]
                self.check_item(where, obj["item"], topics)
            elif "case" in obj:
                item = self.check_case(where, obj, keys)
                if item is not None:
                    used[obj["key"]] += 1
                    self.cases.append((name, item.get("kind"), obj))
            else:
                self.err(where, "line is neither header, key nor case")
        for k in keys:
            if not used[k]:
                self.err(name, f"key {k} has no case")


def report(cases):
    total = len(cases)
    wrong = sum(1 for *_, c in cases if not c["correct"])
    print(f"{total} cases, {total - wrong} correct, {wrong} wrong")
    by_file = collections.Counter((f, c["correct"]) for f, _, c in cases)
    for f in sorted({f for f, *_ in cases}):
        print(f"  {f}: {by_file[(f, True)] + by_file[(f, False)]} "
              f"({by_file[(f, True)]} correct, {by_file[(f, False)]} wrong)")
    print("style:", dict(collections.Counter(c["style"] for *_, c in cases).most_common()))
    print("kind:", dict(collections.Counter(k for _, k, _ in cases).most_common()))
    print("off_topic:", sum(1 for *_, c in cases if c.get("off_topic")),
          " unaccented:", sum(1 for *_, c in cases if c.get("unaccented")))
    print("tags:", dict(collections.Counter(t for *_, c in cases for t in c["tags"]).most_common()))


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv[1:] or sorted(glob.glob(os.path.join(here, "*.jsonl")))
    ck = Checker()
    for path in files:
        ck.check_file(path)
    for e in ck.errors:
        print(e, file=sys.stderr)
    report(ck.cases)
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
