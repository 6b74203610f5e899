"""Pickers for keyboard tagging: type the start of a name, pick with the arrows, enter to choose.

Completion is fuzzy (rapidfuzz), so "srang" finds "Kabupaten Serang" and "condro" finds
"AKBP Condro Sasongko". Every picker is a modal screen that dismisses with the choice, or
None on escape; the tagging keys of the desk are never active while its input has focus.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

from rapidfuzz import fuzz, process
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from core.plain_text import plain_line
from core.vocabulary import ACTOR_KINDS, short_label, tiny_label
from storage.desk import PlaceChoice
from tagging.lexicon import seeds_dir
from tui.widgets.plain_input import PlainInput

SHOWN_CHOICES = 50
CREATE_PREFIX = "\0create:"


@dataclass(frozen=True)
class Choice:
    """One pickable value and the words shown (and matched) for it."""

    value: str
    label: str
    names: tuple[str, ...] = ()
    """Lower-case names that, typed whole, pick this choice before any fuzzy match ('notice' is a type's name
    on the desk, though 'hearing' is closer to it letter by letter)."""


def rank_choices(query: str, choices: Sequence[Choice], limit: int = SHOWN_CHOICES) -> list[Choice]:
    """The choices that best match `query`, best first; all of them (up to `limit`) in order for no query."""
    query = query.strip()
    if not query:
        return list(choices[:limit])
    labels = [choice.label for choice in choices]
    found = process.extract(query, labels, scorer=fuzz.WRatio, processor=str.lower, limit=None, score_cutoff=50)
    # A label with a word that starts as typed comes first: WRatio scales a long label's partial score down,
    # so 'agus' scored 67.5 for 'Sumber Daya Manusia — person' and 60 for 'Agus Wirawan — police, Polres
    # Cilegon'. Scores are rounded: float noise (60.00000000000001 against 60.0) decided ties before.
    found.sort(key=lambda match: (not _starts_a_word(query, match[0]), -round(match[1]), len(match[0])))
    named = [choice for choice in choices if query.lower() in choice.names]
    ranked = [*named, *(choices[index] for _label, _score, index in found if choices[index] not in named)]
    return ranked[:limit]


def _starts_a_word(query: str, label: str) -> bool:
    """Whether a word of `label` begins with what was typed: such labels come first, so 'ser' offers Serang
    before Paser and 'agus' Agus Wirawan before Sumber Daya Manusia."""
    typed = query.lower().split()[-1]
    return any(word.startswith(typed) for word in label.lower().split())


PICKER_KEYS = "type to narrow · ↑↓ choose · enter picks · escape cancels"
"""Under every picker, as the actor editor and the export form say theirs: without it a newcomer at the type picker
(`e`) had no word of how to choose."""


class FuzzyPicker(ModalScreen[str | None]):
    """An input over a list of choices ranked as you type; can offer to create what was typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Next choice", id="picker.next", show=False),
        Binding("up", "move(-1)", "Previous choice", id="picker.previous", show=False),
    ]

    DEFAULT_CSS = """
    FuzzyPicker {
        align: center middle;
        & > Vertical {
            width: 80;
            max-width: 100%;
            height: auto;
            max-height: 80%;
            border: round $accent;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
        & OptionList { height: auto; max-height: 50vh; border: none; }
        & .picker-hint { color: $text-muted; }
    }
    """

    def __init__(self, title: str, choices: Sequence[Choice], *, allow_create: bool = False,
                 placeholder: str = "type to search", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.choices = list(choices)
        self.allow_create = allow_create
        self.placeholder = placeholder
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = self.title_text
            yield PlainInput(placeholder=self.placeholder, id="picker-input")
            yield OptionList(id="picker-options")
            if self.hint:
                yield Label(Text(self.hint), classes="picker-hint")
            yield Label(Text(PICKER_KEYS), classes="picker-hint")

    def on_mount(self) -> None:
        self._show("")

    @property
    def options(self) -> OptionList:
        return self.query_one("#picker-options", OptionList)

    @on(Input.Changed, "#picker-input")
    def _typed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, query: str) -> None:
        ranked = rank_choices(query, self.choices)
        options = [Option(Text(plain_line(choice.label)), id=choice.value) for choice in ranked]
        typed = " ".join(query.split()).lower()
        if self.allow_create and typed and not any(choice.value.lower() == typed for choice in self.choices):
            # What was typed comes first, unless a known choice starts with it: then that one does.
            known_prefix = any(choice.value.lower().startswith(typed) for choice in ranked)
            options.insert(1 if known_prefix and options else 0, Option(Text(plain_line(f"Create “{typed}”")), id=CREATE_PREFIX + typed))
        self.options.clear_options()
        self.options.add_options(options)
        if options:
            self.options.highlighted = 0

    def action_move(self, step: int) -> None:
        if step > 0:
            self.options.action_cursor_down()
        else:
            self.options.action_cursor_up()

    @on(Input.Submitted, "#picker-input")
    def _submitted(self) -> None:
        highlighted = self.options.highlighted
        if highlighted is not None:
            self._choose(self.options.get_option_at_index(highlighted).id)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option.id)

    def _choose(self, value: str | None) -> None:
        if value is not None and value.startswith(CREATE_PREFIX):
            value = value[len(CREATE_PREFIX):]
        self.dismiss(value)

    def action_cancel(self) -> None:
        self.dismiss(None)


