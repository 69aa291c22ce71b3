"""Who may open every page of an exchange, and who may act on it.

Each URL is fetched by every role against an explicit table, as in the
project's permission walk: the two sides, the focal points of each side, the
coordinator of the programme's association and the admin against a member and
a focal point of another local government, another association's coordinator,
and an anonymous visitor (sent to sign in)."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse

from peerlearn.audit.models import AuditEntry
from peerlearn.exchanges import services
from peerlearn.exchanges.models import Exchange, FollowUpAction, Meeting, StaffExchangeRequest
from tests.exchanges.conftest import (
    EXCHANGE_ROLES,
    OUTSIDERS,
    SIDES,
    STAFF,
    ExchangeWorld,
    activity,
    schedule,
    staff_request,
)

LOGIN = "sign-in"


def table(**outcomes: Any) -> dict[str, Any]:
    """Every role's outcome; `anonymous` is always sent to sign in."""
    expected = {"anonymous": LOGIN}
    for group, roles in (("sides", SIDES), ("staff", STAFF), ("outsiders", OUTSIDERS)):
        for role in roles:
            expected[role] = outcomes[group]
    for role in EXCHANGE_ROLES:
        if role in outcomes:
            expected[role] = outcomes[role]
    return expected


EVERYONE_ENTITLED = table(sides=200, staff=200, outsiders=403)
SIDES_ONLY = table(sides=200, staff=403, outsiders=403)
COORDINATORS_ONLY = table(sides=403, staff=200, outsiders=403)
POST_ONLY = table(sides=405, staff=405, outsiders=405)


class Parts:
    """One of everything an exchange page links to, made through the services."""

    def __init__(self, ex: ExchangeWorld) -> None:
        start = datetime.datetime(2030, 5, 10, 7, tzinfo=datetime.UTC)
        self.meeting: Meeting = schedule(ex, start)
        self.action: FollowUpAction = services.add_follow_up(
            ex.user("seeker"),
            self.meeting,
            {
                "description": "Send the baseline",
                "owner": ex.person("seeker"),
                "due_on": datetime.date(2030, 6, 1),
            },
        )
        self.request: StaffExchangeRequest = staff_request(ex)
        self.activity = activity(ex)
        self.participant = ex.exchange.participants.get(person=ex.person("seeker"))


URLS: dict[str, tuple[Callable[[Exchange, Parts], str], dict[str, Any]]] = {
    "exchange": (lambda e, p: reverse("exchanges:exchange", args=[e.pk]), EVERYONE_ENTITLED),
    "exchange_phase": (
        lambda e, p: reverse("exchanges:exchange_phase", args=[e.pk]),
        EVERYONE_ENTITLED,
    ),
    "exchange_coordination": (
        lambda e, p: reverse("exchanges:exchange_coordination", args=[e.pk]),
        EVERYONE_ENTITLED,
    ),
    "exchange_close": (lambda e, p: reverse("exchanges:exchange_close", args=[e.pk]), POST_ONLY),
    "meeting_new": (lambda e, p: reverse("exchanges:meeting_new", args=[e.pk]), EVERYONE_ENTITLED),
    "participant_new": (
        lambda e, p: reverse("exchanges:participant_new", args=[e.pk]),
        EVERYONE_ENTITLED,
    ),
    "participant_remove": (
        lambda e, p: reverse("exchanges:participant_remove", args=[p.participant.pk]),
        POST_ONLY,
    ),
    "meeting_edit": (
        lambda e, p: reverse("exchanges:meeting_edit", args=[p.meeting.pk]),
        EVERYONE_ENTITLED,
    ),
    "meeting_minutes": (
        lambda e, p: reverse("exchanges:meeting_minutes", args=[p.meeting.pk]),
        EVERYONE_ENTITLED,
    ),
    "meeting_calendar": (
        lambda e, p: reverse("exchanges:meeting_calendar", args=[p.meeting.pk]),
        EVERYONE_ENTITLED,
    ),
    "follow_up_new": (
        lambda e, p: reverse("exchanges:follow_up_new", args=[p.meeting.pk]),
        EVERYONE_ENTITLED,
    ),
    "follow_up_done": (
        lambda e, p: reverse("exchanges:follow_up_done", args=[p.action.pk]),
        POST_ONLY,
    ),
    "staff_exchange_new": (
        lambda e, p: reverse("exchanges:staff_exchange_new", args=[e.pk]),
        EVERYONE_ENTITLED,
    ),
    "staff_exchange_decide": (
        lambda e, p: reverse("exchanges:staff_exchange_decide", args=[p.request.pk]),
        POST_ONLY,
    ),
    "activity_new": (
        lambda e, p: reverse("exchanges:activity_new", args=[e.pk]),
        EVERYONE_ENTITLED,
    ),
    "activity_edit": (
        lambda e, p: reverse("exchanges:activity_edit", args=[p.activity.pk]),
        EVERYONE_ENTITLED,
    ),
    "endorsement_new": (
        lambda e, p: reverse("exchanges:endorsement_new", args=[e.pk]),
        EVERYONE_ENTITLED,
    ),
    "learning_note": (
        lambda e, p: reverse("exchanges:learning_note", args=[e.pk]),
        EVERYONE_ENTITLED,
    ),
    "feedback": (lambda e, p: reverse("exchanges:feedback", args=[e.pk]), SIDES_ONLY),
    "programme_exchanges": (
        lambda e, p: reverse("exchanges:programme_exchanges", args=[e.programme_id]),
        COORDINATORS_ONLY,
    ),
}


