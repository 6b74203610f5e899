"""The analysts' manual types as labels for `pantau learn` (storage/labels.py), on a real SQLite file."""

from datetime import datetime, timezone

from storage.articles import NewArticle, add_articles, newest_articles
from storage.feeds import add_feed
from storage.labels import manual_type_labels
from storage.manual_tags import PlaceChoice, confirm_coding, set_kabupaten, set_type, undo_last
from storage.tags import replace_auto_tags
from tests.support.tagged import tags_of

TEXT = "Kapolres Serang AKBP Dimas Wiratama menerima audiensi buruh KSPSI di Mapolres Serang."
AUTO = {"places": [], "actors": [], "engagements": [
    {"type": "dialogue", "secondary_types": [], "date": None, "date_precision": None, "year_inferred": False,
     "kabupaten_kota": None, "code": None, "province": None, "police_actors": [], "labour_actors": [],
     "other_actors": [], "evidence": {"text": "audiensi", "span": [37, 45]}}]}
PUBLISHED = datetime(2025, 12, 8, 5, tzinfo=timezone.utc)


def stored(engine, count: int) -> list[int]:
    feed = add_feed(engine, "http://example.test/feed")
    add_articles(engine, feed.id, [
        NewArticle(f"g{n}", f"http://example.test/{n}", f"Berita {n}", PUBLISHED, "ringkasan", TEXT if n else "",
                   "ok", "") for n in range(count)])
    ids = sorted(row.id for row in newest_articles(engine, count))
    for article_id in ids:
        replace_auto_tags(engine, article_id, tags_of(AUTO, "t1"))
    return ids


def test_a_type_set_by_hand_is_a_label_with_the_text_the_tagger_reads(engine):
    summary_only, with_body = stored(engine, 2)
    set_type(engine, summary_only, "hearing", "alice")
    set_type(engine, with_body, "mediation", "alice")
    labels = manual_type_labels(engine)
    assert [(label.article_id, label.type) for label in labels] == [(summary_only, "hearing"),
                                                                    (with_body, "mediation")]
    assert labels[0].text == "ringkasan" and labels[1].text == TEXT
    assert labels[1].url == "http://example.test/1"
    assert labels[1].published_at.replace(tzinfo=timezone.utc) == PUBLISHED


def test_the_latest_type_counts_and_an_undone_one_does_not(engine):
    changed, undone = stored(engine, 2)
    set_type(engine, changed, "protest", "alice")
    set_type(engine, changed, "strike", "bob")
    set_type(engine, undone, "clash", "carol")
    undo_last(engine, "carol")
    assert [(label.article_id, label.type) for label in manual_type_labels(engine)] == [(changed, "strike")]


def test_types_carried_over_by_a_place_change_are_not_labels(engine):
    placed, typed = stored(engine, 2)
    set_kabupaten(engine, placed, PlaceChoice("36.04", "Kabupaten Serang", "Banten"), "alice")
    set_type(engine, typed, "hearing", "alice")
    set_kabupaten(engine, typed, PlaceChoice("36.04", "Kabupaten Serang", "Banten"), "alice")
    assert [(label.article_id, label.type) for label in manual_type_labels(engine)] == [(typed, "hearing")]


def test_a_confirmed_type_is_a_label_too(engine):
    confirmed, untouched = stored(engine, 2)
    confirm_coding(engine, confirmed, "alice")
    assert [(label.article_id, label.type) for label in manual_type_labels(engine)] == [(confirmed, "dialogue")]
    assert untouched not in {label.article_id for label in manual_type_labels(engine)}
