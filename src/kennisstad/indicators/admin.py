from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Indicator, Realisation, Target


@admin.register(Indicator)
class IndicatorAdmin(ReadOnlyRegistryAdmin):
    list_display = ["code", "name_nl", "policy_area", "method", "measured_from"]
    list_filter = ["method", "frequency"]
    search_fields = ["code", "name_nl", "name_en"]


@admin.register(Target)
class TargetAdmin(ReadOnlyRegistryAdmin):
    list_display = ["indicator", "year", "display_text", "set_in"]


@admin.register(Realisation)
class RealisationAdmin(ReadOnlyRegistryAdmin):
    list_display = ["indicator", "year", "value", "origin", "measured_on", "source_document"]
    list_filter = ["origin"]