# The kabupaten/kota gazetteer --------------------------------------------------------------


@cache
def kabupaten_places() -> tuple[PlaceChoice, ...]:
    """Every kabupaten and kota of seeds/gazetteer/wilayah.tsv with its province, read once."""
    rows = [line.split("\t") for line in (seeds_dir() / "gazetteer" / "wilayah.tsv").read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    provinces = {code: name for code, level, name in rows if level == "province"}
    return tuple(
        PlaceChoice(code, name, provinces.get(code.split(".")[0], ""))
        for code, level, name in rows if level in ("kabupaten", "kota")
    )


def kabupaten_picker() -> FuzzyPicker:
    """Dismisses with a kabupaten/kota code ("36.04"), or None."""
    choices = [Choice(place.code, str(place)) for place in kabupaten_places()]
    return FuzzyPicker("Kabupaten/kota", choices, placeholder="e.g. serang, kota bekasi, 36.04")


def type_picker(types: Sequence[tuple[str, str]], current: str | None = None) -> FuzzyPicker:
    """All engagement types, `types` as (id, label) most severe first; dismisses with a type id.

    Each is named first as the feed and the type keys name it ('escort'), its id beside it where that
    differs, so what the analyst read in a row is what they type here."""
    choices = []
    for type_id, label in types:
        short = short_label(type_id)
        name = short if short == type_id else f"{short} ({type_id})"
        choices.append(Choice(type_id, f"{name} — {label}{'  (current)' if type_id == current else ''}",
                              names=tuple({type_id, short, tiny_label(type_id)})))
    return FuzzyPicker("Engagement type", choices, placeholder="e.g. strike, escort, mediation")


def tag_picker(known: Sequence[str], on_article: Sequence[str]) -> FuzzyPicker:
    """Free tags: a known one, or a new one typed in; a tag the article has already is taken off."""
    present = set(on_article)
    choices = [Choice(tag, f"✓ {tag}" if tag in present else tag) for tag in [*on_article, *(t for t in known if t not in present)]]
    return FuzzyPicker("Tag", choices, allow_create=True, placeholder="a tag, new or known",
                       hint="✓ marks tags on this article: choosing one takes it off")


# Actors ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KnownActor:
    """An actor the desk knows, as the editor offers it."""

    kind: str
    name: str
    organisation: str | None = None
    unit: str | None = None

    @property
    def label(self) -> str:
        """Name, kind, organisation and unit: two offices of one name (Disnaker of two kota) read apart."""
        details = [part for part in (self.organisation, self.unit) if part and part != self.name]
        return f"{self.name} — {', '.join([self.kind, *dict.fromkeys(details)])}"


@dataclass(frozen=True)
class ActorInput:
    """What the actor editor hands back."""

    kind: str
    name: str
    rank: str | None
    position: str | None
    organisation: str | None = None
    unit: str | None = None


class ActorEditor(ModalScreen[ActorInput | None]):
    """Name (fuzzy over known actors), kind, rank, position, organisation and unit; enter in a field saves.

    Picking a known actor fills name, kind, organisation and unit; a name nobody knows creates a new actor.
    Organisation and unit are the actor's own (every article naming it shows them); left empty, they stay.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="actor_editor.cancel"),
        Binding("ctrl+s", "save", "Save", id="actor_editor.save"),
    ]

    DEFAULT_CSS = """
    ActorEditor {
        align: center middle;
        & > Vertical {
            width: 80;
            max-width: 100%;
            height: auto;
            max-height: 90%;
            border: round $accent;
            border-title-align: center;
            background: $surface;
            padding: 0 1;
        }
        & OptionList { height: auto; max-height: 10; border: none; }
        & Horizontal { height: auto; }
        & Horizontal > * { width: 1fr; }
        & .picker-hint { color: $text-muted; }
        & .actor-error { color: $text-error; }
    }
    """

    def __init__(self, known: Sequence[KnownActor], kind: str = "police") -> None:
        super().__init__()
        # A nameless actor (the tagger's "Gubernur" alone) cannot be picked by its name; one shown twice
        # alike would be two options with one id.
        self.known = list(dict.fromkeys(actor for actor in known if actor.name.strip()))
        self.kind = kind

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Actor"
            yield PlainInput(placeholder="name, e.g. Condro Sasongko or SPSI Serang", id="actor-name")
            suggestions = OptionList(id="actor-options")
            # Walked with the arrows from the name field (on_key): reached by tab, the list took the keys typed
            # next, meant for the rank, and showed none of them.
            suggestions.can_focus = False
            yield suggestions
            with Horizontal():
                yield Select([(kind, kind) for kind in ACTOR_KINDS], value=self.kind, allow_blank=False,
                             id="actor-kind")
                yield PlainInput(placeholder="rank (AKBP …)", id="actor-rank")
                yield PlainInput(placeholder="position (Kapolres)", id="actor-position")
            with Horizontal():
                yield PlainInput(placeholder="organisation (KSPSI, Disnaker …)", id="actor-organisation")
                yield PlainInput(placeholder="unit (Polres Serang …)", id="actor-unit")
            yield Label("", classes="actor-error", id="actor-error")
            yield Label(Text("↑↓ pick a known actor · enter saves · escape cancels"), classes="picker-hint")

    def on_mount(self) -> None:
        self._suggest("")

    @property
    def options(self) -> OptionList:
        return self.query_one("#actor-options", OptionList)

    @on(Input.Changed, "#actor-name")
    def _typed(self, event: Input.Changed) -> None:
        self._suggest(event.value)

    def _suggest(self, query: str) -> None:
        ranked = rank_choices(query, [Choice(str(index), actor.label) for index, actor in enumerate(self.known)],
                              limit=10)
        self.options.clear_options()
        self.options.add_options([Option(Text(plain_line(choice.label)), id=choice.value) for choice in ranked])

    def on_key(self, event) -> None:
        """Arrows in the name field walk the suggestions."""
        if self.focused is not self.query_one("#actor-name") or event.key not in ("up", "down"):
            return
        event.stop()
        if event.key == "down":
            self.options.action_cursor_down()
        else:
            self.options.action_cursor_up()

    @on(OptionList.OptionHighlighted, "#actor-options")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if self.focused is self.query_one("#actor-name") and event.option_index is not None:
            self._fill(event.option.id)

    @on(OptionList.OptionSelected, "#actor-options")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._fill(event.option.id)
        self.query_one("#actor-rank", Input).focus()

    def _fill(self, index: str | None) -> None:
        if index is None:
            return
        actor = self.known[int(index)]
        name = self.query_one("#actor-name", Input)
        with name.prevent(Input.Changed):
            name.value = actor.name
        self.query_one("#actor-kind", Select).value = actor.kind
        self.query_one("#actor-organisation", Input).value = actor.organisation or ""
        self.query_one("#actor-unit", Input).value = actor.unit or ""

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        name = " ".join(self.query_one("#actor-name", Input).value.split())
        if not name:
            self.query_one("#actor-error", Label).update("An actor needs a name.")
            return
        kind = self.query_one("#actor-kind", Select).value
        rank = self.query_one("#actor-rank", Input).value.strip() or None
        position = self.query_one("#actor-position", Input).value.strip() or None
        organisation = self.query_one("#actor-organisation", Input).value.strip() or None
        unit = self.query_one("#actor-unit", Input).value.strip() or None
        self.dismiss(ActorInput(str(kind), name, rank, position, organisation, unit))

    def action_cancel(self) -> None:
        self.dismiss(None)
