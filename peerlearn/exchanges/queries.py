"""Read queries of the seek & offer, matching and exchange pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from peerlearn.accounts.roles import roles_of
from peerlearn.directory.models import LocalGovernment, Person, Programme
from peerlearn.exchanges.models import (
    LIVE_MATCH,
    Exchange,
    Match,
    MatchingRun,
    Need,
    Offer,
    PairRule,
    Participant,
    Phase,
    Proposal,
    ReviewStatus,
    live_match_count,
    places_taken,
)
from peerlearn.exchanges.rules import programme_local_government_ids

OFFER_RELATED = (
    "person",
    "person__local_government",
    "local_government",
    "text_language",
    "programme",
)
NEED_RELATED = ("local_government", "contact", "text_language", "programme")


def offers_with_details(queryset: QuerySet[Offer]) -> QuerySet[Offer]:
    return (
        queryset.select_related(*OFFER_RELATED)
        .prefetch_related("topics__parent", "languages")
        .annotate(live_matches=places_taken())
    )


def needs_with_details(queryset: QuerySet[Need]) -> QuerySet[Need]:
    return queryset.select_related(*NEED_RELATED).prefetch_related(
        "topics__parent", "languages", "also_for"
    )


def available_offers(programme: Programme) -> QuerySet[Offer]:
    """Accepted offers whose availability has not ended. One that starts later
    counts: an exchange takes weeks to begin."""
    return programme.offers.filter(status=ReviewStatus.ACCEPTED).filter(
        Q(available_until__isnull=True) | Q(available_until__gte=timezone.localdate())
    )


def pool(programme: Programme) -> QuerySet[Offer]:
    return offers_with_details(available_offers(programme))


def waiting_needs(programme: Programme) -> QuerySet[Need]:
    """Accepted needs that still want a peer: a group request may want several,
    and a need whose matches are declined or withdrawn waits again."""
    return (
        programme.needs.filter(status=ReviewStatus.ACCEPTED)
        .annotate(live=live_match_count())
        .filter(live__lt=F("offers_wanted"))
    )


def open_needs(programme: Programme) -> QuerySet[Need]:
    return needs_with_details(waiting_needs(programme))


def review_queue(programme: Programme) -> dict[str, Any]:
    waiting = Q(status=ReviewStatus.SUBMITTED)
    return {
        "offers": offers_with_details(programme.offers.filter(waiting)).order_by(
            "submitted_at", "pk"
        ),
        "needs": needs_with_details(programme.needs.filter(waiting)).order_by("submitted_at", "pk"),
    }


def local_governments_for_need(user: Any, programme: Programme) -> QuerySet[LocalGovernment]:
    """The programme's local governments a user may ask for: their own and
    those they are focal point of; any of them for administrators and the
    programme's coordinators."""
    roles = roles_of(user)
    taking_part = programme_local_government_ids(programme)
    if roles.is_admin or programme.association_id in roles.coordinated_associations:
        ids = set(taking_part)
    else:
        ids = set(roles.focal_point_of) | {roles.own_local_government or 0}
    return LocalGovernment.objects.filter(pk__in=ids & taking_part).order_by("name")


def programme_local_governments(programme: Programme) -> QuerySet[LocalGovernment]:
    return LocalGovernment.objects.filter(
        pk__in=programme_local_government_ids(programme)
    ).order_by("name")


def my_seek_and_offer(user: Any) -> dict[str, Any]:
    roles = roles_of(user)
    my_needs = (
        Q(created_by=user) | Q(contact__user=user) | Q(local_government__in=roles.focal_point_of)
    )
    needs = needs_with_details(Need.objects.filter(my_needs).distinct())
    offers = offers_with_details(Offer.objects.filter(person__user=user))
    waiting = (
        Match.objects.filter(status=Match.Status.PUBLISHED)
        .filter(
            Q(offer__person__user=user, offer_answer=Match.Answer.PENDING)
            | (Q(need__in=Need.objects.filter(my_needs)) & Q(need_answer=Match.Answer.PENDING))
        )
        .select_related("need__local_government", "offer__person", "offer__local_government")
        .distinct()
    )
    exchanges = (
        Exchange.objects.filter(
            Q(participants__person__user=user)
            | Q(participants__local_government__in=roles.focal_point_of)
        )
        .distinct()
        .select_related("programme")
    )
    return {"needs": needs, "offers": offers, "waiting": waiting, "exchanges": exchanges}


def programmes_for(user: Any) -> QuerySet[Programme]:
    """Programmes the user takes part in or coordinates."""
    roles = roles_of(user)
    if roles.is_admin:
        return Programme.objects.select_related("association")
    lg_ids = set(roles.focal_point_of)
    if roles.own_local_government:
        lg_ids.add(roles.own_local_government)
    return (
        Programme.objects.filter(
            Q(association__in=roles.coordinated_associations)
            | Q(association__members__in=lg_ids)
            | Q(participants__in=lg_ids)
        )
        .distinct()
        .select_related("association")
    )


