"""State changes in the directory: one function per action. Each checks the
permission, runs in a transaction and writes the audit log."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.dispatch import Signal

from peerlearn.audit.log import record, snapshot
from peerlearn.changes import apply_changes
from peerlearn.directory.models import Expertise, LocalGovernment, Person, Topic

# Sent inside the transaction when a local government records a new mayor or
# head: other capabilities (exchanges) react without the directory knowing them.
head_of_government_changed = Signal()

LOCAL_GOVERNMENT_FIELDS = (
    "name",
    "name_local",
    "kind",
    "country",
    "region",
    "population",
    "official_languages",
    "departments",
    "website",
    "description",
    "head_since",
)
CONTACT_FIELDS = ("email", "phone", "is_public")
PROFILE_FIELDS = (
    "name",
    "position",
    "role",
    "department",
    "languages",
    "biography",
    "email",
    "phone",
    "is_public",
)


def update_local_government(
    actor: Any, lg: LocalGovernment, changes: Mapping[str, Any]
) -> LocalGovernment:
    if not actor.has_perm("directory.change_localgovernment", lg):
        raise PermissionDenied
    with transaction.atomic():
        before = snapshot(lg, LOCAL_GOVERNMENT_FIELDS)
        apply_changes(lg, changes, LOCAL_GOVERNMENT_FIELDS)
        if lg.head_since and before["head_since"] != lg.head_since.isoformat():
            head_of_government_changed.send(sender=LocalGovernment, local_government=lg)
        record(
            actor,
            "directory.update_local_government",
            lg,
            before,
            snapshot(lg, LOCAL_GOVERNMENT_FIELDS),
        )
    return lg


def save_profile(
    actor: Any,
    person: Person,
    changes: Mapping[str, Any],
    expertise: Iterable[Mapping[str, Any]] | None = None,
) -> Person:
    """Save a person's profile and, when given, replace their expertise list.

    A person without a primary key is the actor's own new profile."""
    creating = person.pk is None
    if creating:
        if (
            getattr(person, "user_id", None) != actor.pk
            or Person.objects.filter(user=actor).exists()
        ):
            raise PermissionDenied
    elif not actor.has_perm("directory.change_person", person) or (
        any(name in changes for name in CONTACT_FIELDS)
        and not actor.has_perm("directory.change_person_contact", person)
    ):
        raise PermissionDenied
    fields = (*PROFILE_FIELDS, "expertise") if expertise is not None else PROFILE_FIELDS
    with transaction.atomic():
        before = {} if creating else _profile_state(person)
        apply_changes(person, changes, PROFILE_FIELDS)
        if expertise is not None:
            _replace_expertise(person, expertise)
        after = _profile_state(person)
        record(
            actor,
            "directory.create_profile" if creating else "directory.update_profile",
            person,
            {k: before.get(k) for k in fields} if before else None,
            {k: after[k] for k in fields},
        )
    return person


def _profile_state(person: Person) -> dict[str, Any]:
    state = snapshot(person, PROFILE_FIELDS)
    state["expertise"] = [
        [code, years, summary]
        for code, years, summary in person.expertise.order_by("topic__code").values_list(
            "topic__code", "years", "summary"
        )
    ]
    return state


def _replace_expertise(person: Person, items: Iterable[Mapping[str, Any]]) -> None:
    wanted: dict[int, Mapping[str, Any]] = {}
    for item in items:
        topic: Topic = item["topic"]
        wanted[topic.pk] = item
    person.expertise.exclude(topic_id__in=wanted).delete()
    existing = {e.topic_id: e for e in person.expertise.all()}
    for topic_id, item in wanted.items():
        entry = existing.get(topic_id) or Expertise(person=person, topic_id=topic_id)
        entry.years = item["years"]
        entry.summary = item.get("summary", "")
        entry.full_clean()
        entry.save()
