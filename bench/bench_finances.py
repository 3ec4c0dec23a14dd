"""Benchmark: importing a municipality's whole ledger export, and reading its totals.

Run: `.venv/bin/python bench/bench_finances.py [--lines N] [--policy-fields N] [--repeat N]`
(`--small` for CI: 5,000 lines). It writes a CSV as a Dutch financial system exports it
(semicolons, Dutch amounts, taakveld code and name) with N lines spread over years 2016-2021
and every kind (rekening, primitief, wijzigingen, raming) and over the policy fields,
builds a fresh SQLite database (or uses DATABASE_URL, in a database of its own), and measures:

- the dry run (read, check every row, count what it replaces; nothing written);
- the first import (N lines written);
- importing the same file again (every set replaced);
- the totals of the six columns of a begroting's "Wat mag het kosten?" table for every
  policy field, per policy field and per taakveld (``finances.selectors.totals``).

Target (issue 14): 100,000 lines import in under 10 s.
"""

import argparse
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from common import setup_django, teardown_django, timed  # noqa: E402

TARGET_SECONDS = 10.0
HEADER = (
    "Boekjaar;Soort;Geraamd in;Begrotingswijziging;Grootboekrekening;Kostenplaats;Taakveld;"
    "Beleidsveld;Lasten/baten;Bedrag;Omschrijving"
)
# (year, kind, estimated in): the sets a begroting 2018 and jaarstukken 2018 need.
SETS = [
    (2016, "rekening", ""),
    (2017, "primitief", ""),
    (2017, "wijziging", ""),
    (2017, "rekening", ""),
    (2018, "primitief", ""),
    (2018, "wijziging", ""),
    (2018, "rekening", ""),
    (2019, "raming", "2018"),
    (2020, "raming", "2018"),
    (2021, "raming", "2018"),
]


def make_policy_fields(count: int) -> list[str]:
    from kennisstad.policy.models import PolicyArea

    programme = PolicyArea.objects.create(code="2", title_nl="Economie")
    codes = []
    for number in range(count):
        parent, _ = PolicyArea.objects.get_or_create(
            code=f"2.{number // 9 + 1}", defaults={"title_nl": "Deelprogramma", "parent": programme}
        )
        code = f"{parent.code}.{number % 9 + 1}"
        PolicyArea.objects.create(code=code, title_nl=f"Beleidsveld {code}", parent=parent)
        codes.append(code)
    return codes


def ledger_csv(lines: int, policy_fields: list[str]) -> bytes:
    from kennisstad.finances.models import Taakveld

    taakvelden = [f"{t.code} {t.title_nl}" for t in Taakveld.objects.order_by("position")]
    rows = [HEADER]
    for number in range(lines):
        year, kind, estimated_in = SETS[number % len(SETS)]
        amendment = f"BW {year}-{number % 4 + 1:02d}" if kind == "wijziging" else ""
        account = f"4{number // len(SETS):06d}"
        euros = 1_000 + (number * 7_919) % 250_000
        amount = f"{euros:,}".replace(",", ".") + f",{number % 100:02d}"
        rows.append(
            f"{year};{kind};{estimated_in};{amendment};{account};KP{number % 40:03d};"
            f"{taakvelden[number % len(taakvelden)]};{policy_fields[number % len(policy_fields)]};"
            f"{'B' if number % 5 == 0 else 'L'};{amount};Regel {number}"
        )
    return ("\r\n".join(rows) + "\r\n").encode("utf-8")


def table_totals(policy_fields: list[str]) -> int:
    from kennisstad.finances.selectors import Column, totals

    columns = [
        Column(2016, "realisatie"),
        Column(2017, "na_wijziging"),
        Column(2018, "primitief"),
        Column(2019, "raming", 2018),
        Column(2020, "raming", 2018),
        Column(2021, "raming", 2018),
    ]
    cells = 0
    for column in columns:
        cells += len(totals(column, by=("policy_area",)))
        cells += len(totals(column, by=("policy_area", "taakveld")))
    return cells


def run(lines: int, policy_field_count: int, repeat: int) -> bool:
    from kennisstad.finances.models import FinanceLine
    from kennisstad.finances.services import import_ledger

    logging.getLogger("kennisstad.events").setLevel(logging.WARNING)
    policy_fields = make_policy_fields(policy_field_count)
    data = ledger_csv(lines, policy_fields)

    def load(dry_run: bool = False):
        return import_ledger(data=data, file_name="grootboek.csv", dry_run=dry_run)

    dry_ms, dry = timed(lambda: load(dry_run=True), repeat)
    first_ms, report = timed(load, 1)
    again_ms, again = timed(load, repeat)
    totals_ms, cells = timed(lambda: table_totals(policy_fields), repeat)
    print(
        f"ledger: {len(data) / 1_000_000:.1f} MB, {lines} lines, {len(SETS)} sets, "
        f"{policy_field_count} policy fields"
    )
    print(f"dry run:       {dry_ms:8.0f} ms  ({dry.line_count} lines checked)")
    print(f"first import:  {first_ms:8.0f} ms  ({FinanceLine.objects.count()} lines stored)")
    print(f"import again:  {again_ms:8.0f} ms  ({again.replaced_count} lines replaced)")
    print(f"table totals:  {totals_ms:8.0f} ms  (6 columns, {cells} groups)")
    seconds = first_ms / 1000
    verdict = "ok" if seconds < TARGET_SECONDS else "TOO SLOW"
    print(f"first import: {seconds:.1f} s (target < {TARGET_SECONDS:.0f} s): {verdict}")
    return seconds < TARGET_SECONDS and report.line_count == lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--policy-fields", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="5,000 lines, for CI")
    options = parser.parse_args()
    lines = 5_000 if options.small else options.lines
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        try:
            ok = run(lines, options.policy_fields, options.repeat)
        finally:
            teardown_django()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
