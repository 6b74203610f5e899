"""The primary-type rule of DOMAIN.md on short sentences of our own: what police and labour did together, the
most severe first, and a protest primary only when the police have no described role in it."""

from datetime import datetime, timedelta, timezone

import pytest

from tagging import tag_article

PUBLISHED = datetime(2025, 12, 8, 10, tzinfo=timezone(timedelta(hours=7)))
POLICE = "Kapolres Lebak AKBP Bayu Prasetyo"
UNION = "buruh Federasi Serikat Pekerja Metal Indonesia (FSPMI)"


def types(text: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(e.type, e.secondary_types) for e in tag_article("", text, PUBLISHED).engagements]


def primary(text: str) -> str | None:
    found = types(text)
    return found[0][0] if found else None


def test_tag_type_secured_protest_is_protest_security_with_protest_secondary() -> None:
    text = (f"Ratusan {UNION} menggelar unjuk rasa di depan kantor Bupati Lebak, Senin (1/12/2025). "
            f"{POLICE} mengerahkan 200 personel untuk pengamanan aksi tersebut.")
    assert types(text) == [("protest_security", ("protest",))]


def test_tag_type_protest_is_primary_when_police_have_no_role() -> None:
    text = f"Ratusan {UNION} berunjuk rasa di depan kantor Bupati Lebak. {POLICE} membenarkan adanya aksi itu."
    assert types(text) == [("protest", ())]


def test_tag_type_strike_is_primary_over_its_security() -> None:
    text = (f"Anggota Polsek Rangkasbitung melakukan pengamanan aksi mogok kerja {UNION} di depan gerbang pabrik "
            f"PT Sinar Cemerlang, Kabupaten Lebak. {POLICE} meminta massa tetap tertib.")
    assert primary(text) == "strike"
    assert "protest_security" in types(text)[0][1]


def test_tag_type_a_meeting_before_a_planned_protest_is_coordination() -> None:
    text = (f"Mengantisipasi rencana unjuk rasa pekan depan, {POLICE} bersilaturahmi dengan pengurus {UNION} di "
            "Rangkasbitung, Jumat (5/12/2025). Kapolres meminta aksi berlangsung damai.")
    assert types(text)[0] == ("pre_protest_coordination", ("dialogue",))


def test_tag_type_a_meeting_before_may_day_alone_stays_a_dialogue() -> None:
    text = (f"Menjelang peringatan May Day, {POLICE} bersilaturahmi dengan pengurus {UNION} di Rangkasbitung, "
            "Jumat (5/12/2025).")
    assert primary(text) == "dialogue"


def test_tag_type_a_joint_peace_declaration_is_an_agreement() -> None:
    text = (f"Buruh dan ormas Lebak membacakan pernyataan sikap bersama menolak aksi anarkis. {POLICE} dan pengurus "
            f"{UNION} ikut menandatanganinya di Mapolres Lebak, Senin (1/12/2025).")
    assert primary(text) == "agreement"


@pytest.mark.parametrize("appeal", ["menolak segala bentuk aksi yang anarkis", "mengimbau agar demo tidak ricuh"])
def test_tag_type_violence_named_in_an_appeal_is_no_clash(appeal: str) -> None:
    text = f"Ratusan {UNION} berunjuk rasa di Rangkasbitung. {POLICE} {appeal} dan mengawal jalannya aksi."
    found = tag_article("", text, PUBLISHED).engagements
    assert "clash" not in {t for e in found for t in (e.type, *e.secondary_types)}


def test_tag_type_a_union_named_beside_a_trigger_is_its_labour_cue() -> None:
    text = (f"{POLICE} menerima laporan polisi dari pengurus FSPMI PT Sinar Cemerlang. Laporan itu soal dugaan "
            "pemalsuan upah oleh direksi.")
    assert primary(text) == "legal_complaint"


