"""Who may do what in seek & offer, matching and exchanges."""

from __future__ import annotations

from typing import Any

import rules

from peerlearn.accounts.roles import roles_of
from peerlearn.directory.models import Programme
from peerlearn.directory.rules import is_admin, is_signed_in, object_predicate
from peerlearn.exchanges.models import (
    Exchange,
    Match,
    Need,
    Offer,
    ReviewStatus,
    Side,
    StaffExchangeRequest,
)


def programme_local_government_ids(programme: Programme) -> frozenset[int]:
    """Local governments that take part: members of the association running
    the programme, and partners added to the programme itself."""
    cached: frozenset[int] | None = getattr(programme, "_lg_ids", None)
    if cached is None:
        from peerlearn.directory.models import AssociationMembership

        cached = frozenset(
            AssociationMembership.objects.filter(
                association_id=programme.association_id
            ).values_list("local_government_id", flat=True)
        ) | frozenset(programme.participants.values_list("id", flat=True))
        programme._lg_ids = cached  # type: ignore[attr-defined]
    return cached


@object_predicate
def coordinates_programme(user: Any, programme: Programme) -> bool:
    return programme.association_id in roles_of(user).coordinated_associations


@object_predicate
def takes_part_in_programme(user: Any, programme: Programme) -> bool:
    roles = roles_of(user)
    mine = set(roles.focal_point_of)
    if roles.own_local_government:
        mine.add(roles.own_local_government)
    return bool(mine & programme_local_government_ids(programme))


@rules.predicate
def has_profile(user: Any) -> bool:
    return roles_of(user).is_member


# Offers -------------------------------------------------------------------


@object_predicate
def owns_offer(user: Any, offer: Offer) -> bool:
    return offer.person.user_id is not None and offer.person.user_id == getattr(user, "pk", None)


@object_predicate
def coordinates_offer(user: Any, offer: Offer) -> bool:
    return offer.programme.association_id in roles_of(user).coordinated_associations


@object_predicate
def offer_is_editable(user: Any, offer: Offer) -> bool:
    return offer.status in {
        ReviewStatus.DRAFT,
        ReviewStatus.SUBMITTED,
        ReviewStatus.CHANGES_REQUESTED,
        ReviewStatus.ACCEPTED,
    }


@object_predicate
def takes_part_in_offers_programme(user: Any, offer: Offer) -> bool:
    return bool(takes_part_in_programme(user, offer.programme))


@object_predicate
def takes_part_in_needs_programme(user: Any, need: Need) -> bool:
    return bool(takes_part_in_programme(user, need.programme))


@object_predicate
def offer_in_pool(user: Any, offer: Offer) -> bool:
    return offer.status == ReviewStatus.ACCEPTED


# Needs --------------------------------------------------------------------


@object_predicate
def speaks_for_need(user: Any, need: Need) -> bool:
    """The contact person, the person who wrote it, and the focal points of
    the local government that asks."""
    roles = roles_of(user)
    uid = getattr(user, "pk", None)
    if uid is None:
        return False
    return (
        need.created_by_id == uid
        or (need.contact.user_id is not None and need.contact.user_id == uid)
        or need.local_government_id in roles.focal_point_of
    )


@object_predicate
def named_in_need(user: Any, need: Need) -> bool:
    """A focal point of a local government that joins a group request sees it
    once submitted, so they can object before it is matched."""
    focal_point_of = roles_of(user).focal_point_of
    return bool(
        focal_point_of
        and need.status != ReviewStatus.DRAFT
        and need.also_for.filter(pk__in=focal_point_of).exists()
    )


@object_predicate
def coordinates_need(user: Any, need: Need) -> bool:
    return need.programme.association_id in roles_of(user).coordinated_associations


@object_predicate
def need_is_editable(user: Any, need: Need) -> bool:
    return need.status in {
        ReviewStatus.DRAFT,
        ReviewStatus.SUBMITTED,
        ReviewStatus.CHANGES_REQUESTED,
        ReviewStatus.ACCEPTED,
    }


@object_predicate
def need_is_open(user: Any, need: Need) -> bool:
    return need.status == ReviewStatus.ACCEPTED


# Matches and exchanges ------------------------------------------------------


