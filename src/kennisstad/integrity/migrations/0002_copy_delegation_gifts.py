"""Copy the gifts and third-party travel that lived in ``delegations`` into the integrity
registers, before ``delegations`` drops its Gift model:

- a gift the municipality *received* becomes a GiftReceived with its visit, its recipient an
  office-holder (found or made by name, the function guessed from the text); what happened to it
  is translated: "kept by the municipality" is the municipality's property; "registered" is the
  municipality's property above the threshold and kept by the recipient at or below it;
- a gift the municipality *gave* becomes a GiftGiven with its visit;
- a travel cost a third party paid becomes a ThirdPartyTrip of its traveller (the travel cost
  itself stays in the foreign-travel register, which reports the mission's costs by payer).

Each copy gets one audit-trail row saying where it came from. Reversing deletes the copies (the
delegations migration that follows restores the Gift table, empty)."""

import datetime
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.db import migrations
from django.utils import timezone

REASON = "Copied from the delegation's gifts and travel costs (integrity registers)"
FUNCTIONS = (
    ("burgemeester", "mayor"),
    ("mayor", "mayor"),
    ("wethouder", "alderman"),
    ("alderman", "alderman"),
    ("secretaris", "secretary"),
    ("raadslid", "council_member"),
)
DISPOSITIONS = {"kept": "municipality", "returned": "returned", "donated": "charity"}


def _function(text: str) -> str:
    lowered = (text or "").lower()
    return next((code for word, code in FUNCTIONS if word in lowered), "staff")


def _history(apps, model_name: str, record, now) -> None:
    historical = apps.get_model("integrity", f"Historical{model_name}")
    values = {
        field.attname: getattr(record, field.attname)
        for field in record._meta.concrete_fields
        if field.attname != "updated_at"
    }
    historical.objects.create(
        **values, history_date=now, history_type="+", history_change_reason=REASON
    )


def _holder(apps, cache: dict, name: str, title: str, now):
    OfficeHolder = apps.get_model("integrity", "OfficeHolder")
    name = (name or title or "?")[:200]
    if name not in cache:
        holder = OfficeHolder.objects.filter(name=name).first()
        if holder is None:
            holder = OfficeHolder.objects.create(
                name=name, function=_function(f"{name} {title}"), portfolio=(title or "")[:200]
            )
            _history(apps, "OfficeHolder", holder, now)
        cache[name] = holder
    return cache[name]


def copy(apps, schema_editor):
    Gift = apps.get_model("delegations", "Gift")
    TravelCost = apps.get_model("delegations", "TravelCost")
    GiftReceived = apps.get_model("integrity", "GiftReceived")
    GiftGiven = apps.get_model("integrity", "GiftGiven")
    ThirdPartyTrip = apps.get_model("integrity", "ThirdPartyTrip")
    threshold = Decimal(str(getattr(settings, "GIFTS_REGISTER_THRESHOLD", "50")))
    now = timezone.now()
    holders: dict = {}
    for gift in Gift.objects.select_related("delegation__activity").order_by("pk"):
        common = {
            "delegation_id": gift.delegation_id,
            "description_nl": gift.description_nl,
            "description_en": gift.description_en,
            "estimated_value": gift.estimated_value,
            "occasion": str(gift.delegation.activity.title_nl)[:300],
        }
        if gift.direction == "given":
            record = GiftGiven.objects.create(
                given_on=gift.given_on, giver=gift.giver, recipient=gift.recipient, **common
            )
            _history(apps, "GiftGiven", record, now)
            continue
        disposition = DISPOSITIONS.get(gift.disposition)
        if disposition is None:  # "registered" (or nothing): the rule decides
            disposition = "municipality" if gift.estimated_value > threshold else "kept"
        record = GiftReceived.objects.create(
            recipient=_holder(apps, holders, gift.recipient, gift.recipient, now),
            received_on=gift.given_on,
            giver_name=gift.giver,
            disposition=disposition,
            **common,
        )
        _history(apps, "GiftReceived", record, now)
    third_party = TravelCost.objects.filter(paid_by="third_party").select_related(
        "delegation__activity"
    )
    for cost in third_party.order_by("pk"):
        activity = cost.delegation.activity
        zone = zoneinfo.ZoneInfo(activity.timezone or settings.TIME_ZONE)
        starts_on = activity.starts_at.astimezone(zone).date()
        ends = activity.ends_at.astimezone(zone)
        ends_on = (ends - datetime.timedelta(days=1)).date() if activity.all_day else ends.date()
        record = ThirdPartyTrip.objects.create(
            office_holder=_holder(apps, holders, cost.traveller, cost.traveller_function, now),
            kind="trip",
            paid_by=cost.payer or "?",
            destination=str(activity.city or cost.destination_country)[:200],
            destination_country=cost.destination_country,
            starts_on=starts_on,
            ends_on=max(ends_on, starts_on),
            purpose=str(cost.delegation.purpose_nl)[:300],
            estimated_value=(cost.transport or 0) + (cost.lodging or 0) + (cost.other or 0),
            delegation_id=cost.delegation_id,
        )
        _history(apps, "ThirdPartyTrip", record, now)


def uncopy(apps, schema_editor):
    for name in ("ThirdPartyTrip", "GiftGiven", "GiftReceived", "OfficeHolder"):
        apps.get_model("integrity", f"Historical{name}").objects.all().delete()
        apps.get_model("integrity", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("integrity", "0001_initial"),
        ("delegations", "0001_initial"),
        ("agenda", "0008_digest_mail"),
    ]

    operations = [migrations.RunPython(copy, uncopy)]
