"""REST API of the money. Ledger part: the finance lines and the imports (team members and
administrators: ledger detail is internal), the totals of a finance-table column, the
national list of taakvelden (everyone), and the import of a ledger export."""

import django_filters
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status, viewsets
from rest_framework.response import Response

from kennisstad.accounts import access
from kennisstad.core.filters import FilterSet, YearFilter
from kennisstad.core.imports import ImportRefused

from . import selectors
from .ledger_columns import parse_mapping
from .ledger_reader import MAX_BYTES
from .models import FinanceLine, LedgerImport, LineKind, Taakveld
from .services import import_ledger


class TaakveldSerializer(serializers.ModelSerializer):
    class Meta:
        model = Taakveld
        fields = ["code", "title_nl", "title_en", "main_task", "former_titles"]


class FinanceLineSerializer(serializers.ModelSerializer):
    policy_field = serializers.CharField(source="policy_area.code", read_only=True)
    taakveld = serializers.CharField(source="taakveld.code", read_only=True)
    amount = serializers.DecimalField(max_digits=15, decimal_places=2, coerce_to_string=True)

    class Meta:
        model = FinanceLine
        fields = [
            "id",
            "year",
            "kind",
            "estimated_in",
            "amendment",
            "policy_field",
            "taakveld",
            "direction",
            "amount",
            "ledger_account",
            "cost_centre",
            "description",
            "batch",
            "row_number",
        ]


class LedgerImportSerializer(serializers.ModelSerializer):
    class Meta:
        model = LedgerImport
        fields = [
            "id",
            "file_name",
            "checksum",
            "imported_at",
            "imported_by",
            "line_count",
            "replaced_count",
            "total_expenses",
            "total_income",
            "scopes",
        ]


class LedgerReportSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField()
    file_name = serializers.CharField()
    checksum = serializers.CharField()
    import_id = serializers.IntegerField(allow_null=True)
    line_count = serializers.IntegerField()
    replaced_count = serializers.IntegerField()
    total_expenses = serializers.DecimalField(max_digits=17, decimal_places=2)
    total_income = serializers.DecimalField(max_digits=17, decimal_places=2)
    scopes = serializers.SerializerMethodField()
    skipped = serializers.SerializerMethodField()
    warnings = serializers.ListField(child=serializers.CharField())

    def get_scopes(self, report) -> list[dict]:
        return [
            {
                "year": scope.year,
                "kind": scope.kind,
                "estimated_in": scope.estimated_in,
                "lines": scope.lines,
                "replaced": scope.replaced,
                "total_expenses": f"{scope.expenses:.2f}",
                "total_income": f"{scope.income:.2f}",
                "lost_policy_fields": scope.lost_policy_fields,
                "lost_amendments": scope.lost_amendments,
            }
            for scope in report.scopes
        ]

    def get_skipped(self, report) -> list[str]:
        return [str(problem) for problem in report.skipped]


class FinanceLineFilter(FilterSet):
    year = YearFilter()
    kind = django_filters.ChoiceFilter(choices=LineKind.choices)
    policy_field = django_filters.CharFilter(field_name="policy_area__code")
    taakveld = django_filters.CharFilter(field_name="taakveld__code")

    class Meta:
        model = FinanceLine
        fields = ["year", "kind", "policy_field", "taakveld"]


class TaakveldViewSet(viewsets.ReadOnlyModelViewSet):
    """The national Iv3 list of taakvelden: reference data, readable by everyone."""

    serializer_class = TaakveldSerializer
    queryset = Taakveld.objects.order_by("position", "code")
    lookup_field = "code"
    lookup_value_regex = r"[0-9.]+"
    public_read = True
    pagination_class = None


class LedgerLineViewSet(viewsets.ReadOnlyModelViewSet):
    """The lines of the ledger as imported, paginated."""

    may_read = staticmethod(access.is_team)  # ledger detail is internal
    serializer_class = FinanceLineSerializer
    filterset_class = FinanceLineFilter
    queryset = FinanceLine.objects.select_related("policy_area", "taakveld").order_by(
        "year", "kind", "policy_area__code", "taakveld__position", "id"
    )


IMPORT_REQUEST = inline_serializer(
    "LedgerImportRequest",
    {
        "file": serializers.FileField(),
        "dry_run": serializers.BooleanField(required=False),
        "estimated_in": serializers.IntegerField(required=False),
        "mapping": serializers.CharField(required=False, help_text="JSON: field to header"),
    },
)


