"""REST API for the P&C calendar (``/api/v1/deadlines/``): the municipality's side reads every
deadline with its days left and the figures it still waits for; the team writes, with the
version protocol of every other record. Partners get nothing."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from kennisstad.accounts import access
from kennisstad.core.api import ModelCleanSerializer, VersionedModelViewSet, assign_fields
from kennisstad.core.api_schema import versioned_schema
from kennisstad.core.filters import FilterSet, YearFilter
from kennisstad.policy import selectors as policy_selectors
from kennisstad.policy.models import Deadline
from kennisstad.policy.services import delete_deadline, save_deadline

from .deadline_selectors import deadline_rows


class MissingValueSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(source="indicator.pk")
    name = serializers.CharField(source="indicator.name")
    owner = serializers.IntegerField(source="indicator.owner_id", allow_null=True)
    owner_organisation = serializers.IntegerField(
        source="indicator.owner_organisation_id", allow_null=True
    )
    figures = serializers.SerializerMethodField()

    @extend_schema_field(serializers.ListField(child=serializers.CharField()))
    def get_figures(self, row) -> list[str]:
        """Each figure missing as kind:year, e.g. "target:2019"."""
        return [f"{figure.kind}:{figure.year}" for figure in row.figures]


class DeadlineSerializer(ModelCleanSerializer):
    days_left = serializers.SerializerMethodField()
    missing = serializers.SerializerMethodField()

    class Meta:
        model = Deadline
        fields = [
            "id",
            "document_kind",
            "year",
            "sequence",
            "due_on",
            "remind_days_before",
            "description_nl",
            "description_en",
            "days_left",
            "missing",
            "version",
            "updated_at",
        ]
        read_only_fields = ["updated_at"]
        # Uniqueness is the model's constraint, checked by full_clean with its own message.
        validators: list = []

    def _row(self, deadline: Deadline):
        rows = self.context.setdefault("deadline_rows", {})
        if deadline.pk not in rows:
            rows[deadline.pk] = deadline_rows([deadline], today=timezone.localdate())[0]
        return rows[deadline.pk]

    def get_days_left(self, deadline: Deadline) -> int:
        """Days until the due date; negative once it passed."""
        return self._row(deadline).days_left

    @extend_schema_field(MissingValueSerializer(many=True))
    def get_missing(self, deadline: Deadline) -> list:
        """The indicators that still lack a figure the document needs, with what they lack."""
        return MissingValueSerializer(self._row(deadline).missing, many=True).data


class DeadlineFilter(FilterSet):
    year = YearFilter()

    class Meta:
        model = Deadline
        fields = ["year", "document_kind"]


@versioned_schema
class DeadlineViewSet(VersionedModelViewSet):
    may_read = staticmethod(access.is_team_or_reader)  # the municipality's own planning

    serializer_class = DeadlineSerializer
    filterset_class = DeadlineFilter
    queryset = policy_selectors.deadlines()

    def paginate_queryset(self, queryset):
        """The page's missing values in one pass (a few queries), not one pass per deadline."""
        page = super().paginate_queryset(queryset)
        rows = deadline_rows(page if page is not None else queryset, today=timezone.localdate())
        self._rows = {row.deadline.pk: row for row in rows}
        return page

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["deadline_rows"] = getattr(self, "_rows", {})
        return context

    def save_function(self, *, instance, validated_data, expected_version):
        return save_deadline(
            deadline=assign_fields(instance or Deadline(), validated_data),
            user=self.request.user,
            expected_version=expected_version,
        )

    @staticmethod
    def delete_function(*, instance, user, expected_version):
        delete_deadline(deadline=instance, user=user, expected_version=expected_version)
