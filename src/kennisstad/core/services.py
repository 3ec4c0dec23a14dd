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
def delete_record(*, instance: models.Model, user, expected_version: int | None = None) -> None:
    """Delete a record, refusing when it was changed after the editor last read it."""
    if expected_version is not None:
        current = type(instance)._default_manager.filter(pk=instance.pk).first()
        if current is None or current.version != expected_version:
            raise StaleVersionError(
                instance=instance, expected_version=expected_version, current=current
            )
    instance._history_user = user if getattr(user, "is_authenticated", False) else None
    instance.delete()
