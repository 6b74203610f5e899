"""The reader: the selected article's title, source, link, dates, place, type and extracted text.

Everything shown comes from feeds and web pages, so it is set as `rich.text.Text`, which
is never parsed as markup: a title such as "[@click=app.quit]" stays a title. Tagged actors
are highlighted by styling spans of that Text, one style per kind (police, labour, …).

The reader reads what it shows: the selected article (and the ones around the feed's cursor, read ahead in
the same query) and, once the cursor rests, its tags, in its own workers through the desk's `DeskStore`.
"""

import re
from dataclasses import dataclass, field
from collections.abc import Iterator
from datetime import date, timezone, tzinfo
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.timer import Timer
from textual.worker import Worker

from core.moments import local_time
from core.plain_text import plain_block_runs, plain_line
from core.vocabulary import ACTOR_KINDS, short_label
from storage.desk import ArticleTagging, ArticleView, DeskStore, MentionView
from tui.hand_tagging import TAGGING_BINDINGS
from tui.messages import ArticleLoaded, TaggingLoaded, forward_failure
from tui.reading import READING_BINDINGS

EMPTY_HINT = "No article selected."
ARTICLE_CACHE = 64
DETAILS_DELAY_S = 0.08
"""While `j` repeats, the selected article's tags wait until the cursor rests this long; its title and text
follow the cursor at once."""
PARTS = ("title", "meta", "link", "tags", "body")
SPACED_PARTS = ("meta", "body")
"""Parts with a blank line above them: the title stands apart, and so does the text."""

ParagraphSpan = tuple[int, int, int]
"""(offset in the extracted text, offset in the shown text, length) of one paragraph."""


def format_date(moment, zone: tzinfo) -> str:
    """The publication date in full, in the desk's time zone."""
    if moment is None:
        return "date unknown"
    local = local_time(moment, zone)
    return local.strftime("%A %d %B %Y, %H:%M ") + (local.tzname() or "")


def paragraphs(text: str) -> str:
    """One blank line between paragraphs: extracted text keeps one per line, which reads as a wall."""
    return paragraph_layout(text)[0]


def paragraph_layout(text: str) -> tuple[str, list[ParagraphSpan]]:
    """The text with paragraphs spaced apart, and where each paragraph came from.

    Actor spans are offsets into the extracted text; the segments carry them over to the shown text.
    """
    shown: list[str] = []
    segments: list[ParagraphSpan] = []
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


def shown_spans(start: int, end: int, segments: list[ParagraphSpan]) -> Iterator[tuple[int, int]]:
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


@dataclass
class Block:
    """One part of the reader wrapped to the pane's width: its lines, and the strips drawn from them so far."""

    text: Text
    lines: list[Text]
    strips: dict[int, Strip] = field(default_factory=dict)


