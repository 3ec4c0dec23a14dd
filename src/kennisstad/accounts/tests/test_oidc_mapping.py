"""The OpenID Connect settings and the mapping from claims to an account, without a provider
(the end-to-end flow is test_oidc_end_to_end.py, in make test-production)."""

import os
import subprocess
import sys

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ImproperlyConfigured

from kennisstad.accounts import services
from kennisstad.accounts.models import Role, User
from kennisstad.accounts.oidc_claims import (
    SignInRefused,
    groups_of,
    identity_from,
    role_for,
    username_for,
)
from kennisstad.conf.oidc import (
    ROLE_PRECEDENCE,
    check_issuer,
    parse_group_organisations,
    parse_group_roles,
)
from kennisstad.relations.tests.factories import OrganisationFactory

ISSUER = "https://login.example.nl/realms/groningen"
ROLES = {"beheer": "administrator", "team": "team", "raad": "reader", "iwcn": "partner"}


def identity(groups, organisations=None, **claims):
    return identity_from(
        {"sub": "abc-123", "groups": groups, **claims},
        issuer=ISSUER,
        groups_claim="groups",
        group_roles=ROLES,
        group_organisations=organisations or {},
    )


# --- settings -------------------------------------------------------------------------------


def test_the_role_names_are_the_roles_of_the_model():
    assert set(ROLE_PRECEDENCE) == set(Role.values)


def test_group_roles_are_read_and_a_wrong_role_stops_the_start():
    assert parse_group_roles("X", '{"a": "team"}') == {"a": "team"}
    assert parse_group_roles("X", "") == {}
    for raw in ('{"a": "boss"}', "[1]", "{not json"):
        with pytest.raises(ImproperlyConfigured, match="X"):
            parse_group_roles("X", raw)


def test_group_organisations_take_a_number_or_a_name():
    assert parse_group_organisations("X", '{"a": 12, "b": "RUG"}') == {"a": 12, "b": "RUG"}
    for raw in ('{"a": true}', '{"a": ""}', '{"a": [1]}', '{"a": 1.5}'):
        with pytest.raises(ImproperlyConfigured):
            parse_group_organisations("X", raw)


def test_the_issuer_must_be_https_except_on_this_machine():
    assert check_issuer("X", "") == ""
    assert check_issuer("X", ISSUER) == ISSUER
    assert check_issuer("X", "http://127.0.0.1:5000") == "http://127.0.0.1:5000"
    for issuer in ("http://login.example.nl", "https://login.example.nl/?a=1"):
        with pytest.raises(ImproperlyConfigured):
            check_issuer("X", issuer)


def settings_in_a_new_process(**env) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("OIDC_")}
    environment.update(env, DJANGO_SETTINGS_MODULE="kennisstad.conf.test")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.OIDC_ENABLED, settings.AUTHENTICATION_BACKENDS[-1])"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environment
    )


def test_off_by_default_and_on_with_an_issuer_and_a_client():
    off = settings_in_a_new_process()
    assert off.stdout.split() == ["False", "kennisstad.accounts.backends.PasswordBackend"]
    on = settings_in_a_new_process(
        OIDC_ISSUER=ISSUER, OIDC_CLIENT_ID="kennisstad", OIDC_CLIENT_SECRET="s"
    )
    assert on.stdout.split() == ["True", "kennisstad.accounts.oidc.OIDCBackend"], on.stderr
    missing = settings_in_a_new_process(OIDC_ISSUER=ISSUER)
    assert missing.returncode != 0 and "OIDC_CLIENT_ID must be set" in missing.stderr


# --- claims ---------------------------------------------------------------------------------


def test_the_most_powerful_role_of_the_groups_wins():
    assert role_for(["raad", "team", "other"], ROLES) == Role.TEAM_MEMBER
    assert role_for(["raad", "beheer"], ROLES) == Role.ADMINISTRATOR
    assert role_for(["other"], ROLES) is None


def test_groups_come_as_a_list_a_single_string_or_inside_an_object():
    assert groups_of({"groups": ["a", "b"]}, "groups") == ["a", "b"]
    assert groups_of({"groups": "a"}, "groups") == ["a"]
    assert groups_of({}, "groups") == []
    assert groups_of({"realm_access": {"roles": ["team"]}}, "realm_access.roles") == ["team"]


