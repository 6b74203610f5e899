"""Indonesian word families: the affixed forms of a root, generated from the rules of the language.

A trigger written once as a root ('kawal') matches every form news writes: mengawal, dikawal, terkawal,
pengawalan, kawalan, pengawalannya. The forms are generated when the lexicon is read, so matching stays a
dictionary lookup. The rules are the standard ones of Indonesian grammar: the nasal prefixes meN- and peN-
take the sound of the root's first letter and drop a voiceless k, p, t or s before a vowel (kawal ->
mengawal, pukul -> memukul, tangkap -> menangkap, semprot -> menyemprot); ber-, ter- and per- lose their r
before a root that begins with one (runding -> berunding, perundingan).
"""

from __future__ import annotations

VOWELS = frozenset("aeiou")
AFFIXES = frozenset({
    "base", "meN", "di", "ter", "ber", "peN", "peN-an", "per-an", "ke-an", "-an", "-kan", "meN-kan", "di-kan",
    "-i", "meN-i", "di-i", "ber-an", "memper-kan", "diper-kan",
})
"""The affix patterns a lexicon row may name ('meN-kan': meN- with -kan, as in membubarkan)."""


def nasal(head: str, root: str) -> str:
    """meN- or peN- (`head` 'me' or 'pe') before `root`, assimilated to its first sound."""
    first, second = root[0], root[1:2]
    if first in VOWELS or first in "gh":
        return f"{head}ng{root}"
    if first == "k":
        return f"{head}ng{root[1:]}" if second in VOWELS else f"{head}ng{root}"
    if first == "p":
        return f"{head}m{root[1:]}" if second in VOWELS else f"{head}m{root}"
    if first in "bfv":
        return f"{head}m{root}"
    if first == "t":
        return f"{head}n{root[1:]}" if second in VOWELS else f"{head}n{root}"
    if first == "s":
        return f"{head}ny{root[1:]}" if second in VOWELS else f"{head}n{root}"
    if first in "dcjz":
        return f"{head}n{root}"
    return f"{head}{root}"


def r_prefix(prefix: str, root: str) -> str:
    """ber-, ter-, per- before `root` ('runding' -> 'berunding')."""
    return prefix[:-1] + root if root.startswith("r") else prefix + root


def affixed(root: str, affix: str) -> str:
    """One form of `root`; for a root of several words the affix goes on the first ('tutup jalan' with meN-
    -> 'menutup jalan')."""
    if affix not in AFFIXES:
        raise ValueError(f"unknown affix pattern {affix!r}")
    word, _, rest = root.partition(" ")
    forms = {
        "base": word,
        "meN": nasal("me", word),
        "di": "di" + word,
        "ter": r_prefix("ter", word),
        "ber": r_prefix("ber", word),
        "peN": nasal("pe", word),
        "peN-an": nasal("pe", word) + "an",
        "per-an": r_prefix("per", word) + "an",
        "ke-an": f"ke{word}an",
        "-an": word + "an",
        "-kan": word + "kan",
        "meN-kan": nasal("me", word) + "kan",
        "di-kan": f"di{word}kan",
        "-i": word + "i",
        "meN-i": nasal("me", word) + "i",
        "di-i": f"di{word}i",
        "ber-an": r_prefix("ber", word) + "an",
        "memper-kan": r_prefix("memper", word) + "kan",
        "diper-kan": r_prefix("diper", word) + "kan",
    }
    form = forms[affix]
    return f"{form} {rest}" if rest else form


def family(root: str, affixes: list[str]) -> list[str]:
    """Every form of `root` under `affixes`; a one-word form also with the clitic -nya ('pengamanannya',
    'dikawalnya')."""
    out: list[str] = []
    for affix in affixes:
        form = affixed(root, affix)
        for variant in (form, form + "nya") if " " not in form else (form,):
            if variant not in out:
                out.append(variant)
    return out
