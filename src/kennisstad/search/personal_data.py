"""The search index holds folded copies of names and emails (``text``, and on PostgreSQL the
``vector``), which the erasure's scrub of the original texts would not fully recognise. Before
the erasure every entry that holds the person's name or email is removed; after it (and the
scrub), those records are indexed again from their scrubbed texts."""

from django.apps import apps

from kennisstad.relations.personal_data import register_after_erasure, register_eraser
from kennisstad.relations.scrubbing import rows_naming

from .documents import DOCUMENTS
from .models import SearchEntry
from .services import index_queryset
from .text import index_text

PENDING = "_search_entries_to_rebuild"
CHUNK = 2000


@register_eraser
def drop_entries_naming_the_person(people, needles) -> int:
    terms = {index_text(needle) for needle in needles} - {""}
    rows = rows_naming(sorted(terms), model=SearchEntry).get(SearchEntry, {})
    naming = [pk for pk, texts in rows.items() if "text" in texts]
    touched: set[tuple[str, int]] = set(
        SearchEntry.objects.filter(pk__in=naming).values_list("kind", "object_id")
    )
    for person in people:
        for kind, document in DOCUMENTS.items():
            if document.model_label == type(person)._meta.label:
                touched.add((kind, person.pk))
    by_kind: dict[str, list[int]] = {}
    for kind, object_id in touched:
        by_kind.setdefault(kind, []).append(object_id)
    dropped = 0
    for kind, object_ids in sorted(by_kind.items()):
        for start in range(0, len(object_ids), CHUNK):
            chunk = sorted(object_ids)[start : start + CHUNK]
            dropped += SearchEntry.objects.filter(kind=kind, object_id__in=chunk).delete()[0]
    for person in people:  # the same set on each: the clean-up below rebuilds it once
        setattr(person, PENDING, by_kind)
    return dropped


@register_after_erasure
def rebuild_dropped_entries(people, needles) -> None:
    """The dropped entries again, from the scrubbed records, one batch per kind."""
    pending = getattr(people[0], PENDING, {}) if people else {}
    for kind, object_ids in sorted(pending.items()):
        model = apps.get_model(DOCUMENTS[kind].model_label)
        for start in range(0, len(object_ids), CHUNK):
            chunk = sorted(object_ids)[start : start + CHUNK]
            index_queryset(queryset=model._default_manager.filter(pk__in=chunk))
