"""A person's export lists the files whose title, description or file name names them, so the
team finds them; an erasure scrubs the name from those texts like from every other text."""

import pytest

from kennisstad.projects.tests.factories import ProjectFactory
from kennisstad.relations.personal_data import collect
from kennisstad.relations.tests.factories import PersonFactory

from .factories import attachment_on, upload

pytestmark = pytest.mark.django_db


def test_the_export_lists_files_that_name_the_person(team_member):
    person = PersonFactory(first_name="Annemiek", last_name="Bosscher")
    named = attachment_on(ProjectFactory(), team_member, title="Cv Annemiek Bosscher")
    by_file_name = attachment_on(
        ProjectFactory(), team_member, file=upload("annemiek bosscher paspoort.pdf")
    )
    attachment_on(ProjectFactory(), team_member, title="Projectplan")
    section = next(s for s in collect(person) if s["key"] == "files")
    assert sorted(row["id"] for row in section["rows"]) == sorted([named.pk, by_file_name.pk])
