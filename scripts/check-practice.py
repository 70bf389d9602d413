#!/usr/bin/env python3
"""Authoring lint and source audit for question sets, Python 3 stdlib only.

The authoritative validator is `vabench testset check`; this script catches
authoring mistakes it does not look for, prints the counts that
testsets/practice/README.md quotes, and with --audit enforces the review
policy against testsets/practice/SOURCES.md:

  scripts/check-practice.py testsets/practice/*.jsonl
  scripts/check-practice.py --audit testsets/practice/*.jsonl
  scripts/check-practice.py --minimums --domain ../shared/reference/DOMAIN.md \
      testsets/practice/*.jsonl

Errors (exit 2) name file:line and the field. Warnings never fail the run.
"""
import argparse
import collections
import datetime
import json
import os
import re
import sys
import unicodedata

KINDS = {"procedure", "legal", "multiple_choice", "unanswerable",
         "conversation"}
FACT_FIELDS = {  # type -> fields that must be present
    "money": ["value"], "duration": ["value", "unit"], "agency": ["any_of"],
    "phrase": ["any_of"], "citation": ["doc"], "list": ["items"],
    "choice": ["answer"], "refusal": [], "polarity": ["value"],
    "date": ["value"],
}
FORBID_TYPES = {"phrase", "money", "duration", "agency", "citation"}
UNITS = {"working_day", "day", "hour", "week", "month", "same_day"}
CHANNELS = {"truc_tiep", "truc_tuyen", "buu_chinh"}
ABOUT = {"money": {"fee", "fine", "total", "postage"},
         "duration": {"processing", "deadline", "validity", "extension",
                      "delivery", "step"}}
ITEM_FIELDS = ["id", "category", "kind", "legal_basis", "valid_as_of",
               "source", "review"]
# Aliases every answer uses cannot tell one procedure from another.
GENERIC_ALIASES = {"đăng ký", "hồ sơ", "lệ phí", "thủ tục", "phí", "giấy tờ"}
# District-level names: an answer key must never point a citizen there.
DISTRICT = re.compile(r"cấp huyện|UBND huyện|công an huyện", re.I)
LOCAL_AGENCY = re.compile(r"cấp xã|xã|phường", re.I)
# The practice-set mix (issue 14): 400 items over at least 20 procedures,
# trivia at most 15 %, with both files (practice.jsonl and ict.jsonl).
MINIMUMS = {"items": 400, "topics": 20, "categories": 10, "unanswerable": 20,
            "multiple_choice": 20, "conversation": 20, "variants": 25}
MAX_TRIVIA = 0.15
CITE_NUM = re.compile(r"\d+/(?:\d{4}/)?[A-ZĐ0-9-]+\d*", re.U)
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
OK_CONF = {"high", "medium"}


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


def is_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return False
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def turns_of(it):
    return it.get("turns") or [it]


def facts_of(it):
    """Every fact of an item, with the facts a refusal allows."""
    for t in turns_of(it):
        for f in t.get("facts", []) or []:
            if isinstance(f, dict):
                yield f
                for g in f.get("allowed", []) or []:
                    if isinstance(g, dict):
                        yield g


def source_ids(f, it):
    s = f.get("source", it.get("sources"))
    if s is None:
        return []
    return [s] if isinstance(s, str) else list(s)


# ---- facts -----------------------------------------------------------------

