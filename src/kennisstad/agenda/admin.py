from django.contrib import admin
from django.db import models

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Activity, CalendarSubscription


@admin.register(Activity)
class ActivityAdmin(ReadOnlyRegistryAdmin):
    list_display = ["title_nl", "kind", "starts_at", "ends_at", "visibility", "status", "sequence"]
    list_filter = ["kind", "visibility", "status", "themes"]
    search_fields = ["title_nl", "title_en", "location", "city", "uid"]
    date_hierarchy = "starts_at"


@admin.register(CalendarSubscription)
class CalendarSubscriptionAdmin(admin.ModelAdmin):
    """Administrators register partners' published calendars; sync-feeds pulls them."""

    list_display = ["organisation", "url", "visibility", "active", "last_synced_at", "last_error"]
    list_filter = ["active", "visibility"]
    readonly_fields = ["last_synced_at", "last_error"]
    autocomplete_fields = ["organisation"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
