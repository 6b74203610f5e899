"""Keyboard tagging of the selected article (or the marked rows): the keys, the pickers they open, and the writes.

`TAGGING_BINDINGS` are bound on the feed list and the reader (so they never fire while an input
has focus); each calls `app.tag('<command>', ...)`, which runs that method of the app's `HandTagging`.
Writes go through one thread, in the order the keys were pressed; each ends in a notification ("Type
set: dialogue · undo: ctrl+z") and a refresh of the row and the reader. The keys 1–9 set the types of
`type_keys` in the settings (a fixed default, so muscle memory holds), and the type legend under the
desk and the help show which key is which type.

Workers started here belong to the app (its one failure handler reports them); what they read comes
back to the event loop through `app.call_later`, which never blocks the thread.
"""

import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.dom import DOMNode

from core.plain_text import plain_line
from core.vocabulary import engagement_types, short_label, type_label
from storage.desk import TagChange, TaggingError
from tui.config import TYPE_KEYS
from tui.screens.event_date import EventDateAnswer, EventDateScreen
from tui.screens.pickers import ActorEditor, ActorInput, KnownActor, kabupaten_places, kabupaten_picker, tag_picker, type_picker

if TYPE_CHECKING:
    from tui.app import PantauApp

UNDO_TITLE_WIDTH = 60
READ_ONLY = "This database is read-only: tagging, marking read and polling are off."


def taxonomy() -> list[tuple[str, str]]:
    """(type id, English label) of every engagement type, most severe first."""
    return [(kind.id, kind.label) for kind in engagement_types().values()]


def _type_binding(number: int) -> Binding:
    """Not in the footer: the type legend under the desk names every number key."""
    return Binding(str(number), f"app.tag('type_of_key', {number})", f"type {number}", id=f"tag.type_{number}",
                   show=False)


TAGGING_BINDINGS: list[Binding] = [
    *(_type_binding(number) for number in range(1, TYPE_KEYS + 1)),
    Binding("e", "app.tag('pick_type')", "Type…", id="tag.pick_type"),
    Binding("t", "app.tag('pick_tag')", "Tag…", id="tag.pick_tag"),
    Binding("a", "app.tag('edit_actor')", "Actor…", id="tag.actor"),
    Binding("K", "app.tag('pick_kabupaten')", "Kab/kota…", id="tag.kabupaten"),
    Binding("c", "app.tag('confirm_coding')", "Confirm", id="tag.confirm"),
    Binding("x", "app.tag('toggle_not_relevant')", "Not relevant", id="tag.not_relevant"),
    Binding("s", "app.tag('toggle_star')", "Star", id="tag.star"),
    Binding("d", "app.tag('edit_event_date')", "Event date…", id="tag.event_date"),
    Binding("space", "app.tag('toggle_mark')", "Mark for bulk tagging", id="tag.mark_row"),
    Binding("ctrl+z", "app.tag('undo')", "Undo tag", id="tag.undo"),
]
"""The action names a method of `HandTagging` (`PantauApp.action_tag`); ids and keys are what users remap."""


def label_type_keys(node: DOMNode, keys: list[str]) -> None:
    """Name the type each number key sets: rewrite the descriptions of the node's live bindings.

    Bindings are declared once per class, but the types come from the app's settings, so the
    descriptions of this node's copy (`_bindings`, where Textual also applies the keymap) change.
    """
    names = {f"tag.type_{number}": short_label(type_id) for number, type_id in enumerate(keys, start=1)}
    for bindings in node._bindings.key_to_bindings.values():
        bindings[:] = [replace(binding, description=names[binding.id]) if binding.id in names else binding
                       for binding in bindings]
    if node.is_attached:
        node.refresh_bindings()


def help_bindings(keys: list[str]) -> list[Binding]:
    """The Tagging group of the help screen, number keys named after their types."""
    labels = dict(taxonomy())
    numbered = [replace(binding, description=plain_line(f"Type: {keys[number]} ({labels[keys[number]]})"))
                for number, binding in enumerate(TAGGING_BINDINGS[:len(keys)])]
    return [*numbered, *TAGGING_BINDINGS[TYPE_KEYS:]]


@dataclass(frozen=True)
class TaggingJob:
    """One write for the tagging thread: the storage call, and how to say what it did."""

    article_id: int | None
    call: Callable[[], TagChange | None]
    describe: Callable[[TagChange | None], str]
    quiet: bool = False
    """One of a bulk change: no notice of its own (a summary follows) and no word when refused."""


