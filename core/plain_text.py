"""Text from feeds and pages made safe to show: what strangers wrote reaches the screen only as text.

A title can carry terminal escape sequences (colours, cursor movement, OSC 8 links, a new window
title), control characters, invisible characters that hide or reorder what is shown (zero-width
and bidirectional overrides), or run to 100,000 characters. Every pane, the CLI and the exports
pass such text through one of these functions first:

- `plain_line`: one line for a row, a cell or a message: all of the above removed, whitespace
  collapsed, cut to a length with an ellipsis. It reads a bounded prefix, so a huge title costs
  the same as a short one.
- `plain_block`: a body: the same removals, but newlines and tabs stay; `plain_block_runs` also says
  where each kept piece came from, so offsets into the original (the tagger's actor spans) can be
  carried over to the cleaned text.
- `json_safe`: a JSON document with the same characters escaped as `\\uXXXX`: it parses back to
  exactly the same values, and prints as text.
- `csv_cell`: a spreadsheet cell: controls removed, and a leading `=`, `+`, `-`, `@` neutralised
  with an apostrophe, as OWASP advises against formula injection.

Markup (`[bold]`, `[@click=app.quit]`) is not touched here: it is ordinary text, and the TUI shows
it as such by putting these strings in `rich.text.Text` (never parsed as markup) or by passing
`markup=False`.

Escape sequences are matched with a regular expression over ECMA-48's grammar (5.3–5.7 of the
standard, the grammar terminals and `strip-ansi`-style libraries follow):

- CSI: ESC `[` (or the C1 byte U+009B), parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F,
  one final byte 0x40–0x7E: colours, cursor movement, erasing.
- Control strings: ESC `]` (OSC), ESC `P` (DCS), ESC `X` (SOS), ESC `^` (PM), ESC `_` (APC), or their
  C1 bytes, up to the string terminator (ESC `\\` or U+009C) or BEL: hyperlinks, window titles,
  terminal queries. An unterminated one loses only its introducer; what follows stays as text.
- Any other escape: ESC, intermediate bytes, one final byte 0x30–0x7E (charset switches, keypad modes).

What is left of them (a lone ESC) goes with the other removed characters: C0 controls but tab and
newline, DEL, C1 controls, lone surrogates (they cannot be written to a UTF-8 terminal), and the
invisible format characters listed in `INVISIBLE`. A zero-width joiner goes too: an emoji sequence
such as a family falls apart into its people, which keeps Rich's idea of its width in step with
the terminal's. Emoji, combining accents and every script are text, and stay.
"""

import json
import re

LINE_LIMIT = 500
"""The longest line shown by default: far more than a title needs, far less than a hostile one."""
ELLIPSIS = "…"
PREFIX_FACTOR = 4
"""`plain_line` reads at most this many raw characters per character it may show (plus a margin)."""
PREFIX_MARGIN = 256

Run = tuple[int, int, int]
"""(offset in the original text, offset in the plain text, length) of one piece kept as it was."""

ESCAPE_SEQUENCE = (
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"  # OSC, DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]"  # any other escape sequence, or the introducer of an unterminated string
)
INVISIBLE = (
    "\u00ad"  # soft hyphen: shown by some terminals, not by others
    "\u061c"  # Arabic letter mark (bidi)
    "\u180e"  # Mongolian vowel separator
    "\u200b-\u200f"  # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    "\u202a-\u202e"  # bidi embeddings and overrides
    "\u2060-\u2064"  # word joiner, invisible operators
    "\u2066-\u206f"  # bidi isolates, deprecated format characters
    "\ufeff"  # zero-width no-break space (byte order mark)
    "\ufff9-\ufffb"  # interlinear annotations
    "\U000e0000-\U000e007f"  # tag characters: invisible ASCII
)
CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
"""C0 controls but tab and newline (carriage returns are handled on their own), DEL and C1 controls."""
SURROGATE = "\ud800-\udfff"

_UNSAFE = re.compile(
    # Every match starts with one of these characters: the lookahead lets the engine skip
    # ordinary text without trying each alternative (five times faster on a long clean body).
    rf"(?=[{CONTROL}{INVISIBLE}{SURROGATE}\r\u2028\u2029])(?:"
    rf"{ESCAPE_SEQUENCE}"
    r"|\r\n?"  # a line break as Windows or old Macs write it: one newline
    r"|[\u2028\u2029]"  # Unicode line and paragraph separators: a newline too
    rf"|[{CONTROL}{INVISIBLE}{SURROGATE}]+"
    r")"
)
_UNSAFE_CHAR = re.compile(f"[{CONTROL}{INVISIBLE}{SURROGATE}\u2028\u2029]")
"""Single characters a JSON document may carry raw; json.dumps escapes C0 controls itself."""
_FORMULA_START = ("=", "+", "-", "@", "\t")


def _replacement(match: re.Match[str]) -> str:
    return "\n" if match.group()[0] in "\r\u2028\u2029" else ""


def plain_block_runs(text: str) -> tuple[str, list[Run]]:
    """The plain text of `text` (see `plain_block`) and where each piece of it came from."""
    pieces: list[str] = []
    runs: list[Run] = []
    kept = length = 0
    for match in _UNSAFE.finditer(text):
        start, end = match.span()
        for piece, source in ((text[kept:start], kept), (_replacement(match), start)):
            if piece:
                runs.append((source, length, len(piece)))
                pieces.append(piece)
                length += len(piece)
        kept = end
    if kept < len(text):
        runs.append((kept, length, len(text) - kept))
        pieces.append(text[kept:])
    return "".join(pieces), runs


def plain_block(text: str | None) -> str:
    """A body as text: escapes, controls and invisible characters removed; newlines and tabs kept."""
    if not text:
        return ""
    return _UNSAFE.sub(_replacement, text)


def plain_line(text: str | None, limit: int | None = LINE_LIMIT) -> str:
    """One line of text: `plain_block`, every run of whitespace one space, at most `limit` characters.

    A longer line ends in an ellipsis. Only a prefix of the raw text is read, so a title of any
    length costs about the same; a prefix made mostly of escapes shows what is left of it.
    """
    if not text:
        return ""
    read = text if limit is None else text[: limit * PREFIX_FACTOR + PREFIX_MARGIN]
    line = " ".join(plain_block(read).split())
    if limit is not None and (len(line) > limit or (len(read) < len(text) and line)):
        line = line[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return line


def json_safe(document: str) -> str:
    """A JSON document with every character `plain_block` would remove written as an escape.

    `json.dumps(..., ensure_ascii=False)` keeps DEL, C1 controls, bidi and zero-width characters
    raw; escaped, the document parses to exactly the same values and prints as plain text.
    """
    return _UNSAFE_CHAR.sub(lambda match: json.dumps(match.group())[1:-1], document)


def csv_cell(value: str) -> str:
    """A spreadsheet cell: `plain_block`, with an apostrophe before a leading formula character.

    A cell that starts with `=`, `+`, `-`, `@` or a tab is a formula to Excel and LibreOffice
    (OWASP, "CSV Injection"); the apostrophe makes it text, as a user typing it would.
    """
    cell = plain_block(value)
    return "'" + cell if cell.startswith(_FORMULA_START) else cell
