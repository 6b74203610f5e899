"""One test per row of place_traps.csv, plus the kabupaten-versus-kota deciders of the issue."""

import csv
from pathlib import Path

import pytest

from tagging import tag_article
from tagging.lexicon import seeds_dir
from tagging.places import dateline


def codes(text: str) -> list[str]:
    return [p.code for p in tag_article("", text).places if p.level in ("kabupaten", "kota")]


def main_code(text: str) -> str | None:
    tags = tag_article("", text)
    return tags.main_place.code if tags.main_place else None


def test_tag_every_trap_in_the_table_has_a_test_here() -> None:
    rows = list(csv.DictReader((seeds_dir() / "lexicons" / "place_traps.csv").open(encoding="utf-8")))
    covered = {"Serang", "Tangerang", "Bekasi", "Jakarta", "26 shared names", "Kota Metro", "Pati", "common words",
               "repeated names", "Kuningan"}
    assert {row["surface"] for row in rows} == covered


@pytest.mark.parametrize(("text", "code"), [
    ("Buruh berkumpul di Kecamatan Kragilan, Serang, Senin.", "36.04"),
    ("Aksi di Cikande, Serang, berjalan tertib.", "36.04"),
    ("Aksi di depan kantor Wali Kota Serang berjalan tertib.", "36.73"),
    ("Ribuan buruh Kota Serang menggelar aksi.", "36.73"),
    ("Kapolres Serang AKBP Condro Sasongko menemui buruh.", "36.04"),
])
def test_tag_serang_kabupaten_or_kota(text: str, code: str) -> None:
    assert main_code(text) == code


def test_tag_serang_the_verb_is_no_place() -> None:
    assert codes("Massa sempat hendak menyerang pos satpam, serang balik terjadi.") == []


def test_tag_tangerang_decided_by_a_later_kecamatan() -> None:
    text = ("Acara digelar di Tangerang, Provinsi Banten. Lokasinya di Jalan Otonom Pasar Kemis, "
            "Kecamatan Pasar Kemis, Kabupaten Tangerang.")
    assert main_code(text) == "36.03"


def test_tag_tangerang_polresta_is_the_kabupaten_but_only_as_a_fallback() -> None:
    assert main_code("Polresta Tangerang menerjunkan 200 personel.") == "36.03"
    tags = tag_article("", "Polresta Tangerang mengamankan aksi di Kecamatan Jatiuwung, Kota Tangerang.")
    assert tags.main_place.code == "36.71"


@pytest.mark.parametrize(("text", "code"), [
    ("Wakil Bupati Bekasi menghadiri konsolidasi buruh.", "32.16"),
    ("Wali Kota Bekasi menemui buruh.", "32.75"),
    ("Aksi di Cikarang Pusat, Bekasi, berlangsung damai.", "32.16"),
    ("Aksi di Bekasi Timur, Bekasi, berlangsung damai.", "32.75"),
])
def test_tag_bekasi_by_official_or_kecamatan(text: str, code: str) -> None:
    assert main_code(text) == code


def test_tag_a_jakarta_dateline_is_not_the_event_place() -> None:
    text = "JAKARTA – Kapolri hadir di Kecamatan Pasar Kemis, Kabupaten Tangerang, Senin (16/2/2026)."
    assert codes(text) == ["36.03"]


def test_tag_a_dateline_alone_is_no_event_place() -> None:
    assert codes("PURWAKARTA – Buruh berkumpul untuk konsolidasi.") == []


def test_tag_a_dateline_with_its_outlet_is_not_a_bare_place_mention() -> None:
    assert codes("TANGERANG, KABARFIKSI.COM – Ratusan buruh berunjuk rasa di Kabupaten Serang.") == ["36.04"]


@pytest.mark.parametrize(("text", "place"), [
    ("SERANG, KABARFIKSI – Buruh berkumpul.", "SERANG"),
    ("Judul berita\nBERITAFIKSI.COM, KOTA SERANG - Buruh berkumpul.", "KOTA SERANG"),
    ("Semarang (Fiksipost.net) – Buruh berkumpul.", "Semarang"),
    ("Bandung, 4 November 2025 — Buruh berkumpul.", "Bandung"),
    ("Media Fiksi // Serang\nPolda Banten mengerahkan personel.", "Serang"),
    ("Tangerang: Kapolda Banten bersilaturahmi dengan buruh.", "Tangerang"),
    ("BOGOR-FIKSI.com, KEMANG – Demo puluhan karyawan.", "KEMANG"),
])
def test_tag_dateline_forms(text: str, place: str) -> None:
    found = dateline(text)
    assert found is not None and found[1].text.strip() == place


