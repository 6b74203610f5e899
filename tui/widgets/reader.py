"""The reader: the selected article's title, source, link, dates, place, type and extracted text.

Everything shown comes from feeds and web pages, so it is set as `rich.text.Text`, which
is never parsed as markup: a title such as "[@click=app.quit]" stays a title. Tagged actors
are highlighted by styling spans of that Text, one style per kind (police, labour, …).
"""

import re
from collections.abc import Iterator
from datetime import date, timezone, tzinfo
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from storage.articles import ArticleView
from storage.manual_tags import ArticleTagging
from storage.plain_text import plain_block_runs, plain_line
from storage.tags import MentionView
from tui.tagging_actions import TAGGING_BINDINGS, short_label

EMPTY_HINT = "No article selected."
ACTOR_KINDS = ("police", "labour", "government", "company", "person")

Segment = tuple[int, int, int]
"""(offset in the extracted text, offset in the shown text, length) of one paragraph."""


def format_date(moment, zone: tzinfo) -> str:
    """The publication date in full, in the desk's time zone."""
    if moment is None:
        return "date unknown"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(zone)
    return local.strftime("%A %d %B %Y, %H:%M ") + (local.tzname() or "")


def paragraphs(text: str) -> str:
    """One blank line between paragraphs: extracted text keeps one per line, which reads as a wall."""
    return paragraph_layout(text)[0]


def paragraph_layout(text: str) -> tuple[str, list[Segment]]:
    """The text with paragraphs spaced apart, and where each paragraph came from.

    Actor spans are offsets into the extracted text; the segments carry them over to the shown text.
    """
    shown: list[str] = []
    segments: list[Segment] = []
    length = offset = 0
    for line in text.splitlines(keepends=True):
        content = line.strip()
        if content:
            if shown:
                shown.append("\n\n")
                length += 2
            segments.append((offset + len(line) - len(line.lstrip()), length, len(content)))
            shown.append(content)
            length += len(content)
        offset += len(line)
    return "".join(shown), segments


def shown_spans(start: int, end: int, segments: list[Segment]) -> Iterator[tuple[int, int]]:
    """The parts of [start, end) of the extracted text, as offsets into the shown text."""
    for source, target, length in segments:
        low, high = max(start, source), min(end, source + length)
        if low < high:
            yield target + low - source, target + high - source


def name_spans(text: str, name: str) -> Iterator[tuple[int, int]]:
    """Where a name appears in the text, any case: actors tagged by hand carry no spans."""
    if name.strip():
        for found in re.finditer(re.escape(name.strip()), text, flags=re.IGNORECASE):
            yield found.span()


def highlighted_body(text: str, mentions: list[MentionView], styles: dict[str, object]) -> Text:
    """The article's plain text, paragraphs spaced, with every tagged actor's spans styled by kind.

    Spans are offsets into the stored text: they go through the plain text's runs, then the paragraphs.
    """
    plain, runs = plain_block_runs(text)
    shown, segments = paragraph_layout(plain)
    body = Text(shown)
    for mention in mentions:
        style = styles.get(mention.kind) or styles.get("person")
        spans = [span for start, end in mention.spans for low, high in shown_spans(start, end, runs)
                 for span in shown_spans(low, high, segments)]
        for start, end in spans or name_spans(shown, plain_line(mention.name)):
            body.stylize(style, start, end)
    return body


def tagging_line(tagging: ArticleTagging) -> str:
    """Event date, kabupaten/kota, engagement type, tags and flags, on one line."""
    parts = []
    if tagging.engagement_type:
        hand = " (by hand)" if tagging.type_source == "manual" else ""
        parts.append(f"Type: {short_label(tagging.engagement_type)}{hand}")
    event = tagging.event_date
    parts.append(f"Event: {event.strftime('%d %b %Y') if isinstance(event, date) else 'date unknown'}")
    if tagging.kabupaten:
        parts.append(f"{tagging.kabupaten} ({tagging.kabupaten_code}, {tagging.province})")
    else:
        parts.append("Kabupaten/kota unknown")
    if tagging.tags:
        parts.append("Tags: " + ", ".join(tagging.tags))
    if tagging.starred:
        parts.append("★ starred")
    if tagging.not_relevant:
        parts.append("not relevant")
    return " · ".join(parts)