@pytest.mark.parametrize("security", [
    "Sekitar 20 personel Polsek Rangkasbitung menjaga aksi itu.",
    "Polres Lebak mengerahkan 150 personel untuk mengamankan aksi tersebut.",
    "Rombongan sempat dihentikan petugas kepolisian di perbatasan dan diarahkan lewat jalan lingkar.",
])
def test_tag_type_police_securing_or_redirecting_a_protest_in_its_own_words(security: str) -> None:
    text = f"Ratusan {UNION} menggelar long march ke kantor Bupati Lebak, Senin (1/12/2025). {security}"
    assert types(text)[0] == ("protest_security", ("protest",))


def test_tag_type_workers_closing_a_factory_gate_is_a_blockade() -> None:
    text = (f"Massa {UNION} berunjuk rasa dan melakukan penutupan pintu masuk PT Sinar Cemerlang dengan sepeda "
            f"motor, Senin (1/12/2025). {POLICE} melakukan penjagaan di lokasi.")
    assert types(text)[0] == ("blockade", ("protest_security", "protest"))


def test_tag_type_a_strike_of_employees_secured_by_police() -> None:
    text = (f"Polres Lebak mengerahkan 50 personel untuk mengamankan aksi mogok kerja karyawan PT Sinar Cemerlang, "
            f"Senin (1/12/2025). {POLICE} meminta karyawan tetap tertib.")
    assert primary(text) == "strike"


def test_tag_type_a_gate_guarded_by_company_security_is_no_police_role() -> None:
    text = (f"Ratusan {UNION} berunjuk rasa di depan PT Sinar Cemerlang, Senin (1/12/2025). Penjagaan aksi dilakukan "
            "oleh petugas keamanan perusahaan. Siangnya manajemen dan perwakilan buruh menggelar mediasi yang "
            f"disaksikan {POLICE}.")
    assert primary(text) == "mediation"


def test_tag_type_a_deed_told_in_a_quote_is_an_event() -> None:
    text = (f'"Kami sudah lakukan blokade jalan sejak pagi," kata Ketua {UNION}. {POLICE} menerjunkan personel '
            "untuk mengawal aksi itu, Senin (1/12/2025).")
    assert primary(text) == "blockade"


@pytest.mark.parametrize("report", [
    "Pengurus {union} melaporkan PT Sinar Cemerlang ke Polres Lebak atas upah di bawah minimum",
    "PT Sinar Cemerlang dilaporkan ke polisi oleh {union} karena tidak membayar pesangon",
])
def test_tag_type_a_report_filed_with_the_police_is_a_legal_complaint(report: str) -> None:
    text = f"{report.format(union=UNION)}, Senin (1/12/2025). {POLICE} membenarkan laporan tersebut."
    assert primary(text) == "legal_complaint"


def test_tag_type_a_police_officer_as_mediator() -> None:
    text = ("Kapolsek Rangkasbitung Kompol Dedi Hartono hadir sebagai mediator antara puluhan buruh dan manajemen "
            "PT Sinar Cemerlang, Senin (1/12/2025).")
    assert primary(text) == "mediation"


def test_tag_type_a_desk_ketenagakerjaan_presented_to_unions_is_a_dialogue() -> None:
    text = (f"Polda Banten menggelar sosialisasi Desk Ketenagakerjaan kepada pengurus {UNION} di Serang, Senin "
            f"(1/12/2025). {POLICE} mengajak buruh memanfaatkan layanan itu.")
    assert primary(text) == "dialogue"



@pytest.mark.parametrize("force", [
    "Massa menolak bubar sehingga petugas membubarkan paksa aksi itu.",
    "Seorang peserta aksi terluka di kepala akibat pukulan oknum polisi.",
])
def test_tag_type_force_against_a_peaceful_protest_is_dispersal(force: str) -> None:
    text = (f"Ratusan {UNION} menggelar aksi damai di depan kantor Bupati Lebak, Senin (1/12/2025). {force} "
            f"{POLICE} membenarkan.")
    assert primary(text) == "dispersal"


