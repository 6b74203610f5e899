"""Labour organisations as the press writes them: a body with the local unit, area or plant the text gives.

'DPC Federasi Serikat Buruh Sejahtera Indonesia (FSBSI) Kabupaten Kampar' is one mention labelled
'DPC FSBSI Kabupaten Kampar': the abbreviation the text uses, the union structure word before it (PUK, PC,
DPC ...; written out, 'Konsulat Cabang' is KC) and the area or plant after it — the corpus README's "faction or
local unit in the name when the text gives it". Bodies outside the lexicon are found by their shape:
a structure word or a union head (SP, SB, FSP, TKBM ...) before an acronym ('DPD FARKES', 'SB TEKAL'), a
spelled-out name with its abbreviation in brackets, an alliance ('Aliansi Buruh Cianjur'), and every
acronym of a list that names at least two unions ('... yaitu DPD SPN, FSPMI, FSKEP dan SPSI 1973').
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import cache

from core.tags import Span
from tagging import gazetteer, lexicon
from tagging.text import Hit, PhraseIndex, Token, exact, in_title_case, led_matches, lowered, token_keys

WORD_RE = re.compile(r"\w+(?:['’]\w+)*(?:/\w+)*")
ACRONYM_RE = re.compile(r"[A-Z][A-Z0-9]*(?:/[A-Z0-9]+)*")
NUMBER_RE = re.compile(r"\d{2,4}")
COUNT_NOUNS = frozenset({"orang", "jiwa", "buruh", "pekerja", "karyawan", "massa", "peserta", "anggota", "personel",
                         "demonstran", "pendemo", "perwakilan", "ribu", "ratus", "juta", "persen", "unit", "bus",
                         "mobil", "kendaraan", "motor", "truk"})
HEADS = frozenset({"SP", "SB", "SP/SB", "FSP", "FSB", "F", "SPTP", "TKBM"})
NAMED_HEADS = frozenset({"TKBM"})
ACRONYM_STOP = frozenset("""
PT CV TBK UMK UMP UMSK UMR PHK THR BPJS PKB PP UU KUHP DPR DPRD MPR RI NKRI TNI POLRI PNS ASN HUT WIB WITA WIT
DKI NTT NTB DIY TKA HRD KTP SIM STTP STTLP LP SPKT KSOP PLTA SPBU BBM OPD BUMN BUMD PLN KPK BNN COVID PPKM SDM HAM
BEM PMII HMI GMNI KAMMI IMM OKP LSM ORMAS GP KNPI PKL SMK SMA SD SMP RT RW KM JL NO DAN OLEH UNTUK DENGAN DARI YANG
DI KE PADA AKSI DEMO BURUH PEKERJA SERIKAT MAY DAY APBD APBN PAD CSR PKWT PKS BPN PN PTUN PHI LKS KADIN SATPOL
PDIP PDI GOLKAR GERINDRA PAN PPP NASDEM DEMOKRAT HANURA PERINDO PSI PBB GELORA PKN NU IPNU IPPNU IPM AMPI FKPPI
HIPMI PWI IDI PGRI MUI FKUB PPPK HO IST
GRIB GMBI BPPKB LMP FBR FPI GAMKI IPK PERADI IKADIN APDESI PPDI HNSI
""".split())
"""Capitals that name no union: laws, wages, offices, parties, student and community bodies ('DPD PDIP',
'PC PMII' have union structure words but are not unions), mass organisations that stand beside or against
workers' actions ('DPD GMBI', 'DPC GRIB', 'DPD BPPKB'), lawyers', village heads' and fishers' associations, a
photo's credit ('ANTARA/HO-SPSI', 'Foto: Ist')."""
ACRONYM_STOP |= frozenset(lexicon.read_lines("non_union_bodies.txt"))
"""With the employers', professional, youth, religious and party bodies of seeds/lexicons/non_union_bodies.txt."""
STRUCTURE_LONG = {"Pengurus Unit Kerja": "PUK", "Pimpinan Serikat Pekerja": "PSP", "Pengurus Cabang": "PC",
                  "Pengurus Daerah": "Perda", "Pengurus Pusat": "PP"}
PLURAL_BEFORE_RE = re.compile(r"\b(?:para|seluruh|sejumlah|berbagai|beberapa|semua|tiap|setiap|antar)\s+$",
                              re.IGNORECASE)
GENERIC_LEAD_RE = re.compile(
    r"Aliansi|Asosiasi|S[ae]rikat|Federasi|Konfederasi|Gabungan|Persatuan|Persaudaraan|Badan|Gerakan|Forum|Komite|"
    r"Front|Koalisi|Ikatan|Himpunan|Perhimpunan|Paguyuban|Perkumpulan|Kesatuan|Barisan|Solidaritas|Sentral|"
    r"Organisasi|Dewan|Lembaga|Jaringan|Liga|Pergerakan|Perserikatan|Wadah|Komunitas|Sekretariat")
"""The words GENERIC_HEAD_RE starts with, to find where it may match (text.led_matches)."""
LISTING_LEAD_RE = re.compile(r"Federasi|Konfederasi|S[ae]rikat")
"""The words LISTING_NAME_RE and TRADES_NAME_RE start with."""
GENERIC_HEAD_RE = re.compile(
    r"(?<![\w-])(?:Aliansi|Asosiasi|Serikat|Sarikat|Federasi|Konfederasi|Gabungan(?= Serikat)|Persatuan|"
    r"Persaudaraan|Badan|Gerakan|Forum|Komite|Front|Koalisi|Ikatan|Himpunan|Perhimpunan|Paguyuban|Perkumpulan|"
    r"Kesatuan|Barisan|Solidaritas|Sentral|(?:Organisasi|Dewan|Lembaga|Jaringan|Liga|Pergerakan|Perserikatan|Wadah|"
    r"Komunitas|Sekretariat Bersama)(?= (?:Buruh|Pekerja|Karyawan)))(?:[ ](?:[A-Z][\w'’/-]*|dan|atau))+")
"""A union's head word and the capitalised words of its name; heads that name many other bodies ('Dewan
Pengupahan', 'Lembaga Adat', 'Dewan Pimpinan Cabang ...') only before Buruh, Pekerja or Karyawan."""
LISTING_NAME_RE = re.compile(
    r"(?<![\w-])(?:Federasi|Konfederasi|Serikat|Sarikat)(?:[ ](?:[A-Z][\w'’-]*|dan)|,(?=[ ][A-Z]))+(?=[ \t]*\()")
