"""The realisations and targets an imported chapter prints, recorded with their source.

A value the registry holds from the same document and reads the same is unchanged; one that
reads otherwise is a conflict and the stored value stays. A realisation another document
reported differently is kept next to it, both with their source. Each returns the table cell
the chapter shows, pointing at the record that holds its value.
"""

import datetime

from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from kennisstad.accounts.models import User
from kennisstad.core.imports import ImportReport
from kennisstad.core.services import save_record
from kennisstad.indicators.formatting import format_number
from kennisstad.indicators.models import Comparator, Indicator, Origin, Realisation, Target
from kennisstad.policy.models import Document

from .chapter_table import NO_DATA, NO_TARGET, Cell, dash_cell, realisation_cell, target_cell
from .chapter_text_parts import Cell as ParsedCell


def import_realisation(
    indicator: Indicator,
    cell: ParsedCell,
    document: Document,
    peildatum: datetime.date,
    report: ImportReport,
    actor: User | None,
) -> Cell:
    column, value = cell.column.table_column, cell.value
    if value.is_dash:
        return dash_cell(column, NO_DATA, text=value.text)
    label = f"“{indicator.name_nl}” {cell.column.title}"
    realisation = Realisation.objects.filter(
        indicator=indicator, year=column.year, source_document=document
    ).first()
    if realisation is not None:
        _compare_realisation(realisation, indicator, cell, label, report)
    else:
        _report_other_sources(indicator, cell, document, label, report)
        realisation = Realisation(
            indicator=indicator,
            year=column.year,
            value=value.value,
            display_text=value.text if value.comparator == "text" else "",
            origin=Origin.IMPORTED,
            measured_on=peildatum,
            source_document=document,
            note=import_note(document, cell.line),
        )
        save_record(instance=realisation, user=actor)
        report.created.append(
            _("realisation %(label)s = %(value)s") % {"label": label, "value": value.text}
        )
    return realisation_cell(
        column,
        realisation,
        text=value.text,
        value=value.value,
        percentage=value.percentage,
        textual=value.comparator == "text",
        source=str(document),
    )


def _compare_realisation(
    stored: Realisation, indicator: Indicator, cell: ParsedCell, label: str, report: ImportReport
) -> None:
    """The value this document reported before: unchanged, or a conflict (the stored stays)."""
    value = cell.value
    new_text = value.text if value.comparator == "text" else ""
    if stored.value == value.value and stored.display_text == new_text:
        report.unchanged.append(label)
        return
    stored_text = stored.display_text or format_number(stored.value, decimals=indicator.decimals)
    report.conflict(
        _("%(label)s: stored %(stored)s from this document, the text now says “%(new)s”")
        % {"label": label, "stored": stored_text, "new": value.text},
        line=cell.line,
    )


def _report_other_sources(
    indicator: Indicator, cell: ParsedCell, document: Document, label: str, report: ImportReport
) -> None:
    """Another document that reported another number for the year: both are kept."""
    value = cell.value
    others = (
        Realisation.objects.filter(indicator=indicator, year=cell.column.year)
        .exclude(source_document=document)
        .select_related("source_document")
    )
    for other in others:
        if other.value != value.value:
            where = other.source_document or other.get_origin_display()
            other_text = other.display_text or format_number(
                other.value, decimals=indicator.decimals
            )
            report.conflict(
                _(
                    "%(label)s: %(document)s says %(new)s, %(other)s says %(stored)s "
                    "(peildatum %(measured_on)s); both are kept with their source"
                )
                % {
                    "label": label,
                    "document": document,
                    "new": value.text,
                    "other": where,
                    "stored": other_text,
                    "measured_on": f"{other.measured_on:%d-%m-%Y}",
                },
                line=cell.line,
            )
            return


def import_target(
    indicator: Indicator,
    cell: ParsedCell,
    set_in: Document,
    document: Document,
    report: ImportReport,
    actor: User | None,
) -> Cell:
    column, value = cell.column.table_column, cell.value
    if value.is_dash:
        return dash_cell(column, NO_TARGET, text=value.text)
    label = f"“{indicator.name_nl}” {cell.column.title}"
    comparator = value.comparator or Comparator.EQUAL
    target = Target.objects.filter(indicator=indicator, year=column.year, set_in=set_in).first()
    if target is not None:
        _compare_target(target, comparator, cell, set_in, document, label, report)
    else:
        target = Target(
            indicator=indicator,
            year=column.year,
            comparator=comparator,
            value=value.value,
            value_high=value.value_high,
            display_text=value.text,
            set_in=set_in,
            source_document=document if document != set_in else None,
            note=import_note(document, cell.line),
        )
        # Recording a target an existing, adopted document set: not an edit, so not refused.
        save_record(instance=target, user=actor)
        report.created.append(
            _("target %(label)s %(value)s") % {"label": label, "value": value.text}
        )
    return target_cell(column, target, text=value.text, value=value.value, set_in=str(set_in))


def _compare_target(
    stored: Target,
    comparator: str,
    cell: ParsedCell,
    set_in: Document,
    document: Document,
    label: str,
    report: ImportReport,
) -> None:
    """The target an adopted begroting set stands; another printed one is a conflict."""
    value = cell.value
    if stored.display_text == value.text or (
        stored.comparator == comparator and stored.value == value.value
    ):
        report.unchanged.append(label)
        return
    report.conflict(
        _(
            "%(label)s: %(set_in)s adopted “%(stored)s”, %(document)s prints “%(new)s”; "
            "the adopted target is kept"
        )
        % {
            "label": label,
            "set_in": set_in,
            "stored": stored.display_text,
            "document": document,
            "new": value.text,
        },
        line=cell.line,
    )


def import_note(document: Document, line: int) -> str:
    """Stored with the value, in the language of the documents."""
    with translation.override("nl"):
        return gettext("Imported from %(document)s, line %(line)s.") % {
            "document": document,
            "line": line,
        }
