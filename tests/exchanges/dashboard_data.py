"""A programme with something in every corner of its dashboard, built with the
ORM on top of `world` (association A: LG1 Hebron and LG2 Jenin, in Palestine).

Local governments and what makes them count (T = Türkiye, F = France):
  LG1  PS  seeking   needs N1, N3 (open), N4 (draft, not counted); seeking side of E1
  LG2  PS  both      need N2 (open); offer O1 from its expert; offering side of E1
  LG3  NO  both      need N5 (submitted); offer O2 from its staff; offering side of E2
  LG4  T   seeking   only as the seeking side of exchange E2
  LG5  F   seeking   only joined to need N2 (`also_for`)
  LG6  T   offering  offer O3 (submitted, not in the pool)
  LG7  F   none      a need withdrawn before it was ever submitted

Topics: waste (environment.solid_waste), water (environment.water_wastewater),
gis (planning.gis).
  N1 waste · N2 waste + water · N3 gis      (open: accepted)
  O1 waste, capacity 3 · O2 waste + gis, capacity 1   (the pool)

Matches: N1–O1 accepted (answered 4 days after publication), N2–O1 published,
N3–O2 approved, N1–O2 declined by the offering side (the seeking side never
answered), N3–O1 declined by the seeking side after the offering side
accepted (10 days), N2–O2 withdrawn. Live matches hold O1 twice and O2 once:
O1 has 1 place left, O2 none.

Exchanges: E1 (from N1–O1) inspiration; E2 courtship, 200 days quiet
(dormant); E3 implementation, 120 days and 23 hours quiet (not yet dormant);
E4 adoption, 121 days quiet (dormant); E5 closed, 400 days quiet.

Meetings held: E1 15 and 20 June 2022 and 3 August 2022, E5 10 December 2021;
not counted: E1 cancelled 10 June 2022, planned 1 September 2022. N1 was
submitted on 1 June 2022: 14 days to its first meeting.

Another programme (of association B) has one of everything, none of which
may show on this dashboard.

Closing feedback (usefulness, relationship, organisation, again):
  E5 seeking 5 4 3 yes · E5 offering 4 4 2 no · E1 seeking 3 5 4 yes
"""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from peerlearn.directory.models import Language, LocalGovernment, Person, Programme, Topic
from peerlearn.exchanges.models import (
    ClosingFeedback,
    Exchange,
    HelpKind,
    Match,
    Meeting,
    Need,
    Offer,
    Participant,
    ParticipantRole,
    Phase,
    ReviewStatus,
    Side,
)
from tests.conftest import World

UTC = datetime.UTC
PUBLISHED = datetime.datetime(2022, 5, 1, 9, 0, tzinfo=UTC)
N1_SUBMITTED = datetime.datetime(2022, 6, 1, 10, 0, tzinfo=UTC)
HARMFUL_REASON = '=HYPERLINK("http://evil.example")'
_uids = itertools.count()


@dataclass
class DashboardData:
    world: World
    programme: Programme
    now: datetime.datetime
    lgs: dict[str, LocalGovernment] = field(default_factory=dict)
    needs: dict[str, Need] = field(default_factory=dict)
    offers: dict[str, Offer] = field(default_factory=dict)
    matches: dict[str, Match] = field(default_factory=dict)
    exchanges: dict[str, Exchange] = field(default_factory=dict)


def local_government(name: str, slug: str, country: str) -> LocalGovernment:
    return LocalGovernment.objects.create(
        name=name, slug=slug, kind="municipality", country=country, population=10000
    )


def person(name: str, lg: LocalGovernment) -> Person:
    return Person.objects.create(name=name, local_government=lg, role="employee")


def need(
    programme: Programme,
    lg: LocalGovernment,
    contact: Person,
    title: str,
    topics: list[Topic],
    status: str = ReviewStatus.ACCEPTED,
    **extra: Any,
) -> Need:
    if "submitted_at" in extra:
        extra.setdefault("first_submitted_at", extra["submitted_at"])
    item = Need.objects.create(
        programme=programme,
        local_government=lg,
        contact=contact,
        title=title,
        problem="The problem.",
        outcome="The outcome.",
        text_language=Language.objects.get(code="en"),
        status=status,
        **extra,
    )
    item.topics.set(topics)
    return item


