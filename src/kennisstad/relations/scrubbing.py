"""Removing a person's name, email address and telephone number from every text in the database.

Erasure blanks the person's own fields and history rows by primary key; this module catches the
rest: the name written in an interaction's notes, an activity's description, a change reason,
an admin log line, in the current tables and in every history table (all models, including the
many-to-many history tables, found through the app registry, so tables of apps added later are
covered too).

The rows that may mention a text are looked up in the index of where personal data lives
(``traces``, maintained on every write), not found by scanning every column of every table
(about a second per person at 52,000 people); only a text the index cannot look up (one
without a word of two characters) is still scanned for. The rows found are read and checked
with the same case-insensitive pattern; only those that match are rewritten, with a plain
UPDATE: no signals, no new history rows, because it corrects the history. The rewritten rows
are indexed again, so the erased words leave the index too.
"""

import re
from collections import Counter

from django.db import models
from django.db.models import Q

from . import traces

REPLACEMENT = "[…]"
MIN_NEEDLE_LENGTH = traces.MIN_TEXT_LENGTH  # shorter texts would hit unrelated words
SKIPPED_MODELS = traces.SKIPPED_MODELS


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


def _pattern(needles: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)


def _scanned(needles: list[str]) -> dict[type[models.Model], set]:
    """The rows that mention a needle the index cannot look up, found by a scan."""
    found: dict[type[models.Model], set] = {}
    for model in traces.indexed_models():
        condition = Q()
        for name in traces.indexed_fields(model):
            for needle in needles:
                condition |= Q(**{f"{name}__icontains": needle})
        pks = set(model._base_manager.filter(condition).values_list("pk", flat=True))
        if pks:
            found[model] = pks
    return found


def rows_naming(
    needles: list[str], *, model: type[models.Model] | None = None
) -> dict[type[models.Model], dict[object, dict[str, str]]]:
    """Per model, the rows whose indexed texts contain a needle (ignoring case): their primary
    key and the texts that do. Rows the index names but that are gone are dropped from it."""
    needles = [needle for needle in needles if needle]
    if not needles:
        return {}
    pattern = _pattern(needles)
    found, unfindable = traces.candidates(needles, model=model)
    if unfindable:
        for kind, pks in _scanned(unfindable).items():
            if model is None or kind is model:
                found.setdefault(kind, set()).update(pks)
    result: dict[type[models.Model], dict[object, dict[str, str]]] = {}
    for kind, pks in found.items():
        names = traces.indexed_fields(kind)
        missing, matching = set(pks), {}
        rows = kind._base_manager.filter(pk__in=sorted(pks)).values_list("pk", *names)
        for pk, *values in rows:
            missing.discard(pk)
            texts = {
                name: value
                for name, value in zip(names, values, strict=True)
                if value and pattern.search(value)
            }
            if texts:
                matching[pk] = texts
        traces.forget_missing(kind, missing)
        if matching:
            result[kind] = matching
    return result


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
    pattern = _pattern(needles)
    for model, rows in rows_naming(needles).items():
        meta, manager, rewritten = model._meta, model._base_manager, []
        for pk, texts in rows.items():
            untouchable = kept_fields.get((meta.label_lower, pk), set())
            updates = {
                name: pattern.sub(REPLACEMENT, value)
                for name, value in texts.items()
                if name not in untouchable
            }
            if updates:
                _plain_update(manager.filter(pk=pk), updates)
                rewritten.append(pk)
                changed[meta.app_label] += 1
        traces.reindex_rows(model, rewritten)
    return changed


def _plain_update(queryset, updates: dict[str, str]) -> None:
    """An UPDATE without the index hook's own reindexing (the scrub reindexes per table)."""
    original = getattr(type(queryset).update, "__wrapped__", type(queryset).update)
    original(queryset, **updates)


def scrub_text(text: str, needles: list[str]) -> str:
    """The same replacement for one text, e.g. the reason someone typed for an erasure."""
    needles = [needle for needle in needles if len(needle) >= MIN_NEEDLE_LENGTH]
    if not needles or not text:
        return text
    return _pattern(needles).sub(REPLACEMENT, text)
