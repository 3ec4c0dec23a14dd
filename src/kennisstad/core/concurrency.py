"""No lost updates: a record is saved only if nobody saved it since the editor read it.

The editor sends back the ``version`` it read. Claiming the next version is a single conditional
UPDATE, so two concurrent writers can never both succeed, on SQLite and PostgreSQL alike.
"""

import contextlib
from collections.abc import Callable

from django.db import IntegrityError, models
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from .actors import actor_of


class StaleVersionError(Exception):
    """Somebody else saved the record after the editor read it."""

    def __init__(self, *, instance: models.Model, expected_version: int | None, current):
        self.instance = instance
        self.expected_version = expected_version
        self.current = current
        super().__init__(self.message)

    @property
    def current_version(self) -> int | None:
        return getattr(self.current, "version", None)

    @property
    def changed_by(self) -> str:
        user = getattr(self.current, "updated_by", None)
        if user is None:
            return _("someone else")
        return user.get_full_name() or user.get_username()

    @property
    def message(self) -> str:
        if self.current is None:
            return _("This record was deleted since you opened it.")
        changed_at = date_format(localtime(self.current.updated_at), "DATETIME_FORMAT")
        return _(
            "This record was changed by %(who)s (at %(when)s) since you opened it. "
            "Your input is kept below; compare it with the current version and save again."
        ) % {"who": self.changed_by, "when": changed_at}


def save_versioned(instance: models.Model, *, expected_version: int | None, user) -> None:
    """Insert a new record, or update one whose stored version still equals ``expected_version``.

    Must run inside ``transaction.atomic``; raises ``StaleVersionError`` otherwise.
    """
    model = type(instance)
    actor = actor_of(user)
    # The audit trail names the actor also outside a web request (API, commands, imports).
    instance._history_user = actor
    if instance._state.adding:
        instance.version = 1
        instance.updated_by = actor
        instance.save()
        return
    if expected_version is None:
        raise ValueError("An update needs the version the editor started from.")
    claimed = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=expected_version + 1
    )
    if not claimed:
        current = model._default_manager.select_related("updated_by").filter(pk=instance.pk).first()
        raise StaleVersionError(
            instance=instance, expected_version=expected_version, current=current
        )
    instance.version = expected_version + 1
    instance.updated_by = actor
    instance.save()


@contextlib.contextmanager
def refused_when_changed_meanwhile(refusal: Callable[[str], Exception]):
    """For writing a plan checked earlier (an import): a record saved, or a unique value taken,
    by someone else since the check raises ``refusal(message)`` instead of a server error. The
    caller's transaction then rolls the whole write back."""
    try:
        yield
    except (StaleVersionError, IntegrityError) as exc:
        raise refusal(_("changed by someone else while the file was read; try again")) from exc
