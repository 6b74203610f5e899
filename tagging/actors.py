"""Actors named in an article: police officers and units, labour organisations, officials, companies, persons.

Police officers are anchored on their rank ("Kapolres Serang AKBP Condro Sasongko": position, unit, rank,
name); officials and union or company people on their role. Titles are stripped from names but kept on the
mention. Later short references ("Bapak Condro", "Kapolres", "Asep") become further mentions of the actor
named in full.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from core.tags import Actor, Mention, Span
from tagging import gazetteer, lexicon, unions
from tagging.text import Hit, PhraseIndex, Token, in_title_case, led_matches
from tagging.units import UnitMention

NAME_WORD_RE = re.compile(r"^(?:[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)?|[A-Z]|[A-Z][a-z]?\.?)$")
VERB_PREFIX_RE = re.compile(r"^(?:Meng|Meny|Mem[bp]|Men[dgjcyt]|Mel[aiu]k|Mer[ae]|Ber[a-z]{3,}|Di[a-z]{4,}(?:kan|i)|"
                            r"Ter[a-z]{3,}|Se[a-z]+nya)[a-z]*$")
VERB_SUFFIX_RE = re.compile(r"^[A-Z][a-z]{3,}(?:kan|lah)$")
"""A headline's bare verb ('Bubarkan', 'Lakukan'): no name."""
COMPANY_RE = re.compile(r"(?<!\w)(?:PT|CV)\.?[ \t]+(?:(?:[A-Z][\w'’&.-]*|and|&|"
                        r"dan(?=[ \t]+[A-Z][a-z]+[ \t]+(?:Tbk|Indonesia)))[ \t]*){1,7}")
COMPANY_LEAD_RE = re.compile(r"PT|CV")
"""What COMPANY_RE starts with, to find where it may match (text.led_matches)."""
COMPANY_STOP = {"Kabupaten", "Kota", "Kecamatan", "Desa", "Jalan", "Jl", "Kawasan", "Senin", "Selasa", "Rabu", "Kamis",
                "Jumat", "Sabtu", "Minggu", "Di", "Yang", "Dan", "Untuk", "Dengan", "Pada", "Ia", "Dia", "Mereka",
                "Pekerja", "Buruh", "Karyawan", "Perusahaan", "Plant", "Pabrik"}
"""Words that end a company's name: an area, a site or an address ('PT X Kawasan Industri ...', 'PT X Plant 2'),
a day, a joining word, a pronoun or the company's people opening the next sentence or clause ('PT X Pekerja ...',
'PT X Ia ...')."""
JURISDICTION_RE = re.compile(r"\s+((?:Kabupaten|Kota|Provinsi)\s+)?([A-Z][a-z]+(?:\s+(?:Barat|Timur|Utara|Selatan|Tengah|"
                             r"Raya|Jaya))?)")
QUOTE_RE = re.compile(r"“[^”]*”|\"[^\"\n]*\"")
UNIT_GAP_RE = re.compile(r"[ \t]|[ \t]*,[ \t]*")
UNIT_LEVELS = {"Polsek": 1, "Polsekta": 1, "Polres": 2, "Polresta": 2, "Polrestabes": 2, "Polda": 3}
FORMER_POST_RE = re.compile(r"\b(?:mantan|eks|bekas)\s+(?:\S+\s+){1,3}$", re.IGNORECASE)
PREDECESSOR_BEFORE_RE = re.compile(
    r"\b(?:menggantikan|pengganti(?:nya)?|sebelumnya\b[^.\n]{0,40}?"
    r"\b(?:dijabat|diemban)(?:\s+oleh)?)\s+$", re.IGNORECASE)
"""Words that make the officer after them the one a new post holder took over from ('Condro menggantikan AKBP
Y', 'sebelumnya jabatan itu diemban AKBP Y'): no part of today's event. A retired officer who is there ('mantan
Kapolda ... hadir') is named as one."""
AREA_OF_RE = re.compile(r"\b(?:wilayah|diwilayah|daerah hukum|wilayah hukum)\s+$", re.IGNORECASE)
POSITION_AFTER_RE = re.compile(r"[ \t]*,[ \t]*(?=[A-Z])|"
                               r"[ \t]*,?[ \t]*(?:selaku|sebagai|yang juga|yang menjabat(?: sebagai)?)[ \t]+")
APPOSITION_END_RE = re.compile(r"(?:[ \t]+[A-Z][\w-]*){0,3}[ \t]*[,.]")
RANK_LIKE_RE = re.compile(r"(?<![\w.])[A-Z]{3,6}(?![\w.])")
BARE_RANKS = ("Jenderal", "Brigadir", "Komisaris", "Inspektur Jenderal", "Brigadir Jenderal")
"""Ranks that are also common words, a ministry's inspector general or a TNI rank: ranks only after a police post or
unit."""
INITIALS_RE = re.compile(r"^[A-Z]{2,3}$")
CAPITALS_RE = re.compile(r"^[A-Z]{3,}$")
DOTTED_INITIALS_RE = re.compile(r"^[A-Z](?:\.[A-Z])+$")
NOT_INITIALS = frozenset({"PT", "CV", "RI", "TNI", "WIB", "NRP", "NIP", "NIK"})
"""Capitals after a name that are no initials: a company, the state, the army, a time zone, a staff number."""
PARTICLES = frozenset({"bin", "binti"})
"""Lower-case words inside a name ('Muhammad Ridwan bin Abdullah')."""
NAME_WORDS = 6
"""The most words a name is read to ('I Dewa Putu Gede Anom Danujaya')."""
GLUED_TITLE_RE = re.compile(r"^([A-Z][a-z'’]+)\.([A-Z][\w.]*)$")
NOT_A_POSITION_BEFORE = re.compile(r"(?:Penasehat|Penasihat|Staf Ahli|Staf Khusus|eks|mantan)\s+$", re.IGNORECASE)
FACTION_RE = re.compile(r"\s+(?:pimpinan|kubu|versi)\s+((?:[A-Z][a-z]+\s?){1,3})")
PLACE_WORD_BEFORE_RE = re.compile(r"(?:Gedung|Kantor|Sekretariat|Pendopo|Peraturan|Perbup|Perwal|"
                                  r"(?i:rumah dinas|rumah jabatan|rumdin|rumjab|jalan|jl\.?|istana))\s+$")
"""A post that names a building, a street or a document, not its holder taking part: 'Gedung DPRD' in an address,
'Rumjab Bupati', 'Jalan Gubernur Suryo', 'Istana Presiden', 'Perbup'. An office in lower case ('aksi di kantor
Bupati') stays: those who work there are what the action is aimed at."""
BODY_ROLES = {"Kemnaker", "Komisi IX DPR RI", "DPR RI", "Disnaker", "PHI", "Dewan Pengupahan", "LKS Tripartit", "DPRD",
              "Forkopimda", "Forkopimcam", "Mediator HI"}
REFERENCE_PREFIXES = ("Bapak", "Pak", "Ibu", "Bu", "Saudara", "Sdr")
REFERENCE_PREFIX_RE = re.compile(r"(?:" + "|".join(REFERENCE_PREFIXES) + r")\s+$")
NATIONAL_UNITS = {"Kapolri": "Mabes Polri", "Wakapolri": "Mabes Polri", "Kabareskrim": "Bareskrim Polri",
                  "Dirtipidter": "Bareskrim Polri", "Kadiv Humas Polri": "Mabes Polri", "Kadiv Propam": "Mabes Polri",
                  "Kabaintelkam": "Mabes Polri", "Kabaharkam": "Mabes Polri"}
NON_LABOUR_ORGS = {"ILO", "SPI"}
WORKERS_OF_FIRM_RE = re.compile(r"(?<!\w)((?i:karyawan|buruh|pekerja|sopir|supir|pegawai))"
                                r"((?:[ \t]+(?:[a-z]+|\([A-Z]{2,6}\))){0,3}?)[ \t]+(?:(?:di|dari)[ \t]+)?$")
