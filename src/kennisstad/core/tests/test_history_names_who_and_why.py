"""The change history names who made a change: a user, or a registered system actor (a partner
calendar's sync); a plain change reason without a user is shown as the reason, not as a person."""

import pytest

from kennisstad.core import history
from kennisstad.core.models import Theme
from kennisstad.core.services import save_record

pytestmark = pytest.mark.django_db


def change(theme: Theme, *, reason: str) -> None:
    theme.name_en = f"{theme.name_en}!"
    save_record(instance=theme, user=None, expected_version=theme.version, change_reason=reason)


@pytest.fixture
def theme():
    return Theme.objects.create(slug="water", name_nl="Water", name_en="Water")


def test_a_plain_reason_is_why_not_who(theme):
    change(theme, reason="imported from spreadsheet")
    newest = history.recent_changes(theme)[0]
    assert newest["who"] == ""
    assert newest["why"] == "imported from spreadsheet"


def test_a_registered_system_actor_is_who(theme, monkeypatch):
    monkeypatch.setitem(history.SYSTEM_ACTORS, "robot sync", "robot")
    change(theme, reason="robot sync: Harbour feed (#3)")
    newest = history.recent_changes(theme)[0]
    assert newest["who"] == "robot: Harbour feed (#3)"
    assert newest["why"] == ""