"""A name that lists its trades, with its abbreviation in brackets: 'Federasi Serikat Pekerja Kimia, Energi dan
Pertambangan (FSP KEP)'."""
TRADE = r"[A-Z][a-z'’-]+"
TRADES_NAME_RE = re.compile(
    rf"(?<![\w-])(?:Federasi|Konfederasi|Serikat|Sarikat)(?: {TRADE})+(?:, {TRADE}(?: {TRADE})?)+,? dan {TRADE}")
"""A name that lists its trades and closes the list with 'dan', with no abbreviation after it: 'Federasi Serikat
Pekerja Rokok, Tembakau, Makanan dan Minuman'."""
LABOUR_WORD_RE = re.compile(r"\b(?:Buruh|Pekerja|Karyawan|Serikat|Kerja|Federasi|Konfederasi)\b")
NOT_WORKERS_RE = re.compile(r"\b(?:Honorer|Guru|Petani|Nelayan|Mahasiswa|Pelajar|Pedagang|Warga)\b")
"""Honorary staff, teachers, farmers, students, traders, residents: their bodies are no labour union."""
ALLIANCE_RE = re.compile(r"(?<=[a-z,] )Buruh(?: [A-Z][a-z]+){2,3}")
ALLIANCE_LEAD_RE = re.compile("Buruh")
"""What ALLIANCE_RE starts with, after its lookbehind."""
GENERIC_WORDS = frozenset({"aliansi", "serikat", "sarikat", "federasi", "konfederasi", "gabungan", "persatuan",
                           "persaudaraan", "gerakan", "forum", "komite", "front", "koalisi", "buruh", "pekerja",
                           "organisasi", "dewan", "lembaga", "jaringan", "liga", "pergerakan", "perserikatan",
                           "wadah", "komunitas", "sekretariat", "bersama",
                           "karyawan", "pegawai", "dan", "atau", "seluruh", "indonesia"})
EVENT_WORDS = frozenset({"Audiensi", "Aksi", "Demo", "Unjuk", "Rasa", "Mogok", "Tolak", "Kawal", "Datangi",
                         "Geruduk", "Desak", "Tuntut", "Minta", "Gelar", "Sambangi", "Temui", "Ikuti", "Hadiri",
                         "Sampaikan", "Dukung", "Apresiasi", "Bersama", "Dengan", "Di", "Ke", "Dari", "Dan",
                         "Silaturahmi", "Halal", "Jelang", "Peringatan", "Hari", "Tahun", "Se", "Atau", "Terkait",
                         "Soal", "Usai", "Saat", "Pada", "Untuk", "Yang", "Ini", "Itu", "Akan", "Telah", "Sudah",
                         "Juga", "Hadir", "Kegiatan", "Acara", "Kelurahan", "Desa", "Kecamatan", "Jalan", "Jl"})
LEGAL_FORM = r"(?!(?:Persero|Perseroda|Perum|Tbk)\))"
"""'PT PLN (Persero)', 'PT Maju (Tbk)': a company's legal form in brackets, no union's abbreviation."""
PAREN_RE = re.compile(rf"[ \t]*\({LEGAL_FORM}([A-Z][\w /&.-]{{0,40}}?)\)")
LATER_PAREN_RE = re.compile(rf"[^.()\n]{{0,90}}?\({LEGAL_FORM}([A-Z][\w /&.-]{{0,40}}?)\)")
AREA_PREFIX_RE = re.compile(r"[ \t]+((?:Kabupaten|Kab\.|Kota|Provinsi|Prov\.)(?:-Kota)?)[ \t]+")
COMPANY_RE = re.compile(r"[ \t]+(?:PT|CV)\.?[ \t]+((?:[A-Z][\w&'’.-]*)(?:[ \t]+[A-Z][\w&'’.-]*){0,3})")
LIST_RE = re.compile(
    r"{item}(?:(?:[ \t]*,[ \t]*(?:dan[ \t]+|serta[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+){item}){{2,}}".format(
        item=r"(?:PT\.|CV\.|[A-Z][\w/'’-]*|\d{2,4})(?:[ \t]+(?:PT\.|CV\.|[A-Z][\w/'’-]*|\d{2,4})){0,5}"))
