"""Contact moments: logged from an organisation's page, listed, followed up; "my follow-ups"
holds only the signed-in member's open ones. People and contacts are for the team only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.relations.models import Interaction
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def test_a_contact_moment_logged_from_an_organisation_lands_on_its_timeline(
    client_for, team_member
):
    organisation = OrganisationFactory(name="Hanzehogeschool")
    contact = PersonFactory(first_name="Anna", last_name="Bakker")
    contact.organisations.add(organisation)
    web = client_for(team_member)
    form = web.get(reverse("relations:interaction-create"), {"organisations": organisation.pk})
    assert f'value="{organisation.pk}" checked' in form.content.decode()  # filled in
    response = web.post(
        reverse("relations:interaction-create"),
        {
            "happened_on": "2026-11-20",
            "kind": "meeting",
            "subject": "Gesprek over talentprogramma",
            "organisations": [organisation.pk],
            "people": [contact.pk],
            "follow_up_on": "2026-12-15",
        },
    )
    assert response.status_code == 302
    interaction = Interaction.objects.get(subject="Gesprek over talentprogramma")
    assert interaction.owner == team_member
    assert list(interaction.people.all()) == [contact]
    page = web.get(reverse("relations:organisation-detail", args=[organisation.pk]))
    timeline = [entry.title for entry in page.context["timeline"]]
    assert timeline == ["Gesprek over talentprogramma"]


def test_my_follow_ups_are_mine_open_and_most_urgent_first(
    client_for, team_member, second_team_member
):
    later = InteractionFactory(
        subject="Later", owner=team_member, follow_up_on=datetime.date(2027, 2, 1)
    )
    first = InteractionFactory(
        subject="Eerst", owner=team_member, follow_up_on=datetime.date(2026, 11, 10)
    )
    InteractionFactory(
        subject="Van een collega", owner=second_team_member, follow_up_on=datetime.date(2026, 11, 5)
    )
    InteractionFactory(
        subject="Al gedaan",
        owner=team_member,
        follow_up_on=datetime.date(2026, 11, 3),
        follow_up_done_on=datetime.date(2026, 11, 4),
    )
    InteractionFactory(subject="Zonder opvolging", owner=team_member)
    web = client_for(team_member)
    page = web.get(reverse("relations:follow-ups"))
    assert [item.subject for item in page.context["object_list"]] == ["Eerst", "Later"]

    done = web.post(
        reverse("relations:interaction-complete", args=[first.pk]),
        {"version": first.version, "next": reverse("relations:follow-ups")},
    )
    assert done.status_code == 302
    first.refresh_from_db()
    assert first.follow_up_done_on == timezone.localdate()
    page = web.get(reverse("relations:follow-ups"))
    assert [item.subject for item in page.context["object_list"]] == ["Later"]

    stale = web.post(
        reverse("relations:interaction-complete", args=[later.pk]), {"version": 99}, follow=True
    )
    later.refresh_from_db()
    assert later.follow_up_done_on is None
    assert any("changed" in str(m) or "gewijzigd" in str(m) for m in stale.context["messages"])


def test_a_follow_up_cannot_be_done_without_one(client_for, team_member):
    interaction = InteractionFactory(owner=team_member)
    interaction.follow_up_done_on = datetime.date(2026, 11, 1)
    with pytest.raises(Exception) as error:
        interaction.full_clean()
    assert "follow_up_done_on" in str(error.value)


def test_partners_and_readers_see_no_contact_moments(
    client_for, api_client_for, partner_editor, reader
):
    interaction = InteractionFactory()
    for user in (partner_editor, reader):
        web = client_for(user)
        assert web.get(reverse("relations:interaction-list")).status_code == 403
        assert web.get(reverse("relations:follow-ups")).status_code == 403
        assert (
            web.get(reverse("relations:interaction-detail", args=[interaction.pk])).status_code
            == 403
        )
        assert api_client_for(user).get("/api/v1/contact-moments/").status_code == 403


def test_the_api_logs_a_contact_moment_and_lists_open_follow_ups(api_client_for, team_member):
    organisation = OrganisationFactory()
    api = api_client_for(team_member)
    created = api.post(
        "/api/v1/contact-moments/",
        {
            "happened_on": "2026-11-20",
            "kind": "call",
            "subject": "Bellen met IWCN",
            "organisations": [organisation.pk],
            "follow_up_on": "2026-11-30",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    assert created.json()["owner"] == team_member.pk
    InteractionFactory(subject="Zonder opvolging", owner=team_member)
    listed = api.get("/api/v1/contact-moments/", {"mine": "true", "follow_up": "open"}).json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["subject"] for row in rows] == ["Bellen met IWCN"]
    wrong = api.post(
        "/api/v1/contact-moments/",
        {"happened_on": "2026-11-20", "kind": "call", "subject": "x", "follow_up_on": "2026-01-01"},
        format="json",
    )
    assert wrong.status_code == 400 and "follow_up_on" in wrong.json()


def test_the_organisation_page_reads_a_fixed_number_of_queries(
    client_for, team_member, django_assert_max_num_queries
):
    from kennisstad.agenda.tests.factories import ActivityFactory

    organisation = OrganisationFactory()
    for n in range(12):
        person = PersonFactory()
        person.organisations.add(organisation)
        InteractionFactory(subject=f"Gesprek {n}").people.add(person)
        ActivityFactory(organiser_organisation=organisation).people.add(person)
    for interaction in organisation.people.first().interactions.all():
        interaction.organisations.add(organisation)
    web = client_for(team_member)
    url = reverse("relations:organisation-detail", args=[organisation.pk])
    web.get(url)
    with django_assert_max_num_queries(20):
        assert web.get(url).status_code == 200
