from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from rest_framework import viewsets

from peerlearn.api import serializers
from peerlearn.directory import queries
from peerlearn.directory.filters import ExpertFilter, LocalGovernmentFilter
from peerlearn.directory.models import Association, Expertise, Person, Programme, Topic


class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Topic.objects.select_related("parent")
    serializer_class = serializers.TopicSerializer
    lookup_field = "code"
    lookup_value_regex = r"[a-z0-9_.]+"
    pagination_class = None


class LocalGovernmentViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = serializers.LocalGovernmentSerializer
    lookup_field = "slug"
    filterset_class = LocalGovernmentFilter
    object_permission = "directory.view_localgovernment"

    def get_queryset(self) -> QuerySet[Any]:
        return queries.local_governments_for_list()


class AssociationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Association.objects.prefetch_related(
        Prefetch("programmes", queryset=Programme.objects.order_by("-starts_on"))
    )
    serializer_class = serializers.AssociationSerializer
    lookup_field = "slug"
    pagination_class = None


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    """People with expertise. Visitors see only public profiles; contact
    details appear on a single person, for viewers entitled to them."""

    filterset_class = ExpertFilter
    object_permission = "directory.view_person"

    def get_queryset(self) -> QuerySet[Person]:
        if self.action == "list":
            return queries.experts_for_list(self.request.user)
        return (
            queries.visible_people(self.request.user)
            .select_related("local_government", "association")
            .prefetch_related(
                "languages",
                Prefetch("expertise", queryset=Expertise.objects.select_related("topic")),
            )
        )

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return serializers.PersonDetailSerializer
        return serializers.PersonSerializer
