"""Police officers as real regional news writes them: one test per failure class of issue #13, in short
sentences of our own (invented officers and places)."""

from datetime import datetime

from tagging import tag_article

PUBLISHED = datetime(2025, 12, 8, 12)


def officers(text: str) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(a.name, a.position, a.rank, a.unit) for a in tag_article("", text, PUBLISHED).actors
            if a.kind == "police" and a.name]


def test_tag_an_officer_behind_another_officer_speaking_for_him() -> None:
    text = "Kapolres Lebak melalui Kasat Intelkam AKP Rudi Hartono mengatakan aksi berjalan tertib."
    assert officers(text) == [("Rudi Hartono", "Kasatintelkam", "AKP", "Polres Lebak")]


def test_tag_the_position_may_follow_the_name() -> None:
    text = "AKBP Budi Santoso selaku Kapolres Lebak menemui massa buruh. Kapolres menegaskan aksi tertib."
    assert officers(text) == [("Budi Santoso", "Kapolres", "AKBP", "Polres Lebak")]
    [officer] = [a for a in tag_article("", text, PUBLISHED).actors if a.kind == "police"]
    assert len(officer.mentions) == 2


def test_tag_ranks_and_positions_written_out_in_full() -> None:
    assert officers("Kabid Humas Polda Banten Ajun Komisaris Besar Polisi (AKBP) Dodi Prasetyo menjelaskan.") == [
        ("Dodi Prasetyo", "Kabid Humas", "AKBP", "Polda Banten")]
    assert officers("Kapolresta Kendari Kombes Polisi Herman Sitompul hadir.") == [
        ("Herman Sitompul", "Kapolresta", "Kombes", "Polresta Kendari")]
    assert officers("Kepala Satuan Reserse Kriminal\nPolresta Bekasi Komisaris Dedi Murtono menjelaskan.") == [
        ("Dedi Murtono", "Kasat Reskrim", "Kompol", "Polresta Bekasi")]
    assert officers("Maka Wakapolsek Cikupa Bapak Akp Gunawan mewakili mediasi.") == [
        ("Gunawan", "Wakapolsek", "AKP", "Polsek Cikupa")]


def test_tag_komisaris_alone_is_a_rank_only_after_a_police_post() -> None:
    assert officers("Komisaris PT Maju Jaya, Andi Wijaya, hadir di pabrik.") == []
    assert officers("Komisaris Andi Wijaya hadir di pabrik.") == []


def test_tag_academic_titles_after_the_name_in_every_spelling() -> None:
    assert officers("Kabid Humas Polda Banten Kombes Pol Andi Wibowo, S.I.K., M.H. menjelaskan.") == [
        ("Andi Wibowo", "Kabid Humas", "Kombes", "Polda Banten")]
    assert officers("Panit Intel Bapak IPDA Bambang Antoro.SH menyampaikan imbauan.")[0][0] == "Bambang Antoro"


def test_tag_shortened_names_and_initials() -> None:
    assert officers("Kapolresta Kendari Kombes Pol Muh. Eka Saputra menjelaskan.")[0][0] == "Muh. Eka Saputra"
    assert officers("Kasat Samapta Polres Lebak AKP Dadang SW mengatakan aksi tertib.")[0][0] == "Dadang SW"
    assert officers("Kapolsek Cikupa, Iptu RN Siregar, SH, membacakan hasil kesepakatan.")[0][0] == "RN Siregar"
    assert officers("Kapolsek Cikupa Iptu Rudi SH membacakan hasil kesepakatan.")[0][0] == "Rudi"


def test_tag_a_rank_one_letter_off_after_a_position() -> None:
    assert officers("Wakapolres Lebak, AIBP Yudi Pratama mengatakan, pihaknya menyekat jalan.") == [
        ("Yudi Pratama", "Wakapolres", "AKBP", "Polres Lebak")]
    assert officers("Perusahaan AIBP Yudi Pratama berdiri sejak 2001.") == []


def test_tag_a_name_running_on_in_a_headline_takes_the_body_s_name() -> None:
    text = "AKBP Rudi Bilang Begini\nKabid Humas Polda Banten AKBP Rudi Hartono mengatakan laporan sudah diterima."
    assert [name for name, *_ in officers(text)] == ["Rudi Hartono"]
    assert officers("Eks Kapolri dan Jenderal Wanita Pernah Bertugas\nBuruh berunjuk rasa di Kabupaten Lebak.") == []


