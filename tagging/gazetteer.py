"""Kemendagri regions from seeds/gazetteer/wilayah.tsv, indexed for top-down place resolution."""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from tagging.lexicon import read_csv, seeds_dir
from tagging.text import PhraseIndex

NON_ALNUM_RE = re.compile(r"[^0-9a-z]")
PREFIXES = ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota ")
SPACED_HEADS = ("Tanjung", "Pangkal", "Bandar", "Pematang", "Padang", "Gunung", "Tebing", "Bukit", "Lubuk", "Pagar",
                "Labuhan", "Sawah", "Banjar")
"""First words of kab/kota names that the press writes joined or apart as it likes ('Tanjungpinang' for Kemendagri's
Tanjung Pinang, 'Pematang Siantar' and 'Gunung Kidul' for its Pematangsiantar and Gunungkidul)."""
SPACED_HEAD_RE = re.compile(rf"({'|'.join(SPACED_HEADS)}) ?([A-Za-z]{{3,}})")
PROVINCE_ALIASES = {
    "DKI Jakarta": "31", "Jakarta": "31", "DKI": "31", "Jabar": "32", "Jateng": "33", "Jatim": "35",
    "DIY": "34", "Yogyakarta": "34", "Jogja": "34", "Jogjakarta": "34", "Sumut": "12", "Sumbar": "13",
    "Sumsel": "16", "Kaltim": "64", "Kalbar": "61", "Kalsel": "63", "Sulsel": "73", "Sulut": "71", "NTB": "52",
    "NTT": "53", "Kepri": "21", "Babel": "19",
}


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    level: str
    name: str
    base: str

    @property
    def province_code(self) -> str:
        return self.code.split(".")[0]

    @property
    def kabkota_code(self) -> str | None:
        parts = self.code.split(".")
        return ".".join(parts[:2]) if len(parts) >= 2 else None


@dataclass(frozen=True)
class Gazetteer:
    regions: dict[str, Region]
    kabkota_by_base: dict[str, tuple[str, ...]]
    kecamatan_by_name: dict[str, tuple[str, ...]]
    kecamatan_of: dict[str, tuple[str, ...]]
    kabkota_names: PhraseIndex[str]
    kabkota_names_upper: PhraseIndex[str]
    kecamatan_compact: dict[str, str]
    kecamatan_prefixes: frozenset[str]
    province_names: PhraseIndex[str]
    province_by_name: dict[str, str]
    areas: PhraseIndex[tuple[str, str]]

    def province_name(self, code: str) -> str:
        return self.regions[code.split(".")[0]].name

    def kecamatan_name(self, phrase: str) -> str | None:
        """The official kecamatan name for a press spelling: 'Medan Satria' -> 'Medansatria'."""
        return self.kecamatan_compact.get(compact(phrase))

    def shared(self, base: str) -> bool:
        """A base name that is both a Kabupaten and a Kota (Serang, Bekasi, Tangerang ...)."""
        return len(self.kabkota_by_base.get(base, ())) > 1


@lru_cache(maxsize=65536)
def compact(name: str) -> str:
    """Kemendagri writes 'Gunungputri' and 'Medansatria' where the press writes 'Gunung Putri'. Kept per word:
    kecamatan_mentions asks for every capitalised word of every article, and the same words recur."""
    return NON_ALNUM_RE.sub("", name.lower())


def respaced(base: str) -> str:
    """The other spelling of a kab/kota name with a SPACED_HEADS word: 'Tanjung Pinang' <-> 'Tanjungpinang',
    'Gunungkidul' <-> 'Gunung Kidul', 'Labuhanbatu Utara' <-> 'Labuhan Batu Utara'; other names as they are."""
    m = SPACED_HEAD_RE.match(base)
    if m is None:
        return base
    tail = m.group(2)
    joined = " " not in base[:m.end()]
    head = f"{m.group(1)} {tail[0].upper()}{tail[1:]}" if joined else f"{m.group(1)}{tail.lower()}"
    return head + base[m.end():]


def base_name(name: str) -> str:
    for prefix in PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


