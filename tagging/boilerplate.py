"""Page furniture that is not the article: related-article lines and tag lists.

"Baca juga: Polisi Bubarkan Demo Buruh di …" names another story's triggers, actors, places and dates; a
keyword line ("mogok kerja, pt abc, polres xyz") repeats the headline's words. Both are blanked before any
matcher runs, keeping every offset: each masked character becomes a space, line breaks stay.
"""

from __future__ import annotations

import re

from tagging.dates import metadata_dates

RELATED_RE = re.compile(
    r"^[ \t]*[(\[]?[ \t]*(?:(?:baca|simak|lihat|cek)(?:[ \t]+(?:juga|pula|selengkapnya))?[ \t]*[:：]"
    r"|(?:baca|simak|lihat)[ \t]+juga\b"
    r"|(?:berita|artikel|pos|tautan)[ \t]+(?:terkait|lainnya|terpopuler|populer|pilihan)\b"
    r"|(?:tags?|topik|kata kunci|label)[ \t]*[:：]).*$",
    re.IGNORECASE | re.MULTILINE)
HEADER_ONLY_RE = re.compile(
    r"[ \t]*[(\[]?[ \t]*(?:(?:baca|simak|lihat)(?:[ \t]+(?:juga|pula))?|(?:berita|artikel|pos|tautan)[ \t]+"
    r"(?:terkait|lainnya|terpopuler|populer|pilihan)|terpopuler|trending|paling banyak dibaca|"
    r"rekomendasi(?:[ \t]+untuk[ \t]+anda)?|pilihan editor|berita selanjutnya)"
    r"[ \t]*[:：]?[ \t]*[)\]]?[ \t]*", re.IGNORECASE)
"""A header standing alone over a list of other stories: 'Baca Juga', 'Berita Terkait', 'Terpopuler', 'Rekomendasi
untuk Anda', 'Pilihan Editor' (not 'Berita Terbaru' or 'Terkini': sites write their section's name above the
article's own headline)."""
HEADLINE_END_RE = re.compile(r"[.!?…\"”’'»:;,]\s*$")
KEYWORD_LINE_RE = re.compile(r"^[ \t]*[a-z0-9][a-z0-9 .'’-]*(?:,[ \t]?[a-z0-9][a-z0-9 .'’-]*){2,}[ \t]*$", re.MULTILINE)
HASHTAG_LINE_RE = re.compile(r"^[ \t]*#\w+(?:[ \t,]+#\w+)+[ \t]*$", re.MULTILINE)
LIST_ITEMS_AFTER_HEADER = 6
BULLET_RE = re.compile(r"^[ \t]*(?:[-•·▪►»]|>>?)[ \t]+(?P<line>[^\n]+?)[ \t]*$", re.MULTILINE)


def mask_boilerplate(text: str) -> str:
    """`text` with related-article lines (and the headlines under a bare 'Baca juga' or 'Berita terkait'
    header) and tag or keyword lists blanked; same length, same line breaks."""
    spans = [m.span() for m in RELATED_RE.finditer(text)]
    spans += [m.span() for m in KEYWORD_LINE_RE.finditer(text)]
    spans += [m.span() for m in HASHTAG_LINE_RE.finditer(text)] if "#" in text else []
    spans += headlines_under_headers(text)
    spans += other_stories(text)
    spans += headline_bullets(text)
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for k in range(start, end):
            if chars[k] != "\n":
                chars[k] = " "
    return "".join(chars)


def headlines_under_headers(text: str) -> list[tuple[int, int]]:
    """The lines under a header that stands alone ('Baca Juga:' then the linked headline on the next line),
    as long as they read as headlines: short, and not ending as a sentence or a quote does."""
    out = []
    bounds = line_bounds(text)
    for index, (start, end) in enumerate(bounds):
        if not HEADER_ONLY_RE.fullmatch(text, start, end):
            continue
        taken = 0
        for next_start, next_end in bounds[index + 1:]:
            line = text[next_start:next_end].strip()
            if not line:
                if taken:
                    break
                continue
            if len(line) > 160 or HEADLINE_END_RE.search(line) or taken == LIST_ITEMS_AFTER_HEADER:
                break
            out.append((next_start, next_end))
            taken += 1
    return out


def other_stories(text: str) -> list[tuple[int, int]]:
    """Other stories a page lists after the article, each under its own date line ('Rabu, 18 Februari 2026 | 13:37'
    below an article dated 27 November 2023): from the headline above the first date line more than a day away
    from the page's own, to the end. Their places and dates are not the article's."""
    stamps = sorted(metadata_dates(text), key=lambda d: d.span.start)
    foreign = next((d for d in stamps[1:] if abs((d.date - stamps[0].date).days) > 1), None)
    if foreign is None:
        return []
    start = headline_start(text, text.rfind("\n", 0, foreign.span.start) + 1)
    return [(start, len(text))] if start is not None else []


def headline_bullets(text: str) -> list[tuple[int, int]]:
    """Lists of other stories' headlines with no header ('- Ribuan Buruh Surabaya Bersemangat …'): two or more
    bullet lines in a row, each of five words or more, capitalised as headlines are and not ended as a sentence
    (a list of demands or a summary reads as sentences)."""
    runs: list[list[tuple[int, int]]] = []
    last_end = -1
    for m in BULLET_RE.finditer(text):
        if not reads_as_headline(m.group("line")):
            last_end = -1
            continue
        if last_end >= 0 and not text[last_end:m.start()].strip():
            runs[-1].append(m.span())
        else:
            runs.append([m.span()])
        last_end = m.end()
    return [span for run in runs if len(run) >= 2 for span in run]


def reads_as_headline(line: str) -> bool:
    words = line.split()
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return len(words) >= 5 and capitalised >= 0.7 * len(words) and not HEADLINE_END_RE.search(line)


def headline_start(text: str, line_start: int) -> int | None:
    """Where the headline block above a date line begins: after the last line that ends as a sentence does.
    None when no such line comes before (the date line is then the page's own, not another story's)."""
    bounds = [b for b in line_bounds(text[:line_start]) if text[b[0]:b[1]].strip()]
    start = line_start
    for line_from, line_to in reversed(bounds):
        if HEADLINE_END_RE.search(text, line_from, line_to):
            return start
        start = line_from
    return None


def line_bounds(text: str) -> list[tuple[int, int]]:
    bounds = []
    start = 0
    for m in re.finditer(r"\n", text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds
