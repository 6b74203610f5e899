"""How the tagger is scored against a labelled corpus: the measures of `pantau eval` (README, "Measuring the
tagger"). Pure functions over (label, tags) pairs.

The measures, per the corpus README's conventions:
- type: the gold primary type is the primary type of one of the predicted engagements (engagement articles);
- place: the main predicted engagement's kabupaten/kota equals the gold set;
- date: a predicted engagement has the gold date, or the main one has none when the gold has none; counted
  only where the gold year is knowable (written in the text, the publication date or the address);
- police and labour (engagement articles): F1 of the gold officers' names and organisations against the named
  police actors and the labour actors of the predicted engagements, matched one to one;
- look-alikes: articles that are not engagements get no engagement;
- confident: precision of the engagements the tagger calls confident, and their share.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time

from core.tags import Engagement, Tags
from tagging import tag_article
from tagging.corpus import Gold, LabelledArticle

WORD_RE = re.compile(r"[a-z0-9]+")
PARENTHESES_RE = re.compile(r"\(([^)]*)\)")
GENERIC_LABOUR_WORDS = frozenset({
    "serikat", "pekerja", "buruh", "karyawan", "federasi", "konfederasi", "aliansi", "forum", "sp", "sb", "pt",
    "se", "dan", "massa", "ratusan", "puluhan", "unnamed", "about", "representatives", "no", "union",
})
UNION_STRUCTURE_WORDS = frozenset({
    "puk", "pc", "kc", "dpc", "dpd", "dpw", "dpp", "psp", "konsulat", "cabang", "pimpinan", "unit", "kerja",
    "kabupaten", "kota", "provinsi",
})


@dataclass
class Count:
    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass
class Overlap:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """The measures over one part of a corpus, with what was missed (for the tune part's eyes only)."""

    articles: int = 0
    type: Count = field(default_factory=Count)
    type_or_secondary: Count = field(default_factory=Count)
    place: Count = field(default_factory=Count)
    date: Count = field(default_factory=Count)
    police: Overlap = field(default_factory=Overlap)
    labour: Overlap = field(default_factory=Overlap)
    lookalikes: Count = field(default_factory=Count)
    confident: Count = field(default_factory=Count)
    engagements: int = 0
    confusion: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)

    @property
    def confident_share(self) -> float:
        return self.confident.total / self.engagements if self.engagements else 0.0


def tag_labelled(article: LabelledArticle) -> Tags:
    """Tag a corpus article as the pipeline would: its text, publication day and address."""
    published = datetime.combine(article.published, time(12)) if article.published else None
    return tag_article("", article.text, published, article.url)


def score(pairs: Iterable[tuple[LabelledArticle, Tags]]) -> Scores:
    scores = Scores()
    for article, tags in pairs:
        score_article(scores, article, tags)
    return scores


def score_article(scores: Scores, article: LabelledArticle, tags: Tags) -> None:
    gold = article.gold
    engagements = tags.engagements
    scores.articles += 1
    scores.engagements += len(engagements)
    _score_confidence(scores, gold, engagements)
    if not gold.engagement:
        scores.lookalikes.add(not engagements)
        if engagements:
            scores.misses.append(f"{article.id} look-alike got {_types(engagements)}")
        return
    _score_actors(scores, article, tags)
    main = main_engagement(engagements, gold.type)
    predicted_type = main.type if main else "-"
    scores.confusion[(gold.type, predicted_type)] += 1
    type_hit = any(e.type == gold.type for e in engagements)
    scores.type.add(type_hit)
    scores.type_or_secondary.add(any(gold.type in (e.type, *e.secondary_types) for e in engagements))
    if not type_hit:
        scores.misses.append(f"{article.id} type: gold {gold.type}, got {_types(engagements) or 'no engagement'}")
    place_hit = main is not None and engagement_places(main) == {_place_key(p) for p in gold.places}
    scores.place.add(place_hit)
    if not place_hit:
        got = sorted(engagement_places(main)) if main else "no engagement"
        scores.misses.append(f"{article.id} place: gold {list(gold.places)}, got {got}")
    if date_is_knowable(article):
        date_hit = _date_hit(gold, main, engagements)
        scores.date.add(date_hit)
        if not date_hit:
            got = [str(e.date.date) if e.date else None for e in engagements] or "no engagement"
            scores.misses.append(f"{article.id} date: gold {gold.event_date}, got {got}")


def main_engagement(engagements: tuple[Engagement, ...], gold_type: str | None) -> Engagement | None:
    """The engagement compared with the gold's main event: the one of the gold type, else the first."""
    return next((e for e in engagements if e.type == gold_type), engagements[0] if engagements else None)


