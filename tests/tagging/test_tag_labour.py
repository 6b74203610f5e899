"""Labour actors as real regional news writes them: one test per failure class of issue #13, in short
sentences of our own (invented unions, people and companies)."""

from datetime import datetime

from tagging import tag_article

PUBLISHED = datetime(2025, 12, 8, 12)


def engagement_labour(text: str) -> list[tuple[str, ...]]:
    return [e.labour_actors for e in tag_article("", text, PUBLISHED).engagements]


def test_tag_unnamed_workers_make_the_engagement_but_are_not_listed_as_an_organisation() -> None:
    text = ("Ratusan buruh berunjuk rasa di depan Kantor Bupati Serang, Senin (8/12/2025). "
            "Kapolres Serang AKBP Bayu Pratama memimpin pengamanan aksi unjuk rasa tersebut.")
    assert engagement_labour(text) == [()]


def labour(text: str) -> list[str]:
    return [a.label for a in tag_article("", text, PUBLISHED).actors if a.kind == "labour"]


def test_tag_a_name_written_out_is_labelled_by_its_bracketed_abbreviation_unit_and_area() -> None:
    text = ("Massa Dewan Pimpinan Cabang Federasi Serikat Pekerja Logam Nusantara (FSPLN) Kabupaten Serang "
            "mendatangi Mapolres Serang. Ketua DPC FSPLN Kabupaten Serang, Budi Santoso, berorasi. "
            "Anggota FSPLN membawa spanduk.")
    assert labour(text) == ["DPC FSPLN Kabupaten Serang"]
    [leader] = [a for a in tag_article("", text, PUBLISHED).actors if a.kind == "person"]
    assert (leader.name, leader.position, leader.organisation) == ("Budi Santoso", "Ketua DPC",
                                                                   "DPC FSPLN Kabupaten Serang")


def test_tag_local_units_are_kept_apart_and_each_keeps_its_plant_or_area() -> None:
    text = ("Mogok kerja PUK SPAI FSPMI PT Maju Sentosa Abadi memasuki hari ketiga. Ketua Pimpinan Cabang SPAI "
            "FSPMI Kota Batam, Andi, dan Sekretaris Konsulat Cabang FSPMI Kota Batam, Rudi, datang ke lokasi.")
    assert sorted(labour(text)) == ["KC FSPMI Kota Batam", "PC SPAI FSPMI Kota Batam",
                                    "PUK SPAI FSPMI PT Maju Sentosa Abadi"]


def test_tag_a_structure_word_or_union_head_before_an_unknown_acronym_is_a_union() -> None:
    text = "Hadir pula DPD FSBKT Provinsi Banten dan SB TEKSAL Kota Cilegon dalam audiensi di Polres Cilegon."
    assert labour(text) == ["DPD FSBKT Provinsi Banten", "SB TEKSAL Kota Cilegon"]


def test_tag_every_acronym_of_a_list_of_unions_is_a_union() -> None:
    text = "Sembako diterima perwakilan serikat pekerja, yaitu DPD SPN, FSPMI, FSBKT, SB Maju Bersama dan SPSI 1973."
    assert labour(text) == ["DPD SPN", "FSPMI", "FSBKT", "SB Maju Bersama", "SPSI 1973"]


def test_tag_alliances_and_named_workers_groups() -> None:
    assert labour("Ribuan massa Aliansi Buruh Cianjur berunjuk rasa di depan Pendopo.") == ["Aliansi Buruh Cianjur"]
    assert labour("Massa Gerakan Buruh Jakarta Bersatu berkumpul di Patung Kuda.") == ["Gerakan Buruh Jakarta Bersatu"]
    assert labour("Anggota Gerakan Buruh Bersatu (GBB) Kota Bekasi berunjuk rasa.") == ["GBB Kota Bekasi"]
    assert labour("Polisi menemui anggota TKBM Karya Bahari di pelabuhan.") == ["TKBM Karya Bahari"]
    assert labour("Ratusan anggota Forum Serikat Pekerja atau Serikat Buruh (SP/SB) Kota Cilegon berkumpul. "
                  "Forum SP/SB Kota Cilegon menuntut kenaikan upah.") == ["SP/SB Kota Cilegon"]


