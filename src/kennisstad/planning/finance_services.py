"""Writes of a chapter's money: freezing the finance tables with the document (when it is
offered, so the council adopts what it was offered; at adoption for one adopted straight from
the draft; when an imported document is published; or again with ``kennisstad
freeze-finances``) so a later ledger import does not change what the council adopted, and
writing the explanation of a difference until the document is published (with history): a
difference that appears after the offer (a changed threshold) can still be explained, so the
document is never stuck between adoption and publication."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.policy.models import Document, DocumentStatus

from .finance_explanations import rows_to_explain
from .finance_models import FinanceExplanation, FinanceRow
from .finance_tables import finance_table, live_finance_overview, live_finance_tables
from .models import Chapter


def freeze_finances(document: Document, chapters: list[Chapter] | None = None) -> int:
    """Store each chapter's finance table and the document's overview as they stand now; a
    part already frozen stays as it was. A part without data stays unfrozen (null), so it
    follows the ledger until a freeze finds data: a document read in before its ledger would
    otherwise say "no financial data" forever. Returns the number of chapters frozen."""
    chapters = list(
        document.chapters.select_related("document", "policy_area")
        if chapters is None
        else chapters
    )
    open_chapters = [chapter for chapter in chapters if chapter.frozen_finances is None]
    frozen = 0
    for chapter, table in zip(open_chapters, live_finance_tables(open_chapters), strict=True):
        if table is None or not table.has_data:
            continue
        chapter.frozen_finances = table.to_json()
        chapter.save(update_fields=["frozen_finances"])
        frozen += 1
    # The stored overview, not the caller's copy: one read before the offer froze it would
    # otherwise be frozen again from the ledger as it stands now, and saved with the document.
    document.frozen_finance_overview = (
        Document.objects.filter(pk=document.pk)
        .values_list("frozen_finance_overview", flat=True)
        .first()
    )
    if document.frozen_finance_overview is None:
        overview = live_finance_overview(document)
        if overview is not None and overview.has_data:
            document.frozen_finance_overview = overview.to_json()
            Document.objects.filter(pk=document.pk).update(
                frozen_finance_overview=document.frozen_finance_overview
            )
    return frozen


def explanations_open(document: Document) -> bool:
    """Whether the explanations of the document's differences may still be written: until it
    is published (an imported published document included)."""
    return document.status != DocumentStatus.PUBLISHED


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
    """Explain the difference of one row (lasten, baten, saldo) of a jaarstukken chapter, until
    its document is published: publishing is refused while a difference is unexplained, so an
    offered or adopted document must still take one. Writing it again replaces it (the history
    keeps the earlier text) and needs ``expected_version``, the version read: without it a
    colleague's text would be overwritten unseen."""
    document = Document.objects.select_for_update().get(pk=chapter.document_id)
    if not explanations_open(document):
        raise ValidationError(
            _("%(document)s is published; its explanations no longer change.")
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
        raise StaleVersionError(instance=explanation, expected_version=None, current=explanation)
    explanation.text_nl, explanation.text_en = text_nl.strip(), (text_en or "").strip()
    return save_record(instance=explanation, user=user, expected_version=expected_version)


@transaction.atomic
def refreeze_finances(*, document: Document, user: UserLike, dry_run: bool = False) -> list[str]:
    """Freeze a document's finance tables and overview again from the ledger as it stands now,
    for one frozen too early (an imported document read in before its ledger, or a ledger
    corrected after the offer). Not for a draft: it follows the ledger anyway. A part without
    data becomes unfrozen again. Returns what changes (chapter codes, ``overview``); with
    ``dry_run`` nothing is written."""
    document = Document.objects.select_for_update().get(pk=document.pk)
    if document.is_draft:
        raise ValidationError(
            _("%(document)s is a draft: its finance tables follow the ledger, nothing to freeze.")
            % {"document": document}
        )
    chapters = list(
        document.chapters.select_for_update(of=("self",)).select_related("document", "policy_area")
    )
    changed = []
    for chapter, table in zip(chapters, live_finance_tables(chapters), strict=True):
        frozen = table.to_json() if table is not None and table.has_data else None
        if frozen != chapter.frozen_finances:
            changed.append(chapter.policy_area.code)
            chapter.frozen_finances = frozen
            if not dry_run:
                chapter.save(update_fields=["frozen_finances"])
    overview = live_finance_overview(document)
    frozen = overview.to_json() if overview is not None and overview.has_data else None
    if frozen != document.frozen_finance_overview:
        changed.append("overview")
        if not dry_run:
            Document.objects.filter(pk=document.pk).update(frozen_finance_overview=frozen)
    if changed and not dry_run:
        log_event_on_commit(
            "planning.finances.refrozen", user=user, document=str(document), changed=changed
        )
    return changed
