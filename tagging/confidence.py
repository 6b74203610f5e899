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
"""Where the score stops for an engagement whose evidence is not plain (`plain`): however much supports it, a
reader must look."""


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
    action_named: bool = True
    lead_sides: bool = True
    rivals: bool = False

    @property
    def plain(self) -> bool:
        """Evidence a reader would not question: the headline or lead states the type and names both the police
        and labour, the police as an officer or a unit (a bare 'polisi' may be anyone's police, even abroad), no
        other type is stated anywhere (a protest beside its security is the same event), the event is the
        article's own and the action the police dealt with is named. A protest alone (the police in no described
        role, the weakest tie an engagement can have) is never plain. Stated in general terms, not fitted to
        wordings of the corpus."""
        return (self.in_lead and self.lead_sides and self.named_police and not self.rivals and not self.recalled
                and not self.protest_only and self.action_named)


def confidence_of(evidence: Evidence) -> float:
    """0.1 to 0.99: its type stated in the headline or lead and more than once (sentences), its two sides beside
    the trigger, a date, named actors on both sides; less when another type is stated as often or the event is
    recalled. Confident (CONFIDENT_AT or more) only on plain evidence (Evidence.plain): the score orders the
    review list, the plainness decides what skips it."""
    score = 0.3
    score += 0.25 if evidence.in_lead else 0.0
    score += 0.1 * min(3, evidence.support)
    score += 0.15 if evidence.together_sentence else 0.1 if evidence.together_paragraph else 0.0
    score += 0.05 if evidence.dated else 0.0
    score += 0.05 if evidence.named_police and evidence.named_labour else 0.0
    score -= 0.2 if evidence.rival_support >= evidence.support else 0.0
    score -= 0.1 if evidence.recalled else 0.0
    ceiling = 0.99 if evidence.plain else REVIEW_CEILING
    return round(max(0.1, min(ceiling, score)), 2)
