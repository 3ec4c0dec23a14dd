"""Writes of the newsletter: subscribing (double opt-in), confirming, unsubscribing, editions and
starting to send one, and the retention purge. Mailing itself is ``sending``'s."""

import datetime
import hashlib
import logging
from smtplib import SMTPException
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from kennisstad.core.background import enqueue_on_commit
from kennisstad.core.events import log_event
from kennisstad.core.models import Theme
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.relations import services as relations_services
from kennisstad.relations.models import REASON_LISTED, PersonalDataAction
from kennisstad.relations.selectors import person_list

from . import mails, selectors, tokens
from .models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    Subscriber,
    SubscriberStatus,
)

THROTTLE_SECONDS = 3600
logger = logging.getLogger(__name__)


def normalise_email(email: str) -> str:
    """One spelling per address: ``Anna@Example.NL `` and ``anna@example.nl`` are one subscriber."""
    return (email or "").strip().lower()


def _within_limit(kind: str, value: str, limit: int) -> bool:
    """Count one more request of ``kind`` for ``value`` in the shared cache (all servers count
    together); False once ``limit`` requests were made within the hour. The value is hashed:
    the cache never holds an address."""
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    key = f"newsletter:{kind}:{digest}"
    cache.add(key, 0, THROTTLE_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, THROTTLE_SECONDS)
        count = 1
    return count <= limit


def client_within_limit(client: str | None) -> bool:
    """Whether a client address (IP) may ask for another subscription this hour."""
    return _within_limit("client", client or "unknown", settings.NEWSLETTER_SUBSCRIBE_PER_CLIENT)


@transaction.atomic
def subscribe(*, email: str, language: str, themes: list[Theme], consent_text: str) -> bool:
    """Ask for a subscription: mail a confirmation link carrying the wanted language and themes.

    The answer to the visitor is the same whether the address is new, pending, subscribed or
    unsubscribed (nobody learns who subscribed); a new address is stored as pending, an existing
    one is left as it is until the link is followed. Past the per-address limit nothing is sent
    (returns False), again with the same answer."""
    email = normalise_email(email)
    if not _within_limit("address", email, settings.NEWSLETTER_SUBSCRIBE_PER_ADDRESS):
        return False
    # Nothing of an existing address changes here (whoever asks is not verified yet): the
    # language, themes and consent travel in the link and are stored when it is followed.
    subscriber, _created = Subscriber.objects.get_or_create(
        email=email, defaults={"language": language}
    )
    token = tokens.confirm_token(
        subscriber.key,
        language=language,
        themes=sorted(theme.pk for theme in themes),
        consent_text=consent_text,
    )
    from .tasks import send_confirmation

    # Through the queue, never in the request: a mail server or broker that is down must not
    # give the visitor an error page (``enqueue`` logs; in-process the task logs its failure).
    enqueue_on_commit(send_confirmation, subscriber.key, token, language)
    return True


def mail_confirmation(*, key: str, token: str, language: str) -> int:
    """Send the confirmation mail (the task's work; the broker sees the key, not the address).
    0 when the address was removed meanwhile."""
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        return 0
    mails.send_confirmation(subscriber.email, key, token, language)
    return 1


@transaction.atomic
def confirm(*, token: str) -> Subscriber | None:
    """Follow a confirmation link: subscribed, in the language and to the themes it carries.
    None when the link is forged, too old, or its address was removed meanwhile."""
    confirmation = tokens.read_confirm_token(token)
    if confirmation is None:
        return None
    subscriber = Subscriber.objects.select_for_update().filter(key=confirmation.key).first()
    if subscriber is None or _issued_before_unsubscribing(confirmation, subscriber):
        return None
    if confirmation.consent_text:
        subscriber.consent_text = confirmation.consent_text
    subscriber.status = SubscriberStatus.CONFIRMED
    subscriber.language = confirmation.language if confirmation.language in ("nl", "en") else "nl"
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber._change_reason = "confirmed"
    subscriber.save()
    subscriber.themes.set(Theme.objects.filter(pk__in=confirmation.themes))
    return subscriber


