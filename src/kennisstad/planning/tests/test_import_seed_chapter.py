"""The seed chapter imports, and the export reproduces its table and text."""

import csv
import io

import pytest
from django.core.management import call_command

from kennisstad.indicators.models import Indicator, Origin, Realisation, Target
from kennisstad.planning.models import Action, Chapter
from kennisstad.planning.tests.factories import SEED, import_seed, seed_text
from kennisstad.policy.models import Document, PolicyArea

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

# As the seed prints it: its Begroting 2017 cells read "Beoogd > 2" (the header word again).
EXPECTED_TABLE = [
    ["Prestatie-indicatoren", "Behaald 2015", "Behaald 2016", "Begroting 2017", "Beoogd 2018"],
    ["Aantal samenwerkingsprojecten op gebied van Kennis/innovatie", "-", "2", "Beoogd > 2", "> 5"],
    ["Aantal profileringsprojecten Groningen kennisstad", "-", "2", "Beoogd > 2", "> 5"],
]


def export(fmt: str, **options) -> str:
    out = io.StringIO()
    call_command(
        "export-begroting", year=2018, policy_field="2.1.4", format=fmt, stdout=out, **options
    )
    return out.getvalue()


def test_command_import_then_csv_export_gives_the_seed_table():
    out = io.StringIO()
    call_command("import-begroting", str(SEED), "--language", "en", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[:2] == [
        "Begroting 2018",
        "7 created, 0 updated, 0 unchanged. chapters: 1, indicators: 2, values: 6.",
    ]
    assert "+ chapter 2.1.4 in Begroting 2018" in lines
    rows = list(csv.reader(io.StringIO(export("csv"))))
    assert rows == EXPECTED_TABLE


def test_import_records_every_number_with_its_provenance():
    import_seed()
    area = PolicyArea.objects.get(code="2.1.4")
    assert (
        area.parent.code == "2.1" and area.parent.parent.title_nl == "Economie en werkgelegenheid"
    )
    begroting_2018 = Document.objects.get(kind="begroting", year=2018)
    assert begroting_2018.is_published and begroting_2018.imported
    assert not begroting_2018.is_adopted  # published as printed; only the council adopts
    indicator = Indicator.objects.get(name_nl__startswith="Aantal samenwerkingsprojecten")
    assert indicator.measured_from == 2016  # the 2015 dash means: not measured yet
    realisation = Realisation.objects.get(indicator=indicator, year=2016)
    assert (realisation.value, realisation.origin) == (2, Origin.IMPORTED)
    assert realisation.source_document == begroting_2018
    target_2017 = Target.objects.get(indicator=indicator, year=2017)
    assert (target_2017.comparator, target_2017.value) == (">", 2)
    # Quoted, not set: the Begroting 2017 that set it is not invented from the quote.
    assert target_2017.set_in is None and target_2017.source_document == begroting_2018
    assert not Document.objects.filter(year=2017).exists()
    assert not target_2017.is_frozen  # an import adopts nothing; the council's decision does
    target_2018 = Target.objects.get(indicator=indicator, year=2018)
    assert target_2018.display_text == "> 5" and target_2018.set_in == begroting_2018


def test_markdown_export_reproduces_title_sections_and_bullets():
    import_seed()
    markdown = export("md")
    assert markdown.startswith("# Begroting 2018\n")
    for heading in (
        "## Economie en werkgelegenheid",
        "### 2.1.4 (Inter)nationaal Promoten van onze kennissectoren",
        "#### Hoe staan we ervoor?",
        "##### Welkomstbeleid",
        "#### Wat willen we bereiken in 2018?",
        "#### Wat gaan we hiervoor doen?",
    ):
        assert f"\n{heading}\n" in f"\n{markdown}", heading
    # Every cell as printed, the Begroting 2017 column's "Beoogd" too.
    assert (
        "| Aantal profileringsprojecten Groningen kennisstad | - | 2 | Beoogd > 2 | > 5 |"
        in markdown
    )
    bullets = [line[2:] for line in markdown.splitlines() if line.startswith("- ")]
    assert bullets == list(Action.objects.order_by("order").values_list("text_nl", flat=True))
    assert len(bullets) == 7
    assert bullets[-1] == "Realiseren projecten uit het Welkomstbeleid 2.0."
    # Every paragraph of the seed appears unchanged.
    for paragraph in seed_text().split("\n\n"):
        paragraph = paragraph.strip()
        if len(paragraph) > 80 and "•" not in paragraph:
            assert paragraph.split("\n")[-1].strip() in markdown


def test_importing_the_same_chapter_again_changes_nothing():
    import_seed()
    counts = {
        model: model.objects.count() for model in (Indicator, Realisation, Target, Chapter, Action)
    }
    report = import_seed()
    assert report.created == [] and report.conflicts == [] and report.changed == []
    assert {model: model.objects.count() for model in counts} == counts


def test_dry_run_reports_but_writes_nothing():
    report = import_seed(dry_run=True)
    assert report.dry_run and any("indicator" in line for line in report.created)
    assert Indicator.objects.count() == 0 and Document.objects.count() == 0
