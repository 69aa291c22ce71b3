"""Translatable pieces of explanations.

The engine cannot import Django, so an explanation is data: a list of `Part`s,
each a message template (a msgid) with named parameters.  Every template is
written here inside `gettext_noop(...)`, which xgettext (and so Django's
`makemessages`) extracts; the Django side renders a stored explanation with
`render(parts, translate=gettext, ...)` in the reader's language.  Parameters
that are themselves words (a language, a kind of local government, a topic)
are `Term`s, so that they are translated or relabelled too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal


def gettext_noop(message: str) -> str:
    """Mark a message for extraction without translating it now."""
    return message


TermKind = Literal["message", "topic", "language"]


@dataclass(frozen=True, slots=True)
class Term:
    """A parameter that needs translating: `text` is its default English form.

    For a topic, `code` is the taxonomy code, so that the Django side can show
    its label in the reader's language; for a language, the ISO 639-1 code.
    """

    kind: TermKind
    code: str
    text: str


Scalar = str | int | float | Term
ParamValue = Scalar | tuple[Scalar, ...]


@dataclass(frozen=True, slots=True)
class Part:
    template: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "template": self.template,
            "params": {
                key: (
                    [_scalar_json(item) for item in value]
                    if isinstance(value, tuple)
                    else _scalar_json(value)
                )
                for key, value in self.params.items()
            },
        }


def _scalar_json(value: Scalar) -> object:
    if isinstance(value, Term):
        return {"kind": value.kind, "code": value.code, "text": value.text}
    return value


# Clauses of the sentence that explains a proposal.
BOTH_WORK_ON = gettext_noop("both work on {topic}")
RELATED_TOPICS = gettext_noop("related topics: {need_topic} and {offer_topic}")
TEXTS_ABOUT = gettext_noop("both texts are about {topic}")
SHARED_TERMS = gettext_noop("their texts share the terms {terms}")
SAME_KIND = gettext_noop(
    "same kind of local government ({kind}), populations {need_population} and {offer_population}"
)
COMPARABLE = gettext_noop(
    "comparable local governments: {need_kind} of {need_population} "
    "and {offer_kind} of {offer_population}"
)
NOT_COMPARABLE = gettext_noop(
    "not comparable although asked for: {need_kind} of {need_population} "
    "and {offer_kind} of {offer_population}"
)
SHARED_LANGUAGE = gettext_noop("shared language: {language}")
SHARED_LANGUAGES = gettext_noop("shared languages: {languages}")
INTERPRETATION = gettext_noop("no shared language: interpretation needed")
SAME_REGION = gettext_noop("same region ({region})")
SAME_COUNTRY = gettext_noop("same country ({country})")
ACROSS_BORDERS = gettext_noop("across borders, as both accept ({need_country} and {offer_country})")
OUTSIDE_SCOPE = gettext_noop("outside the requested scope ({scope})")
MEETS = gettext_noop("can work {modality}")
CANNOT_MEET = gettext_noop("cannot work {modality} as asked")
NO_TRAVEL = gettext_noop("a {help_kind} needs meeting in person, which the offer does not list")
NO_HOST = gettext_noop("a {help_kind} needs a host, and this peer cannot host a visit")
NO_TRAVELLING = gettext_noop("a {help_kind} needs the peer to travel, which they cannot")
EXPERIENCE = gettext_noop("{years} years of experience")
PINNED = gettext_noop("pinned by the coordinator")
# "Other seekers: 3" reads right in every language, where "3 other seekers" needs plurals.
CLUSTER = gettext_noop("group session on {topic} (other seekers in it: {others})")

LANGUAGE_NAMES: Mapping[str, str] = {
    "ar": gettext_noop("Arabic"),
    "en": gettext_noop("English"),
    "es": gettext_noop("Spanish"),
    "fr": gettext_noop("French"),
    "no": gettext_noop("Norwegian"),
    "nb": gettext_noop("Norwegian"),
    "nn": gettext_noop("Norwegian"),
    "pt": gettext_noop("Portuguese"),
    "tr": gettext_noop("Turkish"),
    "de": gettext_noop("German"),
    "nl": gettext_noop("Dutch"),
    "it": gettext_noop("Italian"),
    "ru": gettext_noop("Russian"),
    "uk": gettext_noop("Ukrainian"),
    "sw": gettext_noop("Swahili"),
    "hi": gettext_noop("Hindi"),
    "id": gettext_noop("Indonesian"),
    "fa": gettext_noop("Persian"),
    "ku": gettext_noop("Kurdish"),
    "he": gettext_noop("Hebrew"),
    "zh": gettext_noop("Chinese"),
}

KIND_NAMES: Mapping[str, str] = {
    "village_council": gettext_noop("village council"),
    "municipality": gettext_noop("municipality"),
    "district": gettext_noop("district"),
    "city": gettext_noop("city"),
    "metropolitan": gettext_noop("metropolitan municipality"),
    "region": gettext_noop("region"),
}

MODALITY_NAMES: Mapping[str, str] = {
    "online": gettext_noop("online"),
    "in_person": gettext_noop("in person"),
    "either": gettext_noop("online or in person"),
}

SCOPE_NAMES: Mapping[str, str] = {
    "regional": gettext_noop("own region"),
    "national": gettext_noop("own country"),
    "international": gettext_noop("any country"),
}

HELP_KIND_NAMES: Mapping[str, str] = {
    "mentoring": gettext_noop("mentoring"),
    "study_visit": gettext_noop("study visit"),
    "expert_mission": gettext_noop("expert mission"),
    "workshop": gettext_noop("workshop"),
    "staff_exchange": gettext_noop("staff exchange"),
}

LIST_SEPARATOR = gettext_noop(", ")
CLAUSE_SEPARATOR = gettext_noop("; ")


def word(kind: TermKind, code: str, names: Mapping[str, str]) -> Term:
    return Term(kind=kind, code=code, text=names.get(code, code))


def language_term(code: str) -> Term:
    return word("language", code, LANGUAGE_NAMES)


def message_term(code: str, names: Mapping[str, str]) -> Term:
    return word("message", code, names)


def _identity(text: str) -> str:
    return text


def render(
    parts: Sequence[Part],
    translate: Callable[[str], str] = _identity,
    *,
    topic_label: Callable[[str], str] | None = None,
    format_number: Callable[[int | float], str] | None = None,
) -> str:
    """Write the parts as one sentence.

    `translate` is applied to every template and every translatable term
    (pass Django's `gettext`); `topic_label(code)` relabels topics in the
    reader's language; `format_number` formats populations and years.
    """

    def value_text(value: ParamValue) -> str:
        if isinstance(value, tuple):
            return translate(LIST_SEPARATOR).join(value_text(item) for item in value)
        if isinstance(value, Term):
            if value.kind == "topic" and topic_label is not None:
                return topic_label(value.code)
            return translate(value.text) if value.kind != "topic" else value.text
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int | float):
            if format_number is not None:
                return format_number(value)
            return f"{value:,}" if isinstance(value, int) else f"{value:.2f}"
        return value

    clauses = [
        translate(part.template).format_map(
            {key: value_text(value) for key, value in part.params.items()}
        )
        for part in parts
    ]
    sentence = translate(CLAUSE_SEPARATOR).join(clause for clause in clauses if clause)
    return sentence[:1].upper() + sentence[1:] if sentence else ""
