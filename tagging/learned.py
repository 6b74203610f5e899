"""The learned part of the tagger: a ranker of the types the rules propose for an engagement.

The rules stay the evidence: the ranker only reorders the types the rules' strong triggers propose for an
event (it never adds one, and never makes or drops an engagement), so every primary type still points at its
trigger sentence. It is a linear model over what the rules say of each type and the words around its
triggers, trained by `pantau learn` (tagging/training.py, scikit-learn) from the labelled corpus and the
analysts' manual tags, and kept as plain JSON weights in seeds/models/: inference is a few dictionary look-ups,
needs no scikit-learn and gives the same answer on every machine. With no model file there, the rules' order
stands.

`using(model)` swaps the model for the code inside it (training and cross-validation; `using(None)` runs the
rules alone).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tagging import lexicon
from tagging.text import Layout

if TYPE_CHECKING:
    from tagging.engagements import Event

MODEL_FORMAT = 1
WORD_RE = re.compile(r"[a-z]+")
WINDOW = 50
"""Characters either side of a trigger that make its window (within its sentence)."""
LEAD_SENTENCES = 2


@dataclass(frozen=True)
class EventView:
    """What the learned part sees of one engagement the rules found: the types they propose (most severe
    first), the sentences holding each type's strong triggers, the text right around those triggers and the
    article's lead."""

    types: tuple[str, ...]
    type_sentences: dict[str, tuple[str, ...]]
    type_windows: dict[str, tuple[str, ...]]
    lead: str


@dataclass(frozen=True)
class Model:
    """Linear weights by feature name; `trained_on` and `cross_validated` say what it learned from and how it
    fared (counts and rates only, no text)."""

    weights: dict[str, float] = field(default_factory=dict)
    trained_on: dict[str, int] = field(default_factory=dict)
    cross_validated: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"format": MODEL_FORMAT, "trained_on": dict(sorted(self.trained_on.items())),
                "cross_validated": dict(sorted(self.cross_validated.items())),
                "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict) -> Model:
        """Raises ValueError on a file of another format."""
        if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"model format {found!r}, expected {MODEL_FORMAT}")
        return cls(weights={k: float(v) for k, v in data["weights"].items()},
                   trained_on={k: int(v) for k, v in data.get("trained_on", {}).items()},
                   cross_validated={k: float(v) for k, v in data.get("cross_validated", {}).items()})

    def scores(self, view: EventView) -> dict[str, float]:
        """The score of each proposed type."""
        return {t: sum(self.weights.get(f, 0.0) for f in candidate_features(view, t)) for t in view.types}

    def rank(self, view: EventView) -> tuple[str, ...]:
        """The rules' types with the model's choice first (a tie goes to the rules' order)."""
        if len(view.types) < 2 or not self.weights:
            return view.types
        scores = self.scores(view)
        best = max(view.types, key=lambda t: (scores[t], -view.types.index(t)))
        return (best,) + tuple(t for t in view.types if t != best)


class Ranker(Protocol):
    def rank(self, view: EventView) -> tuple[str, ...]: ...


_override: ContextVar[tuple[Ranker | None] | None] = ContextVar("learned_override", default=None)


@contextmanager
def using(model: Ranker | None) -> Iterator[None]:
    """Tag with `model` (None: the rules alone) inside the block, whatever model file is shipped."""
    token = _override.set((model,))
    try:
        yield
    finally:
        _override.reset(token)


def model_path() -> Path:
    """Where `pantau learn` puts the model and the tagger looks for it."""
    return lexicon.seeds_dir() / "models" / "engagement_model.json"


@cache
def shipped() -> Model | None:
    """The model in seeds/models/, read once per process; None when there is none."""
    path = model_path()
    if not path.is_file():
        return None
    return Model.from_json(json.loads(path.read_text(encoding="utf-8")))


def rank(types: list[str], event: Event, lay: Layout) -> list[str]:
    """The types the rules propose for an engagement (most severe first), in the order the tagger uses them:
    the model's choice first."""
    override = _override.get()
    model = override[0] if override is not None else shipped()
    return list(model.rank(view_of(types, event, lay))) if model is not None else types


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


def candidate_features(view: EventView, type_id: str) -> list[str]:
    """Features of one proposed type: what the rules say of it (its place in their order, how many sentences
    hold its strong triggers, whether one is in the lead), the words of those sentences tied to the type, and
    the words right around its triggers (shared by all types: how a trigger that reports an event reads)."""
    position = view.types.index(type_id)
    sentences = view.type_sentences.get(type_id, ())
    out = [f"type={type_id}", f"position={min(position, 3)}", f"sentences={min(len(sentences), 3)}|{type_id}"]
    if position == 0:
        out.append(f"first|{type_id}")
    if any(s in view.lead for s in sentences):
        out.append(f"lead|{type_id}")
    out += [f"{type_id}|{w}" for w in sorted({w for s in sentences for w in words(s)})]
    out += [f"near|{w}" for w in sorted({w for window in view.type_windows.get(type_id, ()) for w in words(window)})]
    return out


def view_of(types: list[str], event: Event, lay: Layout) -> EventView:
    """The learned part's view of an event the rules found, with the types they propose."""
    type_sentences: dict[str, list[str]] = {}
    type_windows: dict[str, list[str]] = {}
    for hit in event.hits:
        if not hit.strong:
            continue
        sentence = lay.sentence_span(hit.sentence)
        held = type_sentences.setdefault(hit.type, [])
        if sentence.text not in held:
            held.append(sentence.text)
        start, end = max(sentence.start, hit.span.start - WINDOW), min(sentence.end, hit.span.end + WINDOW)
        type_windows.setdefault(hit.type, []).append(lay.text[start:end])
    return EventView(
        types=tuple(types),
        type_sentences={t: tuple(s) for t, s in type_sentences.items()},
        type_windows={t: tuple(w) for t, w in type_windows.items()},
        lead=" ".join(lay.sentence_span(k).text for k in range(min(LEAD_SENTENCES, lay.sentence_count()))),
    )
