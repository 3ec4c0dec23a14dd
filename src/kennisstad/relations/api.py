"""REST API for organisations, people and contact moments: readers read organisations; people
and contact moments are for the team only."""

from django.utils.translation import gettext as _
from django_countries.serializer_fields import CountryField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from kennisstad.accounts import access
from kennisstad.core.api import (
    ErasableChoiceField,
    ModelCleanSerializer,
    VersionedModelViewSet,
    assign_fields,
)
from kennisstad.core.api_schema import versioned_schema

from . import personal_data, services
from .filters import InteractionFilter, OrganisationFilter, PersonFilter
from .models import (
    REASON_CONSULTED,
    REASON_LISTED,
    Interaction,
    MergeRecord,
    Organisation,
    Person,
    PersonalDataAction,
    Tag,
)
from .services import save_interaction, save_organisation, save_person


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=500, help_text="Why; recorded in the personal data access log."
    )


class MergeSerializer(serializers.Serializer):
    remove = serializers.IntegerField(
        help_text="The record merged into this one and then deleted; its links move here."
    )
    take = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        default=list,
        help_text="Fields whose value comes from the removed record even where this one has a "
        "value. Fields this record leaves empty are taken anyway.",
    )
    kept_version = serializers.IntegerField(
        required=False, help_text="The version of this record you read (conflict check)."
    )
    removed_version = serializers.IntegerField(
        required=False, help_text="The version of the removed record you read."
    )


class MergeRecordSerializer(serializers.ModelSerializer):
    class Meta:
        model = MergeRecord
        fields = ["id", "at", "model", "kept_id", "removed_id", "fields_taken", "links_moved"]


class MergeActionMixin:
    # ``POST .../{id}/merge/``: merge another record of the same kind into this one. (A comment,
    # not a docstring: the schema would take it as the description of every viewset using it.)

    @extend_schema(request=MergeSerializer, responses=MergeRecordSerializer)
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None, format=None):
        """Merge another record into this one: its links move here, then it is deleted."""
        if not access.can_merge_duplicates(request.user):
            raise exceptions.PermissionDenied()
        kept = self.get_object()
        serializer = MergeSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        removed = self.get_queryset().filter(pk=data["remove"]).first()
        if removed is None:
            raise exceptions.ValidationError({"remove": ["No such record."]})
        record = services.merge_records(
            kept=kept,
            removed=removed,
            user=request.user,
            take=data["take"],
            kept_version=data.get("kept_version"),
            removed_version=data.get("removed_version"),
        )
        return Response(MergeRecordSerializer(record).data)


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

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not access.can_see_management_details(request.user):
            data.pop("relationship_owner", None)  # who keeps the relationship: internal
        return data


@versioned_schema
class OrganisationViewSet(MergeActionMixin, VersionedModelViewSet):
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
    preferred_language = ErasableChoiceField(
        choices=Person._meta.get_field("preferred_language").choices,
        required=False,
        help_text="Null once the person's data was erased.",
    )

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
            "lawful_basis_justification",
            "last_contact_on",
            "retain_until",
            "erased_at",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at", "erased_at", "last_contact_on", "retain_until"]
        extra_kwargs = {"url": {"view_name": "api:person-detail"}}


@versioned_schema
class PersonViewSet(MergeActionMixin, VersionedModelViewSet):
    """People are personal data: reading one is logged, and the team can export everything
    held about a person and erase it."""

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

    def update(self, request, *args, **kwargs):
        if self.get_object().erased_at is not None:  # a new name would undo the erasure
            raise exceptions.PermissionDenied(_("An erased person cannot be changed."))
        return super().update(request, *args, **kwargs)

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        data = response.data
        rows = data.get("results", []) if isinstance(data, dict) else data
        services.log_personal_data_reads(
            user=request.user,
            person_ids=[row["id"] for row in rows if isinstance(row, dict) and "id" in row],
            action=PersonalDataAction.READ,
            reason=REASON_LISTED,
        )
        return response

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        services.log_personal_data_access(
            user=request.user,
            person_id=int(kwargs["pk"]),
            action=PersonalDataAction.READ,
            reason=REASON_CONSULTED,
        )
        return response

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "reason",
                {"type": "string", "minLength": 1, "maxLength": 500},
                OpenApiParameter.QUERY,
                required=True,
                description="Why you export; recorded in the personal data access log.",
            )
        ],
        responses={200: OpenApiTypes.OBJECT},
    )
    @action(detail=True, methods=["get"], url_path="personal-data")
    def personal_data(self, request, pk=None, format=None):
        """Everything held about the person, section by section (AVG right of access)."""
        if not access.can_export_personal_data(request.user):
            raise exceptions.PermissionDenied()
        person = self.get_object()
        reason = request.query_params.get("reason", "")
        services.record_export(person=person, user=request.user, reason=reason)
        response = Response(personal_data.as_json(person, personal_data.collect(person)))
        response["Cache-Control"] = "no-store"
        return response

    @extend_schema(request=ReasonSerializer, responses=PersonSerializer)
    @action(detail=True, methods=["post"])
    def erase(self, request, pk=None, format=None):
        """Erase the person's personal data everywhere; the row stays as an anonymous contact."""
        if not access.can_erase_personal_data(request.user):
            raise exceptions.PermissionDenied()
        person = self.get_object()
        serializer = ReasonSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        person = services.erase_person(
            person=person, user=request.user, reason=serializer.validated_data["reason"]
        )
        return Response(self.get_serializer(person).data)


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
