"""Must show: the chapter 2.1.4 of a demo begroting shows "Wat mag het kosten?" with lasten,
baten and saldo that add up to the ledger lines, in md, docx, xlsx and json. The expected sums
are computed here from the lines created, independently of the selectors: lines on several
taakvelden, of every kind, with amendments, on a sub-field (2.1.4.1, counted) and on a
neighbouring field, another year and another begroting's estimate (not counted)."""

import io
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest

from kennisstad.finances.models import Direction, LineKind
from kennisstad.finances.tests.factories import FinanceLineFactory, taakveld
from kennisstad.planning.exports import render
from kennisstad.planning.models import Chapter
from kennisstad.planning.selectors import chapters_with_content
from kennisstad.planning.tests.factories import import_seed
from kennisstad.policy.tests.factories import PolicyAreaFactory, seed_policy_field

pytestmark = pytest.mark.django_db

L, B = Direction.EXPENSES, Direction.INCOME
# (year, kind, estimated_in, area, taakveld, direction, amount)
LINES = [
    (2016, LineKind.REALISED, None, "2.1.4", "3.4", L, "812345.67"),
    (2016, LineKind.REALISED, None, "2.1.4.1", "3.1", L, "100000.00"),
    (2016, LineKind.REALISED, None, "2.1.4", "3.4", B, "120400.00"),
    (2017, LineKind.ORIGINAL_BUDGET, None, "2.1.4", "3.4", L, "900000.00"),
    (2017, LineKind.AMENDMENT, None, "2.1.4", "3.4", L, "45600.00"),
    (2017, LineKind.AMENDMENT, None, "2.1.4.1", "3.1", B, "-20300.00"),
    (2017, LineKind.ORIGINAL_BUDGET, None, "2.1.4.1", "3.1", B, "150000.00"),
    (2018, LineKind.ORIGINAL_BUDGET, None, "2.1.4", "3.4", L, "1234567.89"),
    (2018, LineKind.ORIGINAL_BUDGET, None, "2.1.4.1", "3.1", L, "250100.00"),
    (2018, LineKind.ORIGINAL_BUDGET, None, "2.1.4", "3.4", B, "310000.00"),
    (2018, LineKind.AMENDMENT, None, "2.1.4", "3.4", L, "999000.00"),  # not in Begroting Y
    (2019, LineKind.ESTIMATE, 2018, "2.1.4", "3.4", L, "1200000.00"),
    (2019, LineKind.ESTIMATE, 2017, "2.1.4", "3.4", L, "7000000.00"),  # an older estimate
    (2020, LineKind.ESTIMATE, 2018, "2.1.4", "3.4", L, "1150000.00"),
    (2020, LineKind.ESTIMATE, 2018, "2.1.4.1", "3.1", B, "50000.00"),
    (2021, LineKind.ESTIMATE, 2018, "2.1.4", "3.4", L, "1100000.00"),
    (2018, LineKind.ORIGINAL_BUDGET, None, "2.1.3", "3.4", L, "5000000.00"),  # another field
]
COLUMNS = [  # Rekening 2016, Begroting 2017 na wijziging, Begroting 2018, Raming 2019-2021
    lambda y, k, e: (y, k) == (2016, LineKind.REALISED),
    lambda y, k, e: y == 2017 and k in (LineKind.ORIGINAL_BUDGET, LineKind.AMENDMENT),
    lambda y, k, e: (y, k) == (2018, LineKind.ORIGINAL_BUDGET),
    lambda y, k, e: (y, k, e) == (2019, LineKind.ESTIMATE, 2018),
    lambda y, k, e: (y, k, e) == (2020, LineKind.ESTIMATE, 2018),
    lambda y, k, e: (y, k, e) == (2021, LineKind.ESTIMATE, 2018),
]


