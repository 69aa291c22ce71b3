from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView
from rules.contrib.views import PermissionRequiredMixin

from peerlearn.accounts import services
from peerlearn.accounts.forms import ROLE_LABELS, AcceptInvitationForm, InvitationForm
from peerlearn.accounts.models import Invitation, InvitedRole, Notification
from peerlearn.directory.models import Association, LocalGovernment


class InvitationListView(PermissionRequiredMixin, ListView):
    permission_required = "accounts.send_invitations"
    template_name = "accounts/invitation_list.html"
    paginate_by = 50

    def get_queryset(self) -> Any:
        return services.invitations_visible_to(self.request.user)


class InviteView(LoginRequiredMixin, View):
    """Invite someone to a local government (member, focal point) or to an
    association (coordinator)."""

    template_name = "accounts/invitation_form.html"

    def scope(self) -> LocalGovernment | Association:
        if self.kwargs["kind"] == "local-government":
            return get_object_or_404(LocalGovernment, slug=self.kwargs["slug"])
        if self.kwargs["kind"] == "association":
            return get_object_or_404(Association, slug=self.kwargs["slug"])
        raise Http404

    def roles(self, scope: LocalGovernment | Association) -> list[tuple[str, str]]:
        candidates = (
            [InvitedRole.COORDINATOR]
            if isinstance(scope, Association)
            else [InvitedRole.MEMBER, InvitedRole.FOCAL_POINT]
        )
        allowed = [
            (str(role.value), str(ROLE_LABELS[role.value]))
            for role in candidates
            if services.can_invite(self.request.user, role, scope)
        ]
        if not allowed:
            raise PermissionDenied
        return allowed

    def get(self, request: HttpRequest, kind: str, slug: str) -> HttpResponse:
        scope = self.scope()
        form = InvitationForm(roles=self.roles(scope))
        return render(request, self.template_name, {"form": form, "scope": scope})

    def post(self, request: HttpRequest, kind: str, slug: str) -> HttpResponse:
        scope = self.scope()
        form = InvitationForm(request.POST, roles=self.roles(scope))
        if form.is_valid():
            try:
                services.send_invitation(
                    request.user,
                    email=form.cleaned_data["email"],
                    name=form.cleaned_data["name"],
                    role=form.cleaned_data["role"],
                    local_government=scope if isinstance(scope, LocalGovernment) else None,
                    association=scope if isinstance(scope, Association) else None,
                    request=request,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("An invitation was sent to %(email)s.")
                    % {"email": form.cleaned_data["email"]},
                )
                return redirect("accounts:invitations")
        return render(request, self.template_name, {"form": form, "scope": scope}, status=400)


class AcceptInvitationView(View):
    template_name = "accounts/invitation_accept.html"

    def invitation(self, token: str) -> Invitation:
        invitation = services.open_invitation(token)
        if invitation is None:
            raise Http404
        return invitation

    def page(
        self, invitation: Invitation, form: AcceptInvitationForm | None, status: int = 200
    ) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {"invitation": invitation, "form": form},
            status=status,
        )

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        invitation = self.invitation(token)
        form = None
        if not request.user.is_authenticated:
            form = AcceptInvitationForm(initial={"name": invitation.name}, email=invitation.email)
        return self.page(invitation, form)

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        invitation = self.invitation(token)
        form = None
        try:
            if request.user.is_authenticated:
                services.accept_invitation(invitation, user=request.user)
            else:
                form = AcceptInvitationForm(request.POST, email=invitation.email)
                if not form.is_valid():
                    return self.page(invitation, form, status=400)
                user = services.accept_invitation(
                    invitation,
                    password=form.cleaned_data["password1"],
                    name=form.cleaned_data["name"],
                )
                login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return self.page(invitation, form, status=400)
        messages.success(request, _("Welcome to PeerLearn. Your role is now active."))
        return redirect(reverse("directory:profile"))


class NotificationListView(LoginRequiredMixin, ListView):
    """The user's inbox; opening it marks everything shown as read."""

    template_name = "accounts/notification_list.html"
    paginate_by = 30

    def get_queryset(self) -> Any:
        user: Any = self.request.user
        return Notification.objects.filter(user=user)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        unread = [n.pk for n in context["object_list"] if n.read_at is None]
        context["unread_ids"] = set(unread)
        services.mark_read(self.request.user, unread)
        return context