class LedgerImportViewSet(viewsets.ReadOnlyModelViewSet):
    """The imports with their totals; POST imports a ledger export (multipart ``file``).
    A refused file is a 400 naming every wrong row, and nothing is written."""

    may_read = staticmethod(access.is_team)
    serializer_class = LedgerImportSerializer
    queryset = LedgerImport.objects.order_by("-imported_at", "-id")

    @extend_schema(
        request={"multipart/form-data": IMPORT_REQUEST},
        responses={200: LedgerReportSerializer, 201: LedgerReportSerializer},
        description="Import a ledger export (.csv or .xlsx); dry_run=true writes nothing.",
    )
    def create(self, request, *args, **kwargs):
        upload = request.FILES.get("file")
        if upload is None:
            raise serializers.ValidationError({"file": ["Send the ledger export as `file`."]})
        if upload.size > MAX_BYTES:
            raise serializers.ValidationError(
                {"file": [_("The file is larger than %(size)s MB.") % {"size": MAX_BYTES // 10**6}]}
            )
        dry_run = serializers.BooleanField().to_internal_value(request.data.get("dry_run", False))
        estimated_in = request.data.get("estimated_in") or None
        if estimated_in is not None:
            estimated_in = serializers.IntegerField(min_value=1900, max_value=2100).run_validation(
                estimated_in
            )
        try:
            mapping = parse_mapping(request.data.get("mapping", ""), source="mapping")
            report = import_ledger(
                data=upload.read(),
                file_name=upload.name,
                user=request.user,
                dry_run=dry_run,
                mapping=mapping or None,
                estimated_in=estimated_in,
            )
        except ImportRefused as refused:
            raise serializers.ValidationError(
                {"file": refused.lines(), "summary": [refused.summary()]}
            ) from refused
        code = status.HTTP_200_OK if dry_run else status.HTTP_201_CREATED
        return Response(LedgerReportSerializer(report).data, status=code)


TOTALS_PARAMETERS = [
    OpenApiParameter("year", OpenApiTypes.INT, required=True),
    OpenApiParameter("basis", OpenApiTypes.STR, enum=list(selectors.BASES), required=True),
    OpenApiParameter("estimated_in", OpenApiTypes.INT, description="for basis=raming"),
    OpenApiParameter("by", OpenApiTypes.STR, enum=["policy_area", "taakveld"]),
    OpenApiParameter("policy_field", OpenApiTypes.STR, description="this code and below"),
]


class LedgerTotalsQuery(serializers.Serializer):
    year = serializers.IntegerField(min_value=1900, max_value=2100)
    basis = serializers.ChoiceField(choices=selectors.BASES)
    estimated_in = serializers.IntegerField(min_value=1900, max_value=2100, required=False)
    by = serializers.ChoiceField(choices=["policy_area", "taakveld"], default="policy_area")
    policy_field = serializers.CharField(required=False, max_length=20)

    def validate(self, attrs):
        if attrs["basis"] == "raming" and "estimated_in" not in attrs:
            raise serializers.ValidationError({"estimated_in": ["A raming needs estimated_in."]})
        return attrs


class LedgerTotalsViewSet(viewsets.ViewSet):
    """Lasten, baten and saldo (baten minus lasten) of one finance-table column, per policy
    area or taakveld; na_wijziging is primitief plus every wijziging of the year."""

    may_read = staticmethod(access.is_team_or_reader)  # the figures a begroting prints

    @extend_schema(
        parameters=TOTALS_PARAMETERS,
        responses={
            200: inline_serializer(
                "LedgerTotal",
                {
                    "key": serializers.CharField(),
                    "total_expenses": serializers.DecimalField(max_digits=17, decimal_places=2),
                    "total_income": serializers.DecimalField(max_digits=17, decimal_places=2),
                    "balance": serializers.DecimalField(max_digits=17, decimal_places=2),
                },
                many=True,
            )
        },
    )
    def list(self, request, format=None):
        query = LedgerTotalsQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        data = query.validated_data
        column = selectors.Column(
            year=data["year"],
            basis=data["basis"],
            estimated_in=data.get("estimated_in") if data["basis"] == "raming" else None,
        )
        areas = [data["policy_field"]] if data.get("policy_field") else None
        rows = selectors.totals(column, by=(data["by"],), areas=areas)
        return Response(
            [
                {
                    "key": key[0],
                    "total_expenses": f"{amounts.expenses:.2f}",
                    "total_income": f"{amounts.income:.2f}",
                    "balance": f"{amounts.balance:.2f}",
                }
                for key, amounts in sorted(rows.items())
            ]
        )