def engagement_places(engagement: Engagement) -> set[str]:
    return {_place_key(engagement.place.name)} if engagement.place else set()


def date_is_knowable(article: LabelledArticle) -> bool:
    """A gold date counts when its year is written in the text, the publication date or the address."""
    day = article.gold.event_date
    if day is None:
        return True
    year = str(day.year)
    return (year in article.text or f"/{year}/" in article.url
            or (article.published is not None and article.published.year == day.year))


def _date_hit(gold: Gold, main: Engagement | None, engagements: tuple[Engagement, ...]) -> bool:
    if gold.event_date is None:
        return main is not None and main.date is None
    return any(e.date is not None and e.date.date == gold.event_date for e in engagements)


def _score_actors(scores: Scores, article: LabelledArticle, tags: Tags) -> None:
    officers = {a.label for a in tags.actors if a.kind == "police" and a.name}
    police = [label for e in tags.engagements for label in e.police_actors if label in officers]
    labour = [label for e in tags.engagements for label in e.labour_actors]
    for overlap, gold_names, predicted, same, what in (
        (scores.police, article.gold.police_names, police, same_officer, "police"),
        (scores.labour, article.gold.labour_actors, labour, same_organisation, "labour"),
    ):
        missed, extra = pair_names(overlap, gold_names, predicted, same)
        if missed or extra:
            scores.misses.append(f"{article.id} {what}: missed {missed}, extra {extra}")


def _score_confidence(scores: Scores, gold: Gold, engagements: tuple[Engagement, ...]) -> None:
    right_types = {gold.type, *gold.additional_types} if gold.engagement else set()
    for engagement in engagements:
        if engagement.confident:
            scores.confident.add(engagement.type in right_types)


def pair_names(overlap: Overlap, gold: tuple[str, ...], predicted: list[str], same) -> tuple[list[str], list[str]]:
    """Pair gold and predicted names one to one, as many pairs as can be made (a maximum matching, so the
    order of either list cannot cost a pair); returns the unpaired of each side."""
    candidates = list(dict.fromkeys(predicted))
    partners = [[k for k, p in enumerate(candidates) if _words(p) == _words(name) or same(name, p)] for name in gold]
    owner: dict[int, int] = {}

    def pair(g: int, seen: set[int]) -> bool:
        for k in partners[g]:
            if k not in seen:
                seen.add(k)
                if k not in owner or pair(owner[k], seen):
                    owner[k] = g
                    return True
        return False

    paired = {g for g in range(len(gold)) if pair(g, set())}
    missed = [name for g, name in enumerate(gold) if g not in paired]
    unpaired = [p for k, p in enumerate(candidates) if k not in owner]
    overlap.true_positives += len(paired)
    overlap.false_negatives += len(missed)
    overlap.false_positives += len(unpaired)
    return missed, unpaired


def same_officer(gold: str, predicted: str) -> bool:
    """The same officer: the same words, or one name inside the other when the shorter has two words or more."""
    a, b = _words(gold), _words(predicted)
    shorter, longer = sorted((a, b), key=len)
    return a == b or (len(shorter) >= 2 and set(shorter) <= set(longer))


def same_organisation(gold: str, predicted: str) -> bool:
    """The same labour body: the distinctive words of one contain the other's ('KC FSPMI' and 'FSPMI'), or both
    are unnamed workers or unions ('serikat pekerja (Kota Depok, unnamed)' and 'buruh'). A bracketed full name
    or faction after a named body is an alternative spelling of it."""
    gold_keys, predicted_keys = _organisation_keys(gold), _organisation_keys(predicted)
    if not gold_keys[0] or not predicted_keys[0]:
        return not gold_keys[0] and not predicted_keys[0]
    return any(g and p and (g <= p or p <= g) for g in gold_keys for p in predicted_keys)


def _organisation_keys(name: str) -> list[frozenset[str]]:
    """The distinctive words outside brackets, then those of each bracket."""
    keys = [_distinctive(PARENTHESES_RE.sub(" ", name))]
    keys += [_distinctive(inside) for inside in PARENTHESES_RE.findall(name)]
    return keys


def _distinctive(text: str) -> frozenset[str]:
    return frozenset(w for w in _words(text) if len(w) > 1 and w not in GENERIC_LABOUR_WORDS
                     and w not in UNION_STRUCTURE_WORDS)


def _words(text: str) -> tuple[str, ...]:
    return tuple(WORD_RE.findall(text.lower()))


def _place_key(name: str) -> str:
    return " ".join(w for w in _words(name) if w != "administrasi")


def _types(engagements: tuple[Engagement, ...]) -> str:
    return ", ".join(f"{e.type}" + (f" (+{'/'.join(e.secondary_types)})" if e.secondary_types else "")
                     for e in engagements)
