from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .admin_tools import VersionedAdmin
from .models import DemoDataset, Theme

admin.site.site_header = _("Kennisstad administration")
admin.site.site_title = _("Kennisstad")


@admin.register(Theme)
class ThemeAdmin(VersionedAdmin):
    list_display = ["name_nl", "name_en", "slug"]
    search_fields = ["name_nl", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_nl"]}


@admin.register(DemoDataset)
class DemoDatasetAdmin(admin.ModelAdmin):
    list_display = ["scenario", "loaded_at"]
