"""Writes of the P&C cycle: a document is offered to the council (aangeboden), adopted by it
(vastgesteld: date, decision number, amendments) and published (gepubliceerd); between a
begroting and its jaarstukken a bestuursrapportage reports each action's progress and each
indicator's forecast.

The transitions, and why:
- ontwerp → aangeboden (``offer_document``): with the date it was offered.
- aangeboden → vastgesteld (``adopt_document``): with the date and the decision number. An
  ontwerp may be adopted directly, since the team may record only the council's decision; the
  offering date then stays empty. An imported, published document may get its decision recorded
  later: it becomes adopted and stays gepubliceerd. Adopting applies the accepted amendments,
  freezes every chapter's indicator table, pins the values it reports, and fixes its targets:
  only adoption freezes those. The finance tables freeze earlier, when the document is offered:
  the council adopts the money it was offered, and a ledger import in between does not put a
  new, unexplained difference in a document that can no longer be changed.
- vastgesteld → gepubliceerd (``publish_document``): with a date (today when none is given). A
  document the council has not adopted is not published here; an import publishes what a
  municipality already published, without adopting it (``document_import``).
Every step is logged (``publication.document.*``, ``cycle.*.recorded``) once it commits.
"""

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.indicators.models import Comparator, Indicator, Realisation, Target
from kennisstad.policy.models import Document, DocumentKind, DocumentStatus

from . import publication_events
from .chapter_table import ChapterTable
from .cycle_models import ActionProgress, Amendment, Forecast, parse_printed
from .finance_explanations import refuse_unexplained
from .finance_services import freeze_finances
from .models import Action, Section
from .selectors import live_tables


def _locked(document: Document) -> Document:
    """The stored document, locked for this transaction: the transition reads its real state."""
    return Document.objects.select_for_update().get(pk=document.pk)


def _version(document: Document, expected_version: int | None) -> int:
    return document.version if expected_version is None else expected_version


@transaction.atomic
def offer_document(
    *,
    document: Document,
    on: datetime.date,
    user: UserLike,
    expected_version: int | None = None,
) -> Document:
    """ontwerp → aangeboden: offered to the council on ``on``; its finance tables freeze as
    offered (every difference above the threshold explained)."""
    version = _version(document, expected_version)
    stored = _locked(document)
    if stored.status != DocumentStatus.DRAFT:
        raise ValidationError(
            _("Only a draft is offered to the council; %(document)s is %(status)s.")
            % {"document": stored, "status": stored.get_status_display()}
        )
    refuse_unexplained(stored)
    document.status, document.offered_on = DocumentStatus.OFFERED, on
    save_record(instance=document, user=user, expected_version=version)
    freeze_finances(document)
    publication_events.document_step(document, user=user, step="offered")
    return document


@transaction.atomic
def adopt_document(
    *,
    document: Document,
    on: datetime.date,
    decision_number: str,
    user: UserLike,
    amendments: Iterable[Mapping[str, Any]] = (),
    expected_version: int | None = None,
) -> Document:
    """The council's decision: the amendments given are recorded with the others, the accepted
    ones applied; then the tables freeze, the values shown are pinned, the targets fixed."""
    version = _version(document, expected_version)
    stored = _locked(document)
    if stored.is_adopted or stored.status == DocumentStatus.ADOPTED:
        raise ValidationError(_("%(document)s was already adopted.") % {"document": stored})
    if not (decision_number or "").strip():
        raise ValidationError({"decision_number": _("Give the number of the council decision.")})
    if stored.status == DocumentStatus.DRAFT:  # adopted without being offered: checked now
        refuse_unexplained(stored)
    for amendment in amendments:
        record_amendment(document=document, user=user, **amendment)
    applied = _apply_amendments(document, on=on, user=user)
    chapters, pinned = _freeze(document, user=user)
    if document.status != DocumentStatus.PUBLISHED:  # an imported one stays published
        document.status = DocumentStatus.ADOPTED
    document.adopted_on, document.decision_number = on, decision_number.strip()
    save_record(instance=document, user=user, expected_version=version)
    publication_events.document_adopted(
        document,
        user=user,
        via="adopt",
        chapters=chapters,
        realisations_pinned=pinned,
        amendments_applied=applied,
    )
    return document


def _freeze(document: Document, *, user: UserLike) -> tuple[int, int]:
    """Freeze each chapter's table as it stands and pin the values it shows to the document."""
    chapters = list(
        document.chapters.select_for_update(of=("self",))
        .select_related("document")
        .prefetch_related("table_rows__indicator")
    )
    live = iter(live_tables([chapter for chapter in chapters if chapter.frozen_table is None]))
    shown: list[int] = []
    for chapter in chapters:
        if chapter.frozen_table is None:
            table = next(live)
            chapter.frozen_table = table.to_json()
            chapter.save(update_fields=["frozen_table"])
            publication_events.chapter_published(chapter, user=user, via="adopt")
        else:
            table = ChapterTable.from_json(chapter.frozen_table)
        shown += [
            cell.record
            for row in table.rows
            for cell in row.cells
            if cell.is_realisation and cell.record
        ]
    pinned = Realisation.objects.filter(pk__in=shown, source_document__isnull=True).update(
        source_document=document
    )
    freeze_finances(document, chapters)  # adopted from the draft, or still empty at the offer
    return len(chapters), pinned


