"""The brief as Markdown, for mail and wikis: the same counts and list as the HTML page; the charts' numbers as a table.

Text is escaped twice over: `<`, `>` and `&` as HTML entities (a renderer never meets raw HTML from
the news) and Markdown's punctuation with backslashes (a title never becomes a link or emphasis).
Addresses are links only when they are http(s), percent-encoded so no character closes the link.
"""

import re
from html import escape
from importlib.metadata import version
from urllib.parse import quote

from brief import wording
from brief.content import Brief, Count, Entry, Source
from brief.period import long_day

_PUNCTUATION = re.compile(r"([\\`*_\[\]|~])")
URL_SAFE = ":/?#@!$&'*+,;=%~"
"""Characters left as they are in a link's address; anything else (spaces, <, >, parentheses) is percent-encoded."""


def render_markdown(brief: Brief) -> str:
    lines = [f"# {_text(wording.title(brief))}", "", _text(" ".join(wording.meta(brief, version("pantau")))), ""]
    lines.extend([_text(wording.nothing(brief))] if brief.empty else _report(brief))
    lines.extend(["", _text(wording.reading_note()), ""])
    return "\n".join(lines)


def _report(brief: Brief) -> list[str]:
    lines = [
        _text(wording.lead(brief)),
        "",
        "## By engagement type",
        "",
        *_table("Type", [(label, count) for _type_id, label, count in brief.by_type], brief.total),
        "",
        "## By kabupaten/kota",
        "",
        *_table("Kabupaten/kota", brief.by_place, brief.total),
        "",
        f"## Engagements per {brief.period.grain}",
        "",
        f"| {'Day' if brief.period.grain == 'day' else 'Week of'} | Engagements | By type |",
        "|---|---:|---|",
    ]
    labels = {type_id: label for type_id, label, _count in brief.by_type}
    for position, start in enumerate(brief.buckets):
        here = [(labels.get(type_id, type_id), row[position]) for type_id, row in brief.series.items() if row[position]]
        kinds = ", ".join(f"{label} {count}" for label, count in here)
        day = f"{start:%a} {long_day(start)}"
        lines.append(f"| {_text(day)} | {sum(count for _label, count in here)} | {_text(kinds)} |")
    lines.extend(["", "## Engagements", "", _text(wording.list_note(brief)), ""])
    for number, entry in enumerate(brief.entries, start=1):
        lines.extend(_entry(number, entry))
    return lines


def _table(first: str, rows: list[tuple[str, Count]], total: Count) -> list[str]:
    return [
        "| " + " | ".join((first, *wording.TABLE_HEADS)) + " |",
        "|---" + "|---:" * len(wording.TABLE_HEADS) + "|",
        *(f"| {_text(name)} | {_cells(count)} |" for name, count in rows),
        f"| **All** | {_cells(total)} |",
    ]


def _cells(count: Count) -> str:
    return " | ".join((str(count.total), str(count.previous), _text(wording.change(count.change)),
                       str(count.hand_checked), str(count.tagger), str(count.uncertain)))


def _entry(number: int, entry: Entry) -> list[str]:
    lines = [
        f"{number}. **{_text(wording.when(entry))} · {_text(entry.place)} · {_text(wording.kind(entry))}** "
        f"({_text(wording.status_label(entry))})  ",
        f"   Police: {_text(wording.named(entry.police))} · Labour: {_text(wording.named(entry.labour))}  ",
    ]
    if entry.evidence:
        lines.append(f"   Evidence: “{_text(entry.evidence)}”  ")
    first, rest = entry.sources[0], entry.sources[1:]
    more = f" · **+{len(rest)} source{wording.plural(len(rest))}**:" if rest else ""
    lines.append(f"   Source: {_source(first)}{more}")
    lines.extend(f"   - {_source(source)}" for source in rest)
    lines.append("")
    return lines


def _source(source: Source) -> str:
    outlet = f" ({_text(source.outlet)})" if source.outlet else ""
    if wording.linkable(source.url):
        return f"[{_text(source.title)}](<{quote(source.url, safe=URL_SAFE)}>){outlet}"
    return _text(source.title) + outlet + (f" {_text(source.url)}" if source.url else "")


def _text(text: str) -> str:
    return _PUNCTUATION.sub(r"\\\1", escape(text, quote=False))
