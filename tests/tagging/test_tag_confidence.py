"""Confidence of an engagement, on short sentences of our own: confident (no review needed) when its type is
stated in the headline or lead and again, its sides are near the trigger and nothing competes; not when the
type rests on one remark deep in the article, another type is stated as often, or the event is recalled."""

from datetime import datetime, timedelta, timezone

from core.vocabulary import CONFIDENT_AT
from tagging import tag_article

PUBLISHED = datetime(2025, 12, 8, 10, tzinfo=timezone(timedelta(hours=7)))
POLICE = "Kapolres Lebak AKBP Bayu Prasetyo"
UNION = "buruh Federasi Serikat Pekerja Metal Indonesia (FSPMI)"
FILLER = " ".join(f"Paragraf {n} membahas cuaca dan lalu lintas kota." for n in range(1, 6))


def engagements(text: str):
    return tag_article("", text, PUBLISHED).engagements


def test_tag_confidence_every_engagement_carries_one() -> None:
    text = f"{POLICE} menerima audiensi {UNION} di Mapolres Lebak, Senin (1/12/2025)."
    assert all(0 < e.confidence <= 1 for e in engagements(text))


def test_tag_confidence_a_type_stated_in_the_lead_and_again_is_confident() -> None:
    text = (f"Polres Lebak Kawal Unjuk Rasa Buruh FSPMI\n{POLICE} mengerahkan 200 personel untuk pengamanan unjuk "
            f"rasa {UNION} di depan kantor Bupati Lebak, Senin (1/12/2025).\nPengamanan berjalan hingga sore.")
    [e] = engagements(text)
    assert e.type == "protest_security" and e.confident


def test_tag_confidence_one_remark_deep_in_the_article_is_for_review() -> None:
    text = (f"Pemkab Lebak meresmikan taman kota, Senin (1/12/2025).\n{FILLER}\n{POLICE} juga menyebut "
            f"pengamanan unjuk rasa {UNION} pekan lalu berjalan lancar.")
    found = engagements(text)
    assert found and not any(e.confident for e in found)


def test_tag_confidence_a_rival_type_stated_as_often_is_for_review() -> None:
    text = (f"{POLICE} menangkap dua pengurus {UNION} dan menerima laporan polisi dari perusahaan, Senin "
            "(1/12/2025).")
    [e] = engagements(text)
    assert e.type == "arrest" and e.confidence < CONFIDENT_AT


def test_tag_confidence_a_recalled_event_is_less_sure_than_the_article_own() -> None:
    text = (f"{POLICE} menggelar silaturahmi bersama {UNION} di Kecamatan Rangkasbitung, Senin (8/12/2025). "
            "Silaturahmi digelar pasca aksi unjuk rasa menuntut kenaikan UMK pada Kamis (27/11) lalu.")
    own, recalled = engagements(text)
    assert own.type == "dialogue" and recalled.confidence < own.confidence



def test_tag_confidence_a_protest_with_no_police_role_is_always_reviewed() -> None:
    text = (f"Unjuk Rasa Buruh di Mapolres Lebak\nRatusan {UNION} berunjuk rasa di depan Mapolres Lebak menuntut "
            "laporan mereka diproses, Senin (1/12/2025). Unjuk rasa berlangsung dua jam.")
    [e] = engagements(text)
    assert e.type == "protest" and not e.confident


def test_tag_confidence_two_types_in_the_lead_compete_and_are_reviewed() -> None:
    text = (f"Ratusan Buruh Mogok Kerja, Polres Lebak Kerahkan 200 Personel\n{POLICE} mengerahkan 200 personel untuk "
            f"pengamanan mogok kerja {UNION} di depan pabrik PT Sinar Lebak, Senin (1/12/2025).\nMogok kerja "
            "berlangsung hingga sore. Mogok kerja dilanjutkan Selasa.")
    [e] = engagements(text)
    assert e.type == "strike" and "protest_security" in e.secondary_types and not e.confident


def test_tag_confidence_security_of_an_action_no_word_names_is_reviewed() -> None:
    text = ("Ratusan Karyawan Datangi Kantor PT Sumber Rejeki\nRatusan karyawan PT Sumber Rejeki mendatangi kantor "
            "perusahaan di Kecamatan Ngoro, Senin (1/12/2025). Para karyawan menuntut tunjangan yang belum dibayar. "
            f"{POLICE} bersama personel Polsek Ngoro berjaga di lokasi.\nPersonel Polsek Ngoro berjaga hingga sore.")
    [e] = engagements(text)
    assert e.type == "protest_security" and not e.confident


def test_tag_confidence_a_lead_that_names_no_labour_is_reviewed() -> None:
    text = (f"Polres Lebak Siagakan Personel\n{POLICE} mengerahkan 200 personel untuk pengamanan unjuk rasa di depan "
            "kantor Bupati Lebak, Senin (1/12/2025).\nPengamanan unjuk rasa berjalan hingga sore.\n"
            f"{FILLER}\nUnjuk rasa itu digelar {UNION}.")
    [e] = engagements(text)
    assert e.type == "protest_security" and not e.confident


def test_tag_confidence_another_type_stated_anywhere_is_reviewed() -> None:
    text = (f"Polres Lebak Kawal Unjuk Rasa Buruh FSPMI\n{POLICE} mengerahkan 200 personel untuk pengamanan unjuk "
            f"rasa {UNION} di depan kantor Bupati Lebak, Senin (1/12/2025).\nPengamanan berjalan hingga sore.\n"
            f"{FILLER}\nUsai aksi, {POLICE} berdialog dengan pengurus serikat buruh di Mapolres Lebak.")
    [e] = engagements(text)
    assert e.type == "protest_security" and "dialogue" in e.secondary_types and not e.confident


def test_tag_confidence_a_bare_police_word_is_reviewed() -> None:
    text = ("Polisi Kawal Unjuk Rasa Buruh FSPMI\nPolisi mengerahkan ratusan personel untuk pengamanan unjuk rasa "
            f"{UNION} di depan kantor Bupati Lebak, Senin (1/12/2025).\nPengamanan berjalan hingga sore.")
    [e] = engagements(text)
    assert e.type == "protest_security" and not e.confident
