"""A chapter whose table holds a number with more than 10 whole digits or 4 decimals (what a
target or realisation stores) was accepted by the parser and failed on save; now the reader
refuses it, naming the line and the column."""

import pytest

from kennisstad.indicators.formatting import ValueOutOfRange, parse_value
from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.tests.factories import read_seed, seed_text

pytestmark = pytest.mark.usefixtures("english")


def with_cell(old: str, new: str) -> tuple[str, int]:
    lines = seed_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip() == old)
    lines[at] = new
    return "\n".join(lines), at + 1


@pytest.mark.parametrize("cell", ["123456789012345", "> 99.999.999.999", "2,12345", "1–2,00001"])
def test_the_reader_names_the_line(cell):
    text, line = with_cell("> 5", cell)
    with pytest.raises(ChapterFormatError) as error:
        read_seed(text)
    assert error.value.line == line
    assert "more than 10 digits" in error.value.message and "Beoogd 2018" in error.value.message


@pytest.mark.parametrize("cell", ["9.999.999.999", "1234567890,1234", "12,50000", "0,0001"])
def test_numbers_that_fit_are_read(cell):
    assert parse_value(cell).value is not None


def test_too_many_whole_digits_is_out_of_range():
    with pytest.raises(ValueOutOfRange):
        parse_value("12345678901")
    assert parse_value("12,50000").value == parse_value("12,5").value
