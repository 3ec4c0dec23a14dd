"""Test data for planning: the seed chapter (a copy of shared/seed, the public text of
Groningen's Begroting 2018, chapter 2.1.4)."""

from pathlib import Path

SEED = Path(__file__).resolve().parent / "data" / "begroting-2018-groningen-2.1.4.txt"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
