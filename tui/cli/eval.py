"""`pantau eval`: the tagger scored on a labelled corpus of real articles, tune part beside check part.

The check fifth is reported only as figures: its misses are never printed, so nobody tunes on them.
"""

import json
import sys
from pathlib import Path

import click

from tagging.corpus import LabelledArticle, default_corpus, load_corpus
from tagging.scoring import Scores, score, tag_labelled
from tui.cli.common import DeskError

GOALS = {
    "type": 0.85, "type_or_secondary": None, "place": 0.90, "date": 0.90, "police": 0.90, "labour": 0.90,
    "lookalikes": 0.98, "confident": 0.95, "confident_share": None,
}
LABELS = {
    "type": "engagement type, primary",
    "type_or_secondary": "  … or as a secondary type",
    "place": "kabupaten/kota of the engagement",
    "date": "event date",
    "police": "police officers, F1 on names",
    "labour": "labour organisations, F1",
    "lookalikes": "look-alikes left without an engagement",
    "confident": "confident engagements: precision",
    "confident_share": "confident engagements: share",
}


@click.command(name="eval")
@click.option("--corpus", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="A labelled corpus (articles.jsonl + gold.jsonl); default ../shared/corpus when present.")
@click.option("--misses/--no-misses", default=True, show_default=True,
              help="List what the tagger got wrong on the tune part.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures of both parts as one JSON object.")
def eval_command(folder: Path | None, misses: bool, as_json: bool) -> None:
    """Score the tagger on a labelled corpus: the tune four fifths and the check fifth (sha1(id) mod 5 == 0)."""
    folder = folder or default_corpus()
    if folder is None:
        raise DeskError("no labelled corpus: name one with --corpus DIR (a folder holding articles.jsonl and "
                        "gold.jsonl); ../shared/corpus is used when present")
    try:
        articles = load_corpus(folder)
    except (OSError, ValueError, KeyError) as error:
        raise DeskError(f"cannot read the corpus in {folder}: {error}") from error
    tune, check = _score_parts(articles)
    if as_json:
        click.echo(json.dumps({"corpus": str(folder), "tune": _figures(tune), "check": _figures(check)}, indent=2))
        return
    click.echo(f"Corpus {folder}: {len(articles)} articles, tune {tune.articles}, check {check.articles} "
               "(sha1 of the id mod 5 == 0; never tune on it)\n")
    _print_table(tune, check)
    _print_confusion(tune)
    if misses:
        click.echo(f"\nMisses on the tune part ({len(tune.misses)}; the check part's are not shown):")
        for line in tune.misses:
            click.echo(f"  {line}")


def _score_parts(articles: list[LabelledArticle]) -> tuple[Scores, Scores]:
    tagged = []
    with click.progressbar(articles, label="Tagging", file=sys.stderr) as bar:
        for article in bar:
            tagged.append((article, tag_labelled(article)))
    return (score(pair for pair in tagged if not pair[0].in_check_fifth),
            score(pair for pair in tagged if pair[0].in_check_fifth))


def _figures(scores: Scores) -> dict[str, float | int]:
    return {
        "articles": scores.articles,
        "type": scores.type.rate,
        "type_or_secondary": scores.type_or_secondary.rate,
        "place": scores.place.rate,
        "date": scores.date.rate,
        "police": scores.police.f1,
        "labour": scores.labour.f1,
        "lookalikes": scores.lookalikes.rate,
        "confident": scores.confident.rate,
        "confident_share": scores.confident_share,
    }


def _detail(scores: Scores, key: str) -> str:
    if key in ("police", "labour"):
        overlap = getattr(scores, key)
        return f"P {overlap.precision:.2f} R {overlap.recall:.2f}"
    if key == "confident_share":
        return f"{scores.confident.total}/{scores.engagements}"
    count = getattr(scores, key)
    return f"{count.hits}/{count.total}"


def _print_table(tune: Scores, check: Scores) -> None:
    tune_figures, check_figures = _figures(tune), _figures(check)
    click.echo(f"{'measure':<40}{'tune':>22}{'check':>22}{'goal':>8}")
    for key, label in LABELS.items():
        goal = GOALS[key]
        cells = [f"{figures[key]:.2f} ({_detail(part, key)})" for figures, part in
                 ((tune_figures, tune), (check_figures, check))]
        click.echo(f"{label:<40}{cells[0]:>22}{cells[1]:>22}{'' if goal is None else f'≥ {goal:.2f}':>8}")


def _print_confusion(scores: Scores) -> None:
    click.echo("\nTypes on the tune part, gold → predicted main engagement ('-': none):")
    by_gold: dict[str, dict[str, int]] = {}
    for (gold, predicted), n in sorted(scores.confusion.items()):
        by_gold.setdefault(gold, {})[predicted] = n
    for gold, row in by_gold.items():
        right = row.get(gold, 0)
        others = ", ".join(f"{p} {n}" for p, n in sorted(row.items(), key=lambda kv: -kv[1]) if p != gold)
        click.echo(f"  {gold:<26}{right:>3}/{sum(row.values()):<3} {others}")