def check_numbers(lint, where, f):
    t = f["type"]
    vals = [f["value"]] + list(f.get("other_values", []))
    for ch, v in (f.get("channel") or {}).items():
        if ch not in CHANNELS:
            lint.error(where, f'field "channel": unknown channel {ch!r}')
        vals.append(v)
    for i, c in enumerate(f.get("cases") or []):
        if not isinstance(c, dict) or not c.get("name") or \
                not isinstance(c.get("when"), list) or not c["when"] or \
                ("value" not in c and "channel" not in c):
            lint.error(where, f'field "cases[{i}]": needs name, when (cue '
                              'phrases) and value or channel')
            continue
        if "value" in c:
            vals.append(c["value"])
        for ch, v in (c.get("channel") or {}).items():
            if ch not in CHANNELS:
                lint.error(where, f'field "cases[{i}].channel": unknown '
                                  f"channel {ch!r}")
            vals.append(v)
    if any(not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0
           for v in vals):
        lint.error(where, 'field "value": amounts must be numbers ≥ 0')
    if f["value"] in f.get("other_values", []):
        lint.error(where, 'field "other_values": repeats "value"')
    if "about" in f and f["about"] not in ABOUT[t]:
        lint.error(where, f'field "about": {f["about"]!r} is not one of '
                          f"{sorted(ABOUT[t])}")


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
        check_numbers(lint, where, f)
    if t == "duration" and f["unit"] not in UNITS:
        lint.error(where, f'field "unit": unknown unit {f["unit"]!r}')
    if t in ("agency", "phrase", "refusal") and "any_of" in f:
        if not f["any_of"] or not all(isinstance(s, str) and s.strip()
                                      for s in f["any_of"]):
            lint.error(where, 'field "any_of": needs non-empty strings')
    if t == "polarity" and f["value"] not in ("yes", "no"):
        lint.error(where, 'field "value": a polarity is "yes" or "no"')
    if t == "date" and not is_date(f["value"]):
        lint.error(where, 'field "value": not a date YYYY-MM-DD')
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
    s = f.get("source")
    if s is not None and not (isinstance(s, str) or (
            isinstance(s, list) and s and all(isinstance(x, str) for x in s))):
        lint.error(where, 'field "source": a string or an array of strings')


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
        for j, g in enumerate(f.get("allowed", []) or []):
            check_fact(lint, f"{where}: facts[{i}].allowed[{j}]", g, kind,
                       choices)
        stats["fact_types"][f.get("type")] += 1
    if kind == "unanswerable" and "refusal" not in types:
        lint.error(where, "an unanswerable item needs a refusal fact")
    if kind == "multiple_choice" and "choice" not in types:
        lint.error(where, "a multiple_choice item needs a choice fact")
    forbid = turn.get("forbid") or []
    for i, r in enumerate(forbid):
        if r.get("type") not in FORBID_TYPES:
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
            and "huyện" not in q and "quận" not in q:
        lint.warn(where, "commune-level agency without a district forbid")


def check_window(lint, where, it):
    vf, vu = it.get("valid_from"), it.get("valid_until")
    for name, v in (("valid_from", vf), ("valid_until", vu)):
        if v is not None and not is_date(v):
            lint.error(where, f'field "{name}": not a date YYYY-MM-DD')
    if is_date(vf) and is_date(vu) and vf > vu:
        lint.error(where, f'field "valid_until": {vu} is before valid_from '
                          f"{vf}")


def valid_on(it, day):
    vf, vu = it.get("valid_from"), it.get("valid_until")
    return (vf is None or vf <= day) and (vu is None or day <= vu)


def check_item(lint, where, it, stats, seen, topics):
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
    if not is_date(it["valid_as_of"]):
        lint.error(where, 'field "valid_as_of": not YYYY-MM-DD')
    check_window(lint, where, it)
    if not it["legal_basis"] or not isinstance(it["legal_basis"], list):
        lint.error(where, 'field "legal_basis": must name a document')
    if not str(it["source"]).strip():
        lint.error(where, 'field "source": empty')
    top = it.get("topic")
    if isinstance(top, dict):
        if not top.get("id") or not top.get("name"):
            lint.error(where, 'field "topic": an inline topic needs id and '
                              "name")
        top = top.get("id")
    if top is None:
        if topics is not None:
            lint.error(where, 'field "topic": missing (the header defines '
                              "topics)")
    elif topics is not None and top not in topics and \
            not isinstance(it.get("topic"), dict):
        lint.error(where, f'field "topic": {top!r} is not defined in the '
                          "header")
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
    if len(it.get("variants", [])) >= 2:
        stats["two_variants"] += 1
    if it.get("variants"):
        stats["with_variants"] += 1
    stats["kinds"][kind] += 1
    stats["categories"][it["category"]] += 1
    stats["review"][it["review"]] += 1
    stats["topics"][top] += 1
    if is_trivia(it):
        stats["trivia"] += 1
    stats["items"] += 1


# ---- trivia ----------------------------------------------------------------

LAWNUM = re.compile(r"\d+/\d{4}/(QH|NĐ|TT|QĐ|NQ)", re.I)
YEARISH = re.compile(r"^(năm )?(19|20)\d\d$|^khóa|^QH\d|^thứ mười", re.I)


