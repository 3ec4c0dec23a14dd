"""The indicator page's "Sources" section: per year every value the documents and the registry
give, side by side, which one is official and why, and where they disagree. Built from
``selectors.indicator_sources`` without further queries."""

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from .formatting import format_realisation, format_target
from .forms import OfficialFigureForm
from .models import Indicator, Origin, Realisation, Target
from .selectors import ADOPTED, CHOSEN, YearSources


@dataclass
class SourceRow:
    """One value of a year as one source gives it."""

    kind: str  # "realisation" or "target"
    record: Realisation | Target
    text: str
    source: str
    status: str
    measured_on: Any = None
    official: bool = False  # the value shown for the year
    differs: bool = False  # reads otherwise than the official value of its kind
    settled: bool = True  # chosen by the team or reported by an adopted document

    @property
    def label(self) -> str:
        """ "official" only for what a council decision or the team settled; a value merely
        shown (no adopted document reports the year) says so."""
        if not self.official:
            return ""
        return _("official") if self.settled else _("shown, not yet adopted")

    @property
    def choice_value(self) -> str:
        return f"{self.kind}:{self.record.pk}"


@dataclass
class YearSection:
    year: int
    entry: YearSources
    rows: list[SourceRow]
    basis: str = ""  # why the official realised value is the official one
    recount_text: str = ""
    form: OfficialFigureForm | None = None
    withdrawable: list[str] = field(default_factory=list)

    @property
    def disagree(self) -> bool:
        return any(row.differs for row in self.rows)


def _realisation_source(row: Realisation) -> tuple[str, str]:
    document = row.source_document
    if document is not None:
        return str(document), document.get_status_display()
    if row.origin == Origin.COMPUTED:
        return _("Computed from the registry"), ""
    return row.get_origin_display(), ""


def _target_source(row: Target) -> tuple[str, str]:
    document = row.set_in or row.source_document
    if document is None:
        return _("Entered by hand"), ""
    return str(document), document.get_status_display()


def _basis(entry: YearSources) -> str:
    figure = entry.figure
    if figure is None:
        return ""
    if figure.basis == CHOSEN and figure.choice is not None:
        return _("Marked official by %(who)s on %(date)s: %(reason)s") % {
            "who": figure.choice.chosen_by or _("someone"),
            "date": figure.choice.chosen_at.strftime("%d-%m-%Y"),
            "reason": figure.choice.reason,
        }
    if figure.basis == ADOPTED:
        return _("Reported by an adopted document: %(document)s") % {
            "document": figure.realisation.source_document
        }
    return _("No adopted document reports this year; the newest value is shown.")


def year_section(indicator: Indicator, entry: YearSources) -> YearSection:
    figure = entry.figure
    official = figure.realisation if figure else None
    official_text = format_realisation(indicator, official) if official else None
    rows = []
    for row in entry.realisations:
        source, status = _realisation_source(row)
        text = format_realisation(indicator, row)
        rows.append(
            SourceRow(
                "realisation",
                row,
                text,
                source,
                status,
                measured_on=row.measured_on,
                official=official is not None and row.pk == official.pk,
                differs=official_text is not None and text != official_text,
                settled=figure is not None and figure.basis in (CHOSEN, ADOPTED),
            )
        )
    target_text = format_target(entry.target) if entry.target else None
    for row in entry.targets:
        source, status = _target_source(row)
        text = row.display_text or format_target(row)
        official_target = entry.target is not None and row.pk == entry.target.pk
        rows.append(
            SourceRow(
                "target",
                row,
                text,
                source,
                status,
                official=official_target,
                differs=target_text is not None and format_target(row) != target_text,
                settled=entry.target_choice is not None
                or (row.set_in is not None and row.set_in.is_adopted),
            )
        )
    recount = figure.recount if figure else None
    withdrawable = []
    if figure is not None and figure.choice is not None:
        withdrawable.append("realisation")
    if entry.target_choice is not None:
        withdrawable.append("target")
    return YearSection(
        entry.year,
        entry,
        rows,
        basis=_basis(entry),
        recount_text=format_realisation(indicator, recount) if recount else "",
        withdrawable=withdrawable,
    )


def sources_section_anchor(year: int) -> str:
    return f"sources-{year}"


def sources_sections(
    indicator: Indicator,
    sources: dict[int, YearSources],
    *,
    can_choose: bool,
    bound: OfficialFigureForm | None = None,
) -> list[YearSection]:
    """The section per year, newest first, each with its form when the user may choose."""
    sections = []
    for year in sorted(sources, reverse=True):
        section = year_section(indicator, sources[year])
        if can_choose and section.rows:
            if bound is not None and bound.sources.year == year:
                section.form = bound
            else:
                section.form = OfficialFigureForm(sources=sources[year])
        sections.append(section)
    return sections
