"""The tagger on wordings of our own that the labelled corpus's tune part does not use: one short report per
line, typed as DOMAIN.md's primary-type rule types it, and look-alikes that must get no engagement. A guard
against rules that only fit the articles they were tuned on."""

from datetime import datetime, timedelta, timezone

import pytest

from tagging import tag_article

PUBLISHED = datetime(2025, 12, 8, 10, tzinfo=timezone(timedelta(hours=7)))
DAY = ", Senin (1/12/2025)."

TYPED = [
    ("protest_security", "Ribuan buruh KSPI melakukan long march ke Gedung DPRD Jawa Barat. Polda Jabar menurunkan "
                         "1.500 personel untuk mengawal aksi tersebut"),
    ("protest_security", "Polres Purwakarta melakukan rekayasa lalu lintas saat ratusan buruh FSPMI menggelar demo di "
                         "depan kantor bupati"),
    ("protest_security", "Kapolresta Tangerang turun langsung memantau jalannya unjuk rasa buruh di Kawasan Industri "
                         "Cikupa Mas"),
    ("protest_security", "Personel Polsek Cikarang Barat disiagakan di sekitar pabrik saat ratusan karyawan berunjuk "
                         "rasa menuntut pesangon"),
    ("dispersal", "Aparat kepolisian menyemprotkan water cannon untuk membubarkan massa buruh yang bertahan di depan "
                  "Istana"),
    ("dispersal", "Polisi menembakkan gas air mata ke arah buruh yang berunjuk rasa di Batam"),
    ("clash", "Unjuk rasa buruh di Bekasi berujung bentrok dengan aparat kepolisian, sejumlah kendaraan dirusak massa"),
    ("arrest", "Polres Karawang menahan tiga buruh yang diduga menjadi provokator saat unjuk rasa di kawasan KIIC"),
    ("arrest", "Ketua PUK SPSI PT Maju ditetapkan sebagai tersangka oleh Polres Bekasi atas laporan perusahaan"),
    ("blockade", "Ratusan buruh memblokade pintu gerbang PT Maju di Serang. Polisi berjaga di lokasi"),
    ("blockade", "Massa buruh sempat menutup Jalan Raya Serang-Jakarta sehingga polisi melakukan pengalihan arus"),
    ("strike", "Karyawan PT Maju menggelar mogok kerja menuntut THR dibayar penuh. Kapolsek Cikande memantau aksi "
               "mogok itu"),
    ("hearing", "Perwakilan buruh diterima Kapolres Sukabumi di Mapolres untuk menyampaikan keluhan soal PHK massal"),
    ("hearing", "Serikat buruh beraudiensi dengan Kapolda Banten terkait rencana peringatan May Day"),
    ("hearing", "Perwakilan KSPI Jawa Barat beraudiensi dengan Kapolda Jawa Barat di Mapolda soal intimidasi terhadap "
                "pengurus serikat. Kapolda berjanji menindaklanjuti aduan tersebut"),
    ("dialogue", "Kapolsek Jatiuwung menyambangi sekretariat DPC SPN Kota Tangerang untuk berdiskusi soal kamtibmas"),
    ("dialogue", "Kapolres Serang menggelar Jumat Curhat bersama buruh di Kecamatan Kibin"),
    ("mediation", "Satintelkam Polres Bekasi menjadi penengah antara buruh PT Maju dan manajemen yang berselisih soal "
                  "upah"),
    ("legal_complaint", "Puluhan buruh PT Maju mendatangi SPKT Polres Tangerang untuk melaporkan perusahaan yang tidak "
                        "membayar upah"),
    ("legal_complaint", "Polda Metro Jaya menyelidiki dugaan pemberangusan serikat di PT Maju setelah menerima "
                        "pengaduan FSPMI"),
    ("pre_protest_coordination", "Polres Karawang menggelar rapat koordinasi dengan serikat buruh menjelang aksi "
                                 "mogok nasional"),
    ("agreement", "Kapolda Jateng dan pimpinan serikat buruh menandatangani pakta integritas menjaga kondusivitas"),
    ("social_service", "Polres Bogor bersama SPSI menggelar donor darah di kawasan industri"),
    ("ceremony", "Kapolres Karawang hadir dalam pelantikan pengurus DPC KSPSI Karawang"),
    ("joint_security", "Polres Bekasi dan serikat pekerja membentuk satgas anti premanisme di kawasan industri"),
    ("protest", "Ratusan buruh menggeruduk Mapolres Bekasi menuntut polisi mengusut kasus penganiayaan rekan mereka"),
    ("clash", "Terjadi kericuhan antara buruh dan aparat kepolisian di depan Kantor Gubernur Banten"),
    ("dispersal", "Polisi menghalau massa buruh yang hendak masuk ke jalan tol Cikampek"),
    ("ceremony", "Polres Tangerang mengerahkan ratusan personel untuk mengamankan peringatan May Day di Stadion "
                 "Benteng yang diikuti puluhan ribu buruh"),
    ("social_service", "Kapolsek Cikupa bersama pengurus SPN membagikan takjil kepada buruh pabrik"),
    ("blockade", "Ratusan buruh menduduki kantor PT Maju menuntut gaji yang belum dibayar. Polisi berjaga di luar "
                 "gedung"),
    ("pre_protest_coordination", "Kapolres Bogor mengumpulkan pimpinan serikat buruh untuk berkoordinasi menjelang "
                                 "rencana mogok daerah"),
    ("joint_security", "Polsek Cikande dan serikat buruh mendirikan posko pengamanan bersama di kawasan industri"),
]

LOOKALIKES = [
    "Satpol PP membubarkan demo pedagang kaki lima di alun-alun. Polisi turut berjaga",
    "Ratusan mahasiswa berdemo menolak kenaikan BBM di depan DPRD, dijaga ketat polisi",
    "Seorang buruh pabrik tewas tertabrak truk di Cikarang. Polisi melakukan olah TKP",
    "Kapolres Serang memimpin upacara HUT Bhayangkara di Mapolres",
    "Mediator Disnaker memediasi buruh dan perusahaan PT Sinar",
    "Ratusan petani berunjuk rasa menolak tambang, dikawal polisi",
    "Kapolres Bekasi membagikan sembako kepada warga, termasuk buruh harian dan ojek daring",
    "Kapolda meluncurkan layanan pengaduan daring untuk masyarakat, termasuk pekerja migran",
    "Polres Karawang menangkap dua pekerja bangunan yang mencuri besi di proyek perumahan",
    "Anggota TNI dan satpam perusahaan mengamankan aksi mogok kerja buruh PT Maju",
    "Polisi membubarkan balap liar; para pelaku sebagian adalah buruh pabrik",
    "Buruh pabrik mengikuti lomba lari dalam rangka HUT Kota Serang yang dijaga polisi lalu lintas",
    "Guru honorer berdemo menuntut kenaikan gaji, dikawal aparat Polres Garut",
    "Pedagang pasar berunjuk rasa menolak relokasi, dikawal Polsek Serang",
]


@pytest.mark.parametrize(("expected", "text"), TYPED)
def test_tag_wording_is_typed_by_the_primary_type_rule(expected: str, text: str) -> None:
    found = tag_article("", text + DAY, PUBLISHED).engagements
    assert found and found[0].type == expected, [(e.type, e.secondary_types) for e in found]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_tag_wording_of_a_lookalike_gets_no_engagement(text: str) -> None:
    assert tag_article("", text + DAY, PUBLISHED).engagements == ()
