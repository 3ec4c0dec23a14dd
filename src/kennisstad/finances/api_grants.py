"""REST API of grants (/api/v1/grants/) and of the projects' allocations
(/api/v1/project-allocations/).

Grants: the municipality's side reads every grant, a partner editor only its own
organisation's, anonymous callers nothing; the team writes. The status changes only through
the actions ``award``, ``settle`` and ``withdraw``, each sending the version it read
(``If-Match`` or ``version``), like every write; a step the status does not allow is a 400
saying why. Allocations are the team's only.
"""

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from kennisstad.accounts import access
from kennisstad.core.api import (
    ModelCleanSerializer,
    VersionedModelViewSet,
    assign_fields,
    expected_version_from,
)
from kennisstad.core.api_schema import IF_MATCH, versioned_schema
from kennisstad.policy.models import PolicyArea

from . import grant_selectors
from .allocation_services import delete_allocation, save_allocation
from .grant_filters import GrantFilter
from .grant_models import Grant
from .grant_services import award_grant, save_grant, settle_grant, withdraw_grant
from .models import ProjectAllocation, Taakveld

STEP_FIELDS = (
    "status",
    "decision_number",
    "amount_granted",
    "amount_final",
    "granted_on",
    "settled_on",
    "withdrawn_on",
)


class GrantSerializer(ModelCleanSerializer):
    policy_area = serializers.SlugRelatedField(
        slug_field="code", queryset=PolicyArea.objects.all(), help_text="E.g. 2.1.4."
    )
    taakveld = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Taakveld.objects.all(),
        required=False,
        allow_null=True,
        help_text="An Iv3 taakveld, e.g. 3.4.",
    )
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)

    class Meta:
        model = Grant
        fields = [
            "id",
            "url",
            "organisation",
            "organisation_name",
            "title_nl",
            "title_en",
            "policy_area",
            "taakveld",
            "project",
            "amount_requested",
            "period_start",
            "period_end",
            "conditions",
            "applied_on",
            "accountability_due",
            "accountability_received_on",
            "owner",
            *STEP_FIELDS,
            "version",
            "updated_at",
        ]
        read_only_fields = [*STEP_FIELDS, "updated_at"]
        extra_kwargs = {"url": {"view_name": "api:grant-detail"}}

    def to_representation(self, instance):
        """Who in the municipality handles the grant is its own business: partners (who see
        their own grants) get it left out, as on the page."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not access.can_see_management_details(request.user):
            data.pop("owner", None)
        return data


VERSION_HELP = "The grant's version you read; or send it in If-Match."


class StepSerializer(serializers.Serializer):
    version = serializers.IntegerField(required=False, write_only=True, help_text=VERSION_HELP)


class AwardSerializer(StepSerializer):
    decision_number = serializers.CharField(max_length=60)
    amount_granted = serializers.DecimalField(max_digits=13, decimal_places=2, min_value=0)
    granted_on = serializers.DateField()
    accountability_due = serializers.DateField(required=False, allow_null=True)


class SettleSerializer(StepSerializer):
    amount_final = serializers.DecimalField(max_digits=13, decimal_places=2, min_value=0)
    settled_on = serializers.DateField()
    accountability_received_on = serializers.DateField()


class WithdrawSerializer(StepSerializer):
    withdrawn_on = serializers.DateField()
    reason = serializers.CharField(max_length=90, help_text="Kept in the audit trail.")


def _step_schema(request, description: str):
    return extend_schema(
        request=request,
        parameters=[IF_MATCH],
        responses={200: GrantSerializer},
        description=description,
    )


@versioned_schema
class GrantViewSet(VersionedModelViewSet):
    serializer_class = GrantSerializer
    filterset_class = GrantFilter
    search_fields = ["title_nl", "title_en", "decision_number", "organisation__name"]
    ordering_fields = ["period_start", "accountability_due", "amount_granted", "updated_at"]
    may_read = staticmethod(grant_selectors.may_see_grants)

    def get_queryset(self):
        queryset = grant_selectors.grant_list().order_by("-period_start", "id")
        return grant_selectors.visible_grants(self.request.user, queryset)

    @transaction.atomic
    def save_function(self, *, instance, validated_data, expected_version):
        grant = assign_fields(instance or Grant(), validated_data)
        return save_grant(grant=grant, user=self.request.user, expected_version=expected_version)

    def _step(self, request, serializer_class, service):
        grant = self.get_object()  # a 403 for anyone but the team (``can_change``)
        expected = expected_version_from(request, grant)
        body = serializer_class(data=request.data)
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        data.pop("version", None)
        service(grant=grant, user=request.user, expected_version=expected, **data)
        fresh = self.get_queryset().get(pk=grant.pk)
        response = Response(GrantSerializer(fresh, context={"request": request}).data)
        response["ETag"] = f'"{fresh.version}"'
        return response

    @_step_schema(AwardSerializer, "Grant an application (aangevraagd → verleend).")
    @action(detail=True, methods=["post"])
    def award(self, request, pk=None, format=None):
        return self._step(request, AwardSerializer, award_grant)

    @_step_schema(
        SettleSerializer,
        "Settle a granted grant after its accountability (verleend → vastgesteld).",
    )
    @action(detail=True, methods=["post"])
    def settle(self, request, pk=None, format=None):
        return self._step(request, SettleSerializer, settle_grant)

    @_step_schema(
        WithdrawSerializer,
        "Withdraw an application or a granted grant (→ ingetrokken), with the reason.",
    )
    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None, format=None):
        return self._step(request, WithdrawSerializer, withdraw_grant)


class AllocationSerializer(ModelCleanSerializer):
    policy_area = serializers.SlugRelatedField(
        slug_field="code", queryset=PolicyArea.objects.all(), help_text="E.g. 2.1.4."
    )
    taakveld = serializers.SlugRelatedField(
        slug_field="code", queryset=Taakveld.objects.all(), help_text="E.g. 3.4."
    )

    class Meta:
        model = ProjectAllocation
        fields = [
            "id",
            "project",
            "year",
            "policy_area",
            "taakveld",
            "budgeted",
            "spent",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


@versioned_schema
class AllocationViewSet(VersionedModelViewSet):
    serializer_class = AllocationSerializer
    filterset_fields = {"year": ["exact"], "project": ["exact"], "policy_area__code": ["exact"]}
    ordering_fields = ["year", "budgeted", "spent", "updated_at"]
    may_read = staticmethod(access.is_team)
    delete_function = staticmethod(delete_allocation)

    def get_queryset(self):
        return ProjectAllocation.objects.select_related("policy_area", "taakveld").order_by(
            "year", "policy_area__code", "project_id", "id"
        )

    @transaction.atomic
    def save_function(self, *, instance, validated_data, expected_version):
        allocation = assign_fields(instance or ProjectAllocation(), validated_data)
        return save_allocation(
            allocation=allocation, user=self.request.user, expected_version=expected_version
        )
