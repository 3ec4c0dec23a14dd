"""REST API of funding applications (/api/v1/funding-applications/), with their partners and
reporting obligations nested (a write that sends them replaces the lists) and the stage history
read-only. The municipality's side reads, the team writes; partners and anonymous callers get
nothing. A new stage is dated by ``stage_on`` (today if left out) and must follow the allowed
transitions (400 naming ``stage``)."""

from django.db import transaction
from rest_framework import serializers

from kennisstad.core.api import ModelCleanSerializer, VersionedModelViewSet, assign_fields
from kennisstad.core.api_schema import versioned_schema
from kennisstad.relations.models import Organisation

from . import selectors
from .filters import ApplicationFilter
from .models import (
    Application,
    ApplicationPartner,
    ApplicationStageChange,
    ObligationKind,
    PartnerRole,
    ReportingObligation,
)
from .services import delete_application, save_application


class ApplicationPartnerSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    role = serializers.ChoiceField(choices=PartnerRole.choices)

    class Meta:
        model = ApplicationPartner
        fields = ["organisation", "organisation_name", "role", "share"]


class ObligationSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=ObligationKind.choices)

    class Meta:
        model = ReportingObligation
        fields = ["kind", "due_on", "done_on", "note"]


class StageChangeSerializer(serializers.ModelSerializer):
    class Meta:
        model = ApplicationStageChange
        fields = ["stage", "changed_on"]


class ApplicationSerializer(ModelCleanSerializer):
    partners = ApplicationPartnerSerializer(many=True, required=False)
    obligations = ObligationSerializer(many=True, required=False)
    stage_history = StageChangeSerializer(source="stage_changes", many=True, read_only=True)
    stage_on = serializers.DateField(
        required=False,
        write_only=True,
        help_text="The day a new stage took effect (today if left out).",
    )

    class Meta:
        model = Application
        fields = [
            "id",
            "url",
            "title_nl",
            "title_en",
            "description_nl",
            "description_en",
            "programme",
            "programme_line",
            "call_id",
            "call_deadline",
            "stage",
            "stage_on",
            "stage_history",
            "own_role",
            "project",
            "total_budget",
            "funder_contribution",
            "cofinancing",
            "owner",
            "partners",
            "obligations",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:funding-application-detail"}}


@versioned_schema
class ApplicationViewSet(VersionedModelViewSet):
    serializer_class = ApplicationSerializer
    filterset_class = ApplicationFilter
    search_fields = ["title_nl", "title_en", "programme_line", "call_id"]
    ordering_fields = ["title_nl", "call_deadline", "funder_contribution", "updated_at"]
    may_read = staticmethod(selectors.may_see_applications)
    delete_function = staticmethod(delete_application)

    def get_queryset(self):
        queryset = selectors.application_list().prefetch_related(
            "partners__organisation", "obligations", "stage_changes"
        )
        return selectors.visible_applications(self.request.user, queryset.order_by("id"))

    @transaction.atomic
    def save_function(self, *, instance, validated_data, expected_version):
        partners = validated_data.pop("partners", None)
        obligations = validated_data.pop("obligations", None)
        stage_on = validated_data.pop("stage_on", None)
        instance = assign_fields(instance or Application(), validated_data)
        instance._prefetched_objects_cache = {}  # the answer shows the lists as saved
        return save_application(
            application=instance,
            user=self.request.user,
            expected_version=expected_version,
            stage_on=stage_on,
            partners=None
            if partners is None
            else [(item["organisation"], item["role"], item.get("share")) for item in partners],
            obligations=None
            if obligations is None
            else [
                (item["kind"], item["due_on"], item.get("done_on"), item.get("note", ""))
                for item in obligations
            ],
        )
