"""The register of processing activities (AVG art. 30) as a file: xlsx and csv through the
kernel's list exports, docx with python-docx; built from the apps' declarations and the
retention periods in force, never typed by hand."""

import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kennisstad.core.exports import Column, export_response, name_docx

from .selectors import RegisterRow, Retention, register_rows

FORMATS = ("xlsx", "csv", "docx")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def retention_text(items: list[Retention]) -> str:
    return "; ".join(
        _("%(kind)s: %(months)s months after %(start)s (%(ground)s)")
        % {
            "kind": item.label,
            "months": item.months,
            "start": item.kind.starts_from,
            "ground": item.ground,
        }
        for item in items
    )


COLUMNS = [
    Column("name", gettext_lazy("Processing activity"), lambda row: str(row.activity.name)),
    Column("purposes", gettext_lazy("Purposes"), lambda row: str(row.activity.purposes)),
    Column(
        "data_subjects",
        gettext_lazy("Categories of data subjects"),
        lambda row: str(row.activity.data_subjects),
    ),
    Column(
        "personal_data",
        gettext_lazy("Categories of personal data"),
        lambda row: str(row.activity.personal_data),
    ),
    Column(
        "lawful_basis", gettext_lazy("Lawful basis"), lambda row: row.activity.lawful_basis_label()
    ),
    Column("recipients", gettext_lazy("Recipients"), lambda row: str(row.activity.recipients)),
    Column(
        "transfers",
        gettext_lazy("Transfers outside the EEA"),
        lambda row: str(row.activity.transfers),
    ),
    Column("retention", gettext_lazy("Retention"), lambda row: retention_text(row.retention)),
    Column("security", gettext_lazy("Security measures"), lambda row: str(row.activity.security)),
]


def title() -> str:
    return _("Register of processing activities")


def register_response(fmt: str):
    rows = register_rows()
    if fmt == "docx":
        return _docx_response(rows)
    return export_response(columns=COLUMNS, records=rows, fmt=fmt, name=title())


def docx_bytes(rows: list[RegisterRow]) -> bytes:
    from docx import Document as WordDocument

    word = WordDocument()
    name_docx(word, title=title())
    word.add_heading(title(), level=1)
    word.add_paragraph(
        _("AVG article 30. Drawn up from the system's own definitions on %(date)s.")
        % {"date": timezone.localdate().isoformat()}
    )
    for row in rows:
        word.add_heading(str(row.activity.name), level=2)
        table = word.add_table(rows=0, cols=2)
        table.style = "Table Grid"
        for column in COLUMNS[1:]:
            cells = table.add_row().cells
            cells[0].text = column.header()
            cells[1].text = str(column.value(row) if column.value else "")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _docx_response(rows: list[RegisterRow]) -> HttpResponse:
    response = HttpResponse(docx_bytes(rows), content_type=DOCX_TYPE)
    filename = f"register-processing-activities-{timezone.localdate():%Y-%m-%d}.docx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
