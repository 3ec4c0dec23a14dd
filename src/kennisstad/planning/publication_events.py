"""The log events of a publication: a chapter's table frozen, a document adopted. Written
once the transaction commits, so a dry-run import or a refused publication logs nothing. Ids,
codes and counts only (see docs/developers/log-events.md)."""

from kennisstad.core.events import log_event_on_commit


def chapter_published(chapter, *, user, via: str) -> None:
    """``via``: ``publish`` (the document was adopted) or ``import`` (an imported chapter)."""
    table = chapter.frozen_table or {}
    log_event_on_commit(
        "publication.chapter.published",
        user=user,
        chapter=chapter.pk,
        document=chapter.document_id,
        policy_area=chapter.policy_area_id,
        rows=len(table.get("rows", ())),
        columns=len(table.get("columns", ())),
        via=via,
    )


def document_adopted(document, *, user, via: str, **counts: int) -> None:
    """``via``: ``publish``, ``import``, or ``quoted`` (a budget adopted because an imported
    document quotes its targets)."""
    log_event_on_commit(
        "publication.document.adopted",
        user=user,
        document=document.pk,
        kind=document.kind,
        year=document.year,
        via=via,
        **counts,
    )


def document_step(document, *, user, step: str, **fields) -> None:
    """A step of the cycle: ``offered``, ``published`` (``via``: ``publish``, ``import`` or
    ``quoted``)."""
    log_event_on_commit(
        f"publication.document.{step}",
        user=user,
        document=document.pk,
        kind=document.kind,
        year=document.year,
        **fields,
    )


def cycle_recorded(subject: str, *, user, **fields) -> None:
    """``cycle.amendment.recorded``, ``cycle.progress.recorded``, ``cycle.forecast.recorded``."""
    log_event_on_commit(f"cycle.{subject}.recorded", user=user, **fields)
