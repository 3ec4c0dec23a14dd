"""Forms choose organisations, people and projects by searching, so a form never lists the
whole registry (20,000 organisations, 50,000 people); matches respect the access rules."""

import pytest
from django.urls import reverse

from kennisstad.relations.tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_a_form_lists_only_the_chosen_records(client_for, team_member):
    chosen = OrganisationFactory(name="Rijksuniversiteit Groningen")
    OrganisationFactory.create_batch(30, name="Andere organisatie")
    page = (
        client_for(team_member)
        .get(reverse("relations:interaction-create"), {"organisations": chosen.pk})
        .content.decode()
    )
    assert "Rijksuniversiteit Groningen" in page
    assert "Andere organisatie" not in page
    assert reverse("relations:organisation-suggest") in page


def test_suggestions_match_every_word_and_keep_what_was_ticked(client_for, team_member):
    ticked = PersonFactory(first_name="Jan", last_name="de Vries")
    match = PersonFactory(first_name="Janneke", last_name="Vries-Smit")
    PersonFactory(first_name="Piet", last_name="Jansen")
    answer = client_for(team_member).get(
        reverse("relations:person-suggest"),
        {
            "field": "people",
            "input_type": "checkbox",
            "people": [ticked.pk],
            "people__search": "jan vries",
        },
    )
    assert answer.status_code == 200
    chosen = [option["value"] for _, options, _ in answer.context["chosen"] for option in options]
    assert chosen == [ticked.pk]
    assert [label for _, label in answer.context["suggestions"]] == [str(match)]


def test_people_are_not_suggested_to_partners(client_for, partner_editor):
    PersonFactory(first_name="Jan")
    answer = client_for(partner_editor).get(
        reverse("relations:person-suggest"), {"field": "people", "people__search": "jan"}
    )
    assert answer.status_code == 403


def test_a_strange_field_name_is_refused(client_for, team_member):
    answer = client_for(team_member).get(
        reverse("relations:organisation-suggest"), {"field": '"><script>'}
    )
    assert answer.status_code == 400


def test_a_ticked_suggestion_is_saved(client_for, team_member):
    organisation = OrganisationFactory(name="UMCG")
    response = client_for(team_member).post(
        reverse("relations:person-create"),
        {
            "first_name": "Eva",
            "last_name": "Mulder",
            "organisations": [organisation.pk],
            "preferred_language": "nl",
            "lawful_basis": "public_task",
            "retain_until": "2030-01-01",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert organisation.people.get().last_name == "Mulder"


def test_an_error_on_a_chooser_is_announced_with_its_search_box():
    from django import forms

    from kennisstad.core.widgets import RegistryChooserSingle
    from kennisstad.relations.models import Organisation

    class PartnerForm(forms.Form):
        organisation = forms.ModelChoiceField(
            queryset=Organisation.objects.all(),
            widget=RegistryChooserSingle(suggest_url="relations:organisation-suggest"),
        )

    form = PartnerForm(data={"organisation": ""})
    assert not form.is_valid()
    html = str(form["organisation"].as_field_group())
    search_box = html.split('id="id_organisation_search"')[1].split(">")[0]
    assert 'aria-invalid="true"' in search_box
    assert "id_organisation_error" in search_box
    assert 'id="id_organisation_error"' in html
