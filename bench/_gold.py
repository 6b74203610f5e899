"""The gold set of tests/gold/ and how the tagger is scored against it (used by bench/eval.py and the tests).

Each tests/gold/<corpus>/<stem>.json names its article (`shared-seeds/<file>` under ../shared/seeds, or a
repository path) and what a careful reader records: kab/kota codes, police and labour actors, and the
engagements with their type, secondary types, date and kab/kota code. Scores are micro-averaged over
articles; every field compares sets per article.
"""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tagging import Tags, tag_article

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
FIELDS = ("places", "police actors", "labour actors", "engagement type", "primary type", "event date",
          "engagement place")


@dataclass(frozen=True)
class Article:
    key: str
    title: str
    text: str
    published: datetime | None


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: Counter, expected: Counter) -> None:
        hit = sum((predicted & expected).values())
        self.tp += hit
        self.fp += sum(predicted.values()) - hit
        self.fn += sum(expected.values()) - hit

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    misses: list[str] = field(default_factory=list)


def read_article(reference: str, published: str | None = None) -> Article | None:
    """The article a gold file names; None when it lives in ../shared/seeds and that is absent."""
    if reference.startswith("shared-seeds/"):
        path = SHARED_SEEDS / reference.removeprefix("shared-seeds/")
        if not path.exists():
            return None
        text = path.read_text(encoding="utf-8")
        return Article(reference, "", text, datetime.fromisoformat(published) if published else None)
    path = ROOT / reference
    if not path.exists():
        return None
    _, head, body = path.read_text(encoding="utf-8").split("+++", 2)
    meta = tomllib.loads(head)
    stamp = published or meta.get("published")
    return Article(reference, meta.get("title", ""), body.lstrip("\n"),
                   datetime.fromisoformat(stamp) if stamp else None)


def gold_files(corpus: str | None = None) -> list[Path]:
    folders = [GOLD / corpus] if corpus else sorted(p for p in GOLD.iterdir() if p.is_dir())
    return sorted(path for folder in folders for path in folder.glob("*.json"))


def load_gold(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def norm(value: str) -> str:
    return " ".join(value.lower().split())


def predicted_fields(tags: Tags) -> dict[str, Counter]:
    police = [a.label for a in tags.actors if a.kind == "police"]
    labour = [a.label for a in tags.actors if a.kind == "labour"]
    return {
        "places": Counter({p.code for p in tags.places if p.level in ("kabupaten", "kota")}),
        "police actors": Counter({norm(x) for x in police}),
        "labour actors": Counter({norm(x) for x in labour}),
        "engagement type": Counter({t for e in tags.engagements for t in (e.type, *e.secondary_types)}),
        "primary type": Counter(e.type for e in tags.engagements),
        "event date": Counter({e.date.date.isoformat() for e in tags.engagements if e.date}),
        "engagement place": Counter({e.place.code for e in tags.engagements if e.place}),
    }


def expected_fields(gold: dict) -> dict[str, Counter]:
    engagements = gold.get("engagements", [])
    return {
        "places": Counter(set(gold.get("places", []))),
        "police actors": Counter({norm(x) for x in gold.get("police_actors", [])}),
        "labour actors": Counter({norm(x) for x in gold.get("labour_actors", [])}),
        "engagement type": Counter({t for e in engagements for t in (e["type"], *e.get("secondary_types", []))}),
        "primary type": Counter(e["type"] for e in engagements),
        "event date": Counter({e["date"] for e in engagements}),
        "engagement place": Counter({e["code"] for e in engagements}),
    }


def evaluate(paths: list[Path]) -> Report:
    """Tag every gold article and score each field; articles whose text is absent are skipped."""
    report = Report()
    for path in paths:
        gold = load_gold(path)
        article = read_article(gold["article"], gold.get("published"))
        if article is None:
            continue
        tags = tag_article(article.title, article.text, article.published)
        predicted, expected = predicted_fields(tags), expected_fields(gold)
        for name in FIELDS:
            report.scores[name].add(predicted[name], expected[name])
            if predicted[name] != expected[name]:
                extra = sorted((predicted[name] - expected[name]).elements())
                missing = sorted((expected[name] - predicted[name]).elements())
                report.misses.append(f"{path.stem}: {name}: extra {extra} missing {missing}")
    return report
