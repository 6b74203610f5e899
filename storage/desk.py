"""The desk's one door to the database: every read and write the desk's panes and objects make, on one engine.

The desk (tui/) holds one `DeskStore` and hands it to each pane; a pane reads what it shows through it in its
own workers. The methods are blocking (SQLAlchemy): call them from a thread. They name what the desk wants and
call the storage modules' public functions, so the SQL stays where it is and the desk has one place to look.
The values they hand back are named here too (`__all__`): the panes import nothing else of storage but the
feed's orders and the search parser, which hold no SQL (an import-linter contract in pyproject.toml).
"""

from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo

from sqlalchemy import Engine

from storage import manual_tags
from storage.actor_stats import ActorCount, latest_dated, recent_period_end, top_actors
from storage.articles import (
    ArticleRow,
    ArticleView,
    article_title,
    articles_after,
    feed_page,
    get_articles,
    mark_feed_read,
    newest_id,
    relevant_count,
    set_read,
)
from storage.feed_order import ARRIVAL, FeedOrder
from storage.feeds import add_feed, disable_feed, enable_feed, enabled_feeds, feed_at, get_feed, list_feeds
from storage.folders import Folder, folders
from storage.manual_tags import ArticleTagging, PlaceChoice, RowDetails, TagChange, TaggingError
from storage.models import Actor, Feed
from storage.notify import ChangeWatcher
from storage.review import review_count
from storage.saved_searches import save_search, saved_searches
from storage.search import SearchSource
from storage.search_parser import Query
from storage.tags import MentionView, TaggingBacklog, article_mentions, sampled_tagger_versions
from storage.timeline import GRAINS, Place, Timeline, engagement_timeline, period_end, period_start
from storage.watch import articles_naming

__all__ = [
    "GRAINS", "ActorCount", "ArticleRow", "ArticleTagging", "ArticleView", "ChangeWatcher", "DeskStore", "Feed",
    "Folder", "HandTags", "MentionView", "Place", "PlaceChoice", "RowDetails", "StoredArticles", "TagChange",
    "TaggingBacklog", "TaggingError", "Timeline", "period_end", "period_start",
]


class StoredArticles:
    """Every stored article not marked not relevant: the feed's default source of rows."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def count(self) -> int:
        return relevant_count(self.engine)

    def page(self, limit: int, before: tuple | None = None, *, order: FeedOrder = ARRIVAL, ceiling: int | None = None,
             offset: int = 0) -> list[ArticleRow]:
        return feed_page(self.engine, order, limit, before, ceiling, offset)

    def after(self, after_id: int) -> list[ArticleRow]:
        return articles_after(self.engine, after_id)

    def mark_read(self, ceiling: int, arrivals: list[int]) -> int:
        return mark_feed_read(self.engine, ceiling, arrivals)


class HandTags:
    """One analyst's changes to the tagger's coding (`storage.manual_tags`): each audited under `user`, undoable."""

    def __init__(self, engine: Engine, user: str) -> None:
        self.engine = engine
        self.user = user

    def set_type(self, article_id: int, type_id: str) -> TagChange:
        return manual_tags.set_type(self.engine, article_id, type_id, self.user)

    def confirm_coding(self, article_id: int) -> TagChange:
        """The tagger's engagements are right: the article leaves the review list."""
        return manual_tags.confirm_coding(self.engine, article_id, self.user)

    def set_kabupaten(self, article_id: int, place: PlaceChoice) -> TagChange:
        return manual_tags.set_kabupaten(self.engine, article_id, place, self.user)

    def set_event_date(self, article_id: int, day: date | None) -> TagChange:
        return manual_tags.set_event_date(self.engine, article_id, day, self.user)

    def add_tag(self, article_id: int, tag: str) -> TagChange:
        return manual_tags.add_tag(self.engine, article_id, tag, self.user)

    def toggle_tag(self, article_id: int, tag: str, present: Collection[str]) -> TagChange:
        """Take `tag` off when it is among the article's `present` tags, else add it."""
        if manual_tags.normalise_tag(tag) in present:
            return manual_tags.remove_tag(self.engine, article_id, tag, self.user)
        return self.add_tag(article_id, tag)

    def add_actor(self, article_id: int, kind: str, name: str, rank: str | None = None, position: str | None = None,
                  organisation: str | None = None, unit: str | None = None) -> TagChange:
        return manual_tags.add_actor(self.engine, article_id, self.user, kind, name, rank, position, organisation, unit)

    def set_not_relevant(self, article_id: int, not_relevant: bool) -> TagChange:
        return manual_tags.set_not_relevant(self.engine, article_id, not_relevant, self.user)

    def set_starred(self, article_id: int, starred: bool) -> TagChange:
        return manual_tags.set_starred(self.engine, article_id, starred, self.user)

    def undo_last(self) -> TagChange | None:
        """Undo this analyst's last change, on whichever article (None when there is none)."""
        return manual_tags.undo_last(self.engine, self.user)

    def known_tags(self) -> list[str]:
        return manual_tags.known_tags(self.engine)

    def known_actors(self) -> list[Actor]:
        return manual_tags.known_actors(self.engine)


