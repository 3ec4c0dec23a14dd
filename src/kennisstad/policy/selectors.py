"""Reads of the programme structure and the P&C documents, for the apps that refer to them."""

from django.db.models import QuerySet

from .models import Document, PolicyArea


def policy_areas() -> QuerySet[PolicyArea]:
    """Every programme, sub-programme and policy field, by code."""
    return PolicyArea.objects.order_by("code")


def documents() -> QuerySet[Document]:
    """Every begroting and jaarstukken, newest first."""
    return Document.objects.order_by("-year", "kind")


def document_reference(document: Document) -> str:
    """How the API and exports name a document: ``begroting-2018``, ``jaarstukken-2017``."""
    return f"{document.kind}-{document.year}"


def document_by_reference(reference: str) -> Document:
    """The document named ``begroting-2018``; ``Document.DoesNotExist`` when there is none."""
    try:
        kind, year = str(reference).rsplit("-", 1)
        number = int(year)
    except ValueError as exc:
        raise Document.DoesNotExist(reference) from exc
    return Document.objects.get(kind=kind, year=number)
