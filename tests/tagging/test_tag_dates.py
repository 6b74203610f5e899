"""Event dates: Indonesian forms, the year from publication and weekday, flags and precision."""

from datetime import date, datetime, timedelta, timezone

from tagging import tag_article
from tagging.dates import Reference, find_dates, reference

WIB = timezone(timedelta(hours=7))


def on(y: int, m: int, d: int) -> Reference:
    """An article published on that day."""
    return Reference(date(y, m, d), exact=True)


def only(text: str, ref: Reference | None):
    found = find_dates(text, ref)
    assert len(found) == 1, found
    return found[0]


def engagement_dates(text: str, published: datetime | None = None, source: str | None = None) -> list:
    return [e["date"] for e in tag_article("", text, published, source).to_json()["engagements"]]


def test_tag_kamis_27_11_published_8_december_is_27_november_2025() -> None:
    d = only("aksi unjuk rasa pada Kamis (27/11) lalu", on(2025, 12, 8))
    assert (d.date, d.precision, d.year_inferred, d.weekday_conflict) == (date(2025, 11, 27), 1, True, False)
    assert d.span.text == "Kamis (27/11)"


def test_tag_the_weekday_is_evidence_for_the_year() -> None:
    # 11 February fell on a Monday in 2019, not in 2020-2025.
    d = only("Senin (11/2)", on(2025, 6, 1))
    assert (d.date, d.year_inferred, d.weekday_conflict) == (date(2019, 2, 11), True, False)


def test_tag_a_weekday_that_contradicts_its_date_is_flagged() -> None:
    d = only("Selasa (8/12/2025)", on(2025, 12, 9))
    assert (d.date, d.weekday_conflict, d.year_inferred) == (date(2025, 12, 8), True, False)


def test_tag_a_matching_weekday_is_not_flagged() -> None:
    assert not only("Senin (8/12/2025)", on(2025, 12, 9)).weekday_conflict


def test_tag_indonesian_month_names_and_variants() -> None:
    ref = on(2026, 3, 1)
    assert only("Aksi digelar Senin, 16 februari 2026.", ref).date == date(2026, 2, 16)
    assert only("pada 5 Pebruari 2026", ref).date == date(2026, 2, 5)
    assert only("pada 30 Nopember", ref).date == date(2025, 11, 30)


def test_tag_english_month_and_day_names() -> None:
    ref = on(2026, 3, 1)
    assert only("Buruh berkumpul pada 16 February 2026.", ref).date == date(2026, 2, 16)
    assert only("Aksi itu digelar 27 January.", ref).date == date(2026, 1, 27)
    d = only("Aksi digelar Monday (16/2).", ref)
    assert (d.date, d.weekday_conflict) == (date(2026, 2, 16), False)
    assert only("Audiensi pada 7 Dec 2025 berjalan tertib.", ref).date == date(2025, 12, 7)


def test_tag_jumat_with_an_apostrophe_parses() -> None:
    d = only("Jum'at (5/12)", on(2025, 12, 8))
    assert (d.date, d.weekday_conflict) == (date(2025, 12, 5), False)


def test_tag_a_time_of_day_between_weekday_and_date() -> None:
    d = only("Apel digelar Kamis pagi (30/10/2025).", on(2025, 10, 31))
    assert (d.date, d.span.text) == (date(2025, 10, 30), "Kamis pagi (30/10/2025)")


def test_tag_a_month_alone_has_month_precision() -> None:
    d = only("sepanjang Desember 2025", on(2026, 1, 10))
    assert (d.date, d.precision) == (date(2025, 12, 1), 3)


def test_tag_an_announced_date_looks_forward_and_is_flagged() -> None:
    d = only("aksi akan digelar Kamis (12/2) mendatang", on(2026, 2, 9))
    assert (d.date, d.announced) == (date(2026, 2, 12), True)


def test_tag_a_written_date_after_publication_is_announced() -> None:
    d = only("Buruh berencana mogok pada 24 November 2025.", on(2025, 11, 20))
    assert d.announced


def test_tag_blogger_date_lines_and_iso_stamps_are_not_event_dates() -> None:
    text = ", Desember 08, 2025 WIB Last Updated 2025-12-08T14:25:45Z\nKapolres hadir Senin (8/12/2025)."
    found = find_dates(text, None)
    assert [d.span.text for d in found] == ["Senin (8/12/2025)"]
    assert reference(text, None) == on(2025, 12, 8)


