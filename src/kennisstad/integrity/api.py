"""REST API of the integrity registers. The team keeps the registers (office-holders, gifts
received, gifts given, third-party trips: the municipality's side reads, the team writes); the
published register is public: ``/api/v1/public-gifts/`` and ``/api/v1/public-trips/`` list
the entries of closed periods (``?period=2027-q1``), gifts above the threshold only."""

from django_countries.serializer_fields import CountryField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets

from kennisstad.accounts import access
from kennisstad.core.api import (
    ModelCleanSerializer,
    ModelSerializer,
    VersionedModelViewSet,
    assign_fields,
)
from kennisstad.core.api_schema import versioned_schema

from . import selectors, services
from .models import GiftGiven, GiftReceived, OfficeHolder, ThirdPartyTrip

PERIOD = OpenApiParameter(
    "period",
    OpenApiTypes.STR,
    description="A publication period: 2027-q1 (quarter) or 2027-h2 (half year).",
)


class OfficeHolderSerializer(ModelCleanSerializer):
    class Meta:
        model = OfficeHolder
        fields = [
            "id",
            "url",
            "name",
            "function",
            "portfolio",
            "in_office_from",
            "in_office_until",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:office-holder-detail"}}


class GiftReceivedSerializer(ModelCleanSerializer):
    in_public_register = serializers.SerializerMethodField()

    class Meta:
        model = GiftReceived
        fields = [
            "id",
            "url",
            "recipient",
            "received_on",
            "giver_name",
            "giver_organisation",
            "giver_person",
            "occasion",
            "description_nl",
            "description_en",
            "estimated_value",
            "disposition",
            "delegation",
            "erasure_note",
            "in_public_register",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at", "erasure_note"]
        extra_kwargs = {"url": {"view_name": "api:gift-received-detail"}}

    def get_in_public_register(self, gift) -> bool:
        """Above the threshold, in a period that has ended."""
        return selectors.is_published(gift)


class GiftGivenSerializer(ModelCleanSerializer):
    class Meta:
        model = GiftGiven
        fields = [
            "id",
            "url",
            "given_on",
            "giver",
            "recipient",
            "recipient_organisation",
            "occasion",
            "description_nl",
            "description_en",
            "estimated_value",
            "delegation",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:gift-given-detail"}}


class ThirdPartyTripSerializer(ModelCleanSerializer):
    destination_country = CountryField(required=False, allow_blank=True)

    class Meta:
        model = ThirdPartyTrip
        fields = [
            "id",
            "url",
            "office_holder",
            "kind",
            "paid_by",
            "paid_by_organisation",
            "destination",
            "destination_country",
            "starts_on",
            "ends_on",
            "purpose",
            "estimated_value",
            "delegation",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:third-party-trip-detail"}}


class RegisterViewSet(VersionedModelViewSet):
    may_read = staticmethod(access.can_see_gifts_and_travel_costs)
    selector = staticmethod(selectors.gifts_received)
    service = staticmethod(services.save_gift_received)
    keyword = "gift"

    def get_queryset(self):
        return self.selector(user=self.request.user)

    def save_function(self, *, instance, validated_data, expected_version):
        instance = instance or self.get_serializer_class().Meta.model()
        assign_fields(instance, validated_data)
        return self.service(
            **{self.keyword: instance},
            user=self.request.user,
            expected_version=expected_version,
        )

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        services.delete_integrity_record(
            instance=instance, user=user, expected_version=expected_version
        )


@versioned_schema
class OfficeHolderViewSet(RegisterViewSet):
    serializer_class = OfficeHolderSerializer
    selector = staticmethod(selectors.office_holders)
    service = staticmethod(services.save_office_holder)
    keyword = "office_holder"
    search_fields = ["name", "portfolio"]


@versioned_schema
class GiftReceivedViewSet(RegisterViewSet):
    serializer_class = GiftReceivedSerializer
    search_fields = ["description_nl", "description_en", "giver_name", "occasion"]
    ordering_fields = ["received_on", "estimated_value"]


@versioned_schema
class GiftGivenViewSet(RegisterViewSet):
    serializer_class = GiftGivenSerializer
    selector = staticmethod(selectors.gifts_given)
    service = staticmethod(services.save_gift_given)
    search_fields = ["description_nl", "description_en", "recipient"]
    ordering_fields = ["given_on", "estimated_value"]


@versioned_schema
class ThirdPartyTripViewSet(RegisterViewSet):
    serializer_class = ThirdPartyTripSerializer
    selector = staticmethod(selectors.trips)
    service = staticmethod(services.save_trip)
    keyword = "trip"
    search_fields = ["destination", "paid_by", "purpose"]
    ordering_fields = ["starts_on", "estimated_value"]


# --- the published register ----------------------------------------------------------------


class PublicGiftSerializer(ModelSerializer):
    recipient = serializers.CharField(source="recipient.name", read_only=True)
    recipient_function = serializers.CharField(source="recipient.title", read_only=True)
    period = serializers.SerializerMethodField()

    class Meta:
        model = GiftReceived
        fields = [
            "id",
            "period",
            "received_on",
            "recipient",
            "recipient_function",
            "giver_name",
            "occasion",
            "description_nl",
            "description_en",
            "estimated_value",
            "disposition",
        ]

    def get_period(self, gift) -> str:
        return selectors.period_of(gift.received_on).slug


class PublicTripSerializer(ModelSerializer):
    office_holder = serializers.CharField(source="office_holder.name", read_only=True)
    office_holder_function = serializers.CharField(source="office_holder.title", read_only=True)
    destination_country = CountryField(read_only=True)
    period = serializers.SerializerMethodField()

    class Meta:
        model = ThirdPartyTrip
        fields = [
            "id",
            "period",
            "office_holder",
            "office_holder_function",
            "kind",
            "paid_by",
            "destination",
            "destination_country",
            "starts_on",
            "ends_on",
            "purpose",
            "estimated_value",
        ]

    def get_period(self, trip) -> str:
        return selectors.period_of(trip.starts_on).slug


class PublicRegisterViewSet(viewsets.ReadOnlyModelViewSet):
    public_read = True
    date_field = "received_on"

    def filter_period(self, queryset):
        slug = self.request.query_params.get("period")
        return queryset if not slug else selectors.in_period(queryset, self.date_field, slug)


@extend_schema_view(list=extend_schema(parameters=[PERIOD]))
class PublicGiftViewSet(PublicRegisterViewSet):
    """Gifts and hospitality received above the threshold, in periods that have ended."""

    serializer_class = PublicGiftSerializer

    def get_queryset(self):
        return self.filter_period(selectors.published_gift_entries())


@extend_schema_view(list=extend_schema(parameters=[PERIOD]))
class PublicTripViewSet(PublicRegisterViewSet):
    """Trips, invitations and hospitality paid by third parties, in periods that have ended."""

    serializer_class = PublicTripSerializer
    date_field = "starts_on"

    def get_queryset(self):
        return self.filter_period(selectors.published_trips())
