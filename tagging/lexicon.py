"""The lexicons of seeds/lexicons, read and compiled once per process.

Every matcher the tagger uses is built here from data, so a lexicon change needs no code change (and
`pantau retag` picks it up). `load()` is cached: the first call costs a few tens of milliseconds, the rest
nothing.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from core import vocabulary
from tagging import morphology


def seeds_dir() -> Path:
    """Where the seeds package keeps its data, installed or in a checkout."""
    return Path(str(files("seeds")))


def read_csv(name: str) -> list[dict[str, str]]:
    with (seeds_dir() / "lexicons" / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def read_lines(name: str) -> list[str]:
    text = (seeds_dir() / "lexicons" / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def split_variants(cell: str) -> list[str]:
    """`A|B|C (old)` -> [A, B, C]: the tables mark historical forms in parentheses."""
    return [re.sub(r"\s*\(.*?\)\s*$", "", v).strip() for v in cell.split("|") if v.strip()]


def alternation(words: list[str] | set[str]) -> str:
    """A regex alternation that prefers the longest form (so 'Kapolresta' wins over 'Kapolres')."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def bounded(pattern: str) -> str:
    """Word boundaries that also hold next to dots and apostrophes inside forms like 'Pol.'."""
    return rf"(?<![\w]){pattern}(?![\w])"


@dataclass(frozen=True)
class RankInfo:
    canonical: str
    short: str
    order: int


@dataclass(frozen=True)
class PositionInfo:
    canonical: str
    unit_type: str | None
    unit_level: str


@dataclass(frozen=True)
class OrgInfo:
    abbreviation: str
    full_name: str
    kind: str
    affiliation: str
    is_labour: bool
    faction_of: str | None


@dataclass(frozen=True)
class RoleInfo:
    canonical: str
    level: str
    sector: str


@dataclass(frozen=True)
class EngagementType:
    id: str
    rank: int
    triggers: re.Pattern[str]
    weak: re.Pattern[str] | None
    cues: re.Pattern[str] | None


@dataclass(frozen=True)
class Lexicon:
    ranks: dict[str, RankInfo]
    rank_re: re.Pattern[str]
    positions: dict[str, PositionInfo]
    position_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    non_police_re: re.Pattern[str]
    generic_police_re: re.Pattern[str]
    unit_areas: dict[str, str]
    orgs: dict[str, OrgInfo]
    org_re: re.Pattern[str]
    org_full_re: re.Pattern[str]
    org_full: dict[str, str]
    union_structure: frozenset[str]
    roles: dict[str, RoleInfo]
    role_re: re.Pattern[str]
    person_roles: dict[str, str]
    person_role_re: re.Pattern[str]
    titles_re: re.Pattern[str]
    name_stopwords: frozenset[str]
    office_words: frozenset[str]
    days: dict[str, int]
    months: dict[str, int]
    day_re: str
    month_re: str
    pasaran_re: str
    types: tuple[EngagementType, ...]
    common_place_words: frozenset[str]


NON_LABOUR_KINDS = ("EMPLOYERS", "UN agency", "peasants")
RANK_SHORT_EXCEPTIONS = {"Jenderal Polisi": "Jenderal Polisi"}
POLICE_WORDS_RE = re.compile(r"Kepolisian|Reserse|Intelijen|Samapta|Sabhara|Brigade Mobil|Lalu Lintas|"
                             r"Profesi dan Pengamanan|Pembinaan Masyarakat|Bhayangkara")
POSITION_UNITS = {
    "Kapolri": "Mabes Polri", "Wakapolri": "Mabes Polri", "Kapolda": "Polda", "Wakapolda": "Polda",
    "Kapolrestabes": "Polrestabes", "Kapolresta": "Polresta", "Kapolres": "Polres", "Kapolres Metro": "Polres Metro",
    "Wakapolres": "Polres", "Kapolsek": "Polsek", "Wakapolsek": "Polsek",
}


def load_ranks() -> tuple[dict[str, RankInfo], re.Pattern[str]]:
    ranks: dict[str, RankInfo] = {}
    for row in read_csv("police_ranks.csv"):
        variants = split_variants(row["abbreviations"]) + [row["rank"]] + without_polisi(row["rank"])
        plain = [v for v in variants if " " not in v and "." not in v]
        short = RANK_SHORT_EXCEPTIONS.get(row["rank"]) or min(plain, key=len)
        info = RankInfo(row["rank"], short, int(row["order"]))
        for variant in variants:
            for form in {variant, variant.upper(), variant.capitalize() if variant.isupper() else variant}:
                ranks[form] = info
    # 'Brigadir' alone and 'Jenderal' alone are ranks only before a name: the name check in actors.py guards them.
    return ranks, re.compile(bounded(f"(?:{alternation(ranks)})"))


