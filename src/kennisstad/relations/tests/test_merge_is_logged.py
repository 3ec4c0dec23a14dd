"""A merge writes ``relations.<model>.merged`` once it commits: the kept and the merged record's
numbers and how many links moved, per kind of link. A stale or refused merge logs nothing."""

import pytest
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.concurrency import StaleVersionError
from kennisstad.core.tests.events import listen, logged
from kennisstad.projects.models import ProjectPartner
from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.models import MergeRecord, Tag
from kennisstad.relations.services import merge_records
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    return django_capture_on_commit_callbacks


@pytest.fixture
def duplicates():
    kept = OrganisationFactory(name="Hanze University of Applied Sciences", city="")
    removed = OrganisationFactory(name="Hanzehogeschool Groningen", city="Groningen")
    removed.tags.add(Tag.objects.create(name="energie"))
    PersonFactory().organisations.add(removed)
    PersonFactory().organisations.add(removed)
    ProjectPartner.objects.create(
        project=ProjectFactory(lead_organisation=removed), organisation=removed
    )
    ActivityFactory(organiser_organisation=removed)
    return kept, removed


def test_merging_organisations_logs_the_numbers_and_the_moved_links(
    duplicates, api_client_for, team_member, caplog, events
):
    kept, removed = duplicates
    with events(execute=True):
        response = api_client_for(team_member).post(
            f"/api/v1/organisations/{kept.pk}/merge/", {"remove": removed.pk}, format="json"
        )
    assert response.status_code == 200, response.content
    [merged] = logged(caplog)
    assert merged == {
        "event": "relations.organisation.merged",
        "actor": f"user:{team_member.pk}",
        "kept": kept.pk,
        "merged": removed.pk,
        "merge_record": MergeRecord.objects.get().pk,
        "fields_taken": 1,  # the city kept left blank
        "links_moved": 6,
        "moved_by_link": {
            "agenda.activity.organiser_organisation": 1,
            "projects.project.lead_organisation": 1,
            "projects.projectpartner.organisation": 1,
            "relations.organisation.tags": 1,
            "relations.person.organisations": 2,
        },
    }


def test_merging_people_logs_a_person_merge(team_member, caplog, events):
    kept, removed = PersonFactory(), PersonFactory()
    InteractionFactory().people.add(removed)
    with events(execute=True):
        merge_records(kept=kept, removed=removed, user=team_member)
    [merged] = logged(caplog)
    assert merged["event"] == "relations.person.merged"
    assert (merged["kept"], merged["merged"], merged["links_moved"]) == (kept.pk, removed.pk, 1)
    assert merged["moved_by_link"] == {"relations.interaction.people": 1}


def test_a_stale_merge_logs_nothing(duplicates, team_member, caplog, events):
    kept, removed = duplicates
    with events(execute=True), pytest.raises(StaleVersionError):
        merge_records(kept=kept, removed=removed, user=team_member, kept_version=kept.version + 1)
    assert logged(caplog) == []


def test_a_refused_merge_logs_nothing(duplicates, client_for, reader, caplog, events):
    kept, removed = duplicates
    with events(execute=True):
        response = client_for(reader).post(
            reverse("relations:organisation-merge", args=[kept.pk, removed.pk]), {}
        )
    assert response.status_code == 403
    assert logged(caplog) == []
