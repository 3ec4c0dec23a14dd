"""Merging two organisations or two people moves every link to the kept record, in one
transaction; nothing is lost, duplicate links collapse into one, and the merge is recorded."""

import pytest
from django.db import models
from django.urls import reverse

from kennisstad.accounts.tests.factories import UserFactory
from kennisstad.agenda.models import CalendarSubscription
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.projects.models import ProjectPartner
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.models import MergeRecord, Organisation, Person, Tag
from kennisstad.relations.services import merge_records
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


def links_to(model, pks) -> set[tuple]:
    """Every link pointing at the given records, found the same generic way as the merge, as
    (model, linking record, field) so a link counts once whichever of the two it pointed to."""
    links = set()
    for relation in model._meta.related_objects:
        field = relation.field
        owner = relation.related_model
        rows = owner._base_manager.filter(**{f"{field.name}__in": pks}).values_list("pk")
        links |= {(owner._meta.label, pk, field.name) for (pk,) in rows}
    for field in model._meta.many_to_many:
        through = field.remote_field.through
        source = field.m2m_field_name()
        target = field.m2m_reverse_field_name()
        rows = through.objects.filter(**{f"{source}__in": pks}).values_list(f"{target}_id")
        links |= {(f"own {field.name}", pk, "") for (pk,) in rows}
    return links


@pytest.fixture
def two_organisations(partner_organisation):
    kept = OrganisationFactory(name="Hanze University of Applied Sciences", city="")
    removed = OrganisationFactory(
        name="Hanzehogeschool Groningen", city="Groningen", website="https://www.hanze.nl"
    )
    kept.tags.add(Tag.objects.create(name="onderwijs"))
    removed.tags.add(Tag.objects.create(name="energie"), Tag.objects.get(name="onderwijs"))
    both = PersonFactory()
    both.organisations.add(kept, removed)
    PersonFactory().organisations.add(removed)
    shared_project = ProjectFactory(lead_organisation=removed)
    ProjectPartner.objects.create(project=shared_project, organisation=kept, role="lead")
    ProjectPartner.objects.create(project=shared_project, organisation=removed, role="partner")
    ProjectPartner.objects.create(project=ProjectFactory(), organisation=removed)
    ActivityFactory(organiser_organisation=removed)
    ActivityFactory(organiser_organisation=kept)
    interaction = InteractionFactory()
    interaction.organisations.add(removed, kept)
    InteractionFactory().organisations.add(removed)
    CalendarSubscription.objects.create(organisation=removed, url="https://hanze.nl/agenda.ics")
    UserFactory(username="hanze-partner", role="partner", organisation=removed)
    return kept, removed


def test_merging_two_organisations_loses_no_link(two_organisations, team_member):
    kept, removed = two_organisations
    before = links_to(Organisation, [kept.pk, removed.pk])
    linking_models = {link[0] for link in before}
    assert {"relations.Person", "relations.Interaction", "projects.Project"} <= linking_models
    assert {"projects.ProjectPartner", "agenda.Activity", "accounts.User"} <= linking_models
    assert "agenda.CalendarSubscription" in linking_models

    # A partnership row is a link itself: when both were partners in one project, the removed
    # one's row collapses into the kept one's; what counts is the projects they connect.
    partnered = set(
        ProjectPartner.objects.filter(organisation__in=[kept, removed]).values_list("project")
    )

    record = merge_records(kept=kept, removed=removed, user=team_member)

    after = links_to(Organisation, [kept.pk])
    plain_before = {link for link in before if link[0] != "projects.ProjectPartner"}
    assert len(plain_before) == 11  # 2 people, 2 interactions, 2 activities, 2 tags, 1 each else
    assert plain_before == {link for link in after if link[0] != "projects.ProjectPartner"}
    assert partnered == set(ProjectPartner.objects.filter(organisation=kept).values_list("project"))
    assert not Organisation.objects.filter(pk=removed.pk).exists()
    assert ProjectPartner.objects.filter(organisation=kept).count() == 2
    assert set(kept.tags.values_list("name", flat=True)) == {"onderwijs", "energie"}
    kept.refresh_from_db()
    assert kept.city == "Groningen" and kept.website == "https://www.hanze.nl"  # blanks filled
    assert kept.name == "Hanze University of Applied Sciences"
    assert record.kept_id == kept.pk and record.removed_id == removed.pk
    assert record.user == team_member and "city" in record.fields_taken
    assert MergeRecord.objects.count() == 1


