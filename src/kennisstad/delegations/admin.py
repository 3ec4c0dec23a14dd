from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Delegation


@admin.register(Delegation)
class DelegationAdmin(ReadOnlyRegistryAdmin):
    list_display = ["activity", "organisation", "country"]
    search_fields = ["activity__title_nl", "organisation__name"]
