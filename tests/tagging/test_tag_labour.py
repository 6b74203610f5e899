"""Labour actors as real regional news writes them: one test per failure class of issue #13, in short
sentences of our own (invented unions, people and companies)."""

from datetime import datetime

from tagging import tag_article

PUBLISHED = datetime(2025, 12, 8, 12)


def engagement_labour(text: str) -> list[tuple[str, ...]]:
    return [e.labour_actors for e in tag_article("", text, PUBLISHED).engagements]


def test_tag_unnamed_workers_make_the_engagement_but_are_not_listed_as_an_organisation() -> None:
    text = ("Ratusan buruh berunjuk rasa di depan Kantor Bupati Serang, Senin (8/12/2025). "
            "Kapolres Serang AKBP Bayu Pratama memimpin pengamanan aksi unjuk rasa tersebut.")
    assert engagement_labour(text) == [()]