def without_polisi(rank: str) -> list[str]:
    """A rank written out leaves out 'Polisi' as often as not ('Ajun Komisaris Besar Budi', 'Inspektur Satu
    Agus'); the short form counts when it keeps two words (one word alone, 'Komisaris', is the table's own
    guarded form)."""
    short = " ".join(w for w in rank.split() if w != "Polisi")
    return [short] if short != rank and " " in short else []


def load_positions() -> tuple[dict[str, PositionInfo], re.Pattern[str]]:
    positions: dict[str, PositionInfo] = {}
    for row in read_csv("police_positions.csv"):
        # PJU is a collective; the adviser is a civilian; 'Kapolres Metro' is a Kapolres whose unit area
        # starts with Metro, which units.py reads as 'Polres Metro ...'.
        if row["position"] in ("PJU", "Kapolres Metro") or row["typical_rank"] == "(civilian)":
            continue
        unit_type = POSITION_UNITS.get(row["position"])
        info = PositionInfo(row["position"], unit_type, row["unit_level"])
        for variant in split_variants(row["variants"]) + spelled_position(row["full_name"]):
            positions.setdefault(variant, info)
    return positions, re.compile(bounded(f"(?:{alternation(positions)})"))


def spelled_position(full_name: str) -> list[str]:
    """A position written out ('Kepala Satuan Reserse Kriminal' before 'Polres Lebak'), when its words are the
    police's own (a 'Kepala Seksi Hubungan Masyarakat' serves any office)."""
    name = re.sub(r"\s*\(.*?\)", "", full_name)
    name = re.sub(r"\s+(?:Bareskrim Polri|Polri|Polda|Polres|Polsek)$", "", name)
    return [name] if POLICE_WORDS_RE.search(name) else []


def is_full_name(variant: str) -> bool:
    """'Aliansi Serikat Pekerja Serikat Buruh' is matched case-insensitively, 'KSPSI' or 'Apindo' exactly."""
    words = variant.split()
    return len(words) > 1 and any(re.fullmatch(r"[A-Z]?[a-z]{3,}", w) for w in words)


def spoken(variant: str) -> str:
    """An acronym the press writes as a word ('Kamiparho', 'Kasbi', 'Gebrak'): capitals of five letters or more
    in title case."""
    return " ".join(w.capitalize() if w.isalpha() and w.isupper() and len(w) >= 5 else w for w in variant.split())


def load_orgs() -> tuple[dict[str, OrgInfo], dict[str, str]]:
    orgs: dict[str, OrgInfo] = {}
    full_names: dict[str, str] = {}
    for row in read_csv("labour_orgs.csv"):
        is_labour = not any(word in row["kind"] for word in NON_LABOUR_KINDS)
        faction_of = row["affiliation"] if "faction" in row["kind"] else None
        info = OrgInfo(row["abbreviation"], row["full_name"], row["kind"], row["affiliation"], is_labour, faction_of)
        for variant in split_variants(row["variants"]):
            if is_full_name(variant):
                full_names[variant.lower()] = row["abbreviation"]
            else:
                orgs.setdefault(variant, info)
                orgs.setdefault(spoken(variant), info)
        orgs.setdefault(row["abbreviation"], info)
        name = row["full_name"]
        if name[:1].isupper() and "(" not in name:
            full_names.setdefault(name.lower(), row["abbreviation"])
    return orgs, full_names


def load_roles() -> dict[str, RoleInfo]:
    roles: dict[str, RoleInfo] = {}
    for row in read_csv("government_roles.csv"):
        if row["sector"] == "labour" and row["level"] == "issue":
            continue
        if row["role"].startswith("UMK"):
            continue
        for variant in split_variants(row["variants"]):
            roles[variant] = RoleInfo(row["role"], row["level"], row["sector"])
    # a frequent misspelling (seed 004) and long forms the table leaves implicit
    roles.setdefault("Menteri Ketenakerjaan", roles["Menteri Ketenagakerjaan"])
    roles.setdefault("Kepala Dinas Tenaga Kerja", roles["Kadisnaker"])
    return roles


def union_units() -> list[tuple[str, str, str]]:
    """(term, full name, level) of each union structure word; a row naming two ('Korwil / Korda', 'Koordinator
    Wilayah / Koordinator Daerah') gives both."""
    out = []
    for row in read_csv("labour_org_units.csv"):
        terms, names = row["term"].split(" / "), row["full_name"].split(" / ")
        if len(terms) == len(names):
            out += [(term, name, row["typical_level"]) for term, name in zip(terms, names)]
    return out