def test_tag_a_shorter_mention_joins_the_unit_it_shortens() -> None:
    text = "DPC KSPSI Kota Bekasi menggelar aksi. Massa KSPSI membubarkan diri dengan tertib."
    [union] = [a for a in tag_article("", text, PUBLISHED).actors if a.kind == "labour"]
    assert (union.label, union.unit, len(union.mentions)) == ("DPC KSPSI Kota Bekasi", "DPC Kota Bekasi", 2)


def test_tag_common_nouns_students_and_headlines_are_not_unions() -> None:
    assert labour("Kapolda mengapresiasi para Serikat Pekerja Jatim yang menjaga keamanan.") == []
    assert labour("Massa yang menamakan diri Aliansi Mahasiswa Peduli Rakyat berunjuk rasa.") == []
    assert labour("Persiapan May Day, Serikat Buruh Audiensi dengan Polres Serang\n") == []
    assert labour("Sebanyak 300 personel gabungan dikerahkan.\nPersonel Gabungan Kawal Aksi Buruh Tolak UMP\n") == []


def test_tag_the_workers_of_a_named_company_acting_are_the_labour_actor_when_no_union_is_named() -> None:
    text = ("Ratusan karyawan PT Sinar Tekstil Abadi mogok kerja di depan pabrik, Senin (8/12/2025). "
            "Kapolsek Cikupa AKP Rudi Hartono memimpin pengamanan aksi mogok kerja tersebut.")
    assert labour(text) == ["karyawan PT Sinar Tekstil Abadi"]
    assert engagement_labour(text)[0] == ("karyawan PT Sinar Tekstil Abadi",)
    assert labour("Ratusan karyawan PT Sinar Tekstil Abadi menerima bingkisan dari Kapolsek.") == []
    assert labour("Ratusan karyawan PT Sinar Tekstil Abadi mogok kerja. Ketua PUK SPN, Andi, berorasi.") == ["PUK SPN"]


def test_tag_a_federation_named_once_beside_its_only_unit_is_that_unit() -> None:
    text = ("Federasi Serikat Pekerja Metal Indonesia menggelar aksi. Ketua PC SPAI FSPMI Kabupaten Majalengka, "
            "Dedi, memimpin massa.")
    assert labour(text) == ["PC SPAI FSPMI Kabupaten Majalengka"]


def test_tag_a_written_out_name_is_kept_whole_when_its_abbreviation_follows_it() -> None:
    text = "Forum Aksi Peduli Tenaga Kerja Lokal (FAP TELOK) Dumai menyerahkan piagam kepada Kapolres Dumai."
    assert labour(text) == ["FAP TELOK Dumai"]


def test_tag_a_short_form_of_a_named_alliance_is_that_alliance_and_titles_are_not_unions() -> None:
    text = ("Aliansi Serikat Pekerja Serikat Buruh (ASPSB) Kabupaten Serang hadir. Aliansi Serikat Buruh "
            "Kabupaten Serang menyampaikan aspirasi. Hadir Ketua KSPN Budi, SH, Ketua SPN Andi, SE, dan Ketua DPD "
            "FSBKT Rudi.")
    assert sorted(labour(text)) == ["ASPSB Kabupaten Serang", "DPD FSBKT", "KSPN", "SPN"]


def test_tag_a_union_wing_written_with_its_federation_is_one_actor() -> None:
    text = "Anggota Garda Metal berjaga bersama polisi. Garda Metal-FSPMI menertibkan massa."
    assert labour(text) == ["Garda Metal FSPMI"]


def test_tag_a_body_is_labelled_with_the_fullest_spelling_of_each_part() -> None:
    text = ("Dua pengurus PUK SPKEP SPSI PT Sinar Mandiri Sejahtera dilaporkan ke polisi. Perusahaan menolak "
            "berunding dengan PUK SP KEP SPSI PT SMS.")
    assert labour(text) == ["PUK SP KEP SPSI PT Sinar Mandiri Sejahtera"]


