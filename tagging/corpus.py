"""A labelled corpus of real articles (../shared/corpus): its articles, their hand labels and its fixed split.

The split is a rule on the id, never a choice: sha1 of the id mod 5 == 0 is the check fifth, read only to
report; the other four fifths are for tuning. The texts belong to their publishers and stay outside the
repository; this module only reads them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

CHECK_FOLDS = 5


@dataclass(frozen=True, slots=True)
class Gold:
    """What a careful reader recorded for one article (fields of the corpus README's gold.jsonl)."""

    engagement: bool
    type: str | None
    secondary_types: tuple[str, ...]
    additional_types: tuple[str, ...]
    places: tuple[str, ...]
    event_date: date | None
    date_basis: str
    police_names: tuple[str, ...]
    labour_actors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class LabelledArticle:
    id: str
    url: str
    published: date | None
    text: str
    gold: Gold

    @property
    def in_check_fifth(self) -> bool:
        return is_check(self.id)


def is_check(article_id: str) -> bool:
    """The check fifth: reported on, never tuned on."""
    return int(hashlib.sha1(article_id.encode("utf-8")).hexdigest(), 16) % CHECK_FOLDS == 0


def default_corpus() -> Path | None:
    """`../shared/corpus` beside the working directory or beside this checkout, when either is there."""
    checkout = Path(__file__).resolve().parents[1]
    for folder in (Path.cwd().parent / "shared" / "corpus", checkout.parent / "shared" / "corpus"):
        if (folder / "gold.jsonl").is_file():
            return folder
    return None


def load_corpus(folder: Path) -> list[LabelledArticle]:
    """Every article of `folder` that has a label, in the order of articles.jsonl.

    Raises OSError when a file is missing and ValueError when a line is not the documented JSON.
    """
    labels = {row["id"]: row for row in _read_jsonl(folder / "gold.jsonl")}
    articles = []
    for row in _read_jsonl(folder / "articles.jsonl"):
        label = labels.get(row["id"])
        if label is not None:
            articles.append(LabelledArticle(row["id"], row.get("url") or "", _day(row.get("published")),
                                            row["text"], _gold(label)))
    return articles


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}:{number}: not JSON ({error.msg})") from error
    return rows


def _gold(row: dict) -> Gold:
    return Gold(
        engagement=bool(row["engagement"]),
        type=row.get("engagement_type_16"),
        secondary_types=tuple(row.get("secondary_types") or ()),
        additional_types=tuple(e["type"] for e in row.get("additional_engagements") or () if e.get("type")),
        places=tuple(row.get("kabupaten_kota") or ()),
        event_date=_day(row.get("event_date")),
        date_basis=row.get("date_basis") or "",
        police_names=tuple(row.get("police_actor_names") or ()),
        labour_actors=tuple(row.get("labour_actors") or ()),
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
