"""The chapter's tables as CSV (a header row per table) and XLSX (achieved numbers typed so
Excel can calculate with them, and a second sheet saying where every number came from). A table
kept as printed is written as printed: its label, its columns, its cells as text."""

import csv
import io
from dataclasses import replace
from decimal import Decimal

from ..chapter_table import Cell
from ..document_parts import BASELINE, COMPARISON, FORECAST, REALISATION, TARGET
from ..finance_format import overview_rows, overview_titles, shown_number, unit_note
from ..finance_tables import OVERVIEW_HEADING, FinanceOverview
from ..shown_tables import PrintedTableView
from .content import TABLE_TITLE, ChapterContent, TextTable
from .finance_parts import finance_heading, finance_missing, finance_text_tables, sheet_rows


def _csv_finance_tables(content: ChapterContent) -> list[TextTable]:
    """The finance tables for CSV, the main one headed with the heading and the unit."""
    tables = finance_text_tables(content)
    if tables:
        heading = f"{finance_heading(content)} ({unit_note()})"
        tables[0] = replace(tables[0], name_title=heading)
    return tables


def to_csv(contents: list[ChapterContent], overview: FinanceOverview | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    several = len(contents) > 1
    header_written = None
    for content in contents:
        tables = content.text_tables() or [TextTable(TABLE_TITLE, content.column_titles, [])]
        tables += _csv_finance_tables(content)
        for table in tables:
            header = table.header(name_header=table.label)
            if several:
                header = ["Beleidsveld", *header]
            if header != header_written:
                writer.writerow(header)
                header_written = header
            for row in table.body():
                writer.writerow([content.chapter.policy_area.code, *row] if several else row)
            if table.name_title is not None:  # a finance table: its notes and explanations
                for note in table.below:
                    writer.writerow([content.chapter.policy_area.code, note] if several else [note])
    if overview is not None:
        writer.writerow([f"{OVERVIEW_HEADING[0]} ({unit_note()})", *overview_titles(overview)])
        for name, values in overview_rows(overview):
            writer.writerow([name, *(None if v is None else shown_number(v) for v in values)])
    return buffer.getvalue()


ORIGIN_LABELS = {"computed": "berekend", "manual": "handmatig", "imported": "geïmporteerd"}
PRINTED_KIND_LABELS = {
    REALISATION: "realisatie",
    TARGET: "streefwaarde",
    FORECAST: "verwachting",
    BASELINE: "nulmeting",
    COMPARISON: "vergelijking",  # another area's figure ("Nederland"), not the municipality's
}
PROVENANCE_HEADER = [
    "Beleidsveld",
    "Indicator",
    "Kolom",
    "Waarde",
    "Soort",
    "Herkomst",
    "Peildatum",
    "Bron",
]


def _excel_value(number: Decimal, *, percentage: bool) -> tuple[float | int, str]:
    if percentage:
        return float(number / 100), "0.0%" if number != number.to_integral() else "0%"
    if number == number.to_integral():
        return int(number), "#,##0"
    return float(number), "#,##0.0#"


def _excel_cell(cell: Cell) -> tuple[object, str]:
    """An achieved number as a number Excel can calculate with, with its format; anything else
    (a target, a dash, a text such as Top 8) as its text, without a format."""
    number = cell.number
    if number is None:
        return cell.shown_text, ""
    return _excel_value(number, percentage=bool(cell.percentage))


def _provenance(content: ChapterContent, name: str, title: str, cell: Cell, value) -> list:
    return [
        content.chapter.policy_area.code,
        name,
        title,
        value,
        "realisatie" if cell.is_realisation else "streefwaarde",
        ORIGIN_LABELS.get(cell.origin or "", ""),
        cell.measured_on,
        cell.source or cell.set_in or "",
    ]


class _Sheets:
    """The two sheets being written, and the row the table sheet has reached."""

    def __init__(self, workbook):
        from openpyxl.styles import Alignment, Font

        self.sheet = workbook.active
        self.sheet.title = TABLE_TITLE[:31]
        self.sources = workbook.create_sheet("Herkomst")
        self.sources.append(PROVENANCE_HEADER)
        self.bold = Font(bold=True)
        self.right = Alignment(horizontal="right")
        self.row = 0

    def header(self, titles: list[str]) -> None:
        self.row += 1
        for column, title in enumerate(titles, start=1):
            self.sheet.cell(row=self.row, column=column, value=title).font = self.bold

    def standard(self, content: ChapterContent) -> None:
        self.header([TABLE_TITLE, *content.column_titles])
        titles = content.column_titles[: len(content.table.columns)]
        for name, cells, results in content.rows():
            self.row += 1
            self.sheet.cell(row=self.row, column=1, value=name)
            for column, (title, cell) in enumerate(zip(titles, cells, strict=True), 2):
                target = self.sheet.cell(row=self.row, column=column)
                value, number_format = _excel_cell(cell)
                target.value = value
                if number_format:
                    target.number_format = number_format
                else:
                    target.alignment = self.right
                self.sources.append(_provenance(content, name, title, cell, value))
                if cell.measured_on:
                    self.sources.cell(
                        row=self.sources.max_row, column=7
                    ).number_format = "dd-mm-yyyy"
            for column, text in enumerate(results, 2 + len(cells)):
                self.sheet.cell(row=self.row, column=column, value=text).alignment = self.right

    def amounts(self, name: str, values: list) -> None:
        """A row of amounts typed as numbers in the unit shown; no ledger line: a dash."""
        self.row += 1
        self.sheet.cell(row=self.row, column=1, value=name)
        for column, value in enumerate(values, 2):
            target = self.sheet.cell(row=self.row, column=column)
            if value is None:
                target.value, target.alignment = "-", self.right
            else:
                target.value, target.number_format = shown_number(value), "#,##0;-#,##0"

    def finance(self, content: ChapterContent) -> None:
        """ "Wat mag het kosten?": lasten, baten, saldo, then per taakveld, then the notes."""
        if not (heading := finance_heading(content)):
            return
        self.row += 1
        self.sheet.cell(row=self.row, column=1, value=heading).font = self.bold
        if missing := finance_missing(content):
            self.row += 1
            self.sheet.cell(row=self.row, column=1, value=missing)
            return
        table = content.finance
        self.header([unit_note(), *(column.title for column in table.columns)])
        for name, values in sheet_rows(table):
            self.amounts(name, values)
        for note in finance_text_tables(content)[0].below:
            self.row += 1
            self.sheet.cell(row=self.row, column=1, value=note)

    def printed(self, content: ChapterContent, table: PrintedTableView) -> None:
        """A table as printed: every cell its printed text; the source is the document."""
        self.header([table.label, *(column.title for column in table.columns)])
        code, document = content.chapter.policy_area.code, content.document_title
        for row in table.rows:
            self.row += 1
            name = self.sheet.cell(row=self.row, column=1, value=row.printed_name)
            if row.group:  # a group heading: bold, no cells, no sources
                name.font = self.bold
                continue
            cells = zip(table.columns, row.cells, strict=False)
            for index, (column, cell) in enumerate(cells, 2):
                target = self.sheet.cell(row=self.row, column=index, value=cell.text)
                target.alignment = self.right
                kind = PRINTED_KIND_LABELS.get(column.kind, "tekst")
                self.sources.append(
                    [code, row.name_nl, column.title, cell.text, kind, "", None, document]
                )


def _overview_sheet(workbook, sheets: "_Sheets", overview: FinanceOverview) -> None:
    """The document's lasten and baten per taakveld on a sheet of its own."""
    sheet = workbook.create_sheet("Taakvelden")
    sheet.append([OVERVIEW_HEADING[0]])
    sheet.cell(row=1, column=1).font = sheets.bold
    sheet.append([unit_note(), *overview_titles(overview)])
    for name, values in overview_rows(overview):
        sheet.append([name, *("-" if v is None else shown_number(v) for v in values)])
    sheet.column_dimensions["A"].width = 60


def to_xlsx(contents: list[ChapterContent], overview: FinanceOverview | None = None) -> bytes:
    """The tables, and a second sheet saying where every number came from."""
    from openpyxl import Workbook

    from kennisstad.core.exports import name_workbook

    workbook = Workbook()
    name_workbook(workbook, title=contents[0].document_title if contents else "")
    sheets = _Sheets(workbook)
    for content in contents:
        sheets.row += 1
        sheets.sheet.cell(row=sheets.row, column=1, value=content.heading).font = sheets.bold
        if content.printed:
            for table in content.printed:
                sheets.printed(content, table)
                sheets.row += 1
        else:
            sheets.standard(content)
            sheets.row += 1
        sheets.finance(content)
    if overview is not None:
        _overview_sheet(workbook, sheets, overview)
    sheets.sheet.column_dimensions["A"].width = 60
    for letter in "BCDE":
        sheets.sheet.column_dimensions[letter].width = 16
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
