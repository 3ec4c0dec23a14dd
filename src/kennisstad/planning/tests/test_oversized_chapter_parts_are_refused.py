"""A chapter text whose parts do not fit the records the import writes (a code or title longer
than a policy area holds, a year no document has, thousands of sections or actions) is refused
on its line with nothing written, not stopped by a database error halfway."""

import pytest

from kennisstad.planning.chapter_import import import_chapter_text
from kennisstad.planning.chapter_text import ChapterFormatError
from kennisstad.planning.tests.factories import seed_text
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
        (with_line(5, "2.1.4 " + "x" * 300), 5, "title has 300 characters"),
        (with_line(3, "P" * 300), 3, "programme's title has 300"),
        (with_line(1, "Jaarstukken 9999"), 1, "year 9999"),
        (seed_text().replace("Aantal", "Aantal" + "x" * 400, 1), 25, "name has 460"),
        (seed_text() + "\n" + "\n".join(f"• actie {n}" for n in range(600)), 62, "500 actions"),
        (seed_text() + "\nHoe staan we ervoor?\n\ntekst\n" * 40, None, "30 sections"),
        ("Begroting 2018\n\n2.1.4 Titel\n" + "\n" * 2_000_000, 20_001, "20000 lines"),
    ],
)
def test_an_oversized_part_is_refused_on_its_line(text, line, words):
    with pytest.raises(ChapterFormatError) as caught:
        import_chapter_text(text=text)
    assert words in caught.value.message
    if line is not None:
        assert caught.value.line == line
    assert not PolicyArea.objects.exists()
    assert not Document.objects.exists()


def test_a_chapter_within_the_limits_still_imports():
    import_chapter_text(text=with_line(3, "P" * 200))
    assert PolicyArea.objects.get(code="2").title_nl == "P" * 200