@pytest.mark.parametrize("text", [
    "Polisi Kawal Demo Buruh di Serang – Ribuan buruh berkumpul.",
    "Editor: Fiksi Santoso\nRibuan buruh berkumpul.",
    "Ribuan buruh berkumpul di dua daerah.\n\nKabupaten Serang\n\nDi sini aksi berjalan tertib.",
])
def test_tag_a_headline_or_byline_is_no_dateline(text: str) -> None:
    assert dateline(text) is None


@pytest.mark.parametrize(("text", "code"), [
    ("Buruh Kabupaten Bandung mogok.", "32.04"),
    ("Buruh Kota Bandung mogok.", "32.73"),
    ("Buruh Kabupaten Malang mogok.", "35.07"),
    ("Buruh Kota Malang mogok.", "35.73"),
])
def test_tag_shared_names_keep_the_kabupaten_or_kota_word(text: str, code: str) -> None:
    assert codes(text) == [code]


def test_tag_kota_metro_is_not_polda_metro_jaya() -> None:
    assert codes("Personel Polda Metro Jaya dan Polres Metro Jakarta Pusat berjaga.") in ([], ["31.71"])
    assert "18.72" not in codes("Personel Polda Metro Jaya dan Polres Metro Bekasi berjaga.")
    assert codes("Warga Kota Metro, Lampung, berunjuk rasa.") == ["18.72"]


def test_tag_pati_the_generals_are_not_kabupaten_pati() -> None:
    assert codes("Para Pati Polri menghadiri rapat.") == []
    assert codes("Buruh Kabupaten Pati menggelar aksi.") == ["33.18"]


@pytest.mark.parametrize("text", [
    "Nasib malang menimpa buruh itu.",
    "Batu dilempar ke arah petugas.",
    "Massa membawa padang rumput sintetis.",
])
def test_tag_common_words_are_not_places_without_a_prefix(text: str) -> None:
    assert codes(text) == []


def test_tag_common_word_names_count_with_their_prefix() -> None:
    assert codes("Polres Lebak bersama buruh Kabupaten Lebak.") == ["36.02"]
    assert codes("Buruh di Kota Batu berunjuk rasa.") == ["35.79"]


def test_tag_repeated_kecamatan_names_resolve_top_down() -> None:
    # Cibadak is a kecamatan in both Kabupaten Lebak and Kabupaten Sukabumi.
    lebak = tag_article("", "Jumat Curhat di Kecamatan Cibadak, Kabupaten Lebak.").places
    sukabumi = tag_article("", "Jumat Curhat di Kecamatan Cibadak, Kabupaten Sukabumi.").places
    assert {p.code for p in lebak} == {"36.02", "36.02.18"}
    assert {p.code for p in sukabumi} >= {"32.02"}
    assert not any(p.code.startswith("36.") for p in sukabumi)


def test_tag_a_desa_name_alone_is_never_a_place() -> None:
    assert codes("Warga Desa Sukamaju berkumpul.") == []


def test_tag_kuningan_in_jakarta_is_not_kabupaten_kuningan() -> None:
    assert "32.08" not in codes("Kantor itu di kawasan Kuningan, Jakarta Selatan.")
    assert codes("Pabrik di Kabupaten Kuningan tutup.") == ["32.08"]


def test_tag_press_spellings_of_kecamatan_match_kemendagri_names() -> None:
    place = [p for p in tag_article("", "Ricuh di Kecamatan Medan Satria, Kota Bekasi.").places if p.level == "kecamatan"]
    assert [(p.code, p.precision) for p in place] == [("32.75.06", 1)]


