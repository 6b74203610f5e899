"""Look-alikes that must get no engagement, on short sentences of our own (corpus README: not engagements are
boilerplate and related-link lines, future plans, Satpol PP / TNI / company security without Polri, workers as
victims or suspects of ordinary crime, student or farmer protests, police ceremonies with no union)."""

from datetime import datetime, timedelta, timezone

import pytest

from tagging import tag_article
from tagging.boilerplate import mask_boilerplate

PUBLISHED = datetime(2025, 12, 8, 10, tzinfo=timezone(timedelta(hours=7)))
POLICE = "Kapolres Lebak AKBP Bayu Prasetyo"
UNION = "buruh Federasi Serikat Pekerja Metal Indonesia (FSPMI)"


def engagements(text: str):
    return tag_article("", text, PUBLISHED).engagements


@pytest.mark.parametrize("related", [
    "Baca juga: Polisi Bubarkan Demo Buruh FSPMI di Lebak",
    "(Baca Juga: Polisi Bubarkan Demo Buruh FSPMI di Lebak)",
    "BACA JUGA :  Polisi Bubarkan Demo Buruh FSPMI di Lebak",
    "Baca Juga:\nPolisi Bubarkan Demo Buruh FSPMI di Lebak",
    "Berita Terkait\nPolisi Bubarkan Demo Buruh FSPMI di Lebak\nBuruh FSPMI Mogok Kerja di Lebak",
])
def test_tag_lookalike_related_article_lines_supply_no_trigger_or_actor(related: str) -> None:
    text = f"{POLICE} meresmikan gedung baru Mapolres Lebak, Senin (1/12/2025).\n{related}\nAcara berjalan lancar."
    tags = tag_article("", text, PUBLISHED)
    assert tags.engagements == ()
    assert not [a for a in tags.actors if a.kind == "labour"]


def test_tag_lookalike_tag_lists_are_blanked_with_offsets_kept() -> None:
    text = "Polisi menjaga pabrik.\nmogok kerja, fspmi, polres lebak\n#buruh #demo #polri\nSelesai."
    masked = mask_boilerplate(text)
    assert len(masked) == len(text) and masked.count("\n") == text.count("\n")
    assert masked.split("\n")[1].strip() == masked.split("\n")[2].strip() == ""
    assert masked.split("\n")[0] == "Polisi menjaga pabrik."


def test_tag_lookalike_a_quote_under_a_bare_related_header_stays() -> None:
    text = 'Baca Juga\n"Kami mengawal aksi buruh FSPMI sampai selesai," kata Kapolres.\n'
    assert "mengawal aksi buruh" in mask_boilerplate(text)


@pytest.mark.parametrize("guard", [
    "Puluhan anggota Satpol PP Kabupaten Lebak",
    "Anggota Kodim 0603/Lebak dan Babinsa Koramil Rangkasbitung",
    "Petugas satpam PT Sinar Cemerlang",
])
def test_tag_lookalike_security_by_others_than_polri(guard: str) -> None:
    text = (f"Ratusan {UNION} menggelar mogok kerja di depan pabrik PT Sinar Cemerlang, Kabupaten Lebak, Senin "
            f"(1/12/2025). {guard} melakukan pengamanan aksi tersebut. Mereka akan berkoordinasi dengan pihak "
            "kepolisian jika diperlukan.")
    assert engagements(text) == ()


@pytest.mark.parametrize("protesters", [
    "Ratusan mahasiswa Universitas Lebak Raya",
    "Ratusan petani dari Kecamatan Cibeber",
    "Ratusan tenaga honorer Pemkab Lebak",
])
def test_tag_lookalike_protests_of_students_farmers_and_honorary_staff(protesters: str) -> None:
    text = (f"{protesters} berunjuk rasa di depan kantor Bupati Lebak, Senin (1/12/2025). {POLICE} menerjunkan "
            "150 personel untuk pengamanan aksi tersebut.")
    assert engagements(text) == ()


