"""Writing the audit log from service functions."""

from __future__ import annotations

import datetime
import decimal
import uuid
from collections.abc import Iterable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from peerlearn.audit.models import AuditEntry


def _plain(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        plain = [_plain(item) for item in value]
        return sorted(plain, key=str) if isinstance(value, (set, frozenset)) else plain
    if isinstance(value, models.QuerySet):
        return sorted(value.values_list("pk", flat=True))
    if hasattr(value, "code") and not isinstance(value, str):  # django-countries Country
        return str(value.code)
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The JSON-safe state of `fields` of `obj`, many-to-many fields as sorted ids."""
    state: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            state[name] = sorted(getattr(obj, name).values_list("pk", flat=True)) if obj.pk else []
        else:
            state[name] = _plain(getattr(obj, name))
    return state


def _entry(
    actor: Any,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> AuditEntry:
    changed_before = before or {}
    changed_after = after or {}
    if before is not None and after is not None:
        # Keep only what changed, so the log reads as a list of edits.
        keys = [k for k in after if before.get(k) != after.get(k)]
        changed_before = {k: before.get(k) for k in keys}
        changed_after = {k: after[k] for k in keys}
    return AuditEntry(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        target_repr=str(target)[:300],
        before=changed_before,
        after=changed_after,
    )


def record(
    actor: Any,
    action: str,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry; call inside the service's transaction."""
    entry = _entry(actor, action, target, before, after)
    entry.save()
    return entry


def record_many(
    actor: Any,
    action: str,
    changes: Iterable[tuple[models.Model, dict[str, Any] | None, dict[str, Any] | None]],
) -> None:
    """One entry per (target, before, after), written at once: for the
    services that change thousands of records in one go."""
    AuditEntry.objects.bulk_create(
        [_entry(actor, action, target, before, after) for target, before, after in changes],
        batch_size=1000,
    )
