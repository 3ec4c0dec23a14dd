"""A document with one chapter that cannot be written: with ``atomic`` nothing is written;
otherwise the other chapters are, and the refused one is listed with its line."""

import pytest

from kennisstad.core.imports import ImportRefused
from kennisstad.indicators.models import Indicator
from kennisstad.planning.document_import import import_document
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import (
    BEGROTING_2018,
    printed_chapter,
    printed_document,
    printed_table,
)
from kennisstad.policy.models import Document, PolicyArea

pytestmark = pytest.mark.django_db


def document():
    good = printed_chapter("2.1.4", "Goed", printed_table(BEGROTING_2018, {"A": ["1", "2"]}))
    bad = printed_chapter(
        "2.1.5", "Fout", printed_table(BEGROTING_2018, {"B" * 301: ["1", "2"]}), line=40
    )
    return printed_document("begroting", 2018, good, bad)


def test_atomic_writes_nothing():
    with pytest.raises(ImportRefused) as refused:
        import_document(printed=document(), atomic=True)
    assert refused.value.problems[0].line == 10  # the row with the over-long name
    assert not Document.objects.exists()
    assert not PolicyArea.objects.exists() and not Indicator.objects.exists()


def test_chapter_by_chapter_writes_the_good_one_and_lists_the_bad(english):
    report = import_document(printed=document())
    assert list(Chapter.objects.values_list("policy_area__code", flat=True)) == ["2.1.4"]
    assert len(report.refusals) == 1
    assert str(report.refusals[0]).startswith("line 10: chapter 2.1.5 Fout:")
    assert report.figures == {"chapters": 1, "indicators": 1, "values": 2}
    assert not any("2.1.5" in item for item in report.created)  # its lines are void


@pytest.mark.parametrize("atomic", [True, False])
def test_a_dry_run_writes_nothing_either_way(atomic):
    good = printed_chapter("2.1.4", "Goed", printed_table(BEGROTING_2018, {"A": ["1", "2"]}))
    report = import_document(
        printed=printed_document("begroting", 2018, good), dry_run=True, atomic=atomic
    )
    assert report.dry_run and report.created
    assert not Document.objects.exists() and not Chapter.objects.exists()
