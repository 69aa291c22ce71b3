"""The pages that follow an exchange from its first meeting to its closing:
the exchange page, one small form per action (each posting to one view that
calls one service function), the meetings' calendar files, and the
coordinator's list of a programme's exchanges."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, IntegerField, Prefetch, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from peerlearn.directory.models import Programme
from peerlearn.exchanges import calendar, queries, services
from peerlearn.exchanges.forms import (
    ActivityForm,
    CoordinationForm,
    EndorsementForm,
    FeedbackForm,
    FollowUpForm,
    LearningNoteForm,
    MeetingForm,
    MinutesForm,
    ParticipantForm,
    PhaseForm,
    StaffExchangeDecisionForm,
    StaffExchangeForm,
    local_governments_of,
    people_of,
)
from peerlearn.exchanges.models import (
    PHASE_ORDER,
    ClosingFeedback,
    Endorsement,
    Exchange,
    FollowUpAction,
    LearningNote,
    Meeting,
    Participant,
    Phase,
    Side,
    StaffExchangeRequest,
    WorkPlanActivity,
)
from peerlearn.exchanges.rules import may
from peerlearn.exchanges.views.seek_offer import programme_or_404
from peerlearn.lists import FilteredListView

VIEW = "exchanges.view_exchange"
CHANGE = "exchanges.change_exchange"

# Reads of the exchange page ------------------------------------------------------


def exchanges_with_programme() -> QuerySet[Exchange]:
    return Exchange.objects.select_related("programme__association", "match")


def phase_steps(exchange: Exchange) -> list[dict[str, Any]]:
    """MILE's five phases, each marked done, current or to come."""
    current = PHASE_ORDER.index(exchange.phase)
    return [
        {
            "value": value,
            "label": Phase(value).label,
            "done": index < current,
            "current": index == current,
        }
        for index, value in enumerate(PHASE_ORDER)
        if value != Phase.CLOSED
    ]


def endorsement_rows(exchange: Exchange) -> list[dict[str, Any]]:
    """For every participating local government: its endorsements, newest
    first, and whether a (new) sign-off is due."""
    participants = exchange.participants.select_related("local_government").order_by("side")
    endorsements = list(exchange.endorsements.select_related("local_government"))
    # A closed exchange has nothing left to sign.
    due = set() if exchange.is_closed else {lg.pk for lg in services.endorsements_due(exchange)}
    rows: list[dict[str, Any]] = []
    seen: set[int] = set()
    for participant in participants:
        lg = participant.local_government
        if lg is None or lg.pk in seen:
            continue
        seen.add(lg.pk)
        own = [e for e in endorsements if e.local_government_id == lg.pk]
        rows.append(
            {
                "local_government": lg,
                "side": participant.get_side_display(),
                "endorsements": own,
                "due": lg.pk in due,
                "renewal": lg.pk in due and bool(own),
            }
        )
    return rows


