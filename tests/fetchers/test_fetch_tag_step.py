"""The pipeline's tagging step hands the tagger what it reads dates from: the publication time and the address."""

from pathlib import Path

from fetchers.tag_step import tag_pending
from storage.articles import NewArticle, add_articles
from storage.engine import make_engine
from storage.feeds import add_feed
from storage.tags import article_engagements


def test_fetch_tag_step_reads_the_publication_month_from_the_address(tmp_path: Path) -> None:
    # No publication date: '/2020/10/' in the address puts 'senin (19/10)' in 2020 (a Monday then).
    body = "Kapolres Fiksi AKBP Damar Wulan menandatangani deklarasi damai dengan buruh SPN pada senin (19/10)."
    engine = make_engine(f"sqlite:///{tmp_path / 'pantau.db'}")
    try:
        feed = add_feed(engine, "http://contoh.example/feed.xml")
        add_articles(engine, feed.id, [NewArticle(
            guid="g1", url="http://contoh.example/2020/10/deklarasi-damai/", title="Deklarasi damai",
            published_at=None, summary="", body=body, extraction_status="ok", content_hash="h1")])
        assert tag_pending(engine) == 1
        [engagement] = article_engagements(engine, 1)
        assert engagement.event_date.isoformat() == "2020-10-19"
    finally:
        engine.dispose()


def test_tag_pending_tells_its_backlog_first_and_its_progress_after(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'pantau.db'}")
    try:
        feed = add_feed(engine, "http://contoh.example/feed.xml")
        add_articles(engine, feed.id, [NewArticle(f"g{n}", f"http://contoh.example/{n}", f"Berita {n}", None, "",
                                                  "Buruh berunjuk rasa di Serang.", "ok", f"h{n}") for n in range(3)])
        heard: list = []
        assert tag_pending(engine, heard.append, heard.append) == 3
        [backlog, *progress] = heard
        assert backlog.by_version == {None: 3} and backlog.older_versions == []
        assert progress == [1, 2, 3]
        assert tag_pending(engine, heard.append, heard.append) == 0 and len(heard) == 4, "nothing left: not a word"
    finally:
        engine.dispose()