LIST_SEPARATOR_RE = re.compile(r"[ \t]*,[ \t]*(?:dan[ \t]+|serta[ \t]+)?|[ \t]+(?:dan|serta)[ \t]+")
LETTER_RE = re.compile(r"[^\W\d_]")
CAPITAL_RE = re.compile(r"[A-Z]")
CAPITAL_RUN_RE = re.compile(r"[A-Z][A-Z]+\W+[A-Z]{2,}\W+[A-Z]{2,}\W+[A-Z]{2,}")
AREA_WORDS = frozenset({"kab", "kabupaten", "kota", "provinsi", "prov", "se", "wilayah"})
STOP_WORD_RE = re.compile(r"(?:Se-|Ma?Pol(?:res|sek|da|ri))")
PARENT_AFTER_RE = re.compile(r"(?:-|[ \t]*[-–][ \t]*|[ \t])([A-Z][A-Z0-9]+)(?![\w-])")
COMPASS = frozenset({"Barat", "Timur", "Utara", "Selatan", "Tengah", "Raya", "Jaya"})
WORKERS_OF_RE = re.compile(r"\b(?:massa|serikat pekerja|serikat buruh|anggota|pengurus)\s+$", re.IGNORECASE)
"""A crowd or union named by an acronym the lexicon does not know: 'massa FSP2KI' ('buruh SPS' names the
employer as often, so workers alone are no cue)."""
CONFEDERATION_PREFIX_RE = re.compile(r"K[-.]([A-Z]{3,})")
"""'K-SPSI', 'K.SPSI', 'K-SBSI': the confederation of the union the rest names."""
WING_BEFORE_RE = re.compile(r"(?<![\w-])(Garda|Brigade|Laskar)[ \t]+$")
NAME_SUFFIX = r"['’]\d{2}|Reformasi|Rekonsiliasi"
SUFFIX_AFTER_RE = re.compile(rf"[ \t]+({NAME_SUFFIX})(?![\w.,/])")
YEAR_AFTER_RE = re.compile(rf"[ \t]+(\d{{2}}|19\d{{2}}|{NAME_SUFFIX})(?![\w.,/])")
"""A union's founding year ('SBSI 1992', 'SPSI 73', "SBSI '92") or the split it names ('FSPTS Reformasi')
after its name: part of the name."""
ACTION_BODY_HEADS = frozenset({"Komite", "Front", "Forum", "Aliansi", "Gerakan", "Koalisi", "Barisan"})
"""Bodies named for action: 'Aksi' after them is part of the name ('Komite Aksi Buruh Karawang'), not an event."""
UNIT_AFTER_RE = re.compile(r"[ \t]+([A-Z][A-Za-z]{1,5})(?=[ \t]+[A-Z])")
"""A structure word after the name, before its area ('Serikat Pekerja Nasional (SPN) DPC Kota Serang')."""
PLANT_UNION_RE = re.compile(r"(?<![\w/])serikat (pekerja|buruh)(?:/serikat buruh)?(?:[ \t]+di)?[ \t](?=(?:PT|CV)\.?[ \t]+[A-Z])")
PLANT_UNION_LEAD_RE = re.compile("serikat ")
"""What PLANT_UNION_RE starts with (text.led_matches): its lookbehind made a scan try every offset."""
NAMED_HEAD_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(NAMED_HEADS)) + r")((?:[ \t][A-Z][a-z]+){1,3})")
NAMED_HEAD_LEAD_RE = re.compile("|".join(sorted(NAMED_HEADS)))
"""What NAMED_HEAD_RE starts with (text.led_matches)."""
NEXT_NAME_RE = re.compile(r" (?:dan|atau) (?=[A-Z])")
"""Between two union names that one phrase of union shape ran together ('Serikat Pekerja X dan Serikat Buruh Y')."""
ALSO_CALLED_RE = re.compile(r"[ \t]*,?[ \t]+(?:atau|alias|(?:yang )?disingkat)[ \t]+([A-Z][A-Z0-9]{1,9})(?![\w-])")
"""An abbreviation given after the name without brackets: 'Serikat Buruh Maju atau SBM', '..., disingkat SBM'."""
ACRONYM_BEFORE_RE = re.compile(r"(?<![\w-])([A-Z][A-Z0-9]{1,9})[ \t]*\($")
LED_BY_RE = re.compile(r"[ \t]+(?:pimpinan|kubu|versi)[ \t]+((?:[A-Z][a-z]+[ \t]?){1,4})")
BRACKETED_STRUCTURE_RE = re.compile(r"(?:[A-Z]\w+ ){1,3}\(([A-Z]{2,4})\)[ \t]$")
OTHER_MEMBERS_BEFORE_RE = re.compile(
    r"\b(?:kepala desa|kades|perangkat desa|aparatur desa|nelayan|petani|guru|honorer|mahasiswa|pelajar|pedagang|"
    r"warga|advokat|pengacara|kuasa hukum|dokter|bidan)\b(?:[ \t]+[\w-]+){0,3}?[ \t]+(?:yang[ \t]+)?"
    r"(?:tergabung[ \t]+dalam|anggota|dari)[ \t]+$", re.IGNORECASE)
"""Village heads, fishers, farmers, teachers, students, traders, lawyers, doctors named as a body's members ('ratusan
kepala desa yang tergabung dalam DPC APDESI', 'nelayan anggota DPC HNSI', 'kuasa hukum dari DPC PERADI'): their
body is no labour union, whatever structure words it has (the corpus README keeps their protests apart)."""
NAMED_AFTER_RE = re.compile(r"[ \t]*,[ \t]*[A-Z]")
MEMBER_OF_RE = re.compile(r"\b(?:tergabung dalam|bergabung dengan|bergabung dalam|bernaung di bawah)\s+$",
                          re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class UnionMention:
    """One labour body named at `span`: its `core` ('FSBSI', 'SPAI FSPMI', 'Aliansi Buruh Cianjur'), the
    structure word before it ('DPC'), the area or plant after it, and its lexicon entry when it has one."""

    span: Span
    core: str
    structure: str | None
    place: str | None
    info: lexicon.OrgInfo | None
    full_name: str | None

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.structure, self.core, self.place) if p)


@dataclass(frozen=True)
class Vocabulary:
    orgs: PhraseIndex[lexicon.OrgInfo]
    full_names: PhraseIndex[str]
    structures: frozenset[str]
    structures_long: PhraseIndex[str]


@cache
def vocabulary() -> Vocabulary:
    lex = lexicon.load()
    long_forms = dict(STRUCTURE_LONG)
    for term, full_name, level in lexicon.union_units():
        if full_name[:1].isupper() and "(" not in full_name and "person" not in level:
            long_forms[full_name] = term
    return Vocabulary(
        orgs=PhraseIndex(lex.orgs.items()),
        full_names=PhraseIndex(lex.org_full.items(), key=lowered, commas=True),
        structures=frozenset(lex.union_structure) | {"PSP", "Perda"},
        structures_long=PhraseIndex(long_forms.items()),
    )


def union_words(text: str, tokens: list[Token]) -> list[Token]:
    """The article's tokens as union names need them: hyphens and dots split ('Garda Metal-FSPMI') unless the
    lexicon writes the word so, 'K-SPSI' and 'K.SPSI' are KSPSI, slashes join acronyms ('SP/SB') but two the
    lexicon knows stay two ('FSPMI/KSPI')."""
    out: list[Token] = []
    whole = vocabulary().orgs.table
    for token in tokens:
        word = token.text
        if "-" in word or "." in word:
            prefixed = CONFEDERATION_PREFIX_RE.fullmatch(word)
            if prefixed and ("K" + prefixed.group(1),) in whole:
                out.append(Token(token.start, token.end, "K" + prefixed.group(1)))
                continue
            if (word,) not in whole:
                out += [Token(token.start + m.start(), token.start + m.end(), m.group())
                        for m in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*", word)]
                continue
        if out and out[-1].end == token.start - 1 and text[token.start - 1] == "/" and out[-1].text.isupper() \
                and word.isupper() and not ((out[-1].text,) in whole and (word,) in whole):
            out[-1] = Token(out[-1].start, token.end, text[out[-1].start:token.end])
        else:
            out.append(token)
    return out


def words(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end], for reading the area written after a union's name."""
    end = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text, start, end)]