def test_tag_a_date_with_its_clock_time_is_the_page_date_line() -> None:
    text = "Demo di Pabrik Fiktif\n3/6/2024 08:40\nRatusan buruh berunjuk rasa, kemarin."
    assert [(d.date, d.span.text) for d in find_dates(text, reference(text, None))] == [(date(2024, 6, 2), "kemarin")]
    text = "Rabu, 5 Juni 2024 | 20:12 WIB\nBuruh berunjuk rasa Senin (3/6/2024)."
    assert [d.span.text for d in find_dates(text, None)] == ["Senin (3/6/2024)"]


def test_tag_publication_time_is_read_in_wib() -> None:
    late_utc = datetime(2025, 12, 7, 20, 0, tzinfo=timezone.utc)  # already 8 December in WIB
    assert reference("", late_utc) == on(2025, 12, 8)


def test_tag_the_address_gives_the_publication_month_or_day() -> None:
    assert reference("", None, "https://berita.example/2020/10/aksi-buruh/") == Reference(date(2020, 10, 31), False)
    assert reference("", None, "https://berita.example/read/2020/10/08/123/aksi") == on(2020, 10, 8)
    assert reference("", None, "https://berita.example/aksi-buruh-2020") is None


def test_tag_a_weekday_and_day_resolve_in_the_address_month() -> None:
    # 19 October was a Monday in 2020; against the day of tagging it would land in a later year.
    text = "Kapolres Fiksi AKBP Damar Wulan menandatangani deklarasi damai dengan buruh SPN pada senin (19/10)."
    assert engagement_dates(text, source="https://berita.example/2020/10/deklarasi/") == ["2020-10-19"]


def test_tag_no_date_in_the_text_is_date_unknown() -> None:
    text = "Kapolres Fiksi AKBP Damar Wulan mengawal aksi unjuk rasa buruh SPN di Kabupaten Serang."
    assert engagement_dates(text) == [None]
    assert engagement_dates(text, datetime(2025, 12, 8, 9, tzinfo=WIB)) == [None]


def test_tag_relative_words_need_the_publication_day() -> None:
    text = "Kapolres Fiksi AKBP Damar Wulan mengawal aksi unjuk rasa buruh SPN, kemarin."
    assert engagement_dates(text, datetime(2016, 6, 28, 9, tzinfo=WIB)) == ["2016-06-27"]
    assert engagement_dates(text) == [None]
    assert find_dates("Apel digelar Kamis pagi.", None) == []


def test_tag_a_day_and_month_without_any_year_is_left_unresolved() -> None:
    assert find_dates("Apel digelar pada 1 Juli.", None) == []


def test_tag_an_announced_date_is_never_the_event_date() -> None:
    text = ("Menjelang aksi pada 1 Mei mendatang, serikat buruh SPN beraudiensi dengan Kapolres Fiksi AKBP Damar "
            "Wulan, Rabu (4/4/2018).")
    assert engagement_dates(text) == ["2018-04-04"]


def test_tag_a_caption_above_the_dateline_does_not_date_the_event() -> None:
    text = ("Buruh berunjuk rasa di kawasan industri, Senin (5/10/2020). FOTO/Fiksi\n\n"
            "BEKASI, BERITAFIKSI.com - Polres Metro Bekasi mengamankan aksi unjuk rasa buruh SPN di Kabupaten "
            "Bekasi, Selasa (6/10/2020).")
    assert engagement_dates(text, datetime(2020, 10, 6, 9, tzinfo=WIB)) == ["2020-10-06"]


def test_tag_engagement_carries_the_inferred_year_flag() -> None:
    text = ("Kapolres Serang AKBP Condro Sasongko mengawal aksi unjuk rasa buruh ASPSB di Kabupaten Serang "
            "pada Kamis (27/11).")
    engagement = tag_article("", text, datetime(2025, 12, 8, 9, tzinfo=WIB)).to_json()["engagements"][0]
    assert (engagement["date"], engagement["date_precision"], engagement["year_inferred"]) == ("2025-11-27", 1, True)


def test_tag_a_statement_day_yields_to_the_day_the_text_gives_the_event() -> None:
    text = ("BEKASI - Polisi mengamankan enam buruh yang merusak truk saat aksi unjuk rasa SPN. \"Sudah kami "
            "amankan,\" ujar Kapolsek Fiksi Kompol Budi Santoso kepada wartawan, Minggu (3/12/2023). Keenamnya "
            "diamankan di sebuah warung pada Sabtu (2/12/2023) siang.")
    assert engagement_dates(text, datetime(2023, 12, 4, 9, tzinfo=WIB)) == ["2023-12-02"]


