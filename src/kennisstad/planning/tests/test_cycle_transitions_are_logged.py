"""A document goes ontwerp → aangeboden → vastgesteld → gepubliceerd, each step with its date
(and the adoption with its decision number), each logged once it commits; a step out of order
is refused and logs nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from kennisstad.core.tests.events import listen, logged, names
from kennisstad.planning.services import adopt_document, offer_document, publish_document
from kennisstad.planning.tests.cycle_setup import begroting
from kennisstad.policy.models import Document, DocumentStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]
D = datetime.date


@pytest.fixture
def events(caplog, django_capture_on_commit_callbacks):
    listen(caplog)
    return django_capture_on_commit_callbacks


def test_the_whole_cycle_records_its_dates_and_logs_each_step(team_member, caplog, events):
    document = begroting()
    with events(execute=True):
        offer_document(document=document, on=D(2017, 10, 1), user=team_member)
        adopt_document(
            document=document, on=D(2017, 11, 9), decision_number=" 2017-123 ", user=team_member
        )
        publish_document(document=document, on=D(2017, 11, 20), user=team_member)
    stored = Document.objects.get()
    assert stored.status == DocumentStatus.PUBLISHED and stored.is_adopted
    assert (stored.offered_on, stored.adopted_on, stored.published_on) == (
        D(2017, 10, 1),
        D(2017, 11, 9),
        D(2017, 11, 20),
    )
    assert stored.decision_number == "2017-123"
    assert names(caplog) == [
        "publication.document.offered",
        "publication.chapter.published",
        "publication.document.adopted",
        "publication.document.published",
    ]
    [offered] = logged(caplog, "publication.document.offered")
    assert offered == {
        "event": "publication.document.offered",
        "actor": f"user:{team_member.pk}",
        "document": document.pk,
        "kind": "begroting",
        "year": 2018,
    }
    [published] = logged(caplog, "publication.document.published")
    assert published["via"] == "publish"


def test_a_draft_may_be_adopted_without_a_recorded_offer(team_member):
    document = begroting()
    adopt_document(document=document, on=D(2017, 11, 9), decision_number="7", user=team_member)
    document.refresh_from_db()
    assert document.status == DocumentStatus.ADOPTED and document.offered_on is None


@pytest.mark.parametrize(
    "step",
    [
        "offer twice",
        "publish a draft",
        "publish an offered one",
        "adopt without a number",
        "adopt twice",
        "decide in the future",
        "decide before the offer",
    ],
)
def test_a_step_out_of_order_is_refused_and_logs_nothing(step, team_member, caplog, events):
    document = begroting()
    offer_document(document=document, on=D(2017, 10, 1), user=team_member)
    if step == "adopt twice":
        adopt_document(document=document, on=D(2017, 11, 9), decision_number="7", user=team_member)
    before = Document.objects.get().version
    attempts = {
        "offer twice": lambda: offer_document(
            document=document, on=D(2017, 10, 2), user=team_member
        ),
        "publish a draft": lambda: publish_document(
            document=Document.objects.create(kind="begroting", year=2019), user=team_member
        ),
        "publish an offered one": lambda: publish_document(document=document, user=team_member),
        "adopt without a number": lambda: adopt_document(
            document=document, on=D(2017, 11, 9), decision_number=" ", user=team_member
        ),
        "adopt twice": lambda: adopt_document(
            document=document, on=D(2017, 11, 10), decision_number="8", user=team_member
        ),
        "decide in the future": lambda: adopt_document(
            document=document,
            on=datetime.date.today() + datetime.timedelta(days=2),
            decision_number="8",
            user=team_member,
        ),
        "decide before the offer": lambda: adopt_document(
            document=document, on=D(2017, 9, 1), decision_number="8", user=team_member
        ),
    }
    with events(execute=True), pytest.raises(ValidationError):
        attempts[step]()
    assert Document.objects.get(pk=document.pk).version == before
    assert logged(caplog) == []


def test_an_imported_published_document_gets_its_decision_recorded_later(team_member):
    document = begroting()
    Document.objects.filter(pk=document.pk).update(
        status=DocumentStatus.PUBLISHED, imported=True, published_on=D(2017, 10, 1)
    )
    document.refresh_from_db()
    assert not document.is_adopted  # published by the import, decided by nobody yet
    adopt_document(document=document, on=D(2017, 11, 9), decision_number="7", user=team_member)
    document.refresh_from_db()
    assert document.status == DocumentStatus.PUBLISHED and document.is_adopted
    assert document.published_on == D(2017, 10, 1)


def test_a_bestuursrapportage_is_numbered_within_its_year():
    first = Document.objects.create(kind="bestuursrapportage", year=2018, sequence=1)
    second = Document.objects.create(kind="bestuursrapportage", year=2018, sequence=2)
    assert (str(first), str(second)) == ("Bestuursrapportage 2018-1", "Bestuursrapportage 2018-2")
    with pytest.raises(ValidationError):
        Document(kind="begroting", year=2018, sequence=2).full_clean()
