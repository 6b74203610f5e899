"""The brief as one self-contained HTML page: inline CSS and SVG, no script, nothing fetched, laid out for print.

The page is also well-formed XML (every element closed, only XML's five entities), so a test can
parse it strictly. Every piece of text is escaped here; addresses become links only when they are
http(s), so a `javascript:` address from a feed stays text.
"""

from html import escape
from importlib.metadata import version

from brief import wording
from brief.charts import colour, places_svg, timeline_svg
from brief.content import Brief, Count, Entry, Source

STYLE = """
:root { color-scheme: light; }
body { font: 14px/1.45 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1a1a1a; margin: 2em auto;
       max-width: 68em; padding: 0 1.5em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .5em; border-bottom: 1px solid #ccc; padding-bottom: .2em; }
.meta, .note { color: #555; font-size: .92em; }
.lead { font-size: 1.08em; }
.empty { font-size: 1.15em; padding: 1em; background: #f4f4f4; border-left: 4px solid #999; }
table { border-collapse: collapse; margin: .4em 0 1em; font-size: .92em; }
th, td { padding: .25em .7em; border-bottom: 1px solid #e2e2e2; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { border-bottom: 2px solid #999; font-weight: 600; }
tfoot td { border-top: 2px solid #999; font-weight: 600; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .4em; vertical-align: -.05em; }
.up { color: #a50f15; } .down { color: #08519c; }
figure { margin: 1em 0; }
figure svg { width: 100%; height: auto; }
ol.entries { padding-left: 2.4em; }
ol.entries > li { margin: 0 0 1em; padding: .4em .6em; border-left: 4px solid #ccc; break-inside: avoid; }
.head { font-weight: 600; }
.status { font-size: .8em; font-weight: 600; padding: .05em .45em; border-radius: .6em; margin-left: .4em; }
.status.hand-checked { background: #1f4e79; color: #fff; }
.status.tagger { background: #e3eef8; color: #1f4e79; }
.status.uncertain { background: #fff3cd; color: #7a5200; border: 1px dashed #b58500; }
.actors { margin: .2em 0; }
.label { color: #555; }
blockquote { margin: .3em 0; padding: .1em .8em; border-left: 3px solid #ddd; color: #333; font-style: italic; }
.sources { margin: .2em 0 0; font-size: .92em; }
.sources ul { margin: .1em 0 0; padding-left: 1.4em; }
.more { font-weight: 600; color: #555; }
.outlet { color: #555; }
@page { size: A4; margin: 14mm; }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  figure, table { break-inside: avoid; }
  .sources a::after { content: " (" attr(href) ")"; color: #555; font-size: 8pt; word-break: break-all; }
}
"""


def render_html(brief: Brief) -> str:
    """The whole page as text."""
    heading = _text(wording.title(brief))
    meta = "".join(f'<p class="meta">{_text(line)}</p>' for line in wording.meta(brief, version("pantau")))
    body = [f'<p class="empty">{_text(wording.nothing(brief))}</p>'] if brief.empty else _report(brief)
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en" xmlns="http://www.w3.org/1999/xhtml">',
        "<head>",
        '<meta charset="utf-8" />',
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        f"<title>{heading}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{heading}</h1>{meta}</header>",
        "<main>",
        *body,
        "</main>",
        f'<footer><p class="note">{_text(wording.reading_note())}</p></footer>',
        "</body>",
        "</html>",
        "",
    ])


def _report(brief: Brief) -> list[str]:
    return [
        f'<p class="lead">{_text(wording.lead(brief))}</p>',
        "<h2>By engagement type</h2>",
        _table("Type", [(f'<span class="swatch" style="background:{colour(type_id)}"></span>{_text(label)}', count)
                        for type_id, label, count in brief.by_type], brief.total),
        "<h2>By kabupaten/kota</h2>",
        _table("Kabupaten/kota", [(_text(place), count) for place, count in brief.by_place], brief.total),
        "<h2>Charts</h2>",
        f"<figure>{timeline_svg(brief)}</figure>",
        f"<figure>{places_svg(brief)}</figure>",
        "<h2>Engagements</h2>",
        f'<p class="note">{_text(wording.list_note(brief))}</p>',
        '<ol class="entries">',
        *(_entry(entry) for entry in brief.entries),
        "</ol>",
    ]


def _table(first: str, rows: list[tuple[str, Count]], total: Count) -> str:
    head = "".join(f"<th>{_text(name)}</th>" for name in (first, *wording.TABLE_HEADS))
    body = "".join(f"<tr><td>{name}</td>{_cells(count)}</tr>" for name, count in rows)
    return (f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
            f"<tfoot><tr><td>All</td>{_cells(total)}</tr></tfoot></table>")


def _cells(count: Count) -> str:
    trend = "up" if count.change > 0 else "down" if count.change < 0 else "same"
    values = (str(count.total), str(count.previous), f'<span class="{trend}">{_text(wording.change(count.change))}</span>',
              str(count.hand_checked), str(count.tagger), str(count.uncertain))
    return "".join(f"<td>{value}</td>" for value in values)


def _entry(entry: Entry) -> str:
    head = (f'<div class="head">{_text(wording.when(entry))} · {_text(entry.place)} · '
            f'<span class="swatch" style="background:{colour(entry.type)}"></span>{_text(wording.kind(entry))}'
            f'<span class="status {entry.status}">{_text(wording.status_label(entry))}</span></div>')
    actors = (f'<div class="actors"><span class="label">Police:</span> {_text(wording.named(entry.police))}'
              f' · <span class="label">Labour:</span> {_text(wording.named(entry.labour))}</div>')
    evidence = f"<blockquote>{_text(entry.evidence)}</blockquote>" if entry.evidence else ""
    return (f'<li style="border-left-color:{colour(entry.type)}">{head}{actors}{evidence}'
            f"{_sources(entry.sources)}</li>")


def _sources(sources: list[Source]) -> str:
    first, rest = sources[0], sources[1:]
    text = f'<div class="sources"><span class="label">Source:</span> {_source(first)}'
    if rest:
        items = "".join(f"<li>{_source(source)}</li>" for source in rest)
        text += f' <span class="more">+{len(rest)} source{wording.plural(len(rest))}</span><ul>{items}</ul>'
    return text + "</div>"


def _source(source: Source) -> str:
    outlet = f' <span class="outlet">({_text(source.outlet)})</span>' if source.outlet else ""
    if wording.linkable(source.url):
        return f'<a href="{escape(source.url, quote=True)}">{_text(source.title)}</a>{outlet}'
    address = f' <span class="outlet">{_text(source.url)}</span>' if source.url else ""
    return f"{_text(source.title)}{outlet}{address}"


def _text(text: str) -> str:
    return escape(text, quote=True)