def test_tag_the_gazetteer_holds_every_kabupaten_and_kota() -> None:
    lines = (seeds_dir() / "gazetteer" / "wilayah.tsv").read_text(encoding="utf-8").splitlines()
    levels = [line.split("\t")[1] for line in lines if line and not line.startswith(("#", "code"))]
    assert (levels.count("kabupaten"), levels.count("kota"), levels.count("province")) == (416, 98, 38)
    assert Path(seeds_dir() / "gazetteer" / "wilayah.tsv").read_text(encoding="utf-8").startswith("# Kemendagri")


@pytest.mark.parametrize(("text", "code"), [
    ("Buruh berunjuk rasa di depan Gedung DPR, Senayan, Jakarta.", "31.71"),
    ("Kapolri meninjau May Day di Stadion Madya Senayan, Jakarta.", "31.71"),
    ("Kantor serikat itu di kawasan Kuningan, Jakarta.", "31.74"),
])
def test_tag_a_jakarta_area_named_beside_its_landmark_gives_its_city(text: str, code: str) -> None:
    assert codes(text) == [code]


@pytest.mark.parametrize("text", [
    "Buruh berunjuk rasa di depan Gedung DPR.",
    "Upacara digelar di Monumen Nasional (Monas), Jakarta.",
    "Ratusan buruh bergerak menuju Senayan.",
    "Buruh berunjuk rasa di Patung Kuda, Jakarta.",
])
def test_tag_a_landmark_or_area_alone_gives_no_city(text: str) -> None:
    assert codes(text) == []


def test_tag_a_polsek_places_the_event_in_its_kecamatan_as_a_fallback() -> None:
    # Mandor is a kecamatan of Kabupaten Landak only.
    places = tag_article("", "Kedua pihak dipertemukan di Mapolsek Mandor.").places
    assert [(p.code, p.basis) for p in places] == [("61.08", "kecamatan"), ("61.08.04", "police_site")]


def test_tag_a_polsek_decides_between_kabupaten_and_kota() -> None:
    # Cikupa is a kecamatan of Kabupaten Tangerang; a bare 'Tangerang' alone would be the Kota.
    assert main_code("Anggota Polsek Cikupa mengawal buruh di Tangerang.") == "36.03"


@pytest.mark.parametrize(("text", "code"), [
    ("Kapolres Pelabuhan Tanjung Perak AKBP Fiktif Wibowo menemui buruh.", "35.78"),
    ("Polres Pelabuhan Tanjung Priok menerjunkan personel.", "31.72"),
])
def test_tag_a_port_police_places_the_event_in_its_city(text: str, code: str) -> None:
    assert main_code(text) == code


def test_tag_a_kecamatan_decides_between_kabupaten_and_kota_of_one_name() -> None:
    # Office and union names say 'Kabupaten Sukabumi' more often; the kecamatan is the place.
    text = ("Buruh DPC SPN Kabupaten Sukabumi berunjuk rasa di depan Gedung Pendopo Kabupaten Sukabumi, "
            "Kecamatan Warudoyong, Kota Sukabumi. Perwakilan Pemerintah Kabupaten Sukabumi menemui mereka.")
    assert main_code(text) == "32.72"


def test_tag_a_place_in_a_persons_role_counts_but_not_their_name() -> None:
    assert codes("Ketua Pimpinan Cabang FSPMI Batam, Hendri Fiktif, memimpin mogok kerja.") == ["21.71"]
    assert codes("Kasat Intelkam AKP Bima Aryasatya menemui buruh.") == []


def test_tag_the_destination_of_a_march_is_not_the_event_place() -> None:
    text = "Polres Fiksi mengawal keberangkatan buruh SPSI Purwakarta yang berangkat menuju Kota Bandung."
    assert main_code(text) == "32.14"


def test_tag_a_destination_alone_is_still_the_place() -> None:
    assert main_code("Massa buruh bergerak menuju Gedung DPRD Kabupaten Subang.") == "32.13"


@pytest.mark.parametrize(("text", "code"), [
    ("Massa buruh dari Tangsel berangkat pagi.", "36.74"),
    ("Kapolres Tangsel AKBP Fiktif Wibowo menemui buruh.", "36.74"),
    ("Buruh Kota Tangsel berunjuk rasa.", "36.74"),
    ("Ratusan buruh berunjuk rasa di Jaksel.", "31.74"),
    ("Buruh KBB mogok kerja.", "32.17"),
])
def test_tag_the_press_short_names_of_kabupaten_and_kota(text: str, code: str) -> None:
    assert main_code(text) == code


