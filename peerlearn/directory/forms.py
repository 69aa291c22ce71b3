"""Forms of the directory pages. Validation messages come from the models'
validators and constraints, so the form and the database say the same."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from peerlearn.directory.models import (
    Expertise,
    Language,
    LocalGovernment,
    Person,
    Topic,
)
from peerlearn.directory.services import CONTACT_FIELDS


class TopicChoiceField(forms.ModelChoiceField):
    """Topics grouped under their thematic area, labelled in the viewer's language."""

    def label_from_instance(self, obj: Topic) -> str:
        if obj.parent is None:
            return obj.label
        # A colon reads the same way in right-to-left text; an arrow would point back.
        return f"{obj.parent.label}: {obj.label}"


class LocalGovernmentForm(forms.ModelForm):
    class Meta:
        model = LocalGovernment
        fields = [
            "name",
            "name_local",
            "kind",
            "country",
            "region",
            "population",
            "official_languages",
            "departments",
            "website",
            "description",
            "head_since",
        ]
        widgets = {
            "head_since": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "official_languages": forms.CheckboxSelectMultiple,
            "departments": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["population"].widget.attrs["min"] = 0


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = [
            "name",
            "position",
            "role",
            "department",
            "languages",
            "biography",
            "email",
            "phone",
            "is_public",
        ]
        widgets = {
            "languages": forms.CheckboxSelectMultiple,
            "biography": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, contact: bool = True, **kwargs: Any) -> None:
        """`contact`: whether the editor may set the contact details and the
        publicity of the profile (see the rule directory.change_person_contact)."""
        super().__init__(*args, **kwargs)
        if not contact:
            for name in CONTACT_FIELDS:
                del self.fields[name]


class ExpertiseForm(forms.ModelForm):
    topic = TopicChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.select_related("parent").order_by("parent__position", "position"),
    )

    class Meta:
        model = Expertise
        fields = ["topic", "years", "summary"]
        widgets = {"years": forms.NumberInput(attrs={"min": 0, "max": 70})}

    def validate_unique(self) -> None:
        # The person is only known when the formset is saved; duplicates are
        # refused by ExpertiseFormSet.clean() instead.
        pass


class BaseExpertiseFormSet(forms.BaseModelFormSet):
    def clean(self) -> None:
        super().clean()
        seen: set[int] = set()
        for form in self.forms:
            if not form.cleaned_data or form.cleaned_data.get("DELETE"):
                continue
            topic = form.cleaned_data.get("topic")
            if topic is None:
                continue
            if topic.pk in seen:
                form.add_error("topic", _("This topic is already in the profile."))
            seen.add(topic.pk)

    def expertise(self) -> list[dict[str, Any]]:
        return [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("topic")
        ]


ExpertiseFormSet = forms.modelformset_factory(
    Expertise,
    form=ExpertiseForm,
    formset=BaseExpertiseFormSet,
    extra=2,
    can_delete=True,
    max_num=30,
    validate_max=True,
)


def languages_in_use() -> Any:
    return Language.objects.filter(Q(people__isnull=False)).distinct()
