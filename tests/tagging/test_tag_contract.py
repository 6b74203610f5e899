"""The `pantau tag` JSON contract of README.md: exact keys, offsets into the text, version."""

import json
from datetime import datetime, timedelta, timezone

from tagging import TAGGER_VERSION, tag_article

TEXT = ("Kapolres Serang AKBP Condro Sasongko menggelar Ngariung Aman bersama buruh Aliansi Serikat Pekerja "
        "Serikat Buruh (ASPSB) di Kecamatan Kragilan, Kabupaten Serang, Senin (8/12/2025).")


def tagged() -> dict:
    return tag_article("", TEXT, datetime(2025, 12, 8, 10, tzinfo=timezone(timedelta(hours=7)))).to_json()


def test_tag_json_has_exactly_the_contract_keys() -> None:
    out = tagged()
    assert set(out) == {"places", "actors", "engagements"}
    assert all(set(p) == {"name", "code", "level", "province", "precision", "span"} for p in out["places"])
    assert all(set(a) == {"kind", "name", "position", "rank", "organisation", "unit", "spans"} for a in out["actors"])
    assert all(set(e) == {"type", "secondary_types", "date", "date_precision", "year_inferred", "kabupaten_kota",
                          "code", "province", "police_actors", "labour_actors", "other_actors", "evidence"}
               for e in out["engagements"])
    json.dumps(out)


def test_tag_json_values_for_a_known_article() -> None:
    out = tagged()
    assert out["engagements"] == [{
        "type": "dialogue", "secondary_types": [], "date": "2025-12-08", "date_precision": 1, "year_inferred": False,
        "kabupaten_kota": "Kabupaten Serang", "code": "36.04", "province": "Banten",
        "police_actors": ["Condro Sasongko"], "labour_actors": ["ASPSB"], "other_actors": [],
        "evidence": {"text": TEXT, "span": [0, len(TEXT)]},
    }]
    assert [(p["code"], p["level"], p["precision"]) for p in out["places"]] == [("36.04", "kabupaten", 2),
                                                                              ("36.04.11", "kecamatan", 1)]
    assert {a["kind"] for a in out["actors"]} == {"police", "labour"}


def test_tag_every_span_points_into_the_text() -> None:
    out = tagged()
    spans = [p["span"] for p in out["places"]] + [s for a in out["actors"] for s in a["spans"]]
    assert spans and all(0 <= start < end <= len(TEXT) for start, end in spans)


def test_tag_extended_json_adds_confidences_and_the_version() -> None:
    out = tag_article("", TEXT).to_json(extended=True)
    assert out["tagger_version"] == TAGGER_VERSION
    assert all(0 < e["confidence"] <= 1 for e in out["engagements"])
    assert all(0 < a["confidence"] <= 1 for a in out["actors"])


def test_tag_empty_text_yields_no_tags() -> None:
    assert tag_article("", "").to_json() == {"places": [], "actors": [], "engagements": []}
