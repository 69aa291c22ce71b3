"""Forms of seek & offer, review, matching and exchanges."""

from __future__ import annotations

import functools
import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from peerlearn.directory.forms import TopicChoiceField
from peerlearn.directory.models import Language, LocalGovernment, Person, Topic
from peerlearn.exchanges.models import (
    ClosingFeedback,
    Endorsement,
    Exchange,
    FollowUpAction,
    LearningNote,
    MatchingRun,
    Meeting,
    Need,
    Offer,
    ParticipantRole,
    Phase,
    StaffExchangeRequest,
    WorkPlanActivity,
    time_zone_names,
)
from peerlearn.exchanges.services import NEED_FIELDS, OFFER_FIELDS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class TopicsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return TopicChoiceField.label_from_instance(self, obj)  # type: ignore[arg-type]


def topics_field() -> TopicsField:
    return TopicsField(
        label=_("Topics"),
        queryset=Topic.objects.filter(parent__isnull=False)
        .select_related("parent")
        .order_by("parent__position", "position"),
        widget=forms.SelectMultiple(attrs={"size": 10}),
        help_text=_("Choose one or more; hold Ctrl (or ⌘) to choose several."),
    )


def languages_field(label: Any = None) -> forms.ModelMultipleChoiceField:
    return forms.ModelMultipleChoiceField(
        label=label or _("Working languages"),
        queryset=Language.objects.order_by("label_en"),
        widget=forms.CheckboxSelectMultiple,
    )


class SectionedForm:
    """A long form shown as fieldsets: `sections` lists (legend, field names)."""

    sections: tuple[tuple[Any, tuple[str, ...]], ...] = ()

    def grouped(self) -> list[tuple[Any, list[Any]]]:
        form: Any = self
        return [(title, [form[name] for name in names]) for title, names in self.sections]


class OfferForm(SectionedForm, forms.ModelForm):
    topics = topics_field()
    languages = languages_field()

    # Groups of the form, each a fieldset with its question as legend.
    sections = (
        (
            _("What you offer"),
            ("topics", "description", "text_language", "languages", "years_experience", "capacity"),
        ),
        (_("How you can help"), ("online", "in_person", "hosts_visits", "travels")),
        (_("Where you can help"), ("serves_region", "serves_country", "serves_abroad")),
        (_("When you are available"), ("available_from", "available_until")),
    )

    class Meta:
        model = Offer
        fields = list(OFFER_FIELDS)
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "available_from": DATE,
            "available_until": DATE,
            "years_experience": forms.NumberInput(attrs={"min": 0, "max": 70}),
            "capacity": forms.NumberInput(attrs={"min": 1, "max": 20}),
        }


class NeedForm(SectionedForm, forms.ModelForm):
    topics = topics_field()
    languages = languages_field()
    also_for = forms.ModelMultipleChoiceField(
        label=_("Other local governments joining this request"),
        queryset=LocalGovernment.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("For a group request: local governments with the same need."),
    )

    class Meta:
        model = Need
        fields = ["local_government", *NEED_FIELDS]
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 5}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "baseline": forms.Textarea(attrs={"rows": 3}),
            "why_learn": forms.Textarea(attrs={"rows": 2}),
            "why_share": forms.Textarea(attrs={"rows": 2}),
            "language_needs": forms.Textarea(attrs={"rows": 2}),
            "wanted_by": DATE,
        }

    # Sections of the form, following UCLG's learning checklist.
    sections = (
        (
            _("What you need"),
            (
                "local_government",
                "title",
                "topics",
                "problem",
                "outcome",
                "text_language",
                "kind",
                "modality",
                "scope",
                "languages",
                "requires_equivalence",
                "offers_wanted",
                "urgency",
                "wanted_by",
                "also_for",
            ),
        ),
        (_("Concept and purpose"), ("baseline", "why_learn", "why_share")),
        (
            _("Time and place"),
            ("days_for_learning", "days_to_implement", "staff_can_travel", "site_visit_wanted"),
        ),
        (
            _("People and finance"),
            ("staff_involved", "part_of_their_job", "funding_learning", "funding_applying"),
        ),
        (_("Communication"), ("interpretation", "language_needs")),
    )

    def __init__(
        self, *args: Any, local_governments: Any, programme_lgs: Any, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["local_government"]
        field.queryset = local_governments
        field.empty_label = None
        also: Any = self.fields["also_for"]
        also.queryset = programme_lgs


class ReviewForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the author"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when you ask for changes."),
    )


class MatchingRunForm(forms.ModelForm):
    class Meta:
        model = MatchingRun
        fields = ["solver", "minimum_score"]
        widgets = {"minimum_score": forms.NumberInput(attrs={"min": 0, "max": 1, "step": 0.05})}


class PairRuleForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class AnswerForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (required to decline)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(
        label=_("Phase"), choices=[c for c in Phase.choices if c[0] != Phase.CLOSED]
    )


class CoordinationForm(forms.Form):
    coordination = forms.ChoiceField(label=_("Coordination"), choices=Exchange.Coordination.choices)


@functools.cache
def time_zone_choices() -> tuple[tuple[str, str], ...]:
    return tuple((name, name.replace("_", " ")) for name in sorted(time_zone_names()))


MEETING_YEARS = (1990, 2200)


