"""A NUL character in an uploaded text file (a chapter, a calendar) is refused with its line, on
every way in: PostgreSQL cannot store one in a text column, so it would otherwise end in a 500
halfway through the writes."""

import pytest
from django.utils import translation

from kennisstad.core.text_input import TextInputError, decode_text

from .importing import chapter_with_line, stored, upload_chapter

pytestmark = pytest.mark.django_db


def test_decoding_names_the_line_of_the_nul():
    with translation.override("en"), pytest.raises(TextInputError, match="Line 3 contains a NUL"):
        decode_text(b"one\ntwo\nth\x00ree\n", max_bytes=1000)


def test_a_chapter_with_a_nul_is_refused_and_nothing_is_written(client_for, team_member):
    before = stored()
    response = upload_chapter(client_for(team_member), chapter_with_line(5, "2.1.4 Kennis\x00"))
    assert response.status_code == 200
    assert "NUL" in response.content.decode()
    assert stored() == before
