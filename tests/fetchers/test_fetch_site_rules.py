"""fetchers.site_rules and fetchers.text: clean-up rules as data, and markup to text."""

from pathlib import Path

import pytest

from fetchers.site_rules import load_rules, parse_rules
from fetchers.text import html_to_text, plain_text

LONG = "Ratusan buruh berkumpul di depan gerbang pabrik untuk menyampaikan tuntutan upah kepada manajemen."


def test_shipped_rules_drop_blogger_clutter_lines():
    text = "\n".join(
        [
            "masukkan script iklan disini",
            LONG,
            "Baca Juga: Polisi amankan dua pemuda di Cilegon",
            "Pengunjung hari ini : 12",
            "Bulan ini : 438723",
            "Total pengunjung : 4.103.489",
            "Bagikan: Facebook | Twitter | WhatsApp",
            "-->",
            LONG + " Lagi.",
        ]
    )
    assert load_rules().clean(text) == f"{LONG}\n{LONG} Lagi."


def test_stop_lines_cut_the_tail_once_the_article_has_begun():
    tail = ["Posting Komentar", "Komentar pembaca yang panjang sekali di sini."]
    text = "\n".join([LONG, LONG + " Dua.", LONG + " Tiga.", *tail])
    assert load_rules().clean(text) == "\n".join([LONG, LONG + " Dua.", LONG + " Tiga."])


def test_a_stop_line_above_the_article_is_only_dropped():
    text = "\n".join(["Terkini", LONG, LONG + " Dua."])
    assert load_rules().clean(text) == "\n".join([LONG, LONG + " Dua."])


def test_rules_match_whole_lines_only():
    sentence = "Dalam rapat itu, perwakilan buruh meminta agar kolom komentar warga dibuka di situs pemda."
    assert load_rules().clean(sentence) == sentence
    assert load_rules().clean("Iklan layanan masyarakat soal keselamatan kerja dipasang di pabrik.") != ""


def test_host_sections_add_to_the_defaults(tmp_path: Path):
    rules_file = tmp_path / "rules.toml"
    rules_file.write_text(
        """
[default]
drop = ['iklan']

[[site]]
hosts = ["kabar.example"]
drop = ['redaksi kabar']

[[site]]
hosts = ["sepi.example"]
inherit = false
drop = ['sponsor']
""",
        encoding="utf-8",
    )
    rules = load_rules(rules_file)
    text = "Iklan\nRedaksi Kabar\nSponsor\n" + LONG
    assert rules.clean(text, "https://www.kabar.example/a.html") == f"Sponsor\n{LONG}"
    assert rules.clean(text, "https://lain.example/a.html") == f"Redaksi Kabar\nSponsor\n{LONG}"
    assert rules.clean(text, "https://sepi.example/a.html") == f"Iklan\nRedaksi Kabar\n{LONG}"
    assert rules.for_url("https://kabar.example/x") is rules.for_url("https://kabar.example/y")


@pytest.mark.parametrize(
    ("document", "complaint"),
    [
        ("[default]\ndrop = ['(unclosed']", "bad pattern '(unclosed'"),
        ("[default]\nremove = ['x']", "unknown keys remove"),
        ("[[site]]\ndrop = ['x']", "names no hosts"),
        ("[sites]\n", "unknown sections sites"),
        ("[default\n", "not valid TOML"),
    ],
)
def test_broken_rules_are_reported_clearly(document, complaint):
    with pytest.raises(ValueError, match=complaint.replace("(", r"\(")):
        parse_rules(document, "test.toml")


def test_repeated_lines_collapse():
    assert load_rules().clean(f"{LONG}\n{LONG}\n\n  {LONG}  ") == LONG


def test_html_to_text_keeps_paragraphs_and_drops_scripts():
    fragment = "<p>Satu <b>dua</b></p><script>var iklan = 1;</script><div>Tiga<br>Empat</div><!-- catatan -->Lima"
    assert html_to_text(fragment) == "Satu dua\nTiga\nEmpat\nLima"


@pytest.mark.parametrize(
    ("fragment", "text"),
    [
        ("<b>Bentrok</b> di &amp; Serang", "Bentrok di & Serang"),
        ("Suhu &lt; 30 derajat", "Suhu < 30 derajat"),
        ("Harga  naik\n\tlagi", "Harga naik lagi"),
        ("", ""),
        (None, ""),
    ],
)
def test_plain_text_is_one_clean_line(fragment, text):
    assert plain_text(fragment) == text
