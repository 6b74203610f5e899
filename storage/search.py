"""The desk's search language as SQL: a parsed `Query` (see `storage.search_parser`) in, rows out.

`condition` turns a Query into one SQL condition on `article`, every user value a bound parameter and
every word sent to `storage.fulltext` as a quoted FTS5 string. `SearchSource` pages the matching rows
by key for the feed list.
"""

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from math import isqrt

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Engine,
    Select,
    and_,
    bindparam,
    column,
    false,
    func,
    intersect,
    literal,
    literal_column,
    not_,
    or_,
    table,
    true,
    type_coerce,
    union,
)
from sqlalchemy import text as sql_text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import Grouping
from sqlalchemy.sql.selectable import CompoundSelect, Join, TextualSelect
from sqlmodel import Session, col, select

from storage import fulltext, split_match
from storage.articles import ArticleRow, as_rows, mark_read_where, rows_select
from storage.feed_order import ARRIVAL, DATED, DATED_KEY, PUBLISHED, FeedOrder, ordered_page
from storage.models import (AUTO, MANUAL, Actor, ActorMention, Article, ArticleLink, ArticleTag, Engagement, Feed,
                            NotRelevant, PlaceTag)
from storage.review import articles_to_review
from storage.search_parser import OPERATORS, Query, Term, date_of
from storage.tags import actor_key
from storage.timeline import counted_engagements, current_engagements, engagement_day

_KAB_CODE = re.compile(r"\d{2}\.\d{2}")
_PROV_CODE = re.compile(r"\d{2}")
_BAREWORD = re.compile(r"[A-Za-z0-9_]+")
PREFIX_WORDS = 32
"""At most this many of the index's words stand in for a prefix on SQLite (`kapol*` → kapolres OR kapolsek …);
a prefix that starts more is left to FTS5."""
FIRST_STRETCH = 4_096
"""Articles the first stretch of such a walk covers, newest first; each next stretch is four times the last."""
FIRST_STRETCHES = 2
"""Stretches walked for a phrase or an excluded word (without a rare filter) before FTS5 is asked how many articles
match: 20,480 articles, where a page of what 1 article in 100 has is found. Asking first cost what listing 10,000 of
their articles does, which for a phrase of common words (`buruh "unjuk rasa"`) is reading a quarter of the index (40 ms
at 1,000,000 articles). A third stretch (65,536 articles) would cost as much as it saves. Plain words are not
walked for first: FTS5 lists them cheaply, and a rare word's articles are found at once."""
MERGED = -1
"""The LIMIT (none: SQLite reads -1 so) of a merge of the words' list with a filter's articles in a subquery: without
one, SQLite drops a subquery's ORDER BY, and with it the merge (the INTERSECT then copies the words' whole list into a
temporary index: 440 ms for `buruh`, in half of 1,000,000 articles)."""
CANDIDATES_AT_ONCE = 512
"""A rare filter's articles are checked against the rest of the query this many at a time, newest first."""
MEMBERS_WALK = 100_000
"""How far down the date index a rare filter's page may walk (its `limit`-th newest article at most this many ids
below the newest): reading an entry of the index costs ~0.1 µs, gathering and sorting an article ~4 µs."""


NameLookup = Callable[[TextualSelect], list[str]]
"""Runs a statement of place names (`_names_like`) and returns the names it finds."""


def condition(query: Query, dialect_name: str, zone: tzinfo = timezone.utc, today: date | None = None,
              names: NameLookup | None = None, walked: bool = False, probe: str | None = None) -> ColumnElement[bool]:
    """One SQL condition on `article` for the query; dates are days in `zone`. With `names`, a place filter's
    names are looked up first and sent as values (see `_named`), else the statement reads them itself; `walked`
    and `probe`: see `_Builder`."""
    builder = _Builder(dialect_name, zone, today or datetime.now(zone).date(), names=names, walked=walked,
                       probe=probe)
    return builder.build(query)


def search_select(query: Query, dialect_name: str, zone: tzinfo = timezone.utc) -> Select:
    """`SELECT article.id` of the matching articles, newest arrival first."""
    return select(Article.id).where(condition(query, dialect_name, zone)).order_by(col(Article.id).desc())


ENGAGEMENT_FILTERS = ("kab", "prov", "type")
DATE_FILTERS = ("since", "until")