def trivial_fact(f, choices):
    t = f.get("type")
    if t == "citation":
        return True
    if t == "agency":
        return all(a.startswith("Bộ ") or a.startswith("BCA") for a in
                   f["any_of"])
    if t == "phrase":
        return all(YEARISH.search(a.strip()) or LAWNUM.search(a)
                   for a in f["any_of"])
    if t == "choice" and choices:
        text = choices.get(f["answer"], "")
        return bool(LAWNUM.search(text) or YEARISH.search(text.strip())
                    or text.startswith("Bộ ") or text.startswith("Luật "))
    return False


def is_trivia(it):
    """A law-number, year or "which ministry" question: every required
    fact of every turn is a citation, a year, a ministry or such a choice.
    The reorganisation quiz (category to-chuc-bo-may) counts as trivia
    whatever its facts, except refusals and re-kinded procedures."""
    if it.get("kind") == "unanswerable":
        return False
    if it.get("category") == "to-chuc-bo-may" and it.get("kind") != "procedure":
        return True
    req = [f for t in turns_of(it) for f in t.get("facts", [])
           if isinstance(f, dict) and f.get("required", True)
           and f.get("type") not in ("polarity",)]
    return bool(req) and all(trivial_fact(f, it.get("choices")) for f in req)


# ---- sources ---------------------------------------------------------------

NUM = re.compile(r"(?<![\w/])(\d{1,3}(?:\.\d{3})+|\d+)(?![\w/])")
UNIT_WORDS = [("ngày làm việc", "working_day"), ("working_day", "working_day"),
              ("same_day", "same_day"), ("ngày", "day"), ("day", "day"),
              ("giờ", "hour"), ("hour", "hour"), ("tuần", "week"),
              ("week", "week"), ("tháng", "month"), ("month", "month")]


ABBR = [("ubnd", "ủy ban nhân dân"), ("hđnd", "hội đồng nhân dân"),
        ("uỷ", "ủy")]


def norm(s):
    s = unicodedata.normalize("NFC", s).casefold()
    for a, b in ABBR:
        s = re.sub(r"(?<!\w)" + a + r"(?!\w)", b, s)
    return re.sub(r"\s+", " ", s).strip()


def parse_value_text(text):
    """Numbers, (number, unit) pairs, document numbers and words of a
    SOURCES.md value cell."""
    numbers, pairs = set(), set()
    low = norm(text)
    for m in NUM.finditer(low):
        n = int(m.group(1).replace(".", ""))
        numbers.add(n)
        rest = low[m.end():].lstrip()
        for w, u in UNIT_WORDS:
            if rest.startswith(w):
                pairs.add((n, u))
                break
    if re.search(r"miễn|free|(?<![\w.])0(?![\w.])", low):
        numbers.add(0)
    docs = {canon_doc(d) for d in CITE_NUM.findall(text)}
    words = {norm(x) for x in re.split(r"[;\n]", text) if x.strip()}
    return numbers, pairs, docs, words


def canon_doc(s):
    s = unicodedata.normalize("NFC", s).upper().replace("Đ", "D")
    s = re.sub(r"\s+", "", s)
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", s)


class Entry:
    def __init__(self, sid, claim, values, confidence, where, title=""):
        self.id, self.claim, self.values = sid, claim, values
        self.confidence = confidence.strip().lower()
        self.where = where
        self.numbers, self.pairs, self.docs, self.words = \
            parse_value_text(values)
        # a document named in the claim is a value too (the claim says
        # which text the fact was read in)
        self.docs |= {canon_doc(d) for d in CITE_NUM.findall(claim + " "
                                                             + title)}
        self.text = norm(claim + " ; " + values)


def split_row(line):
    cells = line.strip().strip("|").split("|")
    return [c.strip() for c in cells]


