"""Benchmark: a whole jaarstukken, read and imported in one go.

Run: `.venv/bin/python bench/bench_document_import.py [--chapters N] [--indicators-per-chapter N]
[--repeat N]`. It writes the text of a jaarstukken as a municipality's P&C site prints it (a
title, then per chapter a coded heading, the aims, a table "Prestatie-indicatoren" one cell per
line with `Behaald 2017 | Beoogd 2018 | Behaald 2018`, an effect table, the actions), builds a
fresh SQLite database (or uses DATABASE_URL, in a database of its own), and measures:

- reading: text to the printed document (``document_reading.read_file``);
- the first import: every chapter, indicator and value written (``import_document``);
- importing the same document again (everything unchanged).

Target (issue 13): a jaarstukken of 100 chapters and 400 indicators imports in under 10 s,
reading included.
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


def chapter_text(number: int, indicators: int) -> list[str]:
    """One chapter: three quarters of its indicators in the performance table, the rest in an
    effect table; cells with comparators, footnote marks, dashes and thousands points."""
    programme, field = divmod(number, 10)
    lines = [f"{programme + 1}.{field + 1} Beleidsveld {number + 1}", ""]
    lines += ["Wat wilden we bereiken in 2018?", "", f"Doel van beleidsveld {number + 1}.", ""]
    performance = max(1, indicators * 3 // 4)
    tables = [("Prestatie-indicatoren", range(performance))]
    if indicators > performance:
        tables.append(("Effectindicatoren", range(performance, indicators)))
    for label, rows in tables:
        lines += [label, "", "Behaald", "2017", "", "Beoogd", "2018", "", "Behaald", "2018", ""]
        for row in rows:
            lines += [f"Aantal resultaten {number + 1}-{row + 1} in de stad", ""]
            lines += [f"{1_000 + row * 37:,}".replace(",", "."), "", f"> {row + 2}", ""]
            lines += ["-" if row % 7 == 3 else f"{row + 5}*", ""]
    lines += ["Wat hebben we hiervoor gedaan?", "", f"  • Actie voor beleidsveld {number + 1}.", ""]
    return lines


def document_text(chapters: int, indicators: int) -> str:
    lines = ["Jaarstukken 2018", ""]
    for number in range(chapters):
        lines += chapter_text(number, indicators)
    return "\n".join(lines) + "\n"


def run(chapters: int, indicators: int, repeat: int) -> bool:
    from kennisstad.indicators.models import Indicator, Realisation, Target
    from kennisstad.planning.document_import import import_document
    from kennisstad.planning.document_reading import read_file

    logging.getLogger("kennisstad.events").setLevel(logging.WARNING)
    data = document_text(chapters, indicators).encode()
    read_ms, printed = timed(lambda: read_file(data, "jaarstukken-2018.txt"), repeat)
    first_ms, report = timed(lambda: import_document(printed=printed), 1)
    again_ms, again = timed(lambda: import_document(printed=printed), repeat)
    atomic_ms, _ = timed(lambda: import_document(printed=printed, atomic=True), repeat)
    total = (read_ms + first_ms) / 1000
    print(
        f"document: {len(data) / 1024:.0f} KiB, {chapters} chapters, "
        f"{chapters * indicators} indicators"
    )
    print(f"read:         {read_ms:8.0f} ms")
    print(
        f"first import: {first_ms:8.0f} ms  ({Indicator.objects.count()} indicators, "
        f"{Realisation.objects.count()} realisations, {Target.objects.count()} targets, "
        f"{len(report.refusals)} refusals)"
    )
    print(f"import again: {again_ms:8.0f} ms  ({len(again.changed)} changed)")
    print(f"again, --atomic: {atomic_ms:5.0f} ms")
    verdict = "ok" if total < TARGET_SECONDS else "TOO SLOW"
    print(f"read + first import: {total:.1f} s (target < {TARGET_SECONDS:.0f} s): {verdict}")
    return total < TARGET_SECONDS and not report.refusals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chapters", type=int, default=100)
    parser.add_argument("--indicators-per-chapter", type=int, default=4)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as var_dir:
        setup_django(var_dir)
        try:
            ok = run(options.chapters, options.indicators_per_chapter, options.repeat)
        finally:
            teardown_django()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
