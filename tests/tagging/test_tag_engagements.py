"""Engagement typing: one test per caveat of engagement_types.json, plus the general rules of the issue."""

import json
from datetime import datetime, timedelta, timezone

import pytest

from tagging import tag_article
from tagging.lexicon import seeds_dir

WIB = timezone(timedelta(hours=7))
PUBLISHED = datetime(2025, 12, 8, 10, tzinfo=WIB)
POLICE = "Kapolres Serang AKBP Condro Sasongko"
UNION = "buruh Aliansi Serikat Pekerja Serikat Buruh (ASPSB)"


def engagements(text: str):
    return tag_article("", text, PUBLISHED).engagements


def types(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(e.type, e.secondary_types) for e in engagements(text)]


def test_tag_every_caveat_has_a_test_here() -> None:
    data = json.loads((seeds_dir() / "lexicons" / "engagement_types.json").read_text(encoding="utf-8"))
    counted = {t["id"]: len(t["caveats"]) for t in data["types"]}
    assert counted == CAVEAT_TESTS


CAVEAT_TESTS = {"clash": 2, "dispersal": 2, "arrest": 2, "blockade": 1, "protest": 2, "strike": 2,
                "protest_security": 2, "agreement": 2, "mediation": 1, "legal_complaint": 2, "hearing": 1,
                "pre_protest_coordination": 1, "dialogue": 1, "joint_security": 1, "social_service": 1,
                "ceremony": 1}


# clash
def test_tag_clash_saling_dorong_alone_is_borderline_and_recorded() -> None:
    text = f"Ratusan {UNION} menggelar unjuk rasa di Kabupaten Serang. Sempat terjadi saling dorong dengan petugas. {POLICE} memimpin pengamanan."
    [e] = engagements(text)
    assert e.type == "protest_security" and "clash" not in e.secondary_types
    assert "wording: saling dorong (borderline clash)" in e.notes


def test_tag_clash_police_force_on_peaceful_protesters_is_dispersal() -> None:
    text = f"Aksi damai {UNION} di Kabupaten Serang dibubarkan paksa dengan gas air mata oleh aparat. {POLICE} membenarkan."
    assert types(text)[0][0] == "dispersal"


# dispersal
def test_tag_dispersal_with_serious_injuries_is_excessive_force() -> None:
    text = f"Aksi {UNION} di Kabupaten Serang dibubarkan dengan gas air mata. Dua buruh dirawat di rumah sakit. {POLICE} menyesalkan."
    [e] = engagements(text)
    assert (e.type, e.acled.event_type, e.acled.sub_event_type) == ("dispersal", "Protests",
                                                                     "Excessive force against protesters")


def test_tag_dispersal_order_without_physical_action_stays_peaceful_protest() -> None:
    text = f"{POLICE} meminta massa aksi {UNION} membubarkan barisan karena melewati batas waktu unjuk rasa."
    [e] = engagements(text)
    assert (e.type, e.acled.sub_event_type) == ("dispersal", "Peaceful protest")


# arrest
def test_tag_arrest_securing_the_protest_is_not_an_arrest() -> None:
    text = f"{POLICE} mengerahkan personel untuk mengamankan jalannya aksi unjuk rasa {UNION} di Kabupaten Serang."
    assert "arrest" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}
    text = f"Dalam unjuk rasa {UNION} di Kabupaten Serang, polisi mengamankan tiga buruh. {POLICE} membenarkan."
    assert types(text)[0][0] == "arrest"


def test_tag_arrest_during_a_protest_is_part_of_that_protest_event() -> None:
    """ACLED's codebook: an arrest during a demonstration is a Protest with intervention, not an Arrests event."""
    text = f"Unjuk rasa {UNION} di Kabupaten Serang berujung penangkapan dua korlap. {POLICE} membenarkan."
    [e] = engagements(text)
    assert (e.type, "protest" in e.secondary_types) == ("arrest", True)
    assert (e.acled.event_type, e.acled.sub_event_type) == ("Protests", "Protest with intervention")