def test_tag_type_violence_both_ways_is_a_clash() -> None:
    text = (f"Unjuk rasa {UNION} di depan kantor Bupati Lebak berakhir bentrok, massa dan polisi saling lempar batu, "
            f"Senin (1/12/2025). {POLICE} membenarkan.")
    assert primary(text) == "clash"


def test_tag_type_detention_during_a_protest_is_an_arrest() -> None:
    text = (f"Polisi mengamankan tiga orang buruh saat unjuk rasa {UNION} di depan kantor Bupati Lebak, Senin "
            f"(1/12/2025). {POLICE} mengatakan ketiganya dibawa ke Mapolres Lebak.")
    assert types(text)[0][0] == "arrest" and "protest" in types(text)[0][1]


@pytest.mark.parametrize("act", [
    "Polda Banten menetapkan Ketua {union} menjadi tersangka atas demo yang melewati batas waktu",
    "Sekretaris {union} menerima surat pemanggilan sebagai saksi dari Polres Lebak atas laporan perusahaan",
])
def test_tag_type_union_officers_named_suspects_or_summoned_is_an_arrest(act: str) -> None:
    text = f"{act.format(union=UNION)}, Senin (1/12/2025). {POLICE} membenarkan hal itu."
    assert primary(text) == "arrest"


def test_tag_type_police_bridging_a_union_and_the_government_is_a_hearing() -> None:
    text = (f"Pengurus {UNION} beraudiensi dengan Bupati Lebak di pendopo, Senin (1/12/2025). Audiensi diinisiasi "
            f"{POLICE} untuk menjembatani komunikasi antara pemerintah daerah dan pekerja.")
    assert primary(text) == "hearing"


def test_tag_type_police_mediating_between_two_unions_is_a_mediation() -> None:
    text = (f"Satintelkam Polres Lebak memediasi perselisihan antara {UNION} dan Serikat Pekerja Nasional (SPN) di "
            f"kawasan industri Cikande, Senin (1/12/2025). {POLICE} mengapresiasi kedua serikat.")
    assert primary(text) == "mediation"


@pytest.mark.parametrize(("event", "expected"), [
    ("menggelar cangkrukan bersama pengurus", "dialogue"),
    ("bersilaturrahmi dengan pengurus", "dialogue"),
    ("memimpin apel akbar bersama perwakilan", "ceremony"),
])
def test_tag_type_meetings_and_assemblies_in_their_local_words(event: str, expected: str) -> None:
    text = f"{POLICE} {event} {UNION} di Mapolres Lebak, Senin (1/12/2025)."
    assert primary(text) == expected


def test_tag_type_police_receiving_a_report_against_workers_is_a_legal_complaint() -> None:
    text = (f"Polda Banten menerima laporan Bupati Lebak terkait sejumlah buruh yang menerobos ruang kerjanya saat "
            f"demo, Jumat (5/12/2025). {POLICE} memastikan laporan itu diusut.")
    assert primary(text) == "legal_complaint"


def test_tag_type_a_peace_statement_signed_at_the_police_station_is_an_agreement() -> None:
    text = ("Perselisihan pekerja harian lepas dengan PT Sinar Cemerlang dituangkan dalam surat pernyataan damai "
            "yang dibuat di Mapolsek Rangkasbitung, Jumat (5/12/2025). Sebelumnya protes pekerja itu dimediasi "
            "Kapolsek.")
    assert primary(text) == "agreement"


def test_tag_type_an_assembly_led_by_a_kapolresta_is_a_ceremony() -> None:
    text = ("Kapolresta Lebak Kombes Pol Bayu Prasetyo memimpin apel akbar bersama perwakilan buruh dari sejumlah "
            "perusahaan di halaman Mapolresta, Kamis (4/12/2025).")
    assert primary(text) == "ceremony"


def test_tag_type_a_protester_led_away_during_a_protest_is_an_arrest() -> None:
    text = (f"Satu peserta massa aksi unjuk rasa {UNION} di Kawasan Industri Cikande digelandang polisi karena diduga "
            "provokator, Kamis (4/12/2025).\nAparat yang berjaga langsung menyeretnya ke pos.")
    assert primary(text) == "arrest"


