#!/usr/bin/env python3
"""Lint for the realistic judgement corpus (tests/golden/realistic/README.md).

Python 3 stdlib only. Checks that every line is valid JSON of a known shape,
that every case names a key defined in its file, that keys are full question
set items in the version-2 schema (spec: KEYS.md, kept in the workspace) and
that the flags agree with the answer text; then prints the counts the README
quotes (per file, style, verdict, tag, key kind).

  python3 scripts/check-corpus.py tests/golden/realistic/*.jsonl

Errors name file:line and the field, and make the exit status 2. Warnings
never fail the run.
"""
import collections
import datetime
import json
import re
import statistics
import sys
import unicodedata

KINDS = {"procedure", "legal", "multiple_choice", "unanswerable"}
STYLES = {"portal", "llm", "callcentre", "chat", "english", "mixed", "short"}
CHANNELS = {"truc_tiep", "truc_tuyen", "buu_chinh"}
UNITS = {"working_day", "day", "hour", "week", "month", "same_day"}
ABOUT = {"money": {"fee", "fine", "total", "postage"},
         "duration": {"processing", "deadline", "validity", "extension",
                      "delivery", "step"}}
FACT_FIELDS = {"money": ["value"], "duration": ["value", "unit"],
               "agency": ["any_of"], "phrase": ["any_of"],
               "citation": ["doc"], "list": ["items"], "choice": ["answer"],
               "refusal": [], "polarity": ["value"], "date": ["value"]}
FORBID_TYPES = {"phrase", "money", "duration", "agency", "citation"}
ITEM_FIELDS = ["id", "category", "kind", "topic", "question", "facts",
               "legal_basis", "valid_as_of", "source", "review"]
CASE_FIELDS = {"case": str, "key": str, "answer": str, "correct": bool,
               "why": str, "style": str, "tags": list}
CASE_OPTIONAL = {"off_topic": bool, "unaccented": bool}
TOPIC_ID = re.compile(r"^[a-z0-9-]+$")
TAG = re.compile(r"^[a-z][a-z0-9_]*$")
LONG = 600  # characters: what the README calls a long answer


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
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, list):
        for x in obj:
            yield from strings_of(x)
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield k
            yield from strings_of(v)


def has_diacritics(text):
    """True when the text carries any Vietnamese mark (tone, hat, horn, đ)."""
    if "đ" in text.lower():
        return True
    return any(0x300 <= ord(c) <= 0x36F
               for c in unicodedata.normalize("NFD", text))


def is_date(s):
    try:
        datetime.date.fromisoformat(s)
        return isinstance(s, str) and len(s) == 10
    except (TypeError, ValueError):
        return False


def check_number(lint, where, v, field):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
        lint.error(where, f'field "{field}": must be a number ≥ 0')


def check_channel(lint, where, ch, field):
    if not isinstance(ch, dict) or not ch:
        lint.error(where, f'field "{field}": a non-empty object')
        return
    for k, v in ch.items():
        if k not in CHANNELS:
            lint.error(where, f'field "{field}": unknown channel {k!r}')
        check_number(lint, where, v, f"{field}.{k}")


def check_fact(lint, where, f, kind, choices, forbid=False):
    t = f.get("type")
    allowed = FORBID_TYPES if forbid else FACT_FIELDS
    if t not in allowed:
        lint.error(where, f'field "type": {t!r} not allowed here')
        return
    for field in FACT_FIELDS[t]:
        if field not in f:
            lint.error(where, f'field "{field}": missing for a {t} fact')
            return
    if "required" in f and not isinstance(f["required"], bool):
        lint.error(where, 'field "required": must be true or false')
    if t in ("money", "duration"):
        check_number(lint, where, f["value"], "value")
        for v in f.get("other_values", []):
            check_number(lint, where, v, "other_values")
        if "about" in f and f["about"] not in ABOUT[t]:
            lint.error(where, f'field "about": {f["about"]!r} is not one of '
                              f'{sorted(ABOUT[t])}')
        if "channel" in f:
            check_channel(lint, where, f["channel"], "channel")
        for i, c in enumerate(f.get("cases", [])):
            w = f'{where}: cases[{i}]'
            if not isinstance(c, dict) or not isinstance(c.get("name"), str):
                lint.error(w, 'field "name": missing')
                continue
            when = c.get("when")
            if not isinstance(when, list) or not when or \
                    not all(isinstance(s, str) and s.strip() for s in when):
                lint.error(w, 'field "when": needs non-empty strings')
            if "value" not in c and "channel" not in c:
                lint.error(w, 'a case needs "value" or "channel"')
            if "value" in c:
                check_number(lint, w, c["value"], "value")
            if "channel" in c:
                check_channel(lint, w, c["channel"], "channel")
    if t == "duration" and f["unit"] not in UNITS:
        lint.error(where, f'field "unit": unknown unit {f["unit"]!r}')
    if t in ("agency", "phrase", "refusal") and "any_of" in f:
        a = f["any_of"]
        if not isinstance(a, list) or not a or \
                not all(isinstance(s, str) and s.strip() for s in a):
            lint.error(where, 'field "any_of": needs non-empty strings')
    if t == "polarity" and f["value"] not in ("yes", "no"):
        lint.error(where, 'field "value": "yes" or "no"')
    if t == "date" and not is_date(f["value"]):
        lint.error(where, 'field "value": YYYY-MM-DD')
    if t == "choice":
        if kind != "multiple_choice":
            lint.error(where, "a choice fact outside a multiple_choice item")
        elif not choices or f["answer"] not in choices:
            lint.error(where, f'field "answer": {f["answer"]!r} is not a key '
                              "of choices")
    if t == "list":
        items = f["items"]
        if not isinstance(items, list) or not items or \
                not all(isinstance(a, list) and a for a in items):
            lint.error(where, 'field "items": an array of alias arrays')
    if t == "refusal":
        for i, a in enumerate(f.get("allowed", [])):
            if not isinstance(a, dict) or a.get("type") not in ("money",
                                                                "duration"):
                lint.error(f"{where}: allowed[{i}]",
                           "allowed facts are money or duration facts")
            else:
                check_fact(lint, f"{where}: allowed[{i}]", a, kind, choices)


