"""Leads: the lower-case words a pattern is searched from (text.first_ignoring_case) find every word the pattern
knows, in any case, where the pattern itself finds it; a word added to a pattern without its lead would be missed."""

import re

import pytest

from core import vocabulary
from tagging import engagements
from tagging.text import first_ignoring_case


def words_of(pattern: re.Pattern[str]) -> list[str]:
    """The words of a pattern's first choice, '(?:me|di)?rencanakan' and 'Polres\\w*' written out."""
    body = pattern.pattern.split("(?:", 1)[1]
    body = re.split(r"\)(?:\\s\+|\\b)", body, maxsplit=1)[0]
    body = body.replace("(?:me|di)?rencanakan", "merencanakan|direncanakan|rencanakan")
    return [w.replace("\\w*", "").replace("\\w+", "ta") for w in body.split("|")]


@pytest.mark.parametrize(("lead", "pattern"), [
    (engagements.POLICE_LEAD_RE, engagements.POLICE_WORD_RE),
    (engagements.NEGATION_LEAD_RE, engagements.NEGATION_RE),
    (engagements.PLAN_LEAD_RE, engagements.PLAN_RE),
])
def test_tag_lead_finds_every_word_of_its_pattern(lead: re.Pattern[str], pattern: re.Pattern[str]) -> None:
    words = words_of(pattern)
    assert len(words) > 10
    for word in words:
        for form in (word, word.upper(), word.title()):
            text = f"Kata {form} lagi "
            expected = pattern.search(text)
            assert expected is not None, form
            found = first_ignoring_case(lead, pattern, text)
            assert found is not None and found.span() == expected.span(), form


def test_tag_cue_leads_find_every_cue_word() -> None:
    cues, leads = engagements.cue_patterns(), engagements.cue_leads()
    for entry in vocabulary.engagement_types().values():
        for word in entry.cues:
            for form in (word, word.upper(), word.title()):
                text = f"Kata {form}, lagi"
                found = first_ignoring_case(leads[entry.id], cues[entry.id], text)
                assert found is not None and found.span() == cues[entry.id].search(text).span(), form


def test_tag_lead_search_takes_the_first_match_and_falls_back_on_letters_lower_moves() -> None:
    text = "Tanpa pengawalan polisi, lalu Polres datang"
    assert first_ignoring_case(engagements.POLICE_LEAD_RE, engagements.POLICE_WORD_RE, text).group() == "polisi"
    dotless = "Kata polİsi dan Polres"
    assert first_ignoring_case(engagements.POLICE_LEAD_RE, engagements.POLICE_WORD_RE, dotless).span() == \
        engagements.POLICE_WORD_RE.search(dotless).span()