def test_tag_type_a_promise_to_follow_up_reports_is_no_legal_complaint() -> None:
    text = (f"{POLICE} bersilaturahmi ke sekretariat {UNION}, Senin (1/12/2025). Kapolres berjanji akan "
            "menindaklanjuti setiap laporan buruh yang disertai bukti.")
    assert types(text) == [("dialogue", ())]


def test_tag_type_workers_named_in_a_protest_sentence_are_its_labour_side() -> None:
    text = ("Unjuk rasa di depan kantor Bupati Lebak diikuti buruh dari tiga pabrik, Senin (1/12/2025). Polres Lebak "
            "menerjunkan 100 personel untuk pengamanan unjuk rasa itu.")
    assert types(text) == [("protest_security", ("protest",))]


def test_tag_type_a_complaint_to_the_desk_ketenagakerjaan_is_a_legal_complaint() -> None:
    text = (f"Pengurus {UNION} melaporkan PT Sinar Cemerlang ke Desk Ketenagakerjaan Polda Banten karena upah "
            f"dipotong sepihak, Senin (1/12/2025). {POLICE} membenarkan.")
    assert primary(text) == "legal_complaint"


@pytest.mark.parametrize(("text", "expected"), [
    ("Ratusan buruh PT Maju Jaya menggelar aksi di depan pabrik menuntut THR, Senin (1/12/2025). Aksi dijaga ketat "
     "aparat Polsek Cikupa.", "protest_security"),
    ("Kasat Intelkam Polres Karawang mempertemukan serikat pekerja dengan manajemen PT Sinar, Senin (1/12/2025).",
     "mediation"),
    ("Kapolsek Cikupa memfasilitasi pertemuan antara manajemen PT Sinar dan perwakilan buruh, Senin (1/12/2025).",
     "mediation"),
])
def test_tag_type_guarding_and_bringing_together_in_other_words(text: str, expected: str) -> None:
    assert primary(text) == expected


def test_tag_type_guarded_by_unnamed_authorities_is_no_police_role() -> None:
    text = ("Demo puluhan karyawan PT Sinar Cemerlang di Kecamatan Kemang dijaga ketat aparat berwajib, Selasa "
            "(2/12/2025). Siangnya manajemen dan perwakilan karyawan menggelar mediasi yang disaksikan Kapolsek Kemang "
            "Kompol Agus Hartono.")
    assert primary(text) == "mediation"


@pytest.mark.parametrize("police", [
    "Kapolres Kendal AKBP Hari Wibowo menemui massa dan meminta buruh menjaga ketertiban.",
    "Petugas Polres Kendal menenangkan massa yang mulai memanas.",
    "Kasat Intelkam Polres Kendal bernegosiasi dengan pengunjuk rasa agar jalan tidak ditutup.",
])
def test_tag_types_the_police_dealing_with_the_crowd_secure_the_protest(police: str) -> None:
    text = f"Ratusan buruh berunjuk rasa di depan kantor Bupati Kendal, Rabu (3/12/2025). {police}"
    assert [e.type for e in tag_article("", text).engagements] == ["protest_security"]


def test_tag_types_a_crowd_the_police_will_meet_later_is_no_security() -> None:
    text = ("Ratusan buruh berunjuk rasa di depan kantor Bupati Kendal, Rabu (3/12/2025). Kapolres Kendal hadir di "
            "lokasi dan berencana menemui massa pekan depan.")
    assert [e.type for e in tag_article("", text).engagements] == ["protest"]


@pytest.mark.parametrize("police", [
    "Petugas Polrestabes Bandung mengalihkan lalu lintas ke Jalan Diponegoro.",
    "Polrestabes Bandung membuka jalur alternatif bagi pengguna jalan di sekitar lokasi aksi.",
])
def test_tag_types_the_police_rerouting_traffic_around_a_protest_secure_it(police: str) -> None:
    text = f"Ribuan buruh berunjuk rasa di depan Gedung DPRD Jawa Barat, Rabu (3/12/2025). {police}"
    assert [e.type for e in tag_article("", text).engagements] == ["protest_security"]


