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

import functools
import re
from collections import Counter
from collections.abc import Iterable

from django.db import models
from django.db.models import Q

from . import traces

REPLACEMENT = "[…]"
MIN_NEEDLE_LENGTH = traces.MIN_TEXT_LENGTH  # shorter texts would hit unrelated words
SKIPPED_MODELS = traces.SKIPPED_MODELS
CHUNK = traces.CHUNK
PREFILTER_FROM = 50  # needles; fewer are matched as they are (the pattern is exact, a prefilter
# on case-folded text could miss what the case-insensitive pattern finds, e.g. "İ" for "i")


def identities(pks: Iterable[int]) -> dict[int, set[int]]:
    """Per person, their own number and those of every record merged into it (and into
    those): one query per level of merging for any number of people."""
    from .models import MergeRecord

    owner = {pk: pk for pk in pks}  # every number found -> the person it belongs to
    found = {pk: {pk} for pk in owner}
    frontier = set(owner)
    while frontier:
        merged = (
            MergeRecord.objects.filter(model="relations.person", kept_id__in=sorted(frontier))
            .exclude(removed_id__in=sorted(owner))
            .values_list("kept_id", "removed_id")
        )
        frontier = set()
        for kept, removed in merged:
            if removed not in owner:
                owner[removed] = owner[kept]
                found[owner[kept]].add(removed)
                frontier.add(removed)
    return found


def needles_for_people(people) -> dict[int, list[str]]:
    """Per person, the texts that identify them: full name (both orders), email and telephone,
    as they are now and as they ever were, in their history and in the history of every record
    merged into them. A few queries for any number of people (the purge erases groups)."""
    ids = identities(person.pk for person in people)
    owner = {pk: person for person, numbers in ids.items() for pk in numbers}
    rows: dict[int, set[tuple]] = {
        person.pk: {(person.first_name, person.last_name, person.email, person.phone)}
        for person in people
    }
    history = people[0].history.model.objects if people else None
    for start in range(0, len(owner), CHUNK):
        numbers = sorted(owner)[start : start + CHUNK]
        for pk, *row in (
            history.filter(id__in=numbers)
            .values_list("id", "first_name", "last_name", "email", "phone")
            .distinct()
        ):
            rows[owner[pk]].add(tuple(row))
    return {pk: _identifying_texts(found) for pk, found in rows.items()}


def _identifying_texts(rows: Iterable[tuple]) -> list[str]:
    candidates = []
    for first, last, email, phone in rows:
        first, last = (first or "").strip(), (last or "").strip()
        if first and last:
            candidates += [f"{first} {last}", f"{last}, {first}", f"{last} {first}"]
        candidates += [(email or "").strip(), (phone or "").strip()]
    unique = {text for text in candidates if len(text) >= MIN_NEEDLE_LENGTH}
    return sorted(unique, key=len, reverse=True)