def test_tag_lookalike_workers_as_victims_of_an_accident() -> None:
    text = ("Dua pekerja pabrik tewas tertimpa crane di PT Sinar Cemerlang, Kabupaten Lebak, Senin (1/12/2025). "
            f"{POLICE} mengatakan polisi masih menyelidiki penyebab kecelakaan kerja itu.")
    assert engagements(text) == ()


def test_tag_lookalike_workers_as_suspects_of_ordinary_crime() -> None:
    text = ("Polres Lebak menangkap lima orang pencuri kabel, tiga di antaranya para karyawan PT Sinar Cemerlang. "
            f"{POLICE} mengatakan para pelaku merusak gudang dan kini ditahan di Mapolres Lebak.")
    assert engagements(text) == ()


def test_tag_lookalike_a_police_social_service_for_laid_off_workers() -> None:
    text = (f"Dalam rangka Hari Bhayangkara, {POLICE} menggelar bakti sosial dan membagikan paket sembako kepada "
            "warga kurang mampu, tukang ojek dan pekerja yang ter-PHK di Kabupaten Lebak.")
    assert engagements(text) == ()


def test_tag_lookalike_workers_only_as_the_subject_of_a_new_police_service() -> None:
    text = ("Kapolri meluncurkan Desk Ketenagakerjaan untuk menangani persoalan pekerja atau buruh, Senin "
            "(20/1/2025). Desk ini akan menerima laporan dan menggelar mediasi.")
    assert engagements(text) == ()


def test_tag_lookalike_police_named_only_as_a_possibility() -> None:
    text = (f"Pengurus {UNION} beraudiensi dengan Disnaker Kabupaten Lebak soal union busting, Senin (1/12/2025). "
            "Kepala Disnaker mengatakan buruh bisa melapor ke polisi.")
    assert engagements(text) == ()


def test_tag_lookalike_a_protest_the_police_appear_nowhere_near() -> None:
    text = (f"Satreskrim Polres Lebak mengamankan sejumlah remaja bersenjata tajam di alun-alun, Senin (1/12/2025). "
            "Para remaja dibawa ke Mapolres untuk dimintai keterangan. Di tempat lain, warga berbelanja seperti "
            f"biasa. Siang harinya ratusan {UNION} berunjuk rasa di depan kantor DPRD Lebak.")
    assert engagements(text) == ()


def test_tag_lookalike_a_planned_strike_is_no_event() -> None:
    text = (f"{UNION} berencana mogok kerja pekan depan jika upah tidak naik. {POLICE} mengimbau buruh menjaga "
            "ketertiban.")
    assert "strike" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}


def test_tag_lookalike_workers_as_theft_suspects_or_abuse_victims() -> None:
    theft = ("Resmob Polres Lebak menangkap lima karyawan PT Sinar Cemerlang yang diduga terlibat pencurian besi. "
             f"{POLICE} mengatakan penyidikan masih berjalan.")
    abuse = ("Polres Lebak menerima laporan dua buruh yang kabur dari pabrik tentang penganiayaan terhadap puluhan "
             f"buruh. {POLICE} memulai penyelidikan.")
    assert engagements(theft) == engagements(abuse) == ()


def test_tag_lookalike_police_beside_a_protest_must_speak_of_it() -> None:
    about = (f"Ribuan {UNION} berunjuk rasa di depan kantor Bupati Lebak pada Senin.\n"
             f"{POLICE} menemui perwakilan buruh di lokasi.")
    elsewhere = (f"Ribuan {UNION} berunjuk rasa di depan kantor Bupati Lebak pada Senin.\n"
                 f'"Bawa dulu ke Mapolres," ujar {POLICE} soal dua remaja yang membawa senjata tajam.')
    assert [e.type for e in engagements(about)] == ["protest"]
    assert engagements(elsewhere) == ()


@pytest.mark.parametrize("union", ["Serikat Petani Indonesia (SPI)", "Serikat Nelayan Tradisional",
                                   "serikat guru honorer"])
