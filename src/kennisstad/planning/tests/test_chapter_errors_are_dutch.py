"""A chapter text the import refuses, and the report of one it reads, are in the interface's
language (Dutch by default), not in English."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kennisstad.planning.tests.factories import seed_text

pytestmark = pytest.mark.django_db


def with_line_replaced(number: int, new: str | None) -> str:
    lines = seed_text().split("\n")
    if new is None:
        del lines[number - 1]
    else:
        lines[number - 1] = new
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("text", "dutch"),
    [
        ("Begroting 1800\n\nNotulen van het overleg\n", "regel 1: het jaar 1800 ligt niet tussen"),
        (with_line_replaced(43, "> vijf"), "regel 43: de cel “> vijf” voor “Beoogd 2018”"),
        (with_line_replaced(33, None), "de cel voor “Beoogd 2018” ontbreekt"),
        (
            with_line_replaced(29, "> 2"),
            "is een behaalde waarde, maar de cel bevat een streefwaarde",
        ),
    ],
)
def test_a_refused_chapter_is_explained_in_dutch(client_for, team_member, text, dutch):
    response = client_for(team_member).post(
        "/begroting/import/",
        {"file": SimpleUploadedFile("h.txt", text.encode()), "dry_run": "on"},
    )
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert dutch in page and "1 probleem: er is niets geïmporteerd" in page


def test_the_dry_run_report_is_dutch(client_for, team_member):
    response = client_for(team_member).post(
        "/begroting/import/",
        {"file": SimpleUploadedFile("h.txt", seed_text().encode()), "dry_run": "on"},
    )
    page = html.unescape(response.content.decode())
    assert "hoofdstuk 2.1.4 in Begroting 2018" in page and "beleidsveld 2.1.4" in page
    assert "chapter 2.1.4" not in page and "policy area" not in page