def _issued_before_unsubscribing(confirmation: tokens.Confirmation, subscriber: Subscriber) -> bool:
    """An old link (from before the last unsubscribe) must not subscribe the address again."""
    left = subscriber.unsubscribed_at
    return left is not None and confirmation.issued_at < left.timestamp()


def subscriber_for_unsubscribe(token: str) -> Subscriber | None:
    key = tokens.read_unsubscribe_token(token)
    return Subscriber.objects.filter(key=key).first() if key else None


@transaction.atomic
def unsubscribe(*, token: str) -> bool:
    """Unsubscribe the address the link names, at once; undelivered mails of an edition being
    sent are not sent to it. True also when it was unsubscribed already (the link may be
    used twice); False for a link that names nobody."""
    key = tokens.read_unsubscribe_token(token)
    subscriber = Subscriber.objects.select_for_update().filter(key=key).first() if key else None
    if subscriber is None:
        return False
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber._change_reason = "unsubscribed"
        subscriber.save()
    return True


def save_edition(
    *, edition: Edition, user: UserLike, expected_version: int | None = None
) -> Edition:
    """Create or change an edition; only a draft may change (what was sent stays as sent)."""
    if edition.pk and edition.status != EditionStatus.DRAFT:
        raise ValidationError(_("This edition is no longer a draft and cannot be changed."))
    if edition.activities_until < edition.activities_from:
        raise ValidationError(
            {"activities_until": _("The period ends before it starts.")},
        )
    return save_record(instance=edition, user=user, expected_version=expected_version)


@transaction.atomic
def start_sending(*, edition: Edition, user: UserLike) -> int:
    """Create one delivery per confirmed subscriber, all in one transaction, and queue the
    sending task once that is committed. Returns the number of deliveries created."""
    from .tasks import send_edition_batch

    current = Edition.objects.select_for_update().get(pk=edition.pk)
    if current.status != EditionStatus.DRAFT:
        raise ValidationError(_("This edition has already been sent or is being sent."))
    subscribers = Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).values_list(
        "pk", flat=True
    )
    deliveries = [Delivery(edition=current, subscriber_id=pk) for pk in subscribers.iterator()]
    Delivery.objects.bulk_create(deliveries, batch_size=1000, ignore_conflicts=True)
    current.activity_ids = [activity.pk for activity in selectors.edition_activities(current)]
    current.status = EditionStatus.SENDING
    current.sending_started_at = timezone.now()
    current._change_reason = "sending started"
    save_record(instance=current, user=user, expected_version=current.version)
    enqueue_on_commit(send_edition_batch, current.pk)
    return len(deliveries)


@transaction.atomic
def release_unknown(*, edition: Edition, user: UserLike) -> int:
    """After the team checked (the mail log, a subscriber's word) that the mails of unknown
    outcome did not arrive: put them back to pending and send them. Claims younger than a few
    minutes may still be in a batch's hands and stay. Returns how many go out again."""
    from .tasks import send_edition_batch

    current = Edition.objects.select_for_update().get(pk=edition.pk)
    if current.status == EditionStatus.DRAFT:
        raise ValidationError(_("This edition has not been sent."))
    released = Delivery.objects.filter(
        edition=current,
        status=DeliveryStatus.CLAIMED,
        claimed_at__lt=timezone.now() - datetime.timedelta(minutes=5),
    ).update(status=DeliveryStatus.PENDING, claimed_at=None)
    if released:
        current.status = EditionStatus.SENDING
        current._change_reason = f"{released} of unknown outcome sent again"
        save_record(instance=current, user=user, expected_version=current.version)
        enqueue_on_commit(send_edition_batch, current.pk)
    return released


def delete_subscribers(queryset: QuerySet[Subscriber]) -> int:
    """Remove subscribers without a trace: their history rows too (their deliveries stay, with
    no address, so an edition's counts stay right)."""
    ids = list(queryset.values_list("pk", flat=True))
    if not ids:
        return 0
    Subscriber.history.model.objects.filter(id__in=ids).delete()
    Subscriber.themes.through.objects.filter(subscriber_id__in=ids).delete()
    Delivery.objects.filter(subscriber_id__in=ids).update(subscriber=None)
    Subscriber.objects.filter(pk__in=ids).delete()
    Subscriber.history.model.objects.filter(id__in=ids).delete()  # the deletion's own row
    return len(ids)