def test_tag_a_statement_day_dates_the_event_when_nothing_else_does() -> None:
    text = ("Polres Fiksi mengawal aksi unjuk rasa buruh SPN di depan kantor bupati. \"Aksi berjalan tertib,\" kata "
            "Kapolres Fiksi AKBP Damar Wulan, Senin (8/12/2025).")
    assert engagement_dates(text, datetime(2025, 12, 8, 19, tzinfo=WIB)) == ["2025-12-08"]


def test_tag_a_mistyped_day_takes_the_agreeing_date_of_its_weekday() -> None:
    # 7 October 2020 was a Wednesday, 8 October a Thursday.
    text = "Aksi mogok digelar Rabu (8/10/2020). Kapolres hadir di stadion, Rabu (7/10/2020)."
    found = find_dates(text, on(2020, 10, 8))
    assert [(d.date, d.weekday_conflict) for d in found] == [(date(2020, 10, 7), True), (date(2020, 10, 7), False)]
    assert [d.date for d in find_dates("Aksi digelar Rabu (8/10/2020).", on(2020, 10, 8))] == [date(2020, 10, 8)]


def test_tag_weekday_lalu_is_counted_back_from_publication() -> None:
    # Published Wednesday 10 December 2025.
    assert only("Aksi digelar Senin lalu.", on(2025, 12, 10)).date == date(2025, 12, 8)
    assert only("Aksi digelar Rabu lalu.", on(2025, 12, 10)).date == date(2025, 12, 3)


def test_tag_a_related_article_line_dates_nothing() -> None:
    text = ("Baca juga: Polisi Bubarkan Demo Buruh Fiksi, Senin (1/12/2025)\n"
            "Kapolres Fiksi AKBP Damar Wulan mengawal aksi unjuk rasa buruh SPN, Kamis (4/12/2025).")
    tags = tag_article("", text, datetime(2025, 12, 5, 9, tzinfo=WIB))
    assert [d.date for d in tags.dates] == [date(2025, 12, 4)]
    assert [e.date.date for e in tags.engagements] == [date(2025, 12, 4)]


def test_tag_a_date_written_with_dashes() -> None:
    assert only("Aksi digelar Selasa, 18-11-2014 di depan pabrik.", on(2014, 11, 19)).date == date(2014, 11, 18)
    text = "Selasa | 18-11-2014 | 16:38 WIB\nBuruh berunjuk rasa Senin (17/11/2014)."
    assert reference(text, None) == on(2014, 11, 18)


def test_tag_another_storys_dateline_below_the_body_does_not_move_the_body() -> None:
    text = ("Ratusan buruh SPN berunjuk rasa di Kabupaten Karawang, Senin (3/11/2025), dikawal personel Polres "
            "Karawang.\n\nPara buruh menuntut kenaikan upah minimum kabupaten tahun depan sebesar sepuluh persen.\n\n"
            "Aksi berakhir sore hari setelah perwakilan buruh diterima oleh pejabat dinas tenaga kerja.\n\n"
            "BEKASI - Polisi mengawal aksi buruh di Kota Bekasi, Selasa (4/11/2025).")
    assert engagement_dates(text, datetime(2025, 11, 4, 9, tzinfo=WIB))[0] == "2025-11-03"


def test_tag_a_list_item_below_the_body_does_not_move_the_body() -> None:
    text = ("Ratusan buruh SPN berunjuk rasa di Kabupaten Karawang, Senin (3/11/2025), dikawal Polres Karawang.\n\n"
            "Titik aksi:\nKabupaten Karawang: kantor bupati\nKota Bekasi: kantor wali kota, Selasa (4/11/2025)\n")
    assert engagement_dates(text, datetime(2025, 11, 4, 9, tzinfo=WIB)) == ["2025-11-03"]


def test_tag_a_dateline_date_is_the_day_of_writing() -> None:
    # No publication date: the dateline's date anchors 'kemarin' and yields to any day the body gives.
    text = "Serang, 25 November 2025 - Polres Fiksi mengawal aksi unjuk rasa buruh SPN di Kabupaten Serang, kemarin."
    assert engagement_dates(text) == ["2025-11-24"]
    text = ("Serang, 25 November 2025 - Polres Fiksi mengawal aksi unjuk rasa buruh SPN di Kabupaten Serang. Aksi "
            "digelar Senin (24/11/2025) di depan pabrik.")
    assert engagement_dates(text) == ["2025-11-24"]


