"""The search index holds folded copies of names and emails (``text``, and on PostgreSQL the
``vector``), which the erasure's scrub of the original texts would not fully recognise. Before
the erasure every entry that holds the person's name or email is removed; after it (and the
scrub), those records are indexed again from their scrubbed texts."""

from django.apps import apps

from kennisstad.relations.personal_data import register_after_erasure, register_eraser
from kennisstad.relations.scrubbing import rows_naming

from .documents import DOCUMENTS
from .models import SearchEntry
from .services import index_object
from .text import index_text

PENDING = "_search_entries_to_rebuild"


@register_eraser
def drop_entries_naming_the_person(person, needles) -> int:
    terms = {index_text(needle) for needle in needles} - {""}
    rows = rows_naming(sorted(terms), model=SearchEntry).get(SearchEntry, {})
    naming = [pk for pk, texts in rows.items() if "text" in texts]
    touched: set[tuple[str, int]] = set(
        SearchEntry.objects.filter(pk__in=naming).values_list("kind", "object_id")
    )
    model = type(person)
    for kind, document in DOCUMENTS.items():
        if document.model_label == model._meta.label:
            touched.add((kind, person.pk))
    dropped = 0
    for kind, object_id in touched:
        dropped += SearchEntry.objects.filter(kind=kind, object_id=object_id).delete()[0]
    setattr(person, PENDING, touched)
    return dropped


@register_after_erasure
def rebuild_dropped_entries(person, needles) -> None:
    for kind, object_id in getattr(person, PENDING, ()):
        model = apps.get_model(DOCUMENTS[kind].model_label)
        record = model._default_manager.filter(pk=object_id).first()
        if record is not None:
            index_object(obj=record)
