"""The figures of a programme's dashboard, for coordinators who report to funders.

Everything is counted in the database, in a fixed number of queries whatever
the size of the programme (18): grouped queries over uncorrelated sets rather
than a subquery per row, so that the plan stays cheap even before PostgreSQL
has statistics. Lists (decline reasons, dormant exchanges) are cut on the page
and given in full by the CSV exports, which stream their rows."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce, Greatest, TruncMonth
from django.utils import timezone
from django_countries import countries

from peerlearn.directory.models import LocalGovernment, Programme, Topic
from peerlearn.exchanges import queries, services
from peerlearn.exchanges.models import (
    HOLDING_PLACE,
    PHASE_ORDER,
    ClosingFeedback,
    Exchange,
    Match,
    Meeting,
    Need,
    Offer,
    Participant,
    Phase,
    ReviewStatus,
    Side,
)

# The threshold the exchange pages use (`queries.is_dormant`,
# `services.filter_dormant`); passed explicitly so the page can say it.
DORMANT_AFTER_DAYS = 120
# Longer lists are cut on the page; the CSV export has every row.
LIST_LIMIT = 50


@dataclass
class TopicRow:
    code: str
    label: str
    is_area: bool
    needs: int
    offers: int
    capacity: int
    topics: list[TopicRow] = field(default_factory=list)


@dataclass
class CountRow:
    key: str
    label: str
    count: int
    dormant: int = 0


@dataclass
class MonthRow:
    month: datetime.date
    held: int
    cumulative: int


@dataclass
class CountryRow:
    code: str
    name: str
    seeking: int
    offering: int
    both: int
    total: int


@dataclass
class Median:
    days: float | None
    count: int


@dataclass
class FeedbackRow:
    side: str
    label: str
    responses: int
    usefulness: float | None
    relationship: float | None
    organisation: float | None
    would_do_again: float | None  # a share from 0 to 1

    @property
    def would_do_again_percent(self) -> float | None:
        return None if self.would_do_again is None else self.would_do_again * 100


@dataclass
class Dashboard:
    programme: Programme
    now: datetime.datetime
    areas: list[TopicRow]
    pool: TopicRow  # all open needs and offers, each counted once
    matches: list[CountRow]
    matches_total: int
    declines: list[dict[str, Any]]
    phases: list[CountRow]
    exchanges_total: int
    dormant_total: int
    dormant: list[dict[str, Any]]
    months: list[MonthRow]
    meetings_held: int
    countries: list[CountryRow]
    involved: CountryRow  # the totals: local governments on each side
    involved_countries: CountryRow  # the same, counting countries
    need_to_first_meeting: Median
    publication_to_answers: Median
    feedback: list[FeedbackRow]
    feedback_total: FeedbackRow

    @property
    def topics(self) -> Iterator[TopicRow]:
        """Thematic areas, each followed by its topics."""
        for area in self.areas:
            yield area
            yield from area.topics


# Open needs and offers by topic ----------------------------------------------


def _open_needs(programme: Programme) -> QuerySet[Need]:
    return queries.waiting_needs(programme)


def _remaining(offer: str = "") -> Greatest:
    """The capacity an offer has left: what the expert declared, less the
    matches that hold a place (never below zero). `offer` is the path to the
    offer from the rows it is computed on ("" on offers themselves)."""
    live = (
        Match.objects.filter(HOLDING_PLACE, offer=OuterRef(f"{offer}_id" if offer else "pk"))
        .order_by()
        .values("offer")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Greatest(
        F(f"{offer}__capacity" if offer else "capacity") - Coalesce(Subquery(live[:1]), Value(0)),
        Value(0),
        output_field=IntegerField(),
    )


def _pool(programme: Programme) -> QuerySet[Offer]:
    return Offer.objects.filter(programme=programme, status=ReviewStatus.ACCEPTED)


def pool_totals(programme: Programme) -> TopicRow:
    """Open needs, offers in the pool and their remaining capacity, each need
    and offer counted once whatever its number of topics."""
    offers = (
        _pool(programme)
        .annotate(remaining=_remaining())
        .order_by()
        .aggregate(n=Count("pk"), capacity=Sum("remaining"))
    )
    return TopicRow(
        code="",
        label="",
        is_area=False,
        needs=_open_needs(programme).count(),
        offers=offers["n"],
        capacity=offers["capacity"] or 0,
    )


# The area of a tag: its parent, or itself when a thematic area is tagged.
AREA = Coalesce("topic__parent_id", "topic_id")


def _by(rows: Iterable[Mapping[str, Any]], key: str) -> dict[int, Mapping[str, Any]]:
    return {row[key]: row for row in rows}


def topic_rows(programme: Programme) -> list[TopicRow]:
    """Grouped from the tags (the many-to-many tables), against uncorrelated
    sets of open needs and pooled offers: the database reads each tag once,
    instead of searching the tags once per topic of the taxonomy."""
    need_tags = Need.topics.through.objects.filter(
        need_id__in=_open_needs(programme).values("pk")
    ).order_by()
    offer_tags = Offer.topics.through.objects.filter(
        offer_id__in=_pool(programme).values("pk")
    ).order_by()
    # An offer with two topics of one area counts once in the area (and its
    # capacity too): only its first tag in the area is kept. Needs only count.
    # (django-stubs cannot follow an annotation named in values() after a
    # grouping by an expression.)
    per_offer_and_area = offer_tags.values("offer_id", area=AREA).annotate(first=Min("pk"))
    first_offer_tag = per_offer_and_area.values_list("first")  # type: ignore[misc]
    remaining = _remaining("offer")
    need_topic = _by(need_tags.values("topic_id").annotate(n=Count("need_id")), "topic_id")
    need_area = _by(need_tags.values(area=AREA).annotate(n=Count("need_id", distinct=True)), "area")
    offer_topic = _by(
        offer_tags.values("topic_id").annotate(n=Count("pk"), capacity=Sum(remaining)), "topic_id"
    )
    offer_area = _by(
        offer_tags.filter(pk__in=first_offer_tag)
        .values(area=AREA)
        .annotate(n=Count("pk"), capacity=Sum(remaining)),
        "area",
    )
    wanted = set(need_topic) | set(need_area) | set(offer_topic) | set(offer_area)
    areas: dict[int, TopicRow] = {}
    children: list[tuple[int, TopicRow]] = []
    for topic in Topic.objects.filter(pk__in=wanted).order_by("position", "code"):
        needs, offers = (
            (need_area, offer_area) if topic.parent_id is None else (need_topic, offer_topic)
        )
        row = TopicRow(
            code=topic.code,
            label=topic.label,
            is_area=topic.parent_id is None,
            needs=needs.get(topic.pk, {}).get("n", 0),
            offers=offers.get(topic.pk, {}).get("n", 0),
            capacity=offers.get(topic.pk, {}).get("capacity") or 0,
        )
        if topic.parent_id is None:
            areas[topic.pk] = row
        else:
            children.append((topic.parent_id, row))
    for parent_id, row in children:
        # Every tag also counts in its area, so the area is there.
        areas[parent_id].topics.append(row)
    return list(areas.values())


# Matches ---------------------------------------------------------------------


def match_rows(programme: Programme) -> list[CountRow]:
    counts = dict(
        Match.objects.filter(need__programme=programme)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    return [
        CountRow(status.value, str(status.label), counts.get(status.value, 0))
        for status in Match.Status
    ]


def declines(programme: Programme) -> QuerySet[Match, Any]:
    return (
        Match.objects.filter(need__programme=programme, status=Match.Status.DECLINED)
        .order_by("-answered_at", "-pk")
        .values(
            "pk",
            "need__title",
            "need__local_government__name",
            "offer__person__name",
            "offer__local_government__name",
            "need_answer",
            "offer_answer",
            "decline_reason",
            "answered_at",
        )
    )


def declined_by(row: Mapping[str, Any]) -> str:
    """The side that declined (the first to decline ends the match)."""
    if row["need_answer"] == Match.Answer.DECLINED:
        return str(Side.SEEKING.label)
    if row["offer_answer"] == Match.Answer.DECLINED:
        return str(Side.OFFERING.label)
    return ""


# Exchanges and meetings --------------------------------------------------------


def phase_rows(programme: Programme, now: datetime.datetime) -> list[CountRow]:
    cutoff = services.dormant_cutoff(now, DORMANT_AFTER_DAYS)
    dormant = Q(last_activity_at__lte=cutoff) & ~Q(phase=Phase.CLOSED)
    counts: dict[str, Mapping[str, Any]] = {
        row["phase"]: row
        for row in programme.exchanges.order_by()
        .values("phase")
        .annotate(n=Count("pk"), dormant=Count("pk", filter=dormant))
    }
    labels = dict(Phase.choices)
    return [
        CountRow(
            phase,
            str(labels[phase]),
            counts[phase]["n"] if phase in counts else 0,
            counts[phase]["dormant"] if phase in counts else 0,
        )
        for phase in PHASE_ORDER
    ]


def dormant_exchanges(programme: Programme, now: datetime.datetime) -> QuerySet[Exchange, Any]:
    return (
        services.filter_dormant(
            programme.exchanges.all(), now, dormant=True, days=DORMANT_AFTER_DAYS
        )
        .order_by("last_activity_at", "pk")
        .values("pk", "title", "phase", "last_activity_at")
    )


def _next_month(day: datetime.date) -> datetime.date:
    return (
        day.replace(year=day.year + 1, month=1)
        if day.month == 12
        else day.replace(month=day.month + 1)
    )


def month_rows(programme: Programme) -> list[MonthRow]:
    """Meetings held per month, from the first month with one to the last,
    months without a meeting included, with the running total."""
    counts: dict[datetime.date, int] = {}
    for month, n in (
        Meeting.objects.filter(exchange__programme=programme, status=Meeting.Status.HELD)
        .annotate(month=TruncMonth("starts_at"))
        .order_by()
        .values_list("month")
        .annotate(n=Count("pk"))
    ):
        day = month.date() if isinstance(month, datetime.datetime) else month
        counts[day] = counts.get(day, 0) + n
    rows: list[MonthRow] = []
    if not counts:
        return rows
    month, last, total = min(counts), max(counts), 0
    while month <= last:
        total += counts.get(month, 0)
        rows.append(MonthRow(month, counts.get(month, 0), total))
        month = _next_month(month)
    return rows


# Local governments and countries -----------------------------------------------


def _submitted(prefix: str = "") -> Q:
    """A need or offer that reached the coordinator: not a draft, nor a draft
    that was withdrawn before it was ever submitted."""
    return ~Q(**{f"{prefix}status": ReviewStatus.DRAFT}) & ~Q(
        **{f"{prefix}status": ReviewStatus.WITHDRAWN, f"{prefix}submitted_at__isnull": True}
    )


def country_rows(programme: Programme) -> list[CountryRow]:
    """Local governments involved, by country: seeking (a need of their own or
    joined, or the seeking side of an exchange), offering (an offer from their
    staff, or the offering side of an exchange), both, and all."""
    # Uncorrelated sets of ids: the database builds each once (a hashed
    # subplan), rather than probing five tables for every local government.
    needs = Need.objects.filter(_submitted(), programme=programme)
    offers = Offer.objects.filter(_submitted(), programme=programme)
    sides = Participant.objects.filter(exchange__programme=programme).exclude(local_government=None)
    seeking = (
        Q(pk__in=needs.values("local_government_id"))
        | Q(
            pk__in=Need.also_for.through.objects.filter(need__in=needs).values("localgovernment_id")
        )
        | Q(pk__in=sides.filter(side=Side.SEEKING).values("local_government_id"))
    )
    offering = (
        Q(pk__in=offers.exclude(local_government=None).values("local_government_id"))
        | Q(
            pk__in=offers.filter(local_government=None)
            .exclude(person__local_government=None)
            .values("person__local_government_id")
        )
        | Q(pk__in=sides.filter(side=Side.OFFERING).values("local_government_id"))
    )
    rows = (
        LocalGovernment.objects.annotate(
            is_seeking=ExpressionWrapper(seeking, output_field=BooleanField()),
            is_offering=ExpressionWrapper(offering, output_field=BooleanField()),
        )
        .filter(Q(is_seeking=True) | Q(is_offering=True))
        .order_by()
        .values("country")
        .annotate(
            seeking=Count("pk", filter=Q(is_seeking=True)),
            offering=Count("pk", filter=Q(is_offering=True)),
            both=Count("pk", filter=Q(is_seeking=True, is_offering=True)),
            total=Count("pk"),
        )
    )
    result = [
        CountryRow(
            code=str(row["country"]),
            name=str(countries.name(row["country"])),
            seeking=row["seeking"],
            offering=row["offering"],
            both=row["both"],
            total=row["total"],
        )
        for row in rows
    ]
    return sorted(result, key=lambda r: (-r.total, r.name))


def _totals(rows: Sequence[CountryRow]) -> tuple[CountryRow, CountryRow]:
    lgs = CountryRow(
        "",
        "",
        sum(r.seeking for r in rows),
        sum(r.offering for r in rows),
        sum(r.both for r in rows),
        sum(r.total for r in rows),
    )
    places = CountryRow(
        "",
        "",
        sum(1 for r in rows if r.seeking),
        sum(1 for r in rows if r.offering),
        sum(1 for r in rows if r.seeking and r.offering),
        len(rows),
    )
    return lgs, places


# Medians -------------------------------------------------------------------------


def median_days(durations: QuerySet[Any]) -> Median:
    """The median of the `duration` of each row, in days: the database sorts,
    and only the one or two middle values are read."""
    count = durations.count()
    if not count:
        return Median(None, 0)
    middle = list(
        durations.order_by("duration").values_list("duration", flat=True)[
            (count - 1) // 2 : count // 2 + 1
        ]
    )
    seconds = sum(d.total_seconds() for d in middle) / len(middle)
    return Median(seconds / 86400, count)


def need_to_first_meeting(programme: Programme) -> Median:
    """From the need (its submission, or its creation when it was never
    submitted) to the first meeting held in an exchange that came from it."""
    # Grouped by need over the meetings held, rather than a subquery per need:
    # one pass over the meetings, whatever the plan the database picks.
    need = "exchange__match__need"
    durations = (
        Meeting.objects.filter(
            status=Meeting.Status.HELD,
            exchange__programme=programme,
            **{f"{need}__programme": programme},
        )
        .order_by()
        .values(f"{need}_id")
        .annotate(
            duration=ExpressionWrapper(
                Min("starts_at")
                - Min(Coalesce(f"{need}__first_submitted_at", f"{need}__created_at")),
                output_field=DurationField(),
            )
        )
    )
    return median_days(durations)


def publication_to_answers(programme: Programme) -> Median:
    """From publication to the second answer, for matches both sides answered
    (`answered_at` is the time of the latest answer)."""
    durations = (
        Match.objects.filter(
            need__programme=programme,
            published_at__isnull=False,
            answered_at__isnull=False,
        )
        .exclude(need_answer=Match.Answer.PENDING)
        .exclude(offer_answer=Match.Answer.PENDING)
        .annotate(
            duration=ExpressionWrapper(
                F("answered_at") - F("published_at"), output_field=DurationField()
            )
        )
    )
    return median_days(durations)


# Closing feedback ----------------------------------------------------------------


def feedback_rows(programme: Programme) -> tuple[list[FeedbackRow], FeedbackRow]:
    """Average ratings and the share who would do it again, by side and overall.
    Sums come from the database, so that the overall averages are exact."""
    sums: dict[str, Mapping[str, Any]] = {
        row["side"]: row
        for row in ClosingFeedback.objects.filter(exchange__programme=programme)
        .order_by()
        .values("side")
        .annotate(
            n=Count("pk"),
            usefulness=Sum("usefulness"),
            relationship=Sum("relationship"),
            organisation=Sum("organisation"),
            again=Count("pk", filter=Q(would_do_again=True)),
        )
    }

    def row(side: str, label: str, parts: Sequence[Mapping[str, Any]]) -> FeedbackRow:
        n = sum(p["n"] for p in parts)

        def mean(key: str) -> float | None:
            return sum(p[key] for p in parts) / n if n else None

        return FeedbackRow(
            side,
            label,
            n,
            mean("usefulness"),
            mean("relationship"),
            mean("organisation"),
            mean("again"),
        )

    order = (Side.SEEKING, Side.OFFERING, Side.ASSOCIATION)
    rows = [row(side.value, str(side.label), [sums[side.value]]) for side in order if side in sums]
    return rows, row("", "", list(sums.values()))


# All of it -----------------------------------------------------------------------


def programme_dashboard(programme: Programme, now: datetime.datetime | None = None) -> Dashboard:
    now = now or timezone.now()
    matches = match_rows(programme)
    phases = phase_rows(programme, now)
    months = month_rows(programme)
    country_list = country_rows(programme)
    involved, involved_countries = _totals(country_list)
    feedback, feedback_total = feedback_rows(programme)
    phase_labels = {key: str(label) for key, label in Phase.choices}
    return Dashboard(
        programme=programme,
        now=now,
        areas=topic_rows(programme),
        pool=pool_totals(programme),
        matches=matches,
        matches_total=sum(r.count for r in matches),
        declines=[
            {**row, "declined_by": declined_by(row)} for row in declines(programme)[:LIST_LIMIT]
        ],
        phases=phases,
        exchanges_total=sum(r.count for r in phases),
        dormant_total=sum(r.dormant for r in phases),
        dormant=[
            {**row, "phase_label": phase_labels.get(row["phase"], row["phase"])}
            for row in dormant_exchanges(programme, now)[:LIST_LIMIT]
        ],
        months=months,
        meetings_held=months[-1].cumulative if months else 0,
        countries=country_list,
        involved=involved,
        involved_countries=involved_countries,
        need_to_first_meeting=need_to_first_meeting(programme),
        publication_to_answers=publication_to_answers(programme),
        feedback=feedback,
        feedback_total=feedback_total,
    )
