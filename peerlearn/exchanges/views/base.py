"""What the exchange pages share: loading an object with its permission, and
POST actions that call one service function and come back with a message."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View

from peerlearn.exchanges.rules import may


def load(request: HttpRequest, model: type[Model] | Any, pk: Any, permission: str) -> Any:
    """The object, if the user may see it (404 when missing, 403 otherwise)."""
    obj = get_object_or_404(model, pk=pk)
    if not may(request.user, permission, obj):
        raise PermissionDenied
    return obj


def posted_pk(request: HttpRequest, name: str) -> int:
    """A record id sent by a form; anything else is a refusal, not an error page."""
    value = request.POST.get(name, "")
    if not value.isdigit():
        raise Http404
    return int(value)


def decision(request: HttpRequest, *choices: str) -> str:
    """Which button was pressed; a request without one changes nothing."""
    value = request.POST.get("decision", "")
    if value not in choices:
        raise ValidationError(_("Choose one of the buttons."))
    return value


def cleaned(form: Any) -> dict[str, Any]:
    """The cleaned data of a button's small form; its errors refuse the action
    rather than being dropped."""
    if not form.is_valid():
        raise ValidationError([e for errors in form.errors.values() for e in errors])
    return dict(form.cleaned_data)


def error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def back(request: HttpRequest, default: str) -> HttpResponseRedirect:
    """Return to the page named in `next` when it is on this site."""
    target = request.POST.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return HttpResponseRedirect(target)
    return HttpResponseRedirect(default)


class ActionView(View):
    """A button: POST only. `get_object` loads (and checks who may see it),
    `perform` calls one service function, the user goes back with a message."""

    http_method_names = ["post"]
    success_message: Any = ""

    def get_object(self, request: HttpRequest, **kwargs: Any) -> Any:
        raise NotImplementedError

    def perform(self, request: HttpRequest, obj: Any) -> Any:
        raise NotImplementedError

    def target(self, obj: Any, result: Any) -> str:
        return str(obj.get_absolute_url())

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            raise PermissionDenied
        obj = self.get_object(request, **kwargs)
        try:
            result = self.perform(request, obj)
        except ValidationError as error:
            messages.error(request, error_text(error))
            return back(request, self.target(obj, None))
        if self.success_message:
            messages.success(request, str(self.success_message))
        return back(request, self.target(obj, result))