def test_tag_the_workers_of_one_company_named_twice_are_one_actor() -> None:
    text = ("Ribuan buruh PT Jamu Sehat Sentosa kembali berunjuk rasa. Jalan macet oleh demo para buruh PT Sehat "
            "Sentosa di depan pabrik.")
    assert labour(text) == ["buruh PT Jamu Sehat Sentosa"]


def test_tag_party_student_and_honorary_staff_bodies_are_not_unions() -> None:
    assert labour("Ketua DPD PDIP Banten, DPC PKB Serang dan PC PMII Serang hadir. F PKS menolak.") == []
    assert labour("Massa Forum Pegawai Honorer Indonesia dan Persatuan Guru Honorer Banten berunjuk rasa.") == []


def test_tag_a_union_name_may_join_its_words_with_a_capitalised_dan() -> None:
    text = "Organisasi Kepemudaan, Serikat Pekerja Dan Buruh Kabupaten Karanganyar gelar deklarasi damai."
    assert labour(text) == ["Serikat Pekerja Dan Buruh Kabupaten Karanganyar"]


def test_tag_a_federation_and_its_wing_are_two_bodies() -> None:
    text = "Garda Metal, pasukan disiplin Federasi Serikat Pekerja Metal Indonesia (FSPMI), ikut upacara."
    assert labour(text) == ["Garda Metal FSPMI", "FSPMI"]


def test_tag_a_structure_word_or_union_head_before_a_company_is_its_plant_union() -> None:
    text = "Ketua SP PT Maju Jaya Abadi, Andi, dan pengurus PUK PT Sinar Terang hadir di Mapolres."
    assert labour(text) == ["SP PT Maju Jaya Abadi", "PUK PT Sinar Terang"]
    assert labour("Asosiasi Serikat Pekerja (ASPEK) Indonesia menggelar aksi.") == ["ASPEK"]


def test_tag_an_unknown_acronym_is_a_union_after_massa_or_serikat_but_not_after_buruh() -> None:
    assert labour("Ratusan massa FSP2KI berunjuk rasa di depan pabrik.") == ["FSP2KI"]
    assert labour("Gaji buruh SPSX belum dibayar sejak pabrik terbakar.") == []


def test_tag_a_name_listing_its_trades_with_commas_is_one_body() -> None:
    text = "Federasi Serikat Pekerja Tekstil, Sandang dan Kulit (FSP TSK) SPSI Kabupaten Serang hadir di Polres."
    assert labour(text) == ["FSP TSK SPSI Kabupaten Serang"]
    assert labour("Serikat Pekerja Mandiri, Kapolres dan Bupati (Pemkab) hadir.") == ["Serikat Pekerja Mandiri"]


def test_tag_regional_and_party_structure_words() -> None:
    assert labour("Korwil KSPSI Banten menggelar aksi di depan Mapolda Banten.") == ["Korwil KSPSI Banten"]
    assert labour("Ketua Koordinator Daerah KSPI Banten, Andi, hadir di Polda Banten.") == ["Korda KSPI Banten"]
    assert labour("Exco Partai Buruh Kabupaten Serang berunjuk rasa di depan Polres Serang.") == [
        "Exco Partai Buruh Kabupaten Serang"]
    assert labour("Ketua Dewan Pimpinan Wilayah FSPMI Jawa Timur, Andi, hadir di Mapolda.") == [
        "DPW FSPMI Jawa Timur"]


def test_tag_a_lexicon_name_listing_trades_is_found_without_its_abbreviation() -> None:
    assert labour("Massa Federasi Serikat Pekerja Kimia, Energi, Pertambangan, Minyak, Gas Bumi dan Umum hadir di "
                  "Polres.") == ["FSP KEP"]
    assert labour("Massa Federasi Industri, Kesehatan, Energi dan Pertambangan berunjuk rasa di Polres.") == [
        "FIKEP SBSI"]
    assert labour("Massa Federasi Serikat Pekerja Logam, Elektronik dan Mesin SPSI berunjuk rasa.") == [
        "FSP LEM SPSI"]


