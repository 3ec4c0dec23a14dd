"""Removing a person's name, email address and telephone number from every text in the database.

Erasure blanks the person's own fields and history rows by primary key; this module catches the
rest: the name written in an interaction's notes, an activity's description, a change reason,
an admin log line, in the current tables and in every history table (all models, including the
many-to-many history tables, found through the app registry, so tables of apps added later are
covered too).

One query per table finds the rows that mention any of the texts (a scan: erasure is rare, so no
index is kept for it); only those rows are rewritten, with a case-insensitive replacement. The
rewrite is a plain UPDATE: no signals, no new history rows, because it corrects the history.
"""

import re
from collections import Counter

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q

REPLACEMENT = "[…]"
MIN_NEEDLE_LENGTH = 5  # shorter texts would hit unrelated words

# Tables that never hold a contact's data, or hold other people's identity (team members'
# accounts: a colleague with the same address keeps it).
SKIPPED_MODELS = {
    settings.AUTH_USER_MODEL.lower(),
    "auth.permission",
    "auth.group",
    "contenttypes.contenttype",
    "sessions.session",
}


def identity_ids(person) -> set[int]:
    """The person's own number and those of every record merged into it (and into those)."""
    from .models import MergeRecord

    ids, frontier = {person.pk}, {person.pk}
    while frontier:
        merged = set(
            MergeRecord.objects.filter(model="relations.person", kept_id__in=frontier)
            .exclude(removed_id__in=ids)
            .values_list("removed_id", flat=True)
        )
        ids |= merged
        frontier = merged
    return ids


def needles_for(person) -> list[str]:
    """The texts that identify the person: full name (both orders), email and telephone, as
    they are now and as they ever were, in the person's history and in the history of every
    record merged into it."""
    rows = [(person.first_name, person.last_name, person.email, person.phone)]
    rows += list(
        person.history.model.objects.filter(id__in=identity_ids(person))
        .values_list("first_name", "last_name", "email", "phone")
        .distinct()
    )
    candidates = []
    for first, last, email, phone in rows:
        first, last = (first or "").strip(), (last or "").strip()
        if first and last:
            candidates += [f"{first} {last}", f"{last}, {first}", f"{last} {first}"]
        candidates += [(email or "").strip(), (phone or "").strip()]
    unique = {text for text in candidates if len(text) >= MIN_NEEDLE_LENGTH}
    return sorted(unique, key=len, reverse=True)


def _text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField))
        and not field.primary_key
        and not field.choices
        and (field.max_length is None or field.max_length >= MIN_NEEDLE_LENGTH)
    ]


def scrub_everywhere(needles: list[str], *, keep=()) -> Counter[str]:
    """Replace every occurrence of the needles in every text column, except the fields ``keep``
    (``personal_data.Kept``) names; returns the rows changed per app (``{"agenda": 2}``), for
    the erasure's log event."""
    kept_fields: dict[tuple[str, object], set[str]] = {}
    for item in keep:
        kept_fields.setdefault((item.model, item.pk), set()).update(item.fields)
    needles = [needle for needle in needles if len(needle) >= MIN_NEEDLE_LENGTH]
    changed: Counter[str] = Counter()
    if not needles:
        return changed
    pattern = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label_lower in SKIPPED_MODELS:
            continue
        fields = _text_fields(model)
        if not fields:
            continue
        condition = Q()
        for field in fields:
            for needle in needles:
                condition |= Q(**{f"{field.attname}__icontains": needle})
        manager = model._base_manager
        names = [field.attname for field in fields]
        for pk, *values in manager.filter(condition).values_list("pk", *names):
            updates = {}
            untouchable = kept_fields.get((meta.label_lower, pk), set())
            for name, value in zip(names, values, strict=True):
                if name in untouchable:
                    continue
                if value and pattern.search(value):
                    updates[name] = pattern.sub(REPLACEMENT, value)
            if updates:
                manager.filter(pk=pk).update(**updates)
                changed[meta.app_label] += 1
    return changed


def scrub_text(text: str, needles: list[str]) -> str:
    """The same replacement for one text, e.g. the reason someone typed for an erasure."""
    needles = [needle for needle in needles if len(needle) >= MIN_NEEDLE_LENGTH]
    if not needles or not text:
        return text
    pattern = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
    return pattern.sub(REPLACEMENT, text)
