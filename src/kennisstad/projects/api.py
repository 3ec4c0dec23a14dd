"""REST API for the project portfolio; anonymous callers see public projects only."""

from django.db import transaction
from django_countries.serializer_fields import CountryField
from rest_framework import serializers

from kennisstad.accounts import access
from kennisstad.core.api import (
    ModelCleanSerializer,
    VersionedModelViewSet,
    assign_fields,
)
from kennisstad.core.api_schema import versioned_schema
from kennisstad.core.models import Theme
from kennisstad.relations.models import Organisation

from . import selectors
from .filters import ProjectFilter
from .models import PartnerRole, Project, ProjectCategory, ProjectPartner
from .services import save_project

MANAGEMENT_FIELDS = ("owner", "budget")  # left out for partners and the public


class PartnerSerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    role = serializers.ChoiceField(choices=PartnerRole.choices)

    class Meta:
        model = ProjectPartner
        fields = ["organisation", "organisation_name", "role"]


class ProjectSerializer(ModelCleanSerializer):
    category = serializers.SlugRelatedField(
        slug_field="code", queryset=ProjectCategory.objects.all()
    )
    themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Theme.objects.all(), required=False
    )
    countries = serializers.ListField(child=CountryField(), required=False)
    partners = PartnerSerializer(source="partnerships", many=True, required=False)

    class Meta:
        model = Project
        fields = [
            "id",
            "url",
            "title_nl",
            "title_en",
            "description_nl",
            "description_en",
            "category",
            "status",
            "start_date",
            "end_date",
            "themes",
            "countries",
            "lead_organisation",
            "partners",
            "owner",
            "budget",
            "outcome_nl",
            "outcome_en",
            "is_public",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:project-detail"}}

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        if request is None or not access.can_see_management_details(request.user):
            for name in MANAGEMENT_FIELDS:
                data.pop(name, None)
        return data


@versioned_schema
class ProjectViewSet(VersionedModelViewSet):
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    search_fields = ["title_nl", "title_en", "description_nl", "description_en"]
    ordering_fields = ["title_nl", "start_date", "end_date", "updated_at"]
    public_read = True

    def get_queryset(self):
        queryset = selectors.project_list().prefetch_related("partnerships__organisation")
        return access.visible_projects(self.request.user, queryset.order_by("-start_date", "id"))

    @transaction.atomic
    def save_function(self, *, instance, validated_data, expected_version):
        themes = validated_data.pop("themes", None)
        partnerships = validated_data.pop("partnerships", None)
        instance = instance or Project()
        assign_fields(instance, validated_data)
        partners = None
        if partnerships is not None:
            partners = [(item["organisation"], item["role"]) for item in partnerships]
        return save_project(
            project=instance,
            user=self.request.user,
            expected_version=expected_version,
            themes=themes,
            partners=partners,
        )