def test_tag_a_dateline_date_dates_the_event_when_nothing_else_does() -> None:
    text = "Bandung, 4 November 2025 — Serikat buruh SPN beraudiensi dengan Kapolrestabes Fiksi AKBP Damar Wulan."
    assert engagement_dates(text) == ["2025-11-04"]


def test_tag_a_page_date_line_alone_on_its_line_is_the_publication() -> None:
    text = ("Buruh Fiksi Mogok Kerja\nSenin, 24 November 2025\n\nPolres Fiksi mengawal aksi mogok kerja buruh SPN di "
            "Kabupaten Serang.")
    assert engagement_dates(text) == [None]
    assert reference(text, None) == on(2025, 11, 24)
    text = text.replace("Kabupaten Serang.", "Kabupaten Serang, kemarin.")
    assert engagement_dates(text) == ["2025-11-23"]


def test_tag_a_date_in_parentheses_without_a_weekday() -> None:
    assert only("Polisi mengawal aksi buruh (24/11/2025) di depan pabrik.", on(2025, 11, 25)).date == date(2025, 11, 24)
    # Without a year or a weekday a bracketed pair of numbers is no date ('(2/3)' of a vote, a score).
    assert find_dates("Usulan itu disetujui (2/3) anggota.", on(2025, 11, 25)) == []


def test_tag_a_javanese_market_day_after_the_weekday() -> None:
    d = only("Aksi digelar Senin Legi (24/11/2025).", on(2025, 11, 25))
    assert (d.date, d.weekday_conflict) == (date(2025, 11, 24), False)
    d = only("Aksi digelar Kamis Wage, 27 November 2025.", on(2025, 11, 28))
    assert (d.date, d.weekday_conflict) == (date(2025, 11, 27), False)
    assert only("Motor dirampas Sabtu dini hari (22/11).", on(2025, 11, 23)).date == date(2025, 11, 22)


def test_tag_a_two_digit_year_outside_parentheses() -> None:
    assert only("Aksi digelar pada 24/11/25 di depan pabrik.", on(2025, 11, 25)).date == date(2025, 11, 24)
    assert only("Aksi digelar Senin, 24-11-25.", on(2025, 11, 25)).date == date(2025, 11, 24)


def test_tag_a_hijri_date_beside_the_event_date_is_no_date() -> None:
    text = "Aksi digelar Senin (24/11/2025) atau 3 Jumadil Akhir 1447 H di depan pabrik."
    assert [d.date for d in find_dates(text, on(2025, 11, 25))] == [date(2025, 11, 24)]


def test_tag_a_bare_weekday_is_the_last_such_day_up_to_publication() -> None:
    # Published Thursday 6 November 2025.
    published = datetime(2025, 11, 6, 9, tzinfo=WIB)
    text = "Ribuan buruh KSPI berunjuk rasa di Kabupaten Bekasi pada Rabu, dikawal Polres Fiksi."
    assert engagement_dates(text, published) == ["2025-11-05"]
    text = "Polres Fiksi mengawal ribuan buruh KSPI yang berunjuk rasa di Kabupaten Bekasi, Kamis."
    assert engagement_dates(text, published) == ["2025-11-06"]
    # An announced day, every week's day, or no publication day: no date.
    assert all(d.announced for d in find_dates("Buruh akan berunjuk rasa pada Rabu, kata Ketua SPN.", on(2025, 11, 6)))
    assert find_dates("Apel digelar setiap Rabu di halaman kantor.", on(2025, 11, 6)) == []
    assert engagement_dates(text) == [None]


PUBLISHED_5_NOV = datetime(2025, 11, 5, 19, tzinfo=WIB)


