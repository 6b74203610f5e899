"""One person is one actor across articles: identity ignores the rank, which belongs to each mention.

Near-spellings merge (rapidfuzz); storage keeps the merged identities and lets an analyst merge or split.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from core.tags import Actor

MERGE_THRESHOLD = 90


def actor_key(actor: Actor) -> str:
    """A stable key for an actor across articles: kind and normalised name (or position and unit)."""
    return f"{actor.kind}:{normalise(actor.label)}"


def normalise(name: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", name.lower())).strip()


def same_actor(a: Actor, b: Actor, threshold: int = MERGE_THRESHOLD) -> bool:
    """Whether two actors from different articles are one: same kind, and the same or a near-identical
    name; for unnamed police officers, the same position and unit. Ranks are never compared."""
    if a.kind != b.kind:
        return False
    if a.name and b.name:
        return fuzz.token_sort_ratio(normalise(a.name), normalise(b.name)) >= threshold
    if a.name or b.name:
        return False
    return (a.position, a.unit, a.organisation) == (b.position, b.unit, b.organisation)
