"""REST API of registrations: the team reads the registrations of an activity (personal data,
so team only) and the registration settings, and checks people in."""

import django_filters
from django.core.exceptions import ValidationError as DjangoValidationError
from django_filters.rest_framework import FilterSet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from kennisstad.accounts import access
from kennisstad.core.api import ModelSerializer

from . import services
from .models import Registration, RegistrationSettings


class RegistrationSerializer(ModelSerializer):
    class Meta:
        model = Registration
        fields = [
            "id",
            "activity",
            "name",
            "email",
            "organisation",
            "language",
            "status",
            "waiting_position",
            "answers",
            "consent_given_at",
            "checked_in_at",
            "no_show",
            "created_at",
            "cancelled_at",
        ]
        read_only_fields = fields


class RegistrationSettingsSerializer(ModelSerializer):
    class Meta:
        model = RegistrationSettings
        fields = [
            "id",
            "activity",
            "is_open",
            "capacity",
            "opens_at",
            "deadline",
            "waiting_list",
            "ask_dietary",
            "ask_accessibility",
            "ask_interpretation",
            "free_questions",
            "consent_text_nl",
            "consent_text_en",
            "retention_days",
            "version",
        ]
        read_only_fields = fields


class RegistrationFilter(FilterSet):
    activity = django_filters.NumberFilter(
        field_name="activity_id", min_value=1, max_value=2**63 - 1
    )
    status = django_filters.ChoiceFilter(choices=Registration._meta.get_field("status").choices)

    class Meta:
        model = Registration
        fields = ["activity", "status"]


class CheckInSerializer(serializers.Serializer):
    undo = serializers.BooleanField(required=False, default=False)


class RegistrationViewSet(viewsets.ReadOnlyModelViewSet):
    """Registrations for activities (``?activity=<id>``); team members only."""

    may_read = staticmethod(access.is_team)
    serializer_class = RegistrationSerializer
    filterset_class = RegistrationFilter
    queryset = Registration.objects.order_by("activity_id", "status", "waiting_position", "id")

    def list(self, request, *args, **kwargs):
        # The list is personal data: its rows are written to the access log. (A comment, not
        # a docstring: drf-spectacular would take it as the endpoint's description.)
        response = super().list(request, *args, **kwargs)
        data = response.data
        rows = data.get("results", []) if isinstance(data, dict) else data
        ids = [row["id"] for row in rows if isinstance(row, dict) and "id" in row]
        activities = {row.get("activity") for row in rows if isinstance(row, dict)}
        services.log_attendee_list_shown(
            user=request.user,
            activity_id=activities.pop() if len(activities) == 1 else 0,
            registrations=Registration.objects.filter(pk__in=ids),
        )
        return response

    @extend_schema(request=CheckInSerializer, responses={200: RegistrationSerializer})
    @action(detail=True, methods=["post"], url_path="check-in")
    def check_in(self, request, pk=None, format=None):
        """Check the registrant in (``undo``: take the check-in back); confirmed only."""
        registration = self.get_object()
        data = CheckInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            services.check_in(
                registration=registration, user=request.user, undo=data.validated_data["undo"]
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"status": exc.messages}) from exc
        return Response(RegistrationSerializer(registration, context={"request": request}).data)


class RegistrationSettingsViewSet(viewsets.ReadOnlyModelViewSet):
    """How registration works per activity; team members only."""

    may_read = staticmethod(access.is_team)
    serializer_class = RegistrationSettingsSerializer
    queryset = RegistrationSettings.objects.order_by("activity_id")
