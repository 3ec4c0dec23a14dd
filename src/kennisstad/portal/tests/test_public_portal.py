"""The public portal, without a login: public projects by theme and country, the public
calendar with its subscribe address, and the indicators of published documents only."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.models import Theme
from kennisstad.planning.tests.factories import adopted_seed
from kennisstad.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_public_projects_by_theme_and_country(client):
    energy = Theme.objects.get_or_create(slug="energie", defaults={"name_nl": "Energie"})[0]
    public = ProjectFactory(title_nl="Waterstofregio", is_public=True, countries=["DE"])
    public.themes.set([energy])
    ProjectFactory(title_nl="Chinese stedenband", is_public=True, countries=["CN"])
    hidden = ProjectFactory(title_nl="Vertrouwelijk overleg", is_public=False)

    page = client.get(reverse("portal:projects"), {"theme": "energie"})
    assert [p.title_nl for p in page.context["object_list"]] == ["Waterstofregio"]
    by_country = client.get(reverse("portal:projects"), {"country": "CN"})
    assert [p.title_nl for p in by_country.context["object_list"]] == ["Chinese stedenband"]
    everything = client.get(reverse("portal:projects")).content.decode()
    assert "Vertrouwelijk" not in everything
    assert client.get(reverse("portal:project", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("portal:project", args=[public.pk])).status_code == 200


def test_the_public_calendar_lists_public_activities_and_the_subscribe_address(client):
    soon = timezone.now() + datetime.timedelta(days=10)
    ActivityFactory(
        title_nl="Open dag Zernike",
        visibility="public",
        starts_at=soon,
        ends_at=soon + datetime.timedelta(hours=3),
    )
    ActivityFactory(
        title_nl="Intern beraad",
        visibility="internal",
        starts_at=soon,
        ends_at=soon + datetime.timedelta(hours=1),
    )
    html = client.get(reverse("portal:calendar")).content.decode()
    assert "Open dag Zernike" in html and "Intern beraad" not in html
    assert "webcal://" in html and reverse("agenda:public-feed") in html


def test_indicators_of_published_documents_with_their_charts(client):
    adopted_seed()  # the seed chapter: imported (published) and adopted
    page = client.get(reverse("portal:indicators"))
    documents = page.context["documents"]
    assert str(documents[0]["document"]) == "Begroting 2018"  # newest first
    part = documents[0]["chapters"][0]
    assert [cell.text for cell in part["table"].rows[0].cells] == ["-", "2", "> 2", "> 5"]
    assert [item["row"] for item in part["charts"]] == list(part["table"].rows)
    assert all(item["chart"] is not None for item in part["charts"])
    assert "<svg" in page.content.decode()


def test_a_link_with_lang_en_opens_the_portal_in_english(client):
    english = client.get(reverse("portal:home"), {"lang": "en"})
    assert 'lang="en"' in english.content.decode()
    assert "Groningen, international city of knowledge" in english.content.decode()
    later = client.get(reverse("portal:projects"))  # remembered
    assert 'lang="en"' in later.content.decode()