def test_tag_a_name_listing_trades_closed_by_dan_is_one_body_without_brackets() -> None:
    assert labour("Massa Federasi Serikat Pekerja Kertas, Karet, Kaca dan Keramik berunjuk rasa di Polres.") == [
        "Federasi Serikat Pekerja Kertas, Karet, Kaca dan Keramik"]
    assert labour("Massa Federasi Serikat Pekerja Rokok, Tembakau, Makanan dan Minuman berunjuk rasa di Polres.") == [
        "FSP RTMM SPSI"]
    assert labour("Serikat Pekerja Nasional, Kapolres Serang, dan Bupati hadir.") == ["SPN"]


def test_tag_the_confederation_s_k_joined_by_a_hyphen_or_a_dot() -> None:
    assert labour("Massa K-SPSI berunjuk rasa di depan Polres.") == ["KSPSI"]
    assert labour("Massa K.SPSI Kabupaten Purwakarta berangkat ke Jakarta.") == ["KSPSI Kabupaten Purwakarta"]


def test_tag_an_acronym_written_as_a_word() -> None:
    assert labour("Anggota FSB Kamiparho berunjuk rasa di Polres.") == ["FSB KAMIPARHO"]
    assert labour("Massa Kasbi dan Gebrak berunjuk rasa di depan DPR.") == ["KASBI", "GEBRAK"]


def test_tag_a_confederation_named_with_its_faction_s_leader_is_that_faction() -> None:
    assert labour("Massa KSPSI kubu Jumhur Hidayat berunjuk rasa di depan Polres.") == ["KSPSI Jumhur"]
    assert labour("Massa KSPSI versi Andi Gani berunjuk rasa di depan Polres.") == ["KSPSI AGN"]
    assert labour("Massa KSPSI pimpinan Budi Santoso berunjuk rasa di depan Polres.") == ["KSPSI"]


def test_tag_a_union_s_wing_is_a_body_of_its_own() -> None:
    text = "Garda Metal-FSPMI, Brigade KSPSI-AGN dan Laskar SPN siap mengamankan acara bersama polisi."
    assert labour(text) == ["Garda Metal FSPMI", "Brigade KSPSI AGN", "Laskar SPN"]
    assert labour("Personel Brigade Mobil Polda Banten berjaga di depan massa KSPI.") == ["KSPI"]


def test_tag_workers_of_a_company_with_words_between_them_and_its_name() -> None:
    assert labour("Ratusan buruh pabrik garmen PT Sinar Tekstil Abadi berunjuk rasa, dijaga polisi.") == [
        "buruh PT Sinar Tekstil Abadi"]
    assert labour("Puluhan pekerja harian lepas (BHL) PT Sinar Sawit Abadi memblokade jalan kebun.") == [
        "pekerja PT Sinar Sawit Abadi"]
    assert labour("Karyawan PT Sinar Tekstil Abadi mogok kerja, dijaga personel Polsek Cikupa.") == [
        "karyawan PT Sinar Tekstil Abadi"]
    assert labour("Ratusan karyawan di PT Sinar Tekstil Abadi mogok kerja, dijaga polisi.") == [
        "karyawan PT Sinar Tekstil Abadi"]
    assert labour("Aksi unjuk rasa para mantan karyawan PT Sinar Tekstil Abadi dijaga polisi.") == [
        "karyawan PT Sinar Tekstil Abadi"]


def test_tag_workers_near_a_company_they_do_not_work_for_are_not_its_workers() -> None:
    assert labour("Aksi unjuk rasa buruh di depan PT Sinar Tekstil Abadi dibubarkan polisi.") == []
    assert labour("Ratusan buruh mendatangi PT Sinar Tekstil Abadi dan berunjuk rasa.") == []
    assert labour("Ratusan karyawan PT Sinar Tekstil Abadi mengikuti aksi donor darah bersama Polsek Cikupa.") == []
    assert labour("Demo Karyawan PT Sinar Abadi Dijaga Ketat Aparat\nPuluhan karyawan PT Sinar Abadi berdemo.") == [
        "karyawan PT Sinar Abadi"]


def test_tag_an_abbreviation_in_brackets_may_carry_its_area() -> None:
    assert labour("Hadir pula Serikat Pekerja Tambang dan Energi Kaltim (SPTE Kaltim) di Mapolda.") == ["SPTE Kaltim"]
    assert labour("Mereka tergabung dalam Serikat Buruh Angkutan Kota Batam (SBAK Kota Batam).") == [
        "SBAK Kota Batam"]
    assert labour("Massa Serikat Buruh Angkutan Lebak (Jalan Raya) hadir.") == ["Serikat Buruh Angkutan Lebak"]