def test_tag_lookalike_a_union_of_farmers_fishers_or_teachers_is_no_labour_side(union: str) -> None:
    text = (f"Ratusan anggota {union} berunjuk rasa di depan Gedung DPRD Jember, Senin (1/12/2025). Aksi dikawal "
            "aparat Polres Jember.")
    assert engagements(text) == ()


@pytest.mark.parametrize("text", [
    "Polisi Malaysia menangkap puluhan pekerja migran Indonesia yang berunjuk rasa menuntut gaji di sebuah pabrik di "
    "Johor, Senin (1/12/2025).",
    "Polisi Hong Kong membubarkan aksi buruh migran Indonesia di Victoria Park, Minggu (30/11/2025).",
    "Ratusan buruh migran berdemo di depan KBRI Kuala Lumpur, Senin (1/12/2025). Polisi Diraja Malaysia berjaga.",
])
def test_tag_lookalike_police_abroad_are_no_polri(text: str) -> None:
    assert engagements(text) == ()


def test_tag_lookalike_bare_police_at_home_still_take_part() -> None:
    text = "Polisi membubarkan aksi buruh di depan pabrik PT Sinar Jaya, Kabupaten Bekasi, Senin (1/12/2025)."
    assert [e.type for e in engagements(text)] == ["dispersal"]


@pytest.mark.parametrize("text", [
    f"Jelang May Day, Polres Lebak Gelar Apel\nPolres Lebak menggelar apel kesiapan pengamanan Hari Buruh "
    f"Internasional, Senin (1/12/2025). {POLICE} mengatakan {UNION} akan menggelar aksi pekan depan.",
    "Polres Lebak menggelar apel pengamanan May Day di Mapolres Lebak, Senin (1/12/2025). Massa buruh FSPMI "
    "dijadwalkan berkumpul di alun-alun.",
    f"{POLICE} menyebut peringatan May Day yang akan digelar {UNION} di alun-alun dijaga 300 personel.",
])
def test_tag_lookalike_a_may_day_still_to_come_is_no_ceremony_or_security(text: str) -> None:
    assert engagements(text) == ()


@pytest.mark.parametrize("guard", ["Puluhan anggota Satpol PP Kabupaten Lebak", "Petugas satpam PT Sinar Cemerlang"])
def test_tag_lookalike_a_dispersal_by_others_than_polri(guard: str) -> None:
    text = (f"{guard} membubarkan unjuk rasa {UNION} di depan kantor Bupati Lebak, Senin (1/12/2025). {POLICE} "
            "mengatakan pihaknya tidak terlibat.")
    assert engagements(text) == ()


@pytest.mark.parametrize("occasion", ["pelantikan pengurus KNPI Kabupaten Lebak", "HUT ke-80 PGRI"])
def test_tag_lookalike_police_and_union_at_another_body_s_ceremony(occasion: str) -> None:
    text = (f"{POLICE} menghadiri {occasion} di Rangkasbitung, Senin (1/12/2025). Ketua DPC {UNION} juga hadir "
            "dalam acara tersebut.")
    assert engagements(text) == ()


def test_tag_lookalike_a_strike_planned_in_the_headline_is_no_event() -> None:
    text = (f"Buruh FSPMI Rencanakan Mogok Daerah\n{UNION} akan menggelar mogok daerah pada akhir Desember jika upah "
            f"tidak naik, kata ketuanya, Senin (1/12/2025). {POLICE} mengimbau buruh menjaga ketertiban.")
    assert "strike" not in {t for e in engagements(text) for t in (e.type, *e.secondary_types)}


@pytest.mark.parametrize("agency", ["Petugas Dishub Kabupaten Lebak", "Anggota Linmas dan Banser"])
def test_tag_lookalike_traffic_and_crowds_handled_by_other_agencies(agency: str) -> None:
    text = (f"Ratusan {UNION} berunjuk rasa di depan kantor Bupati Lebak, Senin (1/12/2025). {agency} mengalihkan arus "
            "lalu lintas di sekitar lokasi. Polres Lebak tidak menerjunkan personel karena aksi tidak diberitahukan.")
    assert engagements(text) == ()


