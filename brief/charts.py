"""The brief's two charts, drawn by matplotlib into SVG text for inlining: no script, no network, sharp in print.

matplotlib is imported inside the functions: it costs about half a second, which only the brief pays
(plain `pantau` must not load it). Figures are built with `matplotlib.figure.Figure`, never pyplot,
so a desk worker thread can draw them; text stays text in the SVG (`svg.fonttype: none`), so it is
small, searchable and set in the page's own font.
"""

import io
import re
from datetime import date

from brief.content import Brief

TYPE_COLOURS = {
    "clash": "#b2182b", "dispersal": "#d6604d", "arrest": "#67001f", "blockade": "#f4a582",
    "protest": "#e08214", "strike": "#fdb863", "protest_security": "#8c510a",
    "agreement": "#542788", "mediation": "#8073ac", "legal_complaint": "#b2abd2", "hearing": "#3f007d",
    "pre_protest_coordination": "#2166ac", "dialogue": "#4393c3", "joint_security": "#92c5de",
    "social_service": "#1b7837", "ceremony": "#7fbf7b",
}
"""One colour per engagement type: reds for violence, oranges for protest, purples for talks and law, blues and greens for cooperation."""
OTHER_COLOUR = "#999999"
STATUS_COLOURS = {"hand-checked": "#1f4e79", "tagger": "#6fa8dc", "uncertain": "#d9e7f5"}
RANKED_PLACES = 20
"""Kabupaten/kota drawn in the ranked chart, most engagements first; the tables list every one (a bar summing
the rest would dwarf them all)."""
WIDTH_IN = 10.0
BAR_HALF_WIDTH = 0.4
_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.DOTALL)
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


def colour(type_id: str) -> str:
    return TYPE_COLOURS.get(type_id, OTHER_COLOUR)


def timeline_svg(brief: Brief) -> str:
    """Engagements per day (or ISO week, for a long period), stacked by type, most severe at the bottom."""
    from matplotlib.ticker import MaxNLocator

    from matplotlib.collections import PolyCollection

    figure, axes = _figure(3.4)
    positions = list(range(len(brief.buckets)))
    labels = {type_id: label for type_id, label, _count in brief.by_type}
    base = [0] * len(positions)
    for type_id, row in brief.series.items():
        boxes = [_box(x, below, here) for x, below, here in zip(positions, base, row) if here]
        axes.add_collection(PolyCollection(boxes, facecolors=colour(type_id), edgecolors="white", linewidths=0.4,
                                           label=labels.get(type_id, type_id)))
        base = [below + here for below, here in zip(base, row)]
    axes.set_ylim(0, max(base, default=0) * 1.05 or 1)
    ticks = _every(len(positions), 16)
    axes.set_xticks(ticks, [_bucket_label(brief.buckets[i], brief.period.grain) for i in ticks])
    axes.set_xlim(-0.6, len(positions) - 0.4)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel("engagements")
    axes.set_title(f"Engagements per {brief.period.grain}, by type", loc="left", fontsize=11)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    return _svg(figure, "timeline")


def places_svg(brief: Brief) -> str:
    """Kabupaten/kota ranked by engagements: hand-checked, the tagger's, uncertain; a tick for the period before."""
    from matplotlib.ticker import MaxNLocator

    placed = [(place, count) for place, count in brief.by_place if count.total or count.previous]
    shown = placed[:RANKED_PLACES]
    figure, axes = _figure(0.9 + 0.28 * len(shown))
    names = [place for place, _count in shown][::-1]
    counts = [count for _place, count in shown][::-1]
    parts = {
        "hand-checked": [count.hand_checked for count in counts],
        "tagger": [count.tagger - count.uncertain for count in counts],
        "uncertain": [count.uncertain for count in counts],
    }
    left = [0] * len(counts)
    for name, widths in parts.items():
        axes.barh(names, widths, left=left, height=0.7, color=STATUS_COLOURS[name], label=name, edgecolor="white", linewidth=0.4)
        left = [before + width for before, width in zip(left, widths)]
    before = [(count.previous, name) for count, name in zip(counts, names) if count.previous]
    axes.scatter([previous for previous, _name in before], [name for _previous, name in before], marker="|", s=160,
                 color="#222222", linewidths=1.6, label="period before", zorder=3)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("engagements")
    title = "By kabupaten/kota" + (f": the {len(shown)} with most engagements of {len(placed)} (all in the table)"
                                   if len(shown) < len(placed) else "")
    axes.set_title(title, loc="left", fontsize=11)
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    return _svg(figure, "places")


def _figure(height_in: float):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_IN, height_in), layout="constrained")
    axes = figure.add_subplot()
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.tick_params(labelsize=8)
    return figure, axes


def _svg(figure, salt: str) -> str:
    """The figure as an <svg> element: no XML prologue, no metadata; ids salted per chart so two charts never share one."""
    import matplotlib

    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"pantau-brief-{salt}"}):
        figure.savefig(out, format="svg", metadata={"Date": None})
    return _METADATA.sub("", _PROLOGUE.sub("", out.getvalue(), count=1))


def _box(x: int, bottom: int, height: int) -> list[tuple[float, float]]:
    """One bar as a polygon: a collection of them is one artist, where `bar` makes a patch per bar (1,000 bars took 0.6 s)."""
    return [(x - BAR_HALF_WIDTH, bottom), (x + BAR_HALF_WIDTH, bottom), (x + BAR_HALF_WIDTH, bottom + height),
            (x - BAR_HALF_WIDTH, bottom + height)]


def _every(count: int, most: int) -> list[int]:
    step = max(1, -(-count // most))
    return list(range(0, count, step))


def _bucket_label(start: date, grain: str) -> str:
    if grain == "day":
        return f"{start:%a} {start.day}"
    return f"W{start.isocalendar().week:02d}\n{start.day} {start:%b}"
