#!/usr/bin/env python3
"""Check the realistic5 judgement corpus with realistic2's checker: same
format, same rules (parse, v2 schema, NFC, the `unaccented` flag, keyed
document numbers limited to those DOMAIN.md gives), counts printed.

Usage: python3 tests/golden/realistic5/validate.py [DIR_OR_FILE ...]
(default: the .jsonl files of this folder). Exit 1 on any error.
"""
import glob
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "..", "realistic2", "validate.py")


def files_of(args):
    out = []
    for a in args or [HERE]:
        out += sorted(glob.glob(os.path.join(a, "*.jsonl"))) if os.path.isdir(a) else [a]
    return out


def main(argv):
    spec = importlib.util.spec_from_file_location("realistic2_validate", CHECKER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.main([CHECKER] + files_of(argv[1:]))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