def test_tag_other_stories_listed_under_their_own_date_lines_are_not_the_articles() -> None:
    text = ("Buruh Fiksi Berunjuk Rasa\n\nRedaksi | Senin, 27 November 2023 | 23:48\n\n"
            "Ratusan buruh berunjuk rasa di Kabupaten Tangerang, dikawal Polsek Legok.\n\n"
            "TANGSEL\nMaling Bobol Rumah Warga\n\nRabu, 18 Februari 2026 | 16:11\n\n"
            "Sebuah rumah di kawasan Ciputat, Kota Tangerang Selatan, dibobol maling.")
    assert codes(text) == ["36.03"]
    assert [d.date for d in tag_article("", text).dates] == []


def test_tag_an_update_line_a_day_later_is_the_articles_own() -> None:
    text = ("Buruh Fiksi Berunjuk Rasa\n\nSenin, 27 November 2023 | 23:48\n\n"
            "Ratusan buruh berunjuk rasa di Kabupaten Tangerang.\n\nDiperbarui: Selasa, 28 November 2023 | 08:00\n\n"
            "Aksi berlanjut di Kota Tangerang Selatan.")
    assert codes(text) == ["36.03", "36.74"]


def test_tag_a_list_of_other_headlines_names_no_place() -> None:
    text = ("Polda Banten menerima laporan terkait aksi buruh di kantor gubernur.\n"
            "- Ribuan Buruh Surabaya Bersemangat Menyambut Hari Buruh\n"
            "- Pemimpin Daerah Tuai Dukungan Ribuan Buruh Ngawi")
    assert codes(text) == []


def test_tag_a_list_of_demands_is_not_taken_for_headlines() -> None:
    text = "Tuntutan buruh:\n- Naikkan upah buruh Kabupaten Serang.\n- Hentikan kriminalisasi buruh di pabrik."
    assert codes(text) == ["36.04"]


def test_tag_a_former_post_places_nothing() -> None:
    assert codes("AKBP Fiktif Wibowo, mantan Kasat Reskrim Polrestabes Surabaya, menerima laporan buruh.") == []


@pytest.mark.parametrize(("text", "code"), [
    # Polresta Serang Kota also covers six kecamatan of Kabupaten Serang; Polres Cilegon its western part.
    ("Polresta Serang Kota mengawal aksi buruh di Kecamatan Kramatwatu.", "36.04"),
    ("Polresta Serang Kota mengawal aksi buruh di Kramatwatu, Serang.", "36.04"),
    ("Personel Polres Cilegon mengawal aksi buruh di Kecamatan Bojonegara.", "36.04"),
    ("Polresta Serang Kota mengawal aksi buruh.", "36.73"),
    ("Polda Metro Jaya mengawal aksi buruh.", None),
])
def test_tag_a_police_area_that_is_not_one_kabupaten_or_kota_yields_to_the_kecamatan(text: str,
                                                                                      code: str | None) -> None:
    assert main_code(text) == code


def engagement_place(text: str) -> str | None:
    engagements = tag_article("", text).engagements
    assert engagements, text
    return engagements[0].place.code if engagements[0].place else None


