"""Why a search found nothing, when the query itself can say: a `kab:` that names no kabupaten/kota.

Textual-free, so the desk's reader and `pantau search` word it alike."""

from storage.search_parser import QuerySyntaxError, parse_query
from tagging.gazetteer import unknown_kabkota


def unknown_place(text: str) -> str | None:
    """"no kabupaten/kota 'serangg': did you mean …" for the first `kab:` of `text` that names none, else None."""
    try:
        places = [term.value for group in parse_query(text).groups for term in group
                  if term.kind == "kab" and not term.negated]
    except QuerySyntaxError:
        return None
    return unknown_kabkota(places)
