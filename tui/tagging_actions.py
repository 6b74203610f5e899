"""Keyboard tagging of the selected article: the keys, the pickers they open, and the writes.

`TAGGING_BINDINGS` are bound on the feed list and the reader (so they never fire while an input
has focus) and call the app's actions, which `TaggingActions` adds to `PantauApp`. Writes go
through one thread, in the order the keys were pressed; each ends in a notification ("Type set:
dialogue · undo: ctrl+z") and a refresh of the row and the reader. The keys 1–9 set the types of
`type_keys` in the settings (a fixed default, so muscle memory holds), and the type legend under the
desk and the help show which key is which type.

Textual calls a message handler of every class in the app's MRO, so the `on_…` handlers here
run after `PantauApp`'s own handlers of the same messages, without it calling them.
"""

import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

from textual import work
from textual.binding import Binding
from textual.dom import DOMNode
from textual.message import Message

from core.plain_text import plain_line
from core.vocabulary import engagement_types, short_label
from storage import manual_tags
from storage.articles import article_title
from storage.manual_tags import ArticleTagging, RowDetails, TagChange, TaggingError
from tui.config import TYPE_KEYS
from tui.screens.event_date import EventDateAnswer, EventDateScreen
from tui.screens.pickers import ActorEditor, ActorInput, KnownActor, kabupaten_places, kabupaten_picker, tag_picker, type_picker

UNDO_TITLE_WIDTH = 60
READ_ONLY = "This database is read-only: tagging, marking read and polling are off."


def taxonomy() -> list[tuple[str, str]]:
    """(type id, English label) of every engagement type, most severe first."""
    return [(kind.id, kind.label) for kind in engagement_types().values()]


def _type_binding(number: int) -> Binding:
    """Not in the footer: the type legend under the desk names every number key."""
    return Binding(str(number), f"app.tag_type({number})", f"type {number}", id=f"tag.type_{number}", show=False)


TAGGING_BINDINGS: list[Binding] = [
    *(_type_binding(number) for number in range(1, TYPE_KEYS + 1)),
    Binding("e", "app.pick_type", "Type…", id="tag.pick_type"),
    Binding("t", "app.pick_tag", "Tag…", id="tag.pick_tag"),
    Binding("a", "app.edit_actor", "Actor…", id="tag.actor"),
    Binding("K", "app.pick_kabupaten", "Kab/kota…", id="tag.kabupaten"),
    Binding("c", "app.confirm_coding", "Confirm", id="tag.confirm"),
    Binding("x", "app.toggle_not_relevant", "Not relevant", id="tag.not_relevant"),
    Binding("s", "app.toggle_star", "Star", id="tag.star"),
    Binding("d", "app.edit_event_date", "Event date…", id="tag.event_date"),
    Binding("space", "app.toggle_mark", "Mark for bulk tagging", id="tag.mark_row"),
    Binding("ctrl+z", "app.undo_tagging", "Undo tag", id="tag.undo"),
]


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


# Messages ------------------------------------------------------------------------------------


class TaggingSaved(Message):
    """A manual change is stored (`change` is None for an undo with nothing left to undo)."""

    def __init__(self, article_id: int | None, change: TagChange | None, note: str, quiet: bool = False) -> None:
        super().__init__()
        self.article_id = article_id
        self.change = change
        self.note = note
        self.quiet = quiet


class TaggingRefused(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class TaggingLoaded(Message):
    """The tags of one article for the reader; only the latest matters."""

    def __init__(self, tagging: ArticleTagging) -> None:
        super().__init__()
        self.tagging = tagging

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TaggingLoaded) and message.tagging.article_id == self.tagging.article_id


class RowDetailsLoaded(Message):
    def __init__(self, generation: int, details: dict[int, RowDetails]) -> None:
        super().__init__()
        self.generation = generation
        self.details = details


class PickerDataLoaded(Message):
    """What a picker needs from the database, read in a worker; `open` shows the picker."""

    def __init__(self, open_picker: Callable[[], None]) -> None:
        super().__init__()
        self.open_picker = open_picker


@dataclass(frozen=True)
class TaggingJob:
    """One write for the tagging thread: the storage call, and how to say what it did."""

    article_id: int | None
    call: Callable[[], TagChange | None]
    describe: Callable[[TagChange | None], str]
    quiet: bool = False
    """One of a bulk change: no notice of its own (a summary follows) and no word when refused."""