def run_needs(run: MatchingRun) -> QuerySet[Need]:
    """The needs a run's page lists, in the page's order: those the run proposed
    peers for stay once matched (with "Matched with …"), beside the needs that
    still wait for a peer."""
    proposed = Proposal.objects.filter(run=run).values("need_id")
    return needs_with_details(
        run.programme.needs.filter(status=ReviewStatus.ACCEPTED).filter(
            Q(pk__in=proposed) | Q(pk__in=waiting_needs(run.programme).values("pk"))
        )
    ).order_by("-updated_at", "-pk")


def run_results(run: MatchingRun, needs: Iterable[Need] | None = None) -> list[dict[str, Any]]:
    """For every need listed (a page of `run_needs`, all of them by default):
    its assigned proposal(s) and alternates, the match already approved for it,
    and the coordinator's pair rules. Only the listed needs' rows are read."""
    needs = list(run_needs(run) if needs is None else needs)
    ids = [need.pk for need in needs]
    by_need: dict[int, dict[str, list[Proposal]]] = defaultdict(
        lambda: {"assigned": [], "alternates": []}
    )
    for proposal in (
        Proposal.objects.filter(run=run, need_id__in=ids)
        .select_related("offer__person", "offer__local_government")
        .order_by("need_id", "-assigned", "rank")
    ):
        by_need[proposal.need_id]["assigned" if proposal.assigned else "alternates"].append(
            proposal
        )
    live = defaultdict(list)
    for match in Match.objects.filter(LIVE_MATCH, need_id__in=ids).select_related("offer__person"):
        live[match.need_id].append(match)
    rules: dict[int, dict[int, PairRule]] = defaultdict(dict)
    for rule in PairRule.objects.filter(need_id__in=ids).select_related("offer__person"):
        rules[rule.need_id][rule.offer_id] = rule
    rows = []
    for need in needs:
        proposed = by_need.get(need.pk, {"assigned": [], "alternates": []})
        row: dict[str, Any] = {"need": need, **proposed}
        row["matches"] = live.get(need.pk, [])
        need_rules = rules.get(need.pk, {})
        for proposal in row["assigned"] + row["alternates"]:
            proposal.need = need
            proposal.rule = need_rules.get(proposal.offer_id)
            proposal.is_matched = any(m.offer_id == proposal.offer_id for m in row["matches"])
        row["rules"] = list(need_rules.values())
        rows.append(row)
    return rows


def unplaced_pins(run: MatchingRun) -> QuerySet[PairRule]:
    """Pins in force when the run started that it did not propose: a hard rule
    (language, own organisation, exclusion) or capacity stopped them, or the
    need or offer was no longer open. Pairs matched already are not listed."""
    return (
        PairRule.objects.filter(
            need__programme=run.programme_id,
            kind=PairRule.Kind.PINNED,
            decided_at__lte=run.created_at,
        )
        .exclude(
            Exists(
                Proposal.objects.filter(
                    run=run, assigned=True, need=OuterRef("need"), offer=OuterRef("offer")
                )
            )
        )
        .exclude(
            Exists(Match.objects.filter(LIVE_MATCH, need=OuterRef("need"), offer=OuterRef("offer")))
        )
        .select_related("need", "offer__person")
        .order_by("need__title", "pk")
    )


def matches_of(programme: Programme) -> QuerySet[Match]:
    return (
        Match.objects.filter(need__programme=programme)
        .select_related("need__local_government", "offer__person", "offer__local_government")
        .order_by("-approved_at")
    )


def exchanges_of(programme: Programme) -> QuerySet[Exchange]:
    return programme.exchanges.prefetch_related(
        Prefetch(
            "participants",
            queryset=Participant.objects.select_related("person", "local_government"),
        )
    )


def is_dormant(exchange: Exchange, now: Any, days: int = 120) -> bool:
    return exchange.phase != Phase.CLOSED and (now - exchange.last_activity_at).days > days


def people_who_may_join(
    exchange: Exchange, lg_ids: Iterable[int], association: bool
) -> QuerySet[Person]:
    """Whom a participant can bring in: people of the given local governments
    and, with `association`, the coordinators of the programme's association."""
    people = Q(local_government_id__in=list(lg_ids))
    if association:
        people |= Q(
            local_government=None,
            user__roles__role="coordinator",
            user__roles__association_id=exchange.programme.association_id,
        )
    return Person.objects.filter(people).distinct().order_by("name", "pk")