def is_acronym(word: str, upper_line: bool) -> bool:
    """An acronym that may name a union: capitals, not a common acronym, rank, place or police word."""
    if upper_line or len(word.replace("/", "")) < 2 or not ACRONYM_RE.fullmatch(word) or word in ACRONYM_STOP:
        return False
    lex = lexicon.load()
    gaz = gazetteer.load()
    if word in lex.ranks or word.title() in lex.positions or word.lower() in gaz.province_by_name \
            or word in titles():
        return False
    if word.startswith(("POL", "KAPOL", "MAPOL")) or word.lower() in lex.days or word.lower() in lex.months:
        return False
    return not gaz.kabkota_names_upper.table.get((word,))


@cache
def titles() -> frozenset[str]:
    """Academic titles written as capitals ('SH', 'SIK'): after a name, never a union."""
    return frozenset(t.replace(".", "") for t in lexicon.read_lines("name_titles.txt"))


def upper_lines(text: str) -> list[tuple[int, int]]:
    """Lines written in capitals (headlines): their acronyms cannot be told from their words."""
    out = []
    if not CAPITAL_RUN_RE.search(text):
        return out
    for m in re.finditer(r"[^\n]{12,}", text):
        letters = len(LETTER_RE.findall(m.group()))
        if letters >= 12 and len(CAPITAL_RE.findall(m.group())) > 0.8 * letters:
            out.append((m.start(), m.end()))
    return out


def find_unions(text: str, tokens: list[Token]) -> list[UnionMention]:
    """Every labour body the text names, each mention once, in text order (`tokens`: the text's tokens)."""
    uppers = upper_lines(text)
    tokens = union_words(text, tokens)
    known = vocabulary().orgs.find(tokens, text)
    spelled = spelled_out(text, tokens, [hit.payload for hit in known])
    defined = {m.core for m in spelled if m.core.isupper() or syllabic(m)}
    taken = [m.span for m in spelled]
    chunks = abbreviated(text, tokens, known, uppers, defined, taken)
    listed = list_items(text, uppers, chunks + spelled)
    found = [with_wing(text, with_faction(text, m)) for m in spelled + chunks + listed]
    found += plant_unions(text, [m.span for m in found])
    return without_leaders(text, sorted(found, key=lambda m: m.span.start))


def syllabic(mention: UnionMention) -> bool:
    """A one-word abbreviation in syllables that a bracket gave a name written out ('... (Gaspermindo)')."""
    core = mention.core
    return bool(mention.full_name) and core[:1].isupper() and " " not in core and len(core) >= 4 \
        and core not in (mention.full_name or "")


def without_leaders(text: str, found: list[UnionMention]) -> list[UnionMention]:
    """A leader's name written after the body's with no comma ('Ketua Aliansi Buruh Cianjur Hendra Malik
    berorasi') is no part of it: after a union role, a name that runs on past another mention of the same body
    ('Aliansi Buruh Cianjur') by capitalised words that are neither labour words nor places ends where that
    mention's name ends, unless a comma puts the leader after it ('Ketua Serikat Buruh Maju Sejahtera, Andi')."""
    shorter = sorted({m.label: m for m in found}.items(), key=lambda p: -len(p[0]))
    out = []
    for m in found:
        short = next((o for label, o in shorter
                      if m.label.startswith(label + " ") and is_leader_name(m.label[len(label) + 1:])), None)
        role = short and role_before().search(text, max(0, m.span.start - 30), m.span.start)
        named_after = NAMED_AFTER_RE.match(text, m.span.end)
        leader = m.label[len(short.label) + 1:].split()[0] if role and not named_after else None
        at = m.span.text.rfind(" " + leader) if leader else -1
        if at > 0:
            end = m.span.start + len(m.span.text[:at].rstrip())
            m = UnionMention(Span(m.span.start, end, text[m.span.start:end]), short.core, short.structure,
                             short.place, m.info or short.info, m.full_name)
        out.append(m)
    return out


@cache
def role_before() -> re.Pattern[str]:
    """A union role ('Ketua', 'Koordinator') right before a name."""
    return re.compile(rf"(?:{lexicon.load().person_role_re.pattern})[ \t]+$")


def is_leader_name(words_after: str) -> bool:
    """'Hendra Malik', 'Sobirin': capitalised words that name no union, trade or place."""
    parts = words_after.split()
    return all(p[:1].isupper() and not p.isupper() for p in parts) and not LABOUR_WORD_RE.search(words_after) \
        and not any(is_place(p) for p in parts) and not is_place(words_after)


def plant_unions(text: str, taken: list[Span]) -> list[UnionMention]:
    """A plant's union written in lower case before its company ('serikat pekerja PT Maju Jaya'), labelled as
    'SP PT Maju Jaya' is."""
    out = []
    for m in led_matches(PLANT_UNION_LEAD_RE, PLANT_UNION_RE, text):
        if any(s.start <= m.start() < s.end for s in taken) or PLURAL_BEFORE_RE.search(text, max(0, m.start() - 12),
                                                                                          m.start()):
            continue
        place, end = place_after(text, m.end() - 1)
        if place:
            core = "SB" if m.group(1) == "buruh" else "SP"
            out.append(UnionMention(Span(m.start(), end, text[m.start():end]), core, None, place, None, None))
    return out


def with_wing(text: str, mention: UnionMention) -> UnionMention:
    """A union's security or action wing named before it ('Brigade KSPSI', 'Laskar SPN', 'Garda KSPI') is a
    body of its own, as Garda Metal is FSPMI's."""
    wing = WING_BEFORE_RE.search(text, max(0, mention.span.start - 10), mention.span.start)
    if wing is None or mention.structure or mention.core.startswith(wing.group(1)):
        return mention
    span = Span(wing.start(), mention.span.end, text[wing.start():mention.span.end])
    return UnionMention(span, f"{wing.group(1)} {mention.core}", None, mention.place, mention.info, mention.full_name)


def with_faction(text: str, mention: UnionMention) -> UnionMention:
    """A confederation named with its faction's leader ('KSPSI kubu Jumhur Hidayat', 'KSPSI versi Andi Gani')
    is that faction of the lexicon ('KSPSI Jumhur', 'KSPSI AGN'), the leader's name words in its full name."""
    led = LED_BY_RE.match(text, mention.span.end)
    if led is None or mention.info is None or mention.place:
        return mention
    leader = {w for w in led.group(1).split() if len(w) >= 4}
    for info in factions().get(mention.info.abbreviation, ()):
        if leader & set(info.full_name.replace(",", " ").split()):
            span = Span(mention.span.start, led.end(1), text[mention.span.start:led.end(1)])
            return UnionMention(span, info.abbreviation, mention.structure, None, info, mention.full_name)
    return mention


