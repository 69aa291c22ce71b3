"""What a signed-in user may act as, read once per request.

Permission rules (the `rules.py` module of each app) ask these questions on
every check; computing the answers once per user object keeps a page that
checks many objects to a constant number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from peerlearn.accounts.models import Role, RoleAssignment


@dataclass(frozen=True)
class Roles:
    is_admin: bool = False
    coordinated_associations: frozenset[int] = field(default_factory=frozenset)
    focal_point_of: frozenset[int] = field(default_factory=frozenset)
    person_id: int | None = None
    own_local_government: int | None = None
    # Associations the user belongs to through their own local government,
    # their employer association, or a local government they are focal point of.
    member_of: frozenset[int] = field(default_factory=frozenset)

    @property
    def is_coordinator(self) -> bool:
        return bool(self.coordinated_associations)

    @property
    def is_focal_point(self) -> bool:
        return bool(self.focal_point_of)

    @property
    def is_member(self) -> bool:
        return self.person_id is not None


ANONYMOUS = Roles()


def roles_of(user: Any) -> Roles:
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_peerlearn_roles", None)
    if cached is not None:
        return cached
    from peerlearn.directory.models import AssociationMembership, Person

    coordinated: set[int] = set()
    focal: set[int] = set()
    for role, association_id, lg_id in RoleAssignment.objects.filter(user=user).values_list(
        "role", "association_id", "local_government_id"
    ):
        if role == Role.COORDINATOR and association_id:
            coordinated.add(association_id)
        elif role == Role.FOCAL_POINT and lg_id:
            focal.add(lg_id)
    person = (
        Person.objects.filter(user=user)
        .values("id", "local_government_id", "association_id")
        .first()
    )
    lg_ids = set(focal)
    member_of: set[int] = set()
    if person:
        if person["local_government_id"]:
            lg_ids.add(person["local_government_id"])
        if person["association_id"]:
            member_of.add(person["association_id"])
    if lg_ids:
        member_of.update(
            AssociationMembership.objects.filter(local_government_id__in=lg_ids).values_list(
                "association_id", flat=True
            )
        )
    roles = Roles(
        is_admin=bool(user.is_superuser),
        coordinated_associations=frozenset(coordinated),
        focal_point_of=frozenset(focal),
        person_id=person["id"] if person else None,
        own_local_government=person["local_government_id"] if person else None,
        member_of=frozenset(member_of | coordinated),
    )
    user._peerlearn_roles = roles
    return roles


def forget_roles(user: Any) -> None:
    """Drop the cached roles after a service changed them."""
    if hasattr(user, "_peerlearn_roles"):
        del user._peerlearn_roles