"""Workers written before their company, with up to three words that say which ('buruh pabrik garmen PT X',
'pekerja harian lepas (BHL) PT X', 'karyawan di PT X')."""
NOT_A_QUALIFIER_RE = re.compile(r"(?:me|ber|ter|di)[a-z]{3,}|yang|dan|atau|di|ke|dari|pada|untuk|kepada|terhadap|"
                                r"dengan|oleh|bersama|serta|tidak|akan|sudah|telah|juga|mereka|itu|ini|tersebut|asal|"
                                r"bukan|depan|dalam|luar|sekitar|gerbang|kantor|kawasan|halaman|lokasi|area|gedung")
"""Words between workers and a company that make the company something else than their employer ('buruh
mendatangi PT X', 'pekerja yang dirumahkan', 'buruh dan PT X', 'buruh di depan PT X')."""
WORKERS_ACTION_RE = re.compile(r"\b(?:mogok|unjuk rasa|unjukrasa|demo|berdemo|demonstrasi|protes|berunjuk|orasi|"
                               r"aksi(?!\s+(?:sosial|donor|bersih|tanam|kemanusiaan|peduli|berbagi|bagi|penghijauan))|"
                               r"blokade|memblokade|memblokir|menuntut|mendatangi|menggeruduk|melaporkan|melapor|"
                               r"mengadu|mengadukan|menagih|memprotes|menyuarakan)\b", re.IGNORECASE)
"""What workers of a company do as workers: act, demand, or take their case to the police ('Perwakilan buruh PT X
melaporkan dugaan penahanan ijazah ke Polres', 'pekerja PT X mengadu ke Polres')."""
EMPLOYER_ORGS = {"APINDO"}
FOREIGN_POLICE_RE = re.compile(
    r"\s+(?:(?:Diraja|Kerajaan|Federal|Nasional)\s+)?(?:Malaysia|Hong\s?Kong|Taiwan|Singapura|Singapore|Arab\s+Saudi|"
    r"Saudi|Korea(?:\s+Selatan)?|Korsel|Jepang|Brunei|Australia|Amerika(?:\s+Serikat)?|AS|Thailand|Filipina|"
    r"Kamboja|Myanmar|Timor\s+Leste|Tiongkok|China|Inggris|Belanda|Prancis|Jerman|Qatar|Kuwait|Yordania|Turki|"
    r"Mesir|India|Vietnam|Laos|Uni\s+Emirat\s+Arab|UEA)\b")
"""'Polisi Malaysia', 'polisi Hong Kong', 'Polisi Diraja Malaysia': police abroad, no Polri (corpus README)."""
ROLE_TAIL_RE = re.compile(r"(?:\s+(?:Kabupaten|Kota|Provinsi)\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)?\s*,?\s*")
"""What may stand between a union or company role and the name after it: the area, then a comma."""
NAME_SEPARATOR_RE = re.compile(r"[ \t]*,?[ \t]*")
CAPITALISED_BEFORE_RE = re.compile(r"([A-Z][\w'’-]*)[ \t]$")
AREA_KIND_END_RE = re.compile(r"[ \t](Kabupaten|Kota|Provinsi)$")
REGION_WORDS = frozenset({"Raya", "Barat", "Timur", "Utara", "Selatan", "Tengah"})
"""Words that end an area's name ('Bogor Raya', 'Jakarta Utara'), never a name alone."""
AREA_WORD_BEFORE_RE = re.compile(r"\b(?:Desa|Kelurahan|Kecamatan|Kampung|Dusun)[ \t]+$")
"""A word written after it is a place ('Desa Sukamaju'): the same word after a village head's post is no name."""


@dataclass
class Draft:
    """An actor being assembled; frozen into an Actor at the end."""

    kind: str
    name: str | None
    mentions: list[Mention] = field(default_factory=list)
    position: str | None = None
    rank: str | None = None
    organisation: str | None = None
    unit: str | None = None
    faction: str | None = None
    full_name: str | None = None
    confidence: float = 0.8

    def freeze(self) -> Actor:
        mentions = tuple(sorted(self.mentions, key=lambda m: m.span.start))
        rank = self.rank or next((m.rank for m in mentions if m.rank), None)
        return Actor(self.kind, self.name, mentions, self.confidence, self.position, rank, self.organisation,
                     self.unit, self.faction, self.full_name)


@dataclass(frozen=True)
class Indexes:
    ranks: PhraseIndex[lexicon.RankInfo]
    positions: PhraseIndex[lexicon.PositionInfo]
    roles: PhraseIndex[lexicon.RoleInfo]
    person_roles: PhraseIndex[str]
    titles: frozenset[str]
    name_abbreviations: frozenset[str]
    first_names: frozenset[str]


@cache
def indexes() -> Indexes:
    lex = lexicon.load()
    titles = frozenset(t.rstrip(".") for t in lexicon.read_lines("name_titles.txt"))
    return Indexes(
        ranks=PhraseIndex(lex.ranks.items()),
        positions=PhraseIndex(lex.positions.items()),
        roles=PhraseIndex(lex.roles.items()),
        person_roles=PhraseIndex(lex.person_roles.items()),
        titles=titles,
        name_abbreviations=frozenset(w.rstrip(".") for w in lexicon.read_lines("name_abbreviations.txt")),
        first_names=frozenset(lexicon.read_lines("name_first_words.txt")),
    )


def gap(text: str, left: Token | Hit, right: Token | Hit) -> str:
    return text[left.end:right.start]


def read_name(tokens: list[Token], text: str, i: int, officer: bool = False) -> tuple[list[Token], list[str], int]:
    """Titles and name words from token i: ('Drs.', 'Listyo Sigit Prabowo'). Returns the name tokens, the
    titles, and the index after the last token read (trailing ', S.I.K., M.H.' included). Initials and
    shortened first names are name words ('RN Tarigan', 'Muh. Eka Fathurrahman', 'Dadang SW'); a title
    glued to a name ('Antoro.SH') ends it. In an `officer`'s name (after a rank or a post), a word that ends names
    but is part of many ('Hari', 'Gelar') stays when a name word follows it ('AKBP Hari Sasongko', 'AKP Eko Hari
    Purnomo')."""
    lex = lexicon.load()
    ix = indexes()
    titles: list[str] = []
    while i < len(tokens) and tokens[i].text in ix.titles:
        titles.append(tokens[i].text)
        i += 1
    words: list[Token] = []
    while i < len(tokens) and len(words) < NAME_WORDS:
        token = tokens[i]
        between = gap(text, words[-1], token) if words else " "
        shortened = words and (len(words[-1].text) == 1 or words[-1].text in ix.name_abbreviations
                               or DOTTED_INITIALS_RE.match(words[-1].text))
        if words and not (between == " " or between == ". " and shortened):
            break
        glued = GLUED_TITLE_RE.match(token.text)
        if glued and glued.group(2).replace(".", "") in ix.titles:
            words.append(Token(token.start, token.start + len(glued.group(1)), glued.group(1)))
            titles.append(glued.group(2))
            i += 1
            break
        if INITIALS_RE.match(token.text) or DOTTED_INITIALS_RE.match(token.text):
            place = initials_place(tokens, text, i, words)
            if place is None:
                break
            words.append(token)
            i += 1
            if place == "end":
                break
            continue
        if words and token.text in PARTICLES and i + 1 < len(tokens) and NAME_WORD_RE.match(tokens[i + 1].text) \
                and gap(text, token, tokens[i + 1]) == " ":
            words.append(token)
            i += 1
            continue
        opens = officer and token.text in ix.first_names and opens_name(tokens, text, i)
        if not NAME_WORD_RE.match(token.text) or token.text in lex.name_stopwords and not opens \
                or token.text in lex.ranks:
            break
        if token.text in lex.positions or token.text in lex.orgs or token.text in lex.office_words \
                or token.text in ix.titles and words:
            break
        if VERB_PREFIX_RE.match(token.text) and words:
            break
        if words and token.text.lower() in lex.days:
            break
        words.append(token)
        i += 1
    while words and len(words[-1].text.rstrip(".")) == 1:
        words.pop()
        i -= 1
    if words and all(INITIALS_RE.match(w.text) for w in words):
        return [], titles, i - len(words)
    j = i
    while j < len(tokens) and tokens[j].text in ix.titles and gap(text, tokens[j - 1], tokens[j]).strip() in (",", ".,", "", "."):
        titles.append(tokens[j].text)
        j += 1
    return words, titles, (j if words else i)