@pytest.mark.parametrize("occasion", ["pelantikan pengurus DPC FSPMI Lebak", "HUT ke-25 FSPMI",
                                      "HUT Bhayangkara ke-79"])
def test_tag_type_a_ceremony_of_the_union_or_the_police_stays_one(occasion: str) -> None:
    text = f"{POLICE} dan pengurus {UNION} menghadiri {occasion} di Rangkasbitung, Senin (1/12/2025)."
    assert types(text)[0][0] == "ceremony"


def test_tag_type_a_delegation_received_in_the_next_sentence_is_a_hearing() -> None:
    text = (f"Puluhan pengurus {UNION} mendatangi Mapolres Lebak untuk menyampaikan aspirasi soal kekerasan terhadap "
            "buruh, Senin (1/12/2025). Mereka diterima Wakapolres Lebak Kompol Dedi Kurnia.")
    assert "hearing" in {t for kind, secondary in types(text) for t in (kind, *secondary)}


def test_tag_type_a_police_appeal_to_unions_before_a_planned_action_is_coordination() -> None:
    text = (f"{POLICE} mengimbau pengurus {UNION} agar rencana unjuk rasa pekan depan berlangsung tertib, Senin "
            "(1/12/2025).")
    assert types(text)[0][0] == "pre_protest_coordination"


def test_tag_type_a_protest_at_a_police_station_has_the_police_as_its_target() -> None:
    text = (f"Ratusan {UNION} berunjuk rasa di depan Mapolres Lebak menuntut pembebasan rekan mereka, Senin "
            f"(1/12/2025). {POLICE} mengatakan tuntutan itu dipelajari.")
    assert types(text)[0][0] == "protest"


@pytest.mark.parametrize("police", [
    f"{POLICE} meninjau langsung lokasi unjuk rasa {UNION} di depan kantor Bupati Lebak, Senin (1/12/2025).",
    f"Polres Lebak memasang kawat berduri di depan kantor Bupati Lebak, Senin (1/12/2025). Ratusan {UNION} "
    "kemudian berorasi di depan kawat itu.",
    f"{POLICE} mengarahkan massa {UNION} agar tidak masuk ke halaman kantor Bupati Lebak, Senin (1/12/2025).",
])
def test_tag_type_police_inspecting_fencing_or_directing_a_protest_secure_it(police: str) -> None:
    assert types(police)[0][0] == "protest_security"


def test_tag_type_an_officer_sitting_down_with_workers_is_a_dialogue() -> None:
    text = (f"{POLICE} duduk bersama puluhan {UNION} di warung kopi dekat pabrik untuk mendengar keluhan mereka, "
            "Senin (1/12/2025).")
    assert types(text)[0][0] == "dialogue"


def test_tag_type_a_possibility_in_the_sentence_before_leaves_the_police_in() -> None:
    text = (f"Ratusan {UNION} memblokade gerbang pabrik PT Sinar Cemerlang sehingga truk tidak bisa keluar, Senin "
            "(1/12/2025). Polisi berjaga di lokasi.")
    assert types(text)[0][0] == "blockade"


def test_tag_type_workers_held_after_a_riot_are_an_arrest_of_that_action() -> None:
    text = ("Usai aksi ricuh, polisi mengamankan puluhan buruh ke Mapolres Lebak, Senin (1/12/2025). "
            f"{POLICE} mengatakan mereka masih diperiksa.")
    found = {t for kind, secondary in types(text) for t in (kind, *secondary)}
    assert {"clash", "arrest"} <= found


def test_tag_type_workers_stopped_on_their_way_to_a_protest_are_secured() -> None:
    text = (f"Polres Lebak menyekat puluhan bus berisi {UNION} yang hendak berunjuk rasa ke Serang di gerbang tol, "
            "Senin (1/12/2025).")
    assert types(text)[0][0] == "protest_security"