def test_tag_one_post_one_holder_a_misspelt_first_name_is_the_same_officer() -> None:
    text = ("Kapolres Serang AKBP Condro Wibisono hadir. Kapolres Serang AKBP Chandra Wibisono menyampaikan pesan. "
            "Kasat Intelkam Polres Serang AKP Budi Wibisono mendampingi.")
    assert [name for name, *_ in officers(text)] == ["Condro Wibisono", "Budi Wibisono"]


def test_tag_a_unit_with_no_named_officer_is_a_police_actor_of_the_engagement() -> None:
    text = ("Polres Lebak mengamankan aksi unjuk rasa ratusan buruh di depan Kantor Bupati Lebak, Senin (8/12/2025). "
            "Aksi berjalan tertib.")
    [engagement] = tag_article("", text, PUBLISHED).engagements
    assert engagement.police_actors == ("Polres Lebak",)


def police_labels(text: str) -> list[str]:
    return [a.label for a in tag_article("", text, PUBLISHED).actors if a.kind == "police"]


def test_tag_a_parent_unit_written_after_a_unit_is_no_actor_of_its_own() -> None:
    assert police_labels("Polres Lebak Polda Banten mengamankan aksi buruh.") == ["Polres Lebak"]
    assert police_labels("Bhabinkamtibmas Polsek Cikupa Polres Tangerang Bripka Agus Salim berjaga.") == [
        "Agus Salim"]


def test_tag_a_former_post_and_an_area_are_no_actors() -> None:
    text = ("Kabid Humas Polda Banten AKBP Rudi Hartono menerima laporan itu. Mantan Kasat Reskrim Polrestabes "
            "Surabaya ini berjanji mengusutnya. Seluruh Polres di wilayah Polda Jawa Tengah bersiaga.")
    assert police_labels(text) == ["Rudi Hartono"]


def test_tag_a_post_named_only_in_direct_speech_is_talked_about_not_taking_part() -> None:
    text = ("Polres Lebak mengamankan aksi buruh. “Kami datang damai. Kapolda harus menindak oknum itu,” "
            "kata koordinator aksi.")
    assert police_labels(text) == ["Polres Lebak"]


def test_tag_a_position_set_off_by_commas_after_the_name_is_his_unless_a_rank_follows_it() -> None:
    assert officers("AKBP Budi Santoso, Kapolres Lebak, mengatakan aksi tertib.") == [
        ("Budi Santoso", "Kapolres", "AKBP", "Polres Lebak")]
    assert officers("Hadir AKBP Budi Santoso, Kasat Intelkam AKP Rudi Hartono, dan Dandim.") == [
        ("Budi Santoso", None, "AKBP", None), ("Rudi Hartono", "Kasatintelkam", "AKP", None)]


def test_tag_a_retired_officer_s_mark_is_not_his_name() -> None:
    assert officers("Mantan Kapolda Banten Irjen Pol (Purn) Budi Santoso hadir.")[0][0] == "Budi Santoso"


def test_tag_a_rank_written_out_without_polisi() -> None:
    assert officers("Kapolres Lebak, Ajun Komisaris Besar Budi Santoso, menemui buruh.") == [
        ("Budi Santoso", "Kapolres", "AKBP", "Polres Lebak")]
    assert officers("Kapolsek Ciruas Inspektur Satu Agus Salim menemui buruh.")[0][:3] == ("Agus Salim", "Kapolsek",
                                                                                           "Iptu")
    assert officers("Kabag Ops Kepolisian Resor Lebak, Komisaris Dedi Kurniawan, terkena lemparan batu.")[0][0] == \
        "Dedi Kurniawan"


def test_tag_a_written_out_general_s_rank_is_police_only_after_a_police_post() -> None:
    assert officers("Inspektur Jenderal Kementerian Ketenagakerjaan Budi Santoso hadir.") == []
    assert officers("Danrem 064 Brigadir Jenderal TNI Budi Santoso hadir.") == []
    assert officers("Kapolda Banten Inspektur Jenderal Budi Santoso hadir.")[0][0] == "Budi Santoso"