def load_calendar() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Weekdays, months and the Javanese market days ('pasaran', written after a weekday: 'Senin Legi')."""
    kinds: dict[str, dict[str, int]] = {"day": {}, "month": {}, "pasaran": {}}
    for row in read_csv("id_calendar.csv"):
        target = kinds.get(row["kind"])
        if target is None:
            continue
        for variant in split_variants(row["variants"]):
            target[variant.lower()] = int(row["number"])
    return kinds["day"], kinds["month"], kinds["pasaran"]


def pattern_of(words: list[str]) -> re.Pattern[str] | None:
    if not words:
        return None
    return re.compile(bounded(f"(?:{alternation(words)})"), re.IGNORECASE)


def load_types() -> tuple[EngagementType, ...]:
    """The vocabulary's engagement types with their phrases compiled, most severe first."""
    out = []
    for entry in vocabulary.engagement_types().values():
        triggers = pattern_of(list(entry.triggers))
        assert triggers is not None, entry.id
        out.append(EngagementType(entry.id, entry.rank, triggers,
                                  pattern_of(list(entry.weak_triggers)), pattern_of(list(entry.cues))))
    return tuple(out)


@dataclass(frozen=True)
class FamilyForm:
    """A surface form of a trigger family (trigger_families.csv): `strength` is 'strong', 'weak', or 'security'
    (police deployment words that are the securing of a labour action only beside one)."""

    phrase: str
    type: str
    strength: str


@cache
def trigger_families() -> tuple[FamilyForm, ...]:
    """Every affixed form of the trigger roots of trigger_families.csv (tagging/morphology.py)."""
    out = []
    for row in read_csv("trigger_families.csv"):
        for phrase in morphology.family(row["root"], row["affixes"].split()):
            out.append(FamilyForm(phrase, row["type"], row["strength"]))
    return tuple(out)


def units_pattern() -> re.Pattern[str]:
    """A police unit with its area: 'Polres Metro Bekasi Kota', 'Polda Banten', 'Polsek Cikande'."""
    area_word = r"(?:[A-Z][A-Za-z'’-]+|[A-Z]{2,})"
    head = r"(?:Ma)?(?:Polrestabes|Polresta|Polres|Polsek|Polsekta|Polda)"
    return re.compile(
        rf"(?<!\w){head}(?:\s+Metro(?=\s+[A-Z]))?(?:\s+(?!Kota\b){area_word}){{1,3}}"
        rf"|(?<!\w)(?:Mabes\s+Polri|Bareskrim(?:\s+Polri)?|Desk\s+Ketenagakerjaan(?:\s+Polri)?|Polda\s+Metro\s+Jaya)(?!\w)"
    )


@cache
def load() -> Lexicon:
    """Every lexicon, compiled. Cached for the life of the process."""
    ranks, rank_re = load_ranks()
    positions, position_re = load_positions()
    orgs, org_full = load_orgs()
    roles = load_roles()
    days, months, pasaran = load_calendar()
    person_roles = {row["role"]: row["kind"] for row in read_csv("person_roles.csv")}
    unit_rows = read_csv("police_units.csv")
    non_police = [v for row in unit_rows if row["is_polri"] == "False" for v in split_variants(row["variants"])]
    non_police += ["Polisi Pamong Praja", "Polisi Hutan", "Polisi Militer", "POM TNI"]
    titles = read_lines("name_titles.txt")
    union_structure = frozenset(term for term, _, _ in union_units())
    return Lexicon(
        ranks=ranks,
        rank_re=rank_re,
        positions=positions,
        position_re=position_re,
        unit_re=units_pattern(),
        non_police_re=re.compile(bounded(f"(?:{alternation(non_police)})")),
        generic_police_re=re.compile(
            r"(?<!\w)(?:polisi|kepolisian|aparat kepolisian|personel kepolisian|Polri|Polwan|Brimob|Dalmas|"
            r"Sabhara|Samapta|Satintelkam|Intelkam|polres|polsek|polda)(?!\w)", re.IGNORECASE),
        unit_areas={row["unit"]: row["code"] for row in read_csv("police_unit_areas.csv")},
        orgs=orgs,
        org_re=re.compile(bounded(f"(?:{alternation(orgs)})")),
        org_full_re=re.compile(bounded(f"(?:{alternation(org_full)})"), re.IGNORECASE),
        org_full=org_full,
        union_structure=union_structure,
        roles=roles,
        role_re=re.compile(bounded(f"(?:{alternation(roles)})")),
        person_roles=person_roles,
        person_role_re=re.compile(bounded(f"(?:{alternation(person_roles)})")),
        titles_re=re.compile(f"(?:{alternation(titles)})"),
        name_stopwords=frozenset(read_lines("name_stopwords.txt")),
        office_words=frozenset(read_lines("office_words.txt")),
        days=days,
        months=months,
        day_re=alternation(days),
        month_re=alternation(months),
        pasaran_re=alternation(pasaran),
        types=load_types(),
        common_place_words=frozenset(read_lines("place_common_words.txt")),
    )
