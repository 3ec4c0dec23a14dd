"""Registrations in the admin: read-only, like every registry record (changes go through the
services and the team's pages, so places, waiting list and history stay right)."""

from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Registration, RegistrationSettings


@admin.register(RegistrationSettings)
class RegistrationSettingsAdmin(ReadOnlyRegistryAdmin):
    list_display = ["activity", "is_open", "capacity", "deadline", "waiting_list", "retention_days"]
    list_filter = ["is_open", "waiting_list"]
    search_fields = ["activity__title_nl", "activity__title_en"]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyRegistryAdmin):
    list_display = ["name", "activity", "status", "waiting_position", "checked_in_at", "no_show"]
    list_filter = ["status", "no_show"]
    search_fields = ["name", "email", "organisation", "activity__title_nl"]
    raw_id_fields = ["activity", "person"]