class _Builder:
    """Turns a Query into SQL. `ids` is the column that names the article: `article.id`, or the full-text
    table's rowid when the search reads the index first (SQLite), so id filters run before any article row is read."""

    def __init__(self, dialect_name: str, zone: tzinfo, today: date, ids: ColumnElement | None = None,
                 rowids: tuple[int, int] | None = None, names: NameLookup | None = None, walked: bool = False,
                 probe: str | None = None, checked: bool = False) -> None:
        self.dialect_name = dialect_name
        self.probe = probe
        """PostgreSQL: the part of the query's words the GIN index is asked for (`_pg_probe`), the whole checked in
        each article it gives."""
        self.names = names
        """PostgreSQL: how a place filter's names are looked up before the statement is planned (`_named`)."""
        self.walked = walked
        """PostgreSQL, a page by date whose filters many articles meet (`SearchSource._walks_dates`): a place's two
        lists (its place tags and its engagements) are checked as two EXISTS for each article the date index gives,
        which the planner hashes once or checks by key; `id IN (places UNION engagements)` it can only gather whole
        and join, and then sorts every member by date (kab:3, 92,103 articles at 1,000,000: 1.7 s; buruh kab:3 6 s)."""
        self.zone = zone
        self.today = today
        self.ids = col(Article.id) if ids is None else ids
        self.rowids = rowids
        """SQLite, walking a stretch of articles (`SearchSource`'s walk): the lowest and highest id in it. Words are
        then matched in that range of the index only, and other lists are checked article by article (EXISTS), so
        nothing is gathered beyond the stretch."""
        self.checked = checked or rowids is not None
        """Other lists are checked article by article (EXISTS): a few thousand articles at most are checked."""
        self.reads_articles = False
        """Set once a clause needs the article row itself (its feed, dates or flags), not only its id."""

    def build(self, query: Query, text_driven: bool = False) -> ColumnElement[bool]:
        """The condition; with `text_driven`, without the words (the caller matches `fts_text(query)` itself)."""
        clauses = [self._hidden(query.shows_hidden)]
        text_groups = _text_groups(query)
        excluded = _excluded_words(query)
        others = [group for group in query.groups if group not in text_groups and
                  not (len(group) == 1 and group[0].is_text and group[0].negated)]
        if text_groups and not text_driven:
            clauses.append(self._words(query))
        elif excluded and not text_groups:
            clauses.append(not_(self._matches(" OR ".join(_fts_term(term) for term in excluded))))
        engaged, dated, others = _engagement_filters(others)
        if engaged and dated:
            clauses.append(self._engaged_in(engaged, dated))
        else:
            others = [*others, *engaged]
            if dated:
                clauses.append(self._dated(dated))
        clauses.extend(self._group(group) for group in others)
        return and_(*clauses)

    def _group(self, group: tuple[Term, ...]) -> ColumnElement[bool]:
        """Terms joined by OR; `type:a OR type:b` (or kab:, prov:) as one list of ids, which SQLite walks in
        order, where an OR of two lists is read whole and sorted."""
        kinds = {term.kind for term in group}
        if len(group) > 1 and len(kinds) == 1 and kinds <= set(ENGAGEMENT_FILTERS) and not any(t.negated for t in group):
            return self._engaged(group)
        return or_(*(self._term(term) for term in group))

    def _engaged(self, group: tuple[Term, ...]) -> ColumnElement[bool]:
        checked = self.checked
        engagements = select(Engagement.article_id).where(or_(*(_engagement_term(term, checked, self.names)
                                                                 for term in group)),
                                                          current_engagements())
        if group[0].kind == "type":
            return self._among(engagements)
        place = _kab_place if group[0].kind == "kab" else _prov_place
        places = select(PlaceTag.article_id).where(or_(*(place(term.value, checked, self.names) for term in group)),
                                                   current_places())
        return self._among(union(places, engagements))

    def _words(self, query: Query) -> ColumnElement[bool]:
        """The query's words; with a `probe`, the index is asked for the probe only and each article it gives is
        checked against the words as a whole (a function call, which the planner never hands to the index)."""
        found = self._matches(fts_text(query))
        if self.probe is None:
            return found
        return and_(self._matches(self.probe), Grouping(type_coerce(fulltext.pg_checks(fts_text(query)), Boolean)))

    def _matches(self, fts_query: str) -> ColumnElement[bool]:
        """The full-text clause as a bracketed boolean (so it can be negated) with a bind name of its own
        (so several can sit in one statement)."""
        clause = fulltext.matches(self.dialect_name, fts_query)
        value = clause.compile().params["fts_query"]
        if self.rowids is not None:  # checked, never leading: the stretch or the candidates lead
            lowest, highest = self.rowids
            checked = CHECKED_ID if self.ids is col(Article.id) else self.ids
            return checked.in_(select(FTS_ROWID).where(fulltext.index_matches(value), FTS_ROWID.between(lowest, highest)))
        clause = clause.bindparams(bindparam("fts_query", value=value, unique=True))
        found = Grouping(type_coerce(clause, Boolean))
        if self.dialect_name == "postgresql" or self.ids is col(Article.id):  # noqa: SIM114
            return found
        return self.ids.in_(select(FTS_ROWID).where(fulltext.index_matches(value)))

    def _term(self, term: Term) -> ColumnElement[bool]:
        if term.is_text:
            found = self._matches(_fts_term(replace(term, negated=False)))
        elif term.kind in DATE_FILTERS:
            found = self._dated([term])
        else:
            found = getattr(self, f"_{term.kind}")(term.value)
        return not_(found) if term.negated else found

    def _among(self, article_ids: Select | CompoundSelect) -> ColumnElement[bool]:
        """`article.id IN (...)`: the subquery runs once (a hashed list), where a correlated EXISTS would
        run once per article and crawl at 100,000 of them. Walking a stretch (`rowids`), or checking a few thousand
        articles (`checked`), the other way round: an EXISTS for each article walked, where the list would be gathered
        whole (82,000 ids for `type:clash OR type:arrest` at 1,000,000 articles) to check a few hundred. So too for a
        UNION (a place's two lists) when PostgreSQL walks the date index (`walked`); a single list it checks by key as
        it walks."""
        if not self.checked and not (self.walked and isinstance(article_ids, CompoundSelect)):
            return self.ids.in_(article_ids)
        parts = article_ids.selects if isinstance(article_ids, CompoundSelect) else [article_ids]
        return or_(*(part.where(part.selected_columns[0] == self.ids).exists() for part in parts))

    def _hidden(self, shows_hidden: bool) -> ColumnElement[bool]:
        marked = self._among(select(NotRelevant.article_id))
        return marked if shows_hidden else not_(marked)

    def _actor(self, value: str) -> ColumnElement[bool]:
        padded = literal(" ") + col(Actor.key) + literal(" ")
        return self._among(
            select(ActorMention.article_id)
            .join(Actor, col(Actor.id) == col(ActorMention.actor_id))
            .where(padded.like(f"% {actor_key(value)} %"))
        )

    def _kab(self, value: str) -> ColumnElement[bool]:
        checked = self.checked
        return self._placed(_kab_place(value, checked, self.names), _kab_engagement(value, checked, self.names))

    def _prov(self, value: str) -> ColumnElement[bool]:
        checked = self.checked
        return self._placed(_prov_place(value, checked, self.names), _prov_engagement(value, checked, self.names))

    def _placed(self, place: ColumnElement[bool], engagement: ColumnElement[bool]) -> ColumnElement[bool]:
        """Named as a place of the article, or the place of one of its engagements; what an analyst set by hand
        supersedes the tagger's (as in the reader and the timeline)."""
        return self._among(union(select(PlaceTag.article_id).where(place, current_places()),
                                 select(Engagement.article_id).where(engagement, current_engagements())))

    def _type(self, value: str) -> ColumnElement[bool]:
        """The engagement's own type (secondary types aside): what the timeline counts and the feed row shows."""
        return self._among(select(Engagement.article_id).where(_type_is(value, self.checked),
                                                                current_engagements()))

    def _tag(self, value: str) -> ColumnElement[bool]:
        return self._among(select(ArticleTag.article_id).where(func.lower(col(ArticleTag.tag)) == value.lower()))

    def _feed(self, value: str) -> ColumnElement[bool]:
        """The feed that brought the article, or any other feed that carried it too."""
        self.reads_articles = True
        if value.isdigit():
            def is_feed(column):
                return column == int(value)
        else:
            pattern = _contains(value)
            named = select(Feed.id).where(or_(_lower_like(Feed.title, pattern), _lower_like(Feed.url, pattern)))

            def is_feed(column):
                return column.in_(named)
        return or_(
            is_feed(col(Article.feed_id)),
            self._among(select(ArticleLink.article_id).where(is_feed(col(ArticleLink.feed_id)))),
        )

    def _day_range(self, dated: list[Term]) -> tuple[date | None, date | None]:
        """The latest `since:` and the earliest `until:`: side by side they make one range."""
        since = [date_of(term.value, self.today) for term in dated if term.kind == "since"]
        until = [date_of(term.value, self.today) for term in dated if term.kind == "until"]
        return (max(since) if since else None, min(until) if until else None)

    def _dated(self, dated: list[Term]) -> ColumnElement[bool]:
        """Published in the range (arrival when the feed gave no date), or reporting an engagement dated in it.

        The range is one: an article published before it whose engagement falls after it is not in it.
        """
        first, last = self._day_range(dated)
        self.reads_articles = True
        moment = func.coalesce(col(Article.published_at), col(Article.fetched_at))
        published, event = [], []
        if first is not None:
            published.append(moment >= self._start_of(first))
            event.append(col(Engagement.event_date) >= first)
        if last is not None:
            published.append(moment < self._start_of(last + timedelta(days=1)))
            event.append(col(Engagement.event_date) <= last)
        return or_(and_(*published), self._among(select(Engagement.article_id).where(*event, current_engagements())))

    def _engaged_in(self, engaged: list[tuple[Term, ...]], dated: list[Term]) -> ColumnElement[bool]:
        """Place or type filters beside dates: one engagement must meet them all, dated by its event date else its
        article's publication day, as the timeline counts it; so a timeline cell's filter shows that cell's articles."""
        first, last = self._day_range(dated)
        day = engagement_day(self.dialect_name)
        rows = select(Engagement.article_id).where(
            counted_engagements(),
            *(or_(*(_engagement_term(term, self.checked, self.names) for term in group)) for group in engaged),
            *([day >= first] if first is not None else []),
            *([day <= last] if last is not None else []),
        )
        return self._among(rows)

    def _start_of(self, day: date) -> datetime:
        return datetime.combine(day, time(), self.zone).astimezone(timezone.utc)

    def _is(self, value: str) -> ColumnElement[bool]:
        if value == "review":
            return self._among(articles_to_review())
        self.reads_articles = value != "hidden"
        if value == "unread":
            return col(Article.is_read).is_(False)
        if value == "read":
            return col(Article.is_read).is_(True)
        if value == "starred":
            return col(Article.is_starred).is_(True)
        return true()  # hidden: decided once for the whole query, in _hidden


