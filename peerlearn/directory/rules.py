"""Who may see and change what in the directory: one rule per permission,
checked through `user.has_perm(name, obj)` by views, services and the API."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import rules

from peerlearn.accounts.roles import roles_of
from peerlearn.directory.models import Association, AssociationMembership, LocalGovernment, Person


def association_ids_of_local_government(lg: LocalGovernment) -> frozenset[int]:
    cached: frozenset[int] | None = getattr(lg, "_association_ids", None)
    if cached is None:
        cached = frozenset(
            AssociationMembership.objects.filter(local_government_id=lg.pk).values_list(
                "association_id", flat=True
            )
        )
        lg._association_ids = cached  # type: ignore[attr-defined]
    return cached


def association_ids_of_person(person: Person) -> frozenset[int]:
    ids: frozenset[int] = frozenset()
    if person.local_government_id:
        ids = association_ids_of_local_government(person.local_government)  # type: ignore[arg-type]
    if person.association_id:
        ids = ids | {person.association_id}
    return ids


def object_predicate(test: Callable[[Any, Any], bool]) -> Any:
    """A rule about one object. Asked without an object (as the admin asks
    "may they change any local government?") it answers no instead of failing."""

    @functools.wraps(test)
    def guarded(user: Any, obj: Any) -> bool:
        return obj is not None and test(user, obj)

    return rules.predicate(guarded)


@rules.predicate
def is_admin(user: Any) -> bool:
    return roles_of(user).is_admin


@rules.predicate
def is_signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


@rules.predicate
def has_a_role(user: Any) -> bool:
    roles = roles_of(user)
    return roles.is_admin or roles.is_coordinator or roles.is_focal_point


@rules.predicate
def is_coordinator(user: Any) -> bool:
    return roles_of(user).is_coordinator


@object_predicate
def is_focal_point_of(user: Any, lg: LocalGovernment) -> bool:
    return lg.pk in roles_of(user).focal_point_of


@object_predicate
def coordinates_local_government(user: Any, lg: LocalGovernment) -> bool:
    coordinated = roles_of(user).coordinated_associations
    return bool(coordinated and coordinated & association_ids_of_local_government(lg))


@object_predicate
def coordinates_association(user: Any, association: Association) -> bool:
    return association.pk in roles_of(user).coordinated_associations


@object_predicate
def is_self(user: Any, person: Person) -> bool:
    return person.user_id is not None and person.user_id == getattr(user, "pk", None)


@object_predicate
def is_focal_point_of_person(user: Any, person: Person) -> bool:
    return person.local_government_id in roles_of(user).focal_point_of


@object_predicate
def has_no_account(user: Any, person: Person) -> bool:
    return person.user_id is None


@object_predicate
def coordinates_person(user: Any, person: Person) -> bool:
    coordinated = roles_of(user).coordinated_associations
    return bool(coordinated and coordinated & association_ids_of_person(person))


@object_predicate
def shares_association_with(user: Any, person: Person) -> bool:
    member_of = roles_of(user).member_of
    return bool(member_of and member_of & association_ids_of_person(person))


@object_predicate
def is_public_person(user: Any, person: Person) -> bool:
    return person.is_public


rules.add_perm("directory.view_localgovernment", rules.always_allow)
rules.add_perm(
    "directory.change_localgovernment",
    is_admin | is_focal_point_of | coordinates_local_government,
)
rules.add_perm("directory.view_person", is_public_person | is_signed_in)
# Contact details are personal data: only the person, administrators, the
# coordinators of their associations and members of a shared association.
rules.add_perm(
    "directory.view_person_contact",
    is_admin | is_self | coordinates_person | shares_association_with,
)
rules.add_perm(
    "directory.change_person",
    is_admin | is_self | is_focal_point_of_person | coordinates_person,
)
# Whether a profile is public, and how to reach its person, is the person's own
# choice once they have an account; before that, whoever keeps their profile.
rules.add_perm(
    "directory.change_person_contact",
    is_admin | is_self | ((is_focal_point_of_person | coordinates_person) & has_no_account),
)
rules.add_perm("directory.view_association", rules.always_allow)
rules.add_perm("directory.change_association", is_admin | coordinates_association)