@cache
def factions() -> dict[str, tuple[lexicon.OrgInfo, ...]]:
    """The lexicon's factions by the body they split ('KSPSI': KSPSI AGN, KSPSI Jumhur)."""
    out: dict[str, list[lexicon.OrgInfo]] = {}
    for info in set(lexicon.load().orgs.values()):
        if info.faction_of:
            out.setdefault(info.faction_of, []).append(info)
    return {k: tuple(sorted(v, key=lambda i: i.abbreviation)) for k, v in out.items()}


def spelled_out(text: str, tokens: list[Token], present: list[lexicon.OrgInfo]) -> list[UnionMention]:
    """Names written out: the lexicon's full names ('Federasi Serikat Pekerja Metal Indonesia') and bodies of
    union shape ('Serikat Pekerja Mandiri PT Indah Kiat', 'Aliansi Buruh Cianjur'), with the abbreviation in
    brackets after them when there is one."""
    voc = vocabulary()
    lex = lexicon.load()
    out: list[UnionMention] = []
    listing = [m for m in led_matches(LISTING_LEAD_RE, LISTING_NAME_RE, text)
               if (paren := PAREN_RE.match(text, m.end())) and paren.group(1)[0] == m.group()[0]]
    for hit in voc.full_names.find(tokens, text):
        if text[hit.start].isupper() and not any(m.start() < hit.start < m.end() for m in listing):
            out.append(spelled_mention(text, hit.start, hit.end, lex.orgs[hit.payload], text[hit.start:hit.end]))
    alliances = [m for m in led_matches(ALLIANCE_LEAD_RE, ALLIANCE_RE, text)
                 if is_place(m.group().split()[1]) and not in_title_case(text, m.start())]
    listing += [m for m in led_matches(LISTING_LEAD_RE, TRADES_NAME_RE, text) if trades_only(m.group())]
    found = listing + led_matches(GENERIC_LEAD_RE, GENERIC_HEAD_RE, text) + alliances
    for m in found:
        if any(s.span.start <= m.start() < s.span.end or m.start() <= s.span.start < m.end() for s in out):
            continue
        name = generic_name(text, m.start(), m.group())
        if name is not None and (rest := NEXT_NAME_RE.match(text, m.start() + len(name))) and rest.end() < m.end() \
                and (following := GENERIC_HEAD_RE.match(text, rest.end())):
            found.append(following)
        if name is None or any(word in lex.orgs for word in name.split()):
            continue
        core, area = split_area(name)
        info = shortened(core, present + [o.info for o in out if o.info])
        defined = defined_before(text, m.start(), m.start() + len(name))
        if info is None and defined:
            out.append(defined)
            continue
        mention = spelled_mention(text, m.start(), m.start() + len(name), info, name)
        if info is None and mention.core == name and area:
            mention = UnionMention(mention.span, core, mention.structure, area, None, mention.full_name)
        words_of_name = {w.lower().rstrip(".") for w in re.split(r"[ /-]", name)}
        generic = not words_of_name - GENERIC_WORDS - AREA_WORDS
        distinctive = mention.core != name and mention.core not in HEADS and len(mention.core) >= 3
        if info is None and generic and (mention.core == name or not mention.place and not distinctive):
            continue
        out.append(by_initials(text, mention) if info is None and mention.core in (name, core) else mention)
    return out


def by_initials(text: str, mention: UnionMention) -> UnionMention:
    """A name written out whose initials the text also writes as a word ('Federasi Serikat Buruh Karya Utama'
    beside 'Ketua FSBKU', or again after 'Federasi Serikat Buruh Karya Utama (FSBKU)') is the body that
    abbreviation names, labelled by it as the gold labels bodies (four letters at least: 'FSP' heads many)."""
    initials = "".join(w[0] for w in mention.core.split() if w[:1].isupper())
    if len(initials) < 4 or initials in ACRONYM_STOP or not re.search(rf"(?<![\w-]){initials}(?![\w-])", text):
        return mention
    return UnionMention(mention.span, initials, mention.structure, mention.place, lexicon.load().orgs.get(initials),
                        mention.full_name)


def defined_before(text: str, start: int, end: int) -> UnionMention | None:
    """A name written out in brackets after its abbreviation ('SBM (Serikat Buruh Maju)', 'KSBI (Konfederasi
    Serikat Buruh ...)') is the body the abbreviation names, labelled by it (its first letter the name's)."""
    before = ACRONYM_BEFORE_RE.search(text, max(0, start - 16), start)
    close = re.compile(r"[ \t]*\)").match(text, end)
    if before is None or close is None or before.group(1)[0] != text[start] or before.group(1) in ACRONYM_STOP:
        return None
    structure, first = structure_before(text, before.start(1))
    place, stop = place_after(text, close.end())
    info = lexicon.load().orgs.get(before.group(1))
    return UnionMention(Span(first, stop, text[first:stop]), before.group(1), structure, place, info, text[start:end])


def trades_only(name: str) -> bool:
    """The items of a name's list are trades, not the people, offices or places of a sentence that lists them
    ('Serikat Pekerja Mandiri, Kapolres dan Bupati')."""
    lex = lexicon.load()
    words = re.findall(r"[A-Z][\w'’-]*", name.split(",", 1)[1])
    return not any(w in lex.name_stopwords or w in lex.positions or w in lex.roles or w in lex.ranks or is_place(w)
                   or w in lex.days for w in words)


def split_area(name: str) -> tuple[str, str | None]:
    """'Aliansi Buruh Jawa Tengah' -> ('Aliansi Buruh', 'Jawa Tengah')."""
    m = re.search(r" ((?:Kabupaten|Kota|Provinsi|Kab\.) .+)$", name)
    if m:
        return name[:m.start()], m.group(1)
    parts = name.split()
    for n in range(min(3, len(parts) - 2), 0, -1):
        if is_place(" ".join(parts[-n:])):
            return " ".join(parts[:-n]), " ".join(parts[-n:])
    return name, None


