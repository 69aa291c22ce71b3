"""Template variables every page may show."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def inbox(request: HttpRequest) -> dict[str, Any]:
    """The number of unread notifications, counted only if a template asks."""

    def unread() -> int:
        if not request.user.is_authenticated:
            return 0
        return request.user.notifications.filter(read_at=None).count()

    return {"unread_notifications": SimpleLazyObject(unread)}
