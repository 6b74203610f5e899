"""The type legend: one row under the desk naming the type each number key sets.

Keyboard tagging lives on muscle memory, so the mapping is always in sight, whichever pane has
focus (dimmed where the digits do nothing). On a narrow terminal the labels shorten to fit.
"""

from collections.abc import Callable, Mapping, Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widget import Widget

from core.plain_text import plain_line
from core.vocabulary import short_label, tiny_label, type_glyph
from tui.screens.help import keys_for
from tui.hand_tagging import TAGGING_BINDINGS

LAYOUTS = (("types ", short_label, "  "), ("", tiny_label, " "), ("", type_glyph, " "))
"""(heading, label of a type, space between entries), tried in turn until the legend fits the row."""


class TypeLegend(Widget):
    """`types  1 clash  2 dispersal  3 arrest …`: the keys after the user's keymap, the types from the settings."""

    DEFAULT_CSS = """
    TypeLegend { height: 1; padding: 0 1; background: $panel; color: $text; }
    TypeLegend.-idle { color: $text-muted; }
    """

    def __init__(self, type_keys: Sequence[str], keymap: Mapping[str, str], **kwargs) -> None:
        super().__init__(**kwargs)
        numbered: dict[str, Binding] = {binding.id: binding for binding in TAGGING_BINDINGS if binding.id}
        self.entries = [(keys_for(numbered[f"tag.type_{number}"], keymap), type_id)
                        for number, type_id in enumerate(type_keys, start=1)]

    def set_active(self, active: bool) -> None:
        """Bright where the number keys tag (the feed and the reader), dim elsewhere."""
        self.set_class(not active, "-idle")

    def render(self) -> Text:
        width = self.content_size.width
        for heading, label, space in LAYOUTS:
            text = self._legend(heading, label, space)
            if text.cell_len <= width:
                return text
        return text

    def _legend(self, heading: str, label: Callable[[str], str], space: str) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        text.append(heading, style="dim")
        for index, (key, type_id) in enumerate(self.entries):
            text.append(f"{space if index else ''}{key}", style="bold")
            text.append(f" {plain_line(label(type_id))}")
        return text
