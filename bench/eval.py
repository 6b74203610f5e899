"""Precision, recall and F1 of the tagger per field over the gold set of tests/gold/.

    python bench/eval.py [--misses]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._gold import FIELDS, evaluate, gold_files  # noqa: E402


def main() -> None:
    for corpus in ("seeds", "demo", None):
        paths = gold_files(corpus)
        report = evaluate(paths)
        print(f"\n{corpus or 'all'}: {len(paths)} gold articles")
        print(f"  {'field':<18}{'precision':>10}{'recall':>10}{'F1':>8}")
        for name in FIELDS:
            s = report.scores[name]
            print(f"  {name:<18}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>8.3f}")
        if "--misses" in sys.argv and corpus:
            for line in report.misses:
                print("   ", line)


if __name__ == "__main__":
    main()
