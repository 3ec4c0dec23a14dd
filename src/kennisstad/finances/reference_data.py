"""Puts the national taakvelden in the database: the migration does it once, and the demo
again when a database was emptied after migrating (a flush by a transactional test, a restore
of data without reference tables), so the ledger always finds its taakvelden."""

from typing import Any

from .taakvelden import TAAKVELDEN


def load_taakvelden(taakveld_model: Any) -> None:
    """Create or update every taakveld of the national list on ``taakveld_model`` (the model
    of a migration's state, or the app's own)."""
    for position, (code, title_nl, title_en, former) in enumerate(TAAKVELDEN, start=1):
        taakveld_model.objects.update_or_create(
            code=code,
            defaults={
                "title_nl": title_nl,
                "title_en": title_en,
                "main_task": code.split(".")[0],
                "former_titles": list(former),
                "position": position,
            },
        )
