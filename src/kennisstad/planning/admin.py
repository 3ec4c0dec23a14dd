from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Chapter


@admin.register(Chapter)
class ChapterAdmin(ReadOnlyRegistryAdmin):
    list_display = ["document", "policy_area"]
