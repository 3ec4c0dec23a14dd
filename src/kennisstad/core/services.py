"""The one write path for registry records: validate, check the version, save, set relations.

App services call ``save_record`` so validation (``Model.clean``), lost-update detection and the
audit trail are the same for forms, the API, imports and the demo loader.
"""

from collections.abc import Iterable, Mapping

from django.db import models, transaction

from .concurrency import StaleVersionError, save_versioned


@transaction.atomic
def save_record(
    *,
    instance: models.Model,
    user,
    expected_version: int | None = None,
    many_to_many: Mapping[str, Iterable] | None = None,
    change_reason: str = "",
) -> models.Model:
    """Validate and save ``instance`` (new or edited), then replace the given many-to-many sets."""
    instance.full_clean()
    if change_reason:
        instance._change_reason = change_reason
    save_versioned(instance, expected_version=expected_version, user=user)
    for field_name, values in (many_to_many or {}).items():
        getattr(instance, field_name).set(values)
    return instance


@transaction.atomic
def delete_record(*, instance: models.Model, user, expected_version: int) -> None:
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
    current._history_user = user if getattr(user, "is_authenticated", False) else None
    current.delete()