def test_an_entra_groups_overage_is_refused_not_read_as_no_groups():
    claims = {"_claim_names": {"groups": "src1"}, "_claim_sources": {"src1": {}}}
    with pytest.raises(SignInRefused) as refusal:
        groups_of(claims, "groups")
    assert refusal.value.reason == "groups_overage"


def test_the_username_is_stable_per_issuer_and_subject_and_a_valid_username():
    name = username_for(ISSUER, "abc-123")
    assert name == username_for(ISSUER, "abc-123")
    assert name != username_for("https://other.example", "abc-123")
    assert name != username_for(ISSUER, "abc-124")
    UnicodeUsernameValidator()(name)
    assert len(name) <= 150


def test_no_mapped_group_is_refused():
    with pytest.raises(SignInRefused) as refusal:
        identity(["everyone"])
    assert refusal.value.reason == "no_role"


def test_a_partner_needs_an_organisation_from_the_groups():
    with pytest.raises(SignInRefused) as refusal:
        identity(["iwcn"])
    assert refusal.value.reason == "no_organisation"
    found = identity(["iwcn"], {"iwcn": 12})
    assert (found.role, found.organisations) == (Role.PARTNER_EDITOR, (12,))


def test_names_and_email_come_from_the_claims():
    found = identity(["team"], given_name="Anna", family_name="Smit", email="a@x.nl")
    assert (found.first_name, found.last_name, found.email) == ("Anna", "Smit", "a@x.nl")
    assert identity(["team"], name="Anna Smit").last_name == "Anna Smit"
    assert identity(["team"]).username == username_for(ISSUER, "abc-123")


# --- the account ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_account_is_made_then_updated_and_the_admin_history_says_so():
    user = services.sign_in_with_oidc(identity=identity(["beheer"], given_name="Anna"))
    assert (user.role, user.is_superuser, user.has_usable_password()) == (
        Role.ADMINISTRATOR,
        True,
        False,
    )
    again = services.sign_in_with_oidc(identity=identity(["raad"], given_name="Anna"))
    assert again.pk == user.pk
    assert (again.role, again.is_superuser) == (Role.READER, False)
    entries = list(LogEntry.objects.filter(object_id=str(user.pk)).order_by("pk"))
    assert [entry.action_flag for entry in entries] == [ADDITION, CHANGE]
    assert "role" in entries[1].change_message
    services.sign_in_with_oidc(identity=identity(["raad"], given_name="Anna"))
    assert LogEntry.objects.filter(object_id=str(user.pk)).count() == 2  # nothing changed


@pytest.mark.django_db
def test_a_partner_gets_the_organisation_by_number_or_by_name():
    iwcn = OrganisationFactory(name="IWCN")
    by_number = services.sign_in_with_oidc(identity=identity(["iwcn"], {"iwcn": iwcn.pk}))
    assert by_number.organisation == iwcn
    by_name = services.sign_in_with_oidc(identity=identity(["iwcn"], {"iwcn": "IWCN"}))
    assert (by_name.pk, by_name.organisation) == (by_number.pk, iwcn)
    moved = services.sign_in_with_oidc(identity=identity(["team"]))
    assert (moved.role, moved.organisation) == (Role.TEAM_MEMBER, None)


@pytest.mark.django_db
def test_an_unknown_organisation_refuses_the_partner_and_writes_nothing():
    with pytest.raises(SignInRefused) as refusal:
        services.sign_in_with_oidc(identity=identity(["iwcn"], {"iwcn": "Nobody"}))
    assert refusal.value.reason == "no_organisation"
    assert not User.objects.exists()


@pytest.mark.django_db
def test_losing_every_group_deactivates_the_account_and_revokes_its_token():
    from rest_framework.authtoken.models import Token

    user = services.sign_in_with_oidc(identity=identity(["team"]))
    Token.objects.create(user=user)
    assert services.withdraw_oidc_access(username=user.username)
    user.refresh_from_db()
    assert not user.is_active
    assert not Token.objects.filter(user=user).exists()
    assert not services.withdraw_oidc_access(username="oidc-nobody")
