"""The newsletter's API is the team's: editions (drafts written with the version protocol) and
subscribers (read only); partners, readers and visitors get nothing."""

import pytest

from kennisstad.newsletter.models import Edition

from .factories import EditionFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_the_team_reads_and_writes_editions_and_reads_subscribers(api_client_for, team_member):
    api = api_client_for(team_member)
    SubscriberFactory(email="lezer@example.org")
    response = api.post(
        "/api/v1/newsletter-editions/",
        {
            "subject_nl": "Nieuwsbrief",
            "subject_en": "Newsletter",
            "activities_from": "2027-01-01",
            "activities_until": "2027-02-01",
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    edition = Edition.objects.get()
    assert response.json()["status"] == "draft"
    changed = api.patch(
        f"/api/v1/newsletter-editions/{edition.pk}/",
        {"subject_en": "The newsletter", "version": edition.version},
        format="json",
    )
    assert changed.status_code == 200, changed.content
    stale = api.patch(
        f"/api/v1/newsletter-editions/{edition.pk}/",
        {"subject_en": "x", "version": 1},
        format="json",
    )
    assert stale.status_code == 409
    subscribers = api.get("/api/v1/newsletter-subscribers/").json()
    assert [row["email"] for row in subscribers["results"]] == ["lezer@example.org"]
    assert api.post("/api/v1/newsletter-subscribers/", {}).status_code == 405
    assert api.delete(f"/api/v1/newsletter-editions/{edition.pk}/").status_code == 405


def test_a_sent_edition_does_not_change(api_client_for, team_member):
    edition = EditionFactory(status="sent")
    response = api_client_for(team_member).patch(
        f"/api/v1/newsletter-editions/{edition.pk}/",
        {"subject_en": "x", "version": edition.version},
        format="json",
    )
    assert response.status_code == 400


def test_nobody_else_reads_them(api_client_for, partner_editor, reader):
    EditionFactory()
    SubscriberFactory()
    for user in (partner_editor, reader, None):
        api = api_client_for(user)
        for path in ("/api/v1/newsletter-editions/", "/api/v1/newsletter-subscribers/"):
            assert api.get(path).status_code in (401, 403)