def test_tag_a_plain_date_of_a_background_fact_yields_to_the_statement_day() -> None:
    text = ("Polres Fiksi mengawal aksi unjuk rasa buruh SPN yang menolak undang-undang baru.\n\nUndang-undang itu "
            "disahkan DPR pada 28 Oktober 2025.\n\n\"Aksi berjalan tertib,\" kata Kapolres Fiksi AKBP Damar Wulan, "
            "Rabu (5/11/2025).")
    assert engagement_dates(text, PUBLISHED_5_NOV) == ["2025-11-05"]
    text = ("Ratusan buruh PT Fiktif mogok kerja dan dikawal Polsek Fiksi.\n\nMereka menuntut upah yang tertunggak "
            "sejak 1 Agustus 2025.\n\nKapolsek Fiksi AKP Damar Wulan mengatakan mogok berjalan tertib, Rabu (5/11/2025).")
    assert engagement_dates(text, PUBLISHED_5_NOV) == ["2025-11-05"]


def test_tag_a_day_written_with_its_weekday_outweighs_the_statement_day() -> None:
    # The act's own sentence uses a word the triggers do not know; its day is still written as news writes one.
    text = ("Tenda buruh SPN di depan pabrik dibongkar aparat, Senin malam (3/11/2025).\n\n\"Kawan-kawan diseret "
            "polisi,\" kata Ketua SPN Fiksi Santoso, Rabu (5/11/2025).\n\nPolisi membubarkan paksa tenda itu.")
    assert engagement_dates(text, PUBLISHED_5_NOV)[0] == "2025-11-03"


def test_tag_a_day_marked_earlier_is_recalled() -> None:
    text = ("Polres Fiksi mengawal aksi unjuk rasa buruh SPN di depan kantor bupati.\n\nSebelumnya, pada Senin "
            "(20/10/2025), buruh juga berunjuk rasa di lokasi yang sama.\n\n\"Aksi berjalan tertib,\" kata Kapolres "
            "Fiksi AKBP Damar Wulan, Rabu (5/11/2025).")
    assert engagement_dates(text, PUBLISHED_5_NOV) == ["2025-11-05", "2025-10-20"]


def test_tag_a_day_told_in_indirect_speech_is_the_events() -> None:
    text = ("Polres Fiksi mengawal aksi unjuk rasa buruh SPN di depan pabrik.\n\n\"Kami siaga penuh,\" ujar Kapolres "
            "Fiksi AKBP Damar Wulan, Rabu (5/11/2025).\n\nIa mengatakan aksi itu digelar Senin (3/11/2025) dan "
            "berjalan tertib.")
    assert engagement_dates(text, PUBLISHED_5_NOV) == ["2025-11-03"]
    assert only("Kapolres mengatakan, Rabu (5/11/2025), pihaknya siaga.", on(2025, 11, 5)).said


def test_tag_a_day_of_the_publication_year_still_to_come_is_announced_not_years_back() -> None:
    # Published on 20 November: '27 November' is a week ahead, not 27 November of the year before.
    d = only("Buruh siap mogok nasional pada 27 November.", on(2015, 11, 20))
    assert (d.date, d.announced, d.year_inferred) == (date(2015, 11, 27), True, True)
    # 'Jumat (27/11)' is that coming Friday, not the Friday 27 November of 2009.
    d = only("Aksi digelar Jumat (27/11).", on(2015, 11, 20))
    assert (d.date, d.announced, d.weekday_conflict) == (date(2015, 11, 27), True, False)
    # A day long past in the same year stays this year's, and a coming day on another weekday than the one named
    # leaves the weekday to find its year.
    assert only("Aksi digelar pada 1 Februari.", on(2015, 11, 20)).date == date(2015, 2, 1)
    assert only("Senin (11/2)", on(2025, 1, 5)).date == date(2019, 2, 11)


def test_tag_the_event_is_never_dated_by_a_day_after_publication() -> None:
    text = ("Ratusan buruh SPN berunjuk rasa di depan Kantor Bupati Fiksi, Kamis (27/11). Kapolres Fiksi AKBP Damar "
            "Wulan memimpin pengamanan.")
    assert engagement_dates(text, datetime(2025, 11, 26, 9, tzinfo=WIB)) == [None]
    assert engagement_dates(text, datetime(2025, 11, 28, 9, tzinfo=WIB)) == ["2025-11-27"]


def test_tag_a_date_in_parentheses_with_dashes_or_dots() -> None:
    assert only("Buruh berunjuk rasa Selasa (2-12-2025) di depan pabrik.", on(2025, 12, 8)).date == date(2025, 12, 2)
    assert only("Buruh berunjuk rasa Selasa (02.12.2025) di depan pabrik.", on(2025, 12, 8)).date == date(2025, 12, 2)
    assert only("Buruh berunjuk rasa Selasa (2-12) di depan pabrik.", on(2025, 12, 8)).date == date(2025, 12, 2)
    # Dots without a year are a clock time ('Senin (10.30)'), and separators that differ are no date.
    assert find_dates("Apel digelar Senin (10.30) di halaman.", on(2025, 12, 8)) == []
    assert find_dates("Aksi digelar (2/12-2025).", on(2025, 12, 8)) == []


