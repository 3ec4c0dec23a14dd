"""A subject with a line break is refused where it is written (form, API, the model's clean):
it would make every mail of the edition unsendable. A test mail that cannot be sent gives a
message on the edition's page, not an error page."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from kennisstad.newsletter.models import Edition

from .factories import EditionFactory

pytestmark = pytest.mark.django_db

SUBJECTS = ["Nieuws\r\nBcc: iedereen@example.org", "Nieuws\nextra", "Nieuws\rextra"]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_model_refuses_a_line_break(subject):
    edition = EditionFactory.build(subject_en=subject)
    with pytest.raises(ValidationError) as raised:
        edition.full_clean()
    assert "subject_en" in raised.value.message_dict


def test_the_form_refuses_a_line_break(team_member, client_for):
    response = client_for(team_member).post(
        reverse("newsletter:edition-create"),
        {
            "subject_nl": "Nieuws\r\nBcc: iedereen@example.org",
            "subject_en": "News",
            "activities_from": "2026-12-01",
            "activities_until": "2026-12-31",
        },
    )
    assert response.status_code == 200
    assert "subject_nl" in response.context["form"].errors
    assert not Edition.objects.exists()


def test_the_api_refuses_a_line_break(team_member, api_client_for):
    response = api_client_for(team_member).post(
        "/api/v1/newsletter-editions/",
        {
            "subject_nl": "Nieuws",
            "subject_en": "News\nBcc: x@example.org",
            "activities_from": "2026-12-01",
            "activities_until": "2026-12-31",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "subject_en" in response.json()
    assert not Edition.objects.exists()


def test_a_test_mail_that_cannot_be_sent_gives_a_message(team_member, client_for):
    edition = EditionFactory(subject_nl="Oud\nonderwerp")  # written before the check existed
    client = client_for(team_member)
    response = client.post(
        reverse("newsletter:edition-test", args=[edition.pk]),
        {"email": "ik@example.org", "language": "nl"},
        follow=True,
    )
    assert response.status_code == 200
    assert "BadHeaderError" in response.text
