"""REST API for indicators, targets and realisations: readers read, the team writes. Adopted
targets refuse changes; computed values are made by the ``compute`` action, never typed in."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_field, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from kennisstad.accounts import access
from kennisstad.accounts.selectors import team_members
from kennisstad.core.api import (
    ModelCleanSerializer,
    VersionedModelViewSet,
    assign_fields,
)
from kennisstad.core.api_schema import versioned_schema
from kennisstad.core.filters import FilterSet, IdFilter, YearFilter
from kennisstad.policy.api import DocumentField, PolicyAreaField
from kennisstad.relations.models import Organisation

from . import services
from .api_official import OfficialFigureActions
from .models import Indicator, Origin, Realisation, Target


class IndicatorSerializer(ModelCleanSerializer):
    policy_area = PolicyAreaField()
    owner = serializers.PrimaryKeyRelatedField(
        queryset=team_members(),
        required=False,
        allow_null=True,
        help_text="The team member who delivers the figures (reminded before each deadline).",
    )
    owner_organisation = serializers.PrimaryKeyRelatedField(
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text="A partner organisation that delivers the figures itself; not with owner.",
    )
    owner_name = serializers.SerializerMethodField()

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_owner_name(self, indicator: Indicator) -> str | None:
        """Who owns it, readable: the team member's name or the organisation's."""
        owner = indicator.owner or indicator.owner_organisation
        return str(owner) if owner is not None else None

    class Meta:
        model = Indicator
        fields = [
            "id",
            "url",
            "code",
            "name_nl",
            "name_en",
            "policy_area",
            "kind",
            "source",
            "unit",
            "decimals",
            "frequency",
            "base_year",
            "measured_from",
            "method",
            "rule",
            "order",
            "owner",
            "owner_organisation",
            "owner_name",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:indicator-detail"}}


class TargetSerializer(ModelCleanSerializer):
    set_in = DocumentField(required=False, allow_null=True)
    source_document = DocumentField(required=False, allow_null=True)
    is_frozen = serializers.BooleanField(read_only=True)

    class Meta:
        # Uniqueness is the model's constraint, checked by full_clean; DRF's generated validator
        # would make the optional set_in required.
        validators = []
        model = Target
        fields = [
            "id",
            "indicator",
            "year",
            "comparator",
            "value",
            "value_high",
            "display_text",
            "set_in",
            "source_document",
            "is_frozen",
            "note",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]


class RealisationSerializer(ModelCleanSerializer):
    source_document = DocumentField(required=False, allow_null=True)
    origin = serializers.ChoiceField(choices=Origin.choices, read_only=True)

    class Meta:
        model = Realisation
        fields = [
            "id",
            "indicator",
            "year",
            "value",
            "display_text",
            "origin",
            "measured_on",
            "source_document",
            "note",
            "explanation",
            "counted",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at", "counted"]


class IndicatorYearFilter(FilterSet):
    indicator = IdFilter()
    year = YearFilter()
    year_from = YearFilter(field_name="year", lookup_expr="gte")
    year_to = YearFilter(field_name="year", lookup_expr="lte")


class TargetFilter(IndicatorYearFilter):
    class Meta:
        model = Target
        fields = ["indicator", "year", "year_from", "year_to"]


class RealisationFilter(IndicatorYearFilter):
    origin = django_filters.ChoiceFilter(choices=Origin.choices)

    class Meta:
        model = Realisation
        fields = ["indicator", "year", "year_from", "year_to", "origin"]


@versioned_schema
class IndicatorViewSet(OfficialFigureActions, VersionedModelViewSet):
    may_read = staticmethod(access.is_team_or_reader)  # budget figures: the municipality's side

    serializer_class = IndicatorSerializer
    queryset = Indicator.objects.select_related(
        "policy_area", "owner", "owner_organisation"
    ).order_by("policy_area__code", "order", "id")
    filterset_fields = ["method", "policy_area__code"]
    search_fields = ["name_nl", "name_en", "code"]

    def save_function(self, *, instance, validated_data, expected_version):
        return services.save_indicator(
            indicator=assign_fields(instance or Indicator(), validated_data),
            user=self.request.user,
            expected_version=expected_version,
        )

    @extend_schema(
        request=inline_serializer(
            "ComputeRequest",
            {
                "years": serializers.ListField(
                    child=serializers.IntegerField(min_value=1990, max_value=2100)
                )
            },
        ),
        responses={200: RealisationSerializer(many=True)},
        description=(
            "Count the registry for the given years; store dated, computed realisations. "
            "Years after the current one are skipped (they have not happened); asking only "
            "for those is refused."
        ),
    )
    @action(detail=True, methods=["post"], pagination_class=None)  # all years, one list
    def compute(self, request, pk=None, format=None):
        indicator = self.get_object()
        self.check_object_permissions(request, indicator)
        years = request.data.get("years") if hasattr(request.data, "get") else None
        if not isinstance(years, list) or not years or not all(isinstance(y, int) for y in years):
            raise serializers.ValidationError(
                {"years": ["Give a list of years, e.g. [2016, 2017]."]}
            )
        if len(years) > 50:
            raise serializers.ValidationError({"years": ["Compute at most 50 years at once."]})
        try:
            realisations = services.compute_indicator(
                indicator=indicator,
                years=years,
                user=request.user,
                measured_on=timezone.localdate(),
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"indicator": exc.messages}) from exc
        return Response(
            RealisationSerializer(realisations, many=True).data, status=status.HTTP_200_OK
        )


@versioned_schema
class TargetViewSet(VersionedModelViewSet):
    may_read = staticmethod(access.is_team_or_reader)  # budget figures: the municipality's side

    serializer_class = TargetSerializer
    filterset_class = TargetFilter
    queryset = Target.objects.select_related("set_in", "source_document").order_by(
        "indicator", "year", "id"
    )

    def save_function(self, *, instance, validated_data, expected_version):
        return services.save_target(
            target=assign_fields(instance or Target(), validated_data),
            user=self.request.user,
            expected_version=expected_version,
        )

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        services.delete_target(target=instance, user=user, expected_version=expected_version)


@versioned_schema
class RealisationViewSet(VersionedModelViewSet):
    may_read = staticmethod(access.is_team_or_reader)  # budget figures: the municipality's side

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        services.delete_realisation(
            realisation=instance, user=user, expected_version=expected_version
        )

    serializer_class = RealisationSerializer
    filterset_class = RealisationFilter
    queryset = Realisation.objects.select_related("source_document").order_by(
        "indicator", "year", "-measured_on", "-id"
    )

    def save_function(self, *, instance, validated_data, expected_version):
        realisation = assign_fields(instance or Realisation(origin=Origin.MANUAL), validated_data)
        return services.save_realisation(
            realisation=realisation, user=self.request.user, expected_version=expected_version
        )
