"""REST API for the shared calendar; what a caller sees follows ``accounts.access``."""

from django_countries.serializer_fields import CountryField
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from kennisstad.accounts import access
from kennisstad.accounts.models import User
from kennisstad.core.api import (
    ModelCleanSerializer,
    VersionedModelViewSet,
    assign_fields,
)
from kennisstad.core.api_schema import versioned_schema
from kennisstad.core.models import Theme
from kennisstad.projects.models import Project
from kennisstad.relations.models import Person

from . import selectors
from .filters import ActivityFilter
from .models import Activity
from .services import delete_activity, save_activity


class ConflictSerializer(serializers.Serializer):
    activity = serializers.IntegerField()
    title = serializers.CharField()
    starts_at = serializers.DateTimeField()
    shared_team_participants = serializers.ListField(child=serializers.IntegerField())
    shared_people = serializers.ListField(child=serializers.IntegerField())
    same_venue = serializers.BooleanField()


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
            "exception_dates",
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
            "publication_requested_at",
            "status",
            "version",
            "updated_at",
        ]
        read_only_fields = ["uid", "sequence", "publication_requested_at", "updated_at"]
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


class ActivityWithConflictsSerializer(ActivitySerializer):
    """The answer to a create or update: the activity plus what it overlaps."""

    conflicts = ConflictSerializer(
        many=True,
        read_only=True,
        help_text="Overlapping activities that share a team member, a contact or the venue. "
        "The activity is saved regardless.",
    )

    class Meta(ActivitySerializer.Meta):
        fields = [*ActivitySerializer.Meta.fields, "conflicts"]


@extend_schema_view(
    create=extend_schema(responses={201: ActivityWithConflictsSerializer}),
    update=extend_schema(responses={200: ActivityWithConflictsSerializer}),
    partial_update=extend_schema(responses={200: ActivityWithConflictsSerializer}),
)
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

    def _with_conflicts(self, response, activity):
        """The API saves, and says which activities overlap with a shared participant or venue."""
        conflicts = selectors.conflicts_for(
            activity,
            team_participants=activity.team_participants.all(),
            people=activity.people.all(),
        )
        visible = set(
            access.visible_activities(
                self.request.user,
                Activity.objects.filter(pk__in=[c["activity"].pk for c in conflicts]),
            ).values_list("pk", flat=True)
        )
        response.data["conflicts"] = [
            {
                "activity": conflict["activity"].pk,
                "title": conflict["activity"].title,
                "starts_at": conflict["activity"].starts_at.isoformat(),
                "shared_team_participants": [user.pk for user in conflict["team_participants"]],
                "shared_people": [person.pk for person in conflict["people"]],
                "same_venue": conflict["same_venue"],
            }
            for conflict in conflicts
            if conflict["activity"].pk in visible
        ]
        return response

    def create(self, request, *args, **kwargs):
        response = super().create(request, *args, **kwargs)
        return self._with_conflicts(response, Activity.objects.get(pk=response.data["id"]))

    def update(self, request, *args, **kwargs):
        response = super().update(request, *args, **kwargs)
        return self._with_conflicts(response, Activity.objects.get(pk=response.data["id"]))

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        delete_activity(activity=instance, user=user, expected_version=expected_version)