def test_tag_the_day_of_a_planned_action_is_announced() -> None:
    text = ("Mengantisipasi rencana unjuk rasa buruh di PT Maju Fiksi, Cikupa dan ke kantor gubernur pada 30 dan 31 "
            "Oktober 2017, Kapolres Fiksi AKBP Damar Wulan mengumpulkan pimpinan serikat buruh SPN.")
    assert [(d.date, d.announced) for d in find_dates(text, None)] == [(date(2017, 10, 30), True),
                                                                        (date(2017, 10, 31), True)]
    assert engagement_dates(text) == [None]
    assert only("Sesuai rencana aksi digelar pada Senin (3/11/2025).", on(2025, 11, 4)).announced is False
    text = ("Kapolres Fiksi AKBP Damar Wulan menerima audiensi SPN, Senin (8/12/2025). Buruh berencana menggelar aksi "
            "unjuk rasa besar-besaran di depan Kantor Bupati pada Kamis (4/12/2025).")
    assert engagement_dates(text) == ["2025-12-08"]
    assert [d.announced for d in find_dates(text, on(2025, 12, 8))] == [False, True]


def test_tag_a_documents_date_is_no_days_event() -> None:
    text = ("Polres Fiksi memediasi SPN dan PUK SPSI PT Maju, Kamis (26/6/2025). Mediasi merujuk Laporan Polisi "
            "Nomor LP/B/12/I/2025 tertanggal 10 Januari 2025.")
    assert [d.date for d in find_dates(text, on(2025, 6, 27))] == [date(2025, 6, 26)]


def test_tag_a_range_of_days_gives_its_first_and_last_day() -> None:
    def days(text: str) -> list[tuple[date, int | None]]:
        from tagging.dates import weekday_of
        return [(d.date, weekday_of(d)) for d in find_dates(text, on(2025, 12, 8))]

    assert days("Buruh mogok Sabtu-Minggu (6-7/12/2025).") == [(date(2025, 12, 6), 6), (date(2025, 12, 7), None)]
    assert days("Buruh mogok Jumat, 5-6 Desember 2025.") == [(date(2025, 12, 5), 5), (date(2025, 12, 6), None)]
    assert days("Buruh mogok pada 1 sampai 3 Desember.") == [(date(2025, 12, 1), None), (date(2025, 12, 3), None)]
    assert [d.weekday_conflict for d in find_dates("Mogok Kamis dan Jumat (4-5/12/2025).", on(2025, 12, 8))] == [
        False, False]
    # A multi-day action is one engagement a day (ACLED), from the first day.
    text = ("Ratusan buruh SPN mogok kerja di PT Maju Fiksi, Senin hingga Rabu (1-3/12/2025). Kapolsek Fiksi AKP "
            "Damar Wulan memimpin pengamanan.")
    assert engagement_dates(text, datetime(2025, 12, 8, 9, tzinfo=WIB)) == ["2025-12-01", "2025-12-02", "2025-12-03"]
    # Not a range: a count before a date, a last day before the first.
    assert [d.date for d in find_dates("Sebanyak 12 - 3 Desember 2025 lalu.", on(2025, 12, 8))] == [date(2025, 12, 3)]


def test_tag_a_weekday_before_a_day_and_month_without_brackets() -> None:
    assert only("Buruh berunjuk rasa pada Senin 1/12.", on(2025, 12, 8)).date == date(2025, 12, 1)
    assert only("Buruh berunjuk rasa Jumat, 5/12 di depan pabrik.", on(2025, 12, 8)).date == date(2025, 12, 5)
    # Without a weekday a bare fraction is no date ('1/3 anggota', a score).
    assert find_dates("Sebanyak 1/3 anggota hadir, skor 2/1.", on(2025, 12, 8)) == []


