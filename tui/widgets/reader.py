"""The reader: the selected article's title, source, link, date and extracted text.

Everything shown comes from feeds and web pages, so it is set as `rich.text.Text`, which
is never parsed as markup: a title such as "[@click=app.quit]" stays a title.
"""

from datetime import timezone, tzinfo
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from storage.articles import ArticleView

EMPTY_HINT = "No article selected."


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
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


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
    ]

    DEFAULT_CSS = """
    Reader {
        & > #reader-title { text-style: bold; margin-bottom: 1; }
        & > #reader-meta { color: $text-muted; }
        & > #reader-link { color: $text-accent; margin-bottom: 1; }
        & > #reader-body { }
    }
    """

    def __init__(self, zone: tzinfo = timezone.utc, **kwargs) -> None:
        super().__init__(**kwargs)
        self.zone = zone
        self.article_id: int | None = None
        self.parts = {
            name: Static(Text(EMPTY_HINT if name == "title" else ""), id=f"reader-{name}")
            for name in ("title", "meta", "link", "body")
        }

    def compose(self) -> ComposeResult:
        yield from self.parts.values()

    def show(self, view: ArticleView | None) -> None:
        """Show `view`, or say the article is gone."""
        article = view.article if view else None
        self.article_id = article.id if article else None
        with self.app.batch_update():
            if article is None:
                self._set("title", EMPTY_HINT)
                for part in ("meta", "link", "body"):
                    self._set(part, "")
                return
            self._set("title", article.title or "(untitled)")
            meta = f"{view.source} · {format_date(article.published_at, self.zone)}"
            if article.author:
                meta += f" · {article.author}"
            self._set("meta", meta)
            self._set("link", article.url)
            self._set("body", paragraphs(article.body or article.summary) or "(no text was extracted)")
            self.scroll_home(animate=False)

    def _set(self, part: str, plain: str) -> None:
        self.parts[part].update(Text(plain))

    def action_back(self) -> None:
        self.screen.focus_next("FeedList")