def test_tag_a_name_written_out_after_its_abbreviation_is_the_body_the_abbreviation_names() -> None:
    assert labour("Massa SBM (Serikat Buruh Maju) Kabupaten Serang berunjuk rasa di Polres.") == [
        "SBM Kabupaten Serang"]
    assert labour("Hadir SBSI (Serikat Buruh Sejahtera Indonesia) Malang dan APSM (Asosiasi Pekerja Sejahtera "
                  "Malang) di Polres.") == ["SBSI Malang", "APSM"]
    assert labour("Massa Serikat Buruh Maju atau SBM berunjuk rasa di Polres.") == ["SBM"]
    assert labour("Massa Federasi Serikat Buruh Karya Utama, disingkat FSBKU, berunjuk rasa.") == ["FSBKU"]
    assert labour("Kantor DPRD (Serikat Buruh Maju) hadir.") == ["Serikat Buruh Maju"]


def test_tag_a_photo_credit_is_no_union() -> None:
    assert labour("Karyawan PT KSI mogok kerja. (ANTARA/HO-SPSI PT KSI)") == ["SPSI PT KSI"]


def test_tag_a_union_s_founding_year_is_part_of_its_name() -> None:
    assert labour("Puluhan buruh yang tergabung dalam SBSI 1992 berunjuk rasa di Polres.") == ["SBSI 1992"]
    assert labour("Massa DPC Serikat Buruh Sejahtera Indonesia (SBSI) 1992 Kabupaten Karawang berunjuk rasa.") == [
        "DPC SBSI 1992 Kabupaten Karawang"]
    assert labour("Massa KSPI 200 orang berunjuk rasa di Polres.") == ["KSPI"]
    assert labour("Rakernas FSPMI 2025 digelar di Bekasi.") == ["FSPMI"]


def test_tag_a_structure_word_after_the_name_is_its_unit() -> None:
    assert labour("Massa SPN DPC Kota Serang berunjuk rasa di Polres.") == ["DPC SPN Kota Serang"]
    assert labour("Massa Serikat Pekerja Nasional (SPN) DPC Kota Serang berunjuk rasa di Polres.") == [
        "DPC SPN Kota Serang"]


def test_tag_a_plant_s_union_in_lower_case_or_as_sp_sb() -> None:
    assert labour("Ratusan anggota serikat pekerja PT Maju Jaya berunjuk rasa di Polres.") == ["SP PT Maju Jaya"]
    assert labour("Pengurus serikat buruh di PT Sinar Abadi dipanggil polisi.") == ["SB PT Sinar Abadi"]
    assert labour("Ketua SP/SB PT Maju Jaya, Andi, hadir di Polres.") == ["SP/SB PT Maju Jaya"]
    assert labour("Para serikat pekerja PT Maju Jaya hadir.") == []


def test_tag_more_words_that_head_a_workers_body() -> None:
    for head in ("Ikatan", "Paguyuban", "Himpunan", "Solidaritas", "Barisan", "Kesatuan"):
        assert labour(f"Massa {head} Buruh Pelabuhan Sorong berunjuk rasa di Polres.") == [
            f"{head} Buruh Pelabuhan Sorong"], head
    assert labour("Massa Ikatan Alumni Kampus Sorong dan Paguyuban Warga Buruh hadir.") == []
    assert labour("Massa Federasi Serikat Buruh Persatuan Indonesia (FSBPI) berunjuk rasa.") == ["FSBPI"]


def test_tag_two_union_names_joined_by_dan_are_two_bodies() -> None:
    assert labour("Hadir perwakilan Serikat Pekerja Indonesia Perjuangan dan Serikat Buruh Bangkit di Polres.") == [
        "Serikat Pekerja Indonesia Perjuangan", "Serikat Buruh Bangkit"]
    assert labour("Ratusan anggota Forum Serikat Pekerja atau Serikat Buruh (SP/SB) Kota Cilegon berkumpul.") == [
        "SP/SB Kota Cilegon"]


