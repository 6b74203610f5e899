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