def offer(
    programme: Programme,
    expert: Person,
    topics: list[Topic],
    capacity: int = 1,
    status: str = ReviewStatus.ACCEPTED,
) -> Offer:
    item = Offer.objects.create(
        programme=programme,
        person=expert,
        local_government=expert.local_government,
        description="What I did.",
        text_language=Language.objects.get(code="en"),
        years_experience=5,
        capacity=capacity,
        status=status,
    )
    item.topics.set(topics)
    return item


def match(
    item_need: Need,
    item_offer: Offer,
    status: str,
    *,
    need_answer: str = Match.Answer.PENDING,
    offer_answer: str = Match.Answer.PENDING,
    answered_after: datetime.timedelta | None = None,
    reason: str = "",
) -> Match:
    published = status != Match.Status.APPROVED
    return Match.objects.create(
        need=item_need,
        offer=item_offer,
        status=status,
        need_answer=need_answer,
        offer_answer=offer_answer,
        decline_reason=reason,
        published_at=PUBLISHED if published else None,
        answered_at=PUBLISHED + answered_after if answered_after else None,
    )


def exchange(
    programme: Programme,
    title: str,
    phase: str,
    quiet_for: datetime.timedelta,
    now: datetime.datetime,
    item_match: Match | None = None,
) -> Exchange:
    last = now - quiet_for
    return Exchange.objects.create(
        programme=programme,
        match=item_match,
        title=title,
        kind=HelpKind.MENTORING,
        phase=phase,
        started_at=last,
        last_activity_at=last,
        closed_at=last if phase == Phase.CLOSED else None,
    )


def participant(item: Exchange, who: Person, side: str) -> Participant:
    role = ParticipantRole.MENTEE if side == Side.SEEKING else ParticipantRole.MENTOR
    return Participant.objects.create(
        exchange=item, person=who, local_government=who.local_government, role=role, side=side
    )


def meeting(item: Exchange, day: datetime.date, status: str = Meeting.Status.HELD) -> Meeting:
    starts = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=UTC)
    return Meeting.objects.create(
        exchange=item,
        title=f"Meeting of {day}",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=1),
        online_link="https://meet.example/room",
        status=status,
        uid=f"dashboard-{next(_uids)}@test",
    )


def feedback(
    item: Exchange, side: str, usefulness: int, relationship: int, organisation: int, again: bool
) -> ClosingFeedback:
    return ClosingFeedback.objects.create(
        exchange=item,
        side=side,
        achieved="Something.",
        would_do_again=again,
        usefulness=usefulness,
        relationship=relationship,
        organisation=organisation,
    )


