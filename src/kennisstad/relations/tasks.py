"""The nightly purge of personal data past its retention date, as a scheduled task: a thin
wrapper over ``services.purge_expired`` (the ``purge-expired`` command's). A rerun finds only
who is still due, so it erases nobody twice."""

from kennisstad.core.background import background_task

from .services import purge_expired


@background_task("relations.purge_expired", job="purge")
def purge_expired_task() -> dict[str, int]:
    """Erase everyone past their retention date; each erasure writes its own
    ``privacy.person.erased`` event, this run ``task.purge.finished`` with the counts. A person
    who could not be erased (changed meanwhile) is counted as failed and is due again tomorrow."""
    report = purge_expired()
    return {"erased": len(report.erased), "failed": len(report.failed)}
