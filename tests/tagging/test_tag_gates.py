"""Engagement gates on wordings real regional news uses and the tune part of the corpus does not (our own
sentences, by failure class of TAGGING.md): a worker held by the police during a protest is an arrest however
the clause runs; police deployed beside workers who come to demand something secure their action even when no
protest word is written; and the look-alikes of each (someone else held, an action secured, a union signing)."""

from datetime import datetime

import pytest

from tagging import tag_article

PUBLISHED = datetime(2025, 12, 10, 12)


def types(text: str) -> list[str]:
    return [e.type for e in tag_article("", text, PUBLISHED).engagements]


@pytest.mark.parametrize("text", [
    "Seorang buruh yang ikut berunjuk rasa di depan kantor DPRD Jawa Tengah diamankan polisi, Rabu (3/12/2025).",
    "Koordinator aksi mogok karyawan PT Sentosa Makmur diamankan oleh petugas Polsek Cikarang Barat, Rabu "
    "(3/12/2025), setelah berorasi di atas mobil komando.",
    "Ratusan buruh berunjuk rasa di depan pabrik PT Sentosa Makmur, Rabu (3/12/2025). Dua orang buruh kemudian "
    "digiring petugas ke Mapolsek Cikarang Barat.",
    "Massa buruh KSPI berdemo di depan Gedung DPRD Jawa Barat, Rabu (3/12/2025). Seorang peserta aksi dibawa ke "
    "Polrestabes Bandung untuk dimintai keterangan.",
])
def test_tag_gates_a_worker_held_by_the_police_is_an_arrest(text: str) -> None:
    assert types(text)[:1] == ["arrest"]


@pytest.mark.parametrize("text", [
    "Aksi unjuk rasa buruh di depan kantor Bupati Kendal diamankan polisi, Rabu (3/12/2025).",
    "Sejumlah remaja berpakaian hitam yang berbaur di antara buruh diamankan Satreskrim Polres Kendal, Rabu "
    "(3/12/2025), sebelum aksi dimulai.",
])
def test_tag_gates_an_action_secured_or_someone_else_held_is_no_labour_arrest(text: str) -> None:
    assert "arrest" not in types(text)


@pytest.mark.parametrize("text", [
    "Ratusan karyawan PT Sumber Rejeki di Kecamatan Ngoro, Kabupaten Mojokerto, mendatangi kantor perusahaan, "
    "Senin (8/12/2025). Para karyawan menuntut tunjangan yang belum dibayar. Personel Polsek Ngoro terlihat "
    "berjaga di lokasi.",
    "Pekerja alih daya PDAM se-Kota Pekanbaru menyampaikan tuntutan di depan kantor PDAM, Selasa (2/12/2025). "
    "Wakapolresta Pekanbaru AKBP Hendra Saputra memimpin langsung pengamanan.",
])
def test_tag_gates_police_deployed_beside_workers_demanding_secure_their_action(text: str) -> None:
    assert types(text) == ["protest_security"]


def test_tag_gates_a_union_signing_on_security_is_no_secured_action() -> None:
    text = ("Polres Demak dan tiga serikat pekerja menandatangani nota kesepahaman tentang pengamanan di kawasan "
            "industri Sayung, Kamis (4/12/2025). Kapolres Demak AKBP Budi Santoso hadir bersama Ketua DPC SPN "
            "Demak.")
    assert types(text)[:1] == ["agreement"]


@pytest.mark.parametrize("text", [
    "Ratusan pekerja PT Mitra Busana berunjuk rasa di pabrik mereka di Kecamatan Cikupa, Selasa (9/12/2025). "
    "Kapolsek Cikupa Kompol Hari Wibowo mengatakan pihaknya menurunkan 80 personel.",
    "Buruh SPN berdemo di depan kantor Bupati Pati, Selasa (9/12/2025). Di sekitar lokasi ditempatkan ratusan "
    "personel gabungan Polresta Pati.",
])
def test_tag_gates_personnel_deployed_at_a_protest_secure_it(text: str) -> None:
    assert types(text) == ["protest_security"]


def test_tag_gates_personnel_to_be_deployed_are_no_deployment() -> None:
    text = ("Buruh SPN berdemo di depan kantor Bupati Pati, Selasa (9/12/2025). Polresta Pati akan menempatkan "
            "personel di sekitar kawasan industri pekan depan.")
    assert "protest_security" not in types(text)


def test_tag_gates_a_strike_is_workers_acting_though_no_worker_word_is_beside_it() -> None:
    text = ("Polisi membubarkan paksa aksi mogok kerja di depan pabrik PT Sandang Jaya di Kabupaten Sukoharjo, Rabu "
            "(3/12/2025). Pagar pabrik sempat dijebol sebelum polisi datang.")
    assert types(text)[:1] == ["dispersal"]