def current_places() -> ColumnElement[bool]:
    """Place rows in force: the analyst's, and the tagger's only where nobody placed the article by hand."""
    placed_by_hand = select(PlaceTag.article_id).where(col(PlaceTag.source) == MANUAL)
    return not_(and_(col(PlaceTag.source) == AUTO, col(PlaceTag.article_id).in_(placed_by_hand)))


def _text_groups(query: Query) -> list[tuple[Term, ...]]:
    return [group for group in query.groups if all(term.is_text and not term.negated for term in group)]


def _excluded_words(query: Query) -> list[Term]:
    return [group[0] for group in query.groups if len(group) == 1 and group[0].is_text and group[0].negated]


def fts_text(query: Query) -> str | None:
    """The query's words as one FTS5 query (excluded words included), or None when it has no word to find."""
    text_groups = _text_groups(query)
    if not text_groups:
        return None
    excluded = _excluded_words(query)
    if not excluded:
        return " AND ".join(_fts_group(group) for group in text_groups)
    words = [group for group in text_groups if not _positional(group)] or text_groups
    phrases = [_fts_group(group) for group in text_groups if group not in words]
    kept = f"(({' AND '.join(_fts_group(group) for group in words)}) NOT ({' OR '.join(map(_fts_term, excluded))}))"
    return " AND ".join([*phrases, kept])


def _positional(group: tuple[Term, ...]) -> bool:
    """Whether FTS5 must read word positions to match the group (a phrase, or a value it splits into words).

    `fts_text` excludes words from the plain words only, and matches the phrases beside them: FTS5 then checks a
    phrase's positions only in articles the plain words and the exclusion let through. Written the other way,
    `(buruh AND "unjuk rasa") NOT mogok`, it checked the phrase in every article holding its words (four times
    slower on the bench's desk, whose every article holds both words of the phrase and the excluded word)."""
    return any(_fts_term(term).startswith('"') for term in group)


def _engagement_filters(groups: list[tuple[Term, ...]]) -> tuple[list[tuple[Term, ...]], list[Term], list[tuple[Term, ...]]]:
    """Split off the groups that speak of an engagement (kab:, prov:, type:, alone or OR-ed with their like)
    and the dates (since:, until:), all not negated; the rest stays as it is."""
    engaged, dated, rest = [], [], []
    for group in groups:
        kinds = {term.kind for term in group}
        plain = not any(term.negated for term in group)
        if plain and len(group) == 1 and group[0].kind in DATE_FILTERS:
            dated.append(group[0])
        elif plain and len(kinds) == 1 and kinds <= set(ENGAGEMENT_FILTERS):
            engaged.append(group)
        else:
            rest.append(group)
    return engaged, dated, rest


def _kab_place(value: str, checked: bool = False, names: NameLookup | None = None) -> ColumnElement[bool]:
    if _KAB_CODE.fullmatch(value):
        return or_(col(PlaceTag.code) == value, _code_below(PlaceTag.code, value))
    return and_(col(PlaceTag.level).in_(KAB_LEVELS), _named(PlaceTag.name, value, checked, KAB_LEVELS, names))


def _kab_engagement(value: str, checked: bool = False, names: NameLookup | None = None) -> ColumnElement[bool]:
    """With `checked`, for one article's engagements at a time: the code is then read without its index (SQLite's
    unary plus), which SQLite would otherwise prefer to the article's own (ix_engagement_timeline covers the
    check) and read every engagement of the kabupaten/kota for each article."""
    if _KAB_CODE.fullmatch(value):
        return _kabupaten_code(checked) == value
    return _named(Engagement.kabupaten_kota, value, checked, names=names)


def _kabupaten_code(checked: bool) -> ColumnElement:
    return literal_column("+engagement.kabupaten_code") if checked else col(Engagement.kabupaten_code)


def _prov_place(value: str, checked: bool = False, names: NameLookup | None = None) -> ColumnElement[bool]:
    if _PROV_CODE.fullmatch(value):
        return or_(col(PlaceTag.code) == value, _code_below(PlaceTag.code, value))
    return _named(PlaceTag.province, value, checked, names=names)


def _prov_engagement(value: str, checked: bool = False, names: NameLookup | None = None) -> ColumnElement[bool]:
    if _PROV_CODE.fullmatch(value):
        return _code_below(_kabupaten_code(checked), value)
    return _named(Engagement.province, value, checked, names=names)


KAB_LEVELS = ("kabupaten", "kota")


def _named(column, value: str, checked: bool, levels: tuple[str, ...] = (),
           names: NameLookup | None = None) -> ColumnElement[bool]:
    """The place's name (`column`) contains `value`, whatever its case: the name is among those `_names_like` finds.
    With `checked` (one article's rows at a time), the name is read without its index, as `_kab_engagement` says.

    With `names` (PostgreSQL), the names are looked up first and the statement gets them as values: the planner
    then estimates from its statistics how many rows they pick. Given the subquery, it cannot (it guessed a fifth of
    the names, 20,000 places for the one `buruh kab:32` names at 100,000 articles) and read every article holding
    the word: 0.4-9 s at 1,000,000 for a place name as it is typed. No name found is no row, said as such."""
    stored = col(column).expression
    found = _names_like(stored, _contains(value), levels)
    if names is not None:
        found = names(found)
        if not found:
            return false()
    return (literal_column(f"+{stored.table.name}.{stored.name}") if checked else stored).in_(found)


def _names_like(stored, pattern: str, levels: tuple[str, ...]) -> TextualSelect:
    """The distinct values of `column` whose lower case is LIKE `pattern`, each read once from the column's index by
    skipping from one value to the next (a recursive query: a few hundred steps, where the rows are a million); with
    `levels`, the names of place tags of those levels, each level's read from the index on (level, name, ...).

    A row's name contains the text exactly when its name is among these, so the rows found are the same as a LIKE
    on every row finds (which read them all: 650 ms a keystroke at 1,000,000 articles). Written as text: built with
    SQLAlchemy's constructs it took 3 ms of Python a level, for every statement of a search."""
    table, name = stored.table.name, stored.name
    scans, picks = [], []
    for number, level in enumerate(levels or (None,)):
        within = f"level = '{level}' AND " if level is not None else ""
        scans.append(f"seen_{number}(value) AS (SELECT min({name}) FROM {table} WHERE {within}{name} IS NOT NULL"
                     f" UNION ALL SELECT (SELECT min({name}) FROM {table} WHERE {within}{name} > seen_{number}.value)"
                     f" FROM seen_{number} WHERE seen_{number}.value IS NOT NULL)")
        picks.append(f"SELECT value FROM seen_{number} WHERE lower(value) LIKE :pattern ESCAPE '\\'")
    statement = sql_text(f"WITH RECURSIVE {', '.join(scans)} {' UNION '.join(picks)}")
    return statement.bindparams(bindparam("pattern", value=pattern, unique=True)).columns(column("value"))


def _code_below(column, code: str) -> ColumnElement[bool]:
    """Codes under `code` ("36.04" → "36.04.01", …) as a range, which an index on the column serves (LIKE does not)."""
    return and_(col(column) > f"{code}.", col(column) < f"{code}/")


