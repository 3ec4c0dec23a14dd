"""The one write path for registry records: validate, check the version, save, set relations.

App services call ``save_record`` so validation (``Model.clean``), lost-update detection and the
audit trail are the same for forms, the API, imports and the demo loader.
"""

from collections.abc import Iterable, Mapping
from typing import TypeVar, cast

from django.db import models, transaction

from .actors import actor_of
from .concurrency import StaleVersionError, save_versioned
from .models import VersionedModel
from .typing import UserLike

RecordT = TypeVar("RecordT", bound=VersionedModel)


@transaction.atomic
def save_record(
    *,
    instance: RecordT,
    user: UserLike,
    expected_version: int | None = None,
    many_to_many: Mapping[str, Iterable[object]] | None = None,
    change_reason: str = "",
) -> RecordT:
    """Validate and save ``instance`` (new or edited), then replace the given many-to-many sets."""
    instance.full_clean()
    if change_reason:
        instance._change_reason = change_reason
    save_versioned(instance, expected_version=expected_version, user=user)
    for field_name, values in (many_to_many or {}).items():
        getattr(instance, field_name).set(values)
    return instance


def bulk_create_records(
    *,
    model: type[RecordT],
    instances: list[RecordT],
    user: UserLike,
    many_to_many: Mapping[str, list[Iterable[object]]] | None = None,
) -> list[RecordT]:
    """Insert many new, already validated records at once, each with its audit-trail row
    (version 1, created by ``user``), and their many-to-many links (per field, one list of
    related records per instance). For imports: one INSERT per batch instead of a save, two
    signals and a history insert per record. Sends no save signals; the caller indexes them
    for search. Must run inside ``transaction.atomic``."""
    from simple_history.utils import bulk_create_with_history

    actor = actor_of(user)
    for instance in instances:
        instance.version = 1
        instance.updated_by = actor
    created: list[RecordT] = bulk_create_with_history(
        instances, model, batch_size=500, default_user=actor
    )
    for field_name, values_per_instance in (many_to_many or {}).items():
        field = cast(
            "models.ManyToManyField[models.Model, models.Model]", model._meta.get_field(field_name)
        )
        through = cast(type[models.Model], field.remote_field.through)
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = {
            (instance.pk, getattr(item, "pk", item))
            for instance, items in zip(created, values_per_instance, strict=True)
            for item in items
        }
        through._default_manager.bulk_create(
            [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in links],
            batch_size=1000,
        )
    return created


@transaction.atomic
def delete_record(*, instance: VersionedModel, user: UserLike, expected_version: int) -> None:
    """Delete a record only if it is still at the version the editor confirmed.

    The row is locked first (PostgreSQL: FOR UPDATE; SQLite: the IMMEDIATE transaction holds the
    write lock), so no save can slip in between the check and the delete.
    """
    model = type(instance)
    current = model._default_manager.select_for_update().filter(pk=instance.pk).first()
    if current is None or current.version != expected_version:
        raise StaleVersionError(
            instance=instance, expected_version=expected_version, current=current
        )
    current._history_user = actor_of(user)
    current.delete()
