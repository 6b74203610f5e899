"""Police units named with their area: 'Polres Serang', 'Mapolresta Tangerang', 'Kapolda Banten'.

Actors take the unit from here, places take the unit's area as a fallback (geo_precision 2) only.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from core.tags import Span
from tagging import gazetteer, lexicon
from tagging.text import Token, led_matches, lowers_in_place

HEAD_RE = re.compile(r"^(?:Ma|Ka|Waka)?([Pp]ol(?:restabes|restro|resta|res|sekta|sek|da))$"
                     r"|^(?:MA|KA|WAKA)?(POL(?:RESTABES|RESTRO|RESTA|RES|SEKTA|SEK|DA))$")
"""A unit head; 'Polrestro' is the press's Polres Metro ('Polrestro Bekasi')."""
HEAD_SCAN_RE = re.compile(r"(?<!\w)(?:Ma|Ka|Waka|MA|KA|WAKA)?(?:[Pp]ol|POL)")
"""Where a unit head may start: HEAD_RE is tried on the tokens there only."""
HEAD_LEAD_RE = re.compile(r"mapol|kapol|wakapol|pol")
"""What HEAD_SCAN_RE starts with, in lower case, to find where it may match in the lowered text (text.led_matches):
its lookbehind makes a scan try every offset (~0.07 ms an article against ~0.02)."""
WRITTEN_HEAD_RE = re.compile(r"(?<!\w)Kepolisian[ \t]+(?:(Resort|Resor)(?:[ \t]+(Kota)(?:[ \t]+(Besar))?)?|(Daerah)|(Sektor))"
                             r"(?:[ \t]*\([A-Za-z]+\))?(?:[ \t]+Kabupaten(?=[ \t]))?")
"""A unit written out: 'Kepolisian Resor (Polres) Jepara', 'Kepolisian Resor Kota Besar Surabaya', 'Kepolisian Daerah
Banten', 'Kepolisian Sektor Ciruas', 'Kepolisian Resor Kabupaten Bekasi'."""
WRITTEN_LEAD_RE = re.compile(r"Kepolisian")
"""What WRITTEN_HEAD_RE starts with (text.led_matches)."""
NATIONAL_RE = re.compile(
    r"(?<!\w)(?:Mabes Polri|Bareskrim Polri|Bareskrim|Desk Ketenagakerjaan Polri|Desk Ketenagakerjaan|"
    r"Desk Tenaga Kerja|Korbrimob Polri|Baharkam Polri|Baintelkam Polri|Divisi Humas Polri|Polri)(?!\w)"
)
NATIONAL_LEAD_RE = re.compile(r"Mabes|Bareskrim|Desk|Korbrimob|Baharkam|Baintelkam|Divisi|Polri")
"""The words NATIONAL_RE starts with, to find where it may match (text.led_matches)."""
SHORT_AFTER_RE = re.compile(r"[ \t]*\((Pol[a-z]+)[ \t]+([A-Z][\w ]{1,30})\)")
"""The short name in brackets after a unit written out: 'Kepolisian Daerah Kalimantan Timur (Polda Kaltim)'."""
AREA_WORD_RE = re.compile(r"^(?:[A-Z][a-z'’-]+|[A-Z]{2,})$")


@dataclass(frozen=True, slots=True)
class UnitMention:
    """A unit such as 'Polres Serang' (type Polres, area Serang) at `span`; `code` is the kab/kota it implies."""

    span: Span
    name: str
    unit_type: str
    area: str | None
    code: str | None
    from_position: bool