def _type_is(value: str, checked: bool = False) -> ColumnElement[bool]:
    """With `checked` (one article's engagements at a time), the type without its index, as `_kab_engagement` says."""
    return (literal_column("+engagement.type") if checked else col(Engagement.type)) == value


def _engagement_term(term: Term, checked: bool = False, names: NameLookup | None = None) -> ColumnElement[bool]:
    if term.kind == "kab":
        return _kab_engagement(term.value, checked, names)
    if term.kind == "prov":
        return _prov_engagement(term.value, checked, names)
    return _type_is(term.value, checked)


def _fts_group(group: tuple[Term, ...]) -> str:
    terms = [_fts_term(term) for term in group]
    return terms[0] if len(terms) == 1 else "(" + " OR ".join(terms) + ")"


def _fts_term(term: Term) -> str:
    """A word as an FTS5 bareword only when it is one; anything else becomes a quoted string,
    which FTS5 runs through its tokenizer, so no user text is ever read as FTS5 syntax. A prefix
    term ends in `*` (after the quote: `"polres-ko"*` is the phrase whose last word starts with ko), and so does a
    typed word nobody settled (`settle_typed`), which finds the word itself too."""
    star = "*" if term.prefix or term.typed else ""
    if not term.phrase and _BAREWORD.fullmatch(term.value) and term.value not in OPERATORS:
        return term.value + star
    return '"' + term.value.replace('"', '""') + '"' + star


def settle_typed(query: Query, is_word: Callable[[str], bool]) -> Query:
    """The query with its typed last word settled: the word itself when `is_word` finds articles with it as a word
    of its own (`polres` stays Polres), else the start of words (`kapol` finds Kapolres). A complete word is not
    widened by a keystroke's accident, and costs what it always did."""
    def settled(term: Term) -> Term:
        if not term.typed:
            return term
        exact = replace(term, typed=False)
        return exact if is_word(_fts_term(exact)) else replace(exact, prefix=True)

    return replace(query, groups=tuple(tuple(settled(term) for term in group) for group in query.groups))


def expand_prefixes(query: Query, words_of: Callable[[str], list[str] | None]) -> Query:
    """The query with each prefix word replaced by the words that start with it, as `words_of` finds them in the
    index (`kapol*` → kapolres OR kapolsek; `-polres*` → -polres -polresta). FTS5 gathers a prefix's whole list of
    articles before its first row, where it reads an OR of words row by row and stops at the page's end: the
    common word a person is still typing costs what the word itself does. A prefix `words_of` finds no word for,
    or too many (None), stays a prefix."""
    def words(term: Term) -> list[Term] | None:
        if not (term.is_text and term.prefix and _BAREWORD.fullmatch(term.value)):
            return None
        found = words_of(term.value.lower())
        return [replace(term, value=word, prefix=False) for word in found] if found else None

    groups: list[tuple[Term, ...]] = []
    for group in query.groups:
        if len(group) == 1 and group[0].negated:
            excluded = words(group[0])
            groups.extend([(term,) for term in excluded] if excluded else [group])
            continue
        terms: list[Term] = []
        for term in group:
            terms.extend((None if term.negated else words(term)) or [term])
        groups.append(tuple(terms))
    return replace(query, groups=tuple(groups))


def _contains(value: str) -> str:
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _lower_like(column, pattern: str) -> ColumnElement[bool]:
    return func.lower(col(column)).like(pattern, escape="\\")


# What leads a search by date (SQLite) ---------------------------------------------------------


def _selected(ids_only: bool) -> Select:
    """The rows a led page reads: the feed list's, or only ids (to count them)."""
    return select(col(Article.id)) if ids_only else rows_select()


def _read(session: Session, statement: Select, ids_only: bool) -> list:
    return list(session.exec(statement)) if ids_only else as_rows(session.exec(statement))



def _rare_words(connection, query: Query, rare: int, newest: int) -> list[int] | None:
    """The ids of the articles with the query's words, in no order (they are sorted by date after), when there are at
    most `rare` of them (FTS5 stops past `rare`); None when there are more, or no words. Read in the index's own order,
    oldest first: FTS5 reads a list backwards a third slower (`buruh "unjuk rasa" -mogok` at 1,000,000 articles, all
    of `buruh` and `mogok` read: 47 ms CPU forwards, 65 backwards). Fetched all at once: row by row, 10,000 ids cost
    20 ms of Python at 1,000,000 articles. Plain words are counted first: a common word's `rare` + 1 entries are
    counted in ~1 ms, and fetching them, only to find they are too many, cost 6-9 ms of Python (twice a keystroke:
    for the page and for the first count). A phrase or an excluded word, which FTS5 matches at a cost, is read once,
    in two halves of the ids side by side (`storage.split_match`: 38 -> 20 ms for that query on two idle cores)."""
    words = fts_text(query)
    if words is None:
        return None
    if _costly_words(query):
        ids = split_match.matching_ids(connection, words, newest, rare + 1)
    else:
        statement = select(FTS_ROWID).where(fulltext.index_matches(words)).limit(rare + 1)
        if connection.execute(select(func.count()).select_from(statement.subquery())).scalar_one() > rare:
            return None
        ids = connection.execute(statement).scalars().all()
    return ids if len(ids) <= rare else None


def rare_below(articles: int) -> int:
    """How few articles make a list worth gathering and sorting by date rather than walking the date index for:
    sorting costs each listed article (~5 µs), the walk each article it passes (~2 µs) until a page of 200 is
    found; the two meet near the square root of 100 × the articles stored (3,000 of 100,000; 10,000 of 1,000,000).
    At most 20,000: a rare word's articles are sent as bound values, and SQLite takes 32,766 in one statement."""
    return min(20_000, max(2_000, isqrt(100 * articles)))


def _typed_starts_a_word(typed: Query, settled: Query, connection, shares: dict[str, float]) -> bool:
    """PostgreSQL: whether the word being typed, settled into a prefix (`settle_typed`) and a group of its own, starts
    a word some article has; True when there is none such. A prefix that starts a word the statistics list as common
    does; else the GIN index is asked (a rare prefix's lists are short). `kab:36.04 since` (`since:` half typed):
    the planner, unsure of `since*`, checked it in each of the kabupaten's 6,511 articles (330-410 ms at 1,000,000)."""
    for before, after in zip(typed.groups, settled.groups):
        term = after[0]
        if len(after) == 1 and before[0].typed and term.prefix and term.is_text and not term.negated:
            if fulltext.pg_share(shares, term.value, True) > 0:
                return True
            return fulltext.has_match(connection, "postgresql", _fts_term(term))
    return True


COMMON_SHARE = 0.5
"""PostgreSQL: a word in at least this share of the articles (`pg_word_shares`) is not worth asking the GIN index
for beside a rarer part of the query: its list costs ~30 ns an article it holds to read, and lets few of the other
parts' articles go."""


