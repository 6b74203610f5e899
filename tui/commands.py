"""The command palette's desk commands: only those that make sense at this moment."""

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape


from core.plain_text import plain_line
from tui.screens.brief import BriefScreen
from tui.screens.export import ExportScreen

if TYPE_CHECKING:
    from tui.app import PantauApp

Command = tuple[str, str, Callable[[], object]]


def plain_highlight(matcher: Matcher, title: str) -> Content:
    """`matcher.highlight` without reading the title as markup: a saved search's name is not markup."""
    content = Content(title)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    for offset in offsets:
        if not title[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class DeskCommands(Provider):
    """Searching and saved searches, exporting and the brief, polling, the read flag of the selected article, and the theme."""

    def commands(self) -> list[Command]:
        """(title, help, callback) of each command; titles and help are plain text, names and queries in them too."""
        return [(plain_line(title), plain_line(help_text), callback) for title, help_text, callback in self._commands()]

    def _commands(self) -> list[Command]:
        app = cast("PantauApp", self.app)
        found: list[Command] = [("Search…", "Filter the feed by words and filters (/)", app.action_search)]
        if app.search.filter_text:
            found.append(("Clear filter", f"Show every article again, not only {app.search.filter_text} (ctrl+l)",
                          app.search.clear))
        found.extend((f"Search: {name}", query, partial(app.search.apply, query)) for name, query in app.search.saved_searches)
        found.append(("Review uncertain engagements", "Show the articles whose engagements the tagger is unsure of "
                      "(is:review); c confirms the tagger's coding, a digit or e corrects it",
                      partial(app.search.apply, "is:review")))
        found.append(("Export…", "Write the coded engagements to a file: ACLED-style CSV, CSV or JSON lines",
                      lambda: app.push_screen(ExportScreen(app.engine, app.search.filter_text))))
        found.append(("Brief…", "Write the weekly brief: counts, charts and every engagement with its sources, as HTML",
                      lambda: app.push_screen(BriefScreen(app.engine, app.search.filter_text))))
        found.append(("Poll feeds now", "Poll every enabled feed, due or not (R)", app.action_poll_all))
        view = app.current_view
        if view is not None:
            found.append(("Re-poll this article's feed", f"Poll {view.source} now (r)", app.action_poll_feed))
        row = app.current_article
        if row is not None:
            if row.is_read:
                found.append(("Mark article unread", "Flag the selected article unread (m)", partial(app.reading.set_read, False)))
            else:
                found.append(("Mark article read", "Flag the selected article read (m)", partial(app.reading.set_read, True)))
        found.append(("Toggle dark/light theme", "Switch between a dark and a light theme", app.action_toggle_theme))
        found.append(("Show keys", "Every key binding, grouped (F1)", app.action_help))
        return found

    async def discover(self) -> Hits:
        for title, help_text, callback in self.commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self.commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, plain_highlight(matcher, title), callback, text=title, help=escape(help_text))