def exchange_page_data(exchange: Exchange, user: Any) -> dict[str, Any]:
    now = timezone.now()
    today = timezone.localdate()
    meetings = list(
        exchange.meetings.prefetch_related(
            "attendees",
            Prefetch("actions", queryset=FollowUpAction.objects.select_related("owner")),
        )
    )
    for meeting in meetings:
        for action in meeting.actions.all():
            action.is_overdue = services.follow_up_is_overdue(action, today)  # type: ignore[attr-defined]
    upcoming = [m for m in meetings if services.meeting_is_upcoming(m, now)]
    past = [m for m in reversed(meetings) if m not in upcoming]
    staff_exchanges = list(
        exchange.staff_exchanges.select_related(
            "staff_member", "home", "host", "home_approved_by", "host_approved_by"
        ).order_by("-requested_at")
    )
    for request in staff_exchanges:
        request.exchange = exchange
        request.decides_for = services.staff_exchange_sides_waiting(user, request)  # type: ignore[attr-defined]
    feedback = {f.side: f for f in exchange.feedback.all()}
    my_sides = services.feedback_sides(user, exchange)
    can_change = services.may_change_exchange(user, exchange)
    return {
        "exchange": exchange,
        "programme": exchange.programme,
        "participants": participant_rows(exchange, user),
        "steps": phase_steps(exchange),
        "dormant": queries.is_dormant(exchange, now),
        "upcoming": upcoming,
        "past": past,
        "staff_exchanges": staff_exchanges,
        "activities": exchange.activities.select_related("responsible"),
        "endorsements": endorsement_rows(exchange),
        "feedback": [
            {"side": Side(side).label, "answer": feedback.get(side)}
            for side in (Side.SEEKING, Side.OFFERING)
        ],
        "feedback_open": any(side not in feedback for side in my_sides),
        "note": LearningNote.objects.filter(exchange=exchange).select_related("written_by").first(),
        "can_change": can_change,
        "can_switch_coordination": can_change and services.coordination_can_change(exchange),
        "can_write_note": services.may_write_learning_note(user, exchange),
        "can_see_list": may(user, "exchanges.view_dashboard", exchange.programme),
        "phase_form": PhaseForm(initial={"phase": exchange.phase}),
        "coordination_form": CoordinationForm(initial={"coordination": exchange.coordination}),
    }


def participant_rows(exchange: Exchange, user: Any) -> list[Participant]:
    rows = list(
        exchange.participants.select_related("person", "local_government").order_by(
            "side", "role", "person__name"
        )
    )
    founder_ids = services.founders(exchange)
    open_sides = services.sides_open_to(user, exchange)
    for row in rows:
        row.removable = row.side in open_sides and not services.is_founder(row, founder_ids)  # type: ignore[attr-defined]
    return rows


# Loading, with the permission ------------------------------------------------------


def allowed(request: HttpRequest, permission: str, exchange: Exchange) -> bool:
    if permission == CHANGE:
        return services.may_change_exchange(request.user, exchange)
    return bool(may(request.user, permission, exchange))


def load_exchange(request: HttpRequest, pk: int, permission: str = VIEW) -> Exchange:
    """The exchange (404 when missing), if the user has `permission` on it (403)."""
    exchange = get_object_or_404(exchanges_with_programme(), pk=pk)
    if not allowed(request, permission, exchange):
        raise PermissionDenied
    return exchange


def load_part(request: HttpRequest, model: Any, pk: int, permission: str) -> Any:
    """A meeting, activity, request … of an exchange, checked on its exchange."""
    path = "meeting__exchange" if model is FollowUpAction else "exchange"
    obj = get_object_or_404(
        model.objects.select_related(f"{path}__programme__association", f"{path}__match"), pk=pk
    )
    exchange = obj.meeting.exchange if model is FollowUpAction else obj.exchange
    if not allowed(request, permission, exchange):
        raise PermissionDenied
    return obj