class Reader(VerticalScroll, can_focus=True, inherit_bindings=False):
    """A scrollable view of one article."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", id="reader.scroll_down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="reader.scroll_up", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="reader.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="reader.page_up", show=False),
        Binding("home", "scroll_home", "Top", id="reader.top", show=False),
        Binding("end", "scroll_end", "Bottom", id="reader.bottom", show=False),
        Binding("escape", "back", "Back to list", id="reader.back"),
        Binding("m", "app.toggle_read", "Read/unread", id="reader.toggle_read", show=False),
        *TAGGING_BINDINGS,
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"reader--{kind}" for kind in ACTOR_KINDS}

    DEFAULT_CSS = """
    Reader {
        & > #reader-title { text-style: bold; margin-bottom: 1; }
        & > #reader-meta { color: $text-muted; }
        & > #reader-link { color: $text-accent; }
        & > #reader-tags { color: $text-warning; margin-bottom: 1; }
        & > #reader-body { }
        & > .reader--police { background: $primary 40%; text-style: bold; }
        & > .reader--labour { background: $error 40%; text-style: bold; }
        & > .reader--government { background: $success 40%; text-style: bold; }
        & > .reader--company { background: $warning 40%; text-style: bold; }
        & > .reader--person { background: $accent 40%; text-style: bold; }
    }
    """

    def __init__(self, zone: tzinfo = timezone.utc, **kwargs) -> None:
        super().__init__(**kwargs)
        self.zone = zone
        self.article_id: int | None = None
        self.view: ArticleView | None = None
        self.tagging: ArticleTagging | None = None
        self.body_text = Text("")
        self.parts = {
            name: Static(Text(EMPTY_HINT if name == "title" else ""), id=f"reader-{name}")
            for name in ("title", "meta", "link", "tags", "body")
        }

    def compose(self) -> ComposeResult:
        yield from self.parts.values()

    def show(self, view: ArticleView | None) -> None:
        """Show `view`, or say the article is gone."""
        article = view.article if view else None
        self.article_id = article.id if article else None
        self.view = view
        if self.tagging is not None and self.tagging.article_id != self.article_id:
            self.tagging = None
        with self.app.batch_update():
            if article is None:
                self._set("title", EMPTY_HINT)
                for part in ("meta", "link", "tags", "body"):
                    self._set(part, "")
                return
            self._set("title", article.title or "(untitled)")
            meta = f"{view.source} · {format_date(article.published_at, self.zone)}"
            if article.author:
                meta += f" · {article.author}"
            self._set("meta", meta)
            self._set("link", article.url)
            self._show_tagging()
            self.scroll_home(animate=False)

    def show_tagging(self, tagging: ArticleTagging) -> None:
        """Show the article's tags (type, event date, place, actors in the text) once they are read."""
        self.tagging = tagging
        if tagging.article_id == self.article_id:
            self._show_tagging()

    def _show_tagging(self) -> None:
        article = self.view.article if self.view else None
        if article is None:
            return
        tagging = self.tagging if self.tagging and self.tagging.article_id == article.id else None
        self._set("tags", tagging_line(tagging) if tagging else "")
        text = article.body or article.summary
        mentions = tagging.mentions if tagging else []
        styles = self._actor_styles() if mentions else {}
        body = highlighted_body(text, mentions if styles else [], styles)
        self.body_text = body if body.plain else Text("(no text was extracted)")
        self.parts["body"].update(self.body_text)

    def _actor_styles(self) -> dict[str, object]:
        """The highlight of each actor kind; empty until the stylesheet has reached the reader."""
        try:
            return {kind: self.get_component_rich_style(f"reader--{kind}") for kind in ACTOR_KINDS}
        except KeyError:
            return {}

    def notify_style_update(self) -> None:
        """The theme changed, or the styles arrived after the article: draw the highlights again."""
        super().notify_style_update()
        if self.tagging is not None and self.tagging.mentions and self.view is not None:
            self._show_tagging()

    def _set(self, part: str, plain: str) -> None:
        self.parts[part].update(Text(plain_line(plain)))

    def action_back(self) -> None:
        self.screen.focus_next("FeedList")
