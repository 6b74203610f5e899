"""Actors: police position, rank, name and unit; unions as one actor; officials; references; identity."""

from tagging import tag_article
from tagging.identity import actor_key, same_actor


def actors(text: str, kind: str | None = None):
    return [a for a in tag_article("", text).actors if kind is None or a.kind == kind]


def test_tag_kapolres_serang_akbp_condro_sasongko() -> None:
    [officer] = actors("Kapolres Serang AKBP Condro Sasongko menggelar kegiatan bersama buruh.", "police")
    assert (officer.position, officer.rank, officer.name, officer.unit) == ("Kapolres", "AKBP", "Condro Sasongko",
                                                                           "Polres Serang")


def test_tag_academic_titles_leave_the_name_and_stay_on_the_mention() -> None:
    text = "Kepala Kepolisian Republik Indonesia (Kapolri), Jenderal Polisi Drs. Listyo Sigit Prabowo hadir."
    [officer] = actors(text, "police")
    assert (officer.name, officer.rank, officer.unit) == ("Listyo Sigit Prabowo", "Jenderal Polisi", "Mabes Polri")
    assert officer.mentions[0].titles == ("Drs",)
    [officer] = actors("Kapolres Serang AKBP Hendra Wiratama, S.I.K., M.H. melakukan kunjungan.", "police")
    assert officer.name == "Hendra Wiratama"
    assert set(officer.mentions[0].titles) == {"S.I.K", "M.H"}


def test_tag_later_short_references_resolve_to_the_full_name() -> None:
    text = ("Kapolres Serang AKBP Condro Sasongko hadir. Kami salut kepada Bapak Condro yang mengawal aksi. "
            "Kapolres menegaskan komitmennya.")
    [officer] = actors(text, "police")
    assert [m.span.text for m in officer.mentions] == ["Kapolres Serang AKBP Condro Sasongko", "Bapak Condro",
                                                       "Kapolres"]
    assert all(text[m.span.start:m.span.end] == m.span.text for m in officer.mentions)


def test_tag_a_union_with_abbreviation_and_full_name_is_one_actor_named_with_its_area() -> None:
    text = ("Buruh yang tergabung dalam Aliansi Serikat Pekerja Serikat Buruh (ASPSB) Kabupaten Serang hadir. "
            "Koordinator ASPSB Kabupaten Serang, Asep Saefullah, berterima kasih. Asep menambahkan.")
    unions = actors(text, "labour")
    assert [(u.name, u.unit) for u in unions] == [("ASPSB Kabupaten Serang", "Kabupaten Serang")]
    assert len(unions[0].mentions) == 2
    [person] = actors(text, "person")
    assert (person.name, person.position, person.organisation) == ("Asep Saefullah", "Koordinator",
                                                                   "ASPSB Kabupaten Serang")
    assert person.mentions[-1].span.text == "Asep"


def test_tag_union_factions_are_kept() -> None:
    [agn] = actors("Ribuan anggota KSPSI AGN hadir.", "labour")
    assert (agn.name, agn.organisation, agn.faction) == ("KSPSI AGN", "KSPSI", "AGN")
    [jumhur] = actors("Massa KSPSI pimpinan Jumhur Hidayat berkumpul.", "labour")
    assert jumhur.name == "KSPSI Jumhur"


def test_tag_apindo_is_an_employers_association_not_labour() -> None:
    found = actors("Apindo menolak usulan kenaikan UMK dari KSPI.")
    assert {(a.kind, a.name) for a in found} == {("company", "APINDO"), ("labour", "KSPI")}


def test_tag_presiden_of_a_union_is_a_union_leader_not_the_president() -> None:
    found = actors("Presiden KSPI Said Iqbal memimpin aksi.")
    assert [(a.kind, a.name, a.position) for a in found if a.kind != "labour"] == [("person", "Said Iqbal",
                                                                                  "Presiden")]


def test_tag_satpol_pp_and_tni_are_not_police() -> None:
    assert actors("Petugas Satpol PP dan Babinsa TNI berjaga di lokasi aksi buruh.", "police") == []


def test_tag_officials_with_jurisdiction_and_companies() -> None:
    found = actors("Wakil Bupati Bekasi, dr. Asep Surya Atmaja, hadir di PT Indah Kiat Pulp and Paper.")
    official = next(a for a in found if a.kind == "government")
    assert (official.name, official.position, official.unit) == ("Asep Surya Atmaja", "Wakil Bupati",
                                                                 "Kabupaten Bekasi")
    assert [a.name for a in found if a.kind == "company"] == ["PT Indah Kiat Pulp and Paper"]


def test_tag_rank_changing_officer_is_one_actor_across_articles() -> None:
    december = actors("Kapolres didampingi Kasatintelkam Polres Serang Iptu Saeful Sani.", "police")
    january = actors("Kapolres didampingi Kasatintelkam Polres Serang AKP Saeful Sani.", "police")
    [iptu] = [a for a in december if a.name]
    [akp] = [a for a in january if a.name]
    assert (iptu.rank, akp.rank) == ("Iptu", "AKP")
    assert iptu.mentions[0].rank == "Iptu" and akp.mentions[0].rank == "AKP"
    assert same_actor(iptu, akp) and actor_key(iptu) == actor_key(akp)


def test_tag_near_spellings_merge_but_different_people_do_not() -> None:
    [a] = actors("Kasatintelkam Polres Serang Iptu Saeful Sani hadir.", "police")
    [b] = actors("Kasatintelkam Polres Serang AKP Saiful Sani hadir.", "police")
    [c] = actors("Kapolres Serang AKBP Andri Kurniawan hadir.", "police")
    assert same_actor(a, b)
    assert not same_actor(a, c)


def test_tag_seeds_001_and_002_share_the_kasatintelkam(shared_seed_texts: dict[str, str]) -> None:
    first = tag_article("", shared_seed_texts["001_3c94bfb912bcc20e"]).actors
    second = tag_article("", shared_seed_texts["002_15cae0bc580a8f5b"]).actors
    [dec] = [a for a in first if a.name == "Saeful Sani"]
    [jan] = [a for a in second if a.name == "Saeful Sani"]
    assert (dec.rank, jan.rank) == ("Iptu", "AKP")
    assert same_actor(dec, jan)
