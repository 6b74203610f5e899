"""core.vocabulary: the one reading of the engagement taxonomy, and the words every package takes from it."""

from core.vocabulary import (
    ACTOR_KINDS,
    AcledCoding,
    FeedStatus,
    acled_coding,
    actor_kind_short,
    engagement_types,
    short_label,
    tiny_label,
    type_glyph,
    type_label,
    type_rank,
)


def test_sixteen_types_most_severe_first_each_with_its_short_label_and_glyph() -> None:
    types = list(engagement_types().values())
    assert len(types) == 16
    assert [kind.rank for kind in types] == sorted(kind.rank for kind in types)
    assert types[0].id == "clash"
    assert all(0 < len(kind.short) <= 9 and 0 < len(kind.tiny) <= 6 for kind in types)
    assert len({kind.glyph for kind in types}) == 16 and all(len(kind.glyph) == 1 for kind in types)
    assert all(kind.triggers for kind in types)


def test_the_taxonomy_is_read_once_and_cannot_be_changed_by_a_caller() -> None:
    assert engagement_types() is engagement_types()
    try:
        engagement_types()["clash"] = engagement_types()["arrest"]  # type: ignore[index]
    except TypeError:
        pass
    assert engagement_types()["clash"].id == "clash"


def test_desk_names_of_known_and_unknown_types() -> None:
    assert short_label("protest_security") == "escort" and tiny_label("legal_complaint") == "compl"
    assert type_glyph("clash") == "X"
    assert type_label("hearing") == "Hearing / audience"
    assert type_rank("clash") == 1
    assert (short_label("an_old_type_gone_since"), type_glyph("an_old_type_gone_since")) == ("an_old_ty", "?")
    assert type_label("an_old_type") == "an_old_type" and type_rank("an_old_type") > 16
    assert (short_label(None), type_glyph(None)) == ("", " ")


def test_acled_coding_of_types_alone() -> None:
    assert acled_coding("clash") == AcledCoding("Demonstrations", "Riots", "Violent demonstration")
    assert acled_coding("arrest") == AcledCoding("Strategic developments", "Strategic developments", "Arrests")
    assert acled_coding("arrest", ["protest"]).sub_event_type == "Protest with intervention"
    assert acled_coding("strike", ["protest"]).sub_event_type == "Peaceful protest"
    assert acled_coding("dialogue") is None and acled_coding("dialogue", ["ceremony"]) is None


def test_actor_kinds_and_feed_statuses_are_plain_strings_where_stored() -> None:
    assert ACTOR_KINDS == ("police", "labour", "government", "company", "person")
    assert actor_kind_short("government") == "govt" and actor_kind_short("police") == "police"
    assert FeedStatus.OFFLINE == "offline" and f"{FeedStatus.NOT_MODIFIED}" == "not modified"
