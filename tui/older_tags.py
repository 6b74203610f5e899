"""Tags of an older tagger on the desk: which versions count as older, and what the desk says about them.

A poll cycle re-tags every article another tagger version tagged (`fetchers.pipeline.run_cycle`), so after an
upgrade a polling desk re-tags itself; the desk says so once when it opens, found from a sample of the articles
(`storage.tags.sampled_tagger_versions`), and a desk that does not poll names `pantau retag`.
"""

from collections.abc import Iterable

from tagging import TAGGER_VERSION


def older_versions(versions: Iterable[str | None]) -> list[str]:
    """The versions of an older release of this tagger (0.2.4 before 0.2.5), oldest first. One of another
    numbering (a test desk's "uji-1") or a newer one is not called older, though a cycle re-tags it too."""
    current = _release(TAGGER_VERSION)
    releases = {version: _release(version) for version in versions if version}
    older = [version for version, release in releases.items() if current and release and release < current]
    return sorted(older, key=releases.__getitem__)


def _release(version: str) -> tuple[int, ...] | None:
    try:
        return tuple(int(part) for part in version.split("."))
    except ValueError:
        return None


def older_tags_notice(versions: list[str], *, retagged_here: bool) -> str:
    """What the desk says when it opens on tags of an older tagger: which, and what re-tags them."""
    older = f"Articles on this desk were tagged by an older tagger ({', '.join(versions)}; this is {TAGGER_VERSION})"
    if retagged_here:
        return (f"{older}. The desk re-tags them after its first poll, with the progress in the status bar; "
                "`pantau retag` does it with the desk closed.")
    return f"{older}. This desk does not poll, so nothing re-tags them: run `pantau retag` to re-tag them."