def test_tag_initials_inside_a_name_particles_and_long_names() -> None:
    assert officers("Kapolres Tapanuli AKBP Ronald F.C. Sipayung hadir.")[0][0] == "Ronald F.C. Sipayung"
    assert officers("Kapolres Tapanuli AKBP Ronald FC Sipayung hadir.")[0][0] == "Ronald FC Sipayung"
    assert officers("Kapolres Serang AKBP Muhammad Ridwan bin Abdullah hadir.")[0][0] == \
        "Muhammad Ridwan bin Abdullah"
    assert officers("Kapolres Badung AKBP I Dewa Putu Gede Anom Santika hadir.")[0][0] == \
        "I Dewa Putu Gede Anom Santika"


def test_tag_a_staff_number_after_a_name_is_no_initials() -> None:
    assert officers("Bhabinkamtibmas Desa Sukamaju Bripka Agus Salim NRP 82080123 hadir.")[0][0] == "Agus Salim"
    assert officers("Bhabinkamtibmas Desa Sukamaju Bripka Agus Salim, NRP 82080123, hadir.")[0][0] == "Agus Salim"


def test_tag_an_officer_named_after_his_post_without_a_rank() -> None:
    assert officers("\"Aksi berjalan tertib,\" kata Kapolres Lebak Budi Santoso kepada wartawan.") == [
        ("Budi Santoso", "Kapolres", None, "Polres Lebak")]
    assert officers("Kapolres Lebak, Budi Santoso, mengatakan aksi berjalan tertib.")[0][0] == "Budi Santoso"
    assert officers("\"Kami kawal sampai selesai,\" ujar Kasat Intelkam Rudi Hartono.")[0][0] == "Rudi Hartono"
    text = "Kapolres Lebak AKBP Budi Santoso hadir. \"Aman,\" kata Kapolres Lebak Budi Santoso."
    assert [name for name, *_ in officers(text)] == ["Budi Santoso"]


def test_tag_words_after_a_post_that_are_no_name() -> None:
    for text in ("Kapolres Lebak Harap Buruh Tertib\nKapolres Lebak mengimbau buruh menjaga ketertiban.",
                 "Kapolres Serang Kota Bubarkan Massa Aksi: Kalau Tidak Bubar, Saya Tangkap!\nKapolres marah.",
                 "Hadir Kapolres Lebak, Wakil Bupati Lebak Ade Sumardi, dan Dandim.",
                 "Kapolres Lebak, Ketua KSPSI Lebak Budi Santoso, dan Bupati hadir.",
                 "Kapolres Lebak Kepala Dinas Tenaga Kerja hadir.",
                 "Bhabinkamtibmas Kelurahan Batu Jaya hadir di lokasi.",
                 "Kapolsek Panongan, Kapten Arh Budi Santoso Danramil Panongan, hadir.",
                 "Pengamanan berdasarkan Surat Perintah Kapolres Lebak Nomor Sprin 5333.",
                 "Mantan Kapolres Lebak Budi Santoso hadir di acara itu.",
                 "“Kapolres Lebak Budi Santoso harus menindak oknum itu,” kata koordinator aksi."):
        assert officers(text) == [], text


def test_tag_units_written_out_or_in_capitals() -> None:
    assert police_labels("Aksi buruh dikawal Kepolisian Resor Serang.") == ["Polres Serang"]
    assert police_labels("Aksi buruh dikawal Kepolisian Resort (Polres) Jepara.") == ["Polres Jepara"]
    assert police_labels("Aksi buruh dikawal Kepolisian Daerah Kalimantan Timur (Polda Kaltim).") == ["Polda Kaltim"]
    assert police_labels("Aksi buruh dikawal Kepolisian Sektor Ciruas.") == ["Polsek Ciruas"]
    assert police_labels("Aksi buruh dikawal Kepolisian Resor Kabupaten Bekasi.") == ["Polres Bekasi"]
    assert police_labels("POLRES SERANG KAWAL AKSI BURUH\nAksi berjalan tertib.") == ["Polres Serang"]


def test_tag_the_ranks_of_a_unit_are_that_unit() -> None:
    assert police_labels("Aksi buruh dikawal personel jajaran Polres Kudus.") == ["Polres Kudus"]


def test_tag_a_name_in_capitals_after_a_rank_in_a_line_that_is_not() -> None:
    assert officers("Kapolsek Ciruas IPTU AGUS SALIM, S.H., mengatakan aksi tertib.") == [
        ("Agus Salim", "Kapolsek", "Iptu", "Polsek Ciruas")]
    assert officers("Hadir AKBP SPN dan KSPSI di lokasi aksi.") == []
    assert officers("KAPOLRES LEBAK AKBP BUDI SANTOSO HADIRI AKSI BURUH\nAksi tertib.") == []


