"""Accounts (sign-in by e-mail), the roles people hold, and invitations."""

from __future__ import annotations

import datetime
import secrets
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def get_by_natural_key(self, username: str | None) -> User:
        # Addresses are stored in lower case, but people sign in typing
        # "Name@Municipality.ps"; the unique constraint is case-insensitive too.
        return self.get(email__iexact=username)

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self._create(email, password, **extra)


class User(AbstractUser):
    """A person who can sign in. The platform administrator is a superuser."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("e-mail address"), unique=True)
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("Language of the e-mails PeerLearn sends you."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []
    objects: ClassVar[UserManager] = UserManager()  # type: ignore[assignment]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("programme coordinator")
    FOCAL_POINT = "focal_point", _("municipal focal point")


class RoleAssignment(models.Model):
    """A coordinator of an association, or the focal point of a local government."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    association = models.ForeignKey(
        "directory.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="coordinators",
    )
    local_government = models.ForeignKey(
        "directory.LocalGovernment",
        verbose_name=_("local government"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="focal_points",
    )
    since = models.DateTimeField(_("since"), default=timezone.now)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        role=Role.COORDINATOR,
                        association__isnull=False,
                        local_government__isnull=True,
                    )
                    | Q(
                        role=Role.FOCAL_POINT,
                        association__isnull=True,
                        local_government__isnull=False,
                    )
                ),
                name="accounts_role_scope_matches_role",
                violation_error_message=_(
                    "A coordinator belongs to an association; a focal point to a local government."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "association"],
                condition=Q(role="coordinator"),
                name="accounts_role_unique_coordinator",
                violation_error_message=_("This person already coordinates this association."),
            ),
            models.UniqueConstraint(
                fields=["user", "local_government"],
                condition=Q(role="focal_point"),
                name="accounts_role_unique_focal_point",
                violation_error_message=_(
                    "This person is already a focal point of this local government."
                ),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.user}: {self.get_role_display()} ({self.association or self.local_government})"
        )


class InvitedRole(models.TextChoices):
    MEMBER = "member", _("member")
    FOCAL_POINT = "focal_point", _("municipal focal point")
    COORDINATOR = "coordinator", _("programme coordinator")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def default_expiry() -> Any:
    return timezone.now() + datetime.timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(models.Model):
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=InvitedRole.choices)
    local_government = models.ForeignKey(
        "directory.LocalGovernment",
        verbose_name=_("local government"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    association = models.ForeignKey(
        "directory.Association",
        verbose_name=_("association"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=default_expiry)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(role="coordinator", association__isnull=False, local_government__isnull=True)
                    | Q(
                        role__in=["member", "focal_point"],
                        association__isnull=True,
                        local_government__isnull=False,
                    )
                ),
                name="accounts_invitation_scope_matches_role",
                violation_error_message=_(
                    "Invite coordinators to an association, and members and focal points "
                    "to a local government."
                ),
            ),
            models.CheckConstraint(condition=~Q(name=""), name="accounts_invitation_name"),
        ]

    def __str__(self) -> str:
        return f"{self.email} ({self.get_role_display()})"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    @property
    def scope(self) -> Any:
        return self.association or self.local_government


class Notification(models.Model):
    """A message in a user's PeerLearn inbox. The text is stored as a message
    key and parameters, so that it reads in the language of whoever opens it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=60)
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.user}: {self.kind}"

    @property
    def text(self) -> str:
        from peerlearn.accounts.notifications import render

        return render(self.kind, self.params)