def outcome(response: Any) -> Any:
    if response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")):
        return LOGIN
    return response.status_code


def test_every_new_url_is_in_the_table() -> None:
    from peerlearn.exchanges import urls

    names = {p.name for p in urls.urlpatterns if p.callback.__module__.endswith(".exchange")}
    assert names == set(URLS)


@pytest.mark.parametrize("name", list(URLS))
def test_get_by_every_role(ex: ExchangeWorld, name: str) -> None:
    parts = Parts(ex)
    make_url, expected = URLS[name]
    url = make_url(ex.exchange, parts)
    got = {role: outcome(ex.client(role).get(url)) for role in EXCHANGE_ROLES}
    assert got == expected


def test_a_missing_exchange_is_404(ex: ExchangeWorld) -> None:
    assert ex.client("admin").get(reverse("exchanges:exchange", args=[9999])).status_code == 404
    missing = reverse("exchanges:meeting_calendar", args=[9999])
    assert ex.client("seeker").get(missing).status_code == 404


# Posting as someone who may not: refused, and nothing is written ---------------------------

POSTS: dict[str, tuple[Callable[[Exchange, Parts], str], dict[str, Any]]] = {
    "exchange_phase": (URLS["exchange_phase"][0], {"phase": "inspiration"}),
    "exchange_coordination": (URLS["exchange_coordination"][0], {"coordination": "self_managed"}),
    "exchange_close": (URLS["exchange_close"][0], {}),
    "meeting_new": (
        URLS["meeting_new"][0],
        {
            "title": "Intruder",
            "starts_at": "2030-05-10T10:00",
            "ends_at": "2030-05-10T11:00",
            "time_zone": "UTC",
            "place": "Town hall",
        },
    ),
    "follow_up_done": (URLS["follow_up_done"][0], {}),
    "participant_new": (URLS["participant_new"][0], {"role": "mentee"}),
    "participant_remove": (URLS["participant_remove"][0], {}),
    "staff_exchange_decide": (URLS["staff_exchange_decide"][0], {"decision": "approve"}),
    "learning_note": (
        URLS["learning_note"][0],
        {"summary": "x", "what_worked": "x", "what_did_not": "x"},
    ),
    "feedback": (
        URLS["feedback"][0],
        {
            "side": "seeking",
            "achieved": "x",
            "would_do_again": "yes",
            "usefulness": "3",
            "relationship": "3",
            "organisation": "3",
        },
    ),
}


@pytest.mark.parametrize("name", list(POSTS))
@pytest.mark.parametrize("role", [*OUTSIDERS, "anonymous"])
def test_outsiders_cannot_post(ex: ExchangeWorld, name: str, role: str) -> None:
    parts = Parts(ex)
    make_url, data = POSTS[name]
    entries = AuditEntry.objects.count()
    response = ex.client(role).post(make_url(ex.exchange, parts), data)
    assert outcome(response) == (LOGIN if role == "anonymous" else 403)
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("role", ["seeker", "mentor", "coordinator", "admin", "outsider"])
def test_only_the_focal_points_of_home_and_host_decide_a_staff_exchange(
    ex: ExchangeWorld, role: str
) -> None:
    request = staff_request(ex)
    url = reverse("exchanges:staff_exchange_decide", args=[request.pk])
    response = ex.client(role).post(url, {"decision": "approve"})
    assert response.status_code == 403
    request.refresh_from_db()
    assert (request.home_approved_at, request.host_approved_at) == (None, None)


@pytest.mark.parametrize("role", ["coordinator", "admin"])
def test_staff_cannot_answer_the_questionnaire_for_a_side(ex: ExchangeWorld, role: str) -> None:
    assert services.feedback_sides(ex.user(role), ex.exchange) == []


def test_a_closed_exchange_can_no_longer_be_changed(ex: ExchangeWorld) -> None:
    from tests.exchanges.conftest import learning_note

    parts = Parts(ex)
    learning_note(ex)
    services.close_exchange(ex.user("coordinator"), ex.exchange)
    for name in ("exchange_phase", "meeting_new", "meeting_edit", "activity_edit"):
        url = URLS[name][0](ex.exchange, parts)
        assert ex.client("seeker").get(url).status_code == 403, name
        assert ex.client("admin").get(url).status_code == 403, name
    # What closing asks for stays open: the questionnaire and the learning note.
    assert ex.client("seeker").get(URLS["feedback"][0](ex.exchange, parts)).status_code == 200
    note_url = URLS["learning_note"][0](ex.exchange, parts)
    assert ex.client("coordinator").get(note_url).status_code == 200
    assert ex.client("outsider").get(note_url).status_code == 403
