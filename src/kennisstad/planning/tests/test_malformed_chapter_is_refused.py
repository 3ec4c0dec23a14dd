"""A chapter whose table is broken is refused with the line number, and nothing is written."""

import io

import pytest
from django.core.management import CommandError, call_command

from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.tests.factories import import_seed, read_seed, seed_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def database_dump() -> str:
    out = io.StringIO()
    call_command("dumpdata", "indicators", "planning", "policy", "core", "projects", stdout=out)
    return out.getvalue()


def with_line_replaced(number: int, new: str | None) -> str:
    lines = seed_text().split("\n")
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    return "\n".join(lines)


def test_a_missing_cell_is_refused_with_its_line(tmp_path):
    broken = with_line_replaced(33, None)  # the "> 5" of the first row is gone
    with pytest.raises(ChapterFormatError) as caught:
        read_seed(broken)
    assert caught.value.line == 34  # where the next row's name was found instead of a value
    assert "missing" in caught.value.message and "Beoogd 2018" in caught.value.message


def test_an_unreadable_target_is_refused_with_its_line():
    with pytest.raises(ChapterFormatError) as caught:
        read_seed(with_line_replaced(43, "> vijf"))
    assert caught.value.line == 43
    assert "cannot be read" in caught.value.message and "“> vijf”" in caught.value.message


def test_a_target_in_an_achieved_column_is_refused():
    with pytest.raises(ChapterFormatError) as caught:
        read_seed(with_line_replaced(29, "> 2"))
    assert caught.value.line == 29


def test_the_database_is_unchanged_after_a_refused_import(tmp_path):
    import_seed()  # something stored already
    before = database_dump()
    broken = tmp_path / "broken.txt"
    broken.write_text(with_line_replaced(43, "> vijf"), encoding="utf-8")
    with pytest.raises(CommandError, match="line 43"):
        call_command("import-begroting", str(broken), "--language", "en")
    later_year = with_line_replaced(1, "Begroting 2019").replace("> 5", "> 6")
    lines = later_year.split("\n")
    del lines[36]  # a missing cell in the second row
    with pytest.raises(ChapterFormatError):
        import_seed("\n".join(lines))
    assert database_dump() == before


def test_a_file_that_is_no_chapter_is_refused_on_its_first_line():
    with pytest.raises(ChapterFormatError) as caught:
        read_seed("Notulen van het overleg\n\nAanwezig: ...")
    assert caught.value.line == 1
