"""What the tagging crash and concurrency tests check, on either backend: nothing committed is lost,
and the audit log agrees with the tags it describes."""

from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from storage.models import MANUAL, Article, ArticleTag, Engagement, TagAudit


@dataclass(frozen=True)
class TagSnapshot:
    tags: frozenset[tuple[int, int, str]]
    """(row id, article id, tag) of every free tag."""
    audit: frozenset[int]
    """Ids of every audit row."""


def tag_snapshot(engine: Engine) -> TagSnapshot:
    with Session(engine) as session:
        tags = frozenset(session.exec(select(ArticleTag.id, ArticleTag.article_id, ArticleTag.tag)).all())
        audit = frozenset(session.exec(select(TagAudit.id)).all())
    return TagSnapshot(tags, audit)


def lost_tags(before: TagSnapshot, after: TagSnapshot) -> list[str]:
    return [f"tag {row}" for row in before.tags - after.tags] + [f"audit row {id_}" for id_ in before.audit - after.audit]


def audit_disagreements(engine: Engine) -> list[str]:
    """Where the tags differ from what the audit log says was done, article by article.

    Free tags must be exactly those the log added and did not remove; the one manual engagement
    must carry the type and analyst of the log's last type change; the star the last star change.
    """
    found = []
    with Session(engine) as session:
        log = session.exec(select(TagAudit).order_by(col(TagAudit.id))).all()
        tags = set(session.exec(select(ArticleTag.article_id, ArticleTag.tag)).all())
        manual = session.exec(select(Engagement).where(Engagement.source == MANUAL)).all()
        starred = {row.id: row.is_starred for row in session.exec(select(Article))}
    expected_tags: set[tuple[int, str]] = set()
    last: dict[tuple[int, str], TagAudit] = {}
    for entry in log:
        if entry.field == "tag" and entry.action == "add":
            expected_tags.add((entry.article_id, entry.new_value))
        elif entry.field == "tag" and entry.action == "remove":
            expected_tags.discard((entry.article_id, entry.old_value))
        last[(entry.article_id, entry.field)] = entry
    found += [f"tag {tag} stored but not in the audit log" for tag in tags - expected_tags]
    found += [f"tag {tag} in the audit log but not stored" for tag in expected_tags - tags]
    coded = {}
    for row in manual:
        if row.article_id in coded:
            found.append(f"article {row.article_id} has two manual engagements")
        coded[row.article_id] = (row.type, row.created_by)
    for (article_id, field), entry in last.items():
        if field == "type" and coded.get(article_id) != (entry.new_value, entry.created_by):
            found.append(f"article {article_id}: type {coded.get(article_id)}, last audited {entry.new_value} "
                         f"by {entry.created_by}")
        if field == "starred" and starred.get(article_id) != (entry.new_value == "yes"):
            found.append(f"article {article_id}: starred {starred.get(article_id)}, last audited {entry.new_value}")
    return found
