"""The integrity registers' part of a contact's personal data: the gifts they gave to an
office-holder or staff member.

On erasure, an entry of the published gifts register keeps the giver's name as published: the
register is published under the code of conduct the council adopted (Gemeentewet art. 15(3),
41c, 69), so erasing it is excepted by AVG art. 17(3)(b); the entry records why. Every other
entry (not above the threshold, or of a period not yet published) loses the name: it is
replaced by "erased" and the link to the contact is cleared."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kennisstad.relations.personal_data import (
    Kept,
    register_eraser,
    register_keeper,
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


@register_keeper
def published_gift_entries(person) -> list[Kept]:
    return [
        Kept(model="integrity.giftreceived", pk=gift.pk, fields=KEPT_FIELDS, ground=GROUND)
        for gift in selectors.published_gifts_of(person_id=person.pk)
    ]


@register_eraser
def anonymise_givers(person, needles) -> int:
    """Unpublished entries lose the name; published ones keep it, with the ground recorded.
    Both lose the link to the contact, which is anonymous from now on."""
    published = {gift.pk for gift in selectors.published_gifts_of(person_id=person.pk)}
    entries = GiftReceived.objects.filter(giver_person=person)
    erased = gettext("(erased)")
    changed = entries.exclude(pk__in=published).update(giver_name=erased, giver_person=None)
    changed += entries.filter(pk__in=published).update(erasure_note=GROUND, giver_person=None)
    history = GiftReceived.history.filter(giver_person_id=person.pk)
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