def test_tag_a_leader_named_after_the_body_without_a_comma_is_not_part_of_its_name() -> None:
    text = ("Ribuan massa Aliansi Buruh Cikupa berunjuk rasa di depan Pendopo dikawal polisi. Ketua Aliansi Buruh "
            "Cikupa Hendra Wiguna mengatakan aksi damai. Koordinator Gerakan Buruh Maju Bersatu Dedi Kurnia "
            "menyebut Gerakan Buruh Maju Bersatu ikut.")
    assert labour(text) == ["Aliansi Buruh Cikupa", "Gerakan Buruh Maju Bersatu"]
    people = {a.name: a.organisation for a in tag_article("", text, PUBLISHED).actors if a.kind == "person"}
    assert people == {"Hendra Wiguna": "Aliansi Buruh Cikupa", "Dedi Kurnia": "Gerakan Buruh Maju Bersatu"}


def test_tag_a_name_that_runs_on_into_a_place_or_trade_stays_whole() -> None:
    text = ("Massa Serikat Buruh Maju berunjuk rasa. Ketua Serikat Buruh Maju Sejahtera, Andi, juga hadir. "
            "Ketua Serikat Buruh Maju Kota Bekasi, Rudi, berorasi.")
    assert sorted(labour(text)) == ["Serikat Buruh Maju Kota Bekasi", "Serikat Buruh Maju Sejahtera"]


def test_tag_a_companys_legal_form_in_brackets_is_no_unions_abbreviation() -> None:
    assert labour("Puluhan anggota Serikat Pekerja PT Listrik Fiksi (Persero) menggelar aksi.") == [
        "Serikat Pekerja PT Listrik Fiksi"]
    assert labour("Massa serikat pekerja PT Kereta Fiksi (Persero) berunjuk rasa.") == ["SP PT Kereta Fiksi"]
    assert labour("Anggota Serikat Pekerja Minyak Fiksi (SPMF) PT Minyak Fiksi (Persero) berunjuk rasa.") == [
        "SPMF PT Minyak Fiksi"]


def test_tag_a_federation_named_with_its_confederations_full_name_is_one_body() -> None:
    text = ("Massa Federasi Serikat Pekerja Kayu, Mebel dan Kertas Konfederasi Serikat Pekerja Seluruh Indonesia "
            "(FSP KMK KSPSI) berunjuk rasa. Konfederasi Serikat Pekerja Seluruh Indonesia (KSPSI) mendukung.")
    assert labour(text) == ["FSP KMK KSPSI", "KSPSI"]


def test_tag_a_structure_word_written_out_with_its_abbreviation_in_brackets_is_the_unit() -> None:
    assert labour("Dewan Pimpinan Cabang (DPC) Federasi Serikat Pekerja Logam Nusantara (FSPLN) Kabupaten Serang "
                  "menggelar aksi.") == ["DPC FSPLN Kabupaten Serang"]
    assert labour("Ketua Pimpinan Unit Kerja (PUK) SPAMK FSPMI PT Maju Motor, Andi, mengatakan mogok berlanjut.") == [
        "PUK SPAMK FSPMI PT Maju Motor"]
    assert labour("Pimpinan Cabang (PC) FSP KEP SPSI Kabupaten Karawang mendatangi Mapolres Karawang.") == [
        "PC FSP KEP SPSI Kabupaten Karawang"]


def test_tag_a_long_syllabic_abbreviation_in_brackets_labels_the_body() -> None:
    # The gold names such bodies by their abbreviation: the name written out would match nothing.
    assert labour("Massa Gabungan Serikat Pekerja Merdeka Fiksi (Gaspermafiksi) berunjuk rasa.") == ["Gaspermafiksi"]
    assert labour("Massa Konfederasi Serikat Buruh Nusantara Fiksi (Kasbunafiksi) Kota Serang berunjuk rasa.") == [
        "Kasbunafiksi Kota Serang"]


