"""Which differences of a jaarstukken chapter need an explanation: a row (lasten, baten, saldo)
whose Verschil (realisatie minus begroting na wijziging) exceeds the municipality's threshold,
an amount in euros (``KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT``) and/or a percentage of the
budget (``..._ABOVE_PERCENT``); ``..._WHEN`` says whether one criterion suffices ("either") or
both must hold ("both"). An empty setting switches its criterion off. A jaarstukken document
with a difference still unexplained is neither offered nor published (``refuse_unexplained``)."""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils.translation import gettext as _

from kennisstad.policy.models import Document, DocumentKind

from .finance_format import ROW_LABELS
from .finance_models import FinanceExplanation
from .finance_tables import ROWS, FinanceTable, finance_tables
from .models import Chapter


@dataclass(frozen=True)
class Threshold:
    amount: Decimal | None
    percent: Decimal | None
    both: bool

    def exceeded(self, difference: Decimal, budget: Decimal | None) -> bool:
        checks = []
        if self.amount is not None:
            checks.append(abs(difference) > self.amount)
        if self.percent is not None:
            base = abs(budget or Decimal(0))
            checks.append(
                difference != 0 if base == 0 else abs(difference) * 100 / base > self.percent
            )
        if not checks:
            return False
        return all(checks) if self.both else any(checks)


def _setting(name: str) -> Decimal | None:
    value = str(getattr(settings, name, "") or "").strip()
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise ImproperlyConfigured(f"{name} must be a number or empty, got {value!r}.") from exc


def threshold() -> Threshold:
    return Threshold(
        amount=_setting("KENNISSTAD_FINANCE_EXPLAIN_ABOVE_AMOUNT"),
        percent=_setting("KENNISSTAD_FINANCE_EXPLAIN_ABOVE_PERCENT"),
        both=getattr(settings, "KENNISSTAD_FINANCE_EXPLAIN_WHEN", "either") == "both",
    )


def rows_to_explain(table: FinanceTable | None) -> list[str]:
    """The rows of a jaarstukken table whose difference exceeds the threshold."""
    if table is None or not table.reports_difference or not table.has_data:
        return []
    limit = threshold()
    rows = []
    for row in ROWS:
        values = table.row(row)
        budget, difference = values[-3], values[-1]
        if difference is not None and limit.exceeded(difference, budget):
            rows.append(row)
    return rows


def explanations_of(chapters) -> dict[int, dict[str, FinanceExplanation]]:
    """Per chapter id its explanations by row, in one query."""
    result: dict[int, dict[str, FinanceExplanation]] = {}
    for explanation in FinanceExplanation.objects.filter(chapter__in=list(chapters)):
        result.setdefault(explanation.chapter_id, {})[explanation.row] = explanation
    return result


def missing_explanations(
    chapter: Chapter, table: FinanceTable | None, explained: dict[str, FinanceExplanation]
) -> list[str]:
    """The rows over the threshold that still lack an explanation."""
    return [row for row in rows_to_explain(table) if row not in explained]


def unexplained(document: Document) -> list[tuple[Chapter, str]]:
    """Every (chapter, row) of a jaarstukken document with a difference still unexplained."""
    if document.kind != DocumentKind.JAARSTUKKEN:
        return []
    chapters = list(document.chapters.select_related("document", "policy_area"))
    explained = explanations_of(chapters)
    return [
        (chapter, row)
        for chapter, table in zip(chapters, finance_tables(chapters), strict=True)
        for row in missing_explanations(chapter, table, explained.get(chapter.pk, {}))
    ]


def refuse_unexplained(document: Document) -> None:
    """Refuse a step while a difference above the threshold is unexplained, naming each."""
    missing = unexplained(document)
    if missing:
        named = "; ".join(
            f"{chapter.policy_area.code} {chapter.policy_area.title_nl}: {ROW_LABELS[row].lower()}"
            for chapter, row in missing
        )
        raise ValidationError(
            _(
                "%(document)s has differences above the threshold without an explanation "
                "(Wat heeft het gekost?): %(rows)s. Explain them in the chapter first."
            )
            % {"document": document, "rows": named}
        )
