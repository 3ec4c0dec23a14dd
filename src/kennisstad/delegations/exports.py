"""The foreign-travel register as files for the integrity publication (``integrity`` writes its
registers with the same formats): XLSX with typed cells
(dates and euro amounts Excel calculates with), CSV and a DOCX table to paste into Word.

CSV choice: UTF-8 with a byte-order mark, ``;`` between fields, decimal commas and dd-mm-yyyy
dates. That is what Excel with Dutch regional settings opens correctly on a double click (a
comma-separated file lands in one column there, and without the BOM accents break); other
programs read it as ordinary CSV with ``;`` as the delimiter.

Headers and labels follow the active language (Dutch by default), so the publication is Dutch
and an English copy is one ``--language en`` away.
"""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from kennisstad.core.exports import name_docx, name_workbook

from .selectors import Period, TravelRegister, travel_register

FORMATS = ("xlsx", "csv", "docx")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
REGISTERS = ("travel",)


@dataclass
class Table:
    """A register as a table: typed cells (date, Decimal, text); the exports format them."""

    title: str
    note: str
    headers: list[str]
    rows: list[list]
    totals: list | None = None


def euro(value: Decimal) -> str:
    return "€ " + formats.number_format(value, 2, use_l10n=True, force_grouping=True)


def day(value: datetime.date) -> str:
    return value.strftime("%d-%m-%Y")


def travel_table(period: Period, register: TravelRegister | None = None) -> Table:
    register = travel_register(period) if register is None else register
    return Table(
        title=_("Foreign-travel register %(period)s") % {"period": period},
        note=_("Outgoing missions with their travellers by function and costs by who paid."),
        headers=[
            _("Mission"),
            _("From"),
            _("Until"),
            _("Destination"),
            _("Travellers (function)"),
            _("Purpose"),
            _("Paid by the municipality (EUR)"),
            _("Paid by third parties (EUR)"),
            _("Third parties"),
            _("Total (EUR)"),
        ],
        rows=[
            [
                mission.title,
                mission.first_day,
                mission.last_day,
                ", ".join(mission.destinations),
                ", ".join(mission.functions),
                mission.purpose,
                mission.paid_by_municipality,
                mission.paid_by_third_parties,
                ", ".join(mission.third_parties),
                mission.total,
            ]
            for mission in register.missions
        ],
        totals=[
            _("Total"),
            None,
            None,
            "",
            "",
            "",
            register.paid_by_municipality,
            register.paid_by_third_parties,
            "",
            register.total,
        ],
    )


def table_for(register: str, period: Period) -> Table:
    if register == "travel":
        return travel_table(period)
    raise ValueError(register)


# --- formats -------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return formats.number_format(value, 2, use_l10n=True, force_grouping=False)
    if isinstance(value, datetime.date):
        return day(value)
    return str(value)


def to_csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_csv_cell(value) for value in row])
    if table.totals:
        writer.writerow([_csv_cell(value) for value in table.totals])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_cell(value) -> str:
    """Amounts with a decimal comma and no thousands separator: Dutch Excel reads a number."""
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return _text(value)


def to_xlsx(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    name_workbook(workbook, title=table.title)
    sheet = workbook.active
    sheet.title = table.title[:31].replace(",", "")
    bold = Font(bold=True)
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([table.note])
    sheet.append([])
    sheet.append(table.headers)
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    header_row = sheet.max_row
    for row in [*table.rows, *([table.totals] if table.totals else [])]:
        sheet.append(row)
        for cell, value in zip(sheet[sheet.max_row], row, strict=False):
            if isinstance(value, Decimal):
                cell.number_format = "#,##0.00"
            elif isinstance(value, datetime.date):
                cell.number_format = "dd-mm-yyyy"
    if table.totals:
        for cell in sheet[sheet.max_row]:
            cell.font = bold
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    for column, header in enumerate(table.headers, start=1):
        width = max([len(header), *(len(_text(row[column - 1])) for row in table.rows)])
        sheet.column_dimensions[
            sheet.cell(row=header_row, column=column).column_letter
        ].width = min(max(width + 2, 10), 60)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def to_docx(table: Table) -> bytes:
    from docx import Document as WordDocument
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    word = WordDocument()
    section = word.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    name_docx(word, title=table.title)
    word.add_heading(table.title, level=1)
    word.add_paragraph(table.note)
    grid = word.add_table(rows=1, cols=len(table.headers))
    grid.style = "Table Grid"
    for cell, header in zip(grid.rows[0].cells, table.headers, strict=True):
        cell.text = header
        cell.paragraphs[0].runs[0].bold = True
    for row in [*table.rows, *([table.totals] if table.totals else [])]:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = euro(value) if isinstance(value, Decimal) else _text(value)
            if isinstance(value, Decimal):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if not table.rows:
        word.add_paragraph(_("Nothing to report for this period."))
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def render(register: str, period: Period, fmt: str) -> bytes:
    table = table_for(register, period)
    return {"csv": to_csv, "xlsx": to_xlsx, "docx": to_docx}[fmt](table)


def filename(register: str, period: Period, fmt: str) -> str:
    name = {"travel": _("foreign-travel-register")}[register]
    return f"{name}-{period.slug}.{fmt}"
