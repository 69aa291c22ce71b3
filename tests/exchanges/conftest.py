"""An exchange started the way a real one starts, on top of `world`.

The mentor (a person at LG2, Jenin) offers expertise, the member (LG1, Hebron)
posts a need; the coordinator of association A accepts both, approves the
proposal, publishes the match, and both sides accept it: the services start the
exchange. Roles beyond `world`'s:
  seeker (= world's member, contact of the need), mentor (owner of the offer),
  offering_focal_point (focal point of LG2), outsider (person at LG3, in
  association B), other_coordinator (coordinator of association B)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from peerlearn.accounts.models import Role, RoleAssignment, User
from peerlearn.directory.models import Language, Person, Topic
from peerlearn.exchanges import matching, services
from peerlearn.exchanges.models import (
    Exchange,
    HelpKind,
    Match,
    MatchingRun,
    Need,
    Offer,
    Proposal,
    Side,
)
from tests.conftest import World, make_user

# Every role the exchange pages are checked for.
EXCHANGE_ROLES = (
    "anonymous",
    "seeker",
    "mentor",
    "focal_point",
    "offering_focal_point",
    "coordinator",
    "admin",
    "outsider",
    "other_focal_point",
    "other_coordinator",
)
SIDES = ("seeker", "mentor", "focal_point", "offering_focal_point")
STAFF = ("coordinator", "admin")
OUTSIDERS = ("outsider", "other_focal_point", "other_coordinator")


@dataclass
class ExchangeWorld:
    world: World
    need: Need
    offer: Offer
    match: Match
    exchange: Exchange
    users: dict[str, Any]

    def user(self, role: str) -> Any:
        return self.users[role]

    def client(self, role: str) -> Client:
        """The one test client, signed in as `role` (signed out for anonymous).
        A new Client builds the middleware again, and WhiteNoise then scans
        every static file: reusing one keeps the role tables fast."""
        client = shared_client()
        client.logout()
        user = self.users.get(role)
        if user is not None:
            client.force_login(user)
        return client

    def person(self, role: str) -> Person:
        return Person.objects.get(user=self.users[role])


_CLIENT: list[Client] = []


def shared_client() -> Client:
    if not _CLIENT:
        _CLIENT.append(Client())
    return _CLIENT[0]


def _person(key: str, lg: Any, user: User | None) -> Person:
    person = Person.objects.create(
        name=f"Person {key}",
        local_government=lg,
        user=user,
        role="employee",
        email=f"{key}@contact.example",
        phone="+970 2 111 1111",
    )
    person.languages.set(Language.objects.filter(code__in=["ar", "en"]))
    return person


def build_exchange(world: World, kind: str = HelpKind.MENTORING) -> ExchangeWorld:
    users: dict[str, Any] = dict(world.users)
    users["seeker"] = world.users["member"]
    users["mentor"] = make_user("mentor@test.example")
    _person("mentor", world.lg2, users["mentor"])
    users["offering_focal_point"] = make_user("jeninfocal@test.example")
    RoleAssignment.objects.create(
        user=users["offering_focal_point"], role=Role.FOCAL_POINT, local_government=world.lg2
    )
    _person("offering_focal_point", world.lg2, users["offering_focal_point"])
    users["outsider"] = make_user("outsider@test.example")
    _person("outsider", world.lg3, users["outsider"])
    users["other_coordinator"] = make_user("coordinatorb@test.example")
    RoleAssignment.objects.create(
        user=users["other_coordinator"], role=Role.COORDINATOR, association=world.association_b
    )

    waste = Topic.objects.get(code="environment.solid_waste")
    languages = list(Language.objects.filter(code__in=["ar", "en"]))
    arabic = Language.objects.get(code="ar")
    coordinator = users["coordinator"]

    offer = services.save_offer(
        users["mentor"],
        Offer(programme=world.programme),
        {
            "topics": [waste],
            "description": "We introduced sorting at source in 40 neighbourhoods.",
            "text_language": arabic,
            "languages": languages,
            "years_experience": 8,
            "capacity": 2,
            "online": True,
            "in_person": True,
        },
        submit=True,
    )
    need = services.save_need(
        users["seeker"],
        Need(programme=world.programme, local_government=world.lg1),
        {
            "title": "Sorting household waste",
            "topics": [waste],
            "problem": "Mixed waste fills the landfill.",
            "outcome": "A pilot of sorting at source.",
            "text_language": arabic,
            "kind": kind,
            "languages": languages,
        },
        submit=True,
    )
    services.review(coordinator, offer, accept=True)
    services.review(coordinator, need, accept=True)
    run = services.start_matching_run(
        coordinator, world.programme, solver=MatchingRun.Solver.OPTIMAL, minimum_score=0.2
    )
    proposal = Proposal.objects.create(
        run=run, need=need, offer=offer, rank=0, assigned=True, score=0.8
    )
    match = services.approve_proposal(coordinator, proposal)
    services.publish_matches(coordinator, world.programme)
    services.answer_match(users["seeker"], match, Side.SEEKING, accept=True)
    match = services.answer_match(users["mentor"], match, Side.OFFERING, accept=True)
    assert match.status == Match.Status.ACCEPTED
    exchange = Exchange.objects.get(match=match)
    return ExchangeWorld(world, need, offer, match, exchange, users)


@pytest.fixture
def ex(world: World) -> ExchangeWorld:
    return build_exchange(world)


def days_ago(days: int) -> datetime.date:
    return datetime.date.today() - datetime.timedelta(days=days)


# Form data as a browser posts it, and objects made through the services --------------


def meeting_data(ex: ExchangeWorld, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "First meeting",
        "starts_at": "2030-05-10T10:00",
        "ends_at": "2030-05-10T12:00",
        "time_zone": "Asia/Hebron",
        "online_link": "https://meet.example/peerlearn",
        "place": "",
        "attendees": [str(ex.person("seeker").pk), str(ex.person("mentor").pk)],
        "agenda": "Introductions; the landfill, the baseline.",
    }
    data.update(changes)
    return data


def schedule(ex: ExchangeWorld, starts: datetime.datetime, **changes: Any) -> Any:
    """A meeting scheduled by the seeker; `starts` is aware."""
    from peerlearn.exchanges.models import Meeting

    data: dict[str, Any] = {
        "title": "Kick-off",
        "starts_at": starts,
        "ends_at": starts + datetime.timedelta(hours=2),
        "time_zone": "Asia/Hebron",
        "online_link": "https://meet.example/peerlearn",
        "place": "",
        "agenda": "",
        "attendees": [ex.person("seeker"), ex.person("mentor")],
    }
    data.update(changes)
    meeting: Meeting = services.schedule_meeting(ex.user("seeker"), ex.exchange, data)
    return meeting


def held_meeting(ex: ExchangeWorld) -> Any:
    start = datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=3)
    meeting = schedule(ex, start)
    return services.update_meeting(ex.user("seeker"), meeting, {"status": "held"})


def staff_request(ex: ExchangeWorld) -> Any:
    return services.request_staff_exchange(
        ex.user("seeker"),
        ex.exchange,
        {
            "staff_member": ex.person("seeker"),
            "home": ex.world.lg1,
            "host": ex.world.lg2,
            "starts_on": datetime.date(2030, 3, 1),
            "ends_on": datetime.date(2030, 3, 14),
            "purpose": "Two weeks with the sorting team.",
        },
    )


def activity(ex: ExchangeWorld) -> Any:
    from peerlearn.exchanges.models import WorkPlanActivity

    return services.save_activity(
        ex.user("seeker"),
        WorkPlanActivity(exchange=ex.exchange),
        {
            "title": "Diagnosis of the waste flows",
            "starts_on": datetime.date(2030, 1, 1),
            "ends_on": datetime.date(2030, 2, 1),
            "expected_result": "A baseline in tonnes per month.",
            "responsible": ex.person("seeker"),
            "status": "planned",
        },
    )


def learning_note(ex: ExchangeWorld) -> Any:
    return services.write_learning_note(
        ex.user("seeker"),
        ex.exchange,
        {
            "summary": "Sorting at source works with door-to-door campaigns.",
            "what_worked": "Pilots in two neighbourhoods.",
            "what_did_not": "Fines without bins.",
        },
    )


# A small pool matched by the real engine ------------------------------------


@pytest.fixture
def pool(world: World) -> list[Any]:
    """Two experts at LG2 offer; the member at LG1 posts a need in Arabic."""
    experts = []
    for key in ("one", "two"):
        user = make_user(f"expert-{key}@test.example")
        person = Person.objects.create(
            name=f"Expert {key}", local_government=world.lg2, user=user, role="employee"
        )
        person.languages.set(Language.objects.filter(code__in=["ar", "fr"]))
        experts.append(user)
    return experts


def accepted_pool(world: World, pool: list[Any], capacity: int = 1) -> tuple[Need, list[Offer]]:
    """Two accepted French-speaking offers at LG2 and an accepted need in Arabic at LG1."""
    arabic = Language.objects.get(code="ar")
    waste = Topic.objects.get(code="environment.solid_waste")
    offers = []
    for user in pool:
        offer = Offer.objects.create(
            programme=world.programme,
            person=user.person,
            created_by=user,
            local_government=world.lg2,
            description="Tri à la source, compostage",
            text_language=Language.objects.get(code="fr"),
            years_experience=5,
            capacity=capacity,
            status="accepted",
        )
        offer.topics.set([waste])
        offer.languages.set(Language.objects.filter(code__in=["ar", "fr"]))
        offers.append(offer)
    need = Need.objects.create(
        programme=world.programme,
        local_government=world.lg1,
        contact=world.people["member"],
        created_by=world.users["member"],
        title="فرز النفايات",
        problem="لا يوجد فرز من المصدر",
        outcome="فرز من المصدر",
        text_language=arabic,
        status="accepted",
    )
    need.topics.set([waste])
    need.languages.set([arabic])
    return need, offers


def run_matching(world: World) -> MatchingRun:
    run = services.start_matching_run(
        world.users["coordinator"], world.programme, solver="optimal", minimum_score=0.05
    )
    matching.execute(run.pk)
    run.refresh_from_db()
    assert run.status == MatchingRun.Status.DONE, run.error
    return run