def _pattern(needles: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for the needles, longest first (so a full name is replaced
    before a part of it could be)."""
    return _compiled(tuple(sorted(set(needles), key=lambda needle: (-len(needle), needle))))


@functools.lru_cache(maxsize=1024)
def _compiled(needles: tuple[str, ...]) -> re.Pattern[str]:
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
    return {
        kind: {pk: texts for pk, (texts, _found) in rows.items()}
        for kind, rows in _matching_rows(needles, model=model).items()
    }


def _matching_rows(
    needles: list[str],
    *,
    model: type[models.Model] | None = None,
    related: dict[str, set[str]] | None = None,
) -> dict[type[models.Model], dict[object, tuple[dict[str, str], set[str]]]]:
    """``rows_naming``, with per row the needles it was found by (and, with ``related``, the
    other needles of their people): a row is checked and rewritten for its own few needles,
    not for every needle of a purge."""
    needles = [needle for needle in needles if needle]
    if not needles:
        return {}
    found, unfindable = traces.candidate_needles(needles, model=model)
    if unfindable:
        for kind, pks in _scanned(unfindable).items():
            if model is None or kind is model:
                rows = found.setdefault(kind, {})
                for pk in pks:
                    rows.setdefault(pk, set()).update(unfindable)
    result: dict[type[models.Model], dict[object, tuple[dict[str, str], set[str]]]] = {}
    for kind, needles_of in found.items():
        names = traces.indexed_fields(kind)
        missing, matching = set(needles_of), {}
        ordered = sorted(needles_of)
        rows = (
            row
            for start in range(0, len(ordered), CHUNK)
            for row in kind._base_manager.filter(pk__in=ordered[start : start + CHUNK]).values_list(
                "pk", *names
            )
        )
        for pk, *values in rows:
            missing.discard(pk)
            own = needles_of[pk] | set(unfindable)
            if related:
                own = own.union(*(related.get(needle, ()) for needle in own))
            pattern = _pattern(own)
            texts = {
                name: value
                for name, value in zip(names, values, strict=True)
                if value and pattern.search(value)
            }
            if texts:
                matching[pk] = (texts, own)
        traces.forget_missing(kind, missing)
        if matching:
            result[kind] = matching
    return result


def scrub_everywhere(
    needles: list[str],
    *,
    by_person: dict[int, list[str]] | None = None,
    kept_by_person: dict[int, list] | None = None,
) -> Counter[str]:
    """Replace every occurrence of the needles in every text column; returns the rows changed
    per app (``{"agenda": 2}``), for the erasure's log event.

    ``by_person`` gives each erased person's needles, so a row found through one of a person's
    needles is scrubbed of all of that person's needles; ``kept_by_person`` names, per person,
    the fields an erasure must leave (``personal_data.Kept``): such a field keeps that person's
    needles, while the other people of the group are still scrubbed from it."""
    needles = [needle for needle in needles if len(needle) >= MIN_NEEDLE_LENGTH]
    changed: Counter[str] = Counter()
    if not needles:
        return changed
    related = _related_needles(by_person or {})
    kept = _kept_needles(by_person or {}, kept_by_person or {})
    for model, rows in _matching_rows(needles, related=related).items():
        meta, manager, rewritten = model._meta, model._base_manager, []
        for pk, (texts, found) in rows.items():
            kept_here = kept.get((meta.label_lower, pk), {})
            updates = {}
            for name, value in texts.items():
                allowed = found - kept_here.get(name, set())
                new = _pattern(allowed).sub(REPLACEMENT, value) if allowed else value
                if new != value:
                    updates[name] = new
            if updates:
                _plain_update(manager.filter(pk=pk), updates)
                rewritten.append(pk)
                changed[meta.app_label] += 1
        traces.reindex_rows(model, rewritten)
    return changed


def _related_needles(by_person: dict[int, list[str]]) -> dict[str, set[str]]:
    """Per needle, every needle of the people it belongs to."""
    related: dict[str, set[str]] = {}
    for found in by_person.values():
        for needle in found:
            related.setdefault(needle, set()).update(found)
    return related


def _kept_needles(
    by_person: dict[int, list[str]], kept_by_person: dict[int, list]
) -> dict[tuple[str, object], dict[str, set[str]]]:
    """Per row and kept field, the needles it keeps: those of the people it is kept for."""
    kept: dict[tuple[str, object], dict[str, set[str]]] = {}
    for owner, items in kept_by_person.items():
        for item in items:
            fields = kept.setdefault((item.model, item.pk), {})
            for name in item.fields:
                fields.setdefault(name, set()).update(by_person.get(owner, ()))
    return kept


def _plain_update(queryset, updates: dict[str, str]) -> None:
    """An UPDATE without the index hook's own reindexing (the scrub reindexes per table)."""
    original = getattr(type(queryset).update, "__wrapped__", type(queryset).update)
    original(queryset, **updates)


def scrub_text(text: str, needles: list[str]) -> str:
    """The same replacement for one text, e.g. the reason someone typed for an erasure."""
    if not text:
        return text
    needles = [needle for needle in needles if len(needle) >= MIN_NEEDLE_LENGTH]
    if len(needles) > PREFILTER_FROM:  # a group's thousand needles: only those in the text
        folded = text.casefold()
        needles = [needle for needle in needles if needle.casefold() in folded]
    return _pattern(needles).sub(REPLACEMENT, text) if needles else text
