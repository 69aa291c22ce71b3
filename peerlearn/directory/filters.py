"""Filter and sort forms of the directory lists."""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from peerlearn.directory.forms import TopicChoiceField
from peerlearn.directory.models import (
    Association,
    Language,
    LocalGovernment,
    LocalGovernmentKind,
    Person,
    PersonRole,
    Topic,
)
from peerlearn.directory.queries import (
    local_governments_with_expertise_in,
    speaking,
    with_expertise_in,
)


class QuickSelect(forms.Select):
    """Django's select, with its options written here rather than through a
    template each: the country filter's 240 options took longer to render than
    all the queries of a list page of 20,000 local governments."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        html: list[str] = [
            format_html('<select name="{}"{}>', widget["name"], _attributes(widget["attrs"]))
        ]
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                html.append(format_html('\n  <optgroup label="{}">', group_name))
            html.extend(
                format_html(
                    '\n  <option value="{}"{}>{}</option>',
                    str(option["value"]),
                    _attributes(option["attrs"]),
                    option["label"],
                )
                for option in options
            )
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))  # noqa: S308 - every part is escaped by format_html


def _attributes(attrs: dict[str, Any]) -> SafeString:
    """As django/forms/widgets/attrs.html writes them."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html(" {}", name) if value is True else format_html(' {}="{}"', name, value),)
            for name, value in attrs.items()
            if value is not False
        ),
    )


def countries_in_directory() -> list[tuple[str, str]]:
    """Only the countries that have local governments, in the viewer's language."""
    present = set(LocalGovernment.objects.order_by().values_list("country", flat=True).distinct())
    return sorted(
        ((code, str(name)) for code, name in countries if code in present), key=lambda c: c[1]
    )


class TopicFilter(django_filters.ModelChoiceFilter):
    """A topic by its stable code (?topic=environment.solid_waste), so that a
    saved link or an API query means the same on every PeerLearn."""

    field_class = TopicChoiceField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("to_field_name", "code")
        super().__init__(*args, **kwargs)


def topic_queryset(request: Any) -> QuerySet[Topic]:
    return Topic.objects.select_related("parent").order_by("parent__position", "position", "code")


class StableOrderingFilter(django_filters.OrderingFilter):
    """A chosen sort (by country, population…) replaces the model's ordering;
    kept as tie-breaker, rows with equal keys keep one order, so that pages of
    a list or of the API neither repeat nor skip them."""

    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]:
        qs = super().filter(qs, value)
        if value:
            qs = qs.order_by(*qs.query.order_by, *qs.model._meta.ordering)
        return qs


class LocalGovernmentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="filter_name")
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries_in_directory, widget=QuickSelect
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LocalGovernmentKind.choices)
    association = django_filters.ModelChoiceFilter(
        label=_("Association"),
        queryset=Association.objects.order_by("acronym"),
        field_name="associations",
        widget=QuickSelect,
    )
    topic = TopicFilter(
        label=_("Expertise on topic"),
        queryset=topic_queryset,
        method="filter_topic",
        widget=QuickSelect,
    )
    sort = StableOrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("population", "population"), ("country", "country")),
        field_labels={
            "name": _("name"),
            "-name": _("name (Z–A)"),
            "population": _("population (smallest first)"),
            "-population": _("population (largest first)"),
            "country": _("country"),
            "-country": _("country (Z–A)"),
        },
        empty_label=None,  # the first choice is the default order
    )

    class Meta:
        model = LocalGovernment
        fields: list[str] = []

    def filter_name(self, queryset: QuerySet[LocalGovernment], name: str, value: str) -> Any:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(name_local__icontains=value))

    def filter_topic(self, queryset: QuerySet[LocalGovernment], name: str, value: Topic) -> Any:
        if not value:
            return queryset
        return local_governments_with_expertise_in(queryset, value, self.request.user)


class ExpertFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or position"), method="filter_name")
    topic = TopicFilter(
        label=_("Topic"), queryset=topic_queryset, method="filter_topic", widget=QuickSelect
    )
    language = django_filters.ModelChoiceFilter(
        label=_("Working language"),
        queryset=Language.objects.order_by("label_en"),
        to_field_name="code",
        method="filter_language",
        widget=QuickSelect,
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=countries_in_directory,
        field_name="local_government__country",
        widget=QuickSelect,
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=PersonRole.choices)
    sort = StableOrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("updated_at", "updated")),
        field_labels={
            "name": _("name"),
            "-name": _("name (Z–A)"),
            "updated_at": _("least recently updated"),
            "-updated": _("recently updated"),
        },
        empty_label=None,  # the first choice is the default order
    )

    class Meta:
        model = Person
        fields: list[str] = []

    def filter_name(self, queryset: QuerySet[Person], name: str, value: str) -> Any:
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(Q(name__icontains=value) | Q(position__icontains=value))

    def filter_topic(self, queryset: QuerySet[Person], name: str, value: Topic) -> Any:
        return with_expertise_in(queryset, value) if value else queryset

    def filter_language(self, queryset: QuerySet[Person], name: str, value: Language) -> Any:
        return speaking(queryset, value) if value else queryset
