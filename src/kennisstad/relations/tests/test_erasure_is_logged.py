"""An erasure writes ``privacy.person.erased`` once it commits: the person's number and how
many records each app changed, and nothing personal (no name, address, telephone, nor the
reason, which may quote them). A refused erasure logs nothing; the daily purge logs each
erasure, each failure and a summary."""

import datetime
import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from kennisstad.agenda.tests.factories import ActivityFactory
from kennisstad.core.events import JsonFormatter
from kennisstad.core.tests.events import listen, logged, names
from kennisstad.relations import services
from kennisstad.relations.models import Person
from kennisstad.relations.services import erase_person, purge_expired, save_interaction
from kennisstad.relations.tests.factories import (
    InteractionFactory,
    OrganisationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

FIRST, LAST = "Wilhelmina", "Oosterbroek-Zandvoort"
EMAIL = "w.oosterbroek@zandvoort-example.nl"
PHONE = "+31 50 367 1234"
REASON = f"Verzoek van {FIRST} {LAST} per brief"
PERSONAL = [FIRST, LAST, EMAIL, PHONE, "Directeur", "per brief", "oosterbroek"]
TEXT_FIELDS = {"event", "actor", "action"}  # the only strings an erasure event may hold


@pytest.fixture
def events(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    return django_capture_on_commit_callbacks


@pytest.fixture
def contact(team_member):
    person = PersonFactory(
        first_name=FIRST, last_name=LAST, email=EMAIL, phone=PHONE, job_title="Directeur"
    )
    person.organisations.add(OrganisationFactory())
    interaction = InteractionFactory(notes=f"Gesproken met {FIRST} {LAST}, bel {PHONE}.")
    save_interaction(interaction=interaction, user=team_member, expected_version=1)
    ActivityFactory(description_nl=f"Ontvangst door {FIRST} {LAST}")
    return person


def only_numbers_and_labels(fields: dict) -> list[str]:
    """What in the event is not a number, a flag, an app label or one of ``TEXT_FIELDS``."""
    labels = {config.label for config in apps.get_app_configs()}
    wrong = []
    for key, value in fields.items():
        if isinstance(value, dict):
            wrong += [f"{key}.{name}" for name in value if name not in labels]
            wrong += [f"{key}.{name}" for name, n in value.items() if type(n) is not int]
        elif not allowed(key, value):
            wrong.append(key)
    return wrong


def allowed(key: str, value) -> bool:
    if isinstance(value, str):
        return key in TEXT_FIELDS
    return value is None or type(value) in (int, bool)


def test_an_erasure_logs_numbers_per_app(contact, team_member, caplog, events):
    with events(execute=True):
        erase_person(person=contact, user=team_member, reason=REASON)
    [erased] = logged(caplog, "privacy.person.erased")
    assert erased["actor"] == f"user:{team_member.pk}"
    assert (erased["person"], erased["action"]) == (contact.pk, "erase")
    assert erased["organisations_unlinked"] == 1
    assert erased["versions_blanked"] == contact.history.count() - 1  # all but the erasure's
    assert erased["erased_by_app"]["agenda"] == 1  # the activity naming the person, renewed
    assert {"agenda", "delegations", "search"} <= set(erased["erased_by_app"])
    assert erased["scrubbed_by_app"]["relations"] >= 2  # the interaction and its history
    assert erased["scrubbed_by_app"]["agenda"] >= 2  # the activity and its history
    assert erased["scrubbed_total"] == sum(erased["scrubbed_by_app"].values())


def test_the_erasure_event_holds_no_personal_data(contact, team_member, caplog, events):
    with events(execute=True):
        erase_person(person=contact, user=team_member, reason=REASON)
    record = next(r for r in caplog.records if getattr(r, "event", "") == "privacy.person.erased")
    written = (record.getMessage() + JsonFormatter().format(record)).lower()
    assert [text for text in PERSONAL if text.lower() in written] == []
    # Not only these texts: every field is a number, a flag or a label, whatever is added later.
    assert only_numbers_and_labels(record.event_fields) == []
    assert json.loads(JsonFormatter().format(record))["person"] == contact.pk


def test_a_refused_erasure_logs_nothing(contact, team_member, caplog, events):
    erase_person(person=contact, user=team_member, reason="Verzoek")
    with events(execute=True), pytest.raises(ValidationError):
        erase_person(person=contact, user=team_member, reason="Nog eens")
    assert logged(caplog) == []


def test_the_page_and_the_command_log_their_erasures(team_member, client_for, caplog, events):
    by_page, by_command = PersonFactory(), PersonFactory()
    with events(execute=True):
        client_for(team_member).post(
            reverse("relations:person-erase", args=[by_page.pk]), {"reason": "Verzoek"}
        )
        call_command("erase-person", str(by_command.pk), reason="Brief")
    erased = [(e["person"], e["actor"]) for e in logged(caplog, "privacy.person.erased")]
    assert erased == [(by_page.pk, f"user:{team_member.pk}"), (by_command.pk, "system")]


def test_the_purge_logs_each_erasure_each_failure_and_a_summary(monkeypatch, caplog, events):
    past = datetime.date(2020, 1, 1)
    expired, refused = PersonFactory(retain_until=past), PersonFactory(retain_until=past)
    PersonFactory(retain_until=datetime.date(2999, 1, 1))
    erase_group, erase_one = services.erase_people, services.erase_person

    def erase_or_refuse(*, people, **kwargs):
        if refused.pk in {person.pk for person in people}:
            raise ValidationError("changed meanwhile")
        return erase_group(people=people, **kwargs)

    def erase_one_or_refuse(*, person, **kwargs):  # the group failed: one by one
        if person.pk == refused.pk:
            raise ValidationError("changed meanwhile")
        return erase_one(person=person, **kwargs)

    monkeypatch.setattr(services, "erase_people", erase_or_refuse)
    monkeypatch.setattr(services, "erase_person", erase_one_or_refuse)
    with events(execute=True):
        purge_expired()
    # A failure is written at once; what was erased once it is committed, the summary last.
    assert names(caplog) == [
        "privacy.purge.group_failed",  # the group of both, then one at a time
        "privacy.person.erase_failed",
        "privacy.person.erased",
        "privacy.purge.finished",
    ]
    group, failed, erased, finished = logged(caplog)
    assert (group["people"], group["error"]) == (2, "ValidationError")
    assert (erased["person"], erased["action"], erased["actor"]) == (expired.pk, "purge", "system")
    assert (failed["person"], failed["error"]) == (refused.pk, "ValidationError")
    assert "changed meanwhile" not in str(failed)
    assert (finished["erased"], finished["failed"], finished["dry_run"]) == (1, 1, False)


def test_a_dry_run_purge_logs_only_its_summary(caplog, events):
    PersonFactory(retain_until=datetime.date(2020, 1, 1))
    with events(execute=True):
        purge_expired(dry_run=True)
    assert logged(caplog) == [
        {
            "event": "privacy.purge.finished",
            "actor": "system",
            "erased": 1,
            "failed": 0,
            "dry_run": True,
        }
    ]
    assert Person.objects.filter(erased_at__isnull=True).count() == 1