def test_tag_weekday_kemarin_on_that_weekday_is_the_week_before() -> None:
    # 8 December 2025 was a Monday.
    assert only("Buruh berunjuk rasa Senin kemarin.", on(2025, 12, 8)).date == date(2025, 12, 1)
    assert only("Buruh berunjuk rasa Jumat kemarin.", on(2025, 12, 8)).date == date(2025, 12, 5)
    assert only("Apel digelar Senin pagi.", on(2025, 12, 8)).date == date(2025, 12, 8)


def test_tag_an_undated_pages_weekday_finds_its_year_among_the_years_it_writes() -> None:
    # 27 November was a Thursday in 2014 (and 2025); the text speaks of the 2015 wage.
    d = only("Buruh menolak UMK 2015 dalam aksi Kamis (27/11).", None)
    assert (d.date, d.year_inferred, d.weekday_conflict) == (date(2014, 11, 27), True, False)
    d = only("Sejak 2019 buruh berunjuk rasa; Senin (11/2) mereka kembali turun.", None)
    assert d.date == date(2019, 2, 11)
    # No written year the weekday fits: looked for back from the day of tagging, as before.
    assert only("Aksi UMK 2015 digelar Rabu (27/11).", None).date.isoweekday() == 3


def test_tag_a_day_after_the_latest_date_an_undated_text_writes_is_no_announced_day() -> None:
    text = ("UMK 2026 ditetapkan 21 November 2025. Ratusan buruh SPN berunjuk rasa menolak UMK itu di depan Kantor "
            "Bupati Fiksi, Senin (8/12). Kapolres Fiksi AKBP Damar Wulan memimpin pengamanan.")
    ref = reference(text, None)
    assert ref == Reference(date(2025, 11, 21), exact=False, written_after=True)
    d = find_dates(text, ref)[-1]
    assert (d.date, d.announced) == (date(2025, 12, 8), False)
    assert engagement_dates(text) == ["2025-12-08"]
    # The month of the address bounds publication from above: a day after it is still announced.
    d = only("Aksi digelar Senin (8/12).", reference("", None, "https://berita.fiksi/2025/11/aksi"))
    assert (d.date, d.announced) == (date(2025, 12, 8), True)


def test_tag_a_day_right_after_nanti_or_depan_is_announced() -> None:
    found = find_dates("Saya khawatir saat aksi nanti (Jumat, 16-17 Oktober 2020) buruh kurang koordinasi.",
                       on(2020, 10, 14))
    assert [(d.date, d.announced) for d in found] == [(date(2020, 10, 16), True), (date(2020, 10, 17), True)]
    assert only("Buruh kembali turun pekan depan, Senin (15/12).", on(2025, 12, 8)).announced is True
    assert only("Aksi nanti digelar tertib, kata Kapolres, Senin (8/12/2025).", on(2025, 12, 8)).announced is False


def test_tag_a_date_line_after_the_pages_label_is_the_publication() -> None:
    body = ("\nRatusan buruh SPN berunjuk rasa di depan Kantor Bupati Fiksi. Kapolres Fiksi AKBP Damar Wulan memimpin "
            "pengamanan, Jumat (5/12).\n")
    for line in ("Diterbitkan: Senin, 8 Desember 2025", "Dipublikasikan pada 8 Desember 2025",
                 "Editor: Budi Santoso | Senin, 8 Desember 2025", "Penulis: Budi - 8 Desember 2025"):
        assert reference(line + body, None) == on(2025, 12, 8)
        assert engagement_dates(line + body) == ["2025-12-05"]
    # A sentence that opens with such a word is no label ('Oleh karena itu, ...'), nor a date inside a sentence.
    text = "Oleh karena itu, buruh berunjuk rasa pada 8 Desember 2025 di depan pabrik."
    assert [d.metadata for d in find_dates(text, None)] == [False]


def test_tag_a_date_line_ending_with_its_time_is_the_publication() -> None:
    body = ("\nRatusan buruh SPN berunjuk rasa di depan Kantor Bupati Fiksi. Kapolres Fiksi AKBP Damar Wulan memimpin "
            "pengamanan, Jumat (5/12).\n")
    for line in ("Senin, 8 Desember 2025 - 10:00 WIB", "Senin, 8 Desember 2025 10.00 WIB",
                 "Senin, 8 Desember 2025 pukul 10.00 WIB", "Senin, 8 Desember 2025 (10:00 WIB)"):
        assert reference(line + body, None) == on(2025, 12, 8)
        assert engagement_dates(line + body) == ["2025-12-05"]
    # In a sentence the day and its hour are the event's.
    text = "Buruh berunjuk rasa Kamis, 4 Desember 2025 pukul 10.00 WIB di depan pabrik."
    assert [d.metadata for d in find_dates(text, None)] == [False]