@pytest.mark.parametrize(("text", "code"), [
    # The workers' home is named more often; 'di' names the site (Kota Bandung).
    ("Ribuan buruh asal Kabupaten Bogor berunjuk rasa di depan Gedung Sate, Kota Bandung, Kamis (6/11/2025). "
     "Polrestabes Bandung mengawal aksi itu. Buruh dari Kabupaten Bogor berangkat sejak pagi.", "32.73"),
    # A union body whose name carries its area, named twice; the office it protests at is in Kota Bekasi.
    ("DPC KSPSI Kabupaten Karawang menggelar aksi di depan kantor Wali Kota Bekasi, Kamis (6/11/2025). Ketua DPC "
     "KSPSI Kabupaten Karawang mengatakan aksi itu damai. Polres Metro Bekasi Kota mengawal aksi.", "32.75"),
    ("Ribuan buruh dari Kabupaten Purwakarta tiba di Kota Bandung untuk berunjuk rasa di depan Gedung Sate, "
     "Kamis (6/11/2025). Polisi mengawal aksi.", "32.73"),
    # The press glues 'di' to the next word.
    ("Massa PC FSPMI Kabupaten Serang berunjuk rasa didepan kantor Wali Kota Cilegon, Senin (3/11/2025). Ketua PC "
     "FSPMI Kabupaten Serang memimpin orasi. Polres Cilegon mengawal jalannya aksi.", "36.72"),
    ("Aliansi buruh Kota Bandung menggelar unjuk rasa yang dipusatkan di halaman kantor Bupati Sumedang, Senin "
     "(3/11/2025). Massa dari Kota Bandung dikawal Polres Sumedang. Koordinator aliansi buruh Kota Bandung "
     "menyampaikan tuntutan.", "32.11"),
    # A place named for a later plan is not the site of the event told first.
    ("Ratusan buruh SPN berunjuk rasa di depan pabrik di Kecamatan Cikupa, Kabupaten Tangerang, Senin (3/11/2025), "
     "dikawal Polresta Tangerang. Pekan depan mereka berencana berunjuk rasa di Kota Serang.", "36.03"),
    # The office they come to is the site ('mendatangi' is no march's destination), the workers' city twice named.
    ("Ratusan buruh Kota Cimahi mendatangi kantor Bupati Bandung Barat, Senin (3/11/2025), menuntut kenaikan upah. "
     "Polres Cimahi mengawal aksi buruh Kota Cimahi itu.", "32.17"),
    ("Ratusan buruh berunjuk rasa menggeruduk Gedung DPRD Kabupaten Bogor di Cibinong, Senin (3/11/2025). Buruh "
     "yang berasal dari Kota Bogor itu dikawal Polres Bogor.", "32.01"),
    # Where they come from is still the place when nothing else names one.
    ("Ratusan buruh asal Kabupaten Subang berunjuk rasa dan dikawal Polres Subang, Senin (3/11/2025).", "32.13"),
])
def test_tag_the_site_named_with_di_in_the_events_lead_is_its_place(text: str, code: str) -> None:
    assert engagement_place(text) == code


def test_tag_a_name_placed_inside_another_kabupaten_is_an_area_of_it() -> None:
    # Bitung is also a Kota in North Sulawesi; 'kawasan Bitung, Kabupaten Tangerang' is an area of the kabupaten.
    text = ("Polisi mengamankan dua buruh dalam unjuk rasa di kawasan Bitung, Kabupaten Tangerang, Kamis (8/10/2020). "
            "Aksi di Bitung sempat memanas. Warga Bitung menonton dari pinggir jalan.")
    assert codes(text) == ["36.03"]


@pytest.mark.parametrize("text", [
    # A list of sites under the body: a place and a colon before a few words is an item, not a dateline.
    "Ratusan buruh SPN berunjuk rasa di Kabupaten Karawang, Senin (3/11/2025), dikawal Polres Karawang.\n\n"
    "Titik aksi hari itu:\nKabupaten Karawang: kantor bupati\nKota Bekasi: kantor wali kota\n",
    # A route: a place on either side of the dash.
    "Rute long march buruh:\nCimahi - Bandung\nRatusan buruh SPN berunjuk rasa di Kabupaten Karawang.",
    # Another story after the body, under its own dateline: the body has long begun.
    "Ratusan buruh SPN berunjuk rasa di Kabupaten Karawang, Senin (3/11/2025), dikawal personel Polres Karawang.\n\n"
    "Para buruh menuntut kenaikan upah minimum kabupaten tahun depan sebesar sepuluh persen.\n\n"
    "Aksi berakhir sore hari setelah perwakilan buruh diterima oleh pejabat dinas tenaga kerja.\n\n"
    "BEKASI - Polisi menangkap pencuri sepeda motor di Kota Bekasi, Selasa (4/11/2025).",
])
def test_tag_no_dateline_below_the_top_of_the_page(text: str) -> None:
    assert dateline(text) is None