def test_every_moved_record_gets_an_audit_row(two_organisations, team_member):
    kept, removed = two_organisations
    activity = removed.organised_activities.get()
    rows = activity.history.count()
    merge_records(kept=kept, removed=removed, user=team_member)
    activity.refresh_from_db()
    assert activity.organiser_organisation == kept
    assert activity.history.count() == rows + 1
    newest = activity.history.order_by("-history_date", "-history_id").first()
    assert newest.history_user == team_member
    assert newest.history_change_reason == f"Samengevoegd met organisatie {removed.pk}"


def test_the_user_chooses_per_field(two_organisations, team_member):
    kept, removed = two_organisations
    merge_records(kept=kept, removed=removed, user=team_member, take=["name"])
    kept.refresh_from_db()
    assert kept.name == "Hanzehogeschool Groningen"


def test_a_change_since_the_comparison_is_a_conflict(two_organisations, team_member):
    kept, removed = two_organisations
    with pytest.raises(StaleVersionError):
        merge_records(kept=kept, removed=removed, user=team_member, kept_version=kept.version + 1)
    assert Organisation.objects.filter(pk=removed.pk).exists()


def test_merging_two_people_moves_interactions_and_activities(team_member):
    kept = PersonFactory(first_name="Jan", last_name="Jansen", email="", phone="")
    removed = PersonFactory(first_name="Jan", last_name="Jansen", phone="050 123 4567")
    InteractionFactory().people.add(removed)
    activity = ActivityFactory()
    activity.people.add(kept, removed)
    merge_records(kept=kept, removed=removed, user=team_member)
    kept.refresh_from_db()
    assert kept.phone == "050 123 4567" and kept.email == removed.email
    assert kept.interactions.count() == 1
    assert list(activity.people.all()) == [kept]
    assert not Person.objects.filter(pk=removed.pk).exists()


def test_merge_page_and_api(two_organisations, client_for, api_client_for, team_member, reader):
    kept, removed = two_organisations
    url = reverse("relations:organisation-merge", args=[kept.pk, removed.pk])
    assert client_for(reader).get(url).status_code == 403
    web = client_for(team_member)
    page = web.get(url)
    assert page.status_code == 200 and "take_name" in page.content.decode()
    response = web.post(
        url,
        {"kept_version": kept.version, "removed_version": removed.version, "take_name": "removed"},
    )
    assert response.status_code == 302
    kept.refresh_from_db()
    assert kept.name == "Hanzehogeschool Groningen"

    other = OrganisationFactory(name="Hanzehogeschool")
    forbidden = api_client_for(reader).post(
        f"/api/v1/organisations/{kept.pk}/merge/", {"remove": other.pk}, format="json"
    )
    assert forbidden.status_code == 403
    done = api_client_for(team_member).post(
        f"/api/v1/organisations/{kept.pk}/merge/", {"remove": other.pk}, format="json"
    )
    assert done.status_code == 200 and done.json()["removed_id"] == other.pk


def test_the_merge_discovers_links_added_by_other_apps():
    """Not a list kept here: whatever points at Organisation is found from the model meta."""
    pointing = {
        relation.related_model._meta.label
        for relation in Organisation._meta.related_objects
        if isinstance(relation.field, (models.ForeignKey, models.ManyToManyField))
    }
    assert {"accounts.User", "projects.ProjectPartner", "agenda.Activity"} <= pointing
