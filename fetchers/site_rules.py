"""Per-site clean-up of extracted text, driven by data in seeds/site_rules.toml.

Trafilatura keeps what looks like prose; Blogger-style templates put ad placeholders, comment
boxes and visitor counters right inside the post body, so some of it survives. These rules
remove such lines after extraction. They are compiled once per file and cached.
"""

import re
import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlsplit

from storage.models import Feed

MIN_KEPT_CHARS_BEFORE_STOP = 200
SECTION_KEYS = {"drop", "stop"}
SITE_KEYS = SECTION_KEYS | {"hosts", "inherit"}


@dataclass(frozen=True)
class RuleSet:
    """Whole-line patterns: `drop` removes a line, `stop` ends the article at that line."""

    drop: tuple[re.Pattern[str], ...] = ()
    stop: tuple[re.Pattern[str], ...] = ()

    def clean(self, text: str) -> str:
        """The text without clutter lines, blank lines and immediate repeats."""
        kept: list[str] = []
        kept_chars = 0
        for raw_line in text.splitlines():
            line = raw_line.strip()
            if not line or (kept and kept[-1] == line):
                continue
            if any(pattern.fullmatch(line) for pattern in self.stop):
                if kept_chars >= MIN_KEPT_CHARS_BEFORE_STOP:
                    break
                continue
            if any(pattern.fullmatch(line) for pattern in self.drop):
                continue
            kept.append(line)
            kept_chars += len(line)
        return "\n".join(kept)

    def __add__(self, other: "RuleSet") -> "RuleSet":
        return RuleSet(drop=self.drop + other.drop, stop=self.stop + other.stop)


@dataclass(frozen=True)
class SiteRule:
    hosts: tuple[str, ...]
    rules: RuleSet
    inherit: bool = True

    def matches(self, host: str) -> bool:
        return any(host == name or host.endswith("." + name) for name in self.hosts)


@dataclass(frozen=True)
class SiteRules:
    """The default rule set plus the per-host sections of one rules file."""

    default: RuleSet
    sites: tuple[SiteRule, ...] = ()

    def for_url(self, url: str | None) -> RuleSet:
        """The rules for the page at `url`: the defaults plus every section naming its host."""
        host = (urlsplit(url).hostname or "").lower() if url else ""
        return _rules_for_host(self, host)

    def clean(self, text: str, url: str | None = None) -> str:
        return self.for_url(url).clean(text)


@lru_cache(maxsize=4096)
def _rules_for_host(site_rules: SiteRules, host: str) -> RuleSet:
    combined = site_rules.default
    for site in site_rules.sites:
        if host and site.matches(host):
            combined = combined + site.rules if site.inherit else site.rules
    return combined


def parse_rules(document: str, source: str = "site rules") -> SiteRules:
    """Compile a rules document; raise ValueError naming the source and the bad entry."""
    try:
        data = tomllib.loads(document)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{source}: not valid TOML: {error}") from error
    unknown = set(data) - {"default", "site"}
    if unknown:
        raise ValueError(f"{source}: unknown sections {', '.join(sorted(unknown))}")
    default = _rule_set(data.get("default", {}), SECTION_KEYS, f"{source} [default]")
    sites = []
    for index, section in enumerate(data.get("site", []), start=1):
        where = f"{source} [[site]] #{index}"
        hosts = tuple(str(host).lower().strip() for host in section.get("hosts", []))
        if not hosts:
            raise ValueError(f"{where}: names no hosts")
        rules = _rule_set(section, SITE_KEYS, where)
        sites.append(SiteRule(hosts=hosts, rules=rules, inherit=bool(section.get("inherit", True))))
    return SiteRules(default=default, sites=tuple(sites))


def _rule_set(section: dict, allowed: set[str], where: str) -> RuleSet:
    unknown = set(section) - allowed
    if unknown:
        raise ValueError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    return RuleSet(
        drop=_compile(section.get("drop", []), where),
        stop=_compile(section.get("stop", []), where),
    )


def _compile(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            raise ValueError(f"{where}: bad pattern {pattern!r}: {error}") from error
    return tuple(compiled)


LAYOUT_SUSPECT_AT = 3
"""A source's article pages failing extraction this many times in a row suggest the site's layout changed."""


def extraction_warning(source: Feed) -> str | None:
    """What to say of a source (a Feed row) whose article pages keep failing extraction, naming the site rule
    to look at in seeds/site_rules.toml; None while they extract."""
    if source.extraction_failures < LAYOUT_SUSPECT_AT:
        return None
    host = (urlsplit(source.site or source.url).hostname or "").lower()
    named = next((site.hosts for site in load_rules().sites if site.matches(host)), None)
    rule = (f"look at the [[site]] rule for {', '.join(named)} in seeds/site_rules.toml" if named
            else f"no [[site]] rule names {host} yet: add one to seeds/site_rules.toml")
    return (f"{source.extraction_failures} pages in a row gave no article text (has the site's layout changed?); "
            f"{rule}. Last: {source.extraction_error or 'no reason given'}")


@cache
def load_rules(path: Path | None = None) -> SiteRules:
    """The rules in `path`, or the ones shipped in seeds/site_rules.toml; compiled once per file."""
    if path is None:
        shipped = files("seeds").joinpath("site_rules.toml").read_text(encoding="utf-8")
        return parse_rules(shipped, "seeds/site_rules.toml")
    return parse_rules(path.read_text(encoding="utf-8"), str(path))