def test_tag_a_dateline_date_with_its_weekday_is_the_day_of_writing() -> None:
    lead = (" - Ratusan buruh SPN berunjuk rasa di depan Kantor Bupati Serang pada Jumat (5/12/2025). Kapolres Serang "
            "AKBP Damar Wulan memimpin pengamanan.")
    for dateline in ("SERANG, Senin (8/12/2025)", "SERANG, Senin, 8 Desember 2025"):
        assert reference(dateline + lead, None) == on(2025, 12, 8)
        assert engagement_dates(dateline + lead) == ["2025-12-05"]
    # Nothing else dates the event: the day of writing does.
    text = ("SERANG, Senin (8/12/2025) - Polres Serang mengamankan aksi unjuk rasa buruh SPN di depan Kantor Bupati "
            "Serang.")
    assert engagement_dates(text) == ["2025-12-08"]


def test_tag_days_back_from_publication() -> None:
    ref = on(2025, 12, 10)
    assert only("Buruh berunjuk rasa dua hari lalu.", ref).date == date(2025, 12, 8)
    assert only("Buruh berunjuk rasa 3 hari yang lalu.", ref).date == date(2025, 12, 7)
    assert only("Buruh berunjuk rasa kemarin lusa.", ref).date == date(2025, 12, 8)
    assert find_dates("Buruh berunjuk rasa dua hari lalu.", None) == []


def test_tag_a_bracketed_day_and_month_without_weekday_is_a_recent_date() -> None:
    assert only("Buruh berkumpul di depan pabrik (8/12).", on(2025, 12, 10)).date == date(2025, 12, 8)
    assert find_dates("Buruh berkumpul di depan pabrik (8/3).", on(2025, 12, 10)) == []
    assert find_dates("Buruh berkumpul di depan pabrik (8/12).", None) == []


def test_tag_a_weekday_that_contradicts_a_written_year_picks_the_year_it_agrees_with() -> None:
    # 10 January 2025 was a Friday, 10 January 2024 a Wednesday: early in a year the old year is often typed.
    d = only("Buruh berunjuk rasa Jumat (10/1/2024).", on(2025, 1, 15))
    assert (d.date, d.weekday_conflict) == (date(2025, 1, 10), True)
    d = only("Buruh berunjuk rasa Senin (10/1/2024).", on(2025, 1, 15))
    assert (d.date, d.weekday_conflict) == (date(2024, 1, 10), True)


def test_tag_dates_of_listed_stories_and_comment_stamps_are_page_furniture() -> None:
    text = ("Ratusan buruh berunjuk rasa di depan pabrik.\nTerpopuler\n1. Buruh Tolak Upah (05/12/2025)\n"
            "2. Polisi Kawal Aksi (01/12/2025)\nKomentar\nAndi | 9 Desember 2025 pukul 10.00\nMantap\n")
    assert [d for d in find_dates(text, on(2025, 12, 10)) if not d.metadata] == []
    assert only("Aksi digelar di depan pabrik (5/12/2025).", on(2025, 12, 10)).date == date(2025, 12, 5)


def test_tag_a_weekday_of_last_week() -> None:
    # Published on Wednesday 10 December 2025: last week ran from Monday 1 to Sunday 7 December.
    ref = on(2025, 12, 10)
    assert only("Buruh berunjuk rasa Kamis pekan lalu.", ref).date == date(2025, 12, 4)
    assert only("Buruh berunjuk rasa Senin minggu lalu.", ref).date == date(2025, 12, 1)
    week = only("Buruh berunjuk rasa pekan lalu.", ref)
    assert (week.precision, week.date) == (2, date(2025, 12, 3))


def test_tag_a_day_and_month_after_the_dateline_s_place_is_the_day_of_writing() -> None:
    d = only("Lebak, 8/12 (ANTARA) - Ratusan buruh berunjuk rasa di depan pabrik.", on(2025, 12, 10))
    assert (d.date, d.said) == (date(2025, 12, 8), True)
    found = find_dates("Lebak, 8/12 (ANTARA) - Ratusan buruh berunjuk rasa Sabtu (6/12).", on(2025, 12, 10))
    assert [(x.date, x.said) for x in found] == [(date(2025, 12, 8), True), (date(2025, 12, 6), False)]