def check_item(lint, where, it, topics):
    for field in ITEM_FIELDS:
        if field not in it:
            lint.error(where, f'field "item.{field}": missing')
    kind = it.get("kind")
    if kind not in KINDS:
        lint.error(where, f'field "item.kind": {kind!r}')
    topic = it.get("topic")
    if isinstance(topic, str):
        if topic not in topics:
            lint.error(where, f'field "item.topic": {topic!r} is not defined '
                              "in the file header")
    elif isinstance(topic, dict):
        if not all(k in topic for k in ("id", "name", "aliases")):
            lint.error(where, 'field "item.topic": needs id, name, aliases')
    elif "topic" in it:
        lint.error(where, 'field "item.topic": a string or an object')
    for field in ("valid_as_of", "valid_from", "valid_until"):
        if field in it and not is_date(it[field]):
            lint.error(where, f'field "item.{field}": YYYY-MM-DD')
    if "review" in it and it["review"] not in ("reviewed", "unreviewed"):
        lint.error(where, 'field "item.review": reviewed or unreviewed')
    choices = it.get("choices")
    if kind == "multiple_choice" and not isinstance(choices, dict):
        lint.error(where, 'field "item.choices": required for multiple_choice')
    facts = it.get("facts")
    if not isinstance(facts, list) or not facts:
        lint.error(where, 'field "item.facts": a non-empty array')
        facts = []
    types = []
    for i, f in enumerate(facts):
        if not isinstance(f, dict):
            lint.error(where, f'field "facts[{i}]": an object')
            continue
        types.append(f.get("type"))
        check_fact(lint, f"{where}: facts[{i}]", f, kind, choices)
    if kind == "unanswerable" and "refusal" not in types:
        lint.error(where, "an unanswerable item needs a refusal fact")
    if kind == "multiple_choice" and "choice" not in types:
        lint.error(where, "a multiple_choice item needs a choice fact")
    for i, r in enumerate(it.get("forbid") or []):
        if not isinstance(r, dict):
            lint.error(where, f'field "forbid[{i}]": an object')
            continue
        check_fact(lint, f"{where}: forbid[{i}]", r, kind, choices,
                   forbid=True)


def check_header(lint, where, obj):
    topics = obj.get("topics") if isinstance(obj, dict) else None
    if not isinstance(topics, dict) or not topics:
        lint.error(where, 'the first line must be {"topics": {...}}')
        return {}
    if len(topics) < 2:
        lint.warn(where, "one topic only: off-topic answers cannot be judged")
    for tid, t in topics.items():
        if not TOPIC_ID.match(tid):
            lint.error(where, f'field "topics": bad id {tid!r}')
        if not isinstance(t, dict) or not isinstance(t.get("name"), str):
            lint.error(where, f'field "topics.{tid}.name": missing')
            continue
        al = t.get("aliases")
        if not isinstance(al, list) or not al or \
                not all(isinstance(a, str) and a.strip() for a in al):
            lint.error(where, f'field "topics.{tid}.aliases": non-empty '
                              "strings")
    return topics


