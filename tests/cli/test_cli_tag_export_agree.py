"""`pantau tag` and `pantau export` code every article alike: the ACLED coding the tagger gives is the one
stored and exported, never worked out again by other rules (they disagreed on arrests during a protest and on
force against protesters).

Runs over the development corpus of real articles (../shared/corpus, read in place) and the demo corpus: each
article is stored, tagged by `pantau retag` (the pipeline's tagging step), exported by `pantau export`, and
tagged again alone by `pantau tag --extended`.
"""

import json
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from demo.sites import load_corpus
from storage.articles import NewArticle, add_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from tui.cli import main

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "articles.jsonl"
WIB = ZoneInfo("Asia/Jakarta")


def corpus_articles() -> list[NewArticle]:
    if not CORPUS.is_file():
        pytest.skip(f"../shared/corpus is absent ({CORPUS}); this test reads the real articles there")
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [NewArticle(row["id"], row["url"], "", _day(row["published"]), "", row["text"], "ok", "") for row in rows]


def _day(published: str | None) -> datetime | None:
    return datetime.combine(datetime.fromisoformat(published).date(), time(), WIB) if published else None


def demo_articles() -> list[NewArticle]:
    return [NewArticle(article.slug, f"https://demo.test/{article.slug}.html", article.title, article.published, "",
                       article.body, "ok", "") for article in load_corpus()]


def coded(engagement: dict, acled: dict | None) -> tuple:
    return engagement["type"], tuple(engagement["secondary_types"]), tuple((acled or {}).values())


def export_coding(db: Path, tmp_path: Path) -> dict[str, list[tuple]]:
    """Each article's engagements as `pantau export` writes them, by article address."""
    out = tmp_path / "export.jsonl"
    result = CliRunner().invoke(main, ["--db", str(db), "export", "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    found: dict[str, list[tuple]] = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        acled = {key: row[f"acled_{key}"] for key in ("disorder_type", "event_type", "sub_event_type")}
        found.setdefault(row["article_url"], []).append(
            coded(row, acled if row["acled_event_type"] is not None else None))
    return found


def tag_coding(article: NewArticle, tmp_path: Path) -> list[tuple]:
    """The article's engagements as `pantau tag --extended` prints them."""
    source = tmp_path / "article.txt"
    source.write_text(article.body, encoding="utf-8")
    published = ["--published", article.published_at.isoformat()] if article.published_at else []
    result = CliRunner().invoke(main, ["tag", str(source), "--extended", *published])
    assert result.exit_code == 0, result.output
    return [coded(engagement, engagement["acled"]) for engagement in json.loads(result.output)["engagements"]]


@pytest.mark.parametrize("articles", [corpus_articles, demo_articles], ids=["corpus", "demo"])
def test_tag_and_export_agree_on_every_article(articles, tmp_path: Path):
    stored = articles()
    db = tmp_path / "desk.db"
    engine = make_engine(f"sqlite:///{db}")
    feed = add_feed(engine, "https://desk.test/feed.xml")
    add_articles(engine, feed.id, stored)
    engine.dispose()
    retag = CliRunner().invoke(main, ["--db", str(db), "retag"])
    assert retag.exit_code == 0 and f"Re-tagged {len(stored)} of {len(stored)}" in retag.output, retag.output
    exported = {url: sorted(rows) for url, rows in export_coding(db, tmp_path).items()}
    tagged = {article.url: sorted(tag_coding(article, tmp_path)) for article in stored}
    assert {url: (coding, exported.get(url, [])) for url, coding in tagged.items() if coding != exported.get(url, [])} == {}
    assert sum(len(rows) for rows in exported.values()) > 20
    assert any(acled for rows in exported.values() for _type, _secondary, acled in rows)
