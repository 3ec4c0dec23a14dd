"""The P&C cycle through the API, as actions on a document: offer it to the council, record
the council's decision (adopt, with its amendments), publish it, record an amendment, and for a
bestuursrapportage each action's progress and each indicator's forecast.

Team only: a document is changed by whoever may change it (``accounts.access.can_change``,
asked by ``get_object``). Every action sends the document's version it read (``If-Match`` or
``version``), as every write does (``core.api``): a step taken on a page read before another's
step is refused. The writes are ``cycle_services``; their refusals come back as 400 naming the
field (``core.api.exception_handler``).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.response import Response

from kennisstad.core.api import expected_version_from
from kennisstad.core.api_schema import IF_MATCH
from kennisstad.indicators.models import Indicator
from kennisstad.policy.models import Document

from . import selectors
from .cycle_models import parse_printed
from .models import Action, ActionProgress, Amendment, Chapter, Forecast, ProgressStatus, Section
from .services import (
    adopt_document,
    offer_document,
    publish_document,
    record_action_progress,
    record_amendment,
    record_forecast,
)

MAX_TEXT = 20_000  # a section of a chapter is rarely a tenth of this


class ChapterSummarySerializer(serializers.ModelSerializer):
    policy_field = serializers.CharField(source="policy_area.code")
    title = serializers.CharField(source="policy_area.title_nl")

    class Meta:
        model = Chapter
        fields = ["id", "policy_field", "title"]


class AmendmentSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", allow_null=True, default=None)

    class Meta:
        model = Amendment
        fields = [
            "number",
            "description",
            "accepted",
            "indicator",
            "year",
            "new_target",
            "section",
            "new_text",
            "applied_on",
        ]


class DocumentSerializer(serializers.ModelSerializer):
    chapters = ChapterSummarySerializer(many=True, read_only=True)
    amendments = AmendmentSerializer(many=True, read_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "year",
            "sequence",
            "status",
            "offered_on",
            "adopted_on",
            "decision_number",
            "published_on",
            "imported",
            "amendments",
            "chapters",
            "version",
        ]
        read_only_fields = ["offered_on", "adopted_on", "decision_number", "sequence"]


VERSION_HELP = "The document's version you read; or send it in If-Match."

MAX_AMENDMENTS = 200
"""The most amendments one adoption records: each is checked with a few queries, so a longer
list is refused before any is read."""


class CycleStepSerializer(serializers.Serializer):
    """A step on the document in the context (``document``)."""

    version = serializers.IntegerField(required=False, write_only=True, help_text=VERSION_HELP)

    @property
    def document(self) -> Document:
        return self.context["document"]


class OfferSerializer(CycleStepSerializer):
    on = serializers.DateField(help_text="The date the document was offered to the council.")


class AmendmentInputSerializer(CycleStepSerializer):
    """An amendment as the council voted on it: in words, and the target (indicator and year)
    or the section text it changes, checked as the document page checks it."""

    number = serializers.CharField(max_length=30, help_text="E.g. A12 or 2018-07.")
    description = serializers.CharField(max_length=2000, help_text="What the amendment changes.")
    accepted = serializers.BooleanField(default=True)
    indicator = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Indicator.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="The code of the indicator whose target changes.",
    )
    year = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=1900, max_value=2200
    )
    new_target = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=60, help_text="E.g. > 7."
    )
    section = serializers.PrimaryKeyRelatedField(
        queryset=Section.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="The section whose text changes.",
    )
    new_text = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=MAX_TEXT
    )

    def validate_number(self, number: str) -> str:
        number = number.strip()
        if not number:
            raise serializers.ValidationError(_("Give the amendment's number."))
        if self.document.amendments.filter(number=number).exists():
            raise serializers.ValidationError(
                _("Amendment %(number)s is already recorded.") % {"number": number}
            )
        return number

    def validate_indicator(self, indicator: Indicator | None) -> Indicator | None:
        if (
            indicator is not None
            and not selectors.indicators_of(self.document).filter(pk=indicator.pk).exists()
        ):
            raise serializers.ValidationError(_("The indicator is not in this document's tables."))
        return indicator

    def validate_section(self, section: Section | None) -> Section | None:
        if section is not None and section.chapter.document_id != self.document.pk:
            raise serializers.ValidationError(_("An amendment changes a text of its own document."))
        return section

    def validate(self, attrs: dict) -> dict:
        attrs.pop("version", None)
        amendment = Amendment(document=self.document, **attrs)
        try:
            amendment.clean()
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        return attrs


class AdoptSerializer(CycleStepSerializer):
    on = serializers.DateField(help_text="The date of the council's decision.")
    decision_number = serializers.CharField(max_length=60)
    amendments = AmendmentInputSerializer(
        many=True,
        required=False,
        default=list,
        max_length=MAX_AMENDMENTS,
        help_text=f"Amendments voted on with it (at most {MAX_AMENDMENTS}).",
    )

    def validate_amendments(self, amendments: list[dict]) -> list[dict]:
        numbers = [amendment["number"].strip() for amendment in amendments]
        if len(set(numbers)) != len(numbers):
            raise serializers.ValidationError(_("Each amendment has its own number."))
        return amendments


class PublishSerializer(CycleStepSerializer):
    on = serializers.DateField(required=False, allow_null=True, help_text="Empty for today.")


class ProgressInputSerializer(CycleStepSerializer):
    action = serializers.PrimaryKeyRelatedField(
        queryset=Action.objects.select_related("chapter__document"),
        help_text="An action of the begroting of the report's year.",
    )
    status = serializers.ChoiceField(choices=ProgressStatus.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)


class ForecastInputSerializer(CycleStepSerializer):
    indicator = serializers.SlugRelatedField(
        slug_field="code", queryset=Indicator.objects.all(), help_text="The indicator's code."
    )
    year = serializers.IntegerField(
        required=False, help_text="The report's own year (the default); no other is allowed."
    )
    value = serializers.CharField(max_length=60, help_text="As printed: 6, > 5, 10–12 or 80%.")
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=MAX_TEXT)

    def validate_value(self, value: str) -> str:
        try:
            return parse_printed(value, "value").text
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict["value"]) from exc

    def validate_indicator(self, indicator: Indicator) -> Indicator:
        if not selectors.forecastable_indicators(self.document).filter(pk=indicator.pk).exists():
            raise serializers.ValidationError(
                _("The indicator is not in the tables of the begroting of the report's year.")
            )
        return indicator

    def validate_year(self, year: int) -> int:
        if year != self.document.year:
            raise serializers.ValidationError(
                _("A bestuursrapportage reports on the begroting of its own year.")
            )
        return year


class ProgressOutputSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionProgress
        fields = ["id", "report", "action", "status", "note", "version"]


class ForecastOutputSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code")
    value = serializers.CharField(source="display_text")

    class Meta:
        model = Forecast
        fields = ["id", "report", "indicator", "year", "value", "note", "version"]


def _cycle_schema(request, response, description: str):
    return extend_schema(
        request=request,
        parameters=[IF_MATCH],
        responses={response[0]: response[1]},
        description=description,
    )


class DocumentCycleActions:
    """The cycle's actions of ``DocumentViewSet``; a transition answers with the document."""

    def _step(self, request, serializer_class) -> tuple[Document, int, dict]:
        """The document (a 403 for anyone but the team), the version the client read, and the
        body, validated (400 naming each field)."""
        document = self.get_object()  # type: ignore[attr-defined]
        expected = expected_version_from(request, document)
        body = serializer_class(data=request.data, context={"document": document})
        body.is_valid(raise_exception=True)
        data = dict(body.validated_data)
        data.pop("version", None)
        return document, expected, data

    def _answer(self, request, document: Document) -> Response:
        """The document as it stands after the step, its amendments read again."""
        fresh = self.get_queryset().get(pk=document.pk)  # type: ignore[attr-defined]
        return Response(DocumentSerializer(fresh, context={"request": request}).data)

    @_cycle_schema(
        OfferSerializer,
        (200, DocumentSerializer),
        "Offer a draft to the council (ontwerp → aangeboden) on the date given.",
    )
    @action(detail=True, methods=["post"])
    def offer(self, request, pk=None, format=None):
        document, expected, data = self._step(request, OfferSerializer)
        offer_document(document=document, user=request.user, expected_version=expected, **data)
        return self._answer(request, document)

    @_cycle_schema(
        AdoptSerializer,
        (200, DocumentSerializer),
        "Record the council's decision (vastgesteld): date, decision number and the amendments "
        "voted on. The accepted amendments are applied, the tables frozen, the targets fixed.",
    )
    @action(detail=True, methods=["post"])
    def adopt(self, request, pk=None, format=None):
        document, expected, data = self._step(request, AdoptSerializer)
        for amendment in data["amendments"]:
            amendment.pop("version", None)
        adopt_document(document=document, user=request.user, expected_version=expected, **data)
        return self._answer(request, document)

    @_cycle_schema(
        PublishSerializer,
        (200, DocumentSerializer),
        "Publish a document the council adopted (gepubliceerd, on the date given or today). "
        "Publishing freezes nothing: the adoption did.",
    )
    @action(detail=True, methods=["post"])
    def publish(self, request, pk=None, format=None):
        document, expected, data = self._step(request, PublishSerializer)
        publish_document(
            document=document, user=request.user, expected_version=expected, on=data.get("on")
        )
        return self._answer(request, document)

    @_cycle_schema(
        AmendmentInputSerializer,
        (201, AmendmentSerializer),
        "Record an amendment to a document the council has not adopted yet; an accepted one "
        "is applied when the document is adopted.",
    )
    @action(detail=True, methods=["post"])
    def amendments(self, request, pk=None, format=None):
        document, _expected, data = self._step(request, AmendmentInputSerializer)
        amendment = record_amendment(document=document, user=request.user, **data)
        return Response(AmendmentSerializer(amendment).data, status=status.HTTP_201_CREATED)

    @_cycle_schema(
        ProgressInputSerializer,
        (200, ProgressOutputSerializer),
        "A bestuursrapportage's status (op_schema, vertraagd, gereed, vervallen) and note for "
        "an action of its year's begroting; recording it again replaces it.",
    )
    @action(detail=True, methods=["post"])
    def progress(self, request, pk=None, format=None):
        document, _expected, data = self._step(request, ProgressInputSerializer)
        progress = record_action_progress(report=document, user=request.user, **data)
        return Response(ProgressOutputSerializer(progress).data)

    @_cycle_schema(
        ForecastInputSerializer,
        (200, ForecastOutputSerializer),
        "A bestuursrapportage's forecast for an indicator, for the report's year, as printed; "
        "recording it again replaces it.",
    )
    @action(detail=True, methods=["post"])
    def forecasts(self, request, pk=None, format=None):
        document, _expected, data = self._step(request, ForecastInputSerializer)
        data.setdefault("year", document.year)
        forecast = record_forecast(report=document, user=request.user, **data)
        return Response(ForecastOutputSerializer(forecast).data)