def check_case(lint, where, c, keys, stats, titles):
    for field, typ in CASE_FIELDS.items():
        if not isinstance(c.get(field), typ):
            lint.error(where, f'field "{field}": missing or not '
                              f'{typ.__name__}')
            return
    for field, typ in CASE_OPTIONAL.items():
        if field in c and not isinstance(c[field], typ):
            lint.error(where, f'field "{field}": must be {typ.__name__}')
    extra = set(c) - set(CASE_FIELDS) - set(CASE_OPTIONAL)
    if extra:
        lint.error(where, f"unknown fields {sorted(extra)}")
    if c["case"] in titles:
        lint.error(where, f'field "case": duplicate title {c["case"]!r}')
    titles.add(c["case"])
    if c["key"] not in keys:
        lint.error(where, f'field "key": {c["key"]!r} is not defined in this '
                          "file")
        return
    if c["style"] not in STYLES:
        lint.error(where, f'field "style": {c["style"]!r}')
    if not c["answer"].strip() or not c["why"].strip():
        lint.error(where, 'fields "answer" and "why" must not be empty')
    for t in c["tags"]:
        if not isinstance(t, str) or not TAG.match(t):
            lint.error(where, f'field "tags": bad tag {t!r}')
    if c.get("off_topic") and c["correct"]:
        lint.error(where, "an off_topic answer cannot be correct")
    if c.get("off_topic") and "off_topic" not in c["tags"]:
        lint.warn(where, 'off_topic flag without the "off_topic" tag')
    plain = not has_diacritics(c["answer"])
    if c.get("unaccented") and not plain:
        lint.error(where, 'field "unaccented": the answer has diacritics')
    if plain and not c.get("unaccented") and c["style"] != "english":
        lint.warn(where, 'answer without diacritics lacks "unaccented"')
    kind = keys[c["key"]].get("kind")
    stats["kind"][kind] += 1
    stats["style"][c["style"]] += 1
    stats["verdict"]["correct" if c["correct"] else "wrong"] += 1
    for t in c["tags"]:
        stats["tag"][t] += 1
    if c.get("off_topic"):
        stats["flag"]["off_topic"] += 1
    if c.get("unaccented"):
        stats["flag"]["unaccented"] += 1
    stats["lengths"].append(len(c["answer"]))


def check_file(lint, path, stats, all_ids, all_keys):
    keys = {}
    titles = set()
    used = set()
    ncase = collections.Counter()
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        lint.error(path, str(e))
        return
    with f:
        topics = None
        for n, line in enumerate(f, 1):
            where = f"{path}:{n}"
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                lint.error(where, f"invalid JSON: {e}")
                continue
            for s in strings_of(obj):
                if unicodedata.normalize("NFC", s) != s:
                    lint.error(where, f"string not NFC: {s[:40]!r}")
                    break
            if topics is None:
                topics = check_header(lint, where, obj)
                continue
            if not isinstance(obj, dict):
                lint.error(where, "expected an object")
            elif "comment" in obj and len(obj) == 1:
                continue
            elif "key" in obj and "item" in obj and "case" not in obj:
                name = obj["key"]
                if not isinstance(name, str) or not name:
                    lint.error(where, 'field "key": a non-empty string')
                    continue
                if name in keys:
                    lint.error(where, f'field "key": {name!r} defined twice')
                if name in all_keys:
                    lint.warn(where, f'key {name!r} also defined in '
                                     f'{all_keys[name]}')
                all_keys.setdefault(name, path)
                it = obj["item"]
                if not isinstance(it, dict):
                    lint.error(where, 'field "item": an object')
                    continue
                if "synthetic" in obj and not isinstance(obj["synthetic"],
                                                         bool):
                    lint.error(where, 'field "synthetic": true or false')
                check_item(lint, where, it, topics)
                iid = it.get("id")
                if iid in all_ids:
                    lint.error(where, f'field "item.id": {iid!r} duplicates '
                                      f'{all_ids[iid]}')
                all_ids.setdefault(iid, where)
                keys[name] = it
            elif "case" in obj:
                before = stats["verdict"].copy()
                check_case(lint, where, obj, keys, stats, titles)
                used.add(obj.get("key"))
                ncase.update(stats["verdict"] - before)
            else:
                lint.error(where, "neither a key, a case nor a comment")
        if topics is None:
            lint.error(path, "empty file")
    for k in keys:
        if k not in used:
            lint.warn(path, f"key {k!r} is used by no case")
    stats["files"][path] = (len(keys), ncase["correct"], ncase["wrong"])


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[0])
        print("usage: check-corpus.py FILE.jsonl...")
        return 2
    lint = Lint()
    stats = {"kind": collections.Counter(), "style": collections.Counter(),
             "verdict": collections.Counter(), "tag": collections.Counter(),
             "flag": collections.Counter(), "lengths": [], "files": {}}
    all_ids, all_keys = {}, {}
    for path in argv[1:]:
        check_file(lint, path, stats, all_ids, all_keys)

    def show(title, counter):
        print(f"{title}: " + ", ".join(f"{k} {v}" for k, v in
                                        counter.most_common()))

    total = sum(stats["verdict"].values())
    print(f"{'file':48} keys correct wrong")
    for path, (k, ok, bad) in stats["files"].items():
        print(f"{path:48} {k:4} {ok:7} {bad:5}")
    print(f"cases: {total}")
    show("verdict", stats["verdict"])
    show("style", stats["style"])
    show("key kind", stats["kind"])
    show("flags", stats["flag"])
    show("tags", stats["tag"])
    if stats["lengths"]:
        ls = stats["lengths"]
        long = sum(1 for x in ls if x >= LONG)
        print(f"answer length: median {statistics.median(ls):.0f} chars, "
              f"{long} of {len(ls)} at least {LONG} chars")
    print(f"{lint.errors} errors, {lint.warnings} warnings")
    return 2 if lint.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
