"""The nightly purge of personal data past its retention period, every kind of record in one
scheduled run (``services.purge_personal_data``, the ``purge-personal-data`` command's). A
rerun finds only what is still due."""

from kennisstad.core.background import background_task

from .services import purge_personal_data


@background_task("privacy.purge_personal_data", job="purge")
def purge_personal_data_task() -> dict[str, int]:
    """Purge every kind; ``task.purge.finished`` carries the count per kind (its key with
    underscores: ``relations_person``) and how many kinds failed."""
    run = purge_personal_data()
    counts = {key.replace(".", "_"): count for key, count in run.counts.items()}
    return {**counts, "failed": len(run.failed)}
