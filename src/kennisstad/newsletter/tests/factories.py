"""Test data for the newsletter: subscribers (one by one, or thousands at once) and editions."""

import datetime

import factory
from django.utils import timezone

from kennisstad.newsletter.models import (
    Edition,
    Subscriber,
    SubscriberStatus,
    new_key,
)


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"lezer{n}@example.org")
    language = "nl"
    status = SubscriberStatus.CONFIRMED
    consent_text = "Ik wil de internationale nieuwsbrief ontvangen."
    confirmed_at = factory.LazyFunction(timezone.now)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    subject_nl = "Internationale nieuwsbrief december"
    subject_en = "International newsletter December"
    intro_nl = "Welkom bij de nieuwsbrief."
    intro_en = "Welcome to the newsletter."
    body_nl = "Nieuws uit het programma."
    body_en = "News from the programme."
    activities_from = factory.LazyFunction(timezone.localdate)
    activities_until = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=90)
    )


def many_subscribers(count: int, *, english_every: int = 3) -> None:
    """``count`` confirmed subscribers in one insert (no history rows: a fast fixture)."""
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"abonnee{n:05d}@example.org",
                language="en" if n % english_every == 0 else "nl",
                status=SubscriberStatus.CONFIRMED,
                key=new_key(),
                confirmed_at=now,
            )
            for n in range(count)
        ],
        batch_size=1000,
    )


def walk_edition() -> int:
    """A draft edition for the browser walk's pages (made on first use)."""
    edition = Edition.objects.order_by("pk").first() or EditionFactory()
    return edition.pk
