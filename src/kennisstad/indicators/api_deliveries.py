"""REST API for figures partners deliver: a partner editor lists and submits its own
organisation's values; the team lists all and approves or rejects them (four eyes: never the
one who entered the value). A submitted value is not a realisation and counts nowhere until it
is approved. Writes go through ``delivery_services``; refusals come back as 403 (who may not)
or 400 (what is wrong), each naming the reason."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import BasePermission
from rest_framework.response import Response

from kennisstad.accounts import access
from kennisstad.core.api import ModelSerializer, expected_version_from
from kennisstad.core.api_schema import IF_MATCH
from kennisstad.core.filters import FilterSet, IdFilter, YearFilter

from . import delivery_selectors, delivery_services
from .models import DeliveredValue, DeliveryStatus, Indicator


class DeliveredValueSerializer(ModelSerializer):
    indicator = serializers.PrimaryKeyRelatedField(queryset=Indicator.objects.all())
    status = serializers.ChoiceField(choices=DeliveryStatus.choices, read_only=True)
    submitted_by = serializers.StringRelatedField(read_only=True)
    reviewed_by = serializers.StringRelatedField(
        read_only=True, allow_null=True, help_text="Team members only; null for partners."
    )
    year = serializers.IntegerField(min_value=1990, max_value=2100)
    source = serializers.CharField(max_length=300, help_text="Where the figure comes from.")

    class Meta:
        model = DeliveredValue
        fields = [
            "id",
            "indicator",
            "year",
            "value",
            "display_text",
            "measured_on",
            "source",
            "note",
            "organisation",
            "submitted_by",
            "status",
            "reviewed_by",
            "reviewed_at",
            "review_note",
            "realisation",
            "version",
            "created_at",
        ]
        read_only_fields = [
            "organisation",
            "reviewed_at",
            "review_note",
            "realisation",
            "version",
            "created_at",
        ]

    def to_representation(self, instance):
        """Who in the municipality reviewed a value is its own business: partners see the
        outcome and the reason, not the name."""
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None and not access.is_team(request.user):
            data["reviewed_by"] = None
        return data


class ReviewSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, help_text="The version you read; or send it in If-Match."
    )
    note = serializers.CharField(
        required=False, allow_blank=True, max_length=2000, help_text="Optional remark."
    )


class RejectSerializer(ReviewSerializer):
    note = serializers.CharField(max_length=2000, help_text="Why the value is rejected (required).")


class DeliveryFilter(FilterSet):
    indicator = IdFilter()
    year = YearFilter()

    class Meta:
        model = DeliveredValue
        fields = ["indicator", "year", "status"]


class DeliveryAccess(BasePermission):
    """Partner editors and the team; everything finer (whose indicator, four eyes) is the
    service's, so the refusal names its reason."""

    def has_permission(self, request, view) -> bool:
        return access.is_partner(request.user) or access.can_review_deliveries(request.user)


def _refused(exc: DjangoPermissionDenied) -> PermissionDenied:
    return PermissionDenied(str(exc) or None)


class DeliveredValueViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    permission_classes = [DeliveryAccess]
    serializer_class = DeliveredValueSerializer
    filterset_class = DeliveryFilter
    queryset = DeliveredValue.objects.none()  # the schema's model; ``get_queryset`` filters

    def get_queryset(self):
        return delivery_selectors.deliveries(self.request.user).order_by("-created_at", "-id")

    @extend_schema(
        description="Submit a value of an indicator your organisation owns (partner editors). "
        "It counts only once a team member approves it; 403 for an indicator of another "
        "organisation, 400 naming the field for a value that breaks a rule."
    )
    def create(self, request, *args, **kwargs):
        body = self.get_serializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        try:
            delivered = delivery_services.submit_value(
                indicator=data["indicator"],
                year=data["year"],
                value=data.get("value"),
                display_text=data.get("display_text", ""),
                measured_on=data["measured_on"],
                source=data["source"],
                note=data.get("note", ""),
                user=request.user,
            )
        except DjangoPermissionDenied as exc:
            raise _refused(exc) from exc
        return Response(self.get_serializer(delivered).data, status=status.HTTP_201_CREATED)

    def _review(self, request, decide, body_class):
        delivered = self.get_object()
        if not access.can_review_deliveries(request.user):
            raise PermissionDenied("Only a team member approves or rejects a delivered value.")
        body = body_class(data=request.data)
        body.is_valid(raise_exception=True)
        expected = expected_version_from(request, delivered)
        try:
            reviewed = decide(
                delivered=delivered,
                user=request.user,
                expected_version=expected,
                note=body.validated_data.get("note", ""),
            )
        except DjangoPermissionDenied as exc:
            raise _refused(exc) from exc
        except DjangoValidationError as exc:
            raise serializers.ValidationError(
                exc.message_dict if hasattr(exc, "error_dict") else {"status": exc.messages}
            ) from exc
        return Response(self.get_serializer(reviewed).data)

    @extend_schema(
        request=ReviewSerializer,
        responses={200: DeliveredValueSerializer},
        parameters=[IF_MATCH],
        description="Approve the value (team members; not the one who entered it: four eyes). "
        "It becomes a realisation with origin 'delivered' and counts from now on.",
    )
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None, format=None):
        return self._review(request, delivery_services.approve_delivery, ReviewSerializer)

    @extend_schema(
        request=RejectSerializer,
        responses={200: DeliveredValueSerializer},
        parameters=[IF_MATCH],
        description="Reject the value with the reason (`note`, required); the partner may "
        "submit a corrected one. Team members, not the one who entered it.",
    )
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None, format=None):
        def decide(*, note, **kwargs):
            return delivery_services.reject_delivery(reason=note, **kwargs)

        return self._review(request, decide, RejectSerializer)