def load_sources(lint, path):
    """Entries from tables (a header row naming id, claim, value(s),
    confidence) and from '#### S-id' blocks with '- field: value' bullets;
    replaced documents from the table under a '## Replaced documents'
    heading."""
    entries, replaced = {}, []
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
    except OSError as e:
        lint.error(path, str(e))
        return entries, replaced
    cols, in_replaced, block = None, False, None

    def add(e):
        if e.id in entries:
            lint.error(e.where, f"source {e.id!r} defined twice (first at "
                                f"{entries[e.id].where})")
        entries[e.id] = e

    def close_block():
        nonlocal block
        if block:
            b = block
            add(Entry(b["id"], b.get("claim", ""), b.get("value", ""),
                      b.get("confidence", ""), b["where"], b.get("source", "")))
        block = None

    for n, line in enumerate(lines, 1):
        where = f"{path}:{n}"
        if line.startswith("#"):
            close_block()
            cols = None
            if line.startswith("## "):
                in_replaced = "replaced" in line.lower()
            m = re.match(r"^#{3,4}\s+(S-[\w.-]+)\s*$", line)
            if m:
                block = {"id": m.group(1), "where": where}
            continue
        if block is not None:
            m = re.match(r"^-\s*(\w[\w ]*?)s?:\s*(.*)$", line)
            if m:
                key = {"value": "value", "confidence": "confidence",
                       "claim": "claim", "source": "source"}.get(
                           m.group(1).strip().lower())
                block["_last"] = key
                if key:
                    block[key] = m.group(2)
            elif line.startswith("  ") and block.get("_last"):
                block[block["_last"]] += " " + line.strip()
            continue
        if not line.startswith("|"):
            cols = None
            continue
        cells = split_row(line)
        if cols is None:
            cols = [norm(c) for c in cells]
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        row = dict(zip(cols, cells))
        if in_replaced and "document" in row:
            replaced.append({"doc": row["document"], "by": row.get(
                "replaced by", ""), "from": row.get("from", "?"),
                "where": where})
            continue
        if "id" in row:
            val = row.get("values", row.get("value(s)", row.get("value", "")))
            add(Entry(row["id"], row.get("claim", ""), val,
                      row.get("confidence", ""), where,
                      row.get("source title", "")))
    close_block()
    for e in entries.values():
        if e.confidence not in ("high", "medium", "low"):
            lint.error(e.where, f"source {e.id!r}: confidence "
                                f"{e.confidence!r} is not high, medium or low")
    return entries, replaced


def fact_numbers(f):
    vals = [f["value"]] + list(f.get("other_values", []))
    vals += list((f.get("channel") or {}).values())
    for c in f.get("cases") or []:
        if "value" in c:
            vals.append(c["value"])
        vals += list((c.get("channel") or {}).values())
    return [v for v in vals if isinstance(v, (int, float))]


def value_mismatch(f, ents, choices):
    """None when the keyed value agrees with the entries, else a reason."""
    t = f["type"]
    nums = set().union(*(e.numbers for e in ents))
    pairs = set().union(*(e.pairs for e in ents))
    text = " ; ".join(e.text for e in ents)
    if t == "money":
        bad = [v for v in fact_numbers(f) if int(v) not in nums]
        if bad:
            return f"amount(s) {bad} not among the entries' values"
    elif t == "duration":
        unit = f["unit"]
        for v in fact_numbers(f):
            if (int(v), unit) in pairs:
                continue
            if not any(u == unit for _, u in pairs) and int(v) in nums:
                continue
            return f"duration {v} {unit} not among the entries' values"
    elif t == "citation":
        want = {canon_doc(d) for d in CITE_NUM.findall(f["doc"])}
        have = set().union(*(e.docs for e in ents))
        if want and not want <= have:
            return f"document {f['doc']!r} not among the entries' values"
    elif t == "date":
        if f["value"] not in text:
            return f"date {f['value']} not among the entries' values"
    elif t == "polarity":
        words = set().union(*(e.words for e in ents))
        if ({"yes", "no"} & words) and f["value"] not in words:
            return f"polarity {f['value']!r} not among the entries' values"
    elif t in ("agency", "phrase"):
        words = set().union(*(e.words for e in ents))
        if not any(norm(a) in text or any(len(w) > 2 and w in norm(a)
                                          for w in words)
                   for a in f["any_of"]):
            return "no alias of the fact occurs in the entries"
    elif t == "list":
        if not any(norm(a) in text for al in f["items"] for a in al):
            return "no listed item occurs in the entries"
    elif t == "choice" and choices:
        opt = choices.get(f["answer"], "")
        onum = {int(m.group(1).replace(".", "")) for m in NUM.finditer(opt)}
        if re.search(r"miễn", norm(opt)):
            onum.add(0)
        odoc = {canon_doc(d) for d in CITE_NUM.findall(opt)}
        if odoc:
            if not odoc <= set().union(*(e.docs for e in ents)):
                return f"option {f['answer']} ({opt}) not among the entries"
        elif onum:
            ok = onum <= nums or any((n, u) in pairs for n in onum
                                     for u in ("working_day", "day"))
            if not ok:
                return f"option {f['answer']} ({opt}) not among the entries"
        elif norm(opt) not in text and not any(
                w and w in norm(opt) for e in ents for w in e.words):
            return f"option {f['answer']} ({opt}) not among the entries"
    return None


