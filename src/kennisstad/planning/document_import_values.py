"""The numbers an imported document prints, each stored with its source.

Every realisation cell is a ``Realisation`` of this document (``origin=imported``,
``source_document``, the peildatum); every target cell a ``Target`` read from this document,
``set_in`` it only when the document is the begroting of that year (a target a document
quotes is not an adoption). Documents disagree: each keeps its own record, the report names
both documents and both values. A re-import updates this document's own records and never
another's; an adopted document's records stand (a difference is a conflict). The stored values
of a chapter are read in a few queries and its new records written in bulk.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Model
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.imports import ImportReport
from kennisstad.core.services import bulk_create_records, save_record
from kennisstad.indicators.formatting import ParsedValue, format_number
from kennisstad.indicators.models import Comparator, Indicator, Origin, Realisation, Target
from kennisstad.policy.models import Document, DocumentKind

from .document_parts import BASELINE, REALISATION, TARGET, PrintedCell, PrintedColumn

Key = tuple[int, int]  # (indicator pk, year)


@dataclass
class Importing:
    """What every record of one document's import shares."""

    document: Document
    report: ImportReport
    actor: User | None
    peildatum: datetime.date
    values: int = 0  # value records of this document stored or confirmed


@dataclass
class _Stored:
    own_realisations: dict[Key, Realisation] = field(default_factory=dict)
    other_realisations: dict[Key, list[Realisation]] = field(default_factory=dict)
    own_targets: dict[Key, Target] = field(default_factory=dict)
    other_targets: dict[Key, list[Target]] = field(default_factory=dict)


class ChapterValues:
    """The value records of one chapter's tables: compared with what is stored, new ones
    written together by ``flush``."""

    def __init__(self, importing: Importing, indicators: list[Indicator]):
        self.importing = importing
        self.stored = _stored(importing.document, [i.pk for i in indicators])
        self.new_realisations: list[Realisation] = []
        self.new_targets: list[Target] = []

    def cell(self, indicator: Indicator, column: PrintedColumn, cell: PrintedCell) -> None:
        label = _("%(column)s of “%(name)s”") % {"column": column.title, "name": indicator.name_nl}
        if cell.unreadable:
            self.importing.report.skip(
                _("%(label)s: “%(text)s” is not a readable number; no value was stored")
                % {"label": label, "text": cell.text},
                line=cell.line,
            )
            return
        value, year = cell.value, column.year
        if value is None or value.is_dash or year is None:
            return  # a dash, an empty cell, a baseline without a year: only as printed
        if column.kind in (REALISATION, BASELINE):
            baseline = column.kind == BASELINE
            self._realisation(indicator, year, cell, value, label, baseline=baseline)
        elif column.kind == TARGET:
            self._target(indicator, year, cell, value, label)

    def flush(self) -> None:
        actor = self.importing.actor
        if self.new_realisations:
            bulk_create_records(model=Realisation, instances=self.new_realisations, user=actor)
        if self.new_targets:
            bulk_create_records(model=Target, instances=self.new_targets, user=actor)

    # --- realisations -----------------------------------------------------------------------

    def _realisation(
        self,
        indicator: Indicator,
        year: int,
        cell: PrintedCell,
        value: ParsedValue,
        label: str,
        *,
        baseline: bool,
    ) -> None:
        importing, key = self.importing, (indicator.pk, year)
        text = value.text if value.comparator == "text" else ""
        for other in self.stored.other_realisations.get(key, ()):
            if (other.value, other.display_text) != (value.value, text):
                self._disagree(label, value.text, _realisation_text(other), other, cell.line)
        note = import_note(importing.document, cell.line, baseline=baseline)
        own = self.stored.own_realisations.get(key)
        if own is None:
            record = Realisation(
                indicator=indicator,
                year=year,
                value=value.value,
                display_text=text,
                origin=Origin.IMPORTED,
                measured_on=importing.peildatum,
                source_document=importing.document,
                note=note,
            )
            if self._valid(record, label, cell.line, ("indicator", "source_document")):
                self.new_realisations.append(record)
                self.stored.own_realisations[key] = record
                importing.values += 1
            return
        if (own.value, own.display_text) == (value.value, text):
            importing.values += 1
            if own.pk is not None:
                importing.report.unchanged.append(label)
            return
        before = _realisation_text(own)
        own.value, own.display_text, own.note = value.value, text, note
        own.measured_on = importing.peildatum
        self._update(own, label, before, value.text, cell.line)

    # --- targets ----------------------------------------------------------------------------

    def _target(
        self,
        indicator: Indicator,
        year: int,
        cell: PrintedCell,
        value: ParsedValue,
        label: str,
    ) -> None:
        importing, key = self.importing, (indicator.pk, year)
        document = importing.document
        printed = _target_from(value)
        for other in self.stored.other_targets.get(key, ()):
            if _target_reads(other) != _target_reads(printed):
                self._disagree(label, value.text, other.display_text, other, cell.line)
        own = self.stored.own_targets.get(key)
        set_in = (
            document if document.kind == DocumentKind.BEGROTING and year == document.year else None
        )
        if own is None:
            printed.indicator, printed.year, printed.set_in = indicator, year, set_in
            printed.source_document = document
            printed.note = import_note(document, cell.line)
            if self._valid(printed, label, cell.line, ("indicator", "set_in", "source_document")):
                self.new_targets.append(printed)
                self.stored.own_targets[key] = printed
                importing.values += 1
            return
        if _target_reads(own) == _target_reads(printed):
            importing.values += 1
            if own.pk is not None:
                importing.report.unchanged.append(label)
            return
        before = own.display_text
        own.comparator, own.value = printed.comparator, printed.value
        own.value_high, own.display_text = printed.value_high, printed.display_text
        own.set_in, own.note = set_in, import_note(document, cell.line)
        self._update(own, label, before, value.text, cell.line)

    # --- shared -----------------------------------------------------------------------------

    def _update(
        self, record: Realisation | Target, label: str, before: str, after: str, line: int
    ) -> None:
        """This document's own record, printed otherwise now: changed, unless the document
        was adopted or the record is new in this import (printed twice)."""
        report = self.importing.report
        if record.pk is None:
            report.skip(
                _("%(label)s is printed twice with different values; the first is kept")
                % {"label": label},
                line=line,
            )
            return
        if self.importing.document.is_adopted:
            report.conflict(
                _("%(label)s: %(document)s was adopted with %(stored)s; the text now says %(new)s")
                % {
                    "label": label,
                    "document": self.importing.document,
                    "stored": before,
                    "new": after,
                },
                line=line,
            )
            return
        try:
            save_record(instance=record, user=self.importing.actor, expected_version=record.version)
        except ValidationError as exc:
            report.skip(f"{label}: {' '.join(exc.messages)}", line=line)
            return
        self.importing.values += 1
        report.changed.append(
            _("%(label)s: %(before)s → %(after)s")
            % {"label": label, "before": before, "after": after}
        )

    def _disagree(
        self, label: str, printed: str, stored: str, other: Realisation | Target, line: int
    ) -> None:
        where = other.source_document or getattr(other, "set_in", None) or _("entered by hand")
        self.importing.report.conflict(
            _("%(label)s: %(value)s in %(document)s, %(other_value)s in %(other)s")
            % {
                "label": label,
                "value": printed,
                "document": self.importing.document,
                "other_value": stored,
                "other": where,
            },
            line=line,
        )

    def _valid(self, record: Model, label: str, line: int, relations: tuple[str, ...]) -> bool:
        """Validated as ``save_record`` would, without a query per relation (known here)."""
        try:
            record.clean_fields(exclude=list(relations))
            record.clean()
        except ValidationError as exc:
            self.importing.report.skip(f"{label}: {' '.join(exc.messages)}", line=line)
            return False
        return True


