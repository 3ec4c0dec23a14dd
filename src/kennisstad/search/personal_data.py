"""The search index holds folded copies of names and emails (``text``, ``vector``), which the
erasure's scrub of the original texts cannot recognise. After an erasure every entry that
held the person's name or email is rebuilt from its (now scrubbed) record."""

from django.apps import apps

from kennisstad.relations.personal_data import register_after_erasure

from .documents import DOCUMENTS
from .models import SearchEntry
from .services import index_object, remove_object
from .text import index_text


@register_after_erasure
def rebuild_entries_naming_the_person(person, needles) -> None:
    remove_object(model=type(person), pk=person.pk)
    index_object(obj=person)  # what is left of the person: nothing personal
    terms = {index_text(needle) for needle in needles} - {""}
    touched: set[tuple[str, int]] = set()
    for term in terms:
        touched |= set(
            SearchEntry.objects.filter(text__icontains=term).values_list("kind", "object_id")
        )
    for kind, object_id in touched:
        model = apps.get_model(DOCUMENTS[kind].model_label)
        record = model._default_manager.filter(pk=object_id).first()
        if record is None:
            remove_object(model=model, pk=object_id)
        else:
            index_object(obj=record)