def _pg_probe(query: Query, shares: dict[str, float], articles: int) -> str | None:
    """PostgreSQL: the FTS5 text the GIN index is asked for when the query excludes words and some of its groups of
    words are in COMMON_SHARE of the articles or more: those groups are left out of it, but for the rarest group,
    and checked in each article the index gives (`_Builder._words`). None when no group is left out, or when the
    probe may find more than `rare_below` articles (by `shares`, each excluded word letting through those without
    it): the planner would then walk the date index, and each article would be read for the probe and again for
    the check.

    The index keeps no positions: for `buruh "unjuk rasa" -mogok` at 1,000,000 articles it merged the lists of four
    words nearly every article has (72 ms) to give 3,186 articles; asked for `buruh -mogok`, it merges two (43 ms)
    and gives 3,285. An excluded word stays: its list is what makes the probe selective."""
    groups = _text_groups(query)
    excluded = _excluded_words(query)
    if not excluded or len(groups) < 2 or not shares:
        return None
    share = [min(1.0, sum(fulltext.pg_share(shares, term.value, term.prefix) for term in group)) for group in groups]
    rarest = share.index(min(share))
    kept = [group for number, group in enumerate(groups) if number == rarest or share[number] < COMMON_SHARE]
    let_through = 1.0
    for term in excluded:
        let_through *= 1.0 - fulltext.pg_share(shares, term.value, term.prefix)
    if len(kept) == len(groups) or share[rarest] * let_through * articles > rare_below(articles):
        return None
    return fts_text(replace(query, groups=(*kept, *((term,) for term in excluded))))


def _pg_rare_words(query: Query, shares: dict[str, float], articles: int) -> bool:
    """PostgreSQL: whether the query's words are in few enough articles (`rare_below`) to be gathered and sorted, by
    the statistics of the stored documents (storage.fulltext.pg_share): each group of words (OR-ed within) is in at
    most its terms' shares together, and the query in at most its smallest group's. False without words."""
    groups = _text_groups(query)
    if not groups:
        return False
    share = min(min(1.0, sum(fulltext.pg_share(shares, term.value, term.prefix) for term in group)) for group in groups)
    return share * articles <= rare_below(articles)


def _rarest_filter(connection, query: Query,
                   rare: int) -> tuple[int, Select | CompoundSelect, tuple[Term, ...]] | None:
    """The filter group (kab:, prov:, type: and their ORs; tag:) fewest articles meet, as (at most how many, a
    SELECT of the articles that meet it, the group); each counted only up to `rare` + 1, and by all its rows (which
    of an article's rows are in force is read for the winner's articles only: for every group it cost 1-2 ms a
    statement at 1,000,000 articles). None without such a group."""
    best = None
    for group in query.groups:
        candidates = _candidates(group)
        if candidates is None:
            continue
        counted = max(connection.execute(select(func.count()).select_from(part.limit(rare + 1).subquery())).scalar_one()
                      for part in candidates)  # a kabupaten's engagements and places are mostly the same articles
        if best is None or counted < best[0]:
            best = (counted, group)
    if best is None:
        return None
    counted, group = best
    candidates = _candidates(group, in_force=True)
    return counted, candidates[0] if len(candidates) == 1 else union(*candidates), group


def _besides(query: Query, group: tuple[Term, ...]) -> Query:
    """What is left to check of `query` on the articles `_candidates(group, in_force=True)` lists: all of it but
    `group`, which they meet already; all of it when the query has dates, which `group` must then meet in one
    engagement with them."""
    if _dated_terms(query):
        return query
    return replace(query, groups=tuple(other for other in query.groups if other is not group))


def _members_near(session: Session, members: Select | CompoundSelect, limit: int) -> bool:
    """Whether a walk of the date index newest first meets `limit` of `members` within MEMBERS_WALK articles, judged
    by ids (the order articles arrived in, which dates mostly follow): the `limit`-th newest member's distance from
    the newest article. Fewer members than `limit` would be walked for to the index's end."""
    listed = members.subquery()
    ids = listed.c[listed.c.keys()[0]]
    nth = session.exec(select(ids).order_by(ids.desc()).offset(limit - 1).limit(1)).first()
    newest = session.exec(select(func.max(Article.id))).one()
    return nth is not None and newest - nth <= MEMBERS_WALK


def _costly_words(query: Query) -> bool:
    """Whether FTS5 reads much of the index to list the query's matches: a phrase (positions) or an excluded word."""
    return bool(_excluded_words(query)) or any(_positional(group) for group in _text_groups(query))


_NEWEST_MATCHES = sql_text("SELECT count(*) FROM (SELECT rowid FROM article_fts WHERE article_fts MATCH :words"
                           " AND rowid > :above LIMIT :wanted)")
"""`_walk_may_fill`'s count, written as text: built with SQLAlchemy's constructs it cost 1.4 ms of Python, four
times what SQLite takes."""


