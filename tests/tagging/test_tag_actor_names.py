"""Actors' names are names: no department, office, role, place, pronoun or headline words stored as a person,
an official or a company, and no actor without a name, a body or an area (sentences of our own, invented names)."""

from tagging import tag_article


def actors(text: str, kind: str | None = None):
    return [a for a in tag_article("", text).actors if kind is None or a.kind == kind]


def names(text: str, kind: str) -> list[str | None]:
    return [a.name for a in actors(text, kind)]


def test_a_department_after_a_role_is_part_of_the_post_and_the_name_follows_it() -> None:
    text = ("Manajer Sumber Daya Manusia PT Cahaya Rimba Lestari, Wulan Pratiwi, mengatakan perusahaan akan "
            "membayar upah yang tertunda.")
    [person] = actors(text, "person")
    assert (person.name, person.position, person.organisation) == (
        "Wulan Pratiwi", "Manajer Sumber Daya Manusia", "PT Cahaya Rimba Lestari")
    [person] = actors("Direktur Operasional PT Surya Kencana Abadi, Bonifasius Tanoto, menemui buruh.", "person")
    assert (person.name, person.position) == ("Bonifasius Tanoto", "Direktur Operasional")
    [person] = actors("Ketua Pengurus Komisariat, Rahmat Sudiro, berterima kasih kepada polisi.", "person")
    assert person.name == "Rahmat Sudiro"


def test_unit_and_office_words_are_no_persons_name() -> None:
    assert names("Massa dari Pengurus Unit Kerja (PUK) serikat pekerja di pabrik itu berkumpul.", "person") == []
    assert names("Ia meminta Manajer Keuangan menjelaskan pemotongan upah.", "person") == []
    text = "Direktur Intelkam Polda Jawa Tengah Kombes Pol Aditya Nugraha meninjau lokasi aksi."
    assert names(text, "person") == []
    assert [a.name for a in actors(text, "police") if a.name] == ["Aditya Nugraha"]


def test_a_name_is_read_only_right_after_the_role_and_its_body() -> None:
    text = "Rombongan dipimpin Ketua DPC KSPSI Kota Bekasi. Mereka diterima Kapolres Metro Bekasi Kota."
    assert names(text, "person") == []


def test_a_role_after_a_role_is_no_name() -> None:
    text = "Hadir Ketua DPC SPN Kabupaten Kendal, Ketua PC FSPMI Kendal dan perwakilan perusahaan."
    assert names(text, "person") == []
    text = "Kesepakatan diteken Presiden Direktur PT Nusa Gemilang Elektrik, Hiroshi Tanabe, dan serikat."
    assert names(text, "government") == []
    assert names(text, "person") == ["Hiroshi Tanabe"]


def test_places_and_cut_words_are_no_names() -> None:
    assert names("Aspirasi disampaikan Koordinator Perwakilan Jawa Tengah kepada polisi.", "person") == []
    assert names("“Kami akan tertib,” ujar Koordinator Na", "person") == []
    assert names("“Upah harus naik,” ujar Sekretaris FSPMI Bogor Raya.", "person") == []
    text = ("Mediasi digelar di Kantor Desa Sukamulya, disaksikan Kepala Desa Sukamulya dan Kapolsek Jawilan "
            "AKP Bambang Irawan.")
    assert names(text, "government") == []


def test_headline_words_after_a_post_are_no_name_unless_the_body_writes_them() -> None:
    text = ("Bupati Lebak Tampung Keluhan Buruh Garmen\n\n"
            "Ratusan buruh garmen mendatangi kantor Bupati Lebak untuk menyampaikan keluhan soal upah.")
    found = actors(text, "government")
    assert [(a.name, a.unit) for a in found] == [(None, "Kabupaten Lebak")]
    text = ("Sekjen KSPI Dijadikan Tersangka\n\n"
            "Polisi memeriksa Sekjen KSPI Bagus Wirawan terkait aksi pekan lalu.")
    assert names(text, "person") == ["Bagus Wirawan"]


def test_a_post_with_no_holder_and_no_area_is_no_actor() -> None:
    assert actors("Buruh mengirim surat kepada Gubernur agar UMK direvisi.", "government") == []
    text = "Bupati Lebak menerima perwakilan buruh. Bupati berjanji membahas upah bersama dewan pengupahan."
    [bupati] = actors(text, "government")
    assert (bupati.name, bupati.unit, len(bupati.mentions)) == (None, "Kabupaten Lebak", 2)


