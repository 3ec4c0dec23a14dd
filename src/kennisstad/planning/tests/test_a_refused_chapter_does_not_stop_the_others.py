"""Read chapter by chapter (no ``--atomic``), a whole document with one unreadable chapter is
imported but for that chapter, which the report lists with its line; with ``--atomic`` nothing
is written."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.test_import_form_all_chapters_or_none import DOCUMENT

pytestmark = pytest.mark.django_db


@pytest.fixture
def document_file(tmp_path):
    path = tmp_path / "jaarstukken-2018.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_the_other_chapters_are_imported_and_the_refused_one_reported(document_file):
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 part refused"):  # a script sees it failed
        call_command("import-begroting", str(document_file), "--language", "en", stdout=out)
    assert list(Chapter.objects.values_list("policy_area__code", flat=True)) == ["2.1.3"]
    assert "line 15" in out.getvalue() and "2.1.4" in out.getvalue()


def test_atomic_writes_nothing(document_file):
    with pytest.raises(CommandError, match="line 15"):
        call_command("import-begroting", str(document_file), "--atomic", "--language", "en")
    assert not Chapter.objects.exists()
