"""Writing a brief: HTML, or Markdown for a `.md` name, whole or not at all, with progress for the desk."""

import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from brief.content import Brief, BriefFilter, build_brief
from brief.html import render_html
from brief.markdown import render_markdown
from brief.period import Period

MARKDOWN_SUFFIXES = (".md", ".markdown")
STEPS = ("Reading the engagements", "Drawing the charts and laying out", "Writing the file")

Progress = Callable[[int, str], None]
"""Called with the number of the step about to start (0 … len(STEPS)) and what it does."""


@dataclass(frozen=True)
class BriefRequest:
    period: Period
    filters: BriefFilter
    path: Path


def is_markdown(path: Path) -> bool:
    return path.suffix.lower() in MARKDOWN_SUFFIXES


def render(brief: Brief, markdown: bool) -> str:
    """The brief as Markdown, or as an HTML page (which loads matplotlib to draw the charts)."""
    return render_markdown(brief) if markdown else render_html(brief)


def write_brief(engine: Engine, request: BriefRequest, on_progress: Progress = lambda step, label: None) -> Brief:
    """Build the brief `request` asks for and write it to its path; returns what was written."""
    on_progress(0, STEPS[0])
    brief = build_brief(engine, request.period, request.filters)
    on_progress(1, STEPS[1])
    text = render(brief, is_markdown(request.path))
    on_progress(2, STEPS[2])
    write_whole(text, request.path)
    on_progress(3, "Done")
    return brief


def write_whole(text: str, path: Path) -> None:
    """Write `text` to a hidden file beside `path` and rename it over `path`: a failure leaves `path` as it was."""
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.part")
    try:
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise OSError(error.errno, error.strerror, str(path)) from error  # name the file asked for, not the hidden one
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