def test_every_official_person_and_company_has_a_name_a_body_or_an_area() -> None:
    text = ("Gubernur belum menemui buruh. Kapolsek hadir sebagai mediator antara buruh dan manajemen, disaksikan "
            "Camat dan Sekda. Wakil Bupati, Pusat Pemerintahan Kabupaten Lebak, menerima mereka.")
    others = [a for a in actors(text) if a.kind in ("government", "person", "company")]
    assert [a for a in others if not (a.name or a.organisation or a.unit)] == []


def test_a_body_in_lower_case_or_another_council_is_no_government_body() -> None:
    assert actors("Kapolsek hadir sebagai mediator antara buruh dan manajemen PT Rimba Jaya.", "government") == []
    text = "Perundingan disaksikan mediator hubungan industrial dari Disnaker Kabupaten Lebak."
    assert [(a.name, a.organisation, a.unit) for a in actors(text, "government")] == [
        (None, "Disnaker", "Kabupaten Lebak")]
    assert actors("Media itu terverifikasi Dewan Pers sejak tahun lalu.", "government") == []


def test_a_body_written_with_its_areas_kind_is_that_areas_body() -> None:
    found = actors("Buruh beraudiensi dengan DPRD Kabupaten Lebak soal upah sektoral.", "government")
    assert [(a.organisation, a.unit) for a in found] == [("DPRD", "Kabupaten Lebak")]


def test_an_advisers_or_former_post_is_not_held_by_the_name_after_it() -> None:
    text = ("Bupati Lebak didampingi Staf Ahli Bupati Sukarman Hadi menerima buruh. Hadir pula mantan Bupati "
            "Lebak Darmawan Sutisna.")
    [bupati] = actors(text, "government")
    assert (bupati.name, bupati.position, bupati.unit) == (None, "Bupati", "Kabupaten Lebak")


def test_a_body_named_by_its_place_is_no_body_inside_a_longer_name() -> None:
    assert actors("Peringatan Hari Buruh digelar di Stadion Madya Senayan, Jakarta.", "government") == []
    [dpr] = actors("Buruh akan membawa tuntutan itu ke Senayan pekan depan.", "government")
    assert dpr.organisation == "Senayan"
    assert "Senayan" in [a.organisation for a in actors("Di Senayan, buruh diterima Komisi IX.", "government")]


def test_a_post_in_a_street_palace_or_residence_name_is_no_official() -> None:
    assert actors("Massa buruh bergerak ke Jalan Gubernur Suryo, Surabaya.", "government") == []
    assert actors("Buruh berkumpul di depan Istana Presiden Cipanas.", "government") == []
    assert actors("Pengamanan Rumjab Bupati diperketat setelah tenda buruh dibongkar.", "government") == []


def test_a_company_name_ends_with_its_sentence_its_area_or_the_next_clause() -> None:
    text = "Rumah itu milik Sarmini, buruh jahit di PT Karya Rimba Sentosa. Sebelumnya ia tinggal di kontrakan."
    assert names(text, "company") == ["PT Karya Rimba Sentosa"]
    text = "Buruh PT Sinar Abadi Kawasan Industri Candi berunjuk rasa menuntut upah lembur."
    assert names(text, "company") == ["PT Sinar Abadi"]
    text = "Kata perwakilan buruh PT Rimba Karya Ia juga meminta polisi mengawal perundingan."
    assert names(text, "company") == ["PT Rimba Karya"]
    text = "Aksi buruh berpusat di halaman parkir PT Baja Tempa Nusantara Plant 2, Desa Sukaluyu."
    assert names(text, "company") == ["PT Baja Tempa Nusantara"]


def test_a_company_run_on_in_a_headline_is_the_company_the_body_names() -> None:
    text = ("PT Maju Jaya Dijaga Ketat Aparat\n"
            "Ratusan karyawan PT Maju Jaya berunjuk rasa di depan pabrik, Senin.")
    [company] = actors(text, "company")
    assert company.name == "PT Maju Jaya"
    assert [m.span.text for m in company.mentions] == ["PT Maju Jaya", "PT Maju Jaya"]
