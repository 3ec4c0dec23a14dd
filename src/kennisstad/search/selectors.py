"""Search across the registry: one API, the backend chosen by the database in use.

PostgreSQL uses its full-text search over the GIN-indexed ``vector`` with the 'simple'
configuration and prefix matching; SQLite matches word prefixes in the folded ``text`` with LIKE.
Both get the same folded words (see ``text``), so both find the same records; only the order
differs (PostgreSQL ranks by relevance, SQLite sorts by name).

Why 'simple' and not 'dutch': names of organisations and people are in every language and titles
are in Dutch and English; the Dutch stemmer would cut foreign names and English words into wrong
stems, and SQLite could not follow it. Prefix matching gives the useful part of stemming on both
("samenwerk" finds "samenwerking" and "samenwerkingsproject").
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import connections
from django.db.models import F, Model, QuerySet, Subquery

from kennisstad.core.typing import UserLike

from .documents import DOCUMENTS
from .models import SearchEntry, SearchKind
from .text import query_words

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass
class KindResults:
    kind: str
    label: "StrOrPromise"  # the kind's lazy label, translated when shown
    total: int
    records: list[Model] = field(default_factory=list)


def matching_entries(query: str) -> QuerySet[SearchEntry]:
    """Entries containing every word of ``query`` as a word prefix (any kind, unfiltered)."""
    terms = query_words(query)
    if not terms:
        return SearchEntry.objects.none()
    entries = SearchEntry.objects.all()
    if connections[entries.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank

        # Only letters and digits reach here, so the raw tsquery syntax is safe.
        search = SearchQuery(
            " & ".join(f"{term}:*" for term in terms), search_type="raw", config="simple"
        )
        return entries.filter(vector=search).annotate(rank=SearchRank(F("vector"), search))
    for term in terms:
        entries = entries.filter(text__contains=f" {term}")
    return entries


def _ordered(entries: QuerySet[SearchEntry]) -> QuerySet[SearchEntry]:
    if "rank" in entries.query.annotations:
        return entries.order_by("-rank", "sort_key", "object_id")
    return entries.order_by("sort_key", "object_id")


def visible_matches(*, user: UserLike, query: str, kind: str) -> QuerySet[SearchEntry]:
    """Matching entries of one kind that ``user`` may see (``accounts.access`` decides)."""
    document = DOCUMENTS[kind]
    allowed = document.visible(user, document.model._default_manager.all())
    if allowed.query.is_empty():
        return SearchEntry.objects.none()
    entries = matching_entries(query).filter(kind=kind)
    if allowed.query.where:  # a restricted user: only the record ids access allows
        entries = entries.filter(object_id__in=Subquery(allowed.values("pk")))
    return entries


def search(
    *, user: UserLike, query: str, limit: int = 20, kinds: Iterable[str] | None = None
) -> list[KindResults]:
    """Per kind: how many records match and the first ``limit`` of them (records, not entries)."""
    results = []
    for kind in kinds or DOCUMENTS:
        document = DOCUMENTS[kind]
        entries = visible_matches(user=user, query=query, kind=kind)
        ids = list(_ordered(entries).values_list("object_id", flat=True)[: limit + 1])
        if len(ids) > limit:
            total = entries.count()
            ids = ids[:limit]
        else:
            total = len(ids)
        found = document.model._default_manager.in_bulk(ids)
        records = [found[pk] for pk in ids if pk in found]
        results.append(KindResults(kind, SearchKind(kind).label, total, records))
    return results


def matching_ids(*, user: UserLike, query: str) -> dict[str, set[int]]:
    """Every matching record id per kind, for comparing backends in tests and benchmarks."""
    return {
        kind: set(
            visible_matches(user=user, query=query, kind=kind).values_list("object_id", flat=True)
        )
        for kind in DOCUMENTS
    }
