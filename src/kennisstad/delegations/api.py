"""REST API for delegations, with their members, programme and travel costs nested (gifts are
in the integrity registers' API).

Writes replace a nested list when it is sent (rows keep their ``id`` to be updated in place)
and leave it alone when it is left out; the whole delegation carries one version (If-Match).
What a caller sees follows ``accounts.access``: partners get the delegations of the visits they
may see, without members, hosts, needs or travel costs."""

from django.utils.translation import gettext as _
from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kennisstad.accounts import access
from kennisstad.accounts.models import User
from kennisstad.agenda.models import Activity
from kennisstad.core.api import (
    ModelCleanSerializer,
    ModelSerializer,
    VersionedModelViewSet,
    assign_fields,
)
from kennisstad.core.api_schema import versioned_schema
from kennisstad.relations.models import Person

from . import selectors
from .filters import DelegationFilter
from .models import (
    DIRECTION_OF_KIND,
    Delegation,
    DelegationMember,
    Direction,
    ProgrammeItem,
    TravelCost,
)
from .services import delete_delegation, save_delegation

PEOPLE_FIELDS = (
    "host_users",
    "host_people",
    "members",
    "interpretation_languages",
    "dietary_requirements",
    "press_and_media",
    "accessibility",
    "notes",
)
GIFT_AND_COST_FIELDS = ("travel_costs",)


class ChildSerializer(ModelSerializer):
    id = serializers.IntegerField(
        required=False, help_text="Send the id of a stored row to change it; leave it out to add."
    )


class MemberSerializer(ChildSerializer):
    person = serializers.PrimaryKeyRelatedField(queryset=Person.objects.all())

    class Meta:
        model = DelegationMember
        fields = ["id", "person", "function", "form_of_address", "is_head"]
        validators = []  # one member per person is checked over the whole list by the service


class ProgrammeItemSerializer(ChildSerializer):
    responsible_user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True
    )
    responsible_person = serializers.PrimaryKeyRelatedField(
        queryset=Person.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = ProgrammeItem
        fields = [
            "id",
            "starts_at",
            "ends_at",
            "title_nl",
            "title_en",
            "place",
            "responsible_user",
            "responsible_person",
        ]


class TravelCostSerializer(ChildSerializer):
    destination_country = CountryField()
    total = serializers.DecimalField(max_digits=11, decimal_places=2, read_only=True)

    class Meta:
        model = TravelCost
        fields = [
            "id",
            "traveller",
            "traveller_function",
            "destination_country",
            "transport",
            "lodging",
            "other",
            "total",
            "paid_by",
            "payer",
        ]


class DelegationSerializer(ModelCleanSerializer):
    activity = serializers.PrimaryKeyRelatedField(
        queryset=Activity.objects.filter(kind__in=list(DIRECTION_OF_KIND)),
        help_text="The incoming or outgoing visit; fixed once the delegation exists.",
    )
    direction = serializers.SerializerMethodField()
    country = CountryField(required=False, allow_blank=True)
    host_users = serializers.PrimaryKeyRelatedField(
        many=True, queryset=User.objects.all(), required=False
    )
    host_people = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Person.objects.all(), required=False
    )
    members = MemberSerializer(many=True, required=False)
    programme = ProgrammeItemSerializer(many=True, required=False)
    travel_costs = TravelCostSerializer(
        many=True,
        required=False,
        help_text="Outgoing missions only. Left out for callers who may not see costs.",
    )

    class Meta:
        model = Delegation
        fields = [
            "id",
            "url",
            "activity",
            "direction",
            "organisation",
            "country",
            "purpose_nl",
            "purpose_en",
            "host_users",
            "host_people",
            "interpretation_languages",
            "dietary_requirements",
            "press_and_media",
            "accessibility",
            "notes",
            "members",
            "programme",
            "travel_costs",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:delegation-detail"}}

    @extend_schema_field(serializers.ChoiceField(choices=Direction.choices, allow_null=True))
    def get_direction(self, delegation) -> str | None:
        return delegation.direction

    def validate_activity(self, activity):
        if self.instance is not None and activity.pk != self.instance.activity_id:
            raise serializers.ValidationError(
                _("The visit of a delegation does not change; record a new delegation instead.")
            )
        if self.instance is None and Delegation.objects.filter(activity=activity).exists():
            raise serializers.ValidationError(_("This visit already has a delegation."))
        return activity

    def clean_exclude(self, instance) -> list[str]:
        return ["activity"] if self.instance is not None else []

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = request.user if request is not None else None
        if not access.can_see_delegation_people(user):
            for name in PEOPLE_FIELDS:
                data.pop(name, None)
            for item in data.get("programme") or []:  # who is responsible: the team only
                item.pop("responsible_user", None)
                item.pop("responsible_person", None)
        if not access.can_see_gifts_and_travel_costs(user):
            for name in GIFT_AND_COST_FIELDS:
                data.pop(name, None)
        return data


@versioned_schema
class DelegationViewSet(VersionedModelViewSet):
    serializer_class = DelegationSerializer
    filterset_class = DelegationFilter
    search_fields = ["activity__title_nl", "activity__title_en", "organisation__name"]
    ordering_fields = ["activity__starts_at", "updated_at"]

    def get_queryset(self):
        queryset = selectors.delegation_detail_queryset(user=self.request.user)
        return queryset.order_by("-activity__starts_at", "id")

    def save_function(self, *, instance, validated_data, expected_version):
        many = {
            name: validated_data.pop(name)
            for name in ("host_users", "host_people")
            if name in validated_data
        }
        lists = {
            name: [dict(row) for row in validated_data.pop(name)]
            for name in ("members", "programme", "travel_costs")
            if name in validated_data
        }
        instance = instance or Delegation()
        assign_fields(instance, validated_data)
        return save_delegation(
            delegation=instance,
            user=self.request.user,
            expected_version=expected_version,
            **many,
            **lists,
        )

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        delete_delegation(delegation=instance, user=user, expected_version=expected_version)
