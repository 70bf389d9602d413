#!/usr/bin/env python3
"""Check judgement corpora written in realistic2's format (realistic3 and
after) with realistic2's checker: parse, v2 schema, NFC, the `unaccented`
flag, keyed document numbers; counts printed.

One rule is widened: realistic2 allows only the document numbers DOMAIN.md
gives, but the later corpora's keys are practice items that cite the
decrees and circulars recorded in testsets/practice/SOURCES.md. A keyed
number is accepted when DOMAIN.md's list (realistic2's) or SOURCES.md gives
it; any other number is still an error.

Usage: python3 tests/golden/validate-corpus.py DIR_OR_FILE ...
(a folder means its .jsonl files). Exit 1 on any error.
"""
import glob
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "realistic2", "validate.py")
SOURCES = os.path.join(HERE, "..", "..", "testsets", "practice", "SOURCES.md")


def files_of(args):
    out = []
    for a in args:
        out += sorted(glob.glob(os.path.join(a, "*.jsonl"))) if os.path.isdir(a) else [a]
    return out


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    spec = importlib.util.spec_from_file_location("realistic2_validate", CHECKER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    with open(SOURCES, encoding="utf-8") as fh:
        mod.DOMAIN_NUMBERS = set(mod.DOMAIN_NUMBERS) | set(mod.NUM_RE.findall(fh.read()))
    return mod.main([CHECKER] + files_of(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