def area_tokens(tokens: list[Token], text: str, i: int, unit_type: str | None = None) -> list[Token]:
    """The capitalised words after a unit head (token i, or the words from token i of a unit written out, whose
    `unit_type` is given) that name its area, stopping at ranks, names and sentence ends."""
    lex = lexicon.load()
    out: list[Token] = []
    j = i if unit_type else i + 1
    while j < len(tokens) and len(out) < 4:
        gap = text[tokens[j - 1].end:tokens[j].start] if j > 0 else " "
        word = tokens[j].text
        if (out or not unit_type) and (gap.strip() or "\n" in gap) or not AREA_WORD_RE.match(word):
            break
        if word in lex.ranks or word in lex.positions or word in lex.name_stopwords - {"Kota"}:
            break
        out.append(tokens[j])
        j += 1
    return trim_area(out, unit_type or unit_head(tokens[i].text))


def unit_head(word: str) -> str:
    """'Kapolresta' -> 'Polresta', 'Mapolres' -> 'Polres', 'POLRES' -> 'Polres', 'Polrestro' -> 'Polres'."""
    m = HEAD_RE.match(word)
    head = "P" + (m.group(1) or m.group(2))[1:].lower() if m else word
    return "Polres" if head == "Polrestro" else head


def area_name(words: list[Token]) -> str:
    """The area as a name: 'Serang', 'Metro Bekasi Kota'; written in capitals ('POLRES SERANG'), in title case."""
    return " ".join(w.text.title() if w.text.isupper() and len(w.text) > 3 else w.text for w in words)


def trim_area(words: list[Token], unit_type: str) -> list[Token]:
    """Keep the longest prefix that names a known place ('Serang Kota', 'Metro Bekasi') or a unit of
    police_unit_areas.csv ('Pelabuhan Tanjung Perak'); else the first word."""
    gaz = gazetteer.load()
    lex = lexicon.load()
    texts = [w.text for w in words]
    for n in range(len(texts), 0, -1):
        core = [t for t in texts[:n] if t not in ("Metro", "Kota")]
        if not core:
            continue
        phrase = " ".join(core)
        known = (phrase in gaz.kabkota_by_base or phrase.title() in gaz.kabkota_by_base
                 or gaz.kecamatan_name(phrase) or phrase == "Metro Jaya" or is_province(phrase)
                 or f"{unit_type} {' '.join(texts[:n])}" in lex.unit_areas)
        if known:
            return words[:n]
    if texts and texts[0] == "Metro" and len(texts) > 1:
        return words[:2]
    return words[:1]


def known_area(area: str, unit_type: str) -> bool:
    """'Serang', 'Metro Bekasi Kota', 'Banten': an area, not a name ('Kapolres Condro' is a person)."""
    gaz = gazetteer.load()
    core = " ".join(w for w in area.split() if w not in ("Metro", "Kota"))
    return bool(core) and (core in gaz.kabkota_by_base or gaz.kecamatan_name(core) is not None or is_province(core)
                           or area == "Metro Jaya" or f"{unit_type} {area}" in lexicon.load().unit_areas)


def is_province(phrase: str) -> bool:
    return phrase.lower() in gazetteer.load().province_by_name


def find_units(text: str, tokens: list[Token]) -> list[UnitMention]:
    """Every police unit with an area, from unit words and from positions such as Kapolres."""
    out: list[UnitMention] = []
    starts = [t.start for t in tokens]
    low = text.lower()
    heads = led_matches(HEAD_LEAD_RE, HEAD_SCAN_RE, text, low) if lowers_in_place(text, low) \
        else HEAD_SCAN_RE.finditer(text)
    for head in heads:
        i = bisect_left(starts, head.start())
        token = tokens[i] if i < len(tokens) else None
        if token is None or token.start != head.start() or not HEAD_RE.match(token.text):
            continue
        unit_type = unit_head(token.text)
        k = after_kabupaten(tokens, text, i)
        words = area_tokens(tokens, text, i) if k is None else area_tokens(tokens, text, k, unit_type)
        if unit_type == "Polda" and words and words[0].text == "Metro" and len(words) == 1:
            continue
        if not words:
            continue
        from_position = token.text.startswith(("Ka", "Waka", "KA", "WAKA"))
        area = area_name(words)
        if token.text.lower().endswith("restro") and not area.startswith("Metro"):
            area = f"Metro {area}"
        if (from_position or token.text.isupper()) and not known_area(area, unit_type):
            continue
        name = f"{unit_type} {area}"
        span = Span(token.start, words[-1].end, text[token.start:words[-1].end])
        out.append(UnitMention(span, name, unit_type, area, area_code(unit_type, area),
                               from_position=from_position))
    out += written_units(text, tokens)
    for m in led_matches(NATIONAL_LEAD_RE, NATIONAL_RE, text):
        out.append(UnitMention(Span(m.start(), m.end(), m.group()), normalise_national(m.group()),
                               "national", None, None, from_position=False))
    return out


