"""The key strip: one row of the keys that work where the focus is, as many as fit, and `?` for the rest.

Textual's footer lists every binding of the focused widget and its ancestors in declaration order and
cuts the row where the width ends: at 160 columns it stopped at "a Acto▏" and `/`, `?`, `x`, `s`, `K`
and ctrl+z never showed. The strip takes the bindings that are active now (so the keys follow the
user's keymap and the focused pane), in the order an analyst needs them, with short labels, and
always ends with the help key.
"""

import string

from rich.text import Text
from textual.binding import Binding
from textual.keys import format_key, key_to_character
from textual.widget import Widget
from textual.widgets import Input

PRIORITY: dict[str, str] = {
    "feed.open": "open",
    "reader.back": "back",
    "actors.filter": "filter by actor",
    "timeline.filter": "filter by cell",
    "search.done": "back to list",
    "search.save": "save search",
    "app.clear_filter": "clear filter",
    "read.next_unread": "next unread",
    "app.search": "search",
    "tag.pick_type": "type",
    "tag.pick_tag": "tag",
    "tag.actor": "actor",
    "tag.kabupaten": "kab/kota",
    "tag.confirm": "confirm",
    "tag.event_date": "event date",
    "tag.mark_row": "mark",
    "tag.not_relevant": "hide",
    "tag.star": "star",
    "tag.undo": "undo",
    "timeline.grain": "weeks/days/months",
    "timeline.province": "province",
    "actors.period": "7/30 days",
    "read.browser": "browser",
    "read.copy_link": "copy link",
    "feed.toggle_read": "read/unread",
    "read.mark_shown_read": "all read",
    "feed.order": "sort",
    "desk.folders": "folders",
    "desk.maximise": "maximise",
    "desk.feeds": "feeds",
    "app.poll_all": "re-poll",
    "app.command_palette": "palette",
}
"""The bindings the strip may show, most needed first, with the strip's own short labels."""
HELP_ID = "app.help"
SEPARATOR = "  "


def _types_a_character(key: str) -> bool:
    """A key an input takes as text ("/", "?", "e"), which its binding never gets while the input has focus."""
    if "+" in key:
        return False
    character = key_to_character(key)
    return (character is not None and character.isprintable()) or format_key(key) in string.punctuation


class KeyStrip(Widget):
    """The keys of the focused pane that fit the row, then `? all keys`."""

    DEFAULT_CSS = """
    KeyStrip { height: 1; padding: 0 1; background: $footer-background; color: $footer-foreground; }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def entries(self) -> list[tuple[str, str]]:
        """(key, label) of every binding the strip could show now, most needed first, help last."""
        keys: dict[str, list[str]] = {}
        typing = isinstance(self.screen.focused, Input)
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not active.enabled or binding.id is None or (typing and _types_a_character(key)):
                continue
            keys.setdefault(binding.id, []).append(self._display(binding, key))
        shown = [(min(keys[binding_id], key=len), label) for binding_id, label in PRIORITY.items()
                 if binding_id in keys]
        if HELP_ID in keys:
            shown.append((min(keys[HELP_ID], key=len), "all keys"))
        return shown

    def _display(self, binding: Binding, key: str) -> str:
        return self.app.get_key_display(Binding(key, binding.action, binding.description, key_display=None))

    def render(self) -> Text:
        entries = self.entries()
        width = self.content_size.width
        tail = entries[-1:] if entries and entries[-1][1] == "all keys" else []
        room = width - sum(len(key) + len(label) + 1 + len(SEPARATOR) for key, label in tail)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        for key, label in entries[:len(entries) - len(tail)]:
            cost = len(key) + 1 + len(label) + len(SEPARATOR)
            if cost > room:
                continue
            room -= cost
            self._append(text, key, label)
        for key, label in tail:
            self._append(text, key, label)
        text.rstrip()
        return text

    def _append(self, text: Text, key: str, label: str) -> None:
        text.append(key, style="bold")
        text.append(f" {label}{SEPARATOR}")

    @property
    def plain(self) -> str:
        """The strip as drawn now."""
        return self.render().plain
