"""The API asks the same rules as the pages (see each app's `rules.py`)."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request


class RulesPermission(BasePermission):
    """Read-only access decided per object by the view's `object_permission`
    rule; anything that would change data is refused unless the view allows it."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method in SAFE_METHODS:
            required = getattr(view, "list_permission", None)
            return required is None or request.user.has_perm(required)
        return False

    def has_object_permission(self, request: Request, view: Any, obj: Any) -> bool:
        required = getattr(view, "object_permission", None)
        return required is None or request.user.has_perm(required, obj)
