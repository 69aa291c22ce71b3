"""Invitations: a coordinator or focal point invites someone, who accepts."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from peerlearn.accounts.models import Invitation, InvitedRole, Role, RoleAssignment, User
from peerlearn.accounts.roles import forget_roles
from peerlearn.audit.log import record
from peerlearn.directory.models import Association, LocalGovernment, Person, PersonRole

INVITE_PERMISSION = {
    InvitedRole.MEMBER: "accounts.invite_member",
    InvitedRole.FOCAL_POINT: "accounts.invite_focal_point",
    InvitedRole.COORDINATOR: "accounts.invite_coordinator",
}


def can_invite(actor: Any, role: str, scope: LocalGovernment | Association | None) -> bool:
    return scope is not None and actor.has_perm(INVITE_PERMISSION[InvitedRole(role)], scope)


def send_invitation(
    actor: Any,
    *,
    email: str,
    name: str,
    role: str,
    local_government: LocalGovernment | None = None,
    association: Association | None = None,
    request: HttpRequest | None = None,
) -> Invitation:
    scope = association if role == InvitedRole.COORDINATOR else local_government
    if not can_invite(actor, role, scope):
        raise PermissionDenied
    with transaction.atomic():
        invitation = Invitation(
            email=email.strip().lower(),
            name=name.strip(),
            role=role,
            local_government=local_government if role != InvitedRole.COORDINATOR else None,
            association=association if role == InvitedRole.COORDINATOR else None,
            invited_by=actor,
        )
        invitation.full_clean()
        invitation.save()
        record(
            actor,
            "accounts.send_invitation",
            invitation,
            None,
            {"email": invitation.email, "role": invitation.role, "scope": str(scope)},
        )
        # Sent after commit, so that a rolled-back invitation sends nothing.
        transaction.on_commit(lambda: _mail_invitation(invitation, request))
    return invitation


def _mail_invitation(invitation: Invitation, request: HttpRequest | None) -> None:
    path = reverse("accounts:accept_invitation", kwargs={"token": invitation.token})
    url = request.build_absolute_uri(path) if request else path
    context = {"invitation": invitation, "url": url}
    send_mail(
        subject=_("You are invited to PeerLearn"),
        message=render_to_string("accounts/email/invitation.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )


def open_invitation(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("local_government", "association", "invited_by")
        .filter(token=token)
        .first()
    )


def accept_invitation(
    invitation: Invitation,
    *,
    user: Any = None,
    password: str | None = None,
    name: str | None = None,
) -> User:
    """Give the invited role to `user` (signed in) or to a new account."""
    with transaction.atomic():
        locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not locked.is_open:
            raise ValidationError(_("This invitation has expired or has already been used."))
        if user is not None and user.is_authenticated:
            if user.email.lower() != locked.email.lower():
                raise PermissionDenied(_("This invitation was sent to another e-mail address."))
        else:
            if User.objects.filter(email__iexact=locked.email).exists():
                raise ValidationError(
                    _("An account with this e-mail address exists: sign in to accept.")
                )
            user = User.objects.create_user(email=locked.email, password=password)
        person = Person.objects.filter(user=user).first()
        if person is None:
            person = Person(user=user, name=(name or locked.name).strip(), role=PersonRole.EMPLOYEE)
        if locked.role == InvitedRole.COORDINATOR:
            RoleAssignment.objects.get_or_create(
                user=user, role=Role.COORDINATOR, association=locked.association
            )
            if person.local_government_id is None and person.association_id is None:
                person.association = locked.association
        else:
            if (
                locked.role == InvitedRole.MEMBER
                and person.pk is not None
                and (person.local_government_id or person.association_id)
                and person.local_government_id != locked.local_government_id
            ):
                raise ValidationError(
                    _(
                        "Your profile is with %(organisation)s. Ask an administrator to move "
                        "it before you join %(local_government)s."
                    )
                    % {
                        "organisation": person.local_government or person.association,
                        "local_government": locked.local_government,
                    }
                )
            if locked.role == InvitedRole.FOCAL_POINT:
                RoleAssignment.objects.get_or_create(
                    user=user, role=Role.FOCAL_POINT, local_government=locked.local_government
                )
            # A person who already works somewhere stays there: an invitation
            # gives a role, it does not move anyone to another employer.
            if person.local_government_id is None and person.association_id is None:
                person.local_government = locked.local_government
        person.full_clean()
        person.save()
        locked.accepted_at = timezone.now()
        locked.accepted_by = user
        locked.save(update_fields=["accepted_at", "accepted_by"])
        record(user, "accounts.accept_invitation", locked, None, {"role": locked.role})
        forget_roles(user)
    return user


def invitations_visible_to(actor: Any) -> Any:
    """Invitations the actor sent, or that concern what they coordinate."""
    from django.db.models import Q

    from peerlearn.accounts.roles import roles_of

    roles = roles_of(actor)
    qs = Invitation.objects.select_related("local_government", "association", "invited_by")
    if roles.is_admin:
        return qs
    return qs.filter(
        Q(invited_by=actor)
        | Q(association__in=roles.coordinated_associations)
        | Q(local_government__associations__in=roles.coordinated_associations)
        | Q(local_government__in=roles.focal_point_of)
    ).distinct()


def mark_read(user: Any, notification_ids: list[int]) -> int:
    """Reading the inbox is not an audited change: it only records what was seen."""
    if not notification_ids:
        return 0
    from peerlearn.accounts.models import Notification

    return Notification.objects.filter(user=user, pk__in=notification_ids, read_at=None).update(
        read_at=timezone.now()
    )
