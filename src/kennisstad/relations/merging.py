"""Merging two records of one model: the links of the removed record move to the kept one.

Links are found through ``_meta.related_objects``, so a foreign key or many-to-many that another
app adds later (a delegation's members, say) moves too without a change here. Each record whose
link changes is saved through the versioned path, so it gets an audit-trail row and a concurrent
editor of it gets a conflict instead of silently restoring the old link. When the kept record
already has the same link (both organisations are partners in one project), the removed
record's duplicate is dropped: the link itself is not lost.
"""

from collections import Counter

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from kennisstad.core.actors import actor_of
from kennisstad.core.concurrency import save_versioned
from kennisstad.core.models import VersionedModel

# Bookkeeping fields never copied from the removed record.
NOT_MERGED = {"id", "version", "created_at", "updated_at", "updated_by", "erased_at"}


def mergeable_fields(model) -> list[models.Field]:
    """The fields a user chooses between on the merge page: editable, non-key, not bookkeeping."""
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in NOT_MERGED
    ]


def is_blank(value) -> bool:
    return value in (None, "", [], {})


def fill_fields(*, kept, removed, take: set[str]) -> list[str]:
    """Copy into ``kept`` the fields named in ``take`` and every field ``kept`` leaves blank;
    returns the names of the fields that came from ``removed``."""
    names = {field.name for field in mergeable_fields(type(kept))}
    unknown = set(take) - names
    if unknown:
        raise ValidationError(
            _("These fields cannot be taken over: %(fields)s.")
            % {"fields": ", ".join(sorted(unknown))}
        )
    taken = []
    for field in mergeable_fields(type(kept)):
        mine = getattr(kept, field.attname)
        theirs = getattr(removed, field.attname)
        if is_blank(theirs) or mine == theirs:
            continue
        if field.name in take or is_blank(mine):
            setattr(kept, field.attname, theirs)
            taken.append(field.name)
    return taken


def _unique_sets(model) -> list[tuple[str, ...]]:
    """Field-name sets that must be unique together (unconditional constraints only)."""
    sets = [tuple(names) for names in model._meta.unique_together]
    for constraint in model._meta.constraints:
        unique = isinstance(constraint, models.UniqueConstraint) and constraint.condition is None
        if unique and constraint.fields:
            sets.append(tuple(constraint.fields))
    sets += [(field.name,) for field in model._meta.concrete_fields if field.unique]
    return sets


def _clashes(row, field_name: str, kept) -> bool:
    """Whether pointing ``row`` at ``kept`` would duplicate a row that already does."""
    model = type(row)
    for names in _unique_sets(model):
        if field_name not in names:
            continue
        lookup = {name: getattr(row, model._meta.get_field(name).attname) for name in names}
        lookup[field_name] = kept
        if model._base_manager.filter(**lookup).exclude(pk=row.pk).exists():
            return True
    return False


def _record_change(obj, *, user, reason: str, update_fields=None) -> None:
    """Save a changed record so the audit trail has it; versioned records through the version
    check (the fresh read's version: a concurrent edit makes the merge fail and roll back)."""
    obj._change_reason = reason
    obj._history_user = actor_of(user)
    if isinstance(obj, VersionedModel):
        save_versioned(obj, expected_version=obj.version, user=user)
    else:
        obj.save(update_fields=update_fields)


def move_links(*, kept, removed, user, reason: str, tally: Counter[str] | None = None) -> int:
    """Point every link to ``removed`` at ``kept``; returns how many links were moved, and
    counts them per link (``projects.projectpartner.organisation``) in ``tally``."""
    moved = 0
    tally = Counter() if tally is None else tally
    for relation in type(kept)._meta.related_objects:
        field = relation.field
        owner_model = relation.related_model
        link = f"{owner_model._meta.label_lower}.{field.name}"
        if relation.many_to_many:
            through = field.remote_field.through
            if not through._meta.auto_created:
                continue  # an explicit through model links by a foreign key, handled below
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            rows = through._base_manager
            owner_ids = set(rows.filter(**{target: removed}).values_list(f"{source}_id", flat=True))
            if not owner_ids:
                continue
            already = set(
                rows.filter(**{target: kept, f"{source}_id__in": owner_ids}).values_list(
                    f"{source}_id", flat=True
                )
            )
            if already:  # the owner links both: keep its link to the kept record only
                rows.filter(**{target: removed, f"{source}_id__in": already}).delete()
            rows.filter(**{target: removed}).update(**{target: kept})
            for owner in owner_model._base_manager.filter(pk__in=owner_ids).order_by("pk"):
                _record_change(owner, user=user, reason=reason)
            moved += len(owner_ids)
            tally[link] += len(owner_ids)
        elif relation.one_to_many or relation.one_to_one:
            rows = owner_model._base_manager.filter(**{field.name: removed}).order_by("pk")
            for row in rows:
                if _clashes(row, field.name, kept):
                    if relation.one_to_one:
                        raise ValidationError(
                            _("Both records have a %(model)s; merge cannot choose one.")
                            % {"model": owner_model._meta.verbose_name}
                        )
                    row._change_reason = reason
                    row._history_user = actor_of(user)
                    row.delete()  # the kept record already has this very link
                else:
                    setattr(row, field.name, kept)
                    _record_change(row, user=user, reason=reason, update_fields=[field.name])
                moved += 1
                tally[link] += 1
    return moved


def union_own_many_to_many(*, kept, removed, tally: Counter[str] | None = None) -> int:
    """The kept record gets the removed one's many-to-many values too (tags, organisations)."""
    added = 0
    tally = Counter() if tally is None else tally
    for field in type(kept)._meta.many_to_many:
        theirs = set(getattr(removed, field.name).values_list("pk", flat=True))
        mine = set(getattr(kept, field.name).values_list("pk", flat=True))
        new = theirs - mine
        if new:
            getattr(kept, field.name).add(*new)
            added += len(new)
            tally[f"{type(kept)._meta.label_lower}.{field.name}"] += len(new)
    return added
