"""Every export becomes a workbook whatever its title: Excel forbids : / \\ ? * [ ] in a
sheet's name and more than 31 characters."""

import io

import pytest
from openpyxl import load_workbook

from kennisstad.core.exports import Column, sheet_title, write_xlsx

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "title",
    ["IWCN: AI/ML [borrel]?", "a\\b*c", "'quoted'", "", "x" * 80, "[]:*?/\\"],
)
def test_a_title_with_forbidden_characters_still_exports(title):
    target = io.BytesIO()
    write_xlsx([Column("n", "Naam", lambda r: r)], ["Ada"], target, title=title)
    sheet = load_workbook(io.BytesIO(target.getvalue())).active
    assert sheet.title == sheet_title(title)
    assert len(sheet.title) <= 31 and not set(sheet.title) & set(":/\\?*[]")
    assert sheet["A2"].value == "Ada"
