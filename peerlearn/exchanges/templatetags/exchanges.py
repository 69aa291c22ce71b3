"""Template tags of the exchange pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from peerlearn.directory.models import Topic
from peerlearn.matching.messages import Part, Term, render

register = template.Library()

# Names of the engine's score components and soft-rule factors.
COMPONENT_LABELS = {
    "topic": _("topics in common"),
    "text": _("similar texts"),
    "concepts": _("topics found in the texts"),
    "equivalence": _("comparable local governments"),
    "experience": _("experience"),
    "scope": _("geography"),
    "modality": _("way of meeting"),
    "scope_factor": _("outside the requested geography"),
    "modality_factor": _("cannot meet as asked"),
    "help_kind_factor": _("kind of help not offered"),
    "equivalence_factor": _("not comparable although asked"),
    "language_factor": _("no shared language"),
}


def _value(raw: Any) -> Any:
    if isinstance(raw, list):
        return tuple(_value(item) for item in raw)
    if isinstance(raw, dict):
        return Term(kind=raw["kind"], code=raw["code"], text=raw["text"])
    return raw


def parts_from_json(stored: Any) -> list[Part]:
    """The explanation parts a run stored with `Part.as_json()`."""
    return [
        Part(part["template"], {key: _value(v) for key, v in part.get("params", {}).items()})
        for part in stored or []
    ]


@register.simple_tag(takes_context=True)
def explanation(context: template.Context, stored: Any) -> str:
    """Render a stored explanation in the reader's language."""
    labels: dict[str, str] | None = context.get("_topic_labels")
    if labels is None:
        labels = {t.code: t.label for t in Topic.objects.all()}
        context.dicts[0]["_topic_labels"] = labels
    try:
        return render(
            parts_from_json(stored),
            translate=gettext,
            topic_label=lambda code: labels.get(code, code),
            format_number=lambda n: number_format(n, force_grouping=True),
        )
    except (KeyError, IndexError, TypeError, ValueError):
        # A translation with a stray placeholder must not break the page.
        return render(parts_from_json(stored))


@register.filter
def component_label(name: str) -> str:
    return str(COMPONENT_LABELS.get(name, name))


@register.filter
def percent(score: float | None) -> str:
    return "–" if score is None else f"{round(score * 100)}"
