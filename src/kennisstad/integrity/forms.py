"""The forms of the integrity registers, and the period chooser of the register page."""

from django.utils.translation import gettext_lazy as _

from kennisstad.core.forms import DateInput, VersionedModelForm
from kennisstad.core.widgets import RegistryChooserSingle
from kennisstad.delegations.models import Delegation

from .models import GiftGiven, GiftReceived, OfficeHolder, ThirdPartyTrip

ORGANISATION = {"suggest_url": "relations:organisation-suggest"}


def _delegations():
    return Delegation.objects.select_related("activity").order_by("-activity__starts_at")


class OfficeHolderForm(VersionedModelForm):
    class Meta:
        model = OfficeHolder
        fields = ["name", "function", "portfolio", "in_office_from", "in_office_until"]
        widgets = {"in_office_from": DateInput(), "in_office_until": DateInput()}


class GiftReceivedForm(VersionedModelForm):
    class Meta:
        model = GiftReceived
        fields = [
            "recipient",
            "received_on",
            "giver_name",
            "giver_organisation",
            "giver_person",
            "occasion",
            "description_nl",
            "description_en",
            "estimated_value",
            "disposition",
            "delegation",
        ]
        widgets = {
            "received_on": DateInput(),
            "giver_organisation": RegistryChooserSingle(**ORGANISATION),
            "giver_person": RegistryChooserSingle(suggest_url="relations:person-suggest"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = _delegations()
        self.fields["delegation"].help_text = _(
            "Only when it was received during a visit; empty for a conference, by post, ..."
        )


class GiftGivenForm(VersionedModelForm):
    class Meta:
        model = GiftGiven
        fields = [
            "given_on",
            "giver",
            "recipient",
            "recipient_organisation",
            "occasion",
            "description_nl",
            "description_en",
            "estimated_value",
            "delegation",
        ]
        widgets = {
            "given_on": DateInput(),
            "recipient_organisation": RegistryChooserSingle(**ORGANISATION),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = _delegations()


class ThirdPartyTripForm(VersionedModelForm):
    class Meta:
        model = ThirdPartyTrip
        fields = [
            "office_holder",
            "kind",
            "paid_by",
            "paid_by_organisation",
            "destination",
            "destination_country",
            "starts_on",
            "ends_on",
            "purpose",
            "estimated_value",
            "delegation",
        ]
        widgets = {
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "paid_by_organisation": RegistryChooserSingle(**ORGANISATION),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["delegation"].queryset = _delegations()
