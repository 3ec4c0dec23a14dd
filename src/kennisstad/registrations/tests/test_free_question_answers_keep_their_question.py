"""Answers to free questions are stored under the question's stable key: reordering or
removing questions never shows an answer under another question's label."""

import pytest

from kennisstad.registrations import services
from kennisstad.registrations.forms import RegistrationForm
from kennisstad.registrations.views_team import export_columns

from .factories import RegistrationFactory, RegistrationSettingsFactory

pytestmark = pytest.mark.django_db


def _save(config, questions, user):
    config.free_questions = questions
    services.save_settings(config=config, user=user, expected_version=config.version)
    config.refresh_from_db()
    return config


def _answers_by_label(config, registration) -> dict:
    columns = export_columns(config)[-len(config.free_questions) :]
    return {str(column.label): column.value(registration) for column in columns}


def test_removing_a_question_keeps_the_answers_under_their_own_label(team_member):
    config = RegistrationSettingsFactory()
    config = _save(
        config, [{"nl": "Allergie?", "en": ""}, {"nl": "Hoe gehoord?", "en": ""}], team_member
    )
    first, second = (question["key"] for question in config.free_questions)
    registration = RegistrationFactory(
        activity=config.activity, answers={first: "pinda", second: "via nieuwsbrief"}
    )
    config = _save(config, [{"nl": "Hoe gehoord?", "en": ""}], team_member)
    assert _answers_by_label(config, registration) == {
        "Hoe gehoord?": "via nieuwsbrief",
        "Allergie?": "pinda",
    }
    form = RegistrationForm(config=config)
    assert second in form.fields and first not in form.fields


def test_reordering_keeps_the_keys(team_member):
    config = RegistrationSettingsFactory()
    config = _save(config, [{"nl": "A", "en": ""}, {"nl": "B", "en": ""}], team_member)
    keys = {question["nl"]: question["key"] for question in config.free_questions}
    config = _save(config, [{"nl": "B", "en": ""}, {"nl": "A", "en": ""}], team_member)
    assert [q["key"] for q in config.free_questions] == [keys["B"], keys["A"]]


def test_the_migration_keys_existing_questions_by_their_position():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("kennisstad.registrations.migrations.0003_free_question_keys")
    config = RegistrationSettingsFactory(free_questions=[{"nl": "A"}, {"nl": "B"}])
    migration.key_questions(apps, None)
    config.refresh_from_db()
    assert [q["key"] for q in config.free_questions] == ["q1", "q2"]