class MeetingForm(forms.ModelForm):
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices, initial="UTC")

    class Meta:
        model = Meeting
        fields = [
            "title",
            "starts_at",
            "ends_at",
            "time_zone",
            "online_link",
            "place",
            "attendees",
            "agenda",
        ]
        widgets = {
            "starts_at": DATETIME,
            "ends_at": DATETIME,
            "agenda": forms.Textarea(attrs={"rows": 4}),
            "attendees": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "starts_at": _("Local time in the time zone below."),
        }

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attendees: Any = self.fields["attendees"]
        attendees.queryset = people
        if self.instance.pk:
            # Show the times as they were typed: in the meeting's own time zone.
            zone = zoneinfo.ZoneInfo(self.instance.time_zone)
            for name in ("starts_at", "ends_at"):
                value = getattr(self.instance, name)
                self.initial[name] = value.astimezone(zone).replace(tzinfo=None)

    def clean(self) -> dict[str, Any]:
        """The times are typed in the meeting's own time zone, not the server's."""
        cleaned = super().clean() or {}
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = zoneinfo.ZoneInfo(zone_name)
            for name in ("starts_at", "ends_at"):
                value = cleaned.get(name)
                if value is None:
                    continue
                if not MEETING_YEARS[0] <= value.year <= MEETING_YEARS[1]:
                    # Far dates overflow time-zone arithmetic (and are typos).
                    self.add_error(
                        name,
                        _("Give a date between %(first)d and %(last)d.")
                        % {"first": MEETING_YEARS[0], "last": MEETING_YEARS[1]},
                    )
                    continue
                cleaned[name] = value.replace(tzinfo=None).replace(tzinfo=zone)
        starts, ends = cleaned.get("starts_at"), cleaned.get("ends_at")
        if starts and ends and ends <= starts:
            self.add_error("ends_at", _("A meeting must end after it starts."))
        return cleaned


class MinutesForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = ["status", "attendees", "minutes"]
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 8}),
            "attendees": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        attendees: Any = self.fields["attendees"]
        attendees.queryset = people


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUpAction
        fields = ["description", "owner", "due_on"]
        widgets = {"due_on": DATE}

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner: Any = self.fields["owner"]
        owner.queryset = people


class StaffExchangeForm(forms.ModelForm):
    class Meta:
        model = StaffExchangeRequest
        fields = ["staff_member", "home", "host", "starts_on", "ends_on", "purpose"]
        widgets = {"starts_on": DATE, "ends_on": DATE, "purpose": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, people: Any, local_governments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["staff_member"].queryset = people
        fields["home"].queryset = local_governments
        fields["host"].queryset = local_governments


class ActivityForm(forms.ModelForm):
    class Meta:
        model = WorkPlanActivity
        fields = ["title", "starts_on", "ends_on", "expected_result", "responsible", "status"]
        widgets = {"starts_on": DATE, "ends_on": DATE}

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        responsible: Any = self.fields["responsible"]
        responsible.queryset = people


class EndorsementForm(forms.ModelForm):
    class Meta:
        model = Endorsement
        fields = ["local_government", "endorsed_by", "endorsed_on"]
        widgets = {"endorsed_on": DATE}

    def __init__(self, *args: Any, local_governments: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["local_government"]
        field.queryset = local_governments


RATING = forms.RadioSelect


class FeedbackForm(forms.ModelForm):
    would_do_again = forms.TypedChoiceField(
        label=_("Would you do it again?"),
        choices=[("yes", _("yes")), ("no", _("no"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ClosingFeedback
        fields = [
            "side",
            "achieved",
            "changed_in_practice",
            "would_do_again",
            "usefulness",
            "relationship",
            "organisation",
        ]
        widgets = {
            "achieved": forms.Textarea(attrs={"rows": 3}),
            "changed_in_practice": forms.Textarea(attrs={"rows": 3}),
            "usefulness": forms.RadioSelect(choices=[(i, str(i)) for i in range(1, 6)]),
            "relationship": forms.RadioSelect(choices=[(i, str(i)) for i in range(1, 6)]),
            "organisation": forms.RadioSelect(choices=[(i, str(i)) for i in range(1, 6)]),
            "side": forms.RadioSelect,
        }

    def __init__(self, *args: Any, sides: list[tuple[str, Any]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        side: Any = self.fields["side"]
        side.choices = sides
        if len(sides) == 1:
            # The form's initial data (from the new, blank instance) wins over
            # the field's: the only side is chosen there.
            self.initial["side"] = sides[0][0]


class LearningNoteForm(forms.ModelForm):
    class Meta:
        model = LearningNote
        fields = ["summary", "what_worked", "what_did_not"]
        widgets = {
            name: forms.Textarea(attrs={"rows": 4})
            for name in ["summary", "what_worked", "what_did_not"]
        }


class StaffExchangeDecisionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (required to refuse)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ParticipantForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Person"), queryset=Person.objects.none())
    role = forms.ChoiceField(
        label=_("Role"),
        choices=ParticipantRole.choices,
        help_text=_(
            "Seeking side: mentee or visitor; offering side: mentor or host; "
            "association staff: coordinator."
        ),
    )

    def __init__(self, *args: Any, people: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = people  # type: ignore[attr-defined]


def people_of(exchange: Exchange) -> Any:
    return Person.objects.filter(participations__exchange=exchange).distinct().order_by("name")


def local_governments_of(exchange: Exchange) -> Any:
    return LocalGovernment.objects.filter(
        pk__in=exchange.participants.exclude(local_government=None).values("local_government")
    ).order_by("name")
