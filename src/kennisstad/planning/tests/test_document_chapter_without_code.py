"""A chapter printed without a code finds its policy field by title, or gets one with a code
made from the title that cannot clash with a numeric code."""

import pytest

from kennisstad.planning.document_import import import_document
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import printed_chapter, printed_document
from kennisstad.policy.models import PolicyArea

pytestmark = pytest.mark.django_db


def test_a_new_title_gets_a_title_code_and_is_reported(english):
    report = import_document(
        printed=printed_document("jaarstukken", 2018, printed_chapter("", "Groningen Kennisstad"))
    )
    area = PolicyArea.objects.get()
    assert area.code == "t-groningen-kennissta"[:20]
    assert area.level == "policy_field"
    assert any("prints no code" in item for item in report.created)


def test_a_stored_title_is_found_whatever_its_case_and_hyphens():
    programme = PolicyArea.objects.create(code="2", title_nl="Economie")
    PolicyArea.objects.create(code="2.1", title_nl="Groningen-kennisstad", parent=programme)
    import_document(
        printed=printed_document("jaarstukken", 2018, printed_chapter("", "groningen  Kennisstad"))
    )
    assert Chapter.objects.get().policy_area.code == "2.1"
    assert PolicyArea.objects.count() == 2
