"""An agreement refuses impossible dates and terms with an error on the field that is wrong,
needs at least one party (each once), and is recorded by the team only."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from kennisstad.agreements.models import Agreement, AgreementKind, Renewal
from kennisstad.agreements.services import Party, save_agreement

from .factories import PartnerCityFactory

pytestmark = pytest.mark.django_db

SIGNED = datetime.date(2024, 3, 1)


def _agreement(**fields) -> Agreement:
    return Agreement(
        title_nl="Stedenband", kind=AgreementKind.CITY_LINK, signed_on=SIGNED, **fields
    )


def _errors(agreement: Agreement, user, parties=None) -> dict:
    parties = [Party(PartnerCityFactory())] if parties is None else parties
    with pytest.raises(ValidationError) as caught:
        save_agreement(agreement=agreement, user=user, parties=parties)
    return caught.value.message_dict


def test_the_expiry_date_comes_after_the_signing(team_member):
    errors = _errors(_agreement(expires_on=SIGNED), team_member)
    assert list(errors) == ["expires_on"]


def test_a_term_gives_the_expiry_date_and_must_agree_with_one_given(team_member):
    agreement = save_agreement(
        agreement=_agreement(term_years=5), user=team_member, parties=[Party(PartnerCityFactory())]
    )
    assert agreement.expires_on == datetime.date(2029, 3, 1)
    errors = _errors(_agreement(term_years=5, expires_on=datetime.date(2030, 1, 1)), team_member)
    assert "2029-03-01" in errors["expires_on"][0]


def test_renewal_and_notice_need_an_expiry_that_leaves_room(team_member):
    assert list(_errors(_agreement(renewal=Renewal.AUTOMATIC), team_member)) == ["renewal"]
    assert list(_errors(_agreement(notice_days=30), team_member)) == ["notice_days"]
    short = _agreement(expires_on=SIGNED + datetime.timedelta(days=20), notice_days=30)
    assert "20 days" in _errors(short, team_member)["notice_days"][0]


def test_a_draft_is_not_public_expires_nor_ends(team_member):
    draft = Agreement(
        title_nl="Concept", kind=AgreementKind.MEMORANDUM, is_public=True,
        expires_on=datetime.date(2030, 1, 1), terminated_on=datetime.date(2029, 1, 1),
    )  # fmt: skip
    assert set(_errors(draft, team_member)) == {"is_public", "expires_on", "terminated_on"}


def test_termination_not_before_signing(team_member):
    errors = _errors(_agreement(terminated_on=SIGNED - datetime.timedelta(days=1)), team_member)
    assert list(errors) == ["terminated_on"]


def test_at_least_one_party_each_once(team_member):
    assert list(_errors(_agreement(), team_member, parties=[])) == ["parties"]
    city = PartnerCityFactory()
    assert list(_errors(_agreement(), team_member, parties=[Party(city), Party(city)])) == [
        "parties"
    ]
    assert not Agreement.objects.exists()


def test_only_the_team_records_agreements(reader, partner_editor):
    for user in (reader, partner_editor):
        with pytest.raises(PermissionDenied):
            save_agreement(agreement=_agreement(), user=user, parties=[Party(PartnerCityFactory())])