def audit(lint, files, sources_path):
    """The review policy of testsets/practice/README.md, enforced."""
    by_dir = {}
    for path, header, items in files:
        sp = sources_path or os.path.join(os.path.dirname(path) or ".",
                                          "SOURCES.md")
        if sp not in by_dir:
            by_dir[sp] = load_sources(lint, sp)
        entries, replaced = by_dir[sp]
        as_of = (header or {}).get("as_of")
        if not is_date(as_of):
            lint.error(f"{path}:1", 'header field "as_of": an audited set '
                                    "needs the date it is valid for")
            as_of = None
        for where, it in items:
            audit_item(lint, where, it, entries, replaced, as_of)


def audit_item(lint, where, it, entries, replaced, as_of):
    if as_of and not valid_on(it, as_of):
        lint.error(where, f"item {it['id']!r} is not valid on the set's "
                          f"as_of {as_of} (valid {it.get('valid_from', '')}.."
                          f"{it.get('valid_until', '')})")
    reviewed = it.get("review") == "reviewed"
    choices = it.get("choices")
    for t in turns_of(it):
        for f in list(facts_of({"facts": t.get("facts", [])})) + \
                list(t.get("forbid") or []):
            if not isinstance(f, dict):
                continue
            ids = source_ids(f, it)
            for sid in ids:
                if sid not in entries:
                    lint.error(where, f"{f.get('type')} fact: source {sid!r} "
                                      "is not in SOURCES.md")
            is_forbid = f in (t.get("forbid") or [])
            if f.get("type") == "citation" and not is_forbid:
                check_replaced(lint, where, it, f["doc"], replaced)
            if f.get("type") == "choice" and choices:
                check_replaced(lint, where, it, choices.get(f["answer"], ""),
                               replaced)
            if not reviewed or is_forbid or f.get("type") == "refusal":
                continue
            if not ids:
                lint.error(where, f"reviewed item: {f.get('type')} fact has no "
                                  "source id")
                continue
            ents = [entries[s] for s in ids if s in entries]
            if len(ents) != len(ids):
                continue
            low = [e.id for e in ents if e.confidence not in OK_CONF]
            if low:
                lint.error(where, f"reviewed item: {f.get('type')} fact rests "
                                  f"on {', '.join(low)} (confidence below "
                                  "medium)")
            # an optional fact never decides a verdict: its source must
            # resolve and be good enough, its wording is not compared
            if not f.get("required", True):
                continue
            why = value_mismatch(f, ents, choices)
            if why:
                lint.error(where, f"reviewed item: {f.get('type')} fact "
                                  f"differs from {', '.join(ids)}: {why}")


def check_replaced(lint, where, it, text, replaced):
    got = {canon_doc(d) for d in CITE_NUM.findall(text)}
    for r in replaced:
        nums = {canon_doc(d) for d in CITE_NUM.findall(r["doc"])}
        if not nums or not nums & got:
            continue
        vu = it.get("valid_until")
        if r["from"] != "?" and vu is not None and vu < r["from"]:
            continue
        lint.error(where, f"keys {r['doc']}, replaced by {r['by']} from "
                          f"{r['from']} ({r['where']}); only dated history "
                          f"with valid_until before {r['from']} may")


# ---- files -----------------------------------------------------------------

def check_domain(lint, path, items, domain_path):
    """Every citation number must occur in DOMAIN.md (no invented law)."""
    with open(domain_path, encoding="utf-8") as f:
        domain = unicodedata.normalize("NFC", f.read())
    for where, it in items:
        for t in turns_of(it):
            for fact in t.get("facts", []):
                if fact.get("type") != "citation":
                    continue
                for num in CITE_NUM.findall(fact["doc"]):
                    if num not in domain:
                        lint.error(where, f'citation "{num}" is not in '
                                          f"{domain_path}")


