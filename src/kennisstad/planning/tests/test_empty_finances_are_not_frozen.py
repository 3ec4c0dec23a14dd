"""A document frozen before its ledger was imported keeps following the ledger: a chapter
table or an overview without data is never frozen. ``kennisstad freeze-finances REFERENCE``
freezes a published or adopted document again from the ledger as it stands now (``--dry-run``
says what would change), never a draft."""

import io

import pytest
from django.core.management import CommandError, call_command

from kennisstad.finances.models import Direction, LineKind
from kennisstad.planning.finance_services import freeze_finances
from kennisstad.planning.finance_tables import finance_overview, finance_table
from kennisstad.planning.tests.finance_setup import chapter_of, line
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = pytest.mark.django_db


def published_chapter():
    chapter = chapter_of("begroting")
    Document.objects.filter(pk=chapter.document_id).update(status=DocumentStatus.PUBLISHED)
    chapter.document.refresh_from_db()
    return chapter


def freeze(*args) -> str:
    out = io.StringIO()
    call_command("freeze-finances", *args, stdout=out)
    return out.getvalue()


def test_a_document_read_in_before_its_ledger_shows_the_ledger_later():
    chapter = published_chapter()
    freeze_finances(chapter.document)  # as the import of a published document does
    chapter.refresh_from_db()
    chapter.document.refresh_from_db()
    assert chapter.frozen_finances is None
    assert chapter.document.frozen_finance_overview is None

    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "500000")
    assert finance_table(chapter).has_data
    assert finance_overview(chapter.document).totals()[0][0] == 500000
    freeze_finances(chapter.document)
    chapter.refresh_from_db()
    assert chapter.frozen_finances is not None


def test_the_command_freezes_again_from_the_ledger():
    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "500000")
    chapter = published_chapter()
    freeze_finances(chapter.document)
    line(2018, LineKind.ORIGINAL_BUDGET, Direction.EXPENSES, "250000")  # a corrected ledger

    said = freeze("begroting-2018", "--dry-run")
    assert "2.1.4" in said and "overview" in said
    chapter.refresh_from_db()
    assert finance_table(chapter).expenses[2] == 500000  # the dry run wrote nothing

    freeze("begroting-2018")
    chapter.refresh_from_db()
    assert finance_table(chapter).frozen and finance_table(chapter).expenses[2] == 750000
    assert finance_overview(Document.objects.get()).totals()[0][2 - 2] is not None
    assert "nothing changes" in freeze("begroting-2018")


def test_the_command_refuses_a_draft_and_an_unknown_reference():
    chapter_of("begroting", year=2019)
    with pytest.raises(CommandError, match=r"draft|ontwerp"):
        freeze("begroting-2019")
    with pytest.raises(CommandError, match="begroting-2030"):
        freeze("begroting-2030")