def test_tag_gates_drivers_on_strike_are_no_workers_strike() -> None:
    text = ("Ratusan sopir angkot melakukan aksi mogok di Terminal Kota Bogor, Rabu (3/12/2025). Polisi membubarkan "
            "kerumunan sopir yang menutup jalan.")
    assert types(text) == []


@pytest.mark.parametrize("text", [
    "Sebuah video memperlihatkan oknum polisi memukul seorang buruh saat aksi unjuk rasa di depan pabrik PT Sinar "
    "Garmen, Kabupaten Subang, Senin (8/12/2025). Kasi Humas Polres Subang Iptu Dadang membenarkan video itu.",
    "Personel Polres Subang menyeret sejumlah pengunjuk rasa dari depan gerbang pabrik saat demo buruh, Senin "
    "(8/12/2025).",
])
def test_tag_gates_police_force_told_as_what_the_police_did_is_a_dispersal(text: str) -> None:
    assert types(text)[:1] == ["dispersal"]


def test_tag_gates_police_force_not_done_is_no_dispersal() -> None:
    text = ("Buruh berunjuk rasa di depan pabrik PT Sinar Garmen, Senin (8/12/2025). Kapolres Subang meminta agar "
            "tidak ada polisi memukul buruh selama aksi.")
    assert "dispersal" not in types(text)


def test_tag_gates_the_police_taking_up_a_workers_report_is_a_legal_complaint() -> None:
    text = ("Satreskrim Polres Tangerang Selatan memeriksa manajemen PT Sinar Jaya terkait laporan buruh soal upah di "
            "bawah UMK, Rabu (3/12/2025). Laporan dilayangkan serikat pekerja setempat sebulan lalu.")
    assert types(text) == ["legal_complaint"]


def test_tag_gates_the_police_taking_up_a_familys_report_of_an_accident_is_none() -> None:
    text = ("Satreskrim Polres Tangerang Selatan memeriksa mandor PT Sinar Jaya terkait laporan keluarga pekerja yang "
            "tewas tertimpa mesin, Rabu (3/12/2025).")
    assert types(text) == []


def test_tag_gates_the_police_meeting_workers_is_a_dialogue() -> None:
    text = ("Kapolsek Jatiuwung Kompol Zamroni mengajak buruh menjaga kamtibmas saat bertemu dengan puluhan buruh di "
            "depan pabrik PT Sinar Terang, Rabu (3/12/2025).")
    assert types(text) == ["dialogue"]


def test_tag_gates_meeting_a_minister_is_no_dialogue_with_the_police() -> None:
    text = "Ratusan buruh bertemu dengan Menteri Ketenagakerjaan di Jakarta, Rabu (3/12/2025)."
    assert types(text) == []


@pytest.mark.parametrize(("text", "workers"), [
    ("Perwakilan buruh PT Tri Mitra melaporkan dugaan penahanan ijazah oleh perusahaan ke Polres Sukabumi, Rabu "
     "(3/12/2025).", "buruh PT Tri Mitra"),
    ("Ratusan pekerja PT Sinar Bumi mengadu ke Polres Cianjur karena upah mereka tidak dibayar, Rabu (3/12/2025).",
     "pekerja PT Sinar Bumi"),
    ("Sekitar 200 pekerja PT Sinar Abadi memprotes PHK massal di depan pabrik, Senin (8/12/2025). Anggota Polsek "
     "Cikarang Barat berjaga di lokasi.", "pekerja PT Sinar Abadi"),
])
def test_tag_gates_workers_of_a_company_who_report_or_protest_are_its_labour_side(text: str, workers: str) -> None:
    [engagement] = tag_article("", text, PUBLISHED).engagements
    assert engagement.labour_actors == (workers,)


def test_tag_gates_a_protest_named_by_its_crowd_is_a_protest() -> None:
    text = ("Massa aksi dari Serikat Buruh Sejahtera Independen (SBSI) 92 membubarkan diri setelah ditemui Kapolsek "
            "Cikarang Barat Kompol Gurnald Patiran, Rabu (3/12/2025).")
    assert types(text) in (["protest"], ["protest_security"])


def test_tag_gates_a_crowd_still_to_come_is_no_protest() -> None:
    text = ("Polres Bekasi menyiapkan 300 personel untuk mengamankan massa aksi buruh KSPI yang akan datang besok ke "
            "kawasan Jababeka.")
    assert types(text) == []


def test_tag_gates_an_appeal_to_the_crowd_of_a_protest_still_to_come_is_no_security() -> None:
    text = ("Partai Buruh berencana menggelar unjuk rasa di depan Gedung DPR pekan depan. Polda Metro Jaya mengimbau "
            "massa tetap tertib.")
    assert types(text) == []
