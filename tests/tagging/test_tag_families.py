"""Triggers as word families (tagging/morphology.py, seeds/lexicons/trigger_families.csv): a root written once
matches the affixed forms news writes, on short reports of our own in forms the taxonomy's lists did not
name; and the caveats that keep look-alike forms out ('membubarkan diri', 'menahan diri', 'mogok makan', a road
'diblokade petugas', 'mengamankan sejumlah orang')."""

from datetime import datetime, timedelta, timezone

import pytest

from tagging import tag_article
from tagging.morphology import affixed, family

PUBLISHED = datetime(2025, 12, 8, 10, tzinfo=timezone(timedelta(hours=7)))
DAY = ", Senin (1/12/2025)."


@pytest.mark.parametrize(("root", "affix", "form"), [
    ("kawal", "meN", "mengawal"), ("kawal", "peN-an", "pengawalan"), ("kawal", "ter", "terkawal"),
    ("aman", "meN-kan", "mengamankan"), ("aman", "peN-an", "pengamanan"), ("bubar", "peN-an", "pembubaran"),
    ("bubar", "di-kan", "dibubarkan"), ("pukul mundur", "meN", "memukul mundur"), ("tangkap", "meN", "menangkap"),
    ("semprot", "meN-kan", "menyemprotkan"), ("sidik", "peN-an", "penyidikan"), ("duduk", "meN-i", "menduduki"),
    ("duduk", "peN-an", "pendudukan"), ("runding", "per-an", "perundingan"), ("runding", "ber", "berunding"),
    ("orasi", "ber", "berorasi"), ("geruduk", "meN", "menggeruduk"), ("lapor", "meN-kan", "melaporkan"),
    ("rusuh", "ke-an", "kerusuhan"), ("temu", "memper-kan", "mempertemukan"), ("protes", "meN", "memprotes"),
    ("kriminalisasi", "meN", "mengkriminalisasi"), ("tandatangan", "meN-i", "menandatangani"),
])
def test_tag_family_forms_follow_the_prefix_rules(root: str, affix: str, form: str) -> None:
    assert affixed(root, affix) == form


def test_tag_family_adds_the_clitic_nya_to_one_word_forms() -> None:
    assert family("kawal", ["peN-an"]) == ["pengawalan", "pengawalannya"]
    assert family("tutup jalan", ["meN"]) == ["menutup jalan"]


def test_tag_family_rejects_an_unknown_affix() -> None:
    with pytest.raises(ValueError):
        affixed("kawal", "ke-")


TYPED = [
    ("protest_security", "Ratusan anggota SPN berorasi di depan Kantor Wali Kota Cimahi. Aksi itu dikawal personel "
                         "Polres Cimahi"),
    ("protest_security", "Demo buruh KSPI di depan Gedung Sate terkawal oleh aparat Polrestabes Bandung"),
    ("protest_security", "Ratusan buruh berkonvoi menuju Jakarta dengan pengawalan Satlantas Polres Karawang"),
    ("protest_security", "Polisi mengatur lalu lintas saat ratusan buruh PT Sinar Jaya berunjuk rasa di depan pabrik"),
    ("protest_security", "Ratusan buruh berdemo di depan Kantor Disnaker Tangerang; Polsek Tangerang mengamankan "
                         "lokasi"),
    ("protest_security", "Massa buruh FSPMI yang hendak ke Surabaya sempat diblokade petugas Polres Sidoarjo lalu "
                         "diarahkan lewat jalan lingkar"),
    ("dispersal", "Aparat Polrestabes Medan memukul mundur massa buruh yang berdemo di depan kantor gubernur"),
    ("dispersal", "Polisi menyemprotkan air ke arah massa buruh yang bertahan di depan gedung DPRD"),
    ("clash", "Massa buruh melempari polisi dengan batu saat unjuk rasa di Kawasan Industri Jababeka"),
    ("clash", "Unjuk rasa buruh PT Sinar Jaya berujung baku hantam dengan aparat Polsek Cikupa"),
    ("arrest", "Polres Batam meringkus dua pengurus serikat buruh seusai unjuk rasa di Batam Center"),
    ("blockade", "Massa buruh menutup ruas jalan Raya Cikande; Polres Serang berjaga di lokasi"),
    ("blockade", "Ratusan buruh memblokir akses pelabuhan. Kapolres Cilegon datang menemui massa"),
    ("mediation", "Kasat Intelkam Polres Serang mempertemukan pengurus serikat pekerja dan manajemen yang "
                  "berselisih soal pesangon"),
    ("mediation", "Buruh dan manajemen PT Sinar Jaya berunding di Mapolsek Cikupa, ditengahi Kapolsek"),
    ("dialogue", "Kapolsek Cikupa berdialog dengan ratusan buruh di kantin pabrik PT Sinar Jaya"),
]

LOOKALIKES = [
    "Ratusan mahasiswa berorasi di depan Gedung DPRD Cimahi, aksi itu dikawal personel Polres Cimahi",
    "Puluhan pelajar diamankan Satreskrim Polres Cianjur karena membawa senjata tajam ke lokasi konser",
    "Tiga buruh melakukan mogok makan di depan pabrik. Kapolsek Cikupa menjenguk mereka",
    "Pedagang pasar berorasi menolak relokasi, pengawalan dilakukan Polsek Serang",
]


@pytest.mark.parametrize(("expected", "text"), TYPED)
def test_tag_family_form_is_typed(expected: str, text: str) -> None:
    found = tag_article("", text + DAY, PUBLISHED).engagements
    assert found and found[0].type == expected, [(e.type, e.secondary_types) for e in found]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_tag_family_form_keeps_lookalikes_out(text: str) -> None:
    assert tag_article("", text + DAY, PUBLISHED).engagements == ()


@pytest.mark.parametrize("held", ["Polisi mengamankan sejumlah orang", "Polisi mengamankan tiga remaja"])
def test_tag_family_securing_people_is_no_securing_of_an_action(held: str) -> None:
    text = f"{held} saat ratusan buruh berunjuk rasa di depan Kantor Bupati Karawang{DAY}"
    found = tag_article("", text, PUBLISHED).engagements
    assert not found or "protest_security" not in (found[0].type, *found[0].secondary_types)


@pytest.mark.parametrize("leaving", ["Ratusan Buruh Bubarkan Diri Usai Orasi", "Massa buruh membubarkan diri usai orasi"])
def test_tag_family_a_crowd_leaving_of_itself_is_no_dispersal(leaving: str) -> None:
    text = f"{leaving}, polisi berjaga di lokasi{DAY}"
    assert [e.type for e in tag_article("", text, PUBLISHED).engagements] == ["protest_security"]


def test_tag_family_restraint_is_no_arrest() -> None:
    text = f"Polisi menyemprotkan gas air mata ke arah buruh yang berunjuk rasa; massa aksi sempat menahan diri{DAY}"
    [found] = tag_article("", text, PUBLISHED).engagements
    assert found.type == "dispersal" and "arrest" not in found.secondary_types


def test_tag_family_an_official_inauguration_is_no_union_ceremony() -> None:
    text = (f"Kapolres Serang hadir dalam pelantikan Wali Kota Serang{DAY} Ia juga meminta serikat buruh menjaga "
            "situasi kondusif.")
    assert tag_article("", text, PUBLISHED).engagements == ()