# blockade
def test_tag_blockade_with_burning_tyres_is_a_riot() -> None:
    text = f"Massa {UNION} memblokade jalan dan bakar ban di Kabupaten Serang. {POLICE} menegur massa."
    [e] = engagements(text)
    assert (e.type, "blockade" in e.secondary_types, e.acled.sub_event_type) == ("clash", True, "Violent demonstration")


# protest
@pytest.mark.parametrize("social", ["aksi sosial", "aksi donor darah"])
def test_tag_protest_aksi_sosial_is_not_a_protest(social: str) -> None:
    text = f"{POLICE} dan {UNION} menggelar {social} di Kabupaten Serang."
    assert "protest" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}


def test_tag_protest_needs_a_labour_cue_not_just_aksi() -> None:
    # ACLED counts gatherings of 3+ people; a lone 'aksi' without a protest trigger proposes nothing.
    text = f"{POLICE} menyambut aksi rombongan Aliansi Serikat Pekerja Serikat Buruh (ASPSB) di Kabupaten Serang."
    assert engagements(text) == ()


# strike
def test_tag_strike_mogok_makan_is_a_hunger_strike() -> None:
    text = f"Tiga {UNION} melakukan mogok makan di depan pabrik di Kabupaten Serang. {POLICE} menjenguk mereka."
    assert "strike" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}


def test_tag_strike_a_threat_is_not_a_strike() -> None:
    text = f"{UNION} mengancam mogok kerja jika UMK tidak naik. {POLICE} mengimbau dialog di Kabupaten Serang."
    assert "strike" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}


# protest_security
def test_tag_protest_security_records_the_police_role_beside_the_protest() -> None:
    # DOMAIN.md: a secured peaceful protest is protest_security, the protest its secondary type.
    text = f"Ribuan {UNION} berunjuk rasa di Kabupaten Serang. {POLICE} menerjunkan personel gabungan untuk pengamanan."
    assert types(text) == [("protest_security", ("protest",))]


def test_tag_protest_security_with_force_becomes_dispersal() -> None:
    text = (f"Ribuan {UNION} berunjuk rasa di Kabupaten Serang dengan pengawalan personel gabungan. "
            f"Massa kemudian dihalau dengan water cannon. {POLICE} membenarkan.")
    assert types(text)[0][0] == "dispersal"


# agreement
def test_tag_agreement_pkb_is_union_and_employer_only() -> None:
    text = f"{UNION} dan manajemen PT Sinar Baja menandatangani Perjanjian Kerja Bersama (PKB). {POLICE} hadir sebagai undangan."
    assert "agreement" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}


def test_tag_agreement_pks_the_party_is_no_agreement_but_a_police_mou_is() -> None:
    assert engagements(f"Kader PKS menemui {UNION}. {POLICE} hadir.") == ()
    text = f"Polres Serang dan {UNION} menandatangani nota kesepahaman di Kabupaten Serang. {POLICE} hadir."
    assert types(text)[0][0] == "agreement"


# mediation
def test_tag_mediation_by_disnaker_is_not_police_mediation() -> None:
    text = f"Mediator Disnaker memediasi {UNION} dengan perusahaan di Kabupaten Serang. Sebelumnya {POLICE} menyambangi buruh."
    assert "mediation" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}
    text = f"Satintelkam Polres Serang memediasi {UNION} dengan perusahaan. {POLICE} mengapresiasi."
    assert types(text)[0][0] == "mediation"


# legal_complaint
def test_tag_legal_complaint_records_the_direction() -> None:
    text = f"Serikat {UNION} melaporkan dugaan union busting ke Polres Serang. {POLICE} menerima laporan polisi itu."
    [e] = engagements(text)
    assert e.type == "legal_complaint" and "direction: union -> police" in e.notes
    text = f"Manajemen perusahaan melaporkan {UNION} ke polisi atas perusakan. {POLICE} memulai penyelidikan."
    assert "direction: employer -> police" in engagements(text)[0].notes


def test_tag_legal_complaint_to_propam_is_against_officers() -> None:
    text = f"{UNION} mengadu ke Propam atas tindakan anggota. {POLICE} menerima pengaduan itu."
    assert "complaint against police officers (Propam)" in engagements(text)[0].notes