def shortened(core: str, present: list[lexicon.OrgInfo]) -> lexicon.OrgInfo | None:
    """A body of the article whose full name this one shortens: 'Aliansi Serikat Buruh' for ASPSB (the same
    first word, three words or more, all of them in the full name)."""
    wanted = core.lower().split()
    if len(wanted) < 3:
        return None
    for info in present:
        full = info.full_name.lower().replace(",", " ").split()
        if full[0] == wanted[0] and set(wanted) <= set(full):
            return info
    return None


def generic_name(text: str, start: int, phrase: str) -> str | None:
    """The union name in a phrase of union shape, cut before event words ('Serikat Buruh Audiensi dengan
    Polres') unless its bracketed abbreviation follows the whole phrase ('Forum Aksi Peduli Tenaga Kerja Lokal
    (FAP TEKAL)'); None after a plural ('para Serikat Pekerja Jatim') or a building ('Gedung Serikat Pekerja')."""
    if PLURAL_BEFORE_RE.search(text, max(0, start - 12), start):
        return None
    if re.search(r"(?:Gedung|Kantor|Sekretariat|Peraturan)\s+$", text[max(0, start - 14):start]):
        return None
    kept: list[str] = []
    parts = phrase.split(" ")
    paren_follows = PAREN_RE.match(text, start + len(phrase)) is not None
    for k, word in enumerate(parts):
        joined = word == "Dan" and k + 1 < len(parts) and LABOUR_WORD_RE.fullmatch(parts[k + 1])
        named_action = word == "Aksi" and k == 1 and parts[0] in ACTION_BODY_HEADS
        if (word in EVENT_WORDS and not joined and not named_action) or STOP_WORD_RE.match(word):
            break
        if word == "atau" and k + 1 < len(parts) and ACRONYM_RE.fullmatch(parts[k + 1]) and parts[k + 1][0] == phrase[0]:
            break
        if word in ("dan", "atau") and k + 1 < len(parts) and GENERIC_HEAD_RE.match(" ".join(parts[k + 1:k + 3])) \
                and k + 2 < len(parts) and LABOUR_WORD_RE.fullmatch(parts[k + 2]) and not paren_follows:
            break
        kept.append(word)
    paren = PAREN_RE.match(text, start + len(phrase))
    if len(kept) < len(phrase.split(" ")) and paren and paren.group(1)[0] == phrase[0] \
            and not any(STOP_WORD_RE.match(w) for w in phrase.split(" ")):
        kept = phrase.split(" ")
    while kept and kept[-1] in ("dan", "atau"):
        kept.pop()
    name = " ".join(kept)
    head = kept[0] if kept else ""
    if len(kept) < 2 or head not in ("Federasi", "Konfederasi") and not LABOUR_WORD_RE.search(name) \
            or NOT_WORKERS_RE.search(name):
        return None
    if head in ("Serikat", "Sarikat", "Badan") and not LABOUR_WORD_RE.search(" ".join(kept[1:2])):
        return None
    return name


def spelled_mention(text: str, start: int, end: int, info: lexicon.OrgInfo | None, name: str) -> UnionMention:
    """A written-out name with the structure word before it, its bracketed abbreviation and its area."""
    structure, start = structure_before(text, start)
    full_end = end
    paren = PAREN_RE.match(text, end)
    core = info.abbreviation if info else name
    inner_place = None
    if paren and not is_abbreviation(paren.group(1).strip()):
        inner_place = bracketed_place(paren.group(1).strip())
    if paren and (is_abbreviation(paren.group(1).strip()) or inner_place):
        inner_structure, inner = split_structure(paren.group(1).strip())
        if inner_place:
            inner = inner[:-len(inner_place)].strip()
        core = inner
        info = info or lexicon.load().orgs.get(inner)
        structure = structure or inner_structure
        end = paren.end()
    elif (also := ALSO_CALLED_RE.match(text, end)) and also.group(1)[0] == name[0] \
            and also.group(1) not in ACRONYM_STOP:
        core = also.group(1)
        info = info or lexicon.load().orgs.get(core)
        end = also.end()
    elif info is None:
        later = LATER_PAREN_RE.match(text, end)
        if later and later.group(1) in lexicon.load().orgs:
            info = lexicon.load().orgs[later.group(1)]
            core = info.abbreviation
    parent = PARENT_AFTER_RE.match(text, end)
    if parent and lexicon.load().orgs.get(parent.group(1)) and parent.group(1) not in core:
        core, end = f"{core} {parent.group(1)}", parent.end()
    year = YEAR_AFTER_RE.match(text, end)
    if year:
        core, end = f"{core} {year.group(1)}", year.end()
    unit = UNIT_AFTER_RE.match(text, end)
    if structure is None and unit and unit.group(1) in vocabulary().structures:
        structure, end = unit.group(1), unit.end()
    place, end = place_after(text, end)
    return UnionMention(Span(start, end, text[start:end]), core, structure, place or inner_place, info,
                        text[start:full_end])


def is_abbreviation(inner: str) -> bool:
    """'FSPMI', 'PUK FSP TSK KSPSI', 'Perda KSPI', 'SP/SB', 'Kabut', 'Gaspermindo' (syllables of the name's
    words), 'FSPSI Reformasi' (an acronym and the split it names): not a name written out."""
    parts = inner.split()
    if len(parts) == 1:
        return len(parts[0]) <= 14 or parts[0].isupper()
    if len(parts) == 2 and parts[0].isupper() and SUFFIX_AFTER_RE.fullmatch(" " + parts[1]):
        return True
    return all(p.isupper() or p in vocabulary().structures for p in parts)


def bracketed_place(inner: str) -> str | None:
    """The area after an abbreviation in brackets ('SPTE Kaltim', 'PC FSPMI Kabupaten Batam'), when the rest is
    an abbreviation."""
    words = inner.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        area = " ".join(words[-n:])
        bare = re.sub(r"^(?:Kabupaten|Kab\.|Kota|Provinsi)\s+", "", area)
        if bare != area and len(words) - n > 0 or is_place(bare):
            rest = " ".join(words[:-n])
            if rest and is_abbreviation(rest):
                return area
    return None


def split_structure(inner: str) -> tuple[str | None, str]:
    """'PUK FSP TSK KSPSI' -> ('PUK', 'FSP TSK KSPSI')."""
    first, _, rest = inner.partition(" ")
    if rest and first in vocabulary().structures:
        return first, rest
    return None, inner


