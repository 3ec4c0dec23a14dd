"""Benchmark: rendering a whole document's finance tables ("Wat mag het kosten?" of every
chapter and the overview per taakveld) from a ledger of 100,000 lines.

Run: `.venv/bin/python bench/bench_finance_tables.py [--lines N] [--fields N] [--repeat N]`.
It builds a fresh SQLite database (or uses DATABASE_URL, in a database of its own), fills it
with ``--lines`` ledger lines (bulk_create) over ``--fields`` policy fields in 10 programmes,
every taakveld, years 2015-2021 and every kind, and a begroting 2018 and a jaarstukken 2018
with a chapter per policy field and per programme. It times the finance tables alone
(``finance_tables`` + ``finance_overview``), their JSON and Markdown, and the number of SQL
queries. Target (issue 14): the whole document's finance tables under 1 s.
"""

import argparse
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from common import setup_django, teardown_django, timed  # noqa: E402

KINDS = [  # (year, kind, estimated_in)
    *((year, "realisatie", None) for year in range(2015, 2019)),
    *((year, "primitief", None) for year in range(2016, 2019)),
    *((year, "wijziging", None) for year in range(2016, 2019)),
    *((year, "raming", 2018) for year in range(2019, 2022)),
]


def generate(lines: int, fields: int, seed: int = 14):
    """Programmes 10..19, each with its policy fields; ``lines`` ledger lines over them."""
    from kennisstad.finances.models import FinanceLine, LedgerImport, Taakveld
    from kennisstad.policy.models import PolicyArea

    rng = random.Random(seed)
    programmes = [
        PolicyArea.objects.create(code=str(n), title_nl=f"Programma {n}") for n in range(10, 20)
    ]
    areas = [
        PolicyArea.objects.create(
            code=f"{programmes[n % 10].code}.{n // 10 + 1}",
            title_nl=f"Beleidsveld {n}",
            parent=programmes[n % 10],
        )
        for n in range(fields)
    ]
    taakvelden = list(Taakveld.objects.all())
    batch = LedgerImport.objects.create(file_name="bench.csv", checksum="0" * 64)
    rows = []
    for n in range(lines):
        year, kind, estimated_in = KINDS[n % len(KINDS)]
        rows.append(
            FinanceLine(
                year=year,
                kind=kind,
                estimated_in=estimated_in,
                amendment="BW 1" if kind == "wijziging" else "",
                policy_area=areas[rng.randrange(fields)],
                taakveld=taakvelden[rng.randrange(len(taakvelden))],
                direction="lasten" if rng.random() < 0.7 else "baten",
                amount=Decimal(rng.randrange(100, 5_000_000)) / 100,
                batch=batch,
                row_number=n + 2,
            )
        )
    FinanceLine.objects.bulk_create(rows, batch_size=5000)
    return [*programmes, *areas]


def documents(areas):
    from kennisstad.planning.models import Chapter
    from kennisstad.policy.models import Document

    made = []
    for kind in ("begroting", "jaarstukken"):
        document = Document.objects.create(kind=kind, year=2018)
        Chapter.objects.bulk_create(Chapter(document=document, policy_area=a) for a in areas)
        made.append(document)
    return made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--fields", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kennisstad-bench-") as var_dir:
        setup_django(var_dir)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from kennisstad.planning.exports import render
        from kennisstad.planning.finance_tables import finance_overview, finance_tables
        from kennisstad.planning.models import Chapter
        from kennisstad.planning.selectors import chapters_with_content

        begin = time.perf_counter()
        areas = generate(args.lines, args.fields)
        made = documents(areas)
        print(
            f"database: {connection.vendor}; {args.lines} ledger lines over {args.fields} policy "
            f"fields in 10 programmes (generated in {time.perf_counter() - begin:.1f} s)"
        )
        print(f"{'step':58} {'median ms':>10} {'queries':>8}")
        worst = 0.0
        for document in made:
            chapters = list(
                chapters_with_content(Chapter.objects.filter(document=document)).order_by(
                    "policy_area__code"
                )
            )

            def tables(chapters=chapters, document=document):
                return finance_tables(chapters), finance_overview(document)

            for label, work in (
                ("finance tables + overview", tables),
                (
                    "whole document as json",
                    lambda c=chapters, d=document: render(c, "json", overview=finance_overview(d)),
                ),
                (
                    "whole document as md",
                    lambda c=chapters, d=document: render(c, "md", overview=finance_overview(d)),
                ),
            ):
                ms, _result = timed(work, args.repeat)
                with CaptureQueriesContext(connection) as queries:
                    work()
                name = f"{document} ({len(chapters)} chapters): {label}"
                print(f"{name:58} {ms:10.1f} {len(queries.captured_queries):8d}")
                if label == "finance tables + overview":
                    worst = max(worst, ms)
        print(
            f"slowest document's finance tables: {worst:.1f} ms; "
            f"target < 1000 ms: {'met' if worst < 1000 else 'NOT met'}"
        )
        teardown_django()


if __name__ == "__main__":
    main()
