"""The sentences both layouts of the brief say, in one place so the HTML page and the Markdown file agree."""

from urllib.parse import urlsplit

from brief.content import HAND_CHECKED, UNCERTAIN, Brief, Entry
from brief.period import long_day
from core.vocabulary import CONFIDENT_AT

TABLE_HEADS = ("This period", "Period before", "Change", "Hand-checked", "Tagger's alone", "of which uncertain")


def title(brief: Brief) -> str:
    return f"Labour–police engagements: {brief.period.label}"


def meta(brief: Brief, pantau_version: str) -> list[str]:
    return [
        f"Where: {brief.filters.label}.",
        f"Compared with the period before: {brief.period.previous.label}.",
        f"Made {brief.made_at:%Y-%m-%d %H:%M} UTC by Pantau {pantau_version} from the desk's stored tags.",
    ]


def nothing(brief: Brief) -> str:
    before = brief.total.previous
    return (f"No engagements were recorded from {long_day(brief.period.first)} to {long_day(brief.period.last)} "
            f"for {brief.filters.label}. The period before had {before} engagement{plural(before)}.")


def lead(brief: Brief) -> str:
    total = brief.total
    return (f"{total.total} engagement{plural(total.total)} ({change(total.change)} on the period before, which had "
            f"{total.previous}): {total.hand_checked} hand-checked by an analyst, {total.tagger} the tagger's alone, "
            f"of which {total.uncertain} uncertain (the tagger's confidence below {CONFIDENT_AT:g}).")


def when(entry: Entry) -> str:
    return f"{entry.day:%a} {long_day(entry.day)}" + ("" if entry.dated_by_event else " (published; no event date)")


def kind(entry: Entry) -> str:
    return entry.type_label + (f" (also {', '.join(entry.also)})" if entry.also else "")


def status_label(entry: Entry) -> str:
    if entry.status == HAND_CHECKED:
        return "hand-checked"
    if entry.status == UNCERTAIN:
        return "uncertain: tagger only"
    return "tagger only"


def named(names: list[str]) -> str:
    return ", ".join(names) or "none named"


def list_note(brief: Brief) -> str:
    shown, total = len(brief.entries), brief.total.total
    note = f"{total} engagement{plural(total)} in {shown} entr{'y' if shown == 1 else 'ies'}, by day"
    if shown != total:
        note += ("; copies of one story with the same type, place and day are one entry, with every source "
                 "(the counts above count each copy, as the timeline and the export do)")
    return note + "."


def reading_note() -> str:
    return ("Built only from the tags stored on the desk: an analyst's coding replaces the tagger's for the whole "
            "article, articles marked not relevant are left out, and an engagement is dated by its event, else by "
            "its article's publication day (UTC) — the same engagements as the desk's timeline and pantau export. "
            f"'Uncertain' marks the tagger's engagements with a confidence below {CONFIDENT_AT:g}.")


def linkable(url: str) -> bool:
    """Only http(s) addresses become links: a `javascript:` or `data:` address from a feed stays text."""
    return urlsplit(url).scheme.lower() in ("http", "https") and not any(char.isspace() for char in url)


def change(change: int) -> str:
    return f"+{change}" if change > 0 else f"−{-change}" if change < 0 else "±0"


def plural(count: int) -> str:
    return "" if count == 1 else "s"
