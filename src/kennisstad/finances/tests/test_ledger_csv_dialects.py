"""A CSV as Excel or a financial system saves it: UTF-8 with a byte-order mark or Windows-1252,
separated by semicolons, commas or tabs; the separator is sniffed from the header line."""

from decimal import Decimal

import pytest

from kennisstad.finances.ledger_reader import read_ledger, sniff_separator
from kennisstad.finances.models import FinanceLine
from kennisstad.finances.services import import_ledger
from kennisstad.policy.tests.factories import seed_policy_field


@pytest.mark.parametrize(
    ("header", "separator"),
    [("Jaar;Soort;Bedrag", ";"), ("Year,Kind,Amount", ","), ("Jaar\tSoort\tBedrag", "\t")],
)
def test_the_separator_is_sniffed_from_the_header(header, separator):
    assert sniff_separator(header) == separator


def test_a_byte_order_mark_is_no_part_of_the_first_header():
    table = read_ledger("\ufeffJaar;Soort\r\n2018;primitief\r\n".encode())
    assert table.headers == ["Jaar", "Soort"]
    assert list(table.rows) == [(2, ["2018", "primitief"])]


@pytest.mark.django_db
def test_a_windows_1252_export_with_commas_and_quoted_amounts_imports():
    seed_policy_field()
    text = (
        "Jaar,Soort,Taakveld,Beleidsveld,Omschrijving,Bedrag\r\n"
        '2018,primitief,3.4,2.1.4,Promotie café,"€ 1.250,75"\r\n'
    )
    import_ledger(data=text.encode("cp1252"), file_name="export.csv")
    line = FinanceLine.objects.get()
    assert line.description == "Promotie café"
    assert line.amount == Decimal("1250.75")
