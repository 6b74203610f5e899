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

OTHER_WORDINGS = [
    ("protest_security", "Massa buruh FSPMI mendatangi Gedung DPRD Karawang. Puluhan polisi tampak mengawal jalannya "
                         "aksi"),
    ("protest_security", "Polres Bekasi menurunkan 400 personel guna mengamankan demonstrasi buruh di Jalan Raya "
                         "Industri"),
    ("arrest", "Polres Sidoarjo menetapkan ketua serikat pekerja PT Sinar Jaya sebagai tersangka"),
    ("arrest", "Penyidik Polres Bekasi memeriksa Ketua PUK FSPMI PT Sinar Jaya sebagai saksi atas laporan perusahaan"),
    ("hearing", "Perwakilan serikat buruh diterima Wakapolda Jawa Tengah di Mapolda untuk menyampaikan aspirasi"),
    ("pre_protest_coordination", "Polres Karawang dan serikat buruh berkoordinasi membahas rute aksi May Day"),
    ("pre_protest_coordination", "Serikat pekerja menyampaikan surat pemberitahuan aksi mogok ke Polres Bekasi"),
    ("dialogue", "Kapolres Lebak mengunjungi sekretariat DPC SPN Lebak untuk berbincang soal situasi kamtibmas"),
    ("legal_complaint", "Polres Bekasi menyelidiki laporan buruh soal upah yang tidak dibayar PT Sinar Jaya"),
    ("mediation", "Buruh dan manajemen PT Sinar Jaya berunding di Mapolsek Cikupa, ditengahi Kapolsek"),
]
"""Wordings that needed more than a family: an action as the object of a deployment word, a suspect or witness
with the person between verb and role, a delegation received by the police, a notice of an action to come,
a visit to a union, workers as a party of a dispute."""

NEGATIVE_CLASSES = [
    ("protest_security", "Buruh PT Sinar Jaya menyuarakan tuntutan kenaikan upah di halaman Pemkab Subang. Aparat "
                         "Polres Subang berjaga-jaga hingga massa membubarkan diri"),
    ("protest_security", "Polsek Balaraja menerjunkan puluhan anggotanya untuk menjaga unjuk rasa ratusan karyawan "
                         "PT Sinar Jaya"),
    ("legal_complaint", "Ketua SPN Kota Tangerang mendatangi Polres Metro Tangerang Kota untuk mengadukan PT Sinar "
                        "Jaya yang menahan ijazah buruh"),
    ("legal_complaint", "Unit Tipidter Satreskrim Polres Karawang melakukan penyelidikan dugaan pemberangusan serikat "
                        "di PT Sinar Jaya"),
    ("dialogue", "Kapolsek Cikarang Barat ngobrol santai bersama pengurus serikat buruh di sekretariat mereka"),
    ("protest", "Ratusan buruh PT Sinar Jaya berunjuk rasa di depan Polres Sukabumi meminta polisi menangkap direktur "
                "perusahaan"),
    ("joint_security", "Polres Cilegon membentuk satuan tugas antipungli bersama serikat pekerja, ditandai apel "
                       "bersama di Mapolres. Mereka akan menggelar patroli bersama di kawasan industri"),
]
"""Rules that say what is NOT an engagement or not its type rather than demand a phrasing: a labour action
named only weakly ('tuntutan', 'massa') beside a deployment word is still secured; withheld things are no
arrest ('menahan ijazah'); what workers ask of the police is no act of theirs ('meminta polisi menangkap')."""

NEGATIVE_LOOKALIKES = [
    "Kapolres Cimahi berencana menemui pengurus serikat buruh pekan depan untuk membahas persiapan May Day",
    "Kapolres Bogor menyerahkan bantuan sembako kepada korban bencana longsor, termasuk para buruh tani",
    "Serikat buruh berencana menggelar aksi besar di Jakarta pekan depan. Polisi akan mengerahkan ribuan personel "
    "untuk pengamanan",
    "Bupati mengimbau buruh mengedepankan dialog dalam mengawal proses penetapan UMK. Kapolres Serang turut hadir",
]

