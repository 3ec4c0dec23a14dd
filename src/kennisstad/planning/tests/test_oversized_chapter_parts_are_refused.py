"""A chapter text whose parts do not fit the records the import writes (a code longer than a
policy area holds, a year no document has, thousands of actions or lines) is refused on its line
with nothing written, not stopped by a database error halfway; a line too long to be a heading
is read as text, so what is stored always fits."""

import pytest

from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reader import MAX_LINES
from kennisstad.planning.tests.factories import import_seed, seed_text
from kennisstad.policy.models import Document, PolicyArea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def with_line(number: int, new: str) -> str:
    lines = seed_text().split("\n")
    lines[number - 1] = new
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (with_line(5, "2.1.4.1.1.1.1.1.1.1.1.1.1 Iets"), 5, "code has 25 characters"),
        (with_line(1, "Jaarstukken 9999"), 1, "year 9999"),
        # A name of 460 characters is no row: the table under the header has none.
        (seed_text().replace("Aantal", "Aantal" + "x" * 400, 1), 25, "no rows"),
        (seed_text() + "\n" + "\n".join(f"• actie {n}" for n in range(600)), 62, "500 actions"),
        (
            "Begroting 2018\n\n2.1.4 Titel\n" + "\n" * (MAX_LINES + 10),
            MAX_LINES + 1,
            f"{MAX_LINES} lines",
        ),
    ],
)
def test_an_oversized_part_is_refused_on_its_line(text, line, words):
    with pytest.raises(ChapterFormatError) as caught:
        import_seed(text)
    assert words in caught.value.message
    assert caught.value.line == line
    assert not PolicyArea.objects.exists()
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        with_line(5, "2.1.4 " + "x" * 300),  # too long for a heading: text
        with_line(3, "P" * 300),  # too long for a programme's title: text
        seed_text() + "\nHoe staan we ervoor?\n\ntekst\n" * 40,
    ],
)
def test_a_part_too_long_for_a_heading_is_read_as_text(text):
    """Read as text or refused on a line; never a record too long for its field."""
    try:
        import_seed(text)
    except ChapterFormatError as refused:
        assert refused.line >= 1
        return
    limit = PolicyArea._meta.get_field("title_nl").max_length
    assert all(len(area.title_nl) <= limit for area in PolicyArea.objects.all())


def test_a_chapter_within_the_limits_still_imports():
    import_seed(with_line(5, "2.1.4 " + "P" * 140))
    assert PolicyArea.objects.get(code="2.1.4").title_nl == "P" * 140