def after_kabupaten(tokens: list[Token], text: str, i: int) -> int | None:
    """The token after 'Kabupaten' or 'Kab.' written between a unit head (token i) and its area ('Polres Kabupaten
    Malang', 'Kapolres Kab. Kepulauan Meranti'): the area is the kabupaten's."""
    if i + 2 >= len(tokens) or tokens[i + 1].text not in ("Kabupaten", "Kab") \
            or text[tokens[i].end:tokens[i + 1].start] != " " \
            or text[tokens[i + 1].end:tokens[i + 2].start] not in (" ", ". "):
        return None
    return i + 2


def written_units(text: str, tokens: list[Token]) -> list[UnitMention]:
    """Units written out ('Kepolisian Resor Serang'), with the area after the head as units have it."""
    out: list[UnitMention] = []
    if "Kepolisian " not in text:
        return out
    starts = [t.start for t in tokens]
    for m in led_matches(WRITTEN_LEAD_RE, WRITTEN_HEAD_RE, text):
        resor, kota, besar, daerah, sektor = m.groups()
        unit_type = ("Polda" if daerah else "Polsek" if sektor else "Polrestabes" if besar else "Polresta" if kota
                     else "Polres")
        k = bisect_left(starts, m.end() + 1)
        if k == len(tokens) or starts[k] != m.end() + 1 or text[m.end()] not in " \t":
            continue
        words = area_tokens(tokens, text, k, unit_type)
        area = area_name(words)
        if not words or not known_area(area, unit_type):
            continue
        span = Span(m.start(), words[-1].end, text[m.start():words[-1].end])
        short = SHORT_AFTER_RE.match(text, words[-1].end)
        if short and short.group(1) == unit_type:
            area = short.group(2)
        out.append(UnitMention(span, f"{unit_type} {area}", unit_type, area, area_code(unit_type, area),
                               from_position=False))
    return out


def normalise_national(name: str) -> str:
    if name.startswith("Desk"):
        return "Desk Ketenagakerjaan Polri"
    if name == "Bareskrim":
        return "Bareskrim Polri"
    return name


def area_code(unit_type: str, area: str) -> str | None:
    """The kab/kota a Polres-level unit serves (the table of seeds/lexicons first, then the name); for a Polsek
    the kecamatan it is named after, when only one kecamatan has that name."""
    if unit_type == "Polda":
        return None
    lex = lexicon.load()
    gaz = gazetteer.load()
    if unit_type in ("Polsek", "Polsekta"):
        name = gaz.kecamatan_name(" ".join(w for w in area.split() if w != "Metro"))
        codes = gaz.kecamatan_by_name.get(name, ()) if name else ()
        return codes[0] if len(codes) == 1 else None
    name = f"{unit_type} {area}"
    if name in lex.unit_areas:
        return lex.unit_areas[name]
    words = area.split()
    is_kota = unit_type == "Polrestabes" or words[-1] == "Kota"
    core = " ".join(w for w in words if w not in ("Metro", "Kota"))
    codes = gaz.kabkota_by_base.get(core, ())
    if len(codes) == 1:
        return codes[0]
    wanted = "kota" if is_kota or unit_type == "Polresta" else "kabupaten"
    for code in codes:
        if gaz.regions[code].level == wanted:
            return code
    return None
