"""The status bar: feed health, last poll, new articles, and whether a poll is running."""

from datetime import datetime, timezone, tzinfo

from rich.text import Text
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from tui.messages import FeedHealth

OFFLINE_MESSAGE = "offline: no feed could be reached"
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class StatusBar(Widget):
    """One line at the bottom of the desk; every part is plain text."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """

    health: reactive[FeedHealth | None] = reactive(None)
    new_count: reactive[int] = reactive(0)
    review_count: reactive[int] = reactive(0)
    polling: reactive[tuple[int, int] | None] = reactive(None)
    offline: reactive[bool] = reactive(False)
    spin: reactive[int] = reactive(0)

    def __init__(self, zone: tzinfo = timezone.utc, **kwargs) -> None:
        super().__init__(**kwargs)
        self.zone = zone
        self._spinner: Timer | None = None

    def on_mount(self) -> None:
        self._spinner = self.set_interval(0.12, self._advance, pause=self.polling is None)

    def watch_polling(self, polling: tuple[int, int] | None) -> None:
        """Spin only while a poll runs; a poll may finish before the bar is mounted."""
        if self._spinner is None:
            return
        if polling is None:
            self._spinner.pause()
        else:
            self._spinner.resume()

    def _advance(self) -> None:
        self.spin += 1

    @property
    def is_offline(self) -> bool:
        """Offline if the last poll said so, or if every polled feed is failing."""
        return self.offline or bool(self.health and self.health.all_failing)

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        colours = self.app.theme_variables
        good, bad = colours.get("success", "green"), f"bold {colours.get('error', 'red')}"
        health = self.health
        if health is None:
            text.append("feeds: …")
        else:
            text.append(f"feeds: {health.ok} ok", style=good if health.ok else "")
            text.append(" · ")
            text.append(f"{health.failing} failing", style=bad if health.failing else "")
            if health.pending:
                text.append(f" · {health.pending} not polled yet")
            text.append("   last poll: ")
            text.append(self._clock(health.last_poll_at))
        text.append("   new: ")
        text.append(str(self.new_count), style="bold" if self.new_count else "")
        if self.review_count:
            text.append("   review: ")
            text.append(str(self.review_count), style=f"bold {colours.get('warning', 'yellow')}")
        if self.polling is not None:
            done, total = self.polling
            frame = SPINNER[self.spin % len(SPINNER)]
            text.append(f"   {frame} polling {done}/{total}" if total else f"   {frame} polling")
        if self.is_offline:
            text.append("   ")
            text.append(OFFLINE_MESSAGE, style=bad)
        return text

    def _clock(self, moment: datetime | None) -> str:
        if moment is None:
            return "never"
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        local = moment.astimezone(self.zone)
        today = datetime.now(self.zone).date()
        return local.strftime("%H:%M:%S" if local.date() == today else "%d %b %H:%M")
