"""Writes on agreements: the agreement with its parties, themes, projects and delegations in one
versioned save. The team records agreements; a list that is given replaces the stored one."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike
from kennisstad.relations.models import Organisation

from .models import Agreement, AgreementParty, PartyRole


@dataclass(frozen=True)
class Party:
    organisation: Organisation
    role: str = PartyRole.SIGNATORY
    signed_as: str = ""


def _require_team(user: UserLike) -> None:
    if user is not None and user.is_authenticated and not access.is_team(user):
        raise PermissionDenied(_("Only the team records agreements."))


def _check_parties(parties: list[Party]) -> None:
    if not parties:
        raise ValidationError({"parties": _("Name at least one party to the agreement.")})
    seen = [party.organisation.pk for party in parties]
    if len(seen) != len(set(seen)):
        raise ValidationError({"parties": _("An organisation is named as a party more than once.")})
    for number, party in enumerate(parties, start=1):
        if party.role not in PartyRole.values:
            raise ValidationError({"parties": _("Party %(row)s: choose a role.") % {"row": number}})


@transaction.atomic
def save_agreement(
    *,
    agreement: Agreement,
    user: UserLike,
    expected_version: int | None = None,
    parties: Iterable[Party] | None = None,
    themes: Iterable[object] | None = None,
    projects: Iterable[object] | None = None,
    delegations: Iterable[object] | None = None,
) -> Agreement:
    """Save an agreement. ``None`` keeps a list; a new agreement needs its parties. A changed
    expiry date gets its own reminder; otherwise the stored reminder mark is kept."""
    _require_team(user)
    party_list = None if parties is None else list(parties)
    if party_list is not None or agreement._state.adding:
        _check_parties(party_list or [])
    stored = (
        None
        if agreement._state.adding
        else Agreement.objects.filter(pk=agreement.pk)
        .values("expires_on", "reminded_for", "is_public")
        .first()
    )
    if agreement.relationship_owner_id is None and party_list:
        agreement.relationship_owner_id = party_list[0].organisation.relationship_owner_id
    many = {
        name: values
        for name, values in (
            ("themes", themes),
            ("projects", projects),
            ("delegations", delegations),
        )
        if values is not None
    }
    expires_before = stored["expires_on"] if stored else None
    save_record(
        instance=_keep_reminder(agreement, stored),
        user=user,
        expected_version=expected_version,
        many_to_many=many,
    )
    if stored is not None and agreement.expires_on != expires_before:
        Agreement.objects.filter(pk=agreement.pk).update(reminded_for=None)
        agreement.reminded_for = None
    if party_list is not None:
        _set_parties(agreement, party_list, user)
    was_public = bool(stored and stored["is_public"])
    if was_public != agreement.is_public:
        verb = "published" if agreement.is_public else "withdrawn"
        log_event_on_commit(f"publication.agreement.{verb}", user=user, agreement=agreement.pk)
    return agreement


def _keep_reminder(agreement: Agreement, stored: Mapping[str, Any] | None) -> Agreement:
    """The reminder mark is the reminder run's, not the editor's: an editor who read the
    agreement before it was sent must not clear it (and cause a second mail)."""
    agreement.reminded_for = stored["reminded_for"] if stored else None
    return agreement


def _set_parties(agreement: Agreement, parties: list[Party], user: UserLike) -> None:
    wanted = {party.organisation.pk: party for party in parties}
    actor = actor_of(user)
    for row in AgreementParty.objects.filter(agreement=agreement):
        party = wanted.pop(row.organisation_id, None)
        row._history_user = actor  # type: ignore[attr-defined]
        if party is None:
            row.delete()
        elif (row.role, row.signed_as) != (party.role, party.signed_as):
            row.role, row.signed_as = party.role, party.signed_as
            row.save()
    for party in wanted.values():
        row = AgreementParty(
            agreement=agreement,
            organisation=party.organisation,
            role=party.role,
            signed_as=party.signed_as,
        )
        row._history_user = actor  # type: ignore[attr-defined]
        row.save()
    agreement._prefetched_objects_cache = {}  # type: ignore[attr-defined]


@transaction.atomic
def delete_agreement(*, agreement: Agreement, user: UserLike, expected_version: int) -> None:
    _require_team(user)
    delete_record(instance=agreement, user=user, expected_version=expected_version)
