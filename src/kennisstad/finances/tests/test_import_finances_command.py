"""``kennisstad import-finances``: prints the report, takes a mapping file and a default year
for raming lines, and exits non-zero naming every wrong row."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from kennisstad.finances.models import FinanceLine
from kennisstad.policy.tests.factories import seed_policy_field

from .factories import ledger_csv, ledger_row


@pytest.mark.django_db
def test_the_command_imports_with_a_mapping_and_a_default_estimate_year(tmp_path):
    seed_policy_field()
    path = tmp_path / "grootboek.csv"
    path.write_bytes(
        ledger_csv(["2019;raming;3.4;2.1.4;1.000"], header="Jaar;Soort;Taakveld;Product;Bedrag")
    )
    mapping = tmp_path / "kolommen.json"
    mapping.write_text(json.dumps({"policy_field": "Product"}))
    out = io.StringIO()
    call_command(
        "import-finances",
        str(path),
        "--mapping",
        str(mapping),
        "--estimated-in",
        "2018",
        "--language",
        "en",
        stdout=out,
    )
    assert "1 lines" in out.getvalue() and "2019" in out.getvalue()
    assert FinanceLine.objects.get().estimated_in == 2018


@pytest.mark.django_db
def test_the_dry_run_writes_nothing(tmp_path):
    seed_policy_field()
    path = tmp_path / "grootboek.csv"
    path.write_bytes(ledger_csv([ledger_row()]))
    out = io.StringIO()
    call_command("import-finances", str(path), "--dry-run", "--language", "en", stdout=out)
    assert out.getvalue().startswith("Dry run")
    assert not FinanceLine.objects.exists()


@pytest.mark.django_db
def test_a_refused_file_names_every_row_and_fails(tmp_path):
    seed_policy_field()
    path = tmp_path / "grootboek.csv"
    path.write_bytes(ledger_csv([ledger_row(amount="abc"), ledger_row(policy_field="7.7")]))
    err = io.StringIO()
    with pytest.raises(CommandError, match="2 problems"):
        call_command("import-finances", str(path), "--language", "en", stderr=err)
    assert "row 2" in err.getvalue() and "row 3" in err.getvalue()
    assert not FinanceLine.objects.exists()
