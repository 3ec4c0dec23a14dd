"""Each kind of record shows its "Files" section on its own page, with the link to add one for
who may change the record; the section comes from this app (the record's app does not know it)."""

import pytest
from django.urls import reverse

from kennisstad.attachments.kinds import KINDS
from kennisstad.tests.factories import full_registry

from .factories import attachment_on

pytestmark = pytest.mark.django_db


def test_every_kind_of_record_shows_its_files(team_member, client_for):
    from kennisstad.planning.tests.factories import import_seed

    full_registry(team_member)
    import_seed()
    client = client_for(team_member)
    for field, kind in KINDS.items():
        record = kind.model._default_manager.order_by("pk").first()
        attachment_on(record, team_member, title=f"Bestand bij {field}")
        page = client.get(reverse(kind.detail_url, args=[record.pk]))
        assert page.status_code == 200, field
        html = page.content.decode()
        assert f"Bestand bij {field}" in html, field
        assert reverse(f"attachments:add-to-{field}", args=[record.pk]) in html, field


def test_every_record_key_is_a_registered_kind():
    """A kind added to one place and not the other would take files nobody can see, or none."""
    from kennisstad.attachments.models import RECORD_FIELDS, Attachment

    assert set(RECORD_FIELDS) == set(KINDS)
    for field, kind in KINDS.items():
        assert Attachment._meta.get_field(field).related_model is kind.model
