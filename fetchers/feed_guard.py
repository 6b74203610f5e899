"""A quick look at a feed document before feedparser reads it.

feedparser already ignores external entities and drops entity declarations that expand into
other entities, but it does so silently, and its cost grows with every tag it meets (about half
a millisecond each here), so a hostile feed could keep a worker busy for minutes. One pass of
expat (C, no entity expansion, no network, no files) refuses entity tricks and absurd nesting
with a message that says what was found, counts the entries, and cuts a feed with too many of
them down to its first ones; a crude tag count bounds what is left for feedparser.
"""

import re
import xml.parsers.expat
from dataclasses import dataclass

from fetchers.errors import FailureKind, FetchError

MAX_DEPTH = 64
MAX_ENTRIES_READ = 1000
MAX_MARKUP = 60_000
_ENTRY_NAMES = frozenset({"item", "entry"})
_ENTITY_REFERENCE = re.compile(r"[&%][A-Za-z_:]")
_MARKUP = re.compile(rb"<[A-Za-z/!?]|&lt;[A-Za-z/!?]", re.IGNORECASE)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class Screened:
    """The document feedparser may read, and how many entries the original listed."""

    body: bytes
    entries: int
    cut: bool = False


@dataclass
class _Scan:
    depth: int = 0
    entries: int = 0
    cut_at: int | None = None
    closers: bytes = b""


def screen_feed(body: bytes, max_entries: int = MAX_ENTRIES_READ) -> Screened:
    """Refuse entity tricks, nesting deeper than `MAX_DEPTH` and more than `MAX_MARKUP` tags;
    keep the first `max_entries` entries. Raises FetchError(REFUSED). Blocking."""
    scan = _scan(body, max_entries)
    kept = body if scan.cut_at is None else body[: scan.cut_at] + scan.closers
    markup = len(_MARKUP.findall(kept))
    if markup > MAX_MARKUP:
        raise FetchError(
            FailureKind.REFUSED,
            f"refused: the feed carries {markup:,} tags (more than {MAX_MARKUP:,}), too costly to read",
        )
    return Screened(kept, scan.entries, cut=scan.cut_at is not None)


def _scan(body: bytes, max_entries: int) -> _Scan:
    """One expat pass; a document that is not well-formed is scanned as far as it goes."""
    scan, stack = _Scan(), []
    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)

    def entity(name, is_parameter, value, base, system_id, public_id, notation):
        _check_entity(name, bool(is_parameter), value, system_id or public_id)

    def start(name, attributes):
        stack.append(name)
        scan.depth = max(scan.depth, len(stack))
        if len(stack) > MAX_DEPTH:
            raise FetchError(
                FailureKind.REFUSED, f"refused: the feed nests elements more than {MAX_DEPTH} levels deep"
            )

    def end(name):
        stack.pop()
        if name.rpartition(":")[2].lower() not in _ENTRY_NAMES:
            return
        scan.entries += 1
        if scan.entries == max_entries and not body.startswith(_UTF16_BOMS):
            scan.cut_at = body.index(b">", parser.CurrentByteIndex) + 1
            scan.closers = "".join(f"</{open_name}>" for open_name in reversed(stack)).encode("ascii", "ignore")

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
