"""Kabupaten/kota, kecamatan and provinces named in an article, resolved top-down.

Kabupaten versus kota is decided by the Kabupaten/Kota word, a kecamatan of one of them, or the official
(Bupati versus Wali Kota); bare names count less, police-unit areas only when nothing better names the place,
and the dateline never on its own (the corpus README: a dateline is not the event place; place_traps.csv).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from core.tags import Place, Span
from tagging import gazetteer, lexicon
from tagging.text import Token, abbreviation_before, matches_ignoring_case
from tagging.units import UnitMention

PREFIX_RE = re.compile(
    r"(?<!\w)(?P<prefix>Kabupaten Administrasi|Kota Administrasi|Pemerintah Kabupaten|Pemerintah Kota|"
    r"Pemkab|Pemkot|Kabupaten|Kab\.?|Kotamadya|Kota|Bupati|Wakil Bupati|Wabup|Wali ?[Kk]ota|Wakil Wali ?[Kk]ota|"
    r"Wawali)\s+", re.IGNORECASE)
PREFIX_LEAD_RE = re.compile(r"kab|kota|pemerintah|pemk|bupati|wakil|wabup|wali|wawali")
"""The words PREFIX_RE starts with, in lower case (text.matches_ignoring_case)."""
KECAMATAN_RE = re.compile(r"(?<!\w)(?:Kecamatan|Kec\.|Camat)\s+", re.IGNORECASE)
KECAMATAN_LEAD_RE = re.compile(r"kec|camat")
"""The words KECAMATAN_RE starts with, in lower case (text.matches_ignoring_case)."""
DATELINE_HEAD_RE = re.compile(r"(?P<head>[^\n]{2,90}?)(?:[ \t]{1,3}[-–—]{1,2}|[-–—]{1,2}(?=[ \t])|[ \t]{0,3}(?:\|\||:))"
                              r"[ \t]*(?=\S)")
DATELINE_PARTS_RE = re.compile(r"[ \t]*(?:,|\(|\)|\|\||//|\|)[ \t]*")
DATELINE_LINES = 30
TOP_SENTENCES = 3
"""A page's top has a headline, a summary and a caption that read as sentences; a dateline comes before a third
(after it the body has begun, and a dateline there is another story's or an item of a list)."""
BODY_SENTENCE_RE = re.compile(r"(?:\S+\s+){7,}\S*[.!?\"”]")
NAME_CONTEXT_RE = re.compile(
    r"(?:\b(?:Desa|Kelurahan|Kel\.|Kampung|Dusun|Jalan|Jalan Raya|Jl\.?|Jl\. Raya|Jln\.?|Gedung|Hotel|Universitas|Perumahan|Graha|PT|"
    r"Kecamatan|Kec\.|Kabupaten|Kota|Polsek|Polres|Polresta|Desa\s+\w+)\s+)$")
JAKARTA_AFTER_RE = re.compile(r"[\s,]+(?:\w+\s+){0,2}Jakarta")
PREPOSITION_RE = re.compile(r"(?:\b(?:di|ke|dari|wilayah|daerah|kawasan|se)\s*-?\s*)$", re.IGNORECASE)
BASE_WORDS = 4
"""The most words of a kab/kota name after its Kabupaten/Kota word ('Penukal Abab Lematang Ilir')."""
FOCUS_PROVINCES = ("31", "32", "36")
FORMER_RE = re.compile(r"\b(?:mantan|eks|bekas)\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
DESTINATION_RE = re.compile(r"\b(?:menuju(?: ke)?|bergerak ke|berangkat ke|bertolak ke|long ?march ke|konvoi ke|"
                            r"ke arah)\s+(?:[\w.-]+\s+){0,4}$", re.IGNORECASE)
GOVERNOR_RE = re.compile(
    r"(?<![\w-])(?:(?P<seat>yang\s+(?:berlokasi|beralamat|berkantor|berdomisili|berkedudukan|beroperasi)(?:\s+di)?)|"
    r"(?P<site>di(?:depan|halaman|kantor|kawasan|sekitar|lokasi|wilayah|seputaran)?|bertempat|berlokasi|"
    r"depan|halaman|pelataran|seputar|seputaran|sekitar|"
    r"mendatangi|didatangi|menggeruduk|geruduk|digeruduk|menyambangi|disambangi|mengepung|dikepung|menduduki|"
    r"diduduki|memadati|dipadati)"
    r"|(?P<origin>asal|dari|berasal)|ke|kepada|oleh|terhadap|untuk|bersama|dengan|menuju|antara|"
    r"membahas|dibahas|tentang|terkait|mengenai|perihal|soal)(?![\w-])",
    re.IGNORECASE)
"""The word that governs a place name: 'di' (and the press's 'didepan', 'dikantor'; a site word where the 'di' is
left out, 'berunjuk rasa depan Gedung Sate, Kota Bandung') and the verbs of coming to a
place to act there ('mendatangi', 'menggeruduk', 'menduduki' kantor Bupati X) place the words after them where
something happens; 'asal' and 'dari' where people come from; any other preposition nearer the name takes it out
of either ('aspirasi kepada Bupati Bogor', 'dilakukan oleh buruh Kabupaten Bogor'). Where a company or its
people are seated ('PT X yang berlokasi di Kabupaten Tangerang berunjuk rasa di Kemnaker') counts as where they
come from; a topic ('membahas UMK Kota Serang', 'terkait UMK Kabupaten Bekasi') is neither."""
QUALIFIER_RE = re.compile(r"[ \t]*,[ \t]*")
CLAUSE_BREAK_RE = re.compile(r"[.;:!?\n\"“”]")
BASIS_WEIGHT = {"explicit": 3.0, "official": 3.0, "kecamatan": 3.0, "area": 3.0, "police_site": 2.0, "bare": 1.0,
                "destination": 0.5, "police_unit": 0.5, "dateline": 0.2}
BASIS_CONFIDENCE = {"explicit": 0.95, "official": 0.9, "kecamatan": 0.9, "area": 0.85, "police_site": 0.8, "bare": 0.6,
                    "destination": 0.5, "police_unit": 0.5, "dateline": 0.3}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named at `span`, how it was named (`basis`), and what the words before it make of it (`role`):
    'site' where something happens ('di depan kantor Wali Kota Bekasi'), 'origin' where people come from
    ('buruh asal Kabupaten Bogor'), '' otherwise."""

    code: str
    span: Span
    basis: str
    role: str = ""


@dataclass(frozen=True)
class PlaceFindings:
    """All places of an article, the best one first, plus every mention for paragraph-level lookups."""

    places: tuple[Place, ...]
    mentions: tuple[PlaceMention, ...]
    main: Place | None

    def place_for(self, code: str) -> Place | None:
        return next((p for p in self.places if p.code == code), None)


def token_at(tokens: list[Token], offset: int) -> int | None:
    """The index of the token starting exactly at `offset`."""
    lo, hi = 0, len(tokens)
    while lo < hi:
        mid = (lo + hi) // 2
        if tokens[mid].start < offset:
            lo = mid + 1
        else:
            hi = mid
    return lo if lo < len(tokens) and tokens[lo].start == offset else None


def base_at(tokens: list[Token], text: str, i: int) -> tuple[str, int] | None:
    """The kab/kota base name starting at token i (in any case), and the token after it."""
    gaz = gazetteer.load()
    for n in range(min(BASE_WORDS, len(tokens) - i), 0, -1):
        words = tokens[i:i + n]
        if any(text[a.end:b.start] != " " for a, b in zip(words, words[1:])):
            continue
        phrase = " ".join(w.text for w in words)
        for candidate in (phrase, phrase.title()):
            if candidate in gaz.kabkota_by_base:
                return candidate, i + n
    return None


def kecamatan_at(tokens: list[Token], text: str, i: int) -> tuple[str, int] | None:
    """The kecamatan (official name) whose press spelling starts at token i, and the token after it: the longest
    of up to three words joined by single spaces. The words' compact forms are joined one at a time (compact
    of a phrase is its words' compact forms joined), and a join no kecamatan name starts with ends the search."""
    gaz = gazetteer.load()
    prefixes = gaz.kecamatan_prefixes
    keys = [gazetteer.compact(tokens[i].text)]
    if keys[0] not in prefixes:
        return None
    for k in range(i + 1, min(i + 3, len(tokens))):
        joined = keys[-1] + gazetteer.compact(tokens[k].text)
        if text[tokens[k - 1].end:tokens[k].start] != " " or joined not in prefixes:
            break
        keys.append(joined)
    for n in range(len(keys), 0, -1):
        name = gaz.kecamatan_compact.get(keys[n - 1])
        if name:
            return name, i + n
    return None


def pick_level(codes: tuple[str, ...], level: str) -> str | None:
    gaz = gazetteer.load()
    return next((c for c in codes if gaz.regions[c].level == level), None)


def explicit_mentions(text: str, tokens: list[Token]) -> list[PlaceMention]:
    """'Kabupaten Serang', 'Kota Bekasi', 'Pemkab Bekasi', 'Wakil Bupati Bekasi', 'Wali Kota Bekasi'."""
    gaz = gazetteer.load()
    out = []
    for m in matches_ignoring_case(PREFIX_LEAD_RE, PREFIX_RE, text):
        i = token_at(tokens, m.end())
        found = base_at(tokens, text, i) if i is not None else None
        if not found:
            continue
        base, after = found
        prefix = m.group("prefix").lower()
        is_kota = "kota" in prefix or prefix in ("pemkot", "wawali")
        codes = gaz.kabkota_by_base[base]
        code = pick_level(codes, "kota" if is_kota else "kabupaten")
        if code is None:
            continue
        basis = "official" if ("bupati" in prefix or "wali" in prefix or prefix == "wabup") else "explicit"
        end = tokens[after - 1].end
        out.append(PlaceMention(code, Span(m.start(), end, text[m.start():end]), basis))
    return out


@lru_cache(maxsize=4)
def dateline(text: str) -> tuple[int, Span] | None:
    """The dateline near the top of the text: where its line starts, and its place ('JAKARTA –', 'SERANG, BANPOS –',
    'TRIBUNBANTEN.COM, KOTA SERANG -', 'Semarang (Jawapost.net) –', 'Bandung, 4 November 2025 —',
    'Media Humas Polri // Serang'): a line whose head, before a dash, bar or colon (or the whole short line of an
    outlet and a place), is a few short parts of which one is a place name. A place alone on its line is a label
    or a heading, not a dateline."""
    start = 0
    sentences: set[str] = set()
    for _ in range(DATELINE_LINES):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        first = start + len(line) - len(line.lstrip())
        m = DATELINE_HEAD_RE.match(text, first, end) if first < end else None
        place = dateline_place(text, m.start("head"), m.end("head")) \
            if m and opens_a_lead(text, m, end, after_sentences=bool(sentences)) else None
        if place is None and first < end and len(line.strip()) <= 60:
            place = dateline_place(text, first, end, parts_at_least=2)
        if place:
            return start, place
        if BODY_SENTENCE_RE.fullmatch(line.strip()):
            sentences.add(line.strip())
        if end >= min(len(text), 1500) or len(sentences) >= TOP_SENTENCES:
            return None
        start = end + 1
    return None


def opens_a_lead(text: str, head: re.Match[str], end: int, after_sentences: bool) -> bool:
    """What follows a dateline's head opens the article's lead (or names its outlet), not another place
    ('Cimahi - Bandung', a route). A colon ends a dateline's head only at the top of the page, before any line
    that reads as a sentence: below one, 'Kabupaten Karawang: kantor bupati' is an item of a list."""
    if text[head.end("head"):head.end()].strip() == ":" and after_sentences:
        return False
    return not names_place(text[head.end():end].strip().rstrip(".,;"))


def dateline_place(text: str, start: int, end: int, parts_at_least: int = 1) -> Span | None:
    """The part of a dateline's head that names a place; None when the head reads as a sentence or has fewer
    parts than asked."""
    parts = []
    cursor = start
    for sep in DATELINE_PARTS_RE.finditer(text, start, end):
        parts.append((cursor, sep.start()))
        cursor = sep.end()
    parts.append((cursor, end))
    parts = [(a, b) for a, b in parts if text[a:b].strip()]
    if len(parts) < parts_at_least or len(parts) > 4 or any(len(text[a:b].split()) > 4 for a, b in parts):
        return None
    if len(parts) == 1 and end - start > 40:
        return None
    for a, b in parts:
        if names_place(text[a:b].strip()):
            return Span(a, b, text[a:b])
    return None


def names_place(words: str) -> bool:
    """'SERANG', 'Kota Serang', 'KAB. BEKASI', 'Cikarang Utara', 'Jawa Barat': a kab/kota, kecamatan or province."""
    gaz = gazetteer.load()
    if "." in words.rstrip(".") and not re.match(r"(?i)kab\.", words):
        return False
    core = re.sub(r"(?i)^(?:kota|kabupaten|kab\.?)\s+", "", words).title()
    return (core in gaz.kabkota_by_base or gaz.kecamatan_name(core) is not None
            or core.lower() in gaz.province_by_name)


def body_start(text: str) -> int:
    """Where the article's body begins: its dateline's line, else the start (headlines and captions come above)."""
    found = dateline(text)
    return found[0] if found else 0


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def inside_longer(span: Span, others: list[Span]) -> bool:
    """A kecamatan's name inside a longer kab/kota name ('Pinang' of Kota Tangerang in 'Pangkal Pinang')."""
    return any(o.start <= span.start and span.end <= o.end and o.end - o.start > span.end - span.start
               for o in others)


def inside(span: Span, others: list[Span]) -> bool:
    return any(o.start <= span.start and span.end <= o.end for o in others)


def bare_mentions(text: str, tokens: list[Token], taken: list[Span]) -> list[tuple[str, Span]]:
    """Kab/kota names without a Kabupaten/Kota word; word-like names only after a preposition."""
    gaz = gazetteer.load()
    lex = lexicon.load()
    out = []
    for index in (gaz.kabkota_names, gaz.kabkota_names_upper):
        for hit in index.find(tokens, text):
            span = Span(hit.start, hit.end, text[hit.start:hit.end])
            if inside(span, taken) or NAME_CONTEXT_RE.search(text, max(0, hit.start - 12), hit.start):
                continue
            if continues_name(tokens, text, hit.last):
                continue
            if hit.payload in lex.common_place_words and (
                    not PREPOSITION_RE.search(text, max(0, hit.start - 12), hit.start)
                    or JAKARTA_AFTER_RE.match(text, hit.end)):
                continue
            out.append((hit.payload, span))
    return out


def continues_name(tokens: list[Token], text: str, after: int) -> bool:
    """'Bitung Jaya', 'Medan Satria': a capitalised word right after a place name makes it a longer name."""
    if after >= len(tokens) or text[tokens[after - 1].end:tokens[after].start] != " ":
        return False
    word = tokens[after].text
    lex = lexicon.load()
    return word[0].isupper() and not word.isupper() and word not in lex.name_stopwords and word.lower() not in lex.days


def kecamatan_mentions(text: str, tokens: list[Token], parents: set[str], provinces: set[str]) -> list[PlaceMention]:
    """Kecamatan named after 'Kecamatan', or bare under a kab/kota (or province) the article already names. Bare ones
    are looked for only at capitalised words that begin some kecamatan's name (kecamatan_at's own first test, made
    once per word here rather than per call: a call for every token cost ~0.1 ms an article)."""
    gaz = gazetteer.load()
    lex = lexicon.load()
    out = []
    explicit_starts = set()
    for m in matches_ignoring_case(KECAMATAN_LEAD_RE, KECAMATAN_RE, text):
        i = token_at(tokens, m.end())
        found = kecamatan_at(tokens, text, i) if i is not None else None
        if not found:
            continue
        name, after = found
        code = choose_kecamatan(gaz.kecamatan_by_name[name], parents, provinces, explicit=True)
        if code:
            end = tokens[after - 1].end
            explicit_starts.add(tokens[i].start)
            out.append(PlaceMention(code, Span(m.start(), end, text[m.start():end]), "kecamatan"))
    prefixes = gaz.kecamatan_prefixes
    compact = gazetteer.compact
    free = 0
    for i in [k for k, t in enumerate(tokens) if t.text[0].isupper() and compact(t.text) in prefixes]:
        found = kecamatan_at(tokens, text, i) if i >= free else None
        if not found:
            continue
        name, after = found
        start, end = tokens[i].start, tokens[after - 1].end
        surface = text[start:end]
        free = after
        if start in explicit_starts or name in lex.common_place_words or name in gaz.kabkota_by_base:
            continue
        if not all(w[0].isupper() for w in surface.split()) or NAME_CONTEXT_RE.search(text, max(0, start - 12), start):
            continue
        code = choose_kecamatan(gaz.kecamatan_by_name[name], parents, provinces, explicit=False)
        if code:
            out.append(PlaceMention(code, Span(start, end, surface), "kecamatan"))
    return out


def choose_kecamatan(codes: tuple[str, ...], parents: set[str], provinces: set[str], explicit: bool) -> str | None:
    """Top-down: a kecamatan under a named kab/kota, else under a named province, else one whose name is unique in
    the country written after 'Kecamatan' (most are: 6,906 names for 7,285 kecamatan), else a unique one in focus."""
    gaz = gazetteer.load()
    under_parent = [c for c in codes if gaz.regions[c].kabkota_code in parents]
    if len(under_parent) == 1:
        return under_parent[0]
    if under_parent:
        return None
    under_province = [c for c in codes if c.split(".")[0] in provinces]
    if len(under_province) == 1 and explicit:
        return under_province[0]
    focus = [c for c in codes if c.split(".")[0] in FOCUS_PROVINCES]
    if len(codes) == 1 and (explicit or focus and len(gaz.regions[codes[0]].name) >= 6):
        return codes[0]
    if len(focus) == 1 and explicit:
        return focus[0]
    return None


def area_mentions(text: str, tokens: list[Token]) -> list[PlaceMention]:
    """Press names of areas that are no kecamatan ('Senayan, Jakarta'), counted only when the text also names
    their city: a landmark alone (Gedung DPR, Monas) names no area (place_areas.csv)."""
    gaz = gazetteer.load()
    return [PlaceMention(code, Span(hit.start, hit.end, text[hit.start:hit.end]), "area")
            for hit in gaz.areas.find(tokens, text)
            for code, requires in [hit.payload] if not requires or requires in text]


def province_mentions(text: str, tokens: list[Token]) -> list[PlaceMention]:
    gaz = gazetteer.load()
    return [PlaceMention(hit.payload, Span(hit.start, hit.end, text[hit.start:hit.end]), "explicit")
            for hit in gaz.province_names.find(tokens, text)]


def find_places(text: str, tokens: list[Token], units: list[UnitMention], people: list[Span] = ()) -> PlaceFindings:
    """Every place of the article, with the main kab/kota first; names inside `people` spans are not places."""
    gaz = gazetteer.load()
    unit_spans = [u.span for u in units] + list(people)
    found = dateline(text)
    line = found[1] if found else None
    mentions: list[PlaceMention] = [PlaceMention(m.code, m.span, "dateline") if line and inside(m.span, [line]) else m
                                    for m in explicit_mentions(text, tokens)]
    mentions += [a for a in area_mentions(text, tokens) if not overlaps(a.span, [m.span for m in mentions])]
    taken = [m.span for m in mentions] + unit_spans
    bare = unqualified(bare_mentions(text, tokens, taken), mentions, text)
    provinces = province_mentions(text, tokens)
    province_codes = {p.code for p in provinces}
    parents = {m.code for m in mentions}
    for base, _ in bare:
        parents.update(gaz.kabkota_by_base[base])
    parents.update(unit_kabkota(u) for u in units if u.code)
    longer = [span for _, span in bare]
    kecamatan = [k for k in kecamatan_mentions(text, tokens, parents, province_codes)
                 if not inside(k.span, unit_spans) and not inside_longer(k.span, longer)]
    mentions += kecamatan
    bare = [(base, span) for base, span in bare if not overlaps(span, [k.span for k in kecamatan])]
    decided = {gaz.regions[k.code].kabkota_code for k in kecamatan} | {m.code for m in mentions if m.code.count(".") == 1}
    for base, span in bare:
        basis = "dateline" if line and inside(span, [line]) else "bare"
        code = resolve_bare(base, decided, units)
        if code:
            mentions.append(PlaceMention(code, span, basis))
    mentions += [PlaceMention(u.code, u.span, police_basis(u, text)) for u in units
                 if u.code and not FORMER_RE.search(text, max(0, u.span.start - 40), u.span.start)]
    if line:
        mentions += dateline_places(line, decided)
    return assemble([with_role(as_destination(m, text), text) for m in mentions], provinces)


def police_basis(unit: UnitMention, text: str) -> str:
    """A police unit's area is a fallback place ('police_unit'), but where the text puts something at the unit's
    headquarters ('audiensi di Mapolres Serang', 'bertemu di Aula Polresta Tangerang') the headquarters are the
    site, and its area the place ('police_site')."""
    if unit.from_position or role_of(text, unit.span.start) != "site":
        return "police_unit"
    return "police_site"


def role_of(text: str, start: int) -> str:
    """'site', 'origin' or '' for a place named at `start`, from the nearest preposition before it in its clause
    (within 80 characters): a chain of places ('di depan pabrik, Desa X, Kecamatan Y, Kabupaten Z') stays under
    the 'di' that opens it."""
    floor = max(0, start - 80)
    for brk in CLAUSE_BREAK_RE.finditer(text, floor, start):
        if brk.group() != "." or not abbreviation_before(text, brk.start()):
            floor = brk.end()
    last = None
    for last in GOVERNOR_RE.finditer(text, floor, start):
        pass
    if last is None:
        return ""
    return "site" if last.group("site") else "origin" if last.group("origin") or last.group("seat") else ""


def with_role(mention: PlaceMention, text: str) -> PlaceMention:
    """The mention with its role; the same mention when that is its role already (most have none, and
    dataclasses.replace costs a few microseconds a mention)."""
    role = role_of(text, mention.span.start)
    return mention if role == mention.role else PlaceMention(mention.code, mention.span, mention.basis, role)


def unqualified(bare: list[tuple[str, Span]], named: list[PlaceMention], text: str) -> list[tuple[str, Span]]:
    """Bare names the article does not place inside another kab/kota: 'kawasan Bitung, Kabupaten Tangerang' makes
    Bitung an area of Kabupaten Tangerang (not Kota Bitung) wherever the article names it."""
    gaz = gazetteer.load()
    starts = {m.span.start: m.code for m in named if m.code.count(".") == 1}
    inner = set()
    for base, span in bare:
        after = QUALIFIER_RE.match(text, span.end)
        code = starts.get(after.end()) if after else None
        if code is not None and code not in gaz.kabkota_by_base[base]:
            inner.add(base)
    return [(base, span) for base, span in bare if base not in inner]


def as_destination(mention: PlaceMention, text: str) -> PlaceMention:
    """'berangkat menuju Kota Bandung', 'long march ke Kabupaten X': where a march or convoy goes is no event
    place of its own (the escort or the departure happened where it set off); it counts as little as a police
    unit's area, so the place it left from wins."""
    if mention.basis in ("explicit", "bare", "area") and DESTINATION_RE.search(text, max(0, mention.span.start - 50),
                                                                             mention.span.start):
        return PlaceMention(mention.code, mention.span, "destination")
    return mention


def resolve_bare(base: str, decided: set[str], units: list[UnitMention]) -> str | None:
    """A shared name goes to whichever of Kabupaten/Kota the article otherwise names, else a police unit's area,
    else the Kota (a bare city name in the press usually means the city)."""
    gaz = gazetteer.load()
    codes = gaz.kabkota_by_base[base]
    if len(codes) == 1:
        return codes[0]
    named = [c for c in codes if c in decided]
    if len(named) == 1:
        return named[0]
    policed = [c for c in codes if any(unit_kabkota(u) == c for u in units if u.code)]
    if len(policed) == 1:
        return policed[0]
    return pick_level(codes, "kota")


def unit_kabkota(unit: UnitMention) -> str | None:
    """The kab/kota of a unit's area (a Polsek's area is a kecamatan)."""
    return gazetteer.load().regions[unit.code].kabkota_code if unit.code else None


def dateline_places(dateline: Span, decided: set[str]) -> list[PlaceMention]:
    gaz = gazetteer.load()
    word = dateline.text.strip().title()
    if word in gaz.kabkota_by_base or word.lower() in gaz.province_by_name:
        return []
    if word in gaz.kecamatan_by_name:
        code = choose_kecamatan(gaz.kecamatan_by_name[word], decided, set(), explicit=False)
        if code:
            return [PlaceMention(code, dateline, "dateline")]
    return []


def assemble(mentions: list[PlaceMention], provinces: list[PlaceMention]) -> PlaceFindings:
    """Group mentions by kab/kota; police units only when nothing better names a place; a dateline only adds to a
    place named otherwise."""
    by_kabkota = by_kabupaten_kota(mentions)
    order = ranked(by_kabkota)
    places: list[Place] = []
    for code in order:
        group = by_kabkota[code]
        kab_mentions = [m for m in group if m.code == code]
        best = max(kab_mentions or group, key=lambda m: (BASIS_WEIGHT[m.basis], -m.span.start))
        places.append(make_place(code, best.span if kab_mentions else group[0].span,
                                 best.basis if kab_mentions else "kecamatan"))
        for kec_code in dict.fromkeys(m.code for m in group if m.code != code):
            first = next(m for m in group if m.code == kec_code)
            places.append(make_place(kec_code, first.span, first.basis))
    if not places:
        for code in dict.fromkeys(p.code for p in provinces):
            first = next(p for p in provinces if p.code == code)
            places.append(make_place(code, first.span, "explicit"))
    main = next((p for p in places if p.level in ("kabupaten", "kota")), None)
    return PlaceFindings(tuple(places), tuple(mentions) + tuple(provinces), main)


def by_kabupaten_kota(mentions: list[PlaceMention]) -> dict[str, list[PlaceMention]]:
    gaz = gazetteer.load()
    out: dict[str, list[PlaceMention]] = defaultdict(list)
    for m in mentions:
        out[gaz.regions[m.code].kabkota_code or m.code].append(m)
    return out


def ranked(by_kabkota: dict[str, list[PlaceMention]]) -> list[str]:
    """The kab/kota named, the best evidenced first: the sum of their mentions' weights, police units only when
    nothing better names a place, a kecamatan deciding between a Kabupaten and a Kota of one name."""
    strong = {c for c, ms in by_kabkota.items()
              if any(m.basis in ("explicit", "official", "kecamatan", "area", "police_site", "bare", "destination")
                     for m in ms)}
    if not strong:
        strong = {c for c, ms in by_kabkota.items() if any(m.basis == "police_unit" for m in ms)}
    scores = {c: sum(weight(m) for m in by_kabkota[c]) for c in strong}
    return twin_by_kecamatan(sorted(strong, key=lambda c: (-scores[c], min(m.span.start for m in by_kabkota[c]))),
                             by_kabkota)


def weight(mention: PlaceMention) -> float:
    """What a mention counts for its kab/kota: by how it names the place, halved where it says where people come
    from ('buruh asal Kabupaten Bogor')."""
    return BASIS_WEIGHT[mention.basis] * (0.5 if mention.role == "origin" else 1.0)


def best_kabupaten_kota(mentions: list[PlaceMention]) -> str | None:
    """The kab/kota these mentions name best (ranked), None when they name none."""
    order = ranked(by_kabupaten_kota(mentions))
    gaz = gazetteer.load()
    return next((c for c in order if gaz.regions[c].level in ("kabupaten", "kota")), None)


def twin_by_kecamatan(order: list[str], by_kabkota: dict[str, list[PlaceMention]]) -> list[str]:
    """Between a Kabupaten and a Kota of one name, a kecamatan of only one of them decides (DOMAIN.md: a
    kecamatan mention decides, whatever the count of 'Kabupaten X' in office and union names)."""
    if not order:
        return order
    gaz = gazetteer.load()
    top = order[0]
    twins = [c for c in gaz.kabkota_by_base[gaz.regions[top].base] if c != top and c in order]
    if len(twins) != 1:
        return order
    with_kecamatan = [c for c in (top, twins[0]) if any(m.code != c and m.basis == "kecamatan" for m in by_kabkota[c])]
    if with_kecamatan == twins:
        return [twins[0]] + [c for c in order if c != twins[0]]
    return order


def make_place(code: str, span: Span, basis: str) -> Place:
    gaz = gazetteer.load()
    region = gaz.regions[code]
    precision = {"kecamatan": 1, "kabupaten": 2, "kota": 2, "province": 3}[region.level]
    return Place(
        name=region.name if region.level != "kecamatan" else f"Kecamatan {region.name}",
        code=code,
        level=region.level,
        province=gaz.province_name(code),
        precision=precision,
        span=span,
        basis=basis,
        confidence=BASIS_CONFIDENCE[basis],
        parent_code=region.kabkota_code if region.level == "kecamatan" else None,
    )
