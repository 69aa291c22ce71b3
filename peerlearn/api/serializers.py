from __future__ import annotations

from typing import Any

from rest_framework import serializers

from peerlearn.directory.models import (
    Association,
    Expertise,
    LocalGovernment,
    Person,
    Programme,
    Topic,
)


class TopicSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True)  # type: ignore[var-annotated,assignment]
    labels = serializers.SerializerMethodField()

    class Meta:
        model = Topic
        fields = ["code", "parent", "label", "labels"]

    def get_labels(self, topic: Topic) -> dict[str, str]:
        return topic.labels()


class LocalGovernmentSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:localgovernment-detail", lookup_field="slug"
    )
    country = serializers.CharField(source="country.code")
    associations: Any = serializers.SlugRelatedField(
        slug_field="acronym", many=True, read_only=True
    )

    class Meta:
        model = LocalGovernment
        fields = [
            "url",
            "slug",
            "name",
            "name_local",
            "kind",
            "country",
            "region",
            "population",
            "website",
            "associations",
        ]


class ProgrammeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Programme
        fields = ["slug", "name", "starts_on", "ends_on", "description"]


class AssociationSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.code")
    programmes = ProgrammeSerializer(many=True, read_only=True)

    class Meta:
        model = Association
        fields = ["slug", "acronym", "name", "kind", "country", "website", "programmes"]


class ExpertiseSerializer(serializers.ModelSerializer):
    topic: Any = serializers.SlugRelatedField(slug_field="code", read_only=True)

    class Meta:
        model = Expertise
        fields = ["topic", "years", "summary"]


class PersonSerializer(serializers.ModelSerializer):
    local_government: Any = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    association: Any = serializers.SlugRelatedField(slug_field="acronym", read_only=True)
    languages: Any = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    expertise = ExpertiseSerializer(many=True, read_only=True)

    class Meta:
        model = Person
        fields = [
            "id",
            "name",
            "position",
            "role",
            "local_government",
            "association",
            "languages",
            "expertise",
        ]


class PersonDetailSerializer(PersonSerializer):
    """Adds contact details, filled only for viewers entitled to them."""

    contact = serializers.SerializerMethodField()

    class Meta(PersonSerializer.Meta):
        fields = [*PersonSerializer.Meta.fields, "biography", "contact"]

    def get_contact(self, person: Person) -> dict[str, str] | None:
        request: Any = self.context.get("request")
        if request is None or not request.user.has_perm("directory.view_person_contact", person):
            return None
        return {"email": person.email, "phone": person.phone}
