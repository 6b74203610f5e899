"""How sure the tagger is of an engagement, from what it rests on.

The desk lists engagements below CONFIDENT_AT (core/vocabulary.py) for review. The score reads the evidence as a
careful reader would: news states its own event in the headline and lead, so a type stated there and again is
likely the article's; a type whose police and labour sides stand beside its trigger is an encounter, not two
mentions; a date helps; a second type stated as often, or an earlier event recalled, calls for a look. Weights
and threshold were set on the tune part of the corpus (`pantau eval`), never on the check fifth.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.vocabulary import CONFIDENT_AT

REVIEW_CEILING = round(CONFIDENT_AT - 0.05, 2)
"""Engagements that are always reviewed: a protest alone (the police in no described role, the weakest tie an
engagement can have), one whose lead states another type too (two types compete for the article's event), and
security of a labour action no word of the text names (police deployed beside workers who only come to demand
something: the action is inferred)."""


@dataclass(frozen=True)
class Evidence:
    """What an engagement rests on: how close its two sides are to the trigger of its type, how much states that
    type and where, and what competes with it."""

    together_sentence: bool
    together_paragraph: bool
    support: int
    rival_support: int
    in_lead: bool
    named_police: bool
    named_labour: bool
    dated: bool
    recalled: bool
    protest_only: bool
    rival_in_lead: bool = False
    action_named: bool = True


def confidence_of(evidence: Evidence) -> float:
    """0.1 to 0.99: its type stated in the headline or lead and more than once (sentences), its two sides beside
    the trigger, a date, named actors on both sides; less when another type is stated as often or in the lead as
    well (two types compete for the article's event: never confident then) or the event is recalled."""
    score = 0.3
    score += 0.25 if evidence.in_lead else 0.0
    score += 0.1 * min(3, evidence.support)
    score += 0.15 if evidence.together_sentence else 0.1 if evidence.together_paragraph else 0.0
    score += 0.05 if evidence.dated else 0.0
    score += 0.05 if evidence.named_police and evidence.named_labour else 0.0
    score -= 0.2 if evidence.rival_support >= evidence.support else 0.0
    score -= 0.1 if evidence.recalled else 0.0
    reviewed = evidence.protest_only or evidence.rival_in_lead or not evidence.action_named
    ceiling = REVIEW_CEILING if reviewed else 0.99
    return round(max(0.1, min(ceiling, score)), 2)
