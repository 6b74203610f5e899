"""The weekly brief: a desk's periodic situation report, built from stored tags into one HTML or Markdown file.

`period` reads the period asked for, `content` gathers the counts and the engagements from storage (the
export's queries, so the brief agrees with the timeline and `pantau export`), `charts` draws them with
matplotlib into inline SVG, `html` and `markdown` lay the report out, and `files` writes it. No Textual
here: the command line and the desk both call `files.write_brief`.
"""
