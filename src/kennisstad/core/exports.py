"""Lists as spreadsheets: every registry list offers its current, filtered result as .xlsx and
.csv, all pages, only what the user may see (the list's own queryset).

Rows are produced from an iterator and written as they come: CSV streams to the client, xlsx is
written by openpyxl's write-only mode into a temporary file that is then streamed, so 50,000 rows
need neither 50,000 model instances nor a whole workbook in memory at once.
"""

import csv
import datetime
import decimal
import re
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify

from .municipality import current as current_municipality
from .text_fold import header_key

FORMATS = ("xlsx", "csv")
CHUNK_SIZE = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Spreadsheet programs run cells that start with these as formulas; a leading apostrophe keeps
# them text (the importer removes it again).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    """One spreadsheet column: its header (translated), how to read it from a record for an
    export, and the header names an import accepts besides the Dutch and English header."""

    key: str
    label: object  # a lazy translation, e.g. _("Name")
    value: Callable | None = None  # record -> cell value, for exports
    required: bool = False
    aliases: tuple[str, ...] = field(default=())

    def header(self) -> str:
        return str(self.label)

    def accepted_names(self) -> set[str]:
        names = {header_key(alias) for alias in self.aliases}
        for language in ("nl", "en"):
            with translation.override(language):
                names.add(header_key(str(self.label)))
        return names


def choice_label(attribute: str, choices) -> Callable:
    """record -> the label of its choice, the labels translated once per language rather than
    once per row (``get_FOO_display`` costs ~0.15 ms a call with lazy labels)."""
    labels_by_language: dict[str, dict] = {}

    def value(record):
        language = translation.get_language()
        labels = labels_by_language.get(language)
        if labels is None:
            labels = labels_by_language[language] = {key: str(label) for key, label in choices}
        stored = getattr(record, attribute)
        return labels.get(stored, stored)

    return value


def cell(value):
    """A value a spreadsheet understands: local naive date-times, text for everything odd."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(tzinfo=None)
    if isinstance(value, bool | int | float | decimal.Decimal | datetime.date):
        return value
    return str(value)


# A telephone number or an amount: digits, spaces and separators only. Anything else that
# starts like a formula ("+1+HYPERLINK(...)") is written as text.
PLAIN_NUMBER = re.compile(r"[+-]?[0-9][0-9 ().,/-]*")


def _safe_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        if PLAIN_NUMBER.fullmatch(value):
            return value
        return "'" + value
    return value


def rows_of(columns: list[Column], records: Iterable) -> Iterable[list]:
    for record in records:
        yield [cell(column.value(record)) for column in columns]


class _Echo:
    def write(self, value):
        return value


def csv_response(columns: list[Column], records: Iterable, filename: str) -> StreamingHttpResponse:
    """Semicolon-separated UTF-8 with a byte-order mark: what Excel in a Dutch locale opens
    straight away; the importer reads both ; and , separated files."""
    writer = csv.writer(_Echo(), delimiter=";")

    def lines():
        yield "\ufeff" + writer.writerow([column.header() for column in columns])
        for row in rows_of(columns, records):
            yield writer.writerow(
                [
                    _safe_text(value.isoformat() if isinstance(value, datetime.date) else value)
                    for value in row
                ]
            )

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


SHEET_TITLE_FORBIDDEN = re.compile(r"[:/\\?*\[\]]")


def sheet_title(title: str) -> str:
    """A title Excel accepts for a sheet: none of : / \\ ? * [ ], at most 31 characters, not
    starting or ending with an apostrophe, never empty."""
    cleaned = SHEET_TITLE_FORBIDDEN.sub("-", title or "").strip().strip("'").strip()
    return cleaned[:31].strip() or "Export"


def write_xlsx(columns: list[Column], records: Iterable, target, *, title: str) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    workbook = Workbook(write_only=True)
    name_workbook(workbook, title=title)
    sheet = workbook.create_sheet(title=sheet_title(title))
    sheet.freeze_panes = "A2"
    sheet.append([column.header() for column in columns])
    for row in rows_of(columns, records):
        # Plain values are cheapest; only text openpyxl would take for a formula gets a cell
        # object marked as text (a WriteOnlyCell for every cell made exports 4x slower).
        for index, value in enumerate(row):
            if isinstance(value, str) and value.startswith("="):
                text = WriteOnlyCell(sheet, value=value)
                text.data_type = "s"
                row[index] = text
        sheet.append(row)
    workbook.save(target)


def _author() -> str:
    organisation = current_municipality().organisation
    return organisation[:1].upper() + organisation[1:]


def name_workbook(workbook, *, title: str) -> None:
    """An exported workbook names the municipality as its author (openpyxl's own name
    otherwise)."""
    workbook.properties.creator = _author()
    workbook.properties.lastModifiedBy = "Kennisstad"
    workbook.properties.title = title


def name_docx(word, *, title: str) -> None:
    """An exported Word document names the municipality: as author in the file's properties
    (python-docx's own name and comment otherwise) and in the page header of every section."""
    properties = word.core_properties
    properties.author = _author()
    properties.last_modified_by = "Kennisstad"
    properties.title = title
    properties.comments = ""
    for section in word.sections:
        section.header.paragraphs[0].text = f"Kennisstad · {_author()}"


def xlsx_response(columns: list[Column], records: Iterable, filename: str, *, title: str):
    target = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    write_xlsx(columns, records, target, title=title)
    target.seek(0)
    return FileResponse(
        target, as_attachment=True, filename=f"{filename}.xlsx", content_type=XLSX_TYPE
    )


def export_response(*, columns: list[Column], records: Iterable, fmt: str, name: str):
    filename = f"{slugify(name) or 'export'}-{timezone.localdate():%Y-%m-%d}"
    if fmt == "csv":
        return csv_response(columns, records, filename)
    return xlsx_response(columns, records, filename, title=name)


class ExportableListMixin:
    """For ``FilteredListView``: ``?format=xlsx`` or ``?format=csv`` returns the whole filtered
    list (every page) as a file; the page gets ``export_links`` for its current filters."""

    export_columns: list[Column] = []
    export_name = None  # e.g. _("Organisations"): the sheet's title and the file's name

    def get(self, request, *args, **kwargs):
        fmt = request.GET.get("format")
        if fmt in FORMATS:
            queryset = self.get_queryset()
            return export_response(
                columns=self.get_export_columns(),
                records=self.get_export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE),
                fmt=fmt,
                name=str(self.export_name or self.model._meta.verbose_name_plural),
            )
        return super().get(request, *args, **kwargs)

    def get_export_queryset(self, queryset):
        return queryset

    def get_export_columns(self) -> list[Column]:
        return self.export_columns

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        for name in ("page", "format"):
            query.pop(name, None)
        prefix = f"?{query.urlencode()}&" if query else "?"
        context["export_links"] = [
            ("xlsx", f"{prefix}format=xlsx", "Excel (.xlsx)"),
            ("csv", f"{prefix}format=csv", "CSV"),
        ]
        return context
