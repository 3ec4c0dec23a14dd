"""The money adds up: the funder's contribution and the partners' co-financing make the total
budget (to the cent), a contribution never exceeds the total, and the partners' shares stay
within it (equal to it when every partner has one); exactly one lead partner. Each refusal names
the field, in the form as in the API."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from kennisstad.funding.models import Application, PartnerRole, Programme
from kennisstad.funding.services import save_application
from kennisstad.relations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def application(**amounts) -> Application:
    return Application(title_nl="Noordzee", programme=Programme.INTERREG, **amounts)


def test_contribution_and_cofinancing_make_the_total_to_the_cent(team_member):
    saved = save_application(
        application=application(
            total_budget=Decimal("1000000.00"),
            funder_contribution=Decimal("600000.00"),
            cofinancing=Decimal("400000.00"),
        ),
        user=team_member,
    )
    assert saved.pk and saved.version == 1


def test_a_sum_off_by_a_cent_is_refused_on_the_cofinancing(team_member):
    with pytest.raises(ValidationError) as refused:
        save_application(
            application=application(
                total_budget=Decimal("1000000.00"),
                funder_contribution=Decimal("600000.00"),
                cofinancing=Decimal("399999.99"),
            ),
            user=team_member,
        )
    assert "cofinancing" in refused.value.message_dict
    assert "€ 999999.99" in refused.value.message_dict["cofinancing"][0]
    assert not Application.objects.exists()


def test_a_contribution_above_the_total_and_one_without_a_total_are_refused(team_member):
    with pytest.raises(ValidationError) as refused:
        save_application(
            application=application(total_budget=Decimal("10"), funder_contribution=Decimal("11")),
            user=team_member,
        )
    assert "funder_contribution" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        save_application(application=application(funder_contribution=Decimal("5")), user=None)
    assert "total_budget" in refused.value.message_dict


def test_partners_need_one_lead_and_shares_that_make_the_total(team_member):
    rug, hanze = OrganisationFactory(name="RUG"), OrganisationFactory(name="Hanze")
    total = {"total_budget": Decimal("100.00")}
    with pytest.raises(ValidationError) as refused:
        save_application(
            application=application(**total),
            user=team_member,
            partners=[(rug, PartnerRole.PARTNER, None), (hanze, PartnerRole.PARTNER, None)],
        )
    assert "Name exactly one lead partner." in refused.value.message_dict["partners"]
    with pytest.raises(ValidationError) as refused:
        save_application(
            application=application(**total),
            user=team_member,
            partners=[(rug, PartnerRole.LEAD, Decimal("60")), (hanze, "partner", Decimal("39"))],
        )
    assert "add up to" in refused.value.message_dict["partners"][0]
    saved = save_application(
        application=application(**total),
        user=team_member,
        partners=[(rug, PartnerRole.LEAD, Decimal("60")), (hanze, "partner", Decimal("40"))],
    )
    assert sorted(saved.partners.values_list("share", flat=True)) == [Decimal("40"), Decimal("60")]


def test_the_api_names_the_field(api_client_for, team_member):
    response = api_client_for(team_member).post(
        "/api/v1/funding-applications/",
        {
            "title_nl": "Noordzee",
            "programme": "interreg",
            "total_budget": "100.00",
            "funder_contribution": "60.00",
            "cofinancing": "30.00",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "cofinancing" in response.json()
