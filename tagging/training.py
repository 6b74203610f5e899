"""Training the learned part (tagging/learned.py) from labelled articles: what `pantau learn` runs.

Each labelled article is tagged once by the rules while the engagements they find are recorded as the learned
part sees them. The ranker learns, among the types the rules propose for an engagement, the one a careful
reader chose; cross-validation scores the rules alone against the rules with the ranker on articles the ranker
did not learn from (the engagements' primary types follow from the recorded views, so nothing is tagged
twice). scikit-learn fits the weights (imported here only, so tagging never needs it); they are rounded, so
the same examples always give the same model file.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, time

from tagging import learned, tag_article
from tagging.corpus import LabelledArticle
from tagging.learned import EventView, Model, Ranker

FOLDS = 5
DIGITS = 4
"""Decimals kept of each weight: a small file, the same bytes on every machine."""
MIN_ROWS = 2
"""A feature seen in fewer training rows than this is left out: it could only learn one article by heart."""
C = 1.0
"""Inverse regularisation strength of the logistic regression (the same figures from 0.1 to 10 on the corpus)."""


@dataclass(frozen=True)
class Example:
    """One labelled article: a key that places it in a fold, its text, and the types a reader gave its
    engagements (the main event's primary type first, then those of other engagements it reports)."""

    key: str
    text: str
    published: datetime | None
    source: str
    types: tuple[str, ...]

    @property
    def fold(self) -> int:
        return int(hashlib.sha1(self.key.encode("utf-8")).hexdigest(), 16) // FOLDS % FOLDS


@dataclass(frozen=True)
class Recorded:
    """An example with the engagements the rules found in it, as the learned part sees them."""

    example: Example
    views: tuple[EventView, ...]

    def type_hit(self, model: Ranker | None) -> bool:
        """The reader's primary type is the primary type of one of the engagements found (scoring.py's type
        measure), with `model` ranking the types or the rules alone."""
        primaries = {(model.rank(v) if model else v.types)[0] for v in self.views}
        return self.example.types[0] in primaries


@dataclass
class FoldResult:
    fold: int
    articles: int
    rules: int
    model: int


@dataclass
class CrossValidation:
    folds: list[FoldResult] = field(default_factory=list)

    @property
    def articles(self) -> int:
        return sum(f.articles for f in self.folds)

    @property
    def rules(self) -> float:
        return sum(f.rules for f in self.folds) / self.articles if self.articles else 0.0

    @property
    def model(self) -> float:
        return sum(f.model for f in self.folds) / self.articles if self.articles else 0.0

    @property
    def improves(self) -> bool:
        return sum(f.model for f in self.folds) > sum(f.rules for f in self.folds)


def corpus_examples(articles: list[LabelledArticle]) -> list[Example]:
    """The tune part's engagement articles as examples: the check fifth is never learned from, and look-alikes
    carry no type to learn."""
    out = []
    for article in articles:
        types = tuple(t for t in (article.gold.type, *article.gold.additional_types) if t)
        if article.in_check_fifth or not types:
            continue
        published = datetime.combine(article.published, time(12)) if article.published else None
        out.append(Example(f"corpus:{article.id}", article.text, published, article.url, types))
    return out


class Recorder:
    """A stand-in model that keeps every view it is shown and changes nothing."""

    def __init__(self) -> None:
        self.views: list[EventView] = []

    def rank(self, view: EventView) -> tuple[str, ...]:
        self.views.append(view)
        return view.types


def record(example: Example) -> Recorded:
    """Tag an example with the rules alone, keeping what the learned part would see."""
    recorder = Recorder()
    with learned.using(recorder):
        tag_article("", example.text, example.published, example.source)
    return Recorded(example, tuple(recorder.views))


def rows_of(recorded: Recorded) -> list[tuple[list[str], bool]]:
    """(features, is the reader's type) for each proposed type of each engagement that has one of the reader's
    types among two or more proposals; the others cannot be changed by the ranker and teach it nothing."""
    rows = []
    for view in recorded.views:
        right = next((t for t in recorded.example.types if t in view.types), None)
        if right is None or len(view.types) < 2:
            continue
        rows += [(learned.candidate_features(view, t), t == right) for t in view.types]
    return rows


def train(recorded: Iterable[Recorded]) -> Model:
    """Fit the ranker on recorded examples."""
    rows: list[tuple[list[str], bool]] = []
    articles = 0
    for item in recorded:
        found = rows_of(item)
        articles += bool(found)
        rows += found
    return Model(weights=fit(rows),
                 trained_on={"articles_with_a_choice": articles, "proposed_types": len(rows)})


def fit(rows: list[tuple[list[str], bool]]) -> dict[str, float]:
    """A logistic regression over binary features; the non-zero weights by feature name, rounded. The intercept
    is left out: it adds the same to every type of an engagement."""
    if len({y for _, y in rows}) < 2:
        return {}
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    seen = Counter(f for features, _ in rows for f in set(features))
    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([{f: 1.0 for f in features if seen[f] >= MIN_ROWS} for features, _ in rows])
    model = LogisticRegression(C=C, solver="lbfgs", max_iter=5000)
    model.fit(matrix, [y for _, y in rows])
    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), DIGITS) for name, w in zip(names, model.coef_[0])}
    return {k: v for k, v in weights.items() if v}


def cross_validate(recorded: list[Recorded], progress: Callable[[FoldResult], None] = lambda _: None) -> CrossValidation:
    """Type hits of the rules alone and of the rules with a ranker trained on the other folds, fold by fold
    (articles labelled with a type only)."""
    result = CrossValidation()
    for fold in range(FOLDS):
        model = train(r for r in recorded if r.example.fold != fold)
        held_out = [r for r in recorded if r.example.fold == fold and r.example.types]
        scored = FoldResult(fold, len(held_out), sum(r.type_hit(None) for r in held_out),
                            sum(r.type_hit(model) for r in held_out))
        result.folds.append(scored)
        progress(scored)
    return result