@cache
def load() -> Gazetteer:
    """The gazetteer, read once per process."""
    regions: dict[str, Region] = {}
    path = seeds_dir() / "gazetteer" / "wilayah.tsv"
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if not line or line.startswith(("#", "code\t")):
            continue
        code, level, name = line.split("\t")
        regions[code] = Region(code, level, name, base_name(name))
    by_base: dict[str, list[str]] = defaultdict(list)
    kec_by_name: dict[str, list[str]] = defaultdict(list)
    kec_of: dict[str, list[str]] = defaultdict(list)
    provinces: list[tuple[str, str]] = []
    for region in regions.values():
        if region.level in ("kabupaten", "kota"):
            by_base[region.base].append(region.code)
        elif region.level == "kecamatan":
            kec_by_name[region.name].append(region.code)
            kec_of[region.kabkota_code or ""].append(region.code)
        else:
            provinces.append((region.name, region.code))
    # Kecamatan names spelled alike once compacted ('Karangtengah' of four kabupaten, Kota Tangerang's 'Karang
    # Tengah') are one name to the press: each carries every code, so the kab/kota the text names decides.
    spellings: dict[str, list[str]] = defaultdict(list)
    for name in kec_by_name:
        spellings[compact(name)].append(name)
    for names in (n for n in spellings.values() if len(n) > 1):
        codes = sorted(code for name in names for code in kec_by_name[name])
        for name in names:
            kec_by_name[name] = codes
    for row in read_csv("place_aliases.csv"):
        by_base[row["alias"]] = [code for code in by_base[base_name(row["name"])] if regions[code].name == row["name"]]
    for base, codes in list(by_base.items()):
        by_base.setdefault(respaced(base), codes)
    provinces += list(PROVINCE_ALIASES.items())
    provinces += [(name.upper(), code) for name, code in provinces]
    return Gazetteer(
        regions=regions,
        kabkota_by_base={k: tuple(v) for k, v in by_base.items()},
        kecamatan_by_name={k: tuple(v) for k, v in kec_by_name.items()},
        kecamatan_of={k: tuple(v) for k, v in kec_of.items()},
        kabkota_names=PhraseIndex((base, base) for base in by_base),
        kabkota_names_upper=PhraseIndex((base.upper(), base) for base in by_base),
        kecamatan_compact={compact(name): name for name in kec_by_name},
        kecamatan_prefixes=frozenset(compact(name)[:k] for name in kec_by_name for k in range(1, len(compact(name)) + 1)),
        province_names=PhraseIndex(provinces),
        province_by_name={name.lower(): code for name, code in provinces},
        areas=PhraseIndex((row["area"], (row["code"], row["requires"])) for row in read_csv("place_areas.csv")),
    )


KABKOTA_LEVELS = ("kabupaten", "kota")


def kabkota_named(value: str) -> list[Region]:
    """The kabupaten/kota a person means: a code (36.04), a full name (Kota Serang) or a bare name
    (serang: Kabupaten and Kota Serang alike), in any case and spacing."""
    wanted = " ".join(value.split()).lower()
    return [region for region in load().regions.values()
            if region.level in KABKOTA_LEVELS and wanted in (region.code, region.name.lower(), region.base.lower())]


def kabkota_like(value: str, limit: int = 4) -> list[str]:
    """Full names of the kabupaten/kota whose name or bare name is closest to a misspelt one."""
    names: dict[str, list[str]] = defaultdict(list)
    for region in load().regions.values():
        if region.level in KABKOTA_LEVELS:
            names[region.base.lower()].append(region.name)
            names[region.name.lower()].append(region.name)
    close = difflib.get_close_matches(" ".join(value.split()).lower(), list(names), n=limit)
    return list(dict.fromkeys(name for match in close for name in names[match]))[:limit]


def unknown_kabkota(values: list[str] | tuple[str, ...]) -> str | None:
    """None when every value names a kabupaten/kota; else a sentence naming the first that does not, with close matches."""
    for value in values:
        if kabkota_named(value):
            continue
        close = kabkota_like(value)
        hint = (f"did you mean {', '.join(close)}?" if close
                else "give a code (36.04), a full name (Kota Serang) or a bare name (serang)")
        return f"no kabupaten/kota {value.strip()!r}: {hint}"
    return None
