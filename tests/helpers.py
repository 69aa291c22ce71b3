"""Form data and look-ups shared by the behavioural tests of the directory and accounts.

The form-data builders post what a browser would send for the current state of
an object, so that a test changes only what it names."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Model
from django.forms.models import model_to_dict

import peerlearn
from peerlearn.audit.models import AuditEntry
from peerlearn.directory.forms import LocalGovernmentForm, ProfileForm
from peerlearn.directory.models import LocalGovernment, Person

# Django only reads compiled catalogues; until the Arabic one is compiled every
# PeerLearn string shows in English, and these tests are expected to fail.
ARABIC_CATALOGUE = Path(peerlearn.__file__).parent / "locale" / "ar" / "LC_MESSAGES" / "django.mo"
needs_arabic_catalogue = pytest.mark.xfail(
    not ARABIC_CATALOGUE.exists(),
    reason="PeerLearn's Arabic catalogue (peerlearn/locale/ar) is not compiled yet",
    strict=True,
)

ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x064B)}


def has_arabic(text: str) -> bool:
    return any(ch in ARABIC_LETTERS for ch in text)


def form_data(form: Any) -> dict[str, Any]:
    """What a browser posts for an unbound form as rendered: its initial values."""
    data: dict[str, Any] = {}
    for bound in form:
        value = bound.value()
        if isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
            continue
        if isinstance(value, (list, tuple)):
            data[bound.html_name] = [str(getattr(v, "pk", v)) for v in value]
        elif value is None:
            data[bound.html_name] = ""
        elif isinstance(value, datetime.date):
            data[bound.html_name] = value.isoformat()
        else:
            data[bound.html_name] = str(getattr(value, "code", getattr(value, "pk", value)))
    return data


def lg_form_data(lg: LocalGovernment, **changes: Any) -> dict[str, Any]:
    return {**form_data(LocalGovernmentForm(instance=lg)), **changes}


def profile_form_data(
    person: Person,
    new_expertise: Iterable[tuple[Any, Any, str]] = (),
    **changes: Any,
) -> dict[str, Any]:
    """The profile form and its expertise formset; existing expertise is kept."""
    data = form_data(ProfileForm(instance=person))
    existing = list(person.expertise.order_by("pk")) if person.pk else []
    rows: list[dict[str, Any]] = [
        {"id": e.pk, "topic": e.topic_id, "years": e.years, "summary": e.summary} for e in existing
    ]
    rows += [
        {"id": "", "topic": topic, "years": years, "summary": summary}
        for topic, years, summary in new_expertise
    ]
    data.update(
        {
            "form-TOTAL_FORMS": str(len(rows)),
            "form-INITIAL_FORMS": str(len(existing)),
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
        }
    )
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"form-{index}-{key}"] = "" if value is None else str(value)
    for key, value in changes.items():
        if value is False:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def state(obj: Model) -> dict[str, Any]:
    """Every stored value of a row, many-to-many fields included, read afresh."""
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    values = model_to_dict(fresh)
    for name, value in list(values.items()):
        if isinstance(value, list):
            values[name] = sorted(getattr(item, "pk", item) for item in value)
    values["updated_at"] = getattr(fresh, "updated_at", None)
    return values


def content_of(response: Any) -> str:
    """The body of a page or of a streamed export."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def audit_count() -> int:
    return AuditEntry.objects.count()
