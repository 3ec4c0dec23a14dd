from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import GiftGiven, GiftReceived, OfficeHolder, ThirdPartyTrip


@admin.register(OfficeHolder)
class OfficeHolderAdmin(ReadOnlyRegistryAdmin):
    list_display = ["name", "function", "portfolio"]
    search_fields = ["name", "portfolio"]


@admin.register(GiftReceived)
class GiftReceivedAdmin(ReadOnlyRegistryAdmin):
    list_display = ["received_on", "description_nl", "recipient", "estimated_value"]
    search_fields = ["description_nl", "giver_name"]


@admin.register(GiftGiven)
class GiftGivenAdmin(ReadOnlyRegistryAdmin):
    list_display = ["given_on", "description_nl", "recipient", "estimated_value"]
    search_fields = ["description_nl", "recipient"]


@admin.register(ThirdPartyTrip)
class ThirdPartyTripAdmin(ReadOnlyRegistryAdmin):
    list_display = ["starts_on", "office_holder", "destination", "paid_by"]
    search_fields = ["destination", "paid_by"]