def check_header(lint, where, h):
    for field in ("name", "version", "as_of", "visibility", "canary"):
        if field not in h:
            lint.warn(where, f'header field "{field}" missing')
    if "as_of" in h and not is_date(h["as_of"]):
        lint.error(where, 'header field "as_of": not a date YYYY-MM-DD')
    topics = h.get("topics")
    if topics is None:
        return None
    if not isinstance(topics, dict):
        lint.error(where, 'header field "topics": an object id → topic')
        return None
    for tid, t in topics.items():
        if not re.fullmatch(r"[a-z0-9-]+", tid):
            lint.error(where, f"topic {tid!r}: the id is [a-z0-9-]+")
        if not isinstance(t, dict) or not str(t.get("name", "")).strip():
            lint.error(where, f"topic {tid!r}: needs a name")
            continue
        al = t.get("aliases", [])
        if not isinstance(al, list) or not all(isinstance(a, str) and a.strip()
                                               for a in al):
            lint.error(where, f"topic {tid!r}: aliases are non-empty strings")
            continue
        for a in al:
            if norm(a) in GENERIC_ALIASES:
                lint.error(where, f"topic {tid!r}: alias {a!r} is a word "
                                  "every answer uses")
    return set(topics)


def check_file(lint, path, stats, seen, keep):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    first, header, topics, items = True, None, None, []
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
            header = obj["testset"]
            topics = check_header(lint, where, header)
        else:
            check_item(lint, where, obj, stats, seen, topics)
            keep.append((where, obj))
            items.append((where, obj))
        first = False
    return path, header, items


def report(stats, minimums, lint):
    print(f"items: {stats['items']}")
    for name in ("kinds", "categories", "review", "variant_types"):
        rows = ", ".join(f"{k}={v}" for k, v in sorted(stats[name].items()))
        print(f"{name}: {rows}")
    print(f"topics: {len([t for t in stats['topics'] if t])}")
    print(f"items with hand-written variants: {stats['with_variants']} "
          f"(two or more: {stats['two_variants']})")
    share = stats["trivia"] / stats["items"] if stats["items"] else 0
    print(f"trivia (law number, year, which ministry): {stats['trivia']} "
          f"({share:.1%})")
    if not minimums:
        return
    have = {"items": stats["items"],
            "topics": len([t for t in stats["topics"] if t]),
            "categories": len(stats["categories"]),
            "unanswerable": stats["kinds"]["unanswerable"],
            "multiple_choice": stats["kinds"]["multiple_choice"],
            "conversation": stats["kinds"]["conversation"],
            "variants": stats["with_variants"]}
    for key, want in MINIMUMS.items():
        if have[key] < want:
            lint.error("minimums", f"{key}: {have[key]} < {want}")
    if share > MAX_TRIVIA:
        lint.error("minimums", f"trivia: {share:.1%} > {MAX_TRIVIA:.0%}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--minimums", action="store_true",
                    help="enforce the practice-set mix (400 items, 20 "
                         "topics, trivia at most 15%%)")
    ap.add_argument("--domain", help="DOMAIN.md to check citations against")
    ap.add_argument("--audit", action="store_true",
                    help="enforce the review policy against SOURCES.md")
    ap.add_argument("--sources", help="SOURCES.md to audit against (default: "
                                      "SOURCES.md next to each file)")
    args = ap.parse_args()
    lint = Lint()
    stats = {"items": 0, "with_variants": 0, "two_variants": 0, "trivia": 0,
             **{k: collections.Counter() for k in
                ("kinds", "categories", "review", "variant_types",
                 "fact_types", "topics")}}
    seen, keep, files = {}, [], []
    for path in args.files:
        try:
            files.append(check_file(lint, path, stats, seen, keep))
        except (OSError, UnicodeDecodeError) as e:
            lint.error(path, str(e))
    if args.domain:
        check_domain(lint, args.files, keep, args.domain)
    if args.audit:
        audit(lint, files, args.sources)
    report(stats, args.minimums, lint)
    print(f"{lint.errors} error(s), {lint.warnings} warning(s)")
    return 2 if lint.errors else 0


if __name__ == "__main__":
    sys.exit(main())
