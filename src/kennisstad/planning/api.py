"""REST API for planning & control documents and chapters, with the indicator table as the
document shows it and the chapter in every export format. The cycle's steps on a document
(offer, adopt, publish, amendments, progress, forecasts) are ``api_cycle``."""

from collections.abc import Iterable
from typing import Any

from django.db.models import Manager
from django.http import HttpResponse
from django.utils.text import slugify
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers, viewsets
from rest_framework.decorators import action

from kennisstad.accounts import access
from kennisstad.policy.models import Document

from . import selectors
from .api_cycle import DocumentCycleActions, DocumentSerializer
from .api_finance import ChapterFinanceActions, DocumentFinanceActions, chapters_finances
from .chapter_table import ChapterTable
from .exports import CONTENT_TYPES, FORMATS, render
from .models import Action, Chapter, Section
from .shown_tables import chapter_note, table_data

# What each export format holds, for the schema: JSON is structured, the Office files binary.
EXPORT_BODIES = {
    "json": OpenApiTypes.OBJECT,
    "xlsx": OpenApiTypes.BINARY,
    "docx": OpenApiTypes.BINARY,
}


class SectionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Section
        fields = ["kind", "heading_nl", "heading_en", "body_nl", "body_en", "order"]


class ActionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Action
        fields = ["text_nl", "text_en", "projects", "order"]


class TableCellSerializer(serializers.Serializer):
    text = serializers.CharField(
        allow_blank=True, help_text="The cell as printed: “25.942*”, “> 5”, “Top 8”, “-”."
    )
    footnote = serializers.CharField(
        required=False, allow_blank=True, help_text="A footnote mark in the cell."
    )
    unreadable = serializers.BooleanField(
        required=False, help_text="Looks like a number but is none; kept as printed."
    )


class TableColumnSerializer(serializers.Serializer):
    label = serializers.CharField(
        allow_blank=True, help_text="The header word as printed: “Behaald”; blank for a bare year."
    )
    year = serializers.IntegerField(
        allow_null=True, help_text="null when the header prints none (“Nulmeting”)."
    )
    kind = serializers.CharField(
        help_text="realisation, target, forecast, baseline, text or comparison (another "
        "area's figure printed to compare with, never the municipality's own)."
    )
    suffix = serializers.CharField(
        required=False,
        help_text="What the header prints after its word and year: a unit (“(%)”) or a mark.",
    )


class TableRowSerializer(serializers.Serializer):
    name_nl = serializers.CharField()
    indicator = serializers.IntegerField(allow_null=True, help_text="The indicator matched.")
    number = serializers.CharField(
        required=False, allow_blank=True, help_text="A row-number column as printed."
    )
    footnote = serializers.CharField(
        required=False, allow_blank=True, help_text="A footnote mark after the name."
    )
    cells = TableCellSerializer(many=True)


class ShownTableSerializer(serializers.Serializer):
    """One table the chapter shows: an imported chapter's as printed (``printed``), else the
    standard table of a chapter Kennisstad writes."""

    label = serializers.CharField(help_text="As printed: “Prestatie-indicatoren”.")
    kind = serializers.CharField(help_text="performance, effect or statutory.")
    note = serializers.CharField(allow_blank=True)
    printed = serializers.BooleanField()
    columns = TableColumnSerializer(many=True)
    rows = TableRowSerializer(many=True)


class ChapterListSerializer(serializers.ListSerializer[Chapter]):
    """A page of chapters computes their tables together (``selectors.chapter_tables``): two
    queries for the page rather than two per chapter."""

    # The stubs give a ListSerializer its child's signature as well, hence the ignore.
    def to_representation(self, data: Manager[Any] | Iterable[Any]) -> list[Any]:  # type: ignore[override]
        chapters = list(data.all() if isinstance(data, Manager) else data)
        tables = selectors.chapter_tables(chapters)
        assert isinstance(self.child, ChapterSerializer)
        self.child.computed_tables = {
            chapter.pk: table for chapter, table in zip(chapters, tables, strict=True)
        }
        self.child.computed_finances = chapters_finances(chapters)
        return super().to_representation(chapters)


