"""The API's ``official`` actions of an indicator: mark one of a year's values (a target or a
realised value) as the official one, with the reason, or withdraw that choice. Both go through
``services.choose_authoritative`` / ``withdraw_authoritative`` (logged) and need
``access.can_choose_official_figures``."""

from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from kennisstad.accounts import access

from . import services
from .models import AuthoritativeValue, FigureKind, Indicator, Realisation, Target


class AuthoritativeValueSerializer(serializers.ModelSerializer):
    """Which value a team member marked as the official one of a year, and why."""

    class Meta:
        model = AuthoritativeValue
        fields = [
            "id",
            "indicator",
            "year",
            "kind",
            "target",
            "realisation",
            "reason",
            "chosen_at",
            "version",
        ]
        read_only_fields = fields


class OfficialChoiceSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=1900, max_value=2200)
    kind = serializers.ChoiceField(choices=FigureKind.choices)
    record = serializers.IntegerField(
        min_value=1, max_value=2**31 - 1, help_text="The id of the target or realisation."
    )
    reason = serializers.CharField(max_length=2000, help_text="Why this value is the official one.")


class OfficialWithdrawalSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=1900, max_value=2200)
    kind = serializers.ChoiceField(choices=FigureKind.choices)


# The mixin has no docstring on purpose: drf-spectacular would take it as the description of
# every indicator endpoint (the module docstring says what it does).
class OfficialFigureActions:
    def _indicator_for_choosing(self, request) -> Indicator:
        indicator = self.get_object()  # type: ignore[attr-defined]
        if not access.can_choose_official_figures(request.user):
            raise PermissionDenied
        return indicator

    @extend_schema(
        request=OfficialChoiceSerializer,
        responses={200: AuthoritativeValueSerializer},
        description="Mark a target or realised value of the indicator as the official one of "
        "its year, with the reason; replaces an earlier choice of that kind.",
    )
    @action(detail=True, methods=["post"], url_path="official")
    def official(self, request, pk=None, format=None):
        indicator = self._indicator_for_choosing(request)
        body = OfficialChoiceSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        model = Target if data["kind"] == FigureKind.TARGET else Realisation
        record = model.objects.filter(
            pk=data["record"], indicator=indicator, year=data["year"]
        ).first()
        if record is None:
            raise serializers.ValidationError(
                {"record": ["No such value of this indicator in that year."]}
            )
        try:
            choice = services.choose_authoritative(
                indicator=indicator,
                year=data["year"],
                record=record,
                reason=data["reason"],
                user=request.user,
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"reason": exc.messages}) from exc
        return Response(AuthoritativeValueSerializer(choice).data)

    @extend_schema(
        request=OfficialWithdrawalSerializer,
        responses={204: None},
        description="Withdraw the choice: the adopted document, else the newest value, decides.",
    )
    @action(detail=True, methods=["post"], url_path="official/withdraw")
    def withdraw_official(self, request, pk=None, format=None):
        indicator = self._indicator_for_choosing(request)
        body = OfficialWithdrawalSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            services.withdraw_authoritative(
                indicator=indicator,
                year=body.validated_data["year"],
                kind=body.validated_data["kind"],
                user=request.user,
            )
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"year": exc.messages}) from exc
        return Response(status=status.HTTP_204_NO_CONTENT)
