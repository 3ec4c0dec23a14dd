"""Which document a text is: its title ("Begroting 2018", "Jaarverslag 2018") or, for a page
that prints none, the kind and year given (``--kind``/``--year``). A title-less page without
them is refused on line 1; a title that disagrees with what is given is refused on the title's
line; a second, other title in one text is refused on its line."""

import io

import pytest
from django.core.management import CommandError, call_command

from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reader import read_document
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.published_layouts import LAYOUTS
from kennisstad.policy.models import Document

JAARVERSLAG_2018 = LAYOUTS / "02-jaarverslag-2018-untitled.txt"
BEGROTING_2018 = LAYOUTS / "01-begroting-2018-one-cell-per-line.txt"


def run(*args):
    out = io.StringIO()
    call_command("import-begroting", *map(str, args), "--language", "en", stdout=out)
    return out.getvalue()


@pytest.mark.parametrize(
    "given", [{}, {"kind": "jaarstukken"}, {"year": 2018}], ids=["none", "kind", "year"]
)
def test_a_page_without_title_needs_kind_and_year(english, given):
    with pytest.raises(ChapterFormatError) as refused:
        read_document(JAARVERSLAG_2018.read_text(), **given)
    assert refused.value.line == 1
    assert "--kind" in refused.value.message and "--year" in refused.value.message


def test_given_kind_and_year_are_the_documents():
    document = read_document(JAARVERSLAG_2018.read_text(), kind="jaarstukken", year=2018)
    assert (document.kind, document.year, document.title_line) == ("jaarstukken", 2018, None)


@pytest.mark.parametrize(
    "given",
    [{"kind": "jaarstukken"}, {"year": 2019}, {"kind": "jaarstukken", "year": 2018}],
)
def test_a_title_that_disagrees_with_what_is_given_is_refused_on_its_line(english, given):
    text = "Gemeente Groningen\n\n" + BEGROTING_2018.read_text()  # the title on line 3
    with pytest.raises(ChapterFormatError) as refused:
        read_document(text, **given)
    assert refused.value.line == 3
    assert "begroting 2018" in refused.value.message


def test_a_title_that_agrees_is_fine():
    document = read_document(BEGROTING_2018.read_text(), kind="begroting", year=2018)
    assert (document.kind, document.year, document.title_line) == ("begroting", 2018, 1)


def test_a_second_document_in_one_text_is_refused_on_its_line(english):
    lines = BEGROTING_2018.read_text().split("\n")
    number = lines.index("Hoe staan we ervoor?") + 1
    lines[number - 1 : number - 1] = ["Jaarverslag 2018", ""]
    with pytest.raises(ChapterFormatError) as refused:
        read_document("\n".join(lines))
    assert refused.value.line == number
    assert "import one document per file" in refused.value.message


def test_a_repeated_title_is_a_page_header_and_skipped():
    lines = BEGROTING_2018.read_text().split("\n")
    number = lines.index("Hoe staan we ervoor?")
    lines[number:number] = ["Begroting 2018", ""]
    with_header, without = (
        read_document(text).chapters[0] for text in ("\n".join(lines), BEGROTING_2018.read_text())
    )

    def text_of(chapter):
        sections = [(s.kind, s.heading, s.paragraphs, s.bullets) for s in chapter.sections]
        return chapter.introduction, sections, [table.note for table in chapter.tables]

    assert text_of(with_header) == text_of(without)


def test_text_that_is_no_document_is_refused(english):
    with pytest.raises(ChapterFormatError, match="no chapter found"):
        read_document("Begroting 2018\n\nNotulen van het overleg\n\nAanwezig: ...\n")
    with pytest.raises(ChapterFormatError, match="the file is empty"):
        read_document("\n  \n")


@pytest.mark.django_db
def test_the_jaarverslag_2018_page_imports_with_kind_and_year(english):
    with pytest.raises(CommandError, match="line 1"):
        run(JAARVERSLAG_2018)
    assert not Document.objects.exists()
    out = run(JAARVERSLAG_2018, "--kind", "jaarstukken", "--year", "2018")
    document = Document.objects.get()
    assert (document.kind, document.year, document.is_adopted) == ("jaarstukken", 2018, False)
    chapter = Chapter.objects.get()
    assert chapter.policy_area.code == "2.1.4"
    assert [s.heading_nl for s in chapter.sections.order_by("order")] == [
        "Wat wilden we bereiken in 2018?",
        "Wat hebben we hiervoor gedaan?",
    ]
    assert "indicators: 2" in out and "values: 6" in out


@pytest.mark.parametrize(
    ("title", "which"),
    [
        ("Programmabegroting 2019-2022", ("begroting", 2019)),
        ("Gemeentebegroting 2018", ("begroting", 2018)),
        ("Begroting 2018 - gemeente Groningen", ("begroting", 2018)),
        ("Jaarverslag en jaarrekening 2018", ("jaarstukken", 2018)),
        ("Gemeenterekening 2017", ("jaarstukken", 2017)),
        ("## Jaarstukken 2019", ("jaarstukken", 2019)),
    ],
)
def test_the_titles_municipalities_print(title, which):
    text = f"Gemeente Groningen\n\n{title}\n\n2.1 Kennis\n\nWat willen we bereiken?\n\nMeer.\n"
    document = read_document(text)
    assert (document.kind, document.year, document.title_line) == (*which, 3)
