"""A number that cannot be read with certainty (``1.2.3``, ``5,,3``, ``> 2`` where an achieved
value stands) refuses the document with its line and the reason, in every layout; nothing is
written. With ``accept_unreadable`` the cell is kept as printed, flagged, without a value."""

import io

import pytest
from django.core.management import CommandError, call_command

from kennisstad.indicators.models import Indicator, Realisation, Target
from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reader import read_document
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.published_layouts import LAYOUTS
from kennisstad.policy.models import Document

# (document, the cell as printed, the typo put in its place)
TYPOS = [
    ("01-begroting-2018-one-cell-per-line.txt", "1.243*", "1.2.3"),
    ("03-jaarstukken-2017-tab-rows.txt", "74,5%", "5,,3%"),
    ("04-programmabegroting-2019-markdown.md", "7,1", "7.1"),
    ("05-jaarverslag-2017-pdf-spaces.txt", "57.520", "57.52"),
    ("09-begroting-2021-targets.txt", "2.512", "2.5.12"),
    ("03-jaarstukken-2017-tab-rows.txt", "2.314", "> 2.314"),  # a target where a value was
]


def with_typo(name: str, printed: str, typo: str) -> tuple[str, int]:
    """The document with the typo, and the line it is on."""
    lines = (LAYOUTS / name).read_text(encoding="utf-8").split("\n")
    number = next(n for n, line in enumerate(lines, 1) if printed in line)
    lines[number - 1] = lines[number - 1].replace(printed, typo, 1)
    return "\n".join(lines), number


@pytest.mark.parametrize(("name", "printed", "typo"), TYPOS)
def test_the_reader_names_the_line_and_the_reason(english, name, printed, typo):
    text, number = with_typo(name, printed, typo)
    with pytest.raises(ChapterFormatError) as refused:
        read_document(text)
    assert refused.value.line == number
    assert f"“{typo}”" in refused.value.message and "cannot be read" in refused.value.message


def test_accepted_it_is_kept_as_printed_and_flagged():
    text, number = with_typo("03-jaarstukken-2017-tab-rows.txt", "74,5%", "5,,3%")
    cell = read_document(text, accept_unreadable=True).chapters[0].tables[0].rows[1].cells[2]
    assert (cell.text, cell.value, cell.unreadable, cell.line) == ("5,,3%", None, True, number)


def counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count() for model in (Document, Chapter, Indicator, Realisation, Target)
    )


@pytest.mark.django_db
def test_the_command_refuses_and_the_database_is_unchanged(english, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text((LAYOUTS / "03-jaarstukken-2017-tab-rows.txt").read_text(), encoding="utf-8")
    call_command("import-begroting", str(good), "--language", "en", stdout=io.StringIO())
    before = counts()
    assert all(before)  # something stored already
    text, number = with_typo("01-begroting-2018-one-cell-per-line.txt", "1.243*", "1.2.3")
    bad = tmp_path / "bad.txt"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match=f"line {number}: the cell “1.2.3”"):
        call_command("import-begroting", str(bad), "--language", "en", stdout=io.StringIO())
    assert counts() == before


@pytest.mark.django_db
def test_the_command_with_accept_unreadable_stores_no_value_for_it(english, tmp_path):
    text, _number = with_typo("01-begroting-2018-one-cell-per-line.txt", "1.243*", "1.2.3")
    path = tmp_path / "accepted.txt"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command(
        "import-begroting", str(path), "--accept-unreadable", "--language", "en", stdout=out
    )
    indicator = Indicator.objects.get(name_nl__startswith="Aantal internationale afgestudeerden")
    assert sorted(indicator.realisations.values_list("year", flat=True)) == [2015]
    assert "“1.2.3” is not a readable number" in out.getvalue()