@transaction.atomic
def publish_document(
    *,
    document: Document,
    user: UserLike,
    on: datetime.date | None = None,
    expected_version: int | None = None,
) -> Document:
    """vastgesteld → gepubliceerd on ``on`` (today by default). Publishing freezes nothing:
    the adoption did."""
    version = _version(document, expected_version)
    stored = _locked(document)
    if stored.status == DocumentStatus.PUBLISHED:
        raise ValidationError(_("%(document)s was already published.") % {"document": stored})
    if not stored.is_adopted:
        raise ValidationError(
            _("%(document)s is published once the council has adopted it.") % {"document": stored}
        )
    refuse_unexplained(stored)
    document.status = DocumentStatus.PUBLISHED
    document.published_on = on or timezone.localdate()
    save_record(instance=document, user=user, expected_version=version)
    publication_events.document_step(document, user=user, step="published", via="publish")
    return document


@transaction.atomic
def record_amendment(
    *,
    document: Document,
    number: str,
    description: str,
    user: UserLike,
    accepted: bool = True,
    indicator: Indicator | None = None,
    year: int | None = None,
    new_target: str = "",
    section: Section | None = None,
    new_text: str = "",
) -> Amendment:
    """An amendment to a document the council has not adopted yet: in words, and the target
    (indicator and year) or section text it changes, applied when the document is adopted."""
    if _locked(document).is_adopted:
        raise ValidationError(
            _("%(document)s is adopted; its amendments were voted on then.")
            % {"document": document}
        )
    amendment = Amendment(
        document=document,
        number=number.strip(),
        description=description,
        accepted=accepted,
        indicator=indicator,
        year=year,
        new_target=new_target,
        section=section,
        new_text=new_text,
    )
    save_record(instance=amendment, user=user)
    publication_events.cycle_recorded(
        "amendment",
        user=user,
        amendment=amendment.pk,
        document=document.pk,
        accepted=accepted,
        changes_target=indicator is not None,
        changes_text=section is not None,
    )
    return amendment


def _apply_amendments(document: Document, *, on: datetime.date, user: UserLike) -> int:
    """Each accepted amendment's change, made before the adoption freezes it."""
    applied = 0
    pending = document.amendments.filter(accepted=True, applied_on__isnull=True)
    for amendment in pending.select_related("indicator", "section"):
        if amendment.indicator is not None and amendment.year is not None:
            _amend_target(document, amendment, year=amendment.year, user=user)
        if (section := amendment.section) is not None:
            section.body_nl = amendment.new_text
            save_record(instance=section, user=user, expected_version=section.version)
        amendment.applied_on = on
        save_record(instance=amendment, user=user, expected_version=amendment.version)
        applied += 1
    return applied


def _amend_target(document: Document, amendment: Amendment, *, year: int, user: UserLike) -> None:
    """The document's own target for the indicator and year takes the amended value (one the
    document printed first, else one entered here); a new one when it set none."""
    targets = Target.objects.filter(
        indicator=amendment.indicator, year=year, set_in=document
    ).order_by("source_document_id")
    target = next(
        (t for t in targets if t.source_document_id == document.pk), targets.first()
    ) or Target(indicator=amendment.indicator, year=year, set_in=document)
    parsed = parse_printed(amendment.new_target, "new_target")
    target.comparator = parsed.comparator or Comparator.EQUAL
    target.value, target.value_high = parsed.value, parsed.value_high
    target.display_text = parsed.text
    target.note = _("Amended by %(number)s.") % {"number": amendment.number}
    save_record(instance=target, user=user, expected_version=target.version if target.pk else None)


def _bestuursrapportage(report: Document) -> None:
    if report.kind != DocumentKind.BESTUURSRAPPORTAGE:
        raise ValidationError(_("%(document)s is no bestuursrapportage.") % {"document": report})
    if report.is_adopted or report.status == DocumentStatus.PUBLISHED:
        raise ValidationError(
            _("%(document)s is adopted; what it reports stands.") % {"document": report}
        )


@transaction.atomic
def record_action_progress(
    *, report: Document, action: Action, status: str, note: str = "", user: UserLike
) -> ActionProgress:
    """The status (op schema, vertraagd, gereed, vervallen) and note a bestuursrapportage gives
    an action of its year's begroting; recording it again replaces it."""
    _bestuursrapportage(report)
    progress = ActionProgress.objects.filter(report=report, action=action).first()
    progress = progress or ActionProgress(report=report, action=action)
    progress.status, progress.note = status, note
    save_record(
        instance=progress, user=user, expected_version=progress.version if progress.pk else None
    )
    publication_events.cycle_recorded(
        "progress", user=user, report=report.pk, action=action.pk, status=status
    )
    return progress


@transaction.atomic
def record_forecast(
    *,
    report: Document,
    indicator: Indicator,
    year: int,
    value: str,
    note: str = "",
    user: UserLike,
) -> Forecast:
    """What a bestuursrapportage expects the indicator to reach by the end of ``year``, as
    printed (``6``, ``> 5``); recording it again replaces it."""
    _bestuursrapportage(report)
    forecast = Forecast.objects.filter(report=report, indicator=indicator, year=year).first()
    forecast = forecast or Forecast(report=report, indicator=indicator, year=year)
    forecast.display_text, forecast.note = value, note
    save_record(
        instance=forecast, user=user, expected_version=forecast.version if forecast.pk else None
    )
    publication_events.cycle_recorded(
        "forecast", user=user, report=report.pk, indicator=indicator.pk, year=year
    )
    return forecast
