"""REST API for agreements, with their parties nested.

Anyone may read the public agreements (as the portal shows them); the municipality's side reads
them all; the team writes. A write replaces the parties, themes, projects and delegations it
sends and leaves alone what it leaves out; the agreement carries one version (If-Match). Who owns
the relationship is the municipality's own business: left out for partners and the public."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kennisstad.accounts import access
from kennisstad.core.api import ModelCleanSerializer, VersionedModelViewSet, assign_fields
from kennisstad.core.api_schema import versioned_schema
from kennisstad.core.models import Theme
from kennisstad.delegations.models import Delegation
from kennisstad.projects.models import Project
from kennisstad.relations.models import Organisation, OrganisationKind

from . import selectors
from .filters import AgreementFilter
from .models import Agreement, AgreementParty, AgreementStatus, PartyRole
from .services import Party, delete_agreement, save_agreement

MANAGEMENT_FIELDS = ("relationship_owner",)


class PartySerializer(serializers.ModelSerializer):
    organisation = serializers.PrimaryKeyRelatedField(queryset=Organisation.objects.all())
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    country = serializers.CharField(source="organisation.country.code", read_only=True)
    role = serializers.ChoiceField(choices=PartyRole.choices, default=PartyRole.SIGNATORY)

    class Meta:
        model = AgreementParty
        fields = ["organisation", "organisation_name", "country", "role", "signed_as"]
        validators = []  # one row per organisation is checked over the whole list


class AgreementSerializer(ModelCleanSerializer):
    parties = PartySerializer(
        source="partyships",
        many=True,
        required=False,
        help_text="At least one when the agreement is created; a list sent replaces the stored.",
    )
    themes = serializers.SlugRelatedField(
        slug_field="slug", many=True, queryset=Theme.objects.all(), required=False
    )
    projects = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Project.objects.all(), required=False
    )
    delegations = serializers.PrimaryKeyRelatedField(
        many=True, queryset=Delegation.objects.all(), required=False
    )
    status = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = [
            "id",
            "url",
            "title_nl",
            "title_en",
            "kind",
            "summary_nl",
            "summary_en",
            "parties",
            "signed_on",
            "term_years",
            "expires_on",
            "renewal",
            "notice_days",
            "renewal_terms_nl",
            "renewal_terms_en",
            "terminated_on",
            "status",
            "themes",
            "projects",
            "delegations",
            "relationship_owner",
            "is_public",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"url": {"view_name": "api:agreement-detail"}}

    @extend_schema_field(serializers.ChoiceField(choices=AgreementStatus.choices))
    def get_status(self, agreement) -> str:
        return agreement.status

    def to_representation(self, instance):
        data = super().to_representation(instance)
        request = self.context.get("request")
        user = request.user if request is not None else None
        if not access.can_see_management_details(user):
            for name in MANAGEMENT_FIELDS:
                data.pop(name, None)
        if not access.is_team_or_reader(user):
            # Partners and the public see the public projects only, no delegations, and of the
            # parties the partner cities and regions (as the portal does): not the companies,
            # universities or witnesses the registry keeps to the municipality.
            visible = self._visible_projects(user)
            data["projects"] = [pk for pk in data.get("projects", []) if pk in visible]
            data.pop("delegations", None)
            governments = {
                party.organisation_id
                for party in instance.partyships.all()
                if party.organisation.kind == OrganisationKind.FOREIGN_GOVERNMENT
            }
            data["parties"] = [
                party for party in data.get("parties", []) if party["organisation"] in governments
            ]
        return data

    def _visible_projects(self, user) -> set[int]:
        """Once per request, not once per agreement of a list."""
        if "visible_projects" not in self.context:
            projects = access.visible_projects(user, Project.objects.all())
            self.context["visible_projects"] = set(projects.values_list("pk", flat=True))
        return self.context["visible_projects"]


@versioned_schema
class AgreementViewSet(VersionedModelViewSet):
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilter
    search_fields = ["title_nl", "title_en", "summary_nl", "summary_en"]
    ordering_fields = ["signed_on", "expires_on", "title_nl", "updated_at"]
    public_read = True

    def get_queryset(self):
        queryset = selectors.agreement_detail_queryset().order_by("-signed_on", "title_nl", "id")
        return selectors.visible_agreements(self.request.user, queryset)

    def save_function(self, *, instance, validated_data, expected_version):
        rows = validated_data.pop("partyships", None)
        many = {
            name: validated_data.pop(name)
            for name in ("themes", "projects", "delegations")
            if name in validated_data
        }
        instance = instance or Agreement()
        assign_fields(instance, validated_data)
        parties = None
        if rows is not None:
            parties = [
                Party(
                    row["organisation"],
                    row.get("role", PartyRole.SIGNATORY),
                    row.get("signed_as", ""),
                )
                for row in rows
            ]
        return save_agreement(
            agreement=instance,
            user=self.request.user,
            expected_version=expected_version,
            parties=parties,
            **many,
        )

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        delete_agreement(agreement=instance, user=user, expected_version=expected_version)