# hearing
def test_tag_hearing_with_officials_only_is_not_an_engagement() -> None:
    text = f"Menaker menerima audiensi {UNION} di kantor Kemnaker, Jakarta."
    assert engagements(text) == ()
    text = f"{POLICE} menerima audiensi {UNION} di Mapolres Serang."
    assert types(text)[0][0] == "hearing"


# pre_protest_coordination
def test_tag_pre_protest_notice_is_coordination() -> None:
    text = f"{UNION} menyerahkan surat pemberitahuan aksi kepada {POLICE} di Kabupaten Serang."
    assert types(text)[0][0] == "pre_protest_coordination"


# dialogue
def test_tag_dialogue_recalling_a_protest_gives_two_engagements() -> None:
    text = (f"{POLICE} menggelar Ngariung Aman bersama {UNION} di Kecamatan Kragilan, Kabupaten Serang, Senin (8/12/2025). "
            "Kegiatan ini digelar pasca aksi unjuk rasa menuntut kenaikan UMK pada Kamis (27/11) lalu.")
    found = [(e.type, e.date.date.isoformat(), e.date.year_inferred) for e in engagements(text)]
    assert found == [("dialogue", "2025-12-08", False), ("protest", "2025-11-27", True)]


# joint_security
def test_tag_kamtibmas_alone_never_proposes_joint_security() -> None:
    text = f"{POLICE} mengajak {UNION} menjaga kamtibmas tetap kondusif dengan sinergi."
    assert engagements(text) == ()


# social_service
def test_tag_social_service_inside_a_ceremony_keeps_both() -> None:
    text = f"{POLICE} menggelar bakti sosial dalam rangka HUT ke-53 KSPSI bersama {UNION}."
    assert types(text) == [("social_service", ("ceremony",))]


# ceremony
def test_tag_may_day_rally_is_a_protest_and_a_celebration_is_a_ceremony() -> None:
    rally = f"Peringatan May Day diwarnai unjuk rasa {UNION} di Kabupaten Serang. {POLICE} mengawal massa."
    assert "ceremony" not in {t for e in engagements(rally) for t in (e.type, *e.secondary_types)}
    celebration = f"{POLICE} merayakan May Day bersama {UNION} dengan jalan sehat di Kabupaten Serang."
    assert types(celebration)[0][0] == "ceremony"


# general rules
def test_tag_no_engagement_without_police() -> None:
    assert engagements(f"Ribuan {UNION} berunjuk rasa di Kabupaten Serang.") == ()


def test_tag_no_engagement_without_labour() -> None:
    assert engagements(f"{POLICE} membubarkan balap liar dan menangkap tiga pemuda.") == ()


def test_tag_weak_triggers_never_propose_a_type() -> None:
    text = f"{POLICE} mengapresiasi {UNION} yang menjaga situasi kondusif dan aman, sinergi kamtibmas terus terjaga."
    assert engagements(text) == ()


def test_tag_the_most_severe_type_is_primary() -> None:
    text = f"Unjuk rasa {UNION} di Kabupaten Serang berubah ricuh dan terjadi bentrokan dengan petugas. {POLICE} menangkap dua buruh."
    [e] = engagements(text)
    assert e.type == "clash" and list(e.secondary_types) == ["arrest", "protest"]


def test_tag_evidence_is_the_sentence_of_the_trigger() -> None:
    text = f"{POLICE} hadir. Ribuan {UNION} berunjuk rasa di Kabupaten Serang."
    [e] = engagements(text)
    assert e.evidence.text == f"Ribuan {UNION} berunjuk rasa di Kabupaten Serang."
    assert text[e.evidence.start:e.evidence.end] == e.evidence.text


@pytest.mark.parametrize("plan", ["Jelang aksi buruh pada Kamis (4/12/2025)",
                                  "Menjelang rencana mogok nasional Kamis (4/12/2025)"])
def test_tag_a_planned_action_s_day_written_first_does_not_date_the_meeting(plan: str) -> None:
    text = f"{plan}, {POLICE} menggelar rapat koordinasi dengan pengurus {UNION}, Senin (1/12/2025)."
    [e] = engagements(text)
    assert e.type == "pre_protest_coordination" and str(e.date.date) == "2025-12-01"