def test_tag_a_name_written_out_whose_initials_the_text_writes_is_labelled_by_them() -> None:
    assert labour("Massa Federasi Serikat Buruh Karya Fiksi berunjuk rasa di depan pabrik. Ketua FSBKF, Budi, "
                  "berorasi.") == ["FSBKF"]
    # Defined in brackets, then written out again: one body, not two.
    assert labour("Massa Federasi Serikat Buruh Karya Fiksi (FSBKF) berunjuk rasa di depan pabrik. Ketua Federasi "
                  "Serikat Buruh Karya Fiksi, Budi, berorasi.") == ["FSBKF"]
    # Three letters are not enough ('FSP' heads many federations), and initials the text never writes stay unused.
    assert labour("Massa Forum Serikat Fiksi berunjuk rasa. FSP KEP ikut.") == ["Forum Serikat Fiksi", "FSP KEP"]
    assert labour("Massa Serikat Buruh Karya Fiksi berunjuk rasa.") == ["Serikat Buruh Karya Fiksi"]


def test_tag_a_body_whose_members_the_text_names_as_no_workers_is_no_union() -> None:
    assert labour("Ratusan kepala desa yang tergabung dalam DPC APDESF Kabupaten Fiksi berunjuk rasa di depan DPRD "
                  "dikawal polisi.") == []
    assert labour("Puluhan nelayan anggota DPC HNSF Kabupaten Fiksi berunjuk rasa dikawal polisi.") == []
    assert labour("Ratusan guru honorer anggota DPD FHKF Jawa Barat berunjuk rasa dikawal polisi.") == []
    assert engagement_labour("Puluhan nelayan anggota DPC HNSF Kabupaten Fiksi berunjuk rasa di depan DPRD, dikawal "
                             "personel Polres Fiksi.") == []
    # Workers named as a body's members keep it, and a union the lexicon knows stays one whoever is named before it.
    assert labour("Ratusan buruh yang tergabung dalam DPC FSBKF Kabupaten Fiksi berunjuk rasa.") == [
        "DPC FSBKF Kabupaten Fiksi"]
    assert labour("Warga dari FSPMI ikut berunjuk rasa.") == ["FSPMI"]


def test_tag_a_mass_organisation_beside_workers_is_no_union() -> None:
    assert labour("Massa DPD GMBI Kabupaten Karawang mendatangi pabrik saat buruh SPN mogok, polisi berjaga.") == [
        "SPN"]
    assert labour("Anggota DPD BPPKB Banten ikut mengamankan aksi buruh di Cikande bersama polisi.") == []



def test_tag_a_syllabic_abbreviation_defined_in_brackets_names_the_body_again_later() -> None:
    text = ("Massa Gabungan Serikat Pekerja Merdeka Fiksi (Gaspermafiksi) berunjuk rasa. Ketua DPC Gaspermafiksi "
            "Kabupaten Tangerang, Budi, hadir.")
    assert labour(text) == ["Gaspermafiksi", "DPC Gaspermafiksi Kabupaten Tangerang"]
    # Undefined, a capitalised word after a role is no union.
    assert labour("Ketua Gaspermafiksi Kabupaten Tangerang, Budi, hadir.") == []


def test_tag_a_body_written_out_in_full_is_an_actor_beside_its_branches() -> None:
    text = ("Serikat Buruh Muslimin Fiksi (Sarbufiksi) menggelar unjuk rasa di Mapolres Fiksi. Ketua Sarbufiksi Jawa "
            "Timur, Budi, memahami aksi itu. Ketua DPC Sarbufiksi Kabupaten Fiksi, Andi, ikut berorasi.")
    assert labour(text) == ["Sarbufiksi", "Sarbufiksi Jawa Timur", "DPC Sarbufiksi Kabupaten Fiksi"]
    # A body named with its kabupaten or kota alone is the local body itself; the bare abbreviation only shortens.
    text = ("Anggota Aliansi Serikat Buruh Fiksi (ASBF) beraudiensi di Polres Fiksi. Koordinator ASBF Kabupaten "
            "Serang, Budi, hadir.")
    assert labour(text) == ["ASBF Kabupaten Serang"]
    text = "Massa KC FSPMI Kota Batam berunjuk rasa. Unras FSPMI dikawal polisi."
    assert labour(text) == ["KC FSPMI Kota Batam"]


