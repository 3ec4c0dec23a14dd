"""An .ics import checks every event before it takes the write lock: a calendar with a wrong
last event is refused (naming its line) even while another writer holds the lock, and
nothing is written; checking only reads."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kennisstad.agenda.ics_import import IcsFormatError, import_events, parse_ics, plan_events
from kennisstad.agenda.models import Activity
from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.tests.locking import another_writer_holds_the_lock


def event(uid: str, day: int, extra: str = "") -> str:
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nSUMMARY:Handelsmissie {day}\r\n"
        f"DTSTART:203001{day:02d}T090000Z\r\nDTEND:203001{day:02d}T110000Z\r\n{extra}"
        "END:VEVENT\r\n"
    )


def calendar(*events: str) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//\r\n"
        + "".join(events)
        + ("END:VCALENDAR\r\n")
    )


# Exceptions without a recurrence: readable iCalendar, but not a valid activity.
WRONG_LAST = calendar(
    *(event(f"ok-{n}@partner", n) for n in range(1, 6)),
    event("wrong@partner", 9, extra="EXDATE:20300116T090000Z\r\n"),
)
# The refusal names the line of the property that is wrong (lines count from 1).
WRONG_LINE = WRONG_LAST.split("\r\n").index("EXDATE:20300116T090000Z") + 1


@pytest.mark.django_db(transaction=True)
def test_a_wrong_last_event_is_refused_while_another_writer_holds_the_lock():
    with another_writer_holds_the_lock(), pytest.raises(IcsFormatError) as refused:
        import_events(parse_ics(WRONG_LAST))
    assert refused.value.line == WRONG_LINE
    assert "wrong@partner" in refused.value.message
    assert not Activity.objects.exists()


@pytest.mark.django_db
def test_checking_a_calendar_only_reads():
    ActivityFactory(uid="ok-1@partner")
    with CaptureQueriesContext(connection) as queries:
        plan = plan_events(parse_ics(calendar(*(event(f"ok-{n}@partner", n) for n in (1, 2)))))
    assert len(plan.created) == 1
    assert len(plan.changed) == 1
    assert all(q["sql"].lstrip().upper().startswith("SELECT") for q in queries.captured_queries)