class Reader(ScrollView, can_focus=True, inherit_bindings=False):
    """A scrollable view of one article, drawn line by line.

    Its size is fixed by the stylesheet and its lines are wrapped once per article and width, so
    showing another article repaints the pane alone: no layout of the desk, and only the lines in
    view are turned into strips. `parts` holds the text of each part as shown, for anyone to read.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "scroll_down", "Scroll down", id="reader.scroll_down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="reader.scroll_up", show=False),
        Binding("pagedown,space", "page_down", "Page down", id="reader.page_down", show=False),
        Binding("pageup", "page_up", "Page up", id="reader.page_up", show=False),
        Binding("home", "scroll_home", "Top", id="reader.top", show=False),
        Binding("end", "scroll_end", "Bottom", id="reader.bottom", show=False),
        Binding("escape", "back", "Back to list", id="reader.back"),
        Binding("m", "app.read('toggle_read')", "Read/unread", id="reader.toggle_read", show=False),
        *READING_BINDINGS,
        *TAGGING_BINDINGS,
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *(f"reader--{part}" for part in PARTS),
        *(f"reader--{kind}" for kind in ACTOR_KINDS),
    }

    DEFAULT_CSS = """
    Reader {
        overflow-x: hidden;
        overflow-y: scroll;
        & > .reader--title { text-style: bold; }
        & > .reader--meta { color: $text-muted; }
        & > .reader--link { color: $text-accent; }
        & > .reader--tags { color: $text-warning; }
        & > .reader--police { background: $primary 40%; text-style: bold; }
        & > .reader--labour { background: $error 40%; text-style: bold; }
        & > .reader--government { background: $success 40%; text-style: bold; }
        & > .reader--company { background: $warning 40%; text-style: bold; }
        & > .reader--person { background: $accent 40%; text-style: bold; }
    }
    """

    def __init__(self, store: DeskStore | None = None, zone: tzinfo = timezone.utc, **kwargs) -> None:
        super().__init__(**kwargs)
        self.store = store
        self.zone = zone
        self.selected_id: int | None = None
        """The article the feed's cursor is on, shown as soon as it is read."""
        self._articles: LRUCache[int, ArticleView] = LRUCache(ARTICLE_CACHE)
        self._tagging_timer: Timer | None = None
        self.article_id: int | None = None
        self.view: ArticleView | None = None
        self.tagging: ArticleTagging | None = None
        self.body_text = Text("")
        self.parts: dict[str, Text] = {part: Text(EMPTY_HINT if part == "title" else "") for part in PARTS}
        """The text of each part (title, meta, link, tags, body) as shown, before wrapping."""
        self._body_source: tuple[int, list[MentionView]] | None = None
        self._blocks: dict[str, Block] = {}
        self._rows: list[tuple[Block, int] | None] = []
        """Each line of the pane: a block and the index of its line, or None for a blank line."""
        self._drawn_with: tuple[int, Style] | None = None

    # Reading -------------------------------------------------------------------------

    def select(self, article_id: int, around: list[int]) -> None:
        """Show the article at once when it was read ahead, else as soon as it is read; read the articles
        `around` the cursor ahead, and the tags once the cursor rests."""
        self.selected_id = article_id
        view = self._articles.get(article_id)
        if view is not None:
            self.show(view)
        ahead = [other for other in around if other not in self._articles]
        if view is None or ahead:
            self._read_articles(None if view is not None else article_id, ahead)
        if self._tagging_timer is not None:
            self._tagging_timer.stop()
        self._tagging_timer = self.set_timer(DETAILS_DELAY_S, lambda: self._tags_wanted(article_id))

    def clear(self, hint: str) -> None:
        """No article to select (the feed is empty, or a search found none): say `hint` instead."""
        self.selected_id = None
        self.show(None, hint)

    def forget_articles(self) -> None:
        """Articles changed in the database: read them again when next selected."""
        self._articles.clear()

    @work(thread=True, exclusive=True, group="reader", exit_on_error=False, description="Reading the article")
    def _read_articles(self, selected_id: int | None, ahead: list[int]) -> None:
        """Read the selected article (unless it was read ahead) and the ones around it, in one query."""
        views = self.store.articles([selected_id, *ahead] if selected_id is not None else ahead)
        self.post_message(ArticleLoaded(selected_id, views.get(selected_id) if selected_id else None, views))

    def on_article_loaded(self, message: ArticleLoaded) -> None:
        message.stop()
        for article_id, view in message.views.items():
            self._articles.set(article_id, view)
        if message.article_id is not None and message.article_id == self.selected_id:
            self.show(message.view)

    def _tags_wanted(self, article_id: int) -> None:
        self._tagging_timer = None
        if article_id == self.selected_id:
            self.load_tagging(article_id)

    def reload_tagging(self) -> None:
        """Tags changed: read the selected article's again."""
        if self.selected_id is not None:
            self.load_tagging(self.selected_id)

    @work(thread=True, exclusive=True, group="tagging-reader", exit_on_error=False,
          description="Reading the article's tags")
    def load_tagging(self, article_id: int) -> None:
        self.post_message(TaggingLoaded(self.store.tagging(article_id)))

    def on_tagging_loaded(self, message: TaggingLoaded) -> None:
        message.stop()
        if message.tagging.article_id == self.selected_id:
            self.show_tagging(message.tagging)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        forward_failure(self, event)

    # Showing ---------------------------------------------------------------------------

    def show(self, view: ArticleView | None, empty_hint: str = EMPTY_HINT) -> None:
        """Show `view`, or `empty_hint` (the article is gone, or the feed has none to select)."""
        article = view.article if view else None
        self.article_id = article.id if article else None
        self.view = view
        if self.tagging is not None and self.tagging.article_id != self.article_id:
            self.tagging = None
        if article is None:
            self.parts = {part: Text(empty_hint if part == "title" else "") for part in PARTS}
            self.body_text = Text("")
        else:
            meta = f"{view.source} · {format_date(article.published_at, self.zone)}"
            if article.author:
                meta += f" · {article.author}"
            self.parts["title"] = Text(plain_line(article.title or "(untitled)"))
            self.parts["meta"] = Text(plain_line(meta))
            self.parts["link"] = Text(plain_line(article.url))
            self._set_tagging_parts()
        self.scroll_to(y=0, animate=False, force=True)
        self._wrap()

    def show_tagging(self, tagging: ArticleTagging) -> None:
        """Show the article's tags (type, event date, place, actors in the text) once they are read."""
        self.tagging = tagging
        if tagging.article_id == self.article_id and self.view is not None:
            self._set_tagging_parts()
            self._wrap()

    def _set_tagging_parts(self) -> None:
        article = self.view.article
        tagging = self.tagging if self.tagging and self.tagging.article_id == article.id else None
        self.parts["tags"] = Text(plain_line(tagging_line(tagging)) if tagging else "")
        mentions = tagging.mentions if tagging else []
        if self._body_source != (article.id, mentions):
            styles = self._actor_styles() if mentions else {}
            body = highlighted_body(article.body or article.summary, mentions if styles else [], styles)
            self.body_text = body if body.plain else Text("(no text was extracted)")
            self._body_source = (article.id, mentions) if styles or not mentions else None
        self.parts["body"] = self.body_text

    def _actor_styles(self) -> dict[str, object]:
        """The highlight of each actor kind; empty until the stylesheet has reached the reader."""
        try:
            return {kind: self.get_component_rich_style(f"reader--{kind}") for kind in ACTOR_KINDS}
        except KeyError:
            return {}

    # Drawing ---------------------------------------------------------------------------

    def _wrap(self) -> None:
        """Wrap the parts to the pane's width and set the scrollable height, without a layout of the desk:
        the pane's size does not depend on its text. A part whose text did not change keeps its lines
        (the body, when the tags arrive)."""
        width = self.scrollable_content_region.width
        drawn_with = (width, self.rich_style)
        if drawn_with != self._drawn_with:
            self._blocks.clear()
            self._drawn_with = drawn_with
        self._rows = [] if width <= 0 else self._layout_rows(width, drawn_with[1])
        height = len(self._rows)
        if height != self.virtual_size.height or width != self.virtual_size.width:
            self.set_reactive(Reader.virtual_size, Size(width, height))
            bar = self.vertical_scrollbar
            bar.window_virtual_size = height
            bar.window_size = self.scrollable_content_region.height
        self.refresh()

    def _layout_rows(self, width: int, base: Style) -> list[tuple[Block, int] | None]:
        rows: list[tuple[Block, int] | None] = []
        for part in PARTS:
            text = self.parts[part]
            if part in SPACED_PARTS and rows:
                rows.append(None)
            if not text.plain:
                continue
            block = self._blocks.get(part)
            if block is None or block.text is not text:
                block = self._blocks[part] = Block(text, self._wrapped(text, part, width, base))
            rows.extend((block, index) for index in range(len(block.lines)))
        return rows

    def _wrapped(self, text: Text, part: str, width: int, base: Style) -> list[Text]:
        """The part's lines, each styled and padded to the width, ready to be turned into a strip."""
        styled = text.copy()
        styled.style = base + self.get_component_rich_style(f"reader--{part}", default=Style())
        lines = styled.wrap(self.app.console, width, overflow="fold")
        for line in lines:
            line.end = ""
            line.pad_right(width - line.cell_len)
        return list(lines)

    def on_resize(self, _event: events.Resize) -> None:
        if self._drawn_with is None or self.scrollable_content_region.width != self._drawn_with[0]:
            self._wrap()

    def notify_style_update(self) -> None:
        """The theme changed, or the styles arrived after the article: draw the highlights again."""
        super().notify_style_update()
        self._drawn_with = None
        self._body_source = None
        if self.view is not None:
            self._set_tagging_parts()
        if self.is_mounted:
            self._wrap()

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        row = self._rows[index] if index < len(self._rows) else None
        if row is None:
            return Strip.blank(self.scrollable_content_region.width, self._drawn_with[1] if self._drawn_with else None)
        block, line = row
        strip = block.strips.get(line)
        if strip is None:
            strip = block.strips[line] = Strip(list(block.lines[line].render(self.app.console)))
        return strip

    def action_back(self) -> None:
        self.screen.focus_next("FeedList")
