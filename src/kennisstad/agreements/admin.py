from django.contrib import admin

from kennisstad.core.admin_tools import ReadOnlyRegistryAdmin

from .models import Agreement


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyRegistryAdmin):
    list_display = ["title_nl", "kind", "signed_on", "expires_on", "is_public"]
    list_filter = ["kind", "is_public"]
    search_fields = ["title_nl", "title_en"]
