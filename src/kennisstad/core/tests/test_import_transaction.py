"""``import_transaction``: an import's writes in one transaction, rolled back at the end of a
dry run and by a refusal; only a real import that got through is logged, with counts."""

import logging

import pytest
from django.db import transaction

from kennisstad.core.imports import ImportRefused, ImportReport, import_transaction
from kennisstad.core.models import Theme

pytestmark = pytest.mark.django_db


def write_theme(report: ImportReport, *, refuse: bool = False, **ids) -> None:
    with import_transaction(report, **ids):
        Theme.objects.create(slug="import-test", name_nl="Importtest")
        report.created.append("Importtest")
        if refuse:
            raise ImportRefused("wrong at the end")


def events(caplog) -> list[dict]:
    return [r.event_fields for r in caplog.records if getattr(r, "event", "").startswith("import.")]


def test_a_dry_run_writes_nothing_and_logs_nothing(caplog):
    caplog.set_level(logging.INFO, logger="kennisstad.events")
    report = ImportReport(kind="test", dry_run=True)
    write_theme(report)
    assert not Theme.objects.filter(slug="import-test").exists()
    assert report.created == ["Importtest"]  # the report still says what it would do
    assert events(caplog) == []


def test_a_refusal_inside_writes_nothing_and_logs_nothing(caplog):
    caplog.set_level(logging.INFO, logger="kennisstad.events")
    with pytest.raises(ImportRefused):
        write_theme(ImportReport(kind="test"), refuse=True)
    assert not Theme.objects.filter(slug="import-test").exists()
    assert events(caplog) == []


def test_a_real_import_is_written_and_logged_with_counts_and_ids(
    caplog, team_member, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO, logger="kennisstad.events")
    with django_capture_on_commit_callbacks(execute=True):
        write_theme(ImportReport(kind="test"), user=team_member, source="upload")
    assert Theme.objects.filter(slug="import-test").exists()
    (event,) = events(caplog)
    assert event == {
        "event": "import.test",
        "actor": f"user:{team_member.pk}",
        "created": 1,
        "changed": 0,
        "unchanged": 0,
        "conflicts": 0,
        "skipped": 0,
        "source": "upload",
    }


def test_an_import_rolled_back_by_its_caller_is_not_logged(
    caplog, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.INFO, logger="kennisstad.events")
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        write_theme(ImportReport(kind="test"))
        transaction.set_rollback(True)
    assert not Theme.objects.filter(slug="import-test").exists()
    assert events(caplog) == []
