"""A chapter text with more indicator rows than any chapter prints is refused while it is
read, naming the limit and the line, before the import's transaction begins."""

import pytest

from kennisstad.planning.chapter_text_parts import ChapterFormatError
from kennisstad.planning.document_reader_table import MAX_INDICATOR_ROWS
from kennisstad.planning.tests.factories import import_seed, seed_text
from kennisstad.policy.models import Document

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

ROW = "Aantal profileringsprojecten Groningen kennisstad"


def with_rows(count: int) -> str:
    text = seed_text()
    start = text.index(ROW)
    end = text.index("Hoe staan we ervoor?")
    block = text[start:end]
    extra = "".join(block.replace(ROW, f"Indicator {n}") for n in range(count - 2))
    return text[:end] + extra + text[end:]


def test_a_table_longer_than_any_chapter_is_refused_naming_the_limit():
    with pytest.raises(ChapterFormatError) as refused:
        import_seed(with_rows(MAX_INDICATOR_ROWS + 1))
    assert str(MAX_INDICATOR_ROWS) in refused.value.message
    assert refused.value.line > 1
    assert not Document.objects.exists()


def test_a_long_but_possible_table_is_imported():
    report = import_seed(with_rows(30))
    assert sum(item.startswith("indicator") for item in report.created) == 30
