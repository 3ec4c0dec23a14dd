"""REST API for the shared calendar; what a caller sees follows ``accounts.access``."""

from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from kennisstad.accounts import access
from kennisstad.accounts.models import User
from kennisstad.core.api import (
    ModelCleanSerializer,
    VersionedModelViewSet,
    assign_fields,
    versioned_schema,
)
from kennisstad.core.models import Theme
from kennisstad.projects.models import Project
from kennisstad.relations.models import Person

from .filters import ActivityFilter
from .models import Activity
from .services import delete_activity, save_activity


class ActivitySerializer(ModelCleanSerializer):
    country = CountryField(required=False, allow_blank=True)
    themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Theme.objects.all(), required=False
    )
    team_participants = serializers.PrimaryKeyRelatedField(
        many=True, queryset=User.objects.all(), required=False
    )
    people = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Person.objects.all(), required=False
    )

    class Meta:
        model = Activity
        fields = [
            "id",
            "url",
            "uid",
            "sequence",
            "title_nl",
            "title_en",
            "description_nl",
            "description_en",
            "kind",
            "starts_at",
            "ends_at",
            "all_day",
            "timezone",
            "rrule",
            "location",
            "city",
            "country",
            "organiser_organisation",
            "organiser_department",
            "team_participants",
            "people",
            "project",
            "themes",
            "visibility",
            "status",
            "version",
            "updated_at",
        ]
        read_only_fields = ["uid", "sequence", "updated_at"]
        extra_kwargs = {"url": {"view_name": "api:activity-detail"}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None and "project" in self.fields:
            # Only projects the caller may see can be linked (and so named).
            self.fields["project"].queryset = access.visible_projects(
                request.user, Project.objects.all()
            )

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is not None and not access.can_see_participants(request.user):
            # Who takes part is internal: partners and the public see the activity, not the people.
            data["team_participants"] = []
            data["people"] = []
        return data


@versioned_schema
class ActivityViewSet(VersionedModelViewSet):
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilter
    search_fields = ["title_nl", "title_en", "location", "city"]
    ordering_fields = ["starts_at", "updated_at"]
    public_read = True

    def get_queryset(self):
        queryset = Activity.objects.prefetch_related("themes", "team_participants", "people")
        return access.visible_activities(self.request.user, queryset.order_by("starts_at", "id"))

    def save_function(self, *, instance, validated_data, expected_version):
        many = {
            name: validated_data.pop(name)
            for name in ("team_participants", "people", "themes")
            if name in validated_data
        }
        instance = instance or Activity()
        if instance._state.adding and access.is_partner(self.request.user):
            validated_data.setdefault("organiser_organisation", self.request.user.organisation)
        assign_fields(instance, validated_data)
        return save_activity(
            activity=instance, user=self.request.user, expected_version=expected_version, **many
        )

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        delete_activity(activity=instance, user=user, expected_version=expected_version)
