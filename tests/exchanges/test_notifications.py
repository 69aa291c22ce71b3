"""Both sides hear of what changes in their exchange, in the site and by e-mail."""

from __future__ import annotations

import datetime

from django.core import mail

from peerlearn.accounts.models import Notification
from peerlearn.exchanges import services
from tests.exchanges.conftest import schedule, staff_request


def _kinds(user):
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


def test_moving_and_cancelling_a_meeting_tells_the_participants(
    ex, django_capture_on_commit_callbacks
):
    start = datetime.datetime(2031, 5, 10, 7, 0, tzinfo=datetime.UTC)
    meeting = schedule(ex, start)
    mentor = ex.user("mentor")
    with django_capture_on_commit_callbacks(execute=True):
        services.update_meeting(
            ex.user("seeker"),
            meeting,
            {
                "starts_at": start + datetime.timedelta(days=1),
                "ends_at": start + datetime.timedelta(days=1, hours=2),
            },
        )
    assert "meeting_rescheduled" in _kinds(mentor)
    assert any("is now set for 2031-05-11" in m.body for m in mail.outbox)

    services.update_meeting(ex.user("seeker"), meeting, {"status": "cancelled"})
    assert "meeting_cancelled" in _kinds(mentor)
    # Recording minutes is no news for the calendar.
    before = Notification.objects.count()
    services.update_meeting(ex.user("seeker"), meeting, {"minutes": "Moved to June."})
    assert Notification.objects.count() == before


def test_a_refused_staff_exchange_tells_who_asked_why(ex):
    request = staff_request(ex)
    services.decide_staff_exchange(
        ex.user("offering_focal_point"), request, approve=False, reason="Budget cut this year"
    )
    note = Notification.objects.filter(user=ex.user("seeker"), kind="staff_exchange_decided").get()
    assert "refused" in note.text and "Budget cut this year" in note.text


def test_with_a_broker_the_e_mails_leave_from_the_worker_not_the_request(
    ex, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from peerlearn.accounts import tasks

    settings.CELERY_BROKER_URL = "memory://"
    queued: list[tuple] = []
    monkeypatch.setattr(tasks.send_notification_mails, "delay", lambda *a: queued.append(a))
    start = datetime.datetime(2031, 5, 10, 7, 0, tzinfo=datetime.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        schedule(ex, start)
    assert len(queued) == 1 and mail.outbox == []  # the request sent nothing itself
    user_ids, kind, _params, _url = queued[0]
    assert kind == "meeting_scheduled" and ex.user("mentor").pk in user_ids

    tasks.send_notification_mails.apply(args=queued[0])  # what the worker does
    assert {m.to[0] for m in mail.outbox} >= {ex.user("mentor").email}
    assert all("Kick-off" in m.body for m in mail.outbox)


def test_publishing_tells_the_focal_points_of_both_local_governments(ex):
    for role in ("seeker", "mentor", "focal_point", "offering_focal_point"):
        assert "match_published" in _kinds(ex.user(role)), role
    assert "match_published" not in _kinds(ex.user("outsider"))