def test_tag_posts_of_a_polres_or_polda_the_reference_table_leaves_out() -> None:
    assert officers("Kasubbag Humas Polres Lebak, Dedi Jumhaedi, mengatakan aksi tertib.") == [
        ("Dedi Jumhaedi", "Kasubbag Humas", None, "Polres Lebak")]
    assert officers("Kasat Narkoba Polres Lebak AKP Rudi Hartono hadir.")[0][1] == "Kasat Resnarkoba"
    assert officers("Wadirreskrimsus Polda Riau AKBP Edi Saputra menerima buruh.")[0][1:] == (
        "Wadirreskrimsus", "AKBP", "Polda Riau")


def test_tag_polrestro_is_the_press_s_polres_metro() -> None:
    assert police_labels("Aksi buruh dikawal personel Polrestro Bekasi.") == ["Polres Metro Bekasi"]
    assert officers("Kapolrestro Jakarta Selatan Kombes Budi Santoso hadir.") == [
        ("Budi Santoso", "Kapolres", "Kombes", "Polres Metro Jakarta Selatan")]


def test_tag_a_rank_with_two_letters_swapped_after_a_position() -> None:
    assert officers("Kapolres Lebak AKPB Budi Santoso menemui buruh.") == [
        ("Budi Santoso", "Kapolres", "AKBP", "Polres Lebak")]


def test_tag_a_name_may_open_with_a_word_that_usually_ends_names() -> None:
    assert officers("Kapolres Lebak AKBP Hari Wicaksono menemui massa buruh.") == [
        ("Hari Wicaksono", "Kapolres", "AKBP", "Polres Lebak")]
    assert officers("Aksi dikawal AKP Gelar Nugraha selaku Kasat Samapta Polres Lebak.") == [
        ("Gelar Nugraha", "Kasat Samapta", "AKP", "Polres Lebak")]
    assert officers("Kapolres Lebak AKBP Hari Ini menemui massa buruh.") == []


def test_tag_the_post_s_unit_may_carry_kabupaten_or_its_short_form() -> None:
    assert officers("Kapolres Kab. Semarang AKBP Rudi Hartono menemui massa buruh.") == [
        ("Rudi Hartono", "Kapolres", "AKBP", "Polres Semarang")]
    assert officers("Kapolres Kabupaten Malang AKBP Rudi Hartono menemui massa buruh.") == [
        ("Rudi Hartono", "Kapolres", "AKBP", "Polres Malang")]


def test_tag_an_officer_named_as_the_post_s_former_holder_takes_no_part() -> None:
    text = ("Kapolres Lebak AKBP Budi Santoso menemui massa buruh. Budi menggantikan AKBP Rudi Hartono. "
            "Sebelumnya jabatan itu diemban AKBP Dodi Prasetyo.")
    assert [name for name, *_ in officers(text)] == ["Budi Santoso"]
    text = "Sebelumnya, apel pengamanan dipimpin oleh Kapolres Lebak AKBP Budi Santoso."
    assert [name for name, *_ in officers(text)] == ["Budi Santoso"]


def test_tag_an_officer_named_before_his_post_with_no_rank() -> None:
    assert officers("Budi Santoso, Kapolres Lebak, mengatakan aksi buruh tertib.") == [
        ("Budi Santoso", "Kapolres", None, "Polres Lebak")]
    assert officers("\"Aksi tertib,\" kata Budi Santoso, Kapolres Lebak.") == [
        ("Budi Santoso", "Kapolres", None, "Polres Lebak")]
    assert officers("Hadir Bupati Lebak Ratu Ayu, Kapolres Lebak, dan Dandim.") == []
    assert officers("Ratu Ayu Lestari, Kapolres Lebak, dan Dandim hadir.") == []


def test_tag_a_word_that_usually_ends_names_inside_an_officer_s_name() -> None:
    assert officers("Kapolres Lebak AKBP Eko Hari Purnomo menemui massa buruh.") == [
        ("Eko Hari Purnomo", "Kapolres", "AKBP", "Polres Lebak")]
    assert officers("Kapolres Lebak, Eko Hari Purnomo, menemui massa buruh.") == [
        ("Eko Hari Purnomo", "Kapolres", None, "Polres Lebak")]
    assert [n for n, *_ in officers("Kapolres Lebak AKBP Budi Santoso Hari Ini menemui massa.")] == ["Budi Santoso"]
