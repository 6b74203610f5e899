"""Hostile text as a feed could carry it, and the check that none of it reached a screen or a file.

Each payload keeps a plain word ("merah", "tautan", …) that must survive sanitising, so a test
can tell "shown as text" from "dropped altogether".
"""

import re

MARKUP = "[bold red]rusuh[/bold red] [link=https://jahat.test]tautan[/link] [@click=app.quit]keluar[/]"
CSI = "\x1b[31mmerah\x1b[0m \x1b[2J\x1b[H\x1b[10Aatas \x9b1mtebal"
OSC8 = "\x1b]8;;https://jahat.test/\x1b\\pranala\x1b]8;;\x1b\\"
TITLE_SET = "\x1b]0;judul palsu\x07jendela \x1b]2;lagi\x1b\\"
DCS = "\x1bP1$qm\x1b\\kueri"
CONTROLS = "kon\x00tr\x07ol\x08 \x0bc\x0c1\x7f \x85c\x9e1 akhir"
BIDI = "\u202egnp.exe\u202c \u200bnol\u200c\u200d\u200e\u200f \u2066isolasi\u2069 \ufeffbom"
EMOJI = "Buruh ✊🏽 mogok 🇮🇩 café e\u0301 Nguyễn"
"""Emoji, a flag, a precomposed and a combining accent, Vietnamese: text to keep as it is."""

PAYLOADS = {
    "markup": MARKUP,
    "csi": CSI,
    "osc8": OSC8,
    "title": TITLE_SET,
    "dcs": DCS,
    "controls": CONTROLS,
    "bidi": BIDI,
    "emoji": EMOJI,
}
KEPT_WORDS = {
    "markup": ["[bold red]rusuh[/bold red]", "[link=https://jahat.test]tautan[/link]", "[@click=app.quit]keluar[/]"],
    "csi": ["merah", "atas", "tebal"],
    "osc8": ["pranala"],
    "title": ["jendela"],
    "dcs": ["kueri"],
    "controls": ["kontrol", "akhir"],
    "bidi": ["gnp.exe", "nol", "isolasi", "bom"],
    "emoji": ["✊🏽", "🇮🇩", "café", "e\u0301", "Nguyễn"],
}
"""What each payload must still show: its words, and markup as the characters it is made of."""
GONE_WORDS = ["judul palsu", "https://jahat.test/", "31m", "2J", "1$qm"]
"""What only the escape sequences carried: a window title, a link target, parameters."""

HUGE_TITLE = "Judul sangat panjang " + "A" * 100_000

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ud800-\udfff]"
)
"""Characters no screen line or exported cell may hold (newline and tab are checked where they matter)."""


def unsafe_in(text: str) -> list[str]:
    """The unsafe characters in `text`, as escapes a failing assert can show."""
    return [f"U+{ord(char):04X}" for char in UNSAFE.findall(text)]


def everything_hostile() -> str:
    """All payloads in one text, separated by spaces."""
    return " ".join(PAYLOADS.values())
