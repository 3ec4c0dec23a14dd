"""The integrity registers' part of a contact's personal data: the gifts they gave to an
office-holder or staff member.

On erasure, an entry of the published gifts register keeps the giver's name as published: the
register is published under the code of conduct the council adopted (Gemeentewet art. 15(3),
41c, 69), so erasing it is excepted by AVG art. 17(3)(b); the entry records why. Every other
entry (not above the threshold, or of a period not yet published) loses the name: it is
replaced by "erased" and the link to the contact is cleared."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kennisstad.privacy.lawful_basis import LawfulBasis
from kennisstad.privacy.registry import register_processing_activity, register_record_kind
from kennisstad.relations.personal_data import (
    Kept,
    register_eraser,
    register_group_keeper,
    register_section,
)

from . import selectors
from .models import GiftReceived

KEPT_FIELDS = ("giver_name",)
GROUND = (
    "AVG art. 17(3)(b): the giver's name is part of the published gifts register "
    "(Gedragscode integriteit, Gemeentewet art. 15(3)); the published entry is kept as published."
)


def _gifts(person) -> list[dict]:
    gifts = GiftReceived.objects.filter(giver_person=person).select_related("recipient")
    return [
        {
            "id": gift.pk,
            "received_on": gift.received_on,
            "giver_name": gift.giver_name,
            "recipient": str(gift.recipient),
            "description": gift.description_nl,
            "occasion": gift.occasion,
            "estimated_value": str(gift.estimated_value),
            "published": selectors.is_published(gift),
        }
        for gift in gifts.order_by("received_on", "pk")
    ]


@register_group_keeper
def published_gift_entries(people) -> dict[int, list[Kept]]:
    kept: dict[int, list[Kept]] = {}
    for gift in selectors.published_gifts_of_any(person_ids=[person.pk for person in people]):
        kept.setdefault(gift.giver_person_id, []).append(
            Kept(model="integrity.giftreceived", pk=gift.pk, fields=KEPT_FIELDS, ground=GROUND)
        )
    return kept


@register_eraser
def anonymise_givers(people, needles) -> int:
    """Unpublished entries lose the name; published ones keep it, with the ground recorded.
    Both lose the link to the contact, which is anonymous from now on."""
    pks = [person.pk for person in people]
    published = {gift.pk for gift in selectors.published_gifts_of_any(person_ids=pks)}
    entries = GiftReceived.objects.filter(giver_person_id__in=pks)
    erased = gettext("(erased)")
    changed = entries.exclude(pk__in=published).update(giver_name=erased, giver_person=None)
    changed += entries.filter(pk__in=published).update(erasure_note=GROUND, giver_person=None)
    history = GiftReceived.history.filter(giver_person_id__in=pks)
    changed += history.exclude(id__in=published).update(giver_name=erased, giver_person=None)
    changed += history.filter(id__in=published).update(giver_person=None)
    return changed


register_section(
    "integrity",
    _("Gifts given to the municipality"),
    _gifts,
    order=47,
    labels={
        "id": _("Number"),
        "received_on": _("Received on"),
        "giver_name": _("Giver as published"),
        "recipient": _("Recipient"),
        "description": _("Description"),
        "occasion": _("Occasion"),
        "estimated_value": _("Estimated value (EUR)"),
        "published": _("In the published register"),
    },
)


def unlink_past_givers(*, cutoff, dry_run: bool = False, **_unused) -> int:
    """The purge as ``privacy`` runs it for the kind "gift register entry": entries received
    before ``cutoff`` lose the link to the giver's contact record; an entry that was never in the
    published register also loses the giver's name. A published entry keeps the name as
    published (the register stays as the council was told)."""
    due = GiftReceived.objects.filter(received_on__lt=cutoff, giver_person__isnull=False)
    unpublished = GiftReceived.objects.filter(received_on__lt=cutoff).exclude(
        pk__in=selectors.published_gift_entries().values("pk")
    )
    erased = gettext("(erased)")
    named = unpublished.exclude(giver_name=erased)
    if dry_run:
        return due.count() + named.exclude(pk__in=due.values("pk")).count()
    changed = due.update(giver_person=None)
    changed += named.update(giver_name=erased)
    history = GiftReceived.history.filter(received_on__lt=cutoff)
    history.update(giver_person=None)
    history.exclude(id__in=selectors.published_gift_entries().values("pk")).update(
        giver_name=erased
    )
    return changed


register_record_kind(
    "integrity.gift",
    _("Gift register entry (the giver)"),
    default_months=84,
    starts_from=_("the day the gift was received"),
    ground=_(
        "Gemeentewet art. 15(3) and the code of conduct: the register is published; seven years "
        "keeps it for accountability and audit, after which the link to the contact goes"
    ),
    purge=unlink_past_givers,
    order=60,
)
register_processing_activity(
    "integrity.registers",
    _("Integrity registers of office-holders"),
    purposes=_(
        "Registering and publishing gifts, hospitality and trips paid by third parties received "
        "by office-holders and staff, as the code of conduct requires"
    ),
    data_subjects=_("Office-holders and staff; givers and paying parties"),
    personal_data=_("Name and function; the giver's name and organisation; occasion and value"),
    lawful_basis=LawfulBasis.LEGAL_OBLIGATION,
    recipients=_("The public (the published register, above the threshold); the team"),
    transfers=_("None"),
    record_kinds=("integrity.gift",),
    security=_("Access by role; versioned records with an audit trail"),
    order=60,
)
