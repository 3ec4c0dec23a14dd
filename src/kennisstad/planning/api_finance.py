"""The money in the API: a chapter's finance table (``finances`` in the chapter, as the JSON
export gives it: exact euros as strings and the values shown), the explanation of a jaarstukken
difference (POST, team, until the document is published; changing one needs its version), and
a document's overview of lasten and baten per taakveld (``/documents/{id}/finance-overview/``)."""

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.response import Response

from kennisstad.accounts import access

from .finance_explanations import explanations_of
from .finance_format import finance_data, overview_data
from .finance_models import FinanceExplanation, FinanceRow
from .finance_services import save_finance_explanation
from .finance_tables import finance_overview, finance_tables


def chapters_finances(chapters) -> dict[int, dict | None]:
    """Per chapter id its ``finances``, the tables of all the chapters computed together."""
    chapters = list(chapters)
    explained = explanations_of(chapters)
    return {
        chapter.pk: finance_data(table, explained.get(chapter.pk, {}))
        for chapter, table in zip(chapters, finance_tables(chapters), strict=True)
    }


class FinanceExplanationSerializer(serializers.ModelSerializer):
    class Meta:
        model = FinanceExplanation
        fields = ["id", "chapter", "row", "text_nl", "text_en", "version"]
        read_only_fields = ["id", "chapter", "version"]


class FinanceExplanationInputSerializer(serializers.Serializer):
    row = serializers.ChoiceField(choices=FinanceRow.choices)
    text_nl = serializers.CharField(help_text="The explanation in Dutch, printed under the table.")
    text_en = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="The explanation's version you read; required to change an existing one.",
    )


class ChapterFinanceActions:
    """The explanation action of ``ChapterViewSet``."""

    @extend_schema(
        request=FinanceExplanationInputSerializer,
        responses={201: FinanceExplanationSerializer, 200: FinanceExplanationSerializer},
        description="Explain the difference in lasten, baten or saldo of a jaarstukken chapter "
        "(team, until the document is published). Writing it again replaces it: send the "
        "version you read (400 without it, 409 when someone changed it since).",
    )
    @action(detail=True, methods=["post"], url_path="finance-explanations")
    def finance_explanations(self, request, pk=None, format=None):
        if not access.is_team(request.user):
            raise PermissionDenied
        chapter = self.get_object()  # type: ignore[attr-defined]
        body = FinanceExplanationInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data
        existed = chapter.finance_explanations.filter(row=data["row"]).exists()
        if existed and data.get("version") is None:
            raise ValidationError(
                {"version": [_("Send the version of the explanation you read to change it.")]}
            )
        explanation = save_finance_explanation(
            chapter=chapter,
            row=data["row"],
            text_nl=data["text_nl"],
            text_en=data["text_en"],
            user=request.user,
            expected_version=data.get("version"),
        )
        return Response(
            FinanceExplanationSerializer(explanation).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )


class DocumentFinanceActions:
    """The overview action of ``DocumentViewSet``."""

    @extend_schema(
        responses={200: OpenApiTypes.OBJECT},
        description="Lasten and baten per taakveld (BBV) for the whole document: the "
        "begroting's year, or the jaarstukken' budget na wijziging and realisation; as adopted "
        "once the document is. null for a kind without one.",
    )
    @action(detail=True, methods=["get"], url_path="finance-overview")
    def finance_overview(self, request, pk=None, format=None):
        document = self.get_object()  # type: ignore[attr-defined]
        return Response(overview_data(finance_overview(document)))
