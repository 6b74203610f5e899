"""The tagging step of the pipeline: stored articles in, automatic tags stored out."""

import logging
from collections.abc import Callable

from sqlalchemy import Engine

from storage.articles import get_article
from storage.tags import TaggingBacklog, articles_to_tag, replace_auto_tags, tagging_backlog
from tagging import TAGGER_VERSION, tag_article

log = logging.getLogger(__name__)

BATCH = 200


def tag_pending(engine: Engine, on_progress: Callable[[int], None] | None = None,
                on_backlog: Callable[[TaggingBacklog], None] | None = None) -> int:
    """Tag every article not yet tagged by this tagger version and return how many were tagged.

    Re-tagging after a lexicon change is the same call: the version differs, so every article
    is pending again, and `replace_auto_tags` leaves the analysts' manual tags alone. An article
    the tagger fails on is logged and skipped, never retried in a loop. `on_backlog` hears what the
    pass has before it, when it has anything: a first batch that is not full is the whole backlog,
    and a larger one is counted in the version index.
    """
    done = 0
    batch = articles_to_tag(engine, TAGGER_VERSION, BATCH)
    if batch and on_backlog is not None:
        on_backlog(tagging_backlog(engine, TAGGER_VERSION, batch if len(batch) < BATCH else None))
    while batch:
        for article_id in batch:
            if _tag_one(engine, article_id):
                done += 1
            if on_progress is not None:
                on_progress(done)
        batch = articles_to_tag(engine, TAGGER_VERSION, BATCH, after_id=batch[-1])
    return done


def _tag_one(engine: Engine, article_id: int) -> bool:
    view = get_article(engine, article_id)
    if view is None:
        return False
    article = view.article
    try:
        tags = tag_article(article.title, article.body or article.summary, article.published_at, article.url)
    except Exception:
        log.exception("tagging failed for article %s (%s)", article_id, article.url)
        return False
    replace_auto_tags(engine, article_id, tags)
    return True
