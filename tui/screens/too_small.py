"""A notice in place of the desk while the terminal is smaller than the desk's four panes need.

`fit_to_size` is called by the app on mount and on every resize: it shows the notice when the
terminal is below 80×24 and takes it away as soon as it is large enough again, so the desk
behind it comes back as it was.
"""

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Middle
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 80, 24


def notice_text(size: Size) -> str:
    return (f"Pantau needs a terminal of at least {MIN_WIDTH}×{MIN_HEIGHT}; this one is {size.width}×{size.height}.\n"
            f"Make the terminal at least {MIN_WIDTH}×{MIN_HEIGHT} and the desk comes back. Ctrl+Q quits.")


class TooSmallScreen(Screen[None]):
    """Only the notice: no pane is laid out in a space where it would be cut off."""

    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; }
    TooSmallScreen #too-small { width: auto; max-width: 100%; text-align: center; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "app.quit", "Quit", id="too_small.quit", priority=True),
    ]

    def __init__(self, size: Size) -> None:
        super().__init__()
        self._size = size

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(notice_text(self._size), id="too-small", markup=False)

    def show_size(self, size: Size) -> None:
        self.query_one("#too-small", Static).update(notice_text(size))


def is_too_small(size: Size) -> bool:
    return size.width < MIN_WIDTH or size.height < MIN_HEIGHT


def fit_to_size(app: App, size: Size) -> None:
    """Show the notice while `size` is below 80×24; remove it once the terminal is large enough."""
    showing = app.screen if isinstance(app.screen, TooSmallScreen) else None
    if is_too_small(size):
        if showing is None:
            app.push_screen(TooSmallScreen(size))
        else:
            showing.show_size(size)
    elif showing is not None:
        app.pop_screen()