@object_predicate
def coordinates_match(user: Any, match: Match) -> bool:
    return coordinates_need(user, match.need)


@object_predicate
def answers_for_seeking_side(user: Any, match: Match) -> bool:
    return bool(speaks_for_need(user, match.need))


@object_predicate
def answers_for_offering_side(user: Any, match: Match) -> bool:
    return bool(owns_offer(user, match.offer))


def exchange_sides(user: Any, exchange: Exchange) -> set[str]:
    """The sides of the exchange the user may act for: as a participant, or as
    focal point of a participating local government."""
    roles = roles_of(user)
    uid = getattr(user, "pk", None)
    cache: dict[tuple[int, Any], set[str]] = exchange.__dict__.setdefault("_sides", {})
    key = (exchange.pk, uid)
    if key not in cache:
        sides: set[str] = set()
        for person_user, lg_id, side in exchange.participants.values_list(
            "person__user_id", "local_government_id", "side"
        ):
            if (person_user is not None and person_user == uid) or (
                lg_id is not None and lg_id in roles.focal_point_of
            ):
                sides.add(side)
        cache[key] = sides
    return cache[key]


@object_predicate
def is_party_to_exchange(user: Any, exchange: Exchange) -> bool:
    return bool(exchange_sides(user, exchange) & {Side.OFFERING, Side.SEEKING})


@object_predicate
def coordinates_exchange(user: Any, exchange: Exchange) -> bool:
    return exchange.programme.association_id in roles_of(user).coordinated_associations


@object_predicate
def exchange_is_open(user: Any, exchange: Exchange) -> bool:
    return not exchange.is_closed


@object_predicate
def approves_for_home(user: Any, request: StaffExchangeRequest) -> bool:
    return request.home_id in roles_of(user).focal_point_of


@object_predicate
def approves_for_host(user: Any, request: StaffExchangeRequest) -> bool:
    return request.host_id in roles_of(user).focal_point_of


coordinator = is_admin | coordinates_programme

rules.add_perm(
    "exchanges.offer_expertise",
    is_signed_in & has_profile & (takes_part_in_programme | coordinator),
)
rules.add_perm(
    "exchanges.post_need", is_signed_in & has_profile & (takes_part_in_programme | coordinator)
)
rules.add_perm("exchanges.view_pool", is_signed_in & (takes_part_in_programme | coordinator))
rules.add_perm("exchanges.review", coordinator)
rules.add_perm("exchanges.run_matching", coordinator)
rules.add_perm("exchanges.view_dashboard", coordinator)

rules.add_perm(
    "exchanges.view_offer",
    is_admin | owns_offer | coordinates_offer | (offer_in_pool & takes_part_in_offers_programme),
)
rules.add_perm("exchanges.change_offer", owns_offer & offer_is_editable)

rules.add_perm(
    "exchanges.view_need",
    is_admin
    | speaks_for_need
    | coordinates_need
    | named_in_need
    | (need_is_open & takes_part_in_needs_programme),
)
rules.add_perm("exchanges.change_need", speaks_for_need & need_is_editable)

rules.add_perm(
    "exchanges.view_match",
    is_admin | coordinates_match | answers_for_seeking_side | answers_for_offering_side,
)
rules.add_perm("exchanges.manage_match", is_admin | coordinates_match)
rules.add_perm("exchanges.answer_seeking", answers_for_seeking_side)
rules.add_perm("exchanges.answer_offering", answers_for_offering_side)

rules.add_perm("exchanges.view_exchange", is_admin | coordinates_exchange | is_party_to_exchange)
rules.add_perm(
    "exchanges.change_exchange",
    (is_admin | coordinates_exchange | is_party_to_exchange) & exchange_is_open,
)
rules.add_perm("exchanges.approve_staff_exchange_home", approves_for_home)
rules.add_perm("exchanges.approve_staff_exchange_host", approves_for_host)


def may(user: Any, permission: str, obj: Any = None) -> bool:
    """Ask the rule as written. Django lets an active superuser pass every
    `has_perm`, which would let a platform administrator answer a match for a
    municipality or change a closed exchange; the rules name administrators
    where they belong."""
    return bool(rules.has_perm(permission, user, obj))