def describe_change(change: TagChange | None) -> str:
    """The notification for a stored change."""
    if change is None:
        return "Nothing to undo."
    if change.action == "undo":
        if change.new_value and change.new_value.startswith("kept: "):
            return f"Not undone: {change.field} was {change.new_value.removeprefix('kept: ')}."
        return f"Undone: {change.field} back to {change.new_value or 'nothing'}"
    if change.action == "confirm":
        return f"Confirmed the tagger's coding: {change.new_value} · undo: ctrl+z"
    what = {"type": "Type set", "kabupaten": "Kabupaten/kota set", "not_relevant": "Not relevant",
            "starred": "Starred", "tag": "Tag", "actor": "Actor", "event_date": "Event date set"}[change.field]
    if change.field == "tag":
        value = f"{'added' if change.action == 'add' else 'removed'} {change.new_value or change.old_value}"
    elif change.field == "actor":
        value = f"{change.action} {change.new_value or change.old_value}"
    else:
        value = change.new_value or "none"
    return f"{what}: {value} · undo: ctrl+z"


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


class TaggingActions:
    """The app's tagging actions; mixed into `PantauApp` (needs `engine`, `settings`, `feed_list`, `reader`)."""

    @property
    def type_key_order(self) -> list[str]:
        """The types keys 1, 2, … set, from the settings."""
        return list(self.settings.type_keys)

    def on_mount(self) -> None:
        self._tagging_jobs: deque[TaggingJob] = deque()
        self._tagging_lock = threading.Lock()
        self._tagging_busy = False
        for node in (self.feed_list, self.reader):
            label_type_keys(node, self.type_key_order)

    # Reading ---------------------------------------------------------------------------------

    def on_desk_changed(self, message) -> None:
        """Tag tables changed (by the poller's tagging, or another desk): the rows' columns are read again."""
        if {change.table for change in message.changes} - {"article"}:
            self.feed_list.refresh_details()

    def on_feed_list_details_wanted(self, message) -> None:
        self._load_row_details(message.generation, message.article_ids)

    @work(thread=True, group="row-details", exit_on_error=False, description="Reading tags of rows")
    def _load_row_details(self, generation: int, article_ids: Iterable[int]) -> None:
        self.post_message(RowDetailsLoaded(generation, manual_tags.row_details(self.engine, article_ids)))

    def on_row_details_loaded(self, message: RowDetailsLoaded) -> None:
        self.feed_list.store_details(message.generation, message.details)

    @work(thread=True, exclusive=True, group="tagging-reader", exit_on_error=False, description="Reading the article's tags")
    def _load_tagging(self, article_id: int) -> None:
        self.post_message(TaggingLoaded(manual_tags.article_tagging(self.engine, article_id)))

    def on_tagging_loaded(self, message: TaggingLoaded) -> None:
        current = self.current_article
        if current is not None and current.id == message.tagging.article_id:
            self.reader.show_tagging(message.tagging)

    # Writing ---------------------------------------------------------------------------------

    def _submit(self, article_id: int | None, call: Callable[[], TagChange | None],
                describe: Callable[[TagChange | None], str] = describe_change, quiet: bool = False) -> None:
        """Queue a write; a worker drains the queue, so writes are stored in the order the keys were pressed."""
        if self.refused_as_read_only():
            return
        with self._tagging_lock:
            self._tagging_jobs.append(TaggingJob(article_id, call, describe, quiet))
            if self._tagging_busy:
                return
            self._tagging_busy = True
        self._run_tagging_jobs()

    @work(thread=True, group="tagging-write", exit_on_error=False, description="Saving tags")
    def _run_tagging_jobs(self) -> None:
        """Store queued changes one at a time until none is left.

        A failure other than a refused change ends the worker (the app's failure handler shows it);
        the next key press starts another, which stores what is still queued.
        """
        try:
            while True:
                with self._tagging_lock:
                    if not self._tagging_jobs:
                        self._tagging_busy = False
                        return
                    job = self._tagging_jobs.popleft()
                try:
                    change = job.call()
                except TaggingError as error:
                    if not job.quiet:
                        self.post_message(TaggingRefused(str(error)))
                    continue
                article_id = change.article_id if change is not None else job.article_id
                self.post_message(TaggingSaved(article_id, change, job.describe(change), job.quiet))
        except BaseException:
            with self._tagging_lock:
                self._tagging_busy = False
            raise

    def on_tagging_saved(self, message: TaggingSaved) -> None:
        self.count_review()
        change = message.change
        current = self.current_article
        elsewhere = change is not None and change.action == "undo" and (current is None or current.id != change.article_id)
        if not message.quiet:
            self.notify(plain_line(message.note), title="Tagging", timeout=6 if elsewhere else 4, markup=False,
                        severity="warning" if elsewhere else "information")
        if message.article_id is None:
            return
        if change is not None and change.field == "starred" and change.new_value in ("yes", "no"):
            self.feed_list.update_starred(message.article_id, change.new_value == "yes")
        if change is not None and change.field == "not_relevant":
            self.feed_list.hold_position()
            self.restart_feed()
            return
        self.feed_list.forget_details(message.article_id)
        current = self.current_article
        if current is not None and current.id == message.article_id:
            self._load_tagging(message.article_id)

    def on_tagging_refused(self, message: TaggingRefused) -> None:
        self.notify(plain_line(message.reason), title="Tagging", severity="warning", timeout=5, markup=False)

    def refused_as_read_only(self) -> bool:
        """On a read-only desk, say once per attempt that writing is off; True when refused."""
        if self.read_only:
            self.notify(READ_ONLY, title="Read-only", severity="warning")
        return self.read_only

    def _targets(self) -> list[int]:
        """The rows marked for bulk tagging (space), else the selected one; none, with a notice, when neither."""
        marked = self.feed_list.marked_ids
        if marked:
            return marked
        article_id = self._selected_id()
        return [] if article_id is None else [article_id]

    def _submit_each(self, ids: list[int], call_for: Callable[[int], Callable[[], TagChange | None]],
                     what: str) -> None:
        """One write per article; for marked rows, one notice for them all, and the marks go."""
        if len(ids) == 1 and not self.feed_list.marked_ids:
            self._submit(ids[0], call_for(ids[0]))
            return
        for article_id in ids:
            self._submit(article_id, call_for(article_id), quiet=True)
        self._submit(None, lambda: None,
                     lambda _change: f"{what} on {len(ids)} marked articles · ctrl+z undoes them one at a time")
        self.feed_list.clear_marks()

    def _selected_id(self) -> int | None:
        row = self.current_article
        if row is None:
            self.notify("No article selected.", title="Tagging", severity="warning")
            return None
        return row.id

    @property
    def _user(self) -> str:
        return self.settings.user_name

    # Actions -----------------------------------------------------------------------------------

    def action_tag_type(self, number: int) -> None:
        """Set the engagement type that key `number` stands for."""
        if 1 <= number <= len(self.type_key_order):
            self._set_type(self.type_key_order[number - 1])

    def _set_type(self, type_id: str | None) -> None:
        ids = self._targets()
        if type_id and ids:
            self._submit_each(ids, lambda article_id: partial(manual_tags.set_type, self.engine, article_id, type_id,
                                                              self._user), f"Type set: {short_label(type_id)}")

    def action_confirm_coding(self) -> None:
        """Confirm the tagger's engagements on the selected article as right: it leaves the review list."""
        article_id = self._selected_id()
        if article_id is not None:
            self._submit(article_id, partial(manual_tags.confirm_coding, self.engine, article_id, self._user))

    def action_pick_type(self) -> None:
        """Pick any of the engagement types."""
        if not self._targets():
            return
        current = self.reader.tagging.engagement_type if self.reader.tagging else None
        self.push_screen(type_picker(taxonomy(), current), self._set_type)

    def action_pick_kabupaten(self) -> None:
        """Pick the kabupaten/kota from the whole gazetteer."""
        if self._targets():
            self.push_screen(kabupaten_picker(), self._set_kabupaten)

    def _set_kabupaten(self, code: str | None) -> None:
        ids = self._targets()
        place = next((place for place in kabupaten_places() if place.code == code), None)
        if place is not None and ids:
            self._submit_each(ids, lambda article_id: partial(manual_tags.set_kabupaten, self.engine, article_id,
                                                              place, self._user), f"Kabupaten/kota set: {place.name}")

    def action_edit_event_date(self) -> None:
        """Set the event date by hand (the text says "Rabu (22/10/2025)", the tagger found none)."""
        ids = self._targets()
        if not ids:
            return
        tagging = self.reader.tagging if self.reader.tagging and self.reader.tagging.article_id == ids[0] else None
        view = self.current_view
        published = view.article.published_at if view is not None else None
        self.push_screen(EventDateScreen(tagging.event_date if tagging else None, published), self._set_event_date)

    def _set_event_date(self, answer: EventDateAnswer | None) -> None:
        ids = self._targets()
        if answer is not None and ids:
            self._submit_each(ids, lambda article_id: partial(manual_tags.set_event_date, self.engine, article_id,
                                                              answer.day, self._user),
                              f"Event date set: {answer.day:%d %b %Y}" if answer.day else "Event date cleared")

    def action_toggle_mark(self) -> None:
        """Mark the row for bulk tagging (or unmark it) and go to the next: the tagging keys then act on every
        marked row."""
        feed = self.feed_list
        if feed.has_focus:
            feed.toggle_mark()

    def action_pick_tag(self) -> None:
        """Add a free tag (known or new), or take one off; on marked rows, add it to each."""
        ids = self._targets()
        if ids:
            self._read_for_picker(ids[0], "tag")

    def action_edit_actor(self) -> None:
        """Add an actor to the article (a known one or a new one), or edit one's rank, position, organisation
        and unit; on marked rows, add it to each."""
        ids = self._targets()
        if ids:
            self._read_for_picker(ids[0], "actor")

    @work(thread=True, group="tagging-read", exit_on_error=False, description="Reading tags and actors")
    def _read_for_picker(self, article_id: int, kind: str) -> None:
        if kind == "tag":
            known = manual_tags.known_tags(self.engine)
            present = manual_tags.article_tagging(self.engine, article_id).tags
            self.post_message(PickerDataLoaded(partial(self._open_tag_picker, article_id, known, present)))
        else:
            actors = [KnownActor(actor.kind, actor.name, actor.organisation, actor.unit)
                      for actor in manual_tags.known_actors(self.engine)]
            self.post_message(PickerDataLoaded(partial(self._open_actor_editor, article_id, actors)))

    def on_picker_data_loaded(self, message: PickerDataLoaded) -> None:
        message.open_picker()

    def _open_tag_picker(self, article_id: int, known: list[str], present: list[str]) -> None:
        bulk = bool(self.feed_list.marked_ids)

        def chosen(tag: str | None) -> None:
            if not tag:
                return
            if bulk:
                self._submit_each(self._targets(), lambda target: partial(manual_tags.add_tag, self.engine, target,
                                                                          tag, self._user), f"Tag added: {tag}")
                return
            store = manual_tags.remove_tag if manual_tags.normalise_tag(tag) in present else manual_tags.add_tag
            self._submit(article_id, partial(store, self.engine, article_id, tag, self._user))

        self.push_screen(tag_picker(known, [] if bulk else present), chosen)

    def _open_actor_editor(self, article_id: int, actors: list[KnownActor]) -> None:
        def chosen(actor: ActorInput | None) -> None:
            if actor is not None:
                self._submit_each(self._targets(), lambda target: partial(
                    manual_tags.add_actor, self.engine, target, self._user, actor.kind, actor.name, actor.rank,
                    actor.position, actor.organisation, actor.unit), f"Actor: {actor.name}")

        self.push_screen(ActorEditor(actors), chosen)

    def action_toggle_not_relevant(self) -> None:
        """Mark the article not relevant (it leaves the feed and the timeline), or relevant again; marked rows
        are all marked not relevant."""
        ids = self._targets()
        if not ids:
            return
        hidden = not self.feed_list.marked_ids and self.feed_list.details_of(ids[0]).not_relevant
        self._submit_each(ids, lambda article_id: partial(manual_tags.set_not_relevant, self.engine, article_id,
                                                          not hidden, self._user), "Not relevant")

    def action_toggle_star(self) -> None:
        """Star the article, or take the star off; marked rows are all starred (or unstarred when all are)."""
        ids = self._targets()
        rows = [row for row in map(self.feed_list.loaded_row, ids) if row is not None]
        if not rows:
            return
        starred = not all(row.is_starred for row in rows)
        for row in rows:
            self.feed_list.update_starred(row.id, starred)
        self._submit_each([row.id for row in rows], lambda article_id: partial(
            manual_tags.set_starred, self.engine, article_id, starred, self._user),
            "Starred" if starred else "Star taken off")

    def action_toggle_read(self) -> None:
        """Flip the read flag of the selected article."""
        row = self.current_article
        if row is not None:
            self.action_set_read(not row.is_read)

    def action_undo_tagging(self) -> None:
        """Undo your last tagging change (by the user name in the config), naming the article it was on."""
        row = self.current_article
        self._submit(None, partial(manual_tags.undo_last, self.engine, self._user),
                     partial(describe_undo, partial(article_title, self.engine), row.id if row else None))
