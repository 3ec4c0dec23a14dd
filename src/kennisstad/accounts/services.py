"""Writes to the accounts: the account an identity-provider sign-in makes or updates, and the
second factor (an authenticator app and recovery codes).

django-otp keeps the devices; the functions here are the only place that creates, confirms or
removes them, so every change is one transaction and the rules (one authenticator per account,
recovery codes replaced as a whole) hold everywhere."""

import json
from typing import Any

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from kennisstad.core.events import log_event_on_commit

from .models import Role, User
from .oidc_claims import Identity, SignInRefused


def _organisation_for(identity: Identity) -> Any:
    """The organisation a partner editor's groups name: by number or by exact name; exactly one
    must exist. Other roles get the organisation when their groups name exactly one, else none.
    ``User.organisation``'s model is reached through the field, as accounts sits below
    relations in the layer contract."""
    organisation_model: Any = User._meta.get_field("organisation").related_model
    found: dict[int, Any] = {}
    for reference in identity.organisations:
        lookup: dict[str, int | str] = (
            {"pk": reference} if isinstance(reference, int) else {"name": reference}
        )
        matches = list(organisation_model._default_manager.filter(**lookup)[:2])
        if len(matches) == 1:
            found[matches[0].pk] = matches[0]
        elif identity.role == Role.PARTNER_EDITOR:
            # Unknown or ambiguous name, or a removed organisation: the mapping is wrong.
            raise SignInRefused("no_organisation", f"{reference!r} matches {len(matches)}")
    if len(found) == 1:
        return next(iter(found.values()))
    if identity.role == Role.PARTNER_EDITOR:
        raise SignInRefused("no_organisation", f"{len(found)} organisations")
    return None


def _verbose_name(field_name: str) -> Any:
    field: Any = User._meta.get_field(field_name)
    return field.verbose_name


def _record_in_admin_history(user: User, *, created: bool, changed: list[str]) -> None:
    """The change appears on the user's History page in the admin site, where administrators
    look for who changed a role, as the admin's own changes do."""
    message = [{"added": {}}] if created else [{"changed": {"fields": changed}}]
    LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[user],
        action_flag=ADDITION if created else CHANGE,
        change_message=json.dumps(message),
        single_object=True,
    )


def _account_for_update(username: str) -> tuple[User, bool]:
    """The account, locked, and whether it was made now. Two first sign-ins at once (two tabs,
    a double click) both find nothing and both insert; the unique username lets one win, and
    the other takes the winner's account instead of failing at the callback."""
    user = User.objects.select_for_update().filter(username=username).first()
    if user is not None:
        return user, False
    try:
        with transaction.atomic():  # a savepoint: the outer transaction survives a lost race
            user = User(username=username)
            user.set_unusable_password()
            user.save()
            return user, True
    except IntegrityError:
        return User.objects.select_for_update().get(username=username), False


@transaction.atomic
def sign_in_with_oidc(*, identity: Identity) -> User:
    """Create or update the account of someone the identity provider signed in: names, e-mail,
    role and organisation from the claims, every time (a group taken away takes the role
    away). Nothing is written when the organisation cannot be found."""
    organisation = _organisation_for(identity)
    user, created = _account_for_update(identity.username)
    previous_role = None if created else user.role
    previous_organisation = None if created else user.organisation_id
    # What a sign-in sets; everything else (active, team lead, language, the API token) stays
    # the administrators' and the user's own.
    values: dict[str, Any] = {
        "first_name": identity.first_name,
        "last_name": identity.last_name,
        "email": identity.email,
        "role": identity.role,
        "organisation": organisation,
    }
    changed = [name for name, value in values.items() if getattr(user, name) != value]
    for name, value in values.items():
        setattr(user, name, value)
    if user.has_usable_password():
        # Set since (admin site, shell): the provider alone signs this account in.
        user.set_unusable_password()
        changed.append("password")
    if created or changed:
        try:
            user.full_clean(exclude=["password", "username"])
        except ValidationError as error:  # e.g. an e-mail address Django does not accept
            raise SignInRefused("claims", ", ".join(error.message_dict)) from error
        user.save()
        with translation.override(None):  # stored untranslated; the admin translates it
            labels = [str(_verbose_name(name)) for name in changed]
        _record_in_admin_history(user, created=created, changed=labels)
    log_event_on_commit(
        "auth.oidc.signed_in",
        user=user,
        created=created,
        role=user.role,
        previous_role=previous_role,
        organisation=user.organisation_id,
        previous_organisation=previous_organisation,
        changed=sorted(changed) if not created else [],
        groups=identity.groups,
    )
    return user


@transaction.atomic
def withdraw_oidc_access(*, username: str) -> bool:
    """Someone whose groups no longer give a role: their account (if they have one) is
    deactivated and its API token revoked, so the role they had is not kept through a token
    or a password. An administrator activates the account again once the person is back in a
    group (the provider decides who may; Kennisstad does not reactivate on its own, as it cannot
    tell this deactivation from an administrator's). True when an account was found."""
    user = User.objects.select_for_update().filter(username=username).first()
    if user is None:
        return False
    tokens, _by_model = Token.objects.filter(user=user).delete()
    was_active = user.is_active
    if was_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
        with translation.override(None):
            labels = [str(_verbose_name("is_active"))]
        _record_in_admin_history(user, created=False, changed=labels)
    log_event_on_commit(
        "auth.oidc.access_withdrawn",
        user=user,
        role=user.role,
        deactivated=was_active,
        tokens_revoked=tokens,
    )
    return True


RECOVERY_CODE_COUNT = 10
AUTHENTICATOR_NAME = "authenticator"
RECOVERY_NAME = "recovery codes"


@transaction.atomic
def start_authenticator(*, user: User) -> TOTPDevice:
    """The unconfirmed authenticator being set up: the same one (and so the same secret) until
    it is confirmed, so reloading the set-up page after scanning the code changes nothing."""
    device = (
        TOTPDevice.objects.select_for_update()
        .filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_authenticator(*, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm the authenticator with a code it shows; returns fresh recovery codes (to be shown
    once), or None when the code is wrong. Other unconfirmed set-ups are dropped."""
    if not device.verify_token(code):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    return replace_recovery_codes(user=device.user)


@transaction.atomic
def replace_recovery_codes(*, user: User) -> list[str]:
    """New recovery codes; the old ones stop working. Only the returned list holds them in
    readable form for the user (they are kept as django-otp static tokens)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_second_factor(*, user: User) -> None:
    """Remove the authenticator and the recovery codes (after the user proved who they are)."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@transaction.atomic
def set_demo_authenticator(*, user: User, key_hex: str) -> TOTPDevice:
    """The demo administrator's authenticator, with the published demo secret: only for the
    demo scenario, whose passwords are published too."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=AUTHENTICATOR_NAME, key=key_hex, confirmed=True
        )
    return device