FIELD_NAMES = {"kabupaten": "kabupaten/kota", "not_relevant": "not relevant", "event_date": "event date"}
"""A stored field as an undo notice names it: the database's ids ("not_relevant") read as jargon to the analyst."""


def describe_change(change: TagChange | None) -> str:
    """The notification for a stored change."""
    if change is None:
        return "Nothing to undo."
    new_value, old_value = _shown(change.field, change.new_value), _shown(change.field, change.old_value)
    if change.action == "undo":
        field = FIELD_NAMES.get(change.field, change.field)
        if change.new_value and change.new_value.startswith("kept: "):
            return f"Not undone: {field} was {change.new_value.removeprefix('kept: ')}."
        return f"Undone: {field} back to {new_value or 'nothing'}"
    if change.action == "confirm":
        return f"Confirmed the tagger's coding: {new_value} · undo: ctrl+z"
    what = {"type": "Type set", "kabupaten": "Kabupaten/kota set", "not_relevant": "Not relevant",
            "starred": "Starred", "tag": "Tag", "actor": "Actor", "event_date": "Event date set"}[change.field]
    if change.field == "tag":
        value = f"{'added' if change.action == 'add' else 'removed'} {new_value or old_value}"
    elif change.field == "actor":
        value = f"{change.action} {new_value or old_value}"
    else:
        value = new_value or "none"
    return f"{what}: {value} · undo: ctrl+z"


def _shown(field: str, value: str | None) -> str | None:
    """A stored value as the analyst knows it: a type by its label, not by the id the database keeps."""
    return type_label(value) if field == "type" and value else value


def describe_undo(title_of: Callable[[int], str | None], selected_id: int | None, change: TagChange | None) -> str:
    """The notification for an undo, naming the article it changed: undo goes back through your changes on
    every article, and one undone on an article other than the selected one must not pass unnoticed."""
    if change is None:
        return describe_change(change)
    title = plain_line(title_of(change.article_id) or f"article {change.article_id}")
    if len(title) > UNDO_TITLE_WIDTH:
        title = title[:UNDO_TITLE_WIDTH - 1] + "…"
    where = "this article" if change.article_id == selected_id else "another article"
    return f"{describe_change(change).removesuffix('.')} on {where}: “{title}”"


