"""``import-begroting`` imports a file or a folder with one report: --dry-run writes nothing,
--atomic refuses everything for one bad file, a refusal ends with a non-zero exit."""

import io

import pytest
from django.core.management import CommandError, call_command

from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import seed_text
from kennisstad.policy.models import Document

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import-begroting", *map(str, args), "--language", "en", stdout=out)
    return out.getvalue()


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "a.txt").write_text(seed_text(), encoding="utf-8")
    (tmp_path / "b.md").write_text(seed_text().replace("2.1.4 ", "2.1.5 ", 1), encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    return tmp_path


def test_a_folder_imports_every_file_with_one_report(folder):
    out = run(folder)
    assert sorted(Chapter.objects.values_list("policy_area__code", flat=True)) == [
        "2.1.4",
        "2.1.5",
    ]
    assert "chapters: 2" in out and out.count("Begroting 2018") >= 2


def test_a_dry_run_writes_nothing(folder):
    out = run(folder, "--dry-run")
    assert out.startswith("Dry run") and not Document.objects.exists()


def test_a_bad_file_is_a_refusal_of_that_file_or_of_all_with_atomic(folder):
    (folder / "c.txt").write_text("Begroting 2018\n\nniets\n", encoding="utf-8")
    with pytest.raises(CommandError):
        run(folder, "--atomic")
    assert not Document.objects.exists()
    with pytest.raises(CommandError, match="1 part refused"):
        run(folder)
    assert Chapter.objects.count() == 2


def test_published_on_and_peildatum_are_used(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text(), encoding="utf-8")
    run(path, "--published-on", "2017-11-09", "--peildatum", "2017-09-01")
    document = Document.objects.get()
    assert str(document.published_on) == "2017-11-09" and document.status == "gepubliceerd"
    assert document.adopted_on is None
    assert {str(r.measured_on) for r in document.realisations.all()} == {"2017-09-01"}


def test_a_file_of_another_document_than_asked_is_refused(tmp_path):
    path = tmp_path / "seed.txt"
    path.write_text(seed_text(), encoding="utf-8")
    with pytest.raises(CommandError, match="line 1"):
        run(path, "--kind", "jaarstukken", "--year", "2018")
