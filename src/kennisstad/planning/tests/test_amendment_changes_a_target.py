"""An amendment the council accepted changes the document's target (indicator, year, new value)
or a section's text when the document is adopted; a rejected one and one in words only change
nothing; once adopted, no amendment is added."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from kennisstad.core.tests.events import listen, logged
from kennisstad.indicators.models import Indicator, Target
from kennisstad.planning.models import Amendment, Section
from kennisstad.planning.services import adopt_document, record_amendment
from kennisstad.planning.tests.cycle_setup import begroting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
D = datetime.date


def test_an_accepted_amendment_changes_the_target_when_the_document_is_adopted(team_member):
    document = begroting()
    indicator = Indicator.objects.order_by("code").first()
    record_amendment(
        document=document,
        number="A1",
        description="Het doel wordt hoger.",
        indicator=indicator,
        year=2018,
        new_target="> 7",
        user=team_member,
    )
    target = Target.objects.get(indicator=indicator, year=2018, set_in=document)
    assert target.display_text == "> 5"  # recorded, not yet applied
    adopt_document(document=document, on=D(2017, 11, 9), decision_number="7", user=team_member)
    target.refresh_from_db()
    assert (target.comparator, target.value, target.display_text) == (">", 7, "> 7")
    assert target.is_frozen
    assert Amendment.objects.get().applied_on == D(2017, 11, 9)


def test_amendments_given_with_the_adoption_are_recorded_and_applied(team_member):
    document = begroting()
    indicator = Indicator.objects.order_by("code").last()
    section = Section.objects.get()
    adopt_document(
        document=document,
        on=D(2017, 11, 9),
        decision_number="7",
        user=team_member,
        amendments=[
            {
                "number": "A2",
                "description": "Nieuw doel.",
                "indicator": indicator,
                "year": 2018,
                "new_target": "10–12",
            },
            {
                "number": "A3",
                "description": "Nieuwe tekst.",
                "section": section,
                "new_text": "Nog meer samenwerking.",
            },
            {
                "number": "A4",
                "description": "Verworpen.",
                "accepted": False,
                "indicator": indicator,
                "year": 2018,
                "new_target": "> 100",
            },
            {"number": "M5", "description": "Alleen in woorden."},
        ],
    )
    target = Target.objects.get(indicator=indicator, year=2018, set_in=document)
    assert (target.comparator, target.value, target.value_high) == ("range", 10, 12)
    section.refresh_from_db()
    assert section.body_nl == "Nog meer samenwerking."
    applied = dict(Amendment.objects.values_list("number", "applied_on"))
    assert applied == {"A2": D(2017, 11, 9), "A3": D(2017, 11, 9), "A4": None, "M5": D(2017, 11, 9)}


def test_an_amendment_for_a_year_without_a_target_sets_one(team_member):
    document = begroting()
    indicator = Indicator.objects.order_by("code").first()
    record_amendment(
        document=document,
        number="A6",
        description="Doel voor 2019.",
        indicator=indicator,
        year=2019,
        new_target="≥ 8",
        user=team_member,
    )
    adopt_document(document=document, on=D(2017, 11, 9), decision_number="7", user=team_member)
    target = Target.objects.get(indicator=indicator, year=2019, set_in=document)
    assert (target.comparator, target.value) == ("≥", 8)


def test_an_unreadable_new_target_or_a_missing_year_is_refused(team_member):
    document = begroting()
    indicator = Indicator.objects.first()
    for wrong in ({"new_target": "veel", "year": 2018}, {"new_target": "> 7", "year": None}):
        with pytest.raises(ValidationError):
            record_amendment(
                document=document,
                number="A7",
                description="x",
                indicator=indicator,
                user=team_member,
                **wrong,
            )
    assert not Amendment.objects.exists()


def test_no_amendment_is_added_to_an_adopted_document(team_member):
    document = begroting()
    adopt_document(document=document, on=D(2017, 11, 9), decision_number="7", user=team_member)
    with pytest.raises(ValidationError, match="adopted"):
        record_amendment(document=document, number="A8", description="Te laat.", user=team_member)


def test_recording_an_amendment_logs_ids_and_flags_only(
    team_member, caplog, django_capture_on_commit_callbacks
):
    listen(caplog)
    document = begroting()
    with django_capture_on_commit_callbacks(execute=True):
        amendment = record_amendment(
            document=document,
            number="A9",
            description="Vrije tekst die niet in het log hoort.",
            section=Section.objects.get(),
            new_text="Andere tekst.",
            user=team_member,
        )
    [event] = logged(caplog, "cycle.amendment.recorded")
    assert event == {
        "event": "cycle.amendment.recorded",
        "actor": f"user:{team_member.pk}",
        "amendment": amendment.pk,
        "document": document.pk,
        "accepted": True,
        "changes_target": False,
        "changes_text": True,
    }