def _walk_may_fill(connection, query: Query, newest: int, limit: int) -> bool:
    """Whether the walk of the newest articles (FIRST_STRETCHES stretches) may find half a page of `limit`, judged by
    how many of the newest FIRST_STRETCH ids hold the query's words. FTS5 seeks to that range of ids in each word's
    list, so this costs what the range holds (0.4 ms at 1,000,000 articles), where the walk of 20,480 articles costs
    15 ms, and for what one article in 4,000 has (`buruh "unjuk rasa" -mogok`) found 5 rows of its 200, its words
    then listed for the rest all the same. Judged without the filters: it errs only towards walking."""
    walked = sum(FIRST_STRETCH * 4 ** stretch for stretch in range(FIRST_STRETCHES))
    wanted = -(-limit * FIRST_STRETCH // (2 * walked)) if walked else limit + 1
    if wanted > FIRST_STRETCH:
        return False
    found = connection.execute(_NEWEST_MATCHES, {"words": fts_text(query), "above": newest - FIRST_STRETCH,
                                                 "wanted": wanted}).scalar_one()
    return found >= wanted


def _dated_terms(query: Query) -> bool:
    """Whether the query has since: or until: (its articles may lie anywhere down the date index)."""
    return any(term.kind in DATE_FILTERS for group in query.groups for term in group)


def _candidates(group: tuple[Term, ...], names: NameLookup | None = None,
                in_force: bool = False) -> list[Select] | None:
    """SELECTs of the ids of articles that may meet `group` (every one that does is among them); with `in_force`,
    of the rows in force only (`current_places`, `current_engagements`), so of exactly the articles that meet
    `group` on its own. For places and types, beside each id the article's date as its place tags and engagements
    keep it (`dated_at`, read from the index that lists them: `_newest_first`)."""
    kinds = {term.kind for term in group}
    if any(term.negated for term in group) or len(kinds) != 1:
        return None
    kind = kinds.pop()
    if kind == "tag":
        return [select(ArticleTag.article_id).where(or_(*(func.lower(col(ArticleTag.tag)) == term.value.lower()
                                                          for term in group)))]
    if kind not in ENGAGEMENT_FILTERS:
        return None
    parts = [select(Engagement.article_id, Engagement.dated_at).where(
        or_(*(_engagement_term(term, names=names) for term in group)), *([current_engagements()] if in_force else []))]
    if kind != "type":
        place = _kab_place if kind == "kab" else _prov_place
        parts.append(select(PlaceTag.article_id, PlaceTag.dated_at).where(
            or_(*(place(term.value, names=names) for term in group)), *([current_places()] if in_force else [])))
    return parts


def _newest_first(candidates: Select | CompoundSelect | list[int], before: tuple | None,
                  ceiling: int | None) -> Select:
    """The ids of `candidates` newest first by publication, from `before` and up to `ceiling`: by the date kept
    beside them where they bring it (`_candidates`), so no article row is read; else by the articles' own dates,
    which reads each article's row (6,604 of them for one kabupaten at 1,000,000 articles: 20-27 ms)."""
    if isinstance(candidates, list) or len(candidates.selected_columns) == 1:
        ids, dated, source = col(Article.id), DATED, Article.__table__
        listed = col(Article.id).in_(candidates)
    else:
        kept = candidates.subquery("candidate")
        ids, dated, source, listed = kept.c[0], kept.c[1], kept, true()
    bounds = [*([ids <= ceiling] if ceiling is not None else []),
              *([PUBLISHED.below(before, ids, dated)] if before is not None else [])]
    return select(ids).select_from(source).where(listed, *bounds).order_by(*PUBLISHED.newest_first(ids, dated))


def _words_among(session: Session, words: str, ids: list[int]) -> set[int]:
    """Those of `ids` whose articles hold `words` (an FTS5 query): the index's list of the words, from the lowest id to
    the highest, merged in id order with the ids (SQLite's INTERSECT with ORDER BY reads both sides in step). Checked
    against the list instead (`IN`), the list's entries in that range were first copied into a temporary index: 512
    articles of one kabupaten span 80,000 ids at 1,000,000 articles, where `buruh` is in 40,000 (22 ms a batch checked
    against the list, 11 ms merged, on a loaded machine)."""
    listed = select(FTS_ROWID).where(fulltext.index_matches(words), FTS_ROWID.between(min(ids), max(ids)))
    given = select(col(Article.id)).where(col(Article.id).in_(ids))
    return set(session.connection().execute(intersect(listed, given).order_by(literal_column("1"))).scalars())


# Paging --------------------------------------------------------------------------------------


FULLTEXT = table("article_fts", column("rowid"))
FTS_ROWID = FULLTEXT.c.rowid
CHECKED_ROWID = literal_column("+article_fts.rowid")
"""The rowid as filters check it: the unary plus keeps SQLite from handing those checks to the full-text index,
which must be given the words (an OR of two id lists would otherwise be planned as two index reads without them)."""
CHECKED_ID = literal_column("+article.id")
"""The article's id as a list of words found checks it: the unary plus keeps SQLite from reading the articles in
that list's order (thousands of them) when a stretch of the date index or a few candidates should lead."""


class _IndexFirst(Join):
    """`article_fts CROSS JOIN article`: SQLite keeps the tables of a CROSS JOIN in the order written, so the
    words are always matched in the index and the rest read by rowid (never the whole article table scanned)."""

    inherit_cache = True


@compiles(_IndexFirst, "sqlite")
def _compile_index_first(join: _IndexFirst, compiler, **kw) -> str:
    kw["asfrom"] = True
    return (f"{join.left._compiler_dispatch(compiler, **kw)} CROSS JOIN "
            f"{join.right._compiler_dispatch(compiler, **kw)} ON {join.onclause._compiler_dispatch(compiler, **kw)}")


class SearchSource:
    """The articles matching a query, in the feed's order (by date or by arrival), paged by key like the whole feed.

    On SQLite a query with words reads the full-text index first, newest rowid first, and stops at the
    page's end: a common word costs what a rare one does. Every other filter is checked on the index's rowid
    where it can be, so article rows (long texts) are read only for the page. PostgreSQL runs `condition`.
    """

    def __init__(self, engine: Engine, query: Query, zone: tzinfo = timezone.utc) -> None:
        self.engine = engine
        self.query = query
        self.zone = zone
        self._settled: Query | None = None
        self._finds_none = False
        """PostgreSQL: the typed word starts no word of any article, so nothing matches (`_settle`)."""
        self._names_found: dict[tuple, list[str]] = {}
        self._statistics: tuple[dict[str, float], int] | None = None
        """PostgreSQL: the common words' shares of the articles (`pg_word_shares`) and the newest article's id, read
        once for a search (`_word_statistics`)."""

    @property
    def text(self) -> str:
        return self.query.text

    def _query_now(self) -> Query:
        """The query with its typed word settled and, on SQLite, its prefixes spelt out in the index's words; read
        once for a page and its count, and again for arrivals (`after`), whose words may be new. PostgreSQL's
        index reads prefixes itself."""
        if self._settled is None:
            self._settled = self._settle()
        return self._settled

    def _settle(self) -> Query:
        terms = [term for group in self.query.groups for term in group]
        if not any(term.prefix or term.typed for term in terms):
            return self.query
        dialect = self.engine.dialect.name
        with self.engine.connect() as connection:
            if dialect != "sqlite":  # read before `has_match` turns the transaction's index scans off (SET LOCAL)
                shares, _newest = self._word_statistics(connection)
            query = settle_typed(self.query, lambda fts_query: fulltext.has_match(connection, dialect, fts_query))
            if dialect != "sqlite":
                self._finds_none = not _typed_starts_a_word(self.query, query, connection, shares)
                return query
            return expand_prefixes(query, lambda prefix: fulltext.words_starting(connection, prefix, PREFIX_WORDS))

    def _finds_nothing(self) -> bool:
        """Whether the settled query is known to match no article (PostgreSQL: `_typed_starts_a_word`)."""
        self._query_now()
        return self._finds_none

    @property
    def _text_driven(self) -> bool:
        return self.engine.dialect.name == "sqlite" and fts_text(self.query) is not None

    def _condition(self, walked: bool = False) -> ColumnElement[bool]:
        dialect = self.engine.dialect.name
        names = self._place_names if dialect == "postgresql" else None
        return condition(self._query_now(), dialect, self.zone, names=names, walked=walked, probe=self._probe())

    def _probe(self) -> str | None:
        """PostgreSQL: the words the GIN index is asked for (`_pg_probe`); None on SQLite, or where all are."""
        query = self._query_now()
        if self.engine.dialect.name != "postgresql" or not _excluded_words(query) or len(_text_groups(query)) < 2:
            return None
        if self._statistics is None:
            with self.engine.connect() as connection:
                return _pg_probe(query, *self._word_statistics(connection))
        return _pg_probe(query, *self._statistics)

    def _word_statistics(self, connection) -> tuple[dict[str, float], int]:
        """PostgreSQL: (`pg_word_shares`, the newest article's id), read on `connection` the first time only, and never
        after index scans were turned off in its transaction: max(id) then reads every article (600 ms at 1,000,000
        where the primary key answers in a millisecond)."""
        if self._statistics is None:
            newest = connection.execute(select(func.max(Article.id))).scalar_one() or 0
            self._statistics = (fulltext.pg_word_shares(connection), newest)
        return self._statistics

    def _place_names(self, names: TextualSelect) -> list[str]:
        """The place names a filter's statement finds (PostgreSQL: `_named`), looked up once for the page and its
        counts, and again for arrivals (`after`), which may bring new names."""
        compiled = names.compile(dialect=self.engine.dialect)
        key = (str(compiled), *compiled.params.values())
        if key not in self._names_found:
            with self.engine.connect() as connection:
                self._names_found[key] = list(connection.execute(names).scalars())
        return self._names_found[key]

    def _driven_condition(self) -> tuple[ColumnElement[bool], bool]:
        """The condition on the full-text rowid with the words matched in the index, and whether it reads articles."""
        today = datetime.now(self.zone).date()
        builder = _Builder(self.engine.dialect.name, self.zone, today, ids=CHECKED_ROWID)
        query = self._query_now()
        found = and_(fulltext.index_matches(fts_text(query)), builder.build(query, text_driven=True))
        return found, builder.reads_articles

    @staticmethod
    def _index_then_articles():
        return _IndexFirst(FULLTEXT, Article.__table__, col(Article.id) == FTS_ROWID)

    def count(self) -> int:
        """How many articles match; with words and no filter on article columns, counted in the index alone."""
        if self._finds_nothing():
            return 0
        if self._text_driven:
            found, reads_articles = self._driven_condition()
            source = self._index_then_articles() if reads_articles else FULLTEXT
            statement = select(func.count()).select_from(source).where(found)
        else:
            statement = select(func.count()).select_from(Article).where(self._condition())
        with Session(self.engine) as session:
            return session.exec(statement).one()

    def count_at_most(self, cap: int) -> int:
        """How many articles match, counted up to `cap + 1` only: what the desk shows first (at least `cap`) while
        `count` reads them all. On SQLite it reads what a page of `cap` ids does; on PostgreSQL it stops at the
        `cap + 1`th match (a common word: the first thousand articles it meets, not its half of the archive)."""
        if self.engine.dialect.name == "sqlite":
            return len(self._led_page(cap + 1, None, None, ids_only=True))
        if self._finds_nothing():
            return 0
        found = select(Article.id).where(self._condition()).limit(cap + 1).subquery()
        with self._session() as session:
            return session.exec(select(func.count()).select_from(found)).one()

    def page(self, limit: int, before: tuple | None = None, *, order: FeedOrder = ARRIVAL, ceiling: int | None = None,
             offset: int = 0) -> list[ArticleRow]:
        """A page of the matches in `order`, as `storage.feed_order.ordered_page` cuts it.

        On SQLite by date, the page is read by what leads (`_led_page`): the rows cost what the page holds, not
        what the archive does, whether a word is rare or common."""
        if self.engine.dialect.name == "sqlite" and order.by_date and not offset:
            return self._led_page(limit, before, ceiling)
        if self._finds_nothing():
            return []
        return self._ordered_page(limit, before, order, ceiling, offset)

    def _ordered_page(self, limit: int, before: tuple | None, order: FeedOrder, ceiling: int | None,
                      offset: int) -> list[ArticleRow]:
        with self._session() as session:
            ids, statement = self._statement(order, order.by_date and self._walks_dates(session))
            statement = ordered_page(statement, order, limit, before, ceiling, offset, ids)
            return as_rows(session.exec(statement))

    def _walks_dates(self, session: Session) -> bool:
        """PostgreSQL: whether a page by date is to be found walking the date index (`_Builder`'s `walked`): the
        query has a place filter, its words are not rare (`_session` gathers those from the GIN index) and every
        filter group (place, type, tag) is met by more than `rare_below` articles, so the walk meets a page early; a
        rarer one's articles are gathered and sorted, as the planner does by itself. A group is counted, up to
        `rare` + 1, by its first list alone (a place's engagements, from their index: its place tags are mostly the
        same articles, and counting those by code took 60 ms at 1,000,000 articles)."""
        if self.engine.dialect.name != "postgresql" or session.info["rare_words"]:
            return False
        query = self._query_now()
        groups = [(group, _candidates(group, self._place_names)) for group in query.groups]
        listed = [(group, parts) for group, parts in groups if parts is not None]
        if not any(group[0].kind in ("kab", "prov") for group, _parts in listed):
            return False
        connection = session.connection()
        rare = rare_below(connection.execute(select(func.max(Article.id))).scalar_one() or 0)
        for _group, parts in listed:
            counted = connection.execute(select(func.count()).select_from(parts[0].limit(rare + 1).subquery()))
            if counted.scalar_one() <= rare:
                return False
        return True

    def _session(self) -> Session:
        """A session for the rows and the first count. On PostgreSQL, when the query's words are rare
        (`_pg_rare_words`), its plans gather the words' articles from the GIN index and sort them: index and
        sequential scans are off for the session's transaction. The planner, unsure of a word it has no statistics
        for (a rare one, a prefix, a word no article has), would walk the date index testing every article: 3-4 s at
        1,000,000 articles for a half-typed `bentro` or `kab`. No parallel workers either: a page of 200 is found in
        a few ms, and starting the workers cost more than that (`type:clash OR type:arrest` at 1,000,000: 30-66 ms
        with them, 5-9 ms without, on a loaded 2-core machine)."""
        session = Session(self.engine)
        if self.engine.dialect.name == "postgresql":
            connection = session.connection()
            connection.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
            session.info["rare_words"] = _pg_rare_words(self._query_now(), *self._word_statistics(connection))
            if session.info["rare_words"]:
                connection.exec_driver_sql("SET LOCAL enable_indexscan = off")
                connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        return session

    def _led_page(self, limit: int, before: tuple | None, ceiling: int | None, ids_only: bool = False) -> list:
        """A page by date, led by the query's rarest part, so its rows cost what the page holds, not what the archive
        does. A filter no article meets ends it at once. A phrase or an excluded word without a rare filter is first
        looked for in the newest articles (FIRST_STRETCHES stretches of the date index) when the newest ids hold enough
        of it (`_walk_may_fill`): what many articles have fills the page there; counted, it is read from the index in no
        order (`_words_first_ids`). Then words few articles have (FTS5 lists them, stopping past `rare_below`) lead:
        their articles, sorted by date, are checked against the rest. Else a rare filter leads: walked for down the date
        index or left to SQLite's own plan (gather, sort) when there are no words, checked against the words a few
        hundred at a time when there are. Else the walk of the date index goes on, a stretch at a time, to the page's
        end."""
        query = self._query_now()
        with Session(self.engine) as session:
            newest = session.exec(select(func.max(Article.id))).one() or 0
            rare = rare_below(newest)
            connection = session.connection()
            led = _rarest_filter(connection, query, rare)
            if led is not None and led[0] == 0:
                return []  # a filter no article meets, as a half-typed `kab:36.0` is: nothing to walk for
            rows, size = [], FIRST_STRETCH
            costly = fts_text(query) is not None and _costly_words(query) and (led is None or led[0] > rare)
            if costly and ids_only:
                return self._words_first_ids(session, limit)
            if costly and _walk_may_fill(connection, query, newest, limit):
                rows, before, size = self._walk(session, query, limit, before, ceiling, ids_only, FIRST_STRETCHES)
                if len(rows) >= limit or size is None:
                    return rows
            words = _rare_words(connection, query, rare, newest)
            if ids_only and words is not None:
                return self._words_first_ids(session, limit)
            if ids_only and led is not None and led[0] <= rare and fts_text(query):
                return self._filter_and_words_ids(session, _besides(query, led[2]), led[1], limit)
            if words is not None:
                return rows + self._candidates_page(session, query, words, limit - len(rows), before, ceiling,
                                                    ids_only, words_met=True)
            if led is not None and led[0] <= rare:
                if fts_text(query) is None:
                    if ids_only:
                        return list(session.exec(select(Article.id).where(self._condition()).limit(limit)))
                    if before is None and not _dated_terms(query) and _members_near(session, led[1], limit):
                        return self._members_page(session, query, limit, ceiling)
                    return self._ordered_page(limit, before, PUBLISHED, ceiling, 0)
                return self._candidates_page(session, _besides(query, led[2]), led[1], limit, before, ceiling,
                                             ids_only)
            return rows + self._walk(session, query, limit - len(rows), before, ceiling, ids_only, None, size)[0]

    def _words_first_ids(self, session: Session, limit: int) -> list[int]:
        """Up to `limit` matching ids in no order, read as `count` reads them: the words' articles in the index, each
        checked against the filters. What a first count takes when the words are few, and for a phrase or an excluded
        word: FTS5 stops at the cap where many articles have them, and reads what listing them would where few do.
        Walked for and listed first, `buruh "unjuk rasa"` (in 24,000 of 1,000,000 articles) walked 20,480 articles,
        listed 10,001 and walked 65,536 more: 100-200 ms CPU."""
        found, reads_articles = self._driven_condition()
        source = self._index_then_articles() if reads_articles else FULLTEXT
        statement = select(FTS_ROWID).select_from(source).where(found).limit(limit)
        return session.connection().execute(statement).scalars().all()

    def _filter_and_words_ids(self, session: Session, query: Query, candidates: Select | CompoundSelect,
                              limit: int) -> list[int]:
        """Up to `limit` matching ids in no order, for a first count when a rare filter leads and the words are in many
        articles: the filter's articles merged with the words' list in id order (as `_words_among` does), then
        checked against the rest of the query (all of it but the filter, when `_besides` leaves it out). The words'
        list checked entry by entry against the filter's articles (`_words_first_ids`), for `buruh kab:32.15 is:unread`
        at 1,000,000 articles three quarters of `buruh`'s list (half the archive) was read before 1,000 matched: 64 ms
        CPU for the statement at load ~3, 155 ms on the clock at its busiest. Merged, FTS5 reads the same entries at a
        fraction of the cost of checking each: 44 ms."""
        listed = candidates.subquery("candidate")
        words = select(FTS_ROWID).where(fulltext.index_matches(fts_text(query)))
        met = intersect(words, select(listed.c[0])).order_by(literal_column("1").desc()).limit(MERGED).subquery("met")
        ids = met.c[0]
        builder = _Builder(self.engine.dialect.name, self.zone, datetime.now(self.zone).date(), ids=ids, checked=True)
        found = builder.build(query, text_driven=True)
        source = _IndexFirst(met, Article.__table__, col(Article.id) == ids) if builder.reads_articles else met
        return session.connection().execute(select(ids).select_from(source).where(found).limit(limit)).scalars().all()

    def _members_page(self, session: Session, query: Query, limit: int, ceiling: int | None) -> list[ArticleRow]:
        """The first page of a query without words whose rarest filter's articles lie near the top of the date index
        (`_members_near`): the index is read newest first and each entry checked against the filters' lists of
        articles, each gathered once (ids only, from the indexes that end in article_id). SQLite's own plan read
        every listed article's row for its date and sorted them all: 6,600 rows for one kabupaten at 1,000,000
        articles (25 ms, where this reads ~30,000 index entries: 6 ms)."""
        builder = _Builder(self.engine.dialect.name, self.zone, datetime.now(self.zone).date(), ids=CHECKED_ID)
        statement = ordered_page(rows_select().where(builder.build(query)), PUBLISHED, limit, None, ceiling)
        return as_rows(session.exec(statement))

    def _stretch_condition(self, query: Query, rowids: tuple[int, int], words_met: bool = False) -> ColumnElement[bool]:
        """The query's condition on the articles from `rowids[0]` to `rowids[1]`; without its words when the
        articles checked are those the words found (`words_met`)."""
        builder = _Builder(self.engine.dialect.name, self.zone, datetime.now(self.zone).date(), rowids=rowids)
        return builder.build(query, text_driven=words_met)

    def _candidates_page(self, session: Session, query: Query, candidates: Select | CompoundSelect | list[int],
                         limit: int, before: tuple | None, ceiling: int | None, ids_only: bool = False,
                         words_met: bool = False) -> list:
        """The leading part's articles by date (`_newest_first`), then checked against the whole query
        CANDIDATES_AT_ONCE at a time: their words first (`_words_among`), then the rest on those that hold them. A
        list of ids that fits in one such batch is checked and ordered in one statement (sorting it first cost a
        statement more: 199 ids at 1,000,000 articles, 2 ms of 7)."""
        if isinstance(candidates, list) and len(candidates) <= CANDIDATES_AT_ONCE:
            if not candidates:
                return []
            found = self._stretch_condition(query, (min(candidates), max(candidates)), words_met)
            statement = _selected(ids_only).where(col(Article.id).in_(candidates), found)
            return _read(session, ordered_page(statement, PUBLISHED, limit, before, ceiling), ids_only)
        ids = session.connection().execute(_newest_first(candidates, before, ceiling)).scalars().all()
        words = None if words_met else fts_text(query)
        rows: list = []
        for start in range(0, len(ids), CANDIDATES_AT_ONCE):
            chunk = ids[start:start + CANDIDATES_AT_ONCE]
            if words is not None:
                held = _words_among(session, words, chunk)
                chunk = [article_id for article_id in chunk if article_id in held]
                if not chunk:
                    continue
            found = self._stretch_condition(query, (min(chunk), max(chunk)), words_met=True)
            statement = _selected(ids_only).where(col(Article.id).in_(chunk), found)
            rows += _read(session, ordered_page(statement, PUBLISHED, limit - len(rows)), ids_only)
            if len(rows) >= limit:
                break
        return rows

    def _walk(self, session: Session, query: Query, limit: int, before: tuple | None, ceiling: int | None,
              ids_only: bool, stretches: int | None,
              size: int = FIRST_STRETCH) -> tuple[list, tuple | None, int | None]:
        """Walk the date index newest first, a stretch at a time (`size` articles, then four times as many each time):
        in each, words are matched in the stretch's range of ids only and other filters checked article by article,
        until the page is full, the index ends or `stretches` stretches are walked. Returns the rows, the key the walk
        stopped at and the next stretch's size (None when the index ended)."""
        rows: list = []
        while len(rows) < limit and stretches != 0:
            ids = ordered_page(select(col(Article.id).label("id")), PUBLISHED, size, before, ceiling).subquery()
            lowest, highest, walked = session.exec(
                select(func.min(ids.c.id), func.max(ids.c.id), func.count()).select_from(ids)).one()
            if not walked:
                return rows, before, None
            last = tuple(session.exec(ordered_page(select(DATED_KEY, col(Article.id)), PUBLISHED, 1, before, ceiling,
                                                   walked - 1)).one())
            stretch = _selected(ids_only).where(self._stretch_condition(query, (lowest, highest)), PUBLISHED.from_(last))
            rows += _read(session, ordered_page(stretch, PUBLISHED, limit - len(rows), before, ceiling), ids_only)
            if walked < size:
                return rows, last, None
            before, size = last, size * 4
            stretches = None if stretches is None else stretches - 1
        return rows, before, size

    def after(self, after_id: int) -> list[ArticleRow]:
        """Matches stored after `after_id`, newest first: what a live list adds at its top (its words are settled
        again: new articles may bring new words)."""
        self._settled = None
        self._names_found.clear()
        ids, statement = self._statement(ARRIVAL)
        with Session(self.engine) as session:
            return as_rows(session.exec(statement.where(ids > after_id).order_by(ids.desc())))

    def matching(self) -> ColumnElement[bool]:
        """The condition on `article` the matches meet (for counting them otherwise: storage.folders)."""
        return self._condition()

    def mark_read(self, ceiling: int, arrivals: list[int]) -> int:
        """Mark read every match stored up to `ceiling`, and the matches among `arrivals`."""
        return mark_read_where(self.engine, self._condition(), ceiling, arrivals)

    def _statement(self, order: FeedOrder, walked: bool = False):
        """(the id column to order by, the rows' SELECT): in arrival order, words drive from the index (its rowids
        are article ids, newest last); by date, the database picks its way through the date index (`walked`: see
        `_Builder`)."""
        if self._text_driven and not order.by_date:
            return FTS_ROWID, rows_select(self._index_then_articles()).where(self._driven_condition()[0])
        return col(Article.id), rows_select().where(self._condition(walked))
