"""Markup to plain text: one line for titles and summaries, paragraphs for article bodies."""

import html
import re

import lxml.html
from lxml import etree

_TAG = re.compile(r"<[a-zA-Z/!?]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table tr ul".split()
)
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "iframe"})
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` without what no database column can hold: NUL characters and lone surrogates.

    Everything else a feed sends is kept; making text safe to show is the display's job.
    """
    return _UNSTORABLE.sub("", text)


def plain_text(fragment: str | None) -> str:
    """A title or summary as one line of text: tags dropped, entities decoded, spaces collapsed."""
    if not fragment:
        return ""
    text = html_to_text(fragment) if _TAG.search(fragment) else storable(html.unescape(fragment))
    return " ".join(text.split())


def html_to_text(fragment: str | None) -> str:
    """An HTML fragment as text, one paragraph per line, so feed content reads like extracted text."""
    if not fragment or not fragment.strip():
        return ""
    fragment = storable(fragment)
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return storable(_SPACES.sub(" ", html.unescape(fragment)).strip())
    parts: list[str] = []
    _walk(root, parts)
    lines = (_SPACES.sub(" ", line).strip() for line in storable("".join(parts)).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _INVISIBLE:
        parts.append(element.tail or "")
        return
    block = tag.lower() in _BLOCKS
    if block:
        parts.append("\n")
    if isinstance(element.tag, str):
        parts.append(element.text or "")
        for child in element:
            _walk(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")
