"""Adopting a document and publishing a chapter write named log events (ids and counts), once
the transaction commits: a refused, stale or dry-run publication logs nothing. An import is
logged as an import; it freezes and adopts nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.core.tests.events import listen, logged, names
from kennisstad.planning.models import Chapter, Document
from kennisstad.planning.tests.factories import adopt, import_seed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


@pytest.fixture
def events(caplog, django_capture_on_commit_callbacks):
    """Run the block like a request: on-commit events are written when it ends."""
    listen(caplog)
    return django_capture_on_commit_callbacks


@pytest.fixture
def draft():
    import_seed()  # imported: neither adopted nor frozen
    return Document.objects.get(kind="begroting", year=2018)


def test_adopting_a_document_logs_each_frozen_chapter_and_the_adoption(
    draft, team_member, caplog, events
):
    chapter = Chapter.objects.get(document=draft)
    with events(execute=True):
        adopt(draft, team_member)
    assert names(caplog) == ["publication.chapter.published", "publication.document.adopted"]
    [published] = logged(caplog, "publication.chapter.published")
    assert published == {
        "event": "publication.chapter.published",
        "actor": f"user:{team_member.pk}",
        "chapter": chapter.pk,
        "document": draft.pk,
        "policy_area": chapter.policy_area_id,
        "rows": 2,
        "columns": 4,
        "via": "adopt",
    }
    [adopted] = logged(caplog, "publication.document.adopted")
    assert adopted["actor"] == f"user:{team_member.pk}"
    assert (adopted["document"], adopted["kind"], adopted["year"]) == (draft.pk, "begroting", 2018)
    assert (adopted["via"], adopted["chapters"], adopted["amendments_applied"]) == ("adopt", 1, 0)
    assert adopted["realisations_pinned"] == 0  # the imported values already name their source


def test_adopting_twice_is_refused_and_logs_nothing(draft, team_member, caplog, events):
    adopt(draft, team_member)
    with events(execute=True), pytest.raises(ValidationError):
        adopt(draft, team_member)
    assert logged(caplog) == []


def test_a_stale_adoption_freezes_nothing_and_logs_nothing(
    draft, client_for, team_member, caplog, events
):
    url = reverse("planning:document-cycle", args=[draft.pk, "adopt"])
    stale = {"version": draft.version - 1 or 99, "on": "2017-11-09", "decision_number": "7"}
    with events(execute=True):
        client_for(team_member).post(url, stale)
    draft.refresh_from_db()
    assert not draft.is_adopted
    assert Chapter.objects.get(document=draft).frozen_table is None
    assert logged(caplog) == []


def test_the_page_adopting_a_document_logs_it(draft, client_for, team_member, caplog, events):
    url = reverse("planning:document-cycle", args=[draft.pk, "adopt"])
    with events(execute=True):
        client_for(team_member).post(
            url, {"version": draft.version, "on": "2017-11-09", "decision_number": "2017-123"}
        )
    [adopted] = logged(caplog, "publication.document.adopted")
    assert adopted["actor"] == f"user:{team_member.pk}" and adopted["document"] == draft.pk


def test_an_import_logs_the_import_and_publishes_no_chapter_nor_adopts(team_member, caplog, events):
    with events(execute=True):
        import_seed(user=team_member)
    document = Document.objects.get(kind="begroting", year=2018)
    assert document.is_published and not document.is_adopted
    assert Chapter.objects.get(document=document).frozen_table is None
    assert logged(caplog, "publication.chapter.published") == []
    assert logged(caplog, "publication.document.adopted") == []
    [imported] = logged(caplog, "import.document")
    assert (imported["kind"], imported["year"], imported["chapters"]) == ("begroting", 2018, 1)
    # The 2017 budget the chapter quotes targets from is not made up from the quote.
    assert not Document.objects.filter(kind="begroting", year=2017).exists()
    assert {event["actor"] for event in logged(caplog)} == {f"user:{team_member.pk}"}


def test_a_dry_run_import_logs_no_publication(team_member, caplog, events):
    with events(execute=True):
        report = import_seed(user=team_member, dry_run=True)
    assert report.created and not Document.objects.exists()
    assert [name for name in names(caplog) if name.startswith(("publication.", "import."))] == []