def structure_before(text: str, start: int) -> tuple[str | None, int]:
    """A structure word right before a name: 'DPC ', 'Dewan Pimpinan Cabang ', or written out with its
    abbreviation in brackets ('Dewan Pimpinan Cabang (DPC) ', 'Pengurus Daerah (PD) ')."""
    head = text[max(0, start - 40):start]
    bracketed = BRACKETED_STRUCTURE_RE.search(head)
    if bracketed and bracketed.group(1) in vocabulary().structures:
        return bracketed.group(1), start - len(head) + bracketed.start()
    m = re.search(r"(\w+(?: \w+){0,2}) $", head)
    if not m:
        return None, start
    phrase = m.group(1)
    candidates = phrase.split(" ")
    for n in range(len(candidates), 0, -1):
        tail = " ".join(candidates[-n:])
        long_form = vocabulary().structures_long.table.get(tuple(tail.split(" ")))
        if long_form:
            return long_form, start - len(tail) - 1
    if candidates[-1] in vocabulary().structures:
        return candidates[-1], start - len(candidates[-1]) - 1
    return None, start


def place_after(text: str, end: int, free: bool = False) -> tuple[str | None, int]:
    """The area ('Kabupaten Kampar', 'Jawa Timur', 'Batam') or plant ('PT Tai Cheng Development') written
    right after a union name; with `free` (inside a list of unions) any capitalised words."""
    company = COMPANY_RE.match(text, end)
    if company:
        name = company_name(company.group(1))
        last = name.split()[-1]
        return f"PT {name}", text.index(last, company.start(1)) + len(last)
    prefix = AREA_PREFIX_RE.match(text, end)
    after = prefix.end() if prefix else end + 1
    if not prefix and not text.startswith((" ", "\t"), end):
        return None, end
    picked: list[Token] = []
    for token in words(text, after, min(len(text), after + 40)):
        gap = text[(picked[-1].end if picked else after):token.start]
        if gap.strip(" \t") or (gap and not picked) or not token.text[:1].isupper() or token.text in EVENT_WORDS:
            break
        picked.append(token)
        if len(picked) == 3:
            break
    known = next((n for n in range(len(picked), 0, -1) if is_place(" ".join(t.text for t in picked[:n]))), 0)
    if not known and prefix and picked:
        known = 2 if len(picked) > 1 and picked[1].text in COMPASS else 1
    if not known and free:
        known = len(picked)
    if not known:
        return None, end
    phrase = " ".join(t.text for t in picked[:known])
    return (f"{prefix.group(1)} {phrase}" if prefix else phrase), picked[known - 1].end


def company_name(words_after: str) -> str:
    """'KSI Bustami' -> 'KSI' (an acronym is the whole name); 'Tai Cheng Development' stays."""
    parts = words_after.split()
    if ACRONYM_RE.fullmatch(parts[0].rstrip(".,")):
        return parts[0].rstrip(".,")
    kept = []
    for part in parts:
        if part.rstrip(".,") in EVENT_WORDS:
            break
        kept.append(part)
        if part.endswith((",", ".")):
            break
    return " ".join(kept).rstrip(".,")


def is_place(phrase: str) -> bool:
    gaz = gazetteer.load()
    return phrase in gaz.kabkota_by_base or phrase.lower() in gaz.province_by_name


def abbreviated(text: str, tokens: list[Token], hits: list[Hit[lexicon.OrgInfo]], uppers: list[tuple[int, int]],
                defined: set[str], taken: list[Span]) -> list[UnionMention]:
    """Bodies written as abbreviations: a lexicon name ('FSPMI', 'KSPSI AGN') with the acronyms before it
    ('SPAI FSPMI', 'FSP TSK KSPSI'), or a structure word or union head before an acronym ('DPD FARKES',
    'SB TEKAL'), or an acronym a bracket defined earlier; then the area or plant."""
    voc = vocabulary()
    known = {hit.first: hit for hit in hits}
    starts = [t.start for t in tokens]
    blocked = {k for s in taken for k in range(bisect_left(starts, s.start), bisect_left(starts, s.end))}
    openers = voc.structures | HEADS | defined
    candidates = [k for k, word in enumerate(token_keys(tokens, exact)) if word[:2].isupper() or word in openers
                  or k in known]
    out: list[UnionMention] = []
    resume = 0
    for i in candidates:
        token = tokens[i]
        if i < resume or i in blocked:
            continue
        upper = any(a <= token.start < b for a, b in uppers)
        j, parts, infos = i, [], []
        while j < len(tokens) and j not in blocked:
            if j > i and text[tokens[j - 1].end:tokens[j].start] not in (" ", "-"):
                break
            hit = known.get(j)
            if hit is not None:
                parts.append(("K", tokens[j].start, hit.end, hit.payload))
                infos.append(hit.payload)
                j = hit.last
                continue
            word = tokens[j].text
            if word in voc.structures and all(p[0] == "S" for p in parts):
                kind = "S"
            elif word in voc.structures and parts and not any(p[0] == "S" for p in parts) and \
                    any(p[0] in ("K", "A") for p in parts):
                parts.append(("T", tokens[j].start, tokens[j].end, None))
                j += 1
                break
            elif word in HEADS and not infos:
                kind = "H"
            elif word in defined or is_acronym(word, upper):
                kind = "A"
            elif NUMBER_RE.fullmatch(word) and infos and not number_is_a_count(text, tokens, j):
                kind = "N"
            else:
                break
            parts.append((kind, tokens[j].start, tokens[j].end, None))
            j += 1
        mention = chunk_mention(text, parts, infos, defined, upper)
        if mention is not None:
            out.append(mention)
            resume = next((k for k in range(j, len(tokens)) if tokens[k].start >= mention.span.end), len(tokens))
    return [m for m in out if m.info is None or m.info.is_labour or "EMPLOYERS" in m.info.kind]


def number_is_a_count(text: str, tokens: list[Token], j: int) -> bool:
    """'SBSI 92' and 'SBSI 1992 berunjuk rasa' name a union (its founding year, two digits or 19xx); 'KSPI 200
    orang' counts people, 'FSPMI 2025 digelar' dates an event."""
    following = tokens[j + 1].text if j + 1 < len(tokens) else ""
    if following.lower() in lexicon.load().months or following.lower() in COUNT_NOUNS:
        return True
    if len(tokens[j].text) == 2 or tokens[j].text.startswith("19"):
        return False
    return bool(re.match(r"[a-z]", following)) and following not in ("dan", "serta", "yang", "di", "ke")


