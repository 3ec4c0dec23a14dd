"""Writes on delegations: the delegation itself and, in the same versioned save, its members,
programme and travel costs. A child list that is given replaces the stored one: rows with
an ``id`` are updated in place (their audit trail continues), rows without are added, missing
rows are deleted. One bad row refuses the whole save, naming the row and the field."""

from collections.abc import Iterable, Mapping
from typing import Any, cast

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.actors import actor_of
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from .models import Delegation, DelegationMember, ProgrammeItem, TravelCost

CHILD_MODELS: dict[str, type[models.Model]] = {
    "members": DelegationMember,
    "programme": ProgrammeItem,
    "travel_costs": TravelCost,
}


@transaction.atomic
def save_delegation(
    *,
    delegation: Delegation,
    user: UserLike,
    expected_version: int | None = None,
    host_users: Iterable[object] | None = None,
    host_people: Iterable[object] | None = None,
    members: Iterable[Mapping[str, Any]] | None = None,
    programme: Iterable[Mapping[str, Any]] | None = None,
    travel_costs: Iterable[Mapping[str, Any]] | None = None,
) -> Delegation:
    """Save a delegation and replace the child lists that are given (``None`` keeps a list)."""
    if user is not None and user.is_authenticated and not access.is_team(user):
        raise PermissionDenied(_("Only the team records delegations."))
    many: dict[str, Iterable[object]] = {}
    if host_users is not None:
        many["host_users"] = host_users
    if host_people is not None:
        many["host_people"] = host_people
    save_record(
        instance=delegation, user=user, expected_version=expected_version, many_to_many=many
    )
    given = {
        "members": members,
        "programme": programme,
        "travel_costs": travel_costs,
    }
    errors: dict[str, list[str]] = {}
    for name, rows in given.items():
        if rows is not None:
            problems = _replace_children(delegation, name, list(rows), user)
            if problems:
                errors[name] = problems
    # Read the rows afresh: a caller may hold prefetched (now stale) lists.
    # Django's own prefetch cache, which the stubs leave undeclared.
    delegation._prefetched_objects_cache = {}  # type: ignore[attr-defined]
    if not delegation.is_outgoing and TravelCost.objects.filter(delegation=delegation).exists():
        errors.setdefault("travel_costs", []).append(
            _("Only an outgoing mission has travel costs; this is an incoming visit.")
        )
    if errors:
        raise ValidationError(errors)
    return delegation


def _replace_children(
    delegation: Delegation, name: str, rows: list[Mapping[str, Any]], user: UserLike
) -> list[str]:
    """Bring the stored rows of ``name`` in line with ``rows``; return the problems found."""
    model = CHILD_MODELS[name]
    stored = {child.pk: child for child in model._default_manager.filter(delegation=delegation)}
    problems: list[str] = []
    keep: list[models.Model] = []
    result: list[models.Model] = []
    for number, row in enumerate(rows, start=1):
        values = dict(row)
        key = values.pop("id", None)
        key = getattr(key, "pk", key)  # formsets hand over the instance itself
        if key is not None and key not in stored:
            problems.append(
                _("Row %(row)s: there is no such row in this delegation (id %(id)s).")
                % {"row": number, "id": key}
            )
            continue
        child = stored.pop(key) if key is not None else model(delegation=delegation)
        result.append(child)
        changed = child._state.adding
        for field, value in values.items():
            if changed or _differs(child, field, value):
                setattr(child, field, value)
                changed = True
        if not changed:
            continue
        try:
            child.full_clean(exclude=["delegation"], validate_constraints=False)
        except ValidationError as exc:
            problems.extend(_row_messages(model, number, exc))
            continue
        keep.append(child)
    if name == "members":
        people = [cast(DelegationMember, member).person_id for member in result]
        if len(people) != len(set(people)):
            problems.append(_("A person is listed as a member more than once."))
    if problems:
        return problems
    # The child rows' audit trail reads _history_user (django-simple-history); no declared field.
    for child in stored.values():  # rows no longer in the list
        child._history_user = actor_of(user)  # type: ignore[attr-defined]
        child.delete()
    for child in keep:
        child._history_user = actor_of(user)  # type: ignore[attr-defined]
        child.save()
    return []


def _differs(child: models.Model, field: str, value: object) -> bool:
    """Compare by key for relations, so an unchanged row is not saved (and not audited) again."""
    model_field = child._meta.get_field(field)
    if model_field.is_relation:  # a foreign key of the row
        attname = cast("models.Field[Any, Any]", model_field).attname
        return bool(getattr(child, attname) != getattr(value, "pk", value))
    return bool(getattr(child, field) != value)


def _row_messages(model: type[models.Model], number: int, exc: ValidationError) -> list[str]:
    if not hasattr(exc, "error_dict"):
        return [_("Row %(row)s: %(problem)s") % {"row": number, "problem": m} for m in exc.messages]
    messages = []
    for field, errors in exc.message_dict.items():
        try:
            label = str(getattr(model._meta.get_field(field), "verbose_name", field))
        except Exception:
            label = field
        for message in errors:
            messages.append(
                _("Row %(row)s, %(field)s: %(problem)s")
                % {"row": number, "field": label, "problem": message}
            )
    return messages


@transaction.atomic
def delete_delegation(*, delegation: Delegation, user: UserLike, expected_version: int) -> None:
    if user is not None and user.is_authenticated and not access.is_team(user):
        raise PermissionDenied(_("Only the team records delegations."))
    delete_record(instance=delegation, user=user, expected_version=expected_version)
