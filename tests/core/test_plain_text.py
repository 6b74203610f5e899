"""core.plain_text: escapes, controls and invisible characters go; markup, emoji and accents stay as text."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.plain_text import LINE_LIMIT, csv_cell, json_safe, plain_block, plain_block_runs, plain_line
from tests.support.hostile_text import (
    BIDI,
    EMOJI,
    GONE_WORDS,
    HUGE_TITLE,
    KEPT_WORDS,
    MARKUP,
    PAYLOADS,
    everything_hostile,
    unsafe_in,
)

# Text as hostile as hypothesis makes it, weighted towards the characters that matter here.
NASTY = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.characters(min_codepoint=0, max_codepoint=0x9F),
        st.sampled_from("\x1b[]\\;P_^X\x07\x9b\x9c\x9d\r\n\t\u202e\u2066\u200b\u200d\ufeff\u2028\U000e0041\ud800"),
    ),
    max_size=200,
)


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_each_payload_keeps_its_words_and_loses_its_escapes(name):
    for text in (plain_line(PAYLOADS[name]), plain_block(PAYLOADS[name])):
        assert unsafe_in(text) == []
        for word in KEPT_WORDS[name]:
            assert word in text, (name, word, text)
        for gone in GONE_WORDS:
            assert gone not in text, (name, gone, text)


def test_escape_sequences_go_whole_not_only_their_escape_character():
    assert plain_line("\x1b[1;31;48;5;196mmerah\x1b[0m") == "merah"
    assert plain_line("\x1b]8;;https://jahat.test\x07pranala\x1b]8;;\x07") == "pranala"
    assert plain_line("\x1b]0;judul\x1b\\teks") == "teks"
    assert plain_line("\x1bP+q544e\x1b\\teks") == "teks"
    assert plain_line("a\x1b(0b\x1b=c\x1b7d") == "abcd"  # charset, keypad mode, save cursor
    assert plain_line("\x9b2Jbersih") == "bersih"


def test_an_unterminated_control_string_loses_its_introducer_and_keeps_the_text():
    assert plain_line("\x1b]0;sisa teks tetap terlihat") == "0;sisa teks tetap terlihat"
    assert plain_line("akhir\x1b") == "akhir"
    assert plain_line("\x1b[31") == "31"


def test_markup_emoji_and_combining_characters_are_text():
    assert plain_line(MARKUP) == MARKUP
    assert plain_line(EMOJI) == EMOJI


def test_bidi_and_zero_width_characters_are_removed():
    assert plain_line(BIDI) == "gnp.exe nol isolasi bom"
    assert plain_line("po\u200blisi") == "polisi"
    assert plain_line("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f") == "🏴"


def test_a_line_is_one_line_and_a_block_keeps_newlines_and_tabs():
    text = "satu\tdua\r\ntiga\rempat\u2028lima\n\nenam  tujuh"
    assert plain_line(text) == "satu dua tiga empat lima enam tujuh"
    assert plain_block(text) == "satu\tdua\ntiga\nempat\nlima\n\nenam  tujuh"


def test_a_huge_title_is_cut_to_the_limit_with_an_ellipsis():
    line = plain_line(HUGE_TITLE)
    assert len(line) == LINE_LIMIT and line.endswith("…") and line.startswith("Judul sangat panjang AAA")
    assert plain_line("pendek sekali", 8) == "pendek…"
    assert plain_line("pas", 3) == "pas"
    assert plain_line(HUGE_TITLE, None) == HUGE_TITLE


def test_a_title_of_escapes_beyond_the_prefix_read_still_ends_in_an_ellipsis():
    line = plain_line("awal" + "\x1b[31m" * 10_000 + "akhir")
    assert line == "awal…"


def test_nothing_and_none_are_empty():
    assert plain_line(None) == plain_line("") == plain_block(None) == ""
    assert plain_line("\x1b[31m\u200b\x00") == ""


@given(NASTY)
def test_no_unsafe_character_survives(text):
    block = plain_block(text)
    assert unsafe_in(block) == [] and "\x1b" not in block and "\r" not in block
    line = plain_line(text)
    assert unsafe_in(line) == [] and "\n" not in line and "\t" not in line and len(line) <= LINE_LIMIT


@given(NASTY)
def test_sanitising_twice_changes_nothing(text):
    assert plain_block(plain_block(text)) == plain_block(text)
    assert plain_line(plain_line(text)) == plain_line(text)


@given(NASTY)
def test_runs_say_where_every_kept_piece_came_from(text):
    plain, runs = plain_block_runs(text)
    assert plain == plain_block(text)
    position = 0
    for source, target, length in runs:
        assert target == position
        piece = plain[target:target + length]
        assert piece == text[source:source + length] or piece == "\n"
        position += length
    assert position == len(plain)


def test_runs_carry_an_offset_past_removed_escapes():
    text = "\x1b[1mKapolres\x1b[0m \u202eCondro\u202c"
    plain, runs = plain_block_runs(text)
    start = text.index("Condro")
    mapped = [target + start - source for source, target, length in runs if source <= start < source + length]
    assert plain[mapped[0]:mapped[0] + 6] == "Condro"


@given(st.recursive(st.none() | st.booleans() | st.integers() | NASTY,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(NASTY, inner, max_size=4),
                    max_leaves=10))
def test_json_safe_reads_back_exactly_and_prints_as_text(value):
    document = json_safe(json.dumps(value, ensure_ascii=False))
    assert json.loads(document) == value
    assert unsafe_in(document) == []


@pytest.mark.parametrize("formula", ["=1+1", "+62 812", "-2+3", "@SUM(A1:A2)", "\t=1", "\x1b[31m=HYPERLINK(\"x\")"])
def test_csv_cells_that_a_spreadsheet_would_run_start_with_an_apostrophe(formula):
    cell = csv_cell(formula)
    assert cell.startswith("'") and unsafe_in(cell) == []


def test_ordinary_csv_cells_are_left_alone():
    assert csv_cell("Polres Serang; KSPSI") == "Polres Serang; KSPSI"
    assert csv_cell("2025-12-01") == "2025-12-01"
    assert csv_cell("baris satu\nbaris dua") == "baris satu\nbaris dua"


def test_everything_at_once():
    line = plain_line(everything_hostile())
    assert unsafe_in(line) == []
    for words in KEPT_WORDS.values():
        for word in words:
            assert word in line
