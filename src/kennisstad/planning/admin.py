from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import ActionProgress, Amendment, Chapter, Forecast


@admin.register(Chapter)
class ChapterAdmin(ReadOnlyRegistryAdmin):
    list_display = ["document", "policy_area"]


@admin.register(Amendment)
class AmendmentAdmin(ReadOnlyRegistryAdmin):
    list_display = ["number", "document", "accepted", "indicator", "year", "new_target"]
    list_filter = ["accepted"]
    search_fields = ["number", "description"]
    list_select_related = ["document", "indicator"]


@admin.register(ActionProgress)
class ActionProgressAdmin(ReadOnlyRegistryAdmin):
    list_display = ["report", "action", "status"]
    list_filter = ["status"]
    list_select_related = ["report", "action"]


@admin.register(Forecast)
class ForecastAdmin(ReadOnlyRegistryAdmin):
    list_display = ["report", "indicator", "year", "display_text"]
    list_filter = ["year"]
    list_select_related = ["report", "indicator"]
