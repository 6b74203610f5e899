"""Which engagement rules decide which tune articles: each rule removed in turn, fold by fold (issue 13).

    .venv/bin/python bench/rules.py [--only NAME,NAME]

A rule here is a module-level pattern or word set of tagging/engagements.py or tagging/parties.py (an upper-case
name). Each is replaced in turn by one that matches nothing (an empty set), the tune part's engagements are found
again, and the script prints how many articles of each fold change and how the type, look-alike and confident
measures move on folds 1-3 and on fold 4 (bench/folds.py). A rule that decides one tune article is an overfitting
suspect; one whose removal helps a fold is a candidate to prune. A pattern used as a caveat ('not after a
negation') is removed by matching nothing; one used as a gate ('only with a police word') then closes the gate:
the count says how many articles the rule decides either way.

Actors, places and dates are found once per article (the rules here do not change them). The check fifth is
dropped before anything is tagged: never tagged, scored or printed here.
"""

import argparse
import re
import sys
from dataclasses import dataclass, replace
from datetime import datetime, time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.folds import fold_of  # noqa: E402
from core.tags import Tags  # noqa: E402
from tagging import engagements, parties, person_spans, tag_article  # noqa: E402
from tagging.boilerplate import mask_boilerplate  # noqa: E402
from tagging.corpus import LabelledArticle, default_corpus, is_check, load_corpus  # noqa: E402
from tagging.places import PlaceFindings, find_places  # noqa: E402
from tagging.scoring import score  # noqa: E402
from tagging.text import Layout, Token, layout, tokenize  # noqa: E402
from tagging.units import find_units  # noqa: E402
from tui.cli.eval import _figures  # noqa: E402

NOTHING = re.compile(r"(?!x)x")
MEASURES = ("type", "lookalikes", "confident")
PARTS = {"1-3": (1, 2, 3), "4": (4,)}


@dataclass(frozen=True)
class Prepared:
    """A tune article with what the engagement rules read: its masked text, tokens, layout, tags and places."""

    article: LabelledArticle
    tags: Tags
    text: str
    tokens: list[Token]
    lay: Layout
    places: PlaceFindings


def prepare(article: LabelledArticle) -> Prepared:
    published = datetime.combine(article.published, time(12)) if article.published else None
    tags = tag_article("", article.text, published, article.url)
    text = mask_boilerplate(article.text)
    tokens = tokenize(text)
    places = find_places(text, tokens, find_units(text, tokens), person_spans(list(tags.actors)))
    return Prepared(article, tags, text, tokens, layout(text), places)


def engage(prepared: list[Prepared]) -> list[tuple[LabelledArticle, Tags]]:
    """Each article's tags with its engagements found again under the rules as they now stand."""
    return [(p.article, replace(p.tags, engagements=tuple(engagements.find_engagements(
        p.text, p.tokens, p.lay, list(p.tags.actors), p.places, list(p.tags.dates))))) for p in prepared]


def outcome(tags: Tags) -> list[tuple]:
    return [(e.type, e.secondary_types, e.confident) for e in tags.engagements]


def figures(tagged: list[tuple[LabelledArticle, Tags]]) -> dict[str, dict]:
    return {name: _figures(score(p for p in tagged if fold_of(p[0].id) in folds)) for name, folds in PARTS.items()}


def rules(only: set[str]) -> list[tuple[str, object, list]]:
    """(name, value, modules holding it) for every upper-case pattern or word set of the two modules."""
    found = {}
    for module in (engagements, parties):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, (re.Pattern, set, frozenset)) and (not only or name in only):
                found.setdefault(name, (value, []))[1].append(module)
    return [(name, value, modules) for name, (value, modules) in sorted(found.items())]


def without(value: object) -> object:
    return NOTHING if isinstance(value, re.Pattern) else type(value)()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", default="", help="rule names to try, e.g. DEPLOYED_RE,MEETING_WORDS")
    args = parser.parse_args()
    folder = default_corpus()
    if folder is None:
        sys.exit("no corpus: ../shared/corpus is absent")
    prepared = [prepare(a) for a in load_corpus(folder) if not is_check(a.id)]
    base = engage(prepared)
    before = {a.id: outcome(t) for a, t in base}
    base_figures = figures(base)
    print("removed rule".ljust(30) + "changed per fold 1/2/3/4" + "".join(
        f"{part + ' ' + m[:5]:>14}" for part in PARTS for m in MEASURES))
    for name, value, modules in rules({n for n in args.only.split(",") if n}):
        for module in modules:
            setattr(module, name, without(value))
        engagements.generic_security.cache_clear()
        try:
            tagged = engage(prepared)
        finally:
            for module in modules:
                setattr(module, name, value)
            engagements.generic_security.cache_clear()
        changed = [a.id for a, t in tagged if outcome(t) != before[a.id]]
        counts = "/".join(str(sum(fold_of(i) == k for i in changed)) for k in (1, 2, 3, 4))
        now = figures(tagged)
        print(f"{name:<30}{counts:<24}" + "".join(
            f"{now[part][m] - base_figures[part][m]:>+14.3f}" for part in PARTS for m in MEASURES))


if __name__ == "__main__":
    main()
