"""A quick look at a feed document before feedparser reads it.

feedparser already ignores external entities and drops entity declarations that expand into
other entities, but it does so silently, and its cost grows with every tag it meets (about half
a millisecond each here), so a hostile feed could keep a worker busy for minutes. One pass of
expat (C, no entity expansion, no network, no files) refuses entity tricks and absurd nesting
with a message that says what was found, counts the entries, and cuts a feed with too many of
them down to its first ones; a crude tag count (escaped HTML included, which feedparser also
parses) cuts it further, at an entry's end, so what is left costs feedparser seconds at most.
"""

import re
import xml.parsers.expat
from dataclasses import dataclass

from fetchers.errors import FailureKind, FetchError

MAX_DEPTH = 64
MAX_ENTRIES_READ = 1000
MAX_MARKUP = 40_000
_ENTRY_NAMES = frozenset({"item", "entry"})
_ENTITY_REFERENCE = re.compile(r"[&%][A-Za-z_:]")
_MARKUP = re.compile(rb"<[A-Za-z/!?]|&lt;[A-Za-z/!?]", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Screened:
    """The document feedparser may read, how many entries the original listed, and whether (and
    why, when it was for its tags) it was cut short."""

    body: bytes
    entries: int
    cut: bool = False
    note: str | None = None


@dataclass
class _Scan:
    entries: int = 0
    markup: int = 0
    scanned_to: int = 0
    good_end: tuple[int, bytes, int] | None = None  # (offset, closing tags, entries) of the last entry kept
    cut: tuple[int, bytes, int] | None = None
    over_markup: bool = False


def screen_feed(body: bytes, max_entries: int = MAX_ENTRIES_READ) -> Screened:
    """Refuse entity tricks and nesting deeper than `MAX_DEPTH`; keep the first `max_entries`
    entries, and no more of them than fit in `MAX_MARKUP` tags. Raises FetchError(REFUSED). Blocking."""
    scan = _scan(body, max_entries)
    if scan.cut is None and scan.markup + _markup(body[scan.scanned_to :]) > MAX_MARKUP:
        scan.cut, scan.over_markup = scan.good_end, True
        if scan.cut is None:
            raise _too_costly()
    if scan.cut is None:
        return Screened(body, scan.entries)
    offset, closers, kept = scan.cut
    note = f"the feed carries more than {MAX_MARKUP:,} tags; only its first {kept:,} entries were read"
    return Screened(body[:offset] + closers, scan.entries, cut=True, note=note if scan.over_markup else None)


def _markup(part: bytes) -> int:
    return len(_MARKUP.findall(part))


def _too_costly() -> FetchError:
    return FetchError(
        FailureKind.REFUSED, f"refused: the feed carries more than {MAX_MARKUP:,} tags before its first entry ends"
    )


def _scan(body: bytes, max_entries: int) -> _Scan:
    """One expat pass; a document that is not well-formed is scanned as far as it goes."""
    scan, stack = _Scan(), []
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    can_cut = not body.startswith(_UTF16_BOMS)

    def entity(name, is_parameter, value, base, system_id, public_id, notation):
        _check_entity(name, bool(is_parameter), value, system_id or public_id)

    def start(name, attributes):
        stack.append(name)
        if len(stack) > MAX_DEPTH:
            raise FetchError(
                FailureKind.REFUSED, f"refused: the feed nests elements more than {MAX_DEPTH} levels deep"
            )

    def end(name):
        stack.pop()
        if name.rpartition(":")[2].lower() not in _ENTRY_NAMES:
            return
        scan.entries += 1
        if scan.cut is not None or not can_cut:
            return
        offset = body.index(b">", parser.CurrentByteIndex) + 1
        scan.markup += _markup(body[scan.scanned_to : offset])
        scan.scanned_to = offset
        if scan.markup > MAX_MARKUP:
            scan.cut, scan.over_markup = scan.good_end, True
            if scan.cut is None:
                raise _too_costly()
            return
        closers = "".join(f"</{open_name}>" for open_name in reversed(stack)).encode("ascii", "ignore")
        scan.good_end = (offset, closers, scan.entries)
        if scan.entries == max_entries:
            scan.cut = scan.good_end

    parser.EntityDeclHandler = entity
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(body, True)
    except xml.parsers.expat.ExpatError:
        pass
    return scan


def _check_entity(name: str, is_parameter: bool, value: str | None, external: str | None) -> None:
    if value is None or is_parameter:
        where = f" ({external})" if external else ""
        raise FetchError(
            FailureKind.REFUSED,
            f"refused: the feed declares an external entity &{name};{where}; "
            "Pantau never reads files or addresses named inside a feed",
        )
    if _ENTITY_REFERENCE.search(value):
        raise FetchError(
            FailureKind.REFUSED,
            f"refused: the feed declares entity &{name}; built from other entities "
            "(an entity-expansion bomb, \"billion laughs\")",
        )