LOOKALIKES = [
    "Ratusan mahasiswa berorasi di depan Gedung DPRD Cimahi, aksi itu dikawal personel Polres Cimahi",
    "Puluhan pelajar diamankan Satreskrim Polres Cianjur karena membawa senjata tajam ke lokasi konser",
    "Tiga buruh melakukan mogok makan di depan pabrik. Kapolsek Cikupa menjenguk mereka",
    "Pedagang pasar berorasi menolak relokasi, pengawalan dilakukan Polsek Serang",
]


@pytest.mark.parametrize(("expected", "text"), TYPED + OTHER_WORDINGS + NEGATIVE_CLASSES)
def test_tag_family_form_is_typed(expected: str, text: str) -> None:
    found = tag_article("", text + DAY, PUBLISHED).engagements
    assert found and found[0].type == expected, [(e.type, e.secondary_types) for e in found]


@pytest.mark.parametrize("text", LOOKALIKES + NEGATIVE_LOOKALIKES)
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


def test_tag_family_a_protest_the_police_only_attend_is_a_protest() -> None:
    text = ("Ratusan buruh pabrik sepatu PT Sinar Jaya mendatangi Kantor Bupati Garut, Senin (1/12/2025). Mereka "
            "menolak rencana PHK massal.\n\nBuruh berorasi bergantian di depan gerbang. Koordinator aksi meminta "
            "bupati memanggil perusahaan.\n\nKasat Intelkam Polres Garut AKP Dedi Kurnia tampak hadir di lokasi.")
    assert [e.type for e in tag_article("", text, PUBLISHED).engagements] == ["protest"]


def test_tag_family_a_team_a_government_forms_without_police_is_no_joint_security() -> None:
    alone = (f"Ratusan buruh FSPMI berunjuk rasa di depan Kantor Wali Kota Batam{DAY} Anggota Polresta Barelang "
             "terlihat di sekitar lokasi. Pemko Batam berjanji membentuk tim pengawasan bersama Disnaker.")
    member = (f"Disnaker Kota Depok membentuk tim pemantau THR bersama serikat pekerja{DAY} Setiap tim beranggotakan "
              "unsur serikat pekerja, pengusaha dan kepolisian.")
    assert [e.type for e in tag_article("", alone, PUBLISHED).engagements] == ["protest"]
    assert [e.type for e in tag_article("", member, PUBLISHED).engagements] == ["joint_security"]


@pytest.mark.parametrize("text", [
    '"TNI bersama Polri siap menjaga Cilegon tetap kondusif," kata Dandim usai menerima silaturahmi pengurus SPN'
    f"{DAY}",
    "Ketua KSPSI mengatakan surat pemberitahuan aksi akan segera dikirim ke kepolisian. Kasi Humas Polres Bogor "
    f"mengaku belum menerima pemberitahuan{DAY}",
    f"Polda Jabar berencana menyiagakan lebih dari 5.000 personel gabungan saat buruh berunjuk rasa pekan depan{DAY}",
])
def test_tag_family_rhetoric_and_plans_are_no_event(text: str) -> None:
    assert tag_article("", text, PUBLISHED).engagements == ()


def test_tag_family_a_unit_named_in_a_union_leaders_account_takes_part() -> None:
    text = (f"Ribuan buruh FSPMI yang akan menggelar aksi di Surabaya sempat dihentikan di Sidoarjo{DAY} "
            '"Kami sempat diblokade petugas Polres Sidoarjo di pertigaan," kata Ketua DPW FSPMI Jawa Timur.')
    assert [e.type for e in tag_article("", text, PUBLISHED).engagements] == ["protest_security"]


def test_tag_family_not_only_is_no_negation() -> None:
    text = f"Kapolres Lebak tidak hanya bersilaturahmi dengan pengurus DPC SPN Lebak, tetapi juga berdiskusi{DAY}"
    assert [e.type for e in tag_article("", text, PUBLISHED).engagements] == ["dialogue"]


def test_tag_family_withholding_a_payment_is_no_arrest() -> None:
    text = (f"Kapolsek Loa Kulu memfasilitasi pertemuan buruh SPAT dan manajemen PT Bara{DAY} PT Bara bersedia "
            "menahan sebagian pembayaran ke subkontraktor untuk menjamin upah buruh.")
    [found] = tag_article("", text, PUBLISHED).engagements
    assert found.type == "mediation" and "arrest" not in found.secondary_types
