"""Notifications in the site and by e-mail, each in the recipient's language."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext, gettext_noop, override

from peerlearn.accounts.models import Notification, User

logger = logging.getLogger(__name__)

# Every kind of notification, as (subject, message). Parameters are plain
# strings filled in when the notification is read.
TEXTS: dict[str, tuple[str, str]] = {
    "offer_reviewed": (
        gettext_noop("Your offer of expertise was reviewed"),
        gettext_noop("Your offer “%(title)s” in %(programme)s is now: %(status)s. %(note)s"),
    ),
    "need_reviewed": (
        gettext_noop("Your need was reviewed"),
        gettext_noop("The need “%(title)s” in %(programme)s is now: %(status)s. %(note)s"),
    ),
    "submitted_for_review": (
        gettext_noop("Waiting for your review"),
        gettext_noop("“%(title)s” in %(programme)s was submitted and waits for your review."),
    ),
    "group_request_named": (
        gettext_noop("Your local government was named in a request"),
        gettext_noop(
            "%(need_org)s asks for help on “%(title)s” in %(programme)s together with "
            "%(local_government)s. If you do not want to take part, tell the coordinator."
        ),
    ),
    "participant_added": (
        gettext_noop("You were added to an exchange"),
        gettext_noop("You take part in the exchange “%(exchange)s” as %(role)s."),
    ),
    "match_published": (
        gettext_noop("A peer has been proposed to you"),
        gettext_noop(
            "%(programme)s proposes %(offer_person)s (%(offer_org)s) for “%(need)s” of "
            "%(need_org)s. Please accept or decline."
        ),
    ),
    "match_declined": (
        gettext_noop("A proposed match was declined"),
        gettext_noop("The match of “%(need)s” with %(offer_person)s was declined: %(reason)s"),
    ),
    "match_accepted": (
        gettext_noop("Your exchange can start"),
        gettext_noop("Both sides accepted: the exchange “%(exchange)s” has started."),
    ),
    "meeting_scheduled": (
        gettext_noop("A meeting was scheduled"),
        gettext_noop("“%(meeting)s” of the exchange “%(exchange)s” is set for %(when)s."),
    ),
    "meeting_rescheduled": (
        gettext_noop("A meeting was moved"),
        gettext_noop("“%(meeting)s” of the exchange “%(exchange)s” is now set for %(when)s."),
    ),
    "meeting_cancelled": (
        gettext_noop("A meeting was cancelled"),
        gettext_noop("“%(meeting)s” of the exchange “%(exchange)s” (%(when)s) is cancelled."),
    ),
    "staff_exchange_decided": (
        gettext_noop("A staff exchange was decided"),
        gettext_noop("The stay of %(person)s at %(host)s is %(status)s. %(reason)s"),
    ),
    "staff_exchange_requested": (
        gettext_noop("A staff exchange needs your approval"),
        gettext_noop("%(person)s would stay at %(host)s from %(starts)s to %(ends)s: %(purpose)s"),
    ),
    "endorsement_due": (
        gettext_noop("Political endorsement to renew"),
        gettext_noop(
            "%(local_government)s has a new mayor: please renew the endorsement of “%(exchange)s”."
        ),
    ),
    "exchange_closed": (
        gettext_noop("Tell us how the exchange went"),
        gettext_noop(
            "The exchange “%(exchange)s” was closed. Please answer the short closing questionnaire."
        ),
    ),
}


def render(kind: str, params: dict[str, Any]) -> str:
    _subject, message = TEXTS.get(kind, ("", kind))
    try:
        return gettext(message) % {key: _translated(value) for key, value in params.items()}
    except (KeyError, TypeError, ValueError):
        logger.warning("Notification %s has parameters that do not fit its text", kind)
        return gettext(message)


def _translated(value: Any) -> str:
    # Parameters marked {"msgid": …} are words to translate, like a status.
    if isinstance(value, dict) and "msgid" in value:
        return gettext(value["msgid"])
    return str(value)


Message = tuple[Iterable[User | None], str, dict[str, Any], str]


def notify(users: Iterable[User | None], kind: str, params: dict[str, Any], url: str = "") -> None:
    """Put a notification in each user's inbox now, and e-mail it once the
    surrounding transaction has committed (so a rolled-back change sends nothing)."""
    notify_many([(users, kind, params, url)])


def notify_many(messages: Iterable[Message]) -> None:
    """`notify` for many messages at once (publishing a round tells thousands):
    one insert for the inboxes, the e-mails after the commit."""
    rows: list[Notification] = []
    sends: list[tuple[list[User], str, dict[str, Any], str]] = []
    for users, kind, params, url in messages:
        recipients = {u.pk: u for u in users if u is not None and u.is_active}
        rows += [
            Notification(user=u, kind=kind, params=params, url=url) for u in recipients.values()
        ]
        if recipients:
            sends.append((list(recipients.values()), kind, params, url))
    Notification.objects.bulk_create(rows, batch_size=1000)
    if sends:
        # Robust: the change is committed, so a mail or broker failure must not
        # turn the page into an error; the inbox copies are there.
        transaction.on_commit(lambda: _send(sends), robust=True)


def _send(sends: list[tuple[list[User], str, dict[str, Any], str]]) -> None:
    for users, kind, params, url in sends:
        if not settings.CELERY_BROKER_URL:
            mail(users, kind, params, url)
            continue
        # The mail server's pace must not hold the page that caused the news:
        # a worker sends them.
        from peerlearn.accounts.tasks import send_notification_mails

        try:
            send_notification_mails.delay([u.pk for u in users], kind, params, url)
        except Exception:  # the broker is down: the others are still tried
            logger.exception("Could not queue the e-mails of notification %s", kind)


def mail(users: Iterable[User], kind: str, params: dict[str, Any], url: str) -> None:
    """E-mail a notification to each user, in their language."""
    subject, _message = TEXTS[kind]
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    for user in users:
        with override(user.language or settings.LANGUAGE_CODE):
            body = render_to_string(
                "accounts/email/notification.txt",
                {"text": render(kind, params), "url": f"{base}{url}" if url else ""},
            )
            try:
                send_mail(gettext(subject), body, settings.DEFAULT_FROM_EMAIL, [user.email])
            except OSError:
                # The inbox copy exists; a mail server that is down must not undo the change.
                logger.exception("Could not e-mail notification %s to user %s", kind, user.pk)
