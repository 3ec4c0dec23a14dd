"""Writes of a chapter's money: freezing the finance tables with the document (at adoption, or
when an imported document is published) so a later ledger import does not change what the
council adopted, and writing the explanation of a difference while the document is a draft."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.policy.models import Document

from .finance_explanations import rows_to_explain
from .finance_models import FinanceExplanation, FinanceRow
from .finance_tables import finance_table, live_finance_overview, live_finance_tables
from .models import Chapter


def freeze_finances(document: Document, chapters: list[Chapter] | None = None) -> int:
    """Store each chapter's finance table and the document's overview as they stand now; a
    part already frozen stays as it was. Called in the transaction that freezes the indicator
    tables. Returns the number of chapters frozen."""
    chapters = list(
        document.chapters.select_related("document", "policy_area")
        if chapters is None
        else chapters
    )
    open_chapters = [chapter for chapter in chapters if chapter.frozen_finances is None]
    for chapter, table in zip(open_chapters, live_finance_tables(open_chapters), strict=True):
        if table is None:
            continue
        chapter.frozen_finances = table.to_json()
        chapter.save(update_fields=["frozen_finances"])
    if document.frozen_finance_overview is None:
        overview = live_finance_overview(document)
        if overview is not None:
            document.frozen_finance_overview = overview.to_json()
            Document.objects.filter(pk=document.pk).update(
                frozen_finance_overview=document.frozen_finance_overview
            )
    return len(open_chapters)


@transaction.atomic
def save_finance_explanation(
    *,
    chapter: Chapter,
    row: str,
    text_nl: str,
    user: UserLike,
    text_en: str = "",
    expected_version: int | None = None,
) -> FinanceExplanation:
    """Explain the difference of one row (lasten, baten, saldo) of a jaarstukken chapter, while
    its document is a draft: once offered the text is the council's. Writing it again replaces
    it (``expected_version``: the version read, so a concurrent edit is refused)."""
    document = Document.objects.select_for_update().get(pk=chapter.document_id)
    if not document.is_draft:
        raise ValidationError(
            _("%(document)s is no longer a draft; its explanations no longer change.")
            % {"document": document}
        )
    if row not in FinanceRow.values:
        raise ValidationError(
            {"row": _("Choose lasten, baten or saldo, not %(row)s.") % {"row": row}}
        )
    if (
        row not in rows_to_explain(finance_table(chapter))
        and not chapter.finance_explanations.filter(row=row).exists()
    ):
        raise ValidationError(
            {
                "row": _("The %(row)s of this chapter has no difference that needs explaining.")
                % {"row": row}
            }
        )
    if not (text_nl or "").strip():
        raise ValidationError({"text_nl": _("Write the explanation in Dutch.")})
    explanation = FinanceExplanation.objects.filter(chapter=chapter, row=row).first()
    if explanation is None:
        explanation = FinanceExplanation(chapter=chapter, row=row)
        expected_version = None
    elif expected_version is None:
        expected_version = explanation.version
    explanation.text_nl, explanation.text_en = text_nl.strip(), (text_en or "").strip()
    return save_record(instance=explanation, user=user, expected_version=expected_version)