def build(world: World) -> DashboardData:
    programme = world.programme
    now = timezone.now()
    data = DashboardData(world, programme, now)
    waste = Topic.objects.get(code="environment.solid_waste")
    water = Topic.objects.get(code="environment.water_wastewater")
    gis = Topic.objects.get(code="planning.gis")

    lg1, lg2, lg3 = world.lg1, world.lg2, world.lg3
    lg4 = local_government("Kadıköy Test", "lg4", "TR")
    lg5 = local_government("Lyon Test", "lg5", "FR")
    lg6 = local_government("Bursa Test", "lg6", "TR")
    lg7 = local_government("Nice Test", "lg7", "FR")
    programme.participants.add(lg3, lg4, lg5, lg6, lg7)
    data.lgs.update(lg1=lg1, lg2=lg2, lg3=lg3, lg4=lg4, lg5=lg5, lg6=lg6, lg7=lg7)

    member, expert, hidden = world.people["member"], world.people["expert"], world.people["hidden"]
    at_lg4, at_lg6, at_lg7 = person("P4", lg4), person("P6", lg6), person("P7", lg7)

    n1 = need(programme, lg1, member, "Sorting waste", [waste], submitted_at=N1_SUBMITTED)
    n2 = need(programme, lg2, expert, "Water and waste", [waste, water])
    n2.also_for.set([lg5])
    n3 = need(programme, lg1, member, "Mapping", [gis])
    need(programme, lg1, member, "A draft", [gis], status=ReviewStatus.DRAFT)
    n5 = need(programme, lg3, hidden, "Waste water", [water], status=ReviewStatus.SUBMITTED)
    need(programme, lg7, at_lg7, "Never sent", [waste], status=ReviewStatus.WITHDRAWN)
    # Still waiting for a peer (the others have a live match): the open need,
    # with two topics of one area.
    n6 = need(programme, lg1, member, "Wastewater and sorting", [waste, water])
    data.needs.update(n1=n1, n2=n2, n3=n3, n5=n5, n6=n6)

    o1 = offer(programme, expert, [waste], capacity=3)
    o2 = offer(programme, hidden, [waste, gis], capacity=1)
    o3 = offer(programme, at_lg6, [water], status=ReviewStatus.SUBMITTED)
    offer(programme, member, [gis], status=ReviewStatus.DRAFT)
    data.offers.update(o1=o1, o2=o2, o3=o3)

    days = datetime.timedelta
    accepted = match(
        n1,
        o1,
        Match.Status.ACCEPTED,
        need_answer=Match.Answer.ACCEPTED,
        offer_answer=Match.Answer.ACCEPTED,
        answered_after=days(days=4),
    )
    data.matches.update(
        accepted=accepted,
        published=match(n2, o1, Match.Status.PUBLISHED),
        approved=match(n3, o2, Match.Status.APPROVED),
        declined_by_offering=match(
            n1,
            o2,
            Match.Status.DECLINED,
            offer_answer=Match.Answer.DECLINED,
            answered_after=days(days=2),
            reason="Too busy this spring",
        ),
        declined_by_seeking=match(
            n3,
            o1,
            Match.Status.DECLINED,
            need_answer=Match.Answer.DECLINED,
            offer_answer=Match.Answer.ACCEPTED,
            answered_after=days(days=10),
            reason=HARMFUL_REASON,
        ),
        withdrawn=match(n2, o2, Match.Status.WITHDRAWN),
    )

    e1 = exchange(programme, "E1 waste", Phase.INSPIRATION, days(days=2), now, accepted)
    participant(e1, member, Side.SEEKING)
    participant(e1, expert, Side.OFFERING)
    e2 = exchange(programme, "E2 quiet", Phase.COURTSHIP, days(days=200), now)
    participant(e2, at_lg4, Side.SEEKING)
    participant(e2, hidden, Side.OFFERING)
    e3 = exchange(programme, "E3 almost", Phase.IMPLEMENTATION, days(days=120, hours=23), now)
    e4 = exchange(programme, "E4 asleep", Phase.ADOPTION, days(days=121), now)
    e5 = exchange(programme, "E5 done", Phase.CLOSED, days(days=400), now)
    data.exchanges.update(e1=e1, e2=e2, e3=e3, e4=e4, e5=e5)

    meeting(e1, datetime.date(2022, 6, 10), Meeting.Status.CANCELLED)
    meeting(e1, datetime.date(2022, 6, 15))
    meeting(e1, datetime.date(2022, 6, 20))
    meeting(e1, datetime.date(2022, 8, 3))
    meeting(e1, datetime.date(2022, 9, 1), Meeting.Status.PLANNED)
    meeting(e5, datetime.date(2021, 12, 10))

    feedback(e5, Side.SEEKING, 5, 4, 3, True)
    feedback(e5, Side.OFFERING, 4, 4, 2, False)
    feedback(e1, Side.SEEKING, 3, 5, 4, True)
    build_other_programme(world)
    return data


def build_other_programme(world: World) -> None:
    """A programme of association B, with one of everything."""
    other = Programme.objects.create(association=world.association_b, name="Other", slug="other")
    waste = Topic.objects.get(code="environment.solid_waste")
    lg = local_government("Elsewhere Test", "elsewhere", "SE")
    who = person("Somebody", lg)
    item_need = need(other, lg, who, "Elsewhere", [waste], submitted_at=N1_SUBMITTED)
    item_offer = offer(other, who, [waste], capacity=2)
    item_match = match(
        item_need,
        item_offer,
        Match.Status.ACCEPTED,
        need_answer=Match.Answer.ACCEPTED,
        offer_answer=Match.Answer.ACCEPTED,
        answered_after=datetime.timedelta(days=1),
    )
    item = exchange(
        other,
        "Elsewhere",
        Phase.COURTSHIP,
        datetime.timedelta(days=300),
        timezone.now(),
        item_match,
    )
    participant(item, who, Side.SEEKING)
    meeting(item, datetime.date(2022, 7, 1))
    feedback(item, Side.SEEKING, 1, 1, 1, False)