def _stored(document: Document, indicator_ids: list[int]) -> _Stored:
    stored = _Stored()
    others: defaultdict[Key, list[Realisation]] = defaultdict(list)
    for realisation in Realisation.objects.filter(
        indicator__in=indicator_ids, source_document__isnull=False
    ).select_related("source_document", "indicator"):
        key = (realisation.indicator_id, realisation.year)
        if realisation.source_document_id != document.pk:
            others[key].append(realisation)
        elif realisation.origin == Origin.IMPORTED:
            stored.own_realisations.setdefault(key, realisation)
    stored.other_realisations = dict(others)
    other_targets: defaultdict[Key, list[Target]] = defaultdict(list)
    for target in Target.objects.filter(indicator__in=indicator_ids).select_related(
        "source_document", "set_in"
    ):
        key = (target.indicator_id, target.year)
        if target.source_document_id == document.pk:
            stored.own_targets[key] = target
        else:
            other_targets[key].append(target)
    stored.other_targets = dict(other_targets)
    return stored


def _target_from(value: ParsedValue) -> Target:
    comparator = value.comparator or Comparator.EQUAL
    return Target(
        comparator=comparator,
        value=value.value,
        value_high=value.value_high,
        display_text=value.text,
    )


def _target_reads(target: Target) -> tuple[object, ...]:
    if target.comparator == Comparator.TEXT:
        return (target.comparator, target.display_text.strip().lower())
    return (target.comparator, target.value, target.value_high)


def _realisation_text(realisation: Realisation) -> str:
    if realisation.display_text:
        return realisation.display_text
    return format_number(realisation.value, decimals=realisation.indicator.decimals)


def import_note(document: Document, line: int, *, baseline: bool = False) -> str:
    """Stored with the value, in the language of the documents."""
    with translation.override("nl"):
        note = gettext("Imported from %(document)s, line %(line)s.") % {
            "document": document,
            "line": line,
        }
        return f"{note} {gettext('Nulmeting (baseline).')}" if baseline else note
