"""Another municipality is a matter of settings: with its name and colours set, the dashboard, a
budget chapter, the portal, a Word export and the public calendar carry its name and never
Groningen's, and the theme stylesheet its colours; without them, the demo is Groningen."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.urls import reverse

from kennisstad.core.municipality import WHITE, contrast
from kennisstad.planning.models import Chapter
from kennisstad.planning.tests.factories import import_seed, seed_text

pytestmark = pytest.mark.django_db

ZWOLLE = {
    "KENNISSTAD_MUNICIPALITY_NAME": "Zwolle",
    "KENNISSTAD_MUNICIPALITY_PHONE": "14 038",
    "KENNISSTAD_BRAND_COLOUR": "#006a3a",
    "KENNISSTAD_ACTION_COLOUR": "#0b4f8a",
    "KENNISSTAD_LOGO": "kennisstad/favicon.svg",
}


@pytest.fixture
def zwolle(settings):
    for name, value in ZWOLLE.items():
        setattr(settings, name, value)


@pytest.fixture
def chapter():
    """The seed chapter with its own city's name taken out: the data must not say Groningen."""
    import_seed(seed_text().replace("Groningen", "Zwolle"))
    return Chapter.objects.get()


def pages(web, chapter) -> dict[str, str]:
    urls = {
        "dashboard": reverse("workspace:home"),
        "chapter": reverse("planning:chapter-detail", args=[chapter.pk]),
        "portal": reverse("portal:home"),
        "portal calendar": reverse("portal:calendar"),
        "accessibility": reverse("portal:accessibility"),
    }
    answers = {}
    for name, url in urls.items():
        response = web.get(url)
        assert response.status_code == 200, name
        answers[name] = response.content.decode()
    return answers


def part(html: str, tag: str) -> str:
    """The text of the page's first ``<tag>`` element (title, footer, h1)."""
    found = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, re.DOTALL)
    assert found, tag
    return found.group(1)


def docx_text(content: bytes) -> str:
    from docx import Document as WordDocument

    word = WordDocument(io.BytesIO(content))
    headers = [p.text for section in word.sections for p in section.header.paragraphs]
    body = [p.text for p in word.paragraphs]
    properties = word.core_properties
    return "\n".join([*headers, *body, properties.author or "", properties.comments or ""])


@pytest.mark.parametrize("language", ["nl", "en"])
def test_pages_name_the_configured_municipality(zwolle, chapter, client_for, team_member, language):
    web = client_for(team_member)
    web.cookies["django_language"] = language
    for name, html in pages(web, chapter).items():
        assert "Groningen" not in html, name
        assert re.search(r'class="ks-brand__city">Zwolle<', html), name
        assert "Zwolle" in part(html, "footer"), name  # "municipality of Zwolle"
        if name.startswith("portal"):
            assert "Zwolle" in part(html, "title"), name  # "Zwolle city of knowledge"
    anonymous = client_for(None)
    anonymous.cookies["django_language"] = language
    portal = anonymous.get(reverse("portal:home")).content.decode()
    assert "Groningen" not in portal
    for tag in ("title", "h1", "nav", "footer"):
        assert "Zwolle" in part(portal, tag), tag
    assert '<img class="ks-brand__logo" src="/static/kennisstad/favicon.svg" alt="">' in portal
    statement = anonymous.get(reverse("portal:accessibility")).content.decode()
    assert "14 038" in statement and "14 050" not in statement


