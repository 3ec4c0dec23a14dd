"""Workbooks that are damaged or hostile inside a valid zip (a truncated sheet, a numeric cell
holding text, billion laughs, an external entity) are refused with a clear error naming what
is wrong, never a 500, and nothing is imported or expanded."""

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from kennisstad.core.spreadsheets import SpreadsheetError
from kennisstad.relations.models import Organisation
from kennisstad.workspace.imports import import_file

pytestmark = pytest.mark.django_db

SHEET = "xl/worksheets/sheet1.xml"


def workbook(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_sheet(data: bytes, change) -> bytes:
    """The workbook ``data`` with its first sheet's XML replaced by ``change(xml)``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            target.writestr(item, change(content) if item.filename == SHEET else content)
    return buffer.getvalue()


ORGANISATIONS = [["Naam", "Soort", "Land"], ["Hanzehogeschool", "Kennisinstelling", "NL"]]
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'.encode()
        for n in range(1, 10)
    )
    + b"]>"
)
EXTERNAL = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def truncated(xml: bytes) -> bytes:
    return xml[: len(xml) // 2]


def text_in_a_number(xml: bytes) -> bytes:
    return re.sub(rb'<c r="A2" t="inlineStr"><is><t>([^<]*)</t></is>', rb'<c r="A2"><v>\1</v>', xml)


def with_doctype(doctype: bytes, entity: bytes):
    def change(xml: bytes) -> bytes:
        body = xml.split(b"?>", 1)[1] if xml.startswith(b"<?xml") else xml
        body = body.replace(b"<t>Hanzehogeschool</t>", b"<t>" + entity + b"</t>", 1)
        return doctype + body

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (truncated, r"(?i)(row|rij) \d+"),
        (text_in_a_number, r"(?i)(row|rij) 2"),
        (with_doctype(LAUGHS, b"&lol9;"), "XML"),
        (with_doctype(EXTERNAL, b"&xxe;"), "XML"),
    ],
    ids=["truncated sheet", "text in a numeric cell", "billion laughs", "external entity"],
)
def test_a_hostile_workbook_is_refused(team_member, change, message):
    data = with_sheet(workbook(ORGANISATIONS), change)
    with pytest.raises(SpreadsheetError, match=message):
        import_file(data=data, filename="x.xlsx", kind="organisations", user=team_member)
    assert not Organisation.objects.filter(name="Hanzehogeschool").exists()


def test_the_upload_page_shows_the_refusal(client_for, team_member):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = with_sheet(workbook(ORGANISATIONS), truncated)
    page = client_for(team_member).post(
        "/dashboard/import/",
        {"kind": "organisations", "file": SimpleUploadedFile("x.xlsx", data)},
    )
    assert page.status_code == 200 and re.search(r"(?i)(row|rij) \d+", page.content.decode())


def test_an_intact_workbook_still_imports(team_member):
    import_file(
        data=workbook(ORGANISATIONS), filename="x.xlsx", kind="organisations", user=team_member
    )
    assert Organisation.objects.filter(name="Hanzehogeschool").exists()


def without_dimension(xml: bytes) -> bytes:
    return re.sub(rb"<dimension[^>]*/>", b"", xml)


def far_row(xml: bytes) -> bytes:
    """No dimension and a last row a billion rows down: openpyxl yields every empty row."""
    far = b'<row r="1000000000"><c r="A1000000000" t="inlineStr"><is><t>x</t></is></c></row>'
    return without_dimension(xml).replace(b"</sheetData>", far + b"</sheetData>")


def test_a_row_far_below_the_data_is_refused_as_too_many_rows(settings, team_member):
    settings.SPREADSHEET_MAX_ROWS = 100
    data = with_sheet(workbook(ORGANISATIONS), far_row)
    with pytest.raises(SpreadsheetError, match="100"):
        import_file(data=data, filename="x.xlsx", kind="organisations", user=team_member)
    assert not Organisation.objects.exists()


def test_a_cell_far_to_the_right_is_not_read(team_member):
    """Column ZZZ would make every row 18,278 cells wide; the workbook is read up to IV."""
    from kennisstad.core.spreadsheets import tables

    far = b'<c r="ZZZ2" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    data = with_sheet(
        workbook(ORGANISATIONS),
        lambda xml: without_dimension(xml).replace(b"</row></sheetData>", far),
    )
    rows = list(tables.read_table(data, filename="x.xlsx").rows)
    assert rows and all(len(values) <= tables.MAX_COLUMNS for _number, values in rows)
    import_file(data=data, filename="x.xlsx", kind="organisations", user=team_member)
    assert Organisation.objects.filter(name="Hanzehogeschool").exists()


def test_a_workbook_unpacking_to_too_much_is_refused(monkeypatch, team_member):
    from kennisstad.core.spreadsheets import tables

    monkeypatch.setattr(tables, "MAX_UNPACKED_BYTES", 1_000_000)
    data = with_sheet(workbook(ORGANISATIONS), lambda xml: xml + b" " * 1_000_000)
    with pytest.raises(SpreadsheetError, match="MB"):
        import_file(data=data, filename="x.xlsx", kind="organisations", user=team_member)
    assert not Organisation.objects.exists()


def test_a_csv_header_of_a_million_columns_is_read_up_to_the_limit(team_member):
    """Each unknown column is reported as skipped: a file is read up to ``MAX_COLUMNS``."""
    from kennisstad.core.spreadsheets import tables

    header = "Naam;Soort;Land;" + ";".join(f"kolom {n}" for n in range(1_000_000))
    data = f"{header}\nHanzehogeschool;Kennisinstelling;NL\n".encode()
    report = import_file(data=data, filename="x.csv", kind="organisations", user=team_member)
    assert len(report.skipped) == tables.MAX_COLUMNS - 3
    assert Organisation.objects.filter(name="Hanzehogeschool").exists()


def test_a_chart_sheet_without_its_parts_is_refused(team_member):
    """openpyxl trips over it (AttributeError): a refusal, not a 500."""
    book = Workbook()
    for row in ORGANISATIONS:
        book.active.append(row)
    book.create_chartsheet("Grafiek")
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(SpreadsheetError, match=r"(?i)excel"):
        import_file(
            data=buffer.getvalue(), filename="x.xlsx", kind="organisations", user=team_member
        )


def test_a_workbook_without_worksheets_is_refused(team_member):
    source = zipfile.ZipFile(io.BytesIO(workbook(ORGANISATIONS)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/workbook.xml":
                content = re.sub(rb"<sheets>.*</sheets>", b"<sheets/>", content)
            target.writestr(item, content)
    with pytest.raises(SpreadsheetError, match=r"(?i)(worksheet|werkblad)"):
        import_file(
            data=buffer.getvalue(), filename="x.xlsx", kind="organisations", user=team_member
        )