def test_tag_type_workers_to_protest_another_day_are_not_yet_secured() -> None:
    text = (f"Polres Lebak menyiagakan 500 personel untuk {UNION} yang akan berunjuk rasa besok di depan kantor "
            "Bupati Lebak, Senin (1/12/2025).")
    assert "protest_security" not in {t for kind, secondary in types(text) for t in (kind, *secondary)}


def test_tag_type_security_praised_at_an_award_is_not_the_event() -> None:
    text = (f"Pengurus {UNION} memberikan penghargaan kepada {POLICE} atas pengawalan aksi buruh yang humanis, Senin "
            "(1/12/2025).")
    [(kind, secondary)] = types(text)
    assert kind == "ceremony" and "protest_security" not in secondary


def test_tag_type_a_bare_petugas_beside_the_police_is_the_police() -> None:
    text = (f"Ratusan {UNION} berunjuk rasa di depan Mapolres Lebak, Senin (1/12/2025). Polres Lebak menurunkan 100 "
            "personel. Seorang orator diseret petugas hingga ke dalam markas.")
    assert types(text)[0][0] == "dispersal"


def test_tag_type_a_dispersal_condemned_is_still_a_dispersal() -> None:
    text = (f"Ketua {UNION} mengecam tindakan represif aparat Polres Lebak yang membubarkan paksa aksi buruh di depan "
            "kantor Bupati Lebak, Senin (1/12/2025). Sejumlah buruh terluka.")
    assert types(text)[0][0] == "dispersal"


def test_tag_type_a_meeting_about_an_undated_earlier_arrest_stays_a_hearing() -> None:
    text = (f"Buruh Audiensi ke Polres Lebak Usai Rekan Ditangkap\nPengurus {UNION} beraudiensi dengan {POLICE}, Senin "
            "(8/12/2025). Mereka meminta penangguhan penahanan rekan mereka yang ditangkap saat aksi mogok kerja "
            "bulan lalu.")
    assert types(text)[0][0] == "hearing"


def test_tag_type_an_arrest_after_a_riot_told_in_the_lead_stays_the_event() -> None:
    text = (f"Polisi Tangkap Lima Buruh Usai Demo Ricuh\n{POLICE} menangkap lima buruh usai unjuk rasa ricuh di depan "
            "pabrik, Senin (8/12/2025).")
    assert {"arrest", "clash"} & {types(text)[0][0]}


def test_tag_type_students_and_workers_protesting_together_are_labour() -> None:
    text = ("Ratusan mahasiswa dan buruh berunjuk rasa di depan kantor DPRD Lebak, Senin (1/12/2025). Aksi dikawal "
            "personel Polres Lebak.")
    assert types(text)[0][0] == "protest_security"


@pytest.mark.parametrize("officer", ["Wakapolres Lebak Kompol Dedi Kurnia", "Bhabinkamtibmas Desa Sukamaju Aipda Joko",
                                     "Komandan Kompi Brimob AKP Rudi Hartono"])
def test_tag_type_police_words_beyond_the_chiefs_place_the_police_in_a_sentence(officer: str) -> None:
    text = (f"Ratusan {UNION} berunjuk rasa di depan pabrik PT Sinar Cemerlang, Senin (1/12/2025). Aksi dijaga "
            f"satpam pabrik bersama personel yang dipimpin {officer}.")
    assert types(text)[0][0] == "protest_security"


def test_tag_type_workers_taken_to_the_police_after_an_action_are_an_arrest() -> None:
    text = (f"Sebanyak 20 buruh diangkut ke Mapolres Lebak setelah aksi di depan pabrik PT Sinar Cemerlang, Senin "
            f"(1/12/2025). {POLICE} mengatakan mereka dimintai keterangan.")
    assert types(text)[0][0] == "arrest"


def test_tag_type_an_officer_named_by_rank_alone_is_the_police() -> None:
    text = "Iptu Dedi Kurnia berbincang dengan puluhan buruh PT Sinar Cemerlang di depan pabrik, Senin (1/12/2025)."
    assert types(text)[0][0] == "dialogue"