class ChapterSerializer(serializers.ModelSerializer):
    computed_tables: dict[int, ChapterTable] = {}  # set per page by ChapterListSerializer
    computed_finances: dict[int, dict | None] = {}  # likewise
    document = serializers.SerializerMethodField()
    policy_field = serializers.CharField(source="policy_area.code")
    title = serializers.CharField(source="policy_area.title_nl")
    sections = SectionSerializer(many=True, read_only=True)
    actions = ActionSerializer(many=True, read_only=True)
    table = serializers.SerializerMethodField()
    tables = serializers.SerializerMethodField()
    finances = serializers.SerializerMethodField()

    class Meta:
        model = Chapter
        list_serializer_class = ChapterListSerializer
        fields = [
            "id",
            "document",
            "policy_field",
            "title",
            "indicator_note_nl",
            "sections",
            "actions",
            "table",
            "tables",
            "finances",
        ]

    def get_document(self, chapter) -> str:
        return f"{chapter.document.kind}-{chapter.document.year}"

    def get_table(self, chapter) -> dict:
        """Columns, and per indicator the cells with their provenance; ``frozen`` once adopted."""
        table = self._table(chapter)
        return {**table.to_json(), "frozen": table.frozen}

    @extend_schema_field(ShownTableSerializer(many=True))
    def get_tables(self, chapter) -> list[dict]:
        """The tables the chapter shows: an imported chapter's as its document prints them
        (label, columns as printed, cells as printed), else the standard table."""
        printed = selectors.printed_tables(chapter)
        note = chapter_note(chapter, printed)
        data = table_data(printed, self._table(chapter), note=note)
        return ShownTableSerializer(data, many=True).data

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_finances(self, chapter) -> dict | None:
        """ "Wat mag het kosten?" / "Wat heeft het gekost?": columns, lasten, baten and saldo
        (exact euros as strings and the values shown), per taakveld, the explanations; null
        for a bestuursrapportage."""
        if chapter.pk not in self.computed_finances:
            self.computed_finances = {**self.computed_finances, **chapters_finances([chapter])}
        return self.computed_finances[chapter.pk]

    def _table(self, chapter) -> ChapterTable:
        if chapter.pk not in self.computed_tables:  # one chapter alone: computed once for both
            self.computed_tables = {
                **self.computed_tables,
                chapter.pk: selectors.chapter_table(chapter),
            }
        return self.computed_tables[chapter.pk]


class DocumentViewSet(DocumentCycleActions, DocumentFinanceActions, viewsets.ReadOnlyModelViewSet):
    may_read = staticmethod(access.is_team_or_reader)  # budget figures: the municipality's side

    serializer_class = DocumentSerializer
    queryset = Document.objects.prefetch_related(
        "chapters__policy_area", "amendments__indicator"
    ).order_by("-year", "kind", "sequence")
    filterset_fields = ["kind", "year", "status"]


class ChapterViewSet(ChapterFinanceActions, viewsets.ReadOnlyModelViewSet):
    may_read = staticmethod(access.is_team_or_reader)  # budget figures: the municipality's side

    serializer_class = ChapterSerializer
    queryset = (
        Chapter.objects.select_related("document", "policy_area")
        .prefetch_related("sections", "actions__projects", "table_rows__indicator")
        .order_by("document", "policy_area__code")
    )
    filterset_fields = ["document__kind", "document__year", "policy_area__code"]

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "file_format", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(FORMATS)
            )
        ],
        responses={
            (200, CONTENT_TYPES[fmt].split(";")[0]): EXPORT_BODIES.get(fmt, OpenApiTypes.STR)
            for fmt in FORMATS
        },
        description="The chapter as md, html, csv, xlsx, docx or json.",
    )
    @action(detail=True, methods=["get"], url_path=r"export/(?P<file_format>[a-z]+)")
    def export(self, request, pk=None, file_format=None, format=None):
        chapter = self.get_object()
        fmt = file_format
        if fmt not in FORMATS:
            raise serializers.ValidationError({"format": [f"Choose one of {', '.join(FORMATS)}."]})
        response = HttpResponse(render([chapter], fmt), content_type=CONTENT_TYPES[fmt])
        name = slugify(f"{chapter.document} {chapter.policy_area.code}")
        response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
        return response
