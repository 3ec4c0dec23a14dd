"""What a partner calendar's sync changed is shown as made by that calendar, not by "system"."""

from types import SimpleNamespace

from django.utils import translation

from kennisstad.agenda.ics_plan import sync_change_reason
from kennisstad.core.history import history_actor, history_reason


def test_a_sync_change_is_made_by_the_partner_calendar():
    record = SimpleNamespace(
        history_user=None, history_change_reason=sync_change_reason("RUG, agenda.rug.nl (#3)")
    )
    with translation.override("en"):
        assert str(history_actor(record)) == "partner calendar: RUG, agenda.rug.nl (#3)"
    assert history_reason(record) == ""