def test_tag_a_body_named_for_action_keeps_aksi_in_its_name() -> None:
    assert labour("Massa Komite Aksi Buruh Pandeglang berkumpul di alun-alun.") == ["Komite Aksi Buruh Pandeglang"]
    assert labour("Front Aksi Pekerja Maju menggelar orasi.") == ["Front Aksi Pekerja Maju"]
    assert labour("Serikat Buruh Aksi di depan pabrik dijaga polisi.") == []


def test_tag_a_split_or_founding_year_after_the_name_is_part_of_it() -> None:
    assert labour("Anggota Federasi Serikat Pekerja Kertas Nusantara (FSPKN) Reformasi berorasi.") == [
        "FSPKN Reformasi"]
    assert labour("Anggota Federasi Serikat Pekerja Kertas Nusantara (FSPKN Reformasi) berorasi.") == [
        "FSPKN Reformasi"]
    assert labour("Massa SBSI '92 dan SPSI 73 berkumpul di depan kantor bupati.") == ["SBSI '92", "SPSI 73"]


def test_tag_spsi_and_kspsi_in_one_article_are_one_body() -> None:
    assert labour("DPC KSPSI Kabupaten Lebak berunjuk rasa. Massa SPSI membawa spanduk.") == [
        "DPC KSPSI Kabupaten Lebak"]
    assert labour("Ketua Brigade SPSI berpidato. Anggota Brigade KSPSI AGN berbaris.") == ["Brigade KSPSI AGN"]
    assert labour("PUK FSP LEM SPSI PT Maju Sentosa dan KSBSI berunjuk rasa.") == [
        "PUK FSP LEM SPSI PT Maju Sentosa", "KSBSI"]


def test_tag_national_federations_and_enterprise_unions_by_name_and_abbreviation() -> None:
    assert labour("Ratusan anggota SBMI dan SGBN berunjuk rasa.") == ["SBMI", "SGBN"]
    assert labour("Buruh dari Federasi Serikat Pekerja Tekstil Sandang dan Kulit berorasi.") == ["FSP TSK SPSI"]
    assert labour("Massa Serikat Pekerja Kereta Api menggelar aksi.") == ["SPKA"]
    assert labour("Ratusan buruh Serikat Buruh Sejahtera Indonesia 1992 berorasi.") == ["SBSI 1992"]
    assert labour("Ratusan buruh perkebunan anggota Serbundo berunjuk rasa.") == ["SERBUNDO"]


def test_tag_other_bodies_with_union_structure_words_are_no_unions() -> None:
    assert labour("Ketua DPD REI Banten dan Ketua DPC HKTI Kabupaten Serang hadir dalam audiensi buruh.") == []
    assert labour("Ketua DPD IWAPI dan Ketua KORPRI hadir bersama Ketua DPC SPN Kabupaten Serang.") == [
        "DPC SPN Kabupaten Serang"]


def test_tag_an_acronym_whose_members_or_board_the_text_names_is_a_union() -> None:
    assert labour("Ratusan anggota SBKR berunjuk rasa di depan pabrik.") == ["SBKR"]
    assert labour("Pengurus FSBKT menemui Kapolres.") == ["FSBKT"]
    assert labour("Anggota KPU, anggota BPD dan anggota BRIMOB berjaga di lokasi.") == []
    assert labour("Ratusan anggota PMI dan anggota PSHT berjaga di lokasi.") == []


def test_tag_more_head_words_of_union_names_but_only_before_a_labour_word() -> None:
    assert labour("Anggota Liga Buruh Nusantara dan Jaringan Pekerja Lepas berunjuk rasa.") == [
        "Liga Buruh Nusantara", "Jaringan Pekerja Lepas"]
    assert labour("Dewan Pengupahan dan Lembaga Adat hadir di Polres.") == []
    assert labour("Massa Organisasi Pekerja Seluruh Indonesia (OPSI) berkumpul.") == ["OPSI"]


def test_tag_two_known_unions_joined_by_a_slash_stay_two() -> None:
    assert labour("Ratusan buruh FSPMI/KSPI berunjuk rasa.") == ["FSPMI", "KSPI"]