@pytest.mark.parametrize("act", ["Seorang buruh yang berorasi diamankan petugas.",
                                 "Seorang orator diseret petugas hingga ke pos jaga."])
def test_tag_lookalike_a_bare_petugas_beside_company_guards_is_no_police(act: str) -> None:
    text = (f"Ratusan {UNION} berunjuk rasa di depan pabrik PT Sinar Cemerlang, Senin (1/12/2025). Satpam pabrik "
            f"berjaga di gerbang. {act} {POLICE} mengaku belum menerima laporan soal aksi itu.")
    found = {t for e in engagements(text) for t in (e.type, *e.secondary_types)}
    assert not found & {"arrest", "dispersal"}


@pytest.mark.parametrize("text", [
    "Polres Lebak Pastikan Video Bentrok Buruh Hoaks\nPolres Lebak memastikan video bentrokan antara buruh dan "
    "polisi yang beredar di media sosial adalah hoaks, Senin (1/12/2025). Kasi Humas Polres Lebak AKP Dedi Kurnia "
    "menyebut video itu rekaman lama.",
    f"Ketua {UNION} mengecam tindakan represif aparat terhadap buruh dalam berbagai aksi selama ini. Ia meminta "
    f"{POLICE} mengevaluasi anak buahnya, Senin (1/12/2025).",
])
def test_tag_lookalike_a_hoax_denied_or_a_habit_condemned_is_no_event(text: str) -> None:
    assert engagements(text) == ()


@pytest.mark.parametrize("listing", [
    "Terpopuler\nPolisi Bubarkan Demo Buruh FSPMI di Lebak\nBuruh FSPMI Mogok Kerja di Lebak",
    "Berita Populer\n1. Polisi Bubarkan Demo Buruh FSPMI di Lebak\n2. Buruh FSPMI Mogok Kerja di Lebak",
    "Rekomendasi untuk Anda\nPolisi Bubarkan Demo Buruh FSPMI di Lebak",
    ">> Polisi Bubarkan Demo Buruh FSPMI di Lebak\n>> Buruh FSPMI Mogok Kerja di Depan Pabrik Lebak",
])
def test_tag_lookalike_lists_of_other_stories_supply_no_trigger(listing: str) -> None:
    text = f"{POLICE} meresmikan gedung baru Mapolres Lebak, Senin (1/12/2025).\n{listing}\nAcara berjalan lancar."
    assert engagements(text) == ()


def test_tag_lookalike_a_section_name_above_the_headline_keeps_the_headline() -> None:
    text = (f"Berita Terbaru\n\nPolisi Kawal Unjuk Rasa Buruh FSPMI di Lebak\n{POLICE} mengerahkan 200 personel "
            f"untuk pengamanan unjuk rasa {UNION} di depan kantor Bupati Lebak, Senin (1/12/2025).")
    assert "Polisi Kawal Unjuk Rasa" in mask_boilerplate(text)


@pytest.mark.parametrize("text", [
    "Ratusan mahasiswa berunjuk rasa di depan kantor DPRD Lebak menuntut kesejahteraan buruh dan menolak upah murah, "
    "Senin (1/12/2025). Aksi dikawal personel Polres Lebak.",
    "Ratusan warga Desa Sukamaju berunjuk rasa menolak limbah PT Sinar Cemerlang, Senin (1/12/2025). Aksi dikawal "
    "personel Polres Lebak. Sejumlah karyawan PT Sinar Cemerlang menonton dari balik pagar.",
])
def test_tag_lookalike_a_protest_by_others_about_or_beside_workers(text: str) -> None:
    assert engagements(text) == ()


def test_tag_lookalike_workers_arrested_for_theft_beside_a_social_aksi() -> None:
    text = (f"{POLICE} menangkap dua buruh pabrik yang mencuri kabel, Senin (1/12/2025). Keduanya pernah ikut aksi "
            "sosial perusahaan.")
    assert engagements(text) == ()