def opens_name(tokens: list[Token], text: str, i: int) -> bool:
    """Token i is followed, after one space, by a name word that ends no name ('Hari Sasongko', not 'Hari Ini')."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    words = lexicon.load()
    return after is not None and gap(text, tokens[i], after) == " " and bool(NAME_WORD_RE.match(after.text)) \
        and len(after.text) > 2 and after.text not in words.name_stopwords \
        and after.text.lower() not in words.days and after.text.lower() not in words.months


def capital_name(tokens: list[Token], text: str, i: int) -> list[Token]:
    """A name written in capitals after a rank in a line that is not ('Kapolsek Ciruas IPTU AGUS SALIM, S.H.,
    mengatakan'): up to four words of three letters or more that are no acronym, title, rank, post or place, ended
    by a word that is not in capitals."""
    lex = lexicon.load()
    ix = indexes()
    words: list[Token] = []
    while i < len(tokens) and len(words) < 4 and CAPITALS_RE.match(tokens[i].text) \
            and (not words or gap(text, words[-1], tokens[i]) == " "):
        word = tokens[i].text
        if word in lex.orgs or word in unions.ACRONYM_STOP or word in ix.titles or word in lex.ranks \
                or word.title() in lex.positions or unions.is_place(word.title()) or word in NOT_INITIALS:
            break
        words.append(tokens[i])
        i += 1
    after = tokens[i].text if i < len(tokens) else ""
    if not words or CAPITALS_RE.match(after) and after not in ix.titles or not re.search(r"[a-z]{3}", line_of(text, words[0].start)):
        return []
    return words


def line_of(text: str, offset: int) -> str:
    end = text.find("\n", offset)
    return text[text.rfind("\n", 0, offset) + 1:end if end >= 0 else len(text)]


def initials_place(tokens: list[Token], text: str, i: int, words: list[Token]) -> str | None:
    """Where capitals that are no title, rank, union or other acronym stand in a name: 'RN' before it ('RN
    Tarigan'), 'FC' or 'F.C.' inside it ('Ronald F.C. Sipayung'), 'SW' ending it ('Dadang SW'); None when they
    are no initials ('NRP 8208…', an acronym before another)."""
    lex = lexicon.load()
    word = tokens[i].text
    if word in indexes().titles or word in lex.ranks or word in lex.orgs or word.title() in lex.positions \
            or word in lex.roles or word in NOT_INITIALS:
        return None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    between = gap(text, tokens[i], after) if after is not None else ""
    follows = after is not None and (between == " " or between == ". " and "." in word)
    named_next = follows and bool(NAME_WORD_RE.match(after.text)) and after.text[1:2].islower() \
        and after.text not in lex.name_stopwords and after.text not in lex.positions
    if not words:
        return "start" if named_next else None
    if named_next:
        return "inside"
    if follows and (after.text[:1].isupper() or after.text[:1].isdigit()):
        return None
    return "end"


def name_of(words: list[Token], text: str) -> str:
    return re.sub(r"\s+", " ", text[words[0].start:words[-1].end]).replace(". ", " ").replace(".", "") \
        if len(words[0].text) <= 2 else re.sub(r"\s+", " ", text[words[0].start:words[-1].end])


def unit_for_position(position: lexicon.PositionInfo, start: int, end: int, units: list[UnitMention]) -> str | None:
    """The unit a position belongs to: its own area ('Kapolres Serang'), a unit written right after it
    ('Kasatintelkam Polres Serang'), or the article's only unit of the matching level."""
    for unit in units:
        if unit.span.start == start or 0 <= unit.span.start - end <= 1:
            return unit.name
    if position.canonical in NATIONAL_UNITS:
        return NATIONAL_UNITS[position.canonical]
    level_types = {"province": ("Polda",), "kecamatan": ("Polsek", "Polsekta"), "desa/kelurahan": ("Polsek",)}
    wanted = level_types.get(position.unit_level, ("Polres", "Polresta", "Polrestabes"))
    names = {u.name for u in units if u.unit_type in wanted}
    return names.pop() if len(names) == 1 else None


def police_posts(text: str, tokens: list[Token]) -> list[Hit[lexicon.PositionInfo]]:
    """The police posts the text names as held now (not an adviser's or a former post)."""
    return [h for h in indexes().positions.find(tokens, text)
            if not NOT_A_POSITION_BEFORE.search(text, max(0, h.start - 20), h.start)]


def police_people(text: str, tokens: list[Token], units: list[UnitMention], positions: list[Hit]) -> list[Draft]:
    """Officers anchored on a rank, with the position and unit written before it ('Kapolres Serang AKBP ...')
    or after the name ('AKBP Condro Sasongko selaku Kapolres Serang'). A rank written out with its abbreviation
    in brackets ('Ajun Komisaris Besar Polisi (AKBP) ...') is one rank."""
    ix = indexes()
    ranks = ix.ranks.find(tokens, text) + misspelt_ranks(text, tokens, positions, units)
    drafts = []
    for k, rank_hit in enumerate(ranks):
        first = rank_hit.last
        while first < len(tokens) and tokens[first].text in ("Pol", "Polisi") and first - rank_hit.last < 1:
            first += 1
        words, titles, _ = read_name(tokens, text, first, officer=True)
        words = words or capital_name(tokens, text, first)
        if not words:
            continue
        rank_surface = text[rank_hit.start:rank_hit.end]
        if rank_surface in BARE_RANKS and not police_before(text, rank_hit.start, positions, units):
            continue
        written_out = ranks[k - 1] if k and re.fullmatch(r"\s*\(", text[ranks[k - 1].end:rank_hit.start]) else None
        anchor = written_out or rank_hit
        position = position_before(text, anchor, positions, units) or position_after(text, words[-1].end, positions)
        name = name_of(words, text)
        name = name.title() if name.isupper() else name
        start = min(position.start, anchor.start) if position else anchor.start
        end = max(position.end, words[-1].end) if position else words[-1].end
        span = Span(start, end, text[start:end])
        info = position.payload if position else None
        unit = unit_for_position(info, position.start, position.end, units) if info else None
        drafts.append(Draft(
            kind="police", name=name, position=info.canonical if info else None, unit=unit,
            mentions=[Mention(span, rank_hit.payload.short, info.canonical if info else None, tuple(titles))],
            confidence=0.95 if info else 0.85,
        ))
    return drafts


def position_after(text: str, offset: int, positions: list[Hit]) -> Hit | None:
    """'AKBP Condro Sasongko selaku Kapolres Serang' or 'AKBP Condro Sasongko, Kapolres Serang, ...': the
    position named right after the name (set off by commas, it is his only when no rank follows it)."""
    link = POSITION_AFTER_RE.match(text, offset)
    position = next((p for p in positions if link and p.start == link.end()), None)
    if position is None or "," not in link.group() or re.search(r"selaku|sebagai|yang", link.group()):
        return position
    closing = APPOSITION_END_RE.match(text, position.end)
    if closing is None or any(word in lexicon.load().ranks for word in closing.group().split()):
        return None
    return position


def misspelt_ranks(text: str, tokens: list[Token], positions: list[Hit], units: list[UnitMention]) -> list[Hit]:
    """A rank abbreviation one letter off or two letters swapped ('AIBP', 'AKPB' for 'AKBP') right after a police
    position and its unit."""
    lex = lexicon.load()
    starts = [t.start for t in tokens]
    out = []
    for position in positions:
        for m in RANK_LIKE_RE.finditer(text, position.end, min(len(text), position.end + 45)):
            near = [rank for rank in rank_abbreviations() if OSA.distance(rank, m.group()) == 1]
            k = bisect_left(starts, m.start())
            if m.group() in lex.ranks or len(near) != 1 or k == len(tokens) or starts[k] != m.start():
                continue
            hit = Hit(k, k + 1, m.start(), m.end(), lex.ranks[near[0]])
            if position_before(text, hit, positions, units) is not None:
                out.append(hit)
    return out


@cache
def rank_abbreviations() -> tuple[str, ...]:
    return tuple(form for form in lexicon.load().ranks if RANK_LIKE_RE.fullmatch(form) and len(form) >= 4)


def headline_names(text: str, drafts: list[Draft]) -> list[Draft]:
    """An officer read in a title-case headline, where the name runs on into the title ('AKBP Shinto Bilang
    Begini'), takes the name the body gives him ('Shinto Silitonga'); one the body never names is a misreading
    ('Jenderal Wanita Pernah') and is dropped."""
    body = [d for d in drafts if d.name and not in_title_case(text, d.mentions[0].span.start)]
    kept = []
    for draft in drafts:
        if draft in body or not draft.name:
            kept.append(draft)
            continue
        first = draft.name.split()[0]
        fuller = max((d.name for d in body if d.name and d.name.split()[0] == first), key=len, default=None)
        if fuller:
            draft.name = fuller
            kept.append(draft)
        elif any(not in_title_case(text, start) for w in draft.name.split() for start, _ in whole_words(text, w)):
            kept.append(draft)
    return kept


def police_before(text: str, offset: int, positions: list[Hit], units: list[UnitMention]) -> bool:
    """A position or police unit just before a rank that is also a common word ('Jenderal', 'Komisaris')."""
    return any(p.end <= offset and offset - p.end < 40 for p in positions) or any(
        u.span.end <= offset and offset - u.span.end < 20 for u in units)


def position_before(text: str, rank_hit: Hit, positions: list[Hit], units: list[UnitMention]) -> Hit | None:
    """The position written before a rank, with only an area, a unit or punctuation between them."""
    for p in reversed(positions):
        if p.end > rank_hit.start:
            continue
        if rank_hit.start - p.end > 45:
            return None
        between = text[p.end:rank_hit.start]
        for unit in units:
            if p.end <= unit.span.start and unit.span.end <= rank_hit.start:
                between = between.replace(unit.span.text, " ")
        if re.fullmatch(r"[\s,()]*|\s+(?:[A-Z][\w'’-]+\.?\s*){1,3},?\s*", between):
            return p
        return None
    return None


def unranked_officers(text: str, tokens: list[Token], units: list[UnitMention], positions: list[Hit],
                      ranked: list[Draft]) -> list[Draft]:
    """An officer named after his post with no rank ('kata Kapolres Lebak Budi Santoso', 'Kapolres Lebak, Budi
    Santoso, mengatakan'): two name words or more, right after the post and its unit (not in a quote or a
    title-case headline; not an area, a day, an official, a soldier or a verb)."""
    ix = indexes()
    lex = lexicon.load()
    covered = [m.span for d in ranked for m in d.mentions]
    quotes = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
    starts = [t.start for t in tokens]
    out = []
    for hit in positions:
        if any(s.start <= hit.start < s.end for s in covered) or any(a <= hit.start < b for a, b in quotes) \
                or in_title_case(text, hit.start):
            continue
        end = max([hit.end] + [u.span.end for u in units
                               if u.span.start == hit.start or 0 <= u.span.start - hit.end <= 1])
        link = re.match(r"[ \t]*,?[ \t]*", text[end:end + 8])
        i = bisect_left(starts, end + link.end())
        if i == len(tokens) or starts[i] != end + link.end():
            continue
        words, titles, _ = read_name(tokens, text, i, officer=True)
        if len(words) < 2 or any(INITIALS_RE.match(w.text) for w in words[:1]):
            continue
        name = name_of(words, text)
        first = words[0].text
        if is_place(first) or first.lower() in lex.days or VERB_PREFIX_RE.match(first) or VERB_SUFFIX_RE.match(first) \
                or first in ix.roles.lengths or lex.non_police_re.match(first) \
                or any(w.text in ix.person_roles.lengths
                       or w.text in unions.EVENT_WORDS and w.text not in ix.first_names for w in words):
            continue
        info = hit.payload
        span = Span(hit.start, words[-1].end, text[hit.start:words[-1].end])
        out.append(Draft(kind="police", name=name, position=info.canonical,
                         unit=unit_for_position(info, hit.start, hit.end, units),
                         mentions=[Mention(span, None, info.canonical, tuple(titles))], confidence=0.8))
    return out


NAME_BEFORE_POST_RE = re.compile(
    r"(?:(?<=[.!?\n])|(?<=[.!?][\"”])|^|\b(?:kata|ujar|ucap|jelas|tutur|ungkap|terang|tegas|papar)\s)[ \t]*"
    r"(?P<name>[A-Z][a-z'’]+(?:[ \t][A-Z][a-z'’]+){1,3}),[ \t]*$")
"""A name set off before a post with no rank, opening a sentence ('Condro Sasongko, Kapolres Serang, mengatakan')
or after a verb of saying ('kata Condro Sasongko, Kapolres Serang')."""


def officers_named_before(text: str, tokens: list[Token], units: list[UnitMention], positions: list[Hit],
                          named: list[Draft]) -> list[Draft]:
    """Officers whose name comes before their post, set off by commas, with no rank: the post is closed by a comma
    and a lower-case word, or ends the sentence ('Condro Sasongko, Kapolres Serang, mengatakan aksi tertib')."""
    lex = lexicon.load()
    covered = [m.span for d in named for m in d.mentions]
    out = []
    for hit in positions:
        if any(s.start <= hit.start < s.end for s in covered):
            continue
        m = NAME_BEFORE_POST_RE.search(text, max(0, hit.start - 50), hit.start)
        if m is None:
            continue
        end = max([hit.end] + [u.span.end for u in units
                               if u.span.start == hit.start or 0 <= u.span.start - hit.end <= 1])
        if not re.match(r"[ \t]*(?:,[ \t]*(?!(?:dan|serta|beserta|atau|maupun)\b)[a-z]|[.\n])", text[end:end + 12]):
            continue
        words = m.group("name").split()
        if any(w in lex.name_stopwords or w in lex.positions or w in lex.roles or is_place(w)
               or w.lower() in lex.days for w in words):
            continue
        info = hit.payload
        span = Span(m.start("name"), end, text[m.start("name"):end])
        out.append(Draft(kind="police", name=m.group("name"), position=info.canonical,
                         unit=unit_for_position(info, hit.start, hit.end, units),
                         mentions=[Mention(span, None, info.canonical)], confidence=0.75))
    return out


def unnamed_officers(text: str, units: list[UnitMention], positions: list[Hit], named: list[Draft]) -> list[Draft]:
    """'Kapolres Serang' with no officer named anywhere: an officer known only by position and unit."""
    covered = [m.span for d in named for m in d.mentions]
    out: dict[tuple[str, str | None], Draft] = {}
    for hit in positions:
        if any(s.start <= hit.start < s.end for s in covered):
            continue
        unit = unit_for_position(hit.payload, hit.start, hit.end, units)
        key = (hit.payload.canonical, unit)
        end = next((u.span.end for u in units if u.span.start == hit.start), hit.end)
        mention = Mention(Span(hit.start, end, text[hit.start:end]), None, hit.payload.canonical)
        if key not in out:
            out[key] = Draft("police", None, position=hit.payload.canonical, unit=unit, confidence=0.7)
        out[key].mentions.append(mention)
    return list(out.values())


def unit_actors(units: list[UnitMention], people: list[Draft], text: str, tokens: list[Token]) -> list[Draft]:
    """Units no officer of the article belongs to ('jajaran Polres Karawang'); bare 'Polri' or 'polisi' only
    when the article names no other police actor."""
    lex = lexicon.load()
    covered = {d.unit for d in people}
    out: dict[str, Draft] = {}
    for unit in units:
        if unit.from_position or unit.name in covered or unit.name == "Polri":
            continue
        if unit.unit_type in ("Polsek", "Polsekta") and any(u.startswith("Polsek") for u in covered if u):
            continue
        if not unit_takes_part(unit, units, text):
            continue
        out.setdefault(unit.name, Draft("police", None, unit=unit.name, confidence=0.75)).mentions.append(
            Mention(unit.span))
    if people or out:
        return list(out.values())
    generic = [m for m in lex.generic_police_re.finditer(text) if not lex.non_police_re.search(
        text, max(0, m.start() - 3), m.end() + 15)]
    generic = [m for m in generic if not re.match(r"\s+(?:Pamong|Hutan|Khusus|Militer)", text[m.end():])
               and not FOREIGN_POLICE_RE.match(text, m.end())]
    if not generic:
        return []
    draft = Draft("police", None, unit="Polri", confidence=0.5)
    draft.mentions = [Mention(Span(m.start(), m.end(), m.group())) for m in generic]
    return [draft]


def unit_takes_part(unit: UnitMention, units: list[UnitMention], text: str) -> bool:
    """A unit named as an actor, not as the parent of the unit before it ('Polres Serang Polda Banten',
    'Bhabinkamtibmas Polsek Jawilan Polres Serang'), an officer's former post ('mantan Kasat Reskrim
    Polrestabes Surabaya') or an area ('Polres di wilayah Polda Jateng')."""
    level = UNIT_LEVELS.get(unit.unit_type, 0)
    for other in units:
        between = text[other.span.end:unit.span.start] if other.span.end < unit.span.start else None
        if between is not None and UNIT_GAP_RE.fullmatch(between) and UNIT_LEVELS.get(other.unit_type, 0) < level:
            return False
    before = text[max(0, unit.span.start - 45):unit.span.start]
    return not (FORMER_POST_RE.search(before) or AREA_OF_RE.search(before))


def labour_orgs(text: str, tokens: list[Token]) -> tuple[list[Draft], list[Draft]]:
    """Labour organisations, one actor per body the text names (a local unit apart from its federation), and
    employers' associations such as APINDO, which the table marks as not labour. A mention that leaves out
    the unit or area ('FSBSI' after 'DPC FSBSI Kabupaten Kampar') joins the body it shortens."""
    drafts: list[tuple[tuple[str, str | None, str | None], Draft]] = []
    spellings: dict[int, list[unions.UnionMention]] = {}
    employers: dict[str, Draft] = {}
    for mention in sorted(unions.find_unions(text, tokens), key=specificity, reverse=True):
        info = mention.info
        if info is not None and info.abbreviation in NON_LABOUR_ORGS:
            continue
        if info is not None and info.abbreviation in EMPLOYER_ORGS:
            employers.setdefault(info.abbreviation, Draft("company", info.abbreviation, full_name=info.full_name,
                                                          confidence=0.9)).mentions.append(Mention(mention.span))
            continue
        key = union_key(mention)
        same = [(k, d) for k, d in drafts if compatible(k, key) and k[1:] == key[1:]] or [
            (k, d) for k, d in drafts if compatible(k, key) and not introduced(mention, key, k)]
        if same:
            same[0][1].mentions.append(Mention(mention.span))
            spellings[id(same[0][1])].append(mention)
            continue
        draft = union_draft(text, mention)
        drafts.append((key, draft))
        spellings[id(draft)] = [mention]
    for key, draft in drafts:
        draft.name = fullest_label(key, spellings[id(draft)])
    ordered = sorted((d for _, d in drafts), key=lambda d: min(m.span.start for m in d.mentions))
    return ordered, list(employers.values())


def introduced(mention: unions.UnionMention, key: tuple[str, str | None, str | None],
               unit: tuple[str, str | None, str | None]) -> bool:
    """A body written out in full with its abbreviation in brackets and no unit or area ('Sarikat Buruh Muslimin
    Indonesia (Sarbumusi) menggelar unjuk rasa', 'anggota Persaudaraan Pekerja Muslim Indonesia (PPMI)') is the
    body itself taking part, an actor beside its branches the text names with a structure word or a province
    ('Ketua DPC PPMI Karawang', 'Ketua Sarbumusi Jawa Timur'). A body named with its kabupaten or kota alone is
    more often the local body itself ('ASPSB Kabupaten Serang'); named by its abbreviation alone, a body may only
    shorten a branch's name ('unras FSPMI' after 'KC FSPMI')."""
    branch = unit[1] is not None or (unit[2] or "").isdigit()
    return branch and key[1:] == (None, None) and mention.full_name is not None \
        and mention.span.text.rstrip().endswith(")")


def fullest_label(key: tuple[str, str | None, str | None], mentions: list[unions.UnionMention]) -> str:
    """A body's label from the fullest spelling of each part its mentions give: 'PUK SP KEP SPSI PT Sinergi
    Mandiri Selaras' from 'PUK SP KEP SPSI PT SMS' and 'PUK SPKEP SPSI PT Sinergi Mandiri Selaras'."""
    own = [m for m in mentions if body_identity(m.core).replace(" ", "") == key[0].replace(" ", "")] or mentions[:1]
    core = max((m.core for m in own), key=lambda c: (len(c.split()), len(c)))
    place = max((m.place for m in own if m.place), key=len, default=None)
    return " ".join(p for p in (key[1], core, place) if p)


def specificity(mention: unions.UnionMention) -> tuple[int, int, int]:
    return (mention.structure is not None) + (mention.place is not None), len(mention.core.split()), -mention.span.start


def union_key(mention: unions.UnionMention) -> tuple[str, str | None, str | None]:
    """Core, structure and area or plant, spelled alike: 'SPKEP SPSI' is 'SP KEP SPSI', 'Kota Batam' is
    'Batam', 'Jatim' is 'Jawa Timur', 'PT Sinergi Mandiri Selaras' is 'PT SMS'."""
    place = mention.place
    if place and place.startswith("PT "):
        words = place.split()[1:]
        place = "pt " + (words[0] if len(words) == 1 else "".join(w[0] for w in words)).lower()
    elif place:
        place = re.sub(r"^(?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)(?:-Kota)?\s+", "", place).lower()
        place = gazetteer.load().province_by_name.get(place, place)
    return body_identity(mention.core), mention.structure, place


@cache
def legacy_names() -> dict[str, str]:
    """A body's legacy name and the confederation that carries it on ('SPSI' -> 'KSPSI': the corpus counts
    'buruh SPSI' and 'KSPSI' in one article as one body), from the lexicon's rows of kind 'legacy name'."""
    legacy = {}
    for info in lexicon.load().orgs.values():
        if "legacy name" in info.kind and info.affiliation:
            legacy[info.abbreviation.upper()] = info.affiliation.upper()
    return legacy


@cache
def faction_words() -> frozenset[str]:
    """The words a faction adds to its confederation's name ('KSPSI AGN': 'AGN')."""
    return frozenset(info.abbreviation.upper().split(maxsplit=1)[1] for info in lexicon.load().orgs.values()
                     if info.faction_of and " " in info.abbreviation)


def body_identity(core: str) -> str:
    """A core as one body: capitals, single spaces, the legacy name as its confederation ('SPSI Purwakarta' is
    KSPSI's, 'Brigade SPSI' KSPSI's wing), a faction's leader word dropped after it ('Brigade KSPSI AGN')."""
    words = core.upper().replace("-", " ").split()
    lead = 1 if len(words) > 1 and words[0] in ("GARDA", "BRIGADE", "LASKAR") else 0
    if len(words) > lead and words[lead] in legacy_names():
        words[lead] = legacy_names()[words[lead]]
    if len(words) > lead + 1 and words[lead + 1] in faction_words() and words[lead] in legacy_names().values():
        del words[lead + 1]
    return " ".join(words)


def compatible(a: tuple[str, str | None, str | None], b: tuple[str, str | None, str | None]) -> bool:
    """One body named more or less fully: the same core (or a bare federation beside a unit under it), and
    structure and area the same where both give one."""
    same_core = a[0].replace(" ", "") == b[0].replace(" ", "") or part_of(b, a) or part_of(a, b)
    return same_core and all(x is None or y is None or x == y for x, y in zip(a[1:], b[1:]))


def part_of(bare: tuple[str, str | None, str | None], unit: tuple[str, str | None, str | None]) -> bool:
    """A bare federation ('FSPMI') named beside a local unit of a body under it ('PC SPAI FSPMI Majalengka')."""
    return bare[1:] == (None, None) and unit[1:] != (None, None) and (
        unit[0].endswith(" " + bare[0]) or unit[0].startswith(bare[0] + " "))


def union_draft(text: str, mention: unions.UnionMention) -> Draft:
    info = mention.info
    parent = None
    faction = None
    if info is not None:
        own = mention.core.upper() == info.abbreviation.upper()
        parent = (info.faction_of or re.sub(r"\s*\(.*\)", "", info.affiliation) or None) if own else info.abbreviation
        faction = info.abbreviation.split(maxsplit=1)[1] if info.faction_of and own else None
    led_by = FACTION_RE.match(text, mention.span.end)
    if led_by and faction is None:
        faction = led_by.group(1).strip()
    unit = " ".join(p for p in (mention.structure, mention.place) if p) or None
    return Draft("labour", mention.label, mentions=[Mention(mention.span)],
                 full_name=mention.full_name or (info.full_name if info else None), organisation=parent,
                 unit=unit, faction=faction, confidence=0.9 if info else 0.75)


def role_people(text: str, tokens: list[Token], orgs: list[Draft], companies: list[Draft]) -> list[Draft]:
    """Union and company people named after their role: 'Koordinator ASPSB Kabupaten Serang, Asep Saefullah',
    'Presiden KSPI Said Iqbal', 'Direktur Utama PT Victory Chingluh Indonesia, Jack Lee'."""
    ix = indexes()
    org_spans = [(m.span, d) for d in orgs + companies for m in d.mentions]
    out = []
    for hit in ix.person_roles.find(tokens, text):
        organisation, after = body_after(hit, hit.end, org_spans)
        department = hit.end
        if organisation is None:
            department = department_end(text, tokens, hit)
            organisation, after = body_after(hit, department, org_spans)
        if hit.payload == "labour" and (organisation is None or organisation.kind != "labour"):
            if text[hit.start:hit.end] in ("Presiden", "Ketua", "Ketua Umum", "Wakil Ketua", "Sekretaris"):
                continue
        i = first_token_at(tokens, ROLE_TAIL_RE.match(text, after).end())
        if i is None:
            continue
        words, titles, _ = read_name(tokens, text, i)
        if not words or names_no_one(words, text):
            continue
        kind = "person"
        span = Span(hit.start, words[-1].end, text[hit.start:words[-1].end])
        out.append(Draft(kind, name_of(words, text), position=text[hit.start:department],
                         organisation=organisation.name if organisation else None,
                         mentions=[Mention(span, None, text[hit.start:hit.end], tuple(titles))], confidence=0.8))
    return out


def officials(text: str, tokens: list[Token], orgs: list[Draft]) -> list[Draft]:
    """Government officials and bodies: 'Wakil Bupati Bekasi, dr. Asep Surya Atmaja', 'Menaker Hanif Dhakiri',
    'Kepala Dinas Ketenagakerjaan', 'Forkopimda Kabupaten Tangerang'. A body is named with a capital: in lower
    case it is a common noun, someone's part ('hadir sebagai mediator', 'mediator dari Disnaker'), and 'Dewan'
    before another capitalised word is another council ('Dewan Pers', 'Dewan Pengupahan'). A body written with
    its area's kind ('DPRD Kabupaten Bekasi') is the body ('DPRD') of that area ('Kabupaten Bekasi'). As with
    police posts, an adviser's or a former post is not held by the name after it ('Staf Ahli Bupati X', 'mantan
    Bupati X'). A body named by its place ('Senayan' for the DPR) is that body only alone, not as the end of a
    longer name ('Stadion Madya Senayan')."""
    ix = indexes()
    out: dict[tuple[str, str | None], Draft] = {}
    hits = ix.roles.find(tokens, text)
    org_starts = {m.span.start for d in orgs for m in d.mentions}
    for hit in hits:
        role = hit.payload
        surface = text[hit.start:hit.end]
        if PLACE_WORD_BEFORE_RE.search(text, max(0, hit.start - 15), hit.start) \
                or NOT_A_POSITION_BEFORE.search(text, max(0, hit.start - 20), hit.start):
            continue
        if role.canonical == "Presiden" and any(0 < s - hit.end <= 2 for s in org_starts):
            continue
        if role.canonical == "DPRD" and surface == "Dewan" and re.match(r"[ \t]+[A-Z]", text[hit.end:]):
            continue
        if role.canonical in BODY_ROLES and surface[:1].islower():
            continue
        if surface in area_names() and in_longer_name(text, hit.start):
            continue
        jurisdiction, after = jurisdiction_after(text, hit.end, role)
        area_kind = AREA_KIND_END_RE.search(surface) if role.canonical in BODY_ROLES else None
        if area_kind and jurisdiction is not None and not jurisdiction.startswith(area_kind.group(1)):
            jurisdiction = f"{area_kind.group(1)} {jurisdiction}"
            surface = surface[:area_kind.start()]
        name, titles, end = None, [], after
        if role.canonical not in BODY_ROLES:
            name, titles, end = name_after(text, tokens, after)
        span = Span(hit.start, end, text[hit.start:end])
        key = (name or role.canonical, None if name else jurisdiction and jurisdiction.removeprefix("Provinsi "))
        draft = out.setdefault(key, Draft("government", name, position=None if role.canonical in BODY_ROLES else surface,
                                          organisation=surface if role.canonical in BODY_ROLES else None,
                                          unit=jurisdiction, confidence=0.85 if name else 0.6))
        draft.mentions.append(Mention(span, None, role.canonical, tuple(titles)))
        draft.unit = draft.unit or jurisdiction
    return list(out.values())


def in_longer_name(text: str, offset: int) -> bool:
    """A capitalised word that is no joining word ('Di', 'Ke') stands right before `offset`: the word there ends a
    longer name ('Stadion Madya Senayan')."""
    before = CAPITALISED_BEFORE_RE.search(text, max(0, offset - 30), offset)
    return before is not None and before.group(1) not in lexicon.load().name_stopwords


@cache
def area_names() -> frozenset[str]:
    """The areas of place_areas.csv ('Senayan'): a body named by one of them is named by its place."""
    return frozenset(row["area"] for row in lexicon.read_csv("place_areas.csv"))


def jurisdiction_after(text: str, offset: int, role: lexicon.RoleInfo) -> tuple[str | None, int]:
    """'Bekasi' after 'Wakil Bupati' is Kabupaten Bekasi; after 'Wali Kota' it is Kota Bekasi."""
    lex = lexicon.load()
    m = JURISDICTION_RE.match(text, offset)
    if not m or m.group(2) in lex.name_stopwords or not (m.group(1) or is_place(m.group(2))):
        return None, offset
    prefix = (m.group(1) or "").strip()
    if not prefix and role.level in ("kabupaten", "kota"):
        prefix = "Kabupaten" if role.level == "kabupaten" else "Kota"
    return f"{prefix} {m.group(2)}".strip(), m.end()


def name_after(text: str, tokens: list[Token], offset: int) -> tuple[str | None, list[str], int]:
    """A person's name right after a role (', ' allowed between), never across a line or a bracket."""
    i = first_token_at(tokens, NAME_SEPARATOR_RE.match(text, offset).end())
    if i is None:
        return None, [], offset
    words, titles, _ = read_name(tokens, text, i)
    if not words or names_no_one(words, text):
        return None, [], offset
    name = name_of(words, text)
    if is_place(name) or name.lower() in lexicon.load().days:
        return None, [], offset
    return name, titles, words[-1].end


def body_after(role: Hit, offset: int, bodies: list[tuple[Span, Draft]]) -> tuple[Draft | None, int]:
    """The union or company written right after a role (or its department) that ends at `offset`, and where it
    ends; (None, offset) when none is."""
    for span, draft in bodies:
        if role.start < span.start <= offset + 1 and span.end > offset:
            return draft, span.end
    return None, offset


def department_end(text: str, tokens: list[Token], role: Hit) -> int:
    """Where a role's department ends: 'Manajer Sumber Daya Manusia', 'Direktur Keuangan dan Umum', 'Pengurus
    Unit Kerja' (office words, one space apart, 'dan' between two of them); the role's own end when none
    follows. The name, body or area the role names comes after it."""
    office = lexicon.load().office_words
    end, i = role.end, role.last
    while i < len(tokens) and tokens[i].start == end + 1 and text[end] == " ":
        word = tokens[i].text
        if word in office:
            end, i = tokens[i].end, i + 1
        elif word in ("dan", "&") and i + 1 < len(tokens) and tokens[i + 1].text in office \
                and gap(text, tokens[i], tokens[i + 1]) == " ":
            end, i = tokens[i + 1].end, i + 2
        else:
            break
    return end


def names_no_one(words: list[Token], text: str) -> bool:
    """Words read after a role that name nobody: another role or post ('Presiden Direktur', 'Ketua DPC ..., Ketua
    DPC ...'); a single word of two letters (an initial, or a word cut short at the end of a page: 'Koordinator
    Na') or that ends an area's name ('Sekretaris FSPMI Bogor Raya'); a province or kabupaten/kota ('Koordinator
    Perwakilan Jawa Tengah'), or a place the text names as one ('Kepala Desa Sukamaju' where it writes 'Desa
    Sukamaju'); in a title-case headline, words the body never writes as a name ('Gubernur Banten Lapor Polisi',
    'Sekjen KSPI Dijadikan Tersangka')."""
    ix = indexes()
    lex = lexicon.load()
    first = words[0].text
    if first in ix.person_roles.lengths or first in ix.roles.lengths or first in lex.positions:
        return True
    if len(words) == 1 and (len(first.rstrip(".")) <= 2 or first in REGION_WORDS):
        return True
    name = text[words[0].start:words[-1].end]
    found = whole_words(text, name)
    if is_place(name) or any(AREA_WORD_BEFORE_RE.search(text, max(0, start - 12), start) for start, _ in found):
        return True
    if not in_title_case(text, words[0].start):
        return False
    return not any(not in_title_case(text, start) for start, _ in found)


def first_token_at(tokens: list[Token], offset: int) -> int | None:
    i = bisect_left(tokens, offset, key=token_start)
    return i if i < len(tokens) and tokens[i].start == offset else None


def token_start(token: Token) -> int:
    """The key tokens are in order by: role_people and name_after find a token by bisection rather than a walk
    through the article's tokens (~0.01 ms a walk)."""
    return token.start


def is_place(word: str) -> bool:
    from tagging import gazetteer

    gaz = gazetteer.load()
    return word in gaz.kabkota_by_base or word.lower() in gaz.province_by_name


def companies(text: str) -> list[Draft]:
    """Companies written with their legal form: 'PT Indah Kiat Pulp and Paper' (a title-case headline runs the
    name on, 'PT Maju Dijaga Ketat': find_actors names a company by the body's spelling first)."""
    out: dict[str, Draft] = {}
    for m in led_matches(COMPANY_LEAD_RE, COMPANY_RE, text):
        words = re.finditer(r"\S+", m.group())
        end = m.start()
        kept: list[str] = []
        for word in words:
            bare = word.group().rstrip(",.")
            if kept and bare in COMPANY_STOP:
                break
            kept.append(bare)
            end = m.start() + word.start() + len(bare)
            if word.group().endswith(",") or sentence_end(word.group()):
                break
        while kept and kept[-1] in ("and", "&", "dan"):
            kept.pop()
            end = text.rfind(kept[-1], m.start(), end) + len(kept[-1])
        if len(kept) < 2:
            continue
        name = " ".join(kept).replace("PT.", "PT")
        draft = out.setdefault(name.lower(), Draft("company", name, confidence=0.85))
        draft.mentions.append(Mention(Span(m.start(), end, text[m.start():end])))
    return headline_companies(text, list(out.values()))


def headline_companies(text: str, drafts: list[Draft]) -> list[Draft]:
    """A company read only in a title-case headline, where its name runs on into the title ('PT Maju Dijaga Ketat
    Aparat'), is the company the body names with the first of those words ('PT Maju')."""
    body = [d for d in drafts if any(not in_title_case(text, m.span.start) for m in d.mentions)]
    kept = []
    for draft in drafts:
        words = draft.name.split()
        starts = [] if draft in body else [d for d in body if words[:len(d.name.split())] == d.name.split()]
        if not starts:
            kept.append(draft)
            continue
        fuller = max(starts, key=lambda d: len(d.name))
        for mention in draft.mentions:
            head = re.match(r"\S+(?:\s+\S+){%d}" % (len(fuller.name.split()) - 1), mention.span.text)
            end = mention.span.start + len(head.group().rstrip(",."))
            fuller.mentions.append(Mention(Span(mention.span.start, end, text[mention.span.start:end])))
    return kept


def sentence_end(word: str) -> bool:
    """A word of a company's name followed by a full stop that ends the sentence ('... di PT Maju Sentosa.
    Sebelumnya ...'), not an abbreviation's ('PT.', 'Tbk.', 'Ind.')."""
    return word.endswith(".") and len(word) > 5 and word[-2].islower()


def whole_words(text: str, phrase: str) -> list[tuple[int, int]]:
    """Where `phrase` stands as whole words in `text` (no letter or digit glued before or after)."""
    out = []
    start = text.find(phrase)
    while start >= 0:
        end = start + len(phrase)
        if not (start and (text[start - 1].isalnum() or text[start - 1] == "_")) and not (
                end < len(text) and (text[end].isalnum() or text[end] == "_")):
            out.append((start, end))
        start = text.find(phrase, start + 1)
    return out


@cache
def position_surfaces() -> dict[str, tuple[str, ...]]:
    """Every written form of each police position and government role, by canonical name."""
    lex = lexicon.load()
    out: dict[str, list[str]] = defaultdict(list)
    for surface, info in list(lex.positions.items()) + list(lex.roles.items()):
        out[info.canonical].append(surface)
    return {canonical: tuple(forms) for canonical, forms in out.items()}


def add_references(text: str, drafts: list[Draft]) -> None:
    """Later short references: a name word of one person ('Bapak Condro', 'kata Asep'), or a position held by
    exactly one named actor ('Kapolres', 'Menaker')."""
    lex = lexicon.load()
    taken = [m.span for d in drafts for m in d.mentions]
    by_word: dict[str, set[int]] = defaultdict(set)
    for index, draft in enumerate(drafts):
        if draft.name and draft.kind in ("police", "government", "person"):
            for word in draft.name.split():
                if len(word) >= 3 and word not in lex.name_stopwords:
                    by_word[word].add(index)
    for word, owners in by_word.items():
        if len(owners) != 1:
            continue
        draft = drafts[next(iter(owners))]
        for found, end in whole_words(text, word):
            if any(s.start <= found < s.end for s in taken):
                continue
            start = found
            prefix = REFERENCE_PREFIX_RE.search(text[max(0, start - 8):start])
            if prefix:
                start -= len(prefix.group())
            span = Span(start, end, text[start:end])
            draft.mentions.append(Mention(span))
            taken.append(span)
    holders: dict[str, list[Draft]] = defaultdict(list)
    for draft in drafts:
        if draft.name:
            for canonical in {m.position for m in draft.mentions if m.position}:
                holders[canonical].append(draft)
    surfaces = position_surfaces()
    for canonical, surface in ((c, form) for c in holders for form in surfaces.get(c, ())):
        if surface not in text or len(holders[canonical]) != 1:
            continue
        if ("Wakil" in surface) != ("Wakil" in (holders[canonical][0].position or "")):
            continue
        for found, end in whole_words(text, surface):
            if any(s.start <= found < s.end for s in taken):
                continue
            if NOT_A_POSITION_BEFORE.search(text, max(0, found - 20), found):
                continue
            span = Span(found, end, surface)
            holders[canonical][0].mentions.append(Mention(span, None, canonical))
            taken.append(span)


def merge(drafts: list[Draft]) -> list[Draft]:
    """One actor per person or body: same kind and the same (or a near-identical) name."""
    out: list[Draft] = []
    for draft in drafts:
        twin = next((o for o in out if o.kind == draft.kind and same_name(o, draft)), None)
        if twin is None:
            out.append(draft)
            continue
        twin.mentions.extend(draft.mentions)
        twin.position = twin.position or draft.position
        twin.unit = twin.unit or draft.unit
        twin.organisation = twin.organisation or draft.organisation
        twin.confidence = max(twin.confidence, draft.confidence)
    return out


def same_name(a: Draft, b: Draft) -> bool:
    """The same person or body; an officer's misspelt first name ('Chandra Sasongko' for 'Condro Sasongko') is
    the same officer when the position, unit and another name word agree (one holder per post); a company
    named shorter ('PT Nyonya Meneer' for 'PT Jamu Nyonya Meneer') is the same company."""
    if a.name and b.name:
        if a.name == b.name or fuzz.ratio(a.name.lower(), b.name.lower()) >= 92:
            return True
        short, long = sorted((set(a.name.lower().split()), set(b.name.lower().split())), key=len)
        if a.kind == "police" and a.position and (a.position, a.unit) == (b.position, b.unit) and a.unit \
                and short & long:
            return True
        if a.kind == "company":
            return len(short) >= 3 and short < long
        return a.kind in ("police", "government", "person") and bool(short) and short < long
    return a.name is None and b.name is None and (a.position, a.unit, a.organisation) == (b.position, b.unit,
                                                                                         b.organisation)


def company_workers(text: str, firms: list[Draft]) -> list[Draft]:
    """'ratusan karyawan PT Maju mogok kerja', 'buruh pabrik garmen PT Maju berunjuk rasa': the workers of a named
    company acting as workers in the sentence that names them, the labour actor when the article names no union
    (corpus README). A title-case headline runs the company's name on ('Demo Karyawan PT X Dijaga Ketat'): the
    body names them."""
    out: dict[str, Draft] = {}
    for firm in firms:
        for mention in (m for m in firm.mentions if not in_title_case(text, m.span.start)):
            workers = WORKERS_OF_FIRM_RE.search(text, max(0, mention.span.start - 60), mention.span.start)
            if workers is None or any(NOT_A_QUALIFIER_RE.fullmatch(w) for w in workers.group(2).split()):
                continue
            sentence = text[max(text.rfind(".", 0, workers.start()), text.rfind("\n", 0, workers.start())) + 1:
                            text.find(".", mention.span.end) % (len(text) + 1)]
            if not WORKERS_ACTION_RE.search(sentence):
                continue
            label = f"{workers.group(1).lower()} {firm.name}"
            out.setdefault(label, Draft("labour", label, organisation=firm.name, confidence=0.6)).mentions.append(
                Mention(Span(workers.start(1), mention.span.end, text[workers.start(1):mention.span.end])))
    return list(out.values())


def find_actors(text: str, tokens: list[Token], units: list[UnitMention]) -> list[Actor]:
    """Every actor of the article, each with all its mentions."""
    posts = police_posts(text, tokens)
    ranked = police_people(text, tokens, units, posts)
    police = ranked + unranked_officers(text, tokens, units, posts, ranked)
    police = merge(headline_names(text, police + officers_named_before(text, tokens, units, posts, police)))
    police = [d for d in police if not all(PREDECESSOR_BEFORE_RE.search(text, max(0, m.span.start - 60), m.span.start)
                                           for m in d.mentions)]
    unnamed = unnamed_officers(text, units, posts, police)
    unnamed = [u for u in unnamed if not any(p.position == u.position and p.unit == u.unit for p in police)]
    unit_level = unit_actors(units, police + unnamed, text, tokens)
    orgs, employers = labour_orgs(text, tokens)
    firms = merge(sorted(companies(text), key=lambda d: in_title_case(text, d.mentions[0].span.start))) + employers
    orgs = orgs or company_workers(text, firms)
    people = merge(role_people(text, tokens, orgs, firms))
    people = [p for p in people if not any(same_name(p, q) for q in police)]
    govs = merge(officials(text, tokens, orgs))
    govs = resolve_unnamed_officials([g for g in govs if not any(g.name and same_name(g, q) for q in police + people)])
    named = police + people + govs
    add_references(text, named)
    resolve_unnamed_positions(police, unnamed)
    unnamed = spoken_of(text, unnamed)
    drafts = police + unnamed + unit_level + orgs + firms + people + govs
    return [d.freeze() for d in drafts if d.mentions]


def resolve_unnamed_officials(govs: list[Draft]) -> list[Draft]:
    """'Menaker' alone after 'Menteri Ketenagakerjaan M Hanif Dhakiri' is Hanif, 'Bupati' alone after 'Bupati
    Lebak' is the Bupati of Lebak; 'Pak Bupati' stays apart from the Wakil Bupati. A post with no holder named
    and no area ('surat ke Gubernur', 'diterima Bupati') identifies nobody: it is no actor (one nameless actor
    would gather every such post of every article)."""
    named = [g for g in govs if g.name]
    placed = [g for g in govs if not g.name and g.unit]
    kept = []
    for draft in govs:
        if draft.name or not draft.position:
            kept.append(draft)
            continue
        holder = holders(draft, named) or (holders(draft, placed) if draft.unit is None else [])
        if len(holder) == 1:
            holder[0].mentions.extend(draft.mentions)
        elif draft.unit is not None:
            kept.append(draft)
    return kept


def holders(draft: Draft, pool: list[Draft]) -> list[Draft]:
    """The officials of `pool` who hold the unnamed `draft`'s post, a deputy's apart from the head's."""
    role = draft.mentions[0].position
    deputy = "Wakil" in (draft.position or "")
    return [g for g in pool if g is not draft and any(m.position == role for m in g.mentions)
            and ("Wakil" in (g.position or "")) == deputy]


def spoken_of(text: str, unnamed: list[Draft]) -> list[Draft]:
    """An officer named only by his post inside direct speech ('“Kapolda harus menindak oknum itu,” ujarnya')
    is talked about, not taking part."""
    quotes = [(m.start(), m.end()) for m in QUOTE_RE.finditer(text)]
    return [d for d in unnamed if not d.mentions or not all(
        any(a <= m.span.start < b for a, b in quotes) for m in d.mentions)]


def resolve_unnamed_positions(police: list[Draft], unnamed: list[Draft]) -> None:
    """'Kapolres Serang' said again after 'Kapolres Serang AKBP Condro Sasongko' is Condro, not a second officer."""
    for draft in list(unnamed):
        holder = [p for p in police if p.position == draft.position and (p.unit == draft.unit or draft.unit is None)]
        if len(holder) == 1:
            holder[0].mentions.extend(draft.mentions)
            draft.mentions.clear()
