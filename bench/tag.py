"""Time the tagger per article over the demo corpus and the real seeds (lexicons compiled before timing).

    python bench/tag.py [--rounds N] [--model FILE]

`--model` times it with that learned ranker (a file `pantau learn --out FILE` wrote) instead of the shipped one.
"""

import contextlib
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._gold import ROOT, SHARED_SEEDS, read_article  # noqa: E402
from tagging import learned, tag_article, warm_up  # noqa: E402


def articles() -> list[tuple[str, str, object]]:
    found = []
    for path in sorted((ROOT / "seeds" / "demo" / "articles").glob("*.md")):
        article = read_article(str(path.relative_to(ROOT)))
        found.append((article.title, article.text, article.published))
    for path in sorted(SHARED_SEEDS.glob("*.txt")):
        found.append(("", path.read_text(encoding="utf-8"), None))
    return found


def main() -> None:
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 5
    with contextlib.ExitStack() as stack:
        if "--model" in sys.argv:
            path = Path(sys.argv[sys.argv.index("--model") + 1])
            stack.enter_context(learned.using(learned.Model.from_json(json.loads(path.read_text(encoding="utf-8")))))
            print(f"learned ranker: {path}")
        else:
            print(f"learned ranker: {'shipped' if learned.shipped() else 'none shipped (the rules alone)'}")
        run(rounds)


def run(rounds: int) -> None:
    started = time.perf_counter()
    warm_up()
    print(f"lexicons compiled in {(time.perf_counter() - started) * 1000:.0f} ms")
    corpus = articles()
    timings: list[float] = []
    per_3000: list[float] = []
    for _ in range(rounds):
        for title, text, published in corpus:
            t0 = time.perf_counter()
            tag_article(title, text, published)
            elapsed = (time.perf_counter() - t0) * 1000
            timings.append(elapsed)
            per_3000.append(elapsed * 3000 / max(len(text), 1))
    chars = statistics.mean(len(text) for _, text, _ in corpus)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"{len(corpus)} articles x {rounds} rounds, mean {chars:.0f} characters")
    print(f"median {statistics.median(timings):.2f} ms/article, p95 {p95:.2f} ms, "
          f"{1000 / statistics.mean(timings):.0f} articles/s")
    print(f"median scaled to 3,000 characters: {statistics.median(per_3000):.2f} ms")


if __name__ == "__main__":
    main()
