"""Every stage an application reaches is dated in its stage history, on the day the editor gives
(today by default), never in the future nor before the change before it; the transitions follow
the funder's process: running only once granted, granted or rejected only once submitted."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kennisstad.funding.models import Application, Programme, Stage
from kennisstad.funding.services import save_application
from kennisstad.funding.stage_history import years_in_stages

pytestmark = pytest.mark.django_db
D = datetime.date
FIRST_DAY = D(2017, 1, 10)


def new(stage=Stage.IDEA, on=FIRST_DAY, user=None) -> Application:
    application = Application(title_nl="Noordzee", programme=Programme.INTERREG, stage=stage)
    return save_application(application=application, user=user, stage_on=on)


def move(application, stage, on, user=None):
    application.stage = stage
    return save_application(
        application=application, user=user, expected_version=application.version, stage_on=on
    )


def history(application):
    return list(application.stage_changes.values_list("stage", "changed_on"))


def test_each_stage_is_dated(team_member):
    application = new(user=team_member)
    move(application, Stage.SUBMITTED, D(2017, 3, 1), team_member)
    move(application, Stage.GRANTED, D(2017, 9, 1), team_member)
    move(application, Stage.RUNNING, D(2017, 10, 1), team_member)
    application.title_nl = "Noordzee havens"  # not a stage change: no new row
    save_application(application=application, user=team_member, expected_version=4)
    assert history(application) == [
        ("idea", D(2017, 1, 10)),
        ("submitted", D(2017, 3, 1)),
        ("granted", D(2017, 9, 1)),
        ("running", D(2017, 10, 1)),
    ]
    assert application.stage_changes.last().changed_by == team_member


def test_a_stage_without_a_date_took_effect_today():
    application = Application(title_nl="Noordzee", programme=Programme.HORIZON)
    save_application(application=application, user=None)
    assert history(application) == [("idea", timezone.localdate())]


@pytest.mark.parametrize(
    ("path", "refused", "words"),
    [
        ([Stage.SUBMITTED], Stage.RUNNING, "only after it was granted"),
        ([], Stage.GRANTED, "only after it was submitted"),
        ([Stage.SUBMITTED, Stage.GRANTED, Stage.RUNNING, Stage.CLOSED], Stage.IDEA, "cannot go"),
    ],
)
def test_transitions_the_process_does_not_allow_are_refused(path, refused, words):
    application = new()
    for number, stage in enumerate(path):
        move(application, stage, D(2017, 2, 1 + number))
    with pytest.raises(ValidationError) as error:
        move(application, refused, D(2017, 6, 1))
    assert words in error.value.message_dict["stage"][0]
    assert len(history(Application.objects.get())) == len(path) + 1


def test_a_new_application_cannot_start_running():
    with pytest.raises(ValidationError) as error:
        new(stage=Stage.RUNNING)
    assert "stage" in error.value.message_dict
    assert not Application.objects.exists()


def test_dates_stay_in_order_and_in_the_past():
    application = new()
    with pytest.raises(ValidationError) as error:
        move(application, Stage.SUBMITTED, D(2016, 12, 31))
    assert "before the previous one" in error.value.message_dict["stage"][0]
    with pytest.raises(ValidationError) as error:
        move(application, Stage.SUBMITTED, timezone.localdate() + datetime.timedelta(days=1))
    assert "future" in error.value.message_dict["stage"][0]


def test_a_year_counts_the_stages_held_at_some_moment_of_it():
    changes = [
        ("submitted", D(2016, 3, 1)),
        ("granted", D(2016, 11, 1)),
        ("running", D(2017, 1, 1)),
        ("closed", D(2019, 6, 30)),
    ]
    years = list(range(2015, 2022))
    today = D(2026, 1, 1)
    assert years_in_stages(changes, stages=["running"], years=years, today=today) == [
        2017,
        2018,
        2019,
    ]
    assert years_in_stages(changes, stages=["submitted"], years=years, today=today) == [2016]
    # Granted on 1 November 2016 and running from 1 January 2017: granted in both years.
    assert years_in_stages(changes, stages=["granted"], years=years, today=today) == [2016, 2017]
    # Still running: up to today, never in a year that has not begun.
    assert years_in_stages(changes[:3], stages=["running"], years=[2027], today=today) == []