def log_subscribers_listed(*, user: UserLike, subscribers: list[Subscriber]) -> None:
    """Showing addresses is a read of personal data: a named event with the subscribers' numbers
    (not their addresses), and a row in the personal-data access log for each address that is
    a person's in relations, as the people lists do."""
    if not subscribers:
        return
    log_event(
        "newsletter.subscribers.listed",
        user=user,
        subscribers=",".join(str(subscriber.pk) for subscriber in subscribers),
    )
    relations_services.log_personal_data_reads(
        user=user,
        person_ids=persons_with_emails([subscriber.email for subscriber in subscribers]),
        action=PersonalDataAction.READ,
        reason=REASON_LISTED,
    )


def persons_with_emails(emails: list[str]) -> list[int]:
    wanted = {normalise_email(email) for email in emails} - {""}
    return list(
        person_list()
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in=wanted)
        .values_list("pk", flat=True)
    )


@transaction.atomic
def erase_subscriber(*, email: str, user: UserLike) -> bool:
    """Erase one subscriber who is not a person in relations (a person's erasure there removes
    their subscriptions): the row, its themes and every history row; the deliveries stay
    without an address. Logged with the subscriber's number, not the address."""
    email = normalise_email(email)
    if persons_with_emails([email]):
        raise ValidationError(
            {
                "email": _(
                    "This address belongs to a person in relations: erase the person there "
                    "(that removes the subscription too)."
                )
            }
        )
    subscriber = Subscriber.objects.filter(email=email).first()
    if subscriber is None:
        raise ValidationError({"email": _("No subscriber has this address.")})
    pk = subscriber.pk
    delete_subscribers(Subscriber.objects.filter(pk=pk))
    log_event("newsletter.subscriber.erased", user=user, subscriber=pk)
    return True


@transaction.atomic
def purge_subscribers(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Retention: never-confirmed subscriptions and unsubscribed addresses older than their
    periods (``NEWSLETTER_*_RETENTION_DAYS``) are removed, history included."""
    now = now or timezone.now()
    pending_before = now - datetime.timedelta(days=settings.NEWSLETTER_PENDING_RETENTION_DAYS)
    gone_before = now - datetime.timedelta(days=settings.NEWSLETTER_UNSUBSCRIBED_RETENTION_DAYS)
    pending = Subscriber.objects.filter(
        status=SubscriberStatus.PENDING, created_at__lt=pending_before
    )
    unsubscribed = Subscriber.objects.filter(
        Q(status=SubscriberStatus.UNSUBSCRIBED) & Q(unsubscribed_at__lt=gone_before)
    )
    return {
        "pending": delete_subscribers(pending),
        "unsubscribed": delete_subscribers(unsubscribed),
    }


def purge_unsubscribed(*, cutoff: datetime.date, dry_run: bool = False, **_unused: Any) -> int:
    """The purge as ``privacy`` runs it for the kind "subscriber": addresses unsubscribed
    before ``cutoff`` (today minus the municipality's period), history included."""
    before = timezone.make_aware(datetime.datetime.combine(cutoff, datetime.time.min))
    gone = Subscriber.objects.filter(
        status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at__lt=before
    )
    return gone.count() if dry_run else delete_subscribers(gone)


def send_test(*, edition: Edition, email: str, language: str) -> None:
    """Mail the edition to one address (not a subscriber), marked as a test in its subject.
    A mail that cannot be built or sent raises ``ValidationError`` with a message for the page
    (the error's class is logged), never an error page."""
    try:
        mails.send_test_mail(edition, normalise_email(email), language)
    except (OSError, SMTPException, ValueError) as exc:
        logger.warning("Newsletter test mail not sent: %s", type(exc).__name__)
        raise ValidationError(
            _("The test mail could not be sent (%(error)s). Check the subject and try again later.")
            % {"error": type(exc).__name__}
        ) from exc


def deliveries_left(edition: Edition) -> bool:
    return Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING).exists()
