"""An Input that takes in only plain text: a headline pasted from a web page may carry escapes or bidi overrides."""

from textual.widgets import Input

from core.plain_text import plain_block


class PlainInput(Input):
    """Textual's Input shows what is typed or pasted as it is, escape characters included; this one
    drops escapes, control and invisible characters on the way in (a tab or newline becomes a space)."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(plain_block(text).replace("\t", " ").replace("\n", " "), start, end)
