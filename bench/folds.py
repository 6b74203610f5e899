"""Pseudo-held-out folds inside the tune part of the labelled corpus (TAGGING.md, "How to generalise").

    .venv/bin/python bench/folds.py [--read 1,2,3] [--save FILE] [--against FILE]

The tune part (sha1 of the id mod 5 in 1..4) is split by that same number into four folds. Develop a change
reading the misses of the folds named by --read only, then measure it on the fold left out: a change that helps
the folds read and not the other is overfit. Prints the measures of `pantau eval` per fold and over the tune
part; misses only for the folds read. --save keeps each article's tags (ids and labels, no text) so that a later
run with --against says how many articles of each fold changed, and which ones only in the folds read.

The check fifth (mod 5 == 0) is dropped before anything is tagged: it is never tagged, scored or printed here.
"""

import argparse
import hashlib
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tagging.corpus import LabelledArticle, default_corpus, is_check, load_corpus  # noqa: E402
from tagging.scoring import score, tag_labelled  # noqa: E402
from tui.cli.eval import _figures  # noqa: E402

MEASURES = ("type", "place", "date", "police", "labour", "lookalikes", "confident", "confident_share")
FOLDS = (1, 2, 3, 4)


def fold_of(article_id: str) -> int:
    """The fold of a tune article: sha1 of its id mod 5, as the check split (which is fold 0)."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % 5


def summary(tags) -> dict:
    """What a change can alter in an article's tags, without its text: types, places, dates, actors."""
    return {"engagements": [[e.type, list(e.secondary_types), e.place.name if e.place else None,
                             str(e.date.date) if e.date else None, list(e.police_actors), list(e.labour_actors),
                             e.confidence] for e in tags.engagements]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--read", default="", help="folds whose misses are printed, e.g. 1,2,3")
    parser.add_argument("--save", type=Path, help="keep each tune article's tag summary in this JSON file")
    parser.add_argument("--against", type=Path, help="a --save file of an earlier run: count changed articles")
    args = parser.parse_args()
    read = {int(k) for k in args.read.split(",") if k}
    folder = default_corpus()
    if folder is None:
        sys.exit("no corpus: ../shared/corpus is absent")
    tune: list[LabelledArticle] = [a for a in load_corpus(folder) if not is_check(a.id)]
    tagged = [(a, tag_labelled(a)) for a in tune]
    parts = {k: score(p for p in tagged if fold_of(p[0].id) == k) for k in FOLDS}
    parts["tune"] = score(tagged)
    print(f"{'part':<6}{'n':>4}" + "".join(f"{m[:10]:>11}" for m in MEASURES))
    for name, scores in parts.items():
        figures = _figures(scores)
        mark = "*" if name in read else " "
        print(f"{str(name) + mark:<6}{scores.articles:>4}" + "".join(f"{figures[m]:>11.3f}" for m in MEASURES))
    for k in sorted(read):
        print(f"\nmisses, fold {k}:")
        for line in parts[k].misses:
            print(f"  {line}")
    now = {a.id: summary(t) for a, t in tagged}
    if args.against:
        _compare(json.loads(args.against.read_text()), now, read)
    if args.save:
        args.save.write_text(json.dumps(now))


def _compare(before: dict, now: dict, read: set[int]) -> None:
    changed = [i for i in now if before.get(i) != now[i]]
    print("\nchanged articles per fold: " + ", ".join(
        f"{k}: {sum(fold_of(i) == k for i in changed)}" for k in FOLDS))
    for i in changed:
        if fold_of(i) in read:
            print(f"  {i}: {before.get(i)} -> {now[i]}")


if __name__ == "__main__":
    main()

