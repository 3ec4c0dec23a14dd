"""A spreadsheet row the import refuses is explained in the interface's language (Dutch by
default): the row, the column as the file names it, and the reason."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("kind", "csv", "dutch"),
    [
        ("organisations", "Naam;Land\nX;Narnia\n", "rij 2: Land: onbekend land “Narnia”"),
        ("organisations", "Naam;Land\n;NL\n", "rij 2: Naam: Dit veld kan niet leeg zijn"),
        (
            "people",
            "Voornaam;Achternaam;Bewaren tot\nA;B;31-31-2020\n",
            "rij 2: Bewaren tot: “31-31-2020” is geen datum",
        ),
        (
            "projects",
            "Titel (Nederlands);Categorie\nP;Onbekend\n",
            "rij 2: Categorie: onbekende categorie “Onbekend”",
        ),
    ],
)
def test_a_bad_row_is_explained_in_dutch(client_for, team_member, kind, csv, dutch):
    response = client_for(team_member).post(
        "/dashboard/import/",
        {"kind": kind, "file": SimpleUploadedFile("rijen.csv", csv.encode()), "dry_run": "on"},
    )
    assert response.status_code == 200
    assert dutch in html.unescape(response.content.decode())