def test_tag_a_dateline_below_a_headline_a_summary_and_a_caption_is_still_read() -> None:
    text = ("Polisi Kawal Demo Buruh Fiksi di Depan Kantor Bupati Karawang Hari Ini\n\n"
            "Ratusan buruh menuntut kenaikan upah di depan kantor bupati dengan pengawalan polisi.\n\n"
            "Buruh berorasi di depan kantor bupati, Senin (3/11/2025). FOTO/Fiksi Santoso\n\n"
            "KARAWANG, FIKSINEWS - Ratusan buruh SPN berunjuk rasa di depan kantor Bupati Karawang.")
    found = dateline(text)
    assert found is not None and found[1].text.strip() == "KARAWANG"


def test_tag_every_police_unit_area_is_the_kabupaten_kota_its_row_names() -> None:
    """police_unit_areas.csv gives a code and, in its note, the kab/kota by name: the two must agree with the
    gazetteer ('Polrestabes Medan' once pointed at Kota Binjai's code)."""
    names = {}
    for line in (seeds_dir() / "gazetteer" / "wilayah.tsv").open(encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            names[parts[0]] = parts[2].replace("Administrasi ", "")
    rows = list(csv.DictReader((seeds_dir() / "lexicons" / "police_unit_areas.csv").open(encoding="utf-8")))
    wrong = [(row["unit"], names.get(row["code"])) for row in rows
             if names.get(row["code"], "?").split(" ", 1)[-1] not in row["note"] + row["unit"]]
    assert wrong == []


def test_tag_polrestabes_medan_is_kota_medan() -> None:
    assert main_code("Seorang buruh dibawa ke Polrestabes Medan.") == "12.71"


def test_tag_a_site_named_without_di_outweighs_where_workers_come_from() -> None:
    text = ("Ribuan buruh asal Kabupaten Bogor dan Kabupaten Bekasi berunjuk rasa depan Gedung Sate, Kota Bandung, "
            "Senin (8/12/2025). Aksi dikawal ratusan personel Polrestabes Bandung.")
    assert [e.place.code for e in tag_article("", text).engagements] == ["32.73"]


@pytest.mark.parametrize(("text", "code"), [
    ("Ratusan buruh berunjuk rasa di depan kantor Wali Kota Tanjungpinang, Senin.", "21.72"),
    ("Buruh pabrik rokok berunjuk rasa di Kota Pematang Siantar, Senin.", "12.72"),
    ("Ratusan pekerja mogok di Kabupaten Gunung Kidul, Senin.", "34.03"),
    ("Buruh sawit berunjuk rasa di Kabupaten Labuhan Batu, Senin.", "12.10"),
])
def test_tag_a_name_written_joined_or_apart_is_the_same_kabupaten_kota(text: str, code: str) -> None:
    assert main_code(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Ribuan buruh berunjuk rasa di depan Balai Kota DKI Jakarta, Jalan Medan Merdeka Selatan, Senin.", "31.71"),
    ("Ribuan buruh KSPI berunjuk rasa di kawasan Thamrin, Jakarta, Senin.", "31.71"),
    ("Buruh berunjuk rasa di Jalan Thamrin, Medan, Senin.", "12.71"),
])
def test_tag_jakartas_protest_areas_name_their_city_when_jakarta_is_named(text: str, code: str) -> None:
    assert main_code(text) == code


def test_tag_a_jakarta_protest_area_alone_names_no_city() -> None:
    assert main_code("Ribuan buruh berunjuk rasa di Jalan Medan Merdeka Barat, Senin.") is None


def test_tag_a_police_unit_written_with_kabupaten_before_its_area() -> None:
    assert main_code("Aksi buruh itu dikawal oleh Polres Kabupaten Malang.") == "35.07"
    assert main_code("Aksi buruh itu dikawal Polres Kab. Semarang.") == "33.22"
    assert main_code("Aksi buruh itu dikawal Polres Kabupaten hingga sore.") is None


