"""Putting an activity on the public portal and feed is a logged publication: the team's
approval or refusal of a partner's request, and a team member publishing directly. Written once
the change commits; a request, a refused or a stale decision logs no publication."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.services import approve_publication, save_activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.tests.events import listen, logged, names

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    return django_capture_on_commit_callbacks


@pytest.fixture
def requested(partner_organisation):
    """A partner's activity waiting an hour for approval to be made public."""
    return ActivityFactory(
        organiser_organisation=partner_organisation,
        visibility="partners",
        publication_requested_at=timezone.now() - datetime.timedelta(hours=1),
    )


def decide(client, activity, decision: str, version=None):
    return client.post(
        reverse("agenda:awaiting-approval"),
        {"activity": activity.pk, "version": version or activity.version, "decision": decision},
    )


def test_approving_a_request_is_logged(requested, client_for, team_member, caplog, events):
    with events(execute=True):
        decide(client_for(team_member), requested, "approve")
    assert names(caplog) == ["publication.activity.approved"]
    [approved] = logged(caplog)
    assert approved["actor"] == f"user:{team_member.pk}"
    assert approved["activity"] == requested.pk
    assert approved["organiser"] == requested.organiser_organisation_id
    assert 3600 <= approved["waited_seconds"] < 3700


def test_declining_a_request_is_logged(requested, client_for, team_member, caplog, events):
    with events(execute=True):
        decide(client_for(team_member), requested, "reject")
    [rejected] = logged(caplog)
    assert rejected["event"] == "publication.activity.rejected"
    assert (rejected["activity"], rejected["actor"]) == (requested.pk, f"user:{team_member.pk}")
    assert rejected["waited_seconds"] >= 3600


def test_a_stale_decision_logs_nothing(requested, client_for, team_member, caplog, events):
    with events(execute=True):
        decide(client_for(team_member), requested, "approve", version=requested.version + 5)
    requested.refresh_from_db()
    assert requested.visibility == "partners"
    assert logged(caplog) == []


def test_a_partner_cannot_approve_and_nothing_is_logged(requested, partner_editor, caplog, events):
    with events(execute=True), pytest.raises(PermissionDenied):
        approve_publication(activity=requested, user=partner_editor, expected_version=1)
    assert logged(caplog) == []


def test_a_partner_asking_is_not_a_publication(
    client_for, partner_editor, partner_organisation, caplog, events
):
    activity = ActivityFactory(organiser_organisation=partner_organisation, visibility="partners")
    activity.visibility = "public"
    with events(execute=True):
        save_activity(activity=activity, user=partner_editor, expected_version=activity.version)
    activity.refresh_from_db()
    assert activity.publication_requested_at is not None
    assert logged(caplog) == []


def test_a_team_member_publishing_directly_is_logged(team_member, caplog, events):
    activity = ActivityFactory(visibility="internal")
    activity.visibility = "public"
    with events(execute=True):
        save_activity(activity=activity, user=team_member, expected_version=activity.version)
        # Saving it again while public publishes nothing new.
        save_activity(activity=activity, user=team_member, expected_version=activity.version)
    [published] = logged(caplog)
    assert published["event"] == "publication.activity.published"
    assert published["activity"] == activity.pk and published["waited_seconds"] is None
