"""The topic answers: one direct answer per question patients ask, by locale.

Texts live in `bot/content/<locale>/topics/*.yml` (reviewed there, sources in
docs/content-sources.md); the training phrasings live in `data/nlu/topics/`. Each
topic points at the journey page that goes deeper, so an answer can offer "more".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from bot.content import DEFAULT_LOCALE, current_locale, locale_files


@dataclass(frozen=True)
class Topic:
    id: str
    question: str
    label: str
    answer: str
    step: str
    page: int
    source: str
    by_insurance: dict[str, str] = field(default_factory=dict)
    for_child: str | None = None
    # Whom the question is about, when only some people ask it: an insurance kind
    # (medicare, medicaid, none) or "child". Used to prefer it for those people.
    audience: str | None = None
    # For some people another topic answers the question better: by insurance kind
    # ("what does it cost?" from someone on Medicare), or for a "caregiver" asking about
    # someone else, or about a "child".
    see_for: dict[str, str] = field(default_factory=dict)
    # Its answer is followed by a line naming the person's cancer (and the kind of
    # specialist for it, where one is known): "For ovarian cancer, that is often …".
    names_cancer: bool = False
    # Words (a regular expression, every language) without which a message is rarely
    # this question: Medicaid "in another state" needs some other state, a move or a
    # trip ("is there a way to get medicaid, im in mississippi" asks how to apply).
    needs: str | None = None
    # A place in another state than the person's also counts as the needed words
    # ("would SoonerCare pay for Memphis?").
    needs_or_other_state: bool = False
    # A need said in passing that this answer meets (a regular expression, every
    # language): "she doesn't speak much English" brings the interpreter answer, "he's
    # hard of hearing" the one on help at the visit, beside whatever else is answered.
    offered_when: str | None = None
    # The term this answer explains (a regular expression, every language): "what do
    # NCI-designated, Commission on Cancer and PPS-exempt mean?" gets each term's answer.
    defines: str | None = None
    # Words that single this question out among close neighbours (a regular expression,
    # every language): "the 'blocks' from my surgery" is the tissue blocks question,
    # however close the one on slides reads. Weighs only among a message's best topics.
    signals: str | None = None
    # A place in another state than the person's counts as its signal ("the one I found
    # is in Columbus, Ohio. I'm in Kentucky. Can they do video with me?").
    signals_other_state: bool = False

    def text_for(self, insurance_kind: str | None, minor: bool) -> str:
        """The variant that fits the person: a child patient first (their care differs
        most), then their kind of insurance, else the general answer."""
        if minor and self.for_child:
            return self.for_child
        if insurance_kind and insurance_kind in self.by_insurance:
            return self.by_insurance[insurance_kind]
        return self.answer

    def texts(self) -> list[str]:
        """Every variant, for the readability tests and the conversation suite."""
        return [
            self.answer,
            *self.by_insurance.values(),
            *([self.for_child] if self.for_child else []),
        ]


def catalogue(locale: str | None = None) -> dict[str, Topic]:
    """Every topic, its texts in `locale` or the conversation's language (English for a
    topic not yet written in it); ids, steps and rules are the English file's."""
    return _catalogue(locale or current_locale())


@cache
def _catalogue(locale: str) -> dict[str, Topic]:
    topics = _read_topics(DEFAULT_LOCALE)
    if locale == DEFAULT_LOCALE:
        return topics
    translated = _read_topics(locale)
    return {
        topic_id: replace(
            topic,
            question=other.question,
            label=other.label,
            answer=other.answer,
            by_insurance={**topic.by_insurance, **other.by_insurance},
            for_child=other.for_child or topic.for_child,
        )
        if (other := translated.get(topic_id)) is not None
        else topic
        for topic_id, topic in topics.items()
    }


def _read_topics(locale: str) -> dict[str, Topic]:
    topics: dict[str, Topic] = {}
    for content in locale_files(locale, "topics"):
        for topic_id, fields in content["topics"].items():
            if topic_id in topics:
                raise ValueError(f"topic {topic_id} is defined twice")
            topics[topic_id] = Topic(
                id=topic_id,
                question=fields["question"],
                label=fields["label"],
                answer=fields["answer"],
                step=fields["step"],
                page=int(fields["page"]),
                source=fields["source"],
                by_insurance=dict(fields.get("by_insurance") or {}),
                for_child=fields.get("for_child"),
                audience=fields.get("audience"),
                see_for=dict(fields.get("see_for") or {}),
                names_cancer=bool(fields.get("names_cancer")),
                needs=fields.get("needs"),
                needs_or_other_state=bool(fields.get("needs_or_other_state")),
                offered_when=fields.get("offered_when"),
                defines=fields.get("defines"),
                signals=fields.get("signals"),
                signals_other_state=bool(fields.get("signals_other_state")),
            )
    return topics