@pytest.mark.parametrize(("text", "code"), [
    ("Aksi buruh itu dikawal Polresta Magelang.", "33.08"),
    ("Aksi buruh itu dikawal Polres Magelang Kota.", "33.71"),
    ("Aksi buruh itu dikawal Polresta Malang.", "35.73"),
    ("Aksi buruh itu dikawal Polresta Solo.", "33.72"),
    ("Buruh berunjuk rasa di Solo, dikawal polisi.", "33.72"),
    ("Buruh berunjuk rasa di Jogja, dikawal polisi.", "34.71"),
])
def test_tag_twin_named_police_units_and_the_press_s_city_names(text: str, code: str) -> None:
    assert main_code(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Buruh berunjuk rasa di Kawasan Industri Jababeka, dikawal polisi.", "32.16"),
    ("Buruh mogok di pabrik di kawasan MM2100, dikawal polisi.", "32.16"),
    ("Buruh berunjuk rasa di KIIC, dikawal polisi.", "32.15"),
    ("Buruh berunjuk rasa di Batamindo, dikawal polisi.", "21.71"),
    ("Buruh berunjuk rasa di depan Gedung Sate, Bandung, dikawal polisi.", "32.73"),
])
def test_tag_industrial_estates_and_landmarks_named_with_their_city(text: str, code: str) -> None:
    assert main_code(text) == code


def test_tag_a_landmark_alone_names_no_city() -> None:
    assert main_code("Buruh berunjuk rasa di depan Gedung Sate, dikawal polisi.") is None


def test_tag_where_a_company_is_seated_is_not_where_its_workers_act() -> None:
    text = ("Buruh PT Sinar Abadi yang berlokasi di Kabupaten Lebak berunjuk rasa di Kantor Wali Kota Cilegon, "
            "Senin (8/12/2025). Polres Cilegon mengawal aksi itu.")
    assert [e.place.code for e in tag_article("", text).engagements] == ["36.72"]


def test_tag_a_police_headquarters_named_as_the_site_outweighs_a_topic_s_place() -> None:
    text = ("Kapolres Cilegon AKBP Budi Santoso menerima audiensi DPC SPN di Mapolres Cilegon, Senin (8/12/2025), "
            "membahas UMK Kota Serang.")
    tags = tag_article("", text)
    assert [e.place.code for e in tags.engagements] == ["36.72"]
    assert {p.code: p.basis for p in tags.places}["36.72"] == "police_site"
    text = "Kapolres Cilegon AKBP Budi Santoso menerima audiensi DPC SPN, Senin (8/12/2025), membahas UMK Kota Serang."
    assert "police_site" not in {p.basis for p in tag_article("", text).places}


def test_tag_the_airport_police_is_kota_tangerang() -> None:
    assert main_code("Aksi buruh maskapai itu dikawal Polres Bandara.") == "36.71"


@pytest.mark.parametrize(("text", "code"), [
    # 'Pinang' is also a kecamatan of Kota Tangerang: the longer kota name wins.
    ("Buruh berunjuk rasa di Pangkal Pinang, dikawal polisi.", "19.71"),
    ("Buruh berunjuk rasa di Tanjung Pinang, dikawal polisi.", "21.72"),
    ("Buruh berunjuk rasa di Kabupaten Ogan Komering Ulu Timur, dikawal polisi.", "16.08"),
    ("Buruh berunjuk rasa di Kabupaten Penukal Abab Lematang Ilir, dikawal polisi.", "16.12"),
    ("Buruh berunjuk rasa di Baubau, dikawal polisi.", "74.72"),
    ("Buruh berunjuk rasa di Sitaro, dikawal polisi.", "71.09"),
    # Garut, Cianjur, Brebes and Demak write Karangtengah, Kota Tangerang Karang Tengah: one spelling.
    ("Buruh berunjuk rasa di Kecamatan Karang Tengah, Kabupaten Garut, dikawal polisi.", "32.05"),
    # A kecamatan name unique in the country, written after 'Kecamatan', outside Banten, Jakarta and Jawa Barat.
    ("Buruh berunjuk rasa di Kecamatan Tajinan, dikawal polisi.", "35.07"),
])
def test_tag_long_names_shared_spellings_and_unique_kecamatan(text: str, code: str) -> None:
    assert main_code(text) == code


@pytest.mark.parametrize(("text", "code"), [
    ("Aksi buruh itu dikawal Polres Lima Puluh Kota.", "13.07"),
    ("Aksi buruh itu dikawal Polres Metro.", "18.72"),
    ("Aksi buruh itu dikawal Polres Metro Bekasi.", "32.16"),
    ("Aksi buruh itu dikawal Polres Pangkep.", "73.10"),
])
def test_tag_police_units_named_otherwise_than_their_kabupaten(text: str, code: str) -> None:
    assert main_code(text) == code