class HandTagging:
    """The analyst's tagging of the selected article or the marked rows: one write thread, pickers, notices.

    A plain object the app holds (`app.tagging`); it reads the feed's cursor and marks and the reader's tags,
    and writes through the store's `HandTags` (`storage.manual_tags`), under the analyst's name.
    """

    def __init__(self, app: "PantauApp") -> None:
        self.app = app
        self.store = app.store
        self.tags = app.store.hand_tags(app.settings.user_name)
        """Every change goes through it, under the analyst's name from the settings."""
        self.type_key_order: list[str] = list(app.settings.type_keys)
        """The types keys 1, 2, … set, from the settings."""
        self._jobs: deque[TaggingJob] = deque()
        self._lock = threading.Lock()
        self._busy = False

    @property
    def idle(self) -> bool:
        """No write is queued or being stored."""
        with self._lock:
            return not self._jobs and not self._busy

    def label_keys(self) -> None:
        """Name the type each number key sets in the bindings of the feed and the reader."""
        for node in (self.app.feed_list, self.app.reader):
            label_type_keys(node, self.type_key_order)

    # Writing ---------------------------------------------------------------------------------

    def _submit(self, article_id: int | None, call: Callable[[], TagChange | None],
                describe: Callable[[TagChange | None], str] = describe_change, quiet: bool = False) -> None:
        """Queue a write; a worker drains the queue, so writes are stored in the order the keys were pressed."""
        if self.app.refused_as_read_only():
            return
        with self._lock:
            self._jobs.append(TaggingJob(article_id, call, describe, quiet))
            if self._busy:
                return
            self._busy = True
        self.app.run_worker(self._run_jobs, thread=True, group="tagging-write", exit_on_error=False,
                            description="Saving tags")

    def _run_jobs(self) -> None:
        """Store queued changes one at a time until none is left.

        A failure other than a refused change ends the worker (the app's failure handler shows it);
        the next key press starts another, which stores what is still queued.
        """
        try:
            while True:
                with self._lock:
                    if not self._jobs:
                        self._busy = False
                        return
                    job = self._jobs.popleft()
                try:
                    change = job.call()
                except TaggingError as error:
                    if not job.quiet:
                        self.app.call_later(self._refused, str(error))
                    continue
                article_id = change.article_id if change is not None else job.article_id
                self.app.call_later(self._saved, article_id, change, job.describe(change), job.quiet)
        except BaseException:
            with self._lock:
                self._busy = False
            raise

    def _saved(self, article_id: int | None, change: TagChange | None, note: str, quiet: bool) -> None:
        """A change is stored (`change` is None for an undo with nothing left to undo): say so, show it."""
        app, feed = self.app, self.app.feed_list
        app.status_bar.count_review()
        current = app.current_article
        elsewhere = change is not None and change.action == "undo" and (current is None or current.id != change.article_id)
        if not quiet:
            app.notify(plain_line(note), title="Tagging", timeout=6 if elsewhere else 4, markup=False,
                       severity="warning" if elsewhere else "information")
        if article_id is None:
            return
        if change is not None and change.field == "starred" and change.new_value in ("yes", "no"):
            feed.update_starred(article_id, change.new_value == "yes")
        if change is not None and change.field == "not_relevant":
            feed.hold_position()
            feed.restart()
            return
        feed.forget_details(article_id)
        current = app.current_article
        if current is not None and current.id == article_id:
            app.reader.load_tagging(article_id)

    def _refused(self, reason: str) -> None:
        self.app.notify(plain_line(reason), title="Tagging", severity="warning", timeout=5, markup=False)

    def _targets(self) -> list[int]:
        """The rows marked for bulk tagging (space), else the selected one; none, with a notice, when neither."""
        marked = self.app.feed_list.marked_ids
        if marked:
            return marked
        article_id = self._selected_id()
        return [] if article_id is None else [article_id]

    def _submit_each(self, ids: list[int], call_for: Callable[[int], Callable[[], TagChange | None]],
                     what: str) -> None:
        """One write per article; for marked rows, one notice for them all, and the marks go."""
        feed = self.app.feed_list
        if len(ids) == 1 and not feed.marked_ids:
            self._submit(ids[0], call_for(ids[0]))
            return
        for article_id in ids:
            self._submit(article_id, call_for(article_id), quiet=True)
        self._submit(None, lambda: None,
                     lambda _change: f"{what} on {len(ids)} marked articles · ctrl+z undoes them one at a time")
        feed.clear_marks()

    def _selected_id(self) -> int | None:
        row = self.app.current_article
        if row is None:
            self.app.notify("No article selected.", title="Tagging", severity="warning")
            return None
        return row.id

    def _read_then(self, read: Callable[[], object], show: Callable[[object], None]) -> None:
        """Read what a picker needs in a worker, then open it on the event loop."""
        self.app.run_worker(lambda: self.app.call_later(show, read()), thread=True, group="tagging-read",
                            exit_on_error=False, description="Reading tags and actors")

    # Commands (the keys) -----------------------------------------------------------------------

    def type_of_key(self, number: int) -> None:
        """Set the engagement type that key `number` stands for."""
        if 1 <= number <= len(self.type_key_order):
            self._set_type(self.type_key_order[number - 1])

    def _set_type(self, type_id: str | None) -> None:
        ids = self._targets()
        if type_id and ids:
            self._submit_each(ids, lambda article_id: partial(self.tags.set_type, article_id, type_id),
                              f"Type set: {short_label(type_id)}")

    def confirm_coding(self) -> None:
        """Confirm the tagger's engagements on the selected article as right: it leaves the review list."""
        article_id = self._selected_id()
        if article_id is not None:
            self._submit(article_id, partial(self.tags.confirm_coding, article_id))

    def pick_type(self) -> None:
        """Pick any of the engagement types."""
        if not self._targets():
            return
        tagging = self.app.reader.tagging
        self.app.push_screen(type_picker(taxonomy(), tagging.engagement_type if tagging else None), self._set_type)

    def pick_kabupaten(self) -> None:
        """Pick the kabupaten/kota from the whole gazetteer."""
        if self._targets():
            self.app.push_screen(kabupaten_picker(), self._set_kabupaten)

    def _set_kabupaten(self, code: str | None) -> None:
        ids = self._targets()
        place = next((place for place in kabupaten_places() if place.code == code), None)
        if place is not None and ids:
            self._submit_each(ids, lambda article_id: partial(self.tags.set_kabupaten, article_id, place),
                              f"Kabupaten/kota set: {place.name}")

    def edit_event_date(self) -> None:
        """Set the event date by hand (the text says "Rabu (22/10/2025)", the tagger found none)."""
        ids = self._targets()
        if not ids:
            return
        reader = self.app.reader
        tagging = reader.tagging if reader.tagging and reader.tagging.article_id == ids[0] else None
        view = self.app.current_view
        published = view.article.published_at if view is not None else None
        self.app.push_screen(EventDateScreen(tagging.event_date if tagging else None, published), self._set_event_date)

    def _set_event_date(self, answer: EventDateAnswer | None) -> None:
        ids = self._targets()
        if answer is not None and ids:
            self._submit_each(ids, lambda article_id: partial(self.tags.set_event_date, article_id, answer.day),
                              f"Event date set: {answer.day:%d %b %Y}" if answer.day else "Event date cleared")

    def toggle_mark(self) -> None:
        """Mark the row for bulk tagging (or unmark it) and go to the next: the tagging keys then act on every
        marked row."""
        feed = self.app.feed_list
        if feed.has_focus:
            feed.toggle_mark()

    def pick_tag(self) -> None:
        """Add a free tag (known or new), or take one off; on marked rows, add it to each."""
        ids = self._targets()
        if not ids:
            return
        article_id = ids[0]
        self._read_then(lambda: (self.tags.known_tags(), self.store.tagging(article_id).tags),
                        lambda found: self._open_tag_picker(article_id, *found))

    def edit_actor(self) -> None:
        """Add an actor to the article (a known one or a new one), or edit one's rank, position, organisation
        and unit; on marked rows, add it to each."""
        if self._targets():
            self._read_then(lambda: [KnownActor(actor.kind, actor.name, actor.organisation, actor.unit)
                                     for actor in self.tags.known_actors()], self._open_actor_editor)

    def _open_tag_picker(self, article_id: int, known: list[str], present: list[str]) -> None:
        bulk = bool(self.app.feed_list.marked_ids)

        def chosen(tag: str | None) -> None:
            if not tag:
                return
            if bulk:
                self._submit_each(self._targets(), lambda target: partial(self.tags.add_tag, target, tag),
                                  f"Tag added: {tag}")
                return
            self._submit(article_id, partial(self.tags.toggle_tag, article_id, tag, present))

        self.app.push_screen(tag_picker(known, [] if bulk else present), chosen)

    def _open_actor_editor(self, actors: list[KnownActor]) -> None:
        def chosen(actor: ActorInput | None) -> None:
            if actor is not None:
                self._submit_each(self._targets(), lambda target: partial(
                    self.tags.add_actor, target, actor.kind, actor.name, actor.rank, actor.position,
                    actor.organisation, actor.unit), f"Actor: {actor.name}")

        self.app.push_screen(ActorEditor(actors), chosen)

    def toggle_not_relevant(self) -> None:
        """Mark the article not relevant (it leaves the feed and the timeline), or relevant again; marked rows
        are all marked not relevant."""
        ids = self._targets()
        if not ids:
            return
        feed = self.app.feed_list
        hidden = not feed.marked_ids and feed.details_of(ids[0]).not_relevant
        self._submit_each(ids, lambda article_id: partial(self.tags.set_not_relevant, article_id, not hidden),
                          "Not relevant")

    def toggle_star(self) -> None:
        """Star the article, or take the star off; marked rows are all starred (or unstarred when all are)."""
        feed = self.app.feed_list
        rows = [row for row in map(feed.loaded_row, self._targets()) if row is not None]
        if not rows:
            return
        starred = not all(row.is_starred for row in rows)
        for row in rows:
            feed.update_starred(row.id, starred)
        self._submit_each([row.id for row in rows], lambda article_id: partial(self.tags.set_starred, article_id,
                                                                              starred),
                          "Starred" if starred else "Star taken off")

    def undo(self) -> None:
        """Undo your last tagging change (by the user name in the config), naming the article it was on."""
        row = self.app.current_article
        self._submit(None, self.tags.undo_last,
                     partial(describe_undo, self.app.store.title, row.id if row else None))