class DeskStore:
    """What the desk reads and writes, by what it is for; `engine` for the screens that take one whole."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # The feed ------------------------------------------------------------------------------

    def stored_articles(self) -> StoredArticles:
        return StoredArticles(self.engine)

    def search(self, query: Query, zone: tzinfo = timezone.utc) -> SearchSource:
        """The articles matching `query`, a row source like `stored_articles`."""
        return SearchSource(self.engine, query, zone)

    def newest_id(self) -> int:
        return newest_id(self.engine)

    def sampled_tagger_versions(self) -> set[str | None]:
        """The tagger versions whose tags are stored, as a bounded sample of the articles finds them."""
        return sampled_tagger_versions(self.engine)

    def row_details(self, article_ids: Iterable[int]) -> dict[int, RowDetails]:
        return manual_tags.row_details(self.engine, article_ids)

    def watched(self, article_ids: Collection[int], terms: Collection[str]) -> set[int]:
        """The articles whose title or summary names one of `terms`."""
        return articles_naming(self.engine, article_ids, terms)

    def set_read(self, article_id: int, read: bool) -> None:
        set_read(self.engine, article_id, read)

    # The selected article --------------------------------------------------------------------

    def hand_tags(self, user: str) -> HandTags:
        """The changes `user` makes by hand."""
        return HandTags(self.engine, user)

    def articles(self, article_ids: Sequence[int]) -> dict[int, ArticleView]:
        return get_articles(self.engine, article_ids)

    def tagging(self, article_id: int) -> ArticleTagging:
        return manual_tags.article_tagging(self.engine, article_id)

    def title(self, article_id: int) -> str | None:
        return article_title(self.engine, article_id)

    def mentions(self, article_id: int) -> list[MentionView]:
        return article_mentions(self.engine, article_id)

    # The counting panes ----------------------------------------------------------------------

    def top_actors(self, days: int, now: datetime) -> tuple[list[ActorCount], datetime | None]:
        """The most-named actors of the last `days` days, and where that period ends when not `now` (the newest
        article, when it is older than the period)."""
        end = recent_period_end(now, latest_dated(self.engine), days)
        return top_actors(self.engine, (end or now) - timedelta(days=days)), end

    def timeline(self, grain: str) -> Timeline:
        return engagement_timeline(self.engine, grain)

    def review_count(self) -> int:
        return review_count(self.engine)

    # Feeds, saved searches, changes ----------------------------------------------------------

    def feeds(self) -> list[Feed]:
        return list_feeds(self.engine)

    def add_source(self, url: str, *, site: str = "", kind: str = "feed") -> Feed:
        """Watch `url` (a feed unless `kind` says otherwise), or the source already stored there, enabled again."""
        return add_feed(self.engine, url, site=site, kind=kind)

    def source_at(self, url: str) -> Feed | None:
        return feed_at(self.engine, url)

    def disable_feed(self, url_or_id: str) -> Feed | None:
        """Stop polling it; its articles stay."""
        return disable_feed(self.engine, url_or_id)

    def enable_feed(self, url_or_id: str) -> Feed | None:
        return enable_feed(self.engine, url_or_id)

    def folders(self, zone: tzinfo = timezone.utc) -> list[Folder]:
        """Every article, the starred, each saved search: with unread and total counts."""
        return folders(self.engine, zone)

    def feeds_to_poll(self, feed_id: int | None) -> list[Feed]:
        """Every enabled feed (None), or the one feed of `feed_id`."""
        if feed_id is None:
            return enabled_feeds(self.engine)
        feed = get_feed(self.engine, feed_id)
        return [feed] if feed is not None else []

    def saved_searches(self) -> list[tuple[str, str]]:
        """(name, query) of every saved search."""
        return [(saved.name, saved.query) for saved in saved_searches(self.engine)]

    def save_search(self, name: str, query: str, user: str) -> None:
        save_search(self.engine, name, query, user)

    def watcher(self) -> ChangeWatcher:
        """A watcher of other connections' commits (it holds a connection: close it)."""
        return ChangeWatcher(self.engine)