def expected() -> dict[str, list[Decimal]]:
    sums = {"lasten": [], "baten": []}
    for matches in COLUMNS:
        for name, direction in (("lasten", L), ("baten", B)):
            sums[name].append(
                sum(
                    (
                        Decimal(amount)
                        for year, kind, est, area, _tv, d, amount in LINES
                        if matches(year, kind, est)
                        and d == direction
                        and (area == "2.1.4" or area.startswith("2.1.4."))
                    ),
                    Decimal("0"),
                )
            )
    sums["saldo"] = [b - la for la, b in zip(sums["lasten"], sums["baten"], strict=True)]
    return sums


def thousands(amount: Decimal) -> int:
    return int((amount / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def dutch(number: int) -> str:
    text = f"{abs(number):,}".replace(",", ".")
    return f"-{text}" if number < 0 else text


@pytest.fixture
def chapter():
    field = seed_policy_field()
    areas = {
        "2.1.4": field,
        "2.1.4.1": PolicyAreaFactory(code="2.1.4.1", title_nl="Studentenstad", parent=field),
        "2.1.3": PolicyAreaFactory(code="2.1.3", title_nl="Werklocaties", parent=field.parent),
    }
    for year, kind, estimated_in, area, code, direction, amount in LINES:
        FinanceLineFactory(
            year=year,
            kind=kind,
            estimated_in=estimated_in,
            amendment="BW 1" if kind == LineKind.AMENDMENT else "",
            policy_area=areas[area],
            taakveld=taakveld(code),
            direction=direction,
            amount=Decimal(amount),
        )
    import_seed()  # the demo begroting 2018's chapter 2.1.4, as Groningen published it
    return chapters_with_content(Chapter.objects.filter(policy_area__code="2.1.4")).get()


def test_json_gives_exact_euros_that_add_up(chapter):
    want = expected()
    data = json.loads(render([chapter], "json"))["chapters"][0]["finances"]
    assert data["heading"] == "Wat mag het kosten?"
    assert [c["title"] for c in data["columns"]] == [
        "Rekening 2016",
        "Begroting 2017 na wijziging",
        "Begroting 2018",
        "Raming 2019",
        "Raming 2020",
        "Raming 2021",
    ]
    rows = {row["row"]: row for row in data["rows"]}
    for name in ("lasten", "baten", "saldo"):
        assert [Decimal(v) for v in rows[name]["euros"]] == want[name], name
        assert rows[name]["shown"] == [dutch(thousands(v)) for v in want[name]], name
    assert {tv["code"] for tv in data["taakvelden"]} == {"3.1", "3.4"}


def test_markdown_prints_the_sums_in_thousands(chapter):
    want = expected()
    text = render([chapter], "md").decode()
    part = text.split("#### Wat mag het kosten?", 1)[1]
    assert "Bedragen x € 1.000" in part
    for name, label in (("lasten", "Lasten"), ("baten", "Baten"), ("saldo", "Saldo")):
        cells = [dutch(thousands(v)) for v in want[name]]
        assert f"| {label} | " + " | ".join(cells) + " |" in part


def test_docx_prints_the_sums_in_a_table(chapter):
    from docx import Document as WordDocument

    want = expected()
    word = WordDocument(io.BytesIO(render([chapter], "docx")))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert "Wat mag het kosten?" in headings
    table = next(t for t in word.tables if "Rekening 2016" in [c.text for c in t.rows[0].cells])
    rows = {row.cells[0].text: [c.text for c in row.cells[1:]] for row in table.rows[1:]}
    for name, label in (("lasten", "Lasten"), ("baten", "Baten"), ("saldo", "Saldo")):
        assert rows[label] == [dutch(thousands(v)) for v in want[name]]


def test_xlsx_types_the_sums_as_numbers(chapter):
    from openpyxl import load_workbook

    want = expected()
    sheet = load_workbook(io.BytesIO(render([chapter], "xlsx"))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    start = next(i for i, row in enumerate(values) if row[0] == "Wat mag het kosten?")
    rows = {row[0]: row[1:7] for row in values[start:]}
    for name, label in (("lasten", "Lasten"), ("baten", "Baten"), ("saldo", "Saldo")):
        assert rows[label] == [thousands(v) for v in want[name]]