def chunk_mention(text: str, parts: list, infos: list, defined: set[str], upper: bool) -> UnionMention | None:
    """A run of structure words, heads, acronyms and lexicon names, if it has the shape of a union; a structure
    word or head alone before a company is its plant's union ('PUK PT Maju Jaya', 'SP PT Maju Jaya'); a structure
    word after the name is its unit ('SPN DPC Kota Serang' is DPC SPN Kota Serang)."""
    if len(parts) == 1 and parts[0][0] in ("S", "H") and not upper and COMPANY_RE.match(text, parts[0][2]):
        word = text[parts[0][1]:parts[0][2]]
        place, end = place_after(text, parts[0][2])
        structure, core = (word, "") if parts[0][0] == "S" else (None, word)
        return UnionMention(Span(parts[0][1], end, text[parts[0][1]:end]), core, structure, place, None, None)
    trailing = parts.pop() if parts and parts[-1][0] == "T" else None
    while parts and parts[-1][0] in ("S", "H"):
        parts.pop()
    if not parts:
        return None
    kinds = [p[0] for p in parts]
    structure_end = next((k for k, kind in enumerate(kinds) if kind != "S"), len(kinds))
    core_parts = parts[structure_end:]
    if not core_parts:
        return None
    core_kinds = [p[0] for p in core_parts]
    if upper and "K" not in core_kinds:
        return None
    has_known = "K" in core_kinds
    shaped = structure_end > 0 or core_kinds[0] == "H" and len(core_kinds) > 1
    is_defined = any(text[p[1]:p[2]] in defined for p in core_parts)
    member = MEMBER_OF_RE.search(text, max(0, parts[0][1] - 30), parts[0][1]) is not None \
        or WORKERS_OF_RE.search(text, max(0, parts[0][1] - 20), parts[0][1]) is not None
    if not (has_known or shaped or is_defined or member):
        return None
    if not has_known and OTHER_MEMBERS_BEFORE_RE.search(text, max(0, parts[0][1] - 60), parts[0][1]):
        return None
    start, end = parts[0][1], core_parts[-1][2]
    structure = " ".join(text[p[1]:p[2]] for p in parts[:structure_end]) or None
    if structure is None:
        structure, start = structure_before(text, start)
    if structure is None and trailing is not None:
        structure, end = text[trailing[1]:trailing[2]], trailing[2]
    core = " ".join(written(text[p[1]:p[2]], p[3]) for p in core_parts)
    info = infos[0] if infos else None
    if suffix := SUFFIX_AFTER_RE.match(text, end):
        core, end = f"{core} {suffix.group(1)}", suffix.end()
    place, end = place_after(text, end)
    return UnionMention(Span(start, end, text[start:end]), core, structure, place, info, None)


def written(surface: str, info: lexicon.OrgInfo | None) -> str:
    """A lexicon name as the label shows it: an acronym as written ('SBSI', 'SP LEM SPSI'), any other spelling
    ('FK3-IKPP', 'K-SPSI', 'Apindo') as the table's abbreviation."""
    if info is None or re.fullmatch(r"[A-Z0-9 ]+", surface):
        return surface
    return info.abbreviation


def named_heads(text: str, taken: list[Span]) -> list[UnionMention]:
    """'TKBM Tunas Bangsa Mandiri': a union head followed by a name in capitals."""
    out = []
    for m in led_matches(NAMED_HEAD_LEAD_RE, NAMED_HEAD_RE, text):
        if any(s.start <= m.start() < s.end for s in taken):
            continue
        kept = [m.group(1)]
        for word in m.group(2).split():
            if word in EVENT_WORDS:
                break
            kept.append(word)
        if len(kept) < 2:
            continue
        core = " ".join(kept)
        end = text.index(kept[-1], m.start() + len(kept[0]) + 1) + len(kept[-1])
        out.append(UnionMention(Span(m.start(), end, text[m.start():end]), core, None, None, None, None))
    return out


def list_items(text: str, uppers: list[tuple[int, int]], found: list[UnionMention]) -> list[UnionMention]:
    """Every item of a list that names at least two unions ('yaitu DPD SPN, FSPMI, FSKEP dan SPSI 1973'):
    items written as acronyms, or as a union head and a name ('SB Semar Grobogan')."""
    out = named_heads(text, [m.span for m in found])
    starts = {m.span.start for m in found + out}
    lines = Counter(text.rfind("\n", 0, s) + 1 for s in starts)
    for line_start in (line for line, count in lines.items() if count >= 2):
        line_end = text.find("\n", line_start)
        out += list_run_items(text, line_start, len(text) if line_end < 0 else line_end, uppers, starts)
    return out


def list_run_items(text: str, start: int, end: int, uppers: list[tuple[int, int]],
                   starts: set[int]) -> list[UnionMention]:
    """The unions of the lists of unions in text[start:end] (one line)."""
    out = []
    for run in LIST_RE.finditer(text, start, end):
        if any(a <= run.start() < b for a, b in uppers):
            continue
        items = []
        position = run.start()
        for separator in LIST_SEPARATOR_RE.finditer(text, run.start(), run.end()):
            items.append((position, separator.start()))
            position = separator.end()
        items.append((position, run.end()))
        if sum(any(a <= s < b for s in starts) for a, b in items) < 2:
            continue
        for a, b in items:
            if not any(a <= s < b for s in starts):
                out += list_item(text, a, b)
    return out


def list_item(text: str, start: int, end: int) -> list[UnionMention]:
    """An item of a list of unions: an acronym with what follows it ('KSPSI Citra Raya', 'SPTP PT CDB'), or a
    union head with its name ('SB Semar Grobogan', 'Aliansi BUSUR')."""
    item = text[start:end]
    first = item.split()[0]
    if first in HEADS or first in ("Aliansi", "Forum", "Serikat"):
        core = re.sub(r"\s+", " ", item).replace("PT.", "PT")
        return [UnionMention(Span(start, end, item), core, None, None, None, None)]
    if not is_acronym(first, False):
        return []
    place, stop = place_after(text, start + len(first), free=True)
    return [UnionMention(Span(start, stop, text[start:stop]), first, None, place, None, None)]