def test_word_export_names_the_configured_municipality(zwolle, chapter, client_for, team_member):
    response = client_for(team_member).get(
        reverse("planning:chapter-export", args=[chapter.pk, "docx"])
    )
    assert response.status_code == 200
    text = docx_text(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert "Zwolle" in text
    assert "Groningen" not in text
    assert "python-docx" not in text


def test_public_calendar_carries_the_configured_name(zwolle, client):
    feed = client.get(reverse("agenda:public-feed")).content.decode()
    assert "X-WR-CALNAME:Kennisstad Zwolle" in feed
    assert "Groningen" not in feed


def test_theme_stylesheet_carries_the_configured_colours(zwolle, client, team_member):
    page = client.get(reverse("portal:home")).content.decode()
    address = re.search(r'href="(/theme\.css\?v=[0-9a-f]+)"', page).group(1)
    response = client.get(address)
    css = response.content.decode()
    assert response["Content-Type"].startswith("text/css")
    assert "--utrecht-page-footer-background-color: #006a3a;" in css
    assert "--utrecht-link-color: #0b4f8a;" in css
    assert "--utrecht-button-primary-action-background-color: #0b4f8a;" in css
    # Readable text on the brand colour, chosen by contrast rather than assumed.
    assert "--utrecht-page-footer-color: #ffffff;" in css
    assert "--utrecht-unordered-list-marker-color: #006a3a;" in css  # dark enough for bullets
    assert contrast("#006a3a", WHITE) >= 4.5
    # Asked for by its hash, it may be kept; a browser sees a new colour by a new address.
    assert "immutable" in response["Cache-Control"] and "public" in response["Cache-Control"]


def test_a_changed_colour_gets_a_new_stylesheet_address(zwolle, client, settings):
    before = re.search(r"theme\.css\?v=(\w+)", client.get("/").content.decode()).group(1)
    settings.KENNISSTAD_BRAND_COLOUR = "#ffd200"  # light: the footer text turns black
    after = re.search(r"theme\.css\?v=(\w+)", client.get("/").content.decode()).group(1)
    assert before != after
    css = client.get(f"/theme.css?v={after}").content.decode()
    assert "--utrecht-page-footer-color: #000000;" in css
    # Bullets in yellow would vanish on white: they take the action colour instead.
    assert "--utrecht-unordered-list-marker-color: #0b4f8a;" in css


def test_without_settings_the_demo_is_groningen(chapter, client_for, team_member):
    web = client_for(team_member)
    web.cookies["django_language"] = "en"
    for name, html in pages(web, chapter).items():
        assert re.search(r'class="ks-brand__city">Groningen<', html), name
        assert "municipality of Groningen" in part(html, "footer"), name
        assert "ks-brand__logo" not in html, name
    statement = web.get(reverse("portal:accessibility")).content.decode()
    assert "municipality of Groningen on 14 050" in statement
    css = web.get(reverse("theme-css")).content.decode()
    assert "--utrecht-page-footer-background-color: #cc0000;" in css


def test_another_name_without_a_phone_number_leaves_the_number_out(settings, client):
    settings.KENNISSTAD_MUNICIPALITY_NAME = "Zwolle"
    settings.KENNISSTAD_MUNICIPALITY_PHONE = ""
    client.cookies["django_language"] = "en"
    statement = client.get(reverse("portal:accessibility")).content.decode()
    assert "contact the municipality of Zwolle and ask for" in statement
    assert "14 050" not in statement


@pytest.mark.parametrize(
    ("setting", "value", "check_id"),
    [
        ("KENNISSTAD_BRAND_COLOUR", "red", "core.E002"),
        ("KENNISSTAD_ACTION_COLOUR", "#12345", "core.E002"),
        ("KENNISSTAD_ACTION_COLOUR", "#88aaff", "core.E003"),  # 2.3:1 on white
        ("KENNISSTAD_MUNICIPALITY_NAME", " ", "core.E001"),
        ("KENNISSTAD_LOGO", "https://www.example.nl/logo.svg", "core.E004"),
    ],
)
def test_unusable_settings_stop_the_start(settings, setting, value, check_id):
    setattr(settings, setting, value)
    with pytest.raises(SystemCheckError, match=check_id):
        call_command("check")


def test_every_word_and_excel_export_names_its_author(zwolle, client_for, team_member):
    from openpyxl import load_workbook

    from kennisstad.delegations.exports import render
    from kennisstad.delegations.selectors import Period
    from kennisstad.relations.tests.factories import OrganisationFactory

    OrganisationFactory(name="Hogeschool Windesheim")
    response = client_for(team_member).get(
        reverse("relations:organisation-list"), {"format": "xlsx"}
    )
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert "Zwolle" in workbook.properties.creator
    register = load_workbook(io.BytesIO(render("travel", Period(2027, 1), "xlsx")))
    assert "Zwolle" in register.properties.creator
    from kennisstad.integrity.exports import render as render_integrity
    from kennisstad.integrity.selectors import PublicationPeriod

    word = docx_text(render_integrity("gifts", PublicationPeriod(2027, 1), "docx"))
    assert "Zwolle" in word and "python-docx" not in word


def test_chapter_workbook_names_the_configured_municipality(
    zwolle, chapter, client_for, team_member
):
    from openpyxl import load_workbook

    response = client_for(team_member).get(
        reverse("planning:chapter-export", args=[chapter.pk, "xlsx"])
    )
    content = b"".join(response.streaming_content) if response.streaming else response.content
    workbook = load_workbook(io.BytesIO(content))
    assert "Zwolle" in workbook.properties.creator
    assert "openpyxl" not in (workbook.properties.creator or "")