def attach(form: forms.BaseForm, error: ValidationError) -> None:
    """Show a service's refusal on the form: beside the field it names when the
    form has that field, above the form otherwise."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


# The exchange page ---------------------------------------------------------------


class ExchangeView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        exchange = load_exchange(request, pk)
        return render(
            request, "exchanges/exchange_detail.html", exchange_page_data(exchange, request.user)
        )


# One form per action ----------------------------------------------------------------


class ExchangeFormView(LoginRequiredMixin, View):
    """One action on an exchange: GET shows its form on a page of its own (the
    exchange page also carries the short ones), POST validates the form and
    calls one service function. A refusal shows the form again with what was
    typed and the reason (400); success goes back to the exchange page."""

    template_name = "exchanges/exchange_form.html"
    heading: Any = ""
    intro: Any = ""
    submit_label: Any = gettext_lazy("Save")
    success_message: Any = gettext_lazy("Saved.")
    section = ""  # where on the exchange page to come back to
    exchange: Exchange

    def load(self) -> None:
        """Set `self.exchange` (and the object acted on); 403 if not allowed."""
        raise NotImplementedError

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return forms.Form(data)

    def perform(self, form: forms.BaseForm) -> Any:
        raise NotImplementedError

    def subject(self) -> str:
        return ""

    def buttons(self) -> list[dict[str, Any]]:
        return [{"label": self.submit_label}]

    def links(self) -> list[tuple[str, str]]:
        return []

    def back_url(self) -> str:
        url = self.exchange.get_absolute_url()
        return f"{url}#{self.section}" if self.section else url

    def page(self, form: forms.BaseForm, status: int = 200) -> HttpResponse:
        return render(
            self.request,
            self.template_name,
            {
                "exchange": self.exchange,
                "programme": self.exchange.programme,
                "form": form,
                "heading": self.heading,
                "subject": self.subject(),
                "intro": self.intro,
                "buttons": self.buttons(),
                "links": self.links(),
                "action": self.request.path,
                "back_url": self.back_url(),
            },
            status=status,
        )

    def get(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        self.load()
        return self.page(self.make_form())

    def post(self, request: HttpRequest, **kwargs: Any) -> HttpResponse:
        self.load()
        form = self.make_form(request.POST)
        if form.is_valid():
            try:
                self.perform(form)
            except ValidationError as error:
                attach(form, error)
            else:
                messages.success(request, str(self.success_message))
                return redirect(self.back_url())
        return self.page(form, status=400)


class PostOnlyMixin:
    """A button on the exchange page: there is no page to GET (405)."""

    http_method_names: Sequence[str] = ["post"]


class ExchangeActionView(ExchangeFormView):
    """An action on the exchange itself, for whoever may change it."""

    permission = CHANGE

    def load(self) -> None:
        self.exchange = load_exchange(self.request, self.kwargs["pk"], self.permission)


class PhaseView(ExchangeActionView):
    heading = gettext_lazy("Change the phase")
    intro = gettext_lazy(
        "MILE's phases: courtship, inspiration and reflection, adoption and adaptation, "
        "supported implementation, after-care."
    )
    submit_label = gettext_lazy("Change the phase")
    success_message = gettext_lazy("The phase is changed.")
    section = "phase"

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return PhaseForm(data, initial={"phase": self.exchange.phase})

    def perform(self, form: forms.BaseForm) -> Any:
        return services.set_phase(self.request.user, self.exchange, form.cleaned_data["phase"])


class CoordinationView(ExchangeActionView):
    heading = gettext_lazy("Change the coordination")
    intro = gettext_lazy(
        "After the first meeting, the two sides either carry on by themselves or keep "
        "the association coordinating."
    )
    submit_label = gettext_lazy("Change the coordination")
    success_message = gettext_lazy("The coordination is changed.")
    section = "coordination"

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return CoordinationForm(data, initial={"coordination": self.exchange.coordination})

    def perform(self, form: forms.BaseForm) -> Any:
        return services.set_coordination(
            self.request.user, self.exchange, form.cleaned_data["coordination"]
        )


class CloseView(PostOnlyMixin, ExchangeActionView):
    heading = gettext_lazy("Close the exchange")
    intro = gettext_lazy(
        "Once closed, the exchange can no longer be changed; both sides are asked to answer "
        "the closing questionnaire."
    )
    submit_label = gettext_lazy("Close the exchange")
    success_message = gettext_lazy(
        "The exchange is closed. Both sides are asked for their feedback."
    )

    def links(self) -> list[tuple[str, str]]:
        return [
            (
                reverse("exchanges:learning_note", kwargs={"pk": self.exchange.pk}),
                _("Write the learning note"),
            )
        ]

    def perform(self, form: forms.BaseForm) -> Any:
        return services.close_exchange(self.request.user, self.exchange)


class MeetingNewView(ExchangeActionView):
    heading = gettext_lazy("Schedule a meeting")
    submit_label = gettext_lazy("Schedule the meeting")
    success_message = gettext_lazy("The meeting is scheduled; the participants have been told.")
    section = "meetings"

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return MeetingForm(
            data, instance=Meeting(exchange=self.exchange), people=people_of(self.exchange)
        )

    def perform(self, form: forms.BaseForm) -> Any:
        return services.schedule_meeting(self.request.user, self.exchange, form.cleaned_data)


class MeetingPartView(ExchangeFormView):
    """An action on one meeting (or one of its follow-up actions)."""

    model: Any = Meeting
    permission = CHANGE
    section = "meetings"
    target: Any

    def load(self) -> None:
        self.target = load_part(self.request, self.model, self.kwargs["pk"], self.permission)
        self.meeting = self.target.meeting if self.model is FollowUpAction else self.target
        self.exchange = self.meeting.exchange

    def subject(self) -> str:
        return self.meeting.title

    def fresh(self) -> Any:
        # The form works on a copy, so that a refused change leaves the
        # object the service receives as it is stored.
        return type(self.target).objects.get(pk=self.target.pk)


class MeetingEditView(MeetingPartView):
    heading = gettext_lazy("Change the meeting")
    intro = gettext_lazy(
        "A change of time or place is sent to calendars as an update of the same event."
    )
    success_message = gettext_lazy("The meeting is changed.")

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return MeetingForm(data, instance=self.fresh(), people=people_of(self.exchange))

    def perform(self, form: forms.BaseForm) -> Any:
        return services.update_meeting(self.request.user, self.target, form.cleaned_data)


class MinutesView(MeetingPartView):
    heading = gettext_lazy("Minutes and attendance")
    intro = gettext_lazy("Mark the meeting as held or cancelled, and record who came.")
    success_message = gettext_lazy("The minutes are saved.")

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return MinutesForm(data, instance=self.fresh(), people=people_of(self.exchange))

    def perform(self, form: forms.BaseForm) -> Any:
        return services.update_meeting(self.request.user, self.target, form.cleaned_data)


class FollowUpNewView(MeetingPartView):
    heading = gettext_lazy("Add a follow-up action")
    submit_label = gettext_lazy("Add the action")
    success_message = gettext_lazy("The follow-up action is added.")

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return FollowUpForm(
            data, instance=FollowUpAction(meeting=self.target), people=people_of(self.exchange)
        )

    def perform(self, form: forms.BaseForm) -> Any:
        return services.add_follow_up(self.request.user, self.target, form.cleaned_data)


class FollowUpDoneView(PostOnlyMixin, MeetingPartView):
    model = FollowUpAction
    heading = gettext_lazy("Mark the action as done")
    submit_label = gettext_lazy("Mark as done")
    success_message = gettext_lazy("The action is marked as done.")

    def subject(self) -> str:
        return str(self.target.description)

    def perform(self, form: forms.BaseForm) -> Any:
        return services.complete_follow_up(self.request.user, self.target)


class ParticipantNewView(ExchangeActionView):
    heading = gettext_lazy("Add a participant")
    intro = gettext_lazy(
        "A colleague from one of the local governments in this exchange, or the association's "
        "coordinator. They will see the exchange, its meetings and minutes, and can be named "
        "in meetings, actions and staff exchanges."
    )
    submit_label = gettext_lazy("Add")
    success_message = gettext_lazy("The participant is added and has been told.")
    section = "participants"

    def make_form(self, data: Any = None) -> forms.BaseForm:
        sides = services.sides_open_to(self.request.user, self.exchange)
        by_side = services.local_governments_by_side(self.exchange)
        people = queries.people_who_may_join(
            self.exchange,
            {lg for side in sides & by_side.keys() for lg in by_side[side]},
            association=Side.ASSOCIATION in sides,
        )
        return ParticipantForm(data, people=people)

    def perform(self, form: forms.BaseForm) -> Any:
        return services.add_participant(
            self.request.user,
            self.exchange,
            form.cleaned_data["person"],
            form.cleaned_data["role"],
        )


class ParticipantRemoveView(PostOnlyMixin, ExchangeFormView):
    heading = gettext_lazy("Remove the participant")
    success_message = gettext_lazy("The participant is removed.")
    section = "participants"

    def load(self) -> None:
        self.target = load_part(self.request, Participant, self.kwargs["pk"], CHANGE)
        self.exchange = self.target.exchange

    def perform(self, form: forms.BaseForm) -> Any:
        return services.remove_participant(self.request.user, self.target)


class StaffExchangeNewView(ExchangeActionView):
    heading = gettext_lazy("Request a staff exchange")
    intro = gettext_lazy(
        "A member of staff stays with the other local government for a while. Both focal "
        "points, of the sending and of the host local government, approve the request."
    )
    submit_label = gettext_lazy("Send the request")
    success_message = gettext_lazy(
        "The request is sent to the focal points of both local governments."
    )
    section = "staff-exchanges"

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return StaffExchangeForm(
            data,
            instance=StaffExchangeRequest(exchange=self.exchange),
            people=people_of(self.exchange),
            local_governments=local_governments_of(self.exchange),
        )

    def perform(self, form: forms.BaseForm) -> Any:
        return services.request_staff_exchange(self.request.user, self.exchange, form.cleaned_data)


class StaffExchangeDecideView(PostOnlyMixin, ExchangeFormView):
    heading = gettext_lazy("Approve or refuse the staff exchange")
    section = "staff-exchanges"

    def load(self) -> None:
        self.target = load_part(self.request, StaffExchangeRequest, self.kwargs["pk"], VIEW)
        self.exchange = self.target.exchange
        if not services.staff_exchange_sides(self.request.user, self.target):
            raise PermissionDenied

    def subject(self) -> str:
        return f"{self.target.staff_member.name} → {self.target.host.name}"

    def buttons(self) -> list[dict[str, Any]]:
        return [
            {"label": _("Approve"), "name": "decision", "value": "approve"},
            {"label": _("Refuse"), "name": "decision", "value": "refuse", "secondary": True},
        ]

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return StaffExchangeDecisionForm(data)

    def perform(self, form: forms.BaseForm) -> Any:
        decision = self.request.POST.get("decision")
        if decision not in {"approve", "refuse"}:
            raise ValidationError(_("Choose to approve or to refuse."))
        result = services.decide_staff_exchange(
            self.request.user,
            self.target,
            approve=decision == "approve",
            reason=form.cleaned_data["reason"],
        )
        self.success_message = (
            _("The staff exchange is approved by both sides.")
            if result.status == StaffExchangeRequest.Status.APPROVED
            else _("Your approval is recorded; the other side has yet to approve.")
            if result.status == StaffExchangeRequest.Status.REQUESTED
            else _("The staff exchange is refused.")
        )
        return result


class ActivityNewView(ExchangeActionView):
    heading = gettext_lazy("Add an activity to the work plan")
    intro = gettext_lazy(
        "The joint work plan: what will be done, when, with what result, and who is responsible."
    )
    submit_label = gettext_lazy("Add the activity")
    success_message = gettext_lazy("The activity is added to the work plan.")
    section = "work-plan"

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return ActivityForm(
            data,
            instance=WorkPlanActivity(exchange=self.exchange),
            people=people_of(self.exchange),
        )

    def perform(self, form: forms.BaseForm) -> Any:
        return services.save_activity(
            self.request.user, WorkPlanActivity(exchange=self.exchange), form.cleaned_data
        )


class ActivityEditView(ExchangeFormView):
    heading = gettext_lazy("Change the activity")
    success_message = gettext_lazy("The activity is saved.")
    section = "work-plan"

    def load(self) -> None:
        self.target = load_part(self.request, WorkPlanActivity, self.kwargs["pk"], CHANGE)
        self.exchange = self.target.exchange

    def subject(self) -> str:
        return str(self.target.title)

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return ActivityForm(
            data,
            instance=WorkPlanActivity.objects.get(pk=self.target.pk),
            people=people_of(self.exchange),
        )

    def perform(self, form: forms.BaseForm) -> Any:
        return services.save_activity(self.request.user, self.target, form.cleaned_data)


class EndorsementNewView(ExchangeActionView):
    heading = gettext_lazy("Record a political endorsement")
    intro = gettext_lazy(
        "The mayor's or council's sign-off of the exchange. After an election, record the "
        "new mayor's endorsement."
    )
    submit_label = gettext_lazy("Record the endorsement")
    success_message = gettext_lazy("The endorsement is recorded.")
    section = "endorsements"

    def make_form(self, data: Any = None) -> forms.BaseForm:
        # The re-endorsement prompt links here with its local government chosen.
        chosen = self.request.GET.get("local_government")
        return EndorsementForm(
            data,
            instance=Endorsement(exchange=self.exchange),
            initial={"local_government": chosen} if chosen and chosen.isdigit() else None,
            local_governments=local_governments_of(self.exchange),
        )

    def perform(self, form: forms.BaseForm) -> Any:
        return services.record_endorsement(self.request.user, self.exchange, form.cleaned_data)


class LearningNoteView(ExchangeFormView):
    heading = gettext_lazy("The learning note")
    intro = gettext_lazy(
        "What was learnt, for the next local governments: what worked, and what did not."
    )
    success_message = gettext_lazy("The learning note is saved.")
    section = "learning-note"

    def load(self) -> None:
        self.exchange = load_exchange(self.request, self.kwargs["pk"])
        if not services.may_write_learning_note(self.request.user, self.exchange):
            raise PermissionDenied

    def make_form(self, data: Any = None) -> forms.BaseForm:
        note = LearningNote.objects.filter(exchange=self.exchange).first()
        return LearningNoteForm(data, instance=note or LearningNote(exchange=self.exchange))

    def perform(self, form: forms.BaseForm) -> Any:
        return services.write_learning_note(self.request.user, self.exchange, form.cleaned_data)


class FeedbackView(ExchangeFormView):
    heading = gettext_lazy("Closing questionnaire")
    intro = gettext_lazy(
        "One answer for each side of the exchange. Ratings go from 1 (poor) to 5 (very good)."
    )
    submit_label = gettext_lazy("Send the answers")
    success_message = gettext_lazy("Thank you: your answers are recorded.")
    section = "feedback"

    def load(self) -> None:
        self.exchange = load_exchange(self.request, self.kwargs["pk"])
        self.sides = services.feedback_sides(self.request.user, self.exchange)
        if not self.sides:
            raise PermissionDenied

    def make_form(self, data: Any = None) -> forms.BaseForm:
        return FeedbackForm(
            data,
            instance=ClosingFeedback(exchange=self.exchange),
            sides=[(side, Side(side).label) for side in self.sides],
        )

    def perform(self, form: forms.BaseForm) -> Any:
        return services.submit_feedback(self.request.user, self.exchange, form.cleaned_data)


# The calendar file of a meeting --------------------------------------------------------


class MeetingCalendarView(LoginRequiredMixin, View):
    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        meeting = load_part(request, Meeting, pk, VIEW)
        body = calendar.meeting_calendar(
            meeting, request.build_absolute_uri(meeting.exchange.get_absolute_url())
        )
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{calendar.filename(meeting)}"'
        return response


# The coordinator's list of a programme's exchanges ------------------------------------

PHASE_RANK = Case(
    *[When(phase=value, then=Value(rank)) for rank, value in enumerate(PHASE_ORDER)],
    output_field=IntegerField(),
)
SORTS: dict[str, tuple[Any, Sequence[Any]]] = {
    "activity": (gettext_lazy("most recent activity first"), ("-last_activity_at", "pk")),
    "quiet": (gettext_lazy("longest without activity first"), ("last_activity_at", "pk")),
    "started": (gettext_lazy("most recently started first"), ("-started_at", "pk")),
    "phase": (gettext_lazy("phase"), (PHASE_RANK.asc(), "-last_activity_at", "pk")),
    "title": (gettext_lazy("title"), ("title", "pk")),
}


class ExchangeFilter(django_filters.FilterSet):
    phase = django_filters.ChoiceFilter(
        label=gettext_lazy("Phase"), choices=Phase.choices, empty_label=gettext_lazy("all")
    )
    coordination = django_filters.ChoiceFilter(
        label=gettext_lazy("Coordination"),
        choices=Exchange.Coordination.choices,
        empty_label=gettext_lazy("all"),
    )
    dormant = django_filters.ChoiceFilter(
        label=gettext_lazy("Activity"),
        choices=[
            ("yes", gettext_lazy("dormant (no activity for 120 days)")),
            ("no", gettext_lazy("active")),
        ],
        method="filter_dormant",
        empty_label=gettext_lazy("all"),
    )
    sort = django_filters.ChoiceFilter(
        label=gettext_lazy("Sort by"),
        choices=[(key, label) for key, (label, _order) in SORTS.items()],
        method="sort_by",
        empty_label=None,
    )

    class Meta:
        model = Exchange
        fields: list[str] = []

    def filter_dormant(self, queryset: QuerySet[Exchange], name: str, value: Any) -> Any:
        if not value:
            return queryset
        return services.filter_dormant(queryset, timezone.now(), dormant=value == "yes")

    def sort_by(self, queryset: QuerySet[Exchange], name: str, value: Any) -> Any:
        return queryset.order_by(*SORTS.get(value or "activity", SORTS["activity"])[1])


class ProgrammeExchangesView(LoginRequiredMixin, FilteredListView):
    filterset_class = ExchangeFilter
    template_name = "exchanges/exchange_list.html"
    csv_filename = "exchanges.csv"

    def programme(self) -> Programme:
        if not hasattr(self, "_programme"):
            self._programme = programme_or_404(self.kwargs["programme"])
            if not may(self.request.user, "exchanges.view_dashboard", self._programme):
                raise PermissionDenied
        return self._programme

    def get_base_queryset(self) -> QuerySet[Exchange]:
        return queries.exchanges_of(self.programme()).order_by(*SORTS["activity"][1])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        for exchange in context["object_list"]:
            exchange.dormant = queries.is_dormant(exchange, now)
            exchange.local_government_names = lg_names(exchange)
        context["programme"] = self.programme()
        return context

    def csv_header(self) -> Sequence[str]:
        return [
            _("Title"),
            _("Kind"),
            _("Local governments"),
            _("Phase"),
            _("Coordination"),
            _("Started"),
            _("Last activity"),
            _("Dormant"),
        ]

    def csv_row(self, exchange: Exchange) -> Sequence[Any]:
        return [
            exchange.title,
            exchange.get_kind_display(),
            "; ".join(lg_names(exchange)),
            exchange.get_phase_display(),
            exchange.get_coordination_display(),
            exchange.started_at.date().isoformat(),
            exchange.last_activity_at.date().isoformat(),
            _("yes") if queries.is_dormant(exchange, timezone.now()) else _("no"),
        ]


def lg_names(exchange: Exchange) -> list[str]:
    """The local governments taking part, from the prefetched participants."""
    names: list[str] = []
    participant: Participant
    for participant in exchange.participants.all():
        lg = participant.local_government
        if lg is not None and lg.name not in names:
            names.append(lg.name)
    return names
