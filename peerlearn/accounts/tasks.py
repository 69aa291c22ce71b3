"""Background tasks of accounts (through Celery when a broker is configured)."""

from __future__ import annotations

from typing import Any

from celery import shared_task


@shared_task(name="accounts.send_notification_mails", acks_late=True)
def send_notification_mails(
    user_ids: list[int], kind: str, params: dict[str, Any], url: str
) -> None:
    from peerlearn.accounts.models import User
    from peerlearn.accounts.notifications import mail

    mail(User.objects.filter(pk__in=user_ids, is_active=True).order_by("pk"), kind, params, url)
