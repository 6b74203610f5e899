"""`pantau learn`: train the tagger's learned part on the corpus's tune part and the desk's manual types.

It cross-validates first (the rules alone against the rules with the ranker, on articles the ranker did not
learn from) and writes the model only when the ranker gets more types right: the issue's "if it improves, use
it", decided again each time the desk has more corrections. The corpus's check fifth is never read.
"""

import importlib.util
import json
import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from core.locations import as_db_url
from storage.labels import manual_type_labels
from tagging import learned, training
from tagging.corpus import LabelledArticle, default_corpus, load_corpus
from tui.cli.common import DeskError, open_engine, sqlite_path
from tui.config import Settings


@click.command()
@click.option("--corpus", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="A labelled corpus (articles.jsonl + gold.jsonl); default ../shared/corpus when present. "
                   "Only its tune four fifths are learned from.")
@click.option("--db", metavar="PATH|URL", help="The desk database whose manual types are labels (default: the desk's).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the model (default: the package's seeds/models/engagement_model.json, which "
                   "the tagger reads).")
@click.option("--always", is_flag=True, help="Write the model even when it does not beat the rules alone.")
@click.pass_obj
def learn(settings: Settings, folder: Path | None, db: str | None, out: Path | None, always: bool) -> None:
    """Train the ranker of engagement types on labelled articles; cross-validated, kept only if it helps."""
    if importlib.util.find_spec("sklearn") is None:
        raise DeskError("pantau learn needs scikit-learn: pip install 'pantau[learn]'")
    if out is not None and not out.parent.is_dir():
        raise DeskError(f"no directory {out.parent} for the model: create it or name another --out FILE")
    out = out or learned.model_path()
    articles = _corpus(folder)
    corpus = training.corpus_examples(articles)
    desk = _desk_examples(replace(settings, db_url=as_db_url(db)) if db else settings,
                          {article.url for article in articles if article.url})
    examples = corpus + desk
    if not examples:
        raise DeskError("nothing to learn from: no labelled corpus and no manual engagement types in the database")
    click.echo(f"Labelled articles: {len(corpus)} of the corpus's tune part, {len(desk)} typed by hand on the desk")
    with click.progressbar(examples, label="Tagging them with the rules", file=sys.stderr) as bar:
        recorded = [training.record(example) for example in bar]
    click.echo(f"Cross-validation, {training.FOLDS} folds: primary engagement types right, rules alone → "
               "rules with the ranker")
    result = training.cross_validate(recorded, progress=lambda fold: click.echo(
        f"  fold {fold.fold + 1}: {fold.rules}/{fold.articles} → {fold.model}/{fold.articles}"))
    click.echo(f"  all: {result.rules:.3f} → {result.model:.3f} ({result.articles} articles)")
    model = training.train(recorded)
    model = replace(model, trained_on={**model.trained_on, "corpus_articles": len(corpus), "desk_labels": len(desk)},
                    cross_validated={"articles": result.articles, "rules": round(result.rules, 4),
                                     "model": round(result.model, 4)})
    if result.improves or always:
        size = _write(model, out)
        click.echo(f"Wrote {out} ({len(model.weights)} weights, {size / 1024:.0f} KiB). "
                   "Run `pantau retag` to re-tag stored articles with it.")
        return
    click.echo("The ranker does not beat the rules alone: no model written, the rules' order stands.")
    if out.is_file():
        out.unlink()
        click.echo(f"Removed the earlier model {out}. Run `pantau retag` to re-tag stored articles without it.")


def _corpus(folder: Path | None) -> list[LabelledArticle]:
    folder = folder or default_corpus()
    if folder is None:
        click.echo("No labelled corpus found (name one with --corpus DIR): learning from the desk's labels only.")
        return []
    try:
        return load_corpus(folder)
    except (OSError, ValueError, KeyError) as error:
        raise DeskError(f"cannot read the corpus in {folder}: {error}") from error


def _desk_examples(settings: Settings, corpus_urls: set[str]) -> list[training.Example]:
    """The manual types of the desk's database as examples. An article of the corpus is left to its label there,
    so one of the check fifth is never learned from."""
    path = sqlite_path(settings.db_url)
    if path is not None and not path.is_file():
        raise DeskError(f"no database at {path}: name the desk's database with --db PATH|URL")
    labels = manual_type_labels(open_engine(settings, writes=False))
    return [training.Example(f"desk:{label.article_id}:{label.url}", label.text, label.published_at, label.url,
                             (label.type,))
            for label in labels if label.url not in corpus_urls]


def _write(model: learned.Model, path: Path) -> int:
    """Write the model whole or not at all; returns its size in bytes."""
    data = json.dumps(model.to_json(), indent=0, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(data, encoding="utf-8")
    os.replace(partial, path)
    return len(data.encode("utf-8"))
