"""Filter and sort forms of the directory lists."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q, QuerySet
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
from peerlearn.directory.queries import local_governments_with_expertise_in, with_expertise_in


def countries_in_directory() -> list[tuple[str, str]]:
    """Only the countries that have local governments, in the viewer's language."""
    present = set(LocalGovernment.objects.order_by().values_list("country", flat=True).distinct())
    return sorted(
        ((code, str(name)) for code, name in countries if code in present), key=lambda c: c[1]
    )


class TopicFilter(django_filters.ModelChoiceFilter):
    field_class = TopicChoiceField


def topic_queryset(request: Any) -> QuerySet[Topic]:
    return Topic.objects.select_related("parent").order_by("parent__position", "position", "code")


class LocalGovernmentFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="filter_name")
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries_in_directory)
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=LocalGovernmentKind.choices)
    association = django_filters.ModelChoiceFilter(
        label=_("Association"),
        queryset=Association.objects.order_by("acronym"),
        field_name="associations",
    )
    topic = TopicFilter(
        label=_("Expertise on topic"), queryset=topic_queryset, method="filter_topic"
    )
    sort = django_filters.OrderingFilter(
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
        empty_label=_("name"),
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
        return local_governments_with_expertise_in(queryset, value) if value else queryset


class ExpertFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Name or position"), method="filter_name")
    topic = TopicFilter(label=_("Topic"), queryset=topic_queryset, method="filter_topic")
    language = django_filters.ModelChoiceFilter(
        label=_("Working language"),
        queryset=Language.objects.order_by("label_en"),
        field_name="languages",
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries_in_directory, field_name="local_government__country"
    )
    role = django_filters.ChoiceFilter(label=_("Role"), choices=PersonRole.choices)
    sort = django_filters.OrderingFilter(
        label=_("Sort by"),
        fields=(("name", "name"), ("updated_at", "updated")),
        field_labels={
            "name": _("name"),
            "-name": _("name (Z–A)"),
            "updated": _("least recently updated"),
            "-updated": _("recently updated"),
        },
        empty_label=_("name"),
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
