"""Reads of the programme structure and the P&C documents, for the apps that refer to them."""

import datetime

from django.db.models import QuerySet

from .models import Deadline, Document, DocumentKind, PolicyArea


def policy_areas() -> QuerySet[PolicyArea]:
    """Every programme, sub-programme and policy field, by code."""
    return PolicyArea.objects.order_by("code")


def documents() -> QuerySet[Document]:
    """Every begroting and jaarstukken, newest first."""
    return Document.objects.order_by("-year", "kind", "sequence")


def document_reference(document: Document) -> str:
    """How the API and exports name a document: ``begroting-2018``, ``jaarstukken-2017``, and
    ``bestuursrapportage-2018-2`` (a year has several)."""
    if document.kind == DocumentKind.BESTUURSRAPPORTAGE:
        return f"{document.kind}-{document.year}-{document.sequence}"
    return f"{document.kind}-{document.year}"


def document_by_reference(reference: str) -> Document:
    """The document named ``begroting-2018``; ``Document.DoesNotExist`` when there is none."""
    parts = str(reference).split("-")
    try:
        kind, year, sequence = parts[0], int(parts[1]), int(parts[2]) if len(parts) == 3 else 1
    except (ValueError, IndexError) as exc:
        raise Document.DoesNotExist(reference) from exc
    if len(parts) > 3:
        raise Document.DoesNotExist(reference)
    return Document.objects.get(kind=kind, year=year, sequence=sequence)


def deadlines(*, year: int | None = None) -> QuerySet[Deadline]:
    """The P&C calendar (of one document year), by due date."""
    queryset = Deadline.objects.order_by("due_on", "document_kind", "year", "sequence")
    return queryset if year is None else queryset.filter(year=year)


def deadline_years() -> list[int]:
    """The document years that have deadlines, newest first."""
    years = Deadline.objects.values_list("year", flat=True).distinct()
    return sorted(set(years), reverse=True)


def deadlines_due_between(first: datetime.date, last: datetime.date) -> QuerySet[Deadline]:
    """The deadlines due from ``first`` up to and including ``last``."""
    return deadlines().filter(due_on__gte=first, due_on__lte=last)
