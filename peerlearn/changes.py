"""Applying a form's changes to a record, the one way every service does it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any


def apply_changes(obj: Any, changes: Mapping[str, Any], fields: Iterable[str]) -> None:
    """Set plain fields, validate (model validators and database constraints),
    save, then set many-to-many fields, which need the saved row. Call inside
    the service's transaction, so a refusal leaves nothing half-written."""
    many: dict[str, Any] = {}
    for name in fields:
        if name not in changes:
            continue
        if obj._meta.get_field(name).many_to_many:
            many[name] = changes[name]
        else:
            setattr(obj, name, changes[name])
    obj.full_clean()
    obj.save()
    for name, values in many.items():
        getattr(obj, name).set(values)
