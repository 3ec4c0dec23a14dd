"""REST API for organisations, people and contact moments: readers read organisations; people
and contact moments are for the team only."""

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from kennisstad.accounts import access
from kennisstad.core.api import (
    ModelCleanSerializer,
    VersionedModelViewSet,
    assign_fields,
    versioned_schema,
)

from .filters import InteractionFilter, OrganisationFilter, PersonFilter
from .models import Interaction, Organisation, Person, Tag
from .services import save_interaction, save_organisation, save_person


class OrganisationSerializer(ModelCleanSerializer):
    country = CountryField()
    tags = serializers.SlugRelatedField(
        slug_field="name", many=True, queryset=Tag.objects.all(), required=False
    )

    class Meta:
        model = Organisation
        fields = [
            "id",
            "url",
            "name",
            "abbreviation",
            "kind",
            "country",
            "city",
            "website",
            "description_nl",
            "description_en",
            "tags",
            "relationship_owner",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:organisation-detail"}}


@versioned_schema
class OrganisationViewSet(VersionedModelViewSet):
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    search_fields = ["name", "abbreviation", "city"]
    ordering_fields = ["name", "country", "updated_at"]

    def get_queryset(self):
        queryset = Organisation.objects.prefetch_related("tags").order_by("name")
        return access.visible_organisations(self.request.user, queryset)

    def save_function(self, *, instance, validated_data, expected_version):
        tags = validated_data.pop("tags", None)
        instance = instance or Organisation()
        assign_fields(instance, validated_data)
        return save_organisation(
            organisation=instance,
            user=self.request.user,
            expected_version=expected_version,
            tags=tags,
        )


class PersonSerializer(ModelCleanSerializer):
    class Meta:
        model = Person
        fields = [
            "id",
            "url",
            "first_name",
            "last_name",
            "job_title",
            "organisations",
            "email",
            "phone",
            "preferred_language",
            "lawful_basis",
            "retain_until",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:person-detail"}}


@versioned_schema
class PersonViewSet(VersionedModelViewSet):
    serializer_class = PersonSerializer
    filterset_class = PersonFilter
    search_fields = ["first_name", "last_name", "email"]
    ordering_fields = ["last_name", "updated_at"]

    def get_queryset(self):
        queryset = Person.objects.prefetch_related("organisations").order_by(
            "last_name", "first_name"
        )
        return access.visible_people(self.request.user, queryset)

    def save_function(self, *, instance, validated_data, expected_version):
        organisations = validated_data.pop("organisations", None)
        instance = instance or Person()
        assign_fields(instance, validated_data)
        return save_person(
            person=instance,
            user=self.request.user,
            expected_version=expected_version,
            organisations=organisations,
        )


class InteractionSerializer(ModelCleanSerializer):
    class Meta:
        model = Interaction
        fields = [
            "id",
            "url",
            "happened_on",
            "kind",
            "subject",
            "notes",
            "organisations",
            "people",
            "follow_up_on",
            "follow_up_done_on",
            "owner",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at", "owner"]
        extra_kwargs = {"url": {"view_name": "api:interaction-detail"}}


@versioned_schema
class InteractionViewSet(VersionedModelViewSet):
    """Contact moments with organisations and people; ``?mine=true&follow_up=open`` lists the
    caller's open follow-ups."""

    serializer_class = InteractionSerializer
    filterset_class = InteractionFilter
    may_read = staticmethod(access.is_team)
    search_fields = ["subject", "notes"]
    ordering_fields = ["happened_on", "follow_up_on", "updated_at"]

    def get_queryset(self):
        queryset = Interaction.objects.select_related("owner").prefetch_related(
            "organisations", "people"
        )
        return access.visible_interactions(self.request.user, queryset.order_by("-happened_on"))

    def save_function(self, *, instance, validated_data, expected_version):
        organisations = validated_data.pop("organisations", None)
        people = validated_data.pop("people", None)
        instance = instance or Interaction()
        assign_fields(instance, validated_data)
        return save_interaction(
            interaction=instance,
            user=self.request.user,
            expected_version=expected_version,
            organisations=organisations,
            people=people,
        )
